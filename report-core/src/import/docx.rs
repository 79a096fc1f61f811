//! Word documents (.docx) read into blocks ([`blocks::Document`]), as a web page is:
//! paragraphs with the numbers Word's automatic numbering shows, tables as grids with
//! their merges (`w:gridSpan`, `w:vMerge`, `w:hMerge`, `w:gridBefore`), pictures as
//! images, tracked changes accepted as shown.
//!
//! Nothing of the file is trusted: the zip's entries, sizes and compression ratios are
//! bounded while reading ([`package`]), the XML is parsed without DTDs (an external
//! entity is refused, never fetched), and every span, row and nesting is bounded, so
//! that a hostile file costs bounded time and memory and is refused with a message
//! saying why.

mod numbering;
mod package;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use roxmltree::{Node, NodeId};

use super::blocks::{self, Block, Format, Grid, GridCell, GridRow};
use super::page::normalise;
use super::{ImportError, PagePlace};
use crate::diagnostic::Text;
use crate::l10n::{Arg, arg};
use numbering::{NumRef, Numbering, Styles};
use package::Package;

/// WordprocessingML's namespaces: transitional (what Word and LibreOffice write) and
/// strict.
const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Markup compatibility (`mc:AlternateContent`).
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// Dublin Core, of the core properties' `dc:title`.
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";

/// The most columns a cell spans (`w:gridSpan`, `w:gridBefore`) and rows it is merged
/// over (`w:vMerge`): the statutory tables have ten columns.
const MAX_SPAN: usize = 64;
/// The most rows of a table read; rows beyond are left out.
const MAX_ROWS: usize = 2000;
/// The most cells of a row read; cells beyond are left out.
const MAX_CELLS: usize = 256;
/// How deep tables are read inside tables' cells.
const MAX_NESTING: usize = 8;
/// How deep inline containers (`w:hyperlink`, `w:ins`, `w:sdt`, …) are followed.
const MAX_DEPTH: usize = 64;

/// Why a Word document is refused.
type Refusal = ImportError;

/// A refusal of the Word document, with its message's id and arguments.
fn refuse(id: &'static str, args: Vec<Arg>) -> Refusal {
    ImportError::Unreadable { format: Format::Docx, why: Text { id, args } }
}

/// Reads a Word document (`.docx`) into blocks: the body's paragraphs, tables and
/// images in reading order, each placed by its paragraph (every `w:p` of the body in
/// document order, tables' included, from 1), and the title of its core properties.
///
/// Refused ([`ImportError::Unreadable`], one message each) when the bytes are no zip
/// or a damaged one, the zip has too many entries, a part is too large or compressed
/// like a zip bomb, the zip holds no Word document, or a part is not well-formed XML or
/// has a DTD (external entities are never resolved).
pub(crate) fn read(bytes: &[u8]) -> Result<blocks::Document, ImportError> {
    let mut package = Package::open(bytes)?;
    let rels = package.relationships("")?;
    let main = package.main_part(&rels)?;
    let main_rels = package.relationships(&main)?;
    let (dir, _) = package::split(&main);
    let related = |kind: &str, usual: &str| {
        package::target(&main_rels, kind).unwrap_or_else(|| format!("{dir}{usual}"))
    };
    let (styles_name, numbering_name) =
        (related("/styles", "styles.xml"), related("/numbering", "numbering.xml"));
    let core_name = Package::core_part(&rels);

    let main_text = text_part(&mut package, &main)?
        .ok_or_else(|| refuse("import-docx-no-document", vec![]))?;
    let styles_text = text_part(&mut package, &styles_name)?;
    let numbering_text = text_part(&mut package, &numbering_name)?;
    let core_text = text_part(&mut package, &core_name)?;

    let main_doc = parse(&main, &main_text)?;
    let styles_doc =
        styles_text.as_deref().map(|t| parse(&styles_name, t)).transpose()?;
    let numbering_doc =
        numbering_text.as_deref().map(|t| parse(&numbering_name, t)).transpose()?;
    let core_doc = core_text.as_deref().map(|t| parse(&core_name, t)).transpose()?;

    let root = main_doc.root_element();
    if !is_w(root, "document") {
        return Err(refuse("import-docx-no-document", vec![]));
    }
    let mut blocks = Vec::new();
    if let Some(body) = child(root, "body") {
        let paragraphs = body
            .descendants()
            .filter(|n| is_w(*n, "p"))
            .enumerate()
            .map(|(i, n)| (n.id(), i + 1))
            .collect();
        let mut reader = Reader {
            styles: Styles::read(styles_doc.as_ref()),
            numbering: Numbering::read(numbering_doc.as_ref()),
            paragraphs,
        };
        reader.blocks(body, 0, &mut blocks);
    }
    let declared_titles = core_doc
        .as_ref()
        .and_then(|core| {
            core.descendants().find(|n| n.has_tag_name((DC_NS, "title"))).map(|t| {
                normalise(
                    &t.descendants()
                        .filter(|n| n.is_text())
                        .filter_map(|n| n.text())
                        .collect::<String>(),
                )
            })
        })
        .filter(|t| !t.is_empty())
        .map(|t| vec![(t, PagePlace::default())])
        .unwrap_or_default();
    Ok(blocks::Document {
        format: Format::Docx,
        encoding: "UTF-8",
        blocks,
        declared_titles,
        notes: Vec::new(),
    })
}

