//! Codes as words: every value the results hold as a code (`non_clinical`, `lower_middle`, `duplicate_person`,
//! `PROGRESSION-ETHNICITY`) is shown to a reader in words, and numbers whose sign matters carry their meaning in
//! their number format ("8.2 pts worse for BME"), so a sign never stands alone.

use crate::compute::direction::Better;

pub use crate::compute::definitions::id_words;

/// A code in words: underscores become spaces and the first letter is a capital (`duplicate_person` ->
/// `Duplicate person`), with the few that read better otherwise.
///
/// ```
/// # use wres_wdes::render::workbook::words::humanise;
/// assert_eq!(humanise("duplicate_person"), "Duplicate person");
/// assert_eq!(humanise("lower_middle"), "Lower middle");
/// assert_eq!(humanise("VSM"), "VSM");
/// ```
pub fn humanise(code: &str) -> String {
    let fixed = match code {
        "non_clinical" => "Non-clinical",
        "clinical" => "Clinical",
        "medical" => "Medical and dental",
        "overall" => "Whole workforce",
        "band_group" => "Band group",
        "international" => "International recruitment",
        "excluding_international" => "Excluding international recruits",
        "international_only" => "International recruits only",
        "pay_band" => "Pay band",
        "staff_group" => "Staff group",
        "fte" => "Full-time equivalent",
        "bme" => "BME",
        "not_in_workforce" => "Not in the workforce",
        "person_not_in_snapshot" => "Person not in the staff snapshot",
        "appointed_not_shortlisted" => "Appointed but not shortlisted",
        "unknown_group" => "Group not known",
        "no_pay" => "No pay recorded",
        "outside_period" => "Dated outside the period",
        _ => "",
    };
    if !fixed.is_empty() {
        return fixed.to_string();
    }
    let spaced = code.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Text with any code in it in words: an underscore between letters becomes a space (`date_entered` ->
/// `date entered`), for sentences written elsewhere that name a field.
///
/// ```
/// # use wres_wdes::render::workbook::words::unsnake;
/// assert_eq!(unsnake("the date_entered column"), "the date entered column");
/// ```
pub fn unsnake(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between =
                i > 0 && chars[i - 1].is_alphanumeric() && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
            if c == '_' && between {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A workforce block in words.
pub fn workforce_words(workforce: &str) -> String {
    humanise(workforce)
}

/// A board membership in words.
pub fn membership_words(membership: &str) -> &'static str {
    match membership {
        "all" => "All board members",
        "voting" => "Voting members",
        "non_voting" => "Non-voting members",
        "executive" => "Executive members",
        "non_executive" => "Non-executive members",
        "workforce" => "Whole workforce",
        _ => "Other",
    }
}

/// An input kind in words.
pub fn input_words(kind: &str) -> &'static str {
    match kind {
        "staff" => "Staff snapshot",
        "recruitment" => "Recruitment",
        "cases" => "Disciplinary and capability cases",
        "training" => "Training",
        "survey" => "Staff Survey",
        "board" => "Board members",
        _ => "Other input",
    }
}

/// The id of an extension figure in words (`PROGRESSION-ETHNICITY` -> `Progression by ethnicity`,
/// `WRES3-by-disability` -> `WRES 3 by disability`).
///
/// ```
/// # use wres_wdes::render::workbook::words::extension_words;
/// assert_eq!(extension_words("PAYGAP-GENDER"), "Pay gap by gender");
/// assert_eq!(extension_words("WRES3-by-disability"), "WRES 3 by disability");
/// ```
pub fn extension_words(id: &str) -> String {
    if let Some((kind, by)) = id.split_once('-') {
        let by = by.to_lowercase();
        match kind {
            "PAYGAP" => return format!("Pay gap by {by}"),
            "PROGRESSION" => return format!("Progression by {by}"),
            _ => {}
        }
    }
    match id.split_once("-by-") {
        Some((ind, by)) => format!("{} by {}", id_words(ind), by.replace(['_', '-'], " ")),
        None => humanise(id),
    }
}

/// A number format that says which way a gap of `unit` points (`pts`, `points`) goes, for the protected group:
/// `8.2 pts worse for BME`, `3.0 pts better for BME`, `no gap`. `better` is the direction that is better for it.
///
/// ```
/// # use wres_wdes::render::workbook::words::gap_format;
/// # use wres_wdes::compute::direction::Better;
/// assert_eq!(gap_format(Better::Lower, "BME", "pts", 1),
///            "0.0\" pts worse for BME\";0.0\" pts better for BME\";\"no gap\"");
/// ```
pub fn gap_format(better: Better, group: &str, unit: &str, decimals: usize) -> String {
    let (up, down) = match better {
        Better::Lower => ("worse", "better"),
        Better::Higher => ("better", "worse"),
    };
    let n = number(decimals);
    format!("{n}\" {unit} {up} for {group}\";{n}\" {unit} {down} for {group}\";\"no gap\"")
}

/// A short form of [`gap_format`] without the group: `6.1 worse`.
pub fn gap_format_short(better: Better, decimals: usize) -> String {
    let (up, down) = match better {
        Better::Lower => ("worse", "better"),
        Better::Higher => ("better", "worse"),
    };
    let n = number(decimals);
    format!("{n}\" {up}\";{n}\" {down}\";\"no gap\"")
}

/// A number format for a relative likelihood that says which way it goes for the protected group (every ratio is
/// oriented so that above 1 is adverse to it): `1.41, worse for BME`.
pub fn ratio_format(group: &str) -> String {
    format!("[>1]0.00\", worse for {group}\";[<1]0.00\", better for {group}\";0.00\", equal\"")
}

/// A number format for a difference from a reference (`over workforce`, `under England`).
pub fn over_under_format(reference: &str) -> String {
    format!("0.0\" pts over {reference}\";0.0\" pts under {reference}\";\"level with {reference}\"")
}

/// The same without the reference: `10.2 under`.
pub fn over_under_short() -> String {
    "0.0\" over\";0.0\" under\";\"level\"".to_string()
}

/// A number format for a count of people that may be negative: how many more or fewer (`9 more needed`, `none
/// needed (4 above)`).
pub fn more_needed_format() -> String {
    "#,##0\" more needed\";\"none (\"#,##0\" above)\";\"none\"".to_string()
}

/// A number format that adds the year of a figure: `1.59 (2023)`, `24.9% (2024)`.
pub fn with_year(unit: &str, year: i32) -> String {
    match unit {
        "ratio" => format!("0.00\" ({year})\""),
        "score" => format!("0.00\" ({year})\""),
        _ => format!("0.0\"% ({year})\""),
    }
}

fn number(decimals: usize) -> String {
    if decimals == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(decimals))
    }
}

