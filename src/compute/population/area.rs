//! Which population to compare against, and how it is built into a population mix: the shares
//! of the five Census 2021 broad ethnic groups and of disabled people.
//!
//! | choice | built from | how |
//! |---|---|---|
//! | England, a region, Wales | the [`super::builtin`] figures, or a census file holding that area's code | the area's own counts |
//! | local authorities, unweighted | local-authority census files | counts summed over the authorities, then shares (a population-weighted mix) |
//! | local authorities, weighted | local-authority census files | `share = Σ wᵢ·shareᵢ / Σ wᵢ` (weights normalised; each authority's share weighs `wᵢ`, whatever its size) |
//! | ICB | LSOA census files + the LSOA→ICB lookup | counts summed over the ICB's LSOAs, then shares (exact: ICBs are not unions of whole local authorities) |
//! | ICB, fallback | local-authority census files + a LAD→ICB lookup with population shares | `share = Σ sₗ·countₗ / Σ sₗ·residentsₗ`, `sₗ` = the share of authority `l`'s residents living in the ICB |
//! | catchment | the OHID catchment table + local-authority census files | `share = Σ pₗ·shareₗ / Σ pₗ`, `pₗ` = the share of the trust's catchment living in authority `l` |

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::builtin::{self, BuiltinArea};
use super::{OHID_LICENCE, ONS_LICENCE};
use crate::error::{Error, Result};
use crate::read::census::{CensusTable, DisabilityCounts, EthnicCounts, LookupKind, PopulationFiles};

pub use crate::config::AreaChoice;

/// Parses an `--area CODE[,CODE...]` value.
///
/// * `E92000001` (or `England`) → [`AreaChoice::England`];
/// * `E12…`, `W92000004`, `K04000001` or a region name → [`AreaChoice::Region`];
/// * `E54…` or `Qxx` → [`AreaChoice::Icb`];
/// * one or more of `E06…`, `E07…`, `E08…`, `E09…`, `W06…`, each optionally `CODE:weight` (all or none weighted,
///   weights positive) → [`AreaChoice::LocalAuthorities`].
///
/// Anything else is an [`Error::usage`] naming the code. Codes are matched case-insensitively and returned upper
/// case.
///
/// ```
/// use wres_wdes::compute::population::area::{parse_area, AreaChoice};
/// assert_eq!(
///     parse_area("E09000030:2, e09000025:1")?,
///     AreaChoice::LocalAuthorities(vec![("E09000030".into(), Some(2.0)), ("E09000025".into(), Some(1.0))])
/// );
/// assert_eq!(parse_area("E12000007")?, AreaChoice::Region("E12000007".into()));
/// assert!(parse_area("X99").is_err());
/// # Ok::<(), wres_wdes::Error>(())
/// ```
pub fn parse_area(spec: &str) -> Result<AreaChoice> {
    let tokens: Vec<&str> = spec.split(',').map(str::trim).filter(|t| !t.is_empty()).collect();
    let hint = "use E92000001 (England), an E12 region code, an ICB code (E54... or Qxx), or local authority codes \
                (E06/E07/E08/E09/W06...) separated by commas, each optionally CODE:weight";
    if tokens.is_empty() {
        return Err(Error::usage("--area is empty").with_hint(hint));
    }
    if let [t] = tokens[..] {
        let up = t.to_uppercase();
        if up == "E92000001" || up == "ENGLAND" {
            return Ok(AreaChoice::England);
        }
        if (is_gss(&up) && up.starts_with("E12")) || up == "W92000004" || up == "K04000001" {
            return Ok(AreaChoice::Region(up));
        }
        if let Some(a) = builtin::find(t) {
            return Ok(if a.code == builtin::ENGLAND.code {
                AreaChoice::England
            } else {
                AreaChoice::Region(a.code.into())
            });
        }
        if (is_gss(&up) && up.starts_with("E54")) || is_nhs_icb(&up) {
            return Ok(AreaChoice::Icb(up));
        }
    }
    let mut las = Vec::new();
    let mut seen = BTreeSet::new();
    for t in &tokens {
        let (code, weight) = match t.split_once(':') {
            Some((c, w)) => {
                let w: f64 = w.trim().parse().ok().filter(|w: &f64| w.is_finite() && *w > 0.0).ok_or_else(|| {
                    Error::usage(format!("--area: weight \"{}\" of {} is not a positive number", w.trim(), c.trim()))
                        .with_hint(hint)
                })?;
                (c.trim().to_uppercase(), Some(w))
            }
            None => (t.to_uppercase(), None),
        };
        if !is_gss(&code) || !["E06", "E07", "E08", "E09", "W06"].iter().any(|p| code.starts_with(p)) {
            let what = if tokens.len() > 1 { " in a list (only local authorities can be listed)" } else { "" };
            return Err(Error::usage(format!("--area: unknown area code \"{code}\"{what}")).with_hint(hint));
        }
        if !seen.insert(code.clone()) {
            return Err(Error::usage(format!("--area: {code} is listed twice")).with_hint(hint));
        }
        las.push((code, weight));
    }
    let weighted = las.iter().filter(|(_, w)| w.is_some()).count();
    if weighted != 0 && weighted != las.len() {
        return Err(Error::usage("--area: give a weight for every local authority or for none").with_hint(hint));
    }
    Ok(AreaChoice::LocalAuthorities(las))
}

