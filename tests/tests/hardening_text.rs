//! Property tests: any Unicode string in any text field (items at every level, every
//! paragraph of an item, section 六's paragraphs, a custom table's cell) is printed as
//! exactly that text, spaces included, and is the PDF's title and author where the
//! agency's name goes; or it is refused with a clear error (validation's TEXT rule for
//! control and invisible characters, a missing-glyph error naming the characters no font
//! has), and only then. It never acts as Typst markup. Every case is a full render: about
//! 220 printable cases must print literally, and 40 hostile ones print or are refused.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use report_core::table::Table as _;
use report_core::validate::is_unprintable;
use report_core::{Item, Report, Table};
use report_tests::glyphs;
use report_typst::{RenderError, RenderOptions, render};

/// Characters chosen to break things: Typst markup, escapes, controls, bidi and
/// invisible formatting, full-width punctuation, rare and unsupported characters.
/// (A decomposed `e` + U+0301 is left out: it prints as the precomposed `é` glyph, the
/// same text to a reader, which a byte comparison would call a difference.)
pub(crate) const NASTY: &[&str] = &[
    "#",
    "$",
    "*",
    "_",
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    "<",
    ">",
    "@",
    "/",
    "//",
    "/*",
    "*/",
    "\\",
    "\"",
    "'",
    "`",
    "```",
    "~",
    "-",
    "--",
    "---",
    "...",
    "=",
    "==",
    "+",
    "1.",
    "- ",
    "= ",
    "#let x = 1",
    "#read(\"/etc/passwd\")",
    "#set page(width: 1cm)",
    "$x^2$",
    "<lab>",
    "@ref",
    "\\u{41}",
    "%",
    "&",
    "|",
    ";",
    ":",
    ",",
    "!",
    "?",
    "^",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{200b}",
    "\u{200d}",
    "\u{200e}",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{2028}",
    "\u{feff}",
    "\u{ad}",
    "\u{34f}",
    "\u{2061}",
    "\u{e000}",
    "\u{a0}",
    "\u{3000}",
    "。",
    "，",
    "、",
    "（",
    "）",
    "《",
    "》",
    "“",
    "”",
    "〔",
    "〕",
    "—",
    "…",
    "㐀",
    "𠮷",
    "\u{9fef}",
    "😀",
    "א",
    "ب",
    "é",
    "ﬁ",
    "Ａ",
    "①",
    "²",
    "½",
    "€",
    "¥",
    "政府",
    "信息",
    "公开",
    "年度报告",
    "abc",
    "XYZ",
    "2024",
    "0.5",
    "-1",
];

/// Pieces every bundled font set prints: the printable pieces of [`NASTY`] but those no
/// bundled font has.
fn printable_pieces() -> Vec<&'static str> {
    NASTY.iter().copied().filter(|p| p.chars().all(surely_printed)).collect()
}

/// Characters the bundled fonts surely have: printable ASCII, the spaces, the CJK
/// ideographs of Unicode 1.1 (U+4E00–U+9FA5), and the other printable characters of
/// [`NASTY`] but the four no bundled font has (U+9FEF, 😀, א, ب).
fn surely_printed(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}' | '\u{3000}' | '\u{4e00}'..='\u{9fa5}')
        || "。，、（）《》“”〔〕—…㐀𠮷éﬁＡ①²½€¥".contains(c)
}

/// Text with nothing unprintable and nothing the fonts lack: it must print.
fn printable_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(printable_pieces()).prop_map(str::to_owned),
        1 => proptest::char::ranges(vec![' '..='~', '\u{4e00}'..='\u{9fa5}'].into())
            .prop_map(String::from),
    ];
    proptest::collection::vec(piece, 1..12).prop_map(|v| v.concat())
}

fn nasty_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(NASTY).prop_map(str::to_owned),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 1..12).prop_map(|v| v.concat())
}

/// A table of the user's own, with a text cell.
#[derive(Table)]
#[table(row, head = "办理情况")]
struct Proposals {
    #[table(label = "件数")]
    count: u64,
    #[table(label = "备注")]
    note: String,
}

/// The sample report with a place for text at every level: a second paragraph of an item,
/// items at levels 3 and 4, paragraphs before section 六's items, a custom table.
pub(crate) static BASE: LazyLock<Report> = LazyLock::new(|| {
    let mut r = report_examples::wendeng_2023();
    let item = &mut r.overview.active_disclosure;
    item.paragraphs.push("第二段。".into());
    let mut level3 = Item::new("工作机制", ["机制。".to_owned()]);
    level3.items.push(Item::new("具体措施", ["措施。".to_owned()]));
    item.items.push(level3);
    r.other_matters.paragraphs.push("其他事项。".into());
    r.other_matters.items.push(
        Item::new("办理情况", ["办理如下表。".to_owned()])
            .with_table(&Proposals { count: 1, note: "备注".into() }),
    );
    r
});

