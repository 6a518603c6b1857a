//! Recurring invoices (api.md §17): templates that issue an invoice every period.
//!
//! A template is an invoice's fields and lines plus a schedule (`Schedule`: frequency, day,
//! month) and price rules per line (a fixed price, the product's price of the day, or a price
//! in a foreign currency converted at the BNR rate of the issue day, optionally marked up).
//!
//! A run is exactly-once per (template, period): the scheduler queues a job per due template
//! and period; the job, in one transaction, claims the period (`recurring_runs`' unique key),
//! creates and issues the invoice, and moves the template to its next date. Two processes, a
//! retry or a crash in the middle leave one invoice or none, never two or half of one.
//! Submission to ANAF (`autoSubmit`) follows the commit, through the same exactly-once
//! submission path as a manual submit.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sqlx::types::Json;
use time::{Date, Duration, Month, OffsetDateTime, Weekday};
use utoipa::ToSchema;

use super::draft::{self, Draft};
use super::email::{self, Letter, Mailable};
use super::input::{InvoiceDetails, InvoiceInput, LineInput};
use super::placeholders;
use super::save::invalid;
use crate::api::error::{ApiError, FieldError};
use crate::api::json::{DateIn, Flag, Num};
use crate::events::{self, DomainEvent, Origin, RecurringChange};
use crate::ids::{ClientId, InvoiceId, RecurringId, SeriesId, TradeDocumentId};
use crate::state::AppState;
use crate::store::recurring::{self as store, RecurringRecord};
use crate::store::{Ts, products};
use crate::tenancy::CompanyScope;

/// RecurringFrequency (api.md §27).
pub const FREQUENCIES: &[&str] = &[
    "once",
    "weekly",
    "monthly",
    "bimonthly",
    "quarterly",
    "semi_annually",
    "yearly",
];
/// PriceRule (api.md §27).
pub const PRICE_RULES: &[&str] = &["fixed", "updated_product", "bnr_rate", "bnr_rate_markup"];

/// A template as a client sends it (api.md §17.1).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecurringInput {
    /// once, weekly, monthly, bimonthly, quarterly, semi_annually, yearly.
    pub frequency: Option<String>,
    /// Weekly: ISO weekday 1-7. Otherwise the day of the month, 1-31: 29-31 mean that day, or
    /// the month's last day when it is shorter (31 = always the last day).
    pub frequency_day: Option<i64>,
    /// Yearly: the month, 1-12.
    pub frequency_month: Option<i64>,
    /// The next run; not in the past. Derives `frequencyDay`/`frequencyMonth` when those are
    /// omitted; derived from them when omitted.
    pub next_issuance_date: Option<DateIn>,
    /// After this day the template stops.
    pub stop_date: Option<DateIn>,
    pub reference: Option<String>,
    /// `days` (the due date is `dueDateDays` after the issue) or `fixed_day` (that day of the
    /// month, the next month's when not after the issue day).
    pub due_date_type: Option<String>,
    pub due_date_days: Option<i64>,
    pub due_date_fixed_day: Option<i64>,
    /// Issue each generated invoice (default); else it stays a draft.
    pub auto_issue: Option<Flag>,
    /// Submit each issued invoice to ANAF e-Factura.
    pub auto_submit: Option<Flag>,
    /// E-mail each issued invoice, with its PDF and XML, to the client's address.
    pub auto_email_enabled: Option<Flag>,
    /// When to send it, HH:MM Bucharest time (else as soon as it is issued).
    pub auto_email_time: Option<String>,
    /// How many days after the issue day to send it (0 to 60).
    pub auto_email_day_offset: Option<i64>,
    pub client_id: Option<ClientId>,
    #[serde(alias = "seriesId")]
    pub document_series_id: Option<SeriesId>,
    /// `invoice` (default), `credit_note` or `proforma`.
    pub document_type: Option<String>,
    pub currency: Option<String>,
    pub exchange_rate: Option<Num>,
    pub invoice_type_code: Option<String>,
    pub language: Option<String>,
    pub payment_method: Option<String>,
    pub lines: Option<Vec<RecurringLine>>,
    #[serde(flatten)]
    pub details: InvoiceDetails,
}

/// A template line: an invoice line and how its price is set at each run.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecurringLine {
    /// `fixed` (default), `updated_product`, `bnr_rate`, `bnr_rate_markup`.
    pub price_rule: Option<String>,
    /// For the BNR rules: the currency `unitPrice` is in.
    pub reference_currency: Option<String>,
    /// For `bnr_rate_markup`: percent added after conversion.
    pub markup_percent: Option<Num>,
    #[serde(flatten)]
    pub line: LineInput,
}

/// When a template runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub frequency: Frequency,
    /// ISO weekday (weekly) or day of the month (1-31).
    pub day: u8,
    /// Yearly: the month.
    pub month: Option<Month>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Once,
    Weekly,
    /// Every `n` months.
    Months(u8),
    Yearly,
}

impl Frequency {
    pub fn parse(s: &str) -> Option<Frequency> {
        Some(match s {
            "once" => Frequency::Once,
            "weekly" => Frequency::Weekly,
            "monthly" => Frequency::Months(1),
            "bimonthly" => Frequency::Months(2),
            "quarterly" => Frequency::Months(3),
            "semi_annually" => Frequency::Months(6),
            "yearly" => Frequency::Yearly,
            _ => return None,
        })
    }
}

/// `day` of `month` in `year`, or the month's last day when it has fewer.
fn day_in(year: i32, month: Month, day: u8) -> Date {
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, day.min(last)).unwrap_or(Date::MIN)
}

/// The month `n` months after (`year`, `month`).
fn add_months(year: i32, month: Month, n: u8) -> (i32, Month) {
    let index = i32::from(u8::from(month)) - 1 + i32::from(n);
    let m = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    (
        year + index.div_euclid(12),
        Month::try_from(m).unwrap_or(Month::January),
    )
}

