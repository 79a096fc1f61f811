//! A diagnostic with its place in the document it concerns: one generic type for every
//! reader, a data file's ([`crate::datafile::Located`], placed by line and column) and a
//! published report's (`import::Located`, placed by source line, Word paragraph or PDF
//! page, and table cell).

use std::fmt;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::l10n::Lang;

/// A place in a document that a diagnostic can be put at, written in a language.
pub trait Place {
    /// The place as printed after the rule: `12:5` in a data file, `源码第 812 行，
    /// 表2第5行第3列` in a page.
    fn in_lang(&self, lang: Lang) -> String;
}

/// A diagnostic and, when it could be placed, where it is in its document.
///
/// It reads as its diagnostic (`located.rule`, `located.is_error()`), and is serialised
/// as the diagnostic's fields followed by `place`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located<P> {
    /// The diagnostic.
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    /// Where in the document, when the problem is at a place of it (a computed total or
    /// a missing cell of a data file is placed at the nearest enclosing key that is).
    pub place: Option<P>,
}

impl<P> Located<P> {
    /// `diagnostic` at `place`.
    pub fn new(diagnostic: Diagnostic, place: Option<P>) -> Self {
        Located { diagnostic, place }
    }
}

impl<P: Place> Located<P> {
    /// The diagnostic on one line in `lang`, its place after the rule:
    /// `错误[T4-A] 12:5 行政复议 / 总计：…；提示：…`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let at = self.place.as_ref().map(|p| p.in_lang(lang));
        self.diagnostic.in_lang(lang).at(at.as_deref()).to_string()
    }
}

impl<P> std::ops::Deref for Located<P> {
    type Target = Diagnostic;

    fn deref(&self) -> &Diagnostic {
        &self.diagnostic
    }
}

impl<P: Place> fmt::Display for Located<P> {
    /// In English: `error[T4-A] 12:5 行政复议 / 总计: … (expected 10, found 0); hint: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.place.as_ref().map(|p| p.in_lang(Lang::En));
        self.diagnostic.write(f, at.as_deref())
    }
}
