//! A fake ANAF for the vault's tests, over real HTTP on 127.0.0.1:0: the OAuth server
//! (`/anaf-oauth2/v1/authorize` redirects straight back with a code, `/token` checks the form
//! fields as ANAF's does and answers JWT-shaped tokens, rotating refresh tokens) and the one
//! e-Factura call the vault makes (`/test/FCTEL/rest/listaMesajeFactura`, which says whether a
//! token may act for a CIF). Minimal on purpose: the ANAF simulator (`anaf::sim::efactura`)
//! replaces it once it is on main.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use server::{Clock, Config, FixedClock, SecretText};

pub const CLIENT_ID: &str = "facturo-test-client";
pub const CLIENT_SECRET: &str = "facturo-test-secret";

/// A token pair the fake issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub access: String,
    pub refresh: String,
}

/// The running fake; clones share it.
#[derive(Clone)]
pub struct Authority {
    pub url: String,
    inner: Arc<Inner>,
}

struct Inner {
    clock: FixedClock,
    state: Mutex<Ledger>,
}

#[derive(Default)]
struct Ledger {
    /// Authorization codes not yet exchanged, with the redirect URI they were issued for.
    codes: HashMap<String, String>,
    /// Access tokens that work, and refresh tokens that work (a refresh uses one up).
    access: HashSet<String>,
    refresh: HashSet<String>,
    issued: Vec<Pair>,
    exchanges: usize,
    refreshes: usize,
    /// CIFs every token may act for.
    rights: HashSet<u64>,
    refresh_delay: Duration,
    /// Why requests were refused, for assertions.
    refusals: Vec<String>,
}

impl Authority {
    /// Starts the fake; its tokens' lifetimes run on `clock`.
    pub async fn start(clock: FixedClock) -> Authority {
        let inner = Arc::new(Inner {
            clock,
            state: Mutex::new(Ledger::default()),
        });
        let app = Router::new()
            .route("/anaf-oauth2/v1/authorize", get(authorize))
            .route("/anaf-oauth2/v1/token", post(token))
            .route("/test/FCTEL/rest/listaMesajeFactura", get(list))
            .with_state(Arc::clone(&inner));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        Authority {
            url: format!("http://{addr}"),
            inner,
        }
    }

    /// Points the server's ANAF settings at this fake.
    pub fn configure(&self, config: &mut Config) {
        config.anaf.oauth_url = Some(format!("{}/anaf-oauth2/v1/", self.url));
        config.anaf.api_url = Some(format!("{}/test/FCTEL/rest/", self.url));
        config.anaf.client_id = Some(CLIENT_ID.into());
        config.anaf.client_secret = Some(SecretText(CLIENT_SECRET.into()));
    }

    fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.inner.state.lock().unwrap()
    }

    /// Lets every token act for `cif`.
    pub fn grant(&self, cif: u64) {
        self.ledger().rights.insert(cif);
    }

    /// Makes each refresh take `delay`, so that concurrent refreshes overlap.
    pub fn slow_refreshes(&self, delay: Duration) {
        self.ledger().refresh_delay = delay;
    }

    /// Issues a pair outside any flow (as if a user had obtained it elsewhere and pasted it).
    pub fn issue(&self) -> Pair {
        issue(&self.inner)
    }

    /// Makes a refresh token stop working (revoked at ANAF).
    pub fn revoke_refresh(&self, refresh: &str) {
        self.ledger().refresh.remove(refresh);
    }

    pub fn issued(&self) -> Vec<Pair> {
        self.ledger().issued.clone()
    }

    pub fn exchanges(&self) -> usize {
        self.ledger().exchanges
    }

    pub fn refreshes(&self) -> usize {
        self.ledger().refreshes
    }

    pub fn refusals(&self) -> Vec<String> {
        self.ledger().refusals.clone()
    }
}

/// A JWT-shaped token whose `exp` is `days` from the fake's clock, with a random id.
fn jwt(clock: &FixedClock, days: i64, kind: &str) -> String {
    let exp = (clock.now() + time::Duration::days(days)).unix_timestamp();
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS512","typ":"JWT"}"#);
    let claims = json!({ "exp": exp, "sub": "ana.pop", "kind": kind, "jti": uuid::Uuid::new_v4() });
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signature = URL_SAFE_NO_PAD.encode(uuid::Uuid::new_v4().as_bytes());
    format!("{header}.{payload}.{signature}")
}

