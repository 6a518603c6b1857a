//! A stand-in for Google: RSA keys the test signs ID tokens with, and a JWKS endpoint on
//! 127.0.0.1 that publishes whichever keys the test says and counts how often it is fetched.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::RsaPrivateKey;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::{Value, json};
use server::Clock as _;

use super::TestApp;

/// The app's OAuth client id, the `aud` of valid tokens.
pub const CLIENT_ID: &str = "1234-facturo.apps.googleusercontent.com";
/// How long the stand-in says its keys may be cached.
pub const MAX_AGE_SECS: i64 = 300;

/// One of "Google's" signing keys.
pub struct GoogleKey {
    pub kid: String,
    encoding: EncodingKey,
    jwk: Value,
}

impl GoogleKey {
    /// A new RSA key (1024 bits: enough for a test, and quick to make in a debug build).
    pub fn generate(kid: &str) -> GoogleKey {
        let private = RsaPrivateKey::new(&mut rand::rngs::OsRng, 1024).unwrap();
        let der = private.to_pkcs1_der().unwrap();
        let jwk = json!({
            "kty": "RSA",
            "alg": "RS256",
            "use": "sig",
            "kid": kid,
            "n": URL_SAFE_NO_PAD.encode(private.n().to_bytes_be()),
            "e": URL_SAFE_NO_PAD.encode(private.e().to_bytes_be()),
        });
        GoogleKey {
            kid: kid.to_owned(),
            encoding: EncodingKey::from_rsa_der(der.as_bytes()),
            jwk,
        }
    }

    /// `claims` signed with this key (RS256, this key's `kid`).
    pub fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).unwrap()
    }
}

/// The JWKS endpoint.
#[derive(Clone)]
pub struct FakeGoogle {
    pub jwks_url: String,
    published: Arc<Mutex<Vec<Value>>>,
    fetches: Arc<AtomicUsize>,
}

impl FakeGoogle {
    /// Serves `keys` at `<url>/oauth2/v3/certs`.
    pub async fn start(keys: &[&GoogleKey]) -> FakeGoogle {
        let google = FakeGoogle {
            jwks_url: String::new(),
            published: Arc::default(),
            fetches: Arc::default(),
        };
        google.publish(keys);
        let router = axum::Router::new()
            .route("/oauth2/v3/certs", axum::routing::get(certs))
            .with_state(google.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, router).await });
        FakeGoogle {
            jwks_url: format!("http://{addr}/oauth2/v3/certs"),
            ..google
        }
    }

    /// Publishes `keys` instead of the keys before (a rotation).
    pub fn publish(&self, keys: &[&GoogleKey]) {
        *self.published.lock().unwrap() = keys.iter().map(|k| k.jwk.clone()).collect();
    }

    /// How often the keys were fetched.
    pub fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }

    /// A server that accepts this stand-in's tokens for [`CLIENT_ID`].
    pub async fn app(&self) -> TestApp {
        let url = self.jwks_url.clone();
        TestApp::spawn_with(|c| {
            c.google.client_ids = vec!["another-app".into(), CLIENT_ID.into()];
            c.google.jwks_url = url;
        })
        .await
    }
}

async fn certs(State(google): State<FakeGoogle>) -> impl IntoResponse {
    google.fetches.fetch_add(1, Ordering::SeqCst);
    let keys = google.published.lock().unwrap().clone();
    (
        [(
            header::CACHE_CONTROL,
            format!("public, max-age={MAX_AGE_SECS}, must-revalidate, no-transform"),
        )],
        axum::Json(json!({ "keys": keys })),
    )
}

/// The claims of a valid ID token for the Google account `sub` with the verified address
/// `email`, issued now by the app's clock.
pub fn claims(app: &TestApp, sub: &str, email: &str) -> Value {
    let now = app.clock.now().unix_timestamp();
    json!({
        "iss": "https://accounts.google.com",
        "azp": CLIENT_ID,
        "aud": CLIENT_ID,
        "sub": sub,
        "email": email,
        "email_verified": true,
        "given_name": "Maria",
        "family_name": "Ionescu",
        "name": "Maria Ionescu",
        "iat": now,
        "nbf": now - 60,
        "exp": now + 3600,
    })
}
