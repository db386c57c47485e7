//! The board's status of each figure: red, amber or green by one stated rule per kind of figure, settable in the
//! config file's `[status]` section. Pure functions of the figures, so a system-wide pack can rate its own.
//!
//! - **Relative likelihoods** (WRES 2-4, WDES 2-3): green = inside 0.80-1.25; red = outside and significant (the
//!   interval excludes 1); amber = outside but not significant, or resting on small numbers (an expected count
//!   under 5 in either group: the events, or the people without the outcome, that each group would have if both
//!   had the same rate).
//! - **Survey gaps** (WRES 5-8, WDES 4-7 and 9a): green = not worse for the protected group by more than 5
//!   percentage points (0.5 points of the 0-10 engagement score); red = worse by more than that and significant
//!   (the gap's interval excludes 0); amber = worse by more than that but not significant, or with no interval.
//! - **Disabled staff only** (WDES 8): the same rule, against the England figure.
//! - **Representation** (WRES 1, WDES 1): the protected group's share of staff at band 8a and above (clinical and
//!   non-clinical, VSM included) against its share of all staff: green = at least 0.80 of it; red = below, and
//!   the upper end of the interval of the senior share below too; amber = below, with the interval reaching it.
//! - **Board** (WRES 9, WDES 10): how many more protected-group members the voting board would need to match the
//!   workforce's share: green = fewer than 1; amber = 1 to under 2; red = 2 or more.
//! - **WDES 9b**: green = yes, red = no.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The numbers of the status rules (the config file's `[status]` section).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StatusRules {
    /// Lower edge of the non-adverse range of a relative likelihood (0.80).
    pub ratio_low: f64,
    /// Upper edge (1.25).
    pub ratio_high: f64,
    /// A ratio outside the range rests on small numbers, and is amber, when an expected count is under this (5).
    pub min_expected: f64,
    /// A survey gap in percentage points worse than this is amber or red (5).
    pub gap_points: f64,
    /// The same for the 0-10 engagement score (0.5).
    pub score_points: f64,
    /// The protected group's share at band 8a and above below this fraction of its share of all staff is amber
    /// or red (0.80).
    pub senior_share: f64,
    /// The voting board this many members short of the workforce's share is amber (1).
    pub board_amber_members: f64,
    /// ... and this many, red (2).
    pub board_red_members: f64,
}

impl Default for StatusRules {
    fn default() -> Self {
        StatusRules {
            ratio_low: 0.8,
            ratio_high: 1.25,
            min_expected: 5.0,
            gap_points: 5.0,
            score_points: 0.5,
            senior_share: 0.8,
            board_amber_members: 1.0,
            board_red_members: 2.0,
        }
    }
}

/// The `[status]` section as written: every key optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusConfig {
    /// Lower edge of the non-adverse range (default 0.80).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio_low: Option<f64>,
    /// Upper edge (default 1.25).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio_high: Option<f64>,
    /// Smallest expected count a ratio may rest on before it is amber (default 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_expected: Option<f64>,
    /// Survey gap, percentage points (default 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap_points: Option<f64>,
    /// Engagement score gap, points (default 0.5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_points: Option<f64>,
    /// Share at band 8a and above as a fraction of the share of all staff (default 0.80).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub senior_share: Option<f64>,
    /// Voting members short for amber (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board_amber_members: Option<f64>,
    /// Voting members short for red (default 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board_red_members: Option<f64>,
}

