//! The board page's figures (`board_summary` in the JSON): for each indicator, the protected and comparison
//! groups' values, the ratio or gap, its status by the stated rule of its kind, last year's figure and the
//! direction of the change, and NHS England's national figure; then the key messages. Every renderer shows these
//! as they are: the workbook's Board summary never works a status or a direction out itself.

use serde::Serialize;

use super::benchmarks::{self, England};
use super::definitions::{Definition, Dimension, Kind};
use super::direction::{self, Better, Direction, Judged, Scale, Then};
use super::messages::{self, KeyMessage};
use super::results::{Figures, IndicatorResult, Results, Status};
use super::status::{self, Level, Rating, StatusRules};
use crate::read::previous::PreviousRun;
use crate::stats::Assessment;

/// Bands at 8a and above (WRES 1), for the senior share.
pub const SENIOR_BANDS: [&str; 6] = ["Band 8a", "Band 8b", "Band 8c", "Band 8d", "Band 9", "VSM"];
/// Clusters at 8a and above (WDES 1).
pub const SENIOR_CLUSTERS: [&str; 2] = ["Cluster 3", "Cluster 4"];

/// Everything the board page shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BoardSummary {
    /// The WRES and WDES year (the snapshot's year).
    pub year: i32,
    /// The standards this run holds figures for (`WRES`, `WDES`).
    pub standards: Vec<String>,
    /// The numbers of the status rules in force.
    pub rules: StatusRules,
    /// Each rule in one line, as printed on the page.
    pub rule_lines: Vec<RuleLine>,
    /// The snapshot date of last year's results, when given (`--previous`).
    pub last_year: Option<String>,
    /// One line per indicator, in the order of the results.
    pub lines: Vec<BoardLine>,
    /// Three to five key messages, most important first.
    pub messages: Vec<KeyMessage>,
}

/// One status rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleLine {
    /// The kind of figure, in words.
    pub kind: &'static str,
    /// The rule, in one line.
    pub rule: String,
}

/// What a line's `difference` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    /// A relative likelihood (above 1 is worse for the protected group).
    Ratio,
    /// Protected minus comparison group, percentage points.
    GapPoints,
    /// Protected minus comparison group, engagement score points.
    ScorePoints,
    /// The protected group's share of staff at band 8a and above, percent.
    SeniorShare,
    /// The voting board's share minus the workforce's, percentage points.
    BoardPoints,
    /// The protected group's value minus the England figure, percentage points.
    EnglandPoints,
    /// No difference (WDES 9b).
    None,
}

/// One indicator on the board page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardLine {
    /// The indicator id.
    pub id: String,
    /// `WRES` or `WDES`.
    pub standard: String,
    /// Its short name.
    pub name: String,
    /// The protected group (`BME`, `Disabled`).
    pub protected_group: &'static str,
    /// The comparison group (`None` for WDES 8 and 9b).
    pub comparison_group: Option<&'static str>,
    /// The unit of the two group values: `percent` (0-100) or `score` (0-10).
    pub unit: &'static str,
    /// The protected group's value: its rate, share, survey result or voting-board share.
    pub protected_value: Option<f64>,
    /// The comparison group's.
    pub comparison_value: Option<f64>,
    /// The ratio or gap.
    pub difference: Option<f64>,
    /// What `difference` is.
    pub difference_kind: DifferenceKind,
    /// The figure the status and the direction are read from, with its interval.
    pub figure: Option<Judged>,
    /// Red, amber, green, or not judged.
    pub status: Level,
    /// Why, in a few words.
    pub why: String,
    /// Last year's value of `figure`, when given.
    pub last_year: Option<LastYear>,
    /// Better, worse, or no real change since last year.
    pub direction: Option<Direction>,
    /// NHS England's national figure (the ratio, or the protected group's value), when published.
    pub england: Option<England>,
    /// WDES 9b's answer.
    pub answer: Option<String>,
}

/// Last year's value of a line's figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LastYear {
    /// That run's snapshot date.
    pub snapshot_date: String,
    /// The value.
    pub value: f64,
    /// Lower end of its interval.
    pub low: Option<f64>,
    /// Upper end.
    pub high: Option<f64>,
}

