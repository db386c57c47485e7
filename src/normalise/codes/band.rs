//! Pay bands: AfC bands in every spelling ESR and trusts use, VSM/ESM, Non AfC, Medical and Dental, blank.
//!
//! Rules (the values are listed in docs/inputs.md):
//!
//! - Blank → [`BandValue::Blank`] (the grade decides).
//! - GO2 pipe forms (`NHS|XR05|Review Body Band 5`) are split on `|`; the grade-name part decides, and the
//!   pay-scale code is used only when no name part is recognised.
//! - ESR's Agenda for Change pay-scale codes, alone or in a pipe form: `XR` (Review Body) and `XN` (Non Review
//!   Body) then the band, `XR05` and `XN05` are band 5. XR01..XR09 and XN01..XN09 are bands 1..9 except 8; how ESR
//!   encodes 8a-8d in these codes is not confirmed, so `XR08A`..`XR08D` are read as 8a-8d (a guess) and a bare
//!   `XR08` is not recognised.
//! - A band is an optional qualifier (`Agenda for Change`, `AfC`, `Review Body`, `Non Review Body`, `NHS`, `Pay`),
//!   an optional word `Band`, then 1-7, 9, or 8 with a range letter a-d (`8a`, `8 A`, `8 - Range A`, `8 Range A`),
//!   optionally followed by `(closed)`. ESR pads the number with a zero (`Band 05`, `Band 08A`), read the same. A
//!   bare `8` is not recognised (it is not a band since 2004).
//! - A medical and dental pay-scale code (`MT04`, `MN37`, `MC51`: `M`, a letter, two or three digits) is
//!   [`BandValue::Medical`]: the grade decides.
//! - `Under Band 1` (and `U1`) is its own band; "Apprentice" is not recognised (an apprenticeship has no band of
//!   its own).
//! - VSM / Very Senior Manager / ESM / Executive Senior Manager → VSM; Non AfC / Non Agenda for Change → NonAfc;
//!   Medical and Dental / M&D / Medical → Medical.

use super::text::{lookup, norm, number, strip_words};
use super::{BandValue, PayBand};

/// Classifies one pay-band value; `None` when it is not recognised.
///
/// ```
/// use wres_wdes::normalise::codes::band::classify;
/// use wres_wdes::normalise::codes::{BandValue, PayBand};
/// assert_eq!(classify("Band 8 - Range A"), Some(BandValue::Band(PayBand::Band8a)));
/// assert_eq!(classify("NHS|XR05|Review Body Band 5"), Some(BandValue::Band(PayBand::Band5)));
/// assert_eq!(classify("XN05"), Some(BandValue::Band(PayBand::Band5)));
/// assert_eq!(classify("Band 08A"), Some(BandValue::Band(PayBand::Band8a)));
/// assert_eq!(classify("MT04"), Some(BandValue::Medical));
/// assert_eq!(classify("ESM"), Some(BandValue::Band(PayBand::Vsm)));
/// assert_eq!(classify("Non AfC"), Some(BandValue::NonAfc));
/// assert_eq!(classify("Medical & Dental"), Some(BandValue::Medical));
/// assert_eq!(classify(""), Some(BandValue::Blank));
/// assert_eq!(classify("Band 10"), None);
/// ```
pub fn classify(raw: &str) -> Option<BandValue> {
    if raw.trim().is_empty() {
        return Some(BandValue::Blank);
    }
    if raw.contains('|') {
        let parts: Vec<&str> = raw.split('|').map(str::trim).filter(|p| !p.is_empty()).collect();
        // Name parts first (last to first), then any pay-scale code.
        return parts
            .iter()
            .rev()
            .filter(|p| afc_code(p).is_none())
            .find_map(|p| classify_one(p))
            .or_else(|| parts.iter().find_map(|p| afc_code(p)).map(BandValue::Band));
    }
    classify_one(raw)
        .or_else(|| afc_code(raw).map(BandValue::Band))
        .or_else(|| is_medical_code(raw).then_some(BandValue::Medical))
}

/// One value without pipes.
fn classify_one(raw: &str) -> Option<BandValue> {
    if let Some(x) = number(raw) {
        // A numeric cell: 1-7 or 9 (Excel may give "5.0").
        if x.fract() != 0.0 || !(0.0..=9.0).contains(&x) {
            return None;
        }
        // In range and whole, so the cast is exact.
        return match x as u8 {
            1 => Some(PayBand::Band1),
            2 => Some(PayBand::Band2),
            3 => Some(PayBand::Band3),
            4 => Some(PayBand::Band4),
            5 => Some(PayBand::Band5),
            6 => Some(PayBand::Band6),
            7 => Some(PayBand::Band7),
            9 => Some(PayBand::Band9),
            _ => None,
        }
        .map(BandValue::Band);
    }
    let normed = norm(raw);
    if normed.is_empty() {
        return None;
    }
    if let Some(v) = lookup(SPECIAL, &normed) {
        return Some(v);
    }
    // Drop qualifiers in front of the band.
    let mut rest = normed.as_str();
    'strip: loop {
        for q in QUALIFIERS {
            if let Some(r) = strip_words(rest, q) {
                rest = r;
                continue 'strip;
            }
        }
        break;
    }
    if rest.is_empty() {
        return None;
    }
    if let Some(v) = lookup(SPECIAL, rest) {
        return Some(v);
    }
    // Drop a trailing "closed".
    let rest = rest.strip_suffix(" closed").unwrap_or(rest);
    // The word band, spaced or glued ("band8a").
    let rest = strip_words(rest, "band").or_else(|| rest.strip_prefix("band")).unwrap_or(rest);
    let compact: String = rest.split(' ').filter(|w| *w != "range").collect();
    band_code(&compact).map(BandValue::Band)
}

