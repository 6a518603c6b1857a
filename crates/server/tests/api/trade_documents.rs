//! Proformas and delivery notes (api.md §15–16, issue #7) end to end through the API: their
//! status machines, numbering, conversion into invoices (one proforma, several notes) linked
//! both ways, storno notes, expiry, PDFs read back as text, refusals that write nothing, other
//! tenants' documents, and the events in the outbox.

use pretty_assertions::assert_eq;
use serde_json::{Value, json};

use crate::pdfs::{pdf_at, squeezed};
use crate::support::{Actor, TestApp};

const LINES: [(&str, &str, &str); 2] =
    [("Consultanță", "10", "150.00"), ("Transport", "1", "99.99")];

fn lines() -> Value {
    LINES
        .iter()
        .map(
            |(d, q, p)| json!({ "description": d, "quantity": q, "unitPrice": p, "vatRate": "21" }),
        )
        .collect()
}

async fn create(actor: &Actor<'_>, path: &str, body: Value) -> Value {
    let reply = actor.post(path, body).await;
    assert_eq!(reply.status, 201, "create {path}: {}", reply.body);
    reply.body
}

async fn proforma(actor: &Actor<'_>, client: &Value, extra: Value) -> Value {
    let mut body = json!({ "clientId": client["id"], "issueDate": "2026-06-10", "lines": lines() });
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    create(actor, "/api/v1/proforma-invoices", body).await
}

async fn note(actor: &Actor<'_>, client: &Value, lines: Value) -> Value {
    create(
        actor,
        "/api/v1/delivery-notes",
        json!({ "clientId": client["id"], "issueDate": "2026-06-12", "lines": lines }),
    )
    .await["deliveryNote"]
        .clone()
}

async fn post_ok(actor: &Actor<'_>, path: &str) -> Value {
    let reply = actor.post(path, json!({})).await;
    assert_eq!(reply.status, 200, "{path}: {}", reply.body);
    reply.body
}

async fn invoice_count(actor: &Actor<'_>) -> i64 {
    let reply = actor.get("/api/v1/invoices").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body["total"].as_i64().unwrap()
}

fn events(app: &TestApp, kind: &str) -> impl std::future::Future<Output = Vec<Value>> {
    let db = app.state.db.clone();
    let kind = kind.to_owned();
    async move {
        server::testing::event_payloads(&db, &kind)
            .await
            .unwrap()
            .iter()
            .map(|p| serde_json::from_str(p).unwrap())
            .collect()
    }
}

