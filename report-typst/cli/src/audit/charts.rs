//! The audit page's charts, drawn by `plotters` to SVG (its SVG backend escapes every
//! text it writes), each given a `<title>` and a `<desc>` written through
//! [`report_core::html::Html`]. The page shows each chart beside a table of the same
//! numbers; the chart's labels are short, the full names in its `<desc>` and the table.

use plotters::prelude::*;
use report_core::html::Html;

/// The chart's width in SVG units (the page scales it down to the screen's width).
const WIDTH: u32 = 640;
/// A bar's band, in SVG units.
const BAND: u32 = 30;
/// Labels longer than this (in characters) are shortened with `…`.
const LABEL_CHARS: usize = 10;

/// The palette: one colour a series, readable on white.
const COLOURS: [RGBColor; 4] = [
    RGBColor(0x1f, 0x5f, 0xa8),
    RGBColor(0xc0, 0x39, 0x2b),
    RGBColor(0x2e, 0x8b, 0x57),
    RGBColor(0x8e, 0x44, 0xad),
];

/// `name` shortened for a chart's axis: its first characters and `…`; control
/// characters (which SVG cannot carry) replaced.
pub fn short(name: &str) -> String {
    let clean: String =
        name.chars().map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect();
    if clean.chars().count() <= LABEL_CHARS {
        clean
    } else {
        let mut s: String = clean.chars().take(LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// Axis labels for `names`: the part they all begin with left out (`平潭综合实验区` of a
/// city's offices), then [`short`]; the full names are in the chart's `<desc>` and table.
fn distinct_labels<'a>(names: impl Iterator<Item = &'a str> + Clone) -> Vec<String> {
    let mut prefix: Option<Vec<char>> = None;
    for name in names.clone() {
        let chars: Vec<char> = name.chars().collect();
        prefix = Some(match prefix {
            None => chars,
            Some(p) => p
                .iter()
                .zip(&chars)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    let cut = prefix.map_or(0, |p| p.len());
    names
        .map(|name| {
            let rest: String = name.chars().skip(cut).collect();
            // One name alone (all prefix) keeps its beginning.
            if rest.is_empty() { short(name) } else { short(&rest) }
        })
        .collect()
}

/// An axis value of a count: whole numbers only (no `0` twice from `0.5` rounded).
pub fn count_label(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { String::new() }
}

/// The SVG text of plotters with `<title>` and `<desc>` as the first children of the
/// `<svg>` element, and `role="img"`.
fn titled(svg: &str, title: &str, desc: &str) -> String {
    let Some(open_end) = svg.find('>') else { return String::new() };
    let (open, rest) = svg.split_at(open_end);
    let open = open.replacen("<svg", "<svg role=\"img\"", 1);
    let mut out = String::with_capacity(svg.len() + title.len() + desc.len() + 64);
    out.push_str(&open);
    out.push('>');
    out.push_str(Html::element("title", [], [Html::text(title)]).as_str());
    out.push_str(Html::element("desc", [], [Html::text(desc)]).as_str());
    out.push_str(&rest[1..]);
    out
}

/// A horizontal bar chart, one bar a `(label, value)` in the order given (the first at
/// the top); `format` writes an axis value. `None` if there is nothing to draw or
/// plotters fails (the table beside it still gives the numbers).
pub fn bars(
    title: &str,
    desc: &str,
    items: &[(String, f64)],
    format: &dyn Fn(f64) -> String,
) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let n = items.len();
    let max = items.iter().map(|(_, v)| *v).fold(0.0, f64::max).max(1.0) * 1.1;
    let height = 48 + BAND * u32::try_from(n).ok()?;
    let labels = distinct_labels(items.iter().map(|(l, _)| l.as_str()));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(28)
            .y_label_area_size(170)
            .build_cartesian_2d(0f64..max, (0..n).into_segmented())
            .ok()?;
        // The first item at the top: position n − 1 − i.
        let label_of = |v: &SegmentValue<usize>| match v {
            SegmentValue::CenterOf(i) if *i < n => labels[n - 1 - *i].clone(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&label_of)
            .x_labels(5)
            .x_label_formatter(&|x| format(*x))
            .label_style(("sans-serif", 17))
            .draw()
            .ok()?;
        chart
            .draw_series(items.iter().enumerate().map(|(i, (_, v))| {
                let at = n - 1 - i;
                let mut bar = Rectangle::new(
                    [(0.0, SegmentValue::Exact(at)), (*v, SegmentValue::Exact(at + 1))],
                    COLOURS[0].filled(),
                );
                bar.set_margin(4, 4, 0, 0);
                bar
            }))
            .ok()?;
        root.present().ok()?;
    }
    Some(titled(&svg, title, desc))
}

/// A small line chart of figures per year: one line a `(name, values)` series, the
/// values in the order of `years`. `None` if there is nothing to draw.
pub fn years(
    title: &str,
    desc: &str,
    years: &[i32],
    series: &[(String, Vec<u64>)],
) -> Option<String> {
    let (&first, &last) = (years.first()?, years.last()?);
    if first >= last {
        return None;
    }
    let max =
        series.iter().flat_map(|(_, v)| v.iter().copied()).max().unwrap_or(0).max(1);
    let max = max as f64 * 1.15;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 260)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .margin_right(28)
            .x_label_area_size(28)
            .y_label_area_size(48)
            .build_cartesian_2d(first..last, 0f64..max)
            .ok()?;
        chart
            .configure_mesh()
            .x_labels(years.len())
            .x_label_formatter(&|y| y.to_string())
            .y_labels(5)
            .y_label_formatter(&|v| count_label(*v))
            .label_style(("sans-serif", 17))
            .draw()
            .ok()?;
        for (k, (name, values)) in series.iter().enumerate() {
            let colour = COLOURS[k % COLOURS.len()];
            // Earlier series drawn wider, so that a line under an equal one shows.
            let width = 2 + 2 * (series.len() - 1 - k.min(series.len() - 1)) as u32;
            let points: Vec<(i32, f64)> =
                years.iter().copied().zip(values.iter().map(|v| *v as f64)).collect();
            chart
                .draw_series(LineSeries::new(points.clone(), colour.stroke_width(width)))
                .ok()?
                .label(name.chars().filter(|c| !c.is_control()).collect::<String>())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], colour.stroke_width(2))
                });
            chart
                .draw_series(
                    points.into_iter().map(|p| Circle::new(p, 3, colour.filled())),
                )
                .ok()?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font(("sans-serif", 17))
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK.mix(0.3))
            .draw()
            .ok()?;
        root.present().ok()?;
    }
    Some(titled(&svg, title, desc))
}
