//! Webhook endpoints, their deliveries and every attempt of a delivery (issue #6). Endpoints and
//! deliveries are addressed with the company id first, so a foreign id finds nothing.

use sqlx::types::Json;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{Db, Ts, Tx};
use crate::api::page::Page;
use crate::ids::{
    CompanyId, EventId, OrgId, UserId, WebhookAttemptId, WebhookDeliveryId, WebhookEndpointId,
};
use crate::{on_db, on_tx};

/// A stored endpoint. The secrets are sealed (`vault::Purpose::WebhookSecret`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EndpointRow {
    pub id: WebhookEndpointId,
    pub company_id: CompanyId,
    pub url: String,
    pub description: Option<String>,
    pub events: Json<Vec<String>>,
    pub secret_enc: String,
    /// The secret's last 8 characters (the masked form is `***` + these).
    pub secret_tail: String,
    pub previous_secret_enc: Option<String>,
    pub previous_secret_until: Option<Ts>,
    pub is_active: bool,
    pub consecutive_failures: i32,
    pub disabled_reason: Option<String>,
    pub disabled_at: Option<Ts>,
    pub created_by: Option<UserId>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

macro_rules! endpoint_columns {
    () => {
        "SELECT id, company_id, url, description, events, secret_enc, secret_tail, previous_secret_enc, \
         previous_secret_until, is_active, consecutive_failures, disabled_reason, disabled_at, created_by, \
         created_at, updated_at FROM webhook_endpoints"
    };
}

pub async fn insert(tx: &mut Tx, e: &EndpointRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO webhook_endpoints (id, company_id, url, description, events, secret_enc, secret_tail, \
         is_active, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(e.id).bind(e.company_id).bind(&e.url).bind(&e.description).bind(&e.events)
    .bind(&e.secret_enc).bind(&e.secret_tail).bind(e.is_active).bind(e.created_by)
    .bind(e.created_at).bind(e.updated_at)
    .execute(c)
    .await.map(|_| ()))
}

/// Writes every changeable field of `e`.
pub async fn update(tx: &mut Tx, e: &EndpointRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE webhook_endpoints SET url = $3, description = $4, events = $5, secret_enc = $6, \
         secret_tail = $7, previous_secret_enc = $8, previous_secret_until = $9, is_active = $10, \
         consecutive_failures = $11, disabled_reason = $12, disabled_at = $13, updated_at = $14 \
         WHERE company_id = $1 AND id = $2",
    )
    .bind(e.company_id).bind(e.id).bind(&e.url).bind(&e.description).bind(&e.events)
    .bind(&e.secret_enc).bind(&e.secret_tail).bind(&e.previous_secret_enc).bind(e.previous_secret_until)
    .bind(e.is_active).bind(e.consecutive_failures).bind(&e.disabled_reason).bind(e.disabled_at)
    .bind(e.updated_at)
    .execute(c)
    .await.map(|_| ()))
}

/// The company's endpoints, oldest first.
pub async fn list(db: &Db, company: CompanyId) -> Result<Vec<EndpointRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, EndpointRow>(concat!(endpoint_columns!(),
        " WHERE company_id = $1 ORDER BY created_at, id"))
        .bind(company)
        .fetch_all(c)
        .await)
}

