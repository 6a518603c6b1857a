//! Pre-filled boxes: N invoices already received by a taxpayer, for synchronisation tests.
//!
//! A seeded invoice is stored as a recipe (parties, number, date, amount) and written as
//! CIUS-RO UBL with the `ubl` crate only when it is downloaded, so 10,000 messages take
//! milliseconds to seed.

use std::time::Duration;

use einvoice::Decimal;
use einvoice::codes::VatCategory;
use einvoice::model::{
    Address, Buyer, CIUS_RO, CreditTransfer, Identifier, Invoice, InvoiceLine, Item, LineVat,
    PaymentInstructions, Price, Seller,
};
use time::{Date, OffsetDateTime};

use super::store::{Body, Flags, Forced, Message, Outcome, Parties, Tip, Upload};
use super::{BuyerMessageId, EfacturaSim, Environment};
use crate::efactura::Standard;

/// What [`EfacturaSim::seed`] puts in a box. Build with [`SeedOptions::new`] and adjust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedOptions {
    /// The environment whose data is filled.
    pub env: Environment,
    /// The box owner: the buyer of every seeded invoice. Should be a simulated taxpayer.
    pub buyer: u64,
    /// How many invoices (and `FACTURA PRIMITA` messages).
    pub count: usize,
    /// The suppliers, taken in turn. Default: three synthetic companies with valid CIFs.
    /// A supplier that is a simulated taxpayer also gets `FACTURA TRIMISA`.
    pub sellers: Vec<u64>,
    /// When the newest message was created; default: the simulated now.
    pub newest: Option<OffsetDateTime>,
    /// Time between consecutive messages. Default one minute (10,000 messages span a week).
    pub spacing: Duration,
}

impl SeedOptions {
    /// `count` invoices received by `buyer` in `env`, one a minute up to now, from three
    /// synthetic suppliers.
    pub fn new(env: Environment, buyer: u64, count: usize) -> Self {
        SeedOptions {
            env,
            buyer,
            count,
            sellers: [1_000_001, 2_000_002, 3_000_003]
                .map(with_check_digit)
                .to_vec(),
            newest: None,
            spacing: Duration::from_mins(1),
        }
    }
}

/// The recipe of a seeded invoice, rendered as UBL when downloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SeededInvoice {
    number: String,
    issue_date: Date,
    seller: u64,
    seller_name: String,
    buyer: u64,
    buyer_name: String,
    /// Net amount of the one line, in bani.
    net_bani: i64,
}

impl SeededInvoice {
    /// The invoice as CIUS-RO UBL.
    pub(crate) fn render(&self) -> String {
        let address = |street: &str, city: &str, zone: &str, county: &str| Address {
            street: Some(street.into()),
            city: Some(city.into()),
            postal_zone: Some(zone.into()),
            country_subdivision: Some(county.into()),
            country_code: "RO".into(),
            ..Address::default()
        };
        let mut invoice = Invoice {
            customization_id: CIUS_RO.into(),
            number: self.number.clone(),
            issue_date: Some(self.issue_date),
            due_date: self.issue_date.checked_add(time::Duration::days(30)),
            type_code: "380".into(),
            currency: "RON".into(),
            seller: Seller {
                name: self.seller_name.clone(),
                legal_registration_id: Some(Identifier::new(format!(
                    "J12/{}/2019",
                    self.seller % 10_000
                ))),
                vat_id: Some(format!("RO{}", self.seller)),
                address: address("Str. Memorandumului 28", "Cluj-Napoca", "400114", "RO-CJ"),
                ..Seller::default()
            },
            buyer: Buyer {
                name: self.buyer_name.clone(),
                vat_id: Some(format!("RO{}", self.buyer)),
                address: address("Bd. Unirii 10", "SECTOR3", "030167", "RO-B"),
                ..Buyer::default()
            },
            payment_instructions: Some(PaymentInstructions {
                means_code: "30".into(),
                credit_transfers: vec![CreditTransfer {
                    account_id: "RO49AAAA1B31007593840000".into(),
                    account_name: Some(self.seller_name.clone()),
                    service_provider_id: None,
                }],
                ..PaymentInstructions::default()
            }),
            lines: vec![InvoiceLine {
                id: "1".into(),
                quantity: Some(Decimal::ONE),
                unit_code: "H87".into(),
                price: Price {
                    net: Some(Decimal::new(self.net_bani, 2)),
                    ..Price::default()
                },
                vat: LineVat::new(VatCategory::S, Decimal::from(21)),
                item: Item {
                    name: format!("Marfa conform comenzii {}", self.number),
                    ..Item::default()
                },
                ..InvoiceLine::default()
            }],
            ..Invoice::default()
        };
        if let Err(err) = invoice.compute_totals(None) {
            // One line at 21 %: totals always compute; the document says so if not.
            tracing::error!(%err, "a seeded invoice's totals do not compute");
        }
        ubl::write(&invoice)
    }
}

