//! Document-series operations (api.md §10). A series' counter never goes below the highest
//! number already issued in it, so no number can be handed out twice.

use time::OffsetDateTime;

use crate::api::error::ApiError;
use crate::events::{Catalog, Change};
use crate::ids::SeriesId;
use crate::store::series::{self, SeriesRow, TYPES};
use crate::store::{Db, Ts, Tx};
use crate::tenancy::CompanyScope;

const NOT_FOUND: ApiError = ApiError::NotFound("Document series not found.");
/// The largest counter a series takes: nine digits.
pub const MAX_NUMBER: i64 = 999_999_999;
/// The longest prefix.
pub const MAX_PREFIX: usize = 10;

/// The fields a request sets; on an edit, `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct SeriesChanges {
    pub prefix: Option<String>,
    pub kind: Option<String>,
    pub current_number: Option<i64>,
    pub active: Option<bool>,
    pub is_default: Option<bool>,
}

pub async fn create(
    db: &Db,
    scope: &CompanyScope,
    changes: SeriesChanges,
    now: OffsetDateTime,
) -> Result<SeriesRow, ApiError> {
    if changes
        .prefix
        .as_deref()
        .is_none_or(|p| p.trim().is_empty())
    {
        return Err(ApiError::bad_request("prefix is required."));
    }
    let mut row = SeriesRow {
        id: SeriesId::new(),
        company_id: scope.id(),
        prefix: String::new(),
        kind: "invoice".into(),
        current_number: 0,
        active: true,
        is_default: false,
        source: "manual".into(),
        created_at: Ts(now),
        updated_at: Ts(now),
    };
    apply(&mut row, changes)?;
    let mut tx = db.begin().await?;
    series::insert(&mut tx, &row).await?;
    finish(&mut tx, scope, &row, Change::Created, now).await?;
    tx.commit().await?;
    Ok(row)
}

/// Edits a series. Once a number is issued, the counter stays at or above it and the prefix and
/// type are fixed (a series' numbers must stay one unbroken sequence).
pub async fn update(
    db: &Db,
    scope: &CompanyScope,
    id: SeriesId,
    changes: SeriesChanges,
    now: OffsetDateTime,
) -> Result<SeriesRow, ApiError> {
    let mut tx = db.begin().await?;
    let mut row = series::get_in(&mut tx, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    let before = row.clone();
    apply(&mut row, changes)?;
    let highest = series::highest_issued(&mut tx, scope.id(), id).await?;
    if row.current_number < highest {
        return Err(ApiError::conflict(format!(
            "currentNumber cannot go below {highest}: {} is already issued, and numbers must not repeat.",
            series::format_number(&before.prefix, highest)
        )));
    }
    if highest > 0 && (row.prefix != before.prefix || row.kind != before.kind) {
        return Err(ApiError::conflict(format!(
            "Numbers up to {} are issued in this series: its prefix and type cannot change.",
            series::format_number(&before.prefix, highest)
        )));
    }
    row.updated_at = Ts(now);
    series::update(&mut tx, &row).await?;
    finish(&mut tx, scope, &row, Change::Updated, now).await?;
    tx.commit().await?;
    Ok(row)
}

/// Makes a series the default of its type.
pub async fn set_default(
    db: &Db,
    scope: &CompanyScope,
    id: SeriesId,
    now: OffsetDateTime,
) -> Result<SeriesRow, ApiError> {
    let changes = SeriesChanges {
        is_default: Some(true),
        ..SeriesChanges::default()
    };
    update(db, scope, id, changes, now).await
}

/// Deletes a series no invoice uses (409 otherwise).
pub async fn delete(
    db: &Db,
    scope: &CompanyScope,
    id: SeriesId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    series::get_in(&mut tx, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    if !series::delete(&mut tx, scope.id(), id).await? {
        return Err(ApiError::conflict(
            "Invoices use this document series: it cannot be deleted (deactivate it instead).",
        ));
    }
    super::record(&mut tx, scope, Catalog::Series, Change::Deleted, id.0, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A default series is the only default of its type; then the event.
async fn finish(
    tx: &mut Tx,
    scope: &CompanyScope,
    row: &SeriesRow,
    change: Change,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    if row.is_default {
        series::clear_other_defaults(tx, scope.id(), &row.kind, row.id, now).await?;
    }
    super::record(tx, scope, Catalog::Series, change, row.id.0, now).await?;
    Ok(())
}

fn apply(s: &mut SeriesRow, ch: SeriesChanges) -> Result<(), ApiError> {
    if let Some(prefix) = ch.prefix {
        s.prefix = prefix_of(&prefix).map_err(ApiError::BadRequest)?;
    }
    if let Some(kind) = ch.kind {
        let kind = kind.trim();
        if !TYPES.contains(&kind) {
            return Err(ApiError::bad_request(format!(
                "type is one of {}, not '{kind}'.",
                TYPES.join(", ")
            )));
        }
        kind.clone_into(&mut s.kind);
    }
    if let Some(n) = ch.current_number {
        if !(0..=MAX_NUMBER).contains(&n) {
            return Err(ApiError::bad_request(format!(
                "currentNumber is between 0 and {MAX_NUMBER}."
            )));
        }
        s.current_number = n;
    }
    if let Some(v) = ch.active {
        s.active = v;
    }
    if let Some(v) = ch.is_default {
        s.is_default = v;
    }
    Ok(())
}

/// A prefix as typed, trimmed: 1 to 10 ASCII letters, digits, `-` or `_`. Case is kept; the
/// number is the prefix followed by the counter (`FCT0042`), so the prefix is what an invoice
/// number (BT-1) and file names will carry.
fn prefix_of(text: &str) -> Result<String, String> {
    let p = text.trim();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_');
    if p.is_empty() || p.chars().count() > MAX_PREFIX || !p.chars().all(allowed) {
        return Err(format!(
            "'{p}' is not a series prefix (1 to {MAX_PREFIX} letters, digits, - or _)."
        ));
    }
    Ok(p.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_short_and_plain() {
        assert_eq!(prefix_of(" FCT "), Ok("FCT".into()));
        assert_eq!(prefix_of("AB-2026_x"), Ok("AB-2026_x".into()));
        assert!(prefix_of("").is_err());
        assert!(prefix_of("FACTURI2026X").is_err());
        assert!(prefix_of("FCȚ").is_err());
        assert!(prefix_of("F/1").is_err());
    }
}
