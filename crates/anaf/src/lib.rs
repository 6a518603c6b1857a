//! Clients for ANAF's web services, and simulators of them for tests.
//!
//! ANAF is Romania's tax authority. This crate speaks its public HTTP interfaces so that the
//! rest of Facturo does not have to:
//!
//! - [`registry`]: the public company registry (PlatitorTvaRest v9). [`registry::RegistryClient`]
//!   looks companies up by CIF and returns [`registry::CompanyRecord`]s (name, address, VAT
//!   status, e-Factura registration); [`registry::Sandbox`] answers the same question offline
//!   with synthetic, deterministic data.
//! - [`efactura`] and [`oauth`]: the e-Factura REST API and ANAF's OAuth server;
//!   [`signature`] checks the detached signature ANAF puts beside each downloaded file.
//! - `sim` (crate feature `sim`): HTTP simulators of the registry, e-Factura and OAuth, with
//!   fault injection and a clock tests move, for tests and local development. No test needs
//!   the internet.
//!
//! What it is not: it stores nothing, caches nothing and does not retry. Callers decide what
//! to keep and when to try again; [`Error::is_transient`] tells them whether trying again can
//! help. Nor does it build or validate invoices: that is the `einvoice` crate's job.
//!
//! TLS uses rustls with the `ring` provider, which the clients install as the process default
//! if no provider is installed yet.
//!
//! # Example
//!
//! The sandbox answers without any network access:
//!
//! ```
//! use anaf::registry::Sandbox;
//!
//! let company = Sandbox.lookup(18_547_290).expect("18547290 has a valid check digit");
//! assert_eq!(company.cif, 18_547_290);
//! assert!(company.efactura_registered);
//! // A CIF whose check digit is wrong does not exist.
//! assert_eq!(Sandbox.lookup(18_547_291), None);
//! ```
//!
//! The real registry (or a simulator) is asked through [`registry::RegistryClient`]:
//!
//! ```no_run
//! use std::time::Duration;
//! use anaf::registry::{RegistryClient, DEFAULT_BASE_URL};
//!
//! # async fn run() -> Result<(), anaf::Error> {
//! let client = RegistryClient::new(DEFAULT_BASE_URL, Duration::from_secs(10))?;
//! let lookup = client.lookup(&[18_547_290], time::macros::date!(2025 - 01 - 15)).await?;
//! for company in &lookup.found {
//!     println!("{} {}", company.cif, company.name);
//! }
//! # Ok(())
//! # }
//! ```

use std::time::Duration;

pub mod bnr;
pub mod efactura;
pub mod oauth;
pub mod registry;
pub mod signature;
#[cfg(feature = "sim")]
pub mod sim;
mod transport;