impl EfacturaSim {
    /// Files `options.count` invoices already processed and accepted, addressed to
    /// `options.buyer`, as `FACTURA PRIMITA` messages in its box (and `FACTURA TRIMISA` in
    /// the boxes of suppliers that are simulated taxpayers), oldest first. Returns the
    /// buyer's message ids, oldest first. Their ZIPs hold valid CIUS-RO invoices.
    pub fn seed(&self, options: &SeedOptions) -> Vec<u64> {
        let now = self.now();
        let newest = options.newest.unwrap_or(now);
        let spacing = time::Duration::try_from(options.spacing).unwrap_or(time::Duration::MINUTE);
        let sellers = if options.sellers.is_empty() {
            SeedOptions::new(options.env, options.buyer, 0).sellers
        } else {
            options.sellers.clone()
        };
        let mut state = self.lock();
        let shared = state.config.buyer_message_id == BuyerMessageId::Shared;
        let name_of = |state: &super::State, cif: u64, role: &str| {
            state
                .taxpayers
                .get(&cif)
                .map_or_else(|| format!("{role} {cif} SRL"), |t| t.name.clone())
        };
        let buyer_name = name_of(&state, options.buyer, "Client");
        let names: Vec<(u64, String, bool)> = sellers
            .iter()
            .map(|&cif| {
                (
                    cif,
                    name_of(&state, cif, "Furnizor"),
                    state.taxpayers.contains_key(&cif),
                )
            })
            .collect();
        let store = state.env(options.env);
        let mut ids = Vec::with_capacity(options.count);
        for at in 0..options.count {
            let back = i32::try_from(options.count - 1 - at).unwrap_or(i32::MAX);
            let created = newest - spacing * back;
            let (seller, seller_name, seller_is_taxpayer) = &names[at % names.len()];
            let index = store.next_index();
            let number = format!("SEED-{index}");
            let received_id = store.allocate_message_id();
            let details = format!(
                "Factura cu id_incarcare={index} emisa de cif_emitent={seller} pentru \
                 cif_beneficiar={}",
                options.buyer
            );
            let sent_id = if *seller_is_taxpayer {
                let id = if shared {
                    received_id
                } else {
                    store.allocate_message_id()
                };
                store.push_message(Message {
                    id,
                    cif: *seller,
                    tip: Tip::Sent,
                    index,
                    details: details.clone(),
                    created,
                });
                id
            } else {
                received_id
            };
            store.push_message(Message {
                id: received_id,
                cif: options.buyer,
                tip: Tip::Received,
                index,
                details,
                created,
            });
            let recipe = SeededInvoice {
                number: number.clone(),
                issue_date: created.date(),
                seller: *seller,
                seller_name: seller_name.clone(),
                buyer: options.buyer,
                buyer_name: buyer_name.clone(),
                net_bani: 10_000 + i64::try_from(at % 90_000).unwrap_or(0) * 37,
            };
            store.push_upload(Upload {
                index,
                cif: *seller,
                standard: Standard::Ubl,
                flags: Flags::default(),
                body: Body::Seeded(Box::new(recipe)),
                received: created,
                ready: created,
                forced: Forced::Nothing,
                outcome: Outcome::Ok(sent_id),
                parties: Parties {
                    seller: Some(*seller),
                    buyer: Some(options.buyer),
                    number,
                    issue_date: Some(created.date()),
                    answers: None,
                },
                errors: Vec::new(),
            });
            ids.push(received_id);
        }
        ids
    }
}

