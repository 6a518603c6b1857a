//! Bank-account operations (our own resource, not in the contract). The default account is the
//! company's `bankAccount` (api.md §5) and the payee account of its invoices; a company's first
//! account becomes its default. Field errors are 422 `{"errors"}`, as for companies.

use axum::http::StatusCode;
use time::OffsetDateTime;

use crate::api::error::{ApiError, FieldError};
use crate::api::json::Patch;
use crate::events::{Catalog, Change};
use crate::ids::BankAccountId;
use crate::party;
use crate::store::bank_accounts::{self, BankAccountRow};
use crate::store::{Db, Ts, Tx};
use crate::tenancy::CompanyScope;

const NOT_FOUND: ApiError = ApiError::NotFound("Bank account not found.");

/// The fields a request sets; on an edit, `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct BankAccountChanges {
    pub iban: Option<String>,
    pub bank_name: Patch<String>,
    pub bic: Patch<String>,
    pub currency: Option<String>,
    pub is_default: Option<bool>,
}

pub async fn create(
    db: &Db,
    scope: &CompanyScope,
    changes: BankAccountChanges,
    now: OffsetDateTime,
) -> Result<BankAccountRow, ApiError> {
    if changes.iban.is_none() {
        return Err(ApiError::field("iban", "iban is required."));
    }
    let mut row = BankAccountRow {
        id: BankAccountId::new(),
        company_id: scope.id(),
        bank_name: None,
        iban: String::new(),
        bic: None,
        currency: "RON".into(),
        is_default: false,
        created_at: Ts(now),
        updated_at: Ts(now),
    };
    apply(&mut row, changes)?;
    let mut tx = db.begin().await?;
    if bank_accounts::default_in(&mut tx, scope.id())
        .await?
        .is_none()
    {
        row.is_default = true;
    }
    bank_accounts::insert(&mut tx, &row).await?;
    finish(&mut tx, scope, &row, Change::Created, now).await?;
    tx.commit().await?;
    Ok(row)
}

pub async fn update(
    db: &Db,
    scope: &CompanyScope,
    id: BankAccountId,
    changes: BankAccountChanges,
    now: OffsetDateTime,
) -> Result<BankAccountRow, ApiError> {
    let mut tx = db.begin().await?;
    let mut row = bank_accounts::get_in(&mut tx, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    apply(&mut row, changes)?;
    row.updated_at = Ts(now);
    bank_accounts::update(&mut tx, &row).await?;
    finish(&mut tx, scope, &row, Change::Updated, now).await?;
    tx.commit().await?;
    Ok(row)
}

/// Deletes an account. Deleting the default leaves the company without one until another is
/// made default.
pub async fn delete(
    db: &Db,
    scope: &CompanyScope,
    id: BankAccountId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    if !bank_accounts::delete(&mut tx, scope.id(), id).await? {
        return Err(NOT_FOUND);
    }
    super::record(
        &mut tx,
        scope,
        Catalog::BankAccount,
        Change::Deleted,
        id.0,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A default account is the only one; then the event.
async fn finish(
    tx: &mut Tx,
    scope: &CompanyScope,
    row: &BankAccountRow,
    change: Change,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    if row.is_default {
        bank_accounts::clear_other_defaults(tx, scope.id(), row.id, now).await?;
    }
    super::record(tx, scope, Catalog::BankAccount, change, row.id.0, now).await?;
    Ok(())
}

fn apply(a: &mut BankAccountRow, ch: BankAccountChanges) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if let Some(iban) = ch.iban {
        match party::iban(&iban) {
            Ok(iban) => a.iban = iban,
            Err(m) => errors.push(FieldError::new("iban", m)),
        }
    }
    if !ch.bank_name.is_absent() {
        a.bank_name = party::clean(ch.bank_name.apply(None));
        if a.bank_name
            .as_ref()
            .is_some_and(|n| n.chars().count() > 100)
        {
            errors.push(FieldError::new("bankName", "At most 100 characters."));
        }
    }
    if !ch.bic.is_absent() {
        match party::clean(ch.bic.apply(None))
            .map(|b| bic_of(&b))
            .transpose()
        {
            Ok(bic) => a.bic = bic,
            Err(m) => errors.push(FieldError::new("bic", m)),
        }
    }
    if let Some(currency) = ch.currency {
        match super::currency(&currency) {
            Ok(c) => a.currency = c,
            Err(m) => errors.push(FieldError::new("currency", m)),
        }
    }
    if let Some(v) = ch.is_default {
        a.is_default = v;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Fields(StatusCode::UNPROCESSABLE_ENTITY, errors))
    }
}

/// A BIC (ISO 9362) in upper case without spaces: 4 letters (bank), 2 letters (country), 2
/// letters or digits (location), optionally 3 more (branch).
fn bic_of(text: &str) -> Result<String, String> {
    let bic: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let b = bic.as_bytes();
    let ok = matches!(b.len(), 8 | 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(u8::is_ascii_alphanumeric);
    if ok {
        Ok(bic)
    } else {
        Err(format!(
            "'{text}' is not a BIC (8 or 11 characters, e.g. BTRLRO22)."
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bics_are_upper_cased_and_checked() {
        assert_eq!(bic_of("btrl ro22"), Ok("BTRLRO22".into()));
        assert_eq!(bic_of("RNCBROBUXXX"), Ok("RNCBROBUXXX".into()));
        assert!(bic_of("BTRL").is_err());
        assert!(bic_of("1TRLRO22").is_err());
    }
}
