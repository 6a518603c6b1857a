//! Invitation operations (api.md §4): invite by e-mail, resend, cancel, look up by token and
//! accept. The token is random, stored only hashed (as refresh and confirmation tokens are,
//! `auth::tokens`), valid for seven days and works once. The e-mail with the link is queued in
//! the transaction that creates (or renews) the invitation, so it is sent exactly when the
//! invitation exists.

use axum::http::StatusCode;
use serde_json::json;
use time::{Duration, OffsetDateTime};

use super::members::{self as member_ops, invalid};
use super::permissions::{PermissionSet, Role};
use crate::api::error::ApiError;
use crate::auth::{Principal, session, tokens};
use crate::events::{self, DomainEvent, InvitationFacts, MemberFacts, Origin};
use crate::ids::{CompanyId, InvitationId, OrgId};
use crate::jobs::{self, Job};
use crate::mail::Email;
use crate::state::AppState;
use crate::store::invitations::{self, Invitation, NewInvitation, Status};
use crate::store::members::{self, Access};
use crate::store::{StoreError, Tx, users};

/// How long an invitation link works (api.md §4; a resend starts a new period).
pub const TTL: Duration = Duration::days(7);

pub const NOT_FOUND: ApiError = ApiError::NotFound("Invitation not found.");

/// What `POST /invitations` asks for.
#[derive(Debug, Clone, Default)]
pub struct InviteRequest {
    pub email: Option<String>,
    pub role: Option<String>,
    pub allowed_companies: Vec<CompanyId>,
}

fn already_member() -> ApiError {
    ApiError::Conflict {
        message: "This user is already a member of the organization.".into(),
        code: Some("ALREADY_MEMBER"),
    }
}

fn already_invited() -> ApiError {
    ApiError::Conflict {
        message: "An invitation is already pending for this e-mail address.".into(),
        code: Some("ALREADY_INVITED"),
    }
}

/// The store's unique-index conflict (one pending invitation per address) as the contract's 409.
fn pending_conflict(e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict(_) => already_invited(),
        other => other.into(),
    }
}

/// Invites an address into the caller's organization and e-mails the link.
pub async fn invite(
    state: &AppState,
    principal: &Principal,
    request: InviteRequest,
    now: OffsetDateTime,
) -> Result<Invitation, ApiError> {
    let org = principal.org_id()?;
    let email = users::normalize_email(request.email.as_deref().unwrap_or_default());
    if !session::is_plausible_email(&email) {
        return Err(invalid("email", "A valid e-mail address is required."));
    }
    let role = match request.role.as_deref() {
        Some(text) if !text.trim().is_empty() => member_ops::parse_role(text)?,
        _ => return Err(invalid("role", "The role is required.")),
    };
    if role == Role::Owner {
        return Err(invalid(
            "role",
            "An invitation cannot make an owner: invite an admin, then promote them.",
        ));
    }
    member_ops::refuse_grants(
        principal,
        PermissionSet::default(),
        role.default_permissions(),
    )?;
    let companies = member_ops::check_companies(&state.db, org, request.allowed_companies).await?;
    let mut tx = state.db.begin().await?;
    members::lock_organization(&mut tx, org).await?;
    refuse_members(&mut tx, org, &email).await?;
    if state.config.enforce_plan_limits
        && let Some(max) = state.licence.max_users()
        && u64::try_from(members::seats_taken(&mut tx, org, now).await?).unwrap_or(0) >= max
    {
        return Err(ApiError::plan_limit(format!(
            "The {} plan allows {max} members per organization (pending invitations count).",
            state.licence.plan.as_str()
        )));
    }
    if let Some(earlier) = invitations::pending_for(&mut tx, org, &email).await? {
        if earlier.status_at(now) == Status::Pending {
            return Err(already_invited());
        }
        invitations::close(&mut tx, org, earlier.id, Status::Expired, now).await?;
    }
    let secret = tokens::new_secret();
    let new = NewInvitation {
        id: InvitationId::new(),
        organization_id: org,
        email,
        role: role.as_str().to_owned(),
        allowed_companies: companies,
        token_hash: tokens::hash_secret(&secret),
        invited_by: principal.user.id,
        expires_at: now + TTL,
    };
    invitations::insert(&mut tx, &new, now)
        .await
        .map_err(pending_conflict)?;
    let invitation = invitations::get_in(&mut tx, org, new.id)
        .await?
        .ok_or(NOT_FOUND)?;
    send_link(&mut tx, state, principal, &invitation, &secret, now).await?;
    let event = DomainEvent::InvitationCreated(facts(&invitation));
    events::record(&mut tx, member_ops::origin(principal, org), &event, now).await?;
    tx.commit().await?;
    Ok(invitation)
}

