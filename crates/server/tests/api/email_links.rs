//! Password reset and e-mail change by e-mailed single-use links (issue #5 item 5, api.md
//! §2.1): the links as the real SMTP sink receives them, their single use and expiry, sessions
//! ending after a reset, answers that do not tell whether an address has an account, and the
//! step-up an MFA user needs to change the address.

use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};
use time::Duration;

use crate::mfa::{enrol, mfa_required, step_up};
use crate::support::members::new_email;
use crate::support::{Actor, PASSWORD, Reply, TestApp};

const NEW_PASSWORD: &str = "alta-parola-buna-2";

async fn forgot(app: &TestApp, email: &str) -> Reply {
    app.call_from_anywhere(
        Method::POST,
        "/api/auth/forgot-password",
        Some(json!({ "email": email })),
    )
    .await
}

async fn reset(app: &TestApp, token: &str, password: &str) -> Reply {
    app.call_from_anywhere(
        Method::POST,
        "/api/auth/reset-password",
        Some(json!({ "token": token, "password": password })),
    )
    .await
}

async fn password_login(app: &TestApp, email: &str, password: &str) -> Reply {
    app.call_from_anywhere(
        Method::POST,
        "/api/auth",
        Some(json!({ "email": email, "password": password })),
    )
    .await
}

async fn confirm_change(app: &TestApp, token: &str) -> Reply {
    app.call_from_anywhere(
        Method::POST,
        "/api/auth/confirm-email-change",
        Some(json!({ "token": token })),
    )
    .await
}

const RESET_JOBS: [&str; 2] = ["send_password_reset", "send_email"];
const CHANGE_JOBS: [&str; 2] = ["send_email_change", "send_email"];

#[tokio::test]
async fn a_forgotten_password_is_reset_by_the_emailed_link_once_and_sessions_end() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let session = password_login(&app, &user.email, PASSWORD).await;
    let old_refresh = session.body["refresh_token"].as_str().unwrap().to_owned();

    let asked = forgot(&app, &user.email.to_uppercase()).await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    let token = app.emailed_token(&user.email, "/reset-password", 1).await;
    let jobs = server::testing::job_payloads(&app.state.db).await.unwrap();
    assert!(
        !jobs.iter().any(|p| p.contains(&token)),
        "the link is not kept in the job table"
    );

    // A password the policy refuses is a 400 that leaves the link usable.
    let short = reset(&app, &token, "short").await;
    assert_eq!(short.status, 400, "{}", short.body);
    assert_eq!(
        short.body,
        json!({ "error": "Password must be at least 8 characters long." })
    );
    // The old password still works until the reset.
    assert_eq!(
        password_login(&app, &user.email, PASSWORD).await.status,
        200
    );

    // Access tokens are refused when issued before the reset's second.
    app.clock.advance(Duration::seconds(2));
    let done = reset(&app, &token, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body["message"].is_string(), "{}", done.body);

    let again = reset(&app, &token, "yet-another-password").await;
    assert_eq!(again.status, 400, "a link works once: {}", again.body);
    assert_eq!(
        again.body,
        json!({ "error": "This password reset link is invalid, used or expired." })
    );
    assert_eq!(
        password_login(&app, &user.email, PASSWORD).await.status,
        401
    );
    assert_eq!(
        password_login(&app, &user.email, NEW_PASSWORD).await.status,
        200
    );

    // Every session from before the reset is over: refresh tokens and access tokens.
    let refreshed = app
        .call(
            Method::POST,
            "/api/auth/refresh",
            Some(json!({ "refresh_token": old_refresh })),
        )
        .await;
    assert_eq!(refreshed.status, 401, "{}", refreshed.body);
    assert_eq!(user.get("/api/v1/me").await.status, 401);
}

