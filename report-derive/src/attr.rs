//! Parsing of `#[table(...)]` attributes into the model: strict keys, every mistake recorded.

use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Data, DeriveInput, Fields, Ident, LitInt, LitStr, Member, Token};

use crate::ast::{
    Align, Container, ContainerAttrs, Ctxt, Field, FieldAttrs, Kind, Spanned, Text,
};

const CONTAINER_KEYS: &str =
    "`row`, `rows`, `corner`, `head`, `widths`, `label_align`, `crate`";
const FIELD_KEYS: &str = "`label`, `group`, `colspan`, `with`, `total`, `nested`, `value`, \
                          `skip`, `align`, `block`, `corner`, `head`";

/// Reads the struct and its attributes. Returns `None` when the input is no struct.
pub fn parse<'a>(cx: &mut Ctxt, input: &'a DeriveInput) -> Option<Container<'a>> {
    let fields = match &input.data {
        Data::Struct(s) => &s.fields,
        Data::Enum(e) => {
            cx.error_spanned_by(e.enum_token, "`Table` can only be derived for a struct");
            return None;
        }
        Data::Union(u) => {
            cx.error_spanned_by(
                u.union_token,
                "`Table` can only be derived for a struct",
            );
            return None;
        }
    };
    if !input.generics.params.is_empty() {
        cx.error_spanned_by(&input.generics, "a `Table` struct cannot be generic");
    }
    let attrs = container_attrs(cx, input);
    let fields = match fields {
        Fields::Named(f) => f.named.iter().collect::<Vec<_>>(),
        Fields::Unnamed(f) => f.unnamed.iter().collect(),
        Fields::Unit => Vec::new(),
    };
    let fields = fields
        .into_iter()
        .enumerate()
        .map(|(i, f)| Field {
            member: match &f.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(i.into()),
            },
            ty: &f.ty,
            original: f,
            attrs: field_attrs(cx, f),
        })
        .collect();
    Some(Container { ident: &input.ident, attrs, fields })
}

/// Sets a once-only attribute, recording a duplicate at its key.
fn set_once<T>(cx: &mut Ctxt, slot: &mut Option<Spanned<T>>, key: &Ident, value: T) {
    if slot.is_some() {
        cx.error_spanned_by(key, format!("duplicate table attribute `{key}`"));
    } else {
        *slot = Some(Spanned { value, key: key.clone() });
    }
}

/// Sets a once-only flag, recording a duplicate at its key.
fn set_flag(cx: &mut Ctxt, slot: &mut Option<Ident>, key: &Ident) {
    if slot.is_some() {
        cx.error_spanned_by(key, format!("duplicate table attribute `{key}`"));
    } else {
        *slot = Some(key.clone());
    }
}

/// Skips what follows an unknown key (`= expr` or `(…)`), so parsing goes on.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in meta.input);
    }
    Ok(())
}

fn key_of(meta: &ParseNestedMeta<'_>) -> syn::Result<Ident> {
    meta.path
        .get_ident()
        .cloned()
        .ok_or_else(|| meta.error("expected a table attribute name"))
}

fn lit_str(meta: &ParseNestedMeta<'_>) -> syn::Result<LitStr> {
    meta.value()?.parse::<LitStr>()
}

/// A label: a string literal, or the path of a `&'static str` constant.
fn text(meta: &ParseNestedMeta<'_>) -> syn::Result<Text> {
    let input = meta.value()?;
    if input.peek(LitStr) {
        input.parse().map(Text::Lit)
    } else {
        input.parse().map(Text::Path).map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected a string literal or the path of a `&str` constant",
            )
        })
    }
}

fn align(cx: &mut Ctxt, lit: &LitStr) -> Align {
    match lit.value().as_str() {
        "center" => Align::Center,
        "left" => Align::Left,
        _ => {
            cx.error_spanned_by(
                lit,
                "unknown alignment: expected \"center\" or \"left\"",
            );
            Align::Center
        }
    }
}

