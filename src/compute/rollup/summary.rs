//! The system's board summary: the system's own figures (its trusts' counts together) judged by the same stated
//! rules as a trust's board page, every trust judged by those rules too (so a system sees how many of its trusts
//! are red or amber on each figure), and three to five key messages from the roll-up's key facts: which trusts
//! stand out on a funnel, whether the trusts differ, which trusts failed to run, then the system's most adverse
//! figures.
//!
//! A board's rule is about one board, so the system's boards are judged on the members each is short of its own
//! workforce's share, on average over the boards.

use serde::{Serialize, Serializer};

use super::digest::TrustDigest;
use super::facts::{list, spaced, who};
use super::Rollup;
use crate::compute::benchmarks;
use crate::compute::board_summary::{line, BoardLine, BoardSummary, RuleLine};
use crate::compute::definitions::{Definition, Kind};
use crate::compute::messages::{self, KeyMessage, MAX_MESSAGES};
use crate::compute::results::{
    BoardFigures, BoardRow, DeclarationFigures, Figures, IndicatorResult, RelativeLikelihoodFigures,
    RepresentationFigures, RepresentationRow, Status, SurveyFigures, SurveyRow,
};
use crate::compute::status::{self, Level, StatusRules};
use crate::stats::funnel::Flag;

/// The most key messages about trusts beyond a 99.8% limit above it (worse for the protected group).
const MAX_ABOVE: usize = 3;
/// The most trusts a message names; the rest are counted.
const MAX_NAMED: usize = 3;

/// What the System summary shows, and how each trust fares by the same rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SystemSummary {
    /// The system's figures judged by the rules, the rules in words, and the key messages.
    #[serde(flatten)]
    pub board: BoardSummary,
    /// The trusts' snapshot dates, earliest first (one when they agree).
    pub snapshot_dates: Vec<String>,
    /// True when every trust's figures were written for publication (small numbers withheld).
    pub publication: bool,
    /// Staff in the trusts, together.
    pub headcount: u64,
    /// Percent of them with a recorded ethnicity (over the trusts with a staff snapshot).
    pub ethnicity_declared_percent: Option<f64>,
    /// Percent of them with a recorded disability status.
    pub disability_declared_percent: Option<f64>,
    /// What a reader must know before trusting the figures: trusts that failed to run, snapshot dates that differ.
    pub warnings: Vec<String>,
    /// For each figure, how many trusts are red, amber, green or not judged by the same rules.
    pub tallies: Vec<LevelTally>,
    /// Each trust's figures judged by the same rules, in manifest order.
    pub trusts: Vec<TrustLines>,
}

/// How many trusts have each status on one figure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LevelTally {
    /// The indicator.
    pub id: String,
    /// Trusts red.
    pub red: usize,
    /// Trusts amber.
    pub amber: usize,
    /// Trusts green.
    pub green: usize,
    /// Trusts reporting it with no figure to judge.
    pub not_judged: usize,
}

impl LevelTally {
    /// Trusts with a status (red, amber or green).
    pub fn judged(&self) -> usize {
        self.red + self.amber + self.green
    }
}

/// One trust's figures, as its own board page would judge them by the system's rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustLines {
    /// The trust's label (organisation code, else name).
    pub trust: String,
    /// Its name.
    pub name: String,
    /// Its lines, in the order of the definitions (written to JSON as each one's id, status and why).
    #[serde(rename = "statuses", serialize_with = "statuses")]
    pub lines: Vec<BoardLine>,
}

impl TrustLines {
    /// The line of indicator `id`, when the trust reported it.
    pub fn line(&self, id: &str) -> Option<&BoardLine> {
        self.lines.iter().find(|l| l.id == id)
    }
}

/// A trust's lines in JSON: only what each was judged (the figures are in the roll-up already).
fn statuses<S: Serializer>(lines: &[BoardLine], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Judged<'a> {
        id: &'a str,
        status: Level,
        why: &'a str,
    }
    s.collect_seq(lines.iter().map(|l| Judged { id: &l.id, status: l.status, why: &l.why }))
}

