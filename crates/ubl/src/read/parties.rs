//! BG-4 … BG-13 and BG-16: the parties, delivery and payment means.

use einvoice::model::{
    Address, Buyer, Contact, CreditTransfer, Delivery, DirectDebit, Identifier, Payee, PaymentCard,
    PaymentInstructions, Seller, TaxRegistration, TaxRepresentative,
};
use roxmltree::Node;

use super::values::{Reader, child_identifier, child_string, child_text};
use crate::write::SEPA;
use crate::xml::UblNode;

/// The party identifiers of `party`, and the bank assigned creditor identifier (BT-90)
/// among them, told apart by its `SEPA` scheme.
fn identifications<'a, 'input: 'a>(party: Node<'a, 'input>) -> (Vec<Identifier>, Option<String>) {
    let mut ids = Vec::new();
    let mut creditor = None;
    for identification in party.children_named("cac:PartyIdentification") {
        let Some(id) = child_identifier(identification, "cbc:ID") else {
            continue;
        };
        if creditor.is_none() && id.scheme.as_deref() == Some(SEPA) {
            creditor = Some(id.id);
        } else {
            ids.push(id);
        }
    }
    (ids, creditor)
}

/// `cac:PartyName/cbc:Name`.
fn party_name<'a, 'input: 'a>(party: Node<'a, 'input>) -> Option<String> {
    party
        .child("cac:PartyName")
        .and_then(|n| child_text(n, "cbc:Name"))
}

/// The `PartyTaxScheme` company ids: (VAT, the first other one with its scheme).
fn tax_schemes<'a, 'input: 'a>(
    party: Node<'a, 'input>,
) -> (Option<String>, Option<TaxRegistration>) {
    let mut vat = None;
    let mut other = None;
    for scheme in party.children_named("cac:PartyTaxScheme") {
        let Some(id) = child_text(scheme, "cbc:CompanyID") else {
            continue;
        };
        let tax_scheme = scheme
            .child("cac:TaxScheme")
            .map(|s| child_string(s, "cbc:ID"))
            .unwrap_or_default();
        if tax_scheme.trim().eq_ignore_ascii_case("VAT") {
            vat.get_or_insert(id);
        } else if other.is_none() {
            other = Some(TaxRegistration { id, tax_scheme });
        }
    }
    (vat, other)
}

/// BG-4 and the seller's BT-90, from `cac:AccountingSupplierParty`.
pub(super) fn seller<'a, 'input: 'a>(node: Node<'a, 'input>) -> (Seller, Option<String>) {
    let Some(party) = node.child("cac:Party") else {
        return (Seller::default(), None);
    };
    let (identifiers, creditor) = identifications(party);
    let (vat_id, tax_registration) = tax_schemes(party);
    let legal = party.child("cac:PartyLegalEntity");
    let seller = Seller {
        name: legal
            .map(|l| child_string(l, "cbc:RegistrationName"))
            .unwrap_or_default(),
        trading_name: party_name(party),
        identifiers,
        legal_registration_id: legal.and_then(|l| child_identifier(l, "cbc:CompanyID")),
        vat_id,
        tax_registration,
        additional_legal_info: legal.and_then(|l| child_text(l, "cbc:CompanyLegalForm")),
        electronic_address: child_identifier(party, "cbc:EndpointID"),
        address: party
            .child("cac:PostalAddress")
            .map(address)
            .unwrap_or_default(),
        contact: party.child("cac:Contact").and_then(contact),
    };
    (seller, creditor)
}

/// BG-7, from `cac:AccountingCustomerParty`. A `PartyTaxScheme` without the `VAT` scheme
/// still gives BT-48 when it is the only one.
pub(super) fn buyer<'a, 'input: 'a>(node: Node<'a, 'input>) -> Buyer {
    let Some(party) = node.child("cac:Party") else {
        return Buyer::default();
    };
    let (identifiers, _) = identifications(party);
    let (vat_id, other) = tax_schemes(party);
    let legal = party.child("cac:PartyLegalEntity");
    Buyer {
        name: legal
            .map(|l| child_string(l, "cbc:RegistrationName"))
            .unwrap_or_default(),
        trading_name: party_name(party),
        identifier: identifiers.into_iter().next(),
        legal_registration_id: legal.and_then(|l| child_identifier(l, "cbc:CompanyID")),
        vat_id: vat_id.or(other.map(|o| o.id)),
        electronic_address: child_identifier(party, "cbc:EndpointID"),
        address: party
            .child("cac:PostalAddress")
            .map(address)
            .unwrap_or_default(),
        contact: party.child("cac:Contact").and_then(contact),
    }
}

