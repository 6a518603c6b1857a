//! Fault rules: which calls fail, how, and the seeded randomness that picks them.

use std::time::Duration;

/// An endpoint of the simulator, for fault rules and call counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Endpoint {
    /// `POST upload`.
    Upload,
    /// `POST uploadb2c`.
    UploadB2c,
    /// `GET stareMesaj`.
    Status,
    /// `GET listaMesajeFactura`.
    List,
    /// `GET listaMesajePaginatieFactura`.
    PagedList,
    /// `GET descarcare`.
    Download,
    /// `POST validare/{standard}`.
    Validate,
    /// `POST transformare/{standard}[/DA]`.
    Transform,
    /// `GET`/`POST /anaf-oauth2/v1/authorize`.
    Authorize,
    /// `POST /anaf-oauth2/v1/token`.
    Token,
    /// `POST /anaf-oauth2/v1/revoke`.
    Revoke,
}

impl Endpoint {
    /// Every endpoint.
    pub const ALL: [Endpoint; 11] = [
        Endpoint::Upload,
        Endpoint::UploadB2c,
        Endpoint::Status,
        Endpoint::List,
        Endpoint::PagedList,
        Endpoint::Download,
        Endpoint::Validate,
        Endpoint::Transform,
        Endpoint::Authorize,
        Endpoint::Token,
        Endpoint::Revoke,
    ];

    /// The endpoint's name as in ANAF's paths: `upload`, `stareMesaj`, `token`, ….
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::Upload => "upload",
            Endpoint::UploadB2c => "uploadb2c",
            Endpoint::Status => "stareMesaj",
            Endpoint::List => "listaMesajeFactura",
            Endpoint::PagedList => "listaMesajePaginatieFactura",
            Endpoint::Download => "descarcare",
            Endpoint::Validate => "validare",
            Endpoint::Transform => "transformare",
            Endpoint::Authorize => "authorize",
            Endpoint::Token => "token",
            Endpoint::Revoke => "revoke",
        }
    }

    /// The endpoint [`Endpoint::name`] names.
    pub fn from_name(name: &str) -> Option<Self> {
        Endpoint::ALL.into_iter().find(|e| e.name() == name)
    }

    /// Whether this is one of the two upload endpoints.
    pub fn is_upload(self) -> bool {
        matches!(self, Endpoint::Upload | Endpoint::UploadB2c)
    }
}

/// Which matching calls a rule hits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trigger {
    /// Every matching call.
    Always,
    /// The next `n` matching calls, then the rule is spent.
    Next(u32),
    /// Each matching call with this probability (0.0 to 1.0), drawn from the seeded generator.
    Probability(f64),
}

/// What a lost response looks like to the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LostResponse {
    /// The connection closes before a complete answer arrives.
    Reset,
    /// HTTP 500 with ANAF's technical-error body.
    ServerError,
}

/// What a rule does to the calls it hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FaultKind {
    /// HTTP 500 with a Spring error body; nothing is done.
    ServerError,
    /// Holds the call this long (real time) before serving it normally: longer than the
    /// client's timeout, the client gives up while the call, an upload included, still takes
    /// effect.
    Timeout(Duration),
    /// The call takes effect (an upload is stored and processed), but its answer is lost.
    ResponseLost(LostResponse),
    /// HTTP 429 with `Retry-After` in seconds; nothing is done.
    RateLimited {
        /// The `Retry-After` value.
        retry_after_secs: u64,
    },
    /// HTTP 200 with ANAF's firewall page ([`FIREWALL_PAGE`](crate::sim::FIREWALL_PAGE));
    /// nothing is done.
    Firewall,
    /// HTTP 204 with no body (Odoo reads it as "limit reached"); nothing is done.
    NoContent,
    /// HTTP 403 with an empty body, as some users meet on misconfigured calls; nothing is
    /// done.
    Forbidden,
    /// Uploads only: accepted with an index, but processing ends in
    /// `XML cu erori nepreluat de sistem` with no message.
    NotTakenOver,
    /// Uploads only: accepted with an index, but processing ends in `nok` with ANAF's
    /// duplicate error ("Factura a mai fost transmisa anterior cu index=…"), naming the
    /// earlier accepted upload of the same invoice, or else the environment's previous upload.
    Duplicate,
    /// Downloads only: the ZIP's document is changed after it was signed (a comment is
    /// appended), so its signature no longer verifies.
    TamperedArchive,
    /// Paginated lists only: after the page is served, a message created at the end of the
    /// listed window appears (ANAF listed it late); lists are newest first, so every message
    /// moves one place down the pages: a client paging on sees one message twice and misses
    /// the new one.
    PageShift,
}

impl FaultKind {
    /// Whether the fault is served before the call does anything.
    pub(crate) fn replaces_call(self) -> bool {
        matches!(
            self,
            FaultKind::ServerError
                | FaultKind::RateLimited { .. }
                | FaultKind::Firewall
                | FaultKind::NoContent
                | FaultKind::Forbidden
        )
    }

