//! The lexical spaces of the XSD built-in types UBL uses (XML Schema 1.0 Part 2), after the
//! `collapse` whitespace rule these types have.

use super::schema::{AttributeValue, Value};

/// XML whitespace: what `collapse` removes at the ends and folds inside.
pub(super) fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// The value without leading and trailing whitespace (the rest of `collapse` makes no
/// difference to the types below: inner whitespace is invalid in all of them except
/// base64Binary, which ignores it).
fn trim(s: &str) -> &str {
    s.trim_matches(is_xml_space)
}

/// Whether `text` is in the lexical space of the type.
pub(super) fn is_valid(value: Value, text: &str) -> bool {
    match value {
        Value::Text => true,
        Value::Decimal => is_decimal(trim(text)),
        Value::Date => is_date(trim(text)),
        Value::Time => is_time(trim(text)),
        Value::Boolean => matches!(trim(text), "true" | "false" | "1" | "0"),
        Value::Base64 => is_base64(text),
    }
}

/// Whether an attribute's value is in the lexical space of its type.
pub(super) fn is_valid_attribute(value: AttributeValue, text: &str) -> bool {
    match value {
        AttributeValue::Text => true,
        AttributeValue::Uri => is_uri(trim(text)),
        AttributeValue::Language => is_language(trim(text)),
    }
}

/// `xsd:decimal`: `[+-]?(\d+(\.\d*)?|\.\d+)`, any number of digits.
fn is_decimal(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    (!int.is_empty() || !frac.is_empty()) && digits(int) && digits(frac)
}

/// Exactly `n` ASCII digits at the start of `s`, as a number, and the rest.
fn digits(s: &str, n: usize) -> Option<(u32, &str)> {
    let head = s.get(..n)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((head.parse().ok()?, &s[n..]))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// `xsd:date`: `-?YYYY-MM-DD` with an optional timezone; the year has four digits or more
/// (no leading zero beyond four, not `0000`), and the day exists in that month and year.
fn is_date(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let year_len = s.bytes().take_while(u8::is_ascii_digit).count();
    if year_len < 4 || (year_len > 4 && s.starts_with('0')) {
        return false;
    }
    let Ok(year) = s[..year_len].parse::<i64>() else {
        return false;
    };
    let Some(rest) = s[year_len..].strip_prefix('-') else {
        return false;
    };
    let Some((month, rest)) = digits(rest, 2) else {
        return false;
    };
    let Some((day, rest)) = rest.strip_prefix('-').and_then(|r| digits(r, 2)) else {
        return false;
    };
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return false,
    };
    year != 0 && (1..=days).contains(&day) && is_timezone(rest)
}

/// `xsd:time`: `hh:mm:ss` with optional fraction digits and timezone; `24:00:00` is the end
/// of the day.
fn is_time(s: &str) -> bool {
    let Some((hour, rest)) = digits(s, 2) else {
        return false;
    };
    let Some((minute, rest)) = rest.strip_prefix(':').and_then(|r| digits(r, 2)) else {
        return false;
    };
    let Some((second, rest)) = rest.strip_prefix(':').and_then(|r| digits(r, 2)) else {
        return false;
    };
    let (fraction, rest) = match rest.strip_prefix('.') {
        Some(r) => {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return false;
            }
            (&r[..n], &r[n..])
        }
        None => ("", rest),
    };
    let end_of_day =
        hour == 24 && minute == 0 && second == 0 && fraction.bytes().all(|b| b == b'0');
    (end_of_day || (hour < 24 && minute < 60 && second < 60)) && is_timezone(rest)
}

/// Nothing, `Z`, or `+hh:mm` / `-hh:mm` up to 14:00.
fn is_timezone(s: &str) -> bool {
    if s.is_empty() || s == "Z" {
        return true;
    }
    let Some(rest) = s.strip_prefix(['+', '-']) else {
        return false;
    };
    let Some((hour, rest)) = digits(rest, 2) else {
        return false;
    };
    match rest.strip_prefix(':').and_then(|r| digits(r, 2)) {
        Some((minute, "")) => minute < 60 && (hour < 14 || (hour == 14 && minute == 0)),
        _ => false,
    }
}

/// What a byte is in base64 text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Base64Byte {
    Invalid,
    Alphabet,
    Space,
    Pad,
}

/// [`Base64Byte`] of every byte, so that large attachments are checked at memory speed.
static BASE64: [Base64Byte; 256] = {
    let mut table = [Base64Byte::Invalid; 256];
    let mut c: u8 = 0;
    loop {
        table[c as usize] = if c.is_ascii_alphanumeric() || c == b'+' || c == b'/' {
            Base64Byte::Alphabet
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            Base64Byte::Space
        } else if c == b'=' {
            Base64Byte::Pad
        } else {
            Base64Byte::Invalid
        };
        if c == u8::MAX {
            break;
        }
        c += 1;
    }
    table
};

