//! A system of trusts for `batch` tests, written as files in a folder with its manifest: sample trusts (each in
//! its own folder, `trustN/`), and a trust that fails; and the planted system of five trusts, one far above the
//! others on WRES 2, shared by the roll-up test (`batch.rs`, where every figure is worked by hand) and the system
//! pack's tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use wres_wdes::synthetic::{generate, write, Presentation, SampleOptions};

/// A manifest under way: the system's name, then one `[[trust]]` a trust added.
pub struct System {
    manifest: String,
}

impl System {
    /// A system named `name`.
    pub fn new(name: &str) -> System {
        System { manifest: format!("[system]\nname = \"{name}\"\n") }
    }

    /// Writes the sample trust of `seed` with `staff` people in `root/trust{seed}` and adds it.
    pub fn sample(&mut self, root: &Path, seed: u64, staff: usize) {
        let trust = generate(&SampleOptions { staff, seed, presentation: Presentation::Standard });
        write(&trust, &root.join(format!("trust{seed}"))).unwrap();
        self.add(&format!("trust{seed}/trust.toml"));
    }

    /// Writes a trust whose staff file has no pay band column in `root/broken` and adds it: it fails with exit 3
    /// (`no column for 'pay_band'`) and the others carry on.
    pub fn broken(&mut self, root: &Path) {
        let dir = root.join("broken");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("staff.csv"), "Employee Number,Ethnic Origin,Staff Group\n1,A,Medical and Dental\n")
            .unwrap();
        std::fs::write(dir.join("trust.toml"), "[period]\nyear = 2025\n[inputs]\nstaff = \"staff.csv\"\n").unwrap();
        self.add("broken/trust.toml");
    }

    /// Adds the trust of a config file (as the manifest names it).
    pub fn add(&mut self, config: &str) {
        self.manifest.push_str(&format!("[[trust]]\nconfig = \"{config}\"\n"));
    }

    /// Writes the manifest as `root/trusts.toml`.
    pub fn write_manifest(&self, root: &Path) {
        std::fs::write(root.join("trusts.toml"), &self.manifest).unwrap();
    }
}

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
    let mut system = System::new("Funnel ICS");
    for (i, (a, n1, c, n2)) in PLANTED.iter().enumerate() {
        let n = i + 1;
        system.sample(root, n as u64, 200 + 20 * n);
        let dir = root.join(format!("trust{n}"));
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
    }
    system.add("missing/trust.toml");
    system.write_manifest(root);
    root.join("trusts.toml")
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
