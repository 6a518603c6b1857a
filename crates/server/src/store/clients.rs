//! A company's clients (api.md §6). Deleting is soft: invoices keep pointing at the row, and a
//! deleted client's CUI may be used again (the unique index covers live rows only).

use time::{Date, OffsetDateTime};

use super::party_invoices::Sort;
use super::{Db, StoreError, Ts, Tx, is_unique_violation};
use crate::api::page::Page;
use crate::ids::{ClientId, CompanyId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ClientRow {
    pub id: ClientId,
    pub company_id: CompanyId,
    /// `company` or `individual`.
    #[sqlx(rename = "type")]
    pub kind: String,
    pub name: String,
    /// A Romanian CUI as digits without `RO`; a foreign tax id without its VAT prefix.
    pub cui: Option<String>,
    pub cnp: Option<String>,
    pub vat_code: Option<String>,
    pub is_vat_payer: bool,
    pub registration_number: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-2:RO code without `RO-` for Romanian clients.
    pub county: Option<String>,
    pub country: String,
    pub postal_code: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub bank_name: Option<String>,
    /// An IBAN in its compact form.
    pub bank_account: Option<String>,
    pub default_payment_term_days: Option<i32>,
    pub contact_person: Option<String>,
    pub notes: Option<String>,
    pub id_number: Option<String>,
    pub currency: Option<String>,
    pub client_code: Option<String>,
    pub source: String,
    pub deleted_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

impl ClientRow {
    /// The buyer's tax identifier as an invoice records it (`receiver_cif`): the VAT code of a
    /// VAT payer, else the CUI, else the CNP.
    pub fn tax_id(&self) -> Option<&str> {
        self.vat_code
            .as_deref()
            .filter(|_| self.is_vat_payer)
            .or(self.cui.as_deref())
            .or(self.cnp.as_deref())
    }
}

/// A row of the client list (api.md §6): the client with its invoice figures.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ClientListRow {
    #[sqlx(flatten)]
    pub client: ClientRow,
    pub invoice_count: i64,
    /// Minor units.
    pub invoice_total: i64,
    pub last_invoice_date: Option<Date>,
}

/// What the client list may be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientFilter {
    /// Part of the name, CUI, CNP, e-mail, ID number or VAT code, any case.
    pub search: Option<String>,
    pub country: Option<String>,
    pub vat_payer: Option<bool>,
    pub has_invoices: Option<bool>,
    pub source: Option<String>,
}

macro_rules! columns {
    () => {
        "p.id, p.company_id, p.type, p.name, p.cui, p.cnp, p.vat_code, p.is_vat_payer, \
         p.registration_number, p.address, p.city, p.county, p.country, p.postal_code, p.email, \
         p.phone, p.bank_name, p.bank_account, p.default_payment_term_days, p.contact_person, \
         p.notes, p.id_number, p.currency, p.client_code, p.source, p.deleted_at, p.created_at, \
         p.updated_at"
    };
}

macro_rules! select_client {
    () => {
        concat!("SELECT ", columns!(), " FROM clients p")
    };
}

/// The live clients of a company joined to their invoice figures (`s`), narrowed by the filter
/// binds `$2` (a `like_pattern`) to `$6`.
macro_rules! list_from {
    () => {
        "FROM clients p LEFT JOIN (SELECT client_id, COUNT(*) AS invoice_count, \
         CAST(SUM(total) AS BIGINT) AS invoice_total, MAX(issue_date) AS last_invoice_date \
         FROM invoices WHERE company_id = $1 AND client_id IS NOT NULL AND deleted_at IS NULL \
         AND status <> 'cancelled' GROUP BY client_id) s ON s.client_id = p.id \
         WHERE p.company_id = $1 AND p.deleted_at IS NULL \
         AND ($2 IS NULL OR LOWER(p.name) LIKE $2 ESCAPE '\\' OR LOWER(p.cui) LIKE $2 ESCAPE '\\' \
           OR LOWER(p.cnp) LIKE $2 ESCAPE '\\' OR LOWER(p.email) LIKE $2 ESCAPE '\\' \
           OR LOWER(p.id_number) LIKE $2 ESCAPE '\\' OR LOWER(p.vat_code) LIKE $2 ESCAPE '\\') \
         AND ($3 IS NULL OR p.country = $3) \
         AND ($4 IS NULL OR p.is_vat_payer = $4) \
         AND ($5 IS NULL OR (COALESCE(s.invoice_count, 0) > 0) = $5) \
         AND ($6 IS NULL OR p.source = $6)"
    };
}

