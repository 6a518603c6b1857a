//! The message lists (`listaMesajeFactura`, `listaMesajePaginatieFactura`): types and the
//! JSON reader, errors and "no messages" included.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::{OffsetDateTime, PrimitiveDateTime};

use super::{
    Details, DownloadId, RefusalKind, UploadIndex, parse_details, parse_timestamp,
    romania_to_offset,
};
use crate::Error;

/// The `filtru` of a list: which messages to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageFilter {
    /// `E`: ERORI FACTURA.
    Errors,
    /// `T`: FACTURA TRIMISA.
    Sent,
    /// `P`: FACTURA PRIMITA.
    Received,
    /// `R`: MESAJ CUMPARATOR PRIMIT / TRANSMIS.
    BuyerMessages,
}

impl MessageFilter {
    /// The letter ANAF expects.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageFilter::Errors => "E",
            MessageFilter::Sent => "T",
            MessageFilter::Received => "P",
            MessageFilter::BuyerMessages => "R",
        }
    }
}

/// A message's `tip`, classified. Unknown values are kept, never dropped.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageKind {
    /// `FACTURA TRIMISA`: an invoice this CIF sent was accepted.
    FacturaTrimisa,
    /// `FACTURA PRIMITA`: an invoice addressed to this CIF.
    FacturaPrimita,
    /// `ERORI FACTURA`: an invoice this CIF sent was rejected; the ZIP holds the error report.
    EroriFactura,
    /// `MESAJ CUMPARATOR PRIMIT`, `MESAJ CUMPARATOR TRANSMIS` (matched by prefix): a RASP
    /// message between buyer and seller.
    MesajCumparator,
    /// Any other `tip`, verbatim.
    Unknown(String),
}

impl MessageKind {
    /// Classifies a `tip` (case and surrounding spaces ignored).
    pub fn of(tip: &str) -> MessageKind {
        let upper = tip.trim().to_uppercase();
        match upper.as_str() {
            "FACTURA TRIMISA" => MessageKind::FacturaTrimisa,
            "FACTURA PRIMITA" => MessageKind::FacturaPrimita,
            "ERORI FACTURA" => MessageKind::EroriFactura,
            _ if upper.starts_with("MESAJ CUMPARATOR") => MessageKind::MesajCumparator,
            _ => MessageKind::Unknown(tip.to_owned()),
        }
    }
}

/// One message of an SPV box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// `id`: downloads the message's ZIP.
    pub id: DownloadId,
    /// `id_solicitare`: the upload the message is about.
    pub upload_index: UploadIndex,
    /// `cif`: the CIF whose box holds the message, as ANAF wrote it.
    pub cif: String,
    /// `data_creare`, Romanian local time; [`Message::created_at`] gives the instant.
    pub created: PrimitiveDateTime,
    /// `tip`, classified.
    pub kind: MessageKind,
    /// `tip`, verbatim.
    pub tip: String,
    /// `detalii`, verbatim.
    pub details: String,
    /// `detalii`, read ([`parse_details`]).
    pub parsed_details: Details,
}

impl Message {
    /// The instant the message was created.
    pub fn created_at(&self) -> OffsetDateTime {
        romania_to_offset(self.created)
    }
}

/// The answer of the simple list (`listaMesajeFactura`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageList {
    /// The messages, in ANAF's order. Empty when ANAF says "Nu exista mesaje …".
    pub messages: Vec<Message>,
    /// `serial`: the serial number of the certificate behind the token.
    pub serial: Option<String>,
    /// `cui`: the CIF(s) the token's holder has rights on, as ANAF wrote them.
    pub cui: Option<String>,
    /// `titlu`, or the "Nu exista mesaje …" text of an empty list.
    pub title: Option<String>,
}

/// One page of the paginated list (`listaMesajePaginatieFactura`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagePage {
    /// The page's messages, in ANAF's order.
    pub messages: Vec<Message>,
    /// `index_pagina_curenta`: this page's number, from 1.
    pub page: u64,
    /// `numar_total_pagini`: 0 when there are no messages.
    pub total_pages: u64,
    /// `numar_total_inregistrari`: messages in the whole interval.
    pub total_messages: u64,
    /// `numar_total_inregistrari_per_pagina`: the page size (500).
    pub per_page: u64,
    /// `numar_inregistrari_in_pagina`: messages on this page.
    pub on_page: u64,
    /// `serial`: the certificate's serial number.
    pub serial: Option<String>,
    /// `cui`: the CIF(s) the token's holder has rights on.
    pub cui: Option<String>,
    /// `titlu`, or the "Nu exista mesaje …" text of an empty interval.
    pub title: Option<String>,
}

