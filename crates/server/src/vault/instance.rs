//! This installation's fingerprint (lessons #14): a random id made on first start, kept in the
//! data directory (`instance-id`) and in the database (`instance`). A database restored or copied
//! next to another data directory carries the other installation's id, and so do its ANAF tokens:
//! they are frozen there (no refresh, no submission, see `vault::usable`) until an instance
//! administrator adopts the database. Several processes that share one database are one
//! installation: each data directory holds the same `instance-id` file (as each has the same
//! keys).
//!
//! What it cannot see: a database copied together with its data directory is the same
//! installation twice. Give a clone a data directory of its own.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use anyhow::Context;
use time::OffsetDateTime;

use crate::ids::{InstanceId, UserId};
use crate::store::{Db, anaf_tokens, instance};

pub const INSTANCE_FILE: &str = "instance-id";

/// The id in the data directory, created there on first start.
pub fn load_or_create_local(data_dir: &Path) -> anyhow::Result<InstanceId> {
    let path = data_dir.join(INSTANCE_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => text
            .parse()
            .with_context(|| format!("{} does not hold an instance id", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(data_dir)
                .with_context(|| format!("creating data directory {}", data_dir.display()))?;
            let id = InstanceId(uuid::Uuid::new_v4());
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
                .with_context(|| format!("creating {}", path.display()))?;
            file.write_all(format!("{id}\n").as_bytes())?;
            file.sync_all()?;
            tracing::info!(path = %path.display(), instance = %id, "created this installation's id");
            Ok(id)
        }
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// Whether the database belongs to this installation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fingerprint {
    Ours,
    /// The database was restored or copied from installation `database`.
    Foreign {
        database: InstanceId,
    },
}

impl Fingerprint {
    pub fn is_frozen(self) -> bool {
        matches!(self, Fingerprint::Foreign { .. })
    }

    /// Why the tokens are frozen, for people.
    pub fn reason(self) -> Option<&'static str> {
        self.is_frozen().then_some(
            "This database was last used by another Facturo installation (it was restored or \
             copied). Its ANAF tokens are frozen: nothing is refreshed or submitted with them until \
             an instance administrator confirms this installation (POST /api/v1/anaf/confirm-instance).",
        )
    }
}

/// At start: records `local` in a database that has no fingerprint yet, and says whether the
/// database is this installation's.
pub async fn check_at_start(
    db: &Db,
    local: InstanceId,
    now: OffsetDateTime,
) -> Result<Fingerprint, sqlx::Error> {
    let mut tx = db.begin().await?;
    instance::insert_if_missing(&mut tx, local, now).await?;
    tx.commit().await?;
    let found = fingerprint(db, local).await?;
    if let Fingerprint::Foreign { database } = found {
        tracing::warn!(
            %database, this = %local,
            "the database belongs to another installation (restored or copied): its ANAF tokens are \
             frozen until an instance administrator confirms this one"
        );
    }
    Ok(found)
}

/// The fingerprint now: read each time, since another process sharing the database may have
/// adopted it.
pub async fn fingerprint(db: &Db, local: InstanceId) -> Result<Fingerprint, sqlx::Error> {
    Ok(match instance::get(db).await? {
        Some(row) if row.instance_id != local => Fingerprint::Foreign {
            database: row.instance_id,
        },
        _ => Fingerprint::Ours,
    })
}

/// Makes the database this installation's: its fingerprint and every live token. Returns how
/// many tokens were adopted.
pub async fn adopt(
    db: &Db,
    local: InstanceId,
    by: UserId,
    now: OffsetDateTime,
) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin().await?;
    instance::insert_if_missing(&mut tx, local, now).await?;
    instance::adopt(&mut tx, local, by, now).await?;
    let adopted = anaf_tokens::adopt_all(&mut tx, local).await?;
    tx.commit().await?;
    tracing::warn!(instance = %local, admin = %by, adopted, "an administrator adopted the database for this installation");
    Ok(adopted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_id_is_made_once_and_kept() {
        let dir = std::env::temp_dir().join(format!("facturo-instance-{}", uuid::Uuid::now_v7()));
        let first = load_or_create_local(&dir).unwrap();
        assert_eq!(load_or_create_local(&dir).unwrap(), first);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
