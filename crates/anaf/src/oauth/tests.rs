//! Unit tests of the OAuth client's pure parts; the HTTP exchanges are in `tests/efactura`.

use super::*;
use pretty_assertions::assert_eq;
use serde_json::json;
use time::macros::datetime;

/// A JWT with `payload` (unsigned: the signature part is never checked).
fn jwt(payload: &Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS512","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(payload.to_string());
    format!("{header}.{payload}.c2lnbmF0dXJl")
}

#[test]
fn jwt_expiry_reads_exp_without_verifying() {
    let token = jwt(&json!({"sub": "x", "exp": 1_767_225_600}));
    assert_eq!(jwt_expiry(&token), Some(datetime!(2026-01-01 00:00 UTC)));
    let fractional = jwt(&json!({"exp": 1_767_225_600.75}));
    assert_eq!(
        jwt_expiry(&fractional),
        Some(datetime!(2026-01-01 00:00 UTC))
    );
}

#[test]
fn jwt_expiry_is_none_for_opaque_or_odd_tokens() {
    assert_eq!(jwt_expiry("0a1b2c3d4e5f"), None);
    assert_eq!(jwt_expiry(""), None);
    assert_eq!(jwt_expiry("a.b"), None);
    assert_eq!(jwt_expiry("a.b.c.d"), None);
    assert_eq!(jwt_expiry("a.!!!.c"), None);
    assert_eq!(jwt_expiry(&jwt(&json!({"sub": "no exp"}))), None);
    assert_eq!(jwt_expiry(&jwt(&json!({"exp": "soon"}))), None);
    assert_eq!(jwt_expiry(&jwt(&json!({"exp": 1e300}))), None);
}

#[test]
fn token_answers_keep_the_old_refresh_token_only_when_none_comes() {
    let answer = json!({
        "access_token": "A2", "token_type": "bearer", "refresh_token": "R2", "expires_in": 7_776_000
    });
    let fresh = tokens(&answer, Some("R1")).unwrap();
    assert_eq!(fresh.refresh_token, "R2");
    assert_eq!(fresh.expires_in, Some(Duration::from_hours(2160)));
    let answer = json!({"access_token": "A2", "token_type": "Bearer", "expires_in": "3600"});
    let kept = tokens(&answer, Some("R1")).unwrap();
    assert_eq!(kept.refresh_token, "R1");
    assert_eq!(kept.expires_in, Some(Duration::from_hours(1)));
    assert!(matches!(tokens(&answer, None), Err(Error::Protocol(_))));
}

#[test]
fn token_answers_without_access_token_or_bearer_type_are_refused() {
    let no_access = json!({"token_type": "Bearer", "refresh_token": "R"});
    assert!(matches!(tokens(&no_access, None), Err(Error::Protocol(_))));
    let mac = json!({"access_token": "A", "token_type": "mac", "refresh_token": "R"});
    assert!(matches!(tokens(&mac, None), Err(Error::Protocol(_))));
}

#[test]
fn access_expiry_prefers_the_jwt_then_expires_in() {
    let now = datetime!(2025-01-01 00:00 UTC);
    let mut tokens = Tokens {
        access_token: jwt(&json!({"exp": 1_767_225_600})),
        token_type: "Bearer".into(),
        refresh_token: jwt(&json!({"exp": 1_798_761_600})),
        expires_in: Some(Duration::from_mins(1)),
    };
    assert_eq!(
        tokens.access_expires_at(now),
        Some(datetime!(2026-01-01 00:00 UTC))
    );
    assert_eq!(
        tokens.refresh_expires_at(),
        Some(datetime!(2027-01-01 00:00 UTC))
    );
    tokens.access_token = "opaque".into();
    assert_eq!(
        tokens.access_expires_at(now),
        Some(datetime!(2025-01-01 00:01 UTC))
    );
    tokens.expires_in = None;
    assert_eq!(tokens.access_expires_at(now), None);
}

#[test]
fn debug_output_hides_secrets_and_tokens() {
    let client = OAuthClient::new("app-id", "s3cr3t", Duration::from_secs(1)).unwrap();
    let text = format!("{client:?}");
    assert!(
        text.contains("app-id") && !text.contains("s3cr3t"),
        "{text}"
    );
    let tokens = Tokens {
        access_token: "AAA".into(),
        token_type: "Bearer".into(),
        refresh_token: "RRR".into(),
        expires_in: None,
    };
    let text = format!("{tokens:?}");
    assert!(!text.contains("AAA") && !text.contains("RRR"), "{text}");
}

#[test]
fn authorize_url_carries_the_documented_parameters_encoded() {
    let client = OAuthClient::new("id 1", "secret", Duration::from_secs(1)).unwrap();
    let url = client
        .authorize_url("st&ate", "https://facturo.example/anaf/callback?x=1")
        .unwrap();
    assert_eq!(
        url,
        "https://logincert.anaf.ro/anaf-oauth2/v1/authorize?response_type=code&client_id=id+1\
         &redirect_uri=https%3A%2F%2Ffacturo.example%2Fanaf%2Fcallback%3Fx%3D1\
         &token_content_type=jwt&state=st%26ate"
    );
}

#[test]
fn basic_credentials_form_encode_before_base64() {
    assert_eq!(form_encode("a b&c:é"), "a+b%26c%3A%C3%A9");
    let client = OAuthClient::new("id", "p:w", Duration::from_secs(1))
        .unwrap()
        .with_client_auth(ClientAuth::Basic);
    assert_eq!(
        client.basic_credentials(),
        format!("Basic {}", STANDARD.encode("id:p%3Aw"))
    );
}
