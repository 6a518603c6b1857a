//! Invitations to join an organization (api.md §4), addressed within one organization by id,
//! or by the hash of their e-mailed token (the token itself is never stored).

use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, StoreError, Ts, Tx, is_unique_violation};
use crate::ids::{CompanyId, InvitationId, OrgId, UserId};
use crate::{on_db, on_tx};

/// api.md §27 `InvitationStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Accepted,
    Cancelled,
    Expired,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Accepted => "accepted",
            Status::Cancelled => "cancelled",
            Status::Expired => "expired",
        }
    }

    fn parse(s: &str) -> Status {
        match s {
            "accepted" => Status::Accepted,
            "cancelled" => Status::Cancelled,
            "expired" => Status::Expired,
            _ => Status::Pending,
        }
    }
}

/// Who sent an invitation; `None` on the invitation once their account is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inviter {
    pub id: UserId,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Invitation {
    pub id: InvitationId,
    pub organization_id: OrgId,
    pub organization_name: String,
    /// Normalized (trimmed, lower-cased), as user e-mails are.
    pub email: String,
    pub role: String,
    pub allowed_companies: Vec<CompanyId>,
    /// As stored: see [`Invitation::status_at`].
    pub status: Status,
    pub invited_by: Option<Inviter>,
    pub expires_at: OffsetDateTime,
    pub created_at: OffsetDateTime,
}

impl Invitation {
    /// The status a reader sees at `now`: a pending invitation past its expiry is expired.
    pub fn status_at(&self, now: OffsetDateTime) -> Status {
        match self.status {
            Status::Pending if self.expires_at <= now => Status::Expired,
            other => other,
        }
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: InvitationId,
    organization_id: OrgId,
    organization_name: String,
    email: String,
    role: String,
    allowed_companies: Option<Json<Vec<CompanyId>>>,
    status: String,
    invited_by: Option<UserId>,
    inviter_first_name: Option<String>,
    inviter_last_name: Option<String>,
    expires_at: Ts,
    created_at: Ts,
}

impl From<Row> for Invitation {
    fn from(r: Row) -> Self {
        Invitation {
            id: r.id,
            organization_id: r.organization_id,
            organization_name: r.organization_name,
            email: r.email,
            role: r.role,
            allowed_companies: r.allowed_companies.map(|j| j.0).unwrap_or_default(),
            status: Status::parse(&r.status),
            invited_by: r.invited_by.map(|id| Inviter {
                id,
                first_name: r.inviter_first_name,
                last_name: r.inviter_last_name,
            }),
            expires_at: r.expires_at.0,
            created_at: r.created_at.0,
        }
    }
}

macro_rules! select_invitation {
    () => {
        "SELECT i.id, i.organization_id, o.name AS organization_name, i.email, i.role, \
         i.allowed_companies, i.status, i.invited_by, u.first_name AS inviter_first_name, \
         u.last_name AS inviter_last_name, i.expires_at, i.created_at \
         FROM invitations i JOIN organizations o ON o.id = i.organization_id \
         LEFT JOIN users u ON u.id = i.invited_by"
    };
}

/// Every invitation of the organization, newest first.
pub async fn list(db: &Db, org: OrgId) -> Result<Vec<Invitation>, sqlx::Error> {
    let rows = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(select_invitation!(),
        " WHERE i.organization_id = $1 ORDER BY i.created_at DESC, i.id DESC"))
    .bind(org)
    .fetch_all(c)
    .await)?;
    Ok(rows.into_iter().map(Invitation::from).collect())
}

pub async fn get_in(
    tx: &mut Tx,
    org: OrgId,
    id: InvitationId,
) -> Result<Option<Invitation>, sqlx::Error> {
    let row = on_tx!(tx, c => sqlx::query_as::<_, Row>(concat!(select_invitation!(),
        " WHERE i.organization_id = $1 AND i.id = $2"))
    .bind(org)
    .bind(id)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(Invitation::from))
}

