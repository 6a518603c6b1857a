//! `facturo ubl INVOICE.json`: an EN 16931 document as JSON (the `einvoice::model::Invoice`
//! shape) to UBL 2.1 XML. Totals (BG-22, BG-23) are computed from the lines when the JSON has
//! none (`totals.payable` absent).

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use einvoice::Decimal;
use einvoice::model::Invoice;

/// Reads the JSON at `path`, writes the XML to `out`.
pub fn run(
    path: &Path,
    exchange_rate: Option<Decimal>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut invoice: Invoice = serde_json::from_str(&text)
        .with_context(|| format!("{} is not an EN 16931 invoice as JSON", path.display()))?;
    if invoice.totals.payable.is_none() {
        invoice
            .compute_totals(exchange_rate)
            .context("computing the totals")?;
    }
    out.write_all(ubl::write(&invoice).as_bytes())?;
    Ok(())
}
