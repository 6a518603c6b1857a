use anaf::Error;
use anaf::efactura::{Environment, MessageKind, UploadStatus};
use anaf::signature::TrustedCert;
use anaf::sim::efactura::{self, EfacturaSim, Endpoint, SimConfig};
use pretty_assertions::assert_eq;
use serde_json::{Value, json};

use crate::support::{BUYER, SELLER, TIMEOUT, client_for, http, invoice_xml};

/// Everything set up over HTTP only, as a test driving `facturo anaf-sim` would.
#[tokio::test]
async fn a_simulator_is_set_up_and_driven_over_http() {
    let sim = EfacturaSim::new(SimConfig::default()).unwrap();
    let (addr, _server) = efactura::spawn(sim.clone()).await.unwrap();
    let url = |path: &str| format!("http://{addr}/__sim/{path}");
    let post = |path: &str, body: Value| {
        let request = http().post(url(path)).json(&body);
        async move {
            let answer = request.send().await.unwrap();
            assert!(answer.status().is_success(), "{}", answer.status());
            answer.bytes().await.unwrap()
        }
    };

    post("clock", json!({ "freeze": "2025-09-16T08:00:00Z" })).await;
    post(
        "taxpayers",
        json!({ "cif": SELLER, "name": "Facturo Demo SRL" }),
    )
    .await;
    post("taxpayers", json!({ "cif": BUYER, "name": "Client SA" })).await;
    post("grants", json!({ "user": "ana", "cif": SELLER })).await;
    post("grants", json!({ "user": "ion", "cif": BUYER })).await;
    post("config", json!({ "processing_delay_secs": 600 })).await;
    let tokens: Value =
        serde_json::from_slice(&post("tokens", json!({ "user": "ana", "client_id": "x" })).await)
            .unwrap();
    let token = tokens["access_token"].as_str().unwrap().to_owned();

    let client = client_for(addr, Environment::Test, TIMEOUT);
    let request = anaf::efactura::UploadRequest::new(anaf::efactura::Standard::Ubl, SELLER);
    let outcome = client
        .upload(&token, &request, &invoice_xml("HTTP-1"))
        .await
        .unwrap();
    let anaf::efactura::UploadOutcome::Accepted { index, .. } = outcome else {
        panic!("{outcome:?}")
    };
    post("clock", json!({ "advance_secs": 300 })).await;
    assert_eq!(
        client.status(&token, index).await.unwrap(),
        UploadStatus::InProgress,
        "the configured delay is 10 minutes"
    );
    let clock: Value =
        serde_json::from_slice(&post("clock", json!({ "advance_secs": 300 })).await).unwrap();
    assert_eq!(clock["now"], "2025-09-16T08:10:00Z");
    assert!(matches!(
        client.status(&token, index).await.unwrap(),
        UploadStatus::Ok { .. }
    ));

    post(
        "seed",
        json!({ "env": "test", "buyer": SELLER, "count": 3 }),
    )
    .await;
    let list = client.messages(&token, SELLER, 1, None).await.unwrap();
    let kinds: Vec<_> = list.messages.iter().map(|m| m.kind.clone()).collect();
    assert_eq!(kinds.len(), 4);
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == MessageKind::FacturaPrimita)
            .count(),
        3
    );

    post(
        "faults",
        json!({ "kind": "server_error", "endpoint": "listaMesajeFactura", "times": 1 }),
    )
    .await;
    let err = client.messages(&token, SELLER, 1, None).await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 500, .. }), "{err:?}");
    post("faults", json!({ "kind": "firewall" })).await;
    assert!(client.messages(&token, SELLER, 1, None).await.is_err());
    let cleared = http().delete(url("faults")).send().await.unwrap();
    assert!(cleared.status().is_success());
    client.messages(&token, SELLER, 1, None).await.unwrap();
    let bad = http()
        .post(url("faults"))
        .json(&json!({ "kind": "meteor" }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);

    let calls: Value = http()
        .get(url("calls"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(calls["listaMesajeFactura"], 4);
    assert_eq!(calls["upload"], 1);
    assert_eq!(sim.calls(Endpoint::Upload), 1);

    let pem = http()
        .get(url("ca.pem"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(TrustedCert::from_pem(&pem).unwrap(), sim.certificate());
}
