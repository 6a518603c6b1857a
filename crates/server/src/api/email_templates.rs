//! The company's e-mail templates (Facturo's own routes; the Storno API has none): subject and
//! body with `{{variables}}`, checked when saved, and a preview filled in from an invoice.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, AppPath, Flag};
use super::wire;
use crate::documents::email::{self, VARIABLES};
use crate::documents::save::invalid;
use crate::ids::{EmailTemplateId, InvoiceId};
use crate::state::AppState;
use crate::store::emails::{self as store, TemplateRow};
use crate::store::{Ts, invoices};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, delete))
        .routes(routes!(preview))
}

fn not_found() -> ApiError {
    ApiError::NotFound("E-mail template not found.")
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub id: EmailTemplateId,
    pub name: String,
    pub subject: String,
    pub body: String,
    pub is_default: bool,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: String,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: String,
}

impl From<TemplateRow> for Template {
    fn from(t: TemplateRow) -> Self {
        Template {
            id: t.id,
            name: t.name,
            subject: t.subject,
            body: t.body,
            is_default: t.is_default,
            created_at: wire::timestamp_text(t.created_at.0),
            updated_at: wire::timestamp_text(t.updated_at.0),
        }
    }
}

/// A variable a template may use.
#[derive(Debug, Serialize, ToSchema)]
pub struct Variable {
    pub name: &'static str,
    pub description: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateList {
    pub data: Vec<Template>,
    /// What `{{…}}` may name.
    pub variables: Vec<Variable>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TemplateInput {
    pub name: Option<String>,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub is_default: Option<Flag>,
}

#[utoipa::path(get, path = "/api/v1/email-templates", tag = "email-templates", operation_id = "email_template_list",
    responses((status = 200, body = TemplateList)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
) -> Result<Json<TemplateList>, ApiError> {
    scope.require(Permission::EmailTemplateView)?;
    let data = store::templates(&state.db, scope.id())
        .await?
        .into_iter()
        .map(Template::from)
        .collect();
    Ok(Json(TemplateList {
        data,
        variables: VARIABLES
            .iter()
            .map(|(name, description)| Variable { name, description })
            .collect(),
    }))
}

/// Checks and writes a template: `current` when changing one.
async fn save(
    state: &AppState,
    scope: &CompanyScope,
    current: Option<TemplateRow>,
    input: TemplateInput,
) -> Result<TemplateRow, ApiError> {
    let now = state.now();
    let name = input
        .name
        .or_else(|| current.as_ref().map(|c| c.name.clone()))
        .unwrap_or_default();
    let subject = input
        .subject
        .or_else(|| current.as_ref().map(|c| c.subject.clone()))
        .unwrap_or_default();
    let body = input
        .body
        .or_else(|| current.as_ref().map(|c| c.body.clone()))
        .unwrap_or_default();
    let mut errors = email::check(&subject, &body).err().unwrap_or_default();
    if name.trim().is_empty() || name.len() > 200 {
        errors.push(crate::api::error::FieldError::new(
            "name",
            "A name of 1 to 200 characters is required.",
        ));
    }
    if !errors.is_empty() {
        return Err(invalid(errors));
    }
    let row = TemplateRow {
        id: current.as_ref().map_or_else(EmailTemplateId::new, |c| c.id),
        company_id: scope.id(),
        name: name.trim().to_owned(),
        subject,
        body,
        is_default: input
            .is_default
            .map_or_else(|| current.as_ref().is_some_and(|c| c.is_default), |f| f.0),
        created_at: current.as_ref().map_or(Ts(now), |c| c.created_at),
        updated_at: Ts(now),
    };
    let mut tx = state.db.begin().await?;
    store::save_template(&mut tx, &row).await?;
    tx.commit().await?;
    Ok(row)
}

/// Create a template; `{{variables}}` are checked (an unknown one or an unclosed `{{` is a
/// 400 naming it).
#[utoipa::path(post, path = "/api/v1/email-templates", tag = "email-templates", operation_id = "email_template_create",
    request_body = TemplateInput, responses((status = 201, body = Template), (status = 400)))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<TemplateInput>,
) -> Result<(StatusCode, Json<Template>), ApiError> {
    scope.require(Permission::EmailTemplateManage)?;
    let row = save(&state, &scope, None, body).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

async fn row(
    state: &AppState,
    scope: &CompanyScope,
    id: EmailTemplateId,
) -> Result<TemplateRow, ApiError> {
    store::template(&state.db, scope.id(), id)
        .await?
        .ok_or_else(not_found)
}

#[utoipa::path(get, path = "/api/v1/email-templates/{id}", tag = "email-templates", operation_id = "email_template_get",
    params(("id" = EmailTemplateId, Path)), responses((status = 200, body = Template), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<EmailTemplateId>,
) -> Result<Json<Template>, ApiError> {
    scope.require(Permission::EmailTemplateView)?;
    Ok(Json(row(&state, &scope, id).await?.into()))
}

/// Change a template: the keys sent replace the template's.
#[utoipa::path(put, path = "/api/v1/email-templates/{id}", tag = "email-templates", operation_id = "email_template_update",
    params(("id" = EmailTemplateId, Path)), request_body = TemplateInput,
    responses((status = 200, body = Template), (status = 400), (status = 404)))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<EmailTemplateId>,
    AppJson(body): AppJson<TemplateInput>,
) -> Result<Json<Template>, ApiError> {
    scope.require(Permission::EmailTemplateManage)?;
    let current = row(&state, &scope, id).await?;
    Ok(Json(
        save(&state, &scope, Some(current), body).await?.into(),
    ))
}

