//! The webhook delivery benchmark behind `docs/benchmarks.md`: servers in-process on a fresh
//! database (SQLite, or PostgreSQL with `FACTURO_TEST_POSTGRES`), a receiver on loopback
//! (allow-listed) answering 200 at once, `--endpoints` (default 10) endpoints subscribed to
//! `client.created`, and `--events` (default 10,000) such events written to the outbox through
//! the server's own `events::record`, 100 per transaction. Measures deliveries per second from
//! the first event written to the last delivery received (relay, delivery jobs, signing, HTTP,
//! the attempt's record), and checks each endpoint got each event once.
//!
//! Run: `cargo bench -p facturo --bench webhooks` (`-- --events 2000 --processes 2` with
//! PostgreSQL for two server processes sharing the work).

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::Uri;
use serde_json::{Value, json};
use server::testing::TestDb;
use server::{Config, FixedClock, Server};
use time::macros::datetime;
use tokio_util::sync::CancellationToken;

use common::Account;

mod common;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|p| p[0] == name)
        .map_or(default, |p| p[1].parse().unwrap())
}

/// Every request's endpoint path and payload id.
type Log = Arc<Mutex<Vec<(String, String)>>>;

async fn receive(State(log): State<Log>, uri: Uri, body: Bytes) -> &'static str {
    let id = serde_json::from_slice::<Value>(&body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    log.lock().unwrap().push((uri.path().to_owned(), id));
    "ok"
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let events = arg("--events", 10_000);
    let endpoints = arg("--endpoints", 10);
    let processes = arg("--processes", 1).max(1);
    let log: Log = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let receiver = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new().fallback(receive).with_state(Arc::clone(&log));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let db = TestDb::new().await;
    assert!(
        processes == 1 || db.url.starts_with("postgres"),
        "several processes need PostgreSQL (FACTURO_TEST_POSTGRES)"
    );
    let clock = FixedClock::new(datetime!(2026-06-15 09:00 UTC));
    let shutdown = CancellationToken::new();
    let mut states = Vec::new();
    let mut running = Vec::new();
    for _ in 0..processes {
        let mut config = Config::new(db.url.clone(), db.dir.join("data"));
        config.listen = ([127, 0, 0, 1], 0).into();
        config.auto_confirm_email = true;
        config.enforce_plan_limits = false;
        config.webhooks.allow_hosts = vec!["127.0.0.1".into()];
        let server = Server::build(config, Arc::new(clock.clone()))
            .await
            .unwrap();
        states.push((
            server.state.clone(),
            format!("http://{}", server.local_addr().unwrap()),
        ));
        running.push(tokio::spawn(server.run_until(shutdown.clone())));
    }
    let (state, url) = states[0].clone();

    let http = reqwest::Client::new();
    let Account {
        token,
        company: company_id,
    } = common::sign_up(&http, &url).await;
    for n in 0..endpoints {
        let reply = http
            .post(format!("{url}/api/v1/webhooks"))
            .bearer_auth(&token)
            .header("X-Company", &company_id)
            .json(&json!({ "url": format!("{receiver}/e{n}"), "events": ["client.created"] }))
            .send()
            .await
            .unwrap();
        assert!(
            reply.status().is_success(),
            "{}",
            reply.text().await.unwrap()
        );
    }
    let company: server::ids::CompanyId = company_id.parse().unwrap();
    let org = server::store::companies::by_id(&state.db, company)
        .await
        .unwrap()
        .unwrap()
        .organization_id;
    let origin = server::events::Origin {
        organization: org,
        company: Some(company),
        actor: None,
    };

    println!(
        "{events} events x {endpoints} endpoints, {processes} process(es), {}",
        if db.url.starts_with("postgres") {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
    let start = Instant::now();
    let now = state.now();
    for chunk in 0..events.div_ceil(100) {
        let mut tx = state.db.begin().await.unwrap();
        for _ in 0..100.min(events - chunk * 100) {
            let event = server::events::DomainEvent::CatalogChanged {
                what: server::events::Catalog::Client,
                change: server::events::Change::Created,
                id: uuid::Uuid::now_v7(),
            };
            server::events::record(&mut tx, origin, &event, now)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
    }
    let written = start.elapsed();
    let expected = events * endpoints;
    loop {
        let got = log.lock().unwrap().len();
        if got >= expected {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_mins(30),
            "stalled at {got}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let delivered = start.elapsed();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let log = log.lock().unwrap().clone();
    let mut per_endpoint: HashMap<String, HashSet<String>> = HashMap::new();
    for (path, id) in &log {
        assert!(
            per_endpoint
                .entry(path.clone())
                .or_default()
                .insert(id.clone()),
            "{path} got {id} twice"
        );
    }
    assert_eq!(log.len(), expected);
    println!(
        "events written: {events} in {:.2} s; delivered: {expected} in {:.2} s ({:.0} deliveries/s)",
        written.as_secs_f64(),
        delivered.as_secs_f64(),
        expected as f64 / delivered.as_secs_f64()
    );
    shutdown.cancel();
    for r in running {
        r.await.unwrap().unwrap();
    }
}
