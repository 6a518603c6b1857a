//! The expiry of an ANAF token read from its JWT payload, without verifying the signature: ANAF
//! issues JWTs when asked with `token_content_type=jwt` (tax-apis.md §2), and a pasted token's
//! `exp` is the best guess of its lifetime (api.md §19). Nothing here trusts the token: ANAF
//! decides whether it is valid when it is used.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use time::OffsetDateTime;

/// The `exp` claim of `token` when it is a JWT whose payload says one.
pub fn unverified_expiry(token: &str) -> Option<OffsetDateTime> {
    let mut parts = token.trim().split('.');
    let (_header, payload) = (parts.next()?, parts.next()?);
    parts.next()?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let exp = &claims["exp"];
    #[allow(clippy::cast_possible_truncation)] // seconds since 1970 fit an i64 as a float does
    let seconds = exp.as_i64().or_else(|| exp.as_f64().map(|f| f as i64))?;
    OffsetDateTime::from_unix_timestamp(seconds).ok()
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use time::macros::datetime;

    use super::*;

    fn jwt(claims: &serde_json::Value) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS512","typ":"JWT"}"#);
        let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
        format!("{header}.{payload}.c2lnbmF0dXJl")
    }

    #[test]
    fn the_exp_claim_is_read_without_verifying() {
        let at = datetime!(2026-09-13 09:00 UTC);
        assert_eq!(
            unverified_expiry(&jwt(&json!({ "exp": at.unix_timestamp(), "sub": "x" }))),
            Some(at)
        );
        assert_eq!(
            unverified_expiry(&jwt(&json!({ "exp": 1_789_290_000.0 }))),
            OffsetDateTime::from_unix_timestamp(1_789_290_000).ok()
        );
    }

    #[test]
    fn anything_else_has_no_expiry() {
        assert_eq!(unverified_expiry("opaque-token-0123456789"), None);
        assert_eq!(unverified_expiry(&jwt(&json!({ "sub": "x" }))), None);
        assert_eq!(unverified_expiry("a.!!!.c"), None);
        assert_eq!(unverified_expiry(&jwt(&json!({ "exp": "soon" }))), None);
    }
}
