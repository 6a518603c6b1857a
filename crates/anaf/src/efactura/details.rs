//! The free text of a message's `detalii`, read into upload index, parties and self-billing.

use serde::{Deserialize, Serialize};

use super::UploadIndex;

/// What a message's `detalii` says, as far as it says it.
///
/// ANAF writes `detalii` as free text in a few shapes (the project's tax-API notes §1.2):
/// - `Factura cu id_incarcare=42 emisa de cif_emitent=123 pentru cif_beneficiar=987`
///   (sent and received invoices);
/// - `Factura cu id_incarcare=42 transmisa de cif=987  ca autofactutra in numele cif=123`
///   (a self-billed invoice: the buyer 987 uploads it in the name of the supplier 123; ANAF's
///   typo and double space are real);
/// - `Erori de validare identificate la factura primita cu id_incarcare=5001120362`, also
///   `… la factura transmisa …` and `… la factura de tip declarat=AUTOFACTURA, transmisa …`.
///
/// Fields the text does not give are `None`; unknown shapes give an empty `Details`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    /// The upload the message is about (`id_incarcare=`).
    pub upload_index: Option<UploadIndex>,
    /// The supplier's CIF: `cif_emitent=`, or the `in numele cif=` of a self-billed invoice.
    /// As ANAF wrote it (a foreign identifier is possible).
    pub issuer_cif: Option<String>,
    /// The buyer's CIF: `cif_beneficiar=`, or the uploading `transmisa de cif=` of a
    /// self-billed invoice.
    pub beneficiary_cif: Option<String>,
    /// The invoice is self-billed (`autofactura`, however ANAF spells it).
    pub self_billing: bool,
}

/// Reads a `detalii` text. Never fails: what is not recognised is left out.
pub fn parse_details(text: &str) -> Details {
    let self_billing = text.to_lowercase().contains("autofact");
    let upload_index = value_after(text, "id_incarcare=")
        .and_then(|v| leading_digits(v).parse().ok())
        .map(UploadIndex);
    let (issuer_cif, beneficiary_cif) = if self_billing && text.contains("in numele") {
        (
            after_marker(text, "in numele").and_then(|rest| value_after(rest, "cif=")),
            after_marker(text, "transmisa de").and_then(|rest| value_after(rest, "cif=")),
        )
    } else {
        (
            value_after(text, "cif_emitent="),
            value_after(text, "cif_beneficiar="),
        )
    };
    Details {
        upload_index,
        issuer_cif: issuer_cif.map(str::to_owned),
        beneficiary_cif: beneficiary_cif.map(str::to_owned),
        self_billing,
    }
}

/// The text after the first `marker`.
fn after_marker<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    text.find(marker).map(|at| &text[at + marker.len()..])
}

/// The value after the first `key` (which ends with `=`): spaces after `=` skipped, up to the
/// next space or comma. `None` when the key is missing or its value empty.
fn value_after<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let rest = after_marker(text, key)?.trim_start();
    let end = rest
        .find(|c: char| c.is_whitespace() || c == ',')
        .unwrap_or(rest.len());
    let value = &rest[..end];
    (!value.is_empty()).then_some(value)
}

fn leading_digits(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn details(index: u64, issuer: Option<&str>, beneficiary: Option<&str>, sb: bool) -> Details {
        Details {
            upload_index: Some(UploadIndex(index)),
            issuer_cif: issuer.map(str::to_owned),
            beneficiary_cif: beneficiary.map(str::to_owned),
            self_billing: sb,
        }
    }

    #[test]
    fn sent_and_received_invoices_name_both_parties() {
        assert_eq!(
            parse_details(
                "Factura cu id_incarcare=5001131297 emisa de cif_emitent=8000000000 pentru cif_beneficiar=3"
            ),
            details(5_001_131_297, Some("8000000000"), Some("3"), false)
        );
        assert_eq!(
            parse_details(
                "Factura cu id_incarcare=42 emisa de cif_emitent=987654321 pentru cif_beneficiar=123456789"
            ),
            details(42, Some("987654321"), Some("123456789"), false)
        );
    }

    #[test]
    fn self_billed_invoices_with_anafs_typo_and_double_space() {
        assert_eq!(
            parse_details(
                "Factura cu id_incarcare=42 transmisa de cif=123456789  ca autofactutra in numele cif=987654321"
            ),
            details(42, Some("987654321"), Some("123456789"), true)
        );
        // The same, spelled right and with one space.
        assert_eq!(
            parse_details(
                "Factura cu id_incarcare=42 transmisa de cif=1 ca autofactura in numele cif=2"
            ),
            details(42, Some("2"), Some("1"), true)
        );
    }

    #[test]
    fn error_messages_give_the_upload_index() {
        for text in [
            "Erori de validare identificate la factura primita cu id_incarcare=5001120362",
            "Erori de validare identificate la factura transmisa cu id_incarcare=5001120362",
        ] {
            assert_eq!(
                parse_details(text),
                details(5_001_120_362, None, None, false),
                "{text}"
            );
        }
        assert_eq!(
            parse_details(
                "Erori de validare identificate la factura de tip declarat=AUTOFACTURA, transmisa cu id_incarcare=42"
            ),
            details(42, None, None, true)
        );
    }

    #[test]
    fn unknown_shapes_give_what_they_can() {
        assert_eq!(parse_details(""), Details::default());
        assert_eq!(
            parse_details("Mesaj cumparator: plata efectuata"),
            Details::default()
        );
        assert_eq!(
            parse_details("raspuns la id_incarcare= 77, cif_emitent="),
            Details {
                upload_index: Some(UploadIndex(77)),
                ..Details::default()
            }
        );
        assert_eq!(
            parse_details("id_incarcare=abc"),
            Details::default(),
            "a non-numeric index is left out"
        );
    }
}
