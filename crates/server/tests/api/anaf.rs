//! The ANAF token vault (issue #4 item 3): the connect links' OAuth flow against a real HTTP
//! token endpoint (`support::authority`), tokens encrypted and never shown, tenancy, CIF checks,
//! refresh under the per-token lock, the 14/3-day expiry events, and a copied database frozen
//! until an instance administrator confirms it (lessons #14).

use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};
use server::ids::{AnafTokenId, CompanyId};
use server::store::anaf_tokens::{self, AnafToken};
use server::vault::access::{self, AccessError};
use server::vault::forecast;
use server::{AnafEnvironment, Clock, FixedClock};
use time::{Duration, OffsetDateTime};

use crate::support::authority::{Authority, Pair};
use crate::support::{Actor, Reply, START, TestApp, TestDb};

/// A server whose ANAF is a fresh fake authority on the same clock.
async fn app_with_anaf() -> (TestApp, Authority) {
    let clock = FixedClock::new(START);
    let authority = Authority::start(clock.clone()).await;
    let app = TestApp::launch(TestDb::new().await, clock, |c| authority.configure(c)).await;
    (app, authority)
}

fn company_of(actor: &Actor<'_>) -> CompanyId {
    actor.company.as_deref().unwrap().parse().unwrap()
}

async fn cif_of(actor: &Actor<'_>) -> u64 {
    let company = actor
        .get(&format!(
            "/api/v1/companies/{}",
            actor.company.as_deref().unwrap()
        ))
        .await;
    company.body["cif"].as_u64().unwrap()
}

/// Stores `pair` as the actor's token for the actor's company (`POST /anaf/tokens`).
async fn paste(actor: &Actor<'_>, pair: &Pair) -> AnafTokenId {
    let reply = actor
        .post(
            "/api/v1/anaf/tokens",
            json!({ "token": pair.access, "refreshToken": pair.refresh, "label": "pasted" }),
        )
        .await;
    assert_eq!(reply.status, 201, "paste: {}", reply.body);
    reply.body["data"]["id"].as_str().unwrap().parse().unwrap()
}

/// The same user and company with a fresh session (access tokens last an hour, and the tests
/// move the clock by days).
async fn signed_in_again<'a>(actor: &Actor<'a>) -> Actor<'a> {
    let fresh = actor.app.login(&actor.email).await;
    match &actor.company {
        Some(company) => fresh.acting_for(company),
        None => fresh,
    }
}

async fn stored(app: &TestApp, id: AnafTokenId) -> AnafToken {
    anaf_tokens::get(&app.state.db, id).await.unwrap().unwrap()
}

async fn access_for(app: &TestApp, company: CompanyId) -> Result<String, AccessError> {
    access::access_token(
        &app.state,
        company,
        AnafEnvironment::Sandbox,
        app.clock.now(),
    )
    .await
    .map(|t| t.secret.expose().to_owned())
}

/// The payloads of the outbox's events of `kind`, oldest first.
async fn events(app: &TestApp, kind: &str) -> Vec<Value> {
    server::on_db!(&app.state.db, c => sqlx::query_scalar::<_, sqlx::types::Json<Value>>(
        "SELECT payload FROM events WHERE type = $1 ORDER BY created_at, id",
    )
    .bind(kind)
    .fetch_all(c)
    .await)
    .unwrap()
    .into_iter()
    .map(|j| j.0)
    .collect()
}

fn no_redirects() -> reqwest::Client {
    anaf::install_crypto_provider();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Makes a connect link for the actor's company and walks the whole flow in a browser that
/// follows redirects: link page → authorize → ANAF → callback → link page.
async fn connect_by_link(actor: &Actor<'_>) -> (Value, Reply) {
    let link = actor.post("/api/v1/anaf/token-links", json!({})).await;
    assert_eq!(link.status, 201, "link: {}", link.body);
    let token = link.body["linkToken"].as_str().unwrap();
    let start = format!(
        "{}/api/v1/anaf/token-links/{token}/authorize",
        actor.app.url
    );
    let page = actor
        .app
        .send(actor.app.http.request(Method::GET, start), None)
        .await;
    (link.body, page)
}

/// ANAF-shaped JWT whose `exp` is `at`.
fn jwt_until(at: OffsetDateTime) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS512","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD
        .encode(json!({ "exp": at.unix_timestamp(), "jti": uuid::Uuid::new_v4() }).to_string());
    format!("{header}.{payload}.c2ln{}", uuid::Uuid::new_v4().simple())
}

