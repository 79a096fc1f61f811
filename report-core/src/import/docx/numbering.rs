//! Word's styles and automatic numbering, as far as the reader needs them: which style
//! is a title, which numbering a style gives its paragraphs, and the number text
//! (`（一）`, `1.2`, `①`) each numbered paragraph shows, counted as Word counts.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::{attr, child, is_w};

/// Word's nine list levels.
const LEVELS: usize = 9;
/// How far `w:basedOn` is followed (a cycle must end).
const MAX_BASED_ON: usize = 32;

/// A paragraph's reference to a numbering: `w:numPr` (either part may be missing, the
/// style then gives it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct NumRef<'a> {
    /// `w:numId`: the `w:num` of numbering.xml; `0` is no numbering.
    pub(super) num_id: Option<&'a str>,
    /// `w:ilvl`: the level, from 0.
    pub(super) ilvl: Option<usize>,
}

impl<'a> NumRef<'a> {
    /// A `w:numPr` element's reference.
    pub(super) fn of(num_pr: Node<'a, '_>) -> Self {
        NumRef {
            num_id: child(num_pr, "numId").and_then(|n| attr(n, "val")),
            ilvl: child(num_pr, "ilvl").and_then(|n| attr(n, "val")?.parse().ok()),
        }
    }

    /// This reference with what it lacks taken from the style's.
    pub(super) fn or_style(self, other: NumRef<'a>) -> Self {
        NumRef { num_id: self.num_id.or(other.num_id), ilvl: self.ilvl.or(other.ilvl) }
    }
}

/// One paragraph style of styles.xml.
#[derive(Debug, Default)]
struct Style<'a> {
    name: &'a str,
    based_on: Option<&'a str>,
    num: Option<NumRef<'a>>,
}

/// The paragraph styles of styles.xml, by id.
#[derive(Debug, Default)]
pub(super) struct Styles<'a> {
    by_id: HashMap<&'a str, Style<'a>>,
    default: Option<&'a str>,
}

impl<'a> Styles<'a> {
    /// The paragraph styles of a styles part (none without one).
    pub(super) fn read(doc: Option<&'a Document<'a>>) -> Self {
        let mut styles = Styles::default();
        let Some(doc) = doc else { return styles };
        for s in doc.root_element().children().filter(|n| is_w(*n, "style")) {
            if attr(s, "type").is_some_and(|t| t != "paragraph") {
                continue;
            }
            let Some(id) = attr(s, "styleId") else { continue };
            if attr(s, "default").is_some_and(on) {
                styles.default = Some(id);
            }
            let num = child(s, "pPr").and_then(|p| child(p, "numPr")).map(NumRef::of);
            styles.by_id.insert(
                id,
                Style {
                    name: child(s, "name").and_then(|n| attr(n, "val")).unwrap_or(""),
                    based_on: child(s, "basedOn").and_then(|n| attr(n, "val")),
                    num,
                },
            );
        }
        styles
    }

