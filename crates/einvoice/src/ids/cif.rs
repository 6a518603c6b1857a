//! The Romanian fiscal identification code (CUI/CIF), BT-31/BT-48 without `RO` or BT-30/BT-47.

use std::fmt;
use std::str::FromStr;

use super::{IdError, IdProblem, IdScheme};

/// Weights of the CIF check digit, for the 9 digits before it (padded left with zeros).
const WEIGHTS: [u32; 9] = [7, 5, 3, 2, 1, 7, 5, 3, 2];

/// A valid Romanian CUI/CIF: 2 to 10 digits, the last being the check digit.
///
/// Parsing accepts an optional `RO` prefix in any case and spaces anywhere
/// (`"RO 185 472 90"`, `"ro18547290"`, `"18547290"`). `Display` prints the
/// digits alone; [`Cif::with_ro_prefix`] adds `RO`, as a VAT identifier
/// (BT-31) has it.
///
/// ```
/// use einvoice::ids::Cif;
///
/// let cif: Cif = "RO 185 472 90".parse()?;
/// assert_eq!(cif.value(), 18547290);
/// assert_eq!(cif.with_ro_prefix(), "RO18547290");
/// assert_eq!(
///     "RO123".parse::<Cif>().unwrap_err().to_string(),
///     "invalid CIF 'RO123': bad check digit"
/// );
/// # Ok::<(), einvoice::ids::IdError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cif(u64);

impl Cif {
    /// The CIF of a number, checked like a parsed one.
    pub fn from_value(value: u64) -> Result<Self, IdError> {
        value.to_string().parse()
    }

    /// The number, check digit included: `18547290`.
    pub fn value(self) -> u64 {
        self.0
    }

    /// The VAT form, `RO` followed by the digits: `"RO18547290"`.
    pub fn with_ro_prefix(self) -> String {
        format!("RO{}", self.0)
    }
}

impl fmt::Display for Cif {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for Cif {
    type Err = IdError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = |problem| IdError::new(IdScheme::Cif, input, problem);
        let trimmed = input.trim();
        let unprefixed = match trimmed.get(..2) {
            Some(p) if p.eq_ignore_ascii_case("RO") => &trimmed[2..],
            _ => trimmed,
        };
        let mut digits = Vec::with_capacity(10);
        for c in unprefixed.chars().filter(|c| !c.is_whitespace()) {
            match c.to_digit(10) {
                Some(d) => digits.push(d),
                None => return Err(err(IdProblem::InvalidCharacter(c))),
            }
        }
        if digits.is_empty() {
            return Err(err(IdProblem::Empty));
        }
        if !(2..=10).contains(&digits.len()) {
            return Err(err(IdProblem::Length {
                expected: "2 to 10 digits".to_owned(),
                found: digits.len(),
            }));
        }
        if digits[0] == 0 {
            return Err(err(IdProblem::LeadingZero));
        }
        let (&check, body) = digits.split_last().ok_or_else(|| err(IdProblem::Empty))?;
        if check_digit(body) != check {
            return Err(err(IdProblem::BadCheckDigit));
        }
        let value = digits.iter().fold(0u64, |acc, &d| acc * 10 + u64::from(d));
        Ok(Self(value))
    }
}

/// The check digit of the digits before it (at most 9): weighted sum × 10
/// mod 11, where 10 counts as 0.
fn check_digit(body: &[u32]) -> u32 {
    let pad = WEIGHTS.len() - body.len();
    let sum: u32 = body.iter().zip(&WEIGHTS[pad..]).map(|(d, w)| d * w).sum();
    (sum * 10 % 11) % 10
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn valid_cifs_parse() {
        for cif in [
            "18547290", "14399840", "1590082", "13548146", "4221306", "16335444", "22891860",
            "361579", "6859662", "11201891", "27",
        ] {
            let parsed: Cif = cif.parse().unwrap();
            assert_eq!(parsed.to_string(), cif);
        }
    }

    #[test]
    fn prefix_spaces_and_case_are_accepted() {
        for input in [
            "RO 185 472 90",
            "ro18547290",
            " RO18547290 ",
            "Ro 18547290",
            "18547290",
        ] {
            assert_eq!(input.parse::<Cif>().unwrap().value(), 18_547_290, "{input}");
        }
        let cif: Cif = "18547290".parse().unwrap();
        assert_eq!(cif.with_ro_prefix(), "RO18547290");
        assert_eq!(Cif::from_value(1_590_082).unwrap().value(), 1_590_082);
    }

    #[test]
    fn invalid_cifs_are_refused_with_a_reason() {
        let cases = [
            ("RO123", "invalid CIF 'RO123': bad check digit"),
            ("18547291", "invalid CIF '18547291': bad check digit"),
            ("14841555", "invalid CIF '14841555': bad check digit"),
            ("", "invalid CIF '': empty"),
            ("RO", "invalid CIF 'RO': empty"),
            ("1", "invalid CIF '1': expected 2 to 10 digits, found 1"),
            (
                "12345678901",
                "invalid CIF '12345678901': expected 2 to 10 digits, found 11",
            ),
            ("018547290", "invalid CIF '018547290': starts with 0"),
            (
                "RO-18547290",
                "invalid CIF 'RO-18547290': unexpected character '-'",
            ),
            (
                "DE18547290",
                "invalid CIF 'DE18547290': unexpected character 'D'",
            ),
            ("１８", "invalid CIF '１８': unexpected character '１'"),
        ];
        for (input, message) in cases {
            assert_eq!(input.parse::<Cif>().unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn ten_digit_cif_uses_all_weights() {
        // 9 body digits use every weight; compute a valid one and check it.
        let body = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        let check = check_digit(&body);
        let text: String = body
            .iter()
            .chain([&check])
            .map(ToString::to_string)
            .collect();
        assert!(text.parse::<Cif>().is_ok());
    }
}
