//! `govreport edit`'s server called without a socket (tower's `oneshot`): the page, a
//! change and its diagnostics, the file kept, a conflict, the guard's refusals and the
//! limits, the downloads; and a clerk's whole path, from a new file to the seed report.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use report_core::datafile::{self, Format, Loaded};
use report_core::l10n::Lang;
use report_core::labels::statutory_cells;
use serde_json::{Value as Json, json};
use tower::ServiceExt;

use super::api::{App, MAX_BODY, router};
use super::form::{self, KeyPath, Seg, TableKeys, keys};
use super::state::{Store, walk};

const TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const PORT: u16 = 4321;
const HOST: &str = "127.0.0.1:4321";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed_text() -> String {
    std::fs::read_to_string(root().join("examples/data/wendeng_2023.toml"))
        .expect("the seed's data file")
}

/// A server on a copy of `text` in a fresh folder.
fn server(text: &str) -> (tempfile::TempDir, PathBuf, Router) {
    server_with(text, None)
}

/// [`server`] with last year's file, as `--previous` reads it.
fn server_with(
    text: &str,
    previous: Option<Loaded>,
) -> (tempfile::TempDir, PathBuf, Router) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("report.toml");
    std::fs::write(&path, text).expect("the data file written");
    let store = Store {
        path: path.clone(),
        lang: Lang::Zh,
        previous,
        lock: tokio::sync::Mutex::new(()),
    };
    let app = Arc::new(App { store, token: TOKEN.to_owned(), port: PORT });
    (dir, path, router(app))
}

/// The rules of a state's problems, in order.
fn rules(state: &Json) -> Vec<&str> {
    state["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p["rule"].as_str())
        .collect()
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Json {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("an answer");
    let status = response.status();
    let headers = response.headers().clone();
    let body =
        response.into_body().collect().await.expect("the body").to_bytes().to_vec();
    Answer { status, headers, body }
}

async fn get(app: &Router, route: &str) -> Answer {
    let request = Request::get(format!("/{TOKEN}/{route}"))
        .header(header::HOST, HOST)
        .body(Body::empty());
    send(app, request.expect("a request")).await
}

async fn post(app: &Router, change: &Json) -> Answer {
    let request = Request::post(format!("/{TOKEN}/change"))
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(change.to_string()));
    send(app, request.expect("a request")).await
}

async fn hash(app: &Router) -> String {
    let state = get(app, "state").await.json();
    state["hash"].as_str().expect("a hash").to_owned()
}

/// Sets a field on the file as it is now; the answer.
async fn set(app: &Router, path: &[Seg], value: Json) -> Answer {
    let base = hash(app).await;
    post(app, &json!({ "base": base, "op": "set", "path": path, "value": value })).await
}

fn table3_cell(row: &[&str], column: &str) -> (usize, KeyPath) {
    let mut labels = vec!["table3_收到和处理政府信息公开申请情况"];
    labels.extend_from_slice(row);
    labels.push(column);
    let index = statutory_cells()
        .iter()
        .position(|c| c.labels == labels)
        .unwrap_or_else(|| panic!("no cell {labels:?}"));
    (index, TableKeys::Labelled.path(&statutory_cells()[index]))
}

#[tokio::test]
async fn the_page_has_an_input_for_every_statutory_cell_and_the_files_texts_as_text() {
    let hostile = seed_text().replace(
        "name = \"威海市文登区科学技术局\"",
        "name = \"科学技术局<script>alert(1)</script>\\\"'&\"",
    );
    let (_dir, _, app) = server(&hostile);
    let page = get(&app, "").await;
    assert_eq!(page.status, StatusCode::OK);
    let csp = page.headers.get(header::CONTENT_SECURITY_POLICY).expect("a policy");
    assert!(csp.to_str().unwrap_or("").contains("script-src 'self'"));
    let html = scraper::Html::parse_document(&page.text());
    let select = |s: &str| scraper::Selector::parse(s).expect("a selector");
    // Every statutory cell is an input or, computed only, an output, by its catalogue index.
    let mut seen: Vec<usize> = html
        .select(&select("[data-cell]"))
        .filter_map(|e| e.value().attr("data-cell")?.parse().ok())
        .collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..statutory_cells().len()).collect::<Vec<_>>());
    // Each input's path is a field the server takes.
    for input in html.select(&select("input[data-path], select[data-path]")) {
        let path: KeyPath =
            serde_json::from_str(input.value().attr("data-path").unwrap_or(""))
                .expect("a path");
        assert!(form::kind_of(&path, TableKeys::Labelled).is_some(), "{path:?}");
    }
    // The hostile name is the value of its input, and no script but the page's own.
    let name = html
        .select(&select("input[data-path]"))
        .find(|e| e.value().attr("data-path") == Some("[\"agency\",\"name\"]"))
        .and_then(|e| e.value().attr("value").map(str::to_owned));
    assert_eq!(name.as_deref(), Some("科学技术局<script>alert(1)</script>\"'&"));
    let scripts: Vec<_> = html.select(&select("script")).collect();
    assert_eq!(scripts.len(), 1);
    assert_eq!(scripts[0].value().attr("src"), Some("edit.js"));
}

