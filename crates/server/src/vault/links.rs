//! "Connect" links (api.md §19 token-links) and the OAuth authorization-code flow they start.
//!
//! A user makes a link for a company and sends it to whoever holds the company's qualified
//! certificate. The link's page (`/anaf/link/<token>`, in `web`) leads to [`authorize`], which
//! sends the browser to ANAF with a fresh `state`. ANAF sends the browser back to the callback
//! with `code` and `state`, and [`complete`] exchanges the code (`anaf::oauth`), stores the
//! tokens for the link's user, connects the link's company and uses the link up. The `state` is
//! random, kept hashed, bound to one link, expires after [`STATE_LIFETIME`] and works once; the
//! code is exchanged by the server and never reaches the browser's scripts (lessons §7.2 item
//! 18: Storno's flow has neither).

use serde_json::json;
use time::{Duration, OffsetDateTime};

use super::cipher::Purpose;
use super::tokens::{self, Obtained, Owner};
use crate::api::error::ApiError;
use crate::auth::Principal;
use crate::auth::tokens as secrets;
use crate::events::Origin;
use crate::ids::{AnafLinkId, AnafTokenId, CompanyId};
use crate::state::AppState;
use crate::store::anaf_token_links::{self, NewLink, TokenLink};
use crate::store::{anaf_tokens, companies, members};
use crate::tenancy::CompanyScope;

/// How long a link can be used (Storno's: 24 hours).
pub const LINK_LIFETIME: Duration = Duration::hours(24);
/// How long the certificate holder has at ANAF between leaving and coming back.
pub const STATE_LIFETIME: Duration = Duration::minutes(15);
/// Links a user may have open at once (Storno's limit).
pub const MAX_ACTIVE: usize = 5;

/// A link as its creator sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkView {
    pub link_token: String,
    pub link_url: String,
    pub company_id: Option<CompanyId>,
    pub expires_at: OffsetDateTime,
    pub created_at: OffsetDateTime,
}

/// A link as anyone holding it sees it (the public check and the link's page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkStatus {
    pub expired: bool,
    pub used: bool,
    pub completed: bool,
    pub expires_at: OffsetDateTime,
    pub company_name: Option<String>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
}

impl LinkStatus {
    /// Whether the link can still start a flow.
    pub fn is_open(&self) -> bool {
        !self.expired && !self.used
    }
}

/// Makes a link for `principal`, to connect `company` when one is given (the caller checked
/// the right to).
pub async fn create(
    state: &AppState,
    principal: &Principal,
    company: Option<&CompanyScope>,
    now: OffsetDateTime,
) -> Result<LinkView, ApiError> {
    let active = anaf_token_links::active_of_user(&state.db, principal.user.id, now).await?;
    if active.len() >= MAX_ACTIVE {
        return Err(ApiError::Custom(
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            json!({ "error": "You have too many open links; wait until one expires or is used." }),
        ));
    }
    let organization_id = match company {
        Some(scope) => scope.org(),
        None => principal.org_id()?,
    };
    let id = AnafLinkId::new();
    let link_token = secrets::random_hex(32);
    let link = NewLink {
        id,
        user_id: principal.user.id,
        organization_id,
        company_id: company.map(CompanyScope::id),
        environment: state.authority.environment.as_str().to_owned(),
        link_hash: secrets::hash_secret(&link_token),
        link_enc: state
            .vault
            .seal(id.0, Purpose::AnafLinkToken, &link_token)
            .map_err(|e| ApiError::Internal(e.into()))?,
        expires_at: now + LINK_LIFETIME,
    };
    let mut tx = state.db.begin().await?;
    anaf_token_links::insert(&mut tx, &link, now).await?;
    tx.commit().await?;
    Ok(LinkView {
        link_url: link_url(state, &link_token),
        link_token,
        company_id: link.company_id,
        expires_at: link.expires_at,
        created_at: now,
    })
}

/// `principal`'s open links, newest first.
pub async fn list(
    state: &AppState,
    principal: &Principal,
    now: OffsetDateTime,
) -> Result<Vec<LinkView>, ApiError> {
    let links = anaf_token_links::active_of_user(&state.db, principal.user.id, now).await?;
    links
        .into_iter()
        .map(|link| {
            let link_token = open_token(state, &link)?;
            Ok(LinkView {
                link_url: link_url(state, &link_token),
                link_token,
                company_id: link.company_id,
                expires_at: link.expires_at,
                created_at: link.created_at,
            })
        })
        .collect()
}

