//! The company's ANAF SPV messages as the sync recorded them (api.md §19, §25.16
//! `EFacturaMessage`): list and detail. Another company's message id is a 404.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppPath, AppQuery};
use super::page::{Page, PageMeta};
use super::wire;
use crate::ids::{EfacturaMessageId, InvoiceId};
use crate::state::AppState;
use crate::store::message_list::{self, MessageFilter, MessageRow, warnings_of};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(get))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceRef {
    pub id: InvoiceId,
    pub number: Option<String>,
}

/// A message (§25.16), plus Facturo's fields.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EfacturaMessageView {
    pub id: EfacturaMessageId,
    /// ANAF's `id`: the download id.
    pub anaf_message_id: String,
    /// `FACTURA PRIMITA`, `FACTURA TRIMISA`, `ERORI FACTURA`, `MESAJ CUMPARATOR …`.
    pub message_type: String,
    pub cif: Option<String>,
    pub details: Option<String>,
    /// ANAF's `id_solicitare`: the upload the message is about.
    pub upload_id: Option<String>,
    /// `received`, `processed` or `error`.
    pub status: String,
    pub error_message: Option<String>,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    pub invoice: Option<InvoiceRef>,
    /// Facturo's: when ANAF created the message.
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub anaf_created_at: OffsetDateTime,
    pub environment: String,
    /// Facturo's: the archive (document and ANAF's signature) is stored.
    pub downloaded: bool,
    /// Facturo's: what the import noticed (the buyer is not the company, unreadable values).
    pub warnings: Vec<String>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub processed_at: Option<OffsetDateTime>,
}

impl From<MessageRow> for EfacturaMessageView {
    fn from(m: MessageRow) -> Self {
        let warnings = warnings_of(&m);
        EfacturaMessageView {
            id: m.id,
            anaf_message_id: m.message_id.to_string(),
            message_type: m.message_type,
            cif: m.cif,
            details: m.details,
            upload_id: (m.upload_index > 0).then(|| m.upload_index.to_string()),
            status: m.status,
            error_message: m.error_message,
            created_at: m.created_at.0,
            invoice: m.invoice_id.map(|id| InvoiceRef {
                id,
                number: m.invoice_number,
            }),
            anaf_created_at: m.anaf_created_at.0,
            environment: m.environment,
            downloaded: m.has_archive,
            warnings,
            processed_at: m.processed_at.map(|t| t.0),
        }
    }
}

/// The list envelope (api.md §1.5, plus `pages`).
#[derive(Debug, Serialize, ToSchema)]
pub struct EfacturaMessageList {
    pub data: Vec<EfacturaMessageView>,
    #[serde(flatten)]
    pub page: PageMeta,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct MessageListQuery {
    pub page: Option<i64>,
    pub limit: Option<i64>,
    /// `FACTURA PRIMITA`, `FACTURA TRIMISA`, `ERORI FACTURA`, …
    pub message_type: Option<String>,
    /// `received`, `processed` or `error`.
    pub status: Option<String>,
    /// Part of the details, the CIF, the ids or the invoice number.
    pub search: Option<String>,
}

/// The company's SPV messages, newest first.
#[utoipa::path(get, path = "/api/v1/efactura-messages", tag = "efactura", operation_id = "efactura_message_list",
    params(MessageListQuery), responses((status = 200, body = EfacturaMessageList)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppQuery(q): AppQuery<MessageListQuery>,
) -> Result<Json<EfacturaMessageList>, ApiError> {
    scope.require(Permission::EfacturaView)?;
    let text = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let filter = MessageFilter {
        message_type: text(q.message_type),
        status: text(q.status),
        search: text(q.search),
    };
    let page = Page::new(q.page, q.limit);
    let (rows, total) = message_list::list(&state.db, scope.id(), &filter, page).await?;
    Ok(Json(EfacturaMessageList {
        data: rows.into_iter().map(EfacturaMessageView::from).collect(),
        page: page.meta(total),
    }))
}

/// One SPV message of the company.
#[utoipa::path(get, path = "/api/v1/efactura-messages/{id}", tag = "efactura", operation_id = "efactura_message_get",
    params(("id" = EfacturaMessageId, Path)), responses((status = 200, body = EfacturaMessageView), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<EfacturaMessageId>,
) -> Result<Json<EfacturaMessageView>, ApiError> {
    scope.require(Permission::EfacturaView)?;
    let row = message_list::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Message not found."))?;
    Ok(Json(row.into()))
}
