//! Companies of an organization. Deleting is soft for a grace period (api.md §5), then a job
//! purges the company and everything it owns.

use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, StoreError, Ts, Tx, is_unique_violation};
use crate::ids::{CompanyId, OrgId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    pub id: CompanyId,
    pub organization_id: OrgId,
    pub name: String,
    pub cif: i64,
    pub registration_number: Option<String>,
    pub vat_payer: bool,
    pub vat_code: Option<String>,
    pub vat_on_collection: bool,
    pub oss: bool,
    pub vat_in: Option<String>,
    pub eori_code: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-2:RO code without `RO-` (`CJ`, `B`) for Romanian companies.
    pub county: Option<String>,
    pub country: String,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub capital_social: Option<String>,
    pub representative: Option<String>,
    pub representative_role: Option<String>,
    pub default_currency: String,
    pub sync_enabled: bool,
    pub last_synced_at: Option<OffsetDateTime>,
    pub sync_days_back: i32,
    pub archive_enabled: bool,
    pub archive_retention_years: Option<i32>,
    pub efactura_delay_hours: Option<i32>,
    /// How its credit notes are written.
    pub credit_note_style: CreditNoteStyle,
    pub is_read_only: bool,
    pub enabled_modules: Option<Vec<String>>,
    pub registry_checked_at: Option<OffsetDateTime>,
    pub deleted_at: Option<OffsetDateTime>,
    pub hard_delete_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// How a company writes its credit notes (issue #7). Romanian practice knows both; the
/// company's accountant picks one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CreditNoteStyle {
    /// An invoice (type 380) with negative quantities: "factură storno".
    #[default]
    Storno,
    /// A UBL `CreditNote` (type 381) with positive quantities, uploaded with standard=CN.
    CreditNote,
}

impl CreditNoteStyle {
    pub const ALL: [Self; 2] = [Self::Storno, Self::CreditNote];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Storno => "storno",
            Self::CreditNote => "credit_note",
        }
    }
}

impl std::str::FromStr for CreditNoteStyle {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| format!("'{s}' is not one of storno, credit_note."))
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: CompanyId,
    organization_id: OrgId,
    name: String,
    cif: i64,
    registration_number: Option<String>,
    vat_payer: bool,
    vat_code: Option<String>,
    vat_on_collection: bool,
    oss: bool,
    vat_in: Option<String>,
    eori_code: Option<String>,
    address: Option<String>,
    city: Option<String>,
    county: Option<String>,
    country: String,
    postal_code: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    capital_social: Option<String>,
    representative: Option<String>,
    representative_role: Option<String>,
    default_currency: String,
    sync_enabled: bool,
    last_synced_at: Option<Ts>,
    sync_days_back: i32,
    archive_enabled: bool,
    archive_retention_years: Option<i32>,
    efactura_delay_hours: Option<i32>,
    credit_note_style: String,
    is_read_only: bool,
    enabled_modules: Option<Json<Vec<String>>>,
    registry_checked_at: Option<Ts>,
    deleted_at: Option<Ts>,
    hard_delete_at: Option<Ts>,
    created_at: Ts,
    updated_at: Ts,
}

impl From<Row> for Company {
    fn from(r: Row) -> Self {
        Company {
            id: r.id,
            organization_id: r.organization_id,
            name: r.name,
            cif: r.cif,
            registration_number: r.registration_number,
            vat_payer: r.vat_payer,
            vat_code: r.vat_code,
            vat_on_collection: r.vat_on_collection,
            oss: r.oss,
            vat_in: r.vat_in,
            eori_code: r.eori_code,
            address: r.address,
            city: r.city,
            county: r.county,
            country: r.country,
            postal_code: r.postal_code,
            phone: r.phone,
            email: r.email,
            website: r.website,
            capital_social: r.capital_social,
            representative: r.representative,
            representative_role: r.representative_role,
            default_currency: r.default_currency,
            sync_enabled: r.sync_enabled,
            last_synced_at: r.last_synced_at.map(|t| t.0),
            sync_days_back: r.sync_days_back,
            archive_enabled: r.archive_enabled,
            archive_retention_years: r.archive_retention_years,
            efactura_delay_hours: r.efactura_delay_hours,
            credit_note_style: r.credit_note_style.parse().unwrap_or_default(),
            is_read_only: r.is_read_only,
            enabled_modules: r.enabled_modules.map(|j| j.0),
            registry_checked_at: r.registry_checked_at.map(|t| t.0),
            deleted_at: r.deleted_at.map(|t| t.0),
            hard_delete_at: r.hard_delete_at.map(|t| t.0),
            created_at: r.created_at.0,
            updated_at: r.updated_at.0,
        }
    }
}

