//! Romanian counties (ISO 3166-2:RO) for BT-39/BT-54 and Bucharest sectors for BT-37/BT-52.
//!
//! CIUS-RO wants the county as its ISO code (`RO-CJ`, BR-RO-110) and, in
//! Bucharest (`RO-B`), the city as `SECTOR1`…`SECTOR6` (BR-RO-100).

use crate::text::words;

/// A Romanian county, or the Municipality of Bucharest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct RoCounty {
    /// The county code, e.g. `"CJ"`, `"B"` for Bucharest.
    pub code: &'static str,
    /// The ISO 3166-2 code CIUS-RO wants in BT-39/BT-54, e.g. `"RO-CJ"`.
    pub iso: &'static str,
    /// The name with diacritics (comma below), e.g. `"Argeș"`, `"București"`.
    pub name: &'static str,
}

/// Builds a [`RoCounty`] from its code and name.
macro_rules! county {
    ($code:literal, $name:literal) => {
        RoCounty {
            code: $code,
            iso: concat!("RO-", $code),
            name: $name,
        }
    };
}

/// The 41 counties and Bucharest, sorted by name as Romanians sort them.
static RO_COUNTIES: &[RoCounty] = &[
    county!("AB", "Alba"),
    county!("AR", "Arad"),
    county!("AG", "Argeș"),
    county!("BC", "Bacău"),
    county!("BH", "Bihor"),
    county!("BN", "Bistrița-Năsăud"),
    county!("BT", "Botoșani"),
    county!("BR", "Brăila"),
    county!("BV", "Brașov"),
    county!("B", "București"),
    county!("BZ", "Buzău"),
    county!("CL", "Călărași"),
    county!("CS", "Caraș-Severin"),
    county!("CJ", "Cluj"),
    county!("CT", "Constanța"),
    county!("CV", "Covasna"),
    county!("DB", "Dâmbovița"),
    county!("DJ", "Dolj"),
    county!("GL", "Galați"),
    county!("GR", "Giurgiu"),
    county!("GJ", "Gorj"),
    county!("HR", "Harghita"),
    county!("HD", "Hunedoara"),
    county!("IL", "Ialomița"),
    county!("IS", "Iași"),
    county!("IF", "Ilfov"),
    county!("MM", "Maramureș"),
    county!("MH", "Mehedinți"),
    county!("MS", "Mureș"),
    county!("NT", "Neamț"),
    county!("OT", "Olt"),
    county!("PH", "Prahova"),
    county!("SJ", "Sălaj"),
    county!("SM", "Satu Mare"),
    county!("SB", "Sibiu"),
    county!("SV", "Suceava"),
    county!("TR", "Teleorman"),
    county!("TM", "Timiș"),
    county!("TL", "Tulcea"),
    county!("VL", "Vâlcea"),
    county!("VS", "Vaslui"),
    county!("VN", "Vrancea"),
];

/// Words that may precede a county's name and mean nothing for the look-up.
const NAME_PREFIXES: &[&str] = &["judetul", "judet", "jud", "municipiul", "mun"];

/// The 41 counties and Bucharest, sorted by name.
pub fn ro_counties() -> &'static [RoCounty] {
    RO_COUNTIES
}

/// The county `input` names, leniently: the code (`CJ`, `b`), the ISO code
/// (`RO-CJ`), or the name in any case, with or without diacritics (comma-below
/// or cedilla `ş ţ`), hyphens or spaces (`Bistrita Nasaud`), and with an
/// optional `Județul`/`Jud.` in front. Bucharest also answers to `Bucuresti`,
/// `Bucharest`, `Municipiul București` and `Mun. Bucuresti`.
pub fn ro_county(input: &str) -> Option<&'static RoCounty> {
    let trimmed = input.trim();
    let upper = trimmed.to_ascii_uppercase();
    let code = upper.strip_prefix("RO-").unwrap_or(&upper);
    if let Some(county) = RO_COUNTIES.iter().find(|c| c.code == code) {
        return Some(county);
    }
    let key = name_key(trimmed);
    if key.is_empty() {
        return None;
    }
    if key == "bucharest" {
        return RO_COUNTIES.iter().find(|c| c.code == "B");
    }
    RO_COUNTIES.iter().find(|c| name_key(c.name) == key)
}

/// The folded words of a county name without a leading `județul`/`mun.`,
/// joined without separators: `"Jud. Bistrița-Năsăud"` → `"bistritanasaud"`.
fn name_key(name: &str) -> String {
    let words = words(name);
    let start = usize::from(words.len() > 1 && NAME_PREFIXES.contains(&words[0].as_str()));
    words[start..].concat()
}

