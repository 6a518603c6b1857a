//! Where a submission's steps are written: the ledger, the invoice's status and ANAF error, the
//! domain event and the next job, in one transaction each. A step whose compare-and-set finds
//! the submission moved on (another process, an expired lease) writes nothing.

use time::OffsetDateTime;

use super::poll_delay;
use crate::documents::save::facts;
use crate::events::{self, DomainEvent, Origin};
use crate::ids::SubmissionId;
use crate::jobs::{Job, enqueue};
use crate::state::AppState;
use crate::store::submissions::{self, Ending, RejectionError, State, Submission};
use crate::store::{Tx, companies, invoices};

/// The upload was taken over under `index` (from its answer, or found by reconciliation):
/// `uploading` → `uploaded`, and the first status poll is queued.
pub async fn uploaded(
    state: &AppState,
    s: &Submission,
    index: i64,
    uploaded_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = state.db.begin().await?;
    if !submissions::mark_uploaded(&mut tx, s.id, index, uploaded_at, now).await? {
        return Ok(false);
    }
    queue_poll(&mut tx, s.id, now + poll_delay(0), now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Queues the status poll of `id` at `at`; one poll job per submission at a time.
pub async fn queue_poll(
    tx: &mut Tx,
    id: SubmissionId,
    at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let key = format!("poll_submission:{id}");
    enqueue(
        tx,
        &Job::PollSubmission { submission_id: id },
        at,
        Some(&key),
        now,
    )
    .await?;
    Ok(())
}

/// How a submission ended, for the invoice.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// Accepted: the invoice is `validated`.
    Accepted,
    /// Refused by ANAF: the invoice is `rejected` with ANAF's words, to be corrected and
    /// submitted again.
    Rejected,
    /// Given up before anything reached ANAF: the invoice goes back to its status before the
    /// submission, with the reason, and may be submitted again.
    Abandoned,
}

/// Ends a submission (`from` → `to`) and applies the verdict to its invoice. False when the
/// submission had left `from`.
pub async fn finish(
    state: &AppState,
    s: &Submission,
    from: State,
    to: State,
    ending: &Ending,
    verdict: Verdict,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = state.db.begin().await?;
    if !submissions::finish(&mut tx, s.id, from, to, ending, now).await? {
        return Ok(false);
    }
    let (status, error, event): (&str, Option<String>, fn(_) -> DomainEvent) = match verdict {
        Verdict::Accepted => ("validated", None, DomainEvent::InvoiceValidated),
        Verdict::Rejected => (
            "rejected",
            Some(summary(ending)),
            DomainEvent::InvoiceRejected,
        ),
        Verdict::Abandoned => (
            s.previous_status.as_str(),
            Some(summary(ending)),
            DomainEvent::InvoiceUpdated,
        ),
    };
    // An invoice that moved on meanwhile (a credit note refunded it) keeps its status; the
    // ledger still records what ANAF said.
    if invoices::set_anaf_status(
        &mut tx,
        s.company_id,
        s.invoice_id,
        "sent_to_provider",
        status,
        error.as_deref(),
        now,
    )
    .await?
        && let Some(inv) = invoices::get_for_update(&mut tx, s.company_id, s.invoice_id).await?
        && let Some(company) = companies::by_id(&state.db, s.company_id).await?
    {
        let origin = Origin {
            organization: company.organization_id,
            company: Some(company.id),
            actor: None,
        };
        events::record(&mut tx, origin, &event(facts(&inv)), now).await?;
    }
    tx.commit().await?;
    tracing::info!(submission = %s.id, invoice = %s.invoice_id, state = to.as_str(), "e-Factura submission ended");
    Ok(true)
}

/// One line for the invoice's `anafErrorMessage`: every error, in ANAF's order.
fn summary(ending: &Ending) -> String {
    if let Some(m) = &ending.error_message {
        return m.clone();
    }
    ending
        .errors
        .iter()
        .map(|e| match &e.rule_id {
            Some(rule) if !e.message.contains(rule.as_str()) => format!("[{rule}] {}", e.message),
            _ => e.message.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// ANAF's messages as rejection errors, rule ids read out of them.
pub fn errors_of<'a>(messages: impl IntoIterator<Item = &'a String>) -> Vec<RejectionError> {
    messages
        .into_iter()
        .map(|m| {
            let f = anaf::efactura::Finding::parse(m);
            RejectionError {
                rule_id: f.rule_id,
                message: f.message,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_every_rule_once() {
        let ending = Ending {
            errors: vec![
                RejectionError {
                    rule_id: Some("BR-RO-110".into()),
                    message: "E: validari globale  SCHEMATRON   eroare: [BR-RO-110]-Adresa".into(),
                },
                RejectionError {
                    rule_id: Some("BR-CO-10".into()),
                    message: "Suma liniilor nu corespunde".into(),
                },
                RejectionError {
                    rule_id: None,
                    message: "Fisierul nu este valid".into(),
                },
            ],
            ..Ending::default()
        };
        assert_eq!(
            summary(&ending),
            "E: validari globale  SCHEMATRON   eroare: [BR-RO-110]-Adresa; [BR-CO-10] Suma liniilor nu corespunde; Fisierul nu este valid"
        );
    }
}
