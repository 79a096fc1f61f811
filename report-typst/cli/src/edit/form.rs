//! What the form of `govreport edit` lets a clerk change: every field's key path in the
//! data file and what it holds. The table cells come from the statutory tables'
//! catalogue ([`report_core::labels::statutory_cells`], written by `#[derive(Table)]`),
//! so a label changed in its one place changes the form with every output.
//!
//! A request names a field by its key path (`["agency", "name"]`,
//! `["tables", "table3_…", "一、本年新收政府信息公开申请数量", "自然人"]`); [`kind_of`] is
//! the only door: a path it does not know is refused, so no request writes a key the
//! form does not offer.

use report_core::labels::{StatutoryCell, statutory_cells};
use report_core::table::catalogue::ValueKind;

/// One step of a key path: a key of a table, or the index of an element of an array.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Seg {
    /// A key.
    Key(String),
    /// An index into an array (of paragraphs or of items).
    Index(usize),
}

impl Seg {
    /// The key, if this is one.
    pub fn key(&self) -> Option<&str> {
        match self {
            Seg::Key(k) => Some(k),
            Seg::Index(_) => None,
        }
    }
}

/// A key path from the top of the data file.
pub type KeyPath = Vec<Seg>;

/// A key path of keys only.
pub fn keys(parts: &[&str]) -> KeyPath {
    parts.iter().map(|p| Seg::Key((*p).to_owned())).collect()
}

/// The values of `agency.kind`, as the data file writes them.
pub const KINDS: [&str; 2] = ["department", "peoples_government"];
/// The values of `agency.level`, as the data file writes them.
pub const LEVELS: [&str; 5] =
    ["national", "provincial", "prefecture", "county", "township"];
/// The agency's one-line texts, in the order of the form.
pub const AGENCY_TEXTS: [&str; 4] = ["name", "address", "telephone", "website"];
/// The items of 一、总体情况 under `overview`, in order (`assessment` is a people's
/// government's only).
pub const OVERVIEW_ITEMS: [&str; 6] = [
    "active_disclosure",
    "disclosure_on_request",
    "information_management",
    "platforms",
    "oversight",
    "assessment",
];
/// The lists of numbered items a clerk can add to, remove from and reorder.
pub const ITEM_LISTS: [[&str; 2]; 2] =
    [["problems", "items"], ["other_matters", "items"]];
/// The longest text a field takes, in characters.
pub const MAX_FIELD_CHARS: usize = 10_000;
/// The most paragraphs a list takes.
pub const MAX_PARAGRAPHS: usize = 200;
/// The most items a list takes.
pub const MAX_ITEMS: usize = 50;

/// What a field holds, and so how the form shows it and the server checks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// One of a few words (`agency.kind`, `agency.level`).
    Choice(&'static [&'static str]),
    /// The statistical year.
    Year,
    /// 成文日期, `YYYY-MM-DD`.
    Date,
    /// Paragraphs, one string each.
    Paragraphs,
    /// A cell of a statutory table: its index in [`statutory_cells`].
    Cell(usize),
}

/// How the statutory tables are keyed in a data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKeys {
    /// By the official labels (what `init` writes).
    Labelled,
    /// By the English field names.
    English,
}

impl TableKeys {
    /// The key path of a statutory cell in this form.
    pub fn path(self, cell: &StatutoryCell) -> KeyPath {
        std::iter::once("tables")
            .chain(self.parts(cell).iter().copied())
            .map(|k| Seg::Key(k.to_owned()))
            .collect()
    }

    /// Whether `path` is [`TableKeys::path`] of `cell`.
    pub fn is_path(self, cell: &StatutoryCell, path: &[Seg]) -> bool {
        let parts = self.parts(cell);
        path.len() == parts.len() + 1
            && path[0].key() == Some("tables")
            && path[1..].iter().zip(parts).all(|(seg, part)| seg.key() == Some(*part))
    }

    fn parts(self, cell: &StatutoryCell) -> &[&'static str] {
        match self {
            TableKeys::Labelled => &cell.labels,
            TableKeys::English => &cell.english,
        }
    }
}

/// What the field at `path` holds, or `None` if the form offers no such field.
pub fn kind_of(path: &[Seg], tables: TableKeys) -> Option<Kind> {
    use Seg::{Index, Key};
    let k = |i: usize| path.get(i).and_then(Seg::key);
    if k(0) == Some("tables") {
        return statutory_cells()
            .iter()
            .position(|cell| tables.is_path(cell, path))
            .map(Kind::Cell);
    }
    match path {
        [Key(top)] => match top.as_str() {
            "year" => Some(Kind::Year),
            "date" => Some(Kind::Date),
            "preamble" => Some(Kind::Paragraphs),
            _ => None,
        },
        [Key(a), Key(field)] if a == "agency" => match field.as_str() {
            "kind" => Some(Kind::Choice(&KINDS)),
            "level" => Some(Kind::Choice(&LEVELS)),
            f if AGENCY_TEXTS.contains(&f) => Some(Kind::Text),
            _ => None,
        },
        [Key(a), Key(b)] if b == "paragraphs" || (a == "overview" && b == "intro") => {
            match (a.as_str(), b.as_str()) {
                ("overview", "intro") | ("problems" | "other_matters", "paragraphs") => {
                    Some(Kind::Paragraphs)
                }
                _ => None,
            }
        }
        [Key(a), Key(b), Key(field)] => {
            let item = (a == "overview" && OVERVIEW_ITEMS.contains(&b.as_str()))
                || (a == "other_matters" && b == "fees");
            item.then_some(())?;
            item_field(field)
        }
        [Key(a), Key(b), Index(_), Key(field)]
            if ITEM_LISTS.iter().any(|l| l == &[a.as_str(), b.as_str()]) =>
        {
            item_field(field)
        }
        _ => None,
    }
}

fn item_field(field: &str) -> Option<Kind> {
    match field {
        "title" => Some(Kind::Text),
        "paragraphs" => Some(Kind::Paragraphs),
        _ => None,
    }
}

/// Whether `path` is a list of numbered items (add, remove, move).
pub fn is_item_list(path: &[Seg]) -> bool {
    ITEM_LISTS.iter().any(|l| *path == keys(l)[..])
}

/// What a cell of a statutory table holds and whether the data may leave it out.
pub fn cell_kind(index: usize) -> (ValueKind, bool) {
    let cell = &statutory_cells()[index];
    (cell.cell.kind, cell.optional())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_statutory_cell_is_a_field_in_both_forms_and_nothing_else_is() {
        for (i, cell) in statutory_cells().iter().enumerate() {
            for keys in [TableKeys::Labelled, TableKeys::English] {
                assert_eq!(kind_of(&keys.path(cell), keys), Some(Kind::Cell(i)));
            }
        }
        let refused: [&[&str]; 6] = [
            &["tables"],
            &["tables", "table3_收到和处理政府信息公开申请情况"],
            &["agency"],
            &["agency", "secret"],
            &["overview", "elsewhere", "title"],
            &["problems", "items"],
        ];
        for path in refused {
            assert_eq!(kind_of(&keys(path), TableKeys::Labelled), None, "{path:?}");
        }
        let item = vec![
            Seg::Key("other_matters".into()),
            Seg::Key("items".into()),
            Seg::Index(3),
            Seg::Key("paragraphs".into()),
        ];
        assert_eq!(kind_of(&item, TableKeys::Labelled), Some(Kind::Paragraphs));
        assert!(is_item_list(&keys(&["problems", "items"])));
    }
}