/// `1`..`7`, `9`, `8a`..`8d`, `u1`, each number also padded with a zero (`05`, `08a`).
fn band_code(compact: &str) -> Option<PayBand> {
    let unpadded = match compact.strip_prefix('0') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => compact,
    };
    Some(match unpadded {
        "u1" => PayBand::UnderBand1,
        "1" => PayBand::Band1,
        "2" => PayBand::Band2,
        "3" => PayBand::Band3,
        "4" => PayBand::Band4,
        "5" => PayBand::Band5,
        "6" => PayBand::Band6,
        "7" => PayBand::Band7,
        "8a" => PayBand::Band8a,
        "8b" => PayBand::Band8b,
        "8c" => PayBand::Band8c,
        "8d" => PayBand::Band8d,
        "9" => PayBand::Band9,
        _ => return None,
    })
}

/// An ESR Agenda for Change pay-scale code: `XR` (Review Body) or `XN` (Non Review Body), then `01`..`09` (not
/// `08`) or `08A`..`08D` (a guess; see the module doc).
fn afc_code(raw: &str) -> Option<PayBand> {
    let n = norm(raw);
    let rest = n.strip_prefix("xr").or_else(|| n.strip_prefix("xn"))?;
    let compact: String = rest.split(' ').collect();
    if compact.trim_start_matches('0') == "8" || compact.starts_with('u') {
        return None;
    }
    band_code(&compact).filter(|b| *b != PayBand::UnderBand1)
}

/// A medical and dental pay-scale code on its own: `M`, a letter, then two or three digits (`MT04`, `MN37`,
/// `MC51`).
fn is_medical_code(raw: &str) -> bool {
    let t = raw.trim().as_bytes();
    let digits = t.get(2..).unwrap_or_default();
    t.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'm'))
        && t.get(1).is_some_and(u8::is_ascii_alphabetic)
        && (2..=3).contains(&digits.len())
        && digits.iter().all(u8::is_ascii_digit)
}

/// Words that may come before the band.
pub(crate) const QUALIFIERS: &[&str] = &["agenda for change", "afc", "non review body", "review body", "nhs", "pay"];

pub(crate) const SPECIAL: &[(&str, BandValue)] = &[
    ("under band 1", BandValue::Band(PayBand::UnderBand1)),
    ("below band 1", BandValue::Band(PayBand::UnderBand1)),
    ("vsm", BandValue::Band(PayBand::Vsm)),
    ("very senior manager", BandValue::Band(PayBand::Vsm)),
    ("very senior managers", BandValue::Band(PayBand::Vsm)),
    ("esm", BandValue::Band(PayBand::Vsm)),
    ("executive senior manager", BandValue::Band(PayBand::Vsm)),
    ("executive senior managers", BandValue::Band(PayBand::Vsm)),
    ("executive and senior manager", BandValue::Band(PayBand::Vsm)),
    ("vsm esm", BandValue::Band(PayBand::Vsm)),
    ("esm vsm", BandValue::Band(PayBand::Vsm)),
    ("non afc", BandValue::NonAfc),
    ("nonafc", BandValue::NonAfc),
    ("non agenda for change", BandValue::NonAfc),
    ("not afc", BandValue::NonAfc),
    ("not agenda for change", BandValue::NonAfc),
    ("non afc pay", BandValue::NonAfc),
    ("medical and dental", BandValue::Medical),
    ("medical dental", BandValue::Medical),
    ("medical and dental staff", BandValue::Medical),
    ("m and d", BandValue::Medical),
    ("medical", BandValue::Medical),
];

#[cfg(test)]
mod tests {
    use super::*;
    use BandValue::{Blank, Medical, NonAfc};
    use PayBand::*;

    fn b(p: PayBand) -> Option<BandValue> {
        Some(BandValue::Band(p))
    }

