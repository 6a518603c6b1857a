//! Recurring invoices (api.md §17): templates, pause/resume, "issue now", bulk actions. The
//! schedule, price rules and exactly-once runs are in `documents::recurring`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::bulk::{self, BulkError, Deleted};
use super::error::ApiError;
use super::invoices::LineView;
use super::json::{AppJson, AppPath, AppQuery, Flag};
use super::page::{Page, PageMeta};
use super::trade::{ClientRef, SeriesRef};
use super::wire;
use crate::documents::recurring::{self, RecurringInput, Trigger};
use crate::documents::{calendar, draft, save};
use crate::events::RecurringChange;
use crate::ids::{InvoiceId, RecurringId};
use crate::plan::Feature;
use crate::state::AppState;
use crate::store::clients;
use crate::store::recurring::{self as store, RecurringRecord};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, delete))
        .routes(routes!(toggle))
        .routes(routes!(issue_now))
        .routes(routes!(bulk_delete))
        .routes(routes!(bulk_toggle_active))
        .routes(routes!(bulk_issue_now))
}

fn not_found() -> ApiError {
    ApiError::NotFound("Recurring invoice not found.")
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    page: Option<i64>,
    limit: Option<i64>,
    /// Reference or client name.
    search: Option<String>,
    is_active: Option<Flag>,
    frequency: Option<String>,
}

/// A template in lists and details (api.md §25.9).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecurringView {
    pub id: RecurringId,
    pub client: Option<ClientRef>,
    pub client_name: Option<String>,
    pub reference: Option<String>,
    pub is_active: bool,
    pub document_type: String,
    pub currency: String,
    pub invoice_type_code: Option<String>,
    pub frequency: String,
    pub frequency_day: i32,
    pub frequency_month: Option<i32>,
    #[serde(serialize_with = "wire::date_opt")]
    #[schema(value_type = Option<String>, format = Date)]
    pub next_issuance_date: Option<Date>,
    #[serde(serialize_with = "wire::date_opt")]
    #[schema(value_type = Option<String>, format = Date)]
    pub stop_date: Option<Date>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_issued_at: Option<OffsetDateTime>,
    /// The last invoice made, or proforma for a template of proformas (`lastDocumentType`).
    pub last_invoice_id: Option<uuid::Uuid>,
    pub last_invoice_number: Option<String>,
    pub last_document_type: Option<String>,
    /// Ours: why the last scheduled run failed, until one succeeds.
    pub last_error: Option<String>,
    /// At the template's own prices.
    pub subtotal: String,
    pub vat_total: String,
    pub total: String,
    /// Ours: generated invoices are issued (else left as drafts) and submitted to ANAF.
    pub auto_issue: bool,
    pub auto_submit: bool,
    pub version: i32,
}

impl RecurringView {
    fn of(r: &RecurringRecord, client_name: Option<String>) -> Self {
        let t = &r.content.0;
        RecurringView {
            id: r.id,
            client: r.client_id.map(|id| ClientRef {
                id,
                name: client_name.clone(),
                cui: None,
            }),
            client_name,
            reference: r.reference.clone(),
            is_active: r.is_active,
            document_type: r.document_type.clone(),
            currency: r.currency.clone(),
            invoice_type_code: t.invoice_type_code.clone(),
            frequency: r.frequency.clone(),
            frequency_day: r.frequency_day,
            frequency_month: r.frequency_month,
            next_issuance_date: r.next_issuance_date,
            stop_date: r.stop_date,
            last_issued_at: r.last_issued_at.map(|t| t.0),
            last_invoice_id: r
                .last_invoice_id
                .map(|i| i.0)
                .or(r.last_trade_document_id.map(|p| p.0)),
            last_invoice_number: r.last_invoice_number.clone(),
            last_document_type: r.last_document_type.clone(),
            last_error: r.last_error.clone(),
            subtotal: wire::amount(r.subtotal),
            vat_total: wire::amount(r.vat_total),
            total: wire::amount(r.total),
            auto_issue: r.auto_issue,
            auto_submit: r.auto_submit,
            version: r.version,
        }
    }
}

/// A template with its lines and options.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecurringDetail {
    #[serde(flatten)]
    pub view: RecurringView,
    pub document_series: Option<SeriesRef>,
    pub due_date_type: Option<String>,
    pub due_date_days: Option<i64>,
    pub due_date_fixed_day: Option<i64>,
    pub auto_email_enabled: bool,
    pub auto_email_time: Option<String>,
    pub auto_email_day_offset: i64,
    pub notes: Option<String>,
    pub payment_terms: Option<String>,
    /// The lines at the template's prices, each with its `priceRule`, `referenceCurrency` and
    /// `markupPercent`.
    #[schema(value_type = Vec<Object>)]
    pub lines: Vec<Value>,
}

