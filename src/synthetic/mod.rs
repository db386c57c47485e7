//! The synthetic sample trust: a deterministic, realistic fake NHS trust in every input kind, written the messy way
//! real HR exports are, with the ground truth a correct engine must reproduce.
//!
//! [`generate`] draws the trust in memory from a seed (ChaCha8, one stream per input kind): the same options give
//! the same content, byte for byte once written. [`write`] writes it: staff, recruitment, cases, training, survey,
//! board and a `trust.toml` config. [`SampleTrust::truth`] gives the counts the engine should find, computed from the
//! generator's own people and events, never from the files (see [`truth`] for every rule).
//!
//! Reporting year 2025: snapshot 31 March 2025; the year runs 1 April 2024 to 31 March 2025; cases cover two years
//! from 1 April 2023; the staff survey is the 2024 survey.
//!
//! ```
//! use wres_wdes::synthetic::{generate, Presentation, SampleOptions};
//! let trust = generate(&SampleOptions { staff: 300, seed: 7, presentation: Presentation::Standard });
//! assert_eq!(trust.truth().headcount, 300);
//! ```
//!
//! What the trust holds (rates per workforce person unless said):
//!
//! - **Staff.** `staff` workforce people: nursing 30%, admin 22%, additional clinical 18%, medical 12%, AHP 7%,
//!   additional professional scientific and technical 5%, estates 4%, healthcare scientists 2%; bands by group; BME
//!   share 35% at bands 2-5 falling to 10% at 8c and above and VSM; medical about 45% BME; 5% ethnicity unknown;
//!   about 4% disabled and 15% disability unknown. A second substantive assignment for 5% (`-2` suffix, primary N;
//!   a quarter of them listed before the primary row, and a tenth with both primary flags blank), an extra bank
//!   row for 4% (a tenth of them with the bank row flagged primary), a few honorary and agency rows. On top of the
//!   workforce: bank-only people (4%), honorary-only (0.3%), agency-only (0.2%) and Students (1%).
//! - **Recruitment.** About 1.38 x `staff` applications, 87% shortlisted; appointment from shortlisting 27% White,
//!   18% BME (RL about 1.5), 22% unknown, times 0.9 for disabled applicants.
//! - **Cases.** Disciplinary 0.9%/year White, 1.17% BME; capability (performance) 0.5%, 1.2% for disabled staff;
//!   ill health 0.3%, 1.0% disabled; grievance 0.4%; 8% of disciplined people get a second case in the same year;
//!   0.2% of people have a case outside the two years; leavers add 10% more cases.
//! - **Training.** Non-mandatory courses in the year for 45% of White, 33% of BME staff (1-4 each); 12% a course in
//!   the previous year; half have mandatory rows; some rows for bank-only people, students and leavers.
//! - **Survey.** WRES5-8 (White, BME, Overall) and WDES4a-i to 9a (Disabled, Non-disabled, Overall; WDES8 Disabled
//!   only) near the national figures; bases about 45% of staff; all at least 11 except `WDES4b` / `Disabled`, which
//!   is deliberately 8.
//! - **Board.** 14: chair, six voting non-executives, five voting executives, two non-voting executive directors.

mod generate;
mod model;
mod names;
pub mod truth;
mod write;

use std::path::{Path, PathBuf};

use crate::error::Result;
pub use truth::{BoardScope, FileRows, StaffRowCounts, Truth};

/// The trust's name, written in the staff file's title row and in `trust.toml`.
pub const ORGANISATION: &str = "Example NHS Foundation Trust";
/// The reporting year: snapshot 31 March 2025.
pub const REPORTING_YEAR: i32 = 2025;

