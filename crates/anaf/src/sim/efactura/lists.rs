//! `GET listaMesajeFactura` (the last 1–60 days, at most 500 messages) and `GET
//! listaMesajePaginatieFactura` (an interval in milliseconds, 500 messages a page).

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use time::OffsetDateTime;

use super::clock;
use super::fault::{Endpoint, FaultKind};
use super::gate::{Auth, Call, Env};
use super::seed::SeedOptions;
use super::store::{Message, QuotaKind};
use super::upload::number;
use super::wire::{LIST_TITLE, eroare, spring};
use super::{EfacturaSim, Environment, State as SimState};

type Params = HashMap<String, String>;

/// Messages per answer of the simple list, and per page of the paginated one.
pub(crate) const PAGE_SIZE: usize = 500;

/// `GET listaMesajeFactura?zile=&cif=[&filtru=]`. Every refusal is HTTP 200 `eroare`.
pub(crate) async fn list(
    State(sim): State<EfacturaSim>,
    Env(env): Env,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Response {
    let call = match sim.begin(Endpoint::List, &headers, Auth::Required).await {
        Ok(call) => call,
        Err(response) => return response,
    };
    let response = match sim.simple_list(env, &call, &params) {
        Ok(body) => axum::Json(body).into_response(),
        Err(Refused::Spring(message)) => spring(call.now, StatusCode::BAD_REQUEST, message),
        Err(Refused::Eroare(message)) => eroare(StatusCode::OK, LIST_TITLE, &message),
    };
    call.finish(response)
}

/// `GET listaMesajePaginatieFactura?startTime=&endTime=&cif=&pagina=[&filtru=]`. Refusals
/// are `eroare` with the configured status (200, or 400 as the swagger files them).
pub(crate) async fn paged_list(
    State(sim): State<EfacturaSim>,
    Env(env): Env,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Response {
    let call = match sim
        .begin(Endpoint::PagedList, &headers, Auth::Required)
        .await
    {
        Ok(call) => call,
        Err(response) => return response,
    };
    let response = match sim.page(env, &call, &params) {
        Ok((body, cif, end)) => {
            if call.fault == Some(FaultKind::PageShift) {
                // A message ANAF lists late, created at the window's end: lists are newest
                // first, so every message moves one place down the pages.
                let mut late = SeedOptions::new(env, cif, 1);
                late.newest = Some(end);
                sim.seed(&late);
            }
            axum::Json(body).into_response()
        }
        Err(Refused::Spring(message)) => spring(call.now, StatusCode::BAD_REQUEST, message),
        Err(Refused::Eroare(message)) => {
            let status = sim.lock().config.paged_list_error_status;
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            eroare(status, LIST_TITLE, &message)
        }
    };
    call.finish(response)
}

enum Refused {
    /// Missing parameters: HTTP 400 in Spring's shape.
    Spring(&'static str),
    /// `{eroare, titlu}`.
    Eroare(String),
}

impl EfacturaSim {
    fn simple_list(
        &self,
        env: Environment,
        call: &Call,
        params: &Params,
    ) -> Result<Value, Refused> {
        let (Some(days), Some(cif)) = (params.get("zile"), params.get("cif")) else {
            return Err(Refused::Spring("Parametrii zile si cif sunt obligatorii"));
        };
        let cif = number(cif)
            .ok_or_else(|| Refused::Eroare(format!("CIF introdus= {cif} nu este un numar")))?;
        let days = number(days).ok_or_else(|| {
            Refused::Eroare(format!(
                "Numarul de zile introdus= {days} nu este un numar intreg"
            ))
        })?;
        if !(1..=60).contains(&days) {
            return Err(Refused::Eroare(
                "Numarul de zile trebuie sa fie intre 1 si 60".to_owned(),
            ));
        }
        let filter = filter(params)?;
        let mut state = self.lock();
        state.authorize_list(env, call, cif, QuotaKind::List)?;
        state.settle(env, call.now);
        let from = call.now - time::Duration::days(i64::try_from(days).unwrap_or(60));
        let (serial, cui) = state.holder(call.user());
        let messages = state
            .env(env)
            .messages_between(cif, from, call.now, |m| matches(m, filter));
        if messages.is_empty() {
            return Err(Refused::Eroare(format!(
                "Nu exista mesaje in ultimele {days} zile"
            )));
        }
        if messages.len() > PAGE_SIZE {
            return Err(Refused::Eroare(
                "Lista de mesaje este mai mare decat numarul de 500 elemente permise in pagina. \
                 Folositi endpoint-ul cu paginatie."
                    .to_owned(),
            ));
        }
        Ok(json!({
            "mesaje": messages.iter().map(|m| message_json(m)).collect::<Vec<_>>(),
            "serial": serial,
            "cui": cui,
            "titlu": format!("Lista Mesaje disponibile din ultimele {days} zile"),
        }))
    }

    /// A page, with the CIF and the end of the window it lists.
    fn page(
        &self,
        env: Environment,
        call: &Call,
        params: &Params,
    ) -> Result<(Value, u64, OffsetDateTime), Refused> {
        let names = ["startTime", "endTime", "cif", "pagina"];
        let [Some(start), Some(end), Some(cif), Some(page)] = names.map(|n| params.get(n)) else {
            return Err(Refused::Spring(
                "Parametrii startTime, endTime, cif si pagina sunt obligatorii",
            ));
        };
        let unusable = |name: &str, value: &str| {
            Refused::Eroare(format!(
                "{name} = {value} nu este un numar sau nu are o valoare acceptata de sistem"
            ))
        };
        let cif = number(cif).ok_or_else(|| {
            Refused::Eroare(format!(
                "CIF introdus= {cif} nu este un numar sau nu are o valoare acceptata de sistem"
            ))
        })?;
        let instant = |name: &str, value: &str| {
            value
                .parse::<i64>()
                .ok()
                .and_then(clock::from_epoch_millis)
                .ok_or_else(|| unusable(name, value))
        };
        let start = instant("startTime", start)?;
        let end = instant("endTime", end)?;
        let page = number(page)
            .filter(|p| *p >= 1)
            .ok_or_else(|| unusable("pagina", page))?;
        let filter = filter(params)?;
        check_interval(start, end, call.now)?;
        let mut state = self.lock();
        state.authorize_list(env, call, cif, QuotaKind::PagedList)?;
        state.settle(env, call.now);
        let (serial, cui) = state.holder(call.user());
        let messages = state
            .env(env)
            .messages_between(cif, start, end, |m| matches(m, filter));
        if messages.is_empty() {
            return Err(Refused::Eroare(
                "Nu exista mesaje in intervalul selectat".to_owned(),
            ));
        }
        let total = messages.len();
        let pages = total.div_ceil(PAGE_SIZE);
        let at = usize::try_from(page).unwrap_or(usize::MAX);
        if at > pages {
            return Err(Refused::Eroare(format!(
                "Pagina solicitata {page} este mai mare decat numarul toatal de pagini {pages}"
            )));
        }
        let on_page: Vec<Value> = messages
            .iter()
            .skip((at - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .map(|m| message_json(m))
            .collect();
        let body = json!({
            "mesaje": on_page,
            "numar_inregistrari_in_pagina": on_page.len(),
            "numar_total_inregistrari_per_pagina": PAGE_SIZE,
            "numar_total_inregistrari": total,
            "numar_total_pagini": pages,
            "index_pagina_curenta": page,
            "serial": serial,
            "cui": cui,
            "titlu": format!(
                "Lista Mesaje disponibile din intervalul {} - {}",
                clock::spring(start),
                clock::spring(end)
            ),
        });
        Ok((body, cif, end))
    }
}

impl SimState {
    /// Rights on `cif`, then the daily quota of `kind` for it.
    fn authorize_list(
        &mut self,
        env: Environment,
        call: &Call,
        cif: u64,
        kind: QuotaKind,
    ) -> Result<(), Refused> {
        if let Some(message) = self.rights_error(call.user(), cif) {
            return Err(Refused::Eroare(message));
        }
        let limit = match kind {
            QuotaKind::PagedList => self.config.quotas.paged_list_per_cif,
            _ => self.config.quotas.list_per_cif,
        };
        let day = clock::local_date(call.now);
        // Both lists signal their quota with the wording ANAF documents for the simple one.
        if !self.env(env).charge(kind, cif, day, limit) {
            return Err(Refused::Eroare(format!(
                "S-au facut deja {limit} interogari de lista mesaje de catre utilizator in \
                 cursul zilei"
            )));
        }
        Ok(())
    }

    /// The `serial` and `cui` of a list answer: the certificate's serial and the CIFs its
    /// holder has rights on.
    fn holder(&self, user: &str) -> (String, String) {
        self.users.get(user).map_or_else(Default::default, |u| {
            let cifs: Vec<String> = u.cifs.iter().map(u64::to_string).collect();
            (u.serial.clone(), cifs.join(","))
        })
    }
}

/// The paginated list's checks of its interval, against the time of the request.
fn check_interval(
    start: OffsetDateTime,
    end: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), Refused> {
    if start < now - time::Duration::days(60) {
        return Err(Refused::Eroare(format!(
            "startTime = {} nu poate fi mai vechi de 60 de zile fata de momentul requestului",
            clock::spring(start)
        )));
    }
    if end <= start {
        return Err(Refused::Eroare(format!(
            "endTime = {} nu poate fi <= startTime = {}",
            clock::spring(end),
            clock::spring(start)
        )));
    }
    if end > now {
        return Err(Refused::Eroare(format!(
            "endTime = {} nu poate in viitor fata de momentul requestului",
            clock::spring(end)
        )));
    }
    Ok(())
}

/// The `filtru` letter, if any.
fn filter(params: &Params) -> Result<Option<char>, Refused> {
    match params.get("filtru").map(String::as_str) {
        None => Ok(None),
        Some(letter @ ("E" | "T" | "P" | "R")) => Ok(letter.chars().next()),
        Some(_) => Err(Refused::Eroare(
            "Valorile acceptate pentru parametrul filtru sunt E, T, P sau R".to_owned(),
        )),
    }
}

fn matches(message: &Message, filter: Option<char>) -> bool {
    filter.is_none_or(|letter| message.tip.filter_letter() == letter)
}

/// One message as both lists write it: every field a string.
fn message_json(message: &Message) -> Value {
    json!({
        "data_creare": clock::compact(message.created),
        "cif": message.cif.to_string(),
        "id_solicitare": message.index.to_string(),
        "detalii": message.details,
        "tip": message.tip.as_str(),
        "id": message.id.to_string(),
    })
}
