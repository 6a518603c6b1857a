//! Webhooks against a real receiver on loopback (allow-listed): every event signed both ways,
//! retries with back-off, timeouts, history and redelivery, secret rotation, switching a failing
//! endpoint off, SSRF refusals (at create time, at delivery time, DNS rebinding), and 10,000
//! events to 10 endpoints through two server processes, each delivered once.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use pretty_assertions::assert_eq;
use serde_json::{Value, json};
use server::FixedClock;
use server::webhooks::signing;
use server::webhooks::target::Lookup;
use time::Duration as TimeDuration;

use crate::support::receiver::{Mode, Received, Receiver};
use crate::support::{Actor, START, TestApp, TestDb};

const WAIT: Duration = Duration::from_secs(20);

async fn app() -> TestApp {
    TestApp::spawn_with(|c| c.webhooks.allow_hosts = vec!["127.0.0.1".into()]).await
}

/// Creates an endpoint; its id and secret.
async fn endpoint(owner: &Actor<'_>, url: &str, events: Value) -> (String, String) {
    let reply = owner
        .post(
            "/api/v1/webhooks",
            json!({ "url": url, "events": events, "description": "ERP" }),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let data = &reply.body["data"];
    let secret = data["secret"].as_str().unwrap().to_owned();
    assert_eq!(secret.len(), 64, "the full secret, once");
    (data["id"].as_str().unwrap().to_owned(), secret)
}

/// The same user signed in again (after the clock moved past the access token's life).
async fn again<'a>(app: &'a TestApp, owner: &Actor<'_>) -> Actor<'a> {
    app.login(&owner.email)
        .await
        .acting_for(owner.company.as_deref().unwrap())
}

/// Both signatures of a request, checked as a receiver would at `now`.
fn assert_signed(r: &Received, secret: &str, now: i64) {
    assert!(
        signing::verify_body(r.header("x-webhook-signature"), secret, &r.body),
        "scheme 1 of {:?}",
        r.headers
    );
    let header = r.header("x-facturo-signature");
    assert_eq!(
        signing::verify_timestamped(header, secret, &r.body, now, signing::TOLERANCE_SECS),
        Ok(()),
        "scheme 2: {header}"
    );
    assert_eq!(
        header.split(',').next().unwrap(),
        format!("t={}", r.header("x-webhook-timestamp"))
    );
    assert_eq!(r.header("user-agent"), "Storno-Webhook/1.0");
    assert_eq!(r.header("content-type"), "application/json");
    let body = r.json();
    assert_eq!(r.header("x-webhook-event"), body["event"]);
    assert!(body["id"].as_str().is_some_and(|id| id.len() == 36));
    assert!(body["created_at"].as_str().is_some());
    assert_ne!(
        r.header("x-webhook-id"),
        body["id"].as_str().unwrap(),
        "the delivery's id, not the event's"
    );
}

/// Polls an endpoint's delivery list until `done` holds for the newest delivery's detail.
async fn newest_delivery(
    owner: &Actor<'_>,
    endpoint: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let list = owner
            .get(&format!("/api/v1/webhooks/{endpoint}/deliveries"))
            .await;
        assert_eq!(list.status, 200, "{}", list.body);
        if let Some(id) = list.body["data"][0]["id"].as_str() {
            let detail = owner
                .get(&format!("/api/v1/webhooks/{endpoint}/deliveries/{id}"))
                .await;
            assert_eq!(detail.status, 200, "{}", detail.body);
            if done(&detail.body["data"]) {
                return detail.body["data"].clone();
            }
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no delivery as expected: {}",
            list.body
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn business_events_arrive_signed_and_are_recorded() {
    let app = app().await;
    let owner = app.user().await.company().await;
    // The company's own `company.created` came before the endpoints: they do not get it.
    app.clock.advance(TimeDuration::seconds(1));
    let receiver = Receiver::start(Mode::Succeed).await;
    let (all, secret) = endpoint(&owner, &receiver.url("/all"), json!(["*"])).await;
    let (_, issued_secret) =
        endpoint(&owner, &receiver.url("/issued"), json!(["invoice.issued"])).await;

    let invoice = owner.draft_invoice().await; // client.created, invoice.created
    let id = invoice["id"].as_str().unwrap();
    let client = invoice["client"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        owner
            .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
            .await
            .status,
        200
    );
    assert_eq!(
        owner
            .post(&format!("/api/v1/invoices/{id}/cancel"), json!({}))
            .await
            .status,
        200
    );
    let company = owner.company.clone().unwrap();
    let changed = owner
        .patch(
            &format!("/api/v1/companies/{company}"),
            json!({ "phone": "0264 000 000" }),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    // A refused change writes nothing, so nothing is sent for it.
    let refused = owner
        .patch(
            &format!("/api/v1/companies/{company}"),
            json!({ "vatPayer": "perhaps" }),
        )
        .await;
    assert!(refused.status >= 400, "{}", refused.body);
    // Events of changes that are not webhook events (a product) are not sent even to `*`.
    let product = owner.post("/api/v1/products", json!({ "name": "Abonament", "defaultPrice": "10.00", "vatRate": "21", "unitOfMeasure": "buc" })).await;
    assert_eq!(product.status, 201, "{}", product.body);

    let expected: HashSet<&str> = [
        "client.created",
        "invoice.created",
        "invoice.issued",
        "invoice.cancelled",
        "company.updated",
    ]
    .into();
    let received = receiver.wait_for(expected.len() + 1, WAIT).await;
    tokio::time::sleep(Duration::from_millis(500)).await; // nothing more comes
    let received = if receiver.count() > received.len() {
        receiver.received()
    } else {
        received
    };
    let now = app.clock_now().unix_timestamp();
    let to_all: Vec<&Received> = received.iter().filter(|r| r.path == "/all").collect();
    let events: HashSet<&str> = to_all.iter().map(|r| r.header("x-webhook-event")).collect();
    assert_eq!(events, expected, "client {client}");
    assert_eq!(to_all.len(), expected.len(), "each once");
    for r in &to_all {
        assert_signed(r, &secret, now);
    }
    let issued: Vec<&Received> = received.iter().filter(|r| r.path == "/issued").collect();
    assert_eq!(issued.len(), 1, "only the subscribed event");
    assert_signed(issued[0], &issued_secret, now);
    let body = issued[0].json();
    assert_eq!(body["event"], "invoice.issued");
    assert_eq!(body["data"]["id"], id);
    assert_eq!(body["data"]["status"], "issued");
    assert_eq!(body["data"]["direction"], "outgoing");
    assert!(
        body["data"]["total"].as_str().unwrap().contains('.'),
        "a decimal string"
    );
    // The same event has the same payload id at every endpoint.
    let same = to_all
        .iter()
        .find(|r| r.header("x-webhook-event") == "invoice.issued")
        .unwrap();
    assert_eq!(same.json()["id"], body["id"]);

    // History: every delivery succeeded at the first attempt, with the headers it sent.
    let list = owner
        .get(&format!("/api/v1/webhooks/{all}/deliveries?limit=2"))
        .await;
    assert_eq!(list.body["meta"]["total"], 5);
    assert_eq!(list.body["meta"]["limit"], 2);
    assert_eq!(list.body["data"].as_array().unwrap().len(), 2);
    let detail = newest_delivery(&owner, &all, |d| d["status"] == "success").await;
    assert_eq!(detail["attempt"], 1);
    assert_eq!(detail["responseStatusCode"], 200);
    assert_eq!(detail["responseBody"], "ok");
    assert!(detail["completedAt"].is_string());
    let attempt = &detail["attempts"][0];
    assert_eq!(attempt["requestHeaders"]["X-Webhook-Id"], detail["id"]);
    let arrived = to_all
        .iter()
        .find(|r| r.header("x-webhook-id") == detail["id"].as_str().unwrap())
        .unwrap();
    assert_eq!(
        detail["payload"],
        arrived.json(),
        "the exact payload is kept"
    );
    let failed = owner
        .get(&format!("/api/v1/webhooks/{all}/deliveries?status=failed"))
        .await;
    assert_eq!(failed.body["meta"]["total"], 0);
    let by_event = owner
        .get(&format!(
            "/api/v1/webhooks/{all}/deliveries?event=invoice.issued"
        ))
        .await;
    assert_eq!(by_event.body["meta"]["total"], 1);

    // The invoice's own list: its events at both endpoints, with the endpoint.
    let of_invoice = owner
        .get(&format!("/api/v1/invoices/{id}/webhook-deliveries"))
        .await;
    assert_eq!(of_invoice.status, 200, "{}", of_invoice.body);
    assert_eq!(
        of_invoice.body["meta"]["total"], 4,
        "created, issued, cancelled to /all; issued to /issued"
    );
    assert!(
        of_invoice.body["data"][0]["endpoint"]["url"]
            .as_str()
            .unwrap()
            .starts_with(&receiver.base)
    );
    assert_eq!(of_invoice.body["data"][0]["endpoint"]["description"], "ERP");
}

#[tokio::test]
async fn a_receiver_failing_twice_gets_one_success_after_two_retries() {
    let app = app().await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::FailFirst(2)).await;
    let (hook, secret) = endpoint(&owner, &receiver.url("/flaky"), json!(["client.created"])).await;
    owner.client().await;

    let first = newest_delivery(&owner, &hook, |d| d["status"] == "retrying").await;
    assert_eq!(first["attempt"], 1);
    assert_eq!(first["responseStatusCode"], 500);
    assert_eq!(first["errorMessage"], "HTTP 500");
    let next = time::OffsetDateTime::parse(
        first["nextRetryAt"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    let wait = next - app.clock_now();
    assert!(
        wait >= TimeDuration::seconds(47) && wait <= TimeDuration::seconds(73),
        "about a minute: {wait}"
    );
    // Not before its time.
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(receiver.count(), 1);

    app.clock.advance(TimeDuration::seconds(75));
    let second = newest_delivery(&owner, &hook, |d| d["attempt"] == 2).await;
    assert_eq!(second["status"], "retrying");
    let next = time::OffsetDateTime::parse(
        second["nextRetryAt"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    let wait = next - app.clock_now();
    assert!(
        wait >= TimeDuration::seconds(239) && wait <= TimeDuration::seconds(361),
        "about five minutes: {wait}"
    );

    app.clock.advance(TimeDuration::seconds(365));
    let done = newest_delivery(&owner, &hook, |d| d["status"] == "success").await;
    assert_eq!(done["attempt"], 3);
    assert!(done["nextRetryAt"].is_null());
    let attempts = done["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 3);
    assert_eq!(
        attempts
            .iter()
            .map(|a| a["statusCode"].clone())
            .collect::<Vec<_>>(),
        vec![json!(500), json!(500), json!(200)]
    );

    let received = receiver.wait_for(3, WAIT).await;
    assert_eq!(received.len(), 3, "exactly one success after two failures");
    let ids: HashSet<&str> = received.iter().map(|r| r.header("x-webhook-id")).collect();
    assert_eq!(ids.len(), 1, "one delivery, retried");
    let payload_ids: HashSet<String> = received
        .iter()
        .map(|r| r.json()["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(payload_ids.len(), 1);
    assert_eq!(
        received
            .iter()
            .map(|r| r.header("x-webhook-attempt").to_owned())
            .collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
    let now = app.clock_now().unix_timestamp();
    assert_signed(&received[2], &secret, now);
    // Nothing more is queued.
    app.clock.advance(TimeDuration::hours(2));
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(receiver.count(), 3);
}

#[tokio::test]
async fn the_last_failed_attempt_ends_the_delivery_failed() {
    let app = app().await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::AlwaysFail).await;
    let (hook, _) = endpoint(&owner, &receiver.url("/down"), json!(["client.created"])).await;
    owner.client().await;
    let mut owner = owner;
    for attempt in 1..=3 {
        newest_delivery(&owner, &hook, |d| {
            d["attempt"] == attempt && d["status"] == "retrying"
        })
        .await;
        app.clock.advance(TimeDuration::minutes(40));
        owner = again(&app, &owner).await;
    }
    let failed = newest_delivery(&owner, &hook, |d| d["status"] == "failed").await;
    assert_eq!(failed["attempt"], 4, "1 + 3 retries");
    assert_eq!(failed["responseBody"], "down for maintenance");
    assert!(failed["completedAt"].is_string());
    assert_eq!(receiver.count(), 4);
    let get = owner.get(&format!("/api/v1/webhooks/{hook}")).await;
    assert_eq!(get.body["data"]["consecutiveFailures"], 1);
    assert_eq!(get.body["data"]["isActive"], true);
}

#[tokio::test]
async fn a_hanging_receiver_is_cut_off_by_the_timeout() {
    let app = TestApp::spawn_with(|c| {
        c.webhooks.allow_hosts = vec!["127.0.0.1".into()];
        c.webhooks.timeout = Duration::from_secs(1);
    })
    .await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::Hang).await;
    let (hook, _) = endpoint(&owner, &receiver.url("/slow"), json!(["client.created"])).await;

    let started = std::time::Instant::now();
    let ping = owner
        .post(&format!("/api/v1/webhooks/{hook}/test"), json!({}))
        .await;
    assert_eq!(ping.status, 200, "{}", ping.body);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the test ping waited {:?}",
        started.elapsed()
    );
    assert_eq!(ping.body["success"], false);
    assert!(ping.body["statusCode"].is_null());
    assert!(
        ping.body["error"]
            .as_str()
            .unwrap()
            .starts_with("Timed out"),
        "{}",
        ping.body
    );

    owner.client().await;
    let first = newest_delivery(&owner, &hook, |d| {
        d["eventType"] == "client.created" && d["attempt"] == 1
    })
    .await;
    assert_eq!(first["status"], "retrying");
    assert!(
        first["errorMessage"]
            .as_str()
            .unwrap()
            .starts_with("Timed out"),
        "{first}"
    );
    let ms = first["durationMs"].as_i64().unwrap();
    assert!(
        (900..5000).contains(&ms),
        "cut off after about a second: {ms} ms"
    );
}

#[tokio::test]
async fn test_ping_redelivery_and_history() {
    let app = app().await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::Succeed).await;
    let (hook, secret) = endpoint(&owner, &receiver.url("/h"), json!(["client.created"])).await;

    let ping = owner
        .post(
            &format!("/api/v1/webhooks/{hook}/test"),
            json!({ "eventType": "invoice.issued" }),
        )
        .await;
    assert_eq!(ping.status, 200, "{}", ping.body);
    assert_eq!(ping.body["success"], true);
    assert_eq!(ping.body["statusCode"], 200);
    assert!(ping.body["error"].is_null());
    let r = &receiver.received()[0];
    assert_eq!(r.json()["event"], "webhook.test");
    assert_eq!(r.json()["data"]["message"], "Test webhook from Facturo");
    assert_signed(r, &secret, app.clock_now().unix_timestamp());
    let recorded = newest_delivery(&owner, &hook, |d| d["eventType"] == "webhook.test").await;
    assert_eq!(recorded["status"], "success");

    owner.client().await;
    let original = newest_delivery(&owner, &hook, |d| {
        d["eventType"] == "client.created" && d["status"] == "success"
    })
    .await;
    let original_id = original["id"].as_str().unwrap();
    let retry = owner
        .post(
            &format!("/api/v1/webhooks/{hook}/deliveries/{original_id}/retry"),
            json!({}),
        )
        .await;
    assert_eq!(retry.status, 202, "{}", retry.body);
    assert_eq!(retry.body["status"], "queued");
    let again = newest_delivery(&owner, &hook, |d| {
        d["redeliveryOf"] == original_id && d["status"] == "success"
    })
    .await;
    assert_eq!(again["attempt"], 1);
    assert_eq!(
        again["payload"], original["payload"],
        "same payload, same payload id"
    );
    assert_ne!(again["id"], original["id"]);
    let received = receiver.wait_for(3, WAIT).await;
    assert_eq!(received[1].json(), received[2].json());
    assert_ne!(
        received[1].header("x-webhook-id"),
        received[2].header("x-webhook-id")
    );

    // Unknown, foreign and inactive.
    let missing = owner
        .post(
            &format!(
                "/api/v1/webhooks/{hook}/deliveries/{}/retry",
                uuid::Uuid::now_v7()
            ),
            json!({}),
        )
        .await;
    assert_eq!(
        (missing.status, missing.error()),
        (404, "Delivery not found.")
    );
    let other = app.user().await.company().await;
    let foreign = other
        .get(&format!("/api/v1/webhooks/{hook}/deliveries/{original_id}"))
        .await;
    assert_eq!(
        (foreign.status, foreign.error()),
        (404, "Webhook endpoint not found.")
    );
    let off = owner
        .patch(
            &format!("/api/v1/webhooks/{hook}"),
            json!({ "isActive": false }),
        )
        .await;
    assert_eq!(off.status, 200);
    let refused = owner
        .post(
            &format!("/api/v1/webhooks/{hook}/deliveries/{original_id}/retry"),
            json!({}),
        )
        .await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    // An inactive endpoint gets no new deliveries.
    owner.client().await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(receiver.count(), 3);
    let list = owner
        .get(&format!("/api/v1/webhooks/{hook}/deliveries"))
        .await;
    assert_eq!(list.body["meta"]["total"], 3);
}

#[tokio::test]
async fn endpoints_are_managed_with_a_masked_secret() {
    let app = app().await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::Succeed).await;

    let registry = owner.get("/api/v1/webhooks/events").await;
    assert_eq!(registry.status, 200);
    let names: Vec<&str> = registry.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"invoice.validated")
            && names.contains(&"payment.received")
            && names.contains(&"anaf.token_expiring")
    );
    assert!(!names.contains(&"webhook.test"));
    assert_eq!(
        registry.body["categories"]["invoice"][0]["category"],
        "invoice"
    );

    let (id, secret) = endpoint(
        &owner,
        &receiver.url("/m"),
        json!(["invoice.issued", "invoice.issued"]),
    )
    .await;
    let masked = format!("***{}", &secret[56..]);
    let got = owner.get(&format!("/api/v1/webhooks/{id}")).await;
    assert_eq!(got.body["data"]["secret"], masked);
    assert_eq!(
        got.body["data"]["events"],
        json!(["invoice.issued"]),
        "duplicates dropped"
    );
    assert_eq!(got.body["data"]["isActive"], true);
    let list = owner.get("/api/v1/webhooks").await;
    assert_eq!(list.body["data"][0]["secret"], masked);

    let changed = owner
        .patch(
            &format!("/api/v1/webhooks/{id}"),
            json!({ "events": ["*"], "description": null }),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["data"]["events"], json!(["*"]));
    assert!(changed.body["data"]["description"].is_null());
    assert_eq!(changed.body["data"]["url"], receiver.url("/m"));

    for (body, error) in [
        (
            json!({ "url": receiver.url("/x"), "events": [] }),
            "At least one event type is required.",
        ),
        (
            json!({ "url": receiver.url("/x") }),
            "At least one event type is required.",
        ),
        (
            json!({ "url": receiver.url("/x"), "events": ["invoice.nope"] }),
            "Invalid event type: invoice.nope",
        ),
        (
            json!({ "url": receiver.url("/x"), "events": ["webhook.test"] }),
            "Invalid event type: webhook.test",
        ),
        (json!({ "events": ["*"] }), "A valid HTTPS URL is required."),
        (
            json!({ "url": "http://hooks.example.com/x", "events": ["*"] }),
            "A valid HTTPS URL is required.",
        ),
        (
            json!({ "url": "ftp://hooks.example.com/x", "events": ["*"] }),
            "A valid HTTPS URL is required.",
        ),
        (
            json!({ "url": "not a url", "events": ["*"] }),
            "A valid HTTPS URL is required.",
        ),
    ] {
        let reply = owner.post("/api/v1/webhooks", body.clone()).await;
        assert_eq!((reply.status, reply.error()), (400, error), "{body}");
    }
    let wrong_type = owner
        .post("/api/v1/webhooks", json!({ "url": 42, "events": "*" }))
        .await;
    assert_eq!(wrong_type.status, 400, "{}", wrong_type.body);

    // Another organization sees nothing of it; a member without the permission is refused.
    let other = app.user().await.company().await;
    for reply in [
        other.get(&format!("/api/v1/webhooks/{id}")).await,
        other
            .patch(
                &format!("/api/v1/webhooks/{id}"),
                json!({ "isActive": false }),
            )
            .await,
        other.delete(&format!("/api/v1/webhooks/{id}")).await,
        other
            .post(&format!("/api/v1/webhooks/{id}/test"), json!({}))
            .await,
        other
            .post(
                &format!("/api/v1/webhooks/{id}/regenerate-secret"),
                json!({}),
            )
            .await,
    ] {
        assert_eq!(
            (reply.status, reply.error()),
            (404, "Webhook endpoint not found.")
        );
    }
    let employee = crate::support::members::join(&app, &owner, "employee", json!([]))
        .await
        .acting_for(owner.company.as_deref().unwrap());
    let denied = employee.get("/api/v1/webhooks").await;
    assert_eq!(denied.status, 403, "{}", denied.body);

    // With two companies and none named, the contract's 400.
    let second = owner
        .post(
            "/api/v1/companies",
            json!({ "cif": crate::support::next_cif(), "vatPayer": true }),
        )
        .await;
    assert_eq!(second.status, 201);
    let unnamed = Actor {
        company: None,
        ..owner.clone()
    };
    let none = unnamed.get("/api/v1/webhooks").await;
    assert_eq!((none.status, none.error()), (400, "No company selected."));

    let deleted = owner.delete(&format!("/api/v1/webhooks/{id}")).await;
    assert_eq!(deleted.status, 204);
    assert_eq!(
        owner.get(&format!("/api/v1/webhooks/{id}")).await.status,
        404
    );
}

#[tokio::test]
async fn the_plan_must_include_webhooks() {
    let app = TestApp::spawn_with(|c| {
        c.webhooks.allow_hosts = vec!["127.0.0.1".into()];
        c.enforce_plan_limits = true;
    })
    .await;
    let owner = app.user().await.company().await;
    let reply = owner
        .post(
            "/api/v1/webhooks",
            json!({ "url": "http://127.0.0.1:9/x", "events": ["*"] }),
        )
        .await;
    assert_eq!(reply.status, 402, "{}", reply.body);
    assert_eq!(reply.body["code"], "PLAN_LIMIT");
}

#[tokio::test]
async fn a_rotated_secret_keeps_signing_during_its_grace_period() {
    let app = app().await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::Succeed).await;
    let (hook, old) = endpoint(&owner, &receiver.url("/r"), json!(["client.created"])).await;
    let rotated = owner
        .post(
            &format!("/api/v1/webhooks/{hook}/regenerate-secret"),
            json!({}),
        )
        .await;
    assert_eq!(rotated.status, 200, "{}", rotated.body);
    let new = rotated.body["secret"].as_str().unwrap().to_owned();
    assert_eq!(rotated.body["data"]["secret"], new);
    assert_ne!(new, old);
    assert!(rotated.body["data"]["previousSecretExpiresAt"].is_string());

    owner.client().await;
    let r = receiver.wait_for(1, WAIT).await.remove(0);
    let now = app.clock_now().unix_timestamp();
    assert_signed(&r, &new, now);
    let header = r.header("x-facturo-signature");
    assert_eq!(header.matches("v1=").count(), 2, "{header}");
    assert_eq!(
        signing::verify_timestamped(header, &old, &r.body, now, 300),
        Ok(()),
        "the old secret still verifies"
    );
    assert!(
        !signing::verify_body(r.header("x-webhook-signature"), &old, &r.body),
        "scheme 1 uses the new secret"
    );

    app.clock.advance(TimeDuration::hours(25));
    let owner = again(&app, &owner).await;
    owner.client().await;
    let r = receiver.wait_for(2, WAIT).await.remove(1);
    let now = app.clock_now().unix_timestamp();
    let header = r.header("x-facturo-signature");
    assert_eq!(
        header.matches("v1=").count(),
        1,
        "the grace is over: {header}"
    );
    assert_eq!(
        signing::verify_timestamped(header, &old, &r.body, now, 300),
        Err(signing::VerifyError::Mismatch)
    );
    assert_signed(&r, &new, now);
}

/// A secret sealed under a key the server no longer has (the key was lost or changed): the
/// test ping and a delivery end `failed` at once with what to do, nothing is sent unsigned,
/// and after the secret is regenerated a redelivery arrives signed with the new one.
#[tokio::test]
async fn a_secret_the_vault_cannot_open_fails_the_delivery_and_says_what_to_do() {
    let key = |byte: u8| Some(server::SecretText(STANDARD.encode([byte; 32])));
    let app = TestApp::launch(TestDb::new().await, FixedClock::new(START), |c| {
        c.webhooks.allow_hosts = vec!["127.0.0.1".into()];
        c.secret_key = key(7);
    })
    .await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::Succeed).await;
    let (hook, _) = endpoint(&owner, &receiver.url("/k"), json!(["client.created"])).await;
    let (email, company) = (owner.email.clone(), owner.company.clone().unwrap());
    drop(owner);
    let app = app
        .restart(
            |_| {},
            |c| {
                c.webhooks.allow_hosts = vec!["127.0.0.1".into()];
                c.secret_key = key(8);
            },
        )
        .await;
    let owner = app.login(&email).await.acting_for(&company);

    let ping = owner
        .post(&format!("/api/v1/webhooks/{hook}/test"), json!({}))
        .await;
    assert_eq!(ping.status, 200, "{}", ping.body);
    assert_eq!(ping.body["success"], false);
    let error = ping.body["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("cannot be opened") && error.contains("Regenerate the secret"),
        "{error}"
    );

    owner.client().await;
    let failed = newest_delivery(&owner, &hook, |d| {
        d["eventType"] == "client.created" && d["status"] == "failed"
    })
    .await;
    assert_eq!(failed["attempt"], 1, "not retried: waiting cannot mend it");
    assert!(failed["nextRetryAt"].is_null());
    assert!(
        failed["errorMessage"]
            .as_str()
            .is_some_and(|e| e.contains("Regenerate the secret")),
        "{failed}"
    );
    assert_eq!(failed["attempts"][0]["statusCode"], Value::Null);
    assert_eq!(receiver.count(), 0, "nothing is sent unsigned");
    let get = owner.get(&format!("/api/v1/webhooks/{hook}")).await;
    assert_eq!(get.body["data"]["consecutiveFailures"], 1);

    let rotated = owner
        .post(
            &format!("/api/v1/webhooks/{hook}/regenerate-secret"),
            json!({}),
        )
        .await;
    assert_eq!(rotated.status, 200, "{}", rotated.body);
    let secret = rotated.body["secret"].as_str().unwrap().to_owned();
    let failed_id = failed["id"].as_str().unwrap();
    let retry = owner
        .post(
            &format!("/api/v1/webhooks/{hook}/deliveries/{failed_id}/retry"),
            json!({}),
        )
        .await;
    assert_eq!(retry.status, 202, "{}", retry.body);
    let r = receiver.wait_for(1, WAIT).await.remove(0);
    let header = r.header("x-facturo-signature");
    assert_eq!(
        header.matches("v1=").count(),
        1,
        "the unopenable old secret is left out: {header}"
    );
    assert_signed(&r, &secret, app.clock_now().unix_timestamp());
    assert_eq!(r.json()["event"], "client.created");
}

#[tokio::test]
async fn an_endpoint_failing_too_often_is_switched_off_and_says_why() {
    let app = TestApp::spawn_with(|c| {
        c.webhooks.allow_hosts = vec!["127.0.0.1".into()];
        c.webhooks.max_attempts = 1;
        c.webhooks.disable_after = 3;
    })
    .await;
    let owner = app.user().await.company().await;
    let broken = Receiver::start(Mode::AlwaysFail).await;
    let watcher = Receiver::start(Mode::Succeed).await;
    let (hook, _) = endpoint(&owner, &broken.url("/b"), json!(["client.created"])).await;
    endpoint(&owner, &watcher.url("/w"), json!(["webhook.disabled"])).await;
    // Test pings do not count.
    for _ in 0..3 {
        assert_eq!(
            owner
                .post(&format!("/api/v1/webhooks/{hook}/test"), json!({}))
                .await
                .body["success"],
            false
        );
    }
    assert_eq!(
        owner.get(&format!("/api/v1/webhooks/{hook}")).await.body["data"]["isActive"],
        true
    );

    for _ in 0..3 {
        owner.client().await;
    }
    let notice = watcher.wait_for(1, WAIT).await.remove(0).json();
    assert_eq!(notice["event"], "webhook.disabled");
    assert_eq!(notice["data"]["endpointId"], hook);
    assert_eq!(notice["data"]["consecutiveFailures"], 3);
    assert!(
        notice["data"]["reason"]
            .as_str()
            .unwrap()
            .contains("HTTP 503"),
        "{notice}"
    );
    let off = owner.get(&format!("/api/v1/webhooks/{hook}")).await.body["data"].clone();
    assert_eq!(off["isActive"], false);
    assert!(
        off["disabledReason"]
            .as_str()
            .unwrap()
            .starts_with("3 deliveries in a row failed")
    );
    let mail = app.mail.wait_for(1, Duration::from_secs(10)).await;
    assert!(
        mail.iter()
            .any(|m| m.to.contains(&owner.email) && m.text().contains(&broken.url("/b"))),
        "the owner is told"
    );

    // Back on: the count starts again.
    let on = owner
        .patch(
            &format!("/api/v1/webhooks/{hook}"),
            json!({ "isActive": true }),
        )
        .await;
    assert_eq!(on.body["data"]["isActive"], true);
    assert_eq!(on.body["data"]["consecutiveFailures"], 0);
    assert!(on.body["data"]["disabledReason"].is_null());
}

/// A resolver that answers one address for a name, then another (DNS rebinding).
struct Rebinding {
    answers: Mutex<Vec<IpAddr>>,
}

impl Lookup for Rebinding {
    fn lookup<'a>(
        &'a self,
        host: &'a str,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<IpAddr>>> + Send + 'a>> {
        Box::pin(async move {
            if host != "hooks.rebind.test" {
                return server::webhooks::target::SystemLookup.lookup(host).await;
            }
            let mut answers = self.answers.lock().unwrap();
            let ip = if answers.len() > 1 {
                answers.remove(0)
            } else {
                answers[0]
            };
            Ok(vec![ip])
        })
    }
}

#[tokio::test]
async fn internal_addresses_are_refused_when_saved_and_when_delivered() {
    let rebinding = Arc::new(Rebinding {
        answers: Mutex::new(vec![
            "93.184.216.34".parse().unwrap(),
            "127.0.0.1".parse().unwrap(),
        ]),
    });
    let lookup = Arc::clone(&rebinding);
    let app = TestApp::spawn_with(move |c| c.webhooks.lookup = lookup).await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::Succeed).await;
    let port = receiver.base.rsplit(':').next().unwrap().to_owned();
    for url in [
        format!("https://127.0.0.1:{port}/x"),
        format!("https://localhost:{port}/x"),
        "https://169.254.169.254/latest/meta-data".to_owned(),
        "https://10.0.0.7/x".to_owned(),
        "https://[::1]/x".to_owned(),
        "https://[::ffff:192.168.1.1]/x".to_owned(),
        "https://0.0.0.0/x".to_owned(),
        "https://2130706433/x".to_owned(), // 127.0.0.1 written as a number
        format!("http://127.0.0.1:{port}/x"),
    ] {
        let reply = owner
            .post("/api/v1/webhooks", json!({ "url": url, "events": ["*"] }))
            .await;
        assert_eq!(reply.status, 400, "{url}: {}", reply.body);
        assert!(
            reply.error().contains("internal address")
                || reply.error() == "A valid HTTPS URL is required.",
            "{url}: {}",
            reply.body
        );
    }
    // Public when saved, loopback when delivered: refused at the connection, nothing arrives.
    let (hook, _) = endpoint(
        &owner,
        &format!("https://hooks.rebind.test:{port}/x"),
        json!(["client.created"]),
    )
    .await;
    owner.client().await;
    let first = newest_delivery(&owner, &hook, |d| d["attempt"] == 1).await;
    assert_eq!(first["status"], "retrying");
    assert_eq!(
        first["errorMessage"],
        "The webhook URL points to an internal address (127.0.0.1)."
    );
    assert_eq!(receiver.count(), 0);
    let ping = owner
        .post(&format!("/api/v1/webhooks/{hook}/test"), json!({}))
        .await;
    assert_eq!(ping.body["success"], false);
    assert!(
        ping.body["error"]
            .as_str()
            .unwrap()
            .contains("internal address"),
        "{}",
        ping.body
    );
    assert_eq!(receiver.count(), 0);
}

#[tokio::test]
async fn an_address_allowed_once_is_refused_after_the_allow_list_changes() {
    let app = app().await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::Succeed).await;
    let (hook, _) = endpoint(&owner, &receiver.url("/x"), json!(["client.created"])).await;
    let token = owner.token.clone();
    let company = owner.company.clone();
    let app = app
        .restart(|_| {}, |c| c.webhooks.allow_hosts.clear())
        .await;
    let owner = Actor {
        app: &app,
        token,
        email: String::new(),
        company,
        organization: None,
    };
    owner.client().await;
    let first = newest_delivery(&owner, &hook, |d| d["attempt"] == 1).await;
    assert_eq!(first["status"], "retrying");
    assert!(
        first["errorMessage"]
            .as_str()
            .unwrap()
            .contains("internal address")
            || first["errorMessage"] == "A valid HTTPS URL is required.",
        "{first}"
    );
    assert_eq!(receiver.count(), 0);
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let app = app().await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::Redirect).await;
    let (hook, _) = endpoint(&owner, &receiver.url("/moved"), json!(["client.created"])).await;
    let ping = owner
        .post(&format!("/api/v1/webhooks/{hook}/test"), json!({}))
        .await;
    assert_eq!(ping.body["success"], false);
    assert_eq!(ping.body["statusCode"], 302);
    assert_eq!(
        ping.body["error"],
        "HTTP 302: redirects are not followed (to http://169.254.169.254/latest/meta-data)"
    );
    assert_eq!(receiver.count(), 1);
}

