//! Authentication: who the caller is. Keys and tokens, passwords, Google sign-in, e-mailed
//! links (confirmation, reset, address change), the `Principal` extractor and the limits on the
//! login routes.

pub mod api_keys;
pub mod google;
pub mod keys;
pub mod links;
pub mod lockout;
pub mod mfa;
pub mod passkeys;
pub mod passwords;
pub mod principal;
pub mod session;
pub mod tokens;

pub use principal::{ClientIp, Principal};
