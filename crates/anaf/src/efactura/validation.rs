//! The answers of `descarcare`, `validare` and `transformare`: bytes or a JSON verdict,
//! told apart by content, not by status.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::messages::{eroare, http_error, spring_message, spring_refusal};
use super::{Finding, RefusalKind};
use crate::Error;
use crate::transport::Reply;

/// What `descarcare` returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Download {
    /// The message's ZIP; open it with [`super::archive::parse`].
    Zip(Vec<u8>),
    /// ANAF's JSON `eroare` instead of a ZIP: the daily quota for this id ("S-au facut deja 10
    /// descarcari …"), no rights, an unknown or malformed id.
    Refused {
        /// The kind of refusal, from the message.
        kind: RefusalKind,
        /// ANAF's message, verbatim.
        message: String,
    },
}

/// The document type of `validare` and `transformare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ValidationStandard {
    /// `FACT1`: an invoice (UBL `Invoice` or CII).
    Fact1,
    /// `FCN`: a credit note (UBL `CreditNote`).
    Fcn,
}

impl ValidationStandard {
    /// The path segment ANAF expects.
    pub fn as_str(self) -> &'static str {
        match self {
            ValidationStandard::Fact1 => "FACT1",
            ValidationStandard::Fcn => "FCN",
        }
    }
}

/// ANAF's verdict on a document (`validare`), or why it gave none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Validation {
    /// `stare="ok"`.
    Valid {
        /// `trace_id`, for ANAF's support.
        trace_id: Option<String>,
    },
    /// `stare="nok"` with validation findings.
    Invalid {
        /// `trace_id`, for ANAF's support.
        trace_id: Option<String>,
        /// Every message, read ([`Finding::parse`]).
        findings: Vec<Finding>,
    },
    /// `stare="nok"` whose messages are ANAF's own refusals rather than findings about the
    /// document: a technical error, a bad `standard`, a document over 5 MB.
    Refused {
        /// `trace_id`, for ANAF's support.
        trace_id: Option<String>,
        /// The kind of refusal, from the messages.
        kind: RefusalKind,
        /// Every message, verbatim.
        errors: Vec<String>,
    },
}

/// What `transformare` returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transformation {
    /// The rendered PDF.
    Pdf(Vec<u8>),
    /// No PDF: the document failed validation, or ANAF refused ([`Validation::Invalid`] or
    /// [`Validation::Refused`]).
    NotRendered(Validation),
}

/// Reads a `descarcare` answer.
pub(crate) fn parse_download(reply: Reply) -> Result<Download, Error> {
    if reply.status.is_success() && reply.body.starts_with(b"PK") {
        return Ok(Download::Zip(reply.body));
    }
    if reply.is_html_page() {
        return Err(reply.firewall());
    }
    // The body decides, not the label: a JSON `eroare` is read whatever the content type.
    let value = json(&reply)?;
    if let Some(message) = eroare(&value) {
        return Ok(Download::Refused {
            kind: RefusalKind::of(message),
            message: message.to_owned(),
        });
    }
    Err(other_json(&reply, &value))
}

/// Reads a `validare` answer.
pub(crate) fn parse_validation(reply: &Reply) -> Result<Validation, Error> {
    if reply.is_html_page() {
        return Err(reply.firewall());
    }
    let value = json(reply)?;
    let Some(stare) = value.get("stare").and_then(Value::as_str) else {
        return Err(other_json(reply, &value));
    };
    let trace_id = value
        .get("trace_id")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let messages: Vec<String> = match value.get("Messages").or_else(|| value.get("messages")) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| item.get("message").and_then(Value::as_str))
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    match stare.trim() {
        "ok" => Ok(Validation::Valid { trace_id }),
        "nok" => {
            let findings: Vec<Finding> = messages.iter().map(|m| Finding::parse(m)).collect();
            let refusal = !messages.is_empty()
                && findings.iter().all(|f| {
                    f.rule_id.is_none()
                        && f.duplicate.is_none()
                        && RefusalKind::of(&f.message) != RefusalKind::Other
                });
            Ok(if refusal {
                Validation::Refused {
                    trace_id,
                    kind: RefusalKind::of_all(&messages),
                    errors: messages,
                }
            } else {
                Validation::Invalid { trace_id, findings }
            })
        }
        other => Err(Error::Protocol(format!(
            "the validation answer has stare={other:?}"
        ))),
    }
}

