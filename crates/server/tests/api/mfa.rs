//! Two-factor authentication (issue #5 item 2, api.md §2.1–2.2): TOTP enrolment, the login
//! challenge, backup codes, replay and brute-force refusals, step-up for sensitive acts, and
//! turning it off. Codes are computed by the test from the secret the setup shows, at the
//! server's (fixed) clock.

use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};
use server::Clock as _;
use time::Duration;
use totp_rs::{Builder, Secret};

use crate::support::{Actor, PASSWORD, Reply, TestApp};

/// The 6-digit code of `secret` (base32) at the test's clock, `steps` × 30 s later.
pub(crate) fn code_at(app: &TestApp, secret: &str, steps: i64) -> String {
    let bytes = Secret::try_from_base32(secret).unwrap().as_bytes().to_vec();
    let totp = Builder::new()
        .with_secret(Secret::from(bytes))
        .build()
        .unwrap();
    let at = app.clock.now().unix_timestamp() + steps * 30;
    totp.generate(u64::try_from(at).unwrap()).to_string()
}

/// Turns TOTP on for `user`; the secret and the ten backup codes.
pub(crate) async fn enrol(user: &Actor<'_>) -> (String, Vec<String>) {
    let setup = user.post("/api/v1/me/mfa/totp/setup", json!({})).await;
    assert_eq!(setup.status, 200, "{}", setup.body);
    let secret = setup.body["secret"].as_str().unwrap().to_owned();
    let code = code_at(user.app, &secret, 0);
    let enabled = user
        .post("/api/v1/me/mfa/totp/enable", json!({ "code": code }))
        .await;
    assert_eq!(enabled.status, 200, "{}", enabled.body);
    let codes = enabled.body["backupCodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    // A code is spent once: the next one comes from the next step.
    user.app.clock.advance(Duration::seconds(30));
    (secret, codes)
}

async fn password_login(app: &TestApp, email: &str) -> Reply {
    app.call(
        Method::POST,
        "/api/auth",
        Some(json!({ "email": email, "password": PASSWORD })),
    )
    .await
}

async fn verify(app: &TestApp, mfa_token: &str, kind: &str, code: &str) -> Reply {
    app.call(
        Method::POST,
        "/api/auth/mfa/verify",
        Some(json!({ "mfaToken": mfa_token, "type": kind, "code": code })),
    )
    .await
}

/// A login challenge for `email`.
async fn challenged(app: &TestApp, email: &str) -> String {
    let login = password_login(app, email).await;
    assert_eq!(login.status, 200, "{}", login.body);
    assert_eq!(login.body["mfa_required"], true, "{}", login.body);
    login.body["mfa_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn enrolment_shows_a_scannable_secret_and_needs_a_code_from_the_app() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let status = user.get("/api/v1/me/mfa/status").await;
    assert_eq!(
        status.body,
        json!({ "totpEnabled": false, "backupCodesRemaining": 0, "passkeysCount": 0 })
    );

    let setup = user.post("/api/v1/me/mfa/totp/setup", json!({})).await;
    assert_eq!(setup.status, 200, "{}", setup.body);
    let secret = setup.body["secret"].as_str().unwrap();
    assert_eq!(secret.len(), 32, "160 bits in base32: {secret}");
    let uri = setup.body["otpauthUri"].as_str().unwrap();
    assert!(
        uri.starts_with("otpauth://totp/Facturo:") && uri.contains(&format!("secret={secret}")),
        "{uri}"
    );
    assert!(uri.contains("issuer=Facturo"), "{uri}");
    let qr = setup.body["qrCode"].as_str().unwrap();
    let svg = qr.strip_prefix("data:image/svg+xml;base64,").unwrap();
    use base64::Engine as _;
    let svg = base64::engine::general_purpose::STANDARD
        .decode(svg)
        .unwrap();
    assert!(String::from_utf8(svg).unwrap().contains("<svg"));

    // A wrong code does not enable it.
    let wrong = user
        .post("/api/v1/me/mfa/totp/enable", json!({ "code": "000000" }))
        .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    assert_eq!(wrong.body, json!({ "error": "The code is not valid." }));
    assert_eq!(user.get("/api/v1/me").await.body["mfaEnabled"], false);

    let code = code_at(&app, secret, 0);
    let enabled = user
        .post("/api/v1/me/mfa/totp/enable", json!({ "code": code }))
        .await;
    assert_eq!(enabled.status, 200, "{}", enabled.body);
    assert_eq!(enabled.body["enabled"], true);
    let codes = enabled.body["backupCodes"].as_array().unwrap();
    assert_eq!(codes.len(), 10);
    assert_eq!(user.get("/api/v1/me").await.body["mfaEnabled"], true);
    assert_eq!(
        user.get("/api/v1/me/mfa/status").await.body,
        json!({ "totpEnabled": true, "backupCodesRemaining": 10, "passkeysCount": 0 })
    );
    let again = user.post("/api/v1/me/mfa/totp/setup", json!({})).await;
    assert_eq!(again.status, 409, "{}", again.body);
}

#[tokio::test]
async fn a_login_of_an_mfa_user_is_finished_by_a_code_once() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let (secret, _) = enrol(&user).await;

    let login = password_login(&app, &user.email).await;
    assert_eq!(login.status, 200, "{}", login.body);
    assert!(
        login.header("set-cookie").is_none(),
        "no session before the code"
    );
    assert!(login.body.get("token").is_none(), "{}", login.body);
    assert_eq!(login.body["mfa_methods"], json!(["totp", "backup_code"]));
    let mfa_token = login.body["mfa_token"].as_str().unwrap();
    assert_eq!(mfa_token.len(), 64);

    let wrong = verify(&app, mfa_token, "totp", "123456").await;
    assert_eq!(wrong.status, 401, "{}", wrong.body);
    assert_eq!(
        wrong.body,
        json!({ "code": 401, "message": "Invalid code." })
    );

    let code = code_at(&app, &secret, 0);
    let done = verify(&app, mfa_token, "totp", &code).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.header("set-cookie").unwrap().contains("HttpOnly"));
    let token = done.body["token"].as_str().unwrap();
    let me = app
        .send(
            app.http
                .get(format!("{}/api/v1/me", app.url))
                .bearer_auth(token),
            None,
        )
        .await;
    assert_eq!(me.body["email"], user.email.as_str());

    // The challenge is spent, and the code is spent too: a second login cannot reuse it.
    let reused = verify(&app, mfa_token, "totp", &code).await;
    assert_eq!(
        reused.body,
        json!({ "code": 401, "message": "Invalid or expired MFA challenge." })
    );
    let second = challenged(&app, &user.email).await;
    let replayed = verify(&app, &second, "totp", &code).await;
    assert_eq!(replayed.status, 401, "{}", replayed.body);
    assert_eq!(replayed.body["message"], "Invalid code.");
    app.clock.advance(Duration::seconds(30));
    let next = verify(&app, &second, "totp", &code_at(&app, &secret, 0)).await;
    assert_eq!(next.status, 200, "{}", next.body);
}

