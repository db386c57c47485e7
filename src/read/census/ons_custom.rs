//! Long census tables, one row per area and category:
//!
//! * the ONS "create a custom dataset" download, in both header variants:
//!   `Lower tier local authorities Code,Lower tier local authorities,Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation`
//!   and `Lower layer Super Output Areas code,Lower layer Super Output Areas label,...,Ethnic group (6 categories) code,Ethnic group (6 categories) label,Count,Percentage`;
//!   also `Disability (3 categories)`. Categories are matched by their label, never by their numeric code;
//!   rows for other variables of a multi-variable dataset (age, sex) are summed over.
//! * the Nomis API CSV: `GEOGRAPHY_CODE`, `GEOGRAPHY_NAME`, `C2021_ETH_20_NAME` or `C2021_DISABILITY_5_NAME`,
//!   `OBS_VALUE`, and `MEASURES_NAME` (only `Value` rows are counts).
//! * the ONS ethnic group map table: `ltla21_code,ltla21_name,ethnic_group,value` with labels ending
//!   ` (number)` (counts) or ` (percent)` (skipped).
//!
//! When a file holds both a high-level group and its sub-groups (Nomis API), the high-level rows are used.

use std::collections::BTreeMap;
use std::io::Read;

use super::{
    classify_disability, classify_ethnic, find_geo, norm_code, norm_label, parse_count, AreaCounts, CensusFormat,
    CensusTable, DisAcc, EthAcc, FileCtx, GeoRole,
};
use crate::error::Result;

/// Which variable a category column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Var {
    Ethnicity,
    Disability,
}

/// Where the columns are.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    format: CensusFormat,
    code: usize,
    name: Option<usize>,
    categories: Vec<(usize, Var)>,
    value: usize,
    measure: Option<usize>,
}

/// `Some` when the header is one of the long layouts.
pub(crate) fn detect(headers: &[String]) -> Option<Layout> {
    let pos = |name: &str| headers.iter().position(|h| h == name);
    // ONS custom dataset.
    if let Some(value) = pos("observation").or_else(|| pos("count")) {
        let categories: Vec<(usize, Var)> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.ends_with("categories)") || h.ends_with("categories) label"))
            .filter_map(|(i, h)| {
                if h.starts_with("ethnic group (") {
                    Some((i, Var::Ethnicity))
                } else if h.starts_with("disability (") {
                    Some((i, Var::Disability))
                } else {
                    None
                }
            })
            .collect();
        let code = headers.iter().position(|h| h.ends_with(" code") && !h.contains("categories)"));
        if let (false, Some(code)) = (categories.is_empty(), code) {
            let stem = headers[code].strip_suffix(" code").unwrap_or_default();
            let name = pos(stem).or_else(|| pos(&format!("{stem} label")));
            return Some(Layout { format: CensusFormat::OnsCustom, code, name, categories, value, measure: None });
        }
    }
    // Nomis API.
    if let (Some(code), Some(value)) = (pos("geography_code"), pos("obs_value")) {
        let categories: Vec<(usize, Var)> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.ends_with("_name"))
            .filter_map(|(i, h)| {
                if h.starts_with("c2021_eth") {
                    Some((i, Var::Ethnicity))
                } else if h.starts_with("c2021_disability") {
                    Some((i, Var::Disability))
                } else {
                    None
                }
            })
            .collect();
        if !categories.is_empty() {
            return Some(Layout {
                format: CensusFormat::NomisApi,
                code,
                name: pos("geography_name"),
                categories,
                value,
                measure: pos("measures_name"),
            });
        }
    }
    // ONS map table.
    if let (Some(code), Some(category), Some(value)) = (
        find_geo(headers, &["lsoa", "msoa", "ltla", "lad", "utla", "region", "rgn", "ctry"], GeoRole::Code),
        pos("ethnic_group"),
        pos("value"),
    ) {
        let name = find_geo(headers, &["lsoa", "msoa", "ltla", "lad", "utla", "region", "rgn", "ctry"], GeoRole::Name);
        return Some(Layout {
            format: CensusFormat::OnsMapLong,
            code,
            name,
            categories: vec![(category, Var::Ethnicity)],
            value,
            measure: None,
        });
    }
    None
}

