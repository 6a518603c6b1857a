//! The validator never panics and always finishes, whatever it is given: arbitrary bytes, and
//! valid invoices whose basic elements are emptied, duplicated, removed or given garbage
//! values (bad numbers, dates, codes, whitespace, huge values), which reach deep into the
//! rules' arithmetic and casts.

#![allow(clippy::unwrap_used)]

#[path = "../../ubl/tests/ubl/fixtures.rs"]
mod fixtures;

use proptest::prelude::*;

/// A valid document with lines, allowances and several VAT groups.
fn sample() -> String {
    ubl::write(&fixtures::typical(4))
}

/// The byte ranges of every `<cbc:…>…</cbc:…>` element (basic components are leaves).
fn leaves(xml: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = xml[at..].find("<cbc:").map(|i| i + at) {
        let name_end = start + xml[start..].find([' ', '>']).unwrap();
        let name = &xml[start + 1..name_end];
        let open_end = start + xml[start..].find('>').unwrap() + 1;
        let close = format!("</{name}>");
        let Some(close_at) = xml[open_end..].find(&close).map(|i| i + open_end) else {
            break;
        };
        out.push((start, open_end, close_at + close.len()));
        at = open_end;
    }
    out
}

const GARBAGE: &[&str] = &[
    "",
    " ",
    "  \n ",
    "abc",
    "1e3",
    "-0",
    "-0.00",
    "NaN",
    "INF",
    "-INF",
    "0x10",
    "1,5",
    "+.5",
    "99999999999999999999999999999999999",
    "0.000000000000000000000000000001",
    "2024-02-30",
    "2024-13-01",
    "0000-00-00",
    "XX",
    "RO",
    "S",
    "O",
    "AE",
    "VAT",
    "true",
    "false",
    "1",
    "0",
    "&amp;&lt;&gt;",
    "ȘțĂîâ",
    "380",
    "381",
    "RON",
    "EUR",
];

#[derive(Debug, Clone)]
enum Edit {
    Value { leaf: usize, garbage: usize },
    Remove { leaf: usize },
    Duplicate { leaf: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..GARBAGE.len())
            .prop_map(|(leaf, garbage)| Edit::Value { leaf, garbage }),
        any::<usize>().prop_map(|leaf| Edit::Remove { leaf }),
        any::<usize>().prop_map(|leaf| Edit::Duplicate { leaf }),
    ]
}

fn apply(xml: &str, edit: &Edit) -> String {
    let spans = leaves(xml);
    let pick = |i: usize| spans[i % spans.len()];
    match *edit {
        Edit::Value { leaf, garbage } => {
            let (_, open_end, end) = pick(leaf);
            let close = xml[..end].rfind("</").unwrap();
            format!("{}{}{}", &xml[..open_end], GARBAGE[garbage], &xml[close..])
        }
        Edit::Remove { leaf } => {
            let (start, _, end) = pick(leaf);
            format!("{}{}", &xml[..start], &xml[end..])
        }
        Edit::Duplicate { leaf } => {
            let (start, _, end) = pick(leaf);
            format!("{}{}", &xml[..end], &xml[start..])
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_get_a_report(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        // Random bytes are never a valid invoice: the report says why.
        let report = rules::validate(&bytes);
        prop_assert!(!report.is_valid());
    }

    #[test]
    fn edited_invoices_are_checked_without_panicking(edits in proptest::collection::vec(edit(), 1..8)) {
        let mut xml = sample();
        for e in &edits {
            xml = apply(&xml, e);
        }
        let report = rules::validate(xml.as_bytes());
        // Still well-formed, so every rule set ran.
        prop_assert_eq!(report.rule_sets.len(), 2);
        prop_assert!(report.findings.iter().all(|f| f.rule != "XML-WELLFORMED"));
    }
}

#[test]
fn the_unedited_sample_is_valid() {
    let xml = sample();
    assert!(leaves(&xml).len() > 50);
    assert!(rules::validate(xml.as_bytes()).findings.is_empty());
}