pub async fn get(
    db: &Db,
    company: CompanyId,
    id: WebhookEndpointId,
) -> Result<Option<EndpointRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, EndpointRow>(concat!(endpoint_columns!(),
        " WHERE company_id = $1 AND id = $2"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub async fn get_in(
    tx: &mut Tx,
    company: CompanyId,
    id: WebhookEndpointId,
) -> Result<Option<EndpointRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, EndpointRow>(concat!(endpoint_columns!(),
        " WHERE company_id = $1 AND id = $2"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// Deletes an endpoint with its deliveries and their attempts.
pub async fn delete(
    tx: &mut Tx,
    company: CompanyId,
    id: WebhookEndpointId,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM webhook_endpoints WHERE company_id = $1 AND id = $2")
        .bind(company)
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// An active endpoint's subscriptions, for the relay.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Subscriber {
    pub id: WebhookEndpointId,
    pub events: Json<Vec<String>>,
    pub created_at: Ts,
}

pub async fn subscribers(tx: &mut Tx, company: CompanyId) -> Result<Vec<Subscriber>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, Subscriber>(
        "SELECT id, events, created_at FROM webhook_endpoints WHERE company_id = $1 AND is_active ORDER BY id",
    )
    .bind(company)
    .fetch_all(c)
    .await)
}

/// A delivery to create.
#[derive(Debug, Clone)]
pub struct NewDelivery<'a> {
    pub id: WebhookDeliveryId,
    pub endpoint_id: WebhookEndpointId,
    pub company_id: CompanyId,
    pub event_id: Option<EventId>,
    pub subject_id: Option<Uuid>,
    pub event_type: &'a str,
    pub payload: &'a str,
    pub is_test: bool,
    pub redelivery_of: Option<WebhookDeliveryId>,
}

/// Inserts a pending delivery; false when the outbox made this one already (the relay ran the
/// event twice).
pub async fn insert_delivery(
    tx: &mut Tx,
    d: &NewDelivery<'_>,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "INSERT INTO webhook_deliveries (id, endpoint_id, company_id, event_id, subject_id, event_type, \
         payload, status, attempt, is_test, redelivery_of, triggered_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $9, $10) ON CONFLICT DO NOTHING",
    )
    .bind(d.id).bind(d.endpoint_id).bind(d.company_id).bind(d.event_id).bind(d.subject_id)
    .bind(d.event_type).bind(d.payload).bind(d.is_test).bind(d.redelivery_of).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// What sending a delivery needs: the delivery and its endpoint.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Outgoing {
    pub id: WebhookDeliveryId,
    pub endpoint_id: WebhookEndpointId,
    pub company_id: CompanyId,
    pub organization_id: OrgId,
    pub event_type: String,
    pub payload: String,
    pub status: String,
    pub attempt: i32,
    pub is_test: bool,
    pub url: String,
    pub is_active: bool,
    pub secret_enc: String,
    pub previous_secret_enc: Option<String>,
    pub previous_secret_until: Option<Ts>,
}

pub async fn outgoing(db: &Db, id: WebhookDeliveryId) -> Result<Option<Outgoing>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, Outgoing>(
        "SELECT d.id, d.endpoint_id, d.company_id, c.organization_id, d.event_type, d.payload, d.status, \
         d.attempt, d.is_test, e.url, e.is_active, e.secret_enc, e.previous_secret_enc, e.previous_secret_until \
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id \
         JOIN companies c ON c.id = d.company_id WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(c)
    .await)
}

/// One attempt's outcome, and where it leaves the delivery.
#[derive(Debug, Clone)]
pub struct AttemptRecord {
    pub delivery_id: WebhookDeliveryId,
    /// The attempt's number (from 1).
    pub attempt: i32,
    pub request_headers: serde_json::Value,
    pub status_code: Option<i32>,
    pub response_body: Option<String>,
    pub duration_ms: i64,
    pub error: Option<String>,
    pub started_at: OffsetDateTime,
    /// `success`, `retrying` or `failed`.
    pub status: &'static str,
    pub next_retry_at: Option<OffsetDateTime>,
    pub completed_at: Option<OffsetDateTime>,
}

