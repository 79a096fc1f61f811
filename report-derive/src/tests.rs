//! Expansion snapshot tests: the derive's output for representative tables, compared
//! with committed files under `tests/snapshots/` (`UPDATE_SNAPSHOTS=1` rewrites them).

use std::path::PathBuf;

use quote::quote;

use crate::attr::is_width;
use crate::expand::derive;

fn expand_pretty(input: proc_macro2::TokenStream) -> String {
    let input: syn::DeriveInput = syn::parse2(input).expect("test input is a struct");
    let output = derive(&input);
    let file: syn::File = syn::parse2(output).expect("the expansion is valid Rust");
    prettyplease::unparse(&file)
}

fn assert_snapshot(name: &str, actual: &str) {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "snapshots",
        &format!("{name}.expanded.rs"),
    ]
    .iter()
    .collect();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("missing snapshot {}; run with UPDATE_SNAPSHOTS=1", path.display())
    });
    assert!(
        expected == actual,
        "expansion of {name} differs from {}; run with UPDATE_SNAPSHOTS=1 to accept:\n{actual}",
        path.display()
    );
}

#[test]
fn snapshot_row_with_groups_and_total() {
    let out = expand_pretty(quote! {
        #[table(row, head = "申请人情况")]
        pub struct Counts {
            #[table(label = "自然人")]
            pub persons: u64,
            #[table(label = "商业企业", group = "法人或其他组织")]
            pub businesses: u64,
            #[table(label = "其他", group = "法人或其他组织")]
            pub others: u64,
            #[table(label = "总计", total)]
            pub stated_total: Option<u64>,
            #[table(skip)]
            pub note: String,
        }
    });
    assert_snapshot("row_with_groups_and_total", &out);
}

#[test]
fn snapshot_row_of_nested_rows() {
    let out = expand_pretty(quote! {
        #[table(row, widths("1fr", "1fr", "1fr", "1fr"))]
        pub struct Cases {
            #[table(nested, label = "行政复议")]
            pub review: Outcomes,
            #[table(nested, label = "未经复议直接起诉", group = "行政诉讼")]
            pub direct: Outcomes,
            #[table(label = "备注", with = Cases::note, colspan = 2)]
            pub after: u64,
        }
    });
    assert_snapshot("row_of_nested_rows", &out);
}

#[test]
fn snapshot_rows_with_groups_blocks_and_values() {
    let out = expand_pretty(quote! {
        #[table(rows, corner = "说明", head = "申请人情况", label_align = "left")]
        pub struct Applications {
            #[table(label = "一、新收")]
            pub received: Counts,
            #[table(nested, label = "三、办理结果", align = "center")]
            pub results: Results,
            #[table(label = "（七）总计", with = Applications::total)]
            pub stated_total: Option<Counts>,
        }
    });
    assert_snapshot("rows_with_groups", &out);
    let out = expand_pretty(quote! {
        #[table(rows)]
        pub struct Active {
            #[table(block = "第二十条第（一）项", corner = "信息内容", label = "规章")]
            pub rules: Documents,
            #[table(block = "第二十条第（五）项", corner = "信息内容", head = "本年处理决定数量", value, label = "行政许可", colspan = 3)]
            pub licensing: u64,
        }
    });
    assert_snapshot("rows_with_blocks", &out);
}

#[test]
fn snapshot_errors_come_all_at_once_with_placeholder_impls() {
    let out = expand_pretty(quote! {
        #[table(row, colour = "red")]
        pub struct Broken {
            #[table(label = "a", label = "b")]
            pub a: u64,
            pub b: u64,
            #[table(label = "c", group = "g")]
            pub c: u64,
            #[table(label = "d")]
            pub d: u64,
            #[table(label = "e", group = "g", colspan = 0)]
            pub e: u64,
        }
    });
    assert_snapshot("errors", &out);
    for message in [
        "unknown table attribute `colour`",
        "duplicate table attribute `label`",
        "missing `label",
        "group \\\"g\\\" is split",
        "a colspan of 0 leaves a hole",
    ] {
        assert!(out.contains(message), "missing error {message:?} in\n{out}");
    }
    assert!(out.contains("impl ::report_core::table::Table for Broken"));
}

#[test]
fn widths_accept_typst_lengths_only() {
    for ok in ["auto", "1fr", "3.4em", "12pt", "50%", "1.5cm"] {
        assert!(is_width(ok), "{ok}");
    }
    for bad in ["", "fr", "1", "1.fr", "1..2em", "1em)", "1em, 2em", "#x", ".5em"] {
        assert!(!is_width(bad), "{bad}");
    }
}