impl StatusConfig {
    /// The rules, checked: the range must hold 1, thresholds must be positive, amber must come before red.
    ///
    /// ```
    /// use wres_wdes::compute::status::StatusConfig;
    /// let rules = StatusConfig { gap_points: Some(3.0), ..StatusConfig::default() }.rules().unwrap();
    /// assert_eq!((rules.gap_points, rules.ratio_high), (3.0, 1.25));
    /// assert!(StatusConfig { ratio_low: Some(1.1), ..StatusConfig::default() }.rules().is_err());
    /// ```
    pub fn rules(&self) -> Result<StatusRules> {
        let d = StatusRules::default();
        let r = StatusRules {
            ratio_low: self.ratio_low.unwrap_or(d.ratio_low),
            ratio_high: self.ratio_high.unwrap_or(d.ratio_high),
            min_expected: self.min_expected.unwrap_or(d.min_expected),
            gap_points: self.gap_points.unwrap_or(d.gap_points),
            score_points: self.score_points.unwrap_or(d.score_points),
            senior_share: self.senior_share.unwrap_or(d.senior_share),
            board_amber_members: self.board_amber_members.unwrap_or(d.board_amber_members),
            board_red_members: self.board_red_members.unwrap_or(d.board_red_members),
        };
        let bad = |what: String, hint: &str| Err(Error::usage(format!("[status] {what}")).with_hint(hint));
        if !(r.ratio_low > 0.0 && r.ratio_low < 1.0 && r.ratio_high > 1.0 && r.ratio_high.is_finite()) {
            return bad(
                format!("ratio_low = {} and ratio_high = {} do not make a range around 1", r.ratio_low, r.ratio_high),
                "for example ratio_low = 0.8 and ratio_high = 1.25",
            );
        }
        for (key, v) in [
            ("min_expected", r.min_expected),
            ("gap_points", r.gap_points),
            ("score_points", r.score_points),
            ("board_amber_members", r.board_amber_members),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                return bad(format!("{key} = {v} is not a number of 0 or more"), "for example gap_points = 5");
            }
        }
        if !(r.senior_share > 0.0 && r.senior_share <= 1.0) {
            return bad(format!("senior_share = {} is not between 0 and 1", r.senior_share), "for example 0.8");
        }
        if !(r.board_red_members.is_finite() && r.board_red_members >= r.board_amber_members) {
            return bad(
                format!(
                    "board_red_members = {} is less than board_amber_members = {}",
                    r.board_red_members, r.board_amber_members
                ),
                "for example board_amber_members = 1 and board_red_members = 2",
            );
        }
        Ok(r)
    }
}

/// A figure's status on the board page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// No figure to judge (no data, not estimable, withheld, no comparison).
    NotJudged,
    /// Within range.
    Green,
    /// Outside the range, but uncertain.
    Amber,
    /// Outside the range, and not by chance.
    Red,
}

impl Level {
    /// The level in words, as the board page shows it.
    pub fn words(self) -> &'static str {
        match self {
            Level::Red => "Red",
            Level::Amber => "Amber",
            Level::Green => "Green",
            Level::NotJudged => "No status",
        }
    }
}

/// A status and why, in a few words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rating {
    /// Red, amber, green, or not judged.
    pub level: Level,
    /// Why, in a few words.
    pub why: String,
}

fn rating(level: Level, why: impl Into<String>) -> Rating {
    Rating { level, why: why.into() }
}

/// Not judged, with the reason.
pub fn not_judged(why: impl Into<String>) -> Rating {
    rating(Level::NotJudged, why)
}

/// The smallest expected count of a two-by-two table (events and non-events of each group under one common
/// rate); `None` when a group is empty.
///
/// ```
/// // 2 of 158 Disabled staff and 23 of 1,842 others: 25 events in 2,000, so 158 x 25 / 2000 = 1.975 expected.
/// let e = wres_wdes::compute::status::min_expected(2, 158, 23, 1842).unwrap();
/// assert!((e - 1.975).abs() < 1e-12);
/// ```
pub fn min_expected(a: u64, n1: u64, c: u64, n2: u64) -> Option<f64> {
    let n = (n1 + n2) as f64;
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let events = (a + c) as f64;
    let rate = events / n;
    [n1 as f64 * rate, n2 as f64 * rate, n1 as f64 * (1.0 - rate), n2 as f64 * (1.0 - rate)]
        .into_iter()
        .reduce(f64::min)
}

/// The status of a relative likelihood: `inside` the non-adverse range, `significant` (the interval excludes 1)
/// and the smallest expected count.
///
/// ```
/// use wres_wdes::compute::status::{ratio, Level, StatusRules};
/// let r = StatusRules::default();
/// assert_eq!(ratio(&r, true, Some(false), Some(40.0)).level, Level::Green);
/// assert_eq!(ratio(&r, false, Some(true), Some(40.0)).level, Level::Red);
/// assert_eq!(ratio(&r, false, Some(false), Some(40.0)).level, Level::Amber);
/// assert_eq!(ratio(&r, false, Some(true), Some(1.9)).level, Level::Amber);
/// ```
pub fn ratio(rules: &StatusRules, inside: bool, significant: Option<bool>, expected: Option<f64>) -> Rating {
    let range = format!("{:.2}-{:.2}", rules.ratio_low, rules.ratio_high);
    if inside {
        return rating(Level::Green, format!("inside {range}"));
    }
    let small = match expected {
        Some(e) => e < rules.min_expected,
        None => true,
    };
    match (significant, small) {
        (_, true) => rating(
            Level::Amber,
            format!("outside {range}, but an expected count is under {}", number(rules.min_expected)),
        ),
        (Some(true), false) => rating(Level::Red, format!("outside {range} and significant")),
        _ => rating(Level::Amber, format!("outside {range}, not significant")),
    }
}

