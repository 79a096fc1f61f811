//! Every diagnostic the importer makes, one function a kind, so that each message is
//! written in one place (and can be localised there).

use crate::diagnostic::{Diagnostic, Location, Rule, TableId};
use crate::labels::table_key;

/// A table's whole-table location (its key, as the label-keyed reader names it).
pub fn table_location(table: TableId) -> Location {
    Location::key(&[table_key(table)])
}

/// A row label written differently from the template only in spacing or punctuation.
pub fn label_variant(at: Location, found: &str, label: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::LabelVariant,
        at,
        format!(
            "the label `{found}` is not written as in the template; read as `{label}`"
        ),
        format!("write `{label}`"),
    )
    .values(label, found)
}

/// A label of the superseded 2019 trial format; `read_as` is the 2021 row it was read as.
pub fn label_2019(at: Location, found: &str, read_as: Option<&str>) -> Diagnostic {
    let message = match read_as {
        Some(label) => format!(
            "`{found}` is a label of the superseded 2019 trial format; its cells were read as `{label}`"
        ),
        None => format!("`{found}` is a label of the superseded 2019 trial format"),
    };
    let mut d = Diagnostic::new(
        Rule::Format2019,
        at,
        message,
        "use the 2021 format's table (国办公开办函〔2021〕30号)",
    );
    d.found = Some(found.to_owned());
    d.expected = read_as.map(str::to_owned);
    d
}

/// A misspelt row label, read as the closest official one.
pub fn label_misspelt(at: Location, found: &str, label: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::Label,
        at,
        format!("unknown label `{found}`; its cells were read as the closest official row `{label}`"),
        format!("did you mean `{label}`? write the official label"),
    )
    .values(label, found)
}

/// A row with values whose label matches no row of the tables: not placed.
pub fn row_unplaced(at: Location, found: &str) -> Diagnostic {
    let mut d = Diagnostic::new(
        Rule::Label,
        at,
        format!(
            "the row `{found}` is no row of the format's tables; its cells were not read"
        ),
        "use the official row labels (docs/format.md §3)",
    );
    d.found = Some(found.to_owned());
    d
}

/// The same row found twice: the second is not read.
pub fn row_twice(at: Location, found: &str) -> Diagnostic {
    let mut d = Diagnostic::new(
        Rule::Label,
        at,
        format!("the row `{found}` is given twice; the second one was not read"),
        "give each row once",
    );
    d.found = Some(found.to_owned());
    d
}

/// A group heading (e.g. 三、本年度办理结果) that carries numbers of its own.
pub fn group_with_values(at: Location, found: &str) -> Diagnostic {
    let mut d = Diagnostic::new(
        Rule::Label,
        at,
        format!(
            "`{found}` heads a group of rows but carries numbers of its own; they were not read"
        ),
        "put the numbers in the rows of the group",
    );
    d.found = Some(found.to_owned());
    d
}

/// A value cell that is blank: its value is unknown (not 0).
pub fn cell_blank(at: Location) -> Diagnostic {
    Diagnostic::new(
        Rule::Cells,
        at,
        "the cell is blank, so its value is unknown (it is not read as 0)",
        "every cell holds a number; zero is written 0, never blank or /",
    )
    .values("a number", "a blank cell")
}

/// A value cell holding `/`, `-` or other text instead of a number.
pub fn cell_not_number(at: Location, found: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::Cells,
        at,
        format!("the cell holds `{found}`, not a number, so its value is unknown"),
        "every cell holds a number; zero is written 0, never blank or /",
    )
    .values("a number", found)
}

/// A row cut short: cells of the format that the page's row does not have.
pub fn cell_missing(at: Location) -> Diagnostic {
    Diagnostic::new(
        Rule::Cells,
        at,
        "the page's row ends before this cell (a truncated table?), so its value is unknown",
        "give every cell of the row, 0 included",
    )
}

/// A row with more cells than the format's row.
pub fn row_too_long(at: Location, found: usize, expected: usize) -> Diagnostic {
    Diagnostic::new(
        Rule::Cells,
        at,
        format!("the row has {found} value cells where the format has {expected}; the last {expected} were read"),
        "give the format's columns only",
    )
    .values(expected, found)
}

/// A row of the format that the page does not have.
pub fn row_missing(at: Location) -> Diagnostic {
    Diagnostic::new(
        Rule::Cells,
        at,
        "the row is missing from the page's table, so its cells are unknown",
        "give every row of the format's table, with 0 where there is none",
    )
}

