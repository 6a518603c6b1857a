//! Google sign-in (issue #5 item 4, api.md §2.1 `POST /api/auth/google`): ID tokens signed by
//! the test with keys that a stand-in JWKS endpoint publishes; accounts made, found by subject
//! or linked by address; the MFA challenge; refused tokens; the key cache.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};
use time::Duration;

use crate::mfa::{code_at, enrol};
use crate::support::google::{CLIENT_ID, FakeGoogle, GoogleKey, MAX_AGE_SECS, claims};
use crate::support::{PASSWORD, Reply, TestApp};

async fn sign_in(app: &TestApp, credential: &str) -> Reply {
    app.call_from_anywhere(
        Method::POST,
        "/api/auth/google",
        Some(json!({ "credential": credential })),
    )
    .await
}

/// `GET /api/v1/me` with an access token.
async fn me(app: &TestApp, token: &Value) -> Reply {
    let request = app
        .http
        .get(format!("{}/api/v1/me", app.url))
        .bearer_auth(token.as_str().unwrap());
    app.send(request, None).await
}

fn invalid(reply: &Reply) {
    assert_eq!(reply.status, 401, "{}", reply.body);
    assert_eq!(
        reply.body,
        json!({ "code": 401, "message": "Invalid Google token." })
    );
}

#[tokio::test]
async fn a_first_google_sign_in_makes_the_account_and_the_next_signs_into_it() {
    let key = GoogleKey::generate("k1");
    let google = FakeGoogle::start(&[&key]).await;
    let app = google.app().await;
    let token = key.sign(&claims(&app, "g-100", "Maria.Ionescu@Gmail.com"));

    let first = sign_in(&app, &token).await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(first.body["isNewUser"], true);
    assert!(first.body["refresh_token"].is_string());
    let cookie = first.header("set-cookie").unwrap();
    assert!(
        cookie.starts_with("facturo_refresh=") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let profile = me(&app, &first.body["token"]).await;
    assert_eq!(profile.status, 200, "{}", profile.body);
    assert_eq!(profile.body["email"], "maria.ionescu@gmail.com");
    assert_eq!(profile.body["emailVerified"], true);
    assert_eq!(profile.body["hasPassword"], false);
    assert_eq!(profile.body["fullName"], "Maria Ionescu");
    assert_eq!(profile.body["currentRole"], "owner");
    assert_eq!(
        profile.body["organization"]["name"],
        "Maria Ionescu's Organization"
    );

    // The next sign-in finds the account by Google's subject, even with another address.
    app.clock.advance(Duration::minutes(5));
    let again = key.sign(&claims(&app, "g-100", "maria@ionescu.ro"));
    let second = sign_in(&app, &again).await;
    assert_eq!(second.status, 200, "{}", second.body);
    assert_eq!(second.body["isNewUser"], false);
    let profile_again = me(&app, &second.body["token"]).await;
    assert_eq!(profile_again.body["id"], profile.body["id"]);
    assert_eq!(profile_again.body["email"], "maria.ionescu@gmail.com");

    // No password was set, so none signs in.
    let password = app
        .call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": "maria.ionescu@gmail.com", "password": PASSWORD })),
        )
        .await;
    assert_eq!(password.status, 401, "{}", password.body);
}

#[tokio::test]
async fn a_google_account_is_linked_to_the_account_with_its_address() {
    let key = GoogleKey::generate("k1");
    let google = FakeGoogle::start(&[&key]).await;
    let app = google.app().await;
    let user = app.user().await;
    let mine = user.get("/api/v1/me").await.body;

    let token = key.sign(&claims(&app, "g-200", &user.email.to_uppercase()));
    let reply = sign_in(&app, &token).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["isNewUser"], false);
    assert_eq!(me(&app, &reply.body["token"]).await.body["id"], mine["id"]);
    // The password still signs in too.
    app.login(&user.email).await;
}

