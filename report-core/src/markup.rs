//! The safe builder of Typst code: user text only ever enters as an escaped string literal.
//!
//! Everything the renderer hands to Typst is a [`Code`] value: a Typst *code-mode*
//! expression. A `Code` can be made only by the functions of this module, and none of
//! them copies text into the output unescaped, except [`Code::trusted`], which takes a
//! `&'static str` (text written into this program, never read at run time) and is easy
//! to search for. User text becomes a string literal ([`Code::str`]): Typst shows a string
//! as the characters it holds, so no markup, function call or path in it is ever executed.
//!
//! The table-cell syntax (`table.cell(colspan: …, rowspan: …, …)`) is owned by
//! [`cell`]: every table of the report goes through it.

use std::fmt::{self, Write as _};

use crate::numbering::split_ordinal;
use crate::table::Align;
use crate::table::{CellKind, Grid, GridCell, HeaderScope};

/// A Typst code-mode expression, built only from escaped data and trusted constants.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Code(String);

impl Code {
    /// A string literal holding `text` exactly: `\`, `"` and every control or
    /// invisible formatting character are escaped, so the literal can neither end early
    /// nor be read as anything but data.
    pub fn str(text: &str) -> Code {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        for c in text.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if needs_unicode_escape(c) => {
                    let _ = write!(out, "\\u{{{:x}}}", c as u32);
                }
                c => out.push(c),
            }
        }
        out.push('"');
        Code(out)
    }

    /// An integer literal.
    pub fn int(value: u64) -> Code {
        // Typst integers are i64; larger counts are printed as text so nothing overflows.
        if value <= i64::MAX as u64 {
            Code(value.to_string())
        } else {
            Code::str(&value.to_string())
        }
    }

    /// A boolean literal.
    pub fn bool(value: bool) -> Code {
        Code(if value { "true" } else { "false" }.to_owned())
    }

    /// The value `none`.
    pub fn none() -> Code {
        Code("none".to_owned())
    }

    /// Code written into this program. The `'static` bound keeps run-time text out:
    /// user input can never reach this function. Search for `Code::trusted` to audit.
    pub fn trusted(code: &'static str) -> Code {
        Code(code.to_owned())
    }

    /// A length in points, e.g. `12pt`.
    pub fn pt(value: f64) -> Code {
        assert!(value.is_finite(), "lengths are computed by the program, never NaN");
        Code(format!("{value}pt"))
    }

    /// An array literal `(a, b, …)`; a one-element array keeps its trailing comma.
    pub fn array(items: impl IntoIterator<Item = Code>) -> Code {
        let items: Vec<Code> = items.into_iter().collect();
        let mut out = String::from("(");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&item.0);
        }
        if items.len() == 1 {
            out.push(',');
        }
        out.push(')');
        Code(out)
    }

    /// A dictionary literal `(key: value, …)`; keys are identifiers of this program.
    pub fn dict(entries: impl IntoIterator<Item = (&'static str, Code)>) -> Code {
        let mut out = String::from("(");
        let mut empty = true;
        for (key, value) in entries {
            debug_assert!(
                is_identifier(key),
                "dictionary key {key:?} is not an identifier"
            );
            if !empty {
                out.push_str(", ");
            }
            empty = false;
            out.push_str(key);
            out.push_str(": ");
            out.push_str(&value.0);
        }
        if empty {
            out.push(':');
        }
        out.push(')');
        Code(out)
    }

    /// A call `function(positional…, name: value…)` of a function named in this program.
    pub fn call(
        function: &'static str,
        positional: impl IntoIterator<Item = Code>,
        named: impl IntoIterator<Item = (&'static str, Code)>,
    ) -> Code {
        debug_assert!(
            function.split('.').all(is_identifier),
            "function name {function:?} is not a path of identifiers"
        );
        let mut out = String::from(function);
        out.push('(');
        let mut first = true;
        for arg in positional {
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(&arg.0);
        }
        for (name, arg) in named {
            debug_assert!(
                is_identifier(name),
                "argument name {name:?} is not an identifier"
            );
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(name);
            out.push_str(": ");
            out.push_str(&arg.0);
        }
        out.push(')');
        Code(out)
    }

    /// The expression as Typst source text (code mode).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The expression as Typst source text (code mode).
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A table label as cell content.
///
/// A short label under a parenthesised ordinal, such as （三）不予公开 or （六）其他处理,
/// keeps its words together: in a narrow column it breaks after the ordinal
/// (（三） / 不予公开), never inside the words (（三）不 / 予公开); where the column is
/// wide enough it stays on one line. Other labels are plain strings. Either way the text
/// is only ever string literals.
///
/// ```
/// use report_core::markup::label;
/// assert_eq!(label("（三）不予公开").as_str(), r#"("（三）" + box("不予公开"))"#);
/// assert_eq!(label("1.属于国家秘密").as_str(), r#""1.属于国家秘密""#);
/// ```
pub fn label(text: &str) -> Code {
    match split_ordinal(text) {
        Some((ordinal, words)) => Code(format!(
            "({} + {})",
            Code::str(ordinal),
            Code::call("box", [Code::str(words)], [])
        )),
        None => Code::str(text),
    }
}

/// One table cell: `table.cell(colspan: c, rowspan: r, align: …, body)`.
///
/// This is the only place that writes the cell syntax. `body` is any code expression
/// (usually a [`Code::str`]); spans of 1 are left out.
pub fn cell(body: Code, colspan: u32, rowspan: u32, align: Align) -> Code {
    let mut named: Vec<(&'static str, Code)> = Vec::new();
    if colspan != 1 {
        named.push(("colspan", Code::int(u64::from(colspan))));
    }
    if rowspan != 1 {
        named.push(("rowspan", Code::int(u64::from(rowspan))));
    }
    named.push((
        "align",
        match align {
            Align::Center => Code::trusted("center + horizon"),
            Align::Left => Code::trusted("left + horizon"),
        },
    ));
    Code::call("table.cell", [body], named)
}

/// A cell outside `table.header` that is a header cell all the same (a row label, a
/// block's head in section 二): `pdf.header-cell(scope: …, cell)`, so the tagged PDF
/// marks it `TH` with its scope. It changes no layout. (The function needs Typst's
/// `a11y-extras` feature, which the renderer's library enables.)
pub fn header_cell(cell: Code, scope: HeaderScope) -> Code {
    let scope = match scope {
        HeaderScope::Column => Code::trusted("\"column\""),
        HeaderScope::Row => Code::trusted("\"row\""),
    };
    Code::call("pdf.header-cell", [cell], [("scope", scope)])
}

fn needs_unicode_escape(c: char) -> bool {
    c.is_control()
        || matches!(c as u32,
            0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl Grid {
    /// The table as Typst code: `table(table.header(…), cells…, columns: …)`.
    ///
    /// Cells are written in row-major order of their top-left corners, which is where
    /// Typst's automatic placement puts them in a grid they tile; the header rows go
    /// into `table.header` so they repeat after a page break. Every other header cell
    /// ([`Grid::header_scope`]) is marked one for the PDF's structure tags
    /// ([`header_cell`]), so that screen readers find every label's scope.
    pub fn to_code(&self) -> Code {
        let mut cells: Vec<&GridCell> = self.cells.iter().collect();
        cells.sort_by_key(|c| (c.row, c.col));
        let to_code = |c: &GridCell| {
            let body = match c.kind {
                CellKind::Label => label(&c.text),
                CellKind::Value => Code::str(&c.text),
            };
            let cell = cell(body, c.colspan, c.rowspan, c.align);
            match self.header_scope(c) {
                Some(scope) if c.row >= self.header_rows => header_cell(cell, scope),
                _ => cell,
            }
        };
        let split = cells.partition_point(|c| c.row < self.header_rows);
        let mut positional = Vec::with_capacity(cells.len() - split + 1);
        if split > 0 {
            positional.push(Code::call(
                "table.header",
                cells[..split].iter().map(|c| to_code(c)),
                [],
            ));
        }
        positional.extend(cells[split..].iter().map(|c| to_code(c)));
        let columns = match self.widths {
            Some(widths) => Code::trusted(widths),
            None => Code::int(u64::from(self.columns)),
        };
        Code::call("table", positional, [("columns", columns)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_labels_under_an_ordinal_are_kept_together() {
        let kept = |t: &str| label(t).as_str().contains("box(");
        for t in [
            "（三）不予公开",
            "（四）无法提供",
            "（六）其他处理",
            "（七）总计",
            "（十二）其他",
        ] {
            assert!(kept(t), "{t}");
        }
        for t in [
            "（一）予以公开其他信息",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "（三）",
            "（a）不予公开",
            "三、本年度办理结果",
            "1.属于国家秘密",
            "（三）不予公开\"",
        ] {
            assert!(!kept(t), "{t}");
        }
        // The parts are string literals like any other text.
        assert_eq!(label("（三）不予公开").as_str(), r#"("（三）" + box("不予公开"))"#);
    }

    #[test]
    fn string_literal_escapes_quotes_backslashes_and_controls() {
        assert_eq!(Code::str(r#"a"b\c"#).as_str(), r#""a\"b\\c""#);
        assert_eq!(Code::str("x\ny\u{7}\u{202E}").as_str(), r#""x\ny\u{7}\u{202e}""#);
        assert_eq!(
            Code::str("#read(\"/etc/passwd\")").as_str(),
            r##""#read(\"/etc/passwd\")""##
        );
    }

    #[test]
    fn arrays_and_dicts_are_well_formed() {
        assert_eq!(Code::array([Code::int(1)]).as_str(), "(1,)");
        assert_eq!(Code::array([]).as_str(), "()");
        assert_eq!(Code::dict([]).as_str(), "(:)");
        assert_eq!(Code::dict([("a", Code::str("b"))]).as_str(), r#"(a: "b")"#);
    }

    #[test]
    fn cell_writes_spans_only_when_merged() {
        assert_eq!(
            cell(Code::str("x"), 3, 1, Align::Center).as_str(),
            r#"table.cell("x", colspan: 3, align: center + horizon)"#
        );
        assert_eq!(
            cell(Code::str("y"), 1, 2, Align::Left).as_str(),
            r#"table.cell("y", rowspan: 2, align: left + horizon)"#
        );
    }
}
