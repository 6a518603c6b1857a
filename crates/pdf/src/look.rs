//! How a document looks: its title, language, design, colour, logo, what it shows, and the
//! facts EN 16931 has no place for.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use einvoice::model::{DocumentKind, Invoice};
use rust_decimal::Decimal;
use time::Date;

use crate::PdfError;
use crate::logo::{LogoKind, check_logo};

/// Everything about a printed document that is not in the invoice itself.
///
/// `Look::new(Title::Invoice, Language::Ro)` gives the defaults: the Classic design, the
/// default accent colour, no logo, every section shown and no extra facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    /// The document's title: invoice, credit note, storno, proforma or delivery note.
    pub title: Title,
    /// The language of every label, number and date.
    pub language: Language,
    /// The layout and typefaces.
    pub design: Design,
    /// The accent colour of headings and rules; the design's own when `None`.
    pub accent: Option<Rgb>,
    /// The typeface of the whole document; the design's own when `None`.
    pub typeface: Option<Typeface>,
    /// A line of the company's own printed at the foot of every page, above the page
    /// number (e.g. a registration or a thank-you).
    pub footer_note: Option<String>,
    /// The company logo, printed at the top.
    pub logo: Option<Logo>,
    /// Which sections to print.
    pub show: Show,
    /// Facts EN 16931 has no term for: issuer, delegate, mentions, exchange rate, …
    pub extra: Extra,
}

impl Look {
    /// The default look of a `title` in `language`.
    pub fn new(title: Title, language: Language) -> Self {
        Self {
            title,
            language,
            design: Design::default(),
            accent: None,
            typeface: None,
            footer_note: None,
            logo: None,
            show: Show::default(),
            extra: Extra::default(),
        }
    }
}

/// The title printed at the top of the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Title {
    /// An invoice ("Factură").
    #[default]
    Invoice,
    /// A credit note ("Notă de credit"), a UBL `CreditNote`.
    CreditNote,
    /// A storno invoice ("Factură storno"): an invoice that reverses another one with
    /// negative quantities.
    Storno,
    /// A proforma invoice ("Factură proformă"): an offer, not a tax document.
    Proforma,
    /// A delivery note ("Aviz de însoțire a mărfii"), which may hide prices and VAT.
    DeliveryNote,
}

impl Title {
    /// The title an e-invoice carries by itself: a credit note for a UBL `CreditNote` or
    /// type code 381, an invoice otherwise. A storno, proforma or delivery note is the
    /// caller's knowledge, not the document's.
    pub fn of(invoice: &Invoice) -> Self {
        if invoice.kind == DocumentKind::CreditNote || invoice.type_code == "381" {
            Self::CreditNote
        } else {
            Self::Invoice
        }
    }
}

/// The language of labels, numbers and dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// Romanian: `1.234,50`, `15.09.2025`, amounts also in words.
    #[default]
    Ro,
    /// English: `1,234.50`, `2025-09-15`.
    En,
    /// German: `1.234,50`, `15.09.2025`.
    De,
    /// French: `1 234,50`, `15/09/2025`.
    Fr,
}

impl Language {
    /// Every language, in the order of the enum.
    pub const ALL: [Language; 4] = [Self::Ro, Self::En, Self::De, Self::Fr];

    /// The ISO 639-1 code: `ro`, `en`, `de` or `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ro => "ro",
            Self::En => "en",
            Self::De => "de",
            Self::Fr => "fr",
        }
    }
}

impl FromStr for Language {
    type Err = PdfError;

    /// Reads an ISO 639-1 code in any case: `ro`, `en`, `de`, `fr`.
    fn from_str(s: &str) -> Result<Self, PdfError> {
        Self::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| PdfError::UnknownLanguage(s.to_owned()))
    }
}

/// A layout with its typefaces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Design {
    /// A serif (Libertinus Serif) document with thin rules, in the shape of a Romanian
    /// printed invoice form.
    #[default]
    Classic,
    /// A sans-serif (DejaVu Sans) document with a coloured title band and shaded tables.
    Modern,
}

impl Design {
    /// Every design, in the order of the enum.
    pub const ALL: [Design; 2] = [Self::Classic, Self::Modern];

