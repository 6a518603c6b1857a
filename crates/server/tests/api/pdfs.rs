//! `GET /invoices/{id}/pdf` (issue #7): the PDF of an issued invoice, a draft, a storno credit
//! note and an English invoice, read back as text; another tenant's invoice is not found.

use pretty_assertions::assert_eq;
use serde_json::json;

use crate::support::{Actor, TestApp, http_client};

/// The PDF of invoice `id`: status, content type and, for a PDF, its text.
async fn pdf_of(actor: &Actor<'_>, id: &str) -> (u16, String, String) {
    let (status, kind, disposition, text) =
        pdf_at(actor, &format!("/api/v1/invoices/{id}/pdf")).await;
    if status == 200 {
        assert!(
            disposition.starts_with("inline; filename=\"invoice-"),
            "{disposition}"
        );
    }
    (status, kind, text)
}

/// The PDF at `path`: status, content type, content disposition and, for a PDF, its text (else
/// the body).
pub async fn pdf_at(actor: &Actor<'_>, path: &str) -> (u16, String, String, String) {
    let response = http_client()
        .get(format!("{}{path}", actor.app.url))
        .bearer_auth(&actor.token)
        .header("X-Company", actor.company.as_deref().unwrap())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (kind, disposition) = (header("content-type"), header("content-disposition"));
    let bytes = response.bytes().await.unwrap();
    if status != 200 {
        return (
            status,
            kind,
            disposition,
            String::from_utf8_lossy(&bytes).into_owned(),
        );
    }
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    (status, kind, disposition, text)
}

/// Text with all whitespace removed (the extractor joins and splits lines freely).
pub fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

#[tokio::test]
async fn an_issued_invoice_prints_its_number_parties_lines_and_totals() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let draft = owner.draft_invoice().await;
    let id = draft["id"].as_str().unwrap().to_owned();

    // A draft prints as it would be issued now.
    let (status, kind, text) = pdf_of(&owner, &id).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"), "{text}");
    assert!(squeezed(&text).contains("Consultanță"), "{text}");

    let issued = owner
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await;
    assert_eq!(issued.status, 200, "{}", issued.body);
    let (_, _, text) = pdf_of(&owner, &id).await;
    let flat = squeezed(&text);
    for expected in [
        "FCT0001",
        "Factură",
        "Consultanță",
        "Transport",
        "1.599,99",
        "336,00",
        "1.935,99",
        "Client",
        "Pagina1din1",
        "omienouăsutetreizecișicincidelei",
    ] {
        assert!(flat.contains(expected), "{expected} in {text}");
    }
    assert!(
        !flat.contains("ş") && !flat.contains("ţ"),
        "comma-below diacritics, no cedillas"
    );

    // A payment shows, with what is left to pay.
    owner
        .post(
            &format!("/api/v1/invoices/{id}/payments"),
            json!({ "amount": "935.99", "paymentMethod": "cash" }),
        )
        .await;
    let (_, _, text) = pdf_of(&owner, &id).await;
    assert!(squeezed(&text).contains("935,99"), "{text}");

    let stranger = app.user().await.company().await;
    let (status, _, body) = pdf_of(&stranger, &id).await;
    assert_eq!(status, 404, "{body}");
}

#[tokio::test]
async fn a_storno_and_an_english_invoice_get_their_titles() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await;
    let english = owner
        .post(
            "/api/v1/invoices",
            json!({ "clientId": client["id"], "language": "en",
                    "lines": [{ "description": "Consulting", "quantity": "2", "unitPrice": "50.00", "vatRate": "21" }] }),
        )
        .await;
    assert_eq!(english.status, 201, "{}", english.body);
    let id = english.body["invoice"]["id"].as_str().unwrap().to_owned();
    owner
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await;
    let (_, _, text) = pdf_of(&owner, &id).await;
    let flat = squeezed(&text);
    assert!(
        flat.contains("Invoice") && flat.contains("121.00"),
        "{text}"
    );
    assert!(flat.contains("Page1of1"), "{text}");

    let series = owner
        .post(
            "/api/v1/document-series",
            json!({ "prefix": "CN", "type": "credit_note" }),
        )
        .await;
    assert_eq!(series.status, 201, "{}", series.body);
    let note = owner
        .post(
            "/api/v1/invoices",
            json!({ "clientId": client["id"], "documentType": "credit_note", "parentDocumentId": id,
                    "lines": [{ "description": "Retur", "quantity": "-1", "unitPrice": "50.00", "vatRate": "21" }] }),
        )
        .await;
    let note_id = note.body["invoice"]["id"].as_str().unwrap().to_owned();
    let issued = owner
        .post(&format!("/api/v1/invoices/{note_id}/issue"), json!({}))
        .await;
    assert_eq!(issued.status, 200, "{}", issued.body);
    let (_, _, text) = pdf_of(&owner, &note_id).await;
    let flat = squeezed(&text);
    assert!(
        flat.contains("Facturăstorno") && flat.contains("CN0001"),
        "{text}"
    );
    assert!(flat.contains("-60,50"), "{text}");
}

/// An incoming invoice prints from the XML its supplier filed: the supplier as seller, the
/// supplier's number and lines, the totals of the XML.
#[tokio::test]
async fn an_incoming_invoice_prints_from_its_xml() {
    use crate::support::{next_cif, spv};

    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let us = spv::company(&app, user.company.as_deref().unwrap()).await;
    let seller = next_cif();
    let xml = spv::invoice_xml("FE-100", seller, u64::try_from(us.cif).unwrap());
    let message = spv::delivered(&app, &us, 3_001_000_101, seller, &xml).await;
    spv::import(&app, &us, message).await.unwrap();
    let list = user.get("/api/v1/invoices?direction=incoming").await;
    let id = list.body["data"][0]["id"].as_str().unwrap().to_owned();

    let (status, _, text) = pdf_of(&user, &id).await;
    assert_eq!(status, 200, "{text}");
    let flat = squeezed(&text);
    for expected in [
        "FE-100",
        "FurnizorExempluSRL",
        "CumpărătorSRL",
        "Consultanță",
        "Carte",
        "1.948,20",
    ] {
        assert!(flat.contains(expected), "{expected} in {text}");
    }
}
