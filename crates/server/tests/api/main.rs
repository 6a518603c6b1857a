//! The server's integration tests: one binary, one module per area. Each test starts a real
//! server with a database of its own (SQLite, or PostgreSQL with `FACTURO_TEST_POSTGRES`).

// Test code may unwrap: a failure is a test failure with its message.
#![allow(clippy::unwrap_used)]

// Shared fixtures: not every area uses every one.
#[allow(dead_code)]
mod support;

// The ANAF token vault: connect links and OAuth, encryption, tenancy, refresh, expiry events,
// copied databases.
mod anaf;
// API keys: scopes, refusals, rotation, no self-management.
mod api_keys;
// The audit log: security events and refusals, who reads it, append-only.
mod audit;
// Security headers and CORS.
mod hardening;
// The installation's licence and plan.
mod licensing;
// Every role against every guarded route; company restrictions.
mod permissions;
// Registration, e-mail confirmation, login, refresh rotation, logout, password change, /me.
mod accounts;
// Catalog: products, VAT rates, document series and numbering guards, bank accounts.
mod catalog;
// Clients: registry enrichment, validation, lists, draft-invoice propagation, deletes, tenancy.
mod clients;
// Companies: creation from the CIF (sandbox and the registry protocol), edits, delete/restore.
mod companies;
// Credit notes by lines: what is left to credit per line, whole stornos, refusals.
mod credit_notes;
// Password reset and e-mail change by e-mailed single-use links; MFA step-up for the change.
mod email_links;
// BNR exchange rates against a local BNR: cache, past days, conversions, seed, outages.
mod exchange_rates;
// e-Factura submission against the embedded simulator: happy path, faults, rejections.
mod efactura;
// E-mailing invoices: templates, preview, a real SMTP conversation with attachments, refusals.
mod emails;
// Exactly-once submission through injected faults and a restart.
mod efactura_faults;
// Google sign-in: ID tokens against a stand-in JWKS endpoint, linking, MFA, refusals, the key
// cache.
mod google;
// Invoices: drafts, EN 16931 totals, issue with gapless numbering, state machine, lists.
mod invoices;
// Two-factor authentication: TOTP, backup codes, login challenges, step-up.
mod mfa;
// Passkeys: registration and sign-in with a software authenticator, refusals.
mod passkeys;
// Payments: balances, refusals, concurrent payments, events.
mod payments;
// Invoice PDFs over HTTP: text read back, titles, languages, tenancy.
mod pdfs;
// The company logo (multipart uploads, refusals) and PDF settings applied to every document.
mod branding;
// Proformas and delivery notes: status machines, numbering, conversion, storno, expiry, PDFs.
mod trade_documents;
// Recurring invoices: schedules, exactly-once runs, BNR price rules, pause/resume, refusals.
mod recurring;
// Rate limits: buckets, windows, headers, lock-out, two processes sharing one budget.
mod rate_limits;
// Members and invitations: e-mailed links, accepting, roles and permissions in effect, owner rules.
mod members;
// The migrations of both backends against migrations/schema.txt.
mod schema;
// Storage maintenance: the SQLite write-ahead log is kept small.
mod store;
// Suppliers: creation, validation, history, lists, deletes.
mod suppliers;
// The e-Factura sync: imports of delivered invoices, message and sync routes, the trigger.
mod sync;
// The sync end to end against the embedded simulator: one company's invoice in the other's
// box, boxes of many pages and thousands of messages, failed pages and downloads, overdue alerts.
mod sync_e2e;
// Tenancy: every route with another tenant's id; invoice defaults.
mod tenancy;
// Issued invoices as CIUS-RO UBL: generated, validated, stored; previews of drafts.
mod ubl;
// The native validator over HTTP: POST /api/v1/validate with raw UBL.
mod validation;
// Webhooks: signed deliveries to a real receiver, retries, timeouts, history, rotation,
// switching failing endpoints off, SSRF refusals, 10,000 events through two processes.
mod webhooks;
