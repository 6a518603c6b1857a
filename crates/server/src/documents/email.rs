//! E-mailing invoices to clients (api.md §12.1 `…/email`): subject and body from the request,
//! a company template or the defaults, with `{{variables}}` filled in; the PDF and the UBL XML
//! attached; every e-mail in the send log with its status. Sending is a job (`send_document_email`),
//! so a slow or failing SMTP server never holds a request, and failures are retried.

use serde::Serialize;
use serde_json::{Value, json};
use sqlx::types::Json;
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::api::error::{ApiError, FieldError};
use crate::api::wire;
use crate::ids::{EmailLogId, EmailTemplateId, InvoiceId};
use crate::jobs::{Job, enqueue};
use crate::mail::{Attachment, MailError, Outgoing, is_address};
use crate::state::AppState;
use crate::store::emails::{self, LogRow, TemplateRow};
use crate::store::invoices::InvoiceRecord;
use crate::store::{Ts, clients, invoice_xml, invoices};
use crate::tenancy::CompanyScope;

/// The variables a template may use, with what each is.
pub const VARIABLES: &[(&str, &str)] = &[
    ("documentNumber", "the invoice's number"),
    ("invoiceNumber", "the invoice's number"),
    ("issueDate", "its issue date, YYYY-MM-DD"),
    ("dueDate", "its due date, YYYY-MM-DD (empty without one)"),
    ("total", "its total, 2 decimals"),
    ("balance", "what is left to pay, 2 decimals"),
    ("currency", "its currency"),
    ("clientName", "the buyer's name"),
    ("companyName", "the seller's (your company's) name"),
    ("companyCif", "the seller's CIF"),
];

/// The subject used when neither the request nor a template gives one.
pub const DEFAULT_SUBJECT: &str = "Factura {{invoiceNumber}} de la {{companyName}}";
/// The body used when neither the request nor a template gives one.
pub const DEFAULT_BODY: &str = "Bună ziua,\n\nVă transmitem atașat factura {{invoiceNumber}} din {{issueDate}}, \
în valoare de {{total}} {{currency}}, scadentă la {{dueDate}}.\n\nCu stimă,\n{{companyName}}";

/// Why a template cannot be filled in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("'{{{{' at character {0} is not closed with '}}}}'")]
    Unclosed(usize),
    #[error("unknown variable {{{{{0}}}}}; known: {1}")]
    Unknown(String, String),
}

