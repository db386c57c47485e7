//! The board page's figures (`board_summary`), worked by hand for the test trust (`trust_common`): each kind's
//! status by its rule, the England figures and their years, the key messages, a rule changed in the settings,
//! and the direction against last year.

mod trust_common;

use wres_wdes::compute::board_summary::{BoardLine, BoardSummary};
use wres_wdes::compute::compute;
use wres_wdes::compute::direction::Direction;
use wres_wdes::compute::status::{Level, StatusConfig};
use wres_wdes::config::Settings;

fn summary(settings: &Settings) -> BoardSummary {
    compute(&trust_common::records(), settings).unwrap().board_summary
}

fn line<'a>(s: &'a BoardSummary, id: &str) -> &'a BoardLine {
    s.lines.iter().find(|l| l.id == id).unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn each_kind_is_rated_by_its_rule() {
    let s = summary(&trust_common::settings(false));
    let level = |id: &str| line(&s, id).status;
    // WRES 2: White 300 of 1,500 (20%) over BME 120 of 900 (13.3%) = 1.50, outside and significant; expected
    // counts 420/2,400 of each group: 262.5 and 157.5 with the outcome, all over 5.
    assert_eq!(level("WRES2"), Level::Red);
    assert!((line(&s, "WRES2").difference.unwrap() - 1.5).abs() < 1e-12);
    // WRES 3: BME 24 cases over 2 x 602, White 20 over 2 x 1,190: 2.37, outside; 44 cases in 3,584 give BME an
    // expected 14.8 (over 5), and the interval (two years' counts this size) excludes 1.
    assert_eq!(level("WRES3"), Level::Red);
    // WDES 2: non-disabled 0 of 1,000 over Disabled 9 of 80 = 0, outside; but 9 appointments in 1,080 give the
    // Disabled applicants an expected 0.67: resting on small numbers, amber.
    assert_eq!(level("WDES2"), Level::Amber);
    assert!(line(&s, "WDES2").why.contains("expected count is under 5"), "{}", line(&s, "WDES2").why);
    // WDES 3: no capability case in either year: not estimable, no status.
    assert_eq!(level("WDES3"), Level::NotJudged);
    // Survey gaps (points, worse for the protected group): WRES 5 6.5 (interval about 0.6 to 12.4), WRES 6 4.0,
    // WRES 7 14.0 (44% of BME against 58% of White staff believe in equal chances; higher is better), WRES 8 8.0
    // (about 4 to 12), WDES 4a-i 8.0 (about 1 to 15).
    assert_eq!(level("WRES5"), Level::Red);
    assert_eq!(level("WRES6"), Level::Green);
    assert_eq!(level("WRES7"), Level::Red);
    assert_eq!(level("WRES8"), Level::Red);
    assert_eq!(level("WDES4a-i"), Level::Red);
    // WDES 5: Disabled staff's result rests on 8 respondents, so it is suppressed and there is no gap.
    assert_eq!(level("WDES5"), Level::NotJudged);
    // WDES 9a: 6.4 against 7.0, 0.6 score points worse (over 0.5) with no interval: amber.
    assert_eq!(level("WDES9a"), Level::Amber);
    // WRES 1: BME staff are 602 of 1,804 (33.4%) but 9 of the 89 at band 8a (10.1%, Wilson 95% up to 18.1%),
    // under 0.80 x 33.4 = 26.7 with the interval: red.
    assert_eq!(level("WRES1"), Level::Red);
    let w1 = line(&s, "WRES1");
    assert!((w1.difference.unwrap() - 100.0 * 9.0 / 89.0).abs() < 1e-9);
    assert!((w1.figure.unwrap().high.unwrap() - 18.1).abs() < 0.1, "{:?}", w1.figure);
    // WDES 1: the 89 at band 8a hold 80 Disabled staff (89.9%) against 235 of 1,804 (13.0%): green.
    assert_eq!(level("WDES1"), Level::Green);
    // WRES 9: 1 BME of 4 voting members against 33.4% of the workforce: 1.33 expected, 0.33 short: green.
    assert_eq!(level("WRES9"), Level::Green);
    assert!(line(&s, "WRES9").why.starts_with("0.3 members short"), "{}", line(&s, "WRES9").why);
    // WDES 10: 1 Disabled of 4 voting (25%) against 13.0%: at or above the workforce's share.
    assert_eq!(level("WDES10"), Level::Green);
    assert_eq!(level("WDES9b"), Level::Green);
    assert_eq!(level("WDES4a-ii"), Level::NotJudged, "no survey figures given");
}

