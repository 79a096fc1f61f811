//! Tests of the Word reader: small documents built here part by part, the refusals of
//! hostile files, the LibreOffice conversions of the published pages, and our own Word
//! writer's output read back.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use super::*;
use package::MAX_PART;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A zip of `parts` (name, bytes), deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).expect("a new entry");
        zip.write_all(bytes).expect("written to memory");
    }
    zip.finish().expect("finished in memory").into_inner()
}

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

/// The main part around `body`.
fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>{body}</w:body></w:document>"#
    )
}

/// A Word document of `body` with optional numbering and styles parts.
fn word(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let document = document_xml(body);
    let numbering = numbering.map(|n| {
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">{n}</w:numbering>"#)
    });
    let styles = styles
        .map(|s| format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">{s}</w:styles>"#));
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ];
    if let Some(n) = &numbering {
        parts.push(("word/numbering.xml", n.as_bytes()));
    }
    if let Some(s) = &styles {
        parts.push(("word/styles.xml", s.as_bytes()));
    }
    zip_of(&parts)
}

fn read_ok(bytes: &[u8]) -> blocks::Document {
    match read(bytes) {
        Ok(doc) => doc,
        Err(e) => panic!("refused: {e:?}"),
    }
}

/// The id of the refusal of `bytes`.
fn refusal(bytes: &[u8]) -> &'static str {
    match read(bytes) {
        Err(ImportError::Unreadable { format: Format::Docx, why }) => why.id,
        other => panic!("not refused as a Word document: {other:?}"),
    }
}

