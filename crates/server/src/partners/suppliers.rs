//! Supplier operations (api.md §7): create, edit, soft delete, bulk delete. Suppliers are
//! mostly created by the ANAF sync from incoming invoices, so nothing here asks the registry.

use time::OffsetDateTime;

use super::{AddressFields, BulkDeleted, FieldError, Given, TaxFields};
use crate::api::error::ApiError;
use crate::api::json::Patch;
use crate::events::{self, Catalog, Change, DomainEvent};
use crate::ids::{CompanyId, SupplierId};
use crate::state::AppState;
use crate::store::suppliers::{self, SupplierRow};
use crate::store::{StoreError, Ts, Tx};
use crate::tenancy::CompanyScope;

/// Fields a request may set (api.md §7); absent fields stay as they are,
/// `null` clears one.
#[derive(Debug, Clone, Default)]
pub struct SupplierChanges {
    pub name: Option<String>,
    /// As typed: `RO18547290`, `18547290`, `IT01484170514`.
    pub cif: Patch<String>,
    pub vat_code: Patch<String>,
    pub is_vat_payer: Option<bool>,
    pub registration_number: Patch<String>,
    pub address: Patch<String>,
    pub city: Patch<String>,
    pub county: Patch<String>,
    pub country: Option<String>,
    pub postal_code: Patch<String>,
    pub email: Patch<String>,
    pub phone: Patch<String>,
    pub bank_name: Patch<String>,
    pub bank_account: Patch<String>,
    pub notes: Patch<String>,
}

/// What a create did: a new supplier, or the live one that has this CIF already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    New(Box<SupplierRow>),
    Existing(Box<SupplierRow>),
}

pub async fn create(
    state: &AppState,
    scope: &CompanyScope,
    changes: SupplierChanges,
    now: OffsetDateTime,
) -> Result<Created, ApiError> {
    let mut supplier = blank(scope.id(), now);
    let mut errors = Vec::new();
    assign(&mut supplier, changes, &mut errors);
    if let Some(cif) = supplier.cif.as_deref().filter(|_| errors.is_empty())
        && let Some(existing) = suppliers::find_by_cif(&state.db, scope.id(), cif).await?
    {
        return Ok(Created::Existing(Box::new(existing)));
    }
    check(&mut supplier, &mut errors);
    super::fields_ok(errors)?;
    let mut tx = state.db.begin().await?;
    match suppliers::insert(&mut tx, &supplier).await {
        Err(StoreError::Conflict(_)) => {
            drop(tx);
            let cif = supplier.cif.as_deref().unwrap_or_default();
            let existing = suppliers::find_by_cif(&state.db, scope.id(), cif)
                .await?
                .ok_or_else(|| ApiError::conflict("A supplier with this CIF already exists."))?;
            return Ok(Created::Existing(Box::new(existing)));
        }
        other => other?,
    }
    record(&mut tx, scope, supplier.id, Change::Created, now).await?;
    tx.commit().await?;
    Ok(Created::New(Box::new(supplier)))
}

pub async fn update(
    state: &AppState,
    scope: &CompanyScope,
    mut supplier: SupplierRow,
    changes: SupplierChanges,
    now: OffsetDateTime,
) -> Result<SupplierRow, ApiError> {
    let mut errors = Vec::new();
    assign(&mut supplier, changes, &mut errors);
    check(&mut supplier, &mut errors);
    super::fields_ok(errors)?;
    supplier.updated_at = Ts(now);
    let mut tx = state.db.begin().await?;
    suppliers::update(&mut tx, &supplier)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                ApiError::field("cif", "Another supplier of this company has this CIF.")
            }
            other => other.into(),
        })?;
    record(&mut tx, scope, supplier.id, Change::Updated, now).await?;
    tx.commit().await?;
    Ok(supplier)
}

/// Soft-deletes a supplier; `false` when the company has no such live supplier.
pub async fn delete(
    state: &AppState,
    scope: &CompanyScope,
    id: SupplierId,
    now: OffsetDateTime,
) -> Result<bool, ApiError> {
    let mut tx = state.db.begin().await?;
    let deleted = delete_in(&mut tx, scope, id, now).await?;
    tx.commit().await?;
    Ok(deleted)
}

