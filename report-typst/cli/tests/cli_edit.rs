//! `govreport edit` as a clerk meets it: the command creates a missing file and prints
//! the form's address; the server refuses what the guard refuses over a real socket; and
//! the form in Chromium, driven through WebDriver (`chromedriver`, from the
//! `chromium-driver` package, and fantoccini): a cell of 三 filled and its row's 总计
//! computed, a wrong 总计 stated and T3-C shown beside it in Chinese, a paragraph added
//! with a placeholder and seen filled in the preview, the PDF downloaded and read, the
//! file changed on disk and the conflict offered; screenshots at 1280 and 390 px.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use report_core::labels::statutory_cells;
use serde_json::json;

use crate::common::govreport;

/// A child process killed when dropped (the server, the driver).
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What `govreport edit` prints after the address.
type Rest = std::io::Lines<BufReader<std::process::ChildStdout>>;

/// `govreport --lang zh edit FILE --no-open`, the address it printed and the rest of
/// its output.
fn serve_printing(file: &Path, extra: &[&str]) -> (Killed, String, Rest) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_govreport"));
    command.args(["--lang", "zh", "edit"]).arg(file).args(["--no-open"]).args(extra);
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("govreport starts");
    let stdout = child.stdout.take().expect("its output");
    let mut lines = BufReader::new(stdout).lines();
    let mut printed = Vec::new();
    let url = loop {
        match lines.next() {
            Some(Ok(line)) if line.starts_with("http://127.0.0.1:") => break line,
            Some(Ok(line)) => printed.push(line),
            _ => {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                panic!("no address printed: {printed:?} {err}");
            }
        }
    };
    assert!(printed.iter().any(|l| l.contains("正在编辑")), "{printed:?}");
    (Killed(child), url, lines)
}

/// [`serve_printing`], its output after the address left unread.
fn serve(file: &Path, extra: &[&str]) -> (Killed, String) {
    let (child, url, _) = serve_printing(file, extra);
    (child, url)
}

/// A raw HTTP/1.1 request to the server; the status line and the body.
fn raw(url: &str, request: &[u8]) -> (String, String) {
    let address =
        url.trim_start_matches("http://").split('/').next().expect("an address");
    let mut stream = TcpStream::connect(address).expect("the server listens");
    stream.set_read_timeout(Some(Duration::from_secs(30))).expect("a timeout");
    // A refused body is answered before it is all sent: the rest may not be read.
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer.lines().next().unwrap_or("").to_owned();
    let body =
        answer.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

#[test]
fn edit_creates_a_missing_file_and_refuses_foreign_hosts_missing_tokens_and_large_bodies()
{
    let dir = tempfile::tempdir().expect("a folder");
    let file = dir.path().join("2025.toml");
    // Without an agency and a year, a missing file is not created.
    govreport()
        .args(["--lang", "zh", "edit"])
        .arg(&file)
        .arg("--no-open")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--agency 和 --year"));
    assert!(!file.exists());
    // A JSON data file is not edited in the form.
    let json_file = dir.path().join("2025.json");
    std::fs::write(&json_file, "{}").expect("a JSON file");
    govreport()
        .args(["--lang", "zh", "edit"])
        .arg(&json_file)
        .arg("--no-open")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("只编辑 TOML 数据文件"));
    let (mut server, url, mut rest) =
        serve_printing(&file, &["--agency", "某县人民政府办公室", "--year", "2025"]);
    let text = std::fs::read_to_string(&file).expect("the file is created");
    assert!(text.contains("某县人民政府办公室") && text.contains("year = 2025"));
    let port =
        url.trim_start_matches("http://127.0.0.1:").split('/').next().expect("a port");
    let path = url
        .trim_start_matches("http://")
        .split_once('/')
        .map(|(_, p)| p)
        .expect("a path");
    let host = format!("127.0.0.1:{port}");
    let get = |path: &str, host: &str| {
        format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
    };
    let (status, body) = raw(&url, get(path, &host).as_bytes());
    assert!(status.contains(" 200 "), "{status}");
    assert!(body.contains("某县人民政府办公室"));
    let (status, body) = raw(&url, get(path, "evil.example").as_bytes());
    assert!(status.contains(" 403 ") && body.contains("evil.example"), "{status} {body}");
    let (status, body) = raw(&url, get("state", &host).as_bytes());
    assert!(status.contains(" 404 ") && body.contains("令牌"), "{status} {body}");
    let big = 10 * 1024 * 1024;
    let mut request = format!(
        "POST /{path}change HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {big}\r\nConnection: close\r\n\r\n"
    )
    .into_bytes();
    request.extend(std::iter::repeat_n(b' ', big));
    let (status, body) = raw(&url, &request);
    assert!(status.contains(" 413 ") && body.contains("1024 KB"), "{status} {body}");
    assert_eq!(std::fs::read_to_string(&file).expect("the file"), text);
    // Ctrl-C: the server stops, says so, and exits with 0.
    let interrupted = Command::new("kill")
        .args(["-INT", &server.0.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(interrupted.success());
    let status = server.0.wait().expect("the server exits");
    assert_eq!(status.code(), Some(0));
    let said: Vec<String> = rest.by_ref().map_while(Result::ok).collect();
    assert!(said.iter().any(|l| l.starts_with("已停止")), "{said:?}");
}

/// `chromedriver` on a free port (`CHROMEDRIVER` names another binary); a test that
/// cannot start it fails, saying what to install.
fn driver() -> (Killed, String) {
    let binary = std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| "chromedriver".into());
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(&binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("chromedriver ({}) does not start: {e}; install the chromium-driver package", binary.display())
        });
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver does not listen"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (Killed(child), format!("http://127.0.0.1:{port}"))
}

