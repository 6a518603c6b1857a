use pretty_assertions::assert_eq;
use serde_json::{Value, json};
use server::ids::{CompanyId, SeriesId};
use server::store::Ts;

use crate::support::{Actor, Reply, START, TestApp};

const IBAN_A: &str = "RO49AAAA1B31007593840000";
const IBAN_B: &str = "RO68BTRL01301202Y1234567";

fn id_of(reply: &Reply) -> String {
    reply.body["id"].as_str().expect("an id").to_owned()
}

fn company_of(actor: &Actor<'_>) -> CompanyId {
    actor
        .company
        .as_deref()
        .expect("a company")
        .parse()
        .expect("a company id")
}

/// The sorted keys of a `{errors:[{key,message}]}` body.
fn error_keys(reply: &Reply) -> Vec<String> {
    let mut keys: Vec<String> = reply.body["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors in {}", reply.body))
        .iter()
        .map(|e| e["key"].as_str().expect("a key").to_owned())
        .collect();
    keys.sort();
    keys
}

fn names(reply: &Reply) -> Vec<&str> {
    reply.body["data"]
        .as_array()
        .unwrap_or_else(|| panic!("no data in {}", reply.body))
        .iter()
        .map(|p| p["name"].as_str().expect("a name"))
        .collect()
}

async fn product(actor: &Actor<'_>, body: Value) -> Value {
    let reply = actor.post("/api/v1/products", body).await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.body
}

/// The events recorded about `subject`, oldest first.
async fn events_of(app: &TestApp, subject: &str) -> Vec<String> {
    let subject: uuid::Uuid = subject.parse().expect("a uuid");
    server::on_db!(&app.state.db, c => sqlx::query_scalar::<_, String>(
        "SELECT type FROM events WHERE subject_id = $1 ORDER BY created_at, id",
    )
    .bind(subject)
    .fetch_all(c)
    .await)
    .expect("reading events")
}

/// Takes the next number of `series` and stores an issued invoice holding it, as issuing does
/// (the invoices API is built elsewhere).
async fn issue_in(app: &TestApp, company: CompanyId, series: SeriesId) -> String {
    let db = &app.state.db;
    let mut tx = db.begin().await.expect("a transaction");
    let (n, number) = server::store::series::take_next(&mut tx, company, series, START)
        .await
        .expect("a number");
    server::on_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO invoices (id, company_id, number, series_number, status, direction, document_type, series_id, \
         issue_date, currency, details, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, 'issued', 'outgoing', 'invoice', $5, $6, 'RON', $7, $8, $8)",
    )
    .bind(uuid::Uuid::now_v7()).bind(company).bind(&number).bind(n).bind(series)
    .bind(START.date()).bind(sqlx::types::Json(json!({}))).bind(Ts(START))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
    .expect("storing the invoice");
    tx.commit().await.expect("commit");
    number
}

#[tokio::test]
async fn a_product_is_created_edited_and_soft_deleted() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let created = product(&user, json!({
        "name": "  Consultanță IT ", "unitOfMeasure": "ora", "vatRate": 21, "defaultPrice": 12.5,
        "code": "CONS-1", "isService": true, "usage": "sales", "ncCode": "8471 30 00", "cpvCode": "72000000-5",
        "color": "#FFAA00", "sgrAmount": "0.5", "description": "Ore de consultanță"
    }))
    .await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(
        created,
        json!({
            "id": id, "name": "Consultanță IT", "code": "CONS-1", "description": "Ore de consultanță",
            "unitOfMeasure": "ora", "defaultPrice": "12.50", "currency": "RON", "vatRate": "21.00",
            "vatCategoryCode": "S", "isService": true, "usage": "sales", "ncCode": "84713000",
            "cpvCode": "72000000-5", "color": "#ffaa00", "sgrAmount": "0.50", "isActive": true, "source": "manual"
        })
    );
    let path = format!("/api/v1/products/{id}");
    assert_eq!(user.get(&path).await.body, created);

    let edited = user
        .patch(&path, json!({ "defaultPrice": "0.1234", "isActive": false, "code": null, "currency": "eur", "unitOfMeasure": "buc" }))
        .await;
    assert_eq!(edited.status, 200, "{}", edited.body);
    assert_eq!(edited.body["defaultPrice"], "0.1234");
    assert_eq!(edited.body["isActive"], false);
    assert_eq!(edited.body["code"], Value::Null);
    assert_eq!(edited.body["currency"], "EUR");
    assert_eq!(edited.body["unitOfMeasure"], "buc");
    assert_eq!(
        edited.body["name"], "Consultanță IT",
        "untouched fields stay"
    );

    assert_eq!(user.delete(&path).await.status, 204);
    assert_eq!(user.get(&path).await.status, 404);
    assert_eq!(user.patch(&path, json!({ "name": "X" })).await.status, 404);
    assert_eq!(user.delete(&path).await.status, 404);
    assert_eq!(user.get("/api/v1/products").await.body["total"], 0);
    assert_eq!(
        events_of(&app, &id).await,
        ["product.created", "product.updated", "product.deleted"]
    );
}

