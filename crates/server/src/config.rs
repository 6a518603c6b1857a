//! `Config`: everything the server is told at start, read once and validated. The binary fills
//! it from flags and `FACTURO_*` environment variables (see the README's configuration table).

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

/// Where company data by CIF comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistrySource {
    /// Deterministic synthetic answers for any CIF with a valid check digit: offline use.
    Sandbox,
    /// ANAF's PlatitorTvaRest service (or a simulator of it) at this base URL.
    Url(String),
}

impl RegistrySource {
    /// `sandbox`, or a base URL such as `https://webservicesp.anaf.ro`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("sandbox") {
            Ok(RegistrySource::Sandbox)
        } else if s.starts_with("http://") || s.starts_with("https://") {
            Ok(RegistrySource::Url(s.trim_end_matches('/').to_owned()))
        } else {
            Err(format!("'{s}' is neither 'sandbox' nor an http(s) URL"))
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite:…` or `postgres://…`.
    pub database_url: String,
    pub listen: SocketAddr,
    /// Keys and other files of this instance.
    pub data_dir: PathBuf,
    /// The URL users reach the server at; links in e-mails start with it. Default:
    /// `http://` + the bound address.
    pub public_url: Option<String>,
    /// The access-token key as PKCS#8 PEM; when absent it lives in the data directory.
    pub jwt_private_key: Option<String>,
    /// Accounts are confirmed at registration, without an e-mail (local use only).
    pub auto_confirm_email: bool,
    /// `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…`; `None` writes
    /// e-mails to the log instead.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub registry: RegistrySource,
    /// How long an answer of the company registry is reused.
    pub registry_ttl: Duration,
    /// Peers whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// Jobs run at once by this process.
    pub job_workers: usize,
    /// How long SIGTERM waits for in-flight requests and running jobs.
    pub shutdown_grace: Duration,
    pub max_body_bytes: usize,
    pub db_max_connections: u32,
    /// How e-Factura submissions are paced (quotas, reconciliation).
    pub efactura_policy: crate::efactura::Policy,
    /// How long one request to ANAF may take.
    pub anaf_timeout: Duration,
}

impl Config {
    /// A configuration with the documented defaults for everything but the database and data
    /// directory.
    pub fn new(database_url: impl Into<String>, data_dir: impl Into<PathBuf>) -> Config {
        let listen: SocketAddr = ([127, 0, 0, 1], 8900).into();
        Config {
            database_url: database_url.into(),
            listen,
            data_dir: data_dir.into(),
            public_url: None,
            jwt_private_key: None,
            auto_confirm_email: false,
            smtp_url: None,
            mail_from: "Facturo <no-reply@localhost>".into(),
            registry: RegistrySource::Sandbox,
            registry_ttl: Duration::from_hours(24),
            trusted_proxies: Vec::new(),
            job_workers: 4,
            shutdown_grace: Duration::from_secs(30),
            max_body_bytes: 2 * 1024 * 1024,
            db_max_connections: 8,
            efactura_policy: crate::efactura::Policy::default(),
            anaf_timeout: Duration::from_mins(1),
        }
    }

    /// The base of links to this server, without a trailing slash.
    pub fn public_url(&self) -> &str {
        self.public_url
            .as_deref()
            .unwrap_or("http://127.0.0.1:8900")
            .trim_end_matches('/')
    }

    /// The default database: a SQLite file in the data directory.
    pub fn default_database_url(data_dir: &std::path::Path) -> String {
        format!("sqlite://{}", data_dir.join("facturo.db").display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_source_is_sandbox_or_a_url() {
        assert_eq!(
            RegistrySource::parse("Sandbox"),
            Ok(RegistrySource::Sandbox)
        );
        assert_eq!(
            RegistrySource::parse("https://webservicesp.anaf.ro/"),
            Ok(RegistrySource::Url("https://webservicesp.anaf.ro".into()))
        );
        assert!(RegistrySource::parse("ftp://x").is_err());
    }
}
