//! Property tests: any Unicode string in any text field is printed as exactly that text,
//! or refused with a clear error (validation's TEXT rule for control and invisible
//! characters, a missing-glyph error naming the characters no font has). It never acts as
//! Typst markup. Case counts are modest: every case is a full render.

use proptest::prelude::*;
use report_core::validate::is_unprintable;
use report_core::{Item, Report};
use report_tests::{body_text, compact, extract_text};
use report_typst::{RenderError, RenderOptions, render};

/// Characters chosen to break things: Typst markup, escapes, controls, bidi and
/// invisible formatting, full-width punctuation, rare and unsupported characters.
/// (A decomposed `e` + U+0301 is left out: it prints as the precomposed `é` glyph, the
/// same text to a reader, which a byte comparison would call a difference.)
const NASTY: &[&str] = &[
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

fn nasty_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(NASTY).prop_map(str::to_owned),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 1..12).prop_map(|v| v.concat())
}

/// Puts `s` into the text field numbered `field` of the sample report.
fn with_text(field: usize, s: &str) -> Report {
    let mut r = report_examples::wendeng_2023();
    match field {
        0 => r.agency.name = format!("测试{s}局"),
        1 => r.preamble.insert(0, format!("导语{s}完")),
        2 => r.overview.intro[0] = format!("引言{s}完"),
        3 => r.problems.items.push(Item::new(format!("标题{s}"), ["正文。"])),
        4 => r.problems.paragraphs.push(format!("问题{s}完")),
        5 => r.overview.platforms.title = format!("平台{s}"),
        _ => r.other_matters.fees.paragraphs = vec![format!("收费{s}完")],
    }
    r
}

fn check(field: usize, s: &str) -> Result<(), TestCaseError> {
    let report = with_text(field, s);
    let outcome = render(&report, &RenderOptions::default()).map_err(|f| f.error);
    let unprintable: Vec<char> = s.chars().filter(|c| is_unprintable(*c)).collect();
    match outcome {
        Ok(rendered) => {
            prop_assert!(unprintable.is_empty(), "{unprintable:?} were printed");
            // Page numbers (—N—) can fall inside a long paragraph: look in the text with
            // them taken out, and (should the input itself look like one) with them in.
            let full = compact(&extract_text(&rendered.pdf));
            let body = body_text(&rendered.pdf);
            let wanted = compact(&match field {
                0 => format!("测试{s}局"),
                1 => format!("导语{s}完"),
                2 => format!("引言{s}完"),
                3 => format!("标题{s}"),
                4 => format!("问题{s}完"),
                5 => format!("平台{s}"),
                _ => format!("收费{s}完"),
            });
            if !body.contains(&wanted) && !full.contains(&wanted) {
                let text = body;
                // The longest printed prefix, to show where it went wrong.
                let chars: Vec<char> = wanted.chars().collect();
                let mut n = chars.len();
                while n > 0 && !text.contains(&chars[..n].iter().collect::<String>()) {
                    n -= 1;
                }
                let prefix: String = chars[..n].iter().collect();
                let at = text.find(&prefix).unwrap_or(0) + prefix.len();
                let printed: String = text[at..].chars().take(20).collect();
                let expected: String = chars[n..].iter().take(20).collect();
                return Err(TestCaseError::fail(format!(
                    "{s:?} in field {field} is not printed literally: after {n} characters \
                     the PDF has {printed:?} where {expected:?} was expected"
                )));
            }
        }
        Err(RenderError::Invalid(invalid)) => {
            prop_assert!(!invalid.diagnostics.is_empty());
            if !unprintable.is_empty() {
                prop_assert!(
                    invalid.diagnostics.iter().any(|d| d.rule.id() == "TEXT"),
                    "unprintable {unprintable:?} not named by rule TEXT: {invalid}"
                );
            }
            let shown = invalid.to_string();
            prop_assert!(!shown.trim().is_empty());
        }
        Err(RenderError::MissingGlyphs(missing)) => {
            prop_assert!(unprintable.is_empty(), "unprintable text reached the fonts");
            prop_assert!(!missing.is_empty());
            for m in &missing {
                prop_assert!(s.contains(m.character), "{m} is not in the input");
            }
        }
        Err(other) => {
            return Err(TestCaseError::fail(format!(
                "{s:?} in field {field} broke the render: {other}"
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_text_in_any_field_is_literal_or_refused(field in 0usize..7, s in nasty_string()) {
        check(field, &s)?;
    }
}

#[test]
fn every_nasty_piece_in_every_field() {
    // The whole list once per field, one piece at a time would be 700 renders: instead
    // every field gets all printable pieces joined, and each unprintable one alone.
    let printable: String = NASTY
        .iter()
        .filter(|p| !p.chars().any(is_unprintable))
        .filter(|p| !p.chars().any(|c| matches!(c, '\u{9fef}' | '😀' | 'א' | 'ب')))
        .copied()
        .collect();
    for field in 0..7 {
        check(field, &printable).unwrap();
    }
    for piece in NASTY.iter().filter(|p| p.chars().any(is_unprintable)) {
        check(4, piece).unwrap();
    }
}

#[test]
fn a_very_long_string_of_markup_is_literal() {
    let s: String = NASTY
        .iter()
        .filter(|p| !p.chars().any(is_unprintable))
        .filter(|p| !p.chars().any(|c| matches!(c, '\u{9fef}' | '😀' | 'א' | 'ب')))
        .copied()
        .collect::<String>()
        .repeat(40);
    check(4, &s).unwrap();
}