#[tokio::test]
async fn an_unconfirmed_account_claimed_by_google_loses_the_password_nobody_proved() {
    let key = GoogleKey::generate("k1");
    let google = FakeGoogle::start(&[&key]).await;
    let url = google.jwks_url.clone();
    let app = TestApp::spawn_with(|c| {
        c.auto_confirm_email = false;
        c.google.client_ids = vec![CLIENT_ID.into()];
        c.google.jwks_url = url;
    })
    .await;
    // Someone registers the victim's address first and never confirms it.
    let registered = app
        .call(
            Method::POST,
            "/api/auth/register",
            Some(json!({ "email": "victim@firma.ro", "password": PASSWORD })),
        )
        .await;
    assert_eq!(registered.status, 201, "{}", registered.body);

    let reply = sign_in(&app, &key.sign(&claims(&app, "g-300", "victim@firma.ro"))).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let profile = me(&app, &reply.body["token"]).await;
    assert_eq!(profile.body["emailVerified"], true);
    assert_eq!(profile.body["hasPassword"], false);
    let squatter = app
        .call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": "victim@firma.ro", "password": PASSWORD })),
        )
        .await;
    assert_eq!(squatter.status, 401, "{}", squatter.body);
}

#[tokio::test]
async fn an_mfa_user_signing_in_with_google_answers_the_challenge_first() {
    let key = GoogleKey::generate("k1");
    let google = FakeGoogle::start(&[&key]).await;
    let app = google.app().await;
    let user = app.user().await;
    let (secret, _) = enrol(&user).await;

    let reply = sign_in(&app, &key.sign(&claims(&app, "g-400", &user.email))).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["mfa_required"], true, "{}", reply.body);
    assert_eq!(reply.body["mfa_methods"], json!(["totp", "backup_code"]));
    assert!(reply.body.get("token").is_none(), "{}", reply.body);
    assert!(
        reply.header("set-cookie").is_none(),
        "no session before the code"
    );

    let verified = app
        .call(
            Method::POST,
            "/api/auth/mfa/verify",
            Some(json!({ "mfaToken": reply.body["mfa_token"], "type": "totp", "code": code_at(&app, &secret, 0) })),
        )
        .await;
    assert_eq!(verified.status, 200, "{}", verified.body);
    assert!(verified.header("set-cookie").is_some());
    assert_eq!(
        me(&app, &verified.body["token"]).await.body["email"],
        user.email.as_str()
    );
}

#[tokio::test]
async fn an_inactive_user_cannot_sign_in_with_google() {
    let key = GoogleKey::generate("k1");
    let google = FakeGoogle::start(&[&key]).await;
    let app = google.app().await;
    let user = app.user().await;
    server::testing::deactivate_user(&app.state.db, &user.email)
        .await
        .unwrap();
    let reply = sign_in(&app, &key.sign(&claims(&app, "g-500", &user.email))).await;
    assert_eq!(reply.status, 403, "{}", reply.body);
    assert_eq!(reply.body["code"], "account_inactive");
}

