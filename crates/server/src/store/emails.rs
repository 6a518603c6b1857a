//! E-mail templates of a company and the log of document e-mails (issue #7).

use serde_json::Value;
use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{CompanyId, EmailLogId, EmailTemplateId, InvoiceId, TradeDocumentId, UserId};
use crate::{on_db, on_tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TemplateRow {
    pub id: EmailTemplateId,
    pub company_id: CompanyId,
    pub name: String,
    pub subject: String,
    pub body: String,
    pub is_default: bool,
    pub created_at: Ts,
    pub updated_at: Ts,
}

macro_rules! select_templates {
    () => {
        "SELECT id, company_id, name, subject, body, is_default, created_at, updated_at FROM email_templates"
    };
}

pub async fn templates(db: &Db, company: CompanyId) -> Result<Vec<TemplateRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, TemplateRow>(concat!(select_templates!(),
        " WHERE company_id = $1 ORDER BY name, id"))
        .bind(company)
        .fetch_all(c)
        .await)
}

pub async fn template(
    db: &Db,
    company: CompanyId,
    id: EmailTemplateId,
) -> Result<Option<TemplateRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, TemplateRow>(concat!(select_templates!(),
        " WHERE company_id = $1 AND id = $2"))
        .bind(company).bind(id)
        .fetch_optional(c)
        .await)
}

/// The company's default template, if it set one.
pub async fn default_template(
    db: &Db,
    company: CompanyId,
) -> Result<Option<TemplateRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, TemplateRow>(concat!(select_templates!(),
        " WHERE company_id = $1 AND is_default ORDER BY updated_at DESC, id LIMIT 1"))
        .bind(company)
        .fetch_optional(c)
        .await)
}

/// Inserts or replaces a template; a default one makes the company's others not default.
pub async fn save_template(tx: &mut Tx, t: &TemplateRow) -> Result<(), sqlx::Error> {
    if t.is_default {
        on_tx!(tx, c => sqlx::query(
            "UPDATE email_templates SET is_default = FALSE WHERE company_id = $1 AND id <> $2",
        )
        .bind(t.company_id).bind(t.id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    }
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO email_templates (id, company_id, name, subject, body, is_default, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, subject = excluded.subject, body = excluded.body, \
         is_default = excluded.is_default, updated_at = excluded.updated_at",
    )
    .bind(t.id).bind(t.company_id).bind(&t.name).bind(&t.subject).bind(&t.body).bind(t.is_default)
    .bind(t.created_at).bind(t.updated_at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete_template(
    tx: &mut Tx,
    company: CompanyId,
    id: EmailTemplateId,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM email_templates WHERE company_id = $1 AND id = $2")
        .bind(company).bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LogRow {
    pub id: EmailLogId,
    pub company_id: CompanyId,
    pub invoice_id: Option<InvoiceId>,
    /// The proforma or delivery note it sent.
    pub trade_document_id: Option<TradeDocumentId>,
    /// `invoice`, `proforma` or `delivery_note`.
    pub category: String,
    pub to_email: String,
    pub cc_emails: Json<Vec<String>>,
    pub bcc_emails: Json<Vec<String>>,
    pub subject: String,
    pub body: String,
    pub template_id: Option<EmailTemplateId>,
    pub template_used: Option<String>,
    pub from_email: Option<String>,
    pub attachments: Json<Value>,
    pub status: String,
    pub error_message: Option<String>,
    pub sent_by: Option<UserId>,
    pub sent_at: Option<Ts>,
    pub created_at: Ts,
    pub updated_at: Ts,
}

macro_rules! select_logs {
    () => {
        "SELECT id, company_id, invoice_id, trade_document_id, category, to_email, cc_emails, bcc_emails, subject, body, template_id, \
         template_used, from_email, attachments, status, error_message, sent_by, sent_at, created_at, updated_at \
         FROM email_logs"
    };
}

pub async fn insert_log(tx: &mut Tx, l: &LogRow) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO email_logs (id, company_id, invoice_id, category, to_email, cc_emails, bcc_emails, subject, \
         body, template_id, template_used, from_email, attachments, status, error_message, sent_by, sent_at, \
         created_at, updated_at, trade_document_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
    )
    .bind(l.id).bind(l.company_id).bind(l.invoice_id).bind(&l.category).bind(&l.to_email)
    .bind(&l.cc_emails).bind(&l.bcc_emails).bind(&l.subject).bind(&l.body).bind(l.template_id)
    .bind(&l.template_used).bind(&l.from_email).bind(&l.attachments).bind(&l.status)
    .bind(&l.error_message).bind(l.sent_by).bind(l.sent_at).bind(l.created_at).bind(l.updated_at)
    .bind(l.trade_document_id)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A log entry by id alone, for its job.
pub async fn log(db: &Db, id: EmailLogId) -> Result<Option<LogRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, LogRow>(concat!(select_logs!(), " WHERE id = $1"))
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// An invoice's e-mails, newest first.
pub async fn logs_of_invoice(
    db: &Db,
    company: CompanyId,
    invoice: InvoiceId,
) -> Result<Vec<LogRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, LogRow>(concat!(select_logs!(),
        " WHERE company_id = $1 AND invoice_id = $2 ORDER BY created_at DESC, id DESC"))
        .bind(company).bind(invoice)
        .fetch_all(c)
        .await)
}

/// A proforma's or delivery note's e-mails, newest first.
pub async fn logs_of_trade_document(
    db: &Db,
    company: CompanyId,
    document: TradeDocumentId,
) -> Result<Vec<LogRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, LogRow>(concat!(select_logs!(),
        " WHERE company_id = $1 AND trade_document_id = $2 ORDER BY created_at DESC, id DESC"))
        .bind(company).bind(document)
        .fetch_all(c)
        .await)
}

/// Records how sending went: `sent` (with the time and attachments) or `failed` with why.
pub async fn set_outcome(
    tx: &mut Tx,
    id: EmailLogId,
    status: &str,
    error: Option<&str>,
    attachments: &Value,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let sent_at = (status == "sent").then_some(Ts(now));
    on_tx!(tx, c => sqlx::query(
        "UPDATE email_logs SET status = $2, error_message = $3, attachments = $4, sent_at = $5, updated_at = $6 \
         WHERE id = $1",
    )
    .bind(id).bind(status).bind(error).bind(Json(attachments)).bind(sent_at).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Notes the error of a failed attempt on an e-mail that stays queued.
pub async fn note_error(
    tx: &mut Tx,
    id: EmailLogId,
    error: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE email_logs SET error_message = $2, updated_at = $3 WHERE id = $1 AND status = 'queued'",
    )
    .bind(id).bind(error).bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}
