//! The audit log (issue #5 item 9): sign-ins and their failures, second factors, API keys,
//! members' roles — and every refusal (forged or expired tokens, revoked keys, keys beyond
//! their scopes, missing permissions, refresh replays, step-ups, rate limits) — with actor, IP
//! and user agent; readable by owners and admins; append-only on both backends.

use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};
use server::store::audit::{self, Filter};
use time::Duration;

use crate::support::members::join;
use crate::support::{Actor, PASSWORD, TestApp};

/// The organization's records as its owner reads them, oldest first, as (event, outcome).
async fn events(owner: &Actor<'_>, query: &str) -> Vec<(String, String)> {
    let reply = owner
        .get(&format!("/api/v1/audit-log?limit=100{query}"))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let mut rows: Vec<(String, String)> = reply.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["event"].as_str().unwrap().to_owned(),
                r["outcome"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    rows.reverse();
    rows
}

fn pair(event: &str, outcome: &str) -> (String, String) {
    (event.to_owned(), outcome.to_owned())
}

/// Every record of the instance with `event`, newest first.
async fn instance_records(app: &TestApp, event: &str) -> Vec<audit::Record> {
    let filter = Filter {
        event: Some(event.to_owned()),
        ..Filter::default()
    };
    audit::list(&app.state.db, None, &filter, 100, 0)
        .await
        .unwrap()
        .0
}

#[tokio::test]
async fn sign_ins_and_their_failures_are_recorded_with_where_they_came_from() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let wrong = app
        .send(
            app.http
                .post(format!("{}/api/auth", app.url))
                .header("User-Agent", "curl/8.5"),
            Some(json!({ "email": owner.email, "password": "not-it" })),
        )
        .await;
    assert_eq!(wrong.status, 401);
    app.login(&owner.email).await;

    assert_eq!(
        events(&owner, "&event=login.").await,
        vec![
            pair("login.succeeded", "success"),
            pair("login.failed", "failure"),
            pair("login.succeeded", "success"),
        ]
    );
    let failed = owner.get("/api/v1/audit-log?event=login.failed").await.body["data"][0].clone();
    assert_eq!(failed["actor"]["email"], owner.email.as_str());
    assert_eq!(failed["ip"], "127.0.0.1");
    assert_eq!(failed["userAgent"], "curl/8.5");
    assert!(failed["organizationId"].is_null(), "an account-level event");

    // An unknown address has no organization: only the instance sees it.
    app.call(
        Method::POST,
        "/api/auth",
        Some(json!({ "email": "ghost@firma.test", "password": "x" })),
    )
    .await;
    let ghost = instance_records(&app, "login.failed").await;
    assert_eq!(ghost[0].actor_email.as_deref(), Some("ghost@firma.test"));
    assert!(ghost[0].user_id.is_none());
    assert_eq!(events(&owner, "&event=login.failed").await.len(), 1);
}

#[tokio::test]
async fn only_owners_and_admins_read_it_and_a_refusal_is_itself_recorded() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let admin = join(&app, &owner, "admin", json!([])).await;
    let employee = join(&app, &owner, "employee", json!([])).await;
    assert_eq!(admin.get("/api/v1/audit-log").await.status, 200);
    let refused = employee.get("/api/v1/audit-log").await;
    assert_eq!(refused.status, 403);

    let page = owner.get("/api/v1/audit-log?event=permission.denied").await;
    let denied = &page.body["data"][0];
    assert_eq!(denied["actor"]["email"], employee.email.as_str());
    assert_eq!(denied["outcome"], "refused");
    assert_eq!(denied["details"]["path"], "/api/v1/audit-log");
    assert_eq!(denied["details"]["status"], 403);

    // The members' own sign-ins are in the organization's log; another organization's are not.
    let stranger = app.user().await.company().await;
    let logins: Vec<String> = owner
        .get("/api/v1/audit-log?event=login.succeeded&limit=100")
        .await
        .body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["actor"]["email"].as_str().unwrap().to_owned())
        .collect();
    assert!(logins.contains(&employee.email));
    assert!(!logins.contains(&stranger.email));
    let scoped = owner.get("/api/v1/audit-log?scope=instance").await;
    assert_eq!(
        scoped.status, 403,
        "only instance administrators see everything"
    );
}

