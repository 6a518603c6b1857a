//! An offline registry: synthetic, deterministic companies for every CIF with a valid check digit.

use super::CompanyRecord;

/// An offline stand-in for ANAF's registry.
///
/// Every CIF with a valid check digit "exists": its company is derived from the CIF by a
/// stable hash, so the same CIF gives the same company on every machine and every run. The
/// data is synthetic (names from word lists, real county seats, made-up streets, phone numbers
/// and trade-register numbers) and describes no real company. About four in five companies
/// are VAT payers; all are registered for e-Factura and active.
///
/// ```
/// use anaf::registry::Sandbox;
///
/// let a = Sandbox.lookup(18_547_290).expect("valid CIF");
/// assert_eq!(Some(a), Sandbox.lookup(18_547_290));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sandbox;

impl Sandbox {
    /// The synthetic company for `cif`, or `None` when its check digit is wrong.
    pub fn lookup(&self, cif: u64) -> Option<CompanyRecord> {
        if !has_valid_check_digit(cif) {
            return None;
        }
        let mut draw = Draw::new(cif);
        let county = draw.pick(COUNTIES);
        let (city, locality_prefix, postal_prefix) = if county.code == "B" {
            let sector = draw.below(6) + 1;
            (
                format!("Sector {sector}"),
                format!("Mun. București, Sector {sector}"),
                format!("0{sector}"),
            )
        } else {
            (
                county.seat.to_owned(),
                format!("Jud. {}, Mun. {}", county.name, county.seat),
                county.postal.to_owned(),
            )
        };
        let name = format!(
            "{} {} {}",
            draw.pick(NAME_STEMS),
            draw.pick(NAME_TRADES),
            if draw.below(10) == 0 {
                "S.A."
            } else {
                "S.R.L."
            }
        );
        let street = draw.pick(STREETS).to_owned();
        let number = (draw.below(150) + 1).to_string();
        let postal_code = format!(
            "{postal_prefix}{:0width$}",
            draw.below(10_000),
            width = 6 - postal_prefix.len()
        );
        // Ten digits in all: a 3-digit area code (021) leaves seven, a 4-digit one six.
        let phone = if county.phone.len() == 3 {
            format!("{}{:07}", county.phone, draw.below(10_000_000))
        } else {
            format!("{}{:06}", county.phone, draw.below(1_000_000))
        };
        let year = 1991 + draw.below(34);
        let registration_number = format!("J{:02}/{}/{year}", county.number, draw.below(9_999) + 1);
        let registration_status = format!(
            "INREGISTRAT din data {:02}.{:02}.{year}",
            draw.below(28) + 1,
            draw.below(12) + 1
        );
        let vat_payer = draw.below(5) != 0;
        let vat_on_collection = vat_payer && draw.below(10) == 0;
        Some(CompanyRecord {
            cif,
            name,
            registration_number: Some(registration_number),
            address: Some(format!("{locality_prefix}, {street}, Nr. {number}")),
            street: Some(street),
            street_number: Some(number),
            city: Some(city),
            county_code: Some(county.code.to_owned()),
            county_name: Some(county.name.to_owned()),
            postal_code: Some(postal_code),
            phone: Some(phone),
            vat_payer,
            vat_on_collection,
            split_vat: false,
            inactive: false,
            efactura_registered: true,
            caen_code: Some(draw.pick(CAEN_CODES).to_owned()),
            registration_status: Some(registration_status),
        })
    }
}

/// Whether `cif` is a well-formed Romanian CIF (2 to 10 digits, valid check digit).
pub(crate) fn has_valid_check_digit(cif: u64) -> bool {
    einvoice::ids::Cif::from_value(cif).is_ok()
}

/// The ANAF county number (`scod_Judet`, and the `J<n>/` of trade-register numbers) of a
/// county code such as `CJ`.
pub(crate) fn county_number(code: &str) -> Option<u8> {
    COUNTIES.iter().find(|c| c.code == code).map(|c| c.number)
}

