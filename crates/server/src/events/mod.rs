//! Domain events and the outbox. Every state change records its event with `record` in the
//! transaction of the change, so an event exists exactly when its change was committed. Webhooks
//! (issue #6) deliver the rows; the invoice history reads them.
//!
//! Names are the contract's wire names (api.md §18.2) where it has one (`invoice.created`,
//! `company.updated`, …); changes the contract does not name get names of the same form
//! (`member.updated`, `invitation.accepted`): they are the organization's audit trail, not
//! webhook events.

use serde_json::{Value, json};
use sqlx::types::Json;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::ids::{
    AnafTokenId, CompanyId, EventId, InvitationId, InvoiceId, MembershipId, OrgId, PaymentId,
    RecurringId, TradeDocumentId, UserId, WebhookEndpointId,
};
use crate::on_tx;
use crate::store::{Ts, Tx};

/// What an invoice event carries (api.md §18.2: `{id, number, status, direction, total,
/// currency}`, `total` as a decimal string).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceFacts {
    pub id: Uuid,
    pub number: String,
    pub status: String,
    pub direction: String,
    pub total: String,
    pub currency: String,
}

/// What a payment event carries (api.md §18.2 `payment.received`: `{paymentId, invoiceId,
/// amount, paymentMethod, currency}`; `paymentDate` is ours).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentFacts {
    pub payment_id: PaymentId,
    pub invoice_id: InvoiceId,
    pub amount: String,
    pub payment_method: String,
    pub currency: String,
    pub payment_date: time::Date,
}

/// What a proforma or delivery note event carries: the invoice-event fields, the document's
/// kind, and the invoice it became once converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TradeFacts {
    pub id: TradeDocumentId,
    /// `proforma` or `delivery_note`: the event names' prefix.
    pub kind: &'static str,
    pub number: String,
    pub status: String,
    pub total: String,
    pub currency: String,
    pub invoice_id: Option<InvoiceId>,
}

/// What happened to a proforma or a delivery note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TradeChange {
    Created,
    Updated,
    Deleted,
    Sent,
    Accepted,
    Rejected,
    Issued,
    Cancelled,
    Restored,
    Converted,
    Expired,
}

impl TradeChange {
    pub fn verb(self) -> &'static str {
        match self {
            TradeChange::Created => "created",
            TradeChange::Updated => "updated",
            TradeChange::Deleted => "deleted",
            TradeChange::Sent => "sent",
            TradeChange::Accepted => "accepted",
            TradeChange::Rejected => "rejected",
            TradeChange::Issued => "issued",
            TradeChange::Cancelled => "cancelled",
            TradeChange::Restored => "restored",
            TradeChange::Converted => "converted",
            TradeChange::Expired => "expired",
        }
    }
}

/// What happened to a recurring template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecurringChange {
    Created,
    Updated,
    Deleted,
    Paused,
    Resumed,
    Issued,
    Failed,
}

impl RecurringChange {
    fn verb(self) -> &'static str {
        match self {
            RecurringChange::Created => "created",
            RecurringChange::Updated => "updated",
            RecurringChange::Deleted => "deleted",
            RecurringChange::Paused => "paused",
            RecurringChange::Resumed => "resumed",
            RecurringChange::Issued => "issued",
            RecurringChange::Failed => "failed",
        }
    }
}

/// Catalog records whose changes are recorded the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catalog {
    Client,
    Supplier,
    Product,
    VatRate,
    Series,
    BankAccount,
}

