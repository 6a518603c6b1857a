//! The limits shared by every server process on one PostgreSQL database: a bucket is one row
//! updated by one atomic upsert; a window's hits are rows counted under a transaction-scoped
//! advisory lock on the (window, key), so two processes never both take the last place.

use std::sync::atomic::{AtomicI64, Ordering};

use sqlx::PgPool;

use super::{Bucket, Verdict, Window, bucket_verdict, window_verdict};

/// How often a process clears full buckets and old hits out of the tables (µs).
const SWEEP_EVERY_US: i64 = 5 * 60 * 1_000_000;
/// Hits older than this are no window's any more (the longest window is an hour).
const HITS_KEPT_US: i64 = 2 * 60 * 60 * 1_000_000;

#[derive(Debug)]
pub struct Store {
    pool: PgPool,
    last_sweep: AtomicI64,
}

impl Store {
    pub fn new(pool: PgPool) -> Store {
        Store {
            pool,
            last_sweep: AtomicI64::new(0),
        }
    }

    pub async fn take(
        &self,
        name: &'static str,
        bucket: Bucket,
        key: &str,
        now: i64,
    ) -> Result<Verdict, sqlx::Error> {
        self.sweep_now_and_then(now);
        let taken: Option<i64> = sqlx::query_scalar(
            "INSERT INTO rate_limit_buckets (name, key, tat) VALUES ($1, $2, $3 + $4) \
             ON CONFLICT (name, key) DO UPDATE SET tat = GREATEST(rate_limit_buckets.tat, $3) + $4 \
             WHERE GREATEST(rate_limit_buckets.tat, $3) + $4 - $3 <= $5 \
             RETURNING tat",
        )
        .bind(name)
        .bind(key)
        .bind(now)
        .bind(bucket.interval_us())
        .bind(bucket.span_us())
        .fetch_optional(&self.pool)
        .await?;
        if let Some(tat) = taken {
            return Ok(bucket_verdict(bucket, tat, now, true));
        }
        let tat: Option<i64> =
            sqlx::query_scalar("SELECT tat FROM rate_limit_buckets WHERE name = $1 AND key = $2")
                .bind(name)
                .bind(key)
                .fetch_optional(&self.pool)
                .await?;
        Ok(bucket_verdict(bucket, tat.unwrap_or(now), now, false))
    }

    pub async fn hit(&self, window: Window, key: &str, now: i64) -> Result<Verdict, sqlx::Error> {
        let (limit, span) = window.policy();
        let since = now - i64::try_from(span.whole_microseconds()).unwrap_or(i64::MAX);
        let name = window.as_str();
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1 || '/' || $2, 7))")
            .bind(name)
            .bind(key)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM rate_limit_hits WHERE name = $1 AND key = $2 AND at <= $3")
            .bind(name)
            .bind(key)
            .bind(since)
            .execute(&mut *tx)
            .await?;
        let mut hits: Vec<i64> = sqlx::query_scalar(
            "SELECT at FROM rate_limit_hits WHERE name = $1 AND key = $2 ORDER BY at",
        )
        .bind(name)
        .bind(key)
        .fetch_all(&mut *tx)
        .await?;
        let allowed = hits.len() < usize::try_from(limit).unwrap_or(usize::MAX);
        if allowed {
            sqlx::query("INSERT INTO rate_limit_hits (name, key, at) VALUES ($1, $2, $3)")
                .bind(name)
                .bind(key)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            hits.push(now);
        }
        tx.commit().await?;
        Ok(window_verdict(window, &hits, now, allowed))
    }

    /// Every few minutes, in the background: forgets full buckets (a missing row is a full
    /// bucket) and hits no window holds any more.
    fn sweep_now_and_then(&self, now: i64) {
        let last = self.last_sweep.load(Ordering::Relaxed);
        if now - last < SWEEP_EVERY_US
            || self
                .last_sweep
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return;
        }
        let pool = self.pool.clone();
        tokio::spawn(async move {
            let swept = async {
                sqlx::query("DELETE FROM rate_limit_buckets WHERE tat < $1")
                    .bind(now)
                    .execute(&pool)
                    .await?;
                sqlx::query("DELETE FROM rate_limit_hits WHERE at < $1")
                    .bind(now - HITS_KEPT_US)
                    .execute(&pool)
                    .await
            };
            if let Err(e) = swept.await {
                tracing::warn!(error = %e, "sweeping the rate-limit tables");
            }
        });
    }
}
