//! The report as a web page: the same headings, numbering, tables and numbers as the PDF, in HTML.
//!
//! [`page`] writes a standalone page (one UTF-8 file, `lang="zh-CN"`, inline CSS, no
//! scripts, nothing loaded from elsewhere); [`HtmlOptions::fragment`] gives only the
//! `<article>` with its classes, for pasting into a site's editor ([`STYLESHEET`] is the
//! CSS the page inlines, for sites that want it).
//!
//! Everything is written through [`Html`], which like [`crate::markup::Code`] can be made
//! only from escaped text ([`Html::text`]) and from `&'static str` text of this program
//! ([`Html::trusted`]): no text of the report ever becomes a tag, an attribute or an entity.
//!
//! The headings and their numbers come from [`crate::document`] and
//! [`crate::numbering`], as the PDF's do; the tables are written from the derived
//! [`Grid`]s, whose [`Grid::header_scope`] says which cells are header cells, as it does
//! for the PDF's structure tags.

use std::fmt::Write as _;

use crate::model::{Item, Report};
use crate::numbering;
use crate::outline::{SECTION_TITLES, run_in_title, section_headings, statutory_grids};
use crate::table::{CellKind, Grid, GridCell, HeaderScope};

/// A piece of HTML built only from escaped text and trusted constants.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Html(String);

impl Html {
    /// `text` as character data: `&`, `<`, `>`, `"` and `'` become references, and
    /// characters HTML forbids in a document (controls other than tab and line feed,
    /// noncharacters) become U+FFFD, so the text reads back exactly or not at all.
    pub fn text(text: &str) -> Html {
        let mut out = String::with_capacity(text.len());
        escape_into(&mut out, text);
        Html(out)
    }

    /// HTML written into this program. The `'static` bound keeps run-time text out:
    /// report text can never reach this function. Search for `Html::trusted` to audit.
    pub fn trusted(html: &'static str) -> Html {
        Html(html.to_owned())
    }

    /// An element `<tag attrs…>children…</tag>`; attribute values are escaped.
    pub fn element<'a>(
        tag: &'static str,
        attrs: impl IntoIterator<Item = (&'static str, &'a str)>,
        children: impl IntoIterator<Item = Html>,
    ) -> Html {
        let mut out = Html::open(tag, attrs);
        for child in children {
            out.0.push_str(&child.0);
        }
        let _ = write!(out.0, "</{tag}>");
        out
    }

    /// A void element `<tag attrs…>` (no content, no end tag: `meta`, `br`).
    pub fn void<'a>(
        tag: &'static str,
        attrs: impl IntoIterator<Item = (&'static str, &'a str)>,
    ) -> Html {
        Html::open(tag, attrs)
    }

    fn open<'a>(
        tag: &'static str,
        attrs: impl IntoIterator<Item = (&'static str, &'a str)>,
    ) -> Html {
        debug_assert!(is_name(tag), "tag {tag:?} is not a name");
        let mut out = format!("<{tag}");
        for (name, value) in attrs {
            debug_assert!(is_name(name), "attribute {name:?} is not a name");
            let _ = write!(out, " {name}=\"");
            escape_into(&mut out, value);
            out.push('"');
        }
        out.push('>');
        Html(out)
    }

    /// The pieces one after the other.
    pub fn concat(parts: impl IntoIterator<Item = Html>) -> Html {
        Html(parts.into_iter().map(|p| p.0).collect())
    }

    /// The HTML source text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML source text.
    pub fn into_string(self) -> String {
        self.0
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            // CR would be read as a line feed; the rest are parse errors in HTML.
            c if c.is_control() || is_noncharacter(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// How to write the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Only the `<article>` (classes, no `<html>`, `<head>` or CSS), for a site's editor.
    pub fragment: bool,
}

/// The CSS of the standalone page: screen and print (A4).
pub const STYLESHEET: &str = include_str!("html/report.css");

/// The report as HTML: a standalone page, or the article alone
/// ([`HtmlOptions::fragment`]). No validation here: callers check the report first
/// (as `report_typst::render` does for the PDF).
///
/// The placeholders of the prose are filled ([`crate::placeholders`]); for `.较上年`, see
/// [`page_with`].
pub fn page(report: &Report, options: &HtmlOptions) -> String {
    page_with(report, None, options)
}

/// [`page`] with last year's report, which fills the placeholders `{….较上年}` and
/// `{….上年}`.
pub fn page_with(
    report: &Report,
    previous: Option<&Report>,
    options: &HtmlOptions,
) -> String {
    page_printed(&crate::placeholders::fill(report, previous), options)
}

fn page_printed(report: &Report, options: &HtmlOptions) -> String {
    let article = article(report);
    if options.fragment {
        let mut out = article.into_string();
        out.push('\n');
        return out;
    }
    let head = Html::element(
        "head",
        [],
        [
            Html::void("meta", [("charset", "utf-8")]),
            Html::void(
                "meta",
                [
                    ("name", "viewport"),
                    ("content", "width=device-width, initial-scale=1"),
                ],
            ),
            Html::void("meta", [("name", "generator"), ("content", "govreport")]),
            Html::element("title", [], [Html::text(&report.title())]),
            Html::element("style", [], [Html::trusted(STYLESHEET)]),
        ],
    );
    let html = Html::element(
        "html",
        [("lang", "zh-CN")],
        [head, Html::element("body", [], [article])],
    );
    format!("<!DOCTYPE html>\n{}\n", html.as_str())
}

fn article(report: &Report) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let lines = report.title_lines();
    let mut title = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            title.push(Html::void("br", []));
        }
        title.push(Html::text(line));
    }
    out.push(Html::element("h1", [("class", "title")], title));
    out.extend(report.preamble.iter().map(|p| paragraph(p)));

    let headings = section_headings();
    let mut tables = 0usize;
    let mut sections: [Vec<Html>; 6] = Default::default();

    let o = &report.overview;
    sections[0].extend(o.intro.iter().map(|p| paragraph(p)));
    items(&o.items(), 2, &mut tables, &mut sections[0]);

    for (id, grid) in statutory_grids(report) {
        // Sections 二, 三 and 四 hold the tables 二, 三 and 四.
        let section = id as usize + 1;
        tables += 1;
        sections[section].push(table(&grid, SECTION_TITLES[section], tables));
    }

    sections[4].extend(report.problems.paragraphs.iter().map(|p| paragraph(p)));
    let problems: Vec<&Item> = report.problems.items.iter().collect();
    items(&problems, 2, &mut tables, &mut sections[4]);

    let m = &report.other_matters;
    sections[5].extend(m.paragraphs.iter().map(|p| paragraph(p)));
    let other: Vec<&Item> = std::iter::once(&m.fees).chain(m.items.iter()).collect();
    items(&other, 2, &mut tables, &mut sections[5]);

    for (heading, body) in headings.iter().zip(sections) {
        let mut children = vec![Html::element("h2", [], [Html::text(heading)])];
        children.extend(body);
        out.push(Html::element("section", [], children));
    }

    out.push(Html::element(
        "p",
        [("class", "signature")],
        [Html::text(&report.agency.name)],
    ));
    out.push(Html::element("p", [("class", "date")], [Html::text(&report.date_text())]));
    Html::element("article", [("class", "govreport")], out)
}

