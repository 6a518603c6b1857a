//! Unit tests of the syntax rules: first-matching-rule order, XPath comparisons, and where CEN
//! and ANAF differ.

use pretty_assertions::assert_eq;

use super::{RULES, boolean, datatypes, document, parts};
use crate::finding::RuleSet;

const CEN: RuleSet = RuleSet::En16931Ubl;
const RO: RuleSet = RuleSet::CiusRo;
const NONE: [&str; 0] = [];

/// The locations where rule `id` of `set` fails on the document `xml`.
fn fired(xml: &str, set: RuleSet, id: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    crate::check(doc.root_element(), set)
        .into_iter()
        .filter(|f| f.rule == id)
        .map(|f| f.location)
        .collect()
}

fn document(root: &str, body: &str) -> String {
    format!(
        r#"<{root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:{root}-2"
        xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
        xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">{body}</{root}>"#
    )
}

fn invoice(body: &str) -> String {
    document("Invoice", body)
}

#[test]
fn the_joined_table_holds_every_submodule_rule_in_order() {
    let parts: Vec<&str> = [datatypes::RULES, document::RULES, parts::RULES]
        .iter()
        .flat_map(|t| t.iter().map(|r| r.id))
        .collect();
    let joined: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    assert_eq!(joined, parts);
}

#[test]
fn charge_indicators_cast_like_xs_boolean() {
    assert_eq!(boolean(" true\n"), Some(true));
    assert_eq!(boolean("1"), Some(true));
    assert_eq!(boolean("0"), Some(false));
    assert_eq!(boolean("False"), None);
    assert_eq!(boolean(""), None);
}

#[test]
fn an_allowance_charge_is_handled_by_the_first_matching_rule() {
    let two_reasons = "<cbc:AllowanceChargeReason>a</cbc:AllowanceChargeReason>\
                       <cbc:AllowanceChargeReason>b</cbc:AllowanceChargeReason>";
    let with = |indicators: &str| {
        let xml = invoice(&format!(
            "<cac:AllowanceCharge>{indicators}{two_reasons}</cac:AllowanceCharge>"
        ));
        (
            fired(&xml, CEN, "UBL-SR-30").len(),
            fired(&xml, CEN, "UBL-SR-31").len(),
        )
    };
    let ind = |v: &str| format!("<cbc:ChargeIndicator>{v}</cbc:ChargeIndicator>");
    assert_eq!(with(&ind("false")), (1, 0));
    assert_eq!(with(&ind("true")), (0, 1));
    // Both: the allowance rule comes first and takes the node.
    assert_eq!(with(&(ind("true") + &ind("false"))), (1, 0));
    // Not a boolean: the context is in error, so neither rule applies.
    assert_eq!(with(&ind("yes")), (0, 0));
    assert_eq!(with(""), (0, 0));
}

