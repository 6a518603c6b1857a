//! The shorter UNTDID code lists: document types (1001), date codes (2005), text subjects
//! (4451), payment means (4461), allowance reasons (5189), tax categories (5305), item
//! classification schemes (7143).

/// UNTDID 1001 invoice type codes CEN 1.3.16 accepts (BR-CL-01).
pub(super) const INVOICE_TYPES_CEN: &[&str] = &[
    "102", "130", "202", "203", "204", "211", "218", "219", "295", "325", "326", "331", "380",
    "382", "383", "384", "385", "386", "387", "388", "389", "390", "393", "394", "395", "456",
    "457", "471", "472", "473", "500", "501", "527", "553", "575", "623", "633", "71", "751",
    "780", "80", "81", "817", "82", "84", "870", "875", "876", "877", "935",
];

/// UNTDID 1001 invoice type codes ANAF's RO16931 1.0.9 accepts (BR-CL-01): CEN's without
/// `471`, `472`, `473`, `500`, `501`.
pub(super) const INVOICE_TYPES_RO: &[&str] = &[
    "102", "130", "202", "203", "204", "211", "218", "219", "295", "325", "326", "331", "380",
    "382", "383", "384", "385", "386", "387", "388", "389", "390", "393", "394", "395", "456",
    "457", "527", "553", "575", "623", "633", "71", "751", "780", "80", "81", "817", "82", "84",
    "870", "875", "876", "877", "935",
];

/// UNTDID 1001 credit note type codes CEN 1.3.16 accepts (BR-CL-01).
pub(super) const CREDIT_NOTE_TYPES_CEN: &[&str] = &[
    "261", "262", "296", "308", "381", "396", "420", "458", "502", "503", "532", "81", "83",
];

/// UNTDID 1001 credit note type codes ANAF's RO16931 1.0.9 accepts (BR-CL-01): CEN's without
/// `502`, `503`.
pub(super) const CREDIT_NOTE_TYPES_RO: &[&str] = &[
    "261", "262", "296", "308", "381", "396", "420", "458", "532", "81", "83",
];

/// UNTDID 2005 value added tax point date codes, a restriction (BR-CL-06); the same in both
/// artefacts.
pub(super) const DATE_CODES: &[&str] = &["3", "35", "432"];

