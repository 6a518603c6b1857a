//! TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s, one step of skew) with ten single-use
//! backup codes (issue #5 item 2, api.md §2.2). A password login of a user with TOTP answers a
//! challenge instead of tokens; `POST /api/auth/mfa/verify` finishes it with a code. A
//! sensitive act of a signed-in MFA user needs a step-up: a challenge of its own answered at
//! `POST /api/v1/mfa/verify`, whose verification token lets one act through within 120 s
//! ([`require_step_up`]). Each TOTP step is accepted once (a code seen by a shoulder-surfer is
//! spent); each challenge allows 5 wrong codes and lives 5 minutes.

use base64::Engine as _;
use rand::{Rng, RngCore};
use time::{Duration, OffsetDateTime};
use totp_rs::{Builder, Secret, Totp};

use super::session::{self, TokenPair};
use super::{passwords, tokens};
use crate::api::error::ApiError;
use crate::state::AppState;
use crate::store::mfa::{self, UserMfa};
use crate::store::users::User;
use crate::vault::cipher::Purpose;

/// The issuer authenticator apps show.
pub const ISSUER: &str = "Facturo";
/// How long a login challenge waits for its code.
pub const CHALLENGE_TTL: Duration = Duration::minutes(5);
/// Wrong codes a challenge takes before it is spent.
pub const MAX_FAILURES: i32 = 5;
/// Backup codes: 10 of `xxxx-xxxx` from an alphabet without look-alikes.
const BACKUP_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
const BACKUP_CODES: usize = 10;

/// What setting TOTP up shows: the secret for manual entry, the `otpauth://` URI and its QR
/// code (an SVG data URI).
#[derive(Debug, Clone)]
pub struct Setup {
    pub secret: String,
    pub otpauth_uri: String,
    pub qr_code: String,
}

fn totp(secret: Vec<u8>, account: &str) -> Result<Totp, ApiError> {
    Builder::new()
        .with_secret(Secret::from(secret))
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("TOTP: {e}")))
}

fn open_secret(state: &AppState, user: &User, sealed: &str) -> Result<Vec<u8>, ApiError> {
    let text = state
        .vault
        .open(user.id.0, Purpose::TotpSecret, sealed)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("opening a TOTP secret: {e}")))?;
    Secret::try_from_base32(text.expose())
        .map(|s| s.as_bytes().to_vec())
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("a stored TOTP secret: {e:?}")))
}

fn already_enabled() -> ApiError {
    ApiError::Conflict {
        message: "Two-factor authentication is already enabled.".into(),
        code: None,
    }
}

/// Starts setting TOTP up: a new secret waits until a code proves the app has it.
pub async fn setup(state: &AppState, user: &User, now: OffsetDateTime) -> Result<Setup, ApiError> {
    if mfa::enabled(&state.db, user.id).await? {
        return Err(already_enabled());
    }
    let mut bytes = vec![0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let totp = totp(bytes.clone(), &user.email)?;
    let secret = Secret::from(bytes).to_base32();
    let sealed = state
        .vault
        .seal(user.id.0, Purpose::TotpSecret, &secret)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("sealing a TOTP secret: {e}")))?;
    let mut tx = state.db.begin().await?;
    mfa::set_pending(&mut tx, user.id, &sealed, now).await?;
    tx.commit().await?;
    let otpauth_uri = totp
        .to_url()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("TOTP URI: {e}")))?;
    Ok(Setup {
        qr_code: qr_svg(&otpauth_uri)?,
        secret,
        otpauth_uri,
    })
}

/// The QR code of `text` as an SVG data URI.
fn qr_svg(text: &str) -> Result<String, ApiError> {
    let code = qrcode::QrCode::new(text.as_bytes())
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("QR code: {e}")))?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build();
    Ok(format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    ))
}

/// The TOTP step `code` matches at `now`, if any.
fn matching_step(totp: &Totp, code: &str, now: OffsetDateTime) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let at = u64::try_from(now.unix_timestamp()).ok()?;
    totp.check(&code, at)
        .and_then(|step| i64::try_from(step).ok())
}

