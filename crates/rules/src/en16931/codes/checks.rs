//! How the code-list rules check: the artefacts' list test, their contexts, one function per
//! rule and artefact.

use roxmltree::Node;
use ubl::xml::UblNode;

use super::{charges, countries, currencies, eas, icd, references, units, untdid, vatex};
use crate::doc::{Doc, normalize_space};
use crate::en16931::syntax::{is_allowance, is_charge};
use crate::registry::Hits;

/// The artefacts' code-list test: `value`, whitespace normalized, is one whole entry of `list`
/// (XPath `not(contains(normalize-space(v), ' ')) and contains(' A B … ', concat(' ',
/// normalize-space(v), ' '))`). An empty or absent value is in no list.
pub(super) fn listed(list: &[&str], value: &str) -> bool {
    let code = normalize_space(value);
    !code.contains(' ') && list.binary_search(&code.as_str()).is_ok()
}

/// The elements `qname` anywhere in the document (the context `qname`).
fn named<'a, 'i>(d: &Doc<'a, 'i>, qname: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    d.all(qname)
}

/// The elements `qname` whose parent is `parent` (the context `parent/qname`).
fn under<'a, 'i>(
    d: &Doc<'a, 'i>,
    parent: &'static str,
    qname: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    d.all(qname)
        .filter(move |n| n.parent_element().is_some_and(|p| p.is(parent)))
}

/// Fails on each of `nodes` whose text is not in `list`.
fn text_in<'a, 'i>(
    d: &Doc<'a, 'i>,
    hits: &mut Hits,
    nodes: impl Iterator<Item = Node<'a, 'i>>,
    list: &[&str],
) {
    for n in nodes {
        hits.check(d, n, !listed(list, &n.string_value()));
    }
}

/// Fails on each of `nodes` that has the attribute `name` with a value not in `list` (the
/// context `…[@name]`, the test on `@name`).
fn attribute_in<'a, 'i>(
    d: &Doc<'a, 'i>,
    hits: &mut Hits,
    nodes: impl Iterator<Item = Node<'a, 'i>>,
    name: &str,
    list: &[&str],
) {
    for n in nodes {
        if let Some(value) = n.attribute(name) {
            hits.check(d, n, !listed(list, value));
        }
    }
}

/// ANAF's context `//@name`: fails on every attribute `name` of the document whose value is
/// not in `list`, at the attribute.
fn every_attribute_in(d: &Doc<'_, '_>, hits: &mut Hits, name: &str, list: &[&str]) {
    for n in d.root.descendants().filter(Node::is_element) {
        if n.attribute(name).is_some_and(|v| !listed(list, v)) {
            hits.at_attribute(d, n, name);
        }
    }
}

/// BR-CL-01: `cbc:InvoiceTypeCode` from `invoices`, `cbc:CreditNoteTypeCode` from `credit_notes`.
fn document_type(d: &Doc<'_, '_>, hits: &mut Hits, invoices: &[&str], credit_notes: &[&str]) {
    for n in d.root.descendants() {
        let list = if n.is("cbc:InvoiceTypeCode") {
            invoices
        } else if n.is("cbc:CreditNoteTypeCode") {
            credit_notes
        } else {
            continue;
        };
        hits.check(d, n, !listed(list, &n.string_value()));
    }
}

pub(super) fn br_cl_01_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    document_type(
        d,
        hits,
        untdid::INVOICE_TYPES_CEN,
        untdid::CREDIT_NOTE_TYPES_CEN,
    );
}

pub(super) fn br_cl_01_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    document_type(
        d,
        hits,
        untdid::INVOICE_TYPES_RO,
        untdid::CREDIT_NOTE_TYPES_RO,
    );
}

/// The amounts whose `currencyID` CEN checks (BR-CL-03).
const AMOUNTS: [&str; 13] = [
    "cbc:Amount",
    "cbc:BaseAmount",
    "cbc:PriceAmount",
    "cbc:TaxAmount",
    "cbc:TaxableAmount",
    "cbc:LineExtensionAmount",
    "cbc:TaxExclusiveAmount",
    "cbc:TaxInclusiveAmount",
    "cbc:AllowanceTotalAmount",
    "cbc:ChargeTotalAmount",
    "cbc:PrepaidAmount",
    "cbc:PayableRoundingAmount",
    "cbc:PayableAmount",
];

/// CEN: every amount of [`AMOUNTS`] needs a listed `currencyID`; one without the attribute
/// fails too.
pub(super) fn br_cl_03_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    let amounts = d.all_of(&AMOUNTS);
    for n in amounts {
        let failed = !listed(currencies::CEN, n.attribute("currencyID").unwrap_or(""));
        hits.check(d, n, failed);
    }
}

pub(super) fn br_cl_03_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    every_attribute_in(d, hits, "currencyID", currencies::RO);
}

