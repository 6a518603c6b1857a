//! What a client request may change, and how a client is checked and completed (api.md
//! §6.1): tax codes, addresses, the registry's data.

use anaf::registry::CompanyRecord;
use einvoice::ids::{Cif, Cnp};
use time::OffsetDateTime;

use crate::api::error::FieldError;
use crate::api::json::Patch;
use crate::ids::{ClientId, CompanyId};
use crate::partners::{self, AddressFields, Given, TaxFields};
use crate::party;
use crate::store::Ts;
use crate::store::clients::ClientRow;

pub const COMPANY: &str = "company";
const INDIVIDUAL: &str = "individual";

/// Fields a request may set (api.md §6.1); absent fields stay as they are,
/// `null` clears one.
#[derive(Debug, Clone, Default)]
pub struct ClientChanges {
    pub kind: Option<String>,
    pub name: Option<String>,
    /// As typed: `RO18547290`, `18547290`, `IT01484170514`, or `-` for none.
    pub cui: Patch<String>,
    pub cnp: Patch<String>,
    pub vat_code: Patch<String>,
    pub is_vat_payer: Option<bool>,
    pub registration_number: Patch<String>,
    pub address: Patch<String>,
    pub city: Patch<String>,
    pub county: Patch<String>,
    pub country: Option<String>,
    pub postal_code: Patch<String>,
    pub email: Patch<String>,
    pub phone: Patch<String>,
    pub bank_name: Patch<String>,
    pub bank_account: Patch<String>,
    pub default_payment_term_days: Patch<i32>,
    pub contact_person: Patch<String>,
    pub notes: Patch<String>,
    pub id_number: Patch<String>,
    pub currency: Patch<String>,
    pub client_code: Patch<String>,
}

pub(super) fn blank(company: CompanyId, now: OffsetDateTime) -> ClientRow {
    ClientRow {
        id: ClientId::new(),
        company_id: company,
        kind: COMPANY.into(),
        name: String::new(),
        cui: None,
        cnp: None,
        vat_code: None,
        is_vat_payer: false,
        registration_number: None,
        address: None,
        city: None,
        county: None,
        country: "RO".into(),
        postal_code: None,
        email: None,
        phone: None,
        bank_name: None,
        bank_account: None,
        default_payment_term_days: None,
        contact_person: None,
        notes: None,
        id_number: None,
        currency: None,
        client_code: None,
        source: "manual".into(),
        deleted_at: None,
        created_at: Ts(now),
        updated_at: Ts(now),
    }
}

/// The CIF to look up: a Romanian company's valid CUI.
pub(super) fn registry_cif(c: &ClientRow) -> Option<Cif> {
    if c.country != "RO" || c.kind != COMPANY {
        return None;
    }
    c.cui.as_deref()?.parse().ok()
}

/// Sets what the request gave; the tax code fills country and VAT fields it left out.
pub(super) fn assign(c: &mut ClientRow, ch: ClientChanges, errors: &mut Vec<FieldError>) -> Given {
    let given = Given {
        country: ch.country.is_some(),
        vat_payer: ch.is_vat_payer.is_some(),
        vat_code: !ch.vat_code.is_absent(),
    };
    let kind_given = ch.kind.is_some();
    partners::set(&mut c.kind, ch.kind.map(|k| k.trim().to_ascii_lowercase()));
    partners::set(&mut c.name, ch.name);
    partners::set(
        &mut c.country,
        ch.country.map(|k| k.trim().to_ascii_uppercase()),
    );
    if let Some(v) = ch.is_vat_payer {
        c.is_vat_payer = v;
        if !v && !given.vat_code {
            c.vat_code = None;
        }
    }
    ch.vat_code.apply_to(&mut c.vat_code);
    let cui = if ch.cui.is_absent() {
        None
    } else {
        Some(party::clean(ch.cui.apply(None)))
    };
    match cui {
        Some(Some(dash)) if dash == "-" => {
            c.cui = None;
            if !kind_given {
                c.kind = INDIVIDUAL.into();
            }
        }
        Some(text) => {
            let strict = c.kind == COMPANY;
            let fields = TaxFields {
                code: &mut c.cui,
                country: &mut c.country,
                vat_code: &mut c.vat_code,
                is_vat_payer: &mut c.is_vat_payer,
            };
            partners::set_tax_code(fields, text, given, strict, "cui", errors);
        }
        None => {}
    }
    ch.cnp.apply_to(&mut c.cnp);
    ch.registration_number.apply_to(&mut c.registration_number);
    ch.address.apply_to(&mut c.address);
    ch.city.apply_to(&mut c.city);
    ch.county.apply_to(&mut c.county);
    ch.postal_code.apply_to(&mut c.postal_code);
    ch.email.apply_to(&mut c.email);
    ch.phone.apply_to(&mut c.phone);
    ch.bank_name.apply_to(&mut c.bank_name);
    ch.bank_account.apply_to(&mut c.bank_account);
    ch.default_payment_term_days
        .apply_to(&mut c.default_payment_term_days);
    ch.contact_person.apply_to(&mut c.contact_person);
    ch.notes.apply_to(&mut c.notes);
    ch.id_number.apply_to(&mut c.id_number);
    ch.currency.apply_to(&mut c.currency);
    ch.client_code.apply_to(&mut c.client_code);
    given
}

