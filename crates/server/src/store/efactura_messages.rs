//! The messages of companies' SPV boxes (migration 0006), keyed by (company, environment, ANAF
//! message id): one company's messages never shadow another's, even for the same CIF.

use sqlx::types::Json;
use time::{Date, OffsetDateTime};

use super::{Db, Ts, Tx};
use crate::ids::{CompanyId, EfacturaMessageId, InvoiceId};
use crate::{on_db, on_tx};

/// A message as the list gave it.
#[derive(Debug, Clone)]
pub struct Seen<'a> {
    pub message_id: i64,
    pub upload_index: i64,
    pub message_type: &'a str,
    pub cif: &'a str,
    pub details: &'a str,
    pub anaf_created_at: OffsetDateTime,
}

/// Records a listed message unless it is known; true when it was new.
pub async fn record_seen(
    tx: &mut Tx,
    company: CompanyId,
    environment: &str,
    m: &Seen<'_>,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "INSERT INTO efactura_messages (id, company_id, environment, message_id, upload_index, \
         message_type, cif, details, anaf_created_at, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $10, $10) \
         ON CONFLICT (company_id, environment, message_id) DO NOTHING",
    )
    .bind(EfacturaMessageId::new()).bind(company).bind(environment).bind(m.message_id)
    .bind(m.upload_index).bind(m.message_type).bind(m.cif).bind(m.details)
    .bind(Ts(m.anaf_created_at)).bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// A stored message still to download.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ToDownload {
    pub id: EfacturaMessageId,
    pub message_id: i64,
    pub upload_index: i64,
    pub message_type: String,
}

/// The company's messages of `message_type` not downloaded yet (new, or whose download failed).
pub async fn to_download(
    db: &Db,
    company: CompanyId,
    environment: &str,
    message_type: &str,
) -> Result<Vec<ToDownload>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, ToDownload>(
        "SELECT id, message_id, upload_index, message_type FROM efactura_messages \
         WHERE company_id = $1 AND environment = $2 AND message_type = $3 AND status <> 'processed' \
         ORDER BY anaf_created_at, message_id",
    )
    .bind(company).bind(environment).bind(message_type)
    .fetch_all(c)
    .await)
}

/// What a download gave: the archive and the invoice read from it.
#[derive(Debug, Clone, Default)]
pub struct Downloaded {
    pub archive: Vec<u8>,
    pub xml_sha256: Option<String>,
    pub invoice_number: Option<String>,
    pub invoice_issue_date: Option<Date>,
}

/// What a message is once its archive is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterDownload {
    /// Nothing more to do (a sent-box message, matched by its XML).
    Processed,
    /// Its import decides (a received invoice).
    Received,
}

/// Stores a message's archive and what was read from it.
pub async fn store_download(
    db: &Db,
    id: EfacturaMessageId,
    d: &Downloaded,
    after: AfterDownload,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let status = match after {
        AfterDownload::Processed => "processed",
        AfterDownload::Received => "received",
    };
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE efactura_messages SET status = $7, error_message = NULL, archive = $2, \
         xml_sha256 = $3, invoice_number = $4, invoice_issue_date = $5, updated_at = $6 WHERE id = $1",
    )
    .bind(id).bind(&d.archive).bind(d.xml_sha256.as_deref()).bind(d.invoice_number.as_deref())
    .bind(d.invoice_issue_date).bind(Ts(now)).bind(status)
    .execute(c)
    .await
    .map(|_| ()))?;
    tx.commit().await
}

/// Marks a message whose download failed; a later pass tries again.
pub async fn mark_error(
    db: &Db,
    id: EfacturaMessageId,
    error: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE efactura_messages SET status = 'error', error_message = $2, updated_at = $3 WHERE id = $1",
    )
    .bind(id).bind(error).bind(Ts(now))
    .execute(c)
    .await
    .map(|_| ()))?;
    tx.commit().await
}

/// A sent invoice found in the box.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SentMatch {
    pub message_id: i64,
    pub upload_index: i64,
}

/// The `FACTURA TRIMISA` message of the company holding exactly the XML with `sha256`, or else
/// the invoice with `number` issued on `issue_date` (ANAF keeps the file as uploaded; the number
/// is the fallback should it ever re-encode it).
pub async fn find_sent(
    db: &Db,
    company: CompanyId,
    environment: &str,
    sha256: &str,
    number: &str,
    issue_date: Date,
) -> Result<Option<SentMatch>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, SentMatch>(
        "SELECT message_id, upload_index FROM efactura_messages \
         WHERE company_id = $1 AND environment = $2 AND message_type = 'FACTURA TRIMISA' \
         AND (xml_sha256 = $3 OR (invoice_number = $4 AND invoice_issue_date = $5)) \
         ORDER BY anaf_created_at, message_id LIMIT 1",
    )
    .bind(company).bind(environment).bind(sha256).bind(number).bind(issue_date)
    .fetch_optional(c)
    .await)
}