async fn browser(driver: &str, downloads: &Path) -> Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--window-size=1280,1600", "--lang=zh-CN"],
            "prefs": { "download.default_directory": downloads, "download.prompt_for_download": false }
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(driver)
        .await
        .expect("a Chromium session through chromedriver")
}

/// Polls `check` until it gives `Some`, for at most ten seconds.
async fn until<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn cell_index(row: &str, column: &str) -> usize {
    statutory_cells()
        .iter()
        .position(|c| c.labels == ["table3_收到和处理政府信息公开申请情况", row, column])
        .unwrap_or_else(|| panic!("no cell {row} / {column}"))
}

async fn attr(client: &Client, css: &str, name: &str) -> Option<String> {
    client.find(Locator::Css(css)).await.ok()?.attr(name).await.ok()?
}

async fn texts(client: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in client.find_all(Locator::Css(css)).await.unwrap_or_default() {
        out.push(e.text().await.unwrap_or_default());
    }
    out
}

/// Select all and delete, then type `text`: what a clerk's keys do, events included.
async fn retype(client: &Client, css: &str, text: &str) {
    let input = client.find(Locator::Css(css)).await.expect("the input");
    input.click().await.expect("focus");
    input.send_keys("\u{E009}a\u{E009}\u{E003}").await.expect("cleared");
    if !text.is_empty() {
        input.send_keys(text).await.expect("typed");
    }
}

fn step(n: usize, what: &str) {
    println!("step {n}: {what}: ok");
}

