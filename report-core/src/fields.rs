//! The one walk of the report's prose: every text field and every place that holds texts,
//! each with its [`Location`], its role (which decides the font), its text, and its key
//! path in a data file.
//!
//! Validation ([`crate::validate()`]) checks the texts, the renderer checks that the role's
//! font has every character, and data files ([`crate::datafile`]) place a diagnostic of a
//! text at its key: all three from [`fields`].

use crate::diagnostic::Location;
use crate::model::{Item, Report};
use crate::numbering;
use crate::outline::section_headings;

/// One step of a key path in a data file (also `datafile::spans::Seg`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A key of an object (labels match their canonical form too, see
    /// [`crate::labels::canonical_label`]).
    Key(String),
    /// An element of a list.
    Index(usize),
}

impl From<&str> for Seg {
    fn from(key: &str) -> Self {
        Seg::Key(key.to_owned())
    }
}

impl From<usize> for Seg {
    fn from(index: usize) -> Self {
        Seg::Index(index)
    }
}

/// The typographic role of a piece of text: it decides the font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextRole {
    /// The title (小标宋, 22 pt).
    Title,
    /// Level-one headings 一、 (黑体).
    Heading1,
    /// Level-two headings （一） (楷体).
    Heading2,
    /// Body text, level-three and -four headings, tables and signature (仿宋).
    Body,
    /// Page numbers (宋体).
    PageNumber,
}

impl TextRole {
    /// Every role, in a fixed order.
    pub const ALL: [TextRole; 5] = [
        TextRole::Title,
        TextRole::Heading1,
        TextRole::Heading2,
        TextRole::Body,
        TextRole::PageNumber,
    ];

    /// The role's key in the template's font dictionary.
    pub fn key(self) -> &'static str {
        match self {
            TextRole::Title => "title",
            TextRole::Heading1 => "heading1",
            TextRole::Heading2 => "heading2",
            TextRole::Body => "body",
            TextRole::PageNumber => "page_number",
        }
    }
}

/// A text field of the report, or a place that holds texts (the preamble, a section, an
/// item) or a value that is no text (统计年度, 成文日期).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    /// Where it is, for people: e.g. `一、总体情况 / （一）主动公开情况 / 第2段`.
    pub location: Location,
    /// Its text, if it is a text field.
    pub text: Option<&'a str>,
    /// The role it is printed in, if it is a printed text (the agency's address,
    /// telephone and website are not printed; its name is printed as 标题 and 署名).
    pub role: Option<TextRole>,
    /// Its key path in a data file, if it is written in one (the cells of an item's own
    /// tables are not: data files cannot carry those tables).
    pub key: Option<Vec<Seg>>,
}

impl<'a> Field<'a> {
    /// The role and the text, if this is a printed text.
    pub fn printed(&self) -> Option<(TextRole, &'a str)> {
        Some((self.role?, self.text?))
    }
}

fn key(parts: &[&str]) -> Vec<Seg> {
    parts.iter().map(|p| Seg::from(*p)).collect()
}

fn with(at: &[Seg], more: impl IntoIterator<Item = Seg>) -> Vec<Seg> {
    at.iter().cloned().chain(more).collect()
}

struct Walk<'a> {
    out: Vec<Field<'a>>,
}

impl<'a> Walk<'a> {
    fn place(&mut self, location: Location, key: Vec<Seg>) {
        self.out.push(Field { location, text: None, role: None, key: Some(key) });
    }

    fn text(&mut self, location: Location, text: &'a str, role: TextRole, key: Vec<Seg>) {
        self.out.push(Field {
            location,
            text: Some(text),
            role: Some(role),
            key: Some(key),
        });
    }

    /// The paragraphs of a section or item, `第1段` …, under `at` and `key`.
    fn paragraphs(&mut self, at: &Location, paragraphs: &'a [String], key: &[Seg]) {
        for (i, p) in paragraphs.iter().enumerate() {
            let location = at.child(format!("第{}段", i + 1));
            self.text(location, p, TextRole::Body, with(key, [i.into()]));
        }
    }

