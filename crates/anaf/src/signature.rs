//! Checks the detached XML signature (`semnatura_{index}.xml`) that ANAF puts beside each file
//! it serves in a download ZIP.
//!
//! [`verify`] answers three questions about an XMLDSig `Signature` and the file it signs:
//! 1. does the `DigestValue` of its one `Reference` match the SHA-256 of the file's bytes;
//! 2. does its `SignatureValue` verify over the canonical form of its `SignedInfo` with the key
//!    of the certificate in `KeyInfo/X509Data/X509Certificate`;
//! 3. is that certificate one of the [`TrustedCert`]s the caller pins.
//!
//! Supported: RSA-SHA256 (`xmldsig-more#rsa-sha256`, what ANAF's Ministry of Finance
//! certificates use) and ECDSA-P256-SHA256 (`xmldsig-more#ecdsa-sha256`, what the simulator
//! signs with), SHA-256 digests, references without transforms, and SignedInfo canonicalized
//! with inclusive or exclusive C14N 1.0 without comments.
//!
//! What it is not: a general XMLDSig engine. The canonicalizer here covers what a `SignedInfo`
//! holds (elements, attributes, namespace declarations, text); it does not handle
//! `InclusiveNamespaces` prefix lists, `xml:*` attribute inheritance, comments or entity
//! declarations. The simulator writes its `SignedInfo` exactly in canonical form, so its
//! signatures verify exactly; verifying ANAF's real signature files needs a general C14N
//! implementation, which is not done, and has not been tried on a real file. Trust is by
//! pinning: a certificate counts if its DER bytes equal a trusted one (no chain building, no
//! validity dates, no revocation).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use roxmltree::{Document, Node};
use rustls_pki_types::{CertificateDer, SignatureVerificationAlgorithm};

/// The XMLDSig namespace.
pub const NS_DSIG: &str = "http://www.w3.org/2000/09/xmldsig#";
/// Inclusive C14N 1.0 without comments.
pub const C14N: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
/// Exclusive C14N 1.0 without comments.
pub const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
/// SHA-256 digests.
pub const DIGEST_SHA256: &str = "http://www.w3.org/2001/04/xmlenc#sha256";
/// ECDSA with SHA-256, signature value `r || s` (RFC 4050).
pub const ECDSA_SHA256: &str = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
/// RSA PKCS#1 v1.5 with SHA-256.
pub const RSA_SHA256: &str = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

/// A certificate whose signatures the caller accepts, held as DER.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TrustedCert {
    der: Vec<u8>,
}

impl TrustedCert {
    /// A certificate from its DER bytes (not checked until used).
    pub fn from_der(der: impl Into<Vec<u8>>) -> Self {
        TrustedCert { der: der.into() }
    }

    /// A certificate from PEM text (`-----BEGIN CERTIFICATE-----`), the first one if several.
    pub fn from_pem(pem: &str) -> Result<Self, VerifyError> {
        let begin = "-----BEGIN CERTIFICATE-----";
        let body = pem
            .split_once(begin)
            .and_then(|(_, rest)| rest.split_once("-----END CERTIFICATE-----"))
            .map(|(body, _)| body)
            .ok_or_else(|| VerifyError::Malformed(format!("no '{begin}' block in the PEM text")))?;
        let der = decode_base64(body, "PEM certificate")?;
        Ok(TrustedCert { der })
    }

    /// Every certificate of a PEM bundle, in order; an error when there is none or one is
    /// not base64.
    pub fn all_from_pem(pem: &str) -> Result<Vec<Self>, VerifyError> {
        let mut certs = Vec::new();
        let mut rest = pem;
        const END: &str = "-----END CERTIFICATE-----";
        while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
            let block = &rest[start..];
            let end = block.find(END).ok_or_else(|| {
                VerifyError::Malformed("a certificate block is not closed".to_owned())
            })? + END.len();
            certs.push(TrustedCert::from_pem(&block[..end])?);
            rest = &block[end..];
        }
        if certs.is_empty() {
            return Err(VerifyError::Malformed(
                "no '-----BEGIN CERTIFICATE-----' block in the PEM text".to_owned(),
            ));
        }
        Ok(certs)
    }

    /// The SHA-256 of the DER bytes, hex: how the certificate is named in messages.
    pub fn fingerprint(&self) -> String {
        hex(ring::digest::digest(&ring::digest::SHA256, &self.der).as_ref())
    }

    /// The DER bytes.
    pub fn der(&self) -> &[u8] {
        &self.der
    }
}