impl Catalog {
    fn prefix(self) -> &'static str {
        match self {
            Catalog::Client => "client",
            Catalog::Supplier => "supplier",
            Catalog::Product => "product",
            Catalog::VatRate => "vat_rate",
            Catalog::Series => "document_series",
            Catalog::BankAccount => "bank_account",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Created,
    Updated,
    Deleted,
}

/// Something that happened, in the past tense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainEvent {
    UserRegistered {
        user_id: UserId,
        email: String,
    },
    UserEmailConfirmed {
        user_id: UserId,
    },
    UserPasswordChanged {
        user_id: UserId,
    },
    CompanyCreated {
        company_id: CompanyId,
        company_name: String,
    },
    CompanyUpdated {
        company_id: CompanyId,
        company_name: String,
    },
    CompanyRemoved {
        company_id: CompanyId,
        company_name: String,
    },
    CompanyRestored {
        company_id: CompanyId,
        company_name: String,
    },
    InvoiceCreated(InvoiceFacts),
    InvoiceUpdated(InvoiceFacts),
    InvoiceIssued(InvoiceFacts),
    InvoiceCancelled(InvoiceFacts),
    InvoiceRestored(InvoiceFacts),
    InvoiceDeleted(InvoiceFacts),
    /// Handed to ANAF e-Factura (a submission was queued).
    InvoiceSentToProvider(InvoiceFacts),
    /// ANAF accepted the invoice (`ok`), or had it already under an earlier upload.
    InvoiceValidated(InvoiceFacts),
    /// ANAF refused the invoice (at upload, `nok`, or not taken over).
    InvoiceRejected(InvoiceFacts),
    /// An incoming invoice was imported from the company's SPV box.
    InvoiceSynced(InvoiceFacts),
    /// A payment was recorded against an invoice.
    PaymentReceived(PaymentFacts),
    /// A payment was deleted.
    PaymentDeleted(PaymentFacts),
    /// A proforma or a delivery note was created or changed state (`proforma.sent`,
    /// `delivery_note.converted`, …).
    TradeDocumentChanged {
        change: TradeChange,
        facts: TradeFacts,
    },
    /// A recurring template was created, changed, deleted, paused or resumed, made an invoice
    /// (`recurring_invoice.issued`, with it), or failed a scheduled run.
    RecurringChanged {
        change: RecurringChange,
        id: RecurringId,
        invoice_id: Option<InvoiceId>,
        error: Option<String>,
    },
    /// A sync pass listed the company's SPV box; `total` messages are to be processed.
    SyncStarted {
        company_id: CompanyId,
        total: usize,
    },
    /// A sync pass ended; `stats` is `{newInvoices, skippedDuplicates, newClients,
    /// newProducts, newSeries, errors}` (api.md §18.2).
    SyncCompleted {
        company_id: CompanyId,
        stats: Value,
    },
    /// A sync pass could not run or list the box (wire name `sync.error`).
    SyncFailed {
        company_id: CompanyId,
        errors: Vec<String>,
    },
    /// A company with `syncEnabled` went longer than its schedule plus a margin without a
    /// successful pass (issue #4: the alert); raised once per overdue stretch.
    SyncOverdue {
        company_id: CompanyId,
        /// The last successful pass, if any.
        last_synced_at: Option<OffsetDateTime>,
        /// The schedule, in seconds.
        every_secs: i64,
    },
    CatalogChanged {
        what: Catalog,
        change: Change,
        id: Uuid,
    },
    /// A membership's role, permissions, companies or state changed (api.md §4 PATCH).
    MemberUpdated(MemberFacts),
    /// `DELETE /members/{id}`: the membership is kept, inactive.
    MemberDeactivated(MemberFacts),
    InvitationCreated(InvitationFacts),
    /// A new link replaced the old one.
    InvitationResent(InvitationFacts),
    InvitationCancelled(InvitationFacts),
    /// The invitee joined; `member` is their membership now.
    InvitationAccepted {
        invitation: InvitationFacts,
        member: MemberFacts,
    },
    /// An ANAF token was stored (api.md §18.2 `anaf.token_created`: `{tokenId, companyId}`).
    AnafTokenCreated {
        token_id: AnafTokenId,
        company_id: Option<CompanyId>,
    },
    /// A token's end is near (issue #4's forecast; Facturo's own event).
    AnafTokenExpiring(ExpiryFacts),
    /// A webhook endpoint was switched off after too many failed deliveries in a row.
    WebhookDisabled {
        endpoint_id: WebhookEndpointId,
        url: String,
        reason: String,
        consecutive_failures: i32,
    },
}

