//! `docs/inputs.md` is made from the readers' own tables (`wres-wdes columns` and `wres-wdes codes`), so it says
//! what the tool reads. After changing a reader, a classifier or indicators/survey.toml, regenerate it with
//!
//!     UPDATE_DOCS=1 cargo test --test inputs_doc

#[test]
fn docs_inputs_is_the_readers_tables() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/inputs.md");
    let made = wres_wdes::commands::reference::inputs_doc().unwrap() + "\n";
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &made).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == made,
        "docs/inputs.md differs from the readers' tables: run `UPDATE_DOCS=1 cargo test --test inputs_doc` and \
         commit the file"
    );
}
