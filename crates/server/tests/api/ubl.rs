use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{Actor, TestApp};

/// Creates a draft for a new client of the company, issues it and returns its id.
async fn issued(user: &Actor<'_>, body: Value) -> String {
    let mut body = body;
    body["clientId"] = user.client().await["id"].clone();
    body["dueDate"] = json!("2026-07-15");
    let created = user.post("/api/v1/invoices", body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["invoice"]["id"].as_str().unwrap().to_owned();
    let reply = user
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await;
    assert_eq!(reply.status, 200, "issue: {}", reply.body);
    id
}

/// The UBL of an invoice as the XML route serves it, with its filename.
async fn xml(user: &Actor<'_>, id: &str) -> (String, String) {
    let response = user
        .app
        .http
        .request(
            Method::GET,
            format!("{}/api/v1/invoices/{id}/xml", user.app.url),
        )
        .bearer_auth(&user.token)
        .header("X-Company", user.company.as_deref().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/xml");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    (response.text().await.unwrap(), disposition)
}

/// What the native validator says of a document: blocking rule ids, and warnings.
fn verdict(xml: &str) -> (Vec<&'static str>, Vec<&'static str>) {
    let report = rules::validate(xml.as_bytes());
    let ids = |blocking: bool| {
        report
            .findings
            .iter()
            .filter(|f| f.severity.is_blocking() == blocking)
            .map(|f| f.rule)
            .collect::<Vec<_>>()
    };
    (ids(true), ids(false))
}

/// Issue #3: every invoice the server issues is CIUS-RO UBL that the official rules accept,
/// stored as issued: later changes to the company do not alter it.
#[tokio::test]
async fn an_issued_invoice_is_stored_as_valid_cius_ro_ubl_and_never_regenerated() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    user.post(
        "/api/v1/bank-accounts",
        json!({ "iban": "RO49AAAA1B31007593840000", "bankName": "Banca Test", "isDefault": true }),
    )
    .await;
    let id = issued(&user, json!({
        "notes": "Vă mulțumim! ".repeat(40),
        "orderNumber": "PO-7",
        "lines": [
            { "description": "Consultanță ".repeat(12), "quantity": "10", "unitPrice": "150.00", "vatRate": "21", "discount": "50" },
            { "description": "Carte", "quantity": "3", "unitPrice": "33.33", "vatRate": "11", "cpvCode": "22113000-5" },
        ],
    }))
    .await;
    let (xml, disposition) = xml(&user, &id).await;
    assert_eq!(disposition, "attachment; filename=\"invoice-FCT0001.xml\"");
    assert_eq!(verdict(&xml).0, Vec::<&str>::new(), "{xml}");
    for expected in [
        "urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1",
        "<cbc:ID>FCT0001</cbc:ID>",
        "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
        "RO49AAAA1B31007593840000",
        "listID=\"STI\"",
        "<cbc:ID>PO-7</cbc:ID>",
    ] {
        assert!(xml.contains(expected), "{expected} in {xml}");
    }
    let notes = xml.matches("<cbc:Note>").count();
    assert!(notes >= 2, "a 520-character note is split for BR-RO-L302");

    user.patch(
        &format!("/api/v1/companies/{}", user.company.as_deref().unwrap()),
        json!({ "name": "Alt Nume SRL" }),
    )
    .await;
    assert_eq!(
        self::xml(&user, &id).await.0,
        xml,
        "the XML is kept as issued"
    );
    let validated = user
        .post(
            &format!("/api/v1/invoices/{id}/validate"),
            json!({ "mode": "full" }),
        )
        .await
        .body;
    assert_eq!(validated["valid"], true, "{validated}");
}

/// The cases of issue #3 the server can express today each issue as valid UBL: foreign
/// currency (BT-6 = RON with the VAT in RON), VAT-inclusive prices, prices per base quantity,
/// document allowances and charges, prepaid amounts, export (G), reverse charge (AE),
/// exempt (E, with the VATEX code of the company's rate) and a storno credit note referencing
/// its invoice.
#[tokio::test]
async fn every_kind_of_invoice_issues_as_valid_ubl() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let cases = [
        json!({ "currency": "EUR", "exchangeRate": "4.9763", "lines": [{ "description": "Servicii", "unitPrice": "100" }] }),
        json!({ "lines": [
            { "description": "Șuruburi", "quantity": "250", "unitPrice": "12.40", "priceBaseQuantity": "100", "vatRate": "21" },
            { "description": "Abonament", "quantity": "3", "unitPrice": "121.00", "vatIncluded": true, "vatRate": "21" },
            { "description": "Export", "quantity": "2", "unitPrice": "10", "vatCategoryCode": "G" },
        ], "ublExtensions": {
            "allowanceCharges": [
                { "chargeIndicator": false, "amount": "10.00", "taxCategoryCode": "S", "taxRate": "21", "reason": "Discount" },
                { "chargeIndicator": true, "baseAmount": "20", "multiplierFactorNumeric": "5", "taxCategoryCode": "G", "reason": "Ambalare" },
            ],
            "prepaidAmount": "50.00",
            "invoicePeriod": { "startDate": "2026-05-01", "endDate": "2026-05-31" },
        }}),
        json!({ "lines": [{ "description": "Lucrări construcții", "unitPrice": "1000", "vatCategoryCode": "AE" }] }),
        json!({ "lines": [{ "description": "Servicii medicale", "unitPrice": "200", "vatCategoryCode": "E" }] }),
    ];
    for (n, body) in cases.into_iter().enumerate() {
        let id = issued(&user, body.clone()).await;
        let (xml, _) = xml(&user, &id).await;
        assert_eq!(
            verdict(&xml).0,
            Vec::<&str>::new(),
            "case {n}: {body}\n{xml}"
        );
        if n == 3 {
            assert!(
                xml.contains("VATEX-EU-132"),
                "the exemption code of the company's E rate (BR-E-10): {xml}"
            );
        }
        if n == 0 {
            assert!(xml.contains("<cbc:TaxCurrencyCode>RON</cbc:TaxCurrencyCode>"));
            assert!(xml.contains("<cbc:TaxAmount currencyID=\"RON\">104.50</cbc:TaxAmount>"));
        }
    }

    let series = user
        .post(
            "/api/v1/document-series",
            json!({ "prefix": "STORNO", "type": "credit_note" }),
        )
        .await;
    assert_eq!(series.status, 201, "{}", series.body);
    let parent = issued(
        &user,
        json!({ "lines": [{ "description": "Marfă", "quantity": "4", "unitPrice": "25" }] }),
    )
    .await;
    let parent_number =
        user.get(&format!("/api/v1/invoices/{parent}")).await.body["number"].clone();
    let storno = issued(
        &user,
        json!({
            "documentType": "credit_note", "parentDocumentId": parent,
            "lines": [{ "description": "Marfă returnată", "quantity": "-4", "unitPrice": "25" }],
        }),
    )
    .await;
    let (xml, _) = xml(&user, &storno).await;
    assert_eq!(verdict(&xml).0, Vec::<&str>::new(), "{xml}");
    assert!(xml.contains("<cac:BillingReference>"), "{xml}");
    assert!(xml.contains(&format!(
        "<cbc:ID>{}</cbc:ID>",
        parent_number.as_str().unwrap()
    )));
    assert!(
        xml.contains("<cbc:InvoicedQuantity unitCode=\"H87\">-4</cbc:InvoicedQuantity>"),
        "{xml}"
    );
}

