//! A company's suppliers (api.md §7), mostly written by the ANAF sync from incoming invoices.
//! Deleting is soft, as for clients.

use time::{Date, OffsetDateTime};

use super::party_invoices::Sort;
use super::{Db, StoreError, Ts, Tx, is_unique_violation};
use crate::api::page::Page;
use crate::ids::{CompanyId, SupplierId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SupplierRow {
    pub id: SupplierId,
    pub company_id: CompanyId,
    pub name: String,
    /// A Romanian CIF as digits without `RO`; a foreign tax id without its VAT prefix.
    pub cif: Option<String>,
    pub vat_code: Option<String>,
    pub is_vat_payer: bool,
    pub registration_number: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-2:RO code without `RO-` for Romanian suppliers.
    pub county: Option<String>,
    pub country: String,
    pub postal_code: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub bank_name: Option<String>,
    /// An IBAN in its compact form.
    pub bank_account: Option<String>,
    pub notes: Option<String>,
    pub source: String,
    pub last_synced_at: Option<Ts>,
    pub deleted_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// A row of the supplier list (api.md §7): the supplier with its invoice figures.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SupplierListRow {
    #[sqlx(flatten)]
    pub supplier: SupplierRow,
    pub invoice_count: i64,
    /// Minor units.
    pub invoice_total: i64,
    pub last_invoice_date: Option<Date>,
}

/// What the supplier list may be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SupplierFilter {
    /// Part of the name, CIF, VAT code or e-mail, any case.
    pub search: Option<String>,
    pub vat_payer: Option<bool>,
    pub has_invoices: Option<bool>,
    pub source: Option<String>,
}

macro_rules! columns {
    () => {
        "p.id, p.company_id, p.name, p.cif, p.vat_code, p.is_vat_payer, p.registration_number, \
         p.address, p.city, p.county, p.country, p.postal_code, p.email, p.phone, p.bank_name, \
         p.bank_account, p.notes, p.source, p.last_synced_at, p.deleted_at, p.created_at, p.updated_at"
    };
}

macro_rules! select_supplier {
    () => {
        concat!("SELECT ", columns!(), " FROM suppliers p")
    };
}

/// The live suppliers of a company joined to their invoice figures (`s`), narrowed by the
/// filter binds `$2` (a `like_pattern`) to `$5`.
macro_rules! list_from {
    () => {
        "FROM suppliers p LEFT JOIN (SELECT supplier_id, COUNT(*) AS invoice_count, \
         CAST(SUM(total) AS BIGINT) AS invoice_total, MAX(issue_date) AS last_invoice_date \
         FROM invoices WHERE company_id = $1 AND supplier_id IS NOT NULL AND deleted_at IS NULL \
         AND status <> 'cancelled' GROUP BY supplier_id) s ON s.supplier_id = p.id \
         WHERE p.company_id = $1 AND p.deleted_at IS NULL \
         AND ($2 IS NULL OR LOWER(p.name) LIKE $2 ESCAPE '\\' OR LOWER(p.cif) LIKE $2 ESCAPE '\\' \
           OR LOWER(p.vat_code) LIKE $2 ESCAPE '\\' OR LOWER(p.email) LIKE $2 ESCAPE '\\') \
         AND ($3 IS NULL OR p.is_vat_payer = $3) \
         AND ($4 IS NULL OR (COALESCE(s.invoice_count, 0) > 0) = $4) \
         AND ($5 IS NULL OR p.source = $5)"
    };
}

/// A live supplier of the company.
pub async fn get(
    db: &Db,
    company: CompanyId,
    id: SupplierId,
) -> Result<Option<SupplierRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, SupplierRow>(concat!(select_supplier!(),
        " WHERE p.company_id = $1 AND p.id = $2 AND p.deleted_at IS NULL"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// The live supplier with this CIF (as stored: digits without `RO`).
pub async fn find_by_cif(
    db: &Db,
    company: CompanyId,
    cif: &str,
) -> Result<Option<SupplierRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, SupplierRow>(concat!(select_supplier!(),
        " WHERE p.company_id = $1 AND p.cif = $2 AND p.deleted_at IS NULL"))
        .bind(company)
        .bind(cif)
        .fetch_optional(c)
        .await)
}

