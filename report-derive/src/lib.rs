//! Derive macro that turns a struct describing a table into Typst table markup.
