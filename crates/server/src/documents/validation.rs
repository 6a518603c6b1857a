//! The native validator on an invoice's UBL, its findings added to the pre-check report with
//! the API field each concerns, so a form can highlight it (issue #3: "BT-48 → the client's VAT
//! code").

use super::checks::{Finding, Report};
use super::ubl::Parties;
use crate::api::error::ApiError;
use crate::state::AppState;
use crate::store::invoices::{InvoiceRecord, LineRecord};
use crate::store::{bank_accounts, clients, invoice_xml, invoices, series, vat_rates};
use crate::tenancy::CompanyScope;

/// Validates `xml` and adds the findings to `report` (a rule the pre-checks already reported is
/// not repeated); `report.valid` then says whether ANAF would accept the document.
pub fn add_findings(report: &mut Report, xml: &str) {
    let result = rules::validate(xml.as_bytes());
    for f in result.findings {
        if report
            .errors
            .iter()
            .chain(&report.warnings)
            .any(|known| known.rule_id == f.rule)
        {
            continue;
        }
        let blocking = f.severity.is_blocking();
        let finding = Finding {
            field: field(f.terms, &f.location),
            message: f.message.en.into_owned(),
            message_ro: Some(f.message.ro.into_owned()),
            source: match f.rule_set {
                rules::RuleSet::XsdUbl => "xsd",
                rules::RuleSet::En16931Ubl | rules::RuleSet::CiusRo => "schematron",
            },
            rule_id: f.rule,
            severity: f.severity.as_str(),
            location: f.location,
        };
        if blocking {
            report.errors.push(finding);
        } else {
            report.warnings.push(finding);
        }
    }
    report.valid = report.errors.is_empty();
    report.schematron_available = true;
}

/// The API field of the first business term that has one: a line's own field for line terms
/// (the line's position comes from the location), the company's or the client's for the
/// parties.
fn field(terms: &[&str], location: &str) -> Option<String> {
    let line = line_index(location);
    terms.iter().find_map(|term| {
        if let Some(i) = line
            && let Some(f) = line_field(term)
        {
            return Some(format!("lines[{i}].{f}"));
        }
        document_field(term).map(str::to_owned)
    })
}

/// `cac:InvoiceLine[3]` (or `cac:CreditNoteLine[3]`) in a location → 2.
fn line_index(location: &str) -> Option<usize> {
    let at = location.find("Line[")? + "Line[".len();
    let end = location[at..].find(']')? + at;
    location[at..end].parse::<usize>().ok()?.checked_sub(1)
}

fn line_field(term: &str) -> Option<&'static str> {
    Some(match term {
        "BT-127" => "lineNote",
        "BT-129" => "quantity",
        "BT-130" => "unitOfMeasure",
        "BT-133" => "buyerAccountingRef",
        "BT-136" | "BT-137" | "BT-138" | "BT-139" | "BT-140" | "BG-27" => "discount",
        "BT-141" | "BT-142" | "BT-143" | "BT-144" | "BT-145" | "BG-28" => {
            "ublExtensions.allowanceCharges"
        }
        "BT-146" | "BT-148" => "unitPrice",
        "BT-149" | "BT-150" => "priceBaseQuantity",
        "BT-151" => "vatCategoryCode",
        "BT-152" => "vatRate",
        "BT-153" | "BT-154" => "description",
        "BT-155" => "productCode",
        "BT-156" => "buyerItemIdentification",
        "BT-157" => "standardItemIdentification",
        "BT-158" => "cpvCode",
        "BT-159" => "ublExtensions.originCountry",
        "BT-160" | "BT-161" => "ublExtensions.additionalItemProperties",
        "BT-134" | "BT-135" | "BG-26" => "ublExtensions.invoicePeriod",
        _ => return None,
    })
}

