//! `govreport render`: a PDF from a data file, refused with errors unless forced,
//! written atomically (a failure leaves no partial file and keeps an existing one),
//! `--font-dir`, `--pdfa` and `--untagged`.

use crate::common;

use common::{govreport, seed};
use predicates::prelude::*;
use predicates::str::contains;

fn broken_seed(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(seed()).expect("seed");
    let broken = text.replacen("\"结果维持\" = 0", "\"结果维持\" = 3\n\"总计\" = 0", 1);
    assert_ne!(broken, text);
    let path = dir.join("broken.toml");
    std::fs::write(&path, broken).expect("written");
    path
}

#[test]
fn render_writes_the_pdf_and_prints_its_path() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("seed.pdf");
    govreport()
        .arg("render")
        .arg(seed())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0)
        .stdout(contains("seed.pdf"));
    let pdf = std::fs::read(&out).expect("the PDF is written");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = report_tests::compact(&report_tests::extract_text(&pdf));
    assert!(text.contains("威海市文登区科学技术局"));
    // Nothing else is left in the folder (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).expect("listed").count(), 1);
}

#[test]
fn render_refuses_a_report_with_errors_and_keeps_an_existing_pdf() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let input = broken_seed(dir.path());
    let out = dir.path().join("out.pdf");
    std::fs::write(&out, b"the old PDF").expect("written");
    govreport().arg("render").arg(&input).arg("-o").arg(&out).assert().code(1).stderr(
        contains("error[T4-A]").and(contains("not rendered")).and(contains("--force")),
    );
    assert_eq!(std::fs::read(&out).expect("kept"), b"the old PDF");
    // Forced, it is rendered over the old file.
    govreport()
        .arg("render")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .assert()
        .code(0);
    assert!(std::fs::read(&out).expect("written").starts_with(b"%PDF-"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listed")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("no-such-folder").join("out.pdf");
    govreport()
        .arg("render")
        .arg(seed())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("cannot write"));
    assert!(!out.exists());
}

#[test]
fn render_takes_font_dirs_and_pdfa() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("a.pdf");
    govreport()
        .arg("render")
        .arg(seed())
        .arg("-o")
        .arg(&out)
        .arg("--pdfa")
        .arg("--font-dir")
        .arg(dir.path())
        .arg("--font-dir")
        .arg(dir.path())
        .assert()
        .code(0);
    let pdf = std::fs::read(&out).expect("written");
    assert_pdf_a_2u(&pdf);
    govreport()
        .arg("render")
        .arg(seed())
        .arg("-o")
        .arg(dir.path().join("b.pdf"))
        .arg("--font-dir")
        .arg(dir.path().join("missing"))
        .assert()
        .code(1)
        .stderr(contains("font folder"));
    assert!(!dir.path().join("b.pdf").exists());
}

#[test]
fn render_of_unreadable_input_is_status_2() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let input = dir.path().join("x.toml");
    std::fs::write(&input, "year = ").expect("written");
    govreport()
        .arg("render")
        .arg(&input)
        .arg("-o")
        .arg(dir.path().join("x.pdf"))
        .assert()
        .code(2)
        .stderr(contains("x.toml:1:"));
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn a_fresh_skeleton_renders_with_its_warnings_printed_and_json_renders_too() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for name in ["s.toml", "s.json"] {
        let input = dir.path().join(name);
        govreport()
            .args(["init", "--agency", "某市某局", "--year", "2025"])
            .arg(&input)
            .assert()
            .success();
        let out = dir.path().join(format!("{name}.pdf"));
        govreport()
            .arg("render")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(0)
            .stderr(contains("warning[EMPTY]"));
        let pdf = std::fs::read(&out).expect("written");
        let text = report_tests::compact(&report_tests::extract_text(&pdf));
        assert!(text.contains("某市某局2025年政府信息公开工作年度报告"), "{text}");
    }
}

#[test]
fn render_untagged_leaves_out_the_structure_tree() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (tagged, untagged) = (dir.path().join("t.pdf"), dir.path().join("u.pdf"));
    govreport().arg("render").arg(seed()).arg("-o").arg(&tagged).assert().code(0);
    govreport()
        .arg("render")
        .arg(seed())
        .arg("-o")
        .arg(&untagged)
        .arg("--untagged")
        .assert()
        .code(0);
    let (tagged, untagged) =
        (std::fs::read(&tagged).unwrap(), std::fs::read(&untagged).unwrap());
    // The catalog's entry (the objects are packed into a compressed object stream).
    let has_tree = |pdf: &[u8]| {
        let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
        doc.catalog().expect("a catalog").has(b"StructTreeRoot")
    };
    assert!(has_tree(&tagged), "the default is tagged");
    assert!(!has_tree(&untagged), "--untagged still wrote a structure tree");
    assert!(untagged.len() < tagged.len());
}

