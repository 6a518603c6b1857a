//! Facturo's server: the REST API (wire-compatible with the Storno.ro API for every route it
//! implements), authentication, tenancy, storage on SQLite or PostgreSQL, the job runner and the
//! domain-event outbox, served on one port.
//!
//! It is not the binary: `crates/facturo` parses flags and calls [`run`]. Tests build the same
//! server with [`Server::build`] and a fixed clock.
//!
//! ```no_run
//! # async fn example() -> anyhow::Result<()> {
//! let config = server::Config::new("sqlite://./data/facturo.db", "./data");
//! server::run(config).await
//! # }
//! ```

pub mod admin;
pub mod api;
pub mod audit;
pub mod auth;
pub mod catalog;
pub mod clock;
pub mod config;
pub mod documents;
pub mod efactura;
pub mod events;
pub mod ids;
pub mod jobs;
pub mod licensing;
pub mod limits;
pub mod mail;
pub mod partners;
pub mod party;
pub mod plan;
pub mod rates;
pub mod registry;
pub mod state;
pub mod store;
pub mod tenancy;
#[cfg(feature = "testing")]
pub mod testing;
pub mod vault;
pub mod web;
pub mod webhooks;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use clock::{Clock, FixedClock, SystemClock};
pub use config::{AnafConfig, AnafEnvironment, Config, RegistrySource, SecretText};
pub use state::AppState;

/// The whole HTTP application for a state: API, docs and web pages.
pub fn app(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    let cors = api::security::cors(&state.config.cors_origins);
    let headers = axum::middleware::from_fn_with_state(state.clone(), api::security::headers);
    let guard = axum::middleware::from_fn_with_state(state.clone(), api::guard::guard);
    let (api, openapi) = api::router().split_for_parts();
    let sandbox = state
        .sandbox
        .as_ref()
        .map(anaf::sim::efactura::EfacturaSim::service_router);
    let router = Router::new()
        .merge(api)
        .merge(api::system::docs_router(&openapi))
        .merge(web::router())
        .fallback(api::system::not_found)
        .layer(guard)
        .with_state(state);
    let app = api::with_layers(router, max_body)
        .layer(headers)
        .layer(cors);
    // The sandbox answers as ANAF does, with ANAF's limits (10 MB uploads), not the API's.
    match sandbox {
        Some(sim) => app.nest(config::SANDBOX_PATH, sim),
        None => app,
    }
}

/// A built server: connected, migrated, bound, not yet serving.
#[derive(Debug)]
pub struct Server {
    pub state: AppState,
    listener: TcpListener,
}

