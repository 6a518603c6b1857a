//! UBL 2.1 for Facturo: the EN 16931 model ([`einvoice::model::Invoice`]) written as a UBL
//! `Invoice` or `CreditNote` (CIUS-RO for ANAF e-Factura), read back from one, and the
//! hardened, namespace-aware XML parsing underneath.
//!
//! - [`write()`] prints a model as UBL XML, elements in schema order, and never fails;
//! - [`read()`] reads UBL bytes into a model, tolerantly: a value that does not parse is
//!   left out and reported as a [`ReadIssue`] with its location, the rest is kept;
//! - [`xml`] parses untrusted bytes under size, depth and node limits, with no DTD.
//!
//! What this crate is not: it checks no business rules (the `rules` crate does, on the tree
//! [`xml::parse`] returns), computes no totals (`einvoice::model::Invoice::compute_totals`
//! does) and does no IO; callers hand it bytes.
//!
//! ```
//! use einvoice::codes::VatCategory;
//! use einvoice::model::{self, Invoice, InvoiceLine, LineVat, Price};
//! use rust_decimal::Decimal;
//!
//! let mut invoice = Invoice {
//!     customization_id: model::CIUS_RO.into(),
//!     number: "FCT-0001".into(),
//!     type_code: "380".into(),
//!     currency: "RON".into(),
//!     lines: vec![InvoiceLine {
//!         id: "1".into(),
//!         quantity: Some(Decimal::from(2)),
//!         unit_code: "H87".into(),
//!         price: Price { net: Some(Decimal::from(50)), ..Price::default() },
//!         vat: LineVat::new(VatCategory::S, Decimal::from(21)),
//!         ..InvoiceLine::default()
//!     }],
//!     ..Invoice::default()
//! };
//! invoice.compute_totals(None)?;
//!
//! let xml = ubl::write(&invoice);
//! assert!(xml.contains(r#"<cbc:PayableAmount currencyID="RON">121.00</cbc:PayableAmount>"#));
//!
//! let read = ubl::read(xml.as_bytes())?;
//! assert_eq!(read.invoice, invoice);
//! assert!(read.issues.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod read;
pub mod write;
pub mod xml;

pub use einvoice::model::CIUS_RO;
pub use read::{Problem, Read, ReadError, ReadIssue, read, read_tree};
pub use write::{write, write_to};
