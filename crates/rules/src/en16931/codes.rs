//! The code-list rules `BR-CL-*`: currencies, countries, units, VAT categories and other code lists.

use crate::registry::Rule;

pub(crate) const RULES: &[Rule] = &[];