/// A GSS code: a letter and eight digits.
fn is_gss(s: &str) -> bool {
    s.len() == 9 && s.as_bytes()[0].is_ascii_alphabetic() && s.as_bytes()[1..].iter().all(u8::is_ascii_digit)
}

/// An NHS ICB code: `Q` and two letters or digits.
fn is_nhs_icb(s: &str) -> bool {
    s.len() == 3 && s.starts_with('Q') && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The kind of area, as written in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// England.
    England,
    /// An English region (also Wales, England and Wales).
    Region,
    /// One or more local authorities.
    LocalAuthorities,
    /// An Integrated Care Board.
    Icb,
    /// An acute trust's catchment.
    Catchment,
}

/// The area used, as written in the output: `{"kind": ..., "codes": [...], "name": ...}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaInfo {
    /// What kind of area.
    pub kind: AreaKind,
    /// The codes: the GSS code; for an ICB the GSS and NHS codes; for local authorities each code; for a catchment
    /// the trust's ODS code.
    pub codes: Vec<String>,
    /// A readable name, when known.
    pub name: Option<String>,
}

/// The comparison population: the shares of each group, and where they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationMix {
    /// The area.
    pub area: AreaInfo,
    /// The shares (0-1, summing to 1) of the five broad ethnic groups, in [`BroadGroup::ALL`] order; `None` when
    /// no ethnic group figures were given for the area.
    ///
    /// [`BroadGroup::ALL`]: crate::normalise::codes::BroadGroup::ALL
    pub ethnicity: Option<[f64; 5]>,
    /// The share (0-1) of residents disabled under the Equality Act (of disabled + not disabled); `None` when no
    /// disability figures were given for the area.
    pub disabled: Option<f64>,
    /// The data used: file paths as given, or the built-in figures.
    pub sources: Vec<String>,
    /// Licence and attribution lines to print with the figures.
    pub licence: Vec<String>,
    /// Notes on how the mix was built that a reader should see.
    pub caveats: Vec<String>,
}

/// The source line of the built-in ethnic group figures.
pub const BUILTIN_ETHNICITY_SOURCE: &str =
    "built-in: ONS Census 2021 TS021 ethnic group, usual residents, sum of local authorities";
/// The source line of the built-in disability figures.
pub const BUILTIN_DISABILITY_SOURCE: &str =
    "built-in: ONS Census 2021 TS038 disability (Equality Act, crude, all ages), sum of LSOAs";

