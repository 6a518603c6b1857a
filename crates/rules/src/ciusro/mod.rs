//! The CIUS-RO rules of ANAF's RO16931 1.0.9 (`BR-RO-*`, `BR-DEC-RO-*`, …): Romanian national requirements on top of EN 16931.

use crate::registry::Rule;

pub(crate) const RULES: &[Rule] = &[];
