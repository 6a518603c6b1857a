//! The outbox's reading side: events not yet published, claimed in batches. On PostgreSQL a
//! claim skips rows another process holds (`FOR UPDATE SKIP LOCKED`), so several processes
//! publish without taking an event twice; SQLite's write transaction is exclusive already.

use sqlx::types::Json;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{Db, Ts, Tx};
use crate::ids::{CompanyId, EventId, OrgId};
use crate::{on_db, on_tx};

/// An event as the outbox holds it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxEvent {
    pub id: EventId,
    pub organization_id: OrgId,
    pub company_id: Option<CompanyId>,
    #[sqlx(rename = "type")]
    pub kind: String,
    pub subject_id: Option<Uuid>,
    pub payload: Json<serde_json::Value>,
    pub created_at: Ts,
}

/// Whether any event waits to be published: a read, so an idle relay never takes SQLite's
/// write lock.
pub async fn any_unpublished(db: &Db) -> Result<bool, sqlx::Error> {
    let found: Option<i32> = on_db!(db, c => sqlx::query_scalar(
        "SELECT 1 FROM events WHERE published_at IS NULL LIMIT 1",
    )
    .fetch_optional(c)
    .await)?;
    Ok(found.is_some())
}

/// Up to `limit` unpublished events, oldest first, locked for this transaction.
pub async fn claim(tx: &mut Tx, limit: i64) -> Result<Vec<OutboxEvent>, sqlx::Error> {
    macro_rules! sql {
        ($lock:literal) => {
            concat!(
                "SELECT id, organization_id, company_id, type, subject_id, payload, created_at FROM events \
                 WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1",
                $lock
            )
        };
    }
    match tx {
        Tx::Sqlite(t) => {
            sqlx::query_as(sql!(""))
                .bind(limit)
                .fetch_all(&mut **t)
                .await
        }
        Tx::Postgres(t) => {
            sqlx::query_as(sql!(" FOR UPDATE SKIP LOCKED"))
                .bind(limit)
                .fetch_all(&mut **t)
                .await
        }
    }
}

pub async fn mark_published(
    tx: &mut Tx,
    id: EventId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE events SET published_at = $2 WHERE id = $1")
        .bind(id)
        .bind(Ts(now))
        .execute(c)
        .await.map(|_| ()))
}
