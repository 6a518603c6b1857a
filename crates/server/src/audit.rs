//! The audit log of security events (issue #5 item 9): sign-ins and their failures, second
//! factors, API keys, members' roles, the ANAF connection, and every refusal of a credential,
//! a permission or a rate limit — with the actor, client IP and user agent. Append-only: the
//! tables' triggers refuse updates and deletes, and no route changes a record.
//!
//! Business events are recorded where they happen ([`record`]); refusals are recorded by the
//! guard layer (`api::guard`) from the [`Refusal`] an error response carries, so no refusal
//! path can forget its record. A record that cannot be written is logged, never fatal.

use std::net::IpAddr;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde_json::Value;

use crate::api::error::ApiError;
use crate::auth::{ClientIp, Principal};
use crate::ids::{ApiKeyId, OrgId, UserId};
use crate::state::AppState;
use crate::store::audit as store;

/// How an event ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// A wrong secret (password, code, token).
    Failure,
    /// Stopped by a rule: a permission, a limit, a lock, a revoked key.
    Refused,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Refused => "refused",
        }
    }
}

/// Where a request came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
}

impl Origin {
    /// Work without a request (startup, jobs, the command line).
    pub fn internal() -> Origin {
        Origin {
            ip: None,
            user_agent: None,
        }
    }
}

impl FromRequestParts<AppState> for Origin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let ip = ClientIp::from_request_parts(parts, state).await?;
        let user_agent = parts
            .headers
            .get(axum::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(512).collect());
        Ok(Origin {
            ip: Some(ip.0),
            user_agent,
        })
    }
}

/// One record.
#[derive(Debug, Clone)]
pub struct Entry {
    pub event: &'static str,
    pub outcome: Outcome,
    pub organization: Option<OrgId>,
    pub user: Option<UserId>,
    pub api_key: Option<ApiKeyId>,
    /// The e-mail the actor is known by (for failures: the one typed).
    pub email: Option<String>,
    pub details: Value,
}

impl Entry {
    pub fn new(event: &'static str, outcome: Outcome) -> Entry {
        Entry {
            event,
            outcome,
            organization: None,
            user: None,
            api_key: None,
            email: None,
            details: Value::Object(serde_json::Map::new()),
        }
    }

    /// The actor: a signed-in principal, in its current organization.
    pub fn by(mut self, principal: &Principal) -> Entry {
        self.user = Some(principal.user.id);
        self.email = Some(principal.user.email.clone());
        self.api_key = principal.api_key;
        self.organization = principal.membership.as_ref().map(|m| m.organization.id);
        self
    }

    /// The actor: a user outside any organization (sign-ins, second factors).
    pub fn of_user(mut self, user: &crate::store::users::User) -> Entry {
        self.user = Some(user.id);
        self.email = Some(user.email.clone());
        self
    }

    pub fn email(mut self, email: &str) -> Entry {
        self.email = Some(email.trim().chars().take(254).collect());
        self
    }

    pub fn in_organization(mut self, org: OrgId) -> Entry {
        self.organization = Some(org);
        self
    }

    pub fn detail(mut self, key: &str, value: impl Into<Value>) -> Entry {
        if let Value::Object(map) = &mut self.details {
            map.insert(key.to_owned(), value.into());
        }
        self
    }
}

/// Appends `entry`; a failure to write is logged, not returned.
pub async fn record(state: &AppState, origin: &Origin, entry: Entry) {
    let written = async {
        let mut tx = state.db.begin().await?;
        store::insert(&mut tx, &entry, origin, state.now()).await?;
        tx.commit().await
    };
    if let Err(e) = written.await {
        tracing::error!(error = %e, event = entry.event, "writing an audit record");
    }
}

/// A refusal an error response carries to the guard layer, which records it with the
/// request's actor and origin.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub event: &'static str,
    pub outcome: Outcome,
    /// What the caller was told.
    pub reason: String,
}