/// A received invoice not imported yet (new, or whose download or import failed).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Pending {
    pub id: EfacturaMessageId,
    pub message_id: i64,
    /// Downloaded already: only the import is left.
    pub has_archive: bool,
}

/// The company's messages of `message_type` not processed yet, oldest first.
pub async fn pending(
    db: &Db,
    company: CompanyId,
    environment: &str,
    message_type: &str,
) -> Result<Vec<Pending>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, Pending>(
        "SELECT id, message_id, archive IS NOT NULL AS has_archive FROM efactura_messages \
         WHERE company_id = $1 AND environment = $2 AND message_type = $3 AND status <> 'processed' \
         ORDER BY anaf_created_at, message_id",
    )
    .bind(company).bind(environment).bind(message_type)
    .fetch_all(c)
    .await)
}

/// A stored message of the company, with its archive.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Stored {
    pub id: EfacturaMessageId,
    pub message_id: i64,
    pub upload_index: i64,
    pub message_type: String,
    pub details: Option<String>,
    pub anaf_created_at: Ts,
    pub status: String,
    pub archive: Option<Vec<u8>>,
}

pub async fn stored(
    db: &Db,
    company: CompanyId,
    id: EfacturaMessageId,
) -> Result<Option<Stored>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, Stored>(
        "SELECT id, message_id, upload_index, message_type, details, anaf_created_at, status, archive \
         FROM efactura_messages WHERE company_id = $1 AND id = $2",
    )
    .bind(company).bind(id)
    .fetch_optional(c)
    .await)
}

/// The message became (or turned out to be) `invoice`: processed, with what the import noticed.
pub async fn mark_imported(
    tx: &mut Tx,
    id: EfacturaMessageId,
    invoice: InvoiceId,
    warnings: &[String],
    signature_valid: Option<bool>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE efactura_messages SET status = 'processed', error_message = NULL, invoice_id = $2, \
         warnings = $3, processed_at = $4, updated_at = $4, signature_valid = $5 WHERE id = $1",
    )
    .bind(id).bind(invoice).bind(Json(warnings)).bind(Ts(now)).bind(signature_valid)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Links the sent-box messages (`FACTURA TRIMISA`, `ERORI FACTURA`) of the company to the
/// invoices of the submissions with their upload index; returns how many were linked.
pub async fn link_to_submissions(
    db: &Db,
    company: CompanyId,
    environment: &str,
    now: OffsetDateTime,
) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let n = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE efactura_messages SET updated_at = $3, invoice_id = (SELECT s.invoice_id FROM efactura_submissions s \
           WHERE s.company_id = efactura_messages.company_id AND s.environment = efactura_messages.environment \
           AND (s.upload_index = efactura_messages.upload_index OR s.duplicate_of = efactura_messages.upload_index) \
           ORDER BY s.created_at DESC LIMIT 1) \
         WHERE company_id = $1 AND environment = $2 AND invoice_id IS NULL \
         AND message_type IN ('FACTURA TRIMISA', 'ERORI FACTURA') AND EXISTS (SELECT 1 FROM efactura_submissions s \
           WHERE s.company_id = efactura_messages.company_id AND s.environment = efactura_messages.environment \
           AND (s.upload_index = efactura_messages.upload_index OR s.duplicate_of = efactura_messages.upload_index))",
    )
    .bind(company).bind(environment).bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n)
}

/// The message an incoming invoice was imported from.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Source {
    pub message_id: i64,
    pub processed_at: Option<Ts>,
    pub signature_valid: Option<bool>,
}

pub async fn source_of(
    db: &Db,
    company: CompanyId,
    invoice: InvoiceId,
) -> Result<Option<Source>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, Source>(
        "SELECT message_id, processed_at, signature_valid FROM efactura_messages \
         WHERE company_id = $1 AND invoice_id = $2 AND message_type = 'FACTURA PRIMITA' \
         ORDER BY processed_at, message_id LIMIT 1",
    )
    .bind(company).bind(invoice)
    .fetch_optional(c)
    .await)
}

/// The archive (invoice and ANAF's signature) an incoming invoice was imported from, with its
/// message id.
pub async fn archive_of_invoice(
    db: &Db,
    company: CompanyId,
    invoice: InvoiceId,
) -> Result<Option<(i64, Vec<u8>)>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, (i64, Vec<u8>)>(
        "SELECT message_id, archive FROM efactura_messages \
         WHERE company_id = $1 AND invoice_id = $2 AND message_type = 'FACTURA PRIMITA' AND archive IS NOT NULL \
         ORDER BY processed_at, message_id LIMIT 1",
    )
    .bind(company).bind(invoice)
    .fetch_optional(c)
    .await)
}
