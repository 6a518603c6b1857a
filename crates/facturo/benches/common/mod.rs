//! What the server benchmarks share: a JSON call that must succeed, and the bench user with
//! its VAT-paying company (registered, signed in, created through the API as a client would).

use serde_json::{Value, json};

/// The company every bench invoices from (a valid CIF the sandbox registry knows).
pub const CIF: u64 = 18_547_290;

/// Sends `req` with `body` as JSON; panics unless the answer is a success. The answer's JSON
/// (`null` when it has none).
pub async fn call(req: reqwest::RequestBuilder, body: Option<Value>) -> Value {
    let req = match body {
        Some(b) => req.json(&b),
        None => req,
    };
    let res = req.send().await.unwrap();
    let status = res.status();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "{status}: {body}");
    body
}

/// The bench user signed in, and its company.
pub struct Account {
    pub token: String,
    pub company: String,
}

/// Registers the bench user (the server confirms accounts at registration), signs in and
/// creates the company of [`CIF`].
pub async fn sign_up(http: &reqwest::Client, url: &str) -> Account {
    let user = json!({ "email": "bench@firma.ro", "password": "parola-bench-1", "firstName": "Ana", "lastName": "Pop" });
    call(
        http.post(format!("{url}/api/auth/register")),
        Some(user.clone()),
    )
    .await;
    let login = call(http.post(format!("{url}/api/auth")), Some(user)).await;
    let token = login["token"].as_str().unwrap().to_owned();
    let company = call(
        http.post(format!("{url}/api/v1/companies"))
            .bearer_auth(&token),
        Some(json!({ "cif": CIF, "vatPayer": true })),
    )
    .await;
    Account {
        token,
        company: company["id"].as_str().unwrap().to_owned(),
    }
}
