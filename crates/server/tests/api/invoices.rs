use std::collections::BTreeSet;

use futures::future::join_all;
use pretty_assertions::assert_eq;
use serde_json::{Value, json};

use crate::support::{Actor, TestApp};

/// A draft for the company's first client (created when there is none), unless the body
/// names its buyer: the buyer has the address e-Factura requires, so the draft can be issued.
async fn draft(user: &Actor<'_>, body: Value) -> Value {
    let mut body = body;
    let map = body.as_object_mut().unwrap();
    if !map.contains_key("clientId") && !map.contains_key("receiverName") {
        let existing = user.get("/api/v1/clients?limit=1").await.body["data"][0]["id"].clone();
        let client = if existing.is_string() {
            existing
        } else {
            user.client().await["id"].clone()
        };
        map.insert("clientId".into(), client);
    }
    map.entry("dueDate").or_insert(json!("2026-07-15"));
    let reply = user.post("/api/v1/invoices", body).await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.body["invoice"].clone()
}

fn one_line(price: &str) -> Value {
    json!({ "lines": [{ "description": "Servicii", "quantity": "1", "unitPrice": price }] })
}

#[tokio::test]
async fn a_draft_is_created_issued_and_listed_with_exact_totals() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let inv = draft(&user, json!({ "issueDate": "2026-06-10", "lines": [
        { "description": "Consultanță", "quantity": "10", "unitPrice": "150.00", "vatRate": "21" },
        { "description": "Transport", "quantity": "1", "unitPrice": "99.99", "vatRate": "21" },
        { "description": "Carte", "quantity": "3", "unitPrice": "33.33", "vatRate": "11", "unitOfMeasure": "buc" },
    ]}))
    .await;
    assert!(inv["number"].as_str().unwrap().starts_with("DRAFT-"));
    assert_eq!(inv["status"], "draft");
    assert_eq!(
        (
            inv["subtotal"].as_str(),
            inv["vatTotal"].as_str(),
            inv["total"].as_str()
        ),
        (Some("1699.98"), Some("347.00"), Some("2046.98"))
    );
    assert_eq!(inv["issueDate"], "2026-06-10");
    assert_eq!(inv["lines"][0]["quantity"], "10.0000");
    assert_eq!(inv["lines"][0]["lineTotal"], "1500.00");
    assert_eq!(inv["lines"][2]["unitCode"], "H87");
    let groups: Vec<(&str, &str, &str)> = inv["vatBreakdown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["rate"].as_str().unwrap(),
                g["taxableAmount"].as_str().unwrap(),
                g["taxAmount"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [("11.00", "99.99", "11.00"), ("21.00", "1599.99", "336.00")]
    );

    let id = inv["id"].as_str().unwrap();
    let issued = user
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await;
    assert_eq!(issued.status, 200, "{}", issued.body);
    assert_eq!(
        issued.body,
        json!({ "status": "issued", "number": "FCT0001", "efacturaDelayHours": null, "scheduledSendAt": null })
    );
    let after = user.get(&format!("/api/v1/invoices/{id}")).await.body;
    assert_eq!(after["documentSeries"]["nextNumber"], "FCT0002");
    assert_eq!(
        after["sellerSnapshot"]["cif"]
            .as_i64()
            .map(|c| c.to_string()),
        after["senderCif"].as_str().map(str::to_owned)
    );
    // Not yet at ANAF, an issued invoice may still be corrected (api.md §12.5): it keeps its
    // number and its XML follows.
    let edit = user
        .put(
            &format!("/api/v1/invoices/{id}"),
            json!({ "notes": "Livrare întârziată" }),
        )
        .await;
    assert_eq!(edit.status, 200, "{}", edit.body);
    let after = user.get(&format!("/api/v1/invoices/{id}")).await.body;
    assert_eq!(
        (after["number"].as_str(), after["status"].as_str()),
        (Some("FCT0001"), Some("issued"))
    );
    let xml = user.get(&format!("/api/v1/invoices/{id}/xml")).await;
    let xml = xml.body.as_str().unwrap();
    assert!(
        xml.contains("<cbc:Note>Livrare întârziată</cbc:Note>"),
        "{xml}"
    );
    assert!(xml.contains("<cbc:ID>FCT0001</cbc:ID>"), "{xml}");

    let list = user.get("/api/v1/invoices").await;
    assert_eq!(list.status, 200);
    assert_eq!(
        (
            list.body["total"].as_i64(),
            list.body["pages"].as_i64(),
            list.body["currency"].as_str()
        ),
        (Some(1), Some(1), Some("RON"))
    );
    assert_eq!(list.body["totals"]["total"], "2046.98");
    assert_eq!(list.body["totals"]["receivable"], "2046.98");
    assert_eq!(list.body["data"][0]["number"], "FCT0001");
    assert_eq!(list.body["data"][0]["company"], json!([]));
}

