//! ISO 4217 currency codes, as EN 16931 accepts them (BR-CL-03, BR-CL-04, BR-CL-05).

/// An ISO 4217 currency: BT-5 (invoice currency) or BT-6 (VAT accounting currency).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Currency {
    /// The alphabetic code, e.g. `"RON"`.
    pub code: &'static str,
    /// The ISO 4217 English name, e.g. `"Romanian Leu"`.
    pub name: &'static str,
    /// Decimals of the minor unit (2 for RON, 0 for JPY, 3 for KWD); `None`
    /// where ISO 4217 says "N.A." (precious metals, funds codes, `XXX`).
    pub minor_units: Option<u8>,
}

/// A [`Currency`], short enough for one-line table rows.
const fn cur(code: &'static str, name: &'static str, minor_units: Option<u8>) -> Currency {
    Currency {
        code,
        name,
        minor_units,
    }
}

/// Every currency EN 16931 1.3.16 accepts (BR-CL-03), sorted by code.
///
/// The list follows EN 16931 rather than the latest ISO 4217 edition: it keeps
/// `STD` and the offshore yuan `CNH`, and lacks `BGN`, which CIUS-RO 1.0.9 still
/// accepts.
static CURRENCIES: &[Currency] = &[
    cur("AED", "UAE Dirham", Some(2)),
    cur("AFN", "Afghani", Some(2)),
    cur("ALL", "Lek", Some(2)),
    cur("AMD", "Armenian Dram", Some(2)),
    cur("AOA", "Kwanza", Some(2)),
    cur("ARS", "Argentine Peso", Some(2)),
    cur("AUD", "Australian Dollar", Some(2)),
    cur("AWG", "Aruban Florin", Some(2)),
    cur("AZN", "Azerbaijan Manat", Some(2)),
    cur("BAM", "Convertible Mark", Some(2)),
    cur("BBD", "Barbados Dollar", Some(2)),
    cur("BDT", "Taka", Some(2)),
    cur("BHD", "Bahraini Dinar", Some(3)),
    cur("BIF", "Burundi Franc", Some(0)),
    cur("BMD", "Bermudian Dollar", Some(2)),
    cur("BND", "Brunei Dollar", Some(2)),
    cur("BOB", "Boliviano", Some(2)),
    cur("BOV", "Mvdol", Some(2)),
    cur("BRL", "Brazilian Real", Some(2)),
    cur("BSD", "Bahamian Dollar", Some(2)),
    cur("BTN", "Ngultrum", Some(2)),
    cur("BWP", "Pula", Some(2)),
    cur("BYN", "Belarusian Ruble", Some(2)),
    cur("BZD", "Belize Dollar", Some(2)),
    cur("CAD", "Canadian Dollar", Some(2)),
    cur("CDF", "Congolese Franc", Some(2)),
    cur("CHE", "WIR Euro", Some(2)),
    cur("CHF", "Swiss Franc", Some(2)),
    cur("CHW", "WIR Franc", Some(2)),
    cur("CLF", "Unidad de Fomento", Some(4)),
    cur("CLP", "Chilean Peso", Some(0)),
    cur("CNH", "Yuan Renminbi (offshore)", Some(2)),
    cur("CNY", "Yuan Renminbi", Some(2)),
    cur("COP", "Colombian Peso", Some(2)),
    cur("COU", "Unidad de Valor Real", Some(2)),
    cur("CRC", "Costa Rican Colon", Some(2)),
    cur("CUP", "Cuban Peso", Some(2)),
    cur("CVE", "Cabo Verde Escudo", Some(2)),
    cur("CZK", "Czech Koruna", Some(2)),
    cur("DJF", "Djibouti Franc", Some(0)),
    cur("DKK", "Danish Krone", Some(2)),
    cur("DOP", "Dominican Peso", Some(2)),
    cur("DZD", "Algerian Dinar", Some(2)),
    cur("EGP", "Egyptian Pound", Some(2)),
    cur("ERN", "Nakfa", Some(2)),
    cur("ETB", "Ethiopian Birr", Some(2)),
    cur("EUR", "Euro", Some(2)),
    cur("FJD", "Fiji Dollar", Some(2)),
    cur("FKP", "Falkland Islands Pound", Some(2)),
    cur("GBP", "Pound Sterling", Some(2)),
    cur("GEL", "Lari", Some(2)),
    cur("GHS", "Ghana Cedi", Some(2)),
    cur("GIP", "Gibraltar Pound", Some(2)),
    cur("GMD", "Dalasi", Some(2)),
    cur("GNF", "Guinean Franc", Some(0)),
    cur("GTQ", "Quetzal", Some(2)),
    cur("GYD", "Guyana Dollar", Some(2)),
    cur("HKD", "Hong Kong Dollar", Some(2)),
    cur("HNL", "Lempira", Some(2)),
    cur("HTG", "Gourde", Some(2)),
    cur("HUF", "Forint", Some(2)),
    cur("IDR", "Rupiah", Some(2)),
    cur("ILS", "New Israeli Sheqel", Some(2)),
    cur("INR", "Indian Rupee", Some(2)),
    cur("IQD", "Iraqi Dinar", Some(3)),
    cur("IRR", "Iranian Rial", Some(2)),
    cur("ISK", "Iceland Krona", Some(0)),
    cur("JMD", "Jamaican Dollar", Some(2)),
    cur("JOD", "Jordanian Dinar", Some(3)),
    cur("JPY", "Yen", Some(0)),
    cur("KES", "Kenyan Shilling", Some(2)),
    cur("KGS", "Som", Some(2)),
    cur("KHR", "Riel", Some(2)),
    cur("KMF", "Comorian Franc", Some(0)),
    cur("KPW", "North Korean Won", Some(2)),
    cur("KRW", "Won", Some(0)),
    cur("KWD", "Kuwaiti Dinar", Some(3)),
    cur("KYD", "Cayman Islands Dollar", Some(2)),
    cur("KZT", "Tenge", Some(2)),
    cur("LAK", "Lao Kip", Some(2)),
    cur("LBP", "Lebanese Pound", Some(2)),
    cur("LKR", "Sri Lanka Rupee", Some(2)),
    cur("LRD", "Liberian Dollar", Some(2)),
    cur("LSL", "Loti", Some(2)),
    cur("LYD", "Libyan Dinar", Some(3)),
    cur("MAD", "Moroccan Dirham", Some(2)),
    cur("MDL", "Moldovan Leu", Some(2)),
    cur("MGA", "Malagasy Ariary", Some(2)),
    cur("MKD", "Denar", Some(2)),
    cur("MMK", "Kyat", Some(2)),
    cur("MNT", "Tugrik", Some(2)),
    cur("MOP", "Pataca", Some(2)),
    cur("MRU", "Ouguiya", Some(2)),
    cur("MUR", "Mauritius Rupee", Some(2)),
    cur("MVR", "Rufiyaa", Some(2)),
    cur("MWK", "Malawi Kwacha", Some(2)),
    cur("MXN", "Mexican Peso", Some(2)),
    cur("MXV", "Mexican Unidad de Inversion (UDI)", Some(2)),
    cur("MYR", "Malaysian Ringgit", Some(2)),
    cur("MZN", "Mozambique Metical", Some(2)),
    cur("NAD", "Namibia Dollar", Some(2)),
    cur("NGN", "Naira", Some(2)),
    cur("NIO", "Cordoba Oro", Some(2)),
    cur("NOK", "Norwegian Krone", Some(2)),
    cur("NPR", "Nepalese Rupee", Some(2)),
    cur("NZD", "New Zealand Dollar", Some(2)),
    cur("OMR", "Rial Omani", Some(3)),
    cur("PAB", "Balboa", Some(2)),
    cur("PEN", "Sol", Some(2)),
    cur("PGK", "Kina", Some(2)),
    cur("PHP", "Philippine Peso", Some(2)),
    cur("PKR", "Pakistan Rupee", Some(2)),
    cur("PLN", "Zloty", Some(2)),
    cur("PYG", "Guarani", Some(0)),
    cur("QAR", "Qatari Rial", Some(2)),
    cur("RON", "Romanian Leu", Some(2)),
    cur("RSD", "Serbian Dinar", Some(2)),
    cur("RUB", "Russian Ruble", Some(2)),
    cur("RWF", "Rwanda Franc", Some(0)),
    cur("SAR", "Saudi Riyal", Some(2)),
    cur("SBD", "Solomon Islands Dollar", Some(2)),
    cur("SCR", "Seychelles Rupee", Some(2)),
    cur("SDG", "Sudanese Pound", Some(2)),
    cur("SEK", "Swedish Krona", Some(2)),
    cur("SGD", "Singapore Dollar", Some(2)),
    cur("SHP", "Saint Helena Pound", Some(2)),
    cur("SLE", "Leone", Some(2)),
    cur("SOS", "Somali Shilling", Some(2)),
    cur("SRD", "Surinam Dollar", Some(2)),
    cur("SSP", "South Sudanese Pound", Some(2)),
    cur("STD", "Dobra (before 2018)", Some(2)),
    cur("SVC", "El Salvador Colon", Some(2)),
    cur("SYP", "Syrian Pound", Some(2)),
    cur("SZL", "Lilangeni", Some(2)),
    cur("THB", "Baht", Some(2)),
    cur("TJS", "Somoni", Some(2)),
    cur("TMT", "Turkmenistan New Manat", Some(2)),
    cur("TND", "Tunisian Dinar", Some(3)),
    cur("TOP", "Pa'anga", Some(2)),
    cur("TRY", "Turkish Lira", Some(2)),
    cur("TTD", "Trinidad and Tobago Dollar", Some(2)),
    cur("TWD", "New Taiwan Dollar", Some(2)),
    cur("TZS", "Tanzanian Shilling", Some(2)),
    cur("UAH", "Hryvnia", Some(2)),
    cur("UGX", "Uganda Shilling", Some(0)),
    cur("USD", "US Dollar", Some(2)),
    cur("USN", "US Dollar (Next day)", Some(2)),
    cur("UYI", "Uruguay Peso en Unidades Indexadas (UI)", Some(0)),
    cur("UYU", "Peso Uruguayo", Some(2)),
    cur("UYW", "Unidad Previsional", Some(4)),
    cur("UZS", "Uzbekistan Sum", Some(2)),
    cur("VED", "Bolívar Soberano (digital)", Some(2)),
    cur("VES", "Bolívar Soberano", Some(2)),
    cur("VND", "Dong", Some(0)),
    cur("VUV", "Vatu", Some(0)),
    cur("WST", "Tala", Some(2)),
    cur("XAF", "CFA Franc BEAC", Some(0)),
    cur("XAG", "Silver", None),
    cur("XAU", "Gold", None),
    cur(
        "XBA",
        "Bond Markets Unit European Composite Unit (EURCO)",
        None,
    ),
    cur(
        "XBB",
        "Bond Markets Unit European Monetary Unit (E.M.U.-6)",
        None,
    ),
    cur(
        "XBC",
        "Bond Markets Unit European Unit of Account 9 (E.U.A.-9)",
        None,
    ),
    cur(
        "XBD",
        "Bond Markets Unit European Unit of Account 17 (E.U.A.-17)",
        None,
    ),
    cur("XCD", "East Caribbean Dollar", Some(2)),
    cur("XCG", "Caribbean Guilder", Some(2)),
    cur("XDR", "SDR (Special Drawing Right)", None),
    cur("XOF", "CFA Franc BCEAO", Some(0)),
    cur("XPD", "Palladium", None),
    cur("XPF", "CFP Franc", Some(0)),
    cur("XPT", "Platinum", None),
    cur("XSU", "Sucre", None),
    cur("XTS", "Code reserved for testing", None),
    cur("XUA", "ADB Unit of Account", None),
    cur("XXX", "No currency involved", None),
    cur("YER", "Yemeni Rial", Some(2)),
    cur("ZAR", "Rand", Some(2)),
    cur("ZMW", "Zambian Kwacha", Some(2)),
    cur("ZWG", "Zimbabwe Gold", Some(2)),
];

