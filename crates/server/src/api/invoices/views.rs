//! How invoices look on the wire (api.md §25.1–25.2): the list row and the detail object.
//! Amounts are 2-dp strings, quantities 4-dp, rates 2-dp, dates `YYYY-MM-DD`.

use serde::Serialize;
use serde_json::Value;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use crate::api::payments::Payment;
use crate::api::wire;
use crate::documents::buyer::Buyer;
use crate::documents::input::InvoiceDetails;
use crate::documents::payments;
use crate::ids::{ClientId, InvoiceId, LineId, ProductId, SeriesId};
use crate::store::invoice_list::ListRow;
use crate::store::invoices::{InvoiceRecord, LineRecord};
use crate::store::payments::PaymentRow;
use crate::store::submissions::{State, Submission};

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientSummary {
    pub id: ClientId,
    pub name: Option<String>,
    pub cui: Option<String>,
    pub is_vat_payer: Option<bool>,
    pub country: Option<String>,
}

/// The fields shared by list rows and the detail object.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceCore {
    pub id: InvoiceId,
    pub number: String,
    pub status: String,
    pub direction: String,
    pub document_type: String,
    pub sender_cif: Option<String>,
    pub receiver_cif: Option<String>,
    pub sender_name: Option<String>,
    pub receiver_name: Option<String>,
    pub subtotal: String,
    pub vat_total: String,
    pub total: String,
    pub amount_paid: String,
    /// Payable amount (BT-115) less what was paid.
    pub balance: String,
    /// Ours, derived from the amounts and the due date: `unpaid`, `partially_paid`, `paid` or
    /// `overdue`; null for cancelled and refund invoices (`status` keeps the document's
    /// lifecycle, api.md §12.5).
    pub payment_status: Option<&'static str>,
    pub currency: String,
    pub invoice_type_code: Option<String>,
    #[serde(serialize_with = "wire::date")]
    #[schema(value_type = String, format = Date)]
    pub issue_date: Date,
    #[serde(serialize_with = "wire::date_opt")]
    #[schema(value_type = Option<String>, format = Date)]
    pub due_date: Option<Date>,
    pub anaf_error_message: Option<String>,
    pub is_duplicate: bool,
    pub is_late_submission: bool,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub paid_at: Option<OffsetDateTime>,
    pub payment_method: Option<String>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub cancelled_at: Option<OffsetDateTime>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub scheduled_send_at: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub scheduled_email_at: Option<String>,
    pub payee_bank_account: Option<String>,
    pub payee_bank_name: Option<String>,
    pub parent_document_id: Option<InvoiceId>,
}

/// A row of `GET /api/v1/invoices`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceListItem {
    #[serde(flatten)]
    pub core: InvoiceCore,
    pub client: Option<ClientSummary>,
    pub supplier: Option<Value>,
    /// Serialized as `[]`, like the incumbent's (api.md §25.1).
    #[schema(value_type = Vec<Object>)]
    pub company: Vec<Value>,
    pub client_name: Option<String>,
}

impl InvoiceListItem {
    pub fn new(row: ListRow, now: OffsetDateTime) -> Self {
        let ListRow {
            invoice,
            client_name,
            client_cui,
            client_is_vat_payer,
            client_country,
        } = row;
        let client = invoice.client_id.map(|id| ClientSummary {
            id,
            name: client_name.clone(),
            cui: client_cui,
            is_vat_payer: client_is_vat_payer,
            country: client_country,
        });
        Self::with_client(&invoice, client, client_name, now)
    }

    /// A row for an invoice whose client summary is not at hand (a credit note in a detail).
    pub fn of(invoice: &InvoiceRecord, now: OffsetDateTime) -> Self {
        let client = invoice.client_id.map(|id| ClientSummary {
            id,
            name: invoice.receiver_name.clone(),
            cui: invoice.receiver_cif.clone(),
            is_vat_payer: None,
            country: None,
        });
        Self::with_client(invoice, client, None, now)
    }

    fn with_client(
        invoice: &InvoiceRecord,
        client: Option<ClientSummary>,
        client_name: Option<String>,
        now: OffsetDateTime,
    ) -> Self {
        InvoiceListItem {
            core: core_of(invoice, now),
            client,
            supplier: invoice
                .supplier_id
                .map(|id| serde_json::json!({ "id": id })),
            company: Vec::new(),
            client_name: client_name.or_else(|| invoice.receiver_name.clone()),
        }
    }
}

