//! Creating and editing drafts: validation (`draft::build`), references checked inside the
//! transaction (client, series, parent, products), the record written with its event.

use einvoice::money;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};
use sqlx::types::Json;
use time::OffsetDateTime;

use super::buyer::Buyer;
use super::draft::{self, Draft};
use super::input::{InvoiceInput, LineInput};
use crate::api::error::{ApiError, FieldError};
use crate::api::json::{DateIn, Flag, Num};
use crate::events::{self, DomainEvent, InvoiceFacts};
use crate::ids::{InvoiceId, LineId};
use crate::state::AppState;
use crate::store::clients::{self, ClientRow};
use crate::store::invoices::{self, InvoiceRecord, LineRecord};
use crate::store::{Dec, StoreError, Ts, Tx, invoice_xml, series};
use crate::tenancy::CompanyScope;

/// The body of a refused create or update: the first message as `error` (what the incumbent's
/// clients show) and every field in `errors`.
#[allow(clippy::needless_pass_by_value)] // Called as `.map_err(invalid)`.
pub fn invalid(errors: Vec<FieldError>) -> ApiError {
    let first = errors
        .first()
        .map_or_else(String::new, |e| format!("{}: {}", e.key, e.message));
    ApiError::Custom(
        axum::http::StatusCode::BAD_REQUEST,
        json!({ "error": first, "errors": errors }),
    )
}

/// Creates a draft, or returns the invoice an earlier request with the same idempotency key
/// created (`false` as the second value).
pub async fn create(
    state: &AppState,
    scope: &CompanyScope,
    input: InvoiceInput,
    now: OffsetDateTime,
) -> Result<(InvoiceId, bool), ApiError> {
    let today = super::calendar::bucharest_today(now);
    // Validation and totals are pure: done before the write transaction takes the lock.
    let draft = draft::build(&input, &scope.company, today).map_err(invalid)?;
    let mut tx = state.db.begin().await?;
    let key = input
        .idempotency_key
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned);
    if let Some(key) = &key {
        if key.len() > 200 {
            return Err(invalid(vec![FieldError::new(
                "idempotencyKey",
                "At most 200 characters.",
            )]));
        }
        if let Some(existing) = invoices::find_by_idempotency_key(&mut tx, scope.id(), key).await? {
            return Ok((existing, false));
        }
    }
    let id = insert_draft(&mut tx, scope, &draft, key, now).await?;
    if let Some(c) = &input.collect {
        let payment = super::payments::NewPayment {
            amount: c.value.map(|v| v.0),
            method: Some(c.kind.clone().unwrap_or_else(|| "cash".into())),
            date: c.issue_date.map(|d| d.0),
            currency: None,
            reference: c.document_number.clone(),
            notes: c.mentions.clone(),
            overpayment: false,
            whole_balance: c.value.is_none(),
        };
        // A refused payment refuses the invoice with it: nothing half-written.
        super::payments::record_in(&mut tx, scope, id, payment, now)
            .await
            .map_err(|e| match e {
                ApiError::Internal(_) | ApiError::Unavailable(_) => e,
                other => ApiError::bad_request(format!("collect: {other}")),
            })?;
    }
    tx.commit().await?;
    Ok((id, true))
}

/// Writes `draft` as a new draft invoice of the company inside `tx`, with its `invoice.created`
/// event, after checking what it refers to (also how proformas and delivery notes become
/// invoices).
pub async fn insert_draft(
    tx: &mut Tx,
    scope: &CompanyScope,
    draft: &Draft,
    idempotency_key: Option<String>,
    now: OffsetDateTime,
) -> Result<InvoiceId, ApiError> {
    let buyer = check_references(tx, scope, draft).await?;
    let id = InvoiceId::new();
    let mut record = record_of(draft, scope, buyer.as_ref(), now);
    record.id = id;
    record.number = format!("DRAFT-{}", &id.0.simple().to_string()[24..]);
    record.idempotency_key = idempotency_key;
    record.created_by = Some(scope.principal.user.id);
    let lines = lines_of(draft, id);
    invoices::insert(tx, &record, &lines)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(m) => ApiError::conflict(m),
            other => other.into(),
        })?;
    events::record(
        tx,
        scope.origin(),
        &DomainEvent::InvoiceCreated(facts(&record)),
        now,
    )
    .await?;
    Ok(id)
}

