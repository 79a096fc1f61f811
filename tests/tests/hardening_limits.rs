//! Limits: huge text, many paragraphs, long reports and bad font folders render or fail
//! with a clear error, never a crash or a hang. (Times are measured by the bench, not here;
//! these tests only prove that each case finishes and says what happened.)

use std::path::PathBuf;

use report_core::Item;
use report_tests::compact;
use report_typst::{RenderError, RenderOptions, render};

/// A sentence of GB 2312 characters (every one in the bundled body font).
const SENTENCE: &str =
    "本机关坚持以公开为常态不公开为例外推进决策执行管理服务结果全过程公开。";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("govreport-hardening-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn a_one_megabyte_paragraph_renders() {
    let mut r = report_examples::wendeng_2023();
    let n = 1_000_000 / SENTENCE.len() + 1;
    let paragraph = SENTENCE.repeat(n);
    assert!(paragraph.len() >= 1_000_000);
    r.problems.paragraphs.push(paragraph);
    let rendered =
        render(&r, &RenderOptions::default()).expect("a 1 MB paragraph renders");
    assert!(rendered.pages > 100, "{} pages", rendered.pages);
}

#[test]
fn ten_thousand_paragraphs_render() {
    let mut r = report_examples::wendeng_2023();
    r.problems.paragraphs = (0..10_000).map(|i| format!("第{i}段。")).collect();
    let rendered =
        render(&r, &RenderOptions::default()).expect("10,000 paragraphs render");
    assert!(rendered.pages > 100, "{} pages", rendered.pages);
}

#[test]
fn a_two_hundred_page_report_renders_with_every_item() {
    let mut r = report_examples::wendeng_2023();
    // About 3 full lines a paragraph, 22 lines a page: 1,530 paragraphs ≈ 200 pages, in
    // 90 items (numbering goes to 99).
    r.problems.items = (0..90)
        .map(|i| Item::new(format!("问题{i}"), vec![SENTENCE.repeat(3); 17]))
        .collect();
    let rendered =
        render(&r, &RenderOptions::default()).expect("a 200-page report renders");
    assert!(rendered.pages >= 200, "{} pages", rendered.pages);
    let text = compact(&report_tests::extract_text(&rendered.pdf));
    assert!(text.contains("问题89"), "the last item is printed");
}

#[test]
fn a_missing_font_folder_is_an_error_naming_it() {
    let missing = std::env::temp_dir().join("govreport-no-such-font-folder-4711");
    let options =
        RenderOptions { font_dirs: vec![missing.clone()], ..RenderOptions::default() };
    match render(&report_examples::wendeng_2023(), &options).map_err(|f| f.error) {
        Err(e @ RenderError::FontDir { .. }) => {
            let message = e.to_string();
            assert!(message.contains("govreport-no-such-font-folder-4711"), "{message}");
        }
        other => panic!("expected a font folder error, got {other:?}"),
    }
}

