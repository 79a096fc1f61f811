//! The audit as one self-contained web page (`govreport audit DIR --html`): no script,
//! nothing loaded from elsewhere, a Content-Security-Policy that forbids scripts, every
//! text written through [`Html`] (escaped by construction) and the charts drawn by
//! [`super::charts`]. Written from the [`Audit`] model alone; the same model gives the
//! same bytes.

use report_core::Severity;
use report_core::html::Html;
use report_core::l10n::{Arg, Lang, arg, tr};

use super::{Audit, FIGURES, KeyFigures, Problem, charts};

/// The policy: nothing from anywhere, styles only inline, no script at all.
pub const CSP: &str = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; \
                       img-src 'none'; base-uri 'none'; form-action 'none'";

/// The most bars a ranked chart draws (the highest); its table ranks every agency.
const MAX_BARS: usize = 30;

/// The page's style: readable at 390 px; tables and charts scroll inside their own box,
/// never the page.
const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',\
'Microsoft YaHei',sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.5}\
main{max-width:1200px;margin:0 auto;padding:12px 16px}\
h1{font-size:1.5em}h2{border-bottom:2px solid #1f5fa8;padding-bottom:2px;margin-top:1.6em}\
h1,h2,h3,h4,p,dd,li{overflow-wrap:anywhere}\
.glance{display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0}\
.glance div{border:1px solid #ccd;border-radius:6px;padding:6px 12px;min-width:7em}\
.glance dt{font-size:.85em;color:#555}.glance dd{margin:0;font-size:1.5em;font-weight:600}\
.err{color:#b00020}.warn{color:#8a5a00}\
.fig{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}\
.chart{flex:1 1 420px;max-width:660px;min-width:0}.chart svg{width:100%;height:auto}\
.scroll{overflow-x:auto;max-width:100%;flex:1 1 300px;min-width:0;margin:6px 0}\
table{border-collapse:collapse;font-size:.9em}\
th,td{border:1px solid #ccd;padding:3px 6px;vertical-align:top;white-space:nowrap}\
td.wrap{white-space:normal;min-width:14em;max-width:32em}td.name{white-space:normal;min-width:7em}\
th{background:#eef2f8;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}\
section.report{border-top:1px solid #ccd;margin-top:1.2em}";

fn say(lang: Lang, id: &str, args: &[Arg]) -> String {
    tr(lang, id, args)
}

fn t(text: &str) -> Html {
    Html::text(text)
}

fn el(tag: &'static str, children: impl IntoIterator<Item = Html>) -> Html {
    Html::element(tag, [], children)
}

fn th(text: &str) -> Html {
    Html::element("th", [("scope", "col")], [t(text)])
}

fn num(n: impl ToString) -> Html {
    Html::element("td", [("class", "n")], [t(&n.to_string())])
}

fn td(text: &str) -> Html {
    el("td", [t(text)])
}

/// A cell of long text, wrapped (the others keep to one line and the table scrolls).
fn td_wrap(text: &str) -> Html {
    Html::element("td", [("class", "wrap")], [t(text)])
}

fn link(anchor: &str, text: &str) -> Html {
    let href = format!("#{anchor}");
    Html::element("a", [("href", href.as_str())], [t(text)])
}

/// A table in its own scrolling box: a header and rows.
fn table(header: &[String], rows: Vec<Html>) -> Html {
    table_with_id("", header, rows)
}