/// Builds the population mix for a choice from the files given (which may be none).
///
/// Errors: [`Error::usage`] for an area code that is in neither the built-in figures nor the files, or for a
/// choice that needs files that were not given (the hint names them); [`Error::data`] when the files cover only
/// part of the area.
///
/// ```
/// use wres_wdes::compute::population::area::{resolve, AreaChoice, AreaKind};
/// use wres_wdes::read::census::PopulationFiles;
/// let mix = resolve(&AreaChoice::England, &PopulationFiles::default())?;
/// assert_eq!(mix.area.kind, AreaKind::England);
/// assert!((mix.ethnicity.unwrap()[0] - 0.8105).abs() < 0.0001);
/// # Ok::<(), wres_wdes::Error>(())
/// ```
pub fn resolve(choice: &AreaChoice, files: &PopulationFiles) -> Result<PopulationMix> {
    match choice {
        AreaChoice::England => Ok(from_builtin_or_files(&builtin::ENGLAND, AreaKind::England, files)),
        AreaChoice::Region(r) => resolve_region(r, files),
        AreaChoice::LocalAuthorities(las) => resolve_las(las, files),
        AreaChoice::Icb(code) => resolve_icb(code, files),
        AreaChoice::Catchment { trust_ods } => resolve_catchment(trust_ods, files),
    }
}

fn source_line(t: &CensusTable, what: &str) -> String {
    format!("{} ({what})", t.path.display())
}

fn ons_licence() -> Vec<String> {
    vec![ONS_LICENCE.to_string()]
}

fn from_builtin_or_files(a: &BuiltinArea, kind: AreaKind, files: &PopulationFiles) -> PopulationMix {
    let mut sources = Vec::new();
    let ethnicity = match files.ethnicity(a.code) {
        Some((e, t)) => {
            sources.push(source_line(t, "ethnic group"));
            e.shares()
        }
        None => {
            sources.push(BUILTIN_ETHNICITY_SOURCE.to_string());
            a.ethnicity.shares()
        }
    };
    let disabled = match files.disability(a.code) {
        Some((d, t)) => {
            sources.push(source_line(t, "disability"));
            d.share_disabled()
        }
        None => {
            sources.push(BUILTIN_DISABILITY_SOURCE.to_string());
            a.disability.share_disabled()
        }
    };
    PopulationMix {
        area: AreaInfo { kind, codes: vec![a.code.to_string()], name: Some(a.name.to_string()) },
        ethnicity,
        disabled,
        sources,
        licence: ons_licence(),
        caveats: Vec::new(),
    }
}

fn resolve_region(r: &str, files: &PopulationFiles) -> Result<PopulationMix> {
    if let Some(a) = builtin::find(r) {
        let kind = if a.code == builtin::ENGLAND.code { AreaKind::England } else { AreaKind::Region };
        return Ok(from_builtin_or_files(a, kind, files));
    }
    let code = r.trim().to_uppercase();
    let eth = files.ethnicity(&code);
    let dis = files.disability(&code);
    if eth.is_none() && dis.is_none() {
        let known: Vec<String> = builtin::all().map(|a| format!("{} {}", a.code, a.name)).collect();
        return Err(Error::usage(format!("--area: unknown region \"{r}\""))
            .with_hint(format!("regions known: {}", known.join("; "))));
    }
    let mut sources = Vec::new();
    if let Some((_, t)) = eth {
        sources.push(source_line(t, "ethnic group"));
    }
    if let Some((_, t)) = dis {
        sources.push(source_line(t, "disability"));
    }
    Ok(PopulationMix {
        area: AreaInfo {
            kind: AreaKind::Region,
            codes: vec![code.clone()],
            name: files.area_name(&code).map(Into::into),
        },
        ethnicity: eth.and_then(|(e, _)| e.shares()),
        disabled: dis.and_then(|(d, _)| d.share_disabled()),
        sources,
        licence: ons_licence(),
        caveats: Vec::new(),
    })
}

/// Accumulates a weighted mix, either of counts (population-weighted) or of shares.
#[derive(Default)]
struct Mix {
    eth: [f64; 5],
    eth_weight: f64,
    eth_n: usize,
    dis: f64,
    dis_weight: f64,
    dis_n: usize,
    sources: BTreeSet<String>,
}

