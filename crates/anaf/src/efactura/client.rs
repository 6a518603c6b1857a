//! The HTTP client of e-Factura: one method per endpoint.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::messages::{http_error, parse_list, parse_page, spring_message, spring_refusal};
use super::status::{parse_status, parse_upload};
use super::validation::{parse_download, parse_transformation, parse_validation};
use super::{
    Download, DownloadId, Environment, MAX_LIST_DAYS, MAX_UPLOAD_BYTES, MAX_VALIDATION_BYTES,
    MessageFilter, MessageList, MessagePage, Standard, Transformation, UploadIndex, UploadOutcome,
    UploadStatus, Validation, ValidationStandard,
};
use crate::Error;
use crate::transport::{self, Reply};

/// The most bytes of an XML or JSON answer the client reads (a full list page is far smaller).
const MAX_TEXT_BODY: usize = 16 * 1024 * 1024;
/// The most bytes of a ZIP or PDF the client reads.
const MAX_BINARY_BODY: usize = 64 * 1024 * 1024;

/// What to upload and how ANAF should treat it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadRequest {
    /// The kind of XML sent (`standard`).
    pub standard: Standard,
    /// The CIF that receives the error if the seller cannot be read from the XML (`cif`):
    /// digits only, no `RO`. The token's holder must have SPV rights on it.
    pub cif: u64,
    /// The buyer is not Romanian: nothing is delivered to a buyer's SPV (`extern=DA`).
    pub foreign_buyer: bool,
    /// Self-billing: the buyer issues the invoice in the supplier's name (`autofactura=DA`).
    pub self_billing: bool,
    /// An enforcement authority files for a debtor (`executare=DA`).
    pub enforcement: bool,
}

impl UploadRequest {
    /// A plain upload of `standard` for `cif`, no flags set.
    pub fn new(standard: Standard, cif: u64) -> Self {
        UploadRequest {
            standard,
            cif,
            foreign_buyer: false,
            self_billing: false,
            enforcement: false,
        }
    }

    fn query(&self) -> Vec<(&'static str, String)> {
        let mut query = vec![
            ("standard", self.standard.as_str().to_owned()),
            ("cif", self.cif.to_string()),
        ];
        for (flag, name) in [
            (self.foreign_buyer, "extern"),
            (self.self_billing, "autofactura"),
            (self.enforcement, "executare"),
        ] {
            if flag {
                query.push((name, "DA".to_owned()));
            }
        }
        query
    }
}

/// One page of the paginated message list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest {
    /// The CIF whose box is listed (`cif`).
    pub cif: u64,
    /// The interval's start (`startTime`, sent in milliseconds); ANAF refuses one older than
    /// 60 days.
    pub start: OffsetDateTime,
    /// The interval's end (`endTime`); after `start`, not in the future.
    pub end: OffsetDateTime,
    /// The page, from 1 (`pagina`).
    pub page: u64,
    /// Which messages (`filtru`); all when `None`.
    pub filter: Option<MessageFilter>,
}

/// A client for ANAF's e-Factura REST API (OAuth flavour).
///
/// Cheap to clone: clones share one connection pool. Every call takes the access token; the
/// client stores none, caches nothing and does not retry ([`Error::is_transient`] says when a
/// retry can help).
#[derive(Debug, Clone)]
pub struct EfacturaClient {
    http: reqwest::Client,
    base: reqwest::Url,
    timeout: Duration,
}

impl EfacturaClient {
    /// A client for `environment`, giving up on a request after `timeout`.
    pub fn new(environment: Environment, timeout: Duration) -> Result<Self, Error> {
        Self::with_base_url(environment.base_url(), timeout)
    }

    /// A client for the API under `base_url`, e.g. a simulator's
    /// `http://127.0.0.1:PORT/test/FCTEL/rest/` (a missing trailing slash is added).
    pub fn with_base_url(base_url: &str, timeout: Duration) -> Result<Self, Error> {
        Ok(EfacturaClient {
            http: transport::http_client(timeout)?,
            base: transport::base_url(base_url)?,
            timeout,
        })
    }

    /// The base URL every endpoint is relative to (with a trailing slash).
    pub fn base_url(&self) -> &str {
        self.base.as_str()
    }

    /// Uploads an invoice, credit note or RASP message (`POST upload`).
    ///
    /// A document over 10 MB is refused before sending ([`Error::DocumentTooLarge`]).
    pub async fn upload(
        &self,
        token: &str,
        request: &UploadRequest,
        xml: &[u8],
    ) -> Result<UploadOutcome, Error> {
        self.upload_to("upload", token, request, xml).await
    }

