//! The CIUS-RO rules of ANAF's RO16931 1.0.9 (`BR-RO-*`, `BR-DEC-RO-*`): Romanian national
//! requirements on top of EN 16931, only in the `cius-ro` set.
//!
//! ANAF writes all of them in one Schematron pattern, so **a node is checked only by the
//! first rule whose context matches it**, and that shapes what fires:
//! - the document element is taken by the rule with BR-RO-001, so BR-DEC-RO-13/15 (context
//!   `/ubl:Invoice | cac:CreditNote`) never run on it;
//! - the lines are taken by the rule with BR-RO-L1024, so BR-DEC-RO-23 never runs;
//! - `cac:TaxTotal/cac:TaxSubtotal` is taken by BR-DEC-RO-1009/1010, so BR-RO-L1019 never
//!   runs.
//!
//! Some contexts are written for `/ubl:CreditNote/…`, a name no credit note has (its element
//! is `cn:CreditNote`): the tax representative's and the delivery address rules
//! (BR-RO-140…212) and the document-level allowance and charge rules only run on invoices.
//!
//! The messages: `ro` is ANAF's own Romanian text with its diacritics restored (ANAF strips
//! them); `en` is ANAF's English text. Where ANAF names the wrong business term (BR-RO-092
//! says BT-37 for the buyer's city, BR-RO-DT001 BT-27 for an issue date, BR-RO-DT004
//! BT-73/134 for the delivery date), both name the right one.

mod addresses;
mod dates;
mod decimals;
mod document;
mod lengths;

use roxmltree::Node;
use ubl::xml::UblNode;

use crate::doc::{Doc, decimals, has_text, normalize_space, path_all};
use crate::registry::{Hits, Rule, join};

const TABLES: [&[Rule]; 6] = [
    document::RULES,
    dates::RULES,
    addresses::RULES,
    lengths::RULES,
    decimals::RULES,
    decimals::VAT_TOTALS,
];

const COUNT: usize = {
    let (mut n, mut i) = (0, 0);
    while i < TABLES.len() {
        n += TABLES[i].len();
        i += 1;
    }
    n
};

static ALL: [Rule; COUNT] = join(&TABLES);

pub(crate) const RULES: &[Rule] = &ALL;

/// The contexts of ANAF's rules, each the nodes its rule handles (first match in the
/// pattern).
#[derive(Debug, Clone, Copy)]
enum Context {
    /// `/ubl:Invoice | /cn:CreditNote`.
    Root,
    /// `//cac:PaymentMeans`.
    PaymentMeans,
    /// `cac:InvoiceLine | cac:CreditNoteLine`, wherever they are.
    Line,
    /// `//cac:Item/cac:AdditionalItemProperty`.
    ItemProperty,
    /// `/ubl:Invoice/cac:AllowanceCharge[cbc:ChargeIndicator = false()]`: invoices only.
    DocumentAllowance,
    /// `/ubl:Invoice/cac:AllowanceCharge[cbc:ChargeIndicator = true()]`: invoices only.
    DocumentCharge,
    /// `cac:LegalMonetaryTotal`.
    MonetaryTotal,
    /// `cac:TaxTotal/cac:TaxSubtotal`.
    TaxSubtotal,
    /// `//cac:InvoiceLine/cac:AllowanceCharge[cbc:ChargeIndicator = false()]` (and credit
    /// note lines).
    LineAllowance,
    /// The same with `true()`.
    LineCharge,
    /// `cbc:Note`, anywhere.
    Note,
    /// `//cac:AdditionalDocumentReference`.
    SupportingDocument,
    /// `//cac:BillingReference`.
    BillingReference,
    /// A context an earlier rule of the pattern always takes: the rule never runs.
    Shadowed,
}

