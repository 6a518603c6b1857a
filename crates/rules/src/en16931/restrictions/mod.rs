//! The UBL restriction rules `UBL-CR-*`: UBL elements an EN 16931 invoice should not use.
//!
//! Almost every one says "this path must not exist" and fails, once, on the document element
//! (the context of all of them is `/ubl:Invoice | /cn:CreditNote`). Those are data: a row per
//! id in the tables of the submodules, each naming where the path starts ([`Scope`]), its
//! child steps and, where the restriction is on an attribute, the attribute; the
//! [`restrictions!`] macro turns every row into a [`Rule`] whose check calls [`forbid`]. The
//! few rules with a condition are written out at the bottom of this file.
//!
//! CEN 1.3.16 and ANAF's copy differ in a handful of rows: ANAF has UBL-CR-631 (CEN dropped
//! it), words its message differently for UBL-CR-183/247/282/358/384/419, and misspells the
//! element of UBL-CR-487 (`JurisdiccionRegionAddress`), 572/577/583 (`BarecodeSymbologyID`)
//! and 674 (`PrimaryAccountNumber`), so those never fire in ANAF's set. Such ids have one row
//! per set, kept exactly as each artefact has them.

mod delivery_payment;
mod document;
mod lines;
mod parties;
mod schemes;

use roxmltree::Node;
use ubl::xml::UblNode;

use crate::doc::Doc;
use crate::finding::Severity::{Fatal, Warning};
use crate::registry::{Hits, Rule, Sets, join};

/// Builds the table of a submodule. A row is
/// `"UBL-CR-nnn" SETS Scope "child/steps" [@ "attribute"] "English message";`: the rule
/// fails on the document element when the steps (and then the attribute) reach a node from
/// the [`Scope`]. The Romanian message is made from the path.
macro_rules! restrictions {
    (@ro Root $path:literal) => {
        concat!("O factură UBL nu ar trebui să conțină elementul ", $path, ".")
    };
    (@ro Line $path:literal) => {
        concat!("O linie a facturii nu ar trebui să conțină elementul ", $path, ".")
    };
    (@ro Anywhere $path:literal) => {
        concat!("O factură UBL nu ar trebui să conțină elementul ", $path, ", nicăieri în document.")
    };
    (@ro Root $path:literal $attribute:literal) => {
        concat!("O factură UBL nu ar trebui să conțină atributul ", $attribute,
            " al elementului ", $path, ".")
    };
    (@ro Anywhere $path:literal $attribute:literal) => {
        concat!("O factură UBL nu ar trebui să conțină atributul ", $attribute,
            " al elementului ", $path, ", nicăieri în document.")
    };
    (@attribute) => { None };
    (@attribute $attribute:literal) => { Some($attribute) };
    ($($id:literal $sets:ident $scope:ident $path:literal $(@ $attribute:literal)? $en:literal;)*) => {
        &[$(
            crate::registry::Rule {
                id: $id,
                severity: crate::finding::Severity::Warning,
                sets: crate::registry::Sets::$sets,
                terms: &[],
                en: $en,
                ro: restrictions!(@ro $scope $path $($attribute)?),
                check: {
                    fn check(d: &crate::doc::Doc<'_, '_>, hits: &mut crate::registry::Hits) {
                        super::forbid(d, hits, &super::Target {
                            scope: super::Scope::$scope,
                            path: $path,
                            attribute: restrictions!(@attribute $($attribute)?),
                        });
                    }
                    check
                },
            },
        )*]
    };
}
use restrictions;

/// Where a restricted path starts.
#[derive(Debug, Clone, Copy)]
enum Scope {
    /// At the document element (`cac:PaymentMeans/cbc:InstructionNote`).
    Root,
    /// At each line, `cac:InvoiceLine` or `cac:CreditNoteLine` (`(…Line)/cac:Item/…`).
    Line,
    /// At any element of the document (`//cac:Country/…`): the first step may match anywhere.
    Anywhere,
}

/// A path that must not exist.
#[derive(Debug, Clone, Copy)]
struct Target {
    scope: Scope,
    /// Child steps, `/`-separated, with the fixed prefixes.
    path: &'static str,
    /// An attribute of the last step's element, when the restriction is on the attribute.
    attribute: Option<&'static str>,
}

/// The engine of the tables: fails on the document element when `target` exists. Paths from
/// the root and from the lines are looked up in the document's set of element paths (built
/// once per document), so the ~680 rules cost a hash lookup each; paths that may start
/// anywhere start from the element index.
fn forbid(d: &Doc<'_, '_>, hits: &mut Hits, target: &Target) {
    let key = || match target.attribute {
        Some(a) => format!("{}/@{a}", target.path),
        None => target.path.to_owned(),
    };
    let found = match target.scope {
        Scope::Root => d.root_has(&key()),
        Scope::Line => d.a_line_has(&key()),
        Scope::Anywhere => {
            let (first, rest) = target.path.split_once('/').unwrap_or((target.path, ""));
            d.all(first).any(|n| reaches(n, rest, target.attribute))
        }
    };
    hits.check(d, d.root, found);
}

