//! The Word document read back: unzipped with `zip`, its XML parsed with `roxmltree`. Its
//! statutory tables rebuilt from `w:gridSpan`/`w:vMerge` are the official grids cell for
//! cell; its text in document order is the PDF's; the page is GB/T 9704's as Word
//! expresses it; the bytes are reproducible; the hostile strings of the PDF's property
//! tests come out literally and never as markup; the PDF-only options are refused. (That
//! `govreport` picks the format from the extension is tested with the command line, in
//! `report-typst/cli/tests/cli_docx.rs`.)

use crate::hardening_text::{BASE, FIELDS, NASTY, with_text};
use crate::reading_order::{Block, assert_in_pdf_order};

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::sync::LazyLock;

use proptest::prelude::*;
use report_core::Report;
use report_core::docx::{DocxError, DocxOptions, render as docx};
use report_core::outline::section_headings;
use report_core::table::Table as _;
use report_tests::word::{W, is, text_of};
use report_tests::{body_text, compact};
use report_typst::{RenderOptions, render};
use roxmltree::{Document, Node};

static SEED: LazyLock<Report> = LazyLock::new(report_examples::wendeng_2023);
static SEED_DOCX: LazyLock<Vec<u8>> = LazyLock::new(|| {
    docx(&SEED, &DocxOptions::default()).expect("the seed renders").docx
});

/// Every part of the package by name.
fn parts(docx: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("an entry");
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("readable");
        out.insert(file.name().to_owned(), bytes);
    }
    out
}

fn part(docx: &[u8], name: &str) -> String {
    let bytes = parts(docx).remove(name).unwrap_or_else(|| panic!("no part {name}"));
    String::from_utf8(bytes).expect("UTF-8 XML")
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, name))
}

fn val<'a>(n: Node<'a, '_>) -> Option<&'a str> {
    n.attribute((W, "val"))
}

fn body<'a, 'i>(doc: &'a Document<'i>) -> Node<'a, 'i> {
    let document = doc.root_element();
    child(document, "body").expect("w:body")
}

/// One cell of a table as Word's table model places it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Placed {
    row: u32,
    col: u32,
    rowspan: u32,
    colspan: u32,
    text: String,
}

/// The table's cells rebuilt from its rows: a `w:tc` takes `w:gridSpan` columns from
/// where the previous one ended; `w:vMerge` without `restart` continues the cell above
/// (same columns), which then spans one more row. Also the grid's column count.
fn rebuild(tbl: Node) -> (u32, Vec<Placed>) {
    let grid = child(tbl, "tblGrid").expect("w:tblGrid");
    let columns = grid.children().filter(|c| is(c, "gridCol")).count() as u32;
    let mut placed: Vec<Placed> = Vec::new();
    for (r, tr) in tbl.children().filter(|c| is(c, "tr")).enumerate() {
        let r = r as u32;
        let mut col = 0;
        for tc in tr.children().filter(|c| is(c, "tc")) {
            let pr = child(tc, "tcPr");
            let span = pr
                .and_then(|p| child(p, "gridSpan"))
                .and_then(val)
                .map_or(1, |v| v.parse::<u32>().expect("a number"));
            let vmerge =
                pr.and_then(|p| child(p, "vMerge")).map(|m| val(m).unwrap_or("continue"));
            if vmerge == Some("continue") {
                let above = placed
                    .iter_mut()
                    .find(|p| p.col == col && p.colspan == span && p.row + p.rowspan == r)
                    .unwrap_or_else(|| {
                        panic!("row {r} col {col}: a merge continues nothing")
                    });
                above.rowspan += 1;
                assert_eq!(text_of(tc), "", "a continued cell holds no text");
            } else {
                placed.push(Placed {
                    row: r,
                    col,
                    rowspan: 1,
                    colspan: span,
                    text: text_of(tc),
                });
            }
            col += span;
        }
        assert_eq!(col, columns, "row {r} covers the grid's {columns} columns");
    }
    (columns, placed)
}

