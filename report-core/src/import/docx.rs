//! docx documents read into blocks (issue 27; the reader is being written on its branch).

use super::ImportError;
use super::blocks::{Document, Format};

/// Reads a docx document into blocks: not yet, so it is refused as unreadable.
pub(crate) fn read(_bytes: &[u8]) -> Result<Document, ImportError> {
    Err(ImportError::Unreadable {
        format: Format::Docx,
        why: crate::diagnostic::Text {
            id: "import-format-not-built",
            args: vec![crate::l10n::arg("format", Format::Docx.name())],
        },
    })
}
