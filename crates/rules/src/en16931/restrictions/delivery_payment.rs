//! Delivery, payment and totals (UBL-CR-342 … 514): delivery and delivery terms, payment means and terms, prepaid payment, document-level allowances and charges, exchange rates, tax totals, withholding tax, monetary total.

use crate::registry::Rule;

use super::restrictions;

pub(super) const RULES: &[Rule] = restrictions! {
    "UBL-CR-342" BOTH Root "cac:Delivery/cbc:ID"
        "A UBL invoice should not include the Delivery ID";
    "UBL-CR-343" BOTH Root "cac:Delivery/cbc:Quantity"
        "A UBL invoice should not include the Delivery Quantity";
    "UBL-CR-344" BOTH Root "cac:Delivery/cbc:MinimumQuantity"
        "A UBL invoice should not include the Delivery MinimumQuantity";
    "UBL-CR-345" BOTH Root "cac:Delivery/cbc:MaximumQuantity"
        "A UBL invoice should not include the Delivery MaximumQuantity";
    "UBL-CR-346" BOTH Root "cac:Delivery/cbc:ActualDeliveryTime"
        "A UBL invoice should not include the Delivery ActualDeliveryTime";
    "UBL-CR-347" BOTH Root "cac:Delivery/cbc:LatestDeliveryDate"
        "A UBL invoice should not include the Delivery LatestDeliveryDate";
    "UBL-CR-348" BOTH Root "cac:Delivery/cbc:LatestDeliveryTime"
        "A UBL invoice should not include the Delivery LatestDeliveryTime";
    "UBL-CR-349" BOTH Root "cac:Delivery/cbc:ReleaseID"
        "A UBL invoice should not include the Delivery ReleaseID";
    "UBL-CR-350" BOTH Root "cac:Delivery/cbc:TrackingID"
        "A UBL invoice should not include the Delivery TrackingID";
    "UBL-CR-351" BOTH Root "cac:Delivery/cac:DeliveryLocation/cbc:Description"
        "A UBL invoice should not include the Delivery DeliveryLocation Description";
    "UBL-CR-352" BOTH Root "cac:Delivery/cac:DeliveryLocation/cbc:Conditions"
        "A UBL invoice should not include the Delivery DeliveryLocation Conditions";
    "UBL-CR-353" BOTH Root "cac:Delivery/cac:DeliveryLocation/cbc:CountrySubentity"
        "A UBL invoice should not include the Delivery DeliveryLocation CountrySubentity";
    "UBL-CR-354" BOTH Root "cac:Delivery/cac:DeliveryLocation/cbc:CountrySubentityCode"
        "A UBL invoice should not include the Delivery DeliveryLocation CountrySubentityCode";
    "UBL-CR-355" BOTH Root "cac:Delivery/cac:DeliveryLocation/cbc:LocationTypeCode"
        "A UBL invoice should not include the Delivery DeliveryLocation LocationTypeCode";
    "UBL-CR-356" BOTH Root "cac:Delivery/cac:DeliveryLocation/cbc:InformationURI"
        "A UBL invoice should not include the Delivery DeliveryLocation InformationURI";
    "UBL-CR-357" BOTH Root "cac:Delivery/cac:DeliveryLocation/cbc:Name"
        "A UBL invoice should not include the Delivery DeliveryLocation Name";
    "UBL-CR-358" CEN Root "cac:Delivery/cac:DeliveryLocation/cac:ValidityPeriod"
        "A UBL invoice should not include the Delivery DeliveryLocation ValidityPeriod";
    "UBL-CR-358" RO Root "cac:Delivery/cac:DeliveryLocation/cac:ValidityPeriod"
        "A UBL invoice should not include the Delivery DeliveryLocation ValidationPeriod";
    "UBL-CR-359" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:ID"
        "A UBL invoice should not include the Delivery DeliveryLocation Address ID";
    "UBL-CR-360" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:AddressTypeCode"
        "A UBL invoice should not include the Delivery DeliveryLocation Address AddressTypeCode";
    "UBL-CR-361" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:AddressFormatCode"
        "A UBL invoice should not include the Delivery DeliveryLocation Address AddressFormatCode";
    "UBL-CR-362" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Postbox"
        "A UBL invoice should not include the Delivery DeliveryLocation Address Postbox";
    "UBL-CR-363" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Floor"
        "A UBL invoice should not include the Delivery DeliveryLocation Address Floor";
    "UBL-CR-364" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Room"
        "A UBL invoice should not include the Delivery DeliveryLocation Address Room";
    "UBL-CR-365" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:BlockName"
        "A UBL invoice should not include the Delivery DeliveryLocation Address BlockName";
    "UBL-CR-366" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:BuildingName"
        "A UBL invoice should not include the Delivery DeliveryLocation Address BuildingName";
    "UBL-CR-367" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:BuildingNumber"
        "A UBL invoice should not include the Delivery DeliveryLocation Address BuildingNumber";
    "UBL-CR-368" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:InhouseMail"
        "A UBL invoice should not include the Delivery DeliveryLocation Address InhouseMail";
    "UBL-CR-369" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Department"
        "A UBL invoice should not include the Delivery DeliveryLocation Address Department";
    "UBL-CR-370" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:MarkAttention"
        "A UBL invoice should not include the Delivery DeliveryLocation Address MarkAttention";
    "UBL-CR-371" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:MarkCare"
        "A UBL invoice should not include the Delivery DeliveryLocation Address MarkCare";
    "UBL-CR-372" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:PlotIdentification"
        "A UBL invoice should not include the Delivery DeliveryLocation Address PlotIdentification";
    "UBL-CR-373" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:CitySubdivisionName"
        "A UBL invoice should not include the Delivery DeliveryLocation Address CitySubdivisionName";
    "UBL-CR-374" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:CountrySubentityCode"
        "A UBL invoice should not include the Delivery DeliveryLocation Address CountrySubentityCode";
    "UBL-CR-375" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Region"
        "A UBL invoice should not include the Delivery DeliveryLocation Address Region";
    "UBL-CR-376" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:District"
        "A UBL invoice should not include the Delivery DeliveryLocation Address District";
    "UBL-CR-377" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:TimezoneOffset"
        "A UBL invoice should not include the Delivery DeliveryLocation Address TimezoneOffset";
    "UBL-CR-378" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:Name"
        "A UBL invoice should not include the Delivery DeliveryLocation Address Country Name";
    "UBL-CR-379" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:LocationCoordinate"
        "A UBL invoice should not include the Delivery DeliveryLocation Address LocationCoordinate";
    "UBL-CR-380" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:SubsidiaryLocation"
        "A UBL invoice should not include the Delivery DeliveryLocation SubsidiaryLocation";
    "UBL-CR-381" BOTH Root "cac:Delivery/cac:DeliveryLocation/cac:LocationCoordinate"
        "A UBL invoice should not include the Delivery DeliveryLocation LocationCoordinate";
    "UBL-CR-382" BOTH Root "cac:Delivery/cac:AlternativeDeliveryLocation"
        "A UBL invoice should not include the Delivery AlternativeDeliveryLocation";
    "UBL-CR-383" BOTH Root "cac:Delivery/cac:RequestedDeliveryPeriod"
        "A UBL invoice should not include the Delivery RequestedDeliveryPeriod";
    "UBL-CR-384" CEN Root "cac:Delivery/cac:EstimatedDeliveryPeriod"
        "A UBL invoice should not include the Delivery EstimatedDeliveryPeriod";
    "UBL-CR-384" RO Root "cac:Delivery/cac:EstimatedDeliveryPeriod"
        "A UBL invoice should not include the Delivery PromisedDeliveryPeriod";
    "UBL-CR-385" BOTH Root "cac:Delivery/cac:CarrierParty"
        "A UBL invoice should not include the Delivery CarrierParty";
    "UBL-CR-386" BOTH Root "cac:Delivery/cac:DeliveryParty/cbc:MarkCareIndicator"
        "A UBL invoice should not include the DeliveryParty MarkCareIndicator";
    "UBL-CR-387" BOTH Root "cac:Delivery/cac:DeliveryParty/cbc:MarkAttentionIndicator"
        "A UBL invoice should not include the DeliveryParty MarkAttentionIndicator";
    "UBL-CR-388" BOTH Root "cac:Delivery/cac:DeliveryParty/cbc:WebsiteURI"
        "A UBL invoice should not include the DeliveryParty WebsiteURI";
    "UBL-CR-389" BOTH Root "cac:Delivery/cac:DeliveryParty/cbc:LogoReferenceID"
        "A UBL invoice should not include the DeliveryParty LogoReferenceID";
    "UBL-CR-390" BOTH Root "cac:Delivery/cac:DeliveryParty/cbc:EndpointID"
        "A UBL invoice should not include the DeliveryParty EndpointID";
    "UBL-CR-391" BOTH Root "cac:Delivery/cac:DeliveryParty/cbc:IndustryClassificationCode"
        "A UBL invoice should not include the DeliveryParty IndustryClassificationCode";
    "UBL-CR-392" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:PartyIdentification"
        "A UBL invoice should not include the DeliveryParty PartyIdentification";
    "UBL-CR-393" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:Language"
        "A UBL invoice should not include the DeliveryParty Language";
    "UBL-CR-394" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:PostalAddress"
        "A UBL invoice should not include the DeliveryParty PostalAddress";
    "UBL-CR-395" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:PhysicalLocation"
        "A UBL invoice should not include the DeliveryParty PhysicalLocation";
    "UBL-CR-396" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:PartyTaxScheme"
        "A UBL invoice should not include the DeliveryParty PartyTaxScheme";
    "UBL-CR-397" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:PartyLegalEntity"
        "A UBL invoice should not include the DeliveryParty PartyLegalEntity";
    "UBL-CR-398" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:Contact"
        "A UBL invoice should not include the DeliveryParty Contact";
    "UBL-CR-399" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:Person"
        "A UBL invoice should not include the DeliveryParty Person";
    "UBL-CR-400" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:AgentParty"
        "A UBL invoice should not include the DeliveryParty AgentParty";
    "UBL-CR-401" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:ServiceProviderParty"
        "A UBL invoice should not include the DeliveryParty ServiceProviderParty";
    "UBL-CR-402" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:PowerOfAttorney"
        "A UBL invoice should not include the DeliveryParty PowerOfAttorney";
    "UBL-CR-403" BOTH Root "cac:Delivery/cac:DeliveryParty/cac:FinancialAccount"
        "A UBL invoice should not include the DeliveryParty FinancialAccount";
    "UBL-CR-404" BOTH Root "cac:Delivery/cac:NotifyParty"
        "A UBL invoice should not include the Delivery NotifyParty";
    "UBL-CR-405" BOTH Root "cac:Delivery/cac:Despatch"
        "A UBL invoice should not include the Delivery Despatch";
    "UBL-CR-406" BOTH Root "cac:Delivery/cac:DeliveryTerms"
        "A UBL invoice should not include the Delivery DeliveryTerms";
    "UBL-CR-407" BOTH Root "cac:Delivery/cac:MinimumDeliveryUnit"
        "A UBL invoice should not include the Delivery MinimumDeliveryUnit";
    "UBL-CR-408" BOTH Root "cac:Delivery/cac:MaximumDeliveryUnit"
        "A UBL invoice should not include the Delivery MaximumDeliveryUnit";
    "UBL-CR-409" BOTH Root "cac:Delivery/cac:Shipment"
        "A UBL invoice should not include the Delivery Shipment";
    "UBL-CR-410" BOTH Root "cac:DeliveryTerms"
        "A UBL invoice should not include the DeliveryTerms";
    "UBL-CR-411" BOTH Root "cac:PaymentMeans/cbc:ID"
        "A UBL invoice should not include the PaymentMeans ID";
    "UBL-CR-413" BOTH Root "cac:PaymentMeans/cbc:PaymentChannelCode"
        "A UBL invoice should not include the PaymentMeans PaymentChannelCode";
    "UBL-CR-414" BOTH Root "cac:PaymentMeans/cbc:InstructionID"
        "A UBL invoice should not include the PaymentMeans InstructionID";
    "UBL-CR-415" BOTH Root "cac:PaymentMeans/cac:CardAccount/cbc:CardTypeCode"
        "A UBL invoice should not include the PaymentMeans CardAccount CardTypeCode";
    "UBL-CR-416" BOTH Root "cac:PaymentMeans/cac:CardAccount/cbc:ValidityStartDate"
        "A UBL invoice should not include the PaymentMeans CardAccount ValidityStartDate";
    "UBL-CR-417" BOTH Root "cac:PaymentMeans/cac:CardAccount/cbc:ExpiryDate"
        "A UBL invoice should not include the PaymentMeans CardAccount ExpiryDate";
    "UBL-CR-418" BOTH Root "cac:PaymentMeans/cac:CardAccount/cbc:IssuerID"
        "A UBL invoice should not include the PaymentMeans CardAccount IssuerID";
    "UBL-CR-419" CEN Root "cac:PaymentMeans/cac:CardAccount/cbc:IssueNumberID"
        "A UBL invoice should not include the PaymentMeans CardAccount IssueNumberID";
    "UBL-CR-419" RO Root "cac:PaymentMeans/cac:CardAccount/cbc:IssueNumberID"
        "A UBL invoice should not include the PaymentMeans CardAccount IssuerNumberID";
    "UBL-CR-420" BOTH Root "cac:PaymentMeans/cac:CardAccount/cbc:CV2ID"
        "A UBL invoice should not include the PaymentMeans CardAccount CV2ID";
    "UBL-CR-421" BOTH Root "cac:PaymentMeans/cac:CardAccount/cbc:CardChipCode"
        "A UBL invoice should not include the PaymentMeans CardAccount CardChipCode";
    "UBL-CR-422" BOTH Root "cac:PaymentMeans/cac:CardAccount/cbc:ChipApplicationID"
        "A UBL invoice should not include the PaymentMeans CardAccount ChipApplicationID";
    "UBL-CR-424" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:AliasName"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount AliasName";
    "UBL-CR-425" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:AccountTypeCode"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount AccountTypeCode";
    "UBL-CR-426" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:AccountFormatCode"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount AccountFormatCode";
    "UBL-CR-427" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:CurrencyCode"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount CurrencyCode";
    "UBL-CR-428" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:PaymentNote"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount PaymentNote";
    "UBL-CR-429" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:Name"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount FinancialInstitutionBranch Name";
    "UBL-CR-430" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cac:FinancialInstitution/cbc:Name"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount FinancialInstitutionBranch FinancialInstitution Name";
    "UBL-CR-431" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cac:FinancialInstitution/cac:Address"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount FinancialInstitutionBranch FinancialInstitution Address";
    "UBL-CR-432" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cac:Address"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount FinancialInstitutionBranch Address";
    "UBL-CR-433" BOTH Root "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:Country"
        "A UBL invoice should not include the PaymentMeans PayeeFinancialAccount Country";
    "UBL-CR-434" BOTH Root "cac:PaymentMeans/cac:CreditAccount"
        "A UBL invoice should not include the PaymentMeans CreditAccount";
    "UBL-CR-435" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cbc:MandateTypeCode"
        "A UBL invoice should not include the PaymentMeans PaymentMandate MandateTypeCode";
    "UBL-CR-436" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cbc:MaximumPaymentInstructionsNumeric"
        "A UBL invoice should not include the PaymentMeans PaymentMandate MaximumPaymentInstructionsNumeric";
    "UBL-CR-437" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cbc:MaximumPaidAmount"
        "A UBL invoice should not include the PaymentMeans PaymentMandate MaximumPaidAmount";
    "UBL-CR-438" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cbc:SignatureID"
        "A UBL invoice should not include the PaymentMeans PaymentMandate SignatureID";
    "UBL-CR-439" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PayerParty";
    "UBL-CR-440" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:Name"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PayerFinancialAccount Name";
    "UBL-CR-441" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:AliasName"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PayerFinancialAccount AliasName";
    "UBL-CR-442" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:AccountTypeCode"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PayerFinancialAccount AccountTypeCode";
    "UBL-CR-443" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:AccountFormatCode"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PayerFinancialAccount AccountFormatCode";
    "UBL-CR-444" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:CurrencyCode"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PayerFinancialAccount CurrencyCode";
    "UBL-CR-445" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:PaymentNote"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PayerFinancialAccount PaymentNote";
    "UBL-CR-446" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cac:FinancialInstitutionBranch"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PayerFinancialAccount FinancialInstitutionBranch";
    "UBL-CR-447" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cac:Country"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PayerFinancialAccount Country";
    "UBL-CR-448" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:ValidityPeriod"
        "A UBL invoice should not include the PaymentMeans PaymentMandate ValidityPeriod";
    "UBL-CR-449" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:PaymentReversalPeriod"
        "A UBL invoice should not include the PaymentMeans PaymentMandate PaymentReversalPeriod";
    "UBL-CR-450" BOTH Root "cac:PaymentMeans/cac:PaymentMandate/cac:Clause"
        "A UBL invoice should not include the PaymentMeans PaymentMandate Clause";
    "UBL-CR-451" BOTH Root "cac:PaymentMeans/cac:TradeFinancing"
        "A UBL invoice should not include the PaymentMeans TradeFinancing";
    "UBL-CR-452" BOTH Root "cac:PaymentTerms/cbc:ID"
        "A UBL invoice should not include the PaymentTerms ID";
    "UBL-CR-453" BOTH Root "cac:PaymentTerms/cbc:PaymentMeansID"
        "A UBL invoice should not include the PaymentTerms PaymentMeansID";
    "UBL-CR-454" BOTH Root "cac:PaymentTerms/cbc:PrepaidPaymentReferenceID"
        "A UBL invoice should not include the PaymentTerms PrepaidPaymentReferenceID";
    "UBL-CR-455" BOTH Root "cac:PaymentTerms/cbc:ReferenceEventCode"
        "A UBL invoice should not include the PaymentTerms ReferenceEventCode";
    "UBL-CR-456" BOTH Root "cac:PaymentTerms/cbc:SettlementDiscountPercent"
        "A UBL invoice should not include the PaymentTerms SettlementDiscountPercent";
    "UBL-CR-457" BOTH Root "cac:PaymentTerms/cbc:PenaltySurchargePercent"
        "A UBL invoice should not include the PaymentTerms PenaltySurchargePercent";
    "UBL-CR-458" BOTH Root "cac:PaymentTerms/cbc:PaymentPercent"
        "A UBL invoice should not include the PaymentTerms PaymentPercent";
    "UBL-CR-459" BOTH Root "cac:PaymentTerms/cbc:Amount"
        "A UBL invoice should not include the PaymentTerms Amount";
    "UBL-CR-460" BOTH Root "cac:PaymentTerms/cbc:SettlementDiscountAmount"
        "A UBL invoice should not include the PaymentTerms SettlementDiscountAmount";
    "UBL-CR-461" BOTH Root "cac:PaymentTerms/cbc:PenaltyAmount"
        "A UBL invoice should not include the PaymentTerms PenaltyAmount";
    "UBL-CR-462" BOTH Root "cac:PaymentTerms/cbc:PaymentTermsDetailsURI"
        "A UBL invoice should not include the PaymentTerms PaymentTermsDetailsURI";
    "UBL-CR-463" BOTH Root "cac:PaymentTerms/cbc:PaymentDueDate"
        "A UBL invoice should not include the PaymentTerms PaymentDueDate";
    "UBL-CR-464" BOTH Root "cac:PaymentTerms/cbc:InstallmentDueDate"
        "A UBL invoice should not include the PaymentTerms InstallmentDueDate";
    "UBL-CR-465" BOTH Root "cac:PaymentTerms/cbc:InvoicingPartyReference"
        "A UBL invoice should not include the PaymentTerms InvoicingPartyReference";
    "UBL-CR-466" BOTH Root "cac:PaymentTerms/cac:SettlementPeriod"
        "A UBL invoice should not include the PaymentTerms SettlementPeriod";
    "UBL-CR-467" BOTH Root "cac:PaymentTerms/cac:PenaltyPeriod"
        "A UBL invoice should not include the PaymentTerms PenaltyPeriod";
    "UBL-CR-468" BOTH Root "cac:PaymentTerms/cac:ExchangeRate"
        "A UBL invoice should not include the PaymentTerms ExchangeRate";
    "UBL-CR-469" BOTH Root "cac:PaymentTerms/cac:ValidityPeriod"
        "A UBL invoice should not include the PaymentTerms ValidityPeriod";
    "UBL-CR-470" BOTH Root "cac:PrepaidPayment"
        "A UBL invoice should not include the PrepaidPayment";
    "UBL-CR-471" BOTH Root "cac:AllowanceCharge/cbc:ID"
        "A UBL invoice should not include the AllowanceCharge ID";
    "UBL-CR-472" BOTH Root "cac:AllowanceCharge/cbc:PrepaidIndicator"
        "A UBL invoice should not include the AllowanceCharge PrepaidIndicator";
    "UBL-CR-473" BOTH Root "cac:AllowanceCharge/cbc:SequenceNumeric"
        "A UBL invoice should not include the AllowanceCharge SequenceNumeric";
    "UBL-CR-474" BOTH Root "cac:AllowanceCharge/cbc:AccountingCostCode"
        "A UBL invoice should not include the AllowanceCharge AccountingCostCode";
    "UBL-CR-475" BOTH Root "cac:AllowanceCharge/cbc:AccountingCost"
        "A UBL invoice should not include the AllowanceCharge AccountingCost";
    "UBL-CR-476" BOTH Root "cac:AllowanceCharge/cbc:PerUnitAmount"
        "A UBL invoice should not include the AllowanceCharge PerUnitAmount";
    "UBL-CR-477" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cbc:Name"
        "A UBL invoice should not include the AllowanceCharge TaxCategory Name";
    "UBL-CR-478" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cbc:BaseUnitMeasure"
        "A UBL invoice should not include the AllowanceCharge TaxCategory BaseUnitMeasure";
    "UBL-CR-479" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cbc:PerUnitAmount"
        "A UBL invoice should not include the AllowanceCharge TaxCategory PerUnitAmount";
    "UBL-CR-480" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cbc:TaxExemptionReasonCode"
        "A UBL invoice should not include the AllowanceCharge TaxCategory TaxExemptionReasonCode";
    "UBL-CR-481" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cbc:TaxExemptionReason"
        "A UBL invoice should not include the AllowanceCharge TaxCategory TaxExemptionReason";
    "UBL-CR-482" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cbc:TierRange"
        "A UBL invoice should not include the AllowanceCharge TaxCategory TierRange";
    "UBL-CR-483" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cbc:TierRatePercent"
        "A UBL invoice should not include the AllowanceCharge TaxCategory TierRatePercent";
    "UBL-CR-484" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cbc:Name"
        "A UBL invoice should not include the AllowanceCharge TaxCategory TaxScheme Name";
    "UBL-CR-485" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cbc:TaxTypeCode"
        "A UBL invoice should not include the AllowanceCharge TaxCategory TaxScheme TaxTypeCode";
    "UBL-CR-486" BOTH Root "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cbc:CurrencyCode"
        "A UBL invoice should not include the AllowanceCharge TaxCategory TaxScheme CurrencyCode";
    "UBL-CR-487" CEN Root "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress"
        "A UBL invoice should not include the AllowanceCharge TaxCategory TaxScheme JurisdictionRegionAddress";
    "UBL-CR-487" RO Root "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cac:JurisdiccionRegionAddress"
        "A UBL invoice should not include the AllowanceCharge TaxCategory TaxScheme JurisdictionRegionAddress";
    "UBL-CR-488" BOTH Root "cac:AllowanceCharge/cac:TaxTotal"
        "A UBL invoice should not include the AllowanceCharge TaxTotal";
    "UBL-CR-489" BOTH Root "cac:AllowanceCharge/cac:PaymentMeans"
        "A UBL invoice should not include the AllowanceCharge PaymentMeans";
    "UBL-CR-490" BOTH Root "cac:TaxExchangeRate"
        "A UBL invoice should not include the TaxExchangeRate";
    "UBL-CR-491" BOTH Root "cac:PricingExchangeRate"
        "A UBL invoice should not include the PricingExchangeRate";
    "UBL-CR-492" BOTH Root "cac:PaymentExchangeRate"
        "A UBL invoice should not include the PaymentExchangeRate";
    "UBL-CR-493" BOTH Root "cac:PaymentAlternativeExchangeRate"
        "A UBL invoice should not include the PaymentAlternativeExchangeRate";
    "UBL-CR-494" BOTH Root "cac:TaxTotal/cbc:RoundingAmount"
        "A UBL invoice should not include the TaxTotal RoundingAmount";
    "UBL-CR-495" BOTH Root "cac:TaxTotal/cbc:TaxEvidenceIndicator"
        "A UBL invoice should not include the TaxTotal TaxEvidenceIndicator";
    "UBL-CR-496" BOTH Root "cac:TaxTotal/cbc:TaxIncludedIndicator"
        "A UBL invoice should not include the TaxTotal TaxIncludedIndicator";
    "UBL-CR-497" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cbc:CalculationSequenceNumeric"
        "A UBL invoice should not include the TaxTotal TaxSubtotal CalulationSequenceNumeric";
    "UBL-CR-498" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cbc:TransactionCurrencyTaxAmount"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TransactionCurrencyTaxAmount";
    "UBL-CR-499" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cbc:Percent"
        "A UBL invoice should not include the TaxTotal TaxSubtotal Percent";
    "UBL-CR-500" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cbc:BaseUnitMeasure"
        "A UBL invoice should not include the TaxTotal TaxSubtotal BaseUnitMeasure";
    "UBL-CR-501" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cbc:PerUnitAmount"
        "A UBL invoice should not include the TaxTotal TaxSubtotal PerUnitAmount";
    "UBL-CR-502" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cbc:TierRange"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TierRange";
    "UBL-CR-503" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cbc:TierRatePercent"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TierRatePercent";
    "UBL-CR-504" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Name"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TaxCategory Name";
    "UBL-CR-505" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:BaseUnitMeasure"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TaxCategory BaseUnitMeasure";
    "UBL-CR-506" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:PerUnitAmount"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TaxCategory PerUnitAmount";
    "UBL-CR-507" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TierRange"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TaxCategory TierRange";
    "UBL-CR-508" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TierRatePercent"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TaxCategory TierRatePercent";
    "UBL-CR-509" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:Name"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TaxCategory TaxScheme Name";
    "UBL-CR-510" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:TaxTypeCode"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TaxCategory TaxScheme TaxTypeCode";
    "UBL-CR-511" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:CurrencyCode"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TaxCategory TaxScheme CurrencyCode";
    "UBL-CR-512" BOTH Root "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress"
        "A UBL invoice should not include the TaxTotal TaxSubtotal TaxCategory TaxScheme JurisdictionRegionAddress";
    "UBL-CR-513" BOTH Root "cac:WithholdingTaxTotal"
        "A UBL invoice should not include the WithholdingTaxTotal";
    "UBL-CR-514" BOTH Root "cac:LegalMonetaryTotal/cbc:PayableAlternativeAmount"
        "A UBL invoice should not include the LegalMonetaryTotal PayableAlternativeAmount";
};
