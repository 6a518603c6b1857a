//! The lines (UBL-CR-515 … 647): what a `cac:InvoiceLine` or `cac:CreditNoteLine` should not include.

use crate::registry::Rule;

use super::restrictions;

pub(super) const RULES: &[Rule] = restrictions! {
    "UBL-CR-515" BOTH Line "cbc:UUID"
        "A UBL invoice should not include the InvoiceLine UUID";
    "UBL-CR-516" BOTH Line "cbc:TaxPointDate"
        "A UBL invoice should not include the InvoiceLine TaxPointDate";
    "UBL-CR-517" BOTH Line "cbc:AccountingCostCode"
        "A UBL invoice should not include the InvoiceLine AccountingCostCode";
    "UBL-CR-518" BOTH Line "cbc:PaymentPurposeCode"
        "A UBL invoice should not include the InvoiceLine PaymentPurposeCode";
    "UBL-CR-519" BOTH Line "cbc:FreeOfChargeIndicator"
        "A UBL invoice should not include the InvoiceLine FreeOfChargeIndicator";
    "UBL-CR-520" BOTH Line "cac:InvoicePeriod/cbc:StartTime"
        "A UBL invoice should not include the InvoiceLine InvoicePeriod StartTime";
    "UBL-CR-521" BOTH Line "cac:InvoicePeriod/cbc:EndTime"
        "A UBL invoice should not include the InvoiceLine InvoicePeriod EndTime";
    "UBL-CR-522" BOTH Line "cac:InvoicePeriod/cbc:DurationMeasure"
        "A UBL invoice should not include the InvoiceLine InvoicePeriod DurationMeasure";
    "UBL-CR-523" BOTH Line "cac:InvoicePeriod/cbc:DescriptionCode"
        "A UBL invoice should not include the InvoiceLine InvoicePeriod DescriptionCode";
    "UBL-CR-524" BOTH Line "cac:InvoicePeriod/cbc:Description"
        "A UBL invoice should not include the InvoiceLine InvoicePeriod Description";
    "UBL-CR-525" BOTH Line "cac:OrderLineReference/cbc:SalesOrderLineID"
        "A UBL invoice should not include the InvoiceLine OrderLineReference SalesOrderLineID";
    "UBL-CR-526" BOTH Line "cac:OrderLineReference/cbc:UUID"
        "A UBL invoice should not include the InvoiceLine OrderLineReference UUID";
    "UBL-CR-527" BOTH Line "cac:OrderLineReference/cbc:LineStatusCode"
        "A UBL invoice should not include the InvoiceLine OrderLineReference LineStatusCode";
    "UBL-CR-528" BOTH Line "cac:OrderLineReference/cac:OrderReference"
        "A UBL invoice should not include the InvoiceLine OrderLineReference OrderReference";
    "UBL-CR-529" BOTH Line "cac:DespatchLineReference"
        "A UBL invoice should not include the InvoiceLine DespatchLineReference";
    "UBL-CR-530" BOTH Line "cac:ReceiptLineReference"
        "A UBL invoice should not include the InvoiceLine ReceiptLineReference";
    "UBL-CR-531" BOTH Line "cac:BillingReference"
        "A UBL invoice should not include the InvoiceLine BillingReference";
    "UBL-CR-532" BOTH Line "cac:DocumentReference/cbc:CopyIndicator"
        "A UBL invoice should not include the InvoiceLine DocumentReference CopyIndicator";
    "UBL-CR-533" BOTH Line "cac:DocumentReference/cbc:UUID"
        "A UBL invoice should not include the InvoiceLine DocumentReference UUID";
    "UBL-CR-534" BOTH Line "cac:DocumentReference/cbc:IssueDate"
        "A UBL invoice should not include the InvoiceLine DocumentReference IssueDate";
    "UBL-CR-535" BOTH Line "cac:DocumentReference/cbc:IssueTime"
        "A UBL invoice should not include the InvoiceLine DocumentReference IssueTime";
    "UBL-CR-537" BOTH Line "cac:DocumentReference/cbc:DocumentType"
        "A UBL invoice should not include the InvoiceLine DocumentReference DocumentType";
    "UBL-CR-538" BOTH Line "cac:DocumentReference/cbc:XPath"
        "A UBL invoice should not include the InvoiceLine DocumentReference Xpath";
    "UBL-CR-539" BOTH Line "cac:DocumentReference/cbc:LanguageID"
        "A UBL invoice should not include the InvoiceLine DocumentReference LanguageID";
    "UBL-CR-540" BOTH Line "cac:DocumentReference/cbc:LocaleCode"
        "A UBL invoice should not include the InvoiceLine DocumentReference LocaleCode";
    "UBL-CR-541" BOTH Line "cac:DocumentReference/cbc:VersionID"
        "A UBL invoice should not include the InvoiceLine DocumentReference VersionID";
    "UBL-CR-542" BOTH Line "cac:DocumentReference/cbc:DocumentStatusCode"
        "A UBL invoice should not include the InvoiceLine DocumentReference DocumentStatusCode";
    "UBL-CR-543" BOTH Line "cac:DocumentReference/cbc:DocumentDescription"
        "A UBL invoice should not include the InvoiceLine DocumentReference DocumentDescription";
    "UBL-CR-544" BOTH Line "cac:DocumentReference/cac:Attachment"
        "A UBL invoice should not include the InvoiceLine DocumentReference Attachment";
    "UBL-CR-545" BOTH Line "cac:DocumentReference/cac:ValidityPeriod"
        "A UBL invoice should not include the InvoiceLine DocumentReference ValidityPeriod";
    "UBL-CR-546" BOTH Line "cac:DocumentReference/cac:IssuerParty"
        "A UBL invoice should not include the InvoiceLine DocumentReference IssuerParty";
    "UBL-CR-547" BOTH Line "cac:DocumentReference/cac:ResultOfVerification"
        "A UBL invoice should not include the InvoiceLine DocumentReference ResultOfVerification";
    "UBL-CR-548" BOTH Line "cac:PricingReference"
        "A UBL invoice should not include the InvoiceLine PricingReference";
    "UBL-CR-549" BOTH Line "cac:OriginatorParty"
        "A UBL invoice should not include the InvoiceLine OriginatorParty";
    "UBL-CR-550" BOTH Line "cac:Delivery"
        "A UBL invoice should not include the InvoiceLine Delivery";
    "UBL-CR-551" BOTH Line "cac:PaymentTerms"
        "A UBL invoice should not include the InvoiceLine PaymentTerms";
    "UBL-CR-552" BOTH Line "cac:AllowanceCharge/cbc:ID"
        "A UBL invoice should not include the InvoiceLine AllowanceCharge ID";
    "UBL-CR-553" BOTH Line "cac:AllowanceCharge/cbc:PrepaidIndicator"
        "A UBL invoice should not include the InvoiceLine AllowanceCharge PrepaidIndicator";
    "UBL-CR-554" BOTH Line "cac:AllowanceCharge/cbc:SequenceNumeric"
        "A UBL invoice should not include the InvoiceLine AllowanceCharge SequenceNumeric";
    "UBL-CR-555" BOTH Line "cac:AllowanceCharge/cbc:AccountingCostCode"
        "A UBL invoice should not include the InvoiceLine AllowanceCharge AccountingCostCode";
    "UBL-CR-556" BOTH Line "cac:AllowanceCharge/cbc:AccountingCost"
        "A UBL invoice should not include the InvoiceLine AllowanceCharge AccountingCost";
    "UBL-CR-557" BOTH Line "cac:AllowanceCharge/cbc:PerUnitAmount"
        "A UBL invoice should not include the InvoiceLine AllowanceCharge PerUnitAmount";
    "UBL-CR-558" BOTH Line "cac:AllowanceCharge/cac:TaxCategory"
        "A UBL invoice should not include the InvoiceLine AllowanceCharge TaxCategory";
    "UBL-CR-559" BOTH Line "cac:AllowanceCharge/cac:TaxTotal"
        "A UBL invoice should not include the InvoiceLine AllowanceCharge TaxTotal";
    "UBL-CR-560" BOTH Line "cac:AllowanceCharge/cac:PaymentMeans"
        "A UBL invoice should not include the InvoiceLine AllowanceCharge PaymentMeans";
    "UBL-CR-561" BOTH Line "cac:TaxTotal"
        "A UBL invoice should not include the InvoiceLine TaxTotal";
    "UBL-CR-562" BOTH Line "cac:WithholdingTaxTotal"
        "A UBL invoice should not include the InvoiceLine WithholdingTaxTotal";
    "UBL-CR-563" BOTH Line "cac:Item/cbc:PackQuantity"
        "A UBL invoice should not include the InvoiceLine Item PackQuantity";
    "UBL-CR-564" BOTH Line "cac:Item/cbc:PackSizeNumeric"
        "A UBL invoice should not include the InvoiceLine Item PackSizeNumeric";
    "UBL-CR-565" BOTH Line "cac:Item/cbc:CatalogueIndicator"
        "A UBL invoice should not include the InvoiceLine Item CatalogueIndicator";
    "UBL-CR-566" BOTH Line "cac:Item/cbc:HazardousRiskIndicator"
        "A UBL invoice should not include the InvoiceLine Item HazardousRiskIndicator";
    "UBL-CR-567" BOTH Line "cac:Item/cbc:AdditionalInformation"
        "A UBL invoice should not include the InvoiceLine Item AdditionalInformation";
    "UBL-CR-568" BOTH Line "cac:Item/cbc:Keyword"
        "A UBL invoice should not include the InvoiceLine Item Keyword";
    "UBL-CR-569" BOTH Line "cac:Item/cbc:BrandName"
        "A UBL invoice should not include the InvoiceLine Item BrandName";
    "UBL-CR-570" BOTH Line "cac:Item/cbc:ModelName"
        "A UBL invoice should not include the InvoiceLine Item ModelName";
    "UBL-CR-571" BOTH Line "cac:Item/cac:BuyersItemIdentification/cbc:ExtendedID"
        "A UBL invoice should not include the InvoiceLine Item BuyersItemIdentification ExtendedID";
    "UBL-CR-572" CEN Line "cac:Item/cac:BuyersItemIdentification/cbc:BarcodeSymbologyID"
        "A UBL invoice should not include the InvoiceLine Item BuyersItemIdentification BarcodeSymbologyID";
    "UBL-CR-572" RO Line "cac:Item/cac:BuyersItemIdentification/cbc:BarecodeSymbologyID"
        "A UBL invoice should not include the InvoiceLine Item BuyersItemIdentification BareCodeSymbologyID";
    "UBL-CR-573" BOTH Line "cac:Item/cac:BuyersItemIdentification/cac:PhysicalAttribute"
        "A UBL invoice should not include the InvoiceLine Item BuyersItemIdentification PhysicalAttribute";
    "UBL-CR-574" BOTH Line "cac:Item/cac:BuyersItemIdentification/cac:MeasurementDimension"
        "A UBL invoice should not include the InvoiceLine Item BuyersItemIdentification MeasurementDimension";
    "UBL-CR-575" BOTH Line "cac:Item/cac:BuyersItemIdentification/cac:IssuerParty"
        "A UBL invoice should not include the InvoiceLine Item BuyersItemIdentification IssuerParty";
    "UBL-CR-576" BOTH Line "cac:Item/cac:SellersItemIdentification/cbc:ExtendedID"
        "A UBL invoice should not include the InvoiceLine Item SellersItemIdentification ExtendedID";
    "UBL-CR-577" CEN Line "cac:Item/cac:SellersItemIdentification/cbc:BarcodeSymbologyID"
        "A UBL invoice should not include the InvoiceLine Item SellersItemIdentification BarcodeSymbologyID";
    "UBL-CR-577" RO Line "cac:Item/cac:SellersItemIdentification/cbc:BarecodeSymbologyID"
        "A UBL invoice should not include the InvoiceLine Item SellersItemIdentification BareCodeSymbologyID";
    "UBL-CR-578" BOTH Line "cac:Item/cac:SellersItemIdentification/cac:PhysicalAttribute"
        "A UBL invoice should not include the InvoiceLine Item SellersItemIdentification PhysicalAttribute";
    "UBL-CR-579" BOTH Line "cac:Item/cac:SellersItemIdentification/cac:MeasurementDimension"
        "A UBL invoice should not include the InvoiceLine Item SellersItemIdentification MeasurementDimension";
    "UBL-CR-580" BOTH Line "cac:Item/cac:SellersItemIdentification/cac:IssuerParty"
        "A UBL invoice should not include the InvoiceLine Item SellersItemIdentification IssuerParty";
    "UBL-CR-581" BOTH Line "cac:Item/cac:ManufacturersItemIdentification"
        "A UBL invoice should not include the InvoiceLine Item ManufacturersItemIdentification";
    "UBL-CR-582" BOTH Line "cac:Item/cac:StandardItemIdentification/cbc:ExtendedID"
        "A UBL invoice should not include the InvoiceLine Item StandardItemIdentification ExtendedID";
    "UBL-CR-583" CEN Line "cac:Item/cac:StandardItemIdentification/cbc:BarcodeSymbologyID"
        "A UBL invoice should not include the InvoiceLine Item StandardItemIdentification BarcodeSymbologyID";
    "UBL-CR-583" RO Line "cac:Item/cac:StandardItemIdentification/cbc:BarecodeSymbologyID"
        "A UBL invoice should not include the InvoiceLine Item StandardItemIdentification BareCodeSymbologyID";
    "UBL-CR-584" BOTH Line "cac:Item/cac:StandardItemIdentification/cac:PhysicalAttribute"
        "A UBL invoice should not include the InvoiceLine Item StandardItemIdentification PhysicalAttribute";
    "UBL-CR-585" BOTH Line "cac:Item/cac:StandardItemIdentification/cac:MeasurementDimension"
        "A UBL invoice should not include the InvoiceLine Item StandardItemIdentification MeasurementDimension";
    "UBL-CR-586" BOTH Line "cac:Item/cac:StandardItemIdentification/cac:IssuerParty"
        "A UBL invoice should not include the InvoiceLine Item StandardItemIdentification IssuerParty";
    "UBL-CR-587" BOTH Line "cac:Item/cac:CatalogueItemIdentification"
        "A UBL invoice should not include the InvoiceLine Item CatalogueItemIdentification";
    "UBL-CR-588" BOTH Line "cac:Item/cac:AdditionalItemIdentification"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemIdentification";
    "UBL-CR-589" BOTH Line "cac:Item/cac:CatalogueDocumentReference"
        "A UBL invoice should not include the InvoiceLine Item CatalogueDocumentReference";
    "UBL-CR-590" BOTH Line "cac:Item/cac:ItemSpecificationDocumentReference"
        "A UBL invoice should not include the InvoiceLine Item ItemSpecificationDocumentReference";
    "UBL-CR-591" BOTH Line "cac:Item/cac:OriginCountry/cbc:Name"
        "A UBL invoice should not include the InvoiceLine Item OriginCountry Name";
    "UBL-CR-592" BOTH Line "cac:Item/cac:CommodityClassification/cbc:NatureCode"
        "A UBL invoice should not include the InvoiceLine Item CommodityClassification NatureCode";
    "UBL-CR-593" BOTH Line "cac:Item/cac:CommodityClassification/cbc:CargoTypeCode"
        "A UBL invoice should not include the InvoiceLine Item CommodityClassification CargoTypeCode";
    "UBL-CR-594" BOTH Line "cac:Item/cac:CommodityClassification/cbc:CommodityCode"
        "A UBL invoice should not include the InvoiceLine Item CommodityClassification CommodityCode";
    "UBL-CR-595" BOTH Line "cac:Item/cac:TransactionConditions"
        "A UBL invoice should not include the InvoiceLine Item TransactionConditions";
    "UBL-CR-596" BOTH Line "cac:Item/cac:HazardousItem"
        "A UBL invoice should not include the InvoiceLine Item HazardousItem";
    "UBL-CR-597" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cbc:Name"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory Name";
    "UBL-CR-598" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cbc:BaseUnitMeasure"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory BaseUnitMeasure";
    "UBL-CR-599" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cbc:PerUnitAmount"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory PerUnitAmount";
    "UBL-CR-600" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReasonCode"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory TaxExemptionReasonCode";
    "UBL-CR-601" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReason"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory TaxExemptionReason";
    "UBL-CR-602" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cbc:TierRange"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory TierRange";
    "UBL-CR-603" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cbc:TierRatePercent"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory TierRatePercent";
    "UBL-CR-604" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:Name"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory TaxScheme Name";
    "UBL-CR-605" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:TaxTypeCode"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory TaxScheme TaxTypeCode";
    "UBL-CR-606" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:CurrencyCode"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory TaxScheme CurrencyCode";
    "UBL-CR-607" BOTH Line "cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress"
        "A UBL invoice should not include the InvoiceLine Item ClassifiedTaxCategory TaxScheme JurisdictionRegionAddress";
    "UBL-CR-608" BOTH Line "cac:Item/cac:AdditionalItemProperty/cbc:ID"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty ID";
    "UBL-CR-609" BOTH Line "cac:Item/cac:AdditionalItemProperty/cbc:NameCode"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty NameCode";
    "UBL-CR-610" BOTH Line "cac:Item/cac:AdditionalItemProperty/cbc:TestMethod"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty TestMethod";
    "UBL-CR-611" BOTH Line "cac:Item/cac:AdditionalItemProperty/cbc:ValueQuantity"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty ValueQuantity";
    "UBL-CR-612" BOTH Line "cac:Item/cac:AdditionalItemProperty/cbc:ValueQualifier"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty ValueQualifier";
    "UBL-CR-613" BOTH Line "cac:Item/cac:AdditionalItemProperty/cbc:ImportanceCode"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty ImportanceCode";
    "UBL-CR-614" BOTH Line "cac:Item/cac:AdditionalItemProperty/cbc:ListValue"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty ListValue";
    "UBL-CR-615" BOTH Line "cac:Item/cac:AdditionalItemProperty/cac:UsabilityPeriod"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty UsabilityPeriod";
    "UBL-CR-616" BOTH Line "cac:Item/cac:AdditionalItemProperty/cac:ItemPropertyGroup"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty ItemPropertyGroup";
    "UBL-CR-617" BOTH Line "cac:Item/cac:AdditionalItemProperty/cac:RangeDimension"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty RangeDimension";
    "UBL-CR-618" BOTH Line "cac:Item/cac:AdditionalItemProperty/cac:ItemPropertyRange"
        "A UBL invoice should not include the InvoiceLine Item AdditionalItemProperty ItemPropertyRange";
    "UBL-CR-619" BOTH Line "cac:Item/cac:ManufacturerParty"
        "A UBL invoice should not include the InvoiceLine Item ManufacturerParty";
    "UBL-CR-620" BOTH Line "cac:Item/cac:InformationContentProviderParty"
        "A UBL invoice should not include the InvoiceLine Item InformationContentProviderParty";
    "UBL-CR-621" BOTH Line "cac:Item/cac:OriginAddress"
        "A UBL invoice should not include the InvoiceLine Item OriginAddress";
    "UBL-CR-622" BOTH Line "cac:Item/cac:ItemInstance"
        "A UBL invoice should not include the InvoiceLine Item ItemInstance";
    "UBL-CR-623" BOTH Line "cac:Item/cac:Certificate"
        "A UBL invoice should not include the InvoiceLine Item Certificate";
    "UBL-CR-624" BOTH Line "cac:Item/cac:Dimension"
        "A UBL invoice should not include the InvoiceLine Item Dimension";
    "UBL-CR-625" BOTH Line "cac:Price/cbc:PriceChangeReason"
        "A UBL invoice should not include the InvoiceLine Item Price PriceChangeReason";
    "UBL-CR-626" BOTH Line "cac:Price/cbc:PriceTypeCode"
        "A UBL invoice should not include the InvoiceLine Item Price PriceTypeCode";
    "UBL-CR-627" BOTH Line "cac:Price/cbc:PriceType"
        "A UBL invoice should not include the InvoiceLine Item Price PriceType";
    "UBL-CR-628" BOTH Line "cac:Price/cbc:OrderableUnitFactorRate"
        "A UBL invoice should not include the InvoiceLine Item Price OrderableUnitFactorRate";
    "UBL-CR-629" BOTH Line "cac:Price/cbc:ValidityPeriod"
        "A UBL invoice should not include the InvoiceLine Item Price ValidityPeriod";
    "UBL-CR-630" BOTH Line "cac:Price/cbc:PriceList"
        "A UBL invoice should not include the InvoiceLine Item Price PriceList";
    "UBL-CR-631" RO Line "cac:Price/cbc:OrderableUnitFactorRate"
        "A UBL invoice should not include the InvoiceLine Item Price OrderableUnitFactorRate";
    "UBL-CR-632" BOTH Line "cac:Price/cac:AllowanceCharge/cbc:ID"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge ID";
    "UBL-CR-633" BOTH Line "cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge AllowanceChargeReasonCode";
    "UBL-CR-634" BOTH Line "cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReason"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge AllowanceChargeReason";
    "UBL-CR-635" BOTH Line "cac:Price/cac:AllowanceCharge/cbc:MultiplierFactorNumeric"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge MultiplierFactorNumeric";
    "UBL-CR-636" BOTH Line "cac:Price/cac:AllowanceCharge/cbc:PrepaidIndicator"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge PrepaidIndicator";
    "UBL-CR-637" BOTH Line "cac:Price/cac:AllowanceCharge/cbc:SequenceNumeric"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge SequenceNumeric";
    "UBL-CR-638" BOTH Line "cac:Price/cac:AllowanceCharge/cbc:AccountingCostCode"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge AccountingCostCode";
    "UBL-CR-639" BOTH Line "cac:Price/cac:AllowanceCharge/cbc:AccountingCost"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge AccountingCost";
    "UBL-CR-640" BOTH Line "cac:Price/cac:AllowanceCharge/cbc:PerUnitAmount"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge PerUnitAmount";
    "UBL-CR-641" BOTH Line "cac:Price/cac:AllowanceCharge/cac:TaxCategory"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge TaxCategory";
    "UBL-CR-642" BOTH Line "cac:Price/cac:AllowanceCharge/cac:TaxTotal"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge TaxTotal";
    "UBL-CR-643" BOTH Line "cac:Price/cac:AllowanceCharge/cac:PaymentMeans"
        "A UBL invoice should not include the InvoiceLine Item Price AllowanceCharge PaymentMeans";
    "UBL-CR-644" BOTH Line "cac:Price/cac:PricingExchangeRate"
        "A UBL invoice should not include the InvoiceLine Item Price PricingExchangeRate";
    "UBL-CR-645" BOTH Line "cac:DeliveryTerms"
        "A UBL invoice should not include the InvoiceLine DeliveryTerms";
    "UBL-CR-646" BOTH Line "cac:SubInvoiceLine"
        "A UBL invoice should not include the InvoiceLine SubInvoiceLine";
    "UBL-CR-647" BOTH Line "cac:ItemPriceExtension"
        "A UBL invoice should not include the InvoiceLine ItemPriceExtension";
};
