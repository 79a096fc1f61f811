//! Derive macro that turns a struct describing a table into Typst table markup.
//!
//! Use it through `report_core`, which re-exports it as `report_core::Table` next to the
//! traits it implements (`report_core::table`). This page is the reference of its
//! attribute language: every key, where it goes, and its default.
//!
//! # The model
//!
//! A table is a grid of cells. A struct deriving [`Table`] is one of two kinds:
//!
//! - a **row** (`#[table(row)]`): its fields are *value columns*, left to right, under a
//!   column header built from their labels. A field can be another row (`nested`), whose
//!   columns then sit under the field's label: this is how multi-level headers are
//!   written. Adjacent fields with the same `group` share one header cell above theirs.
//! - a **block of rows** (`#[table(rows)]`): its fields are *rows*, top to bottom, each
//!   with a row label in the label columns at the left. A field is a row type, a single
//!   `value`, a nested block of rows (`nested`, its label spanning all its rows), or a
//!   row computed by `with = path`. A field can open a `block`: a title row across the
//!   table followed by the block's own header row.
//!
//! Every derived struct implements `report_core::table::Table` (and `Row` or `Rows`): as
//! a table, a row prints its header rows and one row of values; a block of rows prints a
//! header (a `corner` cell over the label columns, the first row's column header beside
//! it) unless its first field opens a `block`, then all its rows.
//!
//! Leaf header cells reach down to the last header row; a row label reaches right to the
//! last label column; the label of a nested block covers the label columns its own rows
//! leave free, and all of its rows. The number of label columns is 1 + the deepest nesting.
//!
//! # Struct attributes: `#[table(...)]` on the struct
//!
//! | key | meaning | default |
//! |---|---|---|
//! | `row` | the fields are value columns | one of `row`/`rows` is required |
//! | `rows` | the fields are labelled rows | one of `row`/`rows` is required |
//! | `head = "…"` | a header cell over all value columns, above the fields' headers | none |
//! | `corner = "…"` | `rows` only: the cell over the label columns, spanning all header rows | an empty cell |
//! | `label_align = "left"` | `rows` only: alignment of this struct's row labels (`"center"` or `"left"`) | `"center"` |
//! | `crate = "path"` | where the generated code finds `report_core`, for a crate that uses it through a re-export (`crate = "report_typst::report_core"`) | `"::report_core"` |
//! | `widths("1fr", "3em", …)` | the column widths, one per grid column (checked at compile time): `auto` or a number with `pt` `mm` `cm` `in` `em` `fr` `%` | `auto` columns |
//!
//! `head`, `corner` and `widths` belong to the table as printed: they are used when this
//! struct is the table, and not when it is nested in another. `row` and `rows` structs
//! cannot be generic.
//!
//! # Field attributes: `#[table(...)]` on a field of a `row`
//!
//! | key | meaning | default |
//! |---|---|---|
//! | `label = "…"` | the column's header label; on a `nested` field, the header cell over the nested columns | required, except on `nested` (no cell of its own) |
//! | `group = "…"` | adjacent fields with the same group get one header cell above them | none |
//! | `colspan = n` | the value cell (and its header) covers `n` columns, `n ≥ 1` | 1 |
//! | `nested` | the field is itself a `#[table(row)]` struct; its columns are spliced in | a value cell |
//! | `with = path` | the cell shows `path(&self)` (any cell value), not the field | the field |
//! | `total` | the field is an `Option`: `Some(v)` prints `v` as stated, `None` the saturating sum of the row's plain value fields | — |
//! | `align = "left"` | the value's alignment (`"center"` or `"left"`) | `"center"` |
//! | `skip` | the field is not part of the table | — |
//!
//! A plain field's type must be a cell value (`report_core::table::CellValue`): the
//! integers print in full, `Decimal` exactly as given (its scale kept), strings as they
//! are, `Option` empty when `None`. Every label and every value reaches Typst as an
//! escaped string literal: data, never code.
//!
//! # Field attributes: `#[table(...)]` on a field of a `rows`
//!
//! | key | meaning | default |
//! |---|---|---|
//! | `label = "…"` | the row label; on a `nested` field, the label spanning all its rows | required |
//! | `nested` | the field is a `#[table(rows)]` struct: a group of rows under this label | a row |
//! | `value` | the row is one value cell spanning the table's value columns (a cell-value field) | a row: a `#[table(row)]` type |
//! | `colspan = n` | `value` rows only: the cell's width; must equal the table's value columns (a first `value` row sets them) | the table's value columns (1 for a first row) |
//! | `with = path` | the row shows `path(&self)`, a `#[table(row)]` value, e.g. a stated-or-computed total row; not on the first row | the field |
//! | `block = "…"` | opens a block: a title row across the table, then a header row of `corner` and the row's column header | none |
//! | `corner = "…"` | with `block`: the header cell over the label columns | an empty cell |
//! | `head = "…"` | with `block` on a `value` row: the header label over its value cell | required there |
//! | `align = "left"` | this row label's alignment | the struct's `label_align` |
//! | `skip` | the field is not part of the table | — |
//!
//! # Errors
//!
//! Misuse is a compile error at the offending token, all at once, with placeholder impls
//! so no second error follows: unknown and duplicate keys, keys on the wrong kind of
//! struct or field, missing labels, `colspan = 0`, a `group` split by other columns,
//! a row narrower or wider than the table's value columns (a hole or an overlap, caught
//! by a constant assertion at the row's type or `colspan`), `widths` of the wrong count,
//! a field type that cannot be a cell, a `total` that is not an `Option`.
//!
//! # Labels
//!
//! `label`, `group`, `head`, `corner` and `block` take a string literal or the path of a
//! `&'static str` constant (`label = TOTAL`): a label that two tables share, or that code
//! names by itself, is then written once, in the constant.
//!
//! # The catalogue
//!
//! Besides the layout, the derive writes `Table::catalogue()`: every value cell of the
//! table in grid order, with its row labels, its column labels, the labels that key it in
//! a data file, the path of Rust field names to its value, what it holds (from
//! `CellValue::KIND`) and whether the data gives it, may state it (a `total`, or a `with`
//! field of `Option` type) or never holds it (`with` on any other field). A `block`
//! title and its `head` go on over the rows after the one that opens the block. Which
//! labels key a cell is documented on `report_core::table::catalogue`. For a block of
//! rows it also writes typed access to the rows in declaration order
//! (`report_core::table::rows_of`).
//!
//! # Example
//!
//! The module documentation of `report_core::table` derives a two-level header with
//! `nested` and `group` and checks the grid it lays out; it runs as a doctest of
//! `report-core` (this crate is below `report-core` and does not depend on it).

mod ast;
mod attr;
mod check;
mod expand;
#[cfg(test)]
mod tests;

/// Derives `report_core::table::Table` and `Row` or `Rows` for a struct describing a
/// table: the reference of every attribute and its default is the `report_derive` crate
/// documentation.
#[proc_macro_derive(Table, attributes(table))]
pub fn derive_table(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}
