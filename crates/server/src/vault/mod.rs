//! The ANAF token vault (issue #4): users' ANAF OAuth tokens encrypted at rest (`cipher`), bound
//! to this installation (`instance`), connected to companies, and warned about before they
//! expire (`forecast`). `tokens` holds the operations the API calls.
//!
//! It does not talk to ANAF. Code that will (refresh, submission, sync) asks [`usable`] first,
//! or calls [`open`], which does, and takes the refresh lock with
//! `store::anaf_tokens::claim_refresh`.

pub mod cipher;
pub mod forecast;
pub mod instance;
pub mod jwt;
pub mod tokens;

use time::OffsetDateTime;

use crate::ids::{AnafTokenId, InstanceId};
use crate::store::anaf_tokens::AnafToken;
use cipher::{Binding, CipherError, Purpose, Secret, VaultKey};

/// The encryption key and this installation's id.
#[derive(Debug)]
pub struct Vault {
    key: VaultKey,
    instance: InstanceId,
}

impl Vault {
    pub fn new(key: VaultKey, instance: InstanceId) -> Vault {
        Vault { key, instance }
    }

    /// This installation's id (see `instance`).
    pub fn instance(&self) -> InstanceId {
        self.instance
    }

    pub fn kid(&self) -> &str {
        self.key.kid()
    }

    /// Seals one of a token's secrets for its row and column.
    pub fn seal(
        &self,
        token: AnafTokenId,
        purpose: Purpose,
        secret: &str,
    ) -> Result<String, CipherError> {
        self.key.seal(
            secret,
            Binding {
                row: token.0,
                purpose,
            },
        )
    }

    fn open_one(
        &self,
        token: AnafTokenId,
        purpose: Purpose,
        sealed: &str,
    ) -> Result<Secret, CipherError> {
        self.key.open(
            sealed,
            Binding {
                row: token.0,
                purpose,
            },
        )
    }
}

/// Why a token may not be sent to ANAF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Unusable {
    /// Stored by another installation: the database was restored or copied (lessons #14).
    #[error(
        "the ANAF token belongs to another installation (a restored or copied database); an \
         instance administrator must confirm this one first"
    )]
    Frozen,
    #[error("the ANAF token was deleted")]
    Revoked,
    /// A person with the certificate must authorize again.
    #[error("the ANAF token expired")]
    Expired,
}

/// Whether this installation may refresh `token` or submit with it at `now`. Every caller that
/// sends a token to ANAF asks this first (or calls [`open`], which does).
pub fn usable(vault: &Vault, token: &AnafToken, now: OffsetDateTime) -> Result<(), Unusable> {
    if token.revoked_at.is_some() {
        Err(Unusable::Revoked)
    } else if token.instance_id != vault.instance {
        Err(Unusable::Frozen)
    } else if token.is_expired(now) {
        Err(Unusable::Expired)
    } else {
        Ok(())
    }
}

/// A usable token's secrets, decrypted.
#[derive(Debug)]
pub struct Credentials {
    pub access_token: Secret,
    pub access_expires_at: OffsetDateTime,
    pub refresh_token: Option<Secret>,
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    #[error(transparent)]
    Unusable(#[from] Unusable),
    #[error("ANAF token {token}: {source}")]
    Cipher {
        token: AnafTokenId,
        source: CipherError,
    },
}

/// The secrets of `token`, if this installation may use it at `now`.
pub fn open(
    vault: &Vault,
    token: &AnafToken,
    now: OffsetDateTime,
) -> Result<Credentials, VaultError> {
    usable(vault, token, now)?;
    let cipher = |source| VaultError::Cipher {
        token: token.id,
        source,
    };
    let access = token
        .access_token_enc
        .as_deref()
        .ok_or(Unusable::Revoked)?;
    Ok(Credentials {
        access_token: vault
            .open_one(token.id, Purpose::AnafAccessToken, access)
            .map_err(cipher)?,
        access_expires_at: token.access_expires_at,
        refresh_token: token
            .refresh_token_enc
            .as_deref()
            .map(|sealed| vault.open_one(token.id, Purpose::AnafRefreshToken, sealed))
            .transpose()
            .map_err(cipher)?,
    })
}
