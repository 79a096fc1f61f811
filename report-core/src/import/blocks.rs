//! The intermediate form every reader of a published document produces: the web page's,
//! the Word file's and the PDF's readers each turn their input into a [`Document`] of
//! [`Block`]s (paragraphs, tables as [`Grid`]s, images) in reading order, each with its
//! place ([`PagePlace`]); one table recogniser and one prose splitter read the report
//! from it, whatever the format.

use super::PagePlace;

/// The formats a published report is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub enum Format {
    /// A web page (HTML, any encoding it declares).
    Html,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
    /// A PDF with a text layer.
    Pdf,
}

impl Format {
    /// The format's short name, the same in every language: `HTML`, `DOCX`, `PDF`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "HTML",
            Format::Docx => "DOCX",
            Format::Pdf => "PDF",
        }
    }
}

/// A document read into blocks: what the format's reader gives the recogniser.
#[derive(Debug, Clone)]
pub struct Document {
    /// The format it was read from.
    pub format: Format,
    /// How its text was decoded: the page's encoding (`GBK`, `UTF-8`), or the format's
    /// own (`UTF-8` for Word, `PDF` for a PDF's text layer).
    pub encoding: &'static str,
    /// Every block of the document in reading order (tables included).
    pub blocks: Vec<Block>,
    /// Titles the document declares outside its text (a page's `<title>` and
    /// `ArticleTitle` meta, a Word file's or PDF's title property), in order of trust.
    pub declared_titles: Vec<(String, PagePlace)>,
    /// Problems of reading that are no error of the report (e.g. malformed bytes),
    /// already as diagnostics with their places.
    pub notes: Vec<(crate::diagnostic::Diagnostic, Option<PagePlace>)>,
}

/// One thing of a document, in reading order.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Block {
    /// A paragraph (or a run of text between block boundaries), with the number a
    /// list's automatic numbering gives it written into `text` (`（一）` from Word's
    /// `w:numPr` is text the reader sees).
    Text {
        /// The text, normalised: blanks collapsed to one space, trimmed.
        text: String,
        /// Where it is: the page's line, the Word file's paragraph, the PDF's page.
        place: PagePlace,
        /// The run-in title of an item, where the document marks it (our own pages'
        /// `<span class="item-title">`; a Word paragraph's leading bold run ending in
        /// `。`): the item's number and title exactly.
        run_in: Option<String>,
        /// Whether it is set as the document's title (`<h1>`, Word's `Title` style, a
        /// PDF's largest type on its first page): a title is never prose or a heading.
        title: bool,
        /// The item level the document declares (our own pages' `item level-N`).
        level: Option<usize>,
    },
    /// A table.
    Table {
        /// Its rows and cells.
        grid: Grid,
        /// Where it starts.
        place: PagePlace,
    },
    /// An image (a table or text given as a picture).
    Image {
        /// Where it is.
        place: PagePlace,
    },
}

impl Block {
    /// Where the block is.
    pub fn place(&self) -> &PagePlace {
        match self {
            Block::Text { place, .. }
            | Block::Table { place, .. }
            | Block::Image { place } => place,
        }
    }
}

/// The tables among `blocks`, in order.
pub fn grids(blocks: &[Block]) -> Vec<&Grid> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { grid, .. } => Some(grid),
            _ => None,
        })
        .collect()
}

/// A table as HTML writes one: its rows in order, each listing the cells that *start*
/// in it, left to right, with how many rows and columns each spans. A cell covered by
/// one from a row above is not listed again (Word's `w:vMerge="continue"`, a PDF's cell
/// whose top ruling line is missing).
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// The rows, top to bottom (a table continued on the next page is one grid: its
    /// repeated header rows left out).
    pub rows: Vec<GridRow>,
}

/// One row of a [`Grid`].
#[derive(Debug, Clone, Default)]
pub struct GridRow {
    /// Where the row is (its first cell's place will do).
    pub place: PagePlace,
    /// The cells starting in this row, left to right.
    pub cells: Vec<GridCell>,
}

/// One cell of a [`Grid`].
#[derive(Debug, Clone)]
pub struct GridCell {
    /// Its text: its paragraphs and lines joined by a space, normalised.
    pub text: String,
    /// How many rows it spans, at least 1.
    pub rowspan: usize,
    /// How many columns of the grid it spans, at least 1.
    pub colspan: usize,
    /// Whether it holds an image.
    pub image: bool,
    /// Where its text is (the recogniser fills in the table, row and column).
    pub place: PagePlace,
}
