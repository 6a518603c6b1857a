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

/// Which ANAF this installation talks to (`FACTURO_ANAF`). A company's token connection is per
/// environment (`anaf_connections.environment`), and so is a token: one obtained from the sandbox
/// is never sent to ANAF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnafEnvironment {
    /// The ANAF simulator served by this same server under `/sandbox/anaf`: nothing leaves the
    /// machine. The default, so that a new installation never files a real invoice by mistake.
    #[default]
    Sandbox,
    /// ANAF's test service: real OAuth, submissions without legal effect.
    Test,
    /// ANAF's production service.
    Prod,
}

impl AnafEnvironment {
    pub fn as_str(self) -> &'static str {
        match self {
            AnafEnvironment::Sandbox => "sandbox",
            AnafEnvironment::Test => "test",
            AnafEnvironment::Prod => "prod",
        }
    }

    /// `sandbox`, `test` or `prod`.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sandbox" => Ok(AnafEnvironment::Sandbox),
            "test" => Ok(AnafEnvironment::Test),
            "prod" | "production" => Ok(AnafEnvironment::Prod),
            other => Err(format!("'{other}' is not 'sandbox', 'test' or 'prod'")),
        }
    }
}

/// How to reach ANAF's OAuth server and e-Factura API. Each URL and the client registration
/// default from the environment (see [`AnafConfig::resolve`]).
#[derive(Debug, Clone, Default)]
pub struct AnafConfig {
    pub environment: AnafEnvironment,
    /// The OAuth base URL (`authorize`, `token`, `revoke` below it).
    pub oauth_url: Option<String>,
    /// The e-Factura REST base URL (`…/FCTEL/rest/`).
    pub api_url: Option<String>,
    /// The OAuth application registered at ANAF (SPV, "Editare profil Oauth").
    pub client_id: Option<String>,
    pub client_secret: Option<SecretText>,
    /// The callback URL registered with the application; default
    /// `<public URL>/api/v1/anaf/oauth/callback`.
    pub redirect_uri: Option<String>,
    /// A PEM file of the certificates whose signatures on ANAF's archives count as valid
    /// (`FACTURO_ANAF_TRUSTED_CERTS`); the sandbox trusts its simulator's without it.
    pub trusted_certs: Option<std::path::PathBuf>,
}

/// [`AnafConfig`] with every default applied.
#[derive(Debug, Clone)]
pub struct AnafEndpoints {
    pub environment: AnafEnvironment,
    pub oauth_url: String,
    /// The e-Factura API of ANAF's test and production environments (the simulator's two in the
    /// sandbox); `FACTURO_ANAF_API_URL` replaces the one companies file in.
    pub test_api_url: String,
    pub prod_api_url: String,
    /// `None` outside the sandbox when no application is configured: tokens can still be pasted
    /// (`POST /anaf/tokens`), but not obtained or refreshed.
    pub client: Option<(String, SecretText)>,
    pub redirect_uri: String,
}

/// Where the embedded simulator is mounted (sandbox mode).
pub const SANDBOX_PATH: &str = "/sandbox/anaf";
/// The sandbox's OAuth application; the simulator accepts it.
pub const SANDBOX_CLIENT: &str = "facturo-sandbox";

impl AnafEnvironment {
    /// The e-Factura environment companies file in: the simulator's test one in the sandbox.
    pub fn files_in(self) -> anaf::efactura::Environment {
        match self {
            AnafEnvironment::Sandbox | AnafEnvironment::Test => anaf::efactura::Environment::Test,
            AnafEnvironment::Prod => anaf::efactura::Environment::Prod,
        }
    }
}

