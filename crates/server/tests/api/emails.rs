//! E-mailing invoices (issue #7): company templates with `{{variables}}` checked when saved, a
//! preview, the defaults, and a real SMTP conversation with a server on loopback that receives
//! the recipients, subject, body and the PDF and XML attachments; the send log; refusals.

use base64::Engine;
use pretty_assertions::assert_eq;
use serde_json::{Value, json};

use crate::support::{SmtpSink, TestApp};
use server::testing::smtp::MAIL_WAIT;

fn error_keys(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["key"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The decoded bytes of the attachment named `filename` in a raw MIME message.
fn attachment(data: &str, filename: &str) -> Vec<u8> {
    let at = data
        .find(&format!("filename=\"{filename}\""))
        .unwrap_or_else(|| panic!("{filename} is attached: {data}"));
    let rest = &data[at..];
    let start = rest.find("\r\n\r\n").unwrap() + 4;
    let end = rest[start..].find("\r\n--").unwrap() + start;
    let b64: String = rest[start..end].split_whitespace().collect();
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap()
}

#[tokio::test]
async fn an_invoice_is_e_mailed_with_its_pdf_and_xml_through_a_template() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;

    // Templates are checked when saved.
    let unknown = owner
        .post(
            "/api/v1/email-templates",
            json!({ "name": "Greșit", "subject": "Factura {{numar}}", "body": "x" }),
        )
        .await;
    assert_eq!(unknown.status, 400, "{}", unknown.body);
    assert_eq!(error_keys(&unknown.body), ["subject"]);
    assert!(
        unknown.body["error"]
            .as_str()
            .unwrap()
            .contains("{{numar}}")
    );
    let unclosed = owner
        .post(
            "/api/v1/email-templates",
            json!({ "name": "Greșit", "subject": "Factura", "body": "Total {{total" }),
        )
        .await;
    assert_eq!(unclosed.status, 400, "{}", unclosed.body);
    assert_eq!(error_keys(&unclosed.body), ["body"]);
    let template = owner
        .post(
            "/api/v1/email-templates",
            json!({
                "name": "Factura standard", "isDefault": true,
                "subject": "Factura {{invoiceNumber}} - {{companyName}}",
                "body": "Buna ziua {{clientName}},\nTotal: {{total}} {{currency}}, scadent {{dueDate}}.",
            }),
        )
        .await;
    assert_eq!(template.status, 201, "{}", template.body);
    let listed = owner.get("/api/v1/email-templates").await;
    assert_eq!(listed.body["data"].as_array().unwrap().len(), 1);
    assert!(
        listed.body["variables"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["name"] == "invoiceNumber")
    );

    // Preview and defaults fill the variables in.
    let preview = owner
        .post(
            "/api/v1/email-templates/preview",
            json!({ "templateId": template.body["id"], "invoiceId": id }),
        )
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    let company_name = preview.body["subject"].as_str().unwrap().to_owned();
    assert!(
        company_name.starts_with("Factura FCT0001 - "),
        "{company_name}"
    );
    assert_eq!(
        preview.body["body"],
        "Buna ziua Client Test SRL,\nTotal: 1935.99 RON, scadent 2026-07-15."
    );
    let defaults = owner
        .get(&format!("/api/v1/invoices/{id}/email-defaults"))
        .await;
    assert_eq!(defaults.status, 200, "{}", defaults.body);
    assert_eq!(defaults.body["subject"], preview.body["subject"]);
    assert_eq!(defaults.body["templateId"], template.body["id"]);

    let sent = owner
        .post(
            &format!("/api/v1/invoices/{id}/email"),
            json!({ "to": "client@firma.test", "cc": ["contabil@firma.test"], "bcc": ["arhiva@firma.test"] }),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(sent.body["status"], "queued");
    assert_eq!(sent.body["templateUsed"], "Factura standard");
    assert_eq!(sent.body["invoiceNumber"], "FCT0001");

    // A real SMTP conversation: every recipient, the headers, the text and both files.
    let mails = app.mail.wait_for(1, MAIL_WAIT).await;
    let mail = mails
        .iter()
        .find(|m| m.to.iter().any(|t| t.contains("client@firma.test")))
        .expect("the invoice e-mail");
    let mut to = mail.to.clone();
    to.sort();
    assert_eq!(
        to,
        [
            "arhiva@firma.test",
            "client@firma.test",
            "contabil@firma.test"
        ]
    );
    let data = mail.text();
    assert!(data.contains("Subject: Factura FCT0001 - "), "{data}");
    assert!(data.contains("Cc: contabil@firma.test"), "{data}");
    assert!(
        !data.contains("arhiva@firma.test"),
        "Bcc stays hidden: {data}"
    );
    assert!(
        data.contains("Total: 1935.99 RON, scadent 2026-07-15."),
        "{data}"
    );
    let pdf = attachment(&mail.data, "invoice-FCT0001.pdf");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("FCT0001"), "{text}");
    let xml = String::from_utf8(attachment(&mail.data, "invoice-FCT0001.xml")).unwrap();
    assert!(xml.contains("<cbc:ID>FCT0001</cbc:ID>"), "{xml}");

    app.jobs_done(&["send_document_email"]).await;
    let log = owner.get(&format!("/api/v1/invoices/{id}/emails")).await;
    assert_eq!(log.status, 200, "{}", log.body);
    let entry = &log.body[0];
    assert_eq!(entry["status"], "sent");
    assert!(entry["sentAt"].is_string());
    assert_eq!(entry["toEmail"], "client@firma.test");
    assert_eq!(entry["ccEmails"], json!(["contabil@firma.test"]));
    assert_eq!(entry["sentByEmail"], owner.email);
    assert_eq!(
        entry["attachments"],
        json!(["invoice-FCT0001.pdf", "invoice-FCT0001.xml"])
    );
}

#[tokio::test]
async fn what_cannot_be_sent_is_refused_and_nothing_is_queued() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let draft = owner.draft_invoice().await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let refused = owner
        .post(
            &format!("/api/v1/invoices/{draft}/email"),
            json!({ "to": "client@firma.test" }),
        )
        .await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.body["error"].as_str().unwrap().contains("draft"));

    let id = owner.issued_invoice().await;
    for (body, key) in [
        (json!({}), "to"),
        (json!({ "to": "nu-e-adresa" }), "to"),
        (
            json!({ "to": "a@firma.test", "cc": ["bun@firma.test", "rău"] }),
            "cc[1]",
        ),
        (
            json!({ "to": "a@firma.test", "subject": "Factura {{invoiceNumber", "body": "x" }),
            "subject",
        ),
        (
            json!({ "to": "a@firma.test", "templateId": "0190a0a0-0000-7000-8000-000000000000" }),
            "templateId",
        ),
    ] {
        let reply = owner
            .post(&format!("/api/v1/invoices/{id}/email"), body.clone())
            .await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        assert!(
            error_keys(&reply.body).contains(&key.to_owned()),
            "{key}: {}",
            reply.body
        );
    }
    // A header cannot be smuggled in through the subject.
    let injected = owner
        .post(
            &format!("/api/v1/invoices/{id}/email"),
            json!({ "to": "a@firma.test", "subject": "Factura\r\nBcc: spion@rau.test", "body": "x" }),
        )
        .await;
    assert_eq!(injected.status, 200, "{}", injected.body);
    assert_eq!(injected.body["subject"], "Factura  Bcc: spion@rau.test");
    let mails = app.mail.wait_for(1, MAIL_WAIT).await;
    assert!(
        mails
            .iter()
            .all(|m| !m.to.iter().any(|t| t.contains("spion"))),
        "{mails:?}"
    );

    let stranger = app.user().await.company().await;
    let foreign = stranger
        .post(
            &format!("/api/v1/invoices/{id}/email"),
            json!({ "to": "a@firma.test" }),
        )
        .await;
    assert_eq!(foreign.status, 404, "{}", foreign.body);
    assert_eq!(
        stranger
            .get(&format!("/api/v1/invoices/{id}/emails"))
            .await
            .status,
        404
    );
    app.jobs_done(&["send_document_email"]).await;
    let log = owner.get(&format!("/api/v1/invoices/{id}/emails")).await;
    assert_eq!(
        log.body.as_array().unwrap().len(),
        1,
        "only the one accepted"
    );
    assert_eq!(log.body[0]["status"], "sent", "{}", log.body);
}

