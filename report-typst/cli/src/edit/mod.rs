//! `govreport edit REPORT.toml`: the clerk's form. A local web server on loopback shows
//! the report as a form in the browser: the agency, year and date, each section's
//! paragraphs, the three statutory tables laid out as the format lays them out; every
//! change is saved to the data file at once (atomically, its comments kept) and checked
//! as `govreport check` checks it, the problems shown beside the fields they concern.
//!
//! [`form`] says which fields there are, [`state`] reads, changes and checks the file,
//! [`page`] writes the page, [`api`] serves it behind its guard.

pub mod api;
pub mod form;
pub mod page;
pub mod state;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use report_core::datafile::{self, Format};
use report_core::l10n::arg;

use crate::{ERRORS, Kind, Level, UNREADABLE, diagnostics};
use state::Store;

/// `govreport edit`'s arguments.
#[derive(clap::Args)]
pub struct EditArgs {
    file: PathBuf,
    #[arg(long)]
    agency: Option<String>,
    #[arg(long)]
    year: Option<i32>,
    #[arg(long, value_enum, default_value = "department")]
    kind: Kind,
    #[arg(long, value_enum, default_value = "county")]
    level: Level,
    #[arg(long, value_name = "LAST_YEARS_FILE")]
    previous: Option<PathBuf>,
    #[arg(long, default_value_t = 0)]
    port: u16,
    #[arg(long)]
    no_open: bool,
}

/// A random token of 32 bytes, hex: the first segment of every path the server answers.
fn token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Creates the data file as `init` does, when it does not exist.
fn create(args: &EditArgs) -> Result<(), u8> {
    let (Some(name), Some(year)) = (&args.agency, args.year) else {
        eprintln!(
            "{}",
            diagnostics::error("edit-needs-agency", &[arg("path", args.file.display())])
        );
        return Err(UNREADABLE);
    };
    let agency = crate::agency(name.clone(), args.kind, args.level);
    let text = datafile::write::skeleton(agency, year, Format::Toml);
    report_typst::batch::write_atomically(&args.file, text.as_bytes()).map_err(|e| {
        eprintln!("{}", diagnostics::cannot_write(&args.file, &e));
        ERRORS
    })
}

/// Runs `govreport edit` until Ctrl-C; the exit status.
pub fn run(args: &EditArgs) -> u8 {
    if Format::of_path(&args.file) != Format::Toml {
        eprintln!(
            "{}",
            diagnostics::error("edit-toml-only", &[arg("path", args.file.display())])
        );
        return UNREADABLE;
    }
    if !args.file.exists()
        && let Err(code) = create(args)
    {
        return code;
    }
    let previous = match &args.previous {
        None => None,
        Some(path) => match crate::read(path, None, false) {
            Ok(loaded) => Some(loaded),
            Err(code) => return code,
        },
    };
    let store = Store {
        path: args.file.clone(),
        lang: diagnostics::lang(),
        previous,
        lock: tokio::sync::Mutex::new(()),
    };
    // The file must be TOML the form can change; else say why now, not in the browser.
    if let Err(message) = store.read().and_then(|snapshot| store.parse(&snapshot.text)) {
        eprintln!("{}", diagnostics::error_text(&message));
        return UNREADABLE;
    }
    let token = match token() {
        Ok(token) => token,
        Err(e) => {
            eprintln!("{}", diagnostics::error_text(&e.to_string()));
            return ERRORS;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("{}", diagnostics::error_text(&e.to_string()));
            return ERRORS;
        }
    };
    runtime.block_on(serve(store, token, args.port, !args.no_open, &args.file))
}

async fn serve(store: Store, token: String, port: u16, open: bool, file: &Path) -> u8 {
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(e) => {
            let args = [arg("port", port), arg("reason", diagnostics::io_reason(&e))];
            eprintln!("{}", diagnostics::error("edit-cannot-listen", &args));
            return ERRORS;
        }
    };
    let port = match listener.local_addr() {
        Ok(address) => address.port(),
        Err(e) => {
            eprintln!("{}", diagnostics::error_text(&e.to_string()));
            return ERRORS;
        }
    };
    let url = format!("http://127.0.0.1:{port}/{token}/");
    let app = Arc::new(api::App { store, token, port });
    outln!("{}", diagnostics::say("edit-serving", &[arg("path", file.display())]));
    outln!("{url}");
    outln!("{}", diagnostics::say("edit-stop", &[]));
    if open && webbrowser::open(&url).is_err() {
        outln!("{}", diagnostics::say("edit-no-browser", &[]));
    }
    let stop = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let served =
        axum::serve(listener, api::router(app)).with_graceful_shutdown(stop).await;
    match served {
        Ok(()) => {
            outln!(
                "{}",
                diagnostics::say("edit-stopped", &[arg("path", file.display())])
            );
            0
        }
        Err(e) => {
            eprintln!("{}", diagnostics::error_text(&e.to_string()));
            ERRORS
        }
    }
}
