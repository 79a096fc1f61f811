//! Fonts: the bundled set (parsed once per process), user font folders, and the choice
//! of a family for every typographic role, official family first where it is present.

use std::path::{Path, PathBuf};
#[cfg(feature = "bundled-fonts")]
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use report_core::fields::TextRole;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo, FontVariant, FontWeight};
use typst::utils::LazyHash;

use crate::RenderError;
use crate::font_meta::{self, CoverageIndex};
use report_core::l10n::arg;
use report_core::{Diagnostic, Location, Rule};

/// The broad fallback family: it covers CJK Ext-A and much of Ext-B, where Fandol
/// covers GB 2312 only.
pub const FALLBACK_FAMILY: &str = "Noto Serif CJK SC";

/// The fonts shipped inside the binary (see `fonts/*/LICENSE`).
#[cfg(feature = "bundled-fonts")]
pub(crate) static BUNDLED_FILES: [(&str, &[u8]); 9] = [
    ("FandolFang-Regular.otf", include_bytes!("../fonts/fandol/FandolFang-Regular.otf")),
    ("FandolHei-Regular.otf", include_bytes!("../fonts/fandol/FandolHei-Regular.otf")),
    ("FandolHei-Bold.otf", include_bytes!("../fonts/fandol/FandolHei-Bold.otf")),
    ("FandolKai-Regular.otf", include_bytes!("../fonts/fandol/FandolKai-Regular.otf")),
    ("FandolSong-Regular.otf", include_bytes!("../fonts/fandol/FandolSong-Regular.otf")),
    ("FandolSong-Bold.otf", include_bytes!("../fonts/fandol/FandolSong-Bold.otf")),
    ("FandolHei-Headings.otf", include_bytes!("../fonts/fandol/FandolHei-Headings.otf")),
    ("FandolSong-Numbers.otf", include_bytes!("../fonts/fandol/FandolSong-Numbers.otf")),
    (
        "NotoSerifCJKsc-Regular.otf",
        include_bytes!("../fonts/noto/NotoSerifCJKsc-Regular.otf"),
    ),
];

/// Without the feature `bundled-fonts`, no font is compiled in: the renderer has only the
/// font folders it is given.
#[cfg(not(feature = "bundled-fonts"))]
pub(crate) static BUNDLED_FILES: [(&str, &[u8]); 0] = [];

/// A face cut from a bundled face down to the glyphs of its role's fixed text
/// (`fonts/tools/fixed-role-faces.py`): the role tries it before the full family, so
/// that a render hashes, parses and subsets a few dozen glyphs, not the whole face.
struct FixedFace {
    /// The role whose text is fixed.
    role: TextRole,
    /// The bundled file it is cut from (read by the test that checks the faces).
    #[cfg_attr(not(test), expect(dead_code))]
    source: &'static str,
    /// Its own file (read by the same test).
    #[cfg_attr(not(test), expect(dead_code))]
    file: &'static str,
    /// Its family name.
    family: &'static str,
}

const FIXED_FACES: [FixedFace; 2] = [
    FixedFace {
        role: TextRole::Heading1,
        source: "FandolHei-Regular.otf",
        file: "FandolHei-Headings.otf",
        family: "FandolHei Headings",
    },
    FixedFace {
        role: TextRole::PageNumber,
        source: "FandolSong-Regular.otf",
        file: "FandolSong-Numbers.otf",
        family: "FandolSong Numbers",
    },
];

/// What the template prints around a page number `n`: `— n —`.
#[cfg(test)]
const PAGE_NUMBER_FORMAT: &str = "[— #n —]";

/// Every character role `role` prints where its text is fixed: the six section headings,
/// or a page number in any digits.
#[cfg(test)]
fn fixed_text(role: TextRole) -> String {
    let text = match role {
        TextRole::Heading1 => report_core::outline::section_headings().concat(),
        TextRole::PageNumber => {
            let around = PAGE_NUMBER_FORMAT.trim_matches(['[', ']']).replace("#n", "");
            format!("{around}0123456789")
        }
        _ => String::new(),
    };
    let mut chars: Vec<char> = text.chars().collect();
    chars.sort_unstable();
    chars.dedup();
    chars.into_iter().collect()
}

