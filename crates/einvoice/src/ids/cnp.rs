//! The Romanian personal numeric code (CNP), a buyer's identifier when the buyer is a person.

use std::fmt;
use std::str::FromStr;

use time::{Date, Month};

use super::{IdError, IdProblem, IdScheme};

/// Weights of the CNP control digit, for its first 12 digits.
const WEIGHTS: [u32; 12] = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

/// A valid CNP: 13 digits `SAALLZZJJNNNC`, the first (sex and century) 1–9,
/// a plausible birth month and day, and a matching control digit.
///
/// For Romanian citizens (first digit 1–6) the birth date must exist in its
/// century; for residents and foreigners (7–9) the century is not encoded, so
/// the day is only checked against its month (29 February passes).
///
/// CIUS-RO lets a buyer without a CNP be written as `0000000000000`; that is
/// not a CNP and is refused here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cnp(String);

impl Cnp {
    /// The 13 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date, when the first digit gives the century (1–6).
    pub fn birth_date(&self) -> Option<Date> {
        let d = self.digits();
        birth_date(&d)
    }

    /// The 13 digits as numbers.
    fn digits(&self) -> [u32; 13] {
        let mut out = [0; 13];
        for (slot, b) in out.iter_mut().zip(self.0.bytes()) {
            *slot = u32::from(b - b'0');
        }
        out
    }
}

impl fmt::Display for Cnp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Cnp {
    type Err = IdError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = |problem| IdError::new(IdScheme::Cnp, input, problem);
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(err(IdProblem::Empty));
        }
        if let Some(c) = trimmed.chars().find(|c| !c.is_ascii_digit()) {
            return Err(err(IdProblem::InvalidCharacter(c)));
        }
        if trimmed.len() != 13 {
            return Err(err(IdProblem::Length {
                expected: "13 digits".to_owned(),
                found: trimmed.len(),
            }));
        }
        let mut d = [0u32; 13];
        for (slot, b) in d.iter_mut().zip(trimmed.bytes()) {
            *slot = u32::from(b - b'0');
        }
        if d[0] == 0 {
            return Err(err(IdProblem::BadSexDigit));
        }
        let month = d[3] * 10 + d[4];
        let day = d[5] * 10 + d[6];
        let plausible = match d[0] {
            1..=6 => birth_date(&d).is_some(),
            _ => (1..=12).contains(&month) && day >= 1 && day <= max_day(month),
        };
        if !plausible {
            return Err(err(IdProblem::BadBirthDate));
        }
        let sum: u32 = d.iter().zip(WEIGHTS).map(|(a, w)| a * w).sum();
        let control = match sum % 11 {
            10 => 1,
            r => r,
        };
        if control != d[12] {
            return Err(err(IdProblem::BadCheckDigit));
        }
        Ok(Self(trimmed.to_owned()))
    }
}

/// The birth date of CNP digits whose first digit gives the century (1–6).
fn birth_date(d: &[u32; 13]) -> Option<Date> {
    let century = match d[0] {
        1 | 2 => 1900,
        3 | 4 => 1800,
        5 | 6 => 2000,
        _ => return None,
    };
    let year = century + i32::try_from(d[1] * 10 + d[2]).ok()?;
    let month = Month::try_from(u8::try_from(d[3] * 10 + d[4]).ok()?).ok()?;
    let day = u8::try_from(d[5] * 10 + d[6]).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// The most days a month can have, in any year.
fn max_day(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::date;

    #[test]
    fn valid_cnps_parse() {
        for cnp in [
            "1960529460012",
            "1800101221144",
            "2851215401230",
            "5000229123453",
            "7001011234561",
        ] {
            assert_eq!(cnp.parse::<Cnp>().unwrap().as_str(), cnp);
        }
    }

    #[test]
    fn birth_date_follows_the_century_digit() {
        let cnp: Cnp = "1960529460012".parse().unwrap();
        assert_eq!(cnp.birth_date(), Some(date!(1996 - 05 - 29)));
        let cnp: Cnp = "5000229123453".parse().unwrap();
        assert_eq!(cnp.birth_date(), Some(date!(2000 - 02 - 29)));
        let resident: Cnp = "7001011234561".parse().unwrap();
        assert_eq!(resident.birth_date(), None);
    }

    #[test]
    fn invalid_cnps_are_refused_with_a_reason() {
        let cases = [
            ("1960529460013", "bad check digit"),
            ("0000000000000", "first digit must be 1 to 9"),
            ("2990229123459", "no such birth date"), // 1999 is no leap year
            ("1961329460012", "no such birth date"),
            ("1960500460012", "no such birth date"),
            ("196052946001", "expected 13 digits, found 12"),
            ("196052946001X", "unexpected character 'X'"),
            ("", "empty"),
        ];
        for (input, problem) in cases {
            let err = input.parse::<Cnp>().unwrap_err();
            assert_eq!(err.problem.to_string(), problem, "{input}");
            assert_eq!(err.scheme, IdScheme::Cnp);
        }
    }
}
