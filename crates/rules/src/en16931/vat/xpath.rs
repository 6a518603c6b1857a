//! The XPath semantics the VAT category rules need beyond [`crate::doc`]: dynamic errors (a
//! failed cast, several values where one is allowed) that make an assertion fail, the category
//! code and tax scheme predicates, `ChargeIndicator` comparisons, and `xs:decimal` of an
//! `xs:double`, which keeps the double's exact binary value.

use std::cmp::Ordering;

use roxmltree::Node;
use rust_decimal::Decimal;
use ubl::xml::UblNode;

use crate::doc::{decimal, normalize_space, number};

/// An XPath dynamic error while evaluating an assertion (a failed cast, or a sequence of
/// several items where at most one is allowed): the official validators report the
/// assertion as failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DynamicError;

/// The value of an XPath expression, or the dynamic error that stopped it.
pub(super) type Eval<T> = Result<T, DynamicError>;

/// The only child element `name` of `n`: `None` when there is none, an error when there are
/// several (XPath functions and casts take at most one item).
pub(super) fn single<'a, 'i: 'a>(n: Node<'a, 'i>, name: &str) -> Eval<Option<Node<'a, 'i>>> {
    let mut children = n.children_named(name);
    let first = children.next();
    match children.next() {
        Some(_) => Err(DynamicError),
        None => Ok(first),
    }
}

/// `normalize-space(cbc:ID)` of a tax category: `""` without an id.
pub(super) fn code(tc: Node<'_, '_>) -> Eval<String> {
    Ok(single(tc, "cbc:ID")?.map_or_else(String::new, |id| normalize_space(&id.string_value())))
}

/// `cbc:ID = 'code'`: a general comparison, so any id child, exactly as written.
pub(super) fn has_id_as_written(tc: Node<'_, '_>, code: &str) -> bool {
    tc.children_named("cbc:ID")
        .any(|id| id.string_value() == code)
}

/// `count(cbc:ID[normalize-space(.) = 'code'])`.
pub(super) fn ids_normalized(tc: Node<'_, '_>, code: &str) -> usize {
    tc.children_named("cbc:ID")
        .filter(|id| normalize_space(&id.string_value()) == code)
        .count()
}

/// `cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'`: whether a tax category or a
/// party tax scheme is about VAT.
pub(super) fn is_vat(n: Node<'_, '_>) -> Eval<bool> {
    for scheme in n.children_named("cac:TaxScheme") {
        let id = single(scheme, "cbc:ID")?.map(|id| id.string_value().to_uppercase());
        if normalize_space(id.as_deref().unwrap_or_default()) == "VAT" {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `cbc:ChargeIndicator = true()` (or `false()`, by `charge`): each indicator is cast to
/// `xs:boolean`, which fails on anything but `true`, `false`, `1`, `0` around whitespace.
pub(super) fn charge_indicator_is(ac: Node<'_, '_>, charge: bool) -> Eval<bool> {
    for indicator in ac.children_named("cbc:ChargeIndicator") {
        let value = match indicator
            .string_value()
            .trim_matches([' ', '\t', '\n', '\r'])
        {
            "true" | "1" => true,
            "false" | "0" => false,
            _ => return Err(DynamicError),
        };
        if value == charge {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `xs:decimal(name)` of the child `name` of `n`: `None` (the empty sequence) when absent.
pub(super) fn decimal_of(n: Node<'_, '_>, name: &str) -> Eval<Option<Decimal>> {
    match single(n, name)? {
        None => Ok(None),
        Some(child) => decimal(&child.string_value()).map(Some).ok_or(DynamicError),
    }
}

/// An untyped value cast to `xs:double` (as arithmetic and comparisons with numbers do): an
/// error unless it is a number, `INF`, `-INF` or `NaN`.
pub(super) fn double(s: &str) -> Eval<f64> {
    let value = number(s);
    if value.is_nan() && s.trim_matches([' ', '\t', '\n', '\r']) != "NaN" {
        return Err(DynamicError);
    }
    Ok(value)
}

/// `(name) > 0`, `(name) >= 0`: a general comparison of every child `name` (cast to
/// `xs:double`) with a number; true as soon as one satisfies `test`.
pub(super) fn any_double(n: Node<'_, '_>, name: &str, test: fn(f64) -> bool) -> Eval<bool> {
    for child in n.children_named(name) {
        if test(double(&child.string_value())?) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `xs:decimal(x)` of a finite double compared with `d`. The cast keeps the double's exact
/// binary value (`xs:decimal(99.1e0)` is `99.099999999999994315…`), so this compares exactly
/// rather than through a rounded decimal.
pub(super) fn compare_double(x: f64, d: Decimal) -> Ordering {
    let sign = |negative: bool, zero: bool| match (zero, negative) {
        (true, _) => 0,
        (false, true) => -1,
        (false, false) => 1,
    };
    let (xs, ds) = (
        sign(x < 0.0, x == 0.0),
        sign(d.is_sign_negative(), d.is_zero()),
    );
    if xs != ds || xs == 0 {
        return xs.cmp(&ds);
    }
    // |x| = mantissa · 2^exponent and |d| = digits / 10^scale: compare mantissa · 2^exponent
    // · 10^scale with digits, both as integers.
    let bits = x.abs().to_bits();
    let biased = i32::try_from(bits >> 52).unwrap_or(0);
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let mut left = Big::from(u128::from(mantissa));
    let mut right = Big::from(d.abs().mantissa().unsigned_abs());
    for _ in 0..d.scale() {
        left.mul_small(10);
    }
    for _ in 0..exponent.unsigned_abs() {
        if exponent > 0 {
            left.mul_small(2);
        } else {
            right.mul_small(2);
        }
    }
    let magnitude = left.cmp(&right);
    if xs < 0 {
        magnitude.reverse()
    } else {
        magnitude
    }
}

/// A non-negative integer as little-endian 32-bit limbs: just enough arithmetic for
/// [`compare_double`].
#[derive(Debug, PartialEq, Eq)]
struct Big(Vec<u32>);

impl From<u128> for Big {
    fn from(mut n: u128) -> Self {
        let mut limbs = Vec::new();
        while n > 0 {
            limbs.push(u32::try_from(n & 0xffff_ffff).unwrap_or(0));
            n >>= 32;
        }
        Big(limbs)
    }
}

impl Big {
    fn mul_small(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = u32::try_from(product & 0xffff_ffff).unwrap_or(0);
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(u32::try_from(carry).unwrap_or(0));
        }
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `round(x * 10 * 10) div 100`, as [`crate::doc::round2`] but an error instead of an overflow.
pub(super) fn round2(x: Decimal) -> Eval<Decimal> {
    let scaled = x
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|s| s.checked_add(Decimal::new(5, 1)))
        .ok_or(DynamicError)?;
    Ok(scaled.floor() / Decimal::ONE_HUNDRED)
}

/// `a + b` on decimals, an error where `rust_decimal` would overflow.
pub(super) fn add(a: Decimal, b: Decimal) -> Eval<Decimal> {
    a.checked_add(b).ok_or(DynamicError)
}

/// The child elements `name` of `n`, as an iterator that owns `n` (for `flat_map`).
pub(super) fn children<'a, 'i: 'a>(
    n: Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children().filter(move |c| c.is(name))
}
