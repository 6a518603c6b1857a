//! The invoice as the templates read it: every label chosen, every number and date formatted
//! here, so a template only lays out strings and never computes or evaluates one.

use einvoice::codes::VatCategory;
use einvoice::model::{Invoice, InvoiceLine, LineAllowanceCharge};
use einvoice::money::round2;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::format;
use crate::labels::{self, Labels};
use crate::look::{Language, Look, Title};
use crate::parties::{self, Account, Party};
use crate::words::amount_in_words;

/// The accent colour of a design without one of its own.
pub const DEFAULT_ACCENT: &str = "#1f4e79";

/// A label and its value.
pub type Pair = (&'static str, String);

/// Everything one document prints, as `/data.json`.
#[derive(Debug, Serialize)]
pub struct Document {
    /// ISO 639-1 code, for typst's hyphenation and quotes.
    pub lang: &'static str,
    /// `#rrggbb`.
    pub accent: String,
    /// The typeface's family name.
    pub font: &'static str,
    /// The logo's virtual path, when there is one.
    pub logo: Option<String>,
    /// The language's labels.
    pub labels: &'static Labels,
    /// "Factură", "Invoice", …
    pub title: &'static str,
    /// BT-1.
    pub number: String,
    /// Dates and references printed under the title.
    pub meta: Vec<Pair>,
    /// BG-4.
    pub seller: Party,
    /// BG-7.
    pub buyer: Party,
    /// Payee, tax representative and delivery place, when the invoice names them.
    pub others: Vec<Party>,
    /// The line table's columns, in order.
    pub columns: Vec<Column>,
    /// BG-25.
    pub lines: Vec<Row>,
    /// BG-20 and BG-21: document level allowances and charges.
    pub adjustments: Vec<Pair>,
    /// BG-23; empty when prices or VAT are hidden.
    pub vat: Vec<VatRow>,
    /// BG-22, paid and balance; empty when prices are hidden.
    pub totals: Vec<Total>,
    /// The amount due in words.
    pub words: Option<String>,
    /// The exchange rate and BT-111 of a foreign-currency invoice.
    pub fx: Vec<(String, String)>,
    /// BG-16 without the accounts; empty when prices are hidden.
    pub payment: Vec<Pair>,
    /// BG-17; empty when prices are hidden.
    pub accounts: Vec<Account>,
    /// BG-1 and the extra mentions.
    pub notes: Vec<String>,
    /// Who drew up the document.
    pub issuer: Vec<Pair>,
    /// The delegate and the transport.
    pub shipping: Vec<Pair>,
    /// Whether to print the signature lines.
    pub signatures: bool,
    /// The text at the foot of each page, before the page number.
    pub footer: String,
    /// The company's own line above the footer.
    pub footer_note: Option<String>,
}

/// A column of the line table.
#[derive(Debug, Serialize)]
pub struct Column {
    /// The [`Row`] field it shows.
    pub key: &'static str,
    /// Its header.
    pub label: &'static str,
    /// Whether its cells are numbers, aligned right.
    pub numeric: bool,
}

/// One invoice line, formatted.
#[derive(Debug, Serialize)]
pub struct Row {
    /// Position, from 1.
    pub no: String,
    /// BT-153.
    pub name: String,
    /// Description, note, identifiers, period, allowances and charges, one per line.
    pub details: Vec<String>,
    /// BT-130, named.
    pub unit: String,
    /// BT-129.
    pub qty: String,
    /// BT-146 per BT-149.
    pub price: String,
    /// BT-131.
    pub amount: String,
    /// BT-152 with BT-151 when it is not standard.
    pub vat: String,
}

/// One row of the VAT breakdown.
#[derive(Debug, Serialize)]
pub struct VatRow {
    /// BT-118, named.
    pub category: String,
    /// BT-119.
    pub rate: String,
    /// BT-116.
    pub base: String,
    /// BT-117.
    pub vat: String,
    /// BT-120 or BT-121.
    pub reason: String,
}

/// One row of the totals.
#[derive(Debug, Serialize)]
pub struct Total {
    /// What it is.
    pub label: &'static str,
    /// The amount with its currency.
    pub value: String,
    /// Whether it is the amount to pay, printed large.
    pub strong: bool,
}

/// The document of `invoice` in `look`, with the logo (if any) at `logo`.
pub fn document(invoice: &Invoice, look: &Look, logo: Option<String>) -> Document {
    let language = look.language;
    let l = labels::labels(language);
    let title = labels::title(look.title, language);
    let show = look.show;
    let prices = show.prices;
    let vat = prices && show.vat;
    let (totals, words) = if prices {
        totals(invoice, look)
    } else {
        (Vec::new(), None)
    };
    let seller = parties::seller(invoice, l, language);
    let footer = format!("{} · {title} {} {}", seller.name, l.number, invoice.number);
    let notes = if show.notes {
        let notes = invoice.notes.iter().map(|n| n.text.clone());
        notes.chain(look.extra.mentions.iter().cloned()).collect()
    } else {
        Vec::new()
    };
    let (issuer, shipping) = if show.issuer {
        parties::issuer(&look.extra, l)
    } else {
        (Vec::new(), Vec::new())
    };
    Document {
        lang: language.code(),
        accent: look
            .accent
            .map_or_else(|| DEFAULT_ACCENT.to_owned(), |c| c.to_string()),
        font: look.typeface.unwrap_or(look.design.typeface()).family(),
        logo,
        labels: l,
        title,
        number: invoice.number.clone(),
        meta: meta(invoice, look),
        seller,
        buyer: parties::buyer(invoice, l, language),
        others: parties::others(invoice, l, language),
        columns: columns(l, prices, vat),
        lines: invoice
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| row(i, line, l, language))
            .collect(),
        adjustments: if prices {
            adjustments(invoice, l, language)
        } else {
            Vec::new()
        },
        vat: if vat {
            vat_rows(invoice, language)
        } else {
            Vec::new()
        },
        totals,
        words,
        fx: if vat { fx(invoice, look) } else { Vec::new() },
        payment: if prices {
            parties::payment(invoice, l, language)
        } else {
            Vec::new()
        },
        accounts: if prices && show.bank_accounts {
            parties::accounts(invoice, &look.extra)
        } else {
            Vec::new()
        },
        notes,
        issuer,
        shipping,
        signatures: show.issuer,
        footer,
        footer_note: look.footer_note.clone(),
    }
}