/// The Bucharest sector (1–6) named in `text`, such as an address or a city field.
///
/// Recognized forms, in any case and with or without diacritics: `Sector 3`,
/// `Sectorul 3`, `SECTOR3` (the CIUS-RO code), `Sect. 3`, `sect 3`, `sec. 3`,
/// anywhere in the text as whole words. A bare `S3` or `S.3` counts only when
/// it is the whole text, since inside an address it may be a block or a
/// staircase. The number must stand alone (`Sector 12` is no sector), and a
/// text that names two different sectors gives `None`.
pub fn bucharest_sector(text: &str) -> Option<u8> {
    let words = words(text);
    if words.len() <= 2 {
        // The whole text is `S3`, `S 3` or `S.3`.
        if let Some(n) = words.concat().strip_prefix('s').and_then(sector_number) {
            return Some(n);
        }
    }
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        let number = ["sectorul", "sector", "sect", "sec"]
            .iter()
            .find_map(|prefix| word.strip_prefix(prefix))
            .and_then(|rest| {
                if rest.is_empty() {
                    words.get(i + 1).and_then(|next| sector_number(next))
                } else {
                    sector_number(rest)
                }
            });
        match (number, found) {
            (Some(n), None) => found = Some(n),
            (Some(n), Some(f)) if n != f => return None,
            _ => {}
        }
    }
    found
}

/// The sector of a word that is exactly one digit 1–6.
fn sector_number(word: &str) -> Option<u8> {
    match word.as_bytes() {
        [d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// The CIUS-RO city code of a Bucharest sector (BR-RO-100): `3` → `"SECTOR3"`.
pub fn sector_city_code(sector: u8) -> Option<&'static str> {
    const CODES: [&str; 6] = [
        "SECTOR1", "SECTOR2", "SECTOR3", "SECTOR4", "SECTOR5", "SECTOR6",
    ];
    CODES.get(usize::from(sector).checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check::assert_unique;
    use pretty_assertions::assert_eq;

    fn code_of(input: &str) -> Option<&'static str> {
        ro_county(input).map(|c| c.code)
    }

    #[test]
    fn list_has_41_counties_and_bucharest() {
        assert_eq!(RO_COUNTIES.len(), 42);
        assert_unique(RO_COUNTIES.iter().map(|c| c.code));
        assert_unique(RO_COUNTIES.iter().map(|c| c.name));
        assert!(
            RO_COUNTIES
                .iter()
                .all(|c| c.iso == format!("RO-{}", c.code))
        );
    }

    #[test]
    fn accepts_codes_and_iso_codes() {
        assert_eq!(code_of("CJ"), Some("CJ"));
        assert_eq!(code_of("cj"), Some("CJ"));
        assert_eq!(code_of("RO-CJ"), Some("CJ"));
        assert_eq!(code_of("ro-b"), Some("B"));
        assert_eq!(code_of("B"), Some("B"));
        assert_eq!(ro_county("AG").unwrap().name, "Argeș");
    }

    #[test]
    fn accepts_names_with_or_without_diacritics() {
        assert_eq!(code_of("Cluj"), Some("CJ"));
        assert_eq!(code_of("ARGES"), Some("AG"));
        assert_eq!(code_of("Argeş"), Some("AG")); // cedilla
        assert_eq!(code_of("Argeș"), Some("AG")); // comma below
        assert_eq!(code_of("Constanţa"), Some("CT"));
        assert_eq!(code_of("Bistrita Nasaud"), Some("BN"));
        assert_eq!(code_of("bistrița-năsăud"), Some("BN"));
        assert_eq!(code_of("Satu-Mare"), Some("SM"));
        assert_eq!(code_of("Județul Iași"), Some("IS"));
        assert_eq!(code_of("jud. Dâmbovița"), Some("DB"));
        assert_eq!(code_of("Valcea"), Some("VL"));
    }

    #[test]
    fn accepts_bucharest_spellings() {
        for spelling in [
            "București",
            "Bucureşti",
            "Bucuresti",
            "BUCURESTI",
            "Municipiul București",
            "Mun. Bucuresti",
            "mun bucuresti",
            "Bucharest",
        ] {
            assert_eq!(code_of(spelling), Some("B"), "{spelling}");
        }
    }

    #[test]
    fn refuses_unknown_names() {
        for input in [
            "",
            " ",
            "RO",
            "RO-XX",
            "Cluj-Napoca",
            "Mun.",
            "Transilvania",
        ] {
            assert_eq!(code_of(input), None, "{input:?}");
        }
    }

    #[test]
    fn finds_sectors_in_common_forms() {
        let cases = [
            ("Sector 3", Some(3)),
            ("sect. 3", Some(3)),
            ("Sect.3", Some(3)),
            ("sectorul 3", Some(3)),
            ("SECTOR3", Some(3)),
            ("Sectorul 6", Some(6)),
            ("Str. Lipscani 5, Sector 3, București", Some(3)),
            ("S3", Some(3)),
            ("s.2", Some(2)),
            ("București", None),
            ("Sector 7", None),
            ("Sector 12", None),
            ("Bl. S3, Sc. 2", None),
            ("Sector 1 / Sector 2", None),
            ("Sector 2, sectorul 2", Some(2)),
            ("Intersectorial 3", None),
        ];
        for (text, sector) in cases {
            assert_eq!(bucharest_sector(text), sector, "{text}");
        }
    }

    #[test]
    fn sector_city_codes() {
        assert_eq!(sector_city_code(1), Some("SECTOR1"));
        assert_eq!(sector_city_code(6), Some("SECTOR6"));
        assert_eq!(sector_city_code(0), None);
        assert_eq!(sector_city_code(7), None);
    }
}
