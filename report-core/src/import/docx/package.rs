//! The package of a Word document: its zip, read with every size bounded, and the parts
//! found through their relationships (`_rels/.rels`, the main part's `.rels`).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::{Refusal, refuse};
use crate::import::MAX_PAGE_SIZE;
use crate::l10n::arg;

/// The most entries a Word document's zip may have (a report has a dozen or two).
pub(super) const MAX_ENTRIES: usize = 2000;
/// The largest part read, and the most bytes read from all parts together.
pub(super) const MAX_PART: usize = MAX_PAGE_SIZE;
/// The highest compression ratio (uncompressed : compressed) accepted of a part larger
/// than [`BOMB_FLOOR`]: XML compresses well, but not this well unless it is a bomb.
pub(super) const MAX_RATIO: u64 = 200;
/// Parts up to this size are read whatever their ratio (a short part of repeated
/// markup may compress beyond [`MAX_RATIO`] honestly).
pub(super) const BOMB_FLOOR: u64 = 1024 * 1024;

const OFFICE_DOCUMENT: &str = "/officeDocument";
const CORE_PROPERTIES: &str = "/core-properties";
/// The relationships' namespace.
const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// A Word document's zip, opened, with its entries' names looked up case-insensitively
/// (part names are, in Open Packaging).
pub(super) struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    names: HashMap<String, usize>,
    /// Bytes read from all parts so far.
    total: usize,
}

impl<'a> Package<'a> {
    /// Opens the zip: refused if it is none, is damaged or truncated, or has more than
    /// [`MAX_ENTRIES`] entries.
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, Refusal> {
        let archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
            Ok(archive) => archive,
            // A zip's local header first: a zip cut short or damaged; else no zip at all.
            Err(e) if bytes.starts_with(b"PK\x03\x04") => {
                return Err(refuse("import-docx-damaged", vec![arg("why", e)]));
            }
            Err(_) => return Err(refuse("import-docx-not-zip", vec![])),
        };
        if archive.len() > MAX_ENTRIES {
            return Err(refuse(
                "import-docx-too-many-entries",
                vec![arg("count", archive.len()), arg("limit", MAX_ENTRIES)],
            ));
        }
        let names = archive
            .file_names()
            .map(|name| name.to_owned())
            .collect::<Vec<_>>()
            .into_iter()
            .filter_map(|name| {
                archive.index_for_name(&name).map(|i| (name.to_lowercase(), i))
            })
            .collect();
        Ok(Package { archive, names, total: 0 })
    }

    /// The part named `name` (no leading `/`), or `None` if the zip has none; refused if
    /// it is too large, compressed like a bomb, lies about its size or is damaged.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, Refusal> {
        let Some(&index) = self.names.get(&name.to_lowercase()) else {
            return Ok(None);
        };
        let damaged = |e: &dyn std::fmt::Display| {
            refuse("import-docx-damaged", vec![arg("why", format!("{name}: {e}"))])
        };
        let mut file = self.archive.by_index(index).map_err(|e| damaged(&e))?;
        let declared = file.size();
        let too_large = |size: u64| {
            refuse(
                "import-docx-part-too-large",
                vec![arg("part", name), arg("size", size), arg("limit", MAX_PART)],
            )
        };
        if declared > MAX_PART as u64 {
            return Err(too_large(declared));
        }
        let compressed = file.compressed_size().max(1);
        if declared > BOMB_FLOOR && declared / compressed > MAX_RATIO {
            return Err(refuse(
                "import-docx-zip-bomb",
                vec![
                    arg("part", name),
                    arg("ratio", declared / compressed),
                    arg("limit", MAX_RATIO),
                ],
            ));
        }
        let mut data = Vec::with_capacity(declared as usize);
        // One byte more than the limit: a header that understates the size is caught
        // here, where the bytes are, not believed.
        (&mut file)
            .take(MAX_PART as u64 + 1)
            .read_to_end(&mut data)
            .map_err(|e| damaged(&e))?;
        if data.len() > MAX_PART {
            return Err(too_large(data.len() as u64));
        }
        if data.len() as u64 != declared {
            return Err(refuse(
                "import-docx-size-mismatch",
                vec![
                    arg("part", name),
                    arg("declared", declared),
                    arg("size", data.len()),
                ],
            ));
        }
        self.total += data.len();
        if self.total > MAX_PART {
            return Err(refuse(
                "import-docx-total-too-large",
                vec![arg("size", self.total), arg("limit", MAX_PART)],
            ));
        }
        Ok(Some(data))
    }

    /// The relationships of the part `source` (`""` for the package's own): each
    /// relationship's type and its target resolved to a part name. Internal ones only.
    pub(super) fn relationships(
        &mut self,
        source: &str,
    ) -> Result<Vec<(String, String)>, Refusal> {
        let (dir, file) = split(source);
        let rels = format!("{dir}_rels/{file}.rels");
        let Some(bytes) = self.part(&rels)? else { return Ok(Vec::new()) };
        let text = super::xml_text(&rels, &bytes)?;
        let doc = super::parse(&rels, &text)?;
        Ok(doc
            .root_element()
            .children()
            .filter(|n| n.has_tag_name((RELS_NS, "Relationship")))
            .filter(|n| n.attribute("TargetMode").is_none_or(|m| m != "External"))
            .filter_map(|n| {
                let kind = n.attribute("Type")?;
                let target = n.attribute("Target")?;
                Some((kind.to_owned(), resolve(dir, target)))
            })
            .collect())
    }

    /// The main part's name: the `officeDocument` relationship's target, or
    /// `word/document.xml`; refused when the zip holds no such part (no Word document).
    pub(super) fn main_part(
        &mut self,
        rels: &[(String, String)],
    ) -> Result<String, Refusal> {
        let named = target(rels, OFFICE_DOCUMENT).filter(|t| self.has(t));
        match named {
            Some(name) => Ok(name),
            None if self.has("word/document.xml") => Ok("word/document.xml".to_owned()),
            None => Err(refuse("import-docx-no-document", vec![])),
        }
    }

    /// The core properties' part name (`docProps/core.xml` unless related otherwise).
    pub(super) fn core_part(rels: &[(String, String)]) -> String {
        target(rels, CORE_PROPERTIES).unwrap_or_else(|| "docProps/core.xml".to_owned())
    }

    fn has(&self, name: &str) -> bool {
        self.names.contains_key(&name.to_lowercase())
    }
}

/// The target of the first relationship whose type ends in `kind` (`/styles`, …).
pub(super) fn target(rels: &[(String, String)], kind: &str) -> Option<String> {
    rels.iter().find(|(k, _)| k.ends_with(kind)).map(|(_, t)| t.clone())
}

/// `word/document.xml` → (`word/`, `document.xml`).
pub(super) fn split(name: &str) -> (&str, &str) {
    match name.rfind('/') {
        Some(i) => (&name[..=i], &name[i + 1..]),
        None => ("", name),
    }
}

/// A relationship's target as a part name: absolute (`/word/x.xml`) or relative to the
/// source's folder, `..` and `.` resolved.
fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("{dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve("word/", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word/", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve("", "/word/document2.xml"), "word/document2.xml");
        assert_eq!(split("word/document.xml"), ("word/", "document.xml"));
        assert_eq!(split("document.xml"), ("", "document.xml"));
    }
}
