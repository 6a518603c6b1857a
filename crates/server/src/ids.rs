//! Typed ids (UUID v7) so that an invoice id cannot be passed where a client id is expected.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            sqlx::Type,
        )]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .format(Some(utoipa::openapi::schema::SchemaFormat::KnownFormat(
                        utoipa::openapi::schema::KnownFormat::Uuid,
                    )))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self)
            }
        }
    )*};
}

ids! {
    UserId, OrgId, MembershipId, CompanyId, BankAccountId, ClientId, SupplierId, ProductId,
    VatRateId, SeriesId, InvoiceId, LineId, EventId, JobId, TokenId, InvitationId, SubmissionId,
    EfacturaMessageId, AnafTokenId, AnafConnectionId, AnafLinkId, ApiKeyId, MfaChallengeId,
    MfaVerificationId, BackupCodeId, AuditId, PasskeyId, CeremonyId, WebhookEndpointId,
    WebhookDeliveryId, WebhookAttemptId, PaymentId,
    /// A proforma or a delivery note.
    TradeDocumentId,
    /// A recurring invoice template, and one of its runs.
    RecurringId,
    RecurringRunId,
    /// A company's e-mail template, and one document e-mail sent (or tried).
    EmailTemplateId,
    EmailLogId,
    /// An account at another provider (Google) linked to a user.
    IdentityId,
    /// An installation of Facturo (its data directory), see `vault::instance`.
    InstanceId,
}
