//! Proformas and delivery notes (api.md §15–16): the documents that lead to an invoice. Their
//! content is an invoice's (the same fields, validation and totals, `draft::build`); each kind
//! has its own status machine, and both end converted into a draft invoice, linked both ways.
//!
//! Proforma: draft → sent → accepted | rejected; sent or accepted → converted | expired (past
//! `validUntil`, by the scheduler); anything but converted → cancelled.
//! Delivery note: draft → issued (numbered from a delivery-note series) → converted (alone or
//! with other notes of the same client into one invoice); draft or issued → cancelled →
//! draft. An issued note can be reversed by a storno note with negative quantities.

use serde::Deserialize;
use serde_json::{Map, Value};
use sqlx::types::Json;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

use super::draft::{self, Draft};
use super::input::InvoiceInput;
use super::save::{self, invalid};
use crate::api::error::{ApiError, FieldError};
use crate::api::invoices::LineView;
use crate::api::json::{DateIn, Num};
use crate::api::wire;
use crate::events::{self, DomainEvent, Origin, TradeChange, TradeFacts};
use crate::ids::{InvoiceId, SeriesId, TradeDocumentId};
use crate::state::AppState;
use crate::store::clients::{self, ClientRow};
use crate::store::series::{self, SeriesRow};
use crate::store::trade_documents::{self as store, Stamp, TradeRecord};
use crate::store::{Ts, Tx, invoices};
use crate::tenancy::CompanyScope;

/// At most this many documents go into one invoice.
pub const MAX_CONVERTED: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Proforma,
    DeliveryNote,
}

impl Kind {
    /// The stored kind, the series type and the events' prefix.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Proforma => "proforma",
            Kind::DeliveryNote => "delivery_note",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Proforma => "proforma",
            Kind::DeliveryNote => "delivery note",
        }
    }

    pub fn not_found(self) -> ApiError {
        ApiError::NotFound(match self {
            Kind::Proforma => "Proforma invoice not found.",
            Kind::DeliveryNote => "Delivery note not found.",
        })
    }

    /// The series created on first need when the company has none of this type.
    fn default_prefix(self) -> &'static str {
        match self {
            Kind::Proforma => "PRO",
            Kind::DeliveryNote => "AVZ",
        }
    }

    /// The statuses a conversion into an invoice starts from.
    fn convertible(self) -> &'static [&'static str] {
        match self {
            Kind::Proforma => &["sent", "accepted"],
            Kind::DeliveryNote => &["issued"],
        }
    }
}

/// What a client sends to create or change a proforma or a delivery note: an invoice's fields
/// and a proforma's validity date.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TradeInput {
    /// Proformas: the offer holds until this day (not before the issue date).
    pub valid_until: Option<DateIn>,
    #[serde(flatten)]
    pub content: InvoiceInput,
}

/// A change of state a client asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Send,
    Accept,
    Reject,
    Cancel,
    Restore,
    Issue,
}

/// Where an action may start, where it ends, and what it records.
struct Rule {
    from: &'static [&'static str],
    to: &'static str,
    stamp: Stamp,
    change: TradeChange,
    verb: &'static str,
}

fn rule(kind: Kind, action: Action) -> Option<Rule> {
    let r = |from, to, stamp, change, verb| {
        Some(Rule {
            from,
            to,
            stamp,
            change,
            verb,
        })
    };
    match (kind, action) {
        (Kind::Proforma, Action::Send) => {
            r(&["draft"], "sent", Stamp::Sent, TradeChange::Sent, "sent")
        }
        (Kind::Proforma, Action::Accept) => r(
            &["sent"],
            "accepted",
            Stamp::Accepted,
            TradeChange::Accepted,
            "accepted",
        ),
        (Kind::Proforma, Action::Reject) => r(
            &["sent"],
            "rejected",
            Stamp::Rejected,
            TradeChange::Rejected,
            "rejected",
        ),
        (Kind::Proforma, Action::Cancel) => r(
            &["draft", "sent", "accepted", "rejected", "expired"],
            "cancelled",
            Stamp::Cancelled,
            TradeChange::Cancelled,
            "cancelled",
        ),
        (Kind::DeliveryNote, Action::Issue) => r(
            &["draft"],
            "issued",
            Stamp::Issued,
            TradeChange::Issued,
            "issued",
        ),
        (Kind::DeliveryNote, Action::Cancel) => r(
            &["draft", "issued"],
            "cancelled",
            Stamp::Cancelled,
            TradeChange::Cancelled,
            "cancelled",
        ),
        (Kind::DeliveryNote, Action::Restore) => r(
            &["cancelled"],
            "draft",
            Stamp::Restored,
            TradeChange::Restored,
            "restored",
        ),
        _ => None,
    }
}