    /// Item `n` (1-based) at `level` under `parent`: its place, title, paragraphs, the
    /// cells of its tables, then its sub-items.
    fn item(
        &mut self,
        parent: &Location,
        n: usize,
        level: usize,
        item: &'a Item,
        at: Vec<Seg>,
    ) {
        let here = parent.child(format!("{}{}", numbering::label(level, n), item.title));
        self.place(here.clone(), at.clone());
        let title_role = if level == 2 { TextRole::Heading2 } else { TextRole::Body };
        self.text(
            here.child("标题"),
            &item.title,
            title_role,
            with(&at, ["title".into()]),
        );
        self.paragraphs(&here, &item.paragraphs, &with(&at, ["paragraphs".into()]));
        for (k, table) in item.tables.iter().enumerate() {
            for c in &table.cells {
                let location = here.child(format!("表{}", k + 1)).child(format!(
                    "第{}行第{}列",
                    c.row + 1,
                    c.col + 1
                ));
                self.out.push(Field {
                    location,
                    text: Some(&c.text),
                    role: Some(TextRole::Body),
                    key: None,
                });
            }
        }
        for (k, sub) in item.items.iter().enumerate() {
            self.item(
                &here,
                k + 1,
                level + 1,
                sub,
                with(&at, ["items".into(), k.into()]),
            );
        }
    }
}

/// Every text field and place of `report`'s prose, in reading order: the agency's data
/// (名称, 地址, 电话, 网址), 统计年度, 成文日期, the title, the preamble, sections 一, 五
/// and 六 with their paragraphs and items, and the signature.
pub fn fields(report: &Report) -> Vec<Field<'_>> {
    let h = section_headings();
    let mut w = Walk { out: Vec::new() };
    let agency = &report.agency;
    for (name, text, field) in [
        ("名称", &agency.name, "name"),
        ("地址", &agency.address, "address"),
        ("电话", &agency.telephone, "telephone"),
        ("网址", &agency.website, "website"),
    ] {
        w.out.push(Field {
            location: Location::text(&["发布机关", name]),
            text: Some(text),
            role: None,
            key: Some(key(&["agency", field])),
        });
    }
    w.place(Location::text(&["统计年度"]), key(&["year"]));
    w.place(Location::text(&["成文日期"]), key(&["date"]));
    w.text(
        Location::text(&["标题"]),
        &agency.name,
        TextRole::Title,
        key(&["agency", "name"]),
    );

    let preamble = Location::text(&["导语"]);
    w.place(preamble.clone(), key(&["preamble"]));
    w.paragraphs(&preamble, &report.preamble, &key(&["preamble"]));

    let o = &report.overview;
    let overview = Location::text(&[&h[0]]);
    w.place(overview.clone(), key(&["overview"]));
    w.paragraphs(&overview, &o.intro, &key(&["overview", "intro"]));
    let named = [
        ("active_disclosure", Some(&o.active_disclosure)),
        ("disclosure_on_request", Some(&o.disclosure_on_request)),
        ("information_management", Some(&o.information_management)),
        ("platforms", Some(&o.platforms)),
        ("oversight", Some(&o.oversight)),
        ("assessment", o.assessment.as_ref()),
    ];
    let present = named.into_iter().filter_map(|(field, item)| Some((field, item?)));
    for (n, (field, item)) in present.enumerate() {
        w.item(&overview, n + 1, 2, item, key(&["overview", field]));
    }

    let problems = Location::text(&[&h[4]]);
    w.place(problems.clone(), key(&["problems"]));
    w.paragraphs(
        &problems,
        &report.problems.paragraphs,
        &key(&["problems", "paragraphs"]),
    );
    for (i, item) in report.problems.items.iter().enumerate() {
        w.item(&problems, i + 1, 2, item, with(&key(&["problems", "items"]), [i.into()]));
    }

    let m = &report.other_matters;
    let other = Location::text(&[&h[5]]);
    w.place(other.clone(), key(&["other_matters"]));
    w.paragraphs(&other, &m.paragraphs, &key(&["other_matters", "paragraphs"]));
    w.item(&other, 1, 2, &m.fees, key(&["other_matters", "fees"]));
    for (i, item) in m.items.iter().enumerate() {
        w.item(
            &other,
            i + 2,
            2,
            item,
            with(&key(&["other_matters", "items"]), [i.into()]),
        );
    }

    w.text(
        Location::text(&["署名"]),
        &agency.name,
        TextRole::Body,
        key(&["agency", "name"]),
    );
    w.out
}
