//! Census 2021 population files: ONS/Nomis CSV formats to counts per area, plus the geography lookups and the
//! OHID trust catchment table that the population comparison needs.
//!
//! One entry point, [`read_population_file`] (or [`read_population_csv`] for text already in memory): it reads the
//! header row, detects which of the supported layouts the file is (docs/population.md lists them), and
//! returns a [`PopulationFile`]. Columns are always found by their header text (case- and space-insensitively,
//! with the `Ethnic group: ` / `Disability: ` prefixes and `; measures: Value` / ` (number)` suffixes removed),
//! never by position. A file whose header matches no layout is an [`Error::data`] naming the file, the headers
//! found and the layouts expected.
//!
//! Supported layouts:
//!
//! | layout | module | example header |
//! |---|---|---|
//! | Nomis bulk wide (TS021, TS038) | [`nomis_bulk`] | `date,geography,geography code,Ethnic group: Total: All usual residents,...` |
//! | ONS custom dataset, long | [`ons_custom`] | `Lower tier local authorities Code,...,Ethnic group (20 categories),Observation` |
//! | Nomis API, long | [`ons_custom`] | `GEOGRAPHY_CODE,...,C2021_ETH_20_NAME,...,OBS_VALUE` |
//! | ONS map download, long | [`ons_custom`] | `ltla21_code,ltla21_name,ethnic_group,value` |
//! | simplified derived files | [`derived`] | `lsoa21_code,ltla22_code,total_usual_residents,asian,black,mixed,white,other` |
//! | geography lookups | [`lookup`] | `lsoa21_code,sicbl24_code,sicbl24_code_nhs,icb24_code,icb24_code_nhs,...` |
//! | OHID trust catchment | [`catchment`] | `nhs_trust22_code,ltla21_code,proportion_trust_came_from_ltla` |

pub mod catchment;
pub mod derived;
pub mod lookup;
pub mod nomis_bulk;
pub mod ons_custom;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};

pub use catchment::{Catchment, CatchmentRow};
pub use lookup::{Lookup, LookupKind, LookupRow};

/// Census 2021 usual residents of one area by the five broad ethnic groups.
///
/// `groups` is indexed in the order of [`BROAD_GROUPS`] (White, Asian, Black, Mixed, Other), the order of the
/// normalise layer's `BroadGroup::ALL`.
///
/// ```
/// use wres_wdes::read::census::EthnicCounts;
/// let c = EthnicCounts { total: 100, groups: [80, 10, 5, 3, 2] };
/// assert_eq!(c.count(2), 5); // Black
/// assert_eq!(c.share(0), Some(0.8)); // White
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct EthnicCounts {
    /// All usual residents as the file gives them (the sum of the groups when the file has no total column). ONS
    /// perturbs the total independently of the groups, so it can differ from [`EthnicCounts::known`] by a few.
    pub total: u64,
    /// White, Asian, Black, Mixed, Other.
    pub groups: [u64; 5],
}

impl EthnicCounts {
    /// The sum of the five groups: the denominator of every share.
    pub fn known(&self) -> u64 {
        self.groups.iter().sum()
    }
    /// The count of one group, by its index in [`BROAD_GROUPS`] (0 for an index out of range).
    pub fn count(&self, group: usize) -> u64 {
        self.groups.get(group).copied().unwrap_or(0)
    }
    /// The share (0-1) of one group among the five; `None` when the area has no residents.
    pub fn share(&self, group: usize) -> Option<f64> {
        let known = self.known();
        (known > 0).then(|| self.count(group) as f64 / known as f64)
    }
    /// All five shares (0-1), summing to 1; `None` when the area has no residents.
    pub fn shares(&self) -> Option<[f64; 5]> {
        let known = self.known();
        (known > 0).then(|| self.groups.map(|c| c as f64 / known as f64))
    }
    /// Adds another area's counts.
    pub fn add(&mut self, other: &EthnicCounts) {
        self.total += other.total;
        for (a, b) in self.groups.iter_mut().zip(other.groups) {
            *a += b;
        }
    }
}

/// Census 2021 usual residents of one area by disability under the Equality Act (TS038).
///
/// ```
/// use wres_wdes::read::census::DisabilityCounts;
/// let d = DisabilityCounts { total: 1475, disabled: 152, not_disabled: 1323 };
/// assert!((d.share_disabled().unwrap() - 152.0 / 1475.0).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DisabilityCounts {
    /// All usual residents as the file gives them.
    pub total: u64,
    /// Disabled under the Equality Act (day-to-day activities limited a lot or a little).
    pub disabled: u64,
    /// Not disabled under the Equality Act.
    pub not_disabled: u64,
}

