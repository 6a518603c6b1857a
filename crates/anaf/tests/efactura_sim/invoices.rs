use anaf::efactura::archive::{Content, InvoiceSyntax};
use anaf::efactura::{
    Duplicate, Environment, MessageFilter, MessageKind, RefusalKind, Standard, Transformation,
    UploadIndex, UploadOutcome, UploadRequest, UploadStatus, Validation, ValidationStandard,
};
use anaf::signature;
use pretty_assertions::assert_eq;

use crate::support::{
    BUYER, SELLER, START, TIMEOUT, TestSim, http, invalid_invoice_xml, invoice_xml,
};

#[tokio::test]
async fn a_valid_invoice_is_processed_then_downloaded_signed_and_unchanged() {
    let t = TestSim::start().await;
    let xml = invoice_xml("FCT-2025-0101");
    let index = t.upload(&xml).await;
    assert!(
        index.0 > u64::from(u32::MAX),
        "indexes exceed 32 bits: {index}"
    );
    assert_eq!(t.status(index).await, UploadStatus::InProgress);
    // Nothing is listed before processing ends.
    let list = t
        .client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap();
    assert!(list.messages.is_empty());

    t.finish_processing();
    let UploadStatus::Ok { download_id } = t.status(index).await else {
        panic!("not ok");
    };
    assert!(download_id.0 > u64::from(u32::MAX));

    let archive = t.download(&t.seller_token, download_id).await;
    let names: Vec<_> = archive.entries.iter().map(|e| e.name.clone()).collect();
    assert_eq!(
        names,
        [format!("{index}.xml"), format!("semnatura_{index}.xml")]
    );
    let invoice = archive.invoice().unwrap();
    assert_eq!(invoice.content, Content::Invoice(InvoiceSyntax::UblInvoice));
    assert_eq!(invoice.bytes, xml, "the invoice exactly as uploaded");
    let signature = archive.signature().unwrap();
    let check =
        signature::verify(&invoice.bytes, &signature.bytes, &[t.sim.certificate()]).unwrap();
    assert_eq!(check.reference_uri, Some(format!("{index}.xml")));
    let pem = signature::TrustedCert::from_pem(&t.sim.certificate_pem()).unwrap();
    assert_eq!(pem, t.sim.certificate());

    // The seller's box: FACTURA TRIMISA under the download id.
    let sent = t
        .client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap();
    assert_eq!(sent.messages.len(), 1);
    let message = &sent.messages[0];
    assert_eq!(message.kind, MessageKind::FacturaTrimisa);
    assert_eq!(message.id, download_id);
    assert_eq!(message.upload_index, index);
    assert_eq!(message.cif, SELLER.to_string());
    assert_eq!(
        message.details,
        format!(
            "Factura cu id_incarcare={index} emisa de cif_emitent={SELLER} pentru cif_beneficiar={BUYER}"
        )
    );
    assert_eq!(message.parsed_details.upload_index, Some(index));
    // Processing ended 3 s after START; `data_creare` has minutes.
    assert_eq!(message.created_at(), START);
    assert_eq!(sent.cui.as_deref(), Some("18547290"));
    assert_eq!(
        sent.title.as_deref(),
        Some("Lista Mesaje disponibile din ultimele 1 zile")
    );

    // The buyer, a simulated taxpayer: FACTURA PRIMITA for the same upload, its own id.
    let received = t
        .client
        .messages(&t.buyer_token, BUYER, 1, Some(MessageFilter::Received))
        .await
        .unwrap();
    assert_eq!(received.messages.len(), 1);
    let primita = &received.messages[0];
    assert_eq!(primita.kind, MessageKind::FacturaPrimita);
    assert_eq!(primita.upload_index, index);
    assert_ne!(primita.id, download_id);
    let theirs = t.download(&t.buyer_token, primita.id).await;
    assert_eq!(theirs.invoice().unwrap().bytes, xml);
    // The buyer may not download the seller's message.
    let refused = t
        .client
        .download(&t.buyer_token, download_id)
        .await
        .unwrap();
    assert!(
        matches!(
            refused,
            anaf::efactura::Download::Refused {
                kind: RefusalKind::NoRights,
                ..
            }
        ),
        "{refused:?}"
    );
}

