//! Company data by CIF from ANAF's public registry (tax-apis.md §3.1), cached in the database.
//! In sandbox mode the answers are synthetic and deterministic, so everything works offline.

use std::time::Duration;

use anaf::registry::{CompanyRecord, RegistryClient, Sandbox};
use time::OffsetDateTime;

use crate::config::RegistrySource;
use crate::store::{Db, registry_cache};

#[derive(Debug)]
enum Source {
    Sandbox(Sandbox),
    Remote(RegistryClient),
}

/// The registry as the server uses it.
#[derive(Debug)]
pub struct Registry {
    source: Source,
    ttl: time::Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("ANAF's company registry is unavailable: {0}")]
    Unavailable(#[from] anaf::Error),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl Registry {
    pub fn new(source: &RegistrySource, ttl: Duration) -> Result<Registry, anaf::Error> {
        let source = match source {
            RegistrySource::Sandbox => Source::Sandbox(Sandbox),
            RegistrySource::Url(url) => {
                Source::Remote(RegistryClient::new(url, Duration::from_secs(15))?)
            }
        };
        let ttl = time::Duration::try_from(ttl).unwrap_or(time::Duration::DAY);
        Ok(Registry { source, ttl })
    }

    /// Looks a CIF up: a fresh cached answer, else ANAF, else (ANAF down) a stale cached answer.
    pub async fn lookup(
        &self,
        db: &Db,
        cif: u64,
        now: OffsetDateTime,
    ) -> Result<Option<CompanyRecord>, RegistryError> {
        let client = match &self.source {
            Source::Sandbox(sandbox) => return Ok(sandbox.lookup(cif)),
            Source::Remote(client) => client,
        };
        let cached = registry_cache::get(db, cif).await?;
        if let Some(c) = &cached
            && now - c.fetched_at < self.ttl
        {
            return Ok(c.record.clone());
        }
        match client.lookup(&[cif], now.date()).await {
            Ok(answer) => {
                let record = answer.found.into_iter().find(|r| r.cif == cif);
                let mut tx = db.begin().await?;
                registry_cache::put(&mut tx, cif, record.as_ref(), now).await?;
                tx.commit().await?;
                Ok(record)
            }
            Err(e) if e.is_transient() && cached.is_some() => {
                tracing::warn!(cif, error = %e, "ANAF registry unavailable; using a stale cached answer");
                Ok(cached.and_then(|c| c.record))
            }
            Err(e) => Err(e.into()),
        }
    }
}
