use pretty_assertions::assert_eq;
use server::store::{Db, PoolSize};
use server::testing::TestDb;

/// `table.column` for every column of the migrated schema, sorted, with the declared type.
async fn columns(db: &Db) -> Vec<(String, String)> {
    let rows: Vec<(String, String, String)> = match db {
        Db::Sqlite { read, .. } => sqlx::query_as(
            "SELECT m.name, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\' ORDER BY 1, 2",
        )
        .fetch_all(read)
        .await
        .unwrap(),
        Db::Postgres(pool) => sqlx::query_as(
            "SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%' ORDER BY 1, 2",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
    };
    // Sorted here, not in SQL: PostgreSQL's collation may order `_` differently from SQLite's.
    let mut columns: Vec<(String, String)> = rows
        .into_iter()
        .map(|(t, c, ty)| (format!("{t}.{c}"), ty.to_lowercase()))
        .collect();
    columns.sort();
    columns
}

/// Both backends' migrations must produce the tables and columns listed in
/// `migrations/schema.txt`; the SQLite run and the PostgreSQL run each compare against it, so
/// the two schemas stay in lock-step.
#[tokio::test]
async fn migrations_produce_the_same_tables_and_columns_on_both_backends() {
    let test_db = TestDb::new().await;
    let db = Db::connect(&test_db.url, PoolSize::default())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let actual = columns(&db).await;
    let listed: Vec<String> = actual.iter().map(|(c, _)| c.clone()).collect();
    let expected: Vec<String> = include_str!("../../migrations/schema.txt")
        .lines()
        .map(str::to_owned)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        listed, expected,
        "migrations/schema.txt is out of date or the backends disagree"
    );
    let floats: Vec<&(String, String)> = actual
        .iter()
        .filter(|(_, ty)| ["real", "float", "double", "double precision"].contains(&ty.as_str()))
        .collect();
    assert!(floats.is_empty(), "no column is a float: {floats:?}");
}
