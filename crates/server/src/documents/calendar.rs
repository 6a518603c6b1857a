//! Dates as a Romanian user sees them: "today" in Europe/Bucharest (EET, EEST from the last
//! Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC).

use time::{Date, Weekday};

pub use einvoice::bucharest::{offset_at as bucharest_offset, today as bucharest_today};

/// Whether `d` falls on a weekend (for due-date helpers).
pub fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    #[test]
    fn today_follows_bucharest_time_and_its_summer_time() {
        assert_eq!(
            bucharest_today(datetime!(2026-01-15 22:30 UTC)),
            date!(2026 - 01 - 16),
            "UTC+2 in winter"
        );
        assert_eq!(
            bucharest_today(datetime!(2026-07-15 20:59 UTC)),
            date!(2026 - 07 - 15)
        );
        assert_eq!(
            bucharest_today(datetime!(2026-07-15 21:00 UTC)),
            date!(2026 - 07 - 16),
            "UTC+3 in summer"
        );
        assert_eq!(
            bucharest_offset(datetime!(2026-03-29 00:59 UTC)).whole_hours(),
            2
        );
        assert_eq!(
            bucharest_offset(datetime!(2026-03-29 01:00 UTC)).whole_hours(),
            3
        );
        assert_eq!(
            bucharest_offset(datetime!(2026-10-25 01:00 UTC)).whole_hours(),
            2
        );
        assert!(is_weekend(date!(2026 - 06 - 13)));
    }
}
