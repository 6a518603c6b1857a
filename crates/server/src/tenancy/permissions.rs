//! The 50 permissions (api.md §3.3, in the contract's order) and the roles' defaults (§3.4).

use serde::{Deserialize, Serialize};

macro_rules! permissions {
    ($($variant:ident = $wire:literal),* $(,)?) => {
        /// One permission, named on the wire as `category.action`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Permission { $($variant),* }

        impl Permission {
            /// Every permission in the contract's order (the scopes endpoint preserves it).
            pub const ALL: &'static [Permission] = &[$(Permission::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Permission::$variant => $wire),* }
            }

            pub fn parse(s: &str) -> Option<Permission> {
                match s { $($wire => Some(Permission::$variant),)* _ => None }
            }
        }
    };
}

permissions! {
    CompanyView = "company.view", CompanyCreate = "company.create", CompanyEdit = "company.edit", CompanyDelete = "company.delete",
    ClientView = "client.view", ClientCreate = "client.create", ClientEdit = "client.edit", ClientDelete = "client.delete",
    ProductView = "product.view", ProductCreate = "product.create", ProductEdit = "product.edit", ProductDelete = "product.delete",
    InvoiceView = "invoice.view", InvoiceCreate = "invoice.create", InvoiceEdit = "invoice.edit", InvoiceDelete = "invoice.delete",
    InvoiceIssue = "invoice.issue", InvoiceSend = "invoice.send", InvoiceCancel = "invoice.cancel", InvoiceRefund = "invoice.refund",
    RecurringInvoiceView = "recurring_invoice.view", RecurringInvoiceManage = "recurring_invoice.manage",
    SeriesView = "series.view", SeriesManage = "series.manage",
    PaymentView = "payment.view", PaymentCreate = "payment.create", PaymentDelete = "payment.delete",
    EfacturaView = "efactura.view", EfacturaSubmit = "efactura.submit",
    SettingsView = "settings.view", SettingsManage = "settings.manage",
    OrgManageMembers = "org.manage_members", OrgManageBilling = "org.manage_billing", OrgViewAudit = "org.view_audit",
    ImportManage = "import.manage", ExportData = "export.data",
    WebhookView = "webhook.view", WebhookManage = "webhook.manage",
    ApiKeyView = "api_key.view", ApiKeyManage = "api_key.manage",
    Oauth2AppView = "oauth2_app.view", Oauth2AppManage = "oauth2_app.manage",
    BackupManage = "backup.manage",
    EmailTemplateView = "email_template.view", EmailTemplateManage = "email_template.manage",
    ReportView = "report.view",
    BorderouView = "borderou.view", BorderouManage = "borderou.manage",
    DeclarationView = "declaration.view", DeclarationSubmit = "declaration.submit",
}

impl Permission {
    /// The text before the first dot (`invoice` of `invoice.view`).
    pub fn category(self) -> &'static str {
        let s = self.as_str();
        s.split_once('.').map_or(s, |(c, _)| c)
    }
}

/// A set of permissions as a bit mask (50 fit in a u64).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PermissionSet(u64);

impl PermissionSet {
    pub fn of(perms: &[Permission]) -> Self {
        PermissionSet(perms.iter().fold(0, |acc, p| acc | (1u64 << (*p as u8))))
    }

    pub fn contains(self, p: Permission) -> bool {
        self.0 & (1u64 << (p as u8)) != 0
    }

    pub fn intersect(self, other: PermissionSet) -> Self {
        PermissionSet(self.0 & other.0)
    }

    /// The members in the contract's order.
    pub fn to_vec(self) -> Vec<Permission> {
        Permission::ALL
            .iter()
            .copied()
            .filter(|p| self.contains(*p))
            .collect()
    }
}

/// A member's role in an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Admin,
    Accountant,
    Employee,
}

