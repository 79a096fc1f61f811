//! A post-pass over the exported PDF: every object that is not a stream goes into one
//! deflated object stream, indexed by a compressed cross-reference stream (PDF 1.5, allowed
//! in PDF/A-2). krilla writes each of the tagged PDF's hundreds of small objects (structure
//! elements, annotations, font dictionaries) uncompressed, with a 20-byte line each in a
//! classic cross-reference table; packed, the sample report is about a fifth smaller.
//!
//! The PDF is parsed with lopdf (its object model and serializer); what is written around it
//! is decided here, so that the output is the same bytes for the same input: objects keep
//! their numbers and their order, streams are copied with their content untouched.

use std::io::Write;

use lopdf::xref::{XrefEntry, XrefType};
use lopdf::{Document, Object, StringFormat};

/// `pdf` with its non-stream objects packed into an object stream and a cross-reference
/// stream in place of the table; `None` where it is not a PDF as krilla writes them (one
/// cross-reference table, no encryption) or there is nothing to pack: the caller then keeps
/// the PDF as it was, valid, only larger.
///
/// Every object's bytes are copied as they were written: objects keep their numbers,
/// streams their content, the packed objects their exact text.
pub fn pack_objects(pdf: &[u8]) -> Option<Vec<u8>> {
    let doc = Document::load_mem(pdf).ok()?;
    let table =
        matches!(doc.reference_table.cross_reference_type, XrefType::CrossReferenceTable);
    if !table || doc.trailer.has(b"Encrypt") || doc.xref_start > pdf.len() {
        return None;
    }
    // Each object's bytes run from its offset to the next object's (or the table's).
    let mut starts: Vec<(usize, u32, u16)> = doc
        .reference_table
        .entries
        .iter()
        .filter_map(|(&id, entry)| match *entry {
            XrefEntry::Normal { offset, generation } => {
                Some((offset as usize, id, generation))
            }
            _ => None,
        })
        .collect();
    starts.sort_unstable();
    let mut spans = Vec::with_capacity(starts.len());
    for (i, &(offset, id, generation)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(doc.xref_start, |next| next.0);
        let raw = pdf.get(offset..end)?;
        let head = format!("{id} {generation} obj");
        let body = raw.strip_prefix(head.as_bytes())?;
        let body = trim(body).strip_suffix(b"endobj")?;
        spans.push((id, generation, trim(body), raw));
    }
    spans.sort_unstable_by_key(|s| s.0);
    // Every object parsed has its bytes (none hides in an object stream already).
    if spans.len() != doc.objects.len() {
        return None;
    }

    let header_end = header_len(pdf)?;
    let mut out = Vec::with_capacity(pdf.len());
    out.extend_from_slice(&pdf[..header_end]);
    let max_id = spans.last()?.0;
    // Entries of the cross-reference stream by object number: (type, field 2, field 3).
    let mut entries: Vec<(u8, u64, u64)> = vec![(0, 0, 0); max_id as usize + 3];
    entries[0] = (0, 0, 65535);
    let mut index = Vec::new();
    let mut packed = Vec::new();
    let container = max_id + 1;
    let mut n = 0u64;
    for &(id, generation, body, raw) in &spans {
        let is_stream = matches!(doc.objects.get(&(id, generation))?, Object::Stream(_));
        if is_stream || generation != 0 {
            entries[id as usize] = (1, out.len() as u64, u64::from(generation));
            out.extend_from_slice(trim(raw));
            out.push(b'\n');
        } else {
            write!(index, "{id} {} ", packed.len()).ok()?;
            packed.extend_from_slice(body);
            packed.push(b'\n');
            entries[id as usize] = (2, u64::from(container), n);
            n += 1;
        }
    }
    if n == 0 {
        return None;
    }

    // The object stream: "number offset" pairs, then the objects, one per line.
    let first = index.len();
    index.extend_from_slice(&packed);
    entries[container as usize] = (1, out.len() as u64, 0);
    let data = deflate(&index)?;
    write!(
        out,
        "{container} 0 obj\n<</Type/ObjStm/N {n}/First {first}/Filter/FlateDecode/Length {}>>\nstream\n",
        data.len()
    )
    .ok()?;
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream\nendobj\n");

    // The cross-reference stream, each row predicted from the one above (PNG Up).
    let xref_id = container + 1;
    let xref_at = out.len() as u64;
    entries[xref_id as usize] = (1, xref_at, 0);
    let widths = [
        1,
        bytes_for(entries.iter().map(|e| e.1).max().unwrap_or(0)),
        bytes_for(entries.iter().map(|e| e.2).max().unwrap_or(0)),
    ];
    let row_len: usize = widths.iter().sum();
    let mut rows = Vec::with_capacity(entries.len() * (row_len + 1));
    let mut previous = vec![0u8; row_len];
    for &(kind, a, b) in &entries {
        let mut row = Vec::with_capacity(row_len);
        row.push(kind);
        row.extend_from_slice(&a.to_be_bytes()[8 - widths[1]..]);
        row.extend_from_slice(&b.to_be_bytes()[8 - widths[2]..]);
        rows.push(2);
        rows.extend(row.iter().zip(&previous).map(|(x, p)| x.wrapping_sub(*p)));
        previous = row;
    }
    let mut trailer = String::new();
    for key in ["Root", "Info"] {
        if let Ok(&Object::Reference((id, generation))) = doc.trailer.get(key.as_bytes())
        {
            trailer += &format!("/{key} {id} {generation} R");
        }
    }
    if let Ok(Object::Array(ids)) = doc.trailer.get(b"ID") {
        trailer += "/ID[";
        for id in ids {
            let Object::String(bytes, format) = id else { return None };
            trailer += &string(bytes, *format);
        }
        trailer += "]";
    }
    let data = deflate(&rows)?;
    write!(
        out,
        "{xref_id} 0 obj\n<</Type/XRef/Size {}/W[{} {} {}]{trailer}/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns {row_len}>>/Length {}>>\nstream\n",
        entries.len(),
        widths[0],
        widths[1],
        widths[2],
        data.len()
    )
    .ok()?;
    out.extend_from_slice(&data);
    write!(out, "\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").ok()?;
    Some(out)
}