#[tokio::test]
async fn a_reset_link_expires_after_an_hour_and_a_newer_one_replaces_it() {
    let app = TestApp::spawn().await;
    let user = app.user().await;

    forgot(&app, &user.email).await;
    let first = app.emailed_token(&user.email, "/reset-password", 1).await;
    forgot(&app, &user.email).await;
    let second = app.emailed_token(&user.email, "/reset-password", 2).await;
    assert_ne!(first, second);
    let replaced = reset(&app, &first, NEW_PASSWORD).await;
    assert_eq!(replaced.status, 400, "{}", replaced.body);

    app.clock.advance(Duration::minutes(61));
    let expired = reset(&app, &second, NEW_PASSWORD).await;
    assert_eq!(expired.status, 400, "{}", expired.body);
    assert_eq!(
        password_login(&app, &user.email, PASSWORD).await.status,
        200
    );

    forgot(&app, &user.email).await;
    let fresh = app.emailed_token(&user.email, "/reset-password", 3).await;
    app.clock.advance(Duration::minutes(59));
    assert_eq!(reset(&app, &fresh, NEW_PASSWORD).await.status, 200);
}

#[tokio::test]
async fn forgot_password_answers_the_same_for_unknown_addresses_and_emails_nobody() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let inactive = app.user().await;
    server::testing::deactivate_user(&app.state.db, &inactive.email)
        .await
        .unwrap();

    let unknown = forgot(&app, "nobody@firma.test").await;
    let junk = forgot(&app, "not an address").await;
    let disabled = forgot(&app, &inactive.email).await;
    let known = forgot(&app, &user.email).await;
    for reply in [&unknown, &junk, &disabled] {
        assert_eq!(reply.status, known.status);
        assert_eq!(reply.body, known.body);
    }
    assert_eq!(
        known.body,
        json!({ "message": "If this address has an account, a link to reset its password is on its way." })
    );

    app.emailed_token(&user.email, "/reset-password", 1).await;
    app.jobs_done(&RESET_JOBS).await;
    let mails = app.mail.mails();
    assert_eq!(mails.len(), 1, "only the known, active address gets a link");
    assert_eq!(mails[0].to, vec![user.email.clone()]);
}

#[tokio::test]
async fn the_reset_page_asks_for_the_new_password_and_sets_it_on_post() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    forgot(&app, &user.email).await;
    let token = app.emailed_token(&user.email, "/reset-password", 1).await;

    let page = app
        .http
        .get(format!("{}/reset-password?token={token}", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("<form method=\"post\"") && page.contains("type=\"password\""),
        "{page}"
    );
    let post = |password: &'static str| {
        app.http
            .post(format!("{}/reset-password", app.url))
            .form(&[("token", token.as_str()), ("password", password)])
            .send()
    };
    let weak = post("short").await.unwrap().text().await.unwrap();
    assert!(weak.contains("at least 8 characters"), "{weak}");
    let done = post(NEW_PASSWORD).await.unwrap().text().await.unwrap();
    assert!(done.contains("Password changed"), "{done}");
    assert_eq!(
        password_login(&app, &user.email, NEW_PASSWORD).await.status,
        200
    );
}

/// Asks to move `user` to `new`, with the password and maybe a step-up token.
async fn change_email(user: &Actor<'_>, new: &str, extra: Value) -> Reply {
    let mut body = json!({ "newEmail": new, "password": PASSWORD });
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    user.post("/api/v1/me/email", body).await
}

#[tokio::test]
async fn an_email_change_is_confirmed_by_the_link_sent_to_the_new_address() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let new = new_email();

    let wrong = user
        .post(
            "/api/v1/me/email",
            json!({ "newEmail": new, "password": "not-my-password" }),
        )
        .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    let missing = user
        .post("/api/v1/me/email", json!({ "newEmail": new }))
        .await;
    assert_eq!(missing.status, 422, "{}", missing.body);
    let same = change_email(&user, &user.email, json!({})).await;
    assert_eq!(same.status, 422, "{}", same.body);
    let bad = change_email(&user, "not-an-address", json!({})).await;
    assert_eq!(bad.body["errors"][0]["key"], "newEmail", "{}", bad.body);

    let asked = change_email(&user, &new.to_uppercase(), json!({})).await;
    assert_eq!(asked.status, 202, "{}", asked.body);
    let token = app.emailed_token(&new, "/confirm-email-change", 1).await;
    app.jobs_done(&CHANGE_JOBS).await;
    let jobs = server::testing::job_payloads(&app.state.db).await.unwrap();
    assert!(!jobs.iter().any(|p| p.contains(&token)));
    let notices = app.mails_to(&user.email);
    assert_eq!(notices.len(), 1, "a notice to the current address");
    assert!(notices[0].contains(&new), "{}", notices[0]);
    assert!(!notices[0].contains("token="), "the notice carries no link");
    assert_eq!(
        user.get("/api/v1/me").await.body["email"],
        user.email.as_str()
    );

    let done = confirm_change(&app, &token).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let me = user.get("/api/v1/me").await.body;
    assert_eq!(me["email"], new.as_str());
    assert_eq!(me["emailVerified"], true);
    assert_eq!(password_login(&app, &new, PASSWORD).await.status, 200);
    assert_eq!(
        password_login(&app, &user.email, PASSWORD).await.status,
        401
    );

    let reused = confirm_change(&app, &token).await;
    assert_eq!(reused.status, 400, "a link works once: {}", reused.body);
}

