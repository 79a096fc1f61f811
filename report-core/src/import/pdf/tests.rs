//! Tests of the PDF reader: the converted corpus, our own PDF, and the refusals.

use super::*;

use std::path::PathBuf;

/// The folder of the converted corpus.
fn converted() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/published/converted")
}

#[test]
#[ignore = "prints a file's blocks: PDF=name cargo test ... dump -- --ignored --nocapture"]
fn dump() {
    let name = std::env::var("PDF").unwrap_or_else(|_| "zrz_2023.chromium.pdf".into());
    let path = if name.starts_with('/') {
        PathBuf::from(&name)
    } else {
        converted().join(&name)
    };
    let bytes = std::fs::read(path).unwrap();
    let t = std::time::Instant::now();
    let doc = read(&bytes).unwrap();
    println!("{:?} {:?}", t.elapsed(), doc.declared_titles);
    for b in &doc.blocks {
        match b {
            Block::Text { text, place, title, .. } => println!(
                "[p{:?}{}] {}",
                place.page,
                if *title { " TITLE" } else { "" },
                text
            ),
            Block::Table { grid, place } => {
                println!("[p{:?}] TABLE {} rows", place.page, grid.rows.len());
                for r in &grid.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| format!("{}({}x{})", c.text, c.rowspan, c.colspan))
                        .collect();
                    println!("    p{:?} | {}", r.place.page, cells.join(" | "));
                }
            }
            Block::Image { place } => println!("[p{:?}] IMAGE", place.page),
        }
    }
}

#[test]
#[ignore = "prints one page's rulings and lines: PDF=name PAGE=n"]
fn dump_page() {
    let name = std::env::var("PDF").unwrap_or_else(|_| "zrz_2023.chromium.pdf".into());
    let n: usize = std::env::var("PAGE").ok().and_then(|p| p.parse().ok()).unwrap_or(1);
    let bytes = std::fs::read(converted().join(&name)).unwrap();
    let pdf = hayro_syntax::Pdf::new(bytes).unwrap();
    let cache = hayro_interpret::InterpreterCache::new();
    let page = &pdf.pages()[n - 1];
    let c = device::read_page(page, pdf.xref(), &cache);
    println!("size {} x {}", c.width, c.height);
    for r in grid::merge(&c.h) {
        println!("H y={:.1} x {:.1}..{:.1}", r.at, r.from, r.to);
    }
    for r in grid::merge(&c.v) {
        println!("V x={:.1} y {:.1}..{:.1}", r.at, r.from, r.to);
    }
    let (ts, _) =
        grid::tables(&grid::merge(&c.h), &grid::merge(&c.v), &c.glyphs, c.height);
    for t in &ts {
        println!(
            "T xs {:?} ys {:?}",
            t.xs.iter().map(|x| x.round()).collect::<Vec<_>>(),
            t.ys.iter().map(|x| x.round()).collect::<Vec<_>>()
        );
    }
    let gs: Vec<&Glyph> = c.glyphs.iter().collect();
    for l in lines::lines(&gs) {
        println!("L y={:.1} x {:.1}..{:.1} s={:.1} {}", l.y, l.x0, l.x1, l.size, l.text);
    }
}

/// The committed converted PDFs: LibreOffice's and Chromium's of each real page.
const CONVERTED: [&str; 8] = [
    "zrz_2023", "zrz_2024", "jjp_2021", "jjp_2022", "jtj_2024", "jtj_2025", "nyn_2025",
    "zhz_2025",
];

/// Text without whitespace, parentheses made full-width (the pages mix both).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