macro_rules! select_company {
    () => {
        "SELECT id, organization_id, name, cif, registration_number, vat_payer, vat_code, \
         vat_on_collection, oss, vat_in, eori_code, address, city, county, country, postal_code, \
         phone, email, website, capital_social, representative, representative_role, \
         default_currency, sync_enabled, last_synced_at, sync_days_back, archive_enabled, \
         archive_retention_years, efactura_delay_hours, credit_note_style, is_read_only, \
         enabled_modules, registry_checked_at, deleted_at, hard_delete_at, created_at, updated_at FROM companies"
    };
}

/// A live company of the organization.
pub async fn get(db: &Db, org: OrgId, id: CompanyId) -> Result<Option<Company>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(select_company!(),
        " WHERE organization_id = $1 AND id = $2 AND deleted_at IS NULL"))
        .bind(org)
        .bind(id)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(Company::from))
}

/// A live company by id alone, for jobs, which carry ids rather than a request's scope.
pub async fn by_id(db: &Db, id: CompanyId) -> Result<Option<Company>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(select_company!(), " WHERE id = $1 AND deleted_at IS NULL"))
        .bind(id)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(Company::from))
}

/// A company of the organization, live or soft-deleted.
pub async fn get_any(db: &Db, org: OrgId, id: CompanyId) -> Result<Option<Company>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(select_company!(), " WHERE organization_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(Company::from))
}

/// The organization's companies, live or (with `deleted`) soft-deleted, oldest first.
pub async fn list(db: &Db, org: OrgId, deleted: bool) -> Result<Vec<Company>, sqlx::Error> {
    let rows = if deleted {
        on_db!(db, c => sqlx::query_as::<_, Row>(concat!(select_company!(),
            " WHERE organization_id = $1 AND deleted_at IS NOT NULL ORDER BY created_at, id"))
            .bind(org).fetch_all(c).await)?
    } else {
        on_db!(db, c => sqlx::query_as::<_, Row>(concat!(select_company!(),
            " WHERE organization_id = $1 AND deleted_at IS NULL ORDER BY created_at, id"))
            .bind(org).fetch_all(c).await)?
    };
    Ok(rows.into_iter().map(Company::from).collect())
}

fn duplicate(e: sqlx::Error) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::Conflict("A company with this CIF already exists in your organization.".into())
    } else {
        e.into()
    }
}

pub async fn insert(tx: &mut Tx, c: &Company) -> Result<(), StoreError> {
    on_tx!(tx, conn => sqlx::query(
        "INSERT INTO companies (id, organization_id, name, cif, registration_number, vat_payer, vat_code, \
         vat_on_collection, oss, vat_in, eori_code, address, city, county, country, postal_code, phone, \
         email, website, capital_social, representative, representative_role, default_currency, \
         sync_enabled, sync_days_back, archive_enabled, archive_retention_years, efactura_delay_hours, \
         is_read_only, enabled_modules, registry_checked_at, created_at, updated_at, credit_note_style) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, \
         $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34)",
    )
    .bind(c.id).bind(c.organization_id).bind(&c.name).bind(c.cif).bind(&c.registration_number)
    .bind(c.vat_payer).bind(&c.vat_code).bind(c.vat_on_collection).bind(c.oss).bind(&c.vat_in)
    .bind(&c.eori_code).bind(&c.address).bind(&c.city).bind(&c.county).bind(&c.country)
    .bind(&c.postal_code).bind(&c.phone).bind(&c.email).bind(&c.website).bind(&c.capital_social)
    .bind(&c.representative).bind(&c.representative_role).bind(&c.default_currency)
    .bind(c.sync_enabled).bind(c.sync_days_back).bind(c.archive_enabled)
    .bind(c.archive_retention_years).bind(c.efactura_delay_hours).bind(c.is_read_only)
    .bind(c.enabled_modules.clone().map(Json)).bind(c.registry_checked_at.map(Ts))
    .bind(Ts(c.created_at)).bind(Ts(c.updated_at)).bind(c.credit_note_style.as_str())
    .execute(conn)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate)?;
    Ok(())
}