/// A gap in words, which way it goes for the protected group: `8.2 pts worse`, `3.0 pts better`, `no gap`.
/// `better` is the direction that is better for it.
///
/// ```
/// # use wres_wdes::render::workbook::words::gap_words;
/// # use wres_wdes::compute::direction::Better;
/// assert_eq!(gap_words(8.21, Better::Lower, 1), "8.2 pts worse");
/// assert_eq!(gap_words(-3.0, Better::Lower, 1), "3.0 pts better");
/// assert_eq!(gap_words(-0.456, Better::Higher, 2), "0.46 pts worse");
/// ```
pub fn gap_words(gap: f64, better: Better, decimals: usize) -> String {
    let shown = format!("{:.*}", decimals, gap.abs());
    if shown.trim_start_matches(['0', '.']).is_empty() {
        return "no gap".to_string();
    }
    format!("{shown} pts {}", side(gap, better))
}

/// `worse` or `better` for the protected group, for a gap of this sign.
fn side(gap: f64, better: Better) -> &'static str {
    match (gap > 0.0, better) {
        (true, Better::Lower) | (false, Better::Higher) => "worse",
        _ => "better",
    }
}

/// The interval of a gap in words, without signs: `3.6 to 13.5 worse` when both ends lie on one side, `2.1 better
/// to 5.0 worse` when it spans no gap.
///
/// ```
/// # use wres_wdes::render::workbook::words::interval_words;
/// # use wres_wdes::compute::direction::Better;
/// assert_eq!(interval_words(3.6, 13.5, Better::Lower, 1), "3.6 to 13.5 worse");
/// assert_eq!(interval_words(-13.5, -3.6, Better::Higher, 1), "3.6 to 13.5 worse");
/// assert_eq!(interval_words(-2.1, 5.0, Better::Lower, 1), "2.1 better to 5.0 worse");
/// ```
pub fn interval_words(low: f64, high: f64, better: Better, decimals: usize) -> String {
    let n = |x: f64| format!("{:.*}", decimals, x.abs());
    if low >= 0.0 || high <= 0.0 {
        let (near, far) = if low >= 0.0 { (low, high) } else { (high, low) };
        let which = side(if low >= 0.0 { high } else { low }, better);
        return format!("{} to {} {which}", n(near), n(far));
    }
    // Across no gap: the better end first.
    let (b, w) = if side(low, better) == "better" { (low, high) } else { (high, low) };
    format!("{} better to {} worse", n(b), n(w))
}
