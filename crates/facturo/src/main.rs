//! `facturo`: the one binary. Parses the command line, builds the configuration and hands over
//! to the server crate.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use server::config::GoogleConfig;
use server::{AnafConfig, AnafEnvironment, Config, RegistrySource, SecretText};

mod anaf_sim;
mod generate;
mod license;
mod validate;

#[derive(Debug, Parser)]
#[command(
    name = "facturo",
    version,
    about = "Self-hostable e-invoicing (ANAF e-Factura first)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server: API, web pages and jobs on one port.
    Serve(Box<ServeArgs>),
    /// Apply database migrations and exit.
    Migrate(StorageArgs),
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// Validate UBL invoices and credit notes (files, or directories of .xml files) against
    /// the UBL schema, EN 16931 and, for Romanian documents, CIUS-RO. Exits with 1 when any
    /// document has an error.
    Validate(ValidateArgs),
    /// Write an EN 16931 invoice given as JSON (the einvoice model) as UBL 2.1 XML on standard
    /// output; totals are computed from the lines when the JSON has none.
    Ubl(UblArgs),
    /// Serve a simulator of ANAF e-Factura and its OAuth server (REST under
    /// /{test,prod}/FCTEL/rest/, OAuth under /anaf-oauth2/v1/, control API under /__sim/),
    /// in memory, for development and tests.
    AnafSim(anaf_sim::AnafSimArgs),
    /// Issue (vendor) or verify a licence, offline.
    #[command(subcommand)]
    License(license::LicenseCommand),
}

#[derive(Debug, Args)]
struct UblArgs {
    /// The invoice as JSON.
    input: PathBuf,
    /// RON per unit of the invoice currency, for the VAT total in RON (BT-111) of a
    /// foreign-currency invoice.
    #[arg(long)]
    exchange_rate: Option<einvoice::Decimal>,
}

#[derive(Debug, Args)]
struct ValidateArgs {
    /// Files or directories.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create a confirmed user with an organization of their own.
    Create(CreateUserArgs),
}

