//! Properties over many generated reports: validation never panics, whatever the numbers
//! and the text in any of its text fields; an unprintable character in any text field is
//! named by rule TEXT; totals computed from parts never break a total rule; a stated
//! total is an error exactly when it differs from its parts; label trees with anything
//! at any depth are read without a panic.

use crate::common;

use proptest::prelude::*;
use report_core::fields::fields;
use report_core::labelled::{LabelNode, tables_from_labels, tables_to_labels};
use report_core::labels::application_rows_mut;
use report_core::validate::is_unprintable;
use report_core::{ApplicantCounts, Item, Outcomes, Report, Rule, Table, validate};

/// A table of the user's own, with a text cell.
#[derive(Table)]
#[table(row, head = "建议提案办理情况")]
struct Proposals {
    #[table(label = "人大代表建议")]
    deputies: u64,
    #[table(label = "备注")]
    note: String,
}

/// The built report with text wherever a report can hold it: items at levels 2, 3 and 4,
/// items of several paragraphs, paragraphs before the items of 六, and a table of the
/// user's own with a text cell.
fn rich_report() -> Report {
    let mut r = common::built_report();
    let p = |t: &str| vec![t.to_owned()];
    let o = &mut r.overview.active_disclosure;
    o.paragraphs.push("第二段。".into());
    let mut level3 = Item::new("工作机制", ["机制。".to_owned(), "细化。".to_owned()]);
    level3.items.push(Item::new("具体措施", p("措施。")));
    o.items.push(level3);
    r.problems.items[0].paragraphs.push("再改进。".into());
    r.other_matters.paragraphs = p("其他事项如下。");
    r.other_matters.fees.paragraphs.push("依法收费。".into());
    r.other_matters.items.insert(
        0,
        Item::new("建议提案办理情况", p("办理如下表。"))
            .with_table(&Proposals { deputies: 1, note: "已办结".into() }),
    );
    r
}

