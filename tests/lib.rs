//! Helpers shared by the integration tests (these and the command line's, in
//! `report-typst/cli/tests`): the workspace's files, the broken data files of issue 12,
//! reading a PDF's text, fonts and pages.

pub mod broken;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

/// The workspace's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The seed report's data file.
pub fn seed() -> PathBuf {
    root().join("examples/data/wendeng_2023.toml")
}

/// The text of a PDF in content order, as a reader extracting it would see it.
pub fn extract_text(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text can be extracted")
}

/// The text with all white space removed: Chinese text has no spaces, and line breaks
/// fall wherever the layout puts them.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The compact text (see [`compact`]) with the page numbers (`—N—`) taken out, so that a
/// paragraph broken across pages reads as one.
pub fn body_text(pdf: &[u8]) -> String {
    let text = compact(&extract_text(pdf));
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '—' {
            let digits = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 && chars.get(i + 1 + digits) == Some(&'—') {
                i += digits + 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Asserts that `needles` occur in `haystack` in this order, each after the previous.
pub fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match haystack[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => {
                let anywhere = haystack.contains(needle);
                panic!(
                    "{needle:?} not found after byte {from} (present anywhere: {anywhere}); text:\n{haystack}"
                )
            }
        }
    }
}

/// One font as the PDF declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfFont {
    /// `/BaseFont`, e.g. `ABCDEF+FandolFang-Regular`.
    pub base_font: String,
    /// Whether the descriptor carries a font program (`/FontFile`, `2` or `3`).
    pub embedded: bool,
}

impl PdfFont {
    /// A subset's name starts with six capital letters and a plus sign.
    pub fn is_subset(&self) -> bool {
        let b = self.base_font.as_bytes();
        b.len() > 7 && b[..6].iter().all(u8::is_ascii_uppercase) && b[6] == b'+'
    }
}

fn name_of(doc: &Document, obj: &Object) -> Option<String> {
    let obj = match obj {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        o => o,
    };
    obj.as_name().ok().map(|n| String::from_utf8_lossy(n).into_owned())
}

fn dict_of<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a lopdf::Dictionary> {
    match obj {
        Object::Reference(id) => doc.get_object(*id).ok()?.as_dict().ok(),
        o => o.as_dict().ok(),
    }
}

/// Every font dictionary of the PDF with a descriptor (the descendant fonts of Type0
/// fonts included), keyed by object id.
pub fn fonts(pdf: &[u8]) -> Vec<PdfFont> {
    let doc = Document::load_mem(pdf).expect("the PDF parses");
    let mut out = BTreeMap::new();
    for (id, obj) in &doc.objects {
        let Ok(dict) = obj.as_dict() else { continue };
        let is_font =
            dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Font");
        if !is_font {
            continue;
        }
        let Ok(descriptor) = dict.get(b"FontDescriptor") else { continue };
        let Some(descriptor) = dict_of(&doc, descriptor) else { continue };
        let embedded = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
            .iter()
            .any(|k| descriptor.get(k).is_ok());
        let base_font =
            dict.get(b"BaseFont").ok().and_then(|b| name_of(&doc, b)).unwrap_or_default();
        out.insert(*id, PdfFont { base_font, embedded });
    }
    out.into_values().collect()
}

/// The media box of every page, in points: `[x0, y0, x1, y1]`.
pub fn page_boxes(pdf: &[u8]) -> Vec<[f64; 4]> {
    let doc = Document::load_mem(pdf).expect("the PDF parses");
    doc.get_pages()
        .values()
        .map(|id| {
            let page =
                doc.get_object(*id).and_then(Object::as_dict).expect("a page dictionary");
            let b = page.get(b"MediaBox").expect("every page has a MediaBox");
            let b = match b {
                Object::Reference(r) => doc.get_object(*r).expect("MediaBox"),
                o => o,
            };
            let arr = b.as_array().expect("MediaBox is an array");
            let v: Vec<f64> = arr
                .iter()
                .map(|o| match o {
                    Object::Integer(i) => *i as f64,
                    Object::Real(r) => f64::from(*r),
                    other => panic!("MediaBox entry {other:?}"),
                })
                .collect();
            [v[0], v[1], v[2], v[3]]
        })
        .collect()
}

