//! ISO 3166-1 alpha-2 country codes, as EN 16931 accepts them (BR-CL-14, BR-CL-15).

/// A country code as used in BT-40, BT-55, BT-69, BT-80 and BT-159.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Country {
    /// The alpha-2 code, e.g. `"RO"`.
    pub code: &'static str,
    /// The English short name, e.g. `"Romania"`.
    pub name_en: &'static str,
}

/// A [`Country`], short enough for one-line table rows.
const fn c(code: &'static str, name_en: &'static str) -> Country {
    Country { code, name_en }
}

/// Every country code EN 16931 1.3.16 accepts (BR-CL-14), sorted by code.
///
/// Besides ISO 3166-1 it holds `1A` (Kosovo) and `XI` (Northern Ireland,
/// for VAT under the Windsor Framework), as the EN 16931 list does.
static COUNTRIES: &[Country] = &[
    c("1A", "Kosovo"),
    c("AD", "Andorra"),
    c("AE", "United Arab Emirates"),
    c("AF", "Afghanistan"),
    c("AG", "Antigua and Barbuda"),
    c("AI", "Anguilla"),
    c("AL", "Albania"),
    c("AM", "Armenia"),
    c("AO", "Angola"),
    c("AQ", "Antarctica"),
    c("AR", "Argentina"),
    c("AS", "American Samoa"),
    c("AT", "Austria"),
    c("AU", "Australia"),
    c("AW", "Aruba"),
    c("AX", "Åland Islands"),
    c("AZ", "Azerbaijan"),
    c("BA", "Bosnia and Herzegovina"),
    c("BB", "Barbados"),
    c("BD", "Bangladesh"),
    c("BE", "Belgium"),
    c("BF", "Burkina Faso"),
    c("BG", "Bulgaria"),
    c("BH", "Bahrain"),
    c("BI", "Burundi"),
    c("BJ", "Benin"),
    c("BL", "Saint Barthélemy"),
    c("BM", "Bermuda"),
    c("BN", "Brunei Darussalam"),
    c("BO", "Bolivia"),
    c("BQ", "Bonaire, Sint Eustatius and Saba"),
    c("BR", "Brazil"),
    c("BS", "Bahamas"),
    c("BT", "Bhutan"),
    c("BV", "Bouvet Island"),
    c("BW", "Botswana"),
    c("BY", "Belarus"),
    c("BZ", "Belize"),
    c("CA", "Canada"),
    c("CC", "Cocos (Keeling) Islands"),
    c("CD", "Congo, Democratic Republic of the"),
    c("CF", "Central African Republic"),
    c("CG", "Congo"),
    c("CH", "Switzerland"),
    c("CI", "Côte d'Ivoire"),
    c("CK", "Cook Islands"),
    c("CL", "Chile"),
    c("CM", "Cameroon"),
    c("CN", "China"),
    c("CO", "Colombia"),
    c("CR", "Costa Rica"),
    c("CU", "Cuba"),
    c("CV", "Cabo Verde"),
    c("CW", "Curaçao"),
    c("CX", "Christmas Island"),
    c("CY", "Cyprus"),
    c("CZ", "Czechia"),
    c("DE", "Germany"),
    c("DJ", "Djibouti"),
    c("DK", "Denmark"),
    c("DM", "Dominica"),
    c("DO", "Dominican Republic"),
    c("DZ", "Algeria"),
    c("EC", "Ecuador"),
    c("EE", "Estonia"),
    c("EG", "Egypt"),
    c("EH", "Western Sahara"),
    c("ER", "Eritrea"),
    c("ES", "Spain"),
    c("ET", "Ethiopia"),
    c("FI", "Finland"),
    c("FJ", "Fiji"),
    c("FK", "Falkland Islands (Malvinas)"),
    c("FM", "Micronesia"),
    c("FO", "Faroe Islands"),
    c("FR", "France"),
    c("GA", "Gabon"),
    c("GB", "United Kingdom"),
    c("GD", "Grenada"),
    c("GE", "Georgia"),
    c("GF", "French Guiana"),
    c("GG", "Guernsey"),
    c("GH", "Ghana"),
    c("GI", "Gibraltar"),
    c("GL", "Greenland"),
    c("GM", "Gambia"),
    c("GN", "Guinea"),
    c("GP", "Guadeloupe"),
    c("GQ", "Equatorial Guinea"),
    c("GR", "Greece"),
    c("GS", "South Georgia and the South Sandwich Islands"),
    c("GT", "Guatemala"),
    c("GU", "Guam"),
    c("GW", "Guinea-Bissau"),
    c("GY", "Guyana"),
    c("HK", "Hong Kong"),
    c("HM", "Heard Island and McDonald Islands"),
    c("HN", "Honduras"),
    c("HR", "Croatia"),
    c("HT", "Haiti"),
    c("HU", "Hungary"),
    c("ID", "Indonesia"),
    c("IE", "Ireland"),
    c("IL", "Israel"),
    c("IM", "Isle of Man"),
    c("IN", "India"),
    c("IO", "British Indian Ocean Territory"),
    c("IQ", "Iraq"),
    c("IR", "Iran"),
    c("IS", "Iceland"),
    c("IT", "Italy"),
    c("JE", "Jersey"),
    c("JM", "Jamaica"),
    c("JO", "Jordan"),
    c("JP", "Japan"),
    c("KE", "Kenya"),
    c("KG", "Kyrgyzstan"),
    c("KH", "Cambodia"),
    c("KI", "Kiribati"),
    c("KM", "Comoros"),
    c("KN", "Saint Kitts and Nevis"),
    c("KP", "North Korea"),
    c("KR", "South Korea"),
    c("KW", "Kuwait"),
    c("KY", "Cayman Islands"),
    c("KZ", "Kazakhstan"),
    c("LA", "Laos"),
    c("LB", "Lebanon"),
    c("LC", "Saint Lucia"),
    c("LI", "Liechtenstein"),
    c("LK", "Sri Lanka"),
    c("LR", "Liberia"),
    c("LS", "Lesotho"),
    c("LT", "Lithuania"),
    c("LU", "Luxembourg"),
    c("LV", "Latvia"),
    c("LY", "Libya"),
    c("MA", "Morocco"),
    c("MC", "Monaco"),
    c("MD", "Moldova"),
    c("ME", "Montenegro"),
    c("MF", "Saint Martin (French part)"),
    c("MG", "Madagascar"),
    c("MH", "Marshall Islands"),
    c("MK", "North Macedonia"),
    c("ML", "Mali"),
    c("MM", "Myanmar"),
    c("MN", "Mongolia"),
    c("MO", "Macao"),
    c("MP", "Northern Mariana Islands"),
    c("MQ", "Martinique"),
    c("MR", "Mauritania"),
    c("MS", "Montserrat"),
    c("MT", "Malta"),
    c("MU", "Mauritius"),
    c("MV", "Maldives"),
    c("MW", "Malawi"),
    c("MX", "Mexico"),
    c("MY", "Malaysia"),
    c("MZ", "Mozambique"),
    c("NA", "Namibia"),
    c("NC", "New Caledonia"),
    c("NE", "Niger"),
    c("NF", "Norfolk Island"),
    c("NG", "Nigeria"),
    c("NI", "Nicaragua"),
    c("NL", "Netherlands"),
    c("NO", "Norway"),
    c("NP", "Nepal"),
    c("NR", "Nauru"),
    c("NU", "Niue"),
    c("NZ", "New Zealand"),
    c("OM", "Oman"),
    c("PA", "Panama"),
    c("PE", "Peru"),
    c("PF", "French Polynesia"),
    c("PG", "Papua New Guinea"),
    c("PH", "Philippines"),
    c("PK", "Pakistan"),
    c("PL", "Poland"),
    c("PM", "Saint Pierre and Miquelon"),
    c("PN", "Pitcairn"),
    c("PR", "Puerto Rico"),
    c("PS", "Palestine"),
    c("PT", "Portugal"),
    c("PW", "Palau"),
    c("PY", "Paraguay"),
    c("QA", "Qatar"),
    c("RE", "Réunion"),
    c("RO", "Romania"),
    c("RS", "Serbia"),
    c("RU", "Russia"),
    c("RW", "Rwanda"),
    c("SA", "Saudi Arabia"),
    c("SB", "Solomon Islands"),
    c("SC", "Seychelles"),
    c("SD", "Sudan"),
    c("SE", "Sweden"),
    c("SG", "Singapore"),
    c("SH", "Saint Helena, Ascension and Tristan da Cunha"),
    c("SI", "Slovenia"),
    c("SJ", "Svalbard and Jan Mayen"),
    c("SK", "Slovakia"),
    c("SL", "Sierra Leone"),
    c("SM", "San Marino"),
    c("SN", "Senegal"),
    c("SO", "Somalia"),
    c("SR", "Suriname"),
    c("SS", "South Sudan"),
    c("ST", "Sao Tome and Principe"),
    c("SV", "El Salvador"),
    c("SX", "Sint Maarten (Dutch part)"),
    c("SY", "Syria"),
    c("SZ", "Eswatini"),
    c("TC", "Turks and Caicos Islands"),
    c("TD", "Chad"),
    c("TF", "French Southern Territories"),
    c("TG", "Togo"),
    c("TH", "Thailand"),
    c("TJ", "Tajikistan"),
    c("TK", "Tokelau"),
    c("TL", "Timor-Leste"),
    c("TM", "Turkmenistan"),
    c("TN", "Tunisia"),
    c("TO", "Tonga"),
    c("TR", "Türkiye"),
    c("TT", "Trinidad and Tobago"),
    c("TV", "Tuvalu"),
    c("TW", "Taiwan"),
    c("TZ", "Tanzania"),
    c("UA", "Ukraine"),
    c("UG", "Uganda"),
    c("UM", "United States Minor Outlying Islands"),
    c("US", "United States"),
    c("UY", "Uruguay"),
    c("UZ", "Uzbekistan"),
    c("VA", "Holy See (Vatican City)"),
    c("VC", "Saint Vincent and the Grenadines"),
    c("VE", "Venezuela"),
    c("VG", "Virgin Islands (British)"),
    c("VI", "Virgin Islands (U.S.)"),
    c("VN", "Viet Nam"),
    c("VU", "Vanuatu"),
    c("WF", "Wallis and Futuna"),
    c("WS", "Samoa"),
    c("XI", "United Kingdom (Northern Ireland)"),
    c("YE", "Yemen"),
    c("YT", "Mayotte"),
    c("ZA", "South Africa"),
    c("ZM", "Zambia"),
    c("ZW", "Zimbabwe"),
];

