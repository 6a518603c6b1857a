//! The buyer as an invoice shows and freezes it: a projection of the client record (api.md
//! §25.1 detail `client`), also the invoice's `buyerSnapshot` at issue.

use serde::Serialize;
use utoipa::ToSchema;

use crate::ids::ClientId;
use crate::store::clients::ClientRow;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Buyer {
    pub id: ClientId,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub cui: Option<String>,
    pub cnp: Option<String>,
    pub vat_code: Option<String>,
    pub is_vat_payer: bool,
    pub registration_number: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    pub country: String,
    pub postal_code: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
}

impl From<&ClientRow> for Buyer {
    fn from(c: &ClientRow) -> Self {
        Buyer {
            id: c.id,
            kind: c.kind.clone(),
            name: c.name.clone(),
            cui: c.cui.clone(),
            cnp: c.cnp.clone(),
            vat_code: c.vat_code.clone(),
            is_vat_payer: c.is_vat_payer,
            registration_number: c.registration_number.clone(),
            address: c.address.clone(),
            city: c.city.clone(),
            county: c.county.clone(),
            country: c.country.clone(),
            postal_code: c.postal_code.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            bank_name: c.bank_name.clone(),
            bank_account: c.bank_account.clone(),
        }
    }
}
