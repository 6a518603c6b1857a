//! Bank accounts of the company (our own resource; the contract only has the company's
//! `bankAccount`, which shows the default account here).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, AppPath, Flag, Patch};
use super::wire;
use crate::catalog::bank_accounts::{self as ops, BankAccountChanges};
use crate::ids::BankAccountId;
use crate::state::AppState;
use crate::store::bank_accounts::{self, BankAccountRow};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(update, delete))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BankAccount {
    pub id: BankAccountId,
    pub bank_name: Option<String>,
    /// Compact and upper case (`RO49AAAA1B31007593840000`).
    pub iban: String,
    pub bic: Option<String>,
    pub currency: String,
    /// The company's `bankAccount`, printed on its invoices.
    pub is_default: bool,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

impl From<BankAccountRow> for BankAccount {
    fn from(a: BankAccountRow) -> Self {
        BankAccount {
            id: a.id,
            bank_name: a.bank_name,
            iban: a.iban,
            bic: a.bic,
            currency: a.currency,
            is_default: a.is_default,
            created_at: a.created_at.0,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BankAccountList {
    pub data: Vec<BankAccount>,
}

/// The fields of an account; `iban` is required on create.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BankAccountRequest {
    /// Spaces and case do not matter; the check digits are verified.
    pub iban: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub bank_name: Patch<String>,
    /// 8 or 11 characters (`BTRLRO22`).
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub bic: Patch<String>,
    /// ISO 4217, default RON.
    pub currency: Option<String>,
    /// Makes this the company's only default account. A company's first account is its default.
    pub is_default: Option<Flag>,
}

impl BankAccountRequest {
    fn changes(self) -> BankAccountChanges {
        BankAccountChanges {
            iban: self.iban,
            bank_name: self.bank_name,
            bic: self.bic,
            currency: self.currency,
            is_default: self.is_default.map(|f| f.0),
        }
    }
}

/// The company's bank accounts, the default first.
#[utoipa::path(get, path = "/api/v1/bank-accounts", tag = "bank-accounts", operation_id = "bank_account_list",
    responses((status = 200, body = BankAccountList)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
) -> Result<Json<BankAccountList>, ApiError> {
    scope.require(Permission::CompanyView)?;
    let rows = bank_accounts::list(&state.db, scope.id()).await?;
    Ok(Json(BankAccountList {
        data: rows.into_iter().map(BankAccount::from).collect(),
    }))
}

/// Add a bank account.
#[utoipa::path(post, path = "/api/v1/bank-accounts", tag = "bank-accounts", operation_id = "bank_account_create",
    request_body = BankAccountRequest,
    responses((status = 201, body = BankAccount), (status = 409, description = "The IBAN is already an account of the company"),
              (status = 422, description = "`{errors:[{key,message}]}`")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<BankAccountRequest>,
) -> Result<(StatusCode, Json<BankAccount>), ApiError> {
    scope.require(Permission::CompanyEdit)?;
    let row = ops::create(&state.db, &scope, body.changes(), state.now()).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// Edit a bank account: only the fields given change.
#[utoipa::path(patch, path = "/api/v1/bank-accounts/{id}", tag = "bank-accounts", operation_id = "bank_account_update",
    params(("id" = BankAccountId, Path)), request_body = BankAccountRequest,
    responses((status = 200, body = BankAccount), (status = 404), (status = 409), (status = 422)))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<BankAccountId>,
    AppJson(body): AppJson<BankAccountRequest>,
) -> Result<Json<BankAccount>, ApiError> {
    scope.require(Permission::CompanyEdit)?;
    let row = ops::update(&state.db, &scope, id, body.changes(), state.now()).await?;
    Ok(Json(row.into()))
}

/// Delete a bank account.
#[utoipa::path(delete, path = "/api/v1/bank-accounts/{id}", tag = "bank-accounts", operation_id = "bank_account_delete",
    params(("id" = BankAccountId, Path)), responses((status = 204), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<BankAccountId>,
) -> Result<StatusCode, ApiError> {
    scope.require(Permission::CompanyEdit)?;
    ops::delete(&state.db, &scope, id, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
