//! BNR exchange rates (issue #7, api.md §23): the rates of a day, read from the database's cache
//! and fetched from BNR when the cache is behind. Every process shares the cache; each asks BNR
//! at most once per `refresh_every` while the cache lacks today's rates, so a BNR outage costs a
//! request now and then, never one per API call.
//!
//! A seed file (a feed as BNR publishes it, `FACTURO_BNR_SEED`) fills the cache at start-up, for
//! installations without internet access and for tests.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use anaf::bnr::{BnrClient, BnrError, DayRates, Feed};
use rust_decimal::Decimal;
use time::{Date, OffsetDateTime};

use crate::documents::calendar::bucharest_today;
use crate::store::{Db, exchange_rates};

/// How rates are obtained.
#[derive(Debug, Clone)]
pub struct Settings {
    /// BNR's base URL (`https://www.bnr.ro`, or a local server with the same files); `None`
    /// uses the cache and the seed only.
    pub base_url: Option<String>,
    /// A feed file loaded into the cache at start-up.
    pub seed: Option<PathBuf>,
    /// The least time between two requests to BNR while the cache is behind.
    pub refresh_every: Duration,
    pub timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            base_url: Some(anaf::bnr::DEFAULT_BASE_URL.to_owned()),
            seed: None,
            refresh_every: Duration::from_mins(15),
            timeout: Duration::from_secs(10),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RatesError {
    /// No rates for the day, and BNR could not be asked or did not have them.
    #[error("BNR exchange rates are unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// The rates service of a process.
#[derive(Debug)]
pub struct Rates {
    client: Option<BnrClient>,
    refresh_every: time::Duration,
    /// When this process last asked BNR for each feed's purpose, and what went wrong then.
    last_latest: Mutex<Option<(OffsetDateTime, Option<String>)>>,
    years_asked: Mutex<Vec<i32>>,
}

impl Rates {
    /// The service for `settings`, with the seed file (if any) loaded into `db`.
    pub async fn start(
        settings: &Settings,
        db: &Db,
        now: OffsetDateTime,
    ) -> Result<Rates, anyhow::Error> {
        let client = settings
            .base_url
            .as_deref()
            .map(|url| BnrClient::new(url, settings.timeout))
            .transpose()?;
        if let Some(path) = &settings.seed {
            let bytes = std::fs::read(path)
                .map_err(|e| anyhow::anyhow!("FACTURO_BNR_SEED {}: {e}", path.display()))?;
            let days = anaf::bnr::parse(&bytes)
                .map_err(|e| anyhow::anyhow!("FACTURO_BNR_SEED {}: {e}", path.display()))?;
            store_days(db, &days, now).await?;
            tracing::info!(days = days.len(), path = %path.display(), "BNR rates seeded");
        }
        Ok(Rates {
            client,
            refresh_every: time::Duration::try_from(settings.refresh_every)
                .unwrap_or(time::Duration::minutes(15)),
            last_latest: Mutex::new(None),
            years_asked: Mutex::new(Vec::new()),
        })
    }

    /// The rates that apply on `date` (today when later): those of the latest banking day on or
    /// before it. For today, BNR's rates once published, the last banking day's until then.
    pub async fn on(
        &self,
        db: &Db,
        date: Date,
        now: OffsetDateTime,
    ) -> Result<DayRates, RatesError> {
        let today = bucharest_today(now);
        let date = date.min(today);
        let cached = exchange_rates::on_or_before(db, date).await?;
        let mut problem = None;
        if date == today {
            // Today's rates may not be published yet; a refresh (at most every
            // `refresh_every`) finds out, and the last banking day's serve meanwhile.
            if cached.as_ref().is_none_or(|c| c.date < today) {
                problem = self.refresh_latest(db, cached.is_none(), now).await?;
            }
        } else if !covers(cached.as_ref(), date) {
            // A past day the cache does not cover: its year's file, and the year before for
            // the first days of January.
            for year in [date.year(), date.year() - 1] {
                problem = self.fetch_year(db, year, now).await?;
                if covers(exchange_rates::on_or_before(db, date).await?.as_ref(), date) {
                    break;
                }
            }
        }
        if let Some(found) = exchange_rates::on_or_before(db, date).await? {
            return Ok(found);
        }
        Err(RatesError::Unavailable(problem.unwrap_or_else(|| {
            format!("no rates for {date} are cached and none were fetched")
        })))
    }

    /// Asks BNR for the latest feed (the last ten days when the cache is empty), at most once
    /// per `refresh_every`; the problem of the last attempt, if it failed.
    async fn refresh_latest(
        &self,
        db: &Db,
        empty: bool,
        now: OffsetDateTime,
    ) -> Result<Option<String>, sqlx::Error> {
        let Some(client) = &self.client else {
            return Ok(Some(
                "no BNR URL is configured (FACTURO_BNR_URL)".to_owned(),
            ));
        };
        {
            let last = self.last_latest.lock().expect("rates lock");
            if let Some((at, problem)) = last.as_ref()
                && now - *at < self.refresh_every
            {
                return Ok(problem.clone());
            }
        }
        let feed = if empty { Feed::TenDays } else { Feed::Latest };
        let outcome = client.fetch(feed).await;
        let problem = self.keep(db, outcome, now).await?;
        *self.last_latest.lock().expect("rates lock") = Some((now, problem.clone()));
        Ok(problem)
    }

    /// Asks BNR for a year's feed, once per process and year.
    async fn fetch_year(
        &self,
        db: &Db,
        year: i32,
        now: OffsetDateTime,
    ) -> Result<Option<String>, sqlx::Error> {
        let Some(client) = &self.client else {
            return Ok(Some(
                "no BNR URL is configured (FACTURO_BNR_URL)".to_owned(),
            ));
        };
        {
            let mut asked = self.years_asked.lock().expect("rates lock");
            if asked.contains(&year) {
                return Ok(Some(format!(
                    "BNR has no rates of {year} before the cached ones"
                )));
            }
            asked.push(year);
        }
        let outcome = client.fetch(Feed::Year(year)).await;
        let problem = self.keep(db, outcome, now).await;
        if !matches!(problem, Ok(None)) {
            // A failed fetch may be tried again later.
            self.years_asked
                .lock()
                .expect("rates lock")
                .retain(|y| *y != year);
        }
        problem
    }

    /// Stores what a fetch brought; its problem as text otherwise.
    async fn keep(
        &self,
        db: &Db,
        outcome: Result<Vec<DayRates>, BnrError>,
        now: OffsetDateTime,
    ) -> Result<Option<String>, sqlx::Error> {
        match outcome {
            Ok(days) => {
                store_days(db, &days, now).await?;
                Ok(None)
            }
            Err(e) => {
                tracing::warn!(error = %e, "fetching BNR rates failed");
                Ok(Some(e.to_string()))
            }
        }
    }
}

async fn store_days(db: &Db, days: &[DayRates], now: OffsetDateTime) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    exchange_rates::put(&mut tx, days, now).await?;
    tx.commit().await
}

/// Whether `found` (the cache's latest day on or before `date`) is the banking day `date` takes:
/// no banking day is more than [`LONGEST_GAP`] before the next (the cache may hold a later day
/// and an older year with a gap between).
fn covers(found: Option<&DayRates>, date: Date) -> bool {
    found.is_some_and(|f| date - f.date <= LONGEST_GAP)
}

/// The longest run of days without a BNR fixing (holidays around a weekend).
const LONGEST_GAP: time::Duration = time::Duration::days(10);

/// RON per one unit of `currency` in `day` (RON itself is 1).
pub fn per_unit(day: &DayRates, currency: &str) -> Option<Decimal> {
    if currency == "RON" {
        return Some(Decimal::ONE);
    }
    day.rates.get(currency).copied()
}

/// How many units of `to` one unit of `from` buys, through RON.
pub fn cross(day: &DayRates, from: &str, to: &str) -> Option<Decimal> {
    let from = per_unit(day, from)?;
    let to = per_unit(day, to)?;
    from.checked_div(to)
}
