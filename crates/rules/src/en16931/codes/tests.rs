//! Unit tests of the code-list rules: the tables, the artefacts' list test, and where CEN and
//! ANAF differ.

use pretty_assertions::assert_eq;

use super::checks::{MIME_TYPES, listed};
use super::{charges, countries, currencies, eas, icd, references, units, untdid, vatex};
use crate::finding::RuleSet;

/// The locations where rule `id` of `set` fails on the document `xml`.
fn fired(xml: &str, set: RuleSet, id: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    crate::check(doc.root_element(), set)
        .into_iter()
        .filter(|f| f.rule == id)
        .map(|f| f.location)
        .collect()
}

fn invoice(body: &str) -> String {
    format!(
        r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
        xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
        xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">{body}</Invoice>"#
    )
}

const CEN: RuleSet = RuleSet::En16931Ubl;
const RO: RuleSet = RuleSet::CiusRo;

#[test]
fn every_table_is_sorted_without_duplicates() {
    let tables: &[(&str, &[&str])] = &[
        ("charges::CEN", charges::CEN),
        ("charges::RO", charges::RO),
        ("countries::COUNTRIES", countries::COUNTRIES),
        ("currencies::CEN", currencies::CEN),
        ("currencies::RO", currencies::RO),
        ("eas::CEN", eas::CEN),
        ("eas::RO", eas::RO),
        ("icd::CEN", icd::CEN),
        ("icd::RO", icd::RO),
        ("references::CEN", references::CEN),
        ("references::RO", references::RO),
        ("units::units()", units::units()),
        ("untdid::INVOICE_TYPES_CEN", untdid::INVOICE_TYPES_CEN),
        ("untdid::INVOICE_TYPES_RO", untdid::INVOICE_TYPES_RO),
        (
            "untdid::CREDIT_NOTE_TYPES_CEN",
            untdid::CREDIT_NOTE_TYPES_CEN,
        ),
        ("untdid::CREDIT_NOTE_TYPES_RO", untdid::CREDIT_NOTE_TYPES_RO),
        ("untdid::DATE_CODES", untdid::DATE_CODES),
        ("untdid::NOTE_SUBJECTS", untdid::NOTE_SUBJECTS),
        ("untdid::PAYMENT_MEANS_CEN", untdid::PAYMENT_MEANS_CEN),
        ("untdid::PAYMENT_MEANS_RO", untdid::PAYMENT_MEANS_RO),
        ("untdid::ALLOWANCE_REASONS", untdid::ALLOWANCE_REASONS),
        ("untdid::TAX_CATEGORIES", untdid::TAX_CATEGORIES),
        ("untdid::CLASSIFICATIONS_CEN", untdid::CLASSIFICATIONS_CEN),
        ("untdid::CLASSIFICATIONS_RO", untdid::CLASSIFICATIONS_RO),
        ("vatex::CEN", vatex::CEN),
        ("vatex::RO", vatex::RO),
        ("MIME_TYPES", MIME_TYPES),
    ];
    for (name, table) in tables {
        assert!(!table.is_empty(), "{name} is empty");
        for pair in table.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        assert!(
            table.iter().all(|c| !c.is_empty() && !c.contains(' ')),
            "{name} has an empty code or a code with a space"
        );
    }
}

#[test]
fn a_code_is_a_whole_entry_after_whitespace_normalization() {
    assert!(listed(currencies::CEN, "EUR"));
    assert!(listed(currencies::CEN, " \n EUR\t"));
    assert!(!listed(currencies::CEN, "E UR"));
    assert!(!listed(currencies::CEN, "EU"));
    assert!(!listed(currencies::CEN, "eur"));
    assert!(!listed(currencies::CEN, ""));
    assert!(!listed(currencies::CEN, "   "));
}

#[test]
fn each_artefact_checks_its_own_currencies() {
    let hrk = invoice("<cbc:DocumentCurrencyCode>HRK</cbc:DocumentCurrencyCode>");
    assert_eq!(fired(&hrk, RO, "BR-CL-04"), Vec::<String>::new());
    assert_eq!(
        fired(&hrk, CEN, "BR-CL-04"),
        ["/ubl:Invoice[1]/cbc:DocumentCurrencyCode[1]"]
    );
    let ves = invoice("<cbc:DocumentCurrencyCode>VES</cbc:DocumentCurrencyCode>");
    assert_eq!(fired(&ves, CEN, "BR-CL-04"), Vec::<String>::new());
    assert_eq!(fired(&ves, RO, "BR-CL-04").len(), 1);
}

#[test]
fn cen_checks_the_currency_of_known_amounts_and_anaf_every_currency_attribute() {
    let xml = invoice(
        r#"<cac:LegalMonetaryTotal>
             <cbc:PayableAmount>1.00</cbc:PayableAmount>
             <cbc:PaidAmount currencyID="XXX1">1.00</cbc:PaidAmount>
           </cac:LegalMonetaryTotal>"#,
    );
    // CEN: an amount without the attribute fails at the element; PaidAmount is not checked.
    assert_eq!(
        fired(&xml, CEN, "BR-CL-03"),
        ["/ubl:Invoice[1]/cac:LegalMonetaryTotal[1]/cbc:PayableAmount[1]"]
    );
    // ANAF: every currencyID attribute, reported at the attribute; no attribute, no finding.
    assert_eq!(
        fired(&xml, RO, "BR-CL-03"),
        ["/ubl:Invoice[1]/cac:LegalMonetaryTotal[1]/cbc:PaidAmount[1]/@currencyID"]
    );
}

