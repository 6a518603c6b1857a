//! The JSON shapes of clients (api.md §6, §25.3), and those suppliers share with them: the
//! invoice history, bulk delete, tax codes sent as numbers.

use std::fmt;

use anaf::registry::CompanyRecord;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use crate::api::bulk::{BulkError, Deleted};
use crate::api::json::Patch;
use crate::api::page::PageMeta;
use crate::api::wire;
use crate::ids::{ClientId, InvoiceId};
use crate::partners::BulkDeleted;
use crate::party;
use crate::store::clients::{ClientListRow, ClientRow};
use crate::store::party_invoices::{InvoiceRef, InvoiceSummary};

/// A client (§25.3, `client:detail`). VIES checks and e-invoice identifiers are not kept yet, so
/// `viesValid`, `viesValidatedAt`, `viesName`, `einvoiceIdentifiers` and `lastSyncedAt` are
/// `null`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientView {
    pub id: ClientId,
    /// `company` or `individual`.
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    /// Digits without `RO` for a Romanian company; a foreign id without its VAT prefix.
    pub cui: Option<String>,
    pub cnp: Option<String>,
    pub vat_code: Option<String>,
    pub is_vat_payer: bool,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: String,
    pub email: Option<String>,
    pub contact_person: Option<String>,
    pub client_code: Option<String>,
    pub id_number: Option<String>,
    pub currency: Option<String>,
    pub vies_valid: Option<bool>,
    pub registration_number: Option<String>,
    /// ISO 3166-2:RO code without `RO-` for Romanian clients.
    pub county: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    pub default_payment_term_days: Option<i32>,
    pub notes: Option<String>,
    /// `manual` for clients created through the API.
    pub source: String,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_synced_at: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub einvoice_identifiers: Option<Value>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub vies_validated_at: Option<String>,
    pub vies_name: Option<String>,
}

impl From<ClientRow> for ClientView {
    fn from(c: ClientRow) -> Self {
        ClientView {
            id: c.id,
            kind: c.kind,
            name: c.name,
            cui: c.cui,
            cnp: c.cnp,
            vat_code: c.vat_code,
            is_vat_payer: c.is_vat_payer,
            address: c.address,
            city: c.city,
            country: c.country,
            email: c.email,
            contact_person: c.contact_person,
            client_code: c.client_code,
            id_number: c.id_number,
            currency: c.currency,
            vies_valid: None,
            registration_number: c.registration_number,
            county: c.county,
            postal_code: c.postal_code,
            phone: c.phone,
            bank_name: c.bank_name,
            bank_account: c.bank_account,
            default_payment_term_days: c.default_payment_term_days,
            notes: c.notes,
            source: c.source,
            last_synced_at: None,
            einvoice_identifiers: None,
            vies_validated_at: None,
            vies_name: None,
        }
    }
}

/// A row of the client list (api.md §6).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientListItem {
    pub id: ClientId,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub cui: Option<String>,
    pub cnp: Option<String>,
    pub vat_code: Option<String>,
    pub is_vat_payer: bool,
    pub address: Option<String>,
    pub city: Option<String>,
    pub email: Option<String>,
    pub country: String,
    /// Always `null` (no VIES checks yet).
    pub vies_valid: Option<bool>,
    pub source: String,
    /// Invoices that count: neither deleted nor cancelled.
    pub invoice_count: i64,
    /// Their total as a decimal string (`"1190.00"`), currencies added as they are (see the
    /// envelope's `hasForeignCurrencies`).
    pub invoice_total: String,
    #[serde(serialize_with = "wire::date_opt")]
    #[schema(value_type = Option<String>, format = Date)]
    pub last_invoice_date: Option<Date>,
    /// When the client was created.
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub group_created_at: OffsetDateTime,
}

impl From<ClientListRow> for ClientListItem {
    fn from(r: ClientListRow) -> Self {
        let c = r.client;
        ClientListItem {
            id: c.id,
            kind: c.kind,
            name: c.name,
            cui: c.cui,
            cnp: c.cnp,
            vat_code: c.vat_code,
            is_vat_payer: c.is_vat_payer,
            address: c.address,
            city: c.city,
            email: c.email,
            country: c.country,
            vies_valid: None,
            source: c.source,
            invoice_count: r.invoice_count,
            invoice_total: wire::amount(r.invoice_total),
            last_invoice_date: r.last_invoice_date,
            group_created_at: c.created_at.0,
        }
    }
}

