//! Credit notes made from an invoice (api.md §13, issue #7): the whole invoice, or chosen
//! lines and quantities, as a draft credit note that references the invoice (BT-25) and whose
//! lines name the lines they credit. Issuing it checks that no line is credited beyond what
//! was invoiced (`issue::within_creditable_lines`), and the amount against the invoice's.
//!
//! Lines are credited with the same prices, VAT and a discount in proportion to the quantity;
//! document-level allowances, charges and prepaid amounts are not copied (a credit note of an
//! invoice that has them is written by hand).

use rust_decimal::Decimal;
use serde::Deserialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::save::{self, invalid};
use crate::api::error::{ApiError, FieldError};
use crate::api::json::Num;
use crate::ids::{InvoiceId, LineId};
use crate::state::AppState;
use crate::store::invoices::{self, LineRecord};
use crate::tenancy::CompanyScope;

/// What to credit: every line in full when `lines` is empty.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreditRequest {
    #[serde(default)]
    pub lines: Vec<CreditLine>,
}

/// One invoiced line and how much of it to credit (default all of it).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreditLine {
    pub line_id: Option<LineId>,
    /// A positive quantity, at most the invoiced one.
    pub quantity: Option<Num>,
}

/// The statuses an invoice can be credited from.
const CREDITABLE: &[&str] = &["issued", "sent_to_provider", "validated", "refunded"];

/// Creates the draft credit note; returns its id.
pub async fn credit(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    req: &CreditRequest,
    now: OffsetDateTime,
) -> Result<InvoiceId, ApiError> {
    let inv = invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    if inv.direction != "outgoing"
        || inv.document_type != "invoice"
        || inv.parent_document_id.is_some()
        || !CREDITABLE.contains(&inv.status.as_str())
    {
        return Err(ApiError::unprocessable(format!(
            "Only an issued outgoing invoice can be credited; {} is a {} {} invoice.",
            inv.number,
            inv.status,
            inv.direction.replace('_', " ")
        )));
    }
    let lines = invoices::lines(&state.db, id).await?;
    let chosen = chosen(&inv.number, &lines, &req.lines)?;
    let mut input = save::input_of(&inv, &lines);
    input.lines = Some(
        chosen
            .into_iter()
            .map(|(l, q)| {
                let mut line = save::line_input_of(l);
                if let Some(Num(d)) = line.discount
                    && !l.quantity.0.is_zero()
                {
                    line.discount = Some(Num((d * q / l.quantity.0.abs()).round_dp(2)));
                }
                line.quantity = Some(Num(-q));
                line.parent_line_id = Some(l.id);
                line
            })
            .collect(),
    );
    input.document_type = Some("credit_note".into());
    input.parent_document_id = Some(id);
    input.document_series_id = None;
    (input.issue_date, input.due_date) = (None, None);
    if let Some(ext) = input.details.ubl_extensions.as_mut() {
        ext.allowance_charges.clear();
        ext.prepaid_amount = None;
    }
    let (credit_note, _) = save::create(state, scope, input, now).await?;
    Ok(credit_note)
}

/// The lines to credit with their quantities, or every error in the request.
fn chosen<'a>(
    number: &str,
    lines: &'a [LineRecord],
    asked: &[CreditLine],
) -> Result<Vec<(&'a LineRecord, Decimal)>, ApiError> {
    if asked.is_empty() {
        return Ok(lines.iter().map(|l| (l, l.quantity.0.abs())).collect());
    }
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (i, c) in asked.iter().enumerate() {
        let Some(line) = c.line_id.and_then(|id| lines.iter().find(|l| l.id == id)) else {
            errors.push(FieldError::new(
                format!("lines[{i}].lineId"),
                format!("Not a line of {number}."),
            ));
            continue;
        };
        let most = line.quantity.0.abs();
        let q = c.quantity.map_or(most, |q| q.0);
        if q <= Decimal::ZERO || q > most {
            errors.push(FieldError::new(
                format!("lines[{i}].quantity"),
                format!(
                    "Between 0 (excluded) and {} (the quantity invoiced).",
                    crate::api::wire::short(most)
                ),
            ));
            continue;
        }
        out.push((line, q));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(invalid(errors))
    }
}
