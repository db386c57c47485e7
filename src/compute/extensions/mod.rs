//! The extensions, beyond the returns: pay gaps, intersections, recruitment views, progression, the Model Employer gap
//! and the board narrative. Defined as data in `indicators/extensions.toml`; computed from the same records as the
//! 23 return indicators, which they never change. The results go in [`Results::extensions`] and
//! [`Results::narrative`].
//!
//! [`Results::extensions`]: crate::compute::results::Results::extensions
//! [`Results::narrative`]: crate::compute::results::Results::narrative

pub mod breakdown;
pub mod definitions;
pub mod narrative;
pub mod pay_gap;
pub mod progression;
pub mod publication;
pub mod results;

pub use results::{Extensions, Narrative};

use crate::compute::registry::registry;
use crate::compute::results::Results;
use crate::config::Settings;
use crate::error::Result;
use crate::normalise::records::Records;

/// Computes the extensions block: only the figures about the groups of the standards asked for (a breakdown of a
/// WRES indicator by disability is left out of a WRES-only run too, as the disability column may be missing).
pub fn compute(records: &Records, settings: &Settings) -> Result<Extensions> {
    let mut out = compute_all(records, settings)?;
    let asked = settings.standards;
    out.pay_gaps.retain(|p| asked.includes(&p.standard));
    let breakdown = |b: &results::Breakdown| asked.includes(&b.standard) && asked.includes_dimension(b.by);
    out.intersections.retain(breakdown);
    out.recruitment_views.retain(breakdown);
    out.progression.retain(|p| asked.includes(&p.standard));
    if !asked.wres {
        out.model_employer = None;
    }
    Ok(out)
}

fn compute_all(records: &Records, settings: &Settings) -> Result<Extensions> {
    let registry = registry()?;
    let defs = &registry.extensions;
    let returns = &registry.indicators;
    let staff = records.staff.as_ref();
    Ok(Extensions {
        method: results::Method {
            weekly_hours: settings.pay.weekly_hours,
            weeks_per_year: defs.pay_gap.weeks_per_year,
            salary_basis: settings.pay.salary_basis,
            min_members: defs.disclosure.min_members,
            case_reading: "current_headcount",
        },
        pay_gaps: pay_gap::pay_gaps(staff, defs, &settings.pay),
        intersections: breakdown::breakdowns(&defs.intersection, returns, defs, records, settings),
        recruitment_views: breakdown::breakdowns(&defs.recruitment_view, returns, defs, records, settings),
        progression: progression::progression(staff, defs, settings),
        model_employer: progression::model_employer(staff, defs),
    })
}

/// The board paragraphs, from the (disclosed, in publication mode) results and last year's figures, if any.
pub fn narrative(results: &Results, previous: &[narrative::PreviousFigure]) -> Result<Narrative> {
    let registry = registry()?;
    let (returns, settings) = (&registry.indicators, &registry.extensions.narrative);
    let asked = results.settings.standards;
    let paragraph = |standard: &str| {
        if asked.includes(standard) {
            narrative::paragraph(standard, results, returns, previous, settings)
        } else {
            String::new()
        }
    };
    Ok(Narrative { wres: paragraph("WRES"), wdes: paragraph("WDES") })
}
