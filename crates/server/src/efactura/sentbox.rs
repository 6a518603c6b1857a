//! Reading a company's SPV box into `efactura_messages`: every listed message recorded once,
//! the sent invoices downloaded once and fingerprinted (SHA-256, number, issue date), so
//! reconciliation can tell whether a lost upload reached ANAF.

use anaf::efactura::archive;
use anaf::efactura::{Download, DownloadId, Environment, MessageFilter, MessageKind, PageRequest};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use super::env_name;
use super::quota::{self, Bucket};
use crate::ids::CompanyId;
use crate::state::AppState;
use crate::store::efactura_messages::{self, Downloaded, Seen};

/// Why a pass stopped early. Everything read before it is kept.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("the daily ANAF quota for {0} is spent")]
    Quota(&'static str),
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

/// Lists every page of the messages created between `start` and `now` and records the new
/// ones; returns how many were new.
pub async fn list(
    state: &AppState,
    b: Mailbox,
    token: &str,
    start: OffsetDateTime,
    filter: Option<MessageFilter>,
    now: OffsetDateTime,
) -> Result<usize, ScanError> {
    let env = env_name(b.environment);
    let start = start.max(now - LIST_WINDOW);
    // ANAF refuses an interval that ends in the future; a second's margin absorbs clock skew.
    let end = now - Duration::seconds(1);
    if end <= start {
        return Ok(0);
    }
    let cif = b.cif.to_string();
    let mut new = 0;
    let mut page = 1;
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
            let seen = Seen {
                message_id: to_i64(m.id.0),
                upload_index: to_i64(m.upload_index.0),
                message_type: &m.tip,
                cif: &m.cif,
                details: &m.details,
                anaf_created_at: m.created_at(),
            };
            if efactura_messages::record_seen(&mut tx, b.company, env, &seen, now).await? {
                new += 1;
            }
        }
        tx.commit().await?;
        if !answer.has_next() {
            return Ok(new);
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
        let id = m.message_id.to_string();
        if !quota::take(state, b.environment, &[(Bucket::Download, &id)], now).await? {
            continue;
        }
        let id = DownloadId(u64::try_from(m.message_id).unwrap_or_default());
        let answer = state.anaf.client(b.environment).download(token, id).await;
        match answer {
            Ok(Download::Zip(bytes)) => {
                let d = fingerprint(bytes);
                efactura_messages::store_download(&state.db, m.id, &d, now).await?;
                stored += 1;
            }
            Ok(Download::Refused { message, .. }) => {
                efactura_messages::mark_error(&state.db, m.id, &message, now).await?;
            }
            Err(e) => {
                efactura_messages::mark_error(&state.db, m.id, &e.to_string(), now).await?;
                if e.is_transient() {
                    return Err(e.into());
                }
            }
        }
    }
    Ok(stored)
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