    #[test]
    fn the_listed_values() {
        for (raw, want) in [
            ("Band 5", b(Band5)),
            ("Band 8a", b(Band8a)),
            ("Band 8A", b(Band8a)),
            ("8a", b(Band8a)),
            ("Band 8 - Range A", b(Band8a)),
            ("AfC Band 6", b(Band6)),
            ("Agenda for Change Band 7", b(Band7)),
            ("Review Body Band 5", b(Band5)),
            ("NHS|XR05|Review Body Band 5", b(Band5)),
            ("Under Band 1", b(UnderBand1)),
            ("VSM", b(Vsm)),
            ("Very Senior Manager", b(Vsm)),
            ("ESM", b(Vsm)),
            ("Non AfC", Some(NonAfc)),
            ("Medical and Dental", Some(Medical)),
            ("", Some(Blank)),
        ] {
            assert_eq!(classify(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn esr_spellings() {
        for (raw, want) in [
            ("NHS|XR02|Review Body Band 2", b(Band2)),
            ("Agenda for Change Band 8a", b(Band8a)),
            ("AfC Band 8A", b(Band8a)),
            ("Band 8 Range A", b(Band8a)),
            ("Band 8 - Range B", b(Band8b)),
            ("Band 8 – Range C", b(Band8c)),
            ("Band 8 Range D", b(Band8d)),
            ("band8a", b(Band8a)),
            ("Band8-A", b(Band8a)),
            ("8 a", b(Band8a)),
            ("8B", b(Band8b)),
            ("8c", b(Band8c)),
            ("8d", b(Band8d)),
            ("Review Body Band 8 - Range C", b(Band8c)),
            ("NHS|XR08|Review Body Band 8 - Range B", b(Band8b)),
            ("Band 1", b(Band1)),
            ("Band 2", b(Band2)),
            ("Band 3", b(Band3)),
            ("Band 4", b(Band4)),
            ("Band 6", b(Band6)),
            ("Band 7", b(Band7)),
            ("Band 9", b(Band9)),
            ("BAND 9", b(Band9)),
            ("Band 1 (closed)", b(Band1)),
            ("1", b(Band1)),
            ("5", b(Band5)),
            ("5.0", b(Band5)),
            ("9", b(Band9)),
            ("U1", b(UnderBand1)),
            ("Below Band 1", b(UnderBand1)),
            ("Executive Senior Manager", b(Vsm)),
            ("VSM/ESM", b(Vsm)),
            ("Non-AfC", Some(NonAfc)),
            ("Non Agenda for Change", Some(NonAfc)),
            ("Medical & Dental", Some(Medical)),
            ("M&D", Some(Medical)),
            ("   ", Some(Blank)),
        ] {
            assert_eq!(classify(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn xr_codes() {
        for (raw, want) in [
            ("XR01", b(Band1)),
            ("XR05", b(Band5)),
            ("XR07", b(Band7)),
            ("XR09", b(Band9)),
            ("XR08A", b(Band8a)),
            ("XR08D", b(Band8d)),
            ("XR08", None),
            ("NHS|XR06|", b(Band6)),
            ("NHS|XR06|Something unrecognised", b(Band6)),
            ("NHS|XR04|Review Body Band 4", b(Band4)),
            ("XR10", None),
            ("XR00", None),
            ("XR0", None),
            ("XRU1", None),
            // Non Review Body codes, as ESR writes them alone or in a pipe form.
            ("XN01", b(Band1)),
            ("XN05", b(Band5)),
            ("xn05", b(Band5)),
            ("XN09", b(Band9)),
            ("XN08B", b(Band8b)),
            ("XN08", None),
            ("NHS|XN04|Non Review Body Band 4", b(Band4)),
            ("NHS|XN07|", b(Band7)),
            ("Non Review Body Band 6", b(Band6)),
        ] {
            assert_eq!(classify(raw), want, "{raw:?}");
        }
    }

    /// ESR pads band numbers with a zero.
    #[test]
    fn zero_padded_bands() {
        for (raw, want) in [
            ("Band 05", b(Band5)),
            ("Band 01", b(Band1)),
            ("Band 09", b(Band9)),
            ("Band 08A", b(Band8a)),
            ("Band 08a", b(Band8a)),
            ("Band 08 - Range D", b(Band8d)),
            ("AfC Band 06", b(Band6)),
            ("08B", b(Band8b)),
            ("05", b(Band5)),
            ("Band 008", None),
            ("Band 08", None),
            ("Band 00", None),
            ("Band 010", None),
        ] {
            assert_eq!(classify(raw), want, "{raw:?}");
        }
    }

    /// A medical pay-scale code in the band column leaves the placement to the grade.
    #[test]
    fn medical_pay_scale_codes() {
        for (raw, want) in [
            ("MT04", Some(Medical)),
            ("MN37", Some(Medical)),
            ("MC51", Some(Medical)),
            ("mt03", Some(Medical)),
            ("MT4", None),
            ("MT0404", None),
            ("M104", None),
            ("XM05", None),
        ] {
            assert_eq!(classify(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn not_recognised() {
        for raw in [
            "Band 8",
            "8",
            "Band 10",
            "10",
            "0",
            "5.5",
            "Band 8e",
            "Band",
            "AfC",
            "Apprentice",
            "Band 5 6",
            "Grade 5",
            "Nurse",
            "-",
            "NHS",
            "N/A",
            "|",
        ] {
            assert_eq!(classify(raw), None, "{raw:?}");
        }
    }
}
