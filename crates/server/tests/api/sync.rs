//! The e-Factura sync of incoming invoices (issue #4 item 6) as far as it goes without ANAF's
//! simulator and the token vault: importing downloaded messages into invoices, suppliers and
//! lines, once per company; the sync and message routes; the trigger's refusals; a scheduled
//! pass without a token.

use pretty_assertions::assert_eq;
use serde_json::json;
use server::efactura::env_name;
use server::efactura::import::ImportError;
use server::jobs::schedule::queue_due_syncs;
use server::store::efactura_sync;
use server::{on_db, on_tx};

use crate::support::spv::{self, company, delivered, delivered_archive, invoice_xml};
use crate::support::{TestApp, next_cif};

#[tokio::test]
async fn a_delivered_invoice_becomes_an_incoming_invoice_with_its_supplier_and_lines() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let us = company(&app, user.company.as_deref().unwrap()).await;
    let seller = next_cif();
    let xml = invoice_xml("FE-100", seller, u64::try_from(us.cif).unwrap());
    let message = delivered(&app, &us, 3_001_000_001, seller, &xml).await;

    let imported = spv::import(&app, &us, message).await.unwrap();
    assert!(!imported.duplicate && imported.new_supplier);
    assert_eq!(imported.warnings, Vec::<String>::new());

    let list = user.get("/api/v1/invoices?direction=incoming").await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(list.body["total"], 1);
    let row = &list.body["data"][0];
    assert_eq!(
        (&row["number"], &row["status"], &row["direction"]),
        (&json!("FE-100"), &json!("synced"), &json!("incoming"))
    );
    // 1500.00 at 21 % and 120.00 at 11 %: the XML's totals.
    assert_eq!(
        (&row["subtotal"], &row["vatTotal"], &row["total"]),
        (&json!("1620.00"), &json!("328.20"), &json!("1948.20"))
    );

    let id = row["id"].as_str().unwrap();
    let detail = user.get(&format!("/api/v1/invoices/{id}")).await.body;
    assert_eq!(detail["supplier"]["name"], "Furnizor Exemplu SRL");
    assert_eq!(detail["supplier"]["cif"], seller.to_string());
    assert_eq!(detail["anafMessageId"], "3001000001");
    assert!(detail["syncedAt"].is_string(), "{detail}");
    let lines = detail["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (&lines[0]["unitOfMeasure"], &lines[0]["vatAmount"]),
        (&json!("ora"), &json!("315.00"))
    );
    // An unknown unit code is kept, never turned into `buc`.
    assert_eq!(
        (&lines[1]["unitOfMeasure"], &lines[1]["vatRate"]),
        (&json!("XYZ"), &json!("11.00"))
    );
    let groups = detail["vatBreakdown"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{detail}");

    let supplier = &user.get("/api/v1/suppliers").await.body["data"][0];
    assert_eq!(
        (&supplier["cif"], &supplier["source"]),
        (&json!(seller.to_string()), &json!("anaf_sync"))
    );

    // The original XML and ANAF's archive are kept with the invoice.
    let original = user.get(&format!("/api/v1/invoices/{id}/xml")).await;
    assert_eq!(original.status, 200);
    assert_eq!(original.body, json!(xml));
    let archive = app
        .http
        .get(format!("{}/api/v1/invoices/{id}/anaf-response", app.url))
        .bearer_auth(&user.token)
        .header("X-Company", user.company.as_deref().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(archive.status(), 200);
    let opened = anaf::efactura::archive::parse(&archive.bytes().await.unwrap()).unwrap();
    assert_eq!(opened.invoice().unwrap().bytes, xml.as_bytes());
    assert!(opened.signature().is_some());
}

#[tokio::test]
async fn a_resent_invoice_is_linked_to_the_first_not_imported_twice() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let us = company(&app, user.company.as_deref().unwrap()).await;
    let seller = next_cif();
    let xml = invoice_xml("FE-7", seller, u64::try_from(us.cif).unwrap());
    let first = delivered(&app, &us, 3_001_000_010, seller, &xml).await;
    let again = delivered(&app, &us, 3_001_000_020, seller, &xml).await;
    let other = delivered(
        &app,
        &us,
        3_001_000_030,
        seller,
        &invoice_xml("FE-8", seller, u64::try_from(us.cif).unwrap()),
    )
    .await;

    let a = spv::import(&app, &us, first).await.unwrap();
    let b = spv::import(&app, &us, again).await.unwrap();
    let c = spv::import(&app, &us, other).await.unwrap();
    assert_eq!(
        (a.duplicate, b.duplicate, c.duplicate),
        (false, true, false)
    );
    assert_eq!(a.invoice, b.invoice);
    // One supplier for both invoices: found by its CIF the second time.
    assert_eq!((a.new_supplier, c.new_supplier), (true, false));
    // Importing a message again changes nothing either.
    assert!(spv::import(&app, &us, first).await.unwrap().duplicate);

    let list = user.get("/api/v1/invoices?direction=incoming").await.body;
    assert_eq!(list["total"], 2);
    assert_eq!(user.get("/api/v1/suppliers").await.body["total"], 1);
    let messages = user
        .get("/api/v1/efactura-messages?status=processed")
        .await
        .body;
    assert_eq!(messages["total"], 3);
    let linked: Vec<_> = messages["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["invoice"]["id"].clone())
        .collect();
    assert_eq!(linked.iter().filter(|i| **i == json!(a.invoice)).count(), 2);
}

#[tokio::test]
async fn the_same_cif_in_two_organisations_gets_every_message_in_each() {
    let app = TestApp::spawn().await;
    let accountant = app.user().await.company().await;
    let ours = company(&app, accountant.company.as_deref().unwrap()).await;
    // The client keeps its own organisation with a company of the same CIF.
    let client = app.user().await;
    let reply = client
        .post(
            "/api/v1/companies",
            json!({ "cif": ours.cif, "vatPayer": true }),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let client = client.acting_for(reply.body["id"].as_str().unwrap());
    let theirs = company(&app, client.company.as_deref().unwrap()).await;
    assert_eq!(ours.cif, theirs.cif);

    let seller = next_cif();
    let xml = invoice_xml("FE-1", seller, u64::try_from(ours.cif).unwrap());
    let in_ours = delivered(&app, &ours, 3_001_000_100, seller, &xml).await;
    let in_theirs = delivered(&app, &theirs, 3_001_000_100, seller, &xml).await;
    let a = spv::import(&app, &ours, in_ours).await.unwrap();
    let b = spv::import(&app, &theirs, in_theirs).await.unwrap();
    assert!(!a.duplicate && !b.duplicate);
    assert_ne!(a.invoice, b.invoice);

    for actor in [&accountant, &client] {
        assert_eq!(
            actor.get("/api/v1/invoices?direction=incoming").await.body["total"],
            1
        );
        assert_eq!(
            actor.get("/api/v1/efactura-messages").await.body["total"],
            1
        );
    }
    // Each sees only its own.
    let foreign = client.get(&format!("/api/v1/invoices/{}", a.invoice)).await;
    assert_eq!(foreign.status, 404);
    let foreign = client
        .get(&format!("/api/v1/efactura-messages/{in_ours}"))
        .await;
    assert_eq!(foreign.status, 404);
}

#[tokio::test]
async fn an_unreadable_archive_is_refused_and_kept_for_a_better_reader() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let us = company(&app, user.company.as_deref().unwrap()).await;
    let broken = delivered_archive(&app, &us, 3_001_000_200, 1, b"not a zip".to_vec()).await;
    let err = spv::import(&app, &us, broken).await.unwrap_err();
    assert!(matches!(err, ImportError::Unreadable(_)), "{err}");
    let detail = user
        .get(&format!("/api/v1/efactura-messages/{broken}"))
        .await
        .body;
    assert_eq!(
        (&detail["status"], &detail["downloaded"]),
        (&json!("received"), &json!(true))
    );
}

#[tokio::test]
async fn an_invoice_to_someone_else_is_imported_with_a_warning() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let us = company(&app, user.company.as_deref().unwrap()).await;
    let seller = next_cif();
    let message = delivered(
        &app,
        &us,
        3_001_000_300,
        seller,
        &invoice_xml("X-1", seller, next_cif()),
    )
    .await;
    let imported = spv::import(&app, &us, message).await.unwrap();
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    let detail = user
        .get(&format!("/api/v1/efactura-messages/{message}"))
        .await
        .body;
    assert!(
        detail["warnings"][0]
            .as_str()
            .unwrap()
            .contains("not the company's"),
        "{detail}"
    );
}