#[tokio::test]
async fn product_fields_are_checked_with_400_field_errors() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let empty = user.post("/api/v1/products", json!({})).await;
    assert_eq!(empty.status, 400);
    assert_eq!(
        error_keys(&empty),
        ["defaultPrice", "name", "unitOfMeasure", "vatRate"]
    );

    let bad = user
        .post("/api/v1/products", json!({
            "name": 5, "unitOfMeasure": "  ", "vatRate": "abc", "defaultPrice": -1, "currency": "XYZ",
            "usage": "gift", "color": "red", "cpvCode": "123", "isService": "maybe"
        }))
        .await;
    assert_eq!(bad.status, 400);
    assert_eq!(
        error_keys(&bad),
        [
            "color",
            "cpvCode",
            "currency",
            "defaultPrice",
            "isService",
            "name",
            "unitOfMeasure",
            "usage",
            "vatRate"
        ]
    );

    let huge = user
        .post("/api/v1/products", json!({ "name": "X", "unitOfMeasure": "buc", "vatRate": 21, "defaultPrice": "1234567890123456789012345678901234567890" }))
        .await;
    assert_eq!(
        (huge.status, error_keys(&huge)),
        (400, vec!["defaultPrice".to_owned()])
    );

    for (rate, category) in [("0", "S"), ("9", "Z"), ("21", "AE"), ("5", "X")] {
        let reply = user
            .post("/api/v1/products", json!({ "name": "X", "unitOfMeasure": "buc", "vatRate": rate, "defaultPrice": 1, "vatCategoryCode": category }))
            .await;
        assert_eq!(reply.status, 400, "{rate} {category}: {}", reply.body);
        assert_eq!(error_keys(&reply), ["vatCategoryCode"], "{rate} {category}");
    }
    let rate = user
        .post(
            "/api/v1/products",
            json!({ "name": "X", "unitOfMeasure": "buc", "vatRate": "100.5", "defaultPrice": 1 }),
        )
        .await;
    assert_eq!(error_keys(&rate), ["vatRate"]);

    let reverse = product(&user, json!({ "name": "Taxare inversă", "unitOfMeasure": "buc", "vatRate": "0", "defaultPrice": "10", "vatCategoryCode": "ae" })).await;
    assert_eq!(
        (&reverse["vatRate"], &reverse["vatCategoryCode"]),
        (&json!("0.00"), &json!("AE"))
    );
    let path = format!("/api/v1/products/{}", reverse["id"].as_str().unwrap());
    let mismatch = user.patch(&path, json!({ "vatRate": 9 })).await;
    assert_eq!(
        (mismatch.status, error_keys(&mismatch)),
        (400, vec!["vatCategoryCode".to_owned()])
    );
    let fixed = user
        .patch(&path, json!({ "vatRate": 9, "vatCategoryCode": "S" }))
        .await;
    assert_eq!(fixed.status, 200, "{}", fixed.body);
    let cleared = user
        .patch(&path, json!({ "name": null, "defaultPrice": null }))
        .await;
    assert_eq!(error_keys(&cleared), ["defaultPrice", "name"]);
}

