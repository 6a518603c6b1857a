//! Document series and gapless numbering. A number is taken by incrementing the series row
//! inside the issuing transaction: the row lock (PostgreSQL) or the write lock (SQLite) makes
//! concurrent issues on one series wait for each other, and a rolled-back issue gives its number
//! back, so numbers are distinct and consecutive.

use time::OffsetDateTime;

use super::{Db, StoreError, Ts, Tx, is_unique_violation};
use crate::ids::{CompanyId, SeriesId};
use crate::{on_db, on_tx};

/// The document types a series numbers (api.md §10).
pub const TYPES: &[&str] = &[
    "invoice",
    "proforma",
    "credit_note",
    "delivery_note",
    "receipt",
    "voucher",
];

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SeriesRow {
    pub id: SeriesId,
    pub company_id: CompanyId,
    pub prefix: String,
    #[sqlx(rename = "type")]
    pub kind: String,
    pub current_number: i64,
    pub active: bool,
    pub is_default: bool,
    pub source: String,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// A number as the contract writes it: prefix + at least four digits, no separator
/// (`FCT0042`, api.md §10).
pub fn format_number(prefix: &str, n: i64) -> String {
    format!("{prefix}{n:04}")
}

impl SeriesRow {
    /// The number the next issue will take.
    pub fn next_number(&self) -> String {
        format_number(&self.prefix, self.current_number + 1)
    }
}

/// The active series of a type that numbers a document: the default one, else the oldest.
macro_rules! pick_series {
    () => {
        " WHERE company_id = $1 AND type = $2 AND active = TRUE ORDER BY is_default DESC, created_at, id LIMIT 1"
    };
}

macro_rules! select_series {
    () => {
        "SELECT id, company_id, prefix, type, current_number, active, is_default, source, created_at, updated_at \
         FROM document_series"
    };
}

pub async fn list(db: &Db, company: CompanyId) -> Result<Vec<SeriesRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, SeriesRow>(concat!(select_series!(), " WHERE company_id = $1 ORDER BY type, created_at, id"))
        .bind(company)
        .fetch_all(c)
        .await)
}

pub async fn get(
    db: &Db,
    company: CompanyId,
    id: SeriesId,
) -> Result<Option<SeriesRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, SeriesRow>(concat!(select_series!(), " WHERE company_id = $1 AND id = $2"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub async fn get_in(
    tx: &mut Tx,
    company: CompanyId,
    id: SeriesId,
) -> Result<Option<SeriesRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, SeriesRow>(concat!(select_series!(), " WHERE company_id = $1 AND id = $2"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// The series an issue uses when none is named: the active default of the type, else the oldest
/// active one (api.md §10).
pub async fn pick(
    tx: &mut Tx,
    company: CompanyId,
    kind: &str,
) -> Result<Option<SeriesRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, SeriesRow>(concat!(select_series!(), pick_series!()))
        .bind(company)
        .bind(kind)
        .fetch_optional(c)
        .await)
}

/// The same choice outside a transaction: the series a draft would be numbered from.
pub async fn pick_read(
    db: &Db,
    company: CompanyId,
    kind: &str,
) -> Result<Option<SeriesRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, SeriesRow>(concat!(select_series!(), pick_series!()))
        .bind(company)
        .bind(kind)
        .fetch_optional(c)
        .await)
}

fn duplicate_prefix(e: sqlx::Error) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::Conflict("A document series with this prefix already exists.".into())
    } else {
        e.into()
    }
}

pub async fn insert(tx: &mut Tx, s: &SeriesRow) -> Result<(), StoreError> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO document_series (id, company_id, prefix, type, current_number, active, is_default, source, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(s.id).bind(s.company_id).bind(&s.prefix).bind(&s.kind).bind(s.current_number)
    .bind(s.active).bind(s.is_default).bind(&s.source).bind(s.created_at).bind(s.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate_prefix)?;
    Ok(())
}

pub async fn update(tx: &mut Tx, s: &SeriesRow) -> Result<(), StoreError> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE document_series SET prefix = $3, type = $4, current_number = $5, active = $6, is_default = $7, updated_at = $8 \
         WHERE company_id = $1 AND id = $2",
    )
    .bind(s.company_id).bind(s.id).bind(&s.prefix).bind(&s.kind).bind(s.current_number)
    .bind(s.active).bind(s.is_default).bind(s.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate_prefix)?;
    Ok(())
}

/// Makes `id` the only default series of its type.
pub async fn clear_other_defaults(
    tx: &mut Tx,
    company: CompanyId,
    kind: &str,
    keep: SeriesId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE document_series SET is_default = FALSE, updated_at = $4 \
         WHERE company_id = $1 AND type = $2 AND id <> $3 AND is_default = TRUE",
    )
    .bind(company).bind(kind).bind(keep).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The highest number issued in the series (0 when none): the counter may not go below it.
pub async fn highest_issued(
    tx: &mut Tx,
    company: CompanyId,
    id: SeriesId,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, i64>(
        "SELECT COALESCE(MAX(series_number), 0) FROM invoices WHERE company_id = $1 AND series_id = $2",
    )
    .bind(company).bind(id)
    .fetch_one(c)
    .await)
}

/// Deletes a series no document refers to. `false` when it is in use.
pub async fn delete(tx: &mut Tx, company: CompanyId, id: SeriesId) -> Result<bool, sqlx::Error> {
    let used: i64 = on_tx!(tx, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM invoices WHERE company_id = $1 AND series_id = $2",
    )
    .bind(company).bind(id)
    .fetch_one(c)
    .await)?;
    if used > 0 {
        return Ok(false);
    }
    on_tx!(tx, c => sqlx::query("DELETE FROM document_series WHERE company_id = $1 AND id = $2")
        .bind(company).bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(true)
}

/// Takes the next number of the series: increments the counter and returns the new value with
/// the formatted number. Must run in the issuing transaction (see the module docs).
pub async fn take_next(
    tx: &mut Tx,
    company: CompanyId,
    id: SeriesId,
    now: OffsetDateTime,
) -> Result<(i64, String), sqlx::Error> {
    let (n, prefix): (i64, String) = on_tx!(tx, c => sqlx::query_as(
        "UPDATE document_series SET current_number = current_number + 1, updated_at = $3 \
         WHERE company_id = $1 AND id = $2 RETURNING current_number, prefix",
    )
    .bind(company).bind(id).bind(Ts(now))
    .fetch_one(c)
    .await)?;
    Ok((n, format_number(&prefix, n)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_pad_to_four_digits_without_separator() {
        assert_eq!(super::format_number("FCT", 42), "FCT0042");
        assert_eq!(super::format_number("FCT", 12345), "FCT12345");
    }
}