impl AnafConfig {
    /// The endpoints for a server reached at `public_url` (no trailing slash). In the sandbox
    /// everything is below `<public URL>/sandbox/anaf`, laid out as ANAF's hosts are
    /// (`/anaf-oauth2/v1/`, `/test/FCTEL/rest/`, `/prod/FCTEL/rest/`).
    pub fn resolve(&self, public_url: &str) -> AnafEndpoints {
        let sandbox = format!("{public_url}{SANDBOX_PATH}");
        let (oauth, test, prod) = match self.environment {
            AnafEnvironment::Sandbox => (
                format!("{sandbox}/anaf-oauth2/v1/"),
                format!("{sandbox}/test/FCTEL/rest/"),
                format!("{sandbox}/prod/FCTEL/rest/"),
            ),
            AnafEnvironment::Test | AnafEnvironment::Prod => (
                anaf::oauth::DEFAULT_BASE_URL.to_owned(),
                anaf::efactura::TEST_BASE_URL.to_owned(),
                anaf::efactura::PROD_BASE_URL.to_owned(),
            ),
        };
        let (test, prod) = match (&self.api_url, self.environment.files_in()) {
            (Some(url), anaf::efactura::Environment::Test) => (url.clone(), prod),
            (Some(url), anaf::efactura::Environment::Prod) => (test, url.clone()),
            (None, _) => (test, prod),
        };
        let client = match (&self.client_id, &self.client_secret, self.environment) {
            (Some(id), Some(secret), _) => Some((id.clone(), secret.clone())),
            (None, None, AnafEnvironment::Sandbox) => Some((
                SANDBOX_CLIENT.to_owned(),
                SecretText(SANDBOX_CLIENT.to_owned()),
            )),
            _ => None,
        };
        AnafEndpoints {
            environment: self.environment,
            oauth_url: self.oauth_url.clone().unwrap_or(oauth),
            test_api_url: test,
            prod_api_url: prod,
            client,
            redirect_uri: self
                .redirect_uri
                .clone()
                .unwrap_or_else(|| format!("{public_url}/api/v1/anaf/oauth/callback")),
        }
    }
}

/// Where Google publishes the keys its ID tokens are signed with (a JWKS).
pub const GOOGLE_JWKS_URL: &str = "https://www.googleapis.com/oauth2/v3/certs";

/// Google sign-in (`POST /api/auth/google`, issue #5 item 4).
#[derive(Debug, Clone)]
pub struct GoogleConfig {
    /// The OAuth client ids of the apps that obtain the ID tokens: a token's `aud` must be one
    /// of them. None turns Google sign-in off (`FACTURO_GOOGLE_CLIENT_IDS`).
    pub client_ids: Vec<String>,
    /// Google's keys (`FACTURO_GOOGLE_JWKS_URL`); tests serve their own.
    pub jwks_url: String,
}

impl Default for GoogleConfig {
    fn default() -> Self {
        GoogleConfig {
            client_ids: Vec::new(),
            jwks_url: GOOGLE_JWKS_URL.to_owned(),
        }
    }
}

