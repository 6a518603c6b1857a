//! Accounts at other providers (Google) linked to users: a provider's subject id signs its user
//! in, whatever address either side has since.

use time::OffsetDateTime;

use super::{Db, StoreError, Ts, Tx, is_unique_violation};
use crate::ids::{IdentityId, UserId};
use crate::{on_db, on_tx};

/// Google accounts, by their `sub` claim.
pub const GOOGLE: &str = "google";

/// The user a provider's subject is linked to.
pub async fn find_user(
    db: &Db,
    provider: &str,
    subject: &str,
) -> Result<Option<UserId>, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar::<_, UserId>(
        "SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2",
    )
    .bind(provider)
    .bind(subject)
    .fetch_optional(c)
    .await)
}

/// Links a provider's subject to `user`; `email` is the address the provider vouched for.
pub async fn link(
    tx: &mut Tx,
    user: UserId,
    provider: &str,
    subject: &str,
    email: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let result = on_tx!(tx, c => sqlx::query(
        "INSERT INTO user_identities (id, user_id, provider, subject, email, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(IdentityId::new())
    .bind(user)
    .bind(provider)
    .bind(subject)
    .bind(email)
    .bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()));
    match result {
        Ok(_) => Ok(()),
        Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict(
            "This account is already linked to another user.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}
