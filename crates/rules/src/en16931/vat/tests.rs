//! The semantics the VAT category rules had to decide: exact `xs:decimal` of a double, rounding,
//! failed casts, context predicates that raise errors, and where CEN and ANAF differ.

use std::cmp::Ordering;

use rust_decimal_macros::dec;

use super::xpath::compare_double;
use crate::RuleSet;

/// An `Invoice` with `body`, namespaces declared.
fn invoice(body: &str) -> String {
    format!(
        r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
            xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
            xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">{body}</Invoice>"#
    )
}

/// The locations where `rule` fires on `xml` in `set`.
fn fired(xml: &str, set: RuleSet, rule: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("test XML");
    crate::check(doc.root_element(), set)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.location)
        .collect()
}

fn cen(xml: &str, rule: &str) -> Vec<String> {
    fired(xml, RuleSet::En16931Ubl, rule)
}

fn category(element: &str, code: &str, percent: Option<&str>, scheme: &str) -> String {
    let percent = percent
        .map(|p| format!("<cbc:Percent>{p}</cbc:Percent>"))
        .unwrap_or_default();
    format!(
        "<cac:{element}><cbc:ID>{code}</cbc:ID>{percent}\
         <cac:TaxScheme><cbc:ID>{scheme}</cbc:ID></cac:TaxScheme></cac:{element}>"
    )
}

fn line(code: &str, percent: &str, amount: &str) -> String {
    format!(
        "<cac:InvoiceLine><cbc:LineExtensionAmount>{amount}</cbc:LineExtensionAmount>\
         <cac:Item>{}</cac:Item></cac:InvoiceLine>",
        category("ClassifiedTaxCategory", code, Some(percent), "VAT")
    )
}

fn subtotal(taxable: &str, tax: &str, code: &str, percent: Option<&str>) -> String {
    format!(
        "<cac:TaxTotal><cac:TaxSubtotal><cbc:TaxableAmount>{taxable}</cbc:TaxableAmount>\
         <cbc:TaxAmount>{tax}</cbc:TaxAmount>{}</cac:TaxSubtotal></cac:TaxTotal>",
        category("TaxCategory", code, percent, "VAT")
    )
}

const BREAKDOWN: &str = "/ubl:Invoice[1]/cac:TaxTotal[1]/cac:TaxSubtotal[1]/cac:TaxCategory[1]";

#[test]
fn xs_decimal_of_a_double_keeps_its_binary_value() {
    // 100.10e0 - 1 is 99.0999999999999943…, below 99.10; 100.7e0 + 1 is 101.7000000000000028….
    assert_eq!(compare_double(100.10 - 1.0, dec!(99.10)), Ordering::Less);
    assert_eq!(compare_double(100.7 + 1.0, dec!(101.70)), Ordering::Greater);
    assert_eq!(compare_double(99.0, dec!(99.000)), Ordering::Equal);
    assert_eq!(compare_double(-0.5, dec!(-0.5)), Ordering::Equal);
    assert_eq!(compare_double(-0.1, dec!(-0.1)), Ordering::Less);
    assert_eq!(compare_double(0.0, dec!(-0.0001)), Ordering::Greater);
    assert_eq!(
        compare_double(1e30, dec!(79228162514264337593543950335)),
        Ordering::Greater
    );
}

#[test]
fn taxable_amount_tolerance_is_strict_on_the_exact_double() {
    // BR-S-08: taxable - 1 < net < taxable + 1, the bounds computed in xs:double.
    let doc = |net: &str| {
        invoice(&(subtotal("100.10", "25.03", "S", Some("25")) + &line("S", "25", net)))
    };
    assert!(cen(&doc("99.10"), "BR-S-08").is_empty(), "99.0999… < 99.10");
    assert_eq!(cen(&doc("99.09"), "BR-S-08"), [BREAKDOWN]);
    assert!(cen(&doc("101.09"), "BR-S-08").is_empty());
}

#[test]
fn a_breakdown_without_rate_has_nothing_to_sum_but_a_bad_rate_fails() {
    let doc = |percent| invoice(&(subtotal("100", "0", "S", percent) + &line("S", "25", "1")));
    assert!(cen(&doc(None), "BR-S-08").is_empty(), "every $rate in ()");
    assert_eq!(
        cen(&doc(Some("25%")), "BR-S-08"),
        [BREAKDOWN],
        "failed cast"
    );
}

#[test]
fn tax_amount_rounds_half_up_to_cents() {
    // 0.10 × 25 % = 0.025, rounded to 0.03: |1.025| - 1 < 0.03 holds only with halves up.
    let doc = |tax| invoice(&subtotal("-0.10", tax, "S", Some("25")));
    assert!(cen(&doc("1.025"), "BR-S-09").is_empty());
    assert_eq!(cen(&doc("1.03"), "BR-S-09"), [BREAKDOWN]);
    assert_eq!(cen(&doc("abc"), "BR-S-09"), [BREAKDOWN], "failed cast");
}

#[test]
fn zero_rates_are_decimals_and_positive_rates_doubles() {
    let on_line = |code, percent| invoice(&line(code, percent, "1"));
    let place = "/ubl:Invoice[1]/cac:InvoiceLine[1]/cac:Item[1]/cac:ClassifiedTaxCategory[1]";
    assert!(cen(&on_line("Z", " 0.00 "), "BR-Z-05").is_empty());
    assert_eq!(
        cen(&on_line("Z", "0e0"), "BR-Z-05"),
        [place],
        "xs:decimal has no exponent"
    );
    assert!(
        cen(&on_line("S", "1e1"), "BR-S-05").is_empty(),
        "xs:double has one"
    );
    assert_eq!(cen(&on_line("S", "ten"), "BR-S-05"), [place]);
    assert_eq!(
        cen(
            &invoice(&category("ClassifiedTaxCategory", "AE", None, "VAT")),
            "BR-AE-05"
        )
        .len(),
        0,
        "no line: no context"
    );
}

