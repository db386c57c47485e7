//! Ethnicity: NHS ethnic category codes (first character decides), ESR "code + label" strings, bare labels and
//! Census 2021 labels, to White / BME / Unknown and the five Census broad groups.
//!
//! Order of the rules (NHS Data Dictionary ETHNIC CATEGORY, and the Census 2021 labels; docs/method.md):
//!
//! 1. Blank → Unknown.
//! 2. **Code first.** The leading token (up to the first space, hyphen, en/em dash, colon or `|`) is a code when it
//!    is `99`, a single national letter (A–H, J–N, P, R, S, Z; never I, O, Q, T, U, V, W, Y), a national letter
//!    followed by a digit (`C3`), or one of the two-character sub-codes of the extended list (C2, CA–CY, GA–GF,
//!    LA–LK, PA–PE, SA–SE). The first character then decides, whatever the words after it say
//!    (`CX Mixed white` is White, `LH British Asian` is BME).
//! 3. Otherwise the whole value is a label: it is normalised (lowercase, punctuation to spaces) and looked up in
//!    a synonym table (bare NHS descriptions, ESR sub-code descriptions, the Census 2021 labels, the not-stated
//!    family), then parsed as "family prefix + detail" (`Black or Black British - African`,
//!    `Asian, Asian British or Asian Welsh: Chinese`, `White Irish`), where the detail must itself be listed for
//!    that family: an unknown detail is not guessed from the family.
//! 4. Anything else is `None`.
//!
//! Census broad groups: A, B, C → White; D, E, F, G → Mixed; H, J, K, L and **R (Chinese)** → Asian;
//! M, N, P → Black; S (including Arab) → Other. Gypsy, Irish Traveller and Roma are White.

use super::text::{lookup, norm, strip_words, tidy};
use super::{BroadGroup, Ethnicity, EthnicityClass};

/// Classifies one ethnicity value; `None` when it is not recognised (the caller counts it as Unknown and logs it).
///
/// ```
/// use wres_wdes::normalise::codes::ethnicity::classify;
/// use wres_wdes::normalise::codes::{BroadGroup, Ethnicity};
///
/// let c = classify("CX Mixed white").unwrap();
/// assert_eq!((c.group, c.broad), (Ethnicity::White, Some(BroadGroup::White)));
/// let c = classify("R Chinese").unwrap();
/// assert_eq!((c.group, c.broad), (Ethnicity::Bme, Some(BroadGroup::Asian)));
/// assert_eq!(classify("Prefer not to say").unwrap().group, Ethnicity::Unknown);
/// assert_eq!(classify("").unwrap().group, Ethnicity::Unknown);
/// assert_eq!(classify("Not a code"), None);
/// ```
pub fn classify(raw: &str) -> Option<EthnicityClass> {
    if super::text::is_excel_error(raw) {
        return None;
    }
    let tidied = tidy(raw);
    if tidied.is_empty() {
        return Some(UNKNOWN);
    }
    if let Some(code) = leading_code(&tidied) {
        return from_code(code);
    }
    classify_label(&norm(&tidied))
}

/// Classifies a national code letter (`'A'`..`'S'`, `'Z'`); `'9'` stands for `99`. `None` for any other char.
///
/// ```
/// use wres_wdes::normalise::codes::ethnicity::from_code;
/// use wres_wdes::normalise::codes::{BroadGroup, Ethnicity};
/// assert_eq!(from_code('N').unwrap().broad, Some(BroadGroup::Black));
/// assert_eq!(from_code('Z').unwrap().group, Ethnicity::Unknown);
/// assert_eq!(from_code('W'), None);
/// ```
pub fn from_code(code: char) -> Option<EthnicityClass> {
    let (group, broad) = match code.to_ascii_uppercase() {
        'A' | 'B' | 'C' => (Ethnicity::White, BroadGroup::White),
        'D' | 'E' | 'F' | 'G' => (Ethnicity::Bme, BroadGroup::Mixed),
        'H' | 'J' | 'K' | 'L' | 'R' => (Ethnicity::Bme, BroadGroup::Asian),
        'M' | 'N' | 'P' => (Ethnicity::Bme, BroadGroup::Black),
        'S' => (Ethnicity::Bme, BroadGroup::Other),
        'Z' | '9' => return Some(UNKNOWN),
        _ => return None,
    };
    Some(EthnicityClass { group, broad: Some(broad) })
}

