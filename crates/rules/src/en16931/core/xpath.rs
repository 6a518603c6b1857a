//! What the core, calculation and decimal rules share: the nodes a Schematron rule context
//! selects, and XPath values that can raise a dynamic error (which fails the assertion).
//!
//! The official artefacts run on Saxon 9.9: a failed `xs:decimal` cast, or a sequence of two
//! nodes where a function takes one string (`normalize-space(cbc:ID)` with two `cbc:ID`), is a
//! dynamic error, and an assertion whose test raises one counts as failed. [`Eval`] carries
//! that; evaluation goes left to right and stops as XPath's `and`, `or` and an empty operand
//! do, so an error after the answer is known is never raised.

use std::cmp::Ordering;

use roxmltree::Node;
use rust_decimal::Decimal;
use ubl::xml::UblNode;

use crate::doc::{Doc, decimal, normalize_space, path_all};

/// An XPath dynamic error: a failed cast, or several items where at most one is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DynamicError;

/// The value of an XPath expression, or the dynamic error that stops it.
pub(crate) type Eval<T> = Result<T, DynamicError>;

/// The elements a rule context selects, in document order. `pattern` is an XSLT match pattern
/// of element names: alternatives joined by `|`, each a `/`-separated path, relative (matches
/// wherever the path ends at the node) or absolute (`/ubl:Invoice/cac:TaxTotal`, anchored at
/// the root). A leading `//` means relative.
///
/// The candidates of each alternative come from the document's element index (its last
/// step), so a context costs what it selects, not a walk of the whole document.
pub(crate) fn select<'a, 'i>(d: &Doc<'a, 'i>, pattern: &'static str) -> Vec<Node<'a, 'i>> {
    let root = d.root;
    let mut selected = Vec::new();
    let mut alternatives = 0;
    for alternative in pattern.split('|').map(str::trim) {
        alternatives += 1;
        let last = alternative.rsplit('/').next().unwrap_or(alternative);
        selected.extend(d.all(last).filter(|n| matches(*n, alternative, root)));
    }
    if alternatives > 1 {
        // Node ids follow document order.
        selected.sort_by_key(|n| n.id().get_usize());
        selected.dedup_by_key(|n| n.id());
    }
    selected
}

/// Whether `node` matches one alternative of a match pattern (see [`select`]).
fn matches<'a, 'i>(node: Node<'a, 'i>, alternative: &str, root: Node<'a, 'i>) -> bool {
    let absolute = alternative.starts_with('/') && !alternative.starts_with("//");
    let steps: Vec<&str> = alternative.trim_start_matches('/').split('/').collect();
    let mut at = Some(node);
    let mut last = node;
    for step in steps.iter().rev() {
        match at {
            Some(n) if n.is(step) => {
                last = n;
                at = n.parent_element();
            }
            _ => return false,
        }
    }
    !absolute || last == root
}

/// `cac:InvoiceLine | cac:CreditNoteLine`: every line element, wherever it is.
pub(crate) fn lines<'a, 'i>(d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
    select(d, "cac:InvoiceLine | cac:CreditNoteLine")
}

/// `/ubl:Invoice/cac:AllowanceCharge[cbc:ChargeIndicator = X()]`: the document level
/// allowances (`charge` false) or charges (`charge` true).
pub(crate) fn document_allowances<'a, 'i>(d: &Doc<'a, 'i>, charge: bool) -> Vec<Node<'a, 'i>> {
    d.root
        .children_named("cac:AllowanceCharge")
        .filter(|n| taken_as(*n, charge))
        .collect()
}

/// Whether the rule for allowances (`charge` false) or the one for charges takes `node`. The
/// allowance rule comes first in its pattern, so a node with indicators `1` and `false` is an
/// allowance only; a predicate that raises an error (an indicator `yes`) does not match (XSLT
/// pattern semantics).
fn taken_as(node: Node<'_, '_>, charge: bool) -> bool {
    let allowance = indicator_is(node, false) == Ok(true);
    if charge {
        !allowance && indicator_is(node, true) == Ok(true)
    } else {
        allowance
    }
}

/// `//cac:InvoiceLine/cac:AllowanceCharge[cbc:ChargeIndicator = X()]` (and credit note
/// lines): the line allowances or charges.
pub(crate) fn line_allowances<'a, 'i>(d: &Doc<'a, 'i>, charge: bool) -> Vec<Node<'a, 'i>> {
    select(
        d,
        "cac:InvoiceLine/cac:AllowanceCharge | cac:CreditNoteLine/cac:AllowanceCharge",
    )
    .into_iter()
    .filter(|n| taken_as(*n, charge))
    .collect()
}