/// A string object as written, in the form it was read in (hexadecimal, or literal with
/// its delimiters escaped and anything not printable ASCII as an octal escape).
fn string(bytes: &[u8], format: StringFormat) -> String {
    match format {
        StringFormat::Hexadecimal => {
            let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
            format!("<{hex}>")
        }
        StringFormat::Literal => {
            let mut out = String::from("(");
            for &b in bytes {
                match b {
                    b'(' | b')' | b'\\' => {
                        out.push('\\');
                        out.push(b as char);
                    }
                    0x20..=0x7e => out.push(b as char),
                    _ => out += &format!("\\{b:03o}"),
                }
            }
            out + ")"
        }
    }
}

/// `bytes` without the PDF white space around it.
fn trim(bytes: &[u8]) -> &[u8] {
    let white = |b: &u8| b" \t\r\n\x0c\0".contains(b);
    let start = bytes.iter().position(|b| !white(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !white(b)).map_or(start, |e| e + 1);
    &bytes[start..end]
}

/// The length of the header: the `%PDF-` line and the binary comment after it.
fn header_len(pdf: &[u8]) -> Option<usize> {
    if !pdf.starts_with(b"%PDF-") {
        return None;
    }
    let line =
        |from: usize| pdf[from..].iter().position(|&b| b == b'\n').map(|p| from + p + 1);
    let first = line(0)?;
    if pdf.get(first) == Some(&b'%') { line(first) } else { Some(first) }
}

/// zlib at the highest level: the packed part is small, so the level costs little.
fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut encoder =
        flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).ok()?;
    encoder.finish().ok()
}

/// How many bytes hold `n` (at least one).
fn bytes_for(n: u64) -> usize {
    ((64 - n.leading_zeros()) as usize).div_ceil(8).max(1)
}