const UNKNOWN: EthnicityClass = EthnicityClass { group: Ethnicity::Unknown, broad: None };

/// A BME value whose Census broad group cannot be told (aggregated tables saying just "BME").
const BME_ONLY: EthnicityClass = EthnicityClass { group: Ethnicity::Bme, broad: None };

/// The national first characters.
fn is_national_letter(c: char) -> bool {
    matches!(c, 'A'..='H' | 'J'..='N' | 'P' | 'R' | 'S' | 'Z')
}

/// The two-character sub-codes of the extended list (CareConnect-EthnicCategory-1).
fn is_sub_code(first: char, second: char) -> bool {
    match first {
        'C' => matches!(second, '2' | '3' | 'A'..='H' | 'J'..='N' | 'P'..='Y'),
        'G' => matches!(second, 'A'..='F'),
        'L' => matches!(second, 'A'..='H' | 'J' | 'K'),
        'P' => matches!(second, 'A'..='E'),
        'S' => matches!(second, 'A'..='E'),
        _ => false,
    }
}

/// The code character of the leading token, when the token is a code (`'9'` for `99`).
fn leading_code(tidied: &str) -> Option<char> {
    let token: Vec<char> = tidied.chars().take_while(|&c| !is_separator(c)).take(3).collect();
    match token.as_slice() {
        ['9', '9'] => Some('9'),
        [a] => {
            let a = a.to_ascii_uppercase();
            is_national_letter(a).then_some(a)
        }
        [a, b] => {
            let (a, b) = (a.to_ascii_uppercase(), b.to_ascii_uppercase());
            (is_national_letter(a) && (b.is_ascii_digit() || is_sub_code(a, b))).then_some(a)
        }
        _ => None,
    }
}

/// What may follow a code: a space, a hyphen (dashes are hyphens after [`tidy`]), a colon or a pipe. Not `/` or
/// `.`, so `N/A` and `N.K.` are not read as code N.
fn is_separator(c: char) -> bool {
    c == ' ' || c == '-' || c == ':' || c == '|'
}

