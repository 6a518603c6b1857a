//! The simulator of ANAF's company registry (PlatitorTvaRest v9), with overrides and faults.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};

use crate::registry::{self, CompanyRecord, MAX_BATCH, PATH, Sandbox};

/// The `Retry-After` the simulator sends with [`Fault::RateLimited`], in seconds.
pub const RETRY_AFTER_SECS: u64 = 1;

/// The body of [`Fault::Firewall`]: the shape of the page ANAF's web application firewall serves.
pub const FIREWALL_PAGE: &str = "<html><head><title>Request Rejected</title></head><body>\
The requested URL was rejected. Please consult with your administrator.<br><br>\
Your support ID is: 0000000000000000000<br><br><a href='javascript:history.back();'>[Go Back]</a>\
</body></html>";

/// A failure the simulator serves instead of a normal answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// HTTP 500 with a server-error body.
    ServerError,
    /// HTTP 200 with an HTML firewall page ([`FIREWALL_PAGE`]) instead of JSON.
    Firewall,
    /// HTTP 429 with `Retry-After: `[`RETRY_AFTER_SECS`].
    RateLimited,
    /// Waits this long, then answers normally (to exceed a client's timeout).
    Slow(Duration),
}

/// The simulated registry: the [`Sandbox`] by default, plus overrides and queued faults.
///
/// Clones share state, so a test keeps one clone and hands another to [`router`] or [`spawn`].
#[derive(Debug, Clone, Default)]
pub struct RegistrySim {
    state: Arc<Mutex<SimState>>,
}

#[derive(Debug, Default)]
struct SimState {
    /// `Some` replaces the sandbox's answer for a CIF, `None` makes the CIF unknown.
    overrides: HashMap<u64, Option<CompanyRecord>>,
    faults: VecDeque<Fault>,
    requests: usize,
}

impl RegistrySim {
    /// A simulator that answers from the [`Sandbox`], with no overrides and no faults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Answers `record` for its CIF from now on, whatever the sandbox says.
    pub fn insert(&self, record: CompanyRecord) {
        self.lock().overrides.insert(record.cif, Some(record));
    }

    /// Answers "not found" for `cif` from now on.
    pub fn forget(&self, cif: u64) {
        self.lock().overrides.insert(cif, None);
    }

    /// What the simulator answers for `cif`: an override, else the sandbox.
    pub fn company(&self, cif: u64) -> Option<CompanyRecord> {
        match self.lock().overrides.get(&cif) {
            Some(answer) => answer.clone(),
            None => Sandbox.lookup(cif),
        }
    }

    /// How many requests reached the lookup endpoint, malformed and faulted ones included.
    pub fn requests(&self) -> usize {
        self.lock().requests
    }

    /// Serves `fault` instead of the next `n` answers (after any faults already queued).
    pub fn fail_next(&self, n: usize, fault: Fault) {
        self.lock().faults.extend(std::iter::repeat_n(fault, n));
    }

    /// Counts a request and takes the fault it gets, if any.
    fn begin_request(&self) -> Option<Fault> {
        let mut state = self.lock();
        state.requests += 1;
        state.faults.pop_front()
    }

    fn lock(&self) -> MutexGuard<'_, SimState> {
        // A test that panicked while holding the lock left consistent data behind.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The simulator's routes: `POST /api/PlatitorTvaRest/v9/tva`.
pub fn router(sim: RegistrySim) -> Router {
    Router::new().route(PATH, post(lookup)).with_state(sim)
}

/// Serves [`router`] on `127.0.0.1` on a free port; returns the address and the server task.
pub async fn spawn(sim: RegistrySim) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move {
        if let Err(err) = axum::serve(listener, router(sim)).await {
            tracing::error!(%err, "the ANAF registry simulator stopped");
        }
    });
    Ok((addr, server))
}

async fn lookup(State(sim): State<RegistrySim>, body: Bytes) -> Response {
    match sim.begin_request() {
        Some(Fault::Slow(delay)) => tokio::time::sleep(delay).await,
        Some(Fault::ServerError) => {
            let body = json!({
                "status": 500,
                "error": "Internal Server Error",
                "path": PATH,
            });
            return (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(body)).into_response();
        }
        Some(Fault::Firewall) => {
            return (
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                FIREWALL_PAGE,
            )
                .into_response();
        }
        Some(Fault::RateLimited) => {
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, RETRY_AFTER_SECS.to_string())],
            )
                .into_response();
        }
        None => {}
    }
    let queries = match parse_request(&body) {
        Ok(queries) => queries,
        Err(message) => {
            // ANAF's exact 400 body is undocumented; this keeps its envelope's field names.
            let body = json!({ "cod": 400, "message": message });
            return (StatusCode::BAD_REQUEST, axum::Json(body)).into_response();
        }
    };
    let mut found = Vec::new();
    let mut not_found = Vec::new();
    for (cif, data) in queries {
        match sim.company(cif) {
            Some(record) => found.push(registry::found_json(&record, &data)),
            None => not_found.push(cif),
        }
    }
    axum::Json(registry::envelope(found, &not_found)).into_response()
}

