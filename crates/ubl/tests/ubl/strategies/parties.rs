//! Strategies for the parties (BG-4 … BG-13) and payment instructions (BG-16).

use einvoice::model::{
    Address, Buyer, Contact, CreditTransfer, Delivery, DirectDebit, Payee, PaymentCard,
    PaymentInstructions, Seller, TaxRegistration, TaxRepresentative,
};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;

use super::{code, date, identifier, reference, text};

pub(super) fn address() -> impl Strategy<Value = Address> {
    (
        of(text()),
        of(text()),
        of(text()),
        of(prop_oneof![
            code(&["SECTOR1", "SECTOR6", "Cluj-Napoca", "Iași"]),
            text()
        ]),
        of("[0-9]{6}"),
        of(code(&["RO-B", "RO-CJ", "RO-IS", "RO-TM", "Bayern"])),
        code(&["RO", "DE", "FR", "US", ""]),
    )
        .prop_map(
            |(
                street,
                additional_street,
                line3,
                city,
                postal_zone,
                country_subdivision,
                country_code,
            )| Address {
                street,
                additional_street,
                line3,
                city,
                postal_zone,
                country_subdivision,
                country_code,
            },
        )
}

pub(super) fn nonempty_address() -> impl Strategy<Value = Address> {
    address().prop_filter("not empty", |a| !a.is_empty())
}

pub(super) fn contact() -> impl Strategy<Value = Contact> {
    (
        of(text()),
        of("0[0-9]{9}"),
        of("[a-z]{1,8}@[a-z]{2,8}\\.ro"),
    )
        .prop_map(|(name, telephone, email)| Contact {
            name,
            telephone,
            email,
        })
        .prop_filter("not empty", |c| !c.is_empty())
}

pub(super) fn seller() -> impl Strategy<Value = Seller> {
    (
        (
            text(),
            of(text()),
            vec(identifier(), 0..3),
            of(identifier()),
        ),
        (
            of("RO[0-9]{2,10}"),
            of(("[0-9]{2,10}", code(&["FC", "TAX", ""]))),
        ),
        (of(text()), of(identifier()), address(), of(contact())),
    )
        .prop_map(
            |(
                (name, trading_name, identifiers, legal),
                (vat_id, registration),
                (info, endpoint, address, contact),
            )| Seller {
                name,
                trading_name,
                identifiers,
                legal_registration_id: legal,
                vat_id,
                tax_registration: registration
                    .map(|(id, tax_scheme)| TaxRegistration { id, tax_scheme }),
                additional_legal_info: info,
                electronic_address: endpoint,
                address,
                contact,
            },
        )
}

pub(super) fn buyer() -> impl Strategy<Value = Buyer> {
    (
        (text(), of(text()), of(identifier()), of(identifier())),
        (
            of("(RO|DE)[0-9]{2,10}"),
            of(identifier()),
            address(),
            of(contact()),
        ),
    )
        .prop_map(
            |((name, trading_name, identifier, legal), (vat_id, endpoint, address, contact))| {
                Buyer {
                    name,
                    trading_name,
                    identifier,
                    legal_registration_id: legal,
                    vat_id,
                    electronic_address: endpoint,
                    address,
                    contact,
                }
            },
        )
}

pub(super) fn payee() -> impl Strategy<Value = Payee> {
    (text(), of(identifier()), of(identifier())).prop_map(
        |(name, identifier, legal_registration_id)| Payee {
            name,
            identifier,
            legal_registration_id,
        },
    )
}

pub(super) fn tax_representative() -> impl Strategy<Value = TaxRepresentative> {
    (text(), "RO[0-9]{2,10}", address()).prop_map(|(name, vat_id, address)| TaxRepresentative {
        name,
        vat_id,
        address,
    })
}

pub(super) fn delivery() -> impl Strategy<Value = Delivery> {
    (
        of(text()),
        of(identifier()),
        of(date()),
        of(nonempty_address()),
    )
        .prop_map(|(party_name, location_id, actual_date, address)| Delivery {
            party_name,
            location_id,
            actual_date,
            address,
        })
        .prop_filter("not empty", |d| !d.is_empty())
}

pub(super) fn payment() -> impl Strategy<Value = PaymentInstructions> {
    let transfer = (
        "RO[0-9]{2}[A-Z]{4}[0-9A-Z]{16}",
        of(text()),
        of("[A-Z]{6}[0-9A-Z]{2}"),
    )
        .prop_map(
            |(account_id, account_name, service_provider_id)| CreditTransfer {
                account_id,
                account_name,
                service_provider_id,
            },
        );
    let card = ("[0-9]{4}", of(text()), of(code(&["VISA", "MC"]))).prop_map(
        |(pan, holder_name, network_id)| PaymentCard {
            primary_account_number: pan,
            holder_name,
            network_id,
        },
    );
    let debit = (
        of(reference()),
        of("RO[0-9]{2}ZZZ[0-9]{8}"),
        of("RO[0-9]{2}[A-Z]{4}[0-9]{16}"),
    )
        .prop_map(
            |(mandate_reference, creditor_id, debited_account)| DirectDebit {
                mandate_reference,
                creditor_id,
                debited_account,
            },
        )
        .prop_filter("not empty", |d| {
            d.mandate_reference.is_some() || d.creditor_id.is_some() || d.debited_account.is_some()
        });
    (
        code(&["1", "10", "30", "31", "42", "48", "49", "58", "59"]),
        of(text()),
        of(text()),
        vec(transfer, 0..3),
        of(card),
        of(debit),
    )
        .prop_map(
            |(
                means_code,
                means_text,
                remittance_information,
                credit_transfers,
                card,
                direct_debit,
            )| {
                PaymentInstructions {
                    means_code,
                    means_text,
                    remittance_information,
                    credit_transfers,
                    card,
                    direct_debit,
                }
            },
        )
}
