//! The date rules `BR-RO-DT*`: every date element, wherever it is, written `YYYY-MM-DD`.
//!
//! ANAF's test is `string-length(text()) = 10 and (string(.) castable as xs:date)`: exactly
//! one text node of ten characters (no spaces around, no time zone), and a real calendar date.

use roxmltree::Node;
use ubl::xml::UblNode;

use crate::doc::Doc;
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-RO-DT001",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-2", "BT-26"],
        en: "A date (BT-2, BT-26) MUST be formatted YYYY-MM-DD.",
        ro: "O dată (BT-2, BT-26) trebuie scrisă în formatul AAAA-LL-ZZ (de exemplu 2024-05-31).",
        check: br_ro_dt001,
    },
    Rule {
        id: "BR-RO-DT002",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-7"],
        en: "A date (BT-7) MUST be formatted YYYY-MM-DD.",
        ro: "Data exigibilității TVA (BT-7) trebuie scrisă în formatul AAAA-LL-ZZ (de exemplu \
             2024-05-31).",
        check: br_ro_dt002,
    },
    Rule {
        id: "BR-RO-DT003",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-9"],
        en: "A date (BT-9) MUST be formatted YYYY-MM-DD.",
        ro: "Data scadenței (BT-9) trebuie scrisă în formatul AAAA-LL-ZZ (de exemplu 2024-05-31).",
        check: br_ro_dt003,
    },
    Rule {
        id: "BR-RO-DT003_CN",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-9"],
        en: "A date (BT-9) MUST be formatted YYYY-MM-DD.",
        ro: "Data scadenței (BT-9) trebuie scrisă în formatul AAAA-LL-ZZ (de exemplu 2024-05-31).",
        check: br_ro_dt003_cn,
    },
    Rule {
        id: "BR-RO-DT004",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-72"],
        en: "A date (BT-72) MUST be formatted YYYY-MM-DD.",
        ro: "Data reală a livrării (BT-72) trebuie scrisă în formatul AAAA-LL-ZZ (de exemplu \
             2024-05-31).",
        check: br_ro_dt004,
    },
    Rule {
        id: "BR-RO-DT005",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-73", "BT-134"],
        en: "A date (BT-73, BT-134) MUST be formatted YYYY-MM-DD.",
        ro: "Data de început a perioadei (BT-73, BT-134) trebuie scrisă în formatul AAAA-LL-ZZ \
             (de exemplu 2024-05-31).",
        check: br_ro_dt005,
    },
    Rule {
        id: "BR-RO-DT006",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-74", "BT-135"],
        en: "A date (BT-74, BT-135) MUST be formatted YYYY-MM-DD.",
        ro: "Data de sfârșit a perioadei (BT-74, BT-135) trebuie scrisă în formatul AAAA-LL-ZZ \
             (de exemplu 2024-05-31).",
        check: br_ro_dt006,
    },
];

/// Fails on every element `name` of the document that is not a `YYYY-MM-DD` date.
fn dates(d: &Doc<'_, '_>, hits: &mut Hits, name: &str) {
    for node in d.all(name) {
        hits.check(d, node, !is_ymd(node));
    }
}

/// `string-length(text()) = 10 and (string(.) castable as xs:date)`. With no text node the
/// length is 0; with several, `string-length` gets a sequence, an error that fails the rule.
fn is_ymd(node: Node<'_, '_>) -> bool {
    let mut texts = node.children().filter(Node::is_text);
    let (Some(text), None) = (texts.next(), texts.next()) else {
        return false;
    };
    text.text().unwrap_or_default().chars().count() == 10 && is_xs_date(&node.string_value())
}

/// Whether `s` is castable as `xs:date` (Saxon 9.9, XSD 1.1: year 0000 is allowed):
/// `-?YYYY-MM-DD` with an optional time zone, a real day of the proleptic Gregorian calendar.
fn is_xs_date(s: &str) -> bool {
    let s = s.trim_matches([' ', '\t', '\n', '\r']);
    let s = s.strip_suffix('Z').map_or_else(|| strip_offset(s), Some);
    let Some(s) = s else { return false };
    let s = s.strip_prefix('-').unwrap_or(s);
    let mut parts = s.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year) && digits(month) && digits(day)) || year.len() < 4 {
        return false;
    }
    if year.len() > 4 && year.starts_with('0') || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(month), Ok(day)) = (month.parse::<u32>(), day.parse::<u32>()) else {
        return false;
    };
    // The year modulo 400 is all the leap rule needs.
    let cycle = year
        .bytes()
        .fold(0_u32, |acc, b| (acc * 10 + u32::from(b - b'0')) % 400);
    let leap = cycle % 4 == 0 && (cycle % 100 != 0 || cycle == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `s` without a valid time zone offset `±hh:mm` (at most 14:00), or `s` itself when it
/// ends in none; `None` when the offset is malformed.
fn strip_offset(s: &str) -> Option<&str> {
    let split = s.len().checked_sub(6)?;
    let (body, zone) = (s.get(..split)?, s.get(split..)?);
    let zone = zone.as_bytes();
    if !(matches!(zone[0], b'+' | b'-') && zone[3] == b':') {
        return Some(s);
    }
    let number = |a: u8, b: u8| {
        (a.is_ascii_digit() && b.is_ascii_digit())
            .then(|| u32::from(a - b'0') * 10 + u32::from(b - b'0'))
    };
    let (hours, minutes) = (number(zone[1], zone[2])?, number(zone[4], zone[5])?);
    (minutes < 60 && (hours < 14 || hours == 14 && minutes == 0)).then_some(body)
}

fn br_ro_dt001(d: &Doc<'_, '_>, hits: &mut Hits) {
    dates(d, hits, "cbc:IssueDate");
}

fn br_ro_dt002(d: &Doc<'_, '_>, hits: &mut Hits) {
    dates(d, hits, "cbc:TaxPointDate");
}

fn br_ro_dt003(d: &Doc<'_, '_>, hits: &mut Hits) {
    dates(d, hits, "cbc:DueDate");
}

fn br_ro_dt003_cn(d: &Doc<'_, '_>, hits: &mut Hits) {
    dates(d, hits, "cbc:PaymentDueDate");
}

fn br_ro_dt004(d: &Doc<'_, '_>, hits: &mut Hits) {
    dates(d, hits, "cbc:ActualDeliveryDate");
}

fn br_ro_dt005(d: &Doc<'_, '_>, hits: &mut Hits) {
    dates(d, hits, "cbc:StartDate");
}

fn br_ro_dt006(d: &Doc<'_, '_>, hits: &mut Hits) {
    dates(d, hits, "cbc:EndDate");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xs_date_follows_saxon() {
        for good in [
            "2024-02-29",
            "2000-02-29",
            "0000-01-01",
            "2024-05-31Z",
            "2024-05-31+14:00",
        ] {
            assert!(is_xs_date(good), "{good}");
        }
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "+024-01-01",
            "24-01-01",
            "2024-1-01",
            "2024-01-01+14:30",
            "01.05.2024",
            "",
        ] {
            assert!(!is_xs_date(bad), "{bad}");
        }
    }
}