/// The summary of `rollup` (built from `trusts`), judged by `rules`, intervals at confidence `level`.
pub fn build(
    rollup: &Rollup,
    trusts: &[TrustDigest],
    defs: &[Definition],
    rules: &StatusRules,
    level: f64,
) -> SystemSummary {
    let england = benchmarks::all().unwrap_or_default();
    let mut snapshot_dates: Vec<String> = trusts.iter().map(|t| t.snapshot_date.clone()).collect();
    snapshot_dates.sort();
    snapshot_dates.dedup();
    let year_of = |date: &str| date.get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(0);
    let year = snapshot_dates.last().map_or(0, |d| year_of(d));
    let reported: Vec<&Definition> =
        defs.iter().filter(|d| trusts.iter().any(|t| t.indicator(&d.id).is_some())).collect();

    let trust_lines: Vec<TrustLines> = trusts
        .iter()
        .map(|t| TrustLines {
            trust: t.trust.clone(),
            name: t.name.clone(),
            lines: reported
                .iter()
                .filter_map(|def| {
                    let ind = t.indicator(&def.id)?;
                    Some(line(def, ind, ind, rules, &england, year_of(&t.snapshot_date), level))
                })
                .collect(),
        })
        .collect();

    let mut indicators = Vec::new();
    let mut lines = Vec::new();
    for def in &reported {
        let ind = system_indicator(def, rollup, trusts);
        let mut l = line(def, &ind, &ind, rules, &england, year, level);
        match def.kind() {
            Kind::Board => judge_boards(def, trusts, rules, &mut l),
            Kind::Declaration => judge_declarations(def, trusts, &mut l),
            _ => {}
        }
        indicators.push(ind);
        lines.push(l);
    }

    let tallies = reported
        .iter()
        .map(|def| {
            let mut t = LevelTally { id: def.id.clone(), ..LevelTally::default() };
            for l in trust_lines.iter().filter_map(|tl| tl.line(&def.id)) {
                match l.status {
                    Level::Red => t.red += 1,
                    Level::Amber => t.amber += 1,
                    Level::Green => t.green += 1,
                    Level::NotJudged => t.not_judged += 1,
                }
            }
            t
        })
        .collect();

    let mut standards: Vec<String> = Vec::new();
    for l in &lines {
        if !standards.contains(&l.standard) {
            standards.push(l.standard.clone());
        }
    }
    let protected = if standards.iter().all(|s| s == "WDES") { "Disabled" } else { "BME (Disabled)" };
    let mut rule_lines: Vec<RuleLine> =
        status::rule_lines(rules, protected).into_iter().map(|(kind, rule)| RuleLine { kind, rule }).collect();
    for r in rule_lines.iter_mut().filter(|r| r.kind == "Board") {
        let n = |x: f64| format!("{x}");
        r.rule = format!(
            "members each voting board is short of its workforce's share, on average: green = under {}; amber = {} \
             to under {}; red = {} or more. WDES 9b: green when every trust says yes.",
            n(rules.board_amber_members),
            n(rules.board_amber_members),
            n(rules.board_red_members),
            n(rules.board_red_members)
        );
    }
    let z = crate::stats::normal::z_for_level(level).unwrap_or(1.959963984540054);
    let system_messages = messages::key_messages(&lines, &indicators, &reported, false, z);
    let messages = key_messages(rollup, &reported, system_messages);

    let staffed: Vec<&TrustDigest> = trusts.iter().filter(|t| t.quality.headcount > 0).collect();
    let headcount = trusts.iter().map(|t| t.quality.headcount).sum();
    let declared = |f: &dyn Fn(&TrustDigest) -> Option<f64>| {
        let with: Vec<(f64, f64)> = staffed.iter().filter_map(|t| Some((f(t)?, t.quality.headcount as f64))).collect();
        let staff: f64 = with.iter().map(|(_, n)| n).sum();
        (staff > 0.0).then(|| with.iter().map(|(p, n)| p * n).sum::<f64>() / staff)
    };
    let mut warnings = Vec::new();
    if !rollup.failed.is_empty() {
        let names: Vec<String> = rollup.failed.iter().map(|f| f.config.clone()).collect();
        let n = names.len();
        warnings.push(format!(
            "{n} trust{} failed to run and {} in no figure here: {}. See the batch summary for why.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "is" } else { "are" },
            list(&names)
        ));
    }
    if snapshot_dates.len() > 1 {
        let words: Vec<String> = snapshot_dates
            .iter()
            .map(|d| {
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_or(d.clone(), |x| x.format("%-d %B %Y").to_string())
            })
            .collect();
        warnings.push(format!(
            "The trusts' snapshot dates differ ({}): the system's figures mix those years.",
            list(&words)
        ));
    }
    SystemSummary {
        board: BoardSummary { year, standards, rules: *rules, rule_lines, last_year: None, lines, messages },
        snapshot_dates,
        publication: !trusts.is_empty() && trusts.iter().all(|t| t.publication),
        headcount,
        ethnicity_declared_percent: declared(&|t| t.quality.ethnicity_declared_percent),
        disability_declared_percent: declared(&|t| t.quality.disability_declared_percent),
        warnings,
        tallies,
        trusts: trust_lines,
    }
}

