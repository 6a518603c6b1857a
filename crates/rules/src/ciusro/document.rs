//! The document-level CIUS-RO rules: the specification identifier, invoice number, type
//! codes, currencies, tax point date code, the seller's and buyer's identifiers, and how many
//! notes, supporting documents and preceding invoices a document may have.

use roxmltree::Node;
use ubl::xml::UblNode;

use crate::doc::{Doc, exists, path_all};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

use super::{filled, normalized};

/// The specification identifier (BT-24) of CIUS-RO 1.0.1, which RO16931 1.0.9 requires.
const CIUS_RO_ID: &str = "urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1";

/// VAT categories for which BR-RO-065 and BR-RO-120 want the parties' identifiers.
const VAT_CATEGORIES: [&str; 8] = ["S", "Z", "E", "AE", "K", "G", "L", "M"];

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-RO-001",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-24"],
        en: "The specification identifier (BT-24) must syntactically correspond to the value \
             specified in the Technical and Usage Specifications of the basic elements of the \
             electronic invoice - RO_CIUS - and the specific operational rules applicable at \
             national level (urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:\
             1.0.1).",
        ro: "Identificatorul specificației (BT-24) trebuie să fie exact \
             urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1, valoarea \
             din Specificațiile tehnice și de utilizare RO_CIUS.",
        check: br_ro_001,
    },
    Rule {
        id: "BR-RO-010",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-1"],
        en: "Invoice number (BT-1) must include at least one numeric character (0-9).",
        ro: "Numărul facturii (BT-1) trebuie să conțină cel puțin o cifră (0–9).",
        check: br_ro_010,
    },
    Rule {
        id: "BR-RO-020_1",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-3"],
        en: "The invoice type code (BT-3) must be one of the following codes in the UNTDID 1001 \
             code list: 380 (Invoice), 389 (Self-invoice), 384 (Corrected invoice), 381 (Credit \
             note), 751 (Invoice - information for accounting purposes).",
        ro: "Codul tipului facturii (BT-3) trebuie să fie unul dintre următoarele coduri din lista \
             UNTDID 1001: 380 (Factură), 389 (Autofactură), 384 (Factură corectată), 381 (Notă de \
             creditare), 751 (Factură — informații în scopuri contabile). O notă de creditare \
             (381) se trimite ca CreditNote.",
        check: br_ro_020_1,
    },
    Rule {
        id: "BR-RO-020_2",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-3"],
        en: "The invoice type code (BT-3) must be one of the following codes in the UNTDID 1001 \
             code list: 380 (Invoice), 389 (Self-invoice), 384 (Corrected invoice), 381 (Credit \
             note), 751 (Invoice - information for accounting purposes).",
        ro: "Codul tipului facturii (BT-3) trebuie să fie unul dintre următoarele coduri din lista \
             UNTDID 1001: 380 (Factură), 389 (Autofactură), 384 (Factură corectată), 381 (Notă de \
             creditare), 751 (Factură — informații în scopuri contabile). Într-o notă de creditare \
             (CreditNote) codul este 381.",
        check: br_ro_020_2,
    },
    Rule {
        id: "BR-RO-030",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-5", "BT-6"],
        en: "If the Invoice currency code (BT-5) is other than RON, then the VAT accounting \
             currency code (BT-6) must be RON.",
        ro: "Dacă Codul monedei facturii (BT-5) este altul decât RON, atunci Codul monedei de \
             contabilizare a TVA (BT-6) trebuie să fie RON.",
        check: br_ro_030,
    },
    Rule {
        id: "BR-RO-040",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-8"],
        en: "Value added tax point date code (BT-8) MUST be coded using a restriction of UNTDID \
             2005 (only 3, 35 and 432).",
        ro: "Codul datei de exigibilitate a taxei pe valoarea adăugată (BT-8) trebuie să fie unul \
             dintre următoarele coduri din lista UNTDID 2005: 3 (Data emiterii facturii), 35 \
             (Data reală a livrării), 432 (Suma plătită în acea zi).",
        check: br_ro_040,
    },
    Rule {
        id: "BR-RO-065",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-31", "BT-32", "BT-63"],
        en: "The Seller tax registration identifier (BT-32) and/or the Seller VAT identifier \
             (BT-31) and/or the Seller tax representative VAT identifier (BT-63) shall be \
             present.",
        ro: "Identificatorul de înregistrare fiscală a Vânzătorului (BT-32) și/sau \
             Identificatorul de TVA al Vânzătorului (BT-31) și/sau Identificatorul de TVA al \
             reprezentantului fiscal al Vânzătorului (BT-63) trebuie să fie înscris.",
        check: br_ro_065,
    },
    Rule {
        id: "BR-RO-120",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-47", "BT-48"],
        en: "The Buyer legal registration identifier (BT-47) and/or the Buyer VAT identifier \
             (BT-48) shall be present.",
        ro: "Identificatorul de înregistrare legală a Cumpărătorului (BT-47) și/sau \
             Identificatorul de TVA al Cumpărătorului (BT-48) trebuie să fie înscris.",
        check: br_ro_120,
    },
    Rule {
        id: "BR-RO-A020",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-1"],
        en: "The allowed maximum number of occurrences of Invoice note (BG-1) is 20.",
        ro: "O factură trebuie să conțină maximum 20 de apariții ale grupului Comentariu în \
             factură (BG-1).",
        check: br_ro_a020,
    },
    Rule {
        id: "BR-RO-A051",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-24"],
        en: "The allowed maximum number of occurrences of Additional supporting documents (BG-24) \
             is 50.",
        ro: "O factură trebuie să conțină maximum 50 de apariții ale grupului Documente \
             justificative suplimentare (BG-24).",
        check: counts_itself,
    },
    Rule {
        id: "BR-RO-A052",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-32"],
        en: "The allowed maximum number of occurrences of Item attributes (BG-32) is 50.",
        ro: "O factură trebuie să conțină maximum 50 de apariții ale grupului Atributele \
             articolului (BG-32).",
        check: counts_itself,
    },
    Rule {
        id: "BR-RO-A500",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-3"],
        en: "The allowed maximum number of occurrences of Preceding invoice reference (BG-3) is \
             500.",
        ro: "O factură trebuie să conțină maximum 500 de apariții ale grupului Referință la o \
             factură anterioară (BG-3).",
        check: br_ro_a500,
    },
];

