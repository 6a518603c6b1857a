use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use anaf::Error;
use anaf::efactura::{
    DownloadId, Environment, MessageFilter, MessageKind, PageRequest, RefusalKind,
};
use anaf::signature;
use anaf::sim::efactura::{SeedOptions, SimConfig};
use pretty_assertions::assert_eq;
use serde_json::Value;

use crate::support::{BUYER, SELLER, START, TestSim, http, invoice_xml};

fn page(cif: u64, days_back: i64, page: u64) -> PageRequest {
    PageRequest {
        cif,
        start: START - time::Duration::days(days_back),
        end: START,
        page,
        filter: None,
    }
}

#[tokio::test]
async fn an_empty_box_is_an_empty_list_not_an_error() {
    let t = TestSim::start().await;
    let list = t
        .client
        .messages(&t.seller_token, SELLER, 15, None)
        .await
        .unwrap();
    assert!(list.messages.is_empty());
    assert_eq!(
        list.title.as_deref(),
        Some("Nu exista mesaje in ultimele 15 zile")
    );
    let empty = t
        .client
        .messages_page(&t.seller_token, &page(SELLER, 10, 1))
        .await
        .unwrap();
    assert!(empty.messages.is_empty());
    assert_eq!(
        empty.title.as_deref(),
        Some("Nu exista mesaje in intervalul selectat")
    );
    assert!(!empty.has_next());
}

#[tokio::test]
async fn pages_hold_500_messages_and_the_simple_list_refuses_more() {
    let t = TestSim::start().await;
    let ids = t
        .sim
        .seed(&SeedOptions::new(Environment::Test, BUYER, 1_234));
    assert_eq!(ids.len(), 1_234);

    let err = t
        .client
        .messages(&t.buyer_token, BUYER, 60, None)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::TooManyMessages { message } if message == "Lista de mesaje este mai mare decat numarul de 500 elemente permise in pagina. Folositi endpoint-ul cu paginatie."),
        "{err:?}"
    );
    assert!(!err.is_transient());

    let mut seen = BTreeSet::new();
    let mut last_created = None;
    for number in 1..=3 {
        let got = t
            .client
            .messages_page(&t.buyer_token, &page(BUYER, 30, number))
            .await
            .unwrap();
        assert_eq!(got.page, number);
        assert_eq!(got.total_pages, 3);
        assert_eq!(got.total_messages, 1_234);
        assert_eq!(got.per_page, 500);
        assert_eq!(
            got.on_page,
            [500, 500, 234][usize::try_from(number - 1).unwrap()]
        );
        assert_eq!(got.has_next(), number < 3);
        for message in &got.messages {
            assert_eq!(message.kind, MessageKind::FacturaPrimita);
            assert_eq!(message.cif, BUYER.to_string());
            // Newest first, across pages.
            if let Some(previous) = last_created {
                assert!(message.created <= previous);
            }
            last_created = Some(message.created);
            assert!(seen.insert(message.id), "no message twice");
        }
    }
    let seeded: BTreeSet<_> = ids.into_iter().map(DownloadId).collect();
    assert_eq!(seen, seeded);

    let beyond = t
        .client
        .messages_page(&t.buyer_token, &page(BUYER, 30, 4))
        .await
        .unwrap_err();
    assert!(
        matches!(&beyond, Error::Refused { kind: RefusalKind::InvalidRequest, message } if message == "Pagina solicitata 4 este mai mare decat numarul toatal de pagini 3"),
        "{beyond:?}"
    );

    // A short window holds fewer: the seed spaced messages a minute apart up to now.
    let recent = PageRequest {
        start: START - time::Duration::minutes(10),
        ..page(BUYER, 0, 1)
    };
    let got = t
        .client
        .messages_page(&t.buyer_token, &recent)
        .await
        .unwrap();
    assert_eq!(got.total_messages, 11, "both ends included");
    let simple = t.client.messages(&t.buyer_token, BUYER, 1, None).await;
    assert!(
        matches!(simple, Err(Error::TooManyMessages { .. })),
        "1,234 in a day"
    );
}

