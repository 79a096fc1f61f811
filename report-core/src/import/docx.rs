//! Word documents (.docx) read into blocks (issue 27; being written).