/// The roles in the order a report first sets them: the title, the body's first line,
/// the headings, the page number in the footer ([`FontSet::hash_ahead`]).
const HASH_ORDER: [TextRole; 5] = [
    TextRole::Title,
    TextRole::Body,
    TextRole::Heading1,
    TextRole::Heading2,
    TextRole::PageNumber,
];

/// How each role is set: the official families to prefer when a user's font folder
/// has them, the bundled family otherwise, and the weight to ask for.
struct RoleSpec {
    role: TextRole,
    preferred: &'static [&'static str],
    bundled: &'static str,
    bundled_weight: &'static str,
}

const ROLES: [RoleSpec; 5] = [
    RoleSpec {
        role: TextRole::Title,
        preferred: &[
            "FZXiaoBiaoSong-B05S",
            "FZXiaoBiaoSong-B05",
            "FZXiaoBiaoSong-B05S-GBK",
        ],
        bundled: "FandolSong",
        bundled_weight: "bold",
    },
    RoleSpec {
        role: TextRole::Heading1,
        preferred: &["SimHei"],
        bundled: "FandolHei",
        bundled_weight: "regular",
    },
    RoleSpec {
        role: TextRole::Heading2,
        preferred: &["KaiTi_GB2312", "KaiTi"],
        bundled: "FandolKai",
        bundled_weight: "regular",
    },
    RoleSpec {
        role: TextRole::Body,
        preferred: &["FangSong_GB2312", "FangSong"],
        bundled: "FandolFang R",
        bundled_weight: "regular",
    },
    RoleSpec {
        role: TextRole::PageNumber,
        preferred: &["SimSun"],
        bundled: "FandolSong",
        bundled_weight: "regular",
    },
];

/// The family and weight chosen for one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFont {
    /// The role.
    pub role: TextRole,
    /// The family the role is set in.
    pub family: String,
    /// `"regular"` or `"bold"`.
    pub weight: &'static str,
    /// Whether the family has a bold face; where it has none, bold is synthesised with a
    /// stroke of the glyph outlines rather than taken from another family.
    pub has_bold: bool,
    /// For a bundled family whose role prints only fixed text (the 一、 headings, the page
    /// numbers), a face cut down to that text's glyphs, tried before `family`.
    pub fixed_text_family: Option<String>,
}

/// One face: its bytes, and the parsed font made on first use.
struct Slot {
    data: Bytes,
    index: u32,
    font: OnceLock<Option<Font>>,
}

/// A set of fonts: the bundled ones, then those of the user's folders.
///
/// Metadata ([`FontBook`]) is read once when the set is made; a face's outlines are
/// parsed only when a render first uses it, and then shared by every render and thread.
pub struct FontSet {
    book: LazyHash<FontBook>,
    coverage: CoverageIndex,
    slots: Vec<Slot>,
    roles: Vec<RoleFont>,
    warnings: Vec<Diagnostic>,
    /// Whether this is [`FontSet::bundled`], whose tables' row heights are committed.
    bundled: bool,
    /// Whether the role fonts were hashed ([`FontSet::hash_ahead`]).
    hashed: AtomicBool,
}

/// Whether face `index` of a font file parses and every table it lists lies inside the
/// file: a truncated file keeps its first tables (enough for its metadata) and loses the
/// outlines, which only printing would find out.
fn complete(data: &Bytes, index: u32) -> bool {
    let Ok(raw) = ttf_parser::RawFace::parse(data.as_slice(), index) else {
        return false;
    };
    let inside = raw.table_records.into_iter().all(|record| {
        (record.offset as usize)
            .checked_add(record.length as usize)
            .is_some_and(|end| end <= data.len())
    });
    inside && Font::new(data.clone(), index).is_some()
}