/// The statuses whose content may change (api.md §12.5): drafts; issued invoices and refunds,
/// which never reached ANAF (a live or accepted submission moves the invoice on); and invoices
/// ANAF rejected, corrected before they are submitted again.
const EDITABLE: [&str; 4] = ["draft", "issued", "refund", "rejected"];

/// Applies a PUT: the keys sent replace the invoice's (`lines` replaces all lines). Refused with
/// 409 when the invoice changed since the version the client sent, or since this request read
/// it. An issued invoice keeps its number, series, type and status; its UBL is generated again
/// and must pass the checks of an issue, or nothing changes.
pub async fn update(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    patch: Map<String, Value>,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let today = super::calendar::bucharest_today(now);
    let mut tx = state.db.begin().await?;
    let current = invoices::get_for_update(&mut tx, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    if current.direction != "outgoing" || !EDITABLE.contains(&current.status.as_str()) {
        return Err(not_editable(&current));
    }
    let stale = ApiError::Conflict {
        message: "The invoice was changed by someone else; reload it and apply your change again."
            .into(),
        code: Some("VERSION_CONFLICT"),
    };
    if let Some(sent) = patch.get("version")
        && sent.as_i64() != Some(i64::from(current.version))
    {
        return Err(stale);
    }
    let lines = invoices::lines_in(&mut tx, id).await?;
    let merged = super::input::merge(&input_of(&current, &lines), &patch)
        .map_err(|e| ApiError::bad_request(format!("Invalid request body: {e}")))?;
    let draft = draft::build(&merged, &scope.company, today).map_err(invalid)?;
    let frozen = current.status != "draft";
    if frozen {
        refuse_identity_change(&current, &draft)?;
    }
    let buyer = check_references(&mut tx, scope, &draft).await?;
    let mut record = record_of(&draft, scope, buyer.as_ref(), now);
    record.id = id;
    if frozen {
        (record.series_id, record.series_number) = (current.series_id, current.series_number);
    }
    let new_lines = lines_of(&draft, id);
    if !invoices::replace_content(
        &mut tx,
        &record,
        &new_lines,
        current.version,
        &current.status,
    )
    .await?
    {
        return Err(stale);
    }
    record.number = current.number;
    record.status = current.status;
    if frozen {
        // What is filed with ANAF follows the corrected data: the UBL is generated again, with
        // the company's and the client's data of now, under the number it has.
        let mut report = super::checks::check(&record, &new_lines, &scope.company);
        if !report.valid {
            return Err(super::issue::refused(&report));
        }
        let super::issue::Composed { xml, seller, buyer } = super::issue::compose(
            &mut tx,
            scope,
            &record,
            &new_lines,
            &record.number,
            &mut report,
        )
        .await?;
        invoice_xml::put(&mut tx, scope.id(), id, &xml, now).await?;
        invoices::replace_snapshots(&mut tx, scope.id(), id, buyer.as_ref(), &seller, now).await?;
    }
    events::record(
        &mut tx,
        scope.origin(),
        &DomainEvent::InvoiceUpdated(facts(&record)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Why an invoice's content cannot change (422).
fn not_editable(inv: &InvoiceRecord) -> ApiError {
    ApiError::unprocessable(match inv.status.as_str() {
        _ if inv.direction != "outgoing" => {
            "An incoming invoice is the supplier's document and cannot be edited.".to_owned()
        }
        "sent_to_provider" => {
            "The invoice is being submitted to ANAF; it can be edited if ANAF rejects it."
                .to_owned()
        }
        "validated" => {
            "ANAF accepted this invoice; correct it with a credit note instead.".to_owned()
        }
        "cancelled" => "Restore the cancelled invoice to a draft to edit it.".to_owned(),
        other => format!("An invoice that is {other} cannot be edited."),
    })
}

/// An issued invoice keeps the identity it was numbered with: its series, document type and
/// the invoice it refunds.
fn refuse_identity_change(current: &InvoiceRecord, d: &Draft) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if d.series_id.is_some() && d.series_id != current.series_id {
        errors.push(FieldError::new(
            "documentSeriesId",
            "An issued invoice keeps the series it was numbered in.",
        ));
    }
    if d.document_type != current.document_type {
        errors.push(FieldError::new(
            "documentType",
            "An issued invoice keeps its document type.",
        ));
    }
    if d.parent_document_id != current.parent_document_id {
        errors.push(FieldError::new(
            "parentDocumentId",
            "An issued invoice keeps the invoice it refunds.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(invalid(errors))
    }
}

/// Checks that what the draft refers to belongs to the company; returns the buyer's data.
async fn check_references(
    tx: &mut Tx,
    scope: &CompanyScope,
    d: &Draft,
) -> Result<Option<ClientRow>, ApiError> {
    let mut errors = Vec::new();
    let buyer = match d.client_id {
        Some(id) => {
            let found = clients::get_in(tx, scope.id(), id).await?;
            if found.is_none() {
                errors.push(FieldError::new("clientId", "Client not found."));
            }
            found
        }
        None => None,
    };
    if let Some(id) = d.series_id {
        match series::get_in(tx, scope.id(), id).await? {
            Some(s) if s.kind == "invoice" || s.kind == "credit_note" => {}
            Some(s) => errors.push(FieldError::new(
                "documentSeriesId",
                format!("A {} series cannot number invoices.", s.kind),
            )),
            None => errors.push(FieldError::new(
                "documentSeriesId",
                "Document series not found.",
            )),
        }
    }
    if let Some(id) = d.parent_document_id
        && invoices::status_of(tx, scope.id(), id).await?.is_none()
    {
        errors.push(FieldError::new(
            "parentDocumentId",
            "Parent invoice not found.",
        ));
    }
    for (i, line) in d.lines.iter().enumerate() {
        if let Some(p) = line.product_id
            && !invoices::product_exists(tx, scope.id(), p).await?
        {
            errors.push(FieldError::new(
                format!("lines[{i}].productId"),
                "Product not found.",
            ));
        }
        if let Some(credited) = line.input.parent_line_id {
            let found = match d.parent_document_id {
                Some(parent) => invoices::line_quantity(tx, parent, credited).await?,
                None => None,
            };
            if found.is_none() {
                errors.push(FieldError::new(
                    format!("lines[{i}].parentLineId"),
                    "Not a line of the invoice this credit note refunds (parentDocumentId).",
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(buyer)
    } else {
        Err(invalid(errors))
    }
}

fn minor(d: Decimal) -> i64 {
    money::to_minor(d).unwrap_or_default()
}

/// A record for `d` with everything but identity (id, number, status) filled.
pub fn record_of(
    d: &Draft,
    scope: &CompanyScope,
    buyer: Option<&ClientRow>,
    now: OffsetDateTime,
) -> InvoiceRecord {
    let t = &d.totals;
    let company = &scope.company;
    let discount: Decimal = d.lines.iter().map(|l| l.discount).sum();
    InvoiceRecord {
        id: InvoiceId::new(),
        company_id: company.id,
        number: String::new(),
        series_number: None,
        status: "draft".into(),
        direction: "outgoing".into(),
        document_type: d.document_type.clone(),
        series_id: d.series_id,
        client_id: d.client_id,
        supplier_id: None,
        parent_document_id: d.parent_document_id,
        sender_cif: Some(company.cif.to_string()),
        sender_name: Some(company.name.clone()),
        receiver_cif: d
            .receiver_cif
            .clone()
            .or_else(|| buyer.and_then(|b| b.tax_id().map(str::to_owned))),
        receiver_name: d
            .receiver_name
            .clone()
            .or_else(|| buyer.map(|b| b.name.clone())),
        issue_date: d.issue_date,
        due_date: d.due_date,
        currency: d.currency.clone(),
        exchange_rate: d.exchange_rate.map(Dec),
        invoice_type_code: d.invoice_type_code.clone(),
        language: d.language.clone(),
        line_extension: minor(t.line_extension),
        allowance_total: minor(t.allowance_total),
        charge_total: minor(t.charge_total),
        subtotal: minor(t.tax_exclusive),
        vat_total: minor(t.tax_total),
        total: minor(t.tax_inclusive),
        prepaid: minor(t.prepaid),
        rounding: minor(t.rounding),
        payable: minor(t.payable),
        discount: minor(discount),
        vat_total_accounting: t.tax_total_accounting.map(minor),
        amount_paid: 0,
        paid_at: None,
        payment_method: d.payment_method.clone(),
        details: Json(d.details.clone()),
        buyer_snapshot: buyer
            .and_then(|b| serde_json::to_value(Buyer::from(b)).ok())
            .map(Json),
        seller_snapshot: None,
        idempotency_key: None,
        version: 1,
        created_by: None,
        issued_at: None,
        cancelled_at: None,
        cancellation_reason: None,
        deleted_at: None,
        created_at: Ts(now),
        updated_at: Ts(now),
        anaf_error_message: None,
    }
}

/// The lines of `d` as stored under `invoice` (proformas and delivery notes show the same lines,
/// owned by no invoice: `InvoiceId(Uuid::nil())`).
pub fn lines_of(d: &Draft, invoice: InvoiceId) -> Vec<LineRecord> {
    d.lines
        .iter()
        .zip(&d.totals.lines)
        .enumerate()
        .map(|(i, (l, t))| LineRecord {
            id: LineId::new(),
            invoice_id: invoice,
            position: i32::try_from(i + 1).unwrap_or(i32::MAX),
            description: l.description.clone(),
            quantity: Dec(l.quantity),
            unit_of_measure: l.unit_of_measure.clone(),
            unit_code: l.unit_code.clone(),
            unit_price: Dec(l.unit_price),
            price_base_quantity: Dec(l.base_quantity),
            vat_rate: Dec(l.vat.rate),
            vat_category_code: l.vat.category.code().to_owned(),
            discount: minor(l.discount),
            discount_percent: l.discount_percent.map(Dec),
            vat_included: l.vat_included,
            line_total: minor(t.net),
            vat_amount: minor(t.vat),
            product_id: l.product_id,
            product_code: l.input.product_code.clone(),
            line_note: l.input.line_note.clone(),
            buyer_accounting_ref: l.input.buyer_accounting_ref.clone(),
            buyer_item_identification: l.input.buyer_item_identification.clone(),
            standard_item_identification: l.input.standard_item_identification.clone(),
            cpv_code: l.input.cpv_code.clone(),
            extensions: l.input.ubl_extensions.clone().map(Json),
            parent_line_id: l.input.parent_line_id,
        })
        .collect()
}

/// The input that produces a stored draft again (the base a PUT is merged over).
pub fn input_of(r: &InvoiceRecord, lines: &[LineRecord]) -> InvoiceInput {
    InvoiceInput {
        lines: Some(lines.iter().map(line_input_of).collect()),
        client_id: r.client_id,
        receiver_name: if r.client_id.is_some() {
            None
        } else {
            r.receiver_name.clone()
        },
        receiver_cif: if r.client_id.is_some() {
            None
        } else {
            r.receiver_cif.clone()
        },
        document_type: Some(r.document_type.clone()),
        parent_document_id: r.parent_document_id,
        document_series_id: r.series_id,
        issue_date: Some(DateIn(r.issue_date)),
        due_date: r.due_date.map(DateIn),
        currency: Some(r.currency.clone()),
        exchange_rate: r.exchange_rate.map(|d| Num(d.0)),
        invoice_type_code: r.invoice_type_code.clone(),
        language: Some(r.language.clone()),
        payment_method: r.payment_method.clone(),
        version: None,
        idempotency_key: None,
        collect: None,
        details: r.details.0.clone(),
    }
}

/// The input that produces a stored line again.
pub fn line_input_of(l: &LineRecord) -> LineInput {
    LineInput {
        description: Some(l.description.clone()),
        quantity: Some(Num(l.quantity.0)),
        unit_price: Some(Num(l.unit_price.0)),
        price_base_quantity: Some(Num(l.price_base_quantity.0)),
        unit_of_measure: Some(l.unit_of_measure.clone()),
        unit_code: Some(l.unit_code.clone()),
        vat_rate: Some(Num(l.vat_rate.0)),
        vat_category_code: Some(l.vat_category_code.clone()),
        discount: if l.discount_percent.is_some() {
            None
        } else {
            Some(Num(money::from_minor(l.discount)))
        },
        discount_percent: l.discount_percent.map(|d| Num(d.0)),
        vat_included: Some(Flag(l.vat_included)),
        product_id: l.product_id,
        product_code: l.product_code.clone(),
        line_note: l.line_note.clone(),
        buyer_accounting_ref: l.buyer_accounting_ref.clone(),
        buyer_item_identification: l.buyer_item_identification.clone(),
        standard_item_identification: l.standard_item_identification.clone(),
        cpv_code: l.cpv_code.clone(),
        parent_line_id: l.parent_line_id,
        ubl_extensions: l.extensions.clone().map(|j| j.0),
    }
}

/// What invoice events carry.
pub fn facts(r: &InvoiceRecord) -> InvoiceFacts {
    InvoiceFacts {
        id: r.id.0,
        number: r.number.clone(),
        status: r.status.clone(),
        direction: r.direction.clone(),
        total: crate::api::wire::amount(r.total),
        currency: r.currency.clone(),
    }
}
