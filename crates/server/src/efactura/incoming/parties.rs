//! The parties of an incoming invoice: the seller as a supplier of the company, and the check
//! that the buyer is the company.

use einvoice::ids::Cif;
use einvoice::model::{Buyer, Invoice};

use super::{Context, clean};
use crate::ids::SupplierId;
use crate::partners::{self, AddressFields, Given, TaxFields};
use crate::store::Ts;
use crate::store::suppliers::SupplierRow;

/// The seller as a supplier of the company (source `anaf_sync`). Its CIF is the first of its
/// VAT id (BT-31), tax registration id (BT-32), legal registration id when it is a CIF (BT-30),
/// and ANAF's `cif_emitent`, normalised as the suppliers API stores it.
pub(super) fn supplier_of(inv: &Invoice, ctx: &Context<'_>, w: &mut Vec<String>) -> SupplierRow {
    let s = &inv.seller;
    let now = Ts(ctx.now);
    let mut row = SupplierRow {
        id: SupplierId::new(),
        company_id: ctx.company,
        name: clean(&s.name)
            .or_else(|| s.trading_name.as_deref().and_then(clean))
            .unwrap_or_default(),
        cif: None,
        vat_code: None,
        is_vat_payer: false,
        registration_number: None,
        address: street(&s.address),
        city: s.address.city.clone(),
        county: s.address.country_subdivision.clone(),
        country: clean(&s.address.country_code)
            .map_or_else(|| "RO".to_owned(), |c| c.to_ascii_uppercase()),
        postal_code: s.address.postal_zone.clone(),
        email: s.contact.as_ref().and_then(|c| c.email.clone()),
        phone: s.contact.as_ref().and_then(|c| c.telephone.clone()),
        bank_name: None,
        bank_account: inv
            .payment_instructions
            .as_ref()
            .and_then(|p| p.credit_transfers.first())
            .and_then(|a| crate::party::iban(&a.account_id).ok()),
        notes: None,
        source: "anaf_sync".into(),
        last_synced_at: Some(now),
        deleted_at: None,
        created_at: now,
        updated_at: now,
    };
    let legal = s.legal_registration_id.as_ref().map(|l| l.id.as_str());
    let text = s
        .vat_id
        .as_deref()
        .or(s.tax_registration.as_ref().map(|t| t.id.as_str()))
        .or(legal.filter(|l| l.parse::<Cif>().is_ok()))
        .or(ctx.issuer_cif)
        .and_then(clean);
    let mut ignored = Vec::new();
    let given = Given {
        country: s.address.country_code.trim().len() == 2,
        ..Given::default()
    };
    let fields = TaxFields {
        code: &mut row.cif,
        country: &mut row.country,
        vat_code: &mut row.vat_code,
        is_vat_payer: &mut row.is_vat_payer,
    };
    partners::set_tax_code(fields, text, given, false, "cif", &mut ignored);
    if s.vat_id.is_some() {
        row.is_vat_payer = true;
        row.vat_code = row.vat_code.take().or_else(|| s.vat_id.clone());
    }
    row.registration_number = legal
        .and_then(clean)
        .filter(|l| Some(l.as_str()) != row.cif.as_deref() && l.parse::<Cif>().is_err());
    if let (Some(ours), Some(anaf)) = (row.cif.as_deref(), ctx.issuer_cif)
        && anaf.trim_start_matches("RO") != ours
    {
        w.push(format!(
            "The seller's CIF in the XML ({ours}) differs from the one ANAF names ({anaf})."
        ));
    }
    if row.cif.is_none() {
        w.push("The seller has no tax identifier (BT-31, BT-32, BT-30).".into());
    }
    if row.name.is_empty() {
        row.name = row
            .cif
            .clone()
            .unwrap_or_else(|| "Furnizor necunoscut".into());
        w.push("The seller has no name (BT-27).".into());
    }
    partners::normalize_address(
        AddressFields {
            address: &mut row.address,
            city: &mut row.city,
            county: &mut row.county,
            country: &mut row.country,
            postal_code: &mut row.postal_code,
        },
        &mut ignored,
    );
    row
}

fn street(a: &einvoice::model::Address) -> Option<String> {
    let parts: Vec<&str> = [&a.street, &a.additional_street, &a.line3]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The buyer's Romanian CIF: from its VAT id (BT-48), legal registration id (BT-47) or
/// identifier (BT-46).
pub(super) fn buyer_cif(b: &Buyer) -> Option<Cif> {
    [
        b.vat_id.as_deref(),
        b.legal_registration_id.as_ref().map(|i| i.id.as_str()),
        b.identifier.as_ref().map(|i| i.id.as_str()),
    ]
    .into_iter()
    .flatten()
    .find_map(|text| text.parse::<Cif>().ok())
}

/// The invoice should be addressed to the company; it is imported anyway, with a warning.
pub(super) fn check_buyer(b: &Buyer, company_cif: i64, w: &mut Vec<String>) {
    match buyer_cif(b) {
        Some(cif) if i64::try_from(cif.value()).ok() == Some(company_cif) => {}
        Some(cif) => w.push(format!(
            "The buyer's CIF is {cif}, not the company's ({company_cif})."
        )),
        None => w.push(format!(
            "The buyer has no Romanian CIF; the company's is {company_cif}."
        )),
    }
}