#[derive(Debug, Clone, Args)]
struct StorageArgs {
    /// Directory for the database file (by default), keys and other instance files.
    #[arg(long, env = "FACTURO_DATA_DIR", default_value = "./data")]
    data_dir: PathBuf,
    /// `sqlite://PATH` or `postgres://USER:PASS@HOST/DB`; default: a SQLite file in the data
    /// directory.
    #[arg(long, env = "FACTURO_DATABASE_URL")]
    database_url: Option<String>,
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    storage: StorageArgs,
    #[arg(long, env = "FACTURO_LISTEN", default_value = "127.0.0.1:8900")]
    listen: SocketAddr,
    /// The URL users reach the server at (links in e-mails); default: http://LISTEN.
    #[arg(long, env = "FACTURO_PUBLIC_URL")]
    public_url: Option<String>,
    /// The access-token signing key (Ed25519, PKCS#8 PEM); default: created in the data
    /// directory on first start.
    #[arg(long, env = "FACTURO_JWT_PRIVATE_KEY", hide_env_values = true)]
    jwt_private_key: Option<String>,
    /// Confirm new accounts without an e-mail (local use only).
    #[arg(long, env = "FACTURO_AUTO_CONFIRM_EMAIL", value_parser = parse_flag, default_value = "0")]
    auto_confirm_email: bool,
    /// SMTP server for outgoing e-mail: smtps://user:pass@mail.example.com (TLS) or
    /// smtp://user:pass@mail.example.com:587?tls=required (STARTTLS); without it e-mails are
    /// written to the log.
    #[arg(long, env = "FACTURO_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// A PEM file of certificates to trust for the SMTP server besides the public roots (a
    /// private CA).
    #[arg(long, env = "FACTURO_SMTP_CA_FILE")]
    smtp_ca_file: Option<std::path::PathBuf>,
    #[arg(
        long,
        env = "FACTURO_MAIL_FROM",
        default_value = "Facturo <no-reply@localhost>"
    )]
    mail_from: String,
    /// `sandbox` (synthetic company data, offline) or the base URL of ANAF's web services,
    /// https://webservicesp.anaf.ro.
    #[arg(long, env = "FACTURO_ANAF_REGISTRY", default_value = "sandbox")]
    anaf_registry: String,
    /// Proxies whose X-Forwarded-For header is believed (comma-separated IPs).
    #[arg(long, env = "FACTURO_TRUSTED_PROXIES", value_delimiter = ',')]
    trusted_proxies: Vec<IpAddr>,
    /// Origins a browser may call the API from (comma-separated, e.g. https://app.example.ro).
    #[arg(long, env = "FACTURO_CORS_ORIGINS", value_delimiter = ',')]
    cors_origins: Vec<String>,
    /// The WebAuthn relying party id for passkeys (default: the public URL's host).
    #[arg(long, env = "FACTURO_WEBAUTHN_RP_ID")]
    webauthn_rp_id: Option<String>,
    /// The origin passkeys are used from (default: the public URL).
    #[arg(long, env = "FACTURO_WEBAUTHN_ORIGIN")]
    webauthn_origin: Option<String>,
    /// The licence the vendor issued (the JWT, or a file holding it); none means Freemium.
    #[arg(long, env = "FACTURO_LICENSE", hide_env_values = true)]
    license: Option<String>,
    /// Jobs this process runs at once.
    #[arg(long, env = "FACTURO_JOB_WORKERS", default_value_t = 4)]
    job_workers: usize,
    /// The key that encrypts secrets at rest (ANAF tokens): 32 bytes in base64; default: created
    /// in the data directory on first start.
    #[arg(long, env = "FACTURO_SECRET_KEY", hide_env_values = true)]
    secret_key: Option<String>,
    /// Which ANAF to talk to: `sandbox` (the simulator under /sandbox/anaf), `test` or `prod`.
    #[arg(long, env = "FACTURO_ANAF", default_value = "sandbox")]
    anaf: String,
    /// ANAF's OAuth base URL; default: the one of FACTURO_ANAF.
    #[arg(long, env = "FACTURO_ANAF_OAUTH_URL")]
    anaf_oauth_url: Option<String>,
    /// ANAF's e-Factura REST base URL (…/FCTEL/rest/); default: the one of FACTURO_ANAF.
    #[arg(long, env = "FACTURO_ANAF_API_URL")]
    anaf_api_url: Option<String>,
    /// The OAuth application registered at ANAF (not needed in the sandbox).
    #[arg(long, env = "FACTURO_ANAF_CLIENT_ID")]
    anaf_client_id: Option<String>,
    #[arg(long, env = "FACTURO_ANAF_CLIENT_SECRET", hide_env_values = true)]
    anaf_client_secret: Option<String>,
    /// The callback URL registered with the application; default:
    /// PUBLIC_URL/api/v1/anaf/oauth/callback.
    #[arg(long, env = "FACTURO_ANAF_REDIRECT_URI")]
    anaf_redirect_uri: Option<String>,
    /// A PEM file of the certificates that sign ANAF's archives (a standalone simulator's, from
    /// `facturo anaf-sim`); without it signatures are only checked in the sandbox.
    #[arg(long, env = "FACTURO_ANAF_TRUSTED_CERTS")]
    anaf_trusted_certs: Option<std::path::PathBuf>,
    /// The OAuth client ids (comma-separated) whose Google ID tokens sign users in; none turns
    /// Google sign-in off.
    #[arg(long, env = "FACTURO_GOOGLE_CLIENT_IDS", value_delimiter = ',')]
    google_client_ids: Vec<String>,
    /// Hosts webhooks may reach over plain HTTP and at internal addresses (comma-separated
    /// names or IPs, e.g. localhost,127.0.0.1,erp.lan); everything else must be public HTTPS.
    #[arg(long, env = "FACTURO_WEBHOOK_ALLOW_HOSTS", value_delimiter = ',')]
    webhook_allow_hosts: Vec<String>,
    /// Seconds before a failed webhook is tried again; each later wait is 5 times longer.
    #[arg(long, env = "FACTURO_WEBHOOK_RETRY_BASE", default_value_t = 60)]
    webhook_retry_base: u64,
    /// Seconds a webhook receiver has to answer.
    #[arg(long, env = "FACTURO_WEBHOOK_TIMEOUT", default_value_t = 10)]
    webhook_timeout: u64,
    /// Failed deliveries in a row after which a webhook endpoint is switched off.
    #[arg(long, env = "FACTURO_WEBHOOK_DISABLE_AFTER", default_value_t = 50)]
    webhook_disable_after: i32,
    /// Seconds a webhook secret still signs after it was regenerated.
    #[arg(long, env = "FACTURO_WEBHOOK_SECRET_GRACE", default_value_t = 86_400)]
    webhook_secret_grace: u64,
    /// Webhook deliveries this process sends at once.
    #[arg(long, env = "FACTURO_WEBHOOK_WORKERS", default_value_t = 16)]
    webhook_workers: usize,
    /// Where BNR's exchange-rate feeds are read from (`off`: only the cache and the seed).
    #[arg(long, env = "FACTURO_BNR_URL", default_value = anaf::bnr::DEFAULT_BASE_URL)]
    bnr_url: String,
    /// A BNR feed file (as BNR publishes it) loaded into the rate cache at start-up.
    #[arg(long, env = "FACTURO_BNR_SEED")]
    bnr_seed: Option<PathBuf>,
    /// Where Google publishes its token-signing keys.
    #[arg(long, env = "FACTURO_GOOGLE_JWKS_URL", default_value = server::config::GOOGLE_JWKS_URL)]
    google_jwks_url: String,
}

#[derive(Debug, Args)]
struct CreateUserArgs {
    #[command(flatten)]
    storage: StorageArgs,
    #[arg(long)]
    email: String,
    /// The password; prefer FACTURO_USER_PASSWORD, which does not show in the process list.
    #[arg(long, env = "FACTURO_USER_PASSWORD", hide_env_values = true)]
    password: String,
    /// Make the user an instance administrator.
    #[arg(long)]
    admin: bool,
    #[arg(long)]
    first_name: Option<String>,
    #[arg(long)]
    last_name: Option<String>,
}

