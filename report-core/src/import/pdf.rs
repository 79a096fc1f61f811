//! PDFs read into blocks (issue 27; being written).
