//! A company's VAT-rate catalog. Invoice lines carry their own rate and category; this list is
//! what forms offer (api.md §9).

use rust_decimal::Decimal;
use time::OffsetDateTime;

use super::{Db, Dec, Ts, Tx};
use crate::ids::{CompanyId, VatRateId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct VatRateRow {
    pub id: VatRateId,
    pub company_id: CompanyId,
    pub rate: Dec,
    pub label: String,
    pub category_code: String,
    /// VATEX code for exempt categories (E, AE, K, G, O).
    pub exemption_code: Option<String>,
    pub is_default: bool,
    pub is_active: bool,
    pub position: i32,
    pub created_at: Ts,
    pub updated_at: Ts,
}

macro_rules! select_rates {
    () => {
        "SELECT id, company_id, rate, label, category_code, exemption_code, is_default, is_active, position, created_at, updated_at \
         FROM vat_rates"
    };
}

pub async fn list(db: &Db, company: CompanyId) -> Result<Vec<VatRateRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, VatRateRow>(concat!(select_rates!(), " WHERE company_id = $1 ORDER BY position, created_at, id"))
        .bind(company)
        .fetch_all(c)
        .await)
}

/// The company's VAT rates, read inside a write transaction (an issue).
pub async fn list_in(tx: &mut Tx, company: CompanyId) -> Result<Vec<VatRateRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, VatRateRow>(concat!(select_rates!(), " WHERE company_id = $1 ORDER BY position, created_at, id"))
        .bind(company)
        .fetch_all(c)
        .await)
}

pub async fn get(
    db: &Db,
    company: CompanyId,
    id: VatRateId,
) -> Result<Option<VatRateRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, VatRateRow>(concat!(select_rates!(), " WHERE company_id = $1 AND id = $2"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub async fn get_in(
    tx: &mut Tx,
    company: CompanyId,
    id: VatRateId,
) -> Result<Option<VatRateRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, VatRateRow>(concat!(select_rates!(), " WHERE company_id = $1 AND id = $2"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// The position after the company's last rate.
pub async fn next_position(tx: &mut Tx, company: CompanyId) -> Result<i32, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, i32>(
        "SELECT CAST(COALESCE(MAX(position), -1) + 1 AS INTEGER) FROM vat_rates WHERE company_id = $1",
    )
    .bind(company)
    .fetch_one(c)
    .await)
}

pub async fn insert(tx: &mut Tx, r: &VatRateRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO vat_rates (id, company_id, rate, label, category_code, exemption_code, is_default, is_active, position, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(r.id).bind(r.company_id).bind(r.rate).bind(&r.label).bind(&r.category_code)
    .bind(&r.exemption_code).bind(r.is_default).bind(r.is_active).bind(r.position)
    .bind(r.created_at).bind(r.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn update(tx: &mut Tx, r: &VatRateRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE vat_rates SET rate = $3, label = $4, category_code = $5, exemption_code = $6, is_default = $7, \
         is_active = $8, position = $9, updated_at = $10 WHERE company_id = $1 AND id = $2",
    )
    .bind(r.company_id).bind(r.id).bind(r.rate).bind(&r.label).bind(&r.category_code)
    .bind(&r.exemption_code).bind(r.is_default).bind(r.is_active).bind(r.position).bind(r.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Makes `keep` the only default rate.
pub async fn clear_other_defaults(
    tx: &mut Tx,
    company: CompanyId,
    keep: VatRateId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE vat_rates SET is_default = FALSE, updated_at = $3 WHERE company_id = $1 AND id <> $2 AND is_default = TRUE",
    )
    .bind(company).bind(keep).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete(tx: &mut Tx, company: CompanyId, id: VatRateId) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM vat_rates WHERE company_id = $1 AND id = $2")
        .bind(company).bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Romania's rates seeded into every new company: 21 % (default) and 11 % standard-category
/// rates, then one 0 % rate per zero-rated category with its VATEX exemption code.
pub const ROMANIAN_DEFAULTS: &[(&str, &str, &str, Option<&str>)] = &[
    ("21", "21%", "S", None),
    ("11", "11%", "S", None),
    ("0", "0% – cotă zero", "Z", None),
    (
        "0",
        "Scutit (art. 292 Cod fiscal)",
        "E",
        Some("VATEX-EU-132"),
    ),
    ("0", "Taxare inversă", "AE", Some("VATEX-EU-AE")),
    ("0", "Livrare intracomunitară", "K", Some("VATEX-EU-IC")),
    ("0", "Export", "G", Some("VATEX-EU-G")),
    (
        "0",
        "Neimpozabil (în afara sferei TVA)",
        "O",
        Some("VATEX-EU-O"),
    ),
];

/// Seeds [`ROMANIAN_DEFAULTS`] for a new company.
pub async fn seed(tx: &mut Tx, company: CompanyId, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    for (position, (rate, label, category, exemption)) in ROMANIAN_DEFAULTS.iter().enumerate() {
        let row = VatRateRow {
            id: VatRateId::new(),
            company_id: company,
            rate: Dec(rate.parse::<Decimal>().unwrap_or_default()),
            label: (*label).to_owned(),
            category_code: (*category).to_owned(),
            exemption_code: exemption.map(str::to_owned),
            is_default: position == 0,
            is_active: true,
            position: i32::try_from(position).unwrap_or(0),
            created_at: Ts(now),
            updated_at: Ts(now),
        };
        insert(tx, &row).await?;
    }
    Ok(())
}