/// A part's text: UTF-8 (its byte order mark dropped) or UTF-16 with its mark, as XML
/// allows; `None` if the zip has no such part.
fn text_part(package: &mut Package<'_>, name: &str) -> Result<Option<String>, Refusal> {
    match package.part(name)? {
        Some(bytes) => xml_text(name, &bytes).map(Some),
        None => Ok(None),
    }
}

/// The text of an XML part's bytes.
fn xml_text(name: &str, bytes: &[u8]) -> Result<String, Refusal> {
    let (text, malformed) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) => {
            let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
            (text.into_owned(), malformed)
        }
        None => match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), false),
            Err(_) => (String::new(), true),
        },
    };
    if malformed {
        return Err(refuse(
            "import-docx-bad-xml",
            vec![arg("part", name), arg("why", "not UTF-8 or UTF-16 text")],
        ));
    }
    Ok(text)
}

/// An XML part parsed, DTDs refused (roxmltree's default): an external entity is never
/// fetched, an entity expansion never blows up.
fn parse<'t>(name: &str, text: &'t str) -> Result<roxmltree::Document<'t>, Refusal> {
    roxmltree::Document::parse(text).map_err(|e| match e {
        roxmltree::Error::DtdDetected => {
            refuse("import-docx-external-entity", vec![arg("part", name)])
        }
        e => refuse("import-docx-bad-xml", vec![arg("part", name), arg("why", e)]),
    })
}

/// Whether `node` is the WordprocessingML element `name`.
fn is_w(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace().is_some_and(|ns| W_NAMESPACES.contains(&ns))
}

/// The first child of `node` that is the WordprocessingML element `name`.
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is_w(*n, name))
}

/// The WordprocessingML attribute `name` of `node` (`w:val`, …).
fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    W_NAMESPACES.iter().find_map(|ns| node.attribute((*ns, name)))
}

/// Whether an on/off element (`w:vanish`, …) is on: present, unless its `w:val` says off.
fn on(node: Option<Node<'_, '_>>) -> bool {
    node.is_some_and(|n| {
        attr(n, "val").is_none_or(|v| !matches!(v, "0" | "false" | "off"))
    })
}

/// A picture: DrawingML, VML or an embedded object.
fn is_picture(node: Node<'_, '_>) -> bool {
    is_w(node, "drawing") || is_w(node, "pict") || is_w(node, "object")
}

/// A paragraph read: its text and what the blocks need to know of it.
#[derive(Debug)]
struct Para {
    /// The text as shown, numbering included, not yet normalised.
    raw: String,
    /// The texts of its runs in order (the number first, as a run of its own).
    runs: Vec<String>,
    image: bool,
    title: bool,
    /// Its paragraph mark is a tracked deletion: it merges into the next paragraph.
    merges: bool,
    place: PagePlace,
}

/// What reads the body: the styles, the numbering and its counters, and the number of
/// every paragraph.
struct Reader<'a> {
    styles: Styles<'a>,
    numbering: Numbering<'a>,
    paragraphs: HashMap<NodeId, usize>,
}

impl<'a> Reader<'a> {
    /// The place of paragraph `p`.
    fn place(&self, p: Node<'_, '_>) -> PagePlace {
        PagePlace {
            paragraph: self.paragraphs.get(&p.id()).copied(),
            ..PagePlace::default()
        }
    }

