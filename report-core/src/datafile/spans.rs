//! Where each value of a data file is: a tree of keys and values with their byte spans,
//! from toml's spanned parse or from a small JSON scanner, and the lookup of a path in it.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::labels::{Resolved, canonical_label, resolve_label};

pub use crate::fields::Seg;

/// A value with its span, and for objects the span of each key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The bytes of the value.
    pub span: Range<usize>,
    /// What it is.
    pub kind: Kind,
}

/// The kind of a [`Node`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// An object: keys (with their spans) and values.
    Map(Vec<(String, Range<usize>, Node)>),
    /// A list.
    List(Vec<Node>),
    /// A string, number, boolean, date or null.
    Scalar,
    /// A TOML float (`3.0`): never a count, though serde would read `3.0` as `3`.
    Float,
}

/// The entry of `entries` whose key is `key` as the readers read it: written exactly so,
/// else as a variant of it, else as its 2019 name or one edit from it
/// ([`crate::labels::resolve_label`] against `key` alone), in that order. So a problem
/// of a cell under `规范性文件` or `先行有效件数` is placed where that key is written.
fn entry<'a>(
    entries: &'a [(String, Range<usize>, Node)],
    key: &str,
) -> Option<&'a (String, Range<usize>, Node)> {
    let canonical = canonical_label(key);
    entries
        .iter()
        .find(|(k, _, _)| k == key)
        .or_else(|| entries.iter().find(|(k, _, _)| canonical_label(k) == canonical))
        .or_else(|| {
            entries.iter().find(|(k, _, _)| {
                matches!(
                    resolve_label(k, &[key]),
                    Resolved::Format2019(Some(_)) | Resolved::Misspelt(_)
                )
            })
        })
}

/// The span of the value at `path`, or, if it is an object or list, of its key; `None`
/// if the path is not in the file. Keys match as the readers read them ([`entry`]).
pub fn locate(root: &Node, path: &[Seg]) -> Option<Range<usize>> {
    let mut node = root;
    let mut key_span = None;
    for seg in path {
        match (seg, &node.kind) {
            (Seg::Key(key), Kind::Map(entries)) => {
                let found = entry(entries, key)?;
                key_span = Some(found.1.clone());
                node = &found.2;
            }
            (Seg::Index(i), Kind::List(items)) => {
                node = items.get(*i)?;
                key_span = None;
            }
            _ => return None,
        }
    }
    match (&node.kind, key_span) {
        (Kind::Scalar | Kind::Float, _) | (_, None) => Some(node.span.clone()),
        (_, Some(key)) => Some(key),
    }
}

/// The span of the last key of `path` (of the value, if the path ends in a list index).
pub fn locate_key(root: &Node, path: &[Seg]) -> Option<Range<usize>> {
    let (last, parent) = path.split_last()?;
    match (last, &find(root, parent)?.kind) {
        (Seg::Key(_), Kind::Map(entries)) => {
            let Seg::Key(key) = last else { return None };
            Some(entry(entries, key)?.1.clone())
        }
        _ => locate(root, path),
    }
}

