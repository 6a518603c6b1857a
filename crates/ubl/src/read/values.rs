//! Reading typed values from elements, and recording the ones that do not parse.

use std::borrow::Cow;

use einvoice::codes::VatCategory;
use einvoice::model::{Identifier, Period};
use roxmltree::Node;
use rust_decimal::Decimal;
use time::{Date, Month};

use super::{Problem, ReadIssue};
use crate::xml::UblNode;

/// The reading context: the root (for location paths) and the issues found so far.
pub(super) struct Reader<'a, 'input> {
    root: Node<'a, 'input>,
    issues: Vec<ReadIssue>,
}

impl<'a, 'input: 'a> Reader<'a, 'input> {
    pub(super) fn new(root: Node<'a, 'input>) -> Self {
        Self {
            root,
            issues: Vec::new(),
        }
    }

    pub(super) fn root(&self) -> Node<'a, 'input> {
        self.root
    }

    pub(super) fn into_issues(self) -> Vec<ReadIssue> {
        self.issues
    }

    fn issue(&mut self, node: Node<'a, 'input>, value: &str, problem: Problem) {
        let value = match value.char_indices().nth(64) {
            Some((cut, _)) => format!("{}…", &value[..cut]),
            None => value.to_owned(),
        };
        let location = node.location(self.root);
        self.issues.push(ReadIssue {
            location,
            value,
            problem,
        });
    }

    /// A date; an issue when it is not one.
    pub(super) fn date(&mut self, node: Node<'a, 'input>) -> Option<Date> {
        let text = text(node);
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        let date = parse_date(trimmed);
        if date.is_none() {
            self.issue(node, &text, Problem::NotDate);
        }
        date
    }

    /// [`Reader::date`] of the child `qname`.
    pub(super) fn child_date(&mut self, parent: Node<'a, 'input>, qname: &str) -> Option<Date> {
        parent.child(qname).and_then(|c| self.date(c))
    }

    /// A decimal; an issue when it is not one.
    pub(super) fn decimal(&mut self, node: Node<'a, 'input>) -> Option<Decimal> {
        let text = text(node);
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        let value = parse_decimal(trimmed);
        if value.is_none() {
            self.issue(node, &text, Problem::NotDecimal);
        }
        value
    }

    /// [`Reader::decimal`] of the child `qname`.
    pub(super) fn child_decimal(
        &mut self,
        parent: Node<'a, 'input>,
        qname: &str,
    ) -> Option<Decimal> {
        parent.child(qname).and_then(|c| self.decimal(c))
    }

    /// The VAT category of the child `cbc:ID`; an issue when it is no known code.
    pub(super) fn vat_category(&mut self, parent: Node<'a, 'input>) -> Option<VatCategory> {
        let node = parent.child("cbc:ID")?;
        let text = text(node);
        if text.trim().is_empty() {
            return None;
        }
        let category = VatCategory::from_code(&text);
        if category.is_none() {
            self.issue(node, &text, Problem::UnknownVatCategory);
        }
        category
    }

    /// An `xs:boolean`; an issue when it is not one (or missing, reported on `parent`).
    pub(super) fn boolean(&mut self, parent: Node<'a, 'input>, qname: &str) -> Option<bool> {
        let Some(node) = parent.child(qname) else {
            self.issue(parent, "", Problem::NotBoolean);
            return None;
        };
        let text = text(node);
        match text.trim() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => {
                self.issue(node, &text, Problem::NotBoolean);
                None
            }
        }
    }

    /// Base64 content, whitespace ignored; an issue when it is not base64.
    pub(super) fn base64(&mut self, node: Node<'a, 'input>) -> Option<Vec<u8>> {
        use base64::Engine as _;
        let text = text(node);
        let compact: Cow<'_, str> = if text.bytes().any(|b| b.is_ascii_whitespace()) {
            Cow::Owned(text.chars().filter(|c| !c.is_ascii_whitespace()).collect())
        } else {
            Cow::Borrowed(&text)
        };
        if compact.is_empty() {
            return None;
        }
        match base64::engine::general_purpose::STANDARD.decode(compact.as_bytes()) {
            Ok(data) => Some(data),
            Err(_) => {
                self.issue(node, &text, Problem::NotBase64);
                None
            }
        }
    }

    /// BG-14 or BG-26, `None` when it has neither date.
    pub(super) fn period(&mut self, node: Node<'a, 'input>) -> Option<Period> {
        let period = Period {
            start: self.child_date(node, "cbc:StartDate"),
            end: self.child_date(node, "cbc:EndDate"),
        };
        (!period.is_empty()).then_some(period)
    }
}

/// The element's text, as is.
pub(super) fn string(node: Node<'_, '_>) -> String {
    text(node).into_owned()
}

/// The element's text, `None` when empty.
pub(super) fn nonempty(node: Node<'_, '_>) -> Option<String> {
    let text = text(node);
    (!text.is_empty()).then(|| text.into_owned())
}

/// The text of the child `qname`, `None` when missing or empty.
pub(super) fn child_text(parent: Node<'_, '_>, qname: &str) -> Option<String> {
    parent.child(qname).and_then(|c| nonempty(c))
}