#[tokio::test]
async fn efactura_messages_are_listed_and_filtered_with_the_contract_shape() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let us = company(&app, user.company.as_deref().unwrap()).await;
    let seller = next_cif();
    let buyer = u64::try_from(us.cif).unwrap();
    let imported = delivered(
        &app,
        &us,
        3_001_000_400,
        seller,
        &invoice_xml("A-1", seller, buyer),
    )
    .await;
    spv::import(&app, &us, imported).await.unwrap();
    delivered(
        &app,
        &us,
        3_001_000_401,
        seller,
        &invoice_xml("A-2", seller, buyer),
    )
    .await;

    let all = user.get("/api/v1/efactura-messages").await;
    assert_eq!(all.status, 200, "{}", all.body);
    assert_eq!(
        (&all.body["total"], &all.body["page"]),
        (&json!(2), &json!(1))
    );
    let m = &all.body["data"][1];
    for key in [
        "id",
        "anafMessageId",
        "messageType",
        "cif",
        "details",
        "uploadId",
        "status",
        "errorMessage",
        "createdAt",
        "invoice",
    ] {
        assert!(m.get(key).is_some(), "no {key} in {m}");
    }
    assert_eq!(
        (&m["anafMessageId"], &m["messageType"]),
        (&json!("3001000400"), &json!("FACTURA PRIMITA"))
    );
    assert_eq!(m["invoice"]["number"], "A-1");

    let processed = user
        .get("/api/v1/efactura-messages?status=processed")
        .await
        .body;
    assert_eq!(processed["total"], 1);
    let by_type = user
        .get("/api/v1/efactura-messages?messageType=FACTURA%20TRIMISA")
        .await
        .body;
    assert_eq!(by_type["total"], 0);
    let search = user
        .get("/api/v1/efactura-messages?search=3001000400")
        .await
        .body;
    assert_eq!(search["total"], 1);
    let search = user.get("/api/v1/efactura-messages?search=a-1").await.body;
    assert_eq!(search["data"][0]["anafMessageId"], "3001000400");

    let one = user
        .get(&format!("/api/v1/efactura-messages/{imported}"))
        .await;
    assert_eq!(one.status, 200);
    assert_eq!(one.body["id"], json!(imported));
    let missing = user
        .get(&format!(
            "/api/v1/efactura-messages/{}",
            uuid::Uuid::now_v7()
        ))
        .await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn the_sync_log_lists_the_invoices_it_brought_in() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let us = company(&app, user.company.as_deref().unwrap()).await;
    let seller = next_cif();
    let message = delivered(
        &app,
        &us,
        3_001_000_500,
        seller,
        &invoice_xml("L-9", seller, u64::try_from(us.cif).unwrap()),
    )
    .await;
    spv::import(&app, &us, message).await.unwrap();

    let log = user.get("/api/v1/sync/log").await;
    assert_eq!(log.status, 200, "{}", log.body);
    assert_eq!(log.body["total"], 1);
    let e = &log.body["entries"][0];
    assert_eq!(
        (&e["number"], &e["direction"], &e["status"]),
        (&json!("L-9"), &json!("incoming"), &json!("synced"))
    );
    assert_eq!(
        (&e["senderName"], &e["total"], &e["currency"]),
        (
            &json!("Furnizor Exemplu SRL"),
            &json!("1948.20"),
            &json!("RON")
        )
    );
    assert!(e["syncedAt"].is_string());
    assert_eq!(
        user.get("/api/v1/sync/log?direction=outgoing").await.body["total"],
        0
    );
    assert_eq!(
        user.get("/api/v1/sync/log?search=l-9&limit=500").await.body["total"],
        1
    );
    // Another company's log is its own.
    let other = app.user().await.company().await;
    assert_eq!(other.get("/api/v1/sync/log").await.body["total"], 0);
}

