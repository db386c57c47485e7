//! A system of trusts for `batch` tests, written as files in a folder with its manifest: sample trusts (each in
//! its own folder, `trustN/`), and a trust that fails.

#![allow(dead_code)]

use std::path::Path;

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
