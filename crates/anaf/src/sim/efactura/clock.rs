//! The simulator's clock (real time, shifted or frozen by tests) and Romania's local time.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use time::{Date, Duration, OffsetDateTime, UtcOffset};

/// Where a running clock reads the time: the system's clock, or the embedding app's.
pub(crate) type TimeSource = Arc<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// A clock that runs with a time source (real time, or the embedding app's clock) from a chosen
/// offset, or stands still.
#[derive(Clone)]
pub(crate) struct SimClock {
    mode: Arc<Mutex<Mode>>,
    source: Arc<Mutex<TimeSource>>,
}

impl std::fmt::Debug for SimClock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimClock")
            .field("mode", &*self.lock())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy)]
enum Mode {
    /// The source's time plus this offset.
    Running(Duration),
    /// This instant until moved.
    Frozen(OffsetDateTime),
}

impl SimClock {
    /// Real time.
    pub(crate) fn real() -> Self {
        Self {
            mode: Arc::new(Mutex::new(Mode::Running(Duration::ZERO))),
            source: Arc::new(Mutex::new(Arc::new(system_now))),
        }
    }

    /// The current simulated instant, UTC, whole milliseconds (ANAF's lists speak milliseconds).
    pub(crate) fn now(&self) -> OffsetDateTime {
        let mode = *self.lock();
        let at = match mode {
            Mode::Running(offset) => self.source_now() + offset,
            Mode::Frozen(at) => at,
        };
        truncate_millis(at)
    }

    /// Runs on `source` from now on, without offset: the simulator reads the embedding app's
    /// clock, so moving that clock moves the simulator's.
    pub(crate) fn follow(&self, source: TimeSource) {
        *self.source.lock().unwrap_or_else(PoisonError::into_inner) = source;
        *self.lock() = Mode::Running(Duration::ZERO);
    }

    fn source_now(&self) -> OffsetDateTime {
        let source = self
            .source
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        source()
    }

    /// Moves the clock forward by `by`, running or frozen.
    pub(crate) fn advance(&self, by: std::time::Duration) {
        let by = Duration::try_from(by).unwrap_or(Duration::MAX);
        let mut mode = self.lock();
        *mode = match *mode {
            Mode::Running(offset) => Mode::Running(offset.saturating_add(by)),
            Mode::Frozen(at) => Mode::Frozen(at.checked_add(by).unwrap_or(at)),
        };
    }

    /// Makes the clock read `at` now and run on from there.
    pub(crate) fn set(&self, at: OffsetDateTime) {
        let offset = at - self.source_now();
        *self.lock() = Mode::Running(offset);
    }

    /// Makes the clock read `at` until it is advanced or set again.
    pub(crate) fn freeze(&self, at: OffsetDateTime) {
        *self.lock() = Mode::Frozen(truncate_millis(at));
    }

    fn lock(&self) -> MutexGuard<'_, Mode> {
        // The mode is a plain value: a panic elsewhere cannot leave it half-written.
        self.mode.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[allow(clippy::disallowed_methods)] // The simulator's one reading of real time.
fn system_now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn truncate_millis(at: OffsetDateTime) -> OffsetDateTime {
    let millis = at.millisecond();
    at.replace_nanosecond(u32::from(millis) * 1_000_000)
        .unwrap_or(at)
        .to_offset(UtcOffset::UTC)
}

/// `at` in Romania's local time.
pub(crate) use einvoice::bucharest::local;

/// The Romanian calendar day of `at`: the day of ANAF's daily quotas.
pub(crate) fn local_date(at: OffsetDateTime) -> Date {
    local(at).date()
}

/// `yyyyMMddHHmm` in Romania's local time (`dateResponse`, `data_creare`).
pub(crate) fn compact(at: OffsetDateTime) -> String {
    let t = local(at);
    format!(
        "{:04}{:02}{:02}{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// `dd-MM-yyyy HH:mm:ss` in Romania's local time (Spring error bodies, list titles).
pub(crate) fn spring(at: OffsetDateTime) -> String {
    let t = local(at);
    format!(
        "{:02}-{:02}-{:04} {:02}:{:02}:{:02}",
        t.day(),
        u8::from(t.month()),
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `yyyy-mm-dd` in Romania's local time (the duplicate error's `data incarcare`).
pub(crate) fn iso_date(at: OffsetDateTime) -> String {
    let d = local_date(at);
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Milliseconds since the Unix epoch (the paginated list's `startTime`/`endTime`).
pub(crate) fn epoch_millis(at: OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// The instant of `millis` since the Unix epoch, if representable.
pub(crate) fn from_epoch_millis(millis: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::datetime;

    #[test]
    fn formats_follow_romanian_time_and_its_summer_time() {
        assert_eq!(compact(datetime!(2022-10-31 12:52:59 UTC)), "202210311452");
        assert_eq!(compact(datetime!(2022-07-31 12:52 UTC)), "202207311552");
        assert_eq!(
            spring(datetime!(2022-09-06 06:48:20 UTC)),
            "06-09-2022 09:48:20"
        );
        assert_eq!(iso_date(datetime!(2026-01-19 22:30 UTC)), "2026-01-20");
        let at = datetime!(2022-02-28 08:36:14 UTC);
        assert_eq!(epoch_millis(at), 1_646_037_374_000);
        assert_eq!(from_epoch_millis(1_646_037_374_000), Some(at));
    }

    #[test]
    fn a_frozen_clock_moves_only_when_told() {
        let clock = SimClock::real();
        let at = datetime!(2025-03-01 10:00 UTC);
        clock.freeze(at);
        assert_eq!(clock.now(), at);
        clock.advance(std::time::Duration::from_secs(90));
        assert_eq!(clock.now(), datetime!(2025-03-01 10:01:30 UTC));
        clock.set(at);
        assert!(clock.now() >= at && clock.now() < at + Duration::minutes(1));
    }

    #[test]
    fn a_followed_clock_moves_with_its_source_and_by_advances() {
        let clock = SimClock::real();
        let outside = Arc::new(Mutex::new(datetime!(2025-03-01 10:00 UTC)));
        let read = Arc::clone(&outside);
        clock.follow(Arc::new(move || *read.lock().unwrap()));
        assert_eq!(clock.now(), datetime!(2025-03-01 10:00 UTC));
        *outside.lock().unwrap() = datetime!(2025-03-02 10:00 UTC);
        assert_eq!(clock.now(), datetime!(2025-03-02 10:00 UTC));
        clock.advance(std::time::Duration::from_mins(1));
        assert_eq!(clock.now(), datetime!(2025-03-02 10:01 UTC));
    }
}
