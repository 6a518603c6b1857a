//! Headers every response carries (issue #5 item 10): no MIME sniffing, no framing, no
//! referrer, HSTS when the server is reached over TLS, and a Content Security Policy for the
//! HTML pages (their one inline script allowed by its hash); CORS for the origins the
//! configuration names.

use std::sync::LazyLock;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::state::AppState;

/// The API documentation page, the one page with an inline script.
pub const DOCS_PAGE: &str = include_str!("../web/docs.html");

/// The CSP of HTML pages: only this server's resources, inline styles, and the docs page's
/// inline script by its SHA-256.
static HTML_POLICY: LazyLock<String> = LazyLock::new(|| {
    let mut scripts = String::new();
    for script in inline_scripts(DOCS_PAGE) {
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
        scripts.push_str(" 'sha256-");
        scripts.push_str(&hash);
        scripts.push('\'');
    }
    format!(
        "default-src 'self'; script-src 'self'{scripts}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; \
         form-action 'self'; object-src 'none'"
    )
});

/// The text of each inline `<script>` of a page.
fn inline_scripts(page: &str) -> impl Iterator<Item = &str> {
    page.split("<script>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</script>").map(|(body, _)| body))
}

/// Adds the security headers to every response.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    let policy = if html {
        HeaderValue::from_str(&HTML_POLICY).ok()
    } else {
        Some(HeaderValue::from_static(
            "default-src 'none'; frame-ancestors 'none'",
        ))
    };
    if let Some(policy) = policy {
        h.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    if state.config.public_url().starts_with("https://") {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// CORS for `origins` (exact `scheme://host[:port]` values); none configured, none allowed.
pub fn cors(origins: &[String]) -> CorsLayer {
    let allowed: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.trim().trim_end_matches('/')).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("x-company"),
            HeaderName::from_static("x-organization"),
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER, HeaderName::from_static("x-request-id")])
        .max_age(std::time::Duration::from_mins(10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_docs_page_script_is_allowed_by_its_hash() {
        let scripts: Vec<&str> = inline_scripts(DOCS_PAGE).collect();
        assert_eq!(scripts.len(), 1, "the docs page has one inline script");
        assert!(HTML_POLICY.contains("'sha256-"), "{}", *HTML_POLICY);
        assert!(!HTML_POLICY.contains("unsafe-eval"));
    }
}
