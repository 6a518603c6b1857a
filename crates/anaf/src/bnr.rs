//! The National Bank of Romania's reference exchange rates: the XML feeds and a client for them.
//!
//! Wire facts (tax-API notes §3.2): `GET {base}/nbrfxrates.xml` (the latest banking day),
//! `{base}/nbrfxrates10days.xml` and `{base}/files/xml/years/nbrfxratesYYYY.xml`. Each is a
//! `DataSet` in the default namespace `http://www.bnr.ro/xsd` whose `Body` holds one `Cube` per
//! banking day (`date` attribute), newest first, of `Rate` elements: `currency`, an optional
//! `multiplier` (100 for HUF, JPY, KRW…), and the value in RON for `multiplier` units with 4
//! decimals. [`DayRates::rates`] holds RON per **one** unit: value ÷ multiplier.
//!
//! BNR publishes once per banking day, around 13:00 Bucharest time; weekends and holidays have
//! no `Cube`, and the previous banking day's rates apply to them.

use std::collections::BTreeMap;
use std::time::Duration;

use rust_decimal::Decimal;
use time::Date;
use time::macros::format_description;

use crate::transport;

/// BNR's site; the feeds' paths are below it.
pub const DEFAULT_BASE_URL: &str = "https://www.bnr.ro";
/// The XML namespace of the feeds.
pub const NAMESPACE: &str = "http://www.bnr.ro/xsd";
/// The largest feed read: a year's file is about 300 KB.
const MAX_BODY: usize = 8 * 1024 * 1024;

/// What went wrong fetching or reading a feed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BnrError {
    #[error("invalid BNR base URL '{url}': {reason}")]
    InvalidBaseUrl { url: String, reason: String },
    #[error("cannot reach BNR at {url}: {detail}")]
    Transport { url: String, detail: String },
    #[error("BNR answered HTTP {status} for {url}")]
    Http { url: String, status: u16 },
    #[error("the BNR feed cannot be read: {0}")]
    Format(String),
}

/// One banking day's rates: RON per one unit of each currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRates {
    pub date: Date,
    pub rates: BTreeMap<String, Decimal>,
}

/// Which file to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    /// The latest banking day.
    Latest,
    /// The last ten banking days.
    TenDays,
    /// Every banking day of a year.
    Year(i32),
}

impl Feed {
    /// The path below the base URL.
    pub fn path(self) -> String {
        match self {
            Feed::Latest => "nbrfxrates.xml".to_owned(),
            Feed::TenDays => "nbrfxrates10days.xml".to_owned(),
            Feed::Year(year) => format!("files/xml/years/nbrfxrates{year}.xml"),
        }
    }
}

/// Reads a feed: its days, newest first. A document with a DTD (entities, external files) is
/// refused, as is one outside BNR's namespace or with a rate that is not a positive decimal.
pub fn parse(xml: &[u8]) -> Result<Vec<DayRates>, BnrError> {
    let format = |m: String| BnrError::Format(m);
    let text = std::str::from_utf8(xml).map_err(|_| format("not UTF-8".to_owned()))?;
    let doc = roxmltree::Document::parse(text.trim_start_matches('\u{feff}'))
        .map_err(|e| format(e.to_string()))?;
    let root = doc.root_element();
    if root.tag_name().name() != "DataSet" || root.tag_name().namespace() != Some(NAMESPACE) {
        return Err(format(format!(
            "the root is not a DataSet in {NAMESPACE}: {:?}",
            root.tag_name()
        )));
    }
    let in_ns = |n: &roxmltree::Node, name: &str| {
        n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(NAMESPACE)
    };
    let body = root
        .children()
        .find(|n| in_ns(n, "Body"))
        .ok_or_else(|| format("no Body".to_owned()))?;
    let iso = format_description!("[year]-[month]-[day]");
    let mut days = Vec::new();
    for cube in body.children().filter(|n| in_ns(n, "Cube")) {
        let date_text = cube.attribute("date").unwrap_or_default();
        let date = Date::parse(date_text, iso)
            .map_err(|_| format(format!("a Cube's date is not YYYY-MM-DD: '{date_text}'")))?;
        let mut rates = BTreeMap::new();
        for rate in cube.children().filter(|n| in_ns(n, "Rate")) {
            let currency = rate.attribute("currency").unwrap_or_default().trim();
            if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(format(format!(
                    "a rate of {date} has no ISO 4217 currency: '{currency}'"
                )));
            }
            let value: Decimal = rate
                .text()
                .unwrap_or_default()
                .trim()
                .parse()
                .map_err(|_| format(format!("the {currency} rate of {date} is not a number")))?;
            let multiplier: Decimal = match rate.attribute("multiplier") {
                Some(m) => m.trim().parse().map_err(|_| {
                    format(format!(
                        "the {currency} multiplier of {date} is not a number"
                    ))
                })?,
                None => Decimal::ONE,
            };
            if value <= Decimal::ZERO || multiplier <= Decimal::ZERO {
                return Err(format(format!(
                    "the {currency} rate of {date} is not positive"
                )));
            }
            rates.insert(currency.to_owned(), value / multiplier);
        }
        days.push(DayRates { date, rates });
    }
    if days.is_empty() {
        return Err(format("no Cube of rates".to_owned()));
    }
    days.sort_by_key(|d| std::cmp::Reverse(d.date));
    Ok(days)
}

