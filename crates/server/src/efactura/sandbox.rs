//! The sandbox: the ANAF e-Factura simulator served by this server under
//! [`SANDBOX_PATH`](crate::config::SANDBOX_PATH) when no ANAF environment is configured, so the
//! whole path (connect, submit, validated; a second company receiving the invoice by sync)
//! works offline. Every sandbox user holds SPV rights on every CIF, and time is the server's.

use std::sync::Arc;

use anaf::sim::efactura::{EfacturaSim, OAuthApp, SimConfig};

use crate::clock::Clock;
use crate::config::{AnafEnvironment, Config, SANDBOX_CLIENT};

/// The simulator to embed, when the configuration asks for the sandbox.
pub fn build(config: &Config, clock: Arc<dyn Clock>) -> anyhow::Result<Option<EfacturaSim>> {
    if config.anaf.environment != AnafEnvironment::Sandbox {
        return Ok(None);
    }
    let sim = EfacturaSim::new(SimConfig {
        open: true,
        ..SimConfig::default()
    })?;
    sim.add_app(OAuthApp {
        client_id: SANDBOX_CLIENT.to_owned(),
        client_secret: SANDBOX_CLIENT.to_owned(),
        redirect_uris: Vec::new(),
    });
    sim.follow_clock(move || clock.now());
    tracing::info!(
        path = crate::config::SANDBOX_PATH,
        "ANAF sandbox: e-Factura is simulated by this server; nothing reaches ANAF"
    );
    Ok(Some(sim))
}
