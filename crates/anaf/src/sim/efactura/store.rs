//! What one environment holds: uploads, messages in per-CIF boxes, quota counters.

use std::collections::HashMap;
use std::sync::Arc;

use time::{Date, OffsetDateTime};

use super::seed::SeededInvoice;
use crate::efactura::Standard;

/// The `standard` query value of an upload, read.
pub(crate) fn parse_standard(value: &str) -> Option<Standard> {
    match value {
        "UBL" => Some(Standard::Ubl),
        "CN" => Some(Standard::CreditNote),
        "CII" => Some(Standard::Cii),
        "RASP" => Some(Standard::Rasp),
        _ => None,
    }
}

/// The optional `=DA` flags of an upload.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    pub(crate) external: bool,
    pub(crate) self_billed: bool,
    pub(crate) enforcement: bool,
    /// Uploaded through `uploadb2c`.
    pub(crate) b2c: bool,
}

/// The uploaded bytes, or the recipe of a seeded invoice (rendered when downloaded).
#[derive(Debug, Clone)]
pub(crate) enum Body {
    Stored(Arc<[u8]>),
    Seeded(Box<SeededInvoice>),
    /// A whole ZIP, served as it is ([`EfacturaSim::deliver_archive`](super::EfacturaSim)):
    /// hostile or odd archives for the tests of their readers.
    Archive(Arc<[u8]>),
}

/// Where an upload stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Pending,
    /// Accepted; the id of the uploader-side message (`FACTURA TRIMISA`, or the self-billing
    /// buyer's `FACTURA PRIMITA`).
    Ok(u64),
    /// Refused; the id of the `ERORI FACTURA` message.
    Nok(u64),
    /// `XML cu erori nepreluat de sistem`.
    NotTakenOver,
}

/// An end of processing a fault rule imposes on an upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Forced {
    /// None: the document decides.
    #[default]
    Nothing,
    /// `XML cu erori nepreluat de sistem`, no message.
    NotTakenOver,
    /// `nok` with the duplicate error, whatever the document.
    Duplicate,
}

/// What processing learnt from the document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parties {
    pub(crate) seller: Option<u64>,
    pub(crate) buyer: Option<u64>,
    pub(crate) number: String,
    pub(crate) issue_date: Option<Date>,
    /// RASP: the upload the message answers.
    pub(crate) answers: Option<u64>,
}

/// One upload.
#[derive(Debug, Clone)]
pub(crate) struct Upload {
    pub(crate) index: u64,
    /// The `cif` parameter.
    pub(crate) cif: u64,
    pub(crate) standard: Standard,
    pub(crate) flags: Flags,
    pub(crate) body: Body,
    pub(crate) received: OffsetDateTime,
    /// When processing ends.
    pub(crate) ready: OffsetDateTime,
    /// What a fault rule decided for its processing.
    pub(crate) forced: Forced,
    pub(crate) outcome: Outcome,
    pub(crate) parties: Parties,
    /// The `Error errorMessage`s of a refused upload.
    pub(crate) errors: Vec<String>,
}

/// A message type (`tip`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Tip {
    Sent,
    Received,
    Errors,
    BuyerMessageReceived,
    BuyerMessageSent,
    /// A type ANAF does not document (yet): clients must list it and carry on.
    Unknown,
}

impl Tip {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Tip::Sent => "FACTURA TRIMISA",
            Tip::Received => "FACTURA PRIMITA",
            Tip::Errors => "ERORI FACTURA",
            Tip::BuyerMessageReceived => "MESAJ CUMPARATOR PRIMIT",
            Tip::BuyerMessageSent => "MESAJ CUMPARATOR TRANSMIS",
            Tip::Unknown => "NOTIFICARE SPV",
        }
    }

    /// The `filtru` letter that selects this type.
    pub(crate) fn filter_letter(self) -> char {
        match self {
            Tip::Sent => 'T',
            Tip::Received => 'P',
            Tip::Errors => 'E',
            Tip::BuyerMessageReceived | Tip::BuyerMessageSent => 'R',
            Tip::Unknown => 'X',
        }
    }
}

