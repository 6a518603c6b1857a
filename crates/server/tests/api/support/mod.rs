//! Shared test code: a real server on 127.0.0.1:0 with its own database, a fixed clock that tests
//! move, a real SMTP sink, and fixtures that read as sentences (`app.user()`,
//! `user.company()`, `user.draft_invoice()`).

pub mod authority;
pub mod google;

use std::sync::Arc;

use reqwest::Method;
use serde_json::{Value, json};
use server::{Config, FixedClock, Server};
use time::macros::datetime;
use tokio_util::sync::CancellationToken;

pub mod members;
pub mod passkey;
pub mod receiver;
pub mod spv;

pub use server::testing::{SmtpSink, TestDb};

/// The instant every test starts at.
pub const START: time::OffsetDateTime = datetime!(2026-06-15 09:00 UTC);

/// A running server.
pub struct TestApp {
    pub url: String,
    pub http: reqwest::Client,
    pub clock: FixedClock,
    pub state: server::AppState,
    pub mail: SmtpSink,
    pub db: TestDb,
    shutdown: CancellationToken,
    handle: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

pub fn http_client() -> reqwest::Client {
    anaf::install_crypto_provider();
    reqwest::Client::builder()
        .build()
        .expect("building an HTTP client")
}

impl TestApp {
    /// A server with auto-confirmed registration.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// A server whose configuration `adjust` may change first.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        Self::launch(TestDb::new().await, FixedClock::new(START), adjust).await
    }

    /// A server on `db` (its data directory `<db.dir>/data`) whose clock is `clock`.
    pub async fn launch(
        db: TestDb,
        clock: FixedClock,
        adjust: impl FnOnce(&mut Config),
    ) -> TestApp {
        let mail = SmtpSink::start().await;
        let mut config = Config::new(db.url.clone(), db.dir.join("data"));
        config.listen = ([127, 0, 0, 1], 0).into();
        config.auto_confirm_email = true;
        config.smtp_url = Some(mail.url());
        config.job_workers = 2;
        config.shutdown_grace = std::time::Duration::from_secs(5);
        // Tests stand in for a proxy: a request may name its client in `X-Forwarded-For`
        // (`call_from_anywhere`), so tests of other things are not stopped by per-IP limits.
        config.trusted_proxies = vec![std::net::IpAddr::from([127, 0, 0, 1])];
        // Most tests make several companies and members in one organization of an unlicensed
        // (Freemium) installation; `licensing` tests the limits.
        config.enforce_plan_limits = false;
        adjust(&mut config);
        let server = Server::build(config, Arc::new(clock.clone()))
            .await
            .expect("building the server");
        let addr = server.local_addr().expect("bound address");
        let state = server.state.clone();
        let shutdown = CancellationToken::new();
        let handle = tokio::spawn(server.run_until(shutdown.clone()));
        TestApp {
            url: format!("http://{addr}"),
            http: http_client(),
            clock,
            state,
            mail,
            db,
            shutdown,
            handle: Some(handle),
        }
    }

    /// Another server process on the same database, data directory and clock (so the same
    /// keys and installation id), as a second replica would be.
    pub async fn beside(&self, adjust: impl FnOnce(&mut Config)) -> TestApp {
        Self::launch(self.db.clone(), self.clock.clone(), adjust).await
    }

    /// Stops this server and starts it again on the same database, data directory and clock;
    /// `between` runs while it is stopped.
    pub async fn restart(
        mut self,
        between: impl FnOnce(&TestDb),
        adjust: impl FnOnce(&mut Config),
    ) -> TestApp {
        let db = self.db.clone();
        let clock = self.clock.clone();
        self.shutdown.cancel();
        if let Some(h) = self.handle.take() {
            h.await
                .expect("server task")
                .expect("server stopped cleanly");
        }
        between(&db);
        Self::launch(db, clock, adjust).await
    }

    /// Stops the server the way SIGTERM does and waits for it.
    pub async fn stop(mut self) {
        self.shutdown.cancel();
        if let Some(h) = self.handle.take() {
            h.await
                .expect("server task")
                .expect("server stopped cleanly");
        }
    }

    /// The server's time now.
    pub fn clock_now(&self) -> time::OffsetDateTime {
        server::Clock::now(&self.clock)
    }

