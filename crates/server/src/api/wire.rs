//! How values leave the API: amounts as decimal strings with fixed decimals (`"1190.00"`), dates
//! as `YYYY-MM-DD`, timestamps as RFC 3339 with an explicit offset (`2026-02-19T10:30:00+00:00`).
//! These are promises of the product (issue #2), stricter than the incumbent's habits.

use rust_decimal::Decimal;
use serde::Serializer;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

const TIMESTAMP: &[BorrowedFormatItem<'static>] = format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
);
const DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// An amount held in minor units, as the contract's 2-dp string.
/// `s` with its first letter upper case: a library's message or a noun starting a sentence.
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub fn amount(minor: i64) -> String {
    einvoice::money::fixed(einvoice::money::from_minor(minor), 2)
}

/// A decimal with exactly `dp` decimals (quantities 4, rates 2).
pub fn fixed(d: Decimal, dp: u32) -> String {
    einvoice::money::fixed(d, dp)
}

/// A price: at least 2 decimals, more when the value has them (`"0.1234"`).
pub fn price(d: Decimal) -> String {
    let dp = d.normalize().scale().max(2);
    einvoice::money::fixed(d, dp)
}

/// A rate such as a VAT percentage with trailing zeros stripped (`"21"`, `"5.5"`), as
/// invoice-defaults shows them.
pub fn short(d: Decimal) -> String {
    d.normalize().to_string()
}

pub fn date_text(d: Date) -> String {
    d.format(DATE).unwrap_or_default()
}

pub fn timestamp_text(t: OffsetDateTime) -> String {
    t.to_offset(UtcOffset::UTC)
        .format(TIMESTAMP)
        .unwrap_or_default()
}

/// `#[serde(serialize_with = "wire::ts")]`
pub fn ts<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&timestamp_text(*t))
}

/// `#[serde(serialize_with = "wire::ts_opt")]`
#[allow(clippy::ref_option)]
pub fn ts_opt<S: Serializer>(t: &Option<OffsetDateTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => ts(t, s),
        None => s.serialize_none(),
    }
}

/// `#[serde(serialize_with = "wire::date")]`
pub fn date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&date_text(*d))
}

/// `#[serde(serialize_with = "wire::date_opt")]`
#[allow(clippy::ref_option)]
pub fn date_opt<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => date(d, s),
        None => s.serialize_none(),
    }
}

/// A file to download: its content type, and `attachment` with its file name.
pub fn attachment(
    content_type: &'static str,
    filename: &str,
    body: impl axum::response::IntoResponse,
) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse as _;
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;
    use time::macros::{date, datetime};

    use super::*;

    #[test]
    fn values_take_the_contract_shapes() {
        assert_eq!(amount(119_000), "1190.00");
        assert_eq!(amount(-5), "-0.05");
        assert_eq!(fixed(dec!(1), 4), "1.0000");
        assert_eq!(price(dec!(12.5)), "12.50");
        assert_eq!(price(dec!(0.12345)), "0.12345");
        assert_eq!(short(dec!(21.00)), "21");
        assert_eq!(date_text(date!(2026 - 03 - 01)), "2026-03-01");
        assert_eq!(
            timestamp_text(datetime!(2026-02-19 12:30:00.123 +02:00)),
            "2026-02-19T10:30:00+00:00"
        );
    }
}
