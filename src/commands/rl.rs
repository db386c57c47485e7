//! `wres-wdes rl A N1 C N2`: the relative likelihood of two proportions, with every interval and test.
//!
//! The counts are taken as text so that a wrong one (negative, not whole, a group of 0 members, more events than
//! members) gets a message saying which count is wrong and why (exit code 2), not a parser's generic error.

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::{json, Value};

use super::Verbosity;
use crate::error::{Error, Result};
use crate::stats::chi_square::chi_square;
use crate::stats::fisher::fisher_exact;
use crate::stats::hypothesis::{score_test, wald_test, wald_test_adjusted};
use crate::stats::normal::z_for_level;
use crate::stats::{
    compare, interval, Assessment, CiMethod, Comparison, Interval, NotEstimable, TestResult, TwoGroups,
};

/// Arguments of `rl`.
#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct RlArgs {
    /// Events in the numerator group.
    pub a: String,
    /// Members of the numerator group.
    pub n1: String,
    /// Events in the comparison group.
    pub c: String,
    /// Members of the comparison group.
    pub n2: String,
    /// Interval method for the headline interval, its p-value and significance.
    #[arg(long, value_enum, default_value_t = MethodArg::Score)]
    pub ci_method: MethodArg,
    /// Confidence level, between 0 and 1.
    #[arg(long, default_value = "0.95", allow_hyphen_values = true)]
    pub ci_level: String,
    /// Print JSON instead of words.
    #[arg(long)]
    pub json: bool,
}

/// `--ci-method` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// Miettinen-Nurminen score interval (the default).
    Score,
    /// Koopman's uncorrected score interval.
    ScoreUncorrected,
    /// Katz log interval.
    Katz,
    /// statsmodels' log-adjusted interval (0.5 added to every count and total).
    LogAdjusted,
}

impl From<MethodArg> for CiMethod {
    fn from(m: MethodArg) -> Self {
        match m {
            MethodArg::Score => CiMethod::Score,
            MethodArg::ScoreUncorrected => CiMethod::ScoreUncorrected,
            MethodArg::Katz => CiMethod::Katz,
            MethodArg::LogAdjusted => CiMethod::LogAdjusted,
        }
    }
}

/// Parses one count, naming it in the error.
fn parse_count(name: &str, what: &str, text: &str) -> Result<u64> {
    let t = text.trim();
    let hint = "counts are whole numbers of 0 or more, e.g. `wres-wdes rl 300 1500 120 900`";
    if let Ok(v) = t.parse::<u64>() {
        return Ok(v);
    }
    let why = match t.parse::<f64>() {
        Ok(v) if v < 0.0 => "is negative",
        Ok(v) if v.is_finite() && v.fract() != 0.0 => "is not a whole number",
        Ok(v) if v.is_finite() && v > 0.0 => "is too large",
        Ok(_) => "is not a count",
        Err(_) if t.is_empty() => "is empty",
        Err(_) => "is not a number",
    };
    Err(Error::usage(format!("{name} ({what}) {why}: got '{text}'")).with_hint(hint))
}

/// Checks the four counts and the level.
fn parse_args(args: &RlArgs) -> Result<(TwoGroups, f64)> {
    let a = parse_count("A", "events in the numerator group", &args.a)?;
    let n1 = parse_count("N1", "members of the numerator group", &args.n1)?;
    let c = parse_count("C", "events in the comparison group", &args.c)?;
    let n2 = parse_count("N2", "members of the comparison group", &args.n2)?;
    for (name, what, n) in [("N1", "numerator", n1), ("N2", "comparison", n2)] {
        if n == 0 {
            return Err(Error::usage(format!(
                "{name} is 0: the {what} group has 0 members, so it has no rate to compare"
            ))
            .with_hint("a relative likelihood needs at least one member in each group"));
        }
    }
    if a > n1 {
        return Err(Error::usage(format!(
            "A is {a}, more than N1 = {n1}: the numerator group cannot have more events than members"
        )));
    }
    if c > n2 {
        return Err(Error::usage(format!(
            "C is {c}, more than N2 = {n2}: the comparison group cannot have more events than members"
        )));
    }
    let level = match args.ci_level.trim().parse::<f64>() {
        Ok(l) if l > 0.0 && l < 1.0 => l,
        _ => {
            return Err(Error::usage(format!(
                "--ci-level must be a number between 0 and 1 (exclusive), e.g. 0.95; got '{}'",
                args.ci_level
            )))
        }
    };
    let g =
        TwoGroups::new(a, n1, c, n2).map_err(|_| Error::usage("a group has more events than members".to_string()))?;
    Ok((g, level))
}

