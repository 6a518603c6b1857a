use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::json;
use time::Duration;

use crate::support::{PASSWORD, TestApp};
use server::testing::smtp::MAIL_WAIT;

#[tokio::test]
async fn registration_sends_a_confirmation_link_that_works_once() {
    let app = TestApp::spawn_with(|c| c.auto_confirm_email = false).await;
    let reply = app
        .call(
            Method::POST,
            "/api/auth/register",
            Some(json!({ "email": "Ana@Firma.ro", "password": PASSWORD })),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["email"], "ana@firma.ro");

    let refused = app
        .call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": "ana@firma.ro", "password": PASSWORD })),
        )
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.body["code"], "email_not_confirmed");

    let mails = app.mail.wait_for(1, MAIL_WAIT).await;
    assert_eq!(mails.len(), 1, "one confirmation e-mail");
    assert_eq!(mails[0].to, ["ana@firma.ro"]);
    let text = mails[0].text();
    let token = text.split("token=").nth(1).expect("a link with a token")[..128].to_owned();

    let confirmed = app
        .call(
            Method::POST,
            "/api/auth/confirm-email",
            Some(json!({ "token": token })),
        )
        .await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    let again = app
        .call(
            Method::POST,
            "/api/auth/confirm-email",
            Some(json!({ "token": token })),
        )
        .await;
    assert_eq!(again.status, 400, "a link works once");

    let user = app.login("ana@firma.ro").await;
    let me = user.get("/api/v1/me").await;
    assert_eq!(me.body["emailVerified"], true);
    assert_eq!(me.body["currentRole"], "owner");
    app.stop().await;
}

#[tokio::test]
async fn the_confirmation_page_confirms_on_post_not_on_get() {
    let app = TestApp::spawn_with(|c| c.auto_confirm_email = false).await;
    app.call(
        Method::POST,
        "/api/auth/register",
        Some(json!({ "email": "ion@firma.ro", "password": PASSWORD })),
    )
    .await;
    let mail = app.mail.wait_for(1, MAIL_WAIT).await.remove(0).text();
    let link = mail
        .lines()
        .find(|l| l.contains("/confirm-email?token="))
        .unwrap()
        .trim()
        .to_owned();
    let page = app
        .http
        .get(&link)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<form method=\"post\""), "{page}");
    let token = link.split("token=").nth(1).unwrap();
    let done = app
        .http
        .post(format!("{}/confirm-email", app.url))
        .form(&[("token", token)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(done.contains("E-mail confirmed"), "{done}");
    app.login("ion@firma.ro").await;
}

#[tokio::test]
async fn a_duplicate_email_is_a_conflict() {
    let app = TestApp::spawn().await;
    app.user_with_email("dup@firma.ro").await;
    let reply = app
        .call(
            Method::POST,
            "/api/auth/register",
            Some(json!({ "email": "DUP@firma.ro", "password": PASSWORD })),
        )
        .await;
    assert_eq!(reply.status, 409, "{}", reply.body);
}

#[tokio::test]
async fn weak_passwords_and_bad_emails_are_refused_by_field() {
    let app = TestApp::spawn().await;
    let reply = app
        .call(
            Method::POST,
            "/api/auth/register",
            Some(json!({ "email": "a@b.ro", "password": "short" })),
        )
        .await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.body["errors"][0]["key"], "password");
    let reply = app
        .call(
            Method::POST,
            "/api/auth/register",
            Some(json!({ "email": "not-an-email", "password": PASSWORD })),
        )
        .await;
    assert_eq!(reply.body["errors"][0]["key"], "email");
}

#[tokio::test]
async fn login_is_limited_to_five_attempts_a_minute_per_ip() {
    let app = TestApp::spawn().await;
    app.user_with_email("rl@firma.ro").await; // one attempt used by the fixture's login
    for _ in 0..4 {
        let r = app
            .call(
                Method::POST,
                "/api/auth",
                Some(json!({ "email": "rl@firma.ro", "password": "wrong-password" })),
            )
            .await;
        assert_eq!(r.status, 401);
        assert_eq!(
            r.body,
            json!({ "code": 401, "message": "Invalid credentials." })
        );
    }
    let limited = app
        .call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": "rl@firma.ro", "password": PASSWORD })),
        )
        .await;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.header("retry-after"), Some("60"));
    app.clock.advance(Duration::seconds(61));
    app.login("rl@firma.ro").await;
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_whole_session() {
    let app = TestApp::spawn().await;
    app.user_with_email("rt@firma.ro").await;
    let login = app
        .call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": "rt@firma.ro", "password": PASSWORD })),
        )
        .await;
    assert!(login.header("set-cookie").unwrap().contains("HttpOnly"));
    let first = login.body["refresh_token"].as_str().unwrap().to_owned();

    let second = app
        .call(
            Method::POST,
            "/api/auth/refresh",
            Some(json!({ "refresh_token": first })),
        )
        .await;
    assert_eq!(second.status, 200, "{}", second.body);
    let second = second.body["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(first, second);

    let third = app
        .call(
            Method::POST,
            "/api/auth/token/refresh",
            Some(json!({ "refresh_token": second })),
        )
        .await;
    assert_eq!(third.status, 200, "the CLI's alias works");
    let third = third.body["refresh_token"].as_str().unwrap().to_owned();

    let reused = app
        .call(
            Method::POST,
            "/api/auth/refresh",
            Some(json!({ "refresh_token": first })),
        )
        .await;
    assert_eq!(reused.status, 401, "a rotated token is refused");
    let after = app
        .call(
            Method::POST,
            "/api/auth/refresh",
            Some(json!({ "refresh_token": third })),
        )
        .await;
    assert_eq!(after.status, 401, "reuse revoked the family");
}

