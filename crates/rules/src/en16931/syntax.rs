//! The UBL syntax rules: cardinalities (`UBL-SR-*`) and data types (`UBL-DT-*`).

use crate::registry::Rule;

pub(crate) const RULES: &[Rule] = &[];
