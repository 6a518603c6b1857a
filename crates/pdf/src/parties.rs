//! The parties, payment and signature blocks of a document: addresses, identifiers, bank
//! accounts, issuer and delegate, formatted for the templates.

use einvoice::codes::{country, ro_county};
use einvoice::model::{Address, Contact, Identifier, Invoice};
use serde::Serialize;

use crate::data::Pair;
use crate::labels::{self, Labels};
use crate::look::{Extra, Language};

/// A party block: heading, name, address lines and identifiers.
#[derive(Debug, Serialize)]
pub struct Party {
    /// "Furnizor", "Buyer", …
    pub heading: &'static str,
    /// The party's name, printed bold.
    pub name: String,
    /// Trading name, address and additional legal information, one per line.
    pub lines: Vec<String>,
    /// Identifiers and contact, labelled.
    pub ids: Vec<Pair>,
}

/// A bank account (BG-17).
#[derive(Debug, Serialize)]
pub struct Account {
    /// BT-84, in groups of four.
    pub iban: String,
    /// The bank's name, when known.
    pub bank: Option<String>,
    /// BT-85.
    pub name: Option<String>,
    /// BT-86.
    pub bic: Option<String>,
}

/// BG-4.
pub fn seller(invoice: &Invoice, l: &'static Labels, language: Language) -> Party {
    let s = &invoice.seller;
    let mut lines = Vec::new();
    lines.extend(other_name(s.trading_name.as_ref(), &s.name));
    lines.extend(address(&s.address, language));
    lines.extend(s.additional_legal_info.iter().cloned());
    let mut ids = Vec::new();
    push(&mut ids, l.vat_id, s.vat_id.as_deref());
    push(
        &mut ids,
        l.registration,
        id(s.legal_registration_id.as_ref()),
    );
    let tax = s.tax_registration.as_ref().map(|t| t.id.as_str());
    let tax = tax.or_else(|| {
        let first = s.identifiers.first().map(|i| i.id.as_str());
        first.filter(|_| s.vat_id.is_none() && s.legal_registration_id.is_none())
    });
    push(&mut ids, l.tax_id, tax);
    contact(&mut ids, s.contact.as_ref(), l);
    Party {
        heading: l.seller,
        name: s.name.clone(),
        lines,
        ids,
    }
}

/// BG-7.
pub fn buyer(invoice: &Invoice, l: &'static Labels, language: Language) -> Party {
    let b = &invoice.buyer;
    let mut lines = Vec::new();
    lines.extend(other_name(b.trading_name.as_ref(), &b.name));
    lines.extend(address(&b.address, language));
    let mut ids = Vec::new();
    push(&mut ids, l.vat_id, b.vat_id.as_deref());
    push(
        &mut ids,
        l.registration,
        id(b.legal_registration_id.as_ref()),
    );
    let identifier = id(b.identifier.as_ref());
    let shown = [b.vat_id.as_deref(), id(b.legal_registration_id.as_ref())];
    if !shown.contains(&identifier) {
        push(&mut ids, l.tax_id, identifier);
    }
    contact(&mut ids, b.contact.as_ref(), l);
    Party {
        heading: l.buyer,
        name: b.name.clone(),
        lines,
        ids,
    }
}

/// Payee (BG-10), tax representative (BG-11) and delivery place (BG-13), when present.
pub fn others(invoice: &Invoice, l: &'static Labels, language: Language) -> Vec<Party> {
    let mut parties = Vec::new();
    if let Some(p) = invoice.payee.as_ref().filter(|p| !p.name.trim().is_empty()) {
        let mut ids = Vec::new();
        push(
            &mut ids,
            l.registration,
            id(p.legal_registration_id.as_ref()),
        );
        push(&mut ids, l.tax_id, id(p.identifier.as_ref()));
        parties.push(Party {
            heading: l.payee,
            name: p.name.clone(),
            lines: Vec::new(),
            ids,
        });
    }
    if let Some(r) = &invoice.tax_representative {
        let mut ids = Vec::new();
        push(&mut ids, l.vat_id, Some(r.vat_id.as_str()));
        parties.push(Party {
            heading: l.tax_representative,
            name: r.name.clone(),
            lines: address(&r.address, language),
            ids,
        });
    }
    if let Some(d) = invoice
        .delivery
        .as_ref()
        .filter(|d| d.party_name.is_some() || d.address.as_ref().is_some_and(|a| !a.is_empty()))
    {
        let mut lines = d
            .address
            .as_ref()
            .map(|a| address(a, language))
            .unwrap_or_default();
        lines.extend(id(d.location_id.as_ref()).map(str::to_owned));
        parties.push(Party {
            heading: l.deliver_to,
            name: d.party_name.clone().unwrap_or_default(),
            lines,
            ids: Vec::new(),
        });
    }
    parties
}

