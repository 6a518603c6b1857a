//! HTML pages. They call the same operations as `api/` and have no SQL of their own.

use axum::extract::{Path, Query, State};
use axum::response::Html;
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use crate::api::error::ApiError;
use crate::auth::session;
use crate::state::AppState;
use crate::tenancy::invitations;
use crate::vault::links;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/confirm-email", get(confirm_form).post(confirm))
        .route("/reset-password", get(reset_form).post(reset))
        .route(
            "/confirm-email-change",
            get(email_change_form).post(email_change),
        )
        .route("/invitation", get(invitation))
        .route("/anaf/link/{token}", get(anaf_link))
}

#[derive(Debug, Deserialize)]
struct TokenForm {
    #[serde(default)]
    token: String,
}

/// The e-mailed confirmation link opens this page. Confirming takes a click (a POST), so a mail
/// scanner that follows links does not use the token up.
async fn confirm_form(Query(q): Query<TokenForm>) -> Html<String> {
    page(
        "Confirm your e-mail address",
        &format!(
            "<form method=\"post\" action=\"/confirm-email\"><input type=\"hidden\" name=\"token\" value=\"{}\">\
             <button type=\"submit\">Confirm my address</button></form>",
            escape(&q.token)
        ),
    )
}

async fn confirm(State(state): State<AppState>, Form(form): Form<TokenForm>) -> Html<String> {
    match session::confirm_email(&state, &form.token, state.now()).await {
        Ok(true) => page(
            "E-mail confirmed",
            "<p>Your address is confirmed. You can sign in now.</p>",
        ),
        Ok(false) => page(
            "Link not valid",
            "<p>This confirmation link is invalid, used or expired.</p>",
        ),
        Err(e) => {
            tracing::error!(error = %e, "confirming an e-mail failed");
            page("Something went wrong", "<p>Please try again later.</p>")
        }
    }
}

/// The e-mailed password reset link opens this page: a form for the new password, which
/// `POST /reset-password` sets (the same operation as `POST /api/auth/reset-password`).
async fn reset_form(Query(q): Query<TokenForm>) -> Html<String> {
    page(
        "Choose a new password",
        &format!(
            "<form method=\"post\" action=\"/reset-password\"><input type=\"hidden\" name=\"token\" value=\"{}\">\
             <p><label>New password (at least 8 characters)<br><input type=\"password\" name=\"password\" \
             minlength=\"8\" autocomplete=\"new-password\" required></label></p>\
             <button type=\"submit\">Set the password</button></form>",
            escape(&q.token)
        ),
    )
}

#[derive(Debug, Deserialize)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

async fn reset(
    State(state): State<AppState>,
    origin: crate::audit::Origin,
    Form(form): Form<ResetForm>,
) -> Html<String> {
    let now = state.now();
    match crate::auth::links::reset_password(&state, &form.token, &form.password, &origin, now)
        .await
    {
        Ok(()) => page(
            "Password changed",
            "<p>Your password is set, and every session of your account has ended. Sign in with the new password.</p>",
        ),
        Err(ApiError::BadRequest(message)) => page(
            "Password not changed",
            &format!("<p>{}</p>", escape(&message)),
        ),
        Err(e) => {
            tracing::error!(error = %e, "resetting a password failed");
            page("Something went wrong", "<p>Please try again later.</p>")
        }
    }
}

/// The link sent to a new address opens this page; the change takes a click (a POST).
async fn email_change_form(Query(q): Query<TokenForm>) -> Html<String> {
    page(
        "Confirm your new e-mail address",
        &format!(
            "<form method=\"post\" action=\"/confirm-email-change\"><input type=\"hidden\" name=\"token\" value=\"{}\">\
             <button type=\"submit\">Use this address for my account</button></form>",
            escape(&q.token)
        ),
    )
}

async fn email_change(
    State(state): State<AppState>,
    origin: crate::audit::Origin,
    Form(form): Form<TokenForm>,
) -> Html<String> {
    match crate::auth::links::confirm_email_change(&state, &form.token, &origin, state.now()).await
    {
        Ok(()) => page(
            "E-mail address changed",
            "<p>Your account uses this address now. Sign in with it.</p>",
        ),
        Err(ApiError::BadRequest(message) | ApiError::Conflict { message, .. }) => page(
            "Address not changed",
            &format!("<p>{}</p>", escape(&message)),
        ),
        Err(e) => {
            tracing::error!(error = %e, "changing an e-mail address failed");
            page("Something went wrong", "<p>Please try again later.</p>")
        }
    }
}