/// A client for BNR's feeds (or a local server serving the same files).
#[derive(Debug, Clone)]
pub struct BnrClient {
    http: reqwest::Client,
    base: reqwest::Url,
    timeout: Duration,
}

impl BnrClient {
    pub fn new(base_url: &str, timeout: Duration) -> Result<Self, BnrError> {
        let invalid = |reason: String| BnrError::InvalidBaseUrl {
            url: base_url.to_owned(),
            reason,
        };
        let base = transport::base_url(base_url).map_err(|e| invalid(e.to_string()))?;
        let http = transport::http_client(timeout).map_err(|e| invalid(e.to_string()))?;
        Ok(BnrClient {
            http,
            base,
            timeout,
        })
    }

    /// The base URL the feeds are read below.
    pub fn base_url(&self) -> &str {
        self.base.as_str()
    }

    /// Fetches and reads `feed`.
    pub async fn fetch(&self, feed: Feed) -> Result<Vec<DayRates>, BnrError> {
        let url =
            transport::join(&self.base, &feed.path()).map_err(|e| BnrError::InvalidBaseUrl {
                url: self.base.to_string(),
                reason: e.to_string(),
            })?;
        let reply = transport::send(self.http.get(url.clone()), &url, self.timeout, MAX_BODY)
            .await
            .map_err(|e| BnrError::Transport {
                url: transport::without_query(&url),
                detail: e.to_string(),
            })?;
        if !reply.status.is_success() {
            return Err(BnrError::Http {
                url: reply.url,
                status: reply.status.as_u16(),
            });
        }
        parse(&reply.body)
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;
    use time::macros::date;

    use super::*;

    const TWO_DAYS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<DataSet xmlns="http://www.bnr.ro/xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Header><Publisher>National Bank of Romania</Publisher><PublishingDate>2026-06-12</PublishingDate><MessageType>DR</MessageType></Header>
  <Body>
    <Subject>Reference rates</Subject>
    <OrigCurrency>RON</OrigCurrency>
    <Cube date="2026-06-12">
      <Rate currency="EUR">5.0312</Rate>
      <Rate currency="HUF" multiplier="100">1.2640</Rate>
      <Rate currency="USD">4.4025</Rate>
    </Cube>
    <Cube date="2026-06-11">
      <Rate currency="EUR">5.0290</Rate>
    </Cube>
  </Body>
</DataSet>"#;

    #[test]
    fn a_feed_reads_newest_first_with_rates_per_unit() {
        let days = parse(TWO_DAYS.as_bytes()).unwrap();
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].date, date!(2026 - 06 - 12));
        assert_eq!(days[0].rates["EUR"], dec!(5.0312));
        assert_eq!(days[0].rates["HUF"], dec!(0.012640), "value ÷ multiplier");
        assert_eq!(days[1].rates.len(), 1);
    }

    #[test]
    fn foreign_namespaces_dtds_and_bad_values_are_refused() {
        let no_ns = TWO_DAYS.replace(" xmlns=\"http://www.bnr.ro/xsd\"", "");
        assert!(matches!(parse(no_ns.as_bytes()), Err(BnrError::Format(_))));
        let entity = TWO_DAYS.replace(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<?xml version=\"1.0\"?><!DOCTYPE DataSet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        );
        assert!(matches!(parse(entity.as_bytes()), Err(BnrError::Format(_))));
        for bad in ["abc", "-1.0000", "0"] {
            let xml = TWO_DAYS.replace("5.0312", bad);
            assert!(parse(xml.as_bytes()).is_err(), "{bad}");
        }
        let xml = TWO_DAYS.replace("currency=\"USD\"", "currency=\"usd1\"");
        assert!(parse(xml.as_bytes()).is_err());
        let xml = TWO_DAYS.replace("2026-06-11", "11.06.2026");
        assert!(parse(xml.as_bytes()).is_err());
        assert!(parse(b"\xff\xfe").is_err());
        let empty = "<DataSet xmlns=\"http://www.bnr.ro/xsd\"><Body/></DataSet>";
        assert!(parse(empty.as_bytes()).is_err());
    }

    #[test]
    fn feeds_have_their_paths() {
        assert_eq!(Feed::Latest.path(), "nbrfxrates.xml");
        assert_eq!(Feed::TenDays.path(), "nbrfxrates10days.xml");
        assert_eq!(
            Feed::Year(2025).path(),
            "files/xml/years/nbrfxrates2025.xml"
        );
    }
}
