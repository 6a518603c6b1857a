//! The upload job (`submit_invoice`): uploads a queued submission, or reconciles one whose
//! earlier upload has no known outcome. Nothing here uploads a submission that may already be
//! at ANAF.

use anaf::efactura::{
    MessageFilter, MessageKind, RefusalKind, Standard, UploadOutcome, UploadRequest,
};

use super::outcome::{self, Verdict, errors_of};
use super::sentbox::{self, Mailbox, ScanError, to_i64};
use super::tokens::access_token;
use super::{env_of, poll_delay};
use crate::ids::SubmissionId;
use crate::jobs::runner::JobError;
use crate::state::AppState;
use crate::store::efactura_messages;
use crate::store::invoices;
use crate::store::submissions::{self, Ending, State, Submission};

/// Runs the step the submission's state calls for.
///
/// A submission before its upload is known always keeps its job: should a step end while the
/// submission is still `queued` or `uploading` — another run of this job moved it meanwhile,
/// its lease having lapsed while this one worked, and that run's outcome was the one lost —
/// the job runs again shortly instead of finishing.
pub async fn run(state: &AppState, id: SubmissionId) -> Result<(), JobError> {
    let Some(s) = submissions::get(&state.db, id).await? else {
        return Ok(());
    };
    match s.state {
        State::Queued => upload(state, &s).await?,
        State::Uploading => reconcile(state, &s).await?,
        // Uploaded: its poll job was queued with the index. Ended: nothing to do.
        _ => return Ok(()),
    }
    match submissions::get(&state.db, id).await? {
        Some(after) if matches!(after.state, State::Queued | State::Uploading) => {
            Err(JobError::Later(state.now() + poll_delay(0)))
        }
        _ => Ok(()),
    }
}

/// Whether an error proves the request never reached ANAF's processing: then uploading again
/// cannot file the invoice twice. Timeouts, resets, 5xx and unreadable answers prove nothing.
fn certainly_not_stored(e: &anaf::Error) -> bool {
    match e {
        anaf::Error::Http { status, .. } => *status < 500 && *status != 408,
        anaf::Error::RateLimited { .. }
        | anaf::Error::Firewall { .. }
        | anaf::Error::Unauthorized { .. }
        | anaf::Error::LimitReached { .. }
        | anaf::Error::DocumentTooLarge { .. }
        | anaf::Error::InvalidRequest(_)
        | anaf::Error::InvalidBaseUrl { .. }
        | anaf::Error::Client(_) => true,
        _ => false,
    }
}

fn upload_request(s: &Submission) -> UploadRequest {
    let standard = if s.standard == "CN" {
        Standard::CreditNote
    } else {
        Standard::Ubl
    };
    let mut request = UploadRequest::new(standard, s.cif.parse().unwrap_or_default());
    request.foreign_buyer = s.foreign_buyer;
    request
}

async fn upload(state: &AppState, s: &Submission) -> Result<(), JobError> {
    let now = state.now();
    let environment = env_of(&s.environment);
    let token = match access_token(state, s.company_id, environment, now).await {
        Ok(token) => token,
        Err(problem) => return not_now(state, s, &problem.to_string(), now).await,
    };
    let mut tx = state.db.begin().await?;
    if !submissions::begin_upload(&mut tx, s.id, now).await? {
        return Ok(());
    }
    tx.commit().await?;
    tracing::info!(
        submission = %s.id,
        invoice = %s.invoice_id,
        environment = %s.environment,
        sandbox = state.sandbox.is_some(),
        "uploading to ANAF e-Factura"
    );
    // Out until this run has written what became of it.
    let _out = state.anaf.in_flight.send(s.id);
    let answer = state
        .anaf
        .client(environment)
        .upload(&token, &upload_request(s), s.xml.as_bytes())
        .await;
    let now = state.now();
    match answer {
        Ok(UploadOutcome::Accepted { index, .. }) => {
            outcome::uploaded(state, s, to_i64(index.0), now, now).await?;
            Ok(())
        }
        Ok(UploadOutcome::Refused {
            kind: RefusalKind::Quota,
            errors,
            ..
        }) => {
            let problem = errors.join("; ");
            let mut tx = state.db.begin().await?;
            submissions::requeue(&mut tx, s.id, &problem, now).await?;
            tx.commit().await?;
            Err(JobError::Later(super::quota::next_day(now)))
        }
        Ok(UploadOutcome::Refused { errors, .. }) => {
            let ending = Ending {
                errors: errors_of(&errors),
                ..Ending::default()
            };
            outcome::finish(
                state,
                s,
                State::Uploading,
                State::Failed,
                &ending,
                Verdict::Rejected,
                now,
            )
            .await?;
            Ok(())
        }
        Err(e) if certainly_not_stored(&e) => {
            let mut tx = state.db.begin().await?;
            submissions::requeue(&mut tx, s.id, &e.to_string(), now).await?;
            tx.commit().await?;
            if now - s.created_at >= state.anaf.policy.abandon_after
                && let Some(queued) = submissions::get(&state.db, s.id).await?
            {
                return not_now(state, &queued, &e.to_string(), now).await;
            }
            Err(JobError::Later(now + retry_delay(s.uploads)))
        }
        Err(e) => {
            // The upload may be at ANAF: from now on only reconciliation may decide.
            tracing::warn!(submission = %s.id, error = %e, "upload outcome unknown; reconciling");
            submissions::note(&state.db, s.id, Some(&e.to_string()), false, now).await?;
            Err(JobError::Later(now + poll_delay(0)))
        }
    }
}

