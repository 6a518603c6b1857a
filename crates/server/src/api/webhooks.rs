//! Webhooks (api.md §18): the company's endpoints, the event registry, delivery history,
//! redelivery and the test ping; and `GET /invoices/{id}/webhook-deliveries`. The work is in
//! `crate::webhooks`.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, AppPath, AppQuery, Flag, Patch};
use super::page::{Page, PageMeta};
use super::wire;
use crate::audit;
use crate::auth::Principal;
use crate::ids::{InvoiceId, WebhookDeliveryId, WebhookEndpointId};
use crate::plan::Feature;
use crate::state::AppState;
use crate::store::invoices;
use crate::store::webhooks::{self as store, AttemptRow, DeliveryFilter, DeliveryRow, EndpointRow};
use crate::tenancy::{CompanyScope, NamedCompany, Permission};
use crate::webhooks::endpoints::{self as ops, DELIVERY_NOT_FOUND, EndpointChanges, NOT_FOUND};
use crate::webhooks::{deliver, registry, signing};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(event_types))
        .routes(routes!(list, create))
        .routes(routes!(get, update, delete))
        .routes(routes!(test))
        .routes(routes!(regenerate_secret))
        .routes(routes!(deliveries))
        .routes(routes!(delivery))
        .routes(routes!(redeliver))
        .routes(routes!(invoice_deliveries))
}

/// The company of a webhooks route. With none named and none implied, the contract's 400
/// `No company selected.` (api.md §18.1); a company named that the caller may not see is the
/// usual 404, as on every other route.
#[derive(Debug)]
pub struct WebhookScope(CompanyScope);