/// Whether the child steps `path` (none: `node` itself), then `attribute` if any, reach a
/// node from `node`.
fn reaches(node: Node<'_, '_>, path: &str, attribute: Option<&str>) -> bool {
    if path.is_empty() {
        return attribute.is_none_or(|a| node.has_attribute(a));
    }
    let (step, rest) = path.split_once('/').unwrap_or((path, ""));
    node.children()
        .any(|child| child.is(step) && reaches(child, rest, attribute))
}

const TABLES: [&[Rule]; 6] = [
    document::RULES,
    parties::RULES,
    delivery_payment::RULES,
    lines::RULES,
    schemes::RULES,
    CONDITIONAL,
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

/// The restrictions with a condition: not a bare path.
const CONDITIONAL: &[Rule] = &[
    Rule {
        id: "UBL-CR-002",
        severity: Warning,
        sets: Sets::BOTH,
        terms: &[],
        en: "A UBL invoice should not include the UBLVersionID or it should be 2.1",
        ro: "O factură UBL nu ar trebui să conțină elementul cbc:UBLVersionID sau, dacă îl \
             conține, valoarea lui trebuie să fie 2.1.",
        check: ubl_cr_002,
    },
    Rule {
        id: "UBL-CR-412",
        severity: Warning,
        sets: Sets::BOTH,
        terms: &[],
        en: "A UBL invoice should not include the PaymentMeans PaymentDueDate",
        ro: "O factură UBL nu ar trebui să conțină elementul cac:PaymentMeans/cbc:PaymentDueDate \
             (permis doar într-o notă de credit).",
        check: ubl_cr_412,
    },
    Rule {
        id: "UBL-CR-663",
        severity: Warning,
        sets: Sets::BOTH,
        terms: &[],
        en: "A UBL invoice should not include the unitCodeListID",
        ro: "O factură UBL nu ar trebui să conțină atributul unitCodeListID, nicăieri în \
             document.",
        check: ubl_cr_663,
    },
    Rule {
        id: "UBL-CR-665",
        severity: Warning,
        sets: Sets::BOTH,
        terms: &[],
        en: "A UBL invoice should not include the AdditionalDocumentReference ID schemeID unless \
             the DocumentTypeCode equals '130'",
        ro: "O factură UBL nu ar trebui să conțină atributul schemeID al identificatorului unui \
             document justificativ (cac:AdditionalDocumentReference/cbc:ID), decât dacă codul \
             tipului documentului (cbc:DocumentTypeCode) este 130.",
        check: ubl_cr_665,
    },
    Rule {
        id: "UBL-CR-666",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "A UBL invoice shall not include an AdditionalDocumentReference simultaneously \
             referring an Invoice Object Identifier and an Attachment",
        ro: "O factură UBL nu trebuie să conțină o referință la un document \
             (cac:AdditionalDocumentReference) care să indice în același timp identificatorul \
             obiectului facturat (cod de tip 130) și un atașament (cac:Attachment).",
        check: ubl_cr_666,
    },
    Rule {
        id: "UBL-CR-673",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "A UBL invoice shall not include an AdditionalDocumentReference simultaneously \
             referring an Invoice Object Identifier and an Document Description",
        ro: "O factură UBL nu trebuie să conțină o referință la un document \
             (cac:AdditionalDocumentReference) care să indice în același timp identificatorul \
             obiectului facturat (cod de tip 130) și o descriere a documentului \
             (cbc:DocumentDescription).",
        check: ubl_cr_673,
    },
];

/// A `cbc:UBLVersionID` is allowed when one of them is exactly `2.1`.
fn ubl_cr_002(d: &Doc<'_, '_>, hits: &mut Hits) {
    let mut versions = d.root.children_named("cbc:UBLVersionID").peekable();
    let failed = versions.peek().is_some() && !versions.any(|v| v.string_value() == "2.1");
    hits.check(d, d.root, failed);
}

/// `cbc:PaymentDueDate` in `cac:PaymentMeans` is allowed in a credit note (whose BT-9 it is):
/// the artefacts test for a `cn:CreditNote` child of the document element's parent.
fn ubl_cr_412(d: &Doc<'_, '_>, hits: &mut Hits) {
    let credit_note = d
        .root
        .parent()
        .is_some_and(|p| p.children().any(|c| c.is("cn:CreditNote")));
    let failed = !credit_note && reaches(d.root, "cac:PaymentMeans/cbc:PaymentDueDate", None);
    hits.check(d, d.root, failed);
}

/// `unitCodeListID` on any element, the document element included.
fn ubl_cr_663(d: &Doc<'_, '_>, hits: &mut Hits) {
    let failed = d
        .root
        .descendants()
        .any(|n| n.has_attribute("unitCodeListID"));
    hits.check(d, d.root, failed);
}

/// The `cbc:DocumentTypeCode` children of an additional document reference, as strings.
fn type_codes(reference: Node<'_, '_>) -> Vec<String> {
    reference
        .children_named("cbc:DocumentTypeCode")
        .map(|c| c.string_value())
        .collect()
}

/// An invoiced object identifier (BT-18) is the reference with a type code `130`: the XPath
/// general comparison holds when any of its type codes is exactly `130`.
fn is_invoiced_object(reference: Node<'_, '_>) -> bool {
    type_codes(reference).iter().any(|c| c == "130")
}

fn ubl_cr_665(d: &Doc<'_, '_>, hits: &mut Hits) {
    // `[cbc:DocumentTypeCode != '130' or not(cbc:DocumentTypeCode)]`: a code other than 130,
    // or none at all.
    let failed = d.all("cac:AdditionalDocumentReference").any(|r| {
        let codes = type_codes(r);
        let other = codes.is_empty() || codes.iter().any(|c| c != "130");
        other && reaches(r, "cbc:ID", Some("schemeID"))
    });
    hits.check(d, d.root, failed);
}

fn ubl_cr_666(d: &Doc<'_, '_>, hits: &mut Hits) {
    let failed = d
        .all("cac:AdditionalDocumentReference")
        .any(|r| is_invoiced_object(r) && reaches(r, "cac:Attachment", None));
    hits.check(d, d.root, failed);
}

fn ubl_cr_673(d: &Doc<'_, '_>, hits: &mut Hits) {
    let failed = d
        .all("cac:AdditionalDocumentReference")
        .any(|r| is_invoiced_object(r) && reaches(r, "cbc:DocumentDescription", None));
    hits.check(d, d.root, failed);
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use pretty_assertions::assert_eq;

    use crate::RuleSet;

    /// The `UBL-CR-*` ids that fire on `body` inside an `Invoice` (or, with `credit_note`, a
    /// `CreditNote`), in `set`.
    fn fired(credit_note: bool, body: &str, set: RuleSet) -> Vec<&'static str> {
        let root = if credit_note { "CreditNote" } else { "Invoice" };
        let xml = format!(
            r#"<{root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:{root}-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                >{body}</{root}>"#
        );
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let mut ids: Vec<&str> = crate::check(doc.root_element(), set)
            .into_iter()
            .filter(|f| f.rule.starts_with("UBL-CR-"))
            .map(|f| {
                assert!(f.location == "/ubl:Invoice[1]" || f.location == "/cn:CreditNote[1]");
                f.rule
            })
            .collect();
        ids.dedup();
        ids
    }

    fn invoice(body: &str) -> Vec<&'static str> {
        fired(false, body, RuleSet::En16931Ubl)
    }

    #[test]
    fn a_path_fires_once_on_the_document_element() {
        let body = "<cac:InvoicePeriod><cbc:StartTime>10:00:00</cbc:StartTime></cac:InvoicePeriod>\
                    <cac:InvoicePeriod><cbc:StartTime>11:00:00</cbc:StartTime></cac:InvoicePeriod>";
        assert_eq!(invoice(body), ["UBL-CR-012"]);
        assert_eq!(invoice("<cac:InvoicePeriod/>"), Vec::<&str>::new());
    }

    #[test]
    fn line_rows_look_only_inside_lines_of_either_kind() {
        assert_eq!(invoice("<cbc:UUID>u</cbc:UUID>"), ["UBL-CR-005"]);
        let line = "<cac:InvoiceLine><cbc:UUID>u</cbc:UUID></cac:InvoiceLine>";
        assert_eq!(invoice(line), ["UBL-CR-515"]);
        let credit = "<cac:CreditNoteLine><cbc:UUID>u</cbc:UUID></cac:CreditNoteLine>";
        assert_eq!(fired(true, credit, RuleSet::En16931Ubl), ["UBL-CR-515"]);
    }

    #[test]
    fn anywhere_rows_match_at_any_depth_and_attributes_need_the_attribute() {
        let deep = "<cac:InvoiceLine><cac:Item><cac:OriginCountry>\
                    <cbc:IdentificationCode listID=\"x\">RO</cbc:IdentificationCode>\
                    </cac:OriginCountry></cac:Item></cac:InvoiceLine>";
        assert_eq!(
            invoice(deep),
            Vec::<&str>::new(),
            "OriginCountry is no cac:Country"
        );
        let country = "<cac:X><cac:Country><cbc:IdentificationCode listID=\"x\">RO\
                       </cbc:IdentificationCode></cac:Country></cac:X>";
        assert_eq!(invoice(country), ["UBL-CR-660"]);
        let plain = "<cac:X><cac:Country><cbc:IdentificationCode>RO</cbc:IdentificationCode>\
                     </cac:Country></cac:X>";
        assert_eq!(invoice(plain), Vec::<&str>::new());
    }

    #[test]
    fn conditional_restrictions() {
        assert_eq!(
            invoice("<cbc:UBLVersionID>2.1</cbc:UBLVersionID>"),
            Vec::<&str>::new()
        );
        assert_eq!(
            invoice("<cbc:UBLVersionID> 2.1</cbc:UBLVersionID>"),
            ["UBL-CR-002"]
        );
        let due = "<cac:PaymentMeans><cbc:PaymentDueDate>2024-01-01</cbc:PaymentDueDate>\
                   </cac:PaymentMeans>";
        assert_eq!(invoice(due), ["UBL-CR-412"]);
        assert_eq!(fired(true, due, RuleSet::En16931Ubl), Vec::<&str>::new());
        let unit = "<cac:InvoiceLine><cbc:InvoicedQuantity unitCode=\"C62\" unitCodeListID=\"x\">1\
                    </cbc:InvoicedQuantity></cac:InvoiceLine>";
        assert_eq!(invoice(unit), ["UBL-CR-663"]);
    }

    #[test]
    fn invoiced_object_references_compare_the_type_code_exactly() {
        let reference = |code: &str, rest: &str| {
            format!(
                "<cac:AdditionalDocumentReference><cbc:ID schemeID=\"AAA\">1</cbc:ID>{code}{rest}\
                 </cac:AdditionalDocumentReference>"
            )
        };
        let object = "<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>";
        assert_eq!(invoice(&reference(object, "")), Vec::<&str>::new());
        assert_eq!(invoice(&reference("", "")), ["UBL-CR-665"]);
        let spaced = "<cbc:DocumentTypeCode> 130</cbc:DocumentTypeCode>";
        assert_eq!(
            invoice(&reference(spaced, "<cac:Attachment/>")),
            ["UBL-CR-665"]
        );
        let both = "<cbc:DocumentDescription>d</cbc:DocumentDescription><cac:Attachment/>";
        assert_eq!(
            invoice(&reference(object, both)),
            ["UBL-CR-666", "UBL-CR-673"]
        );
    }

    #[test]
    fn cen_and_anaf_differ_where_their_artefacts_do() {
        let card = "<cac:PaymentMeans><cac:CardAccount>\
                    <cbc:PrimaryAccountNumberID schemeID=\"x\">1234</cbc:PrimaryAccountNumberID>\
                    </cac:CardAccount></cac:PaymentMeans>";
        assert_eq!(invoice(card), ["UBL-CR-674"]);
        assert_eq!(fired(false, card, RuleSet::CiusRo), Vec::<&str>::new());
        let factor = "<cac:InvoiceLine><cac:Price>\
                      <cbc:OrderableUnitFactorRate>1</cbc:OrderableUnitFactorRate>\
                      </cac:Price></cac:InvoiceLine>";
        assert_eq!(invoice(factor), ["UBL-CR-628"]);
        assert_eq!(
            fired(false, factor, RuleSet::CiusRo),
            ["UBL-CR-628", "UBL-CR-631"]
        );
    }

    #[test]
    fn each_set_has_its_restrictions_once() {
        for (set, count) in [(RuleSet::En16931Ubl, 678), (RuleSet::CiusRo, 679)] {
            let ids: Vec<&str> = super::RULES
                .iter()
                .filter(|r| r.sets.contains(set))
                .map(|r| r.id)
                .collect();
            let unique: BTreeSet<&str> = ids.iter().copied().collect();
            assert_eq!((ids.len(), unique.len()), (count, count), "{set:?}");
        }
    }

    /// The English messages are the artefacts' (`results/rule-ids.tsv` of the conformance
    /// data, when it is there).
    #[test]
    fn messages_are_the_artefacts() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/conformance/results/rule-ids.tsv"
        );
        let Ok(table) = std::fs::read_to_string(path) else {
            return;
        };
        let mut checked = 0;
        for line in table.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let set = match cols[0] {
                "en16931-ubl" => RuleSet::En16931Ubl,
                "cius-ro" => RuleSet::CiusRo,
                _ => continue,
            };
            if !cols[3].starts_with("UBL-CR-") {
                continue;
            }
            let rule = super::RULES
                .iter()
                .find(|r| r.id == cols[3] && r.sets.contains(set))
                .unwrap();
            let text = cols[4].split_once("]-").unwrap().1;
            assert_eq!(rule.en, text, "{}", cols[3]);
            assert_eq!(rule.severity.as_str(), cols[2], "{}", cols[3]);
            checked += 1;
        }
        assert_eq!(checked, 678 + 679);
    }
}
