//! Tenancy: which organization and company a request acts for, and what the caller may do
//! there.

pub mod companies;
pub mod invitations;
pub mod members;
pub mod permissions;
pub mod scope;

pub use permissions::{Permission, PermissionSet, Role};
pub use scope::{CompanyScope, NamedCompany};
