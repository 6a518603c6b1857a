//! Credit notes from an invoice (api.md §13): `POST /invoices/{id}/credit-note` (ours: whole
//! or chosen lines) and `POST /invoices/bulk-storno` (whole invoices).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{InvoiceSaved, saved};
use crate::api::bulk::{self, BulkError, Ids};
use crate::api::error::ApiError;
use crate::api::json::{AppJson, AppPath};

use crate::documents::refund::{self, CreditRequest};
use crate::ids::InvoiceId;
use crate::state::AppState;
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(credit_note))
        .routes(routes!(bulk_storno))
}

/// A draft credit note of the whole invoice (an empty body) or of chosen lines and
/// quantities; issuing it refuses to credit any line beyond what is left of it.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/credit-note", tag = "invoices", operation_id = "invoice_credit_note",
    params(("id" = InvoiceId, Path)), request_body = CreditRequest,
    responses((status = 201, body = InvoiceSaved), (status = 400, description = "A line that is not the invoice's, or a quantity out of range"), (status = 422, description = "Not an issued outgoing invoice")))]
async fn credit_note(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
    AppJson(body): AppJson<CreditRequest>,
) -> Result<(StatusCode, Json<InvoiceSaved>), ApiError> {
    scope.require(Permission::InvoiceRefund)?;
    let made = refund::credit(&state, &scope, id, &body, state.now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(saved(&state, &scope, made).await?),
    ))
}

/// `{created, errors}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkCreated {
    pub created: usize,
    pub errors: Vec<BulkError>,
}

/// A draft credit note of each whole invoice named (each on its own).
#[utoipa::path(post, path = "/api/v1/invoices/bulk-storno", tag = "invoices", operation_id = "invoice_bulk_storno",
    request_body = Ids, responses((status = 200, body = BulkCreated)))]
async fn bulk_storno(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<Ids>,
) -> Result<Json<BulkCreated>, ApiError> {
    scope.require(Permission::InvoiceRefund)?;
    let whole = CreditRequest::default();
    let (created, errors) = bulk::each(
        body.ids,
        || ApiError::NotFound("Invoice not found."),
        |id: InvoiceId| {
            let (state, scope, whole) = (&state, &scope, &whole);
            async move {
                refund::credit(state, scope, id, whole, state.now())
                    .await
                    .map(|_| ())
            }
        },
    )
    .await?;
    Ok(Json(BulkCreated { created, errors }))
}
