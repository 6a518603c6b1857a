//! Where webhooks may go. A URL must be `https://` and its host must not resolve to an internal
//! address (loopback, private, link-local, …), unless the host is on the allow-list. The check
//! runs when an endpoint is saved and again inside the HTTP client's resolver at every
//! connection: the client connects to exactly the addresses that passed, so a DNS answer that
//! changes between the check and the connection (rebinding) cannot reach an internal address.
//! Redirects are not followed and no proxy from the environment is used.

use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use super::Settings;

/// Why a URL may not be called.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    /// Not an absolute `https://` URL with a host (or `http://` for an allow-listed host).
    #[error("A valid HTTPS URL is required.")]
    Invalid,
    #[error("The webhook URL points to an internal address ({0}).")]
    Internal(IpAddr),
    #[error("The webhook URL's host does not resolve: {0}")]
    Unresolvable(String),
}

/// Resolves host names; tests script one to play DNS rebinding.
pub trait Lookup: Send + Sync {
    fn lookup<'a>(
        &'a self,
        host: &'a str,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<IpAddr>>> + Send + 'a>>;
}

/// The operating system's resolver.
#[derive(Debug, Clone, Copy)]
pub struct SystemLookup;

impl Lookup for SystemLookup {
    fn lookup<'a>(
        &'a self,
        host: &'a str,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<IpAddr>>> + Send + 'a>> {
        Box::pin(async move {
            Ok(tokio::net::lookup_host((host, 0))
                .await?
                .map(|a| a.ip())
                .collect())
        })
    }
}

/// Parses an endpoint URL: absolute, `https` (or `http` for an allow-listed host), with a host,
/// without a fragment.
pub fn parse(url: &str, settings: &Settings) -> Result<Url, TargetError> {
    let parsed = Url::parse(url.trim()).map_err(|_| TargetError::Invalid)?;
    let host = parsed.host_str().ok_or(TargetError::Invalid)?;
    let scheme_ok = match parsed.scheme() {
        "https" => true,
        "http" => settings.allows(host),
        _ => false,
    };
    if !scheme_ok || parsed.fragment().is_some() || host.is_empty() {
        return Err(TargetError::Invalid);
    }
    Ok(parsed)
}

/// Resolves the URL's host and refuses it when any address is internal (allow-listed hosts
/// pass without a lookup).
pub async fn check(url: &Url, settings: &Settings) -> Result<(), TargetError> {
    let host = url.host_str().ok_or(TargetError::Invalid)?;
    if settings.allows(host) {
        return Ok(());
    }
    match url.host() {
        Some(url::Host::Ipv4(ip)) => refuse_internal(&[IpAddr::V4(ip)]),
        Some(url::Host::Ipv6(ip)) => refuse_internal(&[IpAddr::V6(ip)]),
        Some(url::Host::Domain(name)) => {
            let addrs = resolve(settings.lookup.as_ref(), name).await?;
            refuse_internal(&addrs)
        }
        None => Err(TargetError::Invalid),
    }
}

async fn resolve(lookup: &dyn Lookup, host: &str) -> Result<Vec<IpAddr>, TargetError> {
    match lookup.lookup(host).await {
        Ok(addrs) if !addrs.is_empty() => Ok(addrs),
        Ok(_) => Err(TargetError::Unresolvable(format!("{host} has no address"))),
        Err(e) => Err(TargetError::Unresolvable(format!("{host}: {e}"))),
    }
}

fn refuse_internal(addrs: &[IpAddr]) -> Result<(), TargetError> {
    match addrs.iter().find(|ip| is_internal(**ip)) {
        Some(ip) => Err(TargetError::Internal(*ip)),
        None => Ok(()),
    }
}

/// Whether an address is not on the public internet: loopback, private, shared (CGNAT),
/// link-local (cloud metadata included), unspecified, multicast, broadcast, reserved,
/// documentation and benchmarking ranges, and IPv6 forms that embed such an IPv4 address.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => internal_v4(v4),
        IpAddr::V6(v6) => internal_v6(v6),
    }
}

fn internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240 // reserved
}