/// A grid unfolded: every row as wide as the grid, each cell repeated over its spans;
/// each entry is the cell's number in the grid and its text (squeezed).
fn dense(grid: &Grid) -> Vec<Vec<(usize, String)>> {
    let mut out: Vec<Vec<Option<(usize, String)>>> = vec![Vec::new(); grid.rows.len()];
    let mut id = 0;
    for (r, row) in grid.rows.iter().enumerate() {
        let mut c = 0;
        for cell in &row.cells {
            while out[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let end = (r + cell.rowspan).min(grid.rows.len());
            for (rr, row) in out.iter_mut().enumerate().take(end).skip(r) {
                if row.len() < c + cell.colspan {
                    row.resize(c + cell.colspan, None);
                }
                for (cc, slot) in row.iter_mut().enumerate().skip(c).take(cell.colspan) {
                    assert!(slot.is_none(), "cells overlap at row {rr} column {cc}");
                    *slot = Some((id, squeeze(&cell.text)));
                }
            }
            c += cell.colspan;
            id += 1;
        }
    }
    out.into_iter()
        .map(|row| {
            row.into_iter().map(|c| c.unwrap_or((usize::MAX, String::new()))).collect()
        })
        .collect()
}

/// A dense row's distinct cells' texts, in order.
fn distinct_cells(row: &[(usize, String)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last = usize::MAX - 1;
    for (id, text) in row {
        if *id != last {
            out.push(text.clone());
            last = *id;
        }
    }
    out
}

/// The grids of a document.
fn grids(doc: &Document) -> Vec<&Grid> {
    crate::import::blocks::grids(&doc.blocks)
}

/// The one grid with a cell containing `label` (squeezed).
fn grid_with<'d>(doc: &'d Document, label: &str, file: &str) -> &'d Grid {
    let found: Vec<&Grid> = grids(doc)
        .into_iter()
        .filter(|g| {
            g.rows.iter().flat_map(|r| &r.cells).any(|c| squeeze(&c.text).contains(label))
        })
        .collect();
    assert_eq!(found.len(), 1, "{file}: grids with {label}");
    found[0]
}

/// The dense row whose cells' texts include every one of `labels`, then its last `n`
/// distinct cells.
fn row_values(
    rows: &[Vec<(usize, String)>],
    labels: &[&str],
    n: usize,
    file: &str,
) -> Vec<String> {
    let matching: Vec<&Vec<(usize, String)>> = rows
        .iter()
        .filter(|row| {
            labels.iter().all(|l| row.iter().any(|(_, t)| t.contains(&squeeze(l))))
        })
        .collect();
    assert_eq!(matching.len(), 1, "{file}: rows labelled {labels:?}");
    let cells = distinct_cells(matching[0]);
    assert!(cells.len() > n, "{file}: row {labels:?} has {cells:?}");
    cells[cells.len() - n..].to_vec()
}

/// A manifest figure as the cell shows it.
fn figure(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => squeeze(s),
        serde_json::Value::Null => String::new(),
        v => v.to_string(),
    }
}

/// The figures of a manifest list.
fn figures(v: &serde_json::Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().map(figure).collect()).unwrap_or_default()
}

/// The HTML page's text: tags and whitespace removed, entities for spaces dropped.
fn html_text(name: &str) -> String {
    let html =
        std::fs::read_to_string(converted().join(format!("../{name}.html"))).unwrap();
    let mut text = String::new();
    let mut tag = false;
    for c in html.chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag => text.push(c),
            _ => {}
        }
    }
    squeeze(&text.replace("&nbsp;", "").replace("&ensp;", "").replace("&emsp;", ""))
}

/// The text blocks that are section headings: `一、…` to `六、…`, short.
fn headings(doc: &Document) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text { text, .. } => Some(squeeze(text)),
            _ => None,
        })
        .filter(|t| {
            t.chars().count() <= 30
                && ["一、", "二、", "三、", "四、", "五、", "六、"]
                    .iter()
                    .any(|p| t.starts_with(p))
        })
        .collect()
}