/// Writes an attempt and moves its delivery on, unless another run recorded this attempt
/// already (false: nothing was written).
pub async fn record_attempt(tx: &mut Tx, a: &AttemptRecord) -> Result<bool, sqlx::Error> {
    let moved = on_tx!(tx, c => sqlx::query(
        "UPDATE webhook_deliveries SET status = $3, attempt = $2, response_status = $4, response_body = $5, \
         duration_ms = $6, error_message = $7, next_retry_at = $8, completed_at = $9 \
         WHERE id = $1 AND attempt = $2 - 1 AND status IN ('pending', 'retrying')",
    )
    .bind(a.delivery_id).bind(a.attempt).bind(a.status).bind(a.status_code).bind(&a.response_body)
    .bind(a.duration_ms).bind(&a.error).bind(a.next_retry_at.map(Ts)).bind(a.completed_at.map(Ts))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    if moved != 1 {
        return Ok(false);
    }
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO webhook_attempts (id, delivery_id, attempt, request_headers, status_code, response_body, \
         duration_ms, error, started_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(WebhookAttemptId::new()).bind(a.delivery_id).bind(a.attempt).bind(Json(&a.request_headers))
    .bind(a.status_code).bind(&a.response_body).bind(a.duration_ms).bind(&a.error).bind(Ts(a.started_at))
    .execute(c)
    .await.map(|_| ()))?;
    Ok(true)
}

/// Ends a waiting delivery without an attempt (its endpoint was switched off).
pub async fn abandon(
    tx: &mut Tx,
    id: WebhookDeliveryId,
    reason: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE webhook_deliveries SET status = 'failed', error_message = $2, next_retry_at = NULL, completed_at = $3 \
         WHERE id = $1 AND status IN ('pending', 'retrying')",
    )
    .bind(id).bind(reason).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// A delivery ended well: the endpoint's run of failures is over.
pub async fn note_success(tx: &mut Tx, endpoint: WebhookEndpointId) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures > 0",
    )
    .bind(endpoint)
    .execute(c)
    .await.map(|_| ()))
}

/// A delivery ended failed: the endpoint's run of failures, now.
pub async fn note_failure(tx: &mut Tx, endpoint: WebhookEndpointId) -> Result<i32, sqlx::Error> {
    let n: Option<i32> = on_tx!(tx, c => sqlx::query_scalar(
        "UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 \
         RETURNING consecutive_failures",
    )
    .bind(endpoint)
    .fetch_optional(c)
    .await)?;
    Ok(n.unwrap_or(0))
}

/// Switches an active endpoint off; false when it was off already.
pub async fn disable(
    tx: &mut Tx,
    endpoint: WebhookEndpointId,
    reason: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE webhook_endpoints SET is_active = FALSE, disabled_reason = $2, disabled_at = $3, updated_at = $3 \
         WHERE id = $1 AND is_active",
    )
    .bind(endpoint).bind(reason).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// A delivery as the API shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryRow {
    pub id: WebhookDeliveryId,
    pub endpoint_id: WebhookEndpointId,
    pub event_id: Option<EventId>,
    pub subject_id: Option<Uuid>,
    pub event_type: String,
    pub payload: String,
    pub status: String,
    pub attempt: i32,
    pub response_status: Option<i32>,
    pub response_body: Option<String>,
    pub duration_ms: Option<i64>,
    pub error_message: Option<String>,
    pub next_retry_at: Option<Ts>,
    pub is_test: bool,
    pub redelivery_of: Option<WebhookDeliveryId>,
    pub triggered_at: Ts,
    pub completed_at: Option<Ts>,
}

macro_rules! delivery_columns {
    () => {
        "SELECT d.id, d.endpoint_id, d.event_id, d.subject_id, d.event_type, d.payload, d.status, d.attempt, \
         d.response_status, d.response_body, d.duration_ms, d.error_message, d.next_retry_at, d.is_test, \
         d.redelivery_of, d.triggered_at, d.completed_at FROM webhook_deliveries d"
    };
}

/// Narrows a delivery list; `None` is any.
#[derive(Debug, Clone, Default)]
pub struct DeliveryFilter {
    pub status: Option<String>,
    pub event_type: Option<String>,
}

