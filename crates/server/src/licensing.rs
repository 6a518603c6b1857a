//! Licences (issue #5 item 7): a licence is a JWT signed with Ed25519 (`alg: EdDSA`), verified
//! offline against the vendor's public keys built into this binary, chosen by the token's
//! `kid` so keys can be rotated. Its claims name the plan, features, limits, seats and expiry.
//! No licence, or an expired, tampered or foreign one, means Freemium — said once, clearly, in
//! the log and by `GET /api/v1/licensing`. Nothing here touches the network.

use std::collections::BTreeMap;

use ed25519_dalek::pkcs8::DecodePrivateKey;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::plan::{Feature, Plan};

/// Who issues licences (`iss`).
pub const ISSUER: &str = "facturo-licensing";

/// The vendor's licence-signing public keys (raw Ed25519, hex), by key id. The private halves
/// never enter this repository.
const VENDOR_KEYS: &[(&str, &str)] = &[(
    "facturo-2026-1",
    "d4a6256c2e8c1c0b854688bf31c8c10e98cca7ce13cc4b8461fdeb91ee9e6c81",
)];

/// A public key licences may be signed with.
#[derive(Clone)]
pub struct TrustedKey {
    pub kid: String,
    key: DecodingKey,
}

impl std::fmt::Debug for TrustedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TrustedKey")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl TrustedKey {
    /// A key from its 32 raw bytes.
    pub fn from_raw(kid: &str, public: &[u8; 32]) -> TrustedKey {
        TrustedKey {
            kid: kid.to_owned(),
            key: DecodingKey::from_ed_der(public),
        }
    }
}

/// The keys built into this binary.
pub fn vendor_keys() -> Vec<TrustedKey> {
    VENDOR_KEYS
        .iter()
        .filter_map(|(kid, hex_key)| {
            let bytes: [u8; 32] = hex::decode(hex_key).ok()?.try_into().ok()?;
            Some(TrustedKey::from_raw(kid, &bytes))
        })
        .collect()
}

/// What a licence grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Claims {
    pub iss: String,
    /// The licensee (a company or person).
    pub sub: String,
    pub plan: String,
    /// Feature switches beyond the plan's (`webhooks: true`).
    #[serde(default)]
    pub features: BTreeMap<String, bool>,
    /// Numeric limits (`maxCompanies`, `maxUsersPerOrg`, `maxInvoicesPerMonth`; 0 = none).
    #[serde(default)]
    pub limits: BTreeMap<String, u64>,
    /// How many people may sign in.
    #[serde(default)]
    pub seats: Option<u64>,
    pub iat: i64,
    pub exp: i64,
    /// The licence's id.
    #[serde(default)]
    pub jti: Option<String>,
}

/// Why a licence was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LicenceError {
    #[error("the licence is not a JWT this version reads ({0})")]
    Malformed(String),
    #[error("the licence is signed with key '{0}', which this binary does not know")]
    UnknownKey(String),
    #[error("the licence's signature does not verify: it was changed or forged")]
    BadSignature,
    #[error("the licence was issued by '{0}', not by {ISSUER}")]
    WrongIssuer(String),
    #[error("the licence names plan '{0}', which this version does not know")]
    UnknownPlan(String),
    #[error("the licence expired on {0}")]
    Expired(String),
}

