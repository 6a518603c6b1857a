//! The company logo (`/api/v1/companies/{id}/logo`) and the PDF settings
//! (`/api/v1/pdf-template-config`), issue #7: uploads over real multipart HTTP, refusals that
//! keep what was there, and what every printed document then looks like, read back from the
//! PDFs (text, embedded fonts, embedded images).

use pretty_assertions::assert_eq;
use serde_json::{Value, json};

use crate::support::{Actor, http_client};

const BOUNDARY: &str = "facturo-test-boundary-7MA4YWxkTrZu0gW";

/// A `multipart/form-data` body with one file field.
fn multipart(field: &str, filename: &str, media_type: &str, content: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n\
         Content-Type: {media_type}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// POSTs `body` with `content_type` to the company's logo route: status and JSON body.
async fn post_logo(
    actor: &Actor<'_>,
    company: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (u16, Value) {
    let response = http_client()
        .post(format!("{}/api/v1/companies/{company}/logo", actor.app.url))
        .bearer_auth(&actor.token)
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn upload(
    actor: &Actor<'_>,
    company: &str,
    name: &str,
    kind: &str,
    content: &[u8],
) -> (u16, Value) {
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    post_logo(
        actor,
        company,
        &content_type,
        multipart("logo", name, kind, content),
    )
    .await
}

/// GET of `path` with the actor's company: status, headers and bytes.
async fn fetch(actor: &Actor<'_>, path: &str) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let mut request = http_client()
        .get(format!("{}{path}", actor.app.url))
        .bearer_auth(&actor.token);
    if let Some(company) = &actor.company {
        request = request.header("X-Company", company);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.bytes().await.unwrap().to_vec())
}

/// A PDF's text, its embedded fonts' names and how many images it holds.
struct Printed {
    text: String,
    fonts: Vec<String>,
    images: usize,
}

fn printed(bytes: &[u8]) -> Printed {
    assert!(
        bytes.starts_with(b"%PDF-"),
        "not a PDF: {}",
        String::from_utf8_lossy(&bytes[..bytes.len().min(300)])
    );
    let doc = pdf_extract::Document::load_mem(bytes).expect("a PDF lopdf reads");
    let named = |dict: &pdf_extract::Dictionary, key: &[u8], value: &[u8]| {
        dict.get(key).and_then(|n| n.as_name()).ok() == Some(value)
    };
    let mut fonts = Vec::new();
    let mut images = 0;
    for object in doc.objects.values() {
        let dict = match object {
            pdf_extract::Object::Dictionary(d) => d,
            pdf_extract::Object::Stream(s) => &s.dict,
            _ => continue,
        };
        if named(dict, b"Type", b"Font")
            && let Ok(name) = dict.get(b"BaseFont").and_then(|n| n.as_name())
        {
            fonts.push(String::from_utf8_lossy(name).into_owned());
        }
        if named(dict, b"Subtype", b"Image") {
            images += 1;
        }
    }
    let text = pdf_extract::extract_text_from_mem(bytes).unwrap();
    Printed {
        text: text.split_whitespace().collect(),
        fonts,
        images,
    }
}

async fn pdf(actor: &Actor<'_>, path: &str) -> Printed {
    let (status, _, bytes) = fetch(actor, path).await;
    assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&bytes));
    printed(&bytes)
}

/// A PNG of `width` × `height` pixels in two colours.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    let pixels: Vec<u8> = (0..width * height)
        .flat_map(|i| {
            if i % 2 == 0 {
                [31, 111, 235]
            } else {
                [240, 240, 240]
            }
        })
        .collect();
    writer.write_image_data(&pixels).unwrap();
    writer.finish().unwrap();
    bytes
}

