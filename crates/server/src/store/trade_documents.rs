//! Proformas and delivery notes (api.md §15–16), one table with a `kind`. A document's content
//! is the request that produces it (stored whole, lines included) and its lines as shown; a
//! change applies only if the document is still at the version and status it was read in.

use serde_json::Value;
use sqlx::types::Json;
use time::{Date, OffsetDateTime};

use super::clause::{Bind, Clause};
use super::{Db, Ts, Tx, like_pattern};
use crate::documents::input::InvoiceInput;
use crate::ids::{ClientId, CompanyId, InvoiceId, OrgId, SeriesId, TradeDocumentId, UserId};
use crate::{bind_all, on_db, on_tx};

/// A proforma or a delivery note as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TradeRecord {
    pub id: TradeDocumentId,
    pub company_id: CompanyId,
    /// `proforma` or `delivery_note`.
    pub kind: String,
    pub number: String,
    pub series_id: Option<SeriesId>,
    pub series_number: Option<i64>,
    pub status: String,
    pub client_id: Option<ClientId>,
    pub receiver_name: Option<String>,
    pub receiver_cif: Option<String>,
    pub issue_date: Date,
    pub due_date: Option<Date>,
    pub valid_until: Option<Date>,
    pub currency: String,
    pub subtotal: i64,
    pub vat_total: i64,
    pub total: i64,
    pub discount: i64,
    pub content: Json<InvoiceInput>,
    pub lines: Json<Value>,
    /// A delivery note made from a proforma: the proforma.
    pub proforma_id: Option<TradeDocumentId>,
    /// A storno delivery note: the note it reverses.
    pub reverses_id: Option<TradeDocumentId>,
    pub converted_invoice_id: Option<InvoiceId>,
    pub version: i32,
    pub created_by: Option<UserId>,
    pub sent_at: Option<Ts>,
    pub accepted_at: Option<Ts>,
    pub rejected_at: Option<Ts>,
    pub issued_at: Option<Ts>,
    pub converted_at: Option<Ts>,
    pub cancelled_at: Option<Ts>,
    pub expired_at: Option<Ts>,
    pub deleted_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

macro_rules! columns {
    () => {
        "id, company_id, kind, number, series_id, series_number, status, client_id, receiver_name, \
         receiver_cif, issue_date, due_date, valid_until, currency, subtotal, vat_total, total, discount, \
         content, lines, proforma_id, reverses_id, converted_invoice_id, version, created_by, sent_at, accepted_at, \
         rejected_at, issued_at, converted_at, cancelled_at, expired_at, deleted_at, created_at, updated_at"
    };
}

/// The moment a status is reached, stamped in its own column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    Sent,
    Accepted,
    Rejected,
    Issued,
    Cancelled,
    Expired,
    Converted,
    /// Restored to a draft: the cancellation is forgotten.
    Restored,
}

impl Stamp {
    fn assignment(self) -> &'static str {
        match self {
            Stamp::Sent => "sent_at = $5",
            Stamp::Accepted => "accepted_at = $5",
            Stamp::Rejected => "rejected_at = $5",
            Stamp::Issued => "issued_at = $5",
            Stamp::Cancelled => "cancelled_at = $5",
            Stamp::Expired => "expired_at = $5",
            Stamp::Converted => "converted_at = $5",
            Stamp::Restored => "cancelled_at = NULL",
        }
    }
}

pub async fn insert(tx: &mut Tx, r: &TradeRecord) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(concat!("INSERT INTO trade_documents (", columns!(), ") VALUES \
        ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, \
         $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35)"))
        .bind(r.id).bind(r.company_id).bind(&r.kind).bind(&r.number).bind(r.series_id)
        .bind(r.series_number).bind(&r.status).bind(r.client_id).bind(&r.receiver_name)
        .bind(&r.receiver_cif).bind(r.issue_date).bind(r.due_date).bind(r.valid_until)
        .bind(&r.currency).bind(r.subtotal).bind(r.vat_total).bind(r.total).bind(r.discount)
        .bind(&r.content).bind(&r.lines).bind(r.proforma_id).bind(r.reverses_id).bind(r.converted_invoice_id)
        .bind(r.version).bind(r.created_by).bind(r.sent_at).bind(r.accepted_at).bind(r.rejected_at)
        .bind(r.issued_at).bind(r.converted_at).bind(r.cancelled_at).bind(r.expired_at)
        .bind(r.deleted_at).bind(r.created_at).bind(r.updated_at)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A live document of the company and kind.
pub async fn get(
    db: &Db,
    company: CompanyId,
    kind: &str,
    id: TradeDocumentId,
) -> Result<Option<TradeRecord>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, TradeRecord>(concat!("SELECT ", columns!(),
        " FROM trade_documents WHERE company_id = $1 AND kind = $2 AND id = $3 AND deleted_at IS NULL"))
        .bind(company).bind(kind).bind(id)
        .fetch_optional(c)
        .await)
}