#[tokio::test]
async fn backup_codes_are_single_use_and_read_leniently() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let (_, codes) = enrol(&user).await;
    for code in &codes {
        assert!(code.len() == 9 && &code[4..5] == "-", "{code}");
    }

    let typed = codes[3].replace('-', " ").to_uppercase();
    let mfa_token = challenged(&app, &user.email).await;
    let done = verify(&app, &mfa_token, "backup", &typed).await;
    assert_eq!(done.status, 200, "{}", done.body);

    let mfa_token = challenged(&app, &user.email).await;
    let again = verify(&app, &mfa_token, "backup", &codes[3]).await;
    assert_eq!(again.status, 401, "{}", again.body);
    assert_eq!(
        user.get("/api/v1/me/mfa/status").await.body["backupCodesRemaining"],
        9
    );

    // New codes replace the old ones; the password is needed.
    let refused = user
        .post(
            "/api/v1/me/mfa/backup-codes/regenerate",
            json!({ "password": "not-it" }),
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    let fresh = user
        .post(
            "/api/v1/me/mfa/backup-codes/regenerate",
            json!({ "password": PASSWORD }),
        )
        .await;
    assert_eq!(fresh.status, 200, "{}", fresh.body);
    let fresh: Vec<String> = serde_json::from_value(fresh.body["backupCodes"].clone()).unwrap();
    assert_eq!(fresh.len(), 10);
    app.clock.advance(Duration::seconds(61));
    let mfa_token = challenged(&app, &user.email).await;
    let old = verify(&app, &mfa_token, "backup", &codes[0]).await;
    assert_eq!(old.status, 401, "{}", old.body);
    let new = verify(&app, &mfa_token, "backup", &fresh[0]).await;
    assert_eq!(new.status, 200, "{}", new.body);
}

