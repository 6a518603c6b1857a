//! Request rate limits (issue #5 item 6, api.md §1.7).
//!
//! Two kinds of limit:
//! - a **token bucket** for every request: per client IP when anonymous (10,000 burst, 100 more
//!   every 5 minutes), per user or API key when signed in (50,000 burst, 500 every 2 minutes);
//! - **sliding windows** on the authentication routes, per client IP (login 5 a minute, register
//!   10 an hour, …; [`Window`]).
//!
//! Buckets are kept as GCRA's theoretical arrival time (one integer per key, exact arithmetic);
//! windows as the instants of the hits they hold. On PostgreSQL both live in tables, so every
//! server process on one database draws from one budget; on SQLite (one process) they live in
//! memory. [`Limits`] picks the store by the database's backend.

mod memory;
mod postgres;

use time::{Duration, OffsetDateTime};

use crate::store::Db;

/// A token bucket: `capacity` requests at once, then `refill` more every `every`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    pub capacity: u32,
    pub refill: u32,
    pub every: Duration,
}

impl Bucket {
    /// The time one token takes to come back, in microseconds (GCRA's emission interval).
    fn interval_us(self) -> i64 {
        let every = i64::try_from(self.every.whole_microseconds()).unwrap_or(i64::MAX);
        (every / i64::from(self.refill.max(1))).max(1)
    }

    /// The span a full bucket covers, in microseconds.
    fn span_us(self) -> i64 {
        self.interval_us().saturating_mul(i64::from(self.capacity))
    }
}

/// The budgets of the token buckets; configurable for installations and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Requests without a valid credential, per client IP.
    pub anonymous: Bucket,
    /// Requests with a valid session or API key, per user or key.
    pub authenticated: Bucket,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            anonymous: Bucket {
                capacity: 10_000,
                refill: 100,
                every: Duration::minutes(5),
            },
            authenticated: Bucket {
                capacity: 50_000,
                refill: 500,
                every: Duration::minutes(2),
            },
        }
    }
}

/// The sliding windows of the authentication routes, per client IP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Window {
    /// `POST /api/auth`: 5 a minute.
    Login,
    /// Register and resend-confirmation: 10 an hour.
    Register,
    /// Forgot-password, reset-password and confirming an address change (API and web page):
    /// 3 per 15 minutes.
    PasswordReset,
    /// `POST /api/auth/mfa/verify`: 5 a minute.
    MfaVerify,
    /// `POST /api/v1/mfa/verify` (step-up): 5 a minute.
    StepUpVerify,
    /// `POST /api/auth/google`: 10 a minute.
    Google,
    /// `POST /api/auth/passkey/login/options`: 10 a minute.
    PasskeyOptions,
    /// `POST /api/auth/passkey/login`: 10 a minute.
    PasskeyLogin,
}

impl Window {
    /// Hits allowed, and the window they are counted over.
    pub fn policy(self) -> (u32, Duration) {
        match self {
            Window::Login | Window::MfaVerify | Window::StepUpVerify => (5, Duration::minutes(1)),
            Window::Register => (10, Duration::hours(1)),
            Window::PasswordReset => (3, Duration::minutes(15)),
            Window::Google | Window::PasskeyOptions | Window::PasskeyLogin => {
                (10, Duration::minutes(1))
            }
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Window::Login => "login",
            Window::Register => "register",
            Window::PasswordReset => "password_reset",
            Window::MfaVerify => "mfa_verify",
            Window::StepUpVerify => "stepup_mfa_verify",
            Window::Google => "google",
            Window::PasskeyOptions => "passkey_options",
            Window::PasskeyLogin => "passkey_login",
        }
    }

