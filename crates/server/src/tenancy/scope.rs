//! `CompanyScope`: the company a request acts for (api.md §1.4), checked against the caller's
//! organization and allowed companies before the handler runs.
//!
//! The company is `?company=` (checked first), else `X-Company`, else the organization's only
//! company. Item routes (`/api/v1/invoices/{id}`) do not need either: the incumbent resolves them
//! by the record, so when the choice is ambiguous we look the record up within the organization.
//! A company of another organization, a malformed id or no company answers
//! `404 {"error":"Company not found."}`.

use axum::extract::FromRequestParts;
use axum::http::Method;
use axum::http::request::Parts;
use uuid::Uuid;

use super::permissions::Permission;
use crate::api::error::ApiError;
use crate::auth::Principal;
use crate::ids::{CompanyId, OrgId};
use crate::on_db;
use crate::state::AppState;
use crate::store::companies::{self, Company};

#[derive(Debug, Clone)]
pub struct CompanyScope {
    pub principal: Principal,
    pub company: Company,
}

impl CompanyScope {
    pub fn id(&self) -> CompanyId {
        self.company.id
    }

    pub fn org(&self) -> OrgId {
        self.company.organization_id
    }

    pub fn require(&self, p: Permission) -> Result<(), ApiError> {
        self.principal.require(p)
    }

    /// The event origin of a change made through this scope.
    pub fn origin(&self) -> crate::events::Origin {
        crate::events::Origin {
            organization: self.org(),
            company: Some(self.id()),
            actor: Some(self.principal.user.id),
        }
    }
}

const NOT_FOUND: ApiError = ApiError::NotFound("Company not found.");

impl FromRequestParts<AppState> for CompanyScope {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let principal = Principal::from_request_parts(parts, state).await?;
        let org = principal.current().map_err(|_| NOT_FOUND)?.organization.id;
        let company_id = match NamedCompany::of(parts).0 {
            Some(text) => text.parse::<CompanyId>().map_err(|_| NOT_FOUND)?,
            None => implicit_company(state, org, parts.uri.path())
                .await?
                .ok_or(NOT_FOUND)?,
        };
        let mutating = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        CompanyScope::check(state, principal, company_id, mutating, parts.uri.path()).await
    }
}

impl CompanyScope {
    /// The scope of a company a request names some other way (a body's `companyId`), checked
    /// as a named company is for a mutating request.
    pub async fn named_in_body(
        state: &AppState,
        principal: Principal,
        company_id: CompanyId,
    ) -> Result<CompanyScope, ApiError> {
        CompanyScope::check(state, principal, company_id, true, "").await
    }

    /// Company `company_id` of the principal's organization, if they may see it (no change
    /// is made to the company itself).
    pub async fn of_company(
        state: &AppState,
        principal: Principal,
        company_id: CompanyId,
    ) -> Result<CompanyScope, ApiError> {
        CompanyScope::check(state, principal, company_id, false, "").await
    }

    /// The scope of `user` in `company` without a request: a job acting for whoever asked for
    /// it (a recurring template's author, the sender of an e-mail), with their permissions of
    /// now. Refused (422) when they are no longer an active member there.
    pub async fn acting_as(
        state: &AppState,
        user: crate::ids::UserId,
        company_id: CompanyId,
    ) -> Result<CompanyScope, ApiError> {
        let company = companies::by_id(&state.db, company_id)
            .await?
            .ok_or(NOT_FOUND)?;
        let principal = Principal::acting_for(state, user, company.organization_id)
            .await?
            .ok_or_else(|| {
                ApiError::unprocessable(
                    "The user this acts for is no longer an active member of the company's organization.",
                )
            })?;
        CompanyScope::check(state, principal, company_id, false, "").await
    }

    /// The organization's only company, if it has exactly one (api.md §1.4 step 3).
    pub async fn only_company(
        state: &AppState,
        principal: Principal,
        mutating: bool,
    ) -> Result<Option<CompanyScope>, ApiError> {
        let org = principal.current().map_err(|_| NOT_FOUND)?.organization.id;
        match implicit_company(state, org, "").await? {
            Some(id) => Ok(Some(
                CompanyScope::check(state, principal, id, mutating, "").await?,
            )),
            None => Ok(None),
        }
    }

