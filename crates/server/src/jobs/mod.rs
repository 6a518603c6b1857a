//! Long work goes through a database job table with leases (see `queue`), run by `runner`.

pub mod forecast_token_expiry;
pub mod purge_company;
pub mod queue;
pub mod runner;
pub mod send_email;

pub use queue::{Job, enqueue};
