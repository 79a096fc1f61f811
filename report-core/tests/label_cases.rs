//! One table of label cases read by both readers, a data file's ([`read_labels`]) and a
//! published page's ([`import`]): the same label must be read the same way by each (the
//! one resolver, `labels::resolve_label`), with the same rules reported, the same cells
//! read and the same cells unknown.

use std::collections::BTreeSet;

use crate::common::{at, fixture};
use report_core::html::{HtmlOptions, page};
use report_core::import::import;
use report_core::labelled::{LabelNode, read_labels, tables_to_labels};
use report_core::labels::{TABLE2_KEY, TABLE3_KEY};
use report_core::partial::Unknown;
use report_core::tables::Tables;
use report_core::{Diagnostic, Report, Rule};

/// A label written otherwise: where it keys a data file, and what is written instead.
struct Edit {
    /// The label paths it keys in a data file (table key first); a column header keys
    /// a cell under every row, as the page's one header cell stands over every row.
    paths: Vec<Vec<&'static str>>,
    /// The official label.
    from: &'static str,
    /// As written.
    to: &'static str,
}

/// A case: its edits, the rules both readers must report for them, and the official
/// label the edited ones must be read as (`None`: not read, the cells unknown).
struct Case {
    name: &'static str,
    edits: Vec<Edit>,
    rules: &'static [Rule],
    read_as: &'static [&'static str],
}

fn normative() -> Vec<&'static str> {
    vec![*TABLE2_KEY, "第二十条第（一）项", "行政规范性文件"]
}

fn cases() -> Vec<Case> {
    let rules_row = || vec![*TABLE2_KEY, "第二十条第（一）项", "规章"];
    let in_force = |row: Vec<&'static str>| [row, vec!["现行有效件数"]].concat();
    let secret =
        vec![*TABLE3_KEY, "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"];
    let enforcement = vec![*TABLE2_KEY, "第二十条第（六）项", "行政强制"];
    let penalties = vec![*TABLE2_KEY, "第二十条第（六）项", "行政处罚"];
    let normative_2019 =
        || Edit {
            paths: vec![normative()], from: "行政规范性文件", to: "规范性文件"
        };
    let misspelt_column = || Edit {
        paths: vec![in_force(rules_row()), in_force(normative())],
        from: "现行有效件数",
        to: "先行有效件数",
    };
    vec![
        Case {
            name: "the 2019 name of a row with one 2021 counterpart",
            edits: vec![normative_2019()],
            rules: &[Rule::Format2019],
            read_as: &["行政规范性文件"],
        },
        Case {
            name: "a column header one edit from an official one",
            edits: vec![misspelt_column()],
            rules: &[Rule::Label],
            read_as: &["现行有效件数"],
        },
        Case {
            name: "both: the misspelt column under the 2019 row",
            edits: vec![misspelt_column(), normative_2019()],
            rules: &[Rule::Format2019, Rule::Label],
            read_as: &["行政规范性文件", "现行有效件数"],
        },
        Case {
            name: "a row label spaced otherwise",
            edits: vec![Edit {
                paths: vec![penalties],
                from: "行政处罚",
                to: "行政处 罚",
            }],
            rules: &[Rule::LabelVariant],
            read_as: &["行政处罚"],
        },
        Case {
            name: "a row label one edit from an official one",
            edits: vec![Edit {
                paths: vec![secret],
                from: "1.属于国家秘密",
                to: "1.属于国家泌密",
            }],
            rules: &[Rule::Label],
            read_as: &["1.属于国家秘密"],
        },
        Case {
            name: "a 2019 row with no 2021 counterpart",
            edits: vec![Edit {
                paths: vec![enforcement.clone()],
                from: "行政强制",
                to: "政府集中采购",
            }],
            rules: &[Rule::Format2019, Rule::Cells],
            read_as: &[],
        },
        Case {
            name: "a row label nothing like an official one",
            edits: vec![Edit {
                paths: vec![enforcement],
                from: "行政强制",
                to: "天气预报",
            }],
            rules: &[Rule::Label, Rule::Cells],
            read_as: &[],
        },
    ]
}

/// The label-reading rules, as both readers report them: (rule, expected) pairs.
fn label_rules(diagnostics: impl IntoIterator<Item = Diagnostic>) -> BTreeSet<Rule> {
    diagnostics
        .into_iter()
        .map(|d| d.rule)
        .filter(|r| {
            matches!(r, Rule::Format2019 | Rule::Label | Rule::LabelVariant | Rule::Cells)
        })
        .collect()
}

/// The labels each diagnostic says a label was read as.
fn read_as(diagnostics: &[Diagnostic]) -> BTreeSet<String> {
    diagnostics
        .iter()
        .filter(|d| d.rule != Rule::Cells)
        .filter_map(|d| d.expected.clone())
        .collect()
}