/// Dates and references, in the order a reader looks for them.
fn meta(invoice: &Invoice, look: &Look) -> Vec<Pair> {
    let language = look.language;
    let l = labels::labels(language);
    let date = |d: Option<time::Date>| d.map(|d| format::date(d, language));
    let mut meta = Vec::new();
    let mut push = |label: &'static str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            meta.push((label, value));
        }
    };
    push(l.issue_date, date(invoice.issue_date));
    if look.show.due_date && look.title != Title::DeliveryNote {
        push(l.due_date, date(invoice.due_date));
    }
    if look.title == Title::Proforma {
        push(l.valid_until, date(look.extra.valid_until));
    }
    push(l.vat_point_date, date(invoice.vat_point_date));
    let delivered = invoice.delivery.as_ref().and_then(|d| d.actual_date);
    push(l.delivery_date, date(delivered));
    if let Some(period) = invoice.invoicing_period.filter(|p| !p.is_empty()) {
        let ends = [period.start, period.end].map(|d| date(d).unwrap_or_default());
        push(l.period, Some(ends.join(" – ")));
    }
    for preceding in &invoice.preceding_invoices {
        let value = match date(preceding.issue_date) {
            Some(d) => format!("{} / {d}", preceding.number),
            None => preceding.number.clone(),
        };
        push(l.preceding, Some(value));
    }
    push(l.order, invoice.purchase_order_reference.clone());
    push(l.contract, invoice.contract_reference.clone());
    push(l.buyer_reference, invoice.buyer_reference.clone());
    push(l.project, invoice.project_reference.clone());
    push(l.despatch_advice, invoice.despatch_advice_reference.clone());
    meta
}

