//! The OHID "NHS Acute (Hospital) Trust Catchment Populations" shares by local authority
//! (`nhs_trust22_code,ltla21_code,proportion_trust_came_from_ltla`):
//! the share of each acute trust's modelled catchment population living in each local authority.
//!
//! Columns are found by name: a trust code column (a header holding `trust` and ending in `code`), a local
//! authority code column (`ltla21_code`, `LAD21CD`, ...) and a share column (a header starting `proportion`).
//! A table by ICB (no local-authority column) is refused with a hint: the catchment mix is
//! built from local-authority census figures.

use std::io::Read;

use super::{find_geo, norm_code, FileCtx, GeoRole};
use crate::error::{Error, Result};

/// One trust's share from one local authority.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CatchmentRow {
    /// The trust's ODS code (`R0A`), upper case.
    pub trust: String,
    /// The local authority's GSS code, upper case.
    pub area: String,
    /// The share (0-1) of the trust's catchment population living in that local authority.
    pub proportion: f64,
}

/// A catchment table read from a file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Catchment {
    /// The file (as given).
    pub path: std::path::PathBuf,
    /// Every row, in file order.
    pub rows: Vec<CatchmentRow>,
}

impl Catchment {
    /// The rows of one trust (ODS code, any case).
    pub fn trust<'a>(&'a self, ods: &'a str) -> impl Iterator<Item = &'a CatchmentRow> + 'a {
        self.rows.iter().filter(move |r| r.trust.eq_ignore_ascii_case(ods.trim()))
    }
}

/// Where the columns are: trust, area, proportion; `area` is `None` for a table at another level.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    trust: usize,
    area: Option<usize>,
    proportion: usize,
}

/// `Some` when the header is a catchment table.
pub(crate) fn detect(headers: &[String]) -> Option<Layout> {
    let trust = headers.iter().position(|h| h.contains("trust") && h.ends_with("code"))?;
    let proportion = headers.iter().position(|h| h.starts_with("proportion"))?;
    Some(Layout { trust, area: find_geo(headers, &["ltla", "lad"], GeoRole::Code), proportion })
}

/// Reads every row.
pub(crate) fn read<R: Read>(ctx: &FileCtx<'_>, layout: Layout, rdr: &mut csv::Reader<R>) -> Result<Catchment> {
    let Some(area) = layout.area else {
        return Err(ctx.layout_error("a catchment table by local authority (`ltla21_code`)")).map_err(|e: Error| {
            e.with_hint(
                "give the catchment shares by local authority (a column such as ltla21_code): the catchment mix is \
                 built from local-authority figures; see docs/population.md",
            )
        });
    };
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| ctx.csv_error(e))?;
        let line = rec.position().map_or(0, |p| p.line());
        let trust = norm_code(rec.get(layout.trust).unwrap_or(""));
        let code = norm_code(rec.get(area).unwrap_or(""));
        if trust.is_empty() || code.is_empty() {
            continue;
        }
        let cell = rec.get(layout.proportion).unwrap_or("");
        let proportion: f64 = cell
            .trim()
            .parse()
            .ok()
            .filter(|p: &f64| (0.0..=1.0).contains(p))
            .ok_or_else(|| ctx.bad_value(line, layout.proportion, cell, "a proportion from 0 to 1"))?;
        rows.push(CatchmentRow { trust, area: code, proportion });
    }
    Ok(Catchment { path: ctx.path.to_path_buf(), rows })
}

#[cfg(test)]
mod tests {
    use crate::read::census::{read_population_csv, PopulationFile};
    use std::path::Path;

    #[test]
    fn ltla_catchment() {
        let f = read_population_csv(
            Path::new("c.csv"),
            "nhs_trust22_code,ltla21_code,proportion_trust_came_from_ltla\nr0a,E08000003,0.35\nR0A,E08000009,0.65\nRJ1,E09000022,1\n"
                .as_bytes(),
        )
        .unwrap();
        let PopulationFile::Catchment(c) = f else { panic!("{f:?}") };
        assert_eq!(c.rows.len(), 3);
        let r0a: Vec<_> = c.trust("r0a").collect();
        assert_eq!(r0a.len(), 2);
        assert_eq!((r0a[0].area.as_str(), r0a[0].proportion), ("E08000003", 0.35));
    }

    #[test]
    fn icb_catchment_is_refused() {
        let e = read_population_csv(
            Path::new("icb.csv"),
            "nhs_trust22_code,icb22_code,proportion_trust_came_from_icb\nR0A,E54000057,0.9\n".as_bytes(),
        )
        .unwrap_err();
        let m = e.to_string();
        assert!(m.contains("icb.csv") && m.contains("ltla21"), "{m}");
    }
}
