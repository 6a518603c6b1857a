//! UBL 2.1 for Facturo: a hardened, namespace-aware reader of `Invoice` and `CreditNote`
//! documents, and (to come, issue #3) the CIUS-RO writer.
//!
//! What this crate is not: it checks no business rules (the `rules` crate does, on the tree
//! [`xml::parse`] returns) and does no IO; callers hand it bytes.
//!
//! ```
//! use ubl::xml::{self, Limits, UblNode};
//!
//! let bytes = br#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
//!     xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
//!     <cbc:ID>FCT0001</cbc:ID></Invoice>"#;
//! let doc = xml::read(bytes, &Limits::default())?;
//! let root = doc.root_element();
//! assert!(root.is("ubl:Invoice"));
//! assert_eq!(root.child("cbc:ID").map(|n| n.string_value()).as_deref(), Some("FCT0001"));
//! # Ok::<(), ubl::xml::ReadError>(())
//! ```

pub mod xml;
