//! The facts of the UBL 2.1 schema that the structural check needs. GENERATED: do not
//! edit; change `gen/tables.py` and run `python3 crates/rules/src/xsd/gen/tables.py`.
//!
//! Source: OASIS UBL 2.1 OS (release of 2013-11-04), `xsd/ubl-2.1/` of the conformance
//! data: maindoc `UBL-Invoice-2.1.xsd`, `UBL-CreditNote-2.1.xsd`; common aggregate, basic,
//! extension components, unqualified data types and the CCTS core component types.
//! SHA-256 of those 8 files, in the generator's order:
//! 6904c5e386b839d2f5de1928d7b928dae5bcc3ccb75ae53af7218ae4081c433a
//! 232 aggregate types, 2251 child elements, 14 data types.

use super::schema::Kind::{Aggregate, Open, Simple};
use super::schema::Ns::{Cac, Cbc, CreditNote, Ext, Invoice};
use super::schema::{Attribute, AttributeValue, Model, Particle, SimpleType, Value};

/// Unbounded `maxOccurs`.
const N: u32 = u32::MAX;

const fn p(
    ns: super::schema::Ns,
    name: &'static str,
    kind: super::schema::Kind,
    min: u32,
    max: u32,
) -> Particle {
    Particle { ns, name, kind, min, max }
}

const fn a(name: &'static str, value: AttributeValue, required: bool) -> Attribute {
    Attribute { name, value, required }
}

/// udt:AmountType
pub(super) static UDT_AMOUNT: SimpleType = SimpleType {
    value: Value::Decimal,
    attributes: &[
        a("currencyID", AttributeValue::Text, true),
        a("currencyCodeListVersionID", AttributeValue::Text, false),
    ],
};

/// udt:BinaryObjectType
pub(super) static UDT_BINARY_OBJECT: SimpleType = SimpleType {
    value: Value::Base64,
    attributes: &[
        a("format", AttributeValue::Text, false),
        a("mimeCode", AttributeValue::Text, true),
        a("encodingCode", AttributeValue::Text, false),
        a("characterSetCode", AttributeValue::Text, false),
        a("uri", AttributeValue::Uri, false),
        a("filename", AttributeValue::Text, false),
    ],
};

/// udt:CodeType
pub(super) static UDT_CODE: SimpleType = SimpleType {
    value: Value::Text,
    attributes: &[
        a("listID", AttributeValue::Text, false),
        a("listAgencyID", AttributeValue::Text, false),
        a("listAgencyName", AttributeValue::Text, false),
        a("listName", AttributeValue::Text, false),
        a("listVersionID", AttributeValue::Text, false),
        a("name", AttributeValue::Text, false),
        a("languageID", AttributeValue::Language, false),
        a("listURI", AttributeValue::Uri, false),
        a("listSchemeURI", AttributeValue::Uri, false),
    ],
};

/// udt:DateType
pub(super) static UDT_DATE: SimpleType = SimpleType {
    value: Value::Date,
    attributes: &[],
};

/// udt:IdentifierType
pub(super) static UDT_IDENTIFIER: SimpleType = SimpleType {
    value: Value::Text,
    attributes: &[
        a("schemeID", AttributeValue::Text, false),
        a("schemeName", AttributeValue::Text, false),
        a("schemeAgencyID", AttributeValue::Text, false),
        a("schemeAgencyName", AttributeValue::Text, false),
        a("schemeVersionID", AttributeValue::Text, false),
        a("schemeDataURI", AttributeValue::Uri, false),
        a("schemeURI", AttributeValue::Uri, false),
    ],
};

/// udt:IndicatorType
pub(super) static UDT_INDICATOR: SimpleType = SimpleType {
    value: Value::Boolean,
    attributes: &[],
};

/// udt:MeasureType
pub(super) static UDT_MEASURE: SimpleType = SimpleType {
    value: Value::Decimal,
    attributes: &[
        a("unitCode", AttributeValue::Text, true),
        a("unitCodeListVersionID", AttributeValue::Text, false),
    ],
};

/// udt:NameType
pub(super) static UDT_NAME: SimpleType = SimpleType {
    value: Value::Text,
    attributes: &[
        a("languageID", AttributeValue::Language, false),
        a("languageLocaleID", AttributeValue::Text, false),
    ],
};

/// udt:NumericType
pub(super) static UDT_NUMERIC: SimpleType = SimpleType {
    value: Value::Decimal,
    attributes: &[
        a("format", AttributeValue::Text, false),
    ],
};

/// udt:PercentType
pub(super) static UDT_PERCENT: SimpleType = SimpleType {
    value: Value::Decimal,
    attributes: &[
        a("format", AttributeValue::Text, false),
    ],
};

/// udt:QuantityType
pub(super) static UDT_QUANTITY: SimpleType = SimpleType {
    value: Value::Decimal,
    attributes: &[
        a("unitCode", AttributeValue::Text, false),
        a("unitCodeListID", AttributeValue::Text, false),
        a("unitCodeListAgencyID", AttributeValue::Text, false),
        a("unitCodeListAgencyName", AttributeValue::Text, false),
    ],
};

/// udt:RateType
pub(super) static UDT_RATE: SimpleType = SimpleType {
    value: Value::Decimal,
    attributes: &[
        a("format", AttributeValue::Text, false),
    ],
};

/// udt:TextType
pub(super) static UDT_TEXT: SimpleType = SimpleType {
    value: Value::Text,
    attributes: &[
        a("languageID", AttributeValue::Language, false),
        a("languageLocaleID", AttributeValue::Text, false),
    ],
};

/// udt:TimeType
pub(super) static UDT_TIME: SimpleType = SimpleType {
    value: Value::Time,
    attributes: &[],
};

/// ubl:InvoiceType
pub(super) static INVOICE: Model = Model {
    ns: Invoice,
    name: "InvoiceType",
    children: &[
        p(Ext, "UBLExtensions", Aggregate(&UBL_EXTENSIONS), 0, 1),
        p(Cbc, "UBLVersionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "CustomizationID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ProfileID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ProfileExecutionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "CopyIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 1, 1),
        p(Cbc, "IssueTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "DueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "InvoiceTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TaxPointDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "DocumentCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TaxCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PricingCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PaymentCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PaymentAlternativeCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCostCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCost", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "LineCountNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "BuyerReference", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "InvoicePeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "OrderReference", Aggregate(&ORDER_REFERENCE), 0, 1),
        p(Cac, "BillingReference", Aggregate(&BILLING_REFERENCE), 0, N),
        p(Cac, "DespatchDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ReceiptDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "StatementDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "OriginatorDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ContractDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "AdditionalDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ProjectReference", Aggregate(&PROJECT_REFERENCE), 0, N),
        p(Cac, "Signature", Aggregate(&SIGNATURE), 0, N),
        p(Cac, "AccountingSupplierParty", Aggregate(&SUPPLIER_PARTY), 1, 1),
        p(Cac, "AccountingCustomerParty", Aggregate(&CUSTOMER_PARTY), 1, 1),
        p(Cac, "PayeeParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "BuyerCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "SellerSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "TaxRepresentativeParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, N),
        p(Cac, "DeliveryTerms", Aggregate(&DELIVERY_TERMS), 0, 1),
        p(Cac, "PaymentMeans", Aggregate(&PAYMENT_MEANS), 0, N),
        p(Cac, "PaymentTerms", Aggregate(&PAYMENT_TERMS), 0, N),
        p(Cac, "PrepaidPayment", Aggregate(&PAYMENT), 0, N),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "TaxExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "PricingExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "PaymentExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "PaymentAlternativeExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "WithholdingTaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "LegalMonetaryTotal", Aggregate(&MONETARY_TOTAL), 1, 1),
        p(Cac, "InvoiceLine", Aggregate(&INVOICE_LINE), 1, N),
    ],
};

/// cn:CreditNoteType
pub(super) static CREDIT_NOTE: Model = Model {
    ns: CreditNote,
    name: "CreditNoteType",
    children: &[
        p(Ext, "UBLExtensions", Aggregate(&UBL_EXTENSIONS), 0, 1),
        p(Cbc, "UBLVersionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "CustomizationID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ProfileID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ProfileExecutionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "CopyIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 1, 1),
        p(Cbc, "IssueTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "TaxPointDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "CreditNoteTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "DocumentCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TaxCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PricingCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PaymentCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PaymentAlternativeCurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCostCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCost", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "LineCountNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "BuyerReference", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "InvoicePeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "DiscrepancyResponse", Aggregate(&RESPONSE), 0, N),
        p(Cac, "OrderReference", Aggregate(&ORDER_REFERENCE), 0, 1),
        p(Cac, "BillingReference", Aggregate(&BILLING_REFERENCE), 0, N),
        p(Cac, "DespatchDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ReceiptDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ContractDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "AdditionalDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "StatementDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "OriginatorDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "Signature", Aggregate(&SIGNATURE), 0, N),
        p(Cac, "AccountingSupplierParty", Aggregate(&SUPPLIER_PARTY), 1, 1),
        p(Cac, "AccountingCustomerParty", Aggregate(&CUSTOMER_PARTY), 1, 1),
        p(Cac, "PayeeParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "BuyerCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "SellerSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "TaxRepresentativeParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, N),
        p(Cac, "DeliveryTerms", Aggregate(&DELIVERY_TERMS), 0, N),
        p(Cac, "PaymentMeans", Aggregate(&PAYMENT_MEANS), 0, N),
        p(Cac, "PaymentTerms", Aggregate(&PAYMENT_TERMS), 0, N),
        p(Cac, "TaxExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "PricingExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "PaymentExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "PaymentAlternativeExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "LegalMonetaryTotal", Aggregate(&MONETARY_TOTAL), 1, 1),
        p(Cac, "CreditNoteLine", Aggregate(&CREDIT_NOTE_LINE), 1, N),
    ],
};

/// cac:ActivityDataLineType
pub(super) static ACTIVITY_DATA_LINE: Model = Model {
    ns: Cac,
    name: "ActivityDataLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "SupplyChainActivityTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cac, "BuyerCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "SellerSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "ActivityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ActivityOriginLocation", Aggregate(&LOCATION), 1, 1),
        p(Cac, "ActivityFinalLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "SalesItem", Aggregate(&SALES_ITEM), 1, N),
    ],
};

/// cac:ActivityPropertyType
pub(super) static ACTIVITY_PROPERTY: Model = Model {
    ns: Cac,
    name: "ActivityPropertyType",
    children: &[
        p(Cbc, "Name", Simple(&UDT_NAME), 1, 1),
        p(Cbc, "Value", Simple(&UDT_TEXT), 1, 1),
    ],
};

/// cac:AddressLineType
pub(super) static ADDRESS_LINE: Model = Model {
    ns: Cac,
    name: "AddressLineType",
    children: &[
        p(Cbc, "Line", Simple(&UDT_TEXT), 1, 1),
    ],
};

/// cac:AddressType
pub(super) static ADDRESS: Model = Model {
    ns: Cac,
    name: "AddressType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "AddressTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AddressFormatCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Postbox", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Floor", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Room", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "StreetName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "AdditionalStreetName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "BlockName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "BuildingName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "BuildingNumber", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "InhouseMail", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Department", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "MarkAttention", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "MarkCare", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PlotIdentification", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "CitySubdivisionName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "CityName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "PostalZone", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "CountrySubentity", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "CountrySubentityCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Region", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "District", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "TimezoneOffset", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "AddressLine", Aggregate(&ADDRESS_LINE), 0, N),
        p(Cac, "Country", Aggregate(&COUNTRY), 0, 1),
        p(Cac, "LocationCoordinate", Aggregate(&LOCATION_COORDINATE), 0, N),
    ],
};

/// cac:AirTransportType
pub(super) static AIR_TRANSPORT: Model = Model {
    ns: Cac,
    name: "AirTransportType",
    children: &[
        p(Cbc, "AircraftID", Simple(&UDT_IDENTIFIER), 1, 1),
    ],
};

/// cac:AllowanceChargeType
pub(super) static ALLOWANCE_CHARGE: Model = Model {
    ns: Cac,
    name: "AllowanceChargeType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ChargeIndicator", Simple(&UDT_INDICATOR), 1, 1),
        p(Cbc, "AllowanceChargeReasonCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AllowanceChargeReason", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "MultiplierFactorNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "PrepaidIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "SequenceNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cbc, "BaseAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "AccountingCostCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCost", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PerUnitAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "TaxCategory", Aggregate(&TAX_CATEGORY), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, 1),
        p(Cac, "PaymentMeans", Aggregate(&PAYMENT_MEANS), 0, N),
    ],
};

/// cac:AppealTermsType
pub(super) static APPEAL_TERMS: Model = Model {
    ns: Cac,
    name: "AppealTermsType",
    children: &[
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "PresentationPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "AppealInformationParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "AppealReceiverParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "MediationParty", Aggregate(&PARTY), 0, 1),
    ],
};

/// cac:AttachmentType
pub(super) static ATTACHMENT: Model = Model {
    ns: Cac,
    name: "AttachmentType",
    children: &[
        p(Cbc, "EmbeddedDocumentBinaryObject", Simple(&UDT_BINARY_OBJECT), 0, 1),
        p(Cac, "ExternalReference", Aggregate(&EXTERNAL_REFERENCE), 0, 1),
    ],
};

/// cac:AuctionTermsType
pub(super) static AUCTION_TERMS: Model = Model {
    ns: Cac,
    name: "AuctionTermsType",
    children: &[
        p(Cbc, "AuctionConstraintIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "JustificationDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ProcessDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ConditionsDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ElectronicDeviceDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "AuctionURI", Simple(&UDT_IDENTIFIER), 0, 1),
    ],
};

/// cac:AwardingCriterionResponseType
pub(super) static AWARDING_CRITERION_RESPONSE: Model = Model {
    ns: Cac,
    name: "AwardingCriterionResponseType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "AwardingCriterionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "AwardingCriterionDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "SubordinateAwardingCriterionResponse", Aggregate(&AWARDING_CRITERION_RESPONSE), 0, N),
    ],
};

/// cac:AwardingCriterionType
pub(super) static AWARDING_CRITERION: Model = Model {
    ns: Cac,
    name: "AwardingCriterionType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "AwardingCriterionTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "WeightNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "Weight", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CalculationExpression", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CalculationExpressionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "MinimumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MinimumAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "MaximumAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "MinimumImprovementBid", Simple(&UDT_TEXT), 0, N),
        p(Cac, "SubordinateAwardingCriterion", Aggregate(&AWARDING_CRITERION), 0, N),
    ],
};

/// cac:AwardingTermsType
pub(super) static AWARDING_TERMS: Model = Model {
    ns: Cac,
    name: "AwardingTermsType",
    children: &[
        p(Cbc, "WeightingAlgorithmCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TechnicalCommitteeDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LowTendersDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PrizeIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "PrizeDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PaymentDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "FollowupContractIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "BindingOnBuyerIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cac, "AwardingCriterion", Aggregate(&AWARDING_CRITERION), 0, N),
        p(Cac, "TechnicalCommitteePerson", Aggregate(&PERSON), 0, N),
    ],
};

/// cac:BillingReferenceLineType
pub(super) static BILLING_REFERENCE_LINE: Model = Model {
    ns: Cac,
    name: "BillingReferenceLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
    ],
};

/// cac:BillingReferenceType
pub(super) static BILLING_REFERENCE: Model = Model {
    ns: Cac,
    name: "BillingReferenceType",
    children: &[
        p(Cac, "InvoiceDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "SelfBilledInvoiceDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "CreditNoteDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "SelfBilledCreditNoteDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "DebitNoteDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "ReminderDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "AdditionalDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "BillingReferenceLine", Aggregate(&BILLING_REFERENCE_LINE), 0, N),
    ],
};

/// cac:BranchType
pub(super) static BRANCH: Model = Model {
    ns: Cac,
    name: "BranchType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cac, "FinancialInstitution", Aggregate(&FINANCIAL_INSTITUTION), 0, 1),
        p(Cac, "Address", Aggregate(&ADDRESS), 0, 1),
    ],
};

/// cac:BudgetAccountLineType
pub(super) static BUDGET_ACCOUNT_LINE: Model = Model {
    ns: Cac,
    name: "BudgetAccountLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "TotalAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "BudgetAccount", Aggregate(&BUDGET_ACCOUNT), 0, N),
    ],
};

/// cac:BudgetAccountType
pub(super) static BUDGET_ACCOUNT: Model = Model {
    ns: Cac,
    name: "BudgetAccountType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "BudgetYearNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cac, "RequiredClassificationScheme", Aggregate(&CLASSIFICATION_SCHEME), 0, 1),
    ],
};

/// cac:CapabilityType
pub(super) static CAPABILITY: Model = Model {
    ns: Cac,
    name: "CapabilityType",
    children: &[
        p(Cbc, "CapabilityTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "ValueQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "EvidenceSupplied", Aggregate(&EVIDENCE_SUPPLIED), 0, N),
        p(Cac, "ValidityPeriod", Aggregate(&PERIOD), 0, 1),
    ],
};

/// cac:CardAccountType
pub(super) static CARD_ACCOUNT: Model = Model {
    ns: Cac,
    name: "CardAccountType",
    children: &[
        p(Cbc, "PrimaryAccountNumberID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "NetworkID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "CardTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ValidityStartDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ExpiryDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "IssuerID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueNumberID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "CV2ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "CardChipCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ChipApplicationID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "HolderName", Simple(&UDT_NAME), 0, 1),
    ],
};

/// cac:CatalogueItemSpecificationUpdateLineType
pub(super) static CATALOGUE_ITEM_SPECIFICATION_UPDATE_LINE: Model = Model {
    ns: Cac,
    name: "CatalogueItemSpecificationUpdateLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cac, "ContractorCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "SellerSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
    ],
};

