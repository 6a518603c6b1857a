//! Money helpers over [`Decimal`]: rounding, minor units, fixed formatting, strict parsing.
//!
//! Money is never a float. Every amount EN 16931 prints (BT-106 to BT-131) has
//! at most two decimals (BR-DEC-*); rounding is half away from zero, the way
//! an accountant rounds (`0.125` → `0.13`, `-0.125` → `-0.13`).

use rust_decimal::{Decimal, RoundingStrategy};

/// Largest scale a [`Decimal`] can carry.
const MAX_SCALE: u32 = 28;

/// Most significant digits [`parse`] accepts: every 28-digit number fits a [`Decimal`].
pub const MAX_DIGITS: usize = 28;

/// Why a decimal text was refused by [`parse`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text is not `-?digits(.digits)?`.
    #[error("'{}' is not a decimal number", excerpt(.input))]
    NotDecimal {
        /// The text as given.
        input: String,
    },
    /// More than [`MAX_DIGITS`] significant digits.
    #[error("'{}…({digits} digits)' has too many digits (at most 28)", head(.input))]
    TooManyDigits {
        /// The text as given.
        input: String,
        /// How many significant digits it has.
        digits: usize,
    },
    /// More than 28 digits after the decimal point.
    #[error("'{}' has too many decimals (at most 28)", excerpt(.input))]
    TooManyDecimals {
        /// The text as given.
        input: String,
    },
}

/// Rounds half away from zero to 2 decimals, with scale exactly 2 and never
/// negative zero: `1190` → `1190.00`, `2.345` → `2.35`, `-0.001` → `0.00`.
///
/// A value above about 7.9 × 10²⁶ cannot carry 2 decimals in a [`Decimal`];
/// it keeps the largest scale it can. Use [`checked_round2`] to refuse it.
pub fn round2(d: Decimal) -> Decimal {
    round_dp(d, 2)
}

/// Rounds half away from zero to `dp` decimals (capped at 28), with scale
/// exactly `dp` when the value can carry it, and never negative zero.
pub fn round_dp(d: Decimal, dp: u32) -> Decimal {
    let dp = dp.min(MAX_SCALE);
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r
}

/// Like [`round2`], but `None` when the result cannot have scale 2.
pub fn checked_round2(d: Decimal) -> Option<Decimal> {
    checked_round_dp(d, 2)
}

/// Like [`round_dp`], but `None` when the result cannot have scale `dp`
/// (too large a value, or `dp` above 28).
pub fn checked_round_dp(d: Decimal, dp: u32) -> Option<Decimal> {
    let r = round_dp(d, dp);
    (r.scale() == dp).then_some(r)
}

/// The exact number of cents of a 2-decimal amount: `12.30` → `1230`.
///
/// `None` when `d` has significant digits beyond the second decimal
/// (`d != round2(d)`) or when the cents do not fit an `i64`.
pub fn to_minor(d: Decimal) -> Option<i64> {
    let r = checked_round2(d)?;
    if r != d {
        return None;
    }
    i64::try_from(r.mantissa()).ok()
}

/// The amount of `m` cents, with scale 2: `1230` → `12.30`.
pub fn from_minor(m: i64) -> Decimal {
    Decimal::new(m, 2)
}

/// Formats with exactly `dp` decimals, rounding as [`round_dp`] does:
/// quantity `"1.0000"`, amount `"1190.00"`, rate `"21.00"`.
pub fn fixed(d: Decimal, dp: u32) -> String {
    let r = round_dp(d, dp);
    let mut s = r.to_string();
    if r.scale() < dp {
        // Too large to carry `dp` decimals, or `dp` above 28: pad the text.
        if r.scale() == 0 {
            s.push('.');
        }
        s.extend(std::iter::repeat_n('0', (dp - r.scale()) as usize));
    }
    s
}

/// Parses a decimal text strictly: an optional leading `-`, digits, and
/// optionally `.` and digits. No exponent, no spaces, no `+`, no thousands
/// separators, at most [`MAX_DIGITS`] significant digits and 28 decimals.
///
/// The scale is kept (`"1.50"` has scale 2) and `"-0"` gives positive zero.
pub fn parse(s: &str) -> Result<Decimal, MoneyError> {
    let not_decimal = || MoneyError::NotDecimal {
        input: s.to_owned(),
    };
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match unsigned.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (unsigned, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return Err(not_decimal());
    }
    let frac = frac.unwrap_or("");
    let digits = int.len() + frac.len();
    let leading_zeros = int
        .bytes()
        .chain(frac.bytes())
        .take_while(|&b| b == b'0')
        .count();
    let significant = digits - leading_zeros;
    if significant > MAX_DIGITS {
        return Err(MoneyError::TooManyDigits {
            input: s.to_owned(),
            digits: significant,
        });
    }
    if frac.len() > MAX_SCALE as usize {
        return Err(MoneyError::TooManyDecimals {
            input: s.to_owned(),
        });
    }
    // Leading zeros may push the text past what `from_str_exact` takes.
    let trimmed_int = int.trim_start_matches('0');
    let trimmed_int = if trimmed_int.is_empty() {
        "0"
    } else {
        trimmed_int
    };
    let text = if frac.is_empty() {
        trimmed_int.to_owned()
    } else {
        format!("{trimmed_int}.{frac}")
    };
    let mut d = Decimal::from_str_exact(&text).map_err(|_| not_decimal())?;
    if s.starts_with('-') {
        d.set_sign_negative(true);
    }
    if d.is_zero() {
        d.set_sign_positive(true);
    }
    Ok(d)
}

