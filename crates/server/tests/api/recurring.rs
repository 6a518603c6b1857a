//! Recurring invoices (api.md §17, issue #7) through the API and the scheduler: the schedule
//! (the 31st is each month's last day), runs as jobs that make exactly one invoice per period
//! even when started several times at once, BNR price rules, pause and resume, "issue now",
//! and templates refused whole.

use futures::future::join_all;
use pretty_assertions::assert_eq;
use rust_decimal_macros::dec;
use serde_json::{Value, json};
use time::macros::date;

use crate::support::{Actor, TestApp};
use server::documents::recurring::{self, Trigger};
use server::ids::RecurringId;

async fn template(actor: &Actor<'_>, body: Value) -> Value {
    let reply = actor.post("/api/v1/recurring-invoices", body).await;
    assert_eq!(reply.status, 201, "create: {}", reply.body);
    reply.body
}

async fn get(actor: &Actor<'_>, id: &str) -> Value {
    let reply = actor.get(&format!("/api/v1/recurring-invoices/{id}")).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body
}

async fn invoices(actor: &Actor<'_>) -> Vec<Value> {
    let reply = actor.get("/api/v1/invoices?sort=number&order=asc").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body["data"].as_array().unwrap().clone()
}

/// Moves the clock to 10:00 UTC of `day`, queues what is due and waits for the jobs.
async fn tick_on(app: &TestApp, day: time::Date) -> usize {
    let now = day.with_hms(10, 0, 0).unwrap().assume_utc();
    let by = now - app.clock_now();
    app.clock.advance(by);
    let queued = server::jobs::schedule::queue_due_recurring(&app.state, now)
        .await
        .unwrap();
    app.jobs_done(&["issue_recurring"]).await;
    queued
}

fn monthly_on_31(client: &Value) -> Value {
    json!({
        "clientId": client["id"],
        "reference": "Abonament mentenanță",
        "frequency": "monthly",
        "frequencyDay": 31,
        "nextIssuanceDate": "2026-06-30",
        "dueDateType": "days",
        "dueDateDays": 15,
        "notes": "Servicii lunare, {{previousMonth}} {{previousMonthYear}}",
        "lines": [{ "description": "Mentenanță {{month}} {{year}}", "quantity": "1", "unitPrice": "500.00", "vatRate": "21" }],
    })
}

