//! The three statutory tables, read back from the Typst code they generate, equal
//! `official-grid.json` cell for cell: size, positions, spans, labels and value cells.
//!
//! The markup is parsed by a small parser of the code subset the builder writes, and the
//! cells are placed the way Typst places them: left to right, top to bottom, each in the
//! next slot no earlier cell covers. What is checked is what Typst receives.

use std::collections::BTreeMap;

use report_core::table::{CellKind, Grid, Table};
use report_core::{
    ActiveDisclosure, ApplicantCounts, Applications, Decimal, DocumentCounts, Outcomes,
    ReviewsAndLawsuits,
};
use serde_json::Value as Json;

// ------------------------------------------------------------------ a Typst code parser

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Str(String),
    Int(i64),
    /// Anything else kept as its source: `center + horizon`, `1.5em`, `none`.
    Raw(String),
    Array(Vec<Expr>),
    Call {
        name: String,
        args: Vec<(Option<String>, Expr)>,
    },
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser { src: text.as_bytes(), text, pos: 0 }
    }

    fn ws(&mut self) {
        while self.pos < self.src.len() && self.src[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.src.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) {
        assert_eq!(
            self.peek(),
            Some(c),
            "expected {:?} at {}: {}",
            c as char,
            self.pos,
            &self.text[self.pos..]
        );
        self.pos += 1;
    }

    fn string(&mut self) -> String {
        self.eat(b'"');
        let mut out = String::new();
        let mut chars = self.text[self.pos..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.pos += i + 1;
                    return out;
                }
                '\\' => match chars.next().expect("escape").1 {
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    'u' => {
                        let rest: String = chars
                            .by_ref()
                            .take_while(|&(_, c)| c != '}')
                            .map(|(_, c)| c)
                            .collect();
                        let hex = rest.trim_start_matches('{');
                        out.push(
                            char::from_u32(u32::from_str_radix(hex, 16).unwrap())
                                .unwrap(),
                        );
                    }
                    other => panic!("unknown escape \\{other}"),
                },
                c => out.push(c),
            }
        }
        panic!("unterminated string");
    }

    fn word(&mut self) -> String {
        self.ws();
        let start = self.pos;
        while self.pos < self.src.len()
            && (self.src[self.pos].is_ascii_alphanumeric()
                || b"._-%".contains(&self.src[self.pos]))
        {
            self.pos += 1;
        }
        assert!(self.pos > start, "expected a word at {}", &self.text[start..]);
        self.text[start..self.pos].to_owned()
    }

    fn expr(&mut self) -> Expr {
        let first = self.atom();
        if self.peek() == Some(b'+') {
            // A label kept together after its ordinal: `"（三）" + box("不予公开")`,
            // read as the text it shows.
            if let Expr::Str(mut text) = first {
                while self.peek() == Some(b'+') {
                    self.pos += 1;
                    match self.atom() {
                        Expr::Str(s) => text.push_str(&s),
                        Expr::Call { name, args } if name == "box" && args.len() == 1 => {
                            let (None, Expr::Str(s)) = &args[0] else {
                                panic!("box of {args:?}")
                            };
                            text.push_str(s);
                        }
                        other => panic!("`+` {other:?} after a string"),
                    }
                }
                return Expr::Str(text);
            }
            let mut raw = match first {
                Expr::Raw(r) => r,
                other => panic!("`+` after {other:?}"),
            };
            while self.peek() == Some(b'+') {
                self.pos += 1;
                raw.push_str(" + ");
                raw.push_str(&self.word());
            }
            return Expr::Raw(raw);
        }
        first
    }

    fn atom(&mut self) -> Expr {
        match self.peek().expect("an expression") {
            b'"' => Expr::Str(self.string()),
            b'(' => {
                self.pos += 1;
                let mut items = Vec::new();
                let mut comma = false;
                while self.peek() != Some(b')') {
                    items.push(self.expr());
                    if self.peek() == Some(b',') {
                        self.pos += 1;
                        comma = true;
                    }
                }
                self.pos += 1;
                // `(x)` is x in parentheses; `(x,)` and `(x, y)` are arrays.
                if items.len() == 1 && !comma {
                    items.pop().expect("one item")
                } else {
                    Expr::Array(items)
                }
            }
            _ => {
                let w = self.word();
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    let mut args = Vec::new();
                    while self.peek() != Some(b')') {
                        let save = self.pos;
                        let name = if self.peek().is_some_and(|c| c.is_ascii_alphabetic())
                        {
                            let w = self.word();
                            if self.peek() == Some(b':') {
                                self.pos += 1;
                                Some(w)
                            } else {
                                self.pos = save;
                                None
                            }
                        } else {
                            None
                        };
                        args.push((name, self.expr()));
                        if self.peek() == Some(b',') {
                            self.pos += 1;
                        }
                    }
                    self.pos += 1;
                    Expr::Call { name: w, args }
                } else if let Ok(n) = w.parse::<i64>() {
                    Expr::Int(n)
                } else {
                    Expr::Raw(w)
                }
            }
        }
    }
}

