//! `/api/v1/pdf-template-config` (the storno-cli's `pdf_template_config_*` tools; api.md has no
//! section): how the company's documents print — design, colour, typeface, which sections
//! show, a footer line — the designs on offer, and a preview PDF of unsaved settings.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, Flag, Patch};
use super::wire;
use crate::documents::branding::{self, Branding, Change};
use crate::documents::printing;
use crate::plan::Feature;
use crate::state::AppState;
use crate::store::Ts;
use crate::store::branding::{self as store, PdfConfigRow};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get, update))
        .routes(routes!(templates))
        .routes(routes!(preview))
}

/// The company's PDF settings.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PdfConfig {
    /// `classic` or `modern`.
    pub template_slug: String,
    /// `#rrggbb`; `null` is the design's own colour.
    pub primary_color: Option<String>,
    /// `Libertinus Serif` or `DejaVu Sans`; `null` is the design's own typeface.
    pub font_family: Option<String>,
    pub show_logo: bool,
    pub show_bank_info: bool,
    /// Ours: the invoice notes and mentions.
    pub show_notes: bool,
    /// Ours: the due date.
    pub show_due_date: bool,
    /// Ours: who drew up the document, the delegate and the signature lines.
    pub show_issuer: bool,
    /// Ours: the amount due in words (Romanian documents).
    pub show_total_in_words: bool,
    /// One line printed at the foot of every page.
    pub footer_text: Option<String>,
    /// Always `null`: typst lays the PDFs out, so there is no CSS to apply.
    #[schema(value_type = Option<String>)]
    pub custom_css: Option<()>,
    /// Whether the company has a logo (`/api/v1/companies/{id}/logo`).
    pub has_logo: bool,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: String,
}

fn view(row: PdfConfigRow, has_logo: bool) -> PdfConfig {
    PdfConfig {
        template_slug: row.template_slug,
        primary_color: row.primary_color,
        font_family: row.font_family,
        show_logo: row.show_logo,
        show_bank_info: row.show_bank_info,
        show_notes: row.show_notes,
        show_due_date: row.show_due_date,
        show_issuer: row.show_issuer,
        show_total_in_words: row.show_total_in_words,
        footer_text: row.footer_text,
        custom_css: None,
        has_logo,
        updated_at: wire::timestamp_text(row.updated_at.0),
    }
}

/// A change to the settings: absent fields stay as they are; `null` puts a colour, typeface or
/// footer back to none.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PdfConfigInput {
    pub template_slug: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub primary_color: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub font_family: Patch<String>,
    pub show_logo: Option<Flag>,
    pub show_bank_info: Option<Flag>,
    pub show_notes: Option<Flag>,
    pub show_due_date: Option<Flag>,
    pub show_issuer: Option<Flag>,
    pub show_total_in_words: Option<Flag>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub footer_text: Patch<String>,
    /// Refused unless empty: typst cannot apply CSS.
    pub custom_css: Option<String>,
}

impl From<PdfConfigInput> for Change {
    fn from(i: PdfConfigInput) -> Self {
        let flag = |f: Option<Flag>| f.map(|f| f.0);
        Change {
            design: i.template_slug,
            color: i.primary_color,
            typeface: i.font_family,
            show_logo: flag(i.show_logo),
            show_bank_info: flag(i.show_bank_info),
            show_notes: flag(i.show_notes),
            show_due_date: flag(i.show_due_date),
            show_issuer: flag(i.show_issuer),
            show_total_in_words: flag(i.show_total_in_words),
            footer: i.footer_text,
            custom_css: i.custom_css,
        }
    }
}

/// The current settings with `input` applied, or a 400 naming every bad field.
async fn changed(
    state: &AppState,
    scope: &CompanyScope,
    input: PdfConfigInput,
) -> Result<PdfConfigRow, ApiError> {
    let current = branding::settings(state, scope.id()).await?;
    let mut row =
        branding::apply(current, input.into()).map_err(crate::documents::save::invalid)?;
    row.updated_at = Ts(state.now());
    Ok(row)
}

