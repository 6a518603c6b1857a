//! Members of an organization as the members API shows them (api.md §4): each membership with
//! its user. Every read and write names the organization first, so another organization's
//! membership id finds nothing.

use serde_json::Value;
use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{CompanyId, MembershipId, OrgId, UserId};
use crate::{on_db, on_tx};

/// A membership with the user it belongs to.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: MembershipId,
    pub user_id: UserId,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// The user's last sign-in or token refresh: when their newest refresh token was issued.
    pub last_connected_at: Option<OffsetDateTime>,
    /// An instance administrator (`ROLE_SUPER_ADMIN`).
    pub is_super_admin: bool,
    pub access: Access,
    pub joined_at: OffsetDateTime,
}

/// What a membership grants: the part the members API changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub role: String,
    /// A non-empty custom list replacing the role's defaults, or `None` (api.md §3.4).
    pub permissions: Option<Vec<String>>,
    /// Companies a non-owner/admin may act for; empty means all.
    pub allowed_companies: Vec<CompanyId>,
    pub is_active: bool,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: MembershipId,
    user_id: UserId,
    email: String,
    first_name: Option<String>,
    last_name: Option<String>,
    last_connected_at: Option<Ts>,
    is_admin: bool,
    role: String,
    permissions: Option<Json<Value>>,
    allowed_companies: Option<Json<Vec<CompanyId>>>,
    is_active: bool,
    joined_at: Ts,
}

impl From<Row> for Member {
    fn from(r: Row) -> Self {
        let permissions = r.permissions.and_then(|j| {
            serde_json::from_value::<Vec<String>>(j.0)
                .ok()
                .filter(|p| !p.is_empty())
        });
        Member {
            id: r.id,
            user_id: r.user_id,
            email: r.email,
            first_name: r.first_name,
            last_name: r.last_name,
            last_connected_at: r.last_connected_at.map(|t| t.0),
            is_super_admin: r.is_admin,
            access: Access {
                role: r.role,
                permissions,
                allowed_companies: r.allowed_companies.map(|j| j.0).unwrap_or_default(),
                is_active: r.is_active,
            },
            joined_at: r.joined_at.0,
        }
    }
}

macro_rules! select_member {
    () => {
        "SELECT m.id, m.user_id, u.email, u.first_name, u.last_name, \
         (SELECT MAX(r.created_at) FROM refresh_tokens r WHERE r.user_id = u.id) AS last_connected_at, \
         u.is_admin, m.role, m.permissions, m.allowed_companies, m.is_active, m.joined_at \
         FROM memberships m JOIN users u ON u.id = m.user_id"
    };
}

/// Every member of the organization, active or not, in the order they joined.
pub async fn list(db: &Db, org: OrgId) -> Result<Vec<Member>, sqlx::Error> {
    let rows = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(select_member!(),
        " WHERE m.organization_id = $1 ORDER BY m.joined_at, m.id"))
    .bind(org)
    .fetch_all(c)
    .await)?;
    Ok(rows.into_iter().map(Member::from).collect())
}

pub async fn get(db: &Db, org: OrgId, id: MembershipId) -> Result<Option<Member>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(select_member!(),
        " WHERE m.organization_id = $1 AND m.id = $2"))
    .bind(org)
    .bind(id)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(Member::from))
}

/// A member, read inside the write transaction that changes it.
pub async fn get_in(
    tx: &mut Tx,
    org: OrgId,
    id: MembershipId,
) -> Result<Option<Member>, sqlx::Error> {
    let row = on_tx!(tx, c => sqlx::query_as::<_, Row>(concat!(select_member!(),
        " WHERE m.organization_id = $1 AND m.id = $2"))
    .bind(org)
    .bind(id)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(Member::from))
}

/// The membership (active or not) of a user in the organization.
pub async fn of_user_in(
    tx: &mut Tx,
    org: OrgId,
    user: UserId,
) -> Result<Option<Member>, sqlx::Error> {
    let row = on_tx!(tx, c => sqlx::query_as::<_, Row>(concat!(select_member!(),
        " WHERE m.organization_id = $1 AND m.user_id = $2"))
    .bind(org)
    .bind(user)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(Member::from))
}

