//! Payments (api.md §14, issue #7): recorded and deleted through the API, the invoice's
//! `amountPaid`, `balance`, `paidAt` and derived `paymentStatus` kept in step, refusals that
//! write nothing, concurrent payments that never take more than the balance, and the
//! `payment.received` / `payment.deleted` events in the outbox.

use futures::future::join_all;
use pretty_assertions::assert_eq;
use serde_json::{Value, json};

use crate::support::members::join;
use crate::support::{Actor, TestApp};

async fn invoice(actor: &Actor<'_>, id: &str) -> Value {
    let reply = actor.get(&format!("/api/v1/invoices/{id}")).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body
}

async fn pay(actor: &Actor<'_>, id: &str, body: Value) -> crate::support::Reply {
    actor
        .post(&format!("/api/v1/invoices/{id}/payments"), body)
        .await
}

/// What the invoice shows of its payments.
async fn standing(actor: &Actor<'_>, id: &str) -> (Value, Value, Value, Value) {
    let inv = invoice(actor, id).await;
    (
        inv["amountPaid"].clone(),
        inv["balance"].clone(),
        inv["paidAt"].clone(),
        inv["paymentStatus"].clone(),
    )
}

#[tokio::test]
async fn payments_add_up_and_settle_the_invoice() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;
    assert_eq!(invoice(&owner, &id).await["total"], "1935.99");
    assert_eq!(
        standing(&owner, &id).await,
        (
            json!("0.00"),
            json!("1935.99"),
            Value::Null,
            json!("unpaid")
        )
    );

    let first = pay(
        &owner,
        &id,
        json!({ "amount": "1000.00", "paymentMethod": "bank_transfer", "paymentDate": "2026-06-10", "reference": "OP 17" }),
    )
    .await;
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(first.body["amount"], "1000.00");
    assert_eq!(first.body["currency"], "RON");
    assert_eq!(first.body["paymentDate"], "2026-06-10");
    assert_eq!(first.body["reference"], "OP 17");
    assert_eq!(first.body["isReconciled"], false);
    assert_eq!(first.body["isOverpayment"], false);
    assert_eq!(
        standing(&owner, &id).await,
        (
            json!("1000.00"),
            json!("935.99"),
            Value::Null,
            json!("partially_paid")
        )
    );

    // A number is accepted as well as a string; the date defaults to today.
    let second = pay(
        &owner,
        &id,
        json!({ "amount": 935.99, "paymentMethod": "cash" }),
    )
    .await;
    assert_eq!(second.status, 201, "{}", second.body);
    assert_eq!(second.body["paymentDate"], "2026-06-15");
    let inv = invoice(&owner, &id).await;
    assert_eq!(inv["amountPaid"], "1935.99");
    assert_eq!(inv["balance"], "0.00");
    assert!(
        inv["paidAt"].as_str().unwrap().starts_with("2026-06-15"),
        "{inv}"
    );
    assert_eq!(inv["paymentMethod"], "cash");
    assert_eq!(inv["paymentStatus"], "paid");
    assert_eq!(inv["status"], "issued", "payments do not change the status");
    assert_eq!(inv["payments"].as_array().unwrap().len(), 2);

    let list = owner.get(&format!("/api/v1/invoices/{id}/payments")).await;
    assert_eq!(list.status, 200);
    let ids: Vec<&Value> = list
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["id"])
        .collect();
    assert_eq!(
        ids,
        vec![&second.body["id"], &first.body["id"]],
        "newest first"
    );

    // The list's filters follow.
    let paid = owner.get("/api/v1/invoices?isPaid=true").await;
    assert_eq!(paid.body["data"][0]["id"], id.as_str());
    assert_eq!(paid.body["data"][0]["paymentStatus"], "paid");

    let gone = owner
        .delete(&format!(
            "/api/v1/invoices/{id}/payments/{}",
            second.body["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(gone.status, 204, "{}", gone.body);
    assert_eq!(
        standing(&owner, &id).await,
        (
            json!("1000.00"),
            json!("935.99"),
            Value::Null,
            json!("partially_paid")
        )
    );
    let again = owner
        .delete(&format!(
            "/api/v1/invoices/{id}/payments/{}",
            second.body["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!((again.status, again.error()), (404, "Payment not found."));

    // The events are in the invoice's history, which keeps its status through them.
    let history = owner.get(&format!("/api/v1/invoices/{id}/events")).await;
    let kinds: Vec<(&str, &str)> = history
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["event"].as_str().unwrap(),
                e["newStatus"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds[kinds.len() - 3..],
        [
            ("payment.received", "issued"),
            ("payment.received", "issued"),
            ("payment.deleted", "issued")
        ],
        "{}",
        history.body
    );
    let events = server::testing::event_payloads(&app.state.db, "payment.received")
        .await
        .unwrap();
    assert_eq!(events.len(), 2);
    let received: Value = serde_json::from_str(&events[0]).unwrap();
    assert_eq!(received["paymentId"], first.body["id"]);
    assert_eq!(received["invoiceId"], id.as_str());
    assert_eq!(received["amount"], "1000.00");
    assert_eq!(received["paymentMethod"], "bank_transfer");
    assert_eq!(received["currency"], "RON");
    let deleted = server::testing::event_payloads(&app.state.db, "payment.deleted")
        .await
        .unwrap();
    assert_eq!(deleted.len(), 1);
}

#[tokio::test]
async fn an_unpaid_invoice_past_its_due_date_is_overdue() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;
    app.clock.advance(time::Duration::days(31));
    let owner = app
        .login(&owner.email)
        .await
        .acting_for(owner.company.as_deref().unwrap());
    assert_eq!(invoice(&owner, &id).await["paymentStatus"], "overdue");
    let overdue = owner.get("/api/v1/invoices?isOverdue=true").await;
    assert_eq!(overdue.body["data"][0]["id"], id.as_str());
    let reply = pay(
        &owner,
        &id,
        json!({ "amount": "1935.99", "paymentMethod": "card" }),
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(invoice(&owner, &id).await["paymentStatus"], "paid");
    let overdue = owner.get("/api/v1/invoices?isOverdue=true").await;
    assert_eq!(overdue.body["data"], json!([]));
}

#[tokio::test]
async fn bad_payments_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;
    let cases = [
        (
            json!({ "paymentMethod": "cash" }),
            400,
            "amount is required.",
        ),
        (json!({ "amount": "10" }), 400, "paymentMethod is required."),
        (
            json!({ "amount": "10", "paymentMethod": "  " }),
            400,
            "paymentMethod is required.",
        ),
        (
            json!({ "amount": "0", "paymentMethod": "cash" }),
            422,
            "The payment amount must be greater than 0.",
        ),
        (
            json!({ "amount": "-5", "paymentMethod": "cash" }),
            422,
            "The payment amount must be greater than 0.",
        ),
        (
            json!({ "amount": "1.005", "paymentMethod": "cash" }),
            422,
            "The payment amount has more than 2 decimals, or is too large.",
        ),
        (
            json!({ "amount": "10", "paymentMethod": "cash", "paymentDate": "2026-06-16" }),
            400,
            "paymentDate cannot be in the future.",
        ),
        (
            json!({ "amount": "10", "paymentMethod": "cash", "currency": "EUR" }),
            422,
            "The payment is in EUR but the invoice is in RON: record it in RON.",
        ),
        (
            json!({ "amount": "2000", "paymentMethod": "cash" }),
            422,
            "The payment of 2000.00 RON exceeds the balance of 1935.99 RON; send overpayment: true to record it anyway.",
        ),
        (
            json!({ "amount": "10", "paymentMethod": "cash", "reference": "x".repeat(201) }),
            400,
            "reference is longer than 200 characters.",
        ),
    ];
    for (body, status, error) in cases {
        let reply = pay(&owner, &id, body.clone()).await;
        assert_eq!((reply.status, reply.error()), (status, error), "{body}");
    }
    for body in [
        json!({ "amount": "ten", "paymentMethod": "cash" }),
        json!({ "amount": "10", "paymentMethod": 5 }),
        json!({ "amount": "10", "paymentMethod": "cash", "paymentDate": "15.06.2026" }),
        json!([1, 2]),
    ] {
        let reply = pay(&owner, &id, body.clone()).await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
    }
    let raw = app
        .send(
            crate::support::http_client()
                .post(format!("{}/api/v1/invoices/{id}/payments", app.url))
                .bearer_auth(&owner.token)
                .header("X-Company", owner.company.as_deref().unwrap())
                .header("Content-Type", "application/json")
                .body("{\"amount\": \"10\", "),
            None,
        )
        .await;
    assert_eq!(raw.status, 400, "malformed JSON: {}", raw.body);
    assert_eq!(
        standing(&owner, &id).await,
        (
            json!("0.00"),
            json!("1935.99"),
            Value::Null,
            json!("unpaid")
        ),
        "nothing was written"
    );
    assert!(
        owner
            .get(&format!("/api/v1/invoices/{id}/payments"))
            .await
            .body
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Past the balance on purpose.
    let over = pay(
        &owner,
        &id,
        json!({ "amount": "2000", "paymentMethod": "cash", "overpayment": true }),
    )
    .await;
    assert_eq!(over.status, 201, "{}", over.body);
    assert_eq!(over.body["isOverpayment"], true);
    let inv = invoice(&owner, &id).await;
    assert_eq!(
        (inv["balance"].as_str(), inv["paymentStatus"].as_str()),
        (Some("-64.01"), Some("paid"))
    );
    let more = pay(
        &owner,
        &id,
        json!({ "amount": "1", "paymentMethod": "cash" }),
    )
    .await;
    assert_eq!(
        (more.status, more.error()),
        (
            422,
            "Nothing is left to pay on this invoice; send overpayment: true to record the payment anyway."
        )
    );

    // A cancelled invoice takes none.
    let draft = owner.draft_invoice().await;
    let draft_id = draft["id"].as_str().unwrap();
    let cancelled = owner
        .post(&format!("/api/v1/invoices/{draft_id}/cancel"), json!({}))
        .await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    let refused = pay(
        &owner,
        draft_id,
        json!({ "amount": "1", "paymentMethod": "cash" }),
    )
    .await;
    assert_eq!(
        (refused.status, refused.error()),
        (422, "A cancelled invoice takes no payments.")
    );
}

#[tokio::test]
async fn foreign_invoices_and_missing_permissions_are_refused() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;
    let paid = pay(
        &owner,
        &id,
        json!({ "amount": "5", "paymentMethod": "cash" }),
    )
    .await;
    let payment = paid.body["id"].as_str().unwrap().to_owned();

    let stranger = app.user().await.company().await;
    assert_eq!(
        stranger
            .get(&format!("/api/v1/invoices/{id}/payments"))
            .await
            .status,
        404
    );
    let reply = pay(
        &stranger,
        &id,
        json!({ "amount": "5", "paymentMethod": "cash" }),
    )
    .await;
    assert_eq!((reply.status, reply.error()), (404, "Invoice not found."));
    let reply = stranger
        .delete(&format!("/api/v1/invoices/{id}/payments/{payment}"))
        .await;
    assert_eq!(reply.status, 404);
    // A payment id under another of the owner's invoices is not found either.
    let other = owner.issued_invoice().await;
    let reply = owner
        .delete(&format!("/api/v1/invoices/{other}/payments/{payment}"))
        .await;
    assert_eq!((reply.status, reply.error()), (404, "Payment not found."));

    let company = owner.company.clone().unwrap();
    let employee = join(&app, &owner, "employee", json!([company])).await;
    let employee = employee.acting_for(&company);
    assert_eq!(
        employee
            .get(&format!("/api/v1/invoices/{id}/payments"))
            .await
            .status,
        200
    );
    let reply = pay(
        &employee,
        &id,
        json!({ "amount": "5", "paymentMethod": "cash" }),
    )
    .await;
    assert_eq!(reply.status, 403, "{}", reply.body);
    let reply = employee
        .delete(&format!("/api/v1/invoices/{id}/payments/{payment}"))
        .await;
    assert_eq!(reply.status, 403, "{}", reply.body);
    assert_eq!(invoice(&owner, &id).await["amountPaid"], "5.00");
}

/// Twelve payments of 200.00 at once against a balance of 1935.99: nine fit, three are refused,
/// and the invoice's paid amount is exactly what was accepted.
#[tokio::test]
async fn concurrent_payments_never_take_more_than_the_balance() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;
    let replies = join_all((0..12).map(|_| {
        pay(
            &owner,
            &id,
            json!({ "amount": "200.00", "paymentMethod": "bank_transfer" }),
        )
    }))
    .await;
    let accepted = replies.iter().filter(|r| r.status == 201).count();
    let refused = replies.iter().filter(|r| r.status == 422).count();
    let answers: Vec<(u16, &str)> = replies.iter().map(|r| (r.status, r.error())).collect();
    assert_eq!((accepted, refused), (9, 3), "{answers:?}");
    let inv = invoice(&owner, &id).await;
    assert_eq!(inv["amountPaid"], "1800.00");
    assert_eq!(inv["balance"], "135.99");
    let listed = owner.get(&format!("/api/v1/invoices/{id}/payments")).await;
    assert_eq!(listed.body.as_array().unwrap().len(), 9);
}

#[tokio::test]
async fn bulk_mark_paid_and_unpaid_report_each_invoice() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let (a, b) = (owner.issued_invoice().await, owner.issued_invoice().await);
    pay(
        &owner,
        &b,
        json!({ "amount": "35.99", "paymentMethod": "cash" }),
    )
    .await;
    let stranger = app.user().await.company().await;
    let foreign = stranger.issued_invoice().await;

    let reply = owner
        .post(
            "/api/v1/invoices/bulk-mark-paid",
            json!({ "ids": [a, b, foreign, "not-an-id"], "paymentMethod": "card", "paidAt": "2026-06-14" }),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["marked"], 2);
    assert_eq!(
        reply.body["errors"],
        json!([
            { "id": foreign, "error": "Invoice not found." },
            { "id": "not-an-id", "error": "Invoice not found." },
        ])
    );
    // `paidAt` and the method are the latest payment's: b's cash payment is dated later.
    for (id, method, day) in [(&a, "card", "2026-06-14"), (&b, "cash", "2026-06-15")] {
        let inv = invoice(&owner, id).await;
        assert_eq!(
            (inv["balance"].as_str(), inv["paymentStatus"].as_str()),
            (Some("0.00"), Some("paid"))
        );
        assert_eq!(inv["paymentMethod"], method);
        assert!(inv["paidAt"].as_str().unwrap().starts_with(day), "{inv}");
    }
    let b_payments = owner.get(&format!("/api/v1/invoices/{b}/payments")).await;
    assert_eq!(
        b_payments.body[1]["amount"], "1900.00",
        "the balance left, dated earlier"
    );

    let again = owner
        .post("/api/v1/invoices/bulk-mark-paid", json!({ "ids": [a] }))
        .await;
    assert_eq!(
        again.body["errors"][0]["error"],
        "Nothing is left to pay on this invoice."
    );
    assert_eq!(
        owner
            .post("/api/v1/invoices/bulk-mark-paid", json!({ "ids": [] }))
            .await
            .status,
        400
    );

    let reply = owner
        .post(
            "/api/v1/invoices/bulk-mark-unpaid",
            json!({ "ids": [a, b, foreign] }),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["unmarked"], 2);
    assert_eq!(reply.body["errors"][0]["id"], foreign.as_str());
    for id in [&a, &b] {
        assert_eq!(
            standing(&owner, id).await,
            (
                json!("0.00"),
                json!("1935.99"),
                Value::Null,
                json!("unpaid")
            )
        );
    }
    let none = owner
        .post("/api/v1/invoices/bulk-mark-unpaid", json!({ "ids": [a] }))
        .await;
    assert_eq!(
        none.body["errors"][0]["error"],
        "The invoice has no payments."
    );
    assert_eq!(
        invoice(&stranger, &foreign).await["amountPaid"],
        "0.00",
        "the other tenant's invoice is untouched"
    );
}

#[tokio::test]
async fn an_invoice_created_with_collect_is_paid_at_once_or_not_created() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let body = |collect: Value| {
        json!({
            "clientId": client["id"], "issueDate": "2026-06-15", "dueDate": "2026-07-15",
            "lines": [{ "description": "Consultanță", "quantity": "10", "unitPrice": "150.00", "vatRate": "21" }],
            "collect": collect,
        })
    };
    let part = owner
        .post(
            "/api/v1/invoices",
            body(json!({ "value": "500.00", "type": "card", "documentNumber": "CH-12", "mentions": "avans" })),
        )
        .await;
    assert_eq!(part.status, 201, "{}", part.body);
    let id = part.body["invoice"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        standing(&owner, &id).await,
        (
            json!("500.00"),
            json!("1315.00"),
            Value::Null,
            json!("partially_paid")
        )
    );
    let paid = owner
        .get(&format!("/api/v1/invoices/{id}/payments"))
        .await
        .body;
    assert_eq!(paid[0]["paymentMethod"], "card");
    assert_eq!(paid[0]["reference"], "CH-12");
    assert_eq!(paid[0]["notes"], "avans");

    // Without a value, the whole total, in cash.
    let whole = owner.post("/api/v1/invoices", body(json!({}))).await;
    assert_eq!(whole.status, 201, "{}", whole.body);
    let id = whole.body["invoice"]["id"].as_str().unwrap().to_owned();
    let (amount, balance, paid_at, status) = standing(&owner, &id).await;
    assert_eq!(
        (amount, balance, status),
        (json!("1815.00"), json!("0.00"), json!("paid"))
    );
    assert!(paid_at.is_string());
    let paid = owner
        .get(&format!("/api/v1/invoices/{id}/payments"))
        .await
        .body;
    assert_eq!(paid[0]["paymentMethod"], "cash");

    // A payment that cannot be recorded refuses the invoice with it.
    let before = owner.get("/api/v1/invoices").await.body["total"].clone();
    let over = owner
        .post("/api/v1/invoices", body(json!({ "value": "5000.00" })))
        .await;
    assert_eq!(over.status, 400, "{}", over.body);
    assert!(over.error().contains("collect"), "{}", over.body);
    assert_eq!(owner.get("/api/v1/invoices").await.body["total"], before);
}