impl Mix {
    /// Adds `w` × the area's counts (population-weighted: larger areas weigh more).
    fn add_counts(
        &mut self,
        w: f64,
        e: Option<(&EthnicCounts, &CensusTable)>,
        d: Option<(&DisabilityCounts, &CensusTable)>,
    ) {
        if let Some((e, t)) = e {
            for (acc, c) in self.eth.iter_mut().zip(e.groups) {
                *acc += w * c as f64;
            }
            self.eth_weight += w * e.known() as f64;
            self.eth_n += 1;
            self.sources.insert(source_line(t, "ethnic group"));
        }
        if let Some((d, t)) = d {
            self.dis += w * d.disabled as f64;
            self.dis_weight += w * (d.disabled + d.not_disabled) as f64;
            self.dis_n += 1;
            self.sources.insert(source_line(t, "disability"));
        }
    }
    /// Adds `w` × the area's shares (every area weighs `w`, whatever its size).
    fn add_shares(
        &mut self,
        w: f64,
        e: Option<(&EthnicCounts, &CensusTable)>,
        d: Option<(&DisabilityCounts, &CensusTable)>,
    ) {
        if let Some((shares, t)) = e.and_then(|(e, t)| e.shares().map(|s| (s, t))) {
            for (acc, s) in self.eth.iter_mut().zip(shares) {
                *acc += w * s;
            }
            self.eth_weight += w;
            self.eth_n += 1;
            self.sources.insert(source_line(t, "ethnic group"));
        }
        if let Some((share, t)) = d.and_then(|(d, t)| d.share_disabled().map(|s| (s, t))) {
            self.dis += w * share;
            self.dis_weight += w;
            self.dis_n += 1;
            self.sources.insert(source_line(t, "disability"));
        }
    }
    fn ethnicity(&self) -> Option<[f64; 5]> {
        (self.eth_weight > 0.0).then(|| self.eth.map(|x| x / self.eth_weight))
    }
    fn disabled(&self) -> Option<f64> {
        (self.dis_weight > 0.0).then(|| self.dis / self.dis_weight)
    }
}

/// Checks every area has the figures of a variable when any has them.
fn check_coverage(what: &str, missing: &[String], found: usize, area: &str) -> Result<()> {
    if found > 0 && !missing.is_empty() {
        let shown: Vec<&str> = missing.iter().take(5).map(String::as_str).collect();
        let more = if missing.len() > 5 { format!(" and {} more", missing.len() - 5) } else { String::new() };
        return Err(Error::data(format!(
            "{area}: the population files have {what} figures for some areas but not for {}{more}",
            shown.join(", ")
        ))
        .with_hint(format!("give a {what} file that covers every area")));
    }
    Ok(())
}

fn needs_files(what: &str, files: &str) -> Error {
    Error::usage(format!("--area {what} needs population files")).with_hint(format!(
        "give --population with {files} (the files accepted, and where to download them: docs/population.md)"
    ))
}

const LA_FILES: &str =
    "a local-authority ethnic group file (such as Nomis's census2021-ts021-ltla.csv) and a disability file (such as \
     census2021-ts038-ltla.csv)";

fn resolve_las(las: &[(String, Option<f64>)], files: &PopulationFiles) -> Result<PopulationMix> {
    if files.census.is_empty() {
        return Err(needs_files("with local authorities", LA_FILES));
    }
    let weighted = las.iter().any(|(_, w)| w.is_some());
    if weighted && las.iter().any(|(_, w)| w.is_none()) {
        return Err(Error::usage("--area: give a weight for every local authority or for none"));
    }
    let mut mix = Mix::default();
    let (mut no_eth, mut no_dis) = (Vec::new(), Vec::new());
    let mut names = Vec::new();
    for (code, w) in las {
        let e = files.ethnicity(code);
        let d = files.disability(code);
        if e.is_none() && d.is_none() {
            return Err(Error::usage(format!("--area: unknown area code \"{code}\": not in the population files"))
                .with_hint(
                    "Census 2021 files use the local authority codes of 2021/22; for an authority created in 2023 \
                     (E06000063-E06000066) list its predecessor districts (ONS's local authority 2022 to 2023 \
                     lookup names them)",
                ));
        }
        if e.is_none() {
            no_eth.push(code.clone());
        }
        if d.is_none() {
            no_dis.push(code.clone());
        }
        match w {
            Some(w) => mix.add_shares(*w, e, d),
            None => mix.add_counts(1.0, e, d),
        }
        names.push(files.area_name(code).unwrap_or(code).to_string());
    }
    check_coverage("ethnic group", &no_eth, mix.eth_n, "local authorities")?;
    check_coverage("disability", &no_dis, mix.dis_n, "local authorities")?;
    let mut caveats = Vec::new();
    if weighted {
        caveats.push(
            "Weighted local authorities: each group's share is Σ wᵢ × shareᵢ / Σ wᵢ over the authorities listed, \
             with the weights given."
                .to_string(),
        );
    }
    Ok(PopulationMix {
        area: AreaInfo {
            kind: AreaKind::LocalAuthorities,
            codes: las.iter().map(|(c, _)| c.clone()).collect(),
            name: Some(names.join(", ")),
        },
        ethnicity: mix.ethnicity(),
        disabled: mix.disabled(),
        sources: mix.sources.into_iter().collect(),
        licence: ons_licence(),
        caveats,
    })
}