/// What went wrong when talking to ANAF.
///
/// Use [`Error::is_transient`] to decide whether a retry (later, with backoff) can succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request did not complete: connection refused or reset, DNS failure, TLS failure,
    /// or no answer within the client's timeout. Transient.
    #[error("cannot reach ANAF at {url}: {detail}")]
    Transport {
        /// The URL that was requested.
        url: String,
        /// What the HTTP stack reported, causes included.
        detail: String,
    },
    /// ANAF answered with an HTTP status other than 2xx and 429.
    /// Transient for 5xx and 408, permanent otherwise.
    #[error("ANAF answered HTTP {status}: {body_snippet}")]
    Http {
        /// The HTTP status code.
        status: u16,
        /// The start of the response body, whitespace collapsed.
        body_snippet: String,
    },
    /// ANAF answered with an HTML page where JSON was expected: its web application firewall
    /// ("The requested URL was rejected…") or a maintenance page. Transient.
    #[error(
        "ANAF answered with an HTML page instead of JSON (firewall or maintenance): {body_snippet}"
    )]
    Firewall {
        /// The start of the page, whitespace collapsed.
        body_snippet: String,
    },
    /// ANAF answered HTTP 429 Too Many Requests. Transient.
    #[error("ANAF rate-limited the request (HTTP 429){}", retry_hint(*retry_after))]
    RateLimited {
        /// How long ANAF asked us to wait, when it said so in seconds (`Retry-After`).
        retry_after: Option<Duration>,
    },
    /// ANAF answered 2xx with a JSON envelope whose `cod` is not 200. Transient for codes ≥ 500.
    #[error("ANAF refused the request (cod {code}): {message}")]
    Rejected {
        /// The `cod` field of the answer.
        code: i64,
        /// The `message` field of the answer.
        message: String,
    },
    /// The answer could not be understood: not JSON, an unexpected shape, or too large.
    /// Permanent: retrying the same request will not change ANAF's format.
    #[error("unexpected answer from ANAF: {0}")]
    Protocol(String),
    /// More CIFs were passed to one lookup than ANAF accepts in one request. Callers batch.
    #[error(
        "cannot look up {count} CIFs in one request: ANAF accepts at most {max}; split the batch"
    )]
    BatchTooLarge {
        /// How many CIFs were passed.
        count: usize,
        /// The most one request may carry.
        max: usize,
    },
    /// The base URL given to a client constructor is unusable.
    #[error("invalid ANAF base URL '{url}': {reason}")]
    InvalidBaseUrl {
        /// The URL as given.
        url: String,
        /// Why it was refused.
        reason: String,
    },
    /// The HTTP client could not be built (TLS setup).
    #[error("cannot build the HTTP client for ANAF: {0}")]
    Client(String),
    /// ANAF answered HTTP 401 or 403: the access token is missing, expired, revoked or not
    /// accepted for this service. Permanent: refresh the token or ask the user to reconnect.
    #[error("ANAF refused the access token (HTTP {status}): {body_snippet}")]
    Unauthorized {
        /// 401 or 403.
        status: u16,
        /// The start of the response body, whitespace collapsed.
        body_snippet: String,
    },
    /// ANAF answered HTTP 204 No Content where a body was expected, which it does when a limit
    /// is reached (Odoo's client reads it so). Transient.
    #[error("ANAF answered HTTP 204 No Content at {url} (a limit was reached); try again later")]
    LimitReached {
        /// The URL that was requested, without its query.
        url: String,
    },
    /// ANAF understood the request and refused it with a message of its own: a daily quota,
    /// missing SPV rights, an unknown id, a bad parameter, a technical error. Transient when
    /// [`efactura::RefusalKind::is_retryable`] says so (quotas and technical errors).
    #[error("ANAF refused the request ({kind}): {message}")]
    Refused {
        /// What kind of refusal ANAF's message describes.
        kind: efactura::RefusalKind,
        /// ANAF's message, verbatim.
        message: String,
    },
    /// The simple message list has more than 500 messages: ask the paginated endpoint
    /// ([`efactura::EfacturaClient::messages_page`]) instead. Permanent for this request.
    #[error(
        "ANAF has more messages than the simple list returns; use the paginated list: {message}"
    )]
    TooManyMessages {
        /// ANAF's message, verbatim.
        message: String,
    },
    /// A document is larger than the endpoint accepts; checked before anything is sent.
    #[error("the document has {size} bytes; ANAF accepts at most {max} here")]
    DocumentTooLarge {
        /// The document's size in bytes.
        size: usize,
        /// The endpoint's limit in bytes.
        max: usize,
    },
    /// The caller's arguments cannot make a valid request (a day count out of range, page 0, an
    /// empty interval); checked before anything is sent.
    #[error("invalid request to ANAF: {0}")]
    InvalidRequest(String),
    /// A downloaded archive was refused: not a ZIP, or over a safety limit.
    #[error("unusable e-Factura archive: {0}")]
    Archive(efactura::archive::ArchiveError),
    /// ANAF's OAuth server answered with an error (RFC 6749 §5.2 `error`, or a bare status).
    /// Transient for `server_error`, `temporarily_unavailable` and HTTP 5xx.
    #[error("ANAF OAuth refused the request (HTTP {status}): {error}{}", describe_oauth(description.as_deref()))]
    OAuth {
        /// The HTTP status.
        status: u16,
        /// The `error` code, e.g. `invalid_grant`; the body snippet when there was none.
        error: String,
        /// The `error_description`, when given.
        description: Option<String>,
    },
}