    /// Company `company_id` of the principal's organization, if they may act for it.
    async fn check(
        state: &AppState,
        principal: Principal,
        company_id: CompanyId,
        mutating: bool,
        path: &str,
    ) -> Result<CompanyScope, ApiError> {
        let membership = principal.current().map_err(|_| NOT_FOUND)?;
        let org = membership.organization.id;
        let company = companies::get(&state.db, org, company_id)
            .await?
            .ok_or(NOT_FOUND)?;
        let sees_all = principal.user.is_admin
            || principal
                .role
                .is_some_and(super::permissions::Role::sees_all_companies);
        if !sees_all
            && !membership.allowed_companies.is_empty()
            && !membership.allowed_companies.contains(&company.id)
        {
            return Err(NOT_FOUND);
        }
        if company.is_read_only
            && mutating
            && !path.contains("/set-active")
            && !path.contains("/restore")
        {
            return Err(ApiError::forbidden("company.readOnly"));
        }
        Ok(CompanyScope { principal, company })
    }
}

/// The company a request names (`?company=`, checked first, else `X-Company`), not yet checked:
/// for routes where naming a company is optional (api.md §19 `POST /anaf/tokens`).
#[derive(Debug, Clone, Default)]
pub struct NamedCompany(pub Option<String>);

impl NamedCompany {
    fn of(parts: &Parts) -> NamedCompany {
        NamedCompany(query_company(parts.uri.query()).or_else(|| {
            parts
                .headers
                .get("x-company")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        }))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for NamedCompany {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(NamedCompany::of(parts))
    }
}

/// For routes where the company is optional (`invoice-defaults`): no resolvable company is
/// `None`; authentication failures still refuse the request.
impl axum::extract::OptionalFromRequestParts<AppState> for CompanyScope {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, ApiError> {
        match <CompanyScope as FromRequestParts<AppState>>::from_request_parts(parts, state).await {
            Ok(scope) => Ok(Some(scope)),
            Err(ApiError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

fn query_company(query: Option<&str>) -> Option<String> {
    query?
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "company")
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}

/// Tables of records that have item routes, by the route's resource segment.
const ITEM_TABLES: &[(&str, &str)] = &[
    ("invoices", "invoices"),
    ("clients", "clients"),
    ("suppliers", "suppliers"),
    ("products", "products"),
    ("vat-rates", "vat_rates"),
    ("document-series", "document_series"),
    ("bank-accounts", "bank_accounts"),
];

/// With no company named: the organization's only company, else the company of the record an
/// item route names.
async fn implicit_company(
    state: &AppState,
    org: OrgId,
    path: &str,
) -> Result<Option<CompanyId>, ApiError> {
    let ids: Vec<CompanyId> = on_db!(&state.db, c => sqlx::query_scalar::<_, CompanyId>(
        "SELECT id FROM companies WHERE organization_id = $1 AND deleted_at IS NULL ORDER BY created_at LIMIT 2",
    )
    .bind(org)
    .fetch_all(c)
    .await)?;
    if let [only] = ids.as_slice() {
        return Ok(Some(*only));
    }
    let mut segments = path.trim_start_matches("/api/v1/").split('/');
    let (Some(resource), Some(id)) = (segments.next(), segments.next()) else {
        return Ok(None);
    };
    let (Some(table), Ok(id)) = (
        ITEM_TABLES
            .iter()
            .find(|(r, _)| *r == resource)
            .map(|(_, t)| *t),
        Uuid::parse_str(id),
    ) else {
        return Ok(None);
    };
    // `table` comes from the fixed list above, never from the request.
    let sql = format!(
        "SELECT t.company_id FROM {table} t JOIN companies c ON c.id = t.company_id \
         WHERE t.id = $1 AND c.organization_id = $2 AND c.deleted_at IS NULL"
    );
    let found = on_db!(&state.db, c => sqlx::query_scalar::<_, CompanyId>(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .bind(org)
        .fetch_optional(c)
        .await)?;
    Ok(found)
}
