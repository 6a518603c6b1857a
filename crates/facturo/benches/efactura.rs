//! The e-Factura submission benchmark behind `docs/benchmarks.md`: the server in-process on a
//! fresh SQLite database, in sandbox mode (ANAF's simulator on the same port, over loopback
//! HTTP), a fixed clock moved by the benchmark so ANAF's processing and the status schedule
//! cost no waiting. Measures, for `--invoices` (default 2,000) issued invoices:
//! - the submit calls (`POST /invoices/{id}/submit`: ledger row, event, job),
//! - uploads per second (submission jobs: token, `uploading`, upload with the simulator's
//!   schema checks, `uploaded`),
//! - validated per second end to end (status polls, downloads of the signed archive, invoice
//!   and event updates).
//!
//! Run: `cargo bench -p facturo --bench efactura` (`-- --invoices 500` for a quicker run).

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use server::config::SANDBOX_CLIENT;
use server::testing::TestDb;
use server::{Config, FixedClock, Server};
use time::macros::datetime;
use tokio_util::sync::CancellationToken;

use common::Account;

mod common;

fn invoices() -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|p| p[0] == "--invoices")
        .map_or(2_000, |p| p[1].parse().unwrap())
}

struct Api {
    http: reqwest::Client,
    url: String,
    token: String,
    company: String,
}

impl Api {
    async fn send(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let response = self
            .http
            .request(method, format!("{}{path}", self.url))
            .bearer_auth(&self.token)
            .header("X-Company", &self.company)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "{path}: {status} {body}");
        body
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.send(reqwest::Method::POST, path, body).await
    }
}

async fn count(db: &server::store::Db, status: &str) -> usize {
    server::testing::count_invoices(db, status).await.unwrap()
}

async fn uploaded(db: &server::store::Db) -> usize {
    server::testing::submissions_past_upload(db).await.unwrap()
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n = invoices();
    let db = TestDb::new().await;
    let clock = FixedClock::new(datetime!(2026-06-15 09:00 UTC));
    let mut config = Config::new(db.url.clone(), db.dir.join("data"));
    config.listen = ([127, 0, 0, 1], 0).into();
    config.auto_confirm_email = true;
    config.job_workers = 8;
    let server = Server::build(config, Arc::new(clock.clone()))
        .await
        .unwrap();
    let url = format!("http://{}", server.local_addr().unwrap());
    let state = server.state.clone();
    let shutdown = CancellationToken::new();
    let running = tokio::spawn(server.run_until(shutdown.clone()));
    let http = reqwest::Client::new();

    let Account { token, company } = common::sign_up(&http, &url).await;
    let api = Api {
        http,
        url,
        token,
        company,
    };
    let sim = state.sandbox.as_ref().unwrap();
    let tokens = sim.issue_tokens("bench", SANDBOX_CLIENT);
    api.post(
        "/api/v1/anaf/tokens",
        json!({ "token": tokens.access_token, "refreshToken": tokens.refresh_token }),
    )
    .await;
    let client = api
        .post(
            "/api/v1/clients",
            json!({ "name": "Client SRL", "cui": "14399840", "county": "CJ", "city": "Cluj-Napoca", "address": "Str. Memorandumului 1" }),
        )
        .await;
    let client_id = client["client"]["id"].clone();

    println!("issuing {n} invoices…");
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let draft = api
            .post(
                "/api/v1/invoices",
                json!({
                    "clientId": client_id, "issueDate": "2026-06-15", "dueDate": "2026-07-15",
                    "lines": [
                        { "description": format!("Servicii {i}"), "quantity": "2", "unitPrice": "150.00", "vatRate": "21" },
                        { "description": "Transport", "quantity": "1", "unitPrice": "99.99", "vatRate": "21" },
                    ],
                }),
            )
            .await;
        let id = draft["invoice"]["id"].as_str().unwrap().to_owned();
        api.post(&format!("/api/v1/invoices/{id}/issue"), json!({}))
            .await;
        ids.push(id);
    }

    let start = Instant::now();
    for id in &ids {
        api.post(&format!("/api/v1/invoices/{id}/submit"), json!({}))
            .await;
    }
    let submit_time = start.elapsed();
    let mut all_uploaded = None;
    loop {
        if all_uploaded.is_none() && uploaded(&state.db).await == n {
            all_uploaded = Some(start.elapsed());
        }
        if count(&state.db, "validated").await == n {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_mins(30),
            "the pipeline stalled"
        );
        clock.advance(time::Duration::minutes(1));
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let validated = start.elapsed();
    let all_uploaded = all_uploaded.unwrap_or(validated);
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!(
        "submit calls: {n} in {:.2} s ({:.0}/s)",
        submit_time.as_secs_f64(),
        rate(submit_time)
    );
    println!(
        "uploaded:     {n} in {:.2} s ({:.0}/s, from the first submit)",
        all_uploaded.as_secs_f64(),
        rate(all_uploaded)
    );
    println!(
        "validated:    {n} in {:.2} s ({:.0}/s end to end)",
        validated.as_secs_f64(),
        rate(validated)
    );
    shutdown.cancel();
    running.await.unwrap().unwrap();
}