impl EfacturaSim {
    /// Files a `FACTURA PRIMITA` for `buyer` from `seller` whose download serves `zip` exactly
    /// as given (not signed, not checked): hostile, broken or unusual archives, for the tests
    /// of what reads them. Returns the message id.
    pub fn deliver_archive(&self, env: Environment, buyer: u64, seller: u64, zip: Vec<u8>) -> u64 {
        let now = self.now();
        let mut state = self.lock();
        let store = state.env(env);
        let index = store.next_index();
        let id = store.allocate_message_id();
        store.push_message(Message {
            id,
            cif: buyer,
            tip: Tip::Received,
            index,
            details: format!(
                "Factura cu id_incarcare={index} emisa de cif_emitent={seller} pentru cif_beneficiar={buyer}"
            ),
            created: now,
        });
        store.push_upload(Upload {
            index,
            cif: seller,
            standard: Standard::Ubl,
            flags: Flags::default(),
            body: Body::Archive(zip.into()),
            received: now,
            ready: now,
            forced: Forced::Nothing,
            outcome: Outcome::Ok(id),
            parties: Parties {
                seller: Some(seller),
                buyer: Some(buyer),
                ..Parties::default()
            },
            errors: Vec::new(),
        });
        id
    }

    /// Files a message of a type ANAF does not document (`NOTIFICARE SPV`) in `cif`'s box:
    /// clients must list it and carry on. Returns its id.
    pub fn deliver_unknown_message(&self, env: Environment, cif: u64) -> u64 {
        let now = self.now();
        let mut state = self.lock();
        let store = state.env(env);
        let index = store.next_index();
        let id = store.allocate_message_id();
        store.push_message(Message {
            id,
            cif,
            tip: Tip::Unknown,
            index,
            details: "Mesaj de informare".to_owned(),
            created: now,
        });
        id
    }
}

/// `base` (up to 9 digits) followed by its CIF check digit: a valid Romanian CIF.
pub(crate) fn with_check_digit(base: u64) -> u64 {
    const WEIGHTS: [u64; 9] = [7, 5, 3, 2, 1, 7, 5, 3, 2];
    let mut digits = [0u64; 9];
    let mut rest = base % 1_000_000_000;
    for slot in digits.iter_mut().rev() {
        *slot = rest % 10;
        rest /= 10;
    }
    let sum: u64 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    let check = sum * 10 % 11 % 10;
    (base % 1_000_000_000) * 10 + check
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn check_digits_make_valid_cifs() {
        assert_eq!(with_check_digit(1_854_729), 18_547_290);
        for base in [1, 42, 1_000_001, 2_000_002, 999_999_999] {
            let cif = with_check_digit(base);
            assert!(einvoice::ids::Cif::from_value(cif).is_ok(), "{cif}");
        }
    }

    #[test]
    fn seeded_invoices_are_valid_cius_ro() {
        let recipe = SeededInvoice {
            number: "SEED-1".into(),
            issue_date: time::macros::date!(2025 - 03 - 01),
            seller: with_check_digit(1_000_001),
            seller_name: "Furnizor SRL".into(),
            buyer: 18_547_290,
            buyer_name: "Client & Fiii SA".into(),
            net_bani: 12_345,
        };
        let xml = recipe.render();
        let report = rules::validate(xml.as_bytes());
        let rules: Vec<_> = report.findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, Vec::<&str>::new(), "{xml}");
    }
}