/// The node at `path` (keys matched as in [`locate`]).
pub fn find<'a>(root: &'a Node, path: &[Seg]) -> Option<&'a Node> {
    let mut node = root;
    for seg in path {
        node = match (seg, &node.kind) {
            (Seg::Key(key), Kind::Map(entries)) => &entry(entries, key)?.2,
            (Seg::Index(i), Kind::List(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The byte offset of a 1-based line and a 1-based column counted in bytes, as
/// serde_json reports them (clamped to the line).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    let len = rest.find('\n').unwrap_or(rest.len());
    start + column.saturating_sub(1).min(len)
}

/// Parses TOML into a spanned tree; `Err` with toml's message and span.
pub fn parse_toml(text: &str) -> Result<Node, (String, Option<Range<usize>>)> {
    let table =
        DeTable::parse(text).map_err(|e| (e.message().trim().to_owned(), e.span()))?;
    let span = table.span();
    Ok(Node { span, kind: toml_table(table.get_ref()) })
}

fn toml_table(table: &DeTable<'_>) -> Kind {
    Kind::Map(
        table
            .iter()
            .map(|(k, v)| {
                (k.get_ref().to_string(), k.span(), toml_value(v.get_ref(), v.span()))
            })
            .collect(),
    )
}

fn toml_value(value: &DeValue<'_>, span: Range<usize>) -> Node {
    let kind = match value {
        DeValue::Table(t) => toml_table(t),
        DeValue::Array(a) => {
            Kind::List(a.iter().map(|v| toml_value(v.get_ref(), v.span())).collect())
        }
        DeValue::Float(_) => Kind::Float,
        _ => Kind::Scalar,
    };
    Node { span, kind }
}

/// How deep JSON may nest (serde_json's own limit).
const MAX_DEPTH: usize = 128;

/// Parses JSON into a spanned tree; `Err` with serde_json's message and position.
pub fn parse_json(text: &str) -> Result<Node, (String, Option<Range<usize>>)> {
    // serde_json decides what is valid JSON, and says where it is not.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let offset = offset_of(text, e.line().max(1), e.column());
        let message = e.to_string();
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_owned(),
            None => message,
        };
        return Err((message, Some(offset..offset)));
    }
    let mut scanner = Scanner { text: text.as_bytes(), at: 0 };
    match scanner.value(0) {
        Some(node) => Ok(node),
        None => Err((
            format!("the JSON nests deeper than {MAX_DEPTH} levels"),
            Some(scanner.at..scanner.at),
        )),
    }
}

/// A scanner of JSON already known to be valid: it only records spans.
struct Scanner<'a> {
    text: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while self.text.get(self.at).is_some_and(|b| b" \t\r\n".contains(b)) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn string(&mut self) -> Option<Range<usize>> {
        let start = self.at;
        self.at += 1;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(start..self.at);
                }
                _ => self.at += 1,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_ws();
        let start = self.at;
        let kind = match self.peek()? {
            b'{' => {
                self.at += 1;
                let mut entries = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b'}' => {
                            self.at += 1;
                            break;
                        }
                        b',' => self.at += 1,
                        b'"' => {
                            let key_span = self.string()?;
                            let raw =
                                std::str::from_utf8(&self.text[key_span.clone()]).ok()?;
                            let key: String = serde_json::from_str(raw).ok()?;
                            self.skip_ws();
                            if self.peek()? != b':' {
                                return None;
                            }
                            self.at += 1;
                            let value = self.value(depth + 1)?;
                            entries.push((key, key_span, value));
                        }
                        _ => return None,
                    }
                }
                Kind::Map(entries)
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        b']' => {
                            self.at += 1;
                            break;
                        }
                        b',' => self.at += 1,
                        _ => items.push(self.value(depth + 1)?),
                    }
                }
                Kind::List(items)
            }
            b'"' => {
                self.string()?;
                Kind::Scalar
            }
            _ => {
                while self.peek().is_some_and(|b| !b" \t\r\n,]}".contains(&b)) {
                    self.at += 1;
                }
                if self.at == start {
                    return None;
                }
                Kind::Scalar
            }
        };
        Some(Node { span: start..self.at, kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &[Seg]) -> Option<String> {
        let json = if text.trim_start().starts_with('{') {
            parse_json(text).ok()?
        } else {
            parse_toml(text).ok()?
        };
        locate(&json, path).map(|s| text[s].to_owned())
    }

    #[test]
    fn finds_values_and_keys() {
        let json = r#"{"a": {"b（1）": [1, {"c": "x\"y"}]}, "d": 2}"#;
        assert_eq!(at(json, &["d".into()]).as_deref(), Some("2"));
        assert_eq!(
            at(json, &["a".into(), "b(1)".into(), 1.into(), "c".into()]).as_deref(),
            Some(r#""x\"y""#)
        );
        assert_eq!(at(json, &["a".into()]).as_deref(), Some("\"a\""));
        assert_eq!(at(json, &["zz".into()]), None);
        let toml = "x = 1\n[a.\"b\"]\nc = [1, 2]\n";
        assert_eq!(
            at(toml, &["a".into(), "b".into(), "c".into(), 1.into()]).as_deref(),
            Some("2")
        );
        assert_eq!(at(toml, &["x".into()]).as_deref(), Some("1"));
    }

    #[test]
    fn offsets_of_lines_and_columns() {
        let text = "ab\n文字x\n";
        assert_eq!(offset_of(text, 2, 7), "ab\n文字".len());
        assert_eq!(offset_of(text, 2, 99), "ab\n文字x".len());
        assert_eq!(offset_of(text, 9, 1), text.len());
    }
}
