//! `DeliverWebhook`: one attempt of a webhook delivery; between attempts the job waits.

use super::runner::JobError;
use crate::ids::WebhookDeliveryId;
use crate::state::AppState;

pub async fn run(state: &AppState, delivery_id: WebhookDeliveryId) -> Result<(), JobError> {
    crate::webhooks::deliver::run(state, delivery_id).await
}
