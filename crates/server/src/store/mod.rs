//! Storage: one SQL text for SQLite and PostgreSQL (see `db`), one file per aggregate with plain
//! functions. Reads take `&Db`, writes take `&mut Tx`; company-owned rows are always addressed
//! with the company id as the first bind, so a foreign id simply finds nothing.

pub mod db;
pub mod types;

pub mod anaf_connections;
pub mod anaf_quota;
pub mod anaf_token_links;
pub mod anaf_tokens;
pub mod api_keys;
pub mod audit;
pub mod bank_accounts;
pub mod branding;
pub mod clause;
pub mod clients;
pub mod companies;
pub mod efactura_messages;
pub mod efactura_sync;
pub mod emails;
pub mod exchange_rates;
pub mod identities;
pub mod instance;
pub mod invitations;
pub mod invoice_list;
pub mod invoice_xml;
pub mod invoices;
pub mod login_failures;
pub mod members;
pub mod message_list;
pub mod mfa;
pub mod organizations;
pub mod outbox;
pub mod party_invoices;
pub mod passkeys;
pub mod payments;
pub mod products;
pub mod recurring;
pub mod registry_cache;
pub mod series;
pub mod sessions;
pub mod submissions;
pub mod suppliers;
pub mod trade_documents;
pub mod users;
pub mod vat_rates;
pub mod webhooks;

pub use db::{Backend, Db, PoolSize, Tx, WAL_MAX_FRAMES, keep_wal_small};
pub use types::{Dec, Ts};

/// A store failure a caller may want to tell apart from a broken database.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A uniqueness or state constraint refused the change (message is user-facing).
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Whether an error is a violated UNIQUE constraint (both backends).
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Database(db) => db.is_unique_violation(),
        _ => false,
    }
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern and wraps it in `%…%`, lower-cased.
pub fn like_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for ch in text.trim().to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}