/// The state of the link `link_token` names, if it exists.
pub async fn status(
    state: &AppState,
    link_token: &str,
    now: OffsetDateTime,
) -> Result<Option<LinkStatus>, ApiError> {
    let Some(link) =
        anaf_token_links::by_hash(&state.db, &secrets::hash_secret(link_token)).await?
    else {
        return Ok(None);
    };
    let company_name = match link.company_id {
        Some(id) => companies::get(&state.db, link.organization_id, id)
            .await?
            .map(|c| c.name),
        None => None,
    };
    Ok(Some(LinkStatus {
        expired: link.is_expired(now),
        used: link.is_used(),
        completed: link.token_id.is_some(),
        expires_at: link.expires_at,
        company_name,
        last_error: link.last_error,
    }))
}

/// Where to send the browser of whoever opened the link: ANAF's `authorize` with a new
/// `state` bound to the link (any earlier one of the link stops working).
pub async fn authorize(
    state: &AppState,
    link_token: &str,
    now: OffsetDateTime,
) -> Result<String, ApiError> {
    let link = anaf_token_links::by_hash(&state.db, &secrets::hash_secret(link_token))
        .await?
        .ok_or(ApiError::NotFound("Link not found."))?;
    if link.environment != state.authority.environment.as_str() {
        return Err(gone("This link was made for another ANAF environment."));
    }
    let oauth = state
        .authority
        .oauth()
        .map_err(|e| ApiError::Unavailable(e.to_string()))?;
    let oauth_state = secrets::random_hex(32);
    let mut tx = state.db.begin().await?;
    let open = anaf_token_links::start_flow(
        &mut tx,
        link.id,
        &secrets::hash_secret(&oauth_state),
        now + STATE_LIFETIME,
        now,
    )
    .await?;
    tx.commit().await?;
    if !open {
        return Err(gone("This link has expired or was used already."));
    }
    oauth
        .authorize_url(&oauth_state, &state.authority.redirect_uri)
        .map_err(|e| ApiError::Internal(e.into()))
}

fn gone(message: &str) -> ApiError {
    ApiError::Custom(axum::http::StatusCode::GONE, json!({ "error": message }))
}

/// The query ANAF's redirect brings back (RFC 6749 §4.1.2: `code` and `state`, or `error`).
#[derive(Debug, Default)]
pub struct Callback {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

/// How a flow ended, for the link's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completed {
    Connected {
        link_token: String,
        token_id: AnafTokenId,
    },
    Failed {
        link_token: String,
        error: String,
    },
}

/// The end of the flow: uses the `state` up, exchanges the code, stores the tokens for the
/// link's user, connects the link's company and uses the link up. A `state` that is unknown,
/// expired or used is refused (400) before anything else; any later failure is recorded on the
/// link, which stays usable until it expires.
pub async fn complete(
    state: &AppState,
    callback: Callback,
    now: OffsetDateTime,
) -> Result<Completed, ApiError> {
    let invalid = || {
        ApiError::bad_request(
            "This authorization is invalid, used or expired; open the link again.",
        )
    };
    let oauth_state = callback.state.as_deref().ok_or_else(invalid)?;
    let mut tx = state.db.begin().await?;
    let link =
        anaf_token_links::take_state(&mut tx, &secrets::hash_secret(oauth_state), now).await?;
    tx.commit().await?;
    let link = link.ok_or_else(invalid)?;
    let link_token = open_token(state, &link)?;
    match exchange_and_store(state, &link, callback, now).await {
        Ok(token_id) => Ok(Completed::Connected {
            link_token,
            token_id,
        }),
        Err(Failure::Api(e)) => Err(e),
        Err(Failure::Recorded(error)) => {
            tracing::warn!(link = %link.id, error, "an ANAF connect flow failed");
            anaf_token_links::record_error(&state.db, link.id, &error).await?;
            Ok(Completed::Failed { link_token, error })
        }
    }
}