fn resolve_icb(code: &str, files: &PopulationFiles) -> Result<PopulationMix> {
    let code = code.trim().to_uppercase();
    let matches = |to: &str, nhs: Option<&str>| to == code || nhs == Some(code.as_str());
    let icb_lookups: Vec<_> = files.lookups.iter().filter(|l| l.kind != LookupKind::LadToRegion).collect();
    if icb_lookups.is_empty() || files.census.is_empty() {
        return Err(needs_files(
            "with an ICB",
            "ONS's LSOA (2021) to sub-ICB location to ICB lookup and the LSOA census files (Nomis's \
             census2021-ts021-lsoa.csv and census2021-ts038-lsoa.csv), or a local authority to ICB lookup with \
             population shares and local-authority census files",
        ));
    }
    let mut gss = None;
    let mut nhs = None;
    let mut name = None;
    for l in &icb_lookups {
        for r in l.rows.iter().filter(|r| matches(&r.to, r.to_nhs.as_deref())) {
            gss.get_or_insert_with(|| r.to.clone());
            if nhs.is_none() {
                nhs = r.to_nhs.clone();
            }
            if name.is_none() {
                name = r.to_name.clone();
            }
        }
    }
    let Some(gss) = gss else {
        return Err(Error::usage(format!("--area: unknown ICB \"{code}\": not in the lookup files given"))
            .with_hint("give the ICB's ONS code (E54...) or NHS code (Qxx) as in the lookup file"));
    };
    let mut codes = vec![gss];
    codes.extend(nhs);
    let mut caveats = Vec::new();
    let mut mix = Mix::default();
    let mut lookup_source = None;

    // Exact route: LSOAs.
    for l in icb_lookups.iter().filter(|l| l.kind == LookupKind::LsoaToIcb) {
        let lsoas: Vec<&str> =
            l.rows.iter().filter(|r| matches(&r.to, r.to_nhs.as_deref())).map(|r| r.from.as_str()).collect();
        if lsoas.is_empty() {
            continue;
        }
        let mut m = Mix::default();
        let (mut no_eth, mut no_dis) = (Vec::new(), Vec::new());
        for lsoa in &lsoas {
            let e = files.ethnicity(lsoa);
            let d = files.disability(lsoa);
            if e.is_none() {
                no_eth.push(lsoa.to_string());
            }
            if d.is_none() {
                no_dis.push(lsoa.to_string());
            }
            m.add_counts(1.0, e, d);
        }
        if m.eth_n + m.dis_n == 0 {
            continue;
        }
        check_coverage("ethnic group", &no_eth, m.eth_n, &codes[0])?;
        check_coverage("disability", &no_dis, m.dis_n, &codes[0])?;
        mix = m;
        lookup_source = Some(l.path.display().to_string());
        caveats.push(format!("ICB population summed over its {} LSOAs (2021).", lsoas.len()));
        break;
    }
    // Fallback: local authorities weighted by the share of their population in the ICB.
    if lookup_source.is_none() {
        for l in icb_lookups.iter().filter(|l| l.kind == LookupKind::LadToIcb) {
            let mut per_lad: BTreeMap<&str, f64> = BTreeMap::new();
            let mut listed: BTreeMap<&str, usize> = BTreeMap::new();
            for r in &l.rows {
                *listed.entry(r.from.as_str()).or_default() += 1;
            }
            for r in l.rows.iter().filter(|r| matches(&r.to, r.to_nhs.as_deref())) {
                let w = r.weight.unwrap_or(1.0 / listed[r.from.as_str()] as f64);
                *per_lad.entry(r.from.as_str()).or_default() += w;
            }
            if per_lad.is_empty() {
                continue;
            }
            let mut m = Mix::default();
            let (mut no_eth, mut no_dis) = (Vec::new(), Vec::new());
            for (lad, w) in &per_lad {
                let e = files.ethnicity(lad);
                let d = files.disability(lad);
                if e.is_none() {
                    no_eth.push(lad.to_string());
                }
                if d.is_none() {
                    no_dis.push(lad.to_string());
                }
                m.add_counts(*w, e, d);
            }
            if m.eth_n + m.dis_n == 0 {
                continue;
            }
            check_coverage("ethnic group", &no_eth, m.eth_n, &codes[0])?;
            check_coverage("disability", &no_dis, m.dis_n, &codes[0])?;
            mix = m;
            lookup_source = Some(l.path.display().to_string());
            caveats.push(format!(
                "ICB population built from {} local authorities, each weighted by the share of its residents living \
                 in the ICB (an approximation: the LSOA lookup and LSOA census files give the exact figure).",
                per_lad.len()
            ));
            break;
        }
    }
    let Some(lookup_source) = lookup_source else {
        return Err(Error::usage(format!("--area {code}: no census figures for the ICB's areas in the files given"))
            .with_hint(
                "give LSOA census files with the LSOA lookup, or local-authority census files with a LAD to ICB lookup",
            ));
    };
    let mut sources: Vec<String> = mix.sources.iter().cloned().collect();
    sources.push(format!("{lookup_source} (lookup)"));
    Ok(PopulationMix {
        area: AreaInfo { kind: AreaKind::Icb, codes, name },
        ethnicity: mix.ethnicity(),
        disabled: mix.disabled(),
        sources,
        licence: ons_licence(),
        caveats,
    })
}

