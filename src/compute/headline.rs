//! Each indicator's headline figure: the one number a Summary line and a trend show.
//!
//! - relative likelihood: the ratio;
//! - representation: the protected group's share of the whole workforce (% BME, % Disabled);
//! - survey: the gap in percentage points (protected minus other), or the protected group's value when there is
//!   no comparison group (WDES 8);
//! - board: the voting membership's difference from the workforce, in percentage points;
//! - declaration: none.

use super::results::{Figures, Headline, IndicatorResult};

/// The headline of an indicator result, `None` when it has no figure.
pub fn headline(result: &IndicatorResult, protected: Option<&str>) -> Option<Headline> {
    let h = |value: f64, unit: &str, measure: String| Some(Headline { value, unit: unit.to_string(), measure });
    match &result.figures {
        Figures::RelativeLikelihood(f) => h(f.ratio.as_ref()?.value?, "ratio", "relative likelihood".into()),
        Figures::Representation(f) => {
            let group = if result.id.starts_with("WRES") { "BME" } else { "Disabled" };
            let row = f.rows.iter().find(|r| r.workforce == "overall" && r.group == group)?;
            h(row.percent?, "percent", format!("{group} share of the workforce"))
        }
        Figures::Survey(f) => match f.gap_pp {
            Some(gap) => {
                let unit = if f.unit == "score" { "points" } else { "percentage_points" };
                h(gap, unit, "gap (protected group minus the other)".into())
            }
            None => {
                let row = f.rows.iter().find(|r| Some(r.group) == protected)?;
                h(row.value?, f.unit, format!("{} staff", row.group))
            }
        },
        Figures::Board(f) => h(f.difference_pp.voting?, "percentage_points", "voting board minus workforce".into()),
        Figures::Declaration(_) => None,
    }
}
