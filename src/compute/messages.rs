//! The board page's key messages: three to five sentences of at most 25 words, one per figure, chosen and
//! ordered by how adverse the figure is (its status), how certain (how many standard errors of its interval it
//! lies from equality) and how much it moved since last year; each says the direction against last year when
//! earlier results are given.

use serde::Serialize;

use super::board_summary::{BoardLine, DifferenceKind};
use super::definitions::{Definition, Kind};
use super::direction::{self, Direction, Then};
use super::results::{Figures, IndicatorResult};
use super::status::Level;

/// The longest a key message may be, in words.
pub const MAX_WORDS: usize = 25;
/// The most key messages.
pub const MAX_MESSAGES: usize = 5;
/// The fewest, when there are figures to speak of.
pub const MIN_MESSAGES: usize = 3;

/// One key message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyMessage {
    /// The indicator it is about (empty for a message about several).
    pub id: String,
    /// That indicator's status.
    pub status: Level,
    /// One sentence.
    pub text: String,
}

/// The number of words of a sentence.
pub fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn two(x: f64) -> String {
    format!("{x:.2}")
}

fn one(x: f64) -> String {
    format!("{x:.1}")
}

/// "non-disabled" in the middle of a sentence; "White" and "BME" stay as they are.
fn group_in_sentence(g: &str) -> String {
    if g == "Non-disabled" {
        "non-disabled".to_string()
    } else {
        g.to_string()
    }
}

/// The sentence about one figure, longest first: each variant is shorter than the one before.
fn sentences(line: &BoardLine, ind: &IndicatorResult, def: &Definition) -> Vec<String> {
    let p = line.protected_group;
    let o = line.comparison_group.map(group_in_sentence).unwrap_or_default();
    match def.kind() {
        Kind::RelativeLikelihood => {
            let (Figures::RelativeLikelihood(f), Some(v)) = (&ind.figures, line.difference) else { return vec![] };
            let Some(r) = &f.ratio else { return vec![] };
            let template = def
                .relative_likelihood()
                .map_or("{numerator} were {value} times as likely as {denominator}", |r| r.sentence.as_str());
            let numerator = group_in_sentence(r.numerator_group);
            let denominator = group_in_sentence(r.denominator_group);
            vec![super::summary::fill(template, &numerator, &denominator, &two(v))]
        }
        Kind::Survey if line.comparison_group.is_some() => {
            let (Some(pv), Some(ov), Some(gap)) = (line.protected_value, line.comparison_value, line.difference) else {
                return vec![];
            };
            let what = def.survey().and_then(|s| s.message.as_deref()).unwrap_or("answered yes");
            if line.unit == "score" {
                return vec![format!("{p} staff {what} {} against {} for {o} staff", two(pv), two(ov))];
            }
            let how = if gap > 0.0 {
                "more often than"
            } else if gap < 0.0 {
                "less often than"
            } else {
                "as often as"
            };
            vec![
                format!("{p} staff {what} {how} {o} staff: {}% against {}%", one(pv), one(ov)),
                format!("{p} staff {what} {how} {o} staff"),
            ]
        }
        Kind::Survey => {
            let (Some(v), Some(e)) = (line.protected_value, &line.england) else { return vec![] };
            let what = def.survey().and_then(|s| s.message.as_deref()).unwrap_or("answered yes");
            vec![
                format!("{}% of {p} staff {what}, against {}% across England in {}", one(v), one(e.value), e.year),
                format!("{}% of {p} staff {what}, against {}% across England", one(v), one(e.value)),
            ]
        }
        Kind::Representation => {
            let (Some(all), Some(senior)) = (line.protected_value, line.difference) else { return vec![] };
            let join = if senior < all { "but" } else { "and" };
            vec![format!(
                "{p} staff are {}% of all staff {join} {}% of staff at band 8a and above",
                one(all),
                one(senior)
            )]
        }
        Kind::Board => {
            let (Figures::Board(f), Some(v)) = (&ind.figures, line.protected_value) else { return vec![] };
            let workforce = f.rows.iter().find(|r| r.membership == "workforce" && r.group == p).and_then(|r| r.percent);
            match workforce {
                Some(w) => vec![format!(
                    "{p} members are {}% of the voting board against {}% of the workforce",
                    one(v),
                    one(w)
                )],
                None => vec![format!("{p} members are {}% of the voting board", one(v))],
            }
        }
        Kind::Declaration => match line.answer.as_deref() {
            Some("yes") => vec!["The trust says it has acted to hear the voices of Disabled staff".to_string()],
            Some(_) => vec!["The trust says it has not acted to hear the voices of Disabled staff".to_string()],
            None => vec![],
        },
    }
}