/// The top-level table right after the heading `heading`.
fn table_after<'a, 'i>(doc: &'a Document<'i>, heading: &str) -> Node<'a, 'i> {
    let mut after = false;
    for n in body(doc).children().filter(Node::is_element) {
        if is(&n, "p") && text_of(n) == heading {
            after = true;
        } else if after && is(&n, "tbl") {
            return n;
        } else if after && is(&n, "p") {
            break;
        }
    }
    panic!("no table right after {heading}")
}

#[test]
fn each_statutory_table_is_the_official_grid_cell_for_cell() {
    let official: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/official-grid.json"
    )))
    .expect("the grid fixture");
    let official = official["tables"].as_array().expect("tables");
    // Distinct numbers in every value cell, so that a value cell placed elsewhere shows.
    let mut report = SEED.clone();
    report.applications.received.natural_persons = 7;
    report.reviews_and_lawsuits.review.upheld = 3;
    report.active_disclosure.rules.issued = 5;
    let bytes = docx(&report, &DocxOptions { force: true, ..Default::default() })
        .expect("renders")
        .docx;
    let xml = part(&bytes, "word/document.xml");
    let doc = Document::parse(&xml).expect("document.xml is XML");
    let headings = section_headings();
    assert_eq!(official.len(), 3);
    for (t, table) in official.iter().enumerate() {
        assert_eq!(table["section"].as_str(), Some(headings[t + 1].as_str()));
        let (columns, placed) = rebuild(table_after(&doc, &headings[t + 1]));
        assert_eq!(u64::from(columns), table["columns"].as_u64().expect("columns"));
        let rows = placed.iter().map(|p| p.row + p.rowspan).max().unwrap_or(0);
        assert_eq!(u64::from(rows), table["rows"].as_u64().expect("rows"));
        let cells = table["cells"].as_array().expect("cells");
        assert_eq!(placed.len(), cells.len(), "{}: number of cells", headings[t + 1]);
        for (p, c) in placed.iter().zip(cells) {
            let n = |k: &str| c[k].as_u64().expect("a number") as u32;
            let at = (n("row"), n("col"), n("rowspan"), n("colspan"));
            assert_eq!(
                (p.row, p.col, p.rowspan, p.colspan),
                at,
                "{}: {p:?}",
                headings[t + 1]
            );
            match c["label"].as_str() {
                Some(label) => assert_eq!(p.text, label, "label at {at:?}"),
                None => assert!(
                    !p.text.is_empty()
                        && p.text.chars().all(|c| c.is_ascii_digit() || c == '.'),
                    "a value cell at {at:?} holds {:?}",
                    p.text
                ),
            }
        }
    }
    // The numbers set above are in their cells.
    let applications = rebuild(table_after(&doc, &headings[2])).1;
    let grid = report.applications.grid();
    for (p, g) in applications.iter().zip(&grid.cells) {
        assert_eq!(p.text, g.text, "{g:?}");
    }
}

#[test]
fn tables_fill_the_text_width_repeat_their_header_and_never_split_a_row() {
    let mut report = BASE.clone();
    report.overview.active_disclosure.paragraphs.push("附加。".into());
    let bytes = docx(&report, &DocxOptions::default()).expect("renders").docx;
    let xml = part(&bytes, "word/document.xml");
    let doc = Document::parse(&xml).expect("XML");
    let tables: Vec<Node> = body(&doc).children().filter(|n| is(n, "tbl")).collect();
    // Three statutory tables and the custom one (examples/custom_table.rs's kind).
    assert_eq!(tables.len(), 4);
    let grids = [
        report.active_disclosure.grid(),
        report.applications.grid(),
        report.reviews_and_lawsuits.grid(),
        report.other_matters.items.last().expect("the item").tables[0].clone(),
    ];
    for (tbl, grid) in tables.iter().zip(&grids) {
        let pr = child(*tbl, "tblPr").expect("tblPr");
        let width = child(pr, "tblW").expect("tblW");
        assert_eq!(width.attribute((W, "w")), Some("8845"), "156 mm in twips");
        let cols: u32 = child(*tbl, "tblGrid")
            .expect("grid")
            .children()
            .filter(|c| is(c, "gridCol"))
            .map(|c| c.attribute((W, "w")).expect("w").parse::<u32>().expect("twips"))
            .sum();
        assert_eq!(cols, 8845);
        let (columns, placed) = rebuild(*tbl);
        assert_eq!(columns, grid.columns);
        let texts: Vec<&str> = placed.iter().map(|p| p.text.as_str()).collect();
        let expected: Vec<&str> = grid.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, expected, "the cells in row-major order");
        for (r, tr) in tbl.children().filter(|c| is(c, "tr")).enumerate() {
            let pr = child(tr, "trPr").expect("trPr");
            assert!(child(pr, "cantSplit").is_some(), "row {r} may split");
            assert_eq!(
                child(pr, "tblHeader").is_some(),
                (r as u32) < grid.header_rows,
                "row {r}: header row of {} repeats",
                grid.header_rows
            );
        }
    }
    assert!(grids[1].header_rows > 0, "section 三 has header rows to repeat");
}