/// Why a document in `status` cannot take an action that starts from `from`.
fn wrong_status(kind: Kind, r: &TradeRecord, verb: &str, from: &[&str]) -> ApiError {
    let mut message = format!(
        "{} {} is {} and cannot be {verb}; only a {} one can.",
        wire::capitalised(kind.noun()),
        r.number,
        r.status,
        from.join(" or ")
    );
    if r.status == "converted" {
        message.push_str(" It became an invoice already.");
    }
    ApiError::unprocessable(message)
}

/// A validated document: its draft (lines and totals) and the input that produces it again.
struct Built {
    draft: Draft,
    valid_until: Option<Date>,
}

/// Validates `content` as a document of `kind`: an invoice's checks, plus positive quantities
/// (a storno note is the one exception, `negative`) and a validity not before the issue date.
fn build(
    kind: Kind,
    content: &InvoiceInput,
    valid_until: Option<Date>,
    scope: &CompanyScope,
    today: Date,
    negative: bool,
) -> Result<Built, ApiError> {
    let mut content = content.clone();
    // Not an invoice's: a document type, a parent (nor credited lines), an idempotency key or a
    // version.
    (content.document_type, content.parent_document_id) = (None, None);
    for line in content.lines.iter_mut().flatten() {
        line.parent_line_id = None;
    }
    (content.idempotency_key, content.version) = (None, None);
    content.collect = None;
    let mut errors = Vec::new();
    for (i, line) in content.lines.iter().flatten().enumerate() {
        let q = line
            .quantity
            .as_ref()
            .map_or(rust_decimal::Decimal::ONE, |q| q.0);
        let wrong = if negative {
            q >= rust_decimal::Decimal::ZERO
        } else {
            q <= rust_decimal::Decimal::ZERO
        };
        if wrong {
            errors.push(FieldError::new(
                format!("lines[{i}].quantity"),
                if negative {
                    "A storno note reverses quantities: each must be below 0.".to_owned()
                } else {
                    format!(
                        "The quantity of a {} line must be more than 0.",
                        kind.noun()
                    )
                },
            ));
        }
    }
    let draft = match draft::build(&content, &scope.company, today) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    let valid_until = if kind == Kind::Proforma {
        valid_until
    } else {
        None
    };
    if let (Some(d), Some(v)) = (&draft, valid_until)
        && v < d.issue_date
    {
        errors.push(FieldError::new(
            "validUntil",
            "The proforma cannot lapse before its issue date.",
        ));
    }
    match draft {
        Some(draft) if errors.is_empty() => Ok(Built { draft, valid_until }),
        _ => Err(invalid(errors)),
    }
}

/// Checks that what the document refers to belongs to the company; returns the buyer.
async fn check_references(
    tx: &mut Tx,
    scope: &CompanyScope,
    kind: Kind,
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
            Some(s) if s.kind == kind.as_str() => {}
            Some(s) => errors.push(FieldError::new(
                "documentSeriesId",
                format!("A {} series cannot number a {}.", s.kind, kind.noun()),
            )),
            None => errors.push(FieldError::new(
                "documentSeriesId",
                "Document series not found.",
            )),
        }
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
    }
    if errors.is_empty() {
        Ok(buyer)
    } else {
        Err(invalid(errors))
    }
}