/// The unknown cells, by their label paths.
fn unknown_cells(unknown: &Unknown) -> BTreeSet<String> {
    fn walk(node: &LabelNode, path: &mut Vec<String>, out: &mut BTreeSet<String>) {
        match node {
            LabelNode::Map(entries) => {
                for (k, v) in entries {
                    path.push(k.clone());
                    walk(v, path, out);
                    path.pop();
                }
            }
            LabelNode::Number(n) | LabelNode::Text(n)
                if n.parse::<f64>().is_ok_and(|v| v != 0.0) =>
            {
                out.insert(path.join(" / "));
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(&tables_to_labels(unknown.mask()), &mut Vec::new(), &mut out);
    out
}

/// The tables as a data file keys them, without the stated totals the page reader
/// leaves to be computed: the values the two readers must agree on.
fn values(tables: &Tables) -> LabelNode {
    let mut t = tables.clone();
    for (_, row) in report_core::labels::application_rows_mut(&mut t.applications) {
        row.stated_total = None;
    }
    t.applications.results.stated_total = None;
    let r = &mut t.reviews_and_lawsuits;
    for o in [&mut r.review, &mut r.lawsuits_direct, &mut r.lawsuits_after_review] {
        o.stated_total = None;
    }
    tables_to_labels(&t)
}

fn tables_of(r: &Report) -> Tables {
    Tables {
        active_disclosure: r.active_disclosure.clone(),
        applications: r.applications.clone(),
        reviews_and_lawsuits: r.reviews_and_lawsuits.clone(),
    }
}

#[test]
fn each_label_case_is_read_the_same_way_by_the_data_file_and_the_page_readers() {
    let real = fixture().reports.remove(1);
    let clean_tree = real.tables.clone();
    let report = real.report();
    let clean_page = page(&report, &HtmlOptions::default());
    let clean_tables = read_labels(&clean_tree);
    assert!(clean_tables.diagnostics.is_empty(), "{:#?}", clean_tables.diagnostics);
    let clean_import = import(clean_page.as_bytes()).expect("the page");
    let clean_problems = clean_import.problems.iter().map(|p| p.diagnostic.clone());
    assert!(label_rules(clean_problems).is_empty(), "{:#?}", clean_import.problems);
    for case in cases() {
        let mut tree = clean_tree.clone();
        let mut html = clean_page.clone();
        for edit in &case.edits {
            for path in &edit.paths {
                let (last, parent) = path.split_last().expect("a path");
                assert_eq!(*last, edit.from, "{}", case.name);
                let LabelNode::Map(entries) = at(&mut tree, parent) else { panic!() };
                let entry = entries.iter_mut().find(|(k, _)| k == last).expect(last);
                entry.0 = edit.to.to_owned();
            }
            let official = format!(">{}<", edit.from);
            assert!(
                html.contains(&official),
                "{}: the page prints {}",
                case.name,
                edit.from
            );
            html = html.replacen(&official, &format!(">{}<", edit.to), 1);
        }
        let file = read_labels(&tree);
        let imported = import(html.as_bytes()).expect("the page");
        let page_diagnostics: Vec<Diagnostic> =
            imported.problems.iter().map(|p| p.diagnostic.clone()).collect();

        let want: BTreeSet<Rule> = case.rules.iter().copied().collect();
        assert_eq!(
            label_rules(file.diagnostics.clone()),
            want,
            "{}: data file {:#?}",
            case.name,
            file.diagnostics
        );
        assert_eq!(
            label_rules(page_diagnostics.clone()),
            want,
            "{}: page {page_diagnostics:#?}",
            case.name
        );

        let unknown_file = unknown_cells(&file.unknown);
        let unknown_page = unknown_cells(&imported.unknown());
        assert_eq!(unknown_file, unknown_page, "{}: the same cells unknown", case.name);
        if case.read_as.is_empty() {
            assert!(
                !unknown_file.is_empty(),
                "{}: the row's cells are unknown",
                case.name
            );
        } else {
            let want: BTreeSet<String> =
                case.read_as.iter().map(|s| s.to_string()).collect();
            assert_eq!(read_as(&file.diagnostics), want, "{}: data file", case.name);
            assert_eq!(read_as(&page_diagnostics), want, "{}: page", case.name);
            assert!(unknown_file.is_empty(), "{}: {unknown_file:?}", case.name);
            // Read as the official labels: every value as in the clean report.
            assert_eq!(
                values(&file.tables),
                values(&clean_tables.tables),
                "{}",
                case.name
            );
            assert_eq!(
                values(&tables_of(&imported.report)),
                values(&clean_tables.tables),
                "{}",
                case.name
            );
        }
    }
}

/// The rules of a data file whose 2019 row is read as its 2021 row run on its cells: a
/// stock that does not chain with last year's is S-CONT, and a misspelt column under it
/// is still LABEL.
#[test]
fn the_rules_run_on_a_2019_row_read_as_its_2021_row() {
    let real = fixture().reports.remove(1);
    let mut tree = real.tables.clone();
    let row = at(&mut tree, &normative()[..2]);
    let LabelNode::Map(entries) = row else { panic!() };
    entries.iter_mut().find(|(k, _)| k == "行政规范性文件").expect("the row").0 =
        "规范性文件".into();
    let read = read_labels(&tree);
    let last_year = real.report();
    let mut this_year = last_year.clone();
    this_year.year += 1;
    this_year.active_disclosure = read.tables.active_disclosure.clone();
    // Last year's stock one more than this year's issued/repealed/in-force allows.
    let mut previous = last_year.clone();
    previous.active_disclosure.normative_documents.in_force =
        this_year.active_disclosure.normative_documents.in_force
            - this_year.active_disclosure.normative_documents.issued
            + this_year.active_disclosure.normative_documents.repealed
            + 1;
    let found = report_core::validate::validate_partial(
        &this_year,
        &read.unknown,
        Some((&previous, &Unknown::none())),
    );
    assert!(
        found.iter().any(|d| d.rule == Rule::StockContinuity
            && d.location.to_string().contains("行政规范性文件")),
        "{found:#?}"
    );
    assert!(
        read.diagnostics.iter().any(|d| d.rule == Rule::Format2019),
        "{:#?}",
        read.diagnostics
    );
}
