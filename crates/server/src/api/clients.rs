//! Clients (api.md §6): the company's buyers, with their invoice figures. Amounts are decimal
//! strings (`"1190.00"`, issue #2), also where the incumbent sends numbers.

pub mod shapes;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::bulk::{Deleted, Ids};
use super::error::ApiError;
use super::json::{AppJson, AppPath, AppQuery, Flag, Patch};
use super::page::{Page, PageQuery};
use crate::auth::Principal;
use crate::ids::ClientId;
use crate::partners::clients::{self as ops, ClientChanges, Created};
use crate::state::AppState;
use crate::store::clients::{self, ClientFilter, ClientRow};
use crate::store::party_invoices::{self, Party, Sort};
use crate::tenancy::{CompanyScope, Permission};
use shapes::{
    ClientDetail, ClientList, ClientListItem, ClientView, CodeIn, RegistryCompany, name_change,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, delete))
        .routes(routes!(bulk_delete))
        .routes(routes!(anaf_lookup))
        .routes(routes!(from_registry))
}

const NOT_FOUND: ApiError = ApiError::NotFound("Client not found.");

async fn load(state: &AppState, scope: &CompanyScope, id: ClientId) -> Result<ClientRow, ApiError> {
    clients::get(&state.db, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)
}

/// The client list's query (api.md §6); unknown keys are ignored.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ClientListQuery {
    /// From 1.
    pub page: Option<i64>,
    /// 1 to 100, default 20.
    pub limit: Option<i64>,
    /// Part of the name, CUI, CNP, e-mail, ID number or VAT code, any case.
    pub search: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// `name` (default), `createdAt`, `invoiceCount`, `invoiceTotal` or `lastInvoiceDate`;
    /// a leading `-` sorts descending. Other values are ignored.
    pub sort: Option<String>,
    pub vat_payer: Option<bool>,
    pub has_invoices: Option<bool>,
    /// `manual`, `anaf_sync`, `import`…
    pub source: Option<String>,
}

impl ClientListQuery {
    fn filter(self) -> ClientFilter {
        let text = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        ClientFilter {
            search: text(self.search),
            country: text(self.country).map(|c| c.to_ascii_uppercase()),
            vat_payer: self.vat_payer,
            has_invoices: self.has_invoices,
            source: text(self.source),
        }
    }
}

/// The company's live clients, a page at a time.
#[utoipa::path(get, path = "/api/v1/clients", tag = "clients", operation_id = "client_list",
    params(ClientListQuery), responses((status = 200, body = ClientList)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppQuery(q): AppQuery<ClientListQuery>,
) -> Result<Json<ClientList>, ApiError> {
    scope.require(Permission::ClientView)?;
    let page = Page::new(q.page, q.limit);
    let sort = q.sort.as_deref().and_then(Sort::parse).unwrap_or_default();
    let (rows, total) = clients::list(&state.db, scope.id(), &q.filter(), page, sort).await?;
    let currency = scope.company.default_currency.clone();
    Ok(Json(ClientList {
        data: rows.into_iter().map(ClientListItem::from).collect(),
        page: page.meta(total),
        has_foreign_currencies: clients::has_other_currencies(&state.db, scope.id(), &currency)
            .await?,
        distinct_countries: clients::countries(&state.db, scope.id()).await?,
        currency,
    }))
}

/// Fields of a client (api.md §6.1). On create `name` is required unless ANAF's registry
/// supplies it; on edit, absent fields stay and `null` clears.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientRequest {
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub name: Patch<String>,
    /// `company` (default) or `individual`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// CUI: digits for a Romanian company (`RO` marks a VAT payer), an EU VAT number
    /// (`IT01484170514`, fills `vatCode` and `country`), another country's tax id, or `-` for
    /// an individual without one.
    #[serde(default)]
    #[schema(value_type = Option<CodeIn>)]
    pub cui: Patch<CodeIn>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub cnp: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub vat_code: Patch<String>,
    pub is_vat_payer: Option<Flag>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub registration_number: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub address: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub city: Patch<String>,
    /// ISO 3166-2:RO code (`CJ`, `B`) or name, for Romanian clients.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub county: Patch<String>,
    /// ISO 3166-1 alpha-2, default `RO`.
    pub country: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub postal_code: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub email: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub phone: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub bank_name: Patch<String>,
    /// An IBAN.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub bank_account: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<i32>)]
    pub default_payment_term_days: Patch<i32>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub contact_person: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub notes: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub id_number: Patch<String>,
    /// ISO 4217, any case.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub currency: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub client_code: Patch<String>,
}

