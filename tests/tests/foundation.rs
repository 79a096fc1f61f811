//! The foundation end to end: the seed report from typed data to PDF bytes, read back.

use std::sync::LazyLock;

use report_core::outline::section_headings;
use report_core::{Item, Location, Report, Rule};
use report_tests::{assert_in_order, body_text, compact, fonts, page_boxes};
use report_typst::{RenderError, RenderOptions, render};

static SEED_PDF: LazyLock<Vec<u8>> = LazyLock::new(|| {
    render(&report_examples::wendeng_2023(), &RenderOptions::default())
        .expect("the seed report renders")
        .pdf
});

/// The official grids (docs/format.md §3), copied from the spec.
fn official_labels() -> Vec<(String, Vec<String>)> {
    let grid: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/official-grid.json")).unwrap();
    grid["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let labels = t["cells"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|c| c["label"].as_str().map(str::to_owned))
                .collect();
            (t["section"].as_str().unwrap().to_owned(), labels)
        })
        .collect()
}

#[test]
fn seed_pdf_has_every_heading_in_order_with_agency_and_date() {
    let text = body_text(&SEED_PDF);
    let headings = section_headings();
    let mut expected = vec!["威海市文登区科学技术局", "2023年政府信息公开工作年度报告"];
    expected.extend(headings.iter().map(String::as_str));
    expected.extend(["威海市文登区科学技术局", "2024年1月22日"]);
    assert_in_order(&text, &expected);
    assert!(!text.contains("5、"), "the seed's misnumbered heading must not survive");
    for h in ["一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    {
        assert_eq!(text.matches(h).count(), 1, "{h} printed once");
    }
}

#[test]
fn seed_pdf_has_every_table_label_inside_its_section() {
    let text = body_text(&SEED_PDF);
    let headings = section_headings();
    for (section, labels) in official_labels() {
        let i = headings.iter().position(|h| *h == section).expect("a known section");
        let start = text.find(&headings[i]).expect("section heading present");
        let end = text.find(&headings[i + 1]).expect("next heading present");
        let body = &text[start + headings[i].len()..end];
        for label in &labels {
            assert!(
                body.contains(label.as_str()),
                "{section}: label {label:?} missing in {body}"
            );
        }
        // The number of cells that print exactly this label can be no more than the
        // number of times the text holds it.
        for label in &labels {
            let wanted = labels.iter().filter(|l| *l == label).count();
            assert!(
                body.matches(label.as_str()).count() >= wanted,
                "{section}: {label} × {wanted}"
            );
        }
    }
}

#[test]
fn seed_pdf_reproduces_every_paragraph_of_the_seed() {
    let text = body_text(&SEED_PDF);
    let seed = include_str!("../fixtures/seed_wendeng_2023.txt");
    // Every prose line of the published text, except the table images, the misnumbered
    // heading (which the generator numbers 五、) and Word's bookmark residue.
    let mut checked = 0;
    for line in seed.lines() {
        let line = line.replace("[bookmark: _GoBack]", "");
        let line = line.trim();
        if line.is_empty()
            || line.starts_with("[image")
            || line.contains("[image")
            || line.starts_with("5、")
        {
            continue;
        }
        assert!(text.contains(&compact(line)), "seed line missing from the PDF: {line}");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} lines were checked");
}

#[test]
fn every_font_is_embedded_and_subset_and_every_page_is_a4() {
    let fonts = fonts(&SEED_PDF);
    assert!(fonts.len() >= 4, "the roles use at least four faces: {fonts:?}");
    for f in &fonts {
        assert!(f.embedded, "{} is not embedded", f.base_font);
        assert!(f.is_subset(), "{} is not a subset", f.base_font);
    }
    for family in
        ["FandolFang", "FandolHei", "FandolKai", "FandolSong-Bold", "FandolSong-Regular"]
    {
        assert!(
            fonts.iter().any(|f| f.base_font.contains(family)),
            "{family} not used: {fonts:?}"
        );
    }
    let boxes = page_boxes(&SEED_PDF);
    assert!(boxes.len() >= 3, "the seed report runs to several pages");
    for b in boxes {
        assert!(
            (b[2] - b[0] - 595.276).abs() < 0.01 && (b[3] - b[1] - 841.89).abs() < 0.01,
            "{b:?}"
        );
    }
}

