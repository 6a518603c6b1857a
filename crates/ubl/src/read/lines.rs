//! BG-20 … BG-25: allowances and charges, VAT, totals, attachments and the lines.

use einvoice::model::{
    AllowanceCharge, Attachment, BinaryObject, DocumentTotals, Invoice, InvoiceLine, Item,
    ItemAttribute, ItemClassification, LineAllowanceCharge, LineVat, Price, VatBreakdown,
};
use roxmltree::Node;

use super::values::{
    Reader, attribute, child_identifier, child_string, child_text, nonempty, string,
};
use crate::xml::{NS_CAC, NS_CBC, UblNode};

/// BG-20 or BG-21, with whether it is a charge; `None` (and an issue) when its
/// `ChargeIndicator` is not a boolean.
pub(super) fn document_allowance_charge<'a, 'input: 'a>(
    r: &mut Reader<'a, 'input>,
    node: Node<'a, 'input>,
) -> Option<(bool, AllowanceCharge)> {
    let is_charge = r.boolean(node, "cbc:ChargeIndicator")?;
    let category = node.child("cac:TaxCategory");
    let ac = AllowanceCharge {
        amount: r.child_decimal(node, "cbc:Amount"),
        base_amount: r.child_decimal(node, "cbc:BaseAmount"),
        percentage: r.child_decimal(node, "cbc:MultiplierFactorNumeric"),
        vat_category: category.and_then(|c| r.vat_category(c)),
        vat_rate: category.and_then(|c| r.child_decimal(c, "cbc:Percent")),
        reason: child_text(node, "cbc:AllowanceChargeReason"),
        reason_code: child_text(node, "cbc:AllowanceChargeReasonCode"),
    };
    Some((is_charge, ac))
}

/// BT-110 with BG-23, and BT-111, from the `cac:TaxTotal` elements: the first with a
/// breakdown (else the first in the invoice currency, else the first) gives BT-110, the
/// first other one BT-111.
pub(super) fn tax_totals<'a, 'input: 'a>(
    r: &mut Reader<'a, 'input>,
    inv: &mut Invoice,
    totals: &[Node<'a, 'input>],
) {
    let currency_of = |t: &Node<'a, 'input>| -> Option<&'a str> {
        t.child("cbc:TaxAmount")
            .and_then(|a| a.attribute("currencyID"))
            .map(str::trim)
    };
    let main = totals
        .iter()
        .position(|t| t.child("cac:TaxSubtotal").is_some())
        .or_else(|| {
            totals
                .iter()
                .position(|t| currency_of(t) == Some(inv.currency.trim()))
        })
        .or((!totals.is_empty()).then_some(0));
    let Some(main) = main else {
        return;
    };
    inv.totals.vat_total = r.child_decimal(totals[main], "cbc:TaxAmount");
    for subtotal in totals[main].children_named("cac:TaxSubtotal") {
        let category = subtotal.child("cac:TaxCategory");
        inv.vat_breakdown.push(VatBreakdown {
            taxable_amount: r.child_decimal(subtotal, "cbc:TaxableAmount"),
            tax_amount: r.child_decimal(subtotal, "cbc:TaxAmount"),
            category: category.and_then(|c| r.vat_category(c)),
            rate: category.and_then(|c| r.child_decimal(c, "cbc:Percent")),
            exemption_reason: category.and_then(|c| child_text(c, "cbc:TaxExemptionReason")),
            exemption_reason_code: category
                .and_then(|c| child_text(c, "cbc:TaxExemptionReasonCode")),
        });
    }
    if let Some(accounting) = totals.iter().enumerate().find(|(i, _)| *i != main) {
        inv.totals.vat_total_accounting = r.child_decimal(*accounting.1, "cbc:TaxAmount");
    }
}

/// BG-22 without BT-110 and BT-111, from `cac:LegalMonetaryTotal`.
pub(super) fn monetary_total<'a, 'input: 'a>(
    r: &mut Reader<'a, 'input>,
    node: Node<'a, 'input>,
) -> DocumentTotals {
    DocumentTotals {
        line_extension: r.child_decimal(node, "cbc:LineExtensionAmount"),
        allowance_total: r.child_decimal(node, "cbc:AllowanceTotalAmount"),
        charge_total: r.child_decimal(node, "cbc:ChargeTotalAmount"),
        tax_exclusive: r.child_decimal(node, "cbc:TaxExclusiveAmount"),
        vat_total: None,
        vat_total_accounting: None,
        tax_inclusive: r.child_decimal(node, "cbc:TaxInclusiveAmount"),
        prepaid: r.child_decimal(node, "cbc:PrepaidAmount"),
        rounding: r.child_decimal(node, "cbc:PayableRoundingAmount"),
        payable: r.child_decimal(node, "cbc:PayableAmount"),
    }
}

/// BG-24, from `cac:AdditionalDocumentReference`.
pub(super) fn attachment<'a, 'input: 'a>(
    r: &mut Reader<'a, 'input>,
    node: Node<'a, 'input>,
) -> Attachment {
    let attached = node.child("cac:Attachment");
    let content = attached
        .and_then(|a| a.child("cbc:EmbeddedDocumentBinaryObject"))
        .and_then(|object| {
            let data = r.base64(object)?;
            Some(BinaryObject {
                data,
                mime_code: attribute(object, "mimeCode").unwrap_or_default(),
                filename: attribute(object, "filename").unwrap_or_default(),
            })
        });
    Attachment {
        id: child_string(node, "cbc:ID"),
        description: child_text(node, "cbc:DocumentDescription"),
        external_uri: attached
            .and_then(|a| a.child("cac:ExternalReference"))
            .and_then(|e| child_text(e, "cbc:URI")),
        content,
    }
}

