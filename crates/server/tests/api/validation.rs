use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::Value;

use crate::support::TestApp;

const INVOICE_WITHOUT_BT24: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>FCT0001</cbc:ID>
  <cbc:IssueDate>2026-06-15</cbc:IssueDate>
</Invoice>"#;

/// Sends `body` as the XML of `POST /api/v1/validate`, signed in as `token`.
pub async fn validate(app: &TestApp, token: Option<&str>, body: Vec<u8>) -> (u16, Value) {
    let mut request = app
        .http
        .request(Method::POST, format!("{}/api/v1/validate", app.url))
        .header("content-type", "application/xml")
        .body(body);
    if let Some(t) = token {
        request = request.bearer_auth(t);
    }
    let reply = crate::support::Reply::from(request.send().await.unwrap()).await;
    (reply.status, reply.body)
}

fn rule_ids(findings: &Value) -> Vec<&str> {
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["ruleId"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn a_document_gets_the_official_rule_ids_with_locations_and_romanian_messages() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let (status, _) = validate(&app, None, INVOICE_WITHOUT_BT24.into()).await;
    assert_eq!(status, 401, "validation needs a signed-in user");

    let (status, report) = validate(&app, Some(&user.token), INVOICE_WITHOUT_BT24.into()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["valid"], false);
    assert_eq!(
        report["ruleSets"],
        serde_json::json!(["xsd-ubl", "en16931-ubl"])
    );
    let br01 = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["ruleId"] == "BR-01")
        .expect("BR-01: no specification identifier");
    assert_eq!(br01["severity"], "fatal");
    assert_eq!(br01["source"], "schematron");
    assert_eq!(br01["location"], "/ubl:Invoice[1]");
    assert_eq!(br01["businessTerms"], serde_json::json!(["BT-24"]));
    assert!(br01["messageRo"].as_str().unwrap().contains("BT-24"));
    assert!(
        !rule_ids(&report["errors"]).contains(&"BR-02"),
        "BT-1 is there"
    );
}

#[tokio::test]
async fn hostile_or_foreign_input_gets_a_clear_finding_and_oversize_a_413() {
    let app = TestApp::spawn().await;
    let user = app.user().await;
    let token = Some(user.token.as_str());
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("not xml", b"<Invoice><cbc:ID>".to_vec(), "not well-formed"),
        (
            "billion laughs",
            br#"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><Invoice>&b;</Invoice>"#.to_vec(),
            "document type declaration",
        ),
        ("invalid UTF-8", b"<Invoice>\xC3\x28</Invoice>".to_vec(), "not UTF-8"),
        (
            "CII sent as UBL",
            br#"<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>"#.to_vec(),
            "CII",
        ),
        (
            "over 10 MiB",
            vec![b' '; server::api::validation::MAX_XML_BYTES + 1],
            "at most",
        ),
    ];
    for (what, body, expected) in cases {
        let (status, report) = validate(&app, token, body).await;
        assert_eq!(status, 200, "{what}: {report}");
        assert_eq!(report["valid"], false, "{what}");
        let message = report["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(expected), "{what}: {message}");
        assert!(
            ["XML-WELLFORMED", "UNSUPPORTED"]
                .contains(&report["errors"][0]["ruleId"].as_str().unwrap()),
            "{what}: {report}"
        );
    }
    let (status, _) = validate(
        &app,
        token,
        vec![b' '; server::api::validation::MAX_XML_BYTES + 2],
    )
    .await;
    assert_eq!(status, 413);
}
