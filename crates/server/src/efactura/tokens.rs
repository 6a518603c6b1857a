//! The access token a company files with, from the token vault (`vault::access`).

use anaf::efactura::Environment;
use time::OffsetDateTime;

use crate::ids::CompanyId;
use crate::state::AppState;
use crate::vault::access::{self, AccessError};

/// Why no token can be used now. Each is shown on the waiting submission.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenProblem {
    #[error("the company is not connected to ANAF e-Factura")]
    NotConnected,
    /// The installation files in another e-Factura environment (`FACTURO_ANAF` changed).
    #[error("this installation does not file in ANAF's {0} environment now")]
    OtherEnvironment(&'static str),
    /// The vault's reason: a frozen installation, an expired or refused token, ANAF unreachable.
    #[error("{0}")]
    Unusable(String),
}

impl From<AccessError> for TokenProblem {
    fn from(e: AccessError) -> Self {
        match e {
            AccessError::NotConnected { .. } | AccessError::Revoked => TokenProblem::NotConnected,
            other => TokenProblem::Unusable(other.to_string()),
        }
    }
}

/// A usable access token for `company` in `environment`, refreshed first when near its expiry.
pub async fn access_token(
    state: &AppState,
    company: CompanyId,
    environment: Environment,
    now: OffsetDateTime,
) -> Result<String, TokenProblem> {
    let vault_environment = files_in(state, environment)?;
    let token = access::access_token(state, company, vault_environment, now).await?;
    Ok(token.secret.expose().to_owned())
}

/// Whether `company` could submit now, without calling ANAF: for the API's 422 before a
/// submission is recorded.
pub async fn check(
    state: &AppState,
    company: CompanyId,
    environment: Environment,
    now: OffsetDateTime,
) -> Result<(), TokenProblem> {
    let vault_environment = files_in(state, environment)?;
    access::check_company(state, company, vault_environment, now).await?;
    Ok(())
}

/// The vault's environment, when this installation files in `environment`.
fn files_in(
    state: &AppState,
    environment: Environment,
) -> Result<crate::config::AnafEnvironment, TokenProblem> {
    let current = state.authority.environment;
    if current.files_in() == environment {
        Ok(current)
    } else {
        Err(TokenProblem::OtherEnvironment(super::env_name(environment)))
    }
}
