//! The code lists EN 16931 and CIUS-RO use, as plain Rust data with look-up functions.
//!
//! Each list sits in its own file. Where EN 16931 restricts a list, the codes
//! are exactly those the EN 16931 1.3.16 code-list rules (BR-CL-*) accept; the
//! names are the lists' English names.

mod allowance_reasons;
mod charge_reasons;
mod countries;
mod currencies;
mod document_types;
mod payment_means;
mod ro_counties;
mod units;
mod vat_category;
mod vatex;

pub use allowance_reasons::{allowance_reason, allowance_reasons};
pub use charge_reasons::{charge_reason, charge_reasons};
pub use countries::{Country, countries, country, is_eu_member};
pub use currencies::{Currency, currencies, currency};
pub use document_types::{
    credit_note_type, credit_note_type_codes, invoice_type, invoice_type_codes,
};
pub use payment_means::{payment_means, payment_means_codes, payment_means_for_method};
pub use ro_counties::{RoCounty, bucharest_sector, ro_counties, ro_county, sector_city_code};
pub use units::{EVERYDAY_UNITS, is_unit_code, resolve_unit, unit_alias, unit_codes};
pub use vat_category::{UnknownVatCategory, VatCategory};
pub use vatex::{vatex, vatex_codes};

/// A code and its English name, for the lists that carry nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct CodeName {
    /// The code as written in the document, e.g. `"30"` or `"VATEX-EU-IC"`.
    pub code: &'static str,
    /// The list's English name for it.
    pub name: &'static str,
}

/// A [`CodeName`], short enough for one-line table rows.
const fn cn(code: &'static str, name: &'static str) -> CodeName {
    CodeName { code, name }
}

/// Finds `code` in `list`, ignoring surrounding spaces and ASCII case.
fn find(list: &'static [CodeName], code: &str) -> Option<&'static CodeName> {
    let code = code.trim();
    list.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// Test helpers shared by the code-list files.
#[cfg(test)]
pub(crate) mod check {
    use std::collections::HashSet;

    /// Panics naming the first code that appears twice.
    pub(crate) fn assert_unique<'a>(codes: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for code in codes {
            assert!(seen.insert(code), "duplicate code {code}");
        }
    }
}