/// A cell as Typst places it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placed {
    row: usize,
    col: usize,
    rowspan: usize,
    colspan: usize,
    text: String,
    header: bool,
}

struct Parsed {
    columns: usize,
    rows: usize,
    cells: Vec<Placed>,
}

fn named<'e>(args: &'e [(Option<String>, Expr)], key: &str) -> Option<&'e Expr> {
    args.iter().find(|(k, _)| k.as_deref() == Some(key)).map(|(_, v)| v)
}

/// Parses `table(...)` and places its cells as Typst's automatic placement does.
fn place(code: &str) -> Parsed {
    let mut p = Parser::new(code);
    let Expr::Call { name, args } = p.expr() else { panic!("not a call: {code}") };
    assert_eq!(p.peek(), None, "trailing code");
    assert_eq!(name, "table");
    let columns = match named(&args, "columns").expect("columns") {
        Expr::Int(n) => *n as usize,
        Expr::Array(items) => items.len(),
        other => panic!("columns {other:?}"),
    };
    let mut cells: Vec<(Expr, bool)> = Vec::new();
    let mut seen_body = false;
    for (key, arg) in &args {
        if key.is_some() {
            continue;
        }
        match arg {
            Expr::Call { name, args } if name == "table.header" => {
                assert!(!seen_body, "table.header after body cells");
                cells.extend(args.iter().map(|(k, e)| {
                    assert!(k.is_none());
                    (e.clone(), true)
                }));
            }
            // A header cell outside the header rows (a row label, a block's head) is a
            // cell wrapped for the PDF's tags: the cell itself is its first argument.
            Expr::Call { name, args } if name == "pdf.header-cell" => {
                seen_body = true;
                let cell = args.iter().find(|(k, _)| k.is_none()).expect("the cell");
                cells.push((cell.1.clone(), false));
            }
            other => {
                seen_body = true;
                cells.push((other.clone(), false));
            }
        }
    }
    let mut occupied: Vec<Vec<bool>> = Vec::new();
    let mut placed = Vec::new();
    let mut cursor = 0usize;
    for (cell, header) in cells {
        let Expr::Call { name, args } = cell else { panic!("not a cell: {cell:?}") };
        assert_eq!(name, "table.cell");
        let int = |k| {
            named(&args, k).map_or(1, |e| match e {
                Expr::Int(n) => *n as usize,
                other => panic!("{k}: {other:?}"),
            })
        };
        let (colspan, rowspan) = (int("colspan"), int("rowspan"));
        assert!(named(&args, "x").is_none() && named(&args, "y").is_none());
        let Some((None, Expr::Str(text))) = args.first().cloned() else {
            panic!("a cell's body is a string literal: {args:?}")
        };
        // The next slot, row-major, that is free and where the cell fits in the row.
        loop {
            let (r, c) = (cursor / columns, cursor % columns);
            while occupied.len() <= r {
                occupied.push(vec![false; columns]);
            }
            if !occupied[r][c] && c + colspan <= columns {
                break;
            }
            cursor += 1;
        }
        let (row, col) = (cursor / columns, cursor % columns);
        while occupied.len() < row + rowspan {
            occupied.push(vec![false; columns]);
        }
        for (r, slots) in occupied.iter_mut().enumerate().skip(row).take(rowspan) {
            for (c, slot) in slots.iter_mut().enumerate().skip(col).take(colspan) {
                assert!(!*slot, "cell {text:?} overlaps at {r},{c}");
                *slot = true;
            }
        }
        placed.push(Placed { row, col, rowspan, colspan, text, header });
    }
    for (r, row) in occupied.iter().enumerate() {
        for (c, &o) in row.iter().enumerate() {
            assert!(o, "hole at row {r}, column {c}");
        }
    }
    Parsed { columns, rows: occupied.len(), cells: placed }
}