/// How the files spell things. Both write the same people and events, so an engine must give identical figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Presentation {
    /// ESR-style: `staff.xlsx` (two title rows, `Assignment Number`, `Ethnic Origin` as `A White - British`, pay
    /// bands as `NHS|XR05|Review Body Band 5` or `Band 5`), `recruitment.csv` (Census 2021 labels), `cases.xlsx`
    /// (Census labels or blank; dates as text or real dates), `training.csv` (semicolons), `survey.csv` (UTF-8 with
    /// BOM), `board.xlsx` (bare labels such as `White British`).
    #[default]
    Standard,
    /// The same data spelled differently: `staff.csv` (Windows-1252, `Employee Number` without suffixes, short codes
    /// `A`/`H`/`Z`/`99`, `Band 8 - Range A`, `AfC Band 6`, upper-case medical grades), `recruitment.xlsx` (ESR
    /// labels, `Appointed?` Yes/No), `cases.csv` (short codes, upper-case case types, ISO dates), `training.xlsx`,
    /// `survey.xlsx`, `board.csv` (tab-delimited, ESR labels).
    Alternative,
    /// The standard presentation as real exports come: `staff.csv` (UTF-8 with BOM) with ESR's zero-padded bands
    /// (`Band 05`, `Band 08A`) and bare pay-scale codes (`XR05`, `XN05`), FTE as a percentage (`100%`, `60 %`),
    /// and footer lines (`Grand Total`, a blank-id total, `Count of Assignment Number: N`, `Report run by: ...`);
    /// case and training dates written month-first (`04/15/2024`; the config says so for cases, the training
    /// dates are left for the tool to find out); `Total` and `Report run by` lines below the recruitment, cases
    /// and training data.
    Messy,
}

impl Presentation {
    /// The file names written, in order: staff, recruitment, cases, training, survey, board, config.
    pub fn file_names(self) -> [&'static str; 7] {
        write::file_names(self)
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleOptions {
    /// Workforce headcount (people counted once after excluding bank, honorary, agency and students).
    pub staff: usize,
    /// Random seed.
    pub seed: u64,
    /// How the files spell things.
    pub presentation: Presentation,
}

impl Default for SampleOptions {
    /// 2000 staff, seed 1, standard presentation.
    fn default() -> Self {
        SampleOptions { staff: 2000, seed: 1, presentation: Presentation::Standard }
    }
}

/// A generated trust: its people and events in memory, and the truth counted from them.
pub struct SampleTrust {
    options: SampleOptions,
    drawn: generate::Drawn,
    truth: Truth,
}

impl SampleTrust {
    /// The options it was generated with.
    pub fn options(&self) -> &SampleOptions {
        &self.options
    }
    /// The figures a correct engine must find in the written files.
    pub fn truth(&self) -> &Truth {
        &self.truth
    }
    /// The same trust written in another presentation (content and truth unchanged).
    pub fn with_presentation(mut self, presentation: Presentation) -> SampleTrust {
        self.options.presentation = presentation;
        self
    }
}

impl std::fmt::Debug for SampleTrust {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SampleTrust").field("options", &self.options).field("truth", &self.truth).finish()
    }
}

/// Draws the trust. Pure and deterministic: the same `staff` and `seed` give the same content in either
/// presentation.
pub fn generate(options: &SampleOptions) -> SampleTrust {
    let drawn = generate::draw_all(options.seed, options.staff, truth::workforce_members);
    let truth = truth::compute(&drawn);
    SampleTrust { options: *options, drawn, truth }
}

/// Writes the trust's files into `dir` (created if missing), each through a temporary file in the same folder
/// renamed into place. Returns the paths in the order of [`Presentation::file_names`].
///
/// Errors: [`crate::error::ErrorKind::Io`], naming the path, when a folder or file cannot be written.
pub fn write(trust: &SampleTrust, dir: &Path) -> Result<Vec<PathBuf>> {
    write::write_all(trust, dir, write::SHEET_LIMIT)
}

/// As [`write`], with the most data rows per staff sheet (for testing the sheet split on small trusts).
#[doc(hidden)]
pub fn write_with_sheet_limit(trust: &SampleTrust, dir: &Path, sheet_limit: usize) -> Result<Vec<PathBuf>> {
    write::write_all(trust, dir, sheet_limit.max(1))
}