#[tokio::test]
async fn products_are_listed_with_filters_sorting_and_pages() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    for (name, code, price, usage) in [
        ("Alpha", "A1", "10", "sales"),
        ("beta", "B_2", "2.5", "purchases"),
        ("Gamma", "G3", "100", "both"),
        ("Delta", "D4", "9.99", "internal"),
        ("Epsilon", "E5", "1000", "both"),
    ] {
        let p = product(&user, json!({ "name": name, "code": code, "unitOfMeasure": "buc", "vatRate": 21, "defaultPrice": price, "usage": usage })).await;
        if name == "Gamma" {
            let path = format!("/api/v1/products/{}", p["id"].as_str().unwrap());
            assert_eq!(
                user.patch(&path, json!({ "isActive": false })).await.status,
                200
            );
        }
    }
    let first = user.get("/api/v1/products?limit=2").await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(
        (
            &first.body["total"],
            &first.body["page"],
            &first.body["limit"],
            &first.body["pages"]
        ),
        (&json!(5), &json!(1), &json!(2), &json!(3))
    );
    assert_eq!(names(&first), ["Alpha", "beta"]);
    assert_eq!(
        names(&user.get("/api/v1/products?limit=2&page=3").await),
        ["Gamma"]
    );
    assert_eq!(
        names(&user.get("/api/v1/products?status=inactive").await),
        ["Gamma"]
    );
    assert_eq!(
        user.get("/api/v1/products?status=active").await.body["total"],
        4
    );
    assert_eq!(
        names(&user.get("/api/v1/products?usage=sales").await),
        ["Alpha", "Epsilon", "Gamma"]
    );
    assert_eq!(
        names(&user.get("/api/v1/products?usage=internal").await),
        ["Delta"]
    );
    assert_eq!(
        names(&user.get("/api/v1/products?search=ALP").await),
        ["Alpha"]
    );
    assert_eq!(
        names(&user.get("/api/v1/products?search=e5").await),
        ["Epsilon"]
    );
    assert_eq!(
        names(&user.get("/api/v1/products?search=b_").await),
        ["beta"]
    );
    assert_eq!(
        user.get("/api/v1/products?search=%25").await.body["total"],
        0,
        "% is no wildcard"
    );
    assert_eq!(
        names(&user.get("/api/v1/products?sort=-defaultPrice").await),
        ["Epsilon", "Gamma", "Alpha", "Delta", "beta"],
        "prices sort as numbers"
    );
    assert_eq!(
        names(
            &user
                .get("/api/v1/products?sort=code&order=desc&limit=1")
                .await
        ),
        ["Gamma"]
    );
    assert_eq!(
        user.get("/api/v1/products?source=manual").await.body["total"],
        5
    );
    assert_eq!(
        user.get("/api/v1/products?source=api").await.body["total"],
        0
    );
    for bad in [
        "status=gone",
        "usage=gift",
        "source=x",
        "sort=price",
        "order=up",
        "page=x",
    ] {
        let reply = user.get(&format!("/api/v1/products?{bad}")).await;
        assert_eq!(reply.status, 400, "{bad}: {}", reply.body);
        assert!(!reply.error().is_empty(), "{bad}");
    }
}

#[tokio::test]
async fn bulk_delete_reports_the_ids_it_could_not_delete() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let stranger = app.user().await.company().await;
    let body = json!({ "name": "P", "unitOfMeasure": "buc", "vatRate": 21, "defaultPrice": 1 });
    let a = product(&user, body.clone()).await["id"].clone();
    let b = product(&user, body.clone()).await["id"].clone();
    let keep = product(&user, body.clone()).await["id"].clone();
    let foreign = product(&stranger, body).await["id"].clone();
    let reply = user
        .post(
            "/api/v1/products/bulk-delete",
            json!({ "ids": [a, b, foreign, "not-a-uuid"] }),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.body,
        json!({ "deleted": 2, "errors": [
            { "id": foreign, "error": "Product not found." },
            { "id": "not-a-uuid", "error": "Product not found." },
        ]})
    );
    let left = user.get("/api/v1/products").await;
    assert_eq!(left.body["data"][0]["id"], keep);
    assert_eq!(left.body["total"], 1);
    assert_eq!(stranger.get("/api/v1/products").await.body["total"], 1);

    let none = user
        .post("/api/v1/products/bulk-delete", json!({ "ids": [] }))
        .await;
    assert_eq!(none.status, 400);
    let ids: Vec<String> = (0..101).map(|_| uuid::Uuid::now_v7().to_string()).collect();
    let many = user
        .post("/api/v1/products/bulk-delete", json!({ "ids": ids }))
        .await;
    assert_eq!(many.status, 400);
}

