//! Renders invoices to PDF and reads their text back with `pdf-extract`: what a reader of
//! the printed document would see.

mod support;

// Pages, repeated headers, page numbers, totals, VAT breakdown, words, diacritics.
mod layout;
// Titles and labels in each language, and both designs.
mod languages;
// Credit note, storno, proforma, delivery note, foreign currency, extra facts.
mod documents;
// Invoices read from UBL print like issued ones.
mod incoming;
// Hostile text prints literally; logos are checked; bad settings are refused.
mod safety;
