//! `facturo license`: issue a licence (for the vendor, with its private key) and verify one
//! the way the server does, offline.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand};
use server::licensing::{self, Claims, Standing};
use time::OffsetDateTime;

#[derive(Debug, Subcommand)]
pub enum LicenseCommand {
    /// Sign a licence with the vendor's Ed25519 private key and print it.
    Issue(IssueArgs),
    /// Check a licence against the keys built into this binary; exit 1 when it is not usable.
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct IssueArgs {
    /// freemium, starter, professional or business.
    #[arg(long)]
    plan: String,
    /// The last day it is valid (YYYY-MM-DD, through the end of that day UTC).
    #[arg(long)]
    expires: String,
    /// The vendor's private key (PKCS#8 PEM).
    #[arg(long)]
    key: PathBuf,
    /// The key's id, as built into the binaries that must accept the licence.
    #[arg(long, default_value = "facturo-2026-1")]
    kid: String,
    /// Who the licence is for.
    #[arg(long, default_value = "Facturo customer")]
    licensee: String,
    /// How many people may sign in.
    #[arg(long)]
    seats: Option<u64>,
    /// A feature switch, `name=true|false` (repeatable).
    #[arg(long = "feature", value_parser = parse_feature)]
    features: Vec<(String, bool)>,
    /// A numeric limit, `name=N` (repeatable; 0 means none).
    #[arg(long = "limit", value_parser = parse_limit)]
    limits: Vec<(String, u64)>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The licence, or a file holding it; default: FACTURO_LICENSE.
    licence: Option<String>,
}

fn parse_feature(s: &str) -> Result<(String, bool), String> {
    let (name, value) = s.split_once('=').ok_or("expected name=true|false")?;
    let value = value
        .parse()
        .map_err(|_| format!("'{value}' is not true or false"))?;
    Ok((name.trim().to_owned(), value))
}

fn parse_limit(s: &str) -> Result<(String, u64), String> {
    let (name, value) = s.split_once('=').ok_or("expected name=N")?;
    let value = value
        .parse()
        .map_err(|_| format!("'{value}' is not a number"))?;
    Ok((name.trim().to_owned(), value))
}

/// The licence text of an argument: the JWT itself, or the file that holds it.
pub fn read_licence(value: &str) -> anyhow::Result<String> {
    let value = value.trim();
    if value.starts_with("eyJ") {
        return Ok(value.to_owned());
    }
    let text = std::fs::read_to_string(value).with_context(|| {
        format!("FACTURO_LICENSE is neither a licence nor a readable file: {value}")
    })?;
    Ok(text.trim().to_owned())
}

pub fn run(command: LicenseCommand, out: &mut dyn std::io::Write) -> anyhow::Result<bool> {
    match command {
        LicenseCommand::Issue(args) => {
            let plan = server::plan::Plan::parse(&args.plan)
                .with_context(|| format!("unknown plan '{}'", args.plan))?;
            let last_day = time::Date::parse(
                &args.expires,
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .with_context(|| format!("--expires '{}' is not YYYY-MM-DD", args.expires))?;
            let exp = last_day
                .next_day()
                .context("--expires is too far away")?
                .midnight()
                .assume_utc();
            let now = now();
            anyhow::ensure!(exp > now, "--expires is in the past");
            let claims = Claims {
                iss: licensing::ISSUER.into(),
                sub: args.licensee,
                plan: plan.as_str().into(),
                features: args.features.into_iter().collect::<BTreeMap<_, _>>(),
                limits: args.limits.into_iter().collect::<BTreeMap<_, _>>(),
                seats: args.seats,
                iat: now.unix_timestamp(),
                exp: exp.unix_timestamp(),
                jti: Some(uuid::Uuid::now_v7().to_string()),
            };
            let pem = std::fs::read_to_string(&args.key)
                .with_context(|| format!("reading {}", args.key.display()))?;
            let token = licensing::issue(&claims, &pem, &args.kid).map_err(anyhow::Error::msg)?;
            writeln!(out, "{token}")?;
            Ok(true)
        }
        LicenseCommand::Verify(args) => {
            let value = args
                .licence
                .or_else(|| std::env::var("FACTURO_LICENSE").ok())
                .context("give the licence (or a file) or set FACTURO_LICENSE")?;
            let token = read_licence(&value)?;
            let standing = Standing::resolve(Some(&token), &licensing::vendor_keys(), now());
            writeln!(out, "{}", serde_json::to_string_pretty(&standing)?)?;
            Ok(standing.status == licensing::Status::Licensed)
        }
    }
}

/// The command's one reading of the clock.
#[allow(clippy::disallowed_methods)] // A CLI command, not a request: no AppState clock.
fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}
