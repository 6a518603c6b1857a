//! Every word a document prints that is not the invoice's own, in Romanian, English, German
//! and French.

use einvoice::codes::VatCategory;
use serde::Serialize;

use crate::look::{Language, Title};

/// The labels of one language. The templates receive them as they are.
#[derive(Debug, Serialize)]
pub struct Labels {
    /// Before the document number: "Nr.".
    pub number: &'static str,
    /// BT-2.
    pub issue_date: &'static str,
    /// BT-9.
    pub due_date: &'static str,
    /// BT-7.
    pub vat_point_date: &'static str,
    /// BT-72.
    pub delivery_date: &'static str,
    /// BG-14.
    pub period: &'static str,
    /// A proforma's validity.
    pub valid_until: &'static str,
    /// BT-13.
    pub order: &'static str,
    /// BT-12.
    pub contract: &'static str,
    /// BT-10.
    pub buyer_reference: &'static str,
    /// BT-11.
    pub project: &'static str,
    /// BT-16.
    pub despatch_advice: &'static str,
    /// BG-3: the invoice this one corrects or reverses.
    pub preceding: &'static str,
    /// BG-4.
    pub seller: &'static str,
    /// BG-7.
    pub buyer: &'static str,
    /// BG-13.
    pub deliver_to: &'static str,
    /// BG-10.
    pub payee: &'static str,
    /// BG-11.
    pub tax_representative: &'static str,
    /// BT-31, BT-48, BT-63.
    pub vat_id: &'static str,
    /// BT-30, BT-47.
    pub registration: &'static str,
    /// BT-32, BT-46.
    pub tax_id: &'static str,
    /// BT-42.
    pub phone: &'static str,
    /// BT-43.
    pub email: &'static str,
    /// Line column: position.
    pub col_no: &'static str,
    /// Line column: item name.
    pub col_item: &'static str,
    /// Line column: unit of measure.
    pub col_unit: &'static str,
    /// Line column: quantity.
    pub col_qty: &'static str,
    /// Line column: net price.
    pub col_price: &'static str,
    /// Line column: net amount.
    pub col_amount: &'static str,
    /// Line column: VAT rate.
    pub col_vat: &'static str,
    /// A line or document allowance.
    pub allowance: &'static str,
    /// A line or document charge.
    pub charge: &'static str,
    /// BG-23 heading.
    pub vat_breakdown: &'static str,
    /// BT-118.
    pub vat_category: &'static str,
    /// BT-119.
    pub vat_rate: &'static str,
    /// BT-116.
    pub vat_base: &'static str,
    /// BT-117.
    pub vat_amount: &'static str,
    /// BT-120.
    pub vat_exemption: &'static str,
    /// BT-106.
    pub line_total: &'static str,
    /// BT-107.
    pub allowance_total: &'static str,
    /// BT-108.
    pub charge_total: &'static str,
    /// BT-109.
    pub net_total: &'static str,
    /// BT-110.
    pub vat_total: &'static str,
    /// BT-112.
    pub total: &'static str,
    /// BT-113.
    pub prepaid: &'static str,
    /// BT-114.
    pub rounding: &'static str,
    /// BT-115.
    pub payable: &'static str,
    /// What the buyer has paid so far.
    pub paid: &'static str,
    /// What remains to pay.
    pub balance: &'static str,
    /// The amount due in words.
    pub in_words: &'static str,
    /// BT-111, followed by the currency code: "Total TVA în" RON.
    pub vat_in: &'static str,
    /// The exchange rate into the VAT accounting currency.
    pub exchange_rate: &'static str,
    /// BG-16 heading.
    pub payment: &'static str,
    /// BT-81/BT-82.
    pub payment_means: &'static str,
    /// BT-20.
    pub payment_terms: &'static str,
    /// BT-83.
    pub remittance: &'static str,
    /// BG-17 heading.
    pub bank_accounts: &'static str,
    /// A bank's name.
    pub bank: &'static str,
    /// BT-85.
    pub account_name: &'static str,
    /// BG-1 heading.
    pub notes: &'static str,
    /// Who drew up the document.
    pub issuer: &'static str,
    /// The delegate block's heading.
    pub shipping: &'static str,
    /// The delegate's name.
    pub deputy: &'static str,
    /// The delegate's identity card.
    pub id_card: &'static str,
    /// The means of transport.
    pub vehicle: &'static str,
    /// Under the seller's signature line.
    pub seller_signature: &'static str,
    /// Under the buyer's signature line.
    pub buyer_signature: &'static str,
    /// "Page" 1 of 3.
    pub page: &'static str,
    /// Page 1 "of" 3.
    pub of: &'static str,
}

