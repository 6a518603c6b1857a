//! Rate limits (issue #5 item 6, api.md §1.7): token buckets per IP and per credential with
//! `X-RateLimit-*` headers on every response, sliding windows on the auth routes, the client IP
//! from `X-Forwarded-For` only behind a trusted proxy, the account lock-out with back-off, and
//! one budget shared by two server processes on PostgreSQL.

use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::json;
use server::limits::{Bucket, Settings};
use time::Duration;

use crate::support::{PASSWORD, Reply, TestApp};

/// Three requests at once, then one more every ten seconds, for anonymous callers; the
/// contract's budget for signed-in ones.
fn small() -> Settings {
    Settings {
        anonymous: Bucket {
            capacity: 3,
            refill: 1,
            every: Duration::seconds(10),
        },
        ..Settings::default()
    }
}

async fn health(app: &TestApp) -> Reply {
    app.call(Method::GET, "/health", None).await
}

fn standing(reply: &Reply) -> (u16, &str, &str, &str) {
    (
        reply.status,
        reply.header("x-ratelimit-limit").unwrap_or("-"),
        reply.header("x-ratelimit-remaining").unwrap_or("-"),
        reply.header("x-ratelimit-reset").unwrap_or("-"),
    )
}

#[tokio::test]
async fn every_response_tells_the_caller_where_it_stands() {
    let app = TestApp::spawn().await;
    let first = health(&app).await;
    assert_eq!(standing(&first), (200, "10000", "9999", "3"));
    let user = app.user().await;
    let me = user.get("/api/v1/me").await;
    assert_eq!(
        (
            me.header("x-ratelimit-limit"),
            me.header("x-ratelimit-remaining")
        ),
        (Some("50000"), Some("49999"))
    );
    // Errors carry them too.
    let missing = app.call(Method::GET, "/api/v1/nothing-here", None).await;
    assert_eq!(missing.status, 404);
    assert!(missing.header("x-ratelimit-remaining").is_some());
}

#[tokio::test]
async fn an_empty_bucket_refuses_until_a_token_comes_back() {
    let app = TestApp::spawn_with(|c| c.rate_limits = small()).await;
    for left in ["2", "1", "0"] {
        let r = health(&app).await;
        assert_eq!(
            (r.status, r.header("x-ratelimit-remaining")),
            (200, Some(left))
        );
    }
    let refused = health(&app).await;
    assert_eq!(standing(&refused), (429, "3", "0", "30"));
    assert_eq!(refused.header("retry-after"), Some("10"));
    assert_eq!(
        refused.body,
        json!({ "error": "Too many requests.", "retryAfter": 10 })
    );

    app.clock.advance(Duration::seconds(10));
    assert_eq!(health(&app).await.status, 200);
    assert_eq!(health(&app).await.status, 429);
}

#[tokio::test]
async fn a_signed_in_caller_draws_from_its_own_budget() {
    let app = TestApp::spawn_with(|c| c.rate_limits = small()).await;
    let user = app.user().await; // register and login: two anonymous requests
    assert_eq!(health(&app).await.status, 200);
    assert_eq!(health(&app).await.status, 429, "the IP's bucket is empty");
    let me = user.get("/api/v1/me").await;
    assert_eq!(me.status, 200, "{}", me.body);
    assert_eq!(me.header("x-ratelimit-limit"), Some("50000"));
    // A forged token is no credential: it draws from the IP's bucket.
    let forged = app
        .send(
            app.http
                .get(format!("{}/api/v1/me", app.url))
                .bearer_auth("eyJhbGciOiJub25lIn0.e30."),
            None,
        )
        .await;
    assert_eq!(forged.status, 429, "{}", forged.body);
}

#[tokio::test]
async fn the_forwarded_address_counts_only_behind_a_trusted_proxy() {
    let from = |app: &TestApp, ip: &str| {
        app.http
            .get(format!("{}/health", app.url))
            .header("X-Forwarded-For", ip)
    };
    let direct = TestApp::spawn_with(|c| {
        c.rate_limits = small();
        c.trusted_proxies = Vec::new();
    })
    .await;
    for ip in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
        assert_eq!(direct.send(from(&direct, ip), None).await.status, 200);
    }
    let spoofed = direct.send(from(&direct, "203.0.113.4"), None).await;
    assert_eq!(
        spoofed.status, 429,
        "a header from an untrusted peer changes nothing"
    );

    let proxied = TestApp::spawn_with(|c| {
        c.rate_limits = small();
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    for _ in 0..3 {
        assert_eq!(
            proxied
                .send(from(&proxied, "203.0.113.1"), None)
                .await
                .status,
            200
        );
    }
    assert_eq!(
        proxied
            .send(from(&proxied, "203.0.113.1"), None)
            .await
            .status,
        429
    );
    let other = proxied.send(from(&proxied, "203.0.113.2"), None).await;
    assert_eq!(standing(&other), (200, "3", "2", "10"));
}

#[tokio::test]
async fn registration_is_limited_to_ten_an_hour_per_ip() {
    let app = TestApp::spawn().await;
    let register = |n: usize| {
        app.call(
            Method::POST,
            "/api/auth/register",
            Some(json!({ "email": format!("r{n}@firma.test"), "password": PASSWORD })),
        )
    };
    for n in 0..10 {
        let r = register(n).await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.header("x-ratelimit-limit"), Some("10"));
    }
    let refused = register(10).await;
    assert_eq!(refused.status, 429, "{}", refused.body);
    assert_eq!(refused.header("retry-after"), Some("3600"));
    app.clock.advance(Duration::minutes(61));
    assert_eq!(register(10).await.status, 201);
}

