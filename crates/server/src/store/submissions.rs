//! The e-Factura submission ledger (migration 0006): one row per attempt to file an invoice,
//! moved between states only by compare-and-set updates, so two processes (or a job whose lease
//! expired) never both act on one state.

use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, StoreError, Ts, Tx, is_unique_violation};
use crate::ids::{CompanyId, InvoiceId, SubmissionId, UserId};
use crate::{on_db, on_tx};

/// Where a submission stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Recorded; the upload job has not started.
    Queued,
    /// An upload request may have left: its outcome is not known yet.
    Uploading,
    /// ANAF gave an upload index; processing.
    Uploaded,
    /// Accepted (`ok`), or found filed before under `duplicate_of`.
    Ok,
    /// Rejected by ANAF's validation (`nok`).
    Nok,
    /// `XML cu erori nepreluat de sistem`: ANAF will never process it.
    NotTakenOver,
    /// Refused at upload, or given up before anything reached ANAF.
    Failed,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Queued => "queued",
            State::Uploading => "uploading",
            State::Uploaded => "uploaded",
            State::Ok => "ok",
            State::Nok => "nok",
            State::NotTakenOver => "not_taken_over",
            State::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> State {
        match s {
            "queued" => State::Queued,
            "uploading" => State::Uploading,
            "uploaded" => State::Uploaded,
            "ok" => State::Ok,
            "nok" => State::Nok,
            "not_taken_over" => State::NotTakenOver,
            _ => State::Failed,
        }
    }

    /// Whether the submission is still in flight.
    pub fn is_live(self) -> bool {
        matches!(self, State::Queued | State::Uploading | State::Uploaded)
    }

    /// api.md §27 `EInvoiceSubmissionStatus`.
    pub fn wire(self) -> &'static str {
        match self {
            State::Queued | State::Uploading => "pending",
            State::Uploaded => "submitted",
            State::Ok => "accepted",
            State::Nok | State::NotTakenOver => "rejected",
            State::Failed => "error",
        }
    }
}

/// One error of a rejection: the rule ANAF named (when it named one) and its message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectionError {
    pub rule_id: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Submission {
    pub id: SubmissionId,
    pub company_id: CompanyId,
    pub invoice_id: InvoiceId,
    /// `test` or `prod`.
    pub environment: String,
    pub cif: String,
    /// `UBL` or `CN`.
    pub standard: String,
    pub foreign_buyer: bool,
    pub xml: String,
    pub sha256: String,
    pub state: State,
    pub previous_status: String,
    pub upload_index: Option<i64>,
    pub download_id: Option<i64>,
    pub duplicate_of: Option<i64>,
    pub uploads: i32,
    pub upload_started_at: Option<OffsetDateTime>,
    pub uploaded_at: Option<OffsetDateTime>,
    pub polls: i32,
    pub errors: Vec<RejectionError>,
    pub error_message: Option<String>,
    pub last_problem: Option<String>,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub finished_at: Option<OffsetDateTime>,
}

