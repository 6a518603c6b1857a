//! Party identifiers: Romanian CIF and CNP, IBAN, and EU VAT number prefixes.
//!
//! Each identifier is a newtype that only holds a valid value: parse it with
//! [`str::parse`], print it with `Display`. A refused input gives an
//! [`IdError`] that names the scheme, the input and the problem, e.g.
//! `invalid CIF 'RO123': bad check digit`.

mod cif;
mod cnp;
mod iban;
mod vat;

pub use cif::Cif;
pub use cnp::Cnp;
pub use iban::Iban;
pub use vat::{EU_VAT_PREFIXES, split_vat_prefix};

use std::fmt;

/// Why an identifier was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {scheme} '{input}': {problem}")]
pub struct IdError {
    /// Which identifier was being parsed.
    pub scheme: IdScheme,
    /// The input as given (cut after 40 characters).
    pub input: String,
    /// What is wrong with it.
    pub problem: IdProblem,
}

impl IdError {
    /// An error for `input`, cut to a readable length.
    pub(crate) fn new(scheme: IdScheme, input: &str, problem: IdProblem) -> Self {
        let input = match input.char_indices().nth(40) {
            Some((cut, _)) => format!("{}…", &input[..cut]),
            None => input.to_owned(),
        };
        Self {
            scheme,
            input,
            problem,
        }
    }
}

/// The identifier schemes of this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdScheme {
    /// Romanian fiscal identification code (CUI/CIF).
    Cif,
    /// Romanian personal numeric code.
    Cnp,
    /// International bank account number.
    Iban,
}

impl fmt::Display for IdScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Cif => "CIF",
            Self::Cnp => "CNP",
            Self::Iban => "IBAN",
        })
    }
}

/// What is wrong with a refused identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdProblem {
    /// Nothing but spaces.
    #[error("empty")]
    Empty,
    /// A character the scheme does not allow.
    #[error("unexpected character '{0}'")]
    InvalidCharacter(char),
    /// Too few or too many digits or characters.
    #[error("expected {expected}, found {found}")]
    Length {
        /// What the scheme expects, e.g. `"2 to 10 digits"`.
        expected: String,
        /// How many there are.
        found: usize,
    },
    /// A CIF starting with 0.
    #[error("starts with 0")]
    LeadingZero,
    /// The check digit (CIF, CNP) or check digits (IBAN) do not match.
    #[error("bad check digit")]
    BadCheckDigit,
    /// A CNP whose first digit is 0.
    #[error("first digit must be 1 to 9")]
    BadSexDigit,
    /// A CNP whose birth date cannot exist.
    #[error("no such birth date")]
    BadBirthDate,
    /// An IBAN whose country has no IBAN format this crate knows.
    #[error("unknown IBAN country '{0}'")]
    UnknownCountry(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn error_message_carries_scheme_input_and_problem() {
        let err = IdError::new(IdScheme::Cif, "RO123", IdProblem::BadCheckDigit);
        assert_eq!(err.to_string(), "invalid CIF 'RO123': bad check digit");
    }

    #[test]
    fn long_input_is_cut() {
        let err = IdError::new(IdScheme::Iban, &"X".repeat(100), IdProblem::Empty);
        assert_eq!(err.input, format!("{}…", "X".repeat(40)));
    }
}
