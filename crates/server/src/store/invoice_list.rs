//! Listing invoices: filters (api.md §12.2) assembled from fixed SQL fragments with bound
//! values, sorting on a whitelist of columns, paging, and the envelope's totals computed
//! exactly in SQL (minor units).

use time::Date;

use super::clause::{Bind, Clause};
use super::invoices::InvoiceRecord;
use super::{Db, like_pattern};
use crate::ids::{ClientId, CompanyId, SupplierId};
use crate::{bind_all, on_db};

/// What the list is narrowed to. Amounts are minor units.
#[derive(Debug, Clone, Default)]
pub struct InvoiceFilter {
    pub search: Option<String>,
    pub status: Option<String>,
    pub direction: Option<String>,
    pub document_type: Option<String>,
    pub client_id: Option<ClientId>,
    pub supplier_id: Option<SupplierId>,
    pub date_from: Option<Date>,
    pub date_to: Option<Date>,
    pub currency: Option<String>,
    pub is_paid: Option<bool>,
    /// Unpaid and past due on this date.
    pub overdue_on: Option<Date>,
    pub total_min: Option<i64>,
    pub total_max: Option<i64>,
    pub vat_total_min: Option<i64>,
    pub vat_total_max: Option<i64>,
    /// Matches nothing (a filter no invoice can meet yet).
    pub nothing: bool,
}

/// Sortable columns (api.md §12.2); anything else sorts by issue date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Number,
    IssueDate,
    Total,
    Status,
    Direction,
    CreatedAt,
}

impl SortBy {
    pub fn parse(s: &str) -> SortBy {
        match s {
            "number" => SortBy::Number,
            "total" => SortBy::Total,
            "status" => SortBy::Status,
            "direction" => SortBy::Direction,
            "createdAt" => SortBy::CreatedAt,
            _ => SortBy::IssueDate,
        }
    }

    fn column(self) -> &'static str {
        match self {
            SortBy::Number => "i.number",
            SortBy::IssueDate => "i.issue_date",
            SortBy::Total => "i.total",
            SortBy::Status => "i.status",
            SortBy::Direction => "i.direction",
            SortBy::CreatedAt => "i.created_at",
        }
    }
}

/// A row of the list: the invoice and its client's summary.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ListRow {
    #[sqlx(flatten)]
    pub invoice: InvoiceRecord,
    pub client_name: Option<String>,
    pub client_cui: Option<String>,
    pub client_is_vat_payer: Option<bool>,
    pub client_country: Option<String>,
}

/// The envelope's sums over the filtered invoices in one currency, cancelled ones excluded;
/// `receivable`/`payable` are the unpaid balances of issued outgoing/incoming invoices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ListTotals {
    pub count: i64,
    pub subtotal: i64,
    pub vat_total: i64,
    pub total: i64,
    pub receivable: i64,
    pub payable: i64,
}

/// The conditions on the columns `invoice_sums` is keyed by.
fn by_sum_keys(c: &mut Clause, f: &InvoiceFilter) {
    for (value, fragment) in [
        (&f.status, "i.status = ?"),
        (&f.direction, "i.direction = ?"),
        (&f.document_type, "i.document_type = ?"),
        (&f.currency, "i.currency = ?"),
    ] {
        if let Some(v) = value {
            c.and(fragment, Bind::Text(v.clone()));
        }
    }
}

fn clause(company: CompanyId, f: &InvoiceFilter) -> Clause {
    let mut c = Clause::default();
    c.binds.push(Bind::Id(company.0));
    c.sql.push_str("i.company_id = $1 AND i.deleted_at IS NULL");
    if f.nothing {
        c.sql.push_str(" AND 1 = 0");
    }
    if let Some(s) = f.search.as_deref().filter(|s| !s.trim().is_empty()) {
        c.and(
            "(LOWER(i.number) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(i.sender_name, '')) LIKE ? ESCAPE '\\' \
             OR LOWER(COALESCE(i.receiver_name, '')) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(i.sender_cif, '')) LIKE ? ESCAPE '\\' \
             OR LOWER(COALESCE(i.receiver_cif, '')) LIKE ? ESCAPE '\\')",
            Bind::Text(like_pattern(s)),
        );
    }
    by_sum_keys(&mut c, f);
    if let Some(id) = f.client_id {
        c.and("i.client_id = ?", Bind::Id(id.0));
    }
    if let Some(id) = f.supplier_id {
        c.and("i.supplier_id = ?", Bind::Id(id.0));
    }
    if let Some(d) = f.date_from {
        c.and("i.issue_date >= ?", Bind::Date(d));
    }
    if let Some(d) = f.date_to {
        c.and("i.issue_date <= ?", Bind::Date(d));
    }
    match f.is_paid {
        Some(true) => c.sql.push_str(" AND i.paid_at IS NOT NULL"),
        Some(false) => c.sql.push_str(" AND i.paid_at IS NULL"),
        None => {}
    }
    if let Some(d) = f.overdue_on {
        c.and(
            "i.due_date < ? AND i.amount_paid < i.payable AND i.status NOT IN ('draft', 'cancelled')",
            Bind::Date(d),
        );
    }
    for (value, fragment) in [
        (f.total_min, "i.total >= ?"),
        (f.total_max, "i.total <= ?"),
        (f.vat_total_min, "i.vat_total >= ?"),
        (f.vat_total_max, "i.vat_total <= ?"),
    ] {
        if let Some(v) = value {
            c.and(fragment, Bind::Int(v));
        }
    }
    c
}