/// BG-10 and the payee's BT-90, from `cac:PayeeParty`.
pub(super) fn payee<'a, 'input: 'a>(party: Node<'a, 'input>) -> (Payee, Option<String>) {
    let (identifiers, creditor) = identifications(party);
    let payee = Payee {
        name: party_name(party).unwrap_or_default(),
        identifier: identifiers.into_iter().next(),
        legal_registration_id: party
            .child("cac:PartyLegalEntity")
            .and_then(|l| child_identifier(l, "cbc:CompanyID")),
    };
    (payee, creditor)
}

/// BG-11, from `cac:TaxRepresentativeParty`.
pub(super) fn tax_representative<'a, 'input: 'a>(party: Node<'a, 'input>) -> TaxRepresentative {
    let (vat_id, other) = tax_schemes(party);
    TaxRepresentative {
        name: party_name(party).unwrap_or_default(),
        vat_id: vat_id.or(other.map(|o| o.id)).unwrap_or_default(),
        address: party
            .child("cac:PostalAddress")
            .map(address)
            .unwrap_or_default(),
    }
}

/// BG-13, `None` when it says nothing.
pub(super) fn delivery<'a, 'input: 'a>(
    r: &mut Reader<'a, 'input>,
    node: Node<'a, 'input>,
) -> Option<Delivery> {
    let location = node.child("cac:DeliveryLocation");
    let delivery = Delivery {
        party_name: node.child("cac:DeliveryParty").and_then(party_name),
        location_id: location.and_then(|l| child_identifier(l, "cbc:ID")),
        actual_date: r.child_date(node, "cbc:ActualDeliveryDate"),
        address: location
            .and_then(|l| l.child("cac:Address"))
            .map(address)
            .filter(|a| !a.is_empty()),
    };
    (!delivery.is_empty()).then_some(delivery)
}

/// Adds what one `cac:PaymentMeans` holds to `p`: its credit transfer account, and the
/// first card and mandate found.
pub(super) fn payment_means<'a, 'input: 'a>(p: &mut PaymentInstructions, means: Node<'a, 'input>) {
    if let Some(account) = means.child("cac:PayeeFinancialAccount") {
        p.credit_transfers.push(CreditTransfer {
            account_id: child_string(account, "cbc:ID"),
            account_name: child_text(account, "cbc:Name"),
            service_provider_id: account
                .child("cac:FinancialInstitutionBranch")
                .and_then(|b| child_text(b, "cbc:ID")),
        });
    }
    if p.card.is_none()
        && let Some(card) = means.child("cac:CardAccount")
    {
        p.card = Some(PaymentCard {
            primary_account_number: child_string(card, "cbc:PrimaryAccountNumberID"),
            holder_name: child_text(card, "cbc:HolderName"),
            network_id: child_text(card, "cbc:NetworkID"),
        });
    }
    let has_mandate = p
        .direct_debit
        .as_ref()
        .is_some_and(|d| d.mandate_reference.is_some() || d.debited_account.is_some());
    if !has_mandate && let Some(mandate) = means.child("cac:PaymentMandate") {
        let debit = p.direct_debit.get_or_insert_with(DirectDebit::default);
        debit.mandate_reference = child_text(mandate, "cbc:ID");
        debit.debited_account = mandate
            .child("cac:PayerFinancialAccount")
            .and_then(|a| child_text(a, "cbc:ID"));
    }
}

/// BG-5, BG-8, BG-12 or BG-15.
fn address<'a, 'input: 'a>(node: Node<'a, 'input>) -> Address {
    Address {
        street: child_text(node, "cbc:StreetName"),
        additional_street: child_text(node, "cbc:AdditionalStreetName"),
        line3: node
            .child("cac:AddressLine")
            .and_then(|l| child_text(l, "cbc:Line")),
        city: child_text(node, "cbc:CityName"),
        postal_zone: child_text(node, "cbc:PostalZone"),
        country_subdivision: child_text(node, "cbc:CountrySubentity"),
        country_code: node
            .child("cac:Country")
            .map(|c| child_string(c, "cbc:IdentificationCode"))
            .unwrap_or_default(),
    }
}

/// BG-6 or BG-9, `None` when it says nothing.
fn contact<'a, 'input: 'a>(node: Node<'a, 'input>) -> Option<Contact> {
    let contact = Contact {
        name: child_text(node, "cbc:Name"),
        telephone: child_text(node, "cbc:Telephone"),
        email: child_text(node, "cbc:ElectronicMail"),
    };
    (!contact.is_empty()).then_some(contact)
}