pub(super) fn br_cl_04_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    text_in(
        d,
        hits,
        named(d, "cbc:DocumentCurrencyCode"),
        currencies::CEN,
    );
}

pub(super) fn br_cl_04_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    text_in(
        d,
        hits,
        named(d, "cbc:DocumentCurrencyCode"),
        currencies::RO,
    );
}

pub(super) fn br_cl_05_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    text_in(d, hits, named(d, "cbc:TaxCurrencyCode"), currencies::CEN);
}

pub(super) fn br_cl_05_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    text_in(d, hits, named(d, "cbc:TaxCurrencyCode"), currencies::RO);
}

pub(super) fn br_cl_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    let codes = under(d, "cac:InvoicePeriod", "cbc:DescriptionCode");
    text_in(d, hits, codes, untdid::DATE_CODES);
}

/// BR-CL-07: the `cbc:ID[@schemeID]` of a document reference whose type code is `130`.
fn invoiced_object(d: &Doc<'_, '_>, hits: &mut Hits, list: &[&str]) {
    let ids = d.all("cbc:ID").filter(|id| {
        id.parent_element().is_some_and(|r| {
            (r.is("cac:AdditionalDocumentReference") || r.is("cac:DocumentReference"))
                && r.children_named("cbc:DocumentTypeCode")
                    .any(|c| c.string_value() == "130")
        })
    });
    attribute_in(d, hits, ids, "schemeID", list);
}

pub(super) fn br_cl_07_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    invoiced_object(d, hits, references::CEN);
}

pub(super) fn br_cl_07_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    invoiced_object(d, hits, references::RO);
}

/// The invoice notes (`/ubl:Invoice/cbc:Note | /cn:CreditNote/cbc:Note`) may start with a
/// subject code between `#`s (`#AAI#…`). The artefacts check only a code of exactly three
/// characters between the first two `#`s, and check it as a substring of the list written
/// out (` AAA AAB … ZZZ `), so a code with a space, such as `AB ` or `A A`, may pass.
pub(super) fn br_cl_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    for note in d.root.children_named("cbc:Note") {
        let text = note.string_value();
        let code = text
            .split_once('#')
            .and_then(|(_, after)| after.split_once('#'))
            .map_or("", |(code, _)| code);
        let failed =
            code.chars().count() == 3 && !written_out(untdid::NOTE_SUBJECTS).contains(code);
        hits.check(d, note, failed);
    }
}

/// A code list as the artefacts write it for a substring test: ` A B … Z `. The sorted order
/// of the table is the artefacts' order wherever this is used.
fn written_out(list: &[&str]) -> String {
    format!(" {} ", list.join(" "))
}

/// BR-CL-10: a party identifier's scheme is an ICD, or `SEPA` (a creditor reference) within
/// the seller or the payee.
fn party_identifier(d: &Doc<'_, '_>, hits: &mut Hits, icd: &[&str]) {
    for id in under(d, "cac:PartyIdentification", "cbc:ID") {
        let Some(scheme) = id.attribute("schemeID") else {
            continue;
        };
        let sepa = listed(&["SEPA"], scheme)
            && id
                .ancestors()
                .skip(1)
                .any(|a| a.is("cac:AccountingSupplierParty") || a.is("cac:PayeeParty"));
        hits.check(d, id, !listed(icd, scheme) && !sepa);
    }
}

pub(super) fn br_cl_10_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    party_identifier(d, hits, icd::CEN);
}

pub(super) fn br_cl_10_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    party_identifier(d, hits, icd::RO);
}

pub(super) fn br_cl_11_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids = under(d, "cac:PartyLegalEntity", "cbc:CompanyID");
    attribute_in(d, hits, ids, "schemeID", icd::CEN);
}

pub(super) fn br_cl_11_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids = under(d, "cac:PartyLegalEntity", "cbc:CompanyID");
    attribute_in(d, hits, ids, "schemeID", icd::RO);
}

pub(super) fn br_cl_13_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    let codes = under(
        d,
        "cac:CommodityClassification",
        "cbc:ItemClassificationCode",
    );
    attribute_in(d, hits, codes, "listID", untdid::CLASSIFICATIONS_CEN);
}

pub(super) fn br_cl_13_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    let codes = under(
        d,
        "cac:CommodityClassification",
        "cbc:ItemClassificationCode",
    );
    attribute_in(d, hits, codes, "listID", untdid::CLASSIFICATIONS_RO);
}

pub(super) fn br_cl_14(d: &Doc<'_, '_>, hits: &mut Hits) {
    let codes = under(d, "cac:Country", "cbc:IdentificationCode");
    text_in(d, hits, codes, countries::COUNTRIES);
}

