//! Payments of an invoice (api.md §14), and the invoice's paid amount they add up to.

use time::{Date, OffsetDateTime};

use super::{Db, Ts, Tx};
use crate::ids::{CompanyId, InvoiceId, PaymentId, UserId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PaymentRow {
    pub id: PaymentId,
    pub company_id: CompanyId,
    pub invoice_id: InvoiceId,
    /// Minor units of `currency`.
    pub amount: i64,
    pub currency: String,
    pub payment_date: Date,
    pub payment_method: String,
    pub reference: Option<String>,
    pub notes: Option<String>,
    pub is_overpayment: bool,
    pub is_reconciled: bool,
    pub created_by: Option<UserId>,
    pub created_at: Ts,
}

macro_rules! select_payments {
    () => {
        "SELECT id, company_id, invoice_id, amount, currency, payment_date, payment_method, reference, notes, \
         is_overpayment, is_reconciled, created_by, created_at FROM payments"
    };
}

/// An invoice's payments, the newest first (api.md §14).
pub async fn list(db: &Db, invoice: InvoiceId) -> Result<Vec<PaymentRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, PaymentRow>(concat!(select_payments!(),
        " WHERE invoice_id = $1 ORDER BY payment_date DESC, created_at DESC, id DESC"))
        .bind(invoice)
        .fetch_all(c)
        .await)
}

/// The same, inside a transaction.
pub async fn list_in(tx: &mut Tx, invoice: InvoiceId) -> Result<Vec<PaymentRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, PaymentRow>(concat!(select_payments!(),
        " WHERE invoice_id = $1 ORDER BY payment_date DESC, created_at DESC, id DESC"))
        .bind(invoice)
        .fetch_all(c)
        .await)
}

pub async fn get_in(
    tx: &mut Tx,
    invoice: InvoiceId,
    id: PaymentId,
) -> Result<Option<PaymentRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, PaymentRow>(concat!(select_payments!(), " WHERE invoice_id = $1 AND id = $2"))
        .bind(invoice)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub async fn insert(tx: &mut Tx, p: &PaymentRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO payments (id, company_id, invoice_id, amount, currency, payment_date, payment_method, reference, \
         notes, is_overpayment, is_reconciled, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(p.id).bind(p.company_id).bind(p.invoice_id).bind(p.amount).bind(&p.currency).bind(p.payment_date)
    .bind(&p.payment_method).bind(&p.reference).bind(&p.notes).bind(p.is_overpayment).bind(p.is_reconciled)
    .bind(p.created_by).bind(p.created_at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn delete(tx: &mut Tx, invoice: InvoiceId, id: PaymentId) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM payments WHERE invoice_id = $1 AND id = $2")
        .bind(invoice)
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// What an invoice's payments add up to: the sum, the latest date and that payment's method.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paid {
    pub amount: i64,
    pub last_date: Option<Date>,
    pub last_method: Option<String>,
}

pub async fn paid(tx: &mut Tx, invoice: InvoiceId) -> Result<Paid, sqlx::Error> {
    let rows: Vec<(i64, Date, String)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT amount, payment_date, payment_method FROM payments WHERE invoice_id = $1 \
         ORDER BY payment_date, created_at, id",
    )
    .bind(invoice)
    .fetch_all(c)
    .await)?;
    Ok(rows
        .into_iter()
        .fold(Paid::default(), |acc, (amount, date, method)| Paid {
            amount: acc.amount + amount,
            last_date: Some(date),
            last_method: Some(method),
        }))
}

/// Writes what the payments add up to on the invoice: `amount_paid`, and — when nothing is
/// left to pay — `paid_at` (the latest payment's day) and `payment_method`.
pub async fn settle(
    tx: &mut Tx,
    company: CompanyId,
    invoice: InvoiceId,
    amount_paid: i64,
    paid_at: Option<OffsetDateTime>,
    method: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE invoices SET amount_paid = $3, paid_at = $4, \
         payment_method = COALESCE($5, payment_method), updated_at = $6 \
         WHERE company_id = $1 AND id = $2",
    )
    .bind(company).bind(invoice).bind(amount_paid).bind(paid_at.map(Ts)).bind(method).bind(Ts(now))
    .execute(c)
    .await.map(|_| ()))
}
