//! Passwords: argon2id with the library's defaults (19 MiB, 2 passes), hashed off the async
//! runtime's worker threads.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Bounds on what we accept as a password. The upper bound keeps hashing cost bounded.
pub const MIN_LEN: usize = 8;
pub const MAX_LEN: usize = 256;

/// Why a proposed password is refused, as a user-facing sentence.
pub fn check_policy(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < MIN_LEN {
        return Err(format!(
            "Password must be at least {MIN_LEN} characters long."
        ));
    }
    if n > MAX_LEN {
        return Err(format!(
            "Password must be at most {MAX_LEN} characters long."
        ));
    }
    Ok(())
}

pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let hash: PasswordHash = Argon2::default()
            .hash_password(password.as_bytes())
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))?;
        Ok(hash.to_string())
    })
    .await?
}

/// Whether `password` matches `hash`. A malformed stored hash counts as no match.
pub async fn verify(password: String, hash: String) -> anyhow::Result<bool> {
    Ok(tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(password.as_bytes(), hash.as_str())
            .is_ok()
    })
    .await?)
}

/// A hash to verify against when the account does not exist, so that a login for an unknown
/// e-mail costs the same time as one for a known e-mail.
pub fn dummy_hash() -> &'static str {
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$zFbWkV+U8YxjDGwpZKY7u2qvbH+CRDTuQlpXgIZkHxk"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let h = hash("correct horse".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse".into(), h.clone()).await.unwrap());
        assert!(!verify("wrong horse".into(), h).await.unwrap());
        assert!(!verify("x".into(), "not a hash".into()).await.unwrap());
        assert!(!verify("x".into(), dummy_hash().into()).await.unwrap());
    }

    #[test]
    fn the_policy_bounds_length() {
        assert!(check_policy("short").is_err());
        assert!(check_policy("long enough").is_ok());
        assert!(check_policy(&"x".repeat(MAX_LEN + 1)).is_err());
    }
}