impl Error {
    /// Whether the same request may succeed if sent again later.
    ///
    /// True for network failures and timeouts, ANAF's firewall/maintenance pages, rate limits,
    /// HTTP 408 and 5xx, and envelope codes ≥ 500. False for everything a retry cannot fix.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Transport { .. }
            | Error::Firewall { .. }
            | Error::RateLimited { .. }
            | Error::LimitReached { .. } => true,
            Error::Http { status, .. } => *status == 408 || *status >= 500,
            Error::Rejected { code, .. } => *code >= 500,
            Error::Refused { kind, .. } => kind.is_retryable(),
            Error::OAuth { status, error, .. } => {
                *status >= 500 || error == "server_error" || error == "temporarily_unavailable"
            }
            Error::Protocol(_)
            | Error::BatchTooLarge { .. }
            | Error::InvalidBaseUrl { .. }
            | Error::Client(_)
            | Error::Unauthorized { .. }
            | Error::TooManyMessages { .. }
            | Error::DocumentTooLarge { .. }
            | Error::InvalidRequest(_)
            | Error::Archive(_) => false,
        }
    }

    /// Whether ANAF refused the request because a daily quota is used up. Such a request can
    /// succeed after midnight, Romanian time; retrying sooner only spends more of the quota.
    pub fn is_quota(&self) -> bool {
        matches!(
            self,
            Error::Refused {
                kind: efactura::RefusalKind::Quota,
                ..
            }
        )
    }
}

fn describe_oauth(description: Option<&str>) -> String {
    description.map_or_else(String::new, |d| format!(" ({d})"))
}

fn retry_hint(retry_after: Option<Duration>) -> String {
    retry_after.map_or_else(String::new, |d| format!("; retry after {}s", d.as_secs()))
}

/// Installs ring as the process-wide rustls provider unless one is installed already. Every
/// HTTPS client of the process (this crate's, lettre's, tests') must agree on one provider.
pub fn install_crypto_provider() {
    // Err means another provider is installed already, which is fine: reqwest uses it.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// The first `max` characters of `body`, whitespace runs collapsed to one space.
fn snippet(body: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out = String::new();
    for (count, word) in text.split_whitespace().enumerate() {
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() > max {
            break;
        }
    }
    if out.chars().count() > max {
        out = out.chars().take(max).collect();
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn transient_kinds_are_the_retryable_ones() {
        let transport = Error::Transport {
            url: "http://x".into(),
            detail: "timed out".into(),
        };
        assert!(transport.is_transient());
        assert!(
            Error::Firewall {
                body_snippet: String::new()
            }
            .is_transient()
        );
        assert!(Error::RateLimited { retry_after: None }.is_transient());
        assert!(
            Error::Http {
                status: 503,
                body_snippet: String::new()
            }
            .is_transient()
        );
        assert!(
            !Error::Http {
                status: 400,
                body_snippet: String::new()
            }
            .is_transient()
        );
        assert!(!Error::Protocol("x".into()).is_transient());
        assert!(
            !Error::BatchTooLarge {
                count: 101,
                max: 100
            }
            .is_transient()
        );
        assert!(
            Error::Rejected {
                code: 500,
                message: String::new()
            }
            .is_transient()
        );
        assert!(
            !Error::Rejected {
                code: 404,
                message: String::new()
            }
            .is_transient()
        );
    }

    #[test]
    fn messages_carry_context() {
        let err = Error::RateLimited {
            retry_after: Some(Duration::from_secs(3)),
        };
        assert_eq!(
            err.to_string(),
            "ANAF rate-limited the request (HTTP 429); retry after 3s"
        );
        let err = Error::BatchTooLarge {
            count: 150,
            max: 100,
        };
        assert_eq!(
            err.to_string(),
            "cannot look up 150 CIFs in one request: ANAF accepts at most 100; split the batch"
        );
    }

    #[test]
    fn snippet_collapses_whitespace_and_truncates() {
        assert_eq!(
            snippet(b"  <html>\n\n  <body>x</body> ", 100),
            "<html> <body>x</body>"
        );
        assert_eq!(snippet("ăîșțâ-long".as_bytes(), 4), "ăîșț…");
        assert_eq!(snippet(b"", 10), "");
    }
}