#[test]
fn an_empty_font_folder_warns_and_the_bundled_fonts_are_used() {
    let dir = scratch("empty");
    let options =
        RenderOptions { font_dirs: vec![dir.clone()], ..RenderOptions::default() };
    let rendered = render(&report_examples::wendeng_2023(), &options)
        .expect("renders with the bundled fonts");
    assert!(
        rendered.warnings.iter().any(|w| w.message.contains("holds no font files")),
        "{:?}",
        rendered.warnings
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corrupt_font_files_warn_and_are_ignored() {
    let dir = scratch("corrupt");
    // Not a font at all; a truncated real font; a font header followed by garbage. The
    // real font is the body's, printed on every page, so that a broken copy taken in its
    // place would show.
    std::fs::write(dir.join("garbage.ttf"), b"this is not a font").unwrap();
    let real = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../report-typst/fonts/fandol/FandolFang-Regular.otf"
    ))
    .expect("a bundled font");
    std::fs::write(dir.join("truncated.otf"), &real[..4096]).unwrap();
    let mut header = real[..12].to_vec();
    header.extend(std::iter::repeat_n(0xAB, 100_000));
    std::fs::write(dir.join("header-only.otf"), header).unwrap();
    std::fs::write(dir.join("empty.ttc"), b"").unwrap();
    let options =
        RenderOptions { font_dirs: vec![dir.clone()], ..RenderOptions::default() };
    let rendered = render(&report_examples::wendeng_2023(), &options)
        .expect("renders with the bundled fonts");
    for name in ["garbage.ttf", "header-only.otf", "empty.ttc", "truncated.otf"] {
        assert!(
            rendered.warnings.iter().any(|w| w.message.contains(name)),
            "no warning names {name}: {:?}",
            rendered.warnings
        );
    }
    // Ignored means ignored: the PDF's fonts are the bundled ones, and it is the very
    // PDF rendered without the folder.
    let bundled = render(&report_examples::wendeng_2023(), &RenderOptions::default())
        .expect("renders");
    let names = |pdf: &[u8]| -> Vec<String> {
        report_tests::fonts(pdf).into_iter().map(|f| f.base_font).collect()
    };
    assert_eq!(names(&rendered.pdf), names(&bundled.pdf));
    assert!(rendered.pdf == bundled.pdf, "the corrupt fonts changed the PDF");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_truncated_font_file_is_named_in_a_warning() {
    let dir = scratch("truncated");
    let real = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../report-typst/fonts/fandol/FandolFang-Regular.otf"
    ))
    .expect("a bundled font");
    std::fs::write(dir.join("truncated.otf"), &real[..4096]).unwrap();
    let options =
        RenderOptions { font_dirs: vec![dir.clone()], ..RenderOptions::default() };
    let rendered = render(&report_examples::wendeng_2023(), &options)
        .expect("renders with the bundled fonts");
    assert!(
        rendered.warnings.iter().any(|w| w.message.contains("truncated.otf")),
        "no warning names truncated.otf: {:?}",
        rendered.warnings
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A copy of an OpenType font whose family (and full and PostScript names) is `family`:
/// a new `name` table appended at the end, the table directory pointing at it. With
/// `truncated`, the outlines' table (`CFF `) is made to run past the end of the file, as
/// in a download cut short: its metadata still reads, its glyphs do not.
fn renamed_font(real: &[u8], family: &str, truncated: bool) -> Vec<u8> {
    let u16_at = |at: usize| u16::from_be_bytes([real[at], real[at + 1]]) as usize;
    let tables = u16_at(4);
    let mut out = real.to_vec();
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    // The name table: format 0, Windows Unicode records for ids 1 (family), 2 (style),
    // 4 (full name) and 6 (PostScript name), strings in UTF-16BE.
    let names: [(u16, &str); 4] = [(1, family), (2, "Regular"), (4, family), (6, family)];
    let mut strings = Vec::new();
    let mut table = Vec::new();
    table.extend(0u16.to_be_bytes());
    table.extend((names.len() as u16).to_be_bytes());
    table.extend((6 + 12 * names.len() as u16).to_be_bytes());
    for (id, text) in names {
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for v in [3u16, 1, 0x0409, id, bytes.len() as u16, strings.len() as u16] {
            table.extend(v.to_be_bytes());
        }
        strings.extend(bytes);
    }
    table.extend(strings);
    let name_offset = out.len();
    out.extend(&table);
    for i in 0..tables {
        let record = 12 + 16 * i;
        let tag = &real[record..record + 4];
        if tag == b"name" {
            out[record + 8..record + 12]
                .copy_from_slice(&(name_offset as u32).to_be_bytes());
            out[record + 12..record + 16]
                .copy_from_slice(&(table.len() as u32).to_be_bytes());
        }
        if truncated && tag == b"CFF " {
            let past = (out.len() + 1) as u32;
            out[record + 12..record + 16].copy_from_slice(&past.to_be_bytes());
        }
    }
    out
}

#[test]
fn a_truncated_face_of_an_official_family_is_named_and_the_bundled_face_prints() {
    let real = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../report-typst/fonts/fandol/FandolFang-Regular.otf"
    ))
    .expect("a bundled font");
    let report = report_examples::wendeng_2023();
    let pdf_fonts = |pdf: &[u8]| -> Vec<String> {
        report_tests::fonts(pdf).into_iter().map(|f| f.base_font).collect()
    };
    // Whole, the renamed face is the official body family and sets the body: the
    // renaming works, so the fallback below is the truncation's doing.
    let whole = scratch("official-whole");
    std::fs::write(
        whole.join("fangsong.otf"),
        renamed_font(&real, "FangSong_GB2312", false),
    )
    .unwrap();
    let options =
        RenderOptions { font_dirs: vec![whole.clone()], ..RenderOptions::default() };
    let rendered = render(&report, &options).expect("renders with the official family");
    assert!(
        pdf_fonts(&rendered.pdf).iter().any(|f| f.ends_with("+FangSong_GB2312")),
        "the whole face is not used: {:?}",
        pdf_fonts(&rendered.pdf)
    );
    // Cut short, it is named in a warning and left out: the body falls back to the
    // bundled face, and the PDF is the one rendered without the folder.
    let cut = scratch("official-truncated");
    std::fs::write(
        cut.join("fangsong.otf"),
        renamed_font(&real, "FangSong_GB2312", true),
    )
    .unwrap();
    let options =
        RenderOptions { font_dirs: vec![cut.clone()], ..RenderOptions::default() };
    let rendered = render(&report, &options).expect("renders with the bundled fonts");
    assert!(
        rendered
            .warnings
            .iter()
            .any(|w| w.rule.id() == "FONT" && w.message.contains("fangsong.otf")),
        "no FONT warning names fangsong.otf: {:?}",
        rendered.warnings
    );
    let fonts = pdf_fonts(&rendered.pdf);
    assert!(!fonts.iter().any(|f| f.contains("FangSong_GB2312")), "{fonts:?}");
    assert!(fonts.iter().any(|f| f.contains("FandolFang")), "{fonts:?}");
    let bundled = render(&report, &RenderOptions::default()).expect("renders");
    assert!(rendered.pdf == bundled.pdf, "the truncated face changed the PDF");
    let _ = std::fs::remove_dir_all(&whole);
    let _ = std::fs::remove_dir_all(&cut);
}

#[test]
fn a_font_folder_that_is_a_file_is_an_error() {
    let dir = scratch("file");
    let file = dir.join("not-a-folder.otf");
    std::fs::write(&file, b"x").unwrap();
    let options = RenderOptions { font_dirs: vec![file], ..RenderOptions::default() };
    match render(&report_examples::wendeng_2023(), &options).map_err(|f| f.error) {
        Err(RenderError::FontDir { .. }) => {}
        other => panic!("expected a font folder error, got {other:?}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_hundred_and_five_items_in_one_section_are_numbered_to_the_end_without_a_panic() {
    let mut r = report_examples::wendeng_2023();
    r.problems.items = (1..=105).map(|i| Item::titled(format!("问题{i}"))).collect();
    let outcome = std::panic::catch_unwind(|| render(&r, &RenderOptions::default()));
    let rendered = match outcome {
        Ok(Ok(rendered)) => rendered,
        Ok(Err(e)) => panic!("105 items were refused: {e}"),
        Err(_) => panic!("rendering 105 items panicked"),
    };
    let text = report_tests::body_text(&rendered.pdf);
    for expected in ["（九十九）问题99", "（一百）问题100", "（一百零五）问题105"]
    {
        assert!(text.contains(expected), "{expected} missing");
    }
}