fn weekday_of(iso: u8) -> Weekday {
    match iso {
        1 => Weekday::Monday,
        2 => Weekday::Tuesday,
        3 => Weekday::Wednesday,
        4 => Weekday::Thursday,
        5 => Weekday::Friday,
        6 => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

impl Schedule {
    /// The first run on or after `day`.
    pub fn first_on_or_after(self, from: Date) -> Date {
        match self.frequency {
            Frequency::Once => from,
            Frequency::Weekly => {
                let mut d = from;
                while d.weekday() != weekday_of(self.day) {
                    d = d.next_day().unwrap_or(d);
                }
                d
            }
            Frequency::Months(_) => {
                let this = day_in(from.year(), from.month(), self.day);
                if this >= from {
                    this
                } else {
                    let (y, m) = add_months(from.year(), from.month(), 1);
                    day_in(y, m, self.day)
                }
            }
            Frequency::Yearly => {
                let month = self.month.unwrap_or(Month::January);
                let this = day_in(from.year(), month, self.day);
                if this >= from {
                    this
                } else {
                    day_in(from.year() + 1, month, self.day)
                }
            }
        }
    }

    /// The run after the one of `period`; `None` for a one-off.
    pub fn after(self, period: Date) -> Option<Date> {
        match self.frequency {
            Frequency::Once => None,
            Frequency::Weekly => Some(period + Duration::days(7)),
            Frequency::Months(n) => {
                let (y, m) = add_months(period.year(), period.month(), n);
                Some(day_in(y, m, self.day))
            }
            Frequency::Yearly => Some(day_in(
                period.year() + 1,
                self.month.unwrap_or(period.month()),
                self.day,
            )),
        }
    }
}

/// A validated template: what the store keeps.
#[derive(Debug, Clone)]
pub struct Plan {
    pub schedule: Schedule,
    pub next: Option<Date>,
    pub stop: Option<Date>,
    pub auto_issue: bool,
    pub auto_submit: bool,
    /// The invoice the template makes at its own prices (for the totals and the checks).
    pub sample: Draft,
    pub input: RecurringInput,
}

/// The longest a month can be, per month (February counts its leap day).
fn longest(month: Month) -> u8 {
    time::util::days_in_month(month, 2024)
}

/// Checks a template against `today`; every wrong field is listed.
pub fn plan(input: &RecurringInput, scope: &CompanyScope, today: Date) -> Result<Plan, ApiError> {
    let mut e = Vec::new();
    let next = input.next_issuance_date.map(|d| d.0);
    let frequency = match input.frequency.as_deref() {
        Some(f) => Frequency::parse(f).or_else(|| {
            e.push(FieldError::new(
                "frequency",
                format!("'{f}' is not one of {}.", FREQUENCIES.join(", ")),
            ));
            None
        }),
        None => {
            e.push(FieldError::new("frequency", "The frequency is required."));
            None
        }
    };
    let day = input.frequency_day.or_else(|| {
        next.map(|d| match frequency {
            Some(Frequency::Weekly) => i64::from(d.weekday().number_from_monday()),
            _ => i64::from(d.day()),
        })
    });
    let month = input
        .frequency_month
        .or_else(|| next.map(|d| i64::from(u8::from(d.month()))));
    let weekly = frequency == Some(Frequency::Weekly);
    let day = match day {
        None if frequency == Some(Frequency::Once) => Some(1),
        None => {
            e.push(FieldError::new(
                "frequencyDay",
                "Give frequencyDay or nextIssuanceDate.",
            ));
            None
        }
        Some(d) if weekly && !(1..=7).contains(&d) => {
            e.push(FieldError::new(
                "frequencyDay",
                "A weekly template runs on an ISO weekday, 1 (Monday) to 7 (Sunday).",
            ));
            None
        }
        Some(d) if !(1..=31).contains(&d) => {
            e.push(FieldError::new(
                "frequencyDay",
                "A day of the month is 1 to 31 (29-31: that day, or the month's last).",
            ));
            None
        }
        Some(d) => u8::try_from(d).ok(),
    };
    let month = if frequency == Some(Frequency::Yearly) {
        match month.map(u8::try_from) {
            Some(Ok(m)) if (1..=12).contains(&m) => {
                let m = Month::try_from(m).unwrap_or(Month::January);
                if let Some(d) = day
                    && d > longest(m)
                {
                    e.push(FieldError::new(
                        "frequencyDay",
                        format!(
                            "{m} has no day {d}: it has {} at most; use that for its last day.",
                            longest(m)
                        ),
                    ));
                }
                Some(m)
            }
            Some(_) => {
                e.push(FieldError::new("frequencyMonth", "A month is 1 to 12."));
                None
            }
            None => {
                e.push(FieldError::new(
                    "frequencyMonth",
                    "A yearly template needs frequencyMonth or nextIssuanceDate.",
                ));
                None
            }
        }
    } else {
        None
    };
    if next.is_some_and(|d| d < today) {
        e.push(FieldError::new(
            "nextIssuanceDate",
            "nextIssuanceDate cannot be in the past.",
        ));
    }
    let stop = input.stop_date.map(|d| d.0);
    let due_type = input.due_date_type.as_deref();
    match due_type {
        None | Some("days" | "fixed_day") => {}
        Some(other) => e.push(FieldError::new(
            "dueDateType",
            format!("'{other}' is not one of days, fixed_day."),
        )),
    }
    if input.due_date_days.is_some_and(|d| !(0..=366).contains(&d)) {
        e.push(FieldError::new("dueDateDays", "0 to 366 days."));
    }
    if input
        .due_date_fixed_day
        .is_some_and(|d| !(1..=28).contains(&d))
    {
        e.push(FieldError::new("dueDateFixedDay", "A day from 1 to 28."));
    }
    if let Some(t) = input.auto_email_time.as_deref()
        && time::Time::parse(t, time::macros::format_description!("[hour]:[minute]")).is_err()
    {
        e.push(FieldError::new("autoEmailTime", "A time as HH:MM."));
    }
    if input
        .auto_email_day_offset
        .is_some_and(|d| !(0..=60).contains(&d))
    {
        e.push(FieldError::new("autoEmailDayOffset", "0 to 60 days."));
    }
    let texts = [
        ("notes".to_owned(), input.details.notes.as_deref()),
        ("mentions".to_owned(), input.details.mentions.as_deref()),
    ];
    let descriptions = input.lines.iter().flatten().enumerate().map(|(i, l)| {
        (
            format!("lines[{i}].description"),
            l.line.description.as_deref(),
        )
    });
    for (key, text) in texts.into_iter().chain(descriptions) {
        if let Some(Err(err)) = text.map(|t| placeholders::check(t, VARIABLES)) {
            e.push(FieldError::new(key, err.to_string()));
        }
    }
    match input.document_type.as_deref() {
        None | Some("invoice" | "credit_note") => {}
        Some("proforma") => {
            if input.auto_submit.is_some_and(|f| f.0) {
                e.push(FieldError::new(
                    "autoSubmit",
                    "A proforma is not an invoice: it is not submitted to ANAF.",
                ));
            }
            for (i, l) in input.lines.iter().flatten().enumerate() {
                if l.line
                    .quantity
                    .as_ref()
                    .is_some_and(|q| q.0 <= Decimal::ZERO)
                {
                    e.push(FieldError::new(
                        format!("lines[{i}].quantity"),
                        "The quantity of a proforma line must be more than 0.",
                    ));
                }
            }
        }
        Some(other) => e.push(FieldError::new(
            "documentType",
            format!("'{other}' is not one of invoice, credit_note."),
        )),
    }
    let lines = input.lines.as_deref().unwrap_or_default();
    if lines.is_empty() {
        e.push(FieldError::new("lines", "At least one line is required."));
    }
    for (i, l) in lines.iter().enumerate() {
        let rule = l.price_rule.as_deref().unwrap_or("fixed");
        if !PRICE_RULES.contains(&rule) {
            e.push(FieldError::new(
                format!("lines[{i}].priceRule"),
                format!("'{rule}' is not one of {}.", PRICE_RULES.join(", ")),
            ));
        }
        if rule.starts_with("bnr_rate")
            && !l
                .reference_currency
                .as_deref()
                .is_some_and(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            e.push(FieldError::new(
                format!("lines[{i}].referenceCurrency"),
                "A BNR price rule needs the ISO 4217 currency of unitPrice (EUR, USD, …).",
            ));
        }
        if rule == "bnr_rate_markup" && l.markup_percent.is_none() {
            e.push(FieldError::new(
                format!("lines[{i}].markupPercent"),
                "bnr_rate_markup needs markupPercent.",
            ));
        }
        if rule == "updated_product" && l.line.product_id.is_none() {
            e.push(FieldError::new(
                format!("lines[{i}].productId"),
                "updated_product needs the product whose price to use.",
            ));
        }
    }
    let schedule = match (frequency, day) {
        (Some(frequency), Some(day)) if e.is_empty() => Schedule {
            frequency,
            day,
            month,
        },
        _ => {
            // The invoice fields are checked too, so one answer lists every mistake.
            if let Err(more) =
                draft::build(&invoice_input(input, today, &[]), &scope.company, today)
            {
                e.extend(more);
            }
            return Err(invalid(e));
        }
    };
    let next = next.unwrap_or_else(|| schedule.first_on_or_after(today));
    if stop.is_some_and(|s| s < next) {
        e.push(FieldError::new(
            "stopDate",
            "The stop date is before the next issuance date.",
        ));
    }
    let sample = draft::build(&invoice_input(input, today, &[]), &scope.company, today);
    match sample {
        Ok(sample) if e.is_empty() => Ok(Plan {
            schedule,
            next: Some(next),
            stop,
            auto_issue: input.auto_issue.is_none_or(|f| f.0),
            auto_submit: input.auto_submit.is_some_and(|f| f.0),
            sample,
            input: input.clone(),
        }),
        Ok(_) => Err(invalid(e)),
        Err(more) => {
            e.extend(more);
            Err(invalid(e))
        }
    }
}

/// What a template's notes, mentions and line descriptions may say in `{{…}}`, filled in on
/// each issue day ("Mentenanță {{previousMonth}} {{previousMonthYear}}").
pub const VARIABLES: &[(&str, &str)] = &[
    ("issueDate", "the invoice's issue date, YYYY-MM-DD"),
    ("month", "the issue month's name in Romanian, e.g. iunie"),
    ("monthNumber", "the issue month, 01 to 12"),
    ("year", "the issue year"),
    (
        "previousMonth",
        "the month before the issue month, e.g. mai",
    ),
    ("previousMonthYear", "the year of the month before"),
    ("nextMonth", "the month after the issue month, e.g. iulie"),
    ("nextMonthYear", "the year of the month after"),
];

const MONTHS: [&str; 12] = [
    "ianuarie",
    "februarie",
    "martie",
    "aprilie",
    "mai",
    "iunie",
    "iulie",
    "august",
    "septembrie",
    "octombrie",
    "noiembrie",
    "decembrie",
];

/// The values of [`VARIABLES`] for an invoice issued on `issue`.
fn period_values(issue: Date) -> impl Fn(&str) -> Option<String> {
    move |name: &str| {
        let (year, month) = match name {
            "previousMonth" | "previousMonthYear" => {
                let month = issue.month().previous();
                let year = issue.year() - i32::from(month == Month::December);
                (year, month)
            }
            "nextMonth" | "nextMonthYear" => add_months(issue.year(), issue.month(), 1),
            _ => (issue.year(), issue.month()),
        };
        let month_name = MONTHS[usize::from(u8::from(month)) - 1].to_owned();
        Some(match name {
            "issueDate" => crate::api::wire::date_text(issue),
            "month" | "previousMonth" | "nextMonth" => month_name,
            "monthNumber" => format!("{:02}", u8::from(month)),
            "year" | "previousMonthYear" | "nextMonthYear" => year.to_string(),
            _ => return None,
        })
    }
}

/// `text` with its variables filled in for `issue` (a template's texts were checked when it
/// was saved; one that still fails is kept as written).
fn fill(text: &str, issue: Date) -> String {
    placeholders::render(text, VARIABLES, period_values(issue)).unwrap_or_else(|_| text.to_owned())
}

/// The invoice a template makes on `issue`, each line at `prices[i]` when given (else its own
/// price), its texts' variables filled in.
pub fn invoice_input(t: &RecurringInput, issue: Date, prices: &[Option<Decimal>]) -> InvoiceInput {
    let lines = t
        .lines
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, l)| {
            let mut line = l.line.clone();
            if let Some(Some(p)) = prices.get(i) {
                line.unit_price = Some(Num(*p));
            }
            line.description = line.description.map(|d| fill(&d, issue));
            line
        })
        .collect();
    InvoiceInput {
        lines: Some(lines),
        client_id: t.client_id,
        // A proforma's content is an invoice's, without the type.
        document_type: t.document_type.clone().filter(|d| d != "proforma"),
        document_series_id: t.document_series_id,
        issue_date: Some(DateIn(issue)),
        due_date: due_date(t, issue).map(DateIn),
        currency: t.currency.clone(),
        exchange_rate: t.exchange_rate,
        invoice_type_code: t.invoice_type_code.clone(),
        language: t.language.clone(),
        payment_method: t.payment_method.clone(),
        details: InvoiceDetails {
            notes: t.details.notes.as_deref().map(|n| fill(n, issue)),
            mentions: t.details.mentions.as_deref().map(|m| fill(m, issue)),
            ..t.details.clone()
        },
        ..InvoiceInput::default()
    }
}

