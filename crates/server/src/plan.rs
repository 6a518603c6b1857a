//! The plans an installation runs under (a licence chooses one; without a licence it is
//! Freemium) and what each allows (spec §22): the sync interval, how many companies and members
//! an organization may have, and which features it includes. A licence's `limits` and
//! `features` claims override the plan's.

use time::Duration;

/// A feature of spec §22 that a plan includes or not, and that a licence's `features` claim may
/// turn on or off. Only the features the server enforces are here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feature {
    Webhooks,
    RecurringInvoices,
    PdfGeneration,
    EmailSending,
}

impl Feature {
    pub const ALL: [Feature; 4] = [
        Feature::Webhooks,
        Feature::RecurringInvoices,
        Feature::PdfGeneration,
        Feature::EmailSending,
    ];

    /// The feature's key in a licence's `features` claim.
    pub fn key(self) -> &'static str {
        match self {
            Feature::Webhooks => "webhooks",
            Feature::RecurringInvoices => "recurringInvoices",
            Feature::PdfGeneration => "pdfGeneration",
            Feature::EmailSending => "emailSending",
        }
    }

    /// The message of the 402 that refuses it.
    pub fn not_included(self) -> &'static str {
        match self {
            Feature::Webhooks => "Webhooks are not included in your plan.",
            Feature::RecurringInvoices => "Recurring invoices are not included in your plan.",
            Feature::PdfGeneration => "PDF generation is not included in your plan.",
            Feature::EmailSending => "E-mail sending is not included in your plan.",
        }
    }
}

/// A plan of spec §22.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Plan {
    #[default]
    Freemium,
    Starter,
    Professional,
    Business,
}

impl Plan {
    /// The plan's name as licences and the API write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Plan::Freemium => "freemium",
            Plan::Starter => "starter",
            Plan::Professional => "professional",
            Plan::Business => "business",
        }
    }

    /// A plan by its name, in any case.
    pub fn parse(name: &str) -> Option<Plan> {
        [
            Plan::Freemium,
            Plan::Starter,
            Plan::Professional,
            Plan::Business,
        ]
        .into_iter()
        .find(|p| p.as_str().eq_ignore_ascii_case(name.trim()))
    }

    /// Companies an organization may have (None: no limit).
    pub fn max_companies(self) -> Option<u64> {
        match self {
            Plan::Freemium => Some(1),
            Plan::Starter => Some(3),
            Plan::Professional => Some(10),
            Plan::Business => None,
        }
    }

    /// Whether the plan includes `feature` (spec §22: webhooks and recurring invoices from
    /// Professional up; PDFs and e-mail on every plan).
    pub fn includes(self, feature: Feature) -> bool {
        match feature {
            Feature::Webhooks | Feature::RecurringInvoices => {
                matches!(self, Plan::Professional | Plan::Business)
            }
            Feature::PdfGeneration | Feature::EmailSending => true,
        }
    }

    /// Members an organization may have, counting pending invitations (None: no limit).
    pub fn max_users(self) -> Option<u64> {
        match self {
            Plan::Freemium | Plan::Starter => Some(3),
            Plan::Professional => Some(10),
            Plan::Business => None,
        }
    }

    /// How often each company with `syncEnabled` has its SPV box synced (issue #4).
    pub fn efactura_sync_every(self) -> Duration {
        match self {
            Plan::Freemium => Duration::hours(24),
            Plan::Starter => Duration::hours(12),
            Plan::Professional => Duration::hours(4),
            Plan::Business => Duration::hours(1),
        }
    }
}

impl serde::Serialize for Plan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn better_plans_sync_more_often() {
        let every: Vec<i64> = [
            Plan::Freemium,
            Plan::Starter,
            Plan::Professional,
            Plan::Business,
        ]
        .map(|p| p.efactura_sync_every().whole_hours())
        .to_vec();
        assert_eq!(every, [24, 12, 4, 1]);
        assert_eq!(Plan::default(), Plan::Freemium);
        assert_eq!(Plan::parse(" Business "), Some(Plan::Business));
        assert_eq!(Plan::parse("platinum"), None);
    }
}
