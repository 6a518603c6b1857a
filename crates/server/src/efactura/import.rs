//! Storing a downloaded `FACTURA PRIMITA` as an incoming invoice of its company (issue #4 item
//! 6): the supplier found by CIF within the company or created from the seller, the invoice
//! imported once however often ANAF delivers it (lessons.md #6), the original XML kept as the
//! invoice's XML and the archive (XML and ANAF's signature) on the message, linked to it.
//! Everything is keyed by company: the same CIF in two organisations imports each message into
//! each (lessons.md #12).

use anaf::efactura::archive::{self, Content, InvoiceSyntax};
use anaf::efactura::parse_details;
use time::OffsetDateTime;

use super::incoming::{self, Context, Incoming};
use crate::documents::calendar::bucharest_today;
use crate::documents::save::facts;
use crate::events::{self, Catalog, Change, DomainEvent, Origin};
use crate::ids::{EfacturaMessageId, InvoiceId, SupplierId};
use crate::state::AppState;
use crate::store::companies::Company;
use crate::store::efactura_messages::{self, Stored};
use crate::store::invoices::{self, IncomingIdentity};
use crate::store::{StoreError, Tx, invoice_xml, suppliers};

/// What importing a message did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The invoice the message is: new, or the one imported before.
    pub invoice: InvoiceId,
    /// The invoice was imported before (from another message, or the same one).
    pub duplicate: bool,
    /// Its supplier was created for it.
    pub new_supplier: bool,
    pub warnings: Vec<String>,
}