/// The e-mailed invitation link opens this page (api.md §4). Accepting needs the invitee signed
/// in, which happens in the app, so the page says what the invitation is and how to accept it.
async fn invitation(State(state): State<AppState>, Query(q): Query<TokenForm>) -> Html<String> {
    match invitations::preview(&state, &q.token, state.now()).await {
        Ok(p) => {
            let i = &p.invitation;
            let first = if p.has_account {
                "Sign in to Facturo with"
            } else {
                "Register in Facturo with"
            };
            page(
                "You are invited",
                &format!(
                    "<p>You are invited to join <strong>{org}</strong> as <strong>{role}</strong>, \
                     until {expires}.</p><p>{first} <strong>{email}</strong>, then accept the \
                     invitation in the app (it sends <code>POST /api/v1/invitations/accept/&lt;token&gt;</code> \
                     with the token of this link).</p>",
                    org = escape(&i.organization_name),
                    role = escape(&i.role),
                    expires = crate::api::wire::timestamp_text(i.expires_at),
                    email = escape(&i.email),
                ),
            )
        }
        Err(ApiError::NotFound(_) | ApiError::Custom(..)) => page(
            "Invitation not valid",
            "<p>This invitation link is invalid, used, cancelled or expired. Ask for a new one.</p>",
        ),
        Err(e) => {
            tracing::error!(error = %e, "showing an invitation failed");
            page("Something went wrong", "<p>Please try again later.</p>")
        }
    }
}

#[derive(Debug, Deserialize)]
struct LinkQuery {
    #[serde(default)]
    failed: Option<String>,
}

/// A connect link's page (api.md §19 `linkUrl`): whoever holds the company's qualified
/// certificate continues to ANAF from here, and ANAF's redirect comes back here with the result.
async fn anaf_link(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<LinkQuery>,
) -> Html<String> {
    let status = match links::status(&state, &token, state.now()).await {
        Ok(Some(status)) => status,
        Ok(None) => return page("Link not valid", "<p>This link does not exist.</p>"),
        Err(e) => {
            tracing::error!(error = %e, "showing an ANAF link failed");
            return page("Something went wrong", "<p>Please try again later.</p>");
        }
    };
    let company = status.company_name.as_deref().map_or_else(
        || "your account".to_owned(),
        |name| format!("<strong>{}</strong>", escape(name)),
    );
    if status.completed {
        return page(
            "Connected to ANAF",
            &format!(
                "<p>The ANAF e-Factura authorization for {company} is stored. You can close this page.</p>"
            ),
        );
    }
    if !status.is_open() {
        return page(
            "Link expired",
            "<p>This link has expired or was used. Ask for a new one.</p>",
        );
    }
    let failed = match (&q.failed, &status.last_error) {
        (Some(_), Some(error)) => format!(
            "<p><strong>The last attempt failed:</strong> {}</p>",
            escape(error)
        ),
        _ => String::new(),
    };
    page(
        "Connect to ANAF e-Factura",
        &format!(
            "{failed}<p>This authorizes Facturo to submit and receive e-Factura documents for              {company}. Plug in the qualified certificate (USB token) of a person with SPV              rights for the company, then continue to ANAF and sign in with it. The link works              until {expires}.</p><p><a href=\"/api/v1/anaf/token-links/{token}/authorize\">\
             Continue to ANAF</a></p>",
            expires = crate::api::wire::timestamp_text(status.expires_at),
            token = escape(&token),
        ),
    )
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{title} · Facturo</title></head>\
         <body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem\">\
         <h1>{title}</h1>{body}</body></html>"
    ))
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
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

#[cfg(test)]
mod tests {
    #[test]
    fn escaping_neutralises_markup() {
        assert_eq!(super::escape("\"><script>"), "&quot;&gt;&lt;script&gt;");
    }
}
