//! Nothing but its tests (`tests/serde_json.rs`): a crate that depends on report-core and
//! report-typst with every feature on, as an embedder's would, and checks that its own
//! serde_json still behaves as serde_json documents it (no feature of ours changes it),
//! and that Typst's `json()` inside the renderer's sandbox reads floats as floats.
//!
//! Built alone (`cargo test -p report-embedder-tests`), Cargo resolves the features of
//! this crate's dependencies only, exactly as in an embedder's build.
