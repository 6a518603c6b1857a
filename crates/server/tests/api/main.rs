//! The server's integration tests: one binary, one module per area. Each test starts a real
//! server with a database of its own (SQLite, or PostgreSQL with `FACTURO_TEST_POSTGRES`).

// Shared fixtures: not every area uses every one.
#[allow(dead_code)]
mod support;

// Registration, e-mail confirmation, login, refresh rotation, logout, password change, /me.
mod accounts;
// Clients: registry enrichment, validation, lists, draft-invoice propagation, deletes, tenancy.
mod clients;
// Companies: creation from the CIF (sandbox and the registry protocol), edits, delete/restore.
mod companies;
// Suppliers: creation, validation, history, lists, deletes.
mod suppliers;
