//! Simplified census files (the layout of tidied-up ONS tables): one row per area, a GSS
//! code column named like `lsoa21_code` / `ltla22_code`, `total_usual_residents`, and either the five broad groups
//! `asian,black,mixed,white,other` (TS021) or `disabled_equality_act[,not_disabled_equality_act]` (TS038).
//!
//! * ethnic group by LSOA: `lsoa21_code,ltla22_code,total_usual_residents,asian,black,mixed,white,other`
//! * disability by LSOA: `lsoa21_code,ltla22_code,total_usual_residents,disabled_equality_act,not_disabled_equality_act`
//! * disability by local authority: `ltla22_code,ltla22_name,total_usual_residents,disabled_equality_act,not_disabled_equality_act,pct_disabled`
//!
//! The area is the smallest geography with a code column (LSOA before local authority); a local-authority code
//! beside an LSOA code is kept as the area's parent.

use std::collections::BTreeMap;
use std::io::Read;

use super::{
    find_geo, norm_code, parse_count, AreaCounts, CensusFormat, CensusTable, DisabilityCounts, EthnicCounts, FileCtx,
    GeoRole,
};
use crate::error::Result;

/// Where the columns are.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    code: usize,
    name: Option<usize>,
    parent: Option<usize>,
    total: usize,
    /// White, Asian, Black, Mixed, Other.
    eth: Option<[usize; 5]>,
    /// Disabled, not disabled.
    dis: Option<(usize, Option<usize>)>,
}

/// `Some` when the header is one of the simplified layouts.
pub(crate) fn detect(headers: &[String]) -> Option<Layout> {
    let pos = |name: &str| headers.iter().position(|h| h == name);
    let total = pos("total_usual_residents")?;
    let eth = match (pos("white"), pos("asian"), pos("black"), pos("mixed"), pos("other")) {
        (Some(w), Some(a), Some(b), Some(m), Some(o)) => Some([w, a, b, m, o]),
        _ => None,
    };
    let dis = pos("disabled_equality_act").map(|d| (d, pos("not_disabled_equality_act")));
    if eth.is_none() && dis.is_none() {
        return None;
    }
    const ORDER: [&[&str]; 5] = [&["lsoa"], &["msoa"], &["ltla", "lad"], &["utla"], &["region", "rgn", "ctry"]];
    let (code, level) = ORDER.iter().find_map(|lv| find_geo(headers, lv, GeoRole::Code).map(|c| (c, *lv)))?;
    let name = find_geo(headers, level, GeoRole::Name);
    let parent = if level[0] == "lsoa" || level[0] == "msoa" {
        find_geo(headers, &["ltla", "lad"], GeoRole::Code)
    } else {
        None
    };
    Some(Layout { code, name, parent, total, eth, dis })
}

/// Reads every row.
pub(crate) fn read<R: Read>(ctx: &FileCtx<'_>, layout: Layout, rdr: &mut csv::Reader<R>) -> Result<CensusTable> {
    let mut areas = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| ctx.csv_error(e))?;
        let line = rec.position().map_or(0, |p| p.line());
        let code = norm_code(rec.get(layout.code).unwrap_or(""));
        if code.is_empty() {
            continue;
        }
        let value = |i: usize| {
            let cell = rec.get(i).unwrap_or("");
            parse_count(cell).ok_or_else(|| ctx.bad_value(line, i, cell, "a count"))
        };
        let total = value(layout.total)?;
        let ethnicity = match layout.eth {
            Some(cols) => {
                let mut groups = [0u64; 5];
                for (g, &i) in groups.iter_mut().zip(&cols) {
                    *g = value(i)?;
                }
                Some(EthnicCounts { total, groups })
            }
            None => None,
        };
        let disability = match layout.dis {
            Some((d, nd)) => {
                let disabled = value(d)?;
                let not_disabled = match nd {
                    Some(i) => value(i)?,
                    None => total.saturating_sub(disabled),
                };
                Some(DisabilityCounts { total, disabled, not_disabled })
            }
            None => None,
        };
        let text = |i: Option<usize>| i.and_then(|i| rec.get(i)).map(str::trim).filter(|s| !s.is_empty());
        let area = AreaCounts {
            name: text(layout.name).map(str::to_string),
            parent: text(layout.parent).map(norm_code),
            ethnicity,
            disability,
        };
        areas.insert(code, area);
    }
    Ok(CensusTable { path: ctx.path.to_path_buf(), format: CensusFormat::Simplified, areas })
}

#[cfg(test)]
mod tests {
    use crate::read::census::{read_population_csv, CensusTable, DisabilityCounts, EthnicCounts, PopulationFile};
    use std::path::Path;

    fn table(text: &str) -> CensusTable {
        match read_population_csv(Path::new("inline.csv"), text.as_bytes()).unwrap() {
            PopulationFile::Census(t) => t,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lsoa_broad_ethnic_groups() {
        let t = table(
            "lsoa21_code,ltla22_code,total_usual_residents,asian,black,mixed,white,other\n\
             E01000001,E09000001,1474,158,11,56,1181,68\n",
        );
        let a = &t.areas["E01000001"];
        assert_eq!(a.parent.as_deref(), Some("E09000001"));
        assert_eq!(a.ethnicity, Some(EthnicCounts { total: 1474, groups: [1181, 158, 11, 56, 68] }));
    }

    #[test]
    fn lsoa_disability() {
        let t = table(
            "lsoa21_code,ltla22_code,total_usual_residents,disabled_equality_act,not_disabled_equality_act\n\
             E01000001,E09000001,1475,152,1323\n",
        );
        let d = t.areas["E01000001"].disability;
        assert_eq!(d, Some(DisabilityCounts { total: 1475, disabled: 152, not_disabled: 1323 }));
    }

    #[test]
    fn ltla_disability_from_lsoa_with_columns_reordered() {
        let t = table(
            "pct_disabled,ltla22_name,ltla22_code,not_disabled_equality_act,disabled_equality_act,total_usual_residents\n\
             22.9,Hartlepool,E06000001,71196,21143,92339\n",
        );
        let a = &t.areas["E06000001"];
        assert_eq!(a.name.as_deref(), Some("Hartlepool"));
        assert_eq!(a.parent, None);
        assert_eq!(a.disability, Some(DisabilityCounts { total: 92339, disabled: 21143, not_disabled: 71196 }));
    }
}