#[tokio::test]
async fn the_sync_status_says_why_the_company_cannot_sync() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let status = user.get("/api/v1/sync/status").await;
    assert_eq!(status.status, 200, "{}", status.body);
    let s = &status.body;
    assert_eq!(
        (&s["syncEnabled"], &s["hasValidToken"], &s["syncDaysBack"]),
        (&json!(false), &json!(false), &json!(60))
    );
    assert_eq!(
        (&s["syncInterval"], &s["lastSyncedAt"], &s["running"]),
        (&json!(86_400), &json!(null), &json!(false))
    );
    assert!(
        s["tokenError"].as_str().unwrap().contains("not connected"),
        "{s}"
    );
}

#[tokio::test]
async fn a_trigger_without_a_token_is_422_no_token() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let reply = user.post("/api/v1/sync/trigger", json!({})).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(reply.body["code"], "NO_TOKEN");
    assert!(reply.error().contains("not connected"), "{}", reply.body);
    // A refused trigger does not count against the interval.
    assert_eq!(
        user.post("/api/v1/sync/trigger", json!({ "days": 5 }))
            .await
            .body["code"],
        "NO_TOKEN"
    );
}

#[tokio::test]
async fn a_trigger_within_the_interval_is_429_sync_rate_limited() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let us = company(&app, user.company.as_deref().unwrap()).await;
    // A trigger accepted a minute ago (the token vault is not on this branch: recorded here).
    let env = env_name(app.state.anaf.environment);
    let a_minute_ago = app.state.now() - time::Duration::minutes(1);
    let mut tx = app.state.db.begin().await.unwrap();
    assert!(
        efactura_sync::trigger(&mut tx, us.id, env, a_minute_ago, a_minute_ago)
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();

    let reply = user.post("/api/v1/sync/trigger", json!({})).await;
    assert_eq!(reply.status, 429, "{}", reply.body);
    assert_eq!(reply.body["code"], "SYNC_RATE_LIMITED");
    assert_eq!(reply.body["retryAfter"], 60);
    assert_eq!(reply.header("retry-after"), Some("60"));
    assert!(reply.body["messageKey"].is_string() && reply.body["error"].is_string());
    // Another company of the same user is not limited by it.
    let other = user.company().await;
    assert_eq!(
        other.post("/api/v1/sync/trigger", json!({})).await.status,
        422
    );

    app.clock.advance(time::Duration::minutes(1));
    assert_eq!(
        user.post("/api/v1/sync/trigger", json!({})).await.status,
        422
    );
}

