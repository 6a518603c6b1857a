//! Calls spent against ANAF's daily quotas (migration 0006), shared by every server process on
//! one database: a call is made only after its unit was taken here.

use time::Date;

use super::{Db, Tx};
use crate::on_tx;

/// Takes one call of `bucket` for `subject` on `day` if fewer than `limit` were taken; true
/// when taken. One statement: concurrent takers never exceed the limit.
pub async fn take(
    tx: &mut Tx,
    environment: &str,
    bucket: &str,
    subject: &str,
    day: Date,
    limit: u32,
) -> Result<bool, sqlx::Error> {
    let day = day.to_string();
    let taken = on_tx!(tx, c => sqlx::query_scalar::<_, i32>(
        "INSERT INTO anaf_quota_usage (environment, bucket, subject, day, used) VALUES ($1, $2, $3, $4, 1) \
         ON CONFLICT (environment, bucket, subject, day) DO UPDATE SET used = anaf_quota_usage.used + 1 \
         WHERE anaf_quota_usage.used < $5 RETURNING used",
    )
    .bind(environment).bind(bucket).bind(subject).bind(&day).bind(i64::from(limit))
    .fetch_optional(c)
    .await)?;
    Ok(taken.is_some_and(|used| u32::try_from(used).is_ok_and(|u| u <= limit)))
}

/// Forgets the days before `day`.
pub async fn forget_before(db: &Db, day: Date) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let n = on_tx!(&mut tx, c => sqlx::query("DELETE FROM anaf_quota_usage WHERE day < $1")
        .bind(day.to_string())
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n)
}
