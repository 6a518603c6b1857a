//! Bulk routes' shared shape: `{ids}` in, each item handled on its own (its own transaction),
//! and `{<done>, errors[{id, error}]}` out. An item's refusal is reported and the rest go on;
//! a failure of the server itself (database, …) stops the request.

use std::future::Future;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::ApiError;

/// `{ids}`: what a bulk route acts on.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct Ids {
    /// 1 to 100 ids.
    #[serde(default)]
    pub ids: Vec<String>,
}

/// `{deleted, errors}`: what a bulk delete did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Deleted {
    pub deleted: usize,
    pub errors: Vec<BulkError>,
}

/// One item a bulk route could not handle, with the reason.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkError {
    pub id: String,
    pub error: String,
}

/// Runs `one` for each id (as sent; one that is not an id is reported as `not_found`); returns
/// how many were done and the errors of the others.
pub async fn each<Id, F, Fut>(
    ids: Vec<String>,
    not_found: fn() -> ApiError,
    mut one: F,
) -> Result<(usize, Vec<BulkError>), ApiError>
where
    Id: FromStr,
    F: FnMut(Id) -> Fut,
    Fut: Future<Output = Result<(), ApiError>>,
{
    crate::partners::check_bulk(&ids)?;
    let (mut done, mut errors) = (0, Vec::new());
    for text in ids {
        let outcome = match text.parse::<Id>() {
            Ok(id) => one(id).await,
            Err(_) => Err(not_found()),
        };
        match outcome {
            Ok(()) => done += 1,
            Err(e @ (ApiError::Internal(_) | ApiError::Unavailable(_))) => return Err(e),
            Err(e) => errors.push(BulkError {
                id: text,
                error: e.to_string(),
            }),
        }
    }
    Ok((done, errors))
}
