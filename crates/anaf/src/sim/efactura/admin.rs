//! What tests set and read directly: taxpayers, rights, OAuth clients, the clock, fault
//! rules and counters.

use std::time::Duration;

use time::OffsetDateTime;

use super::fault::{Endpoint, FaultRule};
use super::oauth::{IssuedTokens, OAuthApp};
use super::{EfacturaSim, Environment, SimConfig, SimError, Taxpayer};
use crate::signature::TrustedCert;

impl EfacturaSim {
    /// Makes `cif` a simulated taxpayer named `name`: invoices to it land in its box as
    /// `FACTURA PRIMITA`.
    pub fn add_taxpayer(&self, cif: u64, name: &str) {
        let mut state = self.lock();
        let enforcement = state.taxpayers.get(&cif).is_some_and(|t| t.enforcement);
        state.taxpayers.insert(
            cif,
            Taxpayer {
                name: name.to_owned(),
                enforcement,
            },
        );
    }

    /// Registers `cif` in "Registrul RO e-Factura executari silite", so `executare=DA`
    /// uploads may name it.
    pub fn add_to_enforcement_registry(&self, cif: u64) {
        let mut state = self.lock();
        state
            .taxpayers
            .entry(cif)
            .or_insert_with(|| Taxpayer {
                name: format!("Debitor {cif}"),
                enforcement: false,
            })
            .enforcement = true;
    }

    /// Gives certificate holder `user` (created if new) SPV rights on `cif`.
    pub fn grant(&self, user: &str, cif: u64) {
        self.lock().user_mut(user).cifs.insert(cif);
    }

    /// Takes `user`'s SPV rights on `cif` away.
    pub fn withdraw(&self, user: &str, cif: u64) {
        self.lock().user_mut(user).cifs.remove(&cif);
    }

    /// The certificate serial the lists report as `serial` for `user`.
    pub fn serial_of(&self, user: &str) -> String {
        self.lock().user_mut(user).serial.clone()
    }

    /// Registers an OAuth application.
    pub fn add_app(&self, client: OAuthApp) {
        self.lock()
            .oauth
            .clients
            .insert(client.client_id.clone(), client);
    }

    /// The next `authorize` request (without `sim_user`) is approved for `user` at once,
    /// without the form.
    pub fn approve_next(&self, user: &str) {
        self.lock().oauth.pre_approved.push_back(user.to_owned());
    }

    /// JWT-shaped tokens for `user` and `client_id` (need not be registered), as a
    /// completed authorization would give, without the OAuth dance.
    pub fn issue_tokens(&self, user: &str, client_id: &str) -> IssuedTokens {
        let now = self.now();
        let mut state = self.lock();
        state.user_mut(user);
        self.mint(&mut state, user, client_id, true, now)
    }

    /// Revokes every token of `user`, as a withdrawn certificate would.
    pub fn revoke_tokens_of(&self, user: &str) {
        self.lock().oauth.revoke_user(user);
    }

    /// The simulated time.
    pub fn now(&self) -> OffsetDateTime {
        self.clock().now()
    }

    /// Moves simulated time forward by `by` (processing, token expiry, quota days, message
    /// retention all follow).
    pub fn advance(&self, by: Duration) {
        self.clock().advance(by);
    }

    /// Makes simulated time read `at` now and run on with real time.
    pub fn set_time(&self, at: OffsetDateTime) {
        self.clock().set(at);
    }

    /// Makes simulated time follow `now` (the embedding app's clock, e.g. the server's
    /// `Clock`), so that moving that clock moves processing, quotas and token expiry too.
    /// [`EfacturaSim::advance`] still adds on top; [`EfacturaSim::freeze`] stops following.
    pub fn follow_clock(&self, now: impl Fn() -> OffsetDateTime + Send + Sync + 'static) {
        self.clock().follow(std::sync::Arc::new(now));
    }

    /// Makes simulated time read `at` until advanced (deterministic tests).
    pub fn freeze(&self, at: OffsetDateTime) {
        self.clock().freeze(at);
    }

    /// Changes the configuration. Id ranges apply only to a simulator not yet used.
    pub fn configure(&self, change: impl FnOnce(&mut SimConfig)) {
        change(&mut self.lock().config);
    }

    /// Adds a fault rule after the existing ones.
    pub fn add_fault(&self, rule: FaultRule) {
        self.lock().faults.add(rule);
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        self.lock().faults.clear();
    }

    /// How many calls a [`FaultKind::Timeout`](super::FaultKind::Timeout) holds right now,
    /// counted until they have taken effect. A test whose clock runs faster than real time
    /// waits for none before moving it: a hold lasts seconds at ANAF, not the hours a fast
    /// clock covers meanwhile.
    pub fn held_calls(&self) -> usize {
        self.shared.held.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// How many calls reached `endpoint`, refused and faulted ones included.
    pub fn calls(&self, endpoint: Endpoint) -> usize {
        self.lock().calls.get(&endpoint).copied().unwrap_or(0)
    }

    /// How many stored uploads (both environments) had exactly these bytes: 1 proves an
    /// exactly-once submission.
    pub fn uploads_of(&self, content: &[u8]) -> usize {
        let digest = ring::digest::digest(&ring::digest::SHA256, content);
        let mut key = [0u8; 32];
        key.copy_from_slice(digest.as_ref());
        self.uploads_with_sha256(&key)
    }

    /// How many stored uploads had content with this SHA-256.
    pub fn uploads_with_sha256(&self, sha256: &[u8; 32]) -> usize {
        self.lock()
            .uploads_by_sha256
            .get(sha256)
            .copied()
            .unwrap_or(0)
    }

    /// How many messages `cif`'s box in `env` holds, after processing what is due.
    pub fn messages(&self, env: Environment, cif: u64) -> usize {
        let now = self.now();
        let mut state = self.lock();
        state.settle(env, now);
        state.env(env).box_len(cif)
    }

    /// The certificate the simulator signs downloads with: trust it in
    /// [`crate::signature::verify`].
    pub fn certificate(&self) -> TrustedCert {
        self.signer().trusted()
    }

    /// The same certificate as PEM.
    pub fn certificate_pem(&self) -> String {
        self.signer().pem().to_owned()
    }

    /// The ZIP the simulator would serve for `document` filed under `index`: the document as
    /// `{index}.xml` and its signature (for tests that store archives without downloading).
    pub fn signed_archive(&self, index: u64, document: &[u8]) -> Result<Vec<u8>, SimError> {
        self.archive(index, document)
    }
}
