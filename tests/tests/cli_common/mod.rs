//! Shared by the CLI tests: the `govreport` binary, built fresh once per test process.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;

/// The workspace's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The seed report's data file.
pub fn seed() -> PathBuf {
    root().join("examples/data/wendeng_2023.toml")
}

/// The path of the `govreport` binary of this build profile.
///
/// The binary belongs to `report-typst`, so `cargo test -p report-tests` does not build it
/// by itself: it is built here once (a no-op when it is fresh), with the cargo that runs
/// the tests, into the same target folder. The build selects what `cargo test --workspace`
/// selects (every package, with test targets, so dev-dependencies count) so that cargo
/// unifies the same features and reuses the Typst stack the tests were built with, instead
/// of compiling it a second time for the binary alone.
pub fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test's own path");
        // target/<profile>/deps/<test> → target/<profile>
        let profile_dir = exe.parent().and_then(Path::parent).expect("target/<profile>");
        let release = profile_dir.file_name().is_some_and(|n| n == "release");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut build = std::process::Command::new(cargo);
        build.args(["build", "--quiet", "--workspace", "--bins", "--tests"]);
        if release {
            build.arg("--release");
        }
        if let Some(target) = profile_dir.parent() {
            build.arg("--target-dir").arg(target);
        }
        let status = build.status().expect("cargo runs");
        assert!(status.success(), "building govreport failed");
        profile_dir.join(format!("govreport{}", std::env::consts::EXE_SUFFIX))
    })
}

/// A command running `govreport`.
///
/// The locale is cleared, so that the messages are English (the default) whatever the
/// machine's `LANG`; a test asks for Chinese with `LANG` or `--lang zh` itself.
pub fn govreport() -> Command {
    let mut command = Command::new(binary());
    command.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    command
}
