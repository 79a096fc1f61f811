//! The page per GB/T 9704-2012 (docs/format.md §5), measured on the PDF: text block, grid,
//! characters per line, fonts by role, page numbers, signature, tables.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use report_core::outline::section_headings;
use report_tests::{Glyph, body_text, glyphs};
use report_typst::{RenderOptions, render};

const MM: f64 = 72.0 / 25.4;
const LEFT: f64 = 28.0 * MM;
const RIGHT: f64 = (28.0 + 156.0) * MM;
const TOP: f64 = 37.0 * MM;
const BOTTOM: f64 = (37.0 + 225.0) * MM;
const PITCH: f64 = 225.0 * MM / 22.0;
const CHAR: f64 = 156.0 * MM / 28.0;
const HALF_MM: f64 = 0.5 * MM;
/// The body line box: 16 pt, its top 0.88 em above the baseline.
const ASCENT_16: f64 = 0.88 * 16.0;

struct Rendered {
    pdf: Vec<u8>,
    glyphs: Vec<Glyph>,
}

fn rendered(report: report_core::Report) -> Rendered {
    let pdf = render(&report, &RenderOptions::default()).expect("renders").pdf;
    let glyphs = glyphs(&pdf);
    Rendered { pdf, glyphs }
}

static SEED: LazyLock<Rendered> =
    LazyLock::new(|| rendered(report_examples::wendeng_2023()));
static LONG: LazyLock<Rendered> =
    LazyLock::new(|| rendered(report_examples::long_report()));

fn both() -> [(&'static str, &'static Rendered); 2] {
    [("seed", &SEED), ("long", &LONG)]
}

/// Lines of 16 pt text (body and headings), by page and baseline.
fn lines(glyphs: &[Glyph]) -> BTreeMap<(u32, i64), Vec<&Glyph>> {
    let mut out: BTreeMap<(u32, i64), Vec<&Glyph>> = BTreeMap::new();
    for g in glyphs.iter().filter(|g| (g.size - 16.0).abs() < 0.01) {
        out.entry((g.page, (g.baseline * 100.0).round() as i64)).or_default().push(g);
    }
    out
}

fn grid_index(baseline: f64) -> f64 {
    (baseline - ASCENT_16 - TOP) / PITCH
}

#[test]
fn the_text_block_is_28_mm_from_the_left_37_mm_from_the_top_156_by_225_mm() {
    for (name, r) in both() {
        let lines = lines(&r.glyphs);
        let left =
            lines.values().flatten().map(|g| g.ink_left()).fold(f64::MAX, f64::min);
        assert!(
            (left - LEFT).abs() < HALF_MM,
            "{name}: left edge at {left} pt, not {LEFT}"
        );
        let right = lines.values().flatten().map(|g| g.ink_right()).fold(0.0, f64::max);
        assert!(
            (right - RIGHT).abs() < HALF_MM,
            "{name}: right edge at {right} pt, not {RIGHT}"
        );
        // Every page's first body line sits on the block's first grid line (its top at
        // the text block's top), except the first page, where the title is, and pages
        // that begin with a table.
        let mut first: BTreeMap<u32, f64> = BTreeMap::new();
        for &(page, b) in lines.keys() {
            first.entry(page).or_insert(b as f64 / 100.0);
        }
        let mut checked = 0;
        for (page, baseline) in first.iter().filter(|(p, _)| **p > 1) {
            let above = r.glyphs.iter().any(|g| {
                g.page == *page && g.size < 14.0 && g.baseline < *baseline - 1.0
            });
            if above {
                continue;
            }
            let top = baseline - ASCENT_16;
            assert!(
                (top - TOP).abs() < HALF_MM,
                "{name} page {page}: first line's top {top} is not the text block's top {TOP}"
            );
            checked += 1;
        }
        assert!(checked * 2 >= first.len(), "{name}: only {checked} pages checked");
        // Nothing is drawn below the text block but the page number.
        let lowest = lines.values().flatten().map(|g| g.baseline).fold(0.0, f64::max);
        assert!(lowest + 0.12 * 16.0 < BOTTOM + HALF_MM, "{name}: text below the block");
        let title =
            r.glyphs.iter().find(|g| (g.size - 22.0).abs() < 0.01).expect("a title");
        assert!(
            (title.baseline - 0.88 * 22.0 - TOP).abs() < HALF_MM,
            "{name}: title top"
        );
    }
}

