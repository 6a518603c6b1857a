//! What the validator reports: findings with the official rule ids, severities and locations.

use std::borrow::Cow;

/// How bad a finding is, as the official artefact flags it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Informational: nothing to fix.
    Information,
    /// The document is accepted, but the rule advises against what it does.
    Warning,
    /// The document is refused (assertions without a flag).
    Error,
    /// The document is refused.
    Fatal,
}

impl Severity {
    /// `fatal`, `error`, `warning`, `information`: the words of the official reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
            Severity::Fatal => "fatal",
        }
    }

    /// Whether a finding of this severity makes the document invalid.
    pub fn is_blocking(self) -> bool {
        matches!(self, Severity::Error | Severity::Fatal)
    }
}

/// The rule sets a document can be checked against, named as in the conformance results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleSet {
    /// What the UBL 2.1 schema enforces on every element: order, cardinality, data types and
    /// attributes (findings with id `XSD`).
    XsdUbl,
    /// CEN EN 16931 1.3.16, UBL syntax binding: for UBL documents that do not name a CIUS the
    /// validator knows.
    En16931Ubl,
    /// ANAF's RO16931 1.0.9: its own copy of the EN 16931 UBL rules plus the CIUS-RO rules, for
    /// documents whose customization id names CIUS-RO.
    CiusRo,
}

impl RuleSet {
    /// `xsd-ubl`, `en16931-ubl`, `cius-ro`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleSet::XsdUbl => "xsd-ubl",
            RuleSet::En16931Ubl => "en16931-ubl",
            RuleSet::CiusRo => "cius-ro",
        }
    }
}

/// A message in the two languages Facturo's users read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub en: Cow<'static, str>,
    pub ro: Cow<'static, str>,
}

/// One failed rule at one place of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The id exactly as the official artefact names it (`BR-CO-10`, `BR-RO-110`), or `XSD`
    /// for a schema violation and `XML-WELLFORMED` for input that is not XML.
    pub rule: &'static str,
    pub severity: Severity,
    pub rule_set: RuleSet,
    /// `/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]`; empty for the document as a whole.
    pub location: String,
    /// The business terms and groups concerned (`BT-48`, `BG-7`).
    pub terms: &'static [&'static str],
    pub message: Message,
}