#[test]
fn cen_checks_the_unit_of_three_quantities_and_anaf_every_unit_attribute() {
    let xml = invoice(
        r#"<cac:InvoiceLine><cbc:InvoicedQuantity unitCode="XX9">1</cbc:InvoicedQuantity>
             <cac:Item><cac:Dimension><cbc:Measure unitCode="XX9">2</cbc:Measure></cac:Dimension></cac:Item>
           </cac:InvoiceLine>"#,
    );
    assert_eq!(
        fired(&xml, CEN, "BR-CL-23"),
        ["/ubl:Invoice[1]/cac:InvoiceLine[1]/cbc:InvoicedQuantity[1]"]
    );
    assert_eq!(
        fired(&xml, RO, "BR-CL-23"),
        [
            "/ubl:Invoice[1]/cac:InvoiceLine[1]/cbc:InvoicedQuantity[1]/@unitCode",
            "/ubl:Invoice[1]/cac:InvoiceLine[1]/cac:Item[1]/cac:Dimension[1]/cbc:Measure[1]/@unitCode",
        ]
    );
}

#[test]
fn an_allowance_charge_with_both_indicators_is_an_allowance_only() {
    // The allowance rule comes first in the pattern: it takes the node, the charge rule never
    // sees it, so `ZZZ` (a charge code, not an allowance code) fails BR-CL-19 only.
    let xml = invoice(
        r"<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>
             <cbc:ChargeIndicator> false </cbc:ChargeIndicator>
             <cbc:AllowanceChargeReasonCode>ZZZ</cbc:AllowanceChargeReasonCode></cac:AllowanceCharge>",
    );
    assert_eq!(fired(&xml, CEN, "BR-CL-19").len(), 1);
    assert_eq!(fired(&xml, CEN, "BR-CL-20"), Vec::<String>::new());
    let charge = invoice(
        r"<cac:AllowanceCharge><cbc:ChargeIndicator>1</cbc:ChargeIndicator>
             <cbc:AllowanceChargeReasonCode>PRV</cbc:AllowanceChargeReasonCode></cac:AllowanceCharge>",
    );
    assert_eq!(fired(&charge, CEN, "BR-CL-20"), Vec::<String>::new());
    assert_eq!(
        fired(&charge, RO, "BR-CL-20").len(),
        1,
        "PRV is not in ANAF's list"
    );
}

#[test]
fn exemption_codes_are_upper_cased_before_the_lookup() {
    let lower = invoice("<cbc:TaxExemptionReasonCode> vatex-eu-ae </cbc:TaxExemptionReasonCode>");
    assert_eq!(fired(&lower, CEN, "BR-CL-22"), Vec::<String>::new());
    let french = invoice("<cbc:TaxExemptionReasonCode>VATEX-FR-AE</cbc:TaxExemptionReasonCode>");
    assert_eq!(fired(&french, CEN, "BR-CL-22"), Vec::<String>::new());
    assert_eq!(fired(&french, RO, "BR-CL-22").len(), 1);
}

#[test]
fn a_note_subject_is_checked_as_a_substring_of_the_written_out_list() {
    let note = |text: &str| {
        let xml = invoice(&format!("<cbc:Note>{text}</cbc:Note>"));
        fired(&xml, CEN, "BR-CL-08").len()
    };
    assert_eq!(note("#AAI#General information"), 0);
    assert_eq!(note("#XYZ#Unknown subject"), 1);
    assert_eq!(note("No subject"), 0);
    assert_eq!(note("#XY#two characters are not checked"), 0);
    assert_eq!(note("#XYZW#nor four"), 0);
    assert_eq!(note("#XYZ no closing hash"), 0);
    // ` AAA AAB …`: "AB " and " AA" are substrings of the written-out list.
    assert_eq!(note("#AB #"), 0);
    assert_eq!(note("# AA#"), 0);
    assert_eq!(note("#A Z#"), 1);
}

#[test]
fn sepa_is_a_party_scheme_only_for_the_seller_and_the_payee() {
    let party = |role: &str| {
        invoice(&format!(
            r#"<cac:{role}><cac:Party><cac:PartyIdentification>
                 <cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID>
               </cac:PartyIdentification></cac:Party></cac:{role}>"#
        ))
    };
    let seller = party("AccountingSupplierParty");
    assert_eq!(fired(&seller, CEN, "BR-CL-10"), Vec::<String>::new());
    let buyer = party("AccountingCustomerParty");
    assert_eq!(fired(&buyer, CEN, "BR-CL-10").len(), 1);
}

#[test]
fn anaf_has_an_older_icd_and_eas_list() {
    let xml = invoice(
        r#"<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="9955">x</cbc:EndpointID>
             <cac:PartyLegalEntity><cbc:CompanyID schemeID="0230">1</cbc:CompanyID></cac:PartyLegalEntity>
           </cac:Party></cac:AccountingSupplierParty>"#,
    );
    assert_eq!(fired(&xml, CEN, "BR-CL-25").len(), 1);
    assert_eq!(fired(&xml, RO, "BR-CL-25"), Vec::<String>::new());
    assert_eq!(fired(&xml, CEN, "BR-CL-11"), Vec::<String>::new());
    assert_eq!(fired(&xml, RO, "BR-CL-11").len(), 1);
}