/// Payment means, terms and remittance information (BG-16 without the accounts).
pub fn payment(invoice: &Invoice, l: &'static Labels, language: Language) -> Vec<Pair> {
    let mut pairs = Vec::new();
    if let Some(p) = &invoice.payment_instructions {
        let named = labels::payment_means(&p.means_code, language);
        let mut means = p.means_text.clone().or(named.map(str::to_owned));
        if let (Some(means), Some(card)) = (&mut means, &p.card) {
            *means = format!("{means} …{}", card.primary_account_number);
        }
        push(&mut pairs, l.payment_means, means.as_deref());
        push(
            &mut pairs,
            l.remittance,
            p.remittance_information.as_deref(),
        );
    }
    push(
        &mut pairs,
        l.payment_terms,
        invoice.payment_terms.as_deref(),
    );
    pairs
}

/// The accounts the buyer may pay to (BG-17), each with its bank where known.
pub fn accounts(invoice: &Invoice, extra: &Extra) -> Vec<Account> {
    let Some(p) = &invoice.payment_instructions else {
        return Vec::new();
    };
    p.credit_transfers
        .iter()
        .filter(|t| !t.account_id.trim().is_empty())
        .map(|t| {
            let compact: String = t.account_id.split_whitespace().collect();
            let named = extra
                .banks
                .iter()
                .find(|b| b.iban.split_whitespace().collect::<String>() == compact);
            let bank = named
                .map(|b| b.bank.clone())
                .or_else(|| romanian_bank(&compact).map(str::to_owned));
            let name = t.account_name.clone();
            Account {
                iban: grouped(&compact),
                bank,
                name: name.filter(|n| *n != invoice.seller.name),
                bic: t.service_provider_id.clone(),
            }
        })
        .collect()
}

/// The issuer ("Întocmit de") and the delegate ("Date privind expediția") rows.
pub fn issuer(extra: &Extra, l: &'static Labels) -> (Vec<Pair>, Vec<Pair>) {
    let mut issuer = Vec::new();
    let name = [extra.issuer_name.as_deref(), extra.issuer_id.as_deref()]
        .into_iter()
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    push(&mut issuer, l.issuer, Some(name.as_str()));
    let mut shipping = Vec::new();
    if let Some(d) = &extra.deputy {
        push(&mut shipping, l.deputy, Some(d.name.as_str()));
        push(&mut shipping, l.id_card, d.id_card.as_deref());
        push(&mut shipping, l.vehicle, d.vehicle.as_deref());
    }
    (issuer, shipping)
}

fn push(pairs: &mut Vec<Pair>, label: &'static str, value: Option<&str>) {
    if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
        pairs.push((label, value.to_owned()));
    }
}

fn id(identifier: Option<&Identifier>) -> Option<&str> {
    identifier.map(|i| i.id.as_str())
}

fn other_name(trading: Option<&String>, name: &str) -> Option<String> {
    trading.filter(|t| t.trim() != name.trim()).cloned()
}

fn contact(ids: &mut Vec<Pair>, contact: Option<&Contact>, l: &'static Labels) {
    if let Some(c) = contact {
        push(ids, l.phone, c.telephone.as_deref());
        push(ids, l.email, c.email.as_deref());
    }
}