fn issue(inner: &Inner) -> Pair {
    let pair = Pair {
        access: jwt(&inner.clock, 90, "access"),
        refresh: jwt(&inner.clock, 365, "refresh"),
    };
    let mut ledger = inner.state.lock().unwrap();
    ledger.access.insert(pair.access.clone());
    ledger.refresh.insert(pair.refresh.clone());
    ledger.issued.push(pair.clone());
    pair
}

fn token_answer(pair: &Pair) -> Response {
    let body = json!({
        "access_token": pair.access, "token_type": "Bearer", "refresh_token": pair.refresh,
        "expires_in": 7_776_000,
    });
    (StatusCode::OK, axum::Json(body)).into_response()
}

fn refuse(inner: &Inner, error: &str, description: &str) -> Response {
    inner
        .state
        .lock()
        .unwrap()
        .refusals
        .push(format!("{error}: {description}"));
    let body = json!({ "error": error, "error_description": description });
    (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
}

/// The certificate holder "signs in" at once: back to the redirect URI with a code.
async fn authorize(
    State(inner): State<Arc<Inner>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let field = |k: &str| q.get(k).map(String::as_str).unwrap_or_default();
    if field("response_type") != "code"
        || field("client_id") != CLIENT_ID
        || field("token_content_type") != "jwt"
        || field("state").is_empty()
    {
        return refuse(&inner, "invalid_request", &format!("authorize: {q:?}"));
    }
    let code = uuid::Uuid::new_v4().simple().to_string();
    let redirect = field("redirect_uri").to_owned();
    inner
        .state
        .lock()
        .unwrap()
        .codes
        .insert(code.clone(), redirect.clone());
    let back = reqwest::Url::parse_with_params(
        &redirect,
        &[("code", code.as_str()), ("state", field("state"))],
    )
    .unwrap();
    Redirect::to(back.as_str()).into_response()
}

/// The token endpoint: the form ANAF expects (tax-apis.md §2), client credentials in the form.
async fn token(
    State(inner): State<Arc<Inner>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or_default();
    if field("client_id") != CLIENT_ID || field("client_secret") != CLIENT_SECRET {
        return refuse(&inner, "invalid_client", "wrong client credentials");
    }
    if field("token_content_type") != "jwt" {
        return refuse(&inner, "invalid_request", "token_content_type is not jwt");
    }
    match field("grant_type") {
        "authorization_code" => {
            let issued_for = {
                let mut ledger = inner.state.lock().unwrap();
                ledger.exchanges += 1;
                ledger.codes.remove(field("code"))
            };
            match issued_for {
                Some(uri) if uri == field("redirect_uri") => token_answer(&issue(&inner)),
                Some(uri) => refuse(
                    &inner,
                    "invalid_grant",
                    &format!("redirect_uri {uri} differs"),
                ),
                None => refuse(&inner, "invalid_grant", "unknown or used code"),
            }
        }
        "refresh_token" => {
            let (known, delay) = {
                let mut ledger = inner.state.lock().unwrap();
                ledger.refreshes += 1;
                // ANAF rotates refresh tokens: the old one stops working.
                (
                    ledger.refresh.remove(field("refresh_token")),
                    ledger.refresh_delay,
                )
            };
            tokio::time::sleep(delay).await;
            if known {
                token_answer(&issue(&inner))
            } else {
                refuse(&inner, "invalid_grant", "unknown refresh token")
            }
        }
        other => refuse(&inner, "unsupported_grant_type", other),
    }
}

/// `listaMesajeFactura`: an empty box for a CIF the token may act for, ANAF's refusal for
/// another, 401 for an unknown token.
async fn list(
    State(inner): State<Arc<Inner>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let ledger = inner.state.lock().unwrap();
    if !ledger.access.contains(bearer) {
        return (StatusCode::UNAUTHORIZED, "invalid_token").into_response();
    }
    let cif: u64 = q
        .get("cif")
        .and_then(|c| c.parse().ok())
        .unwrap_or_default();
    let body: Value = if ledger.rights.contains(&cif) {
        json!({ "mesaje": [], "serial": "4c0a7e", "cui": cif.to_string(), "titlu": "Lista Mesaje disponibile" })
    } else {
        json!({ "eroare": format!("Nu aveti drept in SPV pentru CIF={cif}"), "titlu": "Lista Mesaje" })
    };
    axum::Json(body).into_response()
}
