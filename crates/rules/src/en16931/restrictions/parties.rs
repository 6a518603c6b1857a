//! The parties (UBL-CR-138 … 341): seller, buyer, payee, buyer customer, seller supplier and tax representative.

use crate::registry::Rule;

use super::restrictions;

pub(super) const RULES: &[Rule] = restrictions! {
    "UBL-CR-138" BOTH Root "cac:AccountingSupplierParty/cbc:CustomerAssignedAccountID"
        "A UBL invoice should not include the AccountingSupplierParty CustomerAssignedAccountID";
    "UBL-CR-139" BOTH Root "cac:AccountingSupplierParty/cbc:AdditionalAccountID"
        "A UBL invoice should not include the AccountingSupplierParty AdditionalAccountID";
    "UBL-CR-140" BOTH Root "cac:AccountingSupplierParty/cbc:DataSendingCapability"
        "A UBL invoice should not include the AccountingSupplierParty DataSendingCapability";
    "UBL-CR-141" BOTH Root "cac:AccountingSupplierParty/cac:Party/cbc:MarkCareIndicator"
        "A UBL invoice should not include the AccountingSupplierParty Party MarkCareIndicator";
    "UBL-CR-142" BOTH Root "cac:AccountingSupplierParty/cac:Party/cbc:MarkAttentionIndicator"
        "A UBL invoice should not include the AccountingSupplierParty Party MarkAttentionIndicator";
    "UBL-CR-143" BOTH Root "cac:AccountingSupplierParty/cac:Party/cbc:WebsiteURI"
        "A UBL invoice should not include the AccountingSupplierParty Party WebsiteURI";
    "UBL-CR-144" BOTH Root "cac:AccountingSupplierParty/cac:Party/cbc:LogoReferenceID"
        "A UBL invoice should not include the AccountingSupplierParty Party LogoReferenceID";
    "UBL-CR-145" BOTH Root "cac:AccountingSupplierParty/cac:Party/cbc:IndustryClassificationCode"
        "A UBL invoice should not include the AccountingSupplierParty Party IndustryClassificationCode";
    "UBL-CR-146" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:Language"
        "A UBL invoice should not include the AccountingSupplierParty Party Language";
    "UBL-CR-147" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:ID"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress ID";
    "UBL-CR-148" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:AddressTypeCode"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress AddressTypeCode";
    "UBL-CR-149" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:AddressFormatCode"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress AddressFormatCode";
    "UBL-CR-150" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Postbox"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress Postbox";
    "UBL-CR-151" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Floor"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress Floor";
    "UBL-CR-152" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Room"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress Room";
    "UBL-CR-153" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:BlockName"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress BlockName";
    "UBL-CR-154" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:BuildingName"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress BuildingName";
    "UBL-CR-155" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:BuildingNumber"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress BuildingNumber";
    "UBL-CR-156" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:InhouseMail"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress InhouseMail";
    "UBL-CR-157" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Department"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress Department";
    "UBL-CR-158" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:MarkAttention"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress MarkAttention";
    "UBL-CR-159" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:MarkCare"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress MarkCare";
    "UBL-CR-160" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:PlotIdentification"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress PlotIdentification";
    "UBL-CR-161" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:CitySubdivisionName"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress CitySubdivisionName";
    "UBL-CR-162" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:CountrySubentityCode"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress CountrySubentityCode";
    "UBL-CR-163" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Region"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress Region";
    "UBL-CR-164" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:District"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress District";
    "UBL-CR-165" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:TimezoneOffset"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress TimezoneOffset";
    "UBL-CR-166" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:Name"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress Country Name";
    "UBL-CR-167" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:LocationCoordinate"
        "A UBL invoice should not include the AccountingSupplierParty Party PostalAddress LocationCoordinate";
    "UBL-CR-168" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PhysicalLocation"
        "A UBL invoice should not include the AccountingSupplierParty Party PhysicalLocation";
    "UBL-CR-169" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:RegistrationName"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyTaxScheme RegistrationName";
    "UBL-CR-170" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:TaxLevelCode"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyTaxScheme TaxLevelCode";
    "UBL-CR-171" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReasonCode"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyTaxScheme ExemptionReasonCode";
    "UBL-CR-172" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReason"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyTaxScheme ExemptionReason";
    "UBL-CR-173" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:RegistrationAddress"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyTaxScheme RegistrationAddress";
    "UBL-CR-174" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:Name"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyTaxScheme TaxScheme Name";
    "UBL-CR-175" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:TaxTypeCode"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyTaxScheme TaxScheme TaxTypeCode";
    "UBL-CR-176" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:CurrencyCode"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyTaxScheme TaxScheme CurrencyCode";
    "UBL-CR-177" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cac:JurisdictionRegionAddress"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyTaxScheme TaxScheme JurisdictionRegionAddress";
    "UBL-CR-178" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationDate"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity RegistrationDate";
    "UBL-CR-179" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationExpirationDate"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity RegistrationExpirationDate";
    "UBL-CR-180" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalFormCode"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity CompanyLegalFormCode";
    "UBL-CR-181" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:SoleProprietorshipIndicator"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity SoleProprietorshipIndicator";
    "UBL-CR-182" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLiquidationStatusCode"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity CompanyLiquidationStatusCode";
    "UBL-CR-183" CEN Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CorporateStockAmount"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity CorporateStockAmount";
    "UBL-CR-183" RO Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CorporateStockAmount"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity CorporationStockAmount";
    "UBL-CR-184" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:FullyPaidSharesIndicator"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity FullyPaidSharesIndicator";
    "UBL-CR-185" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:RegistrationAddress"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity RegistrationAddress";
    "UBL-CR-186" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:CorporateRegistrationScheme"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity CorporateRegistrationScheme";
    "UBL-CR-187" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:HeadOfficeParty"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity HeadOfficeParty";
    "UBL-CR-188" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:ShareholderParty"
        "A UBL invoice should not include the AccountingSupplierParty Party PartyLegalEntity ShareholderParty";
    "UBL-CR-189" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:ID"
        "A UBL invoice should not include the AccountingSupplierParty Party Contact ID";
    "UBL-CR-190" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Telefax"
        "A UBL invoice should not include the AccountingSupplierParty Party Contact Telefax";
    "UBL-CR-191" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Note"
        "A UBL invoice should not include the AccountingSupplierParty Party Contact Note";
    "UBL-CR-192" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:Contact/cac:OtherCommunication"
        "A UBL invoice should not include the AccountingSupplierParty Party Contact OtherCommunication";
    "UBL-CR-193" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:Person"
        "A UBL invoice should not include the AccountingSupplierParty Party Person";
    "UBL-CR-194" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:AgentParty"
        "A UBL invoice should not include the AccountingSupplierParty Party AgentParty";
    "UBL-CR-195" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:ServiceProviderParty"
        "A UBL invoice should not include the AccountingSupplierParty Party ServiceProviderParty";
    "UBL-CR-196" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:PowerOfAttorney"
        "A UBL invoice should not include the AccountingSupplierParty Party PowerOfAttorney";
    "UBL-CR-197" BOTH Root "cac:AccountingSupplierParty/cac:Party/cac:FinancialAccount"
        "A UBL invoice should not include the AccountingSupplierParty Party FinancialAccount";
    "UBL-CR-198" BOTH Root "cac:AccountingSupplierParty/cac:DespatchContact"
        "A UBL invoice should not include the AccountingSupplierParty DespatchContact";
    "UBL-CR-199" BOTH Root "cac:AccountingSupplierParty/cac:AccountingContact"
        "A UBL invoice should not include the AccountingSupplierParty AccountingContact";
    "UBL-CR-200" BOTH Root "cac:AccountingSupplierParty/cac:SellerContact"
        "A UBL invoice should not include the AccountingSupplierParty SellerContact";
    "UBL-CR-201" BOTH Root "cac:AccountingCustomerParty/cbc:CustomerAssignedAccountID"
        "A UBL invoice should not include the AccountingCustomerParty CustomerAssignedAccountID";
    "UBL-CR-202" BOTH Root "cac:AccountingCustomerParty/cbc:SupplierAssignedAccountID"
        "A UBL invoice should not include the AccountingCustomerParty SupplierAssignedAccountID";
    "UBL-CR-203" BOTH Root "cac:AccountingCustomerParty/cbc:AdditionalAccountID"
        "A UBL invoice should not include the AccountingCustomerParty AdditionalAccountID";
    "UBL-CR-204" BOTH Root "cac:AccountingCustomerParty/cac:Party/cbc:MarkCareIndicator"
        "A UBL invoice should not include the AccountingCustomerParty Party MarkCareIndicator";
    "UBL-CR-205" BOTH Root "cac:AccountingCustomerParty/cac:Party/cbc:MarkAttentionIndicator"
        "A UBL invoice should not include the AccountingCustomerParty Party MarkAttentionIndicator";
    "UBL-CR-206" BOTH Root "cac:AccountingCustomerParty/cac:Party/cbc:WebsiteURI"
        "A UBL invoice should not include the AccountingCustomerParty Party WebsiteURI";
    "UBL-CR-207" BOTH Root "cac:AccountingCustomerParty/cac:Party/cbc:LogoReferenceID"
        "A UBL invoice should not include the AccountingCustomerParty Party LogoReferenceID";
    "UBL-CR-208" BOTH Root "cac:AccountingCustomerParty/cac:Party/cbc:IndustryClassificationCode"
        "A UBL invoice should not include the AccountingCustomerParty Party IndustryClassificationCode";
    "UBL-CR-209" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:Language"
        "A UBL invoice should not include the AccountingCustomerParty Party Language";
    "UBL-CR-210" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:ID"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress ID";
    "UBL-CR-211" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:AddressTypeCode"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress AddressTypeCode";
    "UBL-CR-212" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:AddressFormatCode"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress AddressFormatCode";
    "UBL-CR-213" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Postbox"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress Postbox";
    "UBL-CR-214" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Floor"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress Floor";
    "UBL-CR-215" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Room"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress Room";
    "UBL-CR-216" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:BlockName"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress BlockName";
    "UBL-CR-217" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:BuildingName"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress BuildingName";
    "UBL-CR-218" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:BuildingNumber"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress BuildingNumber";
    "UBL-CR-219" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:InhouseMail"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress InhouseMail";
    "UBL-CR-220" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Department"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress Department";
    "UBL-CR-221" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:MarkAttention"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress MarkAttention";
    "UBL-CR-222" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:MarkCare"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress MarkCare";
    "UBL-CR-223" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:PlotIdentification"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress PlotIdentification";
    "UBL-CR-224" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:CitySubdivisionName"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress CitySubdivisionName";
    "UBL-CR-225" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:CountrySubentityCode"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress CountrySubentityCode";
    "UBL-CR-226" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Region"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress Region";
    "UBL-CR-227" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:District"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress District";
    "UBL-CR-228" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:TimezoneOffset"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress TimezoneOffset";
    "UBL-CR-229" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:Name"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress Country Name";
    "UBL-CR-230" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:LocationCoordinate"
        "A UBL invoice should not include the AccountingCustomerParty Party PostalAddress LocationCoordinate";
    "UBL-CR-231" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PhysicalLocation"
        "A UBL invoice should not include the AccountingCustomerParty Party PhysicalLocation";
    "UBL-CR-232" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:RegistrationName"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyTaxScheme RegistrationName";
    "UBL-CR-233" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:TaxLevelCode"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyTaxScheme TaxLevelCode";
    "UBL-CR-234" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReasonCode"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyTaxScheme ExemptionReasonCode";
    "UBL-CR-235" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReason"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyTaxScheme ExemptionReason";
    "UBL-CR-236" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:RegistrationAddress"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyTaxScheme RegistrationAddress";
    "UBL-CR-237" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:Name"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyTaxScheme TaxScheme Name";
    "UBL-CR-238" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:TaxTypeCode"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyTaxScheme TaxScheme TaxTypeCode";
    "UBL-CR-239" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:CurrencyCode"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyTaxScheme TaxScheme CurrencyCode";
    "UBL-CR-240" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cac:JurisdictionRegionAddress"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyTaxScheme TaxScheme JurisdictionRegionAddress";
    "UBL-CR-241" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationDate"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity RegistrationDate";
    "UBL-CR-242" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationExpirationDate"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity RegistrationExpirationDate";
    "UBL-CR-243" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalFormCode"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity CompanyLegalFormCode";
    "UBL-CR-244" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity CompanyLegalForm";
    "UBL-CR-245" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:SoleProprietorshipIndicator"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity SoleProprietorshipIndicator";
    "UBL-CR-246" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLiquidationStatusCode"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity CompanyLiquidationStatusCode";
    "UBL-CR-247" CEN Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CorporateStockAmount"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity CorporateStockAmount";
    "UBL-CR-247" RO Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CorporateStockAmount"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity CorporationStockAmount";
    "UBL-CR-248" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:FullyPaidSharesIndicator"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity FullyPaidSharesIndicator";
    "UBL-CR-249" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:RegistrationAddress"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity RegistrationAddress";
    "UBL-CR-250" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:CorporateRegistrationScheme"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity CorporateRegistrationScheme";
    "UBL-CR-251" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:HeadOfficeParty"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity HeadOfficeParty";
    "UBL-CR-252" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:ShareholderParty"
        "A UBL invoice should not include the AccountingCustomerParty Party PartyLegalEntity ShareholderParty";
    "UBL-CR-253" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ID"
        "A UBL invoice should not include the AccountingCustomerParty Party Contact ID";
    "UBL-CR-254" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Telefax"
        "A UBL invoice should not include the AccountingCustomerParty Party Contact Telefax";
    "UBL-CR-255" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Note"
        "A UBL invoice should not include the AccountingCustomerParty Party Contact Note";
    "UBL-CR-256" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:Contact/cac:OtherCommunication"
        "A UBL invoice should not include the AccountingCustomerParty Party Contact OtherCommunication";
    "UBL-CR-257" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:Person"
        "A UBL invoice should not include the AccountingCustomerParty Party Person";
    "UBL-CR-258" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:AgentParty"
        "A UBL invoice should not include the AccountingCustomerParty Party AgentParty";
    "UBL-CR-259" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:ServiceProviderParty"
        "A UBL invoice should not include the AccountingCustomerParty Party ServiceProviderParty";
    "UBL-CR-260" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:PowerOfAttorney"
        "A UBL invoice should not include the AccountingCustomerParty Party PowerOfAttorney";
    "UBL-CR-261" BOTH Root "cac:AccountingCustomerParty/cac:Party/cac:FinancialAccount"
        "A UBL invoice should not include the AccountingCustomerParty Party FinancialAccount";
    "UBL-CR-262" BOTH Root "cac:AccountingCustomerParty/cac:DeliveryContact"
        "A UBL invoice should not include the AccountingCustomerParty DeliveryContact";
    "UBL-CR-263" BOTH Root "cac:AccountingCustomerParty/cac:AccountingContact"
        "A UBL invoice should not include the AccountingCustomerParty AccountingContact";
    "UBL-CR-264" BOTH Root "cac:AccountingCustomerParty/cac:BuyerContact"
        "A UBL invoice should not include the AccountingCustomerParty BuyerContact";
    "UBL-CR-265" BOTH Root "cac:PayeeParty/cbc:MarkCareIndicator"
        "A UBL invoice should not include the PayeeParty MarkCareIndicator";
    "UBL-CR-266" BOTH Root "cac:PayeeParty/cbc:MarkAttentionIndicator"
        "A UBL invoice should not include the PayeeParty MarkAttentionIndicator";
    "UBL-CR-267" BOTH Root "cac:PayeeParty/cbc:WebsiteURI"
        "A UBL invoice should not include the PayeeParty WebsiteURI";
    "UBL-CR-268" BOTH Root "cac:PayeeParty/cbc:LogoReferenceID"
        "A UBL invoice should not include the PayeeParty LogoReferenceID";
    "UBL-CR-269" BOTH Root "cac:PayeeParty/cbc:EndpointID"
        "A UBL invoice should not include the PayeeParty EndpointID";
    "UBL-CR-270" BOTH Root "cac:PayeeParty/cbc:IndustryClassificationCode"
        "A UBL invoice should not include the PayeeParty IndustryClassificationCode";
    "UBL-CR-271" BOTH Root "cac:PayeeParty/cac:Language"
        "A UBL invoice should not include the PayeeParty Language";
    "UBL-CR-272" BOTH Root "cac:PayeeParty/cac:PostalAddress"
        "A UBL invoice should not include the PayeeParty PostalAddress";
    "UBL-CR-273" BOTH Root "cac:PayeeParty/cac:PhysicalLocation"
        "A UBL invoice should not include the PayeeParty PhysicalLocation";
    "UBL-CR-274" BOTH Root "cac:PayeeParty/cac:PartyTaxScheme"
        "A UBL invoice should not include the PayeeParty PartyTaxScheme";
    "UBL-CR-275" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:RegistrationName"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity RegistrationName";
    "UBL-CR-276" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:RegistrationDate"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity RegistrationDate";
    "UBL-CR-277" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:RegistrationExpirationDate"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity RegistrationExpirationDate";
    "UBL-CR-278" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyLegalFormCode"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity CompanyLegalFormCode";
    "UBL-CR-279" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyLegalForm"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity CompanyLegalForm";
    "UBL-CR-280" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:SoleProprietorshipIndicator"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity SoleProprietorshipIndicator";
    "UBL-CR-281" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyLiquidationStatusCode"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity CompanyLiquidationStatusCode";
    "UBL-CR-282" CEN Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:CorporateStockAmount"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity CorporateStockAmount";
    "UBL-CR-282" RO Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:CorporateStockAmount"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity CorporationStockAmount";
    "UBL-CR-283" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cbc:FullyPaidSharesIndicator"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity FullyPaidSharesIndicator";
    "UBL-CR-284" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cac:RegistrationAddress"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity RegistrationAddress";
    "UBL-CR-285" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cac:CorporateRegistrationScheme"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity CorporateRegistrationScheme";
    "UBL-CR-286" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cac:HeadOfficeParty"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity HeadOfficeParty";
    "UBL-CR-287" BOTH Root "cac:PayeeParty/cac:PartyLegalEntity/cac:ShareholderParty"
        "A UBL invoice should not include the PayeeParty PartyLegalEntity ShareholderParty";
    "UBL-CR-288" BOTH Root "cac:PayeeParty/cac:Contact"
        "A UBL invoice should not include the PayeeParty Contact";
    "UBL-CR-289" BOTH Root "cac:PayeeParty/cac:Person"
        "A UBL invoice should not include the PayeeParty Person";
    "UBL-CR-290" BOTH Root "cac:PayeeParty/cac:AgentParty"
        "A UBL invoice should not include the PayeeParty AgentParty";
    "UBL-CR-291" BOTH Root "cac:PayeeParty/cac:ServiceProviderParty"
        "A UBL invoice should not include the PayeeParty ServiceProviderParty";
    "UBL-CR-292" BOTH Root "cac:PayeeParty/cac:PowerOfAttorney"
        "A UBL invoice should not include the PayeeParty PowerOfAttorney";
    "UBL-CR-293" BOTH Root "cac:PayeeParty/cac:FinancialAccount"
        "A UBL invoice should not include the PayeeParty FinancialAccount";
    "UBL-CR-294" BOTH Root "cac:BuyerCustomerParty"
        "A UBL invoice should not include the BuyerCustomerParty";
    "UBL-CR-295" BOTH Root "cac:SellerSupplierParty"
        "A UBL invoice should not include the SellerSupplierParty";
    "UBL-CR-296" BOTH Root "cac:TaxRepresentativeParty/cbc:MarkCareIndicator"
        "A UBL invoice should not include the TaxRepresentativeParty MarkCareIndicator";
    "UBL-CR-297" BOTH Root "cac:TaxRepresentativeParty/cbc:MarkAttentionIndicator"
        "A UBL invoice should not include the TaxRepresentativeParty MarkAttentionIndicator";
    "UBL-CR-298" BOTH Root "cac:TaxRepresentativeParty/cbc:WebsiteURI"
        "A UBL invoice should not include the TaxRepresentativeParty WebsiteURI";
    "UBL-CR-299" BOTH Root "cac:TaxRepresentativeParty/cbc:LogoReferenceID"
        "A UBL invoice should not include the TaxRepresentativeParty LogoReferenceID";
    "UBL-CR-300" BOTH Root "cac:TaxRepresentativeParty/cbc:EndpointID"
        "A UBL invoice should not include the TaxRepresentativeParty EndpointID";
    "UBL-CR-301" BOTH Root "cac:TaxRepresentativeParty/cbc:IndustryClassificationCode"
        "A UBL invoice should not include the TaxRepresentativeParty IndustryClassificationCode";
    "UBL-CR-302" BOTH Root "cac:TaxRepresentativeParty/cac:PartyIdentification"
        "A UBL invoice should not include the TaxRepresentativeParty PartyIdentification";
    "UBL-CR-303" BOTH Root "cac:TaxRepresentativeParty/cac:Language"
        "A UBL invoice should not include the TaxRepresentativeParty Language";
    "UBL-CR-304" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:ID"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress ID";
    "UBL-CR-305" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:AddressTypeCode"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress AddressTypeCode";
    "UBL-CR-306" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:AddressFormatCode"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress AddressFormatCode";
    "UBL-CR-307" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Postbox"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress Postbox";
    "UBL-CR-308" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Floor"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress Floor";
    "UBL-CR-309" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Room"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress Room";
    "UBL-CR-310" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:BlockName"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress BlockName";
    "UBL-CR-311" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:BuildingName"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress BuildingName";
    "UBL-CR-312" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:BuildingNumber"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress BuildingNumber";
    "UBL-CR-313" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:InhouseMail"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress InhouseMail";
    "UBL-CR-314" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Department"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress Department";
    "UBL-CR-315" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:MarkAttention"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress MarkAttention";
    "UBL-CR-316" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:MarkCare"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress MarkCare";
    "UBL-CR-317" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:PlotIdentification"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress PlotIdentification";
    "UBL-CR-318" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:CitySubdivisionName"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress CitySubdivisionName";
    "UBL-CR-319" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:CountrySubentityCode"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress CountrySubentityCode";
    "UBL-CR-320" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Region"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress Region";
    "UBL-CR-321" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:District"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress District";
    "UBL-CR-322" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:TimezoneOffset"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress TimezoneOffset";
    "UBL-CR-323" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cac:Country/cbc:Name"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress Country Name";
    "UBL-CR-324" BOTH Root "cac:TaxRepresentativeParty/cac:PostalAddress/cac:LocationCoordinate"
        "A UBL invoice should not include the TaxRepresentativeParty PostalAddress LocationCoordinate";
    "UBL-CR-325" BOTH Root "cac:TaxRepresentativeParty/cac:PhysicalLocation"
        "A UBL invoice should not include the TaxRepresentativeParty PhysicalLocation";
    "UBL-CR-326" BOTH Root "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:RegistrationName"
        "A UBL invoice should not include the TaxRepresentativeParty PartyTaxScheme RegistrationName";
    "UBL-CR-327" BOTH Root "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:TaxLevelCode"
        "A UBL invoice should not include the TaxRepresentativeParty PartyTaxScheme TaxLevelCode";
    "UBL-CR-328" BOTH Root "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:ExemptionReasonCode"
        "A UBL invoice should not include the TaxRepresentativeParty PartyTaxScheme ExemptionReasonCode";
    "UBL-CR-329" BOTH Root "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:ExemptionReason"
        "A UBL invoice should not include the TaxRepresentativeParty PartyTaxScheme ExemptionReason";
    "UBL-CR-330" BOTH Root "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:RegistrationAddress"
        "A UBL invoice should not include the TaxRepresentativeParty PartyTaxScheme RegistrationAddress";
    "UBL-CR-331" BOTH Root "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:Name"
        "A UBL invoice should not include the TaxRepresentativeParty PartyTaxScheme TaxScheme Name";
    "UBL-CR-332" BOTH Root "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:TaxTypeCode"
        "A UBL invoice should not include the TaxRepresentativeParty PartyTaxScheme TaxScheme TaxTypeCode";
    "UBL-CR-333" BOTH Root "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:CurrencyCode"
        "A UBL invoice should not include the TaxRepresentativeParty PartyTaxScheme TaxScheme CurrencyCode";
    "UBL-CR-334" BOTH Root "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cac:JurisdictionRegionAddress"
        "A UBL invoice should not include the TaxRepresentativeParty PartyTaxScheme TaxScheme JurisdictionRegionAddress";
    "UBL-CR-335" BOTH Root "cac:TaxRepresentativeParty/cac:PartyLegalEntity"
        "A UBL invoice should not include the TaxRepresentativeParty PartyLegalEntity";
    "UBL-CR-336" BOTH Root "cac:TaxRepresentativeParty/cac:Contact"
        "A UBL invoice should not include the TaxRepresentativeParty Contact";
    "UBL-CR-337" BOTH Root "cac:TaxRepresentativeParty/cac:Person"
        "A UBL invoice should not include the TaxRepresentativeParty Person";
    "UBL-CR-338" BOTH Root "cac:TaxRepresentativeParty/cac:AgentParty"
        "A UBL invoice should not include the TaxRepresentativeParty AgentParty";
    "UBL-CR-339" BOTH Root "cac:TaxRepresentativeParty/cac:ServiceProviderParty"
        "A UBL invoice should not include the TaxRepresentativeParty ServiceProviderParty";
    "UBL-CR-340" BOTH Root "cac:TaxRepresentativeParty/cac:PowerOfAttorney"
        "A UBL invoice should not include the TaxRepresentativeParty PowerOfAttorney";
    "UBL-CR-341" BOTH Root "cac:TaxRepresentativeParty/cac:FinancialAccount"
        "A UBL invoice should not include the TaxRepresentativeParty FinancialAccount";
};