fn container_attrs(cx: &mut Ctxt, input: &DeriveInput) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("table")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_of(&meta)?;
            match key.to_string().as_str() {
                "row" | "rows" => {
                    let kind = if key == "row" { Kind::Row } else { Kind::Rows };
                    if let Some(previous) = &out.kind {
                        let message = if previous.value == kind {
                            format!("duplicate table attribute `{key}`")
                        } else {
                            "a table struct is either `row` or `rows`, not both".to_owned()
                        };
                        cx.error_spanned_by(&key, message);
                    } else {
                        out.kind = Some(Spanned { value: kind, key });
                    }
                }
                "corner" => set_once(cx, &mut out.corner, &key, text(&meta)?),
                "head" => set_once(cx, &mut out.head, &key, text(&meta)?),
                "crate" => {
                    let lit = lit_str(&meta)?;
                    match lit.parse::<syn::Path>() {
                        Ok(path) => set_once(cx, &mut out.krate, &key, path),
                        Err(_) => cx.error_spanned_by(
                            &lit,
                            "expected the path of report_core, e.g. \"my_crate::report_core\"",
                        ),
                    }
                }
                "label_align" => {
                    let lit = lit_str(&meta)?;
                    let a = align(cx, &lit);
                    set_once(cx, &mut out.label_align, &key, a);
                }
                "widths" => {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    let list = content.parse_terminated(
                        |input: ParseStream<'_>| input.parse::<LitStr>(),
                        Token![,],
                    )?;
                    let widths: Vec<LitStr> = list.into_iter().collect();
                    for w in &widths {
                        if !is_width(&w.value()) {
                            cx.error_spanned_by(
                                w,
                                "not a column width: expected `auto` or a number with \
                                 pt, mm, cm, in, em, fr or %, e.g. \"1fr\" or \"3.4em\"",
                            );
                        }
                    }
                    if widths.is_empty() {
                        cx.error_spanned_by(&key, "`widths` needs one width per column");
                    }
                    set_once(cx, &mut out.widths, &key, widths);
                }
                other => {
                    cx.error_spanned_by(
                        &key,
                        format!("unknown table attribute `{other}`; expected one of {CONTAINER_KEYS}"),
                    );
                    skip_value(&meta)?;
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

fn field_attrs(cx: &mut Ctxt, field: &syn::Field) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("table")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_of(&meta)?;
            match key.to_string().as_str() {
                "label" => set_once(cx, &mut out.label, &key, text(&meta)?),
                "group" => set_once(cx, &mut out.group, &key, text(&meta)?),
                "block" => set_once(cx, &mut out.block, &key, text(&meta)?),
                "corner" => set_once(cx, &mut out.corner, &key, text(&meta)?),
                "head" => set_once(cx, &mut out.head, &key, text(&meta)?),
                "colspan" => {
                    let lit: LitInt = meta.value()?.parse()?;
                    match lit.base10_parse::<u32>() {
                        Ok(0) => cx.error_spanned_by(
                            &lit,
                            "a colspan of 0 leaves a hole: a cell covers at least one column",
                        ),
                        Ok(_) => {}
                        Err(e) => cx.syn_error(e),
                    }
                    set_once(cx, &mut out.colspan, &key, lit);
                }
                "with" => {
                    let path: syn::ExprPath = meta.value()?.parse()?;
                    set_once(cx, &mut out.with, &key, path);
                }
                "align" => {
                    let lit = lit_str(&meta)?;
                    let a = align(cx, &lit);
                    set_once(cx, &mut out.align, &key, a);
                }
                "total" => set_flag(cx, &mut out.total, &key),
                "nested" => set_flag(cx, &mut out.nested, &key),
                "value" => set_flag(cx, &mut out.value, &key),
                "skip" => set_flag(cx, &mut out.skip, &key),
                other => {
                    cx.error_spanned_by(
                        &key,
                        format!("unknown table attribute `{other}`; expected one of {FIELD_KEYS}"),
                    );
                    skip_value(&meta)?;
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

/// `auto`, or a decimal number followed by a Typst length, fraction or ratio unit.
pub fn is_width(s: &str) -> bool {
    if s == "auto" {
        return true;
    }
    let Some(unit_at) = s.find(|c: char| !(c.is_ascii_digit() || c == '.')) else {
        return false;
    };
    let (number, unit) = s.split_at(unit_at);
    let mut parts = number.split('.');
    let int_ok = parts.next().is_some_and(|p| !p.is_empty());
    let frac_ok = parts.next().is_none_or(|p| !p.is_empty());
    int_ok
        && frac_ok
        && parts.next().is_none()
        && matches!(unit, "pt" | "mm" | "cm" | "in" | "em" | "fr" | "%")
}