/// 10,000 outbox events (written through the server's own `events::record`, 100 per
/// transaction, while the servers run) to 10 endpoints: each endpoint gets each event once,
/// none lost, none doubled. Two server processes share the work on PostgreSQL; SQLite runs one.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_thousand_events_reach_ten_endpoints_once_each() {
    const EVENTS: usize = 10_000;
    const ENDPOINTS: usize = 10;
    let first = app().await;
    let postgres = first.db.url.starts_with("postgres");
    let second = if postgres {
        Some(
            first
                .beside(|c| c.webhooks.allow_hosts = vec!["127.0.0.1".into()])
                .await,
        )
    } else {
        None
    };
    let owner = first.user().await.company().await;
    let receiver = Receiver::start(Mode::Succeed).await;
    let mut secrets = HashMap::new();
    for n in 0..ENDPOINTS {
        let (_, secret) = endpoint(
            &owner,
            &receiver.url(&format!("/e{n}")),
            json!(["client.created"]),
        )
        .await;
        secrets.insert(format!("/e{n}"), secret);
    }
    let company: server::ids::CompanyId = owner.company.clone().unwrap().parse().unwrap();
    let org = server::store::companies::by_id(&first.state.db, company)
        .await
        .unwrap()
        .unwrap()
        .organization_id;
    let origin = server::events::Origin {
        organization: org,
        company: Some(company),
        actor: None,
    };
    let started = std::time::Instant::now();
    let mut written = HashSet::new();
    for _ in 0..EVENTS / 100 {
        let mut tx = first.state.db.begin().await.unwrap();
        for _ in 0..100 {
            let event = server::events::DomainEvent::CatalogChanged {
                what: server::events::Catalog::Client,
                change: server::events::Change::Created,
                id: uuid::Uuid::now_v7(),
            };
            let id = server::events::record(&mut tx, origin, &event, first.clock_now())
                .await
                .unwrap();
            written.insert(id.to_string());
        }
        tx.commit().await.unwrap();
    }
    let received = receiver
        .wait_for(EVENTS * ENDPOINTS, Duration::from_mins(15))
        .await;
    let elapsed = started.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        receiver.count(),
        EVENTS * ENDPOINTS,
        "nothing doubled after the last one"
    );
    let now = first.clock_now().unix_timestamp();
    let mut per_endpoint: HashMap<String, HashSet<String>> = HashMap::new();
    for r in &received {
        let secret = &secrets[&r.path];
        assert!(signing::verify_body(
            r.header("x-webhook-signature"),
            secret,
            &r.body
        ));
        assert_eq!(
            signing::verify_timestamped(r.header("x-facturo-signature"), secret, &r.body, now, 300),
            Ok(())
        );
        let id = r.json()["id"].as_str().unwrap().to_owned();
        assert!(
            per_endpoint.entry(r.path.clone()).or_default().insert(id),
            "doubled at {}",
            r.path
        );
    }
    assert_eq!(per_endpoint.len(), ENDPOINTS);
    for (path, ids) in &per_endpoint {
        assert_eq!(ids, &written, "{path} got every event");
    }
    eprintln!(
        "{} deliveries in {:.1} s ({:.0}/s) with {} server process(es)",
        EVENTS * ENDPOINTS,
        elapsed.as_secs_f64(),
        f64::from(u32::try_from(EVENTS * ENDPOINTS).unwrap()) / elapsed.as_secs_f64(),
        if second.is_some() { 2 } else { 1 }
    );
    drop(second);
}