async fn client_name(
    state: &AppState,
    scope: &CompanyScope,
    r: &RecurringRecord,
) -> Result<Option<String>, ApiError> {
    Ok(match r.client_id {
        Some(c) => clients::get(&state.db, scope.id(), c)
            .await?
            .map(|c| c.name),
        None => None,
    })
}

async fn detail(
    state: &AppState,
    scope: &CompanyScope,
    r: RecurringRecord,
) -> Result<RecurringDetail, ApiError> {
    let name = client_name(state, scope, &r).await?;
    let t = &r.content.0;
    let today = calendar::bucharest_today(state.now());
    let lines = match draft::build(
        &recurring::invoice_input(t, today, &[]),
        &scope.company,
        today,
    ) {
        Ok(sample) => save::lines_of(&sample, InvoiceId(uuid::Uuid::nil()))
            .into_iter()
            .zip(t.lines.iter().flatten())
            .map(|(mut l, rule)| {
                // A template's lines are not stored rows: each gets a stable id made of the
                // template's and its position.
                let mut bytes = *r.id.0.as_bytes();
                bytes[14..16]
                    .copy_from_slice(&u16::try_from(l.position).unwrap_or(0).to_be_bytes());
                l.id = crate::ids::LineId(uuid::Uuid::from_bytes(bytes));
                let mut v = serde_json::to_value(LineView::new(l)).unwrap_or_default();
                if let Some(map) = v.as_object_mut() {
                    map.insert(
                        "priceRule".into(),
                        rule.price_rule
                            .clone()
                            .unwrap_or_else(|| "fixed".into())
                            .into(),
                    );
                    map.insert(
                        "referenceCurrency".into(),
                        rule.reference_currency.clone().into(),
                    );
                    map.insert(
                        "markupPercent".into(),
                        rule.markup_percent.map(|m| wire::short(m.0)).into(),
                    );
                }
                v
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let document_series = super::invoices::series_ref(state, scope, r.series_id).await?;
    Ok(RecurringDetail {
        document_series,
        due_date_type: t.due_date_type.clone(),
        due_date_days: t.due_date_days,
        due_date_fixed_day: t.due_date_fixed_day,
        auto_email_enabled: t.auto_email_enabled.is_some_and(|f| f.0),
        auto_email_time: t.auto_email_time.clone(),
        auto_email_day_offset: t.auto_email_day_offset.unwrap_or(0),
        notes: t.details.notes.clone(),
        payment_terms: t.details.payment_terms.clone(),
        lines,
        view: RecurringView::of(&r, name),
    })
}

async fn record(
    state: &AppState,
    scope: &CompanyScope,
    id: RecurringId,
) -> Result<RecurringRecord, ApiError> {
    store::get(&state.db, scope.id(), id)
        .await?
        .ok_or_else(not_found)
}

/// `{data, total, page, limit}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecurringList {
    pub data: Vec<RecurringView>,
    #[serde(flatten)]
    pub page: PageMeta,
}

/// The company's recurring templates, newest first.
#[utoipa::path(get, path = "/api/v1/recurring-invoices", tag = "recurring-invoices", operation_id = "recurring_list",
    params(ListQuery), responses((status = 200, body = RecurringList)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppQuery(q): AppQuery<ListQuery>,
) -> Result<Json<RecurringList>, ApiError> {
    scope.require(Permission::RecurringInvoiceView)?;
    let page = Page::new(q.page, q.limit);
    let (rows, total) = store::page(
        &state.db,
        scope.id(),
        q.search.as_deref(),
        q.is_active.map(|f| f.0),
        q.frequency.as_deref(),
        page.limit,
        page.offset(),
    )
    .await?;
    let mut data = Vec::with_capacity(rows.len());
    for r in &rows {
        data.push(RecurringView::of(r, client_name(&state, &scope, r).await?));
    }
    Ok(Json(RecurringList {
        data,
        page: page.meta(total),
    }))
}

/// Create a template. Its first run is `nextIssuanceDate` (not in the past), or the first day
/// the schedule gives from today.
#[utoipa::path(post, path = "/api/v1/recurring-invoices", tag = "recurring-invoices", operation_id = "recurring_create",
    request_body = RecurringInput,
    responses((status = 201, body = RecurringDetail), (status = 400, description = "`{error, errors[]}` naming each wrong field"),
        (status = 402, description = "The plan has no recurring invoices")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<RecurringInput>,
) -> Result<(StatusCode, Json<RecurringDetail>), ApiError> {
    scope.require(Permission::RecurringInvoiceManage)?;
    state.require_feature(Feature::RecurringInvoices)?;
    let r = recurring::create(&state, &scope, &body, state.now()).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &scope, r).await?)))
}