/// Everything `rl` reports for one table.
struct Report {
    cmp: Comparison,
    intervals: Vec<(CiMethod, Option<Interval>)>,
    score: Option<TestResult>,
    score_uncorrected: Option<TestResult>,
    wald: Option<TestResult>,
    wald_adjusted: Option<TestResult>,
    fisher: Option<TestResult>,
    chi2: Option<TestResult>,
    chi2_yates: Option<TestResult>,
}

fn report(g: &TwoGroups, method: CiMethod, level: f64) -> Report {
    Report {
        cmp: compare(g, method, level),
        intervals: CiMethod::ALL.iter().map(|&m| (m, interval(g, m, level))).collect(),
        score: score_test(g, true),
        score_uncorrected: score_test(g, false),
        wald: wald_test(g),
        wald_adjusted: wald_test_adjusted(g),
        fisher: fisher_exact(g),
        chi2: chi_square(g, false),
        chi2_yates: chi_square(g, true),
    }
}

/// Runs `rl`.
pub fn run(args: RlArgs, verbosity: Verbosity) -> Result<ExitCode> {
    let (g, level) = parse_args(&args)?;
    let method = CiMethod::from(args.ci_method);
    let r = report(&g, method, level);
    if verbosity >= Verbosity::Verbose {
        if let Some(z) = z_for_level(level) {
            eprintln!("z = {z} for a {level} two-sided interval");
        }
    }
    if args.json {
        let text = serde_json::to_string_pretty(&to_json(&r))
            .map_err(|e| Error::internal(format!("writing the JSON: {e}")))?;
        super::print_out(&format!("{text}\n"))?;
    } else {
        super::print_out(&to_words(&r))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn interval_json(ci: Option<Interval>) -> Value {
    json!({"low": ci.map(|c| c.low), "high": ci.and_then(|c| c.high)})
}

fn test_json(t: Option<TestResult>) -> Value {
    json!({"statistic": t.and_then(|t| t.statistic), "p_value": t.map(|t| t.p_value)})
}

fn assessment_name(a: Assessment) -> &'static str {
    match a {
        Assessment::WithinNonAdverseRange => "within_non_adverse_range",
        Assessment::OutsideNonAdverseRange => "outside_non_adverse_range",
        Assessment::NotEstimable => "not_estimable",
    }
}

/// The JSON of the results' kind `relative_likelihood` (groups, ratio, assessment: docs/outputs.md), plus
/// `intervals` (every method) and `tests`. Absent or unbounded values are `null`.
fn to_json(r: &Report) -> Value {
    let c = &r.cmp;
    let g = c.groups;
    let rate = |e: u64, n: u64| (n > 0).then(|| e as f64 / n as f64);
    let mut intervals = serde_json::Map::new();
    for (m, ci) in &r.intervals {
        intervals.insert(m.name().to_string(), interval_json(*ci));
    }
    let mut ci = interval_json(c.ci);
    ci["method"] = json!(c.method.name());
    ci["level"] = json!(c.level);
    let mut katz = interval_json(c.katz_ci);
    katz["level"] = json!(c.level);
    json!({
        "kind": "relative_likelihood",
        "groups": [
            {"group": "Numerator", "events": g.a, "total": g.n1, "rate": rate(g.a, g.n1)},
            {"group": "Comparison", "events": g.c, "total": g.n2, "rate": rate(g.c, g.n2)},
        ],
        "ratio": {
            "numerator_group": "Numerator",
            "denominator_group": "Comparison",
            "value": c.value,
            "not_estimable": c.not_estimable,
            "ci": {"method": ci["method"], "level": ci["level"], "low": ci["low"], "high": ci["high"]},
            "katz_ci": {"level": katz["level"], "low": katz["low"], "high": katz["high"]},
            "p_value": c.p_value,
            "significant": c.significant,
        },
        "assessment": assessment_name(c.assessment),
        "intervals": intervals,
        "tests": {
            "score": test_json(r.score),
            "score_uncorrected": test_json(r.score_uncorrected),
            "wald": test_json(r.wald),
            "wald_adjusted": test_json(r.wald_adjusted),
            "fisher": test_json(r.fisher),
            "chi2": test_json(r.chi2),
            "chi2_yates": test_json(r.chi2_yates),
        },
    })
}

fn method_words(m: CiMethod) -> &'static str {
    match m {
        CiMethod::Score => "Miettinen-Nurminen score",
        CiMethod::ScoreUncorrected => "Koopman score, uncorrected",
        CiMethod::Katz => "Katz log",
        CiMethod::LogAdjusted => "log, 0.5 added to each count",
    }
}