#[tokio::test]
async fn a_scheduled_pass_without_a_token_fails_once_and_says_so_once() {
    // Half-hourly passes (a Business-like schedule): the walk stays within the session.
    let app = TestApp::spawn_with(|c| {
        c.efactura_policy.sync_every = time::Duration::minutes(30);
    })
    .await;
    let user = app.user().await.company().await;
    let us = company(&app, user.company.as_deref().unwrap()).await;
    let now = app.state.now();
    assert_eq!(
        queue_due_syncs(&app.state, now).await.unwrap(),
        0,
        "sync is off"
    );
    let mut tx = app.state.db.begin().await.unwrap();
    on_tx!(&mut tx, c => sqlx::query("UPDATE companies SET sync_enabled = TRUE WHERE id = $1").bind(us.id).execute(c).await.map(|_| ())).unwrap();
    tx.commit().await.unwrap();

    assert_eq!(queue_due_syncs(&app.state, now).await.unwrap(), 1);
    let status = wait_for_pass(&user, &json!(null)).await;
    assert_eq!(status["lastStatus"], "failed");
    assert!(
        status["lastError"]
            .as_str()
            .unwrap()
            .contains("not connected"),
        "{status}"
    );
    assert_eq!(status["lastStats"]["errors"][0], status["lastError"]);
    // Not due again before the interval.
    assert_eq!(queue_due_syncs(&app.state, now).await.unwrap(), 0);

    app.clock.advance(time::Duration::minutes(31));
    assert_eq!(
        queue_due_syncs(&app.state, app.state.now()).await.unwrap(),
        1
    );
    let again = wait_for_pass(&user, &status["lastStartedAt"]).await;
    assert_eq!(again["lastStatus"], "failed");
    // The same failure is announced once (lessons.md #18).
    assert_eq!(events_named(&app, "sync.error").await, 1);
    assert_eq!(events_named(&app, "sync.completed").await, 0);
}

/// The status once a pass that started after `previous_start` has finished.
async fn wait_for_pass(
    user: &crate::support::Actor<'_>,
    previous_start: &serde_json::Value,
) -> serde_json::Value {
    for _ in 0..200 {
        let s = user.get("/api/v1/sync/status").await.body;
        let started = &s["lastStartedAt"];
        let finished = s["lastFinishedAt"].as_str();
        if started.is_string()
            && started != previous_start
            && finished >= started.as_str()
            && s["running"] == json!(false)
        {
            return s;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no sync pass finished");
}

async fn events_named(app: &TestApp, name: &str) -> i64 {
    on_db!(&app.state.db, c => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM events WHERE type = $1").bind(name).fetch_one(c).await).unwrap()
}

#[tokio::test]
async fn toggle_sync_turns_on_only_with_a_token_and_turns_off() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let us = company(&app, user.company.as_deref().unwrap()).await;
    let path = format!("/api/v1/companies/{}/toggle-sync", us.id);
    let on = user.post(&path, json!({})).await;
    assert_eq!(
        (on.status, &on.body["code"]),
        (422, &json!("NO_TOKEN")),
        "{}",
        on.body
    );

    let mut tx = app.state.db.begin().await.unwrap();
    on_tx!(&mut tx, c => sqlx::query("UPDATE companies SET sync_enabled = TRUE WHERE id = $1").bind(us.id).execute(c).await.map(|_| ())).unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        user.get("/api/v1/sync/status").await.body["syncEnabled"],
        true
    );
    let off = user.post(&path, json!({})).await;
    assert_eq!(off.status, 200, "{}", off.body);
    assert_eq!(off.body["syncEnabled"], false);
    assert_eq!(
        user.get("/api/v1/sync/status").await.body["syncEnabled"],
        false
    );

    let stranger = app.user().await.company().await;
    assert_eq!(stranger.post(&path, json!({})).await.status, 404);
}
