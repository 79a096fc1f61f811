//! PDFs with a text layer read into blocks (issue 27): hayro interprets each page
//! ([`device`]); ruling lines make the tables ([`grid`]); the other glyphs make lines
//! ([`lines`]) and the lines paragraphs, here, with the page furniture (page numbers,
//! running headers and footers) left out, a paragraph or a table continued on the next
//! page joined, and the title found by its type size.
//!
//! Refused, each with its own message naming the pages and saying what to do: no PDF,
//! a truncated or damaged one, an encrypted one (even with an empty password), one over
//! the size limit, more than [`MAX_PAGES`] pages, no text layer at all (a scan), and a
//! page with glyphs without Unicode: more than 2 plus 2 % of its glyphs with Unicode, or
//! any of them inside a table (a figure or label read as nothing would be read wrong). Pages without text
//! among pages with text are read; their images become [`Block::Image`]s. The rules
//! and their tolerances: `docs/pdf-parser-choice.md`, "The reader as built".

mod device;
mod grid;
mod lines;

use std::collections::HashMap;

use super::blocks::{Block, Document, Format, Grid, GridCell, GridRow};
use super::{ImportError, PagePlace};
use crate::diagnostic::Text;
use crate::l10n::arg;
use device::{Glyph, PageContent};
use grid::PageTable;
use lines::Line;

/// The most pages read: a report has a dozen; a longer file is no report and would
/// cost time.
pub(crate) const MAX_PAGES: usize = 200;

/// An image at least this share of the page's width (and [`IMAGE_HEIGHT`] of its
/// height) is a block of its own (a table or text as a picture), not an icon or a rule.
const IMAGE_WIDTH: f64 = 0.25;
/// See [`IMAGE_WIDTH`].
const IMAGE_HEIGHT: f64 = 0.05;
/// The top and bottom margins where page numbers and running headers are looked for,
/// as a share of the page's height.
const MARGIN: f64 = 0.1;

/// Reads a PDF into blocks, or says why it cannot.
pub(crate) fn read(bytes: &[u8]) -> Result<Document, ImportError> {
    if bytes.len() > super::MAX_PAGE_SIZE {
        return Err(refuse(
            "import-pdf-too-large",
            vec![arg("size", bytes.len()), arg("limit", super::MAX_PAGE_SIZE)],
        ));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(refuse("import-pdf-not-pdf", vec![]));
    }
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(refuse("import-pdf-truncated", vec![]));
    }
    if encrypted(bytes) {
        return Err(refuse("import-pdf-encrypted", vec![]));
    }
    let pdf = match hayro_syntax::Pdf::new(bytes.to_vec()) {
        Ok(pdf) => pdf,
        Err(hayro_syntax::LoadPdfError::Decryption(_)) => {
            return Err(refuse("import-pdf-encrypted", vec![]));
        }
        Err(hayro_syntax::LoadPdfError::Invalid) => {
            return Err(refuse("import-pdf-damaged", vec![]));
        }
    };
    let count = pdf.pages().len();
    if count == 0 {
        return Err(refuse("import-pdf-damaged", vec![]));
    }
    if count > MAX_PAGES {
        return Err(refuse(
            "import-pdf-too-many-pages",
            vec![arg("count", count), arg("limit", MAX_PAGES)],
        ));
    }
    let cache = hayro_interpret::InterpreterCache::new();
    let contents: Vec<PageContent> = pdf
        .pages()
        .iter()
        .map(|page| device::read_page(page, pdf.xref(), &cache))
        .collect();

    if contents.iter().all(|c| c.glyphs.is_empty()) {
        let pages: Vec<usize> = (1..=contents.len()).collect();
        let id = if contents.iter().all(|c| c.unmapped.is_empty()) {
            "import-pdf-no-text"
        } else {
            "import-pdf-unmapped"
        };
        return Err(refuse(id, vec![arg("pages", page_list(&pages))]));
    }

    let mut pages: Vec<PageItems> = Vec::new();
    let mut unmapped: Vec<usize> = Vec::new();
    for (i, content) in contents.iter().enumerate() {
        let h = grid::merge(&content.h);
        let v = grid::merge(&content.v);
        let (tables, taken) = grid::tables(&h, &v, &content.glyphs, content.height);
        let in_table = content
            .unmapped
            .iter()
            .any(|&(x, y)| tables.iter().any(|t| t.contains(x, y)));
        if in_table || content.unmapped.len() > 2 + content.glyphs.len() / 50 {
            unmapped.push(i + 1);
        }
        let free: Vec<&Glyph> = content
            .glyphs
            .iter()
            .zip(&taken)
            .filter(|(_, t)| !**t)
            .map(|(g, _)| g)
            .collect();
        pages.push(PageItems {
            page: i + 1,
            content,
            tables,
            lines: lines::lines(&free),
        });
    }
    if !unmapped.is_empty() {
        return Err(refuse(
            "import-pdf-unmapped",
            vec![arg("pages", page_list(&unmapped))],
        ));
    }

    drop_furniture(&mut pages);
    let items = items(&pages);
    let mut sized = to_blocks(items);
    mark_title(&mut sized);
    let blocks = sized.into_iter().map(|(_, b)| b).collect();

    let declared_titles = pdf
        .metadata()
        .title
        .as_deref()
        .map(decode_text_string)
        .map(|t| super::page::normalise(&t))
        .filter(|t| !t.is_empty())
        .map(|t| (t, PagePlace::default()))
        .into_iter()
        .collect();
    Ok(Document {
        format: Format::Pdf,
        encoding: "PDF",
        blocks,
        declared_titles,
        notes: Vec::new(),
    })
}

