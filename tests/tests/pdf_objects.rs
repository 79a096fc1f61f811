//! The object-stream post-pass (`RenderOptions::object_streams`, on by default): the
//! packed PDF holds the very objects krilla wrote, in an object stream indexed by a
//! cross-reference stream, and stays PDF/A-2u where that was asked for.

use lopdf::xref::XrefType;
use lopdf::{Document, Object};
use report_typst::{RenderOptions, pack_objects, render};

/// The sample rendered with `options`, packed (the default) and as krilla wrote it.
fn packed_and_plain(options: RenderOptions) -> (Vec<u8>, Vec<u8>) {
    let report = report_examples::wendeng_2023();
    let packed = render(&report, &options).expect("renders").pdf;
    let plain = RenderOptions { object_streams: false, ..options };
    (packed, render(&report, &plain).expect("renders").pdf)
}

/// Every object of `plain` is in `packed`, equal in dictionary and content.
fn assert_same_objects(packed: &[u8], plain: &[u8]) {
    let packed = Document::load_mem(packed).expect("the packed PDF parses");
    let plain = Document::load_mem(plain).expect("the plain PDF parses");
    assert!(
        matches!(
            packed.reference_table.cross_reference_type,
            XrefType::CrossReferenceStream
        ),
        "the packed PDF is indexed by a cross-reference stream"
    );
    assert!(matches!(
        plain.reference_table.cross_reference_type,
        XrefType::CrossReferenceTable
    ));
    let object_streams = packed
        .objects
        .values()
        .filter(|o| o.as_stream().is_ok_and(|s| s.dict.has_type(b"ObjStm")))
        .count();
    assert_eq!(object_streams, 1, "one object stream");
    for (id, object) in &plain.objects {
        let other =
            packed.objects.get(id).unwrap_or_else(|| panic!("object {id:?} lost"));
        match (object, other) {
            (Object::Stream(a), Object::Stream(b)) => {
                assert!(
                    a.dict == b.dict && a.content == b.content,
                    "stream {id:?} differs"
                )
            }
            (a, b) => assert!(a == b, "object {id:?} differs: {a:?} / {b:?}"),
        }
    }
    assert_eq!(packed.trailer.get(b"Root").ok(), plain.trailer.get(b"Root").ok());
    assert_eq!(packed.trailer.get(b"Info").ok(), plain.trailer.get(b"Info").ok());
    assert_eq!(packed.trailer.get(b"ID").ok(), plain.trailer.get(b"ID").ok());
    assert_eq!(packed.get_pages().len(), plain.get_pages().len());
}

#[test]
fn the_packed_pdf_holds_the_same_objects_and_is_smaller() {
    let (packed, plain) = packed_and_plain(RenderOptions::default());
    assert_same_objects(&packed, &plain);
    assert!(packed.len() < plain.len(), "{} vs {} bytes", packed.len(), plain.len());
    // The render packs exactly what the public pass makes of krilla's output.
    assert!(pack_objects(&plain).as_deref() == Some(&packed[..]));
}

#[test]
fn untagged_output_is_packed_too() {
    let untagged = RenderOptions { tagged: false, ..RenderOptions::default() };
    let (packed, plain) = packed_and_plain(untagged);
    assert_same_objects(&packed, &plain);
    assert!(packed.len() < plain.len());
}

#[test]
fn a_packed_pdf_a_keeps_its_header_identifier_and_metadata_stream() {
    let pdf_a = RenderOptions { pdf_a: true, ..RenderOptions::default() };
    let (packed, plain) = packed_and_plain(pdf_a);
    assert_same_objects(&packed, &plain);
    // PDF/A-2 (6.1.2): the header's second line is a comment of at least four bytes > 127.
    let second = packed.split(|&b| b == b'\n').nth(1).expect("a second line");
    assert!(
        second.starts_with(b"%") && second[1..].iter().filter(|&&b| b > 127).count() >= 4
    );
    // 6.6.2.1: the metadata stream stays a stream, outside the object stream, uncompressed
    // as krilla wrote it.
    let doc = Document::load_mem(&packed).expect("parses");
    let catalog = doc.catalog().expect("a catalog");
    let metadata =
        catalog.get(b"Metadata").and_then(Object::as_reference).expect("/Metadata");
    let xmp = doc.get_object(metadata).and_then(Object::as_stream).expect("a stream");
    assert!(String::from_utf8_lossy(&xmp.content).contains("pdfaid:part"));
    // Nothing after the end-of-file marker but one end of line (6.1.3).
    assert!(packed.ends_with(b"%%EOF\n"));
}

#[test]
fn what_is_not_a_plain_pdf_is_left_to_the_caller() {
    let (packed, _) = packed_and_plain(RenderOptions::default());
    assert_eq!(pack_objects(&packed), None, "an already packed PDF is not packed again");
    assert_eq!(pack_objects(b"%PDF-1.7\nnot really"), None);
    assert_eq!(pack_objects(b""), None);
}
