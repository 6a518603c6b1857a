//! A minimal SMTP server that accepts every message and keeps it, so tests hold a real SMTP
//! conversation with the server's mailer (lettre) and read what it sent; in clear text, or
//! over TLS with a certificate from a CA of its own.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Notify;

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
    /// TLS from the first byte (`smtps`), and the PEM of the CA that signed its certificate.
    tls: Option<(Arc<tokio_rustls::rustls::ServerConfig>, String)>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        Self::start_slow(Duration::ZERO).await
    }

    /// A sink that takes `delay` to accept each message.
    pub async fn start_slow(delay: Duration) -> SmtpSink {
        Self::listen(delay, None).await
    }

    /// A sink spoken to over TLS (`smtps://localhost:port`) whose certificate for `localhost`
    /// is signed by a CA made for it: [`Self::ca_pem`].
    pub async fn start_tls() -> SmtpSink {
        Self::listen(Duration::ZERO, Some(tls_config())).await
    }

    /// The PEM of the CA a TLS sink's certificate comes from.
    pub fn ca_pem(&self) -> Option<&str> {
        self.tls.as_ref().map(|(_, pem)| pem.as_str())
    }

    async fn listen(
        delay: Duration,
        tls: Option<(Arc<tokio_rustls::rustls::ServerConfig>, String)>,
    ) -> SmtpSink {
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
            tls,
        };
        let accepting = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let sink = accepting.clone();
                tokio::spawn(async move {
                    let _ = match &sink.tls {
                        Some((config, _)) => match tokio_rustls::TlsAcceptor::from(config.clone())
                            .accept(stream)
                            .await
                        {
                            Ok(stream) => sink.converse(stream).await,
                            Err(e) => Err(e),
                        },
                        None => sink.converse(stream).await,
                    };
                });
            }
        });
        sink
    }

    pub fn url(&self) -> String {
        match self.tls {
            Some(_) => format!("smtps://localhost:{}", self.port),
            None => format!("smtp://127.0.0.1:{}", self.port),
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

    async fn converse(&self, stream: impl AsyncRead + AsyncWrite) -> std::io::Result<()> {
        self.connections
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let (read, mut write) = tokio::io::split(stream);
        let mut lines = BufReader::new(read);
        write.write_all(b"220 sink.test ESMTP ready\r\n").await?;
        let (mut from, mut to) = (String::new(), Vec::new());
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let upper = line.trim_end().to_ascii_uppercase();
            let reply: &[u8] = if upper.starts_with("EHLO") {
                b"250-sink.test\r\n250 8BITMIME\r\n"
            } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
                b"250 OK\r\n"
            } else if upper.starts_with("RSET") {
                (from, to) = (String::new(), Vec::new());
                b"250 OK\r\n"
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
                write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
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
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            } else {
                b"502 Command not implemented\r\n"
            };
            write.write_all(reply).await?;
        }
    }
}

/// Waits a little for a slow job runner (debug builds on 2 cores).
pub const MAIL_WAIT: Duration = Duration::from_secs(20);

/// A TLS server configuration with a certificate for `localhost` and 127.0.0.1 signed by a new
/// CA, and the CA's PEM.
fn tls_config() -> (Arc<tokio_rustls::rustls::ServerConfig>, String) {
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