#[tokio::test]
async fn en16931_totals_cover_prices_per_base_quantity_vat_inclusive_allowances_and_prepaid() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let inv = draft(&user, json!({
        "lines": [
            { "description": "Șuruburi", "quantity": "250", "unitPrice": "12.40", "priceBaseQuantity": "100", "vatRate": "21" },
            { "description": "Abonament", "quantity": "1", "unitPrice": "121.00", "vatIncluded": true, "vatRate": "21" },
            { "description": "Export", "quantity": "2", "unitPrice": "10", "vatCategoryCode": "G" },
        ],
        "ublExtensions": {
            "allowanceCharges": [
                { "chargeIndicator": false, "amount": "10.00", "taxCategoryCode": "S", "taxRate": "21", "reason": "Discount" },
                { "chargeIndicator": true, "baseAmount": "20", "multiplierFactorNumeric": "5", "taxCategoryCode": "G", "reason": "Ambalare" },
            ],
            "prepaidAmount": "50.00"
        }
    }))
    .await;
    // 250 × 12.40 / 100 = 31.00; 121.00 incl. 21 % = 100.00 net; 2 × 10 = 20.00 (G).
    assert_eq!(inv["lineExtensionAmount"], "151.00");
    assert_eq!(
        (inv["allowanceTotal"].as_str(), inv["chargeTotal"].as_str()),
        (Some("10.00"), Some("1.00"))
    );
    assert_eq!(inv["subtotal"], "142.00");
    // S: 131.00 − 10.00 = 121.00 → 25.41; G: 21.00 → 0.
    assert_eq!(inv["vatTotal"], "25.41");
    assert_eq!(inv["total"], "167.41");
    assert_eq!(inv["payableAmount"], "117.41");
    assert_eq!(inv["balance"], "117.41");
}

#[tokio::test]
async fn foreign_currency_needs_a_rate_and_shows_vat_in_ron() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let no_rate = user.post("/api/v1/invoices", json!({ "currency": "EUR", "receiverName": "X", "lines": [{ "description": "A", "unitPrice": "100" }] })).await;
    assert_eq!(no_rate.status, 400);
    assert_eq!(no_rate.body["errors"][0]["key"], "exchangeRate");
    let inv = draft(&user, json!({ "currency": "EUR", "exchangeRate": "4.9763", "lines": [{ "description": "A", "unitPrice": "100" }] })).await;
    assert_eq!(
        (
            inv["currency"].as_str(),
            inv["exchangeRate"].as_str(),
            inv["vatTotalRon"].as_str()
        ),
        (Some("EUR"), Some("4.9763"), Some("104.50"))
    );
    let list = user.get("/api/v1/invoices").await.body;
    assert_eq!(list["distinctCurrencies"], json!(["EUR"]));
    assert_eq!(
        list["totals"]["total"], "0.00",
        "totals are in the company currency"
    );
    assert_eq!(
        user.get("/api/v1/invoices?currency=eur").await.body["totals"]["total"],
        "121.00"
    );
}

/// `{"a":{"a":…}}`, `depth` levels deep.
fn nested(depth: usize) -> Value {
    (0..depth).fold(json!(1), |inner, _| json!({ "a": inner }))
}