/// One glyph as drawn: where, how big, in which font, and the text it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// 1-based page number.
    pub page: u32,
    /// Left edge of the glyph's origin, in points from the page's left edge.
    pub x: f64,
    /// Baseline, in points from the page's top edge.
    pub baseline: f64,
    /// Font size in points.
    pub size: f64,
    /// Advance width in points (without tracking or kerning adjustments).
    pub advance: f64,
    /// The text the glyph stands for (usually one character).
    pub text: String,
    /// The font's `/BaseFont`, subset prefix removed, e.g. `FandolFang-Regular`.
    pub font: String,
    /// The font's ascent and descent (from its descriptor), in points at `size`.
    pub ascent: f64,
    /// The font's descent (negative), in points at `size`.
    pub descent: f64,
}

impl Glyph {
    /// Where the glyph's ink starts: full-width opening punctuation has its ink in the
    /// right half of its em box, and Chinese layout may push that blank half into a margin.
    pub fn ink_left(&self) -> f64 {
        if !self.text.is_empty()
            && self.text.chars().all(|c| "（“‘《〈〔【「『".contains(c))
        {
            self.x + self.advance / 2.0
        } else {
            self.x
        }
    }

    /// Where the glyph's ink ends: full-width closing punctuation and the full stop and
    /// comma have theirs in the left half of the em box.
    pub fn ink_right(&self) -> f64 {
        if !self.text.is_empty()
            && self.text.chars().all(|c| "）”’》〉〕】」』。，、；：！？".contains(c))
        {
            self.x + self.advance / 2.0
        } else {
            self.x + self.advance
        }
    }
}

/// A font as the measuring code needs it: name, metrics, widths and Unicode mapping.
struct MeasuredFont {
    name: String,
    ascent: f64,
    descent: f64,
    two_byte: bool,
    default_width: f64,
    widths: std::collections::HashMap<u32, f64>,
    to_unicode: std::collections::HashMap<u32, String>,
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(r) => doc.get_object(*r).unwrap_or(o),
        o => o,
    }
}

fn hex_code(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// Parses the `bfchar` and `bfrange` sections of a ToUnicode CMap.
fn parse_to_unicode(data: &[u8]) -> std::collections::HashMap<u32, String> {
    let text = String::from_utf8_lossy(data);
    // Tokens: <hex>, [, ], words.
    let mut tokens: Vec<String> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                let mut t = String::from("<");
                for d in chars.by_ref() {
                    if d == '>' {
                        break;
                    }
                    t.push(d);
                }
                tokens.push(t);
            }
            '[' | ']' => tokens.push(c.to_string()),
            c if c.is_whitespace() => {}
            c => {
                let mut t = c.to_string();
                while let Some(&d) = chars.peek() {
                    if d.is_whitespace() || d == '<' || d == '[' || d == ']' {
                        break;
                    }
                    t.push(d);
                    chars.next();
                }
                tokens.push(t);
            }
        }
    }
    let hex = |t: &str| -> Vec<u8> {
        let h = t.trim_start_matches('<');
        (0..h.len() / 2)
            .map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap_or(0))
            .collect()
    };
    let mut map = std::collections::HashMap::new();
    let mut i = 0;
    let mut mode = "";
    while i < tokens.len() {
        let t = tokens[i].as_str();
        match t {
            "beginbfchar" | "beginbfrange" => {
                mode = if t == "beginbfchar" { "char" } else { "range" }
            }
            "endbfchar" | "endbfrange" => mode = "",
            _ if mode == "char" && t.starts_with('<') && i + 1 < tokens.len() => {
                map.insert(hex_code(&hex(t)), utf16(&hex(&tokens[i + 1])));
                i += 1;
            }
            _ if mode == "range" && t.starts_with('<') && i + 2 < tokens.len() => {
                let lo = hex_code(&hex(t));
                let hi = hex_code(&hex(&tokens[i + 1]));
                if tokens[i + 2] == "[" {
                    let mut j = i + 3;
                    let mut code = lo;
                    while j < tokens.len() && tokens[j] != "]" {
                        map.insert(code, utf16(&hex(&tokens[j])));
                        code += 1;
                        j += 1;
                    }
                    i = j;
                } else {
                    let dst = hex(&tokens[i + 2]);
                    let base = utf16(&dst);
                    for (k, code) in (lo..=hi).enumerate() {
                        let mut chars: Vec<char> = base.chars().collect();
                        if let Some(last) = chars.last_mut() {
                            *last =
                                char::from_u32(*last as u32 + k as u32).unwrap_or(*last);
                        }
                        map.insert(code, chars.into_iter().collect());
                    }
                    i += 2;
                }
            }
            _ => {}
        }
        i += 1;
    }
    map
}

