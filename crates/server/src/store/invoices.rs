//! Invoices and their lines. Amounts are BIGINT minor units; a draft changes only if it is
//! still at the version the change was computed from (optimistic concurrency, issue #2).

use serde_json::Value;
use sqlx::types::Json;
use time::{Date, OffsetDateTime};

use super::{Db, Dec, StoreError, Ts, Tx, is_unique_violation};
use crate::documents::input::{InvoiceDetails, LineExtensions};
use crate::ids::{ClientId, CompanyId, InvoiceId, LineId, ProductId, SeriesId, SupplierId, UserId};
use crate::{on_db, on_tx};

/// An invoice header as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct InvoiceRecord {
    pub id: InvoiceId,
    pub company_id: CompanyId,
    pub number: String,
    pub series_number: Option<i64>,
    pub status: String,
    pub direction: String,
    pub document_type: String,
    pub series_id: Option<SeriesId>,
    pub client_id: Option<ClientId>,
    pub supplier_id: Option<SupplierId>,
    pub parent_document_id: Option<InvoiceId>,
    pub sender_cif: Option<String>,
    pub sender_name: Option<String>,
    pub receiver_cif: Option<String>,
    pub receiver_name: Option<String>,
    pub issue_date: Date,
    pub due_date: Option<Date>,
    pub currency: String,
    pub exchange_rate: Option<Dec>,
    pub invoice_type_code: Option<String>,
    pub language: String,
    pub line_extension: i64,
    pub allowance_total: i64,
    pub charge_total: i64,
    pub subtotal: i64,
    pub vat_total: i64,
    pub total: i64,
    pub prepaid: i64,
    pub rounding: i64,
    pub payable: i64,
    pub discount: i64,
    pub vat_total_accounting: Option<i64>,
    pub amount_paid: i64,
    pub paid_at: Option<Ts>,
    pub payment_method: Option<String>,
    pub details: Json<InvoiceDetails>,
    pub buyer_snapshot: Option<Json<Value>>,
    pub seller_snapshot: Option<Json<Value>>,
    pub idempotency_key: Option<String>,
    pub version: i32,
    pub created_by: Option<UserId>,
    pub issued_at: Option<Ts>,
    pub cancelled_at: Option<Ts>,
    pub cancellation_reason: Option<String>,
    pub deleted_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
    /// ANAF's words when it refused the invoice's latest submission.
    pub anaf_error_message: Option<String>,
}

/// A line as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LineRecord {
    pub id: LineId,
    pub invoice_id: InvoiceId,
    pub position: i32,
    pub description: String,
    pub quantity: Dec,
    pub unit_of_measure: String,
    pub unit_code: String,
    pub unit_price: Dec,
    pub price_base_quantity: Dec,
    pub vat_rate: Dec,
    pub vat_category_code: String,
    pub discount: i64,
    pub discount_percent: Option<Dec>,
    pub vat_included: bool,
    pub line_total: i64,
    pub vat_amount: i64,
    pub product_id: Option<ProductId>,
    pub product_code: Option<String>,
    pub line_note: Option<String>,
    pub buyer_accounting_ref: Option<String>,
    pub buyer_item_identification: Option<String>,
    pub standard_item_identification: Option<String>,
    pub cpv_code: Option<String>,
    pub extensions: Option<Json<LineExtensions>>,
    /// A credit note's line: the invoiced line it credits.
    pub parent_line_id: Option<LineId>,
}

macro_rules! invoice_columns {
    () => {
        "id, company_id, number, series_number, status, direction, document_type, series_id, client_id, \
         supplier_id, parent_document_id, sender_cif, sender_name, receiver_cif, receiver_name, issue_date, \
         due_date, currency, exchange_rate, invoice_type_code, language, line_extension, allowance_total, \
         charge_total, subtotal, vat_total, total, prepaid, rounding, payable, discount, vat_total_accounting, \
         amount_paid, paid_at, payment_method, details, buyer_snapshot, seller_snapshot, idempotency_key, \
         version, created_by, issued_at, cancelled_at, cancellation_reason, deleted_at, created_at, updated_at"
    };
}

/// The quantity of line `line` of invoice `invoice`, if it has that line.
pub async fn line_quantity(
    tx: &mut Tx,
    invoice: InvoiceId,
    line: LineId,
) -> Result<Option<Dec>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, Dec>(
        "SELECT quantity FROM invoice_lines WHERE invoice_id = $1 AND id = $2",
    )
    .bind(invoice).bind(line)
    .fetch_optional(c)
    .await)
}

