//! e-Factura submission end to end (issue #4): the server's job runner talks over real HTTP to
//! the ANAF simulator it embeds as its sandbox, on the server's clock.

use std::time::Duration as StdDuration;

use anaf::sim::efactura::{EfacturaSim, Endpoint, FaultKind, FaultRule, LostResponse};
use pretty_assertions::assert_eq;
use serde_json::{Value, json};
use server::config::SANDBOX_CLIENT;
use time::Duration;

use crate::support::{Actor, TestApp};

/// The simulator the app embeds.
pub fn sim(app: &TestApp) -> &EfacturaSim {
    app.state
        .sandbox
        .as_ref()
        .expect("the test app runs the sandbox")
}

/// A user with a company connected to the sandbox's ANAF.
pub async fn connected(app: &TestApp) -> Actor<'_> {
    let actor = app.user().await.company().await;
    let tokens = sim(app).issue_tokens("ana.pop", SANDBOX_CLIENT);
    let reply = actor
        .post(
            "/api/v1/anaf/tokens",
            json!({ "token": tokens.access_token, "refreshToken": tokens.refresh_token }),
        )
        .await;
    assert_eq!(reply.status, 201, "token: {}", reply.body);
    actor
}

pub async fn submit(actor: &Actor<'_>, id: &str) {
    let reply = actor
        .post(&format!("/api/v1/invoices/{id}/submit"), json!({}))
        .await;
    assert_eq!(reply.status, 200, "submit: {}", reply.body);
    assert_eq!(reply.body["status"], "sent_to_provider");
    assert_eq!(reply.body["sandbox"], true, "{}", reply.body);
}

async fn invoice(actor: &Actor<'_>, id: &str) -> Value {
    actor.get(&format!("/api/v1/invoices/{id}")).await.body
}

async fn submissions(actor: &Actor<'_>, id: &str) -> Vec<Value> {
    let reply = actor
        .get(&format!("/api/v1/invoices/{id}/einvoice-submissions"))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body.as_array().unwrap().clone()
}

