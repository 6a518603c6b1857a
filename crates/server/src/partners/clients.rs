//! Client operations (api.md §6): create (enriched from ANAF's registry), edit (copied to draft
//! invoices), soft delete, bulk delete.

mod fields;

pub use fields::{COMPANY, ClientChanges};

use time::OffsetDateTime;

use super::{BulkDeleted, Lookup};
use crate::api::error::ApiError;
use crate::events::{self, Catalog, Change, DomainEvent};
use crate::ids::ClientId;
use crate::state::AppState;
use crate::store::clients::{self, ClientRow};
use crate::store::{StoreError, Ts, Tx};
use crate::tenancy::CompanyScope;
use fields::{assign, blank, check, enrich, registry_cif};

/// What a create did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// A new client; `anaf_validated` when the registry knew its CUI.
    New {
        client: Box<ClientRow>,
        anaf_validated: bool,
    },
    /// A live client with this CUI existed already and is left as it was.
    Existing(Box<ClientRow>),
}

/// Creates a client (api.md §6.1). A Romanian company with a CUI is looked up in ANAF's
/// registry, which fills the fields the request left out; when the registry is unavailable the
/// client is created from what was given.
pub async fn create(
    state: &AppState,
    scope: &CompanyScope,
    changes: ClientChanges,
    now: OffsetDateTime,
) -> Result<Created, ApiError> {
    create_with(state, scope, changes, false, now).await
}

/// Creates a client from its CUI and ANAF's registry (`POST /clients/from-registry`). Without a
/// name, an unknown CUI is a 404 and an unavailable registry a 503.
pub async fn from_registry(
    state: &AppState,
    scope: &CompanyScope,
    cui: String,
    name: Option<String>,
    now: OffsetDateTime,
) -> Result<Created, ApiError> {
    let changes = ClientChanges {
        kind: Some(COMPANY.into()),
        cui: crate::api::json::Patch::Value(cui),
        name,
        ..ClientChanges::default()
    };
    create_with(state, scope, changes, true, now).await
}

async fn create_with(
    state: &AppState,
    scope: &CompanyScope,
    changes: ClientChanges,
    registry_required: bool,
    now: OffsetDateTime,
) -> Result<Created, ApiError> {
    let mut client = blank(scope.id(), now);
    let mut errors = Vec::new();
    let given = assign(&mut client, changes, &mut errors);
    if let Some(cui) = client.cui.as_deref().filter(|_| errors.is_empty())
        && let Some(existing) = clients::find_by_cui(&state.db, scope.id(), cui).await?
    {
        return Ok(Created::Existing(Box::new(existing)));
    }
    let cif = registry_cif(&client).filter(|_| errors.is_empty());
    let answer = match cif {
        Some(cif) => super::lookup(state, cif, now).await?,
        None => Lookup::Unknown,
    };
    if registry_required && errors.is_empty() && client.name.trim().is_empty() {
        super::found(answer.clone())?;
    }
    let anaf_validated = matches!(answer, Lookup::Found(_));
    if let Lookup::Found(record) = &answer {
        enrich(&mut client, record, given);
    }
    check(&mut client, &mut errors);
    super::fields_ok(errors)?;
    let mut tx = state.db.begin().await?;
    match clients::insert(&mut tx, &client).await {
        Err(StoreError::Conflict(_)) => {
            drop(tx);
            let cui = client.cui.as_deref().unwrap_or_default();
            let existing = clients::find_by_cui(&state.db, scope.id(), cui)
                .await?
                .ok_or_else(|| ApiError::conflict("A client with this CUI already exists."))?;
            return Ok(Created::Existing(Box::new(existing)));
        }
        other => other?,
    }
    record(&mut tx, scope, client.id, Change::Created, now).await?;
    tx.commit().await?;
    Ok(Created::New {
        client: Box::new(client),
        anaf_validated,
    })
}

/// Applies `changes` to a client and copies name and tax identity changes to its draft
/// invoices. Returns the client and how many drafts changed.
pub async fn update(
    state: &AppState,
    scope: &CompanyScope,
    mut client: ClientRow,
    changes: ClientChanges,
    now: OffsetDateTime,
) -> Result<(ClientRow, u64), ApiError> {
    let before = client.clone();
    let mut errors = Vec::new();
    assign(&mut client, changes, &mut errors);
    check(&mut client, &mut errors);
    super::fields_ok(errors)?;
    client.updated_at = Ts(now);
    let mut tx = state.db.begin().await?;
    clients::update(&mut tx, &client)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                ApiError::field("cui", "Another client of this company has this CUI.")
            }
            other => other.into(),
        })?;
    let drafts = if invoice_facts_changed(&before, &client) {
        clients::update_draft_receivers(&mut tx, &client, now).await?
    } else {
        0
    };
    record(&mut tx, scope, client.id, Change::Updated, now).await?;
    tx.commit().await?;
    Ok((client, drafts))
}

/// Soft-deletes a client; `false` when the company has no such live client.
pub async fn delete(
    state: &AppState,
    scope: &CompanyScope,
    id: ClientId,
    now: OffsetDateTime,
) -> Result<bool, ApiError> {
    let mut tx = state.db.begin().await?;
    let deleted = delete_in(&mut tx, scope, id, now).await?;
    tx.commit().await?;
    Ok(deleted)
}

/// Soft-deletes each client of the list that the company has; the others are reported.
pub async fn bulk_delete(
    state: &AppState,
    scope: &CompanyScope,
    ids: Vec<String>,
    now: OffsetDateTime,
) -> Result<BulkDeleted, ApiError> {
    super::check_bulk(&ids)?;
    let mut outcome = BulkDeleted::default();
    let mut tx = state.db.begin().await?;
    for text in ids {
        match text.parse::<ClientId>() {
            Ok(id) if delete_in(&mut tx, scope, id, now).await? => outcome.deleted += 1,
            _ => outcome.errors.push((text, "Client not found.")),
        }
    }
    tx.commit().await?;
    Ok(outcome)
}

async fn delete_in(
    tx: &mut Tx,
    scope: &CompanyScope,
    id: ClientId,
    now: OffsetDateTime,
) -> Result<bool, ApiError> {
    if !clients::soft_delete(tx, scope.id(), id, now).await? {
        return Ok(false);
    }
    record(tx, scope, id, Change::Deleted, now).await?;
    Ok(true)
}

async fn record(
    tx: &mut Tx,
    scope: &CompanyScope,
    id: ClientId,
    change: Change,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let event = DomainEvent::CatalogChanged {
        what: Catalog::Client,
        change,
        id: id.0,
    };
    events::record(tx, scope.origin(), &event, now).await?;
    Ok(())
}

/// Whether a change reaches the invoices: their buyer's name and tax identity (api.md §6).
fn invoice_facts_changed(a: &ClientRow, b: &ClientRow) -> bool {
    (
        &a.name,
        &a.cui,
        &a.cnp,
        &a.vat_code,
        a.is_vat_payer,
        &a.country,
    ) != (
        &b.name,
        &b.cui,
        &b.cnp,
        &b.vat_code,
        b.is_vat_payer,
        &b.country,
    )
}