/// Writes every editable field of `c` (the caller read, changed and validated it).
pub async fn update(tx: &mut Tx, c: &Company) -> Result<(), StoreError> {
    on_tx!(tx, conn => sqlx::query(
        "UPDATE companies SET name = $3, registration_number = $4, vat_payer = $5, vat_code = $6, \
         vat_on_collection = $7, oss = $8, vat_in = $9, eori_code = $10, address = $11, city = $12, \
         county = $13, country = $14, postal_code = $15, phone = $16, email = $17, website = $18, \
         capital_social = $19, representative = $20, representative_role = $21, default_currency = $22, \
         sync_days_back = $23, archive_enabled = $24, archive_retention_years = $25, \
         efactura_delay_hours = $26, enabled_modules = $27, registry_checked_at = $28, updated_at = $29, \
         credit_note_style = $30 WHERE organization_id = $1 AND id = $2",
    )
    .bind(c.organization_id).bind(c.id).bind(&c.name).bind(&c.registration_number).bind(c.vat_payer)
    .bind(&c.vat_code).bind(c.vat_on_collection).bind(c.oss).bind(&c.vat_in).bind(&c.eori_code)
    .bind(&c.address).bind(&c.city).bind(&c.county).bind(&c.country).bind(&c.postal_code)
    .bind(&c.phone).bind(&c.email).bind(&c.website).bind(&c.capital_social).bind(&c.representative)
    .bind(&c.representative_role).bind(&c.default_currency).bind(c.sync_days_back)
    .bind(c.archive_enabled).bind(c.archive_retention_years).bind(c.efactura_delay_hours)
    .bind(c.enabled_modules.clone().map(Json)).bind(c.registry_checked_at.map(Ts)).bind(Ts(c.updated_at))
    .bind(c.credit_note_style.as_str())
    .execute(conn)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate)?;
    Ok(())
}

/// Sets or clears the soft-delete marks.
pub async fn set_deleted(
    tx: &mut Tx,
    org: OrgId,
    id: CompanyId,
    deleted: Option<(OffsetDateTime, OffsetDateTime)>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE companies SET deleted_at = $3, hard_delete_at = $4, updated_at = $5 \
         WHERE organization_id = $1 AND id = $2",
    )
    .bind(org)
    .bind(id)
    .bind(deleted.map(|d| Ts(d.0)))
    .bind(deleted.map(|d| Ts(d.1)))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))
    .map_err(duplicate)?;
    Ok(())
}

/// Deletes a soft-deleted company whose grace period is over, with everything it owns.
/// Returns whether a company was purged.
pub async fn purge(tx: &mut Tx, id: CompanyId, now: OffsetDateTime) -> Result<bool, sqlx::Error> {
    // Invoices reference each other (parent) and catalog rows without cascading; remove them
    // first, lines cascade from invoices.
    on_tx!(tx, c => sqlx::query(
        "DELETE FROM invoices WHERE company_id = $1 AND EXISTS \
         (SELECT 1 FROM companies WHERE id = $1 AND deleted_at IS NOT NULL AND hard_delete_at <= $2)",
    )
    .bind(id)
    .bind(Ts(now))
    .execute(&mut *c)
    .await.map(|r| r.rows_affected()))?;
    let done = on_tx!(tx, c => sqlx::query(
        "DELETE FROM companies WHERE id = $1 AND deleted_at IS NOT NULL AND hard_delete_at <= $2",
    )
    .bind(id)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Marks the company synced at `at` (`lastSyncedAt`).
pub async fn set_last_synced(
    tx: &mut Tx,
    company: CompanyId,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE companies SET last_synced_at = $2 WHERE id = $1")
        .bind(company).bind(Ts(at))
        .execute(c)
        .await
        .map(|_| ()))
}

/// Turns the company's scheduled e-Factura sync on or off.
pub async fn set_sync_enabled(
    tx: &mut Tx,
    company: CompanyId,
    enabled: bool,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE companies SET sync_enabled = $2, updated_at = $3 WHERE id = $1")
        .bind(company).bind(enabled).bind(Ts(now))
        .execute(c)
        .await
        .map(|_| ()))
}

/// The organization's companies that are not deleted.
pub async fn count_live(tx: &mut Tx, org: OrgId) -> Result<i64, sqlx::Error> {
    crate::on_tx!(tx, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM companies WHERE organization_id = $1 AND deleted_at IS NULL")
        .bind(org).fetch_one(c).await)
}
