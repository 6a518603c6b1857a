//! ANAF's OAuth server as this installation reaches it (`FACTURO_ANAF` and the settings beside
//! it), through `anaf::oauth`. The e-Factura clients are `efactura::Anaf`'s.

use anaf::oauth::OAuthClient;

use crate::config::{AnafEnvironment, Config};

/// The authority this installation obtains and refreshes ANAF tokens from.
#[derive(Debug, Clone)]
pub struct Authority {
    /// Which ANAF the tokens come from; tokens and company connections are kept per
    /// environment.
    pub environment: AnafEnvironment,
    /// `None` when no OAuth application is configured (outside the sandbox).
    oauth: Option<OAuthClient>,
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

impl Authority {
    /// The authority `config` names, for a server reached at its public URL.
    pub fn from_config(config: &Config) -> Result<Authority, anaf::Error> {
        let endpoints = config.anaf.resolve(config.public_url());
        let oauth = endpoints
            .client
            .as_ref()
            .map(|(id, secret)| {
                OAuthClient::with_base_url(&endpoints.oauth_url, id, &secret.0, config.anaf_timeout)
            })
            .transpose()?;
        Ok(Authority {
            environment: endpoints.environment,
            oauth,
            redirect_uri: endpoints.redirect_uri,
        })
    }

    pub fn oauth(&self) -> Result<&OAuthClient, NotConfigured> {
        self.oauth.as_ref().ok_or(NotConfigured)
    }
}
