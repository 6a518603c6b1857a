//! Payments of an invoice (api.md §14): list, record, delete. The work is in
//! `documents::payments`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::bulk::{self, BulkError, Ids};
use super::error::ApiError;
use super::json::{AppJson, AppPath, DateIn, Flag, Num};
use super::wire;
use crate::documents::payments::{self as ops, NewPayment};
use crate::ids::{InvoiceId, PaymentId};
use crate::state::AppState;
use crate::store::invoices;
use crate::store::payments::{self, PaymentRow};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(delete))
        .routes(routes!(bulk_mark_paid))
        .routes(routes!(bulk_mark_unpaid))
}

/// A payment (api.md §14; `isOverpayment` is ours).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    pub id: PaymentId,
    /// A decimal string with 2 decimals.
    pub amount: String,
    pub currency: String,
    #[serde(serialize_with = "wire::date")]
    #[schema(value_type = String, format = Date)]
    pub payment_date: Date,
    pub payment_method: String,
    pub reference: Option<String>,
    pub notes: Option<String>,
    pub is_reconciled: bool,
    /// Recorded past the balance with `overpayment: true`.
    pub is_overpayment: bool,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

impl From<PaymentRow> for Payment {
    fn from(p: PaymentRow) -> Self {
        Payment {
            id: p.id,
            amount: wire::amount(p.amount),
            currency: p.currency,
            payment_date: p.payment_date,
            payment_method: p.payment_method,
            reference: p.reference,
            notes: p.notes,
            is_reconciled: p.is_reconciled,
            is_overpayment: p.is_overpayment,
            created_at: p.created_at.0,
        }
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PaymentRequest {
    /// Greater than 0 and at most the balance (unless `overpayment`); a string or a number.
    #[schema(value_type = String)]
    pub amount: Option<Num>,
    /// Free text (`bank_transfer`, `cash`, `card`, …).
    pub payment_method: Option<String>,
    /// Default today; not in the future.
    #[schema(value_type = Option<String>, format = Date)]
    pub payment_date: Option<DateIn>,
    /// Must be the invoice's currency (the default).
    pub currency: Option<String>,
    pub reference: Option<String>,
    pub notes: Option<String>,
    /// Records a payment larger than the balance.
    #[schema(value_type = Option<bool>)]
    pub overpayment: Option<Flag>,
}

/// An invoice's payments, the newest first.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/payments", tag = "payments", operation_id = "payment_list",
    params(("id" = InvoiceId, Path)), responses((status = 200, body = [Payment]), (status = 404)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<Vec<Payment>>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    let rows = payments::list(&state.db, id).await?;
    Ok(Json(rows.into_iter().map(Payment::from).collect()))
}

/// Record a payment: `amountPaid`, `balance` and, once nothing is left to pay, `paidAt` follow.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/payments", tag = "payments", operation_id = "payment_create",
    params(("id" = InvoiceId, Path)), request_body = PaymentRequest,
    responses((status = 201, body = Payment), (status = 400, description = "Missing amount or method, a date in the future"),
              (status = 404), (status = 422, description = "Not above 0, over the balance, another currency, a cancelled or refund invoice")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
    AppJson(body): AppJson<PaymentRequest>,
) -> Result<(StatusCode, Json<Payment>), ApiError> {
    scope.require(Permission::InvoiceView)?;
    scope.require(Permission::PaymentCreate)?;
    let payment = NewPayment {
        amount: body.amount.map(|n| n.0),
        method: body.payment_method,
        date: body.payment_date.map(|d| d.0),
        currency: body.currency,
        reference: body.reference,
        notes: body.notes,
        overpayment: body.overpayment.is_some_and(|f| f.0),
        whole_balance: false,
    };
    let row = ops::record(&state, &scope, id, payment, state.now()).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// Delete a payment: the invoice's paid amount follows.
#[utoipa::path(delete, path = "/api/v1/invoices/{id}/payments/{paymentId}", tag = "payments", operation_id = "payment_delete",
    params(("id" = InvoiceId, Path), ("paymentId" = PaymentId, Path)), responses((status = 204), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath((id, payment)): AppPath<(InvoiceId, PaymentId)>,
) -> Result<StatusCode, ApiError> {
    scope.require(Permission::InvoiceView)?;
    scope.require(Permission::PaymentDelete)?;
    ops::delete(&state, &scope, id, payment, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BulkMarkPaid {
    /// 1 to 100 invoice ids.
    #[serde(default)]
    pub ids: Vec<String>,
    /// Default `bank_transfer`.
    pub payment_method: Option<String>,
    /// The payments' date (default today).
    #[schema(value_type = Option<String>, format = Date)]
    pub paid_at: Option<DateIn>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkMarked {
    pub marked: usize,
    pub errors: Vec<BulkError>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkUnmarked {
    pub unmarked: usize,
    pub errors: Vec<BulkError>,
}

/// Pay the balance of each invoice with one payment (each in its own transaction).
#[utoipa::path(post, path = "/api/v1/invoices/bulk-mark-paid", tag = "payments", operation_id = "payment_bulk_mark_paid",
    request_body = BulkMarkPaid, responses((status = 200, body = BulkMarked), (status = 400, description = "Not 1 to 100 ids")))]
async fn bulk_mark_paid(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<BulkMarkPaid>,
) -> Result<Json<BulkMarked>, ApiError> {
    scope.require(Permission::PaymentCreate)?;
    let method = body
        .payment_method
        .filter(|m| !m.trim().is_empty())
        .unwrap_or_else(|| "bank_transfer".to_owned());
    let date = body.paid_at.map(|d| d.0);
    let (marked, errors) = bulk::each(
        body.ids,
        || ApiError::NotFound("Invoice not found."),
        |id: InvoiceId| {
            let payment = NewPayment {
                method: Some(method.clone()),
                date,
                whole_balance: true,
                ..NewPayment::default()
            };
            let (state, scope) = (&state, &scope);
            async move {
                ops::record(state, scope, id, payment, state.now())
                    .await
                    .map(|_| ())
            }
        },
    )
    .await?;
    Ok(Json(BulkMarked { marked, errors }))
}

/// Delete every payment of each invoice (each in its own transaction).
#[utoipa::path(post, path = "/api/v1/invoices/bulk-mark-unpaid", tag = "payments", operation_id = "payment_bulk_mark_unpaid",
    request_body = Ids, responses((status = 200, body = BulkUnmarked), (status = 400, description = "Not 1 to 100 ids")))]
async fn bulk_mark_unpaid(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<Ids>,
) -> Result<Json<BulkUnmarked>, ApiError> {
    scope.require(Permission::PaymentDelete)?;
    let (unmarked, errors) = bulk::each(
        body.ids,
        || ApiError::NotFound("Invoice not found."),
        |id: InvoiceId| {
            let (state, scope) = (&state, &scope);
            async move { ops::delete_all(state, scope, id, state.now()).await }
        },
    )
    .await?;
    Ok(Json(BulkUnmarked { unmarked, errors }))
}