/// The refusal with message `id`.
fn refuse(id: &'static str, args: Vec<crate::l10n::Arg>) -> ImportError {
    ImportError::Unreadable { format: Format::Pdf, why: Text { id, args } }
}

/// Whether the file is encrypted: a trailer (or cross-reference stream) names an
/// `/Encrypt` dictionary. hayro opens a file encrypted with an empty password without
/// saying so; such a file is refused all the same (it is no file to publish). The bytes
/// are searched, since hayro does not give the trailer: `/Encrypt` followed by a
/// delimiter (not `/EncryptMetadata`), outside compressed streams, where it can appear
/// only as a key.
fn encrypted(bytes: &[u8]) -> bool {
    const KEY: &[u8] = b"/Encrypt";
    bytes.windows(KEY.len() + 1).any(|w| {
        w.starts_with(KEY)
            && matches!(
                w[KEY.len()],
                b' ' | b'\r' | b'\n' | b'\t' | b'<' | b'/' | b'0'..=b'9'
            )
    })
}

/// A PDF text string: UTF-16 with its byte-order mark, UTF-8 with its own, or
/// PDFDocEncoding (read as Latin-1, which it is for the letters a title uses).
fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> =
            rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> =
            rest.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// Pages as a reader names them: `3`, `3, 5`, `2–4, 7`.
fn page_list(pages: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let mut j = i;
        while j + 1 < pages.len() && pages[j + 1] == pages[j] + 1 {
            j += 1;
        }
        out.push(if j > i + 1 {
            format!("{}–{}", pages[i], pages[j])
        } else if j == i + 1 {
            format!("{}, {}", pages[i], pages[j])
        } else {
            pages[i].to_string()
        });
        i = j + 1;
    }
    out.join(", ")
}

/// One page's tables and its other lines.
struct PageItems<'c> {
    /// The page, from 1.
    page: usize,
    /// What the page draws.
    content: &'c PageContent,
    /// Its tables, top to bottom.
    tables: Vec<PageTable>,
    /// Its lines outside the tables, top to bottom.
    lines: Vec<Line>,
}

/// Whether a line is a page number: `1`, `- 1 -`, `— 1 —`, `第 1 页`, `第1页 共9页`,
/// `1/9`, `1 / 9`, `Page 1 of 9`.
fn page_number(text: &str) -> bool {
    let t = text.trim().trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '—' | '–' | '－' | '_' | '·')
    });
    // A number of one to four digits, spaces around it only (a row of figures is none).
    let digits_only = |s: &str| {
        let s = s.trim();
        (1..=4).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    if digits_only(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits_only(a) && digits_only(b);
    }
    let lower = t.to_lowercase();
    if let Some(rest) = lower.strip_prefix("page ") {
        return rest.split("of").all(digits_only);
    }
    if let Some(rest) = t.strip_prefix('第') {
        let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        let rest = rest.replace("页共", "/").replace('页', "").replace('共', "/");
        return rest.split('/').all(digits_only);
    }
    false
}