/// Soft-deletes each supplier of the list that the company has; the others are reported.
pub async fn bulk_delete(
    state: &AppState,
    scope: &CompanyScope,
    ids: Vec<String>,
    now: OffsetDateTime,
) -> Result<BulkDeleted, ApiError> {
    super::check_bulk(&ids)?;
    let mut outcome = BulkDeleted::default();
    let mut tx = state.db.begin().await?;
    for text in ids {
        match text.parse::<SupplierId>() {
            Ok(id) if delete_in(&mut tx, scope, id, now).await? => outcome.deleted += 1,
            _ => outcome.errors.push((text, "Supplier not found.")),
        }
    }
    tx.commit().await?;
    Ok(outcome)
}

async fn delete_in(
    tx: &mut Tx,
    scope: &CompanyScope,
    id: SupplierId,
    now: OffsetDateTime,
) -> Result<bool, ApiError> {
    if !suppliers::soft_delete(tx, scope.id(), id, now).await? {
        return Ok(false);
    }
    record(tx, scope, id, Change::Deleted, now).await?;
    Ok(true)
}

async fn record(
    tx: &mut Tx,
    scope: &CompanyScope,
    id: SupplierId,
    change: Change,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let event = DomainEvent::CatalogChanged {
        what: Catalog::Supplier,
        change,
        id: id.0,
    };
    events::record(tx, scope.origin(), &event, now).await?;
    Ok(())
}

fn blank(company: CompanyId, now: OffsetDateTime) -> SupplierRow {
    SupplierRow {
        id: SupplierId::new(),
        company_id: company,
        name: String::new(),
        cif: None,
        vat_code: None,
        is_vat_payer: false,
        registration_number: None,
        address: None,
        city: None,
        county: None,
        country: "RO".into(),
        postal_code: None,
        email: None,
        phone: None,
        bank_name: None,
        bank_account: None,
        notes: None,
        source: "manual".into(),
        last_synced_at: None,
        deleted_at: None,
        created_at: Ts(now),
        updated_at: Ts(now),
    }
}

/// Sets what the request gave; the CIF fills country and VAT fields it left out.
fn assign(s: &mut SupplierRow, ch: SupplierChanges, errors: &mut Vec<FieldError>) {
    let given = Given {
        country: ch.country.is_some(),
        vat_payer: ch.is_vat_payer.is_some(),
        vat_code: !ch.vat_code.is_absent(),
    };
    super::set(&mut s.name, ch.name);
    super::set(
        &mut s.country,
        ch.country.map(|k| k.trim().to_ascii_uppercase()),
    );
    if let Some(v) = ch.is_vat_payer {
        s.is_vat_payer = v;
        if !v && !given.vat_code {
            s.vat_code = None;
        }
    }
    ch.vat_code.apply_to(&mut s.vat_code);
    if !ch.cif.is_absent() {
        let text = ch.cif.apply(None);
        let fields = TaxFields {
            code: &mut s.cif,
            country: &mut s.country,
            vat_code: &mut s.vat_code,
            is_vat_payer: &mut s.is_vat_payer,
        };
        super::set_tax_code(fields, text, given, true, "cif", errors);
    }
    ch.registration_number.apply_to(&mut s.registration_number);
    ch.address.apply_to(&mut s.address);
    ch.city.apply_to(&mut s.city);
    ch.county.apply_to(&mut s.county);
    ch.postal_code.apply_to(&mut s.postal_code);
    ch.email.apply_to(&mut s.email);
    ch.phone.apply_to(&mut s.phone);
    ch.bank_name.apply_to(&mut s.bank_name);
    ch.bank_account.apply_to(&mut s.bank_account);
    ch.notes.apply_to(&mut s.notes);
}

/// Validates and normalises the whole supplier.
fn check(s: &mut SupplierRow, errors: &mut Vec<FieldError>) {
    s.name = s.name.trim().to_owned();
    if s.name.is_empty() || s.name.chars().count() > 255 {
        errors.push(FieldError::new(
            "name",
            "The name is required (at most 255 characters).",
        ));
    }
    let tax = TaxFields {
        code: &mut s.cif,
        country: &mut s.country,
        vat_code: &mut s.vat_code,
        is_vat_payer: &mut s.is_vat_payer,
    };
    super::check_tax_fields(tax, true, "cif", errors);
    super::normalize_address(
        AddressFields {
            address: &mut s.address,
            city: &mut s.city,
            county: &mut s.county,
            country: &mut s.country,
            postal_code: &mut s.postal_code,
        },
        errors,
    );
    super::check_email(&mut s.email, errors);
    super::check_iban(&mut s.bank_account, errors);
    super::clean_all(&mut [
        &mut s.registration_number,
        &mut s.phone,
        &mut s.bank_name,
        &mut s.notes,
    ]);
}