    /// Whether the fault only makes sense on an upload.
    pub(crate) fn is_upload_only(self) -> bool {
        matches!(self, FaultKind::NotTakenOver | FaultKind::Duplicate)
    }
}

/// A fault-injection rule: on `endpoint` (or any), when `trigger` fires, serve `kind`.
/// Rules are tried in the order they were added; the first that fires wins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaultRule {
    /// The endpoint the rule applies to; `None` for all of them.
    pub endpoint: Option<Endpoint>,
    /// Which matching calls it hits.
    pub trigger: Trigger,
    /// What it does.
    pub kind: FaultKind,
}

impl FaultRule {
    /// `kind` on every call of `endpoint`.
    pub fn on(endpoint: Endpoint, kind: FaultKind) -> Self {
        FaultRule {
            endpoint: Some(endpoint),
            trigger: Trigger::Always,
            kind,
        }
    }

    /// `kind` on every call of every endpoint.
    pub fn everywhere(kind: FaultKind) -> Self {
        FaultRule {
            endpoint: None,
            trigger: Trigger::Always,
            kind,
        }
    }

    /// The same rule, for the next `n` matching calls only.
    pub fn next(self, n: u32) -> Self {
        FaultRule {
            trigger: Trigger::Next(n),
            ..self
        }
    }

    /// The same rule, hitting each matching call with probability `p`.
    pub fn with_probability(self, p: f64) -> Self {
        FaultRule {
            trigger: Trigger::Probability(p),
            ..self
        }
    }

    fn applies_to(&self, endpoint: Endpoint) -> bool {
        let kind_fits = if self.kind.is_upload_only() {
            endpoint.is_upload()
        } else if self.kind == FaultKind::TamperedArchive {
            endpoint == Endpoint::Download
        } else if self.kind == FaultKind::PageShift {
            endpoint == Endpoint::PagedList
        } else {
            true
        };
        kind_fits && self.endpoint.is_none_or(|e| e == endpoint)
    }
}

/// The active rules and the generator behind probabilities.
#[derive(Debug)]
pub(crate) struct Faults {
    rules: Vec<FaultRule>,
    rng: SplitMix64,
}

impl Faults {
    pub(crate) fn new(seed: u64) -> Self {
        Faults {
            rules: Vec::new(),
            rng: SplitMix64(seed),
        }
    }

    pub(crate) fn add(&mut self, rule: FaultRule) {
        self.rules.push(rule);
    }

    pub(crate) fn clear(&mut self) {
        self.rules.clear();
    }

    /// The fault a call of `endpoint` gets, if any; spends `Next` rules.
    pub(crate) fn pick(&mut self, endpoint: Endpoint) -> Option<FaultKind> {
        let mut hit = None;
        for (at, rule) in self.rules.iter_mut().enumerate() {
            if !rule.applies_to(endpoint) {
                continue;
            }
            let fires = match &mut rule.trigger {
                Trigger::Always => true,
                Trigger::Next(n) => {
                    *n = n.saturating_sub(1);
                    true
                }
                Trigger::Probability(p) => self.rng.next_unit() < *p,
            };
            if fires {
                hit = Some((at, rule.kind));
                break;
            }
        }
        let (at, kind) = hit?;
        if self.rules[at].trigger == Trigger::Next(0) {
            self.rules.remove(at);
        }
        Some(kind)
    }
}

/// Sebastiano Vigna's SplitMix64: small, fast and good enough to pick faults reproducibly.
#[derive(Debug)]
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn next_unit(&mut self) -> f64 {
        // The top 53 bits fit a double's mantissa exactly.
        #[allow(clippy::cast_precision_loss)]
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn next_rules_are_spent_in_order_and_filtered_by_endpoint() {
        let mut faults = Faults::new(1);
        faults.add(FaultRule::on(Endpoint::Upload, FaultKind::ServerError).next(2));
        faults.add(FaultRule::everywhere(FaultKind::NotTakenOver).next(1));
        assert_eq!(
            faults.pick(Endpoint::Status),
            None,
            "not-taken-over is upload-only"
        );
        assert_eq!(faults.pick(Endpoint::Upload), Some(FaultKind::ServerError));
        assert_eq!(faults.pick(Endpoint::Upload), Some(FaultKind::ServerError));
        assert_eq!(
            faults.pick(Endpoint::UploadB2c),
            Some(FaultKind::NotTakenOver)
        );
        assert_eq!(faults.pick(Endpoint::Upload), None);
    }

    #[test]
    fn probabilities_are_reproducible_from_the_seed() {
        let draw = |seed| {
            let mut faults = Faults::new(seed);
            faults.add(FaultRule::everywhere(FaultKind::Firewall).with_probability(0.3));
            (0..1000)
                .filter(|_| faults.pick(Endpoint::List).is_some())
                .count()
        };
        assert_eq!(draw(7), draw(7));
        let hits = draw(7);
        assert!((230..370).contains(&hits), "{hits}");
    }
}
