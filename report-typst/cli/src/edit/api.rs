//! The routes of `govreport edit` and the guard every request passes.
//!
//! Every route is under `/TOKEN/`: the page, its script and style, the file's state, a
//! change, the preview and the three downloads. Before any route, the guard refuses a
//! request whose `Host` is not this server's loopback address (DNS rebinding), whose
//! `Origin`, when present, is another site's (cross-site posts), or whose path does not
//! start with the token (compared in constant time). Bodies are limited to
//! [`MAX_BODY`]; a panic becomes a message, never a page of the server's.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State as Extract};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use report_core::html::HtmlOptions;
use report_core::l10n::arg;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use super::page;
use super::state::{Change, Refusal, Store};

/// The largest request body taken, 1 MiB: a change is one field (at most 10,000
/// characters, or a list of paragraphs).
pub const MAX_BODY: usize = 1024 * 1024;

/// The page's script: plain JavaScript, no build step.
const SCRIPT: &str = include_str!("assets/edit.js");
/// The page's style.
const STYLE: &str = include_str!("assets/edit.css");

/// The server's state: the file and what the guard lets in.
#[derive(Debug)]
pub struct App {
    /// The data file.
    pub store: Store,
    /// The token, the first segment of every path.
    pub token: String,
    /// The port the server listens on (`Host` and `Origin` must name it).
    pub port: u16,
}

impl App {
    fn hosts(&self) -> [String; 2] {
        [format!("127.0.0.1:{}", self.port), format!("localhost:{}", self.port)]
    }
}

/// The router, guard and limits included.
pub fn router(app: Arc<App>) -> Router {
    let at = |route: &str| format!("/{}/{route}", app.token);
    let routes = Router::new()
        .route(&at(""), get(form))
        .route(&at("edit.js"), get(script))
        .route(&at("edit.css"), get(style))
        .route(&at("state"), get(state))
        .route(&at("hash"), get(hash))
        .route(&at("change"), post(change))
        .route(&at("preview"), get(preview))
        .route(&at("report.pdf"), get(pdf))
        .route(&at("report.docx"), get(docx))
        .route(&at("report.html"), get(html))
        .route(&format!("/{}", app.token), get(to_page))
        .fallback(not_found)
        .with_state(app.clone());
    let lang = app.store.lang;
    routes
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(middleware::map_response_with_state(app, too_large))
        .layer(CatchPanicLayer::custom(move |_| {
            text(StatusCode::INTERNAL_SERVER_ERROR, report_core::l10n::tr(lang, "edit-panic", &[]))
        }))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                 frame-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'; \
                 frame-ancestors 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
}

fn text(status: StatusCode, message: String) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message)
        .into_response()
}

fn json(status: StatusCode, value: &impl serde::Serialize) -> Response {
    let body = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned());
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Whether two strings are equal, in a time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn guard(
    Extract(app): Extract<Arc<App>>,
    request: Request,
    next: Next,
) -> Response {
    let tr = |id: &str, args: &[report_core::l10n::Arg]| app.store.tr(id, args);
    let host =
        request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !app.hosts().iter().any(|h| h == host) {
        return text(
            StatusCode::FORBIDDEN,
            tr("edit-refused-host", &[arg("host", host)]),
        );
    }
    if let Some(origin) = request.headers().get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        if !app.hosts().iter().any(|h| origin == format!("http://{h}")) {
            return text(
                StatusCode::FORBIDDEN,
                tr("edit-refused-origin", &[arg("origin", origin)]),
            );
        }
    }
    let cross_site = request
        .headers()
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site");
    if cross_site && request.method() != Method::GET {
        return text(
            StatusCode::FORBIDDEN,
            tr("edit-refused-origin", &[arg("origin", "cross-site")]),
        );
    }
    let path = request.uri().path();
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    if !same(first, &app.token) {
        return not_found(Extract(app)).await;
    }
    next.run(request).await
}

/// A body over [`MAX_BODY`], said in the page's language.
async fn too_large(Extract(app): Extract<Arc<App>>, response: Response) -> Response {
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        let message = app.store.tr("edit-body-too-large", &[arg("max", MAX_BODY / 1024)]);
        return text(StatusCode::PAYLOAD_TOO_LARGE, message);
    }
    response
}

async fn not_found(Extract(app): Extract<Arc<App>>) -> Response {
    text(StatusCode::NOT_FOUND, app.store.tr("edit-not-found", &[]))
}

async fn to_page(Extract(app): Extract<Arc<App>>) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, format!("/{}/", app.token))])
        .into_response()
}

fn html_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

async fn form(Extract(app): Extract<Arc<App>>) -> Response {
    let store = &app.store;
    let read =
        store.read().and_then(|snapshot| Ok((store.parse(&snapshot.text)?, snapshot)));
    let page = match read {
        Ok((doc, snapshot)) => {
            page::page(&doc, &snapshot.hash, &store.name(), store.lang)
        }
        Err(message) => page::broken(&message, store.lang),
    };
    html_response(page)
}

async fn script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT).into_response()
}

async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

