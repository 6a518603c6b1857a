//! What kind of refusal an ANAF message describes, recognised from ANAF's documented texts.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The kind of an ANAF refusal, recognised from its (Romanian, unaccented) message.
///
/// ANAF gives no error codes, only texts; [`RefusalKind::of`] matches the documented ones
/// by their stable fragments and reads anything else as [`RefusalKind::Other`]. The message
/// itself always travels alongside, verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum RefusalKind {
    /// A daily quota is used up: "S-au facut deja 20 descarcari de mesaj in cursul zilei",
    /// "S-au incarcat deja 1000 de mesaje de tip RASP …", "S-au facut deja 1000 interogari …".
    /// The same request can succeed after midnight, Romanian time.
    Quota,
    /// The token's holder has no SPV rights on the CIF or the document: "Nu aveti drept in SPV
    /// pentru CIF=…", "Nu exista niciun CIF pentru care sa aveti drept …", "Nu aveti dreptul
    /// de inteorgare …", "Nu aveti dreptul sa descarcati acesta factura".
    NoRights,
    /// The id asked for is unknown: "Nu exista factura cu id_incarcare= …", "Pentru id=… nu
    /// exista inregistrata nici o factura".
    NotFound,
    /// The document was refused at upload: not valid against the schema ("Fisierul transmis
    /// nu este valid. org.xml.sax.SAXParseException …") or too large.
    InvalidDocument,
    /// A parameter is missing or wrong: a CIF or id that is not a number, a bad `standard`,
    /// `filtru` or flag, a day count or interval out of range, a CIF not in the enforcement
    /// registry, a page beyond the last.
    InvalidRequest,
    /// "A aparut o eroare tehnica. Cod: …": ANAF failed; trying again later can succeed.
    Technical,
    /// A message none of the above matches.
    Other,
}

impl RefusalKind {
    /// Recognises the kind of an ANAF message.
    pub fn of(message: &str) -> RefusalKind {
        let text = message.to_lowercase();
        let has = |fragments: &[&str]| fragments.iter().any(|f| text.contains(f));
        if has(&["s-au facut deja", "s-au incarcat deja", "limita de apeluri"]) {
            RefusalKind::Quota
        } else if has(&["eroare tehnica"]) {
            RefusalKind::Technical
        } else if has(&["nu aveti drept", "nu exista niciun cif p"]) {
            RefusalKind::NoRights
        } else if has(&[
            "nu exista factura cu",
            "nu exista inregistrata nici o factura",
        ]) {
            RefusalKind::NotFound
        } else if has(&["fisierul transmis nu este valid", "marime fisier transmis"]) {
            RefusalKind::InvalidDocument
        } else if has(&[
            "nu este un numar",
            "valorile acceptate",
            "daca parametrul",
            "trebuie sa fie intre",
            "obligatori",
            "nu poate",
            "nu este inregistrat in registrul",
            "pagina solicitata",
            "trebuie sa aveti atasat",
        ]) {
            RefusalKind::InvalidRequest
        } else {
            RefusalKind::Other
        }
    }

    /// The most telling kind among several messages (a quota or a technical error first, then
    /// rights, unknown ids, the document, parameters).
    pub fn of_all<S: AsRef<str>>(messages: &[S]) -> RefusalKind {
        messages
            .iter()
            .map(|m| RefusalKind::of(m.as_ref()))
            .min_by_key(|kind| kind.rank())
            .unwrap_or(RefusalKind::Other)
    }

    /// Whether the same request can succeed later: true for [`RefusalKind::Quota`] (after
    /// midnight, Romanian time) and [`RefusalKind::Technical`].
    pub fn is_retryable(self) -> bool {
        matches!(self, RefusalKind::Quota | RefusalKind::Technical)
    }

    fn rank(self) -> u8 {
        match self {
            RefusalKind::Quota => 0,
            RefusalKind::Technical => 1,
            RefusalKind::NoRights => 2,
            RefusalKind::NotFound => 3,
            RefusalKind::InvalidDocument => 4,
            RefusalKind::InvalidRequest => 5,
            RefusalKind::Other => 6,
        }
    }
}

