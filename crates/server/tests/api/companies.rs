use std::time::Duration as StdDuration;

use anaf::registry::CompanyRecord;
use anaf::sim::{Fault, RegistrySim};
use pretty_assertions::assert_eq;
use serde_json::json;
use server::RegistrySource;
use time::Duration;

use crate::support::{TestApp, cif_from, next_cif};

#[tokio::test]
async fn a_company_is_created_from_its_cif_alone_with_defaults_seeded() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let cif = next_cif();
    let reply = user
        .post("/api/v1/companies", json!({ "cif": format!("RO {cif}") }))
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let c = &reply.body;
    assert_eq!(c["cif"], cif);
    assert!(!c["name"].as_str().unwrap().is_empty());
    assert_eq!(c["country"], "RO");
    let county = c["state"].as_str().unwrap();
    assert!(
        einvoice::codes::ro_county(county).is_some_and(|k| k.code == county),
        "{county}"
    );
    if county == "B" {
        assert!(c["city"].as_str().unwrap().starts_with("SECTOR"));
    }
    if c["vatPayer"] == true {
        assert_eq!(c["vatCode"], format!("RO{cif}"));
    }
    assert_eq!(c["hasValidToken"], false);

    let id = c["id"].as_str().unwrap().parse().unwrap();
    let series = server::store::series::list(&app.state.db, id)
        .await
        .unwrap();
    let prefixes: Vec<(&str, &str)> = series
        .iter()
        .map(|s| (s.prefix.as_str(), s.kind.as_str()))
        .collect();
    assert_eq!(
        prefixes,
        [
            ("FCT", "invoice"),
            ("PRO", "proforma"),
            ("CH", "receipt"),
            ("BON", "voucher")
        ]
    );
    let rates = server::store::vat_rates::list(&app.state.db, id)
        .await
        .unwrap();
    let cats: Vec<&str> = rates.iter().map(|r| r.category_code.as_str()).collect();
    assert_eq!(cats, ["S", "S", "Z", "E", "AE", "K", "G", "O"]);
    assert!(rates[0].is_default && rates[0].rate.0 == rust_decimal::Decimal::from(21));

    let list = user.get("/api/v1/companies").await;
    assert_eq!(list.body["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_bad_check_digit_or_a_duplicate_cif_is_refused() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let bad = user
        .post("/api/v1/companies", json!({ "cif": 18_547_291 }))
        .await;
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(bad.error().contains("cif"), "{}", bad.body);
    let cif = next_cif();
    assert_eq!(
        user.post("/api/v1/companies", json!({ "cif": cif }))
            .await
            .status,
        201
    );
    let dup = user.post("/api/v1/companies", json!({ "cif": cif })).await;
    assert_eq!(dup.status, 409);
    assert_eq!(dup.body["code"], "DUPLICATE_CIF");
    let other = app.user().await;
    assert_eq!(
        other
            .post("/api/v1/companies", json!({ "cif": cif }))
            .await
            .status,
        201,
        "another organization may add the same CIF"
    );
}

#[tokio::test]
async fn all_fields_can_be_given_directly_and_are_normalised() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let reply = user
        .post("/api/v1/companies", json!({
            "cif": next_cif(), "name": "Atelier Mic SRL", "state": "Argeș", "city": "Pitești", "address": "Str. Exercițiu 5",
            "vatPayer": true, "bankAccount": "ro49 aaaa 1b31 0075 9384 0000", "bankName": "Banca Test"
        }))
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["name"], "Atelier Mic SRL");
    assert_eq!(reply.body["state"], "AG");
    assert_eq!(reply.body["bankAccount"], "RO49AAAA1B31007593840000");
    assert_eq!(reply.body["bankName"], "Banca Test");

    let bucharest = user.post("/api/v1/companies", json!({ "cif": next_cif(), "name": "B SRL", "state": "Bucuresti", "city": "Bucuresti" })).await;
    assert_eq!(bucharest.status, 422);
    assert_eq!(bucharest.body["errors"][0]["key"], "city");
    let sector = user
        .post(
            "/api/v1/companies",
            json!({ "cif": next_cif(), "name": "B SRL", "state": "B", "city": "Sectorul 4" }),
        )
        .await;
    assert_eq!(sector.body["city"], "SECTOR4");
}

#[tokio::test]
async fn edits_are_validated_field_by_field() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let id = user.company.clone().unwrap();
    let bad = user
        .patch(&format!("/api/v1/companies/{id}"), json!({ "bankAccount": "RO00XXXX", "defaultCurrency": "XYZ", "efacturaDelayHours": 5, "country": "RO" }))
        .await;
    assert_eq!(bad.status, 422);
    let keys: Vec<&str> = bad.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        ["defaultCurrency", "efacturaDelayHours", "bankAccount"]
    );
    let ok = user
        .patch(
            &format!("/api/v1/companies/{id}"),
            json!({ "name": "Nume Nou SRL", "efacturaDelayHours": 24, "email": "office@nume.ro" }),
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(
        (
            ok.body["name"].as_str(),
            ok.body["efacturaDelayHours"].as_i64()
        ),
        (Some("Nume Nou SRL"), Some(24))
    );
}

