use std::time::Duration;

use anaf::Error;
use anaf::efactura::Environment;
use anaf::oauth::{self, ClientAuth, TokenKind};
use anaf::sim::efactura::{EfacturaSim, OAuthApp, SimConfig};
use pretty_assertions::assert_eq;

use crate::support::{BUYER, SELLER, SELLER_USER, START, TIMEOUT, TestSim, client_for, http};

const REDIRECT: &str = "http://localhost:8900/anaf/callback";
const CLIENT_ID: &str = "facturo-app";
const SECRET: &str = "s3cret / with spaces";

fn register(sim: &EfacturaSim) {
    sim.add_app(OAuthApp {
        client_id: CLIENT_ID.into(),
        client_secret: SECRET.into(),
        redirect_uris: vec![REDIRECT.into()],
    });
}

fn oauth_client(base: &str) -> oauth::OAuthClient {
    oauth::OAuthClient::with_base_url(base, CLIENT_ID, SECRET, TIMEOUT).unwrap()
}

/// The form's fields, as the browser posts them back after the user picks `user`.
fn login_form(user: &str) -> Vec<(&'static str, String)> {
    vec![
        ("user", user.to_owned()),
        ("client_id", CLIENT_ID.to_owned()),
        ("redirect_uri", REDIRECT.to_owned()),
        ("state", "st4te".to_owned()),
        ("token_content_type", "jwt".to_owned()),
        ("response_type", "code".to_owned()),
    ]
}

/// The `code` of a redirect to [`REDIRECT`], after checking the `state`.
fn code_of(response: &reqwest::Response) -> String {
    assert_eq!(response.status(), 302);
    let location = response.headers()["location"].to_str().unwrap();
    assert!(location.starts_with(REDIRECT), "{location}");
    let url = reqwest::Url::parse(location).unwrap();
    let pairs: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(pairs["state"], "st4te");
    pairs["code"].clone()
}

#[tokio::test]
async fn the_code_flow_gives_jwts_that_refresh_with_rotation_and_revoke() {
    let t = TestSim::start().await;
    register(&t.sim);
    let oauth = oauth_client(&t.url("/anaf-oauth2/v1/"));

    // The browser meets the certificate-login stand-in: a form listing the holders.
    let url = oauth.authorize_url("st4te", REDIRECT).unwrap();
    let page = http().get(&url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains(r#"action="/anaf-oauth2/v1/authorize""#),
        "{html}"
    );
    assert!(html.contains(SELLER_USER), "{html}");
    let answer = http()
        .post(t.url("/anaf-oauth2/v1/authorize"))
        .form(&login_form(SELLER_USER))
        .send()
        .await
        .unwrap();
    let code = code_of(&answer);

    let tokens = oauth.exchange_code(&code, REDIRECT).await.unwrap();
    assert_eq!(tokens.token_type, "Bearer");
    assert_eq!(
        tokens.access_expires_at(START),
        Some(START + time::Duration::days(90))
    );
    assert_eq!(
        tokens.refresh_expires_at(),
        Some(START + time::Duration::days(365))
    );
    let list = t
        .client
        .messages(&tokens.access_token, SELLER, 1, None)
        .await;
    assert!(list.unwrap().messages.is_empty());

    let reused = oauth.exchange_code(&code, REDIRECT).await.unwrap_err();
    assert!(
        matches!(&reused, Error::OAuth { status: 400, error, .. } if error == "invalid_grant"),
        "{reused:?}"
    );

    let refreshed = oauth.refresh(&tokens.refresh_token).await.unwrap();
    assert_ne!(refreshed.refresh_token, tokens.refresh_token);
    assert_ne!(refreshed.access_token, tokens.access_token);
    let stale = oauth.refresh(&tokens.refresh_token).await.unwrap_err();
    assert!(
        matches!(&stale, Error::OAuth { status: 400, error, .. } if error == "invalid_grant"),
        "the old refresh token stops working: {stale:?}"
    );

    oauth
        .revoke(&refreshed.access_token, TokenKind::Access)
        .await
        .unwrap();
    let err = t
        .client
        .messages(&refreshed.access_token, SELLER, 1, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Unauthorized { status: 401, .. }),
        "{err:?}"
    );
    assert!(!err.is_transient());
    oauth
        .revoke(&refreshed.refresh_token, TokenKind::Refresh)
        .await
        .unwrap();
    assert!(oauth.refresh(&refreshed.refresh_token).await.is_err());
}