/// An indicator result holding the system's figures of `def`: its pooled counts, survey results, summed
/// representation and boards, as a trust's results would hold its own.
fn system_indicator(def: &Definition, rollup: &Rollup, trusts: &[TrustDigest]) -> IndicatorResult {
    let mut status = Status::Ok;
    let mut reason = None;
    let mut none = |why: &str| {
        status = Status::NoData;
        reason = Some(why.to_string());
    };
    let figures = match def.kind() {
        Kind::RelativeLikelihood => {
            let r = rollup.relative_likelihoods.iter().find(|r| r.id == def.id);
            if r.and_then(|r| r.pooled.as_ref()).and_then(|p| p.value).is_none() {
                none("no trust has figures for both groups");
            }
            Figures::RelativeLikelihood(Box::new(RelativeLikelihoodFigures {
                groups: r.map(|r| r.groups.clone()).unwrap_or_default(),
                ratio: r.and_then(|r| r.pooled.clone()),
                assessment: r.map_or(crate::stats::Assessment::NotEstimable, |r| r.assessment),
                rolling_average: None,
            }))
        }
        Kind::Survey => {
            let s = rollup.survey.iter().find(|s| s.id == def.id);
            let labels = def.survey().map_or(vec![], |m| {
                [Some(m.protected_group.label()), m.comparison_group.map(|g| g.label())].into_iter().flatten().collect()
            });
            let rows: Vec<SurveyRow> = s.map_or(vec![], |s| {
                s.system
                    .rows
                    .iter()
                    .zip(labels)
                    .map(|(p, group)| SurveyRow {
                        group,
                        value: p.value,
                        respondents: Some(p.respondents),
                        ci_low: p.ci_low,
                        ci_high: p.ci_high,
                        status: if p.value.is_some() { Status::Ok } else { Status::NoData },
                    })
                    .collect()
            });
            if s.is_none_or(|s| s.system.trusts_used == 0) {
                none("no trust reported every group compared");
            }
            Figures::Survey(SurveyFigures {
                measure: def.survey().map(|m| m.measure.clone()).unwrap_or_default(),
                unit: s.map_or("percent", |s| s.unit),
                rows,
                gap_pp: s.and_then(|s| s.system.gap_pp),
                gap_ci_low: s.and_then(|s| s.system.gap_ci_low),
                gap_ci_high: s.and_then(|s| s.system.gap_ci_high),
            })
        }
        Kind::Representation => {
            let r = rollup.representation.iter().find(|r| r.id == def.id);
            if r.is_none() {
                none("no trust gave a staff snapshot");
            }
            Figures::Representation(RepresentationFigures {
                rows: r.map_or(vec![], |r| {
                    r.rows
                        .iter()
                        .map(|x| RepresentationRow {
                            workforce: x.workforce,
                            band: x.band.clone(),
                            group: x.group,
                            count: Some(x.count),
                            total: Some(x.total),
                            percent: x.percent,
                        })
                        .collect()
                }),
            })
        }
        Kind::Board => {
            let b = rollup.board.iter().find(|b| b.id == def.id);
            if b.is_none_or(|b| b.trusts_used == 0) {
                none("no trust listed a board with a staff snapshot to compare with");
            }
            Figures::Board(BoardFigures {
                rows: b.map_or(vec![], |b| {
                    b.rows
                        .iter()
                        .map(|r| BoardRow {
                            membership: r.membership,
                            group: r.group,
                            count: Some(r.count),
                            total: Some(r.total),
                            percent: r.percent,
                        })
                        .collect()
                }),
                difference_pp: b.map_or(
                    crate::compute::results::BoardDifference { voting: None, executive: None, all: None },
                    |b| b.difference_pp.clone(),
                ),
            })
        }
        Kind::Declaration => {
            let (yes, no) = answers(def, trusts);
            let answer = match (yes, no) {
                (0, 0) => None,
                (_, 0) => Some("yes".to_string()),
                _ => Some("no".to_string()),
            };
            Figures::Declaration(DeclarationFigures { answer, text: None })
        }
    };
    IndicatorResult {
        id: def.id.clone(),
        standard: def.standard.label().to_string(),
        title: def.title.clone(),
        wording: def.wording.clone(),
        kind: def.kind().label(),
        status,
        reason,
        notes: Vec::new(),
        summary: String::new(),
        headline: None,
        figures,
    }
}

