//! Test support shared by this workspace's test suites (feature `testing`): a database of its
//! own per test and an SMTP server that keeps what it receives. Not part of the server proper.

pub mod db;
pub mod smtp;

pub use db::{TestDb, is_postgres, scratch_dir};
pub use smtp::{Mail, SmtpSink};

/// Replaces an issued invoice's stored XML, as if it had been issued so (tests of what ANAF
/// refuses that Facturo's checks at issue would not let through).
pub async fn replace_invoice_xml(
    db: &crate::store::Db,
    invoice: crate::ids::InvoiceId,
    xml: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    crate::on_tx!(&mut tx, c => sqlx::query("UPDATE invoice_xml SET xml = $2 WHERE invoice_id = $1")
        .bind(invoice)
        .bind(xml)
        .execute(c)
        .await
        .map(|_| ()))?;
    tx.commit().await
}

/// An invoice's submissions, whatever its company (diagnostics of tests that give up).
pub async fn submissions_of(
    db: &crate::store::Db,
    invoice: crate::ids::InvoiceId,
) -> Result<Vec<(String, Option<String>, Option<String>, i32)>, sqlx::Error> {
    crate::on_db!(db, c => sqlx::query_as::<_, (String, Option<String>, Option<String>, i32)>(
        "SELECT state, last_problem, error_message, uploads FROM efactura_submissions \
         WHERE invoice_id = $1 ORDER BY created_at",
    )
    .bind(invoice)
    .fetch_all(c)
    .await)
}

/// How many jobs of `kind` are queued or running (a test waits for them to be done before it
/// checks that something did not happen).
pub async fn unfinished_jobs(db: &crate::store::Db, kind: &str) -> Result<usize, sqlx::Error> {
    let n = crate::on_db!(db, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status IN ('queued', 'running')",
    )
    .bind(kind)
    .fetch_one(c)
    .await)?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The status, attempts and last error of each job of `kind` (for a test's failure message).
pub async fn job_states(
    db: &crate::store::Db,
    kind: &str,
) -> Result<Vec<(String, i32, Option<String>)>, sqlx::Error> {
    crate::on_db!(db, c => sqlx::query_as::<_, (String, i32, Option<String>)>(
        "SELECT status, attempts, last_error FROM jobs WHERE kind = $1 ORDER BY created_at",
    )
    .bind(kind)
    .fetch_all(c)
    .await)
}

/// The payloads of every job, as stored (JSON text).
pub async fn job_payloads(db: &crate::store::Db) -> Result<Vec<String>, sqlx::Error> {
    let payloads = crate::on_db!(db, c => sqlx::query_scalar::<_, sqlx::types::Json<serde_json::Value>>(
        "SELECT payload FROM jobs",
    )
    .fetch_all(c)
    .await)?;
    Ok(payloads.into_iter().map(|p| p.0.to_string()).collect())
}

/// The payloads of the outbox's events of type `kind`, oldest first.
pub async fn event_payloads(db: &crate::store::Db, kind: &str) -> Result<Vec<String>, sqlx::Error> {
    let payloads = crate::on_db!(db, c => sqlx::query_scalar::<_, sqlx::types::Json<serde_json::Value>>(
        "SELECT payload FROM events WHERE type = $1 ORDER BY created_at, id",
    )
    .bind(kind)
    .fetch_all(c)
    .await)?;
    Ok(payloads.into_iter().map(|p| p.0.to_string()).collect())
}

/// Marks a user inactive, as an operator would.
pub async fn deactivate_user(db: &crate::store::Db, email: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    crate::on_tx!(&mut tx, c => sqlx::query("UPDATE users SET is_active = FALSE WHERE email = $1")
        .bind(crate::store::users::normalize_email(email))
        .execute(c)
        .await
        .map(|_| ()))?;
    tx.commit().await
}

/// How many live invoices have `status`, whatever their company.
pub async fn count_invoices(db: &crate::store::Db, status: &str) -> Result<usize, sqlx::Error> {
    let n = crate::on_db!(db, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM invoices WHERE status = $1 AND deleted_at IS NULL",
    )
    .bind(status)
    .fetch_one(c)
    .await)?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Every issued invoice with its stored XML.
pub async fn issued_xml(
    db: &crate::store::Db,
) -> Result<Vec<(crate::ids::InvoiceId, String)>, sqlx::Error> {
    crate::on_db!(db, c => sqlx::query_as::<_, (crate::ids::InvoiceId, String)>(
        "SELECT invoice_id, xml FROM invoice_xml ORDER BY invoice_id",
    )
    .fetch_all(c)
    .await)
}

/// How many submissions got past their upload (an index, or an ending).
pub async fn submissions_past_upload(db: &crate::store::Db) -> Result<usize, sqlx::Error> {
    let n = crate::on_db!(db, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM efactura_submissions WHERE state NOT IN ('queued', 'uploading')",
    )
    .fetch_one(c)
    .await)?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The submissions (state, last problem, polls, uploads) of every invoice not in `status`:
/// what a run that did not finish says about the stragglers.
pub async fn stragglers(
    db: &crate::store::Db,
    status: &str,
) -> Result<Vec<(String, String, Option<String>, i32, i32)>, sqlx::Error> {
    crate::on_db!(db, c => sqlx::query_as::<_, (String, String, Option<String>, i32, i32)>(
        "SELECT i.status, s.state, s.last_problem, s.polls, s.uploads FROM invoices i \
         JOIN efactura_submissions s ON s.invoice_id = i.id \
         WHERE i.status <> $1 AND i.deleted_at IS NULL ORDER BY s.created_at",
    )
    .bind(status)
    .fetch_all(c)
    .await)
}
