//! Dates as pages write them (ISO 8601, "September 4, 2025", "4 septembre 2025", "2025年9月4日", …)
//! turned into ISO 8601 calendar dates.

/// Month names and abbreviations in the languages most common on the web, with their numbers.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("augustus", 8),
    // Russian (genitive and nominative)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
    // Polish (genitive)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // Turkish
    ("ocak", 1),
    ("şubat", 2),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    // No month name is shorter than three bytes or longer than sixteen, or starts with other than
    // a letter: most words are ruled out before any look-up.
    if !(3..=16).contains(&w.len()) || !w.starts_with(char::is_alphabetic) {
        return None;
    }
    crate::classify::phrases::with_lower_case(w, |w| month_numbers().get(w).copied())
}

/// [`MONTHS`] as a map; where a name repeats, its first number.
fn month_numbers() -> &'static rustc_hash::FxHashMap<&'static str, u32> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u32>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for &(name, number) in MONTHS {
            map.entry(name).or_insert(number);
        }
        map
    })
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        _ => return None,
    };
    ((1990..=2100).contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Parses a date that is the whole of `s` or starts it (an attribute value, a JSON-LD field).
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    numeric(s)
        .or_else(|| year_first_named(s))
        .or_else(|| find_date(s))
}

/// "2023 Jan 7", "2024 June 30": the year, a month's name, the day, as scholarly metadata
/// (`citation_publication_date`) and bibliographies write dates. Not looked for in running text.
fn year_first_named(s: &str) -> Option<String> {
    let mut words = s.split_whitespace();
    let (y, m, d) = (words.next()?, words.next()?, words.next()?);
    let d = d.trim_end_matches([',', '.']);
    if y.len() != 4 || d.is_empty() || d.len() > 2 {
        return None;
    }
    valid(y.parse().ok()?, month(m)?, d.parse().ok()?)
}

/// A numeric date at the start of `s`: 2025-09-04, 2025/09/04, 20250904, 04.09.2025, 9/4/2025.
fn numeric(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| std::str::from_utf8(part).ok()?.parse().ok())?
    };
    // YYYY-MM-DD and friends.
    if let (Some(y), Some(&sep)) = (digits(0, 4), b.get(4)) {
        if matches!(sep, b'-' | b'/' | b'.') {
            let m_len = b[5..].iter().take_while(|c| c.is_ascii_digit()).count();
            let m = digits(5, m_len)?;
            if b.get(5 + m_len) == Some(&sep) {
                let d_len = b[6 + m_len..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                return valid(y, m, digits(6 + m_len, d_len.min(2))?);
            }
        }
        if b.len() >= 8
            && b[..8].iter().all(u8::is_ascii_digit)
            && b.get(8).is_none_or(|c| !c.is_ascii_digit())
        {
            return valid(y, digits(4, 2)?, digits(6, 2)?);
        }
    }
    None
}

/// Whether `text` may show a date at all: every form read here writes the year in four ASCII
/// digits in a row (`valid` takes 1990 to 2100; numbers are parsed as ASCII, so full-width digits
/// never make a date), and most lines of a page have none ("3 comments", "page 2 of 10").
pub fn may_show_date(text: &str) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// The first date written anywhere in `text`, in any of the forms this module knows.
pub fn find_date(text: &str) -> Option<String> {
    if !may_show_date(text) {
        return None;
    }
    let tokens = tokens(text);
    for (i, &tok) in tokens.iter().enumerate() {
        if tok.len() > 40 {
            continue;
        }
        if let Some(d) = numeric(tok.trim_start_matches(['(', '['])) {
            return Some(d);
        }
        if let Some(d) = dotted_or_slashed(tok) {
            return Some(d);
        }
        if let Some(d) = cjk(tok) {
            return Some(d);
        }
        if let Some(d) = dashed_month_name(tok) {
            return Some(d);
        }
        let Some(m) = month(tok) else { continue };
        let num = |j: usize| -> Option<u32> {
            let t = *tokens.get(j)?;
            let t = t.trim_end_matches(['.', ',']);
            let t = t.trim_end_matches(|c: char| c.is_alphabetic()); // 4th, 1er
            (t.len() <= 4 && !t.is_empty()).then(|| t.parse().ok())?
        };
        // "September 4, 2025"
        if let (Some(d), Some(y)) = (num(i + 1), num(i + 2)) {
            if let Some(v) = valid(y, m, d) {
                return Some(v);
            }
        }
        // "4 September 2025", "4. September 2025", "4 de septiembre de 2025"
        let skip_de = |j: usize| {
            tokens
                .get(j)
                .is_some_and(|t| matches!(*t, "de" | "del" | "of"))
        };
        if i >= 1 {
            let mut before = i - 1;
            if skip_de(before) && before >= 1 {
                before -= 1;
            }
            let after = if skip_de(i + 1) { i + 2 } else { i + 1 };
            if let (Some(d), Some(y)) = (num(before), num(after)) {
                if let Some(v) = valid(y, m, d) {
                    return Some(v);
                }
            }
        }
    }
    None
}

