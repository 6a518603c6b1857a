//! The parties (BG-4, BG-7, BG-10, BG-11), their addresses and contacts, and delivery (BG-13).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::codes::{bucharest_sector, ro_county, sector_city_code};

/// An identifier with its optional scheme: BT-29/BT-46/BT-60 (ISO 6523 ICD), BT-30/BT-47/
/// BT-61, BT-34/BT-49 electronic addresses (EAS), BT-71, BT-157, BT-18/BT-128.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identifier {
    /// The identifier itself.
    pub id: String,
    /// Its scheme identifier (UBL `schemeID`), e.g. `0088` or `EM`.
    pub scheme: Option<String>,
}

impl Identifier {
    /// An identifier without a scheme.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            scheme: None,
        }
    }

    /// An identifier in `scheme`.
    pub fn with_scheme(id: impl Into<String>, scheme: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            scheme: Some(scheme.into()),
        }
    }
}

/// BT-32 Seller tax registration identifier: a tax id that is not a VAT id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxRegistration {
    /// The identifier (UBL `PartyTaxScheme/CompanyID`).
    pub id: String,
    /// The tax scheme it belongs to (UBL `TaxScheme/ID`, anything but `VAT`, often `FC`);
    /// empty when the document names none.
    pub tax_scheme: String,
}

/// A postal address: BG-5 (seller), BG-8 (buyer), BG-12 (tax representative) or BG-15
/// (deliver to). The BT ids below are the seller's; the others follow the same order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// BT-35 Address line 1 (BT-50, BT-64, BT-75).
    pub street: Option<String>,
    /// BT-36 Address line 2 (BT-51, BT-65, BT-76).
    pub additional_street: Option<String>,
    /// BT-162 Address line 3 (BT-163, BT-164, BT-165).
    pub line3: Option<String>,
    /// BT-37 City (BT-52, BT-66, BT-77); in Bucharest `SECTOR1` … `SECTOR6` (BR-RO-100).
    pub city: Option<String>,
    /// BT-38 Post code (BT-53, BT-67, BT-78).
    pub postal_zone: Option<String>,
    /// BT-39 Country subdivision (BT-54, BT-68, BT-79); in Romania the ISO 3166-2:RO code,
    /// e.g. `RO-CJ` (BR-RO-110).
    pub country_subdivision: Option<String>,
    /// BT-40 Country code (BT-55, BT-69, BT-80), ISO 3166-1 alpha-2.
    pub country_code: String,
}

impl Address {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        self.street.is_none()
            && self.additional_street.is_none()
            && self.line3.is_none()
            && self.city.is_none()
            && self.postal_zone.is_none()
            && self.country_subdivision.is_none()
            && self.country_code.is_empty()
    }

    /// Puts a Romanian address in the form CIUS-RO wants: the county as its ISO 3166-2:RO
    /// code (`Cluj` → `RO-CJ`, BR-RO-110) and, in Bucharest, the city as `SECTOR1` …
    /// `SECTOR6` (BR-RO-100), the sector taken from the city or the street lines.
    ///
    /// Does nothing outside Romania. Never guesses: a county or sector it cannot recognise
    /// is left as it is, and the validator reports it. Returns whether the address now has
    /// both a known county and, in Bucharest, a sector.
    pub fn normalize_romanian(&mut self) -> bool {
        if !self.country_code.eq_ignore_ascii_case("RO") {
            return true;
        }
        let county = self.country_subdivision.as_deref().and_then(ro_county);
        let Some(county) = county else {
            return false;
        };
        self.country_subdivision = Some(county.iso.to_owned());
        if county.code != "B" {
            return true;
        }
        let sector = [
            &self.city,
            &self.street,
            &self.additional_street,
            &self.line3,
        ]
        .into_iter()
        .flatten()
        .find_map(|text| bucharest_sector(text))
        .and_then(sector_city_code);
        match sector {
            Some(code) => {
                self.city = Some(code.to_owned());
                true
            }
            None => false,
        }
    }
}

/// BG-6 Seller contact or BG-9 Buyer contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// BT-41 Seller contact point (BT-56).
    pub name: Option<String>,
    /// BT-42 Seller contact telephone number (BT-57).
    pub telephone: Option<String>,
    /// BT-43 Seller contact email address (BT-58).
    pub email: Option<String>,
}

impl Contact {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.telephone.is_none() && self.email.is_none()
    }
}