/// The labels of `language`.
pub fn labels(language: Language) -> &'static Labels {
    match language {
        Language::Ro => &RO,
        Language::En => &EN,
        Language::De => &DE,
        Language::Fr => &FR,
    }
}

/// The document title of `title` in `language`.
pub fn title(title: Title, language: Language) -> &'static str {
    use Language::{De, En, Fr, Ro};
    match (title, language) {
        (Title::Invoice, Ro) => "Factură",
        (Title::Invoice, En) => "Invoice",
        (Title::Invoice, De) => "Rechnung",
        (Title::Invoice, Fr) => "Facture",
        (Title::CreditNote, Ro) => "Notă de credit",
        (Title::CreditNote, En) => "Credit note",
        (Title::CreditNote, De) => "Gutschrift",
        (Title::CreditNote, Fr) => "Avoir",
        (Title::Storno, Ro) => "Factură storno",
        (Title::Storno, En) => "Cancellation invoice",
        (Title::Storno, De) => "Stornorechnung",
        (Title::Storno, Fr) => "Facture d'annulation",
        (Title::Proforma, Ro) => "Factură proformă",
        (Title::Proforma, En) => "Proforma invoice",
        (Title::Proforma, De) => "Proformarechnung",
        (Title::Proforma, Fr) => "Facture proforma",
        (Title::DeliveryNote, Ro) => "Aviz de însoțire a mărfii",
        (Title::DeliveryNote, En) => "Delivery note",
        (Title::DeliveryNote, De) => "Lieferschein",
        (Title::DeliveryNote, Fr) => "Bon de livraison",
    }
}

/// The name of a VAT category (UNCL 5305) in `language`.
pub fn vat_category(category: VatCategory, language: Language) -> &'static str {
    use Language::{De, En, Fr, Ro};
    use VatCategory::{AE, E, G, K, L, M, O, S, Z};
    match (category, language) {
        (S, Ro) => "Cota standard",
        (S, En) => "Standard rate",
        (S, De) => "Normalsatz",
        (S, Fr) => "Taux normal",
        (Z, Ro) => "Cota zero",
        (Z, En) => "Zero rated",
        (Z, De) => "Nullsatz",
        (Z, Fr) => "Taux zéro",
        (E, Ro) => "Scutit",
        (E, En) => "Exempt",
        (E, De) => "Steuerbefreit",
        (E, Fr) => "Exonéré",
        (AE, Ro) => "Taxare inversă",
        (AE, En) => "Reverse charge",
        (AE, De) => "Umkehrung der Steuerschuld",
        (AE, Fr) => "Autoliquidation",
        (K, Ro) => "Livrare intracomunitară",
        (K, En) => "Intra-community supply",
        (K, De) => "Innergemeinschaftliche Lieferung",
        (K, Fr) => "Livraison intracommunautaire",
        (G, Ro | En) => "Export",
        (G, De) => "Ausfuhr",
        (G, Fr) => "Exportation",
        (O, Ro) => "Neimpozabil",
        (O, En) => "Not subject to VAT",
        (O, De) => "Nicht steuerbar",
        (O, Fr) => "Hors champ de la TVA",
        (L, _) => "IGIC",
        (M, _) => "IPSI",
    }
}

/// The short name of a unit of measure code (UN/ECE Rec 20/21) in `language`; the code
/// itself when it has none.
pub fn unit(code: &str, language: Language) -> &str {
    use Language::{De, En, Fr, Ro};
    let names: [&'static str; 4] = match code {
        "H87" | "C62" | "EA" => ["buc", "pcs", "Stk", "pce"],
        "HUR" => ["ore", "h", "Std", "h"],
        "DAY" => ["zile", "days", "Tage", "jours"],
        "MON" => ["luni", "months", "Monate", "mois"],
        "ANN" => ["ani", "years", "Jahre", "ans"],
        "SET" => ["set", "set", "Satz", "lot"],
        "XPK" => ["pachet", "pack", "Pkt", "paquet"],
        "KGM" => ["kg"; 4],
        "GRM" => ["g"; 4],
        "TNE" => ["t"; 4],
        "LTR" => ["l"; 4],
        "MTR" => ["m"; 4],
        "KMT" => ["km"; 4],
        "MTK" => ["m²"; 4],
        "MTQ" => ["m³"; 4],
        "KWH" => ["kWh"; 4],
        _ => return code,
    };
    let index = match language {
        Ro => 0,
        En => 1,
        De => 2,
        Fr => 3,
    };
    names[index]
}