#[tokio::test]
async fn a_logo_is_uploaded_printed_served_and_removed_and_bad_images_change_nothing() {
    let app = crate::support::TestApp::spawn().await;
    let user = app.user().await;
    let owner = user.company().await;
    let company = owner.company.clone().unwrap();
    let logo_path = format!("/api/v1/companies/{company}/logo");
    let invoice = owner.issued_invoice().await;
    let invoice_pdf = format!("/api/v1/invoices/{invoice}/pdf");
    assert_eq!(fetch(&owner, &logo_path).await.0, 404);
    assert_eq!(pdf(&owner, &invoice_pdf).await.images, 0);

    let logo = png(240, 80);
    let (status, body) = upload(&owner, &company, "logo.png", "image/png", &logo).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({ "logoPath": logo_path, "message": "Logo uploaded." })
    );
    let (status, headers, served) = fetch(&owner, &logo_path).await;
    assert_eq!((status, served == logo), (200, true));
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    // An SVG opened directly runs no script and loads nothing.
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .starts_with("default-src 'none'")
    );
    // Issued before the upload, printed after it: the PDF carries the company's logo of now.
    assert_eq!(pdf(&owner, &invoice_pdf).await.images, 1);
    let updated = server::testing::event_payloads(&app.state.db, "company.updated")
        .await
        .unwrap();
    assert_eq!(updated.len(), 1, "{updated:?}");

    // Refusals: each is a clear 4xx and the stored logo is still the PNG.
    let mut huge = png(8, 8);
    huge.resize(50 * 1024 * 1024, 0);
    let (status, body) = upload(&owner, &company, "huge.png", "image/png", &huge).await;
    assert_eq!(status, 413, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("at most 2 MiB"),
        "{body}"
    );
    let mut large = png(8, 8);
    large.resize(3 * 1024 * 1024, 0);
    let (status, body) = upload(&owner, &company, "large.png", "image/png", &large).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body["error"],
        "The logo has 3145728 bytes; at most 2097152 are accepted."
    );
    let (status, body) = upload(
        &owner,
        &company,
        "cv.pdf",
        "application/pdf",
        b"%PDF-1.7 not a logo",
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str().unwrap()),
        (400, "The logo is not a PNG, JPEG or SVG image.")
    );
    let laughs = br#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>"#;
    let (status, body) = upload(&owner, &company, "laughs.svg", "image/svg+xml", laughs).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("DOCTYPE"),
        "{body}"
    );
    let (status, body) = upload(&owner, &company, "giant.png", "image/png", &png(9000, 1)).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("9000 × 1 pixels"),
        "{body}"
    );
    let (status, body) = post_logo(
        &owner,
        &company,
        "application/json",
        b"{\"logo\":\"x\"}".to_vec(),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str().unwrap()),
        (
            400,
            "Send the logo as multipart/form-data in the field 'logo'."
        )
    );
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let (status, body) = post_logo(
        &owner,
        &company,
        &content_type,
        multipart("file", "logo.png", "image/png", &logo),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str().unwrap()),
        (400, "The multipart body has no field 'logo'.")
    );
    let (status, body) = post_logo(&owner, &company, &content_type, b"--garbage".to_vec()).await;
    assert_eq!(status, 400, "{body}");
    let (_, _, served) = fetch(&owner, &logo_path).await;
    assert!(served == logo, "a refused upload replaced the logo");
    assert_eq!(
        server::testing::event_payloads(&app.state.db, "company.updated")
            .await
            .unwrap()
            .len(),
        1,
        "a refused upload wrote an event"
    );

    // An SVG replaces the PNG and is served as SVG.
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#c0392b"/></svg>"##;
    assert_eq!(
        upload(&owner, &company, "logo.svg", "image/svg+xml", svg)
            .await
            .0,
        200
    );
    let (_, headers, served) = fetch(&owner, &logo_path).await;
    assert_eq!(
        (headers["content-type"].to_str().unwrap(), served.as_slice()),
        ("image/svg+xml", &svg[..])
    );
    // Served as an image only: nothing in an SVG may run on this origin.
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .starts_with("default-src 'none'"),
        "{headers:?}"
    );

    // Another organization sees no such company.
    let stranger = app.user().await.company().await;
    let (status, _) = upload(&stranger, &company, "logo.png", "image/png", &png(10, 10)).await;
    assert_eq!(status, 404);
    assert_eq!(fetch(&stranger, &logo_path).await.0, 404);
    assert_eq!(stranger.delete(&logo_path).await.status, 404);

    let removed = owner.delete(&logo_path).await;
    assert_eq!(
        (removed.status, removed.body.clone()),
        (200, json!({ "message": "Logo removed." }))
    );
    assert_eq!(fetch(&owner, &logo_path).await.0, 404);
    assert_eq!(owner.delete(&logo_path).await.status, 404);
    assert_eq!(pdf(&owner, &invoice_pdf).await.images, 0);
}

