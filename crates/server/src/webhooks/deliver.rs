//! Sending a delivery: one attempt per run of its job. A 2xx answer ends it `success`; any
//! other answer, a refused or failed connection or a timeout fails the attempt, and the
//! delivery waits `retrying` (base × 5^(n−1), ±20 % jitter) until its last attempt ends it
//! `failed`. A failed delivery counts against its endpoint, which is switched off after
//! `disable_after` of them in a row. A secret the vault cannot open ends the delivery `failed`
//! at once, unsent: retrying cannot mend it, regenerating the secret and redelivering does.

use rand::Rng;
use serde_json::{Value, json};
use time::OffsetDateTime;

use super::{Settings, registry, signing, target};
use crate::events::{self, DomainEvent, Origin};
use crate::ids::{EventId, WebhookDeliveryId, WebhookEndpointId};
use crate::jobs::runner::JobError;
use crate::jobs::{self, Job};
use crate::mail::Email;
use crate::state::AppState;
use crate::store::Tx;
use crate::store::members;
use crate::store::webhooks::{self as store, AttemptRecord, EndpointRow, NewDelivery, Outgoing};
use crate::vault::cipher::Purpose;

/// The user agent the Storno API's webhooks send (api.md §18.3).
pub const USER_AGENT: &str = "Storno-Webhook/1.0";
/// Why a waiting delivery ends when its endpoint is off.
const INACTIVE: &str = "The endpoint is inactive.";
/// The longest error message kept (api.md §18.3: ≤ 500 characters).
const ERROR_CHARS: usize = 500;

/// What one attempt got.
#[derive(Debug, Clone)]
pub struct Sent {
    pub headers: Value,
    pub status_code: Option<u16>,
    pub body: Option<String>,
    pub duration_ms: i64,
    pub error: Option<String>,
}

impl Sent {
    /// An attempt that ended before a request could be made.
    fn unsent(error: &str) -> Sent {
        Sent {
            headers: json!({}),
            status_code: None,
            body: None,
            duration_ms: 0,
            error: Some(clip(error, ERROR_CHARS)),
        }
    }

    pub fn succeeded(&self) -> bool {
        self.error.is_none() && self.status_code.is_some_and(|s| (200..300).contains(&s))
    }

    /// The attempt's row, and where it leaves its delivery (`completed_at` unless it waits).
    fn record(
        &self,
        delivery_id: WebhookDeliveryId,
        attempt: i32,
        started_at: OffsetDateTime,
        status: &'static str,
        next_retry_at: Option<OffsetDateTime>,
        now: OffsetDateTime,
    ) -> AttemptRecord {
        AttemptRecord {
            delivery_id,
            attempt,
            request_headers: self.headers.clone(),
            status_code: self.status_code.map(i32::from),
            response_body: self.body.clone(),
            duration_ms: self.duration_ms,
            error: self.error.clone(),
            started_at,
            status,
            next_retry_at,
            completed_at: next_retry_at.is_none().then_some(now),
        }
    }
}