#[tokio::test]
async fn a_challenge_dies_after_five_wrong_codes_or_five_minutes() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let (secret, _) = enrol(&user).await;

    let mfa_token = challenged(&app, &user.email).await;
    for _ in 0..5 {
        let wrong = verify(&app, &mfa_token, "totp", "000000").await;
        assert_eq!(wrong.body["message"], "Invalid code.", "{}", wrong.body);
        // Spaced out so the per-IP limit (5 a minute) is not what stops them.
        app.clock.advance(Duration::seconds(13));
    }
    let right = verify(&app, &mfa_token, "totp", &code_at(&app, &secret, 0)).await;
    assert_eq!(
        right.body,
        json!({ "code": 401, "message": "Invalid or expired MFA challenge." })
    );

    let mfa_token = challenged(&app, &user.email).await;
    app.clock.advance(Duration::seconds(301));
    let late = verify(&app, &mfa_token, "totp", &code_at(&app, &secret, 0)).await;
    assert_eq!(late.status, 401, "{}", late.body);
    assert_eq!(late.body["message"], "Invalid or expired MFA challenge.");

    // Guessing fast from one address is stopped by the limit first.
    app.clock.advance(Duration::seconds(61));
    let mfa_token = challenged(&app, &user.email).await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(verify(&app, &mfa_token, "totp", "000000").await.status);
    }
    assert_eq!(statuses, vec![401, 401, 401, 401, 401, 429]);
    let unknown = verify(&app, &mfa_token, "sms", "000000").await;
    assert_eq!(unknown.status, 429, "the limit counts every attempt");
}

/// A step-up verification token for `user`.
pub(crate) async fn step_up(user: &Actor<'_>, secret: &str) -> String {
    let challenge = user.post("/api/v1/mfa/challenge", json!({})).await;
    assert_eq!(challenge.status, 200, "{}", challenge.body);
    assert_eq!(challenge.body["mfa_required"], true);
    assert_eq!(challenge.body["methods"], json!(["totp", "backup_code"]));
    let token = challenge.body["challenge_token"].as_str().unwrap();
    let code = code_at(user.app, secret, 0);
    user.app.clock.advance(Duration::seconds(30));
    let verified = user
        .post(
            "/api/v1/mfa/verify",
            json!({ "challengeToken": token, "type": "totp", "code": code }),
        )
        .await;
    assert_eq!(verified.status, 200, "{}", verified.body);
    verified.body["verification_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub(crate) fn mfa_required(reply: &Reply) {
    assert_eq!(reply.status, 403, "{}", reply.body);
    assert_eq!(reply.body["error"], "mfa_required", "{}", reply.body);
    assert!(reply.body["error_description"].is_string());
}

#[tokio::test]
async fn api_keys_of_an_mfa_user_need_a_fresh_step_up_each() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;

    // Without MFA there is nothing to prove.
    let none = user.post("/api/v1/mfa/challenge", json!({})).await;
    assert_eq!(none.body, json!({ "mfa_required": false }));

    let (secret, _) = enrol(&user).await;
    let key = json!({ "name": "ERP", "scopes": ["invoice.view"] });
    mfa_required(&user.post("/api/v1/api-tokens", key.clone()).await);

    // A wrong code gives no token.
    let challenge = user.post("/api/v1/mfa/challenge", json!({})).await;
    let wrong = user
        .post(
            "/api/v1/mfa/verify",
            json!({ "challengeToken": challenge.body["challenge_token"], "code": "000000" }),
        )
        .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    assert_eq!(wrong.body, json!({ "error": "Invalid code." }));

    let verification = step_up(&user, &secret).await;
    let mut with_proof = key.clone();
    with_proof["verification_token"] = Value::from(verification.clone());
    let made = user.post("/api/v1/api-tokens", with_proof.clone()).await;
    assert_eq!(made.status, 201, "{}", made.body);
    // One proof, one act.
    mfa_required(&user.post("/api/v1/api-tokens", with_proof).await);

    let id = made.body["id"].as_str().unwrap();
    let rotate = format!("/api/v1/api-tokens/{id}/rotate");
    mfa_required(&user.post(&rotate, json!({})).await);
    let verification = step_up(&user, &secret).await;
    app.clock.advance(Duration::seconds(121));
    mfa_required(
        &user
            .post(&rotate, json!({ "verification_token": verification }))
            .await,
    );
    let verification = step_up(&user, &secret).await;
    let rotated = user
        .post(&rotate, json!({ "verification_token": verification }))
        .await;
    assert_eq!(rotated.status, 201, "{}", rotated.body);
}

