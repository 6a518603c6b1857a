//! Passkeys (issue #5 item 3, api.md §2.1): registration and sign-in driven end to end by a
//! software authenticator; no MFA step for a passkey; refusals of replayed, expired, foreign
//! and forged ceremonies; listing and removal; ceremonies shared by server processes.

use base64::Engine as _;
use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};
use time::Duration;

use crate::support::passkey::SoftAuthenticator;
use crate::support::{Actor, Reply, TestApp};

/// Registers a passkey of `auth` for `user`; its id.
async fn register(user: &Actor<'_>, auth: &mut SoftAuthenticator, name: &str) -> String {
    let options = user
        .post("/api/v1/passkey/register/options", json!({}))
        .await;
    assert_eq!(options.status, 200, "{}", options.body);
    let credential = auth.create(&options.body);
    let made = user
        .post(
            "/api/v1/passkey/register",
            json!({ "credential": credential, "name": name }),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    made.body["id"].as_str().unwrap().to_owned()
}

async fn login_options(app: &TestApp) -> Value {
    let options = app
        .call(
            Method::POST,
            "/api/auth/passkey/login/options",
            Some(json!({})),
        )
        .await;
    assert_eq!(options.status, 200, "{}", options.body);
    options.body
}

async fn login(app: &TestApp, session_id: &Value, credential: Value) -> Reply {
    app.call(
        Method::POST,
        "/api/auth/passkey/login",
        Some(json!({ "sessionId": session_id, "credential": credential })),
    )
    .await
}

#[tokio::test]
async fn a_registered_passkey_signs_in_without_a_password() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let mut auth = SoftAuthenticator::for_server(&app.url);

    let options = user
        .post("/api/v1/passkey/register/options", json!({}))
        .await;
    assert_eq!(options.body["rp"]["id"], "localhost");
    assert_eq!(options.body["user"]["name"], user.email.as_str());
    assert!(options.body["challenge"].is_string());
    let id = register(&user, &mut auth, "Laptop").await;
    let listed = user.get("/api/v1/me/passkeys").await;
    assert_eq!(listed.body[0]["id"], id.as_str());
    assert_eq!(listed.body[0]["name"], "Laptop");
    assert!(listed.body[0]["lastUsedAt"].is_null());
    assert_eq!(
        user.get("/api/v1/me/mfa/status").await.body["passkeysCount"],
        1
    );

    let options = login_options(&app).await;
    let session_id = options["sessionId"].clone();
    assert_eq!(session_id.as_str().unwrap().len(), 32);
    let signed_in = login(&app, &session_id, auth.get(&options, 0)).await;
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    assert!(signed_in.header("set-cookie").unwrap().contains("HttpOnly"));
    let me = app
        .send(
            app.http
                .get(format!("{}/api/v1/me", app.url))
                .bearer_auth(signed_in.body["token"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(me.body["email"], user.email.as_str());
    assert!(user.get("/api/v1/me/passkeys").await.body[0]["lastUsedAt"].is_string());

    // The assertion at the top level, as the incumbent's clients send it, works too.
    let options = login_options(&app).await;
    let mut body = auth.get(&options, 0);
    body["sessionId"] = options["sessionId"].clone();
    let top_level = app
        .call(Method::POST, "/api/auth/passkey/login", Some(body))
        .await;
    assert_eq!(top_level.status, 200, "{}", top_level.body);
}

#[tokio::test]
async fn a_passkey_needs_no_second_factor_even_when_totp_is_on() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    crate::mfa::enrol(&user).await;
    let mut auth = SoftAuthenticator::for_server(&app.url);
    register(&user, &mut auth, "Phone").await;
    let options = login_options(&app).await;
    let signed_in = login(&app, &options["sessionId"], auth.get(&options, 0)).await;
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    assert!(signed_in.body["token"].is_string(), "{}", signed_in.body);
}

#[tokio::test]
async fn replayed_expired_forged_and_removed_passkeys_are_refused() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let mut auth = SoftAuthenticator::for_server(&app.url);
    let id = register(&user, &mut auth, "Laptop").await;

    // A ceremony is used once.
    let options = login_options(&app).await;
    let assertion = auth.get(&options, 0);
    assert_eq!(
        login(&app, &options["sessionId"], assertion.clone())
            .await
            .status,
        200
    );
    let replayed = login(&app, &options["sessionId"], assertion).await;
    assert_eq!(
        replayed.body,
        json!({ "code": 401, "message": "Invalid or expired passkey session." })
    );

    // It lives five minutes.
    let options = login_options(&app).await;
    app.clock.advance(Duration::minutes(6));
    let late = login(&app, &options["sessionId"], auth.get(&options, 0)).await;
    assert_eq!(late.status, 401, "{}", late.body);

    // Another origin (a phishing page) and a forged signature.
    let options = login_options(&app).await;
    let mut phished = SoftAuthenticator {
        origin: "https://faktur0.example".into(),
        ..SoftAuthenticator::for_server(&app.url)
    };
    phished.credentials = std::mem::take(&mut auth.credentials);
    let refused = login(&app, &options["sessionId"], phished.get(&options, 0)).await;
    assert_eq!(
        refused.body,
        json!({ "code": 401, "message": "Invalid passkey." })
    );
    auth.credentials = std::mem::take(&mut phished.credentials);
    let options = login_options(&app).await;
    let mut forged = auth.get(&options, 0);
    // A higher counter than the one signed: well-formed, but the signature no longer matches.
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut data = b64
        .decode(forged["response"]["authenticatorData"].as_str().unwrap())
        .unwrap();
    data[36] = data[36].wrapping_add(7);
    forged["response"]["authenticatorData"] = Value::from(b64.encode(data));
    assert_eq!(login(&app, &options["sessionId"], forged).await.status, 401);

    // A removed passkey signs nobody in; another user cannot remove one.
    let other = app.user().await;
    assert_eq!(
        other
            .delete(&format!("/api/v1/me/passkeys/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(
        user.delete(&format!("/api/v1/me/passkeys/{id}"))
            .await
            .status,
        204
    );
    let options = login_options(&app).await;
    assert_eq!(
        login(&app, &options["sessionId"], auth.get(&options, 0))
            .await
            .status,
        401
    );
    assert_eq!(user.get("/api/v1/me/passkeys").await.body, json!([]));
}

#[tokio::test]
async fn registration_needs_its_options_and_a_session() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let mut auth = SoftAuthenticator::for_server(&app.url);
    let options = user
        .post("/api/v1/passkey/register/options", json!({}))
        .await;
    let credential = auth.create(&options.body);
    let first = user
        .post(
            "/api/v1/passkey/register",
            json!({ "credential": credential }),
        )
        .await;
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(first.body["name"], "Passkey");
    // The same answer again: the registration it belonged to is spent.
    let again = user
        .post(
            "/api/v1/passkey/register",
            json!({ "credential": credential }),
        )
        .await;
    assert_eq!(again.status, 400, "{}", again.body);
    let missing = user.post("/api/v1/passkey/register", json!({})).await;
    assert_eq!(missing.status, 400);

    let key = user
        .post(
            "/api/v1/api-tokens",
            json!({ "name": "ERP", "scopes": ["invoice.view"] }),
        )
        .await;
    let with_key = app
        .send(
            app.http
                .post(format!("{}/api/v1/passkey/register/options", app.url))
                .header("Authorization", key.body["token"].as_str().unwrap()),
            Some(json!({})),
        )
        .await;
    assert_eq!(
        with_key.status, 403,
        "an API key cannot add a way to sign in"
    );
}

#[tokio::test]
async fn a_sign_in_started_on_one_server_finishes_on_another() {
    // Two replicas behind one name: the configured origin, not each one's address.
    let behind_one_name = |c: &mut server::Config| {
        c.webauthn_origin = Some("https://facturi.example.ro".into());
    };
    let a = TestApp::spawn_with(behind_one_name).await;
    let b = a.beside(behind_one_name).await;
    let user = a.user().await;
    let mut auth = SoftAuthenticator {
        origin: "https://facturi.example.ro".into(),
        rp_id: "facturi.example.ro".into(),
        credentials: Vec::new(),
    };
    register(&user, &mut auth, "Laptop").await;
    let options = login_options(&a).await;
    assert_eq!(options["rpId"], "facturi.example.ro");
    let signed_in = login(&b, &options["sessionId"], auth.get(&options, 0)).await;
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
}
