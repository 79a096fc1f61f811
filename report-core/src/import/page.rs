//! A published page as the importer reads it: its bytes decoded (UTF-8, GBK, GB2312 …),
//! parsed by html5ever into a `scraper` tree with the line of every element, and flattened
//! into the blocks of text, the tables and the images of the page, in reading order.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{ElementRef, Html, HtmlTreeSink, Node};

use super::PagePlace;
use super::blocks::{Block, Document, Format, Grid, GridCell, GridRow};
use super::headings::find_headings;
use super::messages as m;

/// How many bytes at the start of a page are searched for its `charset` declaration.
const PRESCAN: usize = 4096;

/// The page's bytes as text: the encoding named by a byte-order mark, else by the page's
/// `<meta charset>` or `http-equiv` declaration in its first bytes, else UTF-8. Returns the
/// text, the encoding's name and whether some bytes were not valid in it (replaced by
/// U+FFFD).
pub fn decode(bytes: &[u8]) -> (String, &'static str, bool) {
    let declared = declared_encoding(&bytes[..bytes.len().min(PRESCAN)]);
    let encoding = declared.unwrap_or(encoding_rs::UTF_8);
    // `decode` honours a byte-order mark over the declared encoding, as browsers do.
    let (text, used, malformed) = encoding.decode(bytes);
    (text.into_owned(), used.name(), malformed)
}

/// The encoding a page declares in `charset=` (of `<meta charset>` or of an
/// `http-equiv="Content-Type"` content), if it names one `encoding_rs` knows.
fn declared_encoding(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let needle = b"charset";
    let mut from = 0;
    while let Some(at) = find(&lower[from..], needle).map(|i| i + from) {
        from = at + needle.len();
        let rest = &lower[from..];
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else { continue };
        let rest = trim_start(rest);
        let rest =
            rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
            .unwrap_or(rest.len());
        if let Some(encoding) = encoding_rs::Encoding::for_label(&rest[..end]) {
            // A page cannot be UTF-16 if its declaration was read as ASCII (HTML spec).
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                return Some(encoding_rs::UTF_8);
            }
            return Some(encoding);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start =
        bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

/// scraper's tree builder, recording the line on which html5ever created each element.
struct LineSink {
    inner: HtmlTreeSink,
    line: std::cell::Cell<u64>,
    lines: RefCell<HashMap<NodeId, u64>>,
}

impl TreeSink for LineSink {
    type Handle = NodeId;
    type Output = (Html, HashMap<NodeId, u64>);
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.lines.into_inner())
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        // Published pages are full of parse errors; the tree is what a browser shows.
        let _ = msg;
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        self.lines.borrow_mut().insert(id, self.line.get());
        id
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner.append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner.append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent)
    }
    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}

/// A parsed page: the tree and the line of each element.
pub struct Page {
    /// The tree, as a browser builds it.
    pub html: Html,
    /// The line (from 1) on which each element starts.
    pub lines: HashMap<NodeId, u64>,
}

impl Page {
    /// Parses `text` as an HTML document.
    pub fn parse(text: &str) -> Page {
        let sink = LineSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            line: std::cell::Cell::new(1),
            lines: RefCell::new(HashMap::new()),
        };
        let (html, lines) =
            html5ever::driver::parse_document(sink, Default::default()).one(text);
        Page { html, lines }
    }

    /// The line of an element, or of its nearest element ancestor.
    pub fn line(&self, id: NodeId) -> u64 {
        let mut node = self.html.tree.get(id);
        while let Some(n) = node {
            if let Some(line) = self.lines.get(&n.id()) {
                return *line;
            }
            node = n.parent();
        }
        0
    }

    /// How many elements the parser created beyond the `html`, `head` and `body` it
    /// always makes.
    pub fn elements_written(&self) -> usize {
        self.html
            .tree
            .nodes()
            .filter_map(|n| n.value().as_element())
            .filter(|e| !matches!(e.name(), "html" | "head" | "body"))
            .count()
    }
}

/// Whether an element's content is never text of the page.
fn hidden(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "select"
            | "option"
            | "button"
            | "iframe"
            | "object"
            | "svg"
            | "math"
    )
}

