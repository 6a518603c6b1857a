//! The schema check on small documents: each test breaks one thing in a valid invoice.

use pretty_assertions::assert_eq;
use ubl::xml::{self, Limits};

use crate::{RuleSet, Severity};

const INVOICE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2 UBL-Invoice-2.1.xsd">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ID>F-1</cbc:ID>
  <cbc:IssueDate>2024-02-29</cbc:IssueDate>
  <cbc:IssueTime>10:30:00</cbc:IssueTime>
  <cbc:Note languageID="ro">nota</cbc:Note>
  <cbc:DocumentCurrencyCode>RON</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty>
    <cac:Party><cac:PartyName><cbc:Name>Furnizor</cbc:Name></cac:PartyName></cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party><cac:PartyName><cbc:Name>Client</cbc:Name></cac:PartyName></cac:Party>
  </cac:AccountingCustomerParty>
  <cac:AllowanceCharge>
    <cbc:ChargeIndicator>true</cbc:ChargeIndicator>
    <cbc:Amount currencyID="RON">1.00</cbc:Amount>
  </cac:AllowanceCharge>
  <cac:LegalMonetaryTotal>
    <cbc:PayableAmount currencyID="RON"> 12.50 </cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">2</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="RON">10</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Articol</cbc:Name></cac:Item>
  </cac:InvoiceLine>
  <cac:InvoiceLine>
    <cbc:ID>2</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="RON">2.50</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Altul</cbc:Name></cac:Item>
  </cac:InvoiceLine>
</Invoice>"#;

/// The (location, English message) of every schema finding.
fn findings(text: &str) -> Vec<(String, String)> {
    let limits = Limits {
        max_depth: 100_000,
        ..Limits::default()
    };
    let doc = xml::parse(text, &limits).unwrap();
    crate::check(doc.root_element(), RuleSet::XsdUbl)
        .into_iter()
        .inspect(|f| {
            assert_eq!((f.rule, f.severity), ("XSD", Severity::Fatal));
            assert!(!f.message.ro.is_empty());
        })
        .map(|f| (f.location, f.message.en.into_owned()))
        .collect()
}

/// The invoice with `from` replaced by `to` (which must occur).
fn with(from: &str, to: &str) -> String {
    assert!(INVOICE.contains(from), "{from}");
    INVOICE.replacen(from, to, 1)
}

fn one(location: &str, message: &str) -> Vec<(String, String)> {
    vec![(location.to_owned(), message.to_owned())]
}

#[test]
fn a_valid_invoice_and_credit_note_pass() {
    assert_eq!(findings(INVOICE), vec![]);
    let credit_note = INVOICE
        .replace("xsd:Invoice-2", "xsd:CreditNote-2")
        .replace("Invoice>", "CreditNote>")
        .replace("<Invoice ", "<CreditNote ")
        .replace("InvoicedQuantity", "CreditedQuantity")
        .replace("InvoiceLine", "CreditNoteLine");
    assert_eq!(findings(&credit_note), vec![]);
}

#[test]
fn order() {
    let text = with(
        "<cbc:ID>2</cbc:ID>\n    <cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>",
        "<cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity><cbc:ID>2</cbc:ID>",
    );
    assert_eq!(
        findings(&text),
        one(
            "/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]",
            "cac:InvoiceLine[2]: cbc:ID must come before cbc:InvoicedQuantity"
        )
    );
    let text = with(
        "<cbc:DocumentCurrencyCode>",
        "<cac:AccountingSupplierParty/><cbc:DocumentCurrencyCode>",
    );
    assert_eq!(
        findings(&text),
        one(
            "/ubl:Invoice[1]/cbc:DocumentCurrencyCode[1]",
            "ubl:Invoice[1]: cbc:DocumentCurrencyCode must come before cac:AccountingSupplierParty"
        )
    );
}