/// The comparison group of a standard.
fn other_of(dimension: Dimension) -> (&'static str, &'static str) {
    match dimension {
        Dimension::Ethnicity => ("BME", "White"),
        Dimension::Disability => ("Disabled", "Non-disabled"),
    }
}

/// The interval's z, from the run's confidence level.
fn z_of(results: &Results) -> f64 {
    crate::stats::normal::z_for_level(results.settings.ci_level).unwrap_or(1.959963984540054)
}

/// Builds the board summary of `results`. Statuses are judged on `exact` (the results before disclosure control,
/// when `--publication` rewrote them) so that a published page rates what the full figures say; what is shown
/// comes from `results`, and a figure withheld there is not rated.
pub fn build(
    results: &Results,
    exact: &Results,
    defs: &[&Definition],
    previous: &[PreviousRun],
    rules: &StatusRules,
) -> BoardSummary {
    let england = benchmarks::all().unwrap_or_default();
    let year = results.snapshot_date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    let z = z_of(results);
    let last = previous.iter().max_by(|a, b| a.snapshot_date.cmp(&b.snapshot_date));
    let mut lines = Vec::new();
    for ind in &results.indicators {
        let Some(def) = defs.iter().find(|d| d.id == ind.id) else { continue };
        let exact_ind = exact.indicators.iter().find(|i| i.id == ind.id).unwrap_or(ind);
        let mut line = line(def, ind, exact_ind, rules, &england, year, results.settings.ci_level);
        // A figure withheld for publication is not rated either (its status would say what it hides).
        let published = !std::ptr::eq(results, exact);
        let hidden = published && line.figure.is_none() && line.difference_kind != DifferenceKind::None;
        if (withheld(ind) || hidden) && line.status != Level::NotJudged {
            line.status = Level::NotJudged;
            line.why = "withheld for publication (small numbers)".to_string();
        }
        if let (Some(run), Some(figure)) = (last, &line.figure) {
            line.last_year = then_of(run, &ind.id, ind).map(|t| LastYear {
                snapshot_date: run.snapshot_date.clone(),
                value: t.value,
                low: t.low,
                high: t.high,
            });
            let comparable = results.trend.iter().find(|t| t.id == ind.id).is_none_or(|t| t.flags.is_empty());
            line.direction = line.last_year.as_ref().map(|l| {
                if comparable {
                    direction::direction(figure, &Then { value: l.value, low: l.low, high: l.high }, z)
                } else {
                    Direction::NotComparable
                }
            });
        }
        lines.push(line);
    }
    let mut standards: Vec<String> = Vec::new();
    for l in &lines {
        if !standards.contains(&l.standard) {
            standards.push(l.standard.clone());
        }
    }
    let protected = if standards.iter().all(|s| s == "WDES") { "Disabled" } else { "BME (Disabled)" };
    let rule_lines =
        status::rule_lines(rules, protected).into_iter().map(|(kind, rule)| RuleLine { kind, rule }).collect();
    let messages = messages::key_messages(&lines, &results.indicators, defs, last.is_some(), z);
    BoardSummary {
        year,
        standards,
        rules: *rules,
        rule_lines,
        last_year: last.map(|r| r.snapshot_date.clone()),
        lines,
        messages,
    }
}

/// True when disclosure control withheld the indicator's figure.
fn withheld(ind: &IndicatorResult) -> bool {
    ind.status == Status::Suppressed
}

/// An empty line of `def`, not judged for `why`.
fn blank(def: &Definition, protected: &'static str, comparison: Option<&'static str>) -> BoardLine {
    BoardLine {
        id: def.id.clone(),
        standard: def.standard.label().to_string(),
        name: def.short.clone(),
        protected_group: protected,
        comparison_group: comparison,
        unit: "percent",
        protected_value: None,
        comparison_value: None,
        difference: None,
        difference_kind: DifferenceKind::None,
        figure: None,
        status: Level::NotJudged,
        why: String::new(),
        last_year: None,
        direction: None,
        england: None,
        answer: None,
    }
}