/// The job: the next attempt of `id`, if it still waits for one.
pub async fn run(state: &AppState, id: WebhookDeliveryId) -> Result<(), JobError> {
    let Some(out) = store::outgoing(&state.db, id).await? else {
        return Ok(()); // its endpoint was deleted
    };
    if !matches!(out.status.as_str(), "pending" | "retrying") {
        return Ok(()); // ended by an earlier run
    }
    if !out.is_active {
        let mut tx = state.db.begin().await?;
        store::abandon(&mut tx, id, INACTIVE, state.now()).await?;
        tx.commit().await?;
        return Ok(());
    }
    let sealed = Sealed {
        endpoint: out.endpoint_id,
        current: &out.secret_enc,
        previous: out.previous_secret_enc.as_deref(),
        previous_until: out.previous_secret_until.map(|t| t.0),
    };
    let attempt = out.attempt + 1;
    let request = Request {
        url: &out.url,
        event_type: &out.event_type,
        delivery: id,
        payload: &out.payload,
        attempt,
    };
    let started_at = state.now();
    let (sent, retry) = match sealed.open(state, started_at) {
        Ok(secrets) => (send(state, &request, &secrets, started_at).await, true),
        // Waiting cannot mend it: the delivery ends now, and is redelivered once the secret
        // is regenerated.
        Err(problem) => (Sent::unsent(&problem), false),
    };
    let now = state.now();
    let settings = &state.config.webhooks;
    let last = out.is_test || !retry || attempt >= settings.max_attempts;
    let (status, next_retry_at) = if sent.succeeded() {
        ("success", None)
    } else if last {
        ("failed", None)
    } else {
        ("retrying", Some(now + retry_delay(settings, attempt)))
    };
    let record = sent.record(id, attempt, started_at, status, next_retry_at, now);
    let mut tx = state.db.begin().await?;
    if !store::record_attempt(&mut tx, &record).await? {
        return Ok(()); // another run recorded this attempt
    }
    if !out.is_test {
        match status {
            "success" => store::note_success(&mut tx, out.endpoint_id).await?,
            "failed" => count_failure(state, &mut tx, &out, sent.error.as_deref(), now).await?,
            _ => {}
        }
    }
    tx.commit().await?;
    match next_retry_at {
        Some(at) => Err(JobError::Later(at)),
        None => Ok(()),
    }
}

/// An endpoint's sealed secrets.
struct Sealed<'a> {
    endpoint: WebhookEndpointId,
    current: &'a str,
    previous: Option<&'a str>,
    previous_until: Option<OffsetDateTime>,
}

impl Sealed<'_> {
    /// The secrets that sign at `now`: the current one, and the one before while its grace
    /// lasts. A current secret the vault cannot open (its key was lost or changed) is an
    /// error that says what to do; a previous one is left out, since the current one signs.
    fn open(&self, state: &AppState, now: OffsetDateTime) -> Result<Vec<String>, String> {
        let open = |sealed: &str| {
            state
                .vault
                .open(self.endpoint.0, Purpose::WebhookSecret, sealed)
                .map(|s| s.expose().to_owned())
        };
        let current = open(self.current).map_err(|e| {
            format!(
                "The endpoint's signing secret cannot be opened ({e}). Regenerate the secret, \
                 then redeliver."
            )
        })?;
        let mut secrets = vec![current];
        if let (Some(previous), Some(until)) = (self.previous, self.previous_until)
            && until > now
        {
            match open(previous) {
                Ok(secret) => secrets.push(secret),
                Err(e) => tracing::warn!(
                    endpoint = %self.endpoint,
                    error = %e,
                    "a webhook endpoint's previous secret cannot be opened; signing with the current one only"
                ),
            }
        }
        Ok(secrets)
    }
}

/// What one attempt sends.
struct Request<'a> {
    url: &'a str,
    event_type: &'a str,
    delivery: WebhookDeliveryId,
    payload: &'a str,
    attempt: i32,
}

/// The wait after failed attempt `attempt` (from 1): `retry_base` × 5^(attempt−1), ±20 %.
pub fn retry_delay(settings: &Settings, attempt: i32) -> time::Duration {
    let base = settings.retry_base.as_secs_f64() * 5f64.powi(attempt.clamp(1, 8) - 1);
    let jitter = rand::thread_rng().gen_range(0.8..=1.2);
    time::Duration::seconds_f64(base * jitter)
}

/// The headers of an attempt, signed with `secrets` (the newest first) at `now`.
pub fn headers(
    event_type: &str,
    delivery: WebhookDeliveryId,
    attempt: i32,
    secrets: &[String],
    body: &[u8],
    now: OffsetDateTime,
) -> Vec<(&'static str, String)> {
    let t = now.unix_timestamp();
    let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
    let newest = refs.first().copied().unwrap_or_default();
    vec![
        ("Content-Type", "application/json".to_owned()),
        ("User-Agent", USER_AGENT.to_owned()),
        ("X-Webhook-Event", event_type.to_owned()),
        ("X-Webhook-Id", delivery.to_string()),
        ("X-Webhook-Attempt", attempt.to_string()),
        ("X-Webhook-Timestamp", t.to_string()),
        ("X-Webhook-Signature", signing::body_signature(newest, body)),
        (
            "X-Facturo-Signature",
            signing::timestamped_header(&refs, t, body),
        ),
    ]
}