// ------------------------------------------------------------------ the official grids

fn official(section: &str) -> Json {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/official-grid.json"
    ));
    let all: Json = serde_json::from_str(text).unwrap();
    all["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["section"].as_str().unwrap().starts_with(section))
        .unwrap_or_else(|| panic!("no official table {section}"))
        .clone()
}

/// Checks the placed markup against the official grid; `values` maps each value cell's
/// position to the text that must be printed there.
fn assert_official(
    section: &str,
    code: &str,
    header_rows: usize,
    values: &BTreeMap<(usize, usize), String>,
) {
    let t = official(section);
    let parsed = place(code);
    assert_eq!(parsed.rows as u64, t["rows"].as_u64().unwrap(), "{section}: rows");
    assert_eq!(
        parsed.columns as u64,
        t["columns"].as_u64().unwrap(),
        "{section}: columns"
    );
    let cells = t["cells"].as_array().unwrap();
    assert_eq!(parsed.cells.len(), cells.len(), "{section}: number of cells");
    let mut value_cells = 0;
    for want in cells {
        let (row, col) = (
            want["row"].as_u64().unwrap() as usize,
            want["col"].as_u64().unwrap() as usize,
        );
        let got = parsed
            .cells
            .iter()
            .find(|c| c.row == row && c.col == col)
            .unwrap_or_else(|| panic!("{section}: no cell at {row},{col}"));
        assert_eq!(
            (got.rowspan as u64, got.colspan as u64),
            (want["rowspan"].as_u64().unwrap(), want["colspan"].as_u64().unwrap()),
            "{section}: spans of the cell at {row},{col} ({:?})",
            got.text
        );
        if let Some(label) = want["label"].as_str() {
            assert_eq!(got.text, label, "{section}: label at {row},{col}");
        } else {
            assert_eq!(want["value"], Json::Bool(true));
            value_cells += 1;
            let expected = values.get(&(row, col)).unwrap_or_else(|| {
                panic!("{section}: test gives no value for {row},{col}")
            });
            assert_eq!(&got.text, expected, "{section}: value at {row},{col}");
        }
        assert_eq!(
            got.header,
            row < header_rows,
            "{section}: cell at {row},{col} in table.header"
        );
    }
    assert_eq!(value_cells, values.len(), "{section}: value cells");
}

/// The grid the trait exposes agrees with the official one too (and tiles its grid).
fn assert_grid_matches(section: &str, grid: &Grid) {
    grid.check().unwrap();
    let t = official(section);
    assert_eq!(u64::from(grid.rows), t["rows"].as_u64().unwrap());
    assert_eq!(u64::from(grid.columns), t["columns"].as_u64().unwrap());
    let cells = t["cells"].as_array().unwrap();
    assert_eq!(grid.cells.len(), cells.len());
    for want in cells {
        let c = grid
            .cell_at(
                want["row"].as_u64().unwrap() as u32,
                want["col"].as_u64().unwrap() as u32,
            )
            .unwrap();
        assert_eq!(u64::from(c.rowspan), want["rowspan"].as_u64().unwrap());
        assert_eq!(u64::from(c.colspan), want["colspan"].as_u64().unwrap());
        match want["label"].as_str() {
            Some(label) => {
                assert_eq!(c.kind, CellKind::Label);
                assert_eq!(c.text, label);
            }
            None => assert_eq!(c.kind, CellKind::Value),
        }
    }
}

// ------------------------------------------------------------------ data with distinct values