#[tokio::test]
async fn bad_input_gets_a_clear_400_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let cases = [
        json!({ "lines": [] }),
        json!({ "lines": [{ "description": "A", "quantity": "0", "unitPrice": "1" }] }),
        json!({ "lines": [{ "description": "A", "unitPrice": "-5" }] }),
        json!({ "lines": [{ "description": "A", "unitPrice": "1234567890123456789012345678901234567890" }] }),
        json!({ "lines": [{ "description": "A", "unitPrice": 1 }], "issueDate": "2026-06-16" }),
        json!({ "lines": [{ "description": "A", "unitPrice": 1 }], "invoiceTypeCode": "380" }),
        json!({ "lines": [{ "description": "A", "unitPrice": 1, "vatCategoryCode": "AE", "vatRate": 21 }] }),
        json!({ "lines": [{ "description": "A", "unitPrice": "99999999999999999999", "quantity": "99999999999999999" }] }),
        json!({ "lines": (0..10_000).map(|i| json!({ "description": format!("L{i}"), "unitPrice": "1" })).collect::<Vec<_>>() }),
        json!({ "lines": [{ "description": "A", "unitPrice": 1 }], "clientId": uuid::Uuid::now_v7() }),
        json!({ "lines": [{ "description": "A", "unitPrice": 1 }], "ublExtensions": nested(1_000) }),
        json!({ "lines": nested(1_000) }),
    ];
    for body in cases {
        let reply = user.post("/api/v1/invoices", body.clone()).await;
        assert_eq!(reply.status, 400, "{body:.200}: {}", reply.body);
        assert!(!reply.error().is_empty());
    }
    assert_eq!(
        user.get("/api/v1/invoices").await.body["total"],
        0,
        "nothing was created"
    );
}

#[tokio::test]
async fn a_put_changes_only_what_it_sends_and_stale_versions_are_refused() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let inv = draft(&user, json!({ "notes": "first", "orderNumber": "PO-7", "lines": [{ "description": "A", "unitPrice": "100" }] })).await;
    let id = inv["id"].as_str().unwrap();
    assert_eq!(inv["version"], 1);
    let reply = user.put(&format!("/api/v1/invoices/{id}"), json!({ "notes": "second", "lines": [{ "description": "B", "quantity": 2, "unitPrice": "50" }, { "description": "C", "unitPrice": "1" }] })).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let inv = &reply.body["invoice"];
    assert_eq!(
        (
            inv["notes"].as_str(),
            inv["orderNumber"].as_str(),
            inv["version"].as_i64()
        ),
        (Some("second"), Some("PO-7"), Some(2))
    );
    assert_eq!(
        (
            inv["lines"].as_array().unwrap().len(),
            inv["total"].as_str()
        ),
        (2, Some("122.21"))
    );
    let stale = user
        .put(
            &format!("/api/v1/invoices/{id}"),
            json!({ "version": 1, "notes": "third" }),
        )
        .await;
    assert_eq!(stale.status, 409);
    assert_eq!(
        user.get(&format!("/api/v1/invoices/{id}")).await.body["notes"],
        "second"
    );
}

#[tokio::test]
async fn concurrent_edits_of_one_draft_never_corrupt_its_totals() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let inv = draft(&user, one_line("1")).await;
    let id = inv["id"].as_str().unwrap().to_owned();
    let edits = (1..=12).map(|n| {
        let (user, id) = (user.clone(), id.clone());
        async move {
            let lines: Vec<Value> = (0..n)
                .map(|_| json!({ "description": "X", "unitPrice": "10" }))
                .collect();
            user.put(
                &format!("/api/v1/invoices/{id}"),
                json!({ "version": 1, "lines": lines }),
            )
            .await
        }
    });
    let replies = join_all(edits).await;
    let ok: Vec<_> = replies.iter().filter(|r| r.status == 200).collect();
    assert_eq!(
        ok.len(),
        1,
        "exactly one edit based on version 1 wins: {:?}",
        replies.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    assert!(replies.iter().all(|r| r.status == 200 || r.status == 409));
    let now = user.get(&format!("/api/v1/invoices/{id}")).await.body;
    let lines = now["lines"].as_array().unwrap().len();
    assert_eq!(
        now["subtotal"],
        format!("{}.00", lines * 10),
        "totals match the lines that won"
    );
    assert_eq!(now["version"], 2);
}

