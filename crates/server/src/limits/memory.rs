//! The limits of a single process (SQLite installations): maps behind a mutex.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use super::{Bucket, Verdict, Window, bucket_verdict, gcra_next, window_verdict};

/// Keys tracked before expired ones are swept, bounding memory under a flood of distinct IPs.
const SWEEP_AT: usize = 10_000;

#[derive(Debug, Default)]
pub struct Store {
    /// (bucket name, key) → theoretical arrival time (µs).
    buckets: Mutex<HashMap<(&'static str, String), i64>>,
    /// (window, key) → the instants of the hits it holds (µs), oldest first.
    windows: Mutex<HashMap<(Window, String), VecDeque<i64>>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Store {
    pub fn take(&self, name: &'static str, bucket: Bucket, key: &str, now: i64) -> Verdict {
        let mut buckets = lock(&self.buckets);
        if buckets.len() >= SWEEP_AT {
            // A bucket whose arrival time has passed is full: forgetting it changes nothing.
            buckets.retain(|_, tat| *tat > now);
        }
        let tat = buckets.get(&(name, key.to_owned())).copied();
        match gcra_next(bucket, tat, now) {
            Some(next) => {
                buckets.insert((name, key.to_owned()), next);
                bucket_verdict(bucket, next, now, true)
            }
            None => bucket_verdict(bucket, tat.unwrap_or(now), now, false),
        }
    }

    pub fn hit(&self, window: Window, key: &str, now: i64) -> Verdict {
        let (limit, span) = window.policy();
        let since = now - i64::try_from(span.whole_microseconds()).unwrap_or(i64::MAX);
        let mut windows = lock(&self.windows);
        if windows.len() >= SWEEP_AT {
            windows.retain(|_, hits| hits.back().is_some_and(|t| *t > since));
        }
        let hits = windows.entry((window, key.to_owned())).or_default();
        while hits.front().is_some_and(|t| *t <= since) {
            hits.pop_front();
        }
        let allowed = hits.len() < usize::try_from(limit).unwrap_or(usize::MAX);
        if allowed {
            hits.push_back(now);
        }
        window_verdict(window, hits.make_contiguous(), now, allowed)
    }
}
