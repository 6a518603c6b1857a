//! The rate-limit layer (api.md §1.7, issue #5 item 6): every request takes a token from its
//! bucket — its user's or API key's when it carries a valid credential, its client IP's
//! otherwise — and the authentication routes also count against their sliding window per IP.
//! Every response says where the caller stands in `X-RateLimit-Limit`, `X-RateLimit-Remaining`
//! and `X-RateLimit-Reset` (seconds until the budget is whole); a refusal is a 429 with
//! `Retry-After`. When the limits' store fails (PostgreSQL away) the request goes through and
//! the failure is logged: a limit is no reason to be down.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use crate::auth::{ClientIp, Principal};
use crate::limits::{Verdict, Window};
use crate::state::AppState;

pub async fn limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let now = state.now();
    let ip = match ClientIp::from_request_parts(&mut parts, &state).await {
        Ok(ip) => ip.0.to_string(),
        Err(e) => return e.into_response(),
    };
    // A valid credential draws from its own budget. Resolving it here also serves the
    // handler: the principal waits in the request's extensions.
    let credential = if parts
        .headers
        .contains_key(axum::http::header::AUTHORIZATION)
    {
        Principal::from_request_parts(&mut parts, &state)
            .await
            .ok()
            .map(|p| match p.api_key {
                Some(key) => format!("key:{key}"),
                None => format!("user:{}", p.user.id),
            })
    } else {
        None
    };
    let window = Window::of_route(&parts.method, parts.uri.path());
    let mut shown = None;
    if let Some(window) = window {
        match state.limits.hit(window, &ip, now).await {
            Ok(verdict) if !verdict.allowed => return refused(verdict),
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
        Ok(verdict) if !verdict.allowed => return refused(verdict),
        Ok(verdict) => {
            shown.get_or_insert(verdict);
        }
        Err(e) => tracing::warn!(error = %e, "rate-limit store unavailable; request let through"),
    }
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if let Some(verdict) = shown {
        set_headers(response.headers_mut(), verdict);
    }
    response
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
