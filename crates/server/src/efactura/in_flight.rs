//! The uploads this process has sent and not yet heard back from, and when each last came
//! back.
//!
//! A run of the upload job whose lease lapsed while its request was still out (the machine
//! was suspended, or a test's clock jumped) must not be second-guessed by another run of the
//! same job in this process: reconciliation waits while the first request may still land,
//! and a listing of the sent box proves nothing about an upload that was out while it was
//! read (ANAF lists an upload only once it has processed it). Times here are the machine's
//! monotonic clock, which no jump of the application's clock moves.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::ids::SubmissionId;

#[derive(Debug, Default)]
pub struct InFlight(Mutex<Attempts>);

#[derive(Debug, Default)]
struct Attempts {
    out: HashSet<SubmissionId>,
    /// When each upload last came back (answered, failed or given up).
    ended: HashMap<SubmissionId, Instant>,
}

/// How long an ended attempt is remembered: far longer than any listing takes.
const REMEMBERED: Duration = Duration::from_mins(15);

/// Marks an upload as out until dropped.
#[derive(Debug)]
pub struct Out<'a> {
    set: &'a InFlight,
    id: SubmissionId,
}

impl InFlight {
    fn lock(&self) -> std::sync::MutexGuard<'_, Attempts> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Marks `id`'s upload as out, for as long as the returned guard lives.
    pub fn send(&self, id: SubmissionId) -> Out<'_> {
        self.lock().out.insert(id);
        Out { set: self, id }
    }

    /// Whether `id` had no upload of this process out at any moment since `since`: neither
    /// out now nor come back after it.
    pub fn quiet_since(&self, id: SubmissionId, since: Instant) -> bool {
        let attempts = self.lock();
        !attempts.out.contains(&id) && attempts.ended.get(&id).is_none_or(|&end| end < since)
    }
}

impl Drop for Out<'_> {
    fn drop(&mut self) {
        let now = Instant::now();
        let mut attempts = self.set.lock();
        attempts.out.remove(&self.id);
        attempts
            .ended
            .retain(|_, end| now.duration_since(*end) < REMEMBERED);
        attempts.ended.insert(self.id, now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_begun_while_an_upload_was_out_proves_nothing() {
        let set = InFlight::default();
        let (id, other) = (SubmissionId::new(), SubmissionId::new());
        let before = Instant::now();
        assert!(set.quiet_since(id, before), "never sent");
        let out = set.send(id);
        let listing = Instant::now();
        assert!(!set.quiet_since(id, listing), "out while listed");
        drop(out);
        assert!(
            !set.quiet_since(id, listing),
            "came back after the listing began"
        );
        assert!(set.quiet_since(other, listing));
        std::thread::sleep(Duration::from_millis(2));
        assert!(
            set.quiet_since(id, Instant::now()),
            "a later listing counts"
        );
    }
}