    /// The place of the first paragraph in `node`.
    fn first_place(&self, node: Node<'_, '_>) -> PagePlace {
        node.descendants()
            .find(|n| is_w(*n, "p"))
            .map_or_else(PagePlace::default, |p| self.place(p))
    }

    /// The blocks of a container of paragraphs and tables (the body, a content
    /// control's content, …), appended to `out`.
    fn blocks(&mut self, container: Node<'a, '_>, depth: usize, out: &mut Vec<Block>) {
        let mut merging: Option<Para> = None;
        self.block_children(container, depth, out, &mut merging);
        if let Some(p) = merging {
            push_paragraph(p, out);
        }
    }

    /// The blocks of `container`'s children, a paragraph whose mark was deleted held in
    /// `merging` until the paragraph it merges into.
    fn block_children(
        &mut self,
        container: Node<'a, '_>,
        depth: usize,
        out: &mut Vec<Block>,
        merging: &mut Option<Para>,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        for node in container.children().filter(Node::is_element) {
            if is_w(node, "p") {
                let mut p = self.paragraph(node);
                if let Some(before) = merging.take() {
                    p = merged(before, p);
                }
                if p.merges {
                    *merging = Some(p);
                } else {
                    push_paragraph(p, out);
                }
            } else if is_w(node, "tbl") {
                if let Some(p) = merging.take() {
                    push_paragraph(p, out);
                }
                let place = self.first_place(node);
                let mut nested = Vec::new();
                let grid = self.table(node, 0, &mut nested);
                out.push(Block::Table { grid, place });
                out.extend(nested);
            } else if is_w(node, "sdt") {
                if let Some(content) = child(node, "sdtContent") {
                    self.block_children(content, depth + 1, out, merging);
                }
            } else if is_w(node, "customXml") || is_w(node, "ins") || is_w(node, "moveTo")
            {
                self.block_children(node, depth + 1, out, merging);
            }
        }
    }

    /// A paragraph: its number (advancing the list's counters), its runs' texts, whether
    /// it holds a picture and is a title.
    fn paragraph(&mut self, p: Node<'a, '_>) -> Para {
        let ppr = child(p, "pPr");
        let style = self.styles.effective(
            ppr.and_then(|pr| child(pr, "pStyle")).and_then(|s| attr(s, "val")),
        );
        let mark = ppr.and_then(|pr| child(pr, "rPr"));
        let merges = mark
            .is_some_and(|m| child(m, "del").is_some() || child(m, "moveFrom").is_some());
        let mut runs = Vec::new();
        let direct =
            ppr.and_then(|pr| child(pr, "numPr")).map(NumRef::of).unwrap_or_default();
        let num = direct.or_style(self.styles.numbering(style));
        // A paragraph merging into the next shows no number of its own.
        if let Some(id) = num.num_id.filter(|id| *id != "0" && !merges) {
            let ilvl = num.ilvl.or_else(|| self.numbering.level_of_style(id, style));
            let label = self.numbering.next(id, ilvl.unwrap_or(0));
            if !label.is_empty() {
                runs.push(label);
            }
        }
        let mut image = false;
        inline(p, 0, &mut runs, &mut image);
        Para {
            raw: runs.concat(),
            runs,
            image,
            title: self.styles.is_title(style),
            merges,
            place: self.place(p),
        }
    }

