//! Company operations: create (from the CIF alone, filled from ANAF's registry), edit, soft
//! delete with a grace period, restore, refresh from the registry. The API and the jobs call
//! these.

use anaf::registry::CompanyRecord;
use time::{Duration, OffsetDateTime};

use crate::api::error::{ApiError, FieldError};
use crate::api::json::Patch;
use crate::auth::Principal;
use crate::events::{self, DomainEvent, Origin};
use crate::ids::{BankAccountId, CompanyId, OrgId, SeriesId};
use crate::jobs::{self, Job};
use crate::party::{self, Address, AddressKeys};
use crate::registry::RegistryError;
use crate::state::AppState;
use crate::store::bank_accounts::{self, BankAccountRow};
use crate::store::companies::{self, Company, CreditNoteStyle};
use crate::store::series::{self, SeriesRow};
use crate::store::{StoreError, Ts, Tx, vat_rates};

/// How long a deleted company can be restored (api.md §5).
pub const GRACE: Duration = Duration::days(5);
/// The purge runs this long after the grace period, so a late restore gets a clear 410 first.
pub const PURGE_DELAY: Duration = Duration::hours(1);
/// The least time between two registry refreshes of one company.
pub const REFRESH_INTERVAL: Duration = Duration::hours(1);

/// Modules a company may enable (api.md §27).
pub const MODULES: &[&str] = &[
    "delivery_notes",
    "receipts",
    "proforma_invoices",
    "recurring_invoices",
    "reports",
    "cash_register",
    "efactura",
    "spv_messages",
];

/// Where a change `principal` makes to `company` comes from, for its event.
pub fn origin(principal: &Principal, company: &Company) -> Origin {
    Origin {
        organization: company.organization_id,
        company: Some(company.id),
        actor: Some(principal.user.id),
    }
}

/// Writes `company.updated` for a change `principal` made to `company`, in the change's
/// transaction.
pub async fn record_updated(
    tx: &mut Tx,
    principal: &Principal,
    company: &Company,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let event = DomainEvent::CompanyUpdated {
        company_id: company.id,
        company_name: company.name.clone(),
    };
    events::record(tx, origin(principal, company), &event, now).await?;
    Ok(())
}

/// Fields a request may set; `None` leaves a field as it is (or as the registry filled it).
#[derive(Debug, Clone, Default)]
pub struct CompanyChanges {
    pub name: Option<String>,
    pub registration_number: Patch<String>,
    pub vat_payer: Option<bool>,
    pub vat_code: Patch<String>,
    pub vat_on_collection: Option<bool>,
    pub oss: Option<bool>,
    pub vat_in: Patch<String>,
    pub eori_code: Patch<String>,
    pub address: Patch<String>,
    pub city: Patch<String>,
    pub county: Patch<String>,
    pub country: Option<String>,
    pub postal_code: Patch<String>,
    pub phone: Patch<String>,
    pub email: Patch<String>,
    pub website: Patch<String>,
    pub capital_social: Patch<String>,
    pub representative: Patch<String>,
    pub representative_role: Patch<String>,
    pub default_currency: Option<String>,
    pub sync_days_back: Option<i32>,
    pub archive_enabled: Option<bool>,
    pub archive_retention_years: Patch<i32>,
    pub efactura_delay_hours: Patch<i32>,
    /// `storno` or `credit_note`.
    pub credit_note_style: Option<String>,
    pub enabled_modules: Patch<Vec<String>>,
    /// The default bank account: `null` removes it.
    pub bank: Patch<BankChange>,
}

#[derive(Debug, Clone, Default)]
pub struct BankChange {
    pub iban: String,
    pub bank_name: Option<String>,
    pub bic: Option<String>,
}

