//! What a simulator can be told: delays, quotas, id ranges and the undocumented choices.

use std::time::Duration;

use crate::efactura::{MAX_UPLOAD_BYTES, MAX_VALIDATION_BYTES};

pub use crate::efactura::Environment;

/// Both environments, in the order of the simulator's per-environment arrays (`[test, prod]`).
pub const ENVIRONMENTS: [Environment; 2] = [Environment::Test, Environment::Prod];

/// `/test/FCTEL/rest` or `/prod/FCTEL/rest`: where the simulator serves `env`'s REST API,
/// below the router's root (append an endpoint name after a `/`).
pub fn base_path(env: Environment) -> &'static str {
    match env {
        Environment::Test => "/test/FCTEL/rest",
        Environment::Prod => "/prod/FCTEL/rest",
    }
}

/// The environment a path segment names: `test` or `prod`.
pub(crate) fn from_segment(segment: &str) -> Option<Environment> {
    match segment {
        "test" => Some(Environment::Test),
        "prod" => Some(Environment::Prod),
        _ => None,
    }
}

/// `env`'s position in the per-environment arrays.
pub(crate) fn slot(env: Environment) -> usize {
    match env {
        Environment::Test => 0,
        Environment::Prod => 1,
    }
}

/// Daily and per-minute limits (tax-apis.md §1.4). Each is charged only for calls that pass
/// authentication and parameter checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotas {
    /// `stareMesaj` calls per upload index per Romanian day.
    pub status_per_upload: u32,
    /// `listaMesajeFactura` calls per CIF per day.
    pub list_per_cif: u32,
    /// `listaMesajePaginatieFactura` calls per CIF per day.
    pub paged_list_per_cif: u32,
    /// `descarcare` calls per message id per day.
    pub download_per_message: u32,
    /// RASP uploads per CIF per day.
    pub rasp_per_cif: u32,
    /// Requests per caller (bearer token) per minute across the REST endpoints; then HTTP 429.
    pub requests_per_minute: u32,
}

impl Quotas {
    /// The practitioners' table (BEE-CODED): 100 status calls, 1,500 lists, 100,000 paged
    /// lists, 10 downloads, 1,000 RASP, 1,000 requests a minute. The default.
    pub fn table() -> Self {
        Quotas {
            status_per_upload: 100,
            list_per_cif: 1_500,
            paged_list_per_cif: 100_000,
            download_per_message: 10,
            rasp_per_cif: 1_000,
            requests_per_minute: 1_000,
        }
    }

    /// The numbers of ANAF's swagger examples: 20 status calls and 1,000 lists a day.
    pub fn strict() -> Self {
        Quotas {
            status_per_upload: 20,
            list_per_cif: 1_000,
            ..Quotas::table()
        }
    }

    /// No practical limit, for benchmarks.
    pub fn unlimited() -> Self {
        Quotas {
            status_per_upload: u32::MAX,
            list_per_cif: u32::MAX,
            paged_list_per_cif: u32::MAX,
            download_per_message: u32::MAX,
            rasp_per_cif: u32::MAX,
            requests_per_minute: u32::MAX,
        }
    }
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas::table()
    }
}

/// Which earlier accepted invoice makes an upload a duplicate (ANAF does not document its
/// key; tax-apis.md §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DuplicateKey {
    /// Seller CIF + invoice number (BT-1) + issue date (BT-2). The default.
    #[default]
    SellerNumberDate,
    /// Seller CIF + invoice number.
    SellerNumber,
    /// No duplicate detection.
    Off,
}

/// Whether the buyer's `FACTURA PRIMITA` shares the id of the seller's `FACTURA TRIMISA`
/// (undocumented; tax-apis.md §1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BuyerMessageId {
    /// Each box gets its own message id. The default: it catches clients that key by
    /// `id_solicitare` alone.
    #[default]
    Distinct,
    /// Both boxes list the same id.
    Shared,
}

/// What a `refresh_token` grant does to the refresh token it was given (unverified).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RefreshRotation {
    /// A new refresh token is returned and the old one stops working. The default: it
    /// catches clients that do not persist the new one.
    #[default]
    Rotate,
    /// A new refresh token is returned and the old one keeps working until it expires.
    RotateKeepOld,
    /// The same refresh token is returned.
    Keep,
}

/// How a simulator behaves. `SimConfig::default()` follows tax-apis.md; [`SimConfig::strict`]
/// takes the swagger's lower quotas.
#[derive(Debug, Clone, PartialEq)]
pub struct SimConfig {
    /// Simulated time between an upload and its final state. Default 3 s.
    pub processing_delay: Duration,
    /// Daily and per-minute limits.
    pub quotas: Quotas,
    /// The duplicate-detection key.
    pub duplicate_key: DuplicateKey,
    /// Whether seller and buyer see one message id.
    pub buyer_message_id: BuyerMessageId,
    /// What refreshing does to the old refresh token.
    pub refresh_rotation: RefreshRotation,
    /// Access token lifetime. Default 90 days (129,600 minutes).
    pub access_token_lifetime: Duration,
    /// Refresh token lifetime, counted from its issue. Default 365 days (525,600 minutes).
    pub refresh_token_lifetime: Duration,
    /// How long an authorization code can be exchanged. Default 10 minutes.
    pub code_lifetime: Duration,
    /// Largest upload body. Default [`MAX_UPLOAD_BYTES`] (10 MiB).
    pub max_upload_bytes: usize,
    /// Largest `validare`/`transformare` body. Default [`MAX_VALIDATION_BYTES`] (5 MiB).
    pub max_validation_bytes: usize,
    /// How long messages stay listed and downloadable. Default 60 days.
    pub retention: Duration,
    /// HTTP status of the paginated list's `eroare` answers: 200 (default, like the simple
    /// list) or 400 (as the swagger files them).
    pub paged_list_error_status: u16,
    /// Seed of the fault rules' randomness.
    pub seed: u64,
    /// First upload index of each environment (`[test, prod]`): 10 digits, above 2³².
    pub first_upload_index: [u64; 2],
    /// First message id of each environment (`[test, prod]`): 10 digits, above 2³².
    pub first_message_id: [u64; 2],
    /// A sandbox for people trying things out: every user holds SPV rights on every CIF, and
    /// every CIF has an SPV box (buyers receive `FACTURA PRIMITA` without being added).
    /// Default false: rights and taxpayers are exactly those added.
    pub open: bool,
}

impl Default for SimConfig {
    fn default() -> Self {
        const DAY: u64 = 24 * 60 * 60;
        SimConfig {
            processing_delay: Duration::from_secs(3),
            quotas: Quotas::table(),
            duplicate_key: DuplicateKey::default(),
            buyer_message_id: BuyerMessageId::default(),
            refresh_rotation: RefreshRotation::default(),
            access_token_lifetime: Duration::from_secs(90 * DAY),
            refresh_token_lifetime: Duration::from_secs(365 * DAY),
            code_lifetime: Duration::from_mins(10),
            max_upload_bytes: MAX_UPLOAD_BYTES,
            max_validation_bytes: MAX_VALIDATION_BYTES,
            retention: Duration::from_secs(60 * DAY),
            paged_list_error_status: 200,
            seed: 0x00A2_AF5E_ED00,
            first_upload_index: [5_600_000_000, 5_100_000_000],
            first_message_id: [4_700_000_000, 4_400_000_000],
            open: false,
        }
    }
}

impl SimConfig {
    /// The default with [`Quotas::strict`].
    pub fn strict() -> Self {
        SimConfig {
            quotas: Quotas::strict(),
            ..SimConfig::default()
        }
    }
}