/// Reads every row, summing per area and category.
pub(crate) fn read<R: Read>(ctx: &FileCtx<'_>, layout: Layout, rdr: &mut csv::Reader<R>) -> Result<CensusTable> {
    let has_eth = layout.categories.iter().any(|c| c.1 == Var::Ethnicity);
    let has_dis = layout.categories.iter().any(|c| c.1 == Var::Disability);
    let mut acc: BTreeMap<String, (Option<String>, EthAcc, DisAcc)> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| ctx.csv_error(e))?;
        let line = rec.position().map_or(0, |p| p.line());
        let code = norm_code(rec.get(layout.code).unwrap_or(""));
        if code.is_empty() {
            continue;
        }
        if let Some(m) = layout.measure {
            if !rec.get(m).unwrap_or("").trim().eq_ignore_ascii_case("value") {
                continue;
            }
        }
        let cell = rec.get(layout.value).unwrap_or("");
        let entry = acc.entry(code).or_insert_with(|| {
            (layout.name.and_then(|i| rec.get(i)).map(|s| s.trim().to_string()), EthAcc::default(), DisAcc::default())
        });
        for &(i, var) in &layout.categories {
            let raw = rec.get(i).unwrap_or("");
            let Some(label) = norm_label(raw) else { continue };
            let unknown = || ctx.bad_value(line, i, raw, "a known Census 2021 category label");
            match var {
                Var::Ethnicity => {
                    let cat = classify_ethnic(&label).ok_or_else(unknown)?;
                    let v = parse_count(cell).ok_or_else(|| ctx.bad_value(line, layout.value, cell, "a count"))?;
                    entry.1.add(cat, v);
                }
                Var::Disability => {
                    let cat = classify_disability(&label).ok_or_else(unknown)?;
                    let v = parse_count(cell).ok_or_else(|| ctx.bad_value(line, layout.value, cell, "a count"))?;
                    entry.2.add(cat, v);
                }
            }
        }
    }
    let areas = acc
        .into_iter()
        .map(|(code, (name, eth, dis))| {
            let area = AreaCounts {
                name,
                parent: None,
                ethnicity: has_eth.then(|| eth.finish()),
                disability: has_dis.then(|| dis.finish()),
            };
            (code, area)
        })
        .collect();
    Ok(CensusTable { path: ctx.path.to_path_buf(), format: layout.format, areas })
}

#[cfg(test)]
mod tests {
    use crate::read::census::{read_population_csv, CensusFormat, CensusTable, PopulationFile};
    use std::path::Path;

