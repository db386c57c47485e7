//! The sample trust looks like a real one: realism bounds over several seeds, file sizes, the command line and
//! the committed example trust in `fixtures/example-trust`.

use std::path::Path;
use std::process::Command;

use wres_wdes::normalise::codes::{Disability, Ethnicity, PayBand, PayRow, Workforce};
use wres_wdes::synthetic::{generate, write, Presentation, SampleOptions, Truth};

fn share(t: &Truth, keep: impl Fn(Workforce, PayRow) -> bool) -> (u64, u64) {
    let mut bme = 0;
    let mut all = 0;
    for (&(block, row, group), &n) in &t.headcount_by_ethnicity {
        if keep(block, row) {
            all += n;
            if group == Ethnicity::Bme {
                bme += n;
            }
        }
    }
    (bme, all)
}

fn rate(a: u64, b: u64) -> f64 {
    a as f64 / b as f64
}

#[test]
fn realism_bounds_hold_for_seeds_1_to_3() {
    for seed in 1..=3 {
        let trust = generate(&SampleOptions { seed, ..Default::default() });
        let t = trust.truth();
        assert_eq!(t.headcount, 2000);

        let low = share(t, |_, r| matches!(r, PayRow::Band(b) if (PayBand::Band2..=PayBand::Band5).contains(&b)));
        let high = share(t, |_, r| matches!(r, PayRow::Band(b) if b >= PayBand::Band8c));
        assert!(high.1 >= 10, "seed {seed}: only {} staff at 8c and above", high.1);
        let (low_share, high_share) = (rate(low.0, low.1), rate(high.0, high.1));
        assert!(low_share > high_share, "seed {seed}: BME {low_share:.3} at bands 2-5, {high_share:.3} at 8c+");
        assert!((0.28..0.42).contains(&low_share), "seed {seed}: BME at bands 2-5 {low_share:.3}");

        let medical = share(t, |block, _| block == Workforce::Medical);
        let medical_share = rate(medical.0, medical.1);
        assert!((0.35..=0.55).contains(&medical_share), "seed {seed}: medical BME {medical_share:.3}");
        assert!((0.09..0.15).contains(&rate(medical.1, t.headcount)), "seed {seed}: medical share of staff");

        let disabled = rate(t.headcount_of_disability(Disability::Disabled), t.headcount);
        assert!((0.02..=0.08).contains(&disabled), "seed {seed}: disabled declared {disabled:.3}");
        let unknown = rate(t.headcount_of_ethnicity(Ethnicity::Unknown), t.headcount);
        assert!((0.03..0.08).contains(&unknown), "seed {seed}: ethnicity unknown {unknown:.3}");

        // Appointment from shortlisting: White more likely (RL about 1.5).
        let w = rate(t.appointed_by_ethnicity[&Ethnicity::White], t.shortlisted_by_ethnicity[&Ethnicity::White]);
        let b = rate(t.appointed_by_ethnicity[&Ethnicity::Bme], t.shortlisted_by_ethnicity[&Ethnicity::Bme]);
        assert!((1.2..1.9).contains(&(w / b)), "seed {seed}: WRES 2 RL {:.2}", w / b);
        let shortlisted: u64 = t.shortlisted_by_ethnicity.values().sum();
        assert!((1.1..1.3).contains(&rate(shortlisted, t.headcount)), "seed {seed}: shortlisted {shortlisted}");

        // Disciplinary about 1% a year; both years present; training accessed by about 40%.
        for year in [2024, 2025] {
            let entrants: u64 = Ethnicity::ALL.iter().map(|&g| t.disciplinary_in(year, g)).sum();
            assert!((0.005..0.02).contains(&rate(entrants, t.headcount)), "seed {seed} {year}: {entrants}");
            assert!(t.capability_performance.keys().any(|k| k.0 == year));
        }
        let two_year = |g| t.disciplinary_in(2024, g) + t.disciplinary_in(2025, g);
        let rl = rate(two_year(Ethnicity::Bme), t.headcount_of_ethnicity(Ethnicity::Bme))
            / rate(two_year(Ethnicity::White), t.headcount_of_ethnicity(Ethnicity::White));
        assert!((1.0..1.8).contains(&rl), "seed {seed}: WRES 3 RL {rl:.2}");
        let accessed = rate(t.training_accessed.values().sum(), t.headcount);
        assert!((0.33..0.47).contains(&accessed), "seed {seed}: training {accessed:.3}");
        assert!(t.cases_other_type > 0 && t.cases_outside_window > 0 && t.cases_not_in_workforce > 0);
        assert!(t.training_mandatory > 0 && t.training_outside_year > 0 && t.training_not_in_workforce > 0);
        assert_eq!(t.rows.board, 14);
    }
}

fn total_size(paths: &[std::path::PathBuf]) -> u64 {
    paths.iter().map(|p| std::fs::metadata(p).unwrap().len()).sum()
}

#[test]
fn default_trust_is_under_one_megabyte_in_both_presentations() {
    for presentation in [Presentation::Standard, Presentation::Alternative] {
        let dir = tempfile::tempdir().unwrap();
        let trust = generate(&SampleOptions { presentation, ..Default::default() });
        let size = total_size(&write(&trust, dir.path()).unwrap());
        assert!(size < 1_000_000, "{presentation:?}: {size} bytes");
    }
}

#[test]
fn command_writes_and_lists_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("new").join("trust");
    let output = Command::new(env!("CARGO_BIN_EXE_wres-wdes"))
        .args(["sample", "--out-dir"])
        .arg(&out)
        .args(["--staff", "150", "--seed", "4"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 7);
    for (line, name) in lines.iter().zip(Presentation::Standard.file_names()) {
        assert!(line.ends_with(name), "{line}");
        assert!(Path::new(line).is_file());
    }
    // Same bytes as the library writes.
    let lib = tempfile::tempdir().unwrap();
    let trust = generate(&SampleOptions { staff: 150, seed: 4, presentation: Presentation::Standard });
    for p in write(&trust, lib.path()).unwrap() {
        let name = p.file_name().unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), std::fs::read(out.join(name)).unwrap(), "{name:?}");
    }
}

#[test]
fn command_reports_an_unwritable_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_wres-wdes"))
        .args(["sample", "--out-dir"])
        .arg(file.join("sub"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

/// `fixtures/example-trust` is `wres-wdes sample --out-dir fixtures/example-trust` (2000 staff, seed 1): under
/// 1 MB in all, and up to date with the generator.
#[test]
fn example_trust_fixture_is_current_and_small() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("example-trust");
    let dir = tempfile::tempdir().unwrap();
    let paths = write(&generate(&SampleOptions::default()), dir.path()).unwrap();
    let mut size = 0;
    for p in &paths {
        let name = p.file_name().unwrap();
        let committed = std::fs::read(fixture.join(name)).unwrap_or_default();
        size += committed.len();
        assert!(
            committed == std::fs::read(p).unwrap(),
            "fixtures/example-trust/{} is out of date: run `cargo run -- sample --out-dir fixtures/example-trust --force`",
            name.to_string_lossy()
        );
    }
    assert!(size < 1_000_000, "example trust is {size} bytes");
}