/// Reads a `transformare` answer.
pub(crate) fn parse_transformation(reply: Reply) -> Result<Transformation, Error> {
    let is_pdf =
        reply.body.starts_with(b"%PDF") || reply.content_type.starts_with("application/pdf");
    if reply.status.is_success() && is_pdf {
        if !reply.body.starts_with(b"%PDF") {
            return Err(Error::Protocol(format!(
                "the answer is labelled {} but is not a PDF: {}",
                reply.content_type,
                reply.snippet()
            )));
        }
        return Ok(Transformation::Pdf(reply.body));
    }
    match parse_validation(&reply)? {
        Validation::Valid { .. } => Err(Error::Protocol(
            "the transformation answered stare=ok without a PDF".to_owned(),
        )),
        verdict => Ok(Transformation::NotRendered(verdict)),
    }
}

/// The body as JSON. ANAF's examples sometimes show the JSON as a string; a string that
/// holds a JSON object is unwrapped.
fn json(reply: &Reply) -> Result<Value, Error> {
    match serde_json::from_slice::<Value>(&reply.body) {
        Ok(Value::String(inner)) => match serde_json::from_str::<Value>(&inner) {
            Ok(value @ Value::Object(_)) => Ok(value),
            _ => Err(unexpected(reply)),
        },
        Ok(value) => Ok(value),
        Err(_) => Err(unexpected(reply)),
    }
}

/// A JSON answer that is neither the endpoint's success nor `eroare`.
fn other_json(reply: &Reply, value: &Value) -> Error {
    match spring_message(value) {
        Some(message) if reply.status.as_u16() == 400 => spring_refusal(message),
        _ => unexpected(reply),
    }
}

fn unexpected(reply: &Reply) -> Error {
    if reply.status.is_success() {
        Error::Protocol(format!(
            "unexpected answer from {} (HTTP {}, {}): {}",
            reply.url,
            reply.status.as_u16(),
            if reply.content_type.is_empty() {
                "no content type"
            } else {
                &reply.content_type
            },
            reply.snippet()
        ))
    } else {
        http_error(reply.status.as_u16(), &reply.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use reqwest::StatusCode;

    fn reply(status: u16, content_type: &str, body: &[u8]) -> Reply {
        Reply {
            url: "http://x/descarcare".into(),
            status: StatusCode::from_u16(status).unwrap(),
            content_type: content_type.into(),
            body: body.to_vec(),
        }
    }

    #[test]
    fn downloads_branch_on_content_not_status_or_label() {
        let zip =
            parse_download(reply(200, "application/octet-stream", b"PK\x03\x04rest")).unwrap();
        assert_eq!(zip, Download::Zip(b"PK\x03\x04rest".to_vec()));
        let refused = parse_download(reply(
            200,
            "application/zip",
            br#"{"eroare":"Nu aveti dreptul sa descarcati acesta factura","titlu":"Descarcare mesaj"}"#,
        ));
        assert!(
            matches!(
                refused,
                Ok(Download::Refused {
                    kind: RefusalKind::NoRights,
                    ..
                })
            ),
            "a ZIP label on JSON: {refused:?}"
        );
        let not_zip = parse_download(reply(200, "application/zip", b"garbage"));
        assert!(matches!(not_zip, Err(Error::Protocol(_))), "{not_zip:?}");
        let refused = parse_download(reply(
            200,
            "application/json",
            br#""{\"eroare\":\"S-au facut deja 10 descarcari de mesaj in cursul zilei\",\"titlu\":\"Descarcare mesaj\"}""#,
        ))
        .unwrap();
        assert!(matches!(
            refused,
            Download::Refused {
                kind: RefusalKind::Quota,
                ..
            }
        ));
        assert!(matches!(
            parse_download(reply(200, "", b"")),
            Err(Error::Protocol(_))
        ));
    }

    #[test]
    fn pdf_labels_must_hold_a_pdf() {
        let ok = parse_transformation(reply(200, "application/pdf", b"%PDF-1.7 x")).unwrap();
        assert_eq!(ok, Transformation::Pdf(b"%PDF-1.7 x".to_vec()));
        let ok = parse_transformation(reply(200, "", b"%PDF-1.4")).unwrap();
        assert!(matches!(ok, Transformation::Pdf(_)));
        assert!(matches!(
            parse_transformation(reply(200, "application/pdf", b"{}")),
            Err(Error::Protocol(_))
        ));
        assert!(matches!(
            parse_transformation(reply(200, "application/json", br#"{"stare":"ok"}"#)),
            Err(Error::Protocol(_))
        ));
    }
}