#[test]
fn converted_reports_give_their_headings_and_tables() {
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(converted().join("../MANIFEST.json")).unwrap(),
    )
    .unwrap();
    let mut failures = Vec::new();
    for name in CONVERTED {
        let entry = manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["file"] == format!("{name}.html"))
            .unwrap();
        let totals = &entry["checked_totals"];
        let html = html_text(name);
        for producer in ["libreoffice", "chromium"] {
            let file = format!("{name}.{producer}.pdf");
            let bytes = std::fs::read(converted().join(&file)).unwrap();
            let start = std::time::Instant::now();
            let doc = match read(&bytes) {
                Ok(doc) => doc,
                Err(e) => {
                    failures.push(format!("{file}: {e:?}"));
                    continue;
                }
            };
            eprintln!("{file}: {} blocks in {:?}", doc.blocks.len(), start.elapsed());
            assert_eq!(doc.format, Format::Pdf);
            assert_eq!(doc.encoding, "PDF");
            assert!(
                doc.blocks.iter().all(|b| b.place().page.is_some()),
                "{file}: a block without its page"
            );
            // One title, the report's.
            let titles: Vec<&String> = doc
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Text { text, title: true, .. } => Some(text),
                    _ => None,
                })
                .collect();
            if titles.len() != 1
                || !titles[0].contains("年度报告")
                || !html.contains(&squeeze(titles[0]))
            {
                failures.push(format!("{file}: titles {titles:?}"));
            }
            // Headings: the six sections', as the page words them.
            let hs = headings(&doc);
            for prefix in ["一、", "二、", "三、", "四、", "五、", "六、"] {
                let h: Vec<&String> =
                    hs.iter().filter(|h| h.starts_with(prefix)).collect();
                if h.is_empty() || !h.iter().all(|h| html.contains(h.as_str())) {
                    failures.push(format!("{file}: heading {prefix}: {h:?}"));
                }
            }
            let result = std::panic::catch_unwind(|| {
                // Table 三: one grid, every row once.
                let g3 = grid_with(&doc, "本年新收政府信息公开申请数", &file);
                for label in [
                    "本年新收",
                    "上年结转",
                    "予以公开",
                    "部分公开",
                    "国家秘密",
                    "行政查询事项",
                    "不掌握相关政府信息",
                    "信访举报投诉",
                    "重复申请",
                    "公开出版物",
                    "逾期不补正",
                    "结转下年度",
                ] {
                    let n = g3
                        .rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .filter(|c| squeeze(&c.text).contains(label))
                        .count();
                    assert_eq!(n, 1, "{file}: cells {label}");
                }
                let d3 = dense(g3);
                let key = |prefix: &str| {
                    totals
                        .as_object()
                        .unwrap()
                        .iter()
                        .find(|(k, _)| k.starts_with(prefix))
                        .map(|(_, v)| v)
                        .unwrap()
                };
                assert_eq!(
                    row_values(&d3, &["本年新收"], 7, &file),
                    figures(key("table3_一")),
                    "{file}: 一"
                );
                assert_eq!(
                    row_values(&d3, &["上年结转"], 7, &file),
                    figures(key("table3_二")),
                    "{file}: 二"
                );
                assert_eq!(
                    row_values(&d3, &["七）总计"], 7, &file),
                    figures(key("table3_（七）")),
                    "{file}: 七"
                );
                assert_eq!(
                    row_values(&d3, &["结转下年度"], 7, &file),
                    figures(key("table3_四")),
                    "{file}: 四"
                );
                for (labels, values) in key("table3_nonzero").as_object().unwrap() {
                    let labels: Vec<&str> = labels.split(" / ").collect();
                    assert_eq!(
                        row_values(&d3, &labels, 7, &file),
                        figures(values),
                        "{file}: {labels:?}"
                    );
                }
                // Table 二: the label's row, then its figures.
                for (label, values) in key("table2").as_object().unwrap() {
                    let g2 = grid_with(&doc, "行政许可", &file);
                    let d2 = dense(g2);
                    let want = figures(values);
                    let rows: Vec<&Vec<(usize, String)>> = d2
                        .iter()
                        .filter(|r| r.first().is_some_and(|(_, t)| t == &squeeze(label)))
                        .collect();
                    assert_eq!(rows.len(), 1, "{file}: table 二 rows {label}");
                    let cells = distinct_cells(rows[0]);
                    assert_eq!(cells[1..], want[..], "{file}: table 二 {label}");
                }
                // Table 四: its last row holds the fifteen figures.
                let g4 = grid_with(&doc, "未经复议直接起诉", &file);
                let d4 = dense(g4);
                let last = d4.last().map(|r| distinct_cells(r)).unwrap_or_default();
                assert_eq!(last, figures(key("table4")), "{file}: table 四");
            });
            if let Err(e) = result {
                failures.push(e.downcast_ref::<String>().cloned().unwrap_or_else(|| {
                    e.downcast_ref::<&str>().map(|s| s.to_string()).unwrap_or_default()
                }));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Our own PDF of the seed report (`seed.typst.pdf`, rendered by `govreport render`
/// from `examples/data/wendeng_2023.toml`): its three tables cell by cell against the
/// data file, its headings and title, and no page number in its text.
#[test]
fn our_own_pdf_gives_the_data_files_figures() {
    let bytes = std::fs::read(converted().join("seed.typst.pdf")).unwrap();
    let doc = read(&bytes).unwrap();
    let data: toml::Table = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../examples/data/wendeng_2023.toml"),
    )
    .unwrap()
    .parse()
    .unwrap();
    let tables = data["tables"].as_table().unwrap();
    let int =
        |t: &toml::Value, k: &str| t.get(k).and_then(toml::Value::as_integer).unwrap();
    let file = "seed.typst.pdf";

    // Table 二: each row's figures, in the columns' order.
    let d2 = dense(grid_with(&doc, "第二十条第（一）项", file));
    let t2 = tables["table2_主动公开政府信息情况"].as_table().unwrap();
    let mut rows2 = 0;
    for item in t2.values() {
        for (label, row) in item.as_table().unwrap() {
            let keys = [
                "本年制发件数",
                "本年废止件数",
                "现行有效件数",
                "本年处理决定数量",
                "本年收费金额（单位：万元）",
            ];
            let want: Vec<String> = keys
                .iter()
                .filter(|k| row.get(**k).is_some())
                .map(|k| int(row, k).to_string())
                .collect();
            assert!(!want.is_empty(), "{label}");
            assert_eq!(
                row_values(&d2, &[label], want.len(), file),
                want,
                "table 二 {label}"
            );
            rows2 += 1;
        }
    }
    assert_eq!(rows2, 6);

    // Table 三: every row of the data file, its six figures and their total; the
    // header Typst repeats on the next page left out.
    let g3 = grid_with(&doc, "本年新收政府信息公开申请数", file);
    let headers =
        g3.rows.iter().flat_map(|r| &r.cells).filter(|c| c.text == "申请人情况").count();
    assert_eq!(headers, 1, "the repeated header rows are left out");
    let d3 = dense(g3);
    let cols = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];
    let mut rows3 = 0;
    fn leaves<'t>(
        path: Vec<&'t str>,
        t: &'t toml::Table,
        out: &mut Vec<(Vec<&'t str>, &'t toml::Table)>,
    ) {
        if t.values().all(|v| !v.is_table()) {
            out.push((path, t));
            return;
        }
        for (k, v) in t {
            if let Some(sub) = v.as_table() {
                let mut p = path.clone();
                p.push(k);
                leaves(p, sub, out);
            }
        }
    }
    let mut rows = Vec::new();
    leaves(
        Vec::new(),
        tables["table3_收到和处理政府信息公开申请情况"].as_table().unwrap(),
        &mut rows,
    );
    for (path, row) in &rows {
        let mut want: Vec<String> = cols
            .iter()
            .map(|c| int(&toml::Value::Table((*row).clone()), c).to_string())
            .collect();
        let total: i64 = cols.iter().map(|c| row[*c].as_integer().unwrap()).sum();
        want.push(total.to_string());
        assert_eq!(row_values(&d3, path, 7, file), want, "table 三 {path:?}");
        rows3 += 1;
    }
    assert_eq!(rows3, 24);

    // Table 四: the last row, three groups of four figures and their totals.
    let d4 = dense(grid_with(&doc, "未经复议直接起诉", file));
    let t4 = tables["table4_政府信息公开行政复议、行政诉讼情况"].as_table().unwrap();
    let groups = [
        &t4["行政复议"],
        &t4["行政诉讼"]["未经复议直接起诉"],
        &t4["行政诉讼"]["复议后起诉"],
    ];
    let mut want = Vec::new();
    for g in groups {
        let four: Vec<i64> = ["结果维持", "结果纠正", "其他结果", "尚未审结"]
            .iter()
            .map(|k| int(g, k))
            .collect();
        want.extend(four.iter().map(i64::to_string));
        want.push(four.iter().sum::<i64>().to_string());
    }
    assert_eq!(d4.last().map(|r| distinct_cells(r)).unwrap(), want);

    // Headings, title, and no page number (`—1—`) in the text.
    let hs = headings(&doc);
    for h in [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ] {
        assert_eq!(hs.iter().filter(|x| *x == h).count(), 1, "{h} in {hs:?}");
    }
    let titles: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text { text, title: true, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(titles, ["威海市文登区科学技术局2023年政府信息公开工作年度报告"]);
    let declared: Vec<&str> =
        doc.declared_titles.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(declared, ["威海市文登区科学技术局2023年政府信息公开工作年度报告"]);
    for b in &doc.blocks {
        if let Block::Text { text, .. } = b {
            let t = squeeze(text);
            assert!(!page_number(&t), "{t}");
            for n in 1..=6 {
                assert!(!t.contains(&format!("—{n}—")), "a page number in {t}");
            }
        }
    }
    // A paragraph broken by pages 2 and 3 is one block.
    assert!(doc.blocks.iter().any(|b| matches!(b, Block::Text { text, .. } if text.contains("统筹推进政务新媒体与网站的协同联动"))));
}

