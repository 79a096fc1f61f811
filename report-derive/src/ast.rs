//! The internal model of a table struct: what the attributes said, with their tokens for spans.

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::fmt::Display;
use syn::{ExprPath, Ident, LitInt, LitStr, Member, Type};

/// Collects every error of one derive, so that all are reported at once (serde's `Ctxt`).
#[derive(Default)]
pub struct Ctxt {
    errors: Vec<syn::Error>,
}

impl Ctxt {
    /// Records an error at a token.
    pub fn error_spanned_by<T: quote::ToTokens, M: Display>(
        &mut self,
        tokens: T,
        message: M,
    ) {
        self.errors.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records a parse error as it is.
    pub fn syn_error(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// All errors combined into one, or `Ok` if there were none.
    pub fn check(self) -> Result<(), syn::Error> {
        let mut errors = self.errors.into_iter();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        for e in errors {
            first.combine(e);
        }
        Err(first)
    }
}

/// Whether the struct is a row of columns or a block of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `#[table(row)]`: fields are value columns, left to right.
    Row,
    /// `#[table(rows)]`: fields are labelled rows, top to bottom.
    Rows,
}

/// A cell alignment as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `"center"`.
    Center,
    /// `"left"`.
    Left,
}

/// A label as written: a string literal, or the path of a `&'static str` constant (so
/// that a label two tables share is written once).
#[derive(Clone)]
pub enum Text {
    /// `label = "总计"`.
    Lit(LitStr),
    /// `label = TOTAL`.
    Path(ExprPath),
}

impl Text {
    /// What identifies the text for comparison: the literal's value, or the path.
    pub fn key(&self) -> String {
        match self {
            Text::Lit(l) => l.value(),
            Text::Path(p) => p.to_token_stream().to_string(),
        }
    }
}

impl ToTokens for Text {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            Text::Lit(l) => l.to_tokens(tokens),
            Text::Path(p) => p.to_tokens(tokens),
        }
    }
}

/// An attribute value with the token of its key, for spans.
#[derive(Clone)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// The key's ident (`label`, `colspan`, …).
    pub key: Ident,
}

/// The struct-level `#[table(...)]`.
#[derive(Default)]
pub struct ContainerAttrs {
    /// `row` or `rows`.
    pub kind: Option<Spanned<Kind>>,
    /// `corner = "…"`.
    pub corner: Option<Spanned<Text>>,
    /// `head = "…"`.
    pub head: Option<Spanned<Text>>,
    /// `widths("1fr", …)`.
    pub widths: Option<Spanned<Vec<LitStr>>>,
    /// `label_align = "left"`.
    pub label_align: Option<Spanned<Align>>,
    /// `crate = "path::to::report_core"`: where the generated code finds report_core
    /// (for a crate that uses it through a re-export).
    pub krate: Option<Spanned<syn::Path>>,
}

/// A field-level `#[table(...)]`.
#[derive(Default)]
pub struct FieldAttrs {
    /// `label = "…"`.
    pub label: Option<Spanned<Text>>,
    /// `group = "…"`.
    pub group: Option<Spanned<Text>>,
    /// `colspan = n`.
    pub colspan: Option<Spanned<LitInt>>,
    /// `with = path`.
    pub with: Option<Spanned<ExprPath>>,
    /// `total`.
    pub total: Option<Ident>,
    /// `nested`.
    pub nested: Option<Ident>,
    /// `value`.
    pub value: Option<Ident>,
    /// `skip`.
    pub skip: Option<Ident>,
    /// `align = "…"`.
    pub align: Option<Spanned<Align>>,
    /// `block = "…"`.
    pub block: Option<Spanned<Text>>,
    /// `corner = "…"`.
    pub corner: Option<Spanned<Text>>,
    /// `head = "…"`.
    pub head: Option<Spanned<Text>>,
}

/// One field with its attributes.
pub struct Field<'a> {
    /// How to reach it from `self`.
    pub member: Member,
    /// Its type, for trait paths and spans.
    pub ty: &'a Type,
    /// The whole field, for spans.
    pub original: &'a syn::Field,
    /// Its attributes.
    pub attrs: FieldAttrs,
}

/// The struct with its attributes and fields.
pub struct Container<'a> {
    /// The struct's name.
    pub ident: &'a Ident,
    /// The struct-level attributes.
    pub attrs: ContainerAttrs,
    /// The fields in order.
    pub fields: Vec<Field<'a>>,
}

impl Container<'_> {
    /// The kind, `Row` if it was not given (an error then was already reported).
    pub fn kind(&self) -> Kind {
        self.attrs.kind.as_ref().map_or(Kind::Row, |k| k.value)
    }
}

/// What a field contributes, decided by its attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Left out.
    Skip,
    /// A nested derived struct.
    Nested,
    /// A value computed by `with = path` from the struct.
    With,
    /// A `total` cell: stated `Some`, else the sum of its sibling values.
    Total,
    /// In a `rows` struct: one row holding one value (`value`).
    Value,
    /// The default: a value cell (in a row) or a row (in a block of rows).
    Plain,
}

impl Field<'_> {
    /// The field's role.
    pub fn role(&self) -> Role {
        let a = &self.attrs;
        if a.skip.is_some() {
            Role::Skip
        } else if a.nested.is_some() {
            Role::Nested
        } else if a.with.is_some() {
            Role::With
        } else if a.total.is_some() {
            Role::Total
        } else if a.value.is_some() {
            Role::Value
        } else {
            Role::Plain
        }
    }
}
