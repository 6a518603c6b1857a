use pretty_assertions::assert_eq;
use serde_json::{Value, json};
use time::macros::date;

use crate::clients::InvoiceRow;
use crate::support::{TestApp, next_cif};

#[tokio::test]
async fn a_supplier_is_created_once_per_cif_and_edited() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let cif = next_cif();
    let reply = user
        .post("/api/v1/suppliers", json!({ "name": "Furnizor SRL", "cif": format!("RO{cif}"), "county": "cluj", "city": "Cluj-Napoca", "bankAccount": "RO49AAAA1B31007593840000" }))
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let s = &reply.body["supplier"];
    assert_eq!(
        (
            s["cif"].as_str(),
            s["vatCode"].as_str(),
            s["isVatPayer"].as_bool(),
            s["county"].as_str()
        ),
        (
            Some(cif.to_string().as_str()),
            Some(format!("RO{cif}").as_str()),
            Some(true),
            Some("CJ")
        )
    );
    assert_eq!(
        (s["source"].as_str(), &s["lastSyncedAt"]),
        (Some("manual"), &Value::Null)
    );
    assert!(reply.body.get("existing").is_none());

    let again = user
        .post(
            "/api/v1/suppliers",
            json!({ "name": "Alt Nume", "cif": cif }),
        )
        .await;
    assert_eq!(
        (again.status, &again.body["existing"]),
        (200, &json!(true)),
        "{}",
        again.body
    );
    assert_eq!(again.body["supplier"]["id"], s["id"]);

    let path = format!("/api/v1/suppliers/{}", s["id"].as_str().unwrap());
    let edited = user
        .patch(
            &path,
            json!({ "name": "Furnizor Nou SRL", "isVatPayer": false, "email": "x@y.ro" }),
        )
        .await;
    assert_eq!(edited.status, 200, "{}", edited.body);
    let e = &edited.body["supplier"];
    assert_eq!(
        (e["name"].as_str(), &e["vatCode"], e["email"].as_str()),
        (Some("Furnizor Nou SRL"), &Value::Null, Some("x@y.ro"))
    );
    assert!(edited.body.get("invoicesUpdated").is_none());
}

#[tokio::test]
async fn supplier_fields_are_validated() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    for (body, key) in [
        (json!({ "cif": next_cif() }), "name"),
        (json!({ "name": "X", "cif": "18547291" }), "cif"),
        (json!({ "name": "X", "bankAccount": "RO00" }), "bankAccount"),
        (json!({ "name": "X", "county": "Atlantis" }), "county"),
    ] {
        let reply = user.post("/api/v1/suppliers", body.clone()).await;
        assert_eq!(reply.status, 422, "{body}: {}", reply.body);
        assert_eq!(reply.body["errors"][0]["key"], key, "{body}");
    }
    let eu = user
        .post(
            "/api/v1/suppliers",
            json!({ "name": "Lieferant GmbH", "cif": "DE129273398" }),
        )
        .await;
    assert_eq!(eu.status, 201, "{}", eu.body);
    assert_eq!(
        (
            &eu.body["supplier"]["country"],
            &eu.body["supplier"]["vatCode"]
        ),
        (&json!("DE"), &json!("DE129273398"))
    );
}

#[tokio::test]
async fn suppliers_list_with_their_invoices_and_delete() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let mut ids = Vec::new();
    for name in ["Zeta SRL", "Alfa SRL", "Beta SRL"] {
        let r = user
            .post(
                "/api/v1/suppliers",
                json!({ "name": name, "cif": next_cif() }),
            )
            .await;
        ids.push(r.body["supplier"]["id"].as_str().unwrap().to_owned());
    }
    InvoiceRow {
        client: None,
        supplier: Some(&ids[0]),
        status: "synced",
        issue_date: date!(2026 - 04 - 10),
        total: 50_000,
        currency: "RON",
    }
    .insert(&user)
    .await;

    let list = user.get("/api/v1/suppliers?limit=2").await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert_eq!(
        (
            &list.body["total"],
            &list.body["pages"],
            &list.body["hasForeignCurrencies"]
        ),
        (&json!(3), &json!(2), &json!(false))
    );
    let names: Vec<&str> = list.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alfa SRL", "Beta SRL"]);
    let with = user.get("/api/v1/suppliers?hasInvoices=1").await;
    let row = &with.body["data"][0];
    assert_eq!(
        (
            &with.body["total"],
            &row["name"],
            &row["invoiceCount"],
            &row["invoiceTotal"],
            &row["lastInvoiceDate"]
        ),
        (
            &json!(1),
            &json!("Zeta SRL"),
            &json!(1),
            &json!("500.00"),
            &json!("2026-04-10")
        )
    );
    assert_eq!(row["createdAt"], "2026-06-15T09:00:00+00:00");
    assert_eq!(
        user.get("/api/v1/suppliers?search=bet").await.body["total"],
        1
    );

    let detail = user.get(&format!("/api/v1/suppliers/{}", ids[0])).await;
    assert_eq!(
        (&detail.body["invoiceCount"], &detail.body["invoiceTotal"]),
        (&json!(1), &json!("500.00"))
    );
    assert_eq!(detail.body["invoiceHistory"][0]["issueDate"], "2026-04-10");

    let deleted = user.delete(&format!("/api/v1/suppliers/{}", ids[1])).await;
    assert_eq!(
        (deleted.status, &deleted.body),
        (200, &json!({ "message": "Supplier deleted." }))
    );
    assert_eq!(
        user.get(&format!("/api/v1/suppliers/{}", ids[1]))
            .await
            .status,
        404
    );
    let bulk = user
        .post(
            "/api/v1/suppliers/bulk-delete",
            json!({ "ids": [ids[1], ids[2]] }),
        )
        .await;
    assert_eq!(
        bulk.body,
        json!({ "deleted": 1, "errors": [{ "id": ids[1], "error": "Supplier not found." }] })
    );
    assert_eq!(user.get("/api/v1/suppliers").await.body["total"], 1);
}