impl ClientRequest {
    fn changes(self) -> ClientChanges {
        ClientChanges {
            kind: self.kind,
            name: name_change(self.name),
            cui: self.cui.map(|c| c.0),
            cnp: self.cnp,
            vat_code: self.vat_code,
            is_vat_payer: self.is_vat_payer.map(|f| f.0),
            registration_number: self.registration_number,
            address: self.address,
            city: self.city,
            county: self.county,
            country: self.country,
            postal_code: self.postal_code,
            email: self.email,
            phone: self.phone,
            bank_name: self.bank_name,
            bank_account: self.bank_account,
            default_payment_term_days: self.default_payment_term_days,
            contact_person: self.contact_person,
            notes: self.notes,
            id_number: self.id_number,
            currency: self.currency,
            client_code: self.client_code,
        }
    }
}

/// `{client, anafValidated}` for a new client, `{client, existing: true}` for a live client
/// that has the CUI already.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientCreated {
    pub client: ClientView,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anaf_validated: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing: Option<bool>,
}

impl ClientCreated {
    fn reply(created: Created) -> (StatusCode, Json<ClientCreated>) {
        let (status, client, anaf_validated, existing) = match created {
            Created::New {
                client,
                anaf_validated,
            } => (StatusCode::CREATED, client, Some(anaf_validated), None),
            Created::Existing(client) => (StatusCode::OK, client, None, Some(true)),
        };
        let client = ClientView::from(*client);
        (
            status,
            Json(ClientCreated {
                client,
                anaf_validated,
                existing,
            }),
        )
    }
}

/// Add a client. A Romanian company with a CUI is completed from ANAF's registry (only fields
/// not given); when the registry is down it is created as given, `anafValidated: false`.
#[utoipa::path(post, path = "/api/v1/clients", tag = "clients", operation_id = "client_create",
    request_body = ClientRequest,
    responses((status = 201, body = ClientCreated), (status = 200, body = ClientCreated, description = "A live client has this CUI"),
              (status = 422, description = "`{errors: [{key, message}]}`")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<ClientRequest>,
) -> Result<(StatusCode, Json<ClientCreated>), ApiError> {
    scope.require(Permission::ClientCreate)?;
    let created = ops::create(&state, &scope, body.changes(), state.now()).await?;
    Ok(ClientCreated::reply(created))
}

/// One client with its invoices (`page`/`limit` page the history, newest first).
#[utoipa::path(get, path = "/api/v1/clients/{id}", tag = "clients", operation_id = "client_get",
    params(("id" = ClientId, Path), ("page" = Option<i64>, Query), ("limit" = Option<i64>, Query)),
    responses((status = 200, body = ClientDetail), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<ClientId>,
    AppQuery(q): AppQuery<PageQuery>,
) -> Result<Json<ClientDetail>, ApiError> {
    scope.require(Permission::ClientView)?;
    let client = load(&state, &scope, id).await?;
    let party = Party::Client(id);
    let summary = party_invoices::summary(&state.db, scope.id(), party).await?;
    let history = party_invoices::history(&state.db, scope.id(), party, q.page()).await?;
    Ok(Json(ClientDetail::new(client, summary, history)))
}

/// `{client, invoicesUpdated}`: how many draft invoices took the new name or tax identity.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientUpdated {
    pub client: ClientView,
    pub invoices_updated: u64,
}