    /// The window a request falls under, by its method and path.
    pub fn of_route(method: &axum::http::Method, path: &str) -> Option<Window> {
        if method != axum::http::Method::POST {
            return None;
        }
        Some(match path.trim_end_matches('/') {
            "/api/auth" | "/api/auth/login" => Window::Login,
            "/api/auth/register" | "/api/auth/resend-confirmation" => Window::Register,
            "/api/auth/forgot-password"
            | "/api/auth/reset-password"
            | "/api/auth/confirm-email-change"
            | "/reset-password"
            | "/confirm-email-change" => Window::PasswordReset,
            "/api/auth/mfa/verify" => Window::MfaVerify,
            "/api/v1/mfa/verify" => Window::StepUpVerify,
            "/api/auth/google" => Window::Google,
            "/api/auth/passkey/login/options" => Window::PasskeyOptions,
            "/api/auth/passkey/login" => Window::PasskeyLogin,
            _ => return None,
        })
    }
}

/// What one hit was told: allowed or not, and the numbers for the `X-RateLimit-*` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub allowed: bool,
    /// The limit (bucket capacity, or hits per window).
    pub limit: u32,
    /// Requests left right now.
    pub remaining: u32,
    /// Seconds until the budget is whole again.
    pub reset_secs: u64,
    /// When refused: seconds until one request is allowed.
    pub retry_after_secs: u64,
}

/// Seconds (rounded up, at least 1 when positive) in `us` microseconds.
fn secs_ceil(us: i64) -> u64 {
    if us <= 0 {
        0
    } else {
        u64::try_from((us + 999_999) / 1_000_000).unwrap_or(u64::MAX)
    }
}

/// Microseconds since the Unix epoch.
fn micros(at: OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000).unwrap_or(i64::MAX)
}

/// GCRA: the bucket's next theoretical arrival time after a hit at `now` when its current one
/// is `tat` (None: a full bucket), or None when the hit is refused. All in microseconds.
fn gcra_next(bucket: Bucket, tat: Option<i64>, now: i64) -> Option<i64> {
    let next = tat.unwrap_or(now).max(now) + bucket.interval_us();
    (next - now <= bucket.span_us()).then_some(next)
}

/// The verdict for a bucket whose arrival time is `tat` after a hit at `now`.
fn bucket_verdict(bucket: Bucket, tat: i64, now: i64, allowed: bool) -> Verdict {
    let interval = bucket.interval_us();
    let ahead = (tat - now).max(0);
    let remaining = (bucket.span_us() - ahead) / interval;
    let retry_after_secs = if allowed {
        0
    } else {
        secs_ceil(ahead + interval - bucket.span_us()).max(1)
    };
    Verdict {
        allowed,
        limit: bucket.capacity,
        remaining: u32::try_from(remaining.max(0)).unwrap_or(0),
        reset_secs: secs_ceil(ahead),
        retry_after_secs,
    }
}

/// The verdict for a window holding `hits` (oldest first, microseconds) after a hit at `now`.
fn window_verdict(window: Window, hits: &[i64], now: i64, allowed: bool) -> Verdict {
    let (limit, span) = window.policy();
    let span = i64::try_from(span.whole_microseconds()).unwrap_or(i64::MAX);
    let used = u32::try_from(hits.len()).unwrap_or(u32::MAX);
    let oldest = hits.first().copied().unwrap_or(now);
    let newest = hits.last().copied().unwrap_or(now);
    Verdict {
        allowed,
        limit,
        remaining: limit.saturating_sub(used),
        reset_secs: if hits.is_empty() {
            0
        } else {
            secs_ceil(newest + span - now)
        },
        retry_after_secs: if allowed {
            0
        } else {
            secs_ceil(oldest + span - now).max(1)
        },
    }
}

/// The limits' store: in this process (SQLite), or shared through PostgreSQL; and, per
/// process, when each refused caller was last written to the audit log.
#[derive(Debug)]
pub struct Limits {
    store: Store,
    settings: Settings,
    refusals_noted: std::sync::Mutex<std::collections::HashMap<String, OffsetDateTime>>,
}

#[derive(Debug)]
enum Store {
    Memory(memory::Store),
    Postgres(postgres::Store),
}

/// A rate-limit store failure (PostgreSQL unreachable): the request is let through, logged.
pub type LimitError = sqlx::Error;