/// The 27 EU member states, by ISO 3166-1 code.
const EU_MEMBERS: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// Every country code EN 16931 accepts, sorted by code.
pub fn countries() -> &'static [Country] {
    COUNTRIES
}

/// The country of an alpha-2 code, ignoring ASCII case and surrounding spaces.
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim().to_ascii_uppercase();
    COUNTRIES
        .binary_search_by(|c| c.code.cmp(code.as_str()))
        .ok()
        .map(|i| &COUNTRIES[i])
}

/// Whether `code` is one of the 27 EU member states, ignoring ASCII case.
///
/// Greece answers to both its ISO code `GR` and its VAT prefix `EL`.
/// Northern Ireland (`XI`) is not a member state and answers `false`.
pub fn is_eu_member(code: &str) -> bool {
    let code = code.trim().to_ascii_uppercase();
    code == "EL" || EU_MEMBERS.contains(&code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check::assert_unique;
    use pretty_assertions::assert_eq;

    #[test]
    fn known_countries_exist() {
        assert_eq!(country("RO").unwrap().name_en, "Romania");
        assert_eq!(country("de").unwrap().name_en, "Germany");
        assert_eq!(country("XI").unwrap().code, "XI");
        assert_eq!(country("EL"), None);
        assert_eq!(country("ROU"), None);
    }

    #[test]
    fn list_is_sorted_and_unique() {
        assert_eq!(COUNTRIES.len(), 251);
        assert_unique(COUNTRIES.iter().map(|c| c.code));
        assert!(COUNTRIES.windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn eu_members() {
        assert_unique(EU_MEMBERS);
        assert!(EU_MEMBERS.iter().all(|c| country(c).is_some()));
        assert!(is_eu_member("RO"));
        assert!(is_eu_member("gr"));
        assert!(is_eu_member("EL"));
        assert!(!is_eu_member("GB"));
        assert!(!is_eu_member("XI"));
        assert!(!is_eu_member("CH"));
        assert!(!is_eu_member("NO"));
    }
}
