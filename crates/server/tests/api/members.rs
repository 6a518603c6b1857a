use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::{Value, json};
use time::Duration;

use crate::support::members::{emailed_token, invite, join, new_email};
use crate::support::{Actor, START, TestApp};

/// The outbox's event types, oldest first.
async fn event_types(app: &TestApp) -> Vec<String> {
    let sql = "SELECT type FROM events ORDER BY created_at, id";
    match &app.state.db {
        server::store::Db::Sqlite { read, .. } => sqlx::query_scalar(sql).fetch_all(read).await,
        server::store::Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
    }
    .unwrap()
}

/// The member JSON of `email` in the caller's organization.
async fn member_of(actor: &Actor<'_>, email: &str) -> Value {
    let list = actor.get("/api/v1/members").await;
    assert_eq!(list.status, 200, "{}", list.body);
    list.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["user"]["email"] == email)
        .unwrap_or_else(|| panic!("{email} is not listed: {}", list.body))
        .clone()
}

async fn org_id(actor: &Actor<'_>) -> String {
    actor.get("/api/v1/me").await.body["organization"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn an_invitee_gets_a_link_by_email_registers_accepts_and_is_listed_with_the_role() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let org = org_id(&owner).await;
    let email = "ioana@firma.test";

    let created = invite(&owner, "Ioana@Firma.test ", "employee", json!(null)).await;
    assert_eq!(created["email"], email);
    assert_eq!(created["role"], "employee");
    assert_eq!(created["status"], "pending");
    assert_eq!(created["createdAt"], "2026-06-15T09:00:00+00:00");
    assert_eq!(created["expiresAt"], "2026-06-22T09:00:00+00:00");
    assert_eq!(created["invitedBy"]["firstName"], "Ana");
    assert_eq!(created["invitedBy"]["lastName"], "Pop");
    assert_eq!(created["allowedCompanies"], json!([]));

    let token = emailed_token(&app, email, 1).await;
    let preview = app
        .call(
            Method::GET,
            &format!("/api/v1/invitations/accept/{token}"),
            None,
        )
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert_eq!(
        preview.body,
        json!({ "email": email, "organizationName": "Ana Pop's Organization", "role": "employee",
                "expiresAt": "2026-06-22T09:00:00+00:00", "hasAccount": false })
    );
    let page = app
        .http
        .get(format!("{}/invitation?token={token}", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Ana Pop&#39;s Organization"), "{page}");

    let invitee = app.user_with_email(email).await;
    let preview = app
        .call(
            Method::GET,
            &format!("/api/v1/invitations/accept/{token}"),
            None,
        )
        .await;
    assert_eq!(preview.body["hasAccount"], true);
    let accepted = invitee
        .post(&format!("/api/v1/invitations/accept/{token}"), json!({}))
        .await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    assert_eq!(
        accepted.body,
        json!({ "message": "Invitation accepted.", "organizationId": org, "organizationName": "Ana Pop's Organization" })
    );

    let list = owner.get("/api/v1/members").await.body;
    assert_eq!(
        list["meta"],
        json!({ "canManage": true, "maxUsers": null, "currentCount": 2 })
    );
    let member = member_of(&owner, email).await;
    assert_eq!(member["role"], "employee");
    assert_eq!(member["isActive"], true);
    assert_eq!(member["isCurrentUser"], false);
    assert_eq!(member["isSuperAdmin"], false);
    assert_eq!(member["hasCustomPermissions"], false);
    assert_eq!(member["joinedAt"], "2026-06-15T09:00:00+00:00");
    assert_eq!(
        member["user"]["lastConnectedAt"],
        "2026-06-15T09:00:00+00:00"
    );
    assert_eq!(member["permissions"].as_array().unwrap().len(), 13);
    assert_eq!(member["allowedCompanies"], json!([]));
    let me = member_of(&owner, &owner.email).await;
    assert_eq!(
        (me["role"].as_str(), me["isCurrentUser"].as_bool()),
        (Some("owner"), Some(true))
    );

    let invitations = owner.get("/api/v1/invitations").await.body;
    assert_eq!(invitations["data"][0]["status"], "accepted");
    // The invitee acts in the organization that has companies (api.md §1.4), as an employee.
    let invitee_me = invitee.get("/api/v1/me").await.body;
    assert_eq!(invitee_me["organization"]["id"], org);
    assert_eq!(invitee_me["currentRole"], "employee");
    let events = event_types(&app).await;
    for recorded in ["invitation.created", "invitation.accepted"] {
        assert!(
            events.iter().any(|e| e == recorded),
            "{recorded} in {events:?}"
        );
    }
}

#[tokio::test]
async fn an_employee_sees_only_allowed_companies_and_gets_403_where_the_role_lacks_the_permission()
{
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let first = owner.company.clone().unwrap();
    let other = owner.company().await;
    let other_client = other.client().await["id"].as_str().unwrap().to_owned();
    let employee = join(&app, &owner, "employee", json!([first])).await;

    let companies = employee.get("/api/v1/companies").await;
    assert_eq!(companies.status, 200, "{}", companies.body);
    let ids: Vec<&str> = companies.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [first.as_str()]);
    let in_first = employee.acting_for(&first);
    let in_other = employee.acting_for(other.company.as_deref().unwrap());
    assert_eq!(in_first.get("/api/v1/clients").await.status, 200);
    let refused = in_other.get("/api/v1/clients").await;
    assert_eq!(
        (refused.status, refused.error()),
        (404, "Company not found.")
    );
    assert_eq!(
        in_first
            .get(&format!("/api/v1/clients/{other_client}"))
            .await
            .status,
        404
    );

    let body = json!({ "name": "Client Nou SRL", "type": "individual", "city": "Cluj", "county": "CJ", "address": "Str. 1" });
    let denied = in_first.post("/api/v1/clients", body.clone()).await;
    assert_eq!((denied.status, denied.error()), (403, "Permission denied."));
    let owner_in_first = owner.acting_for(&first);
    assert_eq!(
        owner_in_first
            .post("/api/v1/clients", body.clone())
            .await
            .status,
        201
    );

    let members = employee.get("/api/v1/members").await;
    assert_eq!(members.status, 200);
    assert_eq!(members.body["meta"]["canManage"], false);
    for (method, path) in [
        (Method::GET, "/api/v1/invitations"),
        (Method::GET, "/api/v1/members/permissions-reference"),
        (Method::POST, "/api/v1/invitations"),
    ] {
        let reply = employee
            .call(
                method.clone(),
                path,
                Some(json!({ "email": "x@firma.test", "role": "admin" })),
            )
            .await;
        assert_eq!(reply.status, 403, "{method} {path}: {}", reply.body);
    }

    // Custom permissions replace the role's defaults (api.md §3.4) and take effect at once.
    let id = member_of(&owner, &employee.email).await["id"].clone();
    let granted = owner
        .patch(
            &format!("/api/v1/members/{}", id.as_str().unwrap()),
            json!({ "permissions": ["company.view", "client.view", "client.create"] }),
        )
        .await;
    assert_eq!(granted.status, 200, "{}", granted.body);
    assert_eq!(granted.body["hasCustomPermissions"], true);
    assert_eq!(
        granted.body["permissions"],
        json!(["company.view", "client.view", "client.create"])
    );
    assert_eq!(in_first.post("/api/v1/clients", json!({ "name": "Alt Client", "type": "individual", "city": "Cluj", "county": "CJ", "address": "Str. 2" })).await.status, 201);
    assert_eq!(in_first.get("/api/v1/invoices").await.status, 403);
    assert_eq!(in_other.get("/api/v1/clients").await.status, 404);
}

#[tokio::test]
async fn x_organization_selects_which_of_two_organizations_a_user_acts_in() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let shared = org_id(&owner).await;
    let member = join(&app, &owner, "accountant", json!([])).await;
    let memberships = member.get("/api/v1/me").await.body["memberships"].clone();
    let own = memberships
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["organization"]["id"] != shared)
        .unwrap()["organization"]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let default = member.get("/api/v1/me").await.body;
    assert_eq!(
        (
            default["organization"]["id"].as_str(),
            default["currentRole"].as_str()
        ),
        (Some(shared.as_str()), Some("accountant"))
    );
    let in_own = member.in_organization(&own);
    let me = in_own.get("/api/v1/me").await.body;
    assert_eq!(
        (
            me["organization"]["id"].as_str(),
            me["currentRole"].as_str()
        ),
        (Some(own.as_str()), Some("owner"))
    );
    let own_members = in_own.get("/api/v1/members").await.body;
    assert_eq!(own_members["data"].as_array().unwrap().len(), 1);
    assert_eq!(
        in_own.get("/api/v1/companies").await.body["data"],
        json!([])
    );
    assert_eq!(in_own.get("/api/v1/invitations").await.status, 200);
    let in_shared = member.in_organization(&shared);
    assert_eq!(in_shared.get("/api/v1/invitations").await.status, 403);
    assert_eq!(
        in_shared.get("/api/v1/members").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // An organization the user does not belong to is ignored (api.md §1.3).
    let outsider = app.user().await;
    let foreign = org_id(&outsider).await;
    let ignored = member
        .in_organization(&foreign)
        .get("/api/v1/me")
        .await
        .body;
    assert_eq!(ignored["organization"]["id"], shared);
}

#[tokio::test]
async fn members_cannot_change_their_own_role_or_deactivate_themselves() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let own_id = member_of(&owner, &owner.email).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/members/{own_id}");
    for (body, message) in [
        (
            json!({ "role": "admin" }),
            "You cannot change your own role.",
        ),
        (
            json!({ "isActive": false }),
            "You cannot deactivate yourself.",
        ),
        (
            json!({ "permissions": ["invoice.view"] }),
            "You cannot change your own permissions or companies.",
        ),
    ] {
        let reply = owner.patch(&path, body.clone()).await;
        assert_eq!((reply.status, reply.error()), (400, message), "{body}");
    }
    let reply = owner.delete(&path).await;
    assert_eq!(
        (reply.status, reply.error()),
        (400, "You cannot deactivate yourself.")
    );
    let unchanged = owner
        .patch(&path, json!({ "role": "owner", "isActive": true }))
        .await;
    assert_eq!(
        unchanged.status, 200,
        "re-sending the same values is no change: {}",
        unchanged.body
    );

    let admin = join(&app, &owner, "admin", json!([])).await;
    let employee = join(&app, &owner, "employee", json!([])).await;
    let employee_id = member_of(&owner, &employee.email).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let promote = admin
        .patch(
            &format!("/api/v1/members/{employee_id}"),
            json!({ "role": "owner" }),
        )
        .await;
    assert_eq!(
        (promote.status, promote.error()),
        (403, "Only an owner can make a member an owner.")
    );
    let demote = admin.patch(&path, json!({ "role": "employee" })).await;
    assert_eq!(
        (demote.status, demote.error()),
        (403, "Only an owner can change an owner.")
    );
    assert_eq!(admin.delete(&path).await.status, 403);
    let billing = admin
        .patch(
            &format!("/api/v1/members/{employee_id}"),
            json!({ "permissions": ["org.manage_billing"] }),
        )
        .await;
    assert_eq!(
        billing.status, 403,
        "an admin cannot grant what admins lack: {}",
        billing.body
    );
    let ok = admin
        .patch(
            &format!("/api/v1/members/{employee_id}"),
            json!({ "role": "accountant" }),
        )
        .await;
    assert_eq!(
        (ok.status, ok.body["role"].as_str()),
        (200, Some("accountant"))
    );
}

