//! Sliding-window limits per key (client IP) for the authentication routes (api.md §1.7):
//! login 5 per minute from day one. In-process: several server processes each keep their own
//! windows until limits move to the database (issue #5).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use time::{Duration, OffsetDateTime};

/// One limit: at most `limit` hits per `window` per key.
#[derive(Debug)]
pub struct SlidingWindow {
    limit: usize,
    window: Duration,
    hits: Mutex<HashMap<String, VecDeque<OffsetDateTime>>>,
}

/// Keys tracked before old ones are swept, bounding memory under a flood of distinct IPs.
const SWEEP_AT: usize = 10_000;

impl SlidingWindow {
    pub fn new(limit: usize, window: Duration) -> Self {
        SlidingWindow {
            limit,
            window,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Records a hit for `key` at `now`, or refuses it with the seconds until one is allowed.
    pub fn hit(&self, key: &str, now: OffsetDateTime) -> Result<(), u64> {
        let mut hits = self
            .hits
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let since = now - self.window;
        if hits.len() >= SWEEP_AT {
            hits.retain(|_, q| q.back().is_some_and(|t| *t > since));
        }
        let queue = hits.entry(key.to_owned()).or_default();
        while queue.front().is_some_and(|t| *t <= since) {
            queue.pop_front();
        }
        if queue.len() >= self.limit {
            let oldest = queue.front().copied().unwrap_or(now);
            let wait = (oldest + self.window - now).whole_seconds().max(1);
            return Err(u64::try_from(wait).unwrap_or(1));
        }
        queue.push_back(now);
        Ok(())
    }
}

/// The limits of the authentication routes.
#[derive(Debug)]
pub struct RateLimits {
    pub login: SlidingWindow,
    /// Second-factor codes (`/api/auth/mfa/verify`): 5 a minute per IP.
    pub mfa_verify: SlidingWindow,
    /// Step-up codes (`/api/v1/mfa/verify`): 5 a minute per IP.
    pub stepup_mfa_verify: SlidingWindow,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            login: SlidingWindow::new(5, Duration::minutes(1)),
            mfa_verify: SlidingWindow::new(5, Duration::minutes(1)),
            stepup_mfa_verify: SlidingWindow::new(5, Duration::minutes(1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn the_sixth_login_in_a_minute_waits_for_the_first_to_age_out() {
        let w = SlidingWindow::new(5, Duration::minutes(1));
        let t0 = datetime!(2026-01-01 10:00:00 UTC);
        for i in 0..5 {
            w.hit("1.2.3.4", t0 + Duration::seconds(i)).unwrap();
        }
        assert_eq!(w.hit("1.2.3.4", t0 + Duration::seconds(10)), Err(50));
        assert!(
            w.hit("5.6.7.8", t0 + Duration::seconds(10)).is_ok(),
            "other IPs are not affected"
        );
        assert!(w.hit("1.2.3.4", t0 + Duration::seconds(61)).is_ok());
    }
}
