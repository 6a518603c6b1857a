//! A faithful HTTP simulator of ANAF e-Factura and its OAuth server, for tests and the
//! sandbox.
//!
//! [`EfacturaSim::router`] serves, on one port, the paths of the real hosts:
//! - `/{test,prod}/FCTEL/rest/{upload, uploadb2c, stareMesaj, listaMesajeFactura,
//!   listaMesajePaginatieFactura, descarcare, validare/{FACT1|FCN},
//!   transformare/{FACT1|FCN}[/DA]}`, with separate data for `test` and `prod`;
//! - `/anaf-oauth2/v1/{authorize, token, revoke}`;
//! - `/__sim/…`, its own control API (see below), for tests in another process.
//!
//! It reproduces tax-apis.md §1–§2: the exact answer shapes and error strings (errors inside
//! HTTP 200 included), the processing model (`in prelucrare` → `ok` / `nok` /
//! `XML cu erori nepreluat de sistem`) on a clock tests move ([`EfacturaSim::advance`]),
//! business-rule validation with the `rules` crate, duplicate detection, the SPV boxes and
//! their lists, signed download ZIPs (verify them with [`crate::signature::verify`] and
//! [`EfacturaSim::certificate`]), daily quotas, and fault rules ([`FaultRule`]) with a seed.
//!
//! What it is not: a store that survives a restart (everything is in memory), nor a check of
//! CII documents beyond their root element (only UBL is schema- and rule-checked). It does
//! not check that the uploader has rights on the seller named in the XML, only on `cif`.
//!
//! # Embedding
//!
//! The router can be nested under a prefix; clients then use
//! `http://HOST/PREFIX/test/FCTEL/rest/` and `http://HOST/PREFIX/anaf-oauth2/v1/`:
//!
//! ```
//! # use anaf::sim::efactura::{EfacturaSim, SimConfig};
//! # fn main() -> Result<(), anaf::sim::efactura::SimError> {
//! let sim = EfacturaSim::new(SimConfig::default())?;
//! let app: axum::Router = axum::Router::new().nest("/sandbox/anaf", sim.router());
//! # let _ = app;
//! # Ok(())
//! # }
//! ```
//!
//! # Example
//!
//! ```
//! use std::time::Duration;
//! use anaf::efactura::{EfacturaClient, MessageFilter};
//! use anaf::sim::efactura::{self, EfacturaSim, Environment, SimConfig};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sim = EfacturaSim::new(SimConfig::default())?;
//! sim.add_taxpayer(18_547_290, "Facturo Demo SRL");
//! sim.grant("ana.pop", 18_547_290);
//! let token = sim.issue_tokens("ana.pop", "facturo").access_token;
//! let (addr, _server) = efactura::spawn(sim.clone()).await?;
//!
//! let base = format!("http://{addr}{}", efactura::base_path(Environment::Test));
//! let client = EfacturaClient::with_base_url(&base, Duration::from_secs(5))?;
//! let list = client.messages(&token, 18_547_290, 10, None).await?;
//! assert!(list.messages.is_empty());
//! assert_eq!(list.title.as_deref(), Some("Nu exista mesaje in ultimele 10 zile"));
//! # let _ = MessageFilter::Sent;
//! # Ok(())
//! # }
//! ```
//!
//! # Control API
//!
//! The same operations as the methods of [`EfacturaSim`], over HTTP under `/__sim/`:
//! `POST /__sim/taxpayers {"cif","name"}`, `POST /__sim/grants {"user","cif"}`,
//! `POST /__sim/clients {"client_id","client_secret","redirect_uris"}`,
//! `POST /__sim/tokens {"user","client_id"}`, `POST /__sim/clock {"advance_secs"}`,
//! `POST /__sim/faults {"kind","endpoint","times"}`, `DELETE /__sim/faults`,
//! `POST /__sim/seed {"env","buyer","count"}`, `POST /__sim/config
//! {"processing_delay_secs"}`, `GET /__sim/calls`, `GET /__sim/ca.pem`.

mod admin;
mod clock;
mod config;
mod control;
mod document;
mod download;
mod fault;
mod gate;
mod lists;
mod login;
mod oauth;
mod process;
mod public;
mod seed;
mod sign;
mod status;
mod store;
mod upload;
mod wire;

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use time::OffsetDateTime;

