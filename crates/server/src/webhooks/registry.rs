//! The event types an endpoint may subscribe to (`GET /api/v1/webhooks/events`): the contract's
//! sixteen (api.md §18.2) and Facturo's own. `*` subscribes to all of them, those added later
//! included; `webhook.test` is only sent by the test route.

/// A subscribable event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventType {
    pub event: &'static str,
    pub category: &'static str,
    pub description: &'static str,
}

const fn ev(event: &'static str, category: &'static str, description: &'static str) -> EventType {
    EventType {
        event,
        category,
        description,
    }
}

/// Every subscribable event, grouped by category in this order.
pub const EVENTS: &[EventType] = &[
    ev("invoice.created", "invoice", "An invoice was created."),
    ev("invoice.updated", "invoice", "An invoice was changed."),
    ev(
        "invoice.issued",
        "invoice",
        "An invoice was issued and numbered.",
    ),
    ev(
        "invoice.sent_to_provider",
        "invoice",
        "An invoice was queued for ANAF e-Factura.",
    ),
    ev("invoice.validated", "invoice", "ANAF accepted an invoice."),
    ev("invoice.rejected", "invoice", "ANAF rejected an invoice."),
    ev("invoice.cancelled", "invoice", "An invoice was cancelled."),
    ev(
        "invoice.restored",
        "invoice",
        "A cancelled invoice was restored.",
    ),
    ev("invoice.deleted", "invoice", "A draft invoice was deleted."),
    ev(
        "invoice.synced",
        "invoice",
        "An incoming invoice was imported from the SPV box.",
    ),
    ev("company.created", "company", "A company was added."),
    ev("company.updated", "company", "A company was changed."),
    ev("company.removed", "company", "A company was removed."),
    ev(
        "company.restored",
        "company",
        "A removed company was restored.",
    ),
    ev(
        "company.reset",
        "company",
        "A company's data was reset (not sent yet: no reset route).",
    ),
    ev("sync.started", "sync", "An e-Factura sync began."),
    ev("sync.completed", "sync", "An e-Factura sync ended."),
    ev("sync.error", "sync", "An e-Factura sync failed."),
    ev(
        "sync.overdue",
        "sync",
        "A company went longer than its schedule without a successful sync.",
    ),
    ev("proforma.created", "proforma", "A proforma was created."),
    ev(
        "proforma.updated",
        "proforma",
        "A draft proforma was changed.",
    ),
    ev("proforma.deleted", "proforma", "A proforma was deleted."),
    ev(
        "proforma.sent",
        "proforma",
        "A proforma was sent to its client.",
    ),
    ev(
        "proforma.accepted",
        "proforma",
        "The client accepted a proforma.",
    ),
    ev(
        "proforma.rejected",
        "proforma",
        "The client rejected a proforma.",
    ),
    ev(
        "proforma.cancelled",
        "proforma",
        "A proforma was cancelled.",
    ),
    ev(
        "proforma.converted",
        "proforma",
        "A proforma became a draft invoice.",
    ),
    ev(
        "proforma.expired",
        "proforma",
        "A sent or accepted proforma passed its validity date.",
    ),
    ev(
        "delivery_note.created",
        "delivery_note",
        "A delivery note was created.",
    ),
    ev(
        "delivery_note.updated",
        "delivery_note",
        "A draft delivery note was changed.",
    ),
    ev(
        "delivery_note.deleted",
        "delivery_note",
        "A delivery note was deleted.",
    ),
    ev(
        "delivery_note.issued",
        "delivery_note",
        "A delivery note was issued with its number.",
    ),
    ev(
        "delivery_note.cancelled",
        "delivery_note",
        "A delivery note was cancelled.",
    ),
    ev(
        "delivery_note.restored",
        "delivery_note",
        "A cancelled delivery note became a draft again.",
    ),
    ev(
        "delivery_note.converted",
        "delivery_note",
        "A delivery note was invoiced (alone or with others).",
    ),
    ev(
        "recurring_invoice.created",
        "recurring_invoice",
        "A recurring template was created.",
    ),
    ev(
        "recurring_invoice.updated",
        "recurring_invoice",
        "A recurring template was changed.",
    ),
    ev(
        "recurring_invoice.deleted",
        "recurring_invoice",
        "A recurring template was deleted.",
    ),
    ev(
        "recurring_invoice.paused",
        "recurring_invoice",
        "A recurring template was paused.",
    ),
    ev(
        "recurring_invoice.resumed",
        "recurring_invoice",
        "A recurring template was resumed.",
    ),
    ev(
        "recurring_invoice.issued",
        "recurring_invoice",
        "A recurring template made an invoice.",
    ),
    ev(
        "recurring_invoice.failed",
        "recurring_invoice",
        "A scheduled run of a recurring template could not make its invoice.",
    ),
    ev("payment.received", "payment", "A payment was recorded."),
    ev("payment.deleted", "payment", "A payment was deleted."),
    ev("client.created", "client", "A client was added."),
    ev("client.updated", "client", "A client was changed."),
    ev("client.deleted", "client", "A client was deleted."),
    ev("anaf.token_created", "anaf", "An ANAF token was stored."),
    ev(
        "anaf.token_expiring",
        "anaf",
        "An ANAF authorization ends within 14 or 3 days.",
    ),
    ev(
        "webhook.disabled",
        "webhook",
        "An endpoint was switched off after failing too often.",
    ),
];

/// The pseudo-event of `POST /webhooks/{id}/test`.
pub const TEST_EVENT: &str = "webhook.test";
/// Subscribes to every event.
pub const ALL: &str = "*";

pub fn find(event: &str) -> Option<&'static EventType> {
    EVENTS.iter().find(|e| e.event == event)
}

/// Whether an endpoint subscribed to `events` gets `event`.
pub fn subscribes(events: &[String], event: &str) -> bool {
    find(event).is_some() && events.iter().any(|e| e == ALL || e == event)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contracts_sixteen_are_registered() {
        for name in [
            "invoice.created",
            "invoice.updated",
            "invoice.issued",
            "invoice.validated",
            "invoice.rejected",
            "invoice.sent_to_provider",
            "company.created",
            "company.updated",
            "company.removed",
            "company.restored",
            "company.reset",
            "sync.started",
            "sync.completed",
            "sync.error",
            "payment.received",
            "anaf.token_created",
        ] {
            assert!(find(name).is_some(), "{name}");
        }
        assert!(
            find(TEST_EVENT).is_none(),
            "webhook.test is not subscribable"
        );
    }

    #[test]
    fn a_star_takes_registered_events_only() {
        let all = vec![ALL.to_owned()];
        assert!(subscribes(&all, "invoice.issued"));
        assert!(
            !subscribes(&all, "member.updated"),
            "internal events are never sent"
        );
        assert!(!subscribes(&all, "product.created"));
        let some = vec!["invoice.issued".to_owned()];
        assert!(subscribes(&some, "invoice.issued"));
        assert!(!subscribes(&some, "invoice.created"));
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = EVENTS.iter().map(|e| e.event).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), EVENTS.len());
    }
}
