use anaf::sim::{Fault, RegistrySim};
use pretty_assertions::assert_eq;
use serde_json::{Value, json};
use server::RegistrySource;
use server::ids::{ClientId, CompanyId, InvoiceId, SupplierId};
use server::store::Ts;
use time::Date;
use time::macros::date;

use crate::support::{Actor, Reply, START, TestApp, cif_from, next_cif};

/// An invoice row written straight to the table (the invoice API is not there yet).
pub struct InvoiceRow<'a> {
    pub client: Option<&'a str>,
    pub supplier: Option<&'a str>,
    pub status: &'a str,
    pub issue_date: Date,
    pub total: i64,
    pub currency: &'a str,
}

impl InvoiceRow<'_> {
    pub async fn insert(&self, actor: &Actor<'_>) -> InvoiceId {
        let id = InvoiceId::new();
        let company: CompanyId = actor
            .company
            .as_deref()
            .and_then(|c| c.parse().ok())
            .expect("acting for a company");
        let client: Option<ClientId> = self.client.map(|c| c.parse().expect("a client id"));
        let supplier: Option<SupplierId> = self.supplier.map(|s| s.parse().expect("a supplier id"));
        let direction = if supplier.is_some() {
            "incoming"
        } else {
            "outgoing"
        };
        let number = format!("T{}", id.0.simple());
        let mut tx = actor.app.state.db.begin().await.expect("a transaction");
        server::on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO invoices (id, company_id, number, status, direction, document_type, client_id, \
             supplier_id, receiver_name, receiver_cif, issue_date, currency, total, details, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 'invoice', $6, $7, 'Old Name', 'RO1', $8, $9, $10, $11, $12, $12)",
        )
        .bind(id).bind(company).bind(&number).bind(self.status).bind(direction).bind(client)
        .bind(supplier).bind(self.issue_date).bind(self.currency).bind(self.total)
        .bind(sqlx::types::Json(json!({}))).bind(Ts(START))
        .execute(c)
        .await.map(|_| ()))
        .expect("inserting an invoice");
        tx.commit().await.expect("committing");
        id
    }
}

/// `receiver_name` of an invoice.
pub async fn receiver_name(app: &TestApp, id: InvoiceId) -> String {
    server::on_db!(&app.state.db, c => sqlx::query_scalar::<_, String>("SELECT receiver_name FROM invoices WHERE id = $1")
        .bind(id).fetch_one(c).await)
    .expect("an invoice")
}