/// `xsd:base64Binary`: whitespace anywhere is ignored; the rest is groups of four characters
/// of the base64 alphabet, the last group padded with `=` whose unused bits are zero.
fn is_base64(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut count = 0usize;
    let mut last = 0u8;
    let mut rest = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        match BASE64[usize::from(b)] {
            Base64Byte::Alphabet => {
                count += 1;
                last = b;
            }
            Base64Byte::Space => {}
            Base64Byte::Pad => {
                rest = i;
                break;
            }
            Base64Byte::Invalid => return false,
        }
    }
    // After the first `=`: only `=` and whitespace.
    let mut pad = 0usize;
    for &b in &bytes[rest..] {
        match BASE64[usize::from(b)] {
            Base64Byte::Pad => pad += 1,
            Base64Byte::Space => {}
            _ => return false,
        }
    }
    if !(count + pad).is_multiple_of(4) {
        return false;
    }
    match pad {
        0 => true,
        // 16 bits in three characters: the last one's two low bits are zero.
        1 => b"AEIMQUYcgkosw048".contains(&last),
        // 8 bits in two characters: the last one's four low bits are zero.
        2 => b"AQgw".contains(&last),
        _ => false,
    }
}

/// `xsd:language`: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
fn is_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or_default();
    let ok = |p: &str, f: fn(&u8) -> bool| (1..=8).contains(&p.len()) && p.bytes().all(|b| f(&b));
    ok(first, u8::is_ascii_alphabetic) && parts.all(|p| ok(p, u8::is_ascii_alphanumeric))
}

/// `xsd:anyURI`, as leniently as the schema validators read it: any text, except a `%` not
/// followed by two hexadecimal digits or a second `#`.
fn is_uri(s: &str) -> bool {
    let bytes = s.as_bytes();
    let escapes_ok = bytes.iter().enumerate().all(|(i, b)| {
        *b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    });
    escapes_ok && s.matches('#').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_xsd_not_rust() {
        for ok in [
            "1",
            "-1.5",
            "+0.50",
            ".5",
            "5.",
            " 12 ",
            "\n12.00\t",
            "0001",
            "123456789012345678901234567890.1",
        ] {
            assert!(is_valid(Value::Decimal, ok), "{ok:?}");
        }
        for bad in [
            "", " ", ".", "-", "+.", "1e3", "1,5", "1 000", "0x10", "NaN", "INF", "1.2.3", "--1",
        ] {
            assert!(!is_valid(Value::Decimal, bad), "{bad:?}");
        }
    }

    #[test]
    fn dates_are_real_calendar_dates() {
        for ok in [
            "2024-02-29",
            "2000-02-29",
            " 2024-12-31 ",
            "2024-01-01Z",
            "2024-01-01+02:00",
            "2024-01-01-14:00",
            "12024-01-01",
            "-0044-03-15",
        ] {
            assert!(is_valid(Value::Date, ok), "{ok:?}");
        }
        for bad in [
            "2024-13-01",
            "2023-02-29",
            "1900-02-29",
            "2024-04-31",
            "2024-00-10",
            "2024-01-00",
            "24-01-01",
            "2024-1-01",
            "2024/01/01",
            "01.01.2024",
            "2024-01-01T00:00:00",
            "2024-01-01+15:00",
            "2024-01-01+14:30",
            "2024-01-01+02",
            "0000-01-01",
            "02024-01-01",
            "",
            "20240101",
            "2024-01-01 Z",
        ] {
            assert!(!is_valid(Value::Date, bad), "{bad:?}");
        }
    }

    #[test]
    fn times_and_booleans() {
        for ok in [
            "12:00:00",
            "23:59:59.999",
            "00:00:00Z",
            "24:00:00",
            "10:30:00+02:00",
            " 10:30:00 ",
        ] {
            assert!(is_valid(Value::Time, ok), "{ok:?}");
        }
        for bad in [
            "24:00:01",
            "12:60:00",
            "12:00:60",
            "12:00",
            "12:00:00.",
            "1:00:00",
            "12:00:00 +02:00",
        ] {
            assert!(!is_valid(Value::Time, bad), "{bad:?}");
        }
        for ok in ["true", "false", "1", "0", " true\n"] {
            assert!(is_valid(Value::Boolean, ok), "{ok:?}");
        }
        for bad in ["TRUE", "True", "yes", "", "2", "t"] {
            assert!(!is_valid(Value::Boolean, bad), "{bad:?}");
        }
    }

    #[test]
    fn base64_padding_and_whitespace() {
        for ok in [
            "",
            "QQ==",
            "QUI=",
            "QUJD",
            "QUJD\nREVG",
            " Q U J D ",
            "aGVsbG8gd29ybGQ=",
        ] {
            assert!(is_valid(Value::Base64, ok), "{ok:?}");
        }
        for bad in [
            "Q", "QQ=", "QR==", "QUJ=x", "QUJ!", "Q===", "=QUJ", "QUJDR", "QUK=",
        ] {
            assert!(!is_valid(Value::Base64, bad), "{bad:?}");
        }
    }

    #[test]
    fn languages_and_uris() {
        for ok in ["en", "ro-RO", "x-klingon", "de-1996"] {
            assert!(is_valid_attribute(AttributeValue::Language, ok), "{ok:?}");
        }
        for bad in ["", "e n", "toolonglanguage", "en-", "1en", "en_US"] {
            assert!(
                !is_valid_attribute(AttributeValue::Language, bad),
                "{bad:?}"
            );
        }
        for ok in ["", "http://example.com/a%20b#x", "urn:x", "file name.pdf"] {
            assert!(is_valid_attribute(AttributeValue::Uri, ok), "{ok:?}");
        }
        for bad in ["http://x/%zz", "a#b#c", "100%"] {
            assert!(!is_valid_attribute(AttributeValue::Uri, bad), "{bad:?}");
        }
    }
}
