//! ONS geography lookups, matched by their column names in either the ONS style
//! (`LSOA21CD`, `ICB24CDH`, `LAD22NM`) or a simplified style (`lsoa21_code`, `icb24_code_nhs`, `ltla22_name`):
//!
//! * LSOA to ICB (ONS's LSOA (2021) to SICBL to ICB lookup, or the same tidied:
//!   `lsoa21_code,sicbl24_code,sicbl24_code_nhs,icb24_code,icb24_code_nhs,ltla22_code,total_usual_residents`);
//! * local authority to ICB, with the share of each authority in each ICB as the weight (`share_of_lad_population`,
//!   else `share_of_lad_lsoas`);
//! * local authority to region (`ltla21_name,ltla21_code,region21_name,region21_code`).
//!
//! A lookup with a sub-ICB column is read at ICB level (rows of the same area and ICB are kept; users sum them).

use std::io::Read;

use super::{find_geo, norm_code, FileCtx, GeoRole};
use crate::error::Result;

/// What a lookup maps from and to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LookupKind {
    /// 2021 LSOA to ICB (each LSOA lies in exactly one ICB).
    LsoaToIcb,
    /// Local authority to ICB, with the share of the local authority in each ICB as the weight.
    LadToIcb,
    /// Local authority to ONS region (E12...).
    LadToRegion,
}

/// One row of a lookup.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LookupRow {
    /// The smaller area's GSS code (LSOA or local authority), upper case.
    pub from: String,
    /// The smaller area's name, when given.
    pub from_name: Option<String>,
    /// The larger area's GSS code (ICB E54... or region E12...), upper case.
    pub to: String,
    /// The larger area's NHS code (ICB `Qxx`), when given, upper case.
    pub to_nhs: Option<String>,
    /// The larger area's name, when given.
    pub to_name: Option<String>,
    /// The share (0-1) of the smaller area that lies in the larger one (`share_of_lad_population`,
    /// else `share_of_lad_lsoas`), when given.
    pub weight: Option<f64>,
    /// The Census 2021 usual residents of the smaller area (or of the part in the larger one), when given.
    pub population: Option<u64>,
}

/// A geography lookup read from a file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Lookup {
    /// The file (as given).
    pub path: std::path::PathBuf,
    /// What it maps.
    pub kind: LookupKind,
    /// Every row, in file order.
    pub rows: Vec<LookupRow>,
}

/// Where the columns are.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    kind: LookupKind,
    from: usize,
    from_name: Option<usize>,
    to: usize,
    to_nhs: Option<usize>,
    to_name: Option<usize>,
    weight: Option<usize>,
    population: Option<usize>,
}

const LAD: &[&str] = &["ltla", "lad"];
const REGION: &[&str] = &["region", "rgn"];

/// `Some` when the header is a lookup of a supported kind.
pub(crate) fn detect(headers: &[String]) -> Option<std::result::Result<Layout, String>> {
    let pos = |name: &str| headers.iter().position(|h| h == name);
    let icb = find_geo(headers, &["icb"], GeoRole::Code);
    let region = find_geo(headers, REGION, GeoRole::Code);
    let lsoa = find_geo(headers, &["lsoa"], GeoRole::Code);
    let lad = find_geo(headers, LAD, GeoRole::Code);
    let (kind, from, from_level, to, to_level): (_, _, &[&str], _, &[&str]) = match (lsoa, lad, icb, region) {
        (Some(f), _, Some(t), _) => (LookupKind::LsoaToIcb, f, &["lsoa"], t, &["icb"]),
        (None, Some(f), Some(t), _) => (LookupKind::LadToIcb, f, LAD, t, &["icb"]),
        (None, Some(f), None, Some(t)) => (LookupKind::LadToRegion, f, LAD, t, REGION),
        (Some(_), _, None, _) | (None, Some(_), None, None) => {
            return Some(Err("a lookup to ICB (`icb24_code`/`ICB24CD`) or to region (`region21_code`)".into()))
        }
        _ => return None,
    };
    let weight = match kind {
        LookupKind::LadToIcb => pos("share_of_lad_population").or_else(|| pos("share_of_lad_lsoas")),
        _ => None,
    };
    Some(Ok(Layout {
        kind,
        from,
        from_name: find_geo(headers, from_level, GeoRole::Name),
        to,
        to_nhs: find_geo(headers, to_level, GeoRole::NhsCode),
        to_name: find_geo(headers, to_level, GeoRole::Name),
        weight,
        population: pos("census2021_usual_residents").or_else(|| pos("total_usual_residents")),
    }))
}