#[test]
fn render_prints_the_renderers_warnings_in_the_file_even_when_it_fails() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = std::fs::read_to_string(seed()).expect("seed");
    // 㐀 only the fallback font has (a warning); U+1F600 no font has (an error).
    let fallback = text.replacen("title = \"其他方面：\"", "title = \"其他方面㐀：\"", 1);
    assert_ne!(fallback, text);
    let line =
        fallback.lines().position(|l| l.contains("其他方面㐀")).expect("there") + 1;
    for (name, data, code) in [
        ("fallback.toml", fallback.clone(), 0),
        ("missing.toml", fallback.replacen("提案1件。", "提案1件\u{1F600}。", 1), 1),
    ] {
        let input = dir.path().join(name);
        std::fs::write(&input, data).expect("written");
        let out = govreport()
            .arg("render")
            .arg(&input)
            .arg("-o")
            .arg(dir.path().join(format!("{name}.pdf")))
            .assert()
            .code(code);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains("warning[FONT]: '㐀' (U+3400)"), "{name}: {stderr}");
        assert!(stderr.contains(&format!("{name}:{line}:9")), "{name}: {stderr}");
        assert!(
            stderr.contains("= cell: 六、其他需要报告的事项 / （三）其他方面㐀： / 标题")
        );
        assert!(stderr.contains("= hint: the character looks different"), "{stderr}");
        if code == 1 {
            assert!(stderr.contains("error: no font has 1 of the report's characters"));
            assert!(!dir.path().join(format!("{name}.pdf")).exists());
        }
    }
}

/// The PDF declares PDF/A-2u where a validator looks: the catalog's XMP metadata names
/// part 2, conformance U, and its output intent is a PDF/A one (`GTS_PDFA1`).
fn assert_pdf_a_2u(pdf: &[u8]) {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    let catalog = doc.catalog().expect("a catalog");
    let metadata = catalog
        .get(b"Metadata")
        .and_then(|m| m.as_reference())
        .and_then(|id| doc.get_object(id))
        .and_then(|o| o.as_stream())
        .expect("the catalog's XMP metadata stream");
    let xmp = String::from_utf8_lossy(&metadata.content).into_owned();
    let value = |key: &str| -> Option<String> {
        let element = format!("<{key}>");
        if let Some(at) = xmp.find(&element) {
            let rest = &xmp[at + element.len()..];
            return rest.split('<').next().map(str::to_owned);
        }
        let attribute = format!("{key}=\"");
        let at = xmp.find(&attribute)?;
        xmp[at + attribute.len()..].split('"').next().map(str::to_owned)
    };
    assert_eq!(value("pdfaid:part").as_deref(), Some("2"), "{xmp}");
    assert_eq!(value("pdfaid:conformance").as_deref(), Some("U"), "{xmp}");
    let intents = match catalog.get(b"OutputIntents").expect("output intents") {
        lopdf::Object::Reference(id) => doc.get_object(*id).expect("resolves"),
        direct => direct,
    }
    .as_array()
    .expect("an array of output intents");
    let kinds: Vec<Vec<u8>> = intents
        .iter()
        .filter_map(|i| match i {
            lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok(),
            lopdf::Object::Dictionary(d) => Some(d),
            _ => None,
        })
        .filter_map(|d| d.get(b"S").and_then(|s| s.as_name()).ok().map(<[u8]>::to_vec))
        .collect();
    assert!(kinds.iter().any(|k| k == b"GTS_PDFA1"), "output intents: {kinds:?}");
}

/// An output whose extension names no format is refused, in the chosen language, naming
/// the extension and the accepted ones, and nothing is written; `--format` settles it.
#[test]
fn an_output_extension_that_names_no_format_is_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, lang, expected) in [
        ("r.xlsx", "en", ".xlsx is not an extension of an output"),
        ("r.txt", "zh", ".txt 不是可生成文件的扩展名"),
        ("report", "en", "has no extension to tell what to write"),
        ("report", "zh", "没有扩展名，无法判断要生成什么文件"),
    ] {
        let out = dir.path().join(name);
        govreport()
            .args(["--lang", lang, "render"])
            .arg(seed())
            .arg("-o")
            .arg(&out)
            .assert()
            .code(2)
            .stderr(contains(expected).and(contains(".pdf .html .htm .docx")));
        assert!(!out.exists(), "{name} was written");
    }
    // Said with --format: written as asked, whatever the name.
    let out = dir.path().join("page.txt");
    govreport()
        .arg("render")
        .arg(seed())
        .arg("-o")
        .arg(&out)
        .args(["--format", "html"])
        .assert()
        .code(0);
    let written = std::fs::read_to_string(&out).expect("written");
    assert!(
        written.starts_with("<!DOCTYPE html>"),
        "{}",
        &written[..40.min(written.len())]
    );
    // The accepted extensions in any case.
    let out = dir.path().join("REPORT.PDF");
    govreport().arg("render").arg(seed()).arg("-o").arg(&out).assert().code(0);
    assert!(std::fs::read(&out).expect("written").starts_with(b"%PDF-"));
}