impl Submission {
    /// The index the invoice is filed under: the original's when ANAF reported a duplicate.
    pub fn effective_index(&self) -> Option<i64> {
        self.duplicate_of.or(self.upload_index)
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: SubmissionId,
    company_id: CompanyId,
    invoice_id: InvoiceId,
    environment: String,
    cif: String,
    standard: String,
    foreign_buyer: bool,
    xml: String,
    sha256: String,
    state: String,
    previous_status: String,
    upload_index: Option<i64>,
    download_id: Option<i64>,
    duplicate_of: Option<i64>,
    uploads: i32,
    upload_started_at: Option<Ts>,
    uploaded_at: Option<Ts>,
    polls: i32,
    errors: Option<Json<Vec<RejectionError>>>,
    error_message: Option<String>,
    last_problem: Option<String>,
    created_by: Option<UserId>,
    created_at: Ts,
    updated_at: Ts,
    finished_at: Option<Ts>,
}

impl From<Row> for Submission {
    fn from(r: Row) -> Self {
        Submission {
            id: r.id,
            company_id: r.company_id,
            invoice_id: r.invoice_id,
            environment: r.environment,
            cif: r.cif,
            standard: r.standard,
            foreign_buyer: r.foreign_buyer,
            xml: r.xml,
            sha256: r.sha256,
            state: State::parse(&r.state),
            previous_status: r.previous_status,
            upload_index: r.upload_index,
            download_id: r.download_id,
            duplicate_of: r.duplicate_of,
            uploads: r.uploads,
            upload_started_at: r.upload_started_at.map(|t| t.0),
            uploaded_at: r.uploaded_at.map(|t| t.0),
            polls: r.polls,
            errors: r.errors.map(|e| e.0).unwrap_or_default(),
            error_message: r.error_message,
            last_problem: r.last_problem,
            created_by: r.created_by,
            created_at: r.created_at.0,
            updated_at: r.updated_at.0,
            finished_at: r.finished_at.map(|t| t.0),
        }
    }
}

macro_rules! submission_columns {
    () => {
        "SELECT id, company_id, invoice_id, environment, cif, standard, foreign_buyer, xml, sha256, \
         state, previous_status, upload_index, download_id, duplicate_of, uploads, upload_started_at, \
         uploaded_at, polls, errors, error_message, last_problem, created_by, created_at, updated_at, \
         finished_at FROM efactura_submissions"
    };
}

/// A submission about to be recorded (state `queued`).
#[derive(Debug, Clone)]
pub struct NewSubmission<'a> {
    pub id: SubmissionId,
    pub company_id: CompanyId,
    pub invoice_id: InvoiceId,
    pub environment: &'a str,
    pub cif: &'a str,
    pub standard: &'a str,
    pub foreign_buyer: bool,
    pub xml: &'a str,
    pub sha256: &'a str,
    pub previous_status: &'a str,
    pub created_by: Option<UserId>,
}

/// Records a queued submission. Refused with a conflict while another submission of the
/// invoice is in flight.
pub async fn insert(
    tx: &mut Tx,
    s: &NewSubmission<'_>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let done = on_tx!(tx, c => sqlx::query(
        "INSERT INTO efactura_submissions (id, company_id, invoice_id, environment, cif, standard, \
         foreign_buyer, xml, sha256, state, previous_status, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', $10, $11, $12, $12)",
    )
    .bind(s.id).bind(s.company_id).bind(s.invoice_id).bind(s.environment).bind(s.cif)
    .bind(s.standard).bind(s.foreign_buyer).bind(s.xml).bind(s.sha256).bind(s.previous_status)
    .bind(s.created_by).bind(Ts(now))
    .execute(c)
    .await
    .map(|_| ()));
    match done {
        Ok(()) => Ok(()),
        Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict(
            "The invoice is already being submitted to ANAF.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// One submission, by id alone (jobs carry only the id).
pub async fn get(db: &Db, id: SubmissionId) -> Result<Option<Submission>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(submission_columns!(), " WHERE id = $1"))
        .bind(id).fetch_optional(c).await)?;
    Ok(row.map(Submission::from))
}

/// An invoice's submissions, oldest first.
pub async fn list_for_invoice(
    db: &Db,
    company: CompanyId,
    invoice: InvoiceId,
) -> Result<Vec<Submission>, sqlx::Error> {
    let rows = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(submission_columns!(),
        " WHERE company_id = $1 AND invoice_id = $2 ORDER BY created_at, id"))
        .bind(company).bind(invoice).fetch_all(c).await)?;
    Ok(rows.into_iter().map(Submission::from).collect())
}

/// An invoice's latest submission.
pub async fn latest_for_invoice(
    db: &Db,
    company: CompanyId,
    invoice: InvoiceId,
) -> Result<Option<Submission>, sqlx::Error> {
    Ok(list_for_invoice(db, company, invoice).await?.pop())
}