/// The latest submission's ledger state.
async fn state_of(actor: &Actor<'_>, id: &str) -> String {
    submissions(actor, id)
        .await
        .last()
        .map(|s| s["state"].as_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Waits (real time, for the job runner) until the latest submission is in `state`.
async fn until_state(actor: &Actor<'_>, id: &str, state: &str) {
    for _ in 0..200 {
        if state_of(actor, id).await == state {
            return;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    panic!(
        "submission never reached {state}: {}",
        diagnosis(actor.app, id).await
    );
}

/// Moves the server's (and so ANAF's) clock on by `by`, a step at a time, letting due jobs run
/// until the invoice's status is `status`.
pub async fn until_status(app: &TestApp, actor: &Actor<'_>, id: &str, status: &str, by: Duration) {
    // The session lasts an hour: the whole walk stays within it.
    let steps = (Duration::minutes(50).whole_seconds() / by.whole_seconds()).max(1);
    for _ in 0..steps {
        if invoice(actor, id).await["status"] == status {
            return;
        }
        app.clock.advance(by);
        tokio::time::sleep(StdDuration::from_millis(300)).await;
    }
    panic!(
        "invoice never became {status}: {}",
        diagnosis(app, id).await
    );
}

/// The invoice's submissions and the job queue, read from the database (the session may have
/// expired by the time a test gives up).
async fn diagnosis(app: &TestApp, id: &str) -> String {
    let invoice: server::ids::InvoiceId = id.parse().unwrap();
    let jobs = server::jobs::queue::list(&app.state.db).await.unwrap();
    let subs = server::testing::submissions_of(&app.state.db, invoice)
        .await
        .unwrap();
    format!("submissions {subs:#?}\njobs {jobs:#?}")
}

async fn xml_of(actor: &Actor<'_>, id: &str) -> String {
    let reply = actor.get(&format!("/api/v1/invoices/{id}/xml")).await;
    assert_eq!(reply.status, 200);
    reply.body.as_str().unwrap().to_owned()
}

#[tokio::test]
async fn an_issued_invoice_is_submitted_once_and_validated() {
    let app = TestApp::spawn().await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    submit(&actor, &id).await;
    until_state(&actor, &id, "uploaded").await;
    until_status(&app, &actor, &id, "validated", Duration::minutes(2)).await;

    let inv = invoice(&actor, &id).await;
    assert_eq!(inv["anafStatus"], "ok");
    assert!(inv["anafUploadId"].as_str().unwrap().len() >= 10, "{inv}");
    assert!(inv["anafDownloadId"].is_string(), "{inv}");
    assert_eq!(inv["anafErrorMessage"], Value::Null);
    let list = submissions(&actor, &id).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["status"], "accepted");
    assert_eq!(list[0]["provider"], "anaf");
    assert_eq!(list[0]["sandbox"], true);
    assert_eq!(list[0]["externalId"], inv["anafUploadId"]);

    // ANAF's signed archive is kept, and holds exactly what was issued.
    let xml = xml_of(&actor, &id).await;
    let zip = app
        .http
        .get(format!("{}/api/v1/invoices/{id}/anaf-response", app.url))
        .bearer_auth(&actor.token)
        .header("X-Company", actor.company.as_deref().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(zip.status(), 200);
    let archive = anaf::efactura::archive::parse(&zip.bytes().await.unwrap()).unwrap();
    assert_eq!(archive.invoice().unwrap().bytes, xml.as_bytes());
    assert!(archive.signature().is_some());
    assert_eq!(sim(&app).uploads_of(xml.as_bytes()), 1);

    // Submitting again is refused: ANAF has it.
    let again = actor
        .post(&format!("/api/v1/invoices/{id}/submit"), json!({}))
        .await;
    assert_eq!(again.status, 422);
    assert_eq!(again.error(), "ANAF already accepted this invoice.");
}

#[tokio::test]
async fn submit_is_refused_without_a_connection_and_for_drafts() {
    let app = TestApp::spawn().await;
    let actor = app.user().await.company().await;
    let id = actor.issued_invoice().await;
    let reply = actor
        .post(&format!("/api/v1/invoices/{id}/submit"), json!({}))
        .await;
    assert_eq!(reply.status, 422);
    assert!(reply.error().contains("not connected"), "{}", reply.body);
    assert_eq!(invoice(&actor, &id).await["status"], "issued");

    let draft = actor.draft_invoice().await;
    let reply = actor
        .post(
            &format!("/api/v1/invoices/{}/submit", draft["id"].as_str().unwrap()),
            json!({}),
        )
        .await;
    assert_eq!(reply.status, 422);
}

#[tokio::test]
async fn a_lost_upload_answer_is_reconciled_from_the_sent_box_without_a_second_upload() {
    let app = TestApp::spawn().await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    sim(&app).add_fault(
        FaultRule::on(
            Endpoint::Upload,
            FaultKind::ResponseLost(LostResponse::Reset),
        )
        .next(1),
    );
    submit(&actor, &id).await;
    until_state(&actor, &id, "uploading").await;
    until_status(&app, &actor, &id, "validated", Duration::minutes(2)).await;

    let xml = xml_of(&actor, &id).await;
    assert_eq!(
        sim(&app).uploads_of(xml.as_bytes()),
        1,
        "never uploaded twice"
    );
    let list = submissions(&actor, &id).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["uploads"], 1);
    assert_eq!(list[0]["status"], "accepted");
}

#[tokio::test]
async fn a_listing_that_overlapped_an_upload_does_not_decide_to_upload_again() {
    // The client gives up on a call after 2 s.
    let app = TestApp::spawn_with(|c| {
        c.anaf_timeout = StdDuration::from_secs(2);
        c.efactura_policy.reconcile_after = Duration::minutes(30);
    })
    .await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    // ANAF holds the upload 3 s: the client gives up at 2 s, and the upload is stored after.
    // The sent box is listed in 1.5 s.
    sim(&app).add_fault(
        FaultRule::on(
            Endpoint::Upload,
            FaultKind::Timeout(StdDuration::from_secs(3)),
        )
        .next(1),
    );
    sim(&app).add_fault(
        FaultRule::on(
            Endpoint::PagedList,
            FaultKind::Timeout(StdDuration::from_millis(1500)),
        )
        .next(1),
    );
    submit(&actor, &id).await;
    let deadline = tokio::time::Instant::now() + StdDuration::from_secs(20);
    while sim(&app).held_calls() == 0 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the upload was sent"
        );
        tokio::time::sleep(StdDuration::from_millis(10)).await;
    }
    // The machine sleeps for 31 minutes while the upload is out: the job's lease lapses and a
    // second run reconciles. Its listing begins while the first request is out and ends after
    // the client gave up on it: that listing proves nothing (had ANAF stored the upload a
    // moment later, an upload sent on its word would file the invoice twice).
    tokio::time::sleep(StdDuration::from_millis(800)).await;
    app.clock.advance(Duration::minutes(31));
    while sim(&app).held_calls() > 0 {
        tokio::time::sleep(StdDuration::from_millis(20)).await;
    }
    tokio::time::sleep(StdDuration::from_millis(500)).await;
    let actor = actor.relogin().await;
    until_status(&app, &actor, &id, "validated", Duration::minutes(1)).await;

    let xml = xml_of(&actor, &id).await;
    assert_eq!(
        sim(&app).uploads_of(xml.as_bytes()),
        1,
        "never uploaded twice: {}",
        diagnosis(&app, &id).await
    );
    // The simulator drops a held call whose client went away, so the first upload never
    // landed and a later, clean listing rightly sends it again: what matters is that the
    // listing that overlapped the first upload did not decide it.
    assert!(
        sim(&app).calls(Endpoint::PagedList) >= 2,
        "the overlapped listing was not trusted"
    );
}

#[tokio::test]
async fn an_upload_that_never_arrived_is_sent_again_after_the_reconciliation_window() {
    let app = TestApp::spawn_with(|c| {
        c.efactura_policy.reconcile_after = Duration::minutes(20);
    })
    .await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    // A gateway error: the sim answers 500 without storing anything; Facturo cannot know that.
    sim(&app).add_fault(FaultRule::on(Endpoint::Upload, FaultKind::ServerError).next(1));
    submit(&actor, &id).await;
    until_state(&actor, &id, "uploading").await;
    until_status(&app, &actor, &id, "validated", Duration::minutes(2)).await;

    let xml = xml_of(&actor, &id).await;
    assert_eq!(sim(&app).uploads_of(xml.as_bytes()), 1);
    let list = submissions(&actor, &id).await;
    assert_eq!(
        list[0]["uploads"], 2,
        "the second attempt is the one stored"
    );
}

#[tokio::test]
async fn refusals_before_processing_are_retried() {
    let app = TestApp::spawn().await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    sim(&app).add_fault(
        FaultRule::on(
            Endpoint::Upload,
            FaultKind::RateLimited {
                retry_after_secs: 5,
            },
        )
        .next(1),
    );
    sim(&app).add_fault(FaultRule::on(Endpoint::Upload, FaultKind::Firewall).next(1));
    submit(&actor, &id).await;
    until_status(&app, &actor, &id, "validated", Duration::minutes(2)).await;
    let xml = xml_of(&actor, &id).await;
    assert_eq!(sim(&app).uploads_of(xml.as_bytes()), 1);
}

/// A submission ANAF refuses before storing anything (here a firewall page on every upload)
/// is tried again until `abandon_after`, then given up: the invoice returns to `issued` with
/// the reason and may be submitted again, and nothing was filed twice.
#[tokio::test]
async fn a_submission_refused_for_too_long_is_given_up_and_can_be_submitted_again() {
    let app = TestApp::spawn_with(|c| {
        c.efactura_policy.abandon_after = Duration::minutes(20);
    })
    .await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    sim(&app).add_fault(FaultRule::on(Endpoint::Upload, FaultKind::Firewall));
    submit(&actor, &id).await;
    until_status(&app, &actor, &id, "issued", Duration::minutes(2)).await;

    let inv = invoice(&actor, &id).await;
    let message = inv["anafErrorMessage"].as_str().unwrap_or_default();
    assert!(message.starts_with("Not submitted to ANAF: "), "{inv}");
    assert_eq!(state_of(&actor, &id).await, "failed");
    let xml = xml_of(&actor, &id).await;
    assert_eq!(
        sim(&app).uploads_of(xml.as_bytes()),
        0,
        "nothing was stored"
    );
    assert!(
        sim(&app).calls(Endpoint::Upload) > 1,
        "it was tried again first"
    );

    sim(&app).clear_faults();
    submit(&actor, &id).await;
    until_status(&app, &actor, &id, "validated", Duration::minutes(2)).await;
    assert_eq!(sim(&app).uploads_of(xml.as_bytes()), 1);
    assert_eq!(submissions(&actor, &id).await.len(), 2);
}

#[tokio::test]
async fn a_deleted_token_is_revoked_at_anaf_too() {
    let app = TestApp::spawn().await;
    let actor = app.user().await.company().await;
    let tokens = sim(&app).issue_tokens("ana.pop", SANDBOX_CLIENT);
    let pasted = actor
        .post(
            "/api/v1/anaf/tokens",
            json!({ "token": tokens.access_token, "refreshToken": tokens.refresh_token }),
        )
        .await;
    assert_eq!(pasted.status, 201, "{}", pasted.body);
    let id = pasted.body["data"]["id"].as_str().unwrap().to_owned();
    let client = anaf::efactura::EfacturaClient::with_base_url(
        &format!("{}/sandbox/anaf/test/FCTEL/rest/", app.url),
        StdDuration::from_secs(10),
    )
    .unwrap();
    let us = crate::support::spv::company(&app, actor.company.as_deref().unwrap()).await;
    let cif = u64::try_from(us.cif).unwrap();
    assert!(
        client
            .messages(&tokens.access_token, cif, 1, None)
            .await
            .is_ok()
    );

    let deleted = actor.delete(&format!("/api/v1/anaf/tokens/{id}")).await;
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    assert_eq!(deleted.body["revokedAtAnaf"], true, "{}", deleted.body);
    let refused = client.messages(&tokens.access_token, cif, 1, None).await;
    assert!(
        matches!(refused, Err(anaf::Error::Unauthorized { .. })),
        "{refused:?}"
    );
}

#[tokio::test]
async fn a_rejection_shows_every_error_and_a_corrected_invoice_is_accepted() {
    let app = TestApp::spawn().await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    // ANAF's rules moved on since the invoice was issued: the stored XML's amount due no
    // longer matches its totals (BR-CO-16) — caught by ANAF, not by the issue.
    let xml = xml_of(&actor, &id).await;
    let broken = xml.replacen(
        "<cbc:PayableAmount currencyID=\"RON\">",
        "<cbc:PayableAmount currencyID=\"RON\">1",
        1,
    );
    assert_ne!(broken, xml);
    sqlx_update_xml(&app, &id, &broken).await;

    submit(&actor, &id).await;
    until_status(&app, &actor, &id, "rejected", Duration::minutes(2)).await;
    let inv = invoice(&actor, &id).await;
    assert_eq!(inv["anafStatus"], "nok");
    let message = inv["anafErrorMessage"].as_str().unwrap();
    assert!(message.contains("BR-CO-16"), "{message}");
    let list = submissions(&actor, &id).await;
    assert_eq!(list[0]["status"], "rejected");
    let rules: Vec<&str> = list[0]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["ruleId"].as_str())
        .collect();
    assert!(rules.contains(&"BR-CO-16"), "{rules:?}");

    // Submitting again generates the XML from the invoice's data and files that.
    submit(&actor, &id).await;
    until_status(&app, &actor, &id, "validated", Duration::minutes(2)).await;
    let list = submissions(&actor, &id).await;
    let states: Vec<&str> = list.iter().map(|s| s["state"].as_str().unwrap()).collect();
    assert_eq!(
        states,
        ["nok", "ok"],
        "the rejected submission stays visible"
    );
    assert_eq!(xml_of(&actor, &id).await, xml);
}