fn error_keys(reply: &Reply) -> Vec<String> {
    assert_eq!(reply.status, 422, "{}", reply.body);
    reply.body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["key"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn ids(reply: &Reply) -> Vec<&str> {
    reply.body["data"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["id"].as_str().unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn a_company_client_is_completed_from_the_registry_and_found_again_by_its_cui() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let cif = next_cif();
    let reply = user
        .post(
            "/api/v1/clients",
            json!({ "cui": cif, "email": " office@client.ro " }),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["anafValidated"], true);
    assert!(reply.body.get("existing").is_none());
    let c = &reply.body["client"];
    assert_eq!(
        (c["type"].as_str(), c["cui"].as_str()),
        (Some("company"), Some(cif.to_string().as_str()))
    );
    assert!(!c["name"].as_str().unwrap().is_empty());
    assert_eq!(
        (c["country"].as_str(), c["source"].as_str()),
        (Some("RO"), Some("manual"))
    );
    assert_eq!(c["email"], "office@client.ro");
    let county = c["county"].as_str().unwrap();
    assert!(
        einvoice::codes::ro_county(county).is_some_and(|k| k.code == county),
        "{county}"
    );
    assert!(c["registrationNumber"].is_string() && c["postalCode"].is_string());
    let vat_code = if c["isVatPayer"] == true {
        json!(format!("RO{cif}"))
    } else {
        Value::Null
    };
    assert_eq!(c["vatCode"], vat_code);
    for key in [
        "viesValid",
        "viesName",
        "lastSyncedAt",
        "einvoiceIdentifiers",
        "defaultPaymentTermDays",
    ] {
        assert_eq!(c[key], Value::Null, "{key}");
    }

    let id = c["id"].as_str().unwrap();
    let detail = user.get(&format!("/api/v1/clients/{id}")).await;
    assert_eq!(detail.status, 200, "{}", detail.body);
    assert_eq!(&detail.body["client"], c);
    assert_eq!(
        (
            &detail.body["invoiceCount"],
            &detail.body["invoiceTotal"],
            &detail.body["invoiceHistory"]
        ),
        (&json!(0), &json!("0.00"), &json!([]))
    );
    assert_eq!(
        (
            &detail.body["deliveryNoteCount"],
            &detail.body["receiptHistory"]
        ),
        (&json!(0), &json!([]))
    );

    let again = user
        .post(
            "/api/v1/clients",
            json!({ "cui": format!("RO{cif}"), "name": "Other" }),
        )
        .await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.body["existing"], true);
    assert_eq!(again.body["client"]["id"], id);
    assert_eq!(
        again.body["client"]["name"], c["name"],
        "the existing client is not changed"
    );
}

#[tokio::test]
async fn given_fields_win_over_the_registry_and_ro_marks_a_vat_payer() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let cif = next_cif();
    let reply = user
        .post("/api/v1/clients", json!({
            "cui": format!("ro {cif}"), "name": "Numele Meu SRL", "county": "Argeș", "city": "Pitești",
            "address": "Str. Exercițiu 5", "isVatPayer": "true", "currency": "eur", "bankAccount": "ro49 aaaa 1b31 0075 9384 0000",
            "defaultPaymentTermDays": 30, "cnp": null
        }))
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let c = &reply.body["client"];
    assert_eq!(
        (
            c["name"].as_str(),
            c["county"].as_str(),
            c["city"].as_str(),
            c["address"].as_str()
        ),
        (
            Some("Numele Meu SRL"),
            Some("AG"),
            Some("Pitești"),
            Some("Str. Exercițiu 5")
        )
    );
    assert_eq!(
        (c["isVatPayer"].as_bool(), c["vatCode"].as_str()),
        (Some(true), Some(format!("RO{cif}").as_str()))
    );
    assert_eq!(
        (c["currency"].as_str(), c["bankAccount"].as_str()),
        (Some("EUR"), Some("RO49AAAA1B31007593840000"))
    );
    assert_eq!(c["defaultPaymentTermDays"], 30);
}

#[tokio::test]
async fn fields_are_validated_one_by_one() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let cases = [
        (json!({ "name": "X SRL", "cui": "18547291" }), vec!["cui"]),
        (
            json!({ "name": "Ion Pop", "type": "individual", "cnp": "1234567890123", "address": "Str. A 1", "city": "Cluj-Napoca", "county": "CJ" }),
            vec!["cnp"],
        ),
        (
            json!({ "name": "Foreign GmbH", "country": "DE", "cui": "DE-129273398" }),
            vec!["address", "city"],
        ),
        (
            json!({ "name": "Fara CUI", "cui": "-" }),
            vec!["address", "city", "county"],
        ),
        (
            json!({ "name": "B SRL", "cui": next_cif(), "county": "Bucuresti", "city": "Bucuresti" }),
            vec!["city"],
        ),
        (
            json!({ "name": "Iban SRL", "cui": next_cif(), "bankAccount": "RO00XXXX" }),
            vec!["bankAccount"],
        ),
        (
            json!({ "name": "Mail SRL", "cui": next_cif(), "email": "office@", "currency": "XYZ" }),
            vec!["currency", "email"],
        ),
        (
            json!({ "cui": "-", "country": "FR", "address": "1 rue X", "city": "Paris" }),
            vec!["name"],
        ),
        (
            json!({ "name": "T", "type": "robot", "country": "XX" }),
            vec!["type", "country"],
        ),
        (
            json!({ "name": "Mismatch", "country": "RO", "cui": "IT01484170514" }),
            vec!["cui"],
        ),
    ];
    for (body, keys) in cases {
        let reply = user.post("/api/v1/clients", body.clone()).await;
        assert_eq!(error_keys(&reply), keys, "{body}");
    }
    let list = user.get("/api/v1/clients").await;
    assert_eq!(list.body["total"], 0, "nothing was created");
}

