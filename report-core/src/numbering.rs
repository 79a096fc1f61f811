//! Heading numbers by level: 一、 （一） 1. （1）, in Chinese numerals as headings write them.

const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A number in Chinese numerals as headings write them: 1 → 一, 10 → 十, 21 → 二十一,
/// 100 → 一百, 105 → 一百零五, 110 → 一百一十. Zero (never a heading number) is 〇;
/// from 10 000 on the Arabic digits are used, since no report has that many items.
pub fn chinese(n: usize) -> String {
    if n == 0 {
        return "〇".to_owned();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    if (10..20).contains(&n) {
        // 十, 十一 … 十九: the leading 一 is not written.
        return format!("十{}", DIGITS[n % 10]);
    }
    const UNITS: [&str; 4] = ["千", "百", "十", ""];
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut s = String::new();
    let mut pending_zero = false;
    for (i, d) in digits.into_iter().enumerate() {
        if d == 0 {
            pending_zero = !s.is_empty();
            continue;
        }
        if pending_zero {
            s.push('零');
            pending_zero = false;
        }
        s.push_str(DIGITS[d]);
        s.push_str(UNITS[i]);
    }
    s
}

/// The number of the `n`-th (1-based) heading at `level` (1 = 一、, 2 = （一）,
/// 3 = 1., 4 and deeper = （1））.
pub fn label(level: usize, n: usize) -> String {
    match level {
        1 => format!("{}、", chinese(n)),
        2 => format!("（{}）", chinese(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// The most characters kept together after an ordinal: what a narrow label column
/// (4.5 em in section 三) holds on one line.
const KEPT_TOGETHER: usize = 4;

/// `（三）不予公开` → (`（三）`, `不予公开`): a Chinese ordinal in full-width parentheses,
/// then two to four Han characters and nothing else. The words are kept together on one
/// line ([`crate::markup::label`]; the web page does the same).
pub fn split_ordinal(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('（')?;
    let close = inner.find('）')?;
    let numeral = &inner[..close];
    let words = &inner[close + '）'.len_utf8()..];
    let is_numeral = |c: char| "一二三四五六七八九十百零".contains(c);
    let is_han = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF);
    let n = words.chars().count();
    (!numeral.is_empty()
        && numeral.chars().all(is_numeral)
        && (2..=KEPT_TOGETHER).contains(&n)
        && words.chars().all(is_han))
    .then(|| text.split_at(text.len() - words.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_by_level() {
        assert_eq!(label(1, 5), "五、");
        assert_eq!(label(2, 1), "（一）");
        assert_eq!(label(2, 12), "（十二）");
        assert_eq!(label(3, 2), "2.");
        assert_eq!(label(4, 3), "（3）");
        assert_eq!(chinese(20), "二十");
        assert_eq!(chinese(21), "二十一");
        assert_eq!(chinese(100), "一百");
        assert_eq!(chinese(105), "一百零五");
        assert_eq!(chinese(110), "一百一十");
        assert_eq!(chinese(1001), "一千零一");
        assert_eq!(chinese(2020), "二千零二十");
        assert_eq!(label(2, 100), "（一百）");
    }
}