/// The record of a built document, identity (id, kind, number, status) aside; its `content`
/// is the input that builds it again (defaults filled in, the issue date fixed).
fn record_of(
    kind: Kind,
    id: TradeDocumentId,
    b: &Built,
    scope: &CompanyScope,
    buyer: Option<&ClientRow>,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let inv = save::record_of(&b.draft, scope, buyer, now);
    let lines = save::lines_of(&b.draft, InvoiceId(Uuid::nil()));
    let content = save::input_of(&inv, &lines);
    let views: Vec<LineView> = lines.into_iter().map(LineView::new).collect();
    let lines = serde_json::to_value(views)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("the lines of {id}: {e}")))?;
    Ok(TradeRecord {
        id,
        company_id: scope.id(),
        kind: kind.as_str().to_owned(),
        number: format!("DRAFT-{}", &id.0.simple().to_string()[24..]),
        series_id: inv.series_id,
        series_number: None,
        status: "draft".into(),
        client_id: inv.client_id,
        receiver_name: inv.receiver_name,
        receiver_cif: inv.receiver_cif,
        issue_date: inv.issue_date,
        due_date: inv.due_date,
        valid_until: b.valid_until,
        currency: inv.currency,
        subtotal: inv.subtotal,
        vat_total: inv.vat_total,
        total: inv.total,
        discount: inv.discount,
        content: Json(content),
        lines: Json(lines),
        proforma_id: None,
        reverses_id: None,
        converted_invoice_id: None,
        version: 1,
        created_by: Some(scope.principal.user.id),
        sent_at: None,
        accepted_at: None,
        rejected_at: None,
        issued_at: None,
        converted_at: None,
        cancelled_at: None,
        expired_at: None,
        deleted_at: None,
        created_at: Ts(now),
        updated_at: Ts(now),
    })
}

/// The series that numbers a document: the one it names, else the company's default of the
/// kind, else one created now with the kind's usual prefix.
async fn numbering_series(
    tx: &mut Tx,
    scope: &CompanyScope,
    kind: Kind,
    named: Option<SeriesId>,
    now: OffsetDateTime,
) -> Result<SeriesRow, ApiError> {
    if let Some(id) = named {
        return series::get_in(tx, scope.id(), id)
            .await?
            .filter(|s| s.active)
            .ok_or_else(|| {
                ApiError::unprocessable(
                    "The document's series is not active: choose another under document series.",
                )
            });
    }
    if let Some(s) = series::pick(tx, scope.id(), kind.as_str()).await? {
        return Ok(s);
    }
    let row = SeriesRow {
        id: SeriesId::new(),
        company_id: scope.id(),
        prefix: kind.default_prefix().into(),
        kind: kind.as_str().into(),
        current_number: 0,
        active: true,
        is_default: true,
        source: "default".into(),
        created_at: Ts(now),
        updated_at: Ts(now),
    };
    series::insert(tx, &row).await.map_err(|e| match e {
        crate::store::StoreError::Conflict(_) => ApiError::unprocessable(format!(
            "No active {} series, and the prefix {} is taken: create one under document series.",
            kind.as_str(),
            kind.default_prefix()
        )),
        other => other.into(),
    })?;
    Ok(row)
}

/// Gives `r` the next number of its series.
async fn number(
    tx: &mut Tx,
    scope: &CompanyScope,
    kind: Kind,
    r: &mut TradeRecord,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let s = numbering_series(tx, scope, kind, r.series_id, now).await?;
    let (n, number) = series::take_next(tx, scope.id(), s.id, now).await?;
    (r.series_id, r.series_number, r.number) = (Some(s.id), Some(n), number);
    Ok(())
}

fn facts(r: &TradeRecord) -> TradeFacts {
    TradeFacts {
        id: r.id,
        kind: if r.kind == "proforma" {
            "proforma"
        } else {
            "delivery_note"
        },
        number: r.number.clone(),
        status: r.status.clone(),
        total: crate::api::wire::amount(r.total),
        currency: r.currency.clone(),
        invoice_id: r.converted_invoice_id,
    }
}

async fn record_event(
    tx: &mut Tx,
    origin: Origin,
    change: TradeChange,
    r: &TradeRecord,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let event = DomainEvent::TradeDocumentChanged {
        change,
        facts: facts(r),
    };
    events::record(tx, origin, &event, now).await?;
    Ok(())
}

/// Locks a live document of the kind, or 404.
async fn load(
    tx: &mut Tx,
    scope: &CompanyScope,
    kind: Kind,
    id: TradeDocumentId,
) -> Result<TradeRecord, ApiError> {
    store::get_for_update(tx, scope.id(), kind.as_str(), id)
        .await?
        .ok_or_else(|| kind.not_found())
}