/// Whether a ratio lies inside the range of `rules` (both ends included).
pub fn inside(rules: &StatusRules, value: f64) -> bool {
    value >= rules.ratio_low && value <= rules.ratio_high
}

/// The status of a gap: `worse_by` is how far the figure is worse for the protected group (0 or less when it is
/// not worse), `threshold` the rule's points, `significant` whether the gap's interval excludes 0 (`None`: no
/// interval). `against` names what the gap is taken from, for the reason.
///
/// ```
/// use wres_wdes::compute::status::{gap, Level};
/// assert_eq!(gap(8.2, 5.0, Some(true), "White staff").level, Level::Red);   // WRES 8: +8.2, CI 3.6 to 13.5
/// assert_eq!(gap(8.2, 5.0, Some(false), "White staff").level, Level::Amber);
/// assert_eq!(gap(0.6, 0.5, None, "non-disabled staff").level, Level::Amber); // a score gap has no interval
/// assert_eq!(gap(4.9, 5.0, Some(true), "White staff").level, Level::Green);
/// assert_eq!(gap(-7.0, 5.0, Some(true), "White staff").level, Level::Green); // better for the protected group
/// ```
pub fn gap(worse_by: f64, threshold: f64, significant: Option<bool>, against: &str) -> Rating {
    let t = number(threshold);
    if worse_by <= threshold {
        return rating(Level::Green, format!("not worse than {against} by more than {t} points"));
    }
    match significant {
        Some(true) => rating(Level::Red, format!("worse than {against} by more than {t} points, significant")),
        Some(false) => rating(Level::Amber, format!("worse than {against} by more than {t} points, not significant")),
        None => rating(Level::Amber, format!("worse than {against} by more than {t} points, no interval")),
    }
}

/// The status of representation at band 8a and above: the protected group's `senior` share (percent) with the
/// upper end of its interval, against its `overall` share of all staff (percent).
///
/// ```
/// use wres_wdes::compute::status::{senior_share, Level, StatusRules};
/// let r = StatusRules::default();
/// // 32.8% of all staff: the line is 0.80 x 32.8 = 26.24%.
/// assert_eq!(senior_share(&r, 30.0, Some(38.0), 32.8).level, Level::Green);
/// assert_eq!(senior_share(&r, 15.1, Some(22.0), 32.8).level, Level::Red);
/// assert_eq!(senior_share(&r, 20.0, Some(30.0), 32.8).level, Level::Amber);
/// ```
pub fn senior_share(rules: &StatusRules, senior: f64, senior_high: Option<f64>, overall: f64) -> Rating {
    let line = rules.senior_share * overall;
    let f = number(rules.senior_share);
    if senior >= line {
        return rating(Level::Green, format!("at least {f} of the share of all staff"));
    }
    match senior_high {
        Some(h) if h < line => rating(Level::Red, format!("under {f} of the share of all staff, interval too")),
        _ => rating(Level::Amber, format!("under {f} of the share of all staff, interval reaches it")),
    }
}

/// The status of the voting board: `short` is how many more protected-group members it would need to match the
/// workforce's share (the workforce share times the voting members, less the protected members).
///
/// ```
/// use wres_wdes::compute::status::{board, Level, StatusRules};
/// let r = StatusRules::default();
/// // 12 voting members, 2 BME, workforce 35% BME: 4.2 expected, 2.2 short.
/// assert_eq!(board(&r, 0.35 * 12.0 - 2.0).level, Level::Red);
/// assert_eq!(board(&r, 0.35 * 12.0 - 3.0).level, Level::Amber);
/// assert_eq!(board(&r, 0.35 * 12.0 - 4.0).level, Level::Green);
/// ```
pub fn board(rules: &StatusRules, short: f64) -> Rating {
    let members = |x: f64| format!("{:.1} members", x);
    if short <= 0.0 {
        rating(Level::Green, "at or above the workforce's share")
    } else if short < rules.board_amber_members {
        rating(Level::Green, format!("{} short of the workforce's share", members(short)))
    } else if short < rules.board_red_members {
        rating(Level::Amber, format!("{} short of the workforce's share", members(short)))
    } else {
        rating(Level::Red, format!("{} short of the workforce's share", members(short)))
    }
}