async fn has_logo(state: &AppState, scope: &CompanyScope) -> Result<bool, ApiError> {
    Ok(store::logo(&state.db, scope.id()).await?.is_some())
}

/// The company's PDF settings (the defaults until it saves some).
#[utoipa::path(get, path = "/api/v1/pdf-template-config", tag = "pdf", operation_id = "pdf_config_get",
    responses((status = 200, body = PdfConfig)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
) -> Result<Json<PdfConfig>, ApiError> {
    scope.require(Permission::SettingsView)?;
    let row = branding::settings(&state, scope.id()).await?;
    Ok(Json(view(row, has_logo(&state, &scope).await?)))
}

/// Change the PDF settings; every PDF the company prints from now on follows them.
#[utoipa::path(put, path = "/api/v1/pdf-template-config", tag = "pdf", operation_id = "pdf_config_update",
    request_body = PdfConfigInput,
    responses((status = 200, body = PdfConfig), (status = 400, description = "`{error, errors}` naming each bad field")))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(input): AppJson<PdfConfigInput>,
) -> Result<Json<PdfConfig>, ApiError> {
    scope.require(Permission::SettingsManage)?;
    let row = changed(&state, &scope, input).await?;
    let mut tx = state.db.begin().await?;
    store::save_pdf_config(&mut tx, &row).await?;
    tx.commit().await?;
    Ok(Json(view(row, has_logo(&state, &scope).await?)))
}

/// A design on offer.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub slug: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// The accent colour it uses unless the company sets one.
    pub default_color: String,
    /// The typeface it uses unless the company sets one.
    pub font_family: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TemplateList {
    pub data: Vec<Template>,
    /// The typefaces `fontFamily` may name.
    pub font_families: Vec<&'static str>,
}

/// The designs a company may choose.
#[utoipa::path(get, path = "/api/v1/pdf-template-config/templates", tag = "pdf", operation_id = "pdf_config_templates",
    responses((status = 200, body = TemplateList)))]
async fn templates(scope: CompanyScope) -> Result<Json<TemplateList>, ApiError> {
    scope.require(Permission::SettingsView)?;
    let data = pdf::Design::ALL
        .into_iter()
        .map(|d| Template {
            slug: d.slug(),
            name: match d {
                pdf::Design::Classic => "Clasic",
                pdf::Design::Modern => "Modern",
            },
            description: match d {
                pdf::Design::Classic => {
                    "Serif type and thin rules, in the shape of a Romanian printed invoice form."
                }
                pdf::Design::Modern => {
                    "Sans-serif type, the title on a band of colour, shaded tables."
                }
            },
            default_color: pdf::DEFAULT_ACCENT.to_owned(),
            font_family: d.typeface().family(),
        })
        .collect();
    Ok(Json(TemplateList {
        data,
        font_families: pdf::Typeface::ALL.iter().map(|t| t.family()).collect(),
    }))
}

/// A PDF of an example invoice from the company, in the saved settings with the body's
/// changes applied (nothing is saved). The incumbent answers HTML; this answers the PDF
/// itself.
#[utoipa::path(post, path = "/api/v1/pdf-template-config/preview", tag = "pdf", operation_id = "pdf_config_preview",
    request_body = PdfConfigInput,
    responses((status = 200, content_type = "application/pdf", description = "The example invoice"),
        (status = 400, description = "`{error, errors}` naming each bad field"),
        (status = 402, description = "The plan has no PDF generation")))]
async fn preview(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(input): AppJson<PdfConfigInput>,
) -> Result<Response, ApiError> {
    scope.require(Permission::SettingsView)?;
    state.require_feature(Feature::PdfGeneration)?;
    let row = changed(&state, &scope, input).await?;
    let branding = Branding::with(&state, scope.id(), row).await?;
    let today = state.now().date();
    let document = branding::sample(&state, &scope, today).await?;
    let look = branding.apply(pdf::Look::new(pdf::Title::Invoice, pdf::Language::Ro));
    let bytes = printing::off_thread("the preview", move || {
        pdf::render(&document, &look).map_err(|e| e.to_string())
    })
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"preview.pdf\"",
            ),
        ],
        bytes,
    )
        .into_response())
}
