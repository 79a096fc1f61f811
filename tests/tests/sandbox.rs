//! The renderer's World serves two sources and nothing else: no file, no package.

use report_core::chrono::NaiveDate;
use report_typst::{RenderError, RenderOptions, render_source};

fn compile(source: &str) -> Result<report_typst::Rendered, RenderError> {
    let date = NaiveDate::from_ymd_opt(2024, 1, 22).unwrap();
    render_source(source.to_owned(), date, &RenderOptions::default()).map_err(|f| f.error)
}

fn refused(source: &str, expected: &str) {
    match compile(source) {
        Err(RenderError::Compile(messages)) => {
            let all = messages
                .iter()
                .map(|m| m.message.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            assert!(all.contains(expected), "{source}: {all}");
        }
        other => panic!("{source} was not refused: {other:?}"),
    }
}

#[test]
fn plain_markup_compiles() {
    let rendered =
        compile("#set text(font: \"FandolFang R\", lang: \"zh\")\n你好").unwrap();
    assert_eq!(rendered.pages, 1);
}

#[test]
fn every_path_outside_the_sandbox_is_refused() {
    for path in [
        "/etc/passwd",
        "etc/passwd",
        "../../../../etc/passwd",
        "/../etc/passwd",
        "data.json",
        "/main.typ/../../x",
        "C:/Windows/win.ini",
    ] {
        let escaped = path.replace('\\', "\\\\");
        for call in [
            format!("#read(\"{escaped}\")"),
            format!("#image(\"{escaped}\")"),
            format!("#json(\"{escaped}\")"),
            format!("#include \"{escaped}\""),
            format!("#import \"{escaped}\": x"),
        ] {
            match compile(&call) {
                Err(RenderError::Compile(messages)) => {
                    let all = messages
                        .iter()
                        .map(|m| m.message.as_str())
                        .collect::<Vec<_>>()
                        .join("\n");
                    assert!(
                        all.contains("outside its sandbox")
                            || all.contains("would escape the project root"),
                        "{call}: {all}"
                    );
                }
                other => panic!("{call} was not refused: {other:?}"),
            }
        }
    }
}

#[test]
fn packages_are_refused() {
    refused("#import \"@preview/cetz:0.3.0\": canvas", "packages are disabled");
    refused("#import \"@local/mine:1.0.0\": x", "packages are disabled");
}

#[test]
fn the_template_is_the_only_other_file() {
    let rendered =
        compile("#import \"/template.typ\": report\n#read(\"/template.typ\").len()");
    assert!(rendered.is_ok(), "{rendered:?}");
}