/// Sends one attempt and reads at most `response_cap` bytes of the answer.
async fn send(
    state: &AppState,
    req: &Request<'_>,
    secrets: &[String],
    now: OffsetDateTime,
) -> Sent {
    let settings = &state.config.webhooks;
    let headers = headers(
        req.event_type,
        req.delivery,
        req.attempt,
        secrets,
        req.payload.as_bytes(),
        now,
    );
    let recorded = Value::Object(
        headers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::String(v.clone())))
            .collect(),
    );
    let started = tokio::time::Instant::now();
    let elapsed = move || i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    let failed = |error: String| Sent {
        headers: recorded.clone(),
        status_code: None,
        body: None,
        duration_ms: elapsed(),
        error: Some(clip(&error, ERROR_CHARS)),
    };
    // The resolver checks host names; an address written in the URL never reaches it.
    let url = match target::parse(req.url, settings) {
        Ok(url) => url,
        Err(e) => return failed(e.to_string()),
    };
    if url.domain().is_none()
        && let Err(e) = target::check(&url, settings).await
    {
        return failed(e.to_string());
    }
    let mut request = state.webhook_http.post(url).body(req.payload.to_owned());
    for (name, value) in &headers {
        request = request.header(*name, value);
    }
    let mut response = match request.send().await {
        Ok(r) => r,
        Err(e) => return failed(describe(&e, settings)),
    };
    let status = response.status();
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(|l| format!(" (to {l})"))
        .unwrap_or_default();
    let mut body = Vec::new();
    while body.len() < settings.response_cap {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let take = (settings.response_cap - body.len()).min(chunk.len());
                body.extend_from_slice(&chunk[..take]);
            }
            // The status is the answer; a body cut short does not change it.
            Ok(None) | Err(_) => break,
        }
    }
    drop(response);
    let error = if status.is_success() {
        None
    } else if status.is_redirection() {
        Some(format!(
            "HTTP {}: redirects are not followed{location}",
            status.as_u16()
        ))
    } else {
        Some(format!("HTTP {}", status.as_u16()))
    };
    Sent {
        headers: recorded,
        status_code: Some(status.as_u16()),
        body: Some(String::from_utf8_lossy(&body).into_owned()),
        duration_ms: elapsed(),
        error: error.map(|e| clip(&e, ERROR_CHARS)),
    }
}

/// A failed request in words: a refusal of the target, a timeout, or the error's chain.
fn describe(err: &reqwest::Error, settings: &Settings) -> String {
    if let Some(refused) = target::refusal(err) {
        return refused.to_string();
    }
    if err.is_timeout() {
        return format!(
            "Timed out: no answer within {} s (connecting: {} s).",
            settings.timeout.as_secs(),
            settings.connect_timeout.as_secs()
        );
    }
    let mut text = if err.is_connect() {
        "Could not connect".to_owned()
    } else {
        "Request failed".to_owned()
    };
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}

fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => text[..at].to_owned(),
        None => text.to_owned(),
    }
}

