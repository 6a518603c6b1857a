//! The cache of BNR's reference rates: one row per banking day and currency.

use std::collections::BTreeMap;

use anaf::bnr::DayRates;
use time::{Date, OffsetDateTime};

use super::{Db, Dec, Ts, Tx};
use crate::{on_db, on_tx};

/// Stores `days` (a newer fetch of a day replaces its rates).
pub async fn put(tx: &mut Tx, days: &[DayRates], now: OffsetDateTime) -> Result<(), sqlx::Error> {
    for day in days {
        for (currency, rate) in &day.rates {
            on_tx!(tx, c => sqlx::query(
                "INSERT INTO exchange_rates (day, currency, rate, fetched_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (day, currency) DO UPDATE SET rate = excluded.rate, fetched_at = excluded.fetched_at",
            )
            .bind(day.date).bind(currency).bind(Dec(*rate)).bind(Ts(now))
            .execute(c)
            .await.map(|_| ()))?;
        }
    }
    Ok(())
}

/// The rates of the latest banking day on or before `date` (weekends and holidays take the
/// day before), if the cache has one.
pub async fn on_or_before(db: &Db, date: Date) -> Result<Option<DayRates>, sqlx::Error> {
    let day: Option<Date> = on_db!(db, c => sqlx::query_scalar(
        "SELECT MAX(day) FROM exchange_rates WHERE day <= $1",
    )
    .bind(date)
    .fetch_one(c)
    .await)?;
    let Some(day) = day else {
        return Ok(None);
    };
    let rows: Vec<(String, Dec)> = on_db!(db, c => sqlx::query_as(
        "SELECT currency, rate FROM exchange_rates WHERE day = $1 ORDER BY currency",
    )
    .bind(day)
    .fetch_all(c)
    .await)?;
    Ok(Some(DayRates {
        date: day,
        rates: rows
            .into_iter()
            .map(|(c, r)| (c, r.0))
            .collect::<BTreeMap<_, _>>(),
    }))
}

/// The first banking day the cache holds.
pub async fn oldest_day(db: &Db) -> Result<Option<Date>, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar("SELECT MIN(day) FROM exchange_rates")
        .fetch_one(c)
        .await)
}
