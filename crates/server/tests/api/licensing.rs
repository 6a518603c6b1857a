//! The installation's licence (issue #5 item 7): verified offline at start; its plan sets the
//! sync interval; anything wrong with it means Freemium, said by `GET /api/v1/licensing`.

use std::collections::BTreeMap;

use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::EncodePrivateKey;
use pretty_assertions::assert_eq;
use serde_json::{Value, json};
use server::licensing::{self, Claims, TrustedKey};

use crate::support::{START, TestApp};

fn vendor() -> (String, TrustedKey) {
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let pem = key
        .to_pkcs8_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
        .unwrap()
        .to_string();
    (
        pem,
        TrustedKey::from_raw("test-vendor", &key.verifying_key().to_bytes()),
    )
}

fn licence(pem: &str, plan: &str, days: i64) -> String {
    licence_with(pem, plan, days, &[("webhooks", true)])
}

/// A licence whose `features` claim is `features`.
fn licence_with(pem: &str, plan: &str, days: i64, features: &[(&str, bool)]) -> String {
    let claims = Claims {
        iss: licensing::ISSUER.into(),
        sub: "Cabinet Contabil SRL".into(),
        plan: plan.into(),
        features: features.iter().map(|&(k, v)| (k.to_owned(), v)).collect(),
        limits: BTreeMap::from([("maxCompanies".into(), 25)]),
        seats: Some(8),
        iat: START.unix_timestamp(),
        exp: (START + time::Duration::days(days)).unix_timestamp(),
        jti: None,
    };
    licensing::issue(&claims, pem, "test-vendor").unwrap()
}

/// A server enforcing plan limits under a 30-day licence for `plan`.
async fn licensed(plan: &str) -> TestApp {
    licensed_with(plan, &[("webhooks", true)]).await
}

/// A server enforcing plan limits under a 30-day licence for `plan` with `features`.
async fn licensed_with(plan: &str, features: &[(&str, bool)]) -> TestApp {
    let (pem, key) = vendor();
    let token = licence_with(&pem, plan, 30, features);
    TestApp::spawn_with(move |c| {
        c.enforce_plan_limits = true;
        c.licence = Some(token);
        c.licence_test_keys = vec![key];
    })
    .await
}

async fn licensing_of(token: Option<String>, key: &TrustedKey) -> Value {
    let key = key.clone();
    let app = TestApp::spawn_with(move |c| {
        c.licence = token;
        c.licence_test_keys = vec![key];
    })
    .await;
    let user = app.user().await;
    let reply = user.get("/api/v1/licensing").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    // `/me` shows the same plan.
    let me = user.get("/api/v1/me").await.body;
    assert_eq!(me["plan"]["plan"], reply.body["plan"], "{me}");
    assert_eq!(
        me["plan"]["communityEdition"],
        reply.body["status"] != "licensed"
    );
    reply.body
}

#[tokio::test]
async fn a_valid_licence_sets_the_plan_and_its_sync_interval() {
    let (pem, key) = vendor();
    let body = licensing_of(Some(licence(&pem, "professional", 365)), &key).await;
    assert_eq!(
        (
            &body["plan"],
            &body["status"],
            &body["licensee"],
            &body["seats"]
        ),
        (
            &json!("professional"),
            &json!("licensed"),
            &json!("Cabinet Contabil SRL"),
            &json!(8)
        )
    );
    assert_eq!(body["syncIntervalSeconds"], 4 * 3600);
    assert_eq!(body["limits"]["maxCompanies"], 25);
    assert_eq!(body["features"]["webhooks"], true);
}

