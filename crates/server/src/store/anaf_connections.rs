//! Which ANAF token a company submits and syncs with, per ANAF environment (test or prod): at
//! most one active connection per company and environment (lessons §7.2 item 18: a company uses
//! the token it was connected to, not any member's).

use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::config::AnafEnvironment;
use crate::ids::{AnafConnectionId, AnafTokenId, CompanyId, OrgId, UserId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Connection {
    pub id: AnafConnectionId,
    pub company_id: CompanyId,
    pub organization_id: OrgId,
    pub token_id: AnafTokenId,
    pub environment: String,
}

/// Makes `token` the company's token for `environment`, replacing the active one.
pub async fn connect(
    tx: &mut Tx,
    company: CompanyId,
    token: AnafTokenId,
    environment: AnafEnvironment,
    by: UserId,
    now: OffsetDateTime,
) -> Result<AnafConnectionId, sqlx::Error> {
    on_tx!(&mut *tx, c => sqlx::query(
        "UPDATE anaf_connections SET disconnected_at = $3 \
         WHERE company_id = $1 AND environment = $2 AND disconnected_at IS NULL",
    )
    .bind(company)
    .bind(environment.as_str())
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    let id = AnafConnectionId::new();
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO anaf_connections (id, company_id, token_id, environment, connected_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(company)
    .bind(token)
    .bind(environment.as_str())
    .bind(by)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

macro_rules! select_connection {
    () => {
        "SELECT a.id, a.company_id, c.organization_id, a.token_id, a.environment \
         FROM anaf_connections a JOIN companies c ON c.id = a.company_id"
    };
}

/// The company's active connection for `environment` (what submission and sync will use).
pub async fn active(
    db: &Db,
    company: CompanyId,
    environment: AnafEnvironment,
) -> Result<Option<Connection>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, Connection>(concat!(select_connection!(),
        " WHERE a.company_id = $1 AND a.environment = $2 AND a.disconnected_at IS NULL"))
        .bind(company)
        .bind(environment.as_str())
        .fetch_optional(c)
        .await)
}

/// The active connections that use `token`, in every environment.
pub async fn of_token(db: &Db, token: AnafTokenId) -> Result<Vec<Connection>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, Connection>(concat!(select_connection!(),
        " WHERE a.token_id = $1 AND a.disconnected_at IS NULL AND c.deleted_at IS NULL ORDER BY a.created_at, a.id"))
        .bind(token)
        .fetch_all(c)
        .await)
}

/// Ends every connection that uses `token` (it was revoked).
pub async fn disconnect_token(
    tx: &mut Tx,
    token: AnafTokenId,
    now: OffsetDateTime,
) -> Result<u64, sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE anaf_connections SET disconnected_at = $2 WHERE token_id = $1 AND disconnected_at IS NULL",
    )
    .bind(token)
    .bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
}