    /// The name settings use: `classic` or `modern`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Classic => "classic",
            Self::Modern => "modern",
        }
    }

    /// The typeface the design is drawn in.
    pub fn typeface(self) -> Typeface {
        match self {
            Self::Classic => Typeface::LibertinusSerif,
            Self::Modern => Typeface::DejaVuSans,
        }
    }
}

impl FromStr for Design {
    type Err = PdfError;

    /// Reads a slug in any case: `classic`, `modern`.
    fn from_str(s: &str) -> Result<Self, PdfError> {
        Self::ALL
            .into_iter()
            .find(|d| d.slug().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| PdfError::UnknownDesign(s.to_owned()))
    }
}

/// A typeface the crate embeds (from `typst-assets` and `dejavu`), each with Romanian ș and ț.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Typeface {
    /// Libertinus Serif, the Classic design's.
    LibertinusSerif,
    /// DejaVu Sans, the Modern design's.
    DejaVuSans,
}

impl Typeface {
    /// Every typeface, in the order of the enum.
    pub const ALL: [Typeface; 2] = [Self::LibertinusSerif, Self::DejaVuSans];

    /// The family name, as typst and settings know it.
    pub fn family(self) -> &'static str {
        match self {
            Self::LibertinusSerif => "Libertinus Serif",
            Self::DejaVuSans => "DejaVu Sans",
        }
    }
}

impl FromStr for Typeface {
    type Err = PdfError;

    /// Reads a family name in any case: `DejaVu Sans`, `libertinus serif`.
    fn from_str(s: &str) -> Result<Self, PdfError> {
        Self::ALL
            .into_iter()
            .find(|t| t.family().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| PdfError::UnknownTypeface(s.to_owned()))
    }
}

/// A colour, written `#1f6feb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Rgb {
    /// Reads `#rrggbb` or `#rgb` (the `#` is optional, hex digits in any case).
    pub fn parse(input: &str) -> Result<Self, PdfError> {
        let bad = || PdfError::BadColour(input.to_owned());
        let hex = input.trim();
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).map_err(|_| bad());
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        match hex.len() {
            3 => Ok(Self {
                r: digit(0)? * 17,
                g: digit(1)? * 17,
                b: digit(2)? * 17,
            }),
            6 => Ok(Self {
                r: pair(0)?,
                g: pair(2)?,
                b: pair(4)?,
            }),
            _ => Err(bad()),
        }
    }
}

impl FromStr for Rgb {
    type Err = PdfError;

    fn from_str(s: &str) -> Result<Self, PdfError> {
        Self::parse(s)
    }
}

impl fmt::Display for Rgb {
    /// `#rrggbb`, lower case.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// A company logo that [`check_logo`] accepted: a PNG, JPEG or SVG image, small enough.
///
/// Cloning is cheap: the bytes are shared.
#[derive(Clone, PartialEq, Eq)]
pub struct Logo {
    bytes: Arc<[u8]>,
    kind: LogoKind,
}

impl Logo {
    /// Checks `bytes` with [`check_logo`] and keeps them.
    pub fn new(bytes: impl Into<Arc<[u8]>>) -> Result<Self, PdfError> {
        let bytes = bytes.into();
        let kind = check_logo(&bytes)?;
        Ok(Self { bytes, kind })
    }

    /// The image's bytes.
    pub fn bytes(&self) -> &Arc<[u8]> {
        &self.bytes
    }

    /// Which kind of image it is.
    pub fn kind(&self) -> LogoKind {
        self.kind
    }
}

impl fmt::Debug for Logo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Logo")
            .field("kind", &self.kind)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// Which sections to print. All are shown by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Show {
    /// Prices, line amounts, totals, the VAT breakdown and the payment block; a delivery
    /// note may hide them.
    pub prices: bool,
    /// The VAT column, the VAT breakdown and the VAT totals (`hideVat`, for a seller that is
    /// not registered for VAT).
    pub vat: bool,
    /// The seller's bank accounts (BG-17).
    pub bank_accounts: bool,
    /// The invoice notes (BG-1) and the extra mentions.
    pub notes: bool,
    /// The payment due date (BT-9).
    pub due_date: bool,
    /// The issuer and delegate block with the signature lines.
    pub issuer: bool,
    /// The amount due in words (Romanian only).
    pub total_in_words: bool,
}