/// The quantities credited so far of `parent`'s lines: each line of its issued credit notes
/// (not drafts, not cancelled, not `except`) that names the line it credits.
pub async fn credited_lines(
    tx: &mut Tx,
    parent: InvoiceId,
    except: InvoiceId,
) -> Result<Vec<(LineId, Dec, String)>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, (LineId, Dec, String)>(
        "SELECT l.parent_line_id, l.quantity, i.number FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id \
         WHERE i.parent_document_id = $1 AND i.id <> $2 AND i.status NOT IN ('draft', 'cancelled') \
         AND i.deleted_at IS NULL AND l.parent_line_id IS NOT NULL",
    )
    .bind(parent).bind(except)
    .fetch_all(c)
    .await)
}

/// What an [`InvoiceRecord`] reads: the written columns and those set by e-Factura.
macro_rules! record_columns {
    () => {
        concat!(invoice_columns!(), ", anaf_error_message")
    };
}

macro_rules! line_columns {
    () => {
        "id, invoice_id, position, description, quantity, unit_of_measure, unit_code, unit_price, \
         price_base_quantity, vat_rate, vat_category_code, discount, discount_percent, vat_included, \
         line_total, vat_amount, product_id, product_code, line_note, buyer_accounting_ref, \
         buyer_item_identification, standard_item_identification, cpv_code, extensions, parent_line_id"
    };
}

/// A live invoice of the company.
pub async fn get(
    db: &Db,
    company: CompanyId,
    id: InvoiceId,
) -> Result<Option<InvoiceRecord>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, InvoiceRecord>(concat!("SELECT ", record_columns!(),
        " FROM invoices WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL"))
        .bind(company).bind(id)
        .fetch_optional(c)
        .await)
}

/// A live invoice of the company, read inside a write transaction and locked against
/// concurrent changes on PostgreSQL (SQLite's write transaction is exclusive already).
pub async fn get_for_update(
    tx: &mut Tx,
    company: CompanyId,
    id: InvoiceId,
) -> Result<Option<InvoiceRecord>, sqlx::Error> {
    macro_rules! sql {
        ($lock:literal) => {
            concat!(
                "SELECT ",
                record_columns!(),
                " FROM invoices WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
                $lock
            )
        };
    }
    match tx {
        Tx::Sqlite(t) => {
            sqlx::query_as::<_, InvoiceRecord>(sql!(""))
                .bind(company)
                .bind(id)
                .fetch_optional(&mut **t)
                .await
        }
        Tx::Postgres(t) => {
            sqlx::query_as::<_, InvoiceRecord>(sql!(" FOR UPDATE"))
                .bind(company)
                .bind(id)
                .fetch_optional(&mut **t)
                .await
        }
    }
}

/// The invoice created with an idempotency key, if any.
pub async fn find_by_idempotency_key(
    tx: &mut Tx,
    company: CompanyId,
    key: &str,
) -> Result<Option<InvoiceId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, InvoiceId>(
        "SELECT id FROM invoices WHERE company_id = $1 AND idempotency_key = $2",
    )
    .bind(company).bind(key)
    .fetch_optional(c)
    .await)
}

macro_rules! select_lines {
    () => {
        concat!(
            "SELECT ",
            line_columns!(),
            " FROM invoice_lines WHERE invoice_id = $1 ORDER BY position"
        )
    };
}

pub async fn lines(db: &Db, invoice: InvoiceId) -> Result<Vec<LineRecord>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, LineRecord>(select_lines!()).bind(invoice).fetch_all(c).await)
}

/// The lines, read inside a write transaction (never take a second connection while holding
/// one: under load the pool runs dry).
pub async fn lines_in(tx: &mut Tx, invoice: InvoiceId) -> Result<Vec<LineRecord>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, LineRecord>(select_lines!()).bind(invoice).fetch_all(c).await)
}