/// A line (api.md §25.2): `lineTotal` is the net amount.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LineView {
    pub id: LineId,
    pub position: i32,
    pub description: String,
    pub quantity: String,
    pub unit_of_measure: String,
    /// UN/ECE Rec 20 code (BT-130).
    pub unit_code: String,
    pub unit_price: String,
    /// BT-149.
    pub price_base_quantity: String,
    pub vat_rate: String,
    pub vat_category_code: String,
    pub vat_amount: String,
    pub line_total: String,
    pub discount: String,
    pub discount_percent: Option<String>,
    pub vat_included: bool,
    pub product_id: Option<ProductId>,
    pub product_code: Option<String>,
    pub line_note: Option<String>,
    pub buyer_accounting_ref: Option<String>,
    pub buyer_item_identification: Option<String>,
    pub standard_item_identification: Option<String>,
    pub cpv_code: Option<String>,
    /// Ours: on a credit note, the invoiced line this line credits.
    pub parent_line_id: Option<LineId>,
    pub ubl_extensions: Option<Value>,
}

impl LineView {
    pub fn new(l: LineRecord) -> Self {
        LineView {
            id: l.id,
            position: l.position,
            description: l.description,
            quantity: wire::fixed(l.quantity.0, 4),
            unit_of_measure: l.unit_of_measure,
            unit_code: l.unit_code,
            unit_price: wire::price(l.unit_price.0),
            price_base_quantity: wire::fixed(l.price_base_quantity.0, 4),
            vat_rate: wire::fixed(l.vat_rate.0, 2),
            vat_category_code: l.vat_category_code,
            vat_amount: wire::amount(l.vat_amount),
            line_total: wire::amount(l.line_total),
            discount: wire::amount(l.discount),
            discount_percent: l.discount_percent.map(|d| wire::fixed(d.0, 2)),
            vat_included: l.vat_included,
            product_id: l.product_id,
            product_code: l.product_code,
            line_note: l.line_note,
            buyer_accounting_ref: l.buyer_accounting_ref,
            buyer_item_identification: l.buyer_item_identification,
            standard_item_identification: l.standard_item_identification,
            cpv_code: l.cpv_code,
            parent_line_id: l.parent_line_id,
            ubl_extensions: l.extensions.and_then(|j| serde_json::to_value(j.0).ok()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SeriesRef {
    pub id: SeriesId,
    pub prefix: String,
    pub next_number: String,
}

/// One group of the VAT breakdown (BG-23).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VatGroupView {
    pub category_code: String,
    pub rate: String,
    pub taxable_amount: String,
    pub tax_amount: String,
}

/// `GET /api/v1/invoices/{id}` (api.md §25.1 detail), plus the EN 16931 totals.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDetail {
    #[serde(flatten)]
    pub core: InvoiceCore,
    pub client: Option<Buyer>,
    pub supplier: Option<Value>,
    pub parent_document_number: Option<String>,
    #[serde(serialize_with = "wire::date_opt")]
    #[schema(value_type = Option<String>, format = Date)]
    pub parent_document_date: Option<Date>,
    pub anaf_message_id: Option<String>,
    pub signature_valid: Option<bool>,
    pub synced_at: Option<String>,
    pub discount: String,
    pub exchange_rate: Option<String>,
    pub language: String,
    pub anaf_upload_id: Option<String>,
    pub anaf_download_id: Option<String>,
    pub anaf_status: Option<String>,
    pub cancellation_reason: Option<String>,
    #[serde(flatten)]
    pub details: InvoiceDetails,
    pub buyer_snapshot: Option<Value>,
    pub seller_snapshot: Option<Value>,
    pub lines: Vec<LineView>,
    #[schema(value_type = Vec<Object>)]
    pub attachments: Vec<Value>,
    /// Newest first.
    pub payments: Vec<Payment>,
    pub document_series: Option<SeriesRef>,
    /// BT-106.
    pub line_extension_amount: String,
    /// BT-107.
    pub allowance_total: String,
    /// BT-108.
    pub charge_total: String,
    /// BT-113.
    pub prepaid_amount: String,
    /// BT-115.
    pub payable_amount: String,
    /// BT-111: the VAT total in RON for an invoice in another currency.
    pub vat_total_ron: Option<String>,
    pub vat_breakdown: Vec<VatGroupView>,
    /// For `version` in a PUT (optimistic concurrency).
    pub version: i32,
    pub refund_invoices: Vec<InvoiceListItem>,
    /// Ours: the proformas and delivery notes this invoice was made from.
    pub converted_from: Vec<ConvertedFrom>,
}

/// A proforma or delivery note an invoice was made from.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConvertedFrom {
    pub id: crate::ids::TradeDocumentId,
    /// `proforma` or `delivery_note`.
    pub kind: String,
    pub number: String,
}

/// The parts of the detail that come from other records.
#[derive(Debug)]
pub struct Related {
    pub lines: Vec<LineRecord>,
    pub client: Option<Buyer>,
    pub series: Option<SeriesRef>,
    pub parent: Option<(String, Date)>,
    pub vat_breakdown: Vec<VatGroupView>,
    pub refunds: Vec<InvoiceListItem>,
    /// The latest e-Factura submission.
    pub submission: Option<Submission>,
    /// The SPV message an incoming invoice was imported from.
    pub source: Option<crate::store::efactura_messages::Source>,
    /// The supplier of an incoming invoice (§25.1 detail).
    pub supplier: Option<Value>,
    pub payments: Vec<PaymentRow>,
    pub converted_from: Vec<ConvertedFrom>,
    /// When the detail is read (for `paymentStatus`).
    pub now: OffsetDateTime,
}

/// `anafStatus`: ANAF's word for where the latest submission stands.
fn anaf_status(s: &Submission) -> &'static str {
    match s.state {
        State::Queued | State::Uploading => "pending",
        State::Uploaded => "in prelucrare",
        State::Ok => "ok",
        State::Nok => "nok",
        State::NotTakenOver => "XML cu erori nepreluat de sistem",
        State::Failed => "error",
    }
}

