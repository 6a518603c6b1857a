//! The simulator's own HTTP control API under `/__sim/…` (tax-apis.md §5.1), for tests that
//! drive a simulator in another process (`facturo anaf-sim`): taxpayers, SPV rights, OAuth
//! clients and tokens, the clock, fault rules, seeding and call counters.
//!
//! | Call | Body (JSON) | Effect |
//! |---|---|---|
//! | `GET /__sim/ca.pem` | | the signing certificate, PEM |
//! | `GET /__sim/clock` | | `{"now": RFC 3339, "millis"}` |
//! | `POST /__sim/clock` | `{"advance_secs"}`, `{"set"}` or `{"freeze"}` (RFC 3339) | moves the clock |
//! | `POST /__sim/taxpayers` | `{"cif", "name", "enforcement"?}` | [`EfacturaSim::add_taxpayer`] |
//! | `POST`/`DELETE /__sim/grants` | `{"user", "cif"}` | [`EfacturaSim::grant`] / [`EfacturaSim::withdraw`] |
//! | `POST /__sim/clients` | `{"client_id", "client_secret", "redirect_uris"?}` | [`EfacturaSim::add_app`] |
//! | `POST /__sim/tokens` | `{"user", "client_id"}` | `{"access_token", "refresh_token"}` |
//! | `POST /__sim/approve` | `{"user"}` | [`EfacturaSim::approve_next`] |
//! | `POST`/`DELETE /__sim/faults` | a fault (below) / none | [`EfacturaSim::add_fault`] / [`EfacturaSim::clear_faults`] |
//! | `POST /__sim/seed` | `{"env", "buyer", "count", "sellers"?, "spacing_secs"?}` | [`EfacturaSim::seed`]; `{"ids"}` |
//! | `POST /__sim/config` | `{"processing_delay_secs"}` | changes the processing delay |
//! | `GET /__sim/calls` | | calls per endpoint |
//!
//! A fault: `{"kind", "endpoint"?, "times"?, "probability"?, "ms"?, "retry_after_secs"?}`
//! with `kind` one of `server_error`, `timeout` (holds `ms`), `response_lost`,
//! `response_lost_500`, `rate_limited`, `firewall`, `no_content`, `forbidden`,
//! `not_taken_over`, `duplicate`, and `endpoint` an ANAF endpoint name (`upload`,
//! `stareMesaj`, `listaMesajeFactura`, …, `token`).

// Handlers answer early with the `Response` to send; boxing it would buy nothing.
#![allow(clippy::result_large_err)]

use std::collections::BTreeMap;
use std::time::Duration;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::fault::{Endpoint, FaultKind, FaultRule, LostResponse, Trigger};
use super::oauth::OAuthApp;
use super::{EfacturaSim, SeedOptions, config};

/// The `/__sim` routes.
pub(crate) fn routes() -> Router<EfacturaSim> {
    Router::new()
        .route("/__sim/ca.pem", get(certificate))
        .route("/__sim/clock", get(clock).post(move_clock))
        .route("/__sim/taxpayers", post(taxpayer))
        .route("/__sim/grants", post(grant).delete(withdraw))
        .route("/__sim/clients", post(client))
        .route("/__sim/tokens", post(tokens))
        .route("/__sim/approve", post(approve))
        .route("/__sim/faults", post(fault).delete(clear_faults))
        .route("/__sim/seed", post(seed))
        .route("/__sim/config", post(configure))
        .route("/__sim/calls", get(calls))
}

fn bad_request(message: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({ "error": message }))).into_response()
}

fn instant(text: &str) -> Result<OffsetDateTime, Response> {
    OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|e| bad_request(&format!("'{text}' is not an RFC 3339 instant: {e}")))
}

async fn certificate(State(sim): State<EfacturaSim>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/x-pem-file")],
        sim.certificate_pem(),
    )
        .into_response()
}

fn now_json(sim: &EfacturaSim) -> Response {
    let now = sim.now();
    Json(json!({
        "now": now.format(&Rfc3339).unwrap_or_default(),
        "millis": super::clock::epoch_millis(now),
    }))
    .into_response()
}

async fn clock(State(sim): State<EfacturaSim>) -> Response {
    now_json(&sim)
}

#[derive(Debug, Deserialize)]
struct ClockChange {
    advance_secs: Option<u64>,
    set: Option<String>,
    freeze: Option<String>,
}

async fn move_clock(State(sim): State<EfacturaSim>, Json(change): Json<ClockChange>) -> Response {
    if let Some(secs) = change.advance_secs {
        sim.advance(Duration::from_secs(secs));
    }
    if let Some(at) = change.set {
        match instant(&at) {
            Ok(at) => sim.set_time(at),
            Err(response) => return response,
        }
    }
    if let Some(at) = change.freeze {
        match instant(&at) {
            Ok(at) => sim.freeze(at),
            Err(response) => return response,
        }
    }
    now_json(&sim)
}

#[derive(Debug, Deserialize)]
struct NewTaxpayer {
    cif: u64,
    name: String,
    #[serde(default)]
    enforcement: bool,
}

