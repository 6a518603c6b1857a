//! The ZIP that `descarcare` returns, opened under limits, its entries told apart by content.
//!
//! ANAF's ZIP normally holds two entries, `{index}.xml` and `semnatura_{index}.xml`: the
//! invoice exactly as uploaded (or, for a rejected upload, ANAF's error report) and ANAF's
//! detached XML signature over it. Clients in the wild also meet extra entries (PDFs, nested
//! ZIPs), so [`parse`] keeps every entry and classifies each by its root element, never by
//! its name alone; [`Archive::missing`] says what a complete archive would still need.
//!
//! The archive is untrusted input: the entry count, each entry's and the total unpacked size
//! and the compression ratio are bounded ([`Limits`]), entry names are labels only (never
//! paths), and XML goes through the hardened reader of [`ubl::xml`] (no DTD, bounded depth
//! and node count).

use serde::{Deserialize, Serialize};

use super::{Finding, UploadIndex};

mod classify;
mod read;

pub use read::{parse, parse_with};

/// Bounds on what [`parse`] accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most entries (directories included).
    pub max_entries: usize,
    /// Largest unpacked entry, in bytes.
    pub max_entry_bytes: u64,
    /// Largest unpacked total, in bytes.
    pub max_total_bytes: u64,
    /// Highest unpacked-to-packed ratio of an entry …
    pub max_ratio: u64,
    /// … checked for entries that unpack to more than this many bytes (tiny entries have
    /// meaningless ratios).
    pub ratio_threshold_bytes: u64,
}

impl Default for Limits {
    /// 32 entries, 10 MiB per entry (ANAF's upload limit), 50 MiB in all, ratio 200:1 above
    /// 1 MiB.
    fn default() -> Self {
        Limits {
            max_entries: 32,
            max_entry_bytes: 10 * 1024 * 1024,
            max_total_bytes: 50 * 1024 * 1024,
            max_ratio: 200,
            ratio_threshold_bytes: 1024 * 1024,
        }
    }
}

/// Why an archive was refused as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArchiveError {
    /// Not a ZIP, or its directory cannot be read.
    #[error("not a readable ZIP archive: {0}")]
    NotZip(String),
    /// More entries than [`Limits::max_entries`].
    #[error("the archive has {count} entries; at most {max} are accepted")]
    TooManyEntries {
        /// Entries in the archive.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// An entry unpacks to more than [`Limits::max_entry_bytes`].
    #[error("entry '{name}' unpacks to more than {max} bytes")]
    EntryTooLarge {
        /// The entry's name (a label, not a path).
        name: String,
        /// The limit.
        max: u64,
    },
    /// The entries unpack to more than [`Limits::max_total_bytes`] together.
    #[error("the archive unpacks to more than {max} bytes")]
    TooLarge {
        /// The limit.
        max: u64,
    },
    /// An entry is compressed beyond [`Limits::max_ratio`]: a ZIP bomb.
    #[error("entry '{name}' is compressed {ratio}:1; more than {max}:1 is refused as a ZIP bomb")]
    CompressionRatio {
        /// The entry's name (a label, not a path).
        name: String,
        /// Its unpacked-to-packed ratio.
        ratio: u64,
        /// The limit.
        max: u64,
    },
}

/// An opened archive: every entry, in the archive's order, classified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Archive {
    /// The entries other than directories.
    pub entries: Vec<Entry>,
}

/// One entry of the archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The entry's name as the archive gives it, control characters replaced and length
    /// capped. A label for people and logs: never use it as a file path.
    pub name: String,
    /// The unpacked bytes.
    pub bytes: Vec<u8>,
    /// What the entry holds.
    pub content: Content,
}

/// What an entry holds, judged by its root element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Content {
    /// An invoice: UBL `Invoice`, UBL `CreditNote` or CII `CrossIndustryInvoice`.
    Invoice(InvoiceSyntax),
    /// ANAF's error report for a rejected upload.
    ErrorReport(ErrorReport),
    /// An XML Signature (`Signature` in the XMLDSig namespace): ANAF's seal over the other
    /// document.
    Signature,
    /// Well-formed XML of another kind.
    OtherXml {
        /// The root element's local name.
        root: String,
        /// The root element's namespace, if any.
        namespace: Option<String>,
    },
    /// Bytes that are not XML at all (a PDF, a nested ZIP, text).
    Binary,
    /// Looks like XML but cannot be read safely: malformed, a DTD, not UTF-8, over the
    /// reader's limits; or the entry itself could not be unpacked (encrypted, an unsupported
    /// compression method, a checksum mismatch).
    Unreadable {
        /// Why, in words.
        reason: String,
    },
}

/// The syntax of an invoice entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvoiceSyntax {
    /// UBL 2.1 `Invoice`.
    UblInvoice,
    /// UBL 2.1 `CreditNote`.
    UblCreditNote,
    /// UN/CEFACT `CrossIndustryInvoice`.
    Cii,
}

/// ANAF's error report: root `header` in [`super::NS_ERROR_REPORT`], attributes
/// `Index_incarcare` and `Cif_emitent`, one `Error errorMessage="…"` per finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorReport {
    /// `Index_incarcare`: the rejected upload, when readable.
    pub upload_index: Option<UploadIndex>,
    /// `Cif_emitent`: the seller's CIF as ANAF wrote it.
    pub issuer_cif: Option<String>,
    /// Every `Error@errorMessage`, read, in order.
    pub findings: Vec<Finding>,
}

/// A part a complete archive has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    /// The invoice or the error report.
    Document,
    /// ANAF's signature.
    Signature,
}

impl Archive {
    /// The first invoice entry.
    pub fn invoice(&self) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| matches!(e.content, Content::Invoice(_)))
    }

    /// The first error report.
    pub fn error_report(&self) -> Option<&ErrorReport> {
        self.entries.iter().find_map(|e| match &e.content {
            Content::ErrorReport(report) => Some(report),
            _ => None,
        })
    }

    /// The signed document: the first invoice, else the first error report.
    pub fn document(&self) -> Option<&Entry> {
        self.invoice().or_else(|| {
            self.entries
                .iter()
                .find(|e| matches!(e.content, Content::ErrorReport(_)))
        })
    }

    /// The first signature entry.
    pub fn signature(&self) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| matches!(e.content, Content::Signature))
    }

    /// The entries that are neither the document nor the signature (extras, unreadable ones,
    /// and repeated documents or signatures).
    pub fn extras(&self) -> Vec<&Entry> {
        let chosen = [self.document(), self.signature()];
        self.entries
            .iter()
            .filter(|e| !chosen.iter().flatten().any(|c| std::ptr::eq(*c, *e)))
            .collect()
    }

    /// What a complete archive would still need: the document (an invoice or an error
    /// report) and the signature.
    pub fn missing(&self) -> Vec<Part> {
        let mut missing = Vec::new();
        if self.document().is_none() {
            missing.push(Part::Document);
        }
        if self.signature().is_none() {
            missing.push(Part::Signature);
        }
        missing
    }
}
