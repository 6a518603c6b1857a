//! Pagination: `page` (from 1) and `limit` (1–100, default 20) in, `total`, `page`, `limit` and
//! `pages` out (issue #2 adds `pages`, which the incumbent lacks).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 100;

/// The page asked for, already clamped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub page: i64,
    pub limit: i64,
}

impl Page {
    /// Out-of-range values are clamped, never refused (clients of the incumbent send 100).
    pub fn new(page: Option<i64>, limit: Option<i64>) -> Page {
        Page {
            page: page.unwrap_or(1).max(1),
            limit: limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT),
        }
    }

    pub fn offset(self) -> i64 {
        (self.page - 1).saturating_mul(self.limit)
    }

    pub fn meta(self, total: i64) -> PageMeta {
        PageMeta {
            total,
            page: self.page,
            limit: self.limit,
            pages: (total + self.limit - 1) / self.limit,
        }
    }
}

/// The paging fields of a list envelope, flattened into it.
#[derive(Debug, Clone, Copy, Serialize, ToSchema, PartialEq, Eq)]
pub struct PageMeta {
    pub total: i64,
    pub page: i64,
    pub limit: i64,
    pub pages: i64,
}

/// The `page`/`limit` query parameters.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct PageQuery {
    pub page: Option<i64>,
    pub limit: Option<i64>,
}

impl PageQuery {
    pub fn page(self) -> Page {
        Page::new(self.page, self.limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_clamped_and_counted() {
        assert_eq!(Page::new(None, None), Page { page: 1, limit: 20 });
        assert_eq!(
            Page::new(Some(0), Some(1000)),
            Page {
                page: 1,
                limit: 100
            }
        );
        assert_eq!(Page::new(Some(3), Some(10)).offset(), 20);
        assert_eq!(Page::new(None, Some(10)).meta(21).pages, 3);
        assert_eq!(Page::new(None, Some(10)).meta(0).pages, 0);
        assert_eq!(Page::new(Some(i64::MAX), Some(100)).offset(), i64::MAX);
    }
}
