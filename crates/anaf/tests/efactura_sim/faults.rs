use std::time::Duration;

use anaf::Error;
use anaf::efactura::{
    Environment, MessageKind, PageRequest, Standard, UploadRequest, UploadStatus,
};
use anaf::sim::efactura::{Endpoint, FaultKind, FaultRule, LostResponse};
use pretty_assertions::assert_eq;

use crate::support::{SELLER, START, TestSim, invoice_xml};

async fn upload_error(t: &TestSim, xml: &[u8]) -> Error {
    t.client
        .upload(
            &t.seller_token,
            &UploadRequest::new(Standard::Ubl, SELLER),
            xml,
        )
        .await
        .unwrap_err()
}

#[tokio::test]
async fn server_errors_rate_limits_firewalls_and_204s_are_transient_errors() {
    let t = TestSim::start().await;
    let list = || t.client.messages(&t.seller_token, SELLER, 1, None);
    type Expected = fn(&Error) -> bool;
    let cases: [(FaultKind, Expected); 4] = [
        (
            FaultKind::ServerError,
            |e| matches!(e, Error::Http { status: 500, body_snippet } if body_snippet.contains("A aparut o eroare tehnica")),
        ),
        (
            FaultKind::RateLimited {
                retry_after_secs: 7,
            },
            |e| matches!(e, Error::RateLimited { retry_after: Some(d) } if *d == Duration::from_secs(7)),
        ),
        (
            FaultKind::Firewall,
            |e| matches!(e, Error::Firewall { body_snippet } if body_snippet.contains("Request Rejected")),
        ),
        (FaultKind::NoContent, |e| {
            matches!(e, Error::LimitReached { .. })
        }),
    ];
    for (kind, expected) in cases {
        t.sim.add_fault(FaultRule::on(Endpoint::List, kind).next(1));
        let err = list().await.unwrap_err();
        assert!(expected(&err), "{kind:?}: {err:?}");
        assert!(err.is_transient(), "{kind:?}");
        list().await.expect("the rule was spent");
    }
    // On the XML endpoints too.
    t.sim
        .add_fault(FaultRule::on(Endpoint::Upload, FaultKind::Firewall).next(1));
    let err = upload_error(&t, &invoice_xml("FW-1")).await;
    assert!(matches!(err, Error::Firewall { .. }), "{err:?}");
    assert_eq!(
        t.sim.uploads_of(&invoice_xml("FW-1")),
        0,
        "nothing was done"
    );
    assert_eq!(t.sim.calls(Endpoint::List), 8);
}

#[tokio::test]
async fn a_forbidden_answer_is_permanent() {
    let t = TestSim::start().await;
    t.sim
        .add_fault(FaultRule::everywhere(FaultKind::Forbidden).next(1));
    let err = t
        .client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Unauthorized { status: 403, .. }),
        "{err:?}"
    );
    assert!(!err.is_transient());
}

#[tokio::test]
async fn a_hanging_call_times_out_as_a_transient_transport_error() {
    let t = TestSim::start().await;
    t.sim.add_fault(
        FaultRule::on(
            Endpoint::Status,
            FaultKind::Timeout(Duration::from_secs(30)),
        )
        .next(1),
    );
    let impatient = t.client(Environment::Test, Duration::from_millis(200));
    let index = t.upload(&invoice_xml("T-1")).await;
    let err = impatient.status(&t.seller_token, index).await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert!(err.is_transient());
    assert_eq!(t.status(index).await, UploadStatus::InProgress);
}