#[tokio::test]
async fn one_hundred_parallel_issues_get_one_hundred_consecutive_numbers() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let mut ids = Vec::new();
    for _ in 0..100 {
        ids.push(
            draft(&user, one_line("10")).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let issues = ids.iter().map(|id| {
        let user = user.clone();
        async move {
            user.post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
                .await
        }
    });
    let replies = join_all(issues).await;
    let numbers: BTreeSet<String> = replies
        .iter()
        .map(|r| {
            assert_eq!(r.status, 200, "{}", r.body);
            r.body["number"].as_str().unwrap().to_owned()
        })
        .collect();
    let expected: BTreeSet<String> = (1..=100).map(|n| format!("FCT{n:04}")).collect();
    assert_eq!(numbers, expected);
    let again = user
        .post(&format!("/api/v1/invoices/{}/issue", ids[0]), json!({}))
        .await;
    assert_eq!(
        again.status, 422,
        "an issued invoice cannot be issued twice"
    );
    let series = user
        .get("/api/v1/invoices?status=issued&limit=1")
        .await
        .body;
    assert_eq!(series["total"], 100);
}

#[tokio::test]
async fn cancel_restore_and_delete_follow_the_state_machine() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let a = draft(&user, one_line("10")).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        user.post(&format!("/api/v1/invoices/{a}/issue"), json!({}))
            .await
            .body["number"],
        "FCT0001"
    );
    let cancelled = user
        .post(
            &format!("/api/v1/invoices/{a}/cancel"),
            json!({ "reason": "Greșeală" }),
        )
        .await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(
        (
            cancelled.body["status"].as_str(),
            cancelled.body["cancellationReason"].as_str()
        ),
        (Some("cancelled"), Some("Greșeală"))
    );
    assert_eq!(
        user.post(&format!("/api/v1/invoices/{a}/cancel"), json!({}))
            .await
            .status,
        422
    );
    assert_eq!(
        user.get("/api/v1/invoices").await.body["totals"]["total"],
        "0.00",
        "cancelled invoices are not counted"
    );
    let restored = user
        .post(&format!("/api/v1/invoices/{a}/restore"), json!({}))
        .await;
    assert_eq!(restored.body["status"], "draft");
    let reissued = user
        .post(&format!("/api/v1/invoices/{a}/issue"), json!({}))
        .await;
    assert_eq!(
        reissued.body["number"], "FCT0001",
        "a restored invoice keeps its number"
    );
    let b = draft(&user, one_line("10")).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        user.post(&format!("/api/v1/invoices/{b}/issue"), json!({}))
            .await
            .body["number"],
        "FCT0002",
        "no gap, no duplicate"
    );

    assert_eq!(
        user.delete(&format!("/api/v1/invoices/{a}")).await.status,
        422,
        "an issued invoice cannot be deleted"
    );
    let c = draft(&user, one_line("10")).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        user.delete(&format!("/api/v1/invoices/{c}")).await.status,
        204
    );
    assert_eq!(user.get(&format!("/api/v1/invoices/{c}")).await.status, 404);
    let history = user.get(&format!("/api/v1/invoices/{a}/events")).await.body;
    let trail: Vec<(&str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["event"].as_str().unwrap(),
                e["newStatus"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        trail,
        [
            ("invoice.created", "draft"),
            ("invoice.issued", "issued"),
            ("invoice.cancelled", "cancelled"),
            ("invoice.restored", "draft"),
            ("invoice.issued", "issued")
        ]
    );
    assert_eq!(history[1]["createdBy"].as_str(), Some(user.email.as_str()));
}