#[tokio::test]
async fn a_connect_link_runs_the_oauth_flow_and_connects_the_company() {
    let (app, authority) = app_with_anaf().await;
    let user = app.user().await.company().await;
    let cif = cif_of(&user).await;
    authority.grant(cif);

    let (link, page) = connect_by_link(&user).await;
    assert_eq!(page.status, 200);
    let html = page.body.as_str().unwrap();
    assert!(html.contains("Connected to ANAF"), "{html}");
    assert_eq!(authority.exchanges(), 1);
    assert_eq!(authority.refusals(), Vec::<String>::new());
    let link_token = link["linkToken"].as_str().unwrap();
    assert_eq!(
        link["linkUrl"],
        format!("{}/anaf/link/{link_token}", app.url),
        "the link opens this server's page"
    );
    assert_eq!(link["expiresAt"], "2026-06-16T09:00:00+00:00");

    // The public check, without credentials.
    let check = app
        .call(
            Method::GET,
            &format!("/api/v1/anaf/token-links/{link_token}"),
            None,
        )
        .await;
    assert_eq!(
        check.body,
        json!({ "expired": false, "used": true, "completed": true, "expiresAt": "2026-06-16T09:00:00+00:00" })
    );
    assert!(
        user.get("/api/v1/anaf/token-links").await.body["data"]
            .as_array()
            .unwrap()
            .is_empty(),
        "a used link is not open any more"
    );

    let tokens = user.get("/api/v1/anaf/tokens").await.body["data"].clone();
    assert_eq!(tokens.as_array().unwrap().len(), 1);
    let token = &tokens[0];
    assert_eq!(
        token["validatedCifs"],
        json!([cif]),
        "ANAF confirmed the company's CIF"
    );
    assert_eq!(token["hasRefreshToken"], true);
    assert_eq!(token["isExpired"], false);
    assert_eq!(
        token["expiresAt"], "2027-06-15T09:00:00+00:00",
        "the refresh token's end"
    );
    assert_eq!(token["environment"], "sandbox");

    let status = user.get("/api/v1/anaf/status").await.body;
    assert_eq!(status["connected"], true);
    assert_eq!(status["tokenCount"], 1);
    assert_eq!(status["nearestExpiry"], "2027-06-15T09:00:00+00:00");
    assert_eq!(status["hasExpiredTokens"], false);
    assert_eq!(status["frozen"], false);

    // Submission code gets the access token ANAF issued, for the company.
    let issued = authority.issued();
    assert_eq!(
        access_for(&app, company_of(&user)).await.unwrap(),
        issued[0].access
    );
    let created = events(&app, "anaf.token_created").await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["companyId"], user.company.clone().unwrap());

    // The link is used up: starting again is refused.
    let again = no_redirects()
        .get(format!(
            "{}/api/v1/anaf/token-links/{link_token}/authorize",
            app.url
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 410);
}