#[tokio::test]
async fn no_expired_or_tampered_licence_runs_as_freemium_and_says_why() {
    let (pem, key) = vendor();
    let none = licensing_of(None, &key).await;
    assert_eq!(
        (&none["plan"], &none["status"]),
        (&json!("freemium"), &json!("none"))
    );
    assert_eq!(none["syncIntervalSeconds"], 24 * 3600);

    let expired = licensing_of(Some(licence(&pem, "business", -1)), &key).await;
    assert_eq!(
        (&expired["plan"], &expired["status"]),
        (&json!("freemium"), &json!("expired"))
    );
    assert!(
        expired["message"].as_str().unwrap().contains("expired"),
        "{expired}"
    );

    // The payload of a starter licence swapped for a business one: the signature breaks.
    let starter = licence(&pem, "starter", 365);
    let business = licence(&pem, "business", 365);
    let s: Vec<&str> = starter.split('.').collect();
    let b: Vec<&str> = business.split('.').collect();
    let tampered = format!("{}.{}.{}", s[0], b[1], s[2]);
    let body = licensing_of(Some(tampered), &key).await;
    assert_eq!(
        (&body["plan"], &body["status"]),
        (&json!("freemium"), &json!("invalid"))
    );
    assert!(
        body["message"].as_str().unwrap().contains("signature"),
        "{body}"
    );
    assert!(body["licensee"].is_null());

    // Signed by someone else's key under the trusted key's id.
    let (other, _) = vendor();
    let forged = licensing_of(Some(licence(&other, "business", 365)), &key).await;
    assert_eq!(forged["status"], "invalid");
}

#[tokio::test]
async fn the_plan_limits_companies_and_members_and_a_licence_lifts_them() {
    // No licence: Freemium, one company and three members (pending invitations count).
    let app = TestApp::spawn_with(|c| c.enforce_plan_limits = true).await;
    let owner = app.user().await.company().await;
    let second = owner
        .post(
            "/api/v1/companies",
            json!({ "cif": crate::support::next_cif(), "vatPayer": true }),
        )
        .await;
    assert_eq!(second.status, 402, "{}", second.body);
    assert_eq!(second.body["code"], "PLAN_LIMIT");
    assert_eq!(
        second.body["error"],
        "The freemium plan allows 1 company per organization."
    );
    for n in 0..2 {
        let invited = owner
            .post(
                "/api/v1/invitations",
                json!({ "email": format!("m{n}@firma.test"), "role": "employee" }),
            )
            .await;
        assert_eq!(invited.status, 201, "{}", invited.body);
    }
    let fourth = owner
        .post(
            "/api/v1/invitations",
            json!({ "email": "m9@firma.test", "role": "employee" }),
        )
        .await;
    assert_eq!(fourth.status, 402, "{}", fourth.body);
    assert_eq!(fourth.body["code"], "PLAN_LIMIT");

    // A licence's limits replace the plan's.
    let app = licensed("starter").await;
    let owner = app.user().await.company().await;
    for _ in 0..4 {
        let more = owner
            .post(
                "/api/v1/companies",
                json!({ "cif": crate::support::next_cif(), "vatPayer": true }),
            )
            .await;
        assert_eq!(
            more.status, 201,
            "maxCompanies 25 beats Starter's 3: {}",
            more.body
        );
    }
}

#[tokio::test]
async fn recurring_invoices_need_a_plan_that_has_them() {
    let template = |client: &Value| {
        json!({ "clientId": client["id"], "frequency": "monthly", "frequencyDay": 1,
                "dueDateType": "days", "dueDateDays": 15,
                "lines": [{ "description": "Abonament", "quantity": "1", "unitPrice": "100", "vatRate": "21" }] })
    };
    let app = TestApp::spawn_with(|c| c.enforce_plan_limits = true).await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let refused = owner
        .post("/api/v1/recurring-invoices", template(&client))
        .await;
    assert_eq!(refused.status, 402, "{}", refused.body);
    assert_eq!(
        refused.body,
        json!({ "error": "Recurring invoices are not included in your plan.", "code": "PLAN_LIMIT" })
    );
    let listed = owner.get("/api/v1/recurring-invoices").await;
    assert_eq!(listed.body["data"], json!([]), "nothing was written");

    let app = licensed("professional").await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let made = owner
        .post("/api/v1/recurring-invoices", template(&client))
        .await;
    assert_eq!(made.status, 201, "Professional has them: {}", made.body);
}

