//! The calculation and consistency rules `BR-CO-*`: totals, VAT breakdown, dates.

use crate::registry::Rule;

pub(crate) const RULES: &[Rule] = &[];
