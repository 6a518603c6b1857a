//! `Db` (the pools) and `Tx` (a write transaction), each an enum over SQLite and PostgreSQL, and
//! the two macros that run one SQL text on whichever backend is live.
//!
//! sqlx's `AnyPool` cannot decode PostgreSQL `uuid`, `timestamptz` or `numeric`, so instead every
//! query is written once and compiled twice: `on_db!`/`on_tx!` expand the same expression in both
//! match arms, where `$c` is a SQLite or a PostgreSQL executor.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Postgres, Sqlite, Transaction};

/// Which database a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// The connection pools. SQLite gets one writer connection (SQLite allows one writer at a time;
/// queueing in the pool is cheaper than `SQLITE_BUSY` retries) and several readers (WAL lets them
/// read while the writer writes).
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite { write: SqlitePool, read: SqlitePool },
    Postgres(PgPool),
}

/// A write transaction. Every state change and its outbox event (and job) share one.
#[derive(Debug)]
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// Runs `$body` with `$c` bound to a read executor of the live backend.
#[macro_export]
macro_rules! on_db {
    ($db:expr, $c:ident => $body:expr) => {
        match $db {
            $crate::store::Db::Sqlite { read, .. } => {
                let $c = read;
                $body
            }
            $crate::store::Db::Postgres(pool) => {
                let $c = pool;
                $body
            }
        }
    };
}

/// Runs `$body` with `$c` bound to the transaction's connection (`&mut Connection`).
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match $tx {
            $crate::store::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::store::Tx::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}

/// Pool settings that matter for capacity.
#[derive(Debug, Clone, Copy)]
pub struct PoolSize {
    pub max_connections: u32,
}

impl Default for PoolSize {
    fn default() -> Self {
        PoolSize { max_connections: 8 }
    }
}

impl Db {
    /// Connects to `url` (`sqlite:…` or `postgres://…`), creating a SQLite file and its parent
    /// directory when missing.
    pub async fn connect(url: &str, size: PoolSize) -> Result<Db, sqlx::Error> {
        match Backend::of_url(url) {
            Some(Backend::Sqlite) => Self::connect_sqlite(url, size).await,
            Some(Backend::Postgres) => {
                let options = PgConnectOptions::from_str(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(size.max_connections)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                Ok(Db::Postgres(pool))
            }
            None => Err(sqlx::Error::Configuration(
                format!("unsupported database URL '{url}': use sqlite:… or postgres://…").into(),
            )),
        }
    }

    async fn connect_sqlite(url: &str, size: PoolSize) -> Result<Db, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("cache_size", "-16000")
            .pragma("temp_store", "memory");
        if let Some(parent) = Path::new(options.get_filename()).parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
        }
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.clone())
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(size.max_connections)
            .connect_with(options.read_only(true))
            .await?;
        Ok(Db::Sqlite { write, read })
    }

    /// SQLite: when the write-ahead log holds more than `max_frames` pages, copies them into
    /// the database and truncates the log. SQLite's own checkpoint after each commit copies
    /// pages but can only restart the log when no reader is using it, and a busy server always
    /// has readers: the log then grows without bound and every page lookup slows down with it
    /// ("checkpoint starvation", sqlite.org/wal.html §"Avoiding Excessively Large WAL Files").
    /// Returns whether the log was truncated. A no-op on PostgreSQL.
    pub async fn checkpoint_wal(&self, max_frames: i64) -> Result<bool, sqlx::Error> {
        let Db::Sqlite { write, .. } = self else {
            return Ok(false);
        };
        let (_busy, frames, _copied): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
                .fetch_one(write)
                .await?;
        if frames <= max_frames {
            return Ok(false);
        }
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(write)
            .await?;
        Ok(true)
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the migrations of the live backend.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self {
            Db::Sqlite { write, .. } => sqlx::migrate!("migrations/sqlite").run(write).await,
            Db::Postgres(pool) => sqlx::migrate!("migrations/postgres").run(pool).await,
        }
    }

    /// Starts a write transaction. On SQLite it is `BEGIN IMMEDIATE`, so the write lock is taken
    /// up front and a read-then-write transaction cannot fail half-way with `SQLITE_BUSY`.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        match self {
            Db::Sqlite { write, .. } => Ok(Tx::Sqlite(write.begin_with("BEGIN IMMEDIATE").await?)),
            Db::Postgres(pool) => Ok(Tx::Postgres(pool.begin().await?)),
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { write, read } => {
                read.close().await;
                write.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(t) => t.commit().await,
            Tx::Postgres(t) => t.commit().await,
        }
    }

    /// Ends the transaction now, writing nothing. (Dropping it does the same once its
    /// connection is used again; until then SQLite's write lock stays taken, so code that
    /// writes right after a failure rolls back first.)
    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(t) => t.rollback().await,
            Tx::Postgres(t) => t.rollback().await,
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Tx::Sqlite(_) => Backend::Sqlite,
            Tx::Postgres(_) => Backend::Postgres,
        }
    }
}

/// The write-ahead log size past which [`keep_wal_small`] truncates it: 16 MB of 4 KB pages.
pub const WAL_MAX_FRAMES: i64 = 4096;

/// Checks the SQLite write-ahead log every second until `shutdown` (see
/// [`Db::checkpoint_wal`]); returns at once on PostgreSQL.
pub async fn keep_wal_small(db: Db, shutdown: tokio_util::sync::CancellationToken) {
    if db.backend() != Backend::Sqlite {
        return;
    }
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let mut ticks: u64 = 0;
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = tick.tick() => {}
        }
        if let Err(e) = db.checkpoint_wal(WAL_MAX_FRAMES).await {
            tracing::warn!(error = %e, "could not checkpoint the write-ahead log");
        }
        // Hourly, and a minute after start: fresh statistics for the query planner, with a
        // bounded amount of work (sqlite.org/lang_analyze.html, "PRAGMA optimize").
        if ticks % 3600 == 60
            && let Db::Sqlite { write, .. } = &db
            && let Err(e) = sqlx::raw_sql("PRAGMA analysis_limit = 400; PRAGMA optimize;")
                .execute(write)
                .await
        {
            tracing::warn!(error = %e, "could not refresh the query planner's statistics");
        }
        ticks += 1;
    }
}
