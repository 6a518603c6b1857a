//! UN/ECE Recommendation 20 unit codes with the Recommendation 21 extension (BR-CL-23).
//!
//! CEN 1.3.16 and ANAF's RO16931 1.0.9 accept the same list, and it is the list `einvoice`
//! keeps for BT-130 and BT-150: one copy of the data. The conformance tests and the sorted-list
//! test of this family hold it to the artefacts.

/// The unit codes both artefacts accept, sorted.
pub(super) fn units() -> &'static [&'static str] {
    einvoice::codes::unit_codes()
}