/// What `anaf.token_expiring` carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiryFacts {
    pub token_id: AnafTokenId,
    pub user_id: UserId,
    pub label: Option<String>,
    /// When a person with the certificate must authorize again.
    pub expires_at: OffsetDateTime,
    /// The warning's threshold: 14 or 3 days.
    pub threshold_days: i32,
    /// Whole days left, rounded down.
    pub days_left: i64,
    /// `refresh` when the refresh token ends, `access` for a token without one.
    pub which: &'static str,
}

/// What a membership event carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberFacts {
    pub membership_id: MembershipId,
    pub user_id: UserId,
    pub role: String,
    pub is_active: bool,
}

/// What an invitation event carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationFacts {
    pub invitation_id: InvitationId,
    pub email: String,
    pub role: String,
}

impl MemberFacts {
    fn payload(&self) -> Value {
        json!({ "membershipId": self.membership_id, "userId": self.user_id, "role": self.role, "isActive": self.is_active })
    }
}

impl InvitationFacts {
    fn payload(&self) -> Value {
        json!({ "invitationId": self.invitation_id, "email": self.email, "role": self.role })
    }
}

impl DomainEvent {
    /// The wire name.
    pub fn name(&self) -> String {
        let fixed = match self {
            DomainEvent::UserRegistered { .. } => "user.registered",
            DomainEvent::UserEmailConfirmed { .. } => "user.email_confirmed",
            DomainEvent::UserPasswordChanged { .. } => "user.password_changed",
            DomainEvent::CompanyCreated { .. } => "company.created",
            DomainEvent::CompanyUpdated { .. } => "company.updated",
            DomainEvent::CompanyRemoved { .. } => "company.removed",
            DomainEvent::CompanyRestored { .. } => "company.restored",
            DomainEvent::InvoiceCreated(_) => "invoice.created",
            DomainEvent::InvoiceUpdated(_) => "invoice.updated",
            DomainEvent::InvoiceIssued(_) => "invoice.issued",
            DomainEvent::InvoiceCancelled(_) => "invoice.cancelled",
            DomainEvent::InvoiceRestored(_) => "invoice.restored",
            DomainEvent::InvoiceDeleted(_) => "invoice.deleted",
            DomainEvent::InvoiceSentToProvider(_) => "invoice.sent_to_provider",
            DomainEvent::InvoiceValidated(_) => "invoice.validated",
            DomainEvent::InvoiceRejected(_) => "invoice.rejected",
            DomainEvent::InvoiceSynced(_) => "invoice.synced",
            DomainEvent::PaymentReceived(_) => "payment.received",
            DomainEvent::PaymentDeleted(_) => "payment.deleted",
            DomainEvent::SyncStarted { .. } => "sync.started",
            DomainEvent::SyncCompleted { .. } => "sync.completed",
            DomainEvent::SyncFailed { .. } => "sync.error",
            DomainEvent::SyncOverdue { .. } => "sync.overdue",
            DomainEvent::MemberUpdated(_) => "member.updated",
            DomainEvent::MemberDeactivated(_) => "member.deactivated",
            DomainEvent::InvitationCreated(_) => "invitation.created",
            DomainEvent::InvitationResent(_) => "invitation.resent",
            DomainEvent::InvitationCancelled(_) => "invitation.cancelled",
            DomainEvent::InvitationAccepted { .. } => "invitation.accepted",
            DomainEvent::AnafTokenCreated { .. } => "anaf.token_created",
            DomainEvent::AnafTokenExpiring(_) => "anaf.token_expiring",
            DomainEvent::WebhookDisabled { .. } => "webhook.disabled",
            DomainEvent::RecurringChanged { change, .. } => {
                return format!("recurring_invoice.{}", change.verb());
            }
            DomainEvent::TradeDocumentChanged { change, facts } => {
                return format!("{}.{}", facts.kind, change.verb());
            }
            DomainEvent::CatalogChanged { what, change, .. } => {
                let verb = match change {
                    Change::Created => "created",
                    Change::Updated => "updated",
                    Change::Deleted => "deleted",
                };
                return format!("{}.{verb}", what.prefix());
            }
        };
        fixed.to_owned()
    }