impl DisabilityCounts {
    /// The share (0-1) disabled among disabled + not disabled; `None` when both are 0.
    pub fn share_disabled(&self) -> Option<f64> {
        let known = self.disabled + self.not_disabled;
        (known > 0).then(|| self.disabled as f64 / known as f64)
    }
    /// Adds another area's counts.
    pub fn add(&mut self, other: &DisabilityCounts) {
        self.total += other.total;
        self.disabled += other.disabled;
        self.not_disabled += other.not_disabled;
    }
}

/// The counts of one area in a census file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AreaCounts {
    /// The area name, when the file has one.
    pub name: Option<String>,
    /// The local authority the area lies in, when the file says (LSOA files carry `ltla22_code`).
    pub parent: Option<String>,
    /// Ethnic group counts (TS021), when the file has them.
    pub ethnicity: Option<EthnicCounts>,
    /// Disability counts (TS038), when the file has them.
    pub disability: Option<DisabilityCounts>,
}

/// Which census layout a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CensusFormat {
    /// Nomis bulk download, one column per category (`census2021-ts021-ltla.csv`).
    NomisBulk,
    /// ONS "create a custom dataset" download, one row per area and category.
    OnsCustom,
    /// Nomis API CSV (`GEOGRAPHY_CODE`, `OBS_VALUE`, ...), one row per area and category.
    NomisApi,
    /// The long table behind the ONS ethnic group map (`ethnic_group` labels ending `(number)`/`(percent)`).
    OnsMapLong,
    /// Simplified files (`total_usual_residents,asian,...` or `disabled_equality_act,...`).
    Simplified,
}

/// A census file read to counts per area, keyed by the area's GSS code (upper case).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CensusTable {
    /// The file the counts came from (as given).
    pub path: PathBuf,
    /// The layout detected.
    pub format: CensusFormat,
    /// Counts by area code.
    pub areas: BTreeMap<String, AreaCounts>,
}

/// Any file the population comparison reads, as detected from its header.
#[derive(Debug, Clone, PartialEq)]
pub enum PopulationFile {
    /// Census counts by area.
    Census(CensusTable),
    /// An ONS geography lookup (LSOA or local authority to ICB, local authority to region).
    Lookup(Lookup),
    /// The OHID trust catchment shares by local authority.
    Catchment(Catchment),
}

/// Every population file given, sorted by kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PopulationFiles {
    /// Census count files, in the order given.
    pub census: Vec<CensusTable>,
    /// Geography lookups, in the order given.
    pub lookups: Vec<Lookup>,
    /// Trust catchment tables, in the order given.
    pub catchments: Vec<Catchment>,
}

impl PopulationFiles {
    /// Reads every file, detecting each one's layout.
    ///
    /// ```no_run
    /// use wres_wdes::read::census::PopulationFiles;
    /// let files = PopulationFiles::read(&["census2021-ts021-ltla.csv"])?;
    /// assert_eq!(files.census.len(), 1);
    /// # Ok::<(), wres_wdes::Error>(())
    /// ```
    pub fn read<P: AsRef<Path>>(paths: &[P]) -> Result<Self> {
        let mut files = PopulationFiles::default();
        for path in paths {
            files.add(read_population_file(path.as_ref())?);
        }
        Ok(files)
    }
    /// Adds one file already read.
    pub fn add(&mut self, file: PopulationFile) {
        match file {
            PopulationFile::Census(t) => self.census.push(t),
            PopulationFile::Lookup(l) => self.lookups.push(l),
            PopulationFile::Catchment(c) => self.catchments.push(c),
        }
    }
    /// True when no file was given.
    pub fn is_empty(&self) -> bool {
        self.census.is_empty() && self.lookups.is_empty() && self.catchments.is_empty()
    }
    /// The ethnic group counts of an area from the census files (the first file that has them), with that file.
    pub fn ethnicity(&self, code: &str) -> Option<(&EthnicCounts, &CensusTable)> {
        self.census.iter().find_map(|t| t.areas.get(code).and_then(|a| a.ethnicity.as_ref()).map(|e| (e, t)))
    }
    /// The disability counts of an area from the census files (the first file that has them), with that file.
    pub fn disability(&self, code: &str) -> Option<(&DisabilityCounts, &CensusTable)> {
        self.census.iter().find_map(|t| t.areas.get(code).and_then(|a| a.disability.as_ref()).map(|d| (d, t)))
    }
    /// The name of an area from any census file that names it.
    pub fn area_name(&self, code: &str) -> Option<&str> {
        self.census.iter().find_map(|t| t.areas.get(code).and_then(|a| a.name.as_deref()))
    }
}