fn texts(doc: &blocks::Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn grids(doc: &blocks::Document) -> Vec<&Grid> {
    crate::import::blocks::grids(&doc.blocks)
}

/// `(text, rowspan, colspan)` of each row's cells.
fn shape(grid: &Grid) -> Vec<Vec<(&str, usize, usize)>> {
    grid.rows
        .iter()
        .map(|r| {
            r.cells.iter().map(|c| (c.text.as_str(), c.rowspan, c.colspan)).collect()
        })
        .collect()
}

/// The grid unfolded as HTML lays a table out: every position a cell covers holds its
/// text; positions no cell covers are empty.
pub(super) fn dense(grid: &Grid) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<Option<String>>> = Vec::new();
    for (r, row) in grid.rows.iter().enumerate() {
        let mut column = 0;
        for cell in &row.cells {
            while out.get(r).and_then(|row| row.get(column)).is_some_and(Option::is_some)
            {
                column += 1;
            }
            for rr in r..r + cell.rowspan {
                if out.len() <= rr {
                    out.resize(rr + 1, Vec::new());
                }
                let line = &mut out[rr];
                if line.len() < column + cell.colspan {
                    line.resize(column + cell.colspan, None);
                }
                for slot in &mut line[column..column + cell.colspan] {
                    *slot = Some(cell.text.clone());
                }
            }
            column += cell.colspan;
        }
    }
    out.into_iter()
        .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
        .collect()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn tc(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

#[test]
fn grid_span_vertical_merge_and_grid_before_give_html_spans() {
    let body = format!(
        "<w:tbl><w:tblGrid/>\
         <w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr>\
         <w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr>\
         <w:tr>{}{}{}</w:tr>\
         <w:tr>{}{}</w:tr></w:tbl>{}",
        tc(r#"<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>"#, "A"),
        tc("", "B"),
        tc(r#"<w:gridSpan w:val="2"/><w:vMerge/>"#, ""),
        tc("", "C"),
        tc("", "D"),
        tc(r#"<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>"#, "ignored"),
        tc(r#"<w:vMerge w:val="restart"/>"#, "E"),
        tc(r#"<w:gridSpan w:val="3"/>"#, "F"),
        tc(r#"<w:vMerge w:val="continue"/>"#, ""),
        p("after"),
    );
    let doc = read_ok(&word(&body, None, None));
    let grid = grids(&doc)[0];
    assert_eq!(
        shape(grid),
        vec![
            vec![("", 1, 1), ("A", 3, 2), ("B", 1, 1)],
            vec![("", 1, 1), ("C", 1, 1)],
            vec![("D", 1, 1), ("E", 2, 1)],
            vec![("F", 1, 3)],
        ]
    );
    assert_eq!(
        dense(grid),
        vec![
            vec!["", "A", "A", "B"],
            vec!["", "A", "A", "C"],
            vec!["D", "A", "A", "E"],
            vec!["F", "F", "F", "E"],
        ]
    );
    // Paragraphs counted in document order, the cells' included: A is the first.
    assert_eq!(grid.rows[0].cells[1].place.paragraph, Some(1));
    assert_eq!(grid.rows[1].cells[1].place.paragraph, Some(4));
    // A row is where its first paragraph is (here a merged cell's).
    assert_eq!(grid.rows[1].place.paragraph, Some(3));
    assert_eq!(doc.blocks[0].place().paragraph, Some(1));
    assert_eq!(doc.blocks[1].place().paragraph, Some(10));
    assert!(grid.rows.iter().flat_map(|r| &r.cells).all(|c| c.place.table.is_none()));
}

#[test]
fn horizontal_merges_join_into_one_cell() {
    let body = format!(
        "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
        tc(r#"<w:hMerge w:val="restart"/>"#, "X"),
        tc(r#"<w:hMerge/>"#, "hidden"),
        tc("", "Y"),
        tc("", "1"),
        tc("", "2"),
        tc("", "3"),
    );
    let doc = read_ok(&word(&body, None, None));
    assert_eq!(
        shape(grids(&doc)[0]),
        vec![vec![("X", 1, 2), ("Y", 1, 1)], vec![("1", 1, 1), ("2", 1, 1), ("3", 1, 1)]]
    );
}

#[test]
fn spans_are_bounded() {
    let body = format!(
        "<w:tbl><w:tr>{}</w:tr></w:tbl>",
        tc(r#"<w:gridSpan w:val="4000000000"/>"#, "wide")
    );
    let doc = read_ok(&word(&body, None, None));
    assert_eq!(shape(grids(&doc)[0]), vec![vec![("wide", 1, MAX_SPAN)]]);
}

#[test]
fn a_nested_table_follows_its_outer_table() {
    let body = format!(
        "<w:tbl><w:tr><w:tc>{}<w:tbl><w:tr>{}</w:tr></w:tbl>{}</w:tc>{}</w:tr></w:tbl>{}",
        p("外"),
        tc("", "内"),
        p("后"),
        tc("", "右"),
        p("正文"),
    );
    let doc = read_ok(&word(&body, None, None));
    let gs = grids(&doc);
    assert_eq!(shape(gs[0]), vec![vec![("外 后", 1, 1), ("右", 1, 1)]]);
    assert_eq!(shape(gs[1]), vec![vec![("内", 1, 1)]]);
    assert!(
        matches!(doc.blocks[1], Block::Table { ref place, .. } if place.paragraph == Some(2))
    );
    assert_eq!(texts(&doc), ["正文"]);
    assert_eq!(doc.blocks[2].place().paragraph, Some(5));
}

#[test]
fn tracked_changes_are_read_as_accepted() {
    let body = "<w:p><w:r><w:t>保留</w:t></w:r>\
        <w:ins w:id=\"1\"><w:r><w:t>插入</w:t></w:r></w:ins>\
        <w:del w:id=\"2\"><w:r><w:delText>删除</w:delText></w:r></w:del>\
        <w:moveFrom w:id=\"3\"><w:r><w:t>移走</w:t></w:r></w:moveFrom>\
        <w:moveTo w:id=\"4\"><w:r><w:t>移来</w:t></w:r></w:moveTo>\
        <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>\
        <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
        <w:hyperlink><w:r><w:t>链</w:t></w:r></w:hyperlink>\
        <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>\
        <w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:noBreakHyphen/><w:t>c</w:t><w:sym w:char=\"F0E0\"/></w:r></w:p>\
        <w:p><w:pPr><w:rPr><w:del w:id=\"5\"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>\
        <w:p><w:r><w:t>后半</w:t></w:r></w:p>\
        <w:sdt><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>";
    let doc = read_ok(&word(body, None, None));
    assert_eq!(texts(&doc), ["保留插入移来3链a b-c", "前半后半", "控件"]);
    assert_eq!(doc.blocks[1].place().paragraph, Some(2));
    assert_eq!(doc.blocks[2].place().paragraph, Some(4));
}

const NUMBERING: &str = r#"
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3.%4"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
"#;

const STYLES: &str = r#"
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="List"><w:name w:val="List Circled"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListChild"><w:name w:val="List Child"/><w:basedOn w:val="List"/></w:style>
"#;

fn numbered(num: &str, ilvl: usize, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
    )
}

fn styled(style: &str, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
    )
}

#[test]
fn automatic_numbering_is_text() {
    let body = [
        numbered("1", 0, "总体情况"),
        numbered("1", 1, "主动公开"),
        numbered("1", 1, "依申请公开"),
        numbered("1", 2, "办理"),
        numbered("1", 3, "细目"),
        numbered("1", 2, "答复"),
        numbered("1", 0, "主动公开情况"),
        numbered("1", 1, "重新计数"),
        numbered("1", 2, "也重新计数"),
        styled("List", "圈一"),
        styled("ListChild", "圈二"),
        "<w:p><w:pPr><w:pStyle w:val=\"List\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>".to_owned(),
        numbered("3", 0, "从五起"),
        numbered("4", 0, "项目符号"),
        numbered("9", 0, "未知编号"),
        // In a table cell too.
        format!("<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>", numbered("1", 0, "表内")),
    ]
    .concat();
    let doc = read_ok(&word(&body, Some(NUMBERING), Some(STYLES)));
    assert_eq!(
        texts(&doc),
        [
            "一、总体情况",
            "（一）主动公开",
            "（二）依申请公开",
            "1.办理",
            "1.1 细目",
            "2.答复",
            "二、主动公开情况",
            "（一）重新计数",
            "1.也重新计数",
            "①圈一",
            "②圈二",
            "不编号",
            "五、从五起",
            "项目符号",
            "未知编号",
        ]
    );
    assert_eq!(shape(grids(&doc)[0]), vec![vec![("三、表内", 1, 1)]]);
}

#[test]
fn legal_numbering_and_restarts_follow_the_levels() {
    let numbering = r#"
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%3."/><w:lvlRestart w:val="0"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="(%4)"/><w:lvlRestart w:val="1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
    let body = [
        numbered("1", 0, "甲"),
        numbered("1", 1, "法"),
        numbered("1", 2, "天干"),
        numbered("1", 3, "字母"),
        numbered("1", 1, "法二"),
        numbered("1", 2, "不重计"),
        numbered("1", 3, "不重计"),
        numbered("1", 0, "乙"),
        numbered("1", 1, "法"),
        numbered("1", 2, "仍不重计"),
        numbered("1", 3, "重计"),
    ]
    .concat();
    let doc = read_ok(&word(&body, Some(numbering), None));
    assert_eq!(
        texts(&doc),
        [
            "一、甲",
            "1.1法",
            "甲.天干",
            "(A)字母",
            "1.2法二",
            "乙.不重计",
            "(B)不重计",
            "二、乙",
            "2.1法",
            "丙.仍不重计",
            "(A)重计",
        ]
    );
}

#[test]
fn heading_styles_take_their_level_from_the_list() {
    // Word's multilevel heading list: the styles name the list, its levels the styles.
    let numbering = r#"
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="H2"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:pStyle w:val="H3"/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>"#;
    let styles = r#"
<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H3"><w:name w:val="heading 3"/><w:basedOn w:val="H2"/></w:style>"#;
    let body =
        [styled("H2", "总体情况"), styled("H3", "主动公开"), styled("H3", "依申请公开")]
            .concat();
    let doc = read_ok(&word(&body, Some(numbering), Some(styles)));
    assert_eq!(texts(&doc), ["一、总体情况", "（一）主动公开", "（二）依申请公开"]);
}

#[test]
fn pictures_are_images() {
    let drawing = "<w:r><w:drawing><wp:inline/></w:drawing></w:r>";
    let body = format!(
        "<w:p>{drawing}</w:p><w:p><w:r><w:t>图后</w:t></w:r><w:r><w:pict/></w:r></w:p>\
         <w:tbl><w:tr><w:tc><w:p>{drawing}</w:p></w:tc>{}</w:tr></w:tbl>",
        tc("", "文字")
    );
    let doc = read_ok(&word(&body, None, None));
    assert!(
        matches!(doc.blocks[0], Block::Image { ref place } if place.paragraph == Some(1))
    );
    assert!(matches!(doc.blocks[1], Block::Text { ref text, .. } if text == "图后"));
    assert!(
        matches!(doc.blocks[2], Block::Image { ref place } if place.paragraph == Some(2))
    );
    let grid = grids(&doc)[0];
    assert!(grid.rows[0].cells[0].image && !grid.rows[0].cells[1].image);
    assert_eq!(doc.blocks.len(), 4);
}

#[test]
fn title_and_heading_1_styles_are_titles() {
    let body = [
        styled("1", "标题一"),
        styled("Title", "标题"),
        styled("ListChild", "正文"),
        p("默认"),
    ]
    .concat();
    let doc = read_ok(&word(&body, Some(NUMBERING), Some(STYLES)));
    let titles: Vec<bool> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text { title, .. } => Some(*title),
            _ => None,
        })
        .collect();
    assert_eq!(titles, [true, true, false, false]);
    // Without styles.xml, the usual ids.
    let doc = read_ok(&word(&styled("Title", "标题"), None, None));
    assert!(matches!(doc.blocks[0], Block::Text { title: true, .. }));
}

#[test]
fn the_core_title_is_declared() {
    let core = r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title> 某局 2023年 报告 </dc:title></cp:coreProperties>"#;
    let document = document_xml(&p("正文"));
    let bytes = zip_of(&[
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ]);
    let doc = read_ok(&bytes);
    assert_eq!(
        doc.declared_titles,
        vec![("某局 2023年 报告".to_owned(), PagePlace::default())]
    );
    assert_eq!((doc.format, doc.encoding), (Format::Docx, "UTF-8"));
}

#[test]
fn the_main_part_is_found_through_its_relationship() {
    let rels = RELS.replace("word/document.xml", "/content/main.xml");
    let document = document_xml(&p("正文"));
    let bytes = zip_of(&[
        ("_rels/.rels", rels.as_bytes()),
        ("content/main.xml", document.as_bytes()),
    ]);
    assert_eq!(texts(&read_ok(&bytes)), ["正文"]);
    // Without a package relationship, the usual name.
    let bytes = zip_of(&[("word/document.xml", document.as_bytes())]);
    assert_eq!(texts(&read_ok(&bytes)), ["正文"]);
}

fn runs_paragraph(runs: &[&str]) -> String {
    let runs: String = runs
        .iter()
        .map(|r| format!("<w:r><w:t xml:space=\"preserve\">{r}</w:t></w:r>"))
        .collect();
    format!("<w:p>{runs}</w:p>")
}

fn run_ins(doc: &blocks::Document) -> Vec<Option<&str>> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text { run_in, .. } => Some(run_in.as_deref()),
            _ => None,
        })
        .collect()
}

#[test]
fn run_in_titles_end_at_a_run_boundary() {
    let body = [
        runs_paragraph(&["（一）主动公开情况。", "本年度主动公开信息。"]),
        runs_paragraph(&["1.", "加强领导", "。", "2023年", "共12件。", "其余"]),
        runs_paragraph(&["（二）依申请公开情况。本年度收到申请。"]),
        runs_paragraph(&["本年度主动公开。", "信息"]),
        runs_paragraph(&["（三）加强组织领导，", "压实责任", "，明确分工"]),
        runs_paragraph(&["（四）标题。", "  "]),
        runs_paragraph(&["1.5", "倍。", "增长"]),
    ]
    .concat();
    let doc = read_ok(&word(&body, None, None));
    assert_eq!(
        run_ins(&doc),
        [
            Some("（一）主动公开情况。"),
            Some("1.加强领导。"),
            None,
            None,
            Some("（三）加强组织领导，"),
            None,
            None,
        ]
    );
}

// The refusals, each with its own message.

#[test]
fn a_dtd_is_refused_as_an_external_entity() {
    let document = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let bytes = zip_of(&[
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ]);
    assert_eq!(refusal(&bytes), "import-docx-external-entity");
}

#[test]
fn malformed_xml_is_refused() {
    let bytes = zip_of(&[("word/document.xml", b"<w:document><w:body>".as_slice())]);
    assert_eq!(refusal(&bytes), "import-docx-bad-xml");
    let bytes = zip_of(&[("word/document.xml", [0xFFu8, 0x00, 0xC3].as_slice())]);
    assert_eq!(refusal(&bytes), "import-docx-bad-xml");
}

/// Sets the uncompressed size of every entry's local and central headers to `size`.
fn declare_size(zip: &mut [u8], size: u32) {
    let mut i = 0;
    while i + 30 <= zip.len() {
        let at = match &zip[i..i + 4] {
            b"PK\x03\x04" => Some(i + 22),
            b"PK\x01\x02" => Some(i + 24),
            _ => None,
        };
        if let Some(at) = at {
            zip[at..at + 4].copy_from_slice(&size.to_le_bytes());
        }
        i += 1;
    }
}

#[test]
fn a_part_inflating_beyond_its_declared_size_is_refused() {
    // 65 MiB of markup that declares 100 bytes: caught where the bytes are read.
    let mut big = document_xml(&p("x")).into_bytes();
    big.resize(MAX_PART + 1024, b' ');
    let mut bytes = zip_of(&[("word/document.xml", &big)]);
    declare_size(&mut bytes, 100);
    let id = refusal(&bytes);
    assert!(
        [
            "import-docx-part-too-large",
            "import-docx-size-mismatch",
            "import-docx-damaged"
        ]
        .contains(&id),
        "{id}"
    );
    assert_eq!(id, "import-docx-part-too-large");
}

#[test]
fn a_part_holding_more_than_it_declares_is_refused() {
    // Below the limit, the lie itself is refused.
    let mut bytes = zip_of(&[("word/document.xml", document_xml(&p("x")).as_bytes())]);
    declare_size(&mut bytes, 100);
    assert_eq!(refusal(&bytes), "import-docx-size-mismatch");
}

#[test]
fn a_part_declaring_more_than_the_limit_is_refused() {
    let mut big = document_xml(&p("x")).into_bytes();
    big.resize(MAX_PART + 1, b' ');
    assert_eq!(
        refusal(&zip_of(&[("word/document.xml", &big)])),
        "import-docx-part-too-large"
    );
}

#[test]
fn a_zip_bomb_is_refused_by_its_ratio() {
    // 2 MiB of spaces compress about a thousandfold.
    let mut big = document_xml(&p("x")).into_bytes();
    big.resize(2 * 1024 * 1024, b' ');
    assert_eq!(refusal(&zip_of(&[("word/document.xml", &big)])), "import-docx-zip-bomb");
    // The same ratio below the floor is read.
    let mut small = document_xml(&p("x")).into_bytes();
    small.resize(512 * 1024, b' ');
    assert_eq!(texts(&read_ok(&zip_of(&[("word/document.xml", &small)]))), ["x"]);
}

#[test]
fn parts_together_over_the_limit_are_refused() {
    // Random-looking text compresses badly: each part passes, the two together do not.
    let mut state = 0x2545F491u32;
    let mut noise = |n: usize| {
        let mut s = String::with_capacity(n);
        while s.len() < n {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            s.push(char::from(b'a' + (state % 26) as u8));
        }
        s
    };
    let document = document_xml(&p(&noise(MAX_PART / 2 + 1024)));
    let styles = format!(
        r#"<w:styles xmlns:w="{W}"><!-- {} --></w:styles>"#,
        noise(MAX_PART / 2 + 1024)
    );
    let bytes = zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ]);
    assert_eq!(refusal(&bytes), "import-docx-total-too-large");
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> =
        (0..=package::MAX_ENTRIES).map(|i| format!("media/{i}.bin")).collect();
    let document = document_xml(&p("x"));
    let mut parts: Vec<(&str, &[u8])> =
        names.iter().map(|n| (n.as_str(), b"".as_slice())).collect();
    parts.push(("word/document.xml", document.as_bytes()));
    assert_eq!(refusal(&zip_of(&parts)), "import-docx-too-many-entries");
}

#[test]
fn damaged_and_foreign_files_are_refused() {
    let whole = word(&p("正文"), Some(NUMBERING), Some(STYLES));
    assert_eq!(refusal(&whole[..whole.len() / 2]), "import-docx-damaged");
    // Random bytes, text, nothing.
    let mut state = 7u64;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            state =
                state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as u8
        })
        .collect();
    assert_eq!(refusal(&random), "import-docx-not-zip");
    assert_eq!(refusal(b"<html><body>not a zip</body></html>"), "import-docx-not-zip");
    assert_eq!(refusal(b""), "import-docx-not-zip");
    // A zip, but no Word document in it.
    let other = zip_of(&[
        ("xl/workbook.xml", b"<workbook/>".as_slice()),
        ("_rels/.rels", RELS.as_bytes()),
    ]);
    assert_eq!(refusal(&other), "import-docx-no-document");
    // A main part that is no WordprocessingML document.
    let other = zip_of(&[("word/document.xml", b"<document/>".as_slice())]);
    assert_eq!(refusal(&other), "import-docx-no-document");
}

