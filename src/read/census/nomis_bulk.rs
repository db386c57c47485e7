//! The Nomis bulk download (`census2021-ts021-ltla.csv`, `census2021-ts038-lsoa.csv`, ...): one row per area,
//! one column per category, headed `date,geography,geography code,<Variable>: <category>...`
//!
//! TS021 columns are `Ethnic group: Total: All usual residents`, `Ethnic group: White`,
//! `Ethnic group: White: Irish`, ...; TS038 columns are `Disability: Total: All usual residents`,
//! `Disability: Disabled under the Equality Act`, `Disability: Not disabled under the Equality Act`, and their
//! sub-groups. A `; measures: Value` suffix is accepted. The high-level group columns are used when present,
//! else the sum of their sub-group columns. Columns without a variable prefix (`date`, `geography`) are ignored.

use std::collections::BTreeMap;
use std::io::Read;

use super::{
    classify_disability, classify_ethnic, norm_code, norm_label, parse_count, AreaCounts, CensusFormat, CensusTable,
    DisAcc, DisCat, EthAcc, EthCat, FileCtx,
};
use crate::error::Result;

/// Where the columns are.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    code: usize,
    name: Option<usize>,
    eth: Vec<(usize, EthCat)>,
    dis: Vec<(usize, DisCat)>,
}

/// `Some` when the header is a Nomis bulk table: `Ok` for TS021/TS038, `Err(expected)` for another table or an
/// unknown category column.
pub(crate) fn detect(headers: &[String]) -> Option<std::result::Result<Layout, String>> {
    let code = headers.iter().position(|h| h == "geography code")?;
    let name = headers.iter().position(|h| h == "geography");
    let mut eth = Vec::new();
    let mut dis = Vec::new();
    let mut other_variable = false;
    for (i, h) in headers.iter().enumerate() {
        let is_eth = h.starts_with("ethnic group:");
        let is_dis = h.starts_with("disability:");
        if !is_eth && !is_dis {
            other_variable |= h.contains(": ");
            continue;
        }
        let Some(label) = norm_label(h) else { continue };
        if is_eth {
            match classify_ethnic(&label) {
                Some(c) => eth.push((i, c)),
                None => return Some(Err(format!("a known Census 2021 ethnic group category, not \"{h}\""))),
            }
        } else {
            match classify_disability(&label) {
                Some(c) => dis.push((i, c)),
                None => return Some(Err(format!("a known Census 2021 disability category, not \"{h}\""))),
            }
        }
    }
    if eth.is_empty() && dis.is_empty() {
        let what = if other_variable {
            "TS021 (Ethnic group: ...) or TS038 (Disability: ...) columns"
        } else {
            "category columns"
        };
        return Some(Err(format!("a Nomis bulk table with {what}")));
    }
    Some(Ok(Layout { code, name, eth, dis }))
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
        let mut area = AreaCounts {
            name: layout.name.and_then(|i| rec.get(i)).map(|s| s.trim().to_string()),
            ..Default::default()
        };
        if !layout.eth.is_empty() {
            let mut acc = EthAcc::default();
            for &(i, cat) in &layout.eth {
                acc.add(cat, value(i)?);
            }
            area.ethnicity = Some(acc.finish());
        }
        if !layout.dis.is_empty() {
            let mut acc = DisAcc::default();
            for &(i, cat) in &layout.dis {
                acc.add(cat, value(i)?);
            }
            area.disability = Some(acc.finish());
        }
        areas.insert(code, area);
    }
    Ok(CensusTable { path: ctx.path.to_path_buf(), format: CensusFormat::NomisBulk, areas })
}

#[cfg(test)]
mod tests {
    use crate::read::census::{read_population_csv, EthnicCounts, PopulationFile};
    use std::path::Path;

    fn table(text: &str) -> crate::read::census::CensusTable {
        match read_population_csv(Path::new("inline.csv"), text.as_bytes()).unwrap() {
            PopulationFile::Census(t) => t,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ts021_wide_with_broad_columns() {
        let t = table(
            "date,geography,geography code,Ethnic group: Total: All usual residents,\
             \"Ethnic group: Asian, Asian British or Asian Welsh\",\"Ethnic group: Asian, Asian British or Asian Welsh: Indian\",\
             \"Ethnic group: Black, Black British, Black Welsh, Caribbean or African\",\
             Ethnic group: Mixed or Multiple ethnic groups,Ethnic group: White,Ethnic group: White: Irish,\
             Ethnic group: Other ethnic group\n\
             2021,Hartlepool,E06000001,92338,1600,335,445,671,89068,170,554\n",
        );
        assert_eq!(t.format, super::CensusFormat::NomisBulk);
        let a = &t.areas["E06000001"];
        assert_eq!(a.name.as_deref(), Some("Hartlepool"));
        assert_eq!(a.ethnicity, Some(EthnicCounts { total: 92338, groups: [89068, 1600, 445, 671, 554] }));
        assert_eq!(a.disability, None);
    }

    #[test]
    fn ts021_wide_with_only_subgroups_and_measures_suffix() {
        let t = table(
            "date,geography,geography code,Ethnic group: White: Irish; measures: Value,\
             Ethnic group: White: Roma; measures: Value,Ethnic group: Other ethnic group: Arab; measures: Value,\
             Ethnic group: White: Roma; measures: Percent\n\
             2021,X,e01000001,10,5,7,33.3\n",
        );
        let e = t.areas["E01000001"].ethnicity.unwrap();
        assert_eq!(e.groups, [15, 0, 0, 0, 7]);
        assert_eq!(e.total, 22);
    }

    #[test]
    fn ts038_wide() {
        let t = table(
            "date,geography,geography code,Disability: Total: All usual residents,\
             Disability: Disabled under the Equality Act,\
             Disability: Disabled under the Equality Act: Day-to-day activities limited a lot,\
             Disability: Disabled under the Equality Act: Day-to-day activities limited a little,\
             Disability: Not disabled under the Equality Act,\
             Disability: Not disabled under the Equality Act: No long term physical or mental health conditions\n\
             2021,Hartlepool,E06000001,92339,21143,10000,11143,71196,60000\n",
        );
        let d = t.areas["E06000001"].disability.unwrap();
        assert_eq!((d.total, d.disabled, d.not_disabled), (92339, 21143, 71196));
    }

    #[test]
    fn unknown_category_column_names_it() {
        let e = read_population_csv(
            Path::new("ts021.csv"),
            "date,geography,geography code,Ethnic group: Purple\n2021,X,E1,3\n".as_bytes(),
        )
        .unwrap_err();
        let m = e.to_string();
        assert!(m.contains("ts021.csv") && m.contains("Ethnic group: Purple") && m.contains("headers found"), "{m}");
    }

    #[test]
    fn other_nomis_table_is_rejected() {
        let e = read_population_csv(
            Path::new("ts009.csv"),
            "date,geography,geography code,Sex: All persons; Age: Total; measures: Value\n2021,X,E1,3\n".as_bytes(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("TS021"), "{e}");
    }

    #[test]
    fn bad_count_names_line_and_column() {
        let e = read_population_csv(
            Path::new("ts021.csv"),
            "date,geography,geography code,Ethnic group: White\n2021,X,E1,lots\n".as_bytes(),
        )
        .unwrap_err();
        let m = e.to_string();
        assert!(m.contains("line 2") && m.contains("Ethnic group: White") && m.contains("lots"), "{m}");
    }
}
