//! The sandbox, beyond `sandbox.rs`: every data loader, every path form and every way of
//! reaching a package is refused; nothing from the machine (clock, inputs, environment)
//! leaks into a render.

use report_core::chrono::NaiveDate;
use report_typst::{RenderError, RenderOptions, Rendered, render_source};

fn compile(source: &str) -> Result<Rendered, RenderError> {
    let date = NaiveDate::from_ymd_opt(2024, 1, 22).unwrap();
    render_source(source.to_owned(), date, &RenderOptions::default()).map_err(|f| f.error)
}

fn assert_refused(source: &str) {
    match compile(source) {
        Err(RenderError::Compile(messages)) => {
            let all = messages
                .iter()
                .map(|m| m.message.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                all.contains("outside its sandbox")
                    || all.contains("would escape the project root")
                    || all.contains("packages are disabled")
                    // Typst's own refusals, before the World is asked.
                    || all.contains("must not contain a backslash")
                    // …and of a package specification: namespace, name, version.
                    || all.contains("is not a valid package ")
                    || (source.contains("\"@")
                        && ["major", "minor", "patch"]
                            .iter()
                            .any(|k| all.contains(&format!("is not a valid {k} version")))),
                "{source}: {all}"
            );
        }
        other => panic!("{source} was not refused: {other:?}"),
    }
}

const PATHS: [&str; 12] = [
    "/etc/passwd",
    "etc/passwd",
    "./etc/passwd",
    "../etc/passwd",
    "../../../../../../etc/passwd",
    "/../../etc/passwd",
    "/template.typ/../../etc/passwd",
    "//etc/passwd",
    "/proc/self/environ",
    "~/.ssh/id_rsa",
    "C:\\Windows\\win.ini",
    "fonts/fandol/FandolFang-Regular.otf",
];

#[test]
fn every_loader_refuses_every_path() {
    for path in PATHS {
        let p = path.replace('\\', "\\\\");
        for call in [
            format!("#read(\"{p}\")"),
            format!("#read(\"{p}\", encoding: none)"),
            format!("#image(\"{p}\")"),
            format!("#json(\"{p}\")"),
            format!("#yaml(\"{p}\")"),
            format!("#toml(\"{p}\")"),
            format!("#csv(\"{p}\")"),
            format!("#xml(\"{p}\")"),
            format!("#cbor(\"{p}\")"),
            format!("#plugin(\"{p}\")"),
            format!("#bibliography(\"{p}\")"),
            format!("#include \"{p}\""),
            format!("#import \"{p}\""),
            format!("#import \"{p}\": *"),
            format!("#import \"{p}\" as m"),
        ] {
            assert_refused(&call);
        }
    }
}

#[test]
fn paths_built_at_run_time_are_refused_too() {
    assert_refused("#let p = \"/etc/\" + \"passwd\"\n#read(p)");
    assert_refused(
        "#let ps = (\"/a\", \"../b\", \"/etc/hosts\")\n#for p in ps [#read(p)]",
    );
    assert_refused("#read(path(\"/etc/passwd\"))");
}

#[test]
fn every_package_form_is_refused() {
    for spec in [
        "@preview/cetz:0.3.0",
        "@preview/tablex:0.0.9",
        "@local/mine:1.0.0",
        "@anything/x:0.0.1",
    ] {
        assert_refused(&format!("#import \"{spec}\": *"));
        assert_refused(&format!("#import \"{spec}\""));
        assert_refused(&format!("#include \"{spec}\""));
    }
    // A package's file by path inside the package (not even a valid specification).
    assert_refused("#import \"@preview/cetz:0.3.0/src/lib.typ\": *");
}

#[test]
fn the_clock_the_environment_and_inputs_stay_out() {
    // `today` is the report's date, never the machine's; there are no inputs.
    let rendered = compile(
        "#set text(font: \"FandolFang R\")\n\
         #assert.eq(datetime.today(), datetime(year: 2024, month: 1, day: 22))\n\
         #assert.eq(sys.inputs, (:))\nok",
    );
    assert!(rendered.is_ok(), "{rendered:?}");
}

#[test]
fn the_two_sources_are_served_and_nothing_beside_them() {
    // Both served files can be read (they are the render's own sources) …
    let ok = compile("#read(\"/main.typ\").len() #read(\"template.typ\").len()");
    assert!(ok.is_ok(), "{ok:?}");
    // … but a neighbour of the template, or the template under another name, cannot.
    assert_refused("#read(\"/templates/report.typ\")");
    assert_refused("#read(\"/report.typ\")");
    assert_refused("#read(\"/TEMPLATE.TYP\")");
}