/// The trusts answering yes and no to a declaration.
fn answers(def: &Definition, trusts: &[TrustDigest]) -> (usize, usize) {
    let mut out = (0, 0);
    for t in trusts {
        if let Some(Figures::Declaration(d)) = t.indicator(&def.id).map(|i| &i.figures) {
            match d.answer.as_deref() {
                Some("yes") => out.0 += 1,
                Some(_) => out.1 += 1,
                None => {}
            }
        }
    }
    out
}

/// The system's declaration: how many trusts said yes; green when every trust answering said yes, red otherwise.
fn judge_declarations(def: &Definition, trusts: &[TrustDigest], l: &mut BoardLine) {
    let (yes, no) = answers(def, trusts);
    if yes + no == 0 {
        return;
    }
    l.answer = Some(format!("yes at {yes} of {}", yes + no));
    l.why = if no == 0 {
        "every trust answering said yes".to_string()
    } else {
        format!("{no} trust{} said no", if no == 1 { "" } else { "s" })
    };
}

/// The members each trust's voting board is short of its own workforce's share, for the trusts reporting a board
/// with every count.
fn shortfalls(def: &Definition, trusts: &[TrustDigest]) -> Vec<f64> {
    let protected = def.protected_group().map(|g| g.label()).unwrap_or_default();
    trusts
        .iter()
        .filter_map(|t| {
            let ind = t.indicator(&def.id).filter(|i| i.status == Status::Ok)?;
            let Figures::Board(f) = &ind.figures else { return None };
            let find =
                |m: &str, g: Option<&str>| f.rows.iter().find(|r| r.membership == m && g.is_none_or(|g| r.group == g));
            let members = find("voting", None)?.total.filter(|t| *t > 0)?;
            let count = find("voting", Some(protected))?.count?;
            let workforce = find("workforce", Some(protected))?.percent?;
            Some(workforce / 100.0 * members as f64 - count as f64)
        })
        .collect()
}

/// The system's boards: the board rule on the members each board is short, on average over the boards.
fn judge_boards(def: &Definition, trusts: &[TrustDigest], rules: &StatusRules, l: &mut BoardLine) {
    let short = shortfalls(def, trusts);
    if short.is_empty() {
        return;
    }
    let mean = short.iter().sum::<f64>() / short.len() as f64;
    let r = status::board(rules, mean);
    l.status = r.level;
    l.why = format!("on average over {} boards: {}", short.len(), r.why);
}

/// `p < 0.001` or `p = 0.012`.
fn p_words(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_string()
    } else {
        format!("p = {p:.3}")
    }
}

/// A trust as a message names it, with its ratio: by name and code when it is the only one, else by code (so a
/// message stays short enough for the page).
fn named(t: &super::funnel::FunnelTrust, alone: bool) -> String {
    let at = t.ratio.map(|v| format!(" at {v:.2}")).unwrap_or_default();
    let name = if alone { who(&t.trust, &t.name) } else { t.trust.clone() };
    format!("{name}{at}")
}

/// At most [`MAX_NAMED`] names, then how many more.
fn names_of(names: &[String]) -> String {
    if names.len() <= MAX_NAMED {
        list(names)
    } else {
        format!("{} and {} more", names[..MAX_NAMED].join(", "), names.len() - MAX_NAMED)
    }
}

