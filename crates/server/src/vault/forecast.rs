//! The expiry forecast: a token whose end (see `AnafToken::expires_at`) is within 14 days, and
//! again within 3, gets an `anaf.token_expiring` event, because a lapsed token needs the person
//! with the certificate (lessons §7 item 1: warn at T-14 and T-3). Each token, threshold and
//! expiry is warned about once (`anaf_token_alerts`), so a run can be repeated; a token first
//! seen inside 3 days gets one warning, not two. Tokens of another installation (a restored or
//! copied database) are that installation's business and are skipped, and so are tokens of
//! another ANAF environment (dormant since `FACTURO_ANAF` changed).

use time::{Duration, OffsetDateTime};

use super::Vault;
use crate::config::AnafEnvironment;
use crate::events::{self, DomainEvent, ExpiryFacts, Origin};
use crate::store::anaf_tokens::{self, AnafToken};
use crate::store::{Db, anaf_connections, organizations};

/// Days before the end at which a token is warned about, widest first.
pub const THRESHOLDS_DAYS: [i32; 2] = [14, 3];

/// Records the warnings due at `now`; returns how many tokens were warned about.
pub async fn run(
    db: &Db,
    vault: &Vault,
    environment: AnafEnvironment,
    now: OffsetDateTime,
) -> Result<usize, sqlx::Error> {
    let horizon = now + Duration::days(i64::from(THRESHOLDS_DAYS[0]));
    let mut warned = 0;
    for token in anaf_tokens::expiring(db, vault.instance(), environment, now, horizon).await? {
        if warn(db, &token, now).await? {
            warned += 1;
        }
    }
    Ok(warned)
}

/// Records the thresholds `token` has reached and, when one is new, one event for the
/// tightest; all in one transaction.
async fn warn(db: &Db, token: &AnafToken, now: OffsetDateTime) -> Result<bool, sqlx::Error> {
    let expires_at = token.expires_at();
    let left = expires_at - now;
    let origins = origins(db, token).await?;
    let mut tx = db.begin().await?;
    let mut newest = None;
    for days in THRESHOLDS_DAYS {
        if left <= Duration::days(i64::from(days))
            && anaf_tokens::record_alert(&mut tx, token.id, days, expires_at, now).await?
        {
            newest = Some(days);
        }
    }
    let Some(threshold_days) = newest else {
        return Ok(false);
    };
    let event = DomainEvent::AnafTokenExpiring(ExpiryFacts {
        token_id: token.id,
        user_id: token.user_id,
        label: token.label.clone(),
        expires_at,
        threshold_days,
        days_left: left.whole_days(),
        which: if token.refresh_expires_at.is_some() && token.refresh_error.is_none() {
            "refresh"
        } else {
            "access"
        },
    });
    for origin in &origins {
        events::record(&mut tx, *origin, &event, now).await?;
    }
    tx.commit().await?;
    tracing::info!(token = %token.id, threshold_days, %expires_at, "an ANAF token expires soon");
    Ok(true)
}

/// Where the warning goes: each company connected to the token (webhooks are per company), or,
/// for a token no company uses yet, each organization of its owner.
async fn origins(db: &Db, token: &AnafToken) -> Result<Vec<Origin>, sqlx::Error> {
    let mut origins: Vec<Origin> = Vec::new();
    for c in anaf_connections::of_token(db, token.id).await? {
        if !origins.iter().any(|o| o.company == Some(c.company_id)) {
            origins.push(Origin {
                organization: c.organization_id,
                company: Some(c.company_id),
                actor: None,
            });
        }
    }
    if origins.is_empty() {
        origins = organizations::memberships_of(db, token.user_id)
            .await?
            .into_iter()
            .map(|m| Origin {
                organization: m.organization.id,
                company: None,
                actor: None,
            })
            .collect();
    }
    Ok(origins)
}