#[tokio::test]
async fn an_invoice_breaking_business_rules_is_nok_with_its_findings() {
    let t = TestSim::start().await;
    let index = t.upload(&invalid_invoice_xml("FCT-2025-0102")).await;
    assert_eq!(t.status(index).await, UploadStatus::InProgress);
    t.finish_processing();
    let UploadStatus::Nok { download_id } = t.status(index).await else {
        panic!("not nok");
    };
    let archive = t.download(&t.seller_token, download_id).await;
    let report = archive.error_report().unwrap();
    assert_eq!(report.upload_index, Some(index));
    assert_eq!(report.issuer_cif.as_deref(), Some("18547290"));
    let rules: Vec<_> = report
        .findings
        .iter()
        .map(|f| f.rule_id.clone().unwrap_or_default())
        .collect();
    assert_eq!(rules, ["BR-RO-110"]);
    assert!(
        report.findings[0]
            .message
            .starts_with("E: validari globale  SCHEMATRON   eroare: [BR-RO-110]-"),
        "{}",
        report.findings[0].message
    );
    let error_doc = archive
        .entries
        .iter()
        .find(|e| matches!(e.content, Content::ErrorReport(_)))
        .unwrap();
    signature::verify(
        &error_doc.bytes,
        &archive.signature().unwrap().bytes,
        &[t.sim.certificate()],
    )
    .unwrap();

    let errors = t
        .client
        .messages(&t.seller_token, SELLER, 1, Some(MessageFilter::Errors))
        .await
        .unwrap();
    assert_eq!(errors.messages[0].kind, MessageKind::EroriFactura);
    assert_eq!(
        errors.messages[0].details,
        format!("Erori de validare identificate la factura transmisa cu id_incarcare={index}")
    );
    let buyer = t
        .client
        .messages(&t.buyer_token, BUYER, 1, None)
        .await
        .unwrap();
    assert!(
        buyer.messages.is_empty(),
        "a refused invoice reaches no buyer"
    );
}

