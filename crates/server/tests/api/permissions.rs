//! Roles against routes (issue #5 item 8, api.md §3.4): every route that names a permission
//! refuses (403) each role without it and lets each role with it past the check; a member
//! restricted to some companies does not find the others.

use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::json;
use server::tenancy::permissions::{self, Permission, Role};

use crate::support::members::join;
use crate::support::{Actor, TestApp};

/// Every route guarded by a permission, with that permission (`{id}`: any id; the check
/// comes before the lookup).
const ROUTES: &[(&str, &str, Permission)] = &[
    ("GET", "/api/v1/api-tokens", Permission::ApiKeyView),
    ("GET", "/api/v1/api-tokens/scopes", Permission::ApiKeyView),
    ("POST", "/api/v1/api-tokens", Permission::ApiKeyManage),
    ("PATCH", "/api/v1/api-tokens/{id}", Permission::ApiKeyManage),
    (
        "DELETE",
        "/api/v1/api-tokens/{id}",
        Permission::ApiKeyManage,
    ),
    (
        "POST",
        "/api/v1/api-tokens/{id}/rotate",
        Permission::ApiKeyManage,
    ),
    ("GET", "/api/v1/audit-log", Permission::OrgViewAudit),
    ("GET", "/api/v1/bank-accounts", Permission::CompanyView),
    ("POST", "/api/v1/bank-accounts", Permission::CompanyEdit),
    (
        "PATCH",
        "/api/v1/bank-accounts/{id}",
        Permission::CompanyEdit,
    ),
    (
        "DELETE",
        "/api/v1/bank-accounts/{id}",
        Permission::CompanyEdit,
    ),
    ("GET", "/api/v1/clients", Permission::ClientView),
    ("POST", "/api/v1/clients", Permission::ClientCreate),
    ("GET", "/api/v1/clients/{id}", Permission::ClientView),
    ("PATCH", "/api/v1/clients/{id}", Permission::ClientEdit),
    ("DELETE", "/api/v1/clients/{id}", Permission::ClientDelete),
    (
        "POST",
        "/api/v1/clients/bulk-delete",
        Permission::ClientDelete,
    ),
    (
        "POST",
        "/api/v1/clients/from-registry",
        Permission::ClientCreate,
    ),
    ("GET", "/api/v1/companies", Permission::CompanyView),
    ("GET", "/api/v1/companies/deleted", Permission::CompanyView),
    ("POST", "/api/v1/companies", Permission::CompanyCreate),
    ("GET", "/api/v1/companies/{id}", Permission::CompanyView),
    ("PATCH", "/api/v1/companies/{id}", Permission::CompanyEdit),
    (
        "DELETE",
        "/api/v1/companies/{id}",
        Permission::CompanyDelete,
    ),
    (
        "POST",
        "/api/v1/companies/{id}/restore",
        Permission::CompanyDelete,
    ),
    (
        "POST",
        "/api/v1/companies/{id}/refresh-anaf",
        Permission::CompanyEdit,
    ),
    (
        "POST",
        "/api/v1/companies/{id}/toggle-sync",
        Permission::CompanyEdit,
    ),
    ("GET", "/api/v1/efactura-messages", Permission::EfacturaView),
    (
        "GET",
        "/api/v1/efactura-messages/{id}",
        Permission::EfacturaView,
    ),
    ("GET", "/api/v1/invitations", Permission::OrgManageMembers),
    ("POST", "/api/v1/invitations", Permission::OrgManageMembers),
    (
        "DELETE",
        "/api/v1/invitations/{id}",
        Permission::OrgManageMembers,
    ),
    (
        "POST",
        "/api/v1/invitations/{id}/resend",
        Permission::OrgManageMembers,
    ),
    ("GET", "/api/v1/invoices", Permission::InvoiceView),
    ("POST", "/api/v1/invoices", Permission::InvoiceCreate),
    ("GET", "/api/v1/invoices/{id}", Permission::InvoiceView),
    ("PUT", "/api/v1/invoices/{id}", Permission::InvoiceEdit),
    ("DELETE", "/api/v1/invoices/{id}", Permission::InvoiceDelete),
    (
        "POST",
        "/api/v1/invoices/{id}/issue",
        Permission::InvoiceIssue,
    ),
    (
        "POST",
        "/api/v1/invoices/{id}/cancel",
        Permission::InvoiceCancel,
    ),
    (
        "POST",
        "/api/v1/invoices/{id}/restore",
        Permission::InvoiceEdit,
    ),
    (
        "POST",
        "/api/v1/invoices/{id}/validate",
        Permission::InvoiceView,
    ),
    ("GET", "/api/v1/invoices/{id}/xml", Permission::InvoiceView),
    (
        "GET",
        "/api/v1/invoices/{id}/events",
        Permission::InvoiceView,
    ),
    (
        "POST",
        "/api/v1/invoices/{id}/submit",
        Permission::InvoiceIssue,
    ),
    (
        "GET",
        "/api/v1/invoices/{id}/einvoice-submissions",
        Permission::EfacturaView,
    ),
    (
        "GET",
        "/api/v1/invoices/{id}/anaf-response",
        Permission::InvoiceView,
    ),
    (
        "GET",
        "/api/v1/invoices/{id}/signature",
        Permission::InvoiceView,
    ),
    (
        "POST",
        "/api/v1/invoices/{id}/verify-signature",
        Permission::InvoiceView,
    ),
    (
        "GET",
        "/api/v1/members/permissions-reference",
        Permission::OrgManageMembers,
    ),
    (
        "PATCH",
        "/api/v1/members/{id}",
        Permission::OrgManageMembers,
    ),
    (
        "DELETE",
        "/api/v1/members/{id}",
        Permission::OrgManageMembers,
    ),
    ("GET", "/api/v1/products", Permission::ProductView),
    ("POST", "/api/v1/products", Permission::ProductCreate),
    ("GET", "/api/v1/products/{id}", Permission::ProductView),
    ("PATCH", "/api/v1/products/{id}", Permission::ProductEdit),
    ("DELETE", "/api/v1/products/{id}", Permission::ProductDelete),
    (
        "POST",
        "/api/v1/products/bulk-delete",
        Permission::ProductDelete,
    ),
    ("GET", "/api/v1/document-series", Permission::SeriesView),
    ("POST", "/api/v1/document-series", Permission::SeriesManage),
    (
        "PATCH",
        "/api/v1/document-series/{id}",
        Permission::SeriesManage,
    ),
    (
        "POST",
        "/api/v1/document-series/{id}/set-default",
        Permission::SeriesManage,
    ),
    (
        "DELETE",
        "/api/v1/document-series/{id}",
        Permission::SeriesManage,
    ),
    ("GET", "/api/v1/suppliers", Permission::ClientView),
    ("POST", "/api/v1/suppliers", Permission::ClientCreate),
    ("GET", "/api/v1/suppliers/{id}", Permission::ClientView),
    ("PATCH", "/api/v1/suppliers/{id}", Permission::ClientEdit),
    ("DELETE", "/api/v1/suppliers/{id}", Permission::ClientDelete),
    (
        "POST",
        "/api/v1/suppliers/bulk-delete",
        Permission::ClientDelete,
    ),
    ("POST", "/api/v1/sync/trigger", Permission::EfacturaView),
    ("GET", "/api/v1/sync/status", Permission::EfacturaView),
    ("GET", "/api/v1/sync/log", Permission::EfacturaView),
    ("POST", "/api/v1/vat-rates", Permission::SettingsManage),
    (
        "PATCH",
        "/api/v1/vat-rates/{id}",
        Permission::SettingsManage,
    ),
    (
        "DELETE",
        "/api/v1/vat-rates/{id}",
        Permission::SettingsManage,
    ),
];

