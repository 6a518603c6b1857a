//! Romanian amounts in words: "o mie două sute treizeci și patru de lei și cincizeci de bani".
//!
//! The grammar a Romanian invoice needs:
//! - one and two agree with the noun: "un leu", "o mie", "un milion"; "doi lei", "două mii",
//!   "două milioane" (a neuter noun counts like a feminine one from two on); in a compound,
//!   one is "unu" or "una": "douăzeci și unu de lei", "douăzeci și una de mii";
//! - twelve likewise: "doisprezece lei", "douăsprezece mii";
//! - a number whose last two digits are 00 or 20–99 takes "de" before its noun: "douăzeci
//!   de lei", "o sută de lei", "o mie de lei", "o mie două sute treizeci și patru de lei",
//!   but "o sută unu lei", "o mie nouăsprezece lei". The last two digits decide, as the
//!   norm has it; invoicing programs that write "treizeci și patru lei" drop this "de".

use einvoice::money::round2;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The grammatical gender of a counted noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// "un leu", "doi lei".
    Masculine,
    /// "o mie", "două mii".
    Feminine,
    /// "un milion", "două milioane".
    Neuter,
}

/// A noun that numbers count: its singular, its plural and its gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    /// The form after one: "leu".
    pub one: &'static str,
    /// The form after every other number: "lei".
    pub many: &'static str,
    /// Which forms of one and two it takes.
    pub gender: Gender,
}

const fn noun(one: &'static str, many: &'static str, gender: Gender) -> Noun {
    Noun { one, many, gender }
}

/// The units of thousands, millions, billions (10⁹) and trillions (10¹²), from the smallest.
const SCALES: [Noun; 4] = [
    noun("mie", "mii", Gender::Feminine),
    noun("milion", "milioane", Gender::Neuter),
    noun("miliard", "miliarde", Gender::Neuter),
    noun("bilion", "bilioane", Gender::Neuter),
];

/// The largest whole amount [`amount_in_words`] spells.
pub const MAX_WHOLE: u64 = 999_999_999_999_999;

const DIGITS: [&str; 10] = [
    "zero", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă",
];
const TEENS: [&str; 10] = [
    "zece",
    "unsprezece",
    "doisprezece",
    "treisprezece",
    "paisprezece",
    "cincisprezece",
    "șaisprezece",
    "șaptesprezece",
    "optsprezece",
    "nouăsprezece",
];
const TENS: [&str; 10] = [
    "",
    "",
    "douăzeci",
    "treizeci",
    "patruzeci",
    "cincizeci",
    "șaizeci",
    "șaptezeci",
    "optzeci",
    "nouăzeci",
];

/// The currency's major and minor unit, where Romanian has words for them.
fn currency_nouns(currency: &str) -> Option<(Noun, Noun)> {
    use Gender::{Feminine, Masculine};
    let cent = noun("cent", "cenți", Masculine);
    Some(match currency {
        "RON" => (
            noun("leu", "lei", Masculine),
            noun("ban", "bani", Masculine),
        ),
        "EUR" => (noun("euro", "euro", Masculine), cent),
        "USD" => (noun("dolar", "dolari", Masculine), cent),
        "GBP" => (
            noun("liră sterlină", "lire sterline", Feminine),
            noun("penny", "pence", Masculine),
        ),
        "CHF" => (
            noun("franc elvețian", "franci elvețieni", Masculine),
            noun("centim", "centimi", Masculine),
        ),
        _ => return None,
    })
}

/// An amount in Romanian words, with its currency: `1234.50 RON` → "o mie două sute
/// treizeci și patru de lei și cincizeci de bani"; `-20 EUR` → "minus douăzeci de euro".
///
/// The amount is rounded to two decimals first. A currency without Romanian words keeps its
/// code, and its cents are written as a fraction: "o sută de HUF și 25/100". `None` when the
/// whole part has more than 15 digits.
pub fn amount_in_words(amount: Decimal, currency: &str) -> Option<String> {
    let amount = round2(amount);
    let whole = amount.abs().trunc().to_u64()?;
    if whole > MAX_WHOLE {
        return None;
    }
    let cents = (amount.abs().fract() * Decimal::ONE_HUNDRED).to_u64()?;
    let sign = if amount.is_sign_negative() {
        "minus "
    } else {
        ""
    };
    let text = match currency_nouns(currency) {
        Some((major, minor)) => {
            let mut text = count(whole, major);
            if cents > 0 {
                text.push_str(" și ");
                text.push_str(&count(cents, minor));
            }
            text
        }
        None => {
            let code = noun("", "", Gender::Masculine);
            let mut text = format!("{} {currency}", count(whole, code).trim_end());
            if cents > 0 {
                text = format!("{text} și {cents:02}/100");
            }
            text
        }
    };
    Some(format!("{sign}{text}"))
}

