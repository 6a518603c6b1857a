//! The status job (`poll_submission`): asks `stareMesaj` about an uploaded submission on a
//! widening schedule, within the daily quotas, until it ends; then downloads the signed invoice
//! or the error report once and keeps it.

use anaf::efactura::archive;
use anaf::efactura::{Download, DownloadId, Environment, RefusalKind, UploadIndex, UploadStatus};
use time::OffsetDateTime;

use super::outcome::{self, Verdict};
use super::quota::{self, Bucket};
use super::sentbox::to_i64;
use super::tokens::access_token;
use super::{env_of, poll_delay};
use crate::ids::SubmissionId;
use crate::jobs::runner::JobError;
use crate::state::AppState;
use crate::store::submissions::{self, Ending, RejectionError, State, Submission};

/// What the invoice shows when ANAF will not process the XML at all.
pub const NOT_TAKEN_OVER: &str =
    "ANAF did not take the XML over for processing (XML cu erori nepreluat de sistem).";

pub async fn run(state: &AppState, id: SubmissionId) -> Result<(), JobError> {
    step(state, id).await?;
    // An uploaded submission keeps its poll job until it ends, whatever a concurrent run of the
    // job (a lapsed lease) did meanwhile.
    match submissions::get(&state.db, id).await? {
        Some(after) if after.state == State::Uploaded => {
            Err(JobError::Later(state.now() + poll_delay(after.polls)))
        }
        _ => Ok(()),
    }
}

async fn step(state: &AppState, id: SubmissionId) -> Result<(), JobError> {
    let Some(s) = submissions::get(&state.db, id).await? else {
        return Ok(());
    };
    let (State::Uploaded, Some(index)) = (s.state, s.upload_index) else {
        return Ok(());
    };
    let now = state.now();
    let environment = env_of(&s.environment);
    let token = match access_token(state, s.company_id, environment, now).await {
        Ok(token) => token,
        Err(problem) => {
            return wait(state, &s, &problem.to_string(), now + poll_delay(s.polls)).await;
        }
    };
    let Some(status) = ask(state, &s, environment, &token, index, now).await? else {
        return Ok(());
    };
    let now = state.now();
    match status {
        UploadStatus::InProgress => {
            submissions::note(&state.db, s.id, None, true, now).await?;
            Err(JobError::Later(now + poll_delay(s.polls + 1)))
        }
        UploadStatus::Ok { download_id } => {
            let archive = fetch(state, environment, &token, download_id, now).await;
            let ending = Ending {
                download_id: Some(to_i64(download_id.0)),
                archive,
                ..Ending::default()
            };
            end(state, &s, State::Ok, &ending, Verdict::Accepted, now).await
        }
        UploadStatus::Nok { download_id } => {
            let Some(zip) = fetch(state, environment, &token, download_id, now).await else {
                // The errors are what the user needs: ask again later for the report.
                return wait(
                    state,
                    &s,
                    "The error report could not be downloaded yet.",
                    now + poll_delay(s.polls),
                )
                .await;
            };
            let findings = archive::parse(&zip)
                .ok()
                .and_then(|a| a.error_report().map(|r| r.findings.clone()))
                .unwrap_or_default();
            if let Some(original) = findings.iter().find_map(|f| f.duplicate) {
                return linked(state, &s, environment, &token, original.index, now).await;
            }
            let errors: Vec<RejectionError> = findings
                .into_iter()
                .map(|f| RejectionError {
                    rule_id: f.rule_id,
                    message: f.message,
                })
                .collect();
            let ending = Ending {
                download_id: Some(to_i64(download_id.0)),
                error_message: errors.is_empty().then(|| {
                    "ANAF rejected the invoice; its error report could not be read.".to_owned()
                }),
                errors,
                archive: Some(zip),
                ..Ending::default()
            };
            end(state, &s, State::Nok, &ending, Verdict::Rejected, now).await
        }
        UploadStatus::NotTakenOver => {
            let ending = Ending {
                error_message: Some(NOT_TAKEN_OVER.to_owned()),
                ..Ending::default()
            };
            end(
                state,
                &s,
                State::NotTakenOver,
                &ending,
                Verdict::Rejected,
                now,
            )
            .await
        }
        UploadStatus::Refused { kind, errors } => {
            let problem = errors.join("; ");
            let at = if kind == RefusalKind::Quota {
                quota::next_day(now)
            } else {
                now + poll_delay(s.polls)
            };
            if !kind.is_retryable() {
                // An answer a retry cannot change soon (rights, an unknown index): ask less
                // often, but keep asking — a submission is never left without its poll.
                submissions::note(&state.db, s.id, Some(&problem), true, now).await?;
            }
            wait(state, &s, &problem, at).await
        }
    }
}