/// The document's blocks in order: paragraphs as their text, tables as the texts of
/// their cells and of their repeated header rows.
fn blocks(docx: &[u8]) -> Vec<Block> {
    let xml = part(docx, "word/document.xml");
    let doc = Document::parse(&xml).expect("XML");
    let mut out = Vec::new();
    for n in body(&doc).children() {
        if is(&n, "p") {
            out.push(Block::Text(compact(&text_of(n))));
        } else if is(&n, "tbl") {
            let (_, placed) = rebuild(n);
            let mut head = Vec::new();
            for (r, tr) in n.children().filter(|c| is(c, "tr")).enumerate() {
                if child(child(tr, "trPr").expect("trPr"), "tblHeader").is_some() {
                    head.extend(
                        placed
                            .iter()
                            .filter(|p| p.row == r as u32)
                            .map(|p| compact(&p.text)),
                    );
                }
            }
            out.push(Block::Table(
                placed.iter().map(|p| compact(&p.text)).collect(),
                head,
            ));
        }
    }
    out
}

#[test]
fn the_documents_text_is_the_pdfs_text_in_the_same_order() {
    let pdf = render(&BASE, &RenderOptions::default()).expect("renders").pdf;
    let text = body_text(&pdf);
    let bytes = docx(&BASE, &DocxOptions::default()).expect("renders").docx;
    // Each paragraph next in the PDF's text, each table's cells up to the next one.
    assert_eq!(assert_in_pdf_order(&text, blocks(&bytes), "the document"), 4);
}