#[test]
fn a_rule_set_in_the_config_changes_the_status() {
    // WRES 6's gap of 4.0 points (about -1.4 to 9.4) is green under 5 points, amber under 3 (not significant).
    let mut settings = trust_common::settings(false);
    settings.status = StatusConfig { gap_points: Some(3.0), ..StatusConfig::default() }.rules().unwrap();
    let s = summary(&settings);
    assert_eq!(line(&s, "WRES6").status, Level::Amber);
    assert!(s.rule_lines[1].rule.contains("by over 3 points"), "{}", s.rule_lines[1].rule);
    // A range of 0.50-2.50 brings WRES 2's 1.50 inside.
    settings.status =
        StatusConfig { ratio_low: Some(0.5), ratio_high: Some(2.5), ..StatusConfig::default() }.rules().unwrap();
    assert_eq!(line(&summary(&settings), "WRES2").status, Level::Green);
}

#[test]
fn england_figures_are_the_latest_published_up_to_the_year() {
    let s = summary(&trust_common::settings(false));
    let england = |id: &str| line(&s, id).england.as_ref().map(|e| (e.year, e.value));
    assert_eq!(england("WRES1"), Some((2024, 28.6)));
    assert_eq!(england("WRES2"), Some((2023, 1.59)));
    assert_eq!(england("WDES2"), Some((2023, 0.99)));
    assert_eq!(england("WDES4a-ii"), Some((2023, 16.1)));
    assert_eq!(england("WDES4b"), None, "not published");
    assert_eq!(england("WDES9b"), Some((2021, 97.2)));
    for l in &s.lines {
        if let Some(e) = &l.england {
            assert!(e.source_url.starts_with("https://") || e.source_url.starts_with("http://"), "{}", l.id);
        }
    }
}

#[test]
fn key_messages_rank_the_red_figures_and_speak_for_both_standards() {
    let s = summary(&trust_common::settings(false));
    assert_eq!(s.messages.len(), 5);
    assert!(s.messages.iter().all(|m| m.status == Level::Red), "{:?}", s.messages);
    assert!(s.messages.iter().any(|m| m.id.starts_with("WDES")), "WDES 4a-i is red and must be heard");
    for m in &s.messages {
        assert!(m.text.split_whitespace().count() <= 25, "{}", m.text);
        assert!(m.text.ends_with('.') && !m.text.contains("last year"), "{}", m.text);
    }
    let wres2 = s.messages.iter().find(|m| m.id == "WRES2").expect("WRES 2 among them");
    assert_eq!(wres2.text, "White shortlisted applicants were 1.50 times as likely to be appointed as BME applicants.");
}

#[test]
fn last_year_gives_a_direction_in_words() {
    let settings = trust_common::settings(false);
    let before = compute(&trust_common::records(), &settings).unwrap();
    let mut json: serde_json::Value =
        serde_json::from_str(&wres_wdes::render::json::to_string(&before).unwrap()).unwrap();
    json["snapshot_date"] = "2024-03-31".into();
    for l in json["board_summary"]["lines"].as_array_mut().unwrap() {
        match l["id"].as_str().unwrap() {
            // WRES 2 was 1.00 (0.95 to 1.05): 1.50 now is a real worsening.
            "WRES2" => l["figure"] = serde_json::json!({"value": 1.0, "low": 0.95, "high": 1.05}),
            // WRES 8's gap was 8.5 with a like interval: no real change.
            "WRES8" => l["figure"]["value"] = 8.5.into(),
            // The voting board (4 members, one member 25 points) was 40 points under the workforce, now 8.4:
            // more than half a member's share, better; 20 points under would have been no real change.
            "WRES9" => l["figure"]["value"] = (-40.0).into(),
            "WDES10" => l["figure"]["value"] = (0.0).into(),
            _ => {}
        }
    }
    let previous: wres_wdes::read::previous::PreviousRun = serde_json::from_value(json).unwrap();
    let mut records = trust_common::records();
    records.previous = vec![previous];
    let s = compute(&records, &settings).unwrap().board_summary;
    assert_eq!(s.last_year.as_deref(), Some("2024-03-31"));
    assert_eq!(line(&s, "WRES2").direction, Some(Direction::Worse));
    assert_eq!(line(&s, "WRES8").direction, Some(Direction::NoRealChange));
    assert_eq!(line(&s, "WRES9").direction, Some(Direction::Better));
    // WDES 10: 12.0 points over now, level then: 12.0 is under 12.5, half a member's share.
    assert_eq!(line(&s, "WDES10").direction, Some(Direction::NoRealChange));
    let m = s.messages.iter().find(|m| m.id == "WRES2").unwrap();
    assert!(m.text.ends_with("; worse than last year (1.00)."), "{}", m.text);
}
