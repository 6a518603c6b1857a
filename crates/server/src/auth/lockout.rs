//! Lock-out with back-off for repeated failed password logins on one account (issue #5
//! item 6), across all client IPs and server processes: the per-IP window stops one address,
//! this stops many addresses guessing one password.
//!
//! Five failures are free; the fifth and each one after lock the account's password login for
//! 1, 2, 4, 8 and then at most 15 minutes. A run of failures is forgotten after an hour without
//! one, and at once by a successful login or a password reset. The lock is short and only
//! stops passwords — a passkey, Google sign-in or a reset link still let the owner in — so an
//! attacker cannot keep a victim out for long. Unknown addresses are counted the same way, so a
//! lock-out says nothing about who has an account.

use time::{Duration, OffsetDateTime};

use crate::api::error::ApiError;
use crate::state::AppState;
use crate::store::login_failures;

/// Failures before the first lock.
pub const FREE_FAILURES: i32 = 5;
/// The longest lock.
pub const MAX_LOCK: Duration = Duration::minutes(15);
/// Quiet time after which a run of failures is forgotten.
pub const FORGET_AFTER: Duration = Duration::hours(1);

/// The account key of an e-mail as typed.
pub fn account(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The lock after `failures` failures in a run.
pub fn lock_for(failures: i32) -> Option<Duration> {
    let over = failures.checked_sub(FREE_FAILURES)?;
    let minutes = 1i64
        .checked_shl(u32::try_from(over).ok()?.min(10))
        .unwrap_or(i64::MAX);
    Some(Duration::minutes(minutes).min(MAX_LOCK))
}

/// Refuses a password login of a locked account with a 429 and its `Retry-After`; otherwise
/// whether the account has failures to forget on success (most logins have none, and then
/// write nothing here).
pub async fn check(state: &AppState, email: &str, now: OffsetDateTime) -> Result<bool, ApiError> {
    match login_failures::locked_until(&state.db, &account(email)).await? {
        Some(Some(until)) if until > now => Err(ApiError::TooManyRequests {
            retry_after_secs: u64::try_from((until - now).whole_seconds().max(1)).unwrap_or(1),
        }),
        run => Ok(run.is_some()),
    }
}

/// Counts a failed password for `email`, locking the account when the run is long enough.
pub async fn failed(state: &AppState, email: &str, now: OffsetDateTime) -> Result<(), ApiError> {
    let account = account(email);
    let mut tx = state.db.begin().await?;
    let failures = login_failures::record(&mut tx, &account, now, FORGET_AFTER).await?;
    if let Some(lock) = lock_for(failures) {
        login_failures::lock(&mut tx, &account, now + lock).await?;
        tracing::warn!(
            failures,
            lock_secs = lock.whole_seconds(),
            "password login locked for an account"
        );
    }
    tx.commit().await?;
    Ok(())
}

/// Forgets the account's failures.
pub async fn cleared(state: &AppState, email: &str) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    login_failures::clear(&mut tx, &account(email)).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_doubles_from_the_fifth_failure_up_to_fifteen_minutes() {
        let locks: Vec<_> = (1..=12)
            .map(|n| lock_for(n).map(time::Duration::whole_minutes))
            .collect();
        assert_eq!(
            locks,
            vec![
                None,
                None,
                None,
                None,
                Some(1),
                Some(2),
                Some(4),
                Some(8),
                Some(15),
                Some(15),
                Some(15),
                Some(15)
            ]
        );
    }
}