/// Whether an element starts a new block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "blockquote"
            | "pre"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "dl"
            | "dt"
            | "dd"
            | "center"
            | "form"
            | "hr"
            | "address"
            | "main"
            | "nav"
            | "aside"
            | "figure"
            | "figcaption"
            | "br"
            | "body"
    )
}

/// Text as a reader sees it: no-break and other spaces made one space, runs of spaces
/// collapsed, zero-width characters and controls removed, trimmed.
pub fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {
            }
            c if c.is_whitespace() || c.is_control() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

/// One thing of the page in reading order, as the tree gives it (turned into the
/// format-neutral [`Block`] by [`document`]).
#[derive(Debug, Clone)]
pub enum DomBlock {
    /// A run of text between block boundaries.
    Text {
        /// The text, normalised.
        text: String,
        /// Its line in the page.
        line: u64,
        /// The block element holding it.
        node: NodeId,
        /// The text of a leading `<span class="item-title">` (pages written by
        /// `report_core::html`): the item's number and run-in title exactly.
        run_in: Option<String>,
        /// Whether it is inside an `<h1>` (a title, not prose).
        in_h1: bool,
        /// The item level a `class="item level-N"` paragraph declares.
        level: Option<usize>,
    },
    /// A `<table>` (its cells are read separately).
    Table {
        /// The table element.
        node: NodeId,
        /// Its line.
        line: u64,
    },
    /// An `<img>`.
    Image {
        /// Its line.
        line: u64,
    },
}

struct Flattener<'p> {
    page: &'p Page,
    out: Vec<DomBlock>,
    buffer: String,
    start: Option<(NodeId, u64)>,
    run_in: Option<String>,
    level: Option<usize>,
    h1: usize,
}

impl Flattener<'_> {
    fn flush(&mut self) {
        let text = normalise(&self.buffer);
        self.buffer.clear();
        let start = self.start.take();
        let run_in = self.run_in.take();
        let level = self.level.take();
        if text.is_empty() {
            return;
        }
        let (node, line) = start.unwrap_or((self.page.html.tree.root().id(), 0));
        self.out.push(DomBlock::Text {
            text,
            line,
            node,
            run_in,
            in_h1: self.h1 > 0,
            level,
        });
    }
}

/// The blocks under `root`, in reading order. Iterative: a deeply nested page cannot
/// exhaust the stack.
pub fn blocks(page: &Page, root: NodeId) -> Vec<DomBlock> {
    let Some(root) = page.html.tree.get(root) else { return Vec::new() };
    let mut f = Flattener {
        page,
        out: Vec::new(),
        buffer: String::new(),
        start: None,
        run_in: None,
        level: None,
        h1: 0,
    };
    let mut skip: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => {
                        if f.start.is_none() && !text.trim().is_empty() {
                            let holder = node.parent().map_or(node.id(), |p| p.id());
                            f.start = Some((holder, page.line(holder)));
                        }
                        f.buffer.push_str(text);
                    }
                    Node::Element(e) => {
                        let name = e.name();
                        if hidden(name) {
                            skip = Some(node.id());
                        } else if name == "table" {
                            f.flush();
                            f.out.push(DomBlock::Table {
                                node: node.id(),
                                line: page.line(node.id()),
                            });
                            skip = Some(node.id());
                        } else if name == "img" {
                            f.flush();
                            f.out.push(DomBlock::Image { line: page.line(node.id()) });
                        } else if is_block(name) {
                            f.flush();
                            if name == "h1" {
                                f.h1 += 1;
                            }
                            if let Some(class) = e.attr("class") {
                                let mut classes = class.split_ascii_whitespace();
                                if classes.any(|c| c == "item") {
                                    f.level = class
                                        .split_ascii_whitespace()
                                        .find_map(|c| c.strip_prefix("level-"))
                                        .and_then(|n| n.parse().ok());
                                }
                            }
                        } else if name == "span"
                            && f.buffer.trim().is_empty()
                            && e.attr("class").is_some_and(|c| {
                                c.split_ascii_whitespace().any(|c| c == "item-title")
                            })
                            && let Some(el) = ElementRef::wrap(node)
                        {
                            f.run_in = Some(normalise(&el.text().collect::<String>()));
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(e) = node.value()
                    && is_block(e.name())
                {
                    f.flush();
                    if e.name() == "h1" {
                        f.h1 = f.h1.saturating_sub(1);
                    }
                }
            }
        }
    }
    f.flush();
    f.out
}

