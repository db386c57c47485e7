//! What the roll-up keeps of one trust's results: its indicators, the whole workforce against its local
//! population, and a summary of its data quality. Not its extensions, trend or narrative: a batch of hundreds of
//! trusts keeps this much of each finished trust while the others run.

use serde::Serialize;

use crate::compute::population::area::AreaInfo;
use crate::compute::population::comparison::{GroupSet, PopulationRow};
use crate::compute::results::{IndicatorResult, Results};

/// One trust, as the roll-up sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct TrustDigest {
    /// The trust's label in the roll-up: its organisation code, else its name.
    pub trust: String,
    /// Its name (may be empty).
    pub name: String,
    /// Its snapshot date, `YYYY-MM-DD`.
    pub snapshot_date: String,
    /// Whether its figures were written for publication (small numbers withheld).
    pub publication: bool,
    /// Every indicator and metric it reported.
    pub indicators: Vec<IndicatorResult>,
    /// The whole workforce against the local population (`None` without a staff snapshot).
    pub population: Option<PopulationDigest>,
    /// Its data quality in brief.
    pub quality: TrustQuality,
}

/// The `All` rows of a trust's population comparison (White, BME and Disabled), and the area compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationDigest {
    /// The area: England (the built-in default), a region, local authorities, an ICB or a catchment.
    pub area: AreaInfo,
    /// The whole-workforce rows of the WRES and disability sets.
    pub rows: Vec<PopulationRow>,
}

/// A trust's data quality in brief, for a system to see whose data is weakest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustQuality {
    /// The trust's label.
    pub trust: String,
    /// Its name.
    pub name: String,
    /// Workforce headcount.
    pub headcount: u64,
    /// Percent of the workforce with a recorded ethnicity (White or BME).
    pub ethnicity_declared_percent: Option<f64>,
    /// Percent of the workforce with a recorded disability status (Disabled or Non-disabled).
    pub disability_declared_percent: Option<f64>,
    /// Every input file together: rows read, used, left out (also as a percentage of rows read) and holding a
    /// value not recognised.
    pub all_inputs: AllInputs,
    /// One line per input file read.
    pub inputs: Vec<InputSummary>,
    /// Input kinds not given.
    pub missing_inputs: Vec<&'static str>,
}

/// Rows of every input file together (`None` where a count was withheld).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AllInputs {
    /// Rows read.
    pub rows_read: Option<u64>,
    /// Rows used.
    pub rows_used: Option<u64>,
    /// Rows left out.
    pub rows_left_out: Option<u64>,
    /// Rows left out as a percentage of rows read.
    pub left_out_percent: Option<f64>,
    /// Rows holding a value not recognised.
    pub unrecognised_rows: Option<u64>,
}

impl AllInputs {
    /// The totals of `inputs`.
    ///
    /// ```
    /// use wres_wdes::compute::rollup::digest::{AllInputs, InputSummary};
    /// let one = |read, out| InputSummary {
    ///     kind: "staff", rows_read: Some(read), rows_used: Some(read - out), rows_left_out: Some(out),
    ///     left_out_percent: None, unrecognised_rows: Some(0),
    /// };
    /// let all = AllInputs::of(&[one(900, 9), one(100, 1)]);
    /// assert_eq!((all.rows_read, all.rows_left_out, all.left_out_percent), (Some(1000), Some(10), Some(1.0)));
    /// ```
    pub fn of(inputs: &[InputSummary]) -> AllInputs {
        let rows_read = inputs.iter().map(|i| i.rows_read).sum::<Option<u64>>();
        let rows_left_out = inputs.iter().map(|i| i.rows_left_out).sum::<Option<u64>>();
        AllInputs {
            rows_read,
            rows_used: inputs.iter().map(|i| i.rows_used).sum(),
            rows_left_out,
            left_out_percent: rows_left_out
                .zip(rows_read)
                .and_then(|(o, r)| crate::compute::representation::percent(o, r)),
            unrecognised_rows: inputs.iter().map(|i| i.unrecognised_rows).sum(),
        }
    }
}

/// Rows read, used and left out of one input file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputSummary {
    /// `staff`, `recruitment`, `cases`, `training`, `survey` or `board`.
    pub kind: &'static str,
    /// Non-blank rows below the header (`None` when withheld by disclosure control).
    pub rows_read: Option<u64>,
    /// Rows that contributed to the figures.
    pub rows_used: Option<u64>,
    /// Rows left out, every reason together (`None` when a count was withheld).
    pub rows_left_out: Option<u64>,
    /// Rows left out as a percentage of rows read.
    pub left_out_percent: Option<f64>,
    /// Rows holding a value not recognised (`None` when a count was withheld).
    pub unrecognised_rows: Option<u64>,
}

impl TrustDigest {
    /// Keeps what the roll-up needs of `results` (moving its indicators out).
    ///
    /// ```no_run
    /// # fn f(results: wres_wdes::compute::results::Results) {
    /// let digest = wres_wdes::compute::rollup::digest::TrustDigest::of(results);
    /// println!("{} reported {} indicators", digest.trust, digest.indicators.len());
    /// # }
    /// ```
    pub fn of(results: Results) -> TrustDigest {
        let trust = if results.organisation.code.trim().is_empty() {
            results.organisation.name.clone()
        } else {
            results.organisation.code.clone()
        };
        let name = results.organisation.name.clone();
        let population = results.population.map(|p| PopulationDigest {
            area: p.area,
            rows: p
                .rows
                .into_iter()
                .filter(|r| r.band == "All" && matches!(r.set, GroupSet::Wres | GroupSet::Disability))
                .collect(),
        });
        let dq = &results.data_quality;
        let declared = |unknown: Option<f64>| unknown.filter(|_| dq.declaration.headcount > 0).map(|u| 100.0 - u);
        let inputs: Vec<InputSummary> = dq
            .inputs
            .iter()
            .map(|q| {
                let rows_left_out = q.excluded.iter().map(|e| e.rows).sum::<Option<u64>>();
                InputSummary {
                    kind: q.kind,
                    rows_read: q.rows_read,
                    rows_used: q.rows_used,
                    rows_left_out,
                    left_out_percent: match (rows_left_out, q.rows_read) {
                        (Some(out), Some(read)) => crate::compute::representation::percent(out, read),
                        _ => None,
                    },
                    unrecognised_rows: q.unrecognised.iter().map(|u| u.rows).sum::<Option<u64>>(),
                }
            })
            .collect();
        let quality = TrustQuality {
            trust: trust.clone(),
            name: name.clone(),
            headcount: dq.declaration.headcount,
            ethnicity_declared_percent: declared(dq.declaration.ethnicity_unknown_percent),
            disability_declared_percent: declared(dq.declaration.disability_unknown_percent),
            all_inputs: AllInputs::of(&inputs),
            inputs,
            missing_inputs: dq.missing_inputs.clone(),
        };
        TrustDigest {
            trust,
            name,
            snapshot_date: results.snapshot_date,
            publication: results.settings.publication,
            indicators: results.indicators,
            population,
            quality,
        }
    }

    /// The indicator `id`, when the trust reported it.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|i| i.id == id)
    }
}
