//! The web page read back with an HTML5 parser: its tables are the official grids, its
//! text is the PDF's, it is valid HTML5, and no text a user typed becomes markup.
//! Also the PDF's structure tags: every header cell of the tables is `TH`, the title a heading.

use crate::reading_order::{Block, assert_in_pdf_order};

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use lopdf::{Document, Object};
use proptest::prelude::*;
use report_core::html::{HtmlOptions, page};
use report_core::table::{CellKind, Grid, HeaderScope, Table as _};
use report_core::{Item, Report, Table};
use report_tests::{body_text, compact};
use report_typst::{RenderOptions, render};
use scraper::{ElementRef, Html, Selector};

static SEED: LazyLock<Report> = LazyLock::new(report_examples::wendeng_2023);
static SEED_PAGE: LazyLock<String> =
    LazyLock::new(|| page(&SEED, &HtmlOptions::default()));
static SEED_PDF: LazyLock<Vec<u8>> = LazyLock::new(|| {
    render(&SEED, &RenderOptions::default()).expect("the seed report renders").pdf
});

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

/// One cell of a table as the HTML table model places it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placed {
    row: u32,
    col: u32,
    rowspan: u32,
    colspan: u32,
    header: bool,
    text: String,
    element: String,
    headers: Option<String>,
}

fn span(e: &ElementRef<'_>, name: &str) -> u32 {
    e.value().attr(name).map_or(1, |v| v.parse().expect("a span is a number"))
}

/// The table's cells at the positions the HTML table model gives them: rows in order
/// (thead, then each tbody), each cell in the first slot no earlier rowspan covers.
fn rebuild(table: ElementRef<'_>) -> (Vec<Placed>, u32, u32) {
    let mut taken: Vec<Vec<bool>> = Vec::new();
    let mut cells = Vec::new();
    let mut columns = 0;
    for (r, tr) in table.select(&sel("tr")).enumerate() {
        let mut c = 0usize;
        for cell in tr.child_elements() {
            let (rs, cs) = (span(&cell, "rowspan"), span(&cell, "colspan"));
            let free = |taken: &Vec<Vec<bool>>, c: usize| {
                taken.get(r).and_then(|row| row.get(c)).copied().unwrap_or(false)
            };
            while free(&taken, c) {
                c += 1;
            }
            for rr in r..r + rs as usize {
                if taken.len() <= rr {
                    taken.resize(rr + 1, Vec::new());
                }
                let row = &mut taken[rr];
                if row.len() < c + cs as usize {
                    row.resize(c + cs as usize, false);
                }
                for (k, slot) in row.iter_mut().enumerate().skip(c).take(cs as usize) {
                    assert!(!*slot, "two cells cover row {rr}, column {k}");
                    *slot = true;
                }
            }
            let name = cell.value().name().to_owned();
            cells.push(Placed {
                row: r as u32,
                col: c as u32,
                rowspan: rs,
                colspan: cs,
                header: name == "th",
                text: cell.text().collect(),
                element: cell.html(),
                headers: cell.value().attr("headers").map(str::to_owned),
            });
            c += cs as usize;
            columns = columns.max(c as u32);
        }
    }
    (cells, taken.len() as u32, columns)
}

/// The page's statutory tables, by the section heading above them.
fn section_table<'a>(doc: &'a Html, heading: &str) -> ElementRef<'a> {
    doc.select(&sel("section"))
        .find(|s| {
            s.select(&sel("h2"))
                .next()
                .is_some_and(|h| h.text().collect::<String>() == heading)
        })
        .unwrap_or_else(|| panic!("no section {heading}"))
        .select(&sel("table"))
        .next()
        .unwrap_or_else(|| panic!("no table in {heading}"))
}

