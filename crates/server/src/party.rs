//! Normalising party data as users type it: countries, Romanian counties (ISO 3166-2:RO),
//! Bucharest sectors, IBANs. CIUS-RO wants `RO-CJ` and `SECTOR3`; we store `CJ`/`SECTOR3` and
//! refuse what cannot be mapped instead of guessing (the incumbent silently picks SECTOR1,
//! lessons.md §7.1 #8).

use crate::api::error::FieldError;

/// An address as entered, and as stored after [`normalize`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    pub address: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    pub country: String,
    pub postal_code: Option<String>,
}

/// The field names an address uses in a request (companies say `state`, clients `county`).
#[derive(Debug, Clone, Copy)]
pub struct AddressKeys {
    pub county: &'static str,
}

/// Normalises `a` in place or says which fields are wrong.
pub fn normalize(a: &mut Address, keys: AddressKeys, errors: &mut Vec<FieldError>) {
    a.country = a.country.trim().to_ascii_uppercase();
    if einvoice::codes::country(&a.country).is_none() {
        errors.push(FieldError::new(
            "country",
            format!("'{}' is not an ISO 3166-1 country code.", a.country),
        ));
        return;
    }
    a.address = clean(a.address.take());
    a.city = clean(a.city.take());
    a.county = clean(a.county.take());
    a.postal_code = clean(a.postal_code.take());
    if a.country != "RO" {
        return;
    }
    let Some(county) = a.county.as_deref() else {
        return;
    };
    let Some(found) = einvoice::codes::ro_county(county) else {
        errors.push(FieldError::new(
            keys.county,
            format!(
                "'{county}' is not a Romanian county (use a code such as CJ or B, or the name)."
            ),
        ));
        return;
    };
    a.county = Some(found.code.to_owned());
    if found.code == "B" {
        let sector = a
            .city
            .as_deref()
            .and_then(einvoice::codes::bucharest_sector)
            .or_else(|| {
                a.address
                    .as_deref()
                    .and_then(einvoice::codes::bucharest_sector)
            });
        match sector.and_then(einvoice::codes::sector_city_code) {
            Some(code) => a.city = Some(code.to_owned()),
            None => errors.push(FieldError::new(
                "city",
                "For Bucharest, the city must name the sector (Sector 1 to 6).",
            )),
        }
    }
}

/// The address ANAF's registry gives for a company (tax-apis.md §3.1 mapping): the street and
/// number when it has them, else its one-line address; the county as its code when known.
pub fn registry_address(r: &anaf::registry::CompanyRecord) -> Address {
    let street = [
        r.street.clone(),
        r.street_number.as_deref().map(|n| format!("nr. {n}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    Address {
        address: if street.is_empty() {
            r.address.clone()
        } else {
            Some(street)
        },
        city: r.city.clone(),
        county: r.county_code.clone().or_else(|| r.county_name.clone()),
        country: "RO".into(),
        postal_code: r.postal_code.clone(),
    }
}

/// A valid IBAN in its compact form, or the reason it is not one.
pub fn iban(text: &str) -> Result<String, String> {
    text.parse::<einvoice::ids::Iban>()
        .map(|i| i.as_str().to_owned())
        .map_err(|e| e.to_string())
}

/// Trims, and turns empty strings into `None`.
pub fn clean(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(county: &str, city: &str) -> (Address, Vec<FieldError>) {
        let mut a = Address {
            city: Some(city.into()),
            county: Some(county.into()),
            country: "ro".into(),
            ..Address::default()
        };
        let mut errors = Vec::new();
        normalize(&mut a, AddressKeys { county: "county" }, &mut errors);
        (a, errors)
    }

    #[test]
    fn counties_map_to_iso_codes_and_bucharest_to_sectors() {
        let (a, e) = run("Argeș", "Pitești");
        assert!(e.is_empty());
        assert_eq!(
            (a.county.as_deref(), a.country.as_str()),
            (Some("AG"), "RO")
        );
        let (a, _) = run("Municipiul București", "Sector 3");
        assert_eq!(
            (a.county.as_deref(), a.city.as_deref()),
            (Some("B"), Some("SECTOR3"))
        );
    }

    #[test]
    fn unknown_counties_and_sectorless_bucharest_are_refused() {
        assert_eq!(run("Atlantis", "X").1[0].key, "county");
        assert_eq!(run("B", "Bucuresti").1[0].key, "city");
    }
}
