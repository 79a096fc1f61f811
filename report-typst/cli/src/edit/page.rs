//! The page of `govreport edit`, written from the data file as it is on disk with the
//! project's escaped-by-construction HTML builder ([`Html`]): every text of the file is
//! character data or an attribute value, never markup. The section headings come from
//! [`outline`], the tables' layout from the grids every output prints, their inputs from
//! the catalogue; the page's own words from the message files, in the chosen language.

use report_core::Overview;
use report_core::html::Html;
use report_core::l10n::{Arg, Lang, arg, tr};
use report_core::labels::statutory_cells;
use report_core::model::OtherMatters;
use report_core::numbering;
use report_core::outline::{self, section_headings};
use report_core::placeholders;
use report_core::table::catalogue::{Cell, Source, ValueKind};
use report_core::table::{CellKind, Grid};
use toml_edit::{DocumentMut, Item, Value};

use super::form::{
    AGENCY_TEXTS, ITEM_LISTS, KINDS, KeyPath, LEVELS, OVERVIEW_ITEMS, Seg, TableKeys,
    keys,
};
use super::state::{table_cells, table_keys, value_cells};

/// The page for the file `doc` (its text's hash `hash`, as the page sends it back).
pub fn page(doc: &DocumentMut, hash: &str, name: &str, lang: Lang) -> String {
    let w = Writer { doc, lang, keys: table_keys(doc) };
    w.page(name, hash)
}

/// A page that only says why the form cannot be shown, with a button to try again.
pub fn broken(message: &str, lang: Lang) -> String {
    let body = Html::element(
        "body",
        [],
        [
            Html::element("h1", [], [Html::text(&tr(lang, "edit-title", &[]))]),
            Html::element("p", [("role", "alert")], [Html::text(message)]),
            Html::element(
                "p",
                [],
                [Html::element(
                    "a",
                    [("href", "./")],
                    [Html::text(&tr(lang, "edit-reload", &[]))],
                )],
            ),
        ],
    );
    document(lang, &tr(lang, "edit-title", &[]), body)
}

fn document(lang: Lang, title: &str, body: Html) -> String {
    let head = Html::element(
        "head",
        [],
        [
            Html::void("meta", [("charset", "utf-8")]),
            Html::void(
                "meta",
                [
                    ("name", "viewport"),
                    ("content", "width=device-width, initial-scale=1"),
                ],
            ),
            Html::element("title", [], [Html::text(title)]),
            Html::void("link", [("rel", "stylesheet"), ("href", "edit.css")]),
        ],
    );
    let html = Html::element("html", [("lang", lang_tag(lang))], [head, body]);
    format!("<!DOCTYPE html>\n{}\n", html.into_string())
}

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        _ => "zh-CN",
    }
}

struct Writer<'a> {
    doc: &'a DocumentMut,
    lang: Lang,
    keys: TableKeys,
}

/// A key path as the page writes it in `data-path`: JSON, read back by the script.
fn path_attr(path: &[Seg]) -> String {
    serde_json::to_string(path).unwrap_or_default()
}

fn child(path: &[Seg], seg: Seg) -> KeyPath {
    let mut out = path.to_vec();
    out.push(seg);
    out
}

fn key(k: &str) -> Seg {
    Seg::Key(k.to_owned())
}

