//! What every e-Factura simulator test needs: a running simulator on 127.0.0.1 with a frozen
//! clock, two taxpayers with a user each, real clients pointed at it, and invoices.

use std::net::SocketAddr;
use std::time::Duration;

use anaf::efactura::archive::{self, Archive};
use anaf::efactura::{
    Download, DownloadId, EfacturaClient, Environment, Standard, UploadIndex, UploadOutcome,
    UploadRequest, UploadStatus,
};
use anaf::sim::efactura::{self, EfacturaSim, SimConfig};
use einvoice::model::Invoice;
use time::OffsetDateTime;
use time::macros::datetime;

use crate::fixtures;

/// The seller of the fixtures' invoices (Facturo Demo SRL).
pub const SELLER: u64 = 18_547_290;
/// The buyer of the fixtures' invoices (Client Exemplu & Fiii SA).
pub const BUYER: u64 = 14_399_840;
/// Holds SPV rights on [`SELLER`].
pub const SELLER_USER: &str = "ana.pop";
/// Holds SPV rights on [`BUYER`].
pub const BUYER_USER: &str = "ion.ionescu";
/// When every test starts, simulated: the day after the fixtures' issue date.
pub const START: OffsetDateTime = datetime!(2025-09-16 08:00 UTC);
/// The client's timeout in the tests that do not test timeouts.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A simulator serving on a free port, and what a test talks to it with.
pub struct TestSim {
    /// The simulator itself, for setup and assertions (shares state with the server).
    pub sim: EfacturaSim,
    /// Where it listens.
    pub addr: SocketAddr,
    /// [`SELLER_USER`]'s access token.
    pub seller_token: String,
    /// [`BUYER_USER`]'s access token.
    pub buyer_token: String,
    /// A client of the test environment.
    pub client: EfacturaClient,
}

impl TestSim {
    /// A simulator with the default configuration.
    pub async fn start() -> TestSim {
        TestSim::with_config(SimConfig::default()).await
    }

    /// A simulator with `config`, the clock frozen at [`START`], both taxpayers and users.
    pub async fn with_config(config: SimConfig) -> TestSim {
        let sim = EfacturaSim::new(config).expect("the simulator starts");
        sim.freeze(START);
        sim.add_taxpayer(SELLER, "Facturo Demo SRL");
        sim.add_taxpayer(BUYER, "Client Exemplu & Fiii SA");
        sim.grant(SELLER_USER, SELLER);
        sim.grant(BUYER_USER, BUYER);
        let seller_token = sim.issue_tokens(SELLER_USER, "facturo").access_token;
        let buyer_token = sim.issue_tokens(BUYER_USER, "facturo").access_token;
        let (addr, _server) = efactura::spawn(sim.clone())
            .await
            .expect("bind 127.0.0.1:0");
        let client = client_for(addr, Environment::Test, TIMEOUT);
        TestSim {
            sim,
            addr,
            seller_token,
            buyer_token,
            client,
        }
    }

    /// `http://ADDR` and `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// A client of `env` giving up after `timeout`.
    pub fn client(&self, env: Environment, timeout: Duration) -> EfacturaClient {
        client_for(self.addr, env, timeout)
    }

    /// Moves simulated time on.
    pub fn advance(&self, by: Duration) {
        self.sim.advance(by);
    }

    /// Moves simulated time past the processing delay.
    pub fn finish_processing(&self) {
        self.advance(SimConfig::default().processing_delay + Duration::from_secs(1));
    }

    /// Uploads `xml` as the seller, standard UBL; the index, or a panic naming the refusal.
    pub async fn upload(&self, xml: &[u8]) -> UploadIndex {
        let request = UploadRequest::new(Standard::Ubl, SELLER);
        match self.client.upload(&self.seller_token, &request, xml).await {
            Ok(UploadOutcome::Accepted { index, .. }) => index,
            other => panic!("the upload was not accepted: {other:?}"),
        }
    }

    /// The status of `index`, asked as the seller.
    pub async fn status(&self, index: UploadIndex) -> UploadStatus {
        self.client
            .status(&self.seller_token, index)
            .await
            .expect("status answers")
    }

    /// Downloads `id` with `token` and opens the ZIP.
    pub async fn download(&self, token: &str, id: DownloadId) -> Archive {
        match self.client.download(token, id).await.expect("download") {
            Download::Zip(bytes) => archive::parse(&bytes).expect("a readable ZIP"),
            Download::Refused { message, .. } => panic!("download refused: {message}"),
        }
    }
}

/// A client of `env` on the simulator at `addr`.
pub fn client_for(addr: SocketAddr, env: Environment, timeout: Duration) -> EfacturaClient {
    let base = format!("http://{addr}{}/", efactura::base_path(env));
    EfacturaClient::with_base_url(&base, timeout).expect("client")
}

/// A valid CIUS-RO invoice (three lines) numbered `number`, as the model.
pub fn invoice(number: &str) -> Invoice {
    let mut invoice = fixtures::typical(3);
    invoice.number = number.into();
    invoice
}

/// [`invoice`] as UBL bytes.
pub fn invoice_xml(number: &str) -> Vec<u8> {
    ubl::write(&invoice(number)).into_bytes()
}

/// An invoice that passes the schema but breaks BR-RO-110 (the seller's county is not an
/// ISO 3166-2:RO code).
pub fn invalid_invoice_xml(number: &str) -> Vec<u8> {
    let mut invoice = invoice(number);
    invoice.seller.address.country_subdivision = Some("CJ".into());
    ubl::write(&invoice).into_bytes()
}

/// A raw HTTP client for the exact-wording checks.
pub fn http() -> reqwest::Client {
    anaf::install_crypto_provider();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}