#[test]
fn damaged_bytes_never_panic() {
    let body = format!(
        "{}<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{}",
        numbered("1", 1, "一项"),
        tc(r#"<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>"#, "A"),
        tc(r#"<w:hMerge w:val="restart"/>"#, "B"),
        tc(r#"<w:gridSpan w:val="2"/><w:vMerge/>"#, ""),
        tc(r#"<w:hMerge/>"#, "C"),
        styled("ListChild", "圈"),
    );
    let document = document_xml(&body);
    let numbering = format!(r#"<w:numbering xmlns:w="{W}">{NUMBERING}</w:numbering>"#);
    let styles = format!(r#"<w:styles xmlns:w="{W}">{STYLES}</w:styles>"#);
    let package = |document: &[u8], numbering: &[u8], styles: &[u8]| {
        zip_of(&[
            ("_rels/.rels", RELS.as_bytes()),
            ("word/document.xml", document),
            ("word/numbering.xml", numbering),
            ("word/styles.xml", styles),
        ])
    };
    let (d, n, st) = (document.as_bytes(), numbering.as_bytes(), styles.as_bytes());
    let whole = package(d, n, st);
    assert_eq!(texts(&read_ok(&whole)), ["（一）一项", "①圈"]);
    let mut state = 0x9E3779B97F4A7C15u64;
    let mut next = move || {
        state ^= state << 7;
        state ^= state >> 9;
        state
    };
    let mut mutate = |bytes: &[u8]| {
        let mut bytes = bytes.to_vec();
        for _ in 0..1 + next() % 4 {
            let at = (next() % bytes.len() as u64) as usize;
            // Markup's own characters and digits most often, to reach the reader.
            const MARKUP: &[u8] = b"<>/=\"\' 0123456789-";
            bytes[at] = match next() % 3 {
                0 => MARKUP[(next() % MARKUP.len() as u64) as usize],
                _ => next() as u8,
            };
        }
        bytes
    };
    // Read or refused, never a panic: the package's bytes changed, and each part's
    // (zipped again, so that they reach the XML parser and the reader).
    for _ in 0..500 {
        let _ = read(&mutate(&whole));
        let _ = read(&package(&mutate(d), n, st));
        let _ = read(&package(d, &mutate(n), st));
        let _ = read(&package(d, n, &mutate(st)));
    }
}

#[test]
fn every_refusal_has_its_message_in_both_languages() {
    let ids = [
        "import-docx-not-zip",
        "import-docx-damaged",
        "import-docx-too-many-entries",
        "import-docx-part-too-large",
        "import-docx-zip-bomb",
        "import-docx-size-mismatch",
        "import-docx-total-too-large",
        "import-docx-no-document",
        "import-docx-external-entity",
        "import-docx-bad-xml",
    ];
    for id in ids {
        let e = refuse(
            id,
            ["why", "count", "limit", "part", "size", "ratio", "declared"]
                .map(|n| arg(n, "9"))
                .to_vec(),
        );
        for lang in [crate::l10n::Lang::En, crate::l10n::Lang::Zh] {
            let text = e.in_lang(lang);
            assert!(!text.contains(id) && !text.is_empty(), "{id} in {lang:?}: {text}");
        }
    }
}

// The LibreOffice conversions of the published pages.

/// The fixtures' folder.
fn published() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/published")
}

/// The section headings each page prints: the official ones, but for the pages' own
/// wording (each checked below to be the page's).
fn headings_of(name: &str) -> Vec<String> {
    let mut headings = crate::outline::section_headings().to_vec();
    match name {
        "jjp_2022" | "zhz_2025" => {
            headings[4] = "五、存在的主要问题及改进措施".to_owned()
        }
        "nyn_2025" => headings[5] = "六、需要说明的其他事项与附表".to_owned(),
        _ => {}
    }
    headings
}

/// The dense row of the first grid having a row whose first cell is `label` (or whose
/// first cell contains it, when `contains`).
fn row_of<'g>(
    dense_grids: &'g [Vec<Vec<String>>],
    label: &str,
) -> Option<&'g Vec<String>> {
    dense_grids
        .iter()
        .flatten()
        .find(|row| row.first().is_some_and(|c| c.contains(label)))
}

/// The last `n` cells of `row`.
fn tail(row: &[String], n: usize) -> Vec<String> {
    row[row.len().saturating_sub(n)..].to_vec()
}

/// A manifest's list of figures as the cells' texts (`null` is a blank cell).
fn figures(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|values| {
            values
                .iter()
                .map(|v| match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => String::new(),
                    v => v.to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn libreoffice_conversions_of_the_published_pages_read_whole() {
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(published().join("MANIFEST.json")).expect("the manifest"),
    )
    .expect("JSON");
    let files = manifest["files"].as_array().expect("files");
    assert_eq!(files.len(), 8);
    for file in files {
        let html_name = file["file"].as_str().expect("a file name");
        let name = html_name.trim_end_matches(".html");
        let path = published().join(format!("converted/{name}.libreoffice.docx"));
        let doc = read_ok(&std::fs::read(&path).expect("the converted file"));
        let html =
            std::fs::read_to_string(published().join(html_name)).expect("the page");

        // The six headings, as the page words them.
        let texts = texts(&doc);
        for heading in headings_of(name) {
            assert!(html.contains(&heading), "{name}: the page lacks {heading}");
            assert!(texts.contains(&heading.as_str()), "{name}: {heading} not read");
        }
        // The title property LibreOffice took from the page's <title>.
        assert!(
            doc.declared_titles
                .iter()
                .any(|(t, _)| t.contains("政府信息公开工作年度报告")),
            "{name}: {:?}",
            doc.declared_titles
        );
        // Every block placed by its paragraph.
        assert!(doc.blocks.iter().all(|b| b.place().paragraph.is_some()), "{name}");

        let dense_grids: Vec<_> = grids(&doc).into_iter().map(dense).collect();
        let totals = &file["checked_totals"];
        // Table 三: its rows of seven figures.
        for (key, label) in [
            (
                "table3_一_本年新收[自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计]",
                "本年新收政府信息公开申请数",
            ),
            ("table3_二_上年结转", "上年结转政府信息公开申请数"),
            ("table3_（七）总计", "三、本年度办理结果"),
            ("table3_四_结转下年度", "结转下年度继续办理"),
        ] {
            let row = if key == "table3_（七）总计" {
                dense_grids
                    .iter()
                    .flatten()
                    .find(|r| r.get(1).is_some_and(|c| c == "（七）总计"))
            } else {
                row_of(&dense_grids, label)
            };
            let row = row.unwrap_or_else(|| panic!("{name}: no row {label}"));
            assert_eq!(tail(row, 7), figures(&totals[key]), "{name}: {key}");
        }
        // Table 二: each row's figures.
        let table2 = totals["table2_主动公开"].as_object().expect("table 二");
        for (label, values) in table2 {
            let want = figures(values);
            let row = dense_grids
                .iter()
                .flatten()
                .find(|r| r.first().is_some_and(|c| c == label) && r.len() > want.len())
                .unwrap_or_else(|| panic!("{name}: no row {label}"));
            assert_eq!(tail(row, want.len()), want, "{name}: table 二 {label}");
        }
        // Table 四: the last row of the grid headed 行政复议, fifteen figures.
        let table4 = dense_grids
            .iter()
            .find(|g| g.first().is_some_and(|r| r.iter().any(|c| c == "行政复议")))
            .unwrap_or_else(|| panic!("{name}: no table 四"));
        let want = figures(
            &totals["table4_[复议 维持,纠正,其他,未审结,总计 | 直接起诉 ×5 | 复议后起诉 ×5]"],
        );
        assert_eq!(tail(table4.last().expect("a row"), 15), want, "{name}: table 四");
    }
}

// Our own Word writer's output, read back.

/// The seed report (威海市文登区科学技术局, 2023) from its data file.
fn seed() -> crate::model::Report {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data/wendeng_2023.toml");
    let loaded = crate::datafile::load_path(&path, None).expect("the seed's data file");
    loaded.valid_report().expect("a valid seed").clone()
}

/// The written grid unfolded as [`dense`] unfolds a read one.
fn dense_written(grid: &crate::table::Grid) -> Vec<Vec<String>> {
    let mut out = vec![vec![String::new(); grid.columns as usize]; grid.rows as usize];
    for cell in &grid.cells {
        for r in cell.row..cell.row + cell.rowspan {
            for c in cell.col..cell.col + cell.colspan {
                out[r as usize][c as usize] = normalise(&cell.text);
            }
        }
    }
    out
}

/// The run-in titles our writer sets, in document order: an item's number and title,
/// for each item with a paragraph to run into.
fn written_run_ins(items: &[&crate::model::Item], level: usize, out: &mut Vec<String>) {
    for (i, item) in items.iter().enumerate() {
        if !item.paragraphs.is_empty() {
            out.push(format!(
                "{}{}",
                crate::numbering::label(level, i + 1),
                crate::outline::run_in_title(&item.title)
            ));
        }
        let children: Vec<&crate::model::Item> = item.items.iter().collect();
        written_run_ins(&children, level + 1, out);
    }
}

#[test]
fn our_own_word_document_reads_back() {
    let report = seed();
    for bold in [false, true] {
        let options = crate::docx::DocxOptions { bold_subheadings: bold, force: true };
        let bytes = crate::docx::write(&report, &options).expect("written");
        let doc = read_ok(&bytes);

        // The three statutory tables, cell for cell.
        let read: Vec<_> = grids(&doc).into_iter().map(dense).collect();
        let written: Vec<_> = crate::outline::statutory_grids(&report)
            .iter()
            .map(|(_, g)| dense_written(g))
            .collect();
        for (i, w) in written.iter().enumerate() {
            assert!(read.contains(w), "table {i} not read back: {w:?}\nread: {read:?}");
        }

        // The headings, and every item's run-in title exactly, in order.
        let texts = texts(&doc);
        for heading in crate::outline::section_headings() {
            assert!(texts.contains(&heading.as_str()), "{heading}");
        }
        let mut want = Vec::new();
        let problems: Vec<_> = report.problems.items.iter().collect();
        let m = &report.other_matters;
        let other: Vec<_> = std::iter::once(&m.fees).chain(m.items.iter()).collect();
        for items in [report.overview.items(), problems, other] {
            written_run_ins(&items, 2, &mut want);
        }
        let filled = crate::placeholders::fill(&report, None);
        let got: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Text { run_in, .. } => run_in.clone(),
                _ => None,
            })
            .collect();
        assert!(!want.is_empty());
        assert_eq!(got, want, "bold: {bold}");
        // The title's lines, not a heading.
        assert!(texts[0].contains(&filled.agency.name), "{:?}", texts[0]);
    }
}
