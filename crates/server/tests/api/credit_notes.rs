//! Credit notes by lines (api.md §13, issue #7): a credit note of chosen lines and quantities,
//! the quantity left to credit of each line enforced at issue (nothing written when refused),
//! whole-invoice stornos one by one or in bulk, and lines that are not the invoice's refused.

use pretty_assertions::assert_eq;
use serde_json::{Value, json};

use crate::support::{Actor, TestApp};

/// An issued invoice (FCT0001): Consultanță 10 × 150.00 and Transport 1 × 99.99, 21% VAT.
async fn issued(actor: &Actor<'_>) -> Value {
    let id = actor.issued_invoice().await;
    actor.get(&format!("/api/v1/invoices/{id}")).await.body
}

async fn credit(actor: &Actor<'_>, id: &str, body: Value) -> crate::support::Reply {
    actor
        .post(&format!("/api/v1/invoices/{id}/credit-note"), body)
        .await
}

async fn issue(actor: &Actor<'_>, id: &str) -> crate::support::Reply {
    actor
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await
}

#[tokio::test]
async fn credit_notes_by_line_never_credit_more_than_was_invoiced() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let invoice = issued(&owner).await;
    let id = invoice["id"].as_str().unwrap();
    let consulting = invoice["lines"][0]["id"].as_str().unwrap();

    // 4 of the 10 hours.
    let first = credit(
        &owner,
        id,
        json!({ "lines": [{ "lineId": consulting, "quantity": "4" }] }),
    )
    .await;
    assert_eq!(first.status, 201, "{}", first.body);
    let note = &first.body["invoice"];
    assert_eq!(note["documentType"], "credit_note");
    assert_eq!(note["status"], "draft");
    assert_eq!(note["parentDocumentId"], id);
    assert_eq!(note["lines"].as_array().unwrap().len(), 1);
    assert_eq!(note["lines"][0]["quantity"], "-4.0000");
    assert_eq!(note["lines"][0]["parentLineId"], consulting);
    assert_eq!(note["total"], "-726.00");
    let first_id = note["id"].as_str().unwrap().to_owned();
    let done = issue(&owner, &first_id).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(done.body["status"], "refund");

    // 7 more is 1 too many: refused at issue, naming what is left; the draft stays a draft.
    let second = credit(
        &owner,
        id,
        json!({ "lines": [{ "lineId": consulting, "quantity": "7" }] }),
    )
    .await;
    assert_eq!(second.status, 201, "{}", second.body);
    let second_id = second.body["invoice"]["id"].as_str().unwrap().to_owned();
    let refused = issue(&owner, &second_id).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    let message = refused.body["error"].as_str().unwrap();
    assert!(
        message.contains("only 6 of the 10 invoiced on FCT0001 are left")
            && message.contains("4 credited by FCT0002"),
        "{message}"
    );
    let still = owner
        .get(&format!("/api/v1/invoices/{second_id}"))
        .await
        .body;
    assert_eq!(still["status"], "draft");

    // Corrected to 6, it goes through; then nothing of that line is left.
    let fixed = owner
        .put(
            &format!("/api/v1/invoices/{second_id}"),
            json!({ "lines": [{ "description": "Consultanță", "quantity": "-6", "unitPrice": "150.00", "vatRate": "21", "parentLineId": consulting }] }),
        )
        .await;
    assert_eq!(fixed.status, 200, "{}", fixed.body);
    assert_eq!(issue(&owner, &second_id).await.status, 200);
    let whole = credit(&owner, id, json!({})).await;
    assert_eq!(whole.status, 201, "{}", whole.body);
    assert_eq!(whole.body["invoice"]["lines"].as_array().unwrap().len(), 2);
    let whole_id = whole.body["invoice"]["id"].as_str().unwrap().to_owned();
    let over = issue(&owner, &whole_id).await;
    assert_eq!(over.status, 422, "{}", over.body);
    assert!(
        over.body["error"]
            .as_str()
            .unwrap()
            .contains("only 0 of the 10"),
        "{}",
        over.body
    );
    // Transport alone is still creditable.
    let transport = invoice["lines"][1]["id"].as_str().unwrap();
    let last = credit(&owner, id, json!({ "lines": [{ "lineId": transport }] })).await;
    assert_eq!(last.status, 201, "{}", last.body);
    assert_eq!(last.body["invoice"]["total"], "-120.99");
    let last_id = last.body["invoice"]["id"].as_str().unwrap().to_owned();
    assert_eq!(issue(&owner, &last_id).await.status, 200);
    let parent = owner.get(&format!("/api/v1/invoices/{id}")).await.body;
    assert_eq!(parent["status"], "refunded");
    // Three issued credit notes and the whole-invoice draft that was refused.
    assert_eq!(parent["refundInvoices"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn what_is_not_the_invoice_s_to_credit_is_refused() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let invoice = issued(&owner).await;
    let id = invoice["id"].as_str().unwrap();
    let other = issued(&owner).await;
    let foreign_line = other["lines"][0]["id"].as_str().unwrap();
    let line = invoice["lines"][0]["id"].as_str().unwrap();

    for (body, key) in [
        (
            json!({ "lines": [{ "lineId": foreign_line }] }),
            "lines[0].lineId",
        ),
        (
            json!({ "lines": [{ "lineId": line, "quantity": "11" }] }),
            "lines[0].quantity",
        ),
        (
            json!({ "lines": [{ "lineId": line, "quantity": "0" }] }),
            "lines[0].quantity",
        ),
    ] {
        let reply = credit(&owner, id, body.clone()).await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        assert_eq!(reply.body["errors"][0]["key"], key, "{}", reply.body);
    }
    // A hand-written credit note naming a line of another invoice.
    let manual = owner
        .post(
            "/api/v1/invoices",
            json!({ "documentType": "credit_note", "parentDocumentId": id, "receiverName": "X",
                    "lines": [{ "description": "x", "quantity": "-1", "unitPrice": "10", "parentLineId": foreign_line }] }),
        )
        .await;
    assert_eq!(manual.status, 400, "{}", manual.body);
    assert_eq!(manual.body["errors"][0]["key"], "lines[0].parentLineId");

    // A draft cannot be credited; bulk-storno reports each.
    let draft = owner.draft_invoice().await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(credit(&owner, &draft, json!({})).await.status, 422);
    let bulk = owner
        .post(
            "/api/v1/invoices/bulk-storno",
            json!({ "ids": [id, draft, "nu-e-id"] }),
        )
        .await;
    assert_eq!(bulk.status, 200, "{}", bulk.body);
    assert_eq!(bulk.body["created"], 1);
    assert_eq!(bulk.body["errors"].as_array().unwrap().len(), 2);
    let credits = owner.get("/api/v1/invoices?type=credit_note").await.body;
    assert_eq!(credits["total"], 1);
    assert_eq!(credits["data"][0]["total"], "-1935.99");

    // Another company's invoice does not exist for this one.
    let stranger = app.user().await.company().await;
    assert_eq!(credit(&stranger, id, json!({})).await.status, 404);
}

/// Text between `<tag>` (any attributes) and `</tag>`, each occurrence.
fn elements<'x>(xml: &'x str, tag: &str) -> Vec<&'x str> {
    xml.split(&format!("<{tag}"))
        .skip(1)
        .filter_map(|rest| {
            let body = rest.split_once('>')?.1;
            Some(body.split_once(&format!("</{tag}>"))?.0)
        })
        .collect()
}

