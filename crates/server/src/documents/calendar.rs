//! Dates as a Romanian user sees them: "today" in Europe/Bucharest (EET, EEST from the last
//! Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC).

use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset, Weekday};

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let last =
        Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()?;
    let back = i64::from(last.weekday().number_days_from_sunday());
    last.checked_sub(Duration::days(back))
}

/// Bucharest's UTC offset at `at`.
pub fn bucharest_offset(at: OffsetDateTime) -> UtcOffset {
    let utc = at.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let one_am = Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT);
    let summer = match (
        last_sunday(year, Month::March),
        last_sunday(year, Month::October),
    ) {
        (Some(start), Some(end)) => {
            let start = start.with_time(one_am).assume_utc();
            let end = end.with_time(one_am).assume_utc();
            utc >= start && utc < end
        }
        _ => false,
    };
    UtcOffset::from_hms(if summer { 3 } else { 2 }, 0, 0).unwrap_or(UtcOffset::UTC)
}

/// The calendar date in Bucharest at `at`.
pub fn bucharest_today(at: OffsetDateTime) -> Date {
    at.to_offset(bucharest_offset(at)).date()
}

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