/// cac:CatalogueLineType
pub(super) static CATALOGUE_LINE: Model = Model {
    ns: Cac,
    name: "CatalogueLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "ActionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "LifeCycleStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ContractSubdivision", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "OrderableIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "OrderableUnit", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ContentUnitQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "OrderQuantityIncrementNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "MinimumOrderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumOrderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "WarrantyInformation", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PackLevelCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "ContractorCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "SellerSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "WarrantyParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "WarrantyValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "LineValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ItemComparison", Aggregate(&ITEM_COMPARISON), 0, N),
        p(Cac, "ComponentRelatedItem", Aggregate(&RELATED_ITEM), 0, N),
        p(Cac, "AccessoryRelatedItem", Aggregate(&RELATED_ITEM), 0, N),
        p(Cac, "RequiredRelatedItem", Aggregate(&RELATED_ITEM), 0, N),
        p(Cac, "ReplacementRelatedItem", Aggregate(&RELATED_ITEM), 0, N),
        p(Cac, "ComplementaryRelatedItem", Aggregate(&RELATED_ITEM), 0, N),
        p(Cac, "ReplacedRelatedItem", Aggregate(&RELATED_ITEM), 0, N),
        p(Cac, "RequiredItemLocationQuantity", Aggregate(&ITEM_LOCATION_QUANTITY), 0, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
        p(Cac, "KeywordItemProperty", Aggregate(&ITEM_PROPERTY), 0, N),
        p(Cac, "CallForTendersLineReference", Aggregate(&LINE_REFERENCE), 0, 1),
        p(Cac, "CallForTendersDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
    ],
};

/// cac:CataloguePricingUpdateLineType
pub(super) static CATALOGUE_PRICING_UPDATE_LINE: Model = Model {
    ns: Cac,
    name: "CataloguePricingUpdateLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cac, "ContractorCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "SellerSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "RequiredItemLocationQuantity", Aggregate(&ITEM_LOCATION_QUANTITY), 0, N),
    ],
};

/// cac:CatalogueReferenceType
pub(super) static CATALOGUE_REFERENCE: Model = Model {
    ns: Cac,
    name: "CatalogueReferenceType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "IssueTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "RevisionDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "RevisionTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "VersionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "PreviousVersionID", Simple(&UDT_IDENTIFIER), 0, 1),
    ],
};

/// cac:CatalogueRequestLineType
pub(super) static CATALOGUE_REQUEST_LINE: Model = Model {
    ns: Cac,
    name: "CatalogueRequestLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "ContractSubdivision", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cac, "LineValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "RequiredItemLocationQuantity", Aggregate(&ITEM_LOCATION_QUANTITY), 0, N),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
    ],
};

/// cac:CertificateOfOriginApplicationType
pub(super) static CERTIFICATE_OF_ORIGIN_APPLICATION: Model = Model {
    ns: Cac,
    name: "CertificateOfOriginApplicationType",
    children: &[
        p(Cbc, "ReferenceID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "CertificateType", Simple(&UDT_TEXT), 1, 1),
        p(Cbc, "ApplicationStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "OriginalJobID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "PreviousJobID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Remarks", Simple(&UDT_TEXT), 0, N),
        p(Cac, "Shipment", Aggregate(&SHIPMENT), 1, 1),
        p(Cac, "EndorserParty", Aggregate(&ENDORSER_PARTY), 1, N),
        p(Cac, "PreparationParty", Aggregate(&PARTY), 1, 1),
        p(Cac, "IssuerParty", Aggregate(&PARTY), 1, 1),
        p(Cac, "ExporterParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "ImporterParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "IssuingCountry", Aggregate(&COUNTRY), 1, 1),
        p(Cac, "DocumentDistribution", Aggregate(&DOCUMENT_DISTRIBUTION), 0, N),
        p(Cac, "SupportingDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "Signature", Aggregate(&SIGNATURE), 0, N),
    ],
};

/// cac:CertificateType
pub(super) static CERTIFICATE: Model = Model {
    ns: Cac,
    name: "CertificateType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "CertificateTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "CertificateType", Simple(&UDT_TEXT), 1, 1),
        p(Cbc, "Remarks", Simple(&UDT_TEXT), 0, N),
        p(Cac, "IssuerParty", Aggregate(&PARTY), 1, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "Signature", Aggregate(&SIGNATURE), 0, N),
    ],
};

/// cac:ClassificationCategoryType
pub(super) static CLASSIFICATION_CATEGORY: Model = Model {
    ns: Cac,
    name: "ClassificationCategoryType",
    children: &[
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "CodeValue", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "CategorizesClassificationCategory", Aggregate(&CLASSIFICATION_CATEGORY), 0, N),
    ],
};

/// cac:ClassificationSchemeType
pub(super) static CLASSIFICATION_SCHEME: Model = Model {
    ns: Cac,
    name: "ClassificationSchemeType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "LastRevisionDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "LastRevisionTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "AgencyID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "AgencyName", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "VersionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "URI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SchemeURI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "LanguageID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "ClassificationCategory", Aggregate(&CLASSIFICATION_CATEGORY), 1, N),
    ],
};

/// cac:ClauseType
pub(super) static CLAUSE: Model = Model {
    ns: Cac,
    name: "ClauseType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Content", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:CommodityClassificationType
pub(super) static COMMODITY_CLASSIFICATION: Model = Model {
    ns: Cac,
    name: "CommodityClassificationType",
    children: &[
        p(Cbc, "NatureCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CargoTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CommodityCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ItemClassificationCode", Simple(&UDT_CODE), 0, 1),
    ],
};

/// cac:CommunicationType
pub(super) static COMMUNICATION: Model = Model {
    ns: Cac,
    name: "CommunicationType",
    children: &[
        p(Cbc, "ChannelCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Channel", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Value", Simple(&UDT_TEXT), 0, 1),
    ],
};

/// cac:CompletedTaskType
pub(super) static COMPLETED_TASK: Model = Model {
    ns: Cac,
    name: "CompletedTaskType",
    children: &[
        p(Cbc, "AnnualAverageAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TotalTaskAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "PartyCapacityAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "EvidenceSupplied", Aggregate(&EVIDENCE_SUPPLIED), 0, N),
        p(Cac, "Period", Aggregate(&PERIOD), 0, 1),
        p(Cac, "RecipientCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
    ],
};

/// cac:ConditionType
pub(super) static CONDITION: Model = Model {
    ns: Cac,
    name: "ConditionType",
    children: &[
        p(Cbc, "AttributeID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Measure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "MinimumMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "MaximumMeasure", Simple(&UDT_MEASURE), 0, 1),
    ],
};

/// cac:ConsignmentType
pub(super) static CONSIGNMENT: Model = Model {
    ns: Cac,
    name: "ConsignmentType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "CarrierAssignedID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ConsigneeAssignedID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ConsignorAssignedID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "FreightForwarderAssignedID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "BrokerAssignedID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ContractedCarrierAssignedID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "PerformingCarrierAssignedID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SummaryDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TotalInvoiceAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "DeclaredCustomsValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TariffDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TariffCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "InsurancePremiumAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "GrossWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetNetWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "ChargeableWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "GrossVolumeMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetVolumeMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "LoadingLengthMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "Remarks", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "HazardousRiskIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "AnimalFoodIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "HumanFoodIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "LivestockIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "BulkCargoIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "ContainerizedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "GeneralCargoIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "SpecialSecurityIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "ThirdPartyPayerIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "CarrierServiceInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CustomsClearanceServiceInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ForwarderServiceInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "SpecialServiceInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "SequenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ShippingPriorityLevelCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "HandlingCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "HandlingInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Information", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TotalGoodsItemQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "TotalTransportHandlingUnitQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "InsuranceValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "DeclaredForCarriageValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "DeclaredStatisticsValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "FreeOnBoardValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "SpecialInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "SplitConsignmentIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "DeliveryInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ConsignmentQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ConsolidatableIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "HaulageInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LoadingSequenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ChildConsignmentQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "TotalPackagesQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "ConsolidatedShipment", Aggregate(&SHIPMENT), 0, N),
        p(Cac, "CustomsDeclaration", Aggregate(&CUSTOMS_DECLARATION), 0, N),
        p(Cac, "RequestedPickupTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "RequestedDeliveryTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "PlannedPickupTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "PlannedDeliveryTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "Status", Aggregate(&STATUS), 0, N),
        p(Cac, "ChildConsignment", Aggregate(&CONSIGNMENT), 0, N),
        p(Cac, "ConsigneeParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "ExporterParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "ConsignorParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "ImporterParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "CarrierParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "FreightForwarderParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "NotifyParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "OriginalDespatchParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "FinalDeliveryParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "PerformingCarrierParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "SubstituteCarrierParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "LogisticsOperatorParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "TransportAdvisorParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "HazardousItemNotificationParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "InsuranceParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "MortgageHolderParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "BillOfLadingHolderParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "OriginalDepartureCountry", Aggregate(&COUNTRY), 0, 1),
        p(Cac, "FinalDestinationCountry", Aggregate(&COUNTRY), 0, 1),
        p(Cac, "TransitCountry", Aggregate(&COUNTRY), 0, N),
        p(Cac, "TransportContract", Aggregate(&CONTRACT), 0, 1),
        p(Cac, "TransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "OriginalDespatchTransportationService", Aggregate(&TRANSPORTATION_SERVICE), 0, 1),
        p(Cac, "FinalDeliveryTransportationService", Aggregate(&TRANSPORTATION_SERVICE), 0, 1),
        p(Cac, "DeliveryTerms", Aggregate(&DELIVERY_TERMS), 0, 1),
        p(Cac, "PaymentTerms", Aggregate(&PAYMENT_TERMS), 0, 1),
        p(Cac, "CollectPaymentTerms", Aggregate(&PAYMENT_TERMS), 0, 1),
        p(Cac, "DisbursementPaymentTerms", Aggregate(&PAYMENT_TERMS), 0, 1),
        p(Cac, "PrepaidPaymentTerms", Aggregate(&PAYMENT_TERMS), 0, 1),
        p(Cac, "FreightAllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "ExtraAllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "MainCarriageShipmentStage", Aggregate(&SHIPMENT_STAGE), 0, N),
        p(Cac, "PreCarriageShipmentStage", Aggregate(&SHIPMENT_STAGE), 0, N),
        p(Cac, "OnCarriageShipmentStage", Aggregate(&SHIPMENT_STAGE), 0, N),
        p(Cac, "TransportHandlingUnit", Aggregate(&TRANSPORT_HANDLING_UNIT), 0, N),
        p(Cac, "FirstArrivalPortLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "LastExitPortLocation", Aggregate(&LOCATION), 0, 1),
    ],
};

/// cac:ConsumptionAverageType
pub(super) static CONSUMPTION_AVERAGE: Model = Model {
    ns: Cac,
    name: "ConsumptionAverageType",
    children: &[
        p(Cbc, "AverageAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:ConsumptionCorrectionType
pub(super) static CONSUMPTION_CORRECTION: Model = Model {
    ns: Cac,
    name: "ConsumptionCorrectionType",
    children: &[
        p(Cbc, "CorrectionType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "CorrectionTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "MeterNumber", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "GasPressureQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ActualTemperatureReductionQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "NormalTemperatureReductionQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "DifferenceTemperatureReductionQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CorrectionUnitAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "ConsumptionEnergyQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ConsumptionWaterQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "CorrectionAmount", Simple(&UDT_AMOUNT), 0, 1),
    ],
};

/// cac:ConsumptionHistoryType
pub(super) static CONSUMPTION_HISTORY: Model = Model {
    ns: Cac,
    name: "ConsumptionHistoryType",
    children: &[
        p(Cbc, "MeterNumber", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "ConsumptionLevelCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ConsumptionLevel", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "Period", Aggregate(&PERIOD), 1, 1),
    ],
};

/// cac:ConsumptionLineType
pub(super) static CONSUMPTION_LINE: Model = Model {
    ns: Cac,
    name: "ConsumptionLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "ParentDocumentLineReferenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "InvoicedQuantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "LineExtensionAmount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cac, "Period", Aggregate(&PERIOD), 0, 1),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, N),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "UtilityItem", Aggregate(&UTILITY_ITEM), 1, 1),
        p(Cac, "Price", Aggregate(&PRICE), 0, 1),
        p(Cac, "UnstructuredPrice", Aggregate(&UNSTRUCTURED_PRICE), 0, 1),
    ],
};

/// cac:ConsumptionPointType
pub(super) static CONSUMPTION_POINT: Model = Model {
    ns: Cac,
    name: "ConsumptionPointType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "SubscriberID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SubscriberType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "SubscriberTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TotalDeliveredQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "Address", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "WebSiteAccess", Aggregate(&WEB_SITE_ACCESS), 0, 1),
        p(Cac, "UtilityMeter", Aggregate(&METER), 0, N),
    ],
};

/// cac:ConsumptionReportReferenceType
pub(super) static CONSUMPTION_REPORT_REFERENCE: Model = Model {
    ns: Cac,
    name: "ConsumptionReportReferenceType",
    children: &[
        p(Cbc, "ConsumptionReportID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "ConsumptionType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ConsumptionTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TotalConsumedQuantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cac, "Period", Aggregate(&PERIOD), 1, 1),
    ],
};

/// cac:ConsumptionReportType
pub(super) static CONSUMPTION_REPORT: Model = Model {
    ns: Cac,
    name: "ConsumptionReportType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "ConsumptionType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ConsumptionTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TotalConsumedQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "BasicConsumedQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ResidentOccupantsNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "ConsumersEnergyLevelCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ConsumersEnergyLevel", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ResidenceType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ResidenceTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "HeatingType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "HeatingTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "Period", Aggregate(&PERIOD), 0, 1),
        p(Cac, "GuidanceDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "ConsumptionReportReference", Aggregate(&CONSUMPTION_REPORT_REFERENCE), 0, N),
        p(Cac, "ConsumptionHistory", Aggregate(&CONSUMPTION_HISTORY), 0, N),
    ],
};

/// cac:ConsumptionType
pub(super) static CONSUMPTION: Model = Model {
    ns: Cac,
    name: "ConsumptionType",
    children: &[
        p(Cbc, "UtilityStatementTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "MainPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "EnergyWaterSupply", Aggregate(&ENERGY_WATER_SUPPLY), 0, 1),
        p(Cac, "TelecommunicationsSupply", Aggregate(&TELECOMMUNICATIONS_SUPPLY), 0, 1),
        p(Cac, "LegalMonetaryTotal", Aggregate(&MONETARY_TOTAL), 1, 1),
    ],
};

/// cac:ContactType
pub(super) static CONTACT: Model = Model {
    ns: Cac,
    name: "ContactType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "Telephone", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Telefax", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ElectronicMail", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cac, "OtherCommunication", Aggregate(&COMMUNICATION), 0, N),
    ],
};

/// cac:ContractExecutionRequirementType
pub(super) static CONTRACT_EXECUTION_REQUIREMENT: Model = Model {
    ns: Cac,
    name: "ContractExecutionRequirementType",
    children: &[
        p(Cbc, "Name", Simple(&UDT_NAME), 0, N),
        p(Cbc, "ExecutionRequirementCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:ContractExtensionType
pub(super) static CONTRACT_EXTENSION: Model = Model {
    ns: Cac,
    name: "ContractExtensionType",
    children: &[
        p(Cbc, "OptionsDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "MinimumNumberNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "MaximumNumberNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cac, "OptionValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "Renewal", Aggregate(&RENEWAL), 0, N),
    ],
};

/// cac:ContractType
pub(super) static CONTRACT: Model = Model {
    ns: Cac,
    name: "ContractType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "IssueTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "NominationDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "NominationTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "ContractTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ContractType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "VersionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "ValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ContractDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "NominationPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ContractualDelivery", Aggregate(&DELIVERY), 0, 1),
    ],
};

/// cac:ContractingActivityType
pub(super) static CONTRACTING_ACTIVITY: Model = Model {
    ns: Cac,
    name: "ContractingActivityType",
    children: &[
        p(Cbc, "ActivityTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ActivityType", Simple(&UDT_TEXT), 0, 1),
    ],
};

/// cac:ContractingPartyType
pub(super) static CONTRACTING_PARTY: Model = Model {
    ns: Cac,
    name: "ContractingPartyType",
    children: &[
        p(Cbc, "BuyerProfileURI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "ContractingPartyType", Aggregate(&CONTRACTING_PARTY_TYPE), 0, N),
        p(Cac, "ContractingActivity", Aggregate(&CONTRACTING_ACTIVITY), 0, N),
        p(Cac, "Party", Aggregate(&PARTY), 1, 1),
    ],
};

/// cac:ContractingPartyTypeType
pub(super) static CONTRACTING_PARTY_TYPE: Model = Model {
    ns: Cac,
    name: "ContractingPartyTypeType",
    children: &[
        p(Cbc, "PartyTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PartyType", Simple(&UDT_TEXT), 0, 1),
    ],
};

/// cac:CorporateRegistrationSchemeType
pub(super) static CORPORATE_REGISTRATION_SCHEME: Model = Model {
    ns: Cac,
    name: "CorporateRegistrationSchemeType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "CorporateRegistrationTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "JurisdictionRegionAddress", Aggregate(&ADDRESS), 0, N),
    ],
};

/// cac:CountryType
pub(super) static COUNTRY: Model = Model {
    ns: Cac,
    name: "CountryType",
    children: &[
        p(Cbc, "IdentificationCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
    ],
};

/// cac:CreditAccountType
pub(super) static CREDIT_ACCOUNT: Model = Model {
    ns: Cac,
    name: "CreditAccountType",
    children: &[
        p(Cbc, "AccountID", Simple(&UDT_IDENTIFIER), 1, 1),
    ],
};

/// cac:CreditNoteLineType
pub(super) static CREDIT_NOTE_LINE: Model = Model {
    ns: Cac,
    name: "CreditNoteLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CreditedQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "LineExtensionAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TaxPointDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "AccountingCostCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCost", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PaymentPurposeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "FreeOfChargeIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cac, "InvoicePeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "OrderLineReference", Aggregate(&ORDER_LINE_REFERENCE), 0, N),
        p(Cac, "DiscrepancyResponse", Aggregate(&RESPONSE), 0, N),
        p(Cac, "DespatchLineReference", Aggregate(&LINE_REFERENCE), 0, N),
        p(Cac, "ReceiptLineReference", Aggregate(&LINE_REFERENCE), 0, N),
        p(Cac, "BillingReference", Aggregate(&BILLING_REFERENCE), 0, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "PricingReference", Aggregate(&PRICING_REFERENCE), 0, 1),
        p(Cac, "OriginatorParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, N),
        p(Cac, "PaymentTerms", Aggregate(&PAYMENT_TERMS), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "Item", Aggregate(&ITEM), 0, 1),
        p(Cac, "Price", Aggregate(&PRICE), 0, 1),
        p(Cac, "DeliveryTerms", Aggregate(&DELIVERY_TERMS), 0, N),
        p(Cac, "SubCreditNoteLine", Aggregate(&CREDIT_NOTE_LINE), 0, N),
        p(Cac, "ItemPriceExtension", Aggregate(&PRICE_EXTENSION), 0, 1),
    ],
};

/// cac:CustomerPartyType
pub(super) static CUSTOMER_PARTY: Model = Model {
    ns: Cac,
    name: "CustomerPartyType",
    children: &[
        p(Cbc, "CustomerAssignedAccountID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SupplierAssignedAccountID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "AdditionalAccountID", Simple(&UDT_IDENTIFIER), 0, N),
        p(Cac, "Party", Aggregate(&PARTY), 0, 1),
        p(Cac, "DeliveryContact", Aggregate(&CONTACT), 0, 1),
        p(Cac, "AccountingContact", Aggregate(&CONTACT), 0, 1),
        p(Cac, "BuyerContact", Aggregate(&CONTACT), 0, 1),
    ],
};

/// cac:CustomsDeclarationType
pub(super) static CUSTOMS_DECLARATION: Model = Model {
    ns: Cac,
    name: "CustomsDeclarationType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cac, "IssuerParty", Aggregate(&PARTY), 0, 1),
    ],
};

/// cac:DebitNoteLineType
pub(super) static DEBIT_NOTE_LINE: Model = Model {
    ns: Cac,
    name: "DebitNoteLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "DebitedQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "LineExtensionAmount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cbc, "TaxPointDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "AccountingCostCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCost", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PaymentPurposeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "DiscrepancyResponse", Aggregate(&RESPONSE), 0, N),
        p(Cac, "DespatchLineReference", Aggregate(&LINE_REFERENCE), 0, N),
        p(Cac, "ReceiptLineReference", Aggregate(&LINE_REFERENCE), 0, N),
        p(Cac, "BillingReference", Aggregate(&BILLING_REFERENCE), 0, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "PricingReference", Aggregate(&PRICING_REFERENCE), 0, 1),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "Item", Aggregate(&ITEM), 0, 1),
        p(Cac, "Price", Aggregate(&PRICE), 0, 1),
        p(Cac, "SubDebitNoteLine", Aggregate(&DEBIT_NOTE_LINE), 0, N),
    ],
};

