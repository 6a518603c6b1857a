//! `POST upload` and `POST uploadb2c`: the synchronous checks in ANAF's order, then a new
//! upload index; processing happens later (see `process`).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use time::OffsetDateTime;

use super::clock;
use super::document::schema_check;
use super::fault::{Endpoint, FaultKind};
use super::gate::{Auth, Call, Env};
use super::store::{Body, Flags, Forced, Outcome, Parties, QuotaKind, Upload, parse_standard};
use super::{EfacturaSim, Environment, wire};
use crate::efactura::Standard;

type Params = HashMap<String, String>;

/// `POST upload`.
pub(crate) async fn upload(
    State(sim): State<EfacturaSim>,
    Env(env): Env,
    headers: HeaderMap,
    Query(params): Query<Params>,
    body: Bytes,
) -> Response {
    receive(&sim, env, Endpoint::Upload, &headers, &params, body).await
}

/// `POST uploadb2c`: the same contract; the buyer is a natural person, so no buyer box.
pub(crate) async fn upload_b2c(
    State(sim): State<EfacturaSim>,
    Env(env): Env,
    headers: HeaderMap,
    Query(params): Query<Params>,
    body: Bytes,
) -> Response {
    receive(&sim, env, Endpoint::UploadB2c, &headers, &params, body).await
}

async fn receive(
    sim: &EfacturaSim,
    env: Environment,
    endpoint: Endpoint,
    headers: &HeaderMap,
    params: &Params,
    body: Bytes,
) -> Response {
    let call = match sim.begin(endpoint, headers, Auth::Required).await {
        Ok(call) => call,
        Err(response) => return response,
    };
    let response = match sim.accept(env, endpoint, &call, params, &body) {
        Ok(index) => wire::upload_accepted(call.now, index),
        Err(Refusal::BadRequest(message)) => {
            wire::spring(call.now, StatusCode::BAD_REQUEST, message)
        }
        Err(Refusal::Errors(message)) => wire::upload_refused(call.now, &message),
    };
    call.finish(response)
}

/// Why an upload got no index.
enum Refusal {
    /// HTTP 400 with Spring's body.
    BadRequest(&'static str),
    /// HTTP 200, `ExecutionStatus="1"` with this `Errors errorMessage`.
    Errors(String),
}

/// The `=DA` flags: `(query name, name in ANAF's error message)`.
const FLAGS: [(&str, &str); 3] = [
    ("extern", "extern"),
    ("autofactura", "autofacturare"),
    ("executare", "executare"),
];

impl EfacturaSim {
    /// The checks of tax-apis.md §5.2 step 2, in order; stores the upload when they pass.
    fn accept(
        &self,
        env: Environment,
        endpoint: Endpoint,
        call: &Call,
        params: &Params,
        body: &[u8],
    ) -> Result<u64, Refusal> {
        let (Some(standard), Some(cif)) = (params.get("standard"), params.get("cif")) else {
            return Err(Refusal::BadRequest(
                "Parametrii standard si cif sunt obligatorii",
            ));
        };
        if body.is_empty() {
            return Err(Refusal::BadRequest(
                "Trebuie sa aveti atasat in request un fisier de tip xml",
            ));
        }
        let standard = parse_standard(standard).ok_or_else(|| {
            Refusal::Errors(
                "Valorile acceptate pentru parametrul standard sunt UBL, CN, CII sau RASP".into(),
            )
        })?;
        let mut set = [false; 3];
        for (at, (name, wording)) in FLAGS.iter().enumerate() {
            match params.get(*name).map(String::as_str) {
                None => {}
                Some("DA") => set[at] = true,
                Some(_) => {
                    return Err(Refusal::Errors(format!(
                        "Daca parametrul {wording} trebuie completat, valoarea acceptata este DA"
                    )));
                }
            }
        }
        let flags = Flags {
            external: set[0],
            self_billed: set[1],
            enforcement: set[2],
            b2c: endpoint == Endpoint::UploadB2c,
        };
        let cif = number(cif)
            .ok_or_else(|| Refusal::Errors(format!("CIF introdus= {cif} nu este un numar")))?;
        let (max, rights) = {
            let state = self.lock();
            let rights = state.rights_error(call.user(), cif);
            (state.config.max_upload_bytes, rights)
        };
        if body.len() > max {
            return Err(Refusal::Errors(format!(
                "Marime fisier transmis mai mare de {} MB.",
                max / (1024 * 1024)
            )));
        }
        if let Some(message) = rights {
            return Err(Refusal::Errors(message));
        }
        self.check_registries(env, cif, flags, standard, call.now)?;
        schema_check(standard, body).map_err(Refusal::Errors)?;
        Ok(self.store(env, call, standard, cif, flags, body))
    }

    /// The enforcement registry and the RASP quota.
    fn check_registries(
        &self,
        env: Environment,
        cif: u64,
        flags: Flags,
        standard: Standard,
        now: OffsetDateTime,
    ) -> Result<(), Refusal> {
        let mut state = self.lock();
        if flags.enforcement && !state.taxpayers.get(&cif).is_some_and(|t| t.enforcement) {
            return Err(Refusal::Errors(format!(
                "CIF introdus= {cif} nu este inregistrat in Registrul RO e-Factura executari silite"
            )));
        }
        if standard == Standard::Rasp {
            let limit = state.config.quotas.rasp_per_cif;
            let day = clock::local_date(now);
            if !state.env(env).charge(QuotaKind::Rasp, cif, day, limit) {
                return Err(Refusal::Errors(format!(
                    "S-au incarcat deja {limit} de mesaje de tip RASP pentru cui={cif} in cursul zile"
                )));
            }
        }
        Ok(())
    }

    fn store(
        &self,
        env: Environment,
        call: &Call,
        standard: Standard,
        cif: u64,
        flags: Flags,
        body: &[u8],
    ) -> u64 {
        let digest = ring::digest::digest(&ring::digest::SHA256, body);
        let mut sha = [0u8; 32];
        sha.copy_from_slice(digest.as_ref());
        let forced = match call.fault {
            Some(FaultKind::NotTakenOver) => Forced::NotTakenOver,
            Some(FaultKind::Duplicate) => Forced::Duplicate,
            _ => Forced::Nothing,
        };
        let mut state = self.lock();
        let delay = state.config.processing_delay;
        *state.uploads_by_sha256.entry(sha).or_default() += 1;
        let store = state.env(env);
        let index = store.next_index();
        store.push_upload(Upload {
            index,
            cif,
            standard,
            flags,
            body: Body::Stored(Arc::from(body)),
            received: call.now,
            ready: call.now + delay,
            forced,
            outcome: Outcome::Pending,
            parties: Parties::default(),
            errors: Vec::new(),
        });
        tracing::debug!(env = ?env, index, cif, "e-Factura simulator stored an upload");
        index
    }
}

/// A query value that must be a whole number (ANAF's CIFs and ids: digits only).
pub(crate) fn number(text: &str) -> Option<u64> {
    let valid = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| text.parse().ok()).flatten()
}
