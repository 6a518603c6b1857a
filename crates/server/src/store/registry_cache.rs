//! The cache of ANAF company-registry answers (public data, shared by all tenants). A row with a
//! null record remembers that the CIF was not found.

use anaf::registry::CompanyRecord;
use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::{on_db, on_tx};

/// A cached answer and when it was fetched.
#[derive(Debug, Clone)]
pub struct Cached {
    pub record: Option<CompanyRecord>,
    pub fetched_at: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct Row {
    record: Option<Json<CompanyRecord>>,
    fetched_at: Ts,
}

pub async fn get(db: &Db, cif: u64) -> Result<Option<Cached>, sqlx::Error> {
    let cif = i64::try_from(cif).unwrap_or(i64::MAX);
    let row = on_db!(db, c => sqlx::query_as::<_, Row>("SELECT record, fetched_at FROM registry_cache WHERE cif = $1")
        .bind(cif)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(|r| Cached {
        record: r.record.map(|j| j.0),
        fetched_at: r.fetched_at.0,
    }))
}

pub async fn put(
    tx: &mut Tx,
    cif: u64,
    record: Option<&CompanyRecord>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let cif = i64::try_from(cif).unwrap_or(i64::MAX);
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO registry_cache (cif, record, fetched_at) VALUES ($1, $2, $3) \
         ON CONFLICT (cif) DO UPDATE SET record = excluded.record, fetched_at = excluded.fetched_at",
    )
    .bind(cif)
    .bind(record.map(Json))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}
