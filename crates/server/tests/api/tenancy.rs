use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{Actor, TestApp, spv};

/// One of every resource of tenant A, by the route segment that addresses it.
async fn resources(a: &Actor<'_>) -> Vec<(&'static str, String)> {
    let client = a.client().await["id"].as_str().unwrap().to_owned();
    let supplier = a
        .post("/api/v1/suppliers", json!({ "name": "Furnizor SRL" }))
        .await
        .body["supplier"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let product = a
        .post(
            "/api/v1/products",
            json!({ "name": "P", "unitOfMeasure": "buc", "vatRate": "21", "defaultPrice": "10" }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let vat_rate = a.get("/api/v1/vat-rates").await.body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let series = a.get("/api/v1/document-series").await.body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let bank = a
        .post(
            "/api/v1/bank-accounts",
            json!({ "iban": "RO49AAAA1B31007593840000" }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invoice = a.draft_invoice().await["id"].as_str().unwrap().to_owned();
    let payment = a
        .post(
            &format!("/api/v1/invoices/{invoice}/payments"),
            json!({ "amount": "10.00", "paymentMethod": "cash" }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let member = a.get("/api/v1/members").await.body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invitation = a
        .post(
            "/api/v1/invitations",
            json!({ "email": "invitee@firma.test", "role": "employee" }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let anaf_token = a
        .post(
            "/api/v1/anaf/tokens",
            json!({ "token": "pasted-anaf-token-0123456789" }),
        )
        .await
        .body["data"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let api_key = a
        .post(
            "/api/v1/api-tokens",
            json!({ "name": "ERP", "scopes": ["invoice.view"] }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut authenticator = crate::support::passkey::SoftAuthenticator::for_server(&a.app.url);
    let options = a.post("/api/v1/passkey/register/options", json!({})).await;
    let passkey = a
        .post(
            "/api/v1/passkey/register",
            json!({ "credential": authenticator.create(&options.body) }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // An endpoint on the allow-listed loopback (nothing listens on port 9) and the failed test
    // ping's delivery.
    let webhook = a
        .post(
            "/api/v1/webhooks",
            json!({ "url": "http://127.0.0.1:9/hook", "events": ["*"] }),
        )
        .await
        .body["data"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    a.post(&format!("/api/v1/webhooks/{webhook}/test"), json!({}))
        .await;
    let delivery = a
        .get(&format!("/api/v1/webhooks/{webhook}/deliveries"))
        .await
        .body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let proforma = a
        .post(
            "/api/v1/proforma-invoices",
            json!({ "clientId": client, "lines": [{ "description": "P", "quantity": "1", "unitPrice": "10" }] }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let delivery_note = a
        .post(
            "/api/v1/delivery-notes",
            json!({ "clientId": client, "lines": [{ "description": "N", "quantity": "1", "unitPrice": "10" }] }),
        )
        .await
        .body["deliveryNote"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let recurring = a
        .post(
            "/api/v1/recurring-invoices",
            json!({ "clientId": client, "frequency": "monthly", "frequencyDay": 1, "paymentTerms": "30 zile",
                    "lines": [{ "description": "R", "quantity": "1", "unitPrice": "10" }] }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let email_template = a
        .post(
            "/api/v1/email-templates",
            json!({ "name": "T", "subject": "Factura {{invoiceNumber}}", "body": "B" }),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let us = spv::company(a.app, a.company.as_deref().unwrap()).await;
    let seller = crate::support::next_cif();
    let xml = spv::invoice_xml("T-1", seller, u64::try_from(us.cif).unwrap());
    let message = spv::delivered(a.app, &us, 3_009_000_001, seller, &xml)
        .await
        .to_string();
    vec![
        ("companies", a.company.clone().unwrap()),
        ("efactura-messages", message),
        ("clients", client),
        ("suppliers", supplier),
        ("products", product),
        ("vat-rates", vat_rate),
        ("document-series", series),
        ("bank-accounts", bank),
        ("invoices", invoice),
        ("proforma-invoices", proforma),
        ("delivery-notes", delivery_note),
        ("recurring-invoices", recurring),
        ("email-templates", email_template),
        // `/invoices/{id}/payments/{paymentId}`
        ("payments", payment),
        ("members", member),
        ("invitations", invitation),
        // ANAF tokens are the user's (`/anaf/tokens/{id}`).
        ("anaf", anaf_token),
        ("api-tokens", api_key),
        // Passkeys are the user's (`/me/passkeys/{id}`).
        ("me", passkey),
        ("webhooks", webhook),
        // `/webhooks/{id}/deliveries/{deliveryId}`
        ("deliveries", delivery),
    ]
}

/// Tenant A's view of each of its resources (members and invitations have no item GET: their
/// lists show them).
async fn snapshot(a: &Actor<'_>, ids: &[(&str, String)]) -> Vec<Value> {
    let mut out = Vec::new();
    for (resource, id) in ids.iter().skip(1) {
        let path = match *resource {
            "members" | "invitations" => format!("/api/v1/{resource}"),
            "anaf" => "/api/v1/anaf/tokens".to_owned(),
            "api-tokens" => "/api/v1/api-tokens".to_owned(),
            "me" => "/api/v1/me/passkeys".to_owned(),
            "payments" => {
                let invoice = &ids.iter().find(|(r, _)| *r == "invoices").unwrap().1;
                format!("/api/v1/invoices/{invoice}/payments")
            }
            "deliveries" => {
                let webhook = &ids.iter().find(|(r, _)| *r == "webhooks").unwrap().1;
                format!("/api/v1/webhooks/{webhook}/deliveries/{id}")
            }
            _ => format!("/api/v1/{resource}/{id}"),
        };
        out.push(a.get(&path).await.body);
    }
    out
}

/// Every route with a path parameter, from the OpenAPI document.
async fn item_routes(app: &TestApp) -> Vec<(Method, String)> {
    let doc = app.call(Method::GET, "/api/openapi.json", None).await.body;
    let mut routes = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        // The public invitation and ANAF link routes take a secret token, not an id: no
        // tenant's id fits there, and the members and anaf tests cover unknown, used and
        // expired tokens.
        if !path.contains('{')
            || path.starts_with("/api/v1/invitations/accept/")
            || path.starts_with("/api/v1/anaf/token-links/")
        {
            continue;
        }
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                routes.push((method.to_uppercase().parse().unwrap(), path.clone()));
            }
        }
    }
    routes
}

/// `path` with its parameters replaced by tenant A's ids: the first by the resource the route
/// starts with (`/me/passkeys/{id}` is a `me` route), each later one by the segment before it
/// (`/webhooks/{id}/deliveries/{deliveryId}`).
fn fill(path: &str, ids: &[(&str, String)]) -> String {
    let segments: Vec<&str> = path.trim_start_matches("/api/v1/").split('/').collect();
    let mut out = String::from("/api/v1");
    for (i, segment) in segments.iter().enumerate() {
        out.push('/');
        if segment.starts_with('{') {
            let first = !segments[..i].iter().any(|s| s.starts_with('{'));
            let resource = if first { segments[0] } else { segments[i - 1] };
            let id = ids.iter().find(|(r, _)| *r == resource).map_or_else(
                || panic!("no resource of tenant A for {path}"),
                |(_, id)| id.as_str(),
            );
            out.push_str(id);
        } else {
            out.push_str(segment);
        }
    }
    out
}

/// Another tenant's id answers 404 on every route that takes an id, whichever company the
/// caller names, and leaves the data as it was.
#[tokio::test]
async fn every_route_answers_404_for_another_tenants_id() {
    let app = TestApp::spawn_with(|c| c.webhooks.allow_hosts = vec!["127.0.0.1".into()]).await;
    let a = app.user().await.company().await;
    let ids = resources(&a).await;
    let b = app.user().await.company().await;
    let b_naming_a = b.acting_for(a.company.as_deref().unwrap());
    let routes = item_routes(&app).await;
    assert!(
        routes.len() >= 25,
        "the OpenAPI document lists the item routes: {}",
        routes.len()
    );
    let before = snapshot(&a, &ids).await;

    for (method, path) in &routes {
        let url = fill(path, &ids);
        for (who, actor) in [("own company", &b), ("naming A's company", &b_naming_a)] {
            let body = matches!(*method, Method::POST | Method::PUT | Method::PATCH)
                .then(|| json!({ "name": "Mine", "notes": "mine" }));
            let reply = actor.call(method.clone(), &url, body).await;
            assert_eq!(
                reply.status, 404,
                "{method} {path} ({who}) answered {}: {}",
                reply.status, reply.body
            );
        }
        let malformed = path.replacen(
            &path[path.find('{').unwrap()..=path.find('}').unwrap()],
            "not-a-uuid",
            1,
        );
        let reply = b.call(method.clone(), &malformed, Some(json!({}))).await;
        assert!(
            reply.status == 404 || reply.status == 400,
            "{method} {malformed}: {}",
            reply.status
        );
    }

    let after = snapshot(&a, &ids).await;
    assert_eq!(before, after, "tenant A's data is unchanged");
    assert_eq!(
        a.get("/api/v1/companies").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// Ids of another tenant inside a body are refused the same way.
#[tokio::test]
async fn foreign_ids_in_bodies_are_not_found() {
    let app = TestApp::spawn().await;
    let a = app.user().await.company().await;
    let client = a.client().await["id"].as_str().unwrap().to_owned();
    let series = a.get("/api/v1/document-series").await.body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invoice = a.draft_invoice().await["id"].as_str().unwrap().to_owned();
    let b = app.user().await.company().await;
    for (field, id) in [
        ("clientId", &client),
        ("documentSeriesId", &series),
        ("parentDocumentId", &invoice),
    ] {
        let reply = b.post("/api/v1/invoices", json!({ field: id, "receiverName": "X", "lines": [{ "description": "A", "unitPrice": "1" }] })).await;
        assert_eq!(reply.status, 400, "{field}: {}", reply.body);
        assert_eq!(reply.body["errors"][0]["key"], field);
    }
    let bulk = b
        .post("/api/v1/clients/bulk-delete", json!({ "ids": [client] }))
        .await;
    assert_eq!(bulk.body["deleted"], 0);
    assert_eq!(
        a.get(&format!("/api/v1/clients/{client}")).await.status,
        200
    );
}

#[tokio::test]
async fn invoice_defaults_follow_the_company_and_the_client() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let no_company = user.get("/api/v1/invoice-defaults").await;
    assert_eq!(no_company.status, 200, "{}", no_company.body);
    assert_eq!(no_company.body["defaultCurrency"], "RON");
    let user = user.company().await;
    let d = user.get("/api/v1/invoice-defaults").await.body;
    let rates: Vec<(&str, &str, bool)> = d["vatRates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rate"].as_str().unwrap(),
                r["categoryCode"].as_str().unwrap(),
                r["default"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rates[..3],
        [("21", "S", true), ("11", "S", false), ("0", "Z", false)]
    );
    assert_eq!(
        d["unitsOfMeasure"][0],
        json!({ "value": "buc", "label": "buc", "code": "H87" })
    );
    assert!(
        d["counties"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "B")
    );
    assert_eq!(d["defaultPaymentTermDays"], 30);
    let german = user.post("/api/v1/clients", json!({ "name": "GmbH", "cui": "DE123456789", "country": "DE", "isVatPayer": true, "city": "Berlin", "address": "Str. 1" })).await;
    assert!(german.status == 201, "{}", german.body);
    let id = german.body["client"]["id"].as_str().unwrap();
    let rc = user
        .get(&format!("/api/v1/invoice-defaults?clientId={id}"))
        .await
        .body;
    assert_eq!(
        (
            rc["reverseCharge"].as_bool(),
            rc["vatRates"][0]["categoryCode"].as_str()
        ),
        (Some(true), Some("AE"))
    );
}
