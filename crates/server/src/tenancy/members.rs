//! Member operations (api.md §4): change a member's role, permissions, companies or state, and
//! deactivate them, under the contract's rules (nobody changes their own role or deactivates
//! themself, only an owner makes owners, an organization keeps an active owner) and two of ours
//! (only an owner changes an owner, and nobody grants a permission they do not hold, as API
//! keys cannot, api.md §3.2). The API calls these; invitations share the input checks.

use axum::http::StatusCode;
use time::OffsetDateTime;

use super::permissions::{self, Permission, PermissionSet, Role};
use crate::api::error::{ApiError, FieldError};
use crate::api::json::Patch;
use crate::auth::Principal;
use crate::events::{self, DomainEvent, MemberFacts, Origin};
use crate::ids::{CompanyId, MembershipId, OrgId};
use crate::state::AppState;
use crate::store::members::{self, Access, Member};
use crate::store::{Db, Tx};

pub const NOT_FOUND: ApiError = ApiError::NotFound("Member not found.");

/// What `PATCH /members/{id}` asks for; absent fields stay as they are.
#[derive(Debug, Clone, Default)]
pub struct MemberChanges {
    pub role: Option<String>,
    pub is_active: Option<bool>,
    /// `null` or `[]`: every company of the organization.
    pub allowed_companies: Patch<Vec<CompanyId>>,
    /// `null` or `[]`: the role's defaults.
    pub permissions: Patch<Vec<String>>,
}

/// A 400 naming the field, in the contract's field-level shape (api.md §1.6).
pub fn invalid(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::Fields(
        StatusCode::BAD_REQUEST,
        vec![FieldError::new(field, message)],
    )
}

/// One of the four roles (api.md §27 `OrganizationRole`).
pub fn parse_role(text: &str) -> Result<Role, ApiError> {
    Role::parse(text.trim()).ok_or_else(|| {
        invalid(
            "role",
            format!("Unknown role '{text}': use owner, admin, accountant or employee."),
        )
    })
}

/// Custom permissions must be among the 50 of api.md §3.3; they come back deduplicated, in the
/// contract's order.
pub fn parse_permissions(list: &[String]) -> Result<Vec<String>, ApiError> {
    let unknown: Vec<&str> = list
        .iter()
        .map(|p| p.trim())
        .filter(|p| Permission::parse(p).is_none())
        .collect();
    if !unknown.is_empty() {
        return Err(invalid(
            "permissions",
            format!("Unknown permissions: {}.", unknown.join(", ")),
        ));
    }
    let known: Vec<Permission> = list
        .iter()
        .filter_map(|p| Permission::parse(p.trim()))
        .collect();
    Ok(PermissionSet::of(&known)
        .to_vec()
        .into_iter()
        .map(|p| p.as_str().to_owned())
        .collect())
}

