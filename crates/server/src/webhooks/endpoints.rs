//! Endpoint operations behind the API (api.md §18.1): create, change, delete, rotate the
//! secret, redeliver. Errors are the contract's `{error}` messages.

use time::OffsetDateTime;

use super::{registry, signing, target};
use crate::api::error::ApiError;
use crate::api::json::Patch;
use crate::ids::{WebhookDeliveryId, WebhookEndpointId};
use crate::jobs::{self, Job};
use crate::state::AppState;
use crate::store::Ts;
use crate::store::webhooks::{self as store, EndpointRow, NewDelivery};
use crate::tenancy::CompanyScope;
use crate::vault::cipher::Purpose;

pub const NOT_FOUND: ApiError = ApiError::NotFound("Webhook endpoint not found.");
pub const DELIVERY_NOT_FOUND: ApiError = ApiError::NotFound("Delivery not found.");
const URL_MAX: usize = 2048;
const DESCRIPTION_MAX: usize = 500;

/// The fields a request sets; on a change, `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct EndpointChanges {
    pub url: Option<String>,
    pub events: Option<Vec<String>>,
    pub description: Patch<String>,
    pub is_active: Option<bool>,
}

/// A new endpoint and its secret, shown this once.
pub async fn create(
    state: &AppState,
    scope: &CompanyScope,
    changes: EndpointChanges,
    now: OffsetDateTime,
) -> Result<(EndpointRow, String), ApiError> {
    let url = checked_url(state, changes.url.as_deref()).await?;
    let events = checked_events(changes.events.as_deref())?;
    let id = WebhookEndpointId::new();
    let secret = signing::new_secret();
    let row = EndpointRow {
        id,
        company_id: scope.id(),
        url,
        description: description(changes.description.apply(None))?,
        events: sqlx::types::Json(events),
        secret_enc: seal(state, id, &secret)?,
        secret_tail: signing::tail(&secret),
        previous_secret_enc: None,
        previous_secret_until: None,
        is_active: changes.is_active.unwrap_or(true),
        consecutive_failures: 0,
        disabled_reason: None,
        disabled_at: None,
        created_by: Some(scope.principal.user.id),
        created_at: Ts(now),
        updated_at: Ts(now),
    };
    let mut tx = state.db.begin().await?;
    store::insert(&mut tx, &row).await?;
    tx.commit().await?;
    Ok((row, secret))
}

