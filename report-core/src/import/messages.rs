//! Every diagnostic the importer makes, one function a kind, so that each message is
//! written in one place: a message of the Fluent files (`report-core/l10n/en.ftl` and
//! `zh.ftl`, section "Importing a published page"), its arguments the page's own text
//! and the official labels it was read as.

use crate::diagnostic::{Diagnostic, Location, Rule, TableId};
use crate::l10n::arg;
use crate::labels::table_key;

/// How much of a long text found in the page a message quotes, in characters.
const SHOWN: usize = 40;

fn shown(text: &str) -> String {
    text.chars().take(SHOWN).collect()
}

/// A table's whole-table location (its key, as the label-keyed reader names it).
pub fn table_location(table: TableId) -> Location {
    Location::key(&[table_key(table)])
}

/// A row label written differently from the template only in spacing or punctuation.
pub fn label_variant(at: Location, found: &str, label: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::LabelVariant,
        at,
        "import-label-variant",
        vec![arg("found", found), arg("label", label)],
    )
    .values(label, found)
}

/// A label of the superseded 2019 trial format; `read_as` is the 2021 row it was read as.
pub fn label_2019(at: Location, found: &str, read_as: Option<&str>) -> Diagnostic {
    let mut d = match read_as {
        Some(label) => Diagnostic::from_id(
            Rule::Format2019,
            at,
            "import-label-2019",
            vec![arg("found", found), arg("label", label)],
        ),
        None => Diagnostic::from_id(
            Rule::Format2019,
            at,
            "import-label-2019-unread",
            vec![arg("found", found)],
        ),
    };
    d.found = Some(found.to_owned());
    d.expected = read_as.map(str::to_owned);
    d
}

/// A misspelt row label, read as the closest official one.
pub fn label_misspelt(at: Location, found: &str, label: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Label,
        at,
        "import-label-misspelt",
        vec![arg("found", found), arg("label", label)],
    )
    .values(label, found)
}

/// A column header one edit from exactly one official column label: the column is read
/// by its position all the same.
pub fn header_misspelt(at: Location, found: &str, label: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Label,
        at,
        "import-header-misspelt",
        vec![arg("found", found), arg("label", label)],
    )
    .values(label, found)
}

/// A number cell merged over several rows of the format (`rows`, their labels): it
/// cannot be told which row it is, so the covered cells are unknown.
pub fn cell_spans_rows(at: Location, found: &str, rows: &[String]) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Cells,
        at,
        "import-cell-spans-rows",
        vec![arg("found", found), arg("count", rows.len()), arg("rows", rows.join("、"))],
    )
    .values("one number a row", found)
}

/// A row with values whose label matches no row of the tables: not placed.
pub fn row_unplaced(at: Location, found: &str) -> Diagnostic {
    let mut d = Diagnostic::from_id(
        Rule::Label,
        at,
        "import-row-unplaced",
        vec![arg("found", found)],
    );
    d.found = Some(found.to_owned());
    d
}

/// The same row found twice: the second is not read.
pub fn row_twice(at: Location, found: &str) -> Diagnostic {
    let mut d = Diagnostic::from_id(
        Rule::Label,
        at,
        "import-row-twice",
        vec![arg("found", found)],
    );
    d.found = Some(found.to_owned());
    d
}

/// A group heading (e.g. 三、本年度办理结果) that carries numbers of its own.
pub fn group_with_values(at: Location, found: &str) -> Diagnostic {
    let mut d = Diagnostic::from_id(
        Rule::Label,
        at,
        "import-group-with-values",
        vec![arg("found", found)],
    );
    d.found = Some(found.to_owned());
    d
}

/// A value cell that is blank: its value is unknown (not 0).
pub fn cell_blank(at: Location) -> Diagnostic {
    Diagnostic::from_id(Rule::Cells, at, "import-cell-blank", Vec::new())
        .values("a number", "a blank cell")
}

/// A value cell holding `/`, `-` or other text instead of a number.
pub fn cell_not_number(at: Location, found: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Cells,
        at,
        "import-cell-not-number",
        vec![arg("found", found)],
    )
    .values("a number", found)
}

/// A row cut short: cells of the format that the page's row does not have.
pub fn cell_missing(at: Location) -> Diagnostic {
    Diagnostic::from_id(Rule::Cells, at, "import-cell-missing", Vec::new())
}

/// A row with more cells than the format's row.
pub fn row_too_long(at: Location, found: usize, expected: usize) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Cells,
        at,
        "import-row-too-long",
        vec![arg("found", found), arg("expected", expected)],
    )
    .values(expected, found)
}