#[utoipa::path(get, path = "/api/v1/recurring-invoices/{id}", tag = "recurring-invoices", operation_id = "recurring_get",
    params(("id" = RecurringId, Path)), responses((status = 200, body = RecurringDetail), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<RecurringId>,
) -> Result<Json<RecurringDetail>, ApiError> {
    scope.require(Permission::RecurringInvoiceView)?;
    let r = record(&state, &scope, id).await?;
    Ok(Json(detail(&state, &scope, r).await?))
}

/// Change a template: only the keys sent change (`lines` replaces all lines);
/// `nextIssuanceDate` in the past is refused.
#[utoipa::path(put, path = "/api/v1/recurring-invoices/{id}", tag = "recurring-invoices", operation_id = "recurring_update",
    params(("id" = RecurringId, Path)), request_body = RecurringInput,
    responses((status = 200, body = RecurringDetail), (status = 400), (status = 409)))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<RecurringId>,
    AppJson(body): AppJson<Value>,
) -> Result<Json<RecurringDetail>, ApiError> {
    scope.require(Permission::RecurringInvoiceManage)?;
    let Value::Object(patch) = body else {
        return Err(ApiError::bad_request("The body must be a JSON object."));
    };
    let r = recurring::update(&state, &scope, id, patch, state.now()).await?;
    Ok(Json(detail(&state, &scope, r).await?))
}