#[test]
fn the_page_is_gb_t_9704_as_word_expresses_it() {
    let xml = part(&SEED_DOCX, "word/document.xml");
    let doc = Document::parse(&xml).expect("XML");
    let sect = child(body(&doc), "sectPr").expect("sectPr");
    let a = |n: Node, k: &str| n.attribute((W, k)).map(str::to_owned);
    let size = child(sect, "pgSz").expect("pgSz");
    assert_eq!(
        (a(size, "w"), a(size, "h")),
        (Some("11906".into()), Some("16838".into()))
    );
    let mar = child(sect, "pgMar").expect("pgMar");
    // 37, 35, 28, 26 mm in twips.
    let margins = ["top", "bottom", "left", "right"].map(|k| a(mar, k).expect("margin"));
    assert_eq!(margins, ["2098", "1984", "1587", "1474"]);
    let grid = child(sect, "docGrid").expect("docGrid");
    assert_eq!(a(grid, "type").as_deref(), Some("linesAndChars"));
    let pitch: f64 = a(grid, "linePitch").expect("linePitch").parse().expect("twips");
    assert!((pitch * 22.0 - 12756.0).abs() < 22.0, "22 lines in 225 mm: {pitch}");
    let space: f64 = a(grid, "charSpace").expect("charSpace").parse().expect("a number");
    let char_pitch = 16.0 + space / 4096.0;
    assert!(
        (char_pitch * 28.0 - 442.25).abs() < 0.5,
        "28 characters in 156 mm: {char_pitch}"
    );
    // Every paragraph with 三号 text lays it out by the characters' condensed widths, not
    // snapped to that pitch (LibreOffice gives a 16 pt character two cells of a 15.79 pt
    // grid): 28 of them fit the 8845-twip text width, 29 do not.
    let mut body_size = 0;
    for p in doc.descendants().filter(|n| is(n, "p")) {
        let sizes: Vec<Node> = p
            .descendants()
            .filter(|n| is(n, "rPr") && child(*n, "sz").and_then(val) == Some("32"))
            .collect();
        if sizes.is_empty() {
            continue;
        }
        body_size += 1;
        let snap = child(p, "pPr").and_then(|pr| child(pr, "snapToGrid")).and_then(val);
        assert!(
            matches!(snap, Some("0" | "false" | "off")),
            "a 三号 paragraph snaps to the grid ({snap:?}): {}",
            text_of(p)
        );
        for pr in sizes {
            let condense: i32 = child(pr, "spacing")
                .and_then(val)
                .expect("三号 text is condensed")
                .parse()
                .expect("twips");
            let advance = 320 + condense;
            assert!(
                28 * advance <= 8845 && 29 * advance > 8845,
                "{advance} twips a character"
            );
        }
    }
    assert!(body_size > 20, "{body_size} paragraphs of 三号 text");

    // Fonts by role and sizes: 二号 title, 三号 body and headings, by the official names.
    let runs: Vec<(String, String, String)> = doc
        .descendants()
        .filter(|n| is(n, "r"))
        .filter_map(|r| {
            let pr = child(r, "rPr")?;
            let font = child(pr, "rFonts")?.attribute((W, "eastAsia"))?.to_owned();
            let size = val(child(pr, "sz")?)?.to_owned();
            Some((font, size, text_of(r)))
        })
        .collect();
    let run = |text: &str| {
        runs.iter()
            .find(|(_, _, t)| t == text)
            .unwrap_or_else(|| panic!("no run {text:?}"))
            .clone()
    };
    let title = run(&SEED.title_lines()[0]);
    assert_eq!((title.0.as_str(), title.1.as_str()), ("方正小标宋简体", "44"));
    let heading = run(&section_headings()[0]);
    assert_eq!((heading.0.as_str(), heading.1.as_str()), ("黑体", "32"));
    let item = runs.iter().find(|(_, _, t)| t.starts_with("（一）")).expect("an item");
    assert_eq!((item.0.as_str(), item.1.as_str()), ("楷体_GB2312", "32"));
    // The preamble as printed: its placeholders (the year, the agency) filled.
    let printed = report_core::placeholders::fill(&SEED, None);
    let preamble = run(&printed.preamble[0]);
    assert_eq!((preamble.0.as_str(), preamble.1.as_str()), ("仿宋_GB2312", "32"));
    // No font is embedded: no font part in the package.
    assert!(parts(&SEED_DOCX).keys().all(|k| !k.starts_with("word/fonts/")));

    // Page numbers — N — in 四号 宋体: odd pages right, even pages left.
    let settings = part(&SEED_DOCX, "word/settings.xml");
    let settings = Document::parse(&settings).expect("XML");
    assert!(settings.descendants().any(|n| is(&n, "evenAndOddHeaders")));
    let footers: BTreeMap<String, String> = sect
        .children()
        .filter(|n| is(n, "footerReference"))
        .map(|n| {
            (
                a(n, "type").expect("type"),
                n.attribute((
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                    "id",
                ))
                .expect("r:id")
                .to_owned(),
            )
        })
        .collect();
    assert_eq!(footers.keys().collect::<Vec<_>>(), ["default", "even"]);
    let rels = part(&SEED_DOCX, "word/_rels/document.xml.rels");
    let rels = Document::parse(&rels).expect("XML");
    for (kind, id) in &footers {
        let target = rels
            .descendants()
            .find(|n| n.attribute("Id") == Some(id.as_str()))
            .and_then(|n| n.attribute("Target"))
            .expect("the footer's part");
        let xml = part(&SEED_DOCX, &format!("word/{target}"));
        let footer = Document::parse(&xml).expect("XML");
        let p = footer.descendants().find(|n| is(n, "p")).expect("a paragraph");
        let pr = child(p, "pPr").expect("pPr");
        let jc = child(pr, "jc").and_then(val).expect("jc");
        assert_eq!(jc, if kind == "even" { "left" } else { "right" });
        let instr: String = footer
            .descendants()
            .filter(|n| is(n, "instrText"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(instr.trim(), "PAGE");
        assert_eq!(text_of(p), "— 1 —");
        let r = footer.descendants().find(|n| is(n, "r")).expect("a run");
        let rpr = child(r, "rPr").expect("rPr");
        assert_eq!(
            child(rpr, "rFonts").and_then(|f| f.attribute((W, "eastAsia"))),
            Some("宋体")
        );
        assert_eq!(child(rpr, "sz").and_then(val), Some("28"));
    }

    // The signature and date close the document, right-aligned, the date below.
    let paragraphs: Vec<Node> = body(&doc).children().filter(|n| is(n, "p")).collect();
    let [.., name, date] = paragraphs.as_slice() else { panic!("no closing") };
    assert_eq!(text_of(*name), SEED.agency.name);
    assert_eq!(text_of(*date), SEED.date_text());
    // The name 右空二字; the date starts two characters right of the name's first
    // character (the seed's name is all CJK: one grid character each).
    let ind = |p: Node, k: &str| -> f64 {
        let pr = child(p, "pPr").expect("pPr");
        child(pr, "ind")
            .and_then(|i| i.attribute((W, k)))
            .map_or(0.0, |v| v.parse().expect("twips"))
    };
    let jc = |p: Node| {
        child(child(p, "pPr").expect("pPr"), "jc").and_then(val).map(str::to_owned)
    };
    let char_w = 8845.0 / 28.0;
    assert_eq!(jc(*name).as_deref(), Some("right"));
    assert!((ind(*name, "right") - 2.0 * char_w).abs() < 1.0);
    assert_eq!(jc(*date).as_deref(), Some("left"));
    let name_start =
        8845.0 - 2.0 * char_w - SEED.agency.name.chars().count() as f64 * char_w;
    assert!(
        (ind(*date, "left") - (name_start + 2.0 * char_w)).abs() < 2.0,
        "{}",
        ind(*date, "left")
    );
}

#[test]
fn the_bytes_are_reproducible_with_fixed_dates() {
    let again = docx(&SEED, &DocxOptions::default()).expect("renders").docx;
    assert!(again == *SEED_DOCX, "a second render in the same process differs");
    let other = std::thread::spawn(|| {
        docx(&SEED, &DocxOptions::default()).expect("renders").docx
    })
    .join()
    .expect("the thread");
    assert!(other == *SEED_DOCX, "a render on another thread differs");
    let mut zip = zip::ZipArchive::new(Cursor::new(&*SEED_DOCX)).expect("zip");
    for i in 0..zip.len() {
        let file = zip.by_index(i).expect("entry");
        assert_eq!(
            file.last_modified(),
            Some(zip::DateTime::default()),
            "{}: the zip's own date is 1980-01-01",
            file.name()
        );
    }
    let core = part(&SEED_DOCX, "docProps/core.xml");
    let date = SEED.date.format("%Y-%m-%dT00:00:00Z").to_string();
    let core = Document::parse(&core).expect("XML");
    for name in ["created", "modified"] {
        let n = core.descendants().find(|n| n.tag_name().name() == name).expect(name);
        assert_eq!(n.text(), Some(date.as_str()), "{name} is the report's date");
    }
}

#[test]
fn errors_are_refused_unless_forced_and_bold_is_the_house_style() {
    let mut report = SEED.clone();
    report.applications.received.stated_total = Some(99);
    match docx(&report, &DocxOptions::default()) {
        Err(DocxError::Invalid(invalid)) => {
            assert!(invalid.diagnostics.iter().any(|d| d.is_error()))
        }
        other => panic!("expected a refusal, got {:?}", other.map(|r| r.docx.len())),
    }
    let forced = docx(&report, &DocxOptions { force: true, ..Default::default() })
        .expect("forced");
    assert!(forced.diagnostics.iter().any(|d| d.is_error()));

    let bold = docx(&SEED, &DocxOptions { bold_subheadings: true, ..Default::default() })
        .expect("renders")
        .docx;
    let count_bold = |bytes: &[u8]| {
        let xml = part(bytes, "word/document.xml");
        let doc = Document::parse(&xml).expect("XML");
        doc.descendants()
            .filter(|n| is(n, "r"))
            .filter(|r| child(*r, "rPr").and_then(|p| child(p, "b")).is_some())
            .map(|r| text_of(r))
            .collect::<Vec<_>>()
    };
    assert!(count_bold(&SEED_DOCX).is_empty());
    let bolded = count_bold(&bold);
    assert!(
        !bolded.is_empty() && bolded.iter().all(|t| t.starts_with('（')),
        "{bolded:?}"
    );
}

#[test]
fn the_pdf_only_options_are_refused_with_a_clear_error() {
    for (options, word) in [
        (RenderOptions { pdf_a: true, ..Default::default() }, "PDF/A"),
        (RenderOptions { tagged: false, ..Default::default() }, "tagged"),
        (RenderOptions { font_dirs: vec!["fonts".into()], ..Default::default() }, "font"),
    ] {
        let error = report_typst::docx::render(&SEED, &options).expect_err("refused");
        let message = error.to_string();
        assert!(message.contains(word) && message.contains("Word"), "{message}");
    }
    let options =
        RenderOptions { bold_subheadings: true, force: true, ..Default::default() };
    let word = report_typst::docx::docx_options(&options).expect("accepted");
    assert_eq!(word, DocxOptions { bold_subheadings: true, force: true });
}

/// What the document must show for `text`: itself, with the characters XML cannot carry
/// as U+FFFD (validation refuses those unless forced).
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| {
            let n = c as u32;
            let illegal = (c.is_control() && c != '\t' && c != '\n')
                || (0xFDD0..=0xFDEF).contains(&n)
                || n & 0xFFFE == 0xFFFE;
            if illegal { '\u{FFFD}' } else { c }
        })
        .collect()
}

