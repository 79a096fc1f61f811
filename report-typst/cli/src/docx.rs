//! `govreport render … -o OUT.docx`: the Word document of a checked report, written
//! atomically; the PDF-only options (`--pdfa`, `--untagged`, `--font-dir`) are refused.

use std::path::Path;

use report_core::Report;
use report_core::l10n::arg;
use report_typst::RenderOptions;
use report_typst::batch::write_atomically;

use crate::diagnostics;

/// Writes `report` as a Word document to `output`; or the message of why not, in the
/// chosen language (printed after `error: `).
pub fn render(
    report: &Report,
    output: &Path,
    options: &RenderOptions,
) -> Result<(), String> {
    let rendered =
        report_typst::docx::render(report, options).map_err(|e| e.to_string())?;
    write_atomically(output, &rendered.docx).map_err(|e| {
        let args =
            [arg("path", output.display()), arg("reason", diagnostics::io_reason(&e))];
        diagnostics::say("cli-cannot-write", &args)
    })
}
