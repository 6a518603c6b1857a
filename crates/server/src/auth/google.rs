//! Google sign-in (issue #5 item 4, api.md §2.1 `POST /api/auth/google`). The app obtains a
//! Google ID token (an RS256 JWT) and sends it; we check its signature against Google's published
//! keys, its issuer, its audience (our client ids), its expiry and that Google verified the
//! address. Then the Google account signs in the user linked to its subject id, else the user
//! with its address (linking it), else a new account made as registration makes one.
//!
//! Google's keys are cached as long as the answer's `Cache-Control: max-age` says, and fetched
//! again when a token names a key we do not have (Google rotated them), at most once a minute
//! whatever the reason, so that tokens with made-up key ids cannot make us fetch per request.

use std::collections::HashMap;
use std::time::Duration as StdDuration;

use anyhow::Context as _;
use jsonwebtoken::jwk::{AlgorithmParameters, Jwk};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use serde_json::Value;
use time::{Duration, OffsetDateTime};
use tokio::sync::Mutex;

use super::session::{self, Account, Login};
use crate::api::error::ApiError;
use crate::state::AppState;
use crate::store::identities::{self, GOOGLE};
use crate::store::users::{self, User};

/// The `iss` of Google's ID tokens, with and without the scheme (Google's documentation).
const ISSUERS: [&str; 2] = ["accounts.google.com", "https://accounts.google.com"];
/// Clock skew allowed on `exp` and `nbf`.
const LEEWAY_SECS: i64 = 60;
/// Fetches of the keys are at least this far apart.
const REFETCH_AFTER: Duration = Duration::minutes(1);
/// How long keys are kept when the answer has no `max-age`, and the most any `max-age` counts.
const DEFAULT_MAX_AGE: Duration = Duration::hours(1);
const LONGEST_MAX_AGE: Duration = Duration::days(1);
/// Google's key set is about 2 KB.
const MAX_JWKS_BYTES: usize = 256 * 1024;
const FETCH_TIMEOUT: StdDuration = StdDuration::from_secs(10);

/// Google's token-signing keys by key id, fetched from the configured JWKS URL and cached.
#[derive(Debug)]
pub struct GoogleKeys {
    url: String,
    http: reqwest::Client,
    cache: Mutex<KeyCache>,
}

#[derive(Debug, Default)]
struct KeyCache {
    keys: HashMap<String, DecodingKey>,
    /// Until when the keys may be used without asking again (`max-age`).
    fresh_until: Option<OffsetDateTime>,
    /// The last fetch, successful or not.
    fetched_at: Option<OffsetDateTime>,
}

impl GoogleKeys {
    pub fn new(url: &str) -> anyhow::Result<GoogleKeys> {
        anaf::install_crypto_provider();
        let http = reqwest::Client::builder()
            .user_agent(concat!("Facturo/", env!("CARGO_PKG_VERSION")))
            .timeout(FETCH_TIMEOUT)
            .connect_timeout(FETCH_TIMEOUT)
            .build()
            .context("building the HTTP client for Google's keys")?;
        Ok(GoogleKeys {
            url: url.to_owned(),
            http,
            cache: Mutex::default(),
        })
    }

    /// The key `kid` names. Fetches the keys when the cached ones are stale or lack `kid` and
    /// the last fetch is a minute old; a failed fetch keeps the keys we had. The lock is held
    /// while fetching, so concurrent sign-ins wait for one fetch instead of each making one.
    async fn key(&self, kid: &str, now: OffsetDateTime) -> anyhow::Result<Option<DecodingKey>> {
        let mut cache = self.cache.lock().await;
        let may_fetch = cache.fetched_at.is_none_or(|t| now - t >= REFETCH_AFTER);
        let stale = cache.fresh_until.is_none_or(|t| now >= t);
        if may_fetch && (stale || !cache.keys.contains_key(kid)) {
            cache.fetched_at = Some(now);
            match self.fetch().await {
                Ok((keys, max_age)) => {
                    cache.keys = keys;
                    cache.fresh_until = Some(now + max_age);
                }
                Err(e) if cache.keys.is_empty() => return Err(e),
                Err(e) => {
                    tracing::warn!(error = %format!("{e:#}"), "fetching Google's keys failed; keeping the ones we have");
                }
            }
        }
        anyhow::ensure!(
            !cache.keys.is_empty(),
            "Google's keys could not be fetched a minute ago"
        );
        Ok(cache.keys.get(kid).cloned())
    }