/// A PDF written by hand: `objects` are numbered from 1; the cross-reference table and
/// trailer (with `/Root 1 0 R` and `trailer_extra`) are computed.
fn handmade(objects: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    let extra = trailer_extra.replace("XREF", &xref.to_string());
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object.
fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut o = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    o.extend(data);
    o.extend(b"\nendstream");
    o
}

/// A Type 3 font whose glyphs are filled squares, codes `A` to `Z`; with a ToUnicode
/// map (A → 一, B → 二, …) when `mapped`, else with none (its glyphs have no Unicode).
/// Its objects start at number `first`: the font, its one glyph procedure, its map.
fn type3_font(first: usize, mapped: bool) -> Vec<Vec<u8>> {
    let names: String = (0..26).map(|i| format!("/g{i} ")).collect();
    let to_unicode =
        if mapped { format!("/ToUnicode {} 0 R", first + 2) } else { String::new() };
    let mut objs = vec![
        format!(
            "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] \
             /FirstChar 65 /LastChar 90 /Widths [{}] /Encoding << /Differences [65 {names}] >> \
             /CharProcs << {} >> {to_unicode} >>",
            "1000 ".repeat(26),
            (0..26).map(|i| format!("/g{i} {} 0 R ", first + 1)).collect::<String>()
        )
        .into_bytes(),
        stream("", b"1000 0 0 0 800 800 d1 0 0 800 800 re f"),
    ];
    let cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def \
         1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <41> <5A> <4E00> endbfrange \
         endcmap CMapName currentdict /CMap defineresource pop end end",
    );
    objs.push(stream("", cmap.as_bytes()));
    objs
}