/// Labels matched whole (after [`norm`]). The letter is the NHS code the label stands for; `'9'` is unknown and
/// `'*'` is BME without a broad group.
pub(crate) const LABELS: &[(&str, char)] = &[
    // The not-stated family.
    ("not stated", '9'),
    ("prefer not to say", '9'),
    ("prefer not to answer", '9'),
    ("i prefer not to say", '9'),
    ("unspecified", '9'),
    ("undefined", '9'),
    ("not specified", '9'),
    ("not known", '9'),
    ("unknown", '9'),
    ("nk", '9'),
    ("not declared", '9'),
    ("undeclared", '9'),
    ("not disclosed", '9'),
    ("not given", '9'),
    ("not recorded", '9'),
    ("declined", '9'),
    ("declined to say", '9'),
    ("refused", '9'),
    ("information refused", '9'),
    ("withheld", '9'),
    ("i do not wish to disclose my ethnic origin", '9'),
    ("i do not wish to disclose my ethnicity", '9'),
    ("i do not wish to disclose", '9'),
    ("do not wish to disclose", '9'),
    ("does not apply", '9'),
    ("n a", '9'),
    ("null", '9'),
    // Bare NHS descriptions and common short forms.
    ("chinese", 'R'),
    ("indian", 'H'),
    ("pakistani", 'J'),
    ("bangladeshi", 'K'),
    ("arab", 'S'),
    ("any other ethnic group", 'S'),
    ("any other group", 'S'),
    ("other ethnic group", 'S'),
    ("other ethnic groups", 'S'),
    ("any other white background", 'C'),
    ("other white", 'C'),
    ("other white background", 'C'),
    ("any other mixed background", 'G'),
    ("other mixed", 'G'),
    ("any other asian background", 'L'),
    ("other asian", 'L'),
    ("any other black background", 'P'),
    ("other black", 'P'),
    // ESR sub-code descriptions that do not start with a family word (the code letter decides when present).
    ("mixed white", 'C'),
    ("british asian", 'L'),
    ("east african asian", 'L'),
    ("caribbean asian", 'L'),
    ("punjabi", 'L'),
    ("kashmiri", 'L'),
    ("sri lanka", 'L'),
    ("sri lankan", 'L'),
    ("tamil", 'L'),
    ("sinhalese", 'L'),
    ("somali", 'P'),
    ("nigerian", 'P'),
    ("vietnamese", 'S'),
    ("japanese", 'S'),
    ("filipino", 'S'),
    ("malaysian", 'S'),
    ("irish traveller", 'C'),
    ("traveller", 'C'),
    ("gypsy romany", 'C'),
    ("gypsy roma", 'C'),
    ("gypsy or irish traveller", 'C'),
    ("roma", 'C'),
    ("black and asian", 'G'),
    ("black and chinese", 'G'),
    ("black and white", 'G'),
    ("chinese and white", 'G'),
    ("asian and chinese", 'G'),
    ("white and black caribbean", 'D'),
    ("white and black african", 'E'),
    ("white and asian", 'F'),
    // Aggregated tables that give only the WRES group.
    ("bme", '*'),
    ("bame", '*'),
    ("black and minority ethnic", '*'),
    ("black asian and minority ethnic", '*'),
    ("black and minority ethnic bme", '*'),
    ("black asian and minority ethnic bame", '*'),
    ("global majority", '*'),
    ("ethnic minority", '*'),
    ("ethnic minorities", '*'),
    ("minority ethnic", '*'),
];

/// Family prefixes (longest first within a family) with the code of the bare family label and the details the
/// family accepts after it.
/// A table of `(normalised label, code)`.
pub(crate) type Table = &'static [(&'static str, char)];

pub(crate) const FAMILIES: &[(&str, char, Table)] = &[
    ("white", 'C', WHITE),
    ("mixed or multiple ethnic groups", 'G', MIXED),
    ("mixed multiple ethnic groups", 'G', MIXED),
    ("mixed", 'G', MIXED),
    ("asian asian british or asian welsh", 'L', ASIAN),
    ("asian or asian british", 'L', ASIAN),
    ("asian asian british", 'L', ASIAN),
    ("asian british", 'L', ASIAN),
    ("asian", 'L', ASIAN),
    ("black black british black welsh caribbean or african", 'P', BLACK),
    ("black african caribbean or black british", 'P', BLACK),
    ("black or black british", 'P', BLACK),
    ("black black british", 'P', BLACK),
    ("black british", 'P', BLACK),
    ("black", 'P', BLACK),
    ("other ethnic groups", 'S', OTHER),
    ("other ethnic group", 'S', OTHER),
];

const WHITE: &[(&str, char)] = &[
    ("british", 'A'),
    ("english", 'A'),
    ("welsh", 'A'),
    ("scottish", 'A'),
    ("northern irish", 'A'),
    ("english welsh scottish northern irish or british", 'A'),
    ("mixed british", 'A'),
    ("irish", 'B'),
    ("other", 'C'),
    ("other white", 'C'),
    ("any other", 'C'),
    ("any other white background", 'C'),
    ("any other white", 'C'),
    ("other white background", 'C'),
    ("unspecified", 'C'),
    ("other white white unspecified", 'C'),
    ("other european", 'C'),
    ("other white european", 'C'),
    ("european", 'C'),
    ("european unspecified", 'C'),
    ("european mixed", 'C'),
    ("other white european european unspecified european mixed", 'C'),
    ("mixed", 'C'),
    ("mixed white", 'C'),
    ("cornish", 'C'),
    ("cypriot", 'C'),
    ("cypriot part not stated", 'C'),
    ("greek", 'C'),
    ("greek cypriot", 'C'),
    ("turkish", 'C'),
    ("turkish cypriot", 'C'),
    ("italian", 'C'),
    ("polish", 'C'),
    ("kosovan", 'C'),
    ("albanian", 'C'),
    ("bosnian", 'C'),
    ("croatian", 'C'),
    ("serbian", 'C'),
    ("ex ussr", 'C'),
    ("former ussr", 'C'),
    ("all republics of the former ussr", 'C'),
    ("all republics which made up the former ussr", 'C'),
    ("ex yugoslavia", 'C'),
    ("other republics of former yugoslavia", 'C'),
    ("other republics which made up the former yugoslavia", 'C'),
    ("gypsy or irish traveller", 'C'),
    ("irish traveller", 'C'),
    ("traveller", 'C'),
    ("gypsy", 'C'),
    ("gypsy romany", 'C'),
    ("gypsy roma", 'C'),
    ("roma", 'C'),
];