#[test]
fn two_renders_are_byte_identical() {
    let again =
        render(&report_examples::wendeng_2023(), &RenderOptions::default()).unwrap();
    assert!(again.pdf == *SEED_PDF, "the second render differs");
}

/// The value of an XMP property written as an attribute (`pdfaid:part="2"`) or as an
/// element (`<pdfaid:part>2</pdfaid:part>`).
fn xmp_property(xmp: &str, name: &str) -> Option<String> {
    if let Some(at) = xmp.find(&format!("{name}=\"")) {
        let rest = &xmp[at + name.len() + 2..];
        return rest.split('"').next().map(str::to_owned);
    }
    let at = xmp.find(&format!("<{name}>"))?;
    let rest = &xmp[at + name.len() + 2..];
    rest.split('<').next().map(|v| v.trim().to_owned())
}

#[test]
fn pdf_a_is_one_option_away() {
    use lopdf::{Document, Object};
    let options = RenderOptions { pdf_a: true, ..RenderOptions::default() };
    let pdf = render(&report_examples::wendeng_2023(), &options).unwrap().pdf;
    assert!(pdf != *SEED_PDF);
    let doc = Document::load_mem(&pdf).expect("the PDF/A parses");
    let catalog = doc.catalog().expect("a catalog");
    let deref = |o: &Object| match o {
        Object::Reference(id) => doc.get_object(*id).expect("a live reference").clone(),
        o => o.clone(),
    };

    // PDF/A-2u, as the catalog's XMP metadata declares it.
    let metadata = deref(catalog.get(b"Metadata").expect("the catalog has /Metadata"));
    let stream = metadata.as_stream().expect("/Metadata is a stream");
    let xmp = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    let xmp = String::from_utf8(xmp).expect("XMP is UTF-8");
    assert_eq!(xmp_property(&xmp, "pdfaid:part").as_deref(), Some("2"), "pdfaid:part");
    let conformance = xmp_property(&xmp, "pdfaid:conformance");
    assert_eq!(conformance.as_deref(), Some("U"), "pdfaid:conformance");

    // An output intent for PDF/A with its ICC profile.
    let intents = deref(catalog.get(b"OutputIntents").expect("/OutputIntents"));
    let intents = intents.as_array().expect("an array of output intents");
    assert!(!intents.is_empty(), "no output intent");
    let pdfa = intents
        .iter()
        .map(|i| deref(i).as_dict().expect("an output intent dictionary").clone())
        .find(|i| i.get(b"S").and_then(Object::as_name).ok() == Some(b"GTS_PDFA1"))
        .expect("a GTS_PDFA1 output intent");
    let profile = deref(pdfa.get(b"DestOutputProfile").expect("/DestOutputProfile"));
    let profile = profile.as_stream().expect("the ICC profile is a stream");
    let icc = profile.decompressed_content().unwrap_or_else(|_| profile.content.clone());
    assert!(icc.len() > 128 && &icc[36..40] == b"acsp", "not an ICC profile");

    // Every font embedded: each descriptor carries its font program, and every font
    // that needs a descriptor (all but Type0 and Type3) has one.
    let mut descriptors = 0;
    for (id, object) in &doc.objects {
        let Ok(dict) = object.as_dict() else { continue };
        let kind = dict.get(b"Type").and_then(Object::as_name).ok();
        if kind == Some(b"FontDescriptor") {
            descriptors += 1;
            assert!(
                [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|k| dict.get(k).is_ok()),
                "font descriptor {id:?} has no font program: {dict:?}"
            );
        }
        if kind == Some(b"Font") {
            let subtype = dict.get(b"Subtype").and_then(Object::as_name).ok();
            if !matches!(subtype, Some(b"Type0" | b"Type3")) {
                assert!(dict.get(b"FontDescriptor").is_ok(), "font {id:?}: {dict:?}");
            }
        }
    }
    assert!(descriptors >= 5, "only {descriptors} font descriptors: five faces print");
    for f in fonts(&pdf) {
        assert!(f.embedded, "{} is not embedded", f.base_font);
    }
}

