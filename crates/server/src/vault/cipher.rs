//! Encryption at rest: AES-256-GCM with a random 96-bit nonce per value. Each ciphertext carries
//! its format version and key id (`v1.<key id>.<base64url(nonce | ciphertext | tag)>`), and its
//! associated data binds it to one row and column, so a ciphertext copied to another row or
//! column does not decrypt.
//!
//! The key is `FACTURO_SECRET_KEY` (32 bytes, base64) or `<data dir>/vault-aes256.key`, created
//! on first start with mode 0600, as the access-token signing key is (`auth::keys`).

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, Key, KeyInit};
use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zeroize::Zeroizing;

pub const KEY_FILE: &str = "vault-aes256.key";
const VERSION: &str = "v1";
const NONCE_LEN: usize = 12;

/// A decrypted secret. Its `Debug` shows nothing, it has no `Display`, and its memory is wiped
/// when it is dropped.
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(text: String) -> Secret {
        Secret(Zeroizing::new(text))
    }

    /// The secret itself, for the one call that sends it to ANAF.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Which column of which table a ciphertext belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    AnafAccessToken,
    AnafRefreshToken,
    /// A connect link's token (`anaf_token_links.link_enc`).
    AnafLinkToken,
    /// A user's TOTP secret (`user_mfa`), pending or enabled.
    TotpSecret,
    /// A webhook endpoint's signing secret, current or previous (`webhook_endpoints`).
    WebhookSecret,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::AnafAccessToken => "anaf_tokens.access_token",
            Purpose::AnafRefreshToken => "anaf_tokens.refresh_token",
            Purpose::AnafLinkToken => "anaf_token_links.link",
            Purpose::TotpSecret => "user_mfa.totp_secret",
            Purpose::WebhookSecret => "webhook_endpoints.secret",
        }
    }
}

/// The row and column a ciphertext is bound to (its associated data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub row: Uuid,
    pub purpose: Purpose,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum CipherError {
    #[error("the stored secret is not in the {VERSION} format")]
    Malformed,
    #[error(
        "the stored secret was encrypted with key {found}, and this server's key is {expected} \
         (FACTURO_SECRET_KEY or the key file in the data directory changed)"
    )]
    WrongKey { found: String, expected: String },
    #[error("the stored secret does not decrypt: it was altered or belongs to another row")]
    Tampered,
    #[error("encrypting a secret failed")]
    Encrypt,
}

/// The vault's key, with an id derived from it (safe to show: it reveals nothing of the key).
pub struct VaultKey {
    cipher: Aes256Gcm,
    kid: String,
}

