//! Outgoing e-mail: SMTP through lettre, or the log when no SMTP server is configured. E-mails
//! are sent by the `send_email` job, never inside a request.

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

/// One plain-text e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
}

/// A file attached to an e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    /// `application/pdf`, `application/xml`, …
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// An e-mail with copies and attachments (a document sent to a client). Built by its job from
/// the send log, never stored whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub to: String,
    pub cc: Vec<String>,
    pub bcc: Vec<String>,
    pub subject: String,
    pub text: String,
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("no SMTP server is configured (FACTURO_SMTP_URL)")]
    NotConfigured,
    #[error("'{0}' is not a MIME type")]
    ContentType(String),
    #[error("invalid address '{address}': {reason}")]
    Address { address: String, reason: String },
    #[error("building the message: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
}

impl MailError {
    /// Whether trying again later may succeed.
    pub fn is_transient(&self) -> bool {
        match self {
            MailError::Smtp(e) => !e.is_permanent(),
            _ => false,
        }
    }
}

#[derive(Clone, Debug)]
pub enum Mailer {
    Smtp {
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        from: Mailbox,
    },
    /// No SMTP server configured: e-mails are written to the log (local use).
    Log,
}

fn mailbox(address: &str) -> Result<Mailbox, MailError> {
    address
        .parse()
        .map_err(|e: lettre::address::AddressError| MailError::Address {
            address: address.to_owned(),
            reason: e.to_string(),
        })
}

/// Whether `address` is one e-mail address lettre can send to.
pub fn is_address(address: &str) -> bool {
    address.parse::<lettre::Address>().is_ok()
}

impl Mailer {
    /// Whether e-mails really leave (else they are only logged).
    pub fn is_configured(&self) -> bool {
        matches!(self, Mailer::Smtp { .. })
    }

    /// The sender's address, when e-mails really leave.
    pub fn from_address(&self) -> Option<String> {
        match self {
            Mailer::Smtp { from, .. } => Some(from.email.to_string()),
            Mailer::Log => None,
        }
    }

    /// Sends a multipart e-mail: the text, then each attachment. Refused without SMTP: a
    /// document must not look sent when it was only logged.
    pub async fn send_outgoing(&self, mail: &Outgoing) -> Result<(), MailError> {
        use lettre::message::{Attachment as Part, MultiPart, SinglePart};
        let Mailer::Smtp { transport, from } = self else {
            return Err(MailError::NotConfigured);
        };
        let mut builder = Message::builder()
            .from(from.clone())
            .to(mailbox(&mail.to)?)
            .subject(&mail.subject);
        for cc in &mail.cc {
            builder = builder.cc(mailbox(cc)?);
        }
        for bcc in &mail.bcc {
            builder = builder.bcc(mailbox(bcc)?);
        }
        let mut body = MultiPart::mixed().singlepart(SinglePart::plain(mail.text.clone()));
        for a in &mail.attachments {
            let kind = ContentType::parse(&a.content_type)
                .map_err(|_| MailError::ContentType(a.content_type.clone()))?;
            body = body.singlepart(Part::new(a.filename.clone()).body(a.bytes.clone(), kind));
        }
        transport.send(builder.multipart(body)?).await?;
        Ok(())
    }

    /// The mailer of `FACTURO_SMTP_URL` (`smtps://…`, `smtp://…?tls=required` for STARTTLS;
    /// plain `smtp://` is unencrypted and warned about unless the server is on loopback),
    /// trusting `ca_pem`'s certificates besides the public roots.
    pub fn from_config(
        smtp_url: Option<&str>,
        ca_pem: Option<&str>,
        from: &str,
    ) -> anyhow::Result<Mailer> {
        let Some(url) = smtp_url else {
            return Ok(Mailer::Log);
        };
        if let Some(host) = unencrypted_remote(url) {
            tracing::warn!(
                "FACTURO_SMTP_URL sends e-mail and the SMTP password unencrypted to {host}: \
                 use smtps://… or add ?tls=required"
            );
        }
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| anyhow::anyhow!("FACTURO_SMTP_URL '{}': {e}", redacted(url)))?
            .timeout(Some(std::time::Duration::from_secs(20)));
        if let Some(pem) = ca_pem {
            builder = builder.tls(with_roots(url, pem)?);
        }
        let transport = builder.build();
        let from = from
            .parse()
            .map_err(|e| anyhow::anyhow!("FACTURO_MAIL_FROM '{from}': {e}"))?;
        Ok(Mailer::Smtp {
            transport: Box::new(transport),
            from,
        })
    }

    pub async fn send(&self, email: &Email) -> Result<(), MailError> {
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Address {
                address: email.to.clone(),
                reason: e.to_string(),
            })?;
        match self {
            Mailer::Smtp { transport, from } => {
                let message = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(&email.subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(email.text.clone())?;
                transport.send(message).await?;
                Ok(())
            }
            Mailer::Log => {
                tracing::info!(to = %email.to, subject = %email.subject, body = %email.text, "e-mail (no SMTP configured)");
                Ok(())
            }
        }
    }
}