    /// The record the event is about (an invoice's history is its events).
    pub fn subject(&self) -> Option<Uuid> {
        match self {
            DomainEvent::UserRegistered { user_id, .. }
            | DomainEvent::UserEmailConfirmed { user_id }
            | DomainEvent::UserPasswordChanged { user_id } => Some(user_id.0),
            DomainEvent::CompanyCreated { company_id, .. }
            | DomainEvent::CompanyUpdated { company_id, .. }
            | DomainEvent::CompanyRemoved { company_id, .. }
            | DomainEvent::CompanyRestored { company_id, .. }
            | DomainEvent::SyncStarted { company_id, .. }
            | DomainEvent::SyncCompleted { company_id, .. }
            | DomainEvent::SyncFailed { company_id, .. }
            | DomainEvent::SyncOverdue { company_id, .. } => Some(company_id.0),
            DomainEvent::InvoiceCreated(f)
            | DomainEvent::InvoiceUpdated(f)
            | DomainEvent::InvoiceIssued(f)
            | DomainEvent::InvoiceCancelled(f)
            | DomainEvent::InvoiceRestored(f)
            | DomainEvent::InvoiceDeleted(f)
            | DomainEvent::InvoiceSentToProvider(f)
            | DomainEvent::InvoiceValidated(f)
            | DomainEvent::InvoiceRejected(f)
            | DomainEvent::InvoiceSynced(f) => Some(f.id),
            DomainEvent::TradeDocumentChanged { facts, .. } => Some(facts.id.0),
            DomainEvent::RecurringChanged { id, .. } => Some(id.0),
            DomainEvent::PaymentReceived(p) | DomainEvent::PaymentDeleted(p) => {
                Some(p.invoice_id.0)
            }
            DomainEvent::CatalogChanged { id, .. } => Some(*id),
            DomainEvent::MemberUpdated(m) | DomainEvent::MemberDeactivated(m) => {
                Some(m.membership_id.0)
            }
            DomainEvent::InvitationCreated(i)
            | DomainEvent::InvitationResent(i)
            | DomainEvent::InvitationCancelled(i)
            | DomainEvent::InvitationAccepted { invitation: i, .. } => Some(i.invitation_id.0),
            DomainEvent::AnafTokenCreated { token_id, .. } => Some(token_id.0),
            DomainEvent::AnafTokenExpiring(f) => Some(f.token_id.0),
            DomainEvent::WebhookDisabled { endpoint_id, .. } => Some(endpoint_id.0),
        }
    }

