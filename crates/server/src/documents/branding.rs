//! How a company's documents print (issue #7): its PDF template settings (design, colour,
//! typeface, which sections show, a footer line) and its logo, checked when saved and applied
//! to every PDF the company prints — invoices, credit notes, proformas, delivery notes, the
//! PDFs e-mails attach, and the settings' own preview.

use std::sync::Arc;

use pdf::{Design, Logo, Look, Rgb, Typeface};
use serde_json::json;
use time::{Date, OffsetDateTime};

use super::draft;
use super::input::InvoiceInput;
use crate::api::error::{ApiError, FieldError};
use crate::api::json::Patch;
use crate::ids::CompanyId;
use crate::state::AppState;
use crate::store::Ts;
use crate::store::branding::{self as store, LogoRow, PdfConfigRow};
use crate::tenancy::CompanyScope;

/// The longest footer line: one line at the foot of an A4 page.
pub const MAX_FOOTER_CHARS: usize = 300;

/// The settings of a company that never saved any.
pub fn defaults(company: CompanyId, now: OffsetDateTime) -> PdfConfigRow {
    PdfConfigRow {
        company_id: company,
        template_slug: Design::default().slug().to_owned(),
        primary_color: None,
        font_family: None,
        show_logo: true,
        show_bank_info: true,
        show_notes: true,
        show_due_date: true,
        show_issuer: true,
        show_total_in_words: true,
        footer_text: None,
        updated_at: Ts(now),
    }
}

/// The company's settings, or the defaults.
pub async fn settings(state: &AppState, company: CompanyId) -> Result<PdfConfigRow, ApiError> {
    Ok(store::pdf_config(&state.db, company)
        .await?
        .unwrap_or_else(|| defaults(company, state.now())))
}

/// A change to the settings; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct Change {
    pub design: Option<String>,
    /// `Null` goes back to the design's own colour.
    pub color: Patch<String>,
    /// `Null` goes back to the design's own typeface.
    pub typeface: Patch<String>,
    pub show_logo: Option<bool>,
    pub show_bank_info: Option<bool>,
    pub show_notes: Option<bool>,
    pub show_due_date: Option<bool>,
    pub show_issuer: Option<bool>,
    pub show_total_in_words: Option<bool>,
    /// `Null` removes the line.
    pub footer: Patch<String>,
    /// CSS of the incumbent's HTML renderer, which typst cannot apply.
    pub custom_css: Option<String>,
}

/// `current` with `change` applied, every field checked: the errors name each bad field.
pub fn apply(mut row: PdfConfigRow, change: Change) -> Result<PdfConfigRow, Vec<FieldError>> {
    let mut errors = Vec::new();
    if let Some(slug) = change.design {
        match slug.parse::<Design>() {
            Ok(d) => d.slug().clone_into(&mut row.template_slug),
            Err(e) => errors.push(FieldError::new("templateSlug", e.to_string())),
        }
    }
    match blank_is_null(change.color) {
        Patch::Absent => {}
        Patch::Null => row.primary_color = None,
        Patch::Value(c) => match Rgb::parse(&c) {
            Ok(rgb) => row.primary_color = Some(rgb.to_string()),
            Err(e) => errors.push(FieldError::new("primaryColor", e.to_string())),
        },
    }
    match blank_is_null(change.typeface) {
        Patch::Absent => {}
        Patch::Null => row.font_family = None,
        Patch::Value(f) => match f.parse::<Typeface>() {
            Ok(t) => row.font_family = Some(t.family().to_owned()),
            Err(e) => errors.push(FieldError::new("fontFamily", e.to_string())),
        },
    }
    match blank_is_null(change.footer.map(|f| f.trim().to_owned())) {
        Patch::Absent => {}
        Patch::Null => row.footer_text = None,
        Patch::Value(f) if f.chars().count() > MAX_FOOTER_CHARS => errors.push(FieldError::new(
            "footerText",
            format!("At most {MAX_FOOTER_CHARS} characters fit the foot of a page."),
        )),
        Patch::Value(f) if f.contains(['\n', '\r']) => errors.push(FieldError::new(
            "footerText",
            "The footer is one line: remove the line breaks.",
        )),
        Patch::Value(f) => row.footer_text = Some(f),
    }
    if change.custom_css.is_some_and(|css| !css.trim().is_empty()) {
        errors.push(FieldError::new(
            "customCss",
            "PDFs are laid out by typst, not HTML: CSS cannot apply. Use templateSlug, \
             primaryColor, fontFamily and the show* switches.",
        ));
    }
    let flags = [
        (change.show_logo, &mut row.show_logo),
        (change.show_bank_info, &mut row.show_bank_info),
        (change.show_notes, &mut row.show_notes),
        (change.show_due_date, &mut row.show_due_date),
        (change.show_issuer, &mut row.show_issuer),
        (change.show_total_in_words, &mut row.show_total_in_words),
    ];
    for (value, field) in flags {
        if let Some(v) = value {
            *field = v;
        }
    }
    if errors.is_empty() {
        Ok(row)
    } else {
        Err(errors)
    }
}

/// An empty or blank text counts as `null`.
fn blank_is_null(p: Patch<String>) -> Patch<String> {
    match p {
        Patch::Value(v) if v.trim().is_empty() => Patch::Null,
        p => p,
    }
}

/// What the company's settings and logo make of every document it prints.
#[derive(Debug, Clone)]
pub struct Branding {
    settings: PdfConfigRow,
    logo: Option<Logo>,
}

impl Branding {
    /// The settings and logo of `company`; the logo only when the settings show it.
    pub async fn of(state: &AppState, company: CompanyId) -> Result<Self, ApiError> {
        let settings = settings(state, company).await?;
        Self::with(state, company, settings).await
    }