#[tokio::test]
async fn an_organization_always_keeps_an_active_owner() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let owner_id = member_of(&owner, &owner.email).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let second = join(&app, &owner, "admin", json!([])).await;
    let second_id = member_of(&owner, &second.email).await["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // An instance administrator may act as an owner, but not remove the last one.
    let admin_user = second.get("/api/v1/me").await.body["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let mut tx = app.state.db.begin().await.unwrap();
    server::store::users::set_admin(&mut tx, server::ids::UserId(admin_user), true, START)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for reply in [
        second
            .patch(
                &format!("/api/v1/members/{owner_id}"),
                json!({ "role": "admin" }),
            )
            .await,
        second
            .patch(
                &format!("/api/v1/members/{owner_id}"),
                json!({ "isActive": false }),
            )
            .await,
        second.delete(&format!("/api/v1/members/{owner_id}")).await,
    ] {
        assert_eq!(
            (reply.status, reply.error()),
            (400, "An organization needs at least one active owner.")
        );
    }
    let mut tx = app.state.db.begin().await.unwrap();
    server::store::users::set_admin(&mut tx, server::ids::UserId(admin_user), false, START)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // With a second owner, the first may be demoted; then only the new owner changes owners.
    let promoted = owner
        .patch(
            &format!("/api/v1/members/{second_id}"),
            json!({ "role": "owner" }),
        )
        .await;
    assert_eq!(
        (promoted.status, promoted.body["role"].as_str()),
        (200, Some("owner"))
    );
    let demoted = second
        .patch(
            &format!("/api/v1/members/{owner_id}"),
            json!({ "role": "admin" }),
        )
        .await;
    assert_eq!(
        (demoted.status, demoted.body["role"].as_str()),
        (200, Some("admin"))
    );
    let back = owner
        .patch(
            &format!("/api/v1/members/{second_id}"),
            json!({ "role": "admin" }),
        )
        .await;
    assert_eq!(back.status, 403, "{}", back.body);
    let owners: Vec<Value> = owner.get("/api/v1/members").await.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] == "owner")
        .cloned()
        .collect();
    assert_eq!(owners.len(), 1);
}