/// Needs Chromium and chromedriver (Debian's `chromium` and `chromium-driver`), which the
/// README's test command does not assume: CI runs it by name with `--ignored`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver: cargo test --release -p govreport --test main a_clerk_fills_in_the_form_in_chromium -- --ignored"]
async fn a_clerk_fills_in_the_form_in_chromium() {
    let dir = tempfile::tempdir().expect("a folder");
    let file = dir.path().join("wendeng_2023.toml");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data/wendeng_2023.toml");
    std::fs::copy(seed, &file).expect("the seed copied");
    let downloads = dir.path().join("downloads");
    std::fs::create_dir(&downloads).expect("a downloads folder");
    let (_server, url) = serve(&file, &[]);
    let (_driver, driver_url) = driver();
    let client = browser(&driver_url, &downloads).await;
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("edit-screenshots");
    std::fs::create_dir_all(&shots).expect("a folder for screenshots");

    client.goto(&url).await.expect("the form loads");
    until("the file's check shown", || async {
        let status = client.find(Locator::Id("status")).await.ok()?.text().await.ok()?;
        status.contains("没有错误").then_some(())
    })
    .await;
    let listed = texts(&client, "#problem-list li").await;
    assert_eq!(listed, ["没有错误或警告"]);
    step(1, "the form loads and says the seed has no error");

    // 三、一、本年新收: 自然人 typed, and the row's 总计 (left out: computed) follows.
    let row = "一、本年新收政府信息公开申请数量";
    let (person, total) = (cell_index(row, "自然人"), cell_index(row, "总计"));
    let person_css = format!("input[data-cell=\"{person}\"]");
    let total_css = format!("input[data-cell=\"{total}\"]");
    retype(&client, &person_css, "5").await;
    until("the row's 总计 shows 5", || async {
        (attr(&client, &total_css, "placeholder").await.as_deref() == Some("5"))
            .then_some(())
    })
    .await;
    let on_disk = std::fs::read_to_string(&file).expect("the file");
    assert!(on_disk.contains("\"自然人\" = 5"), "the cell is saved");
    step(2, "自然人 = 5 typed in 三、一; its 总计 shows 5; the file holds it");

    // A wrong 总计 stated: T3-C beside it, in Chinese, with the hint.
    retype(&client, &total_css, "9").await;
    let beside = format!("td:has(> {total_css}) ul.msgs li");
    let marker = until("T3-C beside the 总计", || async {
        texts(&client, &beside).await.into_iter().find(|t| t.starts_with("错误[T3-C]"))
    })
    .await;
    let full = attr(&client, &beside, "title").await.unwrap_or_default();
    let below = texts(&client, "#table3 ul.table-msgs li").await;
    assert!(below.contains(&full), "{below:?}");
    assert!(full.contains("总计") && full.contains("提示："), "{full}");
    println!("  in the 总计's cell: {marker}; under the table: {full}");
    step(3, "总计 = 9 stated; T3-C shown beside it in Chinese");
    shoot(&client, &shots, "edit-1280-error.png", 1280, 1600, Some(&total_css)).await;

    // Both back to what they were: no error.
    retype(&client, &total_css, "").await;
    retype(&client, &person_css, "0").await;
    until("no error again", || async {
        let status = client.find(Locator::Id("status")).await.ok()?.text().await.ok()?;
        status.contains("没有错误").then_some(())
    })
    .await;
    step(4, "the 总计 cleared and 自然人 = 0 again; no error");

    // 六's own paragraphs (none in the seed): one added, a placeholder inserted.
    let list = "#other_matters > .paragraphs";
    client
        .find(Locator::Css(&format!("{list} > button[data-action=\"para-add\"]")))
        .await
        .expect("the add button")
        .click()
        .await
        .expect("a paragraph added");
    let area_css = format!("{list} > .para textarea");
    let area = client.find(Locator::Css(&area_css)).await.expect("the new paragraph");
    area.send_keys("本年度共新收政府信息公开申请").await.expect("typed");
    client
        .find(Locator::Css("button[data-insert=\"{申请.本年新收}\"]"))
        .await
        .expect("the placeholder's button")
        .click()
        .await
        .expect("inserted");
    area.send_keys("件。").await.expect("typed");
    let wanted = "本年度共新收政府信息公开申请0件。";
    let filled = until("the paragraph shown filled in", || async {
        texts(&client, &format!("{list} > .para > .filled"))
            .await
            .into_iter()
            .find(|t| t == wanted)
    })
    .await;
    assert_eq!(filled, wanted);
    assert!(
        std::fs::read_to_string(&file)
            .expect("the file")
            .contains("本年度共新收政府信息公开申请{申请.本年新收}件。")
    );
    until("the preview shows it", || async {
        client.enter_frame(0).await.ok()?;
        let body = client.find(Locator::Css("body")).await.ok()?.text().await.ok();
        client.enter_parent_frame().await.ok()?;
        body.filter(|b| b.contains(wanted))
    })
    .await;
    step(
        5,
        "a paragraph added to 六 with {申请.本年新收}; shown filled in and in the preview",
    );

    // The PDF, downloaded by its link, holds the new paragraph.
    client
        .find(Locator::Id("download-pdf"))
        .await
        .expect("the link")
        .click()
        .await
        .expect("clicked");
    let pdf = until("the PDF downloaded", || async {
        let entries = std::fs::read_dir(&downloads).ok()?;
        let path = entries
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "pdf"))?;
        let bytes = std::fs::read(&path).ok()?;
        (bytes.ends_with(b"%%EOF\n") || bytes.ends_with(b"%%EOF"))
            .then_some((path, bytes))
    })
    .await;
    let text = report_tests::compact(&report_tests::extract_text(&pdf.1));
    assert!(text.contains(wanted), "the PDF lacks the paragraph");
    println!(
        "  downloaded {} ({} bytes)",
        pdf.0.file_name().unwrap_or_default().to_string_lossy(),
        pdf.1.len()
    );
    step(6, "the PDF downloaded by its link holds the new paragraph");
    shoot(&client, &shots, "edit-1280.png", 1280, 1600, None).await;
    shoot(&client, &shots, "edit-390.png", 390, 844, None).await;
    shoot(&client, &shots, "edit-390-table.png", 390, 844, Some(&person_css)).await;

    // Someone edits the file: the form offers to reload and overwrites nothing.
    let outside = format!(
        "{}\n# 在文本编辑器中修改\n",
        std::fs::read_to_string(&file).expect("the file")
    );
    std::fs::write(&file, &outside).expect("the outside change");
    until("the conflict offered", || async {
        let shown =
            client.find(Locator::Id("conflict")).await.ok()?.is_displayed().await.ok()?;
        shown.then_some(())
    })
    .await;
    let notice = texts(&client, "#conflict p").await.join("");
    assert!(notice.contains("重新载入"), "{notice}");
    retype(&client, &person_css, "3").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        std::fs::read_to_string(&file).expect("the file"),
        outside,
        "nothing overwritten"
    );
    shoot(&client, &shots, "edit-1280-conflict.png", 1280, 900, None).await;
    client
        .find(Locator::Id("reload"))
        .await
        .expect("the button")
        .click()
        .await
        .expect("reloaded");
    until("the form reloaded from the file", || async {
        let shown =
            client.find(Locator::Id("conflict")).await.ok()?.is_displayed().await.ok()?;
        let value = attr(&client, &person_css, "value").await?;
        (!shown && value == "0").then_some(())
    })
    .await;
    step(
        7,
        "the file changed on disk: the conflict offered, the file kept, the form reloaded from it",
    );
    client.close().await.expect("the session ends");
    println!("screenshots in {}", shots.display());
}

/// A screenshot of the window at `width` × `height`, scrolled to `at` if given.
async fn shoot(
    client: &Client,
    dir: &Path,
    name: &str,
    width: u32,
    height: u32,
    at: Option<&str>,
) {
    client.set_window_size(width, height).await.expect("the window resized");
    let script = "const e = arguments[0] && document.querySelector(arguments[0]); \
                  if (e) e.scrollIntoView({block: 'center'}); else window.scrollTo(0, 0);";
    client.execute(script, vec![json!(at)]).await.expect("scrolled");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = client.screenshot().await.expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    std::fs::write(dir.join(name), png).expect("the screenshot written");
}
