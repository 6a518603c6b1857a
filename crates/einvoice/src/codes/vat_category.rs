//! VAT category codes (UNCL 5305, the subset EN 16931 uses for BT-95, BT-102, BT-118, BT-151).

use std::fmt;
use std::str::FromStr;

/// A VAT category (UNCL 5305) as EN 16931 uses it: BT-118 in the VAT
/// breakdown, BT-151 on a line, BT-95/BT-102 on a document allowance/charge.
///
/// Serialized as its code (`"S"`, `"AE"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum VatCategory {
    /// Standard rate.
    S,
    /// Zero rated goods.
    Z,
    /// Exempt from tax.
    E,
    /// VAT reverse charge.
    AE,
    /// VAT exempt for EEA intra-community supply of goods and services.
    K,
    /// Free export item, tax not charged.
    G,
    /// Services outside scope of tax.
    O,
    /// Canary Islands general indirect tax (IGIC).
    L,
    /// Tax for production, services and importation in Ceuta and Melilla (IPSI).
    M,
}

/// The error of [`VatCategory::from_str`]: the text is no VAT category code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown VAT category '{0}' (expected one of S, Z, E, AE, K, G, O, L, M)")]
pub struct UnknownVatCategory(pub String);

impl VatCategory {
    /// Every category, in the order of the enum.
    pub const ALL: [VatCategory; 9] = [
        Self::S,
        Self::Z,
        Self::E,
        Self::AE,
        Self::K,
        Self::G,
        Self::O,
        Self::L,
        Self::M,
    ];

    /// The UNCL 5305 code, e.g. `"AE"`.
    pub fn code(self) -> &'static str {
        match self {
            Self::S => "S",
            Self::Z => "Z",
            Self::E => "E",
            Self::AE => "AE",
            Self::K => "K",
            Self::G => "G",
            Self::O => "O",
            Self::L => "L",
            Self::M => "M",
        }
    }

    /// The category of a code, ignoring ASCII case and surrounding spaces.
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        Self::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }

    /// Whether the category's rate must be 0 (BR-Z-05, BR-E-05, BR-AE-05,
    /// BR-IC-05, BR-G-05, BR-O-05): Z, E, AE, K, G and O.
    pub fn requires_zero_rate(self) -> bool {
        matches!(
            self,
            Self::Z | Self::E | Self::AE | Self::K | Self::G | Self::O
        )
    }

    /// The English name of UNCL 5305.
    pub fn name_en(self) -> &'static str {
        match self {
            Self::S => "Standard rate",
            Self::Z => "Zero rated goods",
            Self::E => "Exempt from tax",
            Self::AE => "VAT Reverse Charge",
            Self::K => "VAT exempt for EEA intra-community supply of goods and services",
            Self::G => "Free export item, tax not charged",
            Self::O => "Services outside scope of tax",
            Self::L => "Canary Islands general indirect tax",
            Self::M => "Tax for production, services and importation in Ceuta and Melilla",
        }
    }

    /// The Romanian name, as printed on an invoice.
    pub fn name_ro(self) -> &'static str {
        match self {
            Self::S => "Cota standard",
            Self::Z => "Cota zero",
            Self::E => "Scutit de TVA",
            Self::AE => "Taxare inversă",
            Self::K => "Scutit – livrare intracomunitară",
            Self::G => "Export, scutit de TVA",
            Self::O => "Neimpozabil (în afara sferei TVA)",
            Self::L => "Impozit general indirect din Insulele Canare (IGIC)",
            Self::M => "Impozit din Ceuta și Melilla (IPSI)",
        }
    }
}

impl fmt::Display for VatCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for VatCategory {
    type Err = UnknownVatCategory;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_code(s).ok_or_else(|| UnknownVatCategory(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check::assert_unique;
    use pretty_assertions::assert_eq;

    #[test]
    fn codes_round_trip_and_ignore_case() {
        for c in VatCategory::ALL {
            assert_eq!(VatCategory::from_code(c.code()), Some(c));
            assert_eq!(c.to_string().parse::<VatCategory>(), Ok(c));
        }
        assert_eq!(VatCategory::from_code("ae"), Some(VatCategory::AE));
        assert_eq!(VatCategory::from_code(" s "), Some(VatCategory::S));
        assert_eq!(VatCategory::from_code("B"), None);
        assert_eq!(VatCategory::from_code(""), None);
        assert_unique(VatCategory::ALL.map(VatCategory::code));
    }

    #[test]
    fn zero_rate_categories() {
        let zero: Vec<_> = VatCategory::ALL
            .into_iter()
            .filter(|c| c.requires_zero_rate())
            .map(VatCategory::code)
            .collect();
        assert_eq!(zero, ["Z", "E", "AE", "K", "G", "O"]);
    }

    #[test]
    fn serializes_as_the_code() {
        // serde_json is not a dependency: check through serde's own value types.
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};
        let de: StrDeserializer<'_, Error> = "AE".into_deserializer();
        assert_eq!(VatCategory::deserialize(de), Ok(VatCategory::AE));
        assert_eq!(VatCategory::K.name_en().is_empty(), false);
        assert_eq!(VatCategory::AE.name_ro(), "Taxare inversă");
    }

    #[test]
    fn unknown_category_error_names_the_input() {
        assert_eq!(
            "X".parse::<VatCategory>().unwrap_err().to_string(),
            "unknown VAT category 'X' (expected one of S, Z, E, AE, K, G, O, L, M)"
        );
    }
}