/// The `(cui, data)` pairs of a request body, or why it is malformed.
fn parse_request(body: &[u8]) -> Result<Vec<(u64, String)>, String> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| format!("Request invalid: body is not JSON ({e})"))?;
    let Value::Array(items) = value else {
        return Err("Request invalid: the body must be an array of {cui, data}".to_owned());
    };
    if items.len() > MAX_BATCH {
        return Err(format!(
            "Request invalid: at most {MAX_BATCH} CUIs per request, got {}",
            items.len()
        ));
    }
    let date_format = time::macros::format_description!("[year]-[month]-[day]");
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let cui = item
                .get("cui")
                .and_then(registry::parse_cui)
                .ok_or_else(|| format!("Request invalid: item {index} has no numeric cui"))?;
            let data = item.get("data").and_then(Value::as_str).unwrap_or_default();
            let date = time::Date::parse(data, date_format).map_err(|_| {
                format!("Request invalid: item {index} has data '{data}', expected YYYY-MM-DD")
            })?;
            Ok((cui, registry::format_date(date)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    /// Posts `body` to a fresh simulator; returns the status and the JSON answer.
    async fn post_raw(sim: &RegistrySim, body: &str) -> (u16, Value) {
        crate::install_crypto_provider();
        let (addr, _server) = spawn(sim.clone()).await.unwrap();
        let response = reqwest::Client::new()
            .post(format!("http://{addr}{PATH}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.to_owned())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    #[tokio::test]
    async fn answers_like_anaf() {
        let sim = RegistrySim::new();
        let (status, body) = post_raw(
            &sim,
            r#"[{"cui": 18547290, "data": "2025-03-14"}, {"cui": "18547291", "data": "2025-03-15"}]"#,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(body["cod"], json!(200));
        assert_eq!(body["message"], json!("SUCCESS"));
        assert_eq!(body["notFound"], json!([18_547_291]));
        assert_eq!(body["found"][0]["date_generale"]["cui"], json!(18_547_290));
        assert_eq!(
            body["found"][0]["date_generale"]["data"],
            json!("2025-03-14")
        );
        assert_eq!(sim.requests(), 1);
    }

    #[tokio::test]
    async fn malformed_bodies_get_400() {
        let too_many = format!(
            "[{}]",
            vec![r#"{"cui": 18547290, "data": "2025-03-14"}"#; MAX_BATCH + 1].join(",")
        );
        let cases = [
            ("not json", "Request invalid: body is not JSON"),
            (
                r#"{"cui": 18547290, "data": "2025-03-14"}"#,
                "Request invalid: the body must be an array",
            ),
            (
                r#"[{"data": "2025-03-14"}]"#,
                "Request invalid: item 0 has no numeric cui",
            ),
            (
                r#"[{"cui": 18547290, "data": "14.03.2025"}]"#,
                "Request invalid: item 0 has data '14.03.2025'",
            ),
            (
                &too_many,
                "Request invalid: at most 100 CUIs per request, got 101",
            ),
        ];
        let sim = RegistrySim::new();
        for (body, expected) in cases {
            let (status, answer) = post_raw(&sim, body).await;
            assert_eq!(status, 400, "{body}");
            assert_eq!(answer["cod"], json!(400));
            let message = answer["message"].as_str().unwrap();
            assert!(message.starts_with(expected), "{message}");
        }
        assert_eq!(sim.requests(), 5);
    }

    #[test]
    fn overrides_win_over_the_sandbox() {
        let sim = RegistrySim::new();
        let mut record = Sandbox.lookup(18_547_290).unwrap();
        assert_eq!(sim.company(18_547_290), Some(record.clone()));
        record.name = "ALTUL SRL".to_owned();
        sim.insert(record.clone());
        assert_eq!(sim.clone().company(18_547_290), Some(record));
        sim.forget(18_547_290);
        assert_eq!(sim.company(18_547_290), None);
        // An inserted CIF need not have a valid check digit.
        let mut odd = Sandbox.lookup(14_399_840).unwrap();
        odd.cif = 12_345_678;
        sim.insert(odd.clone());
        assert_eq!(sim.company(12_345_678), Some(odd));
    }

    #[test]
    fn faults_are_served_in_order_then_stop() {
        let sim = RegistrySim::new();
        sim.fail_next(2, Fault::ServerError);
        sim.fail_next(1, Fault::RateLimited);
        assert_eq!(sim.begin_request(), Some(Fault::ServerError));
        assert_eq!(sim.begin_request(), Some(Fault::ServerError));
        assert_eq!(sim.begin_request(), Some(Fault::RateLimited));
        assert_eq!(sim.begin_request(), None);
        assert_eq!(sim.requests(), 4);
    }
}