async fn taxpayer(State(sim): State<EfacturaSim>, Json(body): Json<NewTaxpayer>) -> StatusCode {
    sim.add_taxpayer(body.cif, &body.name);
    if body.enforcement {
        sim.add_to_enforcement_registry(body.cif);
    }
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
struct Right {
    user: String,
    cif: u64,
}

async fn grant(State(sim): State<EfacturaSim>, Json(body): Json<Right>) -> StatusCode {
    sim.grant(&body.user, body.cif);
    StatusCode::NO_CONTENT
}

async fn withdraw(State(sim): State<EfacturaSim>, Json(body): Json<Right>) -> StatusCode {
    sim.withdraw(&body.user, body.cif);
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
struct NewClient {
    client_id: String,
    client_secret: String,
    #[serde(default)]
    redirect_uris: Vec<String>,
}

async fn client(State(sim): State<EfacturaSim>, Json(body): Json<NewClient>) -> StatusCode {
    sim.add_app(OAuthApp {
        client_id: body.client_id,
        client_secret: body.client_secret,
        redirect_uris: body.redirect_uris,
    });
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
struct TokenRequest {
    user: String,
    client_id: String,
}

async fn tokens(State(sim): State<EfacturaSim>, Json(body): Json<TokenRequest>) -> Response {
    let tokens = sim.issue_tokens(&body.user, &body.client_id);
    Json(json!({
        "access_token": tokens.access_token,
        "refresh_token": tokens.refresh_token,
    }))
    .into_response()
}

#[derive(Debug, Deserialize)]
struct Approval {
    user: String,
}

async fn approve(State(sim): State<EfacturaSim>, Json(body): Json<Approval>) -> StatusCode {
    sim.approve_next(&body.user);
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
struct FaultSpec {
    kind: String,
    endpoint: Option<String>,
    times: Option<u32>,
    probability: Option<f64>,
    ms: Option<u64>,
    retry_after_secs: Option<u64>,
}

impl FaultSpec {
    fn rule(&self) -> Result<FaultRule, String> {
        let kind = match self.kind.as_str() {
            "server_error" => FaultKind::ServerError,
            "timeout" => FaultKind::Timeout(Duration::from_millis(self.ms.unwrap_or(30_000))),
            "response_lost" => FaultKind::ResponseLost(LostResponse::Reset),
            "response_lost_500" => FaultKind::ResponseLost(LostResponse::ServerError),
            "rate_limited" => FaultKind::RateLimited {
                retry_after_secs: self.retry_after_secs.unwrap_or(1),
            },
            "firewall" => FaultKind::Firewall,
            "no_content" => FaultKind::NoContent,
            "forbidden" => FaultKind::Forbidden,
            "not_taken_over" => FaultKind::NotTakenOver,
            "duplicate" => FaultKind::Duplicate,
            "tampered_archive" => FaultKind::TamperedArchive,
            "page_shift" => FaultKind::PageShift,
            other => return Err(format!("unknown fault kind '{other}'")),
        };
        let endpoint = match &self.endpoint {
            None => None,
            Some(name) => Some(
                Endpoint::from_name(name).ok_or_else(|| format!("unknown endpoint '{name}'"))?,
            ),
        };
        let trigger = match (self.times, self.probability) {
            (Some(n), _) => Trigger::Next(n),
            (None, Some(p)) => Trigger::Probability(p),
            (None, None) => Trigger::Always,
        };
        Ok(FaultRule {
            endpoint,
            trigger,
            kind,
        })
    }
}

async fn fault(State(sim): State<EfacturaSim>, Json(spec): Json<FaultSpec>) -> Response {
    match spec.rule() {
        Ok(rule) => {
            sim.add_fault(rule);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(message) => bad_request(&message),
    }
}

async fn clear_faults(State(sim): State<EfacturaSim>) -> StatusCode {
    sim.clear_faults();
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
struct SeedRequest {
    env: String,
    buyer: u64,
    count: usize,
    #[serde(default)]
    sellers: Vec<u64>,
    spacing_secs: Option<u64>,
}

async fn seed(State(sim): State<EfacturaSim>, Json(body): Json<SeedRequest>) -> Response {
    let Some(env) = config::from_segment(&body.env) else {
        return bad_request("env is 'test' or 'prod'");
    };
    let mut options = SeedOptions::new(env, body.buyer, body.count);
    if !body.sellers.is_empty() {
        options.sellers = body.sellers;
    }
    if let Some(secs) = body.spacing_secs {
        options.spacing = Duration::from_secs(secs);
    }
    let ids = sim.seed(&options);
    Json(json!({ "ids": ids.iter().map(u64::to_string).collect::<Vec<_>>() })).into_response()
}

#[derive(Debug, Deserialize)]
struct ConfigChange {
    processing_delay_secs: Option<u64>,
}

async fn configure(State(sim): State<EfacturaSim>, Json(body): Json<ConfigChange>) -> StatusCode {
    if let Some(secs) = body.processing_delay_secs {
        sim.configure(|c| c.processing_delay = Duration::from_secs(secs));
    }
    StatusCode::NO_CONTENT
}

async fn calls(State(sim): State<EfacturaSim>) -> Response {
    let counts: BTreeMap<&str, usize> = Endpoint::ALL
        .iter()
        .map(|e| (e.name(), sim.calls(*e)))
        .collect();
    Json(counts).into_response()
}