#[tokio::test]
async fn the_oauth_state_is_bound_to_the_link_used_once_and_expires() {
    let (app, authority) = app_with_anaf().await;
    let user = app.user().await.company().await;
    let link = user.post("/api/v1/anaf/token-links", json!({})).await.body;
    let link_token = link["linkToken"].as_str().unwrap();
    let browser = no_redirects();
    let start = format!("{}/api/v1/anaf/token-links/{link_token}/authorize", app.url);
    let authorize_at = |r: &reqwest::Response| -> reqwest::Url {
        r.headers()["location"].to_str().unwrap().parse().unwrap()
    };
    let state_of = |url: &reqwest::Url| -> String {
        url.query_pairs()
            .find(|(k, _)| k == "state")
            .unwrap()
            .1
            .into_owned()
    };

    // To ANAF with the configured client, redirect URI and JWT tokens.
    let first = authorize_at(&browser.get(&start).send().await.unwrap());
    assert!(
        first
            .as_str()
            .starts_with(&format!("{}/anaf-oauth2/v1/authorize?", authority.url))
    );
    let query: std::collections::HashMap<_, _> = first.query_pairs().into_owned().collect();
    assert_eq!(query["response_type"], "code");
    assert_eq!(query["token_content_type"], "jwt");
    assert_eq!(
        query["redirect_uri"],
        format!("{}/api/v1/anaf/oauth/callback", app.url)
    );

    let callback = |state: &str, extra: &str| {
        format!(
            "{}/api/v1/anaf/oauth/callback?state={state}{extra}",
            app.url
        )
    };
    // A state nobody issued, or none.
    let forged = browser
        .get(callback("f00d", "&code=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 400);
    assert_eq!(
        browser
            .get(format!("{}/api/v1/anaf/oauth/callback?code=x", app.url))
            .send()
            .await
            .unwrap()
            .status(),
        400
    );

    // A newer start replaces the older state.
    let second = authorize_at(&browser.get(&start).send().await.unwrap());
    let stale = browser
        .get(callback(&state_of(&first), "&code=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 400, "the first state stopped working");

    // ANAF's error comes back to the link's page, which stays usable.
    let denied = browser
        .get(callback(
            &state_of(&second),
            "&error=access_denied&error_description=no%20certificate",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status(), 303);
    let page_url = denied.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        page_url,
        format!("{}/anaf/link/{link_token}?failed=1", app.url)
    );
    let page = browser
        .get(&page_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("access_denied: no certificate"), "{page}");
    assert!(page.contains("Continue to ANAF"), "{page}");
    // The same state again: used.
    let replay = browser
        .get(callback(&state_of(&second), "&code=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 400);

    // A state expires after 15 minutes.
    let third = authorize_at(&browser.get(&start).send().await.unwrap());
    app.clock.advance(Duration::minutes(16));
    let late = browser
        .get(callback(&state_of(&third), "&code=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), 400);
    assert_eq!(
        authority.exchanges(),
        0,
        "no code was exchanged for a bad state"
    );
    assert_eq!(token_count(&app).await, 0);

    // And the link itself after 24 hours.
    app.clock.advance(Duration::hours(24));
    let expired = browser.get(&start).send().await.unwrap();
    assert_eq!(expired.status(), 410);
    let check = app
        .call(
            Method::GET,
            &format!("/api/v1/anaf/token-links/{link_token}"),
            None,
        )
        .await;
    assert_eq!(check.body["expired"], true);
    assert_eq!(check.body["completed"], false);
    assert_eq!(
        app.call(Method::GET, "/api/v1/anaf/token-links/nope", None)
            .await
            .status,
        404
    );
}

async fn token_count(app: &TestApp) -> i64 {
    server::on_db!(&app.state.db, c => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM anaf_tokens")
        .fetch_one(c)
        .await)
    .unwrap()
}

/// A log buffer for a subscriber on this test's thread (the server runs on it too: the test
/// runtime is single-threaded).
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Logs {
    type Writer = Logs;
    fn make_writer(&'a self) -> Logs {
        self.clone()
    }
}

#[tokio::test]
async fn tokens_never_appear_in_responses_logs_events_or_the_database() {
    let logs = Logs::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(logs.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let (app, authority) = app_with_anaf().await;
    let user = app.user().await.company().await;
    let cif = cif_of(&user).await;
    authority.grant(cif);
    let mut seen: Vec<String> = Vec::new();
    let (link, page) = connect_by_link(&user).await;
    seen.push(link.to_string());
    seen.push(format!("{:?} {}", page.headers, page.body));
    let pasted = authority.issue();
    let created = user
        .post(
            "/api/v1/anaf/tokens",
            json!({ "token": pasted.access, "refreshToken": pasted.refresh }),
        )
        .await;
    seen.push(created.body.to_string());
    let id = created.body["data"]["id"].as_str().unwrap().to_owned();
    for path in [
        "/api/v1/anaf/tokens",
        "/api/v1/anaf/status",
        "/api/v1/anaf/token-links",
        "/api/openapi.json",
    ] {
        seen.push(user.get(path).await.body.to_string());
    }
    let check = user
        .post(
            &format!("/api/v1/anaf/tokens/{id}/validate-cif"),
            json!({ "cif": cif }),
        )
        .await;
    assert_eq!(check.status, 200, "{}", check.body);
    seen.push(check.body.to_string());
    // A refresh, then the token in use.
    app.clock.advance(Duration::days(85));
    access::refresh_due(&app.state, app.clock.now())
        .await
        .unwrap();
    access_for(&app, company_of(&user)).await.unwrap();
    let user = signed_in_again(&user).await;
    let listed = user.get("/api/v1/anaf/tokens").await;
    assert_eq!(listed.status, 200);
    seen.push(listed.body.to_string());
    seen.push(
        events(&app, "anaf.token_created")
            .await
            .iter()
            .map(Value::to_string)
            .collect(),
    );

    let stored_secrets: Vec<String> =
        server::on_db!(&app.state.db, c => sqlx::query_as::<_, (Option<String>, Option<String>)>(
        "SELECT access_token_enc, refresh_token_enc FROM anaf_tokens",
    )
    .fetch_all(c)
    .await)
        .unwrap()
        .into_iter()
        .flat_map(|(a, r)| [a.unwrap_or_default(), r.unwrap_or_default()])
        .collect();
    assert!(
        stored_secrets.iter().all(|s| s.starts_with("v1.")),
        "sealed: {stored_secrets:?}"
    );
    seen.extend(stored_secrets);
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("refreshed an ANAF token"),
        "the logs were captured"
    );
    seen.push(logs);

    let issued = authority.issued();
    assert!(issued.len() >= 3, "link, pasted and refreshed pairs");
    for pair in issued {
        for secret in [&pair.access, &pair.refresh] {
            // The signature part is random: no JWT header or claims can match by chance.
            let signature = secret.rsplit('.').next().unwrap();
            for text in &seen {
                assert!(
                    !text.contains(signature),
                    "a token leaked into: {}",
                    &text[..text.len().min(400)]
                );
            }
        }
    }
}

#[tokio::test]
async fn another_users_tokens_and_companies_are_not_found() {
    let (app, authority) = app_with_anaf().await;
    let owner = app.user().await.company().await;
    let id = paste(&owner, &authority.issue()).await;
    let stranger = app.user().await.company().await;

    assert_eq!(
        stranger
            .delete(&format!("/api/v1/anaf/tokens/{id}"))
            .await
            .status,
        404
    );
    let cif = cif_of(&stranger).await;
    let check = stranger
        .post(
            &format!("/api/v1/anaf/tokens/{id}/validate-cif"),
            json!({ "cif": cif }),
        )
        .await;
    assert_eq!(check.status, 404);
    assert!(
        stranger.get("/api/v1/anaf/tokens").await.body["data"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        stranger.get("/api/v1/anaf/status").await.body["tokenCount"],
        0
    );
    // The owner's company named by the stranger.
    let foreign = stranger.acting_for(owner.company.as_deref().unwrap());
    assert_eq!(
        foreign
            .post("/api/v1/anaf/token-links", json!({}))
            .await
            .status,
        404
    );
    let named = stranger
        .post(
            "/api/v1/anaf/token-links",
            json!({ "companyId": owner.company }),
        )
        .await;
    assert_eq!(named.status, 404);
    let pasted = stranger
        .post(
            "/api/v1/anaf/tokens",
            json!({ "token": authority.issue().access, "companyId": owner.company }),
        )
        .await;
    assert_eq!(pasted.status, 404);
    assert_eq!(
        owner.get("/api/v1/anaf/tokens").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        owner
            .delete(&format!("/api/v1/anaf/tokens/{id}"))
            .await
            .status,
        200
    );
    assert!(matches!(
        access_for(&app, company_of(&owner)).await,
        Err(AccessError::NotConnected { .. })
    ));
}

#[tokio::test]
async fn validate_cif_asks_anaf_and_keeps_validated_cifs_in_step() {
    let (app, authority) = app_with_anaf().await;
    let user = app.user().await.company().await;
    let cif = cif_of(&user).await;
    let id = paste(&user, &authority.issue()).await;
    let path = format!("/api/v1/anaf/tokens/{id}/validate-cif");

    let no_rights = user.post(&path, json!({ "cif": cif })).await;
    assert_eq!(no_rights.status, 422, "{}", no_rights.body);
    assert_eq!(no_rights.body["valid"], false);
    assert_eq!(no_rights.body["code"], "TOKEN_INVALID_FOR_CIF");
    assert_eq!(
        no_rights.body["error"],
        format!("Nu aveti drept in SPV pentru CIF={cif}")
    );

    authority.grant(cif);
    let valid = user.post(&path, json!({ "cif": format!("RO{cif}") })).await;
    assert_eq!(valid.status, 200, "{}", valid.body);
    assert_eq!(valid.body["valid"], true);
    assert_eq!(valid.body["cif"], cif);
    assert!(
        valid.body["companyName"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
    );
    assert_eq!(
        user.get("/api/v1/anaf/tokens").await.body["data"][0]["validatedCifs"],
        json!([cif])
    );

    let elsewhere = user.post(&path, json!({ "cif": 18_547_290 })).await;
    assert_eq!(elsewhere.status, 422);
    assert_eq!(elsewhere.body["code"], "COMPANY_NOT_FOUND");
    assert_eq!(user.post(&path, json!({})).await.status, 400);
}

#[tokio::test]
async fn two_processes_refresh_a_token_once() {
    let (a, authority) = app_with_anaf().await;
    let b = a.beside(|c| authority.configure(c)).await;
    let user = a.user().await.company().await;
    let company = company_of(&user);
    let id = paste(&user, &authority.issue()).await;
    authority.slow_refreshes(std::time::Duration::from_millis(300));

    // Not due yet: nothing is sent to ANAF.
    let early = access::refresh_due(&a.state, a.clock.now()).await.unwrap();
    assert_eq!((early.refreshed, authority.refreshes()), (0, 0));

    a.clock.advance(Duration::days(85));
    let now = a.clock.now();
    let (one, two) = tokio::join!(
        access::refresh_due(&a.state, now),
        access::refresh_due(&b.state, now)
    );
    let (one, two) = (one.unwrap(), two.unwrap());
    assert_eq!(authority.refreshes(), 1, "ANAF was asked once");
    assert!(one.refreshed + two.refreshed <= 1);
    assert!(
        one.transient.is_empty()
            && two.transient.is_empty()
            && one.permanent.is_empty()
            && two.permanent.is_empty()
    );

    let token = stored(&a, id).await;
    assert_eq!(token.refresh_error, None);
    assert_eq!(token.access_expires_at, now + Duration::days(90));
    assert_eq!(
        token.refresh_expires_at,
        Some(now + Duration::days(365)),
        "the rotated refresh token is kept"
    );
    assert_eq!(token.refreshing_until, None, "the lock is released");
    let newest = authority.issued().pop().unwrap();
    assert_eq!(access_for(&b, company).await.unwrap(), newest.access);

    // An access token that has run out is refreshed where it is needed, once for both.
    a.clock.advance(Duration::days(91));
    let (x, y) = tokio::join!(access_for(&a, company), access_for(&b, company));
    assert_eq!(authority.refreshes(), 2);
    let newest = authority.issued().pop().unwrap();
    assert_eq!(x.unwrap(), newest.access);
    assert_eq!(y.unwrap(), newest.access);
    b.stop().await;
}

#[tokio::test]
async fn the_refresh_job_refreshes_through_the_queue() {
    let (app, authority) = app_with_anaf().await;
    let user = app.user().await.company().await;
    let id = paste(&user, &authority.issue()).await;
    app.clock.advance(Duration::days(84));
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    while authority.refreshes() == 0 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the job did not refresh the token"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    while stored(&app, id).await.last_refreshed_at.is_none() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the refresh was not stored"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(authority.refreshes(), 1);
    let jobs = server::jobs::queue::list(&app.state.db).await.unwrap();
    assert!(
        jobs.iter()
            .any(|j| j.kind == "refresh_anaf_tokens" && j.status == "queued"),
        "the next run is queued: {jobs:?}"
    );
}

#[tokio::test]
async fn a_refused_refresh_is_recorded_and_not_retried() {
    let (app, authority) = app_with_anaf().await;
    let user = app.user().await.company().await;
    let pair = authority.issue();
    let id = paste(&user, &pair).await;
    authority.revoke_refresh(&pair.refresh);
    app.clock.advance(Duration::days(85));
    access::refresh_due(&app.state, app.clock.now())
        .await
        .unwrap();
    assert_eq!(authority.refreshes(), 1);
    let token = stored(&app, id).await;
    assert!(
        token
            .refresh_error
            .as_deref()
            .is_some_and(|e| e.contains("invalid_grant")),
        "{token:?}"
    );
    let user = signed_in_again(&user).await;
    let listed = user.get("/api/v1/anaf/tokens").await.body["data"][0].clone();
    assert!(
        listed["refreshError"]
            .as_str()
            .is_some_and(|e| e.contains("invalid_grant"))
    );
    assert_eq!(
        listed["expiresAt"], "2026-09-13T09:00:00+00:00",
        "now the access token's end"
    );

    // Still usable until the access token runs out; then a person must connect again.
    assert_eq!(
        access_for(&app, company_of(&user)).await.unwrap(),
        pair.access
    );
    access::refresh_due(&app.state, app.clock.now())
        .await
        .unwrap();
    app.clock.advance(Duration::days(6));
    let dead = access_for(&app, company_of(&user)).await;
    assert!(matches!(dead, Err(AccessError::Refused { .. })), "{dead:?}");
    assert_eq!(
        authority.refreshes(),
        1,
        "a dead refresh token is not tried again"
    );
}

#[tokio::test]
async fn expiry_warnings_come_at_14_and_3_days_once_each() {
    // No sync pass in between: one would refresh the token, and a fresh refresh token is no
    // longer near its end, so whether the 3-day warning comes would depend on which ran first.
    let clock = FixedClock::new(START);
    let authority = Authority::start(clock.clone()).await;
    let app = TestApp::launch(TestDb::new().await, clock, |c| {
        authority.configure(c);
        c.efactura_policy.sync_every = Duration::days(3650);
    })
    .await;
    let user = app.user().await.company().await;
    let ends = START + Duration::days(20);
    let reply = user
        .post(
            "/api/v1/anaf/tokens",
            json!({ "token": jwt_until(START + Duration::days(10)), "refreshToken": jwt_until(ends) }),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let run = || {
        forecast::run(
            &app.state.db,
            &app.state.vault,
            AnafEnvironment::Sandbox,
            app.clock.now(),
        )
    };
    run().await.unwrap();
    assert!(events(&app, "anaf.token_expiring").await.is_empty());

    app.clock.advance(Duration::days(7));
    run().await.unwrap();
    run().await.unwrap();
    let warned = events(&app, "anaf.token_expiring").await;
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert_eq!(warned[0]["thresholdDays"], 14);
    assert_eq!(warned[0]["daysLeft"], 13);
    assert_eq!(warned[0]["expiring"], "refresh");
    assert_eq!(warned[0]["expiresAt"], "2026-07-05T09:00:00+00:00");

    app.clock.advance(Duration::days(11));
    let user = signed_in_again(&user).await;
    run().await.unwrap();
    run().await.unwrap();
    let warned = events(&app, "anaf.token_expiring").await;
    assert_eq!(warned.len(), 2, "{warned:?}");
    assert_eq!(warned[1]["thresholdDays"], 3);

    // A token first seen inside three days is warned about once.
    let late = user
        .post(
            "/api/v1/anaf/tokens",
            json!({ "token": jwt_until(app.clock.now() + Duration::days(2)) }),
        )
        .await;
    assert_eq!(late.status, 201);
    run().await.unwrap();
    let warned = events(&app, "anaf.token_expiring").await;
    assert_eq!(warned.len(), 3, "{warned:?}");
    assert_eq!(warned[2]["thresholdDays"], 3);
    assert_eq!(warned[2]["expiring"], "access");

    let status = user.get("/api/v1/anaf/status").await.body;
    assert_eq!(status["nearestExpiry"], "2026-07-05T09:00:00+00:00");
    app.clock.advance(Duration::days(3));
    let user = signed_in_again(&user).await;
    let status = user.get("/api/v1/anaf/status").await.body;
    assert_eq!(status["hasExpiredTokens"], true);
    assert_eq!(status["connected"], false);
}

/// The same database started next to another data directory: another installation id.
async fn as_copied_database(app: TestApp, authority: &Authority) -> TestApp {
    let configure = authority.clone();
    app.restart(
        |db| {
            std::fs::write(
                db.dir.join("data/instance-id"),
                format!("{}\n", uuid::Uuid::new_v4()),
            )
            .unwrap();
        },
        move |c| configure.configure(c),
    )
    .await
}

#[tokio::test]
async fn a_copied_database_is_frozen_until_an_instance_admin_confirms() {
    let (app, authority) = app_with_anaf().await;
    let user = app.user().await.company().await;
    let (email, company) = (user.email.clone(), company_of(&user));
    paste(&user, &authority.issue()).await;
    assert!(access_for(&app, company).await.is_ok());
    drop(user);

    // The database next to another data directory: another installation id.
    let app = as_copied_database(app, &authority).await;
    let user = app.login(&email).await;
    let status = user.get("/api/v1/anaf/status").await.body;
    assert_eq!(status["frozen"], true, "{status}");
    assert_eq!(status["connected"], false);
    assert!(
        status["frozenReason"]
            .as_str()
            .unwrap()
            .contains("confirm-instance")
    );
    assert_eq!(
        user.get("/api/v1/anaf/tokens").await.body["data"][0]["frozen"],
        true
    );
    assert!(matches!(
        access_for(&app, company).await,
        Err(AccessError::Frozen)
    ));
    app.clock.advance(Duration::days(85));
    let report = access::refresh_due(&app.state, app.clock.now())
        .await
        .unwrap();
    assert!(report.frozen);
    tokio::time::sleep(std::time::Duration::from_millis(600)).await; // the job runner's turn
    assert_eq!(
        authority.refreshes(),
        0,
        "nothing is refreshed with copied tokens"
    );

    // Only an instance administrator may confirm.
    let user = app.login(&email).await;
    let refused = user.post("/api/v1/anaf/confirm-instance", json!({})).await;
    assert_eq!(refused.status, 403);
    let admin_email = format!("admin-{}@firma.test", uuid::Uuid::now_v7().simple());
    let admin = app.user_with_email(&admin_email).await;
    let mut tx = app.state.db.begin().await.unwrap();
    server::on_tx!(&mut tx, c => sqlx::query("UPDATE users SET is_admin = $1 WHERE email = $2")
        .bind(true)
        .bind(&admin_email)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
    .unwrap();
    tx.commit().await.unwrap();
    let confirmed = admin.post("/api/v1/anaf/confirm-instance", json!({})).await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    assert_eq!(confirmed.body["wasFrozen"], true);
    assert_eq!(confirmed.body["adoptedTokens"], 1);

    assert_eq!(user.get("/api/v1/anaf/status").await.body["frozen"], false);
    assert!(access_for(&app, company).await.is_ok(), "usable again");
    let report = access::refresh_due(&app.state, app.clock.now())
        .await
        .unwrap();
    assert_eq!(
        (report.refreshed, authority.refreshes()),
        (1, 1),
        "and refreshed again"
    );
}

#[tokio::test]
async fn deleting_a_token_a_copied_database_brought_does_not_revoke_it_at_anaf() {
    let (app, authority) = app_with_anaf().await;
    let user = app.user().await.company().await;
    let email = user.email.clone();
    let id = paste(&user, &authority.issue()).await;
    drop(user);
    let app = as_copied_database(app, &authority).await;
    let user = app.login(&email).await;
    let deleted = user.delete(&format!("/api/v1/anaf/tokens/{id}")).await;
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    assert_eq!(deleted.body["message"], "Token deleted successfully.");
    assert_eq!(deleted.body["revokedAtAnaf"], false);
    assert!(
        deleted.body["anafNote"]
            .as_str()
            .unwrap()
            .contains("another installation"),
        "{}",
        deleted.body
    );
    assert!(
        user.get("/api/v1/anaf/tokens").await.body["data"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_key_comes_from_the_environment_or_the_data_directory() {
    let clock = FixedClock::new(START);
    let authority = Authority::start(clock.clone()).await;
    let env_key = STANDARD.encode([42u8; 32]);
    let (with_env, configure) = (env_key.clone(), authority.clone());
    let app = TestApp::launch(TestDb::new().await, clock, move |c| {
        configure.configure(c);
        c.secret_key = Some(server::SecretText(with_env));
    })
    .await;
    let key_file = app
        .db
        .dir
        .join("data")
        .join(server::vault::cipher::KEY_FILE);
    assert!(!key_file.exists(), "the given key is not written to disk");
    let user = app.user().await.company().await;
    let (email, company) = (user.email.clone(), company_of(&user));
    let pair = authority.issue();
    paste(&user, &pair).await;
    drop(user);

    // Without the setting, the data directory's key (made now) cannot open the tokens.
    let configure = authority.clone();
    let app = app.restart(|_| {}, move |c| configure.configure(c)).await;
    assert!(key_file.exists());
    let wrong = access_for(&app, company).await;
    assert!(
        matches!(wrong, Err(AccessError::Cipher { .. })),
        "{wrong:?}"
    );
    assert!(
        wrong
            .unwrap_err()
            .to_string()
            .contains("FACTURO_SECRET_KEY")
    );
    assert_eq!(
        app.login(&email)
            .await
            .get("/api/v1/anaf/tokens")
            .await
            .status,
        200
    );

    let configure = authority.clone();
    let app = app
        .restart(
            |_| {},
            move |c| {
                configure.configure(c);
                c.secret_key = Some(server::SecretText(env_key));
            },
        )
        .await;
    assert_eq!(access_for(&app, company).await.unwrap(), pair.access);
}

/// The submission ledger (`efactura`) files with the vault's token for the company, in the
/// environment this installation files in.
#[tokio::test]
async fn submissions_file_with_the_companys_vault_token() {
    use anaf::efactura::Environment;
    use server::efactura::tokens::{self, TokenProblem};

    let (app, authority) = app_with_anaf().await;
    let user = app.user().await.company().await;
    let company = company_of(&user);
    let now = app.clock.now();
    assert_eq!(
        tokens::check(&app.state, company, Environment::Test, now).await,
        Err(TokenProblem::NotConnected)
    );
    let pair = authority.issue();
    paste(&user, &pair).await;
    assert_eq!(
        tokens::check(&app.state, company, Environment::Test, now).await,
        Ok(())
    );
    assert_eq!(
        tokens::access_token(&app.state, company, Environment::Test, now).await,
        Ok(pair.access)
    );
    assert_eq!(
        tokens::access_token(&app.state, company, Environment::Prod, now).await,
        Err(TokenProblem::OtherEnvironment("prod")),
        "a sandbox installation files in the simulator's test environment"
    );
}
