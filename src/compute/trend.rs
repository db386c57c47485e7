//! Trends: each indicator's headline across the years given with `--previous`, matched by id, with the change
//! from the latest earlier year, and flags where the figures are not comparable (the definition or a setting
//! changed between years).

use super::results::{Results, TrendPoint, TrendRow};
use crate::read::previous::PreviousRun;

/// The settings that change what a figure means.
const COMPARABLE_SETTINGS: [&str; 5] =
    ["ci_method", "ci_level", "rolling_average", "include_ill_health", "publication"];

/// Builds the trend of `current` over `previous` (sorted by snapshot date here).
pub fn trend(current: &Results, previous: &[PreviousRun]) -> Vec<TrendRow> {
    if previous.is_empty() {
        return Vec::new();
    }
    let mut earlier: Vec<&PreviousRun> = previous.iter().collect();
    earlier.sort_by(|a, b| a.snapshot_date.cmp(&b.snapshot_date));
    let settings = serde_json::to_value(&current.settings).unwrap_or_default();
    current
        .indicators
        .iter()
        .map(|ind| {
            let mut flags = Vec::new();
            let mut points = Vec::new();
            for run in &earlier {
                let old = run.indicators.iter().find(|i| i.id == ind.id);
                match old {
                    Some(o) => {
                        if o.kind != ind.kind || o.title != ind.title {
                            flags.push(format!("the definition changed since {}", run.snapshot_date));
                        }
                        if let (Some(h), Some(now)) = (&o.headline, &ind.headline) {
                            if h.unit != now.unit || h.measure != now.measure {
                                flags.push(format!("the headline measure changed since {}", run.snapshot_date));
                            }
                        }
                    }
                    None => flags.push(format!("not in the results of {}", run.snapshot_date)),
                }
                for key in COMPARABLE_SETTINGS {
                    if run.settings.get(key) != settings.get(key) {
                        flags.push(format!("setting {key} differs in {}", run.snapshot_date));
                    }
                }
                points.push(TrendPoint {
                    snapshot_date: run.snapshot_date.clone(),
                    value: old.and_then(|o| o.headline.as_ref()).map(|h| h.value),
                });
            }
            let now = ind.headline.as_ref().map(|h| h.value);
            let change = match (now, points.last().and_then(|p| p.value)) {
                (Some(n), Some(p)) => Some(n - p),
                _ => None,
            };
            points.push(TrendPoint { snapshot_date: current.snapshot_date.clone(), value: now });
            flags.dedup();
            TrendRow { id: ind.id.clone(), unit: ind.headline.as_ref().map(|h| h.unit.clone()), points, change, flags }
        })
        .collect()
}