/// One page of invoices, newest (or as sorted) first; ties broken by id.
pub async fn page(
    db: &Db,
    company: CompanyId,
    f: &InvoiceFilter,
    sort: SortBy,
    descending: bool,
    limit: i64,
    offset: i64,
) -> Result<Vec<ListRow>, sqlx::Error> {
    let mut c = clause(company, f);
    let dir = if descending { "DESC" } else { "ASC" };
    let (l, o) = (c.next(), c.next() + 1);
    c.binds.push(Bind::Int(limit));
    c.binds.push(Bind::Int(offset));
    // Only fixed fragments and placeholders are interpolated: user values are all bound.
    // The page's ids are chosen first ("deferred join"): with the default order the OFFSET then
    // skips entries of the live-invoice index alone, instead of reading and joining every row
    // it skips; only the page's rows are read whole.
    let column = sort.column();
    let sql = format!(
        "SELECT i.*, cl.name AS client_name, cl.cui AS client_cui, cl.is_vat_payer AS client_is_vat_payer, \
         cl.country AS client_country \
         FROM (SELECT i.id FROM invoices i WHERE {} ORDER BY {column} {dir}, i.id {dir} LIMIT ${l} OFFSET ${o}) page \
         JOIN invoices i ON i.id = page.id LEFT JOIN clients cl ON cl.id = i.client_id \
         ORDER BY {column} {dir}, i.id {dir}",
        c.sql
    );
    on_db!(db, conn => bind_all!(sqlx::query_as::<_, ListRow>(sqlx::AssertSqlSafe(sql)), &c.binds).fetch_all(conn).await)
}

impl InvoiceFilter {
    /// Whether the filter narrows only by the columns `invoice_sums` is keyed by, so the
    /// envelope can be read from the running sums instead of a scan.
    fn is_by_sum_keys(&self) -> bool {
        let InvoiceFilter {
            search,
            status: _,
            direction: _,
            document_type: _,
            client_id,
            supplier_id,
            date_from,
            date_to,
            currency: _,
            is_paid,
            overdue_on,
            total_min,
            total_max,
            vat_total_min,
            vat_total_max,
            nothing,
        } = self;
        search.as_deref().is_none_or(|s| s.trim().is_empty())
            && client_id.is_none()
            && supplier_id.is_none()
            && date_from.is_none()
            && date_to.is_none()
            && is_paid.is_none()
            && overdue_on.is_none()
            && total_min.is_none()
            && total_max.is_none()
            && vat_total_min.is_none()
            && vat_total_max.is_none()
            && !nothing
    }
}

/// The count and sums of the filtered invoices; sums only over `currency`. A filter by status,
/// direction, type or currency alone is answered from `invoice_sums` (kept by triggers, see
/// migration 0003); any other filter sums the matching invoices.
pub async fn totals(
    db: &Db,
    company: CompanyId,
    f: &InvoiceFilter,
    currency: &str,
) -> Result<ListTotals, sqlx::Error> {
    let (mut c, table, count, balance) = if f.is_by_sum_keys() {
        let mut c = Clause::default();
        c.binds.push(Bind::Id(company.0));
        c.sql.push_str("i.company_id = $1");
        by_sum_keys(&mut c, f);
        (c, "invoice_sums", "i.count", "i.balance")
    } else {
        let c = clause(company, f);
        (c, "invoices", "1", "i.payable - i.amount_paid")
    };
    let cur = c.next();
    c.binds.push(Bind::Text(currency.to_owned()));
    let sum = |expr: &str, extra: &str| {
        format!(
            "CAST(COALESCE(SUM(CASE WHEN i.status <> 'cancelled' AND i.currency = ${cur}{extra} THEN {expr} ELSE 0 END), 0) AS BIGINT)"
        )
    };
    let sql = format!(
        "SELECT CAST(COALESCE(SUM({count}), 0) AS BIGINT) AS count, {} AS subtotal, {} AS vat_total, {} AS total, \
         {} AS receivable, {} AS payable FROM {table} i WHERE {}",
        sum("i.subtotal", ""),
        sum("i.vat_total", ""),
        sum("i.total", ""),
        sum(
            balance,
            " AND i.status <> 'draft' AND i.direction = 'outgoing'"
        ),
        sum(
            balance,
            " AND i.status <> 'draft' AND i.direction = 'incoming'"
        ),
        c.sql
    );
    on_db!(db, conn => bind_all!(sqlx::query_as::<_, ListTotals>(sqlx::AssertSqlSafe(sql)), &c.binds).fetch_one(conn).await)
}

/// The currencies the company's invoices use.
pub async fn currencies(db: &Db, company: CompanyId) -> Result<Vec<String>, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar::<_, String>(
        "SELECT DISTINCT currency FROM invoice_sums WHERE company_id = $1 AND count > 0 ORDER BY currency",
    )
    .bind(company)
    .fetch_all(c)
    .await)
}