/// A row of the format that the page does not have.
pub fn row_missing(at: Location) -> Diagnostic {
    Diagnostic::from_id(Rule::Cells, at, "import-row-missing", Vec::new())
}

/// A whole table not found in the page.
pub fn table_missing(table: TableId) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Cells,
        table_location(table),
        "import-table-missing",
        Vec::new(),
    )
}

/// A table published as an image where its cells should be.
pub fn table_as_image(table: TableId) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Cells,
        table_location(table),
        "import-table-as-image",
        Vec::new(),
    )
}

/// Why every cell of a table the page does not give (as an HTML table) is unknown: the
/// note on those cells in a data file. Not a diagnostic of its own (the table's
/// [`table_missing`] or [`table_as_image`] is).
pub fn table_unread(table: TableId) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Cells,
        table_location(table),
        "import-table-unread",
        Vec::new(),
    )
}

/// A section heading numbered differently from its place.
pub fn heading_misnumbered(section: &str, found: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Numbering,
        Location::text(&[section]),
        "import-heading-misnumbered",
        vec![arg("found", found), arg("section", section)],
    )
    .values(section, found)
}

/// A section heading worded differently from the format.
pub fn heading_misworded(section: &str, found: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Label,
        Location::text(&[section]),
        "import-heading-misworded",
        vec![arg("found", found), arg("section", section)],
    )
    .values(section, found)
}

/// A section heading not found: the section is empty.
pub fn heading_missing(section: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Empty,
        Location::text(&[section]),
        "import-heading-missing",
        Vec::new(),
    )
}

/// The title has spaces inside (e.g. between the agency and the year).
pub fn title_spaced(found: &str, read: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::LabelVariant,
        Location::text(&["标题"]),
        "import-title-spaced",
        vec![arg("found", found), arg("read", read)],
    )
    .values(read, found)
}

/// The title names no agency or year that could be read.
pub fn title_unread(found: &str) -> Diagnostic {
    let mut d = Diagnostic::from_id(
        Rule::AgencyName,
        Location::text(&["标题"]),
        "import-title-unread",
        Vec::new(),
    );
    d.found = (!found.is_empty()).then(|| found.to_owned());
    d
}

/// No signature at the end of the page.
pub fn signature_missing() -> Diagnostic {
    Diagnostic::from_id(
        Rule::Empty,
        Location::text(&["署名"]),
        "import-signature-missing",
        Vec::new(),
    )
}

/// No date under the signature.
pub fn date_missing(assumed: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::PublicationDate,
        Location::text(&["成文日期"]),
        "import-date-missing",
        vec![arg("assumed", assumed)],
    )
}

/// Bytes that are not valid in the page's encoding.
pub fn malformed_bytes(encoding: &str) -> Diagnostic {
    Diagnostic::from_id(
        Rule::Text,
        Location::Report,
        "import-malformed-bytes",
        vec![arg("encoding", encoding)],
    )
}

/// Text of the article after the date, which belongs to no section.
pub fn text_after_date(found: &str) -> Diagnostic {
    let shown = shown(found);
    let mut d = Diagnostic::from_id(
        Rule::Empty,
        Location::text(&["成文日期"]),
        "import-text-after-date",
        vec![arg("found", &shown)],
    );
    d.found = Some(shown);
    d
}

/// Lines after the end of a Word file or PDF made from a web page (its date, or its
/// last section where it has none) that are the site's footer and menus: left out.
pub fn furniture_after_date(lines: usize, found: &str, dated: bool) -> Diagnostic {
    let shown = shown(found);
    let location =
        if dated { Location::text(&["成文日期"]) } else { Location::Report };
    let mut d = Diagnostic::from_id(
        Rule::Empty,
        location,
        "import-furniture-after-date",
        vec![
            arg("lines", lines),
            arg("found", &shown),
            arg("dated", if dated { "yes" } else { "no" }),
        ],
    );
    d.found = Some(shown);
    d
}

/// Text in sections 二–四, which hold only their table: not kept.
pub fn text_in_table_section(section: &str, found: &str) -> Diagnostic {
    let shown = shown(found);
    let mut d = Diagnostic::from_id(
        Rule::Data,
        Location::text(&[section]),
        "import-text-in-table-section",
        vec![arg("found", &shown)],
    );
    d.found = Some(shown);
    d
}

/// A table in sections 二–四 with numbers but no row of the format: not kept.
pub fn table_unplaced(section: &str, first_row: &str) -> Diagnostic {
    let shown = shown(first_row);
    let mut d = Diagnostic::from_id(
        Rule::Data,
        Location::text(&[section]),
        "import-table-unplaced",
        vec![arg("found", &shown)],
    );
    d.found = Some(shown);
    d
}
