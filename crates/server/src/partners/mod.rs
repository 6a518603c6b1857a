//! Clients and suppliers, the company's trading partners: the operations the API calls (and the
//! ANAF sync and imports will), and the checks both share: tax codes, addresses, e-mail, IBAN.

pub mod clients;
pub mod suppliers;

use anaf::registry::CompanyRecord;
use axum::http::StatusCode;
use einvoice::ids::{Cif, split_vat_prefix};
use time::OffsetDateTime;

use crate::api::error::{ApiError, FieldError};
use crate::party::{self, Address, AddressKeys};
use crate::registry::RegistryError;
use crate::state::AppState;

/// What a tax code as typed says about its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
enum TaxCode {
    /// A Romanian CUI with a valid check digit; `vat_prefixed` when typed as `RO…`, which only a
    /// VAT payer's code is.
    Romanian { cif: Cif, vat_prefixed: bool },
    /// The VAT number of another EU member state (`IT01484170514`).
    EuVat {
        country: &'static str,
        vat_code: String,
        number: String,
    },
    /// Any other tax id, as typed.
    Other(String),
}

/// Reads a tax code typed for a party of `country` (`fixed` when the request named it). A
/// Romanian code must have a valid check digit when `strict`; an EU VAT prefix must match a
/// fixed country.
fn read_tax_code(text: &str, country: &str, fixed: bool, strict: bool) -> Result<TaxCode, String> {
    let mismatch =
        |prefix: &str| format!("The VAT prefix {prefix} does not match the country {country}.");
    if let Some((prefix_country, number)) = split_vat_prefix(text) {
        if fixed && prefix_country != country {
            return Err(mismatch(prefix_country));
        }
        if prefix_country == "RO" {
            let cif = text.parse::<Cif>().map_err(|e| e.to_string())?;
            return Ok(TaxCode::Romanian {
                cif,
                vat_prefixed: true,
            });
        }
        let prefix = text
            .trim()
            .get(..2)
            .unwrap_or_default()
            .to_ascii_uppercase();
        return Ok(TaxCode::EuVat {
            country: prefix_country,
            vat_code: format!("{prefix}{number}"),
            number,
        });
    }
    if country != "RO" {
        return Ok(TaxCode::Other(text.to_owned()));
    }
    match text.parse::<Cif>() {
        Ok(cif) => Ok(TaxCode::Romanian {
            cif,
            vat_prefixed: false,
        }),
        Err(e) if strict => Err(e.to_string()),
        Err(_) => Ok(TaxCode::Other(text.to_owned())),
    }
}

/// Which of the fields a tax code may fill the request gave itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Given {
    pub country: bool,
    pub vat_payer: bool,
    pub vat_code: bool,
}

/// The tax fields of a client or supplier.
#[derive(Debug)]
pub struct TaxFields<'a> {
    /// The CUI/CIF as stored: digits without `RO`, or a foreign id without its VAT prefix.
    pub code: &'a mut Option<String>,
    pub country: &'a mut String,
    pub vat_code: &'a mut Option<String>,
    pub is_vat_payer: &'a mut bool,
}

/// Sets the tax code from what was typed (api.md §6.1): `RO…` marks a VAT payer, an EU prefix
/// (`IT0148…`) fills the VAT code and the country, unless the request gave them.
pub fn set_tax_code(
    f: TaxFields<'_>,
    text: Option<String>,
    given: Given,
    strict: bool,
    key: &'static str,
    errors: &mut Vec<FieldError>,
) {
    let TaxFields {
        code,
        country,
        vat_code: vat,
        is_vat_payer,
    } = f;
    let Some(text) = party::clean(text) else {
        *code = None;
        return;
    };
    match read_tax_code(&text, country, given.country, strict) {
        Err(message) => {
            errors.push(FieldError::new(key, message));
            *code = Some(text);
        }
        Ok(TaxCode::Romanian { cif, vat_prefixed }) => {
            *code = Some(cif.to_string());
            "RO".clone_into(country);
            if vat_prefixed && !given.vat_payer {
                *is_vat_payer = true;
            }
            if vat_prefixed && !given.vat_code {
                *vat = Some(cif.with_ro_prefix());
            }
        }
        Ok(TaxCode::EuVat {
            country: prefix_country,
            vat_code,
            number,
        }) => {
            *code = Some(number);
            prefix_country.clone_into(country);
            if !given.vat_code {
                *vat = Some(vat_code);
            }
            if !given.vat_payer {
                *is_vat_payer = true;
            }
        }
        Ok(TaxCode::Other(text)) => *code = Some(text),
    }
}

/// Checks the stored tax fields of a Romanian party (a country or type change may make them
/// wrong) and gives a Romanian VAT payer its `RO…` VAT code.
pub fn check_tax_fields(
    f: TaxFields<'_>,
    strict: bool,
    key: &'static str,
    errors: &mut Vec<FieldError>,
) {
    let TaxFields {
        code,
        country,
        vat_code,
        is_vat_payer,
    } = f;
    *vat_code = vat_code
        .take()
        .map(|v| {
            v.split_whitespace()
                .collect::<String>()
                .to_ascii_uppercase()
        })
        .filter(|v| !v.is_empty());
    if country != "RO" {
        return;
    }
    let Some(code) = code.as_deref() else {
        return;
    };
    match code.parse::<Cif>() {
        Ok(cif) if *is_vat_payer && vat_code.is_none() => {
            *vat_code = Some(cif.with_ro_prefix());
        }
        Err(e) if strict && !errors.iter().any(|x| x.key == key) => {
            errors.push(FieldError::new(key, e.to_string()));
        }
        _ => {}
    }
}

