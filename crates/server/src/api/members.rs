//! Members of the organization (api.md §4): the list any member may read, the permissions
//! reference, and editing or deactivating a member (`org.manage_members`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use time::OffsetDateTime;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, AppPath, Flag, Patch};
use super::wire;
use crate::audit::{self, Entry, Origin, Outcome};
use crate::auth::Principal;
use crate::ids::{CompanyId, MembershipId, UserId};
use crate::state::AppState;
use crate::store::members::{self, CompanyRef, Member};
use crate::tenancy::members::{self as ops, MemberChanges};
use crate::tenancy::{Permission, Role};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(permissions_reference))
        .routes(routes!(update, delete))
}

/// A company as member and invitation JSON name it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompanySummary {
    pub id: CompanyId,
    pub name: String,
    /// The CIF as an integer, as in Company JSON (api.md §5).
    pub cif: i64,
}

/// The refs of `ids` among the organization's live companies (a deleted company drops out of
/// the list but still restricts the member; see `tenancy::invitations::accept`).
pub fn summaries(ids: &[CompanyId], companies: &[CompanyRef]) -> Vec<CompanySummary> {
    ids.iter()
        .filter_map(|id| companies.iter().find(|c| c.id == *id))
        .map(|c| CompanySummary {
            id: c.id,
            name: c.name.clone(),
            cif: c.cif,
        })
        .collect()
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MemberUser {
    pub id: UserId,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// The last sign-in or session refresh.
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_connected_at: Option<OffsetDateTime>,
}

/// api.md §4 Member.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MemberView {
    pub id: MembershipId,
    pub user: MemberUser,
    /// `owner`, `admin`, `accountant` or `employee`.
    pub role: String,
    pub is_active: bool,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub joined_at: OffsetDateTime,
    /// Empty: every company of the organization.
    pub allowed_companies: Vec<CompanySummary>,
    pub is_current_user: bool,
    pub is_super_admin: bool,
    /// What the membership grants: the custom list, else the role's defaults (api.md §3.4);
    /// nothing is in effect while `isActive` is false.
    pub permissions: Vec<String>,
    pub has_custom_permissions: bool,
}

impl MemberView {
    fn new(m: Member, companies: &[CompanyRef], me: UserId) -> MemberView {
        let permissions = ops::granted(&m.access, m.is_super_admin)
            .to_vec()
            .into_iter()
            .map(|p| p.as_str().to_owned())
            .collect();
        MemberView {
            id: m.id,
            user: MemberUser {
                id: m.user_id,
                email: m.email,
                first_name: m.first_name,
                last_name: m.last_name,
                last_connected_at: m.last_connected_at,
            },
            allowed_companies: summaries(&m.access.allowed_companies, companies),
            is_current_user: m.user_id == me,
            is_super_admin: m.is_super_admin,
            permissions,
            has_custom_permissions: m.access.permissions.is_some(),
            role: m.access.role,
            is_active: m.access.is_active,
            joined_at: m.joined_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MemberListMeta {
    /// Whether the caller holds `org.manage_members`.
    pub can_manage: bool,
    /// The plan's user limit; `null` until plans exist (issue #5).
    pub max_users: Option<i64>,
    /// Active members.
    pub current_count: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberList {
    pub data: Vec<MemberView>,
    pub meta: MemberListMeta,
}

/// Every member of the current organization (`X-Organization`), active or not.
#[utoipa::path(get, path = "/api/v1/members", tag = "members", operation_id = "member_list",
    responses((status = 200, body = MemberList), (status = 404, description = "No organization")))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<MemberList>, ApiError> {
    let org = principal.org_id()?;
    let companies = members::company_refs(&state.db, org).await?;
    let rows = members::list(&state.db, org).await?;
    let current_count = rows.iter().filter(|m| m.access.is_active).count();
    let data = rows
        .into_iter()
        .map(|m| MemberView::new(m, &companies, principal.user.id))
        .collect();
    Ok(Json(MemberList {
        data,
        meta: MemberListMeta {
            can_manage: principal.can(Permission::OrgManageMembers),
            max_users: None,
            current_count,
        },
    }))
}

/// A JSON object whose keys keep the contract's order (JavaScript clients show them in it).
#[derive(Debug)]
pub struct Ordered(Vec<(&'static str, Vec<&'static str>)>);

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, values) in &self.0 {
            map.serialize_entry(key, values)?;
        }
        map.end()
    }
}

impl utoipa::PartialSchema for Ordered {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .additional_properties(Some(Vec::<String>::schema()))
            .into()
    }
}
impl ToSchema for Ordered {}

