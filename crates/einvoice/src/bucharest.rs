//! Romania's civil time (Europe/Bucharest): UTC+2, and UTC+3 from the last Sunday of March
//! 01:00 UTC to the last Sunday of October 01:00 UTC (EU summer time). Invoices are dated,
//! ANAF stamps its messages and counts its daily quotas in it. Pure: the instant is always
//! passed in.

use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

const WINTER: UtcOffset = match UtcOffset::from_hms(2, 0, 0) {
    Ok(o) => o,
    Err(_) => UtcOffset::UTC,
};
const SUMMER: UtcOffset = match UtcOffset::from_hms(3, 0, 0) {
    Ok(o) => o,
    Err(_) => UtcOffset::UTC,
};

/// Romania's UTC offset at `at`.
pub fn offset_at(at: OffsetDateTime) -> UtcOffset {
    let utc = at.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let one_am = Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT);
    let summer = match (
        last_sunday(year, Month::March),
        last_sunday(year, Month::October),
    ) {
        (Some(start), Some(end)) => {
            utc >= start.with_time(one_am).assume_utc() && utc < end.with_time(one_am).assume_utc()
        }
        _ => false,
    };
    if summer { SUMMER } else { WINTER }
}

/// `at` as a clock in Bucharest shows it.
pub fn local(at: OffsetDateTime) -> OffsetDateTime {
    at.to_offset(offset_at(at))
}

/// The calendar date in Bucharest at `at`.
pub fn today(at: OffsetDateTime) -> Date {
    local(at).date()
}

/// The instant a Bucharest date and time stands for. In the hour the clocks go back, a local
/// time happens twice: the earlier instant (summer time) is chosen. In the hour they skip in
/// spring, a local time never happens: it is read with the winter offset, as a clock that was
/// not moved forward would show it.
pub fn to_instant(local: PrimitiveDateTime) -> OffsetDateTime {
    let as_summer = local.assume_offset(SUMMER);
    if offset_at(as_summer) == SUMMER {
        return as_summer;
    }
    local.assume_offset(WINTER)
}

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let last =
        Date::from_calendar_date(year, month, time::util::days_in_month(month, year)).ok()?;
    let back = i64::from(last.weekday().number_days_from_sunday());
    last.checked_sub(Duration::days(back))
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    #[test]
    fn summer_time_starts_and_ends_at_one_utc_on_the_last_sundays() {
        assert_eq!(offset_at(datetime!(2026-03-29 00:59 UTC)), WINTER);
        assert_eq!(offset_at(datetime!(2026-03-29 01:00 UTC)), SUMMER);
        assert_eq!(offset_at(datetime!(2026-10-25 00:59 UTC)), SUMMER);
        assert_eq!(offset_at(datetime!(2026-10-25 01:00 UTC)), WINTER);
        assert_eq!(
            today(datetime!(2026-06-30 21:30 UTC)),
            date!(2026 - 07 - 01)
        );
        assert_eq!(
            today(datetime!(2026-12-31 21:59 UTC)),
            date!(2026 - 12 - 31)
        );
        assert_eq!(
            today(datetime!(2026-12-31 22:00 UTC)),
            date!(2027 - 01 - 01)
        );
    }

    #[test]
    fn local_times_become_instants_even_around_the_changes() {
        assert_eq!(
            to_instant(datetime!(2026-07-01 12:00)),
            datetime!(2026-07-01 09:00 UTC)
        );
        assert_eq!(
            to_instant(datetime!(2026-01-15 12:00)),
            datetime!(2026-01-15 10:00 UTC)
        );
        // 03:30 on 25 October happens twice: the summer one is first.
        assert_eq!(
            to_instant(datetime!(2026-10-25 03:30)),
            datetime!(2026-10-25 00:30 UTC)
        );
        // 03:30 on 29 March never happens on the clock.
        assert_eq!(
            to_instant(datetime!(2026-03-29 03:30)),
            datetime!(2026-03-29 01:30 UTC)
        );
    }
}