#[tokio::test]
async fn a_monthly_template_runs_on_each_month_s_last_day_once_per_period() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let t = template(&owner, monthly_on_31(&client)).await;
    let id = t["id"].as_str().unwrap().to_owned();
    assert_eq!(t["isActive"], true);
    assert_eq!(t["frequencyDay"], 31);
    assert_eq!(t["nextIssuanceDate"], "2026-06-30");
    assert_eq!(
        (&t["subtotal"], &t["total"]),
        (&json!("500.00"), &json!("605.00"))
    );
    assert_eq!(t["lines"][0]["priceRule"], "fixed");
    assert_eq!(t["clientName"], "Client Test SRL");

    // Not due before its day.
    assert_eq!(tick_on(&app, date!(2026 - 06 - 29)).await, 0);
    let owner = owner.relogin().await;
    assert!(invoices(&owner).await.is_empty());

    assert_eq!(tick_on(&app, date!(2026 - 06 - 30)).await, 1);
    let owner = owner.relogin().await;
    let made = invoices(&owner).await;
    assert_eq!(made.len(), 1, "{made:?}");
    assert_eq!(made[0]["number"], "FCT0001");
    assert_eq!(made[0]["status"], "issued");
    assert_eq!(made[0]["issueDate"], "2026-06-30");
    assert_eq!(made[0]["dueDate"], "2026-07-15");
    assert_eq!(made[0]["total"], "605.00");
    // The texts' variables are the issue day's.
    let june = owner
        .get(&format!(
            "/api/v1/invoices/{}",
            made[0]["id"].as_str().unwrap()
        ))
        .await
        .body;
    assert_eq!(june["notes"], "Servicii lunare, mai 2026");
    assert_eq!(june["lines"][0]["description"], "Mentenanță iunie 2026");
    let after = get(&owner, &id).await;
    assert_eq!(after["nextIssuanceDate"], "2026-07-31");
    assert_eq!(after["lastInvoiceNumber"], "FCT0001");
    assert_eq!(after["lastInvoiceId"], made[0]["id"]);
    assert_eq!(after["lastDocumentType"], "invoice");

    // The same period again, however it is asked for: nothing more.
    assert_eq!(tick_on(&app, date!(2026 - 06 - 30)).await, 0);
    let owner = owner.relogin().await;
    let rid: RecurringId = id.parse().unwrap();
    let again = Box::pin(recurring::run(
        &app.state,
        rid,
        Trigger::Scheduled(date!(2026 - 06 - 30)),
        app.clock_now(),
    ))
    .await
    .unwrap();
    assert_eq!(again, None);

    // July's run started six times at once (as several processes and retries might): one
    // invoice.
    let july = date!(2026 - 07 - 31);
    app.clock
        .advance(july.with_hms(9, 0, 0).unwrap().assume_utc() - app.clock_now());
    let owner = owner.relogin().await;
    let now = app.clock_now();
    let runs = join_all((0..6).map(|_| {
        Box::pin(recurring::run(
            &app.state,
            rid,
            Trigger::Scheduled(july),
            now,
        ))
    }))
    .await;
    let made: Vec<_> = runs
        .into_iter()
        .filter_map(|r| r.expect("no run fails"))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    assert_eq!(made[0].number, "FCT0002");
    assert_eq!(invoices(&owner).await.len(), 2);

    // Then August 31, September 30 (not the 28th), October 31.
    for (day, number) in [
        (date!(2026 - 08 - 31), "FCT0003"),
        (date!(2026 - 09 - 30), "FCT0004"),
        (date!(2026 - 10 - 31), "FCT0005"),
    ] {
        assert_eq!(tick_on(&app, day).await, 1, "{day}");
        let owner = owner.relogin().await;
        assert_eq!(get(&owner, &id).await["lastInvoiceNumber"], number);
    }
    let owner = owner.relogin().await;
    assert_eq!(get(&owner, &id).await["nextIssuanceDate"], "2026-11-30");
    let all = invoices(&owner).await;
    let dates: Vec<&str> = all
        .iter()
        .map(|i| i["issueDate"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            "2026-06-30",
            "2026-07-31",
            "2026-08-31",
            "2026-09-30",
            "2026-10-31"
        ]
    );
    assert_eq!(
        server::store::recurring::run_count(&app.state.db, rid)
            .await
            .unwrap(),
        5
    );
    let issued = server::testing::event_payloads(&app.state.db, "recurring_invoice.issued")
        .await
        .unwrap();
    assert_eq!(issued.len(), 5, "one event per invoice");
    assert_eq!(
        server::testing::event_payloads(&app.state.db, "recurring_invoice.created")
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn pause_resume_issue_now_and_a_one_off() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let t = template(&owner, monthly_on_31(&client)).await;
    let id = t["id"].as_str().unwrap().to_owned();

    let paused = owner
        .post(
            &format!("/api/v1/recurring-invoices/{id}/toggle"),
            json!({}),
        )
        .await;
    assert_eq!(paused.status, 200, "{}", paused.body);
    assert_eq!(paused.body["isActive"], false);
    assert_eq!(tick_on(&app, date!(2026 - 06 - 30)).await, 0);
    let owner = owner.relogin().await;
    assert!(invoices(&owner).await.is_empty());

    // Issue now: an invoice today; the schedule does not move.
    let now = owner
        .post(
            &format!("/api/v1/recurring-invoices/{id}/issue-now"),
            json!({}),
        )
        .await;
    assert_eq!(now.status, 200, "{}", now.body);
    assert_eq!(now.body["invoiceNumber"], "FCT0001");
    assert_eq!(now.body["documentType"], "invoice");
    let still = get(&owner, &id).await;
    assert_eq!(still["isActive"], false);
    assert_eq!(still["nextIssuanceDate"], "2026-06-30");

    // Resumed after its date passed: it starts again from the schedule, without the periods
    // it missed.
    app.clock.advance(
        date!(2026 - 07 - 05)
            .with_hms(9, 0, 0)
            .unwrap()
            .assume_utc()
            - app.clock_now(),
    );
    let owner = owner.relogin().await;
    let resumed = owner
        .post(
            "/api/v1/recurring-invoices/bulk-toggle-active",
            json!({ "ids": [id], "active": true }),
        )
        .await;
    assert_eq!(resumed.status, 200, "{}", resumed.body);
    assert_eq!(resumed.body["updated"], 1);
    let after = get(&owner, &id).await;
    assert_eq!(after["isActive"], true);
    assert_eq!(after["nextIssuanceDate"], "2026-07-31");
    let missing_flag = owner
        .post(
            "/api/v1/recurring-invoices/bulk-toggle-active",
            json!({ "ids": [id] }),
        )
        .await;
    assert_eq!(missing_flag.status, 400, "{}", missing_flag.body);
    for (kind, count) in [
        ("recurring_invoice.paused", 1),
        ("recurring_invoice.resumed", 1),
    ] {
        let events = server::testing::event_payloads(&app.state.db, kind)
            .await
            .unwrap();
        assert_eq!(events.len(), count, "{kind}");
    }

    // A one-off runs once and stops.
    let once = template(
        &owner,
        json!({
            "clientId": client["id"], "frequency": "once", "nextIssuanceDate": "2026-07-06",
            "dueDateType": "fixed_day", "dueDateFixedDay": 20,
            "lines": [{ "description": "Instalare", "quantity": "1", "unitPrice": "1000", "vatRate": "21" }],
        }),
    )
    .await;
    assert_eq!(tick_on(&app, date!(2026 - 07 - 06)).await, 1);
    let owner = owner.relogin().await;
    let done = get(&owner, once["id"].as_str().unwrap()).await;
    assert_eq!(done["isActive"], false);
    assert_eq!(done["nextIssuanceDate"], Value::Null);
    assert_eq!(done["lastInvoiceNumber"], "FCT0002");

    // The list and its filters; delete leaves the invoices.
    let active = owner.get("/api/v1/recurring-invoices?isActive=true").await;
    assert_eq!(active.body["total"], 1, "{}", active.body);
    let monthly = owner
        .get("/api/v1/recurring-invoices?frequency=monthly&search=mentenan")
        .await;
    assert_eq!(monthly.body["total"], 1, "{}", monthly.body);
    let deleted = owner
        .delete(&format!("/api/v1/recurring-invoices/{id}"))
        .await;
    assert_eq!(deleted.status, 204);
    assert_eq!(
        owner
            .get(&format!("/api/v1/recurring-invoices/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(invoices(&owner).await.len(), 2);

    // Another company sees none of it.
    let stranger = app.user().await.company().await;
    let other = once["id"].as_str().unwrap();
    assert_eq!(
        stranger
            .get(&format!("/api/v1/recurring-invoices/{other}"))
            .await
            .status,
        404
    );
    let foreign = stranger
        .post(
            &format!("/api/v1/recurring-invoices/{other}/issue-now"),
            json!({}),
        )
        .await;
    assert_eq!(foreign.status, 404, "{}", foreign.body);
}

#[tokio::test]
async fn bnr_price_rules_convert_at_the_issue_day_s_rate() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    // BNR's fixing of the run's day: 1 EUR = 5.0850 RON.
    let mut tx = app.state.db.begin().await.unwrap();
    let day = anaf::bnr::DayRates {
        date: date!(2026 - 06 - 30),
        rates: [("EUR".to_owned(), dec!(5.0850))].into_iter().collect(),
    };
    server::store::exchange_rates::put(&mut tx, &[day], app.clock_now())
        .await
        .unwrap();
    tx.commit().await.unwrap();

    template(
        &owner,
        json!({
            "clientId": client["id"], "frequency": "monthly", "nextIssuanceDate": "2026-06-30",
            "paymentTerms": "30 de zile",
            "lines": [
                { "description": "Licență", "quantity": "1", "unitPrice": "100.00", "vatRate": "21",
                  "priceRule": "bnr_rate", "referenceCurrency": "EUR" },
                { "description": "Suport", "quantity": "2", "unitPrice": "50.00", "vatRate": "21",
                  "priceRule": "bnr_rate_markup", "referenceCurrency": "EUR", "markupPercent": "2" },
                { "description": "Găzduire", "quantity": "1", "unitPrice": "40.00", "vatRate": "21" },
            ],
        }),
    )
    .await;
    assert_eq!(tick_on(&app, date!(2026 - 06 - 30)).await, 1);
    let owner = owner.relogin().await;
    let made = invoices(&owner).await;
    assert_eq!(made.len(), 1);
    let id = made[0]["id"].as_str().unwrap();
    let invoice = owner.get(&format!("/api/v1/invoices/{id}")).await.body;
    let prices: Vec<&str> = invoice["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["unitPrice"].as_str().unwrap())
        .collect();
    // 100 × 5.0850 = 508.50; 50 × 5.0850 × 1.02 = 259.335; 40.00 as written.
    assert_eq!(prices, ["508.50", "259.335", "40.00"]);
    // 508.50 + 518.67 + 40.00 = 1067.17 net.
    assert_eq!(invoice["subtotal"], "1067.17");
    assert_eq!(invoice["currency"], "RON");
}

#[tokio::test]
async fn templates_that_cannot_be_are_refused_whole() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let line = json!([{ "description": "X", "quantity": "1", "unitPrice": "10", "vatRate": "21" }]);
    for (body, key) in [
        (
            json!({ "frequency": "daily", "frequencyDay": 1, "lines": line }),
            "frequency",
        ),
        (
            json!({ "frequency": "yearly", "frequencyMonth": 2, "frequencyDay": 30, "lines": line }),
            "frequencyDay",
        ),
        (
            json!({ "frequency": "yearly", "frequencyMonth": 13, "frequencyDay": 1, "lines": line }),
            "frequencyMonth",
        ),
        (
            json!({ "frequency": "weekly", "frequencyDay": 8, "lines": line }),
            "frequencyDay",
        ),
        (
            json!({ "frequency": "monthly", "frequencyDay": 32, "lines": line }),
            "frequencyDay",
        ),
        (
            json!({ "frequency": "monthly", "lines": line }),
            "frequencyDay",
        ),
        (
            json!({ "frequency": "monthly", "frequencyDay": 1, "notes": "Luna {{luna}}", "lines": line }),
            "notes",
        ),
        (
            json!({ "frequency": "monthly", "frequencyDay": 1,
                    "lines": [{ "description": "Chirie {{month", "quantity": "1", "unitPrice": "10", "vatRate": "21" }] }),
            "lines[0].description",
        ),
        (
            json!({ "frequency": "monthly", "nextIssuanceDate": "2026-06-01", "lines": line }),
            "nextIssuanceDate",
        ),
        (
            json!({ "frequency": "monthly", "nextIssuanceDate": "2026-07-01", "stopDate": "2026-06-20", "lines": line }),
            "stopDate",
        ),
        (
            json!({ "frequency": "monthly", "frequencyDay": 5, "lines": [{ "description": "X", "quantity": "1", "unitPrice": "10", "priceRule": "bnr_rate" }] }),
            "lines[0].referenceCurrency",
        ),
        (
            json!({ "frequency": "monthly", "frequencyDay": 5, "lines": [{ "description": "", "quantity": "1", "unitPrice": "10" }] }),
            "lines[0].description",
        ),
        (
            json!({ "frequency": "monthly", "frequencyDay": 5, "lines": [] }),
            "lines",
        ),
        (
            json!({ "frequency": "monthly", "frequencyDay": 5, "dueDateType": "whenever", "lines": line }),
            "dueDateType",
        ),
        (
            json!({ "frequency": "monthly", "frequencyDay": 5, "clientId": "0190a0a0-0000-7000-8000-000000000000", "lines": line }),
            "clientId",
        ),
    ] {
        let reply = owner.post("/api/v1/recurring-invoices", body.clone()).await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        let keys: Vec<&str> = reply.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["key"].as_str().unwrap())
            .collect();
        assert!(keys.contains(&key), "{key} in {keys:?} for {body}");
    }
    let impossible = owner
        .post(
            "/api/v1/recurring-invoices",
            json!({ "frequency": "monthly", "nextIssuanceDate": "2026-02-30", "lines": line }),
        )
        .await;
    assert_eq!(impossible.status, 400, "{}", impossible.body);
    assert_eq!(
        owner.get("/api/v1/recurring-invoices").await.body["total"],
        0,
        "nothing was written"
    );

    // A PUT may not move the next run into the past.
    let t = template(&owner, monthly_on_31(&client)).await;
    let id = t["id"].as_str().unwrap();
    let past = owner
        .put(
            &format!("/api/v1/recurring-invoices/{id}"),
            json!({ "nextIssuanceDate": "2026-06-01" }),
        )
        .await;
    assert_eq!(past.status, 400, "{}", past.body);
    let changed = owner
        .put(
            &format!("/api/v1/recurring-invoices/{id}"),
            json!({ "frequency": "quarterly", "frequencyDay": 15, "nextIssuanceDate": "2026-07-15" }),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["frequency"], "quarterly");
    assert_eq!(changed.body["nextIssuanceDate"], "2026-07-15");
    assert_eq!(changed.body["total"], "605.00", "the lines stay");
}

#[tokio::test]
async fn a_run_that_cannot_be_made_says_why_and_is_tried_again_an_hour_later() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let t = template(&owner, monthly_on_31(&client)).await;
    let id: RecurringId = t["id"].as_str().unwrap().parse().unwrap();
    // Runs act as the template's author: once they are deactivated, nothing is issued.
    server::testing::deactivate_user(&app.state.db, &owner.email)
        .await
        .unwrap();
    assert_eq!(tick_on(&app, date!(2026 - 06 - 30)).await, 1);
    let stored = server::store::recurring::get_any(&app.state.db, id)
        .await
        .unwrap()
        .unwrap();
    let error = stored.last_error.expect("the failure is on the template");
    assert!(error.contains("no longer an active member"), "{error}");
    assert_eq!(stored.next_issuance_date, Some(date!(2026 - 06 - 30)));
    assert_eq!(
        server::testing::count_invoices(&app.state.db, "issued")
            .await
            .unwrap(),
        0
    );
    let failed = server::testing::event_payloads(&app.state.db, "recurring_invoice.failed")
        .await
        .unwrap();
    assert_eq!(failed.len(), 1);
    // Not queued again at every tick; an hour later it is.
    let now = app.clock_now();
    assert_eq!(
        server::jobs::schedule::queue_due_recurring(&app.state, now)
            .await
            .unwrap(),
        0
    );
    app.clock.advance(time::Duration::minutes(61));
    assert_eq!(
        server::jobs::schedule::queue_due_recurring(&app.state, app.clock_now())
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn a_recurring_invoice_is_e_mailed_on_its_day_at_its_time_once() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner
        .client_with_email("Abonat SRL", "abonat@firma.test")
        .await;
    let mut body = monthly_on_31(&client);
    body["autoEmailEnabled"] = json!(true);
    body["autoEmailTime"] = json!("14:00");
    body["autoEmailDayOffset"] = json!(1);
    let mut too_late = body.clone();
    too_late["autoEmailDayOffset"] = json!(90);
    let bad = owner.post("/api/v1/recurring-invoices", too_late).await;
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(
        bad.body.to_string().contains("autoEmailDayOffset"),
        "{}",
        bad.body
    );
    let t = template(&owner, body).await;
    let id = t["id"].as_str().unwrap().to_owned();

    // Issued on 30 June (10:00 UTC); the e-mail waits for 1 July, 14:00 in Bucharest (11:00 UTC).
    assert_eq!(tick_on(&app, date!(2026 - 06 - 30)).await, 1);
    let owner = owner.relogin().await;
    let issued = invoices(&owner).await;
    assert_eq!(issued.len(), 1);
    let invoice = issued[0]["id"].as_str().unwrap().to_owned();
    let log = owner
        .get(&format!("/api/v1/invoices/{invoice}/emails"))
        .await
        .body;
    assert_eq!(log.as_array().unwrap().len(), 1, "{log}");
    assert_eq!(
        (&log[0]["status"], &log[0]["toEmail"]),
        (&json!("queued"), &json!("abonat@firma.test"))
    );
    // The same period again queues nothing more.
    assert_eq!(tick_on(&app, date!(2026 - 06 - 30)).await, 0);
    app.clock
        .advance(time::Duration::hours(24) + time::Duration::minutes(59));
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert!(
        app.mail
            .mails()
            .iter()
            .all(|m| !m.to.iter().any(|t| t.contains("abonat@"))),
        "sent early"
    );

    app.clock.advance(time::Duration::minutes(1));
    app.jobs_done(&["send_document_email"]).await;
    let mails: Vec<_> = app
        .mail
        .mails()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t.contains("abonat@firma.test")))
        .collect();
    assert_eq!(mails.len(), 1);
    let data = mails[0].text();
    assert!(data.contains("Subject: Factura FCT0001 de la"), "{data}");
    assert!(
        data.contains("invoice-FCT0001.pdf") && data.contains("invoice-FCT0001.xml"),
        "{data}"
    );
    let owner = owner.relogin().await;
    let log = owner
        .get(&format!("/api/v1/invoices/{invoice}/emails"))
        .await
        .body;
    assert_eq!(
        (log.as_array().unwrap().len(), &log[0]["status"]),
        (1, &json!("sent"))
    );

    // A client without an address: the invoice is issued and the template says why it was not
    // e-mailed.
    let silent = owner.client().await;
    let mut body = monthly_on_31(&silent);
    body["autoEmailEnabled"] = json!(true);
    body["nextIssuanceDate"] = json!("2026-07-31");
    let quiet = template(&owner, body).await;
    let quiet_id = quiet["id"].as_str().unwrap();
    let now = owner
        .post(
            &format!("/api/v1/recurring-invoices/{quiet_id}/issue-now"),
            json!({}),
        )
        .await;
    assert_eq!(now.status, 200, "{}", now.body);
    let number = now.body["invoiceNumber"].as_str().unwrap();
    let after = get(&owner, quiet_id).await;
    assert_eq!(
        after["lastError"],
        format!("{number} was issued but not e-mailed: the client has no e-mail address")
    );
    assert_eq!(get(&owner, &id).await["lastError"], serde_json::Value::Null);
}