impl Writer<'_> {
    fn tr(&self, id: &str, args: &[Arg]) -> String {
        tr(self.lang, id, args)
    }

    fn t(&self, id: &str) -> Html {
        Html::text(&self.tr(id, &[]))
    }

    /// The text of a scalar field as the form shows it.
    fn scalar(&self, path: &[Seg]) -> String {
        match self.value(path) {
            Some(Value::String(s)) => s.value().clone(),
            Some(Value::Integer(i)) => i.value().to_string(),
            Some(Value::Float(f)) => f.display_repr().trim().to_owned(),
            Some(Value::Datetime(d)) => d.value().to_string(),
            Some(other) => other.to_string().trim().to_owned(),
            None => String::new(),
        }
    }

    /// The value at `path`, if it is one.
    fn value(&self, path: &[Seg]) -> Option<&Value> {
        match lookup(self.doc, path)? {
            Node::Item(Item::Value(v)) | Node::Value(v) => Some(v),
            _ => None,
        }
    }

    fn strings(&self, path: &[Seg]) -> Vec<String> {
        match self.value(path) {
            Some(Value::Array(a)) => {
                a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// How many items the list at `path` has.
    fn count(&self, path: &[Seg]) -> usize {
        match lookup(self.doc, path) {
            Some(Node::Item(Item::ArrayOfTables(a))) => a.len(),
            Some(Node::Item(Item::Value(Value::Array(a)))) => a.len(),
            _ => 0,
        }
    }

    fn page(&self, name: &str, hash: &str) -> String {
        let headings = section_headings();
        let agency = self.scalar(&keys(&["agency", "name"]));
        let year = self.scalar(&keys(&["year"]));
        let title =
            self.tr("edit-page-title", &[arg("agency", &agency), arg("year", &year)]);
        let downloads = Html::element(
            "nav",
            [("class", "downloads"), ("aria-label", &self.tr("edit-downloads", &[]))],
            [
                Html::element(
                    "a",
                    [("href", "report.pdf"), ("download", ""), ("id", "download-pdf")],
                    [self.t("edit-download-pdf")],
                ),
                Html::element(
                    "a",
                    [("href", "report.docx"), ("download", ""), ("id", "download-docx")],
                    [self.t("edit-download-docx")],
                ),
                Html::element(
                    "a",
                    [("href", "report.html"), ("download", ""), ("id", "download-html")],
                    [self.t("edit-download-html")],
                ),
            ],
        );
        let header = Html::element(
            "header",
            [("class", "bar")],
            [
                Html::element("h1", [], [Html::text(&title)]),
                Html::element("p", [("class", "file")], [Html::text(name)]),
                Html::element(
                    "p",
                    [("id", "status"), ("role", "status"), ("aria-live", "polite")],
                    [],
                ),
                downloads,
            ],
        );
        let conflict = Html::element(
            "div",
            [("id", "conflict"), ("role", "alert"), ("hidden", "")],
            [
                Html::element("p", [], [self.t("edit-conflict")]),
                Html::element(
                    "button",
                    [("type", "button"), ("id", "reload")],
                    [self.t("edit-reload")],
                ),
            ],
        );
        let mut sections = vec![
            self.basics(),
            self.section(
                "preamble",
                &self.tr("edit-preamble", &[]),
                self.paragraphs(&keys(&["preamble"])),
            ),
        ];
        sections.push(self.overview(&headings[0]));
        let grids = outline::blank_statutory_grids();
        for (i, (table, grid)) in grids.iter().enumerate() {
            let id = ["table2", "table3", "table4"][i];
            let cells: Vec<usize> = table_cells(*table).collect();
            sections.push(self.section(id, &headings[i + 1], self.grid(grid, &cells)));
        }
        let problems = Html::concat([
            self.paragraphs(&keys(&["problems", "paragraphs"])),
            self.items(&keys(&ITEM_LISTS[0]), 1),
        ]);
        sections.push(self.section("problems", &headings[4], problems));
        let fees = keys(&["other_matters", "fees"]);
        let other = Html::concat([
            self.paragraphs(&keys(&["other_matters", "paragraphs"])),
            self.item(
                &fees,
                &format!("{}{}", numbering::label(2, 1), OtherMatters::FEES_TITLE),
                None,
            ),
            self.items(&keys(&ITEM_LISTS[1]), 2),
        ]);
        sections.push(self.section("other_matters", &headings[5], other));
        let form = Html::element("form", [("id", "form"), ("novalidate", "")], sections);
        let aside = Html::element(
            "aside",
            [],
            [
                Html::element(
                    "section",
                    [("id", "problems-box")],
                    [
                        Html::element("h2", [], [self.t("edit-problems")]),
                        Html::element("ul", [("id", "problem-list")], []),
                    ],
                ),
                self.placeholders(),
                Html::element(
                    "section",
                    [("id", "preview-box")],
                    [
                        Html::element("h2", [], [self.t("edit-preview")]),
                        Html::element(
                            "iframe",
                            [
                                ("id", "preview"),
                                ("src", "preview"),
                                ("sandbox", ""),
                                ("title", &self.tr("edit-preview", &[])),
                            ],
                            [],
                        ),
                    ],
                ),
            ],
        );
        let main = Html::element("main", [], [form, aside]);
        let script = Html::element("script", [("src", "edit.js")], []);
        // A new paragraph's fields, copied by the script.
        let template =
            Html::element("template", [("id", "para-template")], [self.paragraph("")]);
        let saving = self.tr("edit-saving", &[]);
        let none = self.tr("edit-no-problems", &[]);
        let body = Html::element(
            "body",
            [
                ("data-hash", hash),
                ("data-saving", saving.as_str()),
                ("data-none", none.as_str()),
            ],
            [header, conflict, main, template, script],
        );
        document(self.lang, &title, body)
    }

    fn section(&self, id: &'static str, heading: &str, content: Html) -> Html {
        Html::element(
            "section",
            [("id", id)],
            [Html::element("h2", [], [Html::text(heading)]), content],
        )
    }

    /// A field with its label and its messages.
    fn field(&self, label: &str, path: &[Seg], control: Html) -> Html {
        Html::element(
            "div",
            [("class", "field")],
            [
                Html::element(
                    "label",
                    [],
                    [Html::element("span", [], [Html::text(label)]), control],
                ),
                Html::element(
                    "ul",
                    [("class", "msgs"), ("data-for", &path_attr(path))],
                    [],
                ),
            ],
        )
    }

    fn input(
        &self,
        path: &[Seg],
        kind: &'static str,
        extra: &[(&'static str, &str)],
    ) -> Html {
        let value = self.scalar(path);
        let p = path_attr(path);
        let mut attrs: Vec<(&'static str, &str)> =
            vec![("type", kind), ("data-path", &p), ("value", &value)];
        attrs.extend_from_slice(extra);
        Html::void("input", attrs)
    }

    fn basics(&self) -> Html {
        let mut fields = Vec::new();
        for f in AGENCY_TEXTS {
            let path = keys(&["agency", f]);
            let label = self.tr(&format!("edit-field-{f}"), &[]);
            fields.push(self.field(
                &label,
                &path,
                self.input(&path, "text", &[("maxlength", "10000")]),
            ));
        }
        for (f, choices) in [("kind", &KINDS[..]), ("level", &LEVELS[..])] {
            let path = keys(&["agency", f]);
            let current = self.scalar(&path);
            let options = choices.iter().map(|c| {
                let text =
                    self.tr(&format!("cli-value-init-{f}-{}", c.replace('_', "-")), &[]);
                let mut attrs = vec![("value", *c)];
                if current == *c {
                    attrs.push(("selected", ""));
                }
                Html::element("option", attrs, [Html::text(&text)])
            });
            let p = path_attr(&path);
            let select = Html::element("select", [("data-path", p.as_str())], options);
            fields.push(self.field(
                &self.tr(&format!("edit-field-{f}"), &[]),
                &path,
                select,
            ));
        }
        let year = keys(&["year"]);
        fields.push(self.field(
            &self.tr("edit-field-year", &[]),
            &year,
            self.input(&year, "text", &[("inputmode", "numeric"), ("maxlength", "4")]),
        ));
        let date = keys(&["date"]);
        fields.push(self.field(
            &self.tr("edit-field-date", &[]),
            &date,
            self.input(&date, "date", &[]),
        ));
        self.section("basics", &self.tr("edit-basics", &[]), Html::concat(fields))
    }

    fn overview(&self, heading: &str) -> Html {
        let mut parts = vec![self.paragraphs(&keys(&["overview", "intro"]))];
        let people = self.scalar(&keys(&["agency", "kind"])) == KINDS[1];
        for (i, item) in OVERVIEW_ITEMS.iter().enumerate() {
            let path = keys(&["overview", item]);
            // 考核、评议和追究 is a people's government's only.
            if i == 5 && !people && lookup(self.doc, &path).is_none() {
                continue;
            }
            let number = format!("{}{}", numbering::label(2, i + 1), Overview::TITLES[i]);
            parts.push(self.item(&path, &number, None));
        }
        self.section("overview", heading, Html::concat(parts))
    }

    /// An item: its title and paragraphs, and the buttons of a list's item.
    fn item(&self, path: &[Seg], heading: &str, index: Option<usize>) -> Html {
        let title = child(path, key("title"));
        let mut parts = vec![
            Html::element("h3", [], [Html::text(heading)]),
            self.field(
                &self.tr("edit-item-title", &[]),
                &title,
                self.input(&title, "text", &[("maxlength", "10000")]),
            ),
            self.paragraphs(&child(path, key("paragraphs"))),
        ];
        if index.is_some() {
            parts.push(Html::element(
                "div",
                [("class", "tools")],
                [
                    self.button("item-up", "edit-up"),
                    self.button("item-down", "edit-down"),
                    self.button("item-remove", "edit-remove-item"),
                ],
            ));
        }
        let i = index.map(|i| i.to_string()).unwrap_or_default();
        Html::element("div", [("class", "item"), ("data-index", i.as_str())], parts)
    }

    fn button(&self, action: &'static str, label: &str) -> Html {
        Html::element(
            "button",
            [("type", "button"), ("data-action", action)],
            [self.t(label)],
        )
    }

    /// A list of numbered items, its numbers from `first` (六's follow the fees item).
    fn items(&self, path: &[Seg], first: usize) -> Html {
        let n = self.count(path);
        let mut parts: Vec<Html> = (0..n)
            .map(|i| {
                let heading = numbering::label(2, first + i);
                self.item(&child(path, Seg::Index(i)), &heading, Some(i))
            })
            .collect();
        parts.push(self.button("item-add", "edit-add-item"));
        let p = path_attr(path);
        Html::element("div", [("class", "items"), ("data-path", p.as_str())], parts)
    }

    /// A list of paragraphs: a text area each, to move, remove or add.
    fn paragraphs(&self, path: &[Seg]) -> Html {
        let texts = self.strings(path);
        let mut parts: Vec<Html> = texts.iter().map(|t| self.paragraph(t)).collect();
        parts.push(self.button("para-add", "edit-add-paragraph"));
        parts.push(Html::element(
            "ul",
            [("class", "msgs"), ("data-for", &path_attr(path))],
            [],
        ));
        let p = path_attr(path);
        Html::element("div", [("class", "paragraphs"), ("data-path", p.as_str())], parts)
    }

    fn paragraph(&self, text: &str) -> Html {
        Html::element(
            "div",
            [("class", "para")],
            [
                Html::element(
                    "textarea",
                    [
                        ("rows", "4"),
                        ("maxlength", "10000"),
                        ("aria-label", &self.tr("edit-paragraph", &[])),
                    ],
                    [Html::text(text)],
                ),
                Html::element(
                    "div",
                    [("class", "tools")],
                    [
                        self.button("para-up", "edit-up"),
                        self.button("para-down", "edit-down"),
                        self.button("para-remove", "edit-remove-paragraph"),
                    ],
                ),
                Html::element("p", [("class", "filled"), ("hidden", "")], []),
                Html::element("ul", [("class", "msgs")], []),
            ],
        )
    }

    /// A statutory table's form, its inputs holding the file's values.
    fn grid(&self, grid: &Grid, cells: &[usize]) -> Html {
        let cells: Vec<FormCell> = cells
            .iter()
            .map(|&index| {
                let statutory = &statutory_cells()[index];
                let path = self.keys.path(statutory);
                let value = self.scalar(&path);
                FormCell::new(index, &statutory.cell, path, value)
            })
            .collect();
        table_form(grid, &cells)
    }

    fn placeholders(&self) -> Html {
        let names = placeholders::all_names();
        let items = names.iter().map(|name| {
            let token = format!("{{{name}}}");
            Html::element(
                "li",
                [],
                [Html::element(
                    "button",
                    [("type", "button"), ("data-insert", token.as_str())],
                    [Html::text(&token)],
                )],
            )
        });
        Html::element(
            "section",
            [("id", "placeholders")],
            [
                Html::element("h2", [], [self.t("edit-placeholders")]),
                Html::element("p", [], [self.t("edit-placeholders-hint")]),
                Html::element("ul", [], items),
            ],
        )
    }
}

/// What a key path leads to in the file.
enum Node<'a> {
    Item(&'a Item),
    Table(&'a toml_edit::Table),
    Value(&'a Value),
}

/// The node at `path` in `doc`, through tables, lists of tables, inline tables and arrays.
fn lookup<'a>(doc: &'a DocumentMut, path: &[Seg]) -> Option<Node<'a>> {
    let mut node = Node::Item(doc.as_item());
    for seg in path {
        node = match (seg, node) {
            (Seg::Key(k), Node::Item(Item::Value(Value::InlineTable(t))))
            | (Seg::Key(k), Node::Value(Value::InlineTable(t))) => Node::Value(t.get(k)?),
            (Seg::Key(k), Node::Item(i)) => Node::Item(i.as_table_like()?.get(k)?),
            (Seg::Key(k), Node::Table(t)) => Node::Item(t.get(k)?),
            (Seg::Index(n), Node::Item(Item::ArrayOfTables(a))) => {
                Node::Table(a.get(*n)?)
            }
            (Seg::Index(n), Node::Item(Item::Value(Value::Array(a))))
            | (Seg::Index(n), Node::Value(Value::Array(a))) => Node::Value(a.get(*n)?),
            _ => return None,
        };
    }
    Some(node)
}

/// One value cell of a table as the form shows it.
#[derive(Debug, Clone)]
pub struct FormCell {
    /// Its `data-cell` number: the index the state's printed cells are keyed by.
    pub id: String,
    /// Its field in the data file.
    pub path: KeyPath,
    /// Its row and column labels, for a screen reader.
    pub label: String,
    /// The value in the file (empty when left out).
    pub value: String,
    /// What it holds.
    pub kind: ValueKind,
    /// Where the value comes from.
    pub source: Source,
    /// Whether the data may leave it out (a total, computed when blank).
    pub optional: bool,
}

impl FormCell {
    /// The form's cell for the catalogue's `cell`, number `id`, at `path`, holding `value`.
    pub fn new(id: usize, cell: &Cell, path: KeyPath, value: String) -> FormCell {
        FormCell {
            id: id.to_string(),
            path,
            label: cell.labels().join(" / "),
            value,
            kind: cell.kind,
            source: cell.source,
            optional: cell.optional(),
        }
    }
}

/// Any table derived with `#[derive(Table)]` as a form: its grid as every output lays it
/// out (labels, merges), and in each value cell, in the catalogue's order, an input (a
/// total the data may leave out shows its sum when blank), or, for a total that is only
/// computed, an output.
pub fn table_form(grid: &Grid, cells: &[FormCell]) -> Html {
    let mut values = value_cells(grid).zip(cells).map(|(_, c)| c);
    let mut rows = Vec::new();
    for r in 0..grid.rows {
        let mut tds = Vec::new();
        for c in grid.cells.iter().filter(|c| c.row == r) {
            let rowspan = c.rowspan.to_string();
            let colspan = c.colspan.to_string();
            let span = [("rowspan", rowspan.as_str()), ("colspan", colspan.as_str())];
            if c.kind == CellKind::Label {
                tds.push(Html::element("th", span, [Html::text(&c.text)]));
                continue;
            }
            let Some(cell) = values.next() else { continue };
            tds.push(form_cell(cell, span));
        }
        rows.push(Html::element("tr", [], tds));
    }
    let table = Html::element("table", [("class", "grid")], rows);
    Html::concat([
        Html::element("div", [("class", "table-wrap")], [table]),
        // The messages of the table's cells in full (each cell shows its rule).
        Html::element("ul", [("class", "table-msgs"), ("aria-live", "polite")], []),
    ])
}

fn form_cell(cell: &FormCell, span: [(&'static str, &str); 2]) -> Html {
    let p = path_attr(&cell.path);
    let content = if cell.source == Source::Computed {
        Html::element(
            "output",
            [("data-cell", cell.id.as_str()), ("aria-label", cell.label.as_str())],
            [],
        )
    } else {
        let mode = if cell.kind == ValueKind::Decimal { "decimal" } else { "numeric" };
        let class = if cell.optional { "total" } else { "count" };
        Html::void(
            "input",
            [
                ("type", "text"),
                ("inputmode", mode),
                ("class", class),
                ("data-path", p.as_str()),
                ("data-cell", cell.id.as_str()),
                ("value", cell.value.as_str()),
                ("aria-label", cell.label.as_str()),
                ("maxlength", "20"),
            ],
        )
    };
    let msgs = Html::element("ul", [("class", "msgs"), ("data-for", p.as_str())], []);
    Html::element("td", span, [content, msgs])
}

/// The example's report with a table of its own, for the test below.
#[cfg(test)]
#[allow(dead_code, reason = "the example's own main is not called")]
#[path = "../../../../examples/custom_table.rs"]
mod custom_table;

#[cfg(test)]
mod tests {
    use super::*;
    use report_core::table::Table as _;

    use super::custom_table;

    /// A report's own table (the example's 人大代表建议和政协提案办理情况, three header
    /// levels and row groups) makes a form like the statutory ones: its labels and merges
    /// as its grid has them, an input in each value cell with its labels, its stated
    /// 小计 and 总计 as totals computed when blank.
    #[test]
    fn a_reports_own_table_is_a_form_from_its_catalogue() {
        let report = custom_table::report_with_proposals();
        let item = report.other_matters.items.iter().find(|i| !i.tables.is_empty());
        let grid = &item.expect("the item with the table").tables[0];
        let catalogue = custom_table::Proposals::catalogue();
        let cells: Vec<FormCell> = catalogue
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let path = std::iter::once("proposals")
                    .chain(cell.fields.iter().copied())
                    .map(|k| Seg::Key(k.to_owned()))
                    .collect();
                FormCell::new(i, cell, path, String::new())
            })
            .collect();
        let html = scraper::Html::parse_fragment(table_form(grid, &cells).as_str());
        let select = |s: &str| scraper::Selector::parse(s).expect("a selector");
        let heads: Vec<String> =
            html.select(&select("th")).map(|e| e.text().collect()).collect();
        let labels: Vec<&str> = grid
            .cells
            .iter()
            .filter(|c| c.kind == CellKind::Label)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(heads, labels);
        let spans: Vec<(String, String)> = html
            .select(&select("th, td"))
            .map(|e| {
                let a = |n| e.value().attr(n).unwrap_or("").to_owned();
                (a("rowspan"), a("colspan"))
            })
            .collect();
        let grid_spans: Vec<(String, String)> = grid
            .cells
            .iter()
            .map(|c| (c.rowspan.to_string(), c.colspan.to_string()))
            .collect();
        assert_eq!(spans, grid_spans);
        let inputs: Vec<_> = html.select(&select("td > input, td > output")).collect();
        assert_eq!(inputs.len(), catalogue.len());
        for (input, cell) in inputs.iter().zip(&catalogue) {
            let label = input.value().attr("aria-label").unwrap_or("");
            assert_eq!(label, cell.labels().join(" / "));
            let total = input.value().attr("class") == Some("total");
            assert_eq!(total, cell.optional(), "{label}");
        }
        assert!(
            inputs.iter().any(|i| i
                .value()
                .attr("aria-label")
                .is_some_and(|l| l.ends_with("小计")))
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever a data file's texts hold (markup, quotes, ampersands, controls, any
        /// Unicode), the form shows them as text: each input's value and each text
        /// area's content reads back as written, and the page's only script is its own.
        #[test]
        fn any_text_of_the_file_is_text_in_the_form(
            name in "\\PC{0,40}",
            title in "[<>&\"'a-z/ =]{0,30}",
            paragraph in "\\PC{0,80}",
        ) {
            let mut doc: DocumentMut = include_str!("../../../../examples/data/wendeng_2023.toml")
                .parse()
                .expect("the seed's data file");
            doc["agency"]["name"] = toml_edit::value(name.as_str());
            doc["overview"]["platforms"]["title"] = toml_edit::value(title.as_str());
            let mut list = toml_edit::Array::new();
            list.push(paragraph.as_str());
            doc["preamble"] = toml_edit::value(list);
            let doc: DocumentMut = doc.to_string().parse().expect("TOML");
            let page = page(&doc, "0", "r.toml", Lang::Zh);
            let html = scraper::Html::parse_document(&page);
            let select = |s: &str| scraper::Selector::parse(s).expect("a selector");
            let value_of = |path: &str| {
                html.select(&select("input[data-path]"))
                    .find(|e| e.value().attr("data-path") == Some(path))
                    .and_then(|e| e.value().attr("value").map(str::to_owned))
            };
            proptest::prop_assert_eq!(value_of("[\"agency\",\"name\"]"), Some(name.clone()));
            proptest::prop_assert_eq!(
                value_of("[\"overview\",\"platforms\",\"title\"]"),
                Some(title.clone())
            );
            let first: Option<String> = html
                .select(&select("#preamble textarea"))
                .next()
                .map(|e| e.text().collect());
            // A text area drops one leading line feed, as HTML parsing does.
            let shown = paragraph.strip_prefix('\n').unwrap_or(&paragraph).to_owned();
            proptest::prop_assert_eq!(first, Some(shown));
            let scripts: Vec<_> = html.select(&select("script")).collect();
            proptest::prop_assert_eq!(scripts.len(), 1);
        }
    }
}
