//! ANAF's answer shapes: the XML headers, the Spring error JSON, the `eroare` JSON.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use time::OffsetDateTime;

use super::clock;
use super::sign::escape_attribute;
use crate::efactura::{NS_ERROR_REPORT, NS_STATUS_RESPONSE, NS_UPLOAD_RESPONSE};

const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Title of the list endpoints' answers.
pub(crate) const LIST_TITLE: &str = "Lista Mesaje";
/// Title of the download endpoint's errors.
pub(crate) const DOWNLOAD_TITLE: &str = "Descarcare mesaj";

fn xml(body: String) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/xml"),
        )],
        body,
    )
        .into_response()
}

fn attr(value: &str) -> String {
    let mut out = String::new();
    escape_attribute(&mut out, value);
    out
}

/// `ExecutionStatus="0"` with the new index (lines end in CRLF, as ANAF's do).
pub(crate) fn upload_accepted(now: OffsetDateTime, index: u64) -> Response {
    xml(format!(
        "{DECLARATION}\r\n<header xmlns=\"{NS_UPLOAD_RESPONSE}\" dateResponse=\"{}\" \
         ExecutionStatus=\"0\" index_incarcare=\"{index}\"/>\r\n",
        clock::compact(now)
    ))
}

/// `ExecutionStatus="1"` with one `Errors` element, in HTTP 200.
pub(crate) fn upload_refused(now: OffsetDateTime, message: &str) -> Response {
    xml(format!(
        "{DECLARATION}\r\n<header xmlns=\"{NS_UPLOAD_RESPONSE}\" dateResponse=\"{}\" \
         ExecutionStatus=\"1\">\r\n    <Errors errorMessage=\"{}\"/>\r\n</header>\r\n",
        clock::compact(now),
        attr(message)
    ))
}

/// The four `stare` values of `stareMesaj`, with the download id when there is one.
pub(crate) fn status(stare: &str, download_id: Option<u64>) -> Response {
    let id = download_id.map_or_else(String::new, |id| format!(" id_descarcare=\"{id}\""));
    xml(format!(
        "{DECLARATION}\n<header xmlns=\"{NS_STATUS_RESPONSE}\" stare=\"{stare}\"{id}/>\n"
    ))
}

/// A `stareMesaj` error: no `stare`, one `Errors` element, in HTTP 200.
pub(crate) fn status_error(message: &str) -> Response {
    xml(format!(
        "{DECLARATION}\n<header xmlns=\"{NS_STATUS_RESPONSE}\">\n    <Errors errorMessage=\"{}\"/>\n\
         </header>\n",
        attr(message)
    ))
}

/// The error document of a `nok` ZIP.
pub(crate) fn error_document(index: u64, seller: Option<u64>, errors: &[String]) -> String {
    let seller = seller.map_or_else(String::new, |cif| format!(" Cif_emitent=\"{cif}\""));
    let mut out = format!(
        "{DECLARATION}\n<header xmlns=\"{NS_ERROR_REPORT}\" Index_incarcare=\"{index}\"{seller}>"
    );
    for error in errors {
        out.push_str("\n    <Error errorMessage=\"");
        escape_attribute(&mut out, error);
        out.push_str("\"/>");
    }
    out.push_str("\n</header>\n");
    out
}

/// Spring Boot's error body: `{timestamp, status, error, message}`.
pub(crate) fn spring(now: OffsetDateTime, status: StatusCode, message: &str) -> Response {
    let body = json!({
        "timestamp": clock::spring(now),
        "status": status.as_u16(),
        "error": status.canonical_reason().unwrap_or(""),
        "message": message,
    });
    (status, axum::Json(body)).into_response()
}

/// `{eroare, titlu}` with `status`.
pub(crate) fn eroare(status: StatusCode, title: &str, message: &str) -> Response {
    (
        status,
        axum::Json(json!({ "eroare": message, "titlu": title })),
    )
        .into_response()
}

/// HTTP 500 with ANAF's technical-error wording.
pub(crate) fn technical_error(now: OffsetDateTime, code: &str) -> Response {
    spring(
        now,
        StatusCode::INTERNAL_SERVER_ERROR,
        &format!("A aparut o eroare tehnica. Cod: {code}"),
    )
}

/// HTTP 401 for a missing, unknown, revoked or expired bearer token (ANAF's body is
/// undocumented; this one says why, in the Spring shape).
pub(crate) fn unauthorized(now: OffsetDateTime, why: &str) -> Response {
    let mut response = spring(now, StatusCode::UNAUTHORIZED, why);
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer error=\"invalid_token\""),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn the_error_document_escapes_messages() {
        let doc = error_document(5, Some(7), &["a \"b\" & <c>".to_owned()]);
        assert_eq!(
            doc,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<header \
             xmlns=\"mfp:anaf:dgti:efactura:mesajEroriFactuta:v1\" Index_incarcare=\"5\" \
             Cif_emitent=\"7\">\n    <Error errorMessage=\"a &quot;b&quot; &amp; &lt;c&gt;\"/>\
             \n</header>\n"
        );
    }
}