/// The name of a payment means code (UNTDID 4461) in `language`; `None` for a code without
/// one, which then prints as BT-82 or not at all.
pub fn payment_means(code: &str, language: Language) -> Option<&'static str> {
    let names: [&'static str; 4] = match code {
        "10" => ["Numerar", "Cash", "Bar", "Espèces"],
        "20" => ["Cec", "Cheque", "Scheck", "Chèque"],
        "30" | "42" | "58" => [
            "Ordin de plată",
            "Credit transfer",
            "Überweisung",
            "Virement",
        ],
        "48" | "54" | "55" => ["Card", "Card", "Karte", "Carte"],
        "49" | "59" => ["Debit direct", "Direct debit", "Lastschrift", "Prélèvement"],
        _ => return None,
    };
    Some(names[Language::ALL.iter().position(|l| *l == language)?])
}

const RO: Labels = Labels {
    number: "Nr.",
    issue_date: "Data emiterii",
    due_date: "Data scadenței",
    vat_point_date: "Data exigibilității TVA",
    delivery_date: "Data livrării",
    period: "Perioada facturată",
    valid_until: "Valabilă până la",
    order: "Comanda",
    contract: "Contract",
    buyer_reference: "Referința cumpărătorului",
    project: "Proiect",
    despatch_advice: "Aviz de expediție",
    preceding: "Factura de referință",
    seller: "Furnizor",
    buyer: "Cumpărător",
    deliver_to: "Livrare la",
    payee: "Beneficiarul plății",
    tax_representative: "Reprezentant fiscal",
    vat_id: "CIF",
    registration: "Nr. Reg. Com.",
    tax_id: "Cod fiscal",
    phone: "Tel.",
    email: "E-mail",
    col_no: "Nr. crt.",
    col_item: "Denumirea produselor sau a serviciilor",
    col_unit: "U.M.",
    col_qty: "Cant.",
    col_price: "Preț unitar (fără TVA)",
    col_amount: "Valoarea",
    col_vat: "Cota TVA",
    allowance: "Reducere",
    charge: "Majorare",
    vat_breakdown: "Defalcarea TVA",
    vat_category: "Categorie",
    vat_rate: "Cota",
    vat_base: "Baza de impozitare",
    vat_amount: "TVA",
    vat_exemption: "Motivul scutirii",
    line_total: "Total articole",
    allowance_total: "Total reduceri",
    charge_total: "Total majorări",
    net_total: "Total fără TVA",
    vat_total: "Total TVA",
    total: "Total cu TVA",
    prepaid: "Avans achitat",
    rounding: "Rotunjire",
    payable: "Total de plată",
    paid: "Achitat",
    balance: "Rest de plată",
    in_words: "Adică",
    vat_in: "Total TVA în",
    exchange_rate: "Curs de schimb",
    payment: "Plata",
    payment_means: "Modalitate de plată",
    payment_terms: "Termeni de plată",
    remittance: "Referința plății",
    bank_accounts: "Conturi bancare",
    bank: "Banca",
    account_name: "Titular",
    notes: "Observații",
    issuer: "Întocmit de",
    shipping: "Date privind expediția",
    deputy: "Numele delegatului",
    id_card: "B.I./C.I.",
    vehicle: "Mijloc de transport",
    seller_signature: "Semnătura și ștampila furnizorului",
    buyer_signature: "Semnătura de primire",
    page: "Pagina",
    of: "din",
};

const EN: Labels = Labels {
    number: "No.",
    issue_date: "Issue date",
    due_date: "Due date",
    vat_point_date: "VAT point date",
    delivery_date: "Delivery date",
    period: "Invoicing period",
    valid_until: "Valid until",
    order: "Purchase order",
    contract: "Contract",
    buyer_reference: "Buyer reference",
    project: "Project",
    despatch_advice: "Despatch advice",
    preceding: "Preceding invoice",
    seller: "Seller",
    buyer: "Buyer",
    deliver_to: "Deliver to",
    payee: "Payee",
    tax_representative: "Tax representative",
    vat_id: "VAT ID",
    registration: "Registration no.",
    tax_id: "Tax ID",
    phone: "Phone",
    email: "Email",
    col_no: "No.",
    col_item: "Description",
    col_unit: "Unit",
    col_qty: "Qty",
    col_price: "Unit price",
    col_amount: "Amount",
    col_vat: "VAT",
    allowance: "Allowance",
    charge: "Charge",
    vat_breakdown: "VAT breakdown",
    vat_category: "Category",
    vat_rate: "Rate",
    vat_base: "Taxable amount",
    vat_amount: "VAT",
    vat_exemption: "Exemption reason",
    line_total: "Sum of lines",
    allowance_total: "Allowances",
    charge_total: "Charges",
    net_total: "Total without VAT",
    vat_total: "Total VAT",
    total: "Total with VAT",
    prepaid: "Prepaid amount",
    rounding: "Rounding",
    payable: "Amount due",
    paid: "Paid",
    balance: "Balance due",
    in_words: "In words",
    vat_in: "Total VAT in",
    exchange_rate: "Exchange rate",
    payment: "Payment",
    payment_means: "Payment method",
    payment_terms: "Payment terms",
    remittance: "Payment reference",
    bank_accounts: "Bank accounts",
    bank: "Bank",
    account_name: "Account holder",
    notes: "Notes",
    issuer: "Issued by",
    shipping: "Shipping",
    deputy: "Delegate",
    id_card: "ID card",
    vehicle: "Vehicle",
    seller_signature: "Seller's signature",
    buyer_signature: "Received by",
    page: "Page",
    of: "of",
};