#[tokio::test]
async fn inviting_twice_is_409_already_invited_and_inviting_a_member_is_409_already_member() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    invite(&owner, "dan@firma.test", "accountant", json!([])).await;
    let again = owner
        .post(
            "/api/v1/invitations",
            json!({ "email": "DAN@firma.test", "role": "admin" }),
        )
        .await;
    assert_eq!(
        (again.status, again.body["code"].as_str()),
        (409, Some("ALREADY_INVITED"))
    );
    let member = owner
        .post(
            "/api/v1/invitations",
            json!({ "email": owner.email, "role": "admin" }),
        )
        .await;
    assert_eq!(
        (member.status, member.body["code"].as_str()),
        (409, Some("ALREADY_MEMBER"))
    );
    assert!(!member.error().is_empty());
    assert_eq!(
        owner.get("/api/v1/invitations").await.body["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn invitation_links_expire_after_seven_days_resend_renews_them_and_they_work_once() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let email = new_email();
    let id = invite(&owner, &email, "employee", json!([])).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let old = emailed_token(&app, &email, 1).await;

    app.clock.advance(Duration::days(7));
    let owner = app.login(&owner.email).await;
    let expired = app
        .call(
            Method::GET,
            &format!("/api/v1/invitations/accept/{old}"),
            None,
        )
        .await;
    assert_eq!(
        (expired.status, expired.body["code"].as_str()),
        (410, Some("INVITATION_EXPIRED"))
    );
    assert_eq!(
        owner.get("/api/v1/invitations").await.body["data"][0]["status"],
        "expired"
    );

    let resent = owner
        .post(&format!("/api/v1/invitations/{id}/resend"), json!({}))
        .await;
    assert_eq!(resent.status, 200, "{}", resent.body);
    assert_eq!(
        (
            resent.body["status"].as_str(),
            resent.body["expiresAt"].as_str()
        ),
        (Some("pending"), Some("2026-06-29T09:00:00+00:00"))
    );
    let token = emailed_token(&app, &email, 2).await;
    assert_ne!(token, old);
    let replaced = app
        .call(
            Method::GET,
            &format!("/api/v1/invitations/accept/{old}"),
            None,
        )
        .await;
    assert_eq!(
        replaced.status, 404,
        "the old link stops working: {}",
        replaced.body
    );

    let invitee = app.user_with_email(&email).await;
    let path = format!("/api/v1/invitations/accept/{token}");
    assert_eq!(invitee.post(&path, json!({})).await.status, 200);
    let used = invitee.post(&path, json!({})).await;
    assert_eq!(
        (used.status, used.body["code"].as_str()),
        (410, Some("INVITATION_USED"))
    );
    let used = app.call(Method::GET, &path, None).await;
    assert_eq!(
        (used.status, used.body["code"].as_str()),
        (410, Some("INVITATION_USED"))
    );
    let unknown = app
        .call(Method::GET, "/api/v1/invitations/accept/not-a-token", None)
        .await;
    assert_eq!(
        (unknown.status, unknown.error()),
        (404, "Invitation not found.")
    );
    let resend_accepted = owner
        .post(&format!("/api/v1/invitations/{id}/resend"), json!({}))
        .await;
    assert_eq!(resend_accepted.status, 409, "{}", resend_accepted.body);
}

#[tokio::test]
async fn a_cancelled_invitation_cannot_be_accepted_and_only_the_invited_address_may_accept() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let email = new_email();
    invite(&owner, &email, "employee", json!([])).await;
    let token = emailed_token(&app, &email, 1).await;
    let path = format!("/api/v1/invitations/accept/{token}");
    let stranger = app.user().await;
    let wrong = stranger.post(&path, json!({})).await;
    assert_eq!(
        (wrong.status, wrong.error()),
        (403, "This invitation was sent to another e-mail address.")
    );
    let anonymous = app.call(Method::POST, &path, Some(json!({}))).await;
    assert_eq!(anonymous.status, 401);

    let id = owner.get("/api/v1/invitations").await.body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        owner
            .delete(&format!("/api/v1/invitations/{id}"))
            .await
            .status,
        204
    );
    assert_eq!(
        owner
            .delete(&format!("/api/v1/invitations/{id}"))
            .await
            .status,
        204
    );
    let invitee = app.user_with_email(&email).await;
    let cancelled = invitee.post(&path, json!({})).await;
    assert_eq!(
        (cancelled.status, cancelled.body["code"].as_str()),
        (410, Some("INVITATION_CANCELLED"))
    );
    assert_eq!(
        owner.get("/api/v1/invitations").await.body["data"][0]["status"],
        "cancelled"
    );
    assert_eq!(
        owner.get("/api/v1/members").await.body["meta"]["currentCount"],
        1
    );
}