/// [`table`] with an `id` (none if empty), for the tables a reader (or a test) looks up.
fn table_with_id(id: &str, header: &[String], rows: Vec<Html>) -> Html {
    let attrs: Vec<(&'static str, &str)> =
        if id.is_empty() { Vec::new() } else { vec![("id", id)] };
    Html::element(
        "div",
        [("class", "scroll")],
        [Html::element(
            "table",
            attrs,
            [el("thead", [el("tr", header.iter().map(|h| th(h)))]), el("tbody", rows)],
        )],
    )
}

/// A chart beside its table; the chart left out if it could not be drawn.
fn figure(chart: Option<String>, table: Html) -> String {
    let mut out = String::from("<div class=\"fig\">");
    if let Some(svg) = chart {
        out.push_str("<div class=\"chart\">");
        out.push_str(&svg);
        out.push_str("</div>");
    }
    out.push_str(table.as_str());
    out.push_str("</div>");
    out
}

/// `name: value; …` with the full names: a chart's `<desc>`.
fn desc(lang: Lang, what: &str, items: &[(String, String)]) -> String {
    let colon = tr(lang, "colon", &[]);
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    let list: Vec<String> = items.iter().map(|(n, v)| format!("{n}{colon}{v}")).collect();
    format!("{what}{colon}{}", list.join(sep))
}

/// ‰ as a percentage with one decimal: `734` → `73.4%`.
fn per_mille(n: u64) -> String {
    format!("{}.{}%", n / 10, n % 10)
}

fn severity_name(lang: Lang, severity: &str) -> String {
    if severity == "error" {
        Severity::Error.name(lang)
    } else {
        Severity::Warning.name(lang)
    }
}

/// The page of `audit`, in the language the audit was written in.
pub fn write(audit: &Audit) -> String {
    let lang = if audit.lang == "zh" { Lang::Zh } else { Lang::En };
    let s = |id: &str| say(lang, id, &[]);
    let title = s("audit-page-title");
    let mut body = String::new();
    body.push_str(el("h1", [t(&title)]).as_str());

    // At a glance.
    body.push_str(el("h2", [t(&s("audit-page-glance"))]).as_str());
    let totals = &audit.totals;
    let glance = [
        ("audit-page-read", totals.read, ""),
        ("audit-page-unreadable", totals.unreadable, "err"),
        ("audit-page-clean", totals.clean, ""),
        ("audit-page-with-errors", totals.with_errors, "err"),
        ("audit-page-with-warnings", totals.with_warnings, "warn"),
    ];
    body.push_str(
        Html::element(
            "dl",
            [("class", "glance")],
            glance.iter().map(|(id, n, class)| {
                el(
                    "div",
                    [
                        el("dt", [t(&s(id))]),
                        Html::element("dd", [("class", *class)], [t(&n.to_string())]),
                    ],
                )
            }),
        )
        .as_str(),
    );
    let unreadable: Vec<Html> = audit
        .reports
        .iter()
        .filter_map(|e| {
            e.failure.as_ref().map(|why| {
                el("li", [el("strong", [t(&e.file)]), t(&tr(lang, "colon", &[])), t(why)])
            })
        })
        .collect();
    if !unreadable.is_empty() {
        body.push_str(el("h3", [t(&s("audit-page-unreadable-list"))]).as_str());
        body.push_str(el("ul", unreadable).as_str());
    }

    // Problems by rule.
    body.push_str(el("h2", [t(&s("audit-page-rules"))]).as_str());
    if audit.by_rule.is_empty() {
        body.push_str(el("p", [t(&s("audit-page-no-problems"))]).as_str());
    } else {
        let items: Vec<(String, f64)> =
            audit.by_rule.iter().map(|r| (r.rule.clone(), r.problems as f64)).collect();
        let named: Vec<(String, String)> = audit
            .by_rule
            .iter()
            .map(|r| (r.rule.clone(), r.problems.to_string()))
            .collect();
        let chart = charts::bars(
            &s("audit-page-rules"),
            &desc(lang, &s("audit-page-problems"), &named),
            &items,
            &|x| charts::count_label(x),
        );
        let rows = audit
            .by_rule
            .iter()
            .map(|r| {
                el(
                    "tr",
                    [
                        td(&r.rule),
                        td(&severity_name(lang, r.severity)),
                        num(r.problems),
                        num(r.reports),
                    ],
                )
            })
            .collect();
        let header = [
            s("audit-page-rule"),
            s("audit-page-severity"),
            s("audit-page-problems"),
            s("audit-page-reports-with"),
        ];
        body.push_str(&figure(chart, table_with_id("rules", &header, rows)));
    }

    // One row per report, by errors.
    body.push_str(el("h2", [t(&s("audit-page-reports"))]).as_str());
    let mut read: Vec<_> = audit.read().collect();
    read.sort_by(|(ea, a), (eb, b)| {
        b.errors
            .cmp(&a.errors)
            .then(b.warnings.cmp(&a.warnings))
            .then(ea.file.cmp(&eb.file))
    });
    let mut header = vec![
        s("audit-col-agency-name"),
        s("audit-col-year"),
        s("audit-page-format"),
        s("audit-col-errors"),
        s("audit-col-warnings"),
    ];
    header.extend(FIGURES.iter().map(|(_, id)| s(id)));
    let rows = read
        .iter()
        .map(|(e, r)| {
            let mut cells = vec![
                el("td", [link(&e.anchor, &r.agency)]),
                num(r.year),
                td(&r.format),
                num(r.errors),
                num(r.warnings),
            ];
            cells.extend(r.figures.values().iter().map(num));
            el("tr", cells)
        })
        .collect();
    body.push_str(table_with_id("reports", &header, rows).as_str());

    // Several years of one agency.
    if !audit.agencies.is_empty() {
        body.push_str(el("h2", [t(&s("audit-page-years"))]).as_str());
    }
    for agency in &audit.agencies {
        body.push_str(el("h3", [t(&agency.agency)]).as_str());
        let years: Vec<i32> = agency.years.iter().map(|y| y.year).collect();
        let shown = [0usize, 1, 4];
        let series: Vec<(String, Vec<u64>)> = shown
            .iter()
            .map(|&k| {
                (
                    s(FIGURES[k].1),
                    agency.years.iter().map(|y| y.figures.values()[k]).collect(),
                )
            })
            .collect();
        let named: Vec<(String, String)> = agency
            .years
            .iter()
            .map(|y| {
                let values: Vec<String> =
                    shown.iter().map(|&k| y.figures.values()[k].to_string()).collect();
                (y.year.to_string(), values.join(" / "))
            })
            .collect();
        let chart_title =
            say(lang, "audit-page-years-chart", &[arg("agency", agency.agency.as_str())]);
        let what: Vec<String> = series.iter().map(|(n, _)| n.clone()).collect();
        let chart = charts::years(
            &chart_title,
            &desc(lang, &what.join(" / "), &named),
            &years,
            &series,
        );
        let mut header = vec![s("audit-col-year")];
        header.extend(FIGURES.iter().map(|(_, id)| s(id)));
        let rows = agency
            .years
            .iter()
            .map(|y| {
                let mut cells = vec![el("td", [link(&y.anchor, &y.year.to_string())])];
                cells.extend(y.figures.values().iter().map(num));
                el("tr", cells)
            })
            .collect();
        body.push_str(&figure(chart, table(&header, rows)));
        for pair in &agency.pairs {
            body.push_str(
                el(
                    "h4",
                    [t(&say(
                        lang,
                        "audit-page-pair",
                        &[arg("last", pair.last_year), arg("this", pair.this_year)],
                    ))],
                )
                .as_str(),
            );
            let checks = pair.checks.iter().map(|c| {
                let outcome = if c.problems.is_empty() {
                    s("audit-page-check-passed")
                } else {
                    say(lang, "audit-page-check-failed", &[arg("n", c.problems.len())])
                };
                let mut items = vec![el("strong", [t(&c.rule)]), t(" "), t(&outcome)];
                for p in &c.problems {
                    items.push(Html::void("br", []));
                    items.push(t(&format!("{} {}", p.labels, p.message)));
                }
                el("li", items)
            });
            body.push_str(el("ul", checks).as_str());
            if !pair.changes.is_empty() {
                body.push_str(el("p", [t(&s("audit-page-changes"))]).as_str());
                let header = [
                    s("audit-page-change-name"),
                    pair.last_year.to_string(),
                    pair.this_year.to_string(),
                    s("audit-page-change-delta"),
                    s("audit-page-change-percent"),
                ];
                let rows = pair
                    .changes
                    .iter()
                    .map(|c| {
                        el(
                            "tr",
                            [
                                td_wrap(&c.name),
                                num(&c.last),
                                num(&c.this),
                                num(&c.delta),
                                num(&c.percent),
                            ],
                        )
                    })
                    .collect();
                body.push_str(table(&header, rows).as_str());
            }
        }
    }

    // Agencies compared by year.
    if !audit.years.is_empty() {
        body.push_str(el("h2", [t(&s("audit-page-compare"))]).as_str());
    }
    for year in &audit.years {
        body.push_str(
            el(
                "h3",
                [t(&say(lang, "audit-page-compare-year", &[arg("year", year.year)]))],
            )
            .as_str(),
        );
        type Measure =
            (&'static str, fn(&super::AgencyFigures) -> u64, fn(u64) -> String);
        let measures: [Measure; 3] = [
            ("audit-page-rank-received", |a| a.received, |v| v.to_string()),
            ("audit-page-rank-disclosed", |a| a.disclosed_per_mille, per_mille),
            ("audit-page-rank-corrected", |a| a.corrected, |v| v.to_string()),
        ];
        for (id, value, text) in measures {
            let name = s(id);
            let mut ranked: Vec<&super::AgencyFigures> = year.agencies.iter().collect();
            ranked.sort_by(|a, b| value(b).cmp(&value(a)).then(a.anchor.cmp(&b.anchor)));
            let per_mille_axis = id == "audit-page-rank-disclosed";
            let items: Vec<(String, f64)> = ranked
                .iter()
                .map(|a| {
                    let v = value(a) as f64;
                    (a.agency.clone(), if per_mille_axis { v / 10.0 } else { v })
                })
                .collect();
            let named: Vec<(String, String)> =
                ranked.iter().map(|a| (a.agency.clone(), text(value(a)))).collect();
            let mut chart_title = format!("{} {}", year.year, name);
            // A chart of the first agencies only (its table beside it ranks them all).
            let (items, named) = if items.len() > MAX_BARS {
                chart_title.push_str(&say(
                    lang,
                    "audit-page-top",
                    &[arg("n", MAX_BARS), arg("of", items.len())],
                ));
                (&items[..MAX_BARS], &named[..MAX_BARS])
            } else {
                (&items[..], &named[..])
            };
            let chart = charts::bars(
                &chart_title,
                &desc(lang, &chart_title, named),
                items,
                &|x| {
                    if per_mille_axis {
                        format!("{x:.0}%")
                    } else {
                        charts::count_label(x)
                    }
                },
            );
            let header = [s("audit-page-rank"), s("audit-col-agency-name"), name.clone()];
            let rows = ranked
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    el(
                        "tr",
                        [
                            num(i + 1),
                            Html::element(
                                "td",
                                [("class", "name")],
                                [link(&a.anchor, &a.agency)],
                            ),
                            num(text(value(a))),
                        ],
                    )
                })
                .collect();
            body.push_str(el("h4", [t(&name)]).as_str());
            body.push_str(&figure(chart, table(&header, rows)));
        }
    }

    // Each report's section.
    body.push_str(el("h2", [t(&s("audit-page-sections"))]).as_str());
    for entry in &audit.reports {
        let mut section = Vec::new();
        let Some(r) = &entry.report else {
            section.push(el("h3", [t(&entry.file)]));
            section.push(Html::element(
                "p",
                [("class", "err")],
                [t(entry.failure.as_deref().unwrap_or_default())],
            ));
            body.push_str(
                Html::element(
                    "section",
                    [("class", "report"), ("id", entry.anchor.as_str())],
                    section,
                )
                .as_str(),
            );
            continue;
        };
        section.push(el("h3", [t(&format!("{} {}", r.agency, r.year))]));
        let mut facts = vec![
            (s("audit-col-file"), entry.file.clone()),
            (s("audit-page-format"), r.format.clone()),
            (s("audit-col-errors"), r.errors.to_string()),
            (s("audit-col-warnings"), r.warnings.to_string()),
        ];
        if let Some(previous) = &r.previous {
            facts.push((s("audit-page-previous"), previous.clone()));
        }
        section.push(el(
            "ul",
            facts.iter().map(|(k, v)| el("li", [t(k), t(&tr(lang, "colon", &[])), t(v)])),
        ));
        section.push(figures_table(lang, &r.figures));
        if r.problems.is_empty() {
            section.push(el("p", [t(&s("audit-page-no-problems"))]));
        } else {
            let header = [
                s("audit-page-rule"),
                s("audit-page-severity"),
                s("audit-page-labels"),
                s("audit-page-message"),
                s("audit-page-place"),
            ];
            let rows = r.problems.iter().map(|p| problem_row(lang, p)).collect();
            section.push(table(&header, rows));
        }
        // The text's claims about the figures, those that hold too.
        section.push(el("h4", [t(&s("audit-page-claims"))]));
        if r.claims.is_empty() {
            section.push(el("p", [t(&s("audit-page-no-claims"))]));
        } else {
            let header = [
                s("audit-page-labels"),
                s("audit-page-claim-words"),
                s("audit-page-claim-fact"),
                s("audit-page-claim-stated"),
                s("audit-page-claim-table"),
                s("audit-page-claim-result"),
            ];
            let rows = r
                .claims
                .iter()
                .map(|c| {
                    let result = s(&format!("audit-page-claim-{}", c.result));
                    let class = if c.result == "contradicts" { "warn" } else { "" };
                    el(
                        "tr",
                        [
                            td_wrap(&c.labels),
                            td_wrap(&c.words),
                            td(&c.fact),
                            num(&c.claimed),
                            num(&c.table),
                            Html::element("td", [("class", class)], [t(&result)]),
                        ],
                    )
                })
                .collect();
            section.push(table(&header, rows));
        }
        body.push_str(
            Html::element(
                "section",
                [("class", "report"), ("id", entry.anchor.as_str())],
                section,
            )
            .as_str(),
        );
    }

    let html_lang = if lang == Lang::Zh { "zh-CN" } else { "en" };
    let head = Html::concat([
        Html::void("meta", [("charset", "utf-8")]),
        Html::void("meta", [("http-equiv", "Content-Security-Policy"), ("content", CSP)]),
        Html::void(
            "meta",
            [("name", "viewport"), ("content", "width=device-width, initial-scale=1")],
        ),
        el("title", [t(&title)]),
        Html::element("style", [], [Html::trusted(STYLE)]),
    ]);
    let mut out = String::with_capacity(body.len() + 4096);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{html_lang}\"><head>"));
    out.push_str(head.as_str());
    out.push_str("</head><body><main>");
    out.push_str(&body);
    out.push_str("</main></body></html>\n");
    out
}

fn figures_table(lang: Lang, figures: &KeyFigures) -> Html {
    let header = [tr(lang, "audit-page-figure", &[]), tr(lang, "audit-page-value", &[])];
    let rows = FIGURES
        .iter()
        .zip(figures.values())
        .map(|((_, id), v)| el("tr", [td(&tr(lang, id, &[])), num(v)]))
        .collect();
    table(&header, rows)
}

fn problem_row(lang: Lang, p: &Problem) -> Html {
    let class = if p.severity == "error" { "err" } else { "warn" };
    el(
        "tr",
        [
            td(&p.rule),
            Html::element(
                "td",
                [("class", class)],
                [t(&severity_name(lang, p.severity))],
            ),
            td_wrap(&p.labels),
            Html::element(
                "td",
                [("class", "wrap")],
                [t(&p.message), Html::void("br", []), el("small", [t(&p.hint)])],
            ),
            td(p.place.as_deref().unwrap_or("-")),
        ],
    )
}