    /// A table's grid; the tables in its cells go to `nested`, in order, after it.
    fn table(
        &mut self,
        tbl: Node<'a, '_>,
        nesting: usize,
        nested: &mut Vec<Block>,
    ) -> Grid {
        let mut rows: Vec<GridRow> = Vec::new();
        // The open vertical merges: grid column → (row, cell) of the merge's first cell.
        let mut open: HashMap<usize, (usize, usize)> = HashMap::new();
        let mut trs = Vec::new();
        collect(tbl, "tr", 0, &mut trs);
        for tr in trs.into_iter().take(MAX_ROWS) {
            let trpr = child(tr, "trPr");
            if trpr.is_some_and(|pr| child(pr, "del").is_some()) {
                continue;
            }
            let before = trpr.and_then(|pr| span_of(pr, "gridBefore")).unwrap_or(0);
            let cells = self.row_cells(tr, before, nesting, nested);
            let r = rows.len();
            let mut row = GridRow { place: self.first_place(tr), cells: Vec::new() };
            // The grid columns a row leaves out before its first cell: an empty cell in
            // HTML's model, so that the cells after it keep their columns.
            if before > 0 {
                row.cells.push(GridCell {
                    text: String::new(),
                    rowspan: 1,
                    colspan: before,
                    image: false,
                    place: row.place.clone(),
                });
            }
            let mut continued = HashSet::new();
            for cell in cells {
                if cell.merge == Merge::Continue
                    && let Some(&(ri, ci)) = open.get(&cell.column)
                    && let Some(first) =
                        rows.get_mut(ri).and_then(|row| row.cells.get_mut(ci))
                    && first.rowspan < MAX_SPAN
                {
                    first.rowspan += 1;
                    continued.insert(cell.column);
                    continue;
                }
                if cell.merge != Merge::None {
                    open.insert(cell.column, (r, row.cells.len()));
                    continued.insert(cell.column);
                }
                row.cells.push(cell.cell);
            }
            open.retain(|column, _| continued.contains(column));
            rows.push(row);
        }
        Grid { rows }
    }

    /// A row's cells with their grid columns, horizontal merges (`w:hMerge`) joined.
    fn row_cells(
        &mut self,
        tr: Node<'a, '_>,
        before: usize,
        nesting: usize,
        nested: &mut Vec<Block>,
    ) -> Vec<RowCell> {
        let mut tcs = Vec::new();
        collect(tr, "tc", 0, &mut tcs);
        let mut cells: Vec<RowCell> = Vec::new();
        let mut column = before;
        for tc in tcs.into_iter().take(MAX_CELLS) {
            let tcpr = child(tc, "tcPr");
            let span = tcpr.and_then(|pr| span_of(pr, "gridSpan")).unwrap_or(1).max(1);
            let merge_of = |name| match tcpr.and_then(|pr| child(pr, name)) {
                None => Merge::None,
                Some(m) if attr(m, "val") == Some("restart") => Merge::Restart,
                Some(_) => Merge::Continue,
            };
            let (vmerge, hmerge) = (merge_of("vMerge"), merge_of("hMerge"));
            let (text, image) = self.cell(tc, nesting, nested);
            let at = column;
            column += span;
            if hmerge == Merge::Continue
                && let Some(last) = cells.last_mut()
            {
                last.cell.colspan = (last.cell.colspan + span).min(MAX_SPAN);
                continue;
            }
            cells.push(RowCell {
                column: at,
                merge: vmerge,
                cell: GridCell {
                    text,
                    rowspan: 1,
                    colspan: span,
                    image,
                    place: self.first_place(tc),
                },
            });
        }
        cells
    }

    /// A cell's text (its paragraphs joined by a space, numbering included, its own
    /// tables left out) and whether it holds a picture; its tables go to `nested`.
    fn cell(
        &mut self,
        tc: Node<'a, '_>,
        nesting: usize,
        nested: &mut Vec<Block>,
    ) -> (String, bool) {
        let mut raw = String::new();
        let mut image = false;
        self.cell_content(tc, nesting, 0, nested, &mut raw, &mut image);
        (text_of(&raw), image)
    }

    /// The text and pictures of a cell's paragraphs (or of a content control in it),
    /// appended to `raw` and `image`; its tables go to `nested`.
    fn cell_content(
        &mut self,
        container: Node<'a, '_>,
        nesting: usize,
        depth: usize,
        nested: &mut Vec<Block>,
        raw: &mut String,
        image: &mut bool,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        for node in container.children().filter(Node::is_element) {
            if is_w(node, "p") {
                let p = self.paragraph(node);
                raw.push_str(&p.raw);
                if !p.merges {
                    raw.push(' ');
                }
                *image |= p.image;
            } else if is_w(node, "tbl") {
                if nesting < MAX_NESTING {
                    let place = self.first_place(node);
                    let mut inner = Vec::new();
                    let grid = self.table(node, nesting + 1, &mut inner);
                    nested.push(Block::Table { grid, place });
                    nested.extend(inner);
                }
            } else if is_w(node, "sdt") {
                if let Some(content) = child(node, "sdtContent") {
                    self.cell_content(content, nesting, depth + 1, nested, raw, image);
                }
            } else if is_w(node, "customXml") || is_w(node, "ins") || is_w(node, "moveTo")
            {
                self.cell_content(node, nesting, depth + 1, nested, raw, image);
            }
        }
    }
}