/// UNTDID 4451 text subject qualifiers, the subject codes of invoice notes (BR-CL-08); the same
/// in both artefacts, which write them in this (sorted) order.
pub(super) const NOTE_SUBJECTS: &[&str] = &[
    "AAA", "AAB", "AAC", "AAD", "AAE", "AAF", "AAG", "AAI", "AAJ", "AAK", "AAL", "AAM", "AAN",
    "AAO", "AAP", "AAQ", "AAR", "AAS", "AAT", "AAU", "AAV", "AAW", "AAX", "AAY", "AAZ", "ABA",
    "ABB", "ABC", "ABD", "ABE", "ABF", "ABG", "ABH", "ABI", "ABJ", "ABK", "ABL", "ABM", "ABN",
    "ABO", "ABP", "ABQ", "ABR", "ABS", "ABT", "ABU", "ABV", "ABW", "ABX", "ABZ", "ACA", "ACB",
    "ACC", "ACD", "ACE", "ACF", "ACG", "ACH", "ACI", "ACJ", "ACK", "ACL", "ACM", "ACN", "ACO",
    "ACP", "ACQ", "ACR", "ACS", "ACT", "ACU", "ACV", "ACW", "ACX", "ACY", "ACZ", "ADA", "ADB",
    "ADC", "ADD", "ADE", "ADF", "ADG", "ADH", "ADI", "ADJ", "ADK", "ADL", "ADM", "ADN", "ADO",
    "ADP", "ADQ", "ADR", "ADS", "ADT", "ADU", "ADV", "ADW", "ADX", "ADY", "ADZ", "AEA", "AEB",
    "AEC", "AED", "AEE", "AEF", "AEG", "AEH", "AEI", "AEJ", "AEK", "AEL", "AEM", "AEN", "AEO",
    "AEP", "AEQ", "AER", "AES", "AET", "AEU", "AEV", "AEW", "AEX", "AEY", "AEZ", "AFA", "AFB",
    "AFC", "AFD", "AFE", "AFF", "AFG", "AFH", "AFI", "AFJ", "AFK", "AFL", "AFM", "AFN", "AFO",
    "AFP", "AFQ", "AFR", "AFS", "AFT", "AFU", "AFV", "AFW", "AFX", "AFY", "AFZ", "AGA", "AGB",
    "AGC", "AGD", "AGE", "AGF", "AGG", "AGH", "AGI", "AGJ", "AGK", "AGL", "AGM", "AGN", "AGO",
    "AGP", "AGQ", "AGR", "AGS", "AGT", "AGU", "AGV", "AGW", "AGX", "AGY", "AGZ", "AHA", "AHB",
    "AHC", "AHD", "AHE", "AHF", "AHG", "AHH", "AHI", "AHJ", "AHK", "AHL", "AHM", "AHN", "AHO",
    "AHP", "AHQ", "AHR", "AHS", "AHT", "AHU", "AHV", "AHW", "AHX", "AHY", "AHZ", "AIA", "AIB",
    "AIC", "AID", "AIE", "AIF", "AIG", "AIH", "AII", "AIJ", "AIK", "AIL", "AIM", "AIN", "AIO",
    "AIP", "AIQ", "AIR", "AIS", "AIT", "AIU", "AIV", "AIW", "AIX", "AIY", "AIZ", "AJA", "AJB",
    "ALC", "ALD", "ALE", "ALF", "ALG", "ALH", "ALI", "ALJ", "ALK", "ALL", "ALM", "ALN", "ALO",
    "ALP", "ALQ", "ARR", "ARS", "AUT", "AUU", "AUV", "AUW", "AUX", "AUY", "AUZ", "AVA", "AVB",
    "AVC", "AVD", "AVE", "AVF", "BAG", "BAH", "BAI", "BAJ", "BAK", "BAL", "BAM", "BAN", "BAO",
    "BAP", "BAQ", "BAR", "BAS", "BLC", "BLD", "BLE", "BLF", "BLG", "BLH", "BLI", "BLJ", "BLK",
    "BLL", "BLM", "BLN", "BLO", "BLP", "BLQ", "BLR", "BLS", "BLT", "BLU", "BLV", "BLW", "BLX",
    "BLY", "BLZ", "BMA", "BMB", "BMC", "BMD", "BME", "CCI", "CEX", "CHG", "CIP", "CLP", "CLR",
    "COI", "CUR", "CUS", "DAR", "DCL", "DEL", "DIN", "DOC", "DUT", "EUR", "FBC", "GBL", "GEN",
    "GS7", "HAN", "HAZ", "ICN", "IIN", "IMI", "IND", "INS", "INV", "IRP", "ITR", "ITS", "LAN",
    "LIN", "LOI", "MCO", "MDH", "MKS", "ORI", "OSI", "PAC", "PAI", "PAY", "PKG", "PKT", "PMD",
    "PMT", "PRD", "PRF", "PRI", "PUR", "QIN", "QQD", "QUT", "RAH", "REG", "RET", "REV", "RQR",
    "SAF", "SIC", "SIN", "SLR", "SPA", "SPG", "SPH", "SPP", "SPT", "SRN", "SSR", "SUR", "TCA",
    "TDT", "TRA", "TRR", "TXD", "WHI", "ZZZ",
];

/// UNTDID 4461 payment means codes CEN 1.3.16 accepts (BR-CL-16).
pub(super) const PAYMENT_MEANS_CEN: &[&str] = &[
    "1", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "2", "20", "21", "22", "23",
    "24", "25", "26", "27", "28", "29", "3", "30", "31", "32", "33", "34", "35", "36", "37", "38",
    "39", "4", "40", "41", "42", "43", "44", "45", "46", "47", "48", "49", "5", "50", "51", "52",
    "53", "54", "55", "56", "57", "58", "59", "6", "60", "61", "62", "63", "64", "65", "66", "67",
    "68", "69", "7", "70", "74", "75", "76", "77", "78", "8", "9", "91", "92", "93", "94", "95",
    "96", "97", "98", "ZZZ",
];

/// UNTDID 4461 payment means codes ANAF's RO16931 1.0.9 accepts (BR-CL-16): CEN's without `98`.
pub(super) const PAYMENT_MEANS_RO: &[&str] = &[
    "1", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "2", "20", "21", "22", "23",
    "24", "25", "26", "27", "28", "29", "3", "30", "31", "32", "33", "34", "35", "36", "37", "38",
    "39", "4", "40", "41", "42", "43", "44", "45", "46", "47", "48", "49", "5", "50", "51", "52",
    "53", "54", "55", "56", "57", "58", "59", "6", "60", "61", "62", "63", "64", "65", "66", "67",
    "68", "69", "7", "70", "74", "75", "76", "77", "78", "8", "9", "91", "92", "93", "94", "95",
    "96", "97", "ZZZ",
];

/// UNTDID 5189 allowance reason codes (BR-CL-19); the same in both artefacts.
pub(super) const ALLOWANCE_REASONS: &[&str] = &[
    "100", "102", "103", "104", "105", "41", "42", "60", "62", "63", "64", "65", "66", "67", "68",
    "70", "71", "88", "95",
];