    /// A request without credentials.
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        self.send(
            self.http.request(method, format!("{}{path}", self.url)),
            body,
        )
        .await
    }

    /// A request from a client address no other request of this process came from, so the
    /// per-IP windows of the auth routes (tested in `rate_limits`) do not get in the way.
    pub async fn call_from_anywhere(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Reply {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let ip = std::net::Ipv4Addr::from(0x0a00_0000 | (n & 0x00ff_ffff));
        let request = self
            .http
            .request(method, format!("{}{path}", self.url))
            .header("X-Forwarded-For", ip.to_string());
        self.send(request, body).await
    }

    pub async fn send(&self, request: reqwest::RequestBuilder, body: Option<Value>) -> Reply {
        let request = match body {
            Some(b) => request.json(&b),
            None => request,
        };
        Reply::from(request.send().await.expect("sending a request")).await
    }

    /// The token of the `nth` (from 1) e-mail to `email` that links to `page` of this server
    /// (`/invitation`, `/reset-password`, …), waiting for it to arrive.
    pub async fn emailed_token(&self, email: &str, page: &str, nth: usize) -> String {
        let link = format!("{}{page}?token=", self.url);
        let deadline = tokio::time::Instant::now() + server::testing::smtp::MAIL_WAIT;
        loop {
            let texts: Vec<String> = self
                .mail
                .mails()
                .into_iter()
                .filter(|m| m.to.iter().any(|to| to == email))
                .map(|m| m.text())
                .filter(|text| text.contains(&link))
                .collect();
            if let Some(text) = texts.get(nth - 1) {
                return text.split(&link).nth(1).unwrap()[..128].to_owned();
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "no e-mail #{nth} to {email} linking to {link}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// The texts of the e-mails sent to `email` so far.
    pub fn mails_to(&self, email: &str) -> Vec<String> {
        self.mail
            .mails()
            .into_iter()
            .filter(|m| m.to.iter().any(|to| to == email))
            .map(|m| m.text())
            .collect()
    }

    /// Waits until no job of these kinds is queued or running, so that what they did not do
    /// can be checked.
    pub async fn jobs_done(&self, kinds: &[&str]) {
        let deadline = tokio::time::Instant::now() + server::testing::smtp::MAIL_WAIT;
        loop {
            let mut left = 0;
            for kind in kinds {
                left += server::testing::unfinished_jobs(&self.state.db, kind)
                    .await
                    .unwrap();
            }
            if left == 0 {
                return;
            }
            if tokio::time::Instant::now() >= deadline {
                let mut states = Vec::new();
                for kind in kinds {
                    states.extend(
                        server::testing::job_states(&self.state.db, kind)
                            .await
                            .unwrap(),
                    );
                }
                panic!("{left} jobs of {kinds:?} still to do: {states:?}");
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// Registers (auto-confirmed) and signs in a new user.
    pub async fn user(&self) -> Actor<'_> {
        let email = format!("user-{}@firma.test", uuid::Uuid::now_v7().simple());
        self.user_with_email(&email).await
    }

    pub async fn user_with_email(&self, email: &str) -> Actor<'_> {
        let reply = self
            .call(Method::POST, "/api/auth/register", Some(json!({ "email": email, "password": PASSWORD, "firstName": "Ana", "lastName": "Pop" })))
            .await;
        assert_eq!(reply.status, 201, "register: {}", reply.body);
        self.login(email).await
    }

    pub async fn login(&self, email: &str) -> Actor<'_> {
        let reply = self
            .call(
                Method::POST,
                "/api/auth",
                Some(json!({ "email": email, "password": PASSWORD })),
            )
            .await;
        assert_eq!(reply.status, 200, "login: {}", reply.body);
        Actor {
            app: self,
            token: reply.body["token"].as_str().expect("a token").to_owned(),
            email: email.to_owned(),
            company: None,
            organization: None,
        }
    }
}

pub const PASSWORD: &str = "parola-sigura-1";

/// A signed-in user, optionally acting for one company (sent as `X-Company`) and in one
/// organization (sent as `X-Organization`).
#[derive(Clone)]
pub struct Actor<'a> {
    pub app: &'a TestApp,
    pub token: String,
    pub email: String,
    pub company: Option<String>,
    pub organization: Option<String>,
}

impl<'a> Actor<'a> {
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self
            .app
            .http
            .request(method, format!("{}{path}", self.app.url))
            .bearer_auth(&self.token);
        if let Some(c) = &self.company {
            request = request.header("X-Company", c);
        }
        if let Some(o) = &self.organization {
            request = request.header("X-Organization", o);
        }
        self.app.send(request, body).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PATCH, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.call(Method::DELETE, path, None).await
    }

    /// The same user acting for `company`.
    /// The same user signed in again, acting for the same company (after the clock moved past
    /// the access token's hour).
    pub async fn relogin(&self) -> Actor<'a> {
        let mut fresh = self.app.login(&self.email).await;
        fresh.company.clone_from(&self.company);
        fresh.organization.clone_from(&self.organization);
        fresh
    }

    pub fn acting_for(&self, company: &str) -> Actor<'a> {
        Actor {
            company: Some(company.to_owned()),
            ..self.clone()
        }
    }

    /// The same user acting in organization `org`.
    pub fn in_organization(&self, org: &str) -> Actor<'a> {
        Actor {
            organization: Some(org.to_owned()),
            ..self.clone()
        }
    }

    /// Creates a VAT-paying company from a fresh valid CIF (the sandbox registry fills its name
    /// and address) and acts for it.
    pub async fn company(&self) -> Actor<'a> {
        let reply = self
            .post(
                "/api/v1/companies",
                json!({ "cif": next_cif(), "vatPayer": true }),
            )
            .await;
        assert_eq!(reply.status, 201, "create company: {}", reply.body);
        self.acting_for(reply.body["id"].as_str().expect("a company id"))
    }

    /// Creates a client company of the current company.
    pub async fn client(&self) -> Value {
        let reply = self
            .post("/api/v1/clients", json!({ "name": "Client Test SRL", "cui": next_cif().to_string(), "county": "CJ", "city": "Cluj-Napoca", "address": "Str. Memorandumului 1" }))
            .await;
        assert!(
            reply.status == 201 || reply.status == 200,
            "create client: {}",
            reply.body
        );
        reply.body["client"].clone()
    }

    /// Creates a client company of the current company that has an e-mail address.
    pub async fn client_with_email(&self, name: &str, email: &str) -> Value {
        let reply = self
            .post("/api/v1/clients", json!({ "name": name, "cui": next_cif().to_string(), "county": "CJ", "city": "Cluj-Napoca", "address": "Str. Horea 3", "email": email }))
            .await;
        assert_eq!(reply.status, 201, "create client: {}", reply.body);
        reply.body["client"].clone()
    }

    /// A draft invoice with two lines for a new client.
    pub async fn draft_invoice(&self) -> Value {
        let client = self.client().await;
        let reply = self
            .post(
                "/api/v1/invoices",
                json!({
                    "clientId": client["id"],
                    "issueDate": "2026-06-15",
                    "dueDate": "2026-07-15",
                    "lines": [
                        { "description": "Consultanță", "quantity": "10", "unitPrice": "150.00", "vatRate": "21" },
                        { "description": "Transport", "quantity": "1", "unitPrice": "99.99", "vatRate": "21" },
                    ],
                }),
            )
            .await;
        assert_eq!(reply.status, 201, "create invoice: {}", reply.body);
        reply.body["invoice"].clone()
    }

    /// The id of an issued invoice ([`Self::draft_invoice`] issued: FCT0001 first, 1,935.99
    /// RON, due 2026-07-15).
    pub async fn issued_invoice(&self) -> String {
        let id = self.draft_invoice().await["id"]
            .as_str()
            .expect("an id")
            .to_owned();
        let reply = self
            .post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
            .await;
        assert_eq!(reply.status, 200, "issue: {}", reply.body);
        id
    }
}

/// A response: status, headers and the body as JSON (or a JSON string holding the text).
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Reply {
    pub async fn from(response: reqwest::Response) -> Reply {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("reading a body");
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        Reply {
            status,
            headers,
            body,
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `error` message of an error body.
    pub fn error(&self) -> &str {
        self.body["error"]
            .as_str()
            .or_else(|| self.body["message"].as_str())
            .unwrap_or_default()
    }
}

/// A valid Romanian CIF not handed out before in this process.
pub fn next_cif() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let seed =
        u64::from(std::process::id()) % 10_000 * 1_000 + NEXT.fetch_add(1, Ordering::Relaxed);
    cif_from(10_000_000 + seed)
}

/// Appends the check digit to `body` (key 753217532).
pub fn cif_from(body: u64) -> u64 {
    const KEY: [u64; 9] = [7, 5, 3, 2, 1, 7, 5, 3, 2];
    let mut rest = body;
    let mut sum = 0;
    for weight in KEY.iter().rev() {
        sum += (rest % 10) * weight;
        rest /= 10;
    }
    body * 10 + (sum * 10 % 11) % 10
}