/// Leaves out page furniture: page numbers in the top and bottom margins, and lines in
/// those margins repeated (digits aside) on at least half the pages (and two or more).
fn drop_furniture(pages: &mut [PageItems<'_>]) {
    let in_margin = |l: &Line, c: &PageContent| {
        l.y < c.height * MARGIN || l.top() > c.height * (1.0 - MARGIN)
    };
    let key = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in pages.iter() {
        let mut keys: Vec<String> =
            p.lines.iter().filter(|l| in_margin(l, p.content)).map(key).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let total = pages.len();
    let repeated =
        |k: &str| seen.get(k).is_some_and(|&n| total >= 2 && n >= 2 && 2 * n >= total);
    for p in pages.iter_mut() {
        let c = p.content;
        p.lines.retain(|l| {
            !(in_margin(l, c) && (page_number(&l.text) || repeated(&key(l))))
        });
    }
}

/// A paragraph being built: its lines and its page.
#[derive(Debug)]
struct Para {
    lines: Vec<Line>,
    /// The page it starts on.
    page: usize,
    /// The page of its last line.
    last_page: usize,
}

/// One thing of the document in reading order, before it becomes a [`Block`].
enum Item {
    Para(Para),
    /// A table, its parts page by page (one part unless continued on the next page).
    Table(Vec<(usize, PageTable)>),
    Image(usize),
}

/// The most common value, rounded to whole points.
fn mode(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for v in values {
        *counts.entry(v.round() as i64).or_default() += 1;
    }
    counts.into_iter().max_by_key(|&(v, n)| (n, -v)).map(|(v, _)| v as f64)
}

/// Whether a line starts like a heading of the report: `一、`, `（一）`, `(一)`.
fn heading_like(text: &str) -> bool {
    const NUM: &str = "一二三四五六七八九十";
    let t = text.trim_start();
    let n = t.chars().take_while(|c| NUM.contains(*c)).count();
    if n > 0 {
        return t.chars().nth(n) == Some('、');
    }
    if let Some(rest) = t.strip_prefix('（').or_else(|| t.strip_prefix('(')) {
        let n = rest.chars().take_while(|c| NUM.contains(*c)).count();
        return n > 0 && matches!(rest.chars().nth(n), Some('）' | ')'));
    }
    false
}

/// The document's items in reading order: per page, tables, images and paragraphs by
/// their top; a paragraph or table continued from the previous page joined to it.
fn items(pages: &[PageItems<'_>]) -> Vec<Item> {
    // The text block's left and right edges: the most common line starts and ends (of
    // lines long enough to be body text).
    let long = || {
        pages.iter().flat_map(|p| p.lines.iter()).filter(|l| l.text.chars().count() >= 8)
    };
    let left = mode(long().map(|l| l.x0)).unwrap_or(0.0);
    // The right edge: justified lines end there, ragged ones near it; a high percentile
    // of the long lines' ends, since table labels and menus end anywhere.
    let mut ends: Vec<f64> = long().map(|l| l.x1).collect();
    ends.sort_by(f64::total_cmp);
    let right = ends.get(ends.len() * 9 / 10).copied().unwrap_or(f64::MAX);
    let full = |l: &Line| l.x1 >= right - 1.5 * l.size;
    let indented = |l: &Line| l.x0 > left + 0.8 * l.size;
    // The body's type size: the most common size of the lines (in tenths of a point).
    let body = mode(pages.iter().flat_map(|p| p.lines.iter()).map(|l| l.size * 10.0))
        .unwrap_or(0.0)
        / 10.0;

    let mut out: Vec<Item> = Vec::new();
    for p in pages {
        // Tables, images and lines by their top.
        enum Raw<'a> {
            Line(&'a Line),
            Table(&'a PageTable),
            Image,
        }
        let mut raw: Vec<(f64, Raw<'_>)> = Vec::new();
        raw.extend(p.lines.iter().map(|l| (l.top(), Raw::Line(l))));
        raw.extend(p.tables.iter().map(|t| (t.top(), Raw::Table(t))));
        for r in &p.content.images {
            if r.width() >= IMAGE_WIDTH * p.content.width
                && r.height() >= IMAGE_HEIGHT * p.content.height
            {
                raw.push((r.y0, Raw::Image));
            }
        }
        raw.sort_by(|a, b| a.0.total_cmp(&b.0));
        // The line pitch of the page: the most common distance between baselines.
        let pitch =
            mode(p.lines.windows(2).map(|w| w[1].y - w[0].y).filter(|d| *d > 0.0));
        let mut first = true;
        for (_, r) in raw {
            match r {
                Raw::Table(t) => {
                    if first
                        && let Some(Item::Table(parts)) = out.last_mut()
                        && parts.last().is_some_and(|(page, prev)| {
                            *page + 1 == p.page && continues(prev, t)
                        })
                    {
                        parts.push((p.page, t.clone()));
                    } else {
                        out.push(Item::Table(vec![(p.page, t.clone())]));
                    }
                }
                Raw::Image => out.push(Item::Image(p.page)),
                Raw::Line(l) => {
                    let joined = match out.last_mut() {
                        Some(Item::Para(para)) => {
                            let prev =
                                para.lines.last().map(|x| (x.x0, x.x1, x.y, x.size));
                            let same_page = para.last_page == p.page;
                            let breaks = match prev {
                                None => true,
                                Some((px0, px1, py, psize)) if same_page => {
                                    let prev_line = para.lines.last();
                                    let gap = l.y - py;
                                    let too_far = gap
                                        > pitch
                                            .filter(|&d| d <= 3.0 * psize)
                                            .unwrap_or(1.8 * psize)
                                            * 1.35
                                            + 1.0;
                                    // Lines of a large type (a title) set one under
                                    // the other are one paragraph, however short.
                                    // Centred, both: a signature and a date set
                                    // to the right in large type stay apart.
                                    let centre = (left + right) / 2.0;
                                    let centred = |x0: f64, x1: f64, size: f64| {
                                        ((x0 + x1) / 2.0 - centre).abs() <= 1.5 * size
                                    };
                                    let display = l.size > body * 1.15
                                        && (l.size - psize).abs() <= 0.6
                                        && gap <= 1.8 * psize
                                        && centred(l.x0, l.x1, l.size)
                                        && centred(px0, px1, psize);
                                    if display {
                                        false
                                    } else {
                                        // A line set apart (centred or to the right,
                                        // as a signature or a date is) stands alone.
                                        l.x0 > px0 + 0.8 * l.size
                                            || (indented(l)
                                                && prev_line.is_some_and(full))
                                            || px0 > left + 3.0 * psize
                                            || prev_line.is_some_and(|x| !full(x))
                                            || too_far
                                            || gap < 0.0
                                            || (l.size - psize).abs() > 0.6
                                            || heading_like(&l.text)
                                    }
                                }
                                Some((_, _, _, psize)) => {
                                    // Continued from the previous page.
                                    !first
                                        || !para.lines.last().is_some_and(full)
                                        || indented(l)
                                        || heading_like(&l.text)
                                        || (l.size - psize).abs() > 0.6
                                }
                            };
                            if !breaks {
                                para.lines.push(l.clone());
                                para.last_page = p.page;
                            }
                            !breaks
                        }
                        _ => false,
                    };
                    if !joined {
                        out.push(Item::Para(Para {
                            lines: vec![l.clone()],
                            page: p.page,
                            last_page: p.page,
                        }));
                    }
                }
            }
            first = false;
        }
    }
    out
}

/// Whether table `next`, at the top of a page, continues `prev`, at the bottom of the
/// page before: the same outer edges, and each column boundary of one also one of the
/// other (within 2 pt).
fn continues(prev: &PageTable, next: &PageTable) -> bool {
    let near = |a: f64, b: f64| (a - b).abs() <= 2.0;
    let (a, b) = (&prev.xs, &next.xs);
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match (a.first(), a.last(), b.first(), b.last()) {
        (Some(&a0), Some(&a1), Some(&b0), Some(&b1)) => {
            near(a0, b0)
                && near(a1, b1)
                && small.iter().all(|&x| large.iter().any(|&y| near(x, y)))
        }
        _ => false,
    }
}

/// The items as blocks, each with its type size (0 for tables and images).
fn to_blocks(items: Vec<Item>) -> Vec<(f64, Block)> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Item::Para(p) => {
                let text = super::page::normalise(&lines::join(&p.lines));
                if text.is_empty() {
                    continue;
                }
                let size = p.lines.iter().map(|l| l.size).fold(0.0, f64::max);
                out.push((
                    size,
                    Block::Text {
                        text,
                        place: page_place(p.page),
                        run_in: None,
                        title: false,
                        level: None,
                    },
                ));
            }
            Item::Table(parts) => {
                let place = page_place(parts[0].0);
                let grid = join_parts(&parts);
                if grid.rows.len() >= 2 {
                    out.push((0.0, Block::Table { grid, place }));
                    continue;
                }
                // A row left of a table that nothing continues: its text is prose.
                let texts: Vec<&str> = grid
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .map(|c| c.text.as_str())
                    .collect();
                let text = super::page::normalise(&texts.join(" "));
                if !text.is_empty() {
                    out.push((
                        0.0,
                        Block::Text {
                            text,
                            place,
                            run_in: None,
                            title: false,
                            level: None,
                        },
                    ));
                }
            }
            Item::Image(page) => {
                out.push((0.0, Block::Image { place: page_place(page) }))
            }
        }
    }
    out
}

/// A place on page `page`.
fn page_place(page: usize) -> PagePlace {
    PagePlace { page: Some(page), ..PagePlace::default() }
}

/// Marks the title: the paragraph in the largest type on the first page that says
/// `年度报告` (on the first two pages if the first says none); failing that, the
/// first page's paragraph in the largest type, if larger than the body's.
fn mark_title(blocks: &mut [(f64, Block)]) {
    let sizes: Vec<f64> = blocks.iter().map(|(s, _)| *s).collect();
    let on = |b: &Block, pages: usize| b.place().page.is_some_and(|p| p <= pages);
    let candidates = |pages: usize, says: bool| -> Option<usize> {
        blocks
            .iter()
            .enumerate()
            .filter(|(_, (_, b))| on(b, pages))
            .filter_map(|(i, (_, b))| match b {
                Block::Text { text, .. } if !says || text.contains("年度报告") => {
                    Some(i)
                }
                _ => None,
            })
            .max_by(|&a, &b| sizes[a].total_cmp(&sizes[b]).then(b.cmp(&a)))
    };
    let body = mode(
        blocks.iter().filter(|(_, b)| matches!(b, Block::Text { .. })).map(|(s, _)| *s),
    )
    .unwrap_or(0.0);
    let found = candidates(1, true)
        .or_else(|| candidates(2, true))
        .or_else(|| candidates(1, false).filter(|&i| sizes[i] > body * 1.2 + 0.5));
    if let Some((_, Block::Text { title, .. })) = found.and_then(|i| blocks.get_mut(i)) {
        *title = true;
    }
}

/// A grid cell covering a part's last row: its row and index in the grid, its first
/// and last column, and whether its bottom edge is not drawn.
type Covering = (usize, usize, usize, usize, bool);

/// A table's parts (one per page) as one [`Grid`]: the columns are the union of the
/// parts' boundaries, the rows follow one another, and the rows at the top of a later
/// part that repeat the first part's first rows (a repeated header) are left out. A cell
/// broken by the page (the bottom edge of the earlier part's cell not drawn, and the
/// top edge of the later one's not drawn or the later one empty) is one cell.
fn join_parts(parts: &[(usize, PageTable)]) -> Grid {
    let mut xs: Vec<f64> = parts.iter().flat_map(|(_, t)| t.xs.iter().copied()).collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|b, a| (*b - *a).abs() <= 2.0);
    let column = |x: f64| -> usize {
        xs.iter()
            .enumerate()
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
            .map_or(0, |(i, _)| i)
    };
    let row_texts = |t: &PageTable, r: usize| -> Vec<String> {
        t.cells
            .iter()
            .filter(|c| c.row == r)
            .map(|c| super::page::normalise(&c.text))
            .collect()
    };
    let mut grid = Grid::default();
    // For each column of the grid, the cell covering the previous part's last row
    // there: its row and index in the grid, its first and last column, and whether its
    // bottom edge is not drawn.
    let mut last: Vec<Option<Covering>> = vec![None; xs.len()];
    for (k, (page, t)) in parts.iter().enumerate() {
        let rows = t.ys.len() - 1;
        let mut skip = 0;
        if k > 0 {
            let head = &parts[0].1;
            while skip < rows
                && skip < head.ys.len() - 1
                && !row_texts(t, skip).iter().all(String::is_empty)
                && row_texts(t, skip) == row_texts(head, skip)
            {
                skip += 1;
            }
        }
        let span =
            |c: &grid::Cell| (column(t.xs[c.col]), column(t.xs[c.col + c.colspan]));
        let above = |c0: usize, c1: usize| {
            last.get(c0)
                .copied()
                .flatten()
                .filter(|&(_, _, a0, a1, _)| a0 == c0 && a1 == c1)
        };
        // The part's first row (after a repeated header) is the previous part's last row
        // broken by the page (as
        // LibreOffice breaks rows) when its cells are that row's, column for column, and
        // at least half of them are empty while fewer than half of that row's are.
        let split_row = k > 0 && {
            let first: Vec<&grid::Cell> =
                t.cells.iter().filter(|c| c.row == skip).collect();
            let mut before: Vec<(usize, usize)> =
                last.iter().flatten().map(|&(r, i, ..)| (r, i)).collect();
            before.dedup();
            let empty_before = before
                .iter()
                .filter(|&&(r, i)| {
                    grid.rows
                        .get(r)
                        .and_then(|row| row.cells.get(i))
                        .is_some_and(|c| c.text.is_empty())
                })
                .count();
            let empty_now = first
                .iter()
                .filter(|c| super::page::normalise(&c.text).is_empty())
                .count();
            !first.is_empty()
                && first.iter().all(|c| {
                    let (c0, c1) = span(c);
                    above(c0, c1).is_some()
                })
                && 2 * empty_now >= first.len()
                && 2 * empty_before < before.len()
        };
        let mut next_last = vec![None; xs.len()];
        for r in skip..rows {
            let at = grid.rows.len();
            let mut cells: Vec<GridCell> = Vec::new();
            for c in t.cells.iter().filter(|c| c.row == r) {
                let (c0, c1) = span(c);
                let rowspan = c.rowspan.min(rows - r);
                let text = super::page::normalise(&c.text);
                let reaches_end = r + rowspan == rows;
                if k > 0
                    && r == skip
                    && let Some((ar, ai, _, _, open)) = above(c0, c1)
                {
                    // An empty cell under a label spanning rows continues it, even
                    // where the page's edge is drawn (as Typst draws it).
                    let label = grid
                        .rows
                        .get(ar)
                        .and_then(|row| row.cells.get(ai))
                        .is_some_and(|a| a.rowspan > 1);
                    let extra = if split_row {
                        Some(rowspan - 1)
                    } else if (open && c.open_top) || (text.is_empty() && (open || label))
                    {
                        Some(rowspan)
                    } else {
                        None
                    };
                    if let Some(extra) = extra
                        && let Some(cell) =
                            grid.rows.get_mut(ar).and_then(|row| row.cells.get_mut(ai))
                    {
                        cell.rowspan += extra;
                        if !text.is_empty() {
                            cell.text = super::page::normalise(&lines::join_texts(
                                &cell.text, &text,
                            ));
                        }
                        if reaches_end && let Some(cols) = next_last.get_mut(c0..c1) {
                            cols.fill(Some((ar, ai, c0, c1, c.open_bottom)));
                        }
                        continue;
                    }
                }
                if reaches_end && let Some(cols) = next_last.get_mut(c0..c1) {
                    cols.fill(Some((at, cells.len(), c0, c1, c.open_bottom)));
                }
                cells.push(GridCell {
                    text,
                    rowspan,
                    colspan: c1.saturating_sub(c0).max(1),
                    image: false,
                    place: page_place(*page),
                });
            }
            if !(split_row && r == skip && cells.is_empty()) {
                grid.rows.push(GridRow { place: page_place(*page), cells });
            }
        }
        last = next_last;
    }
    grid
}

#[cfg(test)]
mod tests;
