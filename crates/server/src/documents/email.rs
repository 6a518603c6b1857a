//! E-mailing documents to clients (api.md §12.1 and §16 `…/email`): invoices, proformas and
//! delivery notes. Subject and body come from the request, a company template or the defaults
//! for the kind of document, with `{{variables}}` filled in; the PDF (and an invoice's UBL XML)
//! attached; every e-mail in the send log with its status. Sending is a job (`send_document_email`),
//! so a slow or failing SMTP server never holds a request, and failures are retried.

use serde::Serialize;
use serde_json::{Value, json};
use sqlx::types::Json;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::placeholders::{self, TemplateError};
use crate::api::error::{ApiError, FieldError};
use crate::api::wire;
use crate::ids::{ClientId, EmailLogId, EmailTemplateId};
use crate::jobs::{Job, enqueue};
use crate::mail::{Attachment, MailError, Outgoing, is_address};
use crate::plan::Feature;
use crate::state::AppState;
use crate::store::emails::{self, LogRow, TemplateRow};
use crate::store::invoices::InvoiceRecord;
use crate::store::trade_documents::{self, TradeRecord};
use crate::store::{Ts, Tx, clients, invoice_xml, invoices};
use crate::tenancy::CompanyScope;

/// The variables a template may use, with what each is.
pub const VARIABLES: &[(&str, &str)] = &[
    ("documentNumber", "the document's number"),
    (
        "invoiceNumber",
        "the document's number (the name invoices' templates use)",
    ),
    ("issueDate", "its issue date, YYYY-MM-DD"),
    ("dueDate", "its due date, YYYY-MM-DD (empty without one)"),
    ("total", "its total, 2 decimals"),
    (
        "balance",
        "what is left to pay, 2 decimals (a proforma's or delivery note's total)",
    ),
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

/// Fills `{{name}}` placeholders in `text` from `value`; an unclosed placeholder or a name
/// not in [`VARIABLES`] is an error (a template is checked with every value empty).
pub fn render(text: &str, value: impl Fn(&str) -> Option<String>) -> Result<String, TemplateError> {
    placeholders::render(text, VARIABLES, value)
}

/// Checks a template's subject and body (the keys `subject`/`body` name what is wrong).
pub fn check(subject: &str, body: &str) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    for (key, text) in [("subject", subject), ("body", body)] {
        if let Err(e) = placeholders::check(text, VARIABLES) {
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

/// What kind of document an e-mail sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Invoice,
    Proforma,
    DeliveryNote,
}

impl Category {
    /// The send log's `category`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invoice => "invoice",
            Self::Proforma => "proforma",
            Self::DeliveryNote => "delivery_note",
        }
    }

    /// Facturo's subject and body for the kind, used when neither the request nor a template
    /// gives them.
    fn default_texts(self) -> (&'static str, &'static str) {
        match self {
            Self::Invoice => (DEFAULT_SUBJECT, DEFAULT_BODY),
            Self::Proforma => (
                "Factura proformă {{documentNumber}} de la {{companyName}}",
                "Bună ziua,\n\nVă transmitem atașat factura proformă {{documentNumber}} din {{issueDate}}, \
                 în valoare de {{total}} {{currency}}.\n\nCu stimă,\n{{companyName}}",
            ),
            Self::DeliveryNote => (
                "Avizul de însoțire {{documentNumber}} de la {{companyName}}",
                "Bună ziua,\n\nVă transmitem atașat avizul de însoțire a mărfii {{documentNumber}} din \
                 {{issueDate}}.\n\nCu stimă,\n{{companyName}}",
            ),
        }
    }
}

/// A document that can be e-mailed: an invoice, a proforma or a delivery note.
#[derive(Debug, Clone)]
pub enum Mailable {
    Invoice(InvoiceRecord),
    Trade(TradeRecord),
}

