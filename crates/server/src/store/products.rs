//! A company's products (api.md §8). Deleting one is soft: invoice lines keep pointing at it, and
//! it disappears from lists and look-ups.

use time::OffsetDateTime;

use super::{Db, Dec, Ts, Tx};
use crate::ids::{CompanyId, ProductId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProductRow {
    pub id: ProductId,
    pub company_id: CompanyId,
    pub name: String,
    pub code: Option<String>,
    pub description: Option<String>,
    pub unit_of_measure: String,
    pub default_price: Dec,
    pub currency: String,
    pub vat_rate: Dec,
    pub vat_category_code: String,
    pub is_service: bool,
    pub usage: String,
    pub nc_code: Option<String>,
    pub cpv_code: Option<String>,
    pub color: Option<String>,
    pub sgr_amount: Option<Dec>,
    pub is_active: bool,
    /// `manual`, `api`, `import` or `anaf_sync` (api.md §25.15).
    pub source: String,
    pub created_at: Ts,
    pub updated_at: Ts,
}

/// What a list shows; `None` filters nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductFilter {
    /// Part of the name or code, any case.
    pub search: Option<String>,
    pub active: Option<bool>,
    /// `sales` and `purchases` include products used for `both`.
    pub usage: Option<String>,
    pub source: Option<String>,
    pub sort: SortKey,
    pub descending: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Name,
    Code,
    DefaultPrice,
    CreatedAt,
    UpdatedAt,
}

impl SortKey {
    fn column(self) -> &'static str {
        match self {
            SortKey::Name => "LOWER(name)",
            SortKey::Code => "LOWER(COALESCE(code, ''))",
            // SQLite keeps decimals as text: compare them as numbers on both backends.
            SortKey::DefaultPrice => "CAST(default_price AS DOUBLE PRECISION)",
            SortKey::CreatedAt => "created_at",
            SortKey::UpdatedAt => "updated_at",
        }
    }
}

macro_rules! select_products {
    () => {
        "SELECT id, company_id, name, code, description, unit_of_measure, default_price, currency, vat_rate, \
         vat_category_code, is_service, usage, nc_code, cpv_code, color, sgr_amount, is_active, source, \
         created_at, updated_at FROM products"
    };
}

macro_rules! filtered {
    () => {
        " WHERE company_id = $1 AND deleted_at IS NULL \
          AND ($2 IS NULL OR LOWER(name) LIKE $2 ESCAPE '\\' OR LOWER(COALESCE(code, '')) LIKE $2 ESCAPE '\\') \
          AND ($3 IS NULL OR is_active = $3) \
          AND ($4 IS NULL OR usage = $4 OR (usage = 'both' AND $4 IN ('sales', 'purchases'))) \
          AND ($5 IS NULL OR source = $5)"
    };
}

/// One page of the products that pass `filter`, and how many pass it.
pub async fn list(
    db: &Db,
    company: CompanyId,
    filter: &ProductFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ProductRow>, i64), sqlx::Error> {
    let search = filter.search.as_deref().map(super::like_pattern);
    let total: i64 = on_db!(db, c => sqlx::query_scalar(concat!("SELECT COUNT(*) FROM products", filtered!()))
        .bind(company).bind(&search).bind(filter.active).bind(&filter.usage).bind(&filter.source)
        .fetch_one(c)
        .await)?;
    let direction = if filter.descending { "DESC" } else { "ASC" };
    // The ORDER BY comes from the fixed columns of `SortKey`, never from the request.
    let sql = format!(
        concat!(
            select_products!(),
            filtered!(),
            " ORDER BY {col} {dir}, id {dir} LIMIT $6 OFFSET $7"
        ),
        col = filter.sort.column(),
        dir = direction,
    );
    let rows = on_db!(db, c => sqlx::query_as::<_, ProductRow>(sqlx::AssertSqlSafe(sql))
        .bind(company).bind(&search).bind(filter.active).bind(&filter.usage).bind(&filter.source)
        .bind(limit).bind(offset)
        .fetch_all(c)
        .await)?;
    Ok((rows, total))
}

pub async fn get(
    db: &Db,
    company: CompanyId,
    id: ProductId,
) -> Result<Option<ProductRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, ProductRow>(concat!(select_products!(), " WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub async fn get_in(
    tx: &mut Tx,
    company: CompanyId,
    id: ProductId,
) -> Result<Option<ProductRow>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, ProductRow>(concat!(select_products!(), " WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL"))
        .bind(company)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub async fn insert(tx: &mut Tx, p: &ProductRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO products (id, company_id, name, code, description, unit_of_measure, default_price, currency, \
         vat_rate, vat_category_code, is_service, usage, nc_code, cpv_code, color, sgr_amount, is_active, source, \
         created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
    )
    .bind(p.id).bind(p.company_id).bind(&p.name).bind(&p.code).bind(&p.description).bind(&p.unit_of_measure)
    .bind(p.default_price).bind(&p.currency).bind(p.vat_rate).bind(&p.vat_category_code).bind(p.is_service)
    .bind(&p.usage).bind(&p.nc_code).bind(&p.cpv_code).bind(&p.color).bind(p.sgr_amount).bind(p.is_active)
    .bind(&p.source).bind(p.created_at).bind(p.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn update(tx: &mut Tx, p: &ProductRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE products SET name = $3, code = $4, description = $5, unit_of_measure = $6, default_price = $7, \
         currency = $8, vat_rate = $9, vat_category_code = $10, is_service = $11, usage = $12, nc_code = $13, \
         cpv_code = $14, color = $15, sgr_amount = $16, is_active = $17, updated_at = $18 \
         WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(p.company_id).bind(p.id).bind(&p.name).bind(&p.code).bind(&p.description).bind(&p.unit_of_measure)
    .bind(p.default_price).bind(&p.currency).bind(p.vat_rate).bind(&p.vat_category_code).bind(p.is_service)
    .bind(&p.usage).bind(&p.nc_code).bind(&p.cpv_code).bind(&p.color).bind(p.sgr_amount).bind(p.is_active)
    .bind(p.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Marks a product deleted. `false` when there is no such (undeleted) product.
pub async fn soft_delete(
    tx: &mut Tx,
    company: CompanyId,
    id: ProductId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE products SET deleted_at = $3, updated_at = $3 WHERE company_id = $1 AND id = $2 AND deleted_at IS NULL",
    )
    .bind(company).bind(id).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
