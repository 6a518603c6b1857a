//! The API benchmark behind `docs/benchmarks.md`: runs the release `facturo serve` as a separate
//! process on a fresh SQLite database and measures
//! - time from start to ready (first successful `/health`),
//! - idle resident memory,
//! - creating invoices with 5 lines over HTTP (throughput, p50, p99), which also seeds the
//!   database to `--invoices` (default 100,000),
//! - listing a page of 20 over HTTP on that database (first page and random pages: p50, p99),
//! - resident memory after the load.
//!
//! Run: `cargo bench -p facturo --bench api` (add `-- --invoices 20000` for a quicker run).
//! The load generator shares the machine with the server, so throughput is a lower bound.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use common::{Account, call};

mod common;

const BIN: &str = env!("CARGO_BIN_EXE_facturo");

struct Options {
    invoices: usize,
    concurrency: usize,
    list_requests: usize,
}

fn options() -> Options {
    let mut o = Options {
        invoices: 100_000,
        concurrency: 16,
        list_requests: 2_000,
    };
    let args: Vec<String> = std::env::args().collect();
    for pair in args.windows(2) {
        match pair[0].as_str() {
            "--invoices" => o.invoices = pair[1].parse().unwrap(),
            "--concurrency" => o.concurrency = pair[1].parse().unwrap(),
            "--list-requests" => o.list_requests = pair[1].parse().unwrap(),
            _ => {}
        }
    }
    o
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

async fn start(dir: &std::path::Path, http: &reqwest::Client) -> (Server, Duration) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let started = Instant::now();
    let child = Command::new(BIN)
        .arg("serve")
        .env("FACTURO_DATA_DIR", dir)
        .env("FACTURO_LISTEN", format!("127.0.0.1:{port}"))
        .env("FACTURO_AUTO_CONFIRM_EMAIL", "1")
        .env("FACTURO_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    loop {
        if http
            .get(format!("{url}/health"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    (Server { child, url }, started.elapsed())
}

fn invoice_body(n: usize) -> Value {
    let lines: Vec<Value> = (0..5)
        .map(|i| json!({ "description": format!("Articol {i}"), "quantity": format!("{}", i + 1), "unitPrice": format!("{}.{:02}", 10 + n % 90, i * 7), "vatRate": if i == 4 { "11" } else { "21" } }))
        .collect();
    json!({ "receiverName": format!("Client {}", n % 500), "receiverCif": "RO18547290", "issueDate": "2026-06-01", "dueDate": "2026-07-01", "lines": lines })
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let o = options();
    anaf::install_crypto_provider();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()
        .unwrap();
    let dir = std::env::temp_dir().join(format!("facturo-bench-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();

    let (server, ready) = start(&dir, &http).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle_rss = rss_kib(server.child.id());

    let url = server.url.clone();
    let Account { token, company } = common::sign_up(&http, &url).await;

    // Create (and seed) with `concurrency` clients.
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..o.concurrency {
        let (http, url, token, company, next, total) = (
            http.clone(),
            url.clone(),
            token.clone(),
            company.clone(),
            next.clone(),
            o.invoices,
        );
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    break;
                }
                let t = Instant::now();
                call(
                    http.post(format!("{url}/api/v1/invoices"))
                        .bearer_auth(&token)
                        .header("X-Company", &company),
                    Some(invoice_body(n)),
                )
                .await;
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut creates = Vec::new();
    for w in workers {
        creates.extend(w.await.unwrap());
    }
    let create_elapsed = started.elapsed();
    creates.sort();

    // List a page of 20: the first page, then random pages, one request at a time.
    let pages = o.invoices.div_ceil(20).max(1);
    let mut first = Vec::new();
    let mut random = Vec::new();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..o.list_requests {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let page = if i % 2 == 0 {
            1
        } else {
            1 + usize::try_from(seed % pages as u64).unwrap()
        };
        let t = Instant::now();
        let body = call(
            http.get(format!("{url}/api/v1/invoices?page={page}&limit=20"))
                .bearer_auth(&token)
                .header("X-Company", &company),
            None,
        )
        .await;
        let d = t.elapsed();
        assert_eq!(
            body["data"].as_array().map_or(0, Vec::len),
            20.min(o.invoices)
        );
        if page == 1 {
            first.push(d);
        } else {
            random.push(d);
        }
    }
    first.sort();
    random.sort();
    let loaded_rss = rss_kib(server.child.id());
    let size = |name: &str| std::fs::metadata(dir.join(name)).map_or(0, |m| m.len());
    let db_size = size("facturo.db") + size("facturo.db-wal");

    println!("| measure | value |");
    println!("|---|---|");
    println!("| start to ready (empty database) | {} |", ms(ready));
    println!(
        "| idle RSS after start | {:.1} MB |",
        idle_rss as f64 / 1024.0
    );
    println!(
        "| create invoice, 5 lines ({} clients) | {:.0} /s |",
        o.concurrency,
        creates.len() as f64 / create_elapsed.as_secs_f64()
    );
    println!(
        "| create latency p50 / p99 | {} / {} |",
        ms(percentile(&creates, 50.0)),
        ms(percentile(&creates, 99.0))
    );
    println!(
        "| list page 1 of 20 (p50 / p99, {} invoices) | {} / {} |",
        o.invoices,
        ms(percentile(&first, 50.0)),
        ms(percentile(&first, 99.0))
    );
    println!(
        "| list a random page of 20 (p50 / p99) | {} / {} |",
        ms(percentile(&random, 50.0)),
        ms(percentile(&random, 99.0))
    );
    println!(
        "| RSS after the load | {:.1} MB |",
        loaded_rss as f64 / 1024.0
    );
    println!("| database size | {:.1} MB |", db_size as f64 / 1_048_576.0);

    drop(server);
    let (restarted, ready_full) = start(&dir, &http).await;
    println!(
        "| start to ready ({} invoices) | {} |",
        o.invoices,
        ms(ready_full)
    );
    drop(restarted);
    let _ = std::fs::remove_dir_all(&dir);
}