/// Why a message could not be imported. Only `Database` is worth retrying soon; the others
/// wait for a better reader (the archive stays stored, nothing is downloaded again).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the message is not downloaded")]
    NotDownloaded,
    #[error("{0}")]
    Unreadable(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Imports the stored message `id` of `company`. A message imported before gives its invoice
/// again; a copy of an imported invoice is linked to it, not imported twice.
pub async fn import_message(
    state: &AppState,
    company: &Company,
    id: EfacturaMessageId,
    now: OffsetDateTime,
) -> Result<Imported, ImportError> {
    let message = efactura_messages::stored(&state.db, company.id, id)
        .await?
        .ok_or(ImportError::NotDownloaded)?;
    let Some(bytes) = message.archive.as_deref() else {
        return Err(ImportError::NotDownloaded);
    };
    let opened = archive::parse(bytes)
        .map_err(|e| ImportError::Unreadable(format!("The archive cannot be read: {e}.")))?;
    let entry = opened.invoice().ok_or_else(|| {
        let unreadable: Vec<String> = opened
            .entries
            .iter()
            .filter_map(|e| match &e.content {
                Content::Unreadable { reason } => Some(format!("{}: {reason}", e.name)),
                _ => None,
            })
            .collect();
        ImportError::Unreadable(if unreadable.is_empty() {
            "The archive holds no invoice.".into()
        } else {
            format!(
                "The archive holds no readable invoice ({}).",
                unreadable.join("; ")
            )
        })
    })?;
    if entry.content == Content::Invoice(InvoiceSyntax::Cii) {
        return Err(ImportError::Unreadable(
            "The invoice is in CII syntax, which is not imported yet.".into(),
        ));
    }
    let details = parse_details(message.details.as_deref().unwrap_or_default());
    let ctx = Context {
        company: company.id,
        company_cif: company.cif,
        issuer_cif: details.issuer_cif.as_deref(),
        received_on: bucharest_today(message.anaf_created_at.0),
        fallback_number: format!("ANAF-{}", message.message_id),
        now,
    };
    let mut read = incoming::read(&entry.bytes, &ctx)
        .map_err(|e| ImportError::Unreadable(format!("The invoice cannot be read: {e}.")))?;
    // A signature that does not hold is shown on the invoice, which is imported all the same:
    // the archive stays as ANAF served it, for the user to judge.
    let signature = super::signature::check_opened(&state.anaf, &opened);
    match &signature {
        None => read
            .warnings
            .push("The archive holds no ANAF signature.".into()),
        Some(v) if v.valid == Some(false) => read.warnings.push(v.message.clone()),
        Some(_) => {}
    }
    let signature_valid = signature.and_then(|v| v.valid);
    let xml = std::str::from_utf8(&entry.bytes).ok();
    // A concurrent import of the same invoice (another message of it) loses the race on the
    // unique index; the second attempt finds the first's invoice.
    for _ in 0..2 {
        if let Some(imported) =
            store(state, company, &message, &read, xml, signature_valid, now).await?
        {
            return Ok(imported);
        }
    }
    Err(ImportError::Unreadable(
        "The invoice could not be stored: a concurrent import kept conflicting.".into(),
    ))
}

/// One attempt in one transaction; `None` when a concurrent write conflicted.
async fn store(
    state: &AppState,
    company: &Company,
    message: &Stored,
    read: &Incoming,
    xml: Option<&str>,
    signature_valid: Option<bool>,
    now: OffsetDateTime,
) -> Result<Option<Imported>, sqlx::Error> {
    let inv = &read.invoice;
    let identity = IncomingIdentity {
        sender_cif: inv.sender_cif.as_deref(),
        sender_name: inv.sender_name.as_deref().unwrap_or_default(),
        number: &inv.number,
        issue_date: inv.issue_date,
        total: inv.total,
        document_type: &inv.document_type,
    };
    let mut tx = state.db.begin().await?;
    if let Some(existing) = invoices::find_incoming(&mut tx, company.id, &identity).await? {
        efactura_messages::mark_imported(
            &mut tx,
            message.id,
            existing,
            &read.warnings,
            signature_valid,
            now,
        )
        .await?;
        tx.commit().await?;
        return Ok(Some(Imported {
            invoice: existing,
            duplicate: true,
            new_supplier: false,
            warnings: read.warnings.clone(),
        }));
    }
    let origin = Origin {
        organization: company.organization_id,
        company: Some(company.id),
        actor: None,
    };
    let Some((supplier, new_supplier)) = supplier(&mut tx, read, origin, now).await? else {
        return Ok(None);
    };
    let mut inv = inv.clone();
    inv.supplier_id = Some(supplier);
    if let Some(number) = read.preceding_number.as_deref() {
        inv.parent_document_id =
            invoices::find_incoming_number(&mut tx, company.id, supplier, number).await?;
    }
    match invoices::insert(&mut tx, &inv, &read.lines).await {
        Err(StoreError::Conflict(_)) => return Ok(None),
        Err(StoreError::Database(e)) => return Err(e),
        Ok(()) => {}
    }
    if let Some(xml) = xml {
        invoice_xml::put(&mut tx, company.id, inv.id, xml, now).await?;
    }
    events::record(
        &mut tx,
        origin,
        &DomainEvent::InvoiceSynced(facts(&inv)),
        now,
    )
    .await?;
    efactura_messages::mark_imported(
        &mut tx,
        message.id,
        inv.id,
        &read.warnings,
        signature_valid,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(Imported {
        invoice: inv.id,
        duplicate: false,
        new_supplier,
        warnings: read.warnings.clone(),
    }))
}

/// The supplier the invoice is filed under, created from the seller when the company has none
/// with its CIF (or, without a CIF, its name); `None` when a concurrent insert conflicted.
async fn supplier(
    tx: &mut Tx,
    read: &Incoming,
    origin: Origin,
    now: OffsetDateTime,
) -> Result<Option<(SupplierId, bool)>, sqlx::Error> {
    let s = &read.supplier;
    let company = s.company_id;
    if let Some(id) = suppliers::find_for_sync(tx, company, s.cif.as_deref(), &s.name).await? {
        return Ok(Some((id, false)));
    }
    match suppliers::insert(tx, s).await {
        Err(StoreError::Conflict(_)) => return Ok(None),
        Err(StoreError::Database(e)) => return Err(e),
        Ok(()) => {}
    }
    let event = DomainEvent::CatalogChanged {
        what: Catalog::Supplier,
        change: Change::Created,
        id: s.id.0,
    };
    events::record(tx, origin, &event, now).await?;
    Ok(Some((s.id, true)))
}