/// The System summary's key messages: from the roll-up's key facts, trusts above a 99.8% limit (at most
/// [`MAX_ABOVE`]), whether the trusts differ (one message), trusts below a 99.8% limit (the trusts that failed to
/// run are a warning of their own); then `system` (the system's own most adverse figures, three or more where there are figures to speak
/// of) up to [`MAX_MESSAGES`].
fn key_messages(rollup: &Rollup, defs: &[&Definition], system: Vec<KeyMessage>) -> Vec<KeyMessage> {
    let short = |id: &str| defs.iter().find(|d| d.id == id).map_or_else(|| spaced(id), |d| d.short.clone());
    let mut above = Vec::new();
    let mut below = Vec::new();
    let mut differ = Vec::new();
    let mut consistent = 0;
    for fact in &rollup.key_facts {
        let ratio = fact.indicator.as_deref().and_then(|id| rollup.relative_likelihoods.iter().find(|r| r.id == id));
        match (fact.kind, ratio) {
            ("above_99_8" | "below_99_8", Some(r)) => {
                let f = &r.funnel;
                let up = fact.kind == "above_99_8";
                let wanted = if up { Flag::Above99_8 } else { Flag::Below99_8 };
                let hits: Vec<_> = f.trusts.iter().filter(|t| t.flag == wanted).collect();
                let names: Vec<String> = hits.iter().map(|t| named(t, hits.len() == 1)).collect();
                let verb = if names.len() == 1 { "lies" } else { "lie" };
                let protected = if r.id.starts_with("WRES") { "BME" } else { "Disabled" };
                let spread = if f.over_dispersed { " and the usual spread between trusts" } else { "" };
                let text = format!(
                    "{} ({}): {} {verb} {} the 99.8% limit, {} for {protected} staff than the trusts' common ratio \
                     of {} by more than chance{spread} explains.",
                    short(&r.id),
                    spaced(&r.id),
                    names_of(&names),
                    if up { "above" } else { "below" },
                    if up { "worse" } else { "better" },
                    f.centre.map(|c| format!("{c:.2}")).unwrap_or_default(),
                );
                let status = if up { Level::Red } else { Level::Green };
                let m = KeyMessage { id: r.id.clone(), status, text };
                if up {
                    above.push(m);
                } else {
                    below.push(m);
                }
            }
            ("trusts_differ", Some(r)) => differ.push(r),
            ("trusts_consistent", Some(_)) => consistent += 1,
            _ => {}
        }
    }
    let differ_message = match differ.as_slice() {
        [] if consistent > 0 => Some(KeyMessage {
            id: String::new(),
            status: Level::Green,
            text: "The trusts differ no more than chance would explain on any relative likelihood tested (Cochran's \
                   Q, p of 0.05 or more)."
                .to_string(),
        }),
        [] => None,
        [r] => {
            let d = r.funnel.dispersion.as_ref();
            let test = d.map_or(String::new(), |d| {
                format!(": Cochran's Q = {:.1} on {} degrees of freedom, {}", d.q, d.df, p_words(d.p_value))
            });
            Some(KeyMessage {
                id: r.id.clone(),
                status: Level::Amber,
                text: format!(
                    "The trusts differ more than chance explains on {} ({}){test}.",
                    short(&r.id).to_lowercase(),
                    spaced(&r.id)
                ),
            })
        }
        many => Some(KeyMessage {
            id: String::new(),
            status: Level::Amber,
            text: format!(
                "The trusts differ more than chance explains on {} (Cochran's Q, p < 0.05); their funnel limits \
                 allow for that spread.",
                list(&many.iter().map(|r| spaced(&r.id)).collect::<Vec<_>>())
            ),
        }),
    };
    let mut out: Vec<KeyMessage> = above.into_iter().take(MAX_ABOVE).collect();
    out.extend(differ_message);
    out.extend(below);
    let systemwide = system.into_iter().map(|m| KeyMessage { text: format!("Across the system: {}", m.text), ..m });
    let room = MAX_MESSAGES.saturating_sub(out.len());
    out.extend(systemwide.take(room));
    out.truncate(MAX_MESSAGES);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_beyond_three_are_counted() {
        let n: Vec<String> = ["A", "B", "C", "D", "E"].iter().map(|s| s.to_string()).collect();
        assert_eq!(names_of(&n), "A, B, C and 2 more");
        assert_eq!(names_of(&n[..2]), "A and B");
        assert_eq!(p_words(0.0004), "p < 0.001");
        assert_eq!(p_words(0.0123), "p = 0.012");
    }
}