fn rate(r: Rating, line: &mut BoardLine) {
    line.status = r.level;
    line.why = r.why;
}

/// Why an indicator has no figure to judge.
fn no_figure(ind: &IndicatorResult) -> String {
    match ind.status {
        Status::NoData => ind.reason.clone().unwrap_or_else(|| "no data".to_string()),
        Status::NotEstimable => {
            format!("not estimable: {}", ind.reason.clone().unwrap_or_else(|| "a group has no members".to_string()))
        }
        Status::Suppressed => "withheld for publication (small numbers)".to_string(),
        Status::Ok => "no figure".to_string(),
    }
}

/// One indicator's line: its values from `ind` (as shown), its status from `exact` (as computed) by `rules`, with
/// NHS England's figure of `year` from `england` and intervals at confidence `level`. A system's summary judges
/// its own pooled figures, and each of its trusts, through this too.
pub fn line(
    def: &Definition,
    ind: &IndicatorResult,
    exact: &IndicatorResult,
    rules: &StatusRules,
    england: &[England],
    year: i32,
    level: f64,
) -> BoardLine {
    let (protected, other) = other_of(def.dimension);
    let mut l = match def.kind() {
        Kind::Declaration => blank(def, protected, None),
        Kind::Survey if def.survey().is_some_and(|s| s.comparison_group.is_none()) => blank(def, protected, None),
        _ => blank(def, protected, Some(other)),
    };
    l.why = no_figure(ind);
    let figure_name = match def.kind() {
        Kind::RelativeLikelihood => "ratio",
        Kind::Declaration => "Trusts",
        _ => protected,
    };
    l.england = benchmarks::for_year(england, &def.id, figure_name, year).cloned();
    match (&ind.figures, &exact.figures) {
        (Figures::RelativeLikelihood(f), Figures::RelativeLikelihood(e)) => {
            let rate_of = |g: &str| f.groups.iter().find(|x| x.group == g).and_then(|x| x.rate).map(|r| r * 100.0);
            l.protected_value = rate_of(protected);
            l.comparison_value = rate_of(other);
            l.difference_kind = DifferenceKind::Ratio;
            let Some(r) = f.ratio.as_ref().filter(|_| ind.status == Status::Ok) else { return l };
            let Some(value) = r.value else { return l };
            l.difference = Some(value);
            l.figure = Some(Judged {
                value,
                low: r.ci.as_ref().map(|c| c.low),
                high: r.ci.as_ref().and_then(|c| c.high),
                scale: Scale::Log,
                better: Better::Lower,
                resolution: None,
            });
            let Some(er) = e.ratio.as_ref() else { return l };
            let Some(ev) = er.value else { return l };
            let default = StatusRules::default();
            let inside = if rules.ratio_low == default.ratio_low && rules.ratio_high == default.ratio_high {
                // The exact-fraction assessment of the default range.
                e.assessment == Assessment::WithinNonAdverseRange
            } else {
                status::inside(rules, ev)
            };
            let tally = |g: &str| e.groups.iter().find(|x| x.group == g).and_then(|x| Some((x.events?, x.total?)));
            let expected = match (tally(er.numerator_group), tally(er.denominator_group)) {
                (Some((a, n1)), Some((c, n2))) => status::min_expected(a, n1, c, n2),
                _ => None,
            };
            rate(status::ratio(rules, inside, er.significant, expected), &mut l);
        }
        (Figures::Survey(f), Figures::Survey(e)) => {
            l.unit = if f.unit == "score" { "score" } else { "percent" };
            let value = |rows: &[super::results::SurveyRow], g: &str| {
                rows.iter().find(|r| r.group == g && r.status != Status::Suppressed).and_then(|r| r.value)
            };
            l.protected_value = value(&f.rows, protected);
            let higher_is_better = def.survey().is_none_or(|s| s.higher_is_better);
            let better = if higher_is_better { Better::Higher } else { Better::Lower };
            if def.survey().is_some_and(|s| s.comparison_group.is_some()) {
                l.comparison_value = value(&f.rows, other);
                let score = f.unit == "score";
                l.difference_kind = if score { DifferenceKind::ScorePoints } else { DifferenceKind::GapPoints };
                let Some(gap) = f.gap_pp else {
                    if ind.status == Status::Ok {
                        l.why = "no gap: a group is missing or has fewer than 11 respondents".to_string();
                    }
                    return l;
                };
                l.difference = Some(gap);
                l.figure = Some(Judged {
                    value: gap,
                    low: f.gap_ci_low,
                    high: f.gap_ci_high.filter(|_| f.gap_ci_low.is_some()),
                    scale: Scale::Linear,
                    better,
                    resolution: score.then_some(0.1),
                });
                let Some(egap) = e.gap_pp else { return l };
                let worse_by = if higher_is_better { -egap } else { egap };
                let significant = match (e.gap_ci_low, e.gap_ci_high) {
                    (Some(lo), Some(hi)) => Some(lo > 0.0 || hi < 0.0),
                    _ => None,
                };
                let threshold = if score { rules.score_points } else { rules.gap_points };
                rate(status::gap(worse_by, threshold, significant, &format!("{} staff", other.to_lowercase())), &mut l);
                if other == "White" {
                    l.why = l.why.replace("white staff", "White staff");
                }
            } else {
                // Disabled staff only (WDES 8): against the England figure.
                let row = f.rows.iter().find(|r| r.group == protected && r.status != Status::Suppressed);
                let Some(v) = l.protected_value else { return l };
                l.figure = Some(Judged {
                    value: v,
                    low: row.and_then(|r| r.ci_low),
                    high: row.and_then(|r| r.ci_high),
                    scale: Scale::Linear,
                    better,
                    resolution: None,
                });
                l.difference_kind = DifferenceKind::EnglandPoints;
                let Some(eng) = &l.england else {
                    l.why = "no England figure to compare with".to_string();
                    return l;
                };
                l.difference = Some(v - eng.value);
                let erow = e.rows.iter().find(|r| r.group == protected && r.status != Status::Suppressed);
                let (Some(ev), Some(er)) = (erow.and_then(|r| r.value), erow) else { return l };
                let worse_by = if higher_is_better { eng.value - ev } else { ev - eng.value };
                let significant = match (er.ci_low, er.ci_high) {
                    (Some(lo), Some(hi)) => Some(eng.value < lo || eng.value > hi),
                    _ => None,
                };
                rate(status::gap(worse_by, rules.gap_points, significant, &format!("England ({})", eng.year)), &mut l);
            }
        }
        (Figures::Representation(f), Figures::Representation(e)) => {
            let overall = |rows: &[super::results::RepresentationRow], g: &str| {
                rows.iter()
                    .find(|r| r.workforce == "overall" && r.band == "All" && r.group == g)
                    .and_then(|r| r.percent)
            };
            l.protected_value = overall(&f.rows, protected);
            l.comparison_value = overall(&f.rows, other);
            l.difference_kind = DifferenceKind::SeniorShare;
            let senior = |rows: &[super::results::RepresentationRow]| senior_counts(rows, def.dimension, protected);
            if let Some((count, total)) = senior(&f.rows) {
                let share = 100.0 * count as f64 / total as f64;
                let ci = crate::stats::proportion::wilson(count as f64, total as f64, level);
                l.difference = Some(share);
                l.figure = Some(Judged {
                    value: share,
                    low: ci.map(|c| 100.0 * c.low),
                    high: ci.and_then(|c| c.high).map(|h| 100.0 * h),
                    scale: Scale::Linear,
                    better: Better::Higher,
                    resolution: None,
                });
            } else if ind.status == Status::Ok {
                l.why = "nobody at band 8a or above".to_string();
            }
            if let (Some((count, total)), Some(all)) = (senior(&e.rows), overall(&e.rows, protected)) {
                if all > 0.0 {
                    let share = 100.0 * count as f64 / total as f64;
                    let ci = crate::stats::proportion::wilson(count as f64, total as f64, level);
                    let high = ci.and_then(|c| c.high).map(|h| 100.0 * h);
                    rate(status::senior_share(rules, share, high, all), &mut l);
                } else {
                    l.why = format!("no {protected} staff");
                }
            }
        }
        (Figures::Board(f), Figures::Board(e)) => {
            let pct = |rows: &[super::results::BoardRow], m: &str, g: &str| {
                rows.iter().find(|r| r.membership == m && r.group == g).and_then(|r| r.percent)
            };
            l.protected_value = pct(&f.rows, "voting", protected);
            l.comparison_value = pct(&f.rows, "voting", other);
            l.difference_kind = DifferenceKind::BoardPoints;
            let voting = |rows: &[super::results::BoardRow]| {
                rows.iter().find(|r| r.membership == "voting").and_then(|r| r.total)
            };
            let members = voting(&e.rows).or(voting(&f.rows));
            if let Some(d) = f.difference_pp.voting {
                l.difference = Some(d);
                l.figure = Some(Judged {
                    value: d,
                    low: None,
                    high: None,
                    scale: Scale::Linear,
                    better: Better::Higher,
                    resolution: members.filter(|m| *m > 0).map(|m| 50.0 / m as f64),
                });
            } else if ind.status == Status::Ok {
                l.why = "no voting members listed, or no staff snapshot to compare with".to_string();
            }
            let count = e.rows.iter().find(|r| r.membership == "voting" && r.group == protected).and_then(|r| r.count);
            if let (Some(k), Some(t), Some(w)) = (count, members, pct(&e.rows, "workforce", protected)) {
                if t > 0 {
                    rate(status::board(rules, w / 100.0 * t as f64 - k as f64), &mut l);
                }
            }
        }
        (Figures::Declaration(f), _) => {
            l.difference_kind = DifferenceKind::None;
            l.answer = f.answer.clone();
            rate(status::declaration(f.answer.as_deref()), &mut l);
        }
        _ => {}
    }
    l
}