/// One message in one CIF's box.
#[derive(Debug, Clone)]
pub(crate) struct Message {
    pub(crate) id: u64,
    /// The box owner.
    pub(crate) cif: u64,
    pub(crate) tip: Tip,
    /// `id_solicitare`: the upload index.
    pub(crate) index: u64,
    pub(crate) details: String,
    pub(crate) created: OffsetDateTime,
}

/// One CIF's messages, as positions in [`EnvState::messages`], sorted by `(created, id)`
/// when `sorted`.
#[derive(Debug, Default)]
struct MessageBox {
    entries: Vec<usize>,
    sorted: bool,
}

/// The daily counters' buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum QuotaKind {
    Status,
    List,
    PagedList,
    Download,
    Rasp,
}

/// One environment's data.
#[derive(Debug)]
pub(crate) struct EnvState {
    first_index: u64,
    next_message_id: u64,
    uploads: Vec<Upload>,
    /// Uploads waiting to finish, by `(ready, index)`.
    pending: std::collections::BTreeSet<(OffsetDateTime, u64)>,
    messages: Vec<Message>,
    by_id: HashMap<u64, Vec<usize>>,
    boxes: HashMap<u64, MessageBox>,
    quotas: HashMap<(QuotaKind, u64, Date), u32>,
    /// Accepted invoices by duplicate key: the first index and its upload time.
    pub(crate) accepted: HashMap<String, (u64, OffsetDateTime)>,
}

impl EnvState {
    pub(crate) fn new(first_index: u64, first_message_id: u64) -> Self {
        EnvState {
            first_index,
            next_message_id: first_message_id,
            uploads: Vec::new(),
            pending: std::collections::BTreeSet::new(),
            messages: Vec::new(),
            by_id: HashMap::new(),
            boxes: HashMap::new(),
            quotas: HashMap::new(),
            accepted: HashMap::new(),
        }
    }

    /// The index the next upload gets.
    pub(crate) fn next_index(&self) -> u64 {
        self.first_index + self.uploads.len() as u64
    }

    /// Stores `upload` (whose index must be [`EnvState::next_index`]); pending ones are
    /// queued for processing.
    pub(crate) fn push_upload(&mut self, upload: Upload) {
        debug_assert_eq!(upload.index, self.next_index());
        if upload.outcome == Outcome::Pending {
            self.pending.insert((upload.ready, upload.index));
        }
        self.uploads.push(upload);
    }

    pub(crate) fn upload(&self, index: u64) -> Option<&Upload> {
        let at = usize::try_from(index.checked_sub(self.first_index)?).ok()?;
        self.uploads.get(at)
    }

    pub(crate) fn upload_mut(&mut self, index: u64) -> Option<&mut Upload> {
        let at = usize::try_from(index.checked_sub(self.first_index)?).ok()?;
        self.uploads.get_mut(at)
    }

    /// Takes the next upload due by `now`, in `(ready, index)` order.
    pub(crate) fn take_due(&mut self, now: OffsetDateTime) -> Option<u64> {
        let first = *self.pending.first()?;
        if first.0 > now {
            return None;
        }
        self.pending.pop_first();
        Some(first.1)
    }

    /// A fresh message id.
    pub(crate) fn allocate_message_id(&mut self) -> u64 {
        let id = self.next_message_id;
        self.next_message_id += 1;
        id
    }

    /// Puts `message` in its owner's box.
    pub(crate) fn push_message(&mut self, message: Message) {
        let at = self.messages.len();
        self.by_id.entry(message.id).or_default().push(at);
        let mailbox = self.boxes.entry(message.cif).or_default();
        let in_order = mailbox.entries.last().is_none_or(|&last| {
            let prev = &self.messages[last];
            (prev.created, prev.id) <= (message.created, message.id)
        });
        mailbox.sorted = (mailbox.sorted || mailbox.entries.is_empty()) && in_order;
        mailbox.entries.push(at);
        self.messages.push(message);
    }