    /// The `data` of the event (camelCase, api.md §18.2).
    pub fn payload(&self) -> Value {
        match self {
            DomainEvent::UserRegistered { user_id, email } => {
                json!({ "userId": user_id, "email": email })
            }
            DomainEvent::UserEmailConfirmed { user_id }
            | DomainEvent::UserPasswordChanged { user_id } => {
                json!({ "userId": user_id })
            }
            DomainEvent::CompanyCreated {
                company_id,
                company_name,
            }
            | DomainEvent::CompanyUpdated {
                company_id,
                company_name,
            }
            | DomainEvent::CompanyRemoved {
                company_id,
                company_name,
            }
            | DomainEvent::CompanyRestored {
                company_id,
                company_name,
            } => {
                json!({ "companyId": company_id, "companyName": company_name })
            }
            DomainEvent::InvoiceCreated(f)
            | DomainEvent::InvoiceUpdated(f)
            | DomainEvent::InvoiceIssued(f)
            | DomainEvent::InvoiceCancelled(f)
            | DomainEvent::InvoiceRestored(f)
            | DomainEvent::InvoiceDeleted(f)
            | DomainEvent::InvoiceSentToProvider(f)
            | DomainEvent::InvoiceValidated(f)
            | DomainEvent::InvoiceRejected(f)
            | DomainEvent::InvoiceSynced(f) => json!({
                "id": f.id, "number": f.number, "status": f.status, "direction": f.direction,
                "total": f.total, "currency": f.currency,
            }),
            DomainEvent::PaymentReceived(p) | DomainEvent::PaymentDeleted(p) => json!({
                "paymentId": p.payment_id, "invoiceId": p.invoice_id, "amount": p.amount,
                "paymentMethod": p.payment_method, "currency": p.currency,
                "paymentDate": crate::api::wire::date_text(p.payment_date),
            }),
            DomainEvent::TradeDocumentChanged { facts: f, .. } => json!({
                "id": f.id, "number": f.number, "status": f.status, "total": f.total,
                "currency": f.currency, "invoiceId": f.invoice_id,
            }),
            DomainEvent::RecurringChanged {
                id,
                invoice_id,
                error,
                ..
            } => json!({ "id": id, "invoiceId": invoice_id, "error": error }),
            DomainEvent::SyncStarted { total, .. } => json!({ "total": total }),
            DomainEvent::SyncCompleted { stats, .. } => json!({ "stats": stats }),
            DomainEvent::SyncFailed { company_id, errors } => {
                json!({ "errors": errors, "companyId": company_id })
            }
            DomainEvent::SyncOverdue {
                company_id,
                last_synced_at,
                every_secs,
            } => json!({
                "companyId": company_id,
                "lastSyncedAt": last_synced_at.and_then(|t| t.format(&Rfc3339).ok()),
                "syncInterval": every_secs,
            }),
            DomainEvent::CatalogChanged { id, .. } => json!({ "id": id }),
            DomainEvent::MemberUpdated(m) | DomainEvent::MemberDeactivated(m) => m.payload(),
            DomainEvent::InvitationCreated(i)
            | DomainEvent::InvitationResent(i)
            | DomainEvent::InvitationCancelled(i) => i.payload(),
            DomainEvent::InvitationAccepted { invitation, member } => {
                let mut data = invitation.payload();
                if let (Some(map), Value::Object(more)) = (data.as_object_mut(), member.payload()) {
                    map.extend(more);
                }
                data
            }
            DomainEvent::AnafTokenCreated {
                token_id,
                company_id,
            } => json!({ "tokenId": token_id, "companyId": company_id }),
            DomainEvent::AnafTokenExpiring(f) => json!({
                "tokenId": f.token_id, "userId": f.user_id, "label": f.label,
                "expiresAt": crate::api::wire::timestamp_text(f.expires_at),
                "thresholdDays": f.threshold_days, "daysLeft": f.days_left, "expiring": f.which,
            }),
            DomainEvent::WebhookDisabled {
                endpoint_id,
                url,
                reason,
                consecutive_failures,
            } => json!({
                "endpointId": endpoint_id, "url": url, "reason": reason,
                "consecutiveFailures": consecutive_failures,
            }),
        }
    }
}

/// Where an event happened and who caused it.
#[derive(Debug, Clone, Copy)]
pub struct Origin {
    pub organization: OrgId,
    pub company: Option<CompanyId>,
    pub actor: Option<UserId>,
}

/// Writes `event` to the outbox inside `tx`.
pub async fn record(
    tx: &mut Tx,
    origin: Origin,
    event: &DomainEvent,
    now: OffsetDateTime,
) -> Result<EventId, sqlx::Error> {
    let id = EventId::new();
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO events (id, organization_id, company_id, type, subject_id, actor_id, payload, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(origin.organization)
    .bind(origin.company)
    .bind(event.name())
    .bind(event.subject())
    .bind(origin.actor)
    .bind(Json(event.payload()))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_contract() {
        let facts = InvoiceFacts {
            id: Uuid::nil(),
            number: "FCT0001".into(),
            status: "issued".into(),
            direction: "outgoing".into(),
            total: "119.00".into(),
            currency: "RON".into(),
        };
        assert_eq!(
            DomainEvent::InvoiceIssued(facts.clone()).name(),
            "invoice.issued"
        );
        assert_eq!(
            DomainEvent::InvoiceIssued(facts).payload()["total"],
            "119.00"
        );
        let e = DomainEvent::CatalogChanged {
            what: Catalog::Series,
            change: Change::Updated,
            id: Uuid::nil(),
        };
        assert_eq!(e.name(), "document_series.updated");
    }
}
