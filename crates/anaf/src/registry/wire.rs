//! PlatitorTvaRest v9 JSON: the request body, a tolerant parser of answers, and a renderer.

use serde_json::{Map, Value, json};
use time::Date;

use super::sandbox::county_number;
use super::{CompanyRecord, Lookup};
use crate::Error;

/// The request body: `[{"cui": 12345678, "data": "YYYY-MM-DD"}, …]`.
pub(crate) fn request_body(cifs: &[u64], date: Date) -> Value {
    let data = format_date(date);
    Value::Array(
        cifs.iter()
            .map(|cif| json!({ "cui": cif, "data": data }))
            .collect(),
    )
}

/// `date` as ANAF writes it: `YYYY-MM-DD`.
pub(crate) fn format_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Parses an answer body.
///
/// Tolerant by design: unknown fields are ignored, missing sections read as empty, `cui` may
/// be a number or a string, `notFound` items may be numbers or `{cui}` objects. Only what
/// makes the answer meaningless is an error: not an object, a `cod` other than 200, a found
/// item without a CIF.
pub(crate) fn parse_response(body: &Value) -> Result<Lookup, Error> {
    let Some(envelope) = body.as_object() else {
        return Err(Error::Protocol(format!(
            "expected a JSON object, got {}",
            kind(body)
        )));
    };
    if let Some(code) = envelope.get("cod").and_then(Value::as_i64)
        && code != 200
    {
        let message = envelope
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        return Err(Error::Rejected { code, message });
    }
    if !envelope.contains_key("found") && !envelope.contains_key("notFound") {
        return Err(Error::Protocol(
            "the answer has neither `found` nor `notFound`".to_owned(),
        ));
    }
    let found = items(envelope, "found")?
        .iter()
        .enumerate()
        .map(|(index, item)| {
            company(item).map_err(|why| Error::Protocol(format!("found[{index}]: {why}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let not_found = items(envelope, "notFound")?
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let cui = item.as_object().map_or(Some(item), |o| o.get("cui"));
            cui.and_then(parse_cui)
                .ok_or_else(|| Error::Protocol(format!("notFound[{index}] is not a CIF: {item}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Lookup { found, not_found })
}

/// The array under `key`; absent or `null` reads as empty.
fn items<'a>(envelope: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], Error> {
    match envelope.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(Error::Protocol(format!(
            "`{key}` should be an array, got {}",
            kind(other)
        ))),
    }
}

fn company(item: &Value) -> Result<CompanyRecord, String> {
    let general = section(item, "date_generale");
    let cif = general
        .and_then(|g| g.get("cui"))
        .and_then(parse_cui)
        .ok_or("no `date_generale.cui`")?;
    let address = pick_address(item);
    let vat = section(item, "inregistrare_scop_Tva");
    let on_collection = section(item, "inregistrare_RTVAI");
    let inactive = section(item, "stare_inactiv");
    let split = section(item, "inregistrare_SplitTVA");
    Ok(CompanyRecord {
        cif,
        name: text(general, "denumire").unwrap_or_default(),
        registration_number: text(general, "nrRegCom"),
        address: text(general, "adresa"),
        street: address.field("denumire_Strada"),
        street_number: address.field("numar_Strada"),
        city: address.field("denumire_Localitate"),
        county_code: address.field("cod_JudetAuto"),
        county_name: address.field("denumire_Judet"),
        postal_code: address
            .field("cod_Postal")
            .or_else(|| text(general, "codPostal")),
        phone: text(general, "telefon"),
        vat_payer: flag(vat, "scpTVA"),
        vat_on_collection: flag(on_collection, "statusTvaIncasare"),
        split_vat: flag(split, "statusSplitTVA"),
        inactive: flag(inactive, "statusInactivi"),
        efactura_registered: flag(general, "statusRO_e_Factura"),
        caen_code: text(general, "cod_CAEN"),
        registration_status: text(general, "stare_inregistrare"),
    })
}

/// One of the two address sections; its keys carry a one-letter prefix (`s` or `d`).
struct Address<'a> {
    section: Option<&'a Map<String, Value>>,
    prefix: char,
}

impl Address<'_> {
    fn field(&self, name: &str) -> Option<String> {
        text(self.section, &format!("{}{name}", self.prefix))
    }

    fn is_empty(&self) -> bool {
        [
            "denumire_Strada",
            "denumire_Localitate",
            "cod_JudetAuto",
            "denumire_Judet",
        ]
        .iter()
        .all(|name| self.field(name).is_none())
    }
}

/// The registered office when ANAF filled it in, else the fiscal domicile.
fn pick_address(item: &Value) -> Address<'_> {
    let office = Address {
        section: section(item, "adresa_sediu_social"),
        prefix: 's',
    };
    if office.is_empty() {
        Address {
            section: section(item, "adresa_domiciliu_fiscal"),
            prefix: 'd',
        }
    } else {
        office
    }
}

fn section<'a>(item: &'a Value, name: &str) -> Option<&'a Map<String, Value>> {
    item.get(name).and_then(Value::as_object)
}

/// A trimmed, non-empty text value; numbers are written out (ANAF is not consistent).
fn text(section: Option<&Map<String, Value>>, key: &str) -> Option<String> {
    match section?.get(key)? {
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_owned())
        }
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A boolean; also accepts `"true"`/`"DA"` and `1`, and reads anything else as false.
fn flag(section: Option<&Map<String, Value>>, key: &str) -> bool {
    match section.and_then(|s| s.get(key)) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => {
            let s = s.trim();
            s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("da")
        }
        Some(Value::Number(n)) => n.as_u64() == Some(1),
        _ => false,
    }
}

