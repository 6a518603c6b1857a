//! `POST /invoices/{id}/submit`: records the submission and hands it to the upload job, in
//! one transaction with the invoice's move to `sent_to_provider` and its event (api.md §12.5).

use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::{env_name, tokens};
use crate::api::error::ApiError;
use crate::documents::checks;
use crate::documents::issue::{Composed, compose};
use crate::documents::save::facts;
use crate::events::{self, DomainEvent};
use crate::ids::{InvoiceId, SubmissionId};
use crate::jobs::{Job, enqueue};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::invoice_xml;
use crate::store::invoices::{self, InvoiceRecord};
use crate::store::submissions::{self, NewSubmission};
use crate::tenancy::CompanyScope;

/// The statuses an invoice may be submitted from: issued (or a refund), or rejected after its
/// data was corrected.
const SUBMITTABLE: [&str; 3] = ["issued", "refund", "rejected"];

pub async fn submit(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    now: OffsetDateTime,
) -> Result<SubmissionId, ApiError> {
    let environment = state.anaf.environment;
    let mut tx = state.db.begin().await?;
    let inv = invoices::get_for_update(&mut tx, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    refuse_unless_submittable(&inv)?;
    tokens::check(state, scope.id(), environment, now)
        .await
        .map_err(|p| ApiError::unprocessable(format!("Cannot submit to ANAF: {p}.")))?;
    let xml = if inv.status == "rejected" {
        // The user corrected the company's or the client's data: the XML follows them.
        let lines = invoices::lines_in(&mut tx, id).await?;
        let mut report = checks::check(&inv, &lines, &scope.company);
        let Composed { xml, seller, buyer } =
            compose(&mut tx, scope, &inv, &lines, &inv.number, &mut report).await?;
        invoice_xml::put(&mut tx, scope.id(), id, &xml, now).await?;
        invoices::replace_snapshots(&mut tx, scope.id(), id, buyer.as_ref(), &seller, now).await?;
        xml
    } else {
        invoice_xml::get_in(&mut tx, scope.id(), id)
            .await?
            .ok_or_else(|| ApiError::unprocessable("The invoice has no XML: issue it first."))?
    };
    let submission = SubmissionId::new();
    let cif = scope.company.cif.to_string();
    let sha256 = hex::encode(Sha256::digest(xml.as_bytes()));
    let record = NewSubmission {
        id: submission,
        company_id: scope.id(),
        invoice_id: id,
        environment: env_name(environment),
        cif: &cif,
        standard: if is_credit_note(&xml) { "CN" } else { "UBL" },
        foreign_buyer: foreign_buyer(&inv),
        xml: &xml,
        sha256: &sha256,
        previous_status: &inv.status,
        created_by: Some(scope.principal.user.id),
    };
    submissions::insert(&mut tx, &record, now)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(m) => ApiError::unprocessable(m),
            StoreError::Database(e) => e.into(),
        })?;
    invoices::set_anaf_status(
        &mut tx,
        scope.id(),
        id,
        &inv.status,
        "sent_to_provider",
        None,
        now,
    )
    .await?;
    let mut after = inv.clone();
    after.status = "sent_to_provider".into();
    events::record(
        &mut tx,
        scope.origin(),
        &DomainEvent::InvoiceSentToProvider(facts(&after)),
        now,
    )
    .await?;
    let key = format!("submit_invoice:{submission}");
    let job = Job::SubmitInvoice {
        submission_id: submission,
    };
    enqueue(&mut tx, &job, now, Some(&key), now).await?;
    tx.commit().await?;
    Ok(submission)
}

fn refuse_unless_submittable(inv: &InvoiceRecord) -> Result<(), ApiError> {
    if inv.direction != "outgoing" {
        return Err(ApiError::unprocessable(
            "Only outgoing invoices are submitted to ANAF.",
        ));
    }
    if SUBMITTABLE.contains(&inv.status.as_str()) {
        return Ok(());
    }
    Err(ApiError::unprocessable(match inv.status.as_str() {
        "draft" => "Issue the invoice before submitting it to ANAF.".to_owned(),
        "sent_to_provider" => "The invoice is already being submitted to ANAF.".to_owned(),
        "validated" => "ANAF already accepted this invoice.".to_owned(),
        other => format!("An invoice that is {other} cannot be submitted to ANAF."),
    }))
}

/// Whether the UBL's root is a `CreditNote` (uploaded with `standard=CN`).
fn is_credit_note(xml: &str) -> bool {
    let head = &xml[..xml.len().min(512)];
    head.split('<')
        .map(str::trim_start)
        .find(|tag| !tag.starts_with('?') && !tag.starts_with('!') && !tag.is_empty())
        .and_then(|tag| tag.split([' ', '>', '\n', '\r', '\t']).next())
        .is_some_and(|name| name == "CreditNote" || name.ends_with(":CreditNote"))
}

/// Whether the buyer is not Romanian: nothing goes to a buyer's SPV (`extern=DA`).
fn foreign_buyer(inv: &InvoiceRecord) -> bool {
    inv.buyer_snapshot
        .as_ref()
        .and_then(|b| {
            b.0.get("country")
                .and_then(|c| c.as_str())
                .map(str::to_owned)
        })
        .is_some_and(|c| !c.trim().is_empty() && !c.trim().eq_ignore_ascii_case("RO"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_notes_are_told_by_their_root() {
        assert!(is_credit_note(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2">"#
        ));
        assert!(is_credit_note("<ubl:CreditNote xmlns:ubl=\"x\">"));
        assert!(!is_credit_note(
            r#"<?xml version="1.0"?><!-- CreditNote --><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">"#
        ));
    }
}