pub use config::{
    BuyerMessageId, DuplicateKey, ENVIRONMENTS, Environment, Quotas, RefreshRotation, SimConfig,
    base_path,
};
pub use fault::{Endpoint, FaultKind, FaultRule, LostResponse, Trigger};
pub use oauth::{IssuedTokens, OAuthApp};
pub use seed::SeedOptions;

use clock::SimClock;
use fault::Faults;
use oauth::OAuthState;
use sign::Signer;
use store::EnvState;

/// Why a simulator could not start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SimError {
    /// The signing key, its certificate or a signature could not be made.
    #[error("simulator certificate: {0}")]
    Certificate(String),
    /// The system's random number generator failed.
    #[error("simulator randomness: {0}")]
    Random(String),
    /// A download ZIP could not be written.
    #[error("simulator ZIP: {0}")]
    Archive(String),
}

/// The simulated e-Factura service. Clones share state: a test keeps one clone and hands
/// another to [`EfacturaSim::router`] or [`spawn`].
#[derive(Debug, Clone)]
pub struct EfacturaSim {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    state: Mutex<State>,
    clock: SimClock,
    signer: Signer,
    jwt_key: ring::hmac::Key,
    /// Calls a [`FaultKind::Timeout`] holds, until they have taken effect.
    held: std::sync::atomic::AtomicUsize,
}

/// A company known to the simulator: its SPV box receives `FACTURA PRIMITA`.
#[derive(Debug, Clone)]
pub(crate) struct Taxpayer {
    pub(crate) name: String,
    /// Registered in "Registrul RO e-Factura executari silite" (may be named by
    /// `executare=DA`).
    pub(crate) enforcement: bool,
}

/// A certificate holder and the CIFs their SPV rights cover.
#[derive(Debug, Clone, Default)]
pub(crate) struct User {
    pub(crate) serial: String,
    pub(crate) cifs: BTreeSet<u64>,
}

/// Everything behind the lock.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) config: SimConfig,
    pub(crate) envs: [EnvState; 2],
    pub(crate) taxpayers: HashMap<u64, Taxpayer>,
    pub(crate) users: HashMap<String, User>,
    pub(crate) oauth: OAuthState,
    pub(crate) faults: Faults,
    pub(crate) calls: HashMap<Endpoint, usize>,
    pub(crate) uploads_by_sha256: HashMap<[u8; 32], usize>,
    /// Recent REST requests per caller, for the per-minute limit.
    pub(crate) recent: HashMap<String, VecDeque<OffsetDateTime>>,
}

impl State {
    pub(crate) fn env(&mut self, env: Environment) -> &mut EnvState {
        &mut self.envs[config::slot(env)]
    }

    /// `user`, created without rights if unknown.
    pub(crate) fn user_mut(&mut self, user: &str) -> &mut User {
        self.users.entry(user.to_owned()).or_insert_with(|| User {
            serial: serial_of(user),
            cifs: BTreeSet::new(),
        })
    }

    /// Whether `user` holds SPV rights on `cif`.
    pub(crate) fn has_right(&self, user: &str, cif: u64) -> bool {
        self.config.open || self.users.get(user).is_some_and(|u| u.cifs.contains(&cif))
    }

    /// Whether `cif` has an SPV box that receives invoices.
    pub(crate) fn is_taxpayer(&self, cif: u64) -> bool {
        self.config.open || self.taxpayers.contains_key(&cif)
    }

    /// ANAF's rights errors for `user` acting on `cif`, `None` when allowed.
    pub(crate) fn rights_error(&self, user: &str, cif: u64) -> Option<String> {
        match self.users.get(user) {
            _ if self.config.open => None,
            Some(u) if u.cifs.contains(&cif) => None,
            Some(u) if !u.cifs.is_empty() => {
                Some(format!("Nu aveti drept in SPV pentru CIF={cif}"))
            }
            _ => Some("Nu exista niciun CIF pentru care sa aveti drept in SPV".to_owned()),
        }
    }
}

/// A certificate serial number for `user`: 16 hex digits derived from the name.
fn serial_of(user: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, user.as_bytes());
    digest.as_ref()[..8]
        .iter()
        .fold(String::new(), |mut out, b| {
            // Writing to a String cannot fail.
            let _ = write!(out, "{b:02X}");
            out
        })
}

