//! `POST /api/v1/validate`: any UBL 2.1 invoice or credit note, checked by the native validator
//! (issue #3) against the rule sets its customization id calls for: the UBL schema, EN 16931,
//! and CIUS-RO for Romanian documents. Facturo's own route (the Storno API has none): the body is
//! the XML itself, up to ANAF's 10 MiB limit.

use axum::Json;
use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use crate::auth::Principal;
use crate::state::AppState;

/// The largest document accepted: ANAF's upload limit.
pub const MAX_XML_BYTES: usize = 10 * 1024 * 1024;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(validate))
        // One byte more than the validator takes, so an oversized document gets the
        // validator's clear finding rather than a bare 413.
        .layer(DefaultBodyLimit::max(MAX_XML_BYTES + 1))
}

/// One finding of the validator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ValidationFinding {
    /// The official rule id (`BR-CO-10`, `BR-RO-110`), `XSD` for a schema violation,
    /// `XML-WELLFORMED` for input that is not XML.
    pub rule_id: &'static str,
    /// `fatal`, `error`, `warning` or `information`.
    pub severity: &'static str,
    /// `xsd` for the schema, `schematron` for the business rules.
    pub source: &'static str,
    pub message: String,
    /// The same message in Romanian.
    pub message_ro: String,
    /// `/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]`; empty for the whole document.
    pub location: String,
    /// The business terms and groups concerned (`BT-48`).
    pub business_terms: Vec<&'static str>,
}

impl From<rules::Finding> for ValidationFinding {
    fn from(f: rules::Finding) -> Self {
        ValidationFinding {
            rule_id: f.rule,
            severity: f.severity.as_str(),
            source: match f.rule_set {
                rules::RuleSet::XsdUbl => "xsd",
                rules::RuleSet::En16931Ubl | rules::RuleSet::CiusRo => "schematron",
            },
            message: f.message.en.into_owned(),
            message_ro: f.message.ro.into_owned(),
            location: f.location,
            business_terms: f.terms.to_vec(),
        }
    }
}

/// What the validator found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ValidationReport {
    /// No fatal or error finding.
    pub valid: bool,
    /// The rule sets applied (`xsd-ubl`, `cius-ro` or `en16931-ubl`).
    pub rule_sets: Vec<&'static str>,
    /// Fatal and error findings: the document would be refused.
    pub errors: Vec<ValidationFinding>,
    /// Warnings and information.
    pub warnings: Vec<ValidationFinding>,
    /// Always true: the official rules run natively.
    pub schematron_available: bool,
}

impl From<rules::Report> for ValidationReport {
    fn from(report: rules::Report) -> Self {
        let valid = report.is_valid();
        let (errors, warnings): (Vec<_>, Vec<_>) = report
            .findings
            .into_iter()
            .partition(|f| f.severity.is_blocking());
        ValidationReport {
            valid,
            rule_sets: report.rule_sets.iter().map(|s| s.as_str()).collect(),
            errors: errors.into_iter().map(Into::into).collect(),
            warnings: warnings.into_iter().map(Into::into).collect(),
            schematron_available: true,
        }
    }
}

/// Validate a UBL 2.1 invoice or credit note sent as the request body (XML, at most 10 MiB):
/// schema, EN 16931 and, when its customization id names CIUS-RO, the Romanian rules.
#[utoipa::path(post, path = "/api/v1/validate", tag = "validation", operation_id = "ubl_validate",
    request_body(content = String, content_type = "application/xml", description = "The UBL document"),
    responses((status = 200, body = ValidationReport), (status = 401), (status = 413)))]
async fn validate(_user: Principal, body: Bytes) -> Result<Json<ValidationReport>, ApiError> {
    // Large documents take milliseconds of CPU: keep them off the async workers.
    let report = tokio::task::spawn_blocking(move || rules::validate(&body))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("validator task failed: {e}")))?;
    Ok(Json(report.into()))
}