    /// `settings` (saved or not, for a preview) with the company's stored logo.
    pub async fn with(
        state: &AppState,
        company: CompanyId,
        settings: PdfConfigRow,
    ) -> Result<Self, ApiError> {
        let logo = if settings.show_logo {
            store::logo(&state.db, company)
                .await?
                .and_then(|row| logo_of(&row))
        } else {
            None
        };
        Ok(Self { settings, logo })
    }

    /// `look` in the company's design, colour, typeface, logo and footer, without the
    /// sections the company hides. What the document itself hides (a delivery note's prices)
    /// stays hidden.
    pub fn apply(&self, mut look: Look) -> Look {
        let s = &self.settings;
        look.design = s.template_slug.parse().unwrap_or_default();
        look.accent = s.primary_color.as_deref().and_then(|c| Rgb::parse(c).ok());
        look.typeface = s.font_family.as_deref().and_then(|f| f.parse().ok());
        look.footer_note.clone_from(&s.footer_text);
        look.logo.clone_from(&self.logo);
        let show = &mut look.show;
        show.bank_accounts &= s.show_bank_info;
        show.notes &= s.show_notes;
        show.due_date &= s.show_due_date;
        show.issuer &= s.show_issuer;
        show.total_in_words &= s.show_total_in_words;
        look
    }
}

/// The stored logo as the PDF crate takes it. A row that no longer passes the crate's check
/// (its limits changed) prints without a logo rather than failing every PDF.
fn logo_of(row: &LogoRow) -> Option<Logo> {
    match Logo::new(Arc::<[u8]>::from(row.content.as_slice())) {
        Ok(logo) => Some(logo),
        Err(e) => {
            tracing::warn!(company = %row.company_id, error = %e, "stored logo skipped");
            None
        }
    }
}

/// A two-line invoice from the company to an example client, issued `today`: what the
/// settings' preview prints.
pub async fn sample(
    state: &AppState,
    scope: &CompanyScope,
    today: Date,
) -> Result<einvoice::model::Invoice, ApiError> {
    let company = &scope.company;
    let input: InvoiceInput = serde_json::from_value(json!({
        "currency": company.default_currency,
        "paymentTerms": "30",
        "notes": "Exemplu de factură: previzualizarea setărilor PDF.",
        "lines": [
            { "description": "Servicii de consultanță", "quantity": "10", "unitOfMeasure": "ore",
              "unitPrice": "150.00", "vatRate": "21" },
            { "description": "Licență anuală", "quantity": "1", "unitOfMeasure": "buc",
              "unitPrice": "1200.00", "vatRate": "21" }
        ]
    }))
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("the sample invoice: {e}")))?;
    let mut built = draft::build(&input, company, today)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("the sample invoice: {e:?}")))?;
    built.due_date = built
        .due_date
        .or(today.checked_add(time::Duration::days(30)));
    let buyer = json!({
        "name": "Client Exemplu SRL", "cui": "RO12345674", "address": "Str. Exemplului 1",
        "city": "Sector 1", "county": "B", "country": "RO"
    });
    super::issue::document_as_of_now(state, company, &built, "EXEMPLU-0001", Some(&buyer)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> PdfConfigRow {
        defaults(CompanyId::new(), OffsetDateTime::UNIX_EPOCH)
    }

    #[test]
    fn a_change_is_checked_field_by_field() {
        let bad = apply(
            row(),
            Change {
                design: Some("bold".into()),
                color: Patch::Value("blue".into()),
                typeface: Patch::Value("Comic Sans".into()),
                footer: Patch::Value("x".repeat(301)),
                custom_css: Some("body { color: red }".into()),
                ..Change::default()
            },
        )
        .unwrap_err();
        let keys: Vec<_> = bad.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "templateSlug",
                "primaryColor",
                "fontFamily",
                "footerText",
                "customCss"
            ]
        );
        assert!(bad[0].message.contains("classic, modern"), "{bad:?}");

        let good = apply(
            row(),
            Change {
                design: Some("Modern".into()),
                color: Patch::Value("#C0392B".into()),
                typeface: Patch::Value("libertinus serif".into()),
                footer: Patch::Value("  Mulțumim!  ".into()),
                show_bank_info: Some(false),
                custom_css: Some(String::new()),
                ..Change::default()
            },
        )
        .unwrap();
        assert_eq!(good.template_slug, "modern");
        assert_eq!(good.primary_color.as_deref(), Some("#c0392b"));
        assert_eq!(good.font_family.as_deref(), Some("Libertinus Serif"));
        assert_eq!(good.footer_text.as_deref(), Some("Mulțumim!"));
        assert!(!good.show_bank_info && good.show_notes);

        let back = apply(
            good,
            Change {
                color: Patch::Null,
                typeface: Patch::Value(String::new()),
                footer: Patch::Null,
                ..Change::default()
            },
        )
        .unwrap();
        assert_eq!(
            (back.primary_color, back.font_family, back.footer_text),
            (None, None, None)
        );
    }

    #[test]
    fn branding_hides_what_the_company_hides_and_keeps_what_the_document_hides() {
        let mut settings = row();
        settings.show_notes = false;
        settings.template_slug = "modern".into();
        let branding = Branding {
            settings,
            logo: None,
        };
        let mut look = Look::new(pdf::Title::DeliveryNote, pdf::Language::Ro);
        look.show.prices = false;
        let look = branding.apply(look);
        assert_eq!(look.design, Design::Modern);
        assert!(!look.show.notes && !look.show.prices && look.show.bank_accounts);
    }
}