/// Enables TOTP with a code from the app; returns the ten backup codes, shown once.
pub async fn enable(
    state: &AppState,
    user: &User,
    code: &str,
    now: OffsetDateTime,
) -> Result<Vec<String>, ApiError> {
    let mut tx = state.db.begin().await?;
    let row = mfa::get_in(&mut tx, user.id).await?;
    if row.as_ref().is_some_and(|m| m.enabled_at.is_some()) {
        return Err(already_enabled());
    }
    let sealed = row
        .and_then(|m| m.pending_secret_enc)
        .ok_or_else(|| ApiError::unprocessable("Set two-factor authentication up first."))?;
    let totp = totp(open_secret(state, user, &sealed)?, &user.email)?;
    let step = matching_step(&totp, code, now)
        .ok_or_else(|| ApiError::unprocessable("The code is not valid."))?;
    let reseal = state
        .vault
        .seal(
            user.id.0,
            Purpose::TotpSecret,
            &Secret::from(totp.secret().as_bytes().to_vec()).to_base32(),
        )
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("sealing a TOTP secret: {e}")))?;
    mfa::enable(&mut tx, user.id, &reseal, step, now).await?;
    let codes = new_backup_codes();
    mfa::replace_backup_codes(&mut tx, user.id, &hashes(&codes), now).await?;
    tx.commit().await?;
    tracing::info!(user = %user.id, "two-factor authentication enabled");
    Ok(codes)
}

fn new_backup_codes() -> Vec<String> {
    let mut rng = rand::rngs::OsRng;
    (0..BACKUP_CODES)
        .map(|_| {
            let mut code = String::with_capacity(9);
            for i in 0..8 {
                if i == 4 {
                    code.push('-');
                }
                code.push(char::from(
                    BACKUP_ALPHABET[rng.gen_range(0..BACKUP_ALPHABET.len())],
                ));
            }
            code
        })
        .collect()
}

/// A backup code as typed (any case, spaces or dashes anywhere) in its stored form's hash.
fn backup_hash(code: &str) -> String {
    let mut clean: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if clean.len() == 8 {
        clean.insert(4, '-');
    }
    tokens::hash_secret(&clean)
}

fn hashes(codes: &[String]) -> Vec<String> {
    codes.iter().map(|c| backup_hash(c)).collect()
}

async fn check_password(user: &User, password: &str) -> Result<(), ApiError> {
    let hash = user
        .password_hash
        .clone()
        .ok_or_else(|| ApiError::unprocessable("The password is wrong."))?;
    if passwords::verify(password.to_owned(), hash).await? {
        Ok(())
    } else {
        Err(ApiError::unprocessable("The password is wrong."))
    }
}

/// Spends `code` (a TOTP code, or a backup code) of `user`; false when it is not one.
async fn spend_code(
    state: &AppState,
    tx: &mut crate::store::Tx,
    user: &User,
    row: &UserMfa,
    code: &str,
    backup_allowed: bool,
    now: OffsetDateTime,
) -> Result<bool, ApiError> {
    let Some(sealed) = row.totp_secret_enc.as_deref() else {
        return Ok(false);
    };
    let totp = totp(open_secret(state, user, sealed)?, &user.email)?;
    if let Some(step) = matching_step(&totp, code, now) {
        return Ok(mfa::use_step(tx, user.id, step).await?);
    }
    Ok(backup_allowed && mfa::use_backup_code(tx, user.id, &backup_hash(code), now).await?)
}

/// The second factor a sensitive act is proven with.
#[derive(Debug)]
pub enum Proof {
    /// A current TOTP code or a backup code.
    Code(String),
    /// A passed step-up's verification token.
    Verification(String),
}

/// Turns TOTP off: needs the password and a second factor.
pub async fn disable(
    state: &AppState,
    user: &User,
    password: &str,
    proof: Proof,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    check_password(user, password).await?;
    let mut tx = state.db.begin().await?;
    let row = mfa::get_in(&mut tx, user.id)
        .await?
        .filter(|m| m.enabled_at.is_some())
        .ok_or_else(|| ApiError::bad_request("Two-factor authentication is not enabled."))?;
    match proof {
        Proof::Code(code) => {
            if !spend_code(state, &mut tx, user, &row, &code, true, now).await? {
                return Err(ApiError::unprocessable("The code is not valid."));
            }
        }
        Proof::Verification(token) => {
            if !mfa::use_verification(&mut tx, user.id, &tokens::hash_secret(token.trim()), now)
                .await?
            {
                return Err(ApiError::mfa_required());
            }
        }
    }
    mfa::disable(&mut tx, user.id, now).await?;
    tx.commit().await?;
    tracing::info!(user = %user.id, "two-factor authentication disabled");
    Ok(())
}