const DE: Labels = Labels {
    number: "Nr.",
    issue_date: "Rechnungsdatum",
    due_date: "Fälligkeitsdatum",
    vat_point_date: "Steuerzeitpunkt",
    delivery_date: "Lieferdatum",
    period: "Leistungszeitraum",
    valid_until: "Gültig bis",
    order: "Bestellung",
    contract: "Vertrag",
    buyer_reference: "Käuferreferenz",
    project: "Projekt",
    despatch_advice: "Lieferavis",
    preceding: "Bezug auf Rechnung",
    seller: "Verkäufer",
    buyer: "Käufer",
    deliver_to: "Lieferanschrift",
    payee: "Zahlungsempfänger",
    tax_representative: "Steuervertreter",
    vat_id: "USt-IdNr.",
    registration: "Registernummer",
    tax_id: "Steuernummer",
    phone: "Tel.",
    email: "E-Mail",
    col_no: "Pos.",
    col_item: "Bezeichnung",
    col_unit: "Einheit",
    col_qty: "Menge",
    col_price: "Einzelpreis",
    col_amount: "Betrag",
    col_vat: "USt.",
    allowance: "Nachlass",
    charge: "Zuschlag",
    vat_breakdown: "Umsatzsteuer",
    vat_category: "Kategorie",
    vat_rate: "Satz",
    vat_base: "Bemessungsgrundlage",
    vat_amount: "USt.",
    vat_exemption: "Befreiungsgrund",
    line_total: "Summe Positionen",
    allowance_total: "Nachlässe",
    charge_total: "Zuschläge",
    net_total: "Nettobetrag",
    vat_total: "Umsatzsteuer",
    total: "Bruttobetrag",
    prepaid: "Bereits gezahlt",
    rounding: "Rundung",
    payable: "Zahlbetrag",
    paid: "Bezahlt",
    balance: "Restbetrag",
    in_words: "In Worten",
    vat_in: "Umsatzsteuer in",
    exchange_rate: "Wechselkurs",
    payment: "Zahlung",
    payment_means: "Zahlungsart",
    payment_terms: "Zahlungsbedingungen",
    remittance: "Verwendungszweck",
    bank_accounts: "Bankverbindung",
    bank: "Bank",
    account_name: "Kontoinhaber",
    notes: "Hinweise",
    issuer: "Ausgestellt von",
    shipping: "Versand",
    deputy: "Überbringer",
    id_card: "Ausweis",
    vehicle: "Fahrzeug",
    seller_signature: "Unterschrift Verkäufer",
    buyer_signature: "Empfangen von",
    page: "Seite",
    of: "von",
};