/// The number of text fields [`with_text`] can fill.
pub(crate) const FIELDS: usize = 13;

/// Puts `s` into the text field numbered `field` of [`BASE`]; returns the report and the
/// text that must be printed.
pub(crate) fn with_text(field: usize, s: &str) -> (Report, String) {
    let mut r = BASE.clone();
    let o = &mut r.overview.active_disclosure;
    // Markers on both sides, unique to the field (起N号 … 号N止): the text is found where
    // it was put, never in the seed's own prose, whatever `s` is (`，`, `。` …).
    let marked = format!("起{field}号{s}号{field}止");
    let text = match field {
        0 => format!("测试{marked}局"),
        1 => format!("导语{marked}完"),
        2 => format!("引言{marked}完"),
        3 => format!("平台{marked}"),
        4 => format!("第二{marked}段"),
        5 => format!("机制{marked}"),
        6 => format!("机制段{marked}完"),
        7 => format!("措施{marked}"),
        8 => format!("措施段{marked}完"),
        9 => format!("问题{marked}完"),
        10 => format!("其他{marked}完"),
        11 => format!("收费{marked}完"),
        _ => format!("备注{marked}完"),
    };
    // The prose fields are templates (placeholders, `{{` for a brace): the text goes in
    // escaped, and must print as itself. The agency's name and a table cell are not.
    let t = if (1..=11).contains(&field) {
        report_core::placeholders::escape(&text)
    } else {
        text.clone()
    };
    match field {
        0 => r.agency.name = t,
        1 => r.preamble.insert(0, t),
        2 => r.overview.intro[0] = t,
        3 => r.overview.platforms.title = t,
        4 => o.paragraphs[1] = t,
        5 => o.items[0].title = t,
        6 => o.items[0].paragraphs[0] = t,
        7 => o.items[0].items[0].title = t,
        8 => o.items[0].items[0].paragraphs[0] = t,
        9 => r.problems.paragraphs.push(t),
        10 => r.other_matters.paragraphs[0] = t,
        11 => r.other_matters.fees.paragraphs = vec![t],
        _ => {
            let item = r.other_matters.items.last_mut().expect("the table's item");
            item.tables[0] = Proposals { count: 1, note: t }.grid();
        }
    }
    (r, text)
}

/// Stands for a line break in the printed text.
const BREAK: char = '\u{1}';

/// The printed text in content order, glyph by glyph (spaces included, page numbers
/// left out), with [`BREAK`] where a line ends.
fn printed(pdf: &[u8]) -> Vec<char> {
    let mut out = Vec::new();
    let mut last: Option<(u32, f64)> = None;
    for g in glyphs(pdf).iter().filter(|g| (g.size - 14.0).abs() > 0.01) {
        if last.is_some_and(|(p, b)| p != g.page || (b - g.baseline).abs() > 0.5) {
            out.push(BREAK);
        }
        last = Some((g.page, g.baseline));
        out.extend(g.text.chars().map(|c| if c == '\u{a0}' { ' ' } else { c }));
    }
    out
}

/// Whether `wanted` is printed from `at` on. A line break may stand where `wanted` has
/// spaces (a space at a break is not printed) or none (a break between characters).
fn printed_at(text: &[char], mut at: usize, wanted: &[char]) -> bool {
    let mut i = 0;
    while i < wanted.len() {
        match text.get(at) {
            Some(&BREAK) => {
                at += 1;
                while i < wanted.len() && matches!(wanted[i], ' ' | '\u{3000}') {
                    if text.get(at) == Some(&wanted[i]) {
                        break;
                    }
                    i += 1;
                }
            }
            Some(c) if *c == wanted[i] => {
                at += 1;
                i += 1;
            }
            _ => return false,
        }
    }
    true
}

/// Whether `wanted` is printed somewhere. A no-break space may print as the space glyph,
/// whose text in the PDF is then a space: on both sides it is compared as one.
fn is_printed(text: &[char], wanted: &str) -> bool {
    let wanted: Vec<char> =
        wanted.chars().map(|c| if c == '\u{a0}' { ' ' } else { c }).collect();
    (0..text.len()).any(|at| printed_at(text, at, &wanted))
}

/// The document information dictionary's `key`, decoded (UTF-16 with its byte order mark,
/// or PDFDocEncoding's ASCII).
fn info(pdf: &[u8], key: &[u8]) -> Option<String> {
    let doc = lopdf::Document::load_mem(pdf).ok()?;
    let info = match doc.trailer.get(b"Info").ok()? {
        lopdf::Object::Reference(id) => doc.get_object(*id).ok()?,
        o => o,
    };
    let bytes = info.as_dict().ok()?.get(key).ok()?.as_str().ok()?;
    Some(match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> =
                rest.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    })
}

