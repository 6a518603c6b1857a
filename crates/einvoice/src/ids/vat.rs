//! EU VAT number prefixes (BT-31, BT-48), to tell a client's country from its VAT number.

/// The VAT number prefixes of the EU member states, plus `XI` (Northern
/// Ireland). Greece uses `EL`, not its ISO code `GR`.
pub const EU_VAT_PREFIXES: [&str; 28] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
];

/// Splits an EU VAT number into its country and the rest:
/// `"IT 01484170514"` → `("IT", "01484170514")`.
///
/// The country is the EN 16931 country code (BT-40/BT-55) of the prefix:
/// `EL` gives `GR`, `XI` stays `XI` (the EN 16931 code for Northern Ireland;
/// map it to `GB` if you need ISO 3166-1). Case, spaces, dots and hyphens are
/// ignored; the rest is upper-cased and must be 2–12 letters or digits with
/// at least one digit, so a word such as `"Italia"` is not taken for a VAT
/// number. The rest's own format is not checked.
pub fn split_vat_prefix(s: &str) -> Option<(&'static str, String)> {
    let compact: String = s
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '.' | '-')))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let prefix = compact.get(..2)?;
    let country = EU_VAT_PREFIXES.iter().find(|p| **p == prefix)?;
    let rest = &compact[2..];
    let valid_rest = (2..=12).contains(&rest.len())
        && rest.chars().all(|c| c.is_ascii_alphanumeric())
        && rest.chars().any(|c| c.is_ascii_digit());
    if !valid_rest {
        return None;
    }
    let country = if *country == "EL" { "GR" } else { country };
    Some((country, rest.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check::assert_unique;
    use pretty_assertions::assert_eq;

    fn split(s: &str) -> Option<(&'static str, String)> {
        split_vat_prefix(s)
    }

    #[test]
    fn splits_eu_vat_numbers() {
        assert_eq!(
            split("IT01484170514"),
            Some(("IT", "01484170514".to_owned()))
        );
        assert_eq!(split("ro 185 472 90"), Some(("RO", "18547290".to_owned())));
        assert_eq!(split("EL094014201"), Some(("GR", "094014201".to_owned())));
        assert_eq!(split("XI123456789"), Some(("XI", "123456789".to_owned())));
        assert_eq!(split("ATU13585627"), Some(("AT", "U13585627".to_owned())));
        assert_eq!(
            split("NL.8047.59.128.B01"),
            Some(("NL", "804759128B01".to_owned()))
        );
        assert_eq!(split("DE-129273398"), Some(("DE", "129273398".to_owned())));
    }

    #[test]
    fn refuses_non_eu_and_non_vat_texts() {
        for input in [
            "GB123456789",
            "GR094014201",
            "CHE123456789",
            "Italia",
            "RO",
            "R",
            "",
            "ROMANIA SRL",
            "DE1234567890123",
        ] {
            assert_eq!(split(input), None, "{input}");
        }
    }

    #[test]
    fn prefixes_are_unique() {
        assert_unique(EU_VAT_PREFIXES);
    }
}
