//! A company's bank accounts. The default one is the company's `bankAccount` in the API and the
//! payee account of its invoices.

use time::OffsetDateTime;

use super::{Db, StoreError, Ts, Tx, is_unique_violation};
use crate::ids::{BankAccountId, CompanyId, OrgId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BankAccountRow {
    pub id: BankAccountId,
    pub company_id: CompanyId,
    pub bank_name: Option<String>,
    pub iban: String,
    pub bic: Option<String>,
    pub currency: String,
    pub is_default: bool,
    pub created_at: Ts,
    pub updated_at: Ts,
}

macro_rules! select_accounts {
    () => {
        "SELECT id, company_id, bank_name, iban, bic, currency, is_default, created_at, updated_at FROM bank_accounts"
    };
}

pub async fn list(db: &Db, company: CompanyId) -> Result<Vec<BankAccountRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, BankAccountRow>(concat!(select_accounts!(), " WHERE company_id = $1 ORDER BY is_default DESC, created_at, id"))
        .bind(company)
        .fetch_all(c)
        .await)
}

/// The default account of every company of an organization.
pub async fn defaults_of_org(db: &Db, org: OrgId) -> Result<Vec<BankAccountRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, BankAccountRow>(concat!(select_accounts!(),
        " WHERE is_default = TRUE AND company_id IN (SELECT id FROM companies WHERE organization_id = $1)"))
        .bind(org)
        .fetch_all(c)
        .await)
}

pub async fn get(
    db: &Db,
    company: CompanyId,
    id: BankAccountId,
) -> Result<Option<BankAccountRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, BankAccountRow>(concat!(select_accounts!(), " WHERE company_id = $1 AND id = $2"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub async fn get_in(
    tx: &mut Tx,
    company: CompanyId,
    id: BankAccountId,
) -> Result<Option<BankAccountRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, BankAccountRow>(concat!(select_accounts!(), " WHERE company_id = $1 AND id = $2"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub async fn default_in(
    tx: &mut Tx,
    company: CompanyId,
) -> Result<Option<BankAccountRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, BankAccountRow>(concat!(select_accounts!(), " WHERE company_id = $1 AND is_default = TRUE"))
        .bind(company)
        .fetch_optional(c)
        .await)
}

fn duplicate(e: sqlx::Error) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::Conflict("This IBAN is already one of the company's bank accounts.".into())
    } else {
        e.into()
    }
}

pub async fn insert(tx: &mut Tx, a: &BankAccountRow) -> Result<(), StoreError> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO bank_accounts (id, company_id, bank_name, iban, bic, currency, is_default, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(a.id).bind(a.company_id).bind(&a.bank_name).bind(&a.iban).bind(&a.bic).bind(&a.currency)
    .bind(a.is_default).bind(a.created_at).bind(a.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate)?;
    Ok(())
}

pub async fn update(tx: &mut Tx, a: &BankAccountRow) -> Result<(), StoreError> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE bank_accounts SET bank_name = $3, iban = $4, bic = $5, currency = $6, is_default = $7, updated_at = $8 \
         WHERE company_id = $1 AND id = $2",
    )
    .bind(a.company_id).bind(a.id).bind(&a.bank_name).bind(&a.iban).bind(&a.bic).bind(&a.currency)
    .bind(a.is_default).bind(a.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate)?;
    Ok(())
}

/// Makes `keep` the only default account.
pub async fn clear_other_defaults(
    tx: &mut Tx,
    company: CompanyId,
    keep: BankAccountId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE bank_accounts SET is_default = FALSE, updated_at = $3 WHERE company_id = $1 AND id <> $2 AND is_default = TRUE",
    )
    .bind(company).bind(keep).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete(
    tx: &mut Tx,
    company: CompanyId,
    id: BankAccountId,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM bank_accounts WHERE company_id = $1 AND id = $2")
        .bind(company).bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