/// The line table's columns: prices and VAT only when shown.
fn columns(l: &'static Labels, prices: bool, vat: bool) -> Vec<Column> {
    let column = |key, label, numeric| Column {
        key,
        label,
        numeric,
    };
    let mut columns = vec![
        column("no", l.col_no, true),
        column("name", l.col_item, false),
        column("unit", l.col_unit, false),
        column("qty", l.col_qty, true),
    ];
    if prices {
        columns.push(column("price", l.col_price, true));
        columns.push(column("amount", l.col_amount, true));
    }
    if vat {
        columns.push(column("vat", l.col_vat, true));
    }
    columns
}

fn row(index: usize, line: &InvoiceLine, l: &Labels, language: Language) -> Row {
    let amount = |d: Option<Decimal>| d.map(|d| format::amount(d, language)).unwrap_or_default();
    let mut details: Vec<String> = [&line.item.description, &line.note]
        .into_iter()
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .cloned()
        .collect();
    if let Some(id) = &line.item.seller_id {
        details.push(format!("# {id}"));
    }
    if let Some(period) = line.period.filter(|p| !p.is_empty()) {
        let ends = [period.start, period.end]
            .map(|d| d.map(|d| format::date(d, language)).unwrap_or_default());
        details.push(ends.join(" – "));
    }
    details.extend(
        line.item
            .attributes
            .iter()
            .map(|a| format!("{}: {}", a.name, a.value)),
    );
    let adjustment = |label: &str, sign: &str, a: &LineAllowanceCharge| {
        let reason = a.reason.as_deref().or(a.reason_code.as_deref());
        let reason = reason.map(|r| format!(" ({r})")).unwrap_or_default();
        format!("{label}{reason}: {sign}{}", amount(a.amount))
    };
    details.extend(
        line.allowances
            .iter()
            .map(|a| adjustment(l.allowance, "-", a)),
    );
    details.extend(line.charges.iter().map(|c| adjustment(l.charge, "+", c)));
    let mut price = amount(line.price.net);
    if let Some(base) = line.price.base_quantity.filter(|b| *b != Decimal::ONE) {
        let unit = line.price.base_quantity_unit.as_deref();
        let unit = labels::unit(unit.unwrap_or(&line.unit_code), language);
        price = format!("{price} / {} {unit}", format::plain(base, language));
    }
    Row {
        no: (index + 1).to_string(),
        name: line.item.name.clone(),
        details,
        unit: labels::unit(&line.unit_code, language).to_owned(),
        qty: line
            .quantity
            .map(|q| format::plain(q, language))
            .unwrap_or_default(),
        price,
        amount: amount(line.net_amount),
        vat: vat_rate(line.vat.category, line.vat.rate, language),
    }
}

/// A rate with its category when that is not standard: `21%`, `0% AE`, `O`.
fn vat_rate(category: Option<VatCategory>, rate: Option<Decimal>, language: Language) -> String {
    let rate = rate.map(|r| format::percent(r, language));
    match (category, rate) {
        (Some(VatCategory::S) | None, Some(rate)) => rate,
        (Some(c), Some(rate)) => format!("{rate} {}", c.code()),
        (Some(c), None) => c.code().to_owned(),
        (None, None) => String::new(),
    }
}

fn adjustments(invoice: &Invoice, l: &'static Labels, language: Language) -> Vec<Pair> {
    let describe = |label: &'static str, sign: &str, a: &einvoice::model::AllowanceCharge| {
        let reason = a.reason.as_deref().or(a.reason_code.as_deref());
        let value = a.amount.map(|d| format::amount(d, language));
        let value = format!("{sign}{}", value.unwrap_or_default());
        match reason {
            Some(reason) => (label, format!("{reason}: {value}")),
            None => (label, value),
        }
    };
    let allowances = invoice
        .allowances
        .iter()
        .map(|a| describe(l.allowance, "-", a));
    let charges = invoice.charges.iter().map(|c| describe(l.charge, "+", c));
    allowances.chain(charges).collect()
}

