//! The sample trust is deterministic: same options, same bytes; another seed, other bytes.

use std::path::Path;

use wres_wdes::synthetic::{generate, write, Presentation, SampleOptions};

fn write_to(dir: &Path, staff: usize, seed: u64, presentation: Presentation) -> Vec<(String, Vec<u8>)> {
    let trust = generate(&SampleOptions { staff, seed, presentation });
    write(&trust, dir)
        .expect("write")
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).expect("read")))
        .collect()
}

#[test]
fn same_seed_gives_identical_bytes_in_every_presentation() {
    for presentation in [Presentation::Standard, Presentation::Alternative, Presentation::Messy] {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let first = write_to(a.path(), 500, 42, presentation);
        let second = write_to(b.path(), 500, 42, presentation);
        assert_eq!(first.len(), 7);
        for ((name_a, bytes_a), (name_b, bytes_b)) in first.iter().zip(&second) {
            assert_eq!(name_a, name_b);
            assert!(bytes_a == bytes_b, "{name_a} differs between two runs with the same seed");
        }
    }
}

#[test]
fn different_seeds_give_different_files() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first = write_to(a.path(), 500, 1, Presentation::Standard);
    let second = write_to(b.path(), 500, 2, Presentation::Standard);
    for ((name, bytes_a), (_, bytes_b)) in first.iter().zip(&second) {
        if name == "trust.toml" {
            assert_eq!(bytes_a, bytes_b, "the config does not depend on the seed");
        } else {
            assert!(bytes_a != bytes_b, "{name} is the same for seeds 1 and 2");
        }
    }
}

#[test]
fn presentation_changes_spelling_not_content() {
    let standard = generate(&SampleOptions { staff: 800, seed: 3, presentation: Presentation::Standard });
    let alternative = generate(&SampleOptions { staff: 800, seed: 3, presentation: Presentation::Alternative });
    assert_eq!(standard.truth(), alternative.truth());
    let relabelled = generate(&SampleOptions { staff: 800, seed: 3, ..Default::default() })
        .with_presentation(Presentation::Alternative);
    assert_eq!(relabelled.options().presentation, Presentation::Alternative);
    assert_eq!(relabelled.truth(), standard.truth());
}

#[test]
fn overwriting_an_earlier_sample_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let first = write_to(dir.path(), 200, 9, Presentation::Standard);
    let second = write_to(dir.path(), 200, 9, Presentation::Standard);
    assert_eq!(first, second);
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 7);
}