/// The words of a line as dates are read: split at white space, commas and the separators bylines
/// put between their parts ("Jane Doe • Oct 20, 2025"), a month glued to the word before it cut
/// loose ("7 min readDec 30, 2013").
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '•' | '·' | '|'))
        .filter(|t| !t.is_empty())
        .map(glued_month)
        .collect()
}

/// "readDec" gives "Dec": a month name after the last lower-case letter that meets a capital.
fn glued_month(tok: &str) -> &str {
    let b = tok.as_bytes();
    let Some(at) = (1..b.len())
        .rev()
        .find(|&i| b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase())
    else {
        return tok;
    };
    // `at` is an ASCII byte, so a character boundary.
    if month(&tok[at..]).is_some() {
        &tok[at..]
    } else {
        tok
    }
}

/// Whether `text` names a month in words (so its date cannot be read day-first or month-first).
pub fn names_month(text: &str) -> bool {
    tokens(text).iter().any(|t| month(t).is_some())
}

/// Whether `s` opens with a date ("June 12, 2025 …", "12 June 2025", "2025/4/29", "Sat, 20 Dec
/// 2025"): its first word, after a day of the week, is a number or a month, and its first four words
/// from there hold a date.
pub fn starts_with_date(s: &str) -> bool {
    // The date is read by find_date, which needs what may_show_date looks for.
    if !may_show_date(s) {
        return false;
    }
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty());
    let Some(mut first) = words.next() else {
        return false;
    };
    let mut skip = 0;
    if is_weekday(first) {
        let Some(next) = words.next() else {
            return false;
        };
        first = next;
        skip = 1;
    }
    if !(first.starts_with(|c: char| c.is_ascii_digit()) || month(first).is_some()) {
        return false;
    }
    let end = s
        .split_whitespace()
        .take(4 + skip)
        .last()
        .map_or(0, |w| w.as_ptr() as usize - s.as_ptr() as usize + w.len());
    find_date(&s[..end]).is_some()
}

/// Whether two ISO dates (YYYY-MM-DD) are one day apart.
pub fn one_day_apart(a: &str, b: &str) -> bool {
    match (day_number(a), day_number(b)) {
        (Some(x), Some(y)) => x.abs_diff(y) == 1,
        _ => false,
    }
}

/// Whether two ISO dates (YYYY-MM-DD) differ only by day and month trading places (2024-10-09 and
/// 2024-09-10): the same date written day-first and read month-first, or the reverse.
pub fn swapped(a: &str, b: &str) -> bool {
    let parts = |d: &str| -> Option<(String, String, String)> {
        let mut p = d.get(..10)?.split('-');
        Some((p.next()?.into(), p.next()?.into(), p.next()?.into()))
    };
    match (parts(a), parts(b)) {
        (Some((ya, ma, da)), Some((yb, mb, db))) => ya == yb && ma == db && da == mb && ma != da,
        _ => false,
    }
}