/// The text of the child `qname`, empty when missing.
pub(super) fn child_string(parent: Node<'_, '_>, qname: &str) -> String {
    parent.child(qname).map(|c| string(c)).unwrap_or_default()
}

/// An identifier and its `schemeID`, `None` when the identifier is empty.
pub(super) fn identifier(node: Node<'_, '_>) -> Option<Identifier> {
    let id = nonempty(node)?;
    Some(Identifier {
        id,
        scheme: attribute(node, "schemeID"),
    })
}

/// [`Reader::identifier`] of the child `qname`.
pub(super) fn child_identifier(parent: Node<'_, '_>, qname: &str) -> Option<Identifier> {
    parent.child(qname).and_then(|c| identifier(c))
}

/// A non-empty attribute value.
pub(super) fn attribute(node: Node<'_, '_>, name: &str) -> Option<String> {
    node.attribute(name)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// The element's text: borrowed when it is one text node, the concatenation of its
/// descendant texts otherwise (text split by a comment, say).
fn text<'t>(node: Node<'t, 't>) -> Cow<'t, str> {
    let mut children = node.children();
    match (children.next(), children.next()) {
        (None, _) => Cow::Borrowed(""),
        (Some(only), None) if only.is_text() => Cow::Borrowed(only.text().unwrap_or_default()),
        _ => Cow::Owned(node.string_value()),
    }
}

/// `xs:decimal` as UBL writes it: an optional sign, digits, optional decimals. A leading
/// `+`, and a missing integer or fraction part (`.5`, `5.`) are accepted, an exponent is not.
fn parse_decimal(text: &str) -> Option<Decimal> {
    if is_plain_decimal(text) {
        // The usual case, without the normalising copy below.
        let mut value = Decimal::from_str_exact(text).ok()?;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        return Some(value);
    }
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if !digits.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let digits = digits.strip_suffix('.').unwrap_or(digits);
    let mut normal = String::with_capacity(digits.len() + 2);
    if negative {
        normal.push('-');
    }
    if digits.starts_with('.') {
        normal.push('0');
    }
    normal.push_str(digits);
    einvoice::money::parse(&normal).ok()
}

/// Whether `text` is `-?digits(.digits)?` short enough for any [`Decimal`] (at most 28
/// digits, no leading zero before another digit).
fn is_plain_decimal(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text).as_bytes();
    let (int, frac) = match unsigned.iter().position(|&b| b == b'.') {
        Some(dot) => (&unsigned[..dot], Some(&unsigned[dot + 1..])),
        None => (unsigned, None),
    };
    let digits = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    digits(int)
        && frac.is_none_or(digits)
        && (int.len() == 1 || int[0] != b'0')
        && unsigned.len() <= 28
}

/// `YYYY-MM-DD`, optionally followed by a time zone (`Z`, `+02:00`), which is ignored.
fn parse_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let zone = &text[10..];
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6
            && matches!(zone.as_bytes()[0], b'+' | b'-')
            && zone.as_bytes()[3] == b':'
            && zone
                .bytes()
                .enumerate()
                .all(|(i, c)| i == 0 || i == 3 || c.is_ascii_digit()));
    if !zone_ok {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u16> {
        let part = &b[range];
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0, |n, d| n * 10 + u16::from(d - b'0')))
    };
    let year = i32::from(number(0..4)?);
    let month = Month::try_from(u8::try_from(number(5..7)?).ok()?).ok()?;
    let day = u8::try_from(number(8..10)?).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::date;

    #[test]
    fn decimals_in_xml_forms() {
        let d = |s: &str| parse_decimal(s).map(|d| d.to_string());
        assert_eq!(d("12.50").as_deref(), Some("12.50"));
        assert_eq!(d("-3").as_deref(), Some("-3"));
        assert_eq!(d("+3.1").as_deref(), Some("3.1"));
        assert_eq!(d(".5").as_deref(), Some("0.5"));
        assert_eq!(d("-.5").as_deref(), Some("-0.5"));
        assert_eq!(d("5.").as_deref(), Some("5"));
        assert_eq!(d("-0.00").as_deref(), Some("0.00"));
        assert_eq!(d("007.10").as_deref(), Some("7.10"));
        assert_eq!(d("0.5").as_deref(), Some("0.5"));
        let max = "9".repeat(28);
        assert_eq!(d(&max), Some(max.clone()));
        for bad in [
            "", "-", "+", ".", "1e3", "1,5", "--1", "+-1", "1 000", "abc",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_in_xml_forms() {
        assert_eq!(parse_date("2025-03-31"), Some(date!(2025 - 03 - 31)));
        assert_eq!(parse_date("2025-03-31Z"), Some(date!(2025 - 03 - 31)));
        assert_eq!(parse_date("2025-03-31+02:00"), Some(date!(2025 - 03 - 31)));
        for bad in [
            "2025-02-30",
            "2025-3-31",
            "31.03.2025",
            "2025-03-31T10:00",
            "20250331",
            "2025-13-01",
            "２０２５-03-31",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }
}
