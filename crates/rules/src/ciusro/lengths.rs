//! The length rules `BR-RO-L*`: the most characters ANAF accepts in a text field, counted
//! after `normalize-space` (a field given more than once where one is expected fails too).
//! BR-RO-L1019 never runs: its context is taken by BR-DEC-RO-1009/1010 (see the module
//! above).

use crate::registry::Rule;

use super::limits;

pub(super) const RULES: &[Rule] = limits! {
    "BR-RO-L0201" Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:PostalZone" chars 20 ["BT-38"]
        "The allowed maximum number of characters for the Seller post code (BT-38) is 20."
        "Numărul maxim permis de caractere pentru Codul poștal al Vânzătorului (BT-38) este 20.";
    "BR-RO-L0202" Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:PostalZone" chars 20 ["BT-53"]
        "The allowed maximum number of characters for the Buyer post code (BT-53) is 20."
        "Numărul maxim permis de caractere pentru Codul poștal al Cumpărătorului (BT-53) este 20.";
    "BR-RO-L0203" Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:PostalZone" chars 20 ["BT-67"]
        "The allowed maximum number of characters for the Tax representative post code (BT-67) is 20."
        "Numărul maxim permis de caractere pentru Codul poștal al reprezentantului fiscal (BT-67) este 20.";
    "BR-RO-L0204" Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:PostalZone" chars 20 ["BT-78"]
        "The allowed maximum number of characters for the Deliver to post code (BT-78) is 20."
        "Numărul maxim permis de caractere pentru Codul poștal de livrare (BT-78) este 20.";
    "BR-RO-L155" Root "cbc:ID" chars 200 ["BT-1"]
        "The allowed maximum number of characters for the Invoice number (BT-1) is 200."
        "Numărul maxim permis de caractere pentru Numărul facturii (BT-1) este 200.";
    "BR-RO-L0302" Root "cac:ContractDocumentReference/cbc:ID" chars 200 ["BT-12"]
        "The allowed maximum number of characters for the Contract reference (BT-12) is 200."
        "Numărul maxim permis de caractere pentru Referința contractului (BT-12) este 200.";
    "BR-RO-L0303" Root "cac:OrderReference/cbc:ID" chars 200 ["BT-13"]
        "The allowed maximum number of characters for the Purchase order reference (BT-13) is 200."
        "Numărul maxim permis de caractere pentru Referința comenzii (BT-13) este 200.";
    "BR-RO-L0304" Root "cac:OrderReference/cbc:SalesOrderID" chars 200 ["BT-14"]
        "The allowed maximum number of characters for the Sales order reference (BT-14) is 200."
        "Numărul maxim permis de caractere pentru Referința dispoziției de vânzare (BT-14) este 200.";
    "BR-RO-L0305" Root "cac:ReceiptDocumentReference/cbc:ID" chars 200 ["BT-15"]
        "The allowed maximum number of characters for the Receiving advice reference (BT-15) is 200."
        "Numărul maxim permis de caractere pentru Referința avizului de recepție (BT-15) este 200.";
    "BR-RO-L0306" Root "cac:DespatchDocumentReference/cbc:ID" chars 200 ["BT-16"]
        "The allowed maximum number of characters for the Despatch advice reference (BT-16) is 200."
        "Numărul maxim permis de caractere pentru Referința avizului de expediție (BT-16) este 200.";
    "BR-RO-L0307" Root "cac:OriginatorDocumentReference/cbc:ID" chars 200 ["BT-17"]
        "The allowed maximum number of characters for the Tender or lot reference (BT-17) is 200."
        "Numărul maxim permis de caractere pentru Referința cererii de ofertă sau a lotului (BT-17) este 200.";
    "BR-RO-L0501" Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:CityName" chars 50 ["BT-37"]
        "The allowed maximum number of characters for the Seller city (BT-37) is 50."
        "Numărul maxim permis de caractere pentru Localitatea Vânzătorului (BT-37) este 50.";
    "BR-RO-L0502" Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:CityName" chars 50 ["BT-52"]
        "The allowed maximum number of characters for the Buyer city (BT-52) is 50."
        "Numărul maxim permis de caractere pentru Localitatea Cumpărătorului (BT-52) este 50.";
    "BR-RO-L0503" Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:CityName" chars 50 ["BT-66"]
        "The allowed maximum number of characters for the Tax representative city (BT-66) is 50."
        "Numărul maxim permis de caractere pentru Localitatea reprezentantului fiscal (BT-66) este 50.";
    "BR-RO-L0504" Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:CityName" chars 50 ["BT-77"]
        "The allowed maximum number of characters for the Deliver to city (BT-77) is 50."
        "Numărul maxim permis de caractere pentru Localitatea de livrare (BT-77) este 50.";
    "BR-RO-L1001" Root "cbc:AccountingCost" chars 100 ["BT-19"]
        "The allowed maximum number of characters for the Buyer accounting reference (BT-19) is 100."
        "Numărul maxim permis de caractere pentru Referința contabilă a Cumpărătorului (BT-19) este 100.";
    "BR-RO-L1002" Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:AdditionalStreetName" chars 100 ["BT-36"]
        "The allowed maximum number of characters for the Seller address line 2 (BT-36) is 100."
        "Numărul maxim permis de caractere pentru Adresa Vânzătorului - Linia 2 (BT-36) este 100.";
    "BR-RO-L1003" Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:AddressLine/cbc:Line" chars 100 ["BT-162"]
        "The allowed maximum number of characters for the Seller address line 3 (BT-162) is 100."
        "Numărul maxim permis de caractere pentru Adresa Vânzătorului - Linia 3 (BT-162) este 100.";
    "BR-RO-L1004" Root "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Name" chars 100 ["BT-41"]
        "The allowed maximum number of characters for the Seller contact point (BT-41) is 100."
        "Numărul maxim permis de caractere pentru Punctul de contact al Vânzătorului (BT-41) este 100.";
    "BR-RO-L1005" Root "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Telephone" chars 100 ["BT-42"]
        "The allowed maximum number of characters for the Seller contact telephone number (BT-42) is 100."
        "Numărul maxim permis de caractere pentru Numărul de telefon al contactului Vânzătorului (BT-42) este 100.";
    "BR-RO-L1006" Root "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:ElectronicMail" chars 100 ["BT-43"]
        "The allowed maximum number of characters for the Seller contact email address (BT-43) is 100."
        "Numărul maxim permis de caractere pentru Adresa de email a contactului Vânzătorului (BT-43) este 100.";
    "BR-RO-L1007" Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:AdditionalStreetName" chars 100 ["BT-51"]
        "The allowed maximum number of characters for the Buyer address line 2 (BT-51) is 100."
        "Numărul maxim permis de caractere pentru Adresa Cumpărătorului - Linia 2 (BT-51) este 100.";
    "BR-RO-L1008" Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:AddressLine/cbc:Line" chars 100 ["BT-163"]
        "The allowed maximum number of characters for the Buyer address line 3 (BT-163) is 100."
        "Numărul maxim permis de caractere pentru Adresa Cumpărătorului - Linia 3 (BT-163) este 100.";
    "BR-RO-L1009" Root "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Name" chars 100 ["BT-56"]
        "The allowed maximum number of characters for the Buyer contact point (BT-56) is 100."
        "Numărul maxim permis de caractere pentru Punctul de contact al Cumpărătorului (BT-56) este 100.";
    "BR-RO-L1010" Root "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Telephone" chars 100 ["BT-57"]
        "The allowed maximum number of characters for the Buyer contact telephone number (BT-57) is 100."
        "Numărul maxim permis de caractere pentru Numărul de telefon al contactului Cumpărătorului (BT-57) este 100.";
    "BR-RO-L1011" Root "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ElectronicMail" chars 100 ["BT-58"]
        "The allowed maximum number of characters for the Buyer contact email address (BT-58) is 100."
        "Numărul maxim permis de caractere pentru Adresa de email a contactului Cumpărătorului (BT-58) este 100.";
    "BR-RO-L1012" Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:AdditionalStreetName" chars 100 ["BT-65"]
        "The allowed maximum number of characters for the Tax representative address line 2 (BT-65) is 100."
        "Numărul maxim permis de caractere pentru Adresa reprezentantului fiscal - Linia 2 (BT-65) este 100.";
    "BR-RO-L1013" Root "cac:TaxRepresentativeParty/cac:PostalAddress/cac:AddressLine/cbc:Line" chars 100 ["BT-164"]
        "The allowed maximum number of characters for the Tax representative address line 3 (BT-164) is 100."
        "Numărul maxim permis de caractere pentru Adresa reprezentantului fiscal - Linia 3 (BT-164) este 100.";
    "BR-RO-L1014" Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:AdditionalStreetName" chars 100 ["BT-76"]
        "The allowed maximum number of characters for the Deliver to address line 2 (BT-76) is 100."
        "Numărul maxim permis de caractere pentru Adresa de livrare - Linia 2 (BT-76) este 100.";
    "BR-RO-L1015" Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:AddressLine/cbc:Line" chars 100 ["BT-165"]
        "The allowed maximum number of characters for the Deliver to address line 3 (BT-165) is 100."
        "Numărul maxim permis de caractere pentru Adresa de livrare - Linia 3 (BT-165) este 100.";
    "BR-RO-L151" Root "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:StreetName" chars 150 ["BT-35"]
        "The allowed maximum number of characters for the Seller address line 1 (BT-35) is 150."
        "Numărul maxim permis de caractere pentru Adresa Vânzătorului - Linia 1 (BT-35) este 150.";
    "BR-RO-L152" Root "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:StreetName" chars 150 ["BT-50"]
        "The allowed maximum number of characters for the Buyer address line 1 (BT-50) is 150."
        "Numărul maxim permis de caractere pentru Adresa Cumpărătorului - Linia 1 (BT-50) este 150.";
    "BR-RO-L153" Root "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:StreetName" chars 150 ["BT-64"]
        "The allowed maximum number of characters for the Tax representative address line 1 (BT-64) is 150."
        "Numărul maxim permis de caractere pentru Adresa reprezentantului fiscal - Linia 1 (BT-64) este 150.";
    "BR-RO-L154" Root "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:StreetName" chars 150 ["BT-75"]
        "The allowed maximum number of characters for the Deliver to address line 1 (BT-75) is 150."
        "Numărul maxim permis de caractere pentru Adresa de livrare - Linia 1 (BT-75) este 150.";
    "BR-RO-L201" Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName" chars 200 ["BT-27"]
        "The allowed maximum number of characters for the Seller name (BT-27) is 200."
        "Numărul maxim permis de caractere pentru Numele Vânzătorului (BT-27) este 200.";
    "BR-RO-L202" Root "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name" chars 200 ["BT-28"]
        "The allowed maximum number of characters for the Seller trading name (BT-28) is 200."
        "Numărul maxim permis de caractere pentru Denumirea comercială a Vânzătorului (BT-28) este 200.";
    "BR-RO-L203" Root "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName" chars 200 ["BT-44"]
        "The allowed maximum number of characters for the Buyer name (BT-44) is 200."
        "Numărul maxim permis de caractere pentru Numele Cumpărătorului (BT-44) este 200.";
    "BR-RO-L204" Root "cac:AccountingCustomerParty/cac:Party/cac:PartyName/cbc:Name" chars 200 ["BT-45"]
        "The allowed maximum number of characters for the Buyer trading name (BT-45) is 200."
        "Numărul maxim permis de caractere pentru Denumirea comercială a Cumpărătorului (BT-45) este 200.";
    "BR-RO-L205" Root "cac:PayeeParty/cac:PartyName/cbc:Name" chars 200 ["BT-59"]
        "The allowed maximum number of characters for the Payee name (BT-59) is 200."
        "Numărul maxim permis de caractere pentru Numele Beneficiarului (BT-59) este 200.";
    "BR-RO-L206" Root "cac:TaxRepresentativeParty/cac:PartyName/cbc:Name" chars 200 ["BT-62"]
        "The allowed maximum number of characters for the Seller tax representative name (BT-62) is 200."
        "Numărul maxim permis de caractere pentru Numele reprezentantului fiscal al Vânzătorului (BT-62) este 200.";
    "BR-RO-L207" Root "cac:Delivery/cac:DeliveryParty/cac:PartyName/cbc:Name" chars 200 ["BT-70"]
        "The allowed maximum number of characters for the Deliver to party name (BT-70) is 200."
        "Numărul maxim permis de caractere pentru Numele părții către care se face livrarea (BT-70) este 200.";
    "BR-RO-L301" Root "cac:PaymentTerms/cbc:Note" chars 300 ["BT-20"]
        "The allowed maximum number of characters for the Payment terms (BT-20) is 300."
        "Numărul maxim permis de caractere pentru Termeni de plată (BT-20) este 300.";
    "BR-RO-L1000" Root "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm" chars 1000 ["BT-33"]
        "The allowed maximum number of characters for the Seller additional legal information (BT-33) is 1000."
        "Numărul maxim permis de caractere pentru Informații juridice suplimentare despre Vânzător (BT-33) este 1000.";
    "BR-RO-L208" PaymentMeans "cac:PayeeFinancialAccount/cbc:Name" chars 200 ["BT-85"]
        "The allowed maximum number of characters for the Payment account name (BT-85) is 200."
        "Numărul maxim permis de caractere pentru Numele contului de plată (BT-85) este 200.";
    "BR-RO-L209" PaymentMeans "cac:CardAccount/cbc:HolderName" chars 200 ["BT-88"]
        "The allowed maximum number of characters for the Payment card holder name (BT-88) is 200."
        "Numărul maxim permis de caractere pentru Numele deținătorului cardului de plată (BT-88) este 200.";
    "BR-RO-L1016" PaymentMeans "cbc:PaymentMeansCode@name" chars 100 ["BT-82"]
        "The allowed maximum number of characters for the Payment means text (BT-82) is 100."
        "Numărul maxim permis de caractere pentru Explicații privind instrumentul de plată (BT-82) este 100.";
    "BR-RO-L140" PaymentMeans "cbc:PaymentID" chars 140 ["BT-83"]
        "The allowed maximum number of characters for the Remittance information (BT-83) is 140."
        "Numărul maxim permis de caractere pentru Aviz de plată (BT-83) este 140.";
    "BR-RO-L1024" Line "cac:Item/cbc:Name" chars 100 ["BT-153"]
        "The allowed maximum number of characters for the Item name (BT-153) is 100."
        "Numărul maxim permis de caractere pentru Numele articolului (BT-153) este 100.";
    "BR-RO-L1021" Line "cbc:AccountingCost" chars 100 ["BT-133"]
        "The allowed maximum number of characters for the Invoice line Buyer accounting reference (BT-133) is 100."
        "Numărul maxim permis de caractere pentru Referința contabilă a Cumpărătorului din linia facturii (BT-133) este 100.";
    "BR-RO-L212" Line "cac:Item/cbc:Description" chars 200 ["BT-154"]
        "The allowed maximum number of characters for the Item description (BT-154) is 200."
        "Numărul maxim permis de caractere pentru Descrierea articolului (BT-154) este 200.";
    "BR-RO-L303" Line "cbc:Note" chars 300 ["BT-127"]
        "The allowed maximum number of characters for the Invoice line note (BT-127) is 300."
        "Numărul maxim permis de caractere pentru Nota liniei facturii (BT-127) este 300.";
    "BR-RO-L0505" ItemProperty "cbc:Name" chars 50 ["BT-160"]
        "The allowed maximum number of characters for the Item attribute name (BT-160) is 50."
        "Numărul maxim permis de caractere pentru Numele atributului articolului (BT-160) este 50.";
    "BR-RO-L1025" ItemProperty "cbc:Value" chars 100 ["BT-161"]
        "The allowed maximum number of characters for the Item attribute value (BT-161) is 100."
        "Numărul maxim permis de caractere pentru Valoarea atributului articolului (BT-161) este 100.";
    "BR-RO-L1017" DocumentAllowance "cbc:AllowanceChargeReasonCode" chars 100 ["BT-97"]
        "The allowed maximum number of characters for the Document level allowance reason (BT-97) is 100."
        "Numărul maxim permis de caractere pentru Motivul deducerii la nivelul documentului (BT-97) este 100.";
    "BR-RO-L1018" DocumentCharge "cbc:AllowanceChargeReasonCode" chars 100 ["BT-104"]
        "The allowed maximum number of characters for the Document level charge reason (BT-104) is 100."
        "Numărul maxim permis de caractere pentru Motivul taxei suplimentare la nivelul documentului (BT-104) este 100.";
    "BR-RO-L1022" LineAllowance "cbc:AllowanceChargeReason" chars 100 ["BT-139"]
        "The allowed maximum number of characters for the Invoice line allowance reason (BT-139) is 100."
        "Numărul maxim permis de caractere pentru Motivul deducerii la linia facturii (BT-139) este 100.";
    "BR-RO-L1023" LineCharge "cbc:AllowanceChargeReason" chars 100 ["BT-144"]
        "The allowed maximum number of characters for the Invoice line charge reason (BT-144) is 100."
        "Numărul maxim permis de caractere pentru Motivul taxei suplimentare la linia facturii (BT-144) este 100.";
    "BR-RO-L302" Note "." chars 300 ["BT-22"]
        "The allowed maximum number of characters for the Invoice note (BT-22) is 300."
        "Numărul maxim permis de caractere pentru Comentariu în factură (BT-22) este 300.";
    "BR-RO-L0308" SupportingDocument "cbc:ID" chars 200 ["BT-18", "BT-122"]
        "The allowed maximum number of characters for the Invoiced object identifier (BT-18) and the Supporting document reference (BT-122) is 200."
        "Numărul maxim permis de caractere pentru Identificatorul obiectului facturat (BT-18) și Referința documentului justificativ (BT-122) este 200.";
    "BR-RO-L1020" SupportingDocument "cbc:DocumentDescription" chars 100 ["BT-123"]
        "The allowed maximum number of characters for the Supporting document description (BT-123) is 100."
        "Numărul maxim permis de caractere pentru Descrierea documentului justificativ (BT-123) este 100.";
    "BR-RO-L210" SupportingDocument "cac:Attachment/cac:ExternalReference/cbc:URI" chars 200 ["BT-124"]
        "The allowed maximum number of characters for the External document location (BT-124) is 200."
        "Numărul maxim permis de caractere pentru Localizarea documentului extern (BT-124) este 200.";
    "BR-RO-L211" SupportingDocument "cac:Attachment/cbc:EmbeddedDocumentBinaryObject@filename" chars 200 ["BT-125"]
        "The allowed maximum number of characters for the Attached document Filename (BT-125-2) is 200."
        "Numărul maxim permis de caractere pentru Numele fișierului documentului atașat (BT-125-2) este 200.";
    "BR-RO-L156" BillingReference "cac:InvoiceDocumentReference/cbc:ID" chars 200 ["BT-25"]
        "The allowed maximum number of characters for the Preceding Invoice number (BT-25) is 200."
        "Numărul maxim permis de caractere pentru Referința la o factură anterioară (BT-25) este 200.";
    "BR-RO-L1019" Shadowed "cbc:TaxExemptionReason" chars 100 ["BT-120"]
        "The allowed maximum number of characters for the VAT exemption reason text (BT-120) is 100."
        "Numărul maxim permis de caractere pentru Motivul scutirii de TVA (BT-120) este 100.";
};