/// Asks `stareMesaj` within the quotas. `None` when the job should stop here (it was
/// rescheduled, or the quota is spent until tomorrow).
async fn ask(
    state: &AppState,
    s: &Submission,
    environment: Environment,
    token: &str,
    index: i64,
    now: OffsetDateTime,
) -> Result<Option<UploadStatus>, JobError> {
    let subject = index.to_string();
    let calls = [
        (Bucket::StatusPerIndex, subject.as_str()),
        (Bucket::StatusPerCif, s.cif.as_str()),
    ];
    if !quota::take(state, environment, &calls, now).await? {
        let problem = "Today's ANAF status-query quota is spent; asking again tomorrow.";
        return wait(state, s, problem, quota::next_day(now))
            .await
            .map(|()| None);
    }
    let index = UploadIndex(u64::try_from(index).unwrap_or_default());
    match state.anaf.client(environment).status(token, index).await {
        Ok(status) => Ok(Some(status)),
        Err(e) if e.is_transient() => {
            // A failed call does not widen the schedule.
            wait(state, s, &e.to_string(), now + poll_delay(s.polls))
                .await
                .map(|()| None)
        }
        Err(e) => {
            submissions::note(&state.db, s.id, Some(&e.to_string()), true, now).await?;
            wait(state, s, &e.to_string(), now + poll_delay(s.polls + 1))
                .await
                .map(|()| None)
        }
    }
}

/// Notes why the submission waits and has the job run again at `at`.
async fn wait(
    state: &AppState,
    s: &Submission,
    problem: &str,
    at: OffsetDateTime,
) -> Result<(), JobError> {
    submissions::note(&state.db, s.id, Some(problem), false, state.now()).await?;
    Err(JobError::Later(at))
}

async fn end(
    state: &AppState,
    s: &Submission,
    to: State,
    ending: &Ending,
    verdict: Verdict,
    now: OffsetDateTime,
) -> Result<(), JobError> {
    outcome::finish(state, s, State::Uploaded, to, ending, verdict, now).await?;
    Ok(())
}

/// Downloads a message's ZIP within its quota; `None` when it cannot be had now.
async fn fetch(
    state: &AppState,
    environment: Environment,
    token: &str,
    id: DownloadId,
    now: OffsetDateTime,
) -> Option<Vec<u8>> {
    let subject = id.to_string();
    match quota::take(state, environment, &[(Bucket::Download, &subject)], now).await {
        Ok(true) => {}
        _ => return None,
    }
    match state.anaf.client(environment).download(token, id).await {
        Ok(Download::Zip(bytes)) => Some(bytes),
        Ok(Download::Refused { message, .. }) => {
            tracing::warn!(%id, message, "ANAF refused a download");
            None
        }
        Err(e) => {
            tracing::warn!(%id, error = %e, "downloading from ANAF failed");
            None
        }
    }
}

/// ANAF says the invoice was filed before under `original`: the submission stands for that
/// upload once it is known to be accepted (never a second filing).
async fn linked(
    state: &AppState,
    s: &Submission,
    environment: Environment,
    token: &str,
    original: UploadIndex,
    now: OffsetDateTime,
) -> Result<(), JobError> {
    let original_index = to_i64(original.0);
    let Some(status) = ask(state, s, environment, token, original_index, now).await? else {
        return Ok(());
    };
    match status {
        UploadStatus::Ok { download_id } => {
            let archive = fetch(state, environment, token, download_id, now).await;
            let ending = Ending {
                download_id: Some(to_i64(download_id.0)),
                duplicate_of: Some(original_index),
                archive,
                ..Ending::default()
            };
            tracing::info!(submission = %s.id, original = original_index, "ANAF had the invoice already; linked");
            end(state, s, State::Ok, &ending, Verdict::Accepted, now).await
        }
        UploadStatus::InProgress => wait(
            state,
            s,
            &format!(
                "ANAF reports the invoice as filed under index {original_index}, still processing."
            ),
            now + poll_delay(s.polls),
        )
        .await,
        other => {
            let ending = Ending {
                duplicate_of: Some(original_index),
                error_message: Some(format!(
                    "ANAF reports the invoice as filed before under index {original_index}, which it did not accept ({other:?})."
                )),
                ..Ending::default()
            };
            end(state, s, State::Nok, &ending, Verdict::Rejected, now).await
        }
    }
}