/// The direction against last year, as the end of a sentence; with last year's figure where it reads plainly.
fn suffixes(line: &BoardLine) -> Vec<String> {
    let Some(d) = line.direction else { return vec![String::new()] };
    let phrase = match d {
        Direction::Better => "better than last year",
        Direction::Worse => "worse than last year",
        Direction::NoRealChange => "no real change from last year",
        Direction::NotComparable => "not comparable with last year",
    };
    let value = line.last_year.as_ref().and_then(|l| match line.difference_kind {
        DifferenceKind::Ratio => Some(two(l.value)),
        DifferenceKind::SeniorShare | DifferenceKind::EnglandPoints => Some(format!("{}%", one(l.value))),
        _ => None,
    });
    let mut out = Vec::new();
    if let Some(v) = value {
        out.push(format!("; {phrase} ({v})"));
    }
    out.push(format!("; {phrase}"));
    out
}

/// The message of one line: the longest variant of at most [`MAX_WORDS`] words, `None` when the line has no
/// figure to speak of.
pub fn message(line: &BoardLine, ind: &IndicatorResult, def: &Definition) -> Option<KeyMessage> {
    let bodies = sentences(line, ind, def);
    let ends = suffixes(line);
    let mut candidates = Vec::new();
    for b in &bodies {
        for e in &ends {
            candidates.push(format!("{b}{e}."));
        }
    }
    if let Some(last) = bodies.last() {
        candidates.push(format!("{last}."));
    }
    let text = candidates.into_iter().find(|c| words(c) <= MAX_WORDS)?;
    let mut chars = text.chars();
    let text = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => text,
    };
    Some(KeyMessage { id: line.id.clone(), status: line.status, text })
}

/// The value of a line that means "no difference", for how certain it is.
fn neutral(line: &BoardLine) -> f64 {
    match line.difference_kind {
        DifferenceKind::Ratio => 1.0,
        DifferenceKind::SeniorShare => line.protected_value.unwrap_or(0.0),
        DifferenceKind::EnglandPoints => line.england.as_ref().map_or(0.0, |e| e.value),
        _ => 0.0,
    }
}

/// The key messages of a board page, most important first.
pub fn key_messages(
    lines: &[BoardLine],
    indicators: &[IndicatorResult],
    defs: &[&Definition],
    with_previous: bool,
    z: f64,
) -> Vec<KeyMessage> {
    let _ = with_previous; // the lines carry their direction only when earlier results were given
    struct Ranked<'a> {
        line: &'a BoardLine,
        certainty: f64,
        movement: f64,
        order: usize,
    }
    let mut ranked: Vec<Ranked> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.status != Level::NotJudged)
        .map(|(order, line)| {
            let (certainty, movement) = match &line.figure {
                Some(f) => (
                    direction::certainty(f, neutral(line), z),
                    line.last_year
                        .as_ref()
                        .map_or(0.0, |t| direction::movement(f, &Then { value: t.value, low: t.low, high: t.high }, z)),
                ),
                None => (0.0, 0.0),
            };
            Ranked { line, certainty, movement, order }
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.line
            .status
            .cmp(&a.line.status)
            .then(b.certainty.total_cmp(&a.certainty))
            .then(b.movement.total_cmp(&a.movement))
            .then(a.order.cmp(&b.order))
    });
    let mut chosen: Vec<&Ranked> = ranked.iter().filter(|r| r.line.status >= Level::Amber).take(MAX_MESSAGES).collect();
    // Both standards speak when both have a red or amber figure: the other's first takes the last place.
    if chosen.len() == MAX_MESSAGES {
        for standard in ["WRES", "WDES"] {
            if chosen.iter().all(|r| r.line.standard != standard) {
                if let Some(first) =
                    ranked.iter().find(|r| r.line.standard == standard && r.line.status >= Level::Amber)
                {
                    chosen[MAX_MESSAGES - 1] = first;
                }
            }
        }
    }
    if chosen.len() < MIN_MESSAGES {
        // Top up with the green figures that moved most (an improvement is news), then the most certain.
        let mut greens: Vec<&Ranked> = ranked.iter().filter(|r| r.line.status == Level::Green).collect();
        greens.sort_by(|a, b| {
            let better = |r: &Ranked| r.line.direction == Some(Direction::Better);
            better(b)
                .cmp(&better(a))
                .then(b.movement.total_cmp(&a.movement))
                .then(b.certainty.total_cmp(&a.certainty))
                .then(a.order.cmp(&b.order))
        });
        chosen.extend(greens.into_iter().take(MIN_MESSAGES - chosen.len()));
    }
    let mut out: Vec<KeyMessage> = chosen
        .iter()
        .filter_map(|r| {
            let ind = indicators.iter().find(|i| i.id == r.line.id)?;
            let def = defs.iter().find(|d| d.id == r.line.id)?;
            message(r.line, ind, def)
        })
        .collect();
    if out.len() < MIN_MESSAGES {
        let missing: Vec<String> = lines
            .iter()
            .filter(|l| l.status == Level::NotJudged && l.figure.is_none())
            .map(|l| super::definitions::id_words(&l.id))
            .collect();
        if !missing.is_empty() {
            let n = missing.len();
            let list =
                if n <= 4 { missing.join(", ") } else { format!("{} and {} more", missing[..3].join(", "), n - 3) };
            out.push(KeyMessage {
                id: String::new(),
                status: Level::NotJudged,
                text: format!("No figure for {list}: the inputs were not given or too small; see the detail sheets."),
            });
        }
    }
    out
}
