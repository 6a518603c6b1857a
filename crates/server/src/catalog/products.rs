//! Product operations: create, edit, soft delete, bulk delete (api.md §8). Field errors are
//! 400 `{"errors":[{key,message}]}`, as the contract has it for products (§1.6).

use axum::http::StatusCode;
use rust_decimal::Decimal;
use time::OffsetDateTime;

use crate::api::error::{ApiError, FieldError};
use crate::api::json::Patch;
use crate::events::{Catalog, Change};
use crate::ids::ProductId;
use crate::store::products::{self, ProductRow};
use crate::store::{Db, Dec, Ts};
use crate::tenancy::CompanyScope;

/// What a product is used for (api.md §25.15).
pub const USAGES: &[&str] = &["sales", "purchases", "both", "internal"];
/// Where a product came from (api.md §25.15).
pub const SOURCES: &[&str] = &["manual", "api", "import", "anaf_sync"];
/// The most ids one bulk delete takes.
pub const BULK_MAX: usize = 100;

const NOT_FOUND: ApiError = ApiError::NotFound("Product not found.");

/// The fields a request sets; on an edit, absent fields stay as they are.
#[derive(Debug, Clone, Default)]
pub struct ProductChanges {
    /// Fields the request carried but that could not be read (wrong type); reported with the rest.
    pub errors: Vec<FieldError>,
    pub name: Patch<String>,
    pub code: Patch<String>,
    pub description: Patch<String>,
    pub unit_of_measure: Patch<String>,
    pub default_price: Patch<Decimal>,
    pub currency: Patch<String>,
    pub vat_rate: Patch<Decimal>,
    pub vat_category_code: Patch<String>,
    pub is_service: Patch<bool>,
    pub usage: Patch<String>,
    pub nc_code: Patch<String>,
    pub cpv_code: Patch<String>,
    pub color: Patch<String>,
    pub sgr_amount: Patch<Decimal>,
    pub is_active: Patch<bool>,
}

/// The outcome of a bulk delete: how many went, and why the others did not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkOutcome {
    pub deleted: usize,
    pub errors: Vec<(String, &'static str)>,
}