/// Verifies `token` against `keys` at `now`: the signature by the key its `kid` names
/// (EdDSA only: `none`, HMAC and RSA tokens are refused before any key is tried), the issuer,
/// the plan and the expiry.
pub fn verify(
    token: &str,
    keys: &[TrustedKey],
    now: OffsetDateTime,
) -> Result<(Plan, Claims), LicenceError> {
    let token = token.trim();
    let header =
        jsonwebtoken::decode_header(token).map_err(|e| LicenceError::Malformed(e.to_string()))?;
    if header.alg != Algorithm::EdDSA {
        return Err(LicenceError::Malformed(format!(
            "algorithm {:?}, not EdDSA",
            header.alg
        )));
    }
    let kid = header
        .kid
        .ok_or_else(|| LicenceError::Malformed("no key id (kid)".into()))?;
    let key = keys
        .iter()
        .find(|k| k.kid == kid)
        .ok_or(LicenceError::UnknownKey(kid))?;
    // Expiry is judged below against `now` (the server's clock), not the system's.
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.validate_exp = false;
    validation.required_spec_claims = ["iss", "sub", "exp"]
        .into_iter()
        .map(String::from)
        .collect();
    let claims = jsonwebtoken::decode::<Claims>(token, &key.key, &validation)
        .map_err(|e| match e.kind() {
            jsonwebtoken::errors::ErrorKind::InvalidSignature => LicenceError::BadSignature,
            _ => LicenceError::Malformed(e.to_string()),
        })?
        .claims;
    if claims.iss != ISSUER {
        return Err(LicenceError::WrongIssuer(claims.iss));
    }
    let plan =
        Plan::parse(&claims.plan).ok_or_else(|| LicenceError::UnknownPlan(claims.plan.clone()))?;
    if claims.exp <= now.unix_timestamp() {
        let day = OffsetDateTime::from_unix_timestamp(claims.exp)
            .map_or_else(|_| claims.exp.to_string(), |t| t.date().to_string());
        return Err(LicenceError::Expired(day));
    }
    Ok((plan, claims))
}

/// Signs `claims` with the vendor's private key (PKCS#8 PEM) under `kid`: what `facturo
/// license issue` does.
pub fn issue(claims: &Claims, private_pem: &str, kid: &str) -> Result<String, String> {
    let key = ed25519_dalek::SigningKey::from_pkcs8_pem(private_pem.trim())
        .map_err(|e| format!("not an Ed25519 PKCS#8 PEM private key: {e}"))?;
    let der =
        ed25519_dalek::pkcs8::EncodePrivateKey::to_pkcs8_der(&key).map_err(|e| e.to_string())?;
    let mut header = Header::new(Algorithm::EdDSA);
    header.kid = Some(kid.to_owned());
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_ed_der(der.as_bytes()))
        .map_err(|e| e.to_string())
}

/// Whether the installation runs under its licence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Licensed,
    /// No licence: Freemium.
    None,
    /// An expired licence: Freemium.
    Expired,
    /// A licence that does not verify: Freemium.
    Invalid,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Licensed => "licensed",
            Status::None => "none",
            Status::Expired => "expired",
            Status::Invalid => "invalid",
        }
    }
}

/// The installation's licence as the server runs with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Standing {
    pub plan: Plan,
    pub status: Status,
    pub claims: Option<Claims>,
    /// What the log said.
    pub message: String,
}

impl Standing {
    /// The licence's claim `name` (0: no limit), else the plan's `default`.
    fn limit(&self, name: &str, default: Option<u64>) -> Option<u64> {
        match self.claims.as_ref().and_then(|c| c.limits.get(name)) {
            Some(0) => None,
            Some(n) => Some(*n),
            None => default,
        }
    }

    /// Companies an organization may have (`maxCompanies`).
    pub fn max_companies(&self) -> Option<u64> {
        self.limit("maxCompanies", self.plan.max_companies())
    }

    /// Members (with pending invitations) an organization may have (`maxUsersPerOrg`).
    pub fn max_users(&self) -> Option<u64> {
        self.limit("maxUsersPerOrg", self.plan.max_users())
    }

    /// Whether `feature` may be used: the licence's `features` claim for it, else the plan's.
    pub fn allows(&self, feature: Feature) -> bool {
        self.claims
            .as_ref()
            .and_then(|c| c.features.get(feature.key()).copied())
            .unwrap_or_else(|| self.plan.includes(feature))
    }

