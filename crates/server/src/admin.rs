//! Operator commands behind `facturo migrate` and `facturo user create`: the same operations as
//! the API, without HTTP.

use std::sync::Arc;

use anyhow::Context;

use crate::auth::session::{self, Registration};
use crate::clock::Clock;
use crate::config::Config;
use crate::ids::UserId;
use crate::store::{Db, PoolSize};

async fn connect(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url, PoolSize { max_connections: 2 })
        .await
        .with_context(|| format!("connecting to {}", crate::redact(&config.database_url)))?;
    db.migrate().await.context("applying migrations")?;
    Ok(db)
}

/// Applies pending migrations.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    let db = connect(config).await?;
    db.close().await;
    tracing::info!("migrations applied");
    Ok(())
}

/// A user created from the command line: confirmed, with an organization of their own.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: String,
    pub password: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub is_admin: bool,
}

pub async fn create_user(
    config: &Config,
    clock: Arc<dyn Clock>,
    account: NewAccount,
) -> anyhow::Result<UserId> {
    let db = connect(config).await?;
    let keys = crate::auth::keys::SigningKeys::load_or_create(
        &config.data_dir,
        config.jwt_private_key.as_deref(),
    )?;
    let state = crate::AppState {
        db: db.clone(),
        clock: Arc::clone(&clock),
        config: Arc::new(config.clone()),
        keys: Arc::new(keys),
        limits: Arc::new(crate::limits::Limits::for_db(&db, config.rate_limits)),
        google: Arc::new(crate::auth::google::GoogleKeys::new(
            &config.google.jwks_url,
        )?),
        mailer: crate::mail::Mailer::Log,
        registry: Arc::new(crate::registry::Registry::new(
            &crate::RegistrySource::Sandbox,
            config.registry_ttl,
        )?),
        vault: Arc::new(crate::load_vault(config)?),
        anaf: Arc::new(crate::efactura::Anaf::from_config(config)?),
        sandbox: None,
        authority: Arc::new(crate::vault::Authority::from_config(config)?),
        // Making a user needs no plan.
        licence: Arc::new(crate::licensing::Standing::unlicensed()),
        passkeys: None,
        webhook_http: crate::webhooks::target::client(&config.webhooks)?,
        // Making a user reads no rates: the seed is left to the server.
        rates: Arc::new(
            crate::rates::Rates::start(
                &crate::rates::Settings {
                    seed: None,
                    ..config.rates.clone()
                },
                &db,
                clock.now(),
            )
            .await?,
        ),
    };
    let registration = Registration {
        email: account.email,
        password: account.password,
        first_name: account.first_name,
        last_name: account.last_name,
        organization_name: None,
        locale: "ro".into(),
        confirmed: true,
        is_admin: account.is_admin,
    };
    let result = session::register(&state, registration, state.now()).await;
    db.close().await;
    result.map_err(|e| anyhow::anyhow!("{}", describe(&e)))
}

/// The user-facing text of an API error, for the command line.
fn describe(e: &crate::api::error::ApiError) -> String {
    use crate::api::error::ApiError;
    match e {
        ApiError::Fields(_, fields) => fields
            .iter()
            .map(|f| format!("{}: {}", f.key, f.message))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}