/// What a successful [`verify`] established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureCheck {
    /// The trusted certificate that signed.
    pub certificate: TrustedCert,
    /// The `SignatureMethod` URI.
    pub algorithm: String,
    /// The `Reference/@URI`, usually the signed file's name.
    pub reference_uri: Option<String>,
}

/// Why a signature did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The signature file is not an XMLDSig `Signature` this module can read.
    #[error("malformed signature: {0}")]
    Malformed(String),
    /// An algorithm or construct this module does not implement.
    #[error("unsupported signature: {0}")]
    Unsupported(String),
    /// The signed file is not the one the signature covers.
    #[error("the file's SHA-256 is {actual}, the signature covers {expected}")]
    DigestMismatch {
        /// The `DigestValue`, base64.
        expected: String,
        /// The file's digest, base64.
        actual: String,
    },
    /// The signing certificate is none of the trusted ones.
    #[error("the signing certificate is not trusted (SHA-256 of its DER: {fingerprint})")]
    UntrustedCertificate {
        /// Hex SHA-256 of the certificate's DER.
        fingerprint: String,
    },
    /// The certificate could not be parsed.
    #[error("cannot read the signing certificate: {0}")]
    Certificate(String),
    /// The `SignatureValue` does not verify over `SignedInfo` with the certificate's key.
    #[error("the signature value does not verify over SignedInfo with the certificate's key")]
    BadSignature,
}

/// Checks `signature_xml` (a detached XMLDSig `Signature`) over `invoice_xml` (the signed
/// file's exact bytes) against `trusted` certificates. See the [module](self) for what is
/// and is not covered.
pub fn verify(
    invoice_xml: &[u8],
    signature_xml: &[u8],
    trusted: &[TrustedCert],
) -> Result<SignatureCheck, VerifyError> {
    let text = std::str::from_utf8(signature_xml)
        .map_err(|e| VerifyError::Malformed(format!("not UTF-8: {e}")))?;
    let doc = Document::parse(text).map_err(|e| VerifyError::Malformed(format!("{e}")))?;
    let signature = doc
        .descendants()
        .find(|n| is_dsig(n, "Signature"))
        .ok_or_else(|| VerifyError::Malformed("no ds:Signature element".to_owned()))?;
    let signed_info = dsig_child(signature, "SignedInfo")?;
    let c14n = match algorithm(dsig_child(signed_info, "CanonicalizationMethod")?)? {
        C14N => Canonicalization::Inclusive,
        EXC_C14N => Canonicalization::Exclusive,
        other => return Err(unsupported("canonicalization", other)),
    };
    let method = algorithm(dsig_child(signed_info, "SignatureMethod")?)?;
    let reference_uri = check_reference(signed_info, invoice_xml)?;

    let cert_text = dsig_child(dsig_child(signature, "KeyInfo")?, "X509Data")
        .and_then(|data| dsig_child(data, "X509Certificate"))?
        .text()
        .unwrap_or_default();
    let der = decode_base64(cert_text, "X509Certificate")?;
    let Some(certificate) = trusted.iter().find(|t| t.der == der) else {
        return Err(VerifyError::UntrustedCertificate {
            fingerprint: TrustedCert::from_der(der).fingerprint(),
        });
    };
    let value_text = dsig_child(signature, "SignatureValue")?
        .text()
        .unwrap_or_default();
    let value = decode_base64(value_text, "SignatureValue")?;
    let (alg, value): (&dyn SignatureVerificationAlgorithm, Vec<u8>) = match method {
        ECDSA_SHA256 => (webpki::ring::ECDSA_P256_SHA256, ecdsa_raw_to_der(&value)?),
        RSA_SHA256 => (webpki::ring::RSA_PKCS1_2048_8192_SHA256, value),
        other => return Err(unsupported("signature method", other)),
    };
    let cert_der = CertificateDer::from(der.as_slice());
    let cert = webpki::EndEntityCert::try_from(&cert_der)
        .map_err(|e| VerifyError::Certificate(format!("{e:?}")))?;
    let canonical = canonicalize(signed_info, c14n);
    cert.verify_signature(alg, canonical.as_bytes(), &value)
        .map_err(|_| VerifyError::BadSignature)?;
    Ok(SignatureCheck {
        certificate: certificate.clone(),
        algorithm: method.to_owned(),
        reference_uri,
    })
}