fn internal_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return internal_v4(v4);
    }
    let s = ip.segments();
    let embeds_internal = |hi: u16, lo: u16| {
        let (high, low) = (hi.to_be_bytes(), lo.to_be_bytes());
        internal_v4(Ipv4Addr::new(high[0], high[1], low[0], low[1]))
    };
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local
        || (s[0] & 0xffc0) == 0xfe80 // link-local
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || (s[0] == 0x2001 && s[1] == 0) // Teredo
        || (s[..6] == [0, 0, 0, 0, 0, 0] && embeds_internal(s[6], s[7])) // IPv4-compatible
        || (s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] && embeds_internal(s[6], s[7])) // NAT64
        || (s[0] == 0x2002 && embeds_internal(s[1], s[2])) // 6to4
}

/// The resolver of the delivery client: resolves, refuses internal addresses (unless the host
/// is allow-listed) and hands the client exactly the addresses it checked.
struct GuardedResolver {
    settings: Settings,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let settings = self.settings.clone();
        Box::pin(async move {
            let host = name.as_str();
            let addrs = resolve(settings.lookup.as_ref(), host).await?;
            if !settings.allows(host) {
                refuse_internal(&addrs)?;
            }
            let addrs: Addrs = Box::new(addrs.into_iter().map(|ip| SocketAddr::new(ip, 0)));
            Ok(addrs)
        })
    }
}

/// The HTTP client deliveries go through: the guarded resolver, no redirects, no proxy, the
/// configured timeouts, no cookies.
pub fn client(settings: &Settings) -> anyhow::Result<reqwest::Client> {
    anaf::install_crypto_provider();
    Ok(reqwest::Client::builder()
        .dns_resolver(Arc::new(GuardedResolver {
            settings: settings.clone(),
        }))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.timeout)
        .build()?)
}

/// The refusal a failed request carries, if the resolver refused the address.
pub fn refusal(err: &reqwest::Error) -> Option<TargetError> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = source {
        if let Some(t) = e.downcast_ref::<TargetError>() {
            return Some(t.clone());
        }
        source = e.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_addresses_are_recognised() {
        for internal in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.10",
            "198.18.0.1",
            "240.0.0.1",
            "192.0.0.8",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::a00:1",
            "2002:c0a8:0101::1",
            "fec0::1",
        ] {
            assert!(is_internal(ip(internal)), "{internal} is internal");
        }
        for public in [
            "93.184.216.34",
            "8.8.8.8",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
            "::ffff:93.184.216.34",
            "64:ff9b::808:808",
            "2002:5db8:d822::1",
        ] {
            assert!(!is_internal(ip(public)), "{public} is public");
        }
    }

    #[test]
    fn urls_must_be_https_unless_allowed() {
        let settings = Settings {
            allow_hosts: vec!["127.0.0.1".into(), "erp.lan".into()],
            ..Settings::default()
        };
        assert!(parse("https://hooks.example.com/x", &settings).is_ok());
        assert_eq!(
            parse("http://hooks.example.com/x", &settings),
            Err(TargetError::Invalid)
        );
        assert!(parse("http://127.0.0.1:9000/x", &settings).is_ok());
        assert!(parse("http://ERP.lan/x", &settings).is_ok());
        for bad in [
            "ftp://x.example/",
            "not a url",
            "https://",
            "/relative",
            "https://x.example/#f",
            "javascript:alert(1)",
        ] {
            assert_eq!(parse(bad, &settings), Err(TargetError::Invalid), "{bad}");
        }
    }

    #[tokio::test]
    async fn literal_and_resolved_internal_hosts_are_refused() {
        let settings = Settings::default();
        let url = Url::parse("https://127.0.0.1/hook").unwrap();
        assert_eq!(
            check(&url, &settings).await,
            Err(TargetError::Internal(ip("127.0.0.1")))
        );
        let url = Url::parse("https://[::ffff:a9fe:a9fe]/latest/meta-data").unwrap();
        assert!(matches!(
            check(&url, &settings).await,
            Err(TargetError::Internal(_))
        ));
        let url = Url::parse("https://localhost/hook").unwrap();
        assert!(matches!(
            check(&url, &settings).await,
            Err(TargetError::Internal(_))
        ));
    }
}
