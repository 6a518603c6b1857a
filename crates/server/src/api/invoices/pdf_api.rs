//! `GET /invoices/{id}/pdf` (api.md §12.1): the invoice as a PDF (`documents::printing`).

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::record_and_lines;
use crate::api::error::ApiError;
use crate::api::json::AppPath;
use crate::documents::printing;
use crate::ids::InvoiceId;
use crate::plan::Feature;
use crate::state::AppState;
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(pdf))
}

/// The invoice as a PDF (inline; `invoice-<number>.pdf`), in the invoice's language.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/pdf", tag = "invoices", operation_id = "invoice_pdf",
    params(("id" = InvoiceId, Path)),
    responses((status = 200, content_type = "application/pdf", description = "The PDF"), (status = 402, description = "The plan has no PDF generation"), (status = 404)))]
async fn pdf(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Response, ApiError> {
    scope.require(Permission::InvoiceView)?;
    state.require_feature(Feature::PdfGeneration)?;
    let (record, lines) = record_and_lines(&state, &scope, id).await?;
    let bytes = printing::invoice_pdf(&state, &scope, &record, &lines).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}\"", printing::pdf_filename(&record)),
            ),
        ],
        bytes,
    )
        .into_response())
}