/// A draft's XML is a preview with the number it would take; an invoice the official rules
/// refuse is not issued and keeps its number free.
#[tokio::test]
async fn a_draft_previews_its_number_and_a_refused_issue_takes_none() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let client = user.client().await;
    let created = user
        .post("/api/v1/invoices", json!({
            "clientId": client["id"], "dueDate": "2026-07-15",
            "lines": [{ "description": "Servicii", "unitPrice": "10", "vatRate": "21", "unitOfMeasure": "buc", "unitCode": "H87" }],
        }))
        .await;
    let id = created.body["invoice"]["id"].as_str().unwrap().to_owned();
    let (preview, _) = xml(&user, &id).await;
    assert!(preview.contains("<cbc:ID>FCT0001</cbc:ID>"), "{preview}");

    // A buyer named without an address: the pre-checks pass, CIUS-RO does not.
    let unaddressed = user
        .post("/api/v1/invoices", json!({
            "receiverName": "Fără Adresă SRL", "receiverCif": "14399840", "dueDate": "2026-07-15",
            "lines": [{ "description": "Servicii", "unitPrice": "10" }],
        }))
        .await;
    let unaddressed = unaddressed.body["invoice"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let refused = user
        .post(&format!("/api/v1/invoices/{unaddressed}/issue"), json!({}))
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["ruleId"] == "BR-RO-082" && e["field"] == "client.address"),
        "{}",
        refused.body
    );
    let other = user.draft_invoice().await;
    let reply = user
        .post(
            &format!("/api/v1/invoices/{}/issue", other["id"].as_str().unwrap()),
            json!({}),
        )
        .await;
    assert_eq!(
        reply.body["number"], "FCT0001",
        "the refused issue consumed no number"
    );
}