impl Limits {
    /// The store for `db`: shared tables on PostgreSQL, memory on SQLite.
    pub fn for_db(db: &Db, settings: Settings) -> Limits {
        let store = match db {
            Db::Postgres(pool) => Store::Postgres(postgres::Store::new(pool.clone())),
            Db::Sqlite { .. } => Store::Memory(memory::Store::default()),
        };
        Limits {
            store,
            settings,
            refusals_noted: std::sync::Mutex::default(),
        }
    }

    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// Whether a refusal of `key` at `now` is the first in a minute (in this process), so
    /// the audit log gets one record a minute per refused caller, not one per request.
    pub fn first_refusal(&self, key: &str, now: OffsetDateTime) -> bool {
        let mut noted = self
            .refusals_noted
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if noted.len() >= 10_000 {
            noted.retain(|_, at| now - *at < Duration::minutes(1));
        }
        match noted.get(key) {
            Some(at) if now - *at < Duration::minutes(1) => false,
            _ => {
                noted.insert(key.to_owned(), now);
                true
            }
        }
    }

    /// Takes one token from the bucket `name`/`key` (`anonymous` or `authenticated`).
    pub async fn take(
        &self,
        authenticated: bool,
        key: &str,
        now: OffsetDateTime,
    ) -> Result<Verdict, LimitError> {
        let settings = self.settings();
        let (name, bucket) = if authenticated {
            ("authenticated", settings.authenticated)
        } else {
            ("anonymous", settings.anonymous)
        };
        match &self.store {
            Store::Memory(store) => Ok(store.take(name, bucket, key, micros(now))),
            Store::Postgres(store) => store.take(name, bucket, key, micros(now)).await,
        }
    }

    /// Counts one hit of `key` in `window`, unless the window is full.
    pub async fn hit(
        &self,
        window: Window,
        key: &str,
        now: OffsetDateTime,
    ) -> Result<Verdict, LimitError> {
        match &self.store {
            Store::Memory(store) => Ok(store.hit(window, key, micros(now))),
            Store::Postgres(store) => store.hit(window, key, micros(now)).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Bucket = Bucket {
        capacity: 3,
        refill: 1,
        every: Duration::seconds(10),
    };

    #[test]
    fn a_bucket_allows_its_burst_then_one_per_interval() {
        let mut tat = None;
        let now = 1_000_000_000;
        for left in [2, 1, 0] {
            let next = gcra_next(SMALL, tat, now).expect("within the burst");
            assert_eq!(bucket_verdict(SMALL, next, now, true).remaining, left);
            tat = Some(next);
        }
        assert_eq!(gcra_next(SMALL, tat, now), None);
        let refused = bucket_verdict(SMALL, tat.unwrap(), now, false);
        assert_eq!((refused.retry_after_secs, refused.reset_secs), (10, 30));
        // Ten seconds later one token is back, and only one.
        let later = now + 10_000_000;
        let next = gcra_next(SMALL, tat, later).expect("one token back");
        assert_eq!(bucket_verdict(SMALL, next, later, true).remaining, 0);
        assert_eq!(gcra_next(SMALL, Some(next), later), None);
    }

    #[test]
    fn default_budgets_follow_the_contract() {
        let s = Settings::default();
        assert_eq!(s.anonymous.interval_us(), 3_000_000);
        assert_eq!(s.authenticated.interval_us(), 240_000);
        assert_eq!(Window::PasswordReset.policy(), (3, Duration::minutes(15)));
    }

    #[test]
    fn routes_fall_under_their_windows() {
        use axum::http::Method;
        assert_eq!(
            Window::of_route(&Method::POST, "/api/auth"),
            Some(Window::Login)
        );
        assert_eq!(Window::of_route(&Method::GET, "/api/auth"), None);
        assert_eq!(
            Window::of_route(&Method::POST, "/api/v1/mfa/verify"),
            Some(Window::StepUpVerify)
        );
        assert_eq!(Window::of_route(&Method::POST, "/api/v1/invoices"), None);
    }
}