fn resolve_catchment(trust: &str, files: &PopulationFiles) -> Result<PopulationMix> {
    let trust = trust.trim().to_uppercase();
    if files.catchments.is_empty() {
        return Err(needs_files(
            "catchment",
            "--catchment (the OHID acute trust catchment shares by local authority) and local-authority census files",
        ));
    }
    if files.census.is_empty() {
        return Err(needs_files("catchment", LA_FILES));
    }
    let Some(table) = files.catchments.iter().find(|c| c.trust(&trust).next().is_some()) else {
        return Err(Error::usage(format!("--catchment-of: trust \"{trust}\" is not in the catchment file"))
            .with_hint("the OHID table covers acute trusts by their 3-character ODS code, e.g. R0A"));
    };
    let mut mix = Mix::default();
    let (mut total, mut missing_eth, mut missing_dis) = (0.0, 0.0, 0.0);
    for r in table.trust(&trust) {
        let e = files.ethnicity(&r.area);
        let d = files.disability(&r.area);
        total += r.proportion;
        if e.is_none() {
            missing_eth += r.proportion;
        }
        if d.is_none() {
            missing_dis += r.proportion;
        }
        mix.add_shares(r.proportion, e, d);
    }
    let mut caveats =
        vec!["Catchment-weighted population: each group's share is Σ pₗ × shareₗ / Σ pₗ over local authorities l, \
         with pₗ the share of the trust's catchment (OHID, all admissions) living in l."
            .to_string()];
    for (what, missing, n) in [("ethnic group", missing_eth, mix.eth_n), ("disability", missing_dis, mix.dis_n)] {
        if n > 0 && missing > 0.0 && total > 0.0 {
            caveats.push(format!(
                "{:.1}% of the catchment lies in areas without {what} figures in the files given; the rest is \
                 re-weighted to 100%.",
                100.0 * missing / total
            ));
        }
    }
    if mix.eth_n + mix.dis_n == 0 {
        return Err(Error::data(format!(
            "catchment of {trust}: none of its local authorities is in the census files given"
        ))
        .with_hint(format!("give {LA_FILES}")));
    }
    let mut sources: Vec<String> = mix.sources.iter().cloned().collect();
    sources.push(format!("{} (catchment)", table.path.display()));
    Ok(PopulationMix {
        area: AreaInfo {
            kind: AreaKind::Catchment,
            codes: vec![trust.clone()],
            name: Some(format!("catchment of {trust}")),
        },
        ethnicity: mix.ethnicity(),
        disabled: mix.disabled(),
        sources,
        licence: vec![ONS_LICENCE.to_string(), OHID_LICENCE.to_string()],
        caveats,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::census::read_population_csv;
    use std::path::Path;

    fn files(texts: &[&str]) -> PopulationFiles {
        let mut f = PopulationFiles::default();
        for (i, t) in texts.iter().enumerate() {
            f.add(read_population_csv(Path::new(&format!("f{i}.csv")), t.as_bytes()).unwrap());
        }
        f
    }

    const LAS: &str = "ltla22_code,ltla22_name,total_usual_residents,asian,black,mixed,white,other\n\
                       E06000001,A,100,10,0,0,90,0\n\
                       E06000002,B,300,90,30,0,180,0\n";

    #[test]
    fn parse_area_forms() {
        assert_eq!(parse_area("england").unwrap(), AreaChoice::England);
        assert_eq!(parse_area("W92000004").unwrap(), AreaChoice::Region("W92000004".into()));
        assert_eq!(parse_area("London").unwrap(), AreaChoice::Region("E12000007".into()));
        assert_eq!(parse_area("e54000029").unwrap(), AreaChoice::Icb("E54000029".into()));
        assert_eq!(parse_area("qmf").unwrap(), AreaChoice::Icb("QMF".into()));
        assert_eq!(
            parse_area("E06000001,W06000015").unwrap(),
            AreaChoice::LocalAuthorities(vec![("E06000001".into(), None), ("W06000015".into(), None)])
        );
        for bad in [
            "",
            "E06000001:0",
            "E06000001:x",
            "E06000001:1,E06000002",
            "E06000001,E06000001",
            "E12000007,E06000001",
            "Z1",
            "E10000001",
        ] {
            let e = parse_area(bad).unwrap_err();
            assert_eq!(e.kind(), crate::error::ErrorKind::Usage, "{bad}");
        }
        assert!(parse_area("E99000001").unwrap_err().to_string().contains("unknown area code \"E99000001\""));
    }

    #[test]
    fn las_unweighted_sum_counts() {
        let f = files(&[LAS]);
        let m =
            resolve(&AreaChoice::LocalAuthorities(vec![("E06000001".into(), None), ("E06000002".into(), None)]), &f)
                .unwrap();
        let e = m.ethnicity.unwrap();
        assert!((e[0] - 270.0 / 400.0).abs() < 1e-12);
        assert!((e[1] - 100.0 / 400.0).abs() < 1e-12);
        assert_eq!(m.disabled, None);
        assert_eq!(m.area.name.as_deref(), Some("A, B"));
    }

    #[test]
    fn las_weighted_mix_shares() {
        let f = files(&[LAS]);
        let m = resolve(
            &AreaChoice::LocalAuthorities(vec![("E06000001".into(), Some(3.0)), ("E06000002".into(), Some(1.0))]),
            &f,
        )
        .unwrap();
        // (3 × 0.9 + 1 × 0.6) / 4 = 0.825
        assert!((m.ethnicity.unwrap()[0] - 0.825).abs() < 1e-12);
    }

    #[test]
    fn unknown_la_is_usage_error() {
        let f = files(&[LAS]);
        let e = resolve(&AreaChoice::LocalAuthorities(vec![("E06000099".into(), None)]), &f).unwrap_err();
        assert_eq!(e.kind(), crate::error::ErrorKind::Usage);
        assert!(e.to_string().contains("E06000099"));
        let e = resolve(&AreaChoice::LocalAuthorities(vec![("E06000001".into(), None)]), &PopulationFiles::default())
            .unwrap_err();
        assert_eq!(e.kind(), crate::error::ErrorKind::Usage);
    }

    #[test]
    fn unknown_region_is_usage_error() {
        let e = resolve(&AreaChoice::Region("E12000099".into()), &PopulationFiles::default()).unwrap_err();
        assert_eq!(e.kind(), crate::error::ErrorKind::Usage);
        assert!(e.hint().unwrap().contains("E12000007 London"));
    }

    #[test]
    fn region_from_file_overrides_builtin() {
        let f = files(&["region21_code,total_usual_residents,asian,black,mixed,white,other\nE12000007,10,5,0,0,5,0\n"]);
        let m = resolve(&AreaChoice::Region("E12000007".into()), &f).unwrap();
        assert_eq!(m.ethnicity.unwrap()[0], 0.5);
        assert!((m.disabled.unwrap() - builtin::REGIONS[6].disability.share_disabled().unwrap()).abs() < 1e-15);
        assert_eq!(m.sources, vec!["f0.csv (ethnic group)".to_string(), BUILTIN_DISABILITY_SOURCE.to_string()]);
    }

    #[test]
    fn icb_from_lsoas_and_fallback_from_las() {
        let lsoa = "lsoa21_code,ltla22_code,total_usual_residents,asian,black,mixed,white,other\n\
                    E01000001,E06000001,10,5,0,0,5,0\nE01000002,E06000001,30,0,0,0,30,0\nE01000003,E06000002,50,0,50,0,0,0\n";
        let lookup = "lsoa21_code,icb24_code,icb24_code_nhs\nE01000001,E54000001,QAA\nE01000002,E54000001,QAA\nE01000003,E54000002,QBB\n";
        let f = files(&[lsoa, lookup]);
        let m = resolve(&AreaChoice::Icb("QAA".into()), &f).unwrap();
        assert_eq!(m.area.codes, vec!["E54000001".to_string(), "QAA".to_string()]);
        assert_eq!(m.ethnicity.unwrap()[1], 5.0 / 40.0);
        let lad_lookup = "ltla22_code,icb24_code,icb24_code_nhs,icb24_name,share_of_lad_population\n\
                          E06000001,E54000001,QAA,Alpha ICB,1.0\nE06000002,E54000001,QAA,Alpha ICB,0.5\nE06000002,E54000002,QBB,Beta,0.5\n";
        let f = files(&[LAS, lad_lookup]);
        let m = resolve(&AreaChoice::Icb("E54000001".into()), &f).unwrap();
        assert_eq!(m.area.name.as_deref(), Some("Alpha ICB"));
        // White: (90 + 0.5 × 180) / (100 + 0.5 × 300)
        assert!((m.ethnicity.unwrap()[0] - 180.0 / 250.0).abs() < 1e-12);
        let e = resolve(&AreaChoice::Icb("QZZ".into()), &f).unwrap_err();
        assert_eq!(e.kind(), crate::error::ErrorKind::Usage);
    }

    #[test]
    fn catchment_mix_and_missing_share() {
        let c = "nhs_trust22_code,ltla21_code,proportion_trust_came_from_ltla\nRXX,E06000001,0.5\nRXX,E06000002,0.25\nRXX,E06000009,0.25\n";
        let f = files(&[LAS, c]);
        let m = resolve(&AreaChoice::Catchment { trust_ods: "rxx".into() }, &f).unwrap();
        // (0.5 × 0.9 + 0.25 × 0.6) / 0.75 = 0.8
        assert!((m.ethnicity.unwrap()[0] - 0.8).abs() < 1e-12);
        assert!(m.caveats.iter().any(|c| c.contains("25.0%")), "{:?}", m.caveats);
        assert_eq!(m.licence.len(), 2);
        let e = resolve(&AreaChoice::Catchment { trust_ods: "RYY".into() }, &f).unwrap_err();
        assert_eq!(e.kind(), crate::error::ErrorKind::Usage);
    }
}
