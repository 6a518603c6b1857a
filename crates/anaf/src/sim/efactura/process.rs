//! Asynchronous processing: an upload whose delay has passed on the simulated clock is
//! checked against the business rules and duplicates, and its messages are filed
//! (tax-apis.md §1.3 steps 2–6).
//!
//! Processing is lazy: every call that can observe its result first settles what is due, in
//! `(ready, index)` order, and each message carries the instant its upload became ready, so
//! the outcome does not depend on when somebody looks.

use time::OffsetDateTime;

use super::clock;
use super::document::examine;
use super::store::{Body, Forced, Message, Outcome, Parties, Tip, Upload};
use super::{BuyerMessageId, DuplicateKey, Environment, State};
use crate::efactura::Standard;

impl State {
    /// Finishes every upload of `env` due by `now`.
    pub(crate) fn settle(&mut self, env: Environment, now: OffsetDateTime) {
        while let Some(index) = self.env(env).take_due(now) {
            self.process(env, index);
        }
    }

    fn process(&mut self, env: Environment, index: u64) {
        let Some(upload) = self.env(env).upload(index).cloned() else {
            return;
        };
        if upload.forced == Forced::NotTakenOver {
            self.finish(
                env,
                index,
                Outcome::NotTakenOver,
                Parties::default(),
                Vec::new(),
            );
            return;
        }
        let examined = match &upload.body {
            Body::Stored(bytes) => examine(upload.standard, bytes),
            // Seeded invoices and delivered archives are stored finished; nothing to examine.
            Body::Seeded(_) | Body::Archive(_) => return,
        };
        let parties = examined.parties;
        let mut errors = examined.errors;
        if upload.standard == Standard::Rasp {
            let outcome = self.file_rasp(env, &upload, parties.answers);
            self.finish(env, index, outcome, parties, errors);
            return;
        }
        let key = self.duplicate_key(&upload, &parties);
        let earlier = key
            .as_ref()
            .and_then(|k| self.env(env).accepted.get(k).copied());
        let earlier = match (earlier, upload.forced) {
            (Some(found), _) => Some(found),
            (None, Forced::Duplicate) => self.previous_upload(env, index),
            (None, _) => None,
        };
        if let Some((first, when)) = earlier {
            errors.insert(
                0,
                format!(
                    "Factura a mai fost transmisa anterior cu index={first} si data incarcare={}",
                    clock::iso_date(when)
                ),
            );
        }
        let outcome = if errors.is_empty() {
            if let Some(key) = key {
                self.env(env)
                    .accepted
                    .insert(key, (upload.index, upload.received));
            }
            self.file_invoice(env, &upload, &parties)
        } else {
            self.file_errors(env, &upload, &parties)
        };
        self.finish(env, index, outcome, parties, errors);
    }

    fn finish(
        &mut self,
        env: Environment,
        index: u64,
        outcome: Outcome,
        parties: Parties,
        errors: Vec<String>,
    ) {
        if let Some(upload) = self.env(env).upload_mut(index) {
            upload.outcome = outcome;
            upload.parties = parties;
            upload.errors = errors;
        }
    }

    /// The invoice's duplicate key under the configured rule, when the document gives one.
    fn duplicate_key(&self, upload: &Upload, parties: &Parties) -> Option<String> {
        let seller = parties.seller?;
        if parties.number.is_empty() {
            return None;
        }
        let kind = match upload.standard {
            Standard::CreditNote => "CN",
            _ => "INV",
        };
        match self.config.duplicate_key {
            DuplicateKey::SellerNumberDate => Some(format!(
                "{kind}/{seller}/{}/{}",
                parties.number,
                parties
                    .issue_date
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            )),
            DuplicateKey::SellerNumber => Some(format!("{kind}/{seller}/{}", parties.number)),
            DuplicateKey::Off => None,
        }
    }

    /// The upload before `index` in `env`, with its time: what a forced duplicate names.
    fn previous_upload(&mut self, env: Environment, index: u64) -> Option<(u64, OffsetDateTime)> {
        let store = self.env(env);
        let previous = index.checked_sub(1).and_then(|i| store.upload(i));
        let own = store.upload(index);
        previous.or(own).map(|u| (u.index, u.received))
    }