/// The address fields of a client or supplier.
#[derive(Debug)]
pub struct AddressFields<'a> {
    pub address: &'a mut Option<String>,
    pub city: &'a mut Option<String>,
    pub county: &'a mut Option<String>,
    pub country: &'a mut String,
    pub postal_code: &'a mut Option<String>,
}

/// Normalises an address in place (counties, Bucharest sectors; key `county`).
pub fn normalize_address(f: AddressFields<'_>, errors: &mut Vec<FieldError>) {
    let AddressFields {
        address,
        city,
        county,
        country,
        postal_code,
    } = f;
    let mut a = Address {
        address: address.take(),
        city: city.take(),
        county: county.take(),
        country: std::mem::take(country),
        postal_code: postal_code.take(),
    };
    party::normalize(&mut a, AddressKeys { county: "county" }, errors);
    (*address, *city, *county, *country, *postal_code) =
        (a.address, a.city, a.county, a.country, a.postal_code);
}

/// Trims an e-mail address and checks its shape.
pub fn check_email(email: &mut Option<String>, errors: &mut Vec<FieldError>) {
    *email = party::clean(email.take());
    if let Some(e) = email.as_deref()
        && !crate::auth::session::is_plausible_email(e)
    {
        errors.push(FieldError::new(
            "email",
            format!("'{e}' is not an e-mail address."),
        ));
    }
}

/// Turns a bank account into a compact IBAN, or says why it is not one.
pub fn check_iban(account: &mut Option<String>, errors: &mut Vec<FieldError>) {
    *account = party::clean(account.take());
    if let Some(text) = account.as_deref() {
        match party::iban(text) {
            Ok(iban) => *account = Some(iban),
            Err(reason) => errors.push(FieldError::new("bankAccount", reason)),
        }
    }
}

/// Trims each text; empty ones become `None`.
pub fn clean_all(fields: &mut [&mut Option<String>]) {
    for f in fields {
        **f = party::clean(f.take());
    }
}

/// Applies a change: `None` leaves the field, `Some(v)` sets it.
pub fn set<T>(field: &mut T, change: Option<T>) {
    if let Some(v) = change {
        *field = v;
    }
}

/// The contract's 422 when there are field errors.
pub fn fields_ok(errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Fields(StatusCode::UNPROCESSABLE_ENTITY, errors))
    }
}

/// What ANAF's registry says about a CIF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(Box<CompanyRecord>),
    Unknown,
    /// The registry did not answer (nor had we a cached answer).
    Unavailable,
}

pub async fn lookup(state: &AppState, cif: Cif, now: OffsetDateTime) -> Result<Lookup, ApiError> {
    match state.registry.lookup(&state.db, cif.value(), now).await {
        Ok(Some(record)) => Ok(Lookup::Found(Box::new(record))),
        Ok(None) => Ok(Lookup::Unknown),
        Err(RegistryError::Unavailable(e)) => {
            tracing::warn!(cif = cif.value(), error = %e, "ANAF registry lookup failed");
            Ok(Lookup::Unavailable)
        }
        Err(RegistryError::Database(e)) => Err(e.into()),
    }
}

/// The registry's answer as the API gives it: 404 unknown, 503 unavailable.
pub fn found(lookup: Lookup) -> Result<CompanyRecord, ApiError> {
    match lookup {
        Lookup::Found(record) => Ok(*record),
        Lookup::Unknown => Err(ApiError::NotFound("Company not found at ANAF.")),
        Lookup::Unavailable => Err(ApiError::Unavailable(
            "ANAF's company registry is unavailable; try again later or enter the details.".into(),
        )),
    }
}

/// How many ids a bulk delete takes (api.md §6).
pub const BULK_MAX: usize = 100;

/// The outcome of a bulk delete: how many went, and why the others did not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkDeleted {
    pub deleted: usize,
    pub errors: Vec<(String, &'static str)>,
}

/// Refuses an empty or too long id list.
pub fn check_bulk(ids: &[String]) -> Result<(), ApiError> {
    if ids.is_empty() || ids.len() > BULK_MAX {
        return Err(ApiError::bad_request(format!(
            "Between 1 and {BULK_MAX} ids are required."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, country: &str, fixed: bool) -> Result<TaxCode, String> {
        read_tax_code(text, country, fixed, true)
    }

    #[test]
    fn tax_codes_tell_their_country() {
        assert_eq!(
            read("RO18547290", "RO", false),
            Ok(TaxCode::Romanian {
                cif: "18547290".parse().unwrap(),
                vat_prefixed: true
            })
        );
        assert_eq!(
            read("IT 01484170514", "RO", false),
            Ok(TaxCode::EuVat {
                country: "IT",
                vat_code: "IT01484170514".into(),
                number: "01484170514".into()
            })
        );
        assert!(
            matches!(read("EL094014201", "RO", false), Ok(TaxCode::EuVat { country: "GR", ref vat_code, .. }) if vat_code == "EL094014201")
        );
        assert_eq!(
            read("12345", "US", true),
            Ok(TaxCode::Other("12345".into()))
        );
    }

    #[test]
    fn romanian_codes_need_their_check_digit_and_prefixes_their_country() {
        assert!(
            read("18547291", "RO", false)
                .unwrap_err()
                .contains("bad check digit")
        );
        assert!(
            read("IT01484170514", "RO", true)
                .unwrap_err()
                .contains("does not match")
        );
        assert_eq!(
            read_tax_code("123", "RO", false, false),
            Ok(TaxCode::Other("123".into()))
        );
    }
}