#[utoipa::path(delete, path = "/api/v1/email-templates/{id}", tag = "email-templates", operation_id = "email_template_delete",
    params(("id" = EmailTemplateId, Path)), responses((status = 204), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<EmailTemplateId>,
) -> Result<StatusCode, ApiError> {
    scope.require(Permission::EmailTemplateManage)?;
    let mut tx = state.db.begin().await?;
    if !store::delete_template(&mut tx, scope.id(), id).await? {
        return Err(not_found());
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRequest {
    /// A saved template to preview, or `subject` and `body` as typed.
    pub template_id: Option<EmailTemplateId>,
    pub subject: Option<String>,
    pub body: Option<String>,
    /// The invoice whose values fill the variables (else sample values).
    pub invoice_id: Option<InvoiceId>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Preview {
    pub subject: String,
    pub body: String,
}

/// Fill a template in without sending anything: with an invoice's values, or sample ones.
#[utoipa::path(post, path = "/api/v1/email-templates/preview", tag = "email-templates", operation_id = "email_template_preview",
    request_body = PreviewRequest, responses((status = 200, body = Preview), (status = 400), (status = 404)))]
async fn preview(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(req): AppJson<PreviewRequest>,
) -> Result<Json<Preview>, ApiError> {
    scope.require(Permission::EmailTemplateView)?;
    let saved = match req.template_id {
        Some(id) => Some(row(&state, &scope, id).await?),
        None => None,
    };
    let subject = req
        .subject
        .or_else(|| saved.as_ref().map(|t| t.subject.clone()))
        .unwrap_or_else(|| email::DEFAULT_SUBJECT.to_owned());
    let body = req
        .body
        .or_else(|| saved.as_ref().map(|t| t.body.clone()))
        .unwrap_or_else(|| email::DEFAULT_BODY.to_owned());
    email::check(&subject, &body).map_err(invalid)?;
    let (subject, body) = match req.invoice_id {
        Some(id) => {
            let inv = invoices::get(&state.db, scope.id(), id)
                .await?
                .ok_or(ApiError::NotFound("Invoice not found."))?;
            let values = email::Mailable::Invoice(inv).values(&scope);
            (
                email::render(&subject, &values),
                email::render(&body, &values),
            )
        }
        None => {
            let sample = |name: &str| {
                VARIABLES
                    .iter()
                    .any(|(n, _)| *n == name)
                    .then(|| format!("[{name}]"))
            };
            (
                email::render(&subject, sample),
                email::render(&body, sample),
            )
        }
    };
    let bad =
        |e: crate::documents::placeholders::TemplateError| ApiError::bad_request(e.to_string());
    Ok(Json(Preview {
        subject: subject.map_err(bad)?,
        body: body.map_err(bad)?,
    }))
}
