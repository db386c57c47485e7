//! Board members (WRES 9, WDES 10): ethnicity, disability, and whether voting and executive. Names and roles
//! are never read.

use super::header_names::board as f;
use super::{read_rows, InputFile};
use crate::error::Result;
use crate::normalise::codes::{yes_no, Disability, Ethnicity};
use crate::normalise::quality::{InputQuality, QualityLog};
use crate::read::Cell;

/// One board member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoardMember {
    /// White / BME / Unknown.
    pub ethnicity: Ethnicity,
    /// Disabled / Non-disabled / Unknown.
    pub disability: Disability,
    /// A voting member.
    pub voting: bool,
    /// An executive member.
    pub executive: bool,
}

/// The board.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Board {
    /// The members.
    pub members: Vec<BoardMember>,
}

/// Reads the board file.
pub fn normalise_board(file: &InputFile) -> Result<(Board, InputQuality)> {
    let mut out = Board::default();
    let mut log = QualityLog::default();
    let info = read_rows(file, f::FIELDS, &mut |row| {
        if super::left_out_as_footer(row, f::FIELDS, None, &mut log) {
            return Ok(());
        }
        let text = |i: usize| row.cells.get(i).and_then(Cell::text).map(|t| t.into_owned()).unwrap_or_default();
        let flag = |i: usize, field: &'static str, log: &mut QualityLog| {
            let raw = text(i);
            let v = yes_no::classify(file.mappings.apply(field, &raw, log));
            if v.is_none() {
                log.unrecognised(field, &raw);
            }
            v
        };
        let (Some(voting), Some(executive)) =
            (flag(f::VOTING, "voting", &mut log), flag(f::EXECUTIVE, "executive", &mut log))
        else {
            log.exclude("unrecognised_membership");
            return Ok(());
        };
        let eth_raw = text(f::ETHNICITY);
        let eth = super::ethnicity_or(&eth_raw, file, &mut log, Ethnicity::Unknown);
        let dis_raw = text(f::DISABILITY);
        let dis = super::disability_or(&dis_raw, file, &mut log, Disability::Unknown);
        out.members.push(BoardMember { ethnicity: eth, disability: dis, voting, executive });
        log.used();
        Ok(())
    })?;
    Ok((out, log.finish("board", "row", &info)))
}
