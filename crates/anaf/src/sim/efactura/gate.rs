//! What every call goes through first: counting, the per-minute limit, fault rules, the
//! bearer token; and what a lost response looks like.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use time::{Duration, OffsetDateTime};

use super::fault::{Endpoint, FaultKind, LostResponse};
use super::{EfacturaSim, Environment, Shared, State, config, oauth, wire};
use crate::sim::FIREWALL_PAGE;

/// The environment named by the `{env}` path segment; 404 for anything but `test`/`prod`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Env(pub(crate) Environment);

impl<S: Send + Sync> FromRequestParts<S> for Env {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        params
            .iter()
            .find(|(name, _)| *name == "env")
            .and_then(|(_, value)| config::from_segment(value))
            .map(Env)
            .ok_or_else(|| StatusCode::NOT_FOUND.into_response())
    }
}

/// Whether a call needs a bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Auth {
    /// The e-Factura REST calls: 401 without a live token.
    Required,
    /// `validare`/`transformare`, public on ANAF's other host: a token is checked if sent.
    Optional,
    /// The OAuth endpoints (another host: no per-minute limit either).
    None,
}

/// A call that passed the gate.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    /// The token's user, when authenticated.
    pub(crate) user: Option<String>,
    /// The simulated time of the call, read once.
    pub(crate) now: OffsetDateTime,
    /// A fault that acts later: a lost response, or an upload not taken over.
    pub(crate) fault: Option<FaultKind>,
    /// Counts the call among the held ones while it lasts (dropped with the call, or with its
    /// handler when the client went away).
    _held: Option<Arc<Held>>,
}

/// One held call, counted in [`EfacturaSim::held_calls`] until dropped.
#[derive(Debug)]
struct Held(Arc<Shared>);

impl Held {
    fn new(shared: &Arc<Shared>) -> Held {
        shared.held.fetch_add(1, Ordering::SeqCst);
        Held(Arc::clone(shared))
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.0.held.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Call {
    /// The user of a call that passed [`Auth::Required`].
    pub(crate) fn user(&self) -> &str {
        self.user.as_deref().unwrap_or_default()
    }

    /// `response`, or what the client gets instead when a fault lost it.
    pub(crate) fn finish(&self, response: Response) -> Response {
        match self.fault {
            Some(FaultKind::ResponseLost(LostResponse::Reset)) => reset(),
            Some(FaultKind::ResponseLost(LostResponse::ServerError)) => {
                wire::technical_error(self.now, "SIM-LOST")
            }
            _ => response,
        }
    }
}

impl EfacturaSim {
    /// Counts the call, applies the per-minute limit and the fault rules, authenticates.
    /// `Err` is the answer to send instead.
    pub(crate) async fn begin(
        &self,
        endpoint: Endpoint,
        headers: &HeaderMap,
        auth: Auth,
    ) -> Result<Call, Response> {
        let now = self.clock().now();
        let bearer = bearer(headers);
        let (fault, retry_after) = {
            let mut state = self.lock();
            *state.calls.entry(endpoint).or_default() += 1;
            let caller = bearer.clone().unwrap_or_else(|| "anonymous".to_owned());
            match (auth != Auth::None)
                .then(|| state.over_minute_limit(&caller, now))
                .flatten()
            {
                Some(wait) => (None, Some(wait)),
                None => (state.faults.pick(endpoint), None),
            }
        };
        if let Some(wait) = retry_after {
            return Err(too_many_requests(wait.whole_seconds().max(1)));
        }
        let held = match fault {
            Some(kind) if kind.replaces_call() => return Err(fault_response(kind, now)),
            Some(FaultKind::Timeout(hold)) => {
                let held = Arc::new(Held::new(&self.shared));
                tokio::time::sleep(hold).await;
                Some(held)
            }
            _ => None,
        };
        let now = self.clock().now();
        let user = match (auth, &bearer) {
            (Auth::None, _) | (Auth::Optional, None) => None,
            (Auth::Required | Auth::Optional, _) => {
                let state = self.lock();
                match oauth::bearer_user(&state, now, bearer.as_deref()) {
                    Ok(user) => Some(user),
                    Err(why) => return Err(wire::unauthorized(now, why)),
                }
            }
        };
        Ok(Call {
            user,
            now,
            fault,
            _held: held,
        })
    }
}

impl State {
    /// Records a request of `caller`; `Some(wait)` when it is over the per-minute limit.
    fn over_minute_limit(&mut self, caller: &str, now: OffsetDateTime) -> Option<Duration> {
        let limit = self.config.quotas.requests_per_minute as usize;
        let recent = self.recent.entry(caller.to_owned()).or_default();
        while recent.front().is_some_and(|&t| t <= now - Duration::MINUTE) {
            recent.pop_front();
        }
        if recent.len() >= limit {
            let oldest = recent.front().copied().unwrap_or(now);
            return Some(oldest + Duration::MINUTE - now);
        }
        recent.push_back(now);
        None
    }
}

/// The token of an `Authorization: Bearer …` header.
fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

fn too_many_requests(retry_after_secs: i64) -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, retry_after_secs.to_string())],
    )
        .into_response()
}

/// The answer of a fault that replaces the call.
fn fault_response(kind: FaultKind, now: OffsetDateTime) -> Response {
    match kind {
        FaultKind::RateLimited { retry_after_secs } => {
            too_many_requests(i64::try_from(retry_after_secs).unwrap_or(i64::MAX))
        }
        FaultKind::Firewall => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            )],
            FIREWALL_PAGE,
        )
            .into_response(),
        FaultKind::NoContent => StatusCode::NO_CONTENT.into_response(),
        FaultKind::Forbidden => StatusCode::FORBIDDEN.into_response(),
        _ => wire::technical_error(now, "SIM-500"),
    }
}

/// A 200 whose body fails before its first byte: the server drops the connection.
fn reset() -> Response {
    let mut response = Response::new(Body::new(Broken));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml"),
    );
    response
}

/// A body that fails at once.
struct Broken;

impl http_body::Body for Broken {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "the simulator lost this response on purpose",
        ))))
    }
}
