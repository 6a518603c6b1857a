//! The audit log's records: appended, listed, never changed (the tables' triggers refuse it).

use serde_json::Value;
use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::audit::{Entry, Origin};
use crate::ids::{ApiKeyId, AuditId, OrgId, UserId};
use crate::{on_db, on_tx};

pub async fn insert(
    tx: &mut Tx,
    entry: &Entry,
    origin: &Origin,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO audit_log (id, organization_id, user_id, api_key_id, actor_email, event, outcome, \
         ip, user_agent, details, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
        .bind(AuditId::new())
        .bind(entry.organization)
        .bind(entry.user)
        .bind(entry.api_key)
        .bind(entry.email.as_deref())
        .bind(entry.event)
        .bind(entry.outcome.as_str())
        .bind(origin.ip.map(|ip| ip.to_string()))
        .bind(origin.user_agent.as_deref())
        .bind(Json(&entry.details))
        .bind(Ts(now))
        .execute(c).await.map(|_| ()))
}

/// A stored record.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Record {
    pub id: AuditId,
    pub organization_id: Option<OrgId>,
    pub user_id: Option<UserId>,
    pub api_key_id: Option<ApiKeyId>,
    pub actor_email: Option<String>,
    pub event: String,
    pub outcome: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub details: Json<Value>,
    pub created_at: Ts,
}

/// What a listing asks for.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// An exact event name, or a prefix ending in `.` (`login.`).
    pub event: Option<String>,
    pub outcome: Option<String>,
    pub user: Option<UserId>,
    pub since: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
}

/// The WHERE clause of an organization's records (`$1`, the organization): its own, and the
/// account-level ones (sign-ins, second factors) of its members; every record when `$1` is
/// NULL (the instance's administrators). Filters bind from `$2`.
macro_rules! of_org {
    () => {
        "($1 IS NULL OR organization_id = $1 OR (organization_id IS NULL AND user_id IN \
     (SELECT user_id FROM memberships WHERE organization_id = $1))) \
     AND ($2 IS NULL OR event = $2) AND ($3 IS NULL OR event LIKE $3 ESCAPE '\\') \
     AND ($4 IS NULL OR outcome = $4) AND ($5 IS NULL OR user_id = $5) \
     AND ($6 IS NULL OR created_at >= $6) AND ($7 IS NULL OR created_at < $7)"
    };
}

/// A page of the records of `org` (all records when None), newest first, and their count.
pub async fn list(
    db: &Db,
    org: Option<OrgId>,
    filter: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Record>, i64), sqlx::Error> {
    // Event names are `[a-z_.]`: a prefix escapes its `_` for LIKE.
    let (exact, prefix) = match filter.event.as_deref() {
        Some(e) if e.ends_with('.') => (None, Some(format!("{}%", e.replace('_', "\\_")))),
        other => (other, None),
    };
    let count_sql = concat!("SELECT COUNT(*) FROM audit_log WHERE ", of_org!());
    let page_sql = concat!(
        "SELECT id, organization_id, user_id, api_key_id, actor_email, event, outcome, ip, user_agent, \
         details, created_at FROM audit_log WHERE ",
        of_org!(),
        " ORDER BY created_at DESC, id DESC LIMIT $8 OFFSET $9"
    );
    let total = on_db!(db, c => sqlx::query_scalar::<_, i64>(count_sql)
        .bind(org).bind(exact).bind(prefix.as_deref())
        .bind(filter.outcome.as_deref()).bind(filter.user)
        .bind(filter.since.map(Ts)).bind(filter.until.map(Ts))
        .fetch_one(c).await)?;
    let rows = on_db!(db, c => sqlx::query_as::<_, Record>(page_sql)
        .bind(org).bind(exact).bind(prefix.as_deref())
        .bind(filter.outcome.as_deref()).bind(filter.user)
        .bind(filter.since.map(Ts)).bind(filter.until.map(Ts))
        .bind(limit).bind(offset)
        .fetch_all(c).await)?;
    Ok((rows, total))
}