async fn delete_one(
    state: &AppState,
    scope: &CompanyScope,
    id: RecurringId,
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    if !store::soft_delete(&mut tx, scope.id(), id, state.now()).await? {
        return Err(not_found());
    }
    recurring::changed(
        &mut tx,
        scope.origin(),
        RecurringChange::Deleted,
        id,
        None,
        state.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Delete a template; the invoices it made stay.
#[utoipa::path(delete, path = "/api/v1/recurring-invoices/{id}", tag = "recurring-invoices", operation_id = "recurring_delete",
    params(("id" = RecurringId, Path)), responses((status = 204), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<RecurringId>,
) -> Result<StatusCode, ApiError> {
    scope.require(Permission::RecurringInvoiceManage)?;
    delete_one(&state, &scope, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Pauses or resumes a template; `None` flips it. A template resumed after its next date
/// passed starts again from today's schedule, without invoicing the periods it missed.
async fn set_active(
    state: &AppState,
    scope: &CompanyScope,
    id: RecurringId,
    active: Option<bool>,
) -> Result<RecurringRecord, ApiError> {
    let now = state.now();
    let today = calendar::bucharest_today(now);
    let mut tx = state.db.begin().await?;
    let current = store::get_for_update(&mut tx, scope.id(), id)
        .await?
        .ok_or_else(not_found)?;
    let active = active.unwrap_or(!current.is_active);
    if active && !current.is_active {
        let schedule = recurring::schedule_of(&current).ok_or_else(not_found)?;
        let next = match current.next_issuance_date {
            Some(d) if d >= today => d,
            _ => schedule.first_on_or_after(today),
        };
        if current.stop_date.is_some_and(|s| next > s) {
            return Err(ApiError::unprocessable(
                "The template's stop date has passed: change stopDate to resume it.",
            ));
        }
        let mut resumed = current.clone();
        resumed.next_issuance_date = Some(next);
        resumed.updated_at = crate::store::Ts(now);
        store::replace(&mut tx, &resumed, current.version).await?;
    }
    if active != current.is_active {
        store::set_active(&mut tx, scope.id(), id, active, now).await?;
        let change = if active {
            RecurringChange::Resumed
        } else {
            RecurringChange::Paused
        };
        recurring::changed(&mut tx, scope.origin(), change, id, None, now).await?;
    }
    let after = store::get_for_update(&mut tx, scope.id(), id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(after)
}

/// Pause an active template, resume a paused one.
#[utoipa::path(post, path = "/api/v1/recurring-invoices/{id}/toggle", tag = "recurring-invoices", operation_id = "recurring_toggle",
    params(("id" = RecurringId, Path)), responses((status = 200, body = RecurringDetail), (status = 404)))]
async fn toggle(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<RecurringId>,
) -> Result<Json<RecurringDetail>, ApiError> {
    scope.require(Permission::RecurringInvoiceManage)?;
    let r = set_active(&state, &scope, id, None).await?;
    Ok(Json(detail(&state, &scope, r).await?))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssuedNow {
    /// The invoice's id, or the proforma's for a template of proformas.
    pub invoice_id: uuid::Uuid,
    pub invoice_number: String,
    pub document_type: String,
}

async fn issue_one(
    state: &AppState,
    scope: &CompanyScope,
    id: RecurringId,
) -> Result<IssuedNow, ApiError> {
    record(state, scope, id).await?;
    let issued = Box::pin(recurring::run(state, id, Trigger::Now, state.now()))
        .await?
        .ok_or_else(not_found)?;
    Ok(IssuedNow {
        invoice_id: issued.made.id(),
        invoice_number: issued.number,
        document_type: issued.document_type,
    })
}

/// Issue the template's invoice now, at today's prices; the schedule does not move.
#[utoipa::path(post, path = "/api/v1/recurring-invoices/{id}/issue-now", tag = "recurring-invoices", operation_id = "recurring_issue_now",
    params(("id" = RecurringId, Path)), responses((status = 200, body = IssuedNow), (status = 400), (status = 404)))]
async fn issue_now(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<RecurringId>,
) -> Result<Json<IssuedNow>, ApiError> {
    scope.require(Permission::RecurringInvoiceManage)?;
    scope.require(Permission::InvoiceIssue)?;
    Ok(Json(issue_one(&state, &scope, id).await?))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BulkIds {
    #[serde(default)]
    pub ids: Vec<String>,
    /// `bulk-toggle-active`: the state to set (`active` is accepted too).
    #[serde(alias = "active")]
    pub is_active: Option<Flag>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkUpdated {
    pub updated: usize,
    pub errors: Vec<BulkError>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkIssued {
    pub issued: usize,
    pub errors: Vec<BulkError>,
}

#[utoipa::path(post, path = "/api/v1/recurring-invoices/bulk-delete", tag = "recurring-invoices", operation_id = "recurring_bulk_delete",
    request_body = BulkIds, responses((status = 200, body = Deleted)))]
async fn bulk_delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<BulkIds>,
) -> Result<Json<Deleted>, ApiError> {
    scope.require(Permission::RecurringInvoiceManage)?;
    let (deleted, errors) = bulk::each(body.ids, not_found, |id: RecurringId| {
        delete_one(&state, &scope, id)
    })
    .await?;
    Ok(Json(Deleted { deleted, errors }))
}

/// Pause or resume each template named (`isActive` required).
#[utoipa::path(post, path = "/api/v1/recurring-invoices/bulk-toggle-active", tag = "recurring-invoices", operation_id = "recurring_bulk_toggle",
    request_body = BulkIds, responses((status = 200, body = BulkUpdated), (status = 400)))]
async fn bulk_toggle_active(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<BulkIds>,
) -> Result<Json<BulkUpdated>, ApiError> {
    scope.require(Permission::RecurringInvoiceManage)?;
    let active = body
        .is_active
        .ok_or_else(|| ApiError::bad_request("isActive is required."))?
        .0;
    let (updated, errors) = bulk::each(body.ids, not_found, |id: RecurringId| {
        let (state, scope) = (&state, &scope);
        async move { set_active(state, scope, id, Some(active)).await.map(|_| ()) }
    })
    .await?;
    Ok(Json(BulkUpdated { updated, errors }))
}

#[utoipa::path(post, path = "/api/v1/recurring-invoices/bulk-issue-now", tag = "recurring-invoices", operation_id = "recurring_bulk_issue_now",
    request_body = BulkIds, responses((status = 200, body = BulkIssued)))]
async fn bulk_issue_now(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<BulkIds>,
) -> Result<Json<BulkIssued>, ApiError> {
    scope.require(Permission::RecurringInvoiceManage)?;
    scope.require(Permission::InvoiceIssue)?;
    let (issued, errors) = bulk::each(body.ids, not_found, |id: RecurringId| {
        let (state, scope) = (&state, &scope);
        async move { issue_one(state, scope, id).await.map(|_| ()) }
    })
    .await?;
    Ok(Json(BulkIssued { issued, errors }))
}
