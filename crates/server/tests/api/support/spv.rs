//! ANAF's side of the sync for tests that do without the simulator: invoices as suppliers send
//! them, archives as `descarcare` returns them, and `FACTURA PRIMITA` messages recorded and
//! downloaded as a sync pass would have.

use einvoice::codes::VatCategory;
use einvoice::model::{self, Address, Buyer, Invoice, InvoiceLine, Item, LineVat, Price, Seller};
use rust_decimal_macros::dec;
use server::efactura::import::{self, ImportError, Imported};
use server::efactura::{env_name, sentbox};
use server::ids::{CompanyId, EfacturaMessageId};
use server::store::companies::{self, Company};
use server::store::efactura_messages::{self, Seen};
use time::macros::date;

use super::{START, TestApp};

/// A supplier's invoice to `buyer_cif`: a consulting line at 21 % and a book at 11 %, in RON.
pub fn invoice_xml(number: &str, seller_cif: u64, buyer_cif: u64) -> String {
    let line = |name: &str, qty, price, rate, unit: &str| InvoiceLine {
        id: "1".into(),
        quantity: Some(qty),
        unit_code: unit.into(),
        price: Price {
            net: Some(price),
            ..Price::default()
        },
        vat: LineVat::new(VatCategory::S, rate),
        item: Item {
            name: name.into(),
            ..Item::default()
        },
        ..InvoiceLine::default()
    };
    let mut invoice = Invoice {
        customization_id: model::CIUS_RO.into(),
        number: number.into(),
        issue_date: Some(date!(2026 - 06 - 10)),
        due_date: Some(date!(2026 - 07 - 10)),
        type_code: "380".into(),
        currency: "RON".into(),
        seller: Seller {
            name: "Furnizor Exemplu SRL".into(),
            vat_id: Some(format!("RO{seller_cif}")),
            address: Address {
                street: Some("Str. Fabricii 7".into()),
                city: Some("Cluj-Napoca".into()),
                country_subdivision: Some("RO-CJ".into()),
                country_code: "RO".into(),
                ..Address::default()
            },
            ..Seller::default()
        },
        buyer: Buyer {
            name: "Cumpărător SRL".into(),
            vat_id: Some(format!("RO{buyer_cif}")),
            address: Address {
                city: Some("SECTOR3".into()),
                country_subdivision: Some("RO-B".into()),
                country_code: "RO".into(),
                ..Address::default()
            },
            ..Buyer::default()
        },
        lines: vec![
            line("Consultanță", dec!(10), dec!(150.00), dec!(21), "HUR"),
            line("Carte", dec!(3), dec!(40.00), dec!(11), "XYZ"),
        ],
        ..Invoice::default()
    };
    invoice.lines[1].id = "2".into();
    invoice.compute_totals(None).expect("totals");
    ubl::write(&invoice)
}

/// The company behind an `X-Company` id.
pub async fn company(app: &TestApp, id: &str) -> Company {
    let id: CompanyId = id.parse().expect("a company id");
    companies::by_id(&app.state.db, id)
        .await
        .unwrap()
        .expect("the company")
}

/// Records message `message_id` (`FACTURA PRIMITA`) in the company's box and stores `archive`
/// as its download, as a listing and a download would have.
pub async fn delivered_archive(
    app: &TestApp,
    company: &Company,
    message_id: i64,
    seller_cif: u64,
    archive: Vec<u8>,
) -> EfacturaMessageId {
    let env = env_name(app.state.anaf.environment);
    let cif = company.cif.to_string();
    let details = format!(
        "Factura cu id_incarcare={} emisa de cif_emitent={seller_cif} pentru cif_beneficiar={cif}",
        message_id + 1
    );
    let seen = Seen {
        message_id,
        upload_index: message_id + 1,
        message_type: "FACTURA PRIMITA",
        cif: &cif,
        details: &details,
        anaf_created_at: START - time::Duration::hours(2),
    };
    let mut tx = app.state.db.begin().await.unwrap();
    efactura_messages::record_seen(&mut tx, company.id, env, &seen, START)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let id = efactura_messages::pending(&app.state.db, company.id, env, "FACTURA PRIMITA")
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.message_id == message_id)
        .expect("the recorded message")
        .id;
    let downloaded = sentbox::fingerprint(archive);
    efactura_messages::store_download(
        &app.state.db,
        id,
        &downloaded,
        efactura_messages::AfterDownload::Received,
        START,
    )
    .await
    .unwrap();
    id
}

/// A delivered invoice of the supplier `seller_cif`: its message recorded and its archive
/// stored.
pub async fn delivered(
    app: &TestApp,
    company: &Company,
    message_id: i64,
    seller_cif: u64,
    xml: &str,
) -> EfacturaMessageId {
    let sim = app
        .state
        .sandbox
        .as_ref()
        .expect("the test app runs the sandbox");
    let archive = sim
        .signed_archive(u64::try_from(message_id).unwrap() + 1, xml.as_bytes())
        .expect("a signed archive");
    delivered_archive(app, company, message_id, seller_cif, archive).await
}

/// Imports a stored message as the sync pass does.
pub async fn import(
    app: &TestApp,
    company: &Company,
    id: EfacturaMessageId,
) -> Result<Imported, ImportError> {
    import::import_message(&app.state, company, id, app.state.now()).await
}
