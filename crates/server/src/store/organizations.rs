//! Organizations and memberships: who may act for which companies.

use serde_json::Value;
use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{CompanyId, MembershipId, OrgId, UserId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: OrgId,
    pub name: String,
    pub slug: String,
    pub created_at: OffsetDateTime,
}

/// A user's membership with its organization and the number of (live) companies there.
#[derive(Debug, Clone)]
pub struct Membership {
    pub id: MembershipId,
    pub organization: Organization,
    pub role: String,
    /// A non-empty custom list replaces the role's defaults (api.md §3.4).
    pub permissions: Option<Vec<String>>,
    /// Companies a non-owner/admin may act for; empty means all.
    pub allowed_companies: Vec<CompanyId>,
    pub is_active: bool,
    pub company_count: i64,
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    id: MembershipId,
    organization_id: OrgId,
    org_name: String,
    org_slug: String,
    org_created_at: Ts,
    role: String,
    permissions: Option<Json<Value>>,
    allowed_companies: Option<Json<Vec<CompanyId>>>,
    is_active: bool,
    company_count: i64,
}

impl From<MembershipRow> for Membership {
    fn from(r: MembershipRow) -> Self {
        let permissions = r.permissions.and_then(|j| {
            serde_json::from_value::<Vec<String>>(j.0)
                .ok()
                .filter(|p| !p.is_empty())
        });
        Membership {
            id: r.id,
            organization: Organization {
                id: r.organization_id,
                name: r.org_name,
                slug: r.org_slug,
                created_at: r.org_created_at.0,
            },
            role: r.role,
            permissions,
            allowed_companies: r.allowed_companies.map(|j| j.0).unwrap_or_default(),
            is_active: r.is_active,
            company_count: r.company_count,
        }
    }
}

/// All active memberships of a user, oldest first.
pub async fn memberships_of(db: &Db, user: UserId) -> Result<Vec<Membership>, sqlx::Error> {
    let rows = on_db!(db, c => sqlx::query_as::<_, MembershipRow>(
        "SELECT m.id, m.organization_id, o.name AS org_name, o.slug AS org_slug, \
         o.created_at AS org_created_at, m.role, m.permissions, m.allowed_companies, m.is_active, \
         (SELECT COUNT(*) FROM companies c WHERE c.organization_id = o.id AND c.deleted_at IS NULL) \
           AS company_count \
         FROM memberships m JOIN organizations o ON o.id = m.organization_id \
         WHERE m.user_id = $1 AND m.is_active = TRUE ORDER BY m.joined_at, m.id",
    )
    .bind(user)
    .fetch_all(c)
    .await)?;
    Ok(rows.into_iter().map(Membership::from).collect())
}

/// The organization of a user's oldest active membership, read inside a write transaction
/// (account events are recorded there).
pub async fn first_org_in(tx: &mut Tx, user: UserId) -> Result<Option<OrgId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar::<_, OrgId>(
        "SELECT organization_id FROM memberships WHERE user_id = $1 AND is_active = TRUE ORDER BY joined_at, id LIMIT 1",
    )
    .bind(user)
    .fetch_optional(c)
    .await)
}

pub async fn insert(tx: &mut Tx, org: &Organization) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("INSERT INTO organizations (id, name, slug, created_at) VALUES ($1, $2, $3, $4)")
        .bind(org.id)
        .bind(&org.name)
        .bind(&org.slug)
        .bind(Ts(org.created_at))
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn add_member(
    tx: &mut Tx,
    org: OrgId,
    user: UserId,
    role: &str,
    now: OffsetDateTime,
) -> Result<MembershipId, sqlx::Error> {
    let id = MembershipId::new();
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO memberships (id, organization_id, user_id, role, is_active, joined_at) \
         VALUES ($1, $2, $3, $4, TRUE, $5)",
    )
    .bind(id)
    .bind(org)
    .bind(user)
    .bind(role)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}