#[tokio::test]
async fn proformas_and_delivery_notes_are_e_mailed_with_their_pdfs() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner
        .client_with_email("Cumpărător SRL", "achizitii@firma.test")
        .await;
    let lines =
        json!([{ "description": "Mărfuri", "quantity": "3", "unitPrice": "100", "vatRate": "21" }]);
    let proforma = owner
        .post(
            "/api/v1/proforma-invoices",
            json!({ "clientId": client["id"], "lines": lines }),
        )
        .await
        .body;
    let proforma_id = proforma["id"].as_str().unwrap().to_owned();
    let number = proforma["number"].as_str().unwrap().to_owned();

    let defaults = owner
        .get(&format!(
            "/api/v1/proforma-invoices/{proforma_id}/email-defaults"
        ))
        .await;
    assert_eq!(defaults.status, 200, "{}", defaults.body);
    assert_eq!(defaults.body["to"], "achizitii@firma.test");
    assert!(
        defaults.body["subject"]
            .as_str()
            .unwrap()
            .starts_with(&format!("Factura proformă {number} de la ")),
        "{}",
        defaults.body
    );
    assert!(
        defaults.body["body"]
            .as_str()
            .unwrap()
            .contains("363.00 RON"),
        "{}",
        defaults.body
    );
    let sent = owner
        .post(
            &format!("/api/v1/proforma-invoices/{proforma_id}/email"),
            json!({ "to": "achizitii@firma.test", "subject": "Oferta {{documentNumber}}", "body": "Total {{total}} {{currency}}" }),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(
        (&sent.body["category"], &sent.body["proformaNumber"]),
        (&json!("proforma"), &json!(number))
    );
    assert_eq!(sent.body["invoiceId"], Value::Null);

    // A delivery note is e-mailed once issued.
    let note = owner
        .post(
            "/api/v1/delivery-notes",
            json!({ "clientId": client["id"], "lines": lines }),
        )
        .await
        .body["deliveryNote"]
        .clone();
    let note_id = note["id"].as_str().unwrap().to_owned();
    let draft = owner
        .post(
            &format!("/api/v1/delivery-notes/{note_id}/email"),
            json!({ "to": "achizitii@firma.test" }),
        )
        .await;
    assert_eq!(draft.status, 400, "{}", draft.body);
    assert!(
        draft.body["error"]
            .as_str()
            .unwrap()
            .contains("issue it first"),
        "{}",
        draft.body
    );
    let issued = owner
        .post(
            &format!("/api/v1/delivery-notes/{note_id}/issue"),
            json!({}),
        )
        .await;
    assert_eq!(issued.status, 200, "{}", issued.body);
    let note_number = issued.body["number"].as_str().unwrap().to_owned();
    let sent = owner
        .post(
            &format!("/api/v1/delivery-notes/{note_id}/email"),
            json!({ "to": "depozit@firma.test" }),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(
        (
            &sent.body["deliveryNoteId"],
            &sent.body["deliveryNoteNumber"]
        ),
        (&json!(note_id), &json!(note_number))
    );
    assert!(
        sent.body["subject"]
            .as_str()
            .unwrap()
            .starts_with(&format!("Avizul de însoțire {note_number}")),
        "{}",
        sent.body
    );

    app.jobs_done(&["send_document_email"]).await;
    let mails = app.mail.mails();
    let to = |address: &str| {
        mails
            .iter()
            .find(|m| m.to.iter().any(|t| t.contains(address)))
            .unwrap_or_else(|| panic!("a mail to {address}"))
            .data
            .clone()
    };
    let offer = to("achizitii@firma.test");
    assert!(
        offer.contains(&format!("Subject: Oferta {number}")) && offer.contains("Total 363.00 RON"),
        "{offer}"
    );
    let pdf = attachment(&offer, &format!("proforma-{number}.pdf"));
    let text: String = pdf_extract::extract_text_from_mem(&pdf)
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(
        text.contains("Facturăproformă") && text.contains(&number) && text.contains("363,00"),
        "{text}"
    );
    assert!(!offer.contains(".xml"), "only invoices carry their XML");
    let delivery = to("depozit@firma.test");
    let pdf = attachment(&delivery, &format!("delivery-note-{note_number}.pdf"));
    let text: String = pdf_extract::extract_text_from_mem(&pdf)
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(
        text.contains(&note_number) && text.contains("Mărfuri"),
        "{text}"
    );

    let log = owner
        .get(&format!("/api/v1/delivery-notes/{note_id}/emails"))
        .await;
    assert_eq!(log.status, 200, "{}", log.body);
    assert_eq!(
        log.body.as_array().unwrap().len(),
        1,
        "the draft's refusal left nothing: {}",
        log.body
    );
    assert_eq!(log.body[0]["status"], "sent");
    assert_eq!(
        log.body[0]["attachments"],
        json!([format!("delivery-note-{note_number}.pdf")])
    );
    let log = owner
        .get(&format!("/api/v1/proforma-invoices/{proforma_id}/emails"))
        .await;
    assert_eq!(
        (log.body.as_array().unwrap().len(), &log.body[0]["status"]),
        (1, &json!("sent"))
    );

    // A cancelled proforma is not e-mailed.
    owner
        .post(
            &format!("/api/v1/proforma-invoices/{proforma_id}/cancel"),
            json!({}),
        )
        .await;
    let cancelled = owner
        .post(
            &format!("/api/v1/proforma-invoices/{proforma_id}/email"),
            json!({ "to": "achizitii@firma.test" }),
        )
        .await;
    assert_eq!(cancelled.status, 400, "{}", cancelled.body);
}

/// A server e-mailing through `url` (trusting `ca`'s certificates) e-mails an issued invoice to
/// client@firma.test; answers the send log's entry once it is `sent` or has failed once.
async fn email_through(url: String, ca: Option<String>) -> Value {
    let app = TestApp::spawn_with(move |c| {
        c.smtp_url = Some(url);
        c.smtp_ca_pem = ca;
    })
    .await;
    let owner = app.user().await.company().await;
    let id = owner.issued_invoice().await;
    let sent = owner
        .post(
            &format!("/api/v1/invoices/{id}/email"),
            json!({ "to": "client@firma.test" }),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    let deadline = tokio::time::Instant::now() + MAIL_WAIT;
    loop {
        let log = owner.get(&format!("/api/v1/invoices/{id}/emails")).await;
        let entry = &log.body[0];
        if entry["status"] == "sent" || entry["errorMessage"].is_string() {
            return entry.clone();
        }
        assert!(tokio::time::Instant::now() < deadline, "{}", log.body);
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The invoice e-mail `sink` received, with its PDF checked.
fn received_invoice(sink: &SmtpSink) {
    let mail = sink
        .mails()
        .into_iter()
        .find(|m| m.to.iter().any(|t| t == "client@firma.test"))
        .expect("the invoice e-mail arrived");
    let pdf = attachment(&mail.data, "invoice-FCT0001.pdf");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[tokio::test]
async fn documents_go_over_tls_to_a_server_trusted_through_a_private_ca() {
    // smtps: TLS from the first byte.
    let tls = SmtpSink::start_tls().await;
    assert!(tls.url().starts_with("smtps://localhost:"), "{}", tls.url());
    let ca = tls.ca_pem().unwrap().to_owned();
    // Without the CA the server's certificate is not trusted: nothing is sent, and the log
    // says why while the job tries again.
    let entry = email_through(tls.url(), None).await;
    let error = entry["errorMessage"].as_str().unwrap().to_lowercase();
    assert!(error.contains("certificate"), "{entry}");
    assert_ne!(entry["status"], "sent", "{entry}");
    assert!(tls.mails().is_empty(), "nothing reached the server");
    // Trusting the CA (FACTURO_SMTP_CA_FILE), the invoice goes over TLS with its files.
    let entry = email_through(tls.url(), Some(ca)).await;
    assert_eq!(entry["status"], "sent", "{entry}");
    received_invoice(&tls);

    // STARTTLS required: the conversation is upgraded before anything is sent.
    let starttls = SmtpSink::start_starttls().await;
    let ca = starttls.ca_pem().unwrap().to_owned();
    let entry = email_through(starttls.url(), Some(ca)).await;
    assert_eq!(entry["status"], "sent", "{entry}");
    received_invoice(&starttls);

    // A server that offers no STARTTLS gets nothing when TLS is required.
    let plain = SmtpSink::start().await;
    let entry = email_through(format!("{}?tls=required", plain.url()), None).await;
    assert_ne!(entry["status"], "sent", "{entry}");
    assert!(entry["errorMessage"].is_string(), "{entry}");
    assert!(plain.mails().is_empty(), "nothing was sent in clear text");
}
