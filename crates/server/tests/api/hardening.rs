//! Headers every response carries and CORS (issue #5 item 10).

use base64::Engine as _;
use pretty_assertions::assert_eq;
use sha2::{Digest, Sha256};

use crate::support::TestApp;

fn header<'a>(h: &'a reqwest::header::HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn every_response_refuses_sniffing_framing_and_referrers() {
    let app = TestApp::spawn().await;
    for path in ["/health", "/api/v1/me", "/api/v1/nothing-here"] {
        let r = app
            .http
            .get(format!("{}{path}", app.url))
            .send()
            .await
            .unwrap();
        let h = r.headers();
        assert_eq!(
            header(h, "x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(header(h, "x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(header(h, "referrer-policy"), Some("no-referrer"), "{path}");
        assert_eq!(
            header(h, "content-security-policy"),
            Some("default-src 'none'; frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(
            header(h, "strict-transport-security"),
            None,
            "plain HTTP: {path}"
        );
    }

    // The docs page: its inline script is allowed by its hash, nothing else inline.
    let r = app
        .http
        .get(format!("{}/api/docs", app.url))
        .send()
        .await
        .unwrap();
    let policy = header(r.headers(), "content-security-policy")
        .unwrap()
        .to_owned();
    let page = r.text().await.unwrap();
    let script = page
        .split("<script>")
        .nth(1)
        .and_then(|s| s.split_once("</script>"))
        .map(|(s, _)| s)
        .unwrap();
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
    assert!(
        policy.contains(&format!("script-src 'self' 'sha256-{hash}'")),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"));
}

#[tokio::test]
async fn behind_tls_responses_carry_hsts() {
    let app =
        TestApp::spawn_with(|c| c.public_url = Some("https://facturi.firma.test".into())).await;
    let r = app
        .http
        .get(format!("{}/health", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(r.headers(), "strict-transport-security"),
        Some("max-age=31536000; includeSubDomains")
    );
}

#[tokio::test]
async fn cors_answers_only_the_configured_origins() {
    let app = TestApp::spawn_with(|c| c.cors_origins = vec!["https://app.firma.test".into()]).await;
    let preflight = |origin: &'static str| {
        app.http
            .request(
                reqwest::Method::OPTIONS,
                format!("{}/api/v1/invoices", app.url),
            )
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization, x-company, content-type",
            )
            .send()
    };
    let ok = preflight("https://app.firma.test").await.unwrap();
    assert_eq!(
        header(ok.headers(), "access-control-allow-origin"),
        Some("https://app.firma.test")
    );
    let allowed = header(ok.headers(), "access-control-allow-headers")
        .unwrap_or_default()
        .to_owned();
    assert!(allowed.contains("x-company"), "{allowed}");
    let evil = preflight("https://evil.test").await.unwrap();
    assert_eq!(header(evil.headers(), "access-control-allow-origin"), None);
    // Without configuration no origin is allowed.
    let closed = TestApp::spawn().await;
    let r = closed
        .http
        .get(format!("{}/health", closed.url))
        .header("Origin", "https://app.firma.test")
        .send()
        .await
        .unwrap();
    assert_eq!(header(r.headers(), "access-control-allow-origin"), None);
}