impl FromRequestParts<AppState> for WebhookScope {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let named = NamedCompany::from_request_parts(parts, state)
            .await
            .unwrap_or_default();
        match CompanyScope::from_request_parts(parts, state).await {
            Ok(scope) => Ok(WebhookScope(scope)),
            Err(ApiError::NotFound(_)) if named.0.is_none() => {
                Err(ApiError::bad_request("No company selected."))
            }
            Err(e) => Err(e),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventType {
    pub event: &'static str,
    pub category: &'static str,
    pub description: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventTypes {
    pub data: Vec<EventType>,
    pub categories: BTreeMap<&'static str, Vec<EventType>>,
}

fn event_type(e: &registry::EventType) -> EventType {
    EventType {
        event: e.event,
        category: e.category,
        description: e.description,
    }
}

/// The events an endpoint may subscribe to (`*` subscribes to all).
#[utoipa::path(get, path = "/api/v1/webhooks/events", tag = "webhooks", operation_id = "webhook_events",
    responses((status = 200, body = EventTypes)))]
async fn event_types(_principal: Principal) -> Json<EventTypes> {
    let mut categories: BTreeMap<&'static str, Vec<EventType>> = BTreeMap::new();
    for e in registry::EVENTS {
        categories
            .entry(e.category)
            .or_default()
            .push(event_type(e));
    }
    Json(EventTypes {
        data: registry::EVENTS.iter().map(event_type).collect(),
        categories,
    })
}

/// An endpoint (api.md §25.10); `secret` is masked except on create and regenerate.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookEndpoint {
    pub id: WebhookEndpointId,
    pub url: String,
    pub description: Option<String>,
    pub events: Vec<String>,
    pub secret: String,
    pub is_active: bool,
    /// Failed deliveries since the last success; at the configured limit the endpoint is
    /// switched off.
    pub consecutive_failures: i32,
    /// Why the endpoint was switched off, if it was switched off for failing.
    pub disabled_reason: Option<String>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub disabled_at: Option<OffsetDateTime>,
    /// Until when the secret before the last rotation still signs.
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub previous_secret_expires_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

impl WebhookEndpoint {
    fn new(row: EndpointRow, secret: Option<String>, now: OffsetDateTime) -> Self {
        WebhookEndpoint {
            id: row.id,
            url: row.url,
            description: row.description,
            events: row.events.0,
            secret: secret.unwrap_or_else(|| signing::masked(&row.secret_tail)),
            is_active: row.is_active,
            consecutive_failures: row.consecutive_failures,
            disabled_reason: row.disabled_reason,
            disabled_at: row.disabled_at.map(|t| t.0),
            previous_secret_expires_at: row.previous_secret_until.map(|t| t.0).filter(|t| *t > now),
            created_at: row.created_at.0,
            updated_at: row.updated_at.0,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointData {
    pub data: WebhookEndpoint,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointList {
    pub data: Vec<WebhookEndpoint>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegeneratedSecret {
    pub data: WebhookEndpoint,
    pub secret: String,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EndpointRequest {
    /// `https://…`; plain `http://` only for hosts on `FACTURO_WEBHOOK_ALLOW_HOSTS`.
    pub url: Option<String>,
    /// Registered event names, or `*` for all.
    pub events: Option<Vec<String>>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub description: Patch<String>,
    pub is_active: Option<Flag>,
}

impl EndpointRequest {
    fn changes(self) -> EndpointChanges {
        EndpointChanges {
            url: self.url,
            events: self.events,
            description: self.description,
            is_active: self.is_active.map(|f| f.0),
        }
    }
}

/// The company's endpoints.
#[utoipa::path(get, path = "/api/v1/webhooks", tag = "webhooks", operation_id = "webhook_list",
    responses((status = 200, body = EndpointList)))]
async fn list(
    State(state): State<AppState>,
    WebhookScope(scope): WebhookScope,
) -> Result<Json<EndpointList>, ApiError> {
    scope.require(Permission::WebhookView)?;
    let now = state.now();
    let rows = store::list(&state.db, scope.id()).await?;
    Ok(Json(EndpointList {
        data: rows
            .into_iter()
            .map(|r| WebhookEndpoint::new(r, None, now))
            .collect(),
    }))
}

/// Add an endpoint; its secret is in this answer only.
#[utoipa::path(post, path = "/api/v1/webhooks", tag = "webhooks", operation_id = "webhook_create",
    request_body = EndpointRequest,
    responses((status = 201, body = EndpointData), (status = 400, description = "`{error}`: the URL, the events"),
              (status = 402, description = "The plan has no webhooks")))]
async fn create(
    State(state): State<AppState>,
    origin: audit::Origin,
    WebhookScope(scope): WebhookScope,
    AppJson(body): AppJson<EndpointRequest>,
) -> Result<(StatusCode, Json<EndpointData>), ApiError> {
    scope.require(Permission::WebhookManage)?;
    state.require_feature(Feature::Webhooks)?;
    let now = state.now();
    let (row, secret) = ops::create(&state, &scope, body.changes(), now).await?;
    record(&state, &origin, &scope, "webhook.created", &row).await;
    Ok((
        StatusCode::CREATED,
        Json(EndpointData {
            data: WebhookEndpoint::new(row, Some(secret), now),
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/webhooks/{id}", tag = "webhooks", operation_id = "webhook_get",
    params(("id" = WebhookEndpointId, Path)), responses((status = 200, body = EndpointData), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    WebhookScope(scope): WebhookScope,
    AppPath(id): AppPath<WebhookEndpointId>,
) -> Result<Json<EndpointData>, ApiError> {
    scope.require(Permission::WebhookView)?;
    let row = store::get(&state.db, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    Ok(Json(EndpointData {
        data: WebhookEndpoint::new(row, None, state.now()),
    }))
}

/// Change an endpoint: only the fields given change. `isActive: true` also forgets its
/// failures.
#[utoipa::path(patch, path = "/api/v1/webhooks/{id}", tag = "webhooks", operation_id = "webhook_update",
    params(("id" = WebhookEndpointId, Path)), request_body = EndpointRequest,
    responses((status = 200, body = EndpointData), (status = 400), (status = 404)))]
async fn update(
    State(state): State<AppState>,
    origin: audit::Origin,
    WebhookScope(scope): WebhookScope,
    AppPath(id): AppPath<WebhookEndpointId>,
    AppJson(body): AppJson<EndpointRequest>,
) -> Result<Json<EndpointData>, ApiError> {
    scope.require(Permission::WebhookManage)?;
    let now = state.now();
    let row = ops::update(&state, &scope, id, body.changes(), now).await?;
    record(&state, &origin, &scope, "webhook.updated", &row).await;
    Ok(Json(EndpointData {
        data: WebhookEndpoint::new(row, None, now),
    }))
}

/// Delete an endpoint with its delivery history.
#[utoipa::path(delete, path = "/api/v1/webhooks/{id}", tag = "webhooks", operation_id = "webhook_delete",
    params(("id" = WebhookEndpointId, Path)), responses((status = 204), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    origin: audit::Origin,
    WebhookScope(scope): WebhookScope,
    AppPath(id): AppPath<WebhookEndpointId>,
) -> Result<StatusCode, ApiError> {
    scope.require(Permission::WebhookManage)?;
    ops::delete(&state, &scope, id).await?;
    let entry = audit::Entry::new("webhook.deleted", audit::Outcome::Success)
        .by(&scope.principal)
        .detail("endpointId", id.to_string());
    audit::record(&state, &origin, entry).await;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TestResult {
    pub success: bool,
    pub status_code: Option<u16>,
    pub duration_ms: i64,
    pub error: Option<String>,
}

/// Send `webhook.test` now, once; recorded as a delivery.
#[utoipa::path(post, path = "/api/v1/webhooks/{id}/test", tag = "webhooks", operation_id = "webhook_test",
    params(("id" = WebhookEndpointId, Path)), responses((status = 200, body = TestResult), (status = 404)))]
async fn test(
    State(state): State<AppState>,
    WebhookScope(scope): WebhookScope,
    AppPath(id): AppPath<WebhookEndpointId>,
) -> Result<Json<TestResult>, ApiError> {
    scope.require(Permission::WebhookManage)?;
    let row = store::get(&state.db, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    let result = deliver::ping(&state, &row).await?;
    Ok(Json(TestResult {
        success: result.success,
        status_code: result.status_code,
        duration_ms: result.duration_ms,
        error: result.error,
    }))
}

/// A new secret, shown in this answer only; the old one keeps signing during the grace period.
#[utoipa::path(post, path = "/api/v1/webhooks/{id}/regenerate-secret", tag = "webhooks", operation_id = "webhook_regenerate_secret",
    params(("id" = WebhookEndpointId, Path)), responses((status = 200, body = RegeneratedSecret), (status = 404)))]
async fn regenerate_secret(
    State(state): State<AppState>,
    origin: audit::Origin,
    WebhookScope(scope): WebhookScope,
    AppPath(id): AppPath<WebhookEndpointId>,
) -> Result<Json<RegeneratedSecret>, ApiError> {
    scope.require(Permission::WebhookManage)?;
    let now = state.now();
    let (row, secret) = ops::rotate(&state, &scope, id, now).await?;
    record(&state, &origin, &scope, "webhook.secret_rotated", &row).await;
    Ok(Json(RegeneratedSecret {
        data: WebhookEndpoint::new(row, Some(secret.clone()), now),
        secret,
    }))
}

async fn record(
    state: &AppState,
    origin: &audit::Origin,
    scope: &CompanyScope,
    event: &'static str,
    row: &EndpointRow,
) {
    let entry = audit::Entry::new(event, audit::Outcome::Success)
        .by(&scope.principal)
        .detail("endpointId", row.id.to_string())
        .detail("companyId", scope.id().to_string())
        .detail("url", row.url.clone())
        .detail("isActive", row.is_active);
    audit::record(state, origin, entry).await;
}

/// A delivery in a list (api.md §25.11).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    pub id: WebhookDeliveryId,
    pub event_type: String,
    /// `pending`, `success`, `failed` or `retrying`.
    pub status: String,
    pub response_status_code: Option<i32>,
    pub duration_ms: Option<i64>,
    /// Attempts made so far.
    pub attempt: i32,
    pub error_message: Option<String>,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub triggered_at: OffsetDateTime,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub completed_at: Option<OffsetDateTime>,
}

impl From<&DeliveryRow> for Delivery {
    fn from(d: &DeliveryRow) -> Self {
        Delivery {
            id: d.id,
            event_type: d.event_type.clone(),
            status: d.status.clone(),
            response_status_code: d.response_status,
            duration_ms: d.duration_ms,
            attempt: d.attempt,
            error_message: d.error_message.clone(),
            triggered_at: d.triggered_at.0,
            completed_at: d.completed_at.map(|t| t.0),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryPage {
    pub data: Vec<Delivery>,
    pub meta: PageMeta,
}

/// One attempt of a delivery, as sent and as answered.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Attempt {
    pub attempt: i32,
    #[schema(value_type = Object)]
    pub request_headers: Value,
    pub status_code: Option<i32>,
    /// The first 16 KiB of the answer.
    pub response_body: Option<String>,
    pub duration_ms: i64,
    pub error: Option<String>,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub started_at: OffsetDateTime,
}

impl From<AttemptRow> for Attempt {
    fn from(a: AttemptRow) -> Self {
        Attempt {
            attempt: a.attempt,
            request_headers: a.request_headers.0,
            status_code: a.status_code,
            response_body: a.response_body,
            duration_ms: a.duration_ms,
            error: a.error,
            started_at: a.started_at.0,
        }
    }
}

/// A delivery with its payload and every attempt.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryDetail {
    #[serde(flatten)]
    pub delivery: Delivery,
    /// The exact body sent.
    #[schema(value_type = Object)]
    pub payload: Value,
    pub response_body: Option<String>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub next_retry_at: Option<OffsetDateTime>,
    /// The delivery this one repeats (a manual redelivery).
    pub redelivery_of: Option<WebhookDeliveryId>,
    pub attempts: Vec<Attempt>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryData {
    pub data: DeliveryDetail,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryQuery {
    pub page: Option<i64>,
    pub limit: Option<i64>,
    /// `pending`, `success`, `failed` or `retrying`.
    pub status: Option<String>,
    /// An event name (`invoice.issued`).
    pub event: Option<String>,
}

/// An endpoint's deliveries, newest first.
#[utoipa::path(get, path = "/api/v1/webhooks/{id}/deliveries", tag = "webhooks", operation_id = "webhook_deliveries",
    params(("id" = WebhookEndpointId, Path), ("page" = Option<i64>, Query), ("limit" = Option<i64>, Query),
        ("status" = Option<String>, Query), ("event" = Option<String>, Query)),
    responses((status = 200, body = DeliveryPage), (status = 404)))]
async fn deliveries(
    State(state): State<AppState>,
    WebhookScope(scope): WebhookScope,
    AppPath(id): AppPath<WebhookEndpointId>,
    AppQuery(q): AppQuery<DeliveryQuery>,
) -> Result<Json<DeliveryPage>, ApiError> {
    scope.require(Permission::WebhookView)?;
    store::get(&state.db, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    let page = Page::new(q.page, q.limit);
    let filter = DeliveryFilter {
        status: q.status.filter(|s| !s.is_empty()),
        event_type: q.event.filter(|s| !s.is_empty()),
    };
    let (rows, total) = store::deliveries(&state.db, scope.id(), id, &filter, page).await?;
    Ok(Json(DeliveryPage {
        data: rows.iter().map(Delivery::from).collect(),
        meta: page.meta(total),
    }))
}

/// A delivery: the exact payload, the answer, and every attempt with its headers.
#[utoipa::path(get, path = "/api/v1/webhooks/{id}/deliveries/{deliveryId}", tag = "webhooks", operation_id = "webhook_delivery",
    params(("id" = WebhookEndpointId, Path), ("deliveryId" = WebhookDeliveryId, Path)),
    responses((status = 200, body = DeliveryData), (status = 404)))]
async fn delivery(
    State(state): State<AppState>,
    WebhookScope(scope): WebhookScope,
    AppPath((id, delivery_id)): AppPath<(WebhookEndpointId, WebhookDeliveryId)>,
) -> Result<Json<DeliveryData>, ApiError> {
    scope.require(Permission::WebhookView)?;
    store::get(&state.db, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    let row = store::delivery(&state.db, scope.id(), id, delivery_id)
        .await?
        .ok_or(DELIVERY_NOT_FOUND)?;
    let attempts = store::attempts(&state.db, row.id).await?;
    Ok(Json(DeliveryData {
        data: DeliveryDetail {
            delivery: Delivery::from(&row),
            payload: serde_json::from_str(&row.payload)
                .unwrap_or(Value::String(row.payload.clone())),
            response_body: row.response_body,
            next_retry_at: row.next_retry_at.map(|t| t.0),
            redelivery_of: row.redelivery_of,
            attempts: attempts.into_iter().map(Attempt::from).collect(),
        },
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Queued {
    pub status: &'static str,
    /// The new delivery.
    pub id: WebhookDeliveryId,
}

/// Send a delivery's payload again, as a new delivery (attempt 1).
#[utoipa::path(post, path = "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry", tag = "webhooks", operation_id = "webhook_redeliver",
    params(("id" = WebhookEndpointId, Path), ("deliveryId" = WebhookDeliveryId, Path)),
    responses((status = 202, body = Queued), (status = 404), (status = 409, description = "The endpoint is inactive")))]
async fn redeliver(
    State(state): State<AppState>,
    WebhookScope(scope): WebhookScope,
    AppPath((id, delivery_id)): AppPath<(WebhookEndpointId, WebhookDeliveryId)>,
) -> Result<(StatusCode, Json<Queued>), ApiError> {
    scope.require(Permission::WebhookManage)?;
    let new = ops::redeliver(&state, &scope, id, delivery_id, state.now()).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(Queued {
            status: "queued",
            id: new,
        }),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EndpointRef {
    pub id: WebhookEndpointId,
    pub url: String,
    pub description: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDelivery {
    #[serde(flatten)]
    pub delivery: Delivery,
    pub endpoint: EndpointRef,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub next_retry_at: Option<OffsetDateTime>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceDeliveryPage {
    pub data: Vec<InvoiceDelivery>,
    pub meta: PageMeta,
}

/// The deliveries of an invoice's events, newest first.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/webhook-deliveries", tag = "webhooks", operation_id = "invoice_webhook_deliveries",
    params(("id" = InvoiceId, Path), ("page" = Option<i64>, Query), ("limit" = Option<i64>, Query)),
    responses((status = 200, body = InvoiceDeliveryPage), (status = 404)))]
async fn invoice_deliveries(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
    AppQuery(q): AppQuery<DeliveryQuery>,
) -> Result<Json<InvoiceDeliveryPage>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    let page = Page::new(q.page, q.limit);
    let (rows, total) = store::deliveries_about(&state.db, scope.id(), id.0, page).await?;
    Ok(Json(InvoiceDeliveryPage {
        data: rows
            .into_iter()
            .map(|r| InvoiceDelivery {
                delivery: Delivery::from(&r.delivery),
                endpoint: EndpointRef {
                    id: r.delivery.endpoint_id,
                    url: r.url,
                    description: r.description,
                },
                next_retry_at: r.delivery.next_retry_at.map(|t| t.0),
            })
            .collect(),
        meta: page.meta(total),
    }))
}