    /// The style a paragraph has: its `w:pStyle`, or the default paragraph style.
    pub(super) fn effective(&self, style: Option<&'a str>) -> Option<&'a str> {
        style.or(self.default)
    }

    /// Whether the style sets the document's title: `Title` or `heading 1` (`标题`,
    /// `标题 1` as Chinese Word names them), by name, or by id when styles.xml lacks it.
    ///
    /// An outline level of 0 alone (`w:outlineLvl`) does not make a title: our own Word
    /// writer gives the six section headings that level, and they are headings.
    pub(super) fn is_title(&self, style: Option<&str>) -> bool {
        let Some(id) = style else { return false };
        let name = self.by_id.get(id).map_or(id, |s| s.name);
        let name = name.trim().to_lowercase();
        let name = name.replace(' ', "");
        matches!(name.as_str(), "title" | "heading1" | "标题" | "标题1")
    }

    /// The numbering a style gives its paragraphs, through its `w:basedOn` ancestors.
    pub(super) fn numbering(&self, style: Option<&'a str>) -> NumRef<'a> {
        let mut found = NumRef::default();
        let mut id = style;
        for _ in 0..MAX_BASED_ON {
            let Some(s) = id.and_then(|i| self.by_id.get(i)) else { break };
            if let Some(num) = s.num {
                found = found.or_style(num);
            }
            if found.num_id.is_some() {
                break;
            }
            id = s.based_on;
        }
        found
    }
}

/// `w:val` of an on/off property: on unless `0`, `false` or `off`.
fn on(val: &str) -> bool {
    !matches!(val, "0" | "false" | "off")
}

/// A number format (`w:numFmt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumFmt {
    /// 1, 2, 3.
    Decimal,
    /// 01, 02, … 10.
    DecimalZero,
    /// １, ２, ３.
    DecimalFullWidth,
    /// ①, ②, ③ (to ⑳).
    DecimalEnclosedCircle,
    /// 一, 二, … 十, 十一 (and the Japanese, Korean and Taiwanese counting).
    ChineseCounting,
    /// 壹, 贰, 叁.
    ChineseLegal,
    /// 甲, 乙, 丙 (the ten heavenly stems).
    IdeographTraditional,
    /// 子, 丑, 寅 (the twelve earthly branches).
    IdeographZodiac,
    /// a, b, … z, aa.
    LowerLetter,
    /// A, B, … Z, AA.
    UpperLetter,
    /// i, ii, iii.
    LowerRoman,
    /// I, II, III.
    UpperRoman,
    /// `bullet` and `none`: no number text.
    None,
}

impl NumFmt {
    /// A `w:numFmt` value; decimal for any format not known here.
    fn parse(val: &str) -> NumFmt {
        match val {
            "decimalZero" => NumFmt::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => NumFmt::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
                NumFmt::DecimalEnclosedCircle
            }
            "chineseCounting"
            | "chineseCountingThousand"
            | "japaneseCounting"
            | "koreanCounting"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand" => NumFmt::ChineseCounting,
            "chineseLegalSimplified" => NumFmt::ChineseLegal,
            "ideographTraditional" => NumFmt::IdeographTraditional,
            "ideographZodiac" => NumFmt::IdeographZodiac,
            "lowerLetter" => NumFmt::LowerLetter,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerRoman" => NumFmt::LowerRoman,
            "upperRoman" => NumFmt::UpperRoman,
            "bullet" | "none" => NumFmt::None,
            _ => NumFmt::Decimal,
        }
    }

    /// `n` written in this format.
    pub(super) fn format(self, n: i64) -> String {
        match self {
            NumFmt::Decimal => n.to_string(),
            NumFmt::DecimalZero if (0..10).contains(&n) => format!("0{n}"),
            NumFmt::DecimalZero => n.to_string(),
            NumFmt::DecimalFullWidth => n
                .to_string()
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
                    None => c,
                })
                .collect(),
            NumFmt::DecimalEnclosedCircle => match n {
                // ① is U+2460 … ⑳ U+2473.
                1..=20 => char::from_u32(0x2460 + n as u32 - 1)
                    .map_or_else(|| n.to_string(), String::from),
                _ => n.to_string(),
            },
            NumFmt::ChineseCounting => chinese(n, &SIMPLE),
            NumFmt::ChineseLegal => chinese(n, &LEGAL),
            NumFmt::IdeographTraditional => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
            NumFmt::IdeographZodiac => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
            NumFmt::LowerLetter => letters(n).to_lowercase(),
            NumFmt::UpperLetter => letters(n),
            NumFmt::LowerRoman => roman(n).to_lowercase(),
            NumFmt::UpperRoman => roman(n),
            NumFmt::None => String::new(),
        }
    }
}

/// The digits 零 to 九, then 十, 百, 千, 万 (and their legal forms below).
const SIMPLE: [char; 14] =
    ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万'];
const LEGAL: [char; 14] =
    ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '拾', '佰', '仟', '万'];

/// `n` in Chinese counting: 一 … 十, 十一, 二十, 一百零一, 一千零一十; decimal from 10⁸.
fn chinese(n: i64, digits: &[char; 14]) -> String {
    if !(0..100_000_000).contains(&n) {
        return n.to_string();
    }
    if n == 0 {
        return digits[0].to_string();
    }
    let below_10000 = |n: i64, leading: bool| {
        let mut out = String::new();
        let mut zero = false;
        for (place, unit) in
            [(1000, Some(12)), (100, Some(11)), (10, Some(10)), (1, None)]
        {
            let d = (n / place % 10) as usize;
            if d == 0 {
                zero = !out.is_empty() || !leading;
                continue;
            }
            if zero && (!out.is_empty() || !leading) {
                out.push(digits[0]);
            }
            zero = false;
            // 十一, not 一十一, when ten leads the number.
            if !(place == 10 && d == 1 && out.is_empty() && leading) {
                out.push(digits[d]);
            }
            if let Some(u) = unit {
                out.push(digits[u]);
            }
        }
        out
    };
    let (high, low) = (n / 10_000, n % 10_000);
    if high == 0 {
        return below_10000(low, true);
    }
    let mut out = below_10000(high, true);
    out.push(digits[13]);
    if low > 0 {
        if low < 1000 {
            out.push(digits[0]);
        }
        out.push_str(below_10000(low, false).trim_start_matches(digits[0]));
    }
    out
}

