//! The HTTP client of the registry.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, RETRY_AFTER};
use time::Date;

use super::{Lookup, MAX_BATCH, PATH, wire};
use crate::Error;

/// The most bytes of an answer the client reads; ANAF's answer for a full batch is far smaller.
const MAX_BODY: usize = 4 * 1024 * 1024;

/// How much of an unexpected body goes into an error message.
const SNIPPET_CHARS: usize = 200;

const USER_AGENT: &str = concat!("Facturo/", env!("CARGO_PKG_VERSION"));

/// A client for ANAF's company registry (PlatitorTvaRest v9).
///
/// Cheap to clone: clones share one connection pool. It neither caches nor retries; see
/// [`Error::is_transient`].
#[derive(Debug, Clone)]
pub struct RegistryClient {
    http: reqwest::Client,
    url: String,
    timeout: Duration,
}

impl RegistryClient {
    /// A client for the registry at `base_url` (e.g. [`super::DEFAULT_BASE_URL`] or a
    /// simulator's `http://127.0.0.1:PORT`), giving up on a request after `timeout`.
    ///
    /// Installs ring as the rustls crypto provider if the process has none yet.
    pub fn new(base_url: &str, timeout: Duration) -> Result<Self, Error> {
        let invalid = |reason: String| Error::InvalidBaseUrl {
            url: base_url.to_owned(),
            reason,
        };
        let parsed = reqwest::Url::parse(base_url).map_err(|e| invalid(e.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(invalid(format!(
                "the scheme must be http or https, not {}",
                parsed.scheme()
            )));
        }
        if parsed.query().is_some() || parsed.fragment().is_some() {
            return Err(invalid("a base URL has no query or fragment".to_owned()));
        }
        crate::install_crypto_provider();
        let http = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(timeout)
            .connect_timeout(timeout)
            .build()
            .map_err(|e| Error::Client(describe(&e)))?;
        Ok(RegistryClient {
            http,
            url: format!("{}{PATH}", base_url.trim_end_matches('/')),
            timeout,
        })
    }

    /// The full URL of the lookup endpoint.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Looks up `cifs` (at most [`MAX_BATCH`]) as registered on `date`.
    ///
    /// A CIF ANAF does not know is an outcome, not an error: it comes back in
    /// [`Lookup::not_found`]. An empty `cifs` returns an empty [`Lookup`] without a request.
    pub async fn lookup(&self, cifs: &[u64], date: Date) -> Result<Lookup, Error> {
        if cifs.len() > MAX_BATCH {
            return Err(Error::BatchTooLarge {
                count: cifs.len(),
                max: MAX_BATCH,
            });
        }
        if cifs.is_empty() {
            return Ok(Lookup::default());
        }
        tracing::debug!(count = cifs.len(), url = %self.url, "looking up CIFs in ANAF's registry");
        let mut response = self
            .http
            .post(&self.url)
            .header(ACCEPT, "application/json")
            .json(&wire::request_body(cifs, date))
            .send()
            .await
            .map_err(|e| self.transport(&e))?;
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            return Err(Error::RateLimited {
                retry_after: retry_after(response.headers()),
            });
        }
        let (body, complete) = self.read_capped(&mut response).await?;
        if status.is_success() && !complete {
            return Err(Error::Protocol(format!(
                "the answer is larger than {} MiB",
                MAX_BODY / (1024 * 1024)
            )));
        }
        interpret(status.as_u16(), &body)
    }

    /// Reads the body up to [`MAX_BODY`]; the flag is false when more was left unread.
    async fn read_capped(
        &self,
        response: &mut reqwest::Response,
    ) -> Result<(Vec<u8>, bool), Error> {
        if response
            .content_length()
            .is_some_and(|n| n > MAX_BODY as u64)
        {
            return Ok((Vec::new(), false));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.transport(&e))? {
            if body.len() + chunk.len() > MAX_BODY {
                return Ok((body, false));
            }
            body.extend_from_slice(&chunk);
        }
        Ok((body, true))
    }

    fn transport(&self, err: &reqwest::Error) -> Error {
        let detail = if err.is_timeout() {
            format!("no answer within {:?} ({})", self.timeout, describe(err))
        } else {
            describe(err)
        };
        Error::Transport {
            url: self.url.clone(),
            detail,
        }
    }
}

/// Turns a complete answer other than 429 into a lookup or an error.
fn interpret(status: u16, body: &[u8]) -> Result<Lookup, Error> {
    if !(200..300).contains(&status) {
        return Err(Error::Http {
            status,
            body_snippet: crate::snippet(body, SNIPPET_CHARS),
        });
    }
    match serde_json::from_slice(body) {
        Ok(value) => wire::parse_response(&value),
        Err(_) if looks_like_html(body) => Err(Error::Firewall {
            body_snippet: crate::snippet(body, SNIPPET_CHARS),
        }),
        Err(err) => Err(Error::Protocol(format!(
            "the answer is not JSON ({err}): {}",
            crate::snippet(body, SNIPPET_CHARS)
        ))),
    }
}

/// ANAF's firewall and maintenance pages are HTML; JSON never starts with `<`.
fn looks_like_html(body: &[u8]) -> bool {
    let text = String::from_utf8_lossy(body);
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// `Retry-After` in seconds. The HTTP-date form is ignored: turning it into a delay would need
/// the clock, which callers own.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse().ok().map(Duration::from_secs)
}

/// An error and its causes on one line.
fn describe(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn html_with_200_is_the_firewall() {
        let page = b"\xef\xbb\xbf\n  <html><head><title>Request Rejected</title></head><body>The requested URL was rejected.</body></html>";
        let err = interpret(200, page).unwrap_err();
        assert!(
            matches!(&err, Error::Firewall { body_snippet } if body_snippet.contains("Request Rejected")),
            "{err:?}"
        );
        assert!(err.is_transient());
    }

    #[test]
    fn other_non_json_is_a_protocol_error() {
        let err = interpret(200, b"SUCCESS").unwrap_err();
        assert!(
            matches!(&err, Error::Protocol(m) if m.starts_with("the answer is not JSON")),
            "{err:?}"
        );
        assert!(!err.is_transient());
        assert!(matches!(
            interpret(200, b"").unwrap_err(),
            Error::Protocol(_)
        ));
    }

    #[test]
    fn non_2xx_is_an_http_error_with_a_snippet() {
        let err = interpret(400, br#"{"cod":400,"message":"bad"}"#).unwrap_err();
        assert_eq!(
            err,
            Error::Http {
                status: 400,
                body_snippet: r#"{"cod":400,"message":"bad"}"#.to_owned()
            }
        );
        assert!(!err.is_transient());
        let err = interpret(503, b"<html>maintenance</html>").unwrap_err();
        assert!(matches!(err, Error::Http { status: 503, .. }));
        assert!(err.is_transient());
    }

    #[test]
    fn json_is_parsed() {
        let lookup = interpret(
            200,
            br#"{"cod":200,"message":"SUCCESS","found":[],"notFound":[18547290]}"#,
        )
        .unwrap();
        assert_eq!(lookup.not_found, vec![18_547_290]);
    }

    #[test]
    fn retry_after_in_seconds_only() {
        let mut headers = reqwest::header::HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, " 30 ".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(30)));
        headers.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn user_agent_names_facturo_and_its_version() {
        assert_eq!(USER_AGENT, format!("Facturo/{}", env!("CARGO_PKG_VERSION")));
    }
}