#[test]
fn every_16pt_line_sits_on_the_22_line_grid_and_a_full_page_has_22_lines() {
    for (name, r) in both() {
        let lines = lines(&r.glyphs);
        let mut per_page: BTreeMap<u32, usize> = BTreeMap::new();
        for &(page, b) in lines.keys() {
            let baseline = b as f64 / 100.0;
            let k = grid_index(baseline);
            assert!(
                (k - k.round()).abs() * PITCH < 0.2,
                "{name} page {page}: baseline {baseline} is {} pt off the grid (line {k:.2})",
                (k - k.round()) * PITCH
            );
            assert!(
                (0.0..22.0).contains(&k.round()),
                "{name} page {page}: line {k} outside the block"
            );
            *per_page.entry(page).or_default() += 1;
        }
        assert!(per_page.values().all(|n| *n <= 22), "{name}: {per_page:?}");
        if name == "long" {
            let full = per_page.values().filter(|n| **n == 22).count();
            assert!(full >= 5, "long: only {full} full pages of 22 lines: {per_page:?}");
            // The pitch between consecutive lines of a full page.
            let (page, _) = per_page.iter().find(|(_, n)| **n == 22).unwrap();
            let baselines: Vec<f64> = lines
                .keys()
                .filter(|(p, _)| p == page)
                .map(|(_, b)| *b as f64 / 100.0)
                .collect();
            for w in baselines.windows(2) {
                assert!(
                    (w[1] - w[0] - PITCH).abs() < 0.2,
                    "pitch {} on page {page}",
                    w[1] - w[0]
                );
            }
        }
    }
}

#[test]
fn a_full_line_of_chinese_holds_28_characters() {
    let lines = lines(&LONG.glyphs);
    let han_lines: Vec<usize> = lines
        .values()
        .filter(|l| {
            l.iter()
                .all(|g| g.text.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)))
        })
        .filter(|l| l.iter().all(|g| g.font == "FandolFang-Regular"))
        .map(Vec::len)
        .collect();
    let full = han_lines.iter().filter(|n| **n == 28).count();
    assert!(full >= 50, "only {full} lines of 28 Han characters: {han_lines:?}");
    assert!(
        han_lines.iter().all(|n| *n <= 28),
        "a line holds more than 28: {han_lines:?}"
    );
    // Indented first lines hold 26.
    assert!(han_lines.contains(&26));
}

fn text_of(line: &[&Glyph]) -> String {
    line.iter().map(|g| g.text.as_str()).collect()
}

#[test]
fn fonts_by_role() {
    for (name, r) in both() {
        for g in r.glyphs.iter().filter(|g| (g.size - 22.0).abs() < 0.01) {
            assert_eq!(g.font, "FandolSong-Bold", "{name}: title glyph {}", g.text);
        }
        let lines = lines(&r.glyphs);
        let headings = section_headings();
        let mut headings_seen = vec![0; headings.len()];
        let mut seen = [false; 3];
        for line in lines.values() {
            let text = text_of(line);
            let fonts: Vec<&str> = line.iter().map(|g| g.font.as_str()).collect();
            if let Some(h) = headings.iter().position(|h| text == *h) {
                assert!(
                    fonts.iter().all(|f| *f == "FandolHei-Regular"),
                    "{name}: {text}: {fonts:?}"
                );
                headings_seen[h] += 1;
                seen[0] = true;
            }
            if let Some(rest) = text.strip_prefix("（一）主动公开情况。") {
                let n = "（一）主动公开情况。".chars().count();
                assert!(
                    fonts[..n].iter().all(|f| *f == "FandolKai-Regular"),
                    "{name}: {text}"
                );
                assert!(
                    !rest.is_empty()
                        && fonts[n..].iter().all(|f| *f == "FandolFang-Regular")
                );
                seen[1] = true;
            }
            if text.starts_with("2023年，区科学技术局")
                || text.starts_with("本机关坚持以公开")
            {
                assert!(
                    fonts.iter().all(|f| *f == "FandolFang-Regular"),
                    "{name}: {text}"
                );
                seen[2] = true;
            }
        }
        assert_eq!(seen, [true; 3], "{name}: every role was checked");
        assert_eq!(
            headings_seen,
            vec![1; headings.len()],
            "{name}: each of the six headings was checked once, in 黑体"
        );
    }
    // 1. items of the long report are in 仿宋.
    let lines = lines(&LONG.glyphs);
    let item =
        lines.values().find(|l| text_of(l).starts_with("1.工作机制")).expect("a 1. item");
    assert!(item.iter().all(|g| g.font == "FandolFang-Regular"));
}