const MIXED: &[(&str, char)] = &[
    ("white and black caribbean", 'D'),
    ("white and black african", 'E'),
    ("white and asian", 'F'),
    ("any other mixed background", 'G'),
    ("any other mixed", 'G'),
    ("other mixed", 'G'),
    ("other mixed background", 'G'),
    ("other mixed or multiple ethnic groups", 'G'),
    ("other mixed or multiple ethnic background", 'G'),
    ("any other mixed or multiple ethnic background", 'G'),
    ("other", 'G'),
    ("unspecified", 'G'),
    ("other mixed mixed unspecified", 'G'),
    ("black and asian", 'G'),
    ("black and chinese", 'G'),
    ("black and white", 'G'),
    ("chinese and white", 'G'),
    ("asian and chinese", 'G'),
    // "Mixed white" (CX) is White: an ESR sub-code label of the C family.
    ("white", 'C'),
    // "Mixed Asian" (LA) and "Mixed Black" (PB) sit in the Asian and Black families.
    ("asian", 'L'),
    ("black", 'P'),
];

const ASIAN: &[(&str, char)] = &[
    ("indian", 'H'),
    ("pakistani", 'J'),
    ("bangladeshi", 'K'),
    ("chinese", 'R'),
    ("any other asian background", 'L'),
    ("any other asian", 'L'),
    ("other asian", 'L'),
    ("other asian background", 'L'),
    ("other", 'L'),
    ("british", 'L'),
    ("unspecified", 'L'),
    ("other asian asian unspecified", 'L'),
    ("mixed", 'L'),
    ("punjabi", 'L'),
    ("kashmiri", 'L'),
    ("east african", 'L'),
    ("sri lanka", 'L'),
    ("sri lankan", 'L'),
    ("tamil", 'L'),
    ("sinhalese", 'L'),
    ("caribbean", 'L'),
];

const BLACK: &[(&str, char)] = &[
    ("caribbean", 'M'),
    ("african", 'N'),
    ("any other black background", 'P'),
    ("any other black", 'P'),
    ("other black", 'P'),
    ("other black background", 'P'),
    ("other black african or caribbean background", 'P'),
    ("other", 'P'),
    ("british", 'P'),
    ("unspecified", 'P'),
    ("other black black unspecified", 'P'),
    ("mixed", 'P'),
    ("somali", 'P'),
    ("nigerian", 'P'),
];

const OTHER: &[(&str, char)] = &[
    ("chinese", 'R'),
    ("arab", 'S'),
    ("any other ethnic group", 'S'),
    ("any other group", 'S'),
    ("any other", 'S'),
    ("other", 'S'),
    ("vietnamese", 'S'),
    ("japanese", 'S'),
    ("filipino", 'S'),
    ("malaysian", 'S'),
];

fn from_table_code(code: char) -> Option<EthnicityClass> {
    if code == '*' {
        Some(BME_ONLY)
    } else {
        from_code(code)
    }
}