/// A whole table not found in the page.
pub fn table_missing(table: TableId) -> Diagnostic {
    Diagnostic::new(
        Rule::Cells,
        table_location(table),
        "the table was not found in the page, so its cells are unknown",
        "publish the table as an HTML table, as the format lays it out",
    )
}

/// A table published as an image where its cells should be.
pub fn table_as_image(table: TableId) -> Diagnostic {
    Diagnostic::new(
        Rule::Cells,
        table_location(table),
        "the table is published as an image, so its cells cannot be read; the prose was imported",
        "publish the table as an HTML table (text), so that it can be read and checked",
    )
}

/// A section heading numbered differently from its place.
pub fn heading_misnumbered(section: &str, found: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::Numbering,
        Location::text(&[section]),
        format!("the section heading `{found}` is misnumbered; read as `{section}`"),
        format!("number the six sections in order: `{section}`"),
    )
    .values(section, found)
}

/// A section heading worded differently from the format.
pub fn heading_misworded(section: &str, found: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::Label,
        Location::text(&[section]),
        format!("the section heading `{found}` is not the format's; read as `{section}`"),
        format!("write the heading as the format does: `{section}`"),
    )
    .values(section, found)
}

/// A section heading not found: the section is empty.
pub fn heading_missing(section: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::Empty,
        Location::text(&[section]),
        "the section's heading was not found in the page, so the section is empty",
        "give the six sections under the format's headings",
    )
}

/// The title has spaces inside (e.g. between the agency and the year).
pub fn title_spaced(found: &str, read: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::LabelVariant,
        Location::text(&["标题"]),
        format!("the title `{found}` has spaces inside; read as `{read}`"),
        "write the title without spaces: agency, year, 年政府信息公开工作年度报告",
    )
    .values(read, found)
}

/// The title names no agency or year that could be read.
pub fn title_unread(found: &str) -> Diagnostic {
    let mut d = Diagnostic::new(
        Rule::AgencyName,
        Location::text(&["标题"]),
        "no title naming the agency and the year (…2023年政府信息公开工作年度报告) was found",
        "give the title: the agency's full name, the year, 年政府信息公开工作年度报告",
    );
    d.found = (!found.is_empty()).then(|| found.to_owned());
    d
}

/// No signature at the end of the page.
pub fn signature_missing() -> Diagnostic {
    Diagnostic::new(
        Rule::Empty,
        Location::text(&["署名"]),
        "no signature (the agency's name) was found at the end of the report; the title's agency was used",
        "end the report with the agency's name and the date",
    )
}

/// No date under the signature.
pub fn date_missing(assumed: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::PublicationDate,
        Location::text(&["成文日期"]),
        format!(
            "no date (成文日期) was found at the end of the report; {assumed} was assumed"
        ),
        "end the report with the date it was written, e.g. 2024年1月22日",
    )
}

/// Bytes that are not valid in the page's encoding.
pub fn malformed_bytes(encoding: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::Text,
        Location::Report,
        format!(
            "some bytes of the page are not valid {encoding}; they were replaced by U+FFFD"
        ),
        "check the page's declared charset",
    )
}

/// Text of the article after the date, which belongs to no section.
pub fn text_after_date(found: &str) -> Diagnostic {
    let shown: String = found.chars().take(40).collect();
    let mut d = Diagnostic::new(
        Rule::Empty,
        Location::text(&["成文日期"]),
        format!(
            "text after the date (`{shown}`) belongs to no section; it was kept as an item of 六"
        ),
        "end the report with the signature and the date",
    );
    d.found = Some(shown);
    d
}

/// Text in sections 二–四, which hold only their table: not kept.
pub fn text_in_table_section(section: &str, found: &str) -> Diagnostic {
    let shown: String = found.chars().take(40).collect();
    let mut d = Diagnostic::new(
        Rule::Data,
        Location::text(&[section]),
        format!("the text `{shown}` in a section that holds only its table was not kept"),
        "move the text to section 一 or 六, or leave it out",
    );
    d.found = Some(shown);
    d
}

/// A table in sections 二–四 with numbers but no row of the format: not kept.
pub fn table_unplaced(section: &str, first_row: &str) -> Diagnostic {
    let shown: String = first_row.chars().take(40).collect();
    let mut d = Diagnostic::new(
        Rule::Data,
        Location::text(&[section]),
        format!(
            "a table with numbers but no row of the format's tables (`{shown}`) was not kept"
        ),
        "use the format's table, with its official labels",
    );
    d.found = Some(shown);
    d
}
