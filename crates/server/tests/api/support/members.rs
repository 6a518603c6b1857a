//! Members joining an organization: invitation e-mails, joining with a role.

use serde_json::{Value, json};

use super::{Actor, TestApp};

/// The token of the `nth` (from 1) invitation e-mail sent to `email`, checking that the link
/// points at this server's accept page.
pub async fn emailed_token(app: &TestApp, email: &str, nth: usize) -> String {
    app.emailed_token(email, "/invitation", nth).await
}

pub fn new_email() -> String {
    format!("member-{}@firma.test", uuid::Uuid::now_v7().simple())
}

pub async fn invite(owner: &Actor<'_>, email: &str, role: &str, companies: Value) -> Value {
    let reply = owner
        .post(
            "/api/v1/invitations",
            json!({ "email": email, "role": role, "allowedCompanies": companies }),
        )
        .await;
    assert_eq!(reply.status, 201, "invite: {}", reply.body);
    reply.body
}

/// A new user invited by `owner` with `role`, registered, signed in and joined.
pub async fn join<'a>(
    app: &'a TestApp,
    owner: &Actor<'a>,
    role: &str,
    companies: Value,
) -> Actor<'a> {
    let email = new_email();
    invite(owner, &email, role, companies).await;
    let token = emailed_token(app, &email, 1).await;
    let member = app.user_with_email(&email).await;
    let accepted = member
        .post(&format!("/api/v1/invitations/accept/{token}"), json!({}))
        .await;
    assert_eq!(accepted.status, 200, "accept: {}", accepted.body);
    member
}
