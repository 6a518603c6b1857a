//! The decimal-places rules `BR-DEC-*`: amounts with at most two decimals.

use crate::registry::Rule;

pub(crate) const RULES: &[Rule] = &[];