#[tokio::test]
async fn a_template_of_proformas_makes_one_sent_proforma_per_period() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner
        .client_with_email("Chiriaș SRL", "chirias@firma.test")
        .await;
    let mut body = monthly_on_31(&client);
    body["documentType"] = json!("proforma");
    body["autoEmailEnabled"] = json!(true);
    let mut submitted = body.clone();
    submitted["autoSubmit"] = json!(true);
    let refused = owner.post("/api/v1/recurring-invoices", submitted).await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(
        refused.body.to_string().contains("autoSubmit"),
        "{}",
        refused.body
    );
    let t = template(&owner, body).await;
    let id = t["id"].as_str().unwrap().to_owned();
    assert_eq!(t["documentType"], "proforma");

    assert_eq!(tick_on(&app, date!(2026 - 06 - 30)).await, 1);
    assert_eq!(tick_on(&app, date!(2026 - 06 - 30)).await, 0);
    let owner = owner.relogin().await;
    assert!(
        invoices(&owner).await.is_empty(),
        "a proforma is not an invoice"
    );
    let list = owner.get("/api/v1/proforma-invoices").await.body;
    let made = list["data"].as_array().unwrap();
    assert_eq!(made.len(), 1, "{list}");
    let proforma_id = made[0]["id"].as_str().unwrap().to_owned();
    let number = made[0]["number"].as_str().unwrap().to_owned();
    let proforma = owner
        .get(&format!("/api/v1/proforma-invoices/{proforma_id}"))
        .await
        .body;
    assert_eq!(proforma["status"], "sent");
    assert_eq!(proforma["issueDate"], "2026-06-30");
    assert_eq!(proforma["lines"][0]["description"], "Mentenanță iunie 2026");
    assert_eq!(proforma["total"], "605.00");
    let after = get(&owner, &id).await;
    assert_eq!(
        (
            &after["lastDocumentType"],
            &after["lastInvoiceId"],
            &after["lastInvoiceNumber"]
        ),
        (&json!("proforma"), &json!(proforma_id), &json!(number))
    );
    assert_eq!(after["nextIssuanceDate"], "2026-07-31");

    // E-mailed to the client at once (no time set), with the proforma's PDF.
    app.jobs_done(&["send_document_email"]).await;
    let mails: Vec<_> = app
        .mail
        .mails()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t.contains("chirias@firma.test")))
        .collect();
    assert_eq!(mails.len(), 1);
    let data = mails[0].text();
    let log = owner
        .get(&format!("/api/v1/proforma-invoices/{proforma_id}/emails"))
        .await
        .body;
    assert_eq!(log[0]["status"], "sent", "{log}");
    assert!(
        log[0]["subject"]
            .as_str()
            .unwrap()
            .starts_with(&format!("Factura proformă {number} de la ")),
        "{log}"
    );
    assert!(data.contains(&format!("proforma-{number}.pdf")), "{data}");

    let now = owner
        .post(
            &format!("/api/v1/recurring-invoices/{id}/issue-now"),
            json!({}),
        )
        .await;
    assert_eq!(now.status, 200, "{}", now.body);
    assert_eq!(now.body["documentType"], "proforma");
    let again = owner
        .get(&format!(
            "/api/v1/proforma-invoices/{}",
            now.body["invoiceId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.body["number"], now.body["invoiceNumber"]);
    assert_eq!(
        owner.get("/api/v1/proforma-invoices").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}