/// cac:DeclarationType
pub(super) static DECLARATION: Model = Model {
    ns: Cac,
    name: "DeclarationType",
    children: &[
        p(Cbc, "Name", Simple(&UDT_NAME), 0, N),
        p(Cbc, "DeclarationTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "EvidenceSupplied", Aggregate(&EVIDENCE_SUPPLIED), 0, N),
    ],
};

/// cac:DeliveryTermsType
pub(super) static DELIVERY_TERMS: Model = Model {
    ns: Cac,
    name: "DeliveryTermsType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SpecialTerms", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LossRiskResponsibilityCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "LossRisk", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "DeliveryLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, 1),
    ],
};

/// cac:DeliveryType
pub(super) static DELIVERY: Model = Model {
    ns: Cac,
    name: "DeliveryType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MinimumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ActualDeliveryDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ActualDeliveryTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "LatestDeliveryDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "LatestDeliveryTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "ReleaseID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "TrackingID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "DeliveryAddress", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "DeliveryLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "AlternativeDeliveryLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "RequestedDeliveryPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "PromisedDeliveryPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "EstimatedDeliveryPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "CarrierParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "DeliveryParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "NotifyParty", Aggregate(&PARTY), 0, N),
        p(Cac, "Despatch", Aggregate(&DESPATCH), 0, 1),
        p(Cac, "DeliveryTerms", Aggregate(&DELIVERY_TERMS), 0, N),
        p(Cac, "MinimumDeliveryUnit", Aggregate(&DELIVERY_UNIT), 0, 1),
        p(Cac, "MaximumDeliveryUnit", Aggregate(&DELIVERY_UNIT), 0, 1),
        p(Cac, "Shipment", Aggregate(&SHIPMENT), 0, 1),
    ],
};

/// cac:DeliveryUnitType
pub(super) static DELIVERY_UNIT: Model = Model {
    ns: Cac,
    name: "DeliveryUnitType",
    children: &[
        p(Cbc, "BatchQuantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "ConsumerUnitQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "HazardousRiskIndicator", Simple(&UDT_INDICATOR), 0, 1),
    ],
};

/// cac:DependentPriceReferenceType
pub(super) static DEPENDENT_PRICE_REFERENCE: Model = Model {
    ns: Cac,
    name: "DependentPriceReferenceType",
    children: &[
        p(Cbc, "Percent", Simple(&UDT_PERCENT), 0, 1),
        p(Cac, "LocationAddress", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "DependentLineReference", Aggregate(&LINE_REFERENCE), 0, 1),
    ],
};

/// cac:DespatchLineType
pub(super) static DESPATCH_LINE: Model = Model {
    ns: Cac,
    name: "DespatchLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LineStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "DeliveredQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "BackorderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "BackorderReason", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "OutstandingQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "OutstandingReason", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "OversupplyQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "OrderLineReference", Aggregate(&ORDER_LINE_REFERENCE), 1, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
        p(Cac, "Shipment", Aggregate(&SHIPMENT), 0, N),
    ],
};

/// cac:DespatchType
pub(super) static DESPATCH: Model = Model {
    ns: Cac,
    name: "DespatchType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "RequestedDespatchDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "RequestedDespatchTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "EstimatedDespatchDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "EstimatedDespatchTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "ActualDespatchDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ActualDespatchTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "GuaranteedDespatchDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "GuaranteedDespatchTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "ReleaseID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Instructions", Simple(&UDT_TEXT), 0, N),
        p(Cac, "DespatchAddress", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "DespatchLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "DespatchParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "CarrierParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "NotifyParty", Aggregate(&PARTY), 0, N),
        p(Cac, "Contact", Aggregate(&CONTACT), 0, 1),
        p(Cac, "EstimatedDespatchPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "RequestedDespatchPeriod", Aggregate(&PERIOD), 0, 1),
    ],
};

/// cac:DimensionType
pub(super) static DIMENSION: Model = Model {
    ns: Cac,
    name: "DimensionType",
    children: &[
        p(Cbc, "AttributeID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Measure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "MinimumMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "MaximumMeasure", Simple(&UDT_MEASURE), 0, 1),
    ],
};

/// cac:DocumentDistributionType
pub(super) static DOCUMENT_DISTRIBUTION: Model = Model {
    ns: Cac,
    name: "DocumentDistributionType",
    children: &[
        p(Cbc, "PrintQualifier", Simple(&UDT_TEXT), 1, 1),
        p(Cbc, "MaximumCopiesNumeric", Simple(&UDT_NUMERIC), 1, 1),
        p(Cac, "Party", Aggregate(&PARTY), 1, 1),
    ],
};

/// cac:DocumentReferenceType
pub(super) static DOCUMENT_REFERENCE: Model = Model {
    ns: Cac,
    name: "DocumentReferenceType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "CopyIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "IssueTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "DocumentTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "DocumentType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "XPath", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LanguageID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "LocaleCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "VersionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "DocumentStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "DocumentDescription", Simple(&UDT_TEXT), 0, N),
        p(Cac, "Attachment", Aggregate(&ATTACHMENT), 0, 1),
        p(Cac, "ValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "IssuerParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "ResultOfVerification", Aggregate(&RESULT_OF_VERIFICATION), 0, 1),
    ],
};

/// cac:DocumentResponseType
pub(super) static DOCUMENT_RESPONSE: Model = Model {
    ns: Cac,
    name: "DocumentResponseType",
    children: &[
        p(Cac, "Response", Aggregate(&RESPONSE), 1, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 1, N),
        p(Cac, "IssuerParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "RecipientParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "LineResponse", Aggregate(&LINE_RESPONSE), 0, N),
    ],
};

/// cac:DutyType
pub(super) static DUTY: Model = Model {
    ns: Cac,
    name: "DutyType",
    children: &[
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cbc, "Duty", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "DutyCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "TaxCategory", Aggregate(&TAX_CATEGORY), 0, 1),
    ],
};

