//! `RegistryClient` against the registry simulator over real HTTP on 127.0.0.1.

use std::time::Duration;

use anaf::Error;
use anaf::registry::{CompanyRecord, MAX_BATCH, RegistryClient, Sandbox};
use anaf::sim::{self, Fault, RETRY_AFTER_SECS, RegistrySim};
use pretty_assertions::assert_eq;
use time::Date;
use time::macros::date;

const DATE: Date = date!(2025 - 03 - 14);

/// A CIF with a valid check digit.
const KNOWN: u64 = 18_547_290;
/// Another one.
const OTHER: u64 = 14_399_840;
/// A CIF whose check digit is wrong: the sandbox does not know it.
const BAD_CHECK_DIGIT: u64 = 18_547_291;

/// A running simulator and a client pointed at it.
async fn registry() -> (RegistrySim, RegistryClient) {
    registry_with_timeout(Duration::from_secs(5)).await
}

async fn registry_with_timeout(timeout: Duration) -> (RegistrySim, RegistryClient) {
    let sim = RegistrySim::new();
    let (addr, _server) = sim::spawn(sim.clone()).await.expect("bind 127.0.0.1:0");
    let client = RegistryClient::new(&format!("http://{addr}/"), timeout).expect("client");
    (sim, client)
}

fn cluj_company() -> CompanyRecord {
    CompanyRecord {
        cif: OTHER,
        name: "ATELIER DE TEST SRL".to_owned(),
        registration_number: Some("J12/3765/2001".to_owned()),
        address: Some("JUD. CLUJ, MUN. CLUJ-NAPOCA, STR. HOREA, NR.1".to_owned()),
        street: Some("Str. Horea".to_owned()),
        street_number: Some("1".to_owned()),
        city: Some("Mun. Cluj-Napoca".to_owned()),
        county_code: Some("CJ".to_owned()),
        county_name: Some("CLUJ".to_owned()),
        postal_code: None,
        phone: None,
        vat_payer: true,
        vat_on_collection: true,
        split_vat: false,
        inactive: false,
        efactura_registered: true,
        caen_code: Some("6201".to_owned()),
        registration_status: Some("INREGISTRAT din data 12.06.2001".to_owned()),
    }
}

#[tokio::test]
async fn found_companies_are_the_sandbox_ones() {
    let (sim, client) = registry().await;
    let lookup = client.lookup(&[KNOWN, OTHER], DATE).await.unwrap();
    let expected: Vec<_> = [KNOWN, OTHER]
        .iter()
        .map(|&cif| Sandbox.lookup(cif).unwrap())
        .collect();
    assert_eq!(lookup.found, expected);
    assert_eq!(lookup.not_found, Vec::<u64>::new());
    assert_eq!(sim.requests(), 1);
}

#[tokio::test]
async fn unknown_cif_is_not_found_not_an_error() {
    let (_sim, client) = registry().await;
    let lookup = client
        .lookup(&[BAD_CHECK_DIGIT, KNOWN], DATE)
        .await
        .unwrap();
    assert_eq!(lookup.not_found, vec![BAD_CHECK_DIGIT]);
    assert_eq!(lookup.found.len(), 1);
    assert_eq!(lookup.found[0].cif, KNOWN);
}

#[tokio::test]
async fn inserted_record_overrides_the_sandbox() {
    let (sim, client) = registry().await;
    sim.insert(cluj_company());
    let lookup = client.lookup(&[OTHER], DATE).await.unwrap();
    assert_eq!(lookup.found, vec![cluj_company()]);
}

#[tokio::test]
async fn forgotten_cif_is_not_found() {
    let (sim, client) = registry().await;
    sim.forget(KNOWN);
    let lookup = client.lookup(&[KNOWN], DATE).await.unwrap();
    assert_eq!(lookup.found, vec![]);
    assert_eq!(lookup.not_found, vec![KNOWN]);
}

#[tokio::test]
async fn firewall_page_is_a_transient_firewall_error() {
    let (sim, client) = registry().await;
    sim.fail_next(1, Fault::Firewall);
    let err = client.lookup(&[KNOWN], DATE).await.unwrap_err();
    assert!(
        matches!(&err, Error::Firewall { body_snippet } if body_snippet.contains("The requested URL was rejected")),
        "{err:?}"
    );
    assert!(err.is_transient());
    // The fault was used up: the next request succeeds.
    assert_eq!(client.lookup(&[KNOWN], DATE).await.unwrap().found.len(), 1);
    assert_eq!(sim.requests(), 2);
}