#[tokio::test]
async fn pdfs_and_e_mail_follow_the_licence_features() {
    let refusal = |what: &str| json!({ "error": format!("{what} is not included in your plan."), "code": "PLAN_LIMIT" });

    // Every plan includes them: Freemium, unlicensed, prints and e-mails.
    let app = TestApp::spawn_with(|c| c.enforce_plan_limits = true).await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;
    let pdf = owner.get(&format!("/api/v1/invoices/{id}/pdf")).await;
    assert_eq!(pdf.status, 200, "{}", pdf.body);
    let features = owner.get("/api/v1/licensing").await.body["features"].clone();
    assert_eq!(
        features,
        json!({ "emailSending": true, "pdfGeneration": true, "recurringInvoices": false, "webhooks": false })
    );

    // A licence that leaves both out: every PDF route and every e-mail route answers 402, and
    // no e-mail is queued.
    let app = licensed_with(
        "professional",
        &[("pdfGeneration", false), ("emailSending", false)],
    )
    .await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;
    let client = owner.client().await;
    let proforma = owner
        .post(
            "/api/v1/proforma-invoices",
            json!({ "clientId": client["id"],
                    "lines": [{ "description": "Mărfuri", "quantity": "1", "unitPrice": "100", "vatRate": "21" }] }),
        )
        .await;
    assert_eq!(proforma.status, 201, "{}", proforma.body);
    let proforma = proforma.body["id"].as_str().unwrap().to_owned();
    for path in [
        format!("/api/v1/invoices/{id}/pdf"),
        format!("/api/v1/proforma-invoices/{proforma}/pdf"),
    ] {
        let reply = owner.get(&path).await;
        assert_eq!(reply.status, 402, "{path}: {}", reply.body);
        assert_eq!(reply.body, refusal("PDF generation"), "{path}");
    }
    let preview = owner
        .post("/api/v1/pdf-template-config/preview", json!({}))
        .await;
    assert_eq!(preview.status, 402, "{}", preview.body);
    for path in [
        format!("/api/v1/invoices/{id}/email"),
        format!("/api/v1/proforma-invoices/{proforma}/email"),
    ] {
        let reply = owner
            .post(&path, json!({ "to": "client@firma.test" }))
            .await;
        assert_eq!(reply.status, 402, "{path}: {}", reply.body);
        assert_eq!(reply.body, refusal("E-mail sending"), "{path}");
    }
    let log = owner.get(&format!("/api/v1/invoices/{id}/emails")).await;
    assert_eq!(log.body, json!([]), "nothing was queued");
    // A recurring invoice meant to be e-mailed is issued, and its template says why it was not
    // e-mailed.
    let buyer = owner
        .client_with_email("Abonat SRL", "abonat@firma.test")
        .await;
    let template = owner
        .post(
            "/api/v1/recurring-invoices",
            json!({ "clientId": buyer["id"], "frequency": "monthly", "frequencyDay": 1,
                    "dueDateType": "days", "dueDateDays": 15, "autoEmailEnabled": true,
                    "lines": [{ "description": "Abonament", "quantity": "1", "unitPrice": "100", "vatRate": "21" }] }),
        )
        .await;
    assert_eq!(template.status, 201, "{}", template.body);
    let template = template.body["id"].as_str().unwrap().to_owned();
    let run = owner
        .post(
            &format!("/api/v1/recurring-invoices/{template}/issue-now"),
            json!({}),
        )
        .await;
    assert_eq!(run.status, 200, "{}", run.body);
    let number = run.body["invoiceNumber"].as_str().unwrap();
    let after = owner
        .get(&format!("/api/v1/recurring-invoices/{template}"))
        .await;
    assert_eq!(
        after.body["lastError"],
        format!(
            "{number} was issued but not e-mailed: E-mail sending is not included in your plan."
        )
    );
    let features = owner.get("/api/v1/licensing").await.body["features"].clone();
    assert_eq!(
        features,
        json!({ "emailSending": false, "pdfGeneration": false, "recurringInvoices": true, "webhooks": true })
    );

    // E-mail without PDFs: the invoice goes with its XML alone.
    let app = licensed_with("professional", &[("pdfGeneration", false)]).await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;
    let sent = owner
        .post(
            &format!("/api/v1/invoices/{id}/email"),
            json!({ "to": "client@firma.test" }),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    app.jobs_done(&["send_document_email"]).await;
    let mails = app.mails_to("client@firma.test");
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(
        mails[0].contains("filename=\"invoice-FCT0001.xml\""),
        "{}",
        mails[0]
    );
    assert!(!mails[0].contains(".pdf"), "no PDF: {}", mails[0]);
    let log = owner.get(&format!("/api/v1/invoices/{id}/emails")).await;
    assert_eq!(log.body[0]["status"], "sent", "{}", log.body);
    assert_eq!(log.body[0]["attachments"], json!(["invoice-FCT0001.xml"]));
}
