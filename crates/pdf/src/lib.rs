//! Invoice PDFs: an EN 16931 [`Invoice`] laid out by typst, used as a library, in memory.
//!
//! [`render`] turns an invoice and a [`Look`] (title, language, design, accent colour, logo,
//! which sections to show, and the facts EN 16931 has no term for) into the bytes of a PDF.
//! Invoices Facturo issues and invoices it receives (read from UBL by the `ubl` crate) are
//! the same model, so both print the same way.
//!
//! How it works: the `data` module turns the invoice into one JSON document in which every label is
//! chosen and every number, date and amount in words is already formatted for the language;
//! a design's typst template (`templates/*.typ`, compiled into the crate) reads that JSON as
//! `/data.json` and lays it out. No text of the invoice is ever spliced into typst markup, so
//! a buyer named `#import "x"` or `]` prints as exactly that. The fonts come from the
//! `typst-assets` crate (Libertinus Serif for the Classic design) and the `dejavu` crate
//! (DejaVu Sans for the Modern one), both with Romanian ș and ț (comma below).
//!
//! What it is not: it reads no file, no clock and no network; it does not validate the
//! invoice (an incoming invoice prints as it came) and computes no totals (BG-22 and BG-23
//! print as the invoice has them; call `Invoice::compute_totals` first on a draft). It
//! writes a plain PDF, not PDF/A or Factur-X.
//!
//! Memory: typst memoizes its work per distinct input. [`render`] empties that cache after
//! each document (`comemo::evict(0)`), so a server that renders thousands of invoices stays
//! flat. Fonts and templates are parsed once per process, outside that cache.
//!
//! # Example
//!
//! ```
//! use einvoice::model::{Invoice, Seller};
//! use pdf::{Language, Look, Title};
//!
//! let invoice = Invoice {
//!     number: "FCT-1".into(),
//!     currency: "RON".into(),
//!     seller: Seller { name: "Exemplu SRL".into(), ..Seller::default() },
//!     ..Invoice::default()
//! };
//! let look = Look::new(Title::Invoice, Language::Ro);
//! let bytes = pdf::render(&invoice, &look)?;
//! assert!(bytes.starts_with(b"%PDF-"));
//! # Ok::<(), pdf::PdfError>(())
//! ```

mod data;
mod format;
mod labels;
mod logo;
mod look;
mod parties;
mod words;
mod world;

pub use data::DEFAULT_ACCENT;
pub use labels::{labels, title};
pub use logo::{LogoKind, MAX_LOGO_BYTES, MAX_LOGO_PIXELS, MAX_LOGO_SIDE, check_logo};
pub use look::{
    BankName, Deputy, Design, ExchangeRate, Extra, Language, Logo, Look, Rgb, Show, Title, Typeface,
};
pub use words::amount_in_words;

use einvoice::model::Invoice;
use typst::foundations::{Bytes, Smart};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::world::InvoiceWorld;

/// How many renders an unused typst cache entry survives. typst's cache only pays off for
/// a document rendered twice, and two invoices share little: measured on 1,000 varied
/// invoices, keeping entries for 10 renders made no render faster but held ~150 MiB where
/// 0 holds ~50 MiB (docs/benchmarks.md, "PDF rendering").
const CACHE_AGE: usize = 0;

/// Why a document could not be rendered, or a setting was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The logo is none of the image kinds a logo may be.
    #[error("the logo is not a PNG, JPEG or SVG image")]
    LogoNotImage,
    /// The logo has more bytes than [`MAX_LOGO_BYTES`].
    #[error("the logo has {size} bytes; at most {max} are accepted")]
    LogoTooLarge {
        /// Its size in bytes.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// The logo's pixel size is zero or above [`MAX_LOGO_SIDE`] or [`MAX_LOGO_PIXELS`].
    #[error(
        "the logo is {width} × {height} pixels; at most {MAX_LOGO_SIDE} on a side and {MAX_LOGO_PIXELS} in all are accepted"
    )]
    LogoPixels {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
    },
    /// The logo's header cannot be read.
    #[error("the logo cannot be read: {0}")]
    LogoCorrupt(&'static str),
    /// A colour is not `#rrggbb`.
    #[error("invalid colour '{0}': expected #rrggbb, e.g. #1f6feb")]
    BadColour(String),
    /// A design name is not one of `classic`, `modern`.
    #[error("unknown design '{0}': expected classic, modern")]
    UnknownDesign(String),
    /// A typeface is not one the crate embeds.
    #[error("unknown typeface '{0}': expected Libertinus Serif, DejaVu Sans")]
    UnknownTypeface(String),
    /// A language code is not one of `ro`, `en`, `de`, `fr`.
    #[error("unknown language '{0}': expected ro, en, de or fr")]
    UnknownLanguage(String),
    /// typst could not lay the document out, with its diagnostics (file:line: message).
    #[error("the invoice template failed: {0}")]
    Template(String),
    /// typst laid the document out but could not write it as PDF.
    #[error("the PDF could not be written: {0}")]
    Export(String),
}

/// The PDF of `invoice` as `look` says.
pub fn render(invoice: &Invoice, look: &Look) -> Result<Vec<u8>, PdfError> {
    let logo = look.logo.as_ref().map(|logo| {
        let path = format!("/logo.{}", logo.kind().extension());
        (path, Bytes::new(logo.bytes().clone()))
    });
    let document = data::document(invoice, look, logo.as_ref().map(|(p, _)| p.clone()));
    let json = serde_json::to_vec(&document)
        .map_err(|e| PdfError::Template(format!("the invoice data: {e}")))?;
    let world = InvoiceWorld::new(
        look.design,
        json,
        logo.as_ref().map(|(p, b)| (p.as_str(), b.clone())),
    );
    let compiled = typst::compile::<PagedDocument>(&world).output;
    let result = compiled
        .map_err(|diagnostics| PdfError::Template(world.describe(&diagnostics)))
        .and_then(|paged| {
            let options = PdfOptions {
                ident: Smart::Custom(format!("facturo-{}", invoice.number)),
                ..PdfOptions::default()
            };
            typst_pdf::pdf(&paged, &options)
                .map_err(|diagnostics| PdfError::Export(world.describe(&diagnostics)))
        });
    comemo::evict(CACHE_AGE);
    result
}
