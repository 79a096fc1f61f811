//! Font metadata computed ahead of time, and a fast coverage lookup.
//!
//! Building Typst's [`FontBook`](typst::text::FontBook) means parsing every face's names
//! and character map ([`FontInfo`]); for the bundled fonts that work is the same in every
//! process, so it is done once, at development time, and committed as
//! `fonts/bundled.meta` (a small binary file, see `encode`). A unit test recomputes it from
//! the fonts and fails when it is stale; regenerate it with
//! `GOVREPORT_BLESS_FONT_META=1 cargo test --release -p report-typst font_meta`. At run
//! time a file whose length differs from the recorded one is parsed as before, so a stale
//! file can cost time but never give wrong metadata for a changed font.
//!
//! [`CoverageIndex`] answers "does this face have a glyph for `c`" by binary search over
//! the coverage's ranges, where [`typst::text::Coverage::contains`] walks every range.

use std::sync::OnceLock;

use typst::layout::Ratio;
use typst::text::{
    Coverage, FontFlags, FontInfo, FontStretch, FontStyle, FontVariant, FontWeight,
};

/// The precomputed metadata of the bundled fonts, in the order of their files.
pub(crate) static BUNDLED_META: &[u8] = include_bytes!("../fonts/bundled.meta");

const MAGIC: &[u8] = b"govreport font metadata 1\n";

/// Encodes the metadata of font files, one entry per file: its length and its faces.
///
/// The format: the magic line, then per file its length (`u64`) and face count (`u32`),
/// then per face the family (`u16` length and UTF-8), style (`u8`), weight (`u16`),
/// stretch in thousandths (`u16`), flags (`u32`) and the coverage as alternating runs of
/// absent and present code points (`u32` count, then the runs), all little-endian. Faces
/// with variation axes cannot be encoded (the bundled fonts have none): `None`.
#[cfg(test)]
pub(crate) fn encode(files: &[(usize, Vec<FontInfo>)]) -> Option<Vec<u8>> {
    let mut out = MAGIC.to_vec();
    for (len, faces) in files {
        out.extend((*len as u64).to_le_bytes());
        out.extend((faces.len() as u32).to_le_bytes());
        for info in faces {
            if !info.axes.is_empty() {
                return None;
            }
            let family = info.family.as_bytes();
            out.extend(u16::try_from(family.len()).ok()?.to_le_bytes());
            out.extend(family);
            out.push(match info.variant.style {
                FontStyle::Normal => 0,
                FontStyle::Italic => 1,
                FontStyle::Oblique => 2,
            });
            out.extend(info.variant.weight.to_number().to_le_bytes());
            let stretch = (info.variant.stretch.to_ratio().get() * 1000.0).round() as u16;
            out.extend(stretch.to_le_bytes());
            out.extend(info.flags.bits().to_le_bytes());
            let runs = runs(&info.coverage);
            out.extend((runs.len() as u32).to_le_bytes());
            for run in runs {
                out.extend(run.to_le_bytes());
            }
        }
    }
    Some(out)
}

/// Decodes `encode`'s output: per file, its length and its faces. `None` if the bytes
/// are not such a file.
pub(crate) fn decode(bytes: &[u8]) -> Option<Vec<(usize, Vec<FontInfo>)>> {
    let mut r = Reader { bytes: bytes.strip_prefix(MAGIC)? };
    let mut files = Vec::new();
    while !r.bytes.is_empty() {
        let len = usize::try_from(u64::from_le_bytes(r.take()?)).ok()?;
        let count = u32::from_le_bytes(r.take()?);
        let mut faces = Vec::new();
        for _ in 0..count {
            let family_len = u16::from_le_bytes(r.take()?) as usize;
            let family = String::from_utf8(r.slice(family_len)?.to_vec()).ok()?;
            let style = match r.take::<1>()?[0] {
                0 => FontStyle::Normal,
                1 => FontStyle::Italic,
                2 => FontStyle::Oblique,
                _ => return None,
            };
            let weight = FontWeight::from_number(u16::from_le_bytes(r.take()?));
            let stretch = FontStretch::from_ratio(Ratio::new(
                f64::from(u16::from_le_bytes(r.take()?)) / 1000.0,
            ));
            let flags = FontFlags::from_bits(u32::from_le_bytes(r.take()?))?;
            let run_count = u32::from_le_bytes(r.take()?) as usize;
            let mut codepoints = Vec::new();
            let (mut cursor, mut inside) = (0u32, false);
            for _ in 0..run_count {
                let run = u32::from_le_bytes(r.take()?);
                let end = cursor.checked_add(run)?;
                if inside {
                    codepoints.extend(cursor..end);
                }
                cursor = end;
                inside = !inside;
            }
            faces.push(FontInfo {
                family,
                variant: FontVariant::new(style, weight, stretch),
                flags,
                axes: Vec::new(),
                coverage: Coverage::from_vec(codepoints),
            });
        }
        files.push((len, faces));
    }
    Some(files)
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn slice(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.bytes.len() < n {
            return None;
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Some(head)
    }

    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.slice(N)?.try_into().ok()
    }
}