#[tokio::test]
async fn an_eu_vat_number_fills_the_vat_code_and_the_country() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let reply = user
        .post("/api/v1/clients", json!({ "name": "Ferrari S.p.A.", "cui": "IT 01484170514", "address": "Via Abetone 4", "city": "Maranello" }))
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["anafValidated"], false);
    let c = &reply.body["client"];
    assert_eq!(
        (
            c["cui"].as_str(),
            c["vatCode"].as_str(),
            c["country"].as_str(),
            c["isVatPayer"].as_bool()
        ),
        (
            Some("01484170514"),
            Some("IT01484170514"),
            Some("IT"),
            Some(true)
        )
    );
    assert_eq!(c["county"], Value::Null);
}

#[tokio::test]
async fn an_individual_needs_no_cui_but_an_address() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let reply = user
        .post("/api/v1/clients", json!({ "name": "Ion Popescu", "cui": "-", "cnp": "1960101400011", "address": "Str. Lungă 3", "city": "Sector 2", "county": "B" }))
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let c = &reply.body["client"];
    assert_eq!(
        (
            c["type"].as_str(),
            c["cui"].as_str(),
            c["cnp"].as_str(),
            c["city"].as_str()
        ),
        (
            Some("individual"),
            None,
            Some("1960101400011"),
            Some("SECTOR2")
        )
    );
    assert_eq!(reply.body["anafValidated"], false);
}

#[tokio::test]
async fn a_registry_that_is_down_does_not_stop_a_client_but_stops_from_registry() {
    let sim = RegistrySim::new();
    let (addr, _server) = anaf::sim::spawn(sim.clone()).await.unwrap();
    let app =
        TestApp::spawn_with(|c| c.registry = RegistrySource::Url(format!("http://{addr}"))).await;
    let user = app.user().await.company().await;

    sim.fail_next(1, Fault::ServerError);
    let cif = next_cif();
    let reply = user
        .post(
            "/api/v1/clients",
            json!({ "cui": cif, "name": "Dat De Mine SRL" }),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["anafValidated"], false);
    assert_eq!(reply.body["client"]["name"], "Dat De Mine SRL");
    assert_eq!(reply.body["client"]["registrationNumber"], Value::Null);

    sim.fail_next(1, Fault::ServerError);
    let down = user
        .post(
            "/api/v1/clients/from-registry",
            json!({ "cui": next_cif() }),
        )
        .await;
    assert_eq!(down.status, 503, "{}", down.body);
    let unknown = cif_from(4_567_890);
    sim.forget(unknown);
    let missing = user
        .post("/api/v1/clients/from-registry", json!({ "cui": unknown }))
        .await;
    assert_eq!(
        (missing.status, missing.error()),
        (404, "Company not found at ANAF.")
    );
    let lookup = user
        .get(&format!("/api/v1/clients/anaf-lookup?cui={unknown}"))
        .await;
    assert_eq!(lookup.status, 404);
    sim.fail_next(1, Fault::Firewall);
    let lookup = user
        .get(&format!("/api/v1/clients/anaf-lookup?cui={}", next_cif()))
        .await;
    assert_eq!(lookup.status, 503, "{}", lookup.body);
}

#[tokio::test]
async fn from_registry_and_anaf_lookup_use_the_registrys_data() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let cif = next_cif();
    let lookup = user
        .get(&format!("/api/v1/clients/anaf-lookup?cui=RO{cif}"))
        .await;
    assert_eq!(lookup.status, 200, "{}", lookup.body);
    let data = &lookup.body["data"];
    assert_eq!(data["cui"], cif.to_string());
    for key in [
        "name",
        "address",
        "city",
        "county",
        "postalCode",
        "phone",
        "registrationNumber",
    ] {
        assert!(data[key].is_string(), "{key}: {data}");
    }
    let bad = user.get("/api/v1/clients/anaf-lookup?cui=18547291").await;
    assert_eq!(bad.status, 400, "{}", bad.body);

    let created = user
        .post(
            "/api/v1/clients/from-registry",
            json!({ "cui": format!("{cif}") }),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["anafValidated"], true);
    let c = &created.body["client"];
    assert_eq!(
        (&c["name"], &c["county"], &c["isVatPayer"]),
        (&data["name"], &data["county"], &data["isVatPayer"])
    );
    let again = user
        .post("/api/v1/clients/from-registry", json!({ "cui": cif }))
        .await;
    assert_eq!((again.status, &again.body["existing"]), (200, &json!(true)));
    let missing = user.post("/api/v1/clients/from-registry", json!({})).await;
    assert_eq!(error_keys(&missing), ["cui"]);
}