#[test]
fn page_numbers_are_14pt_song_with_em_dashes_7mm_below_the_block_odd_right_even_left() {
    for (name, r) in both() {
        let mut pages: BTreeMap<u32, Vec<&Glyph>> = BTreeMap::new();
        for g in r.glyphs.iter().filter(|g| (g.size - 14.0).abs() < 0.01) {
            pages.entry(g.page).or_default().push(g);
        }
        assert!(pages.len() >= 3, "{name}: page numbers on {} pages", pages.len());
        for (page, number) in pages {
            let text = text_of(&number).replace(' ', "");
            assert_eq!(text, format!("—{page}—"), "{name} page {page}");
            assert!(
                number.iter().all(|g| g.font == "FandolSong-Regular"),
                "{name}: {number:?}"
            );
            let top = number[0].baseline - number[0].ascent;
            assert!(
                (top - (BOTTOM + 7.0 * MM)).abs() < HALF_MM,
                "{name} page {page}: top {top}"
            );
            let first = number.first().unwrap();
            let last = number.last().unwrap();
            if page % 2 == 1 {
                let right = last.x + last.advance;
                assert!(
                    (right - (RIGHT - 14.0)).abs() < HALF_MM,
                    "{name} p{page}: right {right}"
                );
            } else {
                assert!(
                    (first.x - (LEFT + 14.0)).abs() < HALF_MM,
                    "{name} p{page}: left {}",
                    first.x
                );
            }
        }
    }
}

#[test]
fn the_signature_is_right_indented_two_characters_and_the_date_starts_two_characters_in()
{
    for (name, r) in both() {
        let lines = lines(&r.glyphs);
        let keys: Vec<_> = lines.keys().copied().collect();
        let date_key = *keys.last().unwrap();
        let name_key = keys[keys.len() - 2];
        let date = &lines[&date_key];
        let agency = &lines[&name_key];
        let agency_text = text_of(agency);
        assert!(text_of(date).ends_with('日'), "{name}: {}", text_of(date));
        // One line apart, and one blank line above the name.
        assert!(((date_key.1 - name_key.1) as f64 / 100.0 - PITCH).abs() < 0.2);
        let above = keys[keys.len() - 3];
        assert!(
            ((name_key.1 - above.1) as f64 / 100.0 - 2.0 * PITCH).abs() < 0.2,
            "{name}"
        );
        let name_right = agency.last().map(|g| g.x + g.advance).unwrap();
        let name_left = agency[0].x;
        let date_left = date[0].x;
        let date_right = date.last().map(|g| g.x + g.advance).unwrap();
        if date_right - date_left > name_right - name_left - 2.0 * CHAR {
            // The date is the longer: it is right-indented two, the name two left of it.
            assert!(
                (date_right - (RIGHT - 2.0 * CHAR)).abs() < 1.0,
                "{name}: date {date_right}"
            );
            assert!(
                (date_left - name_left - 2.0 * CHAR).abs() < 1.0,
                "{name} {agency_text}"
            );
        } else {
            assert!(
                (name_right - (RIGHT - 2.0 * CHAR)).abs() < 1.0,
                "{name}: {name_right}"
            );
            assert!(
                (date_left - name_left - 2.0 * CHAR).abs() < 1.0,
                "{name}: {date_left}"
            );
        }
    }
}

#[test]
fn tables_fit_the_text_width_at_9pt_or_more_with_whole_numbers() {
    let r = &*LONG;
    let table: Vec<&Glyph> =
        r.glyphs.iter().filter(|g| g.size < 15.0 && g.size != 14.0).collect();
    assert!(!table.is_empty());
    for g in &table {
        assert!(g.size >= 9.0, "table text at {} pt: {}", g.size, g.text);
        assert!(
            g.ink_left() >= LEFT - HALF_MM && g.ink_right() <= RIGHT + HALF_MM,
            "{g:?}"
        );
    }
    // Every number is printed whole, on one line.
    let text = body_text(&r.pdf);
    // Nine rows of section 三 × six columns, six cells of section 二.
    assert!(text.matches("3985758").count() >= 9 * 6 + 6, "7-digit numbers broken up");
    assert!(text.contains("116046") && text.contains("45678"), "section 四's numbers");
    assert!(text.contains("24252.311082"));
}

#[test]
fn a_long_title_breaks_into_balanced_lines_at_a_place_name() {
    let title: Vec<&Glyph> =
        LONG.glyphs.iter().filter(|g| (g.size - 22.0).abs() < 0.01).collect();
    let mut lines: BTreeMap<i64, String> = BTreeMap::new();
    for g in title {
        lines.entry((g.baseline * 100.0).round() as i64).or_default().push_str(&g.text);
    }
    let lines: Vec<String> = lines.into_values().collect();
    assert_eq!(
        lines,
        [
            "新疆维吾尔自治区伊犁哈萨克自治州",
            "霍城县人民政府办公室",
            "2023年政府信息公开工作年度报告"
        ]
    );
}