#[test]
fn statutory_tables_rebuild_to_the_official_grids_and_the_reports_numbers() {
    let official: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/official-grid.json")).unwrap();
    let doc = Html::parse_document(&SEED_PAGE);
    let grids = [
        SEED.active_disclosure.grid(),
        SEED.applications.grid(),
        SEED.reviews_and_lawsuits.grid(),
    ];
    let tables = official["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 3);
    for (t, grid) in tables.iter().zip(&grids) {
        let section = t["section"].as_str().unwrap();
        let (cells, rows, columns) = rebuild(section_table(&doc, section));
        assert_eq!(
            (rows, columns),
            (t["rows"].as_u64().unwrap() as u32, t["columns"].as_u64().unwrap() as u32),
            "{section}: size"
        );
        let expected = t["cells"].as_array().unwrap();
        assert_eq!(cells.len(), expected.len(), "{section}: number of cells");
        for (got, want) in cells.iter().zip(expected) {
            let at = |k: &str| want[k].as_u64().unwrap() as u32;
            assert_eq!(
                (got.row, got.col, got.rowspan, got.colspan),
                (at("row"), at("col"), at("rowspan"), at("colspan")),
                "{section}: {}",
                got.element
            );
            match want["label"].as_str() {
                Some(label) => {
                    assert!(got.header, "{section}: a label is a <th>: {}", got.element);
                    assert_eq!(
                        got.text, label,
                        "{section}: label at {},{}",
                        got.row, got.col
                    );
                }
                None => {
                    assert!(!got.header, "{section}: a value is a <td>: {}", got.element);
                    // The number the report holds at this place, printed as the PDF does.
                    let value =
                        grid.cell_at(got.row, got.col).expect("a cell of the grid");
                    assert_eq!(value.kind, CellKind::Value);
                    assert_eq!(
                        got.text, value.text,
                        "{section}: value at {},{}",
                        got.row, got.col
                    );
                    assert!(got.element.contains("class=\"num\""), "{}", got.element);
                }
            }
        }
    }
    // A few numbers named independently of the grids: the totals and the exact fee.
    let text: String = doc.root_element().text().collect();
    let fee = SEED.active_disclosure.fees.to_string();
    let doc3 = section_table(&doc, "三、收到和处理政府信息公开申请情况");
    let tds: Vec<String> =
        doc3.select(&sel("td")).map(|e| e.text().collect::<String>()).collect();
    let received = SEED.applications.received.total();
    assert_eq!(tds[..7].last().unwrap(), &received.to_string(), "一、 row's 总计");
    assert!(text.contains(&fee), "the fee {fee} printed as given");
}

/// Every table of a page, custom ones included, is its grid cell for cell: the same
/// positions and spans, labels as `<th>` and values as `<td>`, the same text.
fn assert_tables_are_their_grids(html: &str, grids: &[Grid]) {
    let doc = Html::parse_document(html);
    let tables: Vec<ElementRef<'_>> = doc.select(&sel("table")).collect();
    assert_eq!(tables.len(), grids.len(), "one <table> per grid");
    for (table, grid) in tables.into_iter().zip(grids) {
        let (cells, rows, columns) = rebuild(table);
        assert_eq!((rows, columns), (grid.rows, grid.columns));
        let mut want: Vec<_> = grid.cells.iter().collect();
        want.sort_by_key(|c| (c.row, c.col));
        assert_eq!(cells.len(), want.len());
        for (got, want) in cells.iter().zip(want) {
            assert_eq!(
                (
                    got.row,
                    got.col,
                    got.rowspan,
                    got.colspan,
                    got.header,
                    got.text.as_str()
                ),
                (
                    want.row,
                    want.col,
                    want.rowspan,
                    want.colspan,
                    want.kind == CellKind::Label,
                    want.text.as_str()
                ),
            );
            let head = grid.is_header_row(want.row);
            if got.header {
                let scope = if !head {
                    "row"
                } else if want.colspan > 1 {
                    "colgroup"
                } else {
                    "col"
                };
                assert!(
                    got.element.contains(&format!("scope=\"{scope}\"")),
                    "{}",
                    got.element
                );
            }
        }
        // The header rows of the grid are the rows of <thead>.
        assert_eq!(table.select(&sel("thead tr")).count() as u32, grid.header_rows);
    }
}

#[derive(Debug, Clone, Default, Table)]
#[table(row)]
struct Outcome {
    #[table(label = "A类")]
    solved: u64,
    #[table(label = "B类")]
    planned: u64,
    #[table(label = "小计", total)]
    stated_total: Option<u64>,
}

#[derive(Debug, Clone, Default, Table)]
#[table(row)]
struct Handling {
    #[table(label = "承办件数")]
    assigned: u64,
    #[table(nested, label = "办理结果")]
    outcome: Outcome,
}

#[derive(Debug, Clone, Default, Table)]
#[table(rows, label_align = "left")]
struct Levels {
    #[table(label = "市级")]
    city: Handling,
    #[table(label = "区级")]
    district: Handling,
}

#[derive(Debug, Clone, Default, Table)]
#[table(rows, corner = "类别", head = "办理情况（件）")]
struct Proposals {
    #[table(nested, label = "人大代表建议")]
    deputies: Levels,
    #[table(nested, label = "政协提案")]
    members: Levels,
}

fn with_custom_table(mut report: Report, text: &str) -> (Report, Grid) {
    let h = |n: u64| Handling {
        assigned: n,
        outcome: Outcome { solved: n, planned: 0, stated_total: None },
    };
    let table = Proposals {
        deputies: Levels { city: h(0), district: h(2) },
        members: Levels { city: h(1), district: h(1) },
    };
    let grid = table.grid();
    report.other_matters.items.push(
        Item::new("人大代表建议和政协委员提案办理方面", [text.to_owned()])
            .with_table(&table),
    );
    (report, grid)
}

fn grids_of(report: &Report) -> Vec<Grid> {
    fn walk(items: &[&Item], out: &mut Vec<Grid>) {
        for item in items {
            out.extend(item.tables.iter().cloned());
            walk(&item.items.iter().collect::<Vec<_>>(), out);
        }
    }
    let mut out = Vec::new();
    walk(&report.overview.items(), &mut out);
    out.push(report.active_disclosure.grid());
    out.push(report.applications.grid());
    out.push(report.reviews_and_lawsuits.grid());
    walk(&report.problems.items.iter().collect::<Vec<_>>(), &mut out);
    let m = &report.other_matters;
    walk(&std::iter::once(&m.fees).chain(&m.items).collect::<Vec<_>>(), &mut out);
    out
}

#[test]
fn every_table_custom_ones_included_is_its_grid_with_scoped_headers() {
    let (report, grid) = with_custom_table(SEED.clone(), "共承办建议提案5件。");
    let html = page(&report, &HtmlOptions::default());
    let grids = grids_of(&report);
    assert!(grids.contains(&grid));
    assert_tables_are_their_grids(&html, &grids);
}

#[test]
fn every_td_is_reachable_from_its_headers() {
    let (report, _) = with_custom_table(SEED.clone(), "共承办建议提案5件。");
    let html = page(&report, &HtmlOptions::default());
    let doc = Html::parse_document(&html);
    let mut checked = 0;
    for table in doc.select(&sel("table")) {
        let (cells, _, _) = rebuild(table);
        let by_id: HashMap<&str, &Placed> = table
            .select(&sel("th"))
            .zip(cells.iter().filter(|c| c.header))
            .map(|(th, placed)| {
                (th.value().attr("id").expect("every th has an id"), placed)
            })
            .collect();
        for th in table.select(&sel("th")) {
            assert!(th.value().attr("scope").is_some(), "{}", th.html());
        }
        for td in cells.iter().filter(|c| !c.header) {
            let ids: Vec<&str> =
                td.headers.as_deref().unwrap_or("").split_whitespace().collect();
            let heads: Vec<&Placed> = ids
                .iter()
                .map(|id| {
                    *by_id.get(id).unwrap_or_else(|| panic!("no th {id} in the table"))
                })
                .collect();
            let overlaps = |a: u32, n: u32, b: u32, m: u32| b < a + n && a < b + m;
            // At least one header above it over its columns, and every header named is
            // above it over its columns or left of it over its rows.
            assert!(
                heads
                    .iter()
                    .any(|h| h.row < td.row
                        && overlaps(td.col, td.colspan, h.col, h.colspan)),
                "no column header for {}",
                td.element
            );
            for h in &heads {
                let above =
                    h.row < td.row && overlaps(td.col, td.colspan, h.col, h.colspan);
                let left =
                    h.col < td.col && overlaps(td.row, td.rowspan, h.row, h.rowspan);
                assert!(above || left, "{} names {}", td.element, h.element);
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} cells checked");
}

#[test]
fn the_page_is_valid_html5_standalone_and_without_scripts() {
    let doc = Html::parse_document(&SEED_PAGE);
    assert!(doc.errors.is_empty(), "HTML5 parse errors: {:?}", doc.errors);
    assert!(SEED_PAGE.starts_with("<!DOCTYPE html>"));
    let html = doc.root_element();
    assert_eq!(html.value().attr("lang"), Some("zh-CN"));
    assert!(doc.select(&sel("head > meta[charset=utf-8]")).next().is_some());
    assert_eq!(doc.select(&sel("style")).count(), 1, "the CSS is inline");
    for e in doc.root_element().descendent_elements() {
        let name = e.value().name();
        assert!(
            !["script", "link", "img", "iframe", "object", "embed", "a"].contains(&name),
            "no <{name}>"
        );
        for (attr, _) in e.value().attrs() {
            assert!(!attr.starts_with("on"), "inline handler {attr} on <{name}>");
            assert!(!["src", "href", "style"].contains(&attr), "{attr} on <{name}>");
        }
    }
    // The fragment is the article alone, and parses cleanly as a fragment.
    let fragment = page(&SEED, &HtmlOptions { fragment: true });
    assert!(fragment.starts_with("<article class=\"govreport\">"));
    assert!(!fragment.contains("<style") && !fragment.contains("<html"));
    let frag = Html::parse_fragment(&fragment);
    assert!(frag.errors.is_empty(), "{:?}", frag.errors);
    assert_eq!(frag.select(&sel("table")).count(), 3);
}

#[test]
fn the_page_has_the_pdfs_headings_and_numbering() {
    let doc = Html::parse_document(&SEED_PAGE);
    let h1: Vec<String> = doc.select(&sel("h1")).map(|e| e.text().collect()).collect();
    assert_eq!(h1, [SEED.title()]);
    let h2: Vec<String> = doc.select(&sel("h2")).map(|e| e.text().collect()).collect();
    assert_eq!(h2, report_core::outline::section_headings());
    let titles: Vec<String> =
        doc.select(&sel(".item-title")).map(|e| e.text().collect()).collect();
    assert_eq!(
        titles.first().map(String::as_str),
        Some("（一）主动公开情况。"),
        "{titles:?}"
    );
    let signature: Vec<String> =
        doc.select(&sel(".signature, .date")).map(|e| e.text().collect()).collect();
    assert_eq!(signature, [SEED.agency.name.clone(), SEED.date_text()]);
}

/// The page's blocks in document order: headings and paragraphs one by one, each table
/// as the texts of its cells.
fn blocks(html: &str) -> Vec<Block> {
    let doc = Html::parse_document(html);
    let article = doc.select(&sel("article")).next().expect("the article");
    let mut out = Vec::new();
    for e in article.descendent_elements() {
        match e.value().name() {
            "h1" | "h2" | "p" => {
                out.push(Block::Text(compact(&e.text().collect::<String>())))
            }
            "table" => {
                let texts = |s: &str| -> Vec<String> {
                    e.select(&sel(s))
                        .map(|c| compact(&c.text().collect::<String>()))
                        .collect()
                };
                out.push(Block::Table(texts("th, td"), texts("thead th")))
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_pages_text_is_the_pdfs_text_in_the_same_order() {
    let (report, _) = with_custom_table(SEED.clone(), "共承办建议提案5件。");
    let pdf = render(&report, &RenderOptions::default()).expect("renders").pdf;
    let text = body_text(&pdf);
    let html = page(&report, &HtmlOptions::default());
    let blocks = blocks(&html);
    // Each heading or paragraph next in the PDF's text, each table's cells up to the next.
    assert_in_pdf_order(&text, blocks, "the page");
}

/// Text to put in every field: markup, entities, comments, quotes, CJK.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        "[<>&\"'/=;#!?a-z0-9 \\-\\[\\]中文（）]{1,40}",
        Just("<script>alert(1)</script>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("&amp;&lt;&#x41;&copy".to_owned()),
        Just("<!-- x --><![CDATA[y]]>".to_owned()),
        Just("\"><b onclick='x'>粗</b>".to_owned()),
        Just("</p></article><p>".to_owned()),
    ]
}

/// The elements of a page, by name, with how many of each.
/// (`<br>` left out: the title breaks where the agency's name allows.)
fn element_names(doc: &Html) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for e in doc.root_element().descendent_elements().filter(|e| e.value().name() != "br")
    {
        *out.entry(e.value().name().to_owned()).or_insert(0) += 1;
    }
    out
}

fn report_with(text: &str) -> Report {
    let mut r = SEED.clone();
    r.agency.name = format!("某{text}局");
    r.preamble = vec![text.to_owned()];
    r.overview.intro = vec![text.to_owned()];
    r.overview.active_disclosure.title = text.to_owned();
    r.overview.active_disclosure.paragraphs = vec![text.to_owned(), text.to_owned()];
    r.problems.paragraphs = vec![text.to_owned()];
    r.other_matters.fees.paragraphs = vec![text.to_owned()];
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_tag_attribute_or_entity_a_user_typed_survives(text in nasty()) {
        let (report, _) = with_custom_table(report_with(&text), &text);
        // The same page with harmless text has the same elements, the same number of each.
        let (plain, _) = with_custom_table(report_with("甲"), "甲");
        for fragment in [false, true] {
            let options = HtmlOptions { fragment };
            let html = page(&report, &options);
            let doc = if fragment { Html::parse_fragment(&html) } else { Html::parse_document(&html) };
            prop_assert!(doc.errors.is_empty(), "{:?}", doc.errors);
            let plain_html = page(&plain, &options);
            let plain_doc = if fragment { Html::parse_fragment(&plain_html) } else { Html::parse_document(&plain_html) };
            prop_assert_eq!(element_names(&doc), element_names(&plain_doc));
            for e in doc.root_element().descendent_elements() {
                for (attr, _) in e.value().attrs() {
                    prop_assert!(!attr.starts_with("on"), "{} on <{}>", attr, e.value().name());
                }
            }
            // Each field's text comes out literally.
            let texts = |s: &str| -> Vec<String> { doc.select(&sel(s)).map(|e| e.text().collect()).collect() };
            let article = sel("article > p:not(.signature):not(.date)");
            let preamble: Vec<String> = doc.select(&article).map(|e| e.text().collect()).collect();
            prop_assert_eq!(preamble, vec![text.clone()]);
            prop_assert_eq!(texts(".signature"), vec![report.agency.name.clone()]);
            prop_assert_eq!(texts("h1"), vec![report.title()]);
            let first_item = format!("（一）{}{}", report_core::outline::run_in_title(&text), text);
            let items = texts("p.item");
            prop_assert_eq!(&items[0], &first_item);
            let number = report_core::numbering::label(2, report.other_matters.items.len() + 1);
            let custom = format!("{}人大代表建议和政协委员提案办理方面。{}", number, text);
            prop_assert!(items.contains(&custom), "{:?}", items);
            let paragraphs = texts("section p:not(.item)");
            prop_assert!(paragraphs.iter().filter(|p| **p == text).count() >= 3);
        }
    }
}

/// The structure element kinds of a tagged PDF, in document order, each with its kids.
#[derive(Debug)]
struct Elem {
    kind: String,
    scope: Option<String>,
    kids: Vec<Elem>,
}

fn struct_tree(pdf: &[u8]) -> Vec<Elem> {
    let doc = Document::load_mem(pdf).expect("the PDF parses");
    let catalog = doc.catalog().expect("a catalog");
    let root = catalog.get(b"StructTreeRoot").expect("a structure tree");
    let root = match root {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        o => o,
    };
    fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
        match o {
            Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
            o => o,
        }
    }
    fn kids(doc: &Document, dict: &lopdf::Dictionary) -> Vec<Elem> {
        let Ok(k) = dict.get(b"K") else { return Vec::new() };
        let list: Vec<&Object> = match deref(doc, k) {
            Object::Array(a) => a.iter().collect(),
            o => vec![o],
        };
        list.into_iter()
            .filter_map(|o| deref(doc, o).as_dict().ok())
            .filter(|d| d.get(b"S").is_ok())
            .map(|d| elem(doc, d))
            .collect()
    }
    fn elem(doc: &Document, d: &lopdf::Dictionary) -> Elem {
        let name = |o: &Object| {
            String::from_utf8_lossy(o.as_name().unwrap_or(b"?")).into_owned()
        };
        let kind = d.get(b"S").map(|s| name(deref(doc, s))).unwrap_or_default();
        let scope = d.get(b"A").ok().and_then(|a| {
            let attrs: Vec<&Object> = match deref(doc, a) {
                Object::Array(a) => a.iter().collect(),
                o => vec![o],
            };
            attrs.into_iter().find_map(|a| {
                deref(doc, a)
                    .as_dict()
                    .ok()?
                    .get(b"Scope")
                    .ok()
                    .map(|s| name(deref(doc, s)))
            })
        });
        Elem { kind, scope, kids: kids(doc, d) }
    }
    kids(&doc, root.as_dict().expect("a dictionary"))
}

fn collect<'a>(elems: &'a [Elem], kind: &str, out: &mut Vec<&'a Elem>) {
    for e in elems {
        if e.kind == kind {
            out.push(e);
        }
        collect(&e.kids, kind, out);
    }
}

#[test]
fn pdf_tags_every_header_cell_th_with_its_scope_and_the_title_a_heading() {
    let tree = struct_tree(&SEED_PDF);
    let mut all = Vec::new();
    for e in &tree {
        all.push(e);
    }
    // The first element of the document's content is the title, tagged as a heading.
    let mut order = Vec::new();
    fn flatten<'a>(elems: &'a [Elem], out: &mut Vec<&'a Elem>) {
        for e in elems {
            out.push(e);
            flatten(&e.kids, out);
        }
    }
    flatten(&tree, &mut order);
    let first = order
        .iter()
        .find(|e| {
            !["Document", "Part", "Sect", "NonStruct", "Div"].contains(&e.kind.as_str())
        })
        .expect("some content");
    assert!(
        first.kind == "Title" || first.kind == "H1",
        "the title is tagged {:?}",
        first.kind
    );
    let mut tables = Vec::new();
    collect(&tree, "Table", &mut tables);
    let grids = [
        SEED.active_disclosure.grid(),
        SEED.applications.grid(),
        SEED.reviews_and_lawsuits.grid(),
    ];
    assert_eq!(tables.len(), grids.len(), "the seed has the three statutory tables");
    for (table, grid) in tables.iter().zip(&grids) {
        let (mut th, mut td) = (Vec::new(), Vec::new());
        collect(&table.kids, "TH", &mut th);
        collect(&table.kids, "TD", &mut td);
        let scopes = |s: HeaderScope| {
            grid.cells.iter().filter(|c| grid.header_scope(c) == Some(s)).count()
        };
        let values = grid.cells.iter().filter(|c| c.kind == CellKind::Value).count();
        assert_eq!(
            th.len(),
            scopes(HeaderScope::Column) + scopes(HeaderScope::Row),
            "every label is a TH"
        );
        assert_eq!(td.len(), values, "every value is a TD");
        let count = |s: &str| th.iter().filter(|e| e.scope.as_deref() == Some(s)).count();
        assert_eq!(count("Column"), scopes(HeaderScope::Column));
        assert_eq!(count("Row"), scopes(HeaderScope::Row));
    }
}