/// Checks the one `Reference` of `signed_info` against the file; returns its URI.
fn check_reference(signed_info: Node<'_, '_>, file: &[u8]) -> Result<Option<String>, VerifyError> {
    let mut references = signed_info.children().filter(|n| is_dsig(n, "Reference"));
    let reference = references
        .next()
        .ok_or_else(|| VerifyError::Malformed("SignedInfo has no Reference".to_owned()))?;
    if references.next().is_some() {
        return Err(VerifyError::Unsupported(
            "more than one Reference in a detached signature".to_owned(),
        ));
    }
    if let Some(transforms) = reference.children().find(|n| is_dsig(n, "Transforms"))
        && transforms.children().any(|n| n.is_element())
    {
        return Err(VerifyError::Unsupported(
            "Reference transforms (the simulator signs the file's raw bytes)".to_owned(),
        ));
    }
    match algorithm(dsig_child(reference, "DigestMethod")?)? {
        DIGEST_SHA256 => {}
        other => return Err(unsupported("digest method", other)),
    }
    let expected = dsig_child(reference, "DigestValue")?
        .text()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<String>();
    let actual = BASE64.encode(ring::digest::digest(&ring::digest::SHA256, file));
    if expected != actual {
        return Err(VerifyError::DigestMismatch { expected, actual });
    }
    Ok(reference.attribute("URI").map(str::to_owned))
}

fn is_dsig(node: &Node<'_, '_>, local: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == local
        && node.tag_name().namespace() == Some(NS_DSIG)
}

fn dsig_child<'a, 'input>(
    parent: Node<'a, 'input>,
    local: &str,
) -> Result<Node<'a, 'input>, VerifyError> {
    parent
        .children()
        .find(|n| is_dsig(n, local))
        .ok_or_else(|| {
            VerifyError::Malformed(format!("{} has no ds:{local}", parent.tag_name().name()))
        })
}

fn algorithm<'a>(node: Node<'a, '_>) -> Result<&'a str, VerifyError> {
    node.attribute("Algorithm").ok_or_else(|| {
        VerifyError::Malformed(format!("{} has no Algorithm", node.tag_name().name()))
    })
}

fn unsupported(what: &str, uri: &str) -> VerifyError {
    VerifyError::Unsupported(format!("{what} '{uri}'"))
}

fn decode_base64(text: &str, what: &str) -> Result<Vec<u8>, VerifyError> {
    let compact: String = text.split_whitespace().collect();
    BASE64
        .decode(compact)
        .map_err(|e| VerifyError::Malformed(format!("{what} is not base64: {e}")))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// An XMLDSig ECDSA value (`r || s`, 32 bytes each for P-256) as the ASN.1 DER
/// `SEQUENCE { INTEGER r, INTEGER s }` that certificate-based verifiers take.
fn ecdsa_raw_to_der(raw: &[u8]) -> Result<Vec<u8>, VerifyError> {
    if raw.len() != 64 {
        return Err(VerifyError::Malformed(format!(
            "an ECDSA P-256 SignatureValue has 64 bytes, this one {}",
            raw.len()
        )));
    }
    let integer = |half: &[u8]| {
        let trimmed: Vec<u8> = half.iter().copied().skip_while(|&b| b == 0).collect();
        let mut out = vec![0x02];
        let pad = trimmed.first().is_none_or(|&b| b & 0x80 != 0);
        // At most 33 bytes: the length fits one byte.
        out.push(u8::try_from(trimmed.len() + usize::from(pad)).unwrap_or(u8::MAX));
        if pad {
            out.push(0);
        }
        out.extend(trimmed);
        out
    };
    let (r, s) = raw.split_at(32);
    let body = [integer(r), integer(s)].concat();
    let mut der = vec![0x30, u8::try_from(body.len()).unwrap_or(u8::MAX)];
    der.extend(body);
    Ok(der)
}

/// Which C14N 1.0 flavour to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Canonicalization {
    /// Every in-scope namespace is rendered at the apex.
    Inclusive,
    /// Only visibly used namespaces are rendered.
    Exclusive,
}