#[tokio::test]
async fn the_refresh_cookie_works_without_a_body_and_logout_ends_it() {
    let app = TestApp::spawn().await;
    app.user_with_email("ck@firma.ro").await;
    let login = app
        .call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": "ck@firma.ro", "password": PASSWORD })),
        )
        .await;
    let refresh = login.body["refresh_token"].as_str().unwrap().to_owned();
    let cookie = format!("facturo_refresh={refresh}");
    let reply = app
        .send(
            app.http
                .post(format!("{}/api/auth/refresh", app.url))
                .header("cookie", &cookie),
            None,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let next = reply.body["refresh_token"].as_str().unwrap().to_owned();

    let out = app
        .call(
            Method::POST,
            "/api/auth/logout",
            Some(json!({ "refresh_token": next })),
        )
        .await;
    assert_eq!(out.status, 204);
    let after = app
        .call(
            Method::POST,
            "/api/auth/refresh",
            Some(json!({ "refresh_token": next })),
        )
        .await;
    assert_eq!(after.status, 401);
}

#[tokio::test]
async fn access_tokens_expire_after_an_hour() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    assert_eq!(user.get("/api/v1/me").await.status, 200);
    app.clock.advance(Duration::minutes(61));
    let expired = user.get("/api/v1/me").await;
    assert_eq!(expired.status, 401);
    assert_eq!(
        expired.body,
        json!({ "code": 401, "message": "Expired JWT Token" })
    );
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let user = app.user_with_email("pw@firma.ro").await;
    let login = app
        .call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": "pw@firma.ro", "password": PASSWORD })),
        )
        .await;
    let refresh = login.body["refresh_token"].as_str().unwrap().to_owned();

    let wrong = user
        .patch(
            "/api/v1/me",
            json!({ "currentPassword": "nope-nope", "newPassword": "alta-parola-9" }),
        )
        .await;
    assert_eq!(wrong.status, 422);
    app.clock.advance(Duration::seconds(2));
    let ok = user.patch("/api/v1/me", json!({ "currentPassword": PASSWORD, "password": "alta-parola-9", "firstName": "Ioana" })).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.body["message"], "Profile updated.");

    assert_eq!(
        user.get("/api/v1/me").await.status,
        401,
        "old access token refused"
    );
    let r = app
        .call(
            Method::POST,
            "/api/auth/refresh",
            Some(json!({ "refresh_token": refresh })),
        )
        .await;
    assert_eq!(r.status, 401, "old refresh token refused");
    let new = app
        .call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": "pw@firma.ro", "password": "alta-parola-9" })),
        )
        .await;
    assert_eq!(new.status, 200);
    let me = app
        .send(
            app.http
                .get(format!("{}/api/v1/me", app.url))
                .bearer_auth(new.body["token"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(me.body["firstName"], "Ioana");
}

#[tokio::test]
async fn missing_or_foreign_credentials_get_the_contract_shapes() {
    let app = TestApp::spawn().await;
    let none = app.call(Method::GET, "/api/v1/me", None).await;
    assert_eq!(none.status, 401);
    assert_eq!(
        none.body,
        json!({ "code": 401, "message": "JWT Token not found" })
    );
    let bad = app
        .send(
            app.http
                .get(format!("{}/api/v1/me", app.url))
                .bearer_auth("abc.def.ghi"),
            None,
        )
        .await;
    assert_eq!(bad.body["message"], "Invalid JWT Token");
    let key = app
        .send(
            app.http
                .get(format!("{}/api/v1/me", app.url))
                .header("authorization", format!("af_{}", "0".repeat(64))),
            None,
        )
        .await;
    assert_eq!(key.status, 403);
    assert_eq!(key.body["error_code"], "AUTH_HEADER_TOKEN");
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_unknown_routes_are_json() {
    let app = TestApp::spawn().await;
    let reply = app.call(Method::GET, "/api/v1/nothing-here", None).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.body, json!({ "error": "Not found." }));
    assert_eq!(reply.header("x-request-id").map(str::len), Some(36));
    let health = app.call(Method::GET, "/health", None).await;
    assert_eq!(health.body["status"], "healthy");
    assert!(health.header("x-request-id").is_some());
}

#[tokio::test]
async fn malformed_and_oversized_bodies_are_refused_clearly() {
    let app = TestApp::spawn().await;
    let send_raw = |body: Vec<u8>| {
        app.http
            .post(format!("{}/api/auth", app.url))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let malformed =
        crate::support::Reply::from(send_raw(b"{\"email\": ".to_vec()).await.unwrap()).await;
    assert_eq!(malformed.status, 400);
    assert!(
        malformed.error().starts_with("Malformed JSON"),
        "{}",
        malformed.body
    );
    let wrong_type = crate::support::Reply::from(
        send_raw(br#"{"email": 5, "password": "x"}"#.to_vec())
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(wrong_type.status, 400);
    assert!(wrong_type.error().contains("email"), "{}", wrong_type.body);
    let huge =
        crate::support::Reply::from(send_raw(vec![b' '; 3 * 1024 * 1024]).await.unwrap()).await;
    assert_eq!(huge.status, 413);
}

#[tokio::test]
async fn the_openapi_document_and_docs_page_are_served_offline() {
    let app = TestApp::spawn().await;
    let doc = app.call(Method::GET, "/api/openapi.json", None).await;
    assert_eq!(doc.status, 200);
    assert!(doc.body["paths"]["/api/auth"]["post"].is_object());
    let page = app
        .http
        .get(format!("{}/api/docs", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("/api/openapi.json"));
    assert!(!page.contains("<script src=\"http"), "no external scripts");
}
