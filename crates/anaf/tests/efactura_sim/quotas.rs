use std::time::Duration;

use anaf::Error;
use anaf::efactura::{
    Download, MessageFilter, MessageKind, NS_RASP, PageRequest, RefusalKind, Standard,
    UploadOutcome, UploadRequest, UploadStatus,
};
use anaf::sim::efactura::{Quotas, SimConfig};
use pretty_assertions::assert_eq;

use crate::support::{BUYER, SELLER, START, TestSim, invoice_xml};

/// From [`START`] (11:00 in Bucharest) to the next Romanian midnight.
const TO_MIDNIGHT: Duration = Duration::from_hours(13);

fn with_quotas(change: impl FnOnce(&mut Quotas)) -> SimConfig {
    let mut config = SimConfig::default();
    change(&mut config.quotas);
    config
}

#[tokio::test]
async fn a_message_downloads_ten_times_a_day() {
    let t = TestSim::start().await;
    let index = t.upload(&invoice_xml("Q-1")).await;
    t.finish_processing();
    let UploadStatus::Ok { download_id } = t.status(index).await else {
        panic!("not ok")
    };
    for _ in 0..10 {
        let got = t
            .client
            .download(&t.seller_token, download_id)
            .await
            .unwrap();
        assert!(matches!(got, Download::Zip(_)));
    }
    let refused = t
        .client
        .download(&t.seller_token, download_id)
        .await
        .unwrap();
    assert_eq!(
        refused,
        Download::Refused {
            kind: RefusalKind::Quota,
            message: "S-au facut deja 10 descarcari de mesaj in cursul zilei".into(),
        }
    );
    t.advance(TO_MIDNIGHT);
    let again = t
        .client
        .download(&t.seller_token, download_id)
        .await
        .unwrap();
    assert!(matches!(again, Download::Zip(_)), "a new Romanian day");
}

#[tokio::test]
async fn the_strict_profile_answers_twenty_status_questions_a_day() {
    let t = TestSim::with_config(SimConfig::strict()).await;
    let index = t.upload(&invoice_xml("Q-2")).await;
    for _ in 0..20 {
        assert_eq!(t.status(index).await, UploadStatus::InProgress);
    }
    let refused = t.status(index).await;
    assert_eq!(
        refused,
        UploadStatus::Refused {
            kind: RefusalKind::Quota,
            errors: vec!["S-au facut deja 20 descarcari de mesaj in cursul zilei".into()],
        }
    );
    assert!(refused.is_pending(), "asking tomorrow can help");
    t.advance(TO_MIDNIGHT);
    assert!(matches!(t.status(index).await, UploadStatus::Ok { .. }));
}

#[tokio::test]
async fn list_quotas_count_per_cif_and_day() {
    let t = TestSim::with_config(with_quotas(|q| {
        q.list_per_cif = 3;
        q.paged_list_per_cif = 2;
    }))
    .await;
    for _ in 0..3 {
        t.client
            .messages(&t.seller_token, SELLER, 1, None)
            .await
            .unwrap();
    }
    let err = t
        .client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap_err();
    assert!(err.is_quota() && err.is_transient(), "{err:?}");
    assert!(
        matches!(&err, Error::Refused { message, .. } if message == "S-au facut deja 3 interogari de lista mesaje de catre utilizator in cursul zilei"),
        "{err:?}"
    );
    t.client
        .messages(&t.buyer_token, BUYER, 1, None)
        .await
        .unwrap();

    let request = PageRequest {
        cif: SELLER,
        start: START - time::Duration::days(1),
        end: START,
        page: 1,
        filter: None,
    };
    for _ in 0..2 {
        t.client
            .messages_page(&t.seller_token, &request)
            .await
            .unwrap();
    }
    let err = t
        .client
        .messages_page(&t.seller_token, &request)
        .await
        .unwrap_err();
    assert!(err.is_quota(), "{err:?}");
    t.advance(TO_MIDNIGHT);
    t.client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn more_requests_a_minute_than_allowed_get_429() {
    let t = TestSim::with_config(with_quotas(|q| q.requests_per_minute = 5)).await;
    for _ in 0..5 {
        t.client
            .messages(&t.seller_token, SELLER, 1, None)
            .await
            .unwrap();
    }
    let err = t
        .client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(d) } if d == Duration::from_mins(1)),
        "{err:?}"
    );
    assert!(err.is_transient());
    t.advance(Duration::from_mins(1));
    t.client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn rasp_messages_reach_both_parties_and_are_capped_per_day() {
    let t = TestSim::with_config(with_quotas(|q| q.rasp_per_cif = 1)).await;
    let index = t.upload(&invoice_xml("Q-3")).await;
    t.finish_processing();
    let rasp = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<header xmlns="{NS_RASP}" index_incarcare="{index}" message="Marfa a sosit deteriorata"/>"#
    );
    let request = UploadRequest::new(Standard::Rasp, BUYER);
    let first = t
        .client
        .upload(&t.buyer_token, &request, rasp.as_bytes())
        .await
        .unwrap();
    assert!(matches!(first, UploadOutcome::Accepted { .. }), "{first:?}");
    let second = t
        .client
        .upload(&t.buyer_token, &request, rasp.as_bytes())
        .await
        .unwrap();
    let UploadOutcome::Refused { kind, errors, .. } = second else {
        panic!("{second:?}")
    };
    assert_eq!(kind, RefusalKind::Quota);
    assert_eq!(
        errors,
        ["S-au incarcat deja 1 de mesaje de tip RASP pentru cui=14399840 in cursul zile"]
    );

    t.finish_processing();
    let filter = Some(MessageFilter::BuyerMessages);
    let buyer = t
        .client
        .messages(&t.buyer_token, BUYER, 1, filter)
        .await
        .unwrap();
    assert_eq!(buyer.messages.len(), 1);
    assert_eq!(buyer.messages[0].tip, "MESAJ CUMPARATOR TRANSMIS");
    let seller = t
        .client
        .messages(&t.seller_token, SELLER, 1, filter)
        .await
        .unwrap();
    assert_eq!(seller.messages[0].kind, MessageKind::MesajCumparator);
    assert_eq!(seller.messages[0].tip, "MESAJ CUMPARATOR PRIMIT");
}
