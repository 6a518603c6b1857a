//! Reading a company's e-Factura messages for the API (api.md §19): the message list and
//! detail, and the sync log (the invoices messages became or were linked to).

use sqlx::types::Json;
use time::Date;

use super::{Db, Ts, like_pattern};
use crate::api::page::Page;
use crate::ids::{CompanyId, EfacturaMessageId, InvoiceId};
use crate::on_db;

/// A message as the API shows it, with the invoice it is linked to.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct MessageRow {
    pub id: EfacturaMessageId,
    pub environment: String,
    pub message_id: i64,
    pub upload_index: i64,
    pub message_type: String,
    pub cif: Option<String>,
    pub details: Option<String>,
    pub anaf_created_at: Ts,
    pub status: String,
    pub error_message: Option<String>,
    pub warnings: Option<Json<Vec<String>>>,
    pub has_archive: bool,
    pub invoice_id: Option<InvoiceId>,
    pub invoice_number: Option<String>,
    pub processed_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// What the message list may be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageFilter {
    /// `tip` as ANAF writes it (`FACTURA PRIMITA`), any case.
    pub message_type: Option<String>,
    /// `received`, `processed` or `error`.
    pub status: Option<String>,
    /// Part of the details, the CIF, the message id, the upload index or the invoice number.
    pub search: Option<String>,
}

/// The messages of the company joined to their invoice, narrowed by binds `$2` to `$4`.
macro_rules! from_messages {
    () => {
        "FROM efactura_messages m LEFT JOIN invoices i ON i.id = m.invoice_id AND i.company_id = m.company_id \
         WHERE m.company_id = $1 AND ($2 IS NULL OR UPPER(m.message_type) = UPPER($2)) \
         AND ($3 IS NULL OR m.status = $3) \
         AND ($4 IS NULL OR LOWER(m.details) LIKE $4 ESCAPE '\\' OR LOWER(m.cif) LIKE $4 ESCAPE '\\' \
           OR CAST(m.message_id AS TEXT) LIKE $4 ESCAPE '\\' OR CAST(m.upload_index AS TEXT) LIKE $4 ESCAPE '\\' \
           OR LOWER(COALESCE(i.number, m.invoice_number)) LIKE $4 ESCAPE '\\')"
    };
}

macro_rules! message_columns {
    () => {
        "SELECT m.id, m.environment, m.message_id, m.upload_index, m.message_type, m.cif, m.details, \
         m.anaf_created_at, m.status, m.error_message, m.warnings, m.archive IS NOT NULL AS has_archive, \
         m.invoice_id, COALESCE(i.number, m.invoice_number) AS invoice_number, m.processed_at, \
         m.created_at, m.updated_at "
    };
}

/// A page of the company's messages, newest first, and how many match in all.
pub async fn list(
    db: &Db,
    company: CompanyId,
    filter: &MessageFilter,
    page: Page,
) -> Result<(Vec<MessageRow>, i64), sqlx::Error> {
    let search = filter.search.as_deref().map(like_pattern);
    let total: i64 = on_db!(db, c => sqlx::query_scalar(concat!("SELECT COUNT(*) ", from_messages!()))
        .bind(company).bind(&filter.message_type).bind(&filter.status).bind(&search)
        .fetch_one(c)
        .await)?;
    let rows = on_db!(db, c => sqlx::query_as::<_, MessageRow>(concat!(message_columns!(), from_messages!(),
        " ORDER BY m.anaf_created_at DESC, m.message_id DESC LIMIT $5 OFFSET $6"))
        .bind(company).bind(&filter.message_type).bind(&filter.status).bind(&search)
        .bind(page.limit).bind(page.offset())
        .fetch_all(c)
        .await)?;
    Ok((rows, total))
}

/// One message of the company.
pub async fn get(
    db: &Db,
    company: CompanyId,
    id: EfacturaMessageId,
) -> Result<Option<MessageRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, MessageRow>(concat!(message_columns!(),
        "FROM efactura_messages m LEFT JOIN invoices i ON i.id = m.invoice_id AND i.company_id = m.company_id \
         WHERE m.company_id = $1 AND m.id = $2"))
        .bind(company).bind(id)
        .fetch_optional(c)
        .await)
}

/// An entry of the sync log: an invoice a message became (incoming) or was linked to
/// (outgoing, by its upload index).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LogRow {
    pub id: InvoiceId,
    pub number: String,
    pub direction: String,
    pub status: String,
    pub synced_at: Ts,
    pub sender_name: Option<String>,
    pub receiver_name: Option<String>,
    pub total: i64,
    pub currency: String,
    pub issue_date: Date,
    pub message_id: i64,
    pub message_type: String,
}

/// What the sync log may be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogFilter {
    pub direction: Option<String>,
    pub status: Option<String>,
    /// Part of the number or a party's name or CIF.
    pub search: Option<String>,
}

macro_rules! from_log {
    () => {
        "FROM efactura_messages m JOIN invoices i ON i.id = m.invoice_id AND i.company_id = m.company_id \
         WHERE m.company_id = $1 AND i.deleted_at IS NULL AND ($2 IS NULL OR i.direction = $2) \
         AND ($3 IS NULL OR i.status = $3) \
         AND ($4 IS NULL OR LOWER(i.number) LIKE $4 ESCAPE '\\' OR LOWER(i.sender_name) LIKE $4 ESCAPE '\\' \
           OR LOWER(i.receiver_name) LIKE $4 ESCAPE '\\' OR LOWER(i.sender_cif) LIKE $4 ESCAPE '\\' \
           OR LOWER(i.receiver_cif) LIKE $4 ESCAPE '\\')"
    };
}

/// Up to `limit` entries from `offset`, the latest first, and how many there are.
pub async fn sync_log(
    db: &Db,
    company: CompanyId,
    filter: &LogFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<LogRow>, i64), sqlx::Error> {
    let search = filter.search.as_deref().map(like_pattern);
    let total: i64 = on_db!(db, c => sqlx::query_scalar(concat!("SELECT COUNT(*) ", from_log!()))
        .bind(company).bind(&filter.direction).bind(&filter.status).bind(&search)
        .fetch_one(c)
        .await)?;
    let rows = on_db!(db, c => sqlx::query_as::<_, LogRow>(concat!(
        "SELECT i.id, i.number, i.direction, i.status, COALESCE(m.processed_at, m.updated_at) AS synced_at, \
         i.sender_name, i.receiver_name, i.total, i.currency, i.issue_date, m.message_id, m.message_type ",
        from_log!(), " ORDER BY COALESCE(m.processed_at, m.updated_at) DESC, m.message_id DESC LIMIT $5 OFFSET $6"))
        .bind(company).bind(&filter.direction).bind(&filter.status).bind(&search)
        .bind(limit).bind(offset)
        .fetch_all(c)
        .await)?;
    Ok((rows, total))
}

/// The warnings column's JSON as a list (a row written before migration 0007 has none).
pub fn warnings_of(row: &MessageRow) -> Vec<String> {
    row.warnings
        .as_ref()
        .map(|j| j.0.clone())
        .unwrap_or_default()
}