/// Any `cbc:CustomizationID` of the document element equal to [`CIUS_RO_ID`], exactly.
fn br_ro_001(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ok = d
        .root
        .children_named("cbc:CustomizationID")
        .any(|c| c.string_value() == CIUS_RO_ID);
    hits.check(d, d.root, !ok);
}

fn br_ro_010(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ok = normalized(d.root, "cbc:ID").is_some_and(|id| id.bytes().any(|b| b.is_ascii_digit()));
    hits.check(d, d.root, !ok);
}

/// Fails on every element `name` (anywhere) whose normalized value is not one of `codes`.
fn codes_in(d: &Doc<'_, '_>, hits: &mut Hits, name: &str, codes: &[&str]) {
    for node in d.all(name) {
        let value = crate::doc::normalize_space(&node.string_value());
        hits.check(d, node, !codes.contains(&value.as_str()));
    }
}

/// Invoices: 380, 384, 389 or 751; ANAF's message also names 381, which its test refuses.
fn br_ro_020_1(d: &Doc<'_, '_>, hits: &mut Hits) {
    codes_in(
        d,
        hits,
        "cbc:InvoiceTypeCode",
        &["380", "384", "389", "751"],
    );
}

fn br_ro_020_2(d: &Doc<'_, '_>, hits: &mut Hits) {
    codes_in(d, hits, "cbc:CreditNoteTypeCode", &["381"]);
}

/// ANAF's four alternatives come down to: BT-5 or BT-6 is `RON`.
fn br_ro_030(d: &Doc<'_, '_>, hits: &mut Hits) {
    let tax = normalized(d.root, "cbc:TaxCurrencyCode");
    let document = normalized(d.root, "cbc:DocumentCurrencyCode");
    let ok = match (tax, document) {
        (Some(tax), Some(document)) => tax == "RON" || document == "RON",
        _ => false,
    };
    hits.check(d, d.root, !ok);
}

/// Context `cac:InvoicePeriod/cbc:DescriptionCode`, at document or line level.
fn br_ro_040(d: &Doc<'_, '_>, hits: &mut Hits) {
    for node in d.all("cbc:DescriptionCode") {
        if node.parent().is_some_and(|p| p.is("cac:InvoicePeriod")) {
            let value = crate::doc::normalize_space(&node.string_value());
            hits.check(d, node, !["3", "35", "432"].contains(&value.as_str()));
        }
    }
}

/// Whether the document uses one of [`VAT_CATEGORIES`], the way ANAF's test looks: on a
/// document-level allowance whose `cbc:ChargeIndicator` is the text `false` and whose category
/// is followed by a `VAT` tax scheme, on a document-level charge whose indicator is `true`, or
/// on an item of an invoice line (not a credit note line). Values compare exactly.
fn has_vat_category(root: Node<'_, '_>) -> bool {
    let listed = |n: &Node<'_, '_>| VAT_CATEGORIES.contains(&n.string_value().as_str());
    let indicator = |charge: Node<'_, '_>, text: &str| {
        charge
            .children_named("cbc:ChargeIndicator")
            .any(|i| i.string_value() == text)
    };
    let charges = root.children_named("cac:AllowanceCharge").any(|charge| {
        let (allowance, is_charge) = (indicator(charge, "false"), indicator(charge, "true"));
        charge.children_named("cac:TaxCategory").any(|category| {
            category.children_named("cbc:ID").filter(listed).any(|id| {
                is_charge
                    || allowance
                        && id.next_siblings().any(|s| {
                            s.is("cac:TaxScheme")
                                && s.children_named("cbc:ID")
                                    .any(|v| v.string_value() == "VAT")
                        })
            })
        })
    });
    charges
        || path_all(
            root,
            "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:ID",
        )
        .iter()
        .any(listed)
}

fn br_ro_065(d: &Doc<'_, '_>, hits: &mut Hits) {
    let identified = exists(
        d.root,
        "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:CompanyID",
    ) || filled(
        d.root,
        "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID",
    );
    hits.check(d, d.root, has_vat_category(d.root) && !identified);
}

fn br_ro_120(d: &Doc<'_, '_>, hits: &mut Hits) {
    let identified = exists(
        d.root,
        "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID",
    ) || filled(
        d.root,
        "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID",
    );
    hits.check(d, d.root, has_vat_category(d.root) && !identified);
}

fn br_ro_a020(d: &Doc<'_, '_>, hits: &mut Hits) {
    let notes = d.root.children_named("cbc:Note").count();
    hits.check(d, d.root, notes > 20);
}

/// BR-RO-A051 and A052 count their own context node (`count(.) <= 50`), which is always one:
/// as ANAF wrote them, they never fail.
fn counts_itself(_: &Doc<'_, '_>, _: &mut Hits) {}

/// Per `cac:BillingReference`, anywhere.
fn br_ro_a500(d: &Doc<'_, '_>, hits: &mut Hits) {
    for reference in d.all("cac:BillingReference") {
        let count = reference
            .children_named("cac:InvoiceDocumentReference")
            .count();
        hits.check(d, reference, count > 500);
    }
}