/// A token signed with no algorithm: `{"alg":"none"}`, the claims and an empty signature.
fn unsigned(claims: &Value, kid: &str) -> String {
    let header = json!({ "alg": "none", "typ": "JWT", "kid": kid });
    format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

#[tokio::test]
async fn untrustworthy_google_tokens_are_refused() {
    let key = GoogleKey::generate("k1");
    let google = FakeGoogle::start(&[&key]).await;
    let app = google.app().await;
    let good = claims(&app, "g-600", "ana@gmail.com");
    let with = |field: &str, value: Value| {
        let mut c = good.clone();
        c[field] = value;
        c
    };

    invalid(&sign_in(&app, "not a token").await);
    invalid(&sign_in(&app, &unsigned(&good, "k1")).await);
    // HS256 with the public key's text as the secret is the classic confusion attack; any
    // secret will do to show HMAC is refused.
    let mut hs = Header::new(Algorithm::HS256);
    hs.kid = Some("k1".into());
    let hmac = jsonwebtoken::encode(&hs, &good, &EncodingKey::from_secret(b"k1")).unwrap();
    invalid(&sign_in(&app, &hmac).await);
    // A key Google does not publish, under the kid of one it does.
    let impostor = GoogleKey::generate("k1");
    invalid(&sign_in(&app, &impostor.sign(&good)).await);
    invalid(&sign_in(&app, &key.sign(&with("aud", json!("someone-elses-app")))).await);
    invalid(&sign_in(&app, &key.sign(&with("iss", json!("https://evil.example")))).await);
    let now = good["iat"].as_i64().unwrap();
    invalid(&sign_in(&app, &key.sign(&with("exp", json!(now - 61)))).await);
    // A tampered payload breaks the signature.
    let signed = key.sign(&good);
    let parts: Vec<&str> = signed.split('.').collect();
    let forged = URL_SAFE_NO_PAD.encode(with("sub", json!("g-admin")).to_string());
    invalid(&sign_in(&app, &format!("{}.{forged}.{}", parts[0], parts[2])).await);

    for unverified in [json!(false), json!("false"), Value::Null] {
        let reply = sign_in(&app, &key.sign(&with("email_verified", unverified))).await;
        assert_eq!(reply.status, 401, "{}", reply.body);
        assert_eq!(
            reply.body["message"],
            "Google has not verified this account's e-mail address."
        );
    }
    // Within the leeway, a token just past its expiry still counts (clock skew).
    let skewed = sign_in(&app, &key.sign(&with("exp", json!(now - 30)))).await;
    assert_eq!(skewed.status, 200, "{}", skewed.body);
    assert_eq!(skewed.body["isNewUser"], true);
}

#[tokio::test]
async fn google_keys_are_cached_for_their_max_age_and_refetched_once_for_an_unknown_kid() {
    let old = GoogleKey::generate("old");
    let google = FakeGoogle::start(&[&old]).await;
    let app = google.app().await;
    assert_eq!(google.fetches(), 0, "nothing is fetched before a sign-in");

    for sub in ["g-701", "g-702"] {
        let email = format!("{sub}@gmail.com");
        let reply = sign_in(&app, &old.sign(&claims(&app, sub, &email))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
    }
    assert_eq!(google.fetches(), 1, "two sign-ins, one fetch");

    app.clock.advance(Duration::seconds(MAX_AGE_SECS + 1));
    let reply = sign_in(&app, &old.sign(&claims(&app, "g-701", "g-701@gmail.com"))).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(google.fetches(), 2, "stale keys are fetched again");

    // Google rotates its keys: a token with the new kid makes one fetch, and signs in.
    let new = GoogleKey::generate("new");
    google.publish(&[&old, &new]);
    app.clock.advance(Duration::seconds(61));
    let reply = sign_in(&app, &new.sign(&claims(&app, "g-703", "g-703@gmail.com"))).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(google.fetches(), 3);

    // Made-up kids: one refetch a minute at most, however many tokens come.
    app.clock.advance(Duration::seconds(61));
    for n in 0..5 {
        let made_up = GoogleKey::generate(&format!("made-up-{n}"));
        invalid(
            &sign_in(
                &app,
                &made_up.sign(&claims(&app, "g-704", "g-704@gmail.com")),
            )
            .await,
        );
    }
    assert_eq!(google.fetches(), 4, "one refetch for five unknown kids");
    let reply = sign_in(&app, &new.sign(&claims(&app, "g-703", "g-703@gmail.com"))).await;
    assert_eq!(reply.status, 200, "known keys still work: {}", reply.body);
    assert_eq!(google.fetches(), 4);
}

#[tokio::test]
async fn google_sign_in_says_so_when_it_is_not_configured() {
    let key = GoogleKey::generate("k1");
    let google = FakeGoogle::start(&[&key]).await;
    let url = google.jwks_url.clone();
    let app = TestApp::spawn_with(|c| c.google.jwks_url = url).await;
    let reply = sign_in(&app, &key.sign(&claims(&app, "g-800", "ana@gmail.com"))).await;
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert_eq!(
        reply.body["error"],
        "Google sign-in is not configured on this server (FACTURO_GOOGLE_CLIENT_IDS)."
    );
    assert_eq!(google.fetches(), 0);
}

#[tokio::test]
async fn google_sign_in_is_unavailable_while_googles_keys_cannot_be_fetched() {
    let app = TestApp::spawn_with(|c| {
        c.google.client_ids = vec![CLIENT_ID.into()];
        c.google.jwks_url = "http://127.0.0.1:9/certs".into();
    })
    .await;
    let key = GoogleKey::generate("k1");
    let reply = sign_in(&app, &key.sign(&claims(&app, "g-900", "ana@gmail.com"))).await;
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert!(
        reply.error().contains("Google's keys could not be fetched"),
        "{}",
        reply.body
    );
}