pub(super) fn br_cl_15(d: &Doc<'_, '_>, hits: &mut Hits) {
    let codes = under(d, "cac:OriginCountry", "cbc:IdentificationCode");
    text_in(d, hits, codes, countries::COUNTRIES);
}

pub(super) fn br_cl_16_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    let codes = under(d, "cac:PaymentMeans", "cbc:PaymentMeansCode");
    text_in(d, hits, codes, untdid::PAYMENT_MEANS_CEN);
}

pub(super) fn br_cl_16_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    let codes = under(d, "cac:PaymentMeans", "cbc:PaymentMeansCode");
    text_in(d, hits, codes, untdid::PAYMENT_MEANS_RO);
}

pub(super) fn br_cl_17(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids = under(d, "cac:TaxCategory", "cbc:ID");
    text_in(d, hits, ids, untdid::TAX_CATEGORIES);
}

pub(super) fn br_cl_18(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids = under(d, "cac:ClassifiedTaxCategory", "cbc:ID");
    text_in(d, hits, ids, untdid::TAX_CATEGORIES);
}

/// The reason codes of the allowances (`is_charge` false) or charges (true), as the pattern's
/// first matching rule sorts them.
fn reason_codes<'a, 'i>(d: &Doc<'a, 'i>, charge: bool) -> impl Iterator<Item = Node<'a, 'i>> {
    d.all("cbc:AllowanceChargeReasonCode").filter(move |n| {
        n.parent_element().is_some_and(|ac| {
            ac.is("cac:AllowanceCharge")
                && if charge {
                    is_charge(ac)
                } else {
                    is_allowance(ac)
                }
        })
    })
}

pub(super) fn br_cl_19(d: &Doc<'_, '_>, hits: &mut Hits) {
    text_in(d, hits, reason_codes(d, false), untdid::ALLOWANCE_REASONS);
}

pub(super) fn br_cl_20_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    text_in(d, hits, reason_codes(d, true), charges::CEN);
}

pub(super) fn br_cl_20_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    text_in(d, hits, reason_codes(d, true), charges::RO);
}

pub(super) fn br_cl_21_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids = under(d, "cac:StandardItemIdentification", "cbc:ID");
    attribute_in(d, hits, ids, "schemeID", icd::CEN);
}

pub(super) fn br_cl_21_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids = under(d, "cac:StandardItemIdentification", "cbc:ID");
    attribute_in(d, hits, ids, "schemeID", icd::RO);
}

/// BR-CL-22: the code, upper-cased, is in `list` (lower case passes; inner spaces do not).
fn exemption_reason(d: &Doc<'_, '_>, hits: &mut Hits, list: &[&str]) {
    for n in d.all("cbc:TaxExemptionReasonCode") {
        let value = n.string_value();
        let upper = normalize_space(&value.to_uppercase());
        let failed = normalize_space(&value).contains(' ') || list.binary_search(&&*upper).is_err();
        hits.check(d, n, failed);
    }
}

pub(super) fn br_cl_22_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    exemption_reason(d, hits, vatex::CEN);
}

pub(super) fn br_cl_22_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    exemption_reason(d, hits, vatex::RO);
}

/// CEN: the `unitCode` of the invoiced, credited and base quantities.
pub(super) fn br_cl_23_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    let quantities = d.all_of(&[
        "cbc:InvoicedQuantity",
        "cbc:BaseQuantity",
        "cbc:CreditedQuantity",
    ]);
    attribute_in(d, hits, quantities.into_iter(), "unitCode", units::units());
}

/// ANAF: every `unitCode` attribute (the list is CEN's).
pub(super) fn br_cl_23_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    every_attribute_in(d, hits, "unitCode", units::units());
}

/// The MIME types of attachments, compared exactly (no whitespace normalization).
pub(super) const MIME_TYPES: &[&str] = &[
    "application/pdf",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "image/jpeg",
    "image/png",
    "text/csv",
];

pub(super) fn br_cl_24(d: &Doc<'_, '_>, hits: &mut Hits) {
    for n in d.all("cbc:EmbeddedDocumentBinaryObject") {
        if let Some(mime) = n.attribute("mimeCode") {
            hits.check(d, n, MIME_TYPES.binary_search(&mime).is_err());
        }
    }
}

pub(super) fn br_cl_25_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    attribute_in(d, hits, named(d, "cbc:EndpointID"), "schemeID", eas::CEN);
}

pub(super) fn br_cl_25_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    attribute_in(d, hits, named(d, "cbc:EndpointID"), "schemeID", eas::RO);
}

pub(super) fn br_cl_26_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids = under(d, "cac:DeliveryLocation", "cbc:ID");
    attribute_in(d, hits, ids, "schemeID", icd::CEN);
}

pub(super) fn br_cl_26_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids = under(d, "cac:DeliveryLocation", "cbc:ID");
    attribute_in(d, hits, ids, "schemeID", icd::RO);
}