    /// The licence's `features` claim, with each feature the server enforces as it applies.
    pub fn features(&self) -> BTreeMap<String, bool> {
        let mut features = self
            .claims
            .as_ref()
            .map(|c| c.features.clone())
            .unwrap_or_default();
        for feature in Feature::ALL {
            features.insert(feature.key().to_owned(), self.allows(feature));
        }
        features
    }

    /// No licence: Freemium.
    pub fn unlicensed() -> Standing {
        Standing {
            plan: Plan::Freemium,
            status: Status::None,
            claims: None,
            message: "No licence (FACTURO_LICENSE): running as Freemium.".into(),
        }
    }

    /// The standing of `licence` (the JWT text, if any) at `now`; logged once.
    pub fn resolve(licence: Option<&str>, keys: &[TrustedKey], now: OffsetDateTime) -> Standing {
        let standing = match licence.map(str::trim).filter(|l| !l.is_empty()) {
            None => Standing::unlicensed(),
            Some(token) => match verify(token, keys, now) {
                Ok((plan, claims)) => Standing {
                    plan,
                    status: Status::Licensed,
                    message: format!(
                        "Licensed to {} on the {} plan until {}.",
                        claims.sub,
                        plan.as_str(),
                        OffsetDateTime::from_unix_timestamp(claims.exp)
                            .map(|t| t.date().to_string())
                            .unwrap_or_default()
                    ),
                    claims: Some(claims),
                },
                Err(e) => Standing {
                    plan: Plan::Freemium,
                    status: if matches!(e, LicenceError::Expired(_)) {
                        Status::Expired
                    } else {
                        Status::Invalid
                    },
                    claims: None,
                    message: format!("The licence is not used: {e}. Running as Freemium."),
                },
            },
        };
        if matches!(standing.status, Status::Licensed | Status::None) {
            tracing::info!(plan = standing.plan.as_str(), "{}", standing.message);
        } else {
            tracing::warn!(plan = standing.plan.as_str(), "{}", standing.message);
        }
        standing
    }
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::SigningKey;
    use ed25519_dalek::pkcs8::EncodePrivateKey;
    use time::macros::datetime;

    use super::*;

    const NOW: OffsetDateTime = datetime!(2026-12-03 12:00 UTC);

    fn vendor() -> (String, TrustedKey) {
        let key = SigningKey::generate(&mut rand::rngs::OsRng);
        let pem = key
            .to_pkcs8_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
            .unwrap()
            .to_string();
        (
            pem,
            TrustedKey::from_raw("test-1", &key.verifying_key().to_bytes()),
        )
    }

    fn claims(plan: &str, exp: OffsetDateTime) -> Claims {
        Claims {
            iss: ISSUER.into(),
            sub: "Firma SRL".into(),
            plan: plan.into(),
            features: BTreeMap::from([("webhooks".into(), true)]),
            limits: BTreeMap::from([("maxCompanies".into(), 10)]),
            seats: Some(5),
            iat: NOW.unix_timestamp(),
            exp: exp.unix_timestamp(),
            jti: Some("L-1".into()),
        }
    }

    #[test]
    fn an_issued_licence_verifies_offline_with_its_plan_and_claims() {
        let (pem, key) = vendor();
        let token = issue(
            &claims("professional", datetime!(2027-12-31 0:00 UTC)),
            &pem,
            "test-1",
        )
        .unwrap();
        let (plan, got) = verify(&token, std::slice::from_ref(&key), NOW).unwrap();
        assert_eq!(plan, Plan::Professional);
        assert_eq!(got.limits["maxCompanies"], 10);
        assert_eq!(got.seats, Some(5));
        let standing = Standing::resolve(Some(&token), &[key], NOW);
        assert_eq!(
            (standing.plan, standing.status),
            (Plan::Professional, Status::Licensed)
        );
    }

