//! Workforce against the local population (Census 2021): the `population` block of the results (docs/outputs.md).
//!
//! Three steps:
//!
//! 1. [`area::parse_area`] turns `--area CODE[,CODE...]` into an [`area::AreaChoice`] (England by default);
//! 2. [`area::resolve`] builds the population mix for it, from the [`builtin`] figures or from the population files
//!    read by [`crate::read::census`];
//! 3. [`comparison::compare`] compares the workforce counts with the mix, per band and group.
//!
//! ```
//! use wres_wdes::compute::population::{area, comparison, ONS_LICENCE};
//! use wres_wdes::read::census::PopulationFiles;
//! let mix = area::resolve(&area::parse_area("E12000007")?, &PopulationFiles::default())?;
//! let wf = comparison::WorkforceCounts { rows: vec![comparison::BandCounts {
//!     band: "All".into(), ethnicity: [500, 500, 0], broad: [500, 250, 200, 30, 20], disability: [50, 900, 50] }] };
//! let result = comparison::compare(&wf, &mix, 0.95)?;
//! assert_eq!(result.area.name.as_deref(), Some("London"));
//! assert_eq!(result.licence, vec![ONS_LICENCE.to_string()]);
//! # Ok::<(), wres_wdes::Error>(())
//! ```

pub mod area;
pub mod builtin;
pub mod comparison;

pub use area::{parse_area, resolve, AreaChoice, AreaInfo, AreaKind, PopulationMix};
pub use comparison::{compare, BandCounts, PopulationResult, PopulationRow, WorkforceCounts};

/// The attribution line required by the Open Government Licence for ONS Census data.
pub const ONS_LICENCE: &str = "Source: Office for National Statistics licensed under the Open Government Licence v3.0";

/// The attribution line for the OHID/NHS trust catchment data.
pub const OHID_LICENCE: &str =
    "Contains NHS Digital / OHID (Office for Health Improvement and Disparities) data licensed under the Open Government Licence v3.0";