/// Reads one population file from disk, detecting its layout from the header row.
///
/// Errors: [`Error::io`] when the file cannot be opened or read; [`Error::data`] when the header matches no layout
/// (the message names the file, the headers found and the layouts expected) or a count is not a number.
pub fn read_population_file(path: &Path) -> Result<PopulationFile> {
    let file = std::fs::File::open(path).map_err(|e| {
        Error::io(format!("{}: cannot open population file: {e}", path.display()))
            .with_hint("check the path given with --population")
    })?;
    read_population_csv(path, std::io::BufReader::new(file))
}

/// Reads one population file from any reader; `path` is used in messages and recorded as the source.
///
/// ```
/// use wres_wdes::read::census::{read_population_csv, PopulationFile};
/// let text = "lsoa21_code,ltla22_code,total_usual_residents,disabled_equality_act,not_disabled_equality_act\n\
///             E01000001,E09000001,1475,152,1323\n";
/// let PopulationFile::Census(t) = read_population_csv("x.csv".as_ref(), text.as_bytes())? else { panic!() };
/// assert_eq!(t.areas["E01000001"].disability.unwrap().disabled, 152);
/// # Ok::<(), wres_wdes::Error>(())
/// ```
pub fn read_population_csv<R: Read>(path: &Path, reader: R) -> Result<PopulationFile> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(reader);
    let raw: Vec<String> = rdr
        .headers()
        .map_err(|e| csv_error(path, e))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let headers: Vec<String> = raw.iter().map(|h| norm_header(h)).collect();
    let ctx = FileCtx { path, raw_headers: &raw };

    if let Some(layout) = catchment::detect(&headers) {
        return catchment::read(&ctx, layout, &mut rdr).map(PopulationFile::Catchment);
    }
    if let Some(layout) = nomis_bulk::detect(&headers) {
        return nomis_bulk::read(&ctx, layout.map_err(|e| ctx.layout_error(&e))?, &mut rdr).map(PopulationFile::Census);
    }
    if let Some(layout) = ons_custom::detect(&headers) {
        return ons_custom::read(&ctx, layout, &mut rdr).map(PopulationFile::Census);
    }
    if let Some(layout) = derived::detect(&headers) {
        return derived::read(&ctx, layout, &mut rdr).map(PopulationFile::Census);
    }
    if let Some(layout) = lookup::detect(&headers) {
        return lookup::read(&ctx, layout.map_err(|e| ctx.layout_error(&e))?, &mut rdr).map(PopulationFile::Lookup);
    }
    Err(ctx.layout_error(
        "a Census 2021 TS021/TS038 table (Nomis bulk `date,geography,geography code,Ethnic group: ...`; ONS custom \
         dataset `... Code,...,Ethnic group (20 categories),Observation` or `... code,... label,...,Count`; Nomis API \
         `GEOGRAPHY_CODE,...,OBS_VALUE`; `lsoa21_code,...,total_usual_residents,asian,...`), an ONS lookup \
         (`lsoa21_code,...,icb24_code,...`, `ltla22_code,...,icb22_code,...`, `ltla21_code,...,region21_code`) or the \
         OHID catchment table (`nhs_trust22_code,ltla21_code,proportion_trust_came_from_ltla`)",
    ))
}

/// The file being read, for messages.
pub(crate) struct FileCtx<'a> {
    pub(crate) path: &'a Path,
    pub(crate) raw_headers: &'a [String],
}