impl FontSet {
    fn new(files: Vec<FontFile>, mut warnings: Vec<Diagnostic>) -> FontSet {
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        for FontFile { name, data, infos } in files {
            let mut found = false;
            // The bundled faces come with their metadata and are known to parse; a
            // user's file is parsed once here, so that a face whose metadata reads but
            // whose font does not (a truncated file) is named and left out, never
            // silently replaced by another face at render time.
            let checked = infos.is_some();
            let infos =
                infos.unwrap_or_else(|| FontInfo::iter(data.as_slice()).collect());
            for (index, info) in infos.into_iter().enumerate() {
                if !checked && !complete(&data, index as u32) {
                    continue;
                }
                found = true;
                book.push(info);
                slots.push(Slot {
                    data: data.clone(),
                    index: index as u32,
                    font: OnceLock::new(),
                });
            }
            if !found {
                warnings.push(Diagnostic::from_id(
                    Rule::Font,
                    Location::Report,
                    "font-unreadable",
                    vec![arg("file", name)],
                ));
            }
        }
        let roles = resolve_roles(&book);
        let coverage = CoverageIndex::new(slots.len());
        FontSet {
            book: LazyHash::new(book),
            coverage,
            slots,
            roles,
            warnings,
            bundled: false,
            hashed: AtomicBool::new(false),
        }
    }

    /// Hashes the role fonts' files, in the order the template first sets them, once per
    /// font set: the [`crate::Renderer`] calls it on a scoped thread of its first render,
    /// beside the compile, and joins it before the render returns.
    ///
    /// Typst hashes a font's whole file the first time a render uses the face (31 MB for
    /// the five bundled faces: about a tenth of a cold render), and [`Bytes`] keeps the
    /// hash once made; the face's bytes are shared with every [`Font`] made from its slot,
    /// so the render finds the hash made. The compile keeps one core busy; the hashes run
    /// on the other. Later calls return at once.
    pub(crate) fn hash_ahead(&self) {
        if self.hashed.swap(true, Ordering::Relaxed) {
            return;
        }
        let mut files: Vec<Bytes> = Vec::new();
        for role in HASH_ORDER {
            let font = self.role(role);
            let family = font.fixed_text_family.as_ref().unwrap_or(&font.family);
            let weight = if font.weight == "bold" {
                FontWeight::BOLD
            } else {
                FontWeight::REGULAR
            };
            let variant = FontVariant { weight, ..FontVariant::default() };
            let Some(slot) = self
                .book
                .select(&family.to_lowercase(), variant)
                .and_then(|i| self.slots.get(i))
            else {
                continue;
            };
            if !files
                .iter()
                .any(|f| f.as_slice().as_ptr() == slot.data.as_slice().as_ptr())
            {
                files.push(slot.data.clone());
            }
        }
        for file in files {
            typst::utils::hash128(&file);
        }
    }

    /// The fonts bundled with this crate (feature `bundled-fonts`), parsed once per
    /// process: they are compiled in and never change, so every renderer shares them.
    #[cfg(feature = "bundled-fonts")]
    pub fn bundled() -> Arc<FontSet> {
        static BUNDLED: LazyLock<Arc<FontSet>> = LazyLock::new(|| {
            let mut set = FontSet::new(bundled_files(), Vec::new());
            set.bundled = true;
            Arc::new(set)
        });
        BUNDLED.clone()
    }

    /// The bundled fonts (with the feature `bundled-fonts`) plus every font file in
    /// `dirs` (searched recursively), read now: each call reads the folders again, so a
    /// changed folder is seen by the next [`crate::Renderer`] made from it. With no
    /// folders, the bundled set itself.
    ///
    /// A folder that does not exist or cannot be read is an error; a file that is not a
    /// font is skipped with a warning.
    pub fn with_dirs(dirs: &[PathBuf]) -> Result<Arc<FontSet>, RenderError> {
        #[cfg(feature = "bundled-fonts")]
        if dirs.is_empty() {
            return Ok(FontSet::bundled());
        }
        let mut files = bundled_files();
        let mut warnings = Vec::new();
        for dir in dirs {
            let before = files.len();
            collect_font_files(dir, &mut files)?;
            if files.len() == before {
                warnings.push(Diagnostic::from_id(
                    Rule::Font,
                    Location::Report,
                    "font-folder-empty",
                    vec![arg("dir", dir.display())],
                ));
            }
        }
        Ok(Arc::new(FontSet::new(files, warnings)))
    }

