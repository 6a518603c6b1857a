//! Recurring invoice templates (api.md §17) and their runs. A run row is unique per (template,
//! period): claiming it is what makes a scheduled invoice exactly-once.

use sqlx::types::Json;
use time::{Date, OffsetDateTime};

use super::{Db, Ts, Tx, is_unique_violation, like_pattern};
use crate::documents::recurring::{Issued, Made, RecurringInput};
use crate::ids::{
    ClientId, CompanyId, InvoiceId, RecurringId, RecurringRunId, SeriesId, TradeDocumentId, UserId,
};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecurringRecord {
    pub id: RecurringId,
    pub company_id: CompanyId,
    pub client_id: Option<ClientId>,
    pub series_id: Option<SeriesId>,
    pub reference: Option<String>,
    pub is_active: bool,
    pub document_type: String,
    pub currency: String,
    pub frequency: String,
    pub frequency_day: i32,
    pub frequency_month: Option<i32>,
    pub next_issuance_date: Option<Date>,
    pub stop_date: Option<Date>,
    pub auto_issue: bool,
    pub auto_submit: bool,
    pub content: Json<RecurringInput>,
    pub subtotal: i64,
    pub vat_total: i64,
    pub total: i64,
    pub last_issued_at: Option<Ts>,
    pub last_invoice_id: Option<InvoiceId>,
    /// The proforma the last run made, for a template of proformas.
    pub last_trade_document_id: Option<TradeDocumentId>,
    pub last_invoice_number: Option<String>,
    pub last_document_type: Option<String>,
    pub last_error: Option<String>,
    pub version: i32,
    pub created_by: UserId,
    pub deleted_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

macro_rules! columns {
    () => {
        "id, company_id, client_id, series_id, reference, is_active, document_type, currency, frequency, \
         frequency_day, frequency_month, next_issuance_date, stop_date, auto_issue, auto_submit, content, \
         subtotal, vat_total, total, last_issued_at, last_invoice_id, last_invoice_number, \
         last_document_type, last_error, version, created_by, deleted_at, created_at, updated_at, \
         last_trade_document_id"
    };
}

pub async fn insert(tx: &mut Tx, r: &RecurringRecord) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(concat!("INSERT INTO recurring_invoices (", columns!(), ") VALUES \
        ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, \
         $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)"))
        .bind(r.id).bind(r.company_id).bind(r.client_id).bind(r.series_id).bind(&r.reference)
        .bind(r.is_active).bind(&r.document_type).bind(&r.currency).bind(&r.frequency)
        .bind(r.frequency_day).bind(r.frequency_month).bind(r.next_issuance_date).bind(r.stop_date)
        .bind(r.auto_issue).bind(r.auto_submit).bind(&r.content).bind(r.subtotal).bind(r.vat_total)
        .bind(r.total).bind(r.last_issued_at).bind(r.last_invoice_id).bind(&r.last_invoice_number)
        .bind(&r.last_document_type).bind(&r.last_error).bind(r.version).bind(r.created_by)
        .bind(r.deleted_at).bind(r.created_at).bind(r.updated_at).bind(r.last_trade_document_id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get(
    db: &Db,
    company: CompanyId,
    id: RecurringId,
) -> Result<Option<RecurringRecord>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, RecurringRecord>(concat!("SELECT ", columns!(),
        " FROM recurring_invoices WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL"))
        .bind(company).bind(id)
        .fetch_optional(c)
        .await)
}

/// A live template by id alone, for its job.
pub async fn get_any(db: &Db, id: RecurringId) -> Result<Option<RecurringRecord>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, RecurringRecord>(concat!("SELECT ", columns!(),
        " FROM recurring_invoices WHERE id = $1 AND deleted_at IS NULL"))
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// The same inside a write transaction, locked on PostgreSQL.
pub async fn get_for_update(
    tx: &mut Tx,
    company: CompanyId,
    id: RecurringId,
) -> Result<Option<RecurringRecord>, sqlx::Error> {
    macro_rules! sql {
        ($lock:literal) => {
            concat!(
                "SELECT ",
                columns!(),
                " FROM recurring_invoices WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
                $lock
            )
        };
    }
    match tx {
        Tx::Sqlite(t) => {
            sqlx::query_as::<_, RecurringRecord>(sql!(""))
                .bind(company)
                .bind(id)
                .fetch_optional(&mut **t)
                .await
        }
        Tx::Postgres(t) => {
            sqlx::query_as::<_, RecurringRecord>(sql!(" FOR UPDATE"))
                .bind(company)
                .bind(id)
                .fetch_optional(&mut **t)
                .await
        }
    }
}

