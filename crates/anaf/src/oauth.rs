//! ANAF's OAuth 2.0 server (`logincert.anaf.ro`): the authorization URL, code exchange,
//! refresh and revocation, and the expiry of a JWT token.
//!
//! The flow (project tax-API notes §2): the user's browser goes to
//! [`OAuthClient::authorize_url`], authenticates with a qualified certificate, and comes back
//! to the redirect URI with `code` and `state`; [`OAuthClient::exchange_code`] turns the code
//! into [`Tokens`]. Access tokens live 90 days and refresh tokens 365; a failed refresh needs
//! the user and the certificate again. Every token request asks for JWTs
//! (`token_content_type=jwt`), whose `exp` [`jwt_expiry`] reads.
//!
//! The client stores no tokens; callers persist what [`OAuthClient::refresh`] returns (it
//! always carries a refresh token: the new one, or the old one when ANAF sent none).

use std::fmt::{self, Write as _};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use reqwest::header::{ACCEPT, AUTHORIZATION};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use crate::Error;
use crate::transport;

/// ANAF's OAuth base URL; `authorize`, `token` and `revoke` sit below it.
pub const DEFAULT_BASE_URL: &str = "https://logincert.anaf.ro/anaf-oauth2/v1/";

/// The most bytes of an OAuth answer the client reads.
const MAX_BODY: usize = 1024 * 1024;

/// How the client proves its identity to the token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ClientAuth {
    /// `client_id` and `client_secret` in the form body (what Storno and others send).
    #[default]
    Form,
    /// HTTP Basic with the form-encoded id and secret (RFC 6749 §2.3.1).
    Basic,
}

/// Which token [`OAuthClient::revoke`] revokes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenKind {
    /// An access token (sent as `access_token=`).
    Access,
    /// A refresh token (sent as `refresh_token=`).
    Refresh,
}

/// The tokens ANAF issued. `Debug` hides the tokens themselves.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tokens {
    /// The bearer token for e-Factura calls.
    pub access_token: String,
    /// `token_type`, "Bearer".
    pub token_type: String,
    /// The token that obtains the next access token.
    pub refresh_token: String,
    /// `expires_in`: the access token's lifetime from issue, when ANAF said so.
    pub expires_in: Option<Duration>,
}

impl Tokens {
    /// When the access token expires: its JWT `exp` when readable, else `now + expires_in`.
    pub fn access_expires_at(&self, now: OffsetDateTime) -> Option<OffsetDateTime> {
        jwt_expiry(&self.access_token).or_else(|| {
            self.expires_in
                .and_then(|d| time::Duration::try_from(d).ok())
                .and_then(|d| now.checked_add(d))
        })
    }

    /// When the refresh token expires, from its JWT `exp`.
    pub fn refresh_expires_at(&self) -> Option<OffsetDateTime> {
        jwt_expiry(&self.refresh_token)
    }
}

impl fmt::Debug for Tokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tokens")
            .field("access_token", &"<redacted>")
            .field("token_type", &self.token_type)
            .field("refresh_token", &"<redacted>")
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

/// A client of ANAF's OAuth server for one registered application. `Debug` hides the secret.
#[derive(Clone)]
pub struct OAuthClient {
    http: reqwest::Client,
    base: reqwest::Url,
    timeout: Duration,
    client_id: String,
    client_secret: String,
    auth: ClientAuth,
}

impl fmt::Debug for OAuthClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthClient")
            .field("base", &self.base.as_str())
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("auth", &self.auth)
            .finish_non_exhaustive()
    }
}

impl OAuthClient {
    /// A client for ANAF's OAuth server ([`DEFAULT_BASE_URL`]).
    pub fn new(client_id: &str, client_secret: &str, timeout: Duration) -> Result<Self, Error> {
        Self::with_base_url(DEFAULT_BASE_URL, client_id, client_secret, timeout)
    }

    /// A client for the OAuth server under `base_url` (a simulator's, in tests).
    pub fn with_base_url(
        base_url: &str,
        client_id: &str,
        client_secret: &str,
        timeout: Duration,
    ) -> Result<Self, Error> {
        Ok(OAuthClient {
            http: transport::http_client(timeout)?,
            base: transport::base_url(base_url)?,
            timeout,
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
            auth: ClientAuth::Form,
        })
    }

    /// The same client, authenticating with `auth`.
    pub fn with_client_auth(mut self, auth: ClientAuth) -> Self {
        self.auth = auth;
        self
    }

    /// Where to send the user's browser: `authorize?response_type=code&client_id=…&
    /// redirect_uri=…&token_content_type=jwt&state=…`. `state` must be unguessable and
    /// checked on return (CSRF).
    pub fn authorize_url(&self, state: &str, redirect_uri: &str) -> Result<String, Error> {
        let mut url = transport::join(&self.base, "authorize")?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("token_content_type", "jwt")
            .append_pair("state", state);
        Ok(url.into())
    }