impl Mailable {
    pub fn category(&self) -> Category {
        match self {
            Self::Invoice(_) => Category::Invoice,
            Self::Trade(t) if t.kind == "proforma" => Category::Proforma,
            Self::Trade(_) => Category::DeliveryNote,
        }
    }

    pub fn number(&self) -> &str {
        match self {
            Self::Invoice(i) => &i.number,
            Self::Trade(t) => &t.number,
        }
    }

    fn client_id(&self) -> Option<ClientId> {
        match self {
            Self::Invoice(i) => i.client_id,
            Self::Trade(t) => t.client_id,
        }
    }

    /// Refuses what cannot be e-mailed: an incoming, draft or cancelled invoice; a cancelled
    /// proforma; a delivery note that is not issued yet (it has no number) or cancelled.
    fn check_sendable(&self) -> Result<(), ApiError> {
        let refused = |what: &str| Err(ApiError::bad_request(what.to_owned()));
        match self {
            Self::Invoice(inv) if inv.direction != "outgoing" => {
                refused("An incoming invoice is its supplier's: it cannot be e-mailed from here.")
            }
            Self::Invoice(inv) if matches!(inv.status.as_str(), "draft" | "cancelled") => {
                refused(&format!(
                    "A {} invoice cannot be e-mailed: issue it first.",
                    inv.status
                ))
            }
            Self::Trade(t) if t.status == "cancelled" => {
                refused("A cancelled document cannot be e-mailed.")
            }
            Self::Trade(t) if t.kind == "delivery_note" && t.status == "draft" => {
                refused("A draft delivery note cannot be e-mailed: issue it first.")
            }
            _ => Ok(()),
        }
    }

    /// The values of the document's variables.
    pub fn values(&self, scope: &CompanyScope) -> impl Fn(&str) -> Option<String> + use<> {
        let (number, issue, due, total, balance, currency, client) = match self {
            Self::Invoice(i) => (
                &i.number,
                i.issue_date,
                i.due_date,
                i.total,
                i.payable - i.amount_paid,
                &i.currency,
                &i.receiver_name,
            ),
            Self::Trade(t) => (
                &t.number,
                t.issue_date,
                t.due_date,
                t.total,
                t.total,
                &t.currency,
                &t.receiver_name,
            ),
        };
        let v = json!({
            "documentNumber": number,
            "invoiceNumber": number,
            "issueDate": wire::date_text(issue),
            "dueDate": due.map(wire::date_text).unwrap_or_default(),
            "total": wire::amount(total),
            "balance": wire::amount(balance),
            "currency": currency,
            "clientName": client.clone().unwrap_or_default(),
            "companyName": scope.company.name,
            "companyCif": scope.company.cif.to_string(),
        });
        move |name: &str| v.get(name).and_then(Value::as_str).map(str::to_owned)
    }
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

/// The company's default template, which invoices use when a request names none. Proformas
/// and delivery notes use Facturo's texts for their kind unless a request names a template:
/// a company's default template speaks of invoices.
async fn default_template(
    state: &AppState,
    scope: &CompanyScope,
    category: Category,
) -> Result<Option<TemplateRow>, ApiError> {
    if category == Category::Invoice {
        Ok(emails::default_template(&state.db, scope.id()).await?)
    } else {
        Ok(None)
    }
}

/// The client's e-mail address, if the document has a client with one.
async fn client_address(
    state: &AppState,
    scope: &CompanyScope,
    client: Option<ClientId>,
) -> Result<Option<String>, ApiError> {
    Ok(match client {
        Some(c) => clients::get(&state.db, scope.id(), c)
            .await?
            .and_then(|c| c.email)
            .filter(|e| !e.trim().is_empty()),
        None => None,
    })
}

/// The recipient (the client's e-mail), and the subject and body of the company's default
/// template (else Facturo's for the kind of document), filled in.
pub async fn defaults(
    state: &AppState,
    scope: &CompanyScope,
    doc: &Mailable,
) -> Result<Defaults, ApiError> {
    let template = default_template(state, scope, doc.category()).await?;
    let to = client_address(state, scope, doc.client_id()).await?;
    let (subject, body) = template
        .as_ref()
        .map_or(doc.category().default_texts(), |t| {
            (t.subject.as_str(), t.body.as_str())
        });
    let filled = doc.values(scope);
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

/// A checked e-mail, not yet filled in for a document: the addresses, and the subject and body
/// with their `{{variables}}`.
#[derive(Debug, Clone)]
pub struct Letter {
    category: Category,
    to: String,
    cc: Vec<String>,
    bcc: Vec<String>,
    subject: String,
    body: String,
    template: Option<TemplateRow>,
    from: Option<String>,
}

/// Checks a request to e-mail a document of `category`: the plan, SMTP configured, the
/// addresses, the template, the texts. Every wrong field is listed.
pub async fn letter(
    state: &AppState,
    scope: &CompanyScope,
    category: Category,
    req: &SendRequest,
) -> Result<Letter, ApiError> {
    state.require_feature(Feature::EmailSending)?;
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
            default_template(state, scope, category).await?
        }
        None => None,
    };
    let (default_subject, default_body) = category.default_texts();
    let subject = req.subject.clone().unwrap_or_else(|| {
        template
            .as_ref()
            .map_or(default_subject.to_owned(), |t| t.subject.clone())
    });
    let body = req.body.clone().unwrap_or_else(|| {
        template
            .as_ref()
            .map_or(default_body.to_owned(), |t| t.body.clone())
    });
    if let Err(more) = check(&subject, &body) {
        errors.extend(more);
    }
    if !errors.is_empty() {
        return Err(crate::documents::save::invalid(errors));
    }
    Ok(Letter {
        category,
        to,
        cc: req.cc.iter().map(|a| a.trim().to_owned()).collect(),
        bcc: req.bcc.iter().map(|a| a.trim().to_owned()).collect(),
        subject,
        body,
        template,
        from: state.mailer.from_address(),
    })
}

