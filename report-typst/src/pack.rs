//! A post-pass over the exported PDF: every object that is not a stream goes into one
//! deflated object stream, indexed by a compressed cross-reference stream (PDF 1.5, allowed
//! in PDF/A-2). krilla writes each of the tagged PDF's hundreds of small objects (structure
//! elements, annotations, font dictionaries) uncompressed, with a 20-byte line each in a
//! classic cross-reference table; packed, the sample report is about a fifth smaller.
//!
//! Nothing is parsed beyond what packing needs: the cross-reference table, the trailer's
//! entries and each object's extent. Each object's text is copied as written (lopdf, which
//! the tests use to compare every object before and after, took 5 ms to read the sample in
//! full: as long as the rest of the pass). The output is the same bytes for the same input:
//! objects keep their numbers and their order, streams their content.

use std::io::Write;

/// `pdf` with its non-stream objects packed into an object stream and a cross-reference
/// stream in place of the table; `None` where it is not a PDF as krilla writes them (one
/// cross-reference table at `startxref`, every object at its offset, no encryption) or
/// there is nothing to pack: the caller then keeps the PDF as it was, valid, only larger.
///
/// Every object's bytes are copied as they were written: objects keep their numbers,
/// streams their content, the packed objects their exact text, the trailer its entries.
pub fn pack_objects(pdf: &[u8]) -> Option<Vec<u8>> {
    let xref_start = start_of_xref(pdf)?;
    let (mut sorted, trailer) = read_xref(pdf, xref_start)?;
    let trailer = trailer_entries(trailer)?;
    // Each object's bytes run from its offset to the next object's (or the table's).
    sorted.sort_unstable();
    let mut spans = Vec::with_capacity(sorted.len());
    for (i, &(offset, id, generation)) in sorted.iter().enumerate() {
        let end = sorted.get(i + 1).map_or(xref_start, |next| next.0);
        let raw = pdf.get(offset..end)?;
        let head = format!("{id} {generation} obj");
        let body = raw.strip_prefix(head.as_bytes())?;
        let body = trim(trim(body).strip_suffix(b"endobj")?);
        // A stream ends with its keyword on a line of its own; nothing else can.
        let is_stream = body.strip_suffix(b"endstream").is_some_and(|rest| {
            rest.last().is_some_and(|b| b"\r\n".contains(b)) && body.starts_with(b"<<")
        });
        spans.push((id, generation, body, trim(raw), is_stream));
    }
    spans.sort_unstable_by_key(|s| s.0);
    if spans.windows(2).any(|w| w[0].0 == w[1].0) {
        return None;
    }

    let header_end = header_len(pdf)?;
    let mut out = Vec::with_capacity(pdf.len());
    out.extend_from_slice(&pdf[..header_end]);
    let max_id = spans.last()?.0;
    // Numbers as krilla gives them, one after another (a table of mostly free entries
    // would not be worth packing, nor a number near the limit worth allocating for).
    if max_id as usize > 2 * spans.len() + 16 {
        return None;
    }
    // Entries of the cross-reference stream by object number: (type, field 2, field 3).
    let mut entries: Vec<(u8, u64, u64)> = vec![(0, 0, 0); max_id as usize + 3];
    entries[0] = (0, 0, 65535);
    let mut index = Vec::new();
    let mut packed = Vec::new();
    let container = max_id + 1;
    let mut n = 0u64;
    for &(id, generation, body, raw, is_stream) in &spans {
        if is_stream || generation != 0 {
            entries[id as usize] = (1, out.len() as u64, u64::from(generation));
            out.extend_from_slice(raw);
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
    let trailer: Vec<u8> = trailer.concat();
    let data = deflate(&rows)?;
    write!(
        out,
        "{xref_id} 0 obj\n<</Type/XRef/Size {}/W[{} {} {}]",
        entries.len(),
        widths[0],
        widths[1],
        widths[2],
    )
    .ok()?;
    out.extend_from_slice(&trailer);
    write!(
        out,
        "/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns {row_len}>>/Length {}>>\nstream\n",
        data.len()
    )
    .ok()?;
    out.extend_from_slice(&data);
    write!(out, "\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").ok()?;
    Some(out)
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

/// The offset that `startxref` names, near the end of the file.
fn start_of_xref(pdf: &[u8]) -> Option<usize> {
    let tail = &pdf[pdf.len().saturating_sub(64)..];
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let digits = trim(&tail[at + 9..]);
    let end = digits.iter().position(|b| !b.is_ascii_digit()).unwrap_or(digits.len());
    std::str::from_utf8(&digits[..end]).ok()?.parse().ok()
}

/// The in-use entries of the cross-reference table at `at`, as (offset, number,
/// generation), and the bytes of the trailer dictionary after it.
#[allow(clippy::type_complexity)]
fn read_xref(pdf: &[u8], at: usize) -> Option<(Vec<(usize, u32, u16)>, &[u8])> {
    let mut rest = pdf.get(at..)?.strip_prefix(b"xref")?;
    let mut entries = Vec::new();
    loop {
        rest = trim_start(rest);
        if let Some(after) = rest.strip_prefix(b"trailer") {
            let dict = trim(after);
            let end = dict.windows(9).position(|w| w == b"startxref")?;
            return Some((entries, trim(&dict[..end])));
        }
        // A subsection: its first number and count, then 20-byte entries.
        let (first, after) = number(rest)?;
        let (count, after) = number(trim_start(after))?;
        rest = after;
        for id in first..first + count {
            let (offset, after) = number(trim_start(rest))?;
            let (generation, after) = number(trim_start(after))?;
            let after = trim_start(after);
            match after.first()? {
                b'n' => entries.push((
                    usize::try_from(offset).ok()?,
                    u32::try_from(id).ok()?,
                    u16::try_from(generation).ok()?,
                )),
                b'f' => {}
                _ => return None,
            }
            rest = &after[1..];
        }
    }
}

/// The trailer's entries other than those the cross-reference stream writes itself
/// (`/Size`) or that would point elsewhere (`/Prev`, `/XRefStm`), each as written; `None`
/// for an encrypted file.
fn trailer_entries(dict: &[u8]) -> Option<Vec<&[u8]>> {
    let inner = dict.strip_prefix(b"<<")?.strip_suffix(b">>")?;
    let mut out = Vec::new();
    let mut rest = trim_start(inner);
    while !rest.is_empty() {
        let key_len = 1 + rest[1..].iter().position(|b| is_delimiter(*b))?;
        if rest[0] != b'/' {
            return None;
        }
        let key = &rest[..key_len];
        let value_len = value_len(trim_start(&rest[key_len..]))?;
        let value_end = rest.len() - trim_start(&rest[key_len..]).len() + value_len;
        match key {
            b"/Encrypt" => return None,
            b"/Size" | b"/Prev" | b"/XRefStm" => {}
            _ => out.push(&rest[..value_end]),
        }
        rest = trim_start(&rest[value_end..]);
    }
    Some(out)
}

/// The length of the value at the start of `bytes`: a reference, a number, a name, a
/// string, an array or a dictionary.
fn value_len(bytes: &[u8]) -> Option<usize> {
    match *bytes.first()? {
        b'(' => {
            let (mut depth, mut i) = (0usize, 0);
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        b'<' if bytes.get(1) == Some(&b'<') => {
            let mut i = 2;
            loop {
                let rest = trim_start(bytes.get(i..)?);
                i = bytes.len() - rest.len();
                if rest.starts_with(b">>") {
                    return Some(i + 2);
                }
                i += value_len(rest)?;
            }
        }
        b'<' => Some(bytes.iter().position(|&b| b == b'>')? + 1),
        b'[' => {
            let mut i = 1;
            loop {
                let rest = trim_start(bytes.get(i..)?);
                i = bytes.len() - rest.len();
                if rest.starts_with(b"]") {
                    return Some(i + 1);
                }
                i += value_len(rest)?;
            }
        }
        b'/' => Some(
            1 + bytes[1..]
                .iter()
                .position(|b| is_delimiter(*b))
                .unwrap_or(bytes.len() - 1),
        ),
        _ => {
            // A number, a keyword (true, null) or a reference "n g R".
            let word =
                |b: &[u8]| b.iter().position(|c| is_delimiter(*c)).unwrap_or(b.len());
            let first = word(bytes);
            if first == 0 {
                return None;
            }
            let after = trim_start(&bytes[first..]);
            let second = word(after);
            let third_at = trim_start(&after[second..]);
            let all_digits = |b: &[u8]| !b.is_empty() && b.iter().all(u8::is_ascii_digit);
            if all_digits(&bytes[..first])
                && all_digits(&after[..second])
                && third_at.first() == Some(&b'R')
                && third_at.get(1).is_none_or(|c| is_delimiter(*c))
            {
                Some(bytes.len() - third_at.len() + 1)
            } else {
                Some(first)
            }
        }
    }
}

/// A PDF white-space or delimiter character.
fn is_delimiter(b: u8) -> bool {
    b" \t\r\n\x0c\0()<>[]{}/%".contains(&b)
}

/// An unsigned decimal number at the start of `bytes`, and what follows it.
fn number(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let end = bytes.iter().position(|b| !b.is_ascii_digit()).unwrap_or(bytes.len());
    let n = std::str::from_utf8(&bytes[..end]).ok()?.parse().ok()?;
    Some((n, &bytes[end..]))
}

/// `bytes` without the PDF white space before it.
fn trim_start(bytes: &[u8]) -> &[u8] {
    let start =
        bytes.iter().position(|b| !b" \t\r\n\x0c\0".contains(b)).unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailer_entries_are_kept_as_written_but_size() {
        let dict = b"<< /Size 9 /Root 1 0 R /ID [(a\\)b(c)) <0A0B>] /Info 2 0 R /N [1 /x <</K 3>>] >>";
        let entries = trailer_entries(dict).expect("a plain trailer");
        let entries: Vec<&str> =
            entries.iter().map(|e| std::str::from_utf8(e).unwrap()).collect();
        assert_eq!(
            entries,
            [
                "/Root 1 0 R",
                "/ID [(a\\)b(c)) <0A0B>]",
                "/Info 2 0 R",
                "/N [1 /x <</K 3>>]"
            ]
        );
        assert_eq!(trailer_entries(b"<</Size 3/Encrypt 5 0 R>>"), None);
        assert_eq!(trailer_entries(b"<</Size 3/Root (unclosed>>"), None);
    }
}
