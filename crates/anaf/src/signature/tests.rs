//! Signature tests without a signer: canonical forms, the ECDSA value's DER form, and every
//! refusal that comes before the signature value is checked. The simulator's signer covers
//! signing and verifying end to end (`sim::efactura::sign`).

use pretty_assertions::assert_eq;

use super::*;

fn canonical(xml: &str, mode: Canonicalization) -> String {
    let doc = Document::parse(xml).unwrap();
    let apex = doc
        .descendants()
        .find(|n| n.has_tag_name((NS_DSIG, "SignedInfo")))
        .unwrap();
    canonicalize(apex, mode)
}

#[test]
fn inclusive_c14n_renders_inherited_namespaces_and_sorts_attributes() {
    let xml = r#"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:x="urn:x"><ds:SignedInfo b="2" a="1"><ds:Reference URI="a&amp;b"/></ds:SignedInfo></ds:Signature>"#;
    assert_eq!(
        canonical(xml, Canonicalization::Inclusive),
        "<ds:SignedInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:x=\"urn:x\" a=\"1\" \
         b=\"2\"><ds:Reference URI=\"a&amp;b\"></ds:Reference></ds:SignedInfo>"
    );
    assert_eq!(
        canonical(xml, Canonicalization::Exclusive),
        "<ds:SignedInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" a=\"1\" b=\"2\">\
         <ds:Reference URI=\"a&amp;b\"></ds:Reference></ds:SignedInfo>",
        "exclusive C14N leaves the unused prefix out"
    );
}

#[test]
fn the_default_namespace_is_declared_once_at_the_apex() {
    let xml = format!(
        "<Signature xmlns=\"{NS_DSIG}\"><SignedInfo><DigestValue>x&lt;\r</DigestValue>\
         </SignedInfo></Signature>"
    );
    assert_eq!(
        canonical(&xml, Canonicalization::Inclusive),
        format!(
            "<SignedInfo xmlns=\"{NS_DSIG}\"><DigestValue>x&lt;&#xD;</DigestValue></SignedInfo>"
        )
    );
}

#[test]
fn ecdsa_values_become_der_sequences() {
    let mut raw = vec![0u8; 64];
    raw[31] = 1; // r = 1
    raw[32] = 0x80; // s has its high bit set: a zero byte keeps it positive
    let der = ecdsa_raw_to_der(&raw).unwrap();
    assert_eq!(&der[..5], &[0x30, 3 + 2 + 33, 0x02, 1, 1]);
    assert_eq!(&der[5..8], &[0x02, 33, 0]);
    assert_eq!(der.len(), 2 + 3 + 35);
    assert!(matches!(
        ecdsa_raw_to_der(&[0; 10]),
        Err(VerifyError::Malformed(_))
    ));
}

fn signature(digest: &str, method: &str, cert: &str) -> String {
    format!(
        "<Signature xmlns=\"{NS_DSIG}\"><SignedInfo>\
         <CanonicalizationMethod Algorithm=\"{C14N}\"/>\
         <SignatureMethod Algorithm=\"{method}\"/>\
         <Reference URI=\"1.xml\"><DigestMethod Algorithm=\"{DIGEST_SHA256}\"/>\
         <DigestValue>{digest}</DigestValue></Reference></SignedInfo>\
         <SignatureValue>AAAA</SignatureValue>\
         <KeyInfo><X509Data><X509Certificate>{cert}</X509Certificate></X509Data></KeyInfo>\
         </Signature>"
    )
}

#[test]
fn refusals_say_what_is_wrong() {
    let file = b"<Invoice/>";
    let digest = BASE64.encode(ring::digest::digest(&ring::digest::SHA256, file));
    assert!(matches!(
        verify(file, b"not xml", &[]),
        Err(VerifyError::Malformed(_))
    ));
    assert!(matches!(
        verify(file, b"<Invoice/>", &[]),
        Err(VerifyError::Malformed(m)) if m == "no ds:Signature element"
    ));
    let wrong = signature("AAAA", ECDSA_SHA256, "AAAA");
    assert!(matches!(
        verify(file, wrong.as_bytes(), &[]),
        Err(VerifyError::DigestMismatch { expected, .. }) if expected == "AAAA"
    ));
    let untrusted = signature(&digest, ECDSA_SHA256, "AAAA");
    assert!(matches!(
        verify(file, untrusted.as_bytes(), &[]),
        Err(VerifyError::UntrustedCertificate { .. })
    ));
    let trusted = TrustedCert::from_der(vec![0, 0, 0]);
    let sha1 = signature(
        &digest,
        "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
        "AAAA",
    );
    assert!(matches!(
        verify(file, sha1.as_bytes(), std::slice::from_ref(&trusted)),
        Err(VerifyError::Unsupported(_))
    ));
    let garbage_cert = signature(&digest, RSA_SHA256, "AAAA");
    assert!(matches!(
        verify(file, garbage_cert.as_bytes(), &[trusted]),
        Err(VerifyError::Certificate(_))
    ));
}

#[test]
fn pem_certificates_are_read_and_bad_ones_refused() {
    let pem = "-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----\n";
    assert_eq!(TrustedCert::from_pem(pem).unwrap().der(), &[0, 1, 2]);
    assert!(TrustedCert::from_pem("nothing").is_err());
    assert!(
        TrustedCert::from_pem("-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----")
            .is_err()
    );
}
