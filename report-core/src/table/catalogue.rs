//! The catalogue of a derived table: every value cell with its official labels, the path
//! of its Rust field and its kind, in grid order.
//!
//! `#[derive(Table)]` writes the walk that fills it ([`Table::catalogue`]), from the same
//! attributes that lay the table out, so the labels a data file is keyed by, the English
//! field names, the row and column lists and the places diagnostics name all come from
//! the one declaration of the table.
//!
//! What a cell's labels are, from the attributes:
//!
//! - `row` labels ([`Cell::row`]): a `block` title, then each row label from the
//!   outermost `nested` group in.
//! - `column` labels ([`Cell::column`]): the column header as printed, from the top: the
//!   table's `head`, a `group`, a `nested` field's label, the leaf label (or, for a
//!   `value` row, its block's `head`).
//! - `keys` ([`Cell::keys`]): the labels that key the cell in a data file. They are the
//!   row labels and the column labels, less the headings that only group columns
//!   printed side by side: the table's `head` (申请人情况) and a `group` over single
//!   columns (法人或其他组织). A `group` over `nested` rows (行政诉讼) is a key.
//!
//! [`Table::catalogue`]: super::Table::catalogue

/// What a cell holds, from its field's type ([`super::CellValue::KIND`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A whole number (a count).
    Integer,
    /// An exact decimal (the fee in 万元).
    Decimal,
    /// Text.
    Text,
}

/// Where a cell's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// A field of the data, always given.
    Data,
    /// A total that the data may state (`Some`, then checked) or leave out (`None`,
    /// then computed from its parts): a `total` field or a `with` field of `Option`
    /// type.
    StatedOrComputed,
    /// Computed only (`with` on a field that does not hold the value): not in the data.
    Computed,
}

/// One value cell of a table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cell {
    /// The row labels, outermost first (empty for a table that is one row).
    pub row: Vec<&'static str>,
    /// The column header labels, top first.
    pub column: Vec<&'static str>,
    /// The labels that key the cell in a data file, outermost first.
    pub keys: Vec<&'static str>,
    /// The path of Rust field names from the table's struct to the value.
    pub fields: Vec<&'static str>,
    /// What it holds.
    pub kind: ValueKind,
    /// Where its value comes from.
    pub source: Source,
    /// Inside a row that the data may state or leave out as a whole (a `with` row of
    /// `Option` type, e.g. （七）总计): how many of [`Cell::keys`] name that row.
    pub stated_row: Option<usize>,
}

impl Cell {
    /// The row labels, then the column labels: the cell as a reader finds it.
    pub fn labels(&self) -> Vec<&'static str> {
        self.row.iter().chain(&self.column).copied().collect()
    }

    /// Whether the data may leave it out: a stated total, or a cell of a total row the
    /// data may leave out as a whole.
    pub fn optional(&self) -> bool {
        self.source != Source::Data || self.stated_row.is_some()
    }
}

/// The state of the generated walk over a table's declaration.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct Walk {
    row: Vec<&'static str>,
    column: Vec<&'static str>,
    keys: Vec<&'static str>,
    fields: Vec<&'static str>,
    source: Option<Source>,
    stated_row: Option<usize>,
    cells: Vec<Cell>,
}

/// Where a walk stood before entering a row or a group of columns.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    row: usize,
    column: usize,
    keys: usize,
    fields: usize,
    source: Option<Source>,
    stated_row: Option<usize>,
}

fn merge(outer: Option<Source>, inner: Source) -> Source {
    match (outer, inner) {
        (Some(Source::Computed), _) | (_, Source::Computed) => Source::Computed,
        (Some(Source::StatedOrComputed), _) | (_, Source::StatedOrComputed) => {
            Source::StatedOrComputed
        }
        _ => Source::Data,
    }
}

impl Walk {
    /// A walk over a table whose `head` (if any) is printed over all its value columns.
    pub fn new(head: Option<&'static str>) -> Walk {
        Walk { column: head.into_iter().collect(), ..Walk::default() }
    }

    fn mark(&self) -> Mark {
        Mark {
            row: self.row.len(),
            column: self.column.len(),
            keys: self.keys.len(),
            fields: self.fields.len(),
            source: self.source,
            stated_row: self.stated_row,
        }
    }

    /// Enters a row of a `rows` struct: its block title (if it opens or continues one),
    /// its label and its field.
    pub fn enter_row(
        &mut self,
        block: Option<&'static str>,
        label: &'static str,
        field: &'static str,
        source: Source,
    ) -> Mark {
        let mark = self.mark();
        for l in block.into_iter().chain([label]) {
            self.row.push(l);
            self.keys.push(l);
        }
        self.fields.push(field);
        match source {
            Source::StatedOrComputed => {
                self.stated_row = self.stated_row.or(Some(self.keys.len()));
            }
            _ => self.source = Some(merge(self.source, source)),
        }
        mark
    }

    /// Enters the columns of a `nested` field of a `row` struct: its group and its label
    /// head its columns and key them.
    pub fn enter_columns(
        &mut self,
        group: Option<&'static str>,
        label: Option<&'static str>,
        field: &'static str,
    ) -> Mark {
        let mark = self.mark();
        for l in group.into_iter().chain(label) {
            self.column.push(l);
            self.keys.push(l);
        }
        self.fields.push(field);
        mark
    }

    /// Goes back to where [`Walk::enter_row`] or [`Walk::enter_columns`] was called.
    pub fn leave(&mut self, mark: Mark) {
        self.row.truncate(mark.row);
        self.column.truncate(mark.column);
        self.keys.truncate(mark.keys);
        self.fields.truncate(mark.fields);
        self.source = mark.source;
        self.stated_row = mark.stated_row;
    }

    /// A value cell: its column `group` (a heading only), its column label, its field
    /// (`None` for a `value` row, whose field is the row's).
    pub fn cell(
        &mut self,
        group: Option<&'static str>,
        label: Option<&'static str>,
        field: Option<&'static str>,
        kind: ValueKind,
        source: Source,
    ) {
        let mut column = self.column.clone();
        column.extend(group.into_iter().chain(label));
        let mut keys = self.keys.clone();
        keys.extend(label);
        let mut fields = self.fields.clone();
        fields.extend(field);
        self.cells.push(Cell {
            row: self.row.clone(),
            column,
            keys,
            fields,
            kind,
            source: merge(self.source, source),
            stated_row: self.stated_row,
        });
    }

    /// The cells walked, in grid order.
    pub fn finish(self) -> Vec<Cell> {
        self.cells
    }
}

/// The kind of value a `with` function returns (the generated code names no type).
#[doc(hidden)]
pub fn kind_of<S, V: super::CellValue>(_: impl Fn(&S) -> V) -> ValueKind {
    V::KIND
}

/// Walks the columns of the row a `with` function returns.
#[doc(hidden)]
pub fn row_cells_of<S, R: super::Row>(_: impl Fn(&S) -> R, walk: &mut Walk) {
    R::__cells(walk);
}