/// The membership of the user with this (normalized) e-mail address, if any.
pub async fn of_email_in(
    tx: &mut Tx,
    org: OrgId,
    email: &str,
) -> Result<Option<Member>, sqlx::Error> {
    let row = on_tx!(tx, c => sqlx::query_as::<_, Row>(concat!(select_member!(),
        " WHERE m.organization_id = $1 AND u.email = $2"))
    .bind(org)
    .bind(email)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(Member::from))
}

/// Active owners of the organization other than `except` (an organization keeps at least one).
pub async fn other_active_owners(
    tx: &mut Tx,
    org: OrgId,
    except: MembershipId,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM memberships \
         WHERE organization_id = $1 AND id <> $2 AND role = 'owner' AND is_active = TRUE",
    )
    .bind(org)
    .bind(except)
    .fetch_one(c)
    .await)
}

/// Serializes membership changes of one organization until the transaction ends, so two owners
/// demoting each other at once cannot leave it without an owner, and two acceptances of one
/// invitation cannot both add a member. Only PostgreSQL needs the row lock: a SQLite write
/// transaction (`BEGIN IMMEDIATE`) already excludes every other writer.
pub async fn lock_organization(tx: &mut Tx, org: OrgId) -> Result<(), sqlx::Error> {
    if let Tx::Postgres(t) = tx {
        sqlx::query("SELECT id FROM organizations WHERE id = $1 FOR UPDATE")
            .bind(org)
            .fetch_optional(&mut **t)
            .await?;
    }
    Ok(())
}

fn permissions_json(access: &Access) -> Option<Json<&Vec<String>>> {
    access
        .permissions
        .as_ref()
        .filter(|p| !p.is_empty())
        .map(Json)
}

fn companies_json(access: &Access) -> Option<Json<&Vec<CompanyId>>> {
    (!access.allowed_companies.is_empty()).then_some(Json(&access.allowed_companies))
}

/// Sets what a membership grants. With `rejoined_at`, an inactive member rejoins (accepting a
/// new invitation) and their `joinedAt` moves to that instant.
pub async fn update(
    tx: &mut Tx,
    org: OrgId,
    id: MembershipId,
    access: &Access,
    rejoined_at: Option<OffsetDateTime>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE memberships SET role = $3, permissions = $4, allowed_companies = $5, is_active = $6, \
         joined_at = COALESCE($7, joined_at) WHERE organization_id = $1 AND id = $2",
    )
    .bind(org)
    .bind(id)
    .bind(&access.role)
    .bind(permissions_json(access))
    .bind(companies_json(access))
    .bind(access.is_active)
    .bind(rejoined_at.map(Ts))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Adds a user to the organization.
pub async fn insert(
    tx: &mut Tx,
    org: OrgId,
    user: UserId,
    access: &Access,
    now: OffsetDateTime,
) -> Result<MembershipId, sqlx::Error> {
    let id = MembershipId::new();
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO memberships (id, organization_id, user_id, role, permissions, allowed_companies, is_active, joined_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(org)
    .bind(user)
    .bind(&access.role)
    .bind(permissions_json(access))
    .bind(companies_json(access))
    .bind(access.is_active)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

/// A company as member and invitation JSON names it: `{id, name, cif}`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CompanyRef {
    pub id: CompanyId,
    pub name: String,
    pub cif: i64,
}

/// The organization's live companies: what `allowedCompanies` may name.
pub async fn company_refs(db: &Db, org: OrgId) -> Result<Vec<CompanyRef>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, CompanyRef>(
        "SELECT id, name, cif FROM companies WHERE organization_id = $1 AND deleted_at IS NULL \
         ORDER BY name, id",
    )
    .bind(org)
    .fetch_all(c)
    .await)
}

/// The organization's seats in use: active members and pending, unexpired invitations.
pub async fn seats_taken(
    tx: &mut Tx,
    org: OrgId,
    now: time::OffsetDateTime,
) -> Result<i64, sqlx::Error> {
    crate::on_tx!(tx, c => sqlx::query_scalar::<_, i64>(
        "SELECT (SELECT COUNT(*) FROM memberships WHERE organization_id = $1 AND is_active) \
              + (SELECT COUNT(*) FROM invitations WHERE organization_id = $1 AND status = 'pending' \
                 AND expires_at > $2)")
        .bind(org).bind(super::Ts(now)).fetch_one(c).await)
}
