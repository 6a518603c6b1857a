//! The REST API: one file per resource, each starting with its `router()`; this file merges them
//! and adds the cross-cutting layers (request id, tracing, body limit, error logging).

pub mod anaf;
pub mod anaf_links;
pub mod api_tokens;
pub mod audit_log;
pub mod auth;
pub mod bank_accounts;
pub mod bulk;
pub mod clients;
pub mod companies;
pub mod company_logo;
pub mod delivery_notes;
pub mod document_emails;
pub mod efactura_messages;
pub mod email_templates;
pub mod error;
pub mod exchange_rates;
pub mod guard;
pub mod invitations;
pub mod invoice_defaults;
pub mod invoices;
pub mod json;
pub mod licensing;
pub mod me;
pub mod members;
pub mod mfa;
pub mod page;
pub mod passkeys;
pub mod payments;
pub mod pdf_config;
pub mod products;
pub mod proformas;
pub mod recovery;
pub mod recurring_invoices;
pub mod security;
pub mod series;
pub mod suppliers;
pub mod sync;
pub mod system;
pub mod trade;
pub mod validation;
pub mod vat_rates;
pub mod webhooks;
pub mod wire;

use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::HeaderName;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Facturo API",
        description = "Self-hostable e-invoicing. Wire-compatible with the Storno.ro API for every route it implements. \
                       Dates are YYYY-MM-DD, timestamps RFC 3339 with offset, amounts decimal strings.",
    ),
    tags(
        (name = "auth", description = "Sign in, register, tokens"),
        (name = "me", description = "The signed-in user"),
        (name = "companies", description = "Companies of the organization"),
        (name = "members", description = "Members of the organization (X-Organization) and invitations"),
        (name = "invoices", description = "Invoices and credit notes"),
        (name = "proformas", description = "Proforma invoices: offers that become invoices"),
        (name = "delivery-notes", description = "Delivery notes (avize de însoțire): numbered from their own series, invoiced alone or several together"),
        (name = "recurring-invoices", description = "Recurring invoice templates: schedules, price rules (BNR rates), runs exactly once per period"),
        (name = "email-templates", description = "The company's e-mail templates for sending documents, with {{variables}} and a preview"),
        (name = "payments", description = "Payments of an invoice: amountPaid, balance and paidAt follow"),
        (name = "products", description = "The company's products"), (name = "vat-rates", description = "The company's VAT rates; VAT category codes"),
        (name = "document-series", description = "Document series and numbering"), (name = "bank-accounts", description = "The company's bank accounts (Facturo's own, not in the Storno API); the default one is the company's bankAccount"),
        (name = "clients", description = "Clients of the company (X-Company)"),
        (name = "suppliers", description = "Suppliers of the company (X-Company)"),
        (name = "efactura", description = "ANAF e-Factura: the sync of the company's SPV box and its messages"),
        (name = "validation", description = "The native EN 16931 / CIUS-RO validator"),
        (name = "anaf", description = "ANAF e-Factura tokens of the signed-in user, stored encrypted; connect links and the OAuth flow; the installation's fingerprint"),
        (name = "webhooks", description = "Signed HTTP callbacks of the company's events; delivery history"),
        (name = "exchange-rates", description = "BNR reference rates and conversions"),
        (name = "pdf", description = "How the company's documents print: design, colour, typeface, sections, footer; a preview"),
        (name = "system", description = "Health and version"),
    )
)]
struct ApiDoc;

/// Every API route with its OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(auth::router())
        .merge(recovery::router())
        .merge(me::router())
        .merge(mfa::router())
        .merge(passkeys::router())
        .merge(api_tokens::router())
        .merge(audit_log::router())
        .merge(licensing::router())
        .merge(companies::router())
        .merge(company_logo::router())
        .merge(members::router())
        .merge(invitations::router())
        .merge(invoices::router())
        .merge(payments::router())
        .merge(proformas::router())
        .merge(delivery_notes::router())
        .merge(recurring_invoices::router())
        .merge(email_templates::router())
        .merge(pdf_config::router())
        .merge(invoice_defaults::router())
        .merge(products::router())
        .merge(vat_rates::router())
        .merge(series::router())
        .merge(bank_accounts::router())
        .merge(clients::router())
        .merge(suppliers::router())
        .merge(sync::router())
        .merge(efactura_messages::router())
        .merge(validation::router())
        .merge(anaf::router())
        .merge(anaf_links::router())
        .merge(webhooks::router())
        .merge(exchange_rates::router())
        .merge(system::router())
}

static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps every route in the cross-cutting layers, outermost first: request id, trace span,
/// panic → 500, request id on the response, timeout, 500 logging, body limit.
pub fn with_layers(router: axum::Router, max_body: usize) -> axum::Router {
    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::extract::Request| {
                let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
            }))
            .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
            .layer(CatchPanicLayer::custom(system::panic_response))
            .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_mins(1)))
            .layer(axum::middleware::from_fn(error::log_internal_errors))
            .layer(DefaultBodyLimit::max(max_body)),
    )
}