#[tokio::test]
async fn edits_are_validated_and_reach_draft_invoices_only() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let client = user.client().await;
    let id = client["id"].as_str().unwrap();
    let row = |status| InvoiceRow {
        client: Some(id),
        supplier: None,
        status,
        issue_date: date!(2026 - 06 - 01),
        total: 11_900,
        currency: "RON",
    };
    let draft = row("draft").insert(&user).await;
    let issued = row("issued").insert(&user).await;

    let path = format!("/api/v1/clients/{id}");
    let notes = user.patch(&path, json!({ "notes": "  VIP  " })).await;
    assert_eq!(notes.status, 200, "{}", notes.body);
    assert_eq!(
        (
            &notes.body["client"]["notes"],
            &notes.body["invoicesUpdated"]
        ),
        (&json!("VIP"), &json!(0))
    );

    let renamed = user
        .patch(
            &path,
            json!({ "name": "Nume Nou SRL", "isVatPayer": false }),
        )
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.body);
    assert_eq!(renamed.body["invoicesUpdated"], 1);
    assert_eq!(
        (
            &renamed.body["client"]["vatCode"],
            &renamed.body["client"]["isVatPayer"]
        ),
        (&Value::Null, &json!(false))
    );
    assert_eq!(receiver_name(&app, draft).await, "Nume Nou SRL");
    assert_eq!(receiver_name(&app, issued).await, "Old Name");

    assert_eq!(
        error_keys(&user.patch(&path, json!({ "name": null })).await),
        ["name"]
    );
    assert_eq!(
        error_keys(&user.patch(&path, json!({ "cui": "18547291" })).await),
        ["cui"]
    );
    let abroad = user
        .patch(&path, json!({ "country": "DE", "address": null }))
        .await;
    assert_eq!(
        error_keys(&abroad),
        ["address"],
        "abroad, the CUI does not replace an address"
    );
    let other = user.client().await;
    let taken = user.patch(&path, json!({ "cui": other["cui"] })).await;
    assert_eq!(error_keys(&taken), ["cui"]);
    assert_eq!(user.get(&path).await.body["client"]["name"], "Nume Nou SRL");
}

#[tokio::test]
async fn draft_receivers_are_updated_by_the_store() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let client = user.client().await;
    let id = client["id"].as_str().unwrap();
    let draft = InvoiceRow {
        client: Some(id),
        supplier: None,
        status: "draft",
        issue_date: date!(2026 - 06 - 01),
        total: 100,
        currency: "RON",
    }
    .insert(&user)
    .await;
    let company: CompanyId = user.company.as_deref().unwrap().parse().unwrap();
    let mut row = server::store::clients::get(&app.state.db, company, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    row.name = "Direct SRL".into();
    row.is_vat_payer = false;
    let mut tx = app.state.db.begin().await.unwrap();
    let n = server::store::clients::update_draft_receivers(&mut tx, &row, START)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(n, 1);
    assert_eq!(receiver_name(&app, draft).await, "Direct SRL");
    let cif: String = server::on_db!(&app.state.db, c => sqlx::query_scalar("SELECT receiver_cif FROM invoices WHERE id = $1").bind(draft).fetch_one(c).await).unwrap();
    assert_eq!(
        Some(cif.as_str()),
        row.cui.as_deref(),
        "a non-payer is named by its CUI"
    );
}