#[tokio::test]
async fn ten_thousand_seeded_messages_are_quick_to_seed_list_and_download() {
    let t = TestSim::start().await;
    let started = Instant::now();
    let mut options = SeedOptions::new(Environment::Test, BUYER, 10_000);
    options.sellers = vec![SELLER, 10_000_016];
    let ids = t.sim.seed(&options);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "seeding took {:?}",
        started.elapsed()
    );
    assert_eq!(t.sim.messages(Environment::Test, BUYER), 10_000);
    assert_eq!(
        t.sim.messages(Environment::Test, SELLER),
        5_000,
        "a seller that is a simulated taxpayer gets FACTURA TRIMISA"
    );

    let mut total = 0;
    let mut number = 1;
    loop {
        let got = t
            .client
            .messages_page(&t.buyer_token, &page(BUYER, 59, number))
            .await
            .unwrap();
        total += got.messages.len();
        if !got.has_next() {
            assert_eq!(got.total_pages, 20);
            break;
        }
        number += 1;
    }
    assert_eq!(total, 10_000);

    // A seeded message downloads as a signed, valid CIUS-RO invoice.
    let archive = t.download(&t.buyer_token, DownloadId(ids[0])).await;
    let invoice = archive.invoice().unwrap();
    let report = rules::validate(&invoice.bytes);
    assert_eq!(
        report.findings.iter().map(|f| f.rule).collect::<Vec<_>>(),
        Vec::<&str>::new()
    );
    signature::verify(
        &invoice.bytes,
        &archive.signature().unwrap().bytes,
        &[t.sim.certificate()],
    )
    .unwrap();
    let read = ubl::read(&invoice.bytes).unwrap();
    assert_eq!(read.invoice.buyer.vat_id.as_deref(), Some("RO14399840"));
}

#[tokio::test]
async fn filters_select_message_kinds() {
    let t = TestSim::start().await;
    t.upload(&invoice_xml("F-1")).await;
    t.upload(&crate::support::invalid_invoice_xml("F-2")).await;
    t.finish_processing();
    let count = |filter| {
        let client = t.client.clone();
        let token = t.seller_token.clone();
        async move {
            client
                .messages(&token, SELLER, 2, filter)
                .await
                .unwrap()
                .messages
                .len()
        }
    };
    assert_eq!(count(None).await, 2);
    assert_eq!(count(Some(MessageFilter::Sent)).await, 1);
    assert_eq!(count(Some(MessageFilter::Errors)).await, 1);
    assert_eq!(count(Some(MessageFilter::Received)).await, 0);
    let filtered = t
        .client
        .messages_page(
            &t.seller_token,
            &PageRequest {
                filter: Some(MessageFilter::Errors),
                ..page(SELLER, 1, 1)
            },
        )
        .await
        .unwrap();
    assert_eq!(
        filtered.total_messages, 0,
        "the processed messages are later than START"
    );
    let later = PageRequest {
        end: START + time::Duration::minutes(1),
        filter: Some(MessageFilter::Errors),
        ..page(SELLER, 1, 1)
    };
    t.advance(Duration::from_mins(1));
    let filtered = t
        .client
        .messages_page(&t.seller_token, &later)
        .await
        .unwrap();
    assert_eq!(filtered.total_messages, 1);
    assert_eq!(filtered.messages[0].kind, MessageKind::EroriFactura);
}