/// A failed flow: an error to record on the link and show, or an error of the server.
enum Failure {
    Recorded(String),
    Api(ApiError),
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        Failure::Api(e)
    }
}

impl From<sqlx::Error> for Failure {
    fn from(e: sqlx::Error) -> Self {
        Failure::Api(e.into())
    }
}

async fn exchange_and_store(
    state: &AppState,
    link: &TokenLink,
    callback: Callback,
    now: OffsetDateTime,
) -> Result<AnafTokenId, Failure> {
    if let Some(error) = callback.error {
        let detail = callback
            .error_description
            .map_or_else(String::new, |d| format!(": {d}"));
        return Err(Failure::Recorded(format!("ANAF answered {error}{detail}")));
    }
    let code = callback
        .code
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Failure::Recorded("ANAF sent no authorization code".to_owned()))?;
    if link.environment != state.authority.environment.as_str() {
        return Err(Failure::Recorded(
            "this link was made for another ANAF environment".to_owned(),
        ));
    }
    let oauth = state
        .authority
        .oauth()
        .map_err(|e| Failure::Recorded(e.to_string()))?;
    let company = match link.company_id {
        Some(id) => Some(
            companies::get(&state.db, link.organization_id, id)
                .await?
                .ok_or_else(|| Failure::Recorded("the link's company was deleted".to_owned()))?,
        ),
        None => None,
    };
    let mut tx = state.db.begin().await?;
    let member = members::of_user_in(&mut tx, link.organization_id, link.user_id).await?;
    drop(tx);
    if !member.is_some_and(|m| m.access.is_active) {
        return Err(Failure::Recorded(
            "the link's creator is no longer a member of the organization".to_owned(),
        ));
    }
    let tokens = oauth
        .exchange_code(&code, &state.authority.redirect_uri)
        .await
        .map_err(|e| Failure::Recorded(e.to_string()))?;
    let mut obtained = Obtained::from_anaf(tokens, now);
    obtained.label = company.as_ref().map(|c| c.name.clone());
    let owner = Owner {
        user: link.user_id,
        company: link.company_id,
        origin: Some(Origin {
            organization: link.organization_id,
            company: link.company_id,
            actor: Some(link.user_id),
        }),
    };
    let mut tx = state.db.begin().await?;
    let token_id = tokens::store(&mut tx, state, owner, &obtained, now).await?;
    if !anaf_token_links::complete(&mut tx, link.id, token_id, now).await? {
        return Err(Failure::Recorded("the link was used already".to_owned()));
    }
    tx.commit().await?;
    if let Some(company) = company {
        note_cif(state, token_id, &obtained, company.cif).await;
    }
    Ok(token_id)
}

/// Asks ANAF whether the new token may act for the link's company and notes the CIF when it
/// may (as `validate-cif` does). Best effort: the token is stored either way.
async fn note_cif(state: &AppState, token: AnafTokenId, obtained: &Obtained, cif: i64) {
    let Ok(cif_u64) = u64::try_from(cif) else {
        return;
    };
    let answer = state
        .anaf
        .client(state.anaf.environment)
        .messages(obtained.access_token.expose(), cif_u64, 1, None)
        .await;
    let outcome = match answer {
        Ok(_) => match state.db.begin().await {
            Ok(mut tx) => match anaf_tokens::set_validated_cifs(&mut tx, token, &[cif]).await {
                Ok(()) => tx.commit().await.map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            },
            Err(e) => Err(e.to_string()),
        },
        Err(e) => Err(e.to_string()),
    };
    if let Err(error) = outcome {
        tracing::info!(%token, cif, error, "could not confirm the new ANAF token's rights on the company's CIF");
    }
}

fn open_token(state: &AppState, link: &TokenLink) -> Result<String, ApiError> {
    state
        .vault
        .open(link.id.0, Purpose::AnafLinkToken, &link.link_enc)
        .map(|s| s.expose().to_owned())
        .map_err(|e| ApiError::Internal(anyhow::Error::new(e).context("opening a link token")))
}

/// The page a link opens: `<public URL>/anaf/link/<token>`.
pub fn link_url(state: &AppState, link_token: &str) -> String {
    format!("{}/anaf/link/{link_token}", state.config.public_url())
}