/// An endpoint's deliveries, newest first, and how many match in all.
pub async fn deliveries(
    db: &Db,
    company: CompanyId,
    endpoint: WebhookEndpointId,
    filter: &DeliveryFilter,
    page: Page,
) -> Result<(Vec<DeliveryRow>, i64), sqlx::Error> {
    const WHERE: &str = " WHERE d.company_id = $1 AND d.endpoint_id = $2 \
        AND ($3 IS NULL OR d.status = $3) AND ($4 IS NULL OR d.event_type = $4)";
    let list_sql = format!(
        "{}{WHERE} ORDER BY d.triggered_at DESC, d.id DESC LIMIT $5 OFFSET $6",
        delivery_columns!()
    );
    let count_sql = format!("SELECT COUNT(*) FROM webhook_deliveries d{WHERE}");
    let rows = on_db!(db, c => sqlx::query_as::<_, DeliveryRow>(sqlx::AssertSqlSafe(list_sql))
        .bind(company).bind(endpoint).bind(&filter.status).bind(&filter.event_type)
        .bind(page.limit).bind(page.offset())
        .fetch_all(c)
        .await)?;
    let total: i64 = on_db!(db, c => sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql))
        .bind(company).bind(endpoint).bind(&filter.status).bind(&filter.event_type)
        .fetch_one(c)
        .await)?;
    Ok((rows, total))
}

pub async fn delivery(
    db: &Db,
    company: CompanyId,
    endpoint: WebhookEndpointId,
    id: WebhookDeliveryId,
) -> Result<Option<DeliveryRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, DeliveryRow>(concat!(delivery_columns!(),
        " WHERE d.company_id = $1 AND d.endpoint_id = $2 AND d.id = $3"))
        .bind(company).bind(endpoint).bind(id)
        .fetch_optional(c)
        .await)
}

/// A delivery of a record's events, with its endpoint.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SubjectDelivery {
    #[sqlx(flatten)]
    pub delivery: DeliveryRow,
    pub url: String,
    pub description: Option<String>,
}

/// The deliveries of the events about `subject` (an invoice), newest first, and their count.
pub async fn deliveries_about(
    db: &Db,
    company: CompanyId,
    subject: Uuid,
    page: Page,
) -> Result<(Vec<SubjectDelivery>, i64), sqlx::Error> {
    let rows = on_db!(db, c => sqlx::query_as::<_, SubjectDelivery>(
        "SELECT d.id, d.endpoint_id, d.event_id, d.subject_id, d.event_type, d.payload, d.status, d.attempt, \
         d.response_status, d.response_body, d.duration_ms, d.error_message, d.next_retry_at, d.is_test, \
         d.redelivery_of, d.triggered_at, d.completed_at, e.url, e.description \
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id \
         WHERE d.company_id = $1 AND d.subject_id = $2 ORDER BY d.triggered_at DESC, d.id DESC LIMIT $3 OFFSET $4",
    )
    .bind(company).bind(subject).bind(page.limit).bind(page.offset())
    .fetch_all(c)
    .await)?;
    let total: i64 = on_db!(db, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM webhook_deliveries WHERE company_id = $1 AND subject_id = $2",
    )
    .bind(company).bind(subject)
    .fetch_one(c)
    .await)?;
    Ok((rows, total))
}

/// One attempt of a delivery.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttemptRow {
    pub attempt: i32,
    pub request_headers: Json<serde_json::Value>,
    pub status_code: Option<i32>,
    pub response_body: Option<String>,
    pub duration_ms: i64,
    pub error: Option<String>,
    pub started_at: Ts,
}

pub async fn attempts(
    db: &Db,
    delivery: WebhookDeliveryId,
) -> Result<Vec<AttemptRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, AttemptRow>(
        "SELECT attempt, request_headers, status_code, response_body, duration_ms, error, started_at \
         FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempt, started_at",
    )
    .bind(delivery)
    .fetch_all(c)
    .await)
}