/// `{permissions: {category: […]}, roleDefaults: {role: […]}}` (api.md §3.3, §3.4).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PermissionsReference {
    pub permissions: Ordered,
    pub role_defaults: Ordered,
}

/// Every permission by category, and each role's defaults.
#[utoipa::path(get, path = "/api/v1/members/permissions-reference", tag = "members",
    operation_id = "member_permissions_reference",
    responses((status = 200, body = PermissionsReference), (status = 403)))]
async fn permissions_reference(
    principal: Principal,
) -> Result<Json<PermissionsReference>, ApiError> {
    principal.require(Permission::OrgManageMembers)?;
    let mut categories: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for p in Permission::ALL {
        match categories.iter_mut().find(|(c, _)| *c == p.category()) {
            Some((_, list)) => list.push(p.as_str()),
            None => categories.push((p.category(), vec![p.as_str()])),
        }
    }
    let roles = Role::ALL
        .iter()
        .map(|r| {
            let perms = r.default_permissions().to_vec();
            (
                r.as_str(),
                perms.into_iter().map(Permission::as_str).collect(),
            )
        })
        .collect();
    Ok(Json(PermissionsReference {
        permissions: Ordered(categories),
        role_defaults: Ordered(roles),
    }))
}

/// `PATCH /members/{id}`; absent fields stay, `null` or `[]` resets a list.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateMemberRequest {
    /// `owner` (only an owner may give it), `admin`, `accountant` or `employee`.
    pub role: Option<String>,
    pub is_active: Option<Flag>,
    /// Companies a non-owner/admin may act for; `[]` or `null`: all.
    #[serde(default)]
    #[schema(value_type = Option<Vec<CompanyId>>)]
    pub allowed_companies: Patch<Vec<CompanyId>>,
    /// Custom permissions replacing the role's defaults (api.md §3.3); `[]` or `null`: the
    /// defaults.
    #[serde(default)]
    #[schema(value_type = Option<Vec<String>>)]
    pub permissions: Patch<Vec<String>>,
}

/// Change a member's role, state, companies or permissions. Nobody changes their own access or
/// deactivates themself; only an owner makes or changes owners; an organization keeps an
/// active owner; nobody grants a permission they do not hold.
#[utoipa::path(patch, path = "/api/v1/members/{id}", tag = "members", operation_id = "member_update",
    params(("id" = MembershipId, Path)), request_body = UpdateMemberRequest,
    responses((status = 200, body = MemberView), (status = 400, description = "A rule or a field (`{errors:[{key,message}]}`)"),
              (status = 403), (status = 404)))]
async fn update(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppPath(id): AppPath<MembershipId>,
    AppJson(body): AppJson<UpdateMemberRequest>,
) -> Result<Json<MemberView>, ApiError> {
    principal.require(Permission::OrgManageMembers)?;
    let asked = Entry::new("member.updated", Outcome::Success)
        .by(&principal)
        .detail("membershipId", id.to_string())
        .detail("role", body.role.clone())
        .detail("isActive", body.is_active.as_ref().map(|f| f.0))
        .detail("permissionsChanged", !body.permissions.is_absent())
        .detail("companiesChanged", !body.allowed_companies.is_absent());
    let changes = MemberChanges {
        role: body.role,
        is_active: body.is_active.map(|f| f.0),
        allowed_companies: body.allowed_companies,
        permissions: body.permissions,
    };
    let member = ops::update(&state, &principal, id, changes, state.now()).await?;
    audit::record(
        &state,
        &origin,
        asked.detail("member", member.email.as_str()),
    )
    .await;
    let companies = members::company_refs(&state.db, principal.org_id()?).await?;
    Ok(Json(MemberView::new(member, &companies, principal.user.id)))
}

/// Deactivate a member (the membership is kept and can be reactivated with PATCH).
#[utoipa::path(delete, path = "/api/v1/members/{id}", tag = "members", operation_id = "member_delete",
    params(("id" = MembershipId, Path)), responses((status = 204), (status = 400), (status = 403), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppPath(id): AppPath<MembershipId>,
) -> Result<StatusCode, ApiError> {
    principal.require(Permission::OrgManageMembers)?;
    ops::deactivate(&state, &principal, id, state.now()).await?;
    let entry = Entry::new("member.deactivated", Outcome::Success)
        .by(&principal)
        .detail("membershipId", id.to_string());
    audit::record(&state, &origin, entry).await;
    Ok(StatusCode::NO_CONTENT)
}