/// The counts of the elements that give a document its structure, and those that would
/// make text act: fields, hyperlinks, embedded objects.
fn structure(xml: &str) -> BTreeMap<&'static str, usize> {
    let doc = Document::parse(xml).expect("document.xml stays well-formed XML");
    let mut out = BTreeMap::new();
    for name in [
        "p",
        "tbl",
        "tr",
        "tc",
        "sectPr",
        "hyperlink",
        "fldSimple",
        "fldChar",
        "instrText",
        "object",
        "drawing",
        "altChunk",
        "sdt",
    ] {
        out.insert(name, doc.descendants().filter(|n| is(n, name)).count());
    }
    out
}

/// For each field, the structure with a plain word in it (a field may add a paragraph).
static PLAIN_STRUCTURE: LazyLock<Vec<BTreeMap<&'static str, usize>>> =
    LazyLock::new(|| {
        (0..FIELDS)
            .map(|field| {
                let (report, _) = with_text(field, "甲");
                let bytes = docx(&report, &DocxOptions::default()).expect("renders").docx;
                structure(&part(&bytes, "word/document.xml"))
            })
            .collect()
    });

/// `s` in field `field`: the document is refused exactly when validation finds errors;
/// forced, it is well-formed, has the structure it has with a plain word there (no
/// field, hyperlink or object), and shows the text literally.
fn check(field: usize, s: &str) -> Result<(), TestCaseError> {
    let (report, text) = with_text(field, s);
    let has_errors = report.validate().iter().any(|d| d.is_error());
    let plain = docx(&report, &DocxOptions::default());
    prop_assert_eq!(plain.is_err(), has_errors, "field {} {:?}", field, s);
    let bytes = docx(&report, &DocxOptions { force: true, ..Default::default() })
        .map_err(|e| TestCaseError::fail(e.to_string()))?
        .docx;
    let xml = part(&bytes, "word/document.xml");
    let plain = &PLAIN_STRUCTURE[field];
    prop_assert_eq!(&structure(&xml), plain, "field {} {:?}", field, s);
    prop_assert_eq!(plain["hyperlink"] + plain["fldChar"] + plain["instrText"], 0);
    let doc = Document::parse(&xml).expect("XML");
    let all: Vec<String> =
        body(&doc).descendants().filter(|n| is(n, "p")).map(|p| text_of(p)).collect();
    let wanted = shown(&text);
    prop_assert!(
        all.iter().any(|p| p.contains(&wanted)),
        "field {} {:?}: {:?} not in the document",
        field,
        s,
        wanted
    );
    Ok(())
}