/// The canonical form (C14N 1.0, no comments) of the subtree at `apex`, as a document subset.
/// Iterative, so a deeply nested input cannot exhaust the stack.
pub(crate) fn canonicalize(apex: Node<'_, '_>, mode: Canonicalization) -> String {
    enum Step<'a, 'input> {
        Open(Node<'a, 'input>, BTreeMap<String, String>),
        Close(String),
    }
    let mut out = String::new();
    let mut stack = vec![Step::Open(apex, BTreeMap::new())];
    while let Some(step) = stack.pop() {
        let (node, rendered) = match step {
            Step::Close(name) => {
                let _ = write!(out, "</{name}>");
                continue;
            }
            Step::Open(node, rendered) => (node, rendered),
        };
        if node.is_text() {
            escape_text(&mut out, node.text().unwrap_or_default());
            continue;
        }
        if !node.is_element() {
            continue; // Comments and processing instructions are not rendered.
        }
        let name = qualified_name(node);
        let (declarations, rendered) = namespace_declarations(node, &name, &rendered, mode);
        let _ = write!(out, "<{name}");
        for (prefix, uri) in &declarations {
            if prefix.is_empty() {
                out.push_str(" xmlns=\"");
            } else {
                let _ = write!(out, " xmlns:{prefix}=\"");
            }
            escape_attribute(&mut out, uri);
            out.push('"');
        }
        let mut attributes: Vec<_> = node
            .attributes()
            .map(|a| {
                let qname = &node.document().input_text()[a.range_qname()];
                (a.namespace().unwrap_or(""), a.name(), qname, a.value())
            })
            .collect();
        attributes.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        for (_, _, qname, value) in attributes {
            let _ = write!(out, " {qname}=\"");
            escape_attribute(&mut out, value);
            out.push('"');
        }
        out.push('>');
        stack.push(Step::Close(name));
        let children: Vec<_> = node.children().collect();
        for child in children.into_iter().rev() {
            stack.push(Step::Open(child, rendered.clone()));
        }
    }
    out
}

/// The element's name as written (`ds:SignedInfo` or `SignedInfo`).
fn qualified_name(node: Node<'_, '_>) -> String {
    let source = &node.document().input_text()[node.range()];
    source
        .trim_start_matches('<')
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The namespace declarations to render on `node`, sorted (default first, then by prefix),
/// and the namespaces rendered once they are.
fn namespace_declarations(
    node: Node<'_, '_>,
    name: &str,
    rendered: &BTreeMap<String, String>,
    mode: Canonicalization,
) -> (Vec<(String, String)>, BTreeMap<String, String>) {
    let in_scope: BTreeMap<String, String> = node
        .namespaces()
        .filter(|ns| ns.name() != Some("xml"))
        .map(|ns| (ns.name().unwrap_or("").to_owned(), ns.uri().to_owned()))
        .collect();
    let wanted: Vec<String> = match mode {
        Canonicalization::Inclusive => {
            let mut all: Vec<String> = in_scope.keys().cloned().collect();
            if !in_scope.contains_key("") && rendered.get("").is_some_and(|u| !u.is_empty()) {
                all.push(String::new());
            }
            all
        }
        Canonicalization::Exclusive => {
            let own = name.split_once(':').map_or("", |(p, _)| p).to_owned();
            let text = node.document().input_text();
            let mut used = vec![own];
            used.extend(node.attributes().filter_map(|a| {
                text[a.range_qname()]
                    .split_once(':')
                    .map(|(p, _)| p.to_owned())
            }));
            used
        }
    };
    let mut next = rendered.clone();
    let mut declarations = Vec::new();
    for prefix in wanted {
        let uri = in_scope.get(&prefix).cloned().unwrap_or_default();
        let current = rendered.get(&prefix).map_or("", String::as_str);
        if current != uri && !(prefix.is_empty() && uri.is_empty() && current.is_empty()) {
            next.insert(prefix.clone(), uri.clone());
            declarations.push((prefix, uri));
        }
    }
    declarations.sort();
    declarations.dedup();
    (declarations, next)
}

fn escape_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

fn escape_attribute(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests;
