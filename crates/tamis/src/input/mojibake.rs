//! Repairs text that was encoded in UTF-8 twice ("donâ€™t" for "don't", "cafÃ©" for "café").
//!
//! A page whose UTF-8 bytes were once read as Latin-1 or windows-1252 and written out again in
//! UTF-8 shows each non-ASCII character as two or three Latin characters. Browsers show the damage
//! as it is; readers and indexes want the words. Pages often mix damaged and sound parts, so the
//! repair is local: each run of characters that map back to single bytes (Latin-1, or the
//! windows-1252 punctuation such as `€` and `™`) is read back as UTF-8 sequence by sequence, and
//! only complete, plausible sequences are replaced: a lone `é` stays `é`. One incomplete sequence is
//! common enough to mend: a no-break space's `Â` whose second half became a plain space or was
//! trimmed off a line's end ("EmbraceÂ"); it is dropped.

use std::borrow::Cow;

/// The text with double-encoded UTF-8 sequences decoded; borrowed when there are none.
pub fn repair(text: &str) -> Cow<'_, str> {
    // Every double-encoded sequence starts with a character from U+00C2 to U+00F4, which UTF-8
    // writes with the lead byte 0xC3: only the places of that byte are looked at (in UTF-8 it
    // always starts a character).
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = memchr::memchr(0xC3, &text.as_bytes()[from..]) {
        let at = from + found;
        let mut ahead = text[at..].char_indices();
        let Some((_, c)) = ahead.next() else {
            break;
        };
        from = at + c.len_utf8();
        if c == 'Â' && lost_its_no_break_space(text, from) {
            let s = out.get_or_insert_with(|| String::with_capacity(text.len()));
            s.push_str(&text[copied..at]);
            copied = from;
            continue;
        }
        // Leads are the characters U+00C2 to U+00F4 (the bytes 0xC2 to 0xF4 read as Latin-1).
        let Some(need) = ('\u{C2}'..='\u{F4}')
            .contains(&c)
            .then(|| continuation_count(c as u8))
            .flatten()
        else {
            continue;
        };
        let mut bytes = [c as u8, 0, 0, 0];
        let complete = (1..=need).all(|k| match ahead.next().and_then(|(_, n)| byte_of(n)) {
            Some(b) if (0x80..=0xBF).contains(&b) => {
                bytes[k] = b;
                true
            }
            _ => false,
        });
        let decoded = complete
            .then(|| std::str::from_utf8(&bytes[..=need]).ok())
            .flatten()
            .and_then(|s| s.chars().next())
            .filter(|&d| plausible(d, need));
        let Some(d) = decoded else {
            continue;
        };
        let end = at + ahead.next().map_or(text.len() - at, |(e, _)| e);
        let s = out.get_or_insert_with(|| String::with_capacity(text.len()));
        s.push_str(&text[copied..at]);
        s.push(d);
        copied = end;
        from = end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut s) => {
            s.push_str(&text[copied..]);
            Cow::Owned(s)
        }
    }
}

/// Whether the `Â` ending at `end` is what is left of a double-encoded no-break space ("Â" then
/// U+00A0) whose second half a later step folded into a plain space or trimmed off a line's end:
/// white space or the text's end follows it ("EmbraceÂ", "widely.Â Â Then"). Where a capital Â is
/// a letter (Romanian, Portuguese, French, Vietnamese), it stands inside a word, hardly ever at
/// its end.
fn lost_its_no_break_space(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(char::is_whitespace)
}

/// The byte a character stood for when UTF-8 was misread as windows-1252 (or Latin-1, whose
/// U+0080–U+009F controls windows-1252 leaves unassigned in five places).
fn byte_of(c: char) -> Option<u8> {
    let code = c as u32;
    if (0x80..=0xFF).contains(&code) {
        return Some(code as u8);
    }
    let b = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// Continuation bytes a UTF-8 lead byte announces (only leads a double encoding produces).
fn continuation_count(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// Two-byte sequences are taken only for the scripts whose text is damaged this way in practice
/// (Latin, Greek, Cyrillic), so that a real "ß»" is left alone; longer ones are unambiguous.
fn plausible(d: char, continuations: usize) -> bool {
    continuations > 1 || matches!(d as u32, 0xA0..=0x24F | 0x370..=0x52F)
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn double_encoded_text_is_repaired_sound_text_kept() {
        assert_eq!(
            repair("donâ€™t stop, cafÃ© â€” naÃ¯ve"),
            "don’t stop, café — naïve"
        );
        // Latin-1 misreading leaves C1 controls instead of windows-1252 punctuation.
        assert_eq!(repair("It\u{e2}\u{80}\u{99}s"), "It’s");
        assert_eq!(repair("Ð¿Ñ€Ð¸Ð²ÐµÑ‚"), "привет");
        // Sound text, mixed or not, stays as it is.
        for sound in [
            "café crème",
            "Straße «Haus»",
            "Ã alone",
            "plain ascii",
            "日本語",
        ] {
            assert_eq!(repair(sound), sound);
        }
        assert!(matches!(repair("naïve"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(repair("mixed: café and cafÃ©"), "mixed: café and café");
    }

    #[test]
    fn a_no_break_spaces_lone_first_half_goes() {
        // The U+00A0 after the Â trimmed off the line's end, or folded into a space.
        assert_eq!(
            repair("with Embrace\u{c2}\nThe cost.\u{c2} Then"),
            "with Embrace\nThe cost. Then"
        );
        assert_eq!(repair("widely.\u{c2} \u{c2}\nNext"), "widely. \nNext");
        // A capital Â inside a word is a letter.
        for sound in ["ROMÂNIA", "CHÂTEAU de", "ÂGE"] {
            assert_eq!(repair(sound), sound);
        }
    }
}