/// A PDF of pages with the given content streams, each able to use the mapped Type 3
/// font `/M`, the unmapped `/U` and the image `/Im` (one grey pixel).
fn pages_pdf(contents: &[String]) -> Vec<u8> {
    let n = contents.len();
    // 1 catalog, 2 pages, 3..6 fonts (3 objects each: 3,4,5 and 6,7,8), 9 image, then
    // per page a page object and its content.
    let kids: String = (0..n).map(|i| format!("{} 0 R ", 10 + 2 * i)).collect();
    let mut objs: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{kids}] /Count {n} >>").into_bytes(),
    ];
    objs.extend(type3_font(3, true));
    objs.extend(type3_font(6, false));
    objs.push(stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", &[128]));
    for (i, c) in contents.iter().enumerate() {
        objs.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R \
                 /Resources << /Font << /M 3 0 R /U 6 0 R >> /XObject << /Im 9 0 R >> >> >>",
                11 + 2 * i
            )
            .into_bytes(),
        );
        objs.push(stream("", c.as_bytes()));
    }
    handmade(&objs, "")
}

/// Text drawn with font `font` (`M` or `U`): `count` glyphs from (x, y), 12 pt.
fn text(font: &str, x: f64, y: f64, count: usize) -> String {
    let s: String = (0..count).map(|i| char::from(b'A' + (i % 26) as u8)).collect();
    format!("BT /{font} 12 Tf {x} {y} Td ({s}) Tj ET\n")
}

/// The refusal's message id and arguments.
fn refusal(bytes: &[u8]) -> (&'static str, Vec<crate::l10n::Arg>) {
    match read(bytes) {
        Err(ImportError::Unreadable { format: Format::Pdf, why }) => (why.id, why.args),
        Err(e) => panic!("another error: {e:?}"),
        Ok(doc) => panic!("read: {} blocks", doc.blocks.len()),
    }
}

/// The `pages` argument of a refusal.
fn pages_arg(args: &[crate::l10n::Arg]) -> String {
    args.iter().find(|(k, _)| *k == "pages").map(|(_, v)| v.clone()).unwrap_or_default()
}

#[test]
fn handmade_pdfs_are_read() {
    // The builder itself: a page of mapped text reads as that text.
    let doc = read(&pages_pdf(&[text("M", 72.0, 700.0, 5)])).unwrap();
    let texts: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["一丁丂七丄"]);
}

