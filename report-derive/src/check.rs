//! Cross-field checks of a parsed table: which keys fit which struct and field, and
//! header groups that would overlap or leave holes.

use syn::{GenericArgument, PathArguments, Type};

use crate::ast::{Container, Ctxt, Field, Kind, Role};

/// Records every misuse of a parsed table.
pub fn check(cx: &mut Ctxt, c: &Container<'_>) {
    if c.attrs.kind.is_none() {
        cx.error_spanned_by(
            c.ident,
            "missing `#[table(row)]` or `#[table(rows)]`: say whether the fields are the \
             columns of one row or the rows of a block",
        );
    }
    if c.fields.iter().all(|f| f.role() == crate::ast::Role::Skip) {
        cx.error_spanned_by(
            c.ident,
            "a table needs at least one field that is not skipped",
        );
    }
    for f in &c.fields {
        check_roles(cx, f);
    }
    match c.kind() {
        Kind::Row => check_row(cx, c),
        Kind::Rows => check_rows(cx, c),
    }
}

/// The name of a field for messages.
fn name(f: &Field<'_>) -> String {
    match &f.member {
        syn::Member::Named(i) => format!("`{i}`"),
        syn::Member::Unnamed(i) => format!("field {}", i.index),
    }
}

/// At most one of the flags that decide a field's role.
fn check_roles(cx: &mut Ctxt, f: &Field<'_>) {
    let a = &f.attrs;
    let keys = [
        a.skip.as_ref(),
        a.nested.as_ref(),
        a.with.as_ref().map(|w| &w.key),
        a.total.as_ref(),
        a.value.as_ref(),
    ];
    let mut given = keys.into_iter().flatten();
    if let Some(first) = given.next() {
        for other in given {
            cx.error_spanned_by(
                other,
                format!("`{other}` cannot be combined with `{first}` on one field"),
            );
        }
    }
}

fn needs_label(cx: &mut Ctxt, f: &Field<'_>, what: &str) {
    if f.attrs.label.is_none() {
        let at: &dyn quote::ToTokens = match &f.original.ident {
            Some(ident) => ident,
            None => f.ty,
        };
        cx.error_spanned_by(
            at,
            format!("missing `label = \"…\"` on {}: {what}", name(f)),
        );
    }
}

fn check_row(cx: &mut Ctxt, c: &Container<'_>) {
    if let Some(k) = &c.attrs.corner {
        cx.error_spanned_by(
            &k.key,
            "`corner` needs label columns: it is for `#[table(rows)]` structs",
        );
    }
    if let Some(k) = &c.attrs.label_align {
        cx.error_spanned_by(
            &k.key,
            "`label_align` is for the row labels of `#[table(rows)]` structs",
        );
    }
    for f in &c.fields {
        let a = &f.attrs;
        for (key, _) in [
            (a.block.as_ref().map(|k| &k.key), ()),
            (a.corner.as_ref().map(|k| &k.key), ()),
            (a.head.as_ref().map(|k| &k.key), ()),
            (a.value.as_ref(), ()),
        ] {
            if let Some(key) = key {
                cx.error_spanned_by(
                    key,
                    format!("`{key}` is for the fields of a `#[table(rows)]` struct, not of a row"),
                );
            }
        }
        match f.role() {
            Role::Plain | Role::With => {
                needs_label(cx, f, "every value column needs a header label")
            }
            Role::Total => {
                needs_label(cx, f, "every value column needs a header label");
                if option_inner(f.ty).is_none() {
                    cx.error_spanned_by(
                        f.ty,
                        "a `total` field is an `Option`: `Some` prints the stated total, \
                         `None` the sum of the row's other values",
                    );
                }
                if !c.fields.iter().any(|s| s.role() == Role::Plain) {
                    cx.error_spanned_by(
                        f.attrs.total.as_ref(),
                        "a `total` needs other value fields in its row to sum",
                    );
                }
            }
            Role::Nested => {
                if let Some(k) = &a.colspan {
                    cx.error_spanned_by(
                        &k.key,
                        "a `nested` row is as wide as its own columns; `colspan` is for value cells",
                    );
                }
            }
            Role::Skip | Role::Value => {}
        }
    }
    // A header group over columns that are not adjacent would have to overlap the
    // columns between them, or leave a hole under itself.
    let mut closed: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for f in c.fields.iter().filter(|f| f.role() != Role::Skip) {
        let group = f.attrs.group.as_ref().map(|g| g.value.key());
        if group != current {
            if let Some(done) = current.take() {
                closed.push(done);
            }
            if let (Some(g), Some(lit)) = (&group, &f.attrs.group)
                && closed.contains(g)
            {
                cx.error_spanned_by(
                    &lit.value,
                    format!(
                        "group \"{g}\" is split by other columns: its header cell would \
                         overlap them; put the group's fields next to each other"
                    ),
                );
            }
            current = group;
        }
    }
}

fn check_rows(cx: &mut Ctxt, c: &Container<'_>) {
    let first = c.fields.iter().find(|f| f.role() != Role::Skip);
    if let Some(first) = first {
        if let Some(with) = &first.attrs.with {
            cx.error_spanned_by(
                &with.key,
                "the first row decides the table's columns, so it cannot be computed by `with`",
            );
        }
        if first.attrs.block.is_some() {
            for key in
                [c.attrs.corner.as_ref(), c.attrs.head.as_ref()].into_iter().flatten()
            {
                cx.error_spanned_by(
                    &key.key,
                    format!(
                        "`{}` is unused: the first row opens a `block`, so the table has no \
                         header of its own; give the block its own `corner`",
                        key.key
                    ),
                );
            }
        }
    }
    for f in &c.fields {
        let a = &f.attrs;
        if let Some(k) = &a.group {
            cx.error_spanned_by(
                &k.key,
                "`group` merges column headers: it is for `#[table(row)]` fields",
            );
        }
        if let Some(k) = &a.total {
            cx.error_spanned_by(
                k,
                "`total` is a column of a `#[table(row)]`; a total row is `with = path`",
            );
        }
        let role = f.role();
        if role != Role::Skip {
            needs_label(cx, f, "every row needs its row label");
        }
        if let Some(k) = &a.colspan
            && role != Role::Value
        {
            cx.error_spanned_by(
                &k.key,
                "`colspan` sets the width of a `value` row's cell; other rows are as wide \
                 as their type's columns",
            );
        }
        if a.block.is_none() {
            for key in [a.corner.as_ref(), a.head.as_ref()].into_iter().flatten() {
                cx.error_spanned_by(
                    &key.key,
                    format!("`{}` belongs to a `block`", key.key),
                );
            }
        } else if role == Role::Value && a.head.is_none() {
            cx.error_spanned_by(
                a.block.as_ref().map(|b| &b.key),
                "a block opened by a `value` row needs `head = \"…\"`: the label over its value \
                 column, or the header row would leave a hole",
            );
        } else if role != Role::Value
            && let Some(h) = &a.head
        {
            cx.error_spanned_by(
                &h.key,
                "`head` is for blocks opened by a `value` row; other rows take the header \
                 of their type",
            );
        }
    }
}

/// `T` of an `Option<T>` written as such.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    match args.args.first()? {
        GenericArgument::Type(t) if args.args.len() == 1 => Some(t),
        _ => None,
    }
}
