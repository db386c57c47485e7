//! A system of five sample trusts whose WRES 2 (and WDES 2) counts are planted, one far above the others, and a
//! sixth that fails to run: shared by the roll-up test (`batch.rs`, where every figure is worked by hand) and the
//! system pack's tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use wres_wdes::synthetic::{generate, write, Presentation, SampleOptions};

/// White appointed of shortlisted, BME appointed of shortlisted, for trusts R01-R05 (R05 the outlier).
pub const PLANTED: [(u64, u64, u64, u64); 5] = [
    (1000, 4000, 400, 2500),
    (900, 3000, 360, 2000),
    (1200, 5000, 500, 3000),
    (800, 4000, 300, 2000),
    (300, 600, 30, 400),
];

/// Writes the system under `root` and returns its manifest: trusts `trust1` to `trust5` (codes R01-R05, names
/// `Trust 1` to `Trust 5`) with the planted recruitment counts, WDES 2 at 300 of 900 against 20 of 100 (no
/// Disabled appointment at R03), and `missing/trust.toml`, which does not exist.
pub fn planted_system(root: &Path) -> PathBuf {
    let mut manifest = String::from("[system]\nname = \"Funnel ICS\"\n");
    for (i, (a, n1, c, n2)) in PLANTED.iter().enumerate() {
        let n = i + 1;
        let dir = root.join(format!("trust{n}"));
        let trust =
            generate(&SampleOptions { staff: 200 + 20 * n, seed: n as u64, presentation: Presentation::Standard });
        write(&trust, &dir).unwrap();
        let config = std::fs::read_to_string(dir.join("trust.toml")).unwrap();
        let config = config
            .replacen("code = \"RXX\"", &format!("code = \"R0{n}\""), 1)
            .lines()
            .map(|l| if l.starts_with("name = ") { format!("name = \"Trust {n}\"") } else { l.to_string() })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(config.contains(&format!("code = \"R0{n}\"")), "{config}");
        std::fs::write(dir.join("trust.toml"), config).unwrap();
        let disabled_appointed = if n == 3 { 0 } else { 20 };
        std::fs::write(
            dir.join("recruitment.csv"),
            format!(
                "Group,Shortlisted,Appointed\nWhite,{n1},{a}\nBME,{n2},{c}\nDisabled,100,{disabled_appointed}\n\
                 Non-disabled,900,300\n"
            ),
        )
        .unwrap();
        manifest.push_str(&format!("[[trust]]\nconfig = \"trust{n}/trust.toml\"\n"));
    }
    manifest.push_str("[[trust]]\nconfig = \"missing/trust.toml\"\n");
    let path = root.join("trusts.toml");
    std::fs::write(&path, manifest).unwrap();
    path
}

/// Runs `batch` on `manifest` into `out` (with `--workbooks` when `workbooks`); the missing trust makes it exit 1.
pub fn run_batch(manifest: &Path, out: &Path, workbooks: bool) {
    let mut cmd = Command::cargo_bin("wres-wdes").unwrap();
    cmd.args(["batch", "-q", "--manifest"]).arg(manifest).arg("--out-dir").arg(out);
    if workbooks {
        cmd.arg("--workbooks");
    }
    let o = cmd.output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
}
