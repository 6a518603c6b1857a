//! HTTP simulators of ANAF's services, for tests and local development (crate feature `sim`).
//!
//! - The company registry: [`RegistrySim`], served by [`router`] / [`spawn`], answers
//!   `POST /api/PlatitorTvaRest/v9/tva` from the [`Sandbox`](crate::registry::Sandbox), with
//!   overrides and queued [`Fault`]s.
//! - e-Factura and its OAuth server: [`efactura::EfacturaSim`], with the processing model,
//!   messages, signed ZIPs, quotas and fault rules of the real service, on a clock that tests
//!   move.
//!
//! Point a [`RegistryClient`](crate::registry::RegistryClient) at `http://<addr>` and test
//! against it:
//!
//! ```
//! use std::time::Duration;
//! use anaf::registry::RegistryClient;
//! use anaf::sim::{self, Fault, RegistrySim};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let registry = RegistrySim::new();
//! let (addr, _server) = sim::spawn(registry.clone()).await?;
//! let client = RegistryClient::new(&format!("http://{addr}"), Duration::from_secs(5))?;
//! let date = time::macros::date!(2025 - 01 - 15);
//!
//! let lookup = client.lookup(&[18_547_290], date).await?;
//! assert_eq!(lookup.found[0].cif, 18_547_290);
//!
//! registry.fail_next(1, Fault::Firewall);
//! let err = client.lookup(&[18_547_290], date).await.unwrap_err();
//! assert!(err.is_transient());
//! assert_eq!(registry.requests(), 2);
//! # Ok(())
//! # }
//! ```

pub mod efactura;
mod registry;

pub use registry::{FIREWALL_PAGE, Fault, RETRY_AFTER_SECS, RegistrySim, router, spawn};
