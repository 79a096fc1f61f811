//! Shared by the CLI tests: the `govreport` binary cargo built for them, and the paths of
//! the workspace's fixtures.

#![allow(dead_code)]

use assert_cmd::Command;

pub use report_tests::{root, seed};

/// A command running `govreport`, the binary of this package that cargo builds before it
/// runs the tests (`CARGO_BIN_EXE_govreport`).
///
/// The locale is cleared, so that the messages are English (the default) whatever the
/// machine's `LANG`; a test asks for Chinese with `LANG` or `--lang zh` itself.
pub fn govreport() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_govreport"));
    command.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    command
}