impl Server {
    /// Connects to the database, applies migrations, loads or creates the keys, checks the
    /// installation's fingerprint, queues the periodic jobs, binds the listen address and
    /// configures the ANAF clients (whose sandbox URLs start with the bound address).
    pub async fn build(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Server> {
        let db = store::Db::connect(
            &config.database_url,
            store::PoolSize {
                max_connections: config.db_max_connections,
            },
        )
        .await
        .with_context(|| format!("connecting to {}", redact(&config.database_url)))?;
        db.migrate().await.context("applying migrations")?;
        let keys = auth::keys::SigningKeys::load_or_create(
            &config.data_dir,
            config.jwt_private_key.as_deref(),
        )?;
        let vault = load_vault(&config)?;
        let now = clock.now();
        vault::instance::check_at_start(&db, vault.instance(), now)
            .await
            .context("checking the installation's fingerprint")?;
        let mut tx = db.begin().await?;
        jobs::forecast_token_expiry::schedule(&mut tx, now, now).await?;
        jobs::refresh_anaf_tokens::schedule(&mut tx, now, now).await?;
        tx.commit().await?;
        let mailer = mail::Mailer::from_config(
            config.smtp_url.as_deref(),
            config.smtp_ca_pem.as_deref(),
            &config.mail_from,
        )?;
        let registry = registry::Registry::new(&config.registry, config.registry_ttl)
            .context("configuring the company registry client")?;
        let listener = TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("binding {}", config.listen))?;
        let mut config = config;
        #[allow(unused_mut)] // Test suites add keys of their own.
        let mut licence_keys = licensing::vendor_keys();
        #[cfg(feature = "testing")]
        licence_keys.extend(config.licence_test_keys.iter().cloned());
        let licence = licensing::Standing::resolve(config.licence.as_deref(), &licence_keys, now);
        if licence.status == licensing::Status::Licensed {
            config.efactura_policy.sync_every = licence.plan.efactura_sync_every();
        }
        if config.public_url.is_none() {
            config.public_url = Some(format!("http://{}", listener.local_addr()?));
        }
        let mut anaf = efactura::Anaf::from_config(&config)
            .context("configuring the ANAF e-Factura client")?;
        let authority =
            vault::Authority::from_config(&config).context("configuring the ANAF OAuth client")?;
        let sandbox = efactura::sandbox::build(&config, Arc::clone(&clock))
            .context("starting the ANAF sandbox")?;
        if let Some(sim) = &sandbox {
            anaf.trusted.push(sim.certificate());
        }
        let limits = limits::Limits::for_db(&db, config.rate_limits);
        let passkeys = match auth::passkeys::relying_party(
            config.public_url(),
            config.webauthn_rp_id.as_deref(),
            config.webauthn_origin.as_deref(),
        ) {
            Ok(rp) => Some(Arc::new(rp)),
            Err(e) => {
                tracing::warn!(problem = %e, "passkeys are off: no WebAuthn relying party");
                None
            }
        };
        let google = auth::google::GoogleKeys::new(&config.google.jwks_url)
            .context("configuring Google sign-in")?;
        let webhook_http = webhooks::target::client(&config.webhooks)
            .context("building the webhook delivery client")?;
        let rates = rates::Rates::start(&config.rates, &db, now)
            .await
            .context("configuring BNR exchange rates")?;
        let state = AppState {
            db,
            clock,
            config: Arc::new(config),
            keys: Arc::new(keys),
            limits: Arc::new(limits),
            google: Arc::new(google),
            mailer,
            registry: Arc::new(registry),
            vault: Arc::new(vault),
            anaf: Arc::new(anaf),
            sandbox,
            authority: Arc::new(authority),
            licence: Arc::new(licence),
            passkeys,
            webhook_http,
            rates: Arc::new(rates),
        };
        if matches!(
            state.licence.status,
            licensing::Status::Expired | licensing::Status::Invalid
        ) {
            let entry = audit::Entry::new("licence.refused", audit::Outcome::Refused)
                .detail("status", state.licence.status.as_str())
                .detail("reason", state.licence.message.as_str());
            audit::record(&state, &audit::Origin::internal(), entry).await;
        }
        Ok(Server { state, listener })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves requests and runs jobs until `shutdown` fires; then drains in-flight requests and
    /// lets running jobs finish before returning.
    pub async fn run_until(self, shutdown: CancellationToken) -> anyhow::Result<()> {
        let Server { state, listener } = self;
        let owner = format!("{}-{}", hostname(), uuid::Uuid::now_v7());
        let runner = tokio::spawn(jobs::runner::run(
            state.clone(),
            owner.clone(),
            jobs::Lane::Main,
            state.config.job_workers,
            shutdown.clone(),
        ));
        let deliverer = tokio::spawn(jobs::runner::run(
            state.clone(),
            owner,
            jobs::Lane::Webhooks,
            state.config.webhooks.workers,
            shutdown.clone(),
        ));
        let relay = tokio::spawn(webhooks::relay::run(state.clone(), shutdown.clone()));
        let wal = tokio::spawn(store::keep_wal_small(state.db.clone(), shutdown.clone()));
        let scheduler = tokio::spawn(jobs::schedule::run(state.clone(), shutdown.clone()));
        let app = app(state.clone());
        tracing::info!(address = %listener.local_addr()?, "facturo is listening");
        let stop = shutdown.clone();
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move { stop.cancelled().await })
        .await
        .context("serving HTTP")?;
        shutdown.cancel();
        runner.await.context("the job runner panicked")?;
        deliverer.await.context("the webhook runner panicked")?;
        relay.await.context("the outbox relay panicked")?;
        wal.await.context("the WAL checkpointer panicked")?;
        scheduler.await.context("the scheduler panicked")?;
        state.db.close().await;
        tracing::info!("facturo stopped");
        Ok(())
    }
}

/// The secret-encryption key and this installation's id, from the configuration or the data
/// directory (created there on first start).
pub fn load_vault(config: &Config) -> anyhow::Result<vault::Vault> {
    let key = vault::cipher::VaultKey::load_or_create(
        &config.data_dir,
        config.secret_key.as_ref().map(|s| s.0.as_str()),
    )?;
    let instance = vault::instance::load_or_create_local(&config.data_dir)?;
    Ok(vault::Vault::new(key, instance))
}

/// Runs the server until SIGTERM or Ctrl-C.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let server = Server::build(config, Arc::new(SystemClock)).await?;
    let shutdown = CancellationToken::new();
    tokio::spawn(cancel_on_signal(shutdown.clone()));
    server.run_until(shutdown).await
}

async fn cancel_on_signal(token: CancellationToken) {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(e) => {
                    tracing::error!(error = %e, "cannot listen for SIGTERM");
                    let _ = ctrl_c.await;
                    token.cancel();
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
    tracing::info!("shutting down: draining requests and jobs");
    token.cancel();
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|s| s.trim().to_owned())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "facturo".to_owned())
}

/// A database URL without its password, for logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_redacted_from_database_urls() {
        assert_eq!(
            super::redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(
            super::redact("sqlite://./data/x.db"),
            "sqlite://./data/x.db"
        );
    }
}