fn measured_font(doc: &Document, font: &lopdf::Dictionary) -> MeasuredFont {
    let base =
        font.get(b"BaseFont").ok().and_then(|b| name_of(doc, b)).unwrap_or_default();
    let base = base.split_once('+').map_or(base.clone(), |(_, rest)| rest.to_owned());
    let name = base.trim_end_matches("-Identity-H").to_owned();
    let two_byte =
        font.get(b"Subtype").ok().and_then(|t| t.as_name().ok()) == Some(b"Type0");
    let descendant = font
        .get(b"DescendantFonts")
        .ok()
        .and_then(|d| resolve(doc, d).as_array().ok())
        .and_then(|a| a.first())
        .and_then(|d| dict_of(doc, d));
    let cid = descendant.unwrap_or(font);
    let descriptor = cid.get(b"FontDescriptor").ok().and_then(|d| dict_of(doc, d));
    let metric =
        |k: &[u8]| descriptor.and_then(|d| d.get(k).ok()).and_then(number).unwrap_or(0.0);
    let mut widths = std::collections::HashMap::new();
    if let Ok(w) = cid.get(b"W") {
        let w = resolve(doc, w).as_array().expect("W is an array");
        let mut i = 0;
        while i < w.len() {
            let first = number(resolve(doc, &w[i])).expect("a CID") as u32;
            match resolve(doc, &w[i + 1]) {
                Object::Array(list) => {
                    for (k, v) in list.iter().enumerate() {
                        widths.insert(
                            first + k as u32,
                            number(resolve(doc, v)).unwrap_or(0.0),
                        );
                    }
                    i += 2;
                }
                last => {
                    let last = number(last).expect("a CID") as u32;
                    let width = number(resolve(doc, &w[i + 2])).unwrap_or(0.0);
                    for c in first..=last {
                        widths.insert(c, width);
                    }
                    i += 3;
                }
            }
        }
    }
    let default_width = cid.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
    let to_unicode = font
        .get(b"ToUnicode")
        .ok()
        .and_then(|t| resolve(doc, t).as_stream().ok())
        .map(|s| {
            parse_to_unicode(
                &s.decompressed_content().unwrap_or_else(|_| s.content.clone()),
            )
        })
        .unwrap_or_default();
    MeasuredFont {
        name,
        ascent: metric(b"Ascent"),
        descent: metric(b"Descent"),
        two_byte,
        default_width,
        widths,
        to_unicode,
    }
}

