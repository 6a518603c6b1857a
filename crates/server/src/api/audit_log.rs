//! `GET /api/v1/audit-log`: the security events of the current organization — its own and
//! its members' sign-ins and second factors — for owners and admins (`org.view_audit`).
//! Instance administrators may ask for every record (`scope=instance`), including those of no
//! organization (a refused licence, sign-in failures of unknown addresses). The log is
//! append-only: there is no route to change or delete a record.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::error::ApiError;
use super::json::{AppQuery, parse_date};
use super::page::{Page, PageMeta};
use crate::auth::Principal;
use crate::state::AppState;
use crate::store::audit::{self, Filter, Record};
use crate::tenancy::Permission;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    pub page: Option<i64>,
    pub limit: Option<i64>,
    /// An event name (`login.failed`), or a family ending in `.` (`login.`).
    pub event: Option<String>,
    /// `success`, `failure` or `refused`.
    pub outcome: Option<String>,
    pub user_id: Option<Uuid>,
    /// From this date (`YYYY-MM-DD`, UTC) or instant (RFC 3339), inclusive.
    pub from: Option<String>,
    /// Before this date (the whole day included) or instant.
    pub to: Option<String>,
    /// `instance`: every record (instance administrators only).
    pub scope: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditActor {
    pub user_id: Option<Uuid>,
    pub email: Option<String>,
    pub api_key_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub id: Uuid,
    pub event: String,
    /// `success`, `failure` (a wrong secret) or `refused` (a rule said no).
    pub outcome: String,
    pub actor: AuditActor,
    pub organization_id: Option<Uuid>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    #[schema(value_type = Object)]
    pub details: Value,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

impl From<Record> for AuditEntry {
    fn from(r: Record) -> Self {
        AuditEntry {
            id: r.id.0,
            event: r.event,
            outcome: r.outcome,
            actor: AuditActor {
                user_id: r.user_id.map(|u| u.0),
                email: r.actor_email,
                api_key_id: r.api_key_id.map(|k| k.0),
            },
            organization_id: r.organization_id.map(|o| o.0),
            ip: r.ip,
            user_agent: r.user_agent,
            details: r.details.0,
            created_at: r.created_at.0,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub data: Vec<AuditEntry>,
    #[serde(flatten)]
    pub page: PageMeta,
}

/// A date or an instant; a date stands for its midnight UTC, or the next one when `end`.
fn instant(field: &str, text: Option<&str>, end: bool) -> Result<Option<OffsetDateTime>, ApiError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if let Some(date) = parse_date(text) {
        let day = date.midnight().assume_utc();
        return Ok(Some(if end {
            day + time::Duration::days(1)
        } else {
            day
        }));
    }
    OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .map(Some)
        .map_err(|_| {
            ApiError::field(
                field,
                "Expected a date (YYYY-MM-DD) or an RFC 3339 instant.",
            )
        })
}

/// The security events of the organization, newest first.
#[utoipa::path(get, path = "/api/v1/audit-log", tag = "audit", operation_id = "audit_log_list",
    params(("page" = Option<i64>, Query), ("limit" = Option<i64>, Query), ("event" = Option<String>, Query),
        ("outcome" = Option<String>, Query), ("userId" = Option<Uuid>, Query), ("from" = Option<String>, Query),
        ("to" = Option<String>, Query), ("scope" = Option<String>, Query)),
    responses((status = 200, body = AuditPage), (status = 403, description = "No `org.view_audit`, or `scope=instance` without being an instance administrator")))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
    AppQuery(q): AppQuery<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let org = match q.scope.as_deref() {
        Some("instance") if principal.user.is_admin && principal.api_key.is_none() => None,
        Some("instance") => return Err(ApiError::permission_denied()),
        Some(other) if other != "organization" => {
            return Err(ApiError::field(
                "scope",
                "Expected organization or instance.",
            ));
        }
        _ => {
            principal.require(Permission::OrgViewAudit)?;
            Some(principal.org_id()?)
        }
    };
    if let Some(event) = &q.event
        && !event
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.')
    {
        return Err(ApiError::field(
            "event",
            "Event names are lower-case words joined by . and _.",
        ));
    }
    if let Some(outcome) = &q.outcome
        && !matches!(outcome.as_str(), "success" | "failure" | "refused")
    {
        return Err(ApiError::field(
            "outcome",
            "Expected success, failure or refused.",
        ));
    }
    let filter = Filter {
        event: q.event.filter(|e| !e.is_empty()),
        outcome: q.outcome,
        user: q.user_id.map(crate::ids::UserId),
        since: instant("from", q.from.as_deref(), false)?,
        until: instant("to", q.to.as_deref(), true)?,
    };
    let page = Page::new(q.page, q.limit);
    let (rows, total) = audit::list(&state.db, org, &filter, page.limit, page.offset()).await?;
    Ok(Json(AuditPage {
        data: rows.into_iter().map(AuditEntry::from).collect(),
        page: page.meta(total),
    }))
}