#[test]
fn truncated_garbage_and_damaged_files_are_refused() {
    let whole = std::fs::read(converted().join("zrz_2023.libreoffice.pdf")).unwrap();
    let half = &whole[..whole.len() / 2];
    assert_eq!(refusal(half).0, "import-pdf-truncated");
    // Cut, with an end marker put back: the cross-reference table is gone.
    let mut patched = half.to_vec();
    patched.extend(b"\n%%EOF\n");
    let (id, _) = refusal(&patched);
    assert!(id == "import-pdf-damaged" || id == "import-pdf-truncated", "{id}");
    assert_eq!(refusal(b"").0, "import-pdf-not-pdf");
    let huge = vec![b' '; super::super::MAX_PAGE_SIZE + 1];
    let (id, args) = refusal(&huge);
    assert_eq!(id, "import-pdf-too-large");
    assert!(
        args.contains(&("size", (super::super::MAX_PAGE_SIZE + 1).to_string())),
        "{args:?}"
    );
    assert_eq!(refusal(b"PK\x03\x04 a zip, not a PDF").0, "import-pdf-not-pdf");
    let garbage: Vec<u8> =
        (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(refusal(&garbage).0, "import-pdf-not-pdf");
    let mut fake = b"%PDF-1.4\n".to_vec();
    fake.extend(&garbage);
    fake.extend(b"\n%%EOF\n");
    assert_eq!(refusal(&fake).0, "import-pdf-damaged");
}

#[test]
fn a_cross_reference_loop_ends() {
    // The trailer's /Prev points at its own cross-reference table: reading must end
    // (and read the page, or refuse it), not loop.
    let bytes = pages_pdf(&[text("M", 72.0, 700.0, 3)]);
    let s = String::from_utf8_lossy(&bytes).into_owned();
    let at = s.rfind("startxref\n").unwrap() + "startxref\n".len();
    let xref: String = s[at..].chars().take_while(char::is_ascii_digit).collect();
    let looped = s.replacen("/Root 1 0 R", &format!("/Root 1 0 R /Prev {xref}"), 1);
    let start = std::time::Instant::now();
    match read(looped.as_bytes()) {
        Ok(doc) => assert_eq!(doc.blocks.len(), 1),
        Err(ImportError::Unreadable { why, .. }) => {
            assert_eq!(why.id, "import-pdf-damaged")
        }
        Err(e) => panic!("{e:?}"),
    }
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
    // The page tree's /Kids holds the tree itself: reading ends too.
    let looped = s.replacen("/Kids [10 0 R ]", "/Kids [2 0 R 10 0 R ]", 1);
    assert_ne!(looped, s);
    let start = std::time::Instant::now();
    match read(looped.as_bytes()) {
        Ok(doc) => assert!(doc.blocks.len() <= 2),
        Err(ImportError::Unreadable { why, .. }) => {
            assert_eq!(why.id, "import-pdf-damaged")
        }
        Err(e) => panic!("{e:?}"),
    }
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
}

#[test]
fn an_encrypted_pdf_is_refused_even_with_an_empty_password() {
    // qpdf --encrypt "" "" 256 -- (see the folder's README): hayro would open it.
    let bytes = std::fs::read(converted().join("encrypted.qpdf.pdf")).unwrap();
    assert!(
        hayro_syntax::Pdf::new(bytes.clone()).is_ok(),
        "hayro opens it with the empty password"
    );
    assert_eq!(refusal(&bytes).0, "import-pdf-encrypted");
}

#[test]
fn five_hundred_pages_are_refused_before_reading_them() {
    let pages: Vec<String> = (0..500).map(|_| String::new()).collect();
    let bytes = pages_pdf(&pages);
    let start = std::time::Instant::now();
    let (id, args) = refusal(&bytes);
    assert_eq!(id, "import-pdf-too-many-pages");
    assert!(args.contains(&("count", "500".to_string())), "{args:?}");
    assert!(args.contains(&("limit", MAX_PAGES.to_string())), "{args:?}");
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
    // 200 pages are read.
    assert!(read(&pages_pdf(&vec![text("M", 72.0, 700.0, 2); MAX_PAGES])).is_ok());
}

#[test]
fn a_scan_is_refused_and_a_page_of_picture_among_text_is_an_image_block() {
    let scan = "q 595 0 0 842 0 0 cm /Im Do Q\n".to_string();
    let (id, args) = refusal(&pages_pdf(&[scan.clone(), scan.clone(), scan.clone()]));
    assert_eq!(id, "import-pdf-no-text");
    assert_eq!(pages_arg(&args), "1–3");
    // Text on pages 1 and 3, a picture on page 2 (a table given as an image): read.
    let doc =
        read(&pages_pdf(&[text("M", 72.0, 700.0, 4), scan, text("M", 72.0, 700.0, 4)]))
            .unwrap();
    let kinds: Vec<(&str, Option<usize>)> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Text { place, .. } => ("text", place.page),
            Block::Image { place } => ("image", place.page),
            Block::Table { place, .. } => ("table", place.page),
        })
        .collect();
    assert_eq!(kinds, [("text", Some(1)), ("image", Some(2)), ("text", Some(3))]);
}