#[tokio::test]
async fn a_deleted_company_can_be_restored_for_five_days_then_is_purged() {
    let app = TestApp::spawn().await;
    let user = app.user().await.company().await;
    let id = user.company.clone().unwrap();
    let deleted = user.delete(&format!("/api/v1/companies/{id}")).await;
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    assert_eq!(deleted.body["hardDeleteAt"], "2026-06-20T09:00:00+00:00");
    assert_eq!(
        user.get(&format!("/api/v1/companies/{id}")).await.status,
        404
    );
    assert_eq!(
        user.get("/api/v1/companies/deleted").await.body["data"][0]["id"],
        id.as_str()
    );

    assert_eq!(
        user.post(&format!("/api/v1/companies/{id}/restore"), json!({}))
            .await
            .status,
        200
    );
    assert_eq!(
        user.post(&format!("/api/v1/companies/{id}/restore"), json!({}))
            .await
            .status,
        409
    );

    user.delete(&format!("/api/v1/companies/{id}")).await;
    app.clock.advance(Duration::days(5) + Duration::minutes(1));
    let user = app.login(&user.email).await;
    assert_eq!(
        user.post(&format!("/api/v1/companies/{id}/restore"), json!({}))
            .await
            .status,
        410
    );
    assert_eq!(
        user.get("/api/v1/companies/deleted").await.body["data"][0]["id"],
        id.as_str(),
        "not purged yet"
    );
    app.clock.advance(Duration::hours(1));
    let user = app.login(&user.email).await;
    let mut purged = false;
    for _ in 0..100 {
        if user.get("/api/v1/companies/deleted").await.body["data"]
            .as_array()
            .unwrap()
            .is_empty()
        {
            purged = true;
            break;
        }
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
    let jobs = server::jobs::queue::list(&app.state.db).await.unwrap();
    assert!(purged, "the purge job removed the company; jobs: {jobs:?}");
}

#[tokio::test]
async fn another_organizations_company_is_not_found() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let stranger = app.user().await;
    let id = owner.company.clone().unwrap();
    for reply in [
        stranger.get(&format!("/api/v1/companies/{id}")).await,
        stranger
            .patch(
                &format!("/api/v1/companies/{id}"),
                json!({ "name": "Mine" }),
            )
            .await,
        stranger.delete(&format!("/api/v1/companies/{id}")).await,
        stranger
            .post(&format!("/api/v1/companies/{id}/refresh-anaf"), json!({}))
            .await,
    ] {
        assert_eq!(reply.status, 404, "{}", reply.body);
    }
    assert_eq!(
        stranger.get("/api/v1/companies/not-a-uuid").await.status,
        404
    );
}

fn record(cif: u64) -> CompanyRecord {
    CompanyRecord {
        cif,
        name: "Registru Real S.R.L.".into(),
        registration_number: Some("J12/345/2015".into()),
        address: Some("MUN. CLUJ-NAPOCA, STR. HOREA, NR.1".into()),
        street: Some("Str. Horea".into()),
        street_number: Some("1".into()),
        city: Some("Mun. Cluj-Napoca".into()),
        county_code: Some("CJ".into()),
        county_name: Some("CLUJ".into()),
        postal_code: Some("400174".into()),
        phone: Some("0264000000".into()),
        vat_payer: true,
        vat_on_collection: false,
        split_vat: false,
        inactive: false,
        efactura_registered: true,
        caen_code: Some("6201".into()),
        registration_status: Some("INREGISTRAT din data 25.02.2015".into()),
    }
}

#[tokio::test]
async fn the_registry_is_spoken_over_http_and_its_answers_are_cached() {
    let sim = RegistrySim::new();
    let (addr, _server) = anaf::sim::spawn(sim.clone()).await.unwrap();
    let app =
        TestApp::spawn_with(|c| c.registry = RegistrySource::Url(format!("http://{addr}"))).await;
    let cif = cif_from(3_456_789);
    sim.insert(record(cif));

    let first = app.user().await;
    let reply = first.post("/api/v1/companies", json!({ "cif": cif })).await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["name"], "Registru Real S.R.L.");
    assert_eq!(reply.body["registrationNumber"], "J12/345/2015");
    assert_eq!(reply.body["address"], "Str. Horea nr. 1");
    assert_eq!(reply.body["state"], "CJ");
    assert_eq!(reply.body["vatCode"], format!("RO{cif}"));
    assert_eq!(sim.requests(), 1);

    let second = app.user().await;
    assert_eq!(
        second
            .post("/api/v1/companies", json!({ "cif": cif }))
            .await
            .status,
        201
    );
    assert_eq!(
        sim.requests(),
        1,
        "the second lookup was answered from the cache"
    );

    app.clock.advance(Duration::days(2));
    sim.fail_next(1, Fault::Firewall);
    let third = app.user().await;
    assert_eq!(
        third
            .post("/api/v1/companies", json!({ "cif": cif }))
            .await
            .status,
        201,
        "a stale answer beats no answer"
    );
    assert_eq!(sim.requests(), 2);

    let unknown = cif_from(4_567_890);
    sim.forget(unknown);
    let missing = third
        .post("/api/v1/companies", json!({ "cif": unknown }))
        .await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.error(), "Company not found at ANAF.");

    let never_seen = cif_from(5_678_901);
    sim.fail_next(1, Fault::ServerError);
    let down = third
        .post("/api/v1/companies", json!({ "cif": never_seen }))
        .await;
    assert_eq!(down.status, 503, "{}", down.body);
}
