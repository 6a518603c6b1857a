//! Products (api.md §8, objects §25.15). Field errors are 400 `{"errors":[{key,message}]}`, a
//! wrong type included, so every field of the body is read on its own ([`Field`]).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::de::{DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::bulk::{BulkError, Deleted, Ids};
use super::error::{ApiError, FieldError};
use super::json::{AppJson, AppPath, AppQuery, Flag, Num, Patch};
use super::page::{Page, PageMeta};
use super::wire;
use crate::catalog::products::{self as ops, ProductChanges, SOURCES, USAGES};
use crate::ids::ProductId;
use crate::state::AppState;
use crate::store::products::{self, ProductFilter, ProductRow, SortKey};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(bulk_delete))
        .routes(routes!(get, update, delete))
}

/// A product (api.md §25.15: the list and detail keys together). Amounts and rates are decimal
/// strings: `defaultPrice` keeps its decimals beyond 2 (`"0.1234"`), `vatRate` has 2.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub id: ProductId,
    pub name: String,
    pub code: Option<String>,
    pub description: Option<String>,
    /// As the user wrote it (`buc`, `kg`, `H87`).
    pub unit_of_measure: String,
    pub default_price: String,
    pub currency: String,
    pub vat_rate: String,
    pub vat_category_code: String,
    pub is_service: bool,
    /// `sales`, `purchases`, `both` or `internal`.
    pub usage: String,
    pub nc_code: Option<String>,
    pub cpv_code: Option<String>,
    pub color: Option<String>,
    pub sgr_amount: Option<String>,
    pub is_active: bool,
    /// `manual`, `api`, `import` or `anaf_sync`.
    pub source: String,
}

impl From<ProductRow> for Product {
    fn from(p: ProductRow) -> Self {
        Product {
            id: p.id,
            name: p.name,
            code: p.code,
            description: p.description,
            unit_of_measure: p.unit_of_measure,
            default_price: wire::price(p.default_price.0),
            currency: p.currency,
            vat_rate: wire::fixed(p.vat_rate.0, 2),
            vat_category_code: p.vat_category_code,
            is_service: p.is_service,
            usage: p.usage,
            nc_code: p.nc_code,
            cpv_code: p.cpv_code,
            color: p.color,
            sgr_amount: p.sgr_amount.map(|d| wire::price(d.0)),
            is_active: p.is_active,
            source: p.source,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProductList {
    pub data: Vec<Product>,
    #[serde(flatten)]
    pub meta: PageMeta,
}

/// List filters; `page` from 1, `limit` 1–100 (default 20).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProductQuery {
    pub page: Option<i64>,
    pub limit: Option<i64>,
    /// Part of the name or code.
    pub search: Option<String>,
    /// `name` (default), `code`, `defaultPrice`, `createdAt` or `updatedAt`; `-name` sorts
    /// descending.
    pub sort: Option<String>,
    /// `asc` or `desc`, overriding the `-` of `sort`.
    pub order: Option<String>,
    /// `active` or `inactive` (default: both).
    pub status: Option<String>,
    /// `sales`, `purchases` (both also list products used for `both`), `both` or `internal`.
    pub usage: Option<String>,
    /// `manual`, `api`, `import` or `anaf_sync`.
    pub source: Option<String>,
}

impl ProductQuery {
    fn filter(self) -> Result<(ProductFilter, Page), ApiError> {
        let sort = self.sort.unwrap_or_default();
        let (descending, key) = match sort.strip_prefix('-') {
            Some(key) => (true, key),
            None => (false, sort.as_str()),
        };
        let sort = match key {
            "" | "name" => SortKey::Name,
            "code" => SortKey::Code,
            "defaultPrice" => SortKey::DefaultPrice,
            "createdAt" => SortKey::CreatedAt,
            "updatedAt" => SortKey::UpdatedAt,
            other => return Err(ApiError::bad_request(format!("Cannot sort by '{other}'."))),
        };
        let descending = match self
            .order
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("") => descending,
            Some("asc") => false,
            Some("desc") => true,
            Some(other) => {
                return Err(ApiError::bad_request(format!(
                    "order is asc or desc, not '{other}'."
                )));
            }
        };
        let active = match self.status.as_deref() {
            None | Some("" | "all") => None,
            Some("active") => Some(true),
            Some("inactive") => Some(false),
            Some(other) => {
                return Err(ApiError::bad_request(format!(
                    "status is active or inactive, not '{other}'."
                )));
            }
        };
        let one_of = |name: &str, value: Option<String>, allowed: &[&str]| match value {
            Some(v) if !allowed.contains(&v.as_str()) => Err(ApiError::bad_request(format!(
                "{name} is one of {}, not '{v}'.",
                allowed.join(", ")
            ))),
            v => Ok(v),
        };
        let filter = ProductFilter {
            search: self.search.filter(|s| !s.trim().is_empty()),
            active,
            usage: one_of("usage", self.usage, USAGES)?,
            source: one_of("source", self.source, SOURCES)?,
            sort,
            descending,
        };
        Ok((filter, Page::new(self.page, self.limit)))
    }
}

/// A body field read on its own: a wrong value becomes a field error, not a failed body.
#[derive(Debug, Clone, Default)]
pub enum Field<T> {
    #[default]
    Absent,
    Null,
    Value(T),
    Invalid(String),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Null => Field::Null,
            v => T::deserialize(v).map_or_else(|e| Field::Invalid(e.to_string()), Field::Value),
        })
    }
}

