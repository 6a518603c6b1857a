//! The sync benchmark behind `docs/benchmarks.md`: a release server in this process, on a fresh
//! SQLite database, with the ANAF sandbox it embeds, reads a box seeded with `--messages`
//! (default 10,000) received invoices through its job runner and measures
//! - the time from `POST /sync/trigger` until every invoice is imported (messages per second),
//! - the process's peak resident memory (`VmHWM`) before and after.
//!
//! The sandbox's per-minute limit (1,000 calls, ANAF's) is lifted: with it a box of 10,000
//! takes at least ten minutes whatever Facturo does, pausing between slices. The simulator
//! shares the process (and renders each invoice's UBL when it is downloaded), so the figures
//! include its work.
//!
//! Run: `cargo bench -p facturo --bench sync` (add `-- --messages 2000` for a quicker run).

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::cast_precision_loss)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use anaf::efactura::Environment;
use anaf::sim::efactura::{Quotas, SeedOptions};
use serde_json::json;
use server::{Config, Server, SystemClock};
use tokio_util::sync::CancellationToken;

use common::{Account, call};

mod common;

fn messages() -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|p| p[0] == "--messages")
        .map_or(10_000, |p| p[1].parse().unwrap())
}

/// A line of `/proc/self/status`, in KiB.
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn mb(kib: u64) -> String {
    format!("{:.1} MB", kib as f64 / 1024.0)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n = messages();
    anaf::install_crypto_provider();
    let dir = std::env::temp_dir().join(format!("facturo-sync-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut config = Config::new(
        format!("sqlite://{}", dir.join("facturo.db").display()),
        dir.join("data"),
    );
    config.listen = ([127, 0, 0, 1], 0).into();
    config.auto_confirm_email = true;
    let server = Server::build(config, Arc::new(SystemClock)).await.unwrap();
    let url = format!("http://{}", server.local_addr().unwrap());
    let state = server.state.clone();
    let sim = state.sandbox.clone().expect("the sandbox");
    sim.configure(|c| c.quotas = Quotas::unlimited());
    let shutdown = CancellationToken::new();
    let running = tokio::spawn(server.run_until(shutdown.clone()));

    let http = reqwest::Client::new();
    let Account { token, company } = common::sign_up(&http, &url).await;
    let cif = common::CIF;
    let spv = sim.issue_tokens("bench", server::config::SANDBOX_CLIENT);
    call(
        http.post(format!("{url}/api/v1/anaf/tokens"))
            .bearer_auth(&token)
            .header("X-Company", &company),
        Some(json!({ "token": spv.access_token, "refreshToken": spv.refresh_token })),
    )
    .await;

    let mut seed = SeedOptions::new(Environment::Test, cif, n);
    seed.newest = Some(sim.now() - time::Duration::minutes(1));
    sim.seed(&seed);
    let before = status_kib("VmHWM:");

    let started = Instant::now();
    call(
        http.post(format!("{url}/api/v1/sync/trigger"))
            .bearer_auth(&token)
            .header("X-Company", &company),
        Some(json!({})),
    )
    .await;
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let jobs = server::jobs::queue::list(&state.db).await.unwrap();
        if !jobs
            .iter()
            .any(|j| j.kind == "sync_efactura" && ["queued", "running"].contains(&&*j.status))
        {
            break;
        }
    }
    let elapsed = started.elapsed();
    let imported = call(
        http.get(format!("{url}/api/v1/invoices?direction=incoming&limit=1"))
            .bearer_auth(&token)
            .header("X-Company", &company),
        None,
    )
    .await["total"]
        .as_u64()
        .unwrap();
    assert_eq!(imported, n as u64, "every message imported once");
    let after = status_kib("VmHWM:");
    let size = |name: &str| std::fs::metadata(dir.join(name)).map_or(0, |m| m.len());
    let db_size = size("facturo.db") + size("facturo.db-wal");

    println!("| measure | value |");
    println!("|---|---|");
    println!(
        "| sync of {n} received invoices (list, download, import) | {:.1} s |",
        elapsed.as_secs_f64()
    );
    println!(
        "| pace | {:.0} messages/s |",
        n as f64 / elapsed.as_secs_f64()
    );
    println!("| peak RSS (VmHWM) before the sync | {} |", mb(before));
    println!("| peak RSS (VmHWM) after the sync | {} |", mb(after));
    println!("| database size | {:.1} MB |", db_size as f64 / 1_048_576.0);

    shutdown.cancel();
    let _ = running.await;
    let _ = std::fs::remove_dir_all(&dir);
}