type Matrix = [f64; 6];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// Every glyph of the PDF with its position, size and font, read from the content
/// streams (text matrices, `W` widths, ToUnicode maps).
pub fn glyphs(pdf: &[u8]) -> Vec<Glyph> {
    let doc = Document::load_mem(pdf).expect("the PDF parses");
    let mut out = Vec::new();
    for (page_number, id) in doc.get_pages() {
        let page = doc.get_object(id).and_then(Object::as_dict).expect("a page");
        let media = page.get(b"MediaBox").map(|b| resolve(&doc, b)).expect("a MediaBox");
        let media: Vec<f64> =
            media.as_array().unwrap().iter().filter_map(number).collect();
        let height = media[3] - media[1];
        let fonts: BTreeMap<Vec<u8>, MeasuredFont> = doc
            .get_page_fonts(id)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, f)| (name, measured_font(&doc, f)))
            .collect();
        let content = doc.get_and_decode_page_content(id).expect("page content decodes");
        let mut ctm = IDENTITY;
        let mut stack = Vec::new();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        let (mut font, mut size, mut tc, mut tw, mut th, mut tl, mut rise) =
            (None::<&MeasuredFont>, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        let nums =
            |ops: &[Object]| -> Vec<f64> { ops.iter().filter_map(number).collect() };
        for op in &content.operations {
            let o = &op.operands;
            match op.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(IDENTITY),
                "cm" => {
                    let v = nums(o);
                    ctm = mul(&[v[0], v[1], v[2], v[3], v[4], v[5]], &ctm);
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    font = o
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|n| fonts.get(n));
                    size = o.get(1).and_then(number).unwrap_or(0.0);
                }
                "Tc" => tc = nums(o)[0],
                "Tw" => tw = nums(o)[0],
                "Tz" => th = nums(o)[0] / 100.0,
                "TL" => tl = nums(o)[0],
                "Ts" => rise = nums(o)[0],
                "Tm" => {
                    let v = nums(o);
                    tm = [v[0], v[1], v[2], v[3], v[4], v[5]];
                    tlm = tm;
                }
                "Td" | "TD" => {
                    let v = nums(o);
                    if op.operator == "TD" {
                        tl = -v[1];
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, v[0], v[1]], &tlm);
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -tl], &tlm);
                    tm = tlm;
                }
                "TJ" | "Tj" | "'" | "\"" => {
                    if matches!(op.operator.as_str(), "'" | "\"") {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -tl], &tlm);
                        tm = tlm;
                    }
                    let f = font.expect("text is drawn with a font set");
                    let items: Vec<&Object> = if op.operator == "TJ" {
                        o[0].as_array().expect("a TJ array").iter().collect()
                    } else {
                        o.last().into_iter().collect()
                    };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                let step = if f.two_byte { 2 } else { 1 };
                                for code in bytes.chunks(step) {
                                    let code = hex_code(code);
                                    let w = f
                                        .widths
                                        .get(&code)
                                        .copied()
                                        .unwrap_or(f.default_width);
                                    let trm = mul(
                                        &[size * th, 0.0, 0.0, size, 0.0, rise],
                                        &mul(&tm, &ctm),
                                    );
                                    let scale =
                                        (trm[0] * trm[3] - trm[1] * trm[2]).abs().sqrt()
                                            / th.sqrt();
                                    let text = f
                                        .to_unicode
                                        .get(&code)
                                        .cloned()
                                        .unwrap_or_default();
                                    out.push(Glyph {
                                        page: page_number,
                                        x: trm[4],
                                        baseline: height - trm[5],
                                        size: (scale * 1000.0).round() / 1000.0,
                                        advance: w / 1000.0 * scale,
                                        text,
                                        font: f.name.clone(),
                                        ascent: f.ascent / 1000.0 * scale,
                                        descent: f.descent / 1000.0 * scale,
                                    });
                                    let spacing =
                                        if code == 32 && !f.two_byte { tw } else { 0.0 };
                                    let tx = (w / 1000.0 * size + tc + spacing) * th;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                            other => {
                                let n = number(other).unwrap_or(0.0);
                                let tx = -n / 1000.0 * size * th;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The part `name` of a Word document (`word/document.xml` …), as text.
pub fn docx_part(docx: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut file = zip.by_name(name).unwrap_or_else(|_| panic!("no part {name}"));
    let mut xml = String::new();
    file.read_to_string(&mut xml).expect("UTF-8 XML");
    xml
}

/// The nodes of a Word document's XML (`docx_part`, read with roxmltree).
pub mod word {
    use roxmltree::Node;

    /// The WordprocessingML namespace.
    pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// Whether `n` is the element `w:name`.
    pub fn is(n: &Node, name: &str) -> bool {
        n.is_element()
            && n.tag_name().namespace() == Some(W)
            && n.tag_name().name() == name
    }

    /// The text of a node in document order: `w:t` as written, `w:tab` a tab, `w:br` a
    /// line break.
    pub fn text_of(n: Node) -> String {
        let mut out = String::new();
        for d in n.descendants() {
            if is(&d, "t") {
                out.push_str(d.text().unwrap_or(""));
            } else if is(&d, "tab") && d.parent().is_some_and(|p| is(&p, "r")) {
                out.push('\t');
            } else if is(&d, "br") {
                out.push('\n');
            }
        }
        out
    }
}

/// The published page zrz_2023 with 行政规范性文件's 现行有效件数 changed from 35 to 40:
/// read as last year's page, it breaks 2024's stock chain (35 + 制发 − 废止).
pub fn doctored_zrz_2023() -> String {
    let path = root().join("tests/fixtures/published/zrz_2023.html");
    let text = std::fs::read_to_string(path).expect("a fixture page");
    let at = text.find("<p>行政规范性文件</p>").expect("the row of 行政规范性文件");
    let cell = "<p>35</p>";
    let offset = at + text[at..].find(cell).expect("its 现行有效件数, 35");
    format!("{}<p>40</p>{}", &text[..offset], &text[offset + cell.len()..])
}

/// Every file of a test binary's folder (`tests_dir`) is a module of its `main.rs`
/// (`main`, its source): with `autotests = false`, a test file left out of the list would
/// silently never run. At least `at_least` modules.
pub fn assert_every_test_file_is_a_module(tests_dir: &Path, main: &str, at_least: usize) {
    let mut modules = 0;
    for entry in std::fs::read_dir(tests_dir).expect("the tests folder") {
        let path = entry.expect("an entry").path();
        let Some(name) = path.file_stem().and_then(|n| n.to_str()) else { continue };
        let file = path.extension().is_some_and(|e| e == "rs") && name != "main";
        if file || path.join("mod.rs").is_file() {
            assert!(
                main.contains(&format!("\nmod {name};\n")),
                "tests/{name} is not a module"
            );
            modules += 1;
        }
    }
    assert!(
        modules >= at_least,
        "only {modules} test modules in {}",
        tests_dir.display()
    );
}