impl FileCtx<'_> {
    /// An unexpected layout: names the file, the headers found and what was expected.
    pub(crate) fn layout_error(&self, expected: &str) -> Error {
        Error::data(format!(
            "{}: unexpected layout for a population file; headers found: [{}]; expected {expected}",
            self.path.display(),
            self.raw_headers.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ")
        ))
        .with_hint(
            "give the Census 2021 file as downloaded from Nomis (bulk zip) or ONS (custom dataset), without edited \
             headers: docs/population.md lists the layouts accepted",
        )
    }
    /// A cell that should be a count or share but is not.
    pub(crate) fn bad_value(&self, line: u64, column: usize, value: &str, what: &str) -> Error {
        let header = self.raw_headers.get(column).map(String::as_str).unwrap_or("?");
        Error::data(format!("{}: line {line}, column \"{header}\": \"{value}\" is not {what}", self.path.display()))
            .with_hint("the file may have been edited; download it again")
    }
    /// A read failure inside the file.
    pub(crate) fn csv_error(&self, e: csv::Error) -> Error {
        csv_error(self.path, e)
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    if e.is_io_error() {
        Error::io(format!("{}: cannot read: {e}", path.display()))
    } else {
        Error::data(format!("{}: not a readable CSV file: {e}", path.display()))
            .with_hint("population files are comma-separated text with one header row")
    }
}

/// Lower case, trimmed, runs of whitespace collapsed to one space, byte-order mark removed.
pub(crate) fn norm_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}').split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A category label reduced for matching: [`norm_header`], then the `ethnic group: ` / `disability: ` prefix and
/// the `; measures: value` / ` (number)` suffix removed. `None` for a label that is not a count (`(percent)`, or a
/// `; measures:` other than `value`).
pub(crate) fn norm_label(label: &str) -> Option<String> {
    let mut s = norm_header(label);
    if let Some(rest) = s.strip_suffix("; measures: value") {
        s = rest.trim_end().to_string();
    } else if s.contains("; measures:") || s.ends_with("(percent)") || s.ends_with("(%)") {
        return None;
    }
    if let Some(rest) = s.strip_suffix("(number)") {
        s = rest.trim_end().to_string();
    }
    for prefix in ["ethnic group: ", "disability: "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_string();
        }
    }
    Some(s)
}

/// A count cell: a whole number, possibly written `123.0` or `1,234`.
pub(crate) fn parse_count(s: &str) -> Option<u64> {
    let t = s.trim();
    if let Ok(v) = t.parse::<u64>() {
        return Some(v);
    }
    let t = t.replace(',', "");
    let v: f64 = t.parse().ok()?;
    (v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v < 1e15).then_some(v as u64)
}

/// An area code cell: trimmed, upper case.
pub(crate) fn norm_code(s: &str) -> String {
    s.trim().to_uppercase()
}

/// The five Census 2021 broad ethnic groups, in the order of [`EthnicCounts::groups`].
pub const BROAD_GROUPS: [&str; 5] = ["White", "Asian", "Black", "Mixed", "Other"];

/// The broad ethnic group names as ONS writes them (normalised), in [`BROAD_GROUPS`] order.
const BROAD_NAMES: [&str; 5] = [
    "white",
    "asian, asian british or asian welsh",
    "black, black british, black welsh, caribbean or african",
    "mixed or multiple ethnic groups",
    "other ethnic group",
];

/// What an ethnic group category label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EthCat {
    /// All usual residents.
    Total,
    /// One of the five high-level groups (index into [`BROAD_GROUPS`]).
    Broad(usize),
    /// A detailed group within a high-level group.
    Detail(usize),
    /// "Does not apply" (always 0 for usual residents).
    Ignore,
}

/// Classifies a normalised ethnic group label; `None` when it is not an ethnic group category.
pub(crate) fn classify_ethnic(label: &str) -> Option<EthCat> {
    if label == "total" || label.starts_with("total: ") || label.starts_with("total ") {
        return Some(EthCat::Total);
    }
    if label == "does not apply" {
        return Some(EthCat::Ignore);
    }
    let broad = |s: &str| {
        BROAD_NAMES.iter().position(|n| *n == s).or(match s {
            "asian" => Some(1),
            "black" => Some(2),
            "mixed" => Some(3),
            "other" => Some(4),
            _ => None,
        })
    };
    if let Some(g) = broad(label) {
        return Some(EthCat::Broad(g));
    }
    let (head, _) = label.split_once(": ")?;
    broad(head).map(EthCat::Detail)
}

/// What a disability category label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DisCat {
    /// All usual residents.
    Total,
    /// Disabled under the Equality Act; `true` for the group itself, `false` for a sub-group.
    Disabled(bool),
    /// Not disabled under the Equality Act; `true` for the group itself, `false` for a sub-group.
    NotDisabled(bool),
    /// "Does not apply".
    Ignore,
}