/// Edit a client. Changes of name, CUI, CNP, VAT code, VAT status or country are copied to
/// its draft invoices.
#[utoipa::path(patch, path = "/api/v1/clients/{id}", tag = "clients", operation_id = "client_update",
    params(("id" = ClientId, Path)), request_body = ClientRequest,
    responses((status = 200, body = ClientUpdated), (status = 404), (status = 422, description = "`{errors: [{key, message}]}`")))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<ClientId>,
    AppJson(body): AppJson<ClientRequest>,
) -> Result<Json<ClientUpdated>, ApiError> {
    scope.require(Permission::ClientEdit)?;
    let client = load(&state, &scope, id).await?;
    let (client, n) = ops::update(&state, &scope, client, body.changes(), state.now()).await?;
    Ok(Json(ClientUpdated {
        client: client.into(),
        invoices_updated: n,
    }))
}

/// Delete a client (soft: its invoices keep it).
#[utoipa::path(delete, path = "/api/v1/clients/{id}", tag = "clients", operation_id = "client_delete",
    params(("id" = ClientId, Path)), responses((status = 204), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<ClientId>,
) -> Result<StatusCode, ApiError> {
    scope.require(Permission::ClientDelete)?;
    if ops::delete(&state, &scope, id, state.now()).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(NOT_FOUND)
    }
}

/// Delete up to 100 clients; the ones not found are listed in `errors`.
#[utoipa::path(post, path = "/api/v1/clients/bulk-delete", tag = "clients", operation_id = "client_bulk_delete",
    request_body = Ids,
    responses((status = 200, body = Deleted), (status = 400, description = "Not 1 to 100 ids")))]
async fn bulk_delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<Ids>,
) -> Result<Json<Deleted>, ApiError> {
    scope.require(Permission::ClientDelete)?;
    let outcome = ops::bulk_delete(&state, &scope, body.ids, state.now()).await?;
    Ok(Json(outcome.into()))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AnafLookupQuery {
    /// A Romanian CUI, with or without `RO`.
    pub cui: Option<String>,
}

/// `{data}`: a company as ANAF's registry knows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AnafLookup {
    pub data: RegistryCompany,
}

/// Look a CUI up in ANAF's registry.
#[utoipa::path(get, path = "/api/v1/clients/anaf-lookup", tag = "clients", operation_id = "client_anaf_lookup",
    params(AnafLookupQuery),
    responses((status = 200, body = AnafLookup), (status = 400, description = "Not a valid CUI"),
              (status = 404, description = "Unknown to ANAF"), (status = 503, description = "ANAF unavailable")))]
async fn anaf_lookup(
    State(state): State<AppState>,
    _principal: Principal,
    AppQuery(q): AppQuery<AnafLookupQuery>,
) -> Result<Json<AnafLookup>, ApiError> {
    let text = q.cui.unwrap_or_default();
    let cif = text
        .parse::<einvoice::ids::Cif>()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let answer = crate::partners::lookup(&state, cif, state.now()).await?;
    let record = crate::partners::found(answer)?;
    Ok(Json(AnafLookup {
        data: RegistryCompany::from(record),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct FromRegistryRequest {
    pub cui: Option<CodeIn>,
    /// Used instead of the registry's name; with it, an unknown CUI or a registry that is down
    /// still creates the client.
    pub name: Option<String>,
}

/// Add a Romanian company as a client from its CUI and ANAF's registry.
#[utoipa::path(post, path = "/api/v1/clients/from-registry", tag = "clients", operation_id = "client_from_registry",
    request_body = FromRegistryRequest,
    responses((status = 201, body = ClientCreated), (status = 200, body = ClientCreated, description = "A live client has this CUI"),
              (status = 404, description = "Unknown to ANAF"), (status = 422), (status = 503, description = "ANAF unavailable")))]
async fn from_registry(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<FromRegistryRequest>,
) -> Result<(StatusCode, Json<ClientCreated>), ApiError> {
    scope.require(Permission::ClientCreate)?;
    let cui = body
        .cui
        .ok_or_else(|| ApiError::field("cui", "The CUI is required."))?;
    let created = ops::from_registry(&state, &scope, cui.0, body.name, state.now()).await?;
    Ok(ClientCreated::reply(created))
}
