//! Passkeys (WebAuthn, issue #5 item 3, api.md §2.1): a signed-in user registers one in two
//! steps (options, then the authenticator's answer); anyone signs in with one in two steps
//! (options with a `sessionId`, then the assertion), without a password or a second factor —
//! a passkey is both. Between the steps the ceremony's state waits in the database, so any
//! server process can finish what another started; each is used once and lives 5 minutes.
//!
//! The relying party is this server: its id and origin come from `FACTURO_WEBAUTHN_RP_ID` and
//! `FACTURO_WEBAUTHN_ORIGIN`, else from the public URL (`localhost` when that is an IP address,
//! as WebAuthn has no relying party on an IP).

use serde_json::Value;
use time::{Duration, OffsetDateTime};
use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Webauthn, WebauthnBuilder,
};

use super::session::{self, TokenPair};
use super::tokens;
use crate::api::error::ApiError;
use crate::ids::{PasskeyId, UserId};
use crate::state::AppState;
use crate::store::passkeys::{self, StoredPasskey};
use crate::store::users::{self, User};

/// How long a ceremony waits for its second step.
pub const CEREMONY_TTL: Duration = Duration::minutes(5);
/// The longest name a passkey may have.
const NAME_MAX: usize = 100;

/// The relying party, or why there is none.
pub fn relying_party(
    public_url: &str,
    rp_id: Option<&str>,
    origin: Option<&str>,
) -> Result<Webauthn, String> {
    let public = Url::parse(public_url).map_err(|e| format!("the public URL: {e}"))?;
    let origin = match origin {
        Some(o) => Url::parse(o).map_err(|e| format!("FACTURO_WEBAUTHN_ORIGIN: {e}"))?,
        None if public.domain().is_none() => {
            let mut local = public.clone();
            local
                .set_host(Some("localhost"))
                .map_err(|e| format!("the public URL: {e}"))?;
            local
        }
        None => public,
    };
    let rp_id = match rp_id {
        Some(id) => id.to_owned(),
        None => origin
            .domain()
            .ok_or("the origin has no domain")?
            .to_owned(),
    };
    WebauthnBuilder::new(&rp_id, &origin)
        .and_then(|b| b.rp_name("Facturo").build())
        .map_err(|e| format!("relying party {rp_id} at {origin}: {e}"))
}

fn webauthn(state: &AppState) -> Result<&Webauthn, ApiError> {
    state
        .passkeys
        .as_deref()
        .ok_or_else(|| ApiError::Unavailable("Passkeys are not configured on this server.".into()))
}

fn registration_key(user: UserId) -> String {
    tokens::hash_secret(&format!("register:{user}"))
}

fn internal(what: &str, e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(anyhow::anyhow!("{what}: {e}"))
}

/// The base64url text of a credential id, as the table keys it.
fn credential_key(id: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id)
}

/// Starts registering a passkey for `user`: the creation options for the browser.
pub async fn registration_options(
    state: &AppState,
    user: &User,
    now: OffsetDateTime,
) -> Result<Value, ApiError> {
    let webauthn = webauthn(state)?;
    let existing = passkeys::list(&state.db, user.id).await?;
    let exclude = existing
        .iter()
        .filter_map(|p| serde_json::from_str::<Passkey>(&p.credential).ok())
        .map(|p| p.cred_id().clone())
        .collect::<Vec<_>>();
    let display = user.full_name();
    let (options, registration) = webauthn
        .start_passkey_registration(
            user.id.0,
            &user.email,
            if display.trim().is_empty() {
                &user.email
            } else {
                &display
            },
            Some(exclude),
        )
        .map_err(|e| internal("starting a passkey registration", e))?;
    let saved = serde_json::to_string(&registration).map_err(|e| internal("a registration", e))?;
    let mut tx = state.db.begin().await?;
    passkeys::begin_ceremony(
        &mut tx,
        &registration_key(user.id),
        "register",
        Some(user.id),
        &saved,
        now + CEREMONY_TTL,
        now,
    )
    .await?;
    tx.commit().await?;
    public_key_of(options)
}

/// The `publicKey` member of a challenge (what `navigator.credentials` takes).
fn public_key_of(challenge: impl serde::Serialize) -> Result<Value, ApiError> {
    let mut value = serde_json::to_value(challenge).map_err(|e| internal("options", e))?;
    Ok(value.get_mut("publicKey").map(Value::take).unwrap_or(value))
}