/// A secret given in the configuration; `Debug` does not show it.
#[derive(Clone, Default)]
pub struct SecretText(pub String);

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretText(***)")
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
    /// The key that encrypts secrets at rest (ANAF tokens): 32 bytes in base64. When absent it
    /// lives in the data directory (`vault::cipher`).
    pub secret_key: Option<SecretText>,
    pub anaf: AnafConfig,
    /// Accounts are confirmed at registration, without an e-mail (local use only).
    pub auto_confirm_email: bool,
    /// `smtps://[user:pass@]host[:port]` (TLS), `smtp://…?tls=required` (STARTTLS) or plain
    /// `smtp://…` (clear text, for a relay on loopback); `None` writes e-mails to the log.
    pub smtp_url: Option<String>,
    /// PEM certificates trusted for the SMTP server besides the public roots (a private CA).
    pub smtp_ca_pem: Option<String>,
    pub mail_from: String,
    pub google: GoogleConfig,
    pub registry: RegistrySource,
    /// How long an answer of the company registry is reused.
    pub registry_ttl: Duration,
    /// Peers whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// Origins a browser may call the API from (`https://app.example.ro`); none by default.
    pub cors_origins: Vec<String>,
    /// The licence (`FACTURO_LICENSE`): the JWT the vendor issued; none means Freemium.
    pub licence: Option<String>,
    /// Licence-signing keys trusted besides the vendor's (test suites only).
    #[cfg(feature = "testing")]
    pub licence_test_keys: Vec<crate::licensing::TrustedKey>,
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
    /// Whether the plan's limits on companies and members apply (tests of other things turn
    /// them off; `tests/api/licensing.rs` tests them on).
    pub enforce_plan_limits: bool,
    /// The WebAuthn relying party id (`FACTURO_WEBAUTHN_RP_ID`); default: the origin's host.
    pub webauthn_rp_id: Option<String>,
    /// The origin passkeys are used from (`FACTURO_WEBAUTHN_ORIGIN`); default: the public URL.
    pub webauthn_origin: Option<String>,
    /// The token buckets of every request (the auth routes' windows are fixed, api.md §1.7).
    pub rate_limits: crate::limits::Settings,
    /// How webhooks are delivered: timeouts, retries, the hosts allowed over HTTP.
    pub webhooks: crate::webhooks::Settings,
    /// Where BNR exchange rates come from.
    pub rates: crate::rates::Settings,
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
            secret_key: None,
            anaf: AnafConfig::default(),
            auto_confirm_email: false,
            smtp_url: None,
            smtp_ca_pem: None,
            mail_from: "Facturo <no-reply@localhost>".into(),
            google: GoogleConfig::default(),
            registry: RegistrySource::Sandbox,
            registry_ttl: Duration::from_hours(24),
            trusted_proxies: Vec::new(),
            cors_origins: Vec::new(),
            licence: None,
            #[cfg(feature = "testing")]
            licence_test_keys: Vec::new(),
            job_workers: 4,
            shutdown_grace: Duration::from_secs(30),
            max_body_bytes: 2 * 1024 * 1024,
            db_max_connections: 8,
            efactura_policy: crate::efactura::Policy::default(),
            anaf_timeout: Duration::from_mins(1),
            rate_limits: crate::limits::Settings::default(),
            enforce_plan_limits: true,
            webauthn_rp_id: None,
            webauthn_origin: None,
            webhooks: crate::webhooks::Settings::default(),
            rates: crate::rates::Settings::default(),
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
    fn secrets_do_not_show_in_debug_output() {
        let mut config = Config::new("sqlite://x.db", "data");
        config.secret_key = Some(SecretText("c2VjcmV0LWtleS1ieXRlcw==".into()));
        assert!(!format!("{config:?}").contains("c2VjcmV0"));
        config.anaf.client_secret = Some(SecretText("anaf-client-secret".into()));
        assert!(!format!("{config:?}").contains("anaf-client-secret"));
        assert_eq!(AnafEnvironment::parse(" PROD "), Ok(AnafEnvironment::Prod));
        assert!(AnafEnvironment::parse("staging").is_err());
    }

    #[test]
    fn anaf_endpoints_default_from_the_environment() {
        let sandbox = AnafConfig::default().resolve("http://h:1");
        assert_eq!(sandbox.oauth_url, "http://h:1/sandbox/anaf/anaf-oauth2/v1/");
        assert_eq!(
            sandbox.test_api_url,
            "http://h:1/sandbox/anaf/test/FCTEL/rest/"
        );
        assert_eq!(
            sandbox.prod_api_url,
            "http://h:1/sandbox/anaf/prod/FCTEL/rest/"
        );
        assert_eq!(
            sandbox.redirect_uri,
            "http://h:1/api/v1/anaf/oauth/callback"
        );
        assert!(sandbox.client.is_some());

        let prod = AnafConfig {
            environment: AnafEnvironment::Prod,
            ..AnafConfig::default()
        }
        .resolve("https://facturi.example");
        assert_eq!(prod.oauth_url, "https://logincert.anaf.ro/anaf-oauth2/v1/");
        assert_eq!(prod.prod_api_url, "https://api.anaf.ro/prod/FCTEL/rest/");
        assert!(
            prod.client.is_none(),
            "no application is assumed outside the sandbox"
        );

        let mine = AnafConfig {
            environment: AnafEnvironment::Test,
            api_url: Some("http://sim/test/FCTEL/rest/".into()),
            client_id: Some("id".into()),
            client_secret: Some(SecretText("s".into())),
            redirect_uri: Some("https://x/cb".into()),
            ..AnafConfig::default()
        }
        .resolve("https://facturi.example");
        assert_eq!(mine.test_api_url, "http://sim/test/FCTEL/rest/");
        assert_eq!(mine.prod_api_url, "https://api.anaf.ro/prod/FCTEL/rest/");
        assert_eq!(mine.redirect_uri, "https://x/cb");
        assert_eq!(mine.client.map(|(id, _)| id), Some("id".into()));
    }

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