/// Every id must be a live company of the organization; they come back deduplicated.
pub async fn check_companies(
    db: &Db,
    org: OrgId,
    ids: Vec<CompanyId>,
) -> Result<Vec<CompanyId>, ApiError> {
    let known = members::company_refs(db, org).await?;
    let mut out: Vec<CompanyId> = Vec::with_capacity(ids.len());
    for id in ids {
        if !known.iter().any(|c| c.id == id) {
            return Err(invalid(
                "allowedCompanies",
                format!("Company {id} is not a company of this organization."),
            ));
        }
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

/// What a membership grants (api.md §3.4), whether or not it is active: what the members API
/// shows.
pub fn granted(access: &Access, is_super_admin: bool) -> PermissionSet {
    permissions::effective(
        Role::parse(&access.role),
        access.permissions.as_deref(),
        is_super_admin,
    )
}

/// What a membership lets its member do now: nothing while it is inactive.
fn in_effect(access: &Access, is_super_admin: bool) -> PermissionSet {
    if access.is_active {
        granted(access, is_super_admin)
    } else {
        PermissionSet::default()
    }
}

/// Applies `changes` to a member of the caller's organization.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: MembershipId,
    changes: MemberChanges,
    now: OffsetDateTime,
) -> Result<Member, ApiError> {
    let org = principal.org_id()?;
    let mut tx = state.db.begin().await?;
    members::lock_organization(&mut tx, org).await?;
    let target = members::get_in(&mut tx, org, id).await?.ok_or(NOT_FOUND)?;
    let old = &target.access;
    let new = Access {
        role: match changes.role.as_deref() {
            Some(text) => parse_role(text)?.as_str().to_owned(),
            None => old.role.clone(),
        },
        permissions: match changes.permissions {
            Patch::Absent => old.permissions.clone(),
            Patch::Null => None,
            Patch::Value(list) => Some(parse_permissions(&list)?).filter(|p| !p.is_empty()),
        },
        allowed_companies: match changes.allowed_companies {
            Patch::Absent => old.allowed_companies.clone(),
            Patch::Null => Vec::new(),
            Patch::Value(ids) => check_companies(&state.db, org, ids).await?,
        },
        is_active: changes.is_active.unwrap_or(old.is_active),
    };
    check_rules(&mut tx, principal, &target, &new).await?;
    members::update(&mut tx, org, id, &new, None).await?;
    let event = DomainEvent::MemberUpdated(facts(&target, &new));
    events::record(&mut tx, origin(principal, org), &event, now).await?;
    tx.commit().await?;
    members::get(&state.db, org, id).await?.ok_or(NOT_FOUND)
}

/// `DELETE /members/{id}`: the membership stays, inactive, so it can be reactivated. Deleting an
/// inactive member again changes nothing.
pub async fn deactivate(
    state: &AppState,
    principal: &Principal,
    id: MembershipId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let org = principal.org_id()?;
    let mut tx = state.db.begin().await?;
    members::lock_organization(&mut tx, org).await?;
    let target = members::get_in(&mut tx, org, id).await?.ok_or(NOT_FOUND)?;
    if !target.access.is_active {
        return Ok(());
    }
    let new = Access {
        is_active: false,
        ..target.access.clone()
    };
    check_rules(&mut tx, principal, &target, &new).await?;
    members::update(&mut tx, org, id, &new, None).await?;
    let event = DomainEvent::MemberDeactivated(facts(&target, &new));
    events::record(&mut tx, origin(principal, org), &event, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The rules of a change from `target.access` to `new`, checked inside the transaction that
/// makes it (the organization is locked, so the owner count cannot change underneath).
async fn check_rules(
    tx: &mut Tx,
    principal: &Principal,
    target: &Member,
    new: &Access,
) -> Result<(), ApiError> {
    let old = &target.access;
    if target.user_id == principal.user.id {
        if new.role != old.role {
            return Err(ApiError::bad_request("You cannot change your own role."));
        }
        if old.is_active && !new.is_active {
            return Err(ApiError::bad_request("You cannot deactivate yourself."));
        }
        if new.permissions != old.permissions
            || sorted(&new.allowed_companies) != sorted(&old.allowed_companies)
        {
            return Err(ApiError::bad_request(
                "You cannot change your own permissions or companies.",
            ));
        }
    }
    let acts_as_owner = principal.role == Some(Role::Owner) || principal.user.is_admin;
    if !acts_as_owner && old.role == Role::Owner.as_str() {
        return Err(ApiError::forbidden("Only an owner can change an owner."));
    }
    if !acts_as_owner && new.role == Role::Owner.as_str() {
        return Err(ApiError::forbidden(
            "Only an owner can make a member an owner.",
        ));
    }
    refuse_grants(
        principal,
        in_effect(old, target.is_super_admin),
        in_effect(new, target.is_super_admin),
    )?;
    let owner = |a: &Access| a.is_active && a.role == Role::Owner.as_str();
    if owner(old)
        && !owner(new)
        && members::other_active_owners(tx, principal.org_id()?, target.id).await? == 0
    {
        return Err(ApiError::bad_request(
            "An organization needs at least one active owner.",
        ));
    }
    Ok(())
}

/// Refuses a change from `before` to `after` that gives a permission the caller does not hold
/// (an admin with custom rights cannot hand out more than they have).
pub fn refuse_grants(
    principal: &Principal,
    before: PermissionSet,
    after: PermissionSet,
) -> Result<(), ApiError> {
    match after
        .to_vec()
        .into_iter()
        .find(|p| !before.contains(*p) && !principal.can(*p))
    {
        Some(p) => Err(ApiError::forbidden(format!(
            "Cannot grant permission \"{}\" — you do not have this permission.",
            p.as_str()
        ))),
        None => Ok(()),
    }
}

fn sorted(ids: &[CompanyId]) -> Vec<CompanyId> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids
}

fn facts(target: &Member, new: &Access) -> MemberFacts {
    MemberFacts {
        membership_id: target.id,
        user_id: target.user_id,
        role: new.role.clone(),
        is_active: new.is_active,
    }
}

pub(crate) fn origin(principal: &Principal, org: OrgId) -> Origin {
    Origin {
        organization: org,
        company: None,
        actor: Some(principal.user.id),
    }
}
