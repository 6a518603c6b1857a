//! The access-token signing key (Ed25519). Given by `FACTURO_JWT_PRIVATE_KEY` (PKCS#8 PEM), or
//! created on first start as `<data dir>/jwt-ed25519.pem` with mode 0600.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use anyhow::Context;
use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey, spki::der::pem::LineEnding};
use jsonwebtoken::{DecodingKey, EncodingKey};
use sha2::{Digest, Sha256};

pub const KEY_FILE: &str = "jwt-ed25519.pem";

/// The key pair for access tokens, with a key id derived from the public key.
#[derive(Clone)]
pub struct SigningKeys {
    pub(crate) encoding: EncodingKey,
    pub(crate) decoding: DecodingKey,
    pub kid: String,
}

impl std::fmt::Debug for SigningKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKeys")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl SigningKeys {
    /// Loads the key from `pem` when given, else from the data directory, creating it there on
    /// first start.
    pub fn load_or_create(data_dir: &Path, pem: Option<&str>) -> anyhow::Result<SigningKeys> {
        if let Some(pem) = pem {
            return Self::from_pem(pem)
                .context("FACTURO_JWT_PRIVATE_KEY is not an Ed25519 PKCS#8 PEM key");
        }
        let path = data_dir.join(KEY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(pem) => Self::from_pem(&pem)
                .with_context(|| format!("{} is not an Ed25519 PKCS#8 PEM key", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(data_dir)
                    .with_context(|| format!("creating data directory {}", data_dir.display()))?;
                let key = SigningKey::generate(&mut rand::rngs::OsRng);
                let pem = key
                    .to_pkcs8_pem(LineEnding::LF)
                    .context("encoding the new key")?;
                let mut file = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(&path)
                    .with_context(|| format!("creating {}", path.display()))?;
                file.write_all(pem.as_bytes())?;
                file.sync_all()?;
                tracing::info!(path = %path.display(), "created a new access-token signing key");
                Ok(Self::from_signing_key(&key))
            }
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }

    pub fn from_pem(pem: &str) -> anyhow::Result<SigningKeys> {
        let key = SigningKey::from_pkcs8_pem(pem.trim()).map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(Self::from_signing_key(&key))
    }

    /// A fresh random key (tests, and one-off tools).
    pub fn generate() -> SigningKeys {
        Self::from_signing_key(&SigningKey::generate(&mut rand::rngs::OsRng))
    }

    fn from_signing_key(key: &SigningKey) -> SigningKeys {
        let public = key.verifying_key().to_bytes();
        let der = key
            .to_pkcs8_der()
            .map(|d| d.as_bytes().to_vec())
            .unwrap_or_default();
        let kid = hex::encode(&Sha256::digest(public)[..8]);
        SigningKeys {
            encoding: EncodingKey::from_ed_der(&der),
            decoding: DecodingKey::from_ed_der(&public),
            kid,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn first_start_creates_a_private_key_file_and_later_starts_reuse_it() {
        let dir = std::env::temp_dir().join(format!("facturo-keys-{}", uuid::Uuid::now_v7()));
        let first = SigningKeys::load_or_create(&dir, None).unwrap();
        let mode = std::fs::metadata(dir.join(KEY_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let second = SigningKeys::load_or_create(&dir, None).unwrap();
        assert_eq!(first.kid, second.kid);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