    /// Exchanges the `code` the redirect brought for tokens (`grant_type=authorization_code`).
    /// `redirect_uri` must be the one given to [`OAuthClient::authorize_url`].
    pub async fn exchange_code(&self, code: &str, redirect_uri: &str) -> Result<Tokens, Error> {
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("token_content_type", "jwt"),
        ];
        let value = self.post("token", &form).await?;
        tokens(&value, None)
    }

    /// Obtains a new access token (`grant_type=refresh_token`). The result always carries a
    /// refresh token: ANAF's new one, or `refresh_token` itself when ANAF sent none. Persist
    /// it: the old one may stop working.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Tokens, Error> {
        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("token_content_type", "jwt"),
        ];
        let value = self.post("token", &form).await?;
        tokens(&value, Some(refresh_token))
    }

    /// Revokes a token (`revoke`, form `access_token=…` or `refresh_token=…`).
    pub async fn revoke(&self, token: &str, kind: TokenKind) -> Result<(), Error> {
        let name = match kind {
            TokenKind::Access => "access_token",
            TokenKind::Refresh => "refresh_token",
        };
        self.post("revoke", &[(name, token)]).await.map(drop)
    }

    /// Posts a form with the client's credentials; returns the JSON answer (`null` for an
    /// empty body) or the OAuth error.
    async fn post(&self, path: &str, form: &[(&str, &str)]) -> Result<Value, Error> {
        let url = transport::join(&self.base, path)?;
        let mut fields: Vec<(&str, &str)> = form.to_vec();
        let mut builder = self
            .http
            .post(url.clone())
            .header(ACCEPT, "application/json");
        match self.auth {
            ClientAuth::Form => {
                fields.push(("client_id", &self.client_id));
                fields.push(("client_secret", &self.client_secret));
            }
            ClientAuth::Basic => {
                builder = builder.header(AUTHORIZATION, self.basic_credentials());
            }
        }
        tracing::debug!(%url, "calling ANAF OAuth");
        let reply = transport::send(builder.form(&fields), &url, self.timeout, MAX_BODY).await?;
        if reply.is_html_page() && !reply.status.is_client_error() {
            return Err(reply.firewall());
        }
        let json = if reply.body.iter().all(u8::is_ascii_whitespace) {
            Some(Value::Null)
        } else {
            serde_json::from_slice::<Value>(&reply.body).ok()
        };
        if reply.status.is_success() {
            return json.ok_or_else(|| {
                Error::Protocol(format!("the OAuth answer is not JSON: {}", reply.snippet()))
            });
        }
        let field = |key: &str| {
            json.as_ref()
                .and_then(|v| v.get(key))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        Err(Error::OAuth {
            status: reply.status.as_u16(),
            error: field("error").unwrap_or_else(|| reply.snippet()),
            description: field("error_description"),
        })
    }

    /// `Basic base64(urlencode(id) ":" urlencode(secret))`.
    fn basic_credentials(&self) -> String {
        let pair = format!(
            "{}:{}",
            form_encode(&self.client_id),
            form_encode(&self.client_secret)
        );
        format!("Basic {}", STANDARD.encode(pair))
    }
}

/// `application/x-www-form-urlencoded` encoding of one value (RFC 6749 Appendix B).
fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => {
                // Writing to a String cannot fail.
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// Reads a token answer; `previous` is the refresh token to keep when ANAF sends none.
fn tokens(value: &Value, previous: Option<&str>) -> Result<Tokens, Error> {
    let field = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let access_token = field("access_token")
        .ok_or_else(|| Error::Protocol("the token answer has no access_token".to_owned()))?;
    let token_type = field("token_type").unwrap_or("Bearer");
    if !token_type.eq_ignore_ascii_case("bearer") {
        return Err(Error::Protocol(format!(
            "the token answer has token_type {token_type}, not Bearer"
        )));
    }
    let refresh_token = field("refresh_token")
        .or(previous)
        .ok_or_else(|| Error::Protocol("the token answer has no refresh_token".to_owned()))?;
    let expires_in = match value.get("expires_in") {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
    .map(Duration::from_secs);
    Ok(Tokens {
        access_token: access_token.to_owned(),
        token_type: token_type.to_owned(),
        refresh_token: refresh_token.to_owned(),
        expires_in,
    })
}

/// The `exp` claim of a JWT, read without verifying the signature (only ANAF could). `None`
/// for an opaque token or one without a readable `exp`.
pub fn jwt_expiry(token: &str) -> Option<OffsetDateTime> {
    let mut parts = token.trim().split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    let claims: Value = serde_json::from_slice(&bytes).ok()?;
    let exp = claims.get("exp")?;
    // Some issuers write `exp` with a fraction; the bound keeps the cast exact.
    #[allow(clippy::cast_possible_truncation)]
    let seconds = exp.as_i64().or_else(|| {
        exp.as_f64()
            .filter(|f| f.is_finite() && f.abs() < 1e15)
            .map(|f| f.trunc() as i64)
    })?;
    OffsetDateTime::from_unix_timestamp(seconds).ok()
}

#[cfg(test)]
mod tests;
