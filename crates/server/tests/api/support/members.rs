//! Members joining an organization: invitation e-mails, joining with a role.

use serde_json::{Value, json};
use server::testing::smtp::MAIL_WAIT;

use super::{Actor, TestApp};

/// The token of the `nth` (from 1) invitation e-mail sent to `email`, checking that the link
/// points at this server's accept page.
pub async fn emailed_token(app: &TestApp, email: &str, nth: usize) -> String {
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    loop {
        let texts: Vec<String> = app
            .mail
            .mails()
            .into_iter()
            .filter(|m| m.to.iter().any(|to| to == email))
            .map(|m| m.text())
            .collect();
        if let Some(text) = texts.get(nth - 1) {
            let link = format!("{}/invitation?token=", app.url);
            assert!(text.contains(&link), "the e-mail links to {link}: {text}");
            return text.split("token=").nth(1).unwrap()[..128].to_owned();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no invitation e-mail #{nth} to {email}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
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
