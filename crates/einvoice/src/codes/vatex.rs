//! VAT exemption reason codes (VATEX) for BT-121, as EN 16931 accepts them (BR-CL-22).

use super::{CodeName, cn, find};

/// Every VATEX code EN 16931 1.3.16 accepts, with the CEF VATEX list's English
/// text (the French CGI entries are worded after the same pattern).
static VATEX: &[CodeName] = &[
    cn(
        "VATEX-EU-79-C",
        "Exempt based on article 79, point c of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132",
        "Exempt based on article 132 of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1A",
        "Exempt based on article 132, section 1 (a) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1B",
        "Exempt based on article 132, section 1 (b) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1C",
        "Exempt based on article 132, section 1 (c) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1D",
        "Exempt based on article 132, section 1 (d) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1E",
        "Exempt based on article 132, section 1 (e) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1F",
        "Exempt based on article 132, section 1 (f) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1G",
        "Exempt based on article 132, section 1 (g) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1H",
        "Exempt based on article 132, section 1 (h) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1I",
        "Exempt based on article 132, section 1 (i) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1J",
        "Exempt based on article 132, section 1 (j) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1K",
        "Exempt based on article 132, section 1 (k) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1L",
        "Exempt based on article 132, section 1 (l) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1M",
        "Exempt based on article 132, section 1 (m) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1N",
        "Exempt based on article 132, section 1 (n) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1O",
        "Exempt based on article 132, section 1 (o) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1P",
        "Exempt based on article 132, section 1 (p) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-132-1Q",
        "Exempt based on article 132, section 1 (q) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-135-1",
        "Exempt based on article 135, section 1 of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143",
        "Exempt based on article 143 of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1A",
        "Exempt based on article 143, section 1 (a) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1B",
        "Exempt based on article 143, section 1 (b) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1C",
        "Exempt based on article 143, section 1 (c) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1D",
        "Exempt based on article 143, section 1 (d) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1E",
        "Exempt based on article 143, section 1 (e) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1F",
        "Exempt based on article 143, section 1 (f) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1FA",
        "Exempt based on article 143, section 1 (fa) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1G",
        "Exempt based on article 143, section 1 (g) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1H",
        "Exempt based on article 143, section 1 (h) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1I",
        "Exempt based on article 143, section 1 (i) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1J",
        "Exempt based on article 143, section 1 (j) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1K",
        "Exempt based on article 143, section 1 (k) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-143-1L",
        "Exempt based on article 143, section 1 (l) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-144",
        "Exempt based on article 144 of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-146-1E",
        "Exempt based on article 146, section 1 (e) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-159",
        "Exempt based on article 159 of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-309",
        "Exempt based on article 309 of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-148",
        "Exempt based on article 148 of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-148-A",
        "Exempt based on article 148, section (a) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-148-B",
        "Exempt based on article 148, section (b) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-148-C",
        "Exempt based on article 148, section (c) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-148-D",
        "Exempt based on article 148, section (d) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-148-E",
        "Exempt based on article 148, section (e) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-148-F",
        "Exempt based on article 148, section (f) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-148-G",
        "Exempt based on article 148, section (g) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-151",
        "Exempt based on article 151 of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-151-1A",
        "Exempt based on article 151, section 1 (a) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-151-1AA",
        "Exempt based on article 151, section 1 (aa) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-151-1B",
        "Exempt based on article 151, section 1 (b) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-151-1C",
        "Exempt based on article 151, section 1 (c) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-151-1D",
        "Exempt based on article 151, section 1 (d) of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-EU-151-1E",
        "Exempt based on article 151, section 1 (e) of Council Directive 2006/112/EC",
    ),
    cn("VATEX-EU-G", "Export outside the EU"),
    cn("VATEX-EU-O", "Not subject to VAT"),
    cn("VATEX-EU-IC", "Intra-Community supply"),
    cn("VATEX-EU-AE", "Reverse charge"),
    cn(
        "VATEX-EU-D",
        "Intra-Community acquisition from second hand means of transport",
    ),
    cn(
        "VATEX-EU-F",
        "Intra-Community acquisition of second hand goods",
    ),
    cn("VATEX-EU-I", "Intra-Community acquisition of works of art"),
    cn(
        "VATEX-EU-J",
        "Intra-Community acquisition of collectors items and antiques",
    ),
    cn(
        "VATEX-FR-FRANCHISE",
        "France domestic VAT franchise in base",
    ),
    cn(
        "VATEX-FR-CNWVAT",
        "France domestic Credit Notes without VAT, due to supplier forfeit of VAT for discount",
    ),
    cn(
        "VATEX-EU-153",
        "Exempt based on article 153 of Council Directive 2006/112/EC",
    ),
    cn(
        "VATEX-FR-CGI261-1",
        "Exempt based on 1 of article 261 of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261-2",
        "Exempt based on 2 of article 261 of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261-3",
        "Exempt based on 3 of article 261 of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261-4",
        "Exempt based on 4 of article 261 of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261-5",
        "Exempt based on 5 of article 261 of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261-7",
        "Exempt based on 7 of article 261 of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261-8",
        "Exempt based on 8 of article 261 of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261A",
        "Exempt based on article 261 A of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261B",
        "Exempt based on article 261 B of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261C-1",
        "Exempt based on 1° of article 261 C of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261C-2",
        "Exempt based on 2° of article 261 C of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261C-3",
        "Exempt based on 3° of article 261 C of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261D-1",
        "Exempt based on 1° of article 261 D of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261D-1BIS",
        "Exempt based on 1° bis of article 261 D of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261D-2",
        "Exempt based on 2° of article 261 D of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261D-3",
        "Exempt based on 3° of article 261 D of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261D-4",
        "Exempt based on 4° of article 261 D of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261E-1",
        "Exempt based on 1° of article 261 E of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI261E-2",
        "Exempt based on 2° of article 261 E of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI277A",
        "Exempt based on article 277 A of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI275",
        "Exempt based on article 275 of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-298SEXDECIESA",
        "Exempt based on article 298 sexdecies A of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-CGI295",
        "Exempt based on article 295 of the Code Général des Impôts (CGI ; General tax code)",
    ),
    cn(
        "VATEX-FR-AE",
        "Exempt based on 2 of article 283 of the Code Général des Impôts (CGI ; General tax code)",
    ),
];

/// Every VATEX code EN 16931 accepts, in the order of the list.
pub fn vatex_codes() -> &'static [CodeName] {
    VATEX
}

/// The entry of a VAT exemption reason code (BT-121), ignoring ASCII case.
pub fn vatex(code: &str) -> Option<&'static CodeName> {
    find(VATEX, code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check::assert_unique;
    use pretty_assertions::assert_eq;

    #[test]
    fn known_codes_exist() {
        assert_eq!(vatex("VATEX-EU-AE").unwrap().name, "Reverse charge");
        assert_eq!(vatex("vatex-eu-ic").unwrap().name, "Intra-Community supply");
        assert_eq!(vatex("VATEX-EU-G").unwrap().name, "Export outside the EU");
        assert_eq!(vatex("VATEX-EU-O").unwrap().name, "Not subject to VAT");
        assert_eq!(
            vatex("VATEX-EU-132-1A").unwrap().name,
            "Exempt based on article 132, section 1 (a) of Council Directive 2006/112/EC"
        );
        assert_eq!(vatex("VATEX-EU-999"), None);
    }

    #[test]
    fn list_is_unique() {
        assert_eq!(VATEX.len(), 88);
        assert_unique(VATEX.iter().map(|c| c.code));
    }
}