impl Letter {
    /// The send-log entry (`queued`) of this letter filled in for `doc`.
    pub fn log_for(
        &self,
        doc: &Mailable,
        scope: &CompanyScope,
        now: OffsetDateTime,
    ) -> Result<LogRow, ApiError> {
        debug_assert_eq!(self.category, doc.category());
        let filled = doc.values(scope);
        let render_or =
            |text: &str| render(text, &filled).map_err(|e| ApiError::bad_request(e.to_string()));
        let (invoice_id, trade_document_id) = match doc {
            Mailable::Invoice(i) => (Some(i.id), None),
            Mailable::Trade(t) => (None, Some(t.id)),
        };
        Ok(LogRow {
            id: EmailLogId::new(),
            company_id: scope.id(),
            invoice_id,
            trade_document_id,
            category: self.category.as_str().into(),
            to_email: self.to.clone(),
            cc_emails: Json(self.cc.clone()),
            bcc_emails: Json(self.bcc.clone()),
            subject: render_or(&self.subject)?.replace(['\r', '\n'], " "),
            body: render_or(&self.body)?,
            template_id: self.template.as_ref().map(|t| t.id),
            template_used: self.template.as_ref().map(|t| t.name.clone()),
            from_email: self.from.clone(),
            attachments: Json(json!([])),
            status: "queued".into(),
            error_message: None,
            sent_by: Some(scope.principal.user.id),
            sent_at: None,
            created_at: Ts(now),
            updated_at: Ts(now),
        })
    }
}

/// Writes a send-log entry and the job that sends it at `send_at`, in the caller's
/// transaction.
pub async fn queue(
    tx: &mut Tx,
    log: &LogRow,
    send_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    emails::insert_log(tx, log).await?;
    enqueue(
        tx,
        &Job::SendDocumentEmail { log_id: log.id },
        send_at,
        None,
        now,
    )
    .await?;
    Ok(())
}