#[tokio::test]
async fn lists_filter_sort_and_page() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let mut made = Vec::new();
    for name in ["Beta SRL", "alfa 100% SRL", "Gama SRL"] {
        let r = user
            .post(
                "/api/v1/clients",
                json!({ "name": name, "cui": next_cif(), "isVatPayer": name == "Gama SRL" }),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        made.push(r.body["client"]["id"].as_str().unwrap().to_owned());
    }
    let foreign = user
        .post("/api/v1/clients", json!({ "name": "Delta GmbH", "cui": "DE129273398", "address": "Str. 1", "city": "Berlin", "email": "Contact@Delta.de" }))
        .await;
    made.push(foreign.body["client"]["id"].as_str().unwrap().to_owned());
    let [beta, alfa, gama, delta] = [&made[0], &made[1], &made[2], &made[3]];
    InvoiceRow {
        client: Some(beta),
        supplier: None,
        status: "issued",
        issue_date: date!(2026 - 05 - 02),
        total: 119_000,
        currency: "RON",
    }
    .insert(&user)
    .await;
    InvoiceRow {
        client: Some(beta),
        supplier: None,
        status: "issued",
        issue_date: date!(2026 - 06 - 02),
        total: 1_050,
        currency: "EUR",
    }
    .insert(&user)
    .await;
    InvoiceRow {
        client: Some(beta),
        supplier: None,
        status: "cancelled",
        issue_date: date!(2026 - 06 - 03),
        total: 999,
        currency: "RON",
    }
    .insert(&user)
    .await;

    let page = user.get("/api/v1/clients?limit=3").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(
        (
            &page.body["total"],
            &page.body["pages"],
            &page.body["limit"],
            &page.body["page"]
        ),
        (&json!(4), &json!(2), &json!(3), &json!(1))
    );
    assert_eq!(ids(&page), [alfa, beta, delta]);
    assert_eq!(
        ids(&user.get("/api/v1/clients?limit=3&page=2").await),
        [gama]
    );
    assert_eq!(
        (&page.body["currency"], &page.body["hasForeignCurrencies"]),
        (&json!("RON"), &json!(true))
    );
    assert_eq!(page.body["distinctCountries"], json!(["DE", "RO"]));
    let b = &page.body["data"][1];
    assert_eq!(
        (
            &b["invoiceCount"],
            &b["invoiceTotal"],
            &b["lastInvoiceDate"]
        ),
        (&json!(2), &json!("1200.50"), &json!("2026-06-02"))
    );
    assert_eq!(b["groupCreatedAt"], "2026-06-15T09:00:00+00:00");
    assert_eq!(page.body["data"][0]["lastInvoiceDate"], Value::Null);

    let get = async |q: &str| user.get(&format!("/api/v1/clients?{q}")).await;
    assert_eq!(ids(&get("search=ALFA").await), [alfa]);
    assert_eq!(ids(&get("search=100%25").await), [alfa], "% is literal");
    assert_eq!(ids(&get("search=contact%40delta").await), [delta]);
    assert_eq!(ids(&get("country=de").await), [delta]);
    assert_eq!(
        ids(&get("vatPayer=true&sort=name").await).len(),
        2,
        "Gama and Delta (EU VAT number)"
    );
    assert_eq!(ids(&get("hasInvoices=true").await), [beta]);
    assert_eq!(
        ids(&get("hasInvoices=false&sort=-name").await),
        [gama, delta, alfa]
    );
    assert_eq!(ids(&get("sort=-invoiceTotal&limit=1").await), [beta]);
    assert_eq!(
        ids(&get("sort=lastInvoiceDate&limit=1").await),
        [beta],
        "clients without invoices come last"
    );
    assert_eq!(ids(&get("source=anaf_sync").await).len(), 0);
    assert_eq!(
        get("sort=name;DROP").await.status,
        200,
        "unknown sorts are ignored"
    );
    assert_eq!(get("vatPayer=maybe").await.status, 400);

    let detail = user.get(&format!("/api/v1/clients/{beta}?limit=2")).await;
    assert_eq!(
        (&detail.body["invoiceCount"], &detail.body["invoiceTotal"]),
        (&json!(2), &json!("1200.50"))
    );
    let history = detail.body["invoiceHistory"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (
            &history[0]["status"],
            &history[0]["issueDate"],
            &history[0]["total"]
        ),
        (&json!("cancelled"), &json!("2026-06-03"), &json!("9.99"))
    );
    assert_eq!(history[1]["currency"], "EUR");
}

