//! `GET descarcare?id=`: a message's ZIP, `{index}.xml` and its detached signature
//! `semnatura_{index}.xml`; refusals as `{eroare, titlu}` in HTTP 200.

use std::collections::HashMap;
use std::io::{Cursor, Write as _};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use super::clock;
use super::fault::{Endpoint, FaultKind};
use super::gate::{Auth, Env};
use super::store::{Body, QuotaKind, Tip};
use super::upload::number;
use super::wire::{self, DOWNLOAD_TITLE};
use super::{EfacturaSim, SimError};

/// `GET descarcare`.
pub(crate) async fn download(
    State(sim): State<EfacturaSim>,
    Env(env): Env,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let call = match sim
        .begin(Endpoint::Download, &headers, Auth::Required)
        .await
    {
        Ok(call) => call,
        Err(response) => return response,
    };
    let refuse = |message: &str| wire::eroare(StatusCode::OK, DOWNLOAD_TITLE, message);
    let Some(raw) = params.get("id") else {
        let response = wire::spring(
            call.now,
            StatusCode::BAD_REQUEST,
            "Parametrul id este obligatoriu",
        );
        return call.finish(response);
    };
    let Some(id) = number(raw) else {
        let message = format!("Id descarcare introdus= {raw} nu este un numar intreg");
        return call.finish(refuse(&message));
    };
    let found = {
        let mut state = sim.lock();
        state.settle(env, call.now);
        let retention = state.config.retention;
        let limit = state.config.quotas.download_per_message;
        let store = state.env(env);
        let live: Vec<_> = store
            .messages_with_id(id)
            .filter(|m| m.created + retention > call.now)
            .map(|m| (m.cif, m.tip, m.index))
            .collect();
        if live.is_empty() {
            let message = format!("Pentru id={id} nu exista inregistrata nici o factura");
            return call.finish(refuse(&message));
        }
        let Some(&(_, tip, index)) = live.iter().find(|m| state.has_right(call.user(), m.0)) else {
            return call.finish(refuse("Nu aveti dreptul sa descarcati acesta factura"));
        };
        let day = clock::local_date(call.now);
        if !state.env(env).charge(QuotaKind::Download, id, day, limit) {
            let message = format!("S-au facut deja {limit} descarcari de mesaj in cursul zilei");
            return call.finish(refuse(&message));
        }
        state.env(env).upload(index).map(|upload| {
            let document = match (tip, &upload.body) {
                (Tip::Errors, _) => Content::Text(wire::error_document(
                    index,
                    upload.parties.seller.or(Some(upload.cif)),
                    &upload.errors,
                )),
                (_, Body::Stored(bytes)) => Content::Bytes(bytes.clone()),
                (_, Body::Seeded(recipe)) => Content::Seeded(recipe.clone()),
                (_, Body::Archive(zip)) => Content::Zip(zip.clone()),
            };
            (index, document)
        })
    };
    let Some((index, document)) = found else {
        let message = format!("Pentru id={id} nu exista inregistrata nici o factura");
        return call.finish(refuse(&message));
    };
    if let Content::Zip(zip) = document {
        return call.finish(zip_response(id, zip.to_vec()));
    }
    let document = document.into_bytes();
    let archive = if call.fault == Some(FaultKind::TamperedArchive) {
        let mut altered = document.clone();
        altered.extend_from_slice(b"\n<!-- changed after signing -->\n");
        sim.archive_signed_over(index, &altered, &document)
    } else {
        sim.archive(index, &document)
    };
    let response = match archive {
        Ok(zip) => zip_response(id, zip),
        Err(err) => {
            tracing::error!(%err, "the e-Factura simulator cannot build a ZIP");
            wire::technical_error(call.now, "SIM-ZIP")
        }
    };
    call.finish(response)
}

/// The document a ZIP carries, before rendering.
enum Content {
    Text(String),
    Bytes(std::sync::Arc<[u8]>),
    Seeded(Box<super::seed::SeededInvoice>),
    /// A whole archive, served as it is.
    Zip(std::sync::Arc<[u8]>),
}

impl Content {
    fn into_bytes(self) -> Vec<u8> {
        match self {
            Content::Text(text) => text.into_bytes(),
            Content::Bytes(bytes) => bytes.to_vec(),
            Content::Seeded(recipe) => recipe.render().into_bytes(),
            Content::Zip(zip) => zip.to_vec(),
        }
    }
}

impl EfacturaSim {
    /// ANAF's two-entry ZIP: `{index}.xml` and `semnatura_{index}.xml` signed over it.
    pub(crate) fn archive(&self, index: u64, document: &[u8]) -> Result<Vec<u8>, SimError> {
        self.archive_signed_over(index, document, document)
    }

    /// A ZIP holding `document` with a signature over `signed` (the same bytes, unless a
    /// fault tampers with the document).
    fn archive_signed_over(
        &self,
        index: u64,
        document: &[u8],
        signed: &[u8],
    ) -> Result<Vec<u8>, SimError> {
        let name = format!("{index}.xml");
        let signature = self.signer().sign_detached(&name, signed)?;
        let fail = |e: &dyn std::fmt::Display| SimError::Archive(e.to_string());
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        for (entry, bytes) in [
            (name.as_str(), document),
            (&format!("semnatura_{index}.xml"), signature.as_bytes()),
        ] {
            writer.start_file(entry, options).map_err(|e| fail(&e))?;
            writer.write_all(bytes).map_err(|e| fail(&e))?;
        }
        Ok(writer.finish().map_err(|e| fail(&e))?.into_inner())
    }
}

fn zip_response(id: u64, zip: Vec<u8>) -> Response {
    let mut response = zip.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{id}.zip\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