fn counts(seed: u64) -> ApplicantCounts {
    ApplicantCounts::from_parts([seed, seed + 1, seed + 2, seed + 3, seed + 4, seed + 5])
}

fn applications() -> Applications {
    let mut a = Applications {
        received: counts(100),
        carried_over: counts(200),
        carried_forward: counts(300),
        ..Applications::default()
    };
    let r = &mut a.results;
    r.disclosed = counts(1_000);
    r.partially_disclosed = counts(2_000);
    r.withheld.state_secrets = counts(3_000);
    r.withheld.third_party_rights = counts(3_100);
    r.withheld.inquiry_matters = counts(3_700);
    r.unavailable.still_unclear = counts(4_200);
    r.not_processed.confirmation = counts(5_400);
    r.other_handling.fee_unpaid = counts(6_100);
    // A stated 总计 that differs from the computed one is printed as stated.
    r.other_handling.other =
        ApplicantCounts { stated_total: Some(999_999), ..counts(6_200) };
    a
}

#[test]
fn section_2_markup_equals_the_official_grid() {
    let t = ActiveDisclosure {
        rules: DocumentCounts { issued: 1, repealed: 2, in_force: 3 },
        normative_documents: DocumentCounts { issued: 4, repealed: 5, in_force: 6 },
        licensing: 7,
        penalties: 3_985_758,
        enforcement: 9,
        fees: "24252.311082".parse::<Decimal>().unwrap(),
    };
    let values: BTreeMap<(usize, usize), String> = [
        ((2, 1), "1"),
        ((2, 2), "2"),
        ((2, 3), "3"),
        ((3, 1), "4"),
        ((3, 2), "5"),
        ((3, 3), "6"),
        ((6, 1), "7"),
        ((9, 1), "3985758"),
        ((10, 1), "9"),
        ((13, 1), "24252.311082"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect();
    assert_official("二、", t.grid().to_code().as_str(), 0, &values);
    assert_grid_matches("二、", &t.grid());
}

/// The text each value cell of section 三 must print, by position.
fn section_3_values(a: &Applications) -> BTreeMap<(usize, usize), String> {
    let r = &a.results;
    let total = r.total();
    let mut rows: Vec<&ApplicantCounts> = vec![&a.received, &a.carried_over];
    rows.extend(r.rows());
    rows.push(&total);
    rows.push(&a.carried_forward);
    let mut values = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        for (j, v) in row.printed().iter().enumerate() {
            values.insert((3 + i, 3 + j), v.to_string());
        }
    }
    values
}

#[test]
fn section_3_markup_equals_the_official_grid() {
    let a = applications();
    let values = section_3_values(&a);
    assert_eq!(values[&(25, 9)], "999999", "the stated 总计 is printed");
    assert_official("三、", a.grid().to_code().as_str(), 3, &values);
    assert_grid_matches("三、", &a.grid());
}

#[test]
fn section_3_prints_a_stated_grand_total_as_stated() {
    let mut a = applications();
    let stated = counts(77_000);
    a.results.stated_total = Some(stated);
    let placed = place(a.grid().to_code().as_str());
    let row: Vec<&str> = placed
        .cells
        .iter()
        .filter(|c| c.row == 26 && c.col >= 3)
        .map(|c| c.text.as_str())
        .collect();
    let expected: Vec<String> = stated.printed().iter().map(u64::to_string).collect();
    assert_eq!(row, expected);
    assert_ne!(a.results.computed_total(), stated);
}

#[test]
fn section_4_markup_equals_the_official_grid() {
    let t = ReviewsAndLawsuits {
        review: Outcomes {
            upheld: 1,
            corrected: 2,
            other: 3,
            pending: 4,
            stated_total: None,
        },
        lawsuits_direct: Outcomes {
            stated_total: Some(50),
            ..Outcomes {
                upheld: 11,
                corrected: 12,
                other: 13,
                pending: 14,
                stated_total: None,
            }
        },
        lawsuits_after_review: Outcomes {
            upheld: 21,
            corrected: 22,
            other: 23,
            pending: 24,
            stated_total: None,
        },
    };
    let printed: Vec<u64> = [t.review, t.lawsuits_direct, t.lawsuits_after_review]
        .iter()
        .flat_map(|o| o.printed())
        .collect();
    assert_eq!(printed[9], 50);
    let values =
        printed.iter().enumerate().map(|(i, v)| ((3, i), v.to_string())).collect();
    assert_official("四、", t.grid().to_code().as_str(), 3, &values);
    assert_grid_matches("四、", &t.grid());
}

/// The top-level arguments of a `table(...)` call: named options and cells, each as its
/// source text (strings and nested calls kept whole).
fn table_args(code: &str) -> Vec<&str> {
    let inner = code
        .strip_prefix("table(")
        .and_then(|c| c.strip_suffix(')'))
        .expect("a table call");
    let (mut args, mut depth, mut in_str, mut escaped, mut start) =
        (Vec::new(), 0usize, false, false, 0usize);
    for (i, c) in inner.char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                args.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    args.push(inner[start..].trim());
    args.retain(|a| !a.is_empty());
    args
}

/// `assert_official` on `code` with the correct values of `a`: the panic message if it
/// fails, `None` if it passes.
fn official_failure(code: &str, a: &Applications) -> Option<String> {
    let values = section_3_values(a);
    std::panic::catch_unwind(|| assert_official("三、", code, 3, &values)).err().map(
        |panic| {
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default()
        },
    )
}

#[test]
fn the_placement_simulation_catches_a_displaced_cell() {
    // Guards the test itself: with the right values, the markup as generated passes; the
    // same markup with exactly one cell moved fails, and fails on where a cell landed.
    let a = applications();
    let code = a.grid().to_code().into_string();
    assert_eq!(official_failure(&code, &a), None, "the unchanged markup passes");
    let args = table_args(&code);
    let rebuilt = |args: &[&str]| format!("table({})", args.join(", "));
    assert_eq!(
        official_failure(&rebuilt(&args), &a),
        None,
        "split and joined, it passes"
    );

    // A row label moved behind its row's seven values: the same cells, in the wrong slots.
    let label = args
        .iter()
        .position(|c| c.contains(r#"table.cell("（二）部分公开"#))
        .expect("the row label of （二）部分公开");
    let mut moved = args.clone();
    let cell = moved.remove(label);
    moved.insert(label + 7, cell);
    let failure = official_failure(&rebuilt(&moved), &a).expect("a moved label fails");
    assert!(failure.contains("at 6,1"), "fails where the label should be: {failure}");

    // A value moved one slot to the right, past its neighbour.
    let value = label + 1;
    assert!(args[value].starts_with(r#"table.cell("2000""#), "{}", args[value]);
    let mut moved = args.clone();
    moved.swap(value, value + 1);
    let failure = official_failure(&rebuilt(&moved), &a).expect("a moved value fails");
    assert!(
        failure.contains("value at 6,3"),
        "fails at the first moved value: {failure}"
    );
}

#[test]
fn the_label_paths_of_data_files_are_the_derived_section_3_labels_in_order() {
    use report_core::labels::{APPLICATION_ROW_PATHS, TOTAL_ROW_LABEL};
    // `labels` spells section 三's row labels out for data files; the derive on
    // `Applications` is the source of truth. Every label of every path is a label cell
    // of the derived grid, and the rows' own labels come in the grid's order.
    let grid = applications().grid();
    let mut cells: Vec<_> = grid
        .cells
        .iter()
        .filter(|c| c.kind == CellKind::Label && c.row >= grid.header_rows)
        .collect();
    cells.sort_by_key(|c| (c.row, c.col));
    let labels: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
    for path in APPLICATION_ROW_PATHS.iter() {
        for label in path.iter() {
            assert!(
                labels.contains(label),
                "{label} is not a label of the derived table"
            );
        }
    }
    let mut leaves: Vec<&str> =
        APPLICATION_ROW_PATHS.iter().map(|p| p[p.len() - 1]).collect();
    leaves.insert(leaves.len() - 1, TOTAL_ROW_LABEL);
    let in_grid: Vec<&str> =
        labels.iter().copied().filter(|l| leaves.contains(l)).collect();
    assert_eq!(in_grid, leaves);
}
