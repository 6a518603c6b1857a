//! Issuing: the draft takes the next number of its series and freezes (status, parties, number)
//! in one transaction, so concurrent issues on a series get distinct consecutive numbers and a
//! failed issue consumes none.

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use super::buyer::Buyer;
use super::checks::{self, Report};
use super::save::facts;
use crate::api::error::ApiError;
use crate::events::{self, DomainEvent};
use crate::ids::InvoiceId;
use crate::state::AppState;
use crate::store::invoices::{self, Issued};
use crate::store::{bank_accounts, clients, series};
use crate::tenancy::CompanyScope;

/// What `POST /invoices/{id}/issue` answers (api.md §12.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueOutcome {
    pub status: String,
    pub number: String,
    pub efactura_delay_hours: Option<i32>,
    pub scheduled_send_at: Option<OffsetDateTime>,
}

/// Issues a draft. Refusals: 422 with the check report when the invoice is not valid, 422 when
/// no series can number it.
pub async fn issue(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    now: OffsetDateTime,
) -> Result<IssueOutcome, ApiError> {
    let company = &scope.company;
    let mut tx = state.db.begin().await?;
    let inv = invoices::get_for_update(&mut tx, company.id, id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    if inv.status != "draft" {
        return Err(ApiError::unprocessable(format!(
            "Only a draft can be issued; this invoice is {}.",
            inv.status
        )));
    }
    let lines = invoices::lines_in(&mut tx, id).await?;
    let report = checks::check(&inv, &lines, company);
    if !report.valid {
        return Err(refused(&report));
    }
    let kind = if inv.document_type == "credit_note" {
        "credit_note"
    } else {
        "invoice"
    };
    let series_row = match inv.series_id {
        Some(sid) => series::get_in(&mut tx, company.id, sid)
            .await?
            .filter(|s| s.active),
        None => series::pick(&mut tx, company.id, kind).await?,
    }
    .ok_or_else(|| {
        ApiError::unprocessable(format!(
            "No active {kind} series to number this document: create one under document series."
        ))
    })?;
    // A cancelled invoice restored to draft keeps the number it had.
    let (series_number, number) = match inv.series_number {
        Some(n) => (n, inv.number.clone()),
        None => series::take_next(&mut tx, company.id, series_row.id, now).await?,
    };
    let status = if inv.parent_document_id.is_some() {
        "refund"
    } else {
        "issued"
    };
    if let Some(parent) = inv.parent_document_id {
        invoices::set_status(
            &mut tx,
            company.id,
            parent,
            &["issued", "sent_to_provider", "validated"],
            "refunded",
            None,
            now,
        )
        .await?;
    }
    let seller = seller_snapshot(&mut tx, scope).await?;
    let buyer = match inv.client_id {
        Some(client) => clients::get_in(&mut tx, company.id, client)
            .await?
            .and_then(|b| serde_json::to_value(Buyer::from(&b)).ok()),
        None => Some(json!({ "name": inv.receiver_name, "cui": inv.receiver_cif })),
    };
    let cif = company.cif.to_string();
    let issued = Issued {
        number: &number,
        series_id: series_row.id,
        series_number,
        status,
        buyer_snapshot: buyer.as_ref(),
        seller_snapshot: &seller,
        sender_name: &company.name,
        sender_cif: &cif,
    };
    invoices::mark_issued(&mut tx, company.id, id, &issued, now).await?;
    let mut after = inv.clone();
    (after.number, after.status) = (number.clone(), status.to_owned());
    events::record(
        &mut tx,
        scope.origin(),
        &DomainEvent::InvoiceIssued(facts(&after)),
        now,
    )
    .await?;
    tx.commit().await?;
    let delay = company.efactura_delay_hours;
    Ok(IssueOutcome {
        status: status.to_owned(),
        number,
        efactura_delay_hours: delay,
        scheduled_send_at: delay.map(|h| now + Duration::hours(i64::from(h))),
    })
}

/// The 422 body of a refused issue (api.md §12.1).
pub fn refused(report: &Report) -> ApiError {
    ApiError::Custom(
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        json!({ "error": "The invoice is not valid.", "valid": false, "errors": report.errors, "warnings": report.warnings }),
    )
}

/// The seller as the invoice shows it, frozen at issue.
async fn seller_snapshot(
    tx: &mut crate::store::Tx,
    scope: &CompanyScope,
) -> Result<Value, ApiError> {
    let c = &scope.company;
    let bank = bank_accounts::default_in(tx, c.id).await?;
    Ok(json!({
        "name": c.name, "cif": c.cif, "vatCode": c.vat_code, "vatPayer": c.vat_payer, "vatOnCollection": c.vat_on_collection,
        "registrationNumber": c.registration_number, "address": c.address, "city": c.city, "county": c.county,
        "country": c.country, "postalCode": c.postal_code, "phone": c.phone, "email": c.email,
        "capitalSocial": c.capital_social,
        "bankAccount": bank.as_ref().map(|b| &b.iban), "bankName": bank.as_ref().and_then(|b| b.bank_name.as_ref()),
        "bankBic": bank.as_ref().and_then(|b| b.bic.as_ref()),
    }))
}