impl EfacturaSim {
    /// A simulator with `config`, no taxpayers, users or clients, on real time. Makes its
    /// signing key and certificate.
    pub fn new(config: SimConfig) -> Result<Self, SimError> {
        let signer = Signer::generate()?;
        let rng = ring::rand::SystemRandom::new();
        let jwt_key = ring::hmac::Key::generate(ring::hmac::HMAC_SHA256, &rng)
            .map_err(|e| SimError::Random(format!("cannot make the token key: {e}")))?;
        let envs = ENVIRONMENTS.map(|env| {
            EnvState::new(
                config.first_upload_index[config::slot(env)],
                config.first_message_id[config::slot(env)],
            )
        });
        let state = State {
            faults: Faults::new(config.seed),
            oauth: OAuthState::new(config.seed),
            config,
            envs,
            taxpayers: HashMap::new(),
            users: HashMap::new(),
            calls: HashMap::new(),
            uploads_by_sha256: HashMap::new(),
            recent: HashMap::new(),
        };
        Ok(EfacturaSim {
            shared: Arc::new(Shared {
                state: Mutex::new(state),
                clock: SimClock::real(),
                signer,
                jwt_key,
                held: std::sync::atomic::AtomicUsize::new(0),
            }),
        })
    }

    /// The routes of the e-Factura REST API (both environments), of the OAuth server and of
    /// the simulator's control API (`/__sim/…`, see the module's "Control API").
    ///
    /// The router works nested under a prefix (`Router::nest("/sandbox/anaf", sim.router())`):
    /// the one absolute URL it writes, the authorize form's action, is the request's own.
    pub fn router(&self) -> Router {
        self.routes(true)
    }

    /// [`EfacturaSim::router`] without the `/__sim/*` control API: what an application that
    /// embeds the simulator as its sandbox serves to the public, so nobody can move its clock
    /// or inject faults over HTTP.
    pub fn service_router(&self) -> Router {
        self.routes(false)
    }

    fn routes(&self, control: bool) -> Router {
        let rest = Router::new()
            .route("/{env}/FCTEL/rest/upload", post(upload::upload))
            .route("/{env}/FCTEL/rest/uploadb2c", post(upload::upload_b2c))
            .route("/{env}/FCTEL/rest/stareMesaj", get(status::status))
            .route("/{env}/FCTEL/rest/listaMesajeFactura", get(lists::list))
            .route(
                "/{env}/FCTEL/rest/listaMesajePaginatieFactura",
                get(lists::paged_list),
            )
            .route("/{env}/FCTEL/rest/descarcare", get(download::download))
            .route(
                "/{env}/FCTEL/rest/validare/{standard}",
                post(public::validate),
            )
            .route(
                "/{env}/FCTEL/rest/transformare/{standard}",
                post(public::transform),
            )
            .route(
                "/{env}/FCTEL/rest/transformare/{standard}/{novld}",
                post(public::transform_unchecked),
            );
        let oauth = Router::new()
            .route(
                "/anaf-oauth2/v1/authorize",
                get(login::authorize_page).post(login::authorize_submit),
            )
            .route("/anaf-oauth2/v1/token", post(oauth::token))
            .route("/anaf-oauth2/v1/revoke", post(oauth::revoke));
        // The handlers check sizes themselves, to answer with ANAF's wording.
        let limit = self.lock().config.max_upload_bytes.saturating_mul(2);
        let routes = rest.merge(oauth);
        let routes = if control {
            routes.merge(control::routes())
        } else {
            routes
        };
        routes
            .layer(DefaultBodyLimit::max(limit))
            .with_state(self.clone())
    }

    /// A fresh `trace_id` for `validare` answers: UUID-shaped, from the seeded generator.
    pub(crate) fn trace_id(&self) -> String {
        let hex = self.lock().oauth.random_id();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        // A test that panicked while holding the lock left consistent data behind: every
        // change under it is a single insert or update.
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn clock(&self) -> &SimClock {
        &self.shared.clock
    }

    pub(crate) fn signer(&self) -> &Signer {
        &self.shared.signer
    }
}

/// Serves [`EfacturaSim::router`] on `listener` until `shutdown` completes, then finishes the
/// requests in flight: what `facturo anaf-sim` runs.
pub async fn serve(
    sim: EfacturaSim,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, sim.router())
        .with_graceful_shutdown(shutdown)
        .await
}

/// Serves [`EfacturaSim::router`] on `127.0.0.1` on a free port; returns the address and the
/// server task.
pub async fn spawn(sim: EfacturaSim) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let app = sim.router();
    let server = tokio::spawn(async move {
        if let Err(err) = axum::serve(listener, app).await {
            tracing::error!(%err, "the ANAF e-Factura simulator stopped");
        }
    });
    Ok((addr, server))
}