/// New backup codes (the old ones stop working); needs the password.
pub async fn regenerate(
    state: &AppState,
    user: &User,
    password: &str,
    now: OffsetDateTime,
) -> Result<Vec<String>, ApiError> {
    if !mfa::enabled(&state.db, user.id).await? {
        return Err(ApiError::bad_request(
            "Two-factor authentication is not enabled.",
        ));
    }
    check_password(user, password).await?;
    let codes = new_backup_codes();
    let mut tx = state.db.begin().await?;
    mfa::replace_backup_codes(&mut tx, user.id, &hashes(&codes), now).await?;
    tx.commit().await?;
    Ok(codes)
}

/// The second-factor methods a challenge may be answered with, in the contract's order.
pub async fn methods(state: &AppState, user: &User) -> Result<Vec<&'static str>, ApiError> {
    let mut methods = vec!["totp"];
    if mfa::backup_codes_left(&state.db, user.id).await? > 0 {
        methods.push("backup_code");
    }
    Ok(methods)
}

/// What a challenge guards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChallengeKind {
    /// A login that passed its password.
    Login,
    /// A sensitive act of a signed-in user (api.md §2.1 step-up).
    StepUp,
}

impl ChallengeKind {
    fn as_str(self) -> &'static str {
        match self {
            ChallengeKind::Login => "login",
            ChallengeKind::StepUp => "step_up",
        }
    }
}