/// The catalog's entries, by name.
fn catalog_keys(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let catalog = doc.catalog().expect("the PDF has a catalog");
    catalog.iter().map(|(k, _)| String::from_utf8_lossy(k).into_owned()).collect()
}

#[test]
fn the_pdf_is_tagged_by_default_and_untagged_is_one_option_away() {
    let tagged = catalog_keys(&SEED_PDF);
    assert!(
        tagged.iter().any(|k| k == "StructTreeRoot"),
        "no structure tree: {tagged:?}"
    );
    assert!(tagged.iter().any(|k| k == "MarkInfo"), "not marked: {tagged:?}");

    let options = RenderOptions { tagged: false, ..RenderOptions::default() };
    let lean = render(&report_examples::wendeng_2023(), &options).unwrap().pdf;
    let untagged = catalog_keys(&lean);
    assert!(
        !untagged.iter().any(|k| k == "StructTreeRoot"),
        "a structure tree without tagging: {untagged:?}"
    );
    // The structure tree of the sample's tables is the bulk of the difference: 30 KB and
    // more as krilla writes it (packed into the object stream, it deflates to far less).
    let plain = |tagged| {
        let options =
            RenderOptions { tagged, object_streams: false, ..RenderOptions::default() };
        render(&report_examples::wendeng_2023(), &options).unwrap().pdf.len()
    };
    let (plain_tagged, plain_lean) = (plain(true), plain(false));
    assert!(
        plain_lean + 30_000 < plain_tagged,
        "untagged {plain_lean} bytes, tagged {plain_tagged}"
    );
    assert!(lean.len() < SEED_PDF.len());
    assert_eq!(compact(&body_text(&lean)), compact(&body_text(&SEED_PDF)));
}

const HOSTILE: &str = r#"#read("/etc/passwd") ] [ $x$ *a* _b_ <c> @d // /* \ \\ "q" 'q' #set page(width: 1cm) = h - l 1. n ~ -- ... \"#;

fn with_hostile_text(base: &Report) -> Report {
    let mut r = base.clone();
    r.agency.name.push_str(HOSTILE);
    r.overview.intro[0].push_str(HOSTILE);
    r
}

#[test]
fn typst_syntax_in_user_text_comes_out_literally_and_changes_nothing_else() {
    let base = report_examples::wendeng_2023();
    let hostile = with_hostile_text(&base);
    let rendered =
        render(&hostile, &RenderOptions::default()).expect("hostile text renders");
    let text = body_text(&rendered.pdf);
    let needle = compact(HOSTILE);
    // Title, signature and the paragraph.
    assert!(text.matches(&needle).count() >= 3, "hostile text not literal in: {text}");
    // Remove it, and the rest is the seed's text exactly. Only the section-三 table may
    // read differently: the longer text moves the page breaks, the table breaks at
    // another row, repeats its header there, and its row-spanning labels are written
    // where the page breaks. So the table's region is compared as a multiset of
    // characters with the repeated header taken out, and everything else exactly.
    let seed_text = body_text(&SEED_PDF);
    let text = text.replace(&needle, "");
    let split = |t: &str| -> (String, String) {
        let a = t.find("三、收到和处理政府信息公开申请情况").expect("section 三");
        let b = t.find("四、政府信息公开行政复议、行政诉讼情况").expect("section 四");
        (format!("{}{}", &t[..a], &t[b..]), t[a..b].to_owned())
    };
    let (rest, table) = split(&text);
    let (seed_rest, seed_table) = split(&seed_text);
    assert_eq!(rest, seed_rest);
    let header_start = seed_table.find("申请人情况").expect("header");
    let header_end =
        seed_table.find("一、本年新收政府信息公开申请数量").expect("first row");
    let header = &seed_table[header_start..header_end];
    let sorted = |t: &str| {
        let mut v: Vec<char> =
            t.replacen(header, "", 1).replace(header, "").chars().collect();
        v.sort_unstable();
        v
    };
    assert_eq!(sorted(&table), sorted(&seed_table));
    for b in page_boxes(&rendered.pdf) {
        assert!((b[2] - b[0] - 595.276).abs() < 0.01, "page width changed: {b:?}");
    }
}