/// The status of a yes/no declaration (WDES 9b).
pub fn declaration(answer: Option<&str>) -> Rating {
    match answer {
        Some("yes") => rating(Level::Green, "yes"),
        Some(_) => rating(Level::Red, "no"),
        None => not_judged("no answer given"),
    }
}

/// A threshold in words: `5`, `0.5`, `0.80` stays `0.8`.
fn number(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The rule of each kind of figure in one line, as the board page prints it.
///
/// ```
/// use wres_wdes::compute::status::{rule_lines, StatusRules};
/// let lines = rule_lines(&StatusRules::default(), "BME");
/// assert!(lines[0].1.starts_with("red = outside 0.80-1.25 and significant"));
/// ```
pub fn rule_lines(rules: &StatusRules, protected: &str) -> Vec<(&'static str, String)> {
    let r = rules;
    vec![
        (
            "Relative likelihoods",
            format!(
                "red = outside {:.2}-{:.2} and significant; amber = outside but not significant, or an expected count \
                 under {}; green = inside.",
                r.ratio_low,
                r.ratio_high,
                number(r.min_expected)
            ),
        ),
        (
            "Survey gaps",
            format!(
                "red = worse for {protected} staff by over {} points ({} of the engagement score) and significant; \
                 amber = as much, not significant; green = otherwise; WDES 8: against England.",
                number(r.gap_points),
                number(r.score_points)
            ),
        ),
        (
            "Representation",
            format!(
                "share of band 8a and above against share of all staff: green = at least {} of it; red = under, \
                 interval too; amber = under, interval reaches it.",
                number(r.senior_share)
            ),
        ),
        (
            "Board",
            format!(
                "members the voting board is short of the workforce's share: green = under {}; amber = {} to under {}; \
                 red = {} or more. WDES 9b: yes green, no red.",
                number(r.board_amber_members),
                number(r.board_amber_members),
                number(r.board_red_members),
                number(r.board_red_members)
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wdes3_resting_on_two_disabled_staff_is_amber_not_red() {
        // The issue's case: 2 of 158 Disabled staff against 23 of 1,842 others; say the interval excludes 1.
        let e = min_expected(2, 158, 23, 1842);
        let r = ratio(&StatusRules::default(), false, Some(true), e);
        assert_eq!(r.level, Level::Amber);
        assert!(r.why.contains("expected count is under 5"), "{}", r.why);
    }

    #[test]
    fn expected_counts_cover_people_without_the_outcome_too() {
        // 98 of 100 and 95 of 100 trained: 193 of 200, so 3.5 expected without it in each group.
        assert!((min_expected(98, 100, 95, 100).unwrap() - 3.5).abs() < 1e-12);
        assert_eq!(min_expected(1, 0, 1, 10), None);
    }

    #[test]
    fn the_range_edges_are_inside() {
        let r = StatusRules::default();
        assert!(inside(&r, 0.8) && inside(&r, 1.25) && !inside(&r, 1.2501) && !inside(&r, 0.7999));
    }

    #[test]
    fn unknown_significance_outside_the_range_is_amber() {
        let r = ratio(&StatusRules::default(), false, None, Some(50.0));
        assert_eq!(r.level, Level::Amber);
    }

    #[test]
    fn board_edges() {
        let r = StatusRules::default();
        assert_eq!(board(&r, 0.999).level, Level::Green);
        assert_eq!(board(&r, 1.0).level, Level::Amber);
        assert_eq!(board(&r, 2.0).level, Level::Red);
        assert_eq!(board(&r, -3.0).level, Level::Green);
    }

    #[test]
    fn a_config_with_amber_after_red_is_refused() {
        let c = StatusConfig { board_amber_members: Some(3.0), ..StatusConfig::default() };
        assert!(c.rules().is_err());
        let c = StatusConfig { gap_points: Some(f64::NAN), ..StatusConfig::default() };
        assert!(c.rules().is_err());
    }

    #[test]
    fn the_rule_lines_follow_the_settings() {
        let rules =
            StatusConfig { ratio_low: Some(0.75), gap_points: Some(3.0), ..StatusConfig::default() }.rules().unwrap();
        let lines = rule_lines(&rules, "Disabled");
        assert!(lines[0].1.contains("outside 0.75-1.25"), "{}", lines[0].1);
        assert!(lines[1].1.contains("Disabled staff by over 3 points"), "{}", lines[1].1);
        for (_, l) in &lines {
            assert!(l.split_whitespace().count() <= 40, "one line: {l}");
        }
    }
}
