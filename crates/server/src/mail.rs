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

    pub fn from_config(smtp_url: Option<&str>, from: &str) -> anyhow::Result<Mailer> {
        let Some(url) = smtp_url else {
            return Ok(Mailer::Log);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| anyhow::anyhow!("FACTURO_SMTP_URL '{url}': {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
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
