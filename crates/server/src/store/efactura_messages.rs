//! The messages of companies' SPV boxes (migration 0006), keyed by (company, environment, ANAF
//! message id): one company's messages never shadow another's, even for the same CIF.

use time::{Date, OffsetDateTime};

use super::{Db, Ts, Tx};
use crate::ids::{CompanyId, EfacturaMessageId};
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

/// Stores a message's archive; the message is processed.
pub async fn store_download(
    db: &Db,
    id: EfacturaMessageId,
    d: &Downloaded,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE efactura_messages SET status = 'processed', error_message = NULL, archive = $2, \
         xml_sha256 = $3, invoice_number = $4, invoice_issue_date = $5, updated_at = $6 WHERE id = $1",
    )
    .bind(id).bind(&d.archive).bind(d.xml_sha256.as_deref()).bind(d.invoice_number.as_deref())
    .bind(d.invoice_issue_date).bind(Ts(now))
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