/// The input for an error message, cut after 32 characters.
fn excerpt(input: &str) -> String {
    match input.char_indices().nth(32) {
        Some((cut, _)) => format!("{}…", &input[..cut]),
        None => input.to_owned(),
    }
}

/// The first few characters of a too-long number, for an error message.
fn head(input: &str) -> &str {
    match input.char_indices().nth(12) {
        Some((cut, _)) => &input[..cut],
        None => input,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn round2_pads_to_two_decimals() {
        assert_eq!(round2(dec!(1190)).to_string(), "1190.00");
        assert_eq!(round2(dec!(0.1)).to_string(), "0.10");
    }

    #[test]
    fn round2_rounds_half_away_from_zero() {
        assert_eq!(round2(dec!(2.345)).to_string(), "2.35");
        assert_eq!(round2(dec!(-2.345)).to_string(), "-2.35");
        assert_eq!(round2(dec!(0.125)).to_string(), "0.13");
        assert_eq!(round2(dec!(2.3449999)).to_string(), "2.34");
    }

    #[test]
    fn round2_never_gives_negative_zero() {
        assert_eq!(round2(dec!(-0.001)).to_string(), "0.00");
        assert_eq!(round2(dec!(-0.00)).to_string(), "0.00");
        assert_eq!(round_dp(dec!(-0.00004), 4).to_string(), "0.0000");
    }

    #[test]
    fn round_dp_sets_the_scale() {
        assert_eq!(round_dp(dec!(1), 4).to_string(), "1.0000");
        assert_eq!(round_dp(dec!(1.23456), 4).to_string(), "1.2346");
        assert_eq!(round_dp(dec!(1.5), 0).to_string(), "2");
        assert_eq!(round_dp(dec!(-1.5), 0).to_string(), "-2");
    }

    #[test]
    fn checked_round2_refuses_values_too_large_for_cents() {
        assert_eq!(checked_round2(Decimal::MAX), None);
        assert_eq!(checked_round2(dec!(1.005)), Some(dec!(1.01)));
    }

    #[test]
    fn minor_units_round_trip() {
        assert_eq!(to_minor(dec!(12.3)), Some(1230));
        assert_eq!(to_minor(dec!(-0.01)), Some(-1));
        assert_eq!(to_minor(dec!(12.300)), Some(1230));
        assert_eq!(to_minor(dec!(12.301)), None);
        assert_eq!(to_minor(Decimal::MAX), None);
        assert_eq!(to_minor(dec!(100000000000000000000)), None);
        assert_eq!(from_minor(1230).to_string(), "12.30");
        assert_eq!(from_minor(-5).to_string(), "-0.05");
    }

    #[test]
    fn fixed_formats_exact_decimals() {
        assert_eq!(fixed(dec!(1), 4), "1.0000");
        assert_eq!(fixed(dec!(1190), 2), "1190.00");
        assert_eq!(fixed(dec!(21), 2), "21.00");
        assert_eq!(fixed(dec!(0.005), 2), "0.01");
        assert_eq!(fixed(dec!(-0.004), 2), "0.00");
        assert_eq!(fixed(Decimal::MAX, 2), format!("{}.00", Decimal::MAX));
        assert_eq!(fixed(dec!(1), 30), format!("1.{}", "0".repeat(30)));
    }

    #[test]
    fn parse_accepts_plain_decimals() {
        assert_eq!(parse("0").unwrap(), dec!(0));
        assert_eq!(parse("1.50").unwrap().to_string(), "1.50");
        assert_eq!(parse("-12.345").unwrap(), dec!(-12.345));
        assert_eq!(parse("007.10").unwrap().to_string(), "7.10");
        assert_eq!(parse("-0.00").unwrap().to_string(), "0.00");
        let max = "9".repeat(28);
        assert_eq!(parse(&max).unwrap().to_string(), max);
        let tiny = format!("0.{}1", "0".repeat(27));
        assert_eq!(parse(&tiny).unwrap().scale(), 28);
    }

    #[test]
    fn parse_refuses_anything_else() {
        for bad in [
            "", "-", ".", "1.", ".5", "+1", " 1", "1 ", "1e5", "1E5", "1,5", "1_000", "--1",
            "0x10", "１", "NaN", "inf",
        ] {
            assert!(
                matches!(parse(bad), Err(MoneyError::NotDecimal { .. })),
                "{bad:?} was accepted"
            );
        }
    }

    #[test]
    fn parse_errors_say_what_is_wrong() {
        assert_eq!(
            parse("1e5").unwrap_err().to_string(),
            "'1e5' is not a decimal number"
        );
        let long = "1234567890".repeat(4);
        assert_eq!(
            parse(&long).unwrap_err().to_string(),
            "'123456789012…(40 digits)' has too many digits (at most 28)"
        );
        let deep = format!("0.{}", "0".repeat(29));
        assert!(matches!(
            parse(&deep),
            Err(MoneyError::TooManyDecimals { .. })
        ));
    }

    proptest! {
        #[test]
        fn parse_round_trips_display(m in any::<i64>(), scale in 0u32..=18) {
            let d = Decimal::new(m, scale);
            prop_assert_eq!(parse(&d.to_string()), Ok(d));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,40}") {
            let _ = parse(&s);
        }

        #[test]
        fn round2_has_scale_two(m in any::<i64>(), scale in 0u32..=28) {
            let r = round2(Decimal::new(m, scale));
            prop_assert_eq!(r.scale(), 2);
            prop_assert!(!(r.is_zero() && r.is_sign_negative()));
        }
    }
}
