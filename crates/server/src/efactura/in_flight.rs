//! The uploads this process has sent and not yet heard back from.
//!
//! A run of the upload job whose lease lapsed while its request was still out (the machine
//! was suspended, or a test's clock jumped) must not be second-guessed by another run of the
//! same job in this process: reconciliation waits while the first request may still land.

use std::collections::HashSet;
use std::sync::Mutex;

use crate::ids::SubmissionId;

#[derive(Debug, Default)]
pub struct InFlight(Mutex<HashSet<SubmissionId>>);

/// Marks an upload as out until dropped.
#[derive(Debug)]
pub struct Out<'a> {
    set: &'a InFlight,
    id: SubmissionId,
}

impl InFlight {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<SubmissionId>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Marks `id`'s upload as out, for as long as the returned guard lives.
    pub fn send(&self, id: SubmissionId) -> Out<'_> {
        self.lock().insert(id);
        Out { set: self, id }
    }

    /// Whether this process has an upload of `id` out.
    pub fn is_out(&self, id: SubmissionId) -> bool {
        self.lock().contains(&id)
    }
}

impl Drop for Out<'_> {
    fn drop(&mut self) {
        self.set.lock().remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upload_is_out_while_its_guard_lives() {
        let set = InFlight::default();
        let id = SubmissionId::new();
        {
            let _out = set.send(id);
            assert!(set.is_out(id));
        }
        assert!(!set.is_out(id));
    }
}
