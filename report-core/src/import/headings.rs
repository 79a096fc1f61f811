//! The six section headings of a report found among a document's blocks, however they
//! are numbered or worded (`一、总体情况`, `六、需要说明的其他事项与附表`).

use super::blocks::Block;
use crate::labels::canonical_label;
use crate::outline::SECTION_TITLES;

/// One section heading found: its section (0–5) and block index.
pub(super) struct Heading {
    /// The section, 0–5.
    pub section: usize,
    /// The block's index.
    pub index: usize,
}

/// The Chinese numerals 一 … 十 and Arabic ones, as a number.
pub(super) fn numeral(text: &str) -> Option<usize> {
    const CN: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let t: String = canonical_label(text);
    if let Ok(n) = t.parse::<usize>() {
        return Some(n);
    }
    let mut chars = t.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    CN.iter().position(|x| *x == c).map(|p| p + 1)
}

/// A heading's number and the rest: `一、总体情况` → (`一`, `总体情况`); `（一）主动…` →
/// (`一`, `主动…`); `5、…` and `5.…` too. `(None, text)` if there is no number.
pub(super) fn split_number(text: &str) -> (Option<&str>, &str) {
    let t = text.trim();
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && end <= 9
        {
            return (Some(&rest[..end]), rest[end + close.len()..].trim_start());
        }
    }
    let end = t
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit()
                || ('０'..='９').contains(c)
                || "一二三四五六七八九十".contains(*c))
        })
        .map_or(t.len(), |(i, _)| i);
    if end == 0 || end > 9 {
        return (None, t);
    }
    let rest = &t[end..];
    for sep in ["、", "．", ".", "，", " "] {
        if let Some(r) = rest.strip_prefix(sep) {
            return (Some(&t[..end]), r.trim_start());
        }
    }
    (None, t)
}

/// The share of the characters of `official` that `found` has (order left aside): how
/// much of a section's title a reworded heading keeps.
fn overlap(found: &str, official: &str) -> f64 {
    let total = official.chars().count().max(1);
    let common = official.chars().filter(|c| found.contains(*c)).count();
    common as f64 / total as f64
}

/// The section headings of the blocks, in order, each section once: a short block that
/// is a section's title, exactly; or numbered `一、` … (not `（一）`) and close to a title;
/// or with the right number and most of the title's words (`六、需要说明的其他事项与附表`).
pub(super) fn find_headings(blocks: &[Block]) -> Vec<Heading> {
    let titles: Vec<String> = SECTION_TITLES.iter().map(|t| canonical_label(t)).collect();
    let mut out: Vec<Heading> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let Block::Text { text, title: false, level: None, .. } = b else { continue };
        if text.chars().count() > 40 || text.starts_with(['（', '(']) {
            continue;
        }
        let (number, title) = split_number(text);
        let title = canonical_label(title.trim_end_matches(['。', '：', ':']));
        let next = out.last().map_or(0, |h| h.section + 1);
        let best = (next..6)
            .map(|s| (s, strsim::normalized_levenshtein(&title, &titles[s])))
            .fold(None, |best: Option<(usize, f64)>, (s, score)| match best {
                Some((_, b)) if b >= score => best,
                _ => Some((s, score)),
            });
        let Some((section, score)) = best else { continue };
        let exact = score == 1.0;
        let close = number.is_some() && score >= 0.5;
        let renamed = number.and_then(numeral) == Some(section + 1)
            && section == next
            && overlap(&title, &titles[section]) >= 0.6;
        if exact || close || renamed {
            out.push(Heading { section, index: i });
        }
    }
    out
}