#[tokio::test]
async fn pdf_settings_are_checked_and_change_every_document_the_company_prints() {
    let app = crate::support::TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let iban = "RO49AAAA1B31007593840000";
    let bank = owner
        .post(
            "/api/v1/bank-accounts",
            json!({ "iban": iban, "bankName": "Banca Test", "isDefault": true }),
        )
        .await;
    assert_eq!(bank.status, 201, "{}", bank.body);
    let invoice = owner.issued_invoice().await;
    let invoice_pdf = format!("/api/v1/invoices/{invoice}/pdf");

    let defaults = owner.get("/api/v1/pdf-template-config").await;
    assert_eq!(defaults.status, 200, "{}", defaults.body);
    assert_eq!(defaults.body["templateSlug"], "classic");
    assert_eq!(defaults.body["showBankInfo"], true);
    assert_eq!(defaults.body["hasLogo"], false);
    let before = pdf(&owner, &invoice_pdf).await;
    assert!(before.text.contains(iban), "{}", before.text);
    assert!(
        before.fonts.iter().all(|f| f.contains("Libertinus")),
        "{:?}",
        before.fonts
    );

    let templates = owner.get("/api/v1/pdf-template-config/templates").await;
    let slugs: Vec<_> = templates.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].clone())
        .collect();
    assert_eq!(slugs, [json!("classic"), json!("modern")]);

    // Every bad field is named, and nothing is saved.
    let bad = owner
        .put(
            "/api/v1/pdf-template-config",
            json!({ "templateSlug": "bold", "primaryColor": "blue", "fontFamily": "Comic Sans",
                    "footerText": "two\nlines", "customCss": "body{}", "showBankInfo": false }),
        )
        .await;
    assert_eq!(bad.status, 400, "{}", bad.body);
    let keys: Vec<_> = bad.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].clone())
        .collect();
    assert_eq!(
        keys,
        [
            json!("templateSlug"),
            json!("primaryColor"),
            json!("fontFamily"),
            json!("footerText"),
            json!("customCss")
        ]
    );
    assert_eq!(
        owner.get("/api/v1/pdf-template-config").await.body["showBankInfo"],
        true
    );
    let wrong_type = owner
        .put(
            "/api/v1/pdf-template-config",
            json!({ "showLogo": "maybe" }),
        )
        .await;
    assert_eq!(wrong_type.status, 400, "{}", wrong_type.body);

    let footer = "Mulțumim că lucrați cu noi! Capital social 200 lei.";
    let saved = owner
        .put(
            "/api/v1/pdf-template-config",
            json!({ "templateSlug": "modern", "primaryColor": "#C0392B", "footerText": footer,
                    "showBankInfo": false, "customCss": "" }),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(
        (
            &saved.body["templateSlug"],
            &saved.body["primaryColor"],
            &saved.body["fontFamily"],
            &saved.body["footerText"]
        ),
        (
            &json!("modern"),
            &json!("#c0392b"),
            &Value::Null,
            &json!(footer)
        )
    );
    let again = owner.get("/api/v1/pdf-template-config").await;
    assert_eq!(again.body, saved.body);

    // The invoice, a proforma and a delivery note all print in the new settings.
    let after = pdf(&owner, &invoice_pdf).await;
    let squeezed_footer: String = footer.split_whitespace().collect();
    assert!(after.text.contains(&squeezed_footer), "{}", after.text);
    assert!(
        !after.text.contains(iban),
        "the bank account is hidden: {}",
        after.text
    );
    assert!(
        after.fonts.iter().all(|f| f.contains("DejaVu")),
        "{:?}",
        after.fonts
    );
    let client = owner.client().await;
    let lines = json!([{ "description": "Consultanță", "quantity": "2", "unitPrice": "100", "vatRate": "21" }]);
    let proforma = owner
        .post(
            "/api/v1/proforma-invoices",
            json!({ "clientId": client["id"], "lines": lines }),
        )
        .await;
    assert_eq!(proforma.status, 201, "{}", proforma.body);
    let proforma_pdf = format!(
        "/api/v1/proforma-invoices/{}/pdf",
        proforma.body["id"].as_str().unwrap()
    );
    let printed_proforma = pdf(&owner, &proforma_pdf).await;
    assert!(
        printed_proforma.text.contains(&squeezed_footer),
        "{}",
        printed_proforma.text
    );
    let note = owner
        .post(
            "/api/v1/delivery-notes",
            json!({ "clientId": client["id"], "lines": lines }),
        )
        .await;
    assert_eq!(note.status, 201, "{}", note.body);
    let note_id = note.body["deliveryNote"]["id"].as_str().unwrap().to_owned();
    let printed_note = pdf(
        &owner,
        &format!("/api/v1/delivery-notes/{note_id}/pdf?hidePrices=true"),
    )
    .await;
    assert!(
        printed_note.text.contains(&squeezed_footer),
        "{}",
        printed_note.text
    );
    assert!(
        !printed_note.text.contains("242,00"),
        "prices stay hidden: {}",
        printed_note.text
    );

    // The preview prints an example invoice of the company in unsaved settings.
    let preview = http_client()
        .post(format!("{}/api/v1/pdf-template-config/preview", app.url))
        .bearer_auth(&owner.token)
        .header("X-Company", owner.company.as_deref().unwrap())
        .json(
            &json!({ "templateSlug": "classic", "fontFamily": "DejaVu Sans", "footerText": null }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(preview.status().as_u16(), 200);
    assert_eq!(preview.headers()["content-type"], "application/pdf");
    let shown = printed(&preview.bytes().await.unwrap());
    assert!(
        shown.text.contains("EXEMPLU-0001") && shown.text.contains("ClientExempluSRL"),
        "{}",
        shown.text
    );
    assert!(!shown.text.contains(&squeezed_footer), "{}", shown.text);
    assert!(
        shown.fonts.iter().all(|f| f.contains("DejaVu")),
        "{:?}",
        shown.fonts
    );
    let refused = owner
        .post(
            "/api/v1/pdf-template-config/preview",
            json!({ "primaryColor": "#12" }),
        )
        .await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert_eq!(
        owner.get("/api/v1/pdf-template-config").await.body["templateSlug"],
        "modern",
        "a preview saves nothing"
    );

    // Another company keeps the defaults.
    let other = owner.company().await;
    assert_eq!(
        other.get("/api/v1/pdf-template-config").await.body["templateSlug"],
        "classic"
    );
}