/// Days since 1970-01-01 of an ISO date (the proleptic Gregorian calendar's civil-day count).
fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Whether `word` names a day of the week (English, full or short, with a dot or comma).
pub fn is_weekday(word: &str) -> bool {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    let w = word.trim_end_matches(['.', ',']);
    DAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// 04.09.2025 (day first), 09/04/2025 (month first, as in the US, unless the first part exceeds 12).
fn dotted_or_slashed(tok: &str) -> Option<String> {
    let tok = tok.trim_matches(|c: char| !c.is_ascii_digit());
    // "1.1.2025" to "12/12/2025": most tokens are ruled out by their length.
    if !(8..=10).contains(&tok.len()) {
        return None;
    }
    for sep in ['.', '/', '-'] {
        let mut parts = tok.split(sep);
        let (Some(a), Some(b), Some(y), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if y.len() != 4 || a.len() > 2 || b.len() > 2 {
            continue;
        }
        let (a, b, y): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
        let (d, m) = if sep == '/' && a <= 12 {
            (b, a)
        } else {
            (a, b)
        };
        return valid(y, m, d);
    }
    None
}

/// 04-Aug-2021, 04-ago-2021: day, month's name, year, joined by dashes.
fn dashed_month_name(tok: &str) -> Option<String> {
    let mut parts = tok.split('-');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    valid(y.parse().ok()?, month(m)?, d.parse().ok()?)
}

/// 2025年9月4日
fn cjk(tok: &str) -> Option<String> {
    let (y, rest) = tok.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.split('日').next()?;
    let y = y
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<String>();
    let y: String = y.chars().rev().collect();
    valid(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A date in a URL path: /2025/09/04/ or /2025-09-04-.
pub fn date_in_url(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let parts: Vec<&str> = path.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        if w[0].len() == 4 && w[1].len() == 2 && w[2].len() == 2 {
            valid(w[0].parse().ok()?, w[1].parse().ok()?, w[2].parse().ok()?)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_found_only_with_its_year_in_four_digits() {
        for (line, date) in [
            ("3 comments", None),
            ("Posted 5 days ago, page 2 of 10", None),
            ("December 3, 25", None),
            ("December 3, 2025", Some("2025-12-03")),
            ("Jane Doe • 03.12.2025", Some("2025-12-03")),
            ("2025年12月3日", Some("2025-12-03")),
            ("Updated 20251203", Some("2025-12-03")),
        ] {
            assert_eq!(find_date(line).as_deref(), date, "{line}");
        }
    }

    #[test]
    fn month_names_are_lower_case_and_within_the_lengths_month_looks_at() {
        for (name, _) in MONTHS {
            assert_eq!(*name, name.to_lowercase(), "{name}");
            assert!((3..=16).contains(&name.len()), "{name}");
            assert!(name.starts_with(char::is_alphabetic), "{name}");
        }
        assert_eq!(month("SEPT."), Some(9));
        assert_eq!(month("MÄRZ"), Some(3));
        assert_eq!(month("2025"), None);
    }

    #[test]
    fn day_arithmetic() {
        assert!(one_day_apart("2025-12-18", "2025-12-19"));
        assert!(one_day_apart("2024-03-01", "2024-02-29"));
        assert!(one_day_apart("2025-01-01", "2024-12-31"));
        assert!(!one_day_apart("2025-03-01", "2025-02-27"));
        assert!(!one_day_apart("2025-12-18", "2025-12-18"));
        assert!(!one_day_apart("2025-12", "2025-12-19"));
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert!(swapped("2024-10-09", "2024-09-10"));
        assert!(!swapped("2024-10-10", "2024-10-10"));
        assert!(!swapped("2024-10-09", "2023-09-10"));
        assert!(!swapped("2024-10", "2024-10-09"));
    }

    #[test]
    fn many_forms() {
        assert_eq!(
            parse_date("2025-09-04T05:50:00+00:00").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(parse_date("20250904").as_deref(), Some("2025-09-04"));
        assert_eq!(parse_date("2023 Jan 7").as_deref(), Some("2023-01-07"));
        assert_eq!(parse_date("2024 June 30").as_deref(), Some("2024-06-30"));
        assert_eq!(parse_date("2024 Jun"), None);
        assert_eq!(
            find_date("Faith Katunga•Oct 20, 2025").as_deref(),
            Some("2025-10-20")
        );
        assert_eq!(
            find_date("7 min readDec 30, 2013").as_deref(),
            Some("2013-12-30")
        );
        // A capital inside a word is not a month unless the tail is one.
        assert_eq!(find_date("McDonald 30, 2013"), None);
        assert!(names_month("Published March 9, 2026"));
        assert!(!names_month("03/09/2026 by Jane Doe"));
        assert_eq!(
            find_date("FlowGuard on 04-Aug-2021 5:11:10").as_deref(),
            Some("2021-08-04")
        );
        assert_eq!(
            find_date("Posted on September 4, 2025 at 5:50").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            find_date("le 4 septembre 2025").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            find_date("4. September 2025").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            find_date("4 de septiembre de 2025").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            find_date("Updated 04.09.2025").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(find_date("9/4/2025").as_deref(), Some("2025-09-04"));
        assert_eq!(find_date("2025年9月4日").as_deref(), Some("2025-09-04"));
        assert_eq!(
            find_date("4 сентября 2025 г.").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            date_in_url("https://x.org/2025/09/04/slug/").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(find_date("no date here, 2025 people"), None);
        assert_eq!(parse_date("2025-02-30"), None);
    }
}
