//! ANAF's public company registry (PlatitorTvaRest v9): a client, an offline sandbox, the wire format.
//!
//! ANAF publishes, for every Romanian taxpayer, its name, registered office, trade-register
//! number, VAT status and e-Factura registration. Facturo uses it to create a company or a
//! client from its CIF alone.
//!
//! - [`RegistryClient`] asks the real service (or the simulator) over HTTPS.
//! - [`Sandbox`] answers offline with synthetic, deterministic data for any CIF whose check
//!   digit is valid. The data looks real but is made up: names, addresses, phone numbers and
//!   registration numbers are derived from the CIF and belong to no real company.
//! - [`response_json`] renders ANAF's wire format, for the simulator and for round-trip tests.
//!
//! Wire facts (ANAF's `doc_WS_V9`, as summarised in the project's tax-API notes §3.1):
//! `POST /api/PlatitorTvaRest/v9/tva` with `[{"cui": 12345678, "data": "YYYY-MM-DD"}, …]`,
//! at most [`MAX_BATCH`] CIFs per request; the answer is
//! `{"cod": 200, "message": "SUCCESS", "found": [...], "notFound": [...]}`.

use serde::{Deserialize, Serialize};

mod client;
mod sandbox;
mod wire;

pub use client::RegistryClient;
pub use sandbox::Sandbox;
pub use wire::response_json;

#[cfg(feature = "sim")]
pub(crate) use wire::{envelope, format_date, found_json, parse_cui};

/// ANAF's production host for the registry; [`RegistryClient::new`] appends [`PATH`].
pub const DEFAULT_BASE_URL: &str = "https://webservicesp.anaf.ro";

/// The path of the lookup endpoint, relative to the base URL.
pub const PATH: &str = "/api/PlatitorTvaRest/v9/tva";

/// The most CIFs one request may carry (ANAF's documented limit for v9).
pub const MAX_BATCH: usize = 100;

/// One company as the registry describes it on the requested date.
///
/// Text fields hold ANAF's values trimmed; ANAF's empty strings become `None`.
/// The address is the registered office (`adresa_sediu_social`) when ANAF has one, else the
/// fiscal domicile (`adresa_domiciliu_fiscal`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyRecord {
    /// The CIF (CUI), without the `RO` prefix.
    pub cif: u64,
    /// The registered name (`denumire`), as ANAF spells it.
    pub name: String,
    /// The trade-register number (`nrRegCom`), e.g. `J12/1234/2015`.
    pub registration_number: Option<String>,
    /// The full address on one line (`adresa`).
    pub address: Option<String>,
    /// The street (`sdenumire_Strada`).
    pub street: Option<String>,
    /// The street number (`snumar_Strada`).
    pub street_number: Option<String>,
    /// The locality (`sdenumire_Localitate`); for Bucharest it names the sector.
    pub city: Option<String>,
    /// The county code (`scod_JudetAuto`), e.g. `CJ` or `B`: ISO 3166-2:RO without `RO-`.
    pub county_code: Option<String>,
    /// The county's name (`sdenumire_Judet`).
    pub county_name: Option<String>,
    /// The postal code (`scod_Postal`, else `codPostal`).
    pub postal_code: Option<String>,
    /// The phone number (`telefon`).
    pub phone: Option<String>,
    /// Registered for VAT on the requested date (`scpTVA`): its VAT code is `RO` + CIF.
    pub vat_payer: bool,
    /// Applies VAT on collection, "TVA la încasare" (`statusTvaIncasare`).
    pub vat_on_collection: bool,
    /// Applies split VAT payment (`statusSplitTVA`).
    pub split_vat: bool,
    /// Declared inactive by ANAF (`statusInactivi`).
    pub inactive: bool,
    /// Registered in the RO e-Factura registry (`statusRO_e_Factura`).
    pub efactura_registered: bool,
    /// The main activity's CAEN code (`cod_CAEN`).
    pub caen_code: Option<String>,
    /// The registration state (`stare_inregistrare`), e.g. `INREGISTRAT din data 25.02.2015`.
    pub registration_status: Option<String>,
}

/// The answer to one lookup: the companies ANAF knows and the CIFs it does not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lookup {
    /// The companies found, in ANAF's order.
    pub found: Vec<CompanyRecord>,
    /// The CIFs ANAF does not know.
    pub not_found: Vec<u64>,
}