/// Changes the fields given. Switching an endpoint back on forgets its failures.
pub async fn update(
    state: &AppState,
    scope: &CompanyScope,
    id: WebhookEndpointId,
    changes: EndpointChanges,
    now: OffsetDateTime,
) -> Result<EndpointRow, ApiError> {
    // Checked before the transaction: resolving the host may take a while.
    let url = match changes.url.as_deref() {
        Some(url) => Some(checked_url(state, Some(url)).await?),
        None => None,
    };
    let events = match changes.events.as_deref() {
        Some(events) => Some(checked_events(Some(events))?),
        None => None,
    };
    let mut tx = state.db.begin().await?;
    let mut row = store::get_in(&mut tx, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    if let Some(url) = url {
        row.url = url;
    }
    if let Some(events) = events {
        row.events = sqlx::types::Json(events);
    }
    if !changes.description.is_absent() {
        row.description = description(changes.description.apply(row.description.take()))?;
    }
    match changes.is_active {
        Some(true) if !row.is_active => {
            row.is_active = true;
            row.consecutive_failures = 0;
            row.disabled_reason = None;
            row.disabled_at = None;
        }
        Some(false) => row.is_active = false,
        _ => {}
    }
    row.updated_at = Ts(now);
    store::update(&mut tx, &row).await?;
    tx.commit().await?;
    Ok(row)
}

pub async fn delete(
    state: &AppState,
    scope: &CompanyScope,
    id: WebhookEndpointId,
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    if !store::delete(&mut tx, scope.id(), id).await? {
        return Err(NOT_FOUND);
    }
    tx.commit().await?;
    Ok(())
}

/// A new secret; the one before keeps signing (as a second `v1`) for the grace period.
pub async fn rotate(
    state: &AppState,
    scope: &CompanyScope,
    id: WebhookEndpointId,
    now: OffsetDateTime,
) -> Result<(EndpointRow, String), ApiError> {
    let secret = signing::new_secret();
    let sealed = seal(state, id, &secret)?;
    let mut tx = state.db.begin().await?;
    let mut row = store::get_in(&mut tx, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    let grace = time::Duration::try_from(state.config.webhooks.secret_grace)
        .map_err(|e| anyhow::anyhow!("the secret grace period: {e}"))?;
    row.previous_secret_enc = Some(std::mem::replace(&mut row.secret_enc, sealed));
    row.previous_secret_until = (!grace.is_zero()).then_some(Ts(now + grace));
    row.secret_tail = signing::tail(&secret);
    row.updated_at = Ts(now);
    store::update(&mut tx, &row).await?;
    tx.commit().await?;
    Ok((row, secret))
}

/// Queues a new delivery of a delivery's payload (same payload `id`), attempt 1.
pub async fn redeliver(
    state: &AppState,
    scope: &CompanyScope,
    endpoint: WebhookEndpointId,
    delivery: WebhookDeliveryId,
    now: OffsetDateTime,
) -> Result<WebhookDeliveryId, ApiError> {
    let row = store::get(&state.db, scope.id(), endpoint)
        .await?
        .ok_or(NOT_FOUND)?;
    let original = store::delivery(&state.db, scope.id(), endpoint, delivery)
        .await?
        .ok_or(DELIVERY_NOT_FOUND)?;
    if !row.is_active {
        return Err(ApiError::conflict("Webhook endpoint is inactive."));
    }
    let id = WebhookDeliveryId::new();
    let mut tx = state.db.begin().await?;
    store::insert_delivery(
        &mut tx,
        &NewDelivery {
            id,
            endpoint_id: endpoint,
            company_id: scope.id(),
            event_id: original.event_id,
            subject_id: original.subject_id,
            event_type: &original.event_type,
            payload: &original.payload,
            is_test: original.is_test,
            redelivery_of: Some(original.id),
        },
        now,
    )
    .await?;
    jobs::enqueue(
        &mut tx,
        &Job::DeliverWebhook { delivery_id: id },
        now,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

async fn checked_url(state: &AppState, url: Option<&str>) -> Result<String, ApiError> {
    let invalid = || ApiError::bad_request("A valid HTTPS URL is required.");
    let url = url
        .map(str::trim)
        .filter(|u| !u.is_empty() && u.len() <= URL_MAX)
        .ok_or_else(invalid)?;
    let settings = &state.config.webhooks;
    let parsed = target::parse(url, settings).map_err(|e| ApiError::bad_request(e.to_string()))?;
    target::check(&parsed, settings)
        .await
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok(parsed.to_string())
}

fn checked_events(events: Option<&[String]>) -> Result<Vec<String>, ApiError> {
    let events = events
        .filter(|e| !e.is_empty())
        .ok_or_else(|| ApiError::bad_request("At least one event type is required."))?;
    let mut out: Vec<String> = Vec::with_capacity(events.len());
    for event in events {
        let event = event.trim();
        if event != registry::ALL && registry::find(event).is_none() {
            return Err(ApiError::bad_request(format!(
                "Invalid event type: {}",
                event.chars().take(100).collect::<String>()
            )));
        }
        if !out.iter().any(|e| e == event) {
            out.push(event.to_owned());
        }
    }
    Ok(out)
}

fn description(text: Option<String>) -> Result<Option<String>, ApiError> {
    match text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()) {
        Some(t) if t.chars().count() > DESCRIPTION_MAX => Err(ApiError::bad_request(format!(
            "The description is longer than {DESCRIPTION_MAX} characters."
        ))),
        other => Ok(other),
    }
}

fn seal(state: &AppState, id: WebhookEndpointId, secret: &str) -> Result<String, ApiError> {
    state
        .vault
        .seal(id.0, Purpose::WebhookSecret, secret)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("sealing a webhook secret: {e}")))
}