/// The same inside a write transaction, locked against concurrent changes on PostgreSQL
/// (SQLite's write transaction is exclusive already).
pub async fn get_for_update(
    tx: &mut Tx,
    company: CompanyId,
    kind: &str,
    id: TradeDocumentId,
) -> Result<Option<TradeRecord>, sqlx::Error> {
    macro_rules! sql {
        ($lock:literal) => {
            concat!("SELECT ", columns!(),
                " FROM trade_documents WHERE company_id = $1 AND kind = $2 AND id = $3 AND deleted_at IS NULL",
                $lock)
        };
    }
    match tx {
        Tx::Sqlite(t) => {
            sqlx::query_as::<_, TradeRecord>(sql!(""))
                .bind(company)
                .bind(kind)
                .bind(id)
                .fetch_optional(&mut **t)
                .await
        }
        Tx::Postgres(t) => {
            sqlx::query_as::<_, TradeRecord>(sql!(" FOR UPDATE"))
                .bind(company)
                .bind(kind)
                .bind(id)
                .fetch_optional(&mut **t)
                .await
        }
    }
}

/// Writes new content over a document still at `expected_version`; `false` when it moved on.
pub async fn replace_content(
    tx: &mut Tx,
    r: &TradeRecord,
    expected_version: i32,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE trade_documents SET series_id = $4, client_id = $5, receiver_name = $6, receiver_cif = $7, \
         issue_date = $8, due_date = $9, valid_until = $10, currency = $11, subtotal = $12, vat_total = $13, \
         total = $14, discount = $15, content = $16, lines = $17, version = version + 1, updated_at = $18, \
         number = $19, series_number = $20 \
         WHERE company_id = $1 AND id = $2 AND version = $3 AND deleted_at IS NULL",
    )
    .bind(r.company_id).bind(r.id).bind(expected_version).bind(r.series_id).bind(r.client_id)
    .bind(&r.receiver_name).bind(&r.receiver_cif).bind(r.issue_date).bind(r.due_date)
    .bind(r.valid_until).bind(&r.currency).bind(r.subtotal).bind(r.vat_total).bind(r.total)
    .bind(r.discount).bind(&r.content).bind(&r.lines).bind(r.updated_at).bind(&r.number)
    .bind(r.series_number)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Moves a document from one of `from` to `to`, stamping the moment; `false` when it was in
/// none of them.
pub async fn transition(
    tx: &mut Tx,
    company: CompanyId,
    id: TradeDocumentId,
    from: &[&str],
    to: &str,
    stamp: Stamp,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let mut moved = 0;
    // One statement per source status keeps the SQL text fixed (no IN list to build).
    for status in from {
        let sql = format!(
            "UPDATE trade_documents SET status = $4, {}, version = version + 1, updated_at = $5 \
             WHERE company_id = $1 AND id = $2 AND status = $3 AND deleted_at IS NULL",
            stamp.assignment()
        );
        moved += on_tx!(tx, c => sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(company).bind(id).bind(*status).bind(to).bind(Ts(now))
            .execute(c)
            .await.map(|r| r.rows_affected()))?;
        if moved > 0 {
            break;
        }
    }
    Ok(moved == 1)
}

/// Gives an issued delivery note its number.
pub async fn set_number(
    tx: &mut Tx,
    company: CompanyId,
    id: TradeDocumentId,
    series: SeriesId,
    series_number: i64,
    number: &str,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE trade_documents SET series_id = $3, series_number = $4, number = $5 WHERE company_id = $1 AND id = $2",
    )
    .bind(company).bind(id).bind(series).bind(series_number).bind(number)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records the invoice a document became; `false` unless it was in one of `from`.
pub async fn mark_converted(
    tx: &mut Tx,
    company: CompanyId,
    id: TradeDocumentId,
    from: &[&str],
    invoice: InvoiceId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    if !transition(tx, company, id, from, "converted", Stamp::Converted, now).await? {
        return Ok(false);
    }
    on_tx!(tx, c => sqlx::query(
        "UPDATE trade_documents SET converted_invoice_id = $3 WHERE company_id = $1 AND id = $2",
    )
    .bind(company).bind(id).bind(invoice)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(true)
}

pub async fn soft_delete(
    tx: &mut Tx,
    company: CompanyId,
    id: TradeDocumentId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE trade_documents SET deleted_at = $3, updated_at = $3 WHERE company_id = $1 AND id = $2",
    )
    .bind(company).bind(id).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The live storno notes of a delivery note that are not cancelled.
pub async fn stornos_of(
    tx: &mut Tx,
    company: CompanyId,
    note: TradeDocumentId,
) -> Result<Vec<String>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, String>(
        "SELECT number FROM trade_documents WHERE company_id = $1 AND reverses_id = $2 \
         AND status <> 'cancelled' AND deleted_at IS NULL ORDER BY created_at, id",
    )
    .bind(company).bind(note)
    .fetch_all(c)
    .await)
}

/// The delivery notes made from a proforma, oldest first.
pub async fn made_from_proforma(
    db: &Db,
    company: CompanyId,
    proforma: TradeDocumentId,
) -> Result<Vec<TradeRecord>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, TradeRecord>(concat!("SELECT ", columns!(),
        " FROM trade_documents WHERE company_id = $1 AND proforma_id = $2 AND deleted_at IS NULL \
         ORDER BY created_at, id"))
        .bind(company).bind(proforma)
        .fetch_all(c)
        .await)
}