pub async fn create(
    db: &Db,
    scope: &CompanyScope,
    mut changes: ProductChanges,
    now: OffsetDateTime,
) -> Result<ProductRow, ApiError> {
    for (key, given) in [
        ("name", changes.name.as_value().is_some()),
        (
            "unitOfMeasure",
            changes.unit_of_measure.as_value().is_some(),
        ),
        ("vatRate", changes.vat_rate.as_value().is_some()),
        ("defaultPrice", changes.default_price.as_value().is_some()),
    ] {
        if !given && !changes.errors.iter().any(|e| e.key == key) {
            changes
                .errors
                .push(FieldError::new(key, format!("{key} is required.")));
        }
    }
    let mut row = ProductRow {
        id: ProductId::new(),
        company_id: scope.id(),
        name: String::new(),
        code: None,
        description: None,
        unit_of_measure: String::new(),
        default_price: Dec(Decimal::ZERO),
        currency: scope.company.default_currency.clone(),
        vat_rate: Dec(Decimal::ZERO),
        vat_category_code: "S".into(),
        is_service: false,
        usage: "both".into(),
        nc_code: None,
        cpv_code: None,
        color: None,
        sgr_amount: None,
        is_active: true,
        source: "manual".into(),
        created_at: Ts(now),
        updated_at: Ts(now),
    };
    apply(&mut row, changes, &scope.company.default_currency)?;
    let mut tx = db.begin().await?;
    products::insert(&mut tx, &row).await?;
    super::record(
        &mut tx,
        scope,
        Catalog::Product,
        Change::Created,
        row.id.0,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

pub async fn update(
    db: &Db,
    scope: &CompanyScope,
    id: ProductId,
    changes: ProductChanges,
    now: OffsetDateTime,
) -> Result<ProductRow, ApiError> {
    let mut tx = db.begin().await?;
    let mut row = products::get_in(&mut tx, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)?;
    apply(&mut row, changes, &scope.company.default_currency)?;
    row.updated_at = Ts(now);
    products::update(&mut tx, &row).await?;
    super::record(
        &mut tx,
        scope,
        Catalog::Product,
        Change::Updated,
        row.id.0,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(row)
}

pub async fn delete(
    db: &Db,
    scope: &CompanyScope,
    id: ProductId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    if !products::soft_delete(&mut tx, scope.id(), id, now).await? {
        return Err(NOT_FOUND);
    }
    super::record(&mut tx, scope, Catalog::Product, Change::Deleted, id.0, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes each product of `ids` that exists; the others are reported, not fatal.
pub async fn bulk_delete(
    db: &Db,
    scope: &CompanyScope,
    ids: &[String],
    now: OffsetDateTime,
) -> Result<BulkOutcome, ApiError> {
    if ids.is_empty() || ids.len() > BULK_MAX {
        return Err(ApiError::bad_request(format!(
            "ids must list 1 to {BULK_MAX} products."
        )));
    }
    let mut outcome = BulkOutcome::default();
    let mut tx = db.begin().await?;
    for text in ids {
        let Ok(id) = text.parse::<ProductId>() else {
            outcome.errors.push((text.clone(), "Product not found."));
            continue;
        };
        if products::soft_delete(&mut tx, scope.id(), id, now).await? {
            super::record(&mut tx, scope, Catalog::Product, Change::Deleted, id.0, now).await?;
            outcome.deleted += 1;
        } else {
            outcome.errors.push((text.clone(), "Product not found."));
        }
    }
    tx.commit().await?;
    Ok(outcome)
}

/// Validates `ch` and applies it to `p`, reporting every wrong field at once.
fn apply(p: &mut ProductRow, ch: ProductChanges, currency: &str) -> Result<(), ApiError> {
    let mut errors = Errors(ch.errors);
    if let Some(name) = text(ch.name) {
        p.name = name;
    }
    if p.name.is_empty() || p.name.chars().count() > 255 {
        errors.add("name", "name is required (at most 255 characters).");
    }
    if let Some(unit) = text(ch.unit_of_measure) {
        p.unit_of_measure = unit;
    }
    if p.unit_of_measure.is_empty() || p.unit_of_measure.chars().count() > 50 {
        errors.add(
            "unitOfMeasure",
            "unitOfMeasure is required (at most 50 characters, e.g. buc, kg, ora).",
        );
    }
    match ch.default_price {
        Patch::Value(d) if d.is_sign_negative() => {
            errors.add("defaultPrice", "defaultPrice cannot be negative.");
        }
        Patch::Value(d) => p.default_price = Dec(d),
        Patch::Null => errors.add("defaultPrice", "defaultPrice is required."),
        Patch::Absent => {}
    }
    match ch.currency {
        Patch::Value(c) => match super::currency(&c) {
            Ok(c) => p.currency = c,
            Err(m) => errors.add("currency", m),
        },
        Patch::Null => currency.clone_into(&mut p.currency),
        Patch::Absent => {}
    }
    match ch.sgr_amount {
        Patch::Value(d) if d.is_sign_negative() => {
            errors.add("sgrAmount", "sgrAmount cannot be negative.");
        }
        Patch::Value(d) => p.sgr_amount = Some(Dec(d)),
        Patch::Null => p.sgr_amount = None,
        Patch::Absent => {}
    }
    apply_vat(p, &ch.vat_rate, ch.vat_category_code, &mut errors);
    match ch.usage {
        Patch::Value(u) if USAGES.contains(&u.trim()) => u.trim().clone_into(&mut p.usage),
        Patch::Value(u) => errors.add(
            "usage",
            format!("'{u}' is not one of {}.", USAGES.join(", ")),
        ),
        Patch::Null => p.usage = "both".into(),
        Patch::Absent => {}
    }
    if let Patch::Value(v) = ch.is_service {
        p.is_service = v;
    }
    if let Patch::Value(v) = ch.is_active {
        p.is_active = v;
    }
    let optional = [
        ("code", ch.code, &mut p.code, 100, None),
        (
            "description",
            ch.description,
            &mut p.description,
            5000,
            None,
        ),
        (
            "ncCode",
            ch.nc_code,
            &mut p.nc_code,
            20,
            Some(nc_code as Check),
        ),
        (
            "cpvCode",
            ch.cpv_code,
            &mut p.cpv_code,
            20,
            Some(cpv_code as Check),
        ),
        ("color", ch.color, &mut p.color, 20, Some(color as Check)),
    ];
    for (key, change, field, max, check) in optional {
        match text(change) {
            None => {}
            Some(v) if v.is_empty() => *field = None,
            Some(v) if v.chars().count() > max => {
                errors.add(key, format!("{key} has at most {max} characters."));
            }
            Some(v) => match check.map_or(Ok(v.clone()), |check| check(&v)) {
                Ok(v) => *field = Some(v),
                Err(m) => errors.add(key, m),
            },
        }
    }
    errors.into_result()
}

/// The rate and its category, checked together once both are known.
fn apply_vat(
    p: &mut ProductRow,
    rate: &Patch<Decimal>,
    category: Patch<String>,
    errors: &mut Errors,
) {
    match rate {
        Patch::Value(r) => p.vat_rate = Dec(r.normalize()),
        Patch::Null => errors.add("vatRate", "vatRate is required."),
        Patch::Absent => {}
    }
    match category {
        Patch::Value(c) => match super::category(&c) {
            Ok(c) => c.code().clone_into(&mut p.vat_category_code),
            Err(m) => errors.add("vatCategoryCode", m),
        },
        Patch::Null => p.vat_category_code = "S".into(),
        Patch::Absent => {}
    }
    if errors.has("vatRate") || errors.has("vatCategoryCode") {
        return;
    }
    if let Err(m) = super::rate_in_range(p.vat_rate.0) {
        errors.add("vatRate", m);
    } else if let Ok(category) = super::category(&p.vat_category_code)
        && let Err(m) = super::rate_fits(p.vat_rate.0, category)
    {
        errors.add("vatCategoryCode", m);
    }
}

/// Field errors, the first one per key.
struct Errors(Vec<FieldError>);

impl Errors {
    fn add(&mut self, key: &str, message: impl Into<String>) {
        if !self.has(key) {
            self.0.push(FieldError::new(key, message));
        }
    }

    fn has(&self, key: &str) -> bool {
        self.0.iter().any(|e| e.key == key)
    }

    fn into_result(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Fields(StatusCode::BAD_REQUEST, self.0))
        }
    }
}

type Check = fn(&str) -> Result<String, String>;

/// A text change, trimmed: `None` leaves the field, `null` and blanks give `""`.
fn text(change: Patch<String>) -> Option<String> {
    match change {
        Patch::Absent => None,
        Patch::Null => Some(String::new()),
        Patch::Value(v) => Some(v.trim().to_owned()),
    }
}

/// A Combined Nomenclature code (the goods classification of e-Transport): 2 to 10 digits;
/// spaces and dots are dropped (`8471 30 00` → `84713000`).
fn nc_code(text: &str) -> Result<String, String> {
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
    if (2..=10).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(format!(
            "'{text}' is not a Combined Nomenclature code (2 to 10 digits)."
        ))
    }
}

/// A CPV code: 8 digits, optionally `-` and the check digit (`30192700-8`).
fn cpv_code(text: &str) -> Result<String, String> {
    let (main, check) = text
        .split_once('-')
        .map_or((text, None), |(m, c)| (m, Some(c)));
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if digits(main, 8) && check.is_none_or(|c| digits(c, 1)) {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "'{text}' is not a CPV code (8 digits, optionally -check digit)."
        ))
    }
}

/// A colour as `#rgb` or `#rrggbb`.
fn color(text: &str) -> Result<String, String> {
    match text.strip_prefix('#') {
        Some(hex) if matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(text.to_ascii_lowercase())
        }
        _ => Err(format!("'{text}' is not a colour (#rgb or #rrggbb).")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_and_normalised() {
        assert_eq!(nc_code("8471 30.00"), Ok("84713000".into()));
        assert!(nc_code("84A1").is_err());
        assert_eq!(cpv_code("30192700-8"), Ok("30192700-8".into()));
        assert!(cpv_code("3019270").is_err());
        assert!(cpv_code("30192700-88").is_err());
        assert_eq!(color("#FFAA00"), Ok("#ffaa00".into()));
        assert!(color("red").is_err());
    }
}
