//! Every integration test of this package in one binary: the package is linked once,
//! not once for each file (each file is a module, named as its file).

mod cli_batch;
mod cli_common;
mod cli_init_check;
mod cli_malformed;
mod cli_render;
mod custom_table;
mod datafile_format;
mod datafile_robust;
mod foundation;
mod hardening_concurrency;
mod hardening_fuzz;
mod hardening_limits;
mod hardening_sandbox;
mod hardening_text;
mod layout;
mod sandbox;