pub async fn insert(
    tx: &mut Tx,
    inv: &InvoiceRecord,
    lines: &[LineRecord],
) -> Result<(), StoreError> {
    let done = on_tx!(tx, c => sqlx::query(concat!("INSERT INTO invoices (", invoice_columns!(), ") VALUES (\
        $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, \
        $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45, $46, $47)"))
        .bind(inv.id).bind(inv.company_id).bind(&inv.number).bind(inv.series_number).bind(&inv.status)
        .bind(&inv.direction).bind(&inv.document_type).bind(inv.series_id).bind(inv.client_id)
        .bind(inv.supplier_id).bind(inv.parent_document_id).bind(&inv.sender_cif).bind(&inv.sender_name)
        .bind(&inv.receiver_cif).bind(&inv.receiver_name).bind(inv.issue_date).bind(inv.due_date)
        .bind(&inv.currency).bind(inv.exchange_rate).bind(&inv.invoice_type_code).bind(&inv.language)
        .bind(inv.line_extension).bind(inv.allowance_total).bind(inv.charge_total).bind(inv.subtotal)
        .bind(inv.vat_total).bind(inv.total).bind(inv.prepaid).bind(inv.rounding).bind(inv.payable)
        .bind(inv.discount).bind(inv.vat_total_accounting).bind(inv.amount_paid).bind(inv.paid_at)
        .bind(&inv.payment_method).bind(&inv.details).bind(&inv.buyer_snapshot).bind(&inv.seller_snapshot)
        .bind(&inv.idempotency_key).bind(inv.version).bind(inv.created_by).bind(inv.issued_at)
        .bind(inv.cancelled_at).bind(&inv.cancellation_reason).bind(inv.deleted_at).bind(inv.created_at)
        .bind(inv.updated_at)
        .execute(c)
        .await.map(|r| r.rows_affected()));
    match done {
        Err(e) if is_unique_violation(&e) => {
            return Err(StoreError::Conflict(
                "An invoice with this idempotency key or number already exists.".into(),
            ));
        }
        other => other?,
    };
    insert_lines(tx, lines).await?;
    Ok(())
}