/// The due date of an invoice issued on `issue`.
pub fn due_date(t: &RecurringInput, issue: Date) -> Option<Date> {
    match t.due_date_type.as_deref() {
        Some("days") => t.due_date_days.map(|d| issue + Duration::days(d)),
        Some("fixed_day") => t.due_date_fixed_day.and_then(|d| {
            let d = u8::try_from(d).ok()?;
            let this = day_in(issue.year(), issue.month(), d);
            Some(if this > issue {
                this
            } else {
                let (y, m) = add_months(issue.year(), issue.month(), 1);
                day_in(y, m, d)
            })
        }),
        _ => None,
    }
}

/// The record of a plan (identity and history aside).
pub fn record_of(plan: &Plan, scope: &CompanyScope, now: OffsetDateTime) -> RecurringRecord {
    let t = &plan.sample.totals;
    let minor = |d: Decimal| einvoice::money::to_minor(d).unwrap_or_default();
    RecurringRecord {
        id: RecurringId::new(),
        company_id: scope.id(),
        client_id: plan.input.client_id,
        series_id: plan.input.document_series_id,
        reference: plan.input.reference.clone(),
        is_active: true,
        document_type: if makes_proformas(&plan.input) {
            "proforma".to_owned()
        } else {
            plan.sample.document_type.clone()
        },
        currency: plan.sample.currency.clone(),
        frequency: plan.input.frequency.clone().unwrap_or_default(),
        frequency_day: i32::from(plan.schedule.day),
        frequency_month: plan.schedule.month.map(|m| i32::from(u8::from(m))),
        next_issuance_date: plan.next,
        stop_date: plan.stop,
        auto_issue: plan.auto_issue,
        auto_submit: plan.auto_submit,
        content: Json(plan.input.clone()),
        subtotal: minor(t.tax_exclusive),
        vat_total: minor(t.tax_total),
        total: minor(t.tax_inclusive),
        last_issued_at: None,
        last_invoice_id: None,
        last_trade_document_id: None,
        last_invoice_number: None,
        last_document_type: None,
        last_error: None,
        version: 1,
        created_by: scope.principal.user.id,
        deleted_at: None,
        created_at: Ts(now),
        updated_at: Ts(now),
    }
}