/// Reads every row.
pub(crate) fn read<R: Read>(ctx: &FileCtx<'_>, layout: Layout, rdr: &mut csv::Reader<R>) -> Result<Lookup> {
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| ctx.csv_error(e))?;
        let line = rec.position().map_or(0, |p| p.line());
        let from = norm_code(rec.get(layout.from).unwrap_or(""));
        let to = norm_code(rec.get(layout.to).unwrap_or(""));
        if from.is_empty() || to.is_empty() {
            continue;
        }
        let text = |i: Option<usize>| i.and_then(|i| rec.get(i)).map(str::trim).filter(|s| !s.is_empty());
        let weight = match layout.weight {
            Some(i) => {
                let cell = rec.get(i).unwrap_or("");
                let w: f64 = cell.trim().parse().map_err(|_| ctx.bad_value(line, i, cell, "a share from 0 to 1"))?;
                if !(0.0..=1.0).contains(&w) {
                    return Err(ctx.bad_value(line, i, cell, "a share from 0 to 1"));
                }
                Some(w)
            }
            None => None,
        };
        let population = match layout.population {
            Some(i) => {
                let cell = rec.get(i).unwrap_or("");
                Some(super::parse_count(cell).ok_or_else(|| ctx.bad_value(line, i, cell, "a count"))?)
            }
            None => None,
        };
        rows.push(LookupRow {
            from,
            from_name: text(layout.from_name).map(str::to_string),
            to,
            to_nhs: text(layout.to_nhs).map(norm_code),
            to_name: text(layout.to_name).map(str::to_string),
            weight,
            population,
        });
    }
    Ok(Lookup { path: ctx.path.to_path_buf(), kind: layout.kind, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::census::{read_population_csv, PopulationFile};
    use std::path::Path;

    fn lookup(text: &str) -> Lookup {
        match read_population_csv(Path::new("inline.csv"), text.as_bytes()).unwrap() {
            PopulationFile::Lookup(l) => l,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lsoa_to_icb() {
        let l = lookup(
            "lsoa21_code,sicbl24_code,sicbl24_code_nhs,icb24_code,icb24_code_nhs,ltla22_code,total_usual_residents\n\
             E01000001,E38000255,A3A8R,E54000029,QMF,E09000001,1475\n",
        );
        assert_eq!(l.kind, LookupKind::LsoaToIcb);
        let r = &l.rows[0];
        assert_eq!((r.from.as_str(), r.to.as_str(), r.to_nhs.as_deref()), ("E01000001", "E54000029", Some("QMF")));
        assert_eq!(r.population, Some(1475));
        assert_eq!(r.weight, None);
    }

    #[test]
    fn ons_style_headers() {
        let l = lookup(
            "LSOA21CD,LSOA21NM,SICBL24CD,ICB24CD,ICB24NM,ICB24CDH\nE01000001,City 001A,E38000255,E54000029,NEL,qmf\n",
        );
        assert_eq!(l.kind, LookupKind::LsoaToIcb);
        assert_eq!(l.rows[0].to_nhs.as_deref(), Some("QMF"));
        assert_eq!(l.rows[0].to_name.as_deref(), Some("NEL"));
        assert_eq!(l.rows[0].from_name.as_deref(), Some("City 001A"));
    }

    #[test]
    fn lad_to_icb_weighted() {
        let l = lookup(
            "ltla22_code,ltla22_name,icb24_code,icb24_code_nhs,icb24_name,lsoa21_count,census2021_usual_residents,share_of_lad_population,share_of_icb_population\n\
             E07000244,East Suffolk,E54000022,QMM,Norfolk,70,116000,0.473,0.1\n",
        );
        assert_eq!(l.kind, LookupKind::LadToIcb);
        assert_eq!(l.rows[0].weight, Some(0.473));
        assert_eq!(l.rows[0].population, Some(116000));
        assert_eq!(l.rows[0].from_name.as_deref(), Some("East Suffolk"));
    }

    #[test]
    fn lad22_icb22_uses_lsoa_share() {
        let l = lookup(
            "ltla22_code,ltla22_name,sicbl22_code,sicbl22_code_h,sicbl22_name,icb22_code,icb22_code_h,icb22_name,lsoa11_count,share_of_lad_lsoas\n\
             E06000001,Hartlepool,E38000247,16C,X,E54000050,QHM,NENC,58,1.0\n",
        );
        assert_eq!(l.kind, LookupKind::LadToIcb);
        assert_eq!((l.rows[0].to_nhs.as_deref(), l.rows[0].weight), (Some("QHM"), Some(1.0)));
    }

    #[test]
    fn lad_to_region() {
        let l =
            lookup("ltla21_name,ltla21_code,region21_name,region21_code\nHartlepool,E06000001,North East,E12000001\n");
        assert_eq!(l.kind, LookupKind::LadToRegion);
        assert_eq!(l.rows[0].to_name.as_deref(), Some("North East"));
    }

    #[test]
    fn bad_share_is_an_error() {
        let e = read_population_csv(
            Path::new("lk.csv"),
            "ltla22_code,icb24_code,share_of_lad_population\nE06000001,E54000050,1.7\n".as_bytes(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("share_of_lad_population"), "{e}");
    }
}