impl Default for Show {
    fn default() -> Self {
        Self {
            prices: true,
            vat: true,
            bank_accounts: true,
            notes: true,
            due_date: true,
            issuer: true,
            total_in_words: true,
        }
    }
}

/// What a Romanian document prints that EN 16931 has no term for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extra {
    /// Who drew up the document ("Întocmit de").
    pub issuer_name: Option<String>,
    /// The issuer's identification (personal id or employee number), printed after the name.
    pub issuer_id: Option<String>,
    /// The delegate who carries the goods ("Date privind expediția").
    pub deputy: Option<Deputy>,
    /// Mentions printed with the notes, e.g. "TVA la încasare".
    pub mentions: Vec<String>,
    /// The exchange rate of a foreign-currency invoice into its VAT accounting currency.
    pub exchange_rate: Option<ExchangeRate>,
    /// What the buyer has already paid against this document; the balance is printed
    /// below it.
    pub amount_paid: Option<Decimal>,
    /// Until when a proforma's offer stands.
    pub valid_until: Option<Date>,
    /// The bank of each IBAN, where the invoice does not say it (BT-85 is the account's
    /// name, not its bank). Romanian IBANs of the large banks are recognised without it.
    pub banks: Vec<BankName>,
}

/// The delegate who carries the goods.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deputy {
    /// The delegate's name.
    pub name: String,
    /// The identity card ("B.I./C.I."), series and number.
    pub id_card: Option<String>,
    /// The means of transport, e.g. a car's registration number.
    pub vehicle: Option<String>,
}

/// One unit of the invoice currency (BT-5) is worth `rate` units of the VAT accounting
/// currency (BT-6), e.g. 1 EUR = 4.9750 RON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExchangeRate {
    /// How many units of BT-6 one unit of BT-5 is worth.
    pub rate: Decimal,
    /// The day the rate was published.
    pub date: Option<Date>,
}

/// The bank that keeps an account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BankName {
    /// The account's IBAN, as in BT-84 (spaces are ignored when matching).
    pub iban: String,
    /// The bank's name.
    pub bank: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn colours_parse_in_both_lengths() {
        let blue = Rgb::parse("#1f6feb").unwrap();
        assert_eq!((blue.r, blue.g, blue.b), (0x1f, 0x6f, 0xeb));
        assert_eq!(blue.to_string(), "#1f6feb");
        assert_eq!(Rgb::parse("1F6FEB").unwrap(), blue);
        assert_eq!(Rgb::parse("#fa0").unwrap().to_string(), "#ffaa00");
    }

    #[test]
    fn bad_colours_are_refused_by_name() {
        for bad in [
            "", "#", "#12345", "#1234567", "blue", "#gg0000", "#+1+2+3", "#ééé",
        ] {
            let err = Rgb::parse(bad).unwrap_err();
            assert!(
                err.to_string().contains(&format!("'{bad}'")),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn languages_read_their_codes() {
        assert_eq!("RO".parse::<Language>().unwrap(), Language::Ro);
        assert_eq!(" fr ".parse::<Language>().unwrap(), Language::Fr);
        assert!("es".parse::<Language>().is_err());
    }

    #[test]
    fn designs_and_typefaces_read_their_names() {
        assert_eq!(" Modern".parse::<Design>().unwrap(), Design::Modern);
        assert_eq!(
            "dejavu sans".parse::<Typeface>().unwrap(),
            Typeface::DejaVuSans
        );
        assert_eq!(Design::Classic.typeface(), Typeface::LibertinusSerif);
        let err = "bold".parse::<Design>().unwrap_err().to_string();
        assert!(
            err.contains("'bold'") && err.contains("classic, modern"),
            "{err}"
        );
        let err = "Roboto".parse::<Typeface>().unwrap_err().to_string();
        assert!(
            err.contains("'Roboto'") && err.contains("DejaVu Sans"),
            "{err}"
        );
    }

    #[test]
    fn a_credit_note_is_titled_so() {
        let mut invoice = Invoice::default();
        assert_eq!(Title::of(&invoice), Title::Invoice);
        invoice.kind = DocumentKind::CreditNote;
        assert_eq!(Title::of(&invoice), Title::CreditNote);
    }
}
