//! This installation's fingerprint in the database: one row (see `vault::instance`).

use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{InstanceId, UserId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceRow {
    pub instance_id: InstanceId,
    pub created_at: OffsetDateTime,
    pub adopted_at: Option<OffsetDateTime>,
    pub adopted_by: Option<UserId>,
}

#[derive(sqlx::FromRow)]
struct Row {
    instance_id: InstanceId,
    created_at: Ts,
    adopted_at: Option<Ts>,
    adopted_by: Option<UserId>,
}

pub async fn get(db: &Db) -> Result<Option<InstanceRow>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(
        "SELECT instance_id, created_at, adopted_at, adopted_by FROM instance WHERE id = 1")
        .fetch_optional(c)
        .await)?;
    Ok(row.map(|r| InstanceRow {
        instance_id: r.instance_id,
        created_at: r.created_at.0,
        adopted_at: r.adopted_at.map(|t| t.0),
        adopted_by: r.adopted_by,
    }))
}

/// Records `id` as the database's installation unless one is recorded already.
pub async fn insert_if_missing(
    tx: &mut Tx,
    id: InstanceId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "INSERT INTO instance (id, instance_id, created_at) VALUES (1, $1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Makes `id` the database's installation.
pub async fn adopt(
    tx: &mut Tx,
    id: InstanceId,
    by: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE instance SET instance_id = $1, adopted_at = $2, adopted_by = $3 WHERE id = 1",
    )
    .bind(id)
    .bind(Ts(now))
    .bind(by)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}