#[tokio::test]
async fn http_429_is_rate_limited_with_retry_after() {
    let (sim, client) = registry().await;
    sim.fail_next(2, Fault::RateLimited);
    for _ in 0..2 {
        let err = client.lookup(&[KNOWN], DATE).await.unwrap_err();
        assert_eq!(
            err,
            Error::RateLimited {
                retry_after: Some(Duration::from_secs(RETRY_AFTER_SECS))
            }
        );
    }
    assert!(client.lookup(&[KNOWN], DATE).await.is_ok());
}

#[tokio::test]
async fn server_error_is_a_transient_http_error() {
    let (sim, client) = registry().await;
    sim.fail_next(1, Fault::ServerError);
    let err = client.lookup(&[KNOWN], DATE).await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 500, .. }), "{err:?}");
    assert!(err.is_transient());
}

#[tokio::test]
async fn slow_answer_times_out_as_transport_error() {
    let (sim, client) = registry_with_timeout(Duration::from_millis(200)).await;
    sim.fail_next(1, Fault::Slow(Duration::from_secs(5)));
    let err = client.lookup(&[KNOWN], DATE).await.unwrap_err();
    assert!(
        matches!(&err, Error::Transport { detail, .. } if detail.contains("no answer within")),
        "{err:?}"
    );
    assert!(err.is_transient());
    assert_eq!(client.lookup(&[KNOWN], DATE).await.unwrap().found.len(), 1);
}

#[tokio::test]
async fn slow_answer_within_the_timeout_is_fine() {
    let (sim, client) = registry().await;
    sim.fail_next(1, Fault::Slow(Duration::from_millis(50)));
    assert_eq!(client.lookup(&[KNOWN], DATE).await.unwrap().found.len(), 1);
}

#[tokio::test]
async fn unreachable_registry_is_a_transport_error() {
    // A port that was free a moment ago: nothing listens there now.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let client = RegistryClient::new(&format!("http://{addr}"), Duration::from_secs(2)).unwrap();
    let err = client.lookup(&[KNOWN], DATE).await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(err.is_transient());
}

#[tokio::test]
async fn more_than_100_cifs_are_refused_before_any_request() {
    let (sim, client) = registry().await;
    let cifs = vec![KNOWN; MAX_BATCH + 1];
    let err = client.lookup(&cifs, DATE).await.unwrap_err();
    assert_eq!(
        err,
        Error::BatchTooLarge {
            count: 101,
            max: 100
        }
    );
    assert!(!err.is_transient());
    assert_eq!(sim.requests(), 0);
}

#[tokio::test]
async fn a_full_batch_of_100_is_answered() {
    let (sim, client) = registry().await;
    let cifs: Vec<u64> = (0..MAX_BATCH as u64)
        .map(|i| if i % 2 == 0 { KNOWN } else { BAD_CHECK_DIGIT })
        .collect();
    let lookup = client.lookup(&cifs, DATE).await.unwrap();
    assert_eq!(lookup.found.len(), 50);
    assert_eq!(lookup.not_found.len(), 50);
    assert_eq!(sim.requests(), 1);
}

#[tokio::test]
async fn empty_lookup_sends_nothing() {
    let (sim, client) = registry().await;
    let lookup = client.lookup(&[], DATE).await.unwrap();
    assert_eq!(lookup, anaf::registry::Lookup::default());
    assert_eq!(sim.requests(), 0);
}

#[test]
fn base_url_must_be_http() {
    let err = RegistryClient::new("ftp://example.org", Duration::from_secs(1)).unwrap_err();
    assert!(matches!(err, Error::InvalidBaseUrl { .. }), "{err:?}");
    let err = RegistryClient::new("not a url", Duration::from_secs(1)).unwrap_err();
    assert!(matches!(err, Error::InvalidBaseUrl { .. }), "{err:?}");
    let client =
        RegistryClient::new("https://webservicesp.anaf.ro/", Duration::from_secs(1)).unwrap();
    assert_eq!(
        client.url(),
        "https://webservicesp.anaf.ro/api/PlatitorTvaRest/v9/tva"
    );
}