/// A new link and a new seven days for a pending or expired invitation; the old link stops
/// working.
pub async fn resend(
    state: &AppState,
    principal: &Principal,
    id: InvitationId,
    now: OffsetDateTime,
) -> Result<Invitation, ApiError> {
    let org = principal.org_id()?;
    let mut tx = state.db.begin().await?;
    members::lock_organization(&mut tx, org).await?;
    let invitation = invitations::get_in(&mut tx, org, id)
        .await?
        .ok_or(NOT_FOUND)?;
    if matches!(invitation.status, Status::Accepted | Status::Cancelled) {
        return Err(ApiError::conflict(format!(
            "This invitation is {}; only a pending or expired one can be resent.",
            invitation.status.as_str()
        )));
    }
    refuse_members(&mut tx, org, &invitation.email).await?;
    let secret = tokens::new_secret();
    invitations::renew(
        &mut tx,
        org,
        id,
        &tokens::hash_secret(&secret),
        now + TTL,
        now,
    )
    .await
    .map_err(pending_conflict)?;
    let invitation = invitations::get_in(&mut tx, org, id)
        .await?
        .ok_or(NOT_FOUND)?;
    send_link(&mut tx, state, principal, &invitation, &secret, now).await?;
    let event = DomainEvent::InvitationResent(facts(&invitation));
    events::record(&mut tx, member_ops::origin(principal, org), &event, now).await?;
    tx.commit().await?;
    Ok(invitation)
}

/// Cancels an invitation: its link stops working. Cancelling twice changes nothing; an
/// accepted invitation is a membership now, deactivated through the members API.
pub async fn cancel(
    state: &AppState,
    principal: &Principal,
    id: InvitationId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let org = principal.org_id()?;
    let mut tx = state.db.begin().await?;
    let invitation = invitations::get_in(&mut tx, org, id)
        .await?
        .ok_or(NOT_FOUND)?;
    match invitation.status {
        Status::Cancelled => return Ok(()),
        Status::Accepted => {
            return Err(ApiError::conflict(
                "This invitation was accepted; deactivate the member instead.",
            ));
        }
        Status::Pending | Status::Expired => {}
    }
    invitations::close(&mut tx, org, id, Status::Cancelled, now).await?;
    let event = DomainEvent::InvitationCancelled(facts(&invitation));
    events::record(&mut tx, member_ops::origin(principal, org), &event, now).await?;
    tx.commit().await?;
    Ok(())
}

/// What the public accept page shows about a token.
#[derive(Debug, Clone)]
pub struct Preview {
    pub invitation: Invitation,
    /// Whether an account with the invited address exists (sign in rather than register).
    pub has_account: bool,
}

/// The invitation of a usable token; an unknown token is a 404, a used, cancelled or expired
/// one a 410 saying which.
pub async fn preview(
    state: &AppState,
    token: &str,
    now: OffsetDateTime,
) -> Result<Preview, ApiError> {
    let invitation = invitations::by_token(&state.db, &tokens::hash_secret(token.trim()))
        .await?
        .ok_or(NOT_FOUND)?;
    usable(&invitation, now)?;
    let has_account = users::find_by_email(&state.db, &invitation.email)
        .await?
        .is_some();
    Ok(Preview {
        invitation,
        has_account,
    })
}