pub fn core_of(r: &InvoiceRecord, now: OffsetDateTime) -> InvoiceCore {
    InvoiceCore {
        id: r.id,
        number: r.number.clone(),
        status: r.status.clone(),
        direction: r.direction.clone(),
        document_type: r.document_type.clone(),
        sender_cif: r.sender_cif.clone(),
        receiver_cif: r.receiver_cif.clone(),
        sender_name: r.sender_name.clone(),
        receiver_name: r.receiver_name.clone(),
        subtotal: wire::amount(r.subtotal),
        vat_total: wire::amount(r.vat_total),
        total: wire::amount(r.total),
        amount_paid: wire::amount(r.amount_paid),
        balance: wire::amount(r.payable - r.amount_paid),
        payment_status: payments::payment_status(r, now),
        currency: r.currency.clone(),
        invoice_type_code: r.invoice_type_code.clone(),
        issue_date: r.issue_date,
        due_date: r.due_date,
        anaf_error_message: r.anaf_error_message.clone(),
        is_duplicate: false,
        is_late_submission: false,
        paid_at: r.paid_at.map(|t| t.0),
        payment_method: r.payment_method.clone(),
        cancelled_at: r.cancelled_at.map(|t| t.0),
        scheduled_send_at: None,
        scheduled_email_at: r.details.0.scheduled_email_at.clone(),
        payee_bank_account: r.details.0.payee_bank_account.clone(),
        payee_bank_name: r.details.0.payee_bank_name.clone(),
        parent_document_id: r.parent_document_id,
    }
}

pub fn detail(r: InvoiceRecord, rel: Related) -> InvoiceDetail {
    InvoiceDetail {
        core: core_of(&r, rel.now),
        client: rel.client,
        supplier: rel
            .supplier
            .or_else(|| r.supplier_id.map(|id| serde_json::json!({ "id": id }))),
        parent_document_number: rel.parent.as_ref().map(|p| p.0.clone()),
        parent_document_date: rel.parent.map(|p| p.1),
        anaf_message_id: rel.source.as_ref().map(|m| m.message_id.to_string()),
        signature_valid: rel.source.as_ref().and_then(|m| m.signature_valid),
        synced_at: rel
            .source
            .as_ref()
            .and_then(|m| m.processed_at)
            .map(|t| wire::timestamp_text(t.0)),
        discount: wire::amount(r.discount),
        exchange_rate: r.exchange_rate.map(|d| wire::fixed(d.0, 4)),
        language: r.language.clone(),
        anaf_upload_id: rel
            .submission
            .as_ref()
            .and_then(Submission::effective_index)
            .map(|i| i.to_string()),
        anaf_download_id: rel
            .submission
            .as_ref()
            .and_then(|s| s.download_id)
            .or(rel.source.as_ref().map(|m| m.message_id))
            .map(|i| i.to_string()),
        anaf_status: rel.submission.as_ref().map(|s| anaf_status(s).to_owned()),
        cancellation_reason: r.cancellation_reason.clone(),
        details: r.details.0.clone(),
        buyer_snapshot: r.buyer_snapshot.map(|j| j.0),
        seller_snapshot: r.seller_snapshot.map(|j| j.0),
        lines: rel.lines.into_iter().map(LineView::new).collect(),
        attachments: Vec::new(),
        payments: rel.payments.into_iter().map(Payment::from).collect(),
        document_series: rel.series,
        line_extension_amount: wire::amount(r.line_extension),
        allowance_total: wire::amount(r.allowance_total),
        charge_total: wire::amount(r.charge_total),
        prepaid_amount: wire::amount(r.prepaid),
        payable_amount: wire::amount(r.payable),
        vat_total_ron: r.vat_total_accounting.map(wire::amount),
        vat_breakdown: rel.vat_breakdown,
        version: r.version,
        refund_invoices: rel.refunds,
        converted_from: rel.converted_from,
    }
}