#[tokio::test]
async fn a_deactivated_member_loses_access_and_rejoins_through_a_new_invitation() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let shared = org_id(&owner).await;
    let member = join(&app, &owner, "accountant", json!([])).await;
    let id = member_of(&owner, &member.email).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        member
            .acting_for(owner.company.as_deref().unwrap())
            .get("/api/v1/clients")
            .await
            .status,
        200
    );

    assert_eq!(
        owner.delete(&format!("/api/v1/members/{id}")).await.status,
        204
    );
    let listed = member_of(&owner, &member.email).await;
    assert_eq!(listed["isActive"], false);
    assert_eq!(
        listed["permissions"].as_array().unwrap().len(),
        36,
        "what it would grant"
    );
    assert_eq!(
        owner.get("/api/v1/members").await.body["meta"]["currentCount"],
        1
    );
    let refused = member
        .in_organization(&shared)
        .acting_for(owner.company.as_deref().unwrap())
        .get("/api/v1/clients")
        .await;
    assert_eq!(refused.status, 404, "{}", refused.body);
    assert_ne!(
        member.in_organization(&shared).get("/api/v1/me").await.body["organization"]["id"],
        shared
    );

    invite(&owner, &member.email, "employee", json!([])).await;
    let token = emailed_token(&app, &member.email, 2).await;
    assert_eq!(
        member
            .post(&format!("/api/v1/invitations/accept/{token}"), json!({}))
            .await
            .status,
        200
    );
    let rejoined = member_of(&owner, &member.email).await;
    assert_eq!(
        (
            rejoined["id"].as_str(),
            rejoined["role"].as_str(),
            rejoined["isActive"].as_bool()
        ),
        (Some(id.as_str()), Some("employee"), Some(true))
    );
}