#[tokio::test]
async fn clients_authenticate_by_form_or_basic_and_bad_ones_are_refused() {
    let t = TestSim::start().await;
    register(&t.sim);
    let base = t.url("/anaf-oauth2/v1/");
    for auth in [ClientAuth::Form, ClientAuth::Basic] {
        t.sim.approve_next(SELLER_USER);
        let oauth = oauth_client(&base).with_client_auth(auth);
        let url = oauth.authorize_url("st4te", REDIRECT).unwrap();
        let code = code_of(&http().get(&url).send().await.unwrap());
        oauth.exchange_code(&code, REDIRECT).await.unwrap();
    }

    let wrong = oauth::OAuthClient::with_base_url(&base, CLIENT_ID, "nope", TIMEOUT).unwrap();
    let err = wrong.refresh("whatever").await.unwrap_err();
    assert!(
        matches!(&err, Error::OAuth { status: 401, error, .. } if error == "invalid_client"),
        "{err:?}"
    );

    let elsewhere = oauth_client(&base)
        .authorize_url("st4te", "https://evil.example/cb")
        .unwrap();
    let page = http().get(&elsewhere).send().await.unwrap();
    assert_eq!(
        page.status(),
        400,
        "an unregistered redirect_uri gets no code"
    );

    // Without a certificate holder, the real login page denies access.
    let mut form = login_form("");
    form[0].1 = String::new();
    let denied = http()
        .post(t.url("/anaf-oauth2/v1/authorize"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status(), 403);
}

#[tokio::test]
async fn access_tokens_expire_after_90_simulated_days_refresh_tokens_live_on() {
    let t = TestSim::start().await;
    register(&t.sim);
    t.sim.approve_next(SELLER_USER);
    let oauth = oauth_client(&t.url("/anaf-oauth2/v1/"));
    let url = oauth.authorize_url("st4te", REDIRECT).unwrap();
    let code = code_of(&http().get(&url).send().await.unwrap());
    let tokens = oauth.exchange_code(&code, REDIRECT).await.unwrap();

    t.advance(Duration::from_secs(90 * 24 * 3600 + 1));
    let err = t
        .client
        .messages(&tokens.access_token, SELLER, 1, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Unauthorized { status: 401, .. }),
        "{err:?}"
    );
    let fresh = oauth.refresh(&tokens.refresh_token).await.unwrap();
    t.client
        .messages(&fresh.access_token, SELLER, 1, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_token_without_rights_on_the_cif_gets_anafs_business_error() {
    let t = TestSim::start().await;
    let err = t
        .client
        .messages(&t.seller_token, BUYER, 1, None)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Refused { message, .. } if message == "Nu aveti drept in SPV pentru CIF=14399840"),
        "{err:?}"
    );
    let err = t
        .client
        .messages("garbage", SELLER, 1, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Unauthorized { status: 401, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn the_router_works_nested_under_a_prefix() {
    let sim = EfacturaSim::new(SimConfig::default()).unwrap();
    sim.freeze(START);
    register(&sim);
    sim.add_taxpayer(SELLER, "Facturo Demo SRL");
    sim.grant(SELLER_USER, SELLER);
    let app = axum::Router::new().nest("/sandbox/anaf", sim.router());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });

    let prefix = format!("http://{addr}/sandbox/anaf");
    let oauth = oauth_client(&format!("{prefix}/anaf-oauth2/v1/"));
    let url = oauth.authorize_url("st4te", REDIRECT).unwrap();
    let html = http().get(&url).send().await.unwrap().text().await.unwrap();
    let action = "/sandbox/anaf/anaf-oauth2/v1/authorize";
    assert!(html.contains(&format!("action=\"{action}\"")), "{html}");
    let answer = http()
        .post(format!("http://{addr}{action}"))
        .form(&login_form(SELLER_USER))
        .send()
        .await
        .unwrap();
    let tokens = oauth
        .exchange_code(&code_of(&answer), REDIRECT)
        .await
        .unwrap();

    let base = format!("{prefix}/test/FCTEL/rest/");
    let client = anaf::efactura::EfacturaClient::with_base_url(&base, TIMEOUT).unwrap();
    let list = client
        .messages(&tokens.access_token, SELLER, 3, None)
        .await
        .unwrap();
    assert_eq!(
        list.title.as_deref(),
        Some("Nu exista mesaje in ultimele 3 zile")
    );
    // Not mounted at the root.
    let root = client_for(addr, Environment::Test, TIMEOUT);
    assert!(
        root.messages(&tokens.access_token, SELLER, 3, None)
            .await
            .is_err()
    );
}
