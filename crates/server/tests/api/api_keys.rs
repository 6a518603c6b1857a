//! API keys (issue #5 item 1, api.md §3): made once and shown once, sent as `Authorization:
//! af_…`, acting with the user's permissions AND the key's scopes in the key's organization,
//! refused with the contract's 403 once revoked or expired, never managing keys themselves.

use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};
use time::Duration;

use crate::support::members::join;
use crate::support::{Actor, Reply, TestApp};

/// Makes a key for `actor` with `scopes`.
async fn make_key(actor: &Actor<'_>, scopes: &[&str]) -> Value {
    let reply = actor
        .post(
            "/api/v1/api-tokens",
            json!({ "name": "ERP", "scopes": scopes }),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.body
}

/// A request sent with `Authorization: <authorization>` (and the actor's company).
async fn with_auth(
    app: &TestApp,
    authorization: &str,
    company: Option<&str>,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> Reply {
    let mut request = app
        .http
        .request(method, format!("{}{path}", app.url))
        .header("Authorization", authorization);
    if let Some(c) = company {
        request = request.header("X-Company", c);
    }
    app.send(request, body).await
}

fn refused(reply: &Reply, detail: &Value) {
    assert_eq!(reply.status, 403, "{}", reply.body);
    assert_eq!(
        reply.body,
        json!({ "status_code": 403, "detail": *detail, "message": "Invalid API Token", "error_code": "AUTH_HEADER_TOKEN" })
    );
}

#[tokio::test]
async fn a_key_acts_within_its_scopes_and_is_shown_once() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let company = owner.company.clone();
    let made = make_key(&owner, &["invoice.view", "client.view"]).await;
    let token = made["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("af_") && token.len() == 67, "{token}");
    assert_eq!(made["tokenPrefix"], token[..12]);
    assert_eq!(made["scopes"], json!(["client.view", "invoice.view"]));
    assert!(made["lastUsedAt"].is_null());

    let listed = with_auth(
        &app,
        &token,
        company.as_deref(),
        Method::GET,
        "/api/v1/invoices",
        None,
    )
    .await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    // Owner can create invoices; the key cannot.
    let created = with_auth(
        &app,
        &token,
        company.as_deref(),
        Method::POST,
        "/api/v1/invoices",
        Some(json!({ "lines": [{ "description": "A", "quantity": "1", "unitPrice": "5" }] })),
    )
    .await;
    assert_eq!(created.status, 403, "{}", created.body);
    // Nor see keys: api_key.view is not among its scopes.
    let keys = with_auth(&app, &token, None, Method::GET, "/api/v1/api-tokens", None).await;
    assert_eq!(keys.status, 403, "{}", keys.body);

    let list = owner.get("/api/v1/api-tokens").await;
    assert_eq!(list.status, 200, "{}", list.body);
    let row = &list.body["data"][0];
    assert_eq!(row["id"], made["id"]);
    assert!(row.get("token").is_none(), "the key is shown once: {row}");
    assert!(row["lastUsedAt"].is_string(), "{row}");
    // Sent with `Bearer`, a key is a bad JWT (api.md §3.1).
    let bearer = with_auth(
        &app,
        &format!("Bearer {token}"),
        None,
        Method::GET,
        "/api/v1/me",
        None,
    )
    .await;
    assert_eq!(bearer.status, 401);
    assert_eq!(bearer.body["message"], "Invalid JWT Token");
}

#[tokio::test]
async fn revoked_expired_unknown_and_malformed_keys_get_the_contracts_403() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let revoked = make_key(&owner, &["invoice.view"]).await;
    let expiring = owner
        .post(
            "/api/v1/api-tokens",
            json!({ "name": "short", "scopes": ["invoice.view"], "expiresAt": "2026-06-16" }),
        )
        .await;
    assert_eq!(expiring.status, 201, "{}", expiring.body);
    let expiring_token = expiring.body["token"].as_str().unwrap();
    let ok = with_auth(&app, expiring_token, None, Method::GET, "/api/v1/me", None).await;
    assert_eq!(ok.status, 200, "{}", ok.body);

    let gone = owner
        .delete(&format!(
            "/api/v1/api-tokens/{}",
            revoked["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(gone.status, 204);
    let reply = with_auth(
        &app,
        revoked["token"].as_str().unwrap(),
        None,
        Method::GET,
        "/api/v1/me",
        None,
    )
    .await;
    refused(&reply, &json!("API token has been revoked"));

    let listed = owner.get("/api/v1/api-tokens").await.body;
    let revoked_row = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == revoked["id"])
        .unwrap()
        .clone();
    assert!(revoked_row["revokedAt"].is_string(), "{revoked_row}");

    app.clock.advance(Duration::days(3));
    let reply = with_auth(&app, expiring_token, None, Method::GET, "/api/v1/me", None).await;
    refused(&reply, &json!("API token has expired"));

    let unknown = format!("af_{}", "0".repeat(64));
    refused(
        &with_auth(&app, &unknown, None, Method::GET, "/api/v1/me", None).await,
        &Value::Null,
    );
    refused(
        &with_auth(&app, "af_short", None, Method::GET, "/api/v1/me", None).await,
        &Value::Null,
    );
    refused(
        &with_auth(
            &app,
            "Basic dXNlcjpwYXNz",
            None,
            Method::GET,
            "/api/v1/me",
            None,
        )
        .await,
        &Value::Null,
    );
}

#[tokio::test]
async fn requests_for_keys_are_checked_and_keys_cannot_manage_keys() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    for (body, status, error) in [
        (
            json!({ "scopes": ["invoice.view"] }),
            400,
            "Field \"name\" is required.",
        ),
        (
            json!({ "name": "x", "scopes": [] }),
            400,
            "At least one scope is required.",
        ),
        (
            json!({ "name": "x", "scopes": ["invoice.view", "invoice.fly", "x"] }),
            400,
            "Invalid scopes: invoice.fly, x",
        ),
        (
            json!({ "name": "x", "scopes": ["invoice.view"], "expiresAt": "2020-01-01" }),
            400,
            "expiresAt must be in the future.",
        ),
        (
            json!({ "name": "x", "scopes": ["invoice.view"], "expiresAt": "soon" }),
            400,
            "expiresAt 'soon' is not a date (YYYY-MM-DD) or an ISO 8601 date-time.",
        ),
    ] {
        let reply = owner.post("/api/v1/api-tokens", body.clone()).await;
        assert_eq!((reply.status, reply.error()), (status, error), "{body}");
    }
    // An admin holds everything but billing: it cannot grant billing.
    let admin = join(&app, &owner, "admin", json!(null)).await;
    let reply = admin
        .post(
            "/api/v1/api-tokens",
            json!({ "name": "x", "scopes": ["invoice.view", "org.manage_billing"] }),
        )
        .await;
    assert_eq!(reply.status, 403, "{}", reply.body);
    assert_eq!(
        reply.error(),
        "Cannot grant scope \"org.manage_billing\" — you do not have this permission."
    );
    // An employee may not manage keys at all.
    let employee = join(&app, &owner, "employee", json!(null)).await;
    let reply = employee
        .post(
            "/api/v1/api-tokens",
            json!({ "name": "x", "scopes": ["invoice.view"] }),
        )
        .await;
    assert_eq!(reply.status, 403, "{}", reply.body);

    // A key with every key scope still cannot make, change, rotate or revoke keys, nor act for
    // the account.
    let key = make_key(&owner, &["api_key.view", "api_key.manage", "company.edit"]).await;
    let token = key["token"].as_str().unwrap();
    let id = key["id"].as_str().unwrap();
    let listed = with_auth(&app, token, None, Method::GET, "/api/v1/api-tokens", None).await;
    assert_eq!(listed.status, 200, "listing is allowed: {}", listed.body);
    let scopes = with_auth(
        &app,
        token,
        None,
        Method::GET,
        "/api/v1/api-tokens/scopes",
        None,
    )
    .await;
    assert_eq!(
        scopes.body["scopes"],
        json!([
            { "value": "company.edit", "label": "company.edit", "category": "company" },
            { "value": "api_key.view", "label": "api_key.view", "category": "api_key" },
            { "value": "api_key.manage", "label": "api_key.manage", "category": "api_key" },
        ])
    );
    for (method, path, body) in [
        (
            Method::POST,
            "/api/v1/api-tokens".to_owned(),
            Some(json!({ "name": "y", "scopes": ["invoice.view"] })),
        ),
        (
            Method::PATCH,
            format!("/api/v1/api-tokens/{id}"),
            Some(json!({ "name": "y" })),
        ),
        (
            Method::POST,
            format!("/api/v1/api-tokens/{id}/rotate"),
            Some(json!({})),
        ),
        (Method::DELETE, format!("/api/v1/api-tokens/{id}"), None),
        (
            Method::PATCH,
            "/api/v1/me".to_owned(),
            Some(json!({ "firstName": "Eve" })),
        ),
        (
            Method::POST,
            "/api/v1/anaf/tokens".to_owned(),
            Some(json!({ "token": "x".repeat(20) })),
        ),
    ] {
        let reply = with_auth(&app, token, None, method.clone(), &path, body).await;
        assert_eq!(reply.status, 403, "{method} {path}: {}", reply.body);
        assert!(
            reply
                .error()
                .starts_with("API keys cannot be managed via programmatic tokens"),
            "{}",
            reply.body
        );
    }
}

#[tokio::test]
async fn a_key_stays_in_its_organization_and_rotation_replaces_it() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let stranger = app.user().await.company().await;
    let key = make_key(&owner, &["invoice.view", "company.view"]).await;
    let token = key["token"].as_str().unwrap().to_owned();
    // Another organization's company is not found.
    let foreign = with_auth(
        &app,
        &token,
        stranger.company.as_deref(),
        Method::GET,
        "/api/v1/invoices",
        None,
    )
    .await;
    assert_eq!(foreign.status, 404, "{}", foreign.body);
    assert_eq!(foreign.error(), "Company not found.");

    // The owner joins the stranger's organization as admin: the key still acts only in the
    // organization it was made in, whatever X-Organization says.
    let member = join(&app, &stranger, "admin", json!(null)).await;
    let member_key = make_key(&member, &["company.view"]).await;
    let their_org = stranger.get("/api/v1/me").await.body["organization"]["id"].clone();
    let companies = app
        .send(
            app.http
                .get(format!("{}/api/v1/companies", app.url))
                .header("Authorization", member_key["token"].as_str().unwrap())
                .header("X-Organization", their_org.as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(companies.status, 200, "{}", companies.body);

    let rotated = owner
        .post(
            &format!("/api/v1/api-tokens/{}/rotate", key["id"].as_str().unwrap()),
            json!({}),
        )
        .await;
    assert_eq!(rotated.status, 201, "{}", rotated.body);
    assert_ne!(rotated.body["token"], key["token"]);
    assert_eq!(rotated.body["scopes"], key["scopes"]);
    assert_eq!(rotated.body["name"], key["name"]);
    let old = with_auth(
        &app,
        &token,
        owner.company.as_deref(),
        Method::GET,
        "/api/v1/invoices",
        None,
    )
    .await;
    assert_eq!(old.status, 403);
    let new = with_auth(
        &app,
        rotated.body["token"].as_str().unwrap(),
        owner.company.as_deref(),
        Method::GET,
        "/api/v1/invoices",
        None,
    )
    .await;
    assert_eq!(new.status, 200, "{}", new.body);
    let again = owner
        .post(
            &format!("/api/v1/api-tokens/{}/rotate", key["id"].as_str().unwrap()),
            json!({}),
        )
        .await;
    assert_eq!(
        again.status, 422,
        "a revoked key is not rotated: {}",
        again.body
    );
    // Another user's key is not found.
    let theirs = stranger
        .delete(&format!(
            "/api/v1/api-tokens/{}",
            rotated.body["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(theirs.status, 404);
}