/// How a cell is merged with its neighbours (`w:vMerge`, `w:hMerge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Merge {
    None,
    /// `restart`: the first cell of a merge.
    Restart,
    /// No value or `continue`: covered by the cell before it.
    Continue,
}

/// A cell of a row, before vertical merges are resolved.
struct RowCell {
    /// Its first grid column, from 0.
    column: usize,
    merge: Merge,
    cell: GridCell,
}

/// A span property's value (`w:gridSpan`, `w:gridBefore`), bounded by [`MAX_SPAN`].
fn span_of(props: Node<'_, '_>, name: &str) -> Option<usize> {
    let n: usize = attr(child(props, name)?, "val")?.trim().parse().ok()?;
    Some(n.min(MAX_SPAN))
}

/// The `name` elements (rows, cells) among `node`'s children and in its content
/// controls and custom XML, in order.
fn collect<'a, 'i>(
    node: Node<'a, 'i>,
    name: &str,
    depth: usize,
    out: &mut Vec<Node<'a, 'i>>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for n in node.children().filter(Node::is_element) {
        if is_w(n, name) {
            out.push(n);
        } else if is_w(n, "sdt") {
            if let Some(content) = child(n, "sdtContent") {
                collect(content, name, depth + 1, out);
            }
        } else if is_w(n, "customXml") || is_w(n, "ins") || is_w(n, "moveTo") {
            collect(n, name, depth + 1, out);
        }
    }
}

/// The texts of a paragraph's runs (or of a container of runs), tracked changes
/// accepted: insertions shown, deletions and field codes left out.
fn inline(node: Node<'_, '_>, depth: usize, runs: &mut Vec<String>, image: &mut bool) {
    if depth > MAX_DEPTH {
        return;
    }
    for n in node.children().filter(Node::is_element) {
        if is_w(n, "r") {
            let mut text = String::new();
            run(n, &mut text, image);
            runs.push(text);
        } else if is_w(n, "sdt") {
            if let Some(content) = child(n, "sdtContent") {
                inline(content, depth + 1, runs, image);
            }
        } else if [
            "ins",
            "moveTo",
            "hyperlink",
            "smartTag",
            "customXml",
            "fldSimple",
            "dir",
            "bdo",
            "sdtContent",
        ]
        .iter()
        .any(|name| is_w(n, name))
        {
            inline(n, depth + 1, runs, image);
        } else if n.has_tag_name((MC_NS, "AlternateContent")) {
            *image |= n.descendants().any(is_picture);
        }
        // Everything else shows no text: w:del, w:moveFrom, w:pPr, bookmarks, comments.
    }
}

/// A line break (`w:br`, `w:cr`) in a run's text, until [`text_of`] resolves it.
const LINE_BREAK: char = '\u{2028}';

/// The text of runs, normalised ([`normalise`]), each line break ([`LINE_BREAK`])
/// resolved as a reader sees it: a space between two Latin words or numbers
/// (`Word⏎document`), nothing where Chinese text runs on (a title or a label set on two
/// lines: `威海市文登区科学技术局⏎2023年…`, `商业⏎企业`).
fn text_of(raw: &str) -> String {
    if !raw.contains(LINE_BREAK) {
        return normalise(raw);
    }
    let chars: Vec<char> = raw.chars().collect();
    let latin = |c: Option<&char>| c.is_some_and(char::is_ascii_alphanumeric);
    let mut joined = String::with_capacity(raw.len());
    for (i, c) in chars.iter().enumerate() {
        if *c != LINE_BREAK {
            joined.push(*c);
            continue;
        }
        let before = chars[..i].iter().rev().find(|c| !c.is_whitespace());
        let after = chars[i + 1..].iter().find(|c| !c.is_whitespace());
        if latin(before) && latin(after) {
            joined.push(' ');
        }
    }
    normalise(&joined)
}