#[tokio::test]
async fn a_company_may_write_its_credit_notes_as_ubl_credit_notes() {
    let app = TestApp::spawn().await;
    let owner = crate::efactura::connected(&app).await;
    let company = format!("/api/v1/companies/{}", owner.company.as_deref().unwrap());
    assert_eq!(owner.get(&company).await.body["creditNoteStyle"], "storno");
    let bad = owner
        .patch(&company, json!({ "creditNoteStyle": "381" }))
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(
        bad.body.to_string().contains("storno, credit_note"),
        "{}",
        bad.body
    );
    let set = owner
        .patch(&company, json!({ "creditNoteStyle": "credit_note" }))
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.body["creditNoteStyle"], "credit_note");

    let invoice = issued(&owner).await;
    let id = invoice["id"].as_str().unwrap();
    let consulting = invoice["lines"][0]["id"].as_str().unwrap();
    let note = credit(
        &owner,
        id,
        json!({ "lines": [{ "lineId": consulting, "quantity": "4" }] }),
    )
    .await;
    assert_eq!(note.status, 201, "{}", note.body);
    let note_id = note.body["invoice"]["id"].as_str().unwrap().to_owned();
    let done = issue(&owner, &note_id).await;
    assert_eq!(done.status, 200, "{}", done.body);
    // The read model keeps the storno's signs, whatever the XML says: balances and reports
    // add up the same for both styles.
    let read = owner.get(&format!("/api/v1/invoices/{note_id}")).await.body;
    assert_eq!(
        (&read["status"], &read["total"]),
        (&json!("refund"), &json!("-726.00"))
    );

    let xml = owner
        .get(&format!("/api/v1/invoices/{note_id}/xml"))
        .await
        .body;
    let xml = xml.as_str().unwrap();
    assert!(
        xml.contains(
            "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""
        ),
        "{xml}"
    );
    assert_eq!(elements(xml, "cbc:CreditNoteTypeCode"), ["381"]);
    assert_eq!(elements(xml, "cbc:CreditedQuantity"), ["4"]);
    assert_eq!(elements(xml, "cbc:PayableAmount"), ["726.00"]);
    assert_eq!(elements(xml, "cbc:LineExtensionAmount")[0], "600.00");
    assert!(
        elements(xml, "cac:BillingReference")[0].contains("FCT0001"),
        "{xml}"
    );
    // BR-CO-25: a positive amount due names its terms.
    assert!(
        elements(xml, "cac:PaymentTerms")[0].contains("Notă de credit pentru factura FCT0001"),
        "{xml}"
    );
    // The native validator, which issue ran, agrees on its own route.
    let (status, report) =
        crate::validation::validate(&app, Some(&owner.token), xml.as_bytes().to_vec()).await;
    assert_eq!((status, &report["valid"]), (200, &json!(true)), "{report}");

    let (status, _, _, text) =
        crate::pdfs::pdf_at(&owner, &format!("/api/v1/invoices/{note_id}/pdf")).await;
    assert_eq!(status, 200);
    let text = crate::pdfs::squeezed(&text);
    assert!(
        text.contains("Notădecredit") && text.contains("726,00") && !text.contains("-726,00"),
        "{text}"
    );

    // ANAF takes it as a credit note (standard=CN): the simulator refuses a CreditNote sent
    // as UBL.
    crate::efactura::submit(&owner, &note_id).await;
    crate::efactura::until_status(
        &app,
        &owner,
        &note_id,
        "validated",
        time::Duration::minutes(2),
    )
    .await;

    // Storno again: the next credit note is an invoice with negative quantities.
    owner
        .patch(&company, json!({ "creditNoteStyle": "storno" }))
        .await;
    let transport = invoice["lines"][1]["id"].as_str().unwrap();
    let storno = credit(&owner, id, json!({ "lines": [{ "lineId": transport }] })).await;
    let storno_id = storno.body["invoice"]["id"].as_str().unwrap().to_owned();
    assert_eq!(issue(&owner, &storno_id).await.status, 200);
    let xml = owner
        .get(&format!("/api/v1/invoices/{storno_id}/xml"))
        .await
        .body;
    let xml = xml.as_str().unwrap();
    assert_eq!(elements(xml, "cbc:InvoiceTypeCode"), ["380"]);
    assert_eq!(elements(xml, "cbc:InvoicedQuantity"), ["-1"]);
    assert_eq!(elements(xml, "cbc:PayableAmount"), ["-120.99"]);
}