#[test]
fn a_scheme_identifier_on_a_reference_differs_between_cen_and_anaf() {
    let reference = |inner: &str| {
        invoice(&format!(
            "<cac:AdditionalDocumentReference>{inner}</cac:AdditionalDocumentReference>"
        ))
    };
    // An id with schemeID but no type code: CEN fails; ANAF looks for `@scheme` and passes.
    let scheme_id = reference(r#"<cbc:ID schemeID="ABT">1</cbc:ID>"#);
    let here = ["/ubl:Invoice[1]/cac:AdditionalDocumentReference[1]"];
    assert_eq!(fired(&scheme_id, CEN, "UBL-SR-43"), here);
    assert_eq!(fired(&scheme_id, RO, "UBL-SR-43"), NONE);
    let scheme = reference(r#"<cbc:ID scheme="ABT">1</cbc:ID>"#);
    assert_eq!(fired(&scheme, CEN, "UBL-SR-43"), NONE);
    assert_eq!(fired(&scheme, RO, "UBL-SR-43"), here);
    // Any type code other than 130 fails in both; 50 passes in a credit note only.
    let other = reference("<cbc:ID>1</cbc:ID><cbc:DocumentTypeCode>916</cbc:DocumentTypeCode>");
    assert_eq!(fired(&other, CEN, "UBL-SR-43"), here);
    assert_eq!(fired(&other, RO, "UBL-SR-43"), here);
    let fifty = "<cac:AdditionalDocumentReference><cbc:ID>1</cbc:ID>\
                 <cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>";
    assert_eq!(fired(&invoice(fifty), CEN, "UBL-SR-43").len(), 1);
    assert_eq!(
        fired(&document("CreditNote", fifty), CEN, "UBL-SR-43"),
        NONE
    );
}

#[test]
fn anaf_looks_for_the_tax_representative_one_party_too_deep() {
    let xml = invoice(
        "<cac:TaxRepresentativeParty>\
           <cac:PartyName><cbc:Name>A</cbc:Name></cac:PartyName>\
           <cac:PartyName><cbc:Name>B</cbc:Name></cac:PartyName>\
         </cac:TaxRepresentativeParty>",
    );
    assert_eq!(
        fired(&xml, CEN, "UBL-SR-22"),
        ["/ubl:Invoice[1]/cac:TaxRepresentativeParty[1]"]
    );
    assert_eq!(fired(&xml, RO, "UBL-SR-22"), NONE);
}

#[test]
fn a_payee_must_have_a_name_other_than_the_sellers() {
    let xml = |payee: &str| {
        invoice(&format!(
            "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity>\
               <cbc:RegistrationName>Seller</cbc:RegistrationName>\
             </cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>\
             <cac:PayeeParty>{payee}</cac:PayeeParty>"
        ))
    };
    let name = |n: &str| format!("<cac:PartyName><cbc:Name>{n}</cbc:Name></cac:PartyName>");
    assert_eq!(fired(&xml(&name("Payee")), CEN, "UBL-SR-19"), NONE);
    assert_eq!(fired(&xml(&name("Seller")), CEN, "UBL-SR-19").len(), 1);
    assert_eq!(
        fired(&xml(""), CEN, "UBL-SR-19").len(),
        1,
        "no name: `!=` is false"
    );
    assert_eq!(fired(&xml(""), RO, "UBL-SR-21").len(), 1);
    // Two identifiers, one of them the SEPA creditor reference: only one counts.
    let ids = name("Payee")
        + r#"<cac:PartyIdentification><cbc:ID schemeID="sepa">1</cbc:ID></cac:PartyIdentification>
             <cac:PartyIdentification><cbc:ID>2</cbc:ID></cac:PartyIdentification>"#;
    assert_eq!(fired(&xml(&ids), CEN, "UBL-SR-20"), NONE);
}

#[test]
fn payment_ids_and_means_codes_may_repeat_one_value() {
    let means = |a: &str, b: &str| {
        invoice(&format!(
            "<cac:PaymentMeans><cbc:PaymentMeansCode>{a}</cbc:PaymentMeansCode>\
               <cbc:PaymentID>{a}</cbc:PaymentID></cac:PaymentMeans>\
             <cac:PaymentMeans><cbc:PaymentMeansCode>{b}</cbc:PaymentMeansCode>\
               <cbc:PaymentID>{b}</cbc:PaymentID></cac:PaymentMeans>"
        ))
    };
    for id in ["UBL-SR-44", "UBL-SR-47"] {
        assert_eq!(fired(&means("30", "30"), RO, id), NONE);
        assert_eq!(fired(&means("30", " 30"), RO, id), ["/ubl:Invoice[1]"]);
    }
}

#[test]
fn the_seller_vat_identifier_is_counted_by_an_upper_cased_scheme() {
    let scheme = |id: &str| {
        format!(
            "<cac:PartyTaxScheme><cbc:CompanyID>X</cbc:CompanyID>\
             <cac:TaxScheme>{id}</cac:TaxScheme></cac:PartyTaxScheme>"
        )
    };
    let seller = |schemes: &str| {
        invoice(&format!(
            "<cac:AccountingSupplierParty><cac:Party>{schemes}</cac:Party></cac:AccountingSupplierParty>"
        ))
    };
    let vat = seller(&(scheme("<cbc:ID>VAT</cbc:ID>") + &scheme("<cbc:ID>vat</cbc:ID>")));
    assert_eq!(fired(&vat, CEN, "UBL-SR-12").len(), 1);
    assert_eq!(fired(&vat, CEN, "UBL-SR-13"), NONE);
    // A tax scheme without an id is not VAT.
    let other = seller(&(scheme("<cbc:ID>FC</cbc:ID>") + &scheme("")));
    assert_eq!(fired(&other, CEN, "UBL-SR-12"), NONE);
    assert_eq!(fired(&other, CEN, "UBL-SR-13").len(), 1);
    assert_eq!(fired(&other, CEN, "UBL-SR-53").len(), 1, "CEN only");
    assert_eq!(fired(&other, RO, "UBL-SR-53"), NONE);
}

#[test]
fn amounts_have_two_decimals_except_price_amounts() {
    let xml = invoice(
        "<cac:LegalMonetaryTotal><cbc:PayableAmount>1.005</cbc:PayableAmount></cac:LegalMonetaryTotal>\
         <cac:InvoiceLine><cbc:LineExtensionAmount>1.00</cbc:LineExtensionAmount>\
           <cac:Price><cbc:PriceAmount>1.1234</cbc:PriceAmount><cac:AllowanceCharge>\
             <cbc:Amount>0.125</cbc:Amount><cbc:BaseAmount>1.2345</cbc:BaseAmount>\
           </cac:AllowanceCharge></cac:Price></cac:InvoiceLine>",
    );
    assert_eq!(
        fired(&xml, CEN, "UBL-DT-01"),
        ["/ubl:Invoice[1]/cac:LegalMonetaryTotal[1]/cbc:PayableAmount[1]"]
    );
}

#[test]
fn only_a_payment_means_code_may_carry_a_name() {
    let means = invoice(
        r#"<cac:PaymentMeans><cbc:PaymentMeansCode name="Transfer">30</cbc:PaymentMeansCode></cac:PaymentMeans>"#,
    );
    assert_eq!(fired(&means, CEN, "UBL-DT-18"), NONE);
    let other = invoice(r#"<cbc:Note name="x">n</cbc:Note>"#);
    assert_eq!(fired(&other, RO, "UBL-DT-18"), ["/ubl:Invoice[1]"]);
}

#[test]
fn an_address_with_two_lines_fails_in_cen_only() {
    let xml = invoice(
        "<cac:Delivery><cac:DeliveryLocation><cac:Address>\
           <cac:AddressLine><cbc:Line>a</cbc:Line></cac:AddressLine>\
           <cac:AddressLine><cbc:Line>b</cbc:Line></cac:AddressLine>\
         </cac:Address></cac:DeliveryLocation></cac:Delivery>",
    );
    assert_eq!(
        fired(&xml, CEN, "UBL-SR-51"),
        ["/ubl:Invoice[1]/cac:Delivery[1]/cac:DeliveryLocation[1]/cac:Address[1]"]
    );
    assert_eq!(fired(&xml, RO, "UBL-SR-51"), NONE);
}