impl Context {
    /// The nodes this context's rule handles, in document order.
    fn nodes<'a, 'i>(self, d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
        let anywhere = |name: &'static str| d.all(name).collect::<Vec<_>>();
        let invoice_charges = |charge: bool| {
            if d.is_credit_note {
                return Vec::new();
            }
            d.root
                .children_named("cac:AllowanceCharge")
                .filter(|n| indicator_is(*n, charge))
                .collect()
        };
        let line_charges = |charge: bool| {
            lines_anywhere(d)
                .into_iter()
                .flat_map(|l| l.children().filter(|c| c.is("cac:AllowanceCharge")))
                .filter(|n| indicator_is(*n, charge))
                .collect()
        };
        match self {
            Context::Root => vec![d.root],
            Context::PaymentMeans => anywhere("cac:PaymentMeans"),
            Context::Line => lines_anywhere(d),
            Context::ItemProperty => d
                .all("cac:AdditionalItemProperty")
                .filter(|n| n.parent().is_some_and(|p| p.is("cac:Item")))
                .collect(),
            Context::DocumentAllowance => invoice_charges(false),
            Context::DocumentCharge => invoice_charges(true),
            Context::MonetaryTotal => anywhere("cac:LegalMonetaryTotal"),
            Context::TaxSubtotal => d
                .all("cac:TaxSubtotal")
                .filter(|n| n.parent().is_some_and(|p| p.is("cac:TaxTotal")))
                .collect(),
            Context::LineAllowance => line_charges(false),
            Context::LineCharge => line_charges(true),
            Context::Note => anywhere("cbc:Note"),
            Context::SupportingDocument => anywhere("cac:AdditionalDocumentReference"),
            Context::BillingReference => anywhere("cac:BillingReference"),
            Context::Shadowed => Vec::new(),
        }
    }
}

/// `cac:InvoiceLine | cac:CreditNoteLine` anywhere in the document.
fn lines_anywhere<'a, 'i>(d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
    d.all_of(&["cac:InvoiceLine", "cac:CreditNoteLine"])
}

/// `[cbc:ChargeIndicator = true()]` (or `false()`): a `cbc:ChargeIndicator` child whose value,
/// cast to `xs:boolean`, is `want`. A value that is no boolean makes the cast fail, and a
/// pattern whose evaluation fails does not match.
fn indicator_is(node: Node<'_, '_>, want: bool) -> bool {
    let mut found = false;
    for indicator in node.children_named("cbc:ChargeIndicator") {
        match xs_boolean(&indicator.string_value()) {
            Some(value) => found |= value == want,
            None => return false,
        }
    }
    found
}