/// Lines go in 500 to a statement: one round trip instead of one per line, within both
/// backends' bind-parameter limits (24 × 500 < 32,766).
async fn insert_lines(tx: &mut Tx, lines: &[LineRecord]) -> Result<(), sqlx::Error> {
    for chunk in lines.chunks(500) {
        on_tx!(tx, c => {
            let mut q = sqlx::QueryBuilder::new(concat!("INSERT INTO invoice_lines (", line_columns!(), ") "));
            q.push_values(chunk, |mut b, l| {
                b.push_bind(l.id).push_bind(l.invoice_id).push_bind(l.position).push_bind(&l.description)
                    .push_bind(l.quantity).push_bind(&l.unit_of_measure).push_bind(&l.unit_code)
                    .push_bind(l.unit_price).push_bind(l.price_base_quantity).push_bind(l.vat_rate)
                    .push_bind(&l.vat_category_code).push_bind(l.discount).push_bind(l.discount_percent)
                    .push_bind(l.vat_included).push_bind(l.line_total).push_bind(l.vat_amount)
                    .push_bind(l.product_id).push_bind(&l.product_code).push_bind(&l.line_note)
                    .push_bind(&l.buyer_accounting_ref).push_bind(&l.buyer_item_identification)
                    .push_bind(&l.standard_item_identification).push_bind(&l.cpv_code)
                    .push_bind(&l.extensions).push_bind(l.parent_line_id);
            });
            q.build().execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

/// Replaces an invoice's content (lines, parties, dates, totals; not its number or status) if
/// it is still at `expected_version` and in `expected_status`; the version goes up by one.
/// `false` when another change got there first.
pub async fn replace_content(
    tx: &mut Tx,
    inv: &InvoiceRecord,
    lines: &[LineRecord],
    expected_version: i32,
    expected_status: &str,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE invoices SET series_id = $4, client_id = $5, parent_document_id = $6, receiver_cif = $7, \
         receiver_name = $8, issue_date = $9, due_date = $10, currency = $11, exchange_rate = $12, \
         invoice_type_code = $13, language = $14, line_extension = $15, allowance_total = $16, charge_total = $17, \
         subtotal = $18, vat_total = $19, total = $20, prepaid = $21, rounding = $22, payable = $23, discount = $24, \
         vat_total_accounting = $25, payment_method = $26, details = $27, buyer_snapshot = $28, document_type = $29, \
         version = version + 1, updated_at = $30 \
         WHERE company_id = $1 AND id = $2 AND version = $3 AND status = $31 AND deleted_at IS NULL",
    )
    .bind(inv.company_id).bind(inv.id).bind(expected_version).bind(inv.series_id).bind(inv.client_id)
    .bind(inv.parent_document_id).bind(&inv.receiver_cif).bind(&inv.receiver_name).bind(inv.issue_date)
    .bind(inv.due_date).bind(&inv.currency).bind(inv.exchange_rate).bind(&inv.invoice_type_code)
    .bind(&inv.language).bind(inv.line_extension).bind(inv.allowance_total).bind(inv.charge_total)
    .bind(inv.subtotal).bind(inv.vat_total).bind(inv.total).bind(inv.prepaid).bind(inv.rounding)
    .bind(inv.payable).bind(inv.discount).bind(inv.vat_total_accounting).bind(&inv.payment_method)
    .bind(&inv.details).bind(&inv.buyer_snapshot).bind(&inv.document_type).bind(inv.updated_at)
    .bind(expected_status)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    if n != 1 {
        return Ok(false);
    }
    on_tx!(tx, c => sqlx::query("DELETE FROM invoice_lines WHERE invoice_id = $1")
        .bind(inv.id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    insert_lines(tx, lines).await?;
    Ok(true)
}

/// Freezes an issued invoice: its number, status, parties and issue time.
#[derive(Debug, Clone)]
pub struct Issued<'a> {
    pub number: &'a str,
    pub series_id: SeriesId,
    pub series_number: i64,
    pub status: &'a str,
    pub buyer_snapshot: Option<&'a Value>,
    pub seller_snapshot: &'a Value,
    pub sender_name: &'a str,
    pub sender_cif: &'a str,
}

pub async fn mark_issued(
    tx: &mut Tx,
    company: CompanyId,
    id: InvoiceId,
    issued: &Issued<'_>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let done = on_tx!(tx, c => sqlx::query(
        "UPDATE invoices SET number = $3, series_id = $4, series_number = $5, status = $6, buyer_snapshot = $7, \
         seller_snapshot = $8, sender_name = $9, sender_cif = $10, issued_at = $11, updated_at = $11, version = version + 1 \
         WHERE company_id = $1 AND id = $2 AND status = 'draft'",
    )
    .bind(company).bind(id).bind(issued.number).bind(issued.series_id).bind(issued.series_number)
    .bind(issued.status).bind(issued.buyer_snapshot.map(Json)).bind(Json(issued.seller_snapshot))
    .bind(issued.sender_name).bind(issued.sender_cif).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()));
    match done {
        Ok(1) => Ok(()),
        Ok(_) => Err(StoreError::Conflict(
            "The invoice changed while it was being issued.".into(),
        )),
        Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict(
            "This number is already used in the series.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Moves an invoice from one of up to four statuses to another (cancel, restore, refund
/// marks), with the cancellation details. `false` when it was in none of `from`.
pub async fn set_status(
    tx: &mut Tx,
    company: CompanyId,
    id: InvoiceId,
    from: &[&str],
    to: &str,
    cancelled: Option<(OffsetDateTime, Option<&str>)>,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let Some(first) = from.first() else {
        return Ok(false);
    };
    debug_assert!(
        from.len() <= 4,
        "set_status takes at most four source statuses"
    );
    let pick = |i: usize| *from.get(i).unwrap_or(first);
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE invoices SET status = $7, cancelled_at = $8, cancellation_reason = $9, updated_at = $10, version = version + 1 \
         WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL AND status IN ($3, $4, $5, $6)",
    )
    .bind(company).bind(id).bind(pick(0)).bind(pick(1)).bind(pick(2)).bind(pick(3)).bind(to)
    .bind(cancelled.map(|c| Ts(c.0))).bind(cancelled.and_then(|c| c.1)).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Moves an invoice from `from` to `to` after an e-Factura event, recording ANAF's error (or
/// clearing it with `None`); false when the invoice was not in `from`.
pub async fn set_anaf_status(
    tx: &mut Tx,
    company: CompanyId,
    id: InvoiceId,
    from: &str,
    to: &str,
    anaf_error: Option<&str>,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE invoices SET status = $4, anaf_error_message = $5, updated_at = $6, version = version + 1 \
         WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL AND status = $3",
    )
    .bind(company).bind(id).bind(from).bind(to).bind(anaf_error).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Replaces the party snapshots of an issued invoice whose XML was generated again.
pub async fn replace_snapshots(
    tx: &mut Tx,
    company: CompanyId,
    id: InvoiceId,
    buyer: Option<&serde_json::Value>,
    seller: &serde_json::Value,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE invoices SET buyer_snapshot = $3, seller_snapshot = $4, updated_at = $5 \
         WHERE company_id = $1 AND id = $2",
    )
    .bind(company).bind(id).bind(buyer.map(Json)).bind(Json(seller)).bind(Ts(now))
    .execute(c)
    .await.map(|_| ()))
}

/// Soft-deletes a draft or cancelled invoice.
pub async fn soft_delete(
    tx: &mut Tx,
    company: CompanyId,
    id: InvoiceId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE invoices SET deleted_at = $3, updated_at = $3 \
         WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL AND status IN ('draft', 'cancelled')",
    )
    .bind(company).bind(id).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Whether a live product of the company has this id.
pub async fn product_exists(
    tx: &mut Tx,
    company: CompanyId,
    id: ProductId,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM products WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(company).bind(id)
    .fetch_one(c)
    .await)?;
    Ok(n > 0)
}

/// Invoices whose parent is `id` (its credit notes and stornos).
pub async fn children(
    db: &Db,
    company: CompanyId,
    id: InvoiceId,
) -> Result<Vec<InvoiceRecord>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, InvoiceRecord>(concat!("SELECT ", record_columns!(),
        " FROM invoices WHERE company_id = $1 AND parent_document_id = $2 AND deleted_at IS NULL ORDER BY created_at, id"))
        .bind(company).bind(id)
        .fetch_all(c)
        .await)
}