/// Creates a draft document; a proforma is numbered at once from its series (the one named,
/// else the company's default), a delivery note when issued.
pub async fn create(
    state: &AppState,
    scope: &CompanyScope,
    kind: Kind,
    input: TradeInput,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let today = super::calendar::bucharest_today(now);
    let valid_until = input.valid_until.map(|d| d.0);
    let built = build(kind, &input.content, valid_until, scope, today, false)?;
    let mut tx = state.db.begin().await?;
    let record = insert_built(&mut tx, scope, kind, &built, scope.origin(), now).await?;
    tx.commit().await?;
    Ok(record)
}

/// [`create`] in the caller's transaction (a recurring template's run), its event from
/// `origin`.
pub async fn create_in(
    tx: &mut Tx,
    scope: &CompanyScope,
    kind: Kind,
    content: &InvoiceInput,
    origin: Origin,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let today = super::calendar::bucharest_today(now);
    let built = build(kind, content, None, scope, today, false)?;
    insert_built(tx, scope, kind, &built, origin, now).await
}

async fn insert_built(
    tx: &mut Tx,
    scope: &CompanyScope,
    kind: Kind,
    built: &Built,
    origin: Origin,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let buyer = check_references(tx, scope, kind, &built.draft).await?;
    let mut record = record_of(
        kind,
        TradeDocumentId::new(),
        built,
        scope,
        buyer.as_ref(),
        now,
    )?;
    if kind == Kind::Proforma {
        number(tx, scope, kind, &mut record, now).await?;
    }
    store::insert(tx, &record).await?;
    record_event(tx, origin, TradeChange::Created, &record, now).await?;
    Ok(record)
}

/// Applies a PUT to a draft: the keys sent replace the document's (`lines` replaces all lines).
/// 409 when it changed since the `version` the client sent.
pub async fn update(
    state: &AppState,
    scope: &CompanyScope,
    kind: Kind,
    id: TradeDocumentId,
    patch: Map<String, Value>,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let today = super::calendar::bucharest_today(now);
    let mut tx = state.db.begin().await?;
    let current = load(&mut tx, scope, kind, id).await?;
    if current.status != "draft" {
        return Err(wrong_status(kind, &current, "edited", &["draft"]));
    }
    let stale = ApiError::Conflict {
        message: format!(
            "The {} was changed by someone else; reload it and apply your change again.",
            kind.noun()
        ),
        code: Some("VERSION_CONFLICT"),
    };
    if let Some(sent) = patch.get("version")
        && sent.as_i64() != Some(i64::from(current.version))
    {
        return Err(stale);
    }
    let merged = super::input::merge(&current.content.0, &patch)
        .map_err(|e| ApiError::bad_request(format!("Invalid request body: {e}")))?;
    let valid_until = match patch.get("validUntil") {
        Some(v) => serde_json::from_value::<Option<DateIn>>(v.clone())
            .map_err(|e| ApiError::bad_request(format!("validUntil: {e}")))?
            .map(|d| d.0),
        None => current.valid_until,
    };
    let built = build(
        kind,
        &merged,
        valid_until,
        scope,
        today,
        current.reverses_id.is_some(),
    )?;
    if current.series_number.is_some()
        && built
            .draft
            .series_id
            .is_some_and(|s| Some(s) != current.series_id)
    {
        return Err(invalid(vec![FieldError::new(
            "documentSeriesId",
            format!("The {} keeps the series it was numbered in.", kind.noun()),
        )]));
    }
    let buyer = check_references(&mut tx, scope, kind, &built.draft).await?;
    let mut record = record_of(kind, id, &built, scope, buyer.as_ref(), now)?;
    (record.number, record.series_id, record.series_number) = (
        current.number.clone(),
        built.draft.series_id.or(current.series_id),
        current.series_number,
    );
    if !store::replace_content(&mut tx, &record, current.version).await? {
        return Err(stale);
    }
    let record = load(&mut tx, scope, kind, id).await?;
    record_event(&mut tx, scope.origin(), TradeChange::Updated, &record, now).await?;
    tx.commit().await?;
    Ok(record)
}