#[tokio::test]
async fn a_credit_note_takes_its_own_series_else_the_invoices_and_marks_its_parent_refunded() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let parent = draft(&user, one_line("100")).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    user.post(&format!("/api/v1/invoices/{parent}/issue"), json!({}))
        .await;
    let retur = json!({ "documentType": "credit_note", "parentDocumentId": parent, "lines": [{ "description": "Retur", "quantity": "-1", "unitPrice": "10" }] });
    let note = draft(&user, retur.clone()).await;
    assert_eq!(note["total"], "-12.10");
    assert_eq!(note["parentDocumentId"], parent.as_str());
    let id = note["id"].as_str().unwrap();
    // Without a credit-note series, credit notes continue the invoices' numbering.
    let issued = user
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await;
    assert_eq!(issued.status, 200, "{}", issued.body);
    assert_eq!(issued.body["status"], "refund");
    assert_eq!(issued.body["number"], "FCT0002");

    let company = user.company.clone().unwrap().parse().unwrap();
    let now = server::store::Ts(crate::support::START);
    let mut tx = app.state.db.begin().await.unwrap();
    server::store::series::insert(
        &mut tx,
        &server::store::series::SeriesRow {
            id: server::ids::SeriesId::new(),
            company_id: company,
            prefix: "CN".into(),
            kind: "credit_note".into(),
            current_number: 0,
            active: true,
            is_default: true,
            source: "manual".into(),
            created_at: now,
            updated_at: now,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let second = draft(&user, retur).await;
    let id = second["id"].as_str().unwrap();
    let issued = user
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await;
    assert_eq!(issued.body["status"], "refund");
    assert_eq!(issued.body["number"], "CN0001");
    let parent_now = user.get(&format!("/api/v1/invoices/{parent}")).await.body;
    assert_eq!(parent_now["status"], "refunded");
    let numbers: Vec<&str> = parent_now["refundInvoices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_str().unwrap())
        .collect();
    assert!(
        numbers.contains(&"CN0001") && numbers.contains(&"FCT0002"),
        "{numbers:?}"
    );
    assert_eq!(
        user.get("/api/v1/invoices?type=credit_note").await.body["total"],
        2
    );
}

#[tokio::test]
async fn lists_filter_sort_and_page() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    for (price, date, name) in [
        ("10", "2026-06-01", "Alfa SRL"),
        ("30", "2026-06-05", "Beta SRL"),
        ("20", "2026-06-10", "Gama SRL"),
    ] {
        draft(&user, json!({ "issueDate": date, "receiverName": name, "lines": [{ "description": "X", "unitPrice": price }] })).await;
    }
    let numbers = |v: &Value| {
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["receiverName"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        numbers(&user.get("/api/v1/invoices").await.body),
        ["Gama SRL", "Beta SRL", "Alfa SRL"]
    );
    assert_eq!(
        numbers(&user.get("/api/v1/invoices?sort=total&order=asc").await.body),
        ["Alfa SRL", "Gama SRL", "Beta SRL"]
    );
    assert_eq!(
        numbers(
            &user
                .get("/api/v1/invoices?dateFrom=2026-06-02&dateTo=2026-06-09")
                .await
                .body
        ),
        ["Beta SRL"]
    );
    assert_eq!(
        numbers(&user.get("/api/v1/invoices?from=2026-06-02").await.body),
        ["Gama SRL", "Beta SRL"],
        "the CLI's from/to work too"
    );
    assert_eq!(
        numbers(&user.get("/api/v1/invoices?search=gama").await.body),
        ["Gama SRL"]
    );
    assert_eq!(
        numbers(&user.get("/api/v1/invoices?search=50%25").await.body),
        Vec::<String>::new(),
        "% is matched literally"
    );
    assert_eq!(
        numbers(&user.get("/api/v1/invoices?totalMin=20").await.body),
        ["Gama SRL", "Beta SRL"]
    );
    let page = user.get("/api/v1/invoices?limit=2&page=2").await.body;
    assert_eq!(
        (
            page["total"].as_i64(),
            page["pages"].as_i64(),
            page["page"].as_i64(),
            page["limit"].as_i64()
        ),
        (Some(3), Some(2), Some(2), Some(2))
    );
    assert_eq!(numbers(&page), ["Alfa SRL"]);
    assert_eq!(user.get("/api/v1/invoices?status=bogus").await.status, 400);
    assert_eq!(user.get("/api/v1/invoices?page=abc").await.status, 400);
    assert_eq!(
        user.get("/api/v1/invoices?isDuplicate=true").await.body["total"],
        0
    );
}

#[tokio::test]
async fn an_idempotency_key_returns_the_first_invoice() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let body = json!({ "idempotencyKey": "order-42", "receiverName": "X", "receiverCif": "123", "lines": [{ "description": "A", "unitPrice": "5" }] });
    let first = user.post("/api/v1/invoices", body.clone()).await;
    let second = user.post("/api/v1/invoices", body).await;
    assert_eq!(first.body["invoice"]["id"], second.body["invoice"]["id"]);
    assert_eq!(user.get("/api/v1/invoices").await.body["total"], 1);
}

#[tokio::test]
async fn issuing_checks_the_rules_that_apply_before_a_number_is_taken() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let reply = user
        .post(
            "/api/v1/invoices",
            json!({ "lines": [{ "description": "A", "unitPrice": "5" }] }),
        )
        .await;
    let id = reply.body["invoice"]["id"].as_str().unwrap();
    assert_eq!(reply.body["validation"]["valid"], false);
    let refused = user
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await;
    assert_eq!(refused.status, 422);
    let rules: Vec<&str> = refused.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["BR-07", "BR-RO-120", "BR-CO-25"]);
    // A buyer named without an address passes the pre-checks but not CIUS-RO: the validator
    // runs on the UBL the invoice would have and points at the fields to fix.
    user.put(
        &format!("/api/v1/invoices/{id}"),
        json!({ "receiverName": "Y SRL", "receiverCif": "14399840", "paymentTerms": "30 zile" }),
    )
    .await;
    let validated = user
        .post(&format!("/api/v1/invoices/{id}/validate"), json!({}))
        .await
        .body;
    assert_eq!(validated["valid"], false, "{validated}");
    assert_eq!(validated["schematronAvailable"], true);
    let address = validated["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["ruleId"] == "BR-RO-082")
        .unwrap_or_else(|| panic!("the buyer's street is required: {validated}"));
    assert_eq!(address["field"], "client.address");
    assert_eq!(address["source"], "schematron");
    assert!(address["messageRo"].as_str().unwrap().contains("BT-50"));
    let refused = user
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    let client = user.client().await;
    user.put(
        &format!("/api/v1/invoices/{id}"),
        json!({ "clientId": client["id"], "receiverName": null, "receiverCif": null }),
    )
    .await;
    let validated = user
        .post(&format!("/api/v1/invoices/{id}/validate"), json!({}))
        .await;
    assert_eq!(validated.body["valid"], true, "{}", validated.body);
    assert_eq!(
        user.post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
            .await
            .body["number"],
        "FCT0001"
    );
}