/// A page of the company's live suppliers and how many match in all.
pub async fn list(
    db: &Db,
    company: CompanyId,
    filter: &SupplierFilter,
    page: Page,
    sort: Sort,
) -> Result<(Vec<SupplierListRow>, i64), sqlx::Error> {
    let search = filter.search.as_deref().map(super::like_pattern);
    let total: i64 = on_db!(db, c => sqlx::query_scalar(concat!("SELECT COUNT(*) ", list_from!()))
        .bind(company).bind(&search).bind(filter.vat_payer).bind(filter.has_invoices)
        .bind(&filter.source)
        .fetch_one(c)
        .await)?;
    // The ORDER BY text comes from `Sort::order_by`, a fixed list.
    let sql = format!(
        "SELECT {}, COALESCE(s.invoice_count, 0) AS invoice_count, \
         COALESCE(s.invoice_total, 0) AS invoice_total, s.last_invoice_date {} \
         ORDER BY {} LIMIT $6 OFFSET $7",
        columns!(),
        list_from!(),
        sort.order_by()
    );
    let rows = on_db!(db, c => sqlx::query_as::<_, SupplierListRow>(sqlx::AssertSqlSafe(sql))
        .bind(company).bind(&search).bind(filter.vat_payer).bind(filter.has_invoices)
        .bind(&filter.source).bind(page.limit).bind(page.offset())
        .fetch_all(c)
        .await)?;
    Ok((rows, total))
}

/// Whether an invoice of some supplier is in a currency other than `currency`.
pub async fn has_other_currencies(
    db: &Db,
    company: CompanyId,
    currency: &str,
) -> Result<bool, sqlx::Error> {
    let n: i64 = on_db!(db, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM invoices WHERE company_id = $1 AND supplier_id IS NOT NULL \
         AND deleted_at IS NULL AND currency <> $2 LIMIT 1) x",
    )
    .bind(company)
    .bind(currency)
    .fetch_one(c)
    .await)?;
    Ok(n > 0)
}

fn duplicate(e: sqlx::Error) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::Conflict("A supplier with this CIF already exists.".into())
    } else {
        e.into()
    }
}

pub async fn insert(tx: &mut Tx, r: &SupplierRow) -> Result<(), StoreError> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO suppliers (id, company_id, name, cif, vat_code, is_vat_payer, registration_number, \
         address, city, county, country, postal_code, email, phone, bank_name, bank_account, notes, \
         source, last_synced_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21)",
    )
    .bind(r.id).bind(r.company_id).bind(&r.name).bind(&r.cif).bind(&r.vat_code).bind(r.is_vat_payer)
    .bind(&r.registration_number).bind(&r.address).bind(&r.city).bind(&r.county).bind(&r.country)
    .bind(&r.postal_code).bind(&r.email).bind(&r.phone).bind(&r.bank_name).bind(&r.bank_account)
    .bind(&r.notes).bind(&r.source).bind(r.last_synced_at).bind(r.created_at).bind(r.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate)?;
    Ok(())
}

/// Writes every editable field of `r` (the caller read, changed and validated it).
pub async fn update(tx: &mut Tx, r: &SupplierRow) -> Result<(), StoreError> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE suppliers SET name = $3, cif = $4, vat_code = $5, is_vat_payer = $6, \
         registration_number = $7, address = $8, city = $9, county = $10, country = $11, \
         postal_code = $12, email = $13, phone = $14, bank_name = $15, bank_account = $16, \
         notes = $17, last_synced_at = $18, updated_at = $19 \
         WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(r.company_id).bind(r.id).bind(&r.name).bind(&r.cif).bind(&r.vat_code).bind(r.is_vat_payer)
    .bind(&r.registration_number).bind(&r.address).bind(&r.city).bind(&r.county).bind(&r.country)
    .bind(&r.postal_code).bind(&r.email).bind(&r.phone).bind(&r.bank_name).bind(&r.bank_account)
    .bind(&r.notes).bind(r.last_synced_at).bind(r.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate)?;
    Ok(())
}

/// Marks a live supplier deleted. `false` when there is no such live supplier.
pub async fn soft_delete(
    tx: &mut Tx,
    company: CompanyId,
    id: SupplierId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE suppliers SET deleted_at = $3, updated_at = $3 WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(company).bind(id).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The live supplier the sync files a seller under: the one with its CIF, or, for a seller
/// without one, the one with its name and no CIF.
pub async fn find_for_sync(
    tx: &mut Tx,
    company: CompanyId,
    cif: Option<&str>,
    name: &str,
) -> Result<Option<SupplierId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, SupplierId>(
        "SELECT id FROM suppliers WHERE company_id = $1 AND deleted_at IS NULL \
         AND (cif = $2 OR ($2 IS NULL AND cif IS NULL AND LOWER(name) = LOWER($3))) \
         ORDER BY created_at LIMIT 1",
    )
    .bind(company).bind(cif).bind(name)
    .fetch_optional(c)
    .await)
}
