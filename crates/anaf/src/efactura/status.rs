//! The XML answers of `upload` and `stareMesaj`: a `header` with attributes and, on error,
//! `Errors errorMessage="…"` children.

use roxmltree::Node;
use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;

use super::{DownloadId, RefusalKind, UploadIndex, parse_timestamp};
use crate::Error;

/// What ANAF did with an upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum UploadOutcome {
    /// Taken over for processing (`ExecutionStatus="0"`); poll [`UploadStatus`] with `index`.
    Accepted {
        /// The upload's index (`index_incarcare`).
        index: UploadIndex,
        /// When ANAF answered (`dateResponse`, Romanian local time), if it said so readably.
        response_time: Option<PrimitiveDateTime>,
    },
    /// Refused synchronously (`ExecutionStatus="1"`): bad parameters, no SPV rights, a
    /// document that is not well-formed or not valid against the schema, a quota.
    Refused {
        /// The kind of refusal, from the messages; [`RefusalKind::Quota`] for quotas.
        kind: RefusalKind,
        /// Every `Errors@errorMessage`, verbatim, in ANAF's order.
        errors: Vec<String>,
        /// When ANAF answered (`dateResponse`), if it said so readably.
        response_time: Option<PrimitiveDateTime>,
    },
}

/// Where an upload stands (`stareMesaj`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum UploadStatus {
    /// `stare="in prelucrare"`: still being processed; ask again later.
    InProgress,
    /// `stare="ok"`: accepted. `download_id` downloads the signed invoice.
    Ok {
        /// `id_descarcare`: the id of the seller's FACTURA TRIMISA message.
        download_id: DownloadId,
    },
    /// `stare="nok"`: rejected by validation. `download_id` downloads the error report.
    Nok {
        /// `id_descarcare`: the id of the ERORI FACTURA message.
        download_id: DownloadId,
    },
    /// `stare="XML cu erori nepreluat de sistem"`: not taken over at all; nothing to
    /// download. Terminal: the upload will never be processed.
    NotTakenOver,
    /// No `stare`, only `Errors`: ANAF refused the question (no rights, an unknown index,
    /// a bad index, the daily quota for this index).
    Refused {
        /// The kind of refusal, from the messages.
        kind: RefusalKind,
        /// Every `Errors@errorMessage`, verbatim.
        errors: Vec<String>,
    },
}

impl UploadStatus {
    /// Whether asking again can change the answer: true for [`UploadStatus::InProgress`] and
    /// for retryable refusals (quota, technical error).
    pub fn is_pending(&self) -> bool {
        match self {
            UploadStatus::InProgress => true,
            UploadStatus::Refused { kind, .. } => kind.is_retryable(),
            UploadStatus::Ok { .. } | UploadStatus::Nok { .. } | UploadStatus::NotTakenOver => {
                false
            }
        }
    }
}

/// Limits for ANAF's short XML answers.
const LIMITS: ubl::xml::Limits = ubl::xml::Limits {
    max_bytes: 1024 * 1024,
    max_depth: 16,
    max_nodes: 100_000,
};

/// Parses an upload answer.
pub(crate) fn parse_upload(body: &[u8]) -> Result<UploadOutcome, Error> {
    with_header(body, "upload", |header| {
        let errors = error_messages(header);
        let response_time = header
            .attribute("dateResponse")
            .and_then(|t| parse_timestamp(t).ok());
        let status = header.attribute("ExecutionStatus").map(str::trim);
        let index = header.attribute("index_incarcare");
        match (status, index, errors.is_empty()) {
            (Some("0") | None, Some(index), true) => Ok(UploadOutcome::Accepted {
                index: index.parse()?,
                response_time,
            }),
            (Some("1"), _, _) | (None, None, false) => Ok(UploadOutcome::Refused {
                kind: RefusalKind::of_all(&errors),
                errors,
                response_time,
            }),
            _ => Err(Error::Protocol(format!(
                "upload answer with ExecutionStatus={status:?}, index_incarcare={index:?} and \
                 {} error(s) cannot be read",
                errors.len()
            ))),
        }
    })
}