fn vat_rows(invoice: &Invoice, language: Language) -> Vec<VatRow> {
    let amount = |d: Option<Decimal>| d.map(|d| format::amount(d, language)).unwrap_or_default();
    invoice
        .vat_breakdown
        .iter()
        .map(|b| VatRow {
            category: b
                .category
                .map(|c| format!("{} ({})", labels::vat_category(c, language), c.code()))
                .unwrap_or_default(),
            rate: b
                .rate
                .map(|r| format::percent(r, language))
                .unwrap_or_default(),
            base: amount(b.taxable_amount),
            vat: amount(b.tax_amount),
            reason: b
                .exemption_reason
                .clone()
                .or_else(|| b.exemption_reason_code.clone())
                .unwrap_or_default(),
        })
        .collect()
}

/// BG-22 as printed, and the amount due in words.
fn totals(invoice: &Invoice, look: &Look) -> (Vec<Total>, Option<String>) {
    let language = look.language;
    let l = labels::labels(language);
    let t = &invoice.totals;
    let currency = invoice.currency.as_str();
    let money = |d: Decimal| format!("{} {currency}", format::amount(d, language));
    let mut rows = Vec::new();
    let mut push = |label, value: Option<Decimal>, strong| {
        if let Some(value) = value {
            rows.push(Total {
                label,
                value: money(value),
                strong,
            });
        }
    };
    let nonzero = |d: Option<Decimal>| d.filter(|d| !d.is_zero());
    let adjusted = nonzero(t.allowance_total).is_some() || nonzero(t.charge_total).is_some();
    if adjusted {
        push(l.line_total, t.line_extension, false);
        push(l.allowance_total, nonzero(t.allowance_total), false);
        push(l.charge_total, nonzero(t.charge_total), false);
    }
    if look.show.vat {
        push(l.net_total, t.tax_exclusive, false);
        push(l.vat_total, t.vat_total.or(Some(Decimal::ZERO)), false);
    }
    let prepaid = nonzero(t.prepaid);
    let rounding = nonzero(t.rounding);
    if prepaid.is_some() || rounding.is_some() {
        push(l.total, t.tax_inclusive, false);
        push(l.prepaid, prepaid, false);
        push(l.rounding, rounding, false);
    }
    let payable = t.payable.or(t.tax_inclusive);
    push(l.payable, payable, true);
    let mut due = payable;
    if let (Some(paid), Some(payable)) = (look.extra.amount_paid, payable) {
        push(l.paid, Some(paid), false);
        due = Some(round2(payable - paid));
        push(l.balance, due, true);
    }
    let words = (look.show.total_in_words && language == Language::Ro)
        .then_some(due)
        .flatten()
        .and_then(|d| amount_in_words(d, currency));
    (rows, words)
}

/// The exchange rate and the VAT in the accounting currency (BT-111) of an invoice whose
/// currency is not its VAT accounting currency (BT-6).
fn fx(invoice: &Invoice, look: &Look) -> Vec<(String, String)> {
    let language = look.language;
    let l = labels::labels(language);
    let Some(accounting) = invoice
        .vat_accounting_currency
        .as_deref()
        .filter(|c| *c != invoice.currency)
    else {
        return Vec::new();
    };
    let rate = look.extra.exchange_rate;
    let mut rows = Vec::new();
    if let Some(rate) = rate {
        let mut text = format!(
            "1 {} = {} {accounting}",
            invoice.currency,
            format::exact(rate.rate, language)
        );
        if let Some(date) = rate.date {
            text = format!("{text} ({})", format::date(date, language));
        }
        rows.push((l.exchange_rate.to_owned(), text));
    }
    let computed = rate
        .zip(invoice.totals.vat_total)
        .map(|(rate, vat)| round2(vat * rate.rate));
    if let Some(vat) = invoice.totals.vat_total_accounting.or(computed) {
        let value = format!("{} {accounting}", format::amount(vat, language));
        rows.push((format!("{} {accounting}", l.vat_in), value));
    }
    rows
}
