//! VAT-rate operations (api.md §9). Errors are 400 `{"error"}`, as the contract has them for a
//! missing rate or label.

use einvoice::codes::VatCategory;
use rust_decimal::Decimal;
use time::OffsetDateTime;

use crate::api::error::ApiError;
use crate::api::json::Patch;
use crate::events::{Catalog, Change};
use crate::ids::VatRateId;
use crate::store::vat_rates::{self, VatRateRow};
use crate::store::{Db, Dec, Ts, Tx};
use crate::tenancy::CompanyScope;

const NOT_FOUND: ApiError = ApiError::NotFound("VAT rate not found.");

/// The fields a request sets; on an edit, `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct VatRateChanges {
    pub rate: Option<Decimal>,
    pub label: Option<String>,
    pub category_code: Option<String>,
    /// `Some(None)` removes the code.
    pub exemption_code: Patch<String>,
    pub is_default: Option<bool>,
    pub is_active: Option<bool>,
    pub position: Option<i32>,
}

pub async fn create(
    db: &Db,
    scope: &CompanyScope,
    changes: VatRateChanges,
    now: OffsetDateTime,
) -> Result<VatRateRow, ApiError> {
    let Some(rate) = changes.rate else {
        return Err(ApiError::bad_request("rate is required."));
    };
    if changes.label.as_deref().is_none_or(|l| l.trim().is_empty()) {
        return Err(ApiError::bad_request("label is required."));
    }
    let mut tx = db.begin().await?;
    let mut row = VatRateRow {
        id: VatRateId::new(),
        company_id: scope.id(),
        rate: Dec(rate),
        label: String::new(),
        category_code: "S".into(),
        exemption_code: None,
        is_default: false,
        is_active: true,
        position: vat_rates::next_position(&mut tx, scope.id()).await?,
        created_at: Ts(now),
        updated_at: Ts(now),
    };
    apply(&mut row, changes)?;
    vat_rates::insert(&mut tx, &row).await?;
    finish(&mut tx, scope, &row, Change::Created, now).await?;
    tx.commit().await?;
    Ok(row)
}

pub async fn update(
    db: &Db,
    scope: &CompanyScope,
    id: VatRateId,
    changes: VatRateChanges,
    now: OffsetDateTime,
) -> Result<VatRateRow, ApiError> {
    let mut tx = db.begin().await?;
    let mut row = vat_rates::get_in(&mut tx, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    apply(&mut row, changes)?;
    row.updated_at = Ts(now);
    vat_rates::update(&mut tx, &row).await?;
    finish(&mut tx, scope, &row, Change::Updated, now).await?;
    tx.commit().await?;
    Ok(row)
}

/// Deletes a rate. Invoice lines carry their own rate, so nothing refers to it.
pub async fn delete(
    db: &Db,
    scope: &CompanyScope,
    id: VatRateId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    if !vat_rates::delete(&mut tx, scope.id(), id).await? {
        return Err(NOT_FOUND);
    }
    super::record(&mut tx, scope, Catalog::VatRate, Change::Deleted, id.0, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A default rate is the only one; then the event.
async fn finish(
    tx: &mut Tx,
    scope: &CompanyScope,
    row: &VatRateRow,
    change: Change,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    if row.is_default {
        vat_rates::clear_other_defaults(tx, scope.id(), row.id, now).await?;
    }
    super::record(tx, scope, Catalog::VatRate, change, row.id.0, now).await?;
    Ok(())
}

fn apply(r: &mut VatRateRow, ch: VatRateChanges) -> Result<(), ApiError> {
    if let Some(rate) = ch.rate {
        super::rate_in_range(rate).map_err(ApiError::BadRequest)?;
        r.rate = Dec(rate.normalize());
    }
    if let Some(label) = ch.label {
        let label = label.trim();
        if label.is_empty() || label.chars().count() > 100 {
            return Err(ApiError::bad_request(
                "label is required (at most 100 characters).",
            ));
        }
        label.clone_into(&mut r.label);
    }
    if let Some(code) = ch.category_code {
        super::category(&code)
            .map_err(ApiError::BadRequest)?
            .code()
            .clone_into(&mut r.category_code);
    }
    if !ch.exemption_code.is_absent() {
        r.exemption_code = match crate::party::clean(ch.exemption_code.apply(None)) {
            Some(code) => Some(
                einvoice::codes::vatex(&code)
                    .ok_or_else(|| {
                        ApiError::bad_request(format!("'{code}' is not a VATEX exemption code."))
                    })?
                    .code
                    .to_owned(),
            ),
            None => None,
        };
    }
    let category = super::category(&r.category_code).map_err(ApiError::BadRequest)?;
    super::rate_fits(r.rate.0, category).map_err(ApiError::BadRequest)?;
    if r.exemption_code.is_some() && !takes_exemption(category) {
        return Err(ApiError::bad_request(format!(
            "VAT category {category} takes no exemption code (only E, AE, K, G and O do)."
        )));
    }
    if let Some(v) = ch.is_default {
        r.is_default = v;
    }
    if let Some(v) = ch.is_active {
        r.is_active = v;
    }
    if let Some(p) = ch.position {
        if p < 0 {
            return Err(ApiError::bad_request("position cannot be negative."));
        }
        r.position = p;
    }
    Ok(())
}

/// The categories whose documents state an exemption reason (BR-E-10, BR-AE-10, BR-IC-10,
/// BR-G-10, BR-O-10); S, Z, L and M must not have one (BR-S-10, BR-Z-10, BR-IG-10, BR-IP-10).
fn takes_exemption(c: VatCategory) -> bool {
    matches!(
        c,
        VatCategory::E | VatCategory::AE | VatCategory::K | VatCategory::G | VatCategory::O
    )
}