#[tokio::test]
async fn unknown_roles_permissions_and_foreign_companies_are_400_naming_the_field() {
    let app = TestApp::spawn().await;
    let owner = app.user().await.company().await;
    let outsider = app.user().await.company().await;
    let foreign_company = outsider.company.clone().unwrap();
    let member = join(&app, &owner, "employee", json!([])).await;
    let path = format!(
        "/api/v1/members/{}",
        member_of(&owner, &member.email).await["id"]
            .as_str()
            .unwrap()
    );
    let invalid = [
        (
            json!({ "permissions": ["invoice.view", "invoice.fly"] }),
            "permissions",
        ),
        (json!({ "role": "boss" }), "role"),
        (
            json!({ "allowedCompanies": [foreign_company] }),
            "allowedCompanies",
        ),
    ];
    for (body, field) in invalid {
        let reply = owner.patch(&path, body.clone()).await;
        assert_eq!(
            (reply.status, reply.body["errors"][0]["key"].as_str()),
            (400, Some(field)),
            "{body}: {}",
            reply.body
        );
    }
    let malformed = owner
        .patch(&path, json!({ "allowedCompanies": ["not-a-uuid"] }))
        .await;
    assert_eq!(malformed.status, 400);
    assert!(
        malformed.error().contains("allowedCompanies"),
        "{}",
        malformed.body
    );
    for (body, field) in [
        (json!({ "email": "x@firma.test", "role": "owner" }), "role"),
        (json!({ "email": "x@firma.test" }), "role"),
        (json!({ "role": "admin" }), "email"),
        (
            json!({ "email": "not an address", "role": "admin" }),
            "email",
        ),
        (
            json!({ "email": "x@firma.test", "role": "admin", "allowedCompanies": [foreign_company] }),
            "allowedCompanies",
        ),
    ] {
        let reply = owner.post("/api/v1/invitations", body.clone()).await;
        assert_eq!(
            (reply.status, reply.body["errors"][0]["key"].as_str()),
            (400, Some(field)),
            "{body}: {}",
            reply.body
        );
    }
    let member_json = member_of(&owner, &member.email).await;
    assert_eq!(
        (
            member_json["role"].as_str(),
            member_json["hasCustomPermissions"].as_bool()
        ),
        (Some("employee"), Some(false))
    );
}