/// The invitation a token (by its hash) belongs to, whatever its status.
pub async fn by_token(db: &Db, token_hash: &str) -> Result<Option<Invitation>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(select_invitation!(),
        " WHERE i.token_hash = $1"))
    .bind(token_hash)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(Invitation::from))
}

pub async fn by_token_in(tx: &mut Tx, token_hash: &str) -> Result<Option<Invitation>, sqlx::Error> {
    let row = on_tx!(tx, c => sqlx::query_as::<_, Row>(concat!(select_invitation!(),
        " WHERE i.token_hash = $1"))
    .bind(token_hash)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(Invitation::from))
}

/// The stored-pending invitation of an address (expired or not).
pub async fn pending_for(
    tx: &mut Tx,
    org: OrgId,
    email: &str,
) -> Result<Option<Invitation>, sqlx::Error> {
    let row = on_tx!(tx, c => sqlx::query_as::<_, Row>(concat!(select_invitation!(),
        " WHERE i.organization_id = $1 AND i.email = $2 AND i.status = 'pending'"))
    .bind(org)
    .bind(email)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(Invitation::from))
}

/// What a new invitation stores.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub id: InvitationId,
    pub organization_id: OrgId,
    pub email: String,
    pub role: String,
    pub allowed_companies: Vec<CompanyId>,
    pub token_hash: String,
    pub invited_by: UserId,
    pub expires_at: OffsetDateTime,
}

/// Stores an invitation; another pending one for the address is a `Conflict`.
pub async fn insert(
    tx: &mut Tx,
    new: &NewInvitation,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let companies = (!new.allowed_companies.is_empty()).then_some(Json(&new.allowed_companies));
    let result = on_tx!(tx, c => sqlx::query(
        "INSERT INTO invitations (id, organization_id, email, role, allowed_companies, token_hash, \
         status, invited_by, expires_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9, $9)",
    )
    .bind(new.id)
    .bind(new.organization_id)
    .bind(&new.email)
    .bind(&new.role)
    .bind(companies)
    .bind(&new.token_hash)
    .bind(new.invited_by)
    .bind(Ts(new.expires_at))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()));
    pending_conflict(result)
}

fn pending_conflict(result: Result<u64, sqlx::Error>) -> Result<(), StoreError> {
    match result {
        Ok(_) => Ok(()),
        Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict(
            "An invitation is already pending for this e-mail address.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Marks an invitation cancelled or expired (never pending or accepted: see `renew`, `accept`).
pub async fn close(
    tx: &mut Tx,
    org: OrgId,
    id: InvitationId,
    status: Status,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let cancelled_at = (status == Status::Cancelled).then_some(Ts(now));
    on_tx!(tx, c => sqlx::query(
        "UPDATE invitations SET status = $3, cancelled_at = COALESCE($4, cancelled_at), updated_at = $5 \
         WHERE organization_id = $1 AND id = $2",
    )
    .bind(org)
    .bind(id)
    .bind(status.as_str())
    .bind(cancelled_at)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Replaces the token and expiry and makes the invitation pending again (resend); the old link
/// stops working.
pub async fn renew(
    tx: &mut Tx,
    org: OrgId,
    id: InvitationId,
    token_hash: &str,
    expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let result = on_tx!(tx, c => sqlx::query(
        "UPDATE invitations SET token_hash = $3, expires_at = $4, status = 'pending', updated_at = $5 \
         WHERE organization_id = $1 AND id = $2",
    )
    .bind(org)
    .bind(id)
    .bind(token_hash)
    .bind(Ts(expires_at))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()));
    pending_conflict(result)
}

/// Uses the invitation up: `false` when it was no longer pending and unexpired (another request
/// accepted or cancelled it first). The condition sits in the UPDATE, so a token works once
/// even when two requests race.
pub async fn accept(
    tx: &mut Tx,
    id: InvitationId,
    user: UserId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let updated = on_tx!(tx, c => sqlx::query(
        "UPDATE invitations SET status = 'accepted', accepted_by = $2, accepted_at = $3, updated_at = $3 \
         WHERE id = $1 AND status = 'pending' AND expires_at > $3",
    )
    .bind(id)
    .bind(user)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(updated == 1)
}
