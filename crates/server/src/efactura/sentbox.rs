//! Reading a company's SPV box into `efactura_messages`: every listed message recorded once,
//! the sent invoices downloaded once and fingerprinted (SHA-256, number, issue date), so
//! reconciliation can tell whether a lost upload reached ANAF; the sync downloads received
//! invoices the same way ([`fetch`]).

use anaf::efactura::archive;
use anaf::efactura::{Download, DownloadId, Environment, MessageFilter, MessageKind, PageRequest};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use super::env_name;
use super::quota::{self, Bucket};
use crate::ids::{CompanyId, EfacturaMessageId};
use crate::state::AppState;
use crate::store::efactura_messages::{self, AfterDownload, Downloaded, Seen};

/// Why a pass stopped early. Everything read before it is kept.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("the daily ANAF quota for {0} is spent")]
    Quota(&'static str),
    /// The pages held fewer messages than ANAF counted: one moved between pages, or a page
    /// counter is wrong (lessons.md #5). The window is listed again by the next pass.
    #[error("ANAF counted {total} messages but its pages held {seen}")]
    Incomplete {
        seen: u64,
        total: u64,
        /// Messages recorded for the first time before it gave up.
        new: usize,
    },
    #[error(transparent)]
    Anaf(#[from] anaf::Error),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The box a scan reads.
#[derive(Debug, Clone, Copy)]
pub struct Mailbox {
    pub company: CompanyId,
    pub environment: Environment,
    pub cif: u64,
}

/// The oldest instant ANAF lists (60 days back), with a margin.
const LIST_WINDOW: Duration = Duration::days(59);

/// What a listing did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Listed {
    /// Messages recorded for the first time.
    pub new: usize,
    /// Distinct messages on the pages, known ones included (one that moved to the next page
    /// is counted once).
    pub seen: u64,
    /// The interval listed: every message created in it is recorded.
    pub start: Option<OffsetDateTime>,
    pub end: Option<OffsetDateTime>,
}

/// The interval [`list`] asks for from `start`: ANAF lists 60 days back at most (with a
/// margin) and refuses an end in the future (a second's margin absorbs clock skew).
pub fn window(start: OffsetDateTime, now: OffsetDateTime) -> (OffsetDateTime, OffsetDateTime) {
    (start.max(now - LIST_WINDOW), now - Duration::seconds(1))
}

/// How often a listing whose pages shifted is read again at once before the pass gives up.
const RELISTS: usize = 2;

/// Lists every page of the messages created between `start` and `now` and records the new
/// ones. A listing whose pages shifted under it (a message appeared meanwhile) is read again
/// at once, twice at most; then it fails, and the window is listed by the next pass.
pub async fn list(
    state: &AppState,
    b: Mailbox,
    token: &str,
    start: OffsetDateTime,
    filter: Option<MessageFilter>,
    now: OffsetDateTime,
) -> Result<Listed, ScanError> {
    let mut new = 0;
    let mut attempt = 0;
    loop {
        match list_once(state, b, token, start, filter, now).await {
            Ok(mut listed) => {
                listed.new += new;
                return Ok(listed);
            }
            Err(ScanError::Incomplete {
                seen,
                total,
                new: recorded,
            }) if attempt < RELISTS => {
                tracing::debug!(seen, total, "the pages shifted while listed; listing again");
                new += recorded;
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// One pass over the pages. Messages are told apart by id, type and upload index: a message
/// that moved to the next page is counted once.
async fn list_once(
    state: &AppState,
    b: Mailbox,
    token: &str,
    start: OffsetDateTime,
    filter: Option<MessageFilter>,
    now: OffsetDateTime,
) -> Result<Listed, ScanError> {
    let env = env_name(b.environment);
    let (start, end) = window(start, now);
    if end <= start {
        return Ok(Listed::default());
    }
    let cif = b.cif.to_string();
    let mut listed = Listed {
        start: Some(start),
        end: Some(end),
        ..Listed::default()
    };
    let mut page = 1;
    let mut seen = std::collections::HashSet::new();
    loop {
        if !quota::take(state, b.environment, &[(Bucket::Page, &cif)], now).await? {
            return Err(ScanError::Quota("the message list"));
        }
        let request = PageRequest {
            cif: b.cif,
            start,
            end,
            page,
            filter,
        };
        let answer = state
            .anaf
            .client(b.environment)
            .messages_page(token, &request)
            .await?;
        let mut tx = state.db.begin().await?;
        for m in &answer.messages {
            let record = Seen {
                message_id: to_i64(m.id.0),
                upload_index: to_i64(m.upload_index.0),
                message_type: &m.tip,
                cif: &m.cif,
                details: &m.details,
                anaf_created_at: m.created_at(),
            };
            if efactura_messages::record_seen(&mut tx, b.company, env, &record, now).await? {
                listed.new += 1;
            }
        }
        tx.commit().await?;
        seen.extend(
            answer
                .messages
                .iter()
                .map(|m| (m.id.0, m.tip.clone(), m.upload_index.0)),
        );
        listed.seen = seen.len() as u64;
        if !answer.has_next() {
            // Page counters are not trusted alone: the pages must hold as many distinct
            // messages as ANAF counted. A message that appeared meanwhile shifts the pages:
            // one is seen twice and another missed.
            if listed.seen < answer.total_messages {
                return Err(ScanError::Incomplete {
                    seen: listed.seen,
                    total: answer.total_messages,
                    new: listed.new,
                });
            }
            return Ok(listed);
        }
        page += 1;
    }
}

/// Downloads the recorded messages of `kind` not downloaded yet; a message whose download
/// failed is marked and tried by the next pass. Returns how many were stored.
pub async fn download(
    state: &AppState,
    b: Mailbox,
    token: &str,
    kind: &MessageKind,
    now: OffsetDateTime,
) -> Result<usize, ScanError> {
    let env = env_name(b.environment);
    let tip = match kind {
        MessageKind::FacturaTrimisa => "FACTURA TRIMISA",
        MessageKind::FacturaPrimita => "FACTURA PRIMITA",
        MessageKind::EroriFactura => "ERORI FACTURA",
        MessageKind::MesajCumparator | MessageKind::Unknown(_) => return Ok(0),
    };
    let mut stored = 0;
    for m in efactura_messages::to_download(&state.db, b.company, env, tip).await? {
        if let Fetched::Archive(d) = fetch(state, b, token, m.id, m.message_id, now).await? {
            efactura_messages::store_download(&state.db, m.id, &d, AfterDownload::Processed, now)
                .await?;
            stored += 1;
        }
    }
    Ok(stored)
}

/// What one download gave.
#[derive(Debug, Clone)]
pub enum Fetched {
    Archive(Downloaded),
    /// ANAF refused (no rights, an unknown id, its quota) or answered what cannot be used; the
    /// message is marked `error` with the reason and tried again by a later pass.
    Refused(String),
    /// Today's downloads of the message are spent (ANAF allows 10); nothing was asked.
    QuotaSpent,
}

/// Downloads message `message_id` (stored as `id`) within its daily quota. A transient failure
/// marks the message and is returned as an error: ANAF is unwell, later messages can wait.
pub async fn fetch(
    state: &AppState,
    b: Mailbox,
    token: &str,
    id: EfacturaMessageId,
    message_id: i64,
    now: OffsetDateTime,
) -> Result<Fetched, ScanError> {
    let subject = message_id.to_string();
    if !quota::take(state, b.environment, &[(Bucket::Download, &subject)], now).await? {
        return Ok(Fetched::QuotaSpent);
    }
    let download = DownloadId(u64::try_from(message_id).unwrap_or_default());
    match state
        .anaf
        .client(b.environment)
        .download(token, download)
        .await
    {
        Ok(Download::Zip(bytes)) => Ok(Fetched::Archive(fingerprint(bytes))),
        Ok(Download::Refused { message, .. }) => {
            efactura_messages::mark_error(&state.db, id, &message, now).await?;
            Ok(Fetched::Refused(message))
        }
        Err(e) => {
            efactura_messages::mark_error(&state.db, id, &e.to_string(), now).await?;
            if e.is_transient() {
                return Err(e.into());
            }
            Ok(Fetched::Refused(e.to_string()))
        }
    }
}

/// The archive with the invoice it holds read out of it (nothing read from an unusable one:
/// it is kept as it came).
pub fn fingerprint(bytes: Vec<u8>) -> Downloaded {
    let mut d = Downloaded::default();
    if let Ok(opened) = archive::parse(&bytes)
        && let Some(invoice) = opened.invoice()
    {
        d.xml_sha256 = Some(hex::encode(Sha256::digest(&invoice.bytes)));
        if let Ok(read) = ubl::read(&invoice.bytes) {
            d.invoice_number = Some(read.invoice.number).filter(|n| !n.is_empty());
            d.invoice_issue_date = read.invoice.issue_date;
        }
    }
    d.archive = bytes;
    d
}

/// ANAF's ids are below 2⁶³ (ten digits today).
pub fn to_i64(id: u64) -> i64 {
    i64::try_from(id).unwrap_or(i64::MAX)
}
