//! The e-Factura sync of the company (api.md §19): trigger a pass, its status, and the log of
//! the invoices it brought in. The pass itself runs as a job (`efactura::sync`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, AppQuery};
use super::wire;
use crate::efactura::trigger::{self as ops, Status};
use crate::ids::InvoiceId;
use crate::state::AppState;
use crate::store::message_list::{self, LogFilter, LogRow};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(trigger))
        .routes(routes!(status))
        .routes(routes!(log))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct TriggerRequest {
    /// List this many days back (1–60) once, to fill a gap; by default the pass continues
    /// from where the last one stopped.
    pub days: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Queued {
    /// `queued`.
    pub status: &'static str,
}

/// Sync the company's SPV box now: a pass is queued (at most one per company waits or runs).
#[utoipa::path(post, path = "/api/v1/sync/trigger", tag = "efactura", operation_id = "sync_trigger",
    request_body = TriggerRequest,
    responses((status = 202, body = Queued),
        (status = 422, description = "`{error, code: NO_TOKEN}`: the company cannot reach ANAF"),
        (status = 429, description = "`{error, code: SYNC_RATE_LIMITED, retryAfter}` + `Retry-After`")))]
async fn trigger(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<TriggerRequest>,
) -> Result<(StatusCode, Json<Queued>), ApiError> {
    scope.require(Permission::EfacturaView)?;
    ops::trigger(&state, &scope, body.days, state.now()).await?;
    Ok((StatusCode::ACCEPTED, Json(Queued { status: "queued" })))
}

/// The contract's status, plus Facturo's: whether a pass runs, how the last one ended.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatusView {
    pub sync_enabled: bool,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_synced_at: Option<OffsetDateTime>,
    pub has_valid_token: bool,
    pub token_error: Option<String>,
    pub sync_days_back: i32,
    /// Seconds between two scheduled passes.
    pub sync_interval: i64,
    pub running: bool,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_started_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_finished_at: Option<OffsetDateTime>,
    /// `completed`, `failed`, or `interrupted` (ANAF pushed back; the rest follows).
    pub last_status: Option<String>,
    pub last_error: Option<String>,
    /// `{newInvoices, skippedDuplicates, newClients, newProducts, newSeries, errors}`.
    #[schema(value_type = Option<Object>)]
    pub last_stats: Option<Value>,
    /// Every message created before this instant is listed.
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub listed_until: Option<OffsetDateTime>,
}

impl From<Status> for SyncStatusView {
    fn from(s: Status) -> Self {
        let last_stats = s.last_stats();
        let st = s.state.as_ref();
        SyncStatusView {
            sync_enabled: s.sync_enabled,
            last_synced_at: s.last_synced_at,
            has_valid_token: s.token_problem.is_none(),
            sync_days_back: s.sync_days_back,
            sync_interval: s.interval.whole_seconds(),
            running: s.running,
            last_started_at: st.and_then(|x| x.last_started_at).map(|t| t.0),
            last_finished_at: st.and_then(|x| x.last_finished_at).map(|t| t.0),
            last_status: st.and_then(|x| x.last_status.clone()),
            last_error: st.and_then(|x| x.last_error.clone()),
            listed_until: st.and_then(|x| x.listed_until).map(|t| t.0),
            last_stats,
            token_error: s.token_problem,
        }
    }
}

/// Where the company's sync stands.
#[utoipa::path(get, path = "/api/v1/sync/status", tag = "efactura", operation_id = "sync_status",
    responses((status = 200, body = SyncStatusView)))]
async fn status(
    State(state): State<AppState>,
    scope: CompanyScope,
) -> Result<Json<SyncStatusView>, ApiError> {
    scope.require(Permission::EfacturaView)?;
    let status = ops::status(&state, &scope, state.now()).await?;
    Ok(Json(status.into()))
}

/// The sync log's query (api.md §19).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct LogQuery {
    /// At most 50 (default 20).
    pub limit: Option<i64>,
    pub offset: Option<i64>,
    /// `incoming` or `outgoing`.
    pub direction: Option<String>,
    pub status: Option<String>,
    /// Part of the number, or a party's name or CIF.
    pub search: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    pub id: InvoiceId,
    pub number: String,
    pub direction: String,
    pub status: String,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub synced_at: OffsetDateTime,
    pub sender_name: Option<String>,
    pub receiver_name: Option<String>,
    pub total: String,
    pub currency: String,
    /// Facturo's: the ANAF message and its type.
    pub anaf_message_id: String,
    pub message_type: String,
}

impl From<LogRow> for LogEntry {
    fn from(r: LogRow) -> Self {
        LogEntry {
            id: r.id,
            number: r.number,
            direction: r.direction,
            status: r.status,
            synced_at: r.synced_at.0,
            sender_name: r.sender_name,
            receiver_name: r.receiver_name,
            total: wire::amount(r.total),
            currency: r.currency,
            anaf_message_id: r.message_id.to_string(),
            message_type: r.message_type,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SyncLog {
    pub entries: Vec<LogEntry>,
    pub total: i64,
}

/// The invoices the sync brought in (incoming) or matched to ANAF's messages (outgoing), the
/// latest first.
#[utoipa::path(get, path = "/api/v1/sync/log", tag = "efactura", operation_id = "sync_log",
    params(LogQuery), responses((status = 200, body = SyncLog)))]
async fn log(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppQuery(q): AppQuery<LogQuery>,
) -> Result<Json<SyncLog>, ApiError> {
    scope.require(Permission::EfacturaView)?;
    let text = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let filter = LogFilter {
        direction: text(q.direction),
        status: text(q.status),
        search: text(q.search),
    };
    let limit = q.limit.unwrap_or(20).clamp(1, 50);
    let offset = q.offset.unwrap_or(0).max(0);
    let (rows, total) =
        message_list::sync_log(&state.db, scope.id(), &filter, limit, offset).await?;
    Ok(Json(SyncLog {
        entries: rows.into_iter().map(LogEntry::from).collect(),
        total,
    }))
}