    fn table(text: &str) -> CensusTable {
        match read_population_csv(Path::new("inline.csv"), text.as_bytes()).unwrap() {
            PopulationFile::Census(t) => t,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn custom_dataset_20_categories() {
        let t = table(
            "Lower tier local authorities Code,Lower tier local authorities,Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation\n\
             E06000001,Hartlepool,-8,Does not apply,0\n\
             E06000001,Hartlepool,1,\"Asian, Asian British or Asian Welsh: Bangladeshi\",278\n\
             E06000001,Hartlepool,2,\"Asian, Asian British or Asian Welsh: Chinese\",217\n\
             E06000001,Hartlepool,6,\"Black, Black British, Black Welsh, Caribbean or African: African\",327\n\
             E06000001,Hartlepool,13,\"White: English, Welsh, Scottish, Northern Irish or British\",87761\n\
             E06000001,Hartlepool,14,White: Irish,170\n\
             E06000001,Hartlepool,18,Other ethnic group: Arab,270\n",
        );
        assert_eq!(t.format, CensusFormat::OnsCustom);
        let a = &t.areas["E06000001"];
        assert_eq!(a.name.as_deref(), Some("Hartlepool"));
        let e = a.ethnicity.unwrap();
        assert_eq!(e.groups, [87931, 495, 327, 0, 270]);
        assert_eq!(e.total, 87931 + 495 + 327 + 270);
        assert!(a.disability.is_none());
    }

    #[test]
    fn custom_dataset_lowercase_variant_6_categories() {
        let t = table(
            "Lower layer Super Output Areas code,Lower layer Super Output Areas label,Ethnic group (6 categories) code,Ethnic group (6 categories) label,Count,Percentage\n\
             E01000001,City of London 001A,-8,Does not apply,0,0.0\n\
             E01000001,City of London 001A,1,\"Asian, Asian British or Asian Welsh\",158,10.7\n\
             E01000001,City of London 001A,2,\"Black, Black British, Black Welsh, Caribbean or African\",11,0.7\n\
             E01000001,City of London 001A,3,Mixed or Multiple ethnic groups,56,3.8\n\
             E01000001,City of London 001A,4,White,1181,80.1\n\
             E01000001,City of London 001A,5,Other ethnic group,68,4.6\n",
        );
        let a = &t.areas["E01000001"];
        assert_eq!(a.name.as_deref(), Some("City of London 001A"));
        assert_eq!(a.ethnicity.unwrap().groups, [1181, 158, 11, 56, 68]);
    }

    #[test]
    fn custom_dataset_disability_3_categories_with_age_summed() {
        let t = table(
            "Lower Tier Local Authorities Code,Lower Tier Local Authorities,Disability (3 categories) Code,Disability (3 categories),Age (6 categories) Code,Age (6 categories),Observation\n\
             E06000001,Hartlepool,-8,Does not apply,1,Aged 15 years and under,0\n\
             E06000001,Hartlepool,1,Disabled under the Equality Act,1,Aged 15 years and under,1000\n\
             E06000001,Hartlepool,1,Disabled under the Equality Act,2,Aged 16 to 24 years,2000\n\
             E06000001,Hartlepool,2,Not disabled under the Equality Act,1,Aged 15 years and under,5000\n\
             E06000001,Hartlepool,2,Not disabled under the Equality Act,2,Aged 16 to 24 years,4000\n",
        );
        let d = t.areas["E06000001"].disability.unwrap();
        assert_eq!((d.total, d.disabled, d.not_disabled), (12000, 3000, 9000));
        assert!(t.areas["E06000001"].ethnicity.is_none());
    }

    #[test]
    fn nomis_api_prefers_broad_rows_and_skips_percent() {
        let t = table(
            "GEOGRAPHY_CODE,GEOGRAPHY_NAME,C2021_ETH_20,C2021_ETH_20_NAME,MEASURES_NAME,OBS_VALUE\n\
             E06000001,Hartlepool,0,Total: All usual residents,Value,92338\n\
             E06000001,Hartlepool,1001,\"Asian, Asian British or Asian Welsh\",Value,1600\n\
             E06000001,Hartlepool,12,\"Asian, Asian British or Asian Welsh: Bangladeshi\",Value,278\n\
             E06000001,Hartlepool,1004,White,Value,89068\n\
             E06000001,Hartlepool,1004,White,Percent,96.5\n",
        );
        assert_eq!(t.format, CensusFormat::NomisApi);
        let e = t.areas["E06000001"].ethnicity.unwrap();
        assert_eq!(e.groups, [89068, 1600, 0, 0, 0]);
        assert_eq!(e.total, 92338);
    }

    #[test]
    fn ons_map_long_counts_only() {
        let t = table(
            "ltla21_code,ltla21_name,ethnic_group,value\n\
             E06000001,Hartlepool,\"Asian, Asian British or Asian Welsh: Bangladeshi (number)\",278.0\n\
             E06000001,Hartlepool,\"Asian, Asian British or Asian Welsh: Bangladeshi (percent)\",0.3\n\
             E06000001,Hartlepool,Mixed or Multiple ethnic groups: White and Black African  (number),115.0\n",
        );
        assert_eq!(t.format, CensusFormat::OnsMapLong);
        assert_eq!(t.areas["E06000001"].ethnicity.unwrap().groups, [0, 278, 0, 115, 0]);
    }

    #[test]
    fn unknown_category_label_is_an_error() {
        let e = read_population_csv(
            Path::new("custom.csv"),
            "Lower tier local authorities Code,Lower tier local authorities,Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation\n\
             E06000001,Hartlepool,99,Martian,4\n"
                .as_bytes(),
        )
        .unwrap_err();
        let m = e.to_string();
        assert!(m.contains("custom.csv") && m.contains("Martian") && m.contains("line 2"), "{m}");
    }
}