    #[test]
    fn tampered_foreign_expired_and_unsigned_licences_fall_back_to_freemium() {
        let (pem, key) = vendor();
        let (other_pem, _) = vendor();
        let keys = [key];
        let good = issue(
            &claims("business", datetime!(2027-12-31 0:00 UTC)),
            &pem,
            "test-1",
        )
        .unwrap();

        // A claim changed after signing: the plan raised to business from starter.
        let starter = issue(
            &claims("starter", datetime!(2027-12-31 0:00 UTC)),
            &pem,
            "test-1",
        )
        .unwrap();
        let parts: Vec<&str> = starter.split('.').collect();
        let good_parts: Vec<&str> = good.split('.').collect();
        let tampered = format!("{}.{}.{}", parts[0], good_parts[1], parts[2]);
        assert_eq!(
            verify(&tampered, &keys, NOW),
            Err(LicenceError::BadSignature)
        );

        let forged = issue(
            &claims("business", datetime!(2027-12-31 0:00 UTC)),
            &other_pem,
            "test-1",
        )
        .unwrap();
        assert_eq!(verify(&forged, &keys, NOW), Err(LicenceError::BadSignature));
        let unknown = issue(
            &claims("business", datetime!(2027-12-31 0:00 UTC)),
            &other_pem,
            "test-2",
        )
        .unwrap();
        assert_eq!(
            verify(&unknown, &keys, NOW),
            Err(LicenceError::UnknownKey("test-2".into()))
        );

        let expired = issue(
            &claims("business", datetime!(2026-12-01 0:00 UTC)),
            &pem,
            "test-1",
        )
        .unwrap();
        assert_eq!(
            verify(&expired, &keys, NOW),
            Err(LicenceError::Expired("2026-12-01".into()))
        );
        let standing = Standing::resolve(Some(&expired), &keys, NOW);
        assert_eq!(
            (standing.plan, standing.status),
            (Plan::Freemium, Status::Expired)
        );

        let mut wrong = claims("business", datetime!(2027-12-31 0:00 UTC));
        wrong.iss = "someone-else".into();
        let wrong = issue(&wrong, &pem, "test-1").unwrap();
        assert_eq!(
            verify(&wrong, &keys, NOW),
            Err(LicenceError::WrongIssuer("someone-else".into()))
        );
        let odd = issue(
            &claims("platinum", datetime!(2027-12-31 0:00 UTC)),
            &pem,
            "test-1",
        )
        .unwrap();
        assert_eq!(
            verify(&odd, &keys, NOW),
            Err(LicenceError::UnknownPlan("platinum".into()))
        );

        // alg:none and HMAC tokens are refused before any key is tried.
        let none = format!(
            "{}.{}.",
            b64(r#"{"alg":"none","typ":"JWT","kid":"test-1"}"#),
            good_parts[1]
        );
        assert!(matches!(
            verify(&none, &keys, NOW),
            Err(LicenceError::Malformed(_))
        ));
        let hs = jsonwebtoken::encode(
            &Header {
                kid: Some("test-1".into()),
                ..Header::new(Algorithm::HS256)
            },
            &claims("business", datetime!(2027-12-31 0:00 UTC)),
            &EncodingKey::from_secret(b"secret"),
        )
        .unwrap();
        assert!(matches!(
            verify(&hs, &keys, NOW),
            Err(LicenceError::Malformed(_))
        ));
        assert!(matches!(
            verify("garbage", &keys, NOW),
            Err(LicenceError::Malformed(_))
        ));

        let none = Standing::resolve(None, &keys, NOW);
        assert_eq!((none.plan, none.status), (Plan::Freemium, Status::None));
    }

    #[test]
    fn the_built_in_vendor_key_is_readable() {
        let keys = vendor_keys();
        assert_eq!(keys.len(), VENDOR_KEYS.len());
        assert_eq!(keys[0].kid, "facturo-2026-1");
    }

    fn b64(s: &str) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
    }
}