/// `cbc:ChargeIndicator = true()` (or `false()`): each `cbc:ChargeIndicator` is cast to
/// `xs:boolean` (`true`, `false`, `1`, `0`, surrounding whitespace allowed; anything else is a
/// dynamic error), and the comparison holds if any of them equals `want`.
pub(crate) fn indicator_is(node: Node<'_, '_>, want: bool) -> Eval<bool> {
    for indicator in node.children_named("cbc:ChargeIndicator") {
        let value = match indicator
            .string_value()
            .trim_matches([' ', '\t', '\n', '\r'])
        {
            "true" | "1" => true,
            "false" | "0" => false,
            _ => return Err(DynamicError),
        };
        if value == want {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The one node at `steps`, `None` for none, an error for several (a function that takes
/// one item, given a sequence).
pub(crate) fn single<'a, 'i>(from: Node<'a, 'i>, steps: &str) -> Eval<Option<Node<'a, 'i>>> {
    let nodes = path_all(from, steps);
    match nodes.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        _ => Err(DynamicError),
    }
}

/// The string value of the one node at `steps` (`""` for none), as a function taking
/// `xs:string?` sees it.
pub(crate) fn string_at(from: Node<'_, '_>, steps: &str) -> Eval<String> {
    Ok(single(from, steps)?
        .map(|n| n.string_value())
        .unwrap_or_default())
}

/// CEN's `normalize-space(steps) != ''`.
pub(crate) fn normalized_filled(from: Node<'_, '_>, steps: &str) -> bool {
    string_at(from, steps).is_ok_and(|s| !normalize_space(&s).is_empty())
}

/// ANAF's `(steps) != ''`: some node at `steps` has a non-empty string value (whitespace
/// counts).
pub(crate) fn some_filled(from: Node<'_, '_>, steps: &str) -> bool {
    path_all(from, steps)
        .iter()
        .any(|n| !n.string_value().is_empty())
}

/// `xs:decimal(steps)`: `None` when there is no node.
pub(crate) fn decimal_at(from: Node<'_, '_>, steps: &str) -> Eval<Option<Decimal>> {
    single(from, steps)?.map(decimal_of).transpose()
}

/// `xs:decimal(node)`. Saxon's decimals have no size limit, ours 28 digits: a value beyond
/// them (never an amount on a real invoice) counts as a failed cast.
pub(crate) fn decimal_of(node: Node<'_, '_>) -> Eval<Decimal> {
    decimal(&node.string_value()).ok_or(DynamicError)
}

/// `sum(nodes/xs:decimal(steps))`: 0 for none; an error if a cast fails or a node has
/// several `steps`.
pub(crate) fn sum_at<'a, 'i: 'a>(
    nodes: impl IntoIterator<Item = Node<'a, 'i>>,
    steps: &str,
) -> Eval<Decimal> {
    nodes.into_iter().try_fold(Decimal::ZERO, |sum, n| {
        let value = decimal_at(n, steps)?.unwrap_or_default();
        sum.checked_add(value).ok_or(DynamicError)
    })
}

/// `round(x * 10 * 10) div 100`: two decimals, halves towards positive infinity. Overflow
/// (Saxon's decimals have no limit, ours 28 digits) counts as an error.
pub(crate) fn round_cents(x: Decimal) -> Eval<Decimal> {
    let hundredfold = x.checked_mul(Decimal::ONE_HUNDRED).ok_or(DynamicError)?;
    Ok(round(hundredfold)? / Decimal::ONE_HUNDRED)
}

/// XPath `round(x)`: halves towards positive infinity.
pub(crate) fn round(x: Decimal) -> Eval<Decimal> {
    Ok(x.checked_add(Decimal::new(5, 1))
        .ok_or(DynamicError)?
        .floor())
}

/// A cast to `xs:double` of a string (what comparing a node with a number does): `None`
/// where the cast raises an error. `NaN`, `INF`, `-INF` and exponents are numbers.
fn double(s: &str) -> Option<f64> {
    let t = s.trim_matches([' ', '\t', '\n', '\r']);
    match t {
        "NaN" => return Some(f64::NAN),
        "INF" | "+INF" => return Some(f64::INFINITY),
        "-INF" => return Some(f64::NEG_INFINITY),
        _ => {}
    }
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let valid = !(int.is_empty() && frac.is_empty())
        && digits(int)
        && digits(frac)
        && exponent.is_none_or(|e| !e.is_empty() && digits(e));
    if valid { t.parse().ok() } else { None }
}

/// A node's value against the integer literal `0` in a general comparison (`. > 0`), as
/// Saxon 9.9, the engine behind the official results, decides it: the value is cast to
/// `xs:double` (`None` where the cast fails, an error) and ordered as Java's `Double.compare`
/// orders, except that `-0` equals `0`. So `NaN` is above every number: `NaN > 0` and
/// `NaN >= 0` hold, `NaN <= 0` does not.
pub(crate) fn against_zero(s: &str) -> Option<Ordering> {
    let x = double(s)?;
    Some(if x.is_nan() || x > 0.0 {
        Ordering::Greater
    } else if x < 0.0 {
        Ordering::Less
    } else {
        Ordering::Equal
    })
}

/// `(steps) op 0`: a general comparison of the nodes at `steps` with the integer `0` (see
/// [`against_zero`]), in document order: true as soon as one satisfies `accept`, an error at
/// a failed cast before that, false for no node.
pub(crate) fn some_against_zero(
    from: Node<'_, '_>,
    steps: &str,
    accept: fn(Ordering) -> bool,
) -> Eval<bool> {
    for node in path_all(from, steps) {
        if accept(against_zero(&node.string_value()).ok_or(DynamicError)?) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `normalize-space(upper-case(cbc:ID)) = 'VAT'` for one `cac:TaxScheme`.
fn is_vat_scheme(scheme: Node<'_, '_>) -> Eval<bool> {
    let id = string_at(scheme, "cbc:ID")?;
    Ok(normalize_space(&id.to_uppercase()) == "VAT")
}

/// The predicate `[cac:TaxScheme/normalize-space(upper-case(cbc:ID))='VAT']` on `node`: some
/// tax scheme is VAT (checked in document order; an error stops it).
pub(crate) fn has_vat_scheme(node: Node<'_, '_>) -> Eval<bool> {
    for scheme in node.children_named("cac:TaxScheme") {
        if is_vat_scheme(scheme)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The predicate `[cac:TaxScheme/(normalize-space(upper-case(cbc:ID)) = 'VAT')]`: a sequence
/// of booleans, one per tax scheme, whose effective boolean value is an error for two or more.
pub(crate) fn vat_scheme_ebv(node: Node<'_, '_>) -> Eval<bool> {
    let schemes: Vec<Node<'_, '_>> = node.children_named("cac:TaxScheme").collect();
    match schemes.as_slice() {
        [] => Ok(false),
        [one] => is_vat_scheme(*one),
        _ => Err(DynamicError),
    }
}

/// An `xs:date` cast: its starting instant in minutes since 1970-01-01T00:00Z, a date without
/// timezone taken in UTC (the official validators' implicit timezone). `None` where the cast
/// fails. Saxon 9.9 follows XSD 1.1 here: year `0000` exists (1 BC, a leap year).
pub(crate) fn date(s: &str) -> Option<i64> {
    let t = s.trim_matches([' ', '\t', '\n', '\r']);
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let year_len = t.find('-')?;
    let (year, rest) = t.split_at(year_len);
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(year) || year.len() < 4 || (year.len() > 4 && year.starts_with('0')) {
        return None;
    }
    let month = rest.get(1..3).filter(|m| digits(m))?;
    let day = rest.get(4..6).filter(|d| digits(d))?;
    if rest.get(3..4) != Some("-") {
        return None;
    }
    let offset = zone_minutes(&rest[6..])?;
    let year: i64 = year.parse().ok()?;
    let year = if negative { -year } else { year };
    let (month, day): (u32, u32) = (month.parse().ok()?, day.parse().ok()?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day) * 1440 - offset)
}

/// `Z`, `+hh:mm`, `-hh:mm` or nothing, as minutes east of UTC. Saxon 9.9 accepts any minutes
/// with hour 14 (`+14:30`), so this does too.
fn zone_minutes(zone: &str) -> Option<i64> {
    match zone {
        "" | "Z" => return Some(0),
        _ => {}
    }
    let sign = match zone.as_bytes().first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return None,
    };
    let (h, m) = zone[1..].split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    if m > 59 || h > 14 {
        return None;
    }
    Some(sign * (h * 60 + m))
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn double_accepts_the_xs_double_lexical_space_only() {
        assert_eq!(double(" 1e3 "), Some(1000.0));
        assert_eq!(double("-.5"), Some(-0.5));
        assert_eq!(double("5."), Some(5.0));
        assert!(double("NaN").is_some_and(f64::is_nan));
        for bad in ["", "abc", "inf", "nan", "1e", "1,5", "--1", "0x1"] {
            assert_eq!(double(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn round_cents_goes_half_towards_positive_infinity() {
        assert_eq!(round_cents(dec!(1.005)), Ok(dec!(1.01)));
        assert_eq!(round_cents(dec!(-1.005)), Ok(dec!(-1.00)));
        assert_eq!(round_cents(dec!(-1.0051)), Ok(dec!(-1.01)));
        assert_eq!(round_cents(Decimal::MAX), Err(DynamicError));
    }

    #[test]
    fn dates_compare_by_starting_instant() {
        assert!(date("2024-02-29").is_some());
        assert_eq!(date("2023-02-29"), None);
        assert_eq!(date("2024-1-01"), None);
        assert_eq!(date("24-01-01"), None);
        assert_eq!(date("2024-01-01T00:00"), None);
        assert_eq!(date(" 2024-01-02 "), Some(date("2024-01-02Z").unwrap()));
        assert!(date("2024-01-02+02:00") < date("2024-01-02"));
        assert_eq!(date("1970-01-01"), Some(0));
        assert_eq!(date("2024-01-01+15:00"), None);
        assert!(date("2024-01-01+14:30").is_some(), "Saxon accepts it");
        assert!(date("0000-02-29").is_some(), "year 0 is 1 BC, a leap year");
    }
}