#[test]
fn no_heading_is_left_alone_at_the_foot_of_a_page() {
    for (name, r) in both() {
        let lines = lines(&r.glyphs);
        for (&(page, b), line) in &lines {
            if line.iter().all(|g| g.font == "FandolHei-Regular") {
                let below = r.glyphs.iter().any(|g| {
                    g.page == page
                        && g.baseline > b as f64 / 100.0 + 1.0
                        && g.size != 14.0
                });
                assert!(
                    below,
                    "{name}: heading {} alone at the foot of page {page}",
                    text_of(line)
                );
            }
        }
    }
}

#[test]
fn the_section_3_header_never_stands_alone_at_a_page_foot() {
    // Section 三 breaks across pages in the long report; wherever its header is printed,
    // a data row follows it on the same page.
    let r = &*LONG;
    // 商 is printed in the table only in its header (商业企业), at 9 pt.
    let header = |g: &&Glyph| g.text == "商" && (g.size - 9.0).abs() < 0.01;
    let mut checked = 0;
    for h in r.glyphs.iter().filter(header) {
        checked += 1;
        let rows_below = r
            .glyphs
            .iter()
            .filter(|g| g.page == h.page && (g.size - 9.0).abs() < 0.01)
            .filter(|g| g.baseline > h.baseline + 20.0)
            .filter(|g| g.text.chars().all(|c| c.is_ascii_digit()))
            .count();
        assert!(rows_below >= 7, "page {}: the header has no data row under it", h.page);
    }
    assert!(
        checked >= 2,
        "the table broke across pages with its header repeated ({checked})"
    );
}

#[test]
fn the_bold_house_style_synthesises_bold_where_the_font_has_none() {
    let report = report_examples::wendeng_2023();
    let plain = render(&report, &RenderOptions::default()).unwrap().pdf;
    let options = RenderOptions { bold_subheadings: true, ..RenderOptions::default() };
    let bold = render(&report, &options).unwrap().pdf;
    // Synthetic bold is a stroke around the glyphs: text render mode 2 (fill, stroke).
    let stroked = |pdf: &[u8]| {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        doc.get_pages()
            .values()
            .flat_map(|id| doc.get_and_decode_page_content(*id).unwrap().operations)
            .filter(|op| op.operator == "Tr")
            .filter(|op| op.operands.first().and_then(|o| o.as_i64().ok()) == Some(2))
            .count()
    };
    assert_eq!(stroked(&plain), 0);
    assert!(
        stroked(&bold) >= 5,
        "the five （一） titles are emboldened: {}",
        stroked(&bold)
    );
    // Still 楷体 (FandolKai has no bold face): no other family was substituted.
    let fonts: Vec<String> = glyphs(&bold).into_iter().map(|g| g.font).collect();
    assert!(fonts.iter().all(|f| f.starts_with("Fandol")), "{fonts:?}");
}

#[test]
fn a_short_group_label_in_section_3_breaks_after_its_ordinal_not_inside_its_words() {
    // （三）不予公开 in its 4.5 em column: （三） on one line, 不予公开 whole on the next.
    let glyphs = &SEED.glyphs;
    let small: Vec<&Glyph> =
        glyphs.iter().filter(|g| (g.size - 9.0).abs() < 0.01).collect();
    let at = |page: u32, baseline: f64, x: f64, text: &str| {
        small.iter().any(|g| {
            g.page == page
                && (g.baseline - baseline).abs() < 0.1
                && (g.x - x).abs() < 1.0
                && g.text == text
        })
    };
    for (ordinal, words) in
        [("三", "不予公开"), ("四", "无法提供"), ("五", "不予处理"), ("六", "其他处理")]
    {
        let chars: Vec<String> = words.chars().map(String::from).collect();
        // The words, whole, on one line: four glyphs 9 pt apart.
        let first = small
            .iter()
            .find(|g| {
                g.text == chars[0]
                    && (1..4)
                        .all(|k| at(g.page, g.baseline, g.x + 9.0 * k as f64, &chars[k]))
            })
            .unwrap_or_else(|| panic!("{words} is not on one line"));
        // The ordinal on the line above, starting in the same column.
        let numeral = small
            .iter()
            .find(|g| {
                g.page == first.page
                    && g.text == ordinal
                    && first.baseline - g.baseline > 5.0
                    && first.baseline - g.baseline < 20.0
                    && (g.x - first.x).abs() < 18.0
            })
            .unwrap_or_else(|| panic!("（{ordinal}） is not just above {words}"));
        // And nothing of the words follows the ordinal on its line.
        assert!(
            !small.iter().any(|g| g.page == numeral.page
                && (g.baseline - numeral.baseline).abs() < 0.1
                && g.x > numeral.x
                && g.x < numeral.x + 30.0
                && g.text == chars[0]),
            "（{ordinal}） is followed by {} on its line",
            chars[0]
        );
    }
}
