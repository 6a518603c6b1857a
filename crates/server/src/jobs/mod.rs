//! Long work goes through a database job table with leases (see `queue`), run by `runner`.

pub mod deliver_webhook;
pub mod forecast_token_expiry;
pub mod issue_recurring;
pub mod poll_submission;
pub mod purge_company;
pub mod queue;
pub mod refresh_anaf_tokens;
pub mod runner;
pub mod schedule;
pub mod send_document_email;
pub mod send_email;
pub mod send_email_change;
pub mod send_password_reset;
pub mod submit_invoice;
pub mod sync_efactura;

pub use queue::{Job, Lane, enqueue};
