//! `batch` on five sample trusts (and one broken one): every good trust gets its outputs, the broken one is
//! reported and sets the exit code, and the system roll-up's pooled counts equal the sums of the trusts' JSON,
//! with the Mantel-Haenszel ratio recomputed here by hand from the trusts' counts.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use wres_wdes::synthetic::{generate, write, Presentation, SampleOptions};

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))).unwrap()
}

fn group(groups: &Value, label: &str) -> (f64, f64) {
    let g = groups.as_array().unwrap().iter().find(|g| g["group"] == label).unwrap();
    (g["events"].as_f64().unwrap(), g["total"].as_f64().unwrap())
}

#[test]
fn five_trusts_and_a_system_roll_up() {
    let root = tempfile::tempdir().unwrap();
    let mut manifest = String::from("[system]\nname = \"Test ICS\"\n");
    for seed in 1..=5u64 {
        let dir = root.path().join(format!("trust{seed}"));
        let trust =
            generate(&SampleOptions { staff: 300 + 50 * seed as usize, seed, presentation: Presentation::Standard });
        write(&trust, &dir).unwrap();
        manifest.push_str(&format!("[[trust]]\nconfig = \"trust{seed}/trust.toml\"\n"));
    }
    // A sixth trust whose staff file has no pay band column: it fails with exit 3, the others carry on.
    let broken = root.path().join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("staff.csv"), "Employee Number,Ethnic Origin,Staff Group\n1,A,Medical and Dental\n")
        .unwrap();
    std::fs::write(broken.join("trust.toml"), "[period]\nyear = 2025\n[inputs]\nstaff = \"staff.csv\"\n").unwrap();
    manifest.push_str("[[trust]]\nconfig = \"broken/trust.toml\"\n");
    std::fs::write(root.path().join("trusts.toml"), manifest).unwrap();

    let out_dir = root.path().join("out");
    let out = Command::cargo_bin("wres-wdes")
        .unwrap()
        .args(["batch", "--manifest"])
        .arg(root.path().join("trusts.toml"))
        .arg("--out-dir")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken/trust.toml"));
    // Each trust done says what it computed, and what it left out.
    assert!(
        stderr.contains("trust1/trust.toml: 23 of 23 indicators and metrics computed\n  data quality:"),
        "{stderr}"
    );

    let summary = read(&out_dir.join("batch-summary.json"));
    let summary = summary.as_array().unwrap();
    assert_eq!(summary.len(), 6);
    assert_eq!(summary.iter().filter(|t| t["status"] == "ok").count(), 5);
    let failed = summary.iter().find(|t| t["status"] == "failed").unwrap();
    assert_eq!(failed["exit_code"], 3);
    assert!(failed["error"].as_str().unwrap().contains("pay_band"));

    let trusts: Vec<Value> = summary
        .iter()
        .filter(|t| t["status"] == "ok")
        .map(|t| {
            let json =
                t["outputs"].as_array().unwrap().iter().find(|o| o.as_str().unwrap().ends_with(".json")).unwrap();
            read(Path::new(json.as_str().unwrap()))
        })
        .collect();
    assert_eq!(trusts.len(), 5);
    let rollup = read(&out_dir.join("system-rollup.json"));
    assert_eq!(rollup["name"], "Test ICS");

    // Pooled counts equal the sums of the trusts' JSON, and the pooled ratio is their ratio.
    for rl in rollup["relative_likelihoods"].as_array().unwrap() {
        let id = rl["id"].as_str().unwrap();
        let of = |t: &Value| t["indicators"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap().clone();
        let num = rl["pooled"]["numerator_group"].as_str().unwrap();
        let den = rl["pooled"]["denominator_group"].as_str().unwrap();
        let mut sums = [(0.0, 0.0); 2];
        let (mut r, mut s) = (0.0, 0.0);
        for t in &trusts {
            let i = of(t);
            let (a, n1) = group(&i["groups"], num);
            let (c, n2) = group(&i["groups"], den);
            sums[0].0 += a;
            sums[0].1 += n1;
            sums[1].0 += c;
            sums[1].1 += n2;
            r += a * n2 / (n1 + n2);
            s += c * n1 / (n1 + n2);
        }
        assert_eq!(group(&rl["groups"], num), sums[0], "{id} {num}");
        assert_eq!(group(&rl["groups"], den), sums[1], "{id} {den}");
        let pooled = (sums[0].0 / sums[0].1) / (sums[1].0 / sums[1].1);
        assert!(
            (rl["pooled"]["value"].as_f64().unwrap() - pooled).abs() <= 1e-12 * pooled,
            "{id} pooled {} vs {pooled}: {}",
            rl["pooled"],
            rl["groups"]
        );
        let mh = rl["mantel_haenszel"]["value"].as_f64().unwrap();
        assert!((mh - r / s).abs() <= 1e-12 * mh, "{id} Mantel-Haenszel {mh} vs {}", r / s);
        assert_eq!(rl["trusts_used"], 5);
    }
    // Representation: the roll-up's overall headcount is the sum of the trusts'.
    let overall = |rows: &Value| -> u64 {
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["workforce"] == "overall")
            .map(|r| r["count"].as_u64().unwrap())
            .sum()
    };
    let wres1_rows =
        |t: &Value| t["indicators"].as_array().unwrap().iter().find(|i| i["id"] == "WRES1").unwrap()["rows"].clone();
    let total: u64 = trusts.iter().map(|t| overall(&wres1_rows(t))).sum();
    let wres1 = rollup["representation"].as_array().unwrap().iter().find(|r| r["id"] == "WRES1").unwrap();
    assert_eq!(overall(&wres1["rows"]), total);
    assert_eq!(total, (1..=5).map(|s| 300 + 50 * s).sum::<u64>());
}