#[test]
fn glyphs_without_unicode_are_refused_past_the_rule() {
    // Only unmapped glyphs: refused, naming the pages.
    let (id, args) =
        refusal(&pages_pdf(&[text("U", 72.0, 700.0, 10), text("U", 72.0, 700.0, 10)]));
    assert_eq!(id, "import-pdf-unmapped");
    assert_eq!(pages_arg(&args), "1, 2");
    // A few beside much text (2 + 2 % of the page's glyphs, like the icons of a site's
    // menu in jjp_2021.chromium.pdf): read.
    let body: String =
        (0..5).map(|i| text("M", 72.0, 700.0 - 20.0 * f64::from(i), 26)).collect();
    let few = format!("{body}{}", text("U", 72.0, 400.0, 4));
    assert!(read(&pages_pdf(&[few])).is_ok());
    let fixture = std::fs::read(converted().join("jjp_2021.chromium.pdf")).unwrap();
    assert!(read(&fixture).is_ok());
    // More than that on page 2: refused, naming page 2.
    let many = format!("{body}{}", text("U", 72.0, 400.0, 5));
    let (id, args) = refusal(&pages_pdf(&[body.clone(), many]));
    assert_eq!(id, "import-pdf-unmapped");
    assert_eq!(pages_arg(&args), "2");
    // One inside a table's cell: refused.
    let table = "0 w 72 500 m 372 500 l S 72 450 m 372 450 l S 72 400 m 372 400 l S \
                 72 500 m 72 400 l S 222 500 m 222 400 l S 372 500 m 372 400 l S\n";
    let in_cell = format!("{body}{table}{}", text("U", 240.0, 420.0, 1));
    let (id, args) = refusal(&pages_pdf(&[in_cell]));
    assert_eq!(id, "import-pdf-unmapped");
    assert_eq!(pages_arg(&args), "1");
}

#[test]
fn page_numbers_are_furniture() {
    for n in
        ["1", "- 1 -", "— 12 —", "第 3 页", "第3页 共9页", "1/9", "1 / 9", "Page 2 of 9"]
    {
        assert!(page_number(n), "{n}");
    }
    for t in ["0 0 0 1 0", "12345", "一、总体情况", "第二十条", "第一章"] {
        assert!(!page_number(t), "{t}");
    }
}

#[test]
fn running_headers_are_left_out() {
    // Three pages, each with the same running header in the top margin and its own
    // text below: the header is left out, each page's text stays.
    let pages: Vec<String> = (0..3)
        .map(|i| {
            format!(
                "{}{}",
                text("M", 72.0, 800.0, 6),
                text("M", 72.0, 600.0 - 10.0 * f64::from(i), 3 + i as usize)
            )
        })
        .collect();
    let doc = read(&pages_pdf(&pages)).unwrap();
    let texts: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["一丁丂", "一丁丂七", "一丁丂七丄"]);
    // One page: nothing repeats, the top line stays.
    let doc = read(&pages_pdf(&pages[..1])).unwrap();
    assert_eq!(doc.blocks.len(), 2);
}

