//! International bank account numbers (ISO 13616), BT-84 for credit transfers.

use std::fmt;
use std::str::FromStr;

use super::{IdError, IdProblem, IdScheme};

/// IBAN length per country: every SEPA country and the other IBAN countries
/// a Romanian business commonly pays, sorted by country code.
static LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("LY", 25),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NL", 18),
    ("NO", 15),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("SA", 24),
    ("SC", 31),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("ST", 25),
    ("SV", 28),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
];

/// A valid IBAN, kept in its electronic form (no spaces, upper case).
///
/// Parsing ignores spaces and case, then checks the country's length and the
/// ISO 7064 mod-97 check digits. `Display` prints the paper form, in groups
/// of four: `RO49 AAAA 1B31 0075 9384 0000`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Iban(String);

impl Iban {
    /// The electronic form, as BT-84 carries it: `"RO49AAAA1B31007593840000"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country code, e.g. `"RO"`.
    pub fn country(&self) -> &str {
        &self.0[..2]
    }
}

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, group) in self.0.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            // Only ASCII alphanumerics get past parsing.
            f.write_str(std::str::from_utf8(group).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

impl FromStr for Iban {
    type Err = IdError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = |problem| IdError::new(IdScheme::Iban, input, problem);
        let iban: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if iban.is_empty() {
            return Err(err(IdProblem::Empty));
        }
        if let Some(c) = iban.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(err(IdProblem::InvalidCharacter(c)));
        }
        let country = iban.get(..2).unwrap_or(&iban);
        let expected = LENGTHS
            .binary_search_by(|(c, _)| c.cmp(&country))
            .map(|i| LENGTHS[i].1)
            .map_err(|_| err(IdProblem::UnknownCountry(country.to_owned())))?;
        if iban.len() != expected {
            return Err(err(IdProblem::Length {
                expected: format!("{expected} characters for {country}"),
                found: iban.len(),
            }));
        }
        if let Some(c) = iban[2..4].chars().find(|c| !c.is_ascii_digit()) {
            return Err(err(IdProblem::InvalidCharacter(c)));
        }
        if mod97(&iban) != 1 {
            return Err(err(IdProblem::BadCheckDigit));
        }
        Ok(Self(iban))
    }
}

/// ISO 7064 mod 97-10 of an IBAN: the first four characters moved to the
/// end, letters counted as 10–35.
fn mod97(iban: &str) -> u32 {
    let (head, tail) = iban.split_at(4);
    tail.chars().chain(head.chars()).fold(0, |acc, c| {
        let v = c.to_digit(36).unwrap_or(0);
        if v < 10 {
            (acc * 10 + v) % 97
        } else {
            (acc * 100 + v) % 97
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn valid_ibans_parse() {
        for iban in [
            "RO49AAAA1B31007593840000",
            "DE89370400440532013000",
            "GB29NWBK60161331926819",
            "FR1420041010050500013M02606",
            "BE68539007547034",
            "NL91ABNA0417164300",
            "CH9300762011623852957",
            "NO9386011117947",
            "MT84MALT011000012345MTLCAST001S",
        ] {
            assert_eq!(iban.parse::<Iban>().unwrap().as_str(), iban);
        }
    }

    #[test]
    fn spaces_and_case_are_ignored_and_display_groups_by_four() {
        let iban: Iban = " ro49 aaaa 1b31 0075 9384 0000 ".parse().unwrap();
        assert_eq!(iban.as_str(), "RO49AAAA1B31007593840000");
        assert_eq!(iban.to_string(), "RO49 AAAA 1B31 0075 9384 0000");
        assert_eq!(iban.country(), "RO");
        let no: Iban = "NO9386011117947".parse().unwrap();
        assert_eq!(no.to_string(), "NO93 8601 1117 947");
    }

    #[test]
    fn invalid_ibans_are_refused_with_a_reason() {
        let cases = [
            (
                "RO49AAAA1B31007593840001",
                "invalid IBAN 'RO49AAAA1B31007593840001': bad check digit",
            ),
            (
                "RO49AAAA1B3100759384000",
                "invalid IBAN 'RO49AAAA1B3100759384000': expected 24 characters for RO, found 23",
            ),
            (
                "XX49AAAA",
                "invalid IBAN 'XX49AAAA': unknown IBAN country 'XX'",
            ),
            (
                "RO49-AAAA",
                "invalid IBAN 'RO49-AAAA': unexpected character '-'",
            ),
            ("  ", "invalid IBAN '  ': empty"),
            (
                "ROAAAAAA1B31007593840000",
                "invalid IBAN 'ROAAAAAA1B31007593840000': unexpected character 'A'",
            ),
        ];
        for (input, message) in cases {
            assert_eq!(input.parse::<Iban>().unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn length_table_is_sorted_and_covers_sepa() {
        assert!(LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
        let sepa = [
            "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB",
            "GI", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL",
            "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM", "VA",
        ];
        for country in sepa {
            assert!(LENGTHS.iter().any(|(c, _)| *c == country), "{country}");
        }
    }
}
