//! Issuing: the draft takes the next number of its series and freezes (status, parties, number)
//! in one transaction, so concurrent issues on a series get distinct consecutive numbers and a
//! failed issue consumes none.

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use super::buyer::Buyer;
use super::checks::{self, Report};
use super::save::{self, facts};
use super::ubl::{self, Parties};
use super::{draft, validation};
use crate::api::error::ApiError;
use crate::events::{self, DomainEvent};
use crate::ids::InvoiceId;
use crate::state::AppState;
use crate::store::bank_accounts::{self, BankAccountRow};
use crate::store::companies::Company;
use crate::store::invoices::{self, InvoiceRecord, Issued, LineRecord};
use crate::store::vat_rates::{self, VatRateRow};
use crate::store::{clients, invoice_xml, series};
use crate::tenancy::CompanyScope;
use einvoice::codes::VatCategory;

/// What `POST /invoices/{id}/issue` answers (api.md §12.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueOutcome {
    pub status: String,
    pub number: String,
    pub efactura_delay_hours: Option<i32>,
    pub scheduled_send_at: Option<OffsetDateTime>,
}

/// Issues a draft: it takes its number, its UBL is generated and checked by the native
/// validator, and the XML is stored with it. Refusals: 422 with the report when the invoice is
/// not valid (pre-checks or the official rules; no number is consumed), 422 when no series
/// can number it.
pub async fn issue(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    now: OffsetDateTime,
) -> Result<IssueOutcome, ApiError> {
    let mut tx = state.db.begin().await?;
    let outcome = issue_in(&mut tx, scope, id, now).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Issues draft `id` inside `tx` (also how a recurring template issues what it creates).
pub async fn issue_in(
    tx: &mut crate::store::Tx,
    scope: &CompanyScope,
    id: InvoiceId,
    now: OffsetDateTime,
) -> Result<IssueOutcome, ApiError> {
    let company = &scope.company;
    let inv = invoices::get_for_update(tx, company.id, id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    if inv.status != "draft" {
        return Err(ApiError::unprocessable(format!(
            "Only a draft can be issued; this invoice is {}.",
            inv.status
        )));
    }
    let lines = invoices::lines_in(tx, id).await?;
    let mut report = checks::check(&inv, &lines, company);
    if !report.valid {
        return Err(refused(&report));
    }
    if let Some(parent) = inv.parent_document_id {
        within_refundable(tx, &inv, parent).await?;
    }
    let kind = if inv.document_type == "credit_note" {
        "credit_note"
    } else {
        "invoice"
    };
    let series_row = match inv.series_id {
        Some(sid) => series::get_in(tx, company.id, sid)
            .await?
            .filter(|s| s.active),
        // Without a credit-note series, credit notes continue the invoices' numbering.
        None => match series::pick(tx, company.id, kind).await? {
            None if kind == "credit_note" => series::pick(tx, company.id, "invoice").await?,
            found => found,
        },
    }
    .ok_or_else(|| {
        ApiError::unprocessable(format!(
            "No active {kind} series to number this document: create one under document series."
        ))
    })?;
    // A cancelled invoice restored to draft keeps the number it had.
    let (series_number, number) = match inv.series_number {
        Some(n) => (n, inv.number.clone()),
        None => series::take_next(tx, company.id, series_row.id, now).await?,
    };
    let status = if inv.parent_document_id.is_some() {
        "refund"
    } else {
        "issued"
    };
    if let Some(parent) = inv.parent_document_id {
        invoices::set_status(
            tx,
            company.id,
            parent,
            &["issued", "sent_to_provider", "validated"],
            "refunded",
            None,
            now,
        )
        .await?;
    }
    // The number taken above is given back with the rest of the transaction if ANAF would
    // refuse the document.
    let Composed { xml, seller, buyer } =
        compose(tx, scope, &inv, &lines, &number, &mut report).await?;
    invoice_xml::put(tx, company.id, id, &xml, now).await?;
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
    invoices::mark_issued(tx, company.id, id, &issued, now).await?;
    let mut after = inv.clone();
    (after.number, after.status) = (number.clone(), status.to_owned());
    events::record(
        tx,
        scope.origin(),
        &DomainEvent::InvoiceIssued(facts(&after)),
        now,
    )
    .await?;
    let delay = company.efactura_delay_hours;
    Ok(IssueOutcome {
        status: status.to_owned(),
        number,
        efactura_delay_hours: delay,
        scheduled_send_at: delay.map(|h| now + Duration::hours(i64::from(h))),
    })
}

/// An invoice's UBL, generated from the company's and the client's data of now and checked by
/// the native validator (findings added to `report`).
#[derive(Debug)]
pub struct Composed {
    pub xml: String,
    pub seller: Value,
    pub buyer: Option<Value>,
}

/// Generates and validates the UBL of `inv` numbered `number`: at issue, and again when a
/// rejected invoice is submitted after its data was corrected. Refused (422 with the report)
/// when ANAF would refuse it.
pub async fn compose(
    tx: &mut crate::store::Tx,
    scope: &CompanyScope,
    inv: &InvoiceRecord,
    lines: &[LineRecord],
    number: &str,
    report: &mut Report,
) -> Result<Composed, ApiError> {
    let company = &scope.company;
    let seller = seller_snapshot(tx, scope).await?;
    let buyer = match inv.client_id {
        Some(client) => clients::get_in(tx, company.id, client)
            .await?
            .and_then(|b| serde_json::to_value(Buyer::from(&b)).ok()),
        None => Some(json!({ "name": inv.receiver_name, "cui": inv.receiver_cif })),
    };
    let preceding = match inv.parent_document_id {
        Some(parent) => invoices::get_for_update(tx, company.id, parent)
            .await?
            .map(|p| (p.number, p.issue_date)),
        None => None,
    };
    let parties = Parties {
        seller: &seller,
        buyer: buyer.as_ref(),
    };
    let preceding = preceding.as_ref().map(|(n, d)| (n.as_str(), *d));
    let rates = vat_rates::list_in(tx, company.id).await?;
    let xml = ubl_of(inv, lines, scope, number, parties, preceding, &rates)?;
    validation::add_findings(report, &xml);
    if !report.valid {
        return Err(refused(report));
    }
    Ok(Composed { xml, seller, buyer })
}

/// The 422 body of a refused issue (api.md §12.1).
pub fn refused(report: &Report) -> ApiError {
    ApiError::Custom(
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        json!({ "error": "The invoice is not valid.", "valid": false, "errors": report.errors, "warnings": report.warnings }),
    )
}

/// The UBL of a stored invoice numbered `number`, with the parties given. Its totals are those
/// the invoice stores: both come from `draft::build` over the same data.
pub fn ubl_of(
    inv: &InvoiceRecord,
    lines: &[LineRecord],
    scope: &CompanyScope,
    number: &str,
    parties: Parties<'_>,
    preceding: ubl::Preceding<'_>,
    rates: &[VatRateRow],
) -> Result<String, ApiError> {
    let built = draft::build(&save::input_of(inv, lines), &scope.company, inv.issue_date)
        .map_err(|e| internal(format!("the stored invoice does not rebuild: {e:?}")))?;
    let document = ubl::document(&built, number, parties, preceding, &exemptions(rates))
        .map_err(|e| internal(format!("the invoice's EN 16931 totals: {e}")))?;
    // A credit note written as a UBL CreditNote carries the stored (storno) amounts turned.
    let stored = einvoice::money::from_minor(inv.payable);
    let stored = if built.as_credit_note {
        -stored
    } else {
        stored
    };
    if document.totals.payable != Some(stored) {
        return Err(internal(format!(
            "the UBL's amount due {:?} differs from the stored {stored}",
            document.totals.payable
        )));
    }
    Ok(ubl::xml(&document))
}

/// The VAT exemption reasons the company set on its VAT rates.
pub fn exemptions(rates: &[VatRateRow]) -> Vec<ubl::Exemption> {
    rates
        .iter()
        .filter_map(|r| {
            Some(ubl::Exemption {
                category: VatCategory::from_code(&r.category_code)?,
                rate: r.rate.0,
                code: r.exemption_code.clone()?,
            })
        })
        .collect()
}

fn internal(message: String) -> ApiError {
    ApiError::Internal(anyhow::anyhow!(message))
}

/// The seller as the invoice shows it, frozen at issue: the company and its default bank
/// account.
pub async fn seller_snapshot(
    tx: &mut crate::store::Tx,
    scope: &CompanyScope,
) -> Result<Value, ApiError> {
    let bank = bank_accounts::default_in(tx, scope.company.id).await?;
    Ok(seller_of(&scope.company, bank.as_ref()))
}

/// The EN 16931 document of `draft` numbered `number`, from the company as it is now (its
/// default bank account, else its first) to `buyer`: what a document that is not an issued
/// invoice (a proforma, a delivery note, the PDF settings' example) prints as.
pub async fn document_as_of_now(
    state: &AppState,
    company: &Company,
    draft: &draft::Draft,
    number: &str,
    buyer: Option<&Value>,
) -> Result<einvoice::model::Invoice, ApiError> {
    let banks = bank_accounts::list(&state.db, company.id).await?;
    let bank = banks.iter().find(|b| b.is_default).or(banks.first());
    let seller = seller_of(company, bank);
    let rates = vat_rates::list(&state.db, company.id).await?;
    let parties = Parties {
        seller: &seller,
        buyer,
    };
    ubl::document(draft, number, parties, None, &exemptions(&rates))
        .map_err(|e| internal(format!("the EN 16931 totals of {number}: {e}")))
}

/// The seller snapshot of a company with this default bank account.
pub fn seller_of(c: &Company, bank: Option<&BankAccountRow>) -> Value {
    json!({
        "name": c.name, "cif": c.cif, "vatCode": c.vat_code, "vatPayer": c.vat_payer, "vatOnCollection": c.vat_on_collection,
        "registrationNumber": c.registration_number, "address": c.address, "city": c.city, "county": c.county,
        "country": c.country, "postalCode": c.postal_code, "phone": c.phone, "email": c.email,
        "capitalSocial": c.capital_social,
        "bankAccount": bank.map(|b| &b.iban), "bankName": bank.and_then(|b| b.bank_name.as_ref()),
        "bankBic": bank.and_then(|b| b.bic.as_ref()),
    })
}

/// A refund never takes back more than its invoice: its total and those of the invoice's refunds
/// issued before (drafts and cancelled ones aside) stay within the invoice's total, in the
/// invoice's currency. The invoice is locked, so refunds issued at once are counted one after
/// the other.
/// Each line of `refund` that names the invoiced line it credits credits no more of it than
/// is left: the invoiced quantity less what issued credit notes credited before.
async fn within_creditable_lines(
    tx: &mut crate::store::Tx,
    refund: &InvoiceRecord,
    parent: &InvoiceRecord,
) -> Result<(), ApiError> {
    let lines = invoices::lines_in(tx, refund.id).await?;
    if lines.iter().all(|l| l.parent_line_id.is_none()) {
        return Ok(());
    }
    let invoiced = invoices::lines_in(tx, parent.id).await?;
    let before = invoices::credited_lines(tx, parent.id, refund.id).await?;
    let mut asked: std::collections::HashMap<crate::ids::LineId, rust_decimal::Decimal> =
        std::collections::HashMap::new();
    for line in &lines {
        let Some(target) = line.parent_line_id else {
            continue;
        };
        let Some(original) = invoiced.iter().find(|l| l.id == target) else {
            return Err(ApiError::unprocessable(format!(
                "Line {} credits a line {} does not have.",
                line.position, parent.number
            )));
        };
        if line.quantity.0.is_sign_positive() != original.quantity.0.is_sign_negative() {
            return Err(ApiError::unprocessable(format!(
                "Line {} credits «{}» with a quantity of the same sign as invoiced ({}): a \
                 credit reverses it.",
                line.position,
                original.description,
                crate::api::wire::short(line.quantity.0)
            )));
        }
        let total = asked.entry(target).or_default();
        *total += line.quantity.0.abs();
        let credited: rust_decimal::Decimal = before
            .iter()
            .filter(|(id, ..)| *id == target)
            .map(|(_, q, _)| q.0.abs())
            .sum();
        let left = (original.quantity.0.abs() - credited).max(rust_decimal::Decimal::ZERO);
        if *total > left {
            let mut by: Vec<&str> = before
                .iter()
                .filter(|(id, ..)| *id == target)
                .map(|(.., n)| n.as_str())
                .collect();
            by.dedup();
            let earlier = if by.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} credited by {})",
                    crate::api::wire::short(credited),
                    by.join(", ")
                )
            };
            return Err(ApiError::unprocessable(format!(
                "Line {} credits {} of «{}», but only {} of the {} invoiced on {} are left to \
                 credit{earlier}.",
                line.position,
                crate::api::wire::short(*total),
                original.description,
                crate::api::wire::short(left),
                crate::api::wire::short(original.quantity.0.abs()),
                parent.number,
            )));
        }
    }
    Ok(())
}

