//! Secrets and signatures. Two schemes sign every request (docs/webhooks.md):
//!
//! 1. `X-Webhook-Signature`: lowercase hex HMAC-SHA256 of the raw body with the current secret,
//!    as the Storno API sends it. It has no timestamp, so a captured request replays.
//! 2. `X-Facturo-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`: HMAC-SHA256 of `<t>.<body>`,
//!    with `t` also in `X-Webhook-Timestamp`; receivers refuse an old `t`. During a rotation's
//!    grace period it carries one `v1` per secret, the newest first.
//!
//! The key is the secret's text (64 hex characters) as bytes, not its decoded value.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// How long a timestamped signature is good for, by the docs' advice.
pub const TOLERANCE_SECS: i64 = 300;

/// A new secret: 32 random bytes as 64 lowercase hex characters.
pub fn new_secret() -> String {
    crate::auth::tokens::random_hex(32)
}

/// The last 8 characters of a secret, kept apart for the masked form.
pub fn tail(secret: &str) -> String {
    secret[secret.len().saturating_sub(8)..].to_owned()
}

/// The form lists show: `***` and the last 8 characters.
pub fn masked(tail: &str) -> String {
    format!("***{tail}")
}

fn mac(secret: &str) -> HmacSha256 {
    // HMAC takes a key of any length.
    HmacSha256::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!())
}

/// Scheme 1: hex HMAC-SHA256 of `body`.
pub fn body_signature(secret: &str, body: &[u8]) -> String {
    let mut m = mac(secret);
    m.update(body);
    hex::encode(m.finalize().into_bytes())
}

fn timestamped_mac(secret: &str, t: i64, body: &[u8]) -> HmacSha256 {
    let mut m = mac(secret);
    m.update(t.to_string().as_bytes());
    m.update(b".");
    m.update(body);
    m
}

/// Scheme 2's header value, one `v1` per secret in the order given.
pub fn timestamped_header(secrets: &[&str], t: i64, body: &[u8]) -> String {
    let mut header = format!("t={t}");
    for secret in secrets {
        header.push_str(",v1=");
        header.push_str(&hex::encode(
            timestamped_mac(secret, t, body).finalize().into_bytes(),
        ));
    }
    header
}

/// Why a signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("the signature header is malformed")]
    Malformed,
    #[error("the timestamp is outside the tolerance")]
    Stale,
    #[error("no signature matches")]
    Mismatch,
}

/// Checks a scheme 2 header as a receiver would: `t` within `tolerance` seconds of `now` and
/// any `v1` matching, compared in constant time.
pub fn verify_timestamped(
    header: &str,
    secret: &str,
    body: &[u8],
    now: i64,
    tolerance: i64,
) -> Result<(), VerifyError> {
    let mut t = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = Some(v.parse::<i64>().map_err(|_| VerifyError::Malformed)?),
            Some(("v1", v)) => signatures.push(hex::decode(v).map_err(|_| VerifyError::Malformed)?),
            _ => {}
        }
    }
    let t = t.ok_or(VerifyError::Malformed)?;
    if signatures.is_empty() {
        return Err(VerifyError::Malformed);
    }
    if (now - t).abs() > tolerance {
        return Err(VerifyError::Stale);
    }
    if signatures
        .iter()
        .any(|s| timestamped_mac(secret, t, body).verify_slice(s).is_ok())
    {
        Ok(())
    } else {
        Err(VerifyError::Mismatch)
    }
}

/// Checks a scheme 1 header in constant time.
pub fn verify_body(header: &str, secret: &str, body: &[u8]) -> bool {
    let Ok(sig) = hex::decode(header.trim()) else {
        return false;
    };
    let mut m = mac(secret);
    m.update(body);
    m.verify_slice(&sig).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "3f9c2b7e4a1d6f80c5e2a9b4d7f01e3c6a8b5d2f9e4c7a1b0d3f6e9c2a5b8d1e";

    #[test]
    fn scheme_one_is_the_known_hmac() {
        // RFC 4231 test case 2 ("Jefe").
        let mut m = HmacSha256::new_from_slice(b"Jefe").unwrap();
        m.update(b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(m.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            body_signature("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let sig = body_signature(SECRET, b"{}");
        assert!(verify_body(&sig, SECRET, b"{}"));
        assert!(!verify_body(&sig, SECRET, b"{ }"));
        assert!(!verify_body("zz", SECRET, b"{}"));
    }

    #[test]
    fn scheme_two_checks_time_and_any_secret() {
        let body = br#"{"event":"webhook.test"}"#;
        let header = timestamped_header(&["new-secret", SECRET], 1_781_514_000, body);
        assert!(header.starts_with("t=1781514000,v1="));
        assert_eq!(header.matches("v1=").count(), 2);
        assert_eq!(
            verify_timestamped(&header, SECRET, body, 1_781_514_100, 300),
            Ok(())
        );
        assert_eq!(
            verify_timestamped(&header, "new-secret", body, 1_781_514_000, 300),
            Ok(())
        );
        assert_eq!(
            verify_timestamped(&header, "other", body, 1_781_514_000, 300),
            Err(VerifyError::Mismatch)
        );
        assert_eq!(
            verify_timestamped(&header, SECRET, body, 1_781_514_301, 300),
            Err(VerifyError::Stale)
        );
        // The timestamp is signed: moving it breaks the signature.
        let moved = header.replacen("t=1781514000", "t=1781514200", 1);
        assert_eq!(
            verify_timestamped(&moved, SECRET, body, 1_781_514_200, 300),
            Err(VerifyError::Mismatch)
        );
        assert_eq!(
            verify_timestamped("v1=00", SECRET, body, 0, 300),
            Err(VerifyError::Malformed)
        );
    }

    #[test]
    fn secrets_are_64_hex_and_mask_to_their_tail() {
        let s = new_secret();
        assert_eq!(s.len(), 64);
        assert!(
            s.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_eq!(SECRET.len(), 64);
        assert_eq!(masked(&tail(SECRET)), "***2a5b8d1e");
    }
}