/// Creates a company of the caller's organization from its CIF. Fields not given come from the
/// registry; when no name is given and the registry does not know the CIF, it is a 404.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    cif: einvoice::ids::Cif,
    changes: CompanyChanges,
    now: OffsetDateTime,
) -> Result<Company, ApiError> {
    let org = principal.org_id()?;
    let record = if changes.name.is_some() {
        None
    } else {
        let found = state
            .registry
            .lookup(&state.db, cif.value(), now)
            .await
            .map_err(registry_error)?;
        Some(found.ok_or(ApiError::NotFound("Company not found at ANAF."))?)
    };
    let mut company = blank(org, cif, now);
    if let Some(r) = &record {
        fill_from_registry(&mut company, r);
    }
    let bank = changes.bank.as_value().cloned();
    apply(&mut company, changes)?;
    let mut tx = state.db.begin().await?;
    if state.config.enforce_plan_limits
        && let Some(max) = state.licence.max_companies()
    {
        crate::store::members::lock_organization(&mut tx, org).await?;
        if u64::try_from(companies::count_live(&mut tx, org).await?).unwrap_or(0) >= max {
            return Err(ApiError::plan_limit(format!(
                "The {} plan allows {max} compan{} per organization.",
                state.licence.plan.as_str(),
                if max == 1 { "y" } else { "ies" }
            )));
        }
    }
    companies::insert(&mut tx, &company)
        .await
        .map_err(duplicate_cif)?;
    seed(&mut tx, company.id, now).await?;
    if let Some(bank) = bank {
        set_default_bank(&mut tx, company.id, bank, now).await?;
    }
    let origin = origin(principal, &company);
    events::record(
        &mut tx,
        origin,
        &DomainEvent::CompanyCreated {
            company_id: company.id,
            company_name: company.name.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(company)
}

/// Applies `changes` to a company and records `company.updated`.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    mut company: Company,
    changes: CompanyChanges,
    now: OffsetDateTime,
) -> Result<Company, ApiError> {
    let bank = changes.bank.clone();
    apply(&mut company, changes)?;
    company.updated_at = now;
    let mut tx = state.db.begin().await?;
    companies::update(&mut tx, &company).await?;
    match bank {
        Patch::Value(b) => set_default_bank(&mut tx, company.id, b, now).await?,
        Patch::Null => {
            if let Some(existing) = bank_accounts::default_in(&mut tx, company.id).await? {
                bank_accounts::delete(&mut tx, company.id, existing.id).await?;
            }
        }
        Patch::Absent => {}
    }
    record_updated(&mut tx, principal, &company, now).await?;
    tx.commit().await?;
    Ok(company)
}

/// Refills name, address and VAT status from the registry (at most once an hour).
pub async fn refresh(
    state: &AppState,
    principal: &Principal,
    mut company: Company,
    now: OffsetDateTime,
) -> Result<Company, ApiError> {
    if let Some(at) = company.registry_checked_at
        && now - at < REFRESH_INTERVAL
    {
        let retry = (at + REFRESH_INTERVAL - now).whole_seconds().max(1);
        return Err(ApiError::TooManyRequests {
            retry_after_secs: u64::try_from(retry).unwrap_or(1),
        });
    }
    let cif = u64::try_from(company.cif).unwrap_or_default();
    let record = state
        .registry
        .lookup(&state.db, cif, now)
        .await
        .map_err(registry_error)?
        .ok_or(ApiError::NotFound("Company not found at ANAF."))?;
    fill_from_registry(&mut company, &record);
    company.registry_checked_at = Some(now);
    update(state, principal, company, CompanyChanges::default(), now).await
}

/// Soft-deletes a company and schedules its purge at the end of the grace period.
pub async fn delete(
    state: &AppState,
    principal: &Principal,
    company: &Company,
    now: OffsetDateTime,
) -> Result<OffsetDateTime, ApiError> {
    let purge_at = now + GRACE;
    let mut tx = state.db.begin().await?;
    companies::set_deleted(
        &mut tx,
        company.organization_id,
        company.id,
        Some((now, purge_at)),
        now,
    )
    .await?;
    let job = Job::PurgeCompany {
        company_id: company.id,
    };
    jobs::enqueue(
        &mut tx,
        &job,
        purge_at + PURGE_DELAY,
        Some(&format!("purge-company:{}", company.id)),
        now,
    )
    .await?;
    let origin = origin(principal, company);
    events::record(
        &mut tx,
        origin,
        &DomainEvent::CompanyRemoved {
            company_id: company.id,
            company_name: company.name.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(purge_at)
}

/// Undoes a soft delete within the grace period: 409 when not deleted, 410 when too late.
pub async fn restore(
    state: &AppState,
    principal: &Principal,
    company: Company,
    now: OffsetDateTime,
) -> Result<Company, ApiError> {
    let Some(purge_at) = company
        .hard_delete_at
        .filter(|_| company.deleted_at.is_some())
    else {
        return Err(ApiError::conflict("The company is not deleted."));
    };
    if purge_at <= now {
        return Err(ApiError::Custom(
            axum::http::StatusCode::GONE,
            serde_json::json!({ "error": "The grace period for restoring this company is over." }),
        ));
    }
    let mut tx = state.db.begin().await?;
    companies::set_deleted(&mut tx, company.organization_id, company.id, None, now)
        .await
        .map_err(duplicate_cif)?;
    let origin = origin(principal, &company);
    events::record(
        &mut tx,
        origin,
        &DomainEvent::CompanyRestored {
            company_id: company.id,
            company_name: company.name.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Company {
        deleted_at: None,
        hard_delete_at: None,
        updated_at: now,
        ..company
    })
}

fn registry_error(e: RegistryError) -> ApiError {
    match e {
        RegistryError::Database(e) => e.into(),
        RegistryError::Unavailable(e) => {
            tracing::warn!(error = %e, "ANAF registry lookup failed");
            ApiError::Unavailable("ANAF's company registry is unavailable; try again later or enter the company's details.".into())
        }
    }
}

fn duplicate_cif(e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict(message) => ApiError::Conflict {
            message,
            code: Some("DUPLICATE_CIF"),
        },
        other => other.into(),
    }
}

fn blank(org: OrgId, cif: einvoice::ids::Cif, now: OffsetDateTime) -> Company {
    Company {
        id: CompanyId::new(),
        organization_id: org,
        name: String::new(),
        cif: i64::try_from(cif.value()).unwrap_or(i64::MAX),
        registration_number: None,
        vat_payer: false,
        vat_code: None,
        vat_on_collection: false,
        oss: false,
        vat_in: None,
        eori_code: None,
        address: None,
        city: None,
        county: None,
        country: "RO".into(),
        postal_code: None,
        phone: None,
        email: None,
        website: None,
        capital_social: None,
        representative: None,
        representative_role: None,
        default_currency: "RON".into(),
        sync_enabled: false,
        last_synced_at: None,
        sync_days_back: 60,
        archive_enabled: false,
        archive_retention_years: None,
        efactura_delay_hours: None,
        credit_note_style: CreditNoteStyle::default(),
        is_read_only: false,
        enabled_modules: None,
        registry_checked_at: None,
        deleted_at: None,
        hard_delete_at: None,
        created_at: now,
        updated_at: now,
    }
}

/// The registry's view of the company: name, address, VAT status (tax-apis.md §3.1 mapping).
fn fill_from_registry(c: &mut Company, r: &CompanyRecord) {
    c.name.clone_from(&r.name);
    c.registration_number.clone_from(&r.registration_number);
    let a = party::registry_address(r);
    (c.address, c.city, c.county, c.country, c.postal_code) =
        (a.address, a.city, a.county, a.country, a.postal_code);
    c.phone.clone_from(&r.phone);
    c.vat_payer = r.vat_payer;
    c.vat_code = r.vat_payer.then(|| format!("RO{}", r.cif));
    c.vat_on_collection = r.vat_on_collection;
    c.registry_checked_at = None;
}

/// Validates and applies `changes`, normalising the address (counties, Bucharest sectors).
fn apply(c: &mut Company, ch: CompanyChanges) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if let Some(name) = ch.name {
        name.trim().clone_into(&mut c.name);
    }
    if c.name.is_empty() || c.name.chars().count() > 200 {
        errors.push(FieldError::new(
            "name",
            "The name is required (at most 200 characters).",
        ));
    }
    ch.registration_number.apply_to(&mut c.registration_number);
    ch.vat_in.apply_to(&mut c.vat_in);
    ch.eori_code.apply_to(&mut c.eori_code);
    ch.phone.apply_to(&mut c.phone);
    ch.website.apply_to(&mut c.website);
    ch.capital_social.apply_to(&mut c.capital_social);
    ch.representative.apply_to(&mut c.representative);
    ch.representative_role.apply_to(&mut c.representative_role);
    ch.email.apply_to(&mut c.email);
    if let Some(v) = ch.vat_payer {
        c.vat_payer = v;
        if !v {
            c.vat_code = None;
        }
    }
    ch.vat_code.apply_to(&mut c.vat_code);
    if c.vat_payer && c.vat_code.is_none() {
        c.vat_code = Some(format!("RO{}", c.cif));
    }
    if let Some(v) = ch.vat_on_collection {
        c.vat_on_collection = v;
    }
    if let Some(v) = ch.oss {
        c.oss = v;
    }
    let mut address = Address {
        address: c.address.take(),
        city: c.city.take(),
        county: c.county.take(),
        country: c.country.clone(),
        postal_code: c.postal_code.take(),
    };
    ch.address.apply_to(&mut address.address);
    ch.city.apply_to(&mut address.city);
    ch.county.apply_to(&mut address.county);
    ch.postal_code.apply_to(&mut address.postal_code);
    if let Some(country) = ch.country {
        address.country = country;
    }
    party::normalize(&mut address, AddressKeys { county: "state" }, &mut errors);
    (c.address, c.city, c.county, c.country, c.postal_code) = (
        address.address,
        address.city,
        address.county,
        address.country,
        address.postal_code,
    );
    if let Some(cur) = ch.default_currency {
        let cur = cur.trim().to_ascii_uppercase();
        if einvoice::codes::currency(&cur).is_none() {
            errors.push(FieldError::new(
                "defaultCurrency",
                format!("'{cur}' is not an ISO 4217 currency."),
            ));
        }
        c.default_currency = cur;
    }
    if let Some(days) = ch.sync_days_back {
        if !(1..=60).contains(&days) {
            errors.push(FieldError::new(
                "syncDaysBack",
                "Between 1 and 60 days (ANAF keeps messages for 60 days).",
            ));
        }
        c.sync_days_back = days;
    }
    if let Some(v) = ch.archive_enabled {
        c.archive_enabled = v;
    }
    if ch
        .archive_retention_years
        .as_value()
        .is_some_and(|y| !(1..=100).contains(y))
    {
        errors.push(FieldError::new(
            "archiveRetentionYears",
            "Between 1 and 100 years.",
        ));
    }
    ch.archive_retention_years
        .apply_to(&mut c.archive_retention_years);
    if ch
        .efactura_delay_hours
        .as_value()
        .is_some_and(|h| ![2, 24, 48, 72, 96].contains(h))
    {
        errors.push(FieldError::new(
            "efacturaDelayHours",
            "One of 2, 24, 48, 72, 96, or null.",
        ));
    }
    ch.efactura_delay_hours
        .apply_to(&mut c.efactura_delay_hours);
    if let Some(style) = ch.credit_note_style {
        match style.parse() {
            Ok(style) => c.credit_note_style = style,
            Err(message) => errors.push(FieldError::new("creditNoteStyle", message)),
        }
    }
    if let Some(bad) = ch
        .enabled_modules
        .as_value()
        .into_iter()
        .flatten()
        .find(|m| !MODULES.contains(&m.as_str()))
    {
        errors.push(FieldError::new(
            "enabledModules",
            format!("Unknown module '{bad}'."),
        ));
    }
    ch.enabled_modules.apply_to(&mut c.enabled_modules);
    if let Patch::Value(bank) = &ch.bank
        && let Err(reason) = party::iban(&bank.iban)
    {
        errors.push(FieldError::new("bankAccount", reason));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Fields(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            errors,
        ))
    }
}

/// Makes `bank` the company's default account (updating the account with that IBAN if any).
async fn set_default_bank(
    tx: &mut Tx,
    company: CompanyId,
    bank: BankChange,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let iban = party::iban(&bank.iban).map_err(|m| ApiError::field("bankAccount", m))?;
    let existing = bank_accounts::default_in(tx, company).await?;
    let row = if let Some(mut row) = existing {
        row.iban = iban;
        row.bank_name = party::clean(bank.bank_name).or(row.bank_name);
        row.bic = party::clean(bank.bic).or(row.bic);
        row.updated_at = Ts(now);
        bank_accounts::update(tx, &row).await?;
        row
    } else {
        let row = BankAccountRow {
            id: BankAccountId::new(),
            company_id: company,
            bank_name: party::clean(bank.bank_name),
            iban,
            bic: party::clean(bank.bic),
            currency: "RON".into(),
            is_default: true,
            created_at: Ts(now),
            updated_at: Ts(now),
        };
        bank_accounts::insert(tx, &row).await?;
        row
    };
    bank_accounts::clear_other_defaults(tx, company, row.id, now).await?;
    Ok(())
}

/// Every new company starts with the four default series (api.md §5) and Romania's VAT rates.
async fn seed(tx: &mut Tx, company: CompanyId, now: OffsetDateTime) -> Result<(), ApiError> {
    for (prefix, kind) in [
        ("FCT", "invoice"),
        ("PRO", "proforma"),
        ("CH", "receipt"),
        ("BON", "voucher"),
    ] {
        let row = SeriesRow {
            id: SeriesId::new(),
            company_id: company,
            prefix: prefix.into(),
            kind: kind.into(),
            current_number: 0,
            active: true,
            is_default: false,
            source: "default".into(),
            created_at: Ts(now),
            updated_at: Ts(now),
        };
        series::insert(tx, &row).await?;
    }
    vat_rates::seed(tx, company, now).await?;
    Ok(())
}
