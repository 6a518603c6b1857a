//! The plans an installation runs under (issue #5 brings the licence keys that choose one;
//! without a licence it is Freemium) and what each allows. Only what other parts already use
//! is here; the licence's features, limits and seats join it with #5.

use time::Duration;

/// A plan of spec §22.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Plan {
    #[default]
    Freemium,
    Starter,
    Professional,
    Business,
}

impl Plan {
    /// How often each company with `syncEnabled` has its SPV box synced (issue #4).
    pub fn efactura_sync_every(self) -> Duration {
        match self {
            Plan::Freemium => Duration::hours(24),
            Plan::Starter => Duration::hours(12),
            Plan::Professional => Duration::hours(4),
            Plan::Business => Duration::hours(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn better_plans_sync_more_often() {
        let every: Vec<i64> = [
            Plan::Freemium,
            Plan::Starter,
            Plan::Professional,
            Plan::Business,
        ]
        .map(|p| p.efactura_sync_every().whole_hours())
        .to_vec();
        assert_eq!(every, [24, 12, 4, 1]);
        assert_eq!(Plan::default(), Plan::Freemium);
    }
}