#[tokio::test]
async fn refused_credentials_are_recorded() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let bearer = |token: &str| {
        app.http
            .get(format!("{}/api/v1/me", app.url))
            .bearer_auth(token.to_owned())
    };

    // A forged token (alg: none) and an expired one.
    let forged = app
        .send(
            bearer("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4In0."),
            None,
        )
        .await;
    assert_eq!(forged.status, 401);
    app.clock.advance(Duration::hours(2));
    let expired = app.send(bearer(&owner.token), None).await;
    assert_eq!(expired.status, 401);
    assert_eq!(instance_records(&app, "auth.token_refused").await.len(), 1);
    let expired = instance_records(&app, "auth.token_expired").await;
    assert_eq!(expired.len(), 1);
    assert_eq!(
        expired[0].details.0["reason"],
        "unauthorized: Expired JWT Token"
    );

    // A key beyond its scope, then revoked.
    let owner = app
        .login(&owner.email)
        .await
        .acting_for(owner.company.as_deref().unwrap());
    let key = owner
        .post(
            "/api/v1/api-tokens",
            json!({ "name": "ERP", "scopes": ["invoice.view"] }),
        )
        .await;
    let token = key.body["token"].as_str().unwrap().to_owned();
    let with_key = |method: Method, path: &str| {
        app.http
            .request(method, format!("{}{path}", app.url))
            .header("Authorization", token.clone())
            .header("X-Company", owner.company.clone().unwrap())
    };
    assert_eq!(
        app.send(with_key(Method::GET, "/api/v1/invoices"), None)
            .await
            .status,
        200
    );
    let beyond = app
        .send(with_key(Method::GET, "/api/v1/clients"), None)
        .await;
    assert_eq!(beyond.status, 403);
    owner
        .delete(&format!(
            "/api/v1/api-tokens/{}",
            key.body["id"].as_str().unwrap()
        ))
        .await;
    let revoked = app
        .send(with_key(Method::GET, "/api/v1/invoices"), None)
        .await;
    assert_eq!(revoked.status, 403);

    let log = events(&owner, "").await;
    for expected in [
        pair("api_key.created", "success"),
        pair("api_key.used", "success"),
        pair("permission.denied", "refused"),
        pair("api_key.revoked", "success"),
    ] {
        assert!(log.contains(&expected), "{expected:?} in {log:?}");
    }
    let denied = owner.get("/api/v1/audit-log?event=permission.denied").await;
    assert_eq!(
        denied.body["data"][0]["actor"]["apiKeyId"], key.body["id"],
        "the refusal names the key"
    );
    let refused_key = instance_records(&app, "api_key.refused").await;
    assert_eq!(refused_key.len(), 1);
    assert!(
        refused_key[0].details.0["reason"]
            .as_str()
            .unwrap()
            .contains("revoked")
    );
}

#[tokio::test]
async fn replays_step_ups_and_limits_are_recorded() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;

    // A refresh token used twice.
    let login = app
        .call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": owner.email, "password": PASSWORD })),
        )
        .await;
    let refresh = login.body["refresh_token"].clone();
    let body = json!({ "refresh_token": refresh });
    assert_eq!(
        app.call(Method::POST, "/api/auth/refresh", Some(body.clone()))
            .await
            .status,
        200
    );
    assert_eq!(
        app.call(Method::POST, "/api/auth/refresh", Some(body))
            .await
            .status,
        401
    );
    let replays = instance_records(&app, "refresh.replayed").await;
    assert_eq!(replays.len(), 1);

    // Five wrong logins from one address, then the limit: one record for the limit.
    for _ in 0..7 {
        app.call(
            Method::POST,
            "/api/auth",
            Some(json!({ "email": "x@firma.test", "password": "guess" })),
        )
        .await;
    }
    let limited = instance_records(&app, "rate_limit.refused").await;
    assert_eq!(limited.len(), 1, "one record a minute per refused caller");
    assert_eq!(limited[0].details.0["path"], "/api/auth");
    assert_eq!(limited[0].ip.as_deref(), Some("127.0.0.1"));
}

#[tokio::test]
async fn member_changes_are_recorded() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let member = join(&app, &owner, "employee", json!([])).await;
    let listed = owner.get("/api/v1/members").await;
    let id = listed.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| {
            m["user"]["email"] == member.email.as_str() || m["email"] == member.email.as_str()
        })
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .expect("the member is listed");
    let changed = owner
        .patch(
            &format!("/api/v1/members/{id}"),
            json!({ "role": "accountant" }),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    let page = owner.get("/api/v1/audit-log?event=member.updated").await;
    let record: &Value = &page.body["data"][0];
    assert_eq!(record["details"]["role"], "accountant");
    assert_eq!(record["details"]["member"], member.email.as_str());
    assert_eq!(record["actor"]["email"], owner.email.as_str());
}

#[tokio::test]
async fn records_cannot_be_changed_or_deleted() {
    let app = TestApp::spawn().await;
    app.user().await;
    for sql in [
        "UPDATE audit_log SET event = 'nothing'",
        "DELETE FROM audit_log",
    ] {
        let mut tx = app.state.db.begin().await.unwrap();
        let refused = server::on_tx!(&mut tx, c => sqlx::query(sql).execute(c).await.map(|_| ()));
        let message = refused.unwrap_err().to_string();
        assert!(message.contains("append-only"), "{sql}: {message}");
    }
    assert!(!instance_records(&app, "login.succeeded").await.is_empty());
}