/// The same, inside a transaction (after the parent was locked).
pub async fn children_in(
    tx: &mut Tx,
    company: CompanyId,
    id: InvoiceId,
) -> Result<Vec<InvoiceRecord>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, InvoiceRecord>(concat!("SELECT ", record_columns!(),
        " FROM invoices WHERE company_id = $1 AND parent_document_id = $2 AND deleted_at IS NULL ORDER BY created_at, id"))
        .bind(company).bind(id)
        .fetch_all(c)
        .await)
}

/// One entry of an invoice's history, from the outbox.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct HistoryRow {
    pub id: crate::ids::EventId,
    #[sqlx(rename = "type")]
    pub kind: String,
    pub payload: Json<Value>,
    pub created_at: Ts,
    pub actor_email: Option<String>,
}

pub async fn history(
    db: &Db,
    company: CompanyId,
    id: InvoiceId,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, HistoryRow>(
        "SELECT e.id, e.type, e.payload, e.created_at, u.email AS actor_email FROM events e \
         LEFT JOIN users u ON u.id = e.actor_id \
         WHERE e.company_id = $1 AND e.subject_id = $2 ORDER BY e.created_at, e.id",
    )
    .bind(company).bind(id.0)
    .fetch_all(c)
    .await)
}

/// The status and number of a live invoice of the company (a credit note's parent).
pub async fn status_of(
    tx: &mut Tx,
    company: CompanyId,
    id: InvoiceId,
) -> Result<Option<(String, String)>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, (String, String)>(
        "SELECT status, number FROM invoices WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(company).bind(id)
    .fetch_optional(c)
    .await)
}

/// What identifies an incoming invoice however often ANAF delivers it (lessons.md #6): its
/// supplier (CIF, or name when it has none), number, issue date, total and type.
#[derive(Debug, Clone, Copy)]
pub struct IncomingIdentity<'a> {
    pub sender_cif: Option<&'a str>,
    pub sender_name: &'a str,
    pub number: &'a str,
    pub issue_date: Date,
    pub total: i64,
    pub document_type: &'a str,
}

/// The company's incoming invoice with this identity, deleted ones included (a copy of an
/// invoice the user deleted is not imported again).
pub async fn find_incoming(
    tx: &mut Tx,
    company: CompanyId,
    who: &IncomingIdentity<'_>,
) -> Result<Option<InvoiceId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, InvoiceId>(
        "SELECT id FROM invoices WHERE company_id = $1 AND direction = 'incoming' AND number = $4 \
         AND issue_date = $5 AND total = $6 AND document_type = $7 \
         AND (sender_cif = $2 OR ($2 IS NULL AND sender_cif IS NULL AND sender_name = $3)) \
         ORDER BY created_at LIMIT 1",
    )
    .bind(company).bind(who.sender_cif).bind(who.sender_name).bind(who.number).bind(who.issue_date)
    .bind(who.total).bind(who.document_type)
    .fetch_optional(c)
    .await)
}

/// A live incoming invoice of the supplier with `number` (the invoice a credit note corrects).
pub async fn find_incoming_number(
    tx: &mut Tx,
    company: CompanyId,
    supplier: SupplierId,
    number: &str,
) -> Result<Option<InvoiceId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, InvoiceId>(
        "SELECT id FROM invoices WHERE company_id = $1 AND direction = 'incoming' AND supplier_id = $2 \
         AND number = $3 AND document_type = 'invoice' AND deleted_at IS NULL ORDER BY issue_date DESC LIMIT 1",
    )
    .bind(company).bind(supplier).bind(number)
    .fetch_optional(c)
    .await)
}