    /// Uploads an invoice whose buyer is a natural person (`POST uploadb2c`); the same
    /// contract as [`EfacturaClient::upload`].
    pub async fn upload_b2c(
        &self,
        token: &str,
        request: &UploadRequest,
        xml: &[u8],
    ) -> Result<UploadOutcome, Error> {
        self.upload_to("uploadb2c", token, request, xml).await
    }

    async fn upload_to(
        &self,
        path: &str,
        token: &str,
        request: &UploadRequest,
        xml: &[u8],
    ) -> Result<UploadOutcome, Error> {
        check_size(xml, MAX_UPLOAD_BYTES)?;
        let url = transport::join(&self.base, path)?;
        tracing::debug!(%url, standard = request.standard.as_str(), bytes = xml.len(), "uploading to e-Factura");
        let builder = self
            .http
            .post(url.clone())
            .bearer_auth(token)
            .query(&request.query())
            .header(CONTENT_TYPE, "text/plain")
            .body(xml.to_vec());
        let reply = self.send(builder, &url, MAX_TEXT_BODY).await?;
        xml_answer(&reply, parse_upload)
    }

    /// Asks where an upload stands (`GET stareMesaj`).
    pub async fn status(&self, token: &str, index: UploadIndex) -> Result<UploadStatus, Error> {
        let url = transport::join(&self.base, "stareMesaj")?;
        let builder = self
            .http
            .get(url.clone())
            .bearer_auth(token)
            .query(&[("id_incarcare", index.0)]);
        let reply = self.send(builder, &url, MAX_TEXT_BODY).await?;
        xml_answer(&reply, parse_status)
    }

    /// Lists the messages of the last `days` (1 to 60) of `cif`'s box
    /// (`GET listaMesajeFactura`).
    ///
    /// "No messages" is an empty list. More than 500 messages is
    /// [`Error::TooManyMessages`]: use [`EfacturaClient::messages_page`]. Other refusals
    /// (rights, quota, parameters) are [`Error::Refused`].
    pub async fn messages(
        &self,
        token: &str,
        cif: u64,
        days: u8,
        filter: Option<MessageFilter>,
    ) -> Result<MessageList, Error> {
        if !(1..=MAX_LIST_DAYS).contains(&days) {
            return Err(Error::InvalidRequest(format!(
                "the list covers 1 to {MAX_LIST_DAYS} days, not {days}"
            )));
        }
        let url = transport::join(&self.base, "listaMesajeFactura")?;
        let mut query = vec![("zile", days.to_string()), ("cif", cif.to_string())];
        if let Some(filter) = filter {
            query.push(("filtru", filter.as_str().to_owned()));
        }
        let builder = self.http.get(url.clone()).bearer_auth(token).query(&query);
        let reply = self.json_reply(builder, &url).await?;
        parse_list(reply.status.as_u16(), &reply.body)
    }

    /// Lists one page of the messages created in an interval (`GET
    /// listaMesajePaginatieFactura`). Refusals, under HTTP 200 or 400, are
    /// [`Error::Refused`]; an interval without messages is an empty page.
    pub async fn messages_page(
        &self,
        token: &str,
        request: &PageRequest,
    ) -> Result<MessagePage, Error> {
        if request.page == 0 {
            return Err(Error::InvalidRequest(
                "pages are numbered from 1".to_owned(),
            ));
        }
        if request.end <= request.start {
            return Err(Error::InvalidRequest(format!(
                "the interval ends ({}) before it starts ({})",
                request.end, request.start
            )));
        }
        let url = transport::join(&self.base, "listaMesajePaginatieFactura")?;
        let mut query = vec![
            ("startTime", millis(request.start).to_string()),
            ("endTime", millis(request.end).to_string()),
            ("cif", request.cif.to_string()),
            ("pagina", request.page.to_string()),
        ];
        if let Some(filter) = request.filter {
            query.push(("filtru", filter.as_str().to_owned()));
        }
        let builder = self.http.get(url.clone()).bearer_auth(token).query(&query);
        let reply = self.json_reply(builder, &url).await?;
        parse_page(reply.status.as_u16(), &reply.body, request.page)
    }

    /// Downloads a message's ZIP (`GET descarcare`). ANAF's JSON refusals (quota, rights,
    /// unknown id) are [`Download::Refused`].
    pub async fn download(&self, token: &str, id: DownloadId) -> Result<Download, Error> {
        let url = transport::join(&self.base, "descarcare")?;
        let builder = self
            .http
            .get(url.clone())
            .bearer_auth(token)
            .query(&[("id", id.0)]);
        let reply = self.send(builder, &url, MAX_BINARY_BODY).await?;
        parse_download(reply)
    }