/// 1 → the first of `symbols`, cycling; decimal below 1.
fn cycle(n: i64, symbols: &str) -> String {
    let symbols: Vec<char> = symbols.chars().collect();
    if n < 1 {
        return n.to_string();
    }
    symbols[((n - 1) as usize) % symbols.len()].to_string()
}

/// Word's letters: A … Z, then AA … ZZ, AAA …; decimal below 1.
fn letters(n: i64) -> String {
    if !(1..=780).contains(&n) {
        return n.to_string();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

/// Roman numerals up to 3999; decimal otherwise.
fn roman(n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let mut n = n;
    let mut out = String::new();
    for (value, text) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= value {
            out.push_str(text);
            n -= value;
        }
    }
    out
}

/// What follows the number (`w:suff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    /// A tab (Word's default) or a space: a space in the text.
    Space,
    /// Nothing.
    Nothing,
}

/// One level of a list (`w:lvl`).
#[derive(Debug, Clone)]
struct Level {
    start: i64,
    format: NumFmt,
    text: String,
    /// `w:lvlRestart`: restart after this level (from 1) or a higher one; 0 never.
    restart: Option<usize>,
    legal: bool,
    suffix: Suffix,
}

impl Level {
    fn read(lvl: Node<'_, '_>) -> Level {
        let val = |name: &str| child(lvl, name).and_then(|n| attr(n, "val"));
        Level {
            start: val("start").and_then(|v| v.parse().ok()).unwrap_or(0),
            format: val("numFmt").map_or(NumFmt::Decimal, NumFmt::parse),
            text: val("lvlText").unwrap_or("").to_owned(),
            restart: val("lvlRestart").and_then(|v| v.parse().ok()),
            legal: child(lvl, "isLgl").is_some_and(|n| attr(n, "val").is_none_or(on)),
            suffix: match val("suff") {
                Some("nothing") => Suffix::Nothing,
                _ => Suffix::Space,
            },
        }
    }
}

/// An abstract list: its levels, and the paragraph style each level is linked to
/// (`w:lvl/w:pStyle`: Word's multilevel heading lists).
#[derive(Debug, Default)]
struct Abstract<'a> {
    levels: [Option<Level>; LEVELS],
    styles: [Option<&'a str>; LEVELS],
}

/// A list instance (`w:num`): its abstract list and overrides.
#[derive(Debug)]
struct Num<'a> {
    abstract_id: &'a str,
    start_overrides: [Option<i64>; LEVELS],
    levels: [Option<Level>; LEVELS],
}

/// Whose counters a paragraph advances: the abstract list's, shared by every `w:num`
/// using it, unless the `w:num` restarts it (`w:startOverride`) and so counts alone.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Counter<'a> {
    Abstract(&'a str),
    Num(&'a str),
}

/// The numbering part and the counters of the paragraphs numbered so far.
#[derive(Debug, Default)]
pub(super) struct Numbering<'a> {
    abstracts: HashMap<&'a str, Abstract<'a>>,
    nums: HashMap<&'a str, Num<'a>>,
    counters: HashMap<Counter<'a>, [Option<i64>; LEVELS]>,
}

impl<'a> Numbering<'a> {
    /// The lists of a numbering part (none without one).
    pub(super) fn read(doc: Option<&'a Document<'a>>) -> Self {
        let mut numbering = Numbering::default();
        let Some(doc) = doc else { return numbering };
        let root = doc.root_element();
        for a in root.children().filter(|n| is_w(*n, "abstractNum")) {
            let Some(id) = attr(a, "abstractNumId") else { continue };
            let mut abs = Abstract::default();
            for lvl in a.children().filter(|n| is_w(*n, "lvl")) {
                if let Some(i) = level_index(lvl) {
                    abs.levels[i] = Some(Level::read(lvl));
                    abs.styles[i] = child(lvl, "pStyle").and_then(|s| attr(s, "val"));
                }
            }
            numbering.abstracts.insert(id, abs);
        }
        for n in root.children().filter(|n| is_w(*n, "num")) {
            let Some(id) = attr(n, "numId") else { continue };
            let Some(abstract_id) =
                child(n, "abstractNumId").and_then(|a| attr(a, "val"))
            else {
                continue;
            };
            let mut num = Num {
                abstract_id,
                start_overrides: Default::default(),
                levels: Default::default(),
            };
            for o in n.children().filter(|o| is_w(*o, "lvlOverride")) {
                let Some(i) = level_index(o) else { continue };
                num.start_overrides[i] =
                    child(o, "startOverride").and_then(|s| attr(s, "val")?.parse().ok());
                num.levels[i] = child(o, "lvl").map(Level::read);
            }
            numbering.nums.insert(id, num);
        }
        numbering
    }