#[test]
fn the_refusals_read_in_both_languages_with_their_pages() {
    use crate::l10n::{Lang, tr};
    for id in [
        "import-pdf-not-pdf",
        "import-pdf-truncated",
        "import-pdf-damaged",
        "import-pdf-encrypted",
        "import-pdf-too-many-pages",
        "import-pdf-no-text",
        "import-pdf-unmapped",
    ] {
        let args = [
            crate::l10n::arg("size", 70_000_000),
            crate::l10n::arg("pages", "3, 4"),
            crate::l10n::arg("count", 500),
            crate::l10n::arg("limit", MAX_PAGES),
        ];
        for lang in [Lang::En, Lang::Zh] {
            let message = tr(lang, id, &args);
            assert!(!message.contains(id) && message.len() > 30, "{id}: {message}");
            if id.ends_with("no-text") || id.ends_with("unmapped") {
                assert!(message.contains("3, 4"), "{id}: {message}");
            }
            if id.ends_with("large") {
                assert!(
                    message.contains("70000000")
                        && message.contains(&super::super::MAX_PAGE_SIZE.to_string()),
                    "{id}: {message}"
                );
            }
            if id.ends_with("pages") {
                assert!(
                    message.contains("500") && message.contains("200"),
                    "{id}: {message}"
                );
            }
        }
    }
}

#[test]
#[ignore = "looks for panics in hayro and the reader on damaged bytes; slow"]
fn damaged_bytes_do_not_panic() {
    let whole = std::fs::read(converted().join("zrz_2024.libreoffice.pdf")).unwrap();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut panics = Vec::new();
    for round in 0..300 {
        let mut bytes = whole.clone();
        for _ in 0..1 + next() % 20 {
            let at = (next() % bytes.len() as u64) as usize;
            bytes[at] = next() as u8;
        }
        if std::panic::catch_unwind(|| read(&bytes)).is_err() {
            panics.push(round);
        }
        // Cut anywhere, the end marker put back (hayro then rebuilds the
        // cross-reference table from what is left).
        let mut cut = whole[..(next() % whole.len() as u64) as usize].to_vec();
        cut.extend(b"\n%%EOF\n");
        if std::panic::catch_unwind(|| read(&cut)).is_err() {
            panics.push(1000 + round);
        }
    }
    assert!(panics.is_empty(), "panics in rounds {panics:?}");
}

#[test]
fn a_drawn_grid_is_a_table_and_a_white_one_is_not() {
    let grid = |colour: &str| {
        format!(
            "{colour} RG 0.5 w 72 500 m 372 500 l S 72 450 m 372 450 l S 72 400 m 372 400 l S \
             72 500 m 72 400 l S 222 500 m 222 400 l S 372 500 m 372 400 l S\n{}{}{}",
            text("M", 80.0, 470.0, 2),
            text("M", 230.0, 470.0, 3),
            text("M", 80.0, 420.0, 1)
        )
    };
    let doc = read(&pages_pdf(&[grid("0 0 0")])).unwrap();
    let Some(Block::Table { grid: g, place }) = doc.blocks.first() else {
        panic!("{:?}", doc.blocks)
    };
    assert_eq!(place.page, Some(1));
    let d = dense(g);
    let texts: Vec<Vec<String>> =
        d.iter().map(|r| r.iter().map(|(_, t)| t.clone()).collect()).collect();
    assert_eq!(texts, [["一丁", "一丁丂"], ["一", ""]]);
    assert!(
        g.rows
            .iter()
            .flat_map(|r| &r.cells)
            .all(|c| c.place.page == Some(1) && c.place.row.is_none())
    );
    // A page of more rulings than tables have (a dashed mesh, 6400 pieces each way):
    // a drawing, no table, and read quickly.
    let hatching: String = (0..6400)
        .map(|i| {
            let (x, y) = (f64::from(i % 80) * 6.0 + 20.0, f64::from(i / 80) * 6.0 + 20.0);
            format!("{x} {y} m {} {y} l S {x} {y} m {x} {} l S ", x + 4.0, y + 4.0)
        })
        .collect();
    let start = std::time::Instant::now();
    let doc = read(&pages_pdf(&[format!("{hatching}\n{}", text("M", 72.0, 750.0, 3))]))
        .unwrap();
    assert!(doc.blocks.iter().all(|b| matches!(b, Block::Text { .. })));
    assert!(start.elapsed() < std::time::Duration::from_secs(3), "{:?}", start.elapsed());
    // Drawn in white, the same lines are no table: the text is prose.
    let doc = read(&pages_pdf(&[grid("1 1 1")])).unwrap();
    assert!(
        doc.blocks.iter().all(|b| matches!(b, Block::Text { .. })),
        "{:?}",
        doc.blocks
    );
}