impl Role {
    /// Every role, highest first (the order `permissions-reference` lists them in).
    pub const ALL: [Role; 4] = [Role::Owner, Role::Admin, Role::Accountant, Role::Employee];

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "owner" => Some(Role::Owner),
            "admin" => Some(Role::Admin),
            "accountant" => Some(Role::Accountant),
            "employee" => Some(Role::Employee),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Accountant => "accountant",
            Role::Employee => "employee",
        }
    }

    /// Owners and admins see every company of the organization; others only their allowed ones.
    pub fn sees_all_companies(self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }

    /// The role's default permissions (api.md §3.4): each role adds to the one below it.
    pub fn default_permissions(self) -> PermissionSet {
        use Permission as P;
        const EMPLOYEE: &[Permission] = &[
            P::CompanyView,
            P::ClientView,
            P::ProductView,
            P::InvoiceView,
            P::RecurringInvoiceView,
            P::SeriesView,
            P::PaymentView,
            P::EfacturaView,
            P::SettingsView,
            P::ReportView,
            P::EmailTemplateView,
            P::BorderouView,
            P::DeclarationView,
        ];
        const ACCOUNTANT: &[Permission] = &[
            P::ClientCreate,
            P::ClientEdit,
            P::ClientDelete,
            P::ProductCreate,
            P::ProductEdit,
            P::ProductDelete,
            P::InvoiceCreate,
            P::InvoiceEdit,
            P::InvoiceDelete,
            P::InvoiceIssue,
            P::InvoiceSend,
            P::InvoiceCancel,
            P::InvoiceRefund,
            P::RecurringInvoiceManage,
            P::SeriesManage,
            P::PaymentCreate,
            P::PaymentDelete,
            P::EfacturaSubmit,
            P::DeclarationSubmit,
            P::ImportManage,
            P::ExportData,
            P::EmailTemplateManage,
            P::BorderouManage,
        ];
        const ADMIN: &[Permission] = &[
            P::CompanyCreate,
            P::CompanyEdit,
            P::CompanyDelete,
            P::SettingsManage,
            P::OrgManageMembers,
            P::OrgViewAudit,
            P::WebhookView,
            P::WebhookManage,
            P::ApiKeyView,
            P::ApiKeyManage,
            P::Oauth2AppView,
            P::Oauth2AppManage,
            P::BackupManage,
        ];
        const OWNER: &[Permission] = &[P::OrgManageBilling];
        let layers: &[&[Permission]] = match self {
            Role::Employee => &[EMPLOYEE],
            Role::Accountant => &[EMPLOYEE, ACCOUNTANT],
            Role::Admin => &[EMPLOYEE, ACCOUNTANT, ADMIN],
            Role::Owner => &[EMPLOYEE, ACCOUNTANT, ADMIN, OWNER],
        };
        PermissionSet::of(&layers.concat())
    }
}

/// What a member may do (api.md §3.4): a non-empty custom list replaces the role's defaults
/// (unknown strings in it grant nothing), and instance administrators (`ROLE_SUPER_ADMIN`) hold
/// everything. The `Principal` and the members API both use this, so what `GET /members` shows is
/// what the server enforces.
pub fn effective(role: Option<Role>, custom: Option<&[String]>, is_admin: bool) -> PermissionSet {
    match (role, custom) {
        _ if is_admin => PermissionSet::of(Permission::ALL),
        (Some(_), Some(custom)) if !custom.is_empty() => PermissionSet::of(
            &custom
                .iter()
                .filter_map(|p| Permission::parse(p))
                .collect::<Vec<_>>(),
        ),
        (Some(role), _) => role.default_permissions(),
        (None, _) => PermissionSet::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_fifty_distinct_permissions_that_round_trip() {
        assert_eq!(Permission::ALL.len(), 50);
        for p in Permission::ALL {
            assert_eq!(Permission::parse(p.as_str()), Some(*p));
        }
        assert_eq!(Permission::InvoiceView.category(), "invoice");
        assert_eq!(
            Permission::RecurringInvoiceManage.category(),
            "recurring_invoice"
        );
    }

    #[test]
    fn roles_nest_and_only_owners_manage_billing() {
        let counts: Vec<usize> = [Role::Employee, Role::Accountant, Role::Admin, Role::Owner]
            .iter()
            .map(|r| r.default_permissions().to_vec().len())
            .collect();
        assert_eq!(counts, [13, 36, 49, 50]);
        assert!(
            !Role::Admin
                .default_permissions()
                .contains(Permission::OrgManageBilling)
        );
        assert!(
            !Role::Accountant
                .default_permissions()
                .contains(Permission::WebhookView)
        );
        assert!(
            Role::Accountant
                .default_permissions()
                .contains(Permission::InvoiceIssue)
        );
    }

    #[test]
    fn custom_permissions_replace_the_role_defaults() {
        let custom = vec!["client.create".to_owned(), "no.such".to_owned()];
        let set = effective(Some(Role::Employee), Some(&custom), false);
        assert_eq!(set.to_vec(), [Permission::ClientCreate]);
        assert_eq!(
            effective(Some(Role::Employee), Some(&[]), false),
            Role::Employee.default_permissions()
        );
        assert_eq!(effective(None, None, false), PermissionSet::default());
        assert_eq!(
            effective(Some(Role::Employee), None, true).to_vec().len(),
            50
        );
    }
}
