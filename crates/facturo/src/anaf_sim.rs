//! `facturo anaf-sim`: the ANAF e-Factura and OAuth simulator on its own port, for local
//! development and for tests that drive it from another process through `/__sim/…`.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::time::Duration;

use anaf::sim::efactura::{self, EfacturaSim, Environment, OAuthApp, SeedOptions, SimConfig};
use anyhow::Context;
use clap::Args;

/// The user who gets SPV rights on every taxpayer when no `--grant` is given.
const DEFAULT_USER: &str = "demo";

#[derive(Debug, Args)]
pub struct AnafSimArgs {
    /// Address to listen on.
    #[arg(
        long,
        env = "FACTURO_ANAF_SIM_LISTEN",
        default_value = "127.0.0.1:9400"
    )]
    pub listen: SocketAddr,
    /// A simulated taxpayer, `CIF` or `CIF=NAME` (repeatable): invoices to it reach its box.
    #[arg(long = "taxpayer", value_name = "CIF[=NAME]", value_parser = parse_taxpayer)]
    pub taxpayers: Vec<(u64, String)>,
    /// SPV rights of a certificate holder on a CIF, `USER=CIF` (repeatable). Without any, user
    /// `demo` has rights on every taxpayer.
    #[arg(long = "grant", value_name = "USER=CIF", value_parser = parse_grant)]
    pub grants: Vec<(String, u64)>,
    /// An OAuth application, `CLIENT_ID:SECRET` (repeatable); any redirect URI is accepted.
    #[arg(long = "client", value_name = "CLIENT_ID:SECRET", value_parser = parse_client)]
    pub clients: Vec<(String, String)>,
    /// Fill each taxpayer's box in the test environment with this many received invoices.
    #[arg(long, default_value_t = 0)]
    pub seed: usize,
    /// Simulated seconds between an upload and its final state.
    #[arg(long, default_value_t = 3)]
    pub processing_delay: u64,
}

/// Builds the simulator from `args` and serves it until SIGTERM or Ctrl-C.
pub async fn run(args: AnafSimArgs) -> anyhow::Result<()> {
    let sim = build(&args)?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    tracing::info!(
        rest = %format!("http://{addr}/test/FCTEL/rest/"),
        oauth = %format!("http://{addr}/anaf-oauth2/v1/"),
        control = %format!("http://{addr}/__sim/"),
        certificate = %format!("http://{addr}/__sim/ca.pem"),
        "ANAF e-Factura simulator listening"
    );
    let users: BTreeSet<&str> = grants(&args).iter().map(|(u, _)| *u).collect();
    for user in users {
        let token = sim.issue_tokens(user, "anaf-sim").access_token;
        tracing::info!(user, %token, "access token");
    }
    efactura::serve(sim, listener, shutdown_signal())
        .await
        .context("the simulator stopped")
}

fn build(args: &AnafSimArgs) -> anyhow::Result<EfacturaSim> {
    let config = SimConfig {
        processing_delay: Duration::from_secs(args.processing_delay),
        ..SimConfig::default()
    };
    let sim = EfacturaSim::new(config)?;
    for (cif, name) in &args.taxpayers {
        sim.add_taxpayer(*cif, name);
    }
    for (user, cif) in grants(args) {
        sim.grant(user, cif);
    }
    for (client_id, client_secret) in &args.clients {
        sim.add_app(OAuthApp {
            client_id: client_id.clone(),
            client_secret: client_secret.clone(),
            redirect_uris: Vec::new(),
        });
    }
    if args.seed > 0 {
        for (cif, _) in &args.taxpayers {
            sim.seed(&SeedOptions::new(Environment::Test, *cif, args.seed));
        }
    }
    Ok(sim)
}

/// The `--grant`s, or [`DEFAULT_USER`] on every taxpayer.
fn grants(args: &AnafSimArgs) -> Vec<(&str, u64)> {
    if args.grants.is_empty() {
        args.taxpayers
            .iter()
            .map(|(cif, _)| (DEFAULT_USER, *cif))
            .collect()
    } else {
        args.grants.iter().map(|(u, c)| (u.as_str(), *c)).collect()
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
    tracing::info!("the ANAF simulator is stopping");
}

fn cif(text: &str) -> Result<u64, String> {
    let digits = text.trim();
    let digits = digits
        .strip_prefix("RO")
        .or_else(|| digits.strip_prefix("ro"))
        .unwrap_or(digits);
    digits
        .parse()
        .map_err(|_| format!("'{text}' is not a CIF (digits, optionally after RO)"))
}

fn parse_taxpayer(text: &str) -> Result<(u64, String), String> {
    match text.split_once('=') {
        Some((number, name)) => Ok((cif(number)?, name.trim().to_owned())),
        None => {
            let number = cif(text)?;
            Ok((number, format!("Contribuabil {number} SRL")))
        }
    }
}

fn parse_grant(text: &str) -> Result<(String, u64), String> {
    let (user, number) = text
        .split_once('=')
        .ok_or_else(|| format!("'{text}' is not USER=CIF"))?;
    if user.trim().is_empty() {
        return Err(format!("'{text}' names no user"));
    }
    Ok((user.trim().to_owned(), cif(number)?))
}

fn parse_client(text: &str) -> Result<(String, String), String> {
    let (id, secret) = text
        .split_once(':')
        .ok_or_else(|| format!("'{text}' is not CLIENT_ID:SECRET"))?;
    if id.is_empty() {
        return Err(format!("'{text}' names no client id"));
    }
    Ok((id.to_owned(), secret.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_cifs_with_or_without_ro_and_names() {
        assert_eq!(
            parse_taxpayer("RO18547290=Facturo Demo SRL"),
            Ok((18_547_290, "Facturo Demo SRL".to_owned()))
        );
        assert_eq!(parse_taxpayer("14399840").map(|t| t.0), Ok(14_399_840));
        assert!(parse_taxpayer("abc").is_err());
        assert_eq!(
            parse_grant("ana=18547290"),
            Ok(("ana".to_owned(), 18_547_290))
        );
        assert!(parse_grant("=1").is_err());
        assert_eq!(
            parse_client("facturo:s3:cret"),
            Ok(("facturo".to_owned(), "s3:cret".to_owned()))
        );
    }

    #[test]
    fn without_grants_the_demo_user_holds_every_taxpayer() {
        let args = AnafSimArgs {
            listen: "127.0.0.1:0".parse().unwrap(),
            taxpayers: vec![(1, "A".into()), (2, "B".into())],
            grants: Vec::new(),
            clients: Vec::new(),
            seed: 2,
            processing_delay: 1,
        };
        assert_eq!(grants(&args), [("demo", 1), ("demo", 2)]);
        let sim = build(&args).unwrap();
        assert_eq!(sim.messages(Environment::Test, 2), 2);
    }
}
