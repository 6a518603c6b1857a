//! `GET /api/v1/licensing`: the licence this installation runs under (Facturo's own route; the
//! contract's §22 routes are the vendor's licence server, not part of a self-hosted instance).

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use crate::auth::Principal;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Licensing {
    /// `freemium`, `starter`, `professional` or `business`.
    pub plan: &'static str,
    /// `licensed`, `none`, `expired` or `invalid` (the last two run as Freemium).
    pub status: &'static str,
    pub licensee: Option<String>,
    /// The licence's last day (UTC date).
    pub expires_at: Option<String>,
    /// The licence's `features`, with the ones the server enforces (`webhooks`,
    /// `recurringInvoices`, `pdfGeneration`, `emailSending`) as they apply.
    pub features: BTreeMap<String, bool>,
    pub limits: BTreeMap<String, u64>,
    pub seats: Option<u64>,
    /// How often companies' SPV boxes are synced, in seconds.
    pub sync_interval_seconds: i64,
    pub message: String,
}

/// The installation's licence and plan.
#[utoipa::path(get, path = "/api/v1/licensing", tag = "system", operation_id = "licensing_get",
    responses((status = 200, body = Licensing)))]
async fn get(
    State(state): State<AppState>,
    _principal: Principal,
) -> Result<Json<Licensing>, ApiError> {
    let standing = &state.licence;
    let claims = standing.claims.as_ref();
    Ok(Json(Licensing {
        plan: standing.plan.as_str(),
        status: standing.status.as_str(),
        licensee: claims.map(|c| c.sub.clone()),
        expires_at: claims.and_then(|c| {
            time::OffsetDateTime::from_unix_timestamp(c.exp)
                .ok()
                .map(|t| t.date().to_string())
        }),
        features: standing.features(),
        limits: claims.map(|c| c.limits.clone()).unwrap_or_default(),
        seats: claims.and_then(|c| c.seats),
        sync_interval_seconds: state.anaf.policy.sync_every.whole_seconds(),
        message: standing.message.clone(),
    }))
}
