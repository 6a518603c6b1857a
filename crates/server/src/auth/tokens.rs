//! Access tokens (EdDSA JWT, 1 h) and opaque secrets (refresh tokens, e-mailed links), which are
//! stored only as SHA-256 hashes.

use jsonwebtoken::{Algorithm, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::keys::SigningKeys;

pub const ACCESS_TTL: Duration = Duration::hours(1);
pub const REFRESH_TTL: Duration = Duration::days(30);
const ISSUER: &str = "facturo";

/// The access token's claims. `username` and `roles` are what the incumbent's clients read
/// (lexik bundle defaults, api.md §2.3); `sub` is what we trust.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AccessClaims {
    pub sub: Uuid,
    pub username: String,
    pub roles: Vec<String>,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
}

/// Why an access token is refused; the variants map to the contract's 401 messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    #[error("Invalid JWT Token")]
    Invalid,
    #[error("Expired JWT Token")]
    Expired,
}

pub fn issue_access(
    keys: &SigningKeys,
    user: Uuid,
    email: &str,
    is_admin: bool,
    now: OffsetDateTime,
) -> anyhow::Result<String> {
    let mut roles = vec!["ROLE_USER".to_owned()];
    if is_admin {
        roles.push("ROLE_SUPER_ADMIN".to_owned());
    }
    let claims = AccessClaims {
        sub: user,
        username: email.to_owned(),
        roles,
        iat: now.unix_timestamp(),
        exp: (now + ACCESS_TTL).unix_timestamp(),
        iss: ISSUER.to_owned(),
    };
    let mut header = Header::new(Algorithm::EdDSA);
    header.kid = Some(keys.kid.clone());
    Ok(jsonwebtoken::encode(&header, &claims, &keys.encoding)?)
}

/// Verifies signature, issuer and expiry. Expiry is checked against our clock, not the system's,
/// so tests can move time.
pub fn verify_access(
    keys: &SigningKeys,
    token: &str,
    now: OffsetDateTime,
) -> Result<AccessClaims, AccessError> {
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.validate_exp = false;
    validation.set_issuer(&[ISSUER]);
    validation.set_required_spec_claims(&["exp", "iat", "sub", "iss"]);
    let data = jsonwebtoken::decode::<AccessClaims>(token, &keys.decoding, &validation)
        .map_err(|_| AccessError::Invalid)?;
    if data.claims.exp <= now.unix_timestamp() {
        return Err(AccessError::Expired);
    }
    Ok(data.claims)
}

/// A new random secret: 64 bytes as 128 lowercase hex characters.
pub fn new_secret() -> String {
    random_hex(64)
}

/// `bytes` random bytes from the OS as lowercase hex (challenge tokens, session ids, OAuth
/// states).
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// What is stored for a secret.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn access_tokens_verify_until_they_expire() {
        let keys = SigningKeys::generate();
        let now = datetime!(2026-01-01 10:00 UTC);
        let user = Uuid::now_v7();
        let token = issue_access(&keys, user, "ana@example.ro", false, now).unwrap();
        let claims = verify_access(&keys, &token, now + Duration::minutes(59)).unwrap();
        assert_eq!(claims.sub, user);
        assert_eq!(claims.roles, ["ROLE_USER"]);
        assert_eq!(
            verify_access(&keys, &token, now + Duration::hours(1)),
            Err(AccessError::Expired)
        );
    }

    #[test]
    fn tokens_of_another_key_or_tampered_are_invalid() {
        let now = datetime!(2026-01-01 10:00 UTC);
        let token = issue_access(
            &SigningKeys::generate(),
            Uuid::now_v7(),
            "a@b.ro",
            false,
            now,
        )
        .unwrap();
        assert_eq!(
            verify_access(&SigningKeys::generate(), &token, now),
            Err(AccessError::Invalid)
        );
        assert_eq!(
            verify_access(&SigningKeys::generate(), "not.a.jwt", now),
            Err(AccessError::Invalid)
        );
    }

    #[test]
    fn secrets_are_random_and_hashed() {
        let (a, b) = (new_secret(), new_secret());
        assert_eq!(a.len(), 128);
        assert_ne!(a, b);
        assert_eq!(hash_secret(&a).len(), 64);
        assert_ne!(hash_secret(&a), a);
    }
}