fn parse_flag(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" | "" => Ok(false),
        other => Err(format!("'{other}' is not a boolean (use 1 or 0)")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("facturo: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("facturo: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve(args) => server::run(serve_config(*args)?).await?,
        Command::Migrate(args) => server::admin::migrate(&storage_config(&args)).await?,
        Command::User(UserCommand::Create(args)) => create_user(args).await?,
        Command::Ubl(args) => {
            generate::run(
                &args.input,
                args.exchange_rate,
                &mut std::io::stdout().lock(),
            )?;
        }
        Command::AnafSim(args) => anaf_sim::run(args).await?,
        Command::License(command) => {
            if !license::run(command, &mut std::io::stdout().lock())? {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Validate(args) => {
            let valid = validate::run(&args.paths, args.json, &mut std::io::stdout().lock())?;
            return Ok(if valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn storage_config(args: &StorageArgs) -> Config {
    let url = args
        .database_url
        .clone()
        .unwrap_or_else(|| Config::default_database_url(&args.data_dir));
    Config::new(url, &args.data_dir)
}

fn serve_config(args: ServeArgs) -> anyhow::Result<Config> {
    let mut config = storage_config(&args.storage);
    config.listen = args.listen;
    config.public_url = args.public_url;
    config.jwt_private_key = args.jwt_private_key;
    config.auto_confirm_email = args.auto_confirm_email;
    config.smtp_url = args.smtp_url.filter(|s| !s.is_empty());
    config.smtp_ca_pem = match &args.smtp_ca_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("FACTURO_SMTP_CA_FILE {}", path.display()))?,
        ),
        None => None,
    };
    config.mail_from = args.mail_from;
    config.registry = RegistrySource::parse(&args.anaf_registry)
        .map_err(anyhow::Error::msg)
        .context("FACTURO_ANAF_REGISTRY")?;
    config.trusted_proxies = args.trusted_proxies;
    config.cors_origins = args.cors_origins;
    config.webauthn_rp_id = non_empty(args.webauthn_rp_id);
    config.webauthn_origin = non_empty(args.webauthn_origin);
    config.licence = non_empty(args.license)
        .map(|v| license::read_licence(&v))
        .transpose()?;
    config.job_workers = args.job_workers.max(1);
    config.secret_key = non_empty(args.secret_key).map(SecretText);
    config.anaf = AnafConfig {
        environment: AnafEnvironment::parse(&args.anaf)
            .map_err(anyhow::Error::msg)
            .context("FACTURO_ANAF")?,
        oauth_url: non_empty(args.anaf_oauth_url),
        api_url: non_empty(args.anaf_api_url),
        client_id: non_empty(args.anaf_client_id),
        client_secret: non_empty(args.anaf_client_secret).map(SecretText),
        redirect_uri: non_empty(args.anaf_redirect_uri),
        trusted_certs: args.anaf_trusted_certs,
    };
    config.google = GoogleConfig {
        client_ids: args
            .google_client_ids
            .into_iter()
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
            .collect(),
        jwks_url: args.google_jwks_url,
    };
    config.webhooks = server::webhooks::Settings {
        allow_hosts: args
            .webhook_allow_hosts
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .filter(|h| !h.is_empty())
            .collect(),
        retry_base: Duration::from_secs(args.webhook_retry_base.max(1)),
        timeout: Duration::from_secs(args.webhook_timeout.max(1)),
        disable_after: args.webhook_disable_after.max(1),
        secret_grace: Duration::from_secs(args.webhook_secret_grace),
        workers: args.webhook_workers.max(1),
        ..server::webhooks::Settings::default()
    };
    config.rates = server::rates::Settings {
        base_url: Some(args.bnr_url.trim().to_owned())
            .filter(|u| !u.is_empty() && !u.eq_ignore_ascii_case("off")),
        seed: args.bnr_seed,
        ..server::rates::Settings::default()
    };
    if config.anaf.client_id.is_some() != config.anaf.client_secret.is_some() {
        anyhow::bail!("set both FACTURO_ANAF_CLIENT_ID and FACTURO_ANAF_CLIENT_SECRET, or neither");
    }
    Ok(config)
}

/// An option whose empty value means "not set".
fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

async fn create_user(args: CreateUserArgs) -> anyhow::Result<()> {
    let config = storage_config(&args.storage);
    let user = server::admin::create_user(
        &config,
        Arc::new(server::SystemClock),
        server::admin::NewAccount {
            email: args.email,
            password: args.password,
            first_name: args.first_name,
            last_name: args.last_name,
            is_admin: args.admin,
        },
    )
    .await?;
    tracing::info!(%user, "user created");
    Ok(())
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("FACTURO_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let json = std::env::var("FACTURO_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}
