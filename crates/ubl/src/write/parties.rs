//! BG-4 … BG-13: seller, buyer, payee, tax representative and delivery, then payment
//! instructions (BG-16) and terms (BT-20).

use einvoice::model::{
    Address, Buyer, Contact, Delivery, DocumentKind, Invoice, Payee, PaymentInstructions, Seller,
    TaxRepresentative,
};

use super::SEPA;
use super::out::Out;

/// The parties, delivery, payment means and payment terms, in schema order.
pub(super) fn write(out: &mut Out<'_>, inv: &Invoice) {
    let creditor_id = inv
        .payment_instructions
        .as_ref()
        .and_then(|p| p.direct_debit.as_ref())
        .and_then(|d| d.creditor_id.as_deref())
        .filter(|c| !c.is_empty());
    let (seller_creditor, payee_creditor) = match inv.payee {
        Some(_) => (None, creditor_id),
        None => (creditor_id, None),
    };
    seller(out, &inv.seller, seller_creditor);
    buyer(out, &inv.buyer);
    if let Some(payee) = &inv.payee {
        self::payee(out, payee, payee_creditor);
    }
    if let Some(representative) = &inv.tax_representative {
        tax_representative(out, representative);
    }
    if let Some(delivery) = inv.delivery.as_ref().filter(|d| !d.is_empty()) {
        self::delivery(out, delivery);
    }
    if let Some(payment) = &inv.payment_instructions {
        let due_date = match inv.kind {
            DocumentKind::CreditNote => inv.due_date,
            DocumentKind::Invoice => None,
        };
        payment_means(out, payment, due_date);
    }
    if let Some(terms) = inv.payment_terms.as_deref().filter(|t| !t.is_empty()) {
        out.open("cac:PaymentTerms");
        out.text("cbc:Note", terms);
        out.close("cac:PaymentTerms");
    }
}

fn seller(out: &mut Out<'_>, s: &Seller, creditor_id: Option<&str>) {
    out.open("cac:AccountingSupplierParty");
    out.open("cac:Party");
    out.identifier("cbc:EndpointID", s.electronic_address.as_ref());
    for id in &s.identifiers {
        party_identification(out, &id.id, id.scheme.as_deref());
    }
    if let Some(creditor_id) = creditor_id {
        party_identification(out, creditor_id, Some(SEPA));
    }
    party_name(out, s.trading_name.as_deref());
    postal_address(out, "cac:PostalAddress", &s.address);
    vat_scheme(out, s.vat_id.as_deref());
    if let Some(registration) = s.tax_registration.as_ref().filter(|r| !r.id.is_empty()) {
        out.open("cac:PartyTaxScheme");
        out.text("cbc:CompanyID", &registration.id);
        tax_scheme(out, &registration.tax_scheme);
        out.close("cac:PartyTaxScheme");
    }
    out.open("cac:PartyLegalEntity");
    out.text("cbc:RegistrationName", &s.name);
    out.identifier("cbc:CompanyID", s.legal_registration_id.as_ref());
    out.opt("cbc:CompanyLegalForm", s.additional_legal_info.as_deref());
    out.close("cac:PartyLegalEntity");
    contact(out, s.contact.as_ref());
    out.close("cac:Party");
    out.close("cac:AccountingSupplierParty");
}

fn buyer(out: &mut Out<'_>, b: &Buyer) {
    out.open("cac:AccountingCustomerParty");
    out.open("cac:Party");
    out.identifier("cbc:EndpointID", b.electronic_address.as_ref());
    if let Some(id) = &b.identifier {
        party_identification(out, &id.id, id.scheme.as_deref());
    }
    party_name(out, b.trading_name.as_deref());
    postal_address(out, "cac:PostalAddress", &b.address);
    vat_scheme(out, b.vat_id.as_deref());
    out.open("cac:PartyLegalEntity");
    out.text("cbc:RegistrationName", &b.name);
    out.identifier("cbc:CompanyID", b.legal_registration_id.as_ref());
    out.close("cac:PartyLegalEntity");
    contact(out, b.contact.as_ref());
    out.close("cac:Party");
    out.close("cac:AccountingCustomerParty");
}

fn payee(out: &mut Out<'_>, p: &Payee, creditor_id: Option<&str>) {
    out.open("cac:PayeeParty");
    if let Some(id) = &p.identifier {
        party_identification(out, &id.id, id.scheme.as_deref());
    }
    if let Some(creditor_id) = creditor_id {
        party_identification(out, creditor_id, Some(SEPA));
    }
    party_name(out, Some(&p.name));
    if let Some(id) = p
        .legal_registration_id
        .as_ref()
        .filter(|id| !id.id.is_empty())
    {
        out.open("cac:PartyLegalEntity");
        out.identifier("cbc:CompanyID", Some(id));
        out.close("cac:PartyLegalEntity");
    }
    out.close("cac:PayeeParty");
}

fn tax_representative(out: &mut Out<'_>, r: &TaxRepresentative) {
    out.open("cac:TaxRepresentativeParty");
    party_name(out, Some(&r.name));
    postal_address(out, "cac:PostalAddress", &r.address);
    vat_scheme(out, Some(&r.vat_id));
    out.close("cac:TaxRepresentativeParty");
}

