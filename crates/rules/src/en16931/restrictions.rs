//! The UBL restriction rules `UBL-CR-*`: UBL elements an EN 16931 invoice should not use.

use crate::registry::Rule;

pub(crate) const RULES: &[Rule] = &[];
