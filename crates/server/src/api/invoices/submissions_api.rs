//! e-Factura routes of an invoice (api.md §12.1, §19, §20): submit, its submissions, what
//! ANAF returned for the latest one, and ANAF's signature on it.

use anaf::efactura::archive;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::error::ApiError;
use crate::api::json::AppPath;
use crate::api::wire;
use crate::efactura::signature::{self, Verdict};
use crate::efactura::submit;
use crate::ids::{InvoiceId, SubmissionId};
use crate::state::AppState;
use crate::store::submissions::{self, RejectionError, Submission};
use crate::store::{efactura_messages, invoices};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(submit_invoice))
        .routes(routes!(einvoice_submissions))
        .routes(routes!(anaf_response))
        .routes(routes!(signature))
        .routes(routes!(verify_signature))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Submitted {
    pub message: String,
    pub status: String,
    /// Facturo's: true when ANAF is this server's simulator (`FACTURO_ANAF=sandbox`): nothing
    /// reaches ANAF.
    pub sandbox: bool,
}

/// Submit an issued (or rejected and corrected) invoice to ANAF e-Factura. The upload runs in
/// the background, exactly once; the invoice becomes `validated` or `rejected` when ANAF has
/// decided.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/submit", tag = "invoices", operation_id = "invoice_submit",
    params(("id" = InvoiceId, Path)),
    responses((status = 200, body = Submitted), (status = 422, description = "Not submittable now (`{error}`)")))]
async fn submit_invoice(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<Submitted>, ApiError> {
    scope.require(Permission::InvoiceIssue)?;
    submit::submit(&state, &scope, id, state.now()).await?;
    let sandbox = state.sandbox.is_some();
    Ok(Json(Submitted {
        message: if sandbox {
            "The invoice was queued for the ANAF sandbox (simulated: nothing reaches ANAF)."
        } else {
            "The invoice was queued for ANAF e-Factura."
        }
        .into(),
        status: "sent_to_provider".into(),
        sandbox,
    }))
}

/// One submission as api.md §25.16 `EInvoiceSubmission` has it, with Facturo's ledger details.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionView {
    pub id: SubmissionId,
    pub provider: &'static str,
    /// The ANAF upload index the invoice is filed under.
    pub external_id: Option<String>,
    /// `pending`, `submitted`, `accepted`, `rejected` or `error`.
    pub status: &'static str,
    pub error_message: Option<String>,
    /// Facturo's: the ledger state (`queued`, `uploading`, `uploaded`, `ok`, `nok`,
    /// `not_taken_over`, `failed`).
    pub state: &'static str,
    /// Facturo's: every error of a rejection, with the rule ANAF named.
    #[schema(value_type = Vec<Object>)]
    pub errors: Vec<RejectionError>,
    /// Facturo's: set when ANAF had the invoice already under this earlier index.
    pub duplicate_of: Option<String>,
    pub download_id: Option<String>,
    /// Facturo's: what the submission is waiting on (a lost answer, a quota).
    pub last_problem: Option<String>,
    pub uploads: i32,
    /// `test` or `prod`: the ANAF environment it was filed in.
    pub environment: String,
    /// True when that environment was this server's simulator.
    pub sandbox: bool,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: time::OffsetDateTime,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: time::OffsetDateTime,
}

