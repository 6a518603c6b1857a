//! WHERE clauses assembled from fixed SQL fragments with bound values, for the lists whose
//! filters are optional (invoices, proformas, delivery notes). Only the fragments and numbered
//! placeholders are text; every value a client sends is bound.

use time::Date;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub enum Bind {
    Id(Uuid),
    Text(String),
    Int(i64),
    Date(Date),
}

/// A WHERE clause under construction: fixed fragments, numbered placeholders, bound values.
#[derive(Debug, Default)]
pub struct Clause {
    pub sql: String,
    pub binds: Vec<Bind>,
}

impl Clause {
    /// Adds `fragment`, whose `?` (each of them) stands for the next placeholder, bound to
    /// `value`.
    pub fn and(&mut self, fragment: &str, value: Bind) {
        self.binds.push(value);
        let n = self.binds.len();
        self.sql.push_str(" AND ");
        self.sql.push_str(&fragment.replace('?', &format!("${n}")));
    }

    pub fn next(&self) -> usize {
        self.binds.len() + 1
    }
}

/// Binds every value of a clause to a query, in order (expanded once per backend).
#[macro_export]
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut q = $query;
        for b in $binds {
            q = match b {
                $crate::store::clause::Bind::Id(v) => q.bind(*v),
                $crate::store::clause::Bind::Text(v) => q.bind(v.clone()),
                $crate::store::clause::Bind::Int(v) => q.bind(*v),
                $crate::store::clause::Bind::Date(v) => q.bind(*v),
            };
        }
        q
    }};
}