#[tokio::test]
async fn a_cell_changed_is_saved_with_the_files_comments_and_its_row_total_computed() {
    let (_dir, path, app) = server(&seed_text());
    let (cell, cell_path) = table3_cell(&["一、本年新收政府信息公开申请数量"], "自然人");
    let (total, _) = table3_cell(&["一、本年新收政府信息公开申请数量"], "总计");
    let answer = set(&app, &cell_path, json!("7")).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let state = answer.json();
    assert_eq!(state["cells"][cell], "7");
    assert_eq!(state["cells"][total], "7", "the row's 总计, computed");
    // On disk: the value, and every comment and key of the file as it was.
    let text = std::fs::read_to_string(&path).expect("the file");
    let before = seed_text();
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(comments(&text), comments(&before));
    let changed: Vec<(&str, &str)> =
        before.lines().zip(text.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed, [("\"自然人\" = 0", "\"自然人\" = 7")]);
    // 7 received and none closed: the balance of 三 is broken, placed at its cells.
    let problems = state["problems"].as_array().expect("problems");
    assert!(
        problems.iter().any(|p| p["severity"] == "error" && p["target"].is_object()),
        "{problems:#?}"
    );
    assert!(
        problems.iter().all(|p| p["text"].as_str().unwrap_or("").starts_with("错误")
            || p["severity"] == "warning")
    );
}

