//! How a company's documents print: its logo and its PDF template settings (issue #7).

use super::{Db, Ts, Tx};
use crate::ids::CompanyId;
use crate::{on_db, on_tx};

/// A company's logo, checked by `pdf::check_logo` before it was stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LogoRow {
    pub company_id: CompanyId,
    /// `image/png`, `image/jpeg` or `image/svg+xml`.
    pub media_type: String,
    pub content: Vec<u8>,
    pub updated_at: Ts,
}

pub async fn logo(db: &Db, company: CompanyId) -> Result<Option<LogoRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, LogoRow>(
        "SELECT company_id, media_type, content, updated_at FROM company_logos WHERE company_id = $1",
    )
    .bind(company)
    .fetch_optional(c)
    .await)
}

/// Inserts or replaces the company's logo.
pub async fn save_logo(tx: &mut Tx, logo: &LogoRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO company_logos (company_id, media_type, content, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (company_id) DO UPDATE SET media_type = excluded.media_type, \
         content = excluded.content, updated_at = excluded.updated_at",
    )
    .bind(logo.company_id).bind(&logo.media_type).bind(&logo.content).bind(logo.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes the company's logo; false when it had none.
pub async fn delete_logo(tx: &mut Tx, company: CompanyId) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM company_logos WHERE company_id = $1")
        .bind(company)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// A company's PDF template settings.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PdfConfigRow {
    pub company_id: CompanyId,
    /// `classic` or `modern`.
    pub template_slug: String,
    /// `#rrggbb`; the design's own when `None`.
    pub primary_color: Option<String>,
    /// A typeface `crates/pdf` embeds; the design's own when `None`.
    pub font_family: Option<String>,
    pub show_logo: bool,
    pub show_bank_info: bool,
    pub show_notes: bool,
    pub show_due_date: bool,
    pub show_issuer: bool,
    pub show_total_in_words: bool,
    pub footer_text: Option<String>,
    pub updated_at: Ts,
}

pub async fn pdf_config(db: &Db, company: CompanyId) -> Result<Option<PdfConfigRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, PdfConfigRow>(
        "SELECT company_id, template_slug, primary_color, font_family, show_logo, show_bank_info, \
         show_notes, show_due_date, show_issuer, show_total_in_words, footer_text, updated_at \
         FROM pdf_template_configs WHERE company_id = $1",
    )
    .bind(company)
    .fetch_optional(c)
    .await)
}

/// Inserts or replaces the company's settings.
pub async fn save_pdf_config(tx: &mut Tx, row: &PdfConfigRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO pdf_template_configs (company_id, template_slug, primary_color, font_family, \
         show_logo, show_bank_info, show_notes, show_due_date, show_issuer, show_total_in_words, \
         footer_text, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         ON CONFLICT (company_id) DO UPDATE SET template_slug = excluded.template_slug, \
         primary_color = excluded.primary_color, font_family = excluded.font_family, \
         show_logo = excluded.show_logo, show_bank_info = excluded.show_bank_info, \
         show_notes = excluded.show_notes, show_due_date = excluded.show_due_date, \
         show_issuer = excluded.show_issuer, show_total_in_words = excluded.show_total_in_words, \
         footer_text = excluded.footer_text, updated_at = excluded.updated_at",
    )
    .bind(row.company_id).bind(&row.template_slug).bind(&row.primary_color).bind(&row.font_family)
    .bind(row.show_logo).bind(row.show_bank_info).bind(row.show_notes).bind(row.show_due_date)
    .bind(row.show_issuer).bind(row.show_total_in_words).bind(&row.footer_text).bind(row.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}
