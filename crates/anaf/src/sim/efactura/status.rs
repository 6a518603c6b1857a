//! `GET stareMesaj?id_incarcare=`: where an upload stands.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::clock;
use super::fault::Endpoint;
use super::gate::{Auth, Env};
use super::store::{Outcome, QuotaKind};
use super::upload::number;
use super::{EfacturaSim, wire};

/// `GET stareMesaj`.
pub(crate) async fn status(
    State(sim): State<EfacturaSim>,
    Env(env): Env,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let call = match sim.begin(Endpoint::Status, &headers, Auth::Required).await {
        Ok(call) => call,
        Err(response) => return response,
    };
    let Some(raw) = params.get("id_incarcare") else {
        let response = wire::spring(
            call.now,
            StatusCode::BAD_REQUEST,
            "Parametrul id_incarcare este obligatoriu",
        );
        return call.finish(response);
    };
    let Some(index) = number(raw) else {
        let message = format!("Id_incarcare introdus= {raw} nu este un numar intreg");
        return call.finish(wire::status_error(&message));
    };
    let mut state = sim.lock();
    if !state.config.open
        && state
            .users
            .get(call.user())
            .is_none_or(|u| u.cifs.is_empty())
    {
        // ANAF's spelling ("petru"), and no "in SPV", unlike the other endpoints.
        return call.finish(wire::status_error(
            "Nu exista niciun CIF petru care sa aveti drept",
        ));
    }
    state.settle(env, call.now);
    let Some(upload) = state.env(env).upload(index) else {
        let message = format!("Nu exista factura cu id_incarcare= {index}");
        return call.finish(wire::status_error(&message));
    };
    let concerned = [
        Some(upload.cif),
        upload.parties.seller,
        upload.parties.buyer,
    ];
    let outcome = upload.outcome;
    if !concerned
        .iter()
        .flatten()
        .any(|cif| state.has_right(call.user(), *cif))
    {
        let message = format!("Nu aveti dreptul de inteorgare pentru id_incarcare= {index}");
        return call.finish(wire::status_error(&message));
    }
    let limit = state.config.quotas.status_per_upload;
    let day = clock::local_date(call.now);
    if !state.env(env).charge(QuotaKind::Status, index, day, limit) {
        // The swagger's quota example for stareMesaj reuses the download wording.
        let message = format!("S-au facut deja {limit} descarcari de mesaj in cursul zilei");
        return call.finish(wire::status_error(&message));
    }
    let response = match outcome {
        Outcome::Pending => wire::status("in prelucrare", None),
        Outcome::Ok(id) => wire::status("ok", Some(id)),
        Outcome::Nok(id) => wire::status("nok", Some(id)),
        Outcome::NotTakenOver => wire::status("XML cu erori nepreluat de sistem", None),
    };
    drop(state);
    call.finish(response)
}
