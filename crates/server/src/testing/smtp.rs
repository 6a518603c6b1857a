//! A minimal SMTP server that accepts every message and keeps it, so tests hold a real SMTP
//! conversation with the server's mailer (lettre) and read what it sent; in clear text, over
//! TLS from the first byte, or upgraded with STARTTLS, with a certificate from a CA of its own.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio_rustls::rustls::ServerConfig;

/// One received message.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    /// The raw message (headers and body) with dot-stuffing undone.
    pub data: String,
}

impl Mail {
    /// The body with quoted-printable soft line breaks joined, for finding links.
    pub fn text(&self) -> String {
        self.data.replace("=\r\n", "").replace("=3D", "=")
    }
}

#[derive(Debug, Clone)]
pub struct SmtpSink {
    pub port: u16,
    mails: Arc<Mutex<Vec<Mail>>>,
    arrived: Arc<Notify>,
    /// How long the sink waits before accepting a message (to keep a sender busy).
    delay: Duration,
    /// Conversations started, accepted or not yet.
    connections: Arc<std::sync::atomic::AtomicUsize>,
    security: Security,
}

/// How a sink is spoken to.
#[derive(Debug, Clone)]
enum Security {
    Plain,
    /// TLS from the first byte (`smtps`), with the PEM of the CA that signed its certificate.
    Tls(Arc<ServerConfig>, String),
    /// Clear text until the client asks for `STARTTLS` (offered in the EHLO reply).
    StartTls(Arc<ServerConfig>, String),
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        Self::start_slow(Duration::ZERO).await
    }

    /// A sink that takes `delay` to accept each message.
    pub async fn start_slow(delay: Duration) -> SmtpSink {
        Self::listen(delay, Security::Plain).await
    }

    /// A sink spoken to over TLS (`smtps://localhost:port`) whose certificate for `localhost`
    /// is signed by a CA made for it: [`Self::ca_pem`].
    pub async fn start_tls() -> SmtpSink {
        let (config, pem) = tls_config();
        Self::listen(Duration::ZERO, Security::Tls(config, pem)).await
    }

    /// A sink that offers STARTTLS (`smtp://localhost:port?tls=required`), with a certificate
    /// like [`Self::start_tls`]'s.
    pub async fn start_starttls() -> SmtpSink {
        let (config, pem) = tls_config();
        Self::listen(Duration::ZERO, Security::StartTls(config, pem)).await
    }

    /// The PEM of the CA a TLS sink's certificate comes from.
    pub fn ca_pem(&self) -> Option<&str> {
        match &self.security {
            Security::Plain => None,
            Security::Tls(_, pem) | Security::StartTls(_, pem) => Some(pem),
        }
    }

    async fn listen(delay: Duration, security: Security) -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding the SMTP sink");
        let port = listener.local_addr().expect("sink address").port();
        let sink = SmtpSink {
            port,
            mails: Arc::default(),
            arrived: Arc::new(Notify::new()),
            delay,
            connections: Arc::default(),
            security,
        };
        let accepting = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let sink = accepting.clone();
                tokio::spawn(async move {
                    let _ = sink.serve(stream).await;
                });
            }
        });
        sink
    }

    pub fn url(&self) -> String {
        match self.security {
            Security::Plain => format!("smtp://127.0.0.1:{}", self.port),
            Security::Tls(..) => format!("smtps://localhost:{}", self.port),
            Security::StartTls(..) => format!("smtp://localhost:{}?tls=required", self.port),
        }
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mails
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// SMTP conversations started so far.
    pub fn connections(&self) -> usize {
        self.connections.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Waits until at least `n` messages arrived (at most `timeout`) and returns them all.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Mail> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.arrived.notified();
            let mails = self.mails();
            if mails.len() >= n || tokio::time::Instant::now() >= deadline {
                return mails;
            }
            let _ = tokio::time::timeout_at(deadline, notified).await;
        }
    }

    /// One connection: TLS first if the sink is `smtps`, and again after a `STARTTLS`.
    async fn serve(&self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        self.connections
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let accept = |config: &Arc<ServerConfig>| tokio_rustls::TlsAcceptor::from(config.clone());
        match &self.security {
            Security::Plain => self.converse(stream, Greeting::Plain).await.map(drop),
            Security::Tls(config, _) => {
                let stream = accept(config).accept(stream).await?;
                self.converse(stream, Greeting::Plain).await.map(drop)
            }
            Security::StartTls(config, _) => {
                if let Some(stream) = self.converse(stream, Greeting::OfferingTls).await? {
                    let stream = accept(config).accept(stream).await?;
                    self.converse(stream, Greeting::AfterStartTls).await?;
                }
                Ok(())
            }
        }
    }

    /// The SMTP conversation on `stream`. Answers the stream back when the client asked for
    /// STARTTLS (offered only with [`Greeting::OfferingTls`]).
    async fn converse<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        stream: S,
        greeting: Greeting,
    ) -> std::io::Result<Option<S>> {
        let mut lines = BufReader::new(stream);
        if greeting != Greeting::AfterStartTls {
            lines
                .get_mut()
                .write_all(b"220 sink.test ESMTP ready\r\n")
                .await?;
        }
        let (mut from, mut to) = (String::new(), Vec::new());
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(None);
            }
            let upper = line.trim_end().to_ascii_uppercase();
            let reply: &[u8] = if upper.starts_with("EHLO") {
                if greeting == Greeting::OfferingTls {
                    b"250-sink.test\r\n250-STARTTLS\r\n250 8BITMIME\r\n"
                } else {
                    b"250-sink.test\r\n250 8BITMIME\r\n"
                }
            } else if upper == "STARTTLS" && greeting == Greeting::OfferingTls {
                lines
                    .get_mut()
                    .write_all(b"220 Ready to start TLS\r\n")
                    .await?;
                return Ok(Some(lines.into_inner()));
            } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
                b"250 OK\r\n"
            } else if upper.starts_with("RSET") {
                (from, to) = (String::new(), Vec::new());
                b"250 OK\r\n"
            } else if greeting == Greeting::OfferingTls && upper.starts_with("MAIL FROM:") {
                // Nothing is taken in clear text from a sink that offers TLS.
                b"530 Must issue a STARTTLS command first\r\n"
            } else if upper.starts_with("MAIL FROM:") {
                from = line.trim_end()[10..].trim().to_owned();
                b"250 OK\r\n"
            } else if upper.starts_with("RCPT TO:") {
                to.push(
                    line.trim_end()[8..]
                        .trim()
                        .trim_matches(['<', '>'])
                        .to_owned(),
                );
                b"250 OK\r\n"
            } else if upper == "DATA" {
                lines
                    .get_mut()
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(None);
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                tokio::time::sleep(self.delay).await;
                self.mails
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(Mail {
                        from: from.clone(),
                        to: to.clone(),
                        data,
                    });
                self.arrived.notify_waiters();
                b"250 OK queued\r\n"
            } else if upper.starts_with("QUIT") {
                lines.get_mut().write_all(b"221 Bye\r\n").await?;
                return Ok(None);
            } else {
                b"502 Command not implemented\r\n"
            };
            lines.get_mut().write_all(reply).await?;
        }
    }
}

/// Where a conversation starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Greeting {
    /// Greets, offers no STARTTLS.
    Plain,
    /// Greets and offers STARTTLS.
    OfferingTls,
    /// Just upgraded: the client speaks first (EHLO again).
    AfterStartTls,
}

/// Waits a little for a slow job runner (debug builds on 2 cores).
pub const MAIL_WAIT: Duration = Duration::from_secs(20);

/// A TLS server configuration with a certificate for `localhost` and 127.0.0.1 signed by a new
/// CA, and the CA's PEM.
fn tls_config() -> (Arc<ServerConfig>, String) {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    use tokio_rustls::rustls;
    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "Facturo test SMTP CA");
    let ca_cert = ca.self_signed(&ca_key).expect("CA certificate");
    let key = KeyPair::generate().expect("server key");
    let params = CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
        .expect("server params");
    let cert = params
        .signed_by(&key, &Issuer::new(ca, ca_key))
        .expect("server certificate");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        )
        .expect("server TLS config");
    (Arc::new(config), ca_cert.pem())
}
