//! A webhook receiver on loopback: a real HTTP server that records every request (path,
//! headers, raw body) and answers as told — succeed, fail the first `n`, always fail, hang,
//! redirect.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

/// How the receiver answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Succeed,
    /// 500 for the first `n` requests, then 200.
    FailFirst(usize),
    AlwaysFail,
    /// Never answers (within a minute).
    Hang,
    /// 302 to another URL.
    Redirect,
}

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Received {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map_or("", String::as_str)
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

struct Inner {
    mode: Mutex<Mode>,
    seen: AtomicUsize,
    log: Mutex<Vec<Received>>,
}

pub struct Receiver {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    inner: Arc<Inner>,
    shutdown: CancellationToken,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

impl Receiver {
    pub async fn start(mode: Mode) -> Receiver {
        let inner = Arc::new(Inner {
            mode: Mutex::new(mode),
            seen: AtomicUsize::new(0),
            log: Mutex::new(Vec::new()),
        });
        let app = Router::new()
            .fallback(answer)
            .with_state(Arc::clone(&inner));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let shutdown = CancellationToken::new();
        let stop = shutdown.clone();
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move { stop.cancelled().await })
                .await
                .ok();
        });
        Receiver {
            base,
            inner,
            shutdown,
        }
    }

    /// `base` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.inner.mode.lock().unwrap() = mode;
    }

    pub fn received(&self) -> Vec<Received> {
        self.inner.log.lock().unwrap().clone()
    }

    pub fn count(&self) -> usize {
        self.inner.log.lock().unwrap().len()
    }

    /// Waits until at least `n` requests arrived (or fails after `within`).
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if self.count() >= n {
                return self.received();
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{} requests arrived, {n} expected",
                self.count()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

async fn answer(
    State(inner): State<Arc<Inner>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let n = inner.seen.fetch_add(1, Ordering::SeqCst);
    inner.log.lock().unwrap().push(Received {
        path: uri.path().to_owned(),
        headers: headers
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect(),
        body: body.to_vec(),
    });
    let mode = *inner.mode.lock().unwrap();
    match mode {
        Mode::FailFirst(k) if n < k => {
            (StatusCode::INTERNAL_SERVER_ERROR, "not yet").into_response()
        }
        Mode::Succeed | Mode::FailFirst(_) => (StatusCode::OK, "ok").into_response(),
        Mode::AlwaysFail => {
            (StatusCode::SERVICE_UNAVAILABLE, "down for maintenance").into_response()
        }
        Mode::Hang => {
            tokio::time::sleep(Duration::from_mins(1)).await;
            StatusCode::OK.into_response()
        }
        Mode::Redirect => (
            StatusCode::FOUND,
            [("location", "http://169.254.169.254/latest/meta-data")],
        )
            .into_response(),
    }
}
