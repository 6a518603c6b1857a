//! A database of its own for each test: a SQLite file in a temporary directory, or, when
//! `FACTURO_TEST_POSTGRES` names a PostgreSQL server (`postgres://user@host:port/postgres`), a
//! fresh database created there.

use std::path::PathBuf;
use std::sync::Arc;

use sqlx::Connection;

/// The environment variable that switches the suite to PostgreSQL.
pub const POSTGRES_ENV: &str = "FACTURO_TEST_POSTGRES";

/// A test's database. Clones (a second server beside the first, a restart) share it; the
/// scratch directory goes when the last of them is dropped.
#[derive(Debug, Clone)]
pub struct TestDb {
    pub url: String,
    /// Scratch space of the test (the SQLite file lives here, and the server's data dir).
    pub dir: PathBuf,
    _scratch: Arc<Scratch>,
}

/// Removes a scratch directory when dropped, so that a test run leaves no files behind.
#[derive(Debug)]
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn is_postgres() -> bool {
    std::env::var(POSTGRES_ENV).is_ok_and(|v| !v.is_empty())
}

pub fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("facturo-test-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).expect("creating a scratch directory");
    dir
}

impl TestDb {
    pub async fn new() -> TestDb {
        let dir = scratch_dir();
        let url = match std::env::var(POSTGRES_ENV) {
            Ok(base) if !base.is_empty() => create_pg_database(&base).await,
            _ => format!("sqlite://{}", dir.join("facturo.db").display()),
        };
        TestDb {
            url,
            _scratch: Arc::new(Scratch(dir.clone())),
            dir,
        }
    }
}

/// Creates `t_<uuid>` on the server of `base` and returns its URL.
async fn create_pg_database(base: &str) -> String {
    let name = format!("t_{}", uuid::Uuid::now_v7().simple());
    let mut admin = sqlx::PgConnection::connect(base)
        .await
        .expect("connecting to FACTURO_TEST_POSTGRES");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("creating a test database");
    admin.close().await.ok();
    with_database(base, &name)
}

/// `base` with its database name replaced by `name`.
pub fn with_database(base: &str, name: &str) -> String {
    let (without_query, query) = base
        .split_once('?')
        .map_or((base, None), |(a, q)| (a, Some(q)));
    let scheme_end = without_query.find("://").map_or(0, |i| i + 3);
    let host_part = match without_query[scheme_end..].find('/') {
        Some(i) => &without_query[..scheme_end + i],
        None => without_query,
    };
    match query {
        Some(q) => format!("{host_part}/{name}?{q}"),
        None => format!("{host_part}/{name}"),
    }
}

#[cfg(test)]
#[test]
fn database_names_are_swapped_in_urls() {
    assert_eq!(
        with_database("postgres://u@h:5/postgres", "t1"),
        "postgres://u@h:5/t1"
    );
    assert_eq!(
        with_database("postgres://u@h:5", "t1"),
        "postgres://u@h:5/t1"
    );
    assert_eq!(
        with_database("postgres://u@h/db?sslmode=disable", "t1"),
        "postgres://u@h/t1?sslmode=disable"
    );
}
