//! Recording and deleting an invoice's payments (api.md §14). The invoice row is locked (the
//! transaction's write lock on SQLite, `FOR UPDATE` on PostgreSQL) while its balance is checked
//! and its `amountPaid` recomputed from its payments, so concurrent payments never take more
//! than the balance nor lose one another. The invoice's `status` is not changed (§12.5): what was
//! paid shows in `amountPaid`, `balance`, `paidAt` and the derived `paymentStatus`.

use rust_decimal::Decimal;
use time::{Date, OffsetDateTime};

use super::calendar::bucharest_today;
use super::lifecycle::load;
use crate::api::error::ApiError;
use crate::api::wire;
use crate::events::{self, DomainEvent, PaymentFacts};
use crate::ids::{InvoiceId, PaymentId};
use crate::state::AppState;
use crate::store::Tx;
use crate::store::invoices::InvoiceRecord;
use crate::store::payments::{self, PaymentRow};
use crate::tenancy::CompanyScope;

/// The longest `reference` and `notes` kept.
const REFERENCE_CHARS: usize = 200;
const NOTES_CHARS: usize = 2_000;

/// A payment to record, as the request gave it.
#[derive(Debug, Clone, Default)]
pub struct NewPayment {
    /// Required: greater than 0, at most 2 decimals.
    pub amount: Option<Decimal>,
    /// Required, free text.
    pub method: Option<String>,
    /// Today (Bucharest) when absent.
    pub date: Option<Date>,
    /// The invoice's currency when absent; another currency is refused.
    pub currency: Option<String>,
    pub reference: Option<String>,
    pub notes: Option<String>,
    /// Records a payment larger than the balance on purpose.
    pub overpayment: bool,
    /// Pays whatever the balance is when the invoice is locked (`bulk-mark-paid`); `amount` is
    /// not read.
    pub whole_balance: bool,
}

/// Records `p` against the invoice `id` of the scope's company.
pub async fn record(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    p: NewPayment,
    now: OffsetDateTime,
) -> Result<PaymentRow, ApiError> {
    // The invoice first: another tenant's id is not found, whatever the body says.
    let mut tx = state.db.begin().await?;
    let row = record_in(&mut tx, scope, id, p, now).await?;
    tx.commit().await?;
    Ok(row)
}

/// The same inside `tx` (also how an invoice created with `collect` is paid at once).
pub async fn record_in(
    tx: &mut crate::store::Tx,
    scope: &CompanyScope,
    id: InvoiceId,
    p: NewPayment,
    now: OffsetDateTime,
) -> Result<PaymentRow, ApiError> {
    let inv = load(tx, scope, id).await?;
    let amount = if p.whole_balance {
        let balance = inv.payable - inv.amount_paid;
        if balance <= 0 {
            return Err(ApiError::unprocessable(
                "Nothing is left to pay on this invoice.",
            ));
        }
        einvoice::money::from_minor(balance)
    } else {
        p.amount
            .ok_or_else(|| ApiError::bad_request("amount is required."))?
    };
    let method = p.method.as_deref().map(str::trim).unwrap_or_default();
    if method.is_empty() {
        return Err(ApiError::bad_request("paymentMethod is required."));
    }
    let reference = bounded(p.reference, "reference", REFERENCE_CHARS)?;
    let notes = bounded(p.notes, "notes", NOTES_CHARS)?;
    let date = p.date.unwrap_or_else(|| bucharest_today(now));
    if date > bucharest_today(now) {
        return Err(ApiError::bad_request(
            "paymentDate cannot be in the future.",
        ));
    }
    if amount <= Decimal::ZERO {
        return Err(ApiError::unprocessable(
            "The payment amount must be greater than 0.",
        ));
    }
    let Some(amount) = einvoice::money::to_minor(amount) else {
        return Err(ApiError::unprocessable(
            "The payment amount has more than 2 decimals, or is too large.",
        ));
    };
    if let Some(currency) = p
        .currency
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        && !currency.eq_ignore_ascii_case(&inv.currency)
    {
        return Err(ApiError::unprocessable(format!(
            "The payment is in {} but the invoice is in {}: record it in {}.",
            currency.to_uppercase(),
            inv.currency,
            inv.currency
        )));
    }
    if inv.status == "cancelled" {
        return Err(ApiError::unprocessable(
            "A cancelled invoice takes no payments.",
        ));
    }
    if inv.status == "refund" || inv.payable < 0 {
        return Err(ApiError::unprocessable(
            "A refund invoice takes no payments.",
        ));
    }
    let balance = inv.payable - inv.amount_paid;
    if amount > balance && !p.overpayment {
        return Err(ApiError::unprocessable(if balance <= 0 {
            "Nothing is left to pay on this invoice; send overpayment: true to record the payment anyway."
                .to_owned()
        } else {
            format!(
                "The payment of {} {} exceeds the balance of {} {}; send overpayment: true to record it anyway.",
                wire::amount(amount),
                inv.currency,
                wire::amount(balance),
                inv.currency
            )
        }));
    }
    let row = PaymentRow {
        id: PaymentId::new(),
        company_id: scope.id(),
        invoice_id: id,
        amount,
        currency: inv.currency.clone(),
        payment_date: date,
        payment_method: method.to_owned(),
        reference,
        notes,
        is_overpayment: amount > balance,
        is_reconciled: false,
        created_by: Some(scope.principal.user.id),
        created_at: crate::store::Ts(now),
    };
    payments::insert(tx, &row).await?;
    settle(tx, &inv, now).await?;
    events::record(
        tx,
        scope.origin(),
        &DomainEvent::PaymentReceived(facts(&row)),
        now,
    )
    .await?;
    Ok(row)
}