/// The wait before upload attempt `uploads + 1` after a refusal that proves nothing was
/// stored (429, a firewall page, a bad token): 1 minute doubling, at most an hour.
fn retry_delay(uploads: i32) -> time::Duration {
    let doublings = u32::try_from(uploads.clamp(1, 7) - 1).unwrap_or(0);
    time::Duration::minutes(2i64.pow(doublings)).min(time::Duration::hours(1))
}

/// A queued submission that cannot be uploaded now (no usable token, a frozen instance) waits
/// and says why; after [`super::Policy::abandon_after`] it is given up and the invoice returns
/// to its earlier status with the reason, free to be submitted again — never stuck.
async fn not_now(
    state: &AppState,
    s: &Submission,
    problem: &str,
    now: time::OffsetDateTime,
) -> Result<(), JobError> {
    if now - s.created_at >= state.anaf.policy.abandon_after {
        let ending = Ending {
            error_message: Some(format!("Not submitted to ANAF: {problem}.")),
            ..Ending::default()
        };
        outcome::finish(
            state,
            s,
            State::Queued,
            State::Failed,
            &ending,
            Verdict::Abandoned,
            now,
        )
        .await?;
        return Ok(());
    }
    submissions::note(&state.db, s.id, Some(problem), false, now).await?;
    Err(JobError::Later(now + time::Duration::minutes(15)))
}

/// Looks for a lost upload in the sent box. Found: it is the submission's upload. Not found
/// for `reconcile_after`: it never reached ANAF (or was refused), and is uploaded again.
async fn reconcile(state: &AppState, s: &Submission) -> Result<(), JobError> {
    let now = state.now();
    let environment = env_of(&s.environment);
    let started = s.upload_started_at.unwrap_or(s.updated_at);
    let token = match access_token(state, s.company_id, environment, now).await {
        Ok(token) => token,
        Err(problem) => {
            // It may be at ANAF: wait for a token however long it takes.
            let problem = problem.to_string();
            submissions::note(&state.db, s.id, Some(&problem), false, now).await?;
            return Err(JobError::Later(now + time::Duration::minutes(15)));
        }
    };
    let mailbox = Mailbox {
        company: s.company_id,
        environment,
        cif: s.cif.parse().unwrap_or_default(),
    };
    // From a little before the upload started: ANAF's clock is not ours.
    let since = started - time::Duration::minutes(10);
    // An upload of this process out at any moment of the listing may be missing from it.
    let listing = std::time::Instant::now();
    let scanned = async {
        sentbox::list(
            state,
            mailbox,
            &token,
            since,
            Some(MessageFilter::Sent),
            now,
        )
        .await?;
        sentbox::download(state, mailbox, &token, &MessageKind::FacturaTrimisa, now).await?;
        Ok::<_, ScanError>(())
    }
    .await;
    if let Err(e) = scanned {
        let problem = format!("reconciling a lost upload: {e}");
        submissions::note(&state.db, s.id, Some(&problem), false, now).await?;
        return Err(JobError::Later(now + poll_delay(s.polls)));
    }
    let Some(invoice) = invoices::get(&state.db, s.company_id, s.invoice_id).await? else {
        return Ok(());
    };
    let found = efactura_messages::find_sent(
        &state.db,
        s.company_id,
        &s.environment,
        &s.sha256,
        &invoice.number,
        invoice.issue_date,
    )
    .await?;
    if let Some(found) = found
        && !submissions::index_taken(&state.db, s.company_id, &s.environment, found.upload_index)
            .await?
    {
        tracing::info!(submission = %s.id, index = found.upload_index, "lost upload found in the sent box");
        outcome::uploaded(state, s, found.upload_index, started, now).await?;
        return Ok(());
    }
    // A sent message ANAF lists but we could not download yet (refused, today's quota spent)
    // may be this upload: absence is not proven while one waits.
    let undownloaded =
        efactura_messages::to_download(&state.db, s.company_id, &s.environment, "FACTURA TRIMISA")
            .await?;
    // A request of this process may still land, or landed after the listing began: never
    // upload beside it.
    if now - started < state.anaf.policy.reconcile_after
        || !state.anaf.in_flight.quiet_since(s.id, listing)
        || !undownloaded.is_empty()
    {
        submissions::note(
            &state.db,
            s.id,
            Some("The upload's answer was lost; looking for it in the ANAF sent box."),
            true,
            now,
        )
        .await?;
        return Err(JobError::Later(now + poll_delay(s.polls)));
    }
    let problem = "The upload was not found in the ANAF sent box; uploading again.";
    let mut tx = state.db.begin().await?;
    let requeued = submissions::requeue(&mut tx, s.id, problem, now).await?;
    tx.commit().await?;
    if !requeued {
        return Ok(());
    }
    let Some(s) = submissions::get(&state.db, s.id).await? else {
        return Ok(());
    };
    upload(state, &s).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_refusals_before_processing_allow_a_new_upload() {
        let transport = anaf::Error::Transport {
            url: "u".into(),
            detail: "timed out".into(),
        };
        assert!(!certainly_not_stored(&transport));
        let gateway = anaf::Error::Http {
            status: 502,
            body_snippet: String::new(),
        };
        assert!(!certainly_not_stored(&gateway));
        assert!(!certainly_not_stored(&anaf::Error::Protocol(
            "garbled".into()
        )));
        assert!(certainly_not_stored(&anaf::Error::RateLimited {
            retry_after: None
        }));
        let bad = anaf::Error::Http {
            status: 400,
            body_snippet: String::new(),
        };
        assert!(certainly_not_stored(&bad));
    }
}
