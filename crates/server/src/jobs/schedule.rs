//! The scheduler: a tick that queues jobs (long periodic work never runs in the tick itself),
//! queues recurring invoices that are due, raises `sync.overdue` for companies whose passes
//! stopped succeeding and expires lapsed proformas. Every process
//! ticks; the jobs' dedupe keys keep one company's passes from piling up.

use std::time::Duration as StdDuration;

use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;

use super::sync_efactura;
use crate::efactura::env_name;
use crate::events::{self, DomainEvent, Origin};
use crate::state::AppState;
use crate::store::{efactura_sync, recurring};

/// How often the scheduler looks for due work.
pub const TICK: StdDuration = StdDuration::from_mins(1);
/// Companies queued per tick at most; the rest are due at the next one.
const BATCH: i64 = 500;

/// Ticks until `shutdown` fires.
pub async fn run(state: AppState, shutdown: CancellationToken) {
    loop {
        if let Err(e) = queue_due_syncs(&state, state.now()).await {
            tracing::warn!(error = %e, "queuing e-Factura syncs failed");
        }
        if let Err(e) = alert_overdue_syncs(&state, state.now()).await {
            tracing::warn!(error = %e, "looking for overdue e-Factura syncs failed");
        }
        if let Err(e) = queue_due_recurring(&state, state.now()).await {
            tracing::warn!(error = %e, "queuing recurring invoices failed");
        }
        // Proformas past their validity: a conditional update each, cheap enough for the tick.
        if let Err(e) = crate::documents::trade::expire_lapsed(&state, state.now()).await {
            tracing::warn!(error = %e, "expiring lapsed proformas failed");
        }
        // ANAF's quotas are daily: the counts of days before yesterday are never read again.
        let before = crate::documents::calendar::bucharest_today(state.now()).previous_day();
        if let Some(day) = before
            && let Err(e) = crate::store::anaf_quota::forget_before(&state.db, day).await
        {
            tracing::warn!(error = %e, "forgetting old ANAF quota counts failed");
        }
        tokio::select! {
            () = shutdown.cancelled() => break,
            () = tokio::time::sleep(TICK) => {}
        }
    }
}

/// Queues a sync pass for every company with `syncEnabled` whose last pass started at least
/// the policy's interval ago; returns how many were queued.
pub async fn queue_due_syncs(state: &AppState, now: OffsetDateTime) -> Result<usize, sqlx::Error> {
    let env = env_name(state.anaf.environment);
    let before = now - state.anaf.policy.sync_every;
    let mut queued = 0;
    for company in efactura_sync::due(&state.db, env, before, BATCH).await? {
        let mut tx = state.db.begin().await?;
        if sync_efactura::queue(&mut tx, company, now).await? {
            queued += 1;
        }
        tx.commit().await?;
    }
    Ok(queued)
}

/// Queues the run of every recurring template that is due (one job per template and period);
/// a template whose last run failed is tried again an hour later. Returns how many were
/// queued.
pub async fn queue_due_recurring(
    state: &AppState,
    now: OffsetDateTime,
) -> Result<usize, sqlx::Error> {
    let today = crate::documents::calendar::bucharest_today(now);
    let retry_before = now - time::Duration::hours(1);
    let mut queued = 0;
    for (id, period) in recurring::due(&state.db, today, retry_before, BATCH).await? {
        let mut tx = state.db.begin().await?;
        if super::issue_recurring::queue(&mut tx, id, period, now).await? {
            queued += 1;
        }
        tx.commit().await?;
    }
    Ok(queued)
}

/// Records `sync.overdue` for every company with `syncEnabled` whose last successful pass is
/// older than the schedule plus the policy's margin (issue #4: "a company not synced for
/// longer than its schedule plus a margin raises an alert event"), once per overdue stretch;
/// returns how many were raised. Two processes ticking at once may both raise it: an alert
/// twice is better than none.
pub async fn alert_overdue_syncs(
    state: &AppState,
    now: OffsetDateTime,
) -> Result<usize, sqlx::Error> {
    let policy = &state.anaf.policy;
    let before = now - policy.sync_every - policy.sync_overdue_margin;
    let overdue = efactura_sync::overdue(&state.db, before, BATCH).await?;
    for company in &overdue {
        let origin = Origin {
            organization: company.organization_id,
            company: Some(company.id),
            actor: None,
        };
        let event = DomainEvent::SyncOverdue {
            company_id: company.id,
            last_synced_at: company.last_synced_at.map(|t| t.0),
            every_secs: policy.sync_every.whole_seconds(),
        };
        let mut tx = state.db.begin().await?;
        events::record(&mut tx, origin, &event, now).await?;
        tx.commit().await?;
    }
    Ok(overdue.len())
}