async fn within_refundable(
    tx: &mut crate::store::Tx,
    refund: &InvoiceRecord,
    parent_id: InvoiceId,
) -> Result<(), ApiError> {
    let parent = invoices::get_for_update(tx, refund.company_id, parent_id)
        .await?
        .ok_or_else(|| {
            ApiError::unprocessable("The invoice this credit note refunds no longer exists.")
        })?;
    if parent.currency != refund.currency {
        return Err(ApiError::unprocessable(format!(
            "A credit note is in the currency of the invoice it refunds ({}), not {}.",
            parent.currency, refund.currency
        )));
    }
    let earlier: i64 = invoices::children_in(tx, refund.company_id, parent_id)
        .await?
        .iter()
        .filter(|c| c.id != refund.id && !matches!(c.status.as_str(), "draft" | "cancelled"))
        .map(|c| c.total.abs())
        .sum();
    within_creditable_lines(tx, refund, &parent).await?;
    let left = (parent.total - earlier).max(0);
    if refund.total.abs() > left {
        return Err(ApiError::unprocessable(format!(
            "This credit note refunds {} {cur}, but only {} {cur} of {} is left to refund.",
            crate::api::wire::amount(refund.total.abs()),
            crate::api::wire::amount(left),
            parent.number,
            cur = parent.currency,
        )));
    }
    Ok(())
}