/// Renders `s` in text field `field`: printed literally, or refused for what it holds.
/// Says whether it was printed (and so checked for printing literally).
fn check(field: usize, s: &str) -> Result<bool, TestCaseError> {
    let (report, wanted) = with_text(field, s);
    let outcome = render(&report, &RenderOptions::default()).map_err(|f| f.error);
    let unprintable: Vec<char> = s.chars().filter(|c| is_unprintable(*c)).collect();
    let must_print = unprintable.is_empty() && s.chars().all(surely_printed);
    match outcome {
        Ok(rendered) => {
            prop_assert!(unprintable.is_empty(), "{unprintable:?} were printed");
            let text = printed(&rendered.pdf);
            if !is_printed(&text, &wanted) {
                // The longest printed prefix, to show where it went wrong.
                let chars: Vec<char> = wanted.chars().collect();
                let mut n = chars.len();
                while n > 0 && !is_printed(&text, &chars[..n].iter().collect::<String>())
                {
                    n -= 1;
                }
                let expected: String = chars[n..].iter().take(20).collect();
                return Err(TestCaseError::fail(format!(
                    "{s:?} in field {field} is not printed literally: the first {n} \
                     characters are, then {expected:?} is not"
                )));
            }
            if field == 0 {
                let title = info(&rendered.pdf, b"Title");
                prop_assert_eq!(title, Some(report.title()), "the PDF's title");
                prop_assert_eq!(
                    info(&rendered.pdf, b"Author"),
                    Some(wanted),
                    "its author"
                );
            }
            return Ok(true);
        }
        Err(RenderError::Invalid(invalid)) => {
            prop_assert!(!must_print, "{s:?} in field {field} was refused: {invalid}");
            // Refused by validation only for an unprintable character, by rule TEXT,
            // naming it (its code point): never for another reason.
            prop_assert!(
                !unprintable.is_empty(),
                "{s:?} in field {field} was refused, though nothing is unprintable: {invalid}"
            );
            let errors: Vec<_> =
                invalid.diagnostics.iter().filter(|d| d.is_error()).collect();
            prop_assert!(!errors.is_empty());
            for d in errors {
                prop_assert_eq!(d.rule.id(), "TEXT", "{}", d);
                let named = unprintable
                    .iter()
                    .any(|c| d.to_string().contains(&format!("U+{:04X}", *c as u32)));
                prop_assert!(named, "{} names none of {:?}", d, unprintable);
            }
        }
        Err(RenderError::MissingGlyphs(missing)) => {
            prop_assert!(!must_print, "{s:?} in field {field}: {missing:?}");
            prop_assert!(unprintable.is_empty(), "unprintable text reached the fonts");
            prop_assert!(!missing.is_empty());
            // The font check names characters of the input the bundled fonts lack.
            for m in &missing {
                prop_assert!(s.contains(m.character), "{m} is not in the input");
                prop_assert!(!surely_printed(m.character), "{m} is surely printed");
            }
        }
        Err(other) => {
            return Err(TestCaseError::fail(format!(
                "{s:?} in field {field} broke the render: {other}"
            )));
        }
    }
    Ok(false)
}

/// Runs `cases` cases of `strategy` through [`check`] with proptest's settings
/// (`PROPTEST_RNG_SEED` included); returns how many were checked for printing literally.
fn run(cases: u32, strategy: impl Strategy<Value = (usize, String)>) -> usize {
    let config =
        ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() };
    let literal = AtomicUsize::new(0);
    TestRunner::new(config)
        .run(&strategy, |(field, s)| {
            if check(field, &s)? {
                literal.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    literal.into_inner()
}

#[test]
fn any_printable_text_in_any_field_prints_literally() {
    // Every case must print (a refusal fails it): at least 200 reach the literal check.
    let literal = run(220, (0..FIELDS, printable_string()));
    assert!(literal >= 200, "only {literal} cases were checked for printing literally");
}

#[test]
fn any_text_in_any_field_is_literal_or_refused() {
    run(40, (0..FIELDS, nasty_string()));
}

#[test]
fn every_nasty_piece_in_every_field() {
    // The whole list once per field, one piece at a time would be 700 renders: instead
    // every field gets all the pieces the bundled fonts surely print, joined, which must
    // reach the literal check; each unprintable piece is tried alone.
    let printable: String = printable_pieces().concat();
    for field in 0..FIELDS {
        assert!(
            check(field, &printable).unwrap(),
            "field {field}: not checked literally"
        );
    }
    for piece in NASTY.iter().filter(|p| p.chars().any(is_unprintable)) {
        assert!(!check(4, piece).unwrap(), "{piece:?} printed");
    }
}

#[test]
fn a_very_long_string_of_markup_is_literal() {
    let s: String = printable_pieces().concat().repeat(40);
    assert!(check(4, &s).unwrap(), "the long string was not checked literally");
}