#[tokio::test]
async fn another_organizations_member_and_invitation_ids_are_404() {
    let app = TestApp::spawn().await;
    let a = app.user().await.company().await;
    let a_member = member_of(&a, &a.email).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let a_invitation = invite(&a, &new_email(), "employee", json!([])).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let b = app.user().await.company().await;
    for (method, path) in [
        (Method::PATCH, format!("/api/v1/members/{a_member}")),
        (Method::DELETE, format!("/api/v1/members/{a_member}")),
        (
            Method::DELETE,
            format!("/api/v1/invitations/{a_invitation}"),
        ),
        (
            Method::POST,
            format!("/api/v1/invitations/{a_invitation}/resend"),
        ),
    ] {
        let reply = b
            .call(method.clone(), &path, Some(json!({ "role": "employee" })))
            .await;
        assert_eq!(reply.status, 404, "{method} {path}: {}", reply.body);
    }
    assert_eq!(member_of(&a, &a.email).await["role"], "owner");
    assert_eq!(
        a.get("/api/v1/invitations").await.body["data"][0]["status"],
        "pending"
    );
}

#[tokio::test]
async fn the_permissions_reference_lists_every_permission_by_category_and_the_role_defaults() {
    let app = TestApp::spawn().await;
    let owner = app.user().await;
    let reply = owner.get("/api/v1/members/permissions-reference").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let categories = reply.body["permissions"].as_object().unwrap();
    assert_eq!(categories.len(), 20);
    assert_eq!(categories["invoice"].as_array().unwrap().len(), 8);
    assert_eq!(
        categories
            .values()
            .map(|v| v.as_array().unwrap().len())
            .sum::<usize>(),
        50
    );
    let counts: Vec<(String, usize)> = reply.body["roleDefaults"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(role, perms)| (role.clone(), perms.as_array().unwrap().len()))
        .collect();
    let mut expected = vec![
        ("accountant".to_owned(), 36),
        ("admin".to_owned(), 49),
        ("employee".to_owned(), 13),
        ("owner".to_owned(), 50),
    ];
    expected.sort();
    let mut counts = counts;
    counts.sort();
    assert_eq!(counts, expected);
}
