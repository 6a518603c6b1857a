//! The guard layer: rate limits, and the audit of refusals.
//!
//! Rate limits (api.md §1.7, issue #5 item 6): every request takes a token from its
//! bucket — its user's or API key's when it carries a valid credential, its client IP's
//! otherwise — and the authentication routes also count against their sliding window per IP.
//! Every response says where the caller stands in `X-RateLimit-Limit`, `X-RateLimit-Remaining`
//! and `X-RateLimit-Reset` (seconds until the budget is whole); a refusal is a 429 with
//! `Retry-After`. When the limits' store fails (PostgreSQL away) the request goes through and
//! the failure is logged: a limit is no reason to be down.
//!
//! Audit (issue #5 item 9): a response that carries an [`audit::Refusal`] (a refused token or
//! key, a missing permission, a wrong code, a step-up required) is recorded with the caller
//! and where it came from, and so is a rate-limit refusal — once a minute per caller, so a
//! flood cannot flood the log.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use crate::audit::{self, Entry, Origin, Outcome, Refusal};
use crate::auth::Principal;
use crate::limits::{Verdict, Window};
use crate::state::AppState;

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let now = state.now();
    let origin = match Origin::from_request_parts(&mut parts, &state).await {
        Ok(origin) => origin,
        Err(e) => return e.into_response(),
    };
    let ip = origin.ip.map(|ip| ip.to_string()).unwrap_or_default();
    // A valid credential draws from its own budget. Resolving it here also serves the
    // handler: the principal waits in the request's extensions.
    let principal = if parts
        .headers
        .contains_key(axum::http::header::AUTHORIZATION)
    {
        Principal::from_request_parts(&mut parts, &state).await.ok()
    } else {
        None
    };
    let credential = principal.as_ref().map(|p| match p.api_key {
        Some(key) => format!("key:{key}"),
        None => format!("user:{}", p.user.id),
    });
    let seen = Seen {
        origin: &origin,
        principal: principal.as_ref(),
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
    };
    let mut shown = None;
    if let Some(window) = Window::of_route(&parts.method, parts.uri.path()) {
        match state.limits.hit(window, &ip, now).await {
            Ok(verdict) if !verdict.allowed => {
                return rate_refused(&state, &seen, &ip, verdict).await;
            }
            Ok(verdict) => shown = Some(verdict),
            Err(e) => {
                tracing::warn!(error = %e, "rate-limit store unavailable; request let through");
            }
        }
    }
    let (authenticated, key) = match &credential {
        Some(c) => (true, c.as_str()),
        None => (false, ip.as_str()),
    };
    match state.limits.take(authenticated, key, now).await {
        Ok(verdict) if !verdict.allowed => return rate_refused(&state, &seen, key, verdict).await,
        Ok(verdict) => {
            shown.get_or_insert(verdict);
        }
        Err(e) => tracing::warn!(error = %e, "rate-limit store unavailable; request let through"),
    }
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if let Some(verdict) = shown {
        set_headers(response.headers_mut(), verdict);
    }
    if let Some(refusal) = response.extensions_mut().remove::<Refusal>() {
        let entry = seen
            .entry(refusal.event, refusal.outcome)
            .detail("status", response.status().as_u16())
            .detail("reason", refusal.reason);
        audit::record(&state, &origin, entry).await;
    }
    response
}

/// The request as the audit log names it.
struct Seen<'a> {
    origin: &'a Origin,
    principal: Option<&'a Principal>,
    method: String,
    path: String,
}

impl Seen<'_> {
    fn entry(&self, event: &'static str, outcome: Outcome) -> Entry {
        let entry = Entry::new(event, outcome)
            .detail("method", self.method.as_str())
            .detail("path", self.path.as_str());
        match self.principal {
            Some(p) => entry.by(p),
            None => entry,
        }
    }
}

/// The 429 of a refused `key`, recorded once a minute per key.
async fn rate_refused(state: &AppState, seen: &Seen<'_>, key: &str, verdict: Verdict) -> Response {
    if state.limits.first_refusal(key, state.now()) {
        let entry = seen
            .entry("rate_limit.refused", Outcome::Refused)
            .detail("retryAfter", verdict.retry_after_secs);
        audit::record(state, seen.origin, entry).await;
    }
    refused(verdict)
}

fn refused(verdict: Verdict) -> Response {
    let mut response = ApiError::TooManyRequests {
        retry_after_secs: verdict.retry_after_secs,
    }
    .into_response();
    set_headers(response.headers_mut(), verdict);
    response
}

fn set_headers(headers: &mut HeaderMap, verdict: Verdict) {
    headers.insert("x-ratelimit-limit", HeaderValue::from(verdict.limit));
    headers.insert(
        "x-ratelimit-remaining",
        HeaderValue::from(verdict.remaining),
    );
    headers.insert("x-ratelimit-reset", HeaderValue::from(verdict.reset_secs));
}