#[tokio::test]
async fn vat_rates_are_managed_and_one_is_the_default() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let seeded = user.get("/api/v1/vat-rates").await;
    assert_eq!(seeded.status, 200);
    let rates = seeded.body["data"].as_array().unwrap();
    assert_eq!(rates.len(), 8);
    assert_eq!(
        (
            &rates[0]["rate"],
            &rates[0]["categoryCode"],
            &rates[0]["isDefault"],
            &rates[0]["position"]
        ),
        (&json!("21.00"), &json!("S"), &json!(true), &json!(0))
    );
    assert_eq!(rates[4]["exemptionCode"], "VATEX-EU-AE");

    let nine = user
        .post("/api/v1/vat-rates", json!({ "rate": 9, "label": "9%" }))
        .await;
    assert_eq!(nine.status, 201, "{}", nine.body);
    let nine_id = id_of(&nine);
    assert_eq!(
        nine.body,
        json!({ "id": nine_id, "rate": "9.00", "label": "9%", "categoryCode": "S", "exemptionCode": null,
                "isDefault": false, "isActive": true, "position": 8 })
    );

    for (body, needle) in [
        (json!({ "label": "x" }), "rate"),
        (json!({ "rate": 5 }), "label"),
        (json!({ "rate": 5, "label": "x", "categoryCode": "Z" }), "Z"),
        (json!({ "rate": 0, "label": "x" }), "S"),
        (
            json!({ "rate": 5, "label": "x", "exemptionCode": "VATEX-EU-AE" }),
            "exemption",
        ),
        (
            json!({ "rate": 0, "label": "x", "categoryCode": "E", "exemptionCode": "VATEX-NOPE" }),
            "VATEX",
        ),
        (json!({ "rate": 5, "label": "x", "categoryCode": "Q" }), "Q"),
    ] {
        let reply = user.post("/api/v1/vat-rates", body.clone()).await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        assert!(reply.error().contains(needle), "{body}: {}", reply.body);
    }

    let exempt = user
        .post("/api/v1/vat-rates", json!({ "rate": "0", "label": "Scutit 1a", "categoryCode": "e", "exemptionCode": "vatex-eu-132-1a", "isDefault": true }))
        .await;
    assert_eq!(exempt.status, 201, "{}", exempt.body);
    assert_eq!(exempt.body["exemptionCode"], "VATEX-EU-132-1A");
    assert_eq!(exempt.body["categoryCode"], "E");
    let defaults = |reply: &Reply| -> Vec<String> {
        reply.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["isDefault"] == true)
            .map(|r| r["label"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        defaults(&user.get("/api/v1/vat-rates").await),
        ["Scutit 1a"]
    );

    let path = format!("/api/v1/vat-rates/{nine_id}");
    let edited = user
        .patch(
            &path,
            json!({ "isDefault": true, "label": "Cotă redusă", "isActive": false, "position": 1 }),
        )
        .await;
    assert_eq!(edited.status, 200, "{}", edited.body);
    assert_eq!(
        (&edited.body["label"], &edited.body["isActive"]),
        (&json!("Cotă redusă"), &json!(false))
    );
    assert_eq!(
        defaults(&user.get("/api/v1/vat-rates").await),
        ["Cotă redusă"]
    );
    assert_eq!(user.patch(&path, json!({ "rate": 0 })).await.status, 400);

    let deleted = user.delete(&path).await;
    assert_eq!(
        (deleted.status, deleted.body.clone()),
        (200, json!({ "message": "VAT rate deleted." }))
    );
    assert_eq!(user.delete(&path).await.status, 404);
    assert_eq!(
        user.get("/api/v1/vat-rates").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        9
    );
    assert_eq!(
        events_of(&app, &nine_id).await,
        ["vat_rate.created", "vat_rate.updated", "vat_rate.deleted"]
    );
}