#[tokio::test]
async fn an_issued_invoice_is_corrected_under_its_number_only_into_a_valid_invoice() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let id = user.draft_invoice().await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let issued = user
        .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
        .await;
    assert_eq!(issued.status, 200, "{}", issued.body);
    let before = user.get(&format!("/api/v1/invoices/{id}")).await.body;
    let xml_before = user.get(&format!("/api/v1/invoices/{id}/xml")).await.body;

    // Its identity stays: series, type and the invoice it refunds.
    let other = user
        .post(
            "/api/v1/document-series",
            json!({ "prefix": "ALT", "type": "invoice" }),
        )
        .await;
    assert_eq!(other.status, 201, "{}", other.body);
    let moved = user
        .put(
            &format!("/api/v1/invoices/{id}"),
            json!({ "documentSeriesId": other.body["id"], "documentType": "credit_note" }),
        )
        .await;
    assert_eq!(moved.status, 400, "{}", moved.body);
    let keys: Vec<&str> = moved.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["documentSeriesId", "documentType"]);

    // A change that would make the XML invalid (a buyer without an address, BR-RO-082) is
    // refused with the report, and nothing changes.
    let broken = user
        .put(
            &format!("/api/v1/invoices/{id}"),
            json!({ "clientId": null, "receiverName": "Y SRL", "receiverCif": "14399840" }),
        )
        .await;
    assert_eq!(broken.status, 422, "{}", broken.body);
    assert!(
        broken.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["ruleId"] == "BR-RO-082"),
        "{}",
        broken.body
    );
    assert_eq!(
        user.get(&format!("/api/v1/invoices/{id}")).await.body,
        before
    );
    assert_eq!(
        user.get(&format!("/api/v1/invoices/{id}/xml")).await.body,
        xml_before
    );

    // A valid correction: new totals, the same number and status, the XML regenerated.
    let fixed = user
        .put(
            &format!("/api/v1/invoices/{id}"),
            json!({ "version": before["version"], "lines": [
                { "description": "Consultanță", "quantity": "12", "unitPrice": "150.00", "vatRate": "21" }
            ] }),
        )
        .await;
    assert_eq!(fixed.status, 200, "{}", fixed.body);
    let after = user.get(&format!("/api/v1/invoices/{id}")).await.body;
    assert_eq!(
        (&after["number"], &after["status"], &after["total"]),
        (&before["number"], &before["status"], &json!("2178.00"))
    );
    let xml = user.get(&format!("/api/v1/invoices/{id}/xml")).await.body;
    let xml = xml.as_str().unwrap();
    assert!(
        xml.contains("<cbc:PayableAmount currencyID=\"RON\">2178.00</cbc:PayableAmount>"),
        "{xml}"
    );

    // Once it is at ANAF it waits for ANAF's answer; cancelled invoices are restored first.
    let cancelled = user
        .post(&format!("/api/v1/invoices/{id}/cancel"), json!({}))
        .await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    let refused = user
        .put(&format!("/api/v1/invoices/{id}"), json!({ "notes": "x" }))
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.error(),
        "Restore the cancelled invoice to a draft to edit it."
    );
}