impl std::fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VaultKey")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl VaultKey {
    /// The key given (base64), else the one in the data directory, created there on first start.
    pub fn load_or_create(data_dir: &Path, given: Option<&str>) -> anyhow::Result<VaultKey> {
        if let Some(text) = given {
            return Self::from_base64(text).context(
                "FACTURO_SECRET_KEY is not 32 bytes in base64 (`openssl rand -base64 32`)",
            );
        }
        let path = data_dir.join(KEY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::from_base64(&text)
                .with_context(|| format!("{} is not 32 bytes in base64", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(data_dir)
                    .with_context(|| format!("creating data directory {}", data_dir.display()))?;
                let mut bytes = Zeroizing::new([0u8; 32]);
                rand::rngs::OsRng.fill_bytes(bytes.as_mut());
                let text = Zeroizing::new(STANDARD.encode(bytes.as_slice()) + "\n");
                let mut file = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(&path)
                    .with_context(|| format!("creating {}", path.display()))?;
                file.write_all(text.as_bytes())?;
                file.sync_all()?;
                let key = Self::from_bytes(&bytes);
                tracing::info!(path = %path.display(), kid = key.kid, "created a new secret-encryption key");
                Ok(key)
            }
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }

    /// 32 bytes in standard or URL-safe base64, padded or not.
    pub fn from_base64(text: &str) -> anyhow::Result<VaultKey> {
        let text = text.trim();
        let decoded = Zeroizing::new(
            STANDARD
                .decode(text)
                .or_else(|_| STANDARD_NO_PAD.decode(text))
                .or_else(|_| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')))
                .context("not base64")?,
        );
        let bytes: Zeroizing<[u8; 32]> = Zeroizing::new(
            decoded
                .as_slice()
                .try_into()
                .map_err(|_| anyhow::anyhow!("{} bytes, not 32", decoded.len()))?,
        );
        Ok(Self::from_bytes(&bytes))
    }

    /// A fresh random key (tests).
    pub fn generate() -> VaultKey {
        let mut bytes = Zeroizing::new([0u8; 32]);
        rand::rngs::OsRng.fill_bytes(bytes.as_mut());
        Self::from_bytes(&bytes)
    }

    fn from_bytes(bytes: &[u8; 32]) -> VaultKey {
        let digest = Sha256::new()
            .chain_update(b"facturo vault key id\0")
            .chain_update(bytes)
            .finalize();
        VaultKey {
            cipher: Aes256Gcm::new(&Key::<Aes256Gcm>::from(*bytes)),
            kid: hex::encode(&digest[..8]),
        }
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    fn aad(&self, binding: Binding) -> String {
        format!(
            "facturo:{VERSION}:{}:{}:{}",
            self.kid,
            binding.purpose.as_str(),
            binding.row
        )
    }

    /// Encrypts `plaintext` for the row and column of `binding`.
    pub fn seal(&self, plaintext: &str, binding: Binding) -> Result<String, CipherError> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let aad = self.aad(binding);
        let ciphertext = self
            .cipher
            .encrypt(
                &aes_gcm::aead::Nonce::<Aes256Gcm>::from(nonce),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| CipherError::Encrypt)?;
        let mut packed = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        packed.extend_from_slice(&nonce);
        packed.extend_from_slice(&ciphertext);
        Ok(format!(
            "{VERSION}.{}.{}",
            self.kid,
            URL_SAFE_NO_PAD.encode(packed)
        ))
    }

    /// Decrypts a value sealed for the row and column of `binding`.
    pub fn open(&self, sealed: &str, binding: Binding) -> Result<Secret, CipherError> {
        let mut parts = sealed.splitn(3, '.');
        let (Some(VERSION), Some(kid), Some(body)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(CipherError::Malformed);
        };
        if kid != self.kid {
            return Err(CipherError::WrongKey {
                found: kid.to_owned(),
                expected: self.kid.clone(),
            });
        }
        let packed = URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| CipherError::Malformed)?;
        if packed.len() < NONCE_LEN + 16 {
            return Err(CipherError::Malformed);
        }
        let (nonce, ciphertext) = packed.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| CipherError::Malformed)?;
        let aad = self.aad(binding);
        let plaintext = Zeroizing::new(
            self.cipher
                .decrypt(
                    &aes_gcm::aead::Nonce::<Aes256Gcm>::from(nonce),
                    Payload {
                        msg: ciphertext,
                        aad: aad.as_bytes(),
                    },
                )
                .map_err(|_| CipherError::Tampered)?,
        );
        let text = std::str::from_utf8(&plaintext).map_err(|_| CipherError::Malformed)?;
        Ok(Secret::new(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn binding(purpose: Purpose) -> Binding {
        Binding {
            row: Uuid::now_v7(),
            purpose,
        }
    }

    #[test]
    fn a_sealed_secret_opens_only_for_its_row_and_column() {
        let key = VaultKey::generate();
        let at = binding(Purpose::AnafAccessToken);
        let sealed = key.seal("eyJ.secret.token", at).unwrap();
        assert!(sealed.starts_with(&format!("v1.{}.", key.kid())));
        assert!(!sealed.contains("secret"));
        assert_eq!(key.open(&sealed, at).unwrap().expose(), "eyJ.secret.token");

        let other_row = Binding {
            row: Uuid::now_v7(),
            ..at
        };
        assert_eq!(
            key.open(&sealed, other_row).unwrap_err(),
            CipherError::Tampered
        );
        let other_column = Binding {
            purpose: Purpose::AnafRefreshToken,
            ..at
        };
        assert_eq!(
            key.open(&sealed, other_column).unwrap_err(),
            CipherError::Tampered
        );
    }

    #[test]
    fn each_value_gets_its_own_nonce() {
        let key = VaultKey::generate();
        let at = binding(Purpose::AnafRefreshToken);
        assert_ne!(key.seal("same", at).unwrap(), key.seal("same", at).unwrap());
    }

    #[test]
    fn another_key_or_an_altered_value_is_refused() {
        let key = VaultKey::generate();
        let at = binding(Purpose::AnafAccessToken);
        let sealed = key.seal("token", at).unwrap();
        assert!(matches!(
            VaultKey::generate().open(&sealed, at),
            Err(CipherError::WrongKey { .. })
        ));
        let mut altered = sealed.clone().into_bytes();
        let last = altered.len() - 2;
        altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            key.open(&String::from_utf8(altered).unwrap(), at)
                .unwrap_err(),
            CipherError::Tampered
        );
        assert_eq!(key.open("v2.x.y", at).unwrap_err(), CipherError::Malformed);
    }

    #[test]
    fn debug_output_shows_no_secret() {
        let secret = Secret::new("eyJhbGciOi.very-secret".into());
        assert_eq!(format!("{secret:?}"), "Secret(***)");
        let key = VaultKey::generate();
        assert!(format!("{key:?}").contains(key.kid()));
    }

    #[test]
    fn the_key_comes_from_base64_or_a_0600_file_made_on_first_start() {
        let given = STANDARD.encode([7u8; 32]);
        let a = VaultKey::from_base64(&given).unwrap();
        let b = VaultKey::from_base64(&URL_SAFE_NO_PAD.encode([7u8; 32])).unwrap();
        assert_eq!(a.kid(), b.kid());
        assert!(VaultKey::from_base64(&STANDARD.encode([7u8; 16])).is_err());

        let dir = std::env::temp_dir().join(format!("facturo-vault-{}", Uuid::now_v7()));
        let first = VaultKey::load_or_create(&dir, None).unwrap();
        let mode = std::fs::metadata(dir.join(KEY_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let second = VaultKey::load_or_create(&dir, None).unwrap();
        assert_eq!(first.kid(), second.kid());
        let from_env = VaultKey::load_or_create(&dir, Some(&given)).unwrap();
        assert_eq!(from_env.kid(), a.kid());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
