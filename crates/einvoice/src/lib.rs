//! The EN 16931 core of Facturo: the semantic model of an invoice, money and
//! rounding, code lists, party identifiers and document totals.
//!
//! Every other Facturo crate that deals with an invoice's content builds on
//! this one: [`model::Invoice`] is the document every syntax (UBL, later CII)
//! reads into and writes from, the server checks its input with [`ids`] and [`codes`], stores
//! amounts as [`Decimal`] (never a float, see [`money`]), and asks
//! [`totals::compute`] for the EN 16931 document totals (BG-22, BG-23), which
//! the UBL writer, the PDF and the API then print as they are.
//!
//! What this crate is not: it does no IO at all (no files, no HTTP, no SQL, no
//! async), reads no clock and validates no business rules. Rules such as
//! BR-S-05 ("standard rated lines have a rate above zero") or the CIUS-RO
//! BR-RO-* rules belong to the validator; this crate only computes and looks
//! things up, so it is cheap to test and cheap to depend on.
//!
//! # Example
//!
//! Totals of a two-line invoice: 2 hours of consulting at 150.00 and 3 books
//! at 40.00, the books discounted by 10.00, at 21 % and 11 % VAT.
//!
//! ```
//! use einvoice::codes::VatCategory;
//! use einvoice::totals::{self, LineInput, TotalsInput, VatKey};
//! use rust_decimal_macros::dec;
//!
//! let standard = VatKey::new(VatCategory::S, dec!(21));
//! let reduced = VatKey::new(VatCategory::S, dec!(11));
//! let mut books = LineInput::new(dec!(3), dec!(40.00), reduced);
//! books.allowances.push(dec!(10)); // BG-27 line allowance
//!
//! let input = TotalsInput {
//!     lines: vec![LineInput::new(dec!(2), dec!(150.00), standard), books],
//!     ..TotalsInput::default()
//! };
//! let totals = totals::compute(&input)?;
//!
//! assert_eq!(totals.line_extension.to_string(), "410.00"); // BT-106
//! assert_eq!(totals.tax_total.to_string(), "75.10"); // BT-110 = 63.00 + 12.10
//! assert_eq!(totals.payable.to_string(), "485.10"); // BT-115
//! assert_eq!(totals.vat_breakdown.len(), 2); // BG-23, 11 % before 21 %
//! # Ok::<(), einvoice::totals::TotalsError>(())
//! ```

pub mod bucharest;
pub mod codes;
pub mod ids;
pub mod model;
pub mod money;
pub mod totals;

mod text;

pub use rust_decimal::Decimal;

/// Any error this crate returns, for callers that want a single `From` impl.
///
/// Each module also has its own error type ([`money::MoneyError`],
/// [`ids::IdError`], [`totals::TotalsError`], [`model::ModelError`]); this
/// enum only wraps them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A decimal text could not be parsed.
    #[error(transparent)]
    Money(#[from] money::MoneyError),
    /// A party identifier (CIF, CNP, IBAN) is invalid.
    #[error(transparent)]
    Id(#[from] ids::IdError),
    /// The document totals could not be computed.
    #[error(transparent)]
    Totals(#[from] totals::TotalsError),
    /// An invoice's totals could not be computed from its lines.
    #[error(transparent)]
    Model(#[from] model::ModelError),
}
