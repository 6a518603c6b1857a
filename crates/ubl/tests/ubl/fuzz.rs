//! The reader never panics: arbitrary bytes, mutated bytes of a valid document, and valid
//! XML whose values are replaced by garbage (which must still read, with issues).

use proptest::prelude::*;

use crate::fixtures;

/// A valid document with something of every group, to mutate.
fn sample() -> String {
    let mut invoice = fixtures::typical(3);
    invoice.notes.push(einvoice::model::Note::new("Notă"));
    invoice.lines[0]
        .allowances
        .push(einvoice::model::LineAllowanceCharge {
            amount: Some(fixtures::dec(100, 2)),
            reason: Some("Discount".into()),
            ..Default::default()
        });
    fixtures::compute(&mut invoice, None);
    ubl::write(&invoice)
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..500).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let n = bytes.len();
    match *m {
        Mutation::Flip { at, byte } => bytes[at % n] = byte,
        Mutation::Delete { at, len } => {
            let at = at % n;
            bytes.drain(at..(at + len).min(n));
        }
        Mutation::Duplicate { at, len } => {
            let at = at % n;
            let copy = bytes[at..(at + len).min(n)].to_vec();
            bytes.splice(at..at, copy);
        }
        Mutation::Truncate { at } => bytes.truncate(at % n),
    }
}

/// Garbage that looks like values: bad numbers, bad dates, unknown codes, markup.
fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("1e5".to_owned()),
        Just("2025-02-30".to_owned()),
        Just("--1".to_owned()),
        Just("XX".to_owned()),
        Just("99999999999999999999999999999999".to_owned()),
        Just("&amp;&lt;".to_owned()),
        "[ -~]{0,12}".prop_map(|s| s.replace(['<', '&'], "")),
        "\\PC{0,8}".prop_map(|s| s.replace(['<', '&'], "")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = ubl::read(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = ubl::read(text.as_bytes());
        let wrapped = format!(
            "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">{}</Invoice>",
            text.replace(['<', '&'], "")
        );
        prop_assert!(ubl::read(wrapped.as_bytes()).is_ok());
    }

    #[test]
    fn mutated_documents_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let mut bytes = sample().into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let _ = ubl::read(&bytes);
    }

    #[test]
    fn garbage_values_are_issues_not_errors(
        picks in proptest::collection::vec((any::<usize>(), garbage()), 1..8),
    ) {
        let xml = sample();
        // The text nodes: every `>…<` span with no markup inside.
        let spans: Vec<(usize, usize)> = xml
            .match_indices('>')
            .filter_map(|(start, _)| {
                let rest = &xml[start + 1..];
                let end = rest.find('<')?;
                (!rest[..end].trim().is_empty()).then_some((start + 1, start + 1 + end))
            })
            .collect();
        let mut chosen: Vec<(usize, usize, String)> = picks
            .into_iter()
            .map(|(i, g)| { let (s, e) = spans[i % spans.len()]; (s, e, g) })
            .collect();
        chosen.sort_by_key(|c| std::cmp::Reverse(c.0));
        chosen.dedup_by_key(|c| c.0);
        let mut mutated = xml.clone();
        for (start, end, value) in chosen {
            mutated.replace_range(start..end, &value);
        }
        let read = ubl::read(mutated.as_bytes());
        prop_assert!(read.is_ok(), "{read:?}");
        for issue in read.expect("checked").issues {
            prop_assert!(issue.location.starts_with("/ubl:Invoice[1]/"), "{issue}");
        }
    }
}
