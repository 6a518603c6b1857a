//! The VAT category rules: standard (`BR-S-*`), zero (`BR-Z-*`), exempt (`BR-E-*`), reverse charge (`BR-AE-*`), intra-community (`BR-IC-*`), export (`BR-G-*`), outside scope (`BR-O-*`), IGIC/IPSI (`BR-AF-*`/`BR-AG-*` in CEN, `BR-IG-*`/`BR-IP-*` in ANAF), and `BR-B-*`.

use crate::registry::Rule;

pub(crate) const RULES: &[Rule] = &[];
