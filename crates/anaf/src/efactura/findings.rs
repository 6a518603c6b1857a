//! ANAF's validation messages, split into rule id and text; duplicate submissions recognised.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::UploadIndex;

/// One message of ANAF's validation (an `Error@errorMessage` of the error report, a
/// `Messages[].message` of `validare`), with what can be read out of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule that failed, when the message names one: `BR-RO-110` from
    /// `E: validari globale  SCHEMATRON   eroare: [BR-RO-110]-…`, `R_BT_32_cui` from
    /// `… eroare regula: R_BT_32_cui: Cui vanzator incorect …`.
    pub rule_id: Option<String>,
    /// ANAF's message, verbatim.
    pub message: String,
    /// Set when the message says the invoice was submitted before: `Factura a mai fost
    /// transmisa anterior cu index=<n> si data incarcare=<yyyy-mm-dd>`.
    pub duplicate: Option<Duplicate>,
}

/// The earlier submission a duplicate refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// The upload index of the earlier submission.
    pub index: UploadIndex,
    /// The day it was uploaded, when ANAF's date could be read.
    pub date: Option<Date>,
}

impl Finding {
    /// Reads one message. Never fails: a message without a rule id keeps `rule_id: None`.
    pub fn parse(message: &str) -> Finding {
        Finding {
            rule_id: bracketed_rule(message).or_else(|| named_rule(message)),
            message: message.to_owned(),
            duplicate: duplicate(message),
        }
    }

    /// The message without ANAF's prefixes: the text after the rule id (`[BR-RO-110]-` or
    /// `regula: R_BT_32_cui:`), or the whole message, trimmed.
    pub fn text(&self) -> &str {
        let message = self.message.as_str();
        let rest = self.rule_id.as_deref().and_then(|rule| {
            let bracketed = format!("[{rule}]");
            if let Some(at) = message.find(&bracketed) {
                let rest = &message[at + bracketed.len()..];
                return Some(rest.strip_prefix('-').unwrap_or(rest));
            }
            let at = message.find(rule)?;
            let rest = &message[at + rule.len()..];
            Some(rest.strip_prefix(':').unwrap_or(rest))
        });
        rest.unwrap_or(message).trim()
    }
}

/// The first `[ID]` whose content looks like a rule id: letters, digits, `-`, `_`, `.`, with
/// at least one letter and one digit or dash.
fn bracketed_rule(message: &str) -> Option<String> {
    let mut rest = message;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let close = after.find(']')?;
        let candidate = &after[..close];
        if looks_like_rule_id(candidate) {
            return Some(candidate.to_owned());
        }
        rest = after;
    }
    None
}

/// `regula: R_BT_32_cui: …` → `R_BT_32_cui`.
fn named_rule(message: &str) -> Option<String> {
    let at = message.find("regula:")?;
    let rest = message[at + "regula:".len()..].trim_start();
    let end = rest
        .find(|c: char| c == ':' || c.is_whitespace())
        .unwrap_or(rest.len());
    let candidate = &rest[..end];
    looks_like_rule_id(candidate).then(|| candidate.to_owned())
}

fn looks_like_rule_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && text.chars().any(|c| c.is_ascii_alphabetic())
        && text.chars().any(|c| c.is_ascii_digit() || c == '-')
}

/// `… a mai fost transmisa anterior cu index=<n> si data incarcare=<yyyy-mm-dd>`.
fn duplicate(message: &str) -> Option<Duplicate> {
    let at = message.find("a mai fost transmisa anterior")?;
    let rest = &message[at..];
    let index_at = rest.find("index=")?;
    let digits: String = rest[index_at + "index=".len()..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let index = UploadIndex(digits.parse().ok()?);
    let date = rest.find("data incarcare=").and_then(|date_at| {
        let text = rest[date_at + "data incarcare=".len()..].trim_start();
        iso_date(text.get(..10)?)
    });
    Some(Duplicate { index, date })
}

/// `yyyy-mm-dd`.
fn iso_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let day = parts.next()?.parse().ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use time::macros::date;

    #[test]
    fn schematron_messages_name_their_rule_in_brackets() {
        let finding = Finding::parse(
            "E: validari globale  SCHEMATRON   eroare: [BR-RO-110]-Daca Codul ţării vânzătorului \
             (BT-40) este  RO , atunci Subdiviziunea ţării vânzătorului (BT-39) trebuie să fie \
             codificată folosind lista de coduri ISO 3166-2:RO",
        );
        assert_eq!(finding.rule_id.as_deref(), Some("BR-RO-110"));
        assert!(finding.text().starts_with("Daca Codul ţării"));
        assert_eq!(finding.duplicate, None);
        let finding = Finding::parse(
            "E: validari globale  SCHEMATRON   eroare: [BR-CO-09]-The Seller VAT identifier (BT-31)",
        );
        assert_eq!(finding.rule_id.as_deref(), Some("BR-CO-09"));
        assert_eq!(finding.text(), "The Seller VAT identifier (BT-31)");
    }

    #[test]
    fn structural_messages_name_their_rule_after_regula() {
        let finding = Finding::parse(
            "E: AccountingSupplierParty (1) sectiune Party (1) sectiune PartyTaxScheme (1) sectiune \
             CompanyID (1)  eroare regula: R_BT_32_cui: Cui vanzator incorect / validare CUI (1234) ",
        );
        assert_eq!(finding.rule_id.as_deref(), Some("R_BT_32_cui"));
        assert_eq!(
            finding.text(),
            "Cui vanzator incorect / validare CUI (1234)"
        );
    }

    #[test]
    fn messages_without_a_rule_keep_the_whole_text() {
        for message in [
            "Valorile acceptate pentru parametrul standard sunt FACT1 si FCN",
            "A aparut o eroare tehnica. Cod: XXX",
            "Marime fisier transmis mai mare de 5 MB.",
            "see [the manual] or [x]",
        ] {
            let finding = Finding::parse(message);
            assert_eq!(finding.rule_id, None, "{message}");
            assert_eq!(finding.text(), message.trim());
        }
    }

    #[test]
    fn duplicates_give_the_original_index_and_date() {
        let finding = Finding::parse(
            "Factura a mai fost transmisa anterior cu index=5001120362 si data incarcare=2024-03-18",
        );
        assert_eq!(
            finding.duplicate,
            Some(Duplicate {
                index: UploadIndex(5_001_120_362),
                date: Some(date!(2024 - 03 - 18)),
            })
        );
        assert_eq!(finding.rule_id, None);
        let odd_date = Finding::parse(
            "E: Factura a mai fost transmisa anterior cu index=42 si data incarcare=18.03.2024",
        );
        assert_eq!(
            odd_date.duplicate,
            Some(Duplicate {
                index: UploadIndex(42),
                date: None
            })
        );
        assert_eq!(
            Finding::parse("Factura a mai fost transmisa anterior").duplicate,
            None
        );
    }
}