#[test]
fn cardinality() {
    let twice = with(
        "<cbc:ID>F-1</cbc:ID>",
        "<cbc:ID>F-1</cbc:ID><cbc:ID>F-2</cbc:ID>",
    );
    assert_eq!(
        findings(&twice),
        one(
            "/ubl:Invoice[1]/cbc:ID[2]",
            "ubl:Invoice[1]: cbc:ID may appear only once"
        )
    );
    let no_date = with("<cbc:IssueDate>2024-02-29</cbc:IssueDate>", "");
    assert_eq!(
        findings(&no_date),
        one(
            "/ubl:Invoice[1]/cbc:IssueTime[1]",
            "ubl:Invoice[1]: cbc:IssueDate is required before cbc:IssueTime"
        )
    );
    let no_item = with("<cac:Item><cbc:Name>Altul</cbc:Name></cac:Item>", "");
    assert_eq!(
        findings(&no_item),
        one(
            "/ubl:Invoice[1]/cac:InvoiceLine[2]",
            "cac:InvoiceLine[2]: cac:Item is required"
        )
    );
    // Unbounded elements repeat freely.
    let notes = with(
        "<cbc:Note languageID=\"ro\">nota</cbc:Note>",
        "<cbc:Note/><cbc:Note/><cbc:Note/>",
    );
    assert_eq!(findings(&notes), vec![]);
}

#[test]
fn dates_and_times() {
    let bad = with("2024-02-29", "2024-13-01");
    assert_eq!(
        findings(&bad),
        one(
            "/ubl:Invoice[1]/cbc:IssueDate[1]",
            "cbc:IssueDate '2024-13-01' is not a date (YYYY-MM-DD)"
        )
    );
    for bad in ["2023-02-29", "29.02.2024", "2024-02-29T10:00:00", ""] {
        assert_eq!(findings(&with("2024-02-29", bad)).len(), 1, "{bad:?}");
    }
    // Whitespace is collapsed; a comment does not split the value.
    assert_eq!(
        findings(&with("2024-02-29", "\n  2024-02-<!-- x -->29Z  ")),
        vec![]
    );
    assert_eq!(
        findings(&with("10:30:00", "10:30")),
        one(
            "/ubl:Invoice[1]/cbc:IssueTime[1]",
            "cbc:IssueTime '10:30' is not a time (hh:mm:ss)"
        )
    );
}

#[test]
fn decimals_and_booleans() {
    assert_eq!(
        findings(&with(" 12.50 ", "12,50")),
        one(
            "/ubl:Invoice[1]/cac:LegalMonetaryTotal[1]/cbc:PayableAmount[1]",
            "cbc:PayableAmount '12,50' is not a decimal number"
        )
    );
    for bad in ["1e3", "", "12.50 RON", "- 1"] {
        assert_eq!(findings(&with(" 12.50 ", bad)).len(), 1, "{bad:?}");
    }
    for good in ["-0.5", "+3", ".5", "7.", "\t100\n"] {
        assert_eq!(findings(&with(" 12.50 ", good)), vec![], "{good:?}");
    }
    assert_eq!(
        findings(&with(">true<", ">yes<")),
        one(
            "/ubl:Invoice[1]/cac:AllowanceCharge[1]/cbc:ChargeIndicator[1]",
            "cbc:ChargeIndicator 'yes' is not a boolean (true, false, 1 or 0)"
        )
    );
    for good in ["false", "1", "0", " true "] {
        assert_eq!(
            findings(&with(">true<", &format!(">{good}<"))),
            vec![],
            "{good:?}"
        );
    }
    assert_eq!(findings(&with(">true<", ">True<")).len(), 1);
}

#[test]
fn unknown_elements() {
    assert_eq!(
        findings(&with(
            "<cbc:ID>F-1</cbc:ID>",
            "<cbc:ID>F-1</cbc:ID><cbc:Foo>x</cbc:Foo>"
        )),
        one(
            "/ubl:Invoice[1]/cbc:Foo[1]",
            "ubl:Invoice[1]: cbc:Foo is not an element of UBL 2.1"
        )
    );
    assert_eq!(
        findings(&with(
            "<cbc:Name>Client</cbc:Name>",
            "<cbc:Name>Client</cbc:Name><cbc:Note>x</cbc:Note>"
        )),
        one(
            "/ubl:Invoice[1]/cac:AccountingCustomerParty[1]/cac:Party[1]/cac:PartyName[1]/cbc:Note[1]",
            "cac:PartyName[1]: cbc:Note is not allowed here"
        )
    );
    let foreign = with(
        "<cbc:ID>F-1</cbc:ID>",
        "<cbc:ID>F-1</cbc:ID><x:ID xmlns:x=\"urn:x\">1</x:ID>",
    );
    assert_eq!(
        findings(&foreign),
        one(
            "/ubl:Invoice[1]/Q{urn:x}ID[1]",
            "ubl:Invoice[1]: {urn:x}ID is not an element of UBL 2.1"
        )
    );
    // A child element where a value belongs, and text where elements belong.
    assert_eq!(
        findings(&with(
            "<cbc:Name>Client</cbc:Name>",
            "<cbc:Name><cbc:ID>1</cbc:ID></cbc:Name>"
        ))
        .len(),
        1
    );
    assert_eq!(
        findings(&with("<cac:Item>", "<cac:Item>text")),
        one(
            "/ubl:Invoice[1]/cac:InvoiceLine[1]/cac:Item[1]",
            "cac:Item[1]: text is not allowed here, only child elements"
        )
    );
}

