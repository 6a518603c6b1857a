//! The document header and its references (UBL-CR-001 … 137): `cbc:` header elements, invoice period, order, billing, despatch, receipt, statement, originator, contract and additional document references, project reference, signature.

use crate::registry::Rule;

use super::restrictions;

pub(super) const RULES: &[Rule] = restrictions! {
    "UBL-CR-001" BOTH Root "ext:UBLExtensions"
        "A UBL invoice should not include extensions";
    "UBL-CR-003" BOTH Root "cbc:ProfileExecutionID"
        "A UBL invoice should not include the ProfileExecutionID";
    "UBL-CR-004" BOTH Root "cbc:CopyIndicator"
        "A UBL invoice should not include the CopyIndicator";
    "UBL-CR-005" BOTH Root "cbc:UUID"
        "A UBL invoice should not include the UUID";
    "UBL-CR-006" BOTH Root "cbc:IssueTime"
        "A UBL invoice should not include the IssueTime";
    "UBL-CR-007" BOTH Root "cbc:PricingCurrencyCode"
        "A UBL invoice should not include the PricingCurrencyCode";
    "UBL-CR-008" BOTH Root "cbc:PaymentCurrencyCode"
        "A UBL invoice should not include the PaymentCurrencyCode";
    "UBL-CR-009" BOTH Root "cbc:PaymentAlternativeCurrencyCode"
        "A UBL invoice should not include the PaymentAlternativeCurrencyCode";
    "UBL-CR-010" BOTH Root "cbc:AccountingCostCode"
        "A UBL invoice should not include the AccountingCostCode";
    "UBL-CR-011" BOTH Root "cbc:LineCountNumeric"
        "A UBL invoice should not include the LineCountNumeric";
    "UBL-CR-012" BOTH Root "cac:InvoicePeriod/cbc:StartTime"
        "A UBL invoice should not include the InvoicePeriod StartTime";
    "UBL-CR-013" BOTH Root "cac:InvoicePeriod/cbc:EndTime"
        "A UBL invoice should not include the InvoicePeriod EndTime";
    "UBL-CR-014" BOTH Root "cac:InvoicePeriod/cbc:DurationMeasure"
        "A UBL invoice should not include the InvoicePeriod DurationMeasure";
    "UBL-CR-015" BOTH Root "cac:InvoicePeriod/cbc:Description"
        "A UBL invoice should not include the InvoicePeriod Description";
    "UBL-CR-016" BOTH Root "cac:OrderReference/cbc:CopyIndicator"
        "A UBL invoice should not include the OrderReference CopyIndicator";
    "UBL-CR-017" BOTH Root "cac:OrderReference/cbc:UUID"
        "A UBL invoice should not include the OrderReference UUID";
    "UBL-CR-018" BOTH Root "cac:OrderReference/cbc:IssueDate"
        "A UBL invoice should not include the OrderReference IssueDate";
    "UBL-CR-019" BOTH Root "cac:OrderReference/cbc:IssueTime"
        "A UBL invoice should not include the OrderReference IssueTime";
    "UBL-CR-020" BOTH Root "cac:OrderReference/cbc:CustomerReference"
        "A UBL invoice should not include the OrderReference CustomerReference";
    "UBL-CR-021" BOTH Root "cac:OrderReference/cbc:OrderTypeCode"
        "A UBL invoice should not include the OrderReference OrderTypeCode";
    "UBL-CR-022" BOTH Root "cac:OrderReference/cac:DocumentReference"
        "A UBL invoice should not include the OrderReference DocumentReference";
    "UBL-CR-023" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:CopyIndicator"
        "A UBL invoice should not include the BillingReference CopyIndicator";
    "UBL-CR-024" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:UUID"
        "A UBL invoice should not include the BillingReference UUID";
    "UBL-CR-025" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueTime"
        "A UBL invoice should not include the BillingReference IssueTime";
    "UBL-CR-026" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode"
        "A UBL invoice should not include the BillingReference DocumentTypeCode";
    "UBL-CR-027" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentType"
        "A UBL invoice should not include the BillingReference DocumentType";
    "UBL-CR-028" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:XPath"
        "A UBL invoice should not include the BillingReference Xpath";
    "UBL-CR-029" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:LanguageID"
        "A UBL invoice should not include the BillingReference LanguageID";
    "UBL-CR-030" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:LocaleCode"
        "A UBL invoice should not include the BillingReference LocaleCode";
    "UBL-CR-031" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:VersionID"
        "A UBL invoice should not include the BillingReference VersionID";
    "UBL-CR-032" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentStatusCode"
        "A UBL invoice should not include the BillingReference DocumentStatusCode";
    "UBL-CR-033" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentDescription"
        "A UBL invoice should not include the BillingReference DocumenDescription";
    "UBL-CR-034" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cac:Attachment"
        "A UBL invoice should not include the BillingReference Attachment";
    "UBL-CR-035" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cac:ValidityPeriod"
        "A UBL invoice should not include the BillingReference ValidityPeriod";
    "UBL-CR-036" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cac:IssuerParty"
        "A UBL invoice should not include the BillingReference IssuerParty";
    "UBL-CR-037" BOTH Root "cac:BillingReference/cac:InvoiceDocumentReference/cac:ResultOfVerification"
        "A UBL invoice should not include the BillingReference ResultOfVerification";
    "UBL-CR-038" BOTH Root "cac:BillingReference/cac:SelfBilledInvoiceDocumentReference"
        "A UBL invoice should not include the BillingReference SelfBilledInvoiceDocumentReference";
    "UBL-CR-039" BOTH Root "cac:BillingReference/cac:CreditNoteDocumentReference"
        "A UBL invoice should not include the BillingReference CreditNoteDocumentReference";
    "UBL-CR-040" BOTH Root "cac:BillingReference/cac:SelfBilledCreditNoteDocumentReference"
        "A UBL invoice should not include the BillingReference SelfBilledCreditNoteDocumentReference";
    "UBL-CR-041" BOTH Root "cac:BillingReference/cac:DebitNoteDocumentReference"
        "A UBL invoice should not include the BillingReference DebitNoteDocumentReference";
    "UBL-CR-042" BOTH Root "cac:BillingReference/cac:ReminderDocumentReference"
        "A UBL invoice should not include the BillingReference ReminderDocumentReference";
    "UBL-CR-043" BOTH Root "cac:BillingReference/cac:AdditionalDocumentReference"
        "A UBL invoice should not include the BillingReference AdditionalDocumentReference";
    "UBL-CR-044" BOTH Root "cac:BillingReference/cac:BillingReferenceLine"
        "A UBL invoice should not include the BillingReference BillingReferenceLine";
    "UBL-CR-045" BOTH Root "cac:DespatchDocumentReference/cbc:CopyIndicator"
        "A UBL invoice should not include the DespatchDocumentReference CopyIndicator";
    "UBL-CR-046" BOTH Root "cac:DespatchDocumentReference/cbc:UUID"
        "A UBL invoice should not include the DespatchDocumentReference UUID";
    "UBL-CR-047" BOTH Root "cac:DespatchDocumentReference/cbc:IssueDate"
        "A UBL invoice should not include the DespatchDocumentReference IssueDate";
    "UBL-CR-048" BOTH Root "cac:DespatchDocumentReference/cbc:IssueTime"
        "A UBL invoice should not include the DespatchDocumentReference IssueTime";
    "UBL-CR-049" BOTH Root "cac:DespatchDocumentReference/cbc:DocumentTypeCode"
        "A UBL invoice should not include the DespatchDocumentReference DocumentTypeCode";
    "UBL-CR-050" BOTH Root "cac:DespatchDocumentReference/cbc:DocumentType"
        "A UBL invoice should not include the DespatchDocumentReference DocumentType";
    "UBL-CR-051" BOTH Root "cac:DespatchDocumentReference/cbc:XPath"
        "A UBL invoice should not include the DespatchDocumentReference Xpath";
    "UBL-CR-052" BOTH Root "cac:DespatchDocumentReference/cbc:LanguageID"
        "A UBL invoice should not include the DespatchDocumentReference LanguageID";
    "UBL-CR-053" BOTH Root "cac:DespatchDocumentReference/cbc:LocaleCode"
        "A UBL invoice should not include the DespatchDocumentReference LocaleCode";
    "UBL-CR-054" BOTH Root "cac:DespatchDocumentReference/cbc:VersionID"
        "A UBL invoice should not include the DespatchDocumentReference VersionID";
    "UBL-CR-055" BOTH Root "cac:DespatchDocumentReference/cbc:DocumentStatusCode"
        "A UBL invoice should not include the DespatchDocumentReference DocumentStatusCode";
    "UBL-CR-056" BOTH Root "cac:DespatchDocumentReference/cbc:DocumentDescription"
        "A UBL invoice should not include the DespatchDocumentReference DocumentDescription";
    "UBL-CR-057" BOTH Root "cac:DespatchDocumentReference/cac:Attachment"
        "A UBL invoice should not include the DespatchDocumentReference Attachment";
    "UBL-CR-058" BOTH Root "cac:DespatchDocumentReference/cac:ValidityPeriod"
        "A UBL invoice should not include the DespatchDocumentReference ValidityPeriod";
    "UBL-CR-059" BOTH Root "cac:DespatchDocumentReference/cac:IssuerParty"
        "A UBL invoice should not include the DespatchDocumentReference IssuerParty";
    "UBL-CR-060" BOTH Root "cac:DespatchDocumentReference/cac:ResultOfVerification"
        "A UBL invoice should not include the DespatchDocumentReference ResultOfVerification";
    "UBL-CR-061" BOTH Root "cac:ReceiptDocumentReference/cbc:CopyIndicator"
        "A UBL invoice should not include the ReceiptDocumentReference CopyIndicator";
    "UBL-CR-062" BOTH Root "cac:ReceiptDocumentReference/cbc:UUID"
        "A UBL invoice should not include the ReceiptDocumentReference UUID";
    "UBL-CR-063" BOTH Root "cac:ReceiptDocumentReference/cbc:IssueDate"
        "A UBL invoice should not include the ReceiptDocumentReference IssueDate";
    "UBL-CR-064" BOTH Root "cac:ReceiptDocumentReference/cbc:IssueTime"
        "A UBL invoice should not include the ReceiptDocumentReference IssueTime";
    "UBL-CR-065" BOTH Root "cac:ReceiptDocumentReference/cbc:DocumentTypeCode"
        "A UBL invoice should not include the ReceiptDocumentReference DocumentTypeCode";
    "UBL-CR-066" BOTH Root "cac:ReceiptDocumentReference/cbc:DocumentType"
        "A UBL invoice should not include the ReceiptDocumentReference DocumentType";
    "UBL-CR-067" BOTH Root "cac:ReceiptDocumentReference/cbc:XPath"
        "A UBL invoice should not include the ReceiptDocumentReference Xpath";
    "UBL-CR-068" BOTH Root "cac:ReceiptDocumentReference/cbc:LanguageID"
        "A UBL invoice should not include the ReceiptDocumentReference LanguageID";
    "UBL-CR-069" BOTH Root "cac:ReceiptDocumentReference/cbc:LocaleCode"
        "A UBL invoice should not include the ReceiptDocumentReference LocaleCode";
    "UBL-CR-070" BOTH Root "cac:ReceiptDocumentReference/cbc:VersionID"
        "A UBL invoice should not include the ReceiptDocumentReference VersionID";
    "UBL-CR-071" BOTH Root "cac:ReceiptDocumentReference/cbc:DocumentStatusCode"
        "A UBL invoice should not include the ReceiptDocumentReference DocumentStatusCode";
    "UBL-CR-072" BOTH Root "cac:ReceiptDocumentReference/cbc:DocumentDescription"
        "A UBL invoice should not include the ReceiptDocumentReference DocumentDescription";
    "UBL-CR-073" BOTH Root "cac:ReceiptDocumentReference/cac:Attachment"
        "A UBL invoice should not include the ReceiptDocumentReference Attachment";
    "UBL-CR-074" BOTH Root "cac:ReceiptDocumentReference/cac:ValidityPeriod"
        "A UBL invoice should not include the ReceiptDocumentReference ValidityPeriod";
    "UBL-CR-075" BOTH Root "cac:ReceiptDocumentReference/cac:IssuerParty"
        "A UBL invoice should not include the ReceiptDocumentReference IssuerParty";
    "UBL-CR-076" BOTH Root "cac:ReceiptDocumentReference/cac:ResultOfVerification"
        "A UBL invoice should not include the ReceiptDocumentReference ResultOfVerification";
    "UBL-CR-077" BOTH Root "cac:StatementDocumentReference"
        "A UBL invoice should not include the StatementDocumentReference";
    "UBL-CR-078" BOTH Root "cac:OriginatorDocumentReference/cbc:CopyIndicator"
        "A UBL invoice should not include the OriginatorDocumentReference CopyIndicator";
    "UBL-CR-079" BOTH Root "cac:OriginatorDocumentReference/cbc:UUID"
        "A UBL invoice should not include the OriginatorDocumentReference UUID";
    "UBL-CR-080" BOTH Root "cac:OriginatorDocumentReference/cbc:IssueDate"
        "A UBL invoice should not include the OriginatorDocumentReference IssueDate";
    "UBL-CR-081" BOTH Root "cac:OriginatorDocumentReference/cbc:IssueTime"
        "A UBL invoice should not include the OriginatorDocumentReference IssueTime";
    "UBL-CR-082" BOTH Root "cac:OriginatorDocumentReference/cbc:DocumentTypeCode"
        "A UBL invoice should not include the OriginatorDocumentReference DocumentTypeCode";
    "UBL-CR-083" BOTH Root "cac:OriginatorDocumentReference/cbc:DocumentType"
        "A UBL invoice should not include the OriginatorDocumentReference DocumentType";
    "UBL-CR-084" BOTH Root "cac:OriginatorDocumentReference/cbc:XPath"
        "A UBL invoice should not include the OriginatorDocumentReference Xpath";
    "UBL-CR-085" BOTH Root "cac:OriginatorDocumentReference/cbc:LanguageID"
        "A UBL invoice should not include the OriginatorDocumentReference LanguageID";
    "UBL-CR-086" BOTH Root "cac:OriginatorDocumentReference/cbc:LocaleCode"
        "A UBL invoice should not include the OriginatorDocumentReference LocaleCode";
    "UBL-CR-087" BOTH Root "cac:OriginatorDocumentReference/cbc:VersionID"
        "A UBL invoice should not include the OriginatorDocumentReference VersionID";
    "UBL-CR-088" BOTH Root "cac:OriginatorDocumentReference/cbc:DocumentStatusCode"
        "A UBL invoice should not include the OriginatorDocumentReference DocumentStatusCode";
    "UBL-CR-089" BOTH Root "cac:OriginatorDocumentReference/cbc:DocumentDescription"
        "A UBL invoice should not include the OriginatorDocumentReference DocumentDescription";
    "UBL-CR-090" BOTH Root "cac:OriginatorDocumentReference/cac:Attachment"
        "A UBL invoice should not include the OriginatorDocumentReference Attachment";
    "UBL-CR-091" BOTH Root "cac:OriginatorDocumentReference/cac:ValidityPeriod"
        "A UBL invoice should not include the OriginatorDocumentReference ValidityPeriod";
    "UBL-CR-092" BOTH Root "cac:OriginatorDocumentReference/cac:IssuerParty"
        "A UBL invoice should not include the OriginatorDocumentReference IssuerParty";
    "UBL-CR-093" BOTH Root "cac:OriginatorDocumentReference/cac:ResultOfVerification"
        "A UBL invoice should not include the OriginatorDocumentReference ResultOfVerification";
    "UBL-CR-094" BOTH Root "cac:ContractDocumentReference/cbc:CopyIndicator"
        "A UBL invoice should not include the ContractDocumentReference CopyIndicator";
    "UBL-CR-095" BOTH Root "cac:ContractDocumentReference/cbc:UUID"
        "A UBL invoice should not include the ContractDocumentReference UUID";
    "UBL-CR-096" BOTH Root "cac:ContractDocumentReference/cbc:IssueDate"
        "A UBL invoice should not include the ContractDocumentReference IssueDate";
    "UBL-CR-097" BOTH Root "cac:ContractDocumentReference/cbc:IssueTime"
        "A UBL invoice should not include the ContractDocumentReference IssueTime";
    "UBL-CR-098" BOTH Root "cac:ContractDocumentReference/cbc:DocumentTypeCode"
        "A UBL invoice should not include the ContractDocumentReference DocumentTypeCode";
    "UBL-CR-099" BOTH Root "cac:ContractDocumentReference/cbc:DocumentType"
        "A UBL invoice should not include the ContractDocumentReference DocumentType";
    "UBL-CR-100" BOTH Root "cac:ContractDocumentReference/cbc:XPath"
        "A UBL invoice should not include the ContractDocumentReference Xpath";
    "UBL-CR-101" BOTH Root "cac:ContractDocumentReference/cbc:LanguageID"
        "A UBL invoice should not include the ContractDocumentReference LanguageID";
    "UBL-CR-102" BOTH Root "cac:ContractDocumentReference/cbc:LocaleCode"
        "A UBL invoice should not include the ContractDocumentReference LocaleCode";
    "UBL-CR-103" BOTH Root "cac:ContractDocumentReference/cbc:VersionID"
        "A UBL invoice should not include the ContractDocumentReference VersionID";
    "UBL-CR-104" BOTH Root "cac:ContractDocumentReference/cbc:DocumentStatusCode"
        "A UBL invoice should not include the ContractDocumentReference DocumentStatusCode";
    "UBL-CR-105" BOTH Root "cac:ContractDocumentReference/cbc:DocumentDescription"
        "A UBL invoice should not include the ContractDocumentReference DocumentDescription";
    "UBL-CR-106" BOTH Root "cac:ContractDocumentReference/cac:Attachment"
        "A UBL invoice should not include the ContractDocumentReference Attachment";
    "UBL-CR-107" BOTH Root "cac:ContractDocumentReference/cac:ValidityPeriod"
        "A UBL invoice should not include the ContractDocumentReference ValidityPeriod";
    "UBL-CR-108" BOTH Root "cac:ContractDocumentReference/cac:IssuerParty"
        "A UBL invoice should not include the ContractDocumentReference IssuerParty";
    "UBL-CR-109" BOTH Root "cac:ContractDocumentReference/cac:ResultOfVerification"
        "A UBL invoice should not include the ContractDocumentReference ResultOfVerification";
    "UBL-CR-110" BOTH Root "cac:AdditionalDocumentReference/cbc:CopyIndicator"
        "A UBL invoice should not include the AdditionalDocumentReference CopyIndicator";
    "UBL-CR-111" BOTH Root "cac:AdditionalDocumentReference/cbc:UUID"
        "A UBL invoice should not include the AdditionalDocumentReference UUID";
    "UBL-CR-112" BOTH Root "cac:AdditionalDocumentReference/cbc:IssueDate"
        "A UBL invoice should not include the AdditionalDocumentReference IssueDate";
    "UBL-CR-113" BOTH Root "cac:AdditionalDocumentReference/cbc:IssueTime"
        "A UBL invoice should not include the AdditionalDocumentReference IssueTime";
    "UBL-CR-114" BOTH Root "cac:AdditionalDocumentReference/cbc:DocumentType"
        "A UBL invoice should not include the AdditionalDocumentReference DocumentType";
    "UBL-CR-115" BOTH Root "cac:AdditionalDocumentReference/cbc:XPath"
        "A UBL invoice should not include the AdditionalDocumentReference Xpath";
    "UBL-CR-116" BOTH Root "cac:AdditionalDocumentReference/cbc:LanguageID"
        "A UBL invoice should not include the AdditionalDocumentReference LanguageID";
    "UBL-CR-117" BOTH Root "cac:AdditionalDocumentReference/cbc:LocaleCode"
        "A UBL invoice should not include the AdditionalDocumentReference LocaleCode";
    "UBL-CR-118" BOTH Root "cac:AdditionalDocumentReference/cbc:VersionID"
        "A UBL invoice should not include the AdditionalDocumentReference VersionID";
    "UBL-CR-119" BOTH Root "cac:AdditionalDocumentReference/cbc:DocumentStatusCode"
        "A UBL invoice should not include the AdditionalDocumentReference DocumentStatusCode";
    "UBL-CR-121" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:DocumentHash"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External DocumentHash";
    "UBL-CR-122" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:HashAlgorithmMethod"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External HashAlgorithmMethod";
    "UBL-CR-123" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:ExpiryDate"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External ExpiryDate";
    "UBL-CR-124" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:ExpiryTime"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External ExpiryTime";
    "UBL-CR-125" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:MimeCode"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External MimeCode";
    "UBL-CR-126" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:FormatCode"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External FormatCode";
    "UBL-CR-127" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:EncodingCode"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External EncodingCode";
    "UBL-CR-128" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:CharacterSetCode"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External CharacterSetCode";
    "UBL-CR-129" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:FileName"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External FileName";
    "UBL-CR-130" BOTH Root "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:Description"
        "A UBL invoice should not include the AdditionalDocumentReference Attachment External Descriprion";
    "UBL-CR-131" BOTH Root "cac:AdditionalDocumentReference/cac:ValidityPeriod"
        "A UBL invoice should not include the AdditionalDocumentReference ValidityPeriod";
    "UBL-CR-132" BOTH Root "cac:AdditionalDocumentReference/cac:IssuerParty"
        "A UBL invoice should not include the AdditionalDocumentReference IssuerParty";
    "UBL-CR-133" BOTH Root "cac:AdditionalDocumentReference/cac:ResultOfVerification"
        "A UBL invoice should not include the AdditionalDocumentReference ResultOfVerification";
    "UBL-CR-134" BOTH Root "cac:ProjectReference/cbc:UUID"
        "A UBL invoice should not include the ProjectReference UUID";
    "UBL-CR-135" BOTH Root "cac:ProjectReference/cbc:IssueDate"
        "A UBL invoice should not include the ProjectReference IssueDate";
    "UBL-CR-136" BOTH Root "cac:ProjectReference/cac:WorkPhaseReference"
        "A UBL invoice should not include the ProjectReference WorkPhaseReference";
    "UBL-CR-137" BOTH Root "cac:Signature"
        "A UBL invoice should not include the Signature";
};