/// Fills `{{name}}` placeholders in `text` from `value`; an unclosed placeholder or an
/// unknown name is an error (a template is checked with every value empty).
pub fn render(text: &str, value: impl Fn(&str) -> Option<String>) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| TemplateError::Unclosed(text[..offset + start].chars().count() + 1))?;
        let name = after[..end].trim();
        let filled = value(name).ok_or_else(|| {
            let known: Vec<&str> = VARIABLES.iter().map(|(n, _)| *n).collect();
            TemplateError::Unknown(name.to_owned(), known.join(", "))
        })?;
        out.push_str(&filled);
        let consumed = start + 2 + end + 2;
        offset += consumed;
        rest = &rest[consumed..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Checks a template's subject and body (the keys `subject`/`body` name what is wrong).
pub fn check(subject: &str, body: &str) -> Result<(), Vec<FieldError>> {
    let blank = |name: &str| VARIABLES.iter().any(|(n, _)| *n == name).then(String::new);
    let mut errors = Vec::new();
    for (key, text) in [("subject", subject), ("body", body)] {
        if let Err(e) = render(text, blank) {
            errors.push(FieldError::new(key, e.to_string()));
        }
    }
    if subject.trim().is_empty() {
        errors.push(FieldError::new("subject", "The subject is required."));
    }
    if subject.len() > 500 || body.len() > 50_000 {
        errors.push(FieldError::new(
            "body",
            "At most 500 characters of subject and 50,000 of body.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The values of an invoice's variables.
pub fn values(inv: &InvoiceRecord, scope: &CompanyScope) -> impl Fn(&str) -> Option<String> {
    let v = json!({
        "documentNumber": inv.number,
        "invoiceNumber": inv.number,
        "issueDate": wire::date_text(inv.issue_date),
        "dueDate": inv.due_date.map(wire::date_text).unwrap_or_default(),
        "total": wire::amount(inv.total),
        "balance": wire::amount(inv.payable - inv.amount_paid),
        "currency": inv.currency,
        "clientName": inv.receiver_name.clone().unwrap_or_default(),
        "companyName": scope.company.name,
        "companyCif": scope.company.cif.to_string(),
    });
    move |name: &str| v.get(name).and_then(Value::as_str).map(str::to_owned)
}

/// What `email-defaults` proposes.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Defaults {
    pub to: Option<String>,
    pub subject: String,
    pub body: String,
    pub template_id: Option<EmailTemplateId>,
}

/// The recipient (the client's e-mail), and the subject and body of the company's default
/// template (else Facturo's), filled in.
pub async fn defaults(
    state: &AppState,
    scope: &CompanyScope,
    inv: &InvoiceRecord,
) -> Result<Defaults, ApiError> {
    let template = emails::default_template(&state.db, scope.id()).await?;
    let to = match inv.client_id {
        Some(c) => clients::get(&state.db, scope.id(), c)
            .await?
            .and_then(|c| c.email),
        None => None,
    };
    let (subject, body) = template
        .as_ref()
        .map_or((DEFAULT_SUBJECT, DEFAULT_BODY), |t| {
            (t.subject.as_str(), t.body.as_str())
        });
    let filled = values(inv, scope);
    Ok(Defaults {
        to,
        subject: render(subject, &filled).map_err(|e| ApiError::unprocessable(e.to_string()))?,
        body: render(body, &filled).map_err(|e| ApiError::unprocessable(e.to_string()))?,
        template_id: template.map(|t| t.id),
    })
}

/// What a client asks to send.
#[derive(Debug, Clone, Default, serde::Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SendRequest {
    pub to: Option<String>,
    #[serde(default)]
    pub cc: Vec<String>,
    #[serde(default)]
    pub bcc: Vec<String>,
    /// Filled in like a template's; default the template's (or Facturo's).
    pub subject: Option<String>,
    pub body: Option<String>,
    pub template_id: Option<EmailTemplateId>,
}

/// At most this many addresses in all.
const MAX_RECIPIENTS: usize = 20;

/// Queues the e-mail of an invoice: checks the invoice and the addresses, fills in the text,
/// and writes the log entry (`queued`) with its job in one transaction.
pub async fn send_invoice(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
    req: &SendRequest,
    now: OffsetDateTime,
) -> Result<LogRow, ApiError> {
    let inv = invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    if inv.direction != "outgoing" {
        return Err(ApiError::bad_request(
            "An incoming invoice is its supplier's: it cannot be e-mailed from here.",
        ));
    }
    if matches!(inv.status.as_str(), "draft" | "cancelled") {
        return Err(ApiError::bad_request(format!(
            "A {} invoice cannot be e-mailed: issue it first.",
            inv.status
        )));
    }
    if !state.mailer.is_configured() {
        return Err(ApiError::unprocessable(
            "E-mail is not configured on this server: set FACTURO_SMTP_URL.",
        ));
    }
    let mut errors = Vec::new();
    let to = req
        .to
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    if to.is_empty() {
        errors.push(FieldError::new("to", "The recipient is required."));
    } else if !is_address(&to) {
        errors.push(FieldError::new(
            "to",
            format!("'{to}' is not an e-mail address."),
        ));
    }
    for (key, list) in [("cc", &req.cc), ("bcc", &req.bcc)] {
        for (i, a) in list.iter().enumerate() {
            if !is_address(a.trim()) {
                errors.push(FieldError::new(
                    format!("{key}[{i}]"),
                    format!("'{a}' is not an e-mail address."),
                ));
            }
        }
    }
    if 1 + req.cc.len() + req.bcc.len() > MAX_RECIPIENTS {
        errors.push(FieldError::new(
            "cc",
            format!("At most {MAX_RECIPIENTS} recipients in all."),
        ));
    }
    let template: Option<TemplateRow> = match req.template_id {
        Some(t) => {
            let found = emails::template(&state.db, scope.id(), t).await?;
            if found.is_none() {
                errors.push(FieldError::new("templateId", "E-mail template not found."));
            }
            found
        }
        None if req.subject.is_none() || req.body.is_none() => {
            emails::default_template(&state.db, scope.id()).await?
        }
        None => None,
    };
    let subject = req.subject.clone().unwrap_or_else(|| {
        template
            .as_ref()
            .map_or(DEFAULT_SUBJECT.to_owned(), |t| t.subject.clone())
    });
    let body = req.body.clone().unwrap_or_else(|| {
        template
            .as_ref()
            .map_or(DEFAULT_BODY.to_owned(), |t| t.body.clone())
    });
    if let Err(more) = check(&subject, &body) {
        errors.extend(more);
    }
    if !errors.is_empty() {
        return Err(crate::documents::save::invalid(errors));
    }
    let filled = values(&inv, scope);
    let render_or =
        |text: &str| render(text, &filled).map_err(|e| ApiError::bad_request(e.to_string()));
    let log = LogRow {
        id: EmailLogId::new(),
        company_id: scope.id(),
        invoice_id: Some(id),
        category: "invoice".into(),
        to_email: to,
        cc_emails: Json(req.cc.iter().map(|a| a.trim().to_owned()).collect()),
        bcc_emails: Json(req.bcc.iter().map(|a| a.trim().to_owned()).collect()),
        subject: render_or(&subject)?.replace(['\r', '\n'], " "),
        body: render_or(&body)?,
        template_id: template.as_ref().map(|t| t.id),
        template_used: template.as_ref().map(|t| t.name.clone()),
        from_email: state.mailer.from_address(),
        attachments: Json(json!([])),
        status: "queued".into(),
        error_message: None,
        sent_by: Some(scope.principal.user.id),
        sent_at: None,
        created_at: Ts(now),
        updated_at: Ts(now),
    };
    let mut tx = state.db.begin().await?;
    emails::insert_log(&mut tx, &log).await?;
    enqueue(
        &mut tx,
        &Job::SendDocumentEmail { log_id: log.id },
        now,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(log)
}

/// Why a queued e-mail could not be sent, and whether to try again.
#[derive(Debug)]
pub enum SendFailure {
    /// Worth another attempt (the SMTP server is busy or down).
    Transient(String),
    /// Final: said in the log.
    Permanent(String),
}

/// Sends a queued e-mail (the job): renders the invoice's PDF, takes its XML, and hands the
/// message to SMTP; the log says `sent` or `failed` with why.
pub async fn deliver(state: &AppState, id: EmailLogId) -> Result<(), SendFailure> {
    let db = |e: sqlx::Error| SendFailure::Transient(format!("database: {e}"));
    let Some(log) = emails::log(&state.db, id).await.map_err(db)? else {
        return Ok(());
    };
    if log.status != "queued" {
        return Ok(());
    }
    let now = state.now();
    let fail = |message: String| async move {
        outcome(state, id, "failed", Some(&message), &json!([]), now)
            .await
            .map_err(|e| SendFailure::Transient(format!("database: {e}")))?;
        Err(SendFailure::Permanent(message))
    };
    let (Some(invoice), Some(sender)) = (log.invoice_id, log.sent_by) else {
        return fail("The invoice or its sender is gone.".into()).await;
    };
    let scope = match CompanyScope::acting_as(state, sender, log.company_id).await {
        Ok(s) => s,
        Err(e) => return fail(e.to_string()).await,
    };
    let Some(record) = invoices::get(&state.db, log.company_id, invoice)
        .await
        .map_err(db)?
    else {
        return fail("The invoice was deleted before it was sent.".into()).await;
    };
    let lines = invoices::lines(&state.db, invoice).await.map_err(db)?;
    let pdf = super::printing::invoice_pdf(state, &scope, &record, &lines)
        .await
        .map_err(|e| SendFailure::Transient(e.to_string()))?;
    let mut attachments = vec![Attachment {
        filename: super::printing::pdf_filename(&record),
        content_type: "application/pdf".into(),
        bytes: pdf,
    }];
    if let Some(xml) = invoice_xml::get(&state.db, log.company_id, invoice)
        .await
        .map_err(db)?
    {
        attachments.push(Attachment {
            filename: super::printing::xml_filename(&record),
            content_type: "application/xml".into(),
            bytes: xml.into_bytes(),
        });
    }
    let names: Value = attachments.iter().map(|a| a.filename.clone()).collect();
    let mail = Outgoing {
        to: log.to_email.clone(),
        cc: log.cc_emails.0.clone(),
        bcc: log.bcc_emails.0.clone(),
        subject: log.subject.clone(),
        text: log.body.clone(),
        attachments,
    };
    match state.mailer.send_outgoing(&mail).await {
        Ok(()) => outcome(state, id, "sent", None, &names, state.now())
            .await
            .map_err(db),
        Err(e @ MailError::Smtp(_)) if e.is_transient() => {
            // Still queued; the log says why while the job tries again.
            let mut tx = state.db.begin().await.map_err(db)?;
            emails::note_error(&mut tx, id, &e.to_string(), state.now())
                .await
                .map_err(db)?;
            tx.commit().await.map_err(db)?;
            Err(SendFailure::Transient(e.to_string()))
        }
        Err(e) => fail(e.to_string()).await,
    }
}

/// Writes how sending went.
async fn outcome(
    state: &AppState,
    id: EmailLogId,
    status: &str,
    error: Option<&str>,
    attachments: &Value,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let mut tx = state.db.begin().await?;
    emails::set_outcome(&mut tx, id, status, error, attachments, now).await?;
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(name: &str) -> Option<String> {
        match name {
            "invoiceNumber" => Some("FCT0042".into()),
            "total" => Some("1.935,99".into()),
            _ => None,
        }
    }

    #[test]
    fn placeholders_are_filled_and_text_around_them_kept() {
        assert_eq!(
            render("Factura {{invoiceNumber}}: {{ total }} lei", vars).unwrap(),
            "Factura FCT0042: 1.935,99 lei"
        );
        assert_eq!(
            render("fără variabile } {", vars).unwrap(),
            "fără variabile } {"
        );
        assert_eq!(
            render("ăîșț {{invoiceNumber}}", vars).unwrap(),
            "ăîșț FCT0042"
        );
    }

    #[test]
    fn an_unclosed_or_unknown_placeholder_is_an_error() {
        assert_eq!(
            render("Factură {{invoiceNumber}} {{total", vars),
            Err(TemplateError::Unclosed(27))
        );
        let e = render("{{nume}}", vars).unwrap_err();
        assert!(e.to_string().contains("unknown variable {{nume}}"), "{e}");
        assert!(e.to_string().contains("invoiceNumber"), "{e}");
        assert!(check("Factura {{invoiceNumber}}", "{{dueDate}} {{oops}}").is_err());
        assert!(check("Factura {{invoiceNumber}}", "Scadentă: {{dueDate}}").is_ok());
        assert!(check(" ", "x").is_err(), "a subject is required");
        assert!(check(DEFAULT_SUBJECT, DEFAULT_BODY).is_ok());
    }
}