    /// The metadata of every face, as Typst's font book.
    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    /// The face at `index` of the book, parsed on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        slot.font.get_or_init(|| Font::new(slot.data.clone(), slot.index)).clone()
    }

    /// Whether this is [`FontSet::bundled`] itself (no folder added), whose tables' row
    /// heights are committed.
    pub(crate) fn is_bundled(&self) -> bool {
        self.bundled
    }

    /// The family and weight chosen for each role.
    pub fn roles(&self) -> &[RoleFont] {
        &self.roles
    }

    /// The family and weight chosen for `role`.
    pub fn role(&self, role: TextRole) -> &RoleFont {
        self.roles.iter().find(|r| r.role == role).expect("every role has a font")
    }

    /// Warnings from loading the fonts (unreadable files, empty folders).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Whether any face of `family` has a glyph for `c`.
    pub fn family_covers(&self, family: &str, c: char) -> bool {
        self.book.select_family(&family.to_lowercase()).any(|i| {
            self.book.info(i).is_some_and(|info| self.coverage.contains(i, info, c))
        })
    }
}

/// The family for each role: the first official family the book has, else the bundled.
fn resolve_roles(book: &FontBook) -> Vec<RoleFont> {
    ROLES
        .iter()
        .map(|spec| {
            match spec.preferred.iter().find(|f| book.contains_family(&f.to_lowercase()))
            {
                Some(official) => RoleFont {
                    role: spec.role,
                    family: (*official).to_owned(),
                    weight: "regular",
                    has_bold: has_bold(book, official),
                    fixed_text_family: None,
                },
                None => RoleFont {
                    role: spec.role,
                    family: spec.bundled.to_owned(),
                    weight: spec.bundled_weight,
                    has_bold: has_bold(book, spec.bundled),
                    fixed_text_family: FIXED_FACES
                        .iter()
                        .find(|f| f.role == spec.role)
                        .filter(|f| book.contains_family(&f.family.to_lowercase()))
                        .map(|f| f.family.to_owned()),
                },
            }
        })
        .collect()
}

fn has_bold(book: &FontBook, family: &str) -> bool {
    book.select_family(&family.to_lowercase())
        .any(|i| book.info(i).is_some_and(|info| info.variant.weight.to_number() >= 600))
}

/// A font file to add to a set: its name for messages, its bytes and, where known, its
/// faces' metadata (else it is parsed).
struct FontFile {
    name: String,
    data: Bytes,
    infos: Option<Vec<FontInfo>>,
}

/// The bundled files, with the metadata precomputed in `fonts/bundled.meta` wherever it
/// was recorded for a file of the same length (see [`crate::font_meta`]).
fn bundled_files() -> Vec<FontFile> {
    static META: LazyLock<Vec<(usize, Vec<FontInfo>)>> =
        LazyLock::new(|| font_meta::decode(font_meta::BUNDLED_META).unwrap_or_default());
    BUNDLED_FILES
        .iter()
        .enumerate()
        .map(|(i, (name, data))| FontFile {
            name: (*name).to_owned(),
            data: Bytes::new(*data),
            infos: META
                .get(i)
                .filter(|(len, _)| *len == data.len())
                .map(|(_, infos)| infos.clone()),
        })
        .collect()
}

fn collect_font_files(dir: &Path, out: &mut Vec<FontFile>) -> Result<(), RenderError> {
    let entries = std::fs::read_dir(dir).map_err(|e| RenderError::FontDir {
        path: dir.to_path_buf(),
        source: e.into(),
    })?;
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_font_files(&path, out)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if matches!(ext.as_deref(), Some("ttf" | "otf" | "ttc" | "otc")) {
            let data = std::fs::read(&path).map_err(|e| RenderError::FontDir {
                path: path.clone(),
                source: e.into(),
            })?;
            out.push(FontFile {
                name: path.display().to_string(),
                data: Bytes::new(data),
                infos: None,
            });
        }
    }
    Ok(())
}

#[cfg(all(test, feature = "bundled-fonts"))]
mod tests {
    use super::*;

