//! The access token a company files with, from the token vault.

use anaf::efactura::Environment;
use time::OffsetDateTime;

use crate::ids::CompanyId;
use crate::state::AppState;

/// Why no token can be used now. Each is shown on the waiting submission.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenProblem {
    #[error("the company is not connected to ANAF e-Factura")]
    NotConnected,
}

/// A usable access token for `company` in `environment`, refreshed first when near its expiry.
pub async fn access_token(
    _state: &AppState,
    _company: CompanyId,
    _environment: Environment,
    _now: OffsetDateTime,
) -> Result<String, TokenProblem> {
    Err(TokenProblem::NotConnected)
}

/// Whether `company` could submit now, without calling ANAF: for the API's 422 before a
/// submission is recorded.
pub async fn check(
    state: &AppState,
    company: CompanyId,
    environment: Environment,
    now: OffsetDateTime,
) -> Result<(), TokenProblem> {
    access_token(state, company, environment, now)
        .await
        .map(|_| ())
}