impl<T> Field<T> {
    fn take<U>(self, key: &str, errors: &mut Vec<FieldError>, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Field::Absent => Patch::Absent,
            Field::Null => Patch::Null,
            Field::Value(v) => Patch::Value(f(v)),
            Field::Invalid(m) => {
                errors.push(FieldError::new(key, format!("Invalid {key}: {m}.")));
                Patch::Absent
            }
        }
    }
}

/// The fields of a product. On create `name`, `unitOfMeasure`, `vatRate` and `defaultPrice`
/// are required; an edit changes only the fields it names (`null` clears an optional one).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProductRequest {
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub name: Field<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub code: Field<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub description: Field<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "buc")]
    pub unit_of_measure: Field<String>,
    #[serde(default)]
    #[schema(value_type = Option<Num>)]
    pub default_price: Field<Num>,
    /// ISO 4217; defaults to the company's currency.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub currency: Field<String>,
    #[serde(default)]
    #[schema(value_type = Option<Num>, example = "21")]
    pub vat_rate: Field<Num>,
    /// S (default), Z, E, AE, K, G, O, L or M; Z, E, AE, K, G and O need a 0 rate, S more.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub vat_category_code: Field<String>,
    #[serde(default)]
    #[schema(value_type = Option<bool>)]
    pub is_service: Field<Flag>,
    /// `sales`, `purchases`, `both` (default) or `internal`.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub usage: Field<String>,
    /// Combined Nomenclature code, 2 to 10 digits.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub nc_code: Field<String>,
    /// CPV code, `30192700-8`.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub cpv_code: Field<String>,
    /// `#rgb` or `#rrggbb`.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub color: Field<String>,
    /// Deposit (SGR) per unit.
    #[serde(default)]
    #[schema(value_type = Option<Num>)]
    pub sgr_amount: Field<Num>,
    #[serde(default)]
    #[schema(value_type = Option<bool>)]
    pub is_active: Field<Flag>,
}

impl ProductRequest {
    fn changes(self) -> ProductChanges {
        let mut errors = Vec::new();
        let e = &mut errors;
        let same = |s: String| s;
        ProductChanges {
            name: self.name.take("name", e, same),
            code: self.code.take("code", e, same),
            description: self.description.take("description", e, same),
            unit_of_measure: self.unit_of_measure.take("unitOfMeasure", e, same),
            default_price: self.default_price.take("defaultPrice", e, |n| n.0),
            currency: self.currency.take("currency", e, same),
            vat_rate: self.vat_rate.take("vatRate", e, |n| n.0),
            vat_category_code: self.vat_category_code.take("vatCategoryCode", e, same),
            is_service: self.is_service.take("isService", e, |f| f.0),
            usage: self.usage.take("usage", e, same),
            nc_code: self.nc_code.take("ncCode", e, same),
            cpv_code: self.cpv_code.take("cpvCode", e, same),
            color: self.color.take("color", e, same),
            sgr_amount: self.sgr_amount.take("sgrAmount", e, |n| n.0),
            is_active: self.is_active.take("isActive", e, |f| f.0),
            errors: std::mem::take(e),
        }
    }
}