/// A deterministic stream of numbers seeded by the CIF (splitmix64).
struct Draw(u64);

impl Draw {
    fn new(cif: u64) -> Self {
        Draw(cif ^ 0x4641_4354_5552_4f21)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        let len = items.len() as u64;
        let index = usize::try_from(self.below(len)).unwrap_or(0);
        items[index]
    }
}

/// A county as the sandbox needs it.
// The code and name columns duplicate `einvoice::codes::ro_counties()`; join on the code once
// that exists and keep only the sandbox's own columns here.
#[derive(Debug, Clone, Copy)]
struct County {
    /// ISO 3166-2:RO without `RO-`.
    code: &'static str,
    name: &'static str,
    /// ANAF / trade-register county number.
    number: u8,
    seat: &'static str,
    /// First two digits of the seat's postal codes.
    postal: &'static str,
    /// Landline area code.
    phone: &'static str,
}

const fn county(
    code: &'static str,
    name: &'static str,
    number: u8,
    seat: &'static str,
    postal: &'static str,
    phone: &'static str,
) -> County {
    County {
        code,
        name,
        number,
        seat,
        postal,
        phone,
    }
}

/// The 41 counties and Bucharest (whose seat column is unused: its city is a sector).
const COUNTIES: &[County] = &[
    county("AB", "Alba", 1, "Alba Iulia", "51", "0258"),
    county("AR", "Arad", 2, "Arad", "31", "0257"),
    county("AG", "Argeș", 3, "Pitești", "11", "0248"),
    county("BC", "Bacău", 4, "Bacău", "60", "0234"),
    county("BH", "Bihor", 5, "Oradea", "41", "0259"),
    county("BN", "Bistrița-Năsăud", 6, "Bistrița", "42", "0263"),
    county("BT", "Botoșani", 7, "Botoșani", "71", "0231"),
    county("BV", "Brașov", 8, "Brașov", "50", "0268"),
    county("BR", "Brăila", 9, "Brăila", "81", "0239"),
    county("BZ", "Buzău", 10, "Buzău", "12", "0238"),
    county("CS", "Caraș-Severin", 11, "Reșița", "32", "0255"),
    county("CJ", "Cluj", 12, "Cluj-Napoca", "40", "0264"),
    county("CT", "Constanța", 13, "Constanța", "90", "0241"),
    county("CV", "Covasna", 14, "Sfântu Gheorghe", "52", "0267"),
    county("DB", "Dâmbovița", 15, "Târgoviște", "13", "0245"),
    county("DJ", "Dolj", 16, "Craiova", "20", "0251"),
    county("GL", "Galați", 17, "Galați", "80", "0236"),
    county("GJ", "Gorj", 18, "Târgu Jiu", "21", "0253"),
    county("HR", "Harghita", 19, "Miercurea Ciuc", "53", "0266"),
    county("HD", "Hunedoara", 20, "Deva", "33", "0254"),
    county("IL", "Ialomița", 21, "Slobozia", "92", "0243"),
    county("IS", "Iași", 22, "Iași", "70", "0232"),
    county("IF", "Ilfov", 23, "Buftea", "07", "021"),
    county("MM", "Maramureș", 24, "Baia Mare", "43", "0262"),
    county("MH", "Mehedinți", 25, "Drobeta-Turnu Severin", "22", "0252"),
    county("MS", "Mureș", 26, "Târgu Mureș", "54", "0265"),
    county("NT", "Neamț", 27, "Piatra Neamț", "61", "0233"),
    county("OT", "Olt", 28, "Slatina", "23", "0249"),
    county("PH", "Prahova", 29, "Ploiești", "10", "0244"),
    county("SM", "Satu Mare", 30, "Satu Mare", "44", "0261"),
    county("SJ", "Sălaj", 31, "Zalău", "45", "0260"),
    county("SB", "Sibiu", 32, "Sibiu", "55", "0269"),
    county("SV", "Suceava", 33, "Suceava", "72", "0230"),
    county("TR", "Teleorman", 34, "Alexandria", "14", "0247"),
    county("TM", "Timiș", 35, "Timișoara", "30", "0256"),
    county("TL", "Tulcea", 36, "Tulcea", "82", "0240"),
    county("VS", "Vaslui", 37, "Vaslui", "73", "0235"),
    county("VL", "Vâlcea", 38, "Râmnicu Vâlcea", "24", "0250"),
    county("VN", "Vrancea", 39, "Focșani", "62", "0237"),
    county("B", "București", 40, "București", "0", "021"),
    county("CL", "Călărași", 51, "Călărași", "91", "0242"),
    county("GR", "Giurgiu", 52, "Giurgiu", "08", "0246"),
];