/// Queues the e-mail of a document: checks the document, the addresses and the texts, fills
/// them in, and writes the log entry (`queued`) with its job in one transaction.
pub async fn send(
    state: &AppState,
    scope: &CompanyScope,
    doc: &Mailable,
    req: &SendRequest,
    now: OffsetDateTime,
) -> Result<LogRow, ApiError> {
    doc.check_sendable()?;
    let letter = letter(state, scope, doc.category(), req).await?;
    let log = letter.log_for(doc, scope, now)?;
    let mut tx = state.db.begin().await?;
    queue(&mut tx, &log, now, now).await?;
    tx.commit().await?;
    Ok(log)
}

/// The recipient of an automatic e-mail (a recurring invoice's): the client's address, or why
/// there is none.
pub async fn automatic_recipient(
    state: &AppState,
    scope: &CompanyScope,
    client: Option<ClientId>,
) -> Result<String, ApiError> {
    client_address(state, scope, client)
        .await?
        .ok_or_else(|| ApiError::unprocessable("the client has no e-mail address"))
}

/// Why a queued e-mail could not be sent, and whether to try again.
#[derive(Debug)]
pub enum SendFailure {
    /// Worth another attempt (the SMTP server is busy or down).
    Transient(String),
    /// Final: said in the log.
    Permanent(String),
}

/// The files an e-mail attaches: an invoice's PDF and UBL XML; a proforma's or delivery
/// note's PDF. PDFs are left out when the licence excludes `pdfGeneration`. `Ok(None)` when
/// the document is gone.
async fn attachments(
    state: &AppState,
    scope: &CompanyScope,
    log: &LogRow,
) -> Result<Option<Vec<Attachment>>, ApiError> {
    let pdf = |filename: String, bytes: Vec<u8>| Attachment {
        filename,
        content_type: "application/pdf".into(),
        bytes,
    };
    let with_pdf = state.has_feature(Feature::PdfGeneration);
    if let Some(invoice) = log.invoice_id {
        let Some(record) = invoices::get(&state.db, log.company_id, invoice).await? else {
            return Ok(None);
        };
        let mut files = Vec::new();
        if with_pdf {
            let lines = invoices::lines(&state.db, invoice).await?;
            let bytes = super::printing::invoice_pdf(state, scope, &record, &lines).await?;
            files.push(pdf(super::printing::pdf_filename(&record), bytes));
        }
        if let Some(xml) = invoice_xml::get(&state.db, log.company_id, invoice).await? {
            files.push(Attachment {
                filename: super::printing::xml_filename(&record),
                content_type: "application/xml".into(),
                bytes: xml.into_bytes(),
            });
        }
        return Ok(Some(files));
    }
    let Some(id) = log.trade_document_id else {
        return Ok(None);
    };
    let Some(record) = trade_documents::get(&state.db, log.company_id, &log.category, id).await?
    else {
        return Ok(None);
    };
    if !with_pdf {
        return Ok(Some(Vec::new()));
    }
    let bytes =
        super::printing::trade_pdf(state, scope, &record, super::printing::Hide::default()).await?;
    Ok(Some(vec![pdf(
        super::printing::trade_filename(&record),
        bytes,
    )]))
}

/// Sends a queued e-mail (the job): renders the document's PDF (and an invoice's XML), and
/// hands the message to SMTP; the log says `sent` or `failed` with why.
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
    let Some(sender) = log.sent_by else {
        return fail("The sender is gone.".into()).await;
    };
    let scope = match CompanyScope::acting_as(state, sender, log.company_id).await {
        Ok(s) => s,
        Err(e) => return fail(e.to_string()).await,
    };
    let attachments = match attachments(state, &scope, &log).await {
        Ok(Some(files)) => files,
        Ok(None) => return fail("The document was deleted before it was sent.".into()).await,
        Err(e) => return Err(SendFailure::Transient(e.to_string())),
    };
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