#[tokio::test]
async fn a_proforma_goes_from_draft_to_an_invoice_linked_both_ways() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let p = proforma(
        &owner,
        &client,
        json!({ "validUntil": "2026-07-10", "dueDate": "2026-07-20", "notes": "Ofertă valabilă 30 de zile" }),
    )
    .await;
    let id = p["id"].as_str().unwrap().to_owned();
    // Numbered at once from the company's default proforma series.
    assert_eq!(p["number"], "PRO0001");
    assert_eq!(p["status"], "draft");
    assert_eq!(
        (&p["subtotal"], &p["vatTotal"], &p["total"]),
        (&json!("1599.99"), &json!("336.00"), &json!("1935.99"))
    );
    assert_eq!(p["validUntil"], "2026-07-10");
    assert_eq!(p["client"]["name"], "Client Test SRL");
    assert_eq!(p["client"]["id"], client["id"]);
    // One `client` key in the raw JSON (a duplicate would hide the first from most parsers).
    let raw = crate::support::http_client()
        .get(format!(
            "{}/api/v1/proforma-invoices/{}",
            app.url,
            p["id"].as_str().unwrap()
        ))
        .bearer_auth(&owner.token)
        .header("X-Company", owner.company.as_deref().unwrap())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(raw.matches("\"client\":").count(), 1, "{raw}");
    assert_eq!(p["lines"][0]["lineTotal"], "1500.00");
    assert_eq!(p["lines"][1]["quantity"], "1.0000");
    assert_eq!(p["notes"], "Ofertă valabilă 30 de zile");

    // A draft can change; a stale version is refused.
    let changed = owner
        .put(
            &format!("/api/v1/proforma-invoices/{id}"),
            json!({ "notes": "Preț ferm", "version": p["version"] }),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["notes"], "Preț ferm");
    assert_eq!(changed.body["total"], "1935.99", "the lines stay");
    let stale = owner
        .put(
            &format!("/api/v1/proforma-invoices/{id}"),
            json!({ "notes": "Altceva", "version": p["version"] }),
        )
        .await;
    assert_eq!(stale.status, 409, "{}", stale.body);

    // Not yet sent: neither accepted nor invoiced.
    let early = owner
        .post(&format!("/api/v1/proforma-invoices/{id}/accept"), json!({}))
        .await;
    assert_eq!(early.status, 422, "{}", early.body);
    let early = owner
        .post(
            &format!("/api/v1/proforma-invoices/{id}/convert"),
            json!({}),
        )
        .await;
    assert_eq!(early.status, 422, "{}", early.body);
    assert!(
        early.body["error"].as_str().unwrap().contains("draft"),
        "{}",
        early.body
    );

    let sent = post_ok(&owner, &format!("/api/v1/proforma-invoices/{id}/send")).await;
    assert_eq!(sent["status"], "sent");
    assert!(sent["sentAt"].is_string());
    let locked = owner
        .put(
            &format!("/api/v1/proforma-invoices/{id}"),
            json!({ "notes": "După trimitere" }),
        )
        .await;
    assert_eq!(locked.status, 422, "{}", locked.body);
    let accepted = post_ok(&owner, &format!("/api/v1/proforma-invoices/{id}/accept")).await;
    assert_eq!(accepted["status"], "accepted");

    let before = invoice_count(&owner).await;
    let converted = owner
        .post(
            &format!("/api/v1/proforma-invoices/{id}/convert"),
            json!({}),
        )
        .await;
    assert_eq!(converted.status, 201, "{}", converted.body);
    let invoice = &converted.body;
    assert_eq!(invoice["status"], "draft");
    assert_eq!(invoice["documentType"], "invoice");
    assert_eq!(invoice["total"], "1935.99");
    assert_eq!(invoice["client"]["id"], client["id"]);
    assert_eq!(invoice["lines"].as_array().unwrap().len(), 2);
    assert_eq!(invoice["notes"], "Preț ferm");
    assert_eq!(invoice["issueDate"], "2026-06-15", "issued today");
    assert_eq!(invoice["dueDate"], "2026-07-20");
    assert_eq!(
        invoice["convertedFrom"],
        json!([{ "id": id, "kind": "proforma", "number": "PRO0001" }])
    );
    assert_eq!(invoice_count(&owner).await, before + 1);

    let after = owner
        .get(&format!("/api/v1/proforma-invoices/{id}"))
        .await
        .body;
    assert_eq!(after["status"], "converted");
    assert_eq!(after["convertedInvoice"]["id"], invoice["id"]);

    // Converting twice makes no second invoice; a converted proforma cannot be cancelled.
    let again = owner
        .post(
            &format!("/api/v1/proforma-invoices/{id}/convert"),
            json!({}),
        )
        .await;
    assert_eq!(again.status, 422, "{}", again.body);
    assert!(
        again.body["error"]
            .as_str()
            .unwrap()
            .contains("became an invoice"),
        "{}",
        again.body
    );
    assert_eq!(invoice_count(&owner).await, before + 1);
    let cancel = owner
        .post(&format!("/api/v1/proforma-invoices/{id}/cancel"), json!({}))
        .await;
    assert_eq!(cancel.status, 422, "{}", cancel.body);

    // The list and its filters.
    let listed = owner
        .get("/api/v1/proforma-invoices?status=converted")
        .await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    assert_eq!(listed.body["total"], 1);
    assert_eq!(listed.body["data"][0]["number"], "PRO0001");
    assert_eq!(listed.body["data"][0]["clientName"], "Client Test SRL");
    let none = owner.get("/api/v1/proforma-invoices?status=sent").await;
    assert_eq!(none.body["total"], 0);
    let bad = owner.get("/api/v1/proforma-invoices?status=paid").await;
    assert_eq!(bad.status, 400, "{}", bad.body);

    // Every step is in the outbox, the conversion naming the invoice.
    for (kind, count) in [
        ("proforma.created", 1),
        ("proforma.updated", 1),
        ("proforma.sent", 1),
        ("proforma.accepted", 1),
        ("proforma.converted", 1),
    ] {
        assert_eq!(events(&app, kind).await.len(), count, "{kind}");
    }
    let converted = &events(&app, "proforma.converted").await[0];
    assert_eq!(converted["invoiceId"], invoice["id"]);
    assert_eq!(converted["status"], "converted");
    assert_eq!(converted["total"], "1935.99");
}

