//! The PDF's text walked against another output's blocks in reading order: the Word
//! document's paragraphs and tables (`docx`) and the web page's (`html`).

/// A block of the other output, in reading order.
pub enum Block {
    /// A heading or paragraph: its text as the PDF's text is compared (spaces removed).
    Text(String),
    /// A table: all its cells, and the cells of its header rows, which the PDF repeats
    /// after a page break.
    Table(Vec<String>, Vec<String>),
}

/// Walks the PDF's `text`: each text block must come next; a table's cells fill the
/// stretch up to the next text block (in whatever order the PDF draws them), with its
/// header rows again after each page break. Nothing of the PDF's text may be left over.
/// `what` names the other output in the failures ("the document", "the page"). Returns
/// the number of tables.
pub fn assert_in_pdf_order(text: &str, blocks: Vec<Block>, what: &str) -> usize {
    let mut rest: &str = text;
    let mut pending: Option<(Vec<String>, Vec<String>)> = None;
    let mut tables = 0;
    for block in blocks.into_iter().chain([Block::Text(String::new())]) {
        match block {
            Block::Table(cells, head) => {
                assert!(pending.is_none(), "two tables in a row in {what}");
                pending = Some((cells, head));
                tables += 1;
            }
            Block::Text(t) => {
                let at = if t.is_empty() {
                    rest.len()
                } else {
                    rest.find(t.as_str()).unwrap_or_else(|| {
                        panic!("{t:?} not next in the PDF's text: {rest}")
                    })
                };
                let gap = &rest[..at];
                match pending.take() {
                    None => assert!(
                        gap.is_empty(),
                        "the PDF has {gap:?} before {t:?}, {what} not"
                    ),
                    Some((mut cells, mut head)) => {
                        let mut left = gap.to_owned();
                        cells.sort_by_key(|c| std::cmp::Reverse(c.chars().count()));
                        for c in &cells {
                            let i = left.find(c.as_str()).unwrap_or_else(|| {
                                panic!(
                                    "table cell {c:?} not in the PDF's table text {gap:?}"
                                )
                            });
                            left.replace_range(i..i + c.len(), "");
                        }
                        // The header rows again on each later page of a long table.
                        head.sort_by_key(|c| std::cmp::Reverse(c.chars().count()));
                        while !left.is_empty() {
                            let before = left.len();
                            for c in &head {
                                if let Some(i) = left.find(c.as_str()) {
                                    left.replace_range(i..i + c.len(), "");
                                }
                            }
                            if left.len() == before {
                                break;
                            }
                        }
                        assert!(
                            left.is_empty(),
                            "the PDF's table has {left:?}, {what} not"
                        );
                    }
                }
                rest = &rest[at + t.len()..];
            }
        }
    }
    assert!(rest.is_empty(), "the PDF's text goes on after {what}'s: {rest:?}");
    tables
}