#[tokio::test]
async fn a_wrong_stated_total_is_t3_c_beside_it_in_chinese() {
    let (_dir, _, app) = server(&seed_text());
    let (_, total) = table3_cell(&["一、本年新收政府信息公开申请数量"], "总计");
    let state = set(&app, &total, json!("9")).await.json();
    let t3c: Vec<&Json> = state["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter(|p| p["rule"] == "T3-C")
        .collect();
    assert_eq!(t3c.len(), 1, "{:#?}", state["problems"]);
    assert_eq!(t3c[0]["target"]["path"], json!(total));
    let text = t3c[0]["text"].as_str().unwrap_or("");
    assert!(text.starts_with("错误[T3-C]") && text.contains("提示："), "{text}");
    // Left blank again, it is computed, and the problem is gone.
    let state = set(&app, &total, json!("")).await.json();
    assert_eq!(state["errors"], 0, "{:#?}", state["problems"]);
}

#[tokio::test]
async fn a_file_changed_on_disk_is_a_conflict_and_is_not_overwritten() {
    let (_dir, path, app) = server(&seed_text());
    let base = hash(&app).await;
    let outside = format!("{}\n# changed in a text editor\n", seed_text());
    std::fs::write(&path, &outside).expect("the outside change");
    let change = json!({ "base": base, "op": "set", "path": ["year"], "value": "2024" });
    let answer = post(&app, &change).await;
    assert_eq!(answer.status, StatusCode::CONFLICT);
    assert_eq!(answer.json()["conflict"], true);
    assert!(answer.json()["error"].as_str().unwrap_or("").contains("重新载入"));
    assert_eq!(std::fs::read_to_string(&path).expect("the file"), outside);
    // On the file as it is now, the change is made.
    let answer = set(&app, &keys(&["year"]), json!("2024")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let text = std::fs::read_to_string(&path).expect("the file");
    assert!(text.contains("year = 2024") && text.contains("# changed in a text editor"));
}

#[tokio::test]
async fn foreign_hosts_origins_missing_tokens_and_large_bodies_are_refused() {
    let (_dir, path, app) = server(&seed_text());
    let request = |uri: String, host: &str| {
        Request::get(uri).header(header::HOST, host).body(Body::empty())
    };
    // DNS rebinding: the right path under another name.
    let answer =
        send(&app, request(format!("/{TOKEN}/"), "evil.example").expect("a request"))
            .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(answer.text().contains("evil.example"), "{}", answer.text());
    // No token, a wrong token, a token's prefix.
    for uri in [
        "/".to_owned(),
        "/state".to_owned(),
        format!("/{}/state", &TOKEN[..63]),
        format!("/x{TOKEN}/"),
    ] {
        let answer = send(&app, request(uri.clone(), HOST).expect("a request")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(answer.text().contains("令牌"), "{uri}: {}", answer.text());
    }
    // A cross-site post.
    let base = hash(&app).await;
    let change = json!({ "base": base, "op": "set", "path": ["year"], "value": "1999" })
        .to_string();
    let cross = Request::post(format!("/{TOKEN}/change"))
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://evil.example")
        .body(Body::from(change));
    let answer = send(&app, cross.expect("a request")).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    // A 10 MB body.
    let big = Request::post(format!("/{TOKEN}/change"))
        .header(header::HOST, HOST)
        .header(header::CONTENT_LENGTH, 10 * 1024 * 1024)
        .body(Body::from(vec![b' '; 10 * 1024 * 1024]));
    let answer = send(&app, big.expect("a request")).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(answer.text().contains(&(MAX_BODY / 1024).to_string()), "{}", answer.text());
    // The file is as it was.
    assert_eq!(std::fs::read_to_string(&path).expect("the file"), seed_text());
}

#[tokio::test]
async fn values_a_field_does_not_take_are_refused_and_nothing_is_written() {
    let (_dir, path, app) = server(&seed_text());
    let (_, cell) = table3_cell(&["一、本年新收政府信息公开申请数量"], "自然人");
    let long = "长".repeat(form::MAX_FIELD_CHARS + 1);
    let cases: Vec<(KeyPath, Json, &str)> = vec![
        (cell.clone(), json!("abc"), "不是件数"),
        (cell.clone(), json!("-3"), "不是件数"),
        (cell, json!("1.5"), "不是件数"),
        (keys(&["year"]), json!("二〇二三"), "不是年份"),
        (keys(&["date"]), json!("2024-02-30"), "不是日期"),
        (keys(&["agency", "kind"]), json!("ministry"), "应为以下之一"),
        (keys(&["agency", "name"]), json!(long), "超过"),
        (keys(&["agency", "secret"]), json!("x"), "表单中没有"),
        (keys(&["tables", "table9"]), json!("1"), "表单中没有"),
        (keys(&["preamble"]), json!("one string"), "应为文字"),
    ];
    for (path, value, expected) in cases {
        let answer = set(&app, &path, value).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{path:?}");
        let error = answer.json()["error"].as_str().unwrap_or("").to_owned();
        assert!(error.contains(expected), "{path:?}: {error}");
    }
    let garbage = Request::post(format!("/{TOKEN}/change"))
        .header(header::HOST, HOST)
        .body(Body::from("{not json"));
    let answer = send(&app, garbage.expect("a request")).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(std::fs::read_to_string(&path).expect("the file"), seed_text());
}

#[tokio::test]
async fn items_are_added_moved_and_removed_and_the_file_still_reads() {
    let (_dir, path, app) = server(&seed_text());
    let list = keys(&["other_matters", "items"]);
    let titles = |text: &str| {
        let loaded = datafile::load(datafile::Source::new("r", text, Format::Toml), None)
            .expect("TOML");
        assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
        let report = loaded.report.expect("a report");
        report.other_matters.items.iter().map(|i| i.title.clone()).collect::<Vec<_>>()
    };
    let before = titles(&seed_text());
    assert_eq!(before.len(), 2);
    let op = |op: &str, extra: Json| {
        let mut change = json!({ "op": op, "path": list });
        if let (Some(c), Some(e)) = (change.as_object_mut(), extra.as_object()) {
            c.extend(e.clone());
        }
        change
    };
    for change in
        [op("add_item", json!({})), op("move_item", json!({ "from": 2, "to": 0 }))]
    {
        let mut change = change;
        change["base"] = json!(hash(&app).await);
        assert_eq!(post(&app, &change).await.status, StatusCode::OK);
    }
    let mut title_path = list.clone();
    title_path.extend([Seg::Index(0), Seg::Key("title".into())]);
    assert_eq!(set(&app, &title_path, json!("新的事项：")).await.status, StatusCode::OK);
    let text = std::fs::read_to_string(&path).expect("the file");
    assert_eq!(titles(&text), ["新的事项：", before[0].as_str(), before[1].as_str()]);
    let mut remove = op("remove_item", json!({ "index": 1 }));
    remove["base"] = json!(hash(&app).await);
    assert_eq!(post(&app, &remove).await.status, StatusCode::OK);
    let text = std::fs::read_to_string(&path).expect("the file");
    assert_eq!(titles(&text), ["新的事项：", before[1].as_str()]);
    // An item that is not there.
    let mut gone = op("remove_item", json!({ "index": 5 }));
    gone["base"] = json!(hash(&app).await);
    assert_eq!(post(&app, &gone).await.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_downloads_are_the_reports_and_refused_while_it_has_errors() {
    let (_dir, _, app) = server(&seed_text());
    let pdf = get(&app, "report.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.body.starts_with(b"%PDF-"));
    let disposition = pdf
        .headers
        .get(header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        disposition.starts_with("attachment;") && disposition.contains("report.pdf"),
        "{disposition}"
    );
    let docx = get(&app, "report.docx").await;
    assert!(docx.body.starts_with(b"PK"));
    let html = get(&app, "report.html").await;
    assert!(
        html.text().contains("威海市文登区科学技术局2023年政府信息公开工作年度报告")
            || html.text().contains("2023年政府信息公开工作年度报告")
    );
    let preview = get(&app, "preview").await;
    assert_eq!(preview.status, StatusCode::OK);
    let policy = preview
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        policy.contains("default-src 'none'") && !policy.contains("script-src"),
        "{policy}"
    );
    let (_, total) = table3_cell(&["一、本年新收政府信息公开申请数量"], "总计");
    assert_eq!(set(&app, &total, json!("9")).await.status, StatusCode::OK);
    let refused = get(&app, "report.pdf").await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.text().contains("未生成"), "{}", refused.text());
}

/// The fields of a data file the form shows, with the values the page would send.
fn fields_of(text: &str) -> Vec<(KeyPath, Json)> {
    use toml_edit::Value;
    let doc: toml_edit::DocumentMut = text.parse().expect("TOML");
    let mut out = Vec::new();
    walk(doc.as_item(), &mut Vec::new(), &mut |path, item| {
        if form::kind_of(path, TableKeys::Labelled).is_none() {
            return;
        }
        let value = match item.as_value() {
            Some(Value::Array(a)) => {
                json!(a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>())
            }
            Some(Value::String(s)) => json!(s.value()),
            Some(Value::Float(f)) => json!(f.display_repr().trim()),
            Some(v) => json!(v.to_string().trim()),
            None => return,
        };
        out.push((path.clone(), value));
    });
    out
}

/// A clerk starts from nothing (`edit` creates the file as `init` does), fills in the
/// seed report field by field through the requests the page sends, and gets the seed's
/// data file (after formatting) and the PDF of the example, byte for byte.
#[tokio::test]
async fn a_clerk_fills_in_the_seed_report_from_nothing_and_gets_the_examples_pdf() {
    let seed = seed_text();
    let agency = crate::agency(
        "威海市文登区科学技术局".into(),
        crate::Kind::Department,
        crate::Level::County,
    );
    let skeleton = datafile::write::skeleton(agency, 2023, Format::Toml);
    let (_dir, path, app) = server(&skeleton);
    // The lists of items first, as many as the seed has.
    let seed_doc: toml_edit::DocumentMut = seed.parse().expect("TOML");
    for list in form::ITEM_LISTS {
        let want = seed_doc[list[0]][list[1]].as_array_of_tables().map_or(0, |a| a.len());
        let have = |text: &str| {
            let doc: toml_edit::DocumentMut = text.parse().expect("TOML");
            doc[list[0]][list[1]].as_array_of_tables().map_or(0, |a| a.len())
        };
        while have(&std::fs::read_to_string(&path).expect("the file")) < want {
            let change = json!({ "base": hash(&app).await, "op": "add_item", "path": keys(&list) });
            assert_eq!(post(&app, &change).await.status, StatusCode::OK);
        }
        while have(&std::fs::read_to_string(&path).expect("the file")) > want {
            let change = json!({ "base": hash(&app).await, "op": "remove_item", "path": keys(&list), "index": 0 });
            assert_eq!(post(&app, &change).await.status, StatusCode::OK);
        }
    }
    let fields = fields_of(&seed);
    assert!(fields.len() > 150, "{}", fields.len());
    for (field, value) in &fields {
        let answer = set(&app, field, value.clone()).await;
        assert_eq!(answer.status, StatusCode::OK, "{field:?}: {}", answer.text());
    }
    // The totals the seed leaves to be computed, which the new file states as 0: cleared.
    for cell in statutory_cells() {
        let cell_path = TableKeys::Labelled.path(cell);
        if cell.optional() && !fields.iter().any(|(p, _)| *p == cell_path) {
            let answer = set(&app, &cell_path, json!("")).await;
            assert_eq!(answer.status, StatusCode::OK, "{cell_path:?}: {}", answer.text());
        }
    }
    let filled = std::fs::read_to_string(&path).expect("the file");
    let report = |text: &str| {
        let loaded = datafile::load(datafile::Source::new("r", text, Format::Toml), None)
            .expect("TOML");
        assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
        loaded.report.expect("a report")
    };
    let (ours, theirs) = (report(&filled), report(&seed));
    assert!(ours == theirs, "the report differs from the seed's");
    assert_eq!(datafile::write::to_toml(&ours), datafile::write::to_toml(&theirs));
    let pdf = get(&app, "report.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    let example = report_typst::render(
        &report_examples::wendeng_2023(),
        &report_typst::RenderOptions::default(),
    )
    .expect("the example renders");
    assert!(
        pdf.body == example.pdf,
        "the PDF differs from the example's ({} vs {} bytes)",
        pdf.body.len(),
        example.pdf.len()
    );
}

/// With last year's file (`--previous`), the cross-year rules run and the `.较上年`
/// placeholders are filled from it.
#[tokio::test]
async fn last_years_file_gives_the_cross_year_checks_and_the_changes() {
    let table = "table3_收到和处理政府信息公开申请情况";
    let mut last: toml_edit::DocumentMut = seed_text().parse().expect("TOML");
    last["year"] = toml_edit::value(2022);
    last["date"] = toml_edit::value("2023-01-20");
    last["tables"][table]["一、本年新收政府信息公开申请数量"]["自然人"] =
        toml_edit::value(2);
    last["tables"][table]["四、结转下年度继续办理"]["自然人"] = toml_edit::value(2);
    let source = datafile::Source::new("2022.toml", last.to_string(), Format::Toml);
    let previous = datafile::load(source, None).expect("last year's file reads");
    assert!(!previous.has_errors(), "{:#?}", previous.problems);
    let (_dir, _, app) = server_with(&seed_text(), Some(previous));
    let state = get(&app, "state").await.json();
    let rules = rules(&state);
    assert!(rules.contains(&"Y-CONT"), "{rules:?}");
    let paragraph = "本年新收申请{申请.本年新收.较上年}。";
    let answer =
        set(&app, &keys(&["other_matters", "paragraphs"]), json!([paragraph])).await;
    let filled = answer.json()["filled"].as_array().expect("filled").clone();
    let text = filled
        .iter()
        .find(|f| f["path"] == json!(["other_matters", "paragraphs"]))
        .and_then(|f| f["text"].as_str())
        .expect("the paragraph filled in")
        .to_owned();
    assert!(
        text.starts_with("本年新收申请") && !text.contains('{') && text != paragraph,
        "{text}"
    );
    println!("{text}");
}

/// Last year's file that cannot be read as a report (an unknown label) still serves the
/// checks as far as it reads, but nothing is printed from it: the downloads say why, as
/// `render --previous` does.
#[tokio::test]
async fn last_years_file_that_does_not_read_is_not_printed_from() {
    let broken = seed_text().replacen("\"自然人\" = 0", "\"自然人们\" = 0", 1);
    let source = datafile::Source::new("2022.toml", broken, Format::Toml);
    let previous = datafile::load(source, None).expect("TOML");
    assert!(previous.report.is_none(), "the label is an error of reading");
    let (_dir, _, app) = server_with(&seed_text(), Some(previous));
    let state = get(&app, "state").await.json();
    let rules = rules(&state);
    assert!(rules.contains(&"PREV"), "{rules:?}");
    let refused = get(&app, "report.pdf").await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.text().contains("2022.toml"), "{}", refused.text());
}