#[tokio::test]
async fn proformas_refuse_what_cannot_be_and_write_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;

    let zero = owner
        .post(
            "/api/v1/proforma-invoices",
            json!({ "clientId": client["id"], "lines": [{ "description": "Nimic", "quantity": "0", "unitPrice": "10" }] }),
        )
        .await;
    assert_eq!(zero.status, 400, "{}", zero.body);
    assert_eq!(zero.body["errors"][0]["key"], "lines[0].quantity");
    let lapsed_before = owner
        .post(
            "/api/v1/proforma-invoices",
            json!({ "clientId": client["id"], "issueDate": "2026-06-10", "validUntil": "2026-06-01", "lines": lines() }),
        )
        .await;
    assert_eq!(lapsed_before.status, 400, "{}", lapsed_before.body);
    assert_eq!(lapsed_before.body["errors"][0]["key"], "validUntil");
    let invoice_series = owner.get("/api/v1/document-series").await.body;
    let fct = invoice_series
        .as_array()
        .or(invoice_series["data"].as_array())
        .unwrap()
        .iter()
        .find(|s| s["type"] == "invoice")
        .unwrap()["id"]
        .clone();
    let wrong_series = owner
        .post(
            "/api/v1/proforma-invoices",
            json!({ "clientId": client["id"], "documentSeriesId": fct, "lines": lines() }),
        )
        .await;
    assert_eq!(wrong_series.status, 400, "{}", wrong_series.body);
    assert_eq!(
        owner.get("/api/v1/proforma-invoices").await.body["total"],
        0,
        "nothing was written"
    );

    // Rejected, then cancelled; a cancelled proforma cannot be converted.
    let p = proforma(&owner, &client, json!({})).await;
    let id = p["id"].as_str().unwrap();
    post_ok(&owner, &format!("/api/v1/proforma-invoices/{id}/send")).await;
    let rejected = post_ok(&owner, &format!("/api/v1/proforma-invoices/{id}/reject")).await;
    assert_eq!(rejected["status"], "rejected");
    let cancelled = post_ok(&owner, &format!("/api/v1/proforma-invoices/{id}/cancel")).await;
    assert_eq!(cancelled["status"], "cancelled");
    let before = invoice_count(&owner).await;
    let convert = owner
        .post(
            &format!("/api/v1/proforma-invoices/{id}/convert"),
            json!({}),
        )
        .await;
    assert_eq!(convert.status, 422, "{}", convert.body);
    assert_eq!(invoice_count(&owner).await, before);

    // A sent proforma past its validity expires at the scheduler's tick, once.
    let p = proforma(&owner, &client, json!({ "validUntil": "2026-06-14" })).await;
    let lapsing = p["id"].as_str().unwrap();
    post_ok(&owner, &format!("/api/v1/proforma-invoices/{lapsing}/send")).await;
    let now = app.clock_now();
    let expired = server::documents::trade::expire_lapsed(&app.state, now)
        .await
        .unwrap();
    assert_eq!(expired, 1);
    assert_eq!(
        server::documents::trade::expire_lapsed(&app.state, now)
            .await
            .unwrap(),
        0
    );
    let got = owner
        .get(&format!("/api/v1/proforma-invoices/{lapsing}"))
        .await
        .body;
    assert_eq!(got["status"], "expired");
    assert!(got["expiredAt"].is_string());
    let late = owner
        .post(
            &format!("/api/v1/proforma-invoices/{lapsing}/convert"),
            json!({}),
        )
        .await;
    assert_eq!(late.status, 422, "{}", late.body);
    assert_eq!(events(&app, "proforma.expired").await.len(), 1);

    // Deleting: a draft goes, a sent one does not; bulk-delete reports each.
    let draft = proforma(&owner, &client, json!({})).await;
    let sent = proforma(&owner, &client, json!({})).await;
    post_ok(
        &owner,
        &format!(
            "/api/v1/proforma-invoices/{}/send",
            sent["id"].as_str().unwrap()
        ),
    )
    .await;
    let bulk = owner
        .post(
            "/api/v1/proforma-invoices/bulk-delete",
            json!({ "ids": [draft["id"], sent["id"], "not-an-id"] }),
        )
        .await;
    assert_eq!(bulk.status, 200, "{}", bulk.body);
    assert_eq!(bulk.body["deleted"], 1);
    assert_eq!(bulk.body["errors"].as_array().unwrap().len(), 2);
    let gone = owner
        .get(&format!(
            "/api/v1/proforma-invoices/{}",
            draft["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(gone.status, 404);

    // Another company's proforma does not exist for this one.
    let stranger = app.user().await.company().await;
    for path in [
        format!("/api/v1/proforma-invoices/{id}"),
        format!("/api/v1/proforma-invoices/{id}/pdf"),
    ] {
        assert_eq!(stranger.get(&path).await.status, 404, "{path}");
    }
    for path in ["send", "accept", "cancel", "convert"] {
        let reply = stranger
            .post(&format!("/api/v1/proforma-invoices/{id}/{path}"), json!({}))
            .await;
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
    }
    let put = stranger
        .put(
            &format!("/api/v1/proforma-invoices/{id}"),
            json!({ "notes": "x" }),
        )
        .await;
    assert_eq!(put.status, 404);
}

#[tokio::test]
async fn delivery_notes_are_numbered_invoiced_together_and_reversed() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let first = note(
        &owner,
        &client,
        json!([{ "description": "Ciment 40 kg", "quantity": "20", "unitPrice": "35.50", "vatRate": "21", "unitOfMeasure": "sac", "unitCode": "XBG" }]),
    )
    .await;
    let second = note(
        &owner,
        &client,
        json!([{ "description": "Nisip", "quantity": "2", "unitPrice": "120.00", "vatRate": "21" }]),
    )
    .await;
    let (a, b) = (
        first["id"].as_str().unwrap().to_owned(),
        second["id"].as_str().unwrap().to_owned(),
    );
    assert!(first["number"].as_str().unwrap().starts_with("DRAFT-"));
    assert_eq!(first["skipEtransport"], true);

    // Not issued: not invoiced.
    let early = owner
        .post(&format!("/api/v1/delivery-notes/{a}/convert"), json!({}))
        .await;
    assert_eq!(early.status, 422, "{}", early.body);

    // Issued in their own series, created on first need.
    let issued_a = post_ok(&owner, &format!("/api/v1/delivery-notes/{a}/issue")).await;
    let issued_b = post_ok(&owner, &format!("/api/v1/delivery-notes/{b}/issue")).await;
    assert_eq!(
        (&issued_a["number"], &issued_b["number"]),
        (&json!("AVZ0001"), &json!("AVZ0002"))
    );
    assert_eq!(issued_a["status"], "issued");
    assert!(issued_a["issuedAt"].is_string());

    // A note of another client cannot join them; nothing changes.
    let other_client = owner.client().await;
    let other = note(
        &owner,
        &other_client,
        json!([{ "description": "Var", "quantity": "1", "unitPrice": "10", "vatRate": "21" }]),
    )
    .await;
    let c = other["id"].as_str().unwrap().to_owned();
    post_ok(&owner, &format!("/api/v1/delivery-notes/{c}/issue")).await;
    let before = invoice_count(&owner).await;
    let mixed = owner
        .post(
            "/api/v1/delivery-notes/bulk-convert",
            json!({ "ids": [a, c] }),
        )
        .await;
    assert_eq!(mixed.status, 422, "{}", mixed.body);
    let twice = owner
        .post(
            "/api/v1/delivery-notes/bulk-convert",
            json!({ "ids": [a, a] }),
        )
        .await;
    assert_eq!(twice.status, 400, "{}", twice.body);
    assert_eq!(invoice_count(&owner).await, before);
    let still = owner.get(&format!("/api/v1/delivery-notes/{a}")).await.body;
    assert_eq!(still["status"], "issued");

    // Both notes into one invoice: every line, the notes named.
    let both = owner
        .post(
            "/api/v1/delivery-notes/bulk-convert",
            json!({ "ids": [a, b] }),
        )
        .await;
    assert_eq!(both.status, 201, "{}", both.body);
    let invoice = &both.body;
    assert_eq!(invoice["lines"].as_array().unwrap().len(), 2);
    assert_eq!(invoice["lines"][0]["description"], "Ciment 40 kg");
    assert_eq!(invoice["lines"][0]["unitOfMeasure"], "sac");
    // 20 × 35.50 + 2 × 120.00 = 950.00, VAT 21% = 199.50.
    assert_eq!(
        (&invoice["subtotal"], &invoice["total"]),
        (&json!("950.00"), &json!("1149.50"))
    );
    assert!(
        invoice["notes"]
            .as_str()
            .unwrap()
            .contains("AVZ0001, AVZ0002"),
        "{}",
        invoice["notes"]
    );
    assert_eq!(invoice["convertedFrom"].as_array().unwrap().len(), 2);
    assert_eq!(invoice_count(&owner).await, before + 1);
    for id in [&a, &b] {
        let n = owner
            .get(&format!("/api/v1/delivery-notes/{id}"))
            .await
            .body;
        assert_eq!(n["status"], "converted");
        assert_eq!(n["convertedInvoice"]["id"], invoice["id"]);
    }
    // A note converted twice: refused, naming it, nothing written.
    let again = owner
        .post(&format!("/api/v1/delivery-notes/{b}/convert"), json!({}))
        .await;
    assert_eq!(again.status, 422, "{}", again.body);
    assert!(
        again.body["error"].as_str().unwrap().contains("AVZ0002"),
        "{}",
        again.body
    );
    assert_eq!(invoice_count(&owner).await, before + 1);
    assert_eq!(events(&app, "delivery_note.converted").await.len(), 2);

    // One note alone names itself as the despatch advice (BT-16).
    let single = owner
        .post(&format!("/api/v1/delivery-notes/{c}/convert"), json!({}))
        .await;
    assert_eq!(single.status, 201, "{}", single.body);
    assert_eq!(single.body["despatchAdviceReference"], "AVZ0003");

    // A storno note reverses the quantities, once; the note it reverses stays put meanwhile.
    let storno = owner
        .post(&format!("/api/v1/delivery-notes/{a}/storno"), json!({}))
        .await;
    assert_eq!(storno.status, 201, "{}", storno.body);
    assert_eq!(storno.body["status"], "draft");
    assert_eq!(storno.body["lines"][0]["quantity"], "-20.0000");
    assert_eq!(storno.body["total"], "-859.10");
    assert_eq!(storno.body["reverses"]["number"], "AVZ0001");
    let second_storno = owner
        .post(&format!("/api/v1/delivery-notes/{a}/storno"), json!({}))
        .await;
    assert_eq!(second_storno.status, 422, "{}", second_storno.body);
    let s = storno.body["id"].as_str().unwrap();
    let issued = post_ok(&owner, &format!("/api/v1/delivery-notes/{s}/issue")).await;
    assert_eq!(issued["number"], "AVZ0004");

    // Cancel and restore keep the number; a cancelled note cannot be issued or invoiced.
    let cancelled = post_ok(&owner, &format!("/api/v1/delivery-notes/{s}/cancel")).await;
    assert_eq!(cancelled["status"], "cancelled");
    let restored = post_ok(&owner, &format!("/api/v1/delivery-notes/{s}/restore")).await;
    assert_eq!(
        (&restored["status"], &restored["number"]),
        (&json!("draft"), &json!("AVZ0004"))
    );
    let reissued = post_ok(&owner, &format!("/api/v1/delivery-notes/{s}/issue")).await;
    assert_eq!(reissued["number"], "AVZ0004", "no number taken twice");

    let listed = owner
        .get("/api/v1/delivery-notes?sort=number&order=asc")
        .await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    let numbers: Vec<&str> = listed.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["AVZ0001", "AVZ0002", "AVZ0003", "AVZ0004"]);
}

