//! The Word document from the PDF's render options: [`render`] writes the report with
//! [`report_core::docx`], taking the options that mean something in Word (the bold house
//! style, `force`) and refusing those that exist only for the PDF (PDF/A, leaving out
//! the tags, font folders: a Word document names its fonts and embeds none).

use report_core::Report;
use report_core::docx::{DocxError, DocxOptions, RenderedDocx};

use crate::RenderOptions;

/// Why no Word document was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WordError {
    /// An option that exists only for the PDF was set.
    #[error(
        "{option} is an option of the PDF; a Word document has no such setting (hint: leave it out, or render a PDF)"
    )]
    PdfOnly {
        /// The option, as the command line spells it.
        option: &'static str,
    },
    /// The report was refused or the package could not be written.
    #[error("{0}")]
    Docx(#[from] DocxError),
}

/// The [`DocxOptions`] of `options`, or which PDF-only option is set.
pub fn docx_options(options: &RenderOptions) -> Result<DocxOptions, WordError> {
    if options.pdf_a {
        return Err(WordError::PdfOnly { option: "--pdfa (PDF/A)" });
    }
    if !options.tagged {
        return Err(WordError::PdfOnly { option: "--untagged (tagged PDF)" });
    }
    if !options.object_streams {
        return Err(WordError::PdfOnly { option: "object_streams (PDF object streams)" });
    }
    if !options.fixed_rows {
        return Err(WordError::PdfOnly { option: "fixed_rows (Typst's table rows)" });
    }
    if !options.font_dirs.is_empty() {
        return Err(WordError::PdfOnly { option: "--font-dir (embedded fonts)" });
    }
    Ok(DocxOptions { bold_subheadings: options.bold_subheadings, force: options.force })
}

/// Validates `report` (against last year's report, if `options` has one) and writes it as
/// a Word document with `options` (see [`docx_options`]): its placeholders filled.
pub fn render(
    report: &Report,
    options: &RenderOptions,
) -> Result<RenderedDocx, WordError> {
    let word = docx_options(options)?;
    Ok(report_core::docx::render_with(report, options.previous.as_deref(), &word)?)
}