/// A live client of the company.
pub async fn get(
    db: &Db,
    company: CompanyId,
    id: ClientId,
) -> Result<Option<ClientRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, ClientRow>(concat!(select_client!(),
        " WHERE p.company_id = $1 AND p.id = $2 AND p.deleted_at IS NULL"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// A live client of the company, read inside a write transaction (an invoice's buyer).
pub async fn get_in(
    tx: &mut Tx,
    company: CompanyId,
    id: ClientId,
) -> Result<Option<ClientRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, ClientRow>(concat!(select_client!(),
        " WHERE p.company_id = $1 AND p.id = $2 AND p.deleted_at IS NULL"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// The live client with this CUI (as stored: digits without `RO`).
pub async fn find_by_cui(
    db: &Db,
    company: CompanyId,
    cui: &str,
) -> Result<Option<ClientRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, ClientRow>(concat!(select_client!(),
        " WHERE p.company_id = $1 AND p.cui = $2 AND p.deleted_at IS NULL"))
        .bind(company)
        .bind(cui)
        .fetch_optional(c)
        .await)
}

/// A page of the company's live clients and how many match in all.
pub async fn list(
    db: &Db,
    company: CompanyId,
    filter: &ClientFilter,
    page: Page,
    sort: Sort,
) -> Result<(Vec<ClientListRow>, i64), sqlx::Error> {
    let search = filter.search.as_deref().map(super::like_pattern);
    let total: i64 = on_db!(db, c => sqlx::query_scalar(concat!("SELECT COUNT(*) ", list_from!()))
        .bind(company).bind(&search).bind(&filter.country).bind(filter.vat_payer)
        .bind(filter.has_invoices).bind(&filter.source)
        .fetch_one(c)
        .await)?;
    // The ORDER BY text comes from `Sort::order_by`, a fixed list.
    let sql = format!(
        "SELECT {}, COALESCE(s.invoice_count, 0) AS invoice_count, \
         COALESCE(s.invoice_total, 0) AS invoice_total, s.last_invoice_date {} \
         ORDER BY {} LIMIT $7 OFFSET $8",
        columns!(),
        list_from!(),
        sort.order_by()
    );
    let rows = on_db!(db, c => sqlx::query_as::<_, ClientListRow>(sqlx::AssertSqlSafe(sql))
        .bind(company).bind(&search).bind(&filter.country).bind(filter.vat_payer)
        .bind(filter.has_invoices).bind(&filter.source).bind(page.limit).bind(page.offset())
        .fetch_all(c)
        .await)?;
    Ok((rows, total))
}

/// The countries of the company's live clients, sorted.
pub async fn countries(db: &Db, company: CompanyId) -> Result<Vec<String>, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar(
        "SELECT DISTINCT country FROM clients WHERE company_id = $1 AND deleted_at IS NULL ORDER BY country",
    )
    .bind(company)
    .fetch_all(c)
    .await)
}

/// Whether an invoice of some client is in a currency other than `currency`.
pub async fn has_other_currencies(
    db: &Db,
    company: CompanyId,
    currency: &str,
) -> Result<bool, sqlx::Error> {
    let n: i64 = on_db!(db, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM invoices WHERE company_id = $1 AND client_id IS NOT NULL \
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
        StoreError::Conflict("A client with this CUI already exists.".into())
    } else {
        e.into()
    }
}

pub async fn insert(tx: &mut Tx, r: &ClientRow) -> Result<(), StoreError> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO clients (id, company_id, type, name, cui, cnp, vat_code, is_vat_payer, \
         registration_number, address, city, county, country, postal_code, email, phone, bank_name, \
         bank_account, default_payment_term_days, contact_person, notes, id_number, currency, \
         client_code, source, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21, $22, $23, $24, $25, $26, $27)",
    )
    .bind(r.id).bind(r.company_id).bind(&r.kind).bind(&r.name).bind(&r.cui).bind(&r.cnp)
    .bind(&r.vat_code).bind(r.is_vat_payer).bind(&r.registration_number).bind(&r.address)
    .bind(&r.city).bind(&r.county).bind(&r.country).bind(&r.postal_code).bind(&r.email)
    .bind(&r.phone).bind(&r.bank_name).bind(&r.bank_account).bind(r.default_payment_term_days)
    .bind(&r.contact_person).bind(&r.notes).bind(&r.id_number).bind(&r.currency)
    .bind(&r.client_code).bind(&r.source).bind(r.created_at).bind(r.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate)?;
    Ok(())
}

/// Writes every editable field of `r` (the caller read, changed and validated it).
pub async fn update(tx: &mut Tx, r: &ClientRow) -> Result<(), StoreError> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE clients SET type = $3, name = $4, cui = $5, cnp = $6, vat_code = $7, is_vat_payer = $8, \
         registration_number = $9, address = $10, city = $11, county = $12, country = $13, \
         postal_code = $14, email = $15, phone = $16, bank_name = $17, bank_account = $18, \
         default_payment_term_days = $19, contact_person = $20, notes = $21, id_number = $22, \
         currency = $23, client_code = $24, updated_at = $25 \
         WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(r.company_id).bind(r.id).bind(&r.kind).bind(&r.name).bind(&r.cui).bind(&r.cnp)
    .bind(&r.vat_code).bind(r.is_vat_payer).bind(&r.registration_number).bind(&r.address)
    .bind(&r.city).bind(&r.county).bind(&r.country).bind(&r.postal_code).bind(&r.email)
    .bind(&r.phone).bind(&r.bank_name).bind(&r.bank_account).bind(r.default_payment_term_days)
    .bind(&r.contact_person).bind(&r.notes).bind(&r.id_number).bind(&r.currency)
    .bind(&r.client_code).bind(r.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate)?;
    Ok(())
}

/// Marks a live client deleted. `false` when there is no such live client.
pub async fn soft_delete(
    tx: &mut Tx,
    company: CompanyId,
    id: ClientId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE clients SET deleted_at = $3, updated_at = $3 WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(company).bind(id).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Copies the client's name and tax id to its draft invoices (issued ones keep what they were
/// issued with). Returns how many drafts changed.
pub async fn update_draft_receivers(
    tx: &mut Tx,
    client: &ClientRow,
    now: OffsetDateTime,
) -> Result<u64, sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE invoices SET receiver_name = $3, receiver_cif = $4, version = version + 1, updated_at = $5 \
         WHERE company_id = $1 AND client_id = $2 AND status = 'draft' AND deleted_at IS NULL",
    )
    .bind(client.company_id).bind(client.id).bind(&client.name).bind(client.tax_id()).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))
}
