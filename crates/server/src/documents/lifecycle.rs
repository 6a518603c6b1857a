//! Cancel, restore and delete (api.md §12.5).

use time::OffsetDateTime;

use super::save::facts;
use crate::api::error::ApiError;
use crate::events::{self, DomainEvent};
use crate::ids::InvoiceId;
use crate::state::AppState;
use crate::store::invoices::{self, InvoiceRecord};
use crate::tenancy::CompanyScope;

/// The invoice of the scope's company, locked for this transaction (404 when absent).
pub(super) async fn load(
    tx: &mut crate::store::Tx,
    scope: &CompanyScope,
    id: InvoiceId,
) -> Result<InvoiceRecord, ApiError> {
    invoices::get_for_update(tx, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))
}

/// Cancels a draft or an issued invoice that was never sent to ANAF. An issued invoice keeps
/// its number (no gap in the series).
pub async fn cancel(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    reason: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    let mut inv = load(&mut tx, scope, id).await?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if !invoices::set_status(
        &mut tx,
        scope.id(),
        id,
        &["draft", "issued"],
        "cancelled",
        Some((now, reason)),
        now,
    )
    .await?
    {
        return Err(ApiError::unprocessable(format!(
            "This invoice cannot be cancelled: it is {}.",
            inv.status
        )));
    }
    inv.status = "cancelled".into();
    events::record(
        &mut tx,
        scope.origin(),
        &DomainEvent::InvoiceCancelled(facts(&inv)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Turns a cancelled invoice back into a draft.
pub async fn restore(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    let mut inv = load(&mut tx, scope, id).await?;
    if !invoices::set_status(&mut tx, scope.id(), id, &["cancelled"], "draft", None, now).await? {
        return Err(ApiError::unprocessable(
            "Only a cancelled invoice can be restored.",
        ));
    }
    inv.status = "draft".into();
    events::record(
        &mut tx,
        scope.origin(),
        &DomainEvent::InvoiceRestored(facts(&inv)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a draft or a cancelled invoice (soft: the row and its number stay).
pub async fn delete(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    let inv = load(&mut tx, scope, id).await?;
    if !invoices::soft_delete(&mut tx, scope.id(), id, now).await? {
        return Err(ApiError::unprocessable(format!(
            "Only a draft or cancelled invoice can be deleted; this one is {}.",
            inv.status
        )));
    }
    events::record(
        &mut tx,
        scope.origin(),
        &DomainEvent::InvoiceDeleted(facts(&inv)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