const FR: Labels = Labels {
    number: "N°",
    issue_date: "Date d'émission",
    due_date: "Date d'échéance",
    vat_point_date: "Date d'exigibilité de la TVA",
    delivery_date: "Date de livraison",
    period: "Période de facturation",
    valid_until: "Valable jusqu'au",
    order: "Bon de commande",
    contract: "Contrat",
    buyer_reference: "Référence acheteur",
    project: "Projet",
    despatch_advice: "Avis d'expédition",
    preceding: "Facture d'origine",
    seller: "Vendeur",
    buyer: "Acheteur",
    deliver_to: "Livraison à",
    payee: "Bénéficiaire",
    tax_representative: "Représentant fiscal",
    vat_id: "N° TVA",
    registration: "N° d'immatriculation",
    tax_id: "N° fiscal",
    phone: "Tél.",
    email: "E-mail",
    col_no: "N°",
    col_item: "Désignation",
    col_unit: "Unité",
    col_qty: "Qté",
    col_price: "Prix unitaire HT",
    col_amount: "Montant HT",
    col_vat: "TVA",
    allowance: "Remise",
    charge: "Majoration",
    vat_breakdown: "Détail de la TVA",
    vat_category: "Catégorie",
    vat_rate: "Taux",
    vat_base: "Base HT",
    vat_amount: "TVA",
    vat_exemption: "Motif d'exonération",
    line_total: "Total des lignes",
    allowance_total: "Remises",
    charge_total: "Majorations",
    net_total: "Total HT",
    vat_total: "Total TVA",
    total: "Total TTC",
    prepaid: "Acompte versé",
    rounding: "Arrondi",
    payable: "Net à payer",
    paid: "Payé",
    balance: "Reste à payer",
    in_words: "En lettres",
    vat_in: "Total TVA en",
    exchange_rate: "Taux de change",
    payment: "Paiement",
    payment_means: "Mode de paiement",
    payment_terms: "Conditions de paiement",
    remittance: "Référence de paiement",
    bank_accounts: "Coordonnées bancaires",
    bank: "Banque",
    account_name: "Titulaire",
    notes: "Notes",
    issuer: "Établi par",
    shipping: "Expédition",
    deputy: "Délégué",
    id_card: "Pièce d'identité",
    vehicle: "Véhicule",
    seller_signature: "Signature du vendeur",
    buyer_signature: "Reçu par",
    page: "Page",
    of: "sur",
};

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    /// Every label of `language`, by field name.
    fn fields(language: Language) -> Vec<(String, String)> {
        let value = serde_json::to_value(labels(language)).unwrap();
        let object = value.as_object().unwrap();
        object
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect()
    }

    #[test]
    fn every_language_fills_every_label() {
        for language in Language::ALL {
            for (name, text) in fields(language) {
                assert!(!text.trim().is_empty(), "{language:?}.{name} is empty");
                assert_eq!(text.trim(), text, "{language:?}.{name} has outer spaces");
            }
        }
    }

    #[test]
    fn languages_differ_where_words_do() {
        let ro = fields(Language::Ro);
        for other in [Language::En, Language::De, Language::Fr] {
            let same = ro
                .iter()
                .zip(fields(other))
                .filter(|((_, a), (_, b))| a == b)
                .count();
            assert!(same < 10, "{other:?} shares {same} labels with Romanian");
        }
    }

    #[test]
    fn romanian_uses_comma_below() {
        let all: String = fields(Language::Ro).into_iter().map(|(_, t)| t).collect();
        let titles: String = [Title::DeliveryNote, Title::Proforma]
            .into_iter()
            .map(|t| title(t, Language::Ro))
            .collect();
        for text in [all, titles] {
            assert!(!text.contains(['ş', 'ţ', 'Ş', 'Ţ']), "cedilla in {text}");
        }
        assert_eq!(labels(Language::Ro).due_date, "Data scadenței");
        assert_eq!(
            title(Title::DeliveryNote, Language::Ro),
            "Aviz de însoțire a mărfii"
        );
    }

    #[test]
    fn titles_per_language() {
        let cases = [
            (
                Title::Invoice,
                ["Factură", "Invoice", "Rechnung", "Facture"],
            ),
            (
                Title::CreditNote,
                ["Notă de credit", "Credit note", "Gutschrift", "Avoir"],
            ),
            (
                Title::Storno,
                [
                    "Factură storno",
                    "Cancellation invoice",
                    "Stornorechnung",
                    "Facture d'annulation",
                ],
            ),
            (
                Title::Proforma,
                [
                    "Factură proformă",
                    "Proforma invoice",
                    "Proformarechnung",
                    "Facture proforma",
                ],
            ),
        ];
        for (t, names) in cases {
            for (language, name) in Language::ALL.into_iter().zip(names) {
                assert_eq!(title(t, language), name);
            }
        }
    }

    #[test]
    fn units_and_categories_have_names() {
        assert_eq!(unit("H87", Language::Ro), "buc");
        assert_eq!(unit("HUR", Language::De), "Std");
        assert_eq!(unit("XYZ", Language::Fr), "XYZ");
        assert_eq!(
            vat_category(VatCategory::AE, Language::Ro),
            "Taxare inversă"
        );
        assert_eq!(payment_means("30", Language::En), Some("Credit transfer"));
        assert_eq!(payment_means("97", Language::En), None);
        for language in Language::ALL {
            for category in VatCategory::ALL {
                assert!(!vat_category(category, language).is_empty());
            }
        }
    }
}
