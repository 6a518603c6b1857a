//! Numbers and dates as each language writes them: `1.234,50` in Romanian, `1,234.50` in
//! English, `15.09.2025` or `2025-09-15`.

use rust_decimal::Decimal;
use time::Date;

use crate::look::Language;

/// An amount, with at least two decimals: `1234.5` → `1.234,50` in Romanian.
pub fn amount(d: Decimal, language: Language) -> String {
    let mut d = d;
    if d.scale() < 2 {
        d.rescale(2);
    }
    number(d, language)
}

/// A quantity or rate, without trailing zeros: `1.500` → `1,5`, `21.00` → `21`.
pub fn plain(d: Decimal, language: Language) -> String {
    number(d.normalize(), language)
}

/// A number with the scale it has: an exchange rate `4.9750` → `4,9750`.
pub fn exact(d: Decimal, language: Language) -> String {
    number(d, language)
}

/// A VAT rate in percent: `21.00` → `21%`, `9.5` → `9,5%`.
pub fn percent(d: Decimal, language: Language) -> String {
    let space = if language == Language::Fr {
        "\u{a0}"
    } else {
        ""
    };
    format!("{}{space}%", plain(d, language))
}

/// A date: `15.09.2025` (ro, de), `2025-09-15` (en) or `15/09/2025` (fr).
pub fn date(d: Date, language: Language) -> String {
    let (y, m, day) = (d.year(), u8::from(d.month()), d.day());
    match language {
        Language::Ro | Language::De => format!("{day:02}.{m:02}.{y}"),
        Language::En => format!("{y}-{m:02}-{day:02}"),
        Language::Fr => format!("{day:02}/{m:02}/{y}"),
    }
}

/// `d` as it stands (its own scale), with the language's group and decimal marks.
fn number(d: Decimal, language: Language) -> String {
    let (group, decimal) = match language {
        Language::Ro | Language::De => ('.', ','),
        Language::En => (',', '.'),
        Language::Fr => ('\u{a0}', ','),
    };
    let text = d.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rust_decimal_macros::dec;
    use time::macros::date;

    #[test]
    fn amounts_per_language() {
        let d = dec!(1234567.5);
        assert_eq!(amount(d, Language::Ro), "1.234.567,50");
        assert_eq!(amount(d, Language::De), "1.234.567,50");
        assert_eq!(amount(d, Language::En), "1,234,567.50");
        assert_eq!(amount(d, Language::Fr), "1\u{a0}234\u{a0}567,50");
        assert_eq!(amount(dec!(-0.5), Language::Ro), "-0,50");
        assert_eq!(amount(dec!(-123456), Language::En), "-123,456.00");
        assert_eq!(amount(dec!(999), Language::Ro), "999,00");
        assert_eq!(amount(dec!(1000), Language::Ro), "1.000,00");
        assert_eq!(amount(dec!(0.125), Language::Ro), "0,125");
    }

    #[test]
    fn quantities_and_rates_drop_trailing_zeros() {
        assert_eq!(plain(dec!(1.500), Language::Ro), "1,5");
        assert_eq!(plain(dec!(2000.000), Language::En), "2,000");
        assert_eq!(percent(dec!(21.00), Language::Ro), "21%");
        assert_eq!(percent(dec!(9.5), Language::Fr), "9,5\u{a0}%");
    }

    #[test]
    fn dates_per_language() {
        let d = date!(2025 - 09 - 05);
        assert_eq!(date(d, Language::Ro), "05.09.2025");
        assert_eq!(date(d, Language::En), "2025-09-05");
        assert_eq!(date(d, Language::Fr), "05/09/2025");
    }
}