    /// `ok`: FACTURA TRIMISA for the seller, FACTURA PRIMITA for a simulated Romanian buyer
    /// (not `extern`, not B2C). A self-billed invoice is uploaded by the buyer: the buyer's
    /// box gets FACTURA PRIMITA, the supplier's FACTURA TRIMISA.
    fn file_invoice(&mut self, env: Environment, upload: &Upload, parties: &Parties) -> Outcome {
        let seller = parties.seller.unwrap_or(upload.cif);
        let buyer = parties.buyer;
        let details = match (upload.flags.self_billed, buyer) {
            (true, _) => format!(
                "Factura cu id_incarcare={} transmisa de cif={}  ca autofactutra in numele cif={seller}",
                upload.index, upload.cif
            ),
            (false, Some(buyer)) => format!(
                "Factura cu id_incarcare={} emisa de cif_emitent={seller} pentru cif_beneficiar={buyer}",
                upload.index
            ),
            (false, None) => format!(
                "Factura cu id_incarcare={} emisa de cif_emitent={seller}",
                upload.index
            ),
        };
        let shared = self.config.buyer_message_id == BuyerMessageId::Shared;
        let (own_tip, own_box, other_tip, other_box) = if upload.flags.self_billed {
            (Tip::Received, upload.cif, Tip::Sent, Some(seller))
        } else {
            let deliver = !upload.flags.external && !upload.flags.b2c;
            (Tip::Sent, seller, Tip::Received, buyer.filter(|_| deliver))
        };
        let own_id = self.file(env, upload, own_box, own_tip, &details, None);
        let other_box = other_box.filter(|cif| *cif != own_box && self.is_taxpayer(*cif));
        if let Some(cif) = other_box {
            self.file(
                env,
                upload,
                cif,
                other_tip,
                &details,
                shared.then_some(own_id),
            );
        }
        Outcome::Ok(own_id)
    }

    /// `nok`: ERORI FACTURA for the seller, or the `cif` parameter's owner when the seller
    /// cannot be read (or the invoice is self-billed: the uploading buyer).
    fn file_errors(&mut self, env: Environment, upload: &Upload, parties: &Parties) -> Outcome {
        let owner = if upload.flags.self_billed {
            upload.cif
        } else {
            parties.seller.unwrap_or(upload.cif)
        };
        let declared = if upload.flags.self_billed {
            "de tip declarat=AUTOFACTURA, "
        } else {
            ""
        };
        let details = format!(
            "Erori de validare identificate la factura {declared}transmisa cu id_incarcare={}",
            upload.index
        );
        Outcome::Nok(self.file(env, upload, owner, Tip::Errors, &details, None))
    }

    /// A RASP message: MESAJ CUMPARATOR TRANSMIS for the sender, PRIMIT for the other party
    /// of the invoice it answers, when that invoice is known here.
    fn file_rasp(&mut self, env: Environment, upload: &Upload, answers: Option<u64>) -> Outcome {
        let answered = answers.and_then(|i| self.env(env).upload(i).map(|u| u.parties.clone()));
        let details = format!(
            "Mesaj cu id_incarcare={} transmis de cif={} pentru factura cu id_incarcare={}",
            upload.index,
            upload.cif,
            answers.unwrap_or_default()
        );
        let own = self.file(
            env,
            upload,
            upload.cif,
            Tip::BuyerMessageSent,
            &details,
            None,
        );
        let other = answered.and_then(|p| {
            [p.seller, p.buyer]
                .into_iter()
                .flatten()
                .find(|cif| *cif != upload.cif)
        });
        if let Some(cif) = other {
            self.file(env, upload, cif, Tip::BuyerMessageReceived, &details, None);
        }
        Outcome::Ok(own)
    }

    /// Puts one message about `upload` in `cif`'s box; returns its id (`id`, when given).
    fn file(
        &mut self,
        env: Environment,
        upload: &Upload,
        cif: u64,
        tip: Tip,
        details: &str,
        id: Option<u64>,
    ) -> u64 {
        let store = self.env(env);
        let id = id.unwrap_or_else(|| store.allocate_message_id());
        store.push_message(Message {
            id,
            cif,
            tip,
            index: upload.index,
            details: details.to_owned(),
            created: upload.ready,
        });
        id
    }
}
