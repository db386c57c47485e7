//! Kind `board` (WRES 9, WDES 10): each group's share of all, voting, non-voting, executive and non-executive
//! board members (unknowns in the denominator), against the overall workforce, and the difference for the
//! protected group in percentage points.

use super::definitions::{BoardMembership, Dimension};
use super::representation::{group_of, groups, percent};
use super::results::{BoardDifference, BoardFigures, BoardRow, Figures, Status};
use super::Outcome;
use crate::normalise::records::board::{Board, BoardMember};
use crate::normalise::records::staff::StaffSnapshot;

fn member_group(m: &BoardMember, dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Ethnicity => m.ethnicity.label(),
        Dimension::Disability => m.disability.label(),
    }
}

/// Computes one board indicator.
pub fn board(
    dimension: Dimension,
    rule: &BoardMembership,
    board: Option<&Board>,
    staff: Option<&StaffSnapshot>,
) -> Outcome {
    let labels = groups(dimension);
    let protected = rule.protected_group.label();
    let mut rows = Vec::new();
    let protected_percent = |membership: &'static str, counts: [u64; 3], rows: &mut Vec<BoardRow>| {
        let total: u64 = counts.iter().sum();
        let mut share = None;
        for (label, count) in labels.iter().zip(counts) {
            let p = percent(count, total);
            if *label == protected {
                share = p;
            }
            rows.push(BoardRow { membership, group: label, count: Some(count), total: Some(total), percent: p });
        }
        share
    };
    let Some(board) = board.filter(|b| !b.members.is_empty()) else {
        let figures = Figures::Board(BoardFigures {
            rows,
            difference_pp: BoardDifference { voting: None, executive: None, all: None },
        });
        return Outcome::no_data(figures, "no board file was given, or it lists no members");
    };
    let count = |filter: &dyn Fn(&BoardMember) -> bool| {
        let mut c = [0u64; 3];
        for m in board.members.iter().filter(|m| filter(m)) {
            let g = labels.iter().position(|l| *l == member_group(m, dimension)).unwrap_or(2);
            c[g] += 1;
        }
        c
    };
    let all = protected_percent("all", count(&|_| true), &mut rows);
    let voting = protected_percent("voting", count(&|m| m.voting), &mut rows);
    protected_percent("non_voting", count(&|m| !m.voting), &mut rows);
    let executive = protected_percent("executive", count(&|m| m.executive), &mut rows);
    protected_percent("non_executive", count(&|m| !m.executive), &mut rows);
    let workforce = staff.and_then(|s| {
        let mut c = [0u64; 3];
        for &(p, n) in s.tally() {
            let g = labels.iter().position(|l| *l == group_of(&p, dimension)).unwrap_or(2);
            c[g] += n;
        }
        protected_percent("workforce", c, &mut rows)
    });
    let diff = |b: Option<f64>| Some(b? - workforce?);
    let mut notes = Vec::new();
    if staff.is_none() {
        notes.push("No staff snapshot was given, so the board cannot be compared with the workforce.".to_string());
    }
    Outcome {
        status: Status::Ok,
        reason: None,
        notes,
        figures: Figures::Board(BoardFigures {
            rows,
            difference_pp: BoardDifference { voting: diff(voting), executive: diff(executive), all: diff(all) },
        }),
    }
}