/// A delivery ended failed: counts it, and switches the endpoint off at the limit, with an event
/// and an e-mail to the organization's owners and admins.
async fn count_failure(
    state: &AppState,
    tx: &mut Tx,
    out: &Outgoing,
    error: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let failures = store::note_failure(tx, out.endpoint_id).await?;
    let limit = state.config.webhooks.disable_after;
    if failures < limit {
        return Ok(());
    }
    let reason = format!(
        "{failures} deliveries in a row failed; the last: {}",
        error.unwrap_or("unknown error")
    );
    if !store::disable(tx, out.endpoint_id, &reason, now).await? {
        return Ok(());
    }
    tracing::warn!(endpoint = %out.endpoint_id, failures, "webhook endpoint switched off");
    let origin = Origin {
        organization: out.organization_id,
        company: Some(out.company_id),
        actor: None,
    };
    let event = DomainEvent::WebhookDisabled {
        endpoint_id: out.endpoint_id,
        url: out.url.clone(),
        reason: reason.clone(),
        consecutive_failures: failures,
    };
    events::record(tx, origin, &event, now).await?;
    for member in members::list(&state.db, out.organization_id).await? {
        if member.access.is_active && matches!(member.access.role.as_str(), "owner" | "admin") {
            let email = Email {
                to: member.email,
                subject: "A webhook endpoint was switched off".into(),
                text: format!(
                    "Facturo stopped sending webhooks to {url}.\n\n{reason}\n\n\
                     Fix the receiver, switch the endpoint back on (PATCH /api/v1/webhooks/{id} \
                     with {{\"isActive\": true}}), and redeliver what it missed from its delivery \
                     history.\n",
                    url = out.url,
                    id = out.endpoint_id,
                ),
            };
            jobs::enqueue(tx, &Job::SendEmail(email), now, None, now).await?;
        }
    }
    Ok(())
}

/// The answer of a test ping (api.md §18.1).
#[derive(Debug, Clone)]
pub struct PingResult {
    pub success: bool,
    pub status_code: Option<u16>,
    pub duration_ms: i64,
    pub error: Option<String>,
}

/// `POST /webhooks/{id}/test`: sends `webhook.test` now, once, and records it as a delivery.
pub async fn ping(state: &AppState, endpoint: &EndpointRow) -> Result<PingResult, anyhow::Error> {
    let now = state.now();
    let id = WebhookDeliveryId::new();
    let payload = json!({
        "id": EventId::new(),
        "event": registry::TEST_EVENT,
        "created_at": crate::api::wire::timestamp_text(now),
        "data": { "message": "Test webhook from Facturo" },
    })
    .to_string();
    let sealed = Sealed {
        endpoint: endpoint.id,
        current: &endpoint.secret_enc,
        previous: endpoint.previous_secret_enc.as_deref(),
        previous_until: endpoint.previous_secret_until.map(|t| t.0),
    };
    let request = Request {
        url: &endpoint.url,
        event_type: registry::TEST_EVENT,
        delivery: id,
        payload: &payload,
        attempt: 1,
    };
    let sent = match sealed.open(state, now) {
        Ok(secrets) => send(state, &request, &secrets, now).await,
        Err(problem) => Sent::unsent(&problem),
    };
    let done = state.now();
    let success = sent.succeeded();
    let mut tx = state.db.begin().await?;
    store::insert_delivery(
        &mut tx,
        &NewDelivery {
            id,
            endpoint_id: endpoint.id,
            company_id: endpoint.company_id,
            event_id: None,
            subject_id: None,
            event_type: registry::TEST_EVENT,
            payload: &payload,
            is_test: true,
            redelivery_of: None,
        },
        now,
    )
    .await?;
    store::record_attempt(
        &mut tx,
        &sent.record(
            id,
            1,
            now,
            if success { "success" } else { "failed" },
            None,
            done,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(PingResult {
        success,
        status_code: sent.status_code,
        duration_ms: sent.duration_ms,
        error: sent.error,
    })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn retries_wait_five_times_longer_each_time_with_jitter() {
        let settings = Settings {
            retry_base: Duration::from_mins(1),
            ..Settings::default()
        };
        for (attempt, base) in [(1, 60.0), (2, 300.0), (3, 1500.0)] {
            for _ in 0..50 {
                let d = retry_delay(&settings, attempt).as_seconds_f64();
                assert!(
                    d >= base * 0.8 - 1e-6 && d <= base * 1.2 + 1e-6,
                    "{attempt}: {d}"
                );
            }
        }
    }

    #[test]
    fn errors_are_clipped_on_a_character_boundary() {
        assert_eq!(clip("ăîșțâ", 3), "ăîș");
        assert_eq!(clip("abc", 500), "abc");
    }
}
