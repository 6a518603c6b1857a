//! Scheme and list identifiers, and the later additions (UBL-CR-648 … 682): attributes the model does not use, and a few elements anywhere in the document.

use crate::registry::Rule;

use super::restrictions;

pub(super) const RULES: &[Rule] = restrictions! {
    "UBL-CR-648" BOTH Root "cbc:CustomizationID" @ "schemeID"
        "A UBL invoice should not include the CustomizationID scheme identifier";
    "UBL-CR-649" BOTH Root "cbc:ProfileID" @ "schemeID"
        "A UBL invoice should not include the ProfileID scheme identifier";
    "UBL-CR-650" BOTH Root "cbc:ID" @ "schemeID"
        "A UBL invoice shall not include the Invoice ID scheme identifier";
    "UBL-CR-651" BOTH Root "cbc:SalesOrderID" @ "schemeID"
        "A UBL invoice should not include the SalesOrderID scheme identifier";
    "UBL-CR-652" BOTH Anywhere "cac:PartyTaxScheme/cbc:CompanyID" @ "schemeID"
        "A UBL invoice should not include the PartyTaxScheme CompanyID scheme identifier";
    "UBL-CR-653" BOTH Root "cac:PaymentMeans/cbc:PaymentID" @ "schemeID"
        "A UBL invoice should not include the PaymentID scheme identifier";
    "UBL-CR-654" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID" @ "schemeID"
        "A UBL invoice should not include the PayeeFinancialAccount scheme identifier";
    "UBL-CR-655" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID" @ "schemeID"
        "A UBL invoice shall not include the FinancialInstitutionBranch ID scheme identifier";
    "UBL-CR-656" BOTH Root "cbc:InvoiceTypeCode" @ "listID"
        "A UBL invoice should not include the InvoiceTypeCode listID";
    "UBL-CR-657" BOTH Root "cbc:DocumentCurrencyCode" @ "listID"
        "A UBL invoice should not include the DocumentCurrencyCode listID";
    "UBL-CR-658" BOTH Root "cbc:TaxCurrencyCode" @ "listID"
        "A UBL invoice should not include the TaxCurrencyCode listID";
    "UBL-CR-659" BOTH Root "cac:AdditionalDocumentReference/cbc:DocumentTypeCode" @ "listID"
        "A UBL invoice shall not include the AdditionalDocumentReference DocumentTypeCode listID";
    "UBL-CR-660" BOTH Anywhere "cac:Country/cbc:IdentificationCode" @ "listID"
        "A UBL invoice should not include the Country Identification code listID";
    "UBL-CR-661" BOTH Root "cac:PaymentMeans/cbc:PaymentMeansCode" @ "listID"
        "A UBL invoice should not include the PaymentMeansCode listID";
    "UBL-CR-662" BOTH Anywhere "cbc:AllowanceChargeReasonCode" @ "listID"
        "A UBL invoice should not include the AllowanceChargeReasonCode listID";
    "UBL-CR-664" BOTH Anywhere "cac:FinancialInstitution"
        "A UBL invoice should not include the FinancialInstitutionBranch FinancialInstitution";
    "UBL-CR-667" BOTH Anywhere "cac:BuyersItemIdentification/cbc:ID" @ "schemeID"
        "A UBL invoice should not include a Buyer Item Identification schemeID";
    "UBL-CR-668" BOTH Anywhere "cac:SellersItemIdentification/cbc:ID" @ "schemeID"
        "A UBL invoice should not include a Sellers Item Identification schemeID";
    "UBL-CR-669" BOTH Anywhere "cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode"
        "A UBL invoice should not include a Price Allowance Reason Code";
    "UBL-CR-670" BOTH Anywhere "cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReason"
        "A UBL invoice should not include a Price Allowance Reason";
    "UBL-CR-671" BOTH Anywhere "cac:Price/cac:AllowanceCharge/cbc:MultiplierFactorNumeric"
        "A UBL invoice should not include a Price Allowance Multiplier Factor";
    "UBL-CR-672" BOTH Root "cbc:CreditNoteTypeCode" @ "listID"
        "A UBL credit note should not include the CreditNoteTypeCode listID";
    "UBL-CR-674" CEN Anywhere "cbc:PrimaryAccountNumberID" @ "schemeID"
        "A UBL invoice should not include the PrimaryAccountNumber schemeID";
    "UBL-CR-674" RO Anywhere "cbc:PrimaryAccountNumber" @ "schemeID"
        "A UBL invoice should not include the PrimaryAccountNumber schemeID";
    "UBL-CR-675" BOTH Anywhere "cac:CardAccount/cbc:NetworkID" @ "schemeID"
        "A UBL invoice should not include the NetworkID schemeID";
    "UBL-CR-676" BOTH Anywhere "cac:PaymentMandate/cbc:ID" @ "schemeID"
        "A UBL invoice should not include the PaymentMandate/ID schemeID";
    "UBL-CR-677" BOTH Anywhere "cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID" @ "schemeID"
        "A UBL invoice should not include the PayerFinancialAccount/ID schemeID";
    "UBL-CR-678" BOTH Anywhere "cac:TaxCategory/cbc:ID" @ "schemeID"
        "A UBL invoice should not include the TaxCategory/ID schemeID";
    "UBL-CR-679" BOTH Anywhere "cac:ClassifiedTaxCategory/cbc:ID" @ "schemeID"
        "A UBL invoice should not include the ClassifiedTaxCategory/ID schemeID";
    "UBL-CR-680" BOTH Anywhere "cac:PaymentMeans/cac:PayerFinancialAccount"
        "A UBL invoice should not include the PaymentMeans/PayerFinancialAccount";
    "UBL-CR-681" BOTH Root "cac:PaymentMeans/cbc:InstructionNote"
        "A UBL invoice should not include the PaymentMeans InstructionNote";
    "UBL-CR-682" BOTH Root "cac:Delivery/cac:DeliveryAddress"
        "A UBL invoice should not include the Delivery DeliveryAddress";
};