    /// `fonts/fixed-role-text.txt`, what `fixed-role-faces.py` cuts the faces to, is
    /// the fixed text of each role; each committed cut face has every character of it;
    /// the template prints page numbers as this crate says.
    #[test]
    fn fixed_role_faces_hold_their_roles_text() {
        let mut text = String::from(
            "# The characters each cut face holds, from the section titles and the page-number\n\
             # format (report-typst/src/fonts.rs); do not edit. Regenerate with\n\
             # GOVREPORT_BLESS_FIXED_TEXT=1 cargo test --release -p report-typst fixed_role,\n\
             # then cut the faces: /usr/bin/python3 report-typst/fonts/tools/fixed-role-faces.py\n",
        );
        for face in &FIXED_FACES {
            let chars = fixed_text(face.role);
            text.push_str(&format!(
                "{}\t{}\t{}\t{chars}\n",
                face.source, face.file, face.family
            ));
        }
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/fixed-role-text.txt");
        if std::env::var_os("GOVREPORT_BLESS_FIXED_TEXT").is_some() {
            std::fs::write(path, &text).expect("write the fixed text");
        }
        assert_eq!(
            include_str!("../fonts/fixed-role-text.txt"),
            text,
            "fonts/fixed-role-text.txt is stale: regenerate it and the faces"
        );
        assert!(
            crate::world::TEMPLATE.contains(PAGE_NUMBER_FORMAT),
            "the page-number format"
        );
        for face in &FIXED_FACES {
            let (_, data) = BUNDLED_FILES
                .iter()
                .find(|(name, _)| *name == face.file)
                .expect("the cut face is bundled");
            let info = FontInfo::iter(data).next().expect("the cut face parses");
            assert_eq!(info.family, face.family);
            for c in fixed_text(face.role).chars() {
                assert!(
                    info.coverage.contains(c as u32),
                    "{}: no glyph for {c:?}",
                    face.file
                );
            }
        }
        let roles = FontSet::bundled();
        for face in &FIXED_FACES {
            let role = roles.role(face.role);
            assert_eq!(role.fixed_text_family.as_deref(), Some(face.family));
        }
    }

    use typst::text::{
        Coverage, FontFlags, FontStretch, FontStyle, FontVariant, FontWeight,
    };

    fn info(family: &str, weight: u16) -> FontInfo {
        FontInfo {
            family: family.to_owned(),
            variant: FontVariant::new(
                FontStyle::Normal,
                FontWeight::from_number(weight),
                FontStretch::NORMAL,
            ),
            flags: FontFlags::empty(),
            axes: Vec::new(),
            coverage: Coverage::from_vec(vec![0x4E00, 0x100]),
        }
    }

    fn family(roles: &[RoleFont], role: TextRole) -> (&str, &str, bool) {
        let r = roles.iter().find(|r| r.role == role).unwrap();
        (r.family.as_str(), r.weight, r.has_bold)
    }

    #[test]
    fn bundled_families_serve_every_role_when_no_official_font_is_present() {
        let book = FontBook::from_infos(
            ["FandolSong", "FandolHei", "FandolKai", "FandolFang R"]
                .map(|f| info(f, 400)),
        );
        let roles = resolve_roles(&book);
        assert_eq!(family(&roles, TextRole::Title), ("FandolSong", "bold", false));
        assert_eq!(family(&roles, TextRole::Body), ("FandolFang R", "regular", false));
        assert_eq!(family(&roles, TextRole::Heading1).0, "FandolHei");
        assert_eq!(family(&roles, TextRole::Heading2).0, "FandolKai");
        assert_eq!(family(&roles, TextRole::PageNumber).0, "FandolSong");
    }

    #[test]
    fn official_families_are_preferred_in_their_order() {
        let book = FontBook::from_infos([
            info("FandolFang R", 400),
            info("FangSong", 400),
            info("FangSong_GB2312", 400),
            info("KaiTi", 400),
            info("SimHei", 400),
            info("SimHei", 700),
            info("FZXiaoBiaoSong-B05S", 400),
        ]);
        let roles = resolve_roles(&book);
        assert_eq!(family(&roles, TextRole::Body), ("FangSong_GB2312", "regular", false));
        assert_eq!(family(&roles, TextRole::Heading2), ("KaiTi", "regular", false));
        assert_eq!(family(&roles, TextRole::Heading1), ("SimHei", "regular", true));
        assert_eq!(
            family(&roles, TextRole::Title),
            ("FZXiaoBiaoSong-B05S", "regular", false)
        );
        // No 宋体 in the folder: page numbers stay with the bundled 宋体.
        assert_eq!(family(&roles, TextRole::PageNumber).0, "FandolSong");
    }
}
