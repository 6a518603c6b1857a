//! Authentication: who the caller is. Keys and tokens, passwords, the `Principal` extractor and
//! the limits on the login routes.

pub mod api_keys;
pub mod keys;
pub mod lockout;
pub mod mfa;
pub mod passkeys;
pub mod passwords;
pub mod principal;
pub mod session;
pub mod tokens;

pub use principal::{ClientIp, Principal};
