//! The OAuth server's tokens at `/anaf-oauth2/v1/{token,revoke}` (tax-apis.md §2): clients,
//! codes and tokens, the two grants, revocation, bearer checks. `login` serves `authorize`.

// Handlers answer early with the `Response` to send; boxing it would buy nothing.
#![allow(clippy::result_large_err)]

use std::collections::{HashMap, VecDeque};

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::json;
use time::OffsetDateTime;

use super::fault::{Endpoint, SplitMix64};
use super::gate::Auth;
use super::{EfacturaSim, RefreshRotation, State as SimState};

type Params = HashMap<String, String>;

/// A registered OAuth application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthApp {
    /// `client_id`.
    pub client_id: String,
    /// `client_secret`.
    pub client_secret: String,
    /// Accepted `redirect_uri`s; empty accepts any.
    pub redirect_uris: Vec<String>,
}

/// A token pair, as the token endpoint returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedTokens {
    /// The bearer token for the REST calls.
    pub access_token: String,
    /// The token for the `refresh_token` grant.
    pub refresh_token: String,
    /// When the access token stops working (simulated time).
    pub access_expires_at: OffsetDateTime,
    /// When the refresh token stops working (simulated time).
    pub refresh_expires_at: OffsetDateTime,
}

/// An authorization code waiting to be exchanged.
#[derive(Debug, Clone)]
pub(crate) struct Code {
    pub(crate) user: String,
    pub(crate) client_id: String,
    pub(crate) redirect_uri: String,
    pub(crate) jwt: bool,
    pub(crate) expires: OffsetDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Access,
    Refresh,
}

#[derive(Debug, Clone)]
struct TokenRecord {
    user: String,
    client_id: String,
    kind: Kind,
    jwt: bool,
    expires: OffsetDateTime,
    revoked: bool,
}

/// Clients, codes and tokens.
#[derive(Debug)]
pub(crate) struct OAuthState {
    pub(crate) clients: HashMap<String, OAuthApp>,
    pub(crate) codes: HashMap<String, Code>,
    tokens: HashMap<String, TokenRecord>,
    pub(crate) pre_approved: VecDeque<String>,
    rng: SplitMix64,
}

impl OAuthState {
    pub(crate) fn new(seed: u64) -> Self {
        OAuthState {
            clients: HashMap::new(),
            codes: HashMap::new(),
            tokens: HashMap::new(),
            pre_approved: VecDeque::new(),
            rng: SplitMix64(seed ^ 0x0A0A_F00D),
        }
    }

    /// 32 random hex digits from the seeded generator.
    pub(crate) fn random_id(&mut self) -> String {
        format!("{:016x}{:016x}", self.rng.next_u64(), self.rng.next_u64())
    }

    /// Revokes every token `user` holds (a withdrawn certificate).
    pub(crate) fn revoke_user(&mut self, user: &str) {
        for record in self.tokens.values_mut().filter(|r| r.user == user) {
            record.revoked = true;
        }
    }
}

/// The user a bearer token belongs to, or why it is refused.
pub(crate) fn bearer_user(
    state: &SimState,
    now: OffsetDateTime,
    token: Option<&str>,
) -> Result<String, &'static str> {
    let token = token.ok_or("Lipseste tokenul de acces (Authorization: Bearer)")?;
    let record = state
        .oauth
        .tokens
        .get(token)
        .filter(|r| r.kind == Kind::Access)
        .ok_or("Token invalid")?;
    if record.revoked {
        return Err("Token revocat");
    }
    if record.expires <= now {
        return Err("Token expirat");
    }
    Ok(record.user.clone())
}

impl EfacturaSim {
    /// Mints an access and a refresh token for `user` and `client_id` (JWT-shaped).
    pub(crate) fn mint(
        &self,
        state: &mut SimState,
        user: &str,
        client_id: &str,
        jwt: bool,
        now: OffsetDateTime,
    ) -> IssuedTokens {
        let access_expires_at = now + state.config.access_token_lifetime;
        let refresh_expires_at = now + state.config.refresh_token_lifetime;
        let access_token = self.token_text(
            state,
            user,
            client_id,
            Kind::Access,
            jwt,
            now,
            access_expires_at,
        );
        let refresh_token = self.token_text(
            state,
            user,
            client_id,
            Kind::Refresh,
            jwt,
            now,
            refresh_expires_at,
        );
        IssuedTokens {
            access_token,
            refresh_token,
            access_expires_at,
            refresh_expires_at,
        }
    }

    #[allow(clippy::too_many_arguments)] // One record's fields, used once.
    fn token_text(
        &self,
        state: &mut SimState,
        user: &str,
        client_id: &str,
        kind: Kind,
        jwt: bool,
        now: OffsetDateTime,
        expires: OffsetDateTime,
    ) -> String {
        let jti = state.oauth.random_id();
        let text = if jwt {
            let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
            let claims = json!({
                "iss": "https://logincert.anaf.ro (simulator)",
                "sub": user,
                "aud": client_id,
                "iat": now.unix_timestamp(),
                "exp": expires.unix_timestamp(),
                "jti": jti,
                "token_type": if kind == Kind::Access { "access" } else { "refresh" },
            });
            let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
            let signing_input = format!("{header}.{payload}");
            let tag = ring::hmac::sign(&self.shared.jwt_key, signing_input.as_bytes());
            format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(tag.as_ref()))
        } else {
            jti
        };
        let record = TokenRecord {
            user: user.to_owned(),
            client_id: client_id.to_owned(),
            kind,
            jwt,
            expires,
            revoked: false,
        };
        state.oauth.tokens.insert(text.clone(), record);
        text
    }
}

