//! `POST validare/{FACT1|FCN}` and `POST transformare/{FACT1|FCN}[/DA]`: the same checks
//! as processing, answered at once as JSON, or a PDF.

use std::fmt::Write as _;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::EfacturaSim;
use super::document::{examine, schema_check};
use super::fault::Endpoint;
use super::gate::Auth;
use crate::efactura::Standard;

/// `POST validare/{standard}`.
pub(crate) async fn validate(
    State(sim): State<EfacturaSim>,
    Path((_env, standard)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let call = match sim
        .begin(Endpoint::Validate, &headers, Auth::Optional)
        .await
    {
        Ok(call) => call,
        Err(response) => return response,
    };
    let response = match sim.verdict(&standard, &body) {
        Ok(_) => verdict_json(&sim, "ok", &[]),
        Err(messages) => verdict_json(&sim, "nok", &messages),
    };
    call.finish(response)
}

/// `POST transformare/{standard}`: validated first.
pub(crate) async fn transform(
    State(sim): State<EfacturaSim>,
    Path((_env, standard)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    render(&sim, &headers, &standard, &body, true).await
}

/// `POST transformare/{standard}/DA`: rendered without validation.
pub(crate) async fn transform_unchecked(
    State(sim): State<EfacturaSim>,
    Path((_env, standard, novld)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if novld != "DA" {
        return StatusCode::NOT_FOUND.into_response();
    }
    render(&sim, &headers, &standard, &body, false).await
}

async fn render(
    sim: &EfacturaSim,
    headers: &HeaderMap,
    standard: &str,
    body: &[u8],
    check: bool,
) -> Response {
    let call = match sim
        .begin(Endpoint::Transform, headers, Auth::Optional)
        .await
    {
        Ok(call) => call,
        Err(response) => return response,
    };
    let verdict = sim.verdict(standard, body);
    let response = match verdict {
        Err(messages) if check || messages.iter().all(|m| !m.starts_with("E: ")) => {
            verdict_json(sim, "nok", &messages)
        }
        _ => pdf_response(&pdf(&title(body))),
    };
    call.finish(response)
}

impl EfacturaSim {
    /// The messages of a `nok` verdict, or the document's standard when it is valid.
    fn verdict(&self, standard: &str, body: &[u8]) -> Result<Standard, Vec<String>> {
        let standards = match standard {
            "FACT1" => [Standard::Ubl, Standard::Cii],
            "FCN" => [Standard::CreditNote, Standard::CreditNote],
            _ => {
                return Err(vec![
                    "Valorile acceptate pentru parametrul standard sunt FACT1 si FCN".to_owned(),
                ]);
            }
        };
        if body.len() > self.lock().config.max_validation_bytes {
            return Err(vec!["Marime fisier transmis mai mare de 5 MB.".to_owned()]);
        }
        // FACT1 takes a UBL Invoice or a CII invoice: the one whose root matches is checked.
        let standard = standards
            .into_iter()
            .find(|s| schema_check(*s, body).is_ok())
            .ok_or_else(|| vec![schema_check(standards[0], body).err().unwrap_or_default()])?;
        let errors = examine(standard, body).errors;
        if errors.is_empty() {
            Ok(standard)
        } else {
            Err(errors)
        }
    }
}

fn verdict_json(sim: &EfacturaSim, stare: &str, messages: &[String]) -> Response {
    let trace_id = sim.trace_id();
    let mut body = json!({ "stare": stare, "trace_id": trace_id });
    if !messages.is_empty() {
        body["Messages"] = messages.iter().map(|m| json!({ "message": m })).collect();
    }
    axum::Json(body).into_response()
}

/// The invoice number, for the PDF's one line.
fn title(body: &[u8]) -> String {
    let number = examine(Standard::Ubl, body).parties.number;
    let number = if number.is_empty() {
        examine(Standard::Cii, body).parties.number
    } else {
        number
    };
    let printable: String = number
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | ' '))
        .collect();
    format!("Factura {printable} (simulator ANAF e-Factura)")
}

/// A one-page PDF showing `line`: what clients test is the content type, not the layout.
fn pdf(line: &str) -> Vec<u8> {
    let stream = format!("BT /F1 14 Tf 72 770 Td ({line}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (at, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", at + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        // Writing to a String cannot fail.
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    out.extend_from_slice(table.as_bytes());
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn pdf_response(bytes: &[u8]) -> Response {
    let mut response = bytes.to_vec().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_has_a_valid_cross_reference_table() {
        let bytes = pdf("Factura 1");
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("%PDF-1.4"));
        let xref: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(text[xref..].starts_with("xref"));
    }
}