#[tokio::test]
async fn schema_errors_and_bad_parameters_are_refused_at_upload() {
    let t = TestSim::start().await;
    let upload = |standard, cif, xml: Vec<u8>| {
        let request = UploadRequest::new(standard, cif);
        let client = t.client.clone();
        let token = t.seller_token.clone();
        async move { client.upload(&token, &request, &xml).await.unwrap() }
    };
    let refused = |outcome: UploadOutcome| match outcome {
        UploadOutcome::Refused { kind, errors, .. } => (kind, errors),
        other @ UploadOutcome::Accepted { .. } => panic!("accepted: {other:?}"),
    };

    let (kind, errors) = refused(upload(Standard::Ubl, SELLER, b"<Invoice1/>".to_vec()).await);
    assert_eq!(kind, RefusalKind::InvalidDocument);
    assert_eq!(
        errors,
        [
            "Fisierul transmis nu este valid. org.xml.sax.SAXParseException; lineNumber: 1; \
          columnNumber: 1; cvc-elt.1.a: Cannot find the declaration of element 'Invoice1'. "
        ]
    );
    let (kind, errors) = refused(upload(Standard::CreditNote, SELLER, invoice_xml("X-1")).await);
    assert_eq!(kind, RefusalKind::InvalidDocument, "{errors:?}");
    let (kind, _) =
        refused(upload(Standard::Ubl, SELLER, b"<Invoice><a></Invoice>".to_vec()).await);
    assert_eq!(kind, RefusalKind::InvalidDocument);
    // A schema problem: an invoice without any line.
    let mut no_lines = crate::support::invoice("X-2");
    no_lines.lines.clear();
    let (kind, errors) =
        refused(upload(Standard::Ubl, SELLER, ubl::write(&no_lines).into_bytes()).await);
    assert_eq!(kind, RefusalKind::InvalidDocument, "{errors:?}");

    let (kind, errors) = refused(upload(Standard::Ubl, BUYER, invoice_xml("X-3")).await);
    assert_eq!(kind, RefusalKind::NoRights);
    assert_eq!(errors, ["Nu aveti drept in SPV pentru CIF=14399840"]);
    let mut enforcement = UploadRequest::new(Standard::Ubl, SELLER);
    enforcement.enforcement = true;
    let outcome = t
        .client
        .upload(&t.seller_token, &enforcement, &invoice_xml("X-4"))
        .await
        .unwrap();
    assert_eq!(
        refused(outcome).1,
        ["CIF introdus= 18547290 nu este inregistrat in Registrul RO e-Factura executari silite"]
    );
    assert_eq!(
        t.sim.uploads_of(&invoice_xml("X-3")),
        0,
        "nothing refused is stored"
    );

    // What the typed client cannot send, raw.
    let raw = |query: &str, body: &'static str| {
        let url = t.url(&format!("/test/FCTEL/rest/upload?{query}"));
        let token = t.seller_token.clone();
        async move {
            let answer = http()
                .post(url)
                .bearer_auth(token)
                .body(body)
                .send()
                .await
                .unwrap();
            (answer.status().as_u16(), answer.text().await.unwrap())
        }
    };
    let (status, body) = raw("standard=XML&cif=18547290", "<x/>").await;
    assert_eq!(status, 200);
    assert!(
        body.contains(r#"ExecutionStatus="1">"#)
            && body.contains(
                "Valorile acceptate pentru parametrul standard sunt UBL, CN, CII sau RASP"
            ),
        "{body}"
    );
    assert!(body.starts_with(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#));
    let (_, body) = raw("standard=UBL&cif=123a", "<x/>").await;
    assert!(
        body.contains("CIF introdus= 123a nu este un numar"),
        "{body}"
    );
    let (_, body) = raw("standard=UBL&cif=18547290&autofactura=NU", "<x/>").await;
    assert!(
        body.contains(
            "Daca parametrul autofacturare trebuie completat, valoarea acceptata este DA"
        ),
        "{body}"
    );
    let (status, body) = raw("cif=18547290", "<x/>").await;
    assert_eq!(status, 400);
    assert!(
        body.contains("Parametrii standard si cif sunt obligatorii"),
        "{body}"
    );
    let (status, body) = raw("standard=UBL&cif=18547290", "").await;
    assert_eq!(status, 400);
    assert!(body.contains("Trebuie sa aveti atasat in request un fisier de tip xml"));
}

#[tokio::test]
async fn uploading_the_same_invoice_again_is_nok_naming_the_first_index() {
    let t = TestSim::start().await;
    let xml = invoice_xml("FCT-2025-0103");
    let first = t.upload(&xml).await;
    let second = t.upload(&xml).await;
    t.finish_processing();
    assert!(matches!(t.status(first).await, UploadStatus::Ok { .. }));
    let UploadStatus::Nok { download_id } = t.status(second).await else {
        panic!("the duplicate is not nok");
    };
    let archive = t.download(&t.seller_token, download_id).await;
    let finding = &archive.error_report().unwrap().findings[0];
    assert_eq!(
        finding.message,
        format!(
            "Factura a mai fost transmisa anterior cu index={first} si data incarcare=2025-09-16"
        )
    );
    assert_eq!(
        finding.duplicate,
        Some(Duplicate {
            index: first,
            date: Some(time::macros::date!(2025 - 09 - 16)),
        })
    );
    assert_eq!(t.sim.uploads_of(&xml), 2);
    // Another number is no duplicate.
    let third = t.upload(&invoice_xml("FCT-2025-0104")).await;
    t.finish_processing();
    assert!(matches!(t.status(third).await, UploadStatus::Ok { .. }));
}

#[tokio::test]
async fn b2c_and_foreign_buyers_get_nothing_and_environments_are_separate() {
    let t = TestSim::start().await;
    let b2c = t
        .client
        .upload_b2c(
            &t.seller_token,
            &UploadRequest::new(Standard::Ubl, SELLER),
            &invoice_xml("B2C-1"),
        )
        .await
        .unwrap();
    let mut foreign = UploadRequest::new(Standard::Ubl, SELLER);
    foreign.foreign_buyer = true;
    let external = t
        .client
        .upload(&t.seller_token, &foreign, &invoice_xml("EXT-1"))
        .await
        .unwrap();
    assert!(matches!(b2c, UploadOutcome::Accepted { .. }));
    assert!(matches!(external, UploadOutcome::Accepted { .. }));
    t.finish_processing();
    let sent = t
        .client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap();
    assert_eq!(sent.messages.len(), 2);
    let buyer = t
        .client
        .messages(&t.buyer_token, BUYER, 1, None)
        .await
        .unwrap();
    assert!(buyer.messages.is_empty());

    let prod = t.client(Environment::Prod, TIMEOUT);
    let in_prod = prod
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap();
    assert!(in_prod.messages.is_empty(), "test uploads stay in test");
    let UploadOutcome::Accepted { index, .. } = b2c else {
        unreachable!()
    };
    let status = prod.status(&t.seller_token, index).await.unwrap();
    assert!(
        matches!(&status, UploadStatus::Refused { kind: RefusalKind::NotFound, errors } if errors[0] == format!("Nu exista factura cu id_incarcare= {index}")),
        "{status:?}"
    );
}

#[tokio::test]
async fn self_billed_invoices_are_filed_for_both_parties() {
    let t = TestSim::start().await;
    t.sim.grant(crate::support::BUYER_USER, BUYER);
    let mut request = UploadRequest::new(Standard::Ubl, BUYER);
    request.self_billing = true;
    let outcome = t
        .client
        .upload(&t.buyer_token, &request, &invoice_xml("AUTO-1"))
        .await
        .unwrap();
    let UploadOutcome::Accepted { index, .. } = outcome else {
        panic!("{outcome:?}")
    };
    t.finish_processing();
    let buyer = t
        .client
        .messages(&t.buyer_token, BUYER, 1, None)
        .await
        .unwrap();
    let message = &buyer.messages[0];
    assert_eq!(message.kind, MessageKind::FacturaPrimita);
    assert!(message.parsed_details.self_billing);
    assert_eq!(
        message.parsed_details.issuer_cif.as_deref(),
        Some("18547290")
    );
    assert_eq!(
        message.parsed_details.beneficiary_cif.as_deref(),
        Some("14399840")
    );
    let seller = t
        .client
        .messages(&t.seller_token, SELLER, 1, None)
        .await
        .unwrap();
    assert_eq!(seller.messages[0].kind, MessageKind::FacturaTrimisa);
    assert_eq!(seller.messages[0].upload_index, index);
}

#[tokio::test]
async fn status_questions_anaf_refuses() {
    let t = TestSim::start().await;
    let index = t.upload(&invoice_xml("FCT-9")).await;
    let stranger = t.sim.issue_tokens("nobody", "facturo").access_token;
    let status = t.client.status(&stranger, index).await.unwrap();
    assert_eq!(
        status,
        UploadStatus::Refused {
            kind: RefusalKind::NoRights,
            errors: vec!["Nu exista niciun CIF petru care sa aveti drept".into()],
        }
    );
    let status = t.client.status(&t.buyer_token, index).await.unwrap();
    assert_eq!(
        status,
        UploadStatus::Refused {
            kind: RefusalKind::NoRights,
            errors: vec![format!(
                "Nu aveti dreptul de inteorgare pentru id_incarcare= {index}"
            )],
        },
        "only the uploading CIF asks"
    );
    let missing = t
        .client
        .status(&t.seller_token, UploadIndex(42))
        .await
        .unwrap();
    assert!(matches!(
        missing,
        UploadStatus::Refused {
            kind: RefusalKind::NotFound,
            ..
        }
    ));
}

#[tokio::test]
async fn validare_and_transformare_answer_at_once() {
    let t = TestSim::start().await;
    let valid = t
        .client
        .validate(
            &t.seller_token,
            ValidationStandard::Fact1,
            &invoice_xml("V-1"),
        )
        .await
        .unwrap();
    assert!(
        matches!(valid, Validation::Valid { trace_id: Some(_) }),
        "{valid:?}"
    );
    let invalid = t
        .client
        .validate(
            &t.seller_token,
            ValidationStandard::Fact1,
            &invalid_invoice_xml("V-2"),
        )
        .await
        .unwrap();
    let Validation::Invalid { findings, .. } = invalid else {
        panic!("{invalid:?}")
    };
    assert_eq!(findings[0].rule_id.as_deref(), Some("BR-RO-110"));
    let pdf = t
        .client
        .transform(
            &t.seller_token,
            ValidationStandard::Fact1,
            &invoice_xml("V-3"),
            true,
        )
        .await
        .unwrap();
    assert!(matches!(&pdf, Transformation::Pdf(bytes) if bytes.starts_with(b"%PDF")));
    let refused = t
        .client
        .transform(
            &t.seller_token,
            ValidationStandard::Fact1,
            &invalid_invoice_xml("V-4"),
            true,
        )
        .await
        .unwrap();
    assert!(matches!(
        refused,
        Transformation::NotRendered(Validation::Invalid { .. })
    ));
    let unchecked = t
        .client
        .transform(
            &t.seller_token,
            ValidationStandard::Fact1,
            &invalid_invoice_xml("V-5"),
            false,
        )
        .await
        .unwrap();
    assert!(matches!(unchecked, Transformation::Pdf(_)));
    let wrong = t
        .client
        .validate(
            &t.seller_token,
            ValidationStandard::Fcn,
            &invoice_xml("V-6"),
        )
        .await
        .unwrap();
    assert!(
        matches!(
            wrong,
            Validation::Refused {
                kind: RefusalKind::InvalidDocument,
                ..
            }
        ),
        "{wrong:?}"
    );
}

#[tokio::test]
async fn a_file_over_the_size_limit_is_refused_before_anything_else() {
    let t = TestSim::with_config(anaf::sim::efactura::SimConfig {
        max_upload_bytes: 1024 * 1024,
        ..anaf::sim::efactura::SimConfig::default()
    })
    .await;
    let big = vec![b' '; 1024 * 1024 + 1];
    let outcome = t
        .client
        .upload(
            &t.buyer_token,
            &UploadRequest::new(Standard::Ubl, SELLER),
            &big,
        )
        .await
        .unwrap();
    assert!(
        matches!(&outcome, UploadOutcome::Refused { kind: RefusalKind::InvalidDocument, errors, .. } if errors[..] == ["Marime fisier transmis mai mare de 1 MB."]),
        "the size is checked before the rights: {outcome:?}"
    );
}