const NAME_STEMS: &[&str] = &[
    "Livada",
    "Carpați",
    "Dacia",
    "Transilvania",
    "Dunărea",
    "Bucegi",
    "Ceahlău",
    "Retezat",
    "Delta",
    "Someș",
    "Argeș",
    "Banat",
    "Crișana",
    "Siret",
    "Arieș",
    "Făget",
    "Stejarul",
    "Bradul",
    "Izvorul",
    "Luceafărul",
    "Orizont",
    "Zenit",
    "Cristal",
    "Nova",
    "Miorița",
    "Codrii",
    "Poiana",
    "Valea",
    "Piatra",
    "Muntenia",
];

const NAME_TRADES: &[&str] = &[
    "Verde",
    "Construct",
    "Trans",
    "Impex",
    "Soft",
    "Consulting",
    "Agro",
    "Logistic",
    "Design",
    "Med",
    "Serv",
    "Com",
    "Prod",
    "Tech",
    "Invest",
    "Expert",
    "Distribuție",
    "Grup",
];

const STREETS: &[&str] = &[
    "Str. Mihai Eminescu",
    "Str. Avram Iancu",
    "Str. Libertății",
    "Str. Republicii",
    "Str. Florilor",
    "Str. Horea",
    "Str. Gării",
    "Str. Morii",
    "Str. Zorilor",
    "Str. Observatorului",
    "Str. Ion Creangă",
    "Str. Lalelelor",
    "Str. Trandafirilor",
    "Str. Mihai Viteazul",
    "Str. Ștefan cel Mare",
    "Str. Independenței",
    "Bd. Unirii",
    "Bd. Revoluției",
    "Bd. Decebal",
    "Calea Victoriei",
    "Calea Moșilor",
    "Aleea Teilor",
    "Str. Primăverii",
    "Str. George Coșbuc",
];

