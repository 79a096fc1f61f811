//! Compiles a report into a PDF with an embedded, sandboxed Typst.