/// Street lines, then `post code city, county`, then the country when it needs saying.
fn address(a: &Address, language: Language) -> Vec<String> {
    let mut lines: Vec<String> = [&a.street, &a.additional_street, &a.line3]
        .into_iter()
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .cloned()
        .collect();
    let romanian = a.country_code.eq_ignore_ascii_case("RO");
    let city = a.city.as_deref().map(|c| match c.strip_prefix("SECTOR") {
        Some(n) if romanian && n.len() == 1 => format!("Sector {n}"),
        _ => c.to_owned(),
    });
    let mut place: Vec<String> = [a.postal_zone.clone(), city]
        .into_iter()
        .flatten()
        .collect();
    let county = match a.country_subdivision.as_deref() {
        Some(s) if romanian => Some(ro_county(s).map_or(s, |c| c.name)),
        other => other,
    };
    if let Some(county) = county.filter(|c| a.city.as_deref() != Some(*c)) {
        if let Some(last) = place.last_mut() {
            last.push(',');
        }
        place.push(county.to_owned());
    }
    if !place.is_empty() {
        lines.push(place.join(" "));
    }
    let code = a.country_code.trim();
    if !code.is_empty() && (!romanian || language != Language::Ro) {
        lines.push(country(code).map_or(code, |c| c.name_en).to_owned());
    }
    lines
}

/// An IBAN in groups of four: `RO49 AAAA 1B31 …`.
fn grouped(iban: &str) -> String {
    let chars: Vec<char> = iban.chars().collect();
    let groups: Vec<String> = chars.chunks(4).map(|c| c.iter().collect()).collect();
    groups.join(" ")
}

/// The bank of a Romanian IBAN, from its four-letter bank code.
fn romanian_bank(iban: &str) -> Option<&'static str> {
    if !iban.starts_with("RO") {
        return None;
    }
    Some(match iban.get(4..8)? {
        "BTRL" => "Banca Transilvania",
        "RNCB" => "Banca Comercială Română",
        "BRDE" => "BRD - Groupe Société Générale",
        "INGB" => "ING Bank",
        "RZBR" => "Raiffeisen Bank",
        "BACX" => "UniCredit Bank",
        "CECE" => "CEC Bank",
        "TREZ" => "Trezoreria Statului",
        "OTPV" => "OTP Bank",
        "PIRB" => "First Bank",
        "BRMA" => "Banca Românească",
        "LIBR" => "Libra Internet Bank",
        "CARP" => "Patria Bank",
        "PORL" => "ProCredit Bank",
        "EXIM" => "EximBank",
        "UGBI" => "Garanti BBVA",
        "WBAN" => "Intesa Sanpaolo Bank",
        "BUCU" => "Alpha Bank",
        "FNNB" => "Credit Europe Bank",
        "REVO" => "Revolut Bank",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn bucharest_addresses_name_sector_and_city() {
        let a = Address {
            street: Some("Str. Lungă 3".into()),
            city: Some("SECTOR3".into()),
            postal_zone: Some("030000".into()),
            country_subdivision: Some("RO-B".into()),
            country_code: "RO".into(),
            ..Address::default()
        };
        assert_eq!(
            address(&a, Language::Ro),
            ["Str. Lungă 3", "030000 Sector 3, București"]
        );
        assert_eq!(address(&a, Language::En).last().unwrap(), "Romania");
    }

    #[test]
    fn foreign_addresses_keep_their_region_and_country() {
        let a = Address {
            city: Some("Wien".into()),
            country_subdivision: Some("Wien".into()),
            country_code: "AT".into(),
            ..Address::default()
        };
        assert_eq!(address(&a, Language::Ro), ["Wien", "Austria"]);
    }

    #[test]
    fn ibans_are_grouped_and_banks_known() {
        assert_eq!(
            grouped("RO49AAAA1B31007593840000"),
            "RO49 AAAA 1B31 0075 9384 0000"
        );
        assert_eq!(
            romanian_bank("RO66BTRLRONCRT0123456789"),
            Some("Banca Transilvania")
        );
        assert_eq!(romanian_bank("DE89370400440532013000"), None);
    }
}