#[tokio::test]
async fn a_rejected_invoice_is_edited_under_its_number_and_its_correction_is_filed() {
    let app = TestApp::spawn().await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    // ANAF refuses what was filed; the user decides the line was wrong as well.
    let xml = xml_of(&actor, &id).await;
    let broken = xml.replacen(
        "<cbc:PayableAmount currencyID=\"RON\">",
        "<cbc:PayableAmount currencyID=\"RON\">1",
        1,
    );
    sqlx_update_xml(&app, &id, &broken).await;
    let put = actor
        .put(
            &format!("/api/v1/invoices/{id}"),
            json!({ "notes": "too early" }),
        )
        .await;
    assert_eq!(
        put.status, 200,
        "an issued invoice not yet at ANAF is editable"
    );
    sqlx_update_xml(&app, &id, &broken).await;
    submit(&actor, &id).await;
    let busy = actor
        .put(&format!("/api/v1/invoices/{id}"), json!({ "notes": "x" }))
        .await;
    assert_eq!(busy.status, 422, "{}", busy.body);
    assert!(busy.error().contains("being submitted"), "{}", busy.body);
    until_status(&app, &actor, &id, "rejected", Duration::minutes(2)).await;

    let before = invoice(&actor, &id).await;
    let edit = actor
        .put(
            &format!("/api/v1/invoices/{id}"),
            json!({ "lines": [
                { "description": "Consultanță corectată", "quantity": "2", "unitPrice": "100.00", "vatRate": "21" }
            ] }),
        )
        .await;
    assert_eq!(edit.status, 200, "{}", edit.body);
    let after = invoice(&actor, &id).await;
    assert_eq!(after["number"], before["number"]);
    assert_eq!(after["status"], "rejected", "editing does not resubmit");
    assert_eq!(after["total"], "242.00");

    submit(&actor, &id).await;
    until_status(&app, &actor, &id, "validated", Duration::minutes(2)).await;
    let filed = xml_of(&actor, &id).await;
    assert!(filed.contains("Consultanță corectată"), "{filed}");
    assert!(filed.contains(before["number"].as_str().unwrap()));
    assert_eq!(sim(&app).uploads_of(filed.as_bytes()), 1);
    let list = submissions(&actor, &id).await;
    let states: Vec<&str> = list.iter().map(|s| s["state"].as_str().unwrap()).collect();
    assert_eq!(
        states,
        ["nok", "ok"],
        "the rejected submission stays visible"
    );
    let validated = actor
        .put(&format!("/api/v1/invoices/{id}"), json!({ "notes": "x" }))
        .await;
    assert_eq!(validated.status, 422);
    assert!(
        validated.error().contains("credit note"),
        "{}",
        validated.body
    );
}

