//! "Connect" links (api.md §19 token-links) and the OAuth `state` of the flow each one starts.
//! A link is found by the hash of its token; its creator's links by the user id as the first
//! bind.

use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{AnafLinkId, AnafTokenId, CompanyId, OrgId, UserId};
use crate::{on_db, on_tx};

/// A stored link; its token stays sealed (`link_enc`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenLink {
    pub id: AnafLinkId,
    pub user_id: UserId,
    pub organization_id: OrgId,
    pub company_id: Option<CompanyId>,
    pub environment: String,
    pub link_enc: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub used_at: Option<OffsetDateTime>,
    /// The token the link's flow stored.
    pub token_id: Option<AnafTokenId>,
    /// Why the last attempt failed (ANAF's answer, never a secret).
    pub last_error: Option<String>,
}

impl TokenLink {
    pub fn is_expired(&self, now: OffsetDateTime) -> bool {
        self.expires_at <= now
    }

    pub fn is_used(&self) -> bool {
        self.used_at.is_some()
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: AnafLinkId,
    user_id: UserId,
    organization_id: OrgId,
    company_id: Option<CompanyId>,
    environment: String,
    link_enc: String,
    created_at: Ts,
    expires_at: Ts,
    used_at: Option<Ts>,
    token_id: Option<AnafTokenId>,
    last_error: Option<String>,
}

impl From<Row> for TokenLink {
    fn from(r: Row) -> Self {
        TokenLink {
            id: r.id,
            user_id: r.user_id,
            organization_id: r.organization_id,
            company_id: r.company_id,
            environment: r.environment,
            link_enc: r.link_enc,
            created_at: r.created_at.0,
            expires_at: r.expires_at.0,
            used_at: r.used_at.map(|t| t.0),
            token_id: r.token_id,
            last_error: r.last_error,
        }
    }
}

macro_rules! columns {
    () => {
        "id, user_id, organization_id, company_id, environment, link_enc, created_at, expires_at, \
         used_at, token_id, last_error"
    };
}

/// A link to store: its token already hashed and sealed.
#[derive(Debug, Clone)]
pub struct NewLink {
    pub id: AnafLinkId,
    pub user_id: UserId,
    pub organization_id: OrgId,
    pub company_id: Option<CompanyId>,
    pub environment: String,
    pub link_hash: String,
    pub link_enc: String,
    pub expires_at: OffsetDateTime,
}

pub async fn insert(tx: &mut Tx, link: &NewLink, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO anaf_token_links (id, user_id, organization_id, company_id, environment, \
         link_hash, link_enc, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(link.id)
    .bind(link.user_id)
    .bind(link.organization_id)
    .bind(link.company_id)
    .bind(&link.environment)
    .bind(&link.link_hash)
    .bind(&link.link_enc)
    .bind(Ts(now))
    .bind(Ts(link.expires_at))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The link whose token hashes to `link_hash`, in any state.
pub async fn by_hash(db: &Db, link_hash: &str) -> Result<Option<TokenLink>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(
        "SELECT ", columns!(), " FROM anaf_token_links WHERE link_hash = $1"))
        .bind(link_hash)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(TokenLink::from))
}

/// `user`'s links that are neither used nor expired, newest first.
pub async fn active_of_user(
    db: &Db,
    user: UserId,
    now: OffsetDateTime,
) -> Result<Vec<TokenLink>, sqlx::Error> {
    let rows = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(
        "SELECT ", columns!(), " FROM anaf_token_links \
         WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2 \
         ORDER BY created_at DESC, id DESC"))
        .bind(user)
        .bind(Ts(now))
        .fetch_all(c)
        .await)?;
    Ok(rows.into_iter().map(TokenLink::from).collect())
}

/// Starts a flow for an active link: its `state` (hashed) replaces any earlier one, which stops
/// working. Returns whether the link was active.
pub async fn start_flow(
    tx: &mut Tx,
    id: AnafLinkId,
    state_hash: &str,
    state_expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE anaf_token_links SET state_hash = $2, state_expires_at = $3 \
         WHERE id = $1 AND used_at IS NULL AND expires_at > $4",
    )
    .bind(id)
    .bind(state_hash)
    .bind(Ts(state_expires_at))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Uses up a `state`: returns its link when the state is known, not expired and its link
/// unused, and forgets the state, so that it works once.
pub async fn take_state(
    tx: &mut Tx,
    state_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<TokenLink>, sqlx::Error> {
    let row = on_tx!(tx, c => sqlx::query_as::<_, Row>(concat!(
        "UPDATE anaf_token_links SET state_hash = NULL, state_expires_at = NULL \
         WHERE state_hash = $1 AND state_expires_at > $2 AND used_at IS NULL \
         RETURNING ", columns!()))
        .bind(state_hash)
        .bind(Ts(now))
        .fetch_optional(c)
        .await)?;
    Ok(row.map(TokenLink::from))
}

/// Marks a link used by the flow that stored `token`. Returns whether it was still unused.
pub async fn complete(
    tx: &mut Tx,
    id: AnafLinkId,
    token: AnafTokenId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE anaf_token_links SET used_at = $3, token_id = $2, last_error = NULL \
         WHERE id = $1 AND used_at IS NULL",
    )
    .bind(id)
    .bind(token)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Notes why a flow failed; the link stays usable until it expires.
pub async fn record_error(db: &Db, id: AnafLinkId, error: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE anaf_token_links SET last_error = $2 WHERE id = $1")
        .bind(id)
        .bind(error)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    tx.commit().await
}