impl fmt::Display for RefusalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefusalKind::Quota => "daily quota used up",
            RefusalKind::NoRights => "no SPV rights",
            RefusalKind::NotFound => "unknown id",
            RefusalKind::InvalidDocument => "invalid document",
            RefusalKind::InvalidRequest => "invalid request",
            RefusalKind::Technical => "technical error at ANAF",
            RefusalKind::Other => "refused",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn documented_messages_have_their_kind() {
        use RefusalKind::*;
        let cases = [
            (
                "S-au facut deja 20 descarcari de mesaj in cursul zilei",
                Quota,
            ),
            (
                "S-au incarcat deja 1000 de mesaje de tip RASP pentru cui=1234 in cursul zile",
                Quota,
            ),
            (
                "S-au facut deja 1000 interogari de lista mesaje de catre utilizator in cursul zilei",
                Quota,
            ),
            (
                "S-au facut deja 3 descarcari la mesajul cu id_descarcare=7 in cursul zilei",
                Quota,
            ),
            ("A aparut o eroare tehnica. Cod: XXX", Technical),
            ("Nu aveti drept in SPV pentru CIF=1234", NoRights),
            (
                "Nu exista niciun CIF pentru care sa aveti drept in SPV",
                NoRights,
            ),
            ("Nu exista niciun CIF petru care sa aveti drept", NoRights),
            (
                "Nu aveti dreptul de inteorgare pentru id_incarcare= 18",
                NoRights,
            ),
            ("Nu aveti dreptul sa descarcati acesta factura", NoRights),
            ("Nu exista factura cu id_incarcare= 15000", NotFound),
            (
                "Pentru id=21 nu exista inregistrata nici o factura",
                NotFound,
            ),
            (
                "Fisierul transmis nu este valid. org.xml.sax.SAXParseException; lineNumber: 15; \
                 columnNumber: 155; cvc-elt.1.a: Cannot find the declaration of element 'Invoice1'. ",
                InvalidDocument,
            ),
            ("Marime fisier transmis mai mare de 10 MB.", InvalidDocument),
            (
                "Valorile acceptate pentru parametrul standard sunt UBL, CN, CII sau RASP",
                InvalidRequest,
            ),
            ("CIF introdus= 123a nu este un numar", InvalidRequest),
            (
                "Id_incarcare introdus= aaa nu este un numar intreg",
                InvalidRequest,
            ),
            (
                "Daca parametrul autofacturare trebuie completat, valoarea acceptata este DA",
                InvalidRequest,
            ),
            (
                "CIF introdus= 1234 nu este inregistrat in Registrul RO e-Factura executari silite",
                InvalidRequest,
            ),
            (
                "Numarul de zile trebuie sa fie intre 1 si 60",
                InvalidRequest,
            ),
            ("Parametrii zile si cif sunt obligatorii", InvalidRequest),
            (
                "startTime = 09-07-2022 10:41:11 nu poate fi mai vechi de 60 de zile fata de \
                 momentul requestului",
                InvalidRequest,
            ),
            (
                "Pagina solicitata 50 este mai mare decat numarul toatal de pagini 29",
                InvalidRequest,
            ),
            (
                "Trebuie sa aveti atasat in request un fisier de tip xml",
                InvalidRequest,
            ),
            ("Something new", Other),
        ];
        for (message, kind) in cases {
            assert_eq!(RefusalKind::of(message), kind, "{message}");
        }
    }

    #[test]
    fn the_most_telling_kind_wins_and_retryable_kinds_are_quota_and_technical() {
        let messages = [
            "CIF introdus= 123a nu este un numar",
            "S-au facut deja 20 descarcari de mesaj in cursul zilei",
        ];
        assert_eq!(RefusalKind::of_all(&messages), RefusalKind::Quota);
        assert_eq!(RefusalKind::of_all::<&str>(&[]), RefusalKind::Other);
        assert!(RefusalKind::Quota.is_retryable());
        assert!(RefusalKind::Technical.is_retryable());
        assert!(!RefusalKind::NoRights.is_retryable());
        assert!(!RefusalKind::Other.is_retryable());
    }
}