    /// The level of list `num_id` linked to paragraph style `style`: the level of a
    /// paragraph numbered through its style without a `w:ilvl`.
    pub(super) fn level_of_style(
        &self,
        num_id: &str,
        style: Option<&str>,
    ) -> Option<usize> {
        let style = style?;
        let num = self.nums.get(num_id)?;
        let abs = self.abstracts.get(num.abstract_id)?;
        abs.styles.iter().position(|s| *s == Some(style))
    }

    /// The number text a paragraph of list `num_id` at level `ilvl` shows (with the space
    /// Word's suffix puts after it), advancing the list's counters; empty for no number
    /// (`numId` 0, an unknown list, a bullet).
    pub(super) fn next(&mut self, num_id: &'a str, ilvl: usize) -> String {
        let ilvl = ilvl.min(LEVELS - 1);
        let Some(num) = self.nums.get(num_id) else { return String::new() };
        let Some(abs) = self.abstracts.get(num.abstract_id) else { return String::new() };
        let level = |i: usize| num.levels[i].as_ref().or(abs.levels[i].as_ref());
        let start = |i: usize| {
            num.start_overrides[i].or_else(|| level(i).map(|l| l.start)).unwrap_or(0)
        };
        let key = if num.start_overrides.iter().any(Option::is_some) {
            Counter::Num(num_id)
        } else {
            Counter::Abstract(num.abstract_id)
        };
        let counts = self.counters.entry(key).or_default();
        counts[ilvl] = Some(match counts[ilvl] {
            Some(c) => c.saturating_add(1),
            None => start(ilvl),
        });
        for (k, count) in counts.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = match level(k).and_then(|l| l.restart) {
                Some(0) => false,
                Some(after) => ilvl < after,
                None => true,
            };
            if restarts {
                *count = None;
            }
        }
        let Some(this) = level(ilvl) else { return String::new() };
        if this.format == NumFmt::None {
            return String::new();
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let place = chars.peek().and_then(|d| d.to_digit(10)).map(|d| d as usize);
            match place {
                Some(d @ 1..=LEVELS) if c == '%' => {
                    chars.next();
                    let k = d - 1;
                    let value = counts[k].unwrap_or_else(|| start(k));
                    let format = match level(k) {
                        Some(_) if this.legal && k < ilvl => NumFmt::Decimal,
                        Some(l) => l.format,
                        None => NumFmt::Decimal,
                    };
                    out.push_str(&format.format(value));
                }
                _ => out.push(c),
            }
        }
        let closed = out.ends_with(['、', '.', '．', '）', ')', '。', '：', ':', '，']);
        if !out.is_empty() && !closed && this.suffix == Suffix::Space {
            out.push(' ');
        }
        out
    }
}

/// A `w:lvl`'s or `w:lvlOverride`'s `w:ilvl`, if it is one of the nine.
fn level_index(node: Node<'_, '_>) -> Option<usize> {
    attr(node, "ilvl")?.parse().ok().filter(|i| *i < LEVELS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_write_numbers_as_word_does() {
        let c = |n| NumFmt::ChineseCounting.format(n);
        assert_eq!(
            [1, 9, 10, 11, 19, 20, 21, 100, 101, 110, 1000, 1010, 10001].map(c),
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "一百",
                "一百零一",
                "一百一十",
                "一千",
                "一千零一十",
                "一万零一"
            ]
        );
        assert_eq!(NumFmt::ChineseLegal.format(12), "拾贰");
        assert_eq!(NumFmt::IdeographTraditional.format(3), "丙");
        assert_eq!(NumFmt::DecimalEnclosedCircle.format(1), "①");
        assert_eq!(NumFmt::DecimalEnclosedCircle.format(20), "⑳");
        assert_eq!(NumFmt::DecimalEnclosedCircle.format(21), "21");
        assert_eq!(NumFmt::DecimalFullWidth.format(12), "１２");
        assert_eq!(NumFmt::DecimalZero.format(3), "03");
        assert_eq!(NumFmt::LowerLetter.format(28), "bb");
        assert_eq!(NumFmt::UpperRoman.format(1994), "MCMXCIV");
        assert_eq!(NumFmt::LowerRoman.format(4), "iv");
        assert_eq!(NumFmt::None.format(4), "");
    }
}