/// The text of a table cell: its pieces (paragraphs, lines, spans) joined by a space,
/// normalised; and whether it holds an image.
pub fn cell_text(page: &Page, cell: NodeId) -> (String, bool) {
    let Some(node) = page.html.tree.get(cell) else { return (String::new(), false) };
    let mut out = String::new();
    let mut image = false;
    let mut skip: Option<NodeId> = None;
    for edge in node.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => out.push_str(t),
                    Node::Element(e) if hidden(e.name()) || e.name() == "table" => {
                        skip = Some(n.id());
                    }
                    Node::Element(e) if e.name() == "img" => image = true,
                    Node::Element(e) if is_block(e.name()) => out.push(' '),
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                }
            }
        }
    }
    (normalise(&out), image)
}

/// One `<td>`/`<th>` of a table's own rows (not of a table nested in it).
#[derive(Debug, Clone)]
pub struct RawCell {
    /// The cell element.
    pub node: NodeId,
    /// `rowspan`, at least 1.
    pub rowspan: usize,
    /// `colspan`, at least 1.
    pub colspan: usize,
}

/// The most columns and rows a cell may span: beyond any real report table, so that a
/// hostile `colspan="100000000"` cannot make the grid huge (the recogniser clamps the
/// spans of every format again).
const MAX_SPAN: usize = 64;

/// The rows of a table (its own `<tr>`s, in order, not those of nested tables), each
/// with its line and its cells.
pub fn table_rows(page: &Page, table: NodeId) -> Vec<(NodeId, u64, Vec<RawCell>)> {
    let Some(node) = page.html.tree.get(table) else { return Vec::new() };
    let mut rows = Vec::new();
    let mut stack: Vec<ego_tree::NodeRef<'_, Node>> = node.children().collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        let Some(e) = n.value().as_element() else { continue };
        match e.name() {
            "tr" => {
                let cells = n
                    .children()
                    .filter_map(|c| {
                        let e = c.value().as_element()?;
                        if !matches!(e.name(), "td" | "th") {
                            return None;
                        }
                        let span = |name: &str| {
                            e.attr(name)
                                .and_then(|v| v.trim().parse::<usize>().ok())
                                .unwrap_or(1)
                                .clamp(1, MAX_SPAN)
                        };
                        Some(RawCell {
                            node: c.id(),
                            rowspan: span("rowspan"),
                            colspan: span("colspan"),
                        })
                    })
                    .collect();
                rows.push((n.id(), page.line(n.id()), cells));
            }
            "table" => {}
            _ => {
                let mut children: Vec<_> = n.children().collect();
                children.reverse();
                stack.extend(children);
            }
        }
    }
    rows
}