#[tokio::test]
async fn list_parameters_are_refused_in_anafs_words() {
    let t = TestSim::start().await;
    let get = |query: String| {
        let url = t.url(&format!("/test/FCTEL/rest/{query}"));
        let token = t.seller_token.clone();
        async move {
            let answer = http().get(url).bearer_auth(token).send().await.unwrap();
            let status = answer.status().as_u16();
            (status, answer.json::<Value>().await.unwrap())
        }
    };
    let eroare = |(status, body): (u16, Value)| {
        assert_eq!(body["titlu"], "Lista Mesaje", "{body}");
        (status, body["eroare"].as_str().unwrap().to_owned())
    };
    let lista = |q: &str| format!("listaMesajeFactura?{q}");
    for (query, message) in [
        (
            "zile=aaa&cif=18547290",
            "Numarul de zile introdus= aaa nu este un numar intreg",
        ),
        (
            "zile=61&cif=18547290",
            "Numarul de zile trebuie sa fie intre 1 si 60",
        ),
        (
            "zile=0&cif=18547290",
            "Numarul de zile trebuie sa fie intre 1 si 60",
        ),
        ("zile=5&cif=aaa", "CIF introdus= aaa nu este un numar"),
        (
            "zile=5&cif=18547290&filtru=X",
            "Valorile acceptate pentru parametrul filtru sunt E, T, P sau R",
        ),
        (
            "zile=5&cif=8000000000",
            "Nu aveti drept in SPV pentru CIF=8000000000",
        ),
    ] {
        assert_eq!(
            eroare(get(lista(query)).await),
            (200, message.to_owned()),
            "{query}"
        );
    }
    let (status, body) = get(lista("zile=5")).await;
    assert_eq!(status, 400);
    assert_eq!(body["message"], "Parametrii zile si cif sunt obligatorii");
    assert_eq!(body["error"], "Bad Request");

    let now = START.unix_timestamp() * 1000;
    let old = now - 61 * 24 * 3600 * 1000;
    let paged = |q: String| format!("listaMesajePaginatieFactura?{q}");
    for (query, message) in [
        (
            format!("startTime=aaa&endTime={now}&cif=18547290&pagina=1"),
            "startTime = aaa nu este un numar sau nu are o valoare acceptata de sistem".to_owned(),
        ),
        (
            format!("startTime={old}&endTime={now}&cif=18547290&pagina=1"),
            "startTime = 17-07-2025 11:00:00 nu poate fi mai vechi de 60 de zile fata de momentul requestului".to_owned(),
        ),
        (
            format!("startTime={now}&endTime={old}&cif=18547290&pagina=1"),
            "endTime = 17-07-2025 11:00:00 nu poate fi <= startTime = 16-09-2025 11:00:00".to_owned(),
        ),
        (
            format!("startTime={old}&endTime={}&cif=18547290&pagina=1", now + 60_000),
            "startTime = 17-07-2025 11:00:00 nu poate fi mai vechi de 60 de zile fata de momentul requestului".to_owned(),
        ),
        (
            format!("startTime={}&endTime={}&cif=18547290&pagina=1", now - 1000, now + 60_000),
            "endTime = 16-09-2025 11:01:00 nu poate in viitor fata de momentul requestului".to_owned(),
        ),
        (
            format!("startTime={}&endTime={now}&cif=18547290&pagina=aa", now - 1000),
            "pagina = aa nu este un numar sau nu are o valoare acceptata de sistem".to_owned(),
        ),
    ] {
        assert_eq!(eroare(get(paged(query.clone())).await), (200, message), "{query}");
    }
    let (status, body) = get(paged("cif=18547290".to_owned())).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        "Parametrii startTime, endTime, cif si pagina sunt obligatorii"
    );
}

#[tokio::test]
async fn the_paginated_list_can_answer_its_errors_with_400_as_the_swagger_files_them() {
    let t = TestSim::with_config(SimConfig {
        paged_list_error_status: 400,
        ..SimConfig::default()
    })
    .await;
    let empty = t
        .client
        .messages_page(&t.seller_token, &page(SELLER, 1, 1))
        .await
        .unwrap();
    assert!(
        empty.messages.is_empty(),
        "an empty interval is still no error"
    );
    let err = t
        .client
        .messages_page(&t.seller_token, &page(8_000_000_000, 1, 1))
        .await
        .unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Refused {
                kind: RefusalKind::NoRights,
                ..
            }
        ),
        "{err:?}"
    );
}