    /// The RSA keys of the JWKS and how long they may be kept.
    async fn fetch(&self) -> anyhow::Result<(HashMap<String, DecodingKey>, Duration)> {
        let mut response = self
            .http
            .get(&self.url)
            .send()
            .await
            .with_context(|| format!("GET {}", self.url))?;
        anyhow::ensure!(
            response.status().is_success(),
            "GET {}: HTTP {}",
            self.url,
            response.status()
        );
        let max_age = response
            .headers()
            .get(reqwest::header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .and_then(max_age)
            .map_or(DEFAULT_MAX_AGE, |age| age.min(LONGEST_MAX_AGE));
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.context("reading Google's keys")? {
            body.extend_from_slice(&chunk);
            anyhow::ensure!(
                body.len() <= MAX_JWKS_BYTES,
                "Google's key set is larger than {MAX_JWKS_BYTES} bytes"
            );
        }
        #[derive(Deserialize)]
        struct KeySet {
            keys: Vec<Value>,
        }
        let set: KeySet = serde_json::from_slice(&body).context("Google's key set")?;
        // One key of a type we do not know must not cost us the others.
        let keys = set
            .keys
            .into_iter()
            .filter_map(|v| serde_json::from_value::<Jwk>(v).ok())
            .filter(|jwk| matches!(jwk.algorithm, AlgorithmParameters::RSA(_)))
            .filter_map(|jwk| {
                let kid = jwk.common.key_id.clone()?;
                DecodingKey::from_jwk(&jwk).ok().map(|key| (kid, key))
            })
            .collect();
        Ok((keys, max_age))
    }
}

/// The `max-age` of a `Cache-Control` value.
fn max_age(cache_control: &str) -> Option<Duration> {
    cache_control.split(',').find_map(|directive| {
        let (name, value) = directive.trim().split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("max-age") {
            return None;
        }
        value
            .trim()
            .trim_matches('"')
            .parse::<i64>()
            .ok()
            .map(Duration::seconds)
    })
}

/// The claims we read; `aud` and `iss` are checked by the validation.
#[derive(Debug, Deserialize)]
struct Claims {
    sub: String,
    exp: i64,
    nbf: Option<i64>,
    email: Option<String>,
    /// A boolean, or the string `"true"` in tokens of older Google libraries.
    email_verified: Option<Value>,
    given_name: Option<String>,
    family_name: Option<String>,
}

/// A Google account, as a valid ID token shows it.
#[derive(Debug, Clone)]
pub struct GoogleAccount {
    /// Google's stable id of the account (`sub`).
    pub subject: String,
    /// Verified by Google, normalized.
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

const INVALID: ApiError = ApiError::Unauthorized("Invalid Google token.");

/// Checks a Google ID token. A token we cannot trust is the contract's 401; a server without
/// client ids, or one that cannot reach Google's keys, answers 503.
pub async fn verify(
    state: &AppState,
    credential: &str,
    now: OffsetDateTime,
) -> Result<GoogleAccount, ApiError> {
    let client_ids = &state.config.google.client_ids;
    if client_ids.is_empty() {
        return Err(ApiError::Unavailable(
            "Google sign-in is not configured on this server (FACTURO_GOOGLE_CLIENT_IDS).".into(),
        ));
    }
    // `alg: none` and HS256 are refused here, before any key is looked up.
    let header = jsonwebtoken::decode_header(credential.trim()).map_err(|_| INVALID)?;
    if header.alg != Algorithm::RS256 {
        return Err(INVALID);
    }
    let kid = header.kid.ok_or(INVALID)?;
    let key = state
        .google
        .key(&kid, now)
        .await
        .map_err(|e| {
            tracing::warn!(error = %format!("{e:#}"), "Google's keys are unavailable");
            ApiError::Unavailable(
                "Google sign-in is unavailable: Google's keys could not be fetched.".into(),
            )
        })?
        .ok_or(INVALID)?;
    let mut validation = Validation::new(Algorithm::RS256);
    // Expiry is checked below against our clock, which tests move.
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.set_audience(client_ids);
    validation.set_issuer(&ISSUERS);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    let claims = jsonwebtoken::decode::<Claims>(credential.trim(), &key, &validation)
        .map_err(|_| INVALID)?
        .claims;
    let at = now.unix_timestamp();
    if claims.exp + LEEWAY_SECS <= at || claims.nbf.is_some_and(|nbf| nbf - LEEWAY_SECS > at) {
        return Err(INVALID);
    }
    let verified = match &claims.email_verified {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        _ => false,
    };
    let email = claims
        .email
        .map(|e| users::normalize_email(&e))
        .filter(|e| verified && session::is_plausible_email(e))
        .ok_or(ApiError::Unauthorized(
            "Google has not verified this account's e-mail address.",
        ))?;
    Ok(GoogleAccount {
        subject: claims.sub,
        email,
        first_name: claims.given_name,
        last_name: claims.family_name,
    })
}

/// What a Google sign-in gives: a session or the MFA challenge, and whether it made the account.
#[derive(Debug)]
pub struct GoogleLogin {
    pub login: Login,
    pub is_new_user: bool,
}

/// Signs in with a Google ID token; `locale` is a new account's.
pub async fn sign_in(
    state: &AppState,
    credential: &str,
    locale: String,
    origin: &crate::audit::Origin,
    now: OffsetDateTime,
) -> Result<GoogleLogin, ApiError> {
    let account = verify(state, credential, now).await?;
    let (user, is_new_user) = find_or_create(state, &account, locale, now).await?;
    let login = session::admit(state, &user, "google", origin, now).await?;
    tracing::info!(user = %user.id, is_new_user, "signed in with Google");
    Ok(GoogleLogin { login, is_new_user })
}

/// The user a Google account signs in: the one linked to its subject, else the one with its
/// address (now linked), else a new one (linked); `true` when it is new.
///
/// An unconfirmed account with the address is confirmed and loses its password: whoever
/// registered it never proved the address, and Google just did (otherwise someone could
/// register a victim's address first and share the account the victim later signs into).
async fn find_or_create(
    state: &AppState,
    account: &GoogleAccount,
    locale: String,
    now: OffsetDateTime,
) -> Result<(User, bool), ApiError> {
    if let Some(id) = identities::find_user(&state.db, GOOGLE, &account.subject).await? {
        return Ok((reload(state, id).await?, false));
    }
    if let Some(user) = users::find_by_email(&state.db, &account.email).await? {
        if !user.is_active {
            // Refused by `admit`; nothing is linked to an inactive account.
            return Ok((user, false));
        }
        let mut tx = state.db.begin().await?;
        if !user.email_verified {
            users::claim_unconfirmed(&mut tx, user.id, now).await?;
            tracing::warn!(user = %user.id, "an unconfirmed account was claimed by a Google sign-in; its password is removed");
        }
        identities::link(
            &mut tx,
            user.id,
            GOOGLE,
            &account.subject,
            &account.email,
            now,
        )
        .await?;
        tx.commit().await?;
        tracing::info!(user = %user.id, "a Google account was linked by its address");
        return Ok((reload(state, user.id).await?, false));
    }
    let new = Account {
        email: account.email.clone(),
        password_hash: None,
        first_name: account.first_name.clone(),
        last_name: account.last_name.clone(),
        organization_name: None,
        locale,
        confirmed: true,
        is_admin: false,
    };
    let mut tx = state.db.begin().await?;
    let id = session::create_account(&mut tx, new, now).await?;
    identities::link(&mut tx, id, GOOGLE, &account.subject, &account.email, now).await?;
    tx.commit().await?;
    Ok((reload(state, id).await?, true))
}

async fn reload(state: &AppState, id: crate::ids::UserId) -> Result<User, ApiError> {
    users::get(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("user {id} vanished while signing in")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_is_read_from_cache_control() {
        assert_eq!(
            max_age("public, max-age=19845, must-revalidate, no-transform"),
            Some(Duration::seconds(19845))
        );
        assert_eq!(max_age("MAX-AGE=\"60\""), Some(Duration::seconds(60)));
        assert_eq!(max_age("no-store"), None);
        assert_eq!(max_age("max-age=soon"), None);
    }
}