    /// The messages listed under `id` (one, or two when buyer and seller share ids).
    pub(crate) fn messages_with_id(&self, id: u64) -> impl Iterator<Item = &Message> {
        self.by_id
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&at| &self.messages[at])
    }

    /// `cif`'s messages created in `[from, to]`, newest first, keeping those `keep` accepts.
    pub(crate) fn messages_between(
        &mut self,
        cif: u64,
        from: OffsetDateTime,
        to: OffsetDateTime,
        keep: impl Fn(&Message) -> bool,
    ) -> Vec<&Message> {
        let messages = &self.messages;
        let Some(mailbox) = self.boxes.get_mut(&cif) else {
            return Vec::new();
        };
        if !mailbox.sorted {
            mailbox
                .entries
                .sort_by_key(|&at| (messages[at].created, messages[at].id));
            mailbox.sorted = true;
        }
        let entries = &mailbox.entries;
        let start = entries.partition_point(|&at| messages[at].created < from);
        let end = entries.partition_point(|&at| messages[at].created <= to);
        entries[start..end.max(start)]
            .iter()
            .rev()
            .map(|&at| &messages[at])
            .filter(|m| keep(m))
            .collect()
    }

    /// How many messages `cif`'s box holds, however old.
    pub(crate) fn box_len(&self, cif: u64) -> usize {
        self.boxes.get(&cif).map_or(0, |b| b.entries.len())
    }

    /// Charges one call to a daily quota; `false` (nothing charged) when `limit` calls were
    /// made already on `day`.
    pub(crate) fn charge(&mut self, kind: QuotaKind, key: u64, day: Date, limit: u32) -> bool {
        let used = self.quotas.entry((kind, key, day)).or_insert(0);
        if *used >= limit {
            return false;
        }
        *used += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::datetime;

    fn message(id: u64, cif: u64, created: OffsetDateTime) -> Message {
        Message {
            id,
            cif,
            tip: Tip::Sent,
            index: 1,
            details: String::new(),
            created,
        }
    }

    #[test]
    fn boxes_list_a_window_newest_first_even_when_filled_out_of_order() {
        let mut env = EnvState::new(5_000_000_000, 4_000_000_000);
        let t0 = datetime!(2025-03-01 10:00 UTC);
        for (id, minutes) in [(1, 5), (2, 1), (3, 9), (4, 3)] {
            env.push_message(message(id, 7, t0 + time::Duration::minutes(minutes)));
        }
        env.push_message(message(9, 8, t0));
        let ids = |env: &mut EnvState, from, to| {
            env.messages_between(7, from, to, |_| true)
                .iter()
                .map(|m| m.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&mut env, t0, t0 + time::Duration::hours(1)),
            [3, 1, 4, 2]
        );
        assert_eq!(
            ids(
                &mut env,
                t0 + time::Duration::minutes(3),
                t0 + time::Duration::minutes(5)
            ),
            [1, 4]
        );
        assert_eq!(env.box_len(8), 1);
        assert_eq!(env.messages_with_id(9).count(), 1);
    }

    #[test]
    fn quotas_refuse_past_the_limit_and_reset_the_next_day() {
        let mut env = EnvState::new(1, 1);
        let day = time::macros::date!(2025 - 03 - 01);
        assert!(env.charge(QuotaKind::Download, 5, day, 2));
        assert!(env.charge(QuotaKind::Download, 5, day, 2));
        assert!(!env.charge(QuotaKind::Download, 5, day, 2));
        assert!(env.charge(QuotaKind::Download, 6, day, 2), "per key");
        assert!(env.charge(QuotaKind::Download, 5, day.next_day().unwrap(), 2));
    }
}
