//! BNR exchange rates (api.md §23): any signed-in user, no company needed. `date` (ignored by
//! the Storno API) is honoured: the rates of the latest banking day on or before it.

use std::collections::BTreeMap;

use anaf::bnr::DayRates;
use axum::Json;
use axum::extract::State;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppQuery, DateIn, Num};
use super::wire;
use crate::auth::Principal;
use crate::documents::calendar::bucharest_today;
use crate::rates::{self, RatesError};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(convert))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RatesQuery {
    /// A day (default today): the rates of the latest banking day on or before it.
    #[param(value_type = Option<String>, format = Date)]
    date: Option<DateIn>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RatesView {
    /// The banking day the rates are of.
    #[serde(serialize_with = "wire::date")]
    #[schema(value_type = String, format = Date)]
    pub date: Date,
    /// Always `RON`.
    pub base: &'static str,
    /// RON per one unit, rounded to 4 decimals (JSON numbers).
    #[schema(value_type = Object)]
    pub rates: BTreeMap<String, serde_json::Value>,
}

/// The rates of `date`, today by default.
async fn day_rates(state: &AppState, date: Option<DateIn>) -> Result<DayRates, ApiError> {
    let now = state.now();
    let date = date.map_or_else(|| bucharest_today(now), |d| d.0);
    state
        .rates
        .on(&state.db, date, now)
        .await
        .map_err(unavailable)
}

fn unavailable(e: RatesError) -> ApiError {
    match e {
        RatesError::Unavailable(m) => {
            ApiError::Unavailable(format!("BNR exchange rates are unavailable: {m}"))
        }
        RatesError::Db(e) => ApiError::from(e),
    }
}

/// The rates of one banking day, in RON per unit.
#[utoipa::path(get, path = "/api/v1/exchange-rates", tag = "exchange-rates", operation_id = "exchange_rates",
    params(RatesQuery), responses((status = 200, body = RatesView), (status = 503, description = "No rates cached and BNR unreachable")))]
async fn list(
    State(state): State<AppState>,
    _principal: Principal,
    AppQuery(q): AppQuery<RatesQuery>,
) -> Result<Json<RatesView>, ApiError> {
    let day = day_rates(&state, q.date).await?;
    let rates = day
        .rates
        .iter()
        .map(|(currency, rate)| {
            let rounded = rate.round_dp(4).to_f64().unwrap_or_default();
            (currency.clone(), serde_json::json!(rounded))
        })
        .collect();
    Ok(Json(RatesView {
        date: day.date,
        base: "RON",
        rates,
    }))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConvertQuery {
    /// Greater than 0.
    #[param(value_type = String)]
    amount: Option<Num>,
    /// Default EUR.
    from: Option<String>,
    /// Default RON.
    to: Option<String>,
    #[param(value_type = Option<String>, format = Date)]
    date: Option<DateIn>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Converted {
    /// 2 decimals.
    pub amount: String,
    /// Units of `to` per unit of `from`, 4 decimals.
    pub rate: String,
    pub from: String,
    pub to: String,
    /// The banking day of the rates (ours).
    #[serde(serialize_with = "wire::date")]
    #[schema(value_type = String, format = Date)]
    pub date: Date,
}

/// Converts an amount between two currencies through RON.
#[utoipa::path(get, path = "/api/v1/exchange-rates/convert", tag = "exchange-rates", operation_id = "exchange_rates_convert",
    params(ConvertQuery), responses((status = 200, body = Converted), (status = 400, description = "Amount not above 0, an unknown currency"),
        (status = 503)))]
async fn convert(
    State(state): State<AppState>,
    _principal: Principal,
    AppQuery(q): AppQuery<ConvertQuery>,
) -> Result<Json<Converted>, ApiError> {
    let amount = q
        .amount
        .ok_or_else(|| ApiError::bad_request("amount is required."))?
        .0;
    if amount <= Decimal::ZERO {
        return Err(ApiError::bad_request("amount must be greater than 0."));
    }
    let code = |c: Option<String>, default: &str| {
        c.map_or_else(|| default.to_owned(), |c| c.trim().to_ascii_uppercase())
    };
    let (from, to) = (code(q.from, "EUR"), code(q.to, "RON"));
    let day = day_rates(&state, q.date).await?;
    for c in [&from, &to] {
        if rates::per_unit(&day, c).is_none() {
            return Err(ApiError::bad_request(format!(
                "Unsupported currency: {c}. BNR publishes: RON, {}.",
                day.rates.keys().cloned().collect::<Vec<_>>().join(", ")
            )));
        }
    }
    let rate = rates::cross(&day, &from, &to)
        .ok_or_else(|| ApiError::bad_request("The amount cannot be converted."))?;
    let converted = amount
        .checked_mul(rate)
        .ok_or_else(|| ApiError::bad_request("The amount is too large."))?;
    Ok(Json(Converted {
        amount: wire::fixed(converted, 2),
        rate: wire::fixed(rate, 4),
        from,
        to,
        date: day.date,
    }))
}