/// Writes a changed template still at `expected_version`; `false` when it moved on.
pub async fn replace(
    tx: &mut Tx,
    r: &RecurringRecord,
    expected_version: i32,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE recurring_invoices SET client_id = $4, series_id = $5, reference = $6, document_type = $7, \
         currency = $8, frequency = $9, frequency_day = $10, frequency_month = $11, next_issuance_date = $12, \
         stop_date = $13, auto_issue = $14, auto_submit = $15, content = $16, subtotal = $17, vat_total = $18, \
         total = $19, last_error = NULL, version = version + 1, updated_at = $20 \
         WHERE company_id = $1 AND id = $2 AND version = $3 AND deleted_at IS NULL",
    )
    .bind(r.company_id).bind(r.id).bind(expected_version).bind(r.client_id).bind(r.series_id)
    .bind(&r.reference).bind(&r.document_type).bind(&r.currency).bind(&r.frequency)
    .bind(r.frequency_day).bind(r.frequency_month).bind(r.next_issuance_date).bind(r.stop_date)
    .bind(r.auto_issue).bind(r.auto_submit).bind(&r.content).bind(r.subtotal).bind(r.vat_total)
    .bind(r.total).bind(r.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn set_active(
    tx: &mut Tx,
    company: CompanyId,
    id: RecurringId,
    active: bool,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE recurring_invoices SET is_active = $3, version = version + 1, updated_at = $4 \
         WHERE company_id = $1 AND id = $2",
    )
    .bind(company).bind(id).bind(active).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn soft_delete(
    tx: &mut Tx,
    company: CompanyId,
    id: RecurringId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE recurring_invoices SET deleted_at = $3, is_active = FALSE, updated_at = $3 \
         WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(company).bind(id).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Claims a run: `false` when this template's `period` was claimed already (by another
/// process, or an earlier attempt that committed). A manual run (`None`) always gets one.
pub async fn claim_run(
    tx: &mut Tx,
    recurring: RecurringId,
    period: Option<Date>,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let inserted = on_tx!(tx, c => sqlx::query(
        "INSERT INTO recurring_runs (id, recurring_id, period, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
    )
    .bind(RecurringRunId::new()).bind(recurring).bind(period).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()));
    match inserted {
        Ok(n) => Ok(n == 1),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Records the invoice (or proforma) of the run just claimed.
pub async fn finish_run(
    tx: &mut Tx,
    recurring: RecurringId,
    period: Option<Date>,
    made: Made,
) -> Result<(), sqlx::Error> {
    let (invoice, proforma) = made.ids();
    // The manual run claimed last is the one without a document yet.
    on_tx!(tx, c => sqlx::query(
        "UPDATE recurring_runs SET invoice_id = $3, trade_document_id = $4 WHERE recurring_id = $1 \
         AND invoice_id IS NULL AND trade_document_id IS NULL \
         AND (period = $2 OR ($2 IS NULL AND period IS NULL))",
    )
    .bind(recurring).bind(period).bind(invoice).bind(proforma)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// How many runs made an invoice (for tests and the detail).
pub async fn run_count(db: &Db, recurring: RecurringId) -> Result<i64, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM recurring_runs WHERE recurring_id = $1 \
         AND (invoice_id IS NOT NULL OR trade_document_id IS NOT NULL)",
    )
    .bind(recurring)
    .fetch_one(c)
    .await)
}

/// Moves a template past a run.
pub async fn advance(
    tx: &mut Tx,
    id: RecurringId,
    issued: &Issued,
    next: Option<Date>,
    active: bool,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE recurring_invoices SET next_issuance_date = $2, is_active = $3, last_issued_at = $4, \
         last_invoice_id = $5, last_invoice_number = $6, last_document_type = $7, last_error = NULL, \
         last_trade_document_id = $8, version = version + 1, updated_at = $4 WHERE id = $1",
    )
    .bind(id).bind(next).bind(active).bind(Ts(now)).bind(issued.made.ids().0).bind(&issued.number)
    .bind(&issued.document_type).bind(issued.made.ids().1)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records why the last run failed (`None` clears it).
pub async fn set_error_in(
    tx: &mut Tx,
    id: RecurringId,
    error: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE recurring_invoices SET last_error = $2, updated_at = $3 WHERE id = $1",
    )
    .bind(id).bind(error).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Active templates due on or before `today`, with the period due; one whose last run failed
/// only once its error is older than `retry_before`.
pub async fn due(
    db: &Db,
    today: Date,
    retry_before: OffsetDateTime,
    limit: i64,
) -> Result<Vec<(RecurringId, Date)>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, (RecurringId, Date)>(
        "SELECT id, next_issuance_date FROM recurring_invoices WHERE is_active AND deleted_at IS NULL \
         AND next_issuance_date <= $1 AND (last_error IS NULL OR updated_at < $3) \
         ORDER BY next_issuance_date, id LIMIT $2",
    )
    .bind(today).bind(limit).bind(Ts(retry_before))
    .fetch_all(c)
    .await)
}

/// A page of the company's templates, newest first, and how many match.
pub async fn page(
    db: &Db,
    company: CompanyId,
    search: Option<&str>,
    is_active: Option<bool>,
    frequency: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<RecurringRecord>, i64), sqlx::Error> {
    // Absent filters are bound as NULL and match everything: the SQL text stays fixed.
    let pattern = search.filter(|s| !s.trim().is_empty()).map(like_pattern);
    let filter = "company_id = $1 AND deleted_at IS NULL \
         AND ($2 IS NULL OR LOWER(COALESCE(reference, '')) LIKE $2 ESCAPE '\\' \
              OR client_id IN (SELECT id FROM clients WHERE company_id = $1 AND LOWER(name) LIKE $2 ESCAPE '\\')) \
         AND ($3 IS NULL OR is_active = $3) AND ($4 IS NULL OR frequency = $4)";
    let count_sql = format!("SELECT COUNT(*) FROM recurring_invoices WHERE {filter}");
    let total = on_db!(db, c => sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql.clone()))
        .bind(company).bind(&pattern).bind(is_active).bind(frequency)
        .fetch_one(c)
        .await)?;
    let sql = format!(
        concat!(
            "SELECT ",
            columns!(),
            " FROM recurring_invoices WHERE {} ORDER BY created_at DESC, id DESC LIMIT $5 OFFSET $6"
        ),
        filter
    );
    let rows = on_db!(db, c => sqlx::query_as::<_, RecurringRecord>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(company).bind(&pattern).bind(is_active).bind(frequency).bind(limit).bind(offset)
        .fetch_all(c)
        .await)?;
    Ok((rows, total))
}