#[tokio::test]
async fn a_delivery_note_from_a_proforma_and_both_pdfs() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let p = proforma(&owner, &client, json!({ "validUntil": "2026-07-10" })).await;
    let id = p["id"].as_str().unwrap();

    let draft_source = owner
        .post(
            "/api/v1/delivery-notes/from-proforma",
            json!({ "proformaId": id }),
        )
        .await;
    assert_eq!(
        draft_source.status, 422,
        "a draft proforma: {}",
        draft_source.body
    );
    post_ok(&owner, &format!("/api/v1/proforma-invoices/{id}/send")).await;
    let made = owner
        .post(
            "/api/v1/delivery-notes/from-proforma",
            json!({ "proformaId": id }),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(made.body["proforma"]["number"], "PRO0001");
    assert_eq!(made.body["total"], "1935.99");
    assert_eq!(made.body["client"]["id"], client["id"]);
    let listed = owner
        .get(&format!("/api/v1/proforma-invoices/{id}"))
        .await
        .body;
    assert_eq!(listed["deliveryNotes"][0]["id"], made.body["id"]);

    let (status, kind, disposition, text) =
        pdf_at(&owner, &format!("/api/v1/proforma-invoices/{id}/pdf")).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"), "{text}");
    assert_eq!(disposition, "inline; filename=\"proforma-PRO0001.pdf\"");
    let flat = squeezed(&text);
    for expected in [
        "Facturăproformă",
        "PRO0001",
        "Consultanță",
        "1.935,99",
        "ClientTestSRL",
    ] {
        assert!(flat.contains(expected), "{expected} in {text}");
    }

    let n = made.body["id"].as_str().unwrap();
    post_ok(&owner, &format!("/api/v1/delivery-notes/{n}/issue")).await;
    let (status, _, disposition, text) =
        pdf_at(&owner, &format!("/api/v1/delivery-notes/{n}/pdf")).await;
    assert_eq!(status, 200, "{text}");
    assert_eq!(
        disposition,
        "inline; filename=\"delivery-note-AVZ0001.pdf\""
    );
    let flat = squeezed(&text);
    assert!(flat.contains("Avizdeînsoțireamărfii"), "{text}");
    assert!(flat.contains("1.935,99"), "{text}");
    // A packing list: the goods without their prices.
    let (status, _, _, text) = pdf_at(
        &owner,
        &format!("/api/v1/delivery-notes/{n}/pdf?hidePrices=true"),
    )
    .await;
    assert_eq!(status, 200, "{text}");
    let flat = squeezed(&text);
    assert!(flat.contains("Consultanță"), "{text}");
    assert!(!flat.contains("1.935,99"), "no total: {text}");

    let stranger = app.user().await.company().await;
    let (status, ..) = pdf_at(&stranger, &format!("/api/v1/delivery-notes/{n}/pdf")).await;
    assert_eq!(status, 404);
    let foreign = stranger
        .post(
            "/api/v1/delivery-notes/from-proforma",
            json!({ "proformaId": id }),
        )
        .await;
    assert_eq!(foreign.status, 404, "{}", foreign.body);
}
