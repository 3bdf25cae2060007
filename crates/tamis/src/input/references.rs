//! HTML character references left in text that was already decoded once ("Rock &amp; Roll",
//! "she&#039;s", "&hellip;"): a page escaped twice on its way, in a JSON-LD value, an attribute or a
//! flattened text.

use std::borrow::Cow;

/// Longest reference name looked up, in bytes with its `;` ("CounterClockwiseContourIntegral;").
const NAME: usize = 32;

/// `s` with its complete character references (named ones from the HTML standard's list, with their
/// `;`, and numeric ones) decoded; incomplete or unknown ones stay as written. Borrowed when there is
/// nothing to decode.
pub fn decode(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let Some(end) = rest.bytes().take(NAME).position(|b| b == b';') else {
            out.push('&');
            continue;
        };
        match reference(&rest[..=end]) {
            Some((first, second)) => {
                out.push(first);
                out.extend(second);
                rest = &rest[end + 1..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out.into()
}

/// The characters a reference stands for, given its text after `&` up to and with its `;`: a named
/// one, or a number ("#39;", "#x26;").
fn reference(name: &str) -> Option<(char, Option<char>)> {
    if let Some(number) = name.strip_prefix('#') {
        let digits = &number[..number.len() - 1];
        let code = match digits.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => digits.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| *c != '\0')
            .map(|c| (c, None));
    }
    let &(first, second) = html5ever::data::NAMED_ENTITIES.get(name)?;
    Some((
        char::from_u32(first)?,
        char::from_u32(second).filter(|_| second != 0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_references_are_decoded_and_the_rest_stays() {
        assert_eq!(
            decode("Rock &amp; Roll, she&#039;s &ldquo;here&rdquo;&#x21; &hellip;"),
            "Rock & Roll, she's “here”! …"
        );
        assert_eq!(
            decode("AT&T &amp c&#99999999; &bogus; &#0; &#;"),
            "AT&T &amp c&#99999999; &bogus; &#0; &#;"
        );
        // One pass: a reference escaped twice comes out escaped once.
        assert_eq!(decode("&amp;amp;"), "&amp;");
        assert!(matches!(decode("no references"), Cow::Borrowed(_)));
    }
}