#[tokio::test]
async fn an_email_change_link_expires_after_an_hour() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let new = new_email();
    assert_eq!(change_email(&user, &new, json!({})).await.status, 202);
    let token = app.emailed_token(&new, "/confirm-email-change", 1).await;
    app.clock.advance(Duration::minutes(61));
    let late = confirm_change(&app, &token).await;
    assert_eq!(late.status, 400, "{}", late.body);
    assert_eq!(
        password_login(&app, &user.email, PASSWORD).await.status,
        200
    );
    assert_eq!(password_login(&app, &new, PASSWORD).await.status, 401);
}

#[tokio::test]
async fn an_email_change_of_an_mfa_user_needs_a_step_up() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let (secret, _) = enrol(&user).await;
    let new = new_email();

    mfa_required(&change_email(&user, &new, json!({})).await);
    let verification = step_up(&user, &secret).await;
    // A wrong password does not spend the step-up.
    let wrong = user
        .post(
            "/api/v1/me/email",
            json!({ "newEmail": new, "password": "nope-nope", "verification_token": verification }),
        )
        .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    let asked = change_email(&user, &new, json!({ "verification_token": verification })).await;
    assert_eq!(asked.status, 202, "{}", asked.body);
    // One proof, one act.
    mfa_required(&change_email(&user, &new, json!({ "verificationToken": verification })).await);

    // This time through the link's page: the GET shows a button, the POST changes the address.
    let token = app.emailed_token(&new, "/confirm-email-change", 1).await;
    let page = app
        .http
        .get(format!("{}/confirm-email-change?token={token}", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<form method=\"post\""), "{page}");
    assert_eq!(
        user.get("/api/v1/me").await.body["email"],
        user.email.as_str()
    );
    let done = app
        .http
        .post(format!("{}/confirm-email-change", app.url))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(done.contains("E-mail address changed"), "{done}");
    assert_eq!(user.get("/api/v1/me").await.body["email"], new.as_str());
}

#[tokio::test]
async fn an_email_change_to_a_taken_address_says_the_same_and_sends_it_nothing() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let other = app.user().await;

    let free = change_email(&user, &new_email(), json!({})).await;
    let taken = change_email(&user, &other.email, json!({})).await;
    assert_eq!(taken.status, free.status);
    assert_eq!(taken.body, free.body);
    app.jobs_done(&CHANGE_JOBS).await;
    assert_eq!(app.mails_to(&other.email), Vec::<String>::new());
    assert_eq!(app.mails_to(&user.email).len(), 2, "a notice each time");

    // An address free when asked but taken before the link is opened: 409, nothing changes.
    let later = new_email();
    assert_eq!(change_email(&user, &later, json!({})).await.status, 202);
    let token = app.emailed_token(&later, "/confirm-email-change", 1).await;
    app.user_with_email(&later).await;
    let conflict = confirm_change(&app, &token).await;
    assert_eq!(conflict.status, 409, "{}", conflict.body);
    assert_eq!(
        user.get("/api/v1/me").await.body["email"],
        user.email.as_str()
    );
}

#[tokio::test]
async fn an_api_key_cannot_change_the_email_address() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let key = user
        .post(
            "/api/v1/api-tokens",
            json!({ "name": "ERP", "scopes": ["invoice.view"] }),
        )
        .await;
    let reply = app
        .send(
            app.http
                .post(format!("{}/api/v1/me/email", app.url))
                .header("Authorization", key.body["token"].as_str().unwrap()),
            Some(json!({ "newEmail": new_email(), "password": PASSWORD })),
        )
        .await;
    assert_eq!(reply.status, 403, "{}", reply.body);
}
