//! Helpers shared by the integration tests: reading a PDF's text, fonts and pages.

use std::collections::BTreeMap;

use lopdf::{Document, Object};

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