async fn call(actor: &Actor<'_>, method: &str, path: &str) -> (u16, String) {
    let path = path.replace("{id}", &uuid::Uuid::now_v7().to_string());
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    let body = (method != Method::GET && method != Method::DELETE).then(|| json!({}));
    let reply = actor.call(method, &path, body).await;
    (reply.status, reply.body.to_string())
}

#[tokio::test]
async fn each_role_is_refused_exactly_the_routes_it_lacks_the_permission_for() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let mut members = vec![("owner", owner.clone())];
    for role in ["admin", "accountant", "employee"] {
        let member = join(&app, &owner, role, json!(null)).await;
        let member = Actor {
            company: owner.company.clone(),
            ..member
        };
        members.push((role, member));
    }
    let mut wrong = Vec::new();
    for (role, actor) in &members {
        let held = permissions::effective(Role::parse(role), None, false);
        for (method, path, permission) in ROUTES {
            let (status, body) = call(actor, method, path).await;
            let refused = status == 403;
            if refused == held.contains(*permission) {
                wrong.push(format!(
                    "{role} {method} {path} ({}): {status} {body}",
                    permission.as_str()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} mismatches:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[tokio::test]
async fn a_member_restricted_to_companies_does_not_find_the_others() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let first = owner.company.clone().unwrap();
    let second = owner
        .post(
            "/api/v1/companies",
            json!({ "cif": crate::support::next_cif().to_string() }),
        )
        .await;
    assert_eq!(second.status, 201, "{}", second.body);
    let second = second.body["id"].as_str().unwrap().to_owned();
    let accountant = join(&app, &owner, "accountant", json!([first])).await;
    let mine = Actor {
        company: Some(first.clone()),
        ..accountant.clone()
    };
    assert_eq!(mine.get("/api/v1/invoices").await.status, 200);
    let other = Actor {
        company: Some(second),
        ..accountant
    };
    let reply = other.get("/api/v1/invoices").await;
    assert_eq!(reply.status, 404, "{}", reply.body);
    assert_eq!(reply.error(), "Company not found.");
}