#[test]
fn a_charge_indicator_that_is_no_boolean_matches_no_context_but_fails_a_test() {
    let xml = invoice(&format!(
        "<cac:AllowanceCharge><cbc:ChargeIndicator>yes</cbc:ChargeIndicator>{}</cac:AllowanceCharge>",
        category("TaxCategory", "S", Some("0"), "VAT")
    ));
    assert!(
        cen(&xml, "BR-S-06").is_empty(),
        "the rule context does not match"
    );
    assert_eq!(
        cen(&xml, "BR-S-03"),
        ["/ubl:Invoice[1]"],
        "the cast error fails the assertion"
    );
    let valid = xml.replace(">yes<", "> false <");
    assert_eq!(cen(&valid, "BR-S-06").len(), 1);
    assert!(cen(&valid, "BR-Z-06").is_empty());
}

#[test]
fn standard_rated_lines_need_a_seller_id_whatever_their_scheme() {
    // BR-S-02's guard counts `S` of any tax scheme, its trigger only VAT ones.
    let gst = invoice(&category("ClassifiedTaxCategory", "S", Some("5"), "GST"));
    assert_eq!(cen(&gst, "BR-S-02"), ["/ubl:Invoice[1]"]);
    let seller = "<cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme>\
                  <cbc:CompanyID>RO1</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme>\
                  </cac:PartyTaxScheme></cac:Party></cac:AccountingSupplierParty>";
    let vat =
        invoice(&(seller.to_owned() + &category("ClassifiedTaxCategory", "S", Some("5"), "vat")));
    assert!(
        cen(&vat, "BR-S-02").is_empty(),
        "`vat` upper-cased; BT-32 suffices"
    );
    // BR-E-01 counts VAT categories only.
    let exempt = invoice(&category("ClassifiedTaxCategory", "E", Some("0"), "GST"));
    assert!(cen(&exempt, "BR-E-01").is_empty());
    assert_eq!(
        cen(&exempt.replace("GST", "VAT"), "BR-E-01"),
        ["/ubl:Invoice[1]"]
    );
}

#[test]
fn a_standard_breakdown_needs_a_standard_use() {
    assert_eq!(
        cen(&invoice(&subtotal("1", "0.25", "S", Some("25"))), "BR-S-01"),
        ["/ubl:Invoice[1]"]
    );
    let both = subtotal("1", "0.25", "S", Some("25")) + &line(" S ", "25", "1");
    assert!(cen(&invoice(&both), "BR-S-01").is_empty());
}

#[test]
fn a_string_length_over_several_nodes_fails() {
    let delivery =
        "<cac:Delivery><cbc:ActualDeliveryDate>2024-01-01</cbc:ActualDeliveryDate></cac:Delivery>";
    let one = invoice(&(subtotal("0", "0", "K", Some("0")) + delivery));
    assert!(cen(&one, "BR-IC-11").is_empty());
    let two = invoice(&(subtotal("0", "0", "K", Some("0")) + delivery + delivery));
    assert_eq!(cen(&two, "BR-IC-11"), ["/ubl:Invoice[1]"]);
}

#[test]
fn cen_and_anaf_name_and_scope_some_rules_differently() {
    // IGIC is BR-AF-* for CEN, BR-IG-* for ANAF.
    let igic = invoice(&line("L", "7", "100"));
    assert_eq!(cen(&igic, "BR-AF-01"), ["/ubl:Invoice[1]"]);
    assert!(cen(&igic, "BR-IG-01").is_empty());
    assert_eq!(
        fired(&igic, RuleSet::CiusRo, "BR-IG-01"),
        ["/ubl:Invoice[1]"]
    );
    assert!(fired(&igic, RuleSet::CiusRo, "BR-AF-01").is_empty());
    // BR-B-02: CEN looks at the breakdown, document allowances and lines; ANAF at every tax
    // category, so also at an allowance on a line.
    let split = invoice(&format!(
        "<cac:InvoiceLine><cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>{}\
         </cac:AllowanceCharge><cac:Item>{}</cac:Item></cac:InvoiceLine>",
        category("TaxCategory", "S", Some("22"), "VAT"),
        category("ClassifiedTaxCategory", "B", Some("22"), "VAT"),
    ));
    assert!(cen(&split, "BR-B-02").is_empty());
    assert_eq!(
        fired(&split, RuleSet::CiusRo, "BR-B-02"),
        ["/ubl:Invoice[1]"]
    );
}

#[test]
fn not_subject_to_vat_stands_alone() {
    let xml = invoice(&(subtotal("1", "0", "O", None) + &line("O", "0", "1")));
    assert!(cen(&xml, "BR-O-11").is_empty());
    assert!(cen(&xml, "BR-O-12").is_empty());
    let place = "/ubl:Invoice[1]/cac:InvoiceLine[1]/cac:Item[1]/cac:ClassifiedTaxCategory[1]";
    assert_eq!(cen(&xml, "BR-O-05"), [place], "no rate allowed");
    let mixed = invoice(&(subtotal("1", "0", "O", None) + &line("S", "20", "1")));
    assert_eq!(cen(&mixed, "BR-O-12"), ["/ubl:Invoice[1]"]);
}

#[test]
fn a_negative_zero_is_zero() {
    let xml = invoice(&subtotal("0", "-0.00", "Z", Some("-0")));
    assert!(cen(&xml, "BR-Z-09").is_empty());
    assert!(cen(&invoice(&line("Z", "-0.0", "1")), "BR-Z-05").is_empty());
}