#[tokio::test]
async fn an_invoice_anaf_already_has_is_linked_to_the_original_upload() {
    let app = TestApp::spawn().await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    let xml = xml_of(&actor, &id).await;
    // Another program filed the same invoice first.
    let tokens = sim(&app).issue_tokens("other.program", SANDBOX_CLIENT);
    let client = anaf::efactura::EfacturaClient::with_base_url(
        &format!("{}/sandbox/anaf/test/FCTEL/rest/", app.url),
        StdDuration::from_secs(10),
    )
    .unwrap();
    let cif: u64 = invoice(&actor, &id).await["senderCif"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let request = anaf::efactura::UploadRequest::new(anaf::efactura::Standard::Ubl, cif);
    let anaf::efactura::UploadOutcome::Accepted { index, .. } = client
        .upload(&tokens.access_token, &request, xml.as_bytes())
        .await
        .unwrap()
    else {
        panic!("the other program's upload was refused");
    };
    app.clock.advance(Duration::minutes(1));

    submit(&actor, &id).await;
    until_status(&app, &actor, &id, "validated", Duration::minutes(2)).await;
    let list = submissions(&actor, &id).await;
    assert_eq!(list[0]["duplicateOf"], index.to_string());
    assert_eq!(list[0]["externalId"], index.to_string());
    assert_eq!(
        invoice(&actor, &id).await["anafUploadId"],
        index.to_string()
    );
}

#[tokio::test]
async fn xml_anaf_will_not_take_over_rejects_the_invoice() {
    let app = TestApp::spawn().await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    sim(&app).add_fault(FaultRule::on(Endpoint::Upload, FaultKind::NotTakenOver).next(1));
    submit(&actor, &id).await;
    until_status(&app, &actor, &id, "rejected", Duration::minutes(2)).await;
    let inv = invoice(&actor, &id).await;
    assert_eq!(inv["anafStatus"], "XML cu erori nepreluat de sistem");
    assert!(
        inv["anafErrorMessage"]
            .as_str()
            .unwrap()
            .contains("nepreluat"),
        "{inv}"
    );
}

/// Replaces an invoice's stored XML, as if it had been issued so.
async fn sqlx_update_xml(app: &TestApp, id: &str, xml: &str) {
    let id: server::ids::InvoiceId = id.parse().unwrap();
    server::testing::replace_invoice_xml(&app.state.db, id, xml)
        .await
        .unwrap();
}

#[tokio::test]
async fn status_questions_stop_at_the_daily_quota_and_resume_the_next_day() {
    let app = TestApp::spawn_with(|c| c.efactura_policy.status_per_index = 2).await;
    let actor = connected(&app).await;
    let id = actor.issued_invoice().await;
    sim(&app).configure(|c| c.processing_delay = StdDuration::from_hours(3));
    submit(&actor, &id).await;
    until_state(&actor, &id, "uploaded").await;
    let invoice_id: server::ids::InvoiceId = id.parse().unwrap();
    // Two questions (1 and 2 minutes on), both "in prelucrare"; the third waits for tomorrow.
    for _ in 0..6 {
        app.clock.advance(Duration::minutes(5));
        tokio::time::sleep(StdDuration::from_millis(400)).await;
    }
    let subs = server::testing::submissions_of(&app.state.db, invoice_id)
        .await
        .unwrap();
    assert_eq!(subs[0].0, "uploaded");
    assert!(
        subs[0].1.as_deref().unwrap_or_default().contains("quota"),
        "{subs:?}"
    );
    assert_eq!(
        sim(&app).calls(Endpoint::Status),
        2,
        "never asked past the quota"
    );
    // The next Romanian day (21:00 UTC in June) the questions resume and find it accepted.
    for _ in 0..20 {
        if server::testing::count_invoices(&app.state.db, "validated")
            .await
            .unwrap()
            == 1
        {
            break;
        }
        app.clock.advance(Duration::hours(2));
        tokio::time::sleep(StdDuration::from_millis(400)).await;
    }
    assert_eq!(
        server::testing::count_invoices(&app.state.db, "validated")
            .await
            .unwrap(),
        1,
        "{}",
        diagnosis(&app, &id).await
    );
    assert_eq!(sim(&app).calls(Endpoint::Status), 3);
}