fn document_field(term: &str) -> Option<&'static str> {
    Some(match term {
        "BT-1" => "number",
        "BT-2" => "issueDate",
        "BT-3" => "invoiceTypeCode",
        "BT-5" => "currency",
        "BT-6" | "BT-111" => "exchangeRate",
        "BT-7" => "taxPointDate",
        "BT-8" => "taxPointDateCode",
        "BT-9" => "dueDate",
        "BT-10" => "buyerReference",
        "BT-11" => "projectReference",
        "BT-12" => "contractNumber",
        "BT-13" => "orderNumber",
        "BT-15" => "receivingAdviceReference",
        "BT-16" => "despatchAdviceReference",
        "BT-17" => "tenderOrLotReference",
        "BT-18" => "invoicedObjectIdentifier",
        "BT-19" => "buyerAccountingReference",
        "BT-20" => "paymentTerms",
        "BT-21" | "BT-22" | "BG-1" => "notes",
        "BT-23" => "businessProcessType",
        "BT-25" | "BT-26" | "BG-3" => "parentDocumentId",
        "BT-27" | "BT-28" => "company.name",
        "BT-29" | "BT-30" => "company.cif",
        "BT-31" | "BT-32" => "company.vatCode",
        "BT-33" => "company.registrationNumber",
        "BT-35" | "BT-36" | "BT-162" | "BG-5" => "company.address",
        "BT-37" => "company.city",
        "BT-38" => "company.postalCode",
        "BT-39" => "company.state",
        "BT-40" => "company.country",
        "BT-42" => "company.phone",
        "BT-43" => "company.email",
        "BT-44" | "BT-45" | "BG-7" => "client.name",
        "BT-46" | "BT-47" => "client.cui",
        "BT-48" => "client.vatCode",
        "BT-50" | "BT-51" | "BT-163" | "BG-8" => "client.address",
        "BT-52" => "client.city",
        "BT-53" => "client.postalCode",
        "BT-54" => "client.county",
        "BT-55" => "client.country",
        "BT-57" => "client.phone",
        "BT-58" => "client.email",
        "BT-81" | "BT-82" | "BG-16" => "paymentMethod",
        "BT-84" | "BT-85" | "BT-86" | "BG-17" => "company.bankAccount",
        "BT-113" => "ublExtensions.prepaidAmount",
        // The reason comes from the exemption code of the company's VAT rate.
        "BT-120" | "BT-121" => "vatRates",
        "BT-73" | "BT-74" | "BG-14" => "ublExtensions.invoicePeriod",
        "BT-72" | "BG-13" | "BG-15" => "ublExtensions.delivery",
        "BG-20" | "BG-21" | "BT-92" | "BT-93" | "BT-94" | "BT-95" | "BT-96" | "BT-97" | "BT-98"
        | "BT-99" | "BT-100" | "BT-101" | "BT-102" | "BT-103" | "BT-104" | "BT-105" => {
            "ublExtensions.allowanceCharges"
        }
        "BG-25" => "lines",
        _ => return None,
    })
}

/// Everything known about an invoice's validity: the pre-checks, then the native validator on
/// its UBL — the stored XML of an issued invoice, or, for a draft, the XML it would have if
/// issued now (with the next number of its series and today's company and client data).
pub async fn report(
    state: &AppState,
    scope: &CompanyScope,
    inv: &InvoiceRecord,
    lines: &[LineRecord],
) -> Result<Report, ApiError> {
    let mut report = super::checks::check(inv, lines, &scope.company);
    let xml = xml_of(state, scope, inv, lines).await?;
    add_findings(&mut report, &xml);
    Ok(report)
}

/// The UBL of an invoice: as stored when issued, as it would be issued now when a draft.
pub async fn xml_of(
    state: &AppState,
    scope: &CompanyScope,
    inv: &InvoiceRecord,
    lines: &[LineRecord],
) -> Result<String, ApiError> {
    if inv.status != "draft"
        && let Some(xml) = invoice_xml::get(&state.db, scope.id(), inv.id).await?
    {
        return Ok(xml);
    }
    let company = &scope.company;
    let banks = bank_accounts::list(&state.db, company.id).await?;
    let bank = banks.iter().find(|b| b.is_default).or(banks.first());
    let seller = super::issue::seller_of(company, bank);
    let buyer = match inv.client_id {
        Some(c) => clients::get(&state.db, company.id, c)
            .await?
            .and_then(|c| serde_json::to_value(super::buyer::Buyer::from(&c)).ok()),
        None => None,
    };
    let parent = match inv.parent_document_id {
        Some(p) => invoices::get(&state.db, company.id, p)
            .await?
            .map(|p| (p.number, p.issue_date)),
        None => None,
    };
    // A draft shows the number it would take now; a restored invoice keeps its own.
    let number = if inv.series_number.is_some() {
        inv.number.clone()
    } else {
        let kind = if inv.document_type == "credit_note" {
            "credit_note"
        } else {
            "invoice"
        };
        let series = match inv.series_id {
            Some(s) => series::get(&state.db, company.id, s).await?,
            None => match series::pick_read(&state.db, company.id, kind).await? {
                None if kind == "credit_note" => {
                    series::pick_read(&state.db, company.id, "invoice").await?
                }
                found => found,
            },
        };
        series.map_or_else(|| inv.number.clone(), |s| s.next_number())
    };
    let parties = Parties {
        seller: &seller,
        buyer: buyer.as_ref(),
    };
    let rates = vat_rates::list(&state.db, company.id).await?;
    super::issue::ubl_of(
        inv,
        lines,
        scope,
        &number,
        parties,
        parent.as_ref().map(|(n, d)| (n.as_str(), *d)),
        &rates,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_point_at_api_fields_lines_by_position() {
        assert_eq!(
            field(&["BT-48"], "/ubl:Invoice[1]/cac:AccountingCustomerParty[1]").as_deref(),
            Some("client.vatCode")
        );
        assert_eq!(
            field(
                &["BT-146"],
                "/ubl:Invoice[1]/cac:InvoiceLine[3]/cac:Price[1]/cbc:PriceAmount[1]"
            )
            .as_deref(),
            Some("lines[2].unitPrice")
        );
        assert_eq!(field(&["BT-999"], "/ubl:Invoice[1]"), None);
        assert_eq!(
            line_index("/cn:CreditNote[1]/cac:CreditNoteLine[10]"),
            Some(9)
        );
        assert_eq!(line_index("/ubl:Invoice[1]"), None);
    }
}
