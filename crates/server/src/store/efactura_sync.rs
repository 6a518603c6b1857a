//! Where each company's e-Factura sync stands (migration 0007), per ANAF environment: the
//! listing watermark, the lock of the pass that runs, the last manual trigger and the last pass.

use serde_json::Value;
use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{CompanyId, OrgId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SyncState {
    pub company_id: CompanyId,
    pub environment: String,
    pub listed_until: Option<Ts>,
    pub backfill_from: Option<Ts>,
    pub lock_owner: Option<String>,
    pub lock_until: Option<Ts>,
    pub triggered_at: Option<Ts>,
    pub last_started_at: Option<Ts>,
    pub last_finished_at: Option<Ts>,
    pub last_status: Option<String>,
    pub last_error: Option<String>,
    pub last_stats: Option<Json<Value>>,
    pub updated_at: Ts,
}

impl SyncState {
    /// Whether a pass holds the company's box at `now`.
    pub fn is_running(&self, now: OffsetDateTime) -> bool {
        self.lock_owner.is_some() && self.lock_until.is_some_and(|t| t.0 > now)
    }
}

pub async fn get(
    db: &Db,
    company: CompanyId,
    environment: &str,
) -> Result<Option<SyncState>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, SyncState>(
        "SELECT company_id, environment, listed_until, backfill_from, lock_owner, lock_until, triggered_at, \
         last_started_at, last_finished_at, last_status, last_error, last_stats, updated_at \
         FROM efactura_sync WHERE company_id = $1 AND environment = $2",
    )
    .bind(company).bind(environment)
    .fetch_optional(c)
    .await)
}

/// Creates the company's row unless it exists.
pub async fn ensure(
    tx: &mut Tx,
    company: CompanyId,
    environment: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO efactura_sync (company_id, environment, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (company_id, environment) DO NOTHING",
    )
    .bind(company).bind(environment).bind(Ts(now))
    .execute(c)
    .await
    .map(|_| ()))
}

/// Takes the company's box for the pass `owner` until `until`, unless another pass holds it;
/// the pass counts as started. True when taken.
pub async fn lock(
    db: &Db,
    company: CompanyId,
    environment: &str,
    owner: &str,
    until: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    ensure(&mut tx, company, environment, now).await?;
    let n = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE efactura_sync SET lock_owner = $3, lock_until = $4, last_started_at = $5, updated_at = $5 \
         WHERE company_id = $1 AND environment = $2 \
         AND (lock_owner IS NULL OR lock_until IS NULL OR lock_until < $5 OR lock_owner = $3)",
    )
    .bind(company).bind(environment).bind(owner).bind(Ts(until)).bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n == 1)
}

/// Extends the lock of `owner`; false when it lost it (it expired and another pass took it).
pub async fn renew(
    db: &Db,
    company: CompanyId,
    environment: &str,
    owner: &str,
    until: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let n = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE efactura_sync SET lock_until = $4 WHERE company_id = $1 AND environment = $2 AND lock_owner = $3",
    )
    .bind(company).bind(environment).bind(owner).bind(Ts(until))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n == 1)
}

/// Every message created before `until` is recorded: the watermark moves there (never back)
/// and a pending backfill is done.
pub async fn listed(
    db: &Db,
    company: CompanyId,
    environment: &str,
    owner: &str,
    until: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let n = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE efactura_sync SET listed_until = CASE WHEN listed_until IS NULL OR listed_until < $4 \
           THEN $4 ELSE listed_until END, backfill_from = NULL, updated_at = $5 \
         WHERE company_id = $1 AND environment = $2 AND lock_owner = $3",
    )
    .bind(company).bind(environment).bind(owner).bind(Ts(until)).bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n == 1)
}

/// How a pass ended.
#[derive(Debug, Clone)]
pub struct Finished<'a> {
    /// `completed`, `failed`, or `interrupted` (ANAF pushed back; the rest follows).
    pub status: &'a str,
    pub error: Option<&'a str>,
    pub stats: &'a Value,
}

/// Records the end of the pass `owner` and frees the box.
pub async fn finish(
    tx: &mut Tx,
    company: CompanyId,
    environment: &str,
    owner: &str,
    f: &Finished<'_>,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE efactura_sync SET lock_owner = NULL, lock_until = NULL, last_finished_at = $4, \
         last_status = $5, last_error = $6, last_stats = $7, updated_at = $4 \
         WHERE company_id = $1 AND environment = $2 AND lock_owner = $3",
    )
    .bind(company).bind(environment).bind(owner).bind(Ts(now)).bind(f.status).bind(f.error)
    .bind(Json(f.stats))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Records a manual trigger unless the last one was after `not_after`; true when recorded.
pub async fn trigger(
    tx: &mut Tx,
    company: CompanyId,
    environment: &str,
    not_after: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    ensure(tx, company, environment, now).await?;
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE efactura_sync SET triggered_at = $3, updated_at = $3 \
         WHERE company_id = $1 AND environment = $2 AND (triggered_at IS NULL OR triggered_at <= $4)",
    )
    .bind(company).bind(environment).bind(Ts(now)).bind(Ts(not_after))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Has the next pass list from `from` at the latest (a manual trigger's `days`).
pub async fn backfill(
    tx: &mut Tx,
    company: CompanyId,
    environment: &str,
    from: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    ensure(tx, company, environment, now).await?;
    on_tx!(tx, c => sqlx::query(
        "UPDATE efactura_sync SET backfill_from = $3, updated_at = $4 \
         WHERE company_id = $1 AND environment = $2 AND (backfill_from IS NULL OR backfill_from > $3)",
    )
    .bind(company).bind(environment).bind(Ts(from)).bind(Ts(now))
    .execute(c)
    .await
    .map(|_| ()))
}

/// Up to `limit` live companies with `syncEnabled` whose last pass started before `before` (or
/// that never had one).
pub async fn due(
    db: &Db,
    environment: &str,
    before: OffsetDateTime,
    limit: i64,
) -> Result<Vec<CompanyId>, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar::<_, CompanyId>(
        "SELECT c.id FROM companies c LEFT JOIN efactura_sync s ON s.company_id = c.id AND s.environment = $1 \
         WHERE c.sync_enabled AND c.deleted_at IS NULL AND (s.last_started_at IS NULL OR s.last_started_at <= $2) \
         ORDER BY s.last_started_at, c.id LIMIT $3",
    )
    .bind(environment).bind(Ts(before)).bind(limit)
    .fetch_all(c)
    .await)
}

/// A company whose sync is overdue.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Overdue {
    pub id: CompanyId,
    pub organization_id: OrgId,
    pub last_synced_at: Option<Ts>,
}

/// Up to `limit` live companies with `syncEnabled` whose last successful pass (or, never
/// synced, their creation) is before `before`, and that were not announced `sync.overdue`
/// since that pass: one alert per overdue stretch.
pub async fn overdue(
    db: &Db,
    before: OffsetDateTime,
    limit: i64,
) -> Result<Vec<Overdue>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, Overdue>(
        "SELECT c.id, c.organization_id, c.last_synced_at FROM companies c \
         WHERE c.sync_enabled AND c.deleted_at IS NULL AND COALESCE(c.last_synced_at, c.created_at) < $1 \
         AND NOT EXISTS (SELECT 1 FROM events e WHERE e.subject_id = c.id AND e.type = 'sync.overdue' \
           AND e.created_at >= COALESCE(c.last_synced_at, c.created_at)) \
         ORDER BY c.id LIMIT $2",
    )
    .bind(Ts(before)).bind(limit)
    .fetch_all(c)
    .await)
}