#[test]
fn a_character_no_font_has_is_an_error_naming_it_and_where() {
    let mut r = report_examples::wendeng_2023();
    r.overview.active_disclosure.paragraphs[0].push('\u{9FEF}');
    match render(&r, &RenderOptions::default()).map_err(|f| f.error) {
        Err(RenderError::MissingGlyphs(missing)) => {
            assert_eq!(missing.len(), 1, "{missing:?}");
            assert_eq!(missing[0].character, '\u{9FEF}');
            assert!(
                missing[0].location.contains("（一）主动公开情况"),
                "{}",
                missing[0].location
            );
            let message = RenderError::MissingGlyphs(missing).to_string();
            assert!(message.contains("U+9FEF"), "{message}");
        }
        other => panic!("expected a missing-glyph error, got {other:?}"),
    }
}

#[test]
fn a_character_missing_from_its_role_font_falls_back_with_a_warning() {
    let mut r = report_examples::wendeng_2023();
    r.problems.items.push(Item::new("生僻字", ["姓名：张㐀。"]));
    let rendered =
        render(&r, &RenderOptions::default()).expect("renders with a fallback");
    let warning = rendered
        .warnings
        .iter()
        .find(|w| w.message.contains('㐀'))
        .unwrap_or_else(|| panic!("no warning names 㐀: {:?}", rendered.warnings));
    assert!(
        warning.message.contains("U+3400")
            && warning.message.contains("Noto Serif CJK SC")
    );
    assert_eq!(warning.rule, Rule::Font);
    assert!(!warning.is_error());
    assert_eq!(warning.location, "五、存在的主要问题及改进情况 / （一）生僻字 / 第1段");
    assert!(body_text(&rendered.pdf).contains("姓名：张㐀。"));
    assert!(fonts(&rendered.pdf).iter().any(|f| f.base_font.contains("NotoSerifCJK")));
}

#[test]
fn a_failed_render_returns_the_warnings_gathered_before_it_failed() {
    let mut r = report_examples::wendeng_2023();
    r.problems.items.push(Item::new("生僻字", ["姓名：张㐀。".to_owned()]));
    r.overview.active_disclosure.paragraphs[0].push('\u{9FEF}');
    let failure = render(&r, &RenderOptions::default()).expect_err("no font has U+9FEF");
    assert!(
        matches!(&failure.error, RenderError::MissingGlyphs(m) if m[0].character == '\u{9FEF}'),
        "{failure}"
    );
    let fallback: Vec<_> =
        failure.warnings.iter().filter(|w| w.rule == Rule::Font).collect();
    assert_eq!(fallback.len(), 1, "{:?}", failure.warnings);
    assert!(fallback[0].message.contains("U+3400"), "{}", fallback[0]);
    assert_eq!(
        fallback[0].location,
        Location::text(&["五、存在的主要问题及改进情况", "（一）生僻字", "第1段"])
    );
    // The failure prints as its error.
    assert_eq!(failure.to_string(), failure.error.to_string());
}

#[test]
fn a_report_whose_totals_do_not_add_up_is_refused_unless_forced() {
    let mut r = report_examples::wendeng_2023();
    r.reviews_and_lawsuits.review.upheld = 10;
    r.reviews_and_lawsuits.review.stated_total = Some(0);
    match render(&r, &RenderOptions::default()).map_err(|f| f.error) {
        Err(RenderError::Invalid(invalid)) => {
            let t4a = invalid
                .diagnostics
                .iter()
                .find(|d| d.rule.id() == "T4-A")
                .unwrap_or_else(|| panic!("no T4-A in {invalid}"));
            let shown = t4a.to_string();
            assert!(shown.contains("10") && shown.contains('0'), "{shown}");
        }
        other => panic!("expected the report to be refused, got {other:?}"),
    }
    let forced = RenderOptions { force: true, ..RenderOptions::default() };
    let rendered = render(&r, &forced).expect("forced through");
    assert!(rendered.diagnostics.iter().any(|d| d.rule.id() == "T4-A"));
}
