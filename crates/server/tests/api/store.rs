use server::store::{Backend, Db, PoolSize};
use server::testing::TestDb;

/// A busy server always has a reader, so SQLite's own checkpoint never restarts the log;
/// `checkpoint_wal` truncates it once it passes the limit, with a reader open meanwhile.
#[tokio::test]
async fn the_write_ahead_log_is_truncated_past_its_limit() {
    let test_db = TestDb::new().await;
    let db = Db::connect(&test_db.url, PoolSize::default())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    if db.backend() == Backend::Postgres {
        assert!(
            !db.checkpoint_wal(0).await.unwrap(),
            "a no-op on PostgreSQL"
        );
        return;
    }
    let Db::Sqlite { write, read } = &db else {
        unreachable!()
    };
    sqlx::query("CREATE TABLE filler (x BLOB)")
        .execute(write)
        .await
        .unwrap();
    for _ in 0..50 {
        sqlx::query("INSERT INTO filler VALUES (randomblob(16000))")
            .execute(write)
            .await
            .unwrap();
    }
    let wal = test_db.dir.join("facturo.db-wal");
    let before = std::fs::metadata(&wal).unwrap().len();
    assert!(before > 100_000, "the log holds the writes: {before}");
    let mut reader = read.acquire().await.unwrap();
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM filler")
        .fetch_one(&mut *reader)
        .await
        .unwrap();
    assert_eq!(count, 50);
    drop(reader);

    assert!(
        !db.checkpoint_wal(1_000_000).await.unwrap(),
        "under the limit: left alone"
    );
    assert!(
        db.checkpoint_wal(10).await.unwrap(),
        "over the limit: truncated"
    );
    assert_eq!(std::fs::metadata(&wal).unwrap().len(), 0);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM filler")
        .fetch_one(read)
        .await
        .unwrap();
    assert_eq!(count, 50, "nothing was lost");
}