#[test]
fn every_hostile_piece_in_every_field_is_literal() {
    for field in 0..FIELDS {
        for piece in NASTY {
            if let Err(e) = check(field, piece) {
                panic!("{e}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Concatenations of the hostile pieces and any characters, in any field.
    #[test]
    fn any_hostile_text_in_any_field_is_literal(
        field in 0..FIELDS,
        s in proptest::collection::vec(
            prop_oneof![
                4 => proptest::sample::select(NASTY).prop_map(str::to_owned),
                1 => any::<char>().prop_map(|c| c.to_string()),
            ],
            1..12,
        ).prop_map(|v| v.concat()),
    ) {
        check(field, &s)?;
    }
}

/// The children of each property element in the order ECMA-376 Part 1 declares them (a
/// transcription of the schema's sequences, kept here as the test's own oracle): Word is a
/// strict reader of WordprocessingML, and a property out of place can make it "repair"
/// the file.
const SCHEMA: &[(&str, &str)] = &[
    (
        "pPr",
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr \
         suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct \
         topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind \
         contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment \
         textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    ),
    (
        "rPr",
        "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike \
         outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w \
         kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang \
         eastAsianLayout specVanish oMath rPrChange",
    ),
    (
        "sectPr",
        "headerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType \
         pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter \
         docGrid printerSettings sectPrChange",
    ),
    (
        "tblPr",
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW \
         jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption \
         tblDescription",
    ),
    (
        "tcPr",
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    ),
    ("tblBorders", "top left start bottom right end insideH insideV"),
    ("tblCellMar", "top left start bottom right end"),
];

#[test]
fn every_property_element_lists_its_children_in_the_schemas_order() {
    let mut checked = 0;
    for (name, bytes) in parts(&SEED_DOCX) {
        if !(name.starts_with("word/") && name.ends_with(".xml")) {
            continue;
        }
        let xml = String::from_utf8(bytes).expect("UTF-8");
        let doc = Document::parse(&xml).expect("XML");
        for element in doc.descendants().filter(|n| n.tag_name().namespace() == Some(W)) {
            let Some((_, order)) =
                SCHEMA.iter().find(|(tag, _)| *tag == element.tag_name().name())
            else {
                continue;
            };
            let order: Vec<&str> = order.split_whitespace().collect();
            let ranks: Vec<usize> = element
                .children()
                .filter(Node::is_element)
                .map(|c| {
                    let child = match c.tag_name().name() {
                        "footerReference" => "headerReference",
                        other => other,
                    };
                    order.iter().position(|o| *o == child).unwrap_or_else(|| {
                        panic!(
                            "{name}: w:{child} is not a child of w:{}",
                            element.tag_name().name()
                        )
                    })
                })
                .collect();
            assert!(
                ranks.is_sorted(),
                "{name}: the children of w:{} are out of the schema's order: {:?}",
                element.tag_name().name(),
                element
                    .children()
                    .filter(Node::is_element)
                    .map(|c| c.tag_name().name())
                    .collect::<Vec<_>>()
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} property elements");
}