/// Finishes a registration with the authenticator's answer; the new passkey.
pub async fn register(
    state: &AppState,
    user: &User,
    credential: &Value,
    name: Option<&str>,
    now: OffsetDateTime,
) -> Result<StoredPasskey, ApiError> {
    let webauthn = webauthn(state)?;
    let answer: RegisterPublicKeyCredential = serde_json::from_value(credential.clone())
        .map_err(|e| ApiError::bad_request(format!("Invalid credential: {e}")))?;
    let name = name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("Passkey");
    if name.chars().count() > NAME_MAX {
        return Err(ApiError::field("name", "At most 100 characters."));
    }
    let mut tx = state.db.begin().await?;
    let saved = passkeys::take_ceremony(&mut tx, &registration_key(user.id), "register", now)
        .await?
        .ok_or_else(|| {
            ApiError::bad_request("No passkey registration is waiting: ask for options first.")
        })?;
    let registration: PasskeyRegistration =
        serde_json::from_str(&saved).map_err(|e| internal("a stored registration", e))?;
    let passkey = webauthn
        .finish_passkey_registration(&answer, &registration)
        .map_err(|e| ApiError::bad_request(format!("The passkey was not accepted: {e}.")))?;
    let key = credential_key(passkey.cred_id());
    if passkeys::by_credential(&state.db, &key).await?.is_some() {
        return Err(ApiError::conflict("This passkey is already registered."));
    }
    let json = serde_json::to_string(&passkey).map_err(|e| internal("a passkey", e))?;
    let id = passkeys::insert(&mut tx, user.id, &key, name, &json, now).await?;
    tx.commit().await?;
    Ok(StoredPasskey {
        id,
        user_id: user.id,
        credential_id: key,
        name: name.to_owned(),
        credential: json,
        created_at: crate::store::Ts(now),
        last_used_at: None,
    })
}

/// Starts a passkey sign-in: the request options and the `sessionId` that names the ceremony.
pub async fn login_options(
    state: &AppState,
    now: OffsetDateTime,
) -> Result<(Value, String), ApiError> {
    let webauthn = webauthn(state)?;
    let (options, authentication) = webauthn
        .start_discoverable_authentication()
        .map_err(|e| internal("starting a passkey sign-in", e))?;
    let saved =
        serde_json::to_string(&authentication).map_err(|e| internal("an authentication", e))?;
    let session_id = tokens::random_hex(16);
    let mut tx = state.db.begin().await?;
    passkeys::begin_ceremony(
        &mut tx,
        &tokens::hash_secret(&session_id),
        "login",
        None,
        &saved,
        now + CEREMONY_TTL,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((public_key_of(options)?, session_id))
}

/// Finishes a passkey sign-in: the session starts (no second factor: a passkey is one).
pub async fn login(
    state: &AppState,
    session_id: &str,
    credential: &Value,
    now: OffsetDateTime,
) -> Result<(User, TokenPair), ApiError> {
    const REFUSED: ApiError = ApiError::Unauthorized("Invalid passkey.");
    let webauthn = webauthn(state)?;
    let assertion: PublicKeyCredential = serde_json::from_value(credential.clone())
        .map_err(|e| ApiError::bad_request(format!("Invalid credential: {e}")))?;
    let mut tx = state.db.begin().await?;
    let saved = passkeys::take_ceremony(
        &mut tx,
        &tokens::hash_secret(session_id.trim()),
        "login",
        now,
    )
    .await?
    .ok_or(ApiError::Unauthorized(
        "Invalid or expired passkey session.",
    ))?;
    // The ceremony is spent whatever follows.
    tx.commit().await?;
    let authentication: DiscoverableAuthentication =
        serde_json::from_str(&saved).map_err(|e| internal("a stored authentication", e))?;
    let (user_handle, credential_id) = webauthn
        .identify_discoverable_authentication(&assertion)
        .map_err(|_| REFUSED)?;
    let stored = passkeys::by_credential(&state.db, &credential_key(credential_id))
        .await?
        .filter(|p| p.user_id.0 == user_handle)
        .ok_or(REFUSED)?;
    let mut passkey: Passkey =
        serde_json::from_str(&stored.credential).map_err(|e| internal("a stored passkey", e))?;
    let result = webauthn
        .finish_discoverable_authentication_v2(&assertion, authentication, &passkey)
        .map_err(|_| REFUSED)?;
    let user = users::get(&state.db, stored.user_id)
        .await?
        .ok_or(REFUSED)?;
    if !user.is_active {
        return Err(ApiError::Forbidden {
            message: "This account is inactive.".into(),
            code: Some("account_inactive"),
        });
    }
    passkey.update_credential(&result);
    let json = serde_json::to_string(&passkey).map_err(|e| internal("a passkey", e))?;
    let mut tx = state.db.begin().await?;
    passkeys::used(&mut tx, stored.id, &json, now).await?;
    let pair = session::start(&mut tx, state, &user, now).await?;
    tx.commit().await?;
    Ok((user, pair))
}

/// Removes one of the user's passkeys.
pub async fn remove(state: &AppState, user: &User, id: PasskeyId) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    if !passkeys::delete(&mut tx, user.id, id).await? {
        return Err(ApiError::NotFound("Passkey not found."));
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relying_party_follows_the_public_url() {
        assert!(relying_party("https://facturi.example.ro", None, None).is_ok());
        // An IP has no relying party: localhost stands in for it.
        assert!(relying_party("http://127.0.0.1:8900", None, None).is_ok());
        assert!(
            relying_party("https://facturi.example.ro", Some("other.ro"), None).is_err(),
            "the id must be the origin's domain or a parent of it"
        );
    }
}
