//! Whether ANAF's signature on a downloaded archive holds: the detached `semnatura_{id}.xml`
//! over the document beside it, by a certificate this installation trusts
//! ([`super::Anaf::trusted`]). Checked when an incoming invoice is imported (its
//! `signatureValid`) and on demand (`POST /invoices/{id}/verify-signature`).

use anaf::efactura::archive::{self, Archive};
use anaf::signature::{self, VerifyError};
use serde::Serialize;
use utoipa::ToSchema;

use super::Anaf;

/// The verdict on one archive's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// `true` when it verifies, `false` when it does not, `null` when it could not be
    /// checked: no certificate is trusted (real ANAF: not verified by Facturo yet).
    pub valid: Option<bool>,
    pub message: String,
    /// The SHA-256 fingerprint of the certificate that signed, when it verified.
    pub certificate_sha256: Option<String>,
    /// The signature algorithm's URI, when it verified.
    pub algorithm: Option<String>,
}

impl Verdict {
    fn unchecked(message: &str) -> Self {
        Verdict {
            valid: None,
            message: message.to_owned(),
            certificate_sha256: None,
            algorithm: None,
        }
    }

    fn invalid(message: &str) -> Self {
        Verdict {
            valid: Some(false),
            ..Verdict::unchecked(message)
        }
    }
}

/// The verdict on an opened archive's signature; `None` when the archive holds no signature
/// or no document to check it against.
pub fn check_opened(anaf: &Anaf, opened: &Archive) -> Option<Verdict> {
    let signature = opened.signature()?;
    let document = opened.document()?;
    Some(check(anaf, &document.bytes, &signature.bytes))
}

/// The verdict on a ZIP as ANAF served it; `None` as for [`check_opened`], or when the ZIP
/// cannot be read.
pub fn check_archive(anaf: &Anaf, zip: &[u8]) -> Option<Verdict> {
    check_opened(anaf, &archive::parse(zip).ok()?)
}

/// The verdict on `signature_xml` over `document`.
pub fn check(anaf: &Anaf, document: &[u8], signature_xml: &[u8]) -> Verdict {
    if anaf.trusted.is_empty() {
        return Verdict::unchecked(
            "Not checked: no certificate of ANAF is configured (FACTURO_ANAF_TRUSTED_CERTS).",
        );
    }
    match signature::verify(document, signature_xml, &anaf.trusted) {
        Ok(check) => Verdict {
            valid: Some(true),
            message: "ANAF's signature is valid.".into(),
            certificate_sha256: Some(check.certificate.fingerprint()),
            algorithm: Some(check.algorithm),
        },
        Err(e) => Verdict::invalid(&format!("ANAF's signature is not valid: {}.", reason(&e))),
    }
}

fn reason(e: &VerifyError) -> String {
    match e {
        VerifyError::DigestMismatch { .. } => {
            "the document was changed after it was signed".to_owned()
        }
        VerifyError::UntrustedCertificate { fingerprint } => {
            format!("it is signed by a certificate that is not trusted (SHA-256 {fingerprint})")
        }
        VerifyError::BadSignature => "the signature value does not match".to_owned(),
        other => other.to_string(),
    }
}