/// UNTDID 5305 tax category codes (BR-CL-17, BR-CL-18); the same in both artefacts.
pub(super) const TAX_CATEGORIES: &[&str] = &["AE", "B", "E", "G", "K", "L", "M", "O", "S", "Z"];

/// UNTDID 7143 item classification schemes CEN 1.3.16 accepts (BR-CL-13).
pub(super) const CLASSIFICATIONS_CEN: &[&str] = &[
    "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK", "AL", "AM", "AN", "AO", "AP",
    "AQ", "AR", "AS", "AT", "AU", "AV", "AW", "AX", "AY", "AZ", "BA", "BB", "BC", "BD", "BE", "BF",
    "BG", "BH", "BI", "BJ", "BK", "BL", "BM", "BN", "BO", "BP", "BQ", "BR", "BS", "BT", "BU", "BV",
    "BW", "BX", "BY", "BZ", "CC", "CG", "CL", "CR", "CV", "DR", "DW", "EC", "EF", "EMD", "EN",
    "FS", "GB", "GMN", "GN", "GS", "HS", "IB", "IN", "IS", "IT", "IZ", "MA", "MF", "MN", "MP",
    "NB", "ON", "PD", "PL", "PO", "PPI", "PV", "QS", "RC", "RN", "RU", "RY", "SA", "SG", "SK",
    "SN", "SRS", "SRT", "SRU", "SRV", "SRW", "SRX", "SRY", "SRZ", "SS", "SSA", "SSB", "SSC", "SSD",
    "SSE", "SSF", "SSG", "SSH", "SSI", "SSJ", "SSK", "SSL", "SSM", "SSN", "SSO", "SSP", "SSQ",
    "SSR", "SSS", "SST", "SSU", "SSV", "SSW", "SSX", "SSY", "SSZ", "ST", "STA", "STB", "STC",
    "STD", "STE", "STF", "STG", "STH", "STI", "STJ", "STK", "STL", "STM", "STN", "STO", "STP",
    "STQ", "STR", "STS", "STT", "STU", "STV", "STW", "STX", "STY", "STZ", "SUA", "SUB", "SUC",
    "SUD", "SUE", "SUF", "SUG", "SUH", "SUI", "SUJ", "SUK", "SUL", "SUM", "TG", "TSN", "TSO",
    "TSP", "TSQ", "TSR", "TSS", "TST", "TSU", "UA", "UP", "VN", "VP", "VS", "VX", "ZZZ",
];

/// UNTDID 7143 item classification schemes ANAF's RO16931 1.0.9 accepts (BR-CL-13): CEN's
/// without `EMD`, `GMN`, `PPI`.
pub(super) const CLASSIFICATIONS_RO: &[&str] = &[
    "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK", "AL", "AM", "AN", "AO", "AP",
    "AQ", "AR", "AS", "AT", "AU", "AV", "AW", "AX", "AY", "AZ", "BA", "BB", "BC", "BD", "BE", "BF",
    "BG", "BH", "BI", "BJ", "BK", "BL", "BM", "BN", "BO", "BP", "BQ", "BR", "BS", "BT", "BU", "BV",
    "BW", "BX", "BY", "BZ", "CC", "CG", "CL", "CR", "CV", "DR", "DW", "EC", "EF", "EN", "FS", "GB",
    "GN", "GS", "HS", "IB", "IN", "IS", "IT", "IZ", "MA", "MF", "MN", "MP", "NB", "ON", "PD", "PL",
    "PO", "PV", "QS", "RC", "RN", "RU", "RY", "SA", "SG", "SK", "SN", "SRS", "SRT", "SRU", "SRV",
    "SRW", "SRX", "SRY", "SRZ", "SS", "SSA", "SSB", "SSC", "SSD", "SSE", "SSF", "SSG", "SSH",
    "SSI", "SSJ", "SSK", "SSL", "SSM", "SSN", "SSO", "SSP", "SSQ", "SSR", "SSS", "SST", "SSU",
    "SSV", "SSW", "SSX", "SSY", "SSZ", "ST", "STA", "STB", "STC", "STD", "STE", "STF", "STG",
    "STH", "STI", "STJ", "STK", "STL", "STM", "STN", "STO", "STP", "STQ", "STR", "STS", "STT",
    "STU", "STV", "STW", "STX", "STY", "STZ", "SUA", "SUB", "SUC", "SUD", "SUE", "SUF", "SUG",
    "SUH", "SUI", "SUJ", "SUK", "SUL", "SUM", "TG", "TSN", "TSO", "TSP", "TSQ", "TSR", "TSS",
    "TST", "TSU", "UA", "UP", "VN", "VP", "VS", "VX", "ZZZ",
];