#[tokio::test]
async fn deletes_are_soft_and_bulk_deletes_report_what_they_could_not_find() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let client = user.client().await;
    let id = client["id"].as_str().unwrap();
    assert_eq!(
        user.delete(&format!("/api/v1/clients/{id}")).await.status,
        204
    );
    assert_eq!(user.get(&format!("/api/v1/clients/{id}")).await.status, 404);
    assert_eq!(
        user.delete(&format!("/api/v1/clients/{id}")).await.status,
        404
    );
    assert_eq!(user.get("/api/v1/clients").await.body["total"], 0);
    let again = user
        .post("/api/v1/clients", json!({ "cui": client["cui"] }))
        .await;
    assert_eq!(
        again.status, 201,
        "a deleted client's CUI is free again: {}",
        again.body
    );

    let stranger = app.user().await.company().await;
    let foreign = stranger.client().await["id"].as_str().unwrap().to_owned();
    let a = user.client().await["id"].as_str().unwrap().to_owned();
    let b = user.client().await["id"].as_str().unwrap().to_owned();
    let reply = user
        .post(
            "/api/v1/clients/bulk-delete",
            json!({ "ids": [a, foreign, "nope", b] }),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.body,
        json!({ "deleted": 2, "errors": [{ "id": foreign, "error": "Client not found." }, { "id": "nope", "error": "Client not found." }] })
    );
    assert_eq!(
        stranger
            .get(&format!("/api/v1/clients/{foreign}"))
            .await
            .status,
        200
    );
    assert_eq!(
        user.post("/api/v1/clients/bulk-delete", json!({ "ids": [] }))
            .await
            .status,
        400
    );
    let many: Vec<String> = (0..101).map(|_| uuid::Uuid::now_v7().to_string()).collect();
    assert_eq!(
        user.post("/api/v1/clients/bulk-delete", json!({ "ids": many }))
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn another_tenants_clients_and_suppliers_are_not_found() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let client = owner.client().await["id"].as_str().unwrap().to_owned();
    let supplier = owner
        .post(
            "/api/v1/suppliers",
            json!({ "name": "Furnizor SRL", "cif": next_cif() }),
        )
        .await;
    assert_eq!(supplier.status, 201, "{}", supplier.body);
    let supplier = supplier.body["supplier"]["id"].as_str().unwrap().to_owned();
    let stranger = app.user().await.company().await;
    for (resource, id) in [("clients", &client), ("suppliers", &supplier)] {
        let path = format!("/api/v1/{resource}/{id}");
        for reply in [
            stranger.get(&path).await,
            stranger.patch(&path, json!({ "name": "Mine" })).await,
            stranger.delete(&path).await,
            stranger
                .get(&format!("/api/v1/{resource}/not-a-uuid"))
                .await,
            stranger
                .acting_for(owner.company.as_deref().unwrap())
                .get(&path)
                .await,
        ] {
            assert_eq!(reply.status, 404, "{path}: {}", reply.body);
        }
        let bulk = stranger
            .post(
                &format!("/api/v1/{resource}/bulk-delete"),
                json!({ "ids": [id] }),
            )
            .await;
        assert_eq!(bulk.body["deleted"], 0, "{}", bulk.body);
        assert_eq!(owner.get(&path).await.status, 200);
    }
}

#[tokio::test]
async fn the_openapi_document_describes_clients_and_suppliers() {
    let app = TestApp::spawn().await;
    let doc = app
        .call(reqwest::Method::GET, "/api/openapi.json", None)
        .await
        .body;
    for path in [
        "/api/v1/clients",
        "/api/v1/clients/{id}",
        "/api/v1/clients/bulk-delete",
        "/api/v1/clients/anaf-lookup",
        "/api/v1/clients/from-registry",
        "/api/v1/suppliers",
        "/api/v1/suppliers/{id}",
        "/api/v1/suppliers/bulk-delete",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    let total = &doc["components"]["schemas"]["ClientListItem"]["properties"]["invoiceTotal"];
    assert_eq!(total["type"], "string", "{total}");
    assert!(
        total["description"]
            .as_str()
            .unwrap()
            .contains("decimal string")
    );
}
