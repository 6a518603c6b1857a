//! The simulator's signing certificate and the detached XMLDSig signatures it writes.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair};

use super::SimError;
use crate::signature::{C14N, DIGEST_SHA256, ECDSA_SHA256, NS_DSIG, TrustedCert};

/// An ECDSA P-256 key and its self-signed certificate, made when the simulator starts.
pub(crate) struct Signer {
    key: EcdsaKeyPair,
    rng: SystemRandom,
    cert_der: Vec<u8>,
    cert_pem: String,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("cert_der_len", &self.cert_der.len())
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// A fresh key pair and certificate ("Simulator ANAF e-Factura").
    pub(crate) fn generate() -> Result<Self, SimError> {
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            SimError::Certificate(format!("cannot {what}: {e}"))
        };
        let key_pair = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)
            .map_err(|e| fail("generate the ECDSA P-256 key", &e))?;
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new())
            .map_err(|e| fail("prepare the certificate", &e))?;
        params.distinguished_name = rcgen::DistinguishedName::new();
        params.distinguished_name.push(
            rcgen::DnType::CommonName,
            "Simulator ANAF e-Factura (no legal value)",
        );
        params
            .distinguished_name
            .push(rcgen::DnType::OrganizationName, "Facturo test simulator");
        params
            .distinguished_name
            .push(rcgen::DnType::CountryName, "RO");
        params.key_usages = vec![
            rcgen::KeyUsagePurpose::DigitalSignature,
            rcgen::KeyUsagePurpose::ContentCommitment,
        ];
        let cert = params
            .self_signed(&key_pair)
            .map_err(|e| fail("self-sign the certificate", &e))?;
        let rng = SystemRandom::new();
        let key = EcdsaKeyPair::from_pkcs8(
            &ECDSA_P256_SHA256_FIXED_SIGNING,
            &key_pair.serialize_der(),
            &rng,
        )
        .map_err(|e| fail("load the key into ring", &e))?;
        Ok(Signer {
            key,
            rng,
            cert_der: cert.der().to_vec(),
            cert_pem: cert.pem(),
        })
    }

    /// The certificate, for callers to trust.
    pub(crate) fn trusted(&self) -> TrustedCert {
        TrustedCert::from_der(self.cert_der.clone())
    }

    /// The certificate as PEM.
    pub(crate) fn pem(&self) -> &str {
        &self.cert_pem
    }

    /// A detached `Signature` document over `content`, referenced as `file_name`.
    ///
    /// `SignedInfo` is written in its C14N 1.0 canonical form (inherited `xmlns` aside, which
    /// canonicalization adds back), so [`crate::signature::verify`] checks it exactly.
    pub(crate) fn sign_detached(
        &self,
        file_name: &str,
        content: &[u8],
    ) -> Result<String, SimError> {
        let digest = BASE64.encode(ring::digest::digest(&ring::digest::SHA256, content));
        let mut uri = String::new();
        escape_attribute(&mut uri, file_name);
        let inner = format!(
            "<CanonicalizationMethod Algorithm=\"{C14N}\"></CanonicalizationMethod>\
             <SignatureMethod Algorithm=\"{ECDSA_SHA256}\"></SignatureMethod>\
             <Reference URI=\"{uri}\"><DigestMethod Algorithm=\"{DIGEST_SHA256}\"></DigestMethod>\
             <DigestValue>{digest}</DigestValue></Reference>"
        );
        let canonical = format!("<SignedInfo xmlns=\"{NS_DSIG}\">{inner}</SignedInfo>");
        let value = self
            .key
            .sign(&self.rng, canonical.as_bytes())
            .map_err(|e| SimError::Certificate(format!("cannot sign {file_name}: {e}")))?;
        Ok(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Signature xmlns=\"{NS_DSIG}\">\
             <SignedInfo>{inner}</SignedInfo><SignatureValue>{}</SignatureValue>\
             <KeyInfo><X509Data><X509Certificate>{}</X509Certificate></X509Data></KeyInfo>\
             </Signature>",
            BASE64.encode(value.as_ref()),
            BASE64.encode(&self.cert_der)
        ))
    }
}

/// Escapes `value` for a double-quoted XML attribute.
pub(crate) fn escape_attribute(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::{self, Canonicalization, VerifyError};
    use pretty_assertions::assert_eq;

    #[test]
    fn signatures_verify_and_signed_info_is_already_canonical() {
        let signer = Signer::generate().unwrap();
        let file = b"<Invoice>1</Invoice>";
        let xml = signer.sign_detached("5100000000.xml", file).unwrap();
        let check = signature::verify(file, xml.as_bytes(), &[signer.trusted()]).unwrap();
        assert_eq!(check.algorithm, ECDSA_SHA256);
        assert_eq!(check.reference_uri.as_deref(), Some("5100000000.xml"));

        let doc = roxmltree::Document::parse(&xml).unwrap();
        let signed_info = doc
            .descendants()
            .find(|n| n.has_tag_name("SignedInfo"))
            .unwrap();
        let canonical = signature::canonicalize(signed_info, Canonicalization::Inclusive);
        let written = &xml[signed_info.range()];
        assert_eq!(
            canonical,
            written.replacen(
                "<SignedInfo>",
                &format!("<SignedInfo xmlns=\"{NS_DSIG}\">"),
                1
            )
        );
        assert_eq!(
            signature::canonicalize(signed_info, Canonicalization::Exclusive),
            canonical
        );
    }

    #[test]
    fn a_changed_file_another_certificate_or_a_changed_value_fail() {
        let signer = Signer::generate().unwrap();
        let other = Signer::generate().unwrap();
        let file = b"<Invoice>1</Invoice>".to_vec();
        let xml = signer.sign_detached("1.xml", &file).unwrap();
        let mut changed = file.clone();
        changed[10] = b'2';
        assert!(matches!(
            signature::verify(&changed, xml.as_bytes(), &[signer.trusted()]),
            Err(VerifyError::DigestMismatch { .. })
        ));
        assert!(matches!(
            signature::verify(&file, xml.as_bytes(), &[other.trusted()]),
            Err(VerifyError::UntrustedCertificate { .. })
        ));
        let forged = xml.replace("1.xml", "2.xml");
        assert_eq!(
            signature::verify(&file, forged.as_bytes(), &[signer.trusted()]),
            Err(VerifyError::BadSignature)
        );
        let pem = TrustedCert::from_pem(signer.pem()).unwrap();
        assert_eq!(pem, signer.trusted());
        let bundle = format!("{}\n{}", other.pem(), signer.pem());
        assert_eq!(
            TrustedCert::all_from_pem(&bundle).unwrap(),
            [other.trusted(), signer.trusted()]
        );
        assert!(TrustedCert::all_from_pem("no certificate").is_err());
        assert_eq!(signer.trusted().fingerprint().len(), 64);
    }
}
