//! The sync as users drive it (api.md §19): `POST /sync/trigger` queues a pass now, within a
//! minimum interval per company; `GET /sync/status` says where the company's sync stands;
//! `POST /companies/{id}/toggle-sync` (§5) turns the scheduled passes on or off.

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use super::sync::MAX_DAYS_BACK;
use super::{env_name, tokens};
use crate::api::error::ApiError;
use crate::auth::Principal;
use crate::jobs::sync_efactura;
use crate::state::AppState;
use crate::store::companies::{self, Company};
use crate::store::efactura_sync::{self, SyncState};
use crate::tenancy::CompanyScope;

/// Queues a sync pass for the scope's company. `days` (1–60) makes it list that far back
/// once, to fill a gap. Refused with 429 `SYNC_RATE_LIMITED` within the policy's interval of
/// the last trigger, and with 422 `NO_TOKEN` when the company cannot reach ANAF.
pub async fn trigger(
    state: &AppState,
    scope: &CompanyScope,
    days: Option<i64>,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let env = env_name(state.anaf.environment);
    let every = state.anaf.policy.sync_trigger_every;
    let last = efactura_sync::get(&state.db, scope.id(), env)
        .await?
        .and_then(|s| s.triggered_at);
    if let Some(at) = last
        && now - at.0 < every
    {
        return Err(rate_limited(at.0 + every - now));
    }
    tokens::check(state, scope.id(), state.anaf.environment, now)
        .await
        .map_err(|p| no_token(&p.to_string()))?;
    let mut tx = state.db.begin().await?;
    if !efactura_sync::trigger(&mut tx, scope.id(), env, now - every, now).await? {
        return Err(rate_limited(every));
    }
    if let Some(days) = days {
        let from = now - Duration::days(days.clamp(1, MAX_DAYS_BACK));
        efactura_sync::backfill(&mut tx, scope.id(), env, from, now).await?;
    }
    sync_efactura::queue(&mut tx, scope.id(), now).await?;
    tx.commit().await?;
    Ok(())
}

fn rate_limited(wait: Duration) -> ApiError {
    let seconds = u64::try_from(wait.whole_seconds().max(1)).unwrap_or(1);
    ApiError::Throttled {
        retry_after_secs: seconds,
        body: json!({
            "error": format!("A sync was started recently; try again in {seconds} seconds."),
            "messageKey": "sync.rate_limited",
            "messageParams": { "seconds": seconds },
            "code": "SYNC_RATE_LIMITED",
            "retryAfter": seconds,
        }),
    }
}

fn no_token(problem: &str) -> ApiError {
    ApiError::Custom(
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        json!({ "error": format!("Cannot sync with ANAF: {problem}."), "code": "NO_TOKEN" }),
    )
}

/// Turns the company's scheduled sync on or off (api.md §5 `toggle-sync`); returns whether it
/// is on now. Turning it on needs a usable token (422 `NO_TOKEN`).
pub async fn toggle(
    state: &AppState,
    principal: &Principal,
    company: &Company,
    now: OffsetDateTime,
) -> Result<bool, ApiError> {
    let enable = !company.sync_enabled;
    if enable {
        tokens::check(state, company.id, state.anaf.environment, now)
            .await
            .map_err(|p| no_token(&p.to_string()))?;
    }
    let mut tx = state.db.begin().await?;
    companies::set_sync_enabled(&mut tx, company.id, enable, now).await?;
    crate::tenancy::companies::record_updated(&mut tx, principal, company, now).await?;
    tx.commit().await?;
    Ok(enable)
}

/// Where the company's sync stands.
#[derive(Debug, Clone)]
pub struct Status {
    pub sync_enabled: bool,
    pub last_synced_at: Option<OffsetDateTime>,
    /// `None` when a token can be used; else why not.
    pub token_problem: Option<String>,
    pub sync_days_back: i32,
    /// Between two scheduled passes.
    pub interval: Duration,
    pub state: Option<SyncState>,
    pub running: bool,
}

pub async fn status(
    state: &AppState,
    scope: &CompanyScope,
    now: OffsetDateTime,
) -> Result<Status, ApiError> {
    let env = env_name(state.anaf.environment);
    let saved = efactura_sync::get(&state.db, scope.id(), env).await?;
    let token_problem = tokens::check(state, scope.id(), state.anaf.environment, now)
        .await
        .err()
        .map(|p| p.to_string());
    Ok(Status {
        sync_enabled: scope.company.sync_enabled,
        last_synced_at: scope.company.last_synced_at,
        token_problem,
        sync_days_back: scope.company.sync_days_back,
        interval: state.anaf.policy.sync_every,
        running: saved.as_ref().is_some_and(|s| s.is_running(now)),
        state: saved,
    })
}

impl Status {
    /// The last pass's stats, as `sync.completed` carried them.
    pub fn last_stats(&self) -> Option<Value> {
        self.state
            .as_ref()
            .and_then(|s| s.last_stats.as_ref())
            .map(|j| j.0.clone())
    }
}
