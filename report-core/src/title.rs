//! The title's line breaking: the agency's name in balanced lines after a place or body name.

/// Full-width characters on one 22 pt line of the 156 mm text block (442 pt / 22 pt).
pub const LINE_CAPACITY: usize = 20;

/// Name endings after which a line may break: places, then bodies.
const BREAK_AFTER: &[&str] = &[
    "自治区",
    "自治州",
    "自治县",
    "特别行政区",
    "省",
    "市",
    "区",
    "县",
    "州",
    "盟",
    "旗",
    "镇",
    "乡",
    "街道",
    "人民政府",
    "委员会",
    "办公室",
    "办公厅",
    "管理局",
    "局",
    "厅",
];

/// Width of a character in half-width units: 2 for CJK and other wide characters.
fn width(c: char) -> usize {
    if c.is_ascii() { 1 } else { 2 }
}

/// `name` as one line if it fits `capacity` full-width characters, else in as few
/// lines as needed, broken after a place or body name where possible, with the
/// longest line as short as it can be. No line is left with fewer than 3 characters.
pub fn break_name(name: &str, capacity: usize) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let widths: Vec<usize> = chars.iter().map(|c| width(*c)).collect();
    let total: usize = widths.iter().sum();
    let cap = capacity * 2;
    if total <= cap || chars.len() < 6 {
        return vec![name.to_owned()];
    }
    // prefix[i] = width of chars[..i]
    let mut prefix = vec![0usize; chars.len() + 1];
    for (i, w) in widths.iter().enumerate() {
        prefix[i + 1] = prefix[i] + w;
    }
    let text: String = chars.iter().collect();
    let good_break = |i: usize| -> bool {
        let head: String = chars[..i].iter().collect();
        BREAK_AFTER.iter().any(|s| head.ends_with(s)) && !text[head.len()..].is_empty()
    };
    let min_chars = 3;
    let lines_needed = total.div_ceil(cap);
    for k in lines_needed..=chars.len() / min_chars {
        // Dynamic programming over break positions: minimise (number of breaks that
        // are not at a name boundary, then the longest line's width).
        let n = chars.len();
        let inf = (usize::MAX, usize::MAX);
        // best[j][i]: best cost splitting chars[..i] into j lines.
        let mut best = vec![vec![inf; n + 1]; k + 1];
        let mut from = vec![vec![0usize; n + 1]; k + 1];
        best[0][0] = (0, 0);
        for j in 1..=k {
            for i in 1..=n {
                for p in 0..i {
                    if best[j - 1][p] == inf || i - p < min_chars {
                        continue;
                    }
                    let w = prefix[i] - prefix[p];
                    if w > cap {
                        continue;
                    }
                    let bad = usize::from(i < n && !good_break(i));
                    let (b0, w0) = best[j - 1][p];
                    let cost = (b0 + bad, w0.max(w));
                    if cost < best[j][i] {
                        best[j][i] = cost;
                        from[j][i] = p;
                    }
                }
            }
        }
        if best[k][n] != inf {
            let mut cuts = vec![n];
            let mut i = n;
            for j in (1..=k).rev() {
                i = from[j][i];
                cuts.push(i);
            }
            cuts.reverse();
            return cuts.windows(2).map(|w| chars[w[0]..w[1]].iter().collect()).collect();
        }
    }
    vec![name.to_owned()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_is_one_line() {
        assert_eq!(break_name("威海市文登区科学技术局", 20), ["威海市文登区科学技术局"]);
    }

    #[test]
    fn a_long_name_breaks_after_a_place_into_balanced_lines() {
        let lines =
            break_name("新疆维吾尔自治区伊犁哈萨克自治州霍城县人民政府办公室", 20);
        assert_eq!(lines, ["新疆维吾尔自治区伊犁哈萨克自治州", "霍城县人民政府办公室"]);
        let lines =
            break_name("中华人民共和国国家发展和改革委员会价格监测中心办公室综合处", 20);
        assert!(lines.len() == 2, "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() >= 3 && l.chars().count() <= 20));
    }

    #[test]
    fn no_line_is_left_with_one_or_two_characters() {
        let name = "一二三四五六七八九十一二三四五六七八九十一";
        let lines = break_name(name, 20);
        assert!(lines.iter().all(|l| l.chars().count() >= 3), "{lines:?}");
        assert_eq!(lines.concat(), name);
    }
}