/// BG-4 Seller.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seller {
    /// BT-27 Seller name.
    pub name: String,
    /// BT-28 Seller trading name.
    pub trading_name: Option<String>,
    /// BT-29 Seller identifiers, with scheme (BT-29-1).
    pub identifiers: Vec<Identifier>,
    /// BT-30 Seller legal registration identifier, with scheme (BT-30-1).
    pub legal_registration_id: Option<Identifier>,
    /// BT-31 Seller VAT identifier, with its country prefix (`RO12345678`).
    pub vat_id: Option<String>,
    /// BT-32 Seller tax registration identifier.
    pub tax_registration: Option<TaxRegistration>,
    /// BT-33 Seller additional legal information.
    pub additional_legal_info: Option<String>,
    /// BT-34 Seller electronic address, with scheme (BT-34-1).
    pub electronic_address: Option<Identifier>,
    /// BG-5 Seller postal address.
    pub address: Address,
    /// BG-6 Seller contact.
    pub contact: Option<Contact>,
}

/// BG-7 Buyer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Buyer {
    /// BT-44 Buyer name.
    pub name: String,
    /// BT-45 Buyer trading name.
    pub trading_name: Option<String>,
    /// BT-46 Buyer identifier, with scheme (BT-46-1).
    pub identifier: Option<Identifier>,
    /// BT-47 Buyer legal registration identifier, with scheme (BT-47-1).
    pub legal_registration_id: Option<Identifier>,
    /// BT-48 Buyer VAT identifier.
    pub vat_id: Option<String>,
    /// BT-49 Buyer electronic address, with scheme (BT-49-1).
    pub electronic_address: Option<Identifier>,
    /// BG-8 Buyer postal address.
    pub address: Address,
    /// BG-9 Buyer contact.
    pub contact: Option<Contact>,
}

/// BG-10 Payee.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payee {
    /// BT-59 Payee name.
    pub name: String,
    /// BT-60 Payee identifier, with scheme (BT-60-1).
    pub identifier: Option<Identifier>,
    /// BT-61 Payee legal registration identifier, with scheme (BT-61-1).
    pub legal_registration_id: Option<Identifier>,
}

/// BG-11 Seller tax representative party.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxRepresentative {
    /// BT-62 Seller tax representative name.
    pub name: String,
    /// BT-63 Seller tax representative VAT identifier.
    pub vat_id: String,
    /// BG-12 Seller tax representative postal address.
    pub address: Address,
}

/// BG-13 Delivery information.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    /// BT-70 Deliver to party name.
    pub party_name: Option<String>,
    /// BT-71 Deliver to location identifier, with scheme (BT-71-1).
    pub location_id: Option<Identifier>,
    /// BT-72 Actual delivery date.
    #[serde(with = "super::iso_date::option", default)]
    pub actual_date: Option<Date>,
    /// BG-15 Deliver to address.
    pub address: Option<Address>,
}

impl Delivery {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        self.party_name.is_none()
            && self.location_id.is_none()
            && self.actual_date.is_none()
            && self.address.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn ro(city: &str, county: &str) -> Address {
        Address {
            street: Some("Str. Lungă 3".into()),
            city: Some(city.into()),
            country_subdivision: Some(county.into()),
            country_code: "RO".into(),
            ..Address::default()
        }
    }

    #[test]
    fn romanian_county_becomes_its_iso_code() {
        let mut a = ro("Cluj-Napoca", "Cluj");
        assert!(a.normalize_romanian());
        assert_eq!(a.country_subdivision.as_deref(), Some("RO-CJ"));
        assert_eq!(a.city.as_deref(), Some("Cluj-Napoca"));
    }

    #[test]
    fn bucharest_city_becomes_its_sector() {
        let mut a = ro("București, Sector 3", "Municipiul București");
        assert!(a.normalize_romanian());
        assert_eq!(a.country_subdivision.as_deref(), Some("RO-B"));
        assert_eq!(a.city.as_deref(), Some("SECTOR3"));
    }

    #[test]
    fn bucharest_without_a_sector_is_not_guessed() {
        let mut a = ro("București", "B");
        assert!(!a.normalize_romanian());
        assert_eq!(a.city.as_deref(), Some("București"));
        let mut unknown = ro("Oraș", "Atlantida");
        assert!(!unknown.normalize_romanian());
        assert_eq!(unknown.country_subdivision.as_deref(), Some("Atlantida"));
    }

    #[test]
    fn foreign_addresses_are_left_alone() {
        let mut a = ro("Wien", "Wien");
        a.country_code = "AT".into();
        assert!(a.normalize_romanian());
        assert_eq!(a.country_subdivision.as_deref(), Some("Wien"));
    }
}
