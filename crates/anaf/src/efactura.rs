//! ANAF's RO e-Factura web service (the OAuth flavour): upload, status, message lists,
//! download, validation and PDF rendering, with every documented answer typed.
//!
//! [`EfacturaClient`] speaks the REST API under `https://api.anaf.ro/{test,prod}/FCTEL/rest/`
//! (or a simulator's base URL). Every call takes the bearer token: the client stores no
//! tokens ([`crate::oauth`] obtains and refreshes them).
//!
//! ANAF answers business errors with HTTP 200, in XML for upload and status and in JSON for
//! the rest. The client reads them all:
//! - an outcome the caller must act on is a value: [`UploadOutcome::Refused`],
//!   [`UploadStatus::Nok`], [`UploadStatus::NotTakenOver`], [`Download::Refused`],
//!   [`Validation::Invalid`]; refusals carry every message ANAF gave and a [`RefusalKind`];
//! - a request that cannot be served is an [`Error`](crate::Error): a list call ANAF
//!   refused ([`Error::Refused`](crate::Error::Refused), quotas included), a list too long
//!   for the simple endpoint ([`Error::TooManyMessages`](crate::Error::TooManyMessages)),
//!   HTTP 401/403, 429, 204, 5xx, firewall pages, timeouts;
//! - "no messages" is an empty list, not an error.
//!
//! [`archive`] opens the ZIP that `descarcare` returns, under limits, and reads the invoice,
//! the error report and the signature it holds. [`Finding`] splits ANAF's validation
//! messages into rule id and text and recognises duplicate submissions.
//!
//! Wire facts: the project's tax-API notes §1 and ANAF's OpenAPI descriptions
//! (`spec/anaf-openapi/*.json`), whose example bodies the tests replay.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub mod archive;
mod client;
mod details;
mod findings;
mod messages;
mod refusal;
mod status;
mod timestamp;
mod validation;

pub use client::{EfacturaClient, PageRequest, UploadRequest};
pub use details::{Details, parse_details};
pub use findings::{Duplicate, Finding};
pub use messages::{Message, MessageFilter, MessageKind, MessageList, MessagePage};
pub use refusal::RefusalKind;
pub use status::{UploadOutcome, UploadStatus};
pub use timestamp::{parse_timestamp, romania_to_offset};
pub use validation::{Download, Transformation, Validation, ValidationStandard};

/// ANAF's production base URL (OAuth flavour).
pub const PROD_BASE_URL: &str = "https://api.anaf.ro/prod/FCTEL/rest/";
/// ANAF's test base URL (OAuth flavour): same contract, no legal effect, separate data.
pub const TEST_BASE_URL: &str = "https://api.anaf.ro/test/FCTEL/rest/";

/// The largest document `upload` accepts (10 MB); checked before sending.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// The largest document `validare` and `transformare` accept (5 MB); checked before sending.
pub const MAX_VALIDATION_BYTES: usize = 5 * 1024 * 1024;
/// The most days the simple message list looks back (`zile` is 1..=60).
pub const MAX_LIST_DAYS: u8 = 60;

/// The namespace of the upload answer (`header` with `ExecutionStatus`, `index_incarcare`).
pub const NS_UPLOAD_RESPONSE: &str = "mfp:anaf:dgti:spv:respUploadFisier:v1";
/// The namespace of the status answer (`header` with `stare`, `id_descarcare`).
pub const NS_STATUS_RESPONSE: &str = "mfp:anaf:dgti:efactura:stareMesajFactura:v1";
/// The namespace of the error report in a rejected invoice's ZIP (ANAF spells it "Factuta").
pub const NS_ERROR_REPORT: &str = "mfp:anaf:dgti:efactura:mesajEroriFactuta:v1";
/// The namespace of a buyer/seller message uploaded with `standard=RASP`.
pub const NS_RASP: &str = "mfp:anaf:dgti:spv:reqMesaj:v1";
/// XML Signature, the namespace of the `semnatura_*.xml` entry.
pub const NS_XMLDSIG: &str = "http://www.w3.org/2000/09/xmldsig#";

/// Which ANAF environment a client talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Environment {
    /// `https://api.anaf.ro/test/FCTEL/rest/`: no legal effect.
    Test,
    /// `https://api.anaf.ro/prod/FCTEL/rest/`.
    Prod,
}

impl Environment {
    /// The environment's base URL.
    pub fn base_url(self) -> &'static str {
        match self {
            Environment::Test => TEST_BASE_URL,
            Environment::Prod => PROD_BASE_URL,
        }
    }
}

/// The `standard` query parameter of an upload: what kind of XML is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Standard {
    /// A UBL 2.1 `Invoice` (`UBL`).
    Ubl,
    /// A UBL 2.1 `CreditNote` (`CN`).
    CreditNote,
    /// A UN/CEFACT Cross Industry Invoice (`CII`).
    Cii,
    /// A buyer/seller message answering an invoice (`RASP`, namespace [`NS_RASP`]).
    Rasp,
}

impl Standard {
    /// The value ANAF expects on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Standard::Ubl => "UBL",
            Standard::CreditNote => "CN",
            Standard::Cii => "CII",
            Standard::Rasp => "RASP",
        }
    }
}

/// The index ANAF gives an accepted upload (`index_incarcare`, `id_solicitare` in lists).
/// Ten digits today, beyond 2³²: always 64 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UploadIndex(pub u64);

/// The id that downloads a message's ZIP (`id_descarcare`, `id` in lists). Beyond 2³² too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DownloadId(pub u64);

macro_rules! id_impls {
    ($name:ident, $what:literal) => {
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = crate::Error;

            /// Digits only, surrounding whitespace ignored.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let digits = s.trim();
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(crate::Error::Protocol(format!(
                        concat!("'{}' is not ", $what),
                        s
                    )));
                }
                digits.parse().map($name).map_err(|e| {
                    crate::Error::Protocol(format!(concat!("'{}' is not ", $what, ": {}"), s, e))
                })
            }
        }
    };
}

id_impls!(UploadIndex, "an upload index");
id_impls!(DownloadId, "a download id");

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn ids_hold_values_beyond_32_bits() {
        assert_eq!(
            "5001120362".parse::<UploadIndex>().unwrap(),
            UploadIndex(5_001_120_362)
        );
        assert_eq!(
            " 3001474425 ".parse::<DownloadId>().unwrap(),
            DownloadId(3_001_474_425)
        );
        assert_eq!(UploadIndex(5_001_120_362).to_string(), "5001120362");
        assert!("12a".parse::<UploadIndex>().is_err());
        assert!("-1".parse::<DownloadId>().is_err());
        assert!("".parse::<DownloadId>().is_err());
        assert!("99999999999999999999999".parse::<DownloadId>().is_err());
    }

    #[test]
    fn environments_and_standards_have_their_wire_values() {
        assert_eq!(
            Environment::Test.base_url(),
            "https://api.anaf.ro/test/FCTEL/rest/"
        );
        assert_eq!(
            Environment::Prod.base_url(),
            "https://api.anaf.ro/prod/FCTEL/rest/"
        );
        let wire: Vec<_> = [
            Standard::Ubl,
            Standard::CreditNote,
            Standard::Cii,
            Standard::Rasp,
        ]
        .iter()
        .map(|s| s.as_str())
        .collect();
        assert_eq!(wire, ["UBL", "CN", "CII", "RASP"]);
    }
}