/// A login attempt for `email` from the client address `ip` (through the trusted proxy).
async fn login_from(app: &TestApp, ip: &str, email: &str, password: &str) -> Reply {
    app.send(
        app.http
            .post(format!("{}/api/auth", app.url))
            .header("X-Forwarded-For", ip),
        Some(json!({ "email": email, "password": password })),
    )
    .await
}

#[tokio::test]
async fn many_addresses_guessing_one_password_lock_the_account_briefly() {
    let app = TestApp::spawn_with(|c| c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    let user = app.user().await;
    for n in 1..=5 {
        let r = login_from(&app, &format!("198.51.100.{n}"), &user.email, "guess").await;
        assert_eq!(r.status, 401, "attempt {n}: {}", r.body);
    }
    // Locked for a minute, even with the right password and from a fresh address.
    let locked = login_from(&app, "198.51.100.77", &user.email, PASSWORD).await;
    assert_eq!(locked.status, 429, "{}", locked.body);
    assert_eq!(locked.header("retry-after"), Some("60"));

    // The next failure after the lock doubles it.
    app.clock.advance(Duration::seconds(61));
    let r = login_from(&app, "198.51.100.6", &user.email, "guess").await;
    assert_eq!(r.status, 401);
    let locked = login_from(&app, "198.51.100.78", &user.email, PASSWORD).await;
    assert_eq!(locked.header("retry-after"), Some("120"));

    // After it, the owner signs in, and that forgets the run.
    app.clock.advance(Duration::seconds(121));
    let ok = login_from(&app, "198.51.100.79", &user.email, PASSWORD).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let r = login_from(&app, "198.51.100.8", &user.email, "guess").await;
    assert_eq!(r.status, 401, "a fresh run of failures starts free");

    // Unknown addresses lock the same way: a lock-out tells nothing about who has an account.
    for n in 1..=5 {
        let r = login_from(&app, &format!("192.0.2.{n}"), "nobody@firma.test", "guess").await;
        assert_eq!(r.status, 401);
    }
    let r = login_from(&app, "192.0.2.9", "nobody@firma.test", "guess").await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn two_server_processes_share_one_budget_on_postgres() {
    let a = TestApp::spawn_with(|c| c.rate_limits = small()).await;
    let b = a.beside(|c| c.rate_limits = small()).await;
    let remaining = |r: &Reply| r.header("x-ratelimit-remaining").map(str::to_owned);

    if server::testing::is_postgres() {
        assert_eq!(remaining(&health(&a).await).as_deref(), Some("2"));
        assert_eq!(remaining(&health(&b).await).as_deref(), Some("1"));
        assert_eq!(remaining(&health(&a).await).as_deref(), Some("0"));
        assert_eq!(health(&b).await.status, 429);
        assert_eq!(health(&a).await.status, 429);

        // The login window too: five attempts spread over both, the sixth is refused by either
        // (ten seconds apart, so the bucket has a token for each).
        for (n, app) in [&a, &b, &a, &b, &a].into_iter().enumerate() {
            app.clock.advance(Duration::seconds(10));
            let r = login_from(app, "-", &format!("x{n}@firma.test"), "guess").await;
            assert_eq!(r.status, 401, "{}", r.body);
        }
        // A bucket token comes back, so what refuses next is the window.
        a.clock.advance(Duration::seconds(10));
        let refused = login_from(&b, "-", "y@firma.test", "guess").await;
        assert_eq!(standing(&refused), (429, "5", "0", "50"));
    } else {
        // One SQLite process each: the limits live in each process's memory.
        for _ in 0..3 {
            assert_eq!(health(&a).await.status, 200);
        }
        assert_eq!(health(&a).await.status, 429);
        assert_eq!(remaining(&health(&b).await).as_deref(), Some("2"));
    }
}