/// The page as the format-neutral [`Document`] the recogniser reads: the article's
/// blocks (the part of the page that holds the report's headings and tables, the
/// site's menus and footer left out), each table as a [`Grid`], every place a line of
/// the page; the titles the page declares (the first short text naming the report,
/// the `ArticleTitle` meta, the `<h1>`s, the `<title>`).
pub fn document(page: &Page, encoding: &'static str, malformed: bool) -> Document {
    let root = page.html.tree.root().id();
    let all = blocks(page, root);
    let neutral_all: Vec<Block> = all.iter().map(|b| neutral(page, b)).collect();
    let headings = find_headings(&neutral_all);
    let any_table = super::tables::any_statutory(&super::blocks::grids(&neutral_all));
    let mut declared_titles: Vec<(String, PagePlace)> = Vec::new();
    let tree = &page.html.tree;
    for node in tree.nodes() {
        let Some(e) = node.value().as_element() else { continue };
        match e.name() {
            "meta"
                if e.attr("name")
                    .is_some_and(|n| n.eq_ignore_ascii_case("ArticleTitle")) =>
            {
                if let Some(c) = e.attr("content") {
                    declared_titles
                        .push((normalise(c), line_place(page.line(node.id()))));
                }
            }
            "h1" => {
                let (t, _) = cell_text(page, node.id());
                declared_titles
                    .push((t.replace(' ', ""), line_place(page.line(node.id()))));
            }
            _ => {}
        }
    }
    for node in tree.nodes() {
        if let Some(e) = node.value().as_element()
            && e.name() == "title"
        {
            let (t, _) = cell_text(page, node.id());
            declared_titles.push((t, line_place(page.line(node.id()))));
        }
    }
    // The first title block of the whole page first: it is usually outside the article.
    if let Some(first) = super::first_title_block(&neutral_all) {
        declared_titles.insert(0, first);
    }
    let tables: Vec<NodeId> = all
        .iter()
        .filter_map(|b| match b {
            DomBlock::Table { node, .. } => Some(*node),
            _ => None,
        })
        .collect();
    let article = article_root(page, &all, &headings, any_table, &tables);
    let blocks = match article {
        Some(root) => blocks(page, root).iter().map(|b| neutral(page, b)).collect(),
        None => neutral_all,
    };
    let mut notes = Vec::new();
    if malformed {
        notes.push((m::malformed_bytes(encoding), None));
    }
    Document { format: Format::Html, encoding, blocks, declared_titles, notes }
}

fn line_place(line: u64) -> PagePlace {
    PagePlace { line, ..PagePlace::default() }
}

/// A block of the tree as the format-neutral block.
fn neutral(page: &Page, block: &DomBlock) -> Block {
    match block {
        DomBlock::Text { text, line, run_in, in_h1, level, .. } => Block::Text {
            text: text.clone(),
            place: line_place(*line),
            run_in: run_in.clone(),
            title: *in_h1,
            level: *level,
        },
        DomBlock::Table { node, line } => {
            Block::Table { grid: grid(page, *node), place: line_place(*line) }
        }
        DomBlock::Image { line } => Block::Image { place: line_place(*line) },
    }
}

/// A `<table>`'s own rows and cells as a [`Grid`].
fn grid(page: &Page, table: NodeId) -> Grid {
    let rows = table_rows(page, table)
        .into_iter()
        .map(|(_, line, cells)| GridRow {
            place: line_place(line),
            cells: cells
                .into_iter()
                .map(|c| {
                    let (text, image) = cell_text(page, c.node);
                    GridCell {
                        text,
                        rowspan: c.rowspan,
                        colspan: c.colspan,
                        image,
                        place: line_place(
                            page.lines.get(&c.node).copied().unwrap_or(line),
                        ),
                    }
                })
                .collect(),
        })
        .collect();
    Grid { rows }
}

/// The lowest common ancestor of the report's headings and tables: the article.
fn article_root(
    page: &Page,
    blocks: &[DomBlock],
    headings: &[super::headings::Heading],
    any_table: bool,
    tables: &[NodeId],
) -> Option<NodeId> {
    let mut anchors: Vec<NodeId> = Vec::new();
    for h in headings {
        if let DomBlock::Text { node, .. } = &blocks[h.index] {
            anchors.push(*node);
        }
    }
    if any_table {
        anchors.extend(tables.iter().copied());
    }
    if anchors.len() < 2 {
        return None;
    }
    let chain = |id: NodeId| -> Vec<NodeId> {
        let mut out = vec![id];
        if let Some(n) = page.html.tree.get(id) {
            out.extend(n.ancestors().map(|a| a.id()));
        }
        out.reverse();
        out
    };
    let mut common = chain(anchors[0]);
    for a in &anchors[1..] {
        let other = chain(*a);
        let same = common.iter().zip(&other).take_while(|(x, y)| x == y).count();
        common.truncate(same);
    }
    let root = *common.last()?;
    // An anchor itself (one heading and no table): its parent holds the article.
    if anchors.contains(&root) {
        return page.html.tree.get(root)?.parent().map(|p| p.id());
    }
    Some(root)
}
