//! `AppState`: what every handler and job can reach. Built once in `run()`.

use std::sync::Arc;

use time::OffsetDateTime;

use crate::api::error::ApiError;
use crate::auth::google::GoogleKeys;
use crate::auth::keys::SigningKeys;
use crate::clock::Clock;
use crate::config::Config;
use crate::efactura::Anaf;
use crate::licensing::Standing;
use crate::limits::Limits;
use crate::mail::Mailer;
use crate::plan::Feature;
use crate::registry::Registry;
use crate::store::Db;
use crate::vault::{Authority, Vault};

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<Config>,
    pub keys: Arc<SigningKeys>,
    /// Request rate limits (shared through PostgreSQL, in memory on SQLite).
    pub limits: Arc<Limits>,
    /// Google's token-signing keys, cached (Google sign-in).
    pub google: Arc<GoogleKeys>,
    pub mailer: Mailer,
    pub registry: Arc<Registry>,
    /// The secret-encryption key and this installation's id (ANAF tokens).
    pub vault: Arc<Vault>,
    /// ANAF e-Factura: its clients and the submission policy.
    pub anaf: Arc<Anaf>,
    /// The embedded ANAF simulator in sandbox mode (tests reach it to move ANAF's processing
    /// or inject faults).
    pub sandbox: Option<anaf::sim::efactura::EfacturaSim>,
    /// ANAF's OAuth server as this installation reaches it (`FACTURO_ANAF`).
    pub authority: Arc<Authority>,
    /// The licence the installation runs under, and so its plan.
    pub licence: Arc<Standing>,
    /// The WebAuthn relying party (None: passkeys are not configured).
    pub passkeys: Option<Arc<webauthn_rs::Webauthn>>,
    /// The HTTP client of webhook deliveries (`webhooks::target`: checked, pinned resolution).
    pub webhook_http: reqwest::Client,
    /// BNR exchange rates: the shared cache and this process's fetches.
    pub rates: Arc<crate::rates::Rates>,
}

impl AppState {
    /// The current time; read once per request and passed down.
    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }

    /// Whether `feature` may be used: the plan or the licence includes it, or plan limits are
    /// not enforced.
    pub fn has_feature(&self, feature: Feature) -> bool {
        !self.config.enforce_plan_limits || self.licence.allows(feature)
    }

    /// `402 PLAN_LIMIT` unless [`Self::has_feature`].
    pub fn require_feature(&self, feature: Feature) -> Result<(), ApiError> {
        if self.has_feature(feature) {
            Ok(())
        } else {
            Err(ApiError::plan_limit(feature.not_included()))
        }
    }
}