/// The coverage as alternating runs: absent, present, absent, … code points.
fn runs(coverage: &Coverage) -> Vec<u32> {
    let mut runs = Vec::new();
    let mut next = 0;
    for c in coverage.iter() {
        match runs.last_mut() {
            Some(run) if c == next => *run += 1,
            _ => {
                runs.push(c - next);
                runs.push(1);
            }
        }
        next = c + 1;
    }
    runs
}

/// Per face, the covered code points as sorted, disjoint ranges, built on first use.
pub(crate) struct CoverageIndex {
    faces: Vec<OnceLock<Vec<(u32, u32)>>>,
}

impl CoverageIndex {
    /// An index for `faces` faces, nothing built yet.
    pub(crate) fn new(faces: usize) -> Self {
        CoverageIndex { faces: (0..faces).map(|_| OnceLock::new()).collect() }
    }

    /// Whether face `index`, whose metadata is `info`, has a glyph for `c`.
    pub(crate) fn contains(&self, index: usize, info: &FontInfo, c: char) -> bool {
        let Some(slot) = self.faces.get(index) else {
            return info.coverage.contains(c as u32);
        };
        let ranges = slot.get_or_init(|| {
            let runs = runs(&info.coverage);
            let mut ranges = Vec::with_capacity(runs.len() / 2);
            let mut cursor = 0;
            for pair in runs.chunks(2) {
                cursor += pair[0];
                if let Some(len) = pair.get(1) {
                    ranges.push((cursor, cursor + len));
                    cursor += len;
                }
            }
            ranges
        });
        let c = c as u32;
        let i = ranges.partition_point(|&(_, end)| end <= c);
        ranges.get(i).is_some_and(|&(start, _)| start <= c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::BUNDLED_FILES;

    fn computed() -> Vec<(usize, Vec<FontInfo>)> {
        BUNDLED_FILES
            .iter()
            .map(|(_, data)| (data.len(), FontInfo::iter(data).collect()))
            .collect()
    }

    #[test]
    fn font_meta_of_the_bundled_fonts_is_current() {
        let computed = computed();
        let encoded =
            encode(&computed).expect("the bundled fonts have no variation axes");
        if std::env::var_os("GOVREPORT_BLESS_FONT_META").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/bundled.meta");
            std::fs::write(path, &encoded).expect("fonts/bundled.meta written");
            return;
        }
        let decoded = decode(BUNDLED_META).expect("fonts/bundled.meta decodes");
        assert!(
            decoded == computed,
            "fonts/bundled.meta is stale: regenerate it with \
             GOVREPORT_BLESS_FONT_META=1 cargo test --release -p report-typst font_meta"
        );
        assert_eq!(encoded, BUNDLED_META, "the encoding is not canonical");
    }

    #[test]
    fn font_meta_round_trips_and_rejects_garbage() {
        let computed = computed();
        assert_eq!(decode(&encode(&computed).unwrap()).unwrap(), computed);
        assert!(decode(b"").is_none());
        assert!(decode(b"not font metadata").is_none());
        let mut truncated = encode(&computed).unwrap();
        truncated.truncate(truncated.len() - 3);
        assert!(decode(&truncated).is_none());
    }

    #[test]
    fn coverage_index_agrees_with_typst_coverage() {
        for (_, faces) in computed() {
            for info in &faces {
                let index = CoverageIndex::new(1);
                let probes = (0..0x3_0000u32)
                    .step_by(31)
                    .chain((0x3400..0xA000).step_by(3))
                    .chain([0, 0x20, 0x4E00, 0x9FA5, 0x3400, 0x20BB7, 0x10FFFF])
                    .filter_map(char::from_u32);
                for c in probes {
                    assert_eq!(
                        index.contains(0, info, c),
                        info.coverage.contains(c as u32),
                        "{} U+{:04X}",
                        info.family,
                        c as u32
                    );
                }
            }
        }
    }
}
