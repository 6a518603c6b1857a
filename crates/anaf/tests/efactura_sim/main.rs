//! The e-Factura simulator driven over real HTTP on 127.0.0.1 by the real clients
//! (`anaf::efactura::EfacturaClient`, `anaf::oauth::OAuthClient`), on a simulated clock.

#![allow(clippy::unwrap_used)]

#[path = "../../../ubl/tests/ubl/fixtures.rs"]
mod fixtures;
mod support;

/// The `/__sim` control API, as a test in another process would use it.
mod control;
/// Fault rules: each kind as the client sees it; a lost response leaves the upload stored.
mod faults;
/// Upload to download: sync refusals, ok, nok, duplicates, boxes, environments, validare.
mod invoices;
/// The simple and paginated lists: no messages, filters, paging, the 500 limit, seeding.
mod lists;
/// OAuth: the certificate-login stand-in, code exchange, refresh, revoke, expiry, nesting.
mod oauth;
/// Daily quotas and the per-minute limit, on the simulated clock.
mod quotas;