fn delivery(out: &mut Out<'_>, d: &Delivery) {
    out.open("cac:Delivery");
    out.date("cbc:ActualDeliveryDate", d.actual_date);
    let location_id = d.location_id.as_ref().filter(|id| !id.id.is_empty());
    let address = d.address.as_ref().filter(|a| !a.is_empty());
    if location_id.is_some() || address.is_some() {
        out.open("cac:DeliveryLocation");
        out.identifier("cbc:ID", location_id);
        if let Some(address) = address {
            postal_address(out, "cac:Address", address);
        }
        out.close("cac:DeliveryLocation");
    }
    if let Some(name) = d.party_name.as_deref().filter(|n| !n.is_empty()) {
        out.open("cac:DeliveryParty");
        party_name(out, Some(name));
        out.close("cac:DeliveryParty");
    }
    out.close("cac:Delivery");
}

/// BG-16: one `cac:PaymentMeans` per credit transfer account (at least one); the card,
/// the mandate and a credit note's due date go in the first.
fn payment_means(out: &mut Out<'_>, p: &PaymentInstructions, due_date: Option<time::Date>) {
    let count = p.credit_transfers.len().max(1);
    for i in 0..count {
        let first = i == 0;
        out.open("cac:PaymentMeans");
        out.text_with(
            "cbc:PaymentMeansCode",
            &p.means_code,
            &[("name", p.means_text.as_deref())],
        );
        if first {
            out.date("cbc:PaymentDueDate", due_date);
        }
        out.opt("cbc:PaymentID", p.remittance_information.as_deref());
        if let Some(card) = p.card.as_ref().filter(|_| first) {
            out.open("cac:CardAccount");
            out.text("cbc:PrimaryAccountNumberID", &card.primary_account_number);
            out.opt("cbc:NetworkID", card.network_id.as_deref());
            out.opt("cbc:HolderName", card.holder_name.as_deref());
            out.close("cac:CardAccount");
        }
        if let Some(transfer) = p.credit_transfers.get(i) {
            out.open("cac:PayeeFinancialAccount");
            out.text("cbc:ID", &transfer.account_id);
            out.opt("cbc:Name", transfer.account_name.as_deref());
            out.reference(
                "cac:FinancialInstitutionBranch",
                transfer.service_provider_id.as_deref(),
            );
            out.close("cac:PayeeFinancialAccount");
        }
        let mandate = p.direct_debit.as_ref().filter(|_| first);
        let mandate_id = mandate.and_then(|d| d.mandate_reference.as_deref());
        let debited = mandate.and_then(|d| d.debited_account.as_deref());
        if mandate_id.is_some_and(|m| !m.is_empty()) || debited.is_some_and(|d| !d.is_empty()) {
            out.open("cac:PaymentMandate");
            out.opt("cbc:ID", mandate_id);
            out.reference("cac:PayerFinancialAccount", debited);
            out.close("cac:PaymentMandate");
        }
        out.close("cac:PaymentMeans");
    }
}

fn party_identification(out: &mut Out<'_>, id: &str, scheme: Option<&str>) {
    if id.is_empty() {
        return;
    }
    out.open("cac:PartyIdentification");
    out.text_with("cbc:ID", id, &[("schemeID", scheme)]);
    out.close("cac:PartyIdentification");
}

fn party_name(out: &mut Out<'_>, name: Option<&str>) {
    if let Some(name) = name.filter(|n| !n.is_empty()) {
        out.open("cac:PartyName");
        out.text("cbc:Name", name);
        out.close("cac:PartyName");
    }
}

/// A VAT identifier: `PartyTaxScheme` with `TaxScheme/ID` `VAT`.
fn vat_scheme(out: &mut Out<'_>, vat_id: Option<&str>) {
    if let Some(vat_id) = vat_id.filter(|v| !v.is_empty()) {
        out.open("cac:PartyTaxScheme");
        out.text("cbc:CompanyID", vat_id);
        tax_scheme(out, "VAT");
        out.close("cac:PartyTaxScheme");
    }
}

/// `cac:TaxScheme` with its `cbc:ID` (the element is required even when the id is empty).
pub(super) fn tax_scheme(out: &mut Out<'_>, id: &str) {
    out.open("cac:TaxScheme");
    out.text("cbc:ID", id);
    out.close("cac:TaxScheme");
}

/// BG-5, BG-8, BG-12 or BG-15.
fn postal_address(out: &mut Out<'_>, name: &str, a: &Address) {
    out.open(name);
    out.opt("cbc:StreetName", a.street.as_deref());
    out.opt("cbc:AdditionalStreetName", a.additional_street.as_deref());
    out.opt("cbc:CityName", a.city.as_deref());
    out.opt("cbc:PostalZone", a.postal_zone.as_deref());
    out.opt("cbc:CountrySubentity", a.country_subdivision.as_deref());
    if let Some(line) = a.line3.as_deref().filter(|l| !l.is_empty()) {
        out.open("cac:AddressLine");
        out.text("cbc:Line", line);
        out.close("cac:AddressLine");
    }
    if !a.country_code.is_empty() {
        out.open("cac:Country");
        out.text("cbc:IdentificationCode", &a.country_code);
        out.close("cac:Country");
    }
    out.close(name);
}

/// BG-6 or BG-9.
fn contact(out: &mut Out<'_>, c: Option<&Contact>) {
    let Some(c) = c.filter(|c| !c.is_empty()) else {
        return;
    };
    let (name, telephone, email) = (
        c.name.as_deref(),
        c.telephone.as_deref(),
        c.email.as_deref(),
    );
    if [name, telephone, email]
        .iter()
        .flatten()
        .all(|s| s.is_empty())
    {
        return;
    }
    out.open("cac:Contact");
    out.opt("cbc:Name", name);
    out.opt("cbc:Telephone", telephone);
    out.opt("cbc:ElectronicMail", email);
    out.close("cac:Contact");
}
