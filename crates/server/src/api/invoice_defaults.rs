//! `GET /api/v1/invoice-defaults` (api.md §11): what an invoice form starts from — the company's
//! VAT rates, currencies, units, series types, payment methods, countries and counties — and,
//! for a chosen client, the VAT treatment its country implies.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::AppQuery;
use super::wire;
use crate::auth::Principal;
use crate::ids::ClientId;
use crate::state::AppState;
use crate::store::{clients, vat_rates};
use crate::tenancy::CompanyScope;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get))
}

/// Currencies the form offers (ISO 4217; BGN left with Bulgaria's euro adoption in 2026).
const CURRENCIES: &[&str] = &[
    "RON", "EUR", "USD", "GBP", "CHF", "HUF", "CZK", "PLN", "SEK", "NOK", "DKK",
];
const PAYMENT_METHODS: &[(&str, &str)] = &[
    ("bank_transfer", "Transfer bancar"),
    ("cash", "Numerar"),
    ("card", "Card"),
    ("cheque", "Cec"),
    ("other", "Altă metodă"),
];
const SERIES_TYPES: &[(&str, &str)] = &[
    ("invoice", "Factură"),
    ("proforma", "Proformă"),
    ("credit_note", "Notă de credit"),
    ("delivery_note", "Aviz de însoțire"),
];

#[derive(Debug, Serialize, ToSchema)]
pub struct RateOption {
    /// Trailing zeros stripped: "21", "5.5".
    pub rate: String,
    pub label: String,
    #[serde(rename = "categoryCode")]
    pub category_code: String,
    pub default: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ValueLabel {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnitOption {
    pub value: String,
    pub label: String,
    /// UN/ECE Rec 20/21 code.
    pub code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CodeLabel {
    pub code: String,
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDefaults {
    pub vat_rates: Vec<RateOption>,
    pub currencies: Vec<String>,
    pub default_currency: String,
    pub default_payment_term_days: i32,
    pub default_unit_of_measure: String,
    pub units_of_measure: Vec<UnitOption>,
    /// BNR rates arrive with the exchange-rate service; empty until then.
    pub exchange_rates: serde_json::Map<String, serde_json::Value>,
    pub exchange_rate_date: Option<String>,
    pub document_series_types: Vec<ValueLabel>,
    pub payment_methods: Vec<ValueLabel>,
    pub is_vat_payer: bool,
    /// The chosen client is a VAT-registered business in another EU country.
    pub reverse_charge: bool,
    /// The chosen client is outside the EU.
    pub export_applicable: bool,
    pub oss_applicable: bool,
    pub oss_vat_rate: Option<String>,
    pub oss_vat_rates: Vec<String>,
    pub countries: Vec<CodeLabel>,
    pub counties: Vec<CodeLabel>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DefaultsQuery {
    client_id: Option<ClientId>,
}

fn rate(rate: &str, label: &str, category: &str) -> RateOption {
    RateOption {
        rate: rate.into(),
        label: label.into(),
        category_code: category.into(),
        default: true,
    }
}

/// Defaults for a new invoice; with `clientId`, the VAT treatment for that client.
#[utoipa::path(get, path = "/api/v1/invoice-defaults", tag = "invoices", operation_id = "invoice_defaults",
    params(DefaultsQuery), responses((status = 200, body = InvoiceDefaults)))]
async fn get(
    State(state): State<AppState>,
    _principal: Principal,
    scope: Option<CompanyScope>,
    AppQuery(q): AppQuery<DefaultsQuery>,
) -> Result<Json<InvoiceDefaults>, ApiError> {
    let (mut rates, currency, vat_payer) = match &scope {
        Some(s) => {
            let rows = vat_rates::list(&state.db, s.id()).await?;
            let rates = rows
                .into_iter()
                .filter(|r| r.is_active)
                .map(|r| RateOption {
                    rate: wire::short(r.rate.0),
                    label: r.label,
                    category_code: r.category_code,
                    default: r.is_default,
                })
                .collect();
            (
                rates,
                s.company.default_currency.clone(),
                s.company.vat_payer,
            )
        }
        None => (
            vec![
                rate("21", "21%", "S"),
                rate("11", "11%", "S"),
                rate("0", "0%", "Z"),
            ],
            "RON".into(),
            true,
        ),
    };
    let client = match (&scope, q.client_id) {
        (Some(s), Some(id)) => clients::get(&state.db, s.id(), id).await?,
        _ => None,
    };
    let foreign = client.as_ref().filter(|c| c.country != "RO");
    let reverse_charge =
        foreign.is_some_and(|c| einvoice::codes::is_eu_member(&c.country) && c.is_vat_payer);
    let export_applicable = foreign.is_some_and(|c| !einvoice::codes::is_eu_member(&c.country));
    if reverse_charge {
        rates = vec![rate("0", "Taxare inversă (art. 278 Cod fiscal)", "AE")];
    } else if export_applicable {
        rates = vec![rate("0", "Export (scutit cu drept de deducere)", "G")];
    }
    Ok(Json(InvoiceDefaults {
        vat_rates: rates,
        currencies: CURRENCIES.iter().map(|c| (*c).to_owned()).collect(),
        default_currency: currency,
        default_payment_term_days: 30,
        default_unit_of_measure: "buc".into(),
        units_of_measure: einvoice::codes::EVERYDAY_UNITS
            .iter()
            .map(|(label, code)| UnitOption {
                value: (*label).into(),
                label: (*label).into(),
                code: (*code).into(),
            })
            .collect(),
        exchange_rates: serde_json::Map::new(),
        exchange_rate_date: None,
        document_series_types: SERIES_TYPES
            .iter()
            .map(|(v, l)| ValueLabel {
                value: (*v).into(),
                label: (*l).into(),
            })
            .collect(),
        payment_methods: PAYMENT_METHODS
            .iter()
            .map(|(v, l)| ValueLabel {
                value: (*v).into(),
                label: (*l).into(),
            })
            .collect(),
        is_vat_payer: vat_payer,
        reverse_charge,
        export_applicable,
        oss_applicable: false,
        oss_vat_rate: None,
        oss_vat_rates: Vec::new(),
        countries: einvoice::codes::countries()
            .iter()
            .map(|c| CodeLabel {
                code: c.code.into(),
                label: c.name_en.into(),
            })
            .collect(),
        counties: einvoice::codes::ro_counties()
            .iter()
            .map(|c| CodeLabel {
                code: c.code.into(),
                label: c.name.into(),
            })
            .collect(),
    }))
}
