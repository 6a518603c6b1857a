//! The EN 16931 rules for the UBL syntax, as CEN 1.3.16 and ANAF's RO16931 1.0.9 ship them,
//! one module per rule family. A rule the two artefacts state alike is one entry for both
//! sets ([`Sets::BOTH`](crate::registry::Sets::BOTH)); where they differ, each set has its own
//! entry under the same id.

mod calc;
mod codes;
mod core;
mod decimals;
mod restrictions;
mod syntax;
mod vat;

use crate::registry::Rule;

/// Every family's table.
pub(crate) const FAMILIES: &[&[Rule]] = &[
    core::RULES,
    calc::RULES,
    decimals::RULES,
    vat::RULES,
    codes::RULES,
    syntax::RULES,
    restrictions::RULES,
];