/// cac:EconomicOperatorRoleType
pub(super) static ECONOMIC_OPERATOR_ROLE: Model = Model {
    ns: Cac,
    name: "EconomicOperatorRoleType",
    children: &[
        p(Cbc, "RoleCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "RoleDescription", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:EconomicOperatorShortListType
pub(super) static ECONOMIC_OPERATOR_SHORT_LIST: Model = Model {
    ns: Cac,
    name: "EconomicOperatorShortListType",
    children: &[
        p(Cbc, "LimitationDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ExpectedQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MinimumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "PreSelectedParty", Aggregate(&PARTY), 0, N),
    ],
};

/// cac:EmissionCalculationMethodType
pub(super) static EMISSION_CALCULATION_METHOD: Model = Model {
    ns: Cac,
    name: "EmissionCalculationMethodType",
    children: &[
        p(Cbc, "CalculationMethodCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "FullnessIndicationCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "MeasurementFromLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "MeasurementToLocation", Aggregate(&LOCATION), 0, 1),
    ],
};

/// cac:EndorsementType
pub(super) static ENDORSEMENT: Model = Model {
    ns: Cac,
    name: "EndorsementType",
    children: &[
        p(Cbc, "DocumentID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "ApprovalStatus", Simple(&UDT_TEXT), 1, 1),
        p(Cbc, "Remarks", Simple(&UDT_TEXT), 0, N),
        p(Cac, "EndorserParty", Aggregate(&ENDORSER_PARTY), 1, 1),
        p(Cac, "Signature", Aggregate(&SIGNATURE), 0, N),
    ],
};

/// cac:EndorserPartyType
pub(super) static ENDORSER_PARTY: Model = Model {
    ns: Cac,
    name: "EndorserPartyType",
    children: &[
        p(Cbc, "RoleCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "SequenceNumeric", Simple(&UDT_NUMERIC), 1, 1),
        p(Cac, "Party", Aggregate(&PARTY), 1, 1),
        p(Cac, "SignatoryContact", Aggregate(&CONTACT), 1, 1),
    ],
};

/// cac:EnergyTaxReportType
pub(super) static ENERGY_TAX_REPORT: Model = Model {
    ns: Cac,
    name: "EnergyTaxReportType",
    children: &[
        p(Cbc, "TaxEnergyAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TaxEnergyOnAccountAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TaxEnergyBalanceAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "TaxScheme", Aggregate(&TAX_SCHEME), 1, 1),
    ],
};

/// cac:EnergyWaterSupplyType
pub(super) static ENERGY_WATER_SUPPLY: Model = Model {
    ns: Cac,
    name: "EnergyWaterSupplyType",
    children: &[
        p(Cac, "ConsumptionReport", Aggregate(&CONSUMPTION_REPORT), 0, N),
        p(Cac, "EnergyTaxReport", Aggregate(&ENERGY_TAX_REPORT), 0, N),
        p(Cac, "ConsumptionAverage", Aggregate(&CONSUMPTION_AVERAGE), 0, N),
        p(Cac, "EnergyWaterConsumptionCorrection", Aggregate(&CONSUMPTION_CORRECTION), 0, N),
    ],
};

/// cac:EnvironmentalEmissionType
pub(super) static ENVIRONMENTAL_EMISSION: Model = Model {
    ns: Cac,
    name: "EnvironmentalEmissionType",
    children: &[
        p(Cbc, "EnvironmentalEmissionTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "ValueMeasure", Simple(&UDT_MEASURE), 1, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "EmissionCalculationMethod", Aggregate(&EMISSION_CALCULATION_METHOD), 0, N),
    ],
};

/// cac:EvaluationCriterionType
pub(super) static EVALUATION_CRITERION: Model = Model {
    ns: Cac,
    name: "EvaluationCriterionType",
    children: &[
        p(Cbc, "EvaluationCriterionTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ThresholdAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "ThresholdQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ExpressionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Expression", Simple(&UDT_TEXT), 0, N),
        p(Cac, "DurationPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "SuggestedEvidence", Aggregate(&EVIDENCE), 0, N),
    ],
};

/// cac:EventCommentType
pub(super) static EVENT_COMMENT: Model = Model {
    ns: Cac,
    name: "EventCommentType",
    children: &[
        p(Cbc, "Comment", Simple(&UDT_TEXT), 1, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "IssueTime", Simple(&UDT_TIME), 0, 1),
    ],
};

/// cac:EventLineItemType
pub(super) static EVENT_LINE_ITEM: Model = Model {
    ns: Cac,
    name: "EventLineItemType",
    children: &[
        p(Cbc, "LineNumberNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cac, "ParticipatingLocationsLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "RetailPlannedImpact", Aggregate(&RETAIL_PLANNED_IMPACT), 0, N),
        p(Cac, "SupplyItem", Aggregate(&ITEM), 1, 1),
    ],
};

/// cac:EventTacticEnumerationType
pub(super) static EVENT_TACTIC_ENUMERATION: Model = Model {
    ns: Cac,
    name: "EventTacticEnumerationType",
    children: &[
        p(Cbc, "ConsumerIncentiveTacticTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "DisplayTacticTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "FeatureTacticTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TradeItemPackingLabelingTypeCode", Simple(&UDT_CODE), 0, 1),
    ],
};

/// cac:EventTacticType
pub(super) static EVENT_TACTIC: Model = Model {
    ns: Cac,
    name: "EventTacticType",
    children: &[
        p(Cbc, "Comment", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "EventTacticEnumeration", Aggregate(&EVENT_TACTIC_ENUMERATION), 1, 1),
        p(Cac, "Period", Aggregate(&PERIOD), 0, 1),
    ],
};

/// cac:EventType
pub(super) static EVENT: Model = Model {
    ns: Cac,
    name: "EventType",
    children: &[
        p(Cbc, "IdentificationID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "OccurrenceDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "OccurrenceTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "TypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CompletionIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cac, "CurrentStatus", Aggregate(&STATUS), 0, N),
        p(Cac, "Contact", Aggregate(&CONTACT), 0, N),
        p(Cac, "OccurenceLocation", Aggregate(&LOCATION), 0, 1),
    ],
};

/// cac:EvidenceSuppliedType
pub(super) static EVIDENCE_SUPPLIED: Model = Model {
    ns: Cac,
    name: "EvidenceSuppliedType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
    ],
};

/// cac:EvidenceType
pub(super) static EVIDENCE: Model = Model {
    ns: Cac,
    name: "EvidenceType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "EvidenceTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CandidateStatement", Simple(&UDT_TEXT), 0, N),
        p(Cac, "EvidenceIssuingParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "Language", Aggregate(&LANGUAGE), 0, 1),
    ],
};

/// cac:ExceptionCriteriaLineType
pub(super) static EXCEPTION_CRITERIA_LINE: Model = Model {
    ns: Cac,
    name: "ExceptionCriteriaLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ThresholdValueComparisonCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "ThresholdQuantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "ExceptionStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CollaborationPriorityCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ExceptionResolutionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "SupplyChainActivityTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PerformanceMetricTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "EffectivePeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "SupplyItem", Aggregate(&ITEM), 1, N),
        p(Cac, "ForecastExceptionCriterionLine", Aggregate(&FORECAST_EXCEPTION_CRITERION_LINE), 0, 1),
    ],
};

/// cac:ExceptionNotificationLineType
pub(super) static EXCEPTION_NOTIFICATION_LINE: Model = Model {
    ns: Cac,
    name: "ExceptionNotificationLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ExceptionStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CollaborationPriorityCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ResolutionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ComparedValueMeasure", Simple(&UDT_MEASURE), 1, 1),
        p(Cbc, "SourceValueMeasure", Simple(&UDT_MEASURE), 1, 1),
        p(Cbc, "VarianceQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "SupplyChainActivityTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PerformanceMetricTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "ExceptionObservationPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ForecastException", Aggregate(&FORECAST_EXCEPTION), 0, 1),
        p(Cac, "SupplyItem", Aggregate(&ITEM), 1, 1),
    ],
};

/// cac:ExchangeRateType
pub(super) static EXCHANGE_RATE: Model = Model {
    ns: Cac,
    name: "ExchangeRateType",
    children: &[
        p(Cbc, "SourceCurrencyCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "SourceCurrencyBaseRate", Simple(&UDT_RATE), 0, 1),
        p(Cbc, "TargetCurrencyCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "TargetCurrencyBaseRate", Simple(&UDT_RATE), 0, 1),
        p(Cbc, "ExchangeMarketID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "CalculationRate", Simple(&UDT_RATE), 0, 1),
        p(Cbc, "MathematicOperatorCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Date", Simple(&UDT_DATE), 0, 1),
        p(Cac, "ForeignExchangeContract", Aggregate(&CONTRACT), 0, 1),
    ],
};

/// cac:ExternalReferenceType
pub(super) static EXTERNAL_REFERENCE: Model = Model {
    ns: Cac,
    name: "ExternalReferenceType",
    children: &[
        p(Cbc, "URI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "DocumentHash", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "HashAlgorithmMethod", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ExpiryDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ExpiryTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "MimeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "FormatCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "EncodingCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CharacterSetCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "FileName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:FinancialAccountType
pub(super) static FINANCIAL_ACCOUNT: Model = Model {
    ns: Cac,
    name: "FinancialAccountType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "AliasName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "AccountTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountFormatCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PaymentNote", Simple(&UDT_TEXT), 0, N),
        p(Cac, "FinancialInstitutionBranch", Aggregate(&BRANCH), 0, 1),
        p(Cac, "Country", Aggregate(&COUNTRY), 0, 1),
    ],
};

/// cac:FinancialGuaranteeType
pub(super) static FINANCIAL_GUARANTEE: Model = Model {
    ns: Cac,
    name: "FinancialGuaranteeType",
    children: &[
        p(Cbc, "GuaranteeTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LiabilityAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "AmountRate", Simple(&UDT_RATE), 0, 1),
        p(Cac, "ConstitutionPeriod", Aggregate(&PERIOD), 0, 1),
    ],
};

/// cac:FinancialInstitutionType
pub(super) static FINANCIAL_INSTITUTION: Model = Model {
    ns: Cac,
    name: "FinancialInstitutionType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cac, "Address", Aggregate(&ADDRESS), 0, 1),
    ],
};

/// cac:ForecastExceptionCriterionLineType
pub(super) static FORECAST_EXCEPTION_CRITERION_LINE: Model = Model {
    ns: Cac,
    name: "ForecastExceptionCriterionLineType",
    children: &[
        p(Cbc, "ForecastPurposeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "ForecastTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "ComparisonDataSourceCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "DataSourceCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "TimeDeltaDaysQuantity", Simple(&UDT_QUANTITY), 0, 1),
    ],
};

/// cac:ForecastExceptionType
pub(super) static FORECAST_EXCEPTION: Model = Model {
    ns: Cac,
    name: "ForecastExceptionType",
    children: &[
        p(Cbc, "ForecastPurposeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "ForecastTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 1, 1),
        p(Cbc, "IssueTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "DataSourceCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "ComparisonDataCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ComparisonForecastIssueTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "ComparisonForecastIssueDate", Simple(&UDT_DATE), 0, 1),
    ],
};

/// cac:ForecastLineType
pub(super) static FORECAST_LINE: Model = Model {
    ns: Cac,
    name: "ForecastLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "FrozenDocumentIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "ForecastTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cac, "ForecastPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "SalesItem", Aggregate(&SALES_ITEM), 0, 1),
    ],
};

/// cac:ForecastRevisionLineType
pub(super) static FORECAST_REVISION_LINE: Model = Model {
    ns: Cac,
    name: "ForecastRevisionLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "RevisedForecastLineID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "SourceForecastIssueDate", Simple(&UDT_DATE), 1, 1),
        p(Cbc, "SourceForecastIssueTime", Simple(&UDT_TIME), 1, 1),
        p(Cbc, "AdjustmentReasonCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "ForecastPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "SalesItem", Aggregate(&SALES_ITEM), 0, 1),
    ],
};

/// cac:FrameworkAgreementType
pub(super) static FRAMEWORK_AGREEMENT: Model = Model {
    ns: Cac,
    name: "FrameworkAgreementType",
    children: &[
        p(Cbc, "ExpectedOperatorQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumOperatorQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "Justification", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Frequency", Simple(&UDT_TEXT), 0, N),
        p(Cac, "DurationPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "SubsequentProcessTenderRequirement", Aggregate(&TENDER_REQUIREMENT), 0, N),
    ],
};

/// cac:GoodsItemContainerType
pub(super) static GOODS_ITEM_CONTAINER: Model = Model {
    ns: Cac,
    name: "GoodsItemContainerType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "TransportEquipment", Aggregate(&TRANSPORT_EQUIPMENT), 0, N),
    ],
};

/// cac:GoodsItemType
pub(super) static GOODS_ITEM: Model = Model {
    ns: Cac,
    name: "GoodsItemType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SequenceNumberID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "HazardousRiskIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "DeclaredCustomsValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "DeclaredForCarriageValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "DeclaredStatisticsValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "FreeOnBoardValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "InsuranceValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "ValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "GrossWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetNetWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "ChargeableWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "GrossVolumeMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetVolumeMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "PreferenceCriterionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "RequiredCustomsID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "CustomsStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CustomsTariffQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "CustomsImportClassifiedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "ChargeableQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ReturnableQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "TraceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "Item", Aggregate(&ITEM), 0, N),
        p(Cac, "GoodsItemContainer", Aggregate(&GOODS_ITEM_CONTAINER), 0, N),
        p(Cac, "FreightAllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "InvoiceLine", Aggregate(&INVOICE_LINE), 0, N),
        p(Cac, "Temperature", Aggregate(&TEMPERATURE), 0, N),
        p(Cac, "ContainedGoodsItem", Aggregate(&GOODS_ITEM), 0, N),
        p(Cac, "OriginAddress", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, 1),
        p(Cac, "Pickup", Aggregate(&PICKUP), 0, 1),
        p(Cac, "Despatch", Aggregate(&DESPATCH), 0, 1),
        p(Cac, "MeasurementDimension", Aggregate(&DIMENSION), 0, N),
        p(Cac, "ContainingPackage", Aggregate(&PACKAGE), 0, N),
        p(Cac, "ShipmentDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "MinimumTemperature", Aggregate(&TEMPERATURE), 0, 1),
        p(Cac, "MaximumTemperature", Aggregate(&TEMPERATURE), 0, 1),
    ],
};

/// cac:HazardousGoodsTransitType
pub(super) static HAZARDOUS_GOODS_TRANSIT: Model = Model {
    ns: Cac,
    name: "HazardousGoodsTransitType",
    children: &[
        p(Cbc, "TransportEmergencyCardCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PackingCriteriaCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "HazardousRegulationCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "InhalationToxicityZoneCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TransportAuthorizationCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "MaximumTemperature", Aggregate(&TEMPERATURE), 0, 1),
        p(Cac, "MinimumTemperature", Aggregate(&TEMPERATURE), 0, 1),
    ],
};

/// cac:HazardousItemType
pub(super) static HAZARDOUS_ITEM: Model = Model {
    ns: Cac,
    name: "HazardousItemType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "PlacardNotation", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PlacardEndorsement", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "AdditionalInformation", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "UNDGCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "EmergencyProceduresCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "MedicalFirstAidGuideCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TechnicalName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "CategoryName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "HazardousCategoryCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "UpperOrangeHazardPlacardID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "LowerOrangeHazardPlacardID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "MarkingID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "HazardClassID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "NetWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetVolumeMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "ContactParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "SecondaryHazard", Aggregate(&SECONDARY_HAZARD), 0, N),
        p(Cac, "HazardousGoodsTransit", Aggregate(&HAZARDOUS_GOODS_TRANSIT), 0, N),
        p(Cac, "EmergencyTemperature", Aggregate(&TEMPERATURE), 0, 1),
        p(Cac, "FlashpointTemperature", Aggregate(&TEMPERATURE), 0, 1),
        p(Cac, "AdditionalTemperature", Aggregate(&TEMPERATURE), 0, N),
    ],
};

/// cac:ImmobilizedSecurityType
pub(super) static IMMOBILIZED_SECURITY: Model = Model {
    ns: Cac,
    name: "ImmobilizedSecurityType",
    children: &[
        p(Cbc, "ImmobilizationCertificateID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SecurityID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "FaceValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "MarketValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "SharesNumberQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "IssuerParty", Aggregate(&PARTY), 0, 1),
    ],
};

/// cac:InstructionForReturnsLineType
pub(super) static INSTRUCTION_FOR_RETURNS_LINE: Model = Model {
    ns: Cac,
    name: "InstructionForReturnsLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cac, "ManufacturerParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
    ],
};

/// cac:InventoryReportLineType
pub(super) static INVENTORY_REPORT_LINE: Model = Model {
    ns: Cac,
    name: "InventoryReportLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "InventoryValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "AvailabilityDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "AvailabilityStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
        p(Cac, "InventoryLocation", Aggregate(&LOCATION), 0, 1),
    ],
};

/// cac:InvoiceLineType
pub(super) static INVOICE_LINE: Model = Model {
    ns: Cac,
    name: "InvoiceLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "InvoicedQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "LineExtensionAmount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cbc, "TaxPointDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "AccountingCostCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCost", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PaymentPurposeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "FreeOfChargeIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cac, "InvoicePeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "OrderLineReference", Aggregate(&ORDER_LINE_REFERENCE), 0, N),
        p(Cac, "DespatchLineReference", Aggregate(&LINE_REFERENCE), 0, N),
        p(Cac, "ReceiptLineReference", Aggregate(&LINE_REFERENCE), 0, N),
        p(Cac, "BillingReference", Aggregate(&BILLING_REFERENCE), 0, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "PricingReference", Aggregate(&PRICING_REFERENCE), 0, 1),
        p(Cac, "OriginatorParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, N),
        p(Cac, "PaymentTerms", Aggregate(&PAYMENT_TERMS), 0, N),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "WithholdingTaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
        p(Cac, "Price", Aggregate(&PRICE), 0, 1),
        p(Cac, "DeliveryTerms", Aggregate(&DELIVERY_TERMS), 0, 1),
        p(Cac, "SubInvoiceLine", Aggregate(&INVOICE_LINE), 0, N),
        p(Cac, "ItemPriceExtension", Aggregate(&PRICE_EXTENSION), 0, 1),
    ],
};

/// cac:ItemComparisonType
pub(super) static ITEM_COMPARISON: Model = Model {
    ns: Cac,
    name: "ItemComparisonType",
    children: &[
        p(Cbc, "PriceAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
    ],
};

/// cac:ItemIdentificationType
pub(super) static ITEM_IDENTIFICATION: Model = Model {
    ns: Cac,
    name: "ItemIdentificationType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "ExtendedID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "BarcodeSymbologyID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "PhysicalAttribute", Aggregate(&PHYSICAL_ATTRIBUTE), 0, N),
        p(Cac, "MeasurementDimension", Aggregate(&DIMENSION), 0, N),
        p(Cac, "IssuerParty", Aggregate(&PARTY), 0, 1),
    ],
};

/// cac:ItemInformationRequestLineType
pub(super) static ITEM_INFORMATION_REQUEST_LINE: Model = Model {
    ns: Cac,
    name: "ItemInformationRequestLineType",
    children: &[
        p(Cbc, "TimeFrequencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "SupplyChainActivityTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ForecastTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PerformanceMetricTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "Period", Aggregate(&PERIOD), 1, N),
        p(Cac, "SalesItem", Aggregate(&SALES_ITEM), 1, N),
    ],
};

/// cac:ItemInstanceType
pub(super) static ITEM_INSTANCE: Model = Model {
    ns: Cac,
    name: "ItemInstanceType",
    children: &[
        p(Cbc, "ProductTraceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ManufactureDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ManufactureTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "BestBeforeDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "RegistrationID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SerialID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "AdditionalItemProperty", Aggregate(&ITEM_PROPERTY), 0, N),
        p(Cac, "LotIdentification", Aggregate(&LOT_IDENTIFICATION), 0, 1),
    ],
};

/// cac:ItemLocationQuantityType
pub(super) static ITEM_LOCATION_QUANTITY: Model = Model {
    ns: Cac,
    name: "ItemLocationQuantityType",
    children: &[
        p(Cbc, "LeadTimeMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "MinimumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "HazardousRiskIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "TradingRestrictions", Simple(&UDT_TEXT), 0, N),
        p(Cac, "ApplicableTerritoryAddress", Aggregate(&ADDRESS), 0, N),
        p(Cac, "Price", Aggregate(&PRICE), 0, 1),
        p(Cac, "DeliveryUnit", Aggregate(&DELIVERY_UNIT), 0, N),
        p(Cac, "ApplicableTaxCategory", Aggregate(&TAX_CATEGORY), 0, N),
        p(Cac, "Package", Aggregate(&PACKAGE), 0, 1),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "DependentPriceReference", Aggregate(&DEPENDENT_PRICE_REFERENCE), 0, 1),
    ],
};

/// cac:ItemManagementProfileType
pub(super) static ITEM_MANAGEMENT_PROFILE: Model = Model {
    ns: Cac,
    name: "ItemManagementProfileType",
    children: &[
        p(Cbc, "FrozenPeriodDaysNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "MinimumInventoryQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MultipleOrderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "OrderIntervalDaysNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "ReplenishmentOwnerDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TargetServicePercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "TargetInventoryQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "EffectivePeriod", Aggregate(&PERIOD), 1, 1),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
        p(Cac, "ItemLocationQuantity", Aggregate(&ITEM_LOCATION_QUANTITY), 0, 1),
    ],
};

/// cac:ItemPropertyGroupType
pub(super) static ITEM_PROPERTY_GROUP: Model = Model {
    ns: Cac,
    name: "ItemPropertyGroupType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "ImportanceCode", Simple(&UDT_CODE), 0, 1),
    ],
};

/// cac:ItemPropertyRangeType
pub(super) static ITEM_PROPERTY_RANGE: Model = Model {
    ns: Cac,
    name: "ItemPropertyRangeType",
    children: &[
        p(Cbc, "MinimumValue", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "MaximumValue", Simple(&UDT_TEXT), 0, 1),
    ],
};

/// cac:ItemPropertyType
pub(super) static ITEM_PROPERTY: Model = Model {
    ns: Cac,
    name: "ItemPropertyType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 1, 1),
        p(Cbc, "NameCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TestMethod", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Value", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ValueQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ValueQualifier", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ImportanceCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ListValue", Simple(&UDT_TEXT), 0, N),
        p(Cac, "UsabilityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ItemPropertyGroup", Aggregate(&ITEM_PROPERTY_GROUP), 0, N),
        p(Cac, "RangeDimension", Aggregate(&DIMENSION), 0, 1),
        p(Cac, "ItemPropertyRange", Aggregate(&ITEM_PROPERTY_RANGE), 0, 1),
    ],
};

/// cac:ItemType
pub(super) static ITEM: Model = Model {
    ns: Cac,
    name: "ItemType",
    children: &[
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PackQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "PackSizeNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "CatalogueIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "HazardousRiskIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "AdditionalInformation", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Keyword", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "BrandName", Simple(&UDT_NAME), 0, N),
        p(Cbc, "ModelName", Simple(&UDT_NAME), 0, N),
        p(Cac, "BuyersItemIdentification", Aggregate(&ITEM_IDENTIFICATION), 0, 1),
        p(Cac, "SellersItemIdentification", Aggregate(&ITEM_IDENTIFICATION), 0, 1),
        p(Cac, "ManufacturersItemIdentification", Aggregate(&ITEM_IDENTIFICATION), 0, N),
        p(Cac, "StandardItemIdentification", Aggregate(&ITEM_IDENTIFICATION), 0, 1),
        p(Cac, "CatalogueItemIdentification", Aggregate(&ITEM_IDENTIFICATION), 0, 1),
        p(Cac, "AdditionalItemIdentification", Aggregate(&ITEM_IDENTIFICATION), 0, N),
        p(Cac, "CatalogueDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "ItemSpecificationDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "OriginCountry", Aggregate(&COUNTRY), 0, 1),
        p(Cac, "CommodityClassification", Aggregate(&COMMODITY_CLASSIFICATION), 0, N),
        p(Cac, "TransactionConditions", Aggregate(&TRANSACTION_CONDITIONS), 0, N),
        p(Cac, "HazardousItem", Aggregate(&HAZARDOUS_ITEM), 0, N),
        p(Cac, "ClassifiedTaxCategory", Aggregate(&TAX_CATEGORY), 0, N),
        p(Cac, "AdditionalItemProperty", Aggregate(&ITEM_PROPERTY), 0, N),
        p(Cac, "ManufacturerParty", Aggregate(&PARTY), 0, N),
        p(Cac, "InformationContentProviderParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "OriginAddress", Aggregate(&ADDRESS), 0, N),
        p(Cac, "ItemInstance", Aggregate(&ITEM_INSTANCE), 0, N),
        p(Cac, "Certificate", Aggregate(&CERTIFICATE), 0, N),
        p(Cac, "Dimension", Aggregate(&DIMENSION), 0, N),
    ],
};

/// cac:LanguageType
pub(super) static LANGUAGE: Model = Model {
    ns: Cac,
    name: "LanguageType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "LocaleCode", Simple(&UDT_CODE), 0, 1),
    ],
};

/// cac:LineItemType
pub(super) static LINE_ITEM: Model = Model {
    ns: Cac,
    name: "LineItemType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "SalesOrderID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LineStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "LineExtensionAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TotalTaxAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "MinimumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MinimumBackorderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumBackorderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "InspectionMethodCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PartialDeliveryIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "BackOrderAllowedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "AccountingCostCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCost", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "WarrantyInformation", Simple(&UDT_TEXT), 0, N),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, N),
        p(Cac, "DeliveryTerms", Aggregate(&DELIVERY_TERMS), 0, 1),
        p(Cac, "OriginatorParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "OrderedShipment", Aggregate(&ORDERED_SHIPMENT), 0, N),
        p(Cac, "PricingReference", Aggregate(&PRICING_REFERENCE), 0, 1),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "Price", Aggregate(&PRICE), 0, 1),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
        p(Cac, "SubLineItem", Aggregate(&LINE_ITEM), 0, N),
        p(Cac, "WarrantyValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "WarrantyParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "ItemPriceExtension", Aggregate(&PRICE_EXTENSION), 0, 1),
        p(Cac, "LineReference", Aggregate(&LINE_REFERENCE), 0, N),
    ],
};

/// cac:LineReferenceType
pub(super) static LINE_REFERENCE: Model = Model {
    ns: Cac,
    name: "LineReferenceType",
    children: &[
        p(Cbc, "LineID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "LineStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
    ],
};

/// cac:LineResponseType
pub(super) static LINE_RESPONSE: Model = Model {
    ns: Cac,
    name: "LineResponseType",
    children: &[
        p(Cac, "LineReference", Aggregate(&LINE_REFERENCE), 1, 1),
        p(Cac, "Response", Aggregate(&RESPONSE), 1, N),
    ],
};

/// cac:LocationCoordinateType
pub(super) static LOCATION_COORDINATE: Model = Model {
    ns: Cac,
    name: "LocationCoordinateType",
    children: &[
        p(Cbc, "CoordinateSystemCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "LatitudeDegreesMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "LatitudeMinutesMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "LatitudeDirectionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "LongitudeDegreesMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "LongitudeMinutesMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "LongitudeDirectionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AltitudeMeasure", Simple(&UDT_MEASURE), 0, 1),
    ],
};

/// cac:LocationType
pub(super) static LOCATION: Model = Model {
    ns: Cac,
    name: "LocationType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Conditions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CountrySubentity", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "CountrySubentityCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "LocationTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "InformationURI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cac, "ValidityPeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "Address", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "SubsidiaryLocation", Aggregate(&LOCATION), 0, N),
        p(Cac, "LocationCoordinate", Aggregate(&LOCATION_COORDINATE), 0, N),
    ],
};

/// cac:LotIdentificationType
pub(super) static LOT_IDENTIFICATION: Model = Model {
    ns: Cac,
    name: "LotIdentificationType",
    children: &[
        p(Cbc, "LotNumberID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ExpiryDate", Simple(&UDT_DATE), 0, 1),
        p(Cac, "AdditionalItemProperty", Aggregate(&ITEM_PROPERTY), 0, N),
    ],
};

/// cac:MaritimeTransportType
pub(super) static MARITIME_TRANSPORT: Model = Model {
    ns: Cac,
    name: "MaritimeTransportType",
    children: &[
        p(Cbc, "VesselID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "VesselName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "RadioCallSignID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ShipsRequirements", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "GrossTonnageMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetTonnageMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cac, "RegistryCertificateDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "RegistryPortLocation", Aggregate(&LOCATION), 0, 1),
    ],
};

/// cac:MeterPropertyType
pub(super) static METER_PROPERTY: Model = Model {
    ns: Cac,
    name: "MeterPropertyType",
    children: &[
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "NameCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Value", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ValueQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ValueQualifier", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:MeterReadingType
pub(super) static METER_READING: Model = Model {
    ns: Cac,
    name: "MeterReadingType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "MeterReadingType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "MeterReadingTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PreviousMeterReadingDate", Simple(&UDT_DATE), 1, 1),
        p(Cbc, "PreviousMeterQuantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "LatestMeterReadingDate", Simple(&UDT_DATE), 1, 1),
        p(Cbc, "LatestMeterQuantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "PreviousMeterReadingMethod", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PreviousMeterReadingMethodCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "LatestMeterReadingMethod", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "LatestMeterReadingMethodCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "MeterReadingComments", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "DeliveredQuantity", Simple(&UDT_QUANTITY), 1, 1),
    ],
};

/// cac:MeterType
pub(super) static METER: Model = Model {
    ns: Cac,
    name: "MeterType",
    children: &[
        p(Cbc, "MeterNumber", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "MeterName", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "MeterConstant", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "MeterConstantCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TotalDeliveredQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "MeterReading", Aggregate(&METER_READING), 0, N),
        p(Cac, "MeterProperty", Aggregate(&METER_PROPERTY), 0, N),
    ],
};

/// cac:MiscellaneousEventType
pub(super) static MISCELLANEOUS_EVENT: Model = Model {
    ns: Cac,
    name: "MiscellaneousEventType",
    children: &[
        p(Cbc, "MiscellaneousEventTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cac, "EventLineItem", Aggregate(&EVENT_LINE_ITEM), 1, N),
    ],
};

/// cac:MonetaryTotalType
pub(super) static MONETARY_TOTAL: Model = Model {
    ns: Cac,
    name: "MonetaryTotalType",
    children: &[
        p(Cbc, "LineExtensionAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TaxExclusiveAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TaxInclusiveAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "AllowanceTotalAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "ChargeTotalAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "PrepaidAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "PayableRoundingAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "PayableAmount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cbc, "PayableAlternativeAmount", Simple(&UDT_AMOUNT), 0, 1),
    ],
};

/// cac:NotificationRequirementType
pub(super) static NOTIFICATION_REQUIREMENT: Model = Model {
    ns: Cac,
    name: "NotificationRequirementType",
    children: &[
        p(Cbc, "NotificationTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "PostEventNotificationDurationMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "PreEventNotificationDurationMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cac, "NotifyParty", Aggregate(&PARTY), 0, N),
        p(Cac, "NotificationPeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "NotificationLocation", Aggregate(&LOCATION), 0, N),
    ],
};

/// cac:OnAccountPaymentType
pub(super) static ON_ACCOUNT_PAYMENT: Model = Model {
    ns: Cac,
    name: "OnAccountPaymentType",
    children: &[
        p(Cbc, "EstimatedConsumedQuantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cac, "PaymentTerms", Aggregate(&PAYMENT_TERMS), 1, N),
    ],
};

/// cac:OrderLineReferenceType
pub(super) static ORDER_LINE_REFERENCE: Model = Model {
    ns: Cac,
    name: "OrderLineReferenceType",
    children: &[
        p(Cbc, "LineID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "SalesOrderLineID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "LineStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "OrderReference", Aggregate(&ORDER_REFERENCE), 0, 1),
    ],
};

/// cac:OrderLineType
pub(super) static ORDER_LINE: Model = Model {
    ns: Cac,
    name: "OrderLineType",
    children: &[
        p(Cbc, "SubstitutionStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cac, "LineItem", Aggregate(&LINE_ITEM), 1, 1),
        p(Cac, "SellerProposedSubstituteLineItem", Aggregate(&LINE_ITEM), 0, N),
        p(Cac, "SellerSubstitutedLineItem", Aggregate(&LINE_ITEM), 0, N),
        p(Cac, "BuyerProposedSubstituteLineItem", Aggregate(&LINE_ITEM), 0, N),
        p(Cac, "CatalogueLineReference", Aggregate(&LINE_REFERENCE), 0, 1),
        p(Cac, "QuotationLineReference", Aggregate(&LINE_REFERENCE), 0, 1),
        p(Cac, "OrderLineReference", Aggregate(&ORDER_LINE_REFERENCE), 0, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
    ],
};

/// cac:OrderReferenceType
pub(super) static ORDER_REFERENCE: Model = Model {
    ns: Cac,
    name: "OrderReferenceType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "SalesOrderID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "CopyIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "IssueTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "CustomerReference", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "OrderTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
    ],
};

/// cac:OrderedShipmentType
pub(super) static ORDERED_SHIPMENT: Model = Model {
    ns: Cac,
    name: "OrderedShipmentType",
    children: &[
        p(Cac, "Shipment", Aggregate(&SHIPMENT), 1, 1),
        p(Cac, "Package", Aggregate(&PACKAGE), 0, N),
    ],
};

/// cac:PackageType
pub(super) static PACKAGE: Model = Model {
    ns: Cac,
    name: "PackageType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ReturnableMaterialIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "PackageLevelCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PackagingTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PackingMaterial", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TraceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "ContainedPackage", Aggregate(&PACKAGE), 0, N),
        p(Cac, "ContainingTransportEquipment", Aggregate(&TRANSPORT_EQUIPMENT), 0, 1),
        p(Cac, "GoodsItem", Aggregate(&GOODS_ITEM), 0, N),
        p(Cac, "MeasurementDimension", Aggregate(&DIMENSION), 0, N),
        p(Cac, "DeliveryUnit", Aggregate(&DELIVERY_UNIT), 0, N),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, 1),
        p(Cac, "Pickup", Aggregate(&PICKUP), 0, 1),
        p(Cac, "Despatch", Aggregate(&DESPATCH), 0, 1),
    ],
};

/// cac:PartyIdentificationType
pub(super) static PARTY_IDENTIFICATION: Model = Model {
    ns: Cac,
    name: "PartyIdentificationType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
    ],
};

/// cac:PartyLegalEntityType
pub(super) static PARTY_LEGAL_ENTITY: Model = Model {
    ns: Cac,
    name: "PartyLegalEntityType",
    children: &[
        p(Cbc, "RegistrationName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "CompanyID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "RegistrationDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "RegistrationExpirationDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "CompanyLegalFormCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CompanyLegalForm", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "SoleProprietorshipIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "CompanyLiquidationStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CorporateStockAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "FullyPaidSharesIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cac, "RegistrationAddress", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "CorporateRegistrationScheme", Aggregate(&CORPORATE_REGISTRATION_SCHEME), 0, 1),
        p(Cac, "HeadOfficeParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "ShareholderParty", Aggregate(&SHAREHOLDER_PARTY), 0, N),
    ],
};

/// cac:PartyNameType
pub(super) static PARTY_NAME: Model = Model {
    ns: Cac,
    name: "PartyNameType",
    children: &[
        p(Cbc, "Name", Simple(&UDT_NAME), 1, 1),
    ],
};

/// cac:PartyTaxSchemeType
pub(super) static PARTY_TAX_SCHEME: Model = Model {
    ns: Cac,
    name: "PartyTaxSchemeType",
    children: &[
        p(Cbc, "RegistrationName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "CompanyID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "TaxLevelCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ExemptionReasonCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ExemptionReason", Simple(&UDT_TEXT), 0, N),
        p(Cac, "RegistrationAddress", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "TaxScheme", Aggregate(&TAX_SCHEME), 1, 1),
    ],
};

/// cac:PartyType
pub(super) static PARTY: Model = Model {
    ns: Cac,
    name: "PartyType",
    children: &[
        p(Cbc, "MarkCareIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "MarkAttentionIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "WebsiteURI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "LogoReferenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "EndpointID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IndustryClassificationCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "PartyIdentification", Aggregate(&PARTY_IDENTIFICATION), 0, N),
        p(Cac, "PartyName", Aggregate(&PARTY_NAME), 0, N),
        p(Cac, "Language", Aggregate(&LANGUAGE), 0, 1),
        p(Cac, "PostalAddress", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "PhysicalLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "PartyTaxScheme", Aggregate(&PARTY_TAX_SCHEME), 0, N),
        p(Cac, "PartyLegalEntity", Aggregate(&PARTY_LEGAL_ENTITY), 0, N),
        p(Cac, "Contact", Aggregate(&CONTACT), 0, 1),
        p(Cac, "Person", Aggregate(&PERSON), 0, N),
        p(Cac, "AgentParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "ServiceProviderParty", Aggregate(&SERVICE_PROVIDER_PARTY), 0, N),
        p(Cac, "PowerOfAttorney", Aggregate(&POWER_OF_ATTORNEY), 0, N),
        p(Cac, "FinancialAccount", Aggregate(&FINANCIAL_ACCOUNT), 0, 1),
    ],
};

/// cac:PaymentMandateType
pub(super) static PAYMENT_MANDATE: Model = Model {
    ns: Cac,
    name: "PaymentMandateType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "MandateTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "MaximumPaymentInstructionsNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "MaximumPaidAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "SignatureID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "PayerParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "PayerFinancialAccount", Aggregate(&FINANCIAL_ACCOUNT), 0, 1),
        p(Cac, "ValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "PaymentReversalPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "Clause", Aggregate(&CLAUSE), 0, N),
    ],
};

/// cac:PaymentMeansType
pub(super) static PAYMENT_MEANS: Model = Model {
    ns: Cac,
    name: "PaymentMeansType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "PaymentMeansCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "PaymentDueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "PaymentChannelCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "InstructionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "InstructionNote", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PaymentID", Simple(&UDT_IDENTIFIER), 0, N),
        p(Cac, "CardAccount", Aggregate(&CARD_ACCOUNT), 0, 1),
        p(Cac, "PayerFinancialAccount", Aggregate(&FINANCIAL_ACCOUNT), 0, 1),
        p(Cac, "PayeeFinancialAccount", Aggregate(&FINANCIAL_ACCOUNT), 0, 1),
        p(Cac, "CreditAccount", Aggregate(&CREDIT_ACCOUNT), 0, 1),
        p(Cac, "PaymentMandate", Aggregate(&PAYMENT_MANDATE), 0, 1),
        p(Cac, "TradeFinancing", Aggregate(&TRADE_FINANCING), 0, 1),
    ],
};

/// cac:PaymentTermsType
pub(super) static PAYMENT_TERMS: Model = Model {
    ns: Cac,
    name: "PaymentTermsType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "PaymentMeansID", Simple(&UDT_IDENTIFIER), 0, N),
        p(Cbc, "PrepaidPaymentReferenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ReferenceEventCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "SettlementDiscountPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "PenaltySurchargePercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "PaymentPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "SettlementDiscountAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "PenaltyAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "PaymentTermsDetailsURI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "PaymentDueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "InstallmentDueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "InvoicingPartyReference", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "SettlementPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "PenaltyPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "ValidityPeriod", Aggregate(&PERIOD), 0, 1),
    ],
};

/// cac:PaymentType
pub(super) static PAYMENT: Model = Model {
    ns: Cac,
    name: "PaymentType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "PaidAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "ReceivedDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "PaidDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "PaidTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "InstructionID", Simple(&UDT_IDENTIFIER), 0, 1),
    ],
};

/// cac:PerformanceDataLineType
pub(super) static PERFORMANCE_DATA_LINE: Model = Model {
    ns: Cac,
    name: "PerformanceDataLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PerformanceValueQuantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "PerformanceMetricTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cac, "Period", Aggregate(&PERIOD), 0, 1),
        p(Cac, "Item", Aggregate(&ITEM), 0, 1),
    ],
};

/// cac:PeriodType
pub(super) static PERIOD: Model = Model {
    ns: Cac,
    name: "PeriodType",
    children: &[
        p(Cbc, "StartDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "StartTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "EndDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "EndTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "DurationMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "DescriptionCode", Simple(&UDT_CODE), 0, N),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:PersonType
pub(super) static PERSON: Model = Model {
    ns: Cac,
    name: "PersonType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "FirstName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "FamilyName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "Title", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "MiddleName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "OtherName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "NameSuffix", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "JobTitle", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "NationalityID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "GenderCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "BirthDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "BirthplaceName", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "OrganizationDepartment", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "Contact", Aggregate(&CONTACT), 0, 1),
        p(Cac, "FinancialAccount", Aggregate(&FINANCIAL_ACCOUNT), 0, 1),
        p(Cac, "IdentityDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ResidenceAddress", Aggregate(&ADDRESS), 0, 1),
    ],
};

/// cac:PhysicalAttributeType
pub(super) static PHYSICAL_ATTRIBUTE: Model = Model {
    ns: Cac,
    name: "PhysicalAttributeType",
    children: &[
        p(Cbc, "AttributeID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "PositionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "DescriptionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:PickupType
pub(super) static PICKUP: Model = Model {
    ns: Cac,
    name: "PickupType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ActualPickupDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ActualPickupTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "EarliestPickupDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "EarliestPickupTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "LatestPickupDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "LatestPickupTime", Simple(&UDT_TIME), 0, 1),
        p(Cac, "PickupLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "PickupParty", Aggregate(&PARTY), 0, 1),
    ],
};

/// cac:PowerOfAttorneyType
pub(super) static POWER_OF_ATTORNEY: Model = Model {
    ns: Cac,
    name: "PowerOfAttorneyType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "IssueTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "NotaryParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "AgentParty", Aggregate(&PARTY), 1, 1),
        p(Cac, "WitnessParty", Aggregate(&PARTY), 0, N),
        p(Cac, "MandateDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
    ],
};

/// cac:PriceExtensionType
pub(super) static PRICE_EXTENSION: Model = Model {
    ns: Cac,
    name: "PriceExtensionType",
    children: &[
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
    ],
};

/// cac:PriceListType
pub(super) static PRICE_LIST: Model = Model {
    ns: Cac,
    name: "PriceListType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "StatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "ValidityPeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "PreviousPriceList", Aggregate(&PRICE_LIST), 0, 1),
    ],
};

/// cac:PriceType
pub(super) static PRICE: Model = Model {
    ns: Cac,
    name: "PriceType",
    children: &[
        p(Cbc, "PriceAmount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cbc, "BaseQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "PriceChangeReason", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PriceTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PriceType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "OrderableUnitFactorRate", Simple(&UDT_RATE), 0, 1),
        p(Cac, "ValidityPeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "PriceList", Aggregate(&PRICE_LIST), 0, 1),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "PricingExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
    ],
};

/// cac:PricingReferenceType
pub(super) static PRICING_REFERENCE: Model = Model {
    ns: Cac,
    name: "PricingReferenceType",
    children: &[
        p(Cac, "OriginalItemLocationQuantity", Aggregate(&ITEM_LOCATION_QUANTITY), 0, 1),
        p(Cac, "AlternativeConditionPrice", Aggregate(&PRICE), 0, N),
    ],
};

/// cac:ProcessJustificationType
pub(super) static PROCESS_JUSTIFICATION: Model = Model {
    ns: Cac,
    name: "ProcessJustificationType",
    children: &[
        p(Cbc, "PreviousCancellationReasonCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ProcessReasonCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ProcessReason", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:ProcurementProjectLotType
pub(super) static PROCUREMENT_PROJECT_LOT: Model = Model {
    ns: Cac,
    name: "ProcurementProjectLotType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cac, "TenderingTerms", Aggregate(&TENDERING_TERMS), 0, 1),
        p(Cac, "ProcurementProject", Aggregate(&PROCUREMENT_PROJECT), 0, 1),
    ],
};

/// cac:ProcurementProjectType
pub(super) static PROCUREMENT_PROJECT: Model = Model {
    ns: Cac,
    name: "ProcurementProjectType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 1, N),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ProcurementTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ProcurementSubTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "QualityControlCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "RequiredFeeAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "FeeDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "RequestedDeliveryDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "EstimatedOverallContractQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cac, "RequestedTenderTotal", Aggregate(&REQUESTED_TENDER_TOTAL), 0, 1),
        p(Cac, "MainCommodityClassification", Aggregate(&COMMODITY_CLASSIFICATION), 0, 1),
        p(Cac, "AdditionalCommodityClassification", Aggregate(&COMMODITY_CLASSIFICATION), 0, N),
        p(Cac, "RealizedLocation", Aggregate(&LOCATION), 0, N),
        p(Cac, "PlannedPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ContractExtension", Aggregate(&CONTRACT_EXTENSION), 0, 1),
        p(Cac, "RequestForTenderLine", Aggregate(&REQUEST_FOR_TENDER_LINE), 0, N),
    ],
};

/// cac:ProjectReferenceType
pub(super) static PROJECT_REFERENCE: Model = Model {
    ns: Cac,
    name: "ProjectReferenceType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "IssueDate", Simple(&UDT_DATE), 0, 1),
        p(Cac, "WorkPhaseReference", Aggregate(&WORK_PHASE_REFERENCE), 0, N),
    ],
};

/// cac:PromotionalEventLineItemType
pub(super) static PROMOTIONAL_EVENT_LINE_ITEM: Model = Model {
    ns: Cac,
    name: "PromotionalEventLineItemType",
    children: &[
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cac, "EventLineItem", Aggregate(&EVENT_LINE_ITEM), 1, 1),
    ],
};

/// cac:PromotionalEventType
pub(super) static PROMOTIONAL_EVENT: Model = Model {
    ns: Cac,
    name: "PromotionalEventType",
    children: &[
        p(Cbc, "PromotionalEventTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "SubmissionDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "FirstShipmentAvailibilityDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "LatestProposalAcceptanceDate", Simple(&UDT_DATE), 0, 1),
        p(Cac, "PromotionalSpecification", Aggregate(&PROMOTIONAL_SPECIFICATION), 1, N),
    ],
};

/// cac:PromotionalSpecificationType
pub(super) static PROMOTIONAL_SPECIFICATION: Model = Model {
    ns: Cac,
    name: "PromotionalSpecificationType",
    children: &[
        p(Cbc, "SpecificationID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "PromotionalEventLineItem", Aggregate(&PROMOTIONAL_EVENT_LINE_ITEM), 1, N),
        p(Cac, "EventTactic", Aggregate(&EVENT_TACTIC), 0, N),
    ],
};

/// cac:QualificationResolutionType
pub(super) static QUALIFICATION_RESOLUTION: Model = Model {
    ns: Cac,
    name: "QualificationResolutionType",
    children: &[
        p(Cbc, "AdmissionCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "ExclusionReason", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Resolution", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ResolutionDate", Simple(&UDT_DATE), 1, 1),
        p(Cbc, "ResolutionTime", Simple(&UDT_TIME), 0, 1),
        p(Cac, "ProcurementProjectLot", Aggregate(&PROCUREMENT_PROJECT_LOT), 0, 1),
    ],
};

/// cac:QualifyingPartyType
pub(super) static QUALIFYING_PARTY: Model = Model {
    ns: Cac,
    name: "QualifyingPartyType",
    children: &[
        p(Cbc, "ParticipationPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "PersonalSituation", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "OperatingYearsQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "EmployeeQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "BusinessClassificationEvidenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "BusinessIdentityEvidenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "TendererRoleCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "BusinessClassificationScheme", Aggregate(&CLASSIFICATION_SCHEME), 0, 1),
        p(Cac, "TechnicalCapability", Aggregate(&CAPABILITY), 0, N),
        p(Cac, "FinancialCapability", Aggregate(&CAPABILITY), 0, N),
        p(Cac, "CompletedTask", Aggregate(&COMPLETED_TASK), 0, N),
        p(Cac, "Declaration", Aggregate(&DECLARATION), 0, N),
        p(Cac, "Party", Aggregate(&PARTY), 0, 1),
        p(Cac, "EconomicOperatorRole", Aggregate(&ECONOMIC_OPERATOR_ROLE), 0, 1),
    ],
};

/// cac:QuotationLineType
pub(super) static QUOTATION_LINE: Model = Model {
    ns: Cac,
    name: "QuotationLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "LineExtensionAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TotalTaxAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "RequestForQuotationLineID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "LineItem", Aggregate(&LINE_ITEM), 1, 1),
        p(Cac, "SellerProposedSubstituteLineItem", Aggregate(&LINE_ITEM), 0, N),
        p(Cac, "AlternativeLineItem", Aggregate(&LINE_ITEM), 0, N),
        p(Cac, "RequestLineReference", Aggregate(&LINE_REFERENCE), 0, 1),
    ],
};

/// cac:RailTransportType
pub(super) static RAIL_TRANSPORT: Model = Model {
    ns: Cac,
    name: "RailTransportType",
    children: &[
        p(Cbc, "TrainID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "RailCarID", Simple(&UDT_IDENTIFIER), 0, 1),
    ],
};

/// cac:ReceiptLineType
pub(super) static RECEIPT_LINE: Model = Model {
    ns: Cac,
    name: "ReceiptLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ReceivedQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ShortQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ShortageActionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "RejectedQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "RejectReasonCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "RejectReason", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "RejectActionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "QuantityDiscrepancyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "OversupplyQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ReceivedDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "TimingComplaintCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TimingComplaint", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "OrderLineReference", Aggregate(&ORDER_LINE_REFERENCE), 0, 1),
        p(Cac, "DespatchLineReference", Aggregate(&LINE_REFERENCE), 0, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "Item", Aggregate(&ITEM), 0, N),
        p(Cac, "Shipment", Aggregate(&SHIPMENT), 0, N),
    ],
};

/// cac:RegulationType
pub(super) static REGULATION: Model = Model {
    ns: Cac,
    name: "RegulationType",
    children: &[
        p(Cbc, "Name", Simple(&UDT_NAME), 1, 1),
        p(Cbc, "LegalReference", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "OntologyURI", Simple(&UDT_IDENTIFIER), 0, 1),
    ],
};

/// cac:RelatedItemType
pub(super) static RELATED_ITEM: Model = Model {
    ns: Cac,
    name: "RelatedItemType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:ReminderLineType
pub(super) static REMINDER_LINE: Model = Model {
    ns: Cac,
    name: "ReminderLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "BalanceBroughtForwardIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "DebitLineAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "CreditLineAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "AccountingCostCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "AccountingCost", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PenaltySurchargePercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "PaymentPurposeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "ReminderPeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "BillingReference", Aggregate(&BILLING_REFERENCE), 0, N),
        p(Cac, "ExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
    ],
};

/// cac:RemittanceAdviceLineType
pub(super) static REMITTANCE_ADVICE_LINE: Model = Model {
    ns: Cac,
    name: "RemittanceAdviceLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "DebitLineAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "CreditLineAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "BalanceAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "PaymentPurposeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "InvoicingPartyReference", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "AccountingSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "AccountingCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "BuyerCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "SellerSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "OriginatorCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "PayeeParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "InvoicePeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "BillingReference", Aggregate(&BILLING_REFERENCE), 0, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
    ],
};

/// cac:RenewalType
pub(super) static RENEWAL: Model = Model {
    ns: Cac,
    name: "RenewalType",
    children: &[
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "Period", Aggregate(&PERIOD), 0, 1),
    ],
};

/// cac:RequestForQuotationLineType
pub(super) static REQUEST_FOR_QUOTATION_LINE: Model = Model {
    ns: Cac,
    name: "RequestForQuotationLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "OptionalLineItemIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "PrivacyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "SecurityClassificationCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "LineItem", Aggregate(&LINE_ITEM), 1, 1),
    ],
};

/// cac:RequestForTenderLineType
pub(super) static REQUEST_FOR_TENDER_LINE: Model = Model {
    ns: Cac,
    name: "RequestForTenderLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MinimumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "TaxIncludedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "MinimumAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "MaximumAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "EstimatedAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "DeliveryPeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "RequiredItemLocationQuantity", Aggregate(&ITEM_LOCATION_QUANTITY), 0, N),
        p(Cac, "WarrantyValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
        p(Cac, "SubRequestForTenderLine", Aggregate(&REQUEST_FOR_TENDER_LINE), 0, N),
    ],
};

/// cac:RequestedTenderTotalType
pub(super) static REQUESTED_TENDER_TOTAL: Model = Model {
    ns: Cac,
    name: "RequestedTenderTotalType",
    children: &[
        p(Cbc, "EstimatedOverallContractAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TotalAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TaxIncludedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "MinimumAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "MaximumAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "MonetaryScope", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "AverageSubsequentContractAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "ApplicableTaxCategory", Aggregate(&TAX_CATEGORY), 0, N),
    ],
};

/// cac:ResponseType
pub(super) static RESPONSE: Model = Model {
    ns: Cac,
    name: "ResponseType",
    children: &[
        p(Cbc, "ReferenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ResponseCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "EffectiveDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "EffectiveTime", Simple(&UDT_TIME), 0, 1),
        p(Cac, "Status", Aggregate(&STATUS), 0, N),
    ],
};

/// cac:ResultOfVerificationType
pub(super) static RESULT_OF_VERIFICATION: Model = Model {
    ns: Cac,
    name: "ResultOfVerificationType",
    children: &[
        p(Cbc, "ValidatorID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ValidationResultCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ValidationDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ValidationTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "ValidateProcess", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ValidateTool", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ValidateToolVersion", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "SignatoryParty", Aggregate(&PARTY), 0, 1),
    ],
};

/// cac:RetailPlannedImpactType
pub(super) static RETAIL_PLANNED_IMPACT: Model = Model {
    ns: Cac,
    name: "RetailPlannedImpactType",
    children: &[
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cbc, "ForecastPurposeCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "ForecastTypeCode", Simple(&UDT_CODE), 1, 1),
        p(Cac, "Period", Aggregate(&PERIOD), 0, 1),
    ],
};

/// cac:RoadTransportType
pub(super) static ROAD_TRANSPORT: Model = Model {
    ns: Cac,
    name: "RoadTransportType",
    children: &[
        p(Cbc, "LicensePlateID", Simple(&UDT_IDENTIFIER), 1, 1),
    ],
};

/// cac:SalesItemType
pub(super) static SALES_ITEM: Model = Model {
    ns: Cac,
    name: "SalesItemType",
    children: &[
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cac, "ActivityProperty", Aggregate(&ACTIVITY_PROPERTY), 0, N),
        p(Cac, "TaxExclusivePrice", Aggregate(&PRICE), 0, N),
        p(Cac, "TaxInclusivePrice", Aggregate(&PRICE), 0, N),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
    ],
};

/// cac:SecondaryHazardType
pub(super) static SECONDARY_HAZARD: Model = Model {
    ns: Cac,
    name: "SecondaryHazardType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "PlacardNotation", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PlacardEndorsement", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "EmergencyProceduresCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Extension", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:ServiceFrequencyType
pub(super) static SERVICE_FREQUENCY: Model = Model {
    ns: Cac,
    name: "ServiceFrequencyType",
    children: &[
        p(Cbc, "WeekDayCode", Simple(&UDT_CODE), 1, 1),
    ],
};

/// cac:ServiceProviderPartyType
pub(super) static SERVICE_PROVIDER_PARTY: Model = Model {
    ns: Cac,
    name: "ServiceProviderPartyType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ServiceTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ServiceType", Simple(&UDT_TEXT), 0, N),
        p(Cac, "Party", Aggregate(&PARTY), 1, 1),
        p(Cac, "SellerContact", Aggregate(&CONTACT), 0, 1),
    ],
};

/// cac:ShareholderPartyType
pub(super) static SHAREHOLDER_PARTY: Model = Model {
    ns: Cac,
    name: "ShareholderPartyType",
    children: &[
        p(Cbc, "PartecipationPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cac, "Party", Aggregate(&PARTY), 0, 1),
    ],
};

/// cac:ShipmentStageType
pub(super) static SHIPMENT_STAGE: Model = Model {
    ns: Cac,
    name: "ShipmentStageType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "TransportModeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TransportMeansTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TransitDirectionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PreCarriageIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "OnCarriageIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "EstimatedDeliveryDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "EstimatedDeliveryTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "RequiredDeliveryDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "RequiredDeliveryTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "LoadingSequenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SuccessiveSequenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Instructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "DemurrageInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CrewQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "PassengerQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "TransitPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "CarrierParty", Aggregate(&PARTY), 0, N),
        p(Cac, "TransportMeans", Aggregate(&TRANSPORT_MEANS), 0, 1),
        p(Cac, "LoadingPortLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "UnloadingPortLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "TransshipPortLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "LoadingTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "ExaminationTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "AvailabilityTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "ExportationTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "DischargeTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "WarehousingTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "TakeoverTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "OptionalTakeoverTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "DropoffTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "ActualPickupTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "DeliveryTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "ReceiptTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "StorageTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "AcceptanceTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "TerminalOperatorParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "CustomsAgentParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "EstimatedTransitPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "FreightAllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "FreightChargeLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "DetentionTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "RequestedDepartureTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "RequestedArrivalTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "RequestedWaypointTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "PlannedDepartureTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "PlannedArrivalTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "PlannedWaypointTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "ActualDepartureTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "ActualWaypointTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "ActualArrivalTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "TransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "EstimatedDepartureTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "EstimatedArrivalTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "PassengerPerson", Aggregate(&PERSON), 0, N),
        p(Cac, "DriverPerson", Aggregate(&PERSON), 0, N),
        p(Cac, "ReportingPerson", Aggregate(&PERSON), 0, 1),
        p(Cac, "CrewMemberPerson", Aggregate(&PERSON), 0, N),
        p(Cac, "SecurityOfficerPerson", Aggregate(&PERSON), 0, 1),
        p(Cac, "MasterPerson", Aggregate(&PERSON), 0, 1),
        p(Cac, "ShipsSurgeonPerson", Aggregate(&PERSON), 0, 1),
    ],
};

/// cac:ShipmentType
pub(super) static SHIPMENT: Model = Model {
    ns: Cac,
    name: "ShipmentType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "ShippingPriorityLevelCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "HandlingCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "HandlingInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Information", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "GrossWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetNetWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "GrossVolumeMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "NetVolumeMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "TotalGoodsItemQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "TotalTransportHandlingUnitQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "InsuranceValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "DeclaredCustomsValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "DeclaredForCarriageValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "DeclaredStatisticsValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "FreeOnBoardValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "SpecialInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "DeliveryInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "SplitConsignmentIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "ConsignmentQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "Consignment", Aggregate(&CONSIGNMENT), 0, N),
        p(Cac, "GoodsItem", Aggregate(&GOODS_ITEM), 0, N),
        p(Cac, "ShipmentStage", Aggregate(&SHIPMENT_STAGE), 0, N),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, 1),
        p(Cac, "TransportHandlingUnit", Aggregate(&TRANSPORT_HANDLING_UNIT), 0, N),
        p(Cac, "ReturnAddress", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "OriginAddress", Aggregate(&ADDRESS), 0, 1),
        p(Cac, "FirstArrivalPortLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "LastExitPortLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "ExportCountry", Aggregate(&COUNTRY), 0, 1),
        p(Cac, "FreightAllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
    ],
};

/// cac:SignatureType
pub(super) static SIGNATURE: Model = Model {
    ns: Cac,
    name: "SignatureType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ValidationDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ValidationTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "ValidatorID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "CanonicalizationMethod", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "SignatureMethod", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "SignatoryParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "DigitalSignatureAttachment", Aggregate(&ATTACHMENT), 0, 1),
        p(Cac, "OriginalDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
    ],
};

/// cac:StatementLineType
pub(super) static STATEMENT_LINE: Model = Model {
    ns: Cac,
    name: "StatementLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "UUID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "BalanceBroughtForwardIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "DebitLineAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "CreditLineAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "BalanceAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "PaymentPurposeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "PaymentMeans", Aggregate(&PAYMENT_MEANS), 0, 1),
        p(Cac, "PaymentTerms", Aggregate(&PAYMENT_TERMS), 0, N),
        p(Cac, "BuyerCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "SellerSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "OriginatorCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "AccountingCustomerParty", Aggregate(&CUSTOMER_PARTY), 0, 1),
        p(Cac, "AccountingSupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "PayeeParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "InvoicePeriod", Aggregate(&PERIOD), 0, N),
        p(Cac, "BillingReference", Aggregate(&BILLING_REFERENCE), 0, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ExchangeRate", Aggregate(&EXCHANGE_RATE), 0, 1),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "CollectedPayment", Aggregate(&PAYMENT), 0, N),
    ],
};

/// cac:StatusType
pub(super) static STATUS: Model = Model {
    ns: Cac,
    name: "StatusType",
    children: &[
        p(Cbc, "ConditionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ReferenceDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ReferenceTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "StatusReasonCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "StatusReason", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "SequenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Text", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "IndicationIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "Percent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "ReliabilityPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cac, "Condition", Aggregate(&CONDITION), 0, N),
    ],
};

/// cac:StockAvailabilityReportLineType
pub(super) static STOCK_AVAILABILITY_REPORT_LINE: Model = Model {
    ns: Cac,
    name: "StockAvailabilityReportLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 1, 1),
        p(Cbc, "ValueAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "AvailabilityDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "AvailabilityStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "Item", Aggregate(&ITEM), 1, 1),
    ],
};

/// cac:StowageType
pub(super) static STOWAGE: Model = Model {
    ns: Cac,
    name: "StowageType",
    children: &[
        p(Cbc, "LocationID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Location", Simple(&UDT_TEXT), 0, N),
        p(Cac, "MeasurementDimension", Aggregate(&DIMENSION), 0, N),
    ],
};

/// cac:SubcontractTermsType
pub(super) static SUBCONTRACT_TERMS: Model = Model {
    ns: Cac,
    name: "SubcontractTermsType",
    children: &[
        p(Cbc, "Rate", Simple(&UDT_RATE), 0, 1),
        p(Cbc, "UnknownPriceIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Amount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "SubcontractingConditionsCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "MaximumPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "MinimumPercent", Simple(&UDT_PERCENT), 0, 1),
    ],
};

/// cac:SubscriberConsumptionType
pub(super) static SUBSCRIBER_CONSUMPTION: Model = Model {
    ns: Cac,
    name: "SubscriberConsumptionType",
    children: &[
        p(Cbc, "ConsumptionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SpecificationTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TotalMeteredQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "SubscriberParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "UtilityConsumptionPoint", Aggregate(&CONSUMPTION_POINT), 1, 1),
        p(Cac, "OnAccountPayment", Aggregate(&ON_ACCOUNT_PAYMENT), 0, N),
        p(Cac, "Consumption", Aggregate(&CONSUMPTION), 0, 1),
        p(Cac, "SupplierConsumption", Aggregate(&SUPPLIER_CONSUMPTION), 0, N),
    ],
};

/// cac:SupplierConsumptionType
pub(super) static SUPPLIER_CONSUMPTION: Model = Model {
    ns: Cac,
    name: "SupplierConsumptionType",
    children: &[
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "UtilitySupplierParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "UtilityCustomerParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "Consumption", Aggregate(&CONSUMPTION), 1, 1),
        p(Cac, "Contract", Aggregate(&CONTRACT), 0, 1),
        p(Cac, "ConsumptionLine", Aggregate(&CONSUMPTION_LINE), 1, N),
    ],
};

/// cac:SupplierPartyType
pub(super) static SUPPLIER_PARTY: Model = Model {
    ns: Cac,
    name: "SupplierPartyType",
    children: &[
        p(Cbc, "CustomerAssignedAccountID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "AdditionalAccountID", Simple(&UDT_IDENTIFIER), 0, N),
        p(Cbc, "DataSendingCapability", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "Party", Aggregate(&PARTY), 0, 1),
        p(Cac, "DespatchContact", Aggregate(&CONTACT), 0, 1),
        p(Cac, "AccountingContact", Aggregate(&CONTACT), 0, 1),
        p(Cac, "SellerContact", Aggregate(&CONTACT), 0, 1),
    ],
};

/// cac:TaxCategoryType
pub(super) static TAX_CATEGORY: Model = Model {
    ns: Cac,
    name: "TaxCategoryType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "Percent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "BaseUnitMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "PerUnitAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TaxExemptionReasonCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TaxExemptionReason", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TierRange", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "TierRatePercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cac, "TaxScheme", Aggregate(&TAX_SCHEME), 1, 1),
    ],
};

/// cac:TaxSchemeType
pub(super) static TAX_SCHEME: Model = Model {
    ns: Cac,
    name: "TaxSchemeType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "TaxTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CurrencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "JurisdictionRegionAddress", Aggregate(&ADDRESS), 0, N),
    ],
};

/// cac:TaxSubtotalType
pub(super) static TAX_SUBTOTAL: Model = Model {
    ns: Cac,
    name: "TaxSubtotalType",
    children: &[
        p(Cbc, "TaxableAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TaxAmount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cbc, "CalculationSequenceNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "TransactionCurrencyTaxAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "Percent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "BaseUnitMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "PerUnitAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TierRange", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "TierRatePercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cac, "TaxCategory", Aggregate(&TAX_CATEGORY), 1, 1),
    ],
};

/// cac:TaxTotalType
pub(super) static TAX_TOTAL: Model = Model {
    ns: Cac,
    name: "TaxTotalType",
    children: &[
        p(Cbc, "TaxAmount", Simple(&UDT_AMOUNT), 1, 1),
        p(Cbc, "RoundingAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TaxEvidenceIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "TaxIncludedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cac, "TaxSubtotal", Aggregate(&TAX_SUBTOTAL), 0, N),
    ],
};

/// cac:TelecommunicationsServiceType
pub(super) static TELECOMMUNICATIONS_SERVICE: Model = Model {
    ns: Cac,
    name: "TelecommunicationsServiceType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "CallDate", Simple(&UDT_DATE), 1, 1),
        p(Cbc, "CallTime", Simple(&UDT_TIME), 1, 1),
        p(Cbc, "ServiceNumberCalled", Simple(&UDT_TEXT), 1, 1),
        p(Cbc, "TelecommunicationsServiceCategory", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "TelecommunicationsServiceCategoryCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "MovieTitle", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "RoamingPartnerName", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "PayPerView", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "TelecommunicationsServiceCall", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "TelecommunicationsServiceCallCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CallBaseAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "CallExtensionAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "Price", Aggregate(&PRICE), 0, 1),
        p(Cac, "Country", Aggregate(&COUNTRY), 0, 1),
        p(Cac, "ExchangeRate", Aggregate(&EXCHANGE_RATE), 0, N),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "CallDuty", Aggregate(&DUTY), 0, N),
        p(Cac, "TimeDuty", Aggregate(&DUTY), 0, N),
    ],
};

/// cac:TelecommunicationsSupplyLineType
pub(super) static TELECOMMUNICATIONS_SUPPLY_LINE: Model = Model {
    ns: Cac,
    name: "TelecommunicationsSupplyLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "PhoneNumber", Simple(&UDT_TEXT), 1, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LineExtensionAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "ExchangeRate", Aggregate(&EXCHANGE_RATE), 0, N),
        p(Cac, "AllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "TelecommunicationsService", Aggregate(&TELECOMMUNICATIONS_SERVICE), 1, N),
    ],
};

/// cac:TelecommunicationsSupplyType
pub(super) static TELECOMMUNICATIONS_SUPPLY: Model = Model {
    ns: Cac,
    name: "TelecommunicationsSupplyType",
    children: &[
        p(Cbc, "TelecommunicationsSupplyType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "TelecommunicationsSupplyTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PrivacyCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TotalAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "TelecommunicationsSupplyLine", Aggregate(&TELECOMMUNICATIONS_SUPPLY_LINE), 1, N),
    ],
};

/// cac:TemperatureType
pub(super) static TEMPERATURE: Model = Model {
    ns: Cac,
    name: "TemperatureType",
    children: &[
        p(Cbc, "AttributeID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "Measure", Simple(&UDT_MEASURE), 1, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
    ],
};

/// cac:TenderLineType
pub(super) static TENDER_LINE: Model = Model {
    ns: Cac,
    name: "TenderLineType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Quantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "LineExtensionAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TotalTaxAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "OrderableUnit", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ContentUnitQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "OrderQuantityIncrementNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "MinimumOrderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "MaximumOrderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "WarrantyInformation", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PackLevelCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "Item", Aggregate(&ITEM), 0, 1),
        p(Cac, "OfferedItemLocationQuantity", Aggregate(&ITEM_LOCATION_QUANTITY), 0, N),
        p(Cac, "ReplacementRelatedItem", Aggregate(&RELATED_ITEM), 0, N),
        p(Cac, "WarrantyParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "WarrantyValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "SubTenderLine", Aggregate(&TENDER_LINE), 0, N),
        p(Cac, "CallForTendersLineReference", Aggregate(&LINE_REFERENCE), 0, 1),
        p(Cac, "CallForTendersDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
    ],
};

/// cac:TenderPreparationType
pub(super) static TENDER_PREPARATION: Model = Model {
    ns: Cac,
    name: "TenderPreparationType",
    children: &[
        p(Cbc, "TenderEnvelopeID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "TenderEnvelopeTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "OpenTenderID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "ProcurementProjectLot", Aggregate(&PROCUREMENT_PROJECT_LOT), 0, N),
        p(Cac, "DocumentTenderRequirement", Aggregate(&TENDER_REQUIREMENT), 0, N),
    ],
};

/// cac:TenderRequirementType
pub(super) static TENDER_REQUIREMENT: Model = Model {
    ns: Cac,
    name: "TenderRequirementType",
    children: &[
        p(Cbc, "Name", Simple(&UDT_NAME), 1, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "TemplateDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
    ],
};

/// cac:TenderResultType
pub(super) static TENDER_RESULT: Model = Model {
    ns: Cac,
    name: "TenderResultType",
    children: &[
        p(Cbc, "TenderResultCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "AdvertisementAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "AwardDate", Simple(&UDT_DATE), 1, 1),
        p(Cbc, "AwardTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "ReceivedTenderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "LowerTenderAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "HigherTenderAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "StartDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ReceivedElectronicTenderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "ReceivedForeignTenderQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cac, "Contract", Aggregate(&CONTRACT), 0, 1),
        p(Cac, "AwardedTenderedProject", Aggregate(&TENDERED_PROJECT), 0, 1),
        p(Cac, "ContractFormalizationPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "SubcontractTerms", Aggregate(&SUBCONTRACT_TERMS), 0, N),
        p(Cac, "WinningParty", Aggregate(&WINNING_PARTY), 0, N),
    ],
};

/// cac:TenderedProjectType
pub(super) static TENDERED_PROJECT: Model = Model {
    ns: Cac,
    name: "TenderedProjectType",
    children: &[
        p(Cbc, "VariantID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "FeeAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "FeeDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TenderEnvelopeID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "TenderEnvelopeTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "ProcurementProjectLot", Aggregate(&PROCUREMENT_PROJECT_LOT), 0, 1),
        p(Cac, "EvidenceDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "TaxTotal", Aggregate(&TAX_TOTAL), 0, N),
        p(Cac, "LegalMonetaryTotal", Aggregate(&MONETARY_TOTAL), 0, 1),
        p(Cac, "TenderLine", Aggregate(&TENDER_LINE), 0, N),
        p(Cac, "AwardingCriterionResponse", Aggregate(&AWARDING_CRITERION_RESPONSE), 0, N),
    ],
};

/// cac:TendererPartyQualificationType
pub(super) static TENDERER_PARTY_QUALIFICATION: Model = Model {
    ns: Cac,
    name: "TendererPartyQualificationType",
    children: &[
        p(Cac, "InterestedProcurementProjectLot", Aggregate(&PROCUREMENT_PROJECT_LOT), 0, N),
        p(Cac, "MainQualifyingParty", Aggregate(&QUALIFYING_PARTY), 1, 1),
        p(Cac, "AdditionalQualifyingParty", Aggregate(&QUALIFYING_PARTY), 0, N),
    ],
};

/// cac:TendererQualificationRequestType
pub(super) static TENDERER_QUALIFICATION_REQUEST: Model = Model {
    ns: Cac,
    name: "TendererQualificationRequestType",
    children: &[
        p(Cbc, "CompanyLegalFormCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CompanyLegalForm", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "PersonalSituation", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "OperatingYearsQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "EmployeeQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "RequiredBusinessClassificationScheme", Aggregate(&CLASSIFICATION_SCHEME), 0, N),
        p(Cac, "TechnicalEvaluationCriterion", Aggregate(&EVALUATION_CRITERION), 0, N),
        p(Cac, "FinancialEvaluationCriterion", Aggregate(&EVALUATION_CRITERION), 0, N),
        p(Cac, "SpecificTendererRequirement", Aggregate(&TENDERER_REQUIREMENT), 0, N),
        p(Cac, "EconomicOperatorRole", Aggregate(&ECONOMIC_OPERATOR_ROLE), 0, N),
    ],
};

/// cac:TendererRequirementType
pub(super) static TENDERER_REQUIREMENT: Model = Model {
    ns: Cac,
    name: "TendererRequirementType",
    children: &[
        p(Cbc, "Name", Simple(&UDT_NAME), 0, N),
        p(Cbc, "TendererRequirementTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LegalReference", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "SuggestedEvidence", Aggregate(&EVIDENCE), 0, N),
    ],
};

/// cac:TenderingProcessType
pub(super) static TENDERING_PROCESS: Model = Model {
    ns: Cac,
    name: "TenderingProcessType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "OriginalContractingSystemID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "NegotiationDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ProcedureCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "UrgencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ExpenseCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PartPresentationCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ContractingSystemCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "SubmissionMethodCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CandidateReductionConstraintIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "GovernmentAgreementConstraintIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cac, "DocumentAvailabilityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "TenderSubmissionDeadlinePeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "InvitationSubmissionPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ParticipationRequestReceptionPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "NoticeDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "AdditionalDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ProcessJustification", Aggregate(&PROCESS_JUSTIFICATION), 0, N),
        p(Cac, "EconomicOperatorShortList", Aggregate(&ECONOMIC_OPERATOR_SHORT_LIST), 0, 1),
        p(Cac, "OpenTenderEvent", Aggregate(&EVENT), 0, N),
        p(Cac, "AuctionTerms", Aggregate(&AUCTION_TERMS), 0, 1),
        p(Cac, "FrameworkAgreement", Aggregate(&FRAMEWORK_AGREEMENT), 0, 1),
    ],
};

/// cac:TenderingTermsType
pub(super) static TENDERING_TERMS: Model = Model {
    ns: Cac,
    name: "TenderingTermsType",
    children: &[
        p(Cbc, "AwardingMethodTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PriceEvaluationCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "MaximumVariantQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "VariantConstraintIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "AcceptedVariantsDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PriceRevisionFormulaDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "FundingProgramCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "FundingProgram", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "MaximumAdvertisementAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "Note", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PaymentFrequencyCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "EconomicOperatorRegistryURI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "RequiredCurriculaIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "OtherConditionsIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "AdditionalConditions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "LatestSecurityClearanceDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "DocumentationFeeAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cac, "PenaltyClause", Aggregate(&CLAUSE), 0, N),
        p(Cac, "RequiredFinancialGuarantee", Aggregate(&FINANCIAL_GUARANTEE), 0, N),
        p(Cac, "ProcurementLegislationDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "FiscalLegislationDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "EnvironmentalLegislationDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "EmploymentLegislationDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "ContractualDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "CallForTendersDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "WarrantyValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "PaymentTerms", Aggregate(&PAYMENT_TERMS), 0, N),
        p(Cac, "TendererQualificationRequest", Aggregate(&TENDERER_QUALIFICATION_REQUEST), 0, N),
        p(Cac, "AllowedSubcontractTerms", Aggregate(&SUBCONTRACT_TERMS), 0, N),
        p(Cac, "TenderPreparation", Aggregate(&TENDER_PREPARATION), 0, N),
        p(Cac, "ContractExecutionRequirement", Aggregate(&CONTRACT_EXECUTION_REQUIREMENT), 0, N),
        p(Cac, "AwardingTerms", Aggregate(&AWARDING_TERMS), 0, 1),
        p(Cac, "AdditionalInformationParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "DocumentProviderParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "TenderRecipientParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "ContractResponsibleParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "TenderEvaluationParty", Aggregate(&PARTY), 0, N),
        p(Cac, "TenderValidityPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ContractAcceptancePeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "AppealTerms", Aggregate(&APPEAL_TERMS), 0, 1),
        p(Cac, "Language", Aggregate(&LANGUAGE), 0, N),
        p(Cac, "BudgetAccountLine", Aggregate(&BUDGET_ACCOUNT_LINE), 0, N),
        p(Cac, "ReplacedNoticeDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
    ],
};

/// cac:TradeFinancingType
pub(super) static TRADE_FINANCING: Model = Model {
    ns: Cac,
    name: "TradeFinancingType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "FinancingInstrumentCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "ContractDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, 1),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "FinancingParty", Aggregate(&PARTY), 1, 1),
        p(Cac, "FinancingFinancialAccount", Aggregate(&FINANCIAL_ACCOUNT), 0, 1),
        p(Cac, "Clause", Aggregate(&CLAUSE), 0, N),
    ],
};

/// cac:TradingTermsType
pub(super) static TRADING_TERMS: Model = Model {
    ns: Cac,
    name: "TradingTermsType",
    children: &[
        p(Cbc, "Information", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Reference", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "ApplicableAddress", Aggregate(&ADDRESS), 0, 1),
    ],
};

/// cac:TransactionConditionsType
pub(super) static TRANSACTION_CONDITIONS: Model = Model {
    ns: Cac,
    name: "TransactionConditionsType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ActionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cac, "DocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
    ],
};

/// cac:TransportEquipmentSealType
pub(super) static TRANSPORT_EQUIPMENT_SEAL: Model = Model {
    ns: Cac,
    name: "TransportEquipmentSealType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "SealIssuerTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Condition", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "SealStatusCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "SealingPartyType", Simple(&UDT_TEXT), 0, 1),
    ],
};

/// cac:TransportEquipmentType
pub(super) static TRANSPORT_EQUIPMENT: Model = Model {
    ns: Cac,
    name: "TransportEquipmentType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "ReferencedConsignmentID", Simple(&UDT_IDENTIFIER), 0, N),
        p(Cbc, "TransportEquipmentTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "ProviderTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "OwnerTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "SizeTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "DispositionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "FullnessIndicationCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "RefrigerationOnIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "Information", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ReturnabilityIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "LegalStatusIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "AirFlowPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "HumidityPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "AnimalFoodApprovedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "HumanFoodApprovedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "DangerousGoodsApprovedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "RefrigeratedIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "Characteristics", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "DamageRemarks", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "SpecialTransportRequirements", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "GrossWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "GrossVolumeMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "TareWeightMeasure", Simple(&UDT_MEASURE), 0, 1),
        p(Cbc, "TrackingDeviceCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "PowerIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "TraceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "MeasurementDimension", Aggregate(&DIMENSION), 0, N),
        p(Cac, "TransportEquipmentSeal", Aggregate(&TRANSPORT_EQUIPMENT_SEAL), 0, N),
        p(Cac, "MinimumTemperature", Aggregate(&TEMPERATURE), 0, 1),
        p(Cac, "MaximumTemperature", Aggregate(&TEMPERATURE), 0, 1),
        p(Cac, "ProviderParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "LoadingProofParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "SupplierParty", Aggregate(&SUPPLIER_PARTY), 0, 1),
        p(Cac, "OwnerParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "OperatingParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "LoadingLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "UnloadingLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "StorageLocation", Aggregate(&LOCATION), 0, 1),
        p(Cac, "PositioningTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "QuarantineTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "DeliveryTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "PickupTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "HandlingTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "LoadingTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "TransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "ApplicableTransportMeans", Aggregate(&TRANSPORT_MEANS), 0, 1),
        p(Cac, "HaulageTradingTerms", Aggregate(&TRADING_TERMS), 0, N),
        p(Cac, "HazardousGoodsTransit", Aggregate(&HAZARDOUS_GOODS_TRANSIT), 0, N),
        p(Cac, "PackagedTransportHandlingUnit", Aggregate(&TRANSPORT_HANDLING_UNIT), 0, N),
        p(Cac, "ServiceAllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "FreightAllowanceCharge", Aggregate(&ALLOWANCE_CHARGE), 0, N),
        p(Cac, "AttachedTransportEquipment", Aggregate(&TRANSPORT_EQUIPMENT), 0, N),
        p(Cac, "Delivery", Aggregate(&DELIVERY), 0, 1),
        p(Cac, "Pickup", Aggregate(&PICKUP), 0, 1),
        p(Cac, "Despatch", Aggregate(&DESPATCH), 0, 1),
        p(Cac, "ShipmentDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "ContainedInTransportEquipment", Aggregate(&TRANSPORT_EQUIPMENT), 0, N),
        p(Cac, "Package", Aggregate(&PACKAGE), 0, N),
        p(Cac, "GoodsItem", Aggregate(&GOODS_ITEM), 0, N),
    ],
};

/// cac:TransportEventType
pub(super) static TRANSPORT_EVENT: Model = Model {
    ns: Cac,
    name: "TransportEventType",
    children: &[
        p(Cbc, "IdentificationID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "OccurrenceDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "OccurrenceTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "TransportEventTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "CompletionIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cac, "ReportedShipment", Aggregate(&SHIPMENT), 0, 1),
        p(Cac, "CurrentStatus", Aggregate(&STATUS), 0, N),
        p(Cac, "Contact", Aggregate(&CONTACT), 0, N),
        p(Cac, "Location", Aggregate(&LOCATION), 0, 1),
        p(Cac, "Signature", Aggregate(&SIGNATURE), 0, 1),
        p(Cac, "Period", Aggregate(&PERIOD), 0, N),
    ],
};

/// cac:TransportExecutionTermsType
pub(super) static TRANSPORT_EXECUTION_TERMS: Model = Model {
    ns: Cac,
    name: "TransportExecutionTermsType",
    children: &[
        p(Cbc, "TransportUserSpecialTerms", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TransportServiceProviderSpecialTerms", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ChangeConditions", Simple(&UDT_TEXT), 0, N),
        p(Cac, "PaymentTerms", Aggregate(&PAYMENT_TERMS), 0, N),
        p(Cac, "DeliveryTerms", Aggregate(&DELIVERY_TERMS), 0, N),
        p(Cac, "BonusPaymentTerms", Aggregate(&PAYMENT_TERMS), 0, 1),
        p(Cac, "CommissionPaymentTerms", Aggregate(&PAYMENT_TERMS), 0, 1),
        p(Cac, "PenaltyPaymentTerms", Aggregate(&PAYMENT_TERMS), 0, 1),
        p(Cac, "EnvironmentalEmission", Aggregate(&ENVIRONMENTAL_EMISSION), 0, N),
        p(Cac, "NotificationRequirement", Aggregate(&NOTIFICATION_REQUIREMENT), 0, N),
        p(Cac, "ServiceChargePaymentTerms", Aggregate(&PAYMENT_TERMS), 0, 1),
    ],
};

/// cac:TransportHandlingUnitType
pub(super) static TRANSPORT_HANDLING_UNIT: Model = Model {
    ns: Cac,
    name: "TransportHandlingUnitType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "TransportHandlingUnitTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "HandlingCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "HandlingInstructions", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "HazardousRiskIndicator", Simple(&UDT_INDICATOR), 0, 1),
        p(Cbc, "TotalGoodsItemQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "TotalPackageQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "DamageRemarks", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ShippingMarks", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TraceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "HandlingUnitDespatchLine", Aggregate(&DESPATCH_LINE), 0, N),
        p(Cac, "ActualPackage", Aggregate(&PACKAGE), 0, N),
        p(Cac, "ReceivedHandlingUnitReceiptLine", Aggregate(&RECEIPT_LINE), 0, N),
        p(Cac, "TransportEquipment", Aggregate(&TRANSPORT_EQUIPMENT), 0, N),
        p(Cac, "TransportMeans", Aggregate(&TRANSPORT_MEANS), 0, N),
        p(Cac, "HazardousGoodsTransit", Aggregate(&HAZARDOUS_GOODS_TRANSIT), 0, N),
        p(Cac, "MeasurementDimension", Aggregate(&DIMENSION), 0, N),
        p(Cac, "MinimumTemperature", Aggregate(&TEMPERATURE), 0, 1),
        p(Cac, "MaximumTemperature", Aggregate(&TEMPERATURE), 0, 1),
        p(Cac, "GoodsItem", Aggregate(&GOODS_ITEM), 0, N),
        p(Cac, "FloorSpaceMeasurementDimension", Aggregate(&DIMENSION), 0, 1),
        p(Cac, "PalletSpaceMeasurementDimension", Aggregate(&DIMENSION), 0, 1),
        p(Cac, "ShipmentDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
        p(Cac, "Status", Aggregate(&STATUS), 0, N),
        p(Cac, "CustomsDeclaration", Aggregate(&CUSTOMS_DECLARATION), 0, N),
        p(Cac, "ReferencedShipment", Aggregate(&SHIPMENT), 0, N),
        p(Cac, "Package", Aggregate(&PACKAGE), 0, N),
    ],
};

/// cac:TransportMeansType
pub(super) static TRANSPORT_MEANS: Model = Model {
    ns: Cac,
    name: "TransportMeansType",
    children: &[
        p(Cbc, "JourneyID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "RegistrationNationalityID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "RegistrationNationality", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "DirectionCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TransportMeansTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TradeServiceCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "Stowage", Aggregate(&STOWAGE), 0, 1),
        p(Cac, "AirTransport", Aggregate(&AIR_TRANSPORT), 0, 1),
        p(Cac, "RoadTransport", Aggregate(&ROAD_TRANSPORT), 0, 1),
        p(Cac, "RailTransport", Aggregate(&RAIL_TRANSPORT), 0, 1),
        p(Cac, "MaritimeTransport", Aggregate(&MARITIME_TRANSPORT), 0, 1),
        p(Cac, "OwnerParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "MeasurementDimension", Aggregate(&DIMENSION), 0, N),
    ],
};

/// cac:TransportScheduleType
pub(super) static TRANSPORT_SCHEDULE: Model = Model {
    ns: Cac,
    name: "TransportScheduleType",
    children: &[
        p(Cbc, "SequenceNumeric", Simple(&UDT_NUMERIC), 1, 1),
        p(Cbc, "ReferenceDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "ReferenceTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "ReliabilityPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "Remarks", Simple(&UDT_TEXT), 0, N),
        p(Cac, "StatusLocation", Aggregate(&LOCATION), 1, 1),
        p(Cac, "ActualArrivalTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "ActualDepartureTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "EstimatedDepartureTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "EstimatedArrivalTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "PlannedDepartureTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
        p(Cac, "PlannedArrivalTransportEvent", Aggregate(&TRANSPORT_EVENT), 0, 1),
    ],
};

/// cac:TransportationSegmentType
pub(super) static TRANSPORTATION_SEGMENT: Model = Model {
    ns: Cac,
    name: "TransportationSegmentType",
    children: &[
        p(Cbc, "SequenceNumeric", Simple(&UDT_NUMERIC), 1, 1),
        p(Cbc, "TransportExecutionPlanReferenceID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cac, "TransportationService", Aggregate(&TRANSPORTATION_SERVICE), 1, 1),
        p(Cac, "TransportServiceProviderParty", Aggregate(&PARTY), 1, 1),
        p(Cac, "ReferencedConsignment", Aggregate(&CONSIGNMENT), 0, 1),
        p(Cac, "ShipmentStage", Aggregate(&SHIPMENT_STAGE), 0, N),
    ],
};

/// cac:TransportationServiceType
pub(super) static TRANSPORTATION_SERVICE: Model = Model {
    ns: Cac,
    name: "TransportationServiceType",
    children: &[
        p(Cbc, "TransportServiceCode", Simple(&UDT_CODE), 1, 1),
        p(Cbc, "TariffClassCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Priority", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "FreightRateClassCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "TransportationServiceDescription", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "TransportationServiceDetailsURI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "NominationDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "NominationTime", Simple(&UDT_TIME), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Cbc, "SequenceNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cac, "TransportEquipment", Aggregate(&TRANSPORT_EQUIPMENT), 0, N),
        p(Cac, "SupportedTransportEquipment", Aggregate(&TRANSPORT_EQUIPMENT), 0, N),
        p(Cac, "UnsupportedTransportEquipment", Aggregate(&TRANSPORT_EQUIPMENT), 0, N),
        p(Cac, "CommodityClassification", Aggregate(&COMMODITY_CLASSIFICATION), 0, N),
        p(Cac, "SupportedCommodityClassification", Aggregate(&COMMODITY_CLASSIFICATION), 0, N),
        p(Cac, "UnsupportedCommodityClassification", Aggregate(&COMMODITY_CLASSIFICATION), 0, N),
        p(Cac, "TotalCapacityDimension", Aggregate(&DIMENSION), 0, 1),
        p(Cac, "ShipmentStage", Aggregate(&SHIPMENT_STAGE), 0, N),
        p(Cac, "TransportEvent", Aggregate(&TRANSPORT_EVENT), 0, N),
        p(Cac, "ResponsibleTransportServiceProviderParty", Aggregate(&PARTY), 0, 1),
        p(Cac, "EnvironmentalEmission", Aggregate(&ENVIRONMENTAL_EMISSION), 0, N),
        p(Cac, "EstimatedDurationPeriod", Aggregate(&PERIOD), 0, 1),
        p(Cac, "ScheduledServiceFrequency", Aggregate(&SERVICE_FREQUENCY), 0, N),
    ],
};

/// cac:UnstructuredPriceType
pub(super) static UNSTRUCTURED_PRICE: Model = Model {
    ns: Cac,
    name: "UnstructuredPriceType",
    children: &[
        p(Cbc, "PriceAmount", Simple(&UDT_AMOUNT), 0, 1),
        p(Cbc, "TimeAmount", Simple(&UDT_TEXT), 0, 1),
    ],
};

/// cac:UtilityItemType
pub(super) static UTILITY_ITEM: Model = Model {
    ns: Cac,
    name: "UtilityItemType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 1, 1),
        p(Cbc, "SubscriberID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "SubscriberType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "SubscriberTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "Description", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "PackQuantity", Simple(&UDT_QUANTITY), 0, 1),
        p(Cbc, "PackSizeNumeric", Simple(&UDT_NUMERIC), 0, 1),
        p(Cbc, "ConsumptionType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "ConsumptionTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "CurrentChargeType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "CurrentChargeTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "OneTimeChargeType", Simple(&UDT_TEXT), 0, 1),
        p(Cbc, "OneTimeChargeTypeCode", Simple(&UDT_CODE), 0, 1),
        p(Cac, "TaxCategory", Aggregate(&TAX_CATEGORY), 0, 1),
        p(Cac, "Contract", Aggregate(&CONTRACT), 0, 1),
    ],
};

/// cac:WebSiteAccessType
pub(super) static WEB_SITE_ACCESS: Model = Model {
    ns: Cac,
    name: "WebSiteAccessType",
    children: &[
        p(Cbc, "URI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Password", Simple(&UDT_TEXT), 1, 1),
        p(Cbc, "Login", Simple(&UDT_TEXT), 1, 1),
    ],
};

/// cac:WinningPartyType
pub(super) static WINNING_PARTY: Model = Model {
    ns: Cac,
    name: "WinningPartyType",
    children: &[
        p(Cbc, "Rank", Simple(&UDT_TEXT), 0, 1),
        p(Cac, "Party", Aggregate(&PARTY), 1, 1),
    ],
};

/// cac:WorkPhaseReferenceType
pub(super) static WORK_PHASE_REFERENCE: Model = Model {
    ns: Cac,
    name: "WorkPhaseReferenceType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "WorkPhaseCode", Simple(&UDT_CODE), 0, 1),
        p(Cbc, "WorkPhase", Simple(&UDT_TEXT), 0, N),
        p(Cbc, "ProgressPercent", Simple(&UDT_PERCENT), 0, 1),
        p(Cbc, "StartDate", Simple(&UDT_DATE), 0, 1),
        p(Cbc, "EndDate", Simple(&UDT_DATE), 0, 1),
        p(Cac, "WorkOrderDocumentReference", Aggregate(&DOCUMENT_REFERENCE), 0, N),
    ],
};

/// ext:UBLExtensionType
pub(super) static UBL_EXTENSION: Model = Model {
    ns: Ext,
    name: "UBLExtensionType",
    children: &[
        p(Cbc, "ID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Cbc, "Name", Simple(&UDT_NAME), 0, 1),
        p(Ext, "ExtensionAgencyID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Ext, "ExtensionAgencyName", Simple(&UDT_TEXT), 0, 1),
        p(Ext, "ExtensionVersionID", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Ext, "ExtensionAgencyURI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Ext, "ExtensionURI", Simple(&UDT_IDENTIFIER), 0, 1),
        p(Ext, "ExtensionReasonCode", Simple(&UDT_CODE), 0, 1),
        p(Ext, "ExtensionReason", Simple(&UDT_TEXT), 0, 1),
        p(Ext, "ExtensionContent", Open, 1, 1),
    ],
};

/// ext:UBLExtensionsType
pub(super) static UBL_EXTENSIONS: Model = Model {
    ns: Ext,
    name: "UBLExtensionsType",
    children: &[
        p(Ext, "UBLExtension", Aggregate(&UBL_EXTENSION), 1, N),
    ],
};

/// Every aggregate type.
pub(super) static MODELS: [&Model; 232] = [
    &INVOICE,
    &CREDIT_NOTE,
    &ACTIVITY_DATA_LINE,
    &ACTIVITY_PROPERTY,
    &ADDRESS_LINE,
    &ADDRESS,
    &AIR_TRANSPORT,
    &ALLOWANCE_CHARGE,
    &APPEAL_TERMS,
    &ATTACHMENT,
    &AUCTION_TERMS,
    &AWARDING_CRITERION_RESPONSE,
    &AWARDING_CRITERION,
    &AWARDING_TERMS,
    &BILLING_REFERENCE_LINE,
    &BILLING_REFERENCE,
    &BRANCH,
    &BUDGET_ACCOUNT_LINE,
    &BUDGET_ACCOUNT,
    &CAPABILITY,
    &CARD_ACCOUNT,
    &CATALOGUE_ITEM_SPECIFICATION_UPDATE_LINE,
    &CATALOGUE_LINE,
    &CATALOGUE_PRICING_UPDATE_LINE,
    &CATALOGUE_REFERENCE,
    &CATALOGUE_REQUEST_LINE,
    &CERTIFICATE_OF_ORIGIN_APPLICATION,
    &CERTIFICATE,
    &CLASSIFICATION_CATEGORY,
    &CLASSIFICATION_SCHEME,
    &CLAUSE,
    &COMMODITY_CLASSIFICATION,
    &COMMUNICATION,
    &COMPLETED_TASK,
    &CONDITION,
    &CONSIGNMENT,
    &CONSUMPTION_AVERAGE,
    &CONSUMPTION_CORRECTION,
    &CONSUMPTION_HISTORY,
    &CONSUMPTION_LINE,
    &CONSUMPTION_POINT,
    &CONSUMPTION_REPORT_REFERENCE,
    &CONSUMPTION_REPORT,
    &CONSUMPTION,
    &CONTACT,
    &CONTRACT_EXECUTION_REQUIREMENT,
    &CONTRACT_EXTENSION,
    &CONTRACT,
    &CONTRACTING_ACTIVITY,
    &CONTRACTING_PARTY,
    &CONTRACTING_PARTY_TYPE,
    &CORPORATE_REGISTRATION_SCHEME,
    &COUNTRY,
    &CREDIT_ACCOUNT,
    &CREDIT_NOTE_LINE,
    &CUSTOMER_PARTY,
    &CUSTOMS_DECLARATION,
    &DEBIT_NOTE_LINE,
    &DECLARATION,
    &DELIVERY_TERMS,
    &DELIVERY,
    &DELIVERY_UNIT,
    &DEPENDENT_PRICE_REFERENCE,
    &DESPATCH_LINE,
    &DESPATCH,
    &DIMENSION,
    &DOCUMENT_DISTRIBUTION,
    &DOCUMENT_REFERENCE,
    &DOCUMENT_RESPONSE,
    &DUTY,
    &ECONOMIC_OPERATOR_ROLE,
    &ECONOMIC_OPERATOR_SHORT_LIST,
    &EMISSION_CALCULATION_METHOD,
    &ENDORSEMENT,
    &ENDORSER_PARTY,
    &ENERGY_TAX_REPORT,
    &ENERGY_WATER_SUPPLY,
    &ENVIRONMENTAL_EMISSION,
    &EVALUATION_CRITERION,
    &EVENT_COMMENT,
    &EVENT_LINE_ITEM,
    &EVENT_TACTIC_ENUMERATION,
    &EVENT_TACTIC,
    &EVENT,
    &EVIDENCE_SUPPLIED,
    &EVIDENCE,
    &EXCEPTION_CRITERIA_LINE,
    &EXCEPTION_NOTIFICATION_LINE,
    &EXCHANGE_RATE,
    &EXTERNAL_REFERENCE,
    &FINANCIAL_ACCOUNT,
    &FINANCIAL_GUARANTEE,
    &FINANCIAL_INSTITUTION,
    &FORECAST_EXCEPTION_CRITERION_LINE,
    &FORECAST_EXCEPTION,
    &FORECAST_LINE,
    &FORECAST_REVISION_LINE,
    &FRAMEWORK_AGREEMENT,
    &GOODS_ITEM_CONTAINER,
    &GOODS_ITEM,
    &HAZARDOUS_GOODS_TRANSIT,
    &HAZARDOUS_ITEM,
    &IMMOBILIZED_SECURITY,
    &INSTRUCTION_FOR_RETURNS_LINE,
    &INVENTORY_REPORT_LINE,
    &INVOICE_LINE,
    &ITEM_COMPARISON,
    &ITEM_IDENTIFICATION,
    &ITEM_INFORMATION_REQUEST_LINE,
    &ITEM_INSTANCE,
    &ITEM_LOCATION_QUANTITY,
    &ITEM_MANAGEMENT_PROFILE,
    &ITEM_PROPERTY_GROUP,
    &ITEM_PROPERTY_RANGE,
    &ITEM_PROPERTY,
    &ITEM,
    &LANGUAGE,
    &LINE_ITEM,
    &LINE_REFERENCE,
    &LINE_RESPONSE,
    &LOCATION_COORDINATE,
    &LOCATION,
    &LOT_IDENTIFICATION,
    &MARITIME_TRANSPORT,
    &METER_PROPERTY,
    &METER_READING,
    &METER,
    &MISCELLANEOUS_EVENT,
    &MONETARY_TOTAL,
    &NOTIFICATION_REQUIREMENT,
    &ON_ACCOUNT_PAYMENT,
    &ORDER_LINE_REFERENCE,
    &ORDER_LINE,
    &ORDER_REFERENCE,
    &ORDERED_SHIPMENT,
    &PACKAGE,
    &PARTY_IDENTIFICATION,
    &PARTY_LEGAL_ENTITY,
    &PARTY_NAME,
    &PARTY_TAX_SCHEME,
    &PARTY,
    &PAYMENT_MANDATE,
    &PAYMENT_MEANS,
    &PAYMENT_TERMS,
    &PAYMENT,
    &PERFORMANCE_DATA_LINE,
    &PERIOD,
    &PERSON,
    &PHYSICAL_ATTRIBUTE,
    &PICKUP,
    &POWER_OF_ATTORNEY,
    &PRICE_EXTENSION,
    &PRICE_LIST,
    &PRICE,
    &PRICING_REFERENCE,
    &PROCESS_JUSTIFICATION,
    &PROCUREMENT_PROJECT_LOT,
    &PROCUREMENT_PROJECT,
    &PROJECT_REFERENCE,
    &PROMOTIONAL_EVENT_LINE_ITEM,
    &PROMOTIONAL_EVENT,
    &PROMOTIONAL_SPECIFICATION,
    &QUALIFICATION_RESOLUTION,
    &QUALIFYING_PARTY,
    &QUOTATION_LINE,
    &RAIL_TRANSPORT,
    &RECEIPT_LINE,
    &REGULATION,
    &RELATED_ITEM,
    &REMINDER_LINE,
    &REMITTANCE_ADVICE_LINE,
    &RENEWAL,
    &REQUEST_FOR_QUOTATION_LINE,
    &REQUEST_FOR_TENDER_LINE,
    &REQUESTED_TENDER_TOTAL,
    &RESPONSE,
    &RESULT_OF_VERIFICATION,
    &RETAIL_PLANNED_IMPACT,
    &ROAD_TRANSPORT,
    &SALES_ITEM,
    &SECONDARY_HAZARD,
    &SERVICE_FREQUENCY,
    &SERVICE_PROVIDER_PARTY,
    &SHAREHOLDER_PARTY,
    &SHIPMENT_STAGE,
    &SHIPMENT,
    &SIGNATURE,
    &STATEMENT_LINE,
    &STATUS,
    &STOCK_AVAILABILITY_REPORT_LINE,
    &STOWAGE,
    &SUBCONTRACT_TERMS,
    &SUBSCRIBER_CONSUMPTION,
    &SUPPLIER_CONSUMPTION,
    &SUPPLIER_PARTY,
    &TAX_CATEGORY,
    &TAX_SCHEME,
    &TAX_SUBTOTAL,
    &TAX_TOTAL,
    &TELECOMMUNICATIONS_SERVICE,
    &TELECOMMUNICATIONS_SUPPLY_LINE,
    &TELECOMMUNICATIONS_SUPPLY,
    &TEMPERATURE,
    &TENDER_LINE,
    &TENDER_PREPARATION,
    &TENDER_REQUIREMENT,
    &TENDER_RESULT,
    &TENDERED_PROJECT,
    &TENDERER_PARTY_QUALIFICATION,
    &TENDERER_QUALIFICATION_REQUEST,
    &TENDERER_REQUIREMENT,
    &TENDERING_PROCESS,
    &TENDERING_TERMS,
    &TRADE_FINANCING,
    &TRADING_TERMS,
    &TRANSACTION_CONDITIONS,
    &TRANSPORT_EQUIPMENT_SEAL,
    &TRANSPORT_EQUIPMENT,
    &TRANSPORT_EVENT,
    &TRANSPORT_EXECUTION_TERMS,
    &TRANSPORT_HANDLING_UNIT,
    &TRANSPORT_MEANS,
    &TRANSPORT_SCHEDULE,
    &TRANSPORTATION_SEGMENT,
    &TRANSPORTATION_SERVICE,
    &UNSTRUCTURED_PRICE,
    &UTILITY_ITEM,
    &WEB_SITE_ACCESS,
    &WINNING_PARTY,
    &WORK_PHASE_REFERENCE,
    &UBL_EXTENSION,
    &UBL_EXTENSIONS,
];