fn paragraph(text: &str) -> Html {
    Html::element("p", [], [Html::text(text)])
}

/// Items as the PDF sets them: number and title run in before the first paragraph.
fn items(items: &[&Item], level: usize, tables: &mut usize, out: &mut Vec<Html>) {
    let class = match level {
        2 => "item level-2",
        3 => "item level-3",
        _ => "item level-4",
    };
    for (i, item) in items.iter().enumerate() {
        let title =
            format!("{}{}", numbering::label(level, i + 1), run_in_title(&item.title));
        let mut paragraphs = item.paragraphs.iter();
        let mut first =
            vec![Html::element("span", [("class", "item-title")], [Html::text(&title)])];
        if let Some(p) = paragraphs.next() {
            first.push(Html::text(p));
        }
        out.push(Html::element("p", [("class", class)], first));
        out.extend(paragraphs.map(|p| paragraph(p)));
        for grid in &item.tables {
            *tables += 1;
            out.push(table(grid, &item.title, *tables));
        }
        let children: Vec<&Item> = item.items.iter().collect();
        self::items(&children, level + 1, tables, out);
    }
}

/// Whether a value is a number (digits, one decimal point, a sign): those are
/// right-aligned.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit())
}

/// One table from its grid: `<caption>`, the header rows in `<thead>`, every label a
/// `<th>` with its scope and an id, every value a `<td>` naming its headers.
///
/// Rows that hold only labels after the header (the titles and heads of section 二's
/// blocks) start a new `<tbody>`, so each block is a row group of its own.
fn table(grid: &Grid, caption: &str, number: usize) -> Html {
    let id = |c: &GridCell| format!("t{number}-r{}c{}", c.row, c.col);
    let mut rows: Vec<Vec<&GridCell>> = vec![Vec::new(); grid.rows as usize];
    for c in &grid.cells {
        if let Some(row) = rows.get_mut(c.row as usize) {
            row.push(c);
        }
    }
    // The column headers in force for each row: the latest run of header rows above it.
    let mut heads: Vec<&GridCell> = Vec::new();
    let mut previous_was_header = false;
    let mut groups: Vec<(bool, Vec<Html>)> = Vec::new();
    for (r, cells) in rows.iter().enumerate() {
        let r = r as u32;
        let header_row = grid.is_header_row(r);
        if header_row && !previous_was_header {
            heads.clear();
        }
        let in_thead = r < grid.header_rows;
        let starts_group = groups.is_empty()
            || (header_row && !previous_was_header)
            || (r == grid.header_rows && grid.header_rows > 0);
        if starts_group {
            groups.push((in_thead, Vec::new()));
        }
        previous_was_header = header_row;
        let mut tr = Vec::with_capacity(cells.len());
        for c in cells {
            let mut attrs: Vec<(&'static str, String)> = Vec::new();
            if c.colspan != 1 {
                attrs.push(("colspan", c.colspan.to_string()));
            }
            if c.rowspan != 1 {
                attrs.push(("rowspan", c.rowspan.to_string()));
            }
            // A short label under an ordinal keeps its words together, as in the PDF.
            let body = match crate::numbering::split_ordinal(&c.text) {
                Some((ordinal, words)) if c.kind == CellKind::Label => Html::concat([
                    Html::text(ordinal),
                    Html::element("span", [("class", "keep")], [Html::text(words)]),
                ]),
                _ => Html::text(&c.text),
            };
            let body = [body];
            match grid.header_scope(c) {
                Some(scope) => {
                    let scope = match scope {
                        HeaderScope::Column if c.colspan > 1 => "colgroup",
                        HeaderScope::Column => "col",
                        HeaderScope::Row => "row",
                    };
                    attrs.push(("id", id(c)));
                    attrs.push(("scope", scope.to_owned()));
                    if c.align == crate::table::Align::Left {
                        attrs.push(("class", "left".to_owned()));
                    }
                    tr.push(Html::element("th", as_refs(&attrs), body));
                }
                None => {
                    // Whether the ranges lo..lo+n and olo..olo+on meet.
                    let covers = |lo: u32, n: u32, olo: u32, on: u32| {
                        olo < lo + n && lo < olo + on
                    };
                    let mut names: Vec<String> = heads
                        .iter()
                        .filter(|h| covers(c.col, c.colspan, h.col, h.colspan))
                        .map(|h| id(h))
                        .collect();
                    names.extend(
                        grid.cells
                            .iter()
                            .filter(|h| {
                                h.col < c.col
                                    && grid.header_scope(h) == Some(HeaderScope::Row)
                                    && covers(c.row, c.rowspan, h.row, h.rowspan)
                            })
                            .map(&id),
                    );
                    attrs.push(("headers", names.join(" ")));
                    let class = if c.kind == CellKind::Value && is_number(&c.text) {
                        "num"
                    } else {
                        "text"
                    };
                    attrs.push(("class", class.to_owned()));
                    tr.push(Html::element("td", as_refs(&attrs), body));
                }
            }
        }
        if header_row {
            heads.extend(cells.iter().copied().filter(|c| c.kind == CellKind::Label));
        }
        if let Some((_, group)) = groups.last_mut() {
            group.push(Html::element("tr", [], tr));
        }
    }
    let mut children = vec![Html::element(
        "caption",
        [("class", "visually-hidden")],
        [Html::text(caption)],
    )];
    children.extend(groups.into_iter().map(|(thead, rows)| {
        Html::element(if thead { "thead" } else { "tbody" }, [], rows)
    }));
    let table = Html::element("table", [], children);
    Html::element("div", [("class", "table-scroll")], [table])
}

fn as_refs<'a>(attrs: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    attrs.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_replaced() {
        assert_eq!(
            Html::text("<b a=\"x\">&amp;'</b>").as_str(),
            "&lt;b a=&quot;x&quot;&gt;&amp;amp;&#39;&lt;/b&gt;"
        );
        assert_eq!(
            Html::text("a\u{1}b\u{FFFF}\u{7F}").as_str(),
            "a\u{FFFD}b\u{FFFD}\u{FFFD}"
        );
        assert_eq!(Html::text("甲\n乙\t").as_str(), "甲\n乙\t");
    }

    #[test]
    fn attribute_values_are_escaped() {
        let e = Html::element("p", [("class", "a\" onclick=\"x")], [Html::text("<")]);
        assert_eq!(e.as_str(), "<p class=\"a&quot; onclick=&quot;x\">&lt;</p>");
    }

    #[test]
    fn numbers_are_told_from_text() {
        for n in ["0", "3985758", "24252.311082", "1.50", "-3"] {
            assert!(is_number(n), "{n}");
        }
        for t in ["", ".", "1.2.3", "12件", "—"] {
            assert!(!is_number(t), "{t}");
        }
    }
}