#[tokio::test]
async fn a_lost_upload_response_leaves_the_upload_stored_and_listed() {
    let t = TestSim::start().await;
    for (number, lost) in [
        ("L-1", LostResponse::Reset),
        ("L-2", LostResponse::ServerError),
    ] {
        let xml = invoice_xml(number);
        t.sim
            .add_fault(FaultRule::on(Endpoint::Upload, FaultKind::ResponseLost(lost)).next(1));
        let err = upload_error(&t, &xml).await;
        assert!(err.is_transient(), "{lost:?}: {err:?}");
        match lost {
            LostResponse::Reset => assert!(matches!(err, Error::Transport { .. }), "{err:?}"),
            LostResponse::ServerError => {
                assert!(matches!(err, Error::Http { status: 500, .. }), "{err:?}");
            }
        }
        assert_eq!(
            t.sim.uploads_of(&xml),
            1,
            "stored although the answer was lost"
        );
    }
    // The client reconciles through the paginated list before uploading again.
    t.finish_processing();
    let page = t
        .client
        .messages_page(
            &t.seller_token,
            &PageRequest {
                cif: SELLER,
                start: START,
                end: t.sim.now(),
                page: 1,
                filter: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(page.total_messages, 2);
    assert!(
        page.messages
            .iter()
            .all(|m| m.kind == MessageKind::FacturaTrimisa)
    );
    // Uploading again anyway is caught as a duplicate.
    let again = t.upload(&invoice_xml("L-1")).await;
    t.finish_processing();
    assert!(matches!(t.status(again).await, UploadStatus::Nok { .. }));
}

#[tokio::test]
async fn upload_faults_force_not_taken_over_and_duplicates() {
    let t = TestSim::start().await;
    t.sim
        .add_fault(FaultRule::on(Endpoint::Upload, FaultKind::NotTakenOver).next(1));
    let lost = t.upload(&invoice_xml("N-1")).await;
    t.sim
        .add_fault(FaultRule::everywhere(FaultKind::Duplicate).next(1));
    let duplicate = t.upload(&invoice_xml("N-2")).await;
    t.finish_processing();
    assert_eq!(t.status(lost).await, UploadStatus::NotTakenOver);
    let UploadStatus::Nok { download_id } = t.status(duplicate).await else {
        panic!("not nok")
    };
    let archive = t.download(&t.seller_token, download_id).await;
    let finding = &archive.error_report().unwrap().findings[0];
    assert_eq!(finding.duplicate.map(|d| d.index), Some(lost));
    let listed = t
        .client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap();
    assert_eq!(
        listed.messages.len(),
        1,
        "a file not taken over has no message"
    );
}

#[tokio::test]
async fn probabilistic_faults_follow_the_seed() {
    let outcomes = || async {
        let t = TestSim::start().await;
        t.sim
            .add_fault(FaultRule::on(Endpoint::List, FaultKind::ServerError).with_probability(0.5));
        let mut failed = Vec::new();
        for _ in 0..20 {
            failed.push(
                t.client
                    .messages(&t.seller_token, SELLER, 1, None)
                    .await
                    .is_err(),
            );
        }
        failed
    };
    let first = outcomes().await;
    assert_eq!(first, outcomes().await, "same seed, same faults");
    assert!(
        first.iter().any(|f| *f) && first.iter().any(|f| !*f),
        "{first:?}"
    );
}

#[tokio::test]
async fn a_tampered_archive_keeps_its_signature_over_the_original() {
    let t = TestSim::start().await;
    let xml = invoice_xml("FCT-2025-0777");
    let index = t.upload(&xml).await;
    t.finish_processing();
    let UploadStatus::Ok { download_id } = t.status(index).await else {
        panic!("not ok");
    };
    // A rule on every endpoint only ever tampers with downloads.
    t.sim
        .add_fault(FaultRule::everywhere(FaultKind::TamperedArchive).next(1));
    let archive = t.download(&t.seller_token, download_id).await;
    let document = archive.invoice().unwrap();
    assert_ne!(document.bytes, xml);
    assert!(document.bytes.starts_with(&xml));
    let check = anaf::signature::verify(
        &document.bytes,
        &archive.signature().unwrap().bytes,
        &[t.sim.certificate()],
    );
    assert!(
        matches!(
            check,
            Err(anaf::signature::VerifyError::DigestMismatch { .. })
        ),
        "{check:?}"
    );
    // The next download is whole again.
    let archive = t.download(&t.seller_token, download_id).await;
    let document = archive.invoice().unwrap();
    anaf::signature::verify(
        &document.bytes,
        &archive.signature().unwrap().bytes,
        &[t.sim.certificate()],
    )
    .unwrap();
}
