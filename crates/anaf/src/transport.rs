//! HTTP plumbing shared by the e-Factura and OAuth clients: building the client, sending a
//! request, reading a bounded body, recognising ANAF's firewall pages.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderMap, RETRY_AFTER};

use crate::Error;

/// How much of an unexpected body goes into an error message.
pub(crate) const SNIPPET_CHARS: usize = 200;

const USER_AGENT: &str = concat!("Facturo/", env!("CARGO_PKG_VERSION"));

/// An HTTP client with Facturo's user agent and `timeout` for connecting and for the whole
/// request. Installs ring as the rustls provider if the process has none yet.
pub(crate) fn http_client(timeout: Duration) -> Result<reqwest::Client, Error> {
    crate::install_crypto_provider();
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .timeout(timeout)
        .connect_timeout(timeout)
        .build()
        .map_err(|e| Error::Client(describe(&e)))
}

/// Parses a base URL (http or https, no query or fragment) and gives it a trailing slash, so
/// that relative paths join below it.
pub(crate) fn base_url(base: &str) -> Result<reqwest::Url, Error> {
    let invalid = |reason: String| Error::InvalidBaseUrl {
        url: base.to_owned(),
        reason,
    };
    let with_slash = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let parsed = reqwest::Url::parse(&with_slash).map_err(|e| invalid(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(invalid(format!(
            "the scheme must be http or https, not {}",
            parsed.scheme()
        )));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(invalid("a base URL has no query or fragment".to_owned()));
    }
    Ok(parsed)
}

/// `path` below `base` (which ends with a slash).
pub(crate) fn join(base: &reqwest::Url, path: &str) -> Result<reqwest::Url, Error> {
    base.join(path).map_err(|e| Error::InvalidBaseUrl {
        url: base.to_string(),
        reason: format!("cannot append '{path}': {e}"),
    })
}

/// A complete answer, status and body, read within the size limit.
#[derive(Debug)]
pub(crate) struct Reply {
    /// The URL requested, without its query (queries may carry codes and ids).
    pub url: String,
    /// The HTTP status.
    pub status: StatusCode,
    /// The `Content-Type` header, lower-cased, parameters included.
    pub content_type: String,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    /// The start of the body for an error message.
    pub fn snippet(&self) -> String {
        crate::snippet(&self.body, SNIPPET_CHARS)
    }

    /// Whether the answer is an HTML page (ANAF's firewall, "Request Rejected … support ID",
    /// or a maintenance page) rather than the XML or JSON the endpoint speaks.
    pub fn is_html_page(&self) -> bool {
        if self.content_type.starts_with("text/html") {
            return true;
        }
        let head = &self.body[..self.body.len().min(4096)];
        let text = String::from_utf8_lossy(head);
        let start = text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .get(..14)
            .unwrap_or_default()
            .to_ascii_lowercase();
        start.starts_with("<html")
            || start.starts_with("<!doctype html")
            || text.contains("Request Rejected")
            || text.contains("The requested URL was rejected")
            || text.contains("Your support ID is")
    }

    /// The firewall error for this answer.
    pub fn firewall(&self) -> Error {
        Error::Firewall {
            body_snippet: self.snippet(),
        }
    }
}

/// Sends `request` and reads the answer's body up to `max_body` bytes.
///
/// Network failures and timeouts become [`Error::Transport`], HTTP 429 becomes
/// [`Error::RateLimited`]; every other status is returned for the caller to interpret.
pub(crate) async fn send(
    request: reqwest::RequestBuilder,
    url: &reqwest::Url,
    timeout: Duration,
    max_body: usize,
) -> Result<Reply, Error> {
    let url = without_query(url);
    let transport = |err: &reqwest::Error| {
        let detail = if err.is_timeout() {
            format!("no answer within {timeout:?} ({})", describe(err))
        } else {
            describe(err)
        };
        Error::Transport {
            url: url.clone(),
            detail,
        }
    };
    let mut response = request.send().await.map_err(|e| transport(&e))?;
    let status = response.status();
    if status == StatusCode::TOO_MANY_REQUESTS {
        return Err(Error::RateLimited {
            retry_after: retry_after(response.headers()),
        });
    }
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let too_large = || {
        Error::Protocol(format!(
            "the answer from {url} is larger than {} MiB",
            max_body / (1024 * 1024)
        ))
    };
    if response
        .content_length()
        .is_some_and(|n| n > max_body as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| transport(&e))? {
        if body.len() + chunk.len() > max_body {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Reply {
        url: url.clone(),
        status,
        content_type,
        body,
    })
}

/// The URL without query and fragment, for messages and logs.
pub(crate) fn without_query(url: &reqwest::Url) -> String {
    let mut url = url.clone();
    url.set_query(None);
    url.set_fragment(None);
    url.to_string()
}

/// `Retry-After` in seconds. The HTTP-date form is ignored: turning it into a delay would need
/// the clock, which callers own.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse().ok().map(Duration::from_secs)
}

/// An error and its causes on one line.
pub(crate) fn describe(err: &dyn std::error::Error) -> String {
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

    fn reply(content_type: &str, body: &[u8]) -> Reply {
        Reply {
            url: "http://x/".into(),
            status: StatusCode::OK,
            content_type: content_type.into(),
            body: body.to_vec(),
        }
    }

    #[test]
    fn html_pages_are_recognised_whatever_the_content_type() {
        assert!(reply("text/html; charset=utf-8", b"{}").is_html_page());
        assert!(reply("application/xml", b"\n  <HTML><body>down</body></HTML>").is_html_page());
        assert!(reply("", b"<!DOCTYPE html><html></html>").is_html_page());
        assert!(
            reply(
                "application/json",
                b"<p>The requested URL was rejected. Your support ID is: 123</p>"
            )
            .is_html_page()
        );
        assert!(!reply("application/xml", b"<?xml version=\"1.0\"?><header/>").is_html_page());
        assert!(!reply("application/json", br#"{"eroare":"x"}"#).is_html_page());
    }

    #[test]
    fn base_urls_get_a_trailing_slash_and_refuse_queries() {
        assert_eq!(
            base_url("http://127.0.0.1:9/test/FCTEL/rest")
                .unwrap()
                .as_str(),
            "http://127.0.0.1:9/test/FCTEL/rest/"
        );
        assert!(matches!(
            base_url("ftp://x/"),
            Err(Error::InvalidBaseUrl { .. })
        ));
        assert!(matches!(
            base_url("http://x/?a=1"),
            Err(Error::InvalidBaseUrl { .. })
        ));
        let base = base_url("https://api.anaf.ro/prod/FCTEL/rest/").unwrap();
        assert_eq!(
            join(&base, "validare/FACT1").unwrap().as_str(),
            "https://api.anaf.ro/prod/FCTEL/rest/validare/FACT1"
        );
    }

    #[test]
    fn retry_after_in_seconds_only() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, " 30 ".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(30)));
        headers.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers), None);
    }
}