#[tokio::test]
async fn vat_category_codes_need_only_a_signed_in_user() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let reply = user.get("/api/v1/vat-category-codes").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let codes: Vec<&str> = reply.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["S", "Z", "E", "AE", "K", "L", "O", "M", "G"]);
    assert_eq!(reply.body["data"][3]["labelKey"], "vat_category.AE.label");
    assert_eq!(
        reply.body["data"][3]["descriptionKey"],
        "vat_category.AE.description"
    );
    assert_eq!(
        app.call(reqwest::Method::GET, "/api/v1/vat-category-codes", None)
            .await
            .status,
        401
    );
}

#[tokio::test]
async fn series_are_managed_and_their_numbers_never_repeat() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let seeded = user.get("/api/v1/document-series").await;
    assert_eq!(seeded.status, 200);
    let fct = &seeded.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["prefix"] == "FCT")
        .unwrap()
        .clone();
    assert_eq!(
        (
            &fct["nextNumber"],
            &fct["currentNumber"],
            &fct["source"],
            &fct["type"]
        ),
        (
            &json!("FCT0001"),
            &json!(0),
            &json!("default"),
            &json!("invoice")
        )
    );

    assert_eq!(
        user.post("/api/v1/document-series", json!({ "prefix": "FCT" }))
            .await
            .status,
        409
    );
    for body in [
        json!({}),
        json!({ "prefix": "AB/1" }),
        json!({ "prefix": "ABCDEFGHIJK" }),
        json!({ "prefix": "X", "type": "bill" }),
        json!({ "prefix": "X", "currentNumber": -1 }),
    ] {
        let reply = user.post("/api/v1/document-series", body.clone()).await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
    }

    let fx = user
        .post(
            "/api/v1/document-series",
            json!({ "prefix": "FX", "currentNumber": 41, "isDefault": true }),
        )
        .await;
    assert_eq!(fx.status, 201, "{}", fx.body);
    let fx_id = id_of(&fx);
    assert_eq!(
        fx.body,
        json!({ "id": fx_id, "prefix": "FX", "currentNumber": 41, "type": "invoice", "active": true,
                "isDefault": true, "source": "manual", "nextNumber": "FX0042" })
    );
    let fy = user
        .post(
            "/api/v1/document-series",
            json!({ "prefix": "FY", "isDefault": true }),
        )
        .await;
    let fy_id = id_of(&fy);
    let pro = seeded.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["prefix"] == "PRO")
        .unwrap()["id"]
        .clone();
    let set = user
        .post(
            &format!(
                "/api/v1/document-series/{}/set-default",
                pro.as_str().unwrap()
            ),
            json!({}),
        )
        .await;
    assert_eq!((set.status, &set.body["isDefault"]), (200, &json!(true)));
    let list = user.get("/api/v1/document-series").await;
    let default_prefixes: Vec<&str> = list.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["isDefault"] == true)
        .map(|s| s["prefix"].as_str().unwrap())
        .collect();
    assert_eq!(default_prefixes, ["FY", "PRO"], "one default per type");

    let company = company_of(&user);
    let series: SeriesId = fx_id.parse().unwrap();
    assert_eq!(issue_in(&app, company, series).await, "FX0042");
    assert_eq!(issue_in(&app, company, series).await, "FX0043");
    let path = format!("/api/v1/document-series/{fx_id}");
    let below = user.patch(&path, json!({ "currentNumber": 42 })).await;
    assert_eq!(below.status, 409, "{}", below.body);
    assert!(below.error().contains("FX0043"), "{}", below.body);
    assert_eq!(
        user.patch(&path, json!({ "currentNumber": 43 })).await.body["nextNumber"],
        "FX0044"
    );
    let ahead = user
        .patch(&path, json!({ "currentNumber": 50, "active": false }))
        .await;
    assert_eq!(
        (&ahead.body["nextNumber"], &ahead.body["active"]),
        (&json!("FX0051"), &json!(false))
    );
    assert_eq!(
        user.patch(&path, json!({ "prefix": "FZ" })).await.status,
        409
    );
    assert_eq!(
        user.patch(&path, json!({ "type": "proforma" }))
            .await
            .status,
        409
    );
    let fy_path = format!("/api/v1/document-series/{fy_id}");
    assert_eq!(
        user.patch(&fy_path, json!({ "prefix": "FX" })).await.status,
        409,
        "duplicate prefix"
    );
    let renamed = user
        .patch(&fy_path, json!({ "prefix": "FZ", "currentNumber": 1041 }))
        .await;
    assert_eq!(renamed.body["nextNumber"], "FZ1042");

    let used = user.delete(&path).await;
    assert_eq!(used.status, 409, "{}", used.body);
    let deleted = user.delete(&fy_path).await;
    assert_eq!(
        (deleted.status, deleted.body.clone()),
        (200, json!({ "message": "Document series deleted." }))
    );
    assert_eq!(user.delete(&fy_path).await.status, 404);
    assert_eq!(
        events_of(&app, &fy_id).await.last().map(String::as_str),
        Some("document_series.deleted")
    );
}