fn classify_label(normed: &str) -> Option<EthnicityClass> {
    // Census bulk-file headers carry an "Ethnic group: " prefix.
    let normed = match strip_words(normed, "ethnic group") {
        Some(rest) if !rest.is_empty() => rest,
        _ => normed,
    };
    if normed.is_empty() {
        return None;
    }
    if let Some(code) = lookup(LABELS, normed) {
        return from_table_code(code);
    }
    for &(prefix, bare, details) in FAMILIES {
        if let Some(rest) = strip_words(normed, prefix) {
            if rest.is_empty() {
                return from_code(bare);
            }
            if let Some(code) = lookup(details, rest) {
                return from_code(code);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use BroadGroup as B;
    use Ethnicity as E;

    type Want = Option<(Ethnicity, Option<BroadGroup>)>;

    fn check(cases: &[(&str, Want)]) {
        for &(raw, want) in cases {
            let got = classify(raw).map(|c| (c.group, c.broad));
            assert_eq!(got, want, "{raw:?}");
        }
    }

    const W: Want = Some((E::White, Some(B::White)));
    const MIX: Want = Some((E::Bme, Some(B::Mixed)));
    const ASI: Want = Some((E::Bme, Some(B::Asian)));
    const BLK: Want = Some((E::Bme, Some(B::Black)));
    const OTH: Want = Some((E::Bme, Some(B::Other)));
    const UNK: Want = Some((E::Unknown, None));
    const BME: Want = Some((E::Bme, None));

    #[test]
    fn the_listed_values() {
        check(&[
            ("A White - British", W),
            ("A", W),
            ("CA White English", W),
            ("C3 White Unspecified", W),
            ("White - British", W),
            ("White British", W),
            ("Z Not Stated", UNK),
            ("Not Stated", UNK),
            ("Prefer not to say", UNK),
            ("Unspecified", UNK),
            ("99", UNK),
            ("", UNK),
            ("   ", UNK),
        ]);
    }

    #[test]
    fn national_codes_single_letter_and_with_description() {
        check(&[
            ("A", W),
            ("B", W),
            ("C", W),
            ("D", MIX),
            ("E", MIX),
            ("F", MIX),
            ("G", MIX),
            ("H", ASI),
            ("J", ASI),
            ("K", ASI),
            ("L", ASI),
            ("M", BLK),
            ("N", BLK),
            ("P", BLK),
            ("R", ASI),
            ("S", OTH),
            ("Z", UNK),
            ("99", UNK),
            ("a", W),
            ("A White - British", W),
            ("B White - Irish", W),
            ("C White - Any other White background", W),
            ("D Mixed - White and Black Caribbean", MIX),
            ("E Mixed - White and Black African", MIX),
            ("F Mixed - White and Asian", MIX),
            ("G Mixed - Any other mixed background", MIX),
            ("H Asian or Asian British - Indian", ASI),
            ("J Asian or Asian British - Pakistani", ASI),
            ("K Asian or Asian British - Bangladeshi", ASI),
            ("L Asian or Asian British - Any other Asian background", ASI),
            ("M Black or Black British - Caribbean", BLK),
            ("N Black or Black British - African", BLK),
            ("P Black or Black British - Any other Black background", BLK),
            ("R Other Ethnic Groups - Chinese", ASI),
            ("S Other Ethnic Groups - Any other ethnic group", OTH),
            ("Z Not stated", UNK),
            ("99 Not Known", UNK),
            ("99 Not known (default)", UNK),
            // En dash as in the Data Dictionary, colon and hyphen separators.
            ("A White – British", W),
            ("A\u{2014}White", W),
            ("A-White British", W),
            ("A: White British", W),
            ("N|Black African", BLK),
            // ESR presentation.
            ("C White - Any other White background", W),
            ("CY White Other European", W),
            ("LH Asian British", ASI),
            ("PD Black British", BLK),
            ("R Chinese", ASI),
            ("S Any Other Ethnic Group", OTH),
            ("LK Asian Unspecified", ASI),
            ("PE Black Unspecified", BLK),
            // Code with a digit second character (local use).
            ("A1 White British", W),
            ("N9", BLK),
        ]);
    }

    #[test]
    fn sub_codes_group_by_first_character() {
        let c_family = [
            "C2 Northern Irish",
            "C3 Other white, white unspecified",
            "CA English",
            "CB Scottish",
            "CC Welsh",
            "CD Cornish",
            "CE Cypriot (part not stated)",
            "CF Greek",
            "CG Greek Cypriot",
            "CH Turkish",
            "CJ Turkish Cypriot",
            "CK Italian",
            "CL Irish Traveller",
            "CM Traveller",
            "CN Gypsy/Romany",
            "CP Polish",
            "CQ All republics of the former USSR",
            "CR Kosovan",
            "CS Albanian",
            "CT Bosnian",
            "CU Croatian",
            "CV Serbian",
            "CW Other republics of former Yugoslavia",
            "CX Mixed white",
            "CY Other white European / European unspecified / European mixed",
        ];
        for raw in c_family {
            check(&[(raw, W)]);
            // The two-character code alone is a code too.
            check(&[(&raw[..2], W)]);
        }
        for raw in [
            "GA Black and Asian",
            "GB Black and Chinese",
            "GC Black and White",
            "GD Chinese and White",
            "GE Asian and Chinese",
            "GF Other Mixed / Mixed unspecified",
        ] {
            check(&[(raw, MIX), (&raw[..2], MIX)]);
        }
        for raw in [
            "LA Mixed Asian",
            "LB Punjabi",
            "LC Kashmiri",
            "LD East African Asian",
            "LE Sri Lanka",
            "LF Tamil",
            "LG Sinhalese",
            "LH British Asian",
            "LJ Caribbean Asian",
            "LK Other Asian / Asian unspecified",
        ] {
            check(&[(raw, ASI), (&raw[..2], ASI)]);
        }
        for raw in
            ["PA Somali", "PB Mixed Black", "PC Nigerian", "PD Black British", "PE Other Black / Black unspecified"]
        {
            check(&[(raw, BLK), (&raw[..2], BLK)]);
        }
        for raw in ["SA Vietnamese", "SB Japanese", "SC Filipino", "SD Malaysian", "SE Any other group"] {
            check(&[(raw, OTH), (&raw[..2], OTH)]);
        }
    }

    #[test]
    fn traps() {
        check(&[
            // "White British" has no code: "White" is a five-letter word, not code W (W is not a national code).
            ("White British", W),
            ("CX Mixed white", W),
            ("GC Black and White", MIX),
            ("LH British Asian", ASI),
            ("PD Black British", BLK),
            ("R Chinese", ASI),
            // The code wins over contradicting words.
            ("A Black African", W),
            ("N White", BLK),
            // Letters that are not national codes.
            ("I", None),
            ("O", None),
            ("Q", None),
            ("T", None),
            ("U", None),
            ("V", None),
            ("W", None),
            ("Y", None),
            ("X", None),
            ("W White", None),
            ("I Indian", None),
            ("T Other", None),
            // Two-letter words and unknown two-letter combinations are not codes.
            ("No", None),
            ("AB", None),
            ("CZ White", None),
            ("GG Mixed", None),
            ("NK", UNK),
            ("N/A", UNK),
            ("9", None),
            ("999", None),
            ("12", None),
            ("Not a code", None),
            ("xyz", None),
            ("-", None),
            ("Other", None),
            ("White and Asian", MIX),
            ("White and Black Caribbean", MIX),
            ("Mixed white", W),
            ("Mixed - White", W),
            ("British Asian", ASI),
            ("Black British", BLK),
            ("Black and White", MIX),
            // A family word followed by an unlisted detail is not guessed.
            ("White Martian", None),
            ("Black Foo", None),
            ("Asian Bar", None),
        ]);
    }

    #[test]
    fn bare_labels_and_synonyms() {
        check(&[
            ("White British", W),
            ("White - British", W),
            ("White: British", W),
            ("WHITE BRITISH", W),
            ("  white   british ", W),
            ("White English", W),
            ("White Irish", W),
            ("White Other", W),
            ("Any other White background", W),
            ("Other White", W),
            ("White - Any other White background", W),
            ("White Unspecified", W),
            ("White Other European", W),
            ("White", W),
            ("Mixed - White and Black Caribbean", MIX),
            ("Mixed - White and Black African", MIX),
            ("Mixed - White and Asian", MIX),
            ("Mixed - Any other mixed background", MIX),
            ("Mixed", MIX),
            ("Asian or Asian British - Indian", ASI),
            ("Asian or Asian British - Pakistani", ASI),
            ("Asian or Asian British - Bangladeshi", ASI),
            ("Asian or Asian British - Any other Asian background", ASI),
            ("Asian or Asian British", ASI),
            ("Asian British", ASI),
            ("Asian Unspecified", ASI),
            ("Black or Black British - Caribbean", BLK),
            ("Black or Black British - African", BLK),
            ("Black or Black British - Any other Black background", BLK),
            ("Black Unspecified", BLK),
            ("Other Ethnic Groups - Chinese", ASI),
            ("Other Ethnic Groups - Any other ethnic group", OTH),
            ("Chinese", ASI),
            ("Any other ethnic group", OTH),
            ("Black African", BLK),
            ("Black Caribbean", BLK),
            ("Indian", ASI),
            ("Pakistani", ASI),
            ("Bangladeshi", ASI),
            ("Arab", OTH),
            ("Gypsy or Irish Traveller", W),
            ("Roma", W),
            ("BME", BME),
            ("BAME", BME),
            ("Black and minority ethnic", BME),
            ("Global majority", BME),
            ("Ethnic minority", BME),
        ]);
    }

    #[test]
    fn unknown_family() {
        check(&[
            ("Not Stated", UNK),
            ("Not stated", UNK),
            ("NOT STATED", UNK),
            ("Prefer not to say", UNK),
            ("Prefer Not To Answer", UNK),
            ("Unspecified", UNK),
            ("Undefined", UNK),
            ("Not Known", UNK),
            ("Not Declared", UNK),
            ("Unknown", UNK),
            ("I do not wish to disclose my ethnic origin", UNK),
            ("99", UNK),
            ("Z", UNK),
            ("Z Not Stated", UNK),
            ("", UNK),
        ]);
    }

    #[test]
    fn census_2021_labels() {
        check(&[
            ("Asian, Asian British or Asian Welsh: Bangladeshi", ASI),
            ("Asian, Asian British or Asian Welsh: Chinese", ASI),
            ("Asian, Asian British or Asian Welsh: Indian", ASI),
            ("Asian, Asian British or Asian Welsh: Pakistani", ASI),
            ("Asian, Asian British or Asian Welsh: Other Asian", ASI),
            ("Black, Black British, Black Welsh, Caribbean or African: African", BLK),
            ("Black, Black British, Black Welsh, Caribbean or African: Caribbean", BLK),
            ("Black, Black British, Black Welsh, Caribbean or African: Other Black", BLK),
            ("Mixed or Multiple ethnic groups: White and Asian", MIX),
            ("Mixed or Multiple ethnic groups: White and Black African", MIX),
            ("Mixed or Multiple ethnic groups: White and Black Caribbean", MIX),
            ("Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups", MIX),
            ("White: English, Welsh, Scottish, Northern Irish or British", W),
            ("White: Irish", W),
            ("White: Gypsy or Irish Traveller", W),
            ("White: Roma", W),
            ("White: Other White", W),
            ("Other ethnic group: Arab", OTH),
            ("Other ethnic group: Any other ethnic group", OTH),
            // High-level (6-category) forms.
            ("Asian, Asian British or Asian Welsh", ASI),
            ("Black, Black British, Black Welsh, Caribbean or African", BLK),
            ("Mixed or Multiple ethnic groups", MIX),
            ("White", W),
            ("Other ethnic group", OTH),
            ("Does not apply", UNK),
            // Bulk-file header form.
            ("Ethnic group: White: Irish", W),
            ("Ethnic group: Asian, Asian British or Asian Welsh: Chinese", ASI),
            ("Ethnic group: Total: All usual residents", None),
        ]);
    }
}
