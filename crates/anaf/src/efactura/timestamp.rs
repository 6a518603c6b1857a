//! ANAF's timestamps (`yyyyMMddHHmm`, Romanian local time) and their conversion to instants.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

use crate::Error;

/// Parses `yyyyMMddHHmm` (`data_creare`, `dateResponse`), e.g. `202210311452`, into a local
/// date and time. ANAF means Romanian local time; [`romania_to_offset`] turns it into an
/// instant.
pub fn parse_timestamp(text: &str) -> Result<PrimitiveDateTime, Error> {
    let bad = |why: &str| Error::Protocol(format!("'{text}' is not a yyyyMMddHHmm time: {why}"));
    let digits = text.trim();
    if digits.len() != 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad("expected 12 digits"));
    }
    let number = |range: std::ops::Range<usize>| -> u16 {
        digits[range]
            .bytes()
            .fold(0, |n, b| n * 10 + u16::from(b - b'0'))
    };
    let year = i32::from(number(0..4));
    let month = u8::try_from(number(4..6))
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or_else(|| bad("no such month"))?;
    let day = u8::try_from(number(6..8)).map_err(|_| bad("no such day"))?;
    let date = Date::from_calendar_date(year, month, day).map_err(|e| bad(&e.to_string()))?;
    let hour = u8::try_from(number(8..10)).map_err(|_| bad("no such hour"))?;
    let minute = u8::try_from(number(10..12)).map_err(|_| bad("no such minute"))?;
    let time = Time::from_hms(hour, minute, 0).map_err(|e| bad(&e.to_string()))?;
    Ok(PrimitiveDateTime::new(date, time))
}

/// The instant a Romanian local date and time stands for; see
/// [`einvoice::bucharest::to_instant`] for the hours around the clock changes.
pub fn romania_to_offset(local: PrimitiveDateTime) -> OffsetDateTime {
    einvoice::bucharest::to_instant(local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::datetime;

    #[test]
    fn anaf_timestamps_parse_to_local_times() {
        assert_eq!(
            parse_timestamp("202210311452").unwrap(),
            datetime!(2022-10-31 14:52)
        );
        assert_eq!(
            parse_timestamp(" 202401020304 ").unwrap(),
            datetime!(2024-01-02 03:04)
        );
        for bad in [
            "",
            "2022103114",
            "20221031145200",
            "2022-10-31 14",
            "202213011452",
            "202202301452",
            "202210312452",
            "202210311460",
            "20221031145a",
        ] {
            let err = parse_timestamp(bad).unwrap_err();
            assert!(
                matches!(&err, Error::Protocol(m) if m.contains("yyyyMMddHHmm")),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn romanian_local_time_becomes_the_right_instant() {
        assert_eq!(
            romania_to_offset(datetime!(2022-01-15 12:00)),
            datetime!(2022-01-15 10:00 UTC)
        );
        assert_eq!(
            romania_to_offset(datetime!(2022-07-15 12:00)),
            datetime!(2022-07-15 09:00 UTC)
        );
        // 2022-10-30: 04:00 EEST becomes 03:00 EET; 03:30 happens twice, the first is chosen.
        assert_eq!(
            romania_to_offset(datetime!(2022-10-30 03:30)),
            datetime!(2022-10-30 00:30 UTC)
        );
        assert_eq!(
            romania_to_offset(datetime!(2022-10-30 04:00)),
            datetime!(2022-10-30 02:00 UTC)
        );
        // 2022-03-27: 03:00 EET becomes 04:00 EEST; 03:30 does not exist.
        assert_eq!(
            romania_to_offset(datetime!(2022-03-27 02:59)),
            datetime!(2022-03-27 00:59 UTC)
        );
        assert_eq!(
            romania_to_offset(datetime!(2022-03-27 03:30)),
            datetime!(2022-03-27 01:30 UTC)
        );
        assert_eq!(
            romania_to_offset(datetime!(2022-03-27 04:00)),
            datetime!(2022-03-27 01:00 UTC)
        );
    }
}
