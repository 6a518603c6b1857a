//! Failed password logins per account, for the lock-out with back-off (`auth::lockout`).

use time::{Duration, OffsetDateTime};

use super::{Db, Ts, Tx};
use crate::{on_db, on_tx};

/// The account's run of failures, if it has one: until when it is locked, if it is.
pub async fn locked_until(
    db: &Db,
    account: &str,
) -> Result<Option<Option<OffsetDateTime>>, sqlx::Error> {
    let until: Option<Option<Ts>> = on_db!(db, c => sqlx::query_scalar(
        "SELECT locked_until FROM login_failures WHERE account = $1")
        .bind(account).fetch_optional(c).await)?;
    Ok(until.map(|u| u.map(|t| t.0)))
}

/// Counts a failure; a run of failures starts again after `quiet` without one. The count so
/// far.
pub async fn record(
    tx: &mut Tx,
    account: &str,
    now: OffsetDateTime,
    quiet: Duration,
) -> Result<i32, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, i32>(
        "INSERT INTO login_failures (account, failures, last_failure_at) VALUES ($1, 1, $2) \
         ON CONFLICT (account) DO UPDATE SET \
           failures = CASE WHEN login_failures.last_failure_at < $3 THEN 1 ELSE login_failures.failures + 1 END, \
           last_failure_at = $2 \
         RETURNING failures")
        .bind(account).bind(Ts(now)).bind(Ts(now - quiet)).fetch_one(c).await)
}

pub async fn lock(tx: &mut Tx, account: &str, until: OffsetDateTime) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE login_failures SET locked_until = $2 WHERE account = $1")
        .bind(account).bind(Ts(until)).execute(c).await.map(|_| ()))
}

/// Forgets the account's failures (a successful login, a password reset).
pub async fn clear(tx: &mut Tx, account: &str) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM login_failures WHERE account = $1")
        .bind(account).execute(c).await.map(|_| ()))
}