/// The schedule a stored template runs on.
pub fn schedule_of(r: &RecurringRecord) -> Option<Schedule> {
    Some(Schedule {
        frequency: Frequency::parse(&r.frequency)?,
        day: u8::try_from(r.frequency_day).ok()?,
        month: r
            .frequency_month
            .and_then(|m| u8::try_from(m).ok())
            .and_then(|m| Month::try_from(m).ok()),
    })
}

pub async fn create(
    state: &AppState,
    scope: &CompanyScope,
    input: &RecurringInput,
    now: OffsetDateTime,
) -> Result<RecurringRecord, ApiError> {
    let today = super::calendar::bucharest_today(now);
    let plan = plan(input, scope, today)?;
    let record = record_of(&plan, scope, now);
    let mut tx = state.db.begin().await?;
    check_references(&mut tx, scope, &plan, now).await?;
    store::insert(&mut tx, &record).await?;
    changed(
        &mut tx,
        scope.origin(),
        RecurringChange::Created,
        record.id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(record)
}

/// Applies a PUT: the keys sent replace the template's (`lines` replaces all lines).
pub async fn update(
    state: &AppState,
    scope: &CompanyScope,
    id: RecurringId,
    patch: Map<String, Value>,
    now: OffsetDateTime,
) -> Result<RecurringRecord, ApiError> {
    let today = super::calendar::bucharest_today(now);
    let mut tx = state.db.begin().await?;
    let current = store::get_for_update(&mut tx, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Recurring invoice not found."))?;
    let mut base = current.content.0.clone();
    // The schedule as it stands now, unless the patch changes it.
    base.next_issuance_date = current.next_issuance_date.map(DateIn);
    base.frequency_day = Some(i64::from(current.frequency_day));
    base.frequency_month = current.frequency_month.map(i64::from);
    if patch.contains_key("nextIssuanceDate") && !patch.contains_key("frequencyDay") {
        base.frequency_day = None;
        base.frequency_month = None;
    }
    if current.next_issuance_date.is_some_and(|d| d < today)
        && !patch.contains_key("nextIssuanceDate")
    {
        base.next_issuance_date = None;
    }
    let merged: RecurringInput = super::input::merge(&base, &patch)
        .map_err(|e| ApiError::bad_request(format!("Invalid request body: {e}")))?;
    let plan = plan(&merged, scope, today)?;
    check_references(&mut tx, scope, &plan, now).await?;
    let mut record = record_of(&plan, scope, now);
    record.id = id;
    record.is_active = current.is_active;
    if !store::replace(&mut tx, &record, current.version).await? {
        return Err(ApiError::Conflict {
            message: "The template was changed meanwhile; reload it and try again.".into(),
            code: Some("VERSION_CONFLICT"),
        });
    }
    let after = store::get_for_update(&mut tx, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Recurring invoice not found."))?;
    changed(
        &mut tx,
        scope.origin(),
        RecurringChange::Updated,
        id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

async fn check_references(
    tx: &mut crate::store::Tx,
    scope: &CompanyScope,
    plan: &Plan,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    let client = match plan.input.client_id {
        Some(c) => {
            let found = crate::store::clients::get_in(tx, scope.id(), c).await?;
            if found.is_none() {
                errors.push(FieldError::new("clientId", "Client not found."));
            }
            found
        }
        None => None,
    };
    if let Some(s) = plan.input.document_series_id {
        let (kinds, documents): (&[&str], _) = if makes_proformas(&plan.input) {
            (&["proforma"], "proformas")
        } else {
            (&["invoice", "credit_note"], "invoices")
        };
        match crate::store::series::get_in(tx, scope.id(), s).await? {
            Some(s) if kinds.contains(&s.kind.as_str()) => {}
            Some(s) => errors.push(FieldError::new(
                "documentSeriesId",
                format!("A {} series cannot number {documents}.", s.kind),
            )),
            None => errors.push(FieldError::new(
                "documentSeriesId",
                "Document series not found.",
            )),
        }
    }
    for (i, line) in plan.sample.lines.iter().enumerate() {
        if let Some(p) = line.product_id
            && !crate::store::invoices::product_exists(tx, scope.id(), p).await?
        {
            errors.push(FieldError::new(
                format!("lines[{i}].productId"),
                "Product not found.",
            ));
        }
    }
    if errors.is_empty() {
        // What issuing would refuse (a due date or payment terms, the buyer's data, …) is
        // refused now, not at the first run.
        let record = super::save::record_of(&plan.sample, scope, client.as_ref(), now);
        let lines = super::save::lines_of(&plan.sample, InvoiceId(uuid::Uuid::nil()));
        let report = super::checks::check(&record, &lines, &scope.company);
        errors.extend(report.errors.into_iter().map(|f| {
            let key = f.field.unwrap_or(f.location);
            FieldError::new(key, format!("{} ({})", f.message, f.rule_id))
        }));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(invalid(errors))
    }
}

/// Writes a template's event.
pub async fn changed(
    tx: &mut crate::store::Tx,
    origin: Origin,
    change: RecurringChange,
    id: RecurringId,
    invoice_id: Option<InvoiceId>,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let event = DomainEvent::RecurringChanged {
        change,
        id,
        invoice_id,
        error: None,
    };
    events::record(tx, origin, &event, now).await?;
    Ok(())
}

/// Says on the template why a scheduled run failed, with `recurring_invoice.failed`; the
/// scheduler tries again an hour later.
pub async fn record_failure(
    state: &AppState,
    id: RecurringId,
    message: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let Some(template) = store::get_any(&state.db, id).await? else {
        return Ok(());
    };
    let Some(company) = crate::store::companies::by_id(&state.db, template.company_id).await?
    else {
        return Ok(());
    };
    let mut tx = state.db.begin().await?;
    store::set_error_in(&mut tx, id, Some(message), now).await?;
    let origin = Origin {
        organization: company.organization_id,
        company: Some(company.id),
        actor: None,
    };
    let event = DomainEvent::RecurringChanged {
        change: RecurringChange::Failed,
        id,
        invoice_id: None,
        error: Some(message.to_owned()),
    };
    events::record(&mut tx, origin, &event, now).await?;
    tx.commit().await
}

/// Which run this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The scheduled run of this period (from the job).
    Scheduled(Date),
    /// `issue-now`: an extra invoice today; the schedule does not move.
    Now,
}

/// The document a run made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    Invoice(InvoiceId),
    Proforma(TradeDocumentId),
}

impl Made {
    /// The invoice's or the proforma's id, as the store keeps them apart.
    pub fn ids(self) -> (Option<InvoiceId>, Option<TradeDocumentId>) {
        match self {
            Self::Invoice(i) => (Some(i), None),
            Self::Proforma(p) => (None, Some(p)),
        }
    }

    /// The document's id, whichever kind it is (`invoiceId` in the contract's answers).
    pub fn id(self) -> uuid::Uuid {
        match self {
            Self::Invoice(i) => i.0,
            Self::Proforma(p) => p.0,
        }
    }
}

/// What a run made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub made: Made,
    pub number: String,
    /// `invoice`, `credit_note` or `proforma`.
    pub document_type: String,
}

/// Whether a template makes proformas.
fn makes_proformas(input: &RecurringInput) -> bool {
    input.document_type.as_deref() == Some("proforma")
}

/// The prices of the lines on `issue` under their rules (`None`: the template's own).
async fn prices(
    state: &AppState,
    scope: &CompanyScope,
    t: &RecurringInput,
    issue: Date,
    now: OffsetDateTime,
) -> Result<Vec<Option<Decimal>>, ApiError> {
    let currency = t
        .currency
        .clone()
        .unwrap_or_else(|| scope.company.default_currency.clone());
    let mut out = Vec::new();
    let mut day = None;
    for (i, l) in t.lines.iter().flatten().enumerate() {
        let base = l.line.unit_price.map_or(Decimal::ZERO, |p| p.0);
        let price = match l.price_rule.as_deref().unwrap_or("fixed") {
            "updated_product" => {
                let id = l.line.product_id.ok_or_else(|| {
                    ApiError::unprocessable(format!("Line {}: no product to price from.", i + 1))
                })?;
                let p = products::get(&state.db, scope.id(), id)
                    .await?
                    .ok_or_else(|| {
                        ApiError::unprocessable(format!(
                            "Line {}: its product was deleted; choose another price rule.",
                            i + 1
                        ))
                    })?;
                Some(p.default_price.0)
            }
            rule @ ("bnr_rate" | "bnr_rate_markup") => {
                if day.is_none() {
                    day = Some(state.rates.on(&state.db, issue, now).await.map_err(|e| {
                        ApiError::Unavailable(format!("The BNR rates of {issue}: {e}"))
                    })?);
                }
                let from = l.reference_currency.as_deref().unwrap_or("EUR");
                let rate = day
                    .as_ref()
                    .and_then(|d| crate::rates::cross(d, from, &currency))
                    .ok_or_else(|| {
                        ApiError::unprocessable(format!(
                            "Line {}: BNR has no rate for {from} or {currency}.",
                            i + 1
                        ))
                    })?;
                let mut p = base * rate;
                if rule == "bnr_rate_markup" {
                    let markup = l.markup_percent.map_or(Decimal::ZERO, |m| m.0);
                    p += p * markup / Decimal::ONE_HUNDRED;
                }
                // Prices keep 4 decimals, as a line's unitPrice can.
                Some(p.round_dp(4))
            }
            _ => None,
        };
        out.push(price);
    }
    Ok(out)
}

/// The scope a template's runs act in: its author's, with their permissions of now. A
/// departed or deactivated author stops the template.
async fn author_scope(state: &AppState, r: &RecurringRecord) -> Result<CompanyScope, ApiError> {
    let scope = CompanyScope::acting_as(state, r.created_by, r.company_id).await?;
    scope.require(crate::tenancy::Permission::InvoiceCreate)?;
    Ok(scope)
}

/// Makes the invoice of a run: in one transaction, the period is claimed (once per template
/// and period), the invoice created and issued, and the template moved to its next date.
/// `Ok(None)` when the period was done already or the template is no longer due.
pub async fn run(
    state: &AppState,
    id: RecurringId,
    trigger: Trigger,
    now: OffsetDateTime,
) -> Result<Option<Issued>, ApiError> {
    let today = super::calendar::bucharest_today(now);
    let Some(template) = store::get_any(&state.db, id).await? else {
        return Ok(None);
    };
    let scope = author_scope(state, &template).await?;
    let input = &template.content.0;
    let prices = prices(state, &scope, input, today, now).await?;
    let content = invoice_input(input, today, &prices);
    let draft = draft::build(&content, &scope.company, today).map_err(invalid)?;
    let issues = template.auto_issue || trigger == Trigger::Now;
    // The e-mail is checked before the transaction and queued in it, with the invoice; what
    // keeps it from being sent (no address, no SMTP) is said on the template afterwards.
    let (mail, mail_problem) = if issues && input.auto_email_enabled.is_some_and(|f| f.0) {
        match auto_letter(state, &scope, input).await {
            Ok(letter) => (Some((letter, email_at(input, today, now))), None),
            Err(e) => (None, Some(e.to_string())),
        }
    } else {
        (None, None)
    };
    let job = RunJob {
        trigger,
        draft: &draft,
        content: &content,
        proforma: makes_proformas(input),
        mail: mail.as_ref(),
    };
    let mut tx = state.db.begin().await?;
    let made = match Box::pin(claim_and_issue(&mut tx, &scope, id, &job, now)).await {
        Ok(Some(made)) => made,
        Ok(None) => {
            tx.rollback().await?;
            return Ok(None);
        }
        Err(e) => {
            tx.rollback().await?;
            return Err(e);
        }
    };
    tx.commit().await?;
    let (current, issued) = made;
    if let Some(problem) = mail_problem {
        let message = format!("{} was issued but not e-mailed: {problem}", issued.number);
        record_failure(state, id, &message, now).await?;
    }
    // Submission has its own exactly-once path; a refusal (no ANAF token, …) is said on the
    // template and leaves the issued invoice to be submitted by hand.
    if current.auto_submit
        && (current.auto_issue || trigger == Trigger::Now)
        && let Made::Invoice(invoice) = issued.made
        && let Err(e) = Box::pin(crate::efactura::submit::submit(state, &scope, invoice, now)).await
    {
        let message = format!(
            "{} was issued but not submitted to ANAF: {e}",
            issued.number
        );
        record_failure(state, id, &message, now).await?;
    }
    Ok(Some(issued))
}

/// The automatic e-mail of a template's documents: to the client's address, in the company's
/// default template (else Facturo's) for invoices, in Facturo's text for proformas.
async fn auto_letter(
    state: &AppState,
    scope: &CompanyScope,
    input: &RecurringInput,
) -> Result<Letter, ApiError> {
    let to = email::automatic_recipient(state, scope, input.client_id).await?;
    let req = email::SendRequest {
        to: Some(to),
        ..email::SendRequest::default()
    };
    let category = if makes_proformas(input) {
        email::Category::Proforma
    } else {
        email::Category::Invoice
    };
    email::letter(state, scope, category, &req).await
}

/// When a run's invoice is e-mailed: `autoEmailDayOffset` days after `issue`, at
/// `autoEmailTime` in Bucharest, or at once when that is not later than `now`.
pub fn email_at(input: &RecurringInput, issue: Date, now: OffsetDateTime) -> OffsetDateTime {
    let day = issue + Duration::days(input.auto_email_day_offset.unwrap_or(0).clamp(0, 60));
    let time = input.auto_email_time.as_deref().and_then(|t| {
        time::Time::parse(t, time::macros::format_description!("[hour]:[minute]")).ok()
    });
    let at = match time {
        Some(t) => einvoice::bucharest::to_instant(time::PrimitiveDateTime::new(day, t)),
        None => now + (day - issue),
    };
    at.max(now)
}

/// What a run makes, worked out before its transaction.
struct RunJob<'a> {
    trigger: Trigger,
    /// The invoice (or the proforma's content as an invoice), at the day's prices.
    draft: &'a Draft,
    content: &'a InvoiceInput,
    proforma: bool,
    /// The checked e-mail and when to send it.
    mail: Option<&'a (Letter, OffsetDateTime)>,
}

/// The part of a run inside its transaction: claim the period, create (and issue) the invoice
/// or proforma, queue its e-mail, move the template on. `None` when there is nothing to do.
async fn claim_and_issue(
    tx: &mut crate::store::Tx,
    scope: &CompanyScope,
    id: RecurringId,
    job: &RunJob<'_>,
    now: OffsetDateTime,
) -> Result<Option<(RecurringRecord, Issued)>, ApiError> {
    let Some(current) = store::get_for_update(tx, scope.id(), id).await? else {
        return Ok(None);
    };
    let trigger = job.trigger;
    let period = match trigger {
        Trigger::Scheduled(period) => {
            if !current.is_active || current.next_issuance_date != Some(period) {
                return Ok(None);
            }
            Some(period)
        }
        Trigger::Now => None,
    };
    if !store::claim_run(tx, id, period, now).await? {
        return Ok(None);
    }
    let origin = Origin {
        actor: None,
        ..scope.origin()
    };
    let issues = current.auto_issue || trigger == Trigger::Now;
    let (made, number, mailable) = if job.proforma {
        // Numbered when made; "issued" is sent to the client.
        let kind = super::trade::Kind::Proforma;
        let mut record = super::trade::create_in(tx, scope, kind, job.content, origin, now).await?;
        if issues {
            let send = super::trade::Action::Send;
            record = super::trade::act_in(tx, scope, kind, record.id, send, origin, now).await?;
        }
        let made = Made::Proforma(record.id);
        (made, record.number.clone(), Mailable::Trade(record))
    } else {
        let invoice_id = super::save::insert_draft(tx, scope, job.draft, None, now).await?;
        if issues {
            super::issue::issue_in(tx, scope, invoice_id, now).await?;
        }
        let record = crate::store::invoices::get_for_update(tx, scope.id(), invoice_id)
            .await?
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("invoice {invoice_id} vanished")))?;
        (
            Made::Invoice(invoice_id),
            record.number.clone(),
            Mailable::Invoice(record),
        )
    };
    if issues && let Some((letter, at)) = job.mail {
        let log = letter.log_for(&mailable, scope, now)?;
        email::queue(tx, &log, *at, now).await?;
    }
    store::finish_run(tx, id, period, made).await?;
    let next = match (trigger, schedule_of(&current)) {
        (Trigger::Scheduled(p), Some(s)) => s
            .after(p)
            .filter(|n| current.stop_date.is_none_or(|stop| *n <= stop)),
        (Trigger::Now, _) => current.next_issuance_date,
        (Trigger::Scheduled(_), None) => None,
    };
    let issued = Issued {
        made,
        number,
        document_type: match made {
            Made::Proforma(_) => "proforma".to_owned(),
            Made::Invoice(_) => job.draft.document_type.clone(),
        },
    };
    let active = match trigger {
        Trigger::Scheduled(_) => next.is_some(),
        Trigger::Now => current.is_active,
    };
    store::advance(tx, id, &issued, next, active, now).await?;
    changed(tx, origin, RecurringChange::Issued, id, made.ids().0, now).await?;
    Ok(Some((current, issued)))
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn texts_name_the_issue_month_and_its_neighbours() {
        let text = "Mentenanță {{previousMonth}} {{previousMonthYear}} ({{ month }} {{monthNumber}}/{{year}}, \
                    apoi {{nextMonth}} {{nextMonthYear}}), emisă {{issueDate}}";
        assert_eq!(
            fill(text, date!(2026 - 01 - 31)),
            "Mentenanță decembrie 2025 (ianuarie 01/2026, apoi februarie 2026), emisă 2026-01-31"
        );
        assert_eq!(
            fill(
                "{{previousMonth}} → {{nextMonth}} {{nextMonthYear}}",
                date!(2026 - 12 - 01)
            ),
            "noiembrie → ianuarie 2027"
        );
        assert!(placeholders::check("{{luna}}", VARIABLES).is_err());
        assert_eq!(
            fill("fără {{luna}}", date!(2026 - 12 - 01)),
            "fără {{luna}}"
        );
    }

    #[test]
    fn an_automatic_e_mail_goes_at_bucharest_time_on_its_day_and_never_before_now() {
        use time::macros::datetime;
        let input = |time: Option<&str>, offset: i64| RecurringInput {
            auto_email_time: time.map(str::to_owned),
            auto_email_day_offset: Some(offset),
            ..RecurringInput::default()
        };
        let issued = datetime!(2026-06-30 10:00 UTC);
        let june = date!(2026 - 06 - 30);
        // Summer: 14:00 in Bucharest is 11:00 UTC; winter: 12:00 UTC.
        assert_eq!(
            email_at(&input(Some("14:00"), 1), june, issued),
            datetime!(2026-07-01 11:00 UTC)
        );
        assert_eq!(
            email_at(
                &input(Some("14:00"), 0),
                date!(2026 - 01 - 15),
                datetime!(2026-01-15 08:00 UTC)
            ),
            datetime!(2026-01-15 12:00 UTC)
        );
        // A time already past today: at once, not tomorrow.
        assert_eq!(email_at(&input(Some("09:00"), 0), june, issued), issued);
        // No time: the offset from the run.
        assert_eq!(
            email_at(&input(None, 2), june, issued),
            datetime!(2026-07-02 10:00 UTC)
        );
        assert_eq!(email_at(&RecurringInput::default(), june, issued), issued);
    }

    fn monthly(n: u8, day: u8) -> Schedule {
        Schedule {
            frequency: Frequency::Months(n),
            day,
            month: None,
        }
    }

    #[test]
    fn the_thirty_first_is_each_month_s_last_day_not_the_28th() {
        let s = monthly(1, 31);
        let mut runs = vec![date!(2026 - 01 - 31)];
        for _ in 0..4 {
            let next = s.after(*runs.last().unwrap()).unwrap();
            runs.push(next);
        }
        assert_eq!(
            runs,
            [
                date!(2026 - 01 - 31),
                date!(2026 - 02 - 28),
                date!(2026 - 03 - 31),
                date!(2026 - 04 - 30),
                date!(2026 - 05 - 31)
            ]
        );
        // A shorter month does not pull the later ones back.
        assert_eq!(
            monthly(1, 30).after(date!(2028 - 01 - 30)),
            Some(date!(2028 - 02 - 29))
        );
        assert_eq!(
            monthly(1, 30).after(date!(2028 - 02 - 29)),
            Some(date!(2028 - 03 - 30))
        );
    }

    #[test]
    fn multi_month_frequencies_cross_the_year() {
        assert_eq!(
            monthly(2, 15).after(date!(2026 - 11 - 15)),
            Some(date!(2027 - 01 - 15))
        );
        assert_eq!(
            monthly(3, 31).after(date!(2026 - 11 - 30)),
            Some(date!(2027 - 02 - 28))
        );
        assert_eq!(
            monthly(6, 1).after(date!(2026 - 07 - 01)),
            Some(date!(2027 - 01 - 01))
        );
        assert_eq!(
            monthly(12, 5).after(date!(2026 - 03 - 05)),
            Some(date!(2027 - 03 - 05))
        );
    }

    #[test]
    fn yearly_on_the_29th_of_february_falls_back_to_the_28th_in_common_years() {
        let s = Schedule {
            frequency: Frequency::Yearly,
            day: 29,
            month: Some(Month::February),
        };
        assert_eq!(
            s.first_on_or_after(date!(2026 - 06 - 15)),
            date!(2027 - 02 - 28)
        );
        assert_eq!(s.after(date!(2027 - 02 - 28)), Some(date!(2028 - 02 - 29)));
        assert_eq!(s.after(date!(2028 - 02 - 29)), Some(date!(2029 - 02 - 28)));
    }

    #[test]
    fn weekly_runs_on_its_weekday_and_once_runs_once() {
        let s = Schedule {
            frequency: Frequency::Weekly,
            day: 1,
            month: None,
        };
        // 2026-06-15 is a Monday; 2026-06-16 a Tuesday.
        assert_eq!(
            s.first_on_or_after(date!(2026 - 06 - 15)),
            date!(2026 - 06 - 15)
        );
        assert_eq!(
            s.first_on_or_after(date!(2026 - 06 - 16)),
            date!(2026 - 06 - 22)
        );
        assert_eq!(s.after(date!(2026 - 06 - 22)), Some(date!(2026 - 06 - 29)));
        let once = Schedule {
            frequency: Frequency::Once,
            day: 1,
            month: None,
        };
        assert_eq!(once.after(date!(2026 - 06 - 15)), None);
    }

    #[test]
    fn the_first_monthly_run_is_this_month_s_day_or_next_month_s() {
        assert_eq!(
            monthly(1, 20).first_on_or_after(date!(2026 - 06 - 15)),
            date!(2026 - 06 - 20)
        );
        assert_eq!(
            monthly(1, 10).first_on_or_after(date!(2026 - 06 - 15)),
            date!(2026 - 07 - 10)
        );
        assert_eq!(
            monthly(1, 31).first_on_or_after(date!(2026 - 06 - 15)),
            date!(2026 - 06 - 30)
        );
    }

    #[test]
    fn due_dates_follow_days_or_a_fixed_day_of_the_next_month_when_passed() {
        let mut t = RecurringInput {
            due_date_type: Some("days".into()),
            due_date_days: Some(30),
            ..RecurringInput::default()
        };
        assert_eq!(
            due_date(&t, date!(2026 - 06 - 30)),
            Some(date!(2026 - 07 - 30))
        );
        t.due_date_type = Some("fixed_day".into());
        t.due_date_fixed_day = Some(10);
        assert_eq!(
            due_date(&t, date!(2026 - 06 - 05)),
            Some(date!(2026 - 06 - 10))
        );
        assert_eq!(
            due_date(&t, date!(2026 - 06 - 10)),
            Some(date!(2026 - 07 - 10))
        );
        assert_eq!(
            due_date(&t, date!(2026 - 12 - 20)),
            Some(date!(2027 - 01 - 10))
        );
    }
}