/// BG-25, from `cac:InvoiceLine` or `cac:CreditNoteLine`, in one pass over its children.
pub(super) fn line<'a, 'input: 'a>(
    r: &mut Reader<'a, 'input>,
    node: Node<'a, 'input>,
) -> InvoiceLine {
    let mut line = InvoiceLine::default();
    for child in node.children().filter(Node::is_element) {
        let name = child.tag_name();
        match (name.namespace(), name.name()) {
            (Some(NS_CBC), "ID") => line.id = string(child),
            (Some(NS_CBC), "Note") => line.note = line.note.take().or_else(|| nonempty(child)),
            (Some(NS_CBC), "InvoicedQuantity" | "CreditedQuantity") => {
                line.quantity = r.decimal(child);
                child
                    .attribute("unitCode")
                    .unwrap_or_default()
                    .clone_into(&mut line.unit_code);
            }
            (Some(NS_CBC), "LineExtensionAmount") => line.net_amount = r.decimal(child),
            (Some(NS_CBC), "AccountingCost") => line.buyer_accounting_reference = nonempty(child),
            (Some(NS_CAC), "InvoicePeriod") => line.period = r.period(child),
            (Some(NS_CAC), "OrderLineReference") => {
                line.order_line_reference = child_text(child, "cbc:LineID");
            }
            (Some(NS_CAC), "DocumentReference") => {
                line.object_identifier = child_identifier(child, "cbc:ID");
            }
            (Some(NS_CAC), "AllowanceCharge") => {
                if let Some((is_charge, ac)) = line_allowance_charge(r, child) {
                    if is_charge {
                        line.charges.push(ac);
                    } else {
                        line.allowances.push(ac);
                    }
                }
            }
            (Some(NS_CAC), "Item") => (line.item, line.vat) = item(r, child),
            (Some(NS_CAC), "Price") => line.price = price(r, child),
            _ => {}
        }
    }
    line
}

/// BG-27 or BG-28.
fn line_allowance_charge<'a, 'input: 'a>(
    r: &mut Reader<'a, 'input>,
    node: Node<'a, 'input>,
) -> Option<(bool, LineAllowanceCharge)> {
    let is_charge = r.boolean(node, "cbc:ChargeIndicator")?;
    let ac = LineAllowanceCharge {
        amount: r.child_decimal(node, "cbc:Amount"),
        base_amount: r.child_decimal(node, "cbc:BaseAmount"),
        percentage: r.child_decimal(node, "cbc:MultiplierFactorNumeric"),
        reason: child_text(node, "cbc:AllowanceChargeReason"),
        reason_code: child_text(node, "cbc:AllowanceChargeReasonCode"),
    };
    Some((is_charge, ac))
}

/// BG-31, and BG-30 from its `ClassifiedTaxCategory`.
fn item<'a, 'input: 'a>(r: &mut Reader<'a, 'input>, node: Node<'a, 'input>) -> (Item, LineVat) {
    let id_of = |qname| node.child(qname).and_then(|i| child_text(i, "cbc:ID"));
    let item = Item {
        name: child_string(node, "cbc:Name"),
        description: child_text(node, "cbc:Description"),
        seller_id: id_of("cac:SellersItemIdentification"),
        buyer_id: id_of("cac:BuyersItemIdentification"),
        standard_id: node
            .child("cac:StandardItemIdentification")
            .and_then(|i| child_identifier(i, "cbc:ID")),
        classifications: node
            .children_named("cac:CommodityClassification")
            .filter_map(|c| c.child("cbc:ItemClassificationCode"))
            .filter_map(|code| {
                Some(ItemClassification {
                    code: nonempty(code)?,
                    list_id: attribute(code, "listID"),
                    list_version: attribute(code, "listVersionID"),
                })
            })
            .collect(),
        origin_country: node
            .child("cac:OriginCountry")
            .and_then(|c| child_text(c, "cbc:IdentificationCode")),
        attributes: node
            .children_named("cac:AdditionalItemProperty")
            .map(|p| ItemAttribute {
                name: child_string(p, "cbc:Name"),
                value: child_string(p, "cbc:Value"),
            })
            .collect(),
    };
    let vat = match node.child("cac:ClassifiedTaxCategory") {
        Some(category) => LineVat {
            category: r.vat_category(category),
            rate: r.child_decimal(category, "cbc:Percent"),
        },
        None => LineVat::default(),
    };
    (item, vat)
}

/// BG-29: the price allowance gives the discount (BT-147) and the gross price (BT-148).
fn price<'a, 'input: 'a>(r: &mut Reader<'a, 'input>, node: Node<'a, 'input>) -> Price {
    let base_quantity = node.child("cbc:BaseQuantity");
    let allowance = node.child("cac:AllowanceCharge");
    Price {
        net: r.child_decimal(node, "cbc:PriceAmount"),
        discount: allowance.and_then(|a| r.child_decimal(a, "cbc:Amount")),
        gross: allowance.and_then(|a| r.child_decimal(a, "cbc:BaseAmount")),
        base_quantity: base_quantity.and_then(|q| r.decimal(q)),
        base_quantity_unit: base_quantity.and_then(|q| attribute(q, "unitCode")),
    }
}
