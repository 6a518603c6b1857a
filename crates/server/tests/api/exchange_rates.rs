//! BNR exchange rates (api.md §23, issue #7) against a local server serving BNR's feed files:
//! the latest rates, the rates of a past day (weekends take the banking day before), cross-rate
//! conversions, the cache shared with later requests, a seed file for offline use, BNR down, and
//! a hostile feed.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use pretty_assertions::assert_eq;
use serde_json::{Value, json};

use crate::support::TestApp;

/// One banking day of a feed: its date and `(currency, value, multiplier)` rates.
type Day<'a> = (&'a str, &'a [(&'a str, &'a str, u32)]);

/// A feed as BNR writes one, the days newest first.
fn feed(days: &[Day<'_>]) -> String {
    use std::fmt::Write as _;
    let mut cubes = String::new();
    for (date, rates) in days {
        let _ = write!(cubes, "<Cube date=\"{date}\">");
        for (currency, value, multiplier) in *rates {
            if *multiplier == 1 {
                let _ = write!(cubes, "<Rate currency=\"{currency}\">{value}</Rate>");
            } else {
                let _ = write!(
                    cubes,
                    "<Rate currency=\"{currency}\" multiplier=\"{multiplier}\">{value}</Rate>"
                );
            }
        }
        cubes.push_str("</Cube>");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<DataSet xmlns=\"http://www.bnr.ro/xsd\">\
         <Header><Publisher>National Bank of Romania</Publisher><MessageType>DR</MessageType></Header>\
         <Body><Subject>Reference rates</Subject><OrigCurrency>RON</OrigCurrency>{cubes}</Body></DataSet>"
    )
}

/// The test's BNR: files by path, and how many requests each got.
#[derive(Clone, Default)]
struct Bnr {
    files: Arc<std::sync::Mutex<std::collections::HashMap<String, String>>>,
    hits: Arc<AtomicUsize>,
}

impl Bnr {
    async fn start(self) -> String {
        async fn serve(State(bnr): State<Bnr>, Path(path): Path<String>) -> (StatusCode, String) {
            bnr.hits.fetch_add(1, Ordering::SeqCst);
            match bnr.files.lock().unwrap().get(&path) {
                Some(body) => (StatusCode::OK, body.clone()),
                None => (StatusCode::NOT_FOUND, "not here".into()),
            }
        }
        let app = Router::new().route("/{*path}", get(serve)).with_state(self);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        format!("http://{addr}")
    }

    fn put(&self, path: &str, body: String) {
        self.files.lock().unwrap().insert(path.to_owned(), body);
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

/// The tests start on Monday 2026-06-15; BNR's last two banking days then.
fn ten_days() -> String {
    feed(&[
        (
            "2026-06-15",
            &[
                ("EUR", "5.0312", 1),
                ("USD", "4.4025", 1),
                ("HUF", "1.2640", 100),
            ],
        ),
        (
            "2026-06-12",
            &[
                ("EUR", "5.0290", 1),
                ("USD", "4.4100", 1),
                ("HUF", "1.2600", 100),
            ],
        ),
    ])
}

async fn app_with(bnr_url: Option<String>, seed: Option<std::path::PathBuf>) -> TestApp {
    TestApp::spawn_with(move |c| {
        c.rates.base_url = bnr_url;
        c.rates.seed = seed;
    })
    .await
}

#[tokio::test]
async fn rates_come_from_bnr_once_and_convert_through_ron() {
    let bnr = Bnr::default();
    bnr.put("nbrfxrates10days.xml", ten_days());
    bnr.put(
        "files/xml/years/nbrfxrates2025.xml",
        feed(&[("2025-12-31", &[("EUR", "5.0900", 1)])]),
    );
    let url = bnr.clone().start().await;
    let app = app_with(Some(url), None).await;
    let user = app.user().await;

    let rates = user.get("/api/v1/exchange-rates").await;
    assert_eq!(rates.status, 200, "{}", rates.body);
    assert_eq!(rates.body["date"], "2026-06-15");
    assert_eq!(rates.body["base"], "RON");
    assert_eq!(rates.body["rates"]["EUR"], json!(5.0312));
    assert_eq!(
        rates.body["rates"]["HUF"],
        json!(0.0126),
        "per one forint, 4 decimals"
    );
    assert_eq!(bnr.hits(), 1);
    // Cached: later requests, and `date` of a cached day, ask BNR nothing.
    user.get("/api/v1/exchange-rates").await;
    let saturday = user.get("/api/v1/exchange-rates?date=2026-06-13").await;
    assert_eq!(
        saturday.body["date"], "2026-06-12",
        "a weekend takes the banking day before"
    );
    assert_eq!(saturday.body["rates"]["EUR"], json!(5.029));
    assert_eq!(bnr.hits(), 1);

    // A day before the cache: the year's file is read once.
    let old = user.get("/api/v1/exchange-rates?date=2026-01-01").await;
    assert_eq!(old.status, 200, "{}", old.body);
    assert_eq!(old.body["date"], "2025-12-31");
    assert_eq!(old.body["rates"]["EUR"], json!(5.09));
    assert_eq!(bnr.hits(), 3, "2026's file (none yet), then 2025's");
    user.get("/api/v1/exchange-rates?date=2026-01-02").await;
    assert_eq!(bnr.hits(), 3, "cached now");

    let convert = |q: &str| {
        let path = format!("/api/v1/exchange-rates/convert?{q}");
        let user = &user;
        async move { user.get(&path).await }
    };
    let eur = convert("amount=100").await;
    assert_eq!(
        eur.body,
        json!({ "amount": "503.12", "rate": "5.0312", "from": "EUR", "to": "RON", "date": "2026-06-15" })
    );
    let back = convert("amount=503.12&from=RON&to=EUR").await;
    assert_eq!(
        (back.body["amount"].as_str(), back.body["rate"].as_str()),
        (Some("100.00"), Some("0.1988"))
    );
    let cross = convert("amount=10&from=eur&to=usd").await;
    assert_eq!(cross.body["amount"], "11.43", "5.0312 / 4.4025 × 10");
    assert_eq!(cross.body["rate"], "1.1428");
    let huf = convert("amount=1000&from=HUF&to=RON").await;
    assert_eq!(huf.body["amount"], "12.64");

    for (q, error) in [
        ("amount=0", "amount must be greater than 0."),
        ("amount=-3", "amount must be greater than 0."),
        ("from=EUR", "amount is required."),
    ] {
        let reply = convert(q).await;
        assert_eq!((reply.status, reply.error()), (400, error), "{q}");
    }
    let unknown = convert("amount=1&from=XYZ").await;
    assert_eq!(unknown.status, 400);
    assert!(
        unknown.error().starts_with("Unsupported currency: XYZ."),
        "{}",
        unknown.body
    );
    assert_eq!(convert("amount=abc").await.status, 400);

    // Signed-in users only.
    let anonymous = app
        .call(reqwest::Method::GET, "/api/v1/exchange-rates", None)
        .await;
    assert_eq!(anonymous.status, 401);
}

#[tokio::test]
async fn without_bnr_the_seed_serves_and_nothing_at_all_is_a_503() {
    // BNR unreachable (nothing listens on port 9) and nothing cached: a clear 503.
    let app = app_with(Some("http://127.0.0.1:9".into()), None).await;
    let user = app.user().await;
    let reply = user.get("/api/v1/exchange-rates").await;
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert!(
        reply
            .error()
            .starts_with("BNR exchange rates are unavailable: cannot reach BNR"),
        "{}",
        reply.body
    );
    drop(user);
    app.stop().await;

    // A seed file fills the cache at start-up; BNR stays unreachable.
    let dir = server::testing::scratch_dir();
    let seed = dir.join("nbrfxrates10days.xml");
    std::fs::write(&seed, ten_days()).unwrap();
    let app = app_with(Some("http://127.0.0.1:9".into()), Some(seed)).await;
    let user = app.user().await;
    let reply = user
        .get("/api/v1/exchange-rates/convert?amount=2&from=USD")
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["amount"], "8.81");
    assert_eq!(reply.body["date"], "2026-06-15");
}

#[tokio::test]
async fn a_hostile_or_broken_feed_is_refused_and_the_cache_kept() {
    let bnr = Bnr::default();
    let url = bnr.clone().start().await;
    bnr.put(
        "nbrfxrates10days.xml",
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>\
         <DataSet xmlns=\"http://www.bnr.ro/xsd\"><Body><Cube date=\"2026-06-15\"><Rate currency=\"EUR\">&b;</Rate></Cube></Body></DataSet>"
            .to_owned(),
    );
    let app = TestApp::spawn_with(|c| {
        c.rates.base_url = Some(url);
        c.rates.refresh_every = std::time::Duration::from_mins(1);
    })
    .await;
    let user = app.user().await;
    let reply = user.get("/api/v1/exchange-rates").await;
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert!(
        reply.error().contains("the BNR feed cannot be read"),
        "{}",
        reply.body
    );

    // The next attempt waits `refresh_every`: BNR is not asked on every request.
    bnr.put("nbrfxrates10days.xml", ten_days());
    assert_eq!(user.get("/api/v1/exchange-rates").await.status, 503);
    assert_eq!(bnr.hits(), 1);
    app.clock.advance(time::Duration::minutes(2));
    let user = app.login(&user.email).await;
    let reply = user.get("/api/v1/exchange-rates").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(bnr.hits(), 2);

    // A later broken latest feed leaves the cached rates in place.
    bnr.put("nbrfxrates.xml", "<html>maintenance</html>".to_owned());
    app.clock.advance(time::Duration::days(1));
    let user = app.login(&user.email).await;
    let reply = user.get("/api/v1/exchange-rates").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.body["date"], "2026-06-15",
        "yesterday's rates, BNR's today unreadable"
    );
    let _: Value = reply.body;
}