/// Every text the report holds, mutably: the agency's name and contacts, the preamble,
/// and each section's paragraphs and items at every level with their titles, paragraphs
/// and table cells.
fn texts_mut(report: &mut Report) -> Vec<&mut String> {
    fn walk<'a>(item: &'a mut Item, out: &mut Vec<&'a mut String>) {
        out.push(&mut item.title);
        out.extend(item.paragraphs.iter_mut());
        for table in &mut item.tables {
            out.extend(table.cells.iter_mut().map(|c| &mut c.text));
        }
        for sub in &mut item.items {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    let a = &mut report.agency;
    out.extend([&mut a.name, &mut a.address, &mut a.telephone, &mut a.website]);
    out.extend(report.preamble.iter_mut());
    let o = &mut report.overview;
    out.extend(o.intro.iter_mut());
    for i in [
        &mut o.active_disclosure,
        &mut o.disclosure_on_request,
        &mut o.information_management,
        &mut o.platforms,
        &mut o.oversight,
    ] {
        walk(i, &mut out);
    }
    if let Some(i) = &mut o.assessment {
        walk(i, &mut out);
    }
    out.extend(report.problems.paragraphs.iter_mut());
    for i in &mut report.problems.items {
        walk(i, &mut out);
    }
    let m = &mut report.other_matters;
    out.extend(m.paragraphs.iter_mut());
    walk(&mut m.fees, &mut out);
    for i in &mut m.items {
        walk(i, &mut out);
    }
    out
}

/// The number of text fields of [`rich_report`].
fn field_count() -> usize {
    texts_mut(&mut rich_report()).len()
}

#[test]
fn the_generated_texts_reach_every_text_field_the_report_has() {
    // Each field gets a marker of its own; every text the validator walks must be one,
    // so no field is left out of the properties below.
    let mut report = rich_report();
    for (i, slot) in texts_mut(&mut report).into_iter().enumerate() {
        *slot = format!("字段{i}");
    }
    // The printed texts (the ones with a role), as the renderer checks them.
    let fields: Vec<_> =
        fields(&report).into_iter().filter(|f| f.role.is_some()).collect();
    for f in &fields {
        assert!(
            f.text.unwrap_or("").starts_with("字段"),
            "{} is not reached: {:?}",
            f.location,
            f.text
        );
    }
    // (1 to 3 are the agency's contacts, checked by the validator but not printed.)
    for i in (0..field_count()).filter(|i| !(1..4).contains(i)) {
        let marker = format!("字段{i}");
        assert!(
            fields.iter().any(|f| f.text == Some(marker.as_str())),
            "{marker} is walked"
        );
    }
    // Items at levels 2, 3 and 4, and a table cell, are among them.
    for level in ["/ 1.", "/ （1）", "/ 表1 /"] {
        assert!(fields.iter().any(|f| f.location.to_string().contains(level)), "{level}");
    }
}

/// Text of any kind, sometimes with an unprintable character in it.
fn any_text() -> impl Strategy<Value = String> {
    const UNPRINTABLE: &[char] = &[
        '\n',
        '\r',
        '\t',
        '\u{0}',
        '\u{7}',
        '\u{1b}',
        '\u{7f}',
        '\u{85}',
        '\u{ad}',
        '\u{200b}',
        '\u{200d}',
        '\u{200e}',
        '\u{202e}',
        '\u{2028}',
        '\u{2066}',
        '\u{feff}',
        '\u{e0041}',
    ];
    (".{0,8}", proptest::option::of(proptest::sample::select(UNPRINTABLE)), ".{0,8}")
        .prop_map(|(a, c, b)| {
            format!("{a}{}{b}", c.map(String::from).unwrap_or_default())
        })
}

fn count() -> impl Strategy<Value = u64> {
    prop_oneof![0..50u64, Just(u64::MAX), Just(u64::MAX - 1), any::<u64>()]
}

fn row() -> impl Strategy<Value = ApplicantCounts> {
    (proptest::array::uniform6(count()), proptest::option::of(count())).prop_map(
        |(parts, stated_total)| ApplicantCounts {
            stated_total,
            ..ApplicantCounts::from_parts(parts)
        },
    )
}

fn outcomes() -> impl Strategy<Value = Outcomes> {
    (proptest::array::uniform4(count()), proptest::option::of(count())).prop_map(
        |([upheld, corrected, other, pending], stated_total)| Outcomes {
            upheld,
            corrected,
            other,
            pending,
            stated_total,
        },
    )
}

fn report() -> impl Strategy<Value = Report> {
    (
        proptest::collection::vec(row(), 24),
        proptest::option::of(row()),
        proptest::array::uniform3(outcomes()),
        proptest::collection::vec(any_text(), 1..field_count() + 1),
        -5..5i32,
    )
        .prop_map(|(rows, total, [a, b, c], texts, shift)| {
            let mut report = rich_report();
            // Every text field gets a generated text (the list repeats if it is short).
            for (slot, text) in
                texts_mut(&mut report).into_iter().zip(texts.iter().cycle())
            {
                *slot = text.clone();
            }
            for ((_, slot), row) in
                application_rows_mut(&mut report.applications).into_iter().zip(rows)
            {
                *slot = row;
            }
            report.applications.results.stated_total = total;
            report.reviews_and_lawsuits.review = a;
            report.reviews_and_lawsuits.lawsuits_direct = b;
            report.reviews_and_lawsuits.lawsuits_after_review = c;
            report.year += shift;
            report
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn validation_never_panics(report in report(), shift in -2..3i32, forward in row()) {
        // Last year's report: this one, on another year, with other numbers.
        let mut previous = report.clone();
        previous.year = report.year.saturating_sub(shift);
        previous.applications.carried_forward = forward;
        previous.active_disclosure.rules.in_force = forward.natural_persons;
        let _ = validate(&report, Some(&previous));
        let _ = validate(&report, None);
    }

    #[test]
    fn an_unprintable_character_in_any_text_field_is_named_by_rule_text(
        field in 0..field_count(),
        text in any_text(),
    ) {
        let mut report = rich_report();
        prop_assert!(validate(&report, None).iter().all(|d| d.rule != Rule::Text));
        *texts_mut(&mut report).swap_remove(field) = text.clone();
        let named = validate(&report, None).into_iter().filter(|d| d.rule == Rule::Text).count();
        let unprintable = text.chars().any(is_unprintable);
        prop_assert_eq!(named, usize::from(unprintable), "field {} holding {:?}", field, text);
    }

    #[test]
    fn totals_computed_from_parts_never_break_a_total_rule(report in report()) {
        let mut report = report;
        for (_, row) in application_rows_mut(&mut report.applications) {
            row.stated_total = None;
            // Keep sums within u64, as real counts are.
            for part in [&mut row.natural_persons, &mut row.businesses, &mut row.others] {
                *part %= 1_000_000;
            }
            row.research_institutions %= 1_000_000;
            row.public_interest_organizations %= 1_000_000;
            row.legal_service_providers %= 1_000_000;
        }
        report.applications.results.stated_total = None;
        for o in [
            &mut report.reviews_and_lawsuits.review,
            &mut report.reviews_and_lawsuits.lawsuits_direct,
            &mut report.reviews_and_lawsuits.lawsuits_after_review,
        ] {
            *o = Outcomes {
                upheld: o.upheld % 1000,
                corrected: o.corrected % 1000,
                other: o.other % 1000,
                pending: o.pending % 1000,
                stated_total: None,
            };
        }
        let rules: Vec<Rule> = validate(&report, None).into_iter().map(|d| d.rule).collect();
        for rule in [Rule::T3B, Rule::T3C, Rule::T4A, Rule::T4B, Rule::T4C] {
            prop_assert!(!rules.contains(&rule), "{rule} in {rules:?}");
        }
    }

    #[test]
    fn a_stated_review_total_is_an_error_exactly_when_it_differs(
        parts in proptest::array::uniform4(0..1000u64),
        stated in 0..4000u64,
    ) {
        let mut report = common::built_report();
        report.reviews_and_lawsuits.review =
            Outcomes {
                upheld: parts[0],
                corrected: parts[1],
                other: parts[2],
                pending: parts[3],
                stated_total: Some(stated),
            };
        let t4a = validate(&report, None).into_iter().filter(|d| d.rule == Rule::T4A).count();
        prop_assert_eq!(t4a == 1, stated != parts.iter().sum::<u64>());
    }

    #[test]
    fn any_label_tree_reads_without_panicking(edits in proptest::collection::vec(edit(), 0..8)) {
        let mut tables = tables_to_labels(&common::built_tables());
        for edit in &edits {
            apply(&mut tables, edit);
        }
        match tables_from_labels(&tables) {
            Ok(_) => {}
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
    }
}

/// A label tree of anything: numbers (valid and not), text, booleans, null, lists, and
/// maps of official or random labels, a few levels deep.
fn label_node() -> impl Strategy<Value = LabelNode> {
    let leaf = prop_oneof![
        any::<i64>().prop_map(|n| LabelNode::Number(n.to_string())),
        any::<u64>().prop_map(|n| LabelNode::Number(n.to_string())),
        any::<f64>().prop_map(|n| LabelNode::Number(format!("{n:?}"))),
        Just(LabelNode::Number("184467440737095516160".into())),
        ".{0,6}".prop_map(LabelNode::Text),
        any::<bool>().prop_map(LabelNode::Bool),
        Just(LabelNode::Null),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(LabelNode::List),
            proptest::collection::vec((label(), inner), 0..4).prop_map(LabelNode::Map),
        ]
    })
}

/// A key: an official label (as written, or with a stray space or full-width variant
/// nearby), a key beside the tables, or anything.
fn label() -> impl Strategy<Value = String> {
    let official: Vec<String> = {
        let mut out = Vec::new();
        collect_keys(&tables_to_labels(&common::built_tables()), &mut out);
        out.sort();
        out.dedup();
        out
    };
    prop_oneof![
        3 => proptest::sample::select(official.clone()),
        1 => proptest::sample::select(official).prop_map(|k| format!(" {k}")),
        1 => Just("_meta".to_owned()),
        2 => ".{0,6}",
    ]
}

fn collect_keys(node: &LabelNode, out: &mut Vec<String>) {
    if let LabelNode::Map(entries) = node {
        for (k, v) in entries {
            out.push(k.clone());
            collect_keys(v, out);
        }
    }
}

/// One change somewhere in a label tree: the path picks a map at some depth (each step an
/// index into the entries of the map reached so far), then an entry is added, replaced,
/// removed or duplicated there.
#[derive(Debug, Clone)]
struct Edit {
    path: Vec<usize>,
    action: u8,
    key: String,
    node: LabelNode,
}

fn edit() -> impl Strategy<Value = Edit> {
    (proptest::collection::vec(any::<usize>(), 0..5), 0u8..4, label(), label_node())
        .prop_map(|(path, action, key, node)| Edit { path, action, key, node })
}

fn apply(tree: &mut LabelNode, edit: &Edit) {
    // The maps on the way, chosen on a shared borrow first.
    let mut indices = Vec::new();
    let mut here = &*tree;
    for &step in &edit.path {
        let LabelNode::Map(entries) = here else { break };
        if entries.is_empty() {
            break;
        }
        let i = step % entries.len();
        if !matches!(entries[i].1, LabelNode::Map(_)) {
            break;
        }
        indices.push(i);
        here = &entries[i].1;
    }
    let mut here = tree;
    for i in indices {
        let LabelNode::Map(entries) = here else { return };
        here = &mut entries[i].1;
    }
    let LabelNode::Map(entries) = here else { return };
    let at = edit.path.last().copied().unwrap_or(0) % entries.len().max(1);
    match edit.action {
        0 => entries.push((edit.key.clone(), edit.node.clone())),
        1 if !entries.is_empty() => entries[at].1 = edit.node.clone(),
        2 if !entries.is_empty() => {
            entries.remove(at);
        }
        3 if !entries.is_empty() => {
            let copy = entries[at].clone();
            entries.push(copy);
        }
        _ => entries.push((edit.key.clone(), edit.node.clone())),
    }
}