/// `n` of `noun`, in words: "un leu", "doisprezece lei", "douăzeci de lei", "zero lei".
pub fn count(n: u64, noun: Noun) -> String {
    let name = if n == 1 { noun.one } else { noun.many };
    let de = if takes_de(n) { "de " } else { "" };
    format!("{} {de}{name}", number(n, noun.gender))
}

/// Whether `n` takes "de" before its noun: its last two digits are 00 or 20–99, and it is
/// not zero.
fn takes_de(n: u64) -> bool {
    let last = n % 100;
    n > 0 && (last == 0 || last >= 20)
}

/// `n` in words as it stands before a noun of `gender`: "un", "două mii două", "o sută".
pub fn number(n: u64, gender: Gender) -> String {
    if n == 0 {
        return DIGITS[0].to_owned();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words: Vec<String> = Vec::new();
    for (scale, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        if scale == 0 {
            // The units after larger groups take the compound "unu": "o mie unu".
            words.extend(below_thousand(group, gender, groups.len() == 1));
        } else {
            let unit = SCALES[scale - 1];
            words.push(count(group, unit));
        }
    }
    words.join(" ")
}

/// `n` (1–999) in words before a noun of `gender`. `alone` says that nothing stands before
/// it, so a lone one is the article form ("un", "o") rather than the compound ("unu", "una").
fn below_thousand(n: u64, gender: Gender, alone: bool) -> Vec<String> {
    let mut words = Vec::new();
    let hundreds = n / 100;
    let rest = n % 100;
    if hundreds > 0 {
        words.push(count(hundreds, noun("sută", "sute", Gender::Feminine)));
    }
    if rest == 0 {
        return words;
    }
    let alone = alone && hundreds == 0;
    let (tens, units) = (rest / 10, rest % 10);
    let digit = |d: u64, alone: bool| -> &'static str {
        match (d, gender, alone) {
            (1, Gender::Feminine, true) => "o",
            (1, _, true) => "un",
            (1, Gender::Feminine, false) => "una",
            (2, Gender::Masculine, _) => "doi",
            (2, _, _) => "două",
            _ => DIGITS[usize::try_from(d).unwrap_or(0)],
        }
    };
    match tens {
        0 => words.push(digit(units, alone).to_owned()),
        1 if units == 2 && gender != Gender::Masculine => words.push("douăsprezece".to_owned()),
        1 => words.push(TEENS[usize::try_from(units).unwrap_or(0)].to_owned()),
        _ => {
            let tens = TENS[usize::try_from(tens).unwrap_or(0)];
            if units == 0 {
                words.push(tens.to_owned());
            } else {
                words.push(format!("{tens} și {}", digit(units, false)));
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use rust_decimal_macros::dec;

    fn lei(n: u64) -> String {
        count(n, noun("leu", "lei", Gender::Masculine))
    }

    #[test]
    fn small_amounts_of_lei() {
        let cases = [
            (0, "zero lei"),
            (1, "un leu"),
            (2, "doi lei"),
            (3, "trei lei"),
            (6, "șase lei"),
            (7, "șapte lei"),
            (9, "nouă lei"),
            (10, "zece lei"),
            (11, "unsprezece lei"),
            (12, "doisprezece lei"),
            (14, "paisprezece lei"),
            (16, "șaisprezece lei"),
            (19, "nouăsprezece lei"),
            (20, "douăzeci de lei"),
            (21, "douăzeci și unu de lei"),
            (22, "douăzeci și doi de lei"),
            (35, "treizeci și cinci de lei"),
            (60, "șaizeci de lei"),
            (99, "nouăzeci și nouă de lei"),
        ];
        for (n, words) in cases {
            assert_eq!(lei(n), words, "{n}");
        }
    }

    #[test]
    fn hundreds_and_thousands_of_lei() {
        let cases = [
            (100, "o sută de lei"),
            (101, "o sută unu lei"),
            (102, "o sută doi lei"),
            (112, "o sută doisprezece lei"),
            (119, "o sută nouăsprezece lei"),
            (120, "o sută douăzeci de lei"),
            (200, "două sute de lei"),
            (999, "nouă sute nouăzeci și nouă de lei"),
            (1_000, "o mie de lei"),
            (1_001, "o mie unu lei"),
            (1_019, "o mie nouăsprezece lei"),
            (1_020, "o mie douăzeci de lei"),
            (1_234, "o mie două sute treizeci și patru de lei"),
            (2_000, "două mii de lei"),
            (2_002, "două mii doi lei"),
            (11_000, "unsprezece mii de lei"),
            (12_000, "douăsprezece mii de lei"),
            (20_000, "douăzeci de mii de lei"),
            (21_000, "douăzeci și una de mii de lei"),
            (22_500, "douăzeci și două de mii cinci sute de lei"),
            (100_000, "o sută de mii de lei"),
            (101_000, "o sută una mii de lei"),
            (
                999_999,
                "nouă sute nouăzeci și nouă de mii nouă sute nouăzeci și nouă de lei",
            ),
        ];
        for (n, words) in cases {
            assert_eq!(lei(n), words, "{n}");
        }
    }

    #[test]
    fn millions_and_more() {
        let cases = [
            (1_000_000, "un milion de lei"),
            (1_000_001, "un milion unu lei"),
            (1_001_000, "un milion o mie de lei"),
            (2_000_000, "două milioane de lei"),
            (12_000_000, "douăsprezece milioane de lei"),
            (21_000_000, "douăzeci și unu de milioane de lei"),
            (22_000_000, "douăzeci și două de milioane de lei"),
            (1_000_000_000, "un miliard de lei"),
            (2_500_000_000, "două miliarde cinci sute de milioane de lei"),
            (1_000_000_000_000, "un bilion de lei"),
        ];
        for (n, words) in cases {
            assert_eq!(lei(n), words, "{n}");
        }
    }

    #[test]
    fn feminine_nouns_count_with_o_and_doua() {
        let ore = noun("oră", "ore", Gender::Feminine);
        assert_eq!(count(1, ore), "o oră");
        assert_eq!(count(2, ore), "două ore");
        assert_eq!(count(12, ore), "douăsprezece ore");
        assert_eq!(count(21, ore), "douăzeci și una de ore");
        assert_eq!(count(32, ore), "treizeci și două de ore");
        assert_eq!(count(101, ore), "o sută una ore");
    }

    #[test]
    fn amounts_with_cents() {
        let cases = [
            (
                dec!(1234.50),
                "RON",
                "o mie două sute treizeci și patru de lei și cincizeci de bani",
            ),
            (dec!(1.01), "RON", "un leu și un ban"),
            (dec!(2.02), "RON", "doi lei și doi bani"),
            (dec!(0.99), "RON", "zero lei și nouăzeci și nouă de bani"),
            (dec!(20), "RON", "douăzeci de lei"),
            (dec!(19.999), "RON", "douăzeci de lei"),
            (dec!(-20.00), "EUR", "minus douăzeci de euro"),
            (dec!(1.21), "EUR", "un euro și douăzeci și unu de cenți"),
            (dec!(2), "GBP", "două lire sterline"),
            (dec!(1), "GBP", "o liră sterlină"),
            (dec!(100.25), "HUF", "o sută de HUF și 25/100"),
            (dec!(1), "HUF", "un HUF"),
        ];
        for (amount, currency, words) in cases {
            assert_eq!(
                amount_in_words(amount, currency).as_deref(),
                Some(words),
                "{amount} {currency}"
            );
        }
    }

    #[test]
    fn huge_amounts_have_no_words() {
        assert!(amount_in_words(Decimal::from(MAX_WHOLE), "RON").is_some());
        assert_eq!(amount_in_words(Decimal::from(MAX_WHOLE + 1), "RON"), None);
        assert_eq!(amount_in_words(Decimal::MAX, "RON"), None);
    }
}