/// An event written in a transaction that rolls back never leaves; the one committed after it
/// does.
#[tokio::test]
async fn an_event_of_a_rolled_back_change_is_never_sent() {
    let app = app().await;
    let owner = app.user().await.company().await;
    let receiver = Receiver::start(Mode::Succeed).await;
    endpoint(&owner, &receiver.url("/r"), json!(["client.created"])).await;
    let company: server::ids::CompanyId = owner.company.clone().unwrap().parse().unwrap();
    let org = server::store::companies::by_id(&app.state.db, company)
        .await
        .unwrap()
        .unwrap()
        .organization_id;
    let origin = server::events::Origin {
        organization: org,
        company: Some(company),
        actor: None,
    };
    let event = |id| server::events::DomainEvent::CatalogChanged {
        what: server::events::Catalog::Client,
        change: server::events::Change::Created,
        id,
    };
    let (lost, kept) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
    let mut tx = app.state.db.begin().await.unwrap();
    server::events::record(&mut tx, origin, &event(lost), app.clock_now())
        .await
        .unwrap();
    // A slow transaction the relay must not see half of.
    tokio::time::sleep(Duration::from_millis(400)).await;
    drop(tx); // rolls back
    let mut tx = app.state.db.begin().await.unwrap();
    server::events::record(&mut tx, origin, &event(kept), app.clock_now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let received = receiver.wait_for(1, WAIT).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(receiver.count(), 1);
    assert_eq!(received[0].json()["data"]["id"], kept.to_string());
}
