//! ANAF's daily quotas, spent through the database so every server process on it shares them
//! (lessons.md #14, #19). A call is made only after its unit was taken; a refused take waits for
//! the next Romanian day instead of calling and being refused.

use anaf::efactura::{Environment, romania_to_offset};
use time::{Date, OffsetDateTime, Time};

use super::env_name;
use crate::documents::calendar::bucharest_today;
use crate::state::AppState;
use crate::store::anaf_quota;

/// What a call is spent against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// `stareMesaj`, per upload index.
    StatusPerIndex,
    /// `stareMesaj`, per CIF: Facturo's fair share between companies.
    StatusPerCif,
    /// `descarcare`, per message.
    Download,
    /// `listaMesajePaginatieFactura`, per CIF.
    Page,
}

impl Bucket {
    fn name(self) -> &'static str {
        match self {
            Bucket::StatusPerIndex => "status",
            Bucket::StatusPerCif => "status_cif",
            Bucket::Download => "download",
            Bucket::Page => "page",
        }
    }

    fn limit(self, state: &AppState) -> u32 {
        let p = &state.anaf.policy;
        match self {
            Bucket::StatusPerIndex => p.status_per_index,
            Bucket::StatusPerCif => p.status_per_cif,
            Bucket::Download => p.downloads_per_message,
            Bucket::Page => p.pages_per_cif,
        }
    }
}

/// Takes one call of every `(bucket, subject)` for today, or none of them; true when taken.
pub async fn take(
    state: &AppState,
    environment: Environment,
    calls: &[(Bucket, &str)],
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let day = bucharest_today(now);
    let mut tx = state.db.begin().await?;
    for (bucket, subject) in calls {
        let limit = bucket.limit(state);
        if !anaf_quota::take(
            &mut tx,
            env_name(environment),
            bucket.name(),
            subject,
            day,
            limit,
        )
        .await?
        {
            // Dropping the transaction gives back what was taken before.
            drop(tx);
            return Ok(false);
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// The start of the next Romanian day, when quotas are whole again.
pub fn next_day(now: OffsetDateTime) -> OffsetDateTime {
    let tomorrow: Date = bucharest_today(now).next_day().unwrap_or(Date::MAX);
    romania_to_offset(tomorrow.with_time(Time::MIDNIGHT))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_quota_day_turns_at_romanian_midnight() {
        // 21:30 UTC in winter is 23:30 in Bucharest: the day turns at 22:00 UTC.
        assert_eq!(
            next_day(datetime!(2026-12-03 21:30 UTC)),
            datetime!(2026-12-03 22:00 UTC)
        );
        // 22:30 UTC is already the 4th in Bucharest.
        assert_eq!(
            next_day(datetime!(2026-12-03 22:30 UTC)),
            datetime!(2026-12-04 22:00 UTC)
        );
        // Summer time: midnight is 21:00 UTC.
        assert_eq!(
            next_day(datetime!(2026-07-01 12:00 UTC)),
            datetime!(2026-07-01 21:00 UTC)
        );
    }
}
