//! Invoices seen from one client or supplier: how many, their total and a page of them (the
//! histories of api.md §6 and §7), and the sort orders of the client and supplier lists, three
//! of which are by those invoices. The invoices themselves are written by `store::invoices`.
//!
//! An invoice counts for its party when it is not deleted and not cancelled; the history shows
//! cancelled ones too.

use time::Date;
use uuid::Uuid;

use super::Db;
use crate::api::page::Page;
use crate::ids::{ClientId, CompanyId, InvoiceId, SupplierId};
use crate::on_db;

/// Whose invoices: a client's (it is their buyer) or a supplier's (it is their seller).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Client(ClientId),
    Supplier(SupplierId),
}

/// How many invoices count for a party, and their total in minor units. Totals of different
/// currencies are added as they are; the lists say when there are several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InvoiceSummary {
    pub count: i64,
    pub total: i64,
}

/// One line of a party's invoice history.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InvoiceRef {
    pub id: InvoiceId,
    pub number: String,
    pub status: String,
    pub issue_date: Date,
    /// Minor units.
    pub total: i64,
    pub currency: String,
}

macro_rules! summary_sql {
    ($column:literal) => {
        concat!(
            "SELECT COUNT(*), CAST(COALESCE(SUM(total), 0) AS BIGINT) FROM invoices \
             WHERE company_id = $1 AND ",
            $column,
            " = $2 AND deleted_at IS NULL AND status <> 'cancelled'"
        )
    };
}

macro_rules! history_sql {
    ($column:literal) => {
        concat!(
            "SELECT id, number, status, issue_date, total, currency FROM invoices \
             WHERE company_id = $1 AND ",
            $column,
            " = $2 AND deleted_at IS NULL ORDER BY issue_date DESC, id DESC LIMIT $3 OFFSET $4"
        )
    };
}

impl Party {
    fn id(self) -> Uuid {
        match self {
            Party::Client(id) => id.0,
            Party::Supplier(id) => id.0,
        }
    }
}

pub async fn summary(
    db: &Db,
    company: CompanyId,
    party: Party,
) -> Result<InvoiceSummary, sqlx::Error> {
    let sql = match party {
        Party::Client(_) => summary_sql!("client_id"),
        Party::Supplier(_) => summary_sql!("supplier_id"),
    };
    let (count, total): (i64, i64) = on_db!(db, c => sqlx::query_as(sql)
        .bind(company)
        .bind(party.id())
        .fetch_one(c)
        .await)?;
    Ok(InvoiceSummary { count, total })
}

/// A page of the party's invoices, newest first.
pub async fn history(
    db: &Db,
    company: CompanyId,
    party: Party,
    page: Page,
) -> Result<Vec<InvoiceRef>, sqlx::Error> {
    let sql = match party {
        Party::Client(_) => history_sql!("client_id"),
        Party::Supplier(_) => history_sql!("supplier_id"),
    };
    on_db!(db, c => sqlx::query_as::<_, InvoiceRef>(sql)
        .bind(company)
        .bind(party.id())
        .bind(page.limit)
        .bind(page.offset())
        .fetch_all(c)
        .await)
}

/// What a client or supplier list is sorted by. Ties go by id, so pages never overlap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Name,
    CreatedAt,
    InvoiceCount,
    InvoiceTotal,
    LastInvoiceDate,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// `name`, `createdAt`, `invoiceCount`, `invoiceTotal`, `lastInvoiceDate`, descending with a
    /// leading `-`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Sort> {
        let (descending, key) = match text.trim().strip_prefix('-') {
            Some(key) => (true, key),
            None => (false, text.trim()),
        };
        let key = match key {
            "name" => SortKey::Name,
            "createdAt" => SortKey::CreatedAt,
            "invoiceCount" => SortKey::InvoiceCount,
            "invoiceTotal" => SortKey::InvoiceTotal,
            "lastInvoiceDate" => SortKey::LastInvoiceDate,
            _ => return None,
        };
        Some(Sort { key, descending })
    }

    /// The `ORDER BY` clause of a list query whose party table is `p`, joined to the per-party
    /// invoice figures `s` (`invoice_count`, `invoice_total`, `last_invoice_date`). Every text
    /// is fixed here; nothing of the request reaches the SQL. Parties without invoices (a NULL
    /// date) come last either way, spelled so that both backends agree.
    pub fn order_by(self) -> &'static str {
        match (self.key, self.descending) {
            (SortKey::Name, false) => "LOWER(p.name) ASC, p.id ASC",
            (SortKey::Name, true) => "LOWER(p.name) DESC, p.id DESC",
            (SortKey::CreatedAt, false) => "p.created_at ASC, p.id ASC",
            (SortKey::CreatedAt, true) => "p.created_at DESC, p.id DESC",
            (SortKey::InvoiceCount, false) => "COALESCE(s.invoice_count, 0) ASC, p.id ASC",
            (SortKey::InvoiceCount, true) => "COALESCE(s.invoice_count, 0) DESC, p.id DESC",
            (SortKey::InvoiceTotal, false) => "COALESCE(s.invoice_total, 0) ASC, p.id ASC",
            (SortKey::InvoiceTotal, true) => "COALESCE(s.invoice_total, 0) DESC, p.id DESC",
            (SortKey::LastInvoiceDate, false) => {
                "CASE WHEN s.last_invoice_date IS NULL THEN 1 ELSE 0 END, s.last_invoice_date ASC, p.id ASC"
            }
            (SortKey::LastInvoiceDate, true) => {
                "CASE WHEN s.last_invoice_date IS NULL THEN 1 ELSE 0 END, s.last_invoice_date DESC, p.id DESC"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_come_from_a_fixed_list() {
        assert_eq!(
            Sort::parse("-invoiceTotal"),
            Some(Sort {
                key: SortKey::InvoiceTotal,
                descending: true
            })
        );
        assert_eq!(
            Sort::parse("name").map(Sort::order_by),
            Some("LOWER(p.name) ASC, p.id ASC")
        );
        assert_eq!(Sort::parse("name; DROP TABLE clients"), None);
    }
}