/// The signed-in user joins the organization of the invitation sent to their address: a new
/// membership, or their inactive one reactivated, with the invited role and companies.
pub async fn accept(
    state: &AppState,
    principal: &Principal,
    token: &str,
    now: OffsetDateTime,
) -> Result<Invitation, ApiError> {
    let user = &principal.user;
    let mut tx = state.db.begin().await?;
    let invitation = invitations::by_token_in(&mut tx, &tokens::hash_secret(token.trim()))
        .await?
        .ok_or(NOT_FOUND)?;
    usable(&invitation, now)?;
    if users::normalize_email(&user.email) != invitation.email {
        return Err(ApiError::forbidden(
            "This invitation was sent to another e-mail address.",
        ));
    }
    let org = invitation.organization_id;
    members::lock_organization(&mut tx, org).await?;
    if !invitations::accept(&mut tx, invitation.id, user.id, now).await? {
        return Err(gone(
            "This invitation is no longer valid.",
            "INVITATION_USED",
        ));
    }
    // The invited companies are kept even if one was deleted since: dropping it could leave the
    // list empty, and an empty list means every company.
    let access = Access {
        role: invitation.role.clone(),
        permissions: None,
        allowed_companies: invitation.allowed_companies.clone(),
        is_active: true,
    };
    let membership_id = match members::of_user_in(&mut tx, org, user.id).await? {
        Some(m) if m.access.is_active => return Err(already_member()),
        Some(m) => {
            members::update(&mut tx, org, m.id, &access, Some(now)).await?;
            m.id
        }
        None => members::insert(&mut tx, org, user.id, &access, now).await?,
    };
    let event = DomainEvent::InvitationAccepted {
        invitation: facts(&invitation),
        member: MemberFacts {
            membership_id,
            user_id: user.id,
            role: access.role,
            is_active: true,
        },
    };
    let origin = Origin {
        organization: org,
        company: None,
        actor: Some(user.id),
    };
    events::record(&mut tx, origin, &event, now).await?;
    tx.commit().await?;
    Ok(invitation)
}

/// 410 with a `code`, so a client can tell a used link from an expired one.
fn gone(message: &str, code: &str) -> ApiError {
    ApiError::Custom(StatusCode::GONE, json!({ "error": message, "code": code }))
}

fn usable(invitation: &Invitation, now: OffsetDateTime) -> Result<(), ApiError> {
    match invitation.status_at(now) {
        Status::Pending => Ok(()),
        Status::Accepted => Err(gone(
            "This invitation has already been accepted.",
            "INVITATION_USED",
        )),
        Status::Cancelled => Err(gone(
            "This invitation has been cancelled.",
            "INVITATION_CANCELLED",
        )),
        Status::Expired => Err(gone(
            "This invitation has expired; ask for a new one.",
            "INVITATION_EXPIRED",
        )),
    }
}

/// 409 `ALREADY_MEMBER` when the address belongs to an active member.
async fn refuse_members(tx: &mut Tx, org: OrgId, email: &str) -> Result<(), ApiError> {
    match members::of_email_in(tx, org, email).await? {
        Some(m) if m.access.is_active => Err(already_member()),
        _ => Ok(()),
    }
}

/// Queues the invitation e-mail. The link opens the accept page (`web`), built from the public
/// URL.
async fn send_link(
    tx: &mut Tx,
    state: &AppState,
    principal: &Principal,
    invitation: &Invitation,
    secret: &str,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let inviter = match principal.user.full_name() {
        name if name.is_empty() => principal.user.email.clone(),
        name => name,
    };
    let link = format!("{}/invitation?token={secret}", state.config.public_url());
    let org = &invitation.organization_name;
    let mail = Email {
        to: invitation.email.clone(),
        subject: format!("{inviter} invited you to {org} on Facturo"),
        text: format!(
            "{inviter} invited you to join {org} on Facturo as {role}.\n\n\
             Open this link within 7 days to accept:\n\n{link}\n\n\
             Sign in with this address ({email}), or register with it if you have no account yet.\n\
             If you did not expect this invitation, ignore this message.\n",
            role = invitation.role,
            email = invitation.email,
        ),
    };
    jobs::enqueue(tx, &Job::SendEmail(mail), now, None, now).await?;
    Ok(())
}

fn facts(invitation: &Invitation) -> InvitationFacts {
    InvitationFacts {
        invitation_id: invitation.id,
        email: invitation.email.clone(),
        role: invitation.role.clone(),
    }
}