impl MessagePage {
    /// Whether pages follow this one.
    pub fn has_next(&self) -> bool {
        self.page < self.total_pages
    }
}

/// What a list answer says, before it is shaped into a list or a page.
enum ListAnswer {
    Messages(Map<String, Value>, Vec<Message>),
    Empty(String),
}

/// Reads the simple list's answer (HTTP 200 or 400).
pub(crate) fn parse_list(status: u16, body: &[u8]) -> Result<MessageList, Error> {
    Ok(match list_answer(status, body)? {
        ListAnswer::Empty(message) => MessageList {
            title: Some(message),
            ..MessageList::default()
        },
        ListAnswer::Messages(envelope, messages) => MessageList {
            messages,
            serial: text(&envelope, "serial"),
            cui: text(&envelope, "cui"),
            title: text(&envelope, "titlu"),
        },
    })
}

/// Reads the paginated list's answer (HTTP 200 or 400) for page `page`.
pub(crate) fn parse_page(status: u16, body: &[u8], page: u64) -> Result<MessagePage, Error> {
    Ok(match list_answer(status, body)? {
        ListAnswer::Empty(message) => MessagePage {
            page,
            title: Some(message),
            ..MessagePage::default()
        },
        ListAnswer::Messages(envelope, messages) => {
            let number = |key: &str| -> Result<Option<u64>, Error> {
                match text(&envelope, key) {
                    None => Ok(None),
                    Some(n) => n
                        .parse()
                        .map(Some)
                        .map_err(|_| Error::Protocol(format!("`{key}` is not a count: {n}"))),
                }
            };
            let on_page = number("numar_inregistrari_in_pagina")?.unwrap_or(messages.len() as u64);
            MessagePage {
                page: number("index_pagina_curenta")?.unwrap_or(page),
                total_pages: number("numar_total_pagini")?.unwrap_or(0),
                total_messages: number("numar_total_inregistrari")?.unwrap_or(on_page),
                per_page: number("numar_total_inregistrari_per_pagina")?.unwrap_or(0),
                on_page,
                serial: text(&envelope, "serial"),
                cui: text(&envelope, "cui"),
                title: text(&envelope, "titlu"),
                messages,
            }
        }
    })
}

fn list_answer(status: u16, body: &[u8]) -> Result<ListAnswer, Error> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(_) if status != 200 => return Err(http_error(status, body)),
        Err(err) => {
            return Err(Error::Protocol(format!(
                "the list answer is not JSON ({err}): {}",
                crate::snippet(body, crate::transport::SNIPPET_CHARS)
            )));
        }
    };
    if let Some(message) = eroare(&value) {
        return refusal(message);
    }
    if let Some(message) = spring_message(&value) {
        return Err(spring_refusal(message));
    }
    let Some(envelope) = value.as_object().filter(|o| o.contains_key("mesaje")) else {
        return Err(if status == 200 {
            Error::Protocol(format!(
                "the list answer has neither `mesaje` nor `eroare`: {}",
                crate::snippet(body, crate::transport::SNIPPET_CHARS)
            ))
        } else {
            http_error(status, body)
        });
    };
    let messages = match envelope.get("mesaje") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                message(item).map_err(|why| Error::Protocol(format!("mesaje[{i}]: {why}")))
            })
            .collect::<Result<Vec<_>, _>>()?,
        None | Some(Value::Null) => Vec::new(),
        Some(other) => {
            return Err(Error::Protocol(format!(
                "`mesaje` should be an array, got {other}"
            )));
        }
    };
    Ok(ListAnswer::Messages(envelope.clone(), messages))
}

/// ANAF's `eroare` as an outcome: no messages is an empty list; more than 500 and any other
/// refusal are errors.
fn refusal(message: &str) -> Result<ListAnswer, Error> {
    if message.trim_start().starts_with("Nu exista mesaje") {
        Ok(ListAnswer::Empty(message.to_owned()))
    } else if message.contains("mai mare decat numarul de 500") || message.contains("cu paginatie")
    {
        Err(Error::TooManyMessages {
            message: message.to_owned(),
        })
    } else {
        Err(Error::Refused {
            kind: RefusalKind::of(message),
            message: message.to_owned(),
        })
    }
}

/// `{"eroare": "…", "titlu": "…"}`: ANAF's JSON error, in HTTP 200 or 400.
pub(crate) fn eroare(value: &Value) -> Option<&str> {
    value.get("eroare").and_then(Value::as_str)
}

