//! The ANAF token vault (issue #4): users' ANAF OAuth tokens encrypted at rest (`cipher`), bound
//! to this installation (`instance`), obtained through "connect" links (`links`), connected to
//! companies, refreshed before they expire (`access`), and warned about before a person must
//! authorize again (`forecast`). `tokens` holds the operations behind `/api/v1/anaf/tokens`.
//!
//! Code that talks to ANAF for a company (submission, sync) asks
//! [`access::access_token`] for a usable access token and nothing else: it refreshes when needed,
//! under the per-token refresh lock, and refuses a frozen installation's tokens.

pub mod access;
pub mod cipher;
pub mod clients;
pub mod forecast;
pub mod instance;
pub mod links;
pub mod tokens;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::ids::InstanceId;
use crate::store::anaf_tokens::AnafToken;
use cipher::{Binding, CipherError, Purpose, Secret, VaultKey};

pub use clients::Authority;

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

    /// Seals a secret for its row (`row`) and column (`purpose`).
    pub fn seal(&self, row: Uuid, purpose: Purpose, secret: &str) -> Result<String, CipherError> {
        self.key.seal(secret, Binding { row, purpose })
    }

    /// Opens a secret sealed for `row` and `purpose`.
    pub fn open(&self, row: Uuid, purpose: Purpose, sealed: &str) -> Result<Secret, CipherError> {
        self.key.open(sealed, Binding { row, purpose })
    }
}

/// Why a token may not be sent to ANAF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Unusable {
    /// Stored by another installation: the database was restored or copied (lessons #14).
    #[error(
        "the ANAF token belongs to another installation (a restored or copied database); an \
         instance administrator must confirm this one first (POST /api/v1/anaf/confirm-instance)"
    )]
    Frozen,
    #[error("the ANAF token was deleted")]
    Revoked,
    /// A person with the certificate must authorize again.
    #[error("the ANAF token expired")]
    Expired,
}

/// Whether this installation may refresh `token` or submit with it at `now` (the status's
/// `connected`; [`access::token_access`] checks the same and more before it opens a token).
pub fn usable(vault: &Vault, token: &AnafToken, now: OffsetDateTime) -> Result<(), Unusable> {
    if token.revoked_at.is_some() || token.access_token_enc.is_none() {
        Err(Unusable::Revoked)
    } else if token.instance_id != vault.instance {
        Err(Unusable::Frozen)
    } else if token.is_expired(now) {
        Err(Unusable::Expired)
    } else {
        Ok(())
    }
}