#[tokio::test]
async fn a_step_up_challenge_serves_only_its_own_user() {
    let app = TestApp::spawn().await;
    let alice = app.user().await;
    let bob = app.user().await;
    let (alice_secret, _) = enrol(&alice).await;
    let (bob_secret, _) = enrol(&bob).await;

    let challenge = alice.post("/api/v1/mfa/challenge", json!({})).await;
    let token = challenge.body["challenge_token"].clone();
    let stolen = bob
        .post(
            "/api/v1/mfa/verify",
            json!({ "challengeToken": token, "code": code_at(&app, &bob_secret, 0) }),
        )
        .await;
    assert_eq!(stolen.status, 422, "{}", stolen.body);
    assert_eq!(stolen.body["error"], "Invalid or expired MFA challenge.");

    // A login challenge is no step-up challenge, nor the reverse.
    let login_token = challenged(&app, &alice.email).await;
    let crossed = alice
        .post(
            "/api/v1/mfa/verify",
            json!({ "challengeToken": login_token, "code": code_at(&app, &alice_secret, 0) }),
        )
        .await;
    assert_eq!(crossed.status, 422, "{}", crossed.body);
    let step_up_token = token.as_str().unwrap();
    let crossed = verify(
        &app,
        step_up_token,
        "totp",
        &code_at(&app, &alice_secret, 0),
    )
    .await;
    assert_eq!(crossed.status, 401, "{}", crossed.body);
}

#[tokio::test]
async fn turning_mfa_off_needs_the_password_and_a_second_factor() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let (secret, codes) = enrol(&user).await;

    mfa_required(
        &user
            .post(
                "/api/v1/me/mfa/totp/disable",
                json!({ "password": PASSWORD }),
            )
            .await,
    );
    let wrong_password = user
        .post(
            "/api/v1/me/mfa/totp/disable",
            json!({ "password": "nope", "code": codes[0] }),
        )
        .await;
    assert_eq!(wrong_password.status, 422, "{}", wrong_password.body);
    let wrong_code = user
        .post(
            "/api/v1/me/mfa/totp/disable",
            json!({ "password": PASSWORD, "code": "000000" }),
        )
        .await;
    assert_eq!(wrong_code.status, 422, "{}", wrong_code.body);
    assert_eq!(user.get("/api/v1/me").await.body["mfaEnabled"], true);

    let verification = step_up(&user, &secret).await;
    let off = user
        .post(
            "/api/v1/me/mfa/totp/disable",
            json!({ "password": PASSWORD, "verification_token": verification }),
        )
        .await;
    assert_eq!(off.status, 200, "{}", off.body);
    assert_eq!(off.body, json!({ "disabled": true }));
    assert_eq!(
        user.get("/api/v1/me/mfa/status").await.body,
        json!({ "totpEnabled": false, "backupCodesRemaining": 0, "passkeysCount": 0 })
    );
    // The password alone signs in again.
    app.clock.advance(Duration::seconds(61));
    let login = password_login(&app, &user.email).await;
    assert!(login.body["token"].is_string(), "{}", login.body);
}

#[tokio::test]
async fn an_api_key_cannot_touch_the_second_factor() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let key = user
        .post(
            "/api/v1/api-tokens",
            json!({ "name": "ERP", "scopes": ["invoice.view"] }),
        )
        .await;
    let token = key.body["token"].as_str().unwrap();
    for (method, path) in [
        (Method::GET, "/api/v1/me/mfa/status"),
        (Method::POST, "/api/v1/me/mfa/totp/setup"),
        (Method::POST, "/api/v1/mfa/challenge"),
    ] {
        let reply = app
            .send(
                app.http
                    .request(method, format!("{}{path}", app.url))
                    .header("Authorization", token),
                Some(json!({})),
            )
            .await;
        assert_eq!(reply.status, 403, "{path}: {}", reply.body);
    }
}
