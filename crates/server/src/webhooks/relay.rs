//! The relay: turns outbox events into deliveries. Each pass claims a batch of unpublished
//! events and, in one transaction, creates a pending delivery and its job for every active
//! endpoint of the event's company subscribed to it, and marks the events published. A pass
//! that fails rolls back whole, so the events stay for the next one; a delivery is unique per
//! (event, endpoint), so no event is delivered twice to one endpoint by the relay.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::time::Duration as StdDuration;

use serde_json::json;
use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;

use super::registry;
use crate::ids::{CompanyId, WebhookDeliveryId};
use crate::jobs::{self, Job};
use crate::state::AppState;
use crate::store::outbox::{self, OutboxEvent};
use crate::store::webhooks::{self as store, NewDelivery, Subscriber};
use crate::store::{Db, Tx};

/// Events taken per pass.
pub const BATCH: i64 = 200;
/// The wait when the outbox is empty.
const IDLE_POLL: StdDuration = StdDuration::from_millis(200);

/// Relays until `shutdown` fires.
pub async fn run(state: AppState, shutdown: CancellationToken) {
    loop {
        let relayed = match pass(&state.db, state.now(), BATCH).await {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(error = %e, "relaying outbox events failed");
                0
            }
        };
        if relayed == 0 {
            tokio::select! {
                () = shutdown.cancelled() => break,
                () = tokio::time::sleep(IDLE_POLL) => {}
            }
        } else if shutdown.is_cancelled() {
            break;
        }
    }
}

/// One pass over up to `limit` events; returns how many events it published.
pub async fn pass(db: &Db, now: OffsetDateTime, limit: i64) -> Result<usize, sqlx::Error> {
    if !outbox::any_unpublished(db).await? {
        return Ok(0);
    }
    let mut tx = db.begin().await?;
    let events = outbox::claim(&mut tx, limit).await?;
    let mut subscribers: HashMap<CompanyId, Vec<Subscriber>> = HashMap::new();
    for event in &events {
        if let Some(company) = event.company_id
            && registry::find(&event.kind).is_some()
        {
            let endpoints = match subscribers.entry(company) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(store::subscribers(&mut tx, company).await?),
            };
            fan_out(&mut tx, event, company, endpoints, now).await?;
        }
        outbox::mark_published(&mut tx, event.id, now).await?;
    }
    tx.commit().await?;
    Ok(events.len())
}

async fn fan_out(
    tx: &mut Tx,
    event: &OutboxEvent,
    company: CompanyId,
    endpoints: &[Subscriber],
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let mut body = None;
    // An endpoint gets the events of changes made since it was created.
    for endpoint in endpoints.iter().filter(|e| {
        e.created_at.0 <= event.created_at.0 && registry::subscribes(&e.events.0, &event.kind)
    }) {
        let body = body.get_or_insert_with(|| envelope(event));
        let id = WebhookDeliveryId::new();
        let delivery = NewDelivery {
            id,
            endpoint_id: endpoint.id,
            company_id: company,
            event_id: Some(event.id),
            subject_id: event.subject_id,
            event_type: &event.kind,
            payload: body,
            is_test: false,
            redelivery_of: None,
        };
        if store::insert_delivery(tx, &delivery, now).await? {
            jobs::enqueue(tx, &Job::DeliverWebhook { delivery_id: id }, now, None, now).await?;
        }
    }
    Ok(())
}

/// The body every endpoint gets for `event` (api.md §18.3): its id, name, time and data.
pub fn envelope(event: &OutboxEvent) -> String {
    json!({
        "id": event.id,
        "event": event.kind,
        "created_at": crate::api::wire::timestamp_text(event.created_at.0),
        "data": event.payload.0,
    })
    .to_string()
}
