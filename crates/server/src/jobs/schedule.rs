//! The scheduler: a tick that only queues jobs (periodic work never runs in the tick itself).
//! Every process ticks; the jobs' dedupe keys keep one company's passes from piling up.

use std::time::Duration as StdDuration;

use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;

use super::sync_efactura;
use crate::efactura::env_name;
use crate::state::AppState;
use crate::store::efactura_sync;

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