/// A CIF written as a number or as a string of digits (an `RO` prefix is tolerated).
pub(crate) fn parse_cui(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => {
            let s = s.trim();
            let digits = s
                .strip_prefix("RO")
                .or_else(|| s.strip_prefix("ro"))
                .unwrap_or(s)
                .trim_start();
            digits.parse().ok()
        }
        _ => None,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Renders an answer exactly as ANAF shapes it: `{cod, message, found, notFound}`, every
/// section of every found company present, `""` where a value is unknown.
///
/// `date` is echoed as each company's `date_generale.data`. Parsing the result gives back
/// `found` and `not_found` unchanged (for records whose text fields are trimmed and non-empty).
pub fn response_json(found: &[CompanyRecord], not_found: &[u64], date: Date) -> Value {
    let data = format_date(date);
    envelope(
        found
            .iter()
            .map(|record| found_json(record, &data))
            .collect(),
        not_found,
    )
}

/// The success envelope around already rendered `found` items.
pub(crate) fn envelope(found: Vec<Value>, not_found: &[u64]) -> Value {
    json!({
        "cod": 200,
        "message": "SUCCESS",
        "found": Value::Array(found),
        "notFound": not_found,
    })
}

/// One `found` item, all sections, for the date `data` (`YYYY-MM-DD`).
pub(crate) fn found_json(record: &CompanyRecord, data: &str) -> Value {
    let s = |value: &Option<String>| value.clone().unwrap_or_default();
    let vat_periods = if record.vat_payer {
        // The record does not keep the period dates; ANAF's shape is kept, dates left empty.
        json!([{
            "data_inceput_ScpTVA": "",
            "data_sfarsit_ScpTVA": "",
            "data_anul_imp_ScpTVA": "",
            "mesaj_ScpTVA": "",
        }])
    } else {
        json!([])
    };
    json!({
        "date_generale": {
            "cui": record.cif,
            "data": data,
            "denumire": record.name,
            "adresa": s(&record.address),
            "nrRegCom": s(&record.registration_number),
            "telefon": s(&record.phone),
            "fax": "",
            "codPostal": s(&record.postal_code),
            "act": "",
            "stare_inregistrare": s(&record.registration_status),
            "data_inregistrare": "",
            "cod_CAEN": s(&record.caen_code),
            "iban": "",
            "statusRO_e_Factura": record.efactura_registered,
            "data_inreg_Reg_RO_e_Factura": "",
            "organFiscalCompetent": "",
            "forma_de_proprietate": "",
            "forma_organizare": "",
            "forma_juridica": "",
        },
        "inregistrare_scop_Tva": {
            "scpTVA": record.vat_payer,
            "perioade_TVA": vat_periods,
        },
        "inregistrare_RTVAI": {
            "dataInceputTvaInc": "",
            "dataSfarsitTvaInc": "",
            "dataActualizareTvaInc": "",
            "dataPublicareTvaInc": "",
            "tipActTvaInc": "",
            "statusTvaIncasare": record.vat_on_collection,
        },
        "stare_inactiv": {
            "dataInactivare": "",
            "dataReactivare": "",
            "dataPublicare": "",
            "dataRadiere": "",
            "statusInactivi": record.inactive,
        },
        "inregistrare_SplitTVA": {
            "dataInceputSplitTVA": "",
            "dataAnulareSplitTVA": "",
            "statusSplitTVA": record.split_vat,
        },
        "adresa_sediu_social": address_json(record, 's'),
        "adresa_domiciliu_fiscal": address_json(record, 'd'),
    })
}

fn address_json(record: &CompanyRecord, prefix: char) -> Value {
    let county_number = record
        .county_code
        .as_deref()
        .and_then(county_number)
        .map(|n| n.to_string());
    let fields = [
        ("denumire_Strada", record.street.clone()),
        ("numar_Strada", record.street_number.clone()),
        ("denumire_Localitate", record.city.clone()),
        ("cod_Localitate", None),
        ("denumire_Judet", record.county_name.clone()),
        ("cod_Judet", county_number),
        ("cod_JudetAuto", record.county_code.clone()),
        ("tara", None),
        ("detalii_Adresa", None),
        ("cod_Postal", record.postal_code.clone()),
    ];
    Value::Object(
        fields
            .into_iter()
            .map(|(name, value)| {
                (
                    format!("{prefix}{name}"),
                    Value::String(value.unwrap_or_default()),
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Sandbox;
    use pretty_assertions::assert_eq;
    use time::macros::date;

    /// A VAT payer in Cluj, shaped like ANAF's v9 answer (the values are made up).
    fn cluj_vat_payer() -> Value {
        json!({
            "date_generale": {
                "cui": 14_399_840,
                "data": "2025-03-14",
                "denumire": "ATELIER DE TEST SRL",
                "adresa": "JUD. CLUJ, MUN. CLUJ-NAPOCA, STR. HOREA, NR.1, ET.2",
                "nrRegCom": "J12/3765/2001",
                "telefon": "0264000000",
                "fax": "",
                "codPostal": "400174",
                "act": "",
                "stare_inregistrare": "INREGISTRAT din data 12.06.2001",
                "data_inregistrare": "2001-06-12",
                "cod_CAEN": "6201",
                "iban": "",
                "statusRO_e_Factura": true,
                "data_inreg_Reg_RO_e_Factura": "2022-01-14",
                "organFiscalCompetent": "Administrația Județeană a Finanțelor Publice Cluj",
                "forma_de_proprietate": "PROPR.PRIVATA-CAPITAL PRIVAT AUTOHTON",
                "forma_organizare": "PERSOANA JURIDICA",
                "forma_juridica": "SOCIETATE COMERCIALĂ CU RĂSPUNDERE LIMITATĂ",
                "a_field_from_v10": "ignored"
            },
            "inregistrare_scop_Tva": {
                "scpTVA": true,
                "perioade_TVA": [
                    {
                        "data_inceput_ScpTVA": "2001-07-01",
                        "data_sfarsit_ScpTVA": "",
                        "data_anul_imp_ScpTVA": "",
                        "mesaj_ScpTVA": ""
                    }
                ]
            },
            "inregistrare_RTVAI": {
                "dataInceputTvaInc": "2019-02-01",
                "dataSfarsitTvaInc": "",
                "dataActualizareTvaInc": "2019-01-20",
                "dataPublicareTvaInc": "2019-01-21",
                "tipActTvaInc": "Inregistrare",
                "statusTvaIncasare": true
            },
            "stare_inactiv": {
                "dataInactivare": "",
                "dataReactivare": "",
                "dataPublicare": "",
                "dataRadiere": "",
                "statusInactivi": false
            },
            "inregistrare_SplitTVA": {
                "dataInceputSplitTVA": "",
                "dataAnulareSplitTVA": "",
                "statusSplitTVA": false
            },
            "adresa_sediu_social": {
                "sdenumire_Strada": "Str. Horea",
                "snumar_Strada": "1",
                "sdenumire_Localitate": "Mun. Cluj-Napoca",
                "scod_Localitate": "54975",
                "sdenumire_Judet": "CLUJ",
                "scod_Judet": "12",
                "scod_JudetAuto": "CJ",
                "stara": "",
                "sdetalii_Adresa": "ET.2",
                "scod_Postal": "400174"
            },
            "adresa_domiciliu_fiscal": {
                "ddenumire_Strada": "Str. Fiscală",
                "dnumar_Strada": "9",
                "ddenumire_Localitate": "Mun. Dej",
                "dcod_Localitate": "",
                "ddenumire_Judet": "CLUJ",
                "dcod_Judet": "12",
                "dcod_JudetAuto": "CJ",
                "dtara": "",
                "ddetalii_Adresa": "",
                "dcod_Postal": "405200"
            }
        })
    }

    /// A Bucharest company with `cui` as a string, an empty registered office, no split-VAT
    /// section, and ANAF's empty strings.
    fn bucharest_inactive() -> Value {
        json!({
            "date_generale": {
                "cui": "40123456",
                "data": "2025-03-14",
                "denumire": "  MAGAZIN DE PROBA SRL ",
                "adresa": "MUNICIPIUL BUCUREŞTI, SECTOR 3, STR. FOIȘORULUI, NR.5",
                "nrRegCom": "",
                "telefon": "",
                "codPostal": "",
                "stare_inregistrare": "INREGISTRAT din data 01.02.2019",
                "cod_CAEN": "",
                "statusRO_e_Factura": false
            },
            "inregistrare_scop_Tva": { "scpTVA": false, "perioade_TVA": [] },
            "inregistrare_RTVAI": { "statusTvaIncasare": false },
            "stare_inactiv": { "dataInactivare": "2023-05-10", "statusInactivi": true },
            "adresa_sediu_social": {
                "sdenumire_Strada": "",
                "snumar_Strada": "",
                "sdenumire_Localitate": "",
                "sdenumire_Judet": "",
                "scod_JudetAuto": "",
                "scod_Postal": ""
            },
            "adresa_domiciliu_fiscal": {
                "ddenumire_Strada": "Str. Foișorului",
                "dnumar_Strada": "5",
                "ddenumire_Localitate": "Sector 3 Mun. Bucureşti",
                "ddenumire_Judet": "MUNICIPIUL BUCUREŞTI",
                "dcod_Judet": "40",
                "dcod_JudetAuto": "B",
                "dcod_Postal": "031178"
            }
        })
    }

    #[test]
    fn parses_a_vat_payer_in_cluj_and_prefers_the_registered_office() {
        let body = json!({
            "cod": 200,
            "message": "SUCCESS",
            "found": [cluj_vat_payer()],
            "notFound": []
        });
        let lookup = parse_response(&body).unwrap();
        assert_eq!(lookup.not_found, Vec::<u64>::new());
        assert_eq!(
            lookup.found,
            vec![CompanyRecord {
                cif: 14_399_840,
                name: "ATELIER DE TEST SRL".to_owned(),
                registration_number: Some("J12/3765/2001".to_owned()),
                address: Some("JUD. CLUJ, MUN. CLUJ-NAPOCA, STR. HOREA, NR.1, ET.2".to_owned()),
                street: Some("Str. Horea".to_owned()),
                street_number: Some("1".to_owned()),
                city: Some("Mun. Cluj-Napoca".to_owned()),
                county_code: Some("CJ".to_owned()),
                county_name: Some("CLUJ".to_owned()),
                postal_code: Some("400174".to_owned()),
                phone: Some("0264000000".to_owned()),
                vat_payer: true,
                vat_on_collection: true,
                split_vat: false,
                inactive: false,
                efactura_registered: true,
                caen_code: Some("6201".to_owned()),
                registration_status: Some("INREGISTRAT din data 12.06.2001".to_owned()),
            }]
        );
    }

    #[test]
    fn parses_a_bucharest_company_from_its_fiscal_domicile() {
        let body = json!({ "cod": 200, "message": "SUCCESS", "found": [bucharest_inactive()] });
        let lookup = parse_response(&body).unwrap();
        assert_eq!(
            lookup.found,
            vec![CompanyRecord {
                cif: 40_123_456,
                name: "MAGAZIN DE PROBA SRL".to_owned(),
                registration_number: None,
                address: Some("MUNICIPIUL BUCUREŞTI, SECTOR 3, STR. FOIȘORULUI, NR.5".to_owned()),
                street: Some("Str. Foișorului".to_owned()),
                street_number: Some("5".to_owned()),
                city: Some("Sector 3 Mun. Bucureşti".to_owned()),
                county_code: Some("B".to_owned()),
                county_name: Some("MUNICIPIUL BUCUREŞTI".to_owned()),
                postal_code: Some("031178".to_owned()),
                phone: None,
                vat_payer: false,
                vat_on_collection: false,
                split_vat: false,
                inactive: true,
                efactura_registered: false,
                caen_code: None,
                registration_status: Some("INREGISTRAT din data 01.02.2019".to_owned()),
            }]
        );
    }

    #[test]
    fn not_found_items_may_be_numbers_strings_or_objects() {
        let body = json!({
            "cod": 200,
            "message": "SUCCESS",
            "found": [],
            "notFound": [12_345_678, {"cui": 87_654_321}, {"cui": "11111111"}, "22222222"]
        });
        let lookup = parse_response(&body).unwrap();
        assert_eq!(
            lookup.not_found,
            vec![12_345_678, 87_654_321, 11_111_111, 22_222_222]
        );
    }

    #[test]
    fn missing_sections_read_as_empty() {
        let body = json!({
            "found": [{ "date_generale": { "cui": 18_547_290, "denumire": "X SRL" } }]
        });
        let record = parse_response(&body).unwrap().found.remove(0);
        assert_eq!(record.cif, 18_547_290);
        assert_eq!(record.name, "X SRL");
        assert_eq!((record.city, record.county_code), (None, None));
        assert!(!record.vat_payer && !record.inactive && !record.efactura_registered);
    }

    #[test]
    fn flags_tolerate_strings() {
        let body = json!({ "found": [{
            "date_generale": { "cui": 18_547_290, "statusRO_e_Factura": "DA" },
            "inregistrare_scop_Tva": { "scpTVA": "true" },
            "stare_inactiv": { "statusInactivi": "false" }
        }]});
        let record = parse_response(&body).unwrap().found.remove(0);
        assert!(record.efactura_registered && record.vat_payer && !record.inactive);
    }

    #[test]
    fn a_code_other_than_200_is_a_rejection() {
        let body = json!({ "cod": 404, "message": "NOT_FOUND", "found": [], "notFound": [] });
        assert_eq!(
            parse_response(&body).unwrap_err(),
            Error::Rejected {
                code: 404,
                message: "NOT_FOUND".to_owned()
            }
        );
    }

    #[test]
    fn meaningless_answers_are_protocol_errors() {
        let cases = [
            (json!([1, 2]), "expected a JSON object, got an array"),
            (
                json!({"cod": 200}),
                "the answer has neither `found` nor `notFound`",
            ),
            (
                json!({"found": {}}),
                "`found` should be an array, got an object",
            ),
            (
                json!({"found": [{"date_generale": {}}]}),
                "found[0]: no `date_generale.cui`",
            ),
            (
                json!({"notFound": [true]}),
                "notFound[0] is not a CIF: true",
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(
                parse_response(&body).unwrap_err(),
                Error::Protocol(expected.to_owned())
            );
        }
    }

    #[test]
    fn rendered_answers_parse_back_to_the_same_records() {
        let found: Vec<_> = [18_547_290, 14_399_840, 2_785_503, 6_859_662]
            .iter()
            .filter_map(|&cif| Sandbox.lookup(cif))
            .collect();
        assert_eq!(found.len(), 4);
        let not_found = [12_345_678, 99];
        let body = response_json(&found, &not_found, date!(2025 - 03 - 14));
        let lookup = parse_response(&body).unwrap();
        assert_eq!(lookup.found, found);
        assert_eq!(lookup.not_found, not_found);
    }

    #[test]
    fn rendering_uses_anafs_field_names_and_empty_strings() {
        let record = Sandbox.lookup(18_547_290).unwrap();
        let body = response_json(&[record], &[], date!(2025 - 03 - 14));
        let keys = |value: &Value| -> Vec<String> {
            let mut keys: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        let sorted = |names: &[&str]| -> Vec<String> {
            let mut names: Vec<_> = names.iter().map(|&n| n.to_owned()).collect();
            names.sort();
            names
        };
        assert_eq!(
            keys(&body),
            sorted(&["cod", "message", "found", "notFound"])
        );
        let item = &body["found"][0];
        assert_eq!(
            keys(item),
            sorted(&[
                "date_generale",
                "inregistrare_scop_Tva",
                "inregistrare_RTVAI",
                "stare_inactiv",
                "inregistrare_SplitTVA",
                "adresa_sediu_social",
                "adresa_domiciliu_fiscal",
            ])
        );
        assert_eq!(
            keys(&item["date_generale"]),
            sorted(&[
                "cui",
                "data",
                "denumire",
                "adresa",
                "nrRegCom",
                "telefon",
                "fax",
                "codPostal",
                "act",
                "stare_inregistrare",
                "data_inregistrare",
                "cod_CAEN",
                "iban",
                "statusRO_e_Factura",
                "data_inreg_Reg_RO_e_Factura",
                "organFiscalCompetent",
                "forma_de_proprietate",
                "forma_organizare",
                "forma_juridica",
            ])
        );
        assert_eq!(
            keys(&item["stare_inactiv"]),
            sorted(&[
                "dataInactivare",
                "dataReactivare",
                "dataPublicare",
                "dataRadiere",
                "statusInactivi"
            ])
        );
        assert_eq!(
            keys(&item["adresa_domiciliu_fiscal"]),
            sorted(&[
                "ddenumire_Strada",
                "dnumar_Strada",
                "ddenumire_Localitate",
                "dcod_Localitate",
                "ddenumire_Judet",
                "dcod_Judet",
                "dcod_JudetAuto",
                "dtara",
                "ddetalii_Adresa",
                "dcod_Postal",
            ])
        );
        assert_eq!(item["date_generale"]["cui"], json!(18_547_290));
        assert_eq!(item["date_generale"]["data"], json!("2025-03-14"));
        assert_eq!(item["date_generale"]["fax"], json!(""));
        assert!(item["inregistrare_scop_Tva"]["perioade_TVA"].is_array());
    }

    #[test]
    fn request_body_is_an_array_of_cui_and_data() {
        assert_eq!(
            request_body(&[18_547_290, 14_399_840], date!(2025 - 01 - 05)),
            json!([
                {"cui": 18_547_290, "data": "2025-01-05"},
                {"cui": 14_399_840, "data": "2025-01-05"}
            ])
        );
    }
}
