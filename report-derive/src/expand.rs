//! Code generation from a checked table model: the `Row` or `Rows` impl, the `Table` impl,
//! and constant assertions that catch spans that overlap or leave holes across types.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::DeriveInput;
use syn::spanned::Spanned as _;

use crate::ast::{Align, Container, Ctxt, Field, Kind, Role};
use crate::{attr, check};

/// The derive: parse, check, expand; on errors, the errors plus a placeholder impl.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let container = attr::parse(&mut cx, input);
    if let Some(c) = &container {
        check::check(&mut cx, c);
    }
    let krate = container.as_ref().and_then(|c| c.attrs.krate.as_ref()).map(|k| &k.value);
    let tokens = match cx.check() {
        Ok(()) => expand(container.as_ref().expect("parsed without errors")),
        Err(e) => {
            let errors = e.into_compile_error();
            let dummy = placeholder(input);
            quote! { #errors #dummy }
        }
    };
    match krate {
        Some(path) => with_crate(tokens, &quote!(#path)),
        None => tokens,
    }
}

/// The generated code with every `::report_core` path starting at `krate` instead
/// (`#[table(crate = "…")]`): the code names report_core in one way everywhere, and this
/// is the one place that changes it.
fn with_crate(tokens: TokenStream, krate: &TokenStream) -> TokenStream {
    use proc_macro2::{Group, Spacing, TokenTree};
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
    let mut i = 0;
    while i < trees.len() {
        if let [TokenTree::Punct(a), TokenTree::Punct(b), TokenTree::Ident(name), ..] =
            &trees[i..]
            && a.as_char() == ':'
            && a.spacing() == Spacing::Joint
            && b.as_char() == ':'
            && name == "report_core"
        {
            out.extend(krate.clone());
            i += 3;
            continue;
        }
        match &trees[i] {
            TokenTree::Group(g) => {
                let mut group = Group::new(g.delimiter(), with_crate(g.stream(), krate));
                group.set_span(g.span());
                out.push(TokenTree::Group(group));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// Impls that satisfy every use of the type, so one mistake does not cascade into
/// "trait not implemented" errors wherever the struct is used.
fn placeholder(input: &DeriveInput) -> TokenStream {
    if !matches!(input.data, syn::Data::Struct(_)) || !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &input.ident;
    quote! {
        #[automatically_derived]
        impl ::report_core::table::Row for #ident {
            const WIDTH: u32 = 0;
            fn header() -> ::std::vec::Vec<::report_core::table::Header> {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
            fn values(&self, _: &mut ::std::vec::Vec<::report_core::table::__private::Value>) {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
            fn __cells(_: &mut ::report_core::table::__private::Walk) {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
        }
        #[automatically_derived]
        impl ::report_core::table::Rows for #ident {
            const WIDTH: u32 = 0;
            const LABEL_DEPTH: u32 = 0;
            fn header() -> ::std::vec::Vec<::report_core::table::Header> {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
            fn emit(&self, _: &mut ::report_core::table::__private::Layout, _: u32) {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
            fn __cells(_: &mut ::report_core::table::__private::Walk) {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
            fn __rows<'__report_a>(&'__report_a self, _: &mut dyn FnMut(&'__report_a dyn ::std::any::Any)) {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
            fn __rows_mut<'__report_a>(&'__report_a mut self, _: &mut dyn FnMut(&'__report_a mut dyn ::std::any::Any)) {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
        }
        #[automatically_derived]
        impl ::report_core::table::Table for #ident {
            const COLUMNS: u32 = 0;
            fn grid(&self) -> ::report_core::table::Grid {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
            fn catalogue() -> ::std::vec::Vec<::report_core::table::catalogue::Cell> {
                ::std::unreachable!("placeholder impl beside a compile error: never part of a program")
            }
        }
    }
}

fn align(a: Option<Align>, default: Align) -> TokenStream {
    match a.unwrap_or(default) {
        Align::Center => quote!(::report_core::table::Align::Center),
        Align::Left => quote!(::report_core::table::Align::Left),
    }
}

fn lit_u32(lit: Option<&syn::LitInt>) -> Option<u32> {
    lit.and_then(|l| l.base10_parse().ok())
}

/// The generated code of a valid table.
pub fn expand(c: &Container<'_>) -> TokenStream {
    let (body, table) = match c.kind() {
        Kind::Row => (expand_row(c), table_of_row(c)),
        Kind::Rows => (expand_rows(c), table_of_rows(c)),
    };
    let widths = widths_assert(c);
    quote! {
        #body
        #table
        #widths
    }
}

/// `(a, b, c)` as Typst code, from the checked `widths(...)` list.
fn widths_code(c: &Container<'_>) -> TokenStream {
    match &c.attrs.widths {
        Some(w) => {
            let items: Vec<String> = w.value.iter().map(syn::LitStr::value).collect();
            let code = if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            };
            quote!(::std::option::Option::Some(#code))
        }
        None => quote!(::std::option::Option::None),
    }
}

fn widths_assert(c: &Container<'_>) -> TokenStream {
    let Some(w) = &c.attrs.widths else { return TokenStream::new() };
    let ident = c.ident;
    let n = w.value.len() as u32;
    let span = w.key.span();
    quote_spanned! {span=>
        const _: () = ::core::assert!(
            #n == <#ident as ::report_core::table::Table>::COLUMNS,
            "`widths` must list one width per grid column"
        );
    }
}

/// The header nodes wrapped under the struct's `head`, if any.
fn wrap_head(c: &Container<'_>, nodes: TokenStream) -> TokenStream {
    match &c.attrs.head {
        Some(h) => {
            let label = &h.value;
            quote! {
                ::std::vec![::report_core::table::Header::group(#label, #nodes)]
            }
        }
        None => nodes,
    }
}

/// The field's name as a string, for the catalogue's field paths (`r#` left off).
fn field_name(f: &Field<'_>) -> String {
    match &f.member {
        syn::Member::Named(ident) => {
            let name = ident.to_string();
            name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
        }
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}

/// `Some(text)` or `None` as an expression of `Option<&'static str>`.
fn opt_text(text: Option<&crate::ast::Text>) -> TokenStream {
    match text {
        Some(t) => quote!(::std::option::Option::Some(#t)),
        None => quote!(::std::option::Option::None),
    }
}

const SOURCE: &str = "::report_core::table::__private::Source";

fn source(name: &str) -> TokenStream {
    let path: TokenStream = format!("{SOURCE}::{name}").parse().expect("a path");
    path
}

/// Where a `with` field's value comes from: a field of `Option` type holds a stated
/// total; any other field is only beside a computed value.
fn with_source(f: &Field<'_>) -> TokenStream {
    if check::option_inner(f.ty).is_some() {
        source("StatedOrComputed")
    } else {
        source("Computed")
    }
}

fn member_expr(f: &Field<'_>) -> TokenStream {
    let m = &f.member;
    quote!(self.#m)
}

// ---------------------------------------------------------------- rows of columns

fn expand_row(c: &Container<'_>) -> TokenStream {
    let ident = c.ident;
    let fields: Vec<&Field<'_>> =
        c.fields.iter().filter(|f| f.role() != Role::Skip).collect();

    let widths = fields.iter().map(|f| {
        let ty = f.ty;
        match f.role() {
            Role::Nested => {
                quote_spanned!(ty.span()=> <#ty as ::report_core::table::Row>::WIDTH)
            }
            _ => {
                let n = lit_u32(f.attrs.colspan.as_ref().map(|c| &c.value)).unwrap_or(1);
                quote!(#n)
            }
        }
    });

    // Header nodes, consecutive fields of one group under one group node.
    let mut header = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        let group = fields[i].attrs.group.as_ref().map(|g| g.value.key());
        let mut j = i + 1;
        while j < fields.len()
            && fields[j].attrs.group.as_ref().map(|g| g.value.key()) == group
        {
            j += 1;
        }
        let pushes: Vec<TokenStream> =
            fields[i..j].iter().map(|f| header_push(f)).collect();
        match &fields[i].attrs.group {
            Some(g) if group.is_some() => {
                let label = &g.value;
                header.push(quote! {
                    __report_nodes.push(::report_core::table::Header::group(#label, {
                        let mut __report_nodes = ::std::vec::Vec::new();
                        #(#pushes)*
                        __report_nodes
                    }));
                });
            }
            _ => header.extend(pushes),
        }
        i = j;
    }

    let plain: Vec<&Field<'_>> =
        fields.iter().copied().filter(|f| f.role() == Role::Plain).collect();
    let values = fields.iter().map(|f| {
        let ty = f.ty;
        let span = ty.span();
        let colspan = lit_u32(f.attrs.colspan.as_ref().map(|c| &c.value)).unwrap_or(1);
        let align = align(f.attrs.align.as_ref().map(|a| a.value), Align::Center);
        let value = member_expr(f);
        let text = match f.role() {
            Role::Nested => {
                return quote_spanned! {span=>
                    <#ty as ::report_core::table::Row>::values(&#value, __report_out);
                };
            }
            Role::With => {
                let path = &f.attrs.with.as_ref().expect("role With").value;
                quote_spanned! {path.span()=>
                    ::report_core::table::CellValue::cell_text(&#path(self))
                }
            }
            Role::Total => {
                let inner = check::option_inner(ty).expect("checked: total is an Option");
                let parts = plain.iter().map(|p| {
                    let v = member_expr(p);
                    quote_spanned! {p.ty.span()=>
                        let __report_sum = <#inner as ::report_core::table::Summable>::add(__report_sum, &#v);
                    }
                });
                quote_spanned! {span=>
                    match &#value {
                        ::std::option::Option::Some(__report_stated) => {
                            <#inner as ::report_core::table::CellValue>::cell_text(__report_stated)
                        }
                        ::std::option::Option::None => {
                            let __report_sum: #inner = <#inner as ::report_core::table::Summable>::zero();
                            #(#parts)*
                            <#inner as ::report_core::table::CellValue>::cell_text(&__report_sum)
                        }
                    }
                }
            }
            _ => quote_spanned! {span=>
                <#ty as ::report_core::table::CellValue>::cell_text(&#value)
            },
        };
        quote! {
            __report_out.push(::report_core::table::__private::Value {
                text: #text,
                colspan: #colspan,
                align: #align,
            });
        }
    });

    let cells = fields.iter().map(|f| {
        let ty = f.ty;
        let name = field_name(f);
        let group = opt_text(f.attrs.group.as_ref().map(|g| &g.value));
        let label = opt_text(f.attrs.label.as_ref().map(|l| &l.value));
        let (kind, source) = match f.role() {
            Role::Nested => {
                return quote_spanned! {ty.span()=>
                    let __report_mark = __report_walk.enter_columns(#group, #label, #name);
                    <#ty as ::report_core::table::Row>::__cells(__report_walk);
                    __report_walk.leave(__report_mark);
                };
            }
            Role::With => {
                let path = &f.attrs.with.as_ref().expect("role With").value;
                (
                    quote_spanned!(path.span()=> ::report_core::table::__private::kind_of(#path)),
                    with_source(f),
                )
            }
            Role::Total => {
                let inner = check::option_inner(ty).expect("checked: total is an Option");
                (
                    quote_spanned!(ty.span()=> <#inner as ::report_core::table::CellValue>::KIND),
                    source("StatedOrComputed"),
                )
            }
            _ => (
                quote_spanned!(ty.span()=> <#ty as ::report_core::table::CellValue>::KIND),
                source("Data"),
            ),
        };
        quote! {
            __report_walk.cell(#group, #label, ::std::option::Option::Some(#name), #kind, #source);
        }
    });

    quote! {
        #[automatically_derived]
        impl ::report_core::table::Row for #ident {
            const WIDTH: u32 = 0 #(+ #widths)*;

            fn __cells(__report_walk: &mut ::report_core::table::__private::Walk) {
                #(#cells)*
            }

            fn header() -> ::std::vec::Vec<::report_core::table::Header> {
                let mut __report_nodes = ::std::vec::Vec::new();
                #(#header)*
                __report_nodes
            }

            fn values(&self, __report_out: &mut ::std::vec::Vec<::report_core::table::__private::Value>) {
                #(#values)*
            }
        }
    }
}

/// The statement that pushes a row field's header node(s) onto `__report_nodes`.
fn header_push(f: &Field<'_>) -> TokenStream {
    let ty = f.ty;
    match (f.role(), &f.attrs.label) {
        (Role::Nested, Some(label)) => {
            let label = &label.value;
            quote_spanned! {ty.span()=>
                __report_nodes.push(::report_core::table::Header::group(
                    #label,
                    <#ty as ::report_core::table::Row>::header(),
                ));
            }
        }
        (Role::Nested, None) => quote_spanned! {ty.span()=>
            __report_nodes.extend(<#ty as ::report_core::table::Row>::header());
        },
        (_, label) => {
            let label =
                &label.as_ref().expect("checked: value columns have labels").value;
            let colspan =
                lit_u32(f.attrs.colspan.as_ref().map(|c| &c.value)).unwrap_or(1);
            quote! {
                __report_nodes.push(::report_core::table::Header::leaf(#label, #colspan));
            }
        }
    }
}

fn table_of_row(c: &Container<'_>) -> TokenStream {
    let ident = c.ident;
    let head = opt_text(c.attrs.head.as_ref().map(|h| &h.value));
    let nodes = wrap_head(c, quote!(<Self as ::report_core::table::Row>::header()));
    let widths = widths_code(c);
    quote! {
        #[automatically_derived]
        impl ::report_core::table::Table for #ident {
            const COLUMNS: u32 = <Self as ::report_core::table::Row>::WIDTH;

            fn grid(&self) -> ::report_core::table::Grid {
                let mut __report_layout = ::report_core::table::__private::Layout::new(
                    <Self as ::report_core::table::Table>::COLUMNS,
                    0,
                );
                __report_layout.header("", &#nodes);
                let __report_header_rows = __report_layout.row();
                let mut __report_values = ::std::vec::Vec::new();
                ::report_core::table::Row::values(self, &mut __report_values);
                __report_layout.values(__report_values);
                __report_layout.finish(__report_header_rows, #widths)
            }

            fn catalogue() -> ::std::vec::Vec<::report_core::table::catalogue::Cell> {
                let mut __report_walk = ::report_core::table::__private::Walk::new(#head);
                <Self as ::report_core::table::Row>::__cells(&mut __report_walk);
                __report_walk.finish()
            }
        }
    }
}

// ---------------------------------------------------------------- blocks of rows

/// The value columns a rows field spans, as a constant expression.
fn rows_field_width(ident: &syn::Ident, f: &Field<'_>) -> TokenStream {
    let ty = f.ty;
    match f.role() {
        Role::Nested => {
            quote_spanned!(ty.span()=> <#ty as ::report_core::table::Rows>::WIDTH)
        }
        Role::Value => match lit_u32(f.attrs.colspan.as_ref().map(|c| &c.value)) {
            Some(n) => quote!(#n),
            None => quote!(<#ident as ::report_core::table::Rows>::WIDTH),
        },
        _ => quote_spanned!(ty.span()=> <#ty as ::report_core::table::Row>::WIDTH),
    }
}

/// The header nodes of a rows field's value columns, as an expression (`self` in scope
/// only for `with` fields, which never open a table's header).
fn rows_field_header(ident: &syn::Ident, f: &Field<'_>) -> TokenStream {
    let ty = f.ty;
    match f.role() {
        Role::Nested => {
            quote_spanned!(ty.span()=> <#ty as ::report_core::table::Rows>::header())
        }
        Role::Value => {
            let head = f.attrs.head.as_ref().map(|h| h.value.clone());
            let head = head.map_or_else(|| quote!(""), |h| quote!(#h));
            let width = rows_field_width(ident, f);
            quote!(::std::vec![::report_core::table::Header::leaf(#head, #width)])
        }
        Role::With => {
            let path = &f.attrs.with.as_ref().expect("role With").value;
            quote! {{
                fn __report_header_of<R: ::report_core::table::Row>(_: &R)
                    -> ::std::vec::Vec<::report_core::table::Header> {
                    R::header()
                }
                __report_header_of(&#path(self))
            }}
        }
        _ => quote_spanned!(ty.span()=> <#ty as ::report_core::table::Row>::header()),
    }
}

fn expand_rows(c: &Container<'_>) -> TokenStream {
    let ident = c.ident;
    let fields: Vec<&Field<'_>> =
        c.fields.iter().filter(|f| f.role() != Role::Skip).collect();
    let first = fields.first().expect("checked: a table has a field");
    // A first `value` row without `colspan` cannot take the table's width: it defines it.
    let width = match (first.role(), &first.attrs.colspan) {
        (Role::Value, None) => quote!(1),
        _ => rows_field_width(ident, first),
    };
    let header = rows_field_header(ident, first);
    let label_align = c.attrs.label_align.as_ref().map(|a| a.value);

    let depths = fields.iter().filter(|f| f.role() == Role::Nested).map(|f| {
        let ty = f.ty;
        quote_spanned!(ty.span()=> 1 + <#ty as ::report_core::table::Rows>::LABEL_DEPTH)
    });

    let emits = fields.iter().map(|f| {
        let label = &f.attrs.label.as_ref().expect("checked: rows have labels").value;
        let align = align(f.attrs.align.as_ref().map(|a| a.value).or(label_align), Align::Center);
        let value = member_expr(f);
        let span = f.ty.span();
        let block = f.attrs.block.as_ref().map(|b| {
            let title = &b.value;
            let corner = f.attrs.corner.as_ref().map(|c| c.value.clone());
            let corner = corner.map_or_else(|| quote!(""), |c| quote!(#c));
            let nodes = rows_field_header(ident, f);
            quote! {
                __report_layout.block(#title, #corner, &#nodes);
            }
        });
        // The field's type appears only as `<T as Trait>::item`, spanned at the type, so a
        // type that is not a row gives one error, not one per use.
        let row = match f.role() {
            Role::Nested => {
                let ty = f.ty;
                let depth = quote_spanned!(span=> <#ty as ::report_core::table::Rows>::LABEL_DEPTH);
                let emit = quote_spanned!(span=> <#ty as ::report_core::table::Rows>::emit);
                quote! {
                    let __report_group = __report_layout.open_group(__report_depth, #label, #align, #depth);
                    #emit(&#value, __report_layout, __report_group.depth());
                    __report_layout.close_group(__report_group);
                }
            }
            Role::Value => {
                let ty = f.ty;
                let width = rows_field_width(ident, f);
                quote_spanned! {span=>
                    __report_layout.push_value::<#ty>(__report_depth, #label, #align, &#value, #width);
                }
            }
            Role::With => {
                let path = &f.attrs.with.as_ref().expect("role With").value;
                quote_spanned! {path.span()=>
                    __report_layout.push_row(__report_depth, #label, #align, &#path(self));
                }
            }
            _ => {
                let ty = f.ty;
                let values = quote_spanned!(span=> <#ty as ::report_core::table::Row>::values);
                quote! {
                    let mut __report_values = ::std::vec::Vec::new();
                    #values(&#value, &mut __report_values);
                    __report_layout.push_row_values(__report_depth, #label, #align, __report_values);
                }
            }
        };
        quote! { #block { #row } }
    });

    // Every row after the first must be exactly as wide as the table's value columns:
    // a narrower one leaves a hole, a wider one overlaps the next row's cells.
    let asserts = fields.iter().skip(1).filter(|f| f.role() != Role::With).map(|f| {
        let w = rows_field_width(ident, f);
        let span = match (&f.attrs.colspan, f.role()) {
            (Some(c), Role::Value) => c.value.span(),
            _ => f.ty.span(),
        };
        quote_spanned! {span=>
            const _: () = {
                ::core::assert!(
                    #w <= <#ident as ::report_core::table::Rows>::WIDTH,
                    "this row is wider than the table's value columns: its cells would overlap"
                );
                ::core::assert!(
                    #w >= <#ident as ::report_core::table::Rows>::WIDTH,
                    "this row is narrower than the table's value columns: it would leave a hole"
                );
            };
        }
    });

    // A block goes on over the rows after the one that opens it, and so does its head.
    let mut block = None;
    let mut head = None;
    let mut cells = Vec::new();
    for f in &fields {
        if let Some(b) = &f.attrs.block {
            block = Some(&b.value);
            head = f.attrs.head.as_ref().map(|h| &h.value);
        }
        let ty = f.ty;
        let name = field_name(f);
        let label = &f.attrs.label.as_ref().expect("checked: rows have labels").value;
        let block = opt_text(block);
        let (source, body) = match f.role() {
            Role::Nested => (
                source("Data"),
                quote_spanned!(ty.span()=> <#ty as ::report_core::table::Rows>::__cells(__report_walk);),
            ),
            Role::Value => {
                let head = opt_text(f.attrs.head.as_ref().map(|h| &h.value).or(head));
                let source = if check::option_inner(ty).is_some() {
                    source("StatedOrComputed")
                } else {
                    source("Data")
                };
                let data = self::source("Data");
                (
                    source,
                    quote_spanned! {ty.span()=>
                        __report_walk.cell(
                            ::std::option::Option::None,
                            #head,
                            ::std::option::Option::None,
                            <#ty as ::report_core::table::CellValue>::KIND,
                            #data,
                        );
                    },
                )
            }
            Role::With => {
                let path = &f.attrs.with.as_ref().expect("role With").value;
                (
                    with_source(f),
                    quote_spanned! {path.span()=>
                        ::report_core::table::__private::row_cells_of(#path, __report_walk);
                    },
                )
            }
            _ => (
                source("Data"),
                quote_spanned!(ty.span()=> <#ty as ::report_core::table::Row>::__cells(__report_walk);),
            ),
        };
        cells.push(quote! {
            let __report_mark = __report_walk.enter_row(#block, #label, #name, #source);
            #body
            __report_walk.leave(__report_mark);
        });
    }

    // Typed access to the rows in declaration order, for code that walks them all.
    let visits: Vec<(TokenStream, TokenStream)> = fields
        .iter()
        .map(|f| {
            let ty = f.ty;
            let value = member_expr(f);
            match f.role() {
                Role::Nested => (
                    quote_spanned!(ty.span()=> <#ty as ::report_core::table::Rows>::__rows(&#value, __report_f);),
                    quote_spanned!(ty.span()=> <#ty as ::report_core::table::Rows>::__rows_mut(&mut #value, __report_f);),
                ),
                _ => (quote!(__report_f(&#value);), quote!(__report_f(&mut #value);)),
            }
        })
        .collect();
    let (visit, visit_mut): (Vec<_>, Vec<_>) = visits.into_iter().unzip();

    quote! {
        #[automatically_derived]
        impl ::report_core::table::Rows for #ident {
            const WIDTH: u32 = #width;

            fn __cells(__report_walk: &mut ::report_core::table::__private::Walk) {
                #(#cells)*
            }

            fn __rows<'__report_a>(
                &'__report_a self,
                __report_f: &mut dyn FnMut(&'__report_a dyn ::std::any::Any),
            ) {
                #(#visit)*
            }

            fn __rows_mut<'__report_a>(
                &'__report_a mut self,
                __report_f: &mut dyn FnMut(&'__report_a mut dyn ::std::any::Any),
            ) {
                #(#visit_mut)*
            }

            const LABEL_DEPTH: u32 = {
                let __report_depth = 1;
                #(let __report_depth = ::report_core::table::__private::max(__report_depth, #depths);)*
                __report_depth
            };

            fn header() -> ::std::vec::Vec<::report_core::table::Header> {
                #header
            }

            fn emit(&self, __report_layout: &mut ::report_core::table::__private::Layout, __report_depth: u32) {
                #(#emits)*
            }
        }

        #(#asserts)*
    }
}

fn table_of_rows(c: &Container<'_>) -> TokenStream {
    let ident = c.ident;
    let first_is_block = c
        .fields
        .iter()
        .find(|f| f.role() != Role::Skip)
        .is_some_and(|f| f.attrs.block.is_some());
    // The table's `head` is printed over the value columns unless a block opens it.
    let head = if first_is_block {
        quote!(::std::option::Option::None)
    } else {
        opt_text(c.attrs.head.as_ref().map(|h| &h.value))
    };
    let header = if first_is_block {
        TokenStream::new()
    } else {
        let nodes = wrap_head(c, quote!(<Self as ::report_core::table::Rows>::header()));
        let corner = c.attrs.corner.as_ref().map(|c| c.value.clone());
        let corner = corner.map_or_else(|| quote!(""), |c| quote!(#c));
        quote! { __report_layout.header(#corner, &#nodes); }
    };
    let widths = widths_code(c);
    quote! {
        #[automatically_derived]
        impl ::report_core::table::Table for #ident {
            const COLUMNS: u32 = <Self as ::report_core::table::Rows>::LABEL_DEPTH
                + <Self as ::report_core::table::Rows>::WIDTH;

            fn grid(&self) -> ::report_core::table::Grid {
                let mut __report_layout = ::report_core::table::__private::Layout::new(
                    <Self as ::report_core::table::Table>::COLUMNS,
                    <Self as ::report_core::table::Rows>::LABEL_DEPTH,
                );
                #header
                let __report_header_rows = __report_layout.row();
                ::report_core::table::Rows::emit(self, &mut __report_layout, 0);
                __report_layout.finish(__report_header_rows, #widths)
            }

            fn catalogue() -> ::std::vec::Vec<::report_core::table::catalogue::Cell> {
                let mut __report_walk = ::report_core::table::__private::Walk::new(#head);
                <Self as ::report_core::table::Rows>::__cells(&mut __report_walk);
                __report_walk.finish()
            }
        }
    }
}
