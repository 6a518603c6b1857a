//! `/anaf-oauth2/v1/authorize`: the certificate login, stood in for by a form.
//!
//! The real `authorize` step asks the browser for the user's qualified certificate; here a
//! form stands in for it, where the tester picks or types the certificate holder. Tests skip
//! the form with `sim_user=<holder>` in the query or [`EfacturaSim::approve_next`].

// Handlers answer early with the `Response` to send; boxing it would buy nothing.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::fmt::Write as _;

use axum::extract::{Form, OriginalUri, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use time::OffsetDateTime;

use super::fault::Endpoint;
use super::gate::Auth;
use super::oauth::Code;
use super::{EfacturaSim, State as SimState};

type Params = HashMap<String, String>;

/// `GET authorize`: the certificate-login stand-in, or straight back with a code.
pub(crate) async fn authorize_page(
    State(sim): State<EfacturaSim>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Response {
    let call = match sim.begin(Endpoint::Authorize, &headers, Auth::None).await {
        Ok(call) => call,
        Err(response) => return response,
    };
    let mut state = sim.lock();
    if let Err(page) = check_authorize(&state, &params) {
        return page;
    }
    let auto = params
        .get("sim_user")
        .cloned()
        .filter(|u| !u.is_empty())
        .or_else(|| state.oauth.pre_approved.pop_front());
    let response = match auto {
        Some(user) => redirect_with_code(&mut state, &params, &user, call.now),
        // The form posts back to this very path, prefix included when the router is nested.
        None => login_form(&state, &params, uri.path()),
    };
    call.finish(response)
}

/// `POST authorize`: the form's answer.
pub(crate) async fn authorize_submit(
    State(sim): State<EfacturaSim>,
    headers: HeaderMap,
    Form(params): Form<Params>,
) -> Response {
    let call = match sim.begin(Endpoint::Authorize, &headers, Auth::None).await {
        Ok(call) => call,
        Err(response) => return response,
    };
    let mut state = sim.lock();
    if let Err(page) = check_authorize(&state, &params) {
        return page;
    }
    let user = params.get("user").map_or("", |u| u.trim());
    if user.is_empty() {
        // What a browser without a qualified certificate gets.
        return (
            StatusCode::FORBIDDEN,
            Html(page(
                "Acces interzis",
                "<p>Nu a fost prezentat niciun certificat calificat.</p>",
            )),
        )
            .into_response();
    }
    let response = redirect_with_code(&mut state, &params, user, call.now);
    call.finish(response)
}

/// Checks `client_id`, `redirect_uri` and `response_type`; an error page when they are wrong.
fn check_authorize(state: &SimState, params: &Params) -> Result<(), Response> {
    let bad = |message: &str| {
        (
            StatusCode::BAD_REQUEST,
            Html(page(
                "Cerere invalida",
                &format!("<p>{}</p>", escape_html(message)),
            )),
        )
            .into_response()
    };
    let client_id = params.get("client_id").map_or("", String::as_str);
    let Some(client) = state.oauth.clients.get(client_id) else {
        return Err(bad(&format!(
            "invalid_client: unknown client_id '{client_id}'"
        )));
    };
    let redirect_uri = params.get("redirect_uri").map_or("", String::as_str);
    if redirect_uri.is_empty()
        || !(client.redirect_uris.is_empty()
            || client.redirect_uris.iter().any(|u| u == redirect_uri))
    {
        return Err(bad(&format!(
            "invalid_request: redirect_uri '{redirect_uri}' is not registered for this client"
        )));
    }
    if params.get("response_type").map(String::as_str) != Some("code") {
        return Err(bad(
            "unsupported_response_type: response_type must be 'code'",
        ));
    }
    Ok(())
}

fn redirect_with_code(
    state: &mut SimState,
    params: &Params,
    user: &str,
    now: OffsetDateTime,
) -> Response {
    state.user_mut(user);
    let code = state.oauth.random_id();
    let redirect_uri = params.get("redirect_uri").cloned().unwrap_or_default();
    let record = Code {
        user: user.to_owned(),
        client_id: params.get("client_id").cloned().unwrap_or_default(),
        redirect_uri: redirect_uri.clone(),
        jwt: params.get("token_content_type").is_some_and(|t| t == "jwt"),
        expires: now + state.config.code_lifetime,
    };
    state.oauth.codes.insert(code.clone(), record);
    let mut location = redirect_uri;
    location.push(if location.contains('?') { '&' } else { '?' });
    let _ = write!(location, "code={}", percent_encode(&code));
    if let Some(st) = params.get("state") {
        let _ = write!(location, "&state={}", percent_encode(st));
    }
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

fn login_form(state: &SimState, params: &Params, action: &str) -> Response {
    let mut users: Vec<_> = state.users.iter().collect();
    users.sort_by(|a, b| a.0.cmp(b.0));
    let mut options = String::new();
    for (name, user) in users {
        let cifs: Vec<String> = user.cifs.iter().map(u64::to_string).collect();
        let _ = write!(
            options,
            "<option value=\"{0}\">{0} (CIF {1})</option>",
            escape_html(name),
            cifs.join(", ")
        );
    }
    let mut hidden = String::new();
    for key in [
        "client_id",
        "redirect_uri",
        "state",
        "token_content_type",
        "response_type",
    ] {
        if let Some(value) = params.get(key) {
            let _ = write!(
                hidden,
                "<input type=\"hidden\" name=\"{key}\" value=\"{}\">",
                escape_html(value)
            );
        }
    }
    let body = format!(
        "<p>Simulator: alegeti titularul certificatului calificat (sau scrieti-l).</p>\
         <form method=\"post\" action=\"{action}\">{hidden}\
         <label>Titular <input name=\"user\" list=\"users\" autofocus></label>\
         <datalist id=\"users\">{options}</datalist>\
         <button type=\"submit\">Autentificare</button></form>",
        action = escape_html(action)
    );
    Html(page("Autentificare cu certificat calificat", &body)).into_response()
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"ro\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
    )
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}
