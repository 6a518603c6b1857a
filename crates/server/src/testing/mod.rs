//! Test support shared by this workspace's test suites (feature `testing`): a database of its
//! own per test and an SMTP server that keeps what it receives. Not part of the server proper.

pub mod db;
pub mod smtp;

pub use db::{TestDb, is_postgres};
pub use smtp::{Mail, SmtpSink};
