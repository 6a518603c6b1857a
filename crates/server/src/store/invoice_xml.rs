//! The UBL XML of issued invoices, stored as issued (migration 0004).

use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{CompanyId, InvoiceId};
use crate::{on_db, on_tx};

/// Stores (or, when a restored invoice is issued again, replaces) an invoice's XML.
pub async fn put(
    tx: &mut Tx,
    company: CompanyId,
    invoice: InvoiceId,
    xml: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let sha256 = hex::encode(Sha256::digest(xml.as_bytes()));
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO invoice_xml (invoice_id, company_id, xml, sha256, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (invoice_id) DO UPDATE SET xml = excluded.xml, sha256 = excluded.sha256, \
         created_at = excluded.created_at",
    )
    .bind(invoice)
    .bind(company)
    .bind(xml)
    .bind(&sha256)
    .bind(Ts(now))
    .execute(c)
    .await
    .map(|_| ()))
}

/// The stored XML of one of the company's invoices.
pub async fn get(
    db: &Db,
    company: CompanyId,
    invoice: InvoiceId,
) -> Result<Option<String>, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar::<_, String>(
        "SELECT xml FROM invoice_xml WHERE company_id = $1 AND invoice_id = $2",
    )
    .bind(company)
    .bind(invoice)
    .fetch_optional(c)
    .await)
}

/// The stored XML of one of the company's invoices, inside a transaction.
pub async fn get_in(
    tx: &mut Tx,
    company: CompanyId,
    invoice: InvoiceId,
) -> Result<Option<String>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, String>(
        "SELECT xml FROM invoice_xml WHERE company_id = $1 AND invoice_id = $2",
    )
    .bind(company)
    .bind(invoice)
    .fetch_optional(c)
    .await)
}