/// Classifies a normalised disability label; `None` when it is not a disability category.
pub(crate) fn classify_disability(label: &str) -> Option<DisCat> {
    const DIS: &str = "disabled under the equality act";
    const NOT: &str = "not disabled under the equality act";
    if label == "total" || label.starts_with("total: ") {
        return Some(DisCat::Total);
    }
    if label == "does not apply" {
        return Some(DisCat::Ignore);
    }
    let sub = |l: &str, head: &str| {
        let rest = l.strip_prefix(head)?;
        if rest.is_empty() {
            Some(true)
        } else {
            rest.starts_with(": ").then_some(false)
        }
    };
    if let Some(direct) = sub(label, NOT) {
        return Some(DisCat::NotDisabled(direct));
    }
    if let Some(direct) = sub(label, DIS) {
        return Some(DisCat::Disabled(direct));
    }
    None
}

/// Sums the counts of one area's categories, preferring the high-level group cells and falling back to the sum of
/// their sub-groups (a file may have either or both).
#[derive(Debug, Clone, Default)]
pub(crate) struct EthAcc {
    total: Option<u64>,
    broad: [Option<u64>; 5],
    detail: [u64; 5],
}

impl EthAcc {
    pub(crate) fn add(&mut self, cat: EthCat, v: u64) {
        match cat {
            EthCat::Total => self.total = Some(self.total.unwrap_or(0) + v),
            EthCat::Broad(g) => self.broad[g] = Some(self.broad[g].unwrap_or(0) + v),
            EthCat::Detail(g) => self.detail[g] += v,
            EthCat::Ignore => {}
        }
    }
    pub(crate) fn finish(&self) -> EthnicCounts {
        let groups: [u64; 5] = std::array::from_fn(|g| self.broad[g].unwrap_or(self.detail[g]));
        EthnicCounts { total: self.total.unwrap_or_else(|| groups.iter().sum()), groups }
    }
}

/// As [`EthAcc`], for disability.
#[derive(Debug, Clone, Default)]
pub(crate) struct DisAcc {
    total: Option<u64>,
    disabled: Option<u64>,
    disabled_sub: u64,
    not_disabled: Option<u64>,
    not_disabled_sub: u64,
    any_not_disabled: bool,
}

impl DisAcc {
    pub(crate) fn add(&mut self, cat: DisCat, v: u64) {
        match cat {
            DisCat::Total => self.total = Some(self.total.unwrap_or(0) + v),
            DisCat::Disabled(true) => self.disabled = Some(self.disabled.unwrap_or(0) + v),
            DisCat::Disabled(false) => self.disabled_sub += v,
            DisCat::NotDisabled(direct) => {
                self.any_not_disabled = true;
                if direct {
                    self.not_disabled = Some(self.not_disabled.unwrap_or(0) + v);
                } else {
                    self.not_disabled_sub += v;
                }
            }
            DisCat::Ignore => {}
        }
    }
    pub(crate) fn finish(&self) -> DisabilityCounts {
        let disabled = self.disabled.unwrap_or(self.disabled_sub);
        let not_disabled = match (self.not_disabled, self.any_not_disabled, self.total) {
            (Some(n), _, _) => n,
            (None, true, _) => self.not_disabled_sub,
            (None, false, Some(t)) => t.saturating_sub(disabled),
            (None, false, None) => 0,
        };
        DisabilityCounts { total: self.total.unwrap_or(disabled + not_disabled), disabled, not_disabled }
    }
}

/// A geography column of the ONS/derived naming schemes: `lsoa21_code`, `LSOA21CD`, `icb24_code_nhs`,
/// `ICB24CDH`, `ltla22_name`, `LAD22NM` ...
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GeoCol<'a> {
    /// The level, lower case without the year: `lsoa`, `msoa`, `ltla`, `lad`, `utla`, `sicbl`, `icb`, `region`,
    /// `rgn`, `nhser`, `ctry`.
    pub(crate) level: &'a str,
    /// What the column holds.
    pub(crate) role: GeoRole,
}

/// What a geography column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GeoRole {
    /// The GSS code (E01..., E06..., E54...).
    Code,
    /// The NHS (ODS) code (QMF, 16C).
    NhsCode,
    /// The name.
    Name,
}