/// The TLS mode `url` asks for (`smtps`: TLS from the start; `tls=required` or
/// `opportunistic`: STARTTLS), trusting `pem`'s certificates besides the public roots.
fn with_roots(url: &str, pem: &str) -> anyhow::Result<lettre::transport::smtp::client::Tls> {
    use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
    let parsed = url::Url::parse(url)
        .map_err(|e| anyhow::anyhow!("FACTURO_SMTP_URL '{}': {e}", redacted(url)))?;
    let tls = parsed
        .query_pairs()
        .find(|(k, _)| k == "tls")
        .map(|(_, v)| v.into_owned());
    let mode: fn(TlsParameters) -> Tls = match (parsed.scheme(), tls.as_deref()) {
        ("smtps", _) => Tls::Wrapper,
        (_, Some("required")) => Tls::Required,
        (_, Some("opportunistic")) => Tls::Opportunistic,
        _ => anyhow::bail!(
            "FACTURO_SMTP_CA_FILE is for TLS: use smtps://… or ?tls=required in FACTURO_SMTP_URL"
        ),
    };
    let host = parsed
        .host_str()
        .ok_or_else(|| anyhow::anyhow!("FACTURO_SMTP_URL '{}': no host", redacted(url)))?;
    let mut params = TlsParameters::builder(host.to_owned());
    let mut found = 0;
    for block in pem.split_inclusive("-----END CERTIFICATE-----") {
        if let Some(start) = block.find("-----BEGIN CERTIFICATE-----") {
            let cert = Certificate::from_pem(&block.as_bytes()[start..])
                .map_err(|e| anyhow::anyhow!("FACTURO_SMTP_CA_FILE: {e}"))?;
            params = params.add_root_certificate(cert);
            found += 1;
        }
    }
    anyhow::ensure!(found > 0, "FACTURO_SMTP_CA_FILE holds no PEM certificate");
    let params = params
        .build_rustls()
        .map_err(|e| anyhow::anyhow!("FACTURO_SMTP_CA_FILE: {e}"))?;
    Ok(mode(params))
}

/// `url` with its password masked, for messages and logs.
fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.password().is_some() {
                let _ = parsed.set_password(Some("***"));
            }
            parsed.to_string()
        }
        Err(_) => "(not a URL)".to_owned(),
    }
}

/// The host a plain `smtp://` URL without `tls=` sends to in clear text, unless it is on
/// loopback (a local relay).
fn unencrypted_remote(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    if parsed.scheme() != "smtp" || parsed.query_pairs().any(|(k, _)| k == "tls") {
        return None;
    }
    // `smtp` is not a scheme the URL standard knows, so its host is never parsed as an address.
    let host = parsed.host_str()?;
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    (!loopback).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{Mailer, redacted, unencrypted_remote};

    #[test]
    fn a_ca_file_needs_a_tls_url_and_a_certificate() {
        let error = |url: &str, pem: &str| {
            Mailer::from_config(Some(url), Some(pem), "Facturo <f@firma.test>")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(
            error("smtp://mail.firma.ro:25", "-----BEGIN CERTIFICATE-----")
                .contains("use smtps://")
        );
        assert_eq!(
            error("smtps://mail.firma.ro", "not a certificate"),
            "FACTURO_SMTP_CA_FILE holds no PEM certificate"
        );
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redacted("smtps://facturi:s3cret@mail.firma.ro:465"),
            "smtps://facturi:***@mail.firma.ro:465"
        );
        assert_eq!(
            redacted("smtp://mail.firma.ro?tls=required"),
            "smtp://mail.firma.ro?tls=required"
        );
        assert_eq!(redacted("not a url with s3cret"), "(not a URL)");
    }

    #[test]
    fn clear_text_to_a_remote_server_is_noticed() {
        assert_eq!(
            unencrypted_remote("smtp://u:p@mail.firma.ro:587").as_deref(),
            Some("mail.firma.ro")
        );
        for safe in [
            "smtps://u:p@mail.firma.ro",
            "smtp://u:p@mail.firma.ro:587?tls=required",
            "smtp://127.0.0.1:2525",
            "smtp://localhost:25",
            "smtp://[::1]:25",
        ] {
            assert_eq!(unencrypted_remote(safe), None, "{safe}");
        }
    }
}
