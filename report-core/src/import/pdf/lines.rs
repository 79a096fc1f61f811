//! Glyphs into lines of text: grouped by baseline, ordered left to right, split where
//! a gap is wider than an em and a half; CJK text joined without spaces, a space only
//! for a real gap next to Latin letters or digits.

use super::device::Glyph;

/// A line of text (or one run of a line, where a wide gap splits it).
#[derive(Debug, Clone)]
pub(super) struct Line {
    /// Its text, as drawn (not yet normalised).
    pub text: String,
    /// Left edge of its first glyph.
    pub x0: f64,
    /// Right edge of its last glyph.
    pub x1: f64,
    /// Its baseline (the first glyph's).
    pub y: f64,
    /// Its largest font size.
    pub size: f64,
}

impl Line {
    /// The top of the line (an em above the baseline, near enough).
    pub fn top(&self) -> f64 {
        self.y - self.size
    }
}

/// Whether a character is set without spaces around it (CJK ideographs, kana, hangul and
/// the full-width punctuation and forms).
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F
        | 0x3190..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
        || matches!(c, '—' | '…' | '“' | '”' | '‘' | '’' | '·')
}

/// Whether a space belongs between `a` and `b`, which a gap separates.
fn spaced(a: char, b: char) -> bool {
    !(is_cjk(a) || is_cjk(b))
}

/// Groups glyphs into lines, top to bottom, each left to right. Glyphs belong to one
/// line when their baselines differ by less than 0.4 of the larger size; a gap wider
/// than 1.5 em splits the line into two.
pub(super) fn lines(glyphs: &[&Glyph]) -> Vec<Line> {
    let mut order: Vec<&Glyph> = glyphs.to_vec();
    order.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out = Vec::new();
    let mut group: Vec<&Glyph> = Vec::new();
    for g in order {
        if let Some(first) = group.first()
            && (g.y - first.y).abs() > 0.4 * g.size.max(first.size)
        {
            runs(&mut group, &mut out);
        }
        group.push(g);
    }
    runs(&mut group, &mut out);
    out
}

/// Turns one baseline's glyphs into one or more lines (split at wide gaps).
fn runs(group: &mut Vec<&Glyph>, out: &mut Vec<Line>) {
    group.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut line: Option<Line> = None;
    let mut last: Option<&Glyph> = None;
    for g in group.drain(..) {
        if let (Some(l), Some(p)) = (line.as_mut(), last) {
            // Overprinted glyphs (fake bold: the same glyph drawn twice, shifted) count once.
            if g.text == p.text && (g.x0 - p.x0).abs() < g.size * 0.2 {
                continue;
            }
            let gap = g.x0 - p.x1;
            if gap > 1.5 * g.size.max(p.size) {
                out.extend(line.take());
            } else {
                if gap > 0.2 * g.size.max(p.size) {
                    let a = l.text.chars().last().unwrap_or(' ');
                    let b = g.text.chars().next().unwrap_or(' ');
                    if spaced(a, b) {
                        l.text.push(' ');
                    }
                }
                l.text.push_str(&g.text);
                l.x1 = l.x1.max(g.x1);
                l.size = l.size.max(g.size);
                last = Some(g);
                continue;
            }
        }
        line =
            Some(Line { text: g.text.clone(), x0: g.x0, x1: g.x1, y: g.y, size: g.size });
        last = Some(g);
    }
    out.extend(line);
}

/// Whether the end of one line and the start of the next are joined by a space: only
/// between two Latin letters or digits (a line broken at a space, which the break ate);
/// never at CJK text or after punctuation (`www.⏎example.gov.cn`, `2023⏎年`).
fn line_spaced(a: char, b: char) -> bool {
    a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()
}

/// A cell's or paragraph's lines joined into one text: lines joined by a space between
/// Latin letters or digits ([`line_spaced`]), directly elsewhere.
pub(super) fn join(lines: &[Line]) -> String {
    let mut text = String::new();
    for l in lines {
        if let (Some(a), Some(b)) = (text.chars().last(), l.text.chars().next())
            && line_spaced(a, b)
        {
            text.push(' ');
        }
        text.push_str(&l.text);
    }
    text
}

/// Two texts joined as [`join`] joins lines.
pub(super) fn join_texts(a: &str, b: &str) -> String {
    match (a.chars().last(), b.chars().next()) {
        (Some(x), Some(y)) if line_spaced(x, y) => format!("{a} {b}"),
        _ => format!("{a}{b}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x0: f64, y: f64) -> Glyph {
        let w = if text.is_ascii() { 6.0 } else { 12.0 };
        Glyph { text: text.into(), x0, x1: x0 + w, y, size: 12.0 }
    }

    #[test]
    fn cjk_is_joined_latin_is_spaced_wide_gaps_split() {
        let gs = [
            g("总", 10.0, 100.0),
            g("体", 22.0, 100.5),
            g("A", 40.0, 100.0),
            g("B", 50.0, 100.0),
            g("右", 200.0, 100.0),
            g("下", 10.0, 120.0),
        ];
        let refs: Vec<&Glyph> = gs.iter().collect();
        let ls = lines(&refs);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["总体A B", "右", "下"]);
        assert_eq!(join(&ls[..1]), "总体A B");
        assert_eq!(join(&ls), "总体A B右下");
    }
}