/// Parses a normalised header as a geography column.
pub(crate) fn geo_col(h: &str) -> Option<GeoCol<'_>> {
    const LEVELS: [&str; 11] =
        ["lsoa", "msoa", "ltla", "lad", "utla", "sicbl", "icb", "region", "rgn", "nhser", "ctry"];
    let level = LEVELS.iter().find(|l| h.starts_with(**l))?;
    let rest = &h[level.len()..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits != 2 {
        return None;
    }
    let role = match &rest[2..] {
        "_code" | "cd" => GeoRole::Code,
        "_code_nhs" | "_code_h" | "cdh" => GeoRole::NhsCode,
        "_name" | "nm" => GeoRole::Name,
        _ => return None,
    };
    Some(GeoCol { level, role })
}

/// The index of the first header with the given geography levels and role.
pub(crate) fn find_geo(headers: &[String], levels: &[&str], role: GeoRole) -> Option<usize> {
    headers.iter().position(|h| geo_col(h).is_some_and(|g| g.role == role && levels.contains(&g.level)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_normalised() {
        assert_eq!(norm_label("Ethnic group: White").as_deref(), Some("white"));
        assert_eq!(norm_label("Sex: Male; measures: Value").as_deref(), Some("sex: male"));
        assert_eq!(norm_label("Ethnic group: White; measures: Percent"), None);
        assert_eq!(
            norm_label("Mixed or Multiple ethnic groups: White and Black African  (percent)"),
            None,
            "percent rows are not counts"
        );
        assert_eq!(norm_label("White: Irish (number)").as_deref(), Some("white: irish"));
        assert_eq!(
            norm_label("DISABILITY:  Total: All usual residents").as_deref(),
            Some("total: all usual residents")
        );
    }

    #[test]
    fn ethnic_labels_classify() {
        assert_eq!(classify_ethnic("total: all usual residents"), Some(EthCat::Total));
        assert_eq!(classify_ethnic("asian, asian british or asian welsh"), Some(EthCat::Broad(1)));
        assert_eq!(classify_ethnic("asian, asian british or asian welsh: chinese"), Some(EthCat::Detail(1)));
        assert_eq!(classify_ethnic("white: roma"), Some(EthCat::Detail(0)));
        assert_eq!(classify_ethnic("other ethnic group: arab"), Some(EthCat::Detail(4)));
        assert_eq!(classify_ethnic("does not apply"), Some(EthCat::Ignore));
        assert_eq!(classify_ethnic("purple"), None);
    }

    #[test]
    fn disability_labels_classify() {
        assert_eq!(classify_disability("disabled under the equality act"), Some(DisCat::Disabled(true)));
        assert_eq!(
            classify_disability("disabled under the equality act: day-to-day activities limited a lot"),
            Some(DisCat::Disabled(false))
        );
        assert_eq!(classify_disability("not disabled under the equality act"), Some(DisCat::NotDisabled(true)));
        assert_eq!(classify_disability("disabled under the equality actx"), None);
        assert_eq!(classify_disability("total: all usual residents"), Some(DisCat::Total));
    }

    #[test]
    fn counts_parse() {
        assert_eq!(parse_count("87761"), Some(87761));
        assert_eq!(parse_count(" 87761.0 "), Some(87761));
        assert_eq!(parse_count("1,234"), Some(1234));
        assert_eq!(parse_count("1.5"), None);
        assert_eq!(parse_count("-3"), None);
        assert_eq!(parse_count("x"), None);
    }

    #[test]
    fn geo_columns_parse() {
        assert_eq!(geo_col("lsoa21_code"), Some(GeoCol { level: "lsoa", role: GeoRole::Code }));
        assert_eq!(geo_col("icb24cdh"), Some(GeoCol { level: "icb", role: GeoRole::NhsCode }));
        assert_eq!(geo_col("ltla22_name"), Some(GeoCol { level: "ltla", role: GeoRole::Name }));
        assert_eq!(geo_col("total_usual_residents"), None);
        assert_eq!(geo_col("icb_code"), None);
    }

    #[test]
    fn unknown_header_is_a_clear_error() {
        let text = "foo,bar\n1,2\n";
        let e = read_population_csv(Path::new("mystery.csv"), text.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), crate::error::ErrorKind::Data);
        let m = e.to_string();
        assert!(m.contains("mystery.csv"), "{m}");
        assert!(m.contains("\"foo\", \"bar\""), "{m}");
        assert!(m.contains("expected"), "{m}");
        assert!(e.hint().is_some());
    }

    #[test]
    fn missing_file_is_io() {
        let e = read_population_file(Path::new("/nonexistent/x.csv")).unwrap_err();
        assert_eq!(e.kind(), crate::error::ErrorKind::Io);
    }
}