impl SubmissionView {
    fn new(s: Submission, sandbox: bool) -> Self {
        let error_message = s.error_message.clone().or_else(|| {
            (!s.errors.is_empty()).then(|| {
                s.errors
                    .iter()
                    .map(|e| e.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        });
        SubmissionView {
            id: s.id,
            provider: "anaf",
            external_id: s.effective_index().map(|i| i.to_string()),
            status: s.state.wire(),
            state: s.state.as_str(),
            error_message,
            errors: s.errors,
            duplicate_of: s.duplicate_of.map(|i| i.to_string()),
            download_id: s.download_id.map(|i| i.to_string()),
            last_problem: s.last_problem,
            uploads: s.uploads,
            environment: s.environment,
            sandbox,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// Every submission of the invoice to ANAF, oldest first: earlier, rejected ones stay visible.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/einvoice-submissions", tag = "invoices",
    operation_id = "invoice_einvoice_submissions", params(("id" = InvoiceId, Path)),
    responses((status = 200, body = Vec<SubmissionView>), (status = 404)))]
async fn einvoice_submissions(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<Vec<SubmissionView>>, ApiError> {
    scope.require(Permission::EfacturaView)?;
    invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    let list = submissions::list_for_invoice(&state.db, scope.id(), id).await?;
    let sandbox = state.sandbox.is_some();
    Ok(Json(
        list.into_iter()
            .map(|s| SubmissionView::new(s, sandbox))
            .collect(),
    ))
}

/// The ZIP ANAF returned for the latest submission: the signed invoice, or the error report;
/// for an incoming invoice, the ZIP it was imported from (its XML and ANAF's signature). Kept
/// when it was downloaded, so it is served without asking ANAF again.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/anaf-response", tag = "invoices",
    operation_id = "invoice_anaf_response", params(("id" = InvoiceId, Path)),
    responses((status = 200, content_type = "application/zip", description = "ANAF's archive"), (status = 404)))]
async fn anaf_response(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Response, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let (name, zip) = archive_of(&state, &scope, id)
        .await?
        .ok_or(ApiError::NotFound(
            "ANAF has returned nothing for this invoice yet.",
        ))?;
    Ok(wire::attachment(
        "application/zip",
        &format!("{name}.zip"),
        zip,
    ))
}

/// The archive ANAF returned for the invoice, named by its download id: the latest
/// submission's, or for an incoming invoice the one it was imported from.
async fn archive_of(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
) -> Result<Option<(String, Vec<u8>)>, ApiError> {
    if let Some(latest) = submissions::latest_for_invoice(&state.db, scope.id(), id).await? {
        let zip = submissions::archive(&state.db, scope.id(), latest.id).await?;
        let name = latest
            .download_id
            .map_or_else(|| latest.id.to_string(), |d| d.to_string());
        return Ok(zip.map(|zip| (name, zip)));
    }
    Ok(
        efactura_messages::archive_of_invoice(&state.db, scope.id(), id)
            .await?
            .map(|(message, zip)| (message.to_string(), zip)),
    )
}

/// ANAF's detached signature (`semnatura_{id}.xml`) from the invoice's archive.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/signature", tag = "invoices",
    operation_id = "invoice_signature", params(("id" = InvoiceId, Path)),
    responses((status = 200, content_type = "application/xml", description = "ANAF's signature"), (status = 404)))]
async fn signature(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Response, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let none = || ApiError::NotFound("ANAF has returned no signature for this invoice.");
    let (name, zip) = archive_of(&state, &scope, id).await?.ok_or_else(none)?;
    let opened = archive::parse(&zip).map_err(|_| none())?;
    let entry = opened.signature().ok_or_else(none)?;
    Ok(wire::attachment(
        "application/xml",
        &format!("semnatura_{name}.xml"),
        entry.bytes.clone(),
    ))
}

/// Checks ANAF's signature on the invoice's archive against the certificates this installation
/// trusts: `valid` is `null` when none is configured. 404 `{valid: false, message}` when ANAF
/// has returned no signed archive.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/verify-signature", tag = "invoices",
    operation_id = "invoice_verify_signature", params(("id" = InvoiceId, Path)),
    responses((status = 200, body = Verdict), (status = 404, description = "`{valid: false, message}`")))]
async fn verify_signature(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<Verdict>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let verdict = archive_of(&state, &scope, id)
        .await?
        .and_then(|(_, zip)| signature::check_archive(&state.anaf, &zip));
    verdict.map(Json).ok_or_else(|| {
        ApiError::Custom(
            StatusCode::NOT_FOUND,
            json!({ "valid": false, "message": "ANAF has returned no signed archive for this invoice." }),
        )
    })
}