/// Parses a status answer.
pub(crate) fn parse_status(body: &[u8]) -> Result<UploadStatus, Error> {
    with_header(body, "status", |header| {
        let errors = error_messages(header);
        let download_id = || -> Result<DownloadId, Error> {
            header
                .attribute("id_descarcare")
                .ok_or_else(|| Error::Protocol("status answer without id_descarcare".to_owned()))?
                .parse()
        };
        match header.attribute("stare").map(str::trim) {
            Some("ok") => Ok(UploadStatus::Ok {
                download_id: download_id()?,
            }),
            Some("nok") => Ok(UploadStatus::Nok {
                download_id: download_id()?,
            }),
            Some("in prelucrare") => Ok(UploadStatus::InProgress),
            Some(stare) if stare.starts_with("XML cu erori nepreluat") => {
                Ok(UploadStatus::NotTakenOver)
            }
            None if !errors.is_empty() => Ok(UploadStatus::Refused {
                kind: RefusalKind::of_all(&errors),
                errors,
            }),
            // An unknown state is never read as "pending": that hides stuck uploads.
            other => Err(Error::Protocol(format!(
                "status answer with stare={other:?} and {} error(s) cannot be read",
                errors.len()
            ))),
        }
    })
}

/// Parses `body` with the hardened reader and hands its `header` root to `read`.
fn with_header<T>(
    body: &[u8],
    what: &str,
    read: impl FnOnce(Node<'_, '_>) -> Result<T, Error>,
) -> Result<T, Error> {
    let doc = ubl::xml::read(body, &LIMITS).map_err(|e| {
        Error::Protocol(format!(
            "the {what} answer is not readable XML ({e}): {}",
            crate::snippet(body, crate::transport::SNIPPET_CHARS)
        ))
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "header" {
        return Err(Error::Protocol(format!(
            "the {what} answer's root is <{}>, not <header>",
            root.tag_name().name()
        )));
    }
    read(root)
}

/// Every `Errors@errorMessage` (ANAF's spelling; `Error` accepted too), in order.
pub(crate) fn error_messages(header: Node<'_, '_>) -> Vec<String> {
    header
        .children()
        .filter(|n| n.is_element() && matches!(n.tag_name().name(), "Errors" | "Error"))
        .filter_map(|n| n.attribute("errorMessage"))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn upload_answers_without_execution_status_are_read_by_what_they_hold() {
        let accepted = parse_upload(br#"<header index_incarcare="5001120362"/>"#).unwrap();
        assert_eq!(
            accepted,
            UploadOutcome::Accepted {
                index: UploadIndex(5_001_120_362),
                response_time: None
            }
        );
        let refused = parse_upload(br#"<header><Errors errorMessage="x"/></header>"#).unwrap();
        assert!(matches!(refused, UploadOutcome::Refused { errors, .. } if errors == ["x"]));
        let err = parse_upload(br#"<header ExecutionStatus="0"/>"#).unwrap_err();
        assert!(matches!(err, Error::Protocol(_)), "{err:?}");
        let err =
            parse_upload(br#"<header ExecutionStatus="0" index_incarcare="x"/>"#).unwrap_err();
        assert!(matches!(err, Error::Protocol(_)), "{err:?}");
    }

    #[test]
    fn unknown_states_and_other_roots_are_protocol_errors() {
        for body in [
            &br#"<header stare="ceva nou"/>"#[..],
            br#"<header stare="ok"/>"#,
            br"<header/>",
            br#"<raspuns stare="ok" id_descarcare="1"/>"#,
            b"not xml",
            br#"<!DOCTYPE header [<!ENTITY x "y">]><header stare="ok" id_descarcare="1"/>"#,
        ] {
            let err = parse_status(body).unwrap_err();
            assert!(matches!(err, Error::Protocol(_)), "{err:?}");
        }
    }

    #[test]
    fn pending_means_asking_again_can_help() {
        assert!(UploadStatus::InProgress.is_pending());
        assert!(!UploadStatus::NotTakenOver.is_pending());
        assert!(
            UploadStatus::Refused {
                kind: RefusalKind::Quota,
                errors: vec![]
            }
            .is_pending()
        );
        assert!(
            !UploadStatus::Refused {
                kind: RefusalKind::NotFound,
                errors: vec![]
            }
            .is_pending()
        );
    }
}