/// The envelope of a list narrowed by status, direction, type or currency comes from running
/// sums kept by triggers; after creates, edits, issues, cancels, restores and deletes in two
/// currencies it equals the same envelope summed over the invoices themselves (a date filter
/// that matches everything forces that path).
#[tokio::test]
async fn list_totals_from_running_sums_equal_totals_summed_over_invoices() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let mut ids = Vec::new();
    for (n, currency) in ["RON", "RON", "EUR", "RON", "EUR", "RON"]
        .iter()
        .enumerate()
    {
        let rate = (*currency == "EUR").then_some("4.9751");
        let invoice = draft(&user, json!({ "notes": format!("Client {n}"), "currency": currency, "exchangeRate": rate, "lines": [{ "description": "X", "quantity": n + 1, "unitPrice": "10.05", "vatRate": if n % 2 == 0 { "21" } else { "11" } }] })).await;
        ids.push(invoice["id"].as_str().unwrap().to_owned());
    }
    let edited = user
        .put(
            &format!("/api/v1/invoices/{}", ids[0]),
            json!({ "lines": [{ "description": "Y", "unitPrice": "99.99" }] }),
        )
        .await;
    assert_eq!(edited.status, 200, "{}", edited.body);
    for id in &ids[..4] {
        let issued = user
            .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
            .await;
        assert_eq!(issued.status, 200, "{}", issued.body);
    }
    for (action, id) in [
        ("cancel", &ids[1]),
        ("cancel", &ids[5]),
        ("restore", &ids[5]),
    ] {
        let reply = user
            .post(&format!("/api/v1/invoices/{id}/{action}"), json!({}))
            .await;
        assert_eq!(reply.status, 200, "{action}: {}", reply.body);
    }
    assert_eq!(
        user.delete(&format!("/api/v1/invoices/{}", ids[4]))
            .await
            .status,
        204
    );

    let envelope = |v: Value| {
        (
            v["total"].clone(),
            v["totals"].clone(),
            v["distinctCurrencies"].clone(),
        )
    };
    for query in [
        "",
        "status=issued",
        "status=draft&currency=EUR",
        "currency=EUR",
        "direction=outgoing",
        "type=invoice",
        "status=cancelled",
    ] {
        let from_sums = user.get(&format!("/api/v1/invoices?{query}")).await.body;
        let summed = user
            .get(&format!("/api/v1/invoices?{query}&dateFrom=2000-01-01"))
            .await
            .body;
        assert_eq!(envelope(from_sums), envelope(summed), "?{query}");
    }
    let all = user.get("/api/v1/invoices").await.body;
    assert_eq!(all["total"], 5, "the deleted draft is gone: {all}");
    assert_eq!(all["distinctCurrencies"], json!(["EUR", "RON"]));
    assert_ne!(all["totals"]["total"], "0.00");
}