/// The `xs:boolean` cast: `true`, `false`, `1`, `0`, with surrounding whitespace.
fn xs_boolean(s: &str) -> Option<bool> {
    match s.trim_matches([' ', '\t', '\n', '\r']) {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// The string values at `path` from `from`: child steps, then optionally `@attribute`
/// (`cbc:PaymentMeansCode@name`); `.` is `from` itself.
fn values(from: Node<'_, '_>, path: &str) -> Vec<String> {
    let (elements, attribute) = match path.split_once('@') {
        Some((elements, attribute)) => (elements, Some(attribute)),
        None => (path, None),
    };
    let nodes = if elements == "." {
        vec![from]
    } else {
        path_all(from, elements)
    };
    match attribute {
        Some(name) => nodes
            .iter()
            .filter_map(|n| n.attribute(name).map(str::to_owned))
            .collect(),
        None => nodes.iter().map(UblNode::string_value).collect(),
    }
}

/// What an XPath function taking one `xs:string?` gets from `path`: `""` for no node, the
/// value of one node, and `None` (a type error: the assertion fails) for several.
fn single(from: Node<'_, '_>, path: &str) -> Option<String> {
    let mut values = values(from, path);
    match values.len() {
        0 => Some(String::new()),
        1 => values.pop(),
        _ => None,
    }
}

/// `normalize-space(path)`; `None` when `path` reaches several nodes.
fn normalized(from: Node<'_, '_>, path: &str) -> Option<String> {
    single(from, path).map(|s| normalize_space(&s))
}

/// `path[boolean(normalize-space(.))]`: whether some node at `path` has non-blank text.
fn filled(from: Node<'_, '_>, path: &str) -> bool {
    values(from, path).iter().any(|v| has_text(v))
}

/// What a limit row checks.
#[derive(Debug, Clone, Copy)]
enum Limit {
    /// `string-length(normalize-space(path)) <= n`.
    Chars(usize),
    /// `string-length(substring-after(path, '.')) <= n`.
    Decimals(usize),
}

/// The engine of the `limits!` tables: the rule fails on every node of `context` where the
/// value at `path` is over `limit` (or where `path` reaches several nodes).
fn check_limit(d: &Doc<'_, '_>, hits: &mut Hits, context: Context, path: &str, limit: Limit) {
    for node in context.nodes(d) {
        let within = match (single(node, path), limit) {
            (None, _) => false,
            (Some(s), Limit::Chars(n)) => normalize_space(&s).chars().count() <= n,
            (Some(s), Limit::Decimals(n)) => decimals(&s) <= n,
        };
        hits.check(d, node, !within);
    }
}

/// Builds a table of limit rules. A row is
/// `"ID" Context "path" chars|decimals N [terms] "English" "Romanian";`.
macro_rules! limits {
    (@limit chars $n:literal) => { super::Limit::Chars($n) };
    (@limit decimals $n:literal) => { super::Limit::Decimals($n) };
    ($($id:literal $context:ident $path:literal $kind:ident $n:literal [$($term:literal),*]
        $en:literal $ro:literal;)*) => {
        &[$(
            crate::registry::Rule {
                id: $id,
                severity: crate::finding::Severity::Fatal,
                sets: crate::registry::Sets::RO,
                terms: &[$($term),*],
                en: $en,
                ro: $ro,
                check: {
                    fn check(d: &crate::doc::Doc<'_, '_>, hits: &mut crate::registry::Hits) {
                        super::check_limit(
                            d,
                            hits,
                            super::Context::$context,
                            $path,
                            limits!(@limit $kind $n),
                        );
                    }
                    check
                },
            },
        )*]
    };
}
use limits;

#[cfg(test)]
mod tests {
    use pretty_assertions::assert_eq;

    use crate::RuleSet;

    /// The `(id, location)` of the CIUS-RO findings with an id starting with `prefix`, for
    /// `body` inside an `Invoice` (or a `CreditNote`).
    fn fired(credit_note: bool, body: &str, prefix: &str) -> Vec<(&'static str, String)> {
        let root = if credit_note { "CreditNote" } else { "Invoice" };
        let xml = format!(
            r#"<{root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:{root}-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                >{body}</{root}>"#
        );
        let doc = roxmltree::Document::parse(&xml).unwrap();
        crate::check(doc.root_element(), RuleSet::CiusRo)
            .into_iter()
            .filter(|f| f.rule.starts_with(prefix))
            .map(|f| (f.rule, f.location))
            .collect()
    }

    fn ids(credit_note: bool, body: &str, prefix: &str) -> Vec<&'static str> {
        fired(credit_note, body, prefix)
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    }

    const NONE: [&str; 0] = [];

    #[test]
    fn earlier_rules_of_the_pattern_shadow_later_ones() {
        // BR-DEC-RO-23 (lines), BR-RO-L1019 (tax subtotals) and BR-DEC-RO-13 (the invoice)
        // have contexts an earlier rule takes.
        let body = "<cac:TaxTotal><cbc:TaxAmount currencyID=\"RON\">1.123</cbc:TaxAmount>\
                    <cac:TaxSubtotal><cbc:TaxExemptionReason>{long}</cbc:TaxExemptionReason>\
                    </cac:TaxSubtotal></cac:TaxTotal>\
                    <cac:InvoiceLine><cbc:LineExtensionAmount>1.123</cbc:LineExtensionAmount>\
                    </cac:InvoiceLine>"
            .replace("{long}", &"x".repeat(101));
        assert_eq!(ids(false, &body, "BR-DEC-RO"), NONE);
        assert_eq!(ids(false, &body, "BR-RO-L1019"), NONE);
        let total = "<cac:TaxTotal><cac:TaxSubtotal><cbc:TaxAmount>1.123</cbc:TaxAmount>\
                     </cac:TaxSubtotal></cac:TaxTotal>";
        assert_eq!(
            fired(false, total, "BR-DEC-RO"),
            [(
                "BR-DEC-RO-1010",
                "/ubl:Invoice[1]/cac:TaxTotal[1]/cac:TaxSubtotal[1]".to_owned()
            )]
        );
    }

    #[test]
    fn ubl_creditnote_contexts_leave_credit_notes_out() {
        let body = "<cac:TaxRepresentativeParty><cac:PostalAddress/></cac:TaxRepresentativeParty>\
                    <cac:Delivery><cac:DeliveryLocation><cac:Address/></cac:DeliveryLocation>\
                    </cac:Delivery>\
                    <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>\
                    <cbc:Amount>1.001</cbc:Amount></cac:AllowanceCharge>";
        let invoice = [
            "BR-RO-140",
            "BR-RO-150",
            "BR-RO-180",
            "BR-RO-201",
            "BR-RO-211",
        ];
        let on = |credit_note| {
            let mut found = ids(credit_note, body, "BR-RO-1");
            found.extend(ids(credit_note, body, "BR-RO-2"));
            found.extend(ids(credit_note, body, "BR-DEC-RO"));
            found
        };
        let mut expected = invoice.to_vec();
        expected.push("BR-DEC-RO-01");
        assert_eq!(on(false), expected);
        assert_eq!(on(true), NONE);
    }

    #[test]
    fn charge_indicators_are_cast_to_boolean() {
        let charge = |indicator: &str| {
            format!(
                "<cac:AllowanceCharge><cbc:ChargeIndicator>{indicator}</cbc:ChargeIndicator>\
                 <cbc:Amount>1.001</cbc:Amount></cac:AllowanceCharge>"
            )
        };
        assert_eq!(ids(false, &charge(" 1 "), "BR-DEC-RO"), ["BR-DEC-RO-05"]);
        assert_eq!(ids(false, &charge("0"), "BR-DEC-RO"), ["BR-DEC-RO-01"]);
        assert_eq!(
            ids(false, &charge("TRUE"), "BR-DEC-RO"),
            NONE,
            "no boolean: no match"
        );
    }

    #[test]
    fn a_field_given_twice_where_one_is_read_fails() {
        let terms = "<cac:PaymentTerms><cbc:Note>a</cbc:Note></cac:PaymentTerms>\
                     <cac:PaymentTerms><cbc:Note>b</cbc:Note></cac:PaymentTerms>";
        assert_eq!(ids(false, terms, "BR-RO-L301"), ["BR-RO-L301"]);
        let id = "<cbc:ID>1</cbc:ID><cbc:ID>2</cbc:ID>";
        assert_eq!(ids(false, id, "BR-RO-010"), ["BR-RO-010"]);
        assert_eq!(ids(false, id, "BR-RO-L155"), ["BR-RO-L155"]);
    }

    #[test]
    fn lengths_count_characters_after_normalize_space() {
        let name = |text: &str| {
            format!(
                "<cac:AccountingSupplierParty><cac:Party><cac:PostalAddress>\
                 <cbc:CityName>{text}</cbc:CityName></cac:PostalAddress></cac:Party>\
                 </cac:AccountingSupplierParty>"
            )
        };
        let city = format!("  {}  ", "ă".repeat(50));
        assert_eq!(ids(false, &name(&city), "BR-RO-L0501"), NONE);
        assert_eq!(
            ids(false, &name(&"ă".repeat(51)), "BR-RO-L0501"),
            ["BR-RO-L0501"]
        );
    }

    #[test]
    fn bucharest_needs_a_sector_and_romania_a_county_code() {
        let seller = |subentity: &str, city: &str| {
            format!(
                "<cac:AccountingSupplierParty><cac:Party><cac:PostalAddress>\
                 <cbc:StreetName>Str. Lungă 1</cbc:StreetName><cbc:CityName>{city}</cbc:CityName>\
                 <cbc:CountrySubentity>{subentity}</cbc:CountrySubentity>\
                 <cac:Country><cbc:IdentificationCode>RO</cbc:IdentificationCode></cac:Country>\
                 </cac:PostalAddress></cac:Party></cac:AccountingSupplierParty>"
            )
        };
        let seller_ids = |subentity, city| {
            let mut found = ids(false, &seller(subentity, city), "BR-RO-100");
            found.extend(ids(false, &seller(subentity, city), "BR-RO-110"));
            found
        };
        assert_eq!(seller_ids("RO-B", "SECTOR3"), NONE);
        assert_eq!(seller_ids("RO-B", "Sector 3"), ["BR-RO-100"]);
        assert_eq!(seller_ids(" RO-CJ ", "Cluj-Napoca"), NONE);
        assert_eq!(seller_ids("CJ", "Cluj-Napoca"), ["BR-RO-110"]);
        assert_eq!(seller_ids("ro-b", "SECTOR3"), ["BR-RO-110"]);
    }

    #[test]
    fn type_codes_and_currencies() {
        let code = |c: &str| format!("<cbc:InvoiceTypeCode>{c}</cbc:InvoiceTypeCode>");
        assert_eq!(ids(false, &code(" 380 "), "BR-RO-020"), NONE);
        assert_eq!(ids(false, &code("381"), "BR-RO-020"), ["BR-RO-020_1"]);
        let credit = "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>";
        assert_eq!(ids(true, credit, "BR-RO-020"), NONE);
        let currencies = |document: &str, tax: &str| {
            let tax = if tax.is_empty() {
                String::new()
            } else {
                format!("<cbc:TaxCurrencyCode>{tax}</cbc:TaxCurrencyCode>")
            };
            let body =
                format!("<cbc:DocumentCurrencyCode>{document}</cbc:DocumentCurrencyCode>{tax}");
            ids(false, &body, "BR-RO-030")
        };
        assert_eq!(currencies("RON", ""), NONE);
        assert_eq!(currencies("EUR", "RON"), NONE);
        assert_eq!(currencies("RON", "EUR"), NONE);
        assert_eq!(currencies("EUR", ""), ["BR-RO-030"]);
        assert_eq!(currencies("EUR", "USD"), ["BR-RO-030"]);
    }

    #[test]
    fn dates_are_one_text_node_of_ten_characters() {
        let date = |d: &str| format!("<cbc:IssueDate>{d}</cbc:IssueDate>");
        assert_eq!(ids(false, &date("2024-02-29"), "BR-RO-DT"), NONE);
        for bad in [
            " 2024-02-01",
            "2024-02-30",
            "2024-02-01Z",
            "2024-<!-- -->02-01",
            "",
        ] {
            assert_eq!(
                ids(false, &date(bad), "BR-RO-DT"),
                ["BR-RO-DT001"],
                "{bad:?}"
            );
        }
        let preceding = "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>1</cbc:ID>\
                         <cbc:IssueDate>1.2.2024</cbc:IssueDate></cac:InvoiceDocumentReference>\
                         </cac:BillingReference>";
        assert_eq!(ids(false, preceding, "BR-RO-DT"), ["BR-RO-DT001"]);
    }

    #[test]
    fn seller_identifier_needed_for_vat_categories() {
        let line = "<cac:InvoiceLine><cac:Item><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID>\
                    </cac:ClassifiedTaxCategory></cac:Item></cac:InvoiceLine>";
        assert_eq!(ids(false, line, "BR-RO-065"), ["BR-RO-065"]);
        let credit_line = line.replace("InvoiceLine", "CreditNoteLine");
        assert_eq!(
            ids(true, &credit_line, "BR-RO-065"),
            NONE,
            "ANAF looks at invoice lines"
        );
        let blank = format!(
            "{line}<cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme>\
             <cbc:CompanyID> </cbc:CompanyID></cac:PartyTaxScheme></cac:Party>\
             </cac:AccountingSupplierParty>"
        );
        assert_eq!(ids(false, &blank, "BR-RO-065"), ["BR-RO-065"]);
        let represented = format!(
            "{line}<cac:TaxRepresentativeParty><cac:PartyTaxScheme><cbc:CompanyID/>\
             </cac:PartyTaxScheme></cac:TaxRepresentativeParty>"
        );
        assert_eq!(
            ids(false, &represented, "BR-RO-065"),
            NONE,
            "present, even empty"
        );
        let allowance = |indicator: &str| {
            format!(
                "<cac:AllowanceCharge><cbc:ChargeIndicator>{indicator}</cbc:ChargeIndicator>\
                 <cac:TaxCategory><cbc:ID>S</cbc:ID><cac:TaxScheme><cbc:ID>VAT</cbc:ID>\
                 </cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>"
            )
        };
        assert_eq!(ids(false, &allowance("false"), "BR-RO-065"), ["BR-RO-065"]);
        assert_eq!(
            ids(false, &allowance(" false"), "BR-RO-065"),
            NONE,
            "compared as text"
        );
    }
}