/// Spring's `{"timestamp", "status", "error", "message"}` error body.
pub(crate) fn spring_message(value: &Value) -> Option<&str> {
    let object = value.as_object()?;
    if !object.contains_key("status") && !object.contains_key("timestamp") {
        return None;
    }
    object.get("message").and_then(Value::as_str)
}

/// A Spring error body as a refusal; its messages are about missing parameters.
pub(crate) fn spring_refusal(message: &str) -> Error {
    let kind = match RefusalKind::of(message) {
        RefusalKind::Other => RefusalKind::InvalidRequest,
        kind => kind,
    };
    Error::Refused {
        kind,
        message: message.to_owned(),
    }
}

pub(crate) fn http_error(status: u16, body: &[u8]) -> Error {
    Error::Http {
        status,
        body_snippet: crate::snippet(body, crate::transport::SNIPPET_CHARS),
    }
}

fn message(item: &Value) -> Result<Message, String> {
    let fields = item.as_object().ok_or("not an object")?;
    let required = |key: &str| text(fields, key).ok_or(format!("no `{key}`"));
    let id = required("id")?;
    let upload_index = required("id_solicitare")?;
    let created = required("data_creare")?;
    let tip = text(fields, "tip").unwrap_or_default();
    let details = text(fields, "detalii").unwrap_or_default();
    Ok(Message {
        id: id.parse().map_err(|e: Error| format!("`id`: {e}"))?,
        upload_index: upload_index
            .parse()
            .map_err(|e: Error| format!("`id_solicitare`: {e}"))?,
        cif: text(fields, "cif").unwrap_or_default(),
        created: parse_timestamp(&created).map_err(|e| format!("`data_creare`: {e}"))?,
        kind: MessageKind::of(&tip),
        parsed_details: parse_details(&details),
        tip,
        details,
    })
}

/// A string field, or a number written out (ANAF documents strings; numbers are tolerated).
fn text(fields: &Map<String, Value>, key: &str) -> Option<String> {
    match fields.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn tips_are_classified_and_unknown_ones_kept() {
        assert_eq!(
            MessageKind::of("FACTURA TRIMISA"),
            MessageKind::FacturaTrimisa
        );
        assert_eq!(
            MessageKind::of("factura primita "),
            MessageKind::FacturaPrimita
        );
        assert_eq!(MessageKind::of("ERORI FACTURA"), MessageKind::EroriFactura);
        assert_eq!(
            MessageKind::of("MESAJ CUMPARATOR PRIMIT / MESAJ CUMPARATOR TRANSMIS"),
            MessageKind::MesajCumparator
        );
        assert_eq!(
            MessageKind::of("MESAJ CUMPARATOR TRANSMIS"),
            MessageKind::MesajCumparator
        );
        assert_eq!(
            MessageKind::of("NOTIFICARE NOUA"),
            MessageKind::Unknown("NOTIFICARE NOUA".to_owned())
        );
    }

    #[test]
    fn numbers_are_tolerated_where_anaf_documents_strings() {
        let body = br#"{"mesaje":[{"data_creare":"202401020304","cif":123,"id_solicitare":42,
            "detalii":"","tip":"FACTURA PRIMITA","id":8589934593}]}"#;
        let list = parse_list(200, body).unwrap();
        assert_eq!(list.messages[0].id, DownloadId(8_589_934_593));
        assert_eq!(list.messages[0].upload_index, UploadIndex(42));
        assert_eq!(list.messages[0].cif, "123");
    }

    #[test]
    fn a_message_without_an_id_fails_the_list_loudly() {
        let body = br#"{"mesaje":[{"data_creare":"202401020304","id_solicitare":"42","tip":"x"}]}"#;
        let err = parse_list(200, body).unwrap_err();
        assert!(
            matches!(&err, Error::Protocol(m) if m == "mesaje[0]: no `id`"),
            "{err:?}"
        );
        let body = br#"{"mesaje":[{"data_creare":"2024","id_solicitare":"42","id":"1"}]}"#;
        let err = parse_list(200, body).unwrap_err();
        assert!(
            matches!(&err, Error::Protocol(m) if m.contains("data_creare")),
            "{err:?}"
        );
    }

    #[test]
    fn shapes_that_are_no_list_are_errors() {
        assert!(matches!(parse_list(200, b"[]"), Err(Error::Protocol(_))));
        assert!(matches!(parse_list(200, b"{}"), Err(Error::Protocol(_))));
        assert!(matches!(parse_list(200, b"nope"), Err(Error::Protocol(_))));
        assert!(matches!(
            parse_list(400, b"nope"),
            Err(Error::Http { status: 400, .. })
        ));
        assert!(matches!(
            parse_list(200, br#"{"mesaje":{}}"#),
            Err(Error::Protocol(_))
        ));
    }
}