#[tokio::test]
async fn bank_accounts_are_managed_and_the_default_is_the_companys() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let company_path = format!("/api/v1/companies/{}", user.company.clone().unwrap());
    let first = user
        .post("/api/v1/bank-accounts", json!({ "iban": "ro49 aaaa 1b31 0075 9384 0000", "bankName": "Banca Test", "bic": "aaaa ro bu" }))
        .await;
    assert_eq!(first.status, 201, "{}", first.body);
    let first_id = id_of(&first);
    assert_eq!(
        first.body,
        json!({ "id": first_id, "bankName": "Banca Test", "iban": IBAN_A, "bic": "AAAAROBU", "currency": "RON",
                "isDefault": true, "createdAt": "2026-06-15T09:00:00+00:00" }),
        "a company's first account is its default"
    );
    assert_eq!(user.get(&company_path).await.body["bankAccount"], IBAN_A);

    let second = user
        .post(
            "/api/v1/bank-accounts",
            json!({ "iban": IBAN_B, "currency": "eur", "isDefault": true }),
        )
        .await;
    assert_eq!(second.status, 201, "{}", second.body);
    let second_id = id_of(&second);
    assert_eq!(second.body["currency"], "EUR");
    let company = user.get(&company_path).await;
    assert_eq!(
        (&company.body["bankAccount"], &company.body["bankName"]),
        (&json!(IBAN_B), &Value::Null)
    );
    let list = user.get("/api/v1/bank-accounts").await;
    let flags: Vec<(&str, bool)> = list.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["iban"].as_str().unwrap(),
                a["isDefault"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(flags, [(IBAN_B, true), (IBAN_A, false)]);

    assert_eq!(
        user.post("/api/v1/bank-accounts", json!({ "iban": IBAN_A }))
            .await
            .status,
        409
    );
    let bad = user
        .post(
            "/api/v1/bank-accounts",
            json!({ "iban": "RO00XXXX", "currency": "XYZ", "bic": "nope" }),
        )
        .await;
    assert_eq!(
        (bad.status, error_keys(&bad)),
        (
            422,
            vec!["bic".to_owned(), "currency".to_owned(), "iban".to_owned()]
        )
    );
    let missing = user
        .post("/api/v1/bank-accounts", json!({ "bankName": "X" }))
        .await;
    assert_eq!(
        (missing.status, error_keys(&missing)),
        (422, vec!["iban".to_owned()])
    );

    let first_path = format!("/api/v1/bank-accounts/{first_id}");
    let back = user
        .patch(&first_path, json!({ "isDefault": true, "bankName": null }))
        .await;
    assert_eq!(back.status, 200, "{}", back.body);
    assert_eq!(
        (&back.body["isDefault"], &back.body["bankName"]),
        (&json!(true), &Value::Null)
    );
    assert_eq!(user.get(&company_path).await.body["bankAccount"], IBAN_A);
    let second_path = format!("/api/v1/bank-accounts/{second_id}");
    assert_eq!(
        user.patch(&second_path, json!({ "iban": IBAN_A }))
            .await
            .status,
        409
    );

    assert_eq!(user.delete(&second_path).await.status, 204);
    assert_eq!(user.delete(&second_path).await.status, 404);
    assert_eq!(
        user.get("/api/v1/bank-accounts").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        events_of(&app, &second_id).await,
        ["bank_account.created", "bank_account.deleted"]
    );
}

