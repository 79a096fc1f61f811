//! From a diagnostic's location (official labels, e.g. `三、本年度办理结果 /（七）总计 /
//! 自然人`, or `导语 / 第2段`) to the paths in a data file where its value is written.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::spans::Seg;
use crate::document::section_headings;
use crate::labels::{
    self, APPLICANT_COLUMNS, TABLE2_KEY, TABLE3_KEY, TABLE4_KEY, join_path,
};
use crate::model::{Item, Report, numbering};
use crate::validate::Diagnostic;

pub use crate::labels::StatutoryCell as Cell;

/// Every cell of the three tables, stated totals included, in table order (the tables'
/// catalogues: [`crate::labels::statutory_cells`]).
pub fn cells() -> &'static [Cell] {
    labels::statutory_cells()
}

/// A cell's or group's labels (table key first) and English path.
type Paths = (Vec<&'static str>, Vec<&'static str>);

/// Label paths (without the table key, as diagnostics print them) to the cell's labels
/// and English path; groups map to the common prefix of their cells' English paths.
fn by_location() -> &'static HashMap<String, Paths> {
    static MAP: OnceLock<HashMap<String, Paths>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<String, (Vec<&'static str>, Vec<&'static str>)> =
            HashMap::new();
        for cell in cells() {
            for n in 2..=cell.labels.len() {
                let labels = cell.labels[..n].to_vec();
                let location = join_path(&labels[1..]);
                let english = cell.english.clone();
                map.entry(location)
                    .and_modify(|(_, e)| {
                        let common =
                            e.iter().zip(&english).take_while(|(a, b)| a == b).count();
                        e.truncate(common);
                    })
                    .or_insert((labels, english));
            }
        }
        // T3-A names a column: its first cell, 一、本年新收.
        let first_row = cells().iter().filter(|c| c.labels[0] == *TABLE3_KEY);
        for (c, cell) in first_row.take(APPLICANT_COLUMNS.len()).enumerate() {
            let location = join_path(&labels::applicant_column_path(c));
            map.insert(location, (cell.labels.clone(), cell.english.clone()));
        }
        map
    })
}

fn keys(prefix: &[&str], rest: &[&str]) -> Vec<Seg> {
    prefix.iter().chain(rest).map(|k| Seg::from(*k)).collect()
}

/// The paths in a data file where the value `diagnostic` is about may be written, best
/// first, each followed by its enclosing paths (for a value left out, such as a computed
/// total, the nearest enclosing key is shown).
///
/// `labelled`: the file's tables are in the labelled form. `texts`: the prose's
/// locations and paths ([`text_paths`]).
pub fn data_paths(
    diagnostic: &Diagnostic,
    labelled: bool,
    texts: &[(String, Vec<Seg>)],
) -> Vec<Vec<Seg>> {
    let location = diagnostic.location.as_str();
    let mut best: Vec<Vec<Seg>> = Vec::new();
    if let Some((_, path)) = texts.iter().find(|(l, _)| l == location) {
        best.push(path.clone());
    } else if let Some((l, e)) = by_location().get(location) {
        best.push(if labelled { keys(&["tables"], l) } else { keys(&["tables"], e) });
    } else {
        // A label not in the template: try it under each table, and at the top.
        let parts: Vec<&str> = location.split(" /").map(str::trim_start).collect();
        if labelled {
            for table in [*TABLE2_KEY, *TABLE3_KEY, *TABLE4_KEY] {
                best.push(keys(&["tables", table], &parts));
            }
        }
        best.push(keys(&["tables"], &parts));
    }
    let mut out = Vec::new();
    for path in &best {
        out.push(path.clone());
    }
    for path in &best {
        for n in (1..path.len()).rev() {
            out.push(path[..n].to_vec());
        }
    }
    out
}

/// The location of every text of `report`, as [`crate::validate()`] names it, with its
/// path in a data file.
pub fn text_paths(report: &Report) -> Vec<(String, Vec<Seg>)> {
    let h = section_headings();
    let mut out: Vec<(String, Vec<Seg>)> = Vec::new();
    let path =
        |parts: &[&str]| -> Vec<Seg> { parts.iter().map(|p| Seg::from(*p)).collect() };
    for (location, field) in [
        ("发布机关 / 名称", "name"),
        ("发布机关 / 地址", "address"),
        ("发布机关 / 电话", "telephone"),
        ("发布机关 / 网址", "website"),
        ("标题", "name"),
        ("署名", "name"),
    ] {
        out.push((location.to_owned(), path(&["agency", field])));
    }
    out.push(("统计年度".to_owned(), path(&["year"])));
    out.push(("成文日期".to_owned(), path(&["date"])));
    out.push(("导语".to_owned(), path(&["preamble"])));
    for i in 0..report.preamble.len() {
        out.push((format!("导语 / 第{}段", i + 1), vec!["preamble".into(), i.into()]));
    }
    let o = &report.overview;
    out.push((h[0].clone(), path(&["overview"])));
    for i in 0..o.intro.len() {
        out.push((
            format!("{} / 第{}段", h[0], i + 1),
            vec!["overview".into(), "intro".into(), i.into()],
        ));
    }
    let named = [
        ("active_disclosure", Some(&o.active_disclosure)),
        ("disclosure_on_request", Some(&o.disclosure_on_request)),
        ("information_management", Some(&o.information_management)),
        ("platforms", Some(&o.platforms)),
        ("oversight", Some(&o.oversight)),
        ("assessment", o.assessment.as_ref()),
    ];
    let mut n = 0;
    for (field, item) in named {
        if let Some(item) = item {
            n += 1;
            items(&h[0], n, 2, item, path(&["overview", field]), &mut out);
        }
    }
    out.push((h[4].clone(), path(&["problems"])));
    for i in 0..report.problems.paragraphs.len() {
        out.push((
            format!("{} / 第{}段", h[4], i + 1),
            vec!["problems".into(), "paragraphs".into(), i.into()],
        ));
    }
    for (i, item) in report.problems.items.iter().enumerate() {
        let at = vec!["problems".into(), "items".into(), i.into()];
        items(&h[4], i + 1, 2, item, at, &mut out);
    }
    let m = &report.other_matters;
    out.push((h[5].clone(), path(&["other_matters"])));
    for i in 0..m.paragraphs.len() {
        out.push((
            format!("{} / 第{}段", h[5], i + 1),
            vec!["other_matters".into(), "paragraphs".into(), i.into()],
        ));
    }
    items(&h[5], 1, 2, &m.fees, path(&["other_matters", "fees"]), &mut out);
    for (i, item) in m.items.iter().enumerate() {
        let at = vec!["other_matters".into(), "items".into(), i.into()];
        items(&h[5], i + 2, 2, item, at, &mut out);
    }
    out
}

fn items(
    parent: &str,
    n: usize,
    level: usize,
    item: &Item,
    at: Vec<Seg>,
    out: &mut Vec<(String, Vec<Seg>)>,
) {
    let here = format!("{parent} / {}{}", numbering::label(level, n), item.title);
    out.push((here.clone(), at.clone()));
    let mut title = at.clone();
    title.push("title".into());
    out.push((format!("{here} / 标题"), title));
    for j in 0..item.paragraphs.len() {
        let mut p = at.clone();
        p.extend(["paragraphs".into(), j.into()]);
        out.push((format!("{here} / 第{}段", j + 1), p));
    }
    for (k, sub) in item.items.iter().enumerate() {
        let mut p = at.clone();
        p.extend(["items".into(), k.into()]);
        items(&here, k + 1, level + 1, sub, p, out);
    }
}