fn interval_words(ci: Option<Interval>) -> String {
    match ci {
        None => "none (not defined for these counts)".to_string(),
        Some(Interval { low, high: Some(h) }) => format!("{low:.3} to {h:.3}"),
        Some(Interval { low, high: None }) => format!("{low:.3} upwards, no upper limit"),
    }
}

fn p_words(p: f64) -> String {
    if p >= 0.001 {
        format!("p = {p:.3}")
    } else if p > 0.0 {
        format!("p < 0.001 ({p:.2e})")
    } else {
        "p < 1e-300".to_string()
    }
}

fn test_words(t: Option<TestResult>, stat: &str) -> String {
    match t {
        None => "not defined for these counts".to_string(),
        Some(t) => match t.statistic {
            Some(s) => format!("{stat} = {s:.3}, {}", p_words(t.p_value)),
            None => p_words(t.p_value),
        },
    }
}

/// The report in plain words for an analyst.
fn to_words(r: &Report) -> String {
    let c = &r.cmp;
    let g = c.groups;
    let pct = |e: u64, n: u64| if n > 0 { 100.0 * e as f64 / n as f64 } else { 0.0 };
    let level = format!("{}%", c.level * 100.0);
    let mut s = String::new();
    s += &format!("Numerator group:  {} of {} ({:.2}%)\n", g.a, g.n1, pct(g.a, g.n1));
    s += &format!("Comparison group: {} of {} ({:.2}%)\n\n", g.c, g.n2, pct(g.c, g.n2));
    match (c.value, c.not_estimable) {
        (Some(v), _) => {
            s += &format!(
                "Relative likelihood: {v:.3}. The numerator group is {v:.2} times as likely as the comparison group.\n"
            )
        }
        (None, Some(why)) => {
            let why = match why {
                NotEstimable::EmptyGroup => "a group has no members",
                NotEstimable::BothRatesZero => "neither group has any events, so both rates are 0",
                NotEstimable::ComparisonRateZero => "the comparison group has no events, so there is no finite ratio",
            };
            s += &format!("Relative likelihood: not estimable: {why}.\n");
        }
        (None, None) => s += "Relative likelihood: not estimable.\n",
    }
    s += &format!("{level} confidence interval ({}): {}\n", method_words(c.method), interval_words(c.ci));
    s += &format!("{level} Katz log interval: {}\n", interval_words(c.katz_ci));
    match c.significant {
        Some(true) => s += &format!("Significant at {level}: yes, the interval excludes 1.\n"),
        Some(false) => s += &format!("Significant at {level}: no, the interval includes 1.\n"),
        None => s += "Significant: cannot say, there is no interval.\n",
    }
    if let Some(p) = c.p_value {
        s += &format!("Matching test of ratio = 1: {}\n", p_words(p));
    }
    s += match c.assessment {
        Assessment::WithinNonAdverseRange => "Assessment: within the non-adverse range of 0.80 to 1.25.\n",
        Assessment::OutsideNonAdverseRange => "Assessment: outside the non-adverse range of 0.80 to 1.25.\n",
        Assessment::NotEstimable => "Assessment: not estimable (no ratio).\n",
    };
    s += &format!("\nEvery interval at {level}:\n");
    for (m, ci) in &r.intervals {
        s += &format!("  {:<46} {}\n", format!("{} ({})", m.name(), method_words(*m)), interval_words(*ci));
    }
    s += "\nTwo-sided tests of ratio = 1:\n";
    let tests = [
        ("score test (Miettinen-Nurminen)", r.score, "Z"),
        ("score test (uncorrected)", r.score_uncorrected, "Z"),
        ("Wald test on ln(ratio)", r.wald, "Z"),
        ("Wald test, log-adjusted", r.wald_adjusted, "Z"),
        ("Fisher's exact test", r.fisher, "odds ratio"),
        ("Pearson chi-square", r.chi2, "X2"),
        ("chi-square with Yates' correction", r.chi2_yates, "X2"),
    ];
    for (name, t, stat) in tests {
        s += &format!("  {name:<46} {}\n", test_words(t, stat));
    }
    s
}