/// Deletes payment `payment` of invoice `id`; the invoice's paid amount follows.
pub async fn delete(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    payment: PaymentId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    let inv = load(&mut tx, scope, id).await?;
    let Some(row) = payments::get_in(&mut tx, id, payment).await? else {
        return Err(ApiError::NotFound("Payment not found."));
    };
    payments::delete(&mut tx, id, payment).await?;
    settle(&mut tx, &inv, now).await?;
    events::record(
        &mut tx,
        scope.origin(),
        &DomainEvent::PaymentDeleted(facts(&row)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes every payment of invoice `id` (`bulk-mark-unpaid`): it is unpaid again.
pub async fn delete_all(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    let inv = load(&mut tx, scope, id).await?;
    let rows = payments::list_in(&mut tx, id).await?;
    if rows.is_empty() {
        return Err(ApiError::unprocessable("The invoice has no payments."));
    }
    for row in &rows {
        payments::delete(&mut tx, id, row.id).await?;
        events::record(
            &mut tx,
            scope.origin(),
            &DomainEvent::PaymentDeleted(facts(row)),
            now,
        )
        .await?;
    }
    settle(&mut tx, &inv, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Recomputes the invoice's paid amount from its payments: `paidAt` is the latest payment's day
/// once nothing is left to pay, and null before.
async fn settle(tx: &mut Tx, inv: &InvoiceRecord, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    let paid = payments::paid(tx, inv.id).await?;
    let settled = paid.amount > 0 && paid.amount >= inv.payable;
    let (paid_at, method) = if settled {
        (
            paid.last_date.map(|d| d.midnight().assume_utc()),
            paid.last_method.as_deref(),
        )
    } else {
        (None, None)
    };
    payments::settle(
        tx,
        inv.company_id,
        inv.id,
        paid.amount,
        paid_at,
        method,
        now,
    )
    .await
}

fn bounded(text: Option<String>, key: &str, max: usize) -> Result<Option<String>, ApiError> {
    let text = text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    match text {
        Some(t) if t.chars().count() > max => Err(ApiError::bad_request(format!(
            "{key} is longer than {max} characters."
        ))),
        other => Ok(other),
    }
}

pub fn facts(p: &PaymentRow) -> PaymentFacts {
    PaymentFacts {
        payment_id: p.id,
        invoice_id: p.invoice_id,
        amount: wire::amount(p.amount),
        payment_method: p.payment_method.clone(),
        currency: p.currency.clone(),
        payment_date: p.payment_date,
    }
}

/// Where an invoice stands with its payments (our own field `paymentStatus`): `paid` when
/// nothing is left to pay, `partially_paid`, `overdue` when unpaid past its due date (today in
/// Bucharest; never for a draft), else `unpaid`. Cancelled and refund invoices, and those with
/// nothing to pay, have none.
pub fn payment_status(inv: &InvoiceRecord, now: OffsetDateTime) -> Option<&'static str> {
    if matches!(inv.status.as_str(), "cancelled" | "refund") || inv.payable <= 0 {
        return None;
    }
    let balance = inv.payable - inv.amount_paid;
    Some(if balance <= 0 {
        "paid"
    } else if inv.status != "draft" && inv.due_date.is_some_and(|d| d < bucharest_today(now)) {
        "overdue"
    } else if inv.amount_paid > 0 {
        "partially_paid"
    } else {
        "unpaid"
    })
}