/// The protected group's count and the total of staff at band 8a and above (clinical and non-clinical), from a
/// representation's rows; `None` when there is nobody there or a count is withheld.
pub fn senior_counts(
    rows: &[super::results::RepresentationRow],
    dimension: Dimension,
    group: &str,
) -> Option<(u64, u64)> {
    let senior: &[&str] = match dimension {
        Dimension::Ethnicity => &SENIOR_BANDS,
        Dimension::Disability => &SENIOR_CLUSTERS,
    };
    let (mut count, mut total) = (0u64, 0u64);
    for r in rows.iter().filter(|r| {
        (r.workforce == "non_clinical" || r.workforce == "clinical")
            && r.group == group
            && senior.contains(&r.band.as_str())
    }) {
        count += r.count?;
        total += r.total?;
    }
    (total > 0).then_some((count, total))
}

/// Last year's value of an indicator's board figure: from that run's board summary, or else (results written
/// before the board summary) its headline where the headline is the same figure, with the interval it kept.
fn then_of(run: &PreviousRun, id: &str, now: &IndicatorResult) -> Option<Then> {
    if let Some(summary) = &run.board_summary {
        let line = summary.lines.iter().find(|l| l.id == id)?;
        let f = line.figure?;
        return Some(Then { value: f.value, low: f.low, high: f.high });
    }
    let old = run.indicators.iter().find(|i| i.id == id)?;
    let h = old.headline.as_ref()?;
    let (low, high) = match (&now.figures, h.unit.as_str()) {
        (Figures::RelativeLikelihood(_), "ratio") => {
            let ci = old.ratio.as_ref().and_then(|r| r.ci);
            (ci.map(|c| c.low), ci.and_then(|c| c.high))
        }
        (Figures::Survey(f), "percentage_points" | "points") if f.gap_pp.is_some() => (old.gap_ci_low, old.gap_ci_high),
        (Figures::Survey(f), "percent") if f.gap_pp.is_none() => (None, None),
        (Figures::Board(_), "percentage_points") => (None, None),
        _ => return None,
    };
    Some(Then { value: h.value, low, high })
}
