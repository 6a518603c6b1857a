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

/// A claim takes the due jobs of its own lane only, leaves future ones, takes back a lease that
/// expired (a crashed worker's), and — with nothing due — does not wait for the writer, so an
/// idle runner never holds SQLite's write lock.
#[tokio::test]
async fn a_claim_takes_due_jobs_of_its_lane_and_expired_leases_only() {
    use server::ids::WebhookDeliveryId;
    use server::jobs::queue::{self, Job, Lane};
    use time::{Duration, OffsetDateTime, macros::datetime};

    let test_db = TestDb::new().await;
    let db = Db::connect(&test_db.url, PoolSize::default())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let now: OffsetDateTime = datetime!(2026-06-01 10:00 UTC);
    let lease = Duration::minutes(5);
    let webhook = Job::DeliverWebhook {
        delivery_id: WebhookDeliveryId::new(),
    };
    let mut tx = db.begin().await.unwrap();
    let due = queue::enqueue(&mut tx, &Job::ForecastTokenExpiry, now, None, now)
        .await
        .unwrap()
        .unwrap();
    let later = queue::enqueue(
        &mut tx,
        &Job::RefreshAnafTokens,
        now + Duration::hours(1),
        None,
        now,
    )
    .await
    .unwrap()
    .unwrap();
    let other_lane = queue::enqueue(&mut tx, &webhook, now, None, now)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();

    let ids = |claimed: Vec<queue::Claimed>| claimed.into_iter().map(|c| c.id).collect::<Vec<_>>();
    let first = queue::claim(&db, Lane::Main, "a", now, lease, 10)
        .await
        .unwrap();
    assert_eq!(ids(first), vec![due], "due, of its lane");
    assert!(
        queue::claim(&db, Lane::Main, "b", now, lease, 10)
            .await
            .unwrap()
            .is_empty(),
        "leased to a"
    );
    let webhooks = queue::claim(&db, Lane::Webhooks, "w", now, lease, 10)
        .await
        .unwrap();
    assert_eq!(ids(webhooks), vec![other_lane]);

    // a crashed: its lease runs out and b takes the job over, counted as a second attempt.
    let after = now + lease + Duration::seconds(1);
    let taken = queue::claim(&db, Lane::Main, "b", after, lease, 10)
        .await
        .unwrap();
    assert_eq!(
        taken.iter().map(|c| (c.id, c.attempts)).collect::<Vec<_>>(),
        vec![(due, 2)]
    );
    queue::complete(&db, due, "b", after).await.unwrap();

    // Nothing due now: the claim reads and returns, even while another transaction writes.
    let writing = db.begin().await.unwrap();
    let idle = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        queue::claim(&db, Lane::Main, "b", after, lease, 10),
    )
    .await
    .expect("an idle claim does not wait for the writer")
    .unwrap();
    assert!(idle.is_empty());
    drop(writing);

    let at_its_time = now + Duration::hours(1);
    let claimed = queue::claim(&db, Lane::Main, "b", at_its_time, lease, 10)
        .await
        .unwrap();
    assert_eq!(ids(claimed), vec![later]);
}