fn refusal(app: &App, refusal: Refusal) -> Response {
    match refusal {
        Refusal::Conflict => json(
            StatusCode::CONFLICT,
            &serde_json::json!({ "conflict": true, "error": app.store.tr("edit-conflict", &[]) }),
        ),
        Refusal::Invalid(message) => json(
            StatusCode::UNPROCESSABLE_ENTITY,
            &serde_json::json!({ "error": message }),
        ),
        Refusal::File(message) => json(
            StatusCode::INTERNAL_SERVER_ERROR,
            &serde_json::json!({ "error": message }),
        ),
    }
}

async fn state(Extract(app): Extract<Arc<App>>) -> Response {
    match app.store.read() {
        Ok(snapshot) => json(StatusCode::OK, &app.store.state(&snapshot)),
        Err(message) => refusal(&app, Refusal::File(message)),
    }
}

async fn hash(Extract(app): Extract<Arc<App>>) -> Response {
    match app.store.read() {
        Ok(snapshot) => {
            json(StatusCode::OK, &serde_json::json!({ "hash": snapshot.hash }))
        }
        Err(message) => refusal(&app, Refusal::File(message)),
    }
}

async fn change(Extract(app): Extract<Arc<App>>, body: Bytes) -> Response {
    let change: Change = match serde_json::from_slice(&body) {
        Ok(change) => change,
        Err(e) => {
            let message = app.store.tr("edit-bad-request", &[arg("reason", e)]);
            return json(
                StatusCode::BAD_REQUEST,
                &serde_json::json!({ "error": message }),
            );
        }
    };
    let _held = app.store.lock.lock().await;
    match app.store.apply(&change) {
        Ok(snapshot) => json(StatusCode::OK, &app.store.state(&snapshot)),
        Err(e) => refusal(&app, e),
    }
}

/// The preview's own policy: the report page's inline style, nothing else, shown only
/// inside the form.
const PREVIEW_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

async fn preview(Extract(app): Extract<Arc<App>>) -> Response {
    let store = &app.store;
    let body = match store.current() {
        Ok(loaded) => match &loaded.report {
            Some(report) => report_core::html::page_with(
                report,
                store.previous_report(),
                &HtmlOptions::default(),
            ),
            None => page::broken(&store.tr("edit-no-preview", &[]), store.lang),
        },
        Err(message) => page::broken(&message, store.lang),
    };
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, PREVIEW_POLICY),
        ],
        body,
    )
        .into_response()
}

/// What a download is made of.
#[derive(Clone, Copy)]
enum Download {
    Pdf,
    Docx,
    Html,
}

async fn pdf(app: Extract<Arc<App>>) -> Response {
    download(app, Download::Pdf).await
}

async fn docx(app: Extract<Arc<App>>) -> Response {
    download(app, Download::Docx).await
}

async fn html(app: Extract<Arc<App>>) -> Response {
    download(app, Download::Html).await
}

/// A file name for `Content-Disposition`: the data file's stem, percent-encoded.
fn disposition(app: &App, extension: &str) -> String {
    let stem = app
        .store
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut encoded = String::new();
    for b in format!("{stem}.{extension}").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"report.{extension}\"; filename*=UTF-8''{encoded}")
}

async fn download(Extract(app): Extract<Arc<App>>, what: Download) -> Response {
    let store = &app.store;
    let loaded = match store.current() {
        Ok(loaded) => loaded,
        Err(message) => return text(StatusCode::CONFLICT, message),
    };
    let Some(report) = loaded.valid_report().cloned() else {
        let summary = store.tr(
            "summary-errors",
            &[
                arg("file", store.name()),
                arg("errors", loaded.problems.iter().filter(|p| p.is_error()).count()),
                arg("warnings", loaded.problems.iter().filter(|p| !p.is_error()).count()),
            ],
        );
        return text(
            StatusCode::CONFLICT,
            format!("{}\n{summary}", store.tr("cli-not-rendered", &[])),
        );
    };
    if let Some(message) = store.previous_unreadable() {
        return text(StatusCode::CONFLICT, message);
    }
    let previous = store.previous_report().cloned();
    let (bytes, extension, mime) = match what {
        Download::Html => (
            report_core::html::page_with(
                &report,
                previous.as_ref(),
                &HtmlOptions::default(),
            )
            .into_bytes(),
            "html",
            "text/html; charset=utf-8",
        ),
        Download::Pdf | Download::Docx => {
            let options = report_typst::RenderOptions {
                previous: previous.map(Box::new),
                ..Default::default()
            };
            let made = tokio::task::spawn_blocking(move || match what {
                Download::Docx => report_typst::docx::render(&report, &options)
                    .map(|r| r.docx)
                    .map_err(|e| e.to_string()),
                _ => report_typst::render(&report, &options)
                    .map(|r| r.pdf)
                    .map_err(|f| f.error.to_string()),
            })
            .await;
            let bytes = match made {
                Ok(Ok(bytes)) => bytes,
                Ok(Err(message)) => {
                    return text(StatusCode::INTERNAL_SERVER_ERROR, message);
                }
                Err(_) => {
                    return text(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        store.tr("edit-panic", &[]),
                    );
                }
            };
            match what {
                Download::Docx => (
                    bytes,
                    "docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ),
                _ => (bytes, "pdf", "application/pdf"),
            }
        }
    };
    let disposition = disposition(&app, extension);
    Response::builder()
        .header(header::CONTENT_TYPE, mime)
        .header(header::CONTENT_DISPOSITION, disposition)
        .body(Body::from(bytes))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}