/// Fills what the request left out from the registry's record.
pub(super) fn enrich(c: &mut ClientRow, r: &CompanyRecord, given: Given) {
    fn fill(field: &mut Option<String>, value: Option<String>) {
        if party::clean(field.clone()).is_none() {
            *field = value;
        }
    }
    if c.name.trim().is_empty() {
        c.name.clone_from(&r.name);
    }
    let a = party::registry_address(r);
    fill(&mut c.registration_number, r.registration_number.clone());
    fill(&mut c.address, a.address);
    fill(&mut c.city, a.city);
    fill(&mut c.county, a.county);
    fill(&mut c.postal_code, a.postal_code);
    fill(&mut c.phone, r.phone.clone());
    if !given.vat_payer {
        c.is_vat_payer = r.vat_payer;
    }
    if !given.vat_code {
        c.vat_code = c.is_vat_payer.then(|| format!("RO{}", r.cif));
    }
}

/// Validates and normalises the whole client (api.md §6.1).
pub(super) fn check(c: &mut ClientRow, errors: &mut Vec<FieldError>) {
    c.name = c.name.trim().to_owned();
    if c.name.is_empty() || c.name.chars().count() > 255 {
        errors.push(FieldError::new(
            "name",
            "The name is required (at most 255 characters).",
        ));
    }
    if c.kind != COMPANY && c.kind != INDIVIDUAL {
        errors.push(FieldError::new(
            "type",
            "The type is company or individual.",
        ));
    }
    partners::check_tax_fields(
        TaxFields {
            code: &mut c.cui,
            country: &mut c.country,
            vat_code: &mut c.vat_code,
            is_vat_payer: &mut c.is_vat_payer,
        },
        c.kind == COMPANY,
        "cui",
        errors,
    );
    c.cnp = party::clean(c.cnp.take());
    if let Some(text) = c.cnp.as_deref() {
        match text.parse::<Cnp>() {
            Ok(cnp) => c.cnp = Some(cnp.as_str().to_owned()),
            Err(e) => errors.push(FieldError::new("cnp", e.to_string())),
        }
    }
    check_address(c, errors);
    c.currency = party::clean(c.currency.take()).map(|s| s.to_ascii_uppercase());
    if let Some(cur) = c.currency.as_deref()
        && einvoice::codes::currency(cur).is_none()
    {
        errors.push(FieldError::new(
            "currency",
            format!("'{cur}' is not an ISO 4217 currency."),
        ));
    }
    partners::check_email(&mut c.email, errors);
    partners::check_iban(&mut c.bank_account, errors);
    if c.default_payment_term_days
        .is_some_and(|d| !(0..=365).contains(&d))
    {
        errors.push(FieldError::new(
            "defaultPaymentTermDays",
            "Between 0 and 365 days.",
        ));
    }
    partners::clean_all(&mut [
        &mut c.registration_number,
        &mut c.phone,
        &mut c.bank_name,
        &mut c.contact_person,
        &mut c.notes,
        &mut c.id_number,
        &mut c.client_code,
    ]);
}

/// Normalises the address; a client outside Romania or without a CUI needs one (with the
/// county in Romania), since nothing else identifies it on an invoice (api.md §6.1).
fn check_address(c: &mut ClientRow, errors: &mut Vec<FieldError>) {
    let before = errors.len();
    partners::normalize_address(
        AddressFields {
            address: &mut c.address,
            city: &mut c.city,
            county: &mut c.county,
            country: &mut c.country,
            postal_code: &mut c.postal_code,
        },
        errors,
    );
    if errors.len() > before || (c.country == "RO" && c.cui.is_some()) {
        return;
    }
    let required = [
        ("address", c.address.is_none()),
        ("city", c.city.is_none()),
        ("county", c.country == "RO" && c.county.is_none()),
    ];
    for (key, missing) in required {
        if missing {
            errors.push(FieldError::new(
                key,
                "Required for a client outside Romania or without a CUI.",
            ));
        }
    }
}
