//! Operations on documents that several callers share (API, web pages, jobs): create and edit
//! drafts, issue with gapless numbering, cancel, restore, delete, record payments. Each takes the transaction
//! boundary, the company scope and `now`.

pub mod branding;
pub mod buyer;
pub mod calendar;
pub mod checks;
pub mod draft;
pub mod email;
pub mod input;
pub mod issue;
pub mod lifecycle;
pub mod payments;
pub mod placeholders;
pub mod printing;
pub mod recurring;
pub mod refund;
pub mod save;
pub mod trade;
pub mod ubl;
pub mod validation;