/// Deletes a draft or cancelled document (kept, marked deleted).
pub async fn delete(
    state: &AppState,
    scope: &CompanyScope,
    kind: Kind,
    id: TradeDocumentId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    let current = load(&mut tx, scope, kind, id).await?;
    const DELETABLE: &[&str] = &["draft", "cancelled"];
    if !DELETABLE.contains(&current.status.as_str()) {
        return Err(wrong_status(kind, &current, "deleted", DELETABLE));
    }
    store::soft_delete(&mut tx, scope.id(), id, now).await?;
    record_event(&mut tx, scope.origin(), TradeChange::Deleted, &current, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Sends, accepts, rejects, cancels, restores or issues a document.
pub async fn act(
    state: &AppState,
    scope: &CompanyScope,
    kind: Kind,
    id: TradeDocumentId,
    action: Action,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let mut tx = state.db.begin().await?;
    let record = act_in(&mut tx, scope, kind, id, action, scope.origin(), now).await?;
    tx.commit().await?;
    Ok(record)
}

/// [`act`] in the caller's transaction (a recurring template's run), its event from `origin`.
pub async fn act_in(
    tx: &mut Tx,
    scope: &CompanyScope,
    kind: Kind,
    id: TradeDocumentId,
    action: Action,
    origin: Origin,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let rule = rule(kind, action).ok_or_else(|| kind.not_found())?;
    let mut current = load(tx, scope, kind, id).await?;
    if !rule.from.contains(&current.status.as_str()) {
        return Err(wrong_status(kind, &current, rule.verb, rule.from));
    }
    if action == Action::Accept {
        refuse_lapsed(&current, super::calendar::bucharest_today(now))?;
    }
    if action == Action::Cancel && kind == Kind::DeliveryNote {
        let stornos = store::stornos_of(tx, scope.id(), id).await?;
        if !stornos.is_empty() {
            return Err(ApiError::unprocessable(format!(
                "Delivery note {} is reversed by {}; cancel that storno first.",
                current.number,
                stornos.join(", ")
            )));
        }
    }
    // A note restored from cancelled keeps the number it had.
    if action == Action::Issue && current.series_number.is_none() {
        number(tx, scope, kind, &mut current, now).await?;
        let (series, n) = (current.series_id, current.series_number);
        if let (Some(series), Some(n)) = (series, n) {
            store::set_number(tx, scope.id(), id, series, n, &current.number).await?;
        }
    }
    if !store::transition(tx, scope.id(), id, rule.from, rule.to, rule.stamp, now).await? {
        return Err(wrong_status(kind, &current, rule.verb, rule.from));
    }
    let record = load(tx, scope, kind, id).await?;
    record_event(tx, origin, rule.change, &record, now).await?;
    Ok(record)
}

/// A proforma past its validity cannot be accepted or invoiced.
fn refuse_lapsed(r: &TradeRecord, today: Date) -> Result<(), ApiError> {
    match r.valid_until {
        Some(v) if r.kind == "proforma" && v < today => Err(ApiError::unprocessable(format!(
            "Proforma {} was valid until {}; it can no longer be accepted or invoiced.",
            r.number,
            crate::api::wire::date_text(v)
        ))),
        _ => Ok(()),
    }
}

/// Turns one or more documents of a kind into one draft invoice (the default invoice series,
/// issued today, every line in order) and marks each converted, in one transaction: a
/// document that is not convertible, listed twice, or of another client or currency refuses
/// the whole request.
pub async fn convert(
    state: &AppState,
    scope: &CompanyScope,
    kind: Kind,
    ids: &[TradeDocumentId],
    now: OffsetDateTime,
) -> Result<InvoiceId, ApiError> {
    if ids.is_empty() || ids.len() > MAX_CONVERTED {
        return Err(ApiError::bad_request(format!(
            "Name between 1 and {MAX_CONVERTED} documents in 'ids'."
        )));
    }
    let mut sorted = ids.to_vec();
    sorted.sort_by_key(|i| i.0);
    if sorted.windows(2).any(|w| w[0] == w[1]) {
        return Err(ApiError::bad_request(
            "A document is listed twice in 'ids'.",
        ));
    }
    let today = super::calendar::bucharest_today(now);
    let mut tx = state.db.begin().await?;
    // Locked in the order asked for; two conversions sharing notes wait for each other.
    let mut docs = Vec::with_capacity(ids.len());
    for id in ids {
        let doc = load(&mut tx, scope, kind, *id).await?;
        if !kind.convertible().contains(&doc.status.as_str()) {
            return Err(wrong_status(kind, &doc, "invoiced", kind.convertible()));
        }
        refuse_lapsed(&doc, today)?;
        docs.push(doc);
    }
    let first = &docs[0];
    for d in &docs[1..] {
        if d.client_id != first.client_id
            || (first.client_id.is_none() && d.receiver_cif != first.receiver_cif)
        {
            return Err(ApiError::unprocessable(format!(
                "{} and {} are for different clients: one invoice has one buyer.",
                first.number, d.number
            )));
        }
        if d.currency != first.currency {
            return Err(ApiError::unprocessable(format!(
                "{} is in {} and {} in {}: one invoice has one currency.",
                first.number, first.currency, d.number, d.currency
            )));
        }
    }
    let input = invoice_input(kind, &docs, today);
    let draft = draft::build(&input, &scope.company, today).map_err(invalid)?;
    let invoice = save::insert_draft(&mut tx, scope, &draft, None, now).await?;
    for d in &docs {
        if !store::mark_converted(&mut tx, scope.id(), d.id, kind.convertible(), invoice, now)
            .await?
        {
            return Err(wrong_status(kind, d, "invoiced", kind.convertible()));
        }
        let after = load(&mut tx, scope, kind, d.id).await?;
        record_event(&mut tx, scope.origin(), TradeChange::Converted, &after, now).await?;
    }
    tx.commit().await?;
    Ok(invoice)
}

/// The invoice the documents become: the first one's fields, every document's lines, issued
/// today in the default invoice series; delivery notes are named as the despatch advice
/// (BT-16) or, several, in the notes.
fn invoice_input(kind: Kind, docs: &[TradeRecord], today: Date) -> InvoiceInput {
    let mut input = docs[0].content.0.clone();
    input.lines = Some(
        docs.iter()
            .flat_map(|d| d.content.0.lines.clone().unwrap_or_default())
            .collect(),
    );
    (input.document_series_id, input.issue_date) = (None, None);
    input.due_date = input.due_date.filter(|d| d.0 >= today);
    input.document_type = Some("invoice".into());
    if kind == Kind::DeliveryNote {
        let numbers: Vec<&str> = docs.iter().map(|d| d.number.as_str()).collect();
        if let [one] = numbers.as_slice() {
            input.details.despatch_advice_reference = Some((*one).to_owned());
        } else {
            let line = format!("Avize de însoțire: {}.", numbers.join(", "));
            input.details.notes = Some(match input.details.notes.take() {
                Some(n) if !n.trim().is_empty() => format!("{n}\n{line}"),
                _ => line,
            });
        }
    }
    input
}

/// Which document a new delivery note comes from.
#[derive(Debug, Clone, Copy)]
enum NoteSource {
    Proforma(TradeDocumentId),
    /// A storno: the note it reverses (its quantities are negative).
    Reverses(TradeDocumentId),
}

/// Writes a draft delivery note of `content` inside `tx`, linked to its source, with its event.
async fn insert_note(
    tx: &mut Tx,
    scope: &CompanyScope,
    content: &InvoiceInput,
    source: NoteSource,
    today: Date,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let kind = Kind::DeliveryNote;
    let storno = matches!(source, NoteSource::Reverses(_));
    let built = build(kind, content, None, scope, today, storno)?;
    let buyer = check_references(tx, scope, kind, &built.draft).await?;
    let mut record = record_of(
        kind,
        TradeDocumentId::new(),
        &built,
        scope,
        buyer.as_ref(),
        now,
    )?;
    match source {
        NoteSource::Proforma(id) => record.proforma_id = Some(id),
        NoteSource::Reverses(id) => record.reverses_id = Some(id),
    }
    store::insert(tx, &record).await?;
    record_event(tx, scope.origin(), TradeChange::Created, &record, now).await?;
    Ok(record)
}

/// A draft delivery note with a proforma's client and lines, linked to it.
pub async fn note_from_proforma(
    state: &AppState,
    scope: &CompanyScope,
    proforma: TradeDocumentId,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let today = super::calendar::bucharest_today(now);
    let mut tx = state.db.begin().await?;
    let source = load(&mut tx, scope, Kind::Proforma, proforma).await?;
    const FROM: &[&str] = &["sent", "accepted", "converted"];
    if !FROM.contains(&source.status.as_str()) {
        return Err(wrong_status(
            Kind::Proforma,
            &source,
            "delivered on a note",
            FROM,
        ));
    }
    let mut content = source.content.0.clone();
    (content.document_series_id, content.issue_date) = (None, None);
    content.due_date = content.due_date.filter(|d| d.0 >= today);
    let record = insert_note(
        &mut tx,
        scope,
        &content,
        NoteSource::Proforma(proforma),
        today,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(record)
}

/// A draft storno of an issued (or invoiced) delivery note: the same lines with the quantities
/// reversed, linked to it. One live storno per note.
pub async fn storno(
    state: &AppState,
    scope: &CompanyScope,
    id: TradeDocumentId,
    now: OffsetDateTime,
) -> Result<TradeRecord, ApiError> {
    let today = super::calendar::bucharest_today(now);
    let mut tx = state.db.begin().await?;
    let note = load(&mut tx, scope, Kind::DeliveryNote, id).await?;
    const FROM: &[&str] = &["issued", "converted"];
    if note.reverses_id.is_some() {
        return Err(ApiError::unprocessable(format!(
            "{} is a storno itself; cancel it instead.",
            note.number
        )));
    }
    if !FROM.contains(&note.status.as_str()) {
        return Err(wrong_status(Kind::DeliveryNote, &note, "reversed", FROM));
    }
    let existing = store::stornos_of(&mut tx, scope.id(), id).await?;
    if !existing.is_empty() {
        return Err(ApiError::unprocessable(format!(
            "Delivery note {} is reversed by {} already.",
            note.number,
            existing.join(", ")
        )));
    }
    let mut content = note.content.0.clone();
    (content.issue_date, content.due_date) = (None, None);
    for line in content.lines.iter_mut().flatten() {
        let q = line
            .quantity
            .as_ref()
            .map_or(rust_decimal::Decimal::ONE, |q| q.0);
        line.quantity = Some(Num(-q));
    }
    content.details.despatch_advice_reference = Some(note.number.clone());
    let record = insert_note(
        &mut tx,
        scope,
        &content,
        NoteSource::Reverses(id),
        today,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(record)
}

/// Marks sent or accepted proformas whose validity ended before today `expired`, each with its
/// event; returns how many. Run by the scheduler's tick; two processes at once expire each
/// proforma once (the change is conditional on the status).
pub async fn expire_lapsed(state: &AppState, now: OffsetDateTime) -> Result<usize, ApiError> {
    let today = super::calendar::bucharest_today(now);
    let mut expired = 0;
    for (id, company, organization) in store::lapsed(&state.db, today, 500).await? {
        let mut tx = state.db.begin().await?;
        if store::transition(
            &mut tx,
            company,
            id,
            &["sent", "accepted"],
            "expired",
            Stamp::Expired,
            now,
        )
        .await?
            && let Some(r) = store::get_for_update(&mut tx, company, "proforma", id).await?
        {
            let origin = Origin {
                organization,
                company: Some(company),
                actor: None,
            };
            record_event(&mut tx, origin, TradeChange::Expired, &r, now).await?;
            expired += 1;
        }
        tx.commit().await?;
    }
    Ok(expired)
}

/// The EN 16931 document a proforma or delivery note prints as: its content built on its own
/// issue date, with the company's data and the client's of now.
pub async fn document(
    state: &AppState,
    scope: &CompanyScope,
    r: &TradeRecord,
) -> Result<einvoice::model::Invoice, ApiError> {
    let company = &scope.company;
    let built = draft::build(&r.content.0, company, r.issue_date)
        .map_err(|e| internal(format!("the stored {} does not rebuild: {e:?}", r.kind)))?;
    let buyer = match r.client_id {
        Some(c) => clients::get(&state.db, company.id, c)
            .await?
            .and_then(|c| serde_json::to_value(super::buyer::Buyer::from(&c)).ok()),
        None => Some(serde_json::json!({ "name": r.receiver_name, "cui": r.receiver_cif })),
    };
    super::issue::document_as_of_now(state, company, &built, &r.number, buyer.as_ref()).await
}

fn internal(message: String) -> ApiError {
    ApiError::Internal(anyhow::anyhow!(message))
}