/// `POST token`: the `authorization_code` and `refresh_token` grants.
pub(crate) async fn token(
    State(sim): State<EfacturaSim>,
    headers: HeaderMap,
    Query(query): Query<Params>,
    Form(form): Form<Params>,
) -> Response {
    let call = match sim.begin(Endpoint::Token, &headers, Auth::None).await {
        Ok(call) => call,
        Err(response) => return response,
    };
    let response = match grant(&sim, &headers, &query, &form, call.now) {
        Ok(tokens) => axum::Json(json!({
            "access_token": tokens.access_token,
            "token_type": "Bearer",
            "expires_in": (tokens.access_expires_at - call.now).whole_seconds(),
            "refresh_token": tokens.refresh_token,
        }))
        .into_response(),
        Err(error) => error,
    };
    call.finish(response)
}

fn grant(
    sim: &EfacturaSim,
    headers: &HeaderMap,
    query: &Params,
    form: &Params,
    now: OffsetDateTime,
) -> Result<IssuedTokens, Response> {
    let mut state = sim.lock();
    let client_id = authenticate_client(&state, headers, form)?;
    let jwt = [query, form]
        .iter()
        .any(|p| p.get("token_content_type").is_some_and(|t| t == "jwt"));
    match form.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            let code = form.get("code").map_or("", String::as_str);
            let record = state
                .oauth
                .codes
                .remove(code)
                .filter(|c| c.expires > now && c.client_id == client_id);
            let Some(record) = record else {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "the authorization code is unknown, used, expired or another client's",
                ));
            };
            if form
                .get("redirect_uri")
                .is_some_and(|u| *u != record.redirect_uri)
            {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "redirect_uri differs from the one of the authorization request",
                ));
            }
            Ok(sim.mint(&mut state, &record.user, &client_id, jwt || record.jwt, now))
        }
        Some("refresh_token") => refresh(sim, &mut state, &client_id, form, jwt, now),
        Some(other) => Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            &format!("grant_type '{other}' is not supported"),
        )),
        None => Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "grant_type is required",
        )),
    }
}

fn refresh(
    sim: &EfacturaSim,
    state: &mut SimState,
    client_id: &str,
    form: &Params,
    jwt: bool,
    now: OffsetDateTime,
) -> Result<IssuedTokens, Response> {
    let old = form.get("refresh_token").cloned().unwrap_or_default();
    let record = state.oauth.tokens.get(&old).filter(|r| {
        r.kind == Kind::Refresh && !r.revoked && r.expires > now && r.client_id == client_id
    });
    let Some(record) = record.cloned() else {
        return Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "the refresh token is unknown, revoked, expired or another client's",
        ));
    };
    let mut tokens = sim.mint(state, &record.user, client_id, jwt || record.jwt, now);
    match state.config.refresh_rotation {
        RefreshRotation::Rotate => {
            if let Some(r) = state.oauth.tokens.get_mut(&old) {
                r.revoked = true;
            }
        }
        RefreshRotation::RotateKeepOld => {}
        RefreshRotation::Keep => {
            state.oauth.tokens.remove(&tokens.refresh_token);
            tokens.refresh_token = old;
            tokens.refresh_expires_at = record.expires;
        }
    }
    Ok(tokens)
}

/// The client id, from HTTP Basic or the form, after checking its secret.
fn authenticate_client(
    state: &SimState,
    headers: &HeaderMap,
    form: &Params,
) -> Result<String, Response> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b64| STANDARD.decode(b64.trim()).ok())
        .and_then(|raw| String::from_utf8(raw).ok())
        .and_then(|pair| {
            // RFC 6749 §2.3.1: both halves are form-encoded before base64.
            pair.split_once(':')
                .map(|(i, s)| (form_decode(i), form_decode(s)))
        });
    let (id, secret) = basic.unwrap_or_else(|| {
        let get = |k: &str| form.get(k).cloned().unwrap_or_default();
        (get("client_id"), get("client_secret"))
    });
    match state.oauth.clients.get(&id) {
        Some(client) if client.client_secret == secret => Ok(id),
        _ => {
            let mut response = oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "client authentication failed",
            );
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"anaf-oauth2\""),
            );
            Err(response)
        }
    }
}

/// RFC 6749 §5.2 error JSON.
fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        axum::Json(json!({ "error": error, "error_description": description })),
    )
        .into_response()
}

/// `POST revoke`: `token`, `access_token` or `refresh_token` in the form; 200 whether or not
/// the token was known (RFC 7009).
pub(crate) async fn revoke(
    State(sim): State<EfacturaSim>,
    headers: HeaderMap,
    Form(form): Form<Params>,
) -> Response {
    let call = match sim.begin(Endpoint::Revoke, &headers, Auth::None).await {
        Ok(call) => call,
        Err(response) => return response,
    };
    let mut state = sim.lock();
    for key in ["token", "access_token", "refresh_token"] {
        if let Some(record) = form.get(key).and_then(|t| state.oauth.tokens.get_mut(t)) {
            record.revoked = true;
        }
    }
    call.finish(StatusCode::OK.into_response())
}

/// Decodes `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte.
fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |i: usize| bytes.get(i).and_then(|b| char::from(*b).to_digit(16));
        match bytes[at] {
            b'+' => out.push(b' '),
            b'%' if hex(at + 1).is_some() && hex(at + 2).is_some() => {
                let value = hex(at + 1).unwrap_or(0) * 16 + hex(at + 2).unwrap_or(0);
                out.push(u8::try_from(value).unwrap_or(b'?'));
                at += 2;
            }
            byte => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