const CAEN_CODES: &[&str] = &[
    "6201", "6202", "4120", "4321", "4941", "4711", "4690", "5610", "6920", "7022", "7311", "1071",
    "0111", "8621", "4532", "5520",
];

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use std::collections::BTreeSet;

    /// The `n`-th CIF body completed with its check digit.
    fn valid_cif(body: u64) -> u64 {
        (0..10)
            .map(|d| body * 10 + d)
            .find(|&c| has_valid_check_digit(c))
            .unwrap()
    }

    #[test]
    fn check_digit_follows_key_753217532() {
        for cif in [18_547_290, 14_399_840, 2_785_503, 6_859_662] {
            assert!(has_valid_check_digit(cif), "{cif}");
        }
        for cif in [18_547_291, 12_345_678, 0, 5, 10_000_000_000] {
            assert!(!has_valid_check_digit(cif), "{cif}");
        }
        // Exactly one check digit fits each body.
        for body in [1, 185_472, 999_999_999] {
            let fits = (0..10)
                .filter(|d| has_valid_check_digit(body * 10 + d))
                .count();
            assert_eq!(fits, 1, "{body}");
        }
    }

    #[test]
    fn invalid_check_digit_is_unknown() {
        assert_eq!(Sandbox.lookup(18_547_291), None);
        assert_eq!(Sandbox.lookup(7), None);
    }

    #[test]
    fn same_cif_gives_the_same_company() {
        for body in 1_000..1_200 {
            let cif = valid_cif(body);
            assert_eq!(Sandbox.lookup(cif), Sandbox.lookup(cif));
        }
    }

    /// Pins the derivation: changing word lists or the hash changes every sandbox company,
    /// which tests and demo data elsewhere may rely on.
    #[test]
    fn derivation_is_stable() {
        assert_eq!(
            Sandbox.lookup(18_547_290).unwrap(),
            CompanyRecord {
                cif: 18_547_290,
                name: "Miorița Design S.R.L.".to_owned(),
                registration_number: Some("J06/7488/2012".to_owned()),
                address: Some(
                    "Jud. Bistrița-Năsăud, Mun. Bistrița, Bd. Revoluției, Nr. 77".to_owned()
                ),
                street: Some("Bd. Revoluției".to_owned()),
                street_number: Some("77".to_owned()),
                city: Some("Bistrița".to_owned()),
                county_code: Some("BN".to_owned()),
                county_name: Some("Bistrița-Năsăud".to_owned()),
                postal_code: Some("427398".to_owned()),
                phone: Some("0263065761".to_owned()),
                vat_payer: false,
                vat_on_collection: false,
                split_vat: false,
                inactive: false,
                efactura_registered: true,
                caen_code: Some("1071".to_owned()),
                registration_status: Some("INREGISTRAT din data 24.10.2012".to_owned()),
            }
        );
    }

    #[test]
    fn companies_are_plausible() {
        let mut counties = BTreeSet::new();
        let mut vat_payers: u64 = 0;
        let total = 4_000;
        for body in 0..total {
            let cif = valid_cif(1_000_000 + body * 7_919);
            let c = Sandbox.lookup(cif).unwrap();
            assert_eq!(c.cif, cif);
            assert!(
                c.name.ends_with(" S.R.L.") || c.name.ends_with(" S.A."),
                "{}",
                c.name
            );
            let code = c.county_code.clone().unwrap();
            let county = COUNTIES.iter().find(|k| k.code == code).unwrap();
            assert_eq!(c.county_name.as_deref(), Some(county.name));
            let city = c.city.clone().unwrap();
            let postal = c.postal_code.clone().unwrap();
            assert_eq!(postal.len(), 6, "{postal}");
            assert!(postal.bytes().all(|b| b.is_ascii_digit()), "{postal}");
            if code == "B" {
                let sector: u8 = city.strip_prefix("Sector ").unwrap().parse().unwrap();
                assert!((1..=6).contains(&sector), "{city}");
                assert_eq!(postal[..2], format!("0{sector}"));
            } else {
                assert_eq!(city, county.seat);
                assert!(postal.starts_with(county.postal), "{postal} in {code}");
            }
            let phone = c.phone.clone().unwrap();
            assert_eq!(phone.len(), 10, "{phone}");
            assert!(phone.starts_with(county.phone));
            let reg = c.registration_number.clone().unwrap();
            assert!(reg.starts_with(&format!("J{:02}/", county.number)), "{reg}");
            assert!(c.address.unwrap().contains(c.street.as_deref().unwrap()));
            assert!(c.efactura_registered && !c.inactive && !c.split_vat);
            assert!(!c.vat_on_collection || c.vat_payer);
            counties.insert(code);
            vat_payers += u64::from(c.vat_payer);
        }
        assert_eq!(counties.len(), 42, "every county appears");
        assert!(
            (total * 6 / 10..total * 95 / 100).contains(&vat_payers),
            "{vat_payers}"
        );
        assert!(vat_payers < total, "not every company pays VAT");
    }

    #[test]
    fn county_table_has_42_distinct_counties() {
        let codes: BTreeSet<_> = COUNTIES.iter().map(|c| c.code).collect();
        let numbers: BTreeSet<_> = COUNTIES.iter().map(|c| c.number).collect();
        assert_eq!((codes.len(), numbers.len()), (42, 42));
        assert_eq!(county_number("CJ"), Some(12));
        assert_eq!(county_number("B"), Some(40));
        assert_eq!(county_number("XX"), None);
    }
}
