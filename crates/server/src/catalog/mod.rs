//! A company's catalog: products, VAT rates, document series and bank accounts. Each operation
//! validates, writes and records its `CatalogChanged` event in one transaction; the API and the
//! web pages call these.

pub mod bank_accounts;
pub mod products;
pub mod series;
pub mod vat_rates;

use einvoice::codes::VatCategory;
use rust_decimal::Decimal;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::events::{self, Catalog, Change, DomainEvent};
use crate::store::Tx;
use crate::tenancy::CompanyScope;

/// Records that a catalog record changed, in the transaction of the change.
pub async fn record(
    tx: &mut Tx,
    scope: &CompanyScope,
    what: Catalog,
    change: Change,
    id: Uuid,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let event = DomainEvent::CatalogChanged { what, change, id };
    events::record(tx, scope.origin(), &event, now).await?;
    Ok(())
}

/// A VAT percentage: 0 to 100, at most 2 decimals.
pub fn rate_in_range(rate: Decimal) -> Result<(), String> {
    if rate.is_sign_negative() || rate > Decimal::ONE_HUNDRED || rate.normalize().scale() > 2 {
        return Err(format!(
            "'{rate}' is not a VAT rate (0 to 100, at most 2 decimals)."
        ));
    }
    Ok(())
}

/// Whether a rate suits its category: Z, E, AE, K, G and O take 0 (BR-Z-05, BR-E-05,
/// BR-AE-05, BR-IC-05, BR-G-05, BR-O-05) and S more than 0 (BR-S-05); L and M any rate.
pub fn rate_fits(rate: Decimal, category: VatCategory) -> Result<(), String> {
    let code = category.code();
    if category.requires_zero_rate() && !rate.is_zero() {
        return Err(format!("VAT category {code} requires a 0% rate."));
    }
    if category == VatCategory::S && rate.is_zero() {
        return Err(
            "VAT category S needs a rate above 0; use Z, E, AE, K, G or O for 0%.".to_owned(),
        );
    }
    Ok(())
}

/// A VAT category code, or why it is not one.
pub fn category(code: &str) -> Result<VatCategory, String> {
    VatCategory::from_code(code)
        .ok_or_else(|| format!("'{code}' is not a VAT category (S, Z, E, AE, K, G, O, L, M)."))
}

/// An ISO 4217 currency code in upper case, or why it is not one.
pub fn currency(code: &str) -> Result<String, String> {
    let code = code.trim().to_ascii_uppercase();
    match einvoice::codes::currency(&code) {
        Some(_) => Ok(code),
        None => Err(format!("'{code}' is not an ISO 4217 currency.")),
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn rates_must_match_their_category() {
        assert!(rate_fits(dec!(21), VatCategory::S).is_ok());
        assert!(rate_fits(dec!(0), VatCategory::S).is_err());
        assert!(rate_fits(dec!(0), VatCategory::AE).is_ok());
        assert!(rate_fits(dec!(9), VatCategory::Z).is_err());
        assert!(rate_fits(dec!(7), VatCategory::L).is_ok());
        assert!(rate_fits(dec!(0), VatCategory::M).is_ok());
        assert!(rate_in_range(dec!(-1)).is_err());
        assert!(rate_in_range(dec!(100.01)).is_err());
        assert!(rate_in_range(dec!(5.555)).is_err());
        assert!(rate_in_range(dec!(5.50)).is_ok());
    }
}