#[tokio::test]
async fn another_tenants_catalog_is_not_found() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let stranger = app.user().await.company().await;
    let product = product(
        &owner,
        json!({ "name": "P", "unitOfMeasure": "buc", "vatRate": 21, "defaultPrice": 1 }),
    )
    .await;
    let rate = owner.get("/api/v1/vat-rates").await.body["data"][0]["id"].clone();
    let series = owner.get("/api/v1/document-series").await.body["data"][0]["id"].clone();
    let account = id_of(
        &owner
            .post("/api/v1/bank-accounts", json!({ "iban": IBAN_A }))
            .await,
    );
    let ids = [
        ("products", product["id"].as_str().unwrap().to_owned()),
        ("vat-rates", rate.as_str().unwrap().to_owned()),
        ("document-series", series.as_str().unwrap().to_owned()),
        ("bank-accounts", account),
    ];
    for (resource, id) in &ids {
        for target in [id.as_str(), "not-a-uuid"] {
            let path = format!("/api/v1/{resource}/{target}");
            let mut replies = vec![
                stranger
                    .patch(&path, json!({ "isActive": false, "active": false }))
                    .await,
                stranger.delete(&path).await,
            ];
            if *resource == "products" {
                replies.push(stranger.get(&path).await);
            }
            if *resource == "document-series" {
                replies.push(
                    stranger
                        .post(&format!("{path}/set-default"), json!({}))
                        .await,
                );
            }
            for reply in replies {
                assert_eq!(reply.status, 404, "{path}: {}", reply.body);
            }
        }
        let as_owner = stranger.acting_for(owner.company.as_deref().unwrap());
        let list = as_owner.get(&format!("/api/v1/{resource}")).await;
        assert_eq!(
            (list.status, list.error()),
            (404, "Company not found."),
            "{resource}"
        );
    }
    assert_eq!(
        owner
            .get(&format!("/api/v1/products/{}", ids[0].1))
            .await
            .body,
        product
    );
    assert_eq!(
        owner.get("/api/v1/bank-accounts").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        owner.get("/api/v1/vat-rates").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
    assert_eq!(
        owner.get("/api/v1/document-series").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[tokio::test]
async fn the_catalog_routes_are_documented() {
    let app = TestApp::spawn().await;
    let doc = app
        .call(reqwest::Method::GET, "/api/openapi.json", None)
        .await;
    let mut operations: Vec<String> = doc.body["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .filter(|(path, _)| {
            ["product", "vat-", "series", "bank"]
                .iter()
                .any(|k| path.contains(k))
        })
        .flat_map(|(_, methods)| methods.as_object().expect("methods").values())
        .filter_map(|op| op["operationId"].as_str().map(str::to_owned))
        .collect();
    operations.sort();
    assert_eq!(
        operations,
        [
            "bank_account_create",
            "bank_account_delete",
            "bank_account_list",
            "bank_account_update",
            "product_bulk_delete",
            "product_create",
            "product_delete",
            "product_get",
            "product_list",
            "product_update",
            "series_create",
            "series_delete",
            "series_list",
            "series_set_default",
            "series_update",
            "vat_category_codes",
            "vat_rate_create",
            "vat_rate_delete",
            "vat_rate_list",
            "vat_rate_update",
        ]
    );
}