/// The largest invoice accepted (1,000 lines) is stored whole, in order, with exact totals:
/// its lines go to the database in more than one statement.
#[tokio::test]
async fn a_thousand_line_invoice_is_stored_whole_and_in_order() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let lines: Vec<Value> = (0..1000)
        .map(|i| json!({ "description": format!("Articol {i}"), "quantity": "1", "unitPrice": "0.01" }))
        .collect();
    let invoice = draft(&user, json!({ "receiverName": "Client", "lines": lines })).await;
    let read = user
        .get(&format!(
            "/api/v1/invoices/{}",
            invoice["id"].as_str().unwrap()
        ))
        .await
        .body;
    let stored = read["lines"].as_array().unwrap();
    assert_eq!(stored.len(), 1000);
    assert_eq!(stored[0]["description"], "Articol 0");
    assert_eq!(stored[999]["description"], "Articol 999");
    assert_eq!(stored[999]["position"], 1000);
    assert_eq!(read["subtotal"], "10.00");
    assert_eq!(read["total"], "12.10");
}

/// Refunds of one invoice never add up to more than it: each is checked at issue against what
/// the refunds issued before it left, in the invoice's currency.
#[tokio::test]
async fn refunds_never_take_back_more_than_their_invoice() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let series = user
        .post(
            "/api/v1/document-series",
            json!({ "prefix": "CN", "type": "credit_note" }),
        )
        .await;
    assert_eq!(series.status, 201, "{}", series.body);
    let parent = draft(&user, one_line("100")).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    user.post(&format!("/api/v1/invoices/{parent}/issue"), json!({}))
        .await;
    let refund = |price: &str, extra: Value| {
        let mut body = json!({ "documentType": "credit_note", "parentDocumentId": parent,
            "lines": [{ "description": "Retur", "quantity": "-1", "unitPrice": price }] });
        if let (Some(b), Value::Object(more)) = (body.as_object_mut(), extra) {
            b.extend(more);
        }
        let user = &user;
        async move {
            let note = draft(user, body).await;
            let id = note["id"].as_str().unwrap().to_owned();
            user.post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
                .await
        }
    };
    let first = refund("60", json!({})).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let too_much = refund("50", json!({})).await;
    assert_eq!(
        (too_much.status, too_much.error()),
        (
            422,
            "This credit note refunds 60.50 RON, but only 48.40 RON of FCT0001 is left to refund."
        )
    );
    let foreign = refund("10", json!({ "currency": "EUR", "exchangeRate": "5.0" })).await;
    assert_eq!(
        (foreign.status, foreign.error()),
        (
            422,
            "A credit note is in the currency of the invoice it refunds (RON), not EUR."
        )
    );
    let rest = refund("40", json!({})).await;
    assert_eq!(rest.status, 200, "the rest fits exactly: {}", rest.body);
    let nothing_left = refund("0.01", json!({})).await;
    assert_eq!(nothing_left.status, 422, "{}", nothing_left.body);
    let refunds = user.get(&format!("/api/v1/invoices/{parent}")).await.body["refundInvoices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "refund")
        .count();
    assert_eq!(refunds, 2);
}