/// A run's text: `w:t`, tabs as spaces, line breaks as [`LINE_BREAK`], a non-breaking hyphen as `-`;
/// hidden text (`w:vanish`), deleted text and field codes left out.
fn run(r: Node<'_, '_>, text: &mut String, image: &mut bool) {
    if on(child(r, "rPr").and_then(|pr| child(pr, "vanish"))) {
        return;
    }
    for n in r.children().filter(Node::is_element) {
        if is_w(n, "t") {
            text.extend(n.descendants().filter(|t| t.is_text()).filter_map(|t| t.text()));
        } else if ["tab", "ptab"].iter().any(|name| is_w(n, name)) {
            text.push(' ');
        } else if ["br", "cr"].iter().any(|name| is_w(n, name)) {
            text.push(LINE_BREAK);
        } else if is_w(n, "noBreakHyphen") {
            text.push('-');
        } else if is_picture(n) {
            *image = true;
        } else if n.has_tag_name((MC_NS, "AlternateContent")) {
            *image |= n.descendants().any(is_picture);
        }
    }
}

/// A paragraph whose mark was deleted joined with the one after it: the text runs on,
/// the place is the first's.
fn merged(before: Para, after: Para) -> Para {
    let mut runs = before.runs;
    runs.extend(after.runs);
    Para {
        raw: runs.concat(),
        runs,
        image: before.image || after.image,
        title: before.title || after.title,
        merges: after.merges,
        place: before.place,
    }
}

/// A paragraph's blocks: its text, unless it shows none, then its picture.
fn push_paragraph(p: Para, out: &mut Vec<Block>) {
    let text = text_of(&p.raw);
    if !text.is_empty() {
        out.push(Block::Text {
            run_in: run_in(&p.runs, &text),
            text,
            place: p.place.clone(),
            title: p.title,
            level: None,
        });
    }
    if p.image {
        out.push(Block::Image { place: p.place });
    }
}

/// The run-in title of an item: the leading runs, when their text starts with an item
/// number (`（一）`, `1.`, `（1）`), has more than the number, and ends at a run boundary
/// with a sentence's or clause's end (`。：；！？.`, or `，` if none of those), and more
/// text follows. Our own Word writer sets an item's number and title so, in runs of
/// their own before the first paragraph's.
fn run_in(runs: &[String], text: &str) -> Option<String> {
    const STRONG: [char; 7] = ['。', '：', ':', '；', '！', '？', '.'];
    /// The most characters of a run-in title (number aside): a longer lead is a
    /// sentence, not a title.
    const MAX_TITLE: usize = 40;
    let number = item_number(text)?;
    let mut lead = String::new();
    let mut weak = None;
    for r in &runs[..runs.len().saturating_sub(1)] {
        lead.push_str(r);
        let candidate = text_of(&lead);
        if candidate.len() <= number || candidate.len() >= text.len() {
            continue;
        }
        let title = &candidate[number.min(candidate.len())..];
        if title.chars().count() > MAX_TITLE {
            break;
        }
        // The title ends at the text's first sentence or clause end, never past one.
        let inner = title.trim_end_matches(STRONG);
        if inner.contains(STRONG) {
            break;
        }
        if candidate.ends_with(STRONG) {
            return Some(candidate);
        }
        if weak.is_none() && candidate.ends_with('，') {
            weak = Some(candidate);
        }
    }
    weak
}

/// The length in bytes of the item number `text` starts with: `（一）`, `(1)`, `一、`,
/// `1.`, `1、`, `①`.
fn item_number(text: &str) -> Option<usize> {
    let numeral = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "一二三四五六七八九十百零〇".contains(c)
    };
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    if ('①'..='⑳').contains(&first) {
        return Some(first.len_utf8());
    }
    let close = match first {
        '（' => Some('）'),
        '(' => Some(')'),
        _ => None,
    };
    if let Some(close) = close {
        let rest = &text[first.len_utf8()..];
        let end = rest.find(close)?;
        let inner = &rest[..end];
        return (!inner.is_empty() && inner.chars().all(numeral))
            .then_some(first.len_utf8() + end + close.len_utf8());
    }
    let digits = text.find(|c: char| !numeral(c))?;
    if digits == 0 {
        return None;
    }
    let after = &text[digits..];
    let mark = after.chars().next()?;
    let next = after[mark.len_utf8()..].chars().next();
    match mark {
        '、' => Some(digits + mark.len_utf8()),
        // `1.` but not `1.5`.
        '.' | '．' if !next.is_some_and(|c| c.is_ascii_digit()) => {
            Some(digits + mark.len_utf8())
        }
        _ => None,
    }
}