    /// Has ANAF validate a document without submitting it (`POST validare/{FACT1|FCN}`).
    /// A document over 5 MB is refused before sending.
    pub async fn validate(
        &self,
        token: &str,
        standard: ValidationStandard,
        xml: &[u8],
    ) -> Result<Validation, Error> {
        check_size(xml, MAX_VALIDATION_BYTES)?;
        let url = transport::join(&self.base, &format!("validare/{}", standard.as_str()))?;
        let builder = self.xml_post(&url, token, xml);
        let reply = self.send(builder, &url, MAX_TEXT_BODY).await?;
        parse_validation(&reply)
    }

    /// Has ANAF render a document as PDF (`POST transformare/{FACT1|FCN}`, with `/DA` when
    /// `validate` is false: ANAF then skips validation). A document over 5 MB is refused
    /// before sending.
    pub async fn transform(
        &self,
        token: &str,
        standard: ValidationStandard,
        xml: &[u8],
        validate: bool,
    ) -> Result<Transformation, Error> {
        check_size(xml, MAX_VALIDATION_BYTES)?;
        let suffix = if validate { "" } else { "/DA" };
        let path = format!("transformare/{}{suffix}", standard.as_str());
        let url = transport::join(&self.base, &path)?;
        let builder = self.xml_post(&url, token, xml);
        let reply = self.send(builder, &url, MAX_BINARY_BODY).await?;
        parse_transformation(reply)
    }

    fn xml_post(&self, url: &reqwest::Url, token: &str, xml: &[u8]) -> reqwest::RequestBuilder {
        self.http
            .post(url.clone())
            .bearer_auth(token)
            .header(CONTENT_TYPE, "text/plain")
            .body(xml.to_vec())
    }

    /// Sends a request whose answer is JSON; refuses HTML pages.
    async fn json_reply(
        &self,
        builder: reqwest::RequestBuilder,
        url: &reqwest::Url,
    ) -> Result<Reply, Error> {
        let builder = builder.header(ACCEPT, "application/json");
        let reply = self.send(builder, url, MAX_TEXT_BODY).await?;
        if reply.is_html_page() {
            return Err(reply.firewall());
        }
        Ok(reply)
    }

    /// Sends a request and turns the statuses every endpoint treats alike into errors.
    async fn send(
        &self,
        builder: reqwest::RequestBuilder,
        url: &reqwest::Url,
        max_body: usize,
    ) -> Result<Reply, Error> {
        let reply = transport::send(builder, url, self.timeout, max_body).await?;
        let status = reply.status;
        if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
            return Err(Error::Unauthorized {
                status: status.as_u16(),
                body_snippet: reply.snippet(),
            });
        }
        if status == StatusCode::NO_CONTENT {
            return Err(Error::LimitReached { url: reply.url });
        }
        if status == StatusCode::REQUEST_TIMEOUT || status.is_server_error() {
            return Err(http_error(status.as_u16(), &reply.body));
        }
        Ok(reply)
    }
}

/// An XML answer (`upload`, `stareMesaj`): parsed on 200; Spring's JSON on 400.
fn xml_answer<T>(reply: &Reply, parse: impl FnOnce(&[u8]) -> Result<T, Error>) -> Result<T, Error> {
    if reply.is_html_page() {
        return Err(reply.firewall());
    }
    if reply.status.is_success() {
        return parse(&reply.body);
    }
    let spring = serde_json::from_slice::<serde_json::Value>(&reply.body).ok();
    match spring.as_ref().and_then(spring_message) {
        Some(message) if reply.status == StatusCode::BAD_REQUEST => Err(spring_refusal(message)),
        _ => Err(http_error(reply.status.as_u16(), &reply.body)),
    }
}

fn check_size(xml: &[u8], max: usize) -> Result<(), Error> {
    if xml.len() > max {
        return Err(Error::DocumentTooLarge {
            size: xml.len(),
            max,
        });
    }
    Ok(())
}

/// Milliseconds since the Unix epoch.
fn millis(at: OffsetDateTime) -> i128 {
    at.unix_timestamp_nanos() / 1_000_000
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::datetime;

    #[test]
    fn upload_flags_become_da_parameters() {
        let mut request = UploadRequest::new(Standard::CreditNote, 8_000_000_000);
        assert_eq!(
            request.query(),
            [
                ("standard", "CN".to_owned()),
                ("cif", "8000000000".to_owned())
            ]
        );
        request.foreign_buyer = true;
        request.self_billing = true;
        request.enforcement = true;
        let names: Vec<_> = request
            .query()
            .into_iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect();
        assert_eq!(
            names,
            [
                "standard=CN",
                "cif=8000000000",
                "extern=DA",
                "autofactura=DA",
                "executare=DA"
            ]
        );
    }

    #[test]
    fn times_are_sent_in_milliseconds() {
        assert_eq!(
            millis(datetime!(2022-02-28 08:36:14 UTC)),
            1_646_037_374_000
        );
    }
}