/// Every currency EN 16931 accepts, sorted by code.
pub fn currencies() -> &'static [Currency] {
    CURRENCIES
}

/// The currency of an ISO 4217 code, ignoring ASCII case and surrounding spaces.
pub fn currency(code: &str) -> Option<&'static Currency> {
    let code = code.trim().to_ascii_uppercase();
    CURRENCIES
        .binary_search_by(|c| c.code.cmp(code.as_str()))
        .ok()
        .map(|i| &CURRENCIES[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check::assert_unique;
    use pretty_assertions::assert_eq;

    #[test]
    fn known_currencies_exist() {
        let ron = currency("RON").unwrap();
        assert_eq!((ron.name, ron.minor_units), ("Romanian Leu", Some(2)));
        assert_eq!(currency("eur").unwrap().code, "EUR");
        assert_eq!(currency(" usd ").unwrap().code, "USD");
        assert_eq!(currency("JPY").unwrap().minor_units, Some(0));
        assert_eq!(currency("KWD").unwrap().minor_units, Some(3));
        assert_eq!(currency("XAU").unwrap().minor_units, None);
        assert_eq!(currency("ROL"), None);
        assert_eq!(currency(""), None);
    }

    #[test]
    fn list_is_sorted_and_unique() {
        assert_eq!(CURRENCIES.len(), 178);
        assert_unique(CURRENCIES.iter().map(|c| c.code));
        assert!(CURRENCIES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(CURRENCIES.iter().all(|c| c.code.len() == 3));
    }
}