#[test]
fn attributes() {
    assert_eq!(
        findings(&with(" currencyID=\"RON\"> 12.50", "> 12.50")),
        one(
            "/ubl:Invoice[1]/cac:LegalMonetaryTotal[1]/cbc:PayableAmount[1]",
            "cbc:PayableAmount: the attribute currencyID is required"
        )
    );
    // unitCode is optional on quantities (udt:QuantityType).
    assert_eq!(findings(&with(" unitCode=\"C62\">2", ">2")), vec![]);
    assert_eq!(
        findings(&with(
            "<cbc:IssueDate>",
            "<cbc:IssueDate format=\"YYYY-MM-DD\">"
        )),
        one(
            "/ubl:Invoice[1]/cbc:IssueDate[1]/@format",
            "cbc:IssueDate: the attribute format is not allowed"
        )
    );
    assert_eq!(
        findings(&with("languageID=\"ro\"", "languageID=\"ro_RO\"")),
        one(
            "/ubl:Invoice[1]/cbc:Note[1]/@languageID",
            "cbc:Note/@languageID 'ro_RO' is not a language code (en, ro-RO)"
        )
    );
    assert_eq!(
        findings(&with("<cac:Item>", "<cac:Item xml:lang=\"ro\">")).len(),
        1
    );
}

#[test]
fn xsi_attributes() {
    assert_eq!(
        findings(&with("<cbc:ID>", "<cbc:ID xsi:type=\"cbc:IDType\">")),
        vec![]
    );
    assert_eq!(
        findings(&with("<cac:Item>", "<cac:Item xsi:type=\"cac:ItemType\">")),
        vec![]
    );
    assert_eq!(
        findings(&with("<cbc:ID>", "<cbc:ID xsi:type=\"cbc:NameType\">")),
        one(
            "/ubl:Invoice[1]/cbc:ID[1]/@xsi:type",
            "cbc:ID: xsi:type 'cbc:NameType' is not its type cbc:IDType"
        )
    );
    assert_eq!(
        findings(&with("<cbc:ID>", "<cbc:ID xsi:nil=\"false\">")).len(),
        1
    );
}

#[test]
fn extensions_are_opaque() {
    let extension = |content: &str| {
        with(
            "<cbc:CustomizationID>",
            &format!(
                "<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent>{content}\
                 </ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>\
                 <cbc:CustomizationID>"
            ),
        )
    };
    let signature = "<sig:Any xmlns:sig=\"urn:sig\"><cbc:Whatever/>text<b/></sig:Any>";
    assert_eq!(findings(&extension(signature)), vec![]);
    assert_eq!(findings(&extension("")).len(), 1);
    assert_eq!(
        findings(&extension(&format!("{signature}{signature}"))).len(),
        1
    );
    assert_eq!(findings(&extension("<ext:UBLExtensions/>")).len(), 1);
    // The default namespace here is the Invoice one, which is "other" too.
    assert_eq!(findings(&extension("<none/>")), vec![]);
    assert_eq!(findings(&extension("<none xmlns=\"\"/>")).len(), 1);
}

#[test]
fn deep_documents_are_walked_without_recursion() {
    let depth = 20_000;
    let text = with(
        "<cac:PartyName><cbc:Name>Client</cbc:Name></cac:PartyName>",
        &format!(
            "{}<cbc:Fo/>{}",
            "<cac:AgentParty>".repeat(depth),
            "</cac:AgentParty>".repeat(depth)
        ),
    );
    let found = findings(&text);
    assert_eq!(found.len(), 1);
    assert!(found[0].1.ends_with("cbc:Fo is not an element of UBL 2.1"));
}