/// The company's products, a page at a time.
#[utoipa::path(get, path = "/api/v1/products", tag = "products", operation_id = "product_list",
    params(ProductQuery), responses((status = 200, body = ProductList), (status = 400, description = "Unknown filter value")))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppQuery(query): AppQuery<ProductQuery>,
) -> Result<Json<ProductList>, ApiError> {
    scope.require(Permission::ProductView)?;
    let (filter, page) = query.filter()?;
    let (rows, total) =
        products::list(&state.db, scope.id(), &filter, page.limit, page.offset()).await?;
    Ok(Json(ProductList {
        data: rows.into_iter().map(Product::from).collect(),
        meta: page.meta(total),
    }))
}

/// Add a product.
#[utoipa::path(post, path = "/api/v1/products", tag = "products", operation_id = "product_create",
    request_body = ProductRequest,
    responses((status = 201, body = Product), (status = 400, description = "`{errors:[{key,message}]}`")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<ProductRequest>,
) -> Result<(StatusCode, Json<Product>), ApiError> {
    scope.require(Permission::ProductCreate)?;
    let row = ops::create(&state.db, &scope, body.changes(), state.now()).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// One product.
#[utoipa::path(get, path = "/api/v1/products/{id}", tag = "products", operation_id = "product_get",
    params(("id" = ProductId, Path)), responses((status = 200, body = Product), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<ProductId>,
) -> Result<Json<Product>, ApiError> {
    scope.require(Permission::ProductView)?;
    let row = products::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Product not found."))?;
    Ok(Json(row.into()))
}

/// Edit a product: only the fields given change (`isActive` too).
#[utoipa::path(patch, path = "/api/v1/products/{id}", tag = "products", operation_id = "product_update",
    params(("id" = ProductId, Path)), request_body = ProductRequest,
    responses((status = 200, body = Product), (status = 400, description = "`{errors:[{key,message}]}`"), (status = 404)))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<ProductId>,
    AppJson(body): AppJson<ProductRequest>,
) -> Result<Json<Product>, ApiError> {
    scope.require(Permission::ProductEdit)?;
    let row = ops::update(&state.db, &scope, id, body.changes(), state.now()).await?;
    Ok(Json(row.into()))
}

/// Delete a product. Invoices keep their lines; the product leaves lists and look-ups.
#[utoipa::path(delete, path = "/api/v1/products/{id}", tag = "products", operation_id = "product_delete",
    params(("id" = ProductId, Path)), responses((status = 204), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<ProductId>,
) -> Result<StatusCode, ApiError> {
    scope.require(Permission::ProductDelete)?;
    ops::delete(&state.db, &scope, id, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Delete several products; ids that are not found are reported in `errors`.
#[utoipa::path(post, path = "/api/v1/products/bulk-delete", tag = "products", operation_id = "product_bulk_delete",
    request_body = Ids,
    responses((status = 200, body = Deleted), (status = 400, description = "No ids, or more than 100")))]
async fn bulk_delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<Ids>,
) -> Result<Json<Deleted>, ApiError> {
    scope.require(Permission::ProductDelete)?;
    let outcome = ops::bulk_delete(&state.db, &scope, &body.ids, state.now()).await?;
    Ok(Json(Deleted {
        deleted: outcome.deleted,
        errors: outcome
            .errors
            .into_iter()
            .map(|(id, error)| BulkError {
                id,
                error: error.to_owned(),
            })
            .collect(),
    }))
}
