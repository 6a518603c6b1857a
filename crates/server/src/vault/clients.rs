//! The ANAF clients of this installation (`anaf::oauth`, `anaf::efactura`), built once from the
//! configuration (`FACTURO_ANAF` and the settings beside it).

use std::time::Duration;

use anaf::efactura::EfacturaClient;
use anaf::oauth::OAuthClient;

use crate::config::{AnafEndpoints, AnafEnvironment};

/// How long a call to ANAF may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// ANAF's OAuth server and e-Factura API as this installation reaches them.
#[derive(Debug, Clone)]
pub struct AnafClients {
    pub environment: AnafEnvironment,
    /// `None` when no OAuth application is configured (outside the sandbox).
    oauth: Option<OAuthClient>,
    pub efactura: EfacturaClient,
    /// The callback URL given to ANAF's `authorize` and `token` (they must be equal).
    pub redirect_uri: String,
}

/// No OAuth application is configured, so tokens can be neither obtained nor refreshed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "no ANAF OAuth application is configured: set FACTURO_ANAF_CLIENT_ID and \
     FACTURO_ANAF_CLIENT_SECRET (registered in SPV, \"Editare profil Oauth\")"
)]
pub struct NotConfigured;

impl AnafClients {
    pub fn new(endpoints: &AnafEndpoints) -> Result<AnafClients, anaf::Error> {
        let oauth = endpoints
            .client
            .as_ref()
            .map(|(id, secret)| {
                OAuthClient::with_base_url(&endpoints.oauth_url, id, &secret.0, TIMEOUT)
            })
            .transpose()?;
        Ok(AnafClients {
            environment: endpoints.environment,
            oauth,
            efactura: EfacturaClient::with_base_url(&endpoints.api_url, TIMEOUT)?,
            redirect_uri: endpoints.redirect_uri.clone(),
        })
    }

    pub fn oauth(&self) -> Result<&OAuthClient, NotConfigured> {
        self.oauth.as_ref().ok_or(NotConfigured)
    }
}