/// The proformas and delivery notes an invoice was made from, oldest first.
pub async fn converted_into(
    db: &Db,
    company: CompanyId,
    invoice: InvoiceId,
) -> Result<Vec<TradeRecord>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, TradeRecord>(concat!("SELECT ", columns!(),
        " FROM trade_documents WHERE company_id = $1 AND converted_invoice_id = $2 AND deleted_at IS NULL \
         ORDER BY created_at, id"))
        .bind(company).bind(invoice)
        .fetch_all(c)
        .await)
}

/// Sent or accepted proformas whose validity ended before `today`, oldest first, with their
/// company's organization.
pub async fn lapsed(
    db: &Db,
    today: Date,
    limit: i64,
) -> Result<Vec<(TradeDocumentId, CompanyId, OrgId)>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, (TradeDocumentId, CompanyId, OrgId)>(
        "SELECT t.id, t.company_id, c.organization_id FROM trade_documents t \
         JOIN companies c ON c.id = t.company_id \
         WHERE t.kind = 'proforma' AND t.status IN ('sent', 'accepted') AND t.valid_until < $1 \
         AND t.deleted_at IS NULL ORDER BY t.valid_until, t.id LIMIT $2",
    )
    .bind(today).bind(limit)
    .fetch_all(c)
    .await)
}

/// What a list is narrowed to (api.md §15, §16).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// `proforma` or `delivery_note`.
    pub kind: &'static str,
    pub search: Option<String>,
    pub status: Option<String>,
    pub date_from: Option<Date>,
    pub date_to: Option<Date>,
    pub currency: Option<String>,
}

/// Sortable columns; anything else sorts by creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Number,
    IssueDate,
    Total,
    Status,
    CreatedAt,
    ValidUntil,
}

impl SortBy {
    pub fn parse(s: &str) -> SortBy {
        match s {
            "number" => SortBy::Number,
            "issueDate" => SortBy::IssueDate,
            "total" => SortBy::Total,
            "status" => SortBy::Status,
            "validUntil" => SortBy::ValidUntil,
            _ => SortBy::CreatedAt,
        }
    }

    fn column(self) -> &'static str {
        match self {
            SortBy::Number => "number",
            SortBy::IssueDate => "issue_date",
            SortBy::Total => "total",
            SortBy::Status => "status",
            SortBy::CreatedAt => "created_at",
            SortBy::ValidUntil => "valid_until",
        }
    }
}

fn clause(company: CompanyId, f: &Filter) -> Clause {
    let mut c = Clause::default();
    c.binds.push(Bind::Id(company.0));
    c.binds.push(Bind::Text(f.kind.to_owned()));
    c.sql
        .push_str("company_id = $1 AND kind = $2 AND deleted_at IS NULL");
    if let Some(s) = f.search.as_deref().filter(|s| !s.trim().is_empty()) {
        c.and(
            "(LOWER(number) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(receiver_name, '')) LIKE ? ESCAPE '\\' \
             OR LOWER(COALESCE(receiver_cif, '')) LIKE ? ESCAPE '\\')",
            Bind::Text(like_pattern(s)),
        );
    }
    if let Some(v) = &f.status {
        c.and("status = ?", Bind::Text(v.clone()));
    }
    if let Some(v) = &f.currency {
        c.and("currency = ?", Bind::Text(v.clone()));
    }
    if let Some(d) = f.date_from {
        c.and("issue_date >= ?", Bind::Date(d));
    }
    if let Some(d) = f.date_to {
        c.and("issue_date <= ?", Bind::Date(d));
    }
    c
}

/// One page of the company's documents of a kind, and how many match in all.
pub async fn page(
    db: &Db,
    company: CompanyId,
    f: &Filter,
    sort: SortBy,
    descending: bool,
    limit: i64,
    offset: i64,
) -> Result<(Vec<TradeRecord>, i64), sqlx::Error> {
    let mut c = clause(company, f);
    let count_sql = format!("SELECT COUNT(*) FROM trade_documents WHERE {}", c.sql);
    let total: i64 = on_db!(db, conn => bind_all!(sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql)), &c.binds)
        .fetch_one(conn).await)?;
    let dir = if descending { "DESC" } else { "ASC" };
    let (l, o) = (c.next(), c.next() + 1);
    c.binds.push(Bind::Int(limit));
    c.binds.push(Bind::Int(offset));
    let column = sort.column();
    let sql = format!(
        concat!(
            "SELECT ",
            columns!(),
            " FROM trade_documents WHERE {} ORDER BY {} {}, id {} LIMIT ${} OFFSET ${}"
        ),
        c.sql, column, dir, dir, l, o
    );
    let rows = on_db!(db, conn => bind_all!(sqlx::query_as::<_, TradeRecord>(sqlx::AssertSqlSafe(sql)), &c.binds)
        .fetch_all(conn).await)?;
    Ok((rows, total))
}