/// A challenge for `user`: its token (64 hex), shown once.
pub async fn challenge(
    state: &AppState,
    user: &User,
    purpose: ChallengeKind,
    now: OffsetDateTime,
) -> Result<String, ApiError> {
    let token = tokens::random_hex(32);
    let mut tx = state.db.begin().await?;
    mfa::insert_challenge(
        &mut tx,
        user.id,
        purpose.as_str(),
        &tokens::hash_secret(&token),
        now + CHALLENGE_TTL,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Why a challenge was not passed.
enum Refusal {
    /// Unknown, spent, expired, for another purpose or another user.
    Challenge,
    /// The code is wrong (counted against the challenge).
    Code,
    /// `type` names no method.
    Kind,
    Error(ApiError),
}

impl From<ApiError> for Refusal {
    fn from(err: ApiError) -> Self {
        Refusal::Error(err)
    }
}

impl From<sqlx::Error> for Refusal {
    fn from(err: sqlx::Error) -> Self {
        Refusal::Error(err.into())
    }
}

/// An answer to a challenge: its token, what it must guard, and the second factor.
struct Answer<'a> {
    token: &'a str,
    guards: ChallengeKind,
    /// The caller of a step-up: someone else's challenge is refused.
    only_for: Option<crate::ids::UserId>,
    /// `totp` or `backup` (`backup_code` accepted too).
    method: &'a str,
    code: &'a str,
}

/// Checks `answer`: the user the challenge was for, when the code is right.
async fn pass(
    state: &AppState,
    tx: &mut crate::store::Tx,
    answer: &Answer<'_>,
    now: OffsetDateTime,
) -> Result<User, Refusal> {
    let challenge = mfa::find_challenge(tx, &tokens::hash_secret(answer.token.trim()))
        .await?
        .filter(|c| {
            c.purpose == answer.guards.as_str()
                && c.used_at.is_none()
                && c.expires_at.0 > now
                && c.failures < MAX_FAILURES
                && answer.only_for.is_none_or(|u| u == c.user_id)
        })
        .ok_or(Refusal::Challenge)?;
    let user = crate::store::users::get(&state.db, challenge.user_id)
        .await?
        .filter(|u| u.is_active)
        .ok_or(Refusal::Challenge)?;
    let row = mfa::get_in(tx, user.id)
        .await?
        .filter(|m| m.enabled_at.is_some())
        .ok_or(Refusal::Challenge)?;
    let spent = match answer.method {
        "totp" => spend_code(state, tx, &user, &row, answer.code, false, now).await?,
        "backup" | "backup_code" => {
            mfa::use_backup_code(tx, user.id, &backup_hash(answer.code), now).await?
        }
        _ => return Err(Refusal::Kind),
    };
    if !spent {
        mfa::fail_challenge(tx, challenge.id).await?;
        return Err(Refusal::Code);
    }
    if !mfa::use_challenge(tx, challenge.id, now).await? {
        return Err(Refusal::Challenge);
    }
    Ok(user)
}

/// Runs `pass` and then `then` in one transaction, committed whether the code was right (the
/// challenge is spent) or wrong (the failure counts).
async fn pass_and_commit<T>(
    state: &AppState,
    answer: Answer<'_>,
    now: OffsetDateTime,
    then: impl AsyncFnOnce(&mut crate::store::Tx, &User) -> Result<T, ApiError>,
) -> Result<Result<T, Refusal>, ApiError> {
    let mut tx = state.db.begin().await?;
    let outcome = match pass(state, &mut tx, &answer, now).await {
        Ok(user) => Ok(then(&mut tx, &user).await?),
        Err(Refusal::Error(e)) => return Err(e),
        Err(refusal) => Err(refusal),
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Finishes a challenged login with a code; the session starts.
pub async fn verify_login(
    state: &AppState,
    mfa_token: &str,
    method: &str,
    code: &str,
    now: OffsetDateTime,
) -> Result<(User, TokenPair), ApiError> {
    let answer = Answer {
        token: mfa_token,
        guards: ChallengeKind::Login,
        only_for: None,
        method,
        code,
    };
    let outcome = pass_and_commit(state, answer, now, async |tx, user| {
        Ok((user.clone(), session::start(tx, state, user, now).await?))
    })
    .await?;
    match outcome {
        Ok(signed_in) => Ok(signed_in),
        Err(Refusal::Code) => Err(ApiError::Unauthorized("Invalid code.")),
        Err(Refusal::Kind) => Err(ApiError::bad_request("type must be totp or backup.")),
        Err(_) => Err(ApiError::Unauthorized("Invalid or expired MFA challenge.")),
    }
}

/// Finishes a step-up with a code: a verification token (64 hex) that lets one sensitive act
/// through within [`VERIFICATION_TTL`].
pub async fn verify_step_up(
    state: &AppState,
    user: &User,
    challenge_token: &str,
    method: &str,
    code: &str,
    now: OffsetDateTime,
) -> Result<String, ApiError> {
    let answer = Answer {
        token: challenge_token,
        guards: ChallengeKind::StepUp,
        only_for: Some(user.id),
        method,
        code,
    };
    let outcome = pass_and_commit(state, answer, now, async |tx, user| {
        let token = tokens::random_hex(32);
        let hash = tokens::hash_secret(&token);
        mfa::insert_verification(tx, user.id, &hash, now + VERIFICATION_TTL, now).await?;
        Ok(token)
    })
    .await?;
    match outcome {
        Ok(token) => Ok(token),
        Err(Refusal::Code) => Err(ApiError::unprocessable("Invalid code.")),
        Err(Refusal::Kind) => Err(ApiError::bad_request("type must be totp or backup.")),
        Err(_) => Err(ApiError::unprocessable("Invalid or expired MFA challenge.")),
    }
}

/// How long a passed step-up lets a sensitive act through.
pub const VERIFICATION_TTL: Duration = Duration::seconds(120);

/// Lets a sensitive act of `user` through: at once when the user has no second factor, else
/// only with an unspent verification token of theirs (which this spends); otherwise the
/// contract's 403 `mfa_required`.
pub async fn require_step_up(
    state: &AppState,
    user: &User,
    verification_token: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    if !mfa::enabled(&state.db, user.id).await? {
        return Ok(());
    }
    let Some(token) = verification_token.map(str::trim).filter(|t| !t.is_empty()) else {
        return Err(ApiError::mfa_required());
    };
    let mut tx = state.db.begin().await?;
    let spent = mfa::use_verification(&mut tx, user.id, &tokens::hash_secret(token), now).await?;
    tx.commit().await?;
    if spent {
        Ok(())
    } else {
        Err(ApiError::mfa_required())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_codes_have_the_contract_shape_and_are_read_leniently() {
        let codes = new_backup_codes();
        assert_eq!(codes.len(), 10);
        for c in &codes {
            assert_eq!(c.len(), 9);
            assert_eq!(&c[4..5], "-");
            assert!(
                c.bytes()
                    .filter(|b| *b != b'-')
                    .all(|b| BACKUP_ALPHABET.contains(&b)),
                "{c}"
            );
        }
        assert_eq!(backup_hash("ABCD EFGH"), backup_hash("abcd-efgh"));
    }

    #[test]
    fn rfc_6238_sha1_vectors() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", 8 digits there; our 6 are
        // its last six.
        let totp = Builder::new()
            .with_secret(Secret::from(b"12345678901234567890".to_vec()))
            .build()
            .unwrap();
        assert_eq!(totp.generate(59).to_string(), "287082");
        assert_eq!(totp.generate(1_111_111_109).to_string(), "081804");
        assert_eq!(totp.generate(2_000_000_000).to_string(), "279037");
    }
}
