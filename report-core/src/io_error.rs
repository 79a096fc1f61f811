//! An operating-system error kept whole inside this crate's errors, which are `Clone` and
//! `PartialEq`: the [`std::io::ErrorKind`] and the system's message stay readable, and
//! [`std::error::Error::source`] reaches the original.

use std::fmt;
use std::sync::Arc;

/// A shared [`std::io::Error`]: cloning shares it; two are equal when their kinds and
/// messages are.
#[derive(Debug, Clone)]
pub struct IoError(Arc<std::io::Error>);

impl IoError {
    /// What kind of error it is (`NotFound`, `PermissionDenied`, …).
    pub fn kind(&self) -> std::io::ErrorKind {
        self.0.kind()
    }

    /// The original error.
    pub fn get(&self) -> &std::io::Error {
        &self.0
    }

    /// The error as a reader of `lang` is told it ([`crate::l10n::io_reason`]).
    pub fn reason(&self, lang: crate::l10n::Lang) -> String {
        crate::l10n::io_reason(lang, &self.0)
    }
}

impl From<std::io::Error> for IoError {
    fn from(error: std::io::Error) -> Self {
        IoError(Arc::new(error))
    }
}

impl PartialEq for IoError {
    fn eq(&self, other: &Self) -> bool {
        self.kind() == other.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for IoError {}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for IoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}