/// The archive ANAF returned for a submission's outcome.
pub async fn archive(
    db: &Db,
    company: CompanyId,
    id: SubmissionId,
) -> Result<Option<Vec<u8>>, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar::<_, Option<Vec<u8>>>(
        "SELECT archive FROM efactura_submissions WHERE company_id = $1 AND id = $2",
    )
    .bind(company)
    .bind(id)
    .fetch_optional(c)
    .await)
    .map(Option::flatten)
}

/// queued → uploading, committed before the request leaves.
pub async fn begin_upload(
    tx: &mut Tx,
    id: SubmissionId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE efactura_submissions SET state = 'uploading', uploads = uploads + 1, \
         upload_started_at = $2, last_problem = NULL, updated_at = $2 WHERE id = $1 AND state = 'queued'",
    )
    .bind(id).bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// uploading → queued: the upload certainly did not reach ANAF, or reconciliation waited long
/// enough to know it was not stored.
pub async fn requeue(
    tx: &mut Tx,
    id: SubmissionId,
    problem: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE efactura_submissions SET state = 'queued', last_problem = $2, updated_at = $3 \
         WHERE id = $1 AND state = 'uploading'",
    )
    .bind(id).bind(problem).bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// uploading → uploaded with ANAF's index (from the upload's answer or found by
/// reconciliation).
pub async fn mark_uploaded(
    tx: &mut Tx,
    id: SubmissionId,
    index: i64,
    uploaded_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE efactura_submissions SET state = 'uploaded', upload_index = $2, uploaded_at = $3, \
         last_problem = NULL, updated_at = $4 WHERE id = $1 AND state = 'uploading'",
    )
    .bind(id).bind(index).bind(Ts(uploaded_at)).bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Notes a transient problem (and, for a status poll, counts it) without changing the state.
pub async fn note(
    db: &Db,
    id: SubmissionId,
    problem: Option<&str>,
    polled: bool,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE efactura_submissions SET last_problem = $2, polls = polls + $3, updated_at = $4 WHERE id = $1",
    )
    .bind(id).bind(problem).bind(i32::from(polled)).bind(Ts(now))
    .execute(c)
    .await
    .map(|_| ()))?;
    tx.commit().await
}

/// How a submission ended.
#[derive(Debug, Clone, Default)]
pub struct Ending {
    pub upload_index: Option<i64>,
    pub download_id: Option<i64>,
    pub duplicate_of: Option<i64>,
    pub errors: Vec<RejectionError>,
    pub error_message: Option<String>,
    pub archive: Option<Vec<u8>>,
}

/// `from` → a terminal state, with what ANAF said.
pub async fn finish(
    tx: &mut Tx,
    id: SubmissionId,
    from: State,
    to: State,
    ending: &Ending,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    debug_assert!(!to.is_live(), "finish moves to a terminal state");
    let errors = (!ending.errors.is_empty()).then_some(Json(&ending.errors));
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE efactura_submissions SET state = $3, upload_index = COALESCE($4, upload_index), \
         download_id = $5, duplicate_of = $6, errors = $7, error_message = $8, archive = $9, \
         last_problem = NULL, updated_at = $10, finished_at = $10, polls = polls + 1 \
         WHERE id = $1 AND state = $2",
    )
    .bind(id).bind(from.as_str()).bind(to.as_str()).bind(ending.upload_index)
    .bind(ending.download_id).bind(ending.duplicate_of).bind(errors)
    .bind(ending.error_message.as_deref()).bind(ending.archive.as_deref()).bind(Ts(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Whether one of the company's submissions already stands for `index`.
pub async fn index_taken(
    db: &Db,
    company: CompanyId,
    environment: &str,
    index: i64,
) -> Result<bool, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM efactura_submissions WHERE company_id = $1 AND environment = $2 \
         AND (upload_index = $3 OR duplicate_of = $3)",
    )
    .bind(company).bind(environment).bind(index)
    .fetch_one(c)
    .await)
    .map(|n| n > 0)
}