/// The client list envelope (api.md §1.5, plus `pages`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientList {
    pub data: Vec<ClientListItem>,
    #[serde(flatten)]
    pub page: PageMeta,
    /// The company's default currency.
    pub currency: String,
    /// Whether some client invoice is in another currency than `currency`.
    pub has_foreign_currencies: bool,
    /// The countries of all live clients, sorted.
    pub distinct_countries: Vec<String>,
}

/// A line of an invoice history.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceRefView {
    pub id: InvoiceId,
    pub number: String,
    pub status: String,
    #[serde(serialize_with = "wire::date")]
    #[schema(value_type = String, format = Date)]
    pub issue_date: Date,
    /// Decimal string.
    pub total: String,
    pub currency: String,
}

impl From<InvoiceRef> for InvoiceRefView {
    fn from(r: InvoiceRef) -> Self {
        InvoiceRefView {
            id: r.id,
            number: r.number,
            status: r.status,
            issue_date: r.issue_date,
            total: wire::amount(r.total),
            currency: r.currency,
        }
    }
}

/// A client with its invoices (api.md §6). Delivery notes and receipts do not exist yet, so
/// their histories are empty.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientDetail {
    pub client: ClientView,
    /// All invoices but deleted ones (cancelled included), newest first, paged by
    /// `page`/`limit`.
    pub invoice_history: Vec<InvoiceRefView>,
    /// Total of the invoices neither deleted nor cancelled, as a decimal string.
    pub invoice_total: String,
    /// How many invoices are neither deleted nor cancelled.
    pub invoice_count: i64,
    #[schema(value_type = Vec<Object>)]
    pub delivery_note_history: Vec<Value>,
    pub delivery_note_count: i64,
    #[schema(value_type = Vec<Object>)]
    pub receipt_history: Vec<Value>,
    pub receipt_count: i64,
}

impl ClientDetail {
    pub fn new(client: ClientRow, summary: InvoiceSummary, history: Vec<InvoiceRef>) -> Self {
        ClientDetail {
            client: client.into(),
            invoice_history: history.into_iter().map(InvoiceRefView::from).collect(),
            invoice_total: wire::amount(summary.total),
            invoice_count: summary.count,
            delivery_note_history: Vec::new(),
            delivery_note_count: 0,
            receipt_history: Vec::new(),
            receipt_count: 0,
        }
    }
}

/// A company as ANAF's registry knows it (the `data` of `anaf-lookup`), its address normalised
/// as a client's would be.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RegistryCompany {
    pub cui: String,
    pub name: String,
    pub address: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub registration_number: Option<String>,
    pub is_vat_payer: bool,
    pub vat_code: Option<String>,
}

impl From<CompanyRecord> for RegistryCompany {
    fn from(r: CompanyRecord) -> Self {
        let mut a = party::registry_address(&r);
        // The registry's own data; a county it spells oddly is shown as it is.
        party::normalize(
            &mut a,
            party::AddressKeys { county: "county" },
            &mut Vec::new(),
        );
        RegistryCompany {
            cui: r.cif.to_string(),
            name: r.name,
            address: a.address,
            city: a.city,
            county: a.county,
            postal_code: a.postal_code,
            phone: r.phone,
            registration_number: r.registration_number,
            is_vat_payer: r.vat_payer,
            vat_code: r.vat_payer.then(|| format!("RO{}", r.cif)),
        }
    }
}

impl From<BulkDeleted> for Deleted {
    fn from(b: BulkDeleted) -> Self {
        Deleted {
            deleted: b.deleted,
            errors: b
                .errors
                .into_iter()
                .map(|(id, error)| BulkError {
                    id,
                    error: error.into(),
                })
                .collect(),
        }
    }
}

/// A required name in a partial update: `null` empties it, which validation then refuses.
pub fn name_change(name: Patch<String>) -> Option<String> {
    match name {
        Patch::Absent => None,
        Patch::Null => Some(String::new()),
        Patch::Value(v) => Some(v),
    }
}

/// A tax code sent as a string or a number (`"RO18547290"`, `18547290`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeIn(pub String);

impl<'de> Deserialize<'de> for CodeIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = CodeIn;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a tax code as a string or number")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CodeIn, E> {
                Ok(CodeIn(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CodeIn, E> {
                Ok(CodeIn(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<CodeIn, E> {
                Ok(CodeIn(s.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

impl utoipa::PartialSchema for CodeIn {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
        ObjectBuilder::new()
            .schema_type(SchemaType::Array(vec![Type::String, Type::Integer]))
            .description(Some("A tax code as a string or a number."))
            .examples(["RO18547290"])
            .into()
    }
}

impl utoipa::ToSchema for CodeIn {}
