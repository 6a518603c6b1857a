//! A software authenticator: makes P-256 passkeys with "none" attestation and signs
//! assertions, as a platform authenticator would, so the tests drive both WebAuthn ceremonies
//! end to end over HTTP.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use p256::ecdsa::signature::Signer as _;
use p256::ecdsa::{Signature, SigningKey};
use serde_cbor_2::Value as Cbor;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// One credential the authenticator holds.
pub struct Credential {
    pub id: Vec<u8>,
    key: SigningKey,
    user_handle: Vec<u8>,
    counter: u32,
}

/// Flags of authenticator data: user present, user verified, attested credential data.
const UP: u8 = 0x01;
const UV: u8 = 0x04;
const AT: u8 = 0x40;

pub struct SoftAuthenticator {
    /// The origin the "browser" reports in the client data.
    pub origin: String,
    pub rp_id: String,
    pub credentials: Vec<Credential>,
}

fn text(v: &Value, field: &str) -> String {
    v[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} in {v}"))
        .to_owned()
}

fn client_data(kind: &str, challenge: &str, origin: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "type": kind, "challenge": challenge, "origin": origin, "crossOrigin": false,
    }))
    .unwrap()
}

impl SoftAuthenticator {
    /// An authenticator used from `server_url` (its IP host becomes `localhost`, as the
    /// server's relying party does).
    pub fn for_server(server_url: &str) -> SoftAuthenticator {
        SoftAuthenticator {
            origin: server_url.replace("127.0.0.1", "localhost"),
            rp_id: "localhost".into(),
            credentials: Vec::new(),
        }
    }

    fn auth_data(&self, flags: u8, counter: u32) -> Vec<u8> {
        let mut data = Sha256::digest(self.rp_id.as_bytes()).to_vec();
        data.push(flags);
        data.extend_from_slice(&counter.to_be_bytes());
        data
    }

    /// `navigator.credentials.create()`: a new passkey for the options' user.
    pub fn create(&mut self, options: &Value) -> Value {
        let challenge = text(options, "challenge");
        let user_handle = B64.decode(text(&options["user"], "id")).unwrap();
        let key = SigningKey::random(&mut rand::rngs::OsRng);
        let point = key.verifying_key().to_encoded_point(false);
        let cose = Cbor::Map(
            [
                (Cbor::Integer(1), Cbor::Integer(2)),
                (Cbor::Integer(3), Cbor::Integer(-7)),
                (Cbor::Integer(-1), Cbor::Integer(1)),
                (Cbor::Integer(-2), Cbor::Bytes(point.x().unwrap().to_vec())),
                (Cbor::Integer(-3), Cbor::Bytes(point.y().unwrap().to_vec())),
            ]
            .into_iter()
            .collect(),
        );
        let id: Vec<u8> = (0..16).map(|_| rand::random::<u8>()).collect();
        let mut auth_data = self.auth_data(UP | UV | AT, 0);
        auth_data.extend_from_slice(&[0u8; 16]);
        auth_data.extend_from_slice(&u16::try_from(id.len()).unwrap().to_be_bytes());
        auth_data.extend_from_slice(&id);
        auth_data.extend_from_slice(&serde_cbor_2::to_vec(&cose).unwrap());
        let attestation = Cbor::Map(
            [
                (Cbor::Text("fmt".into()), Cbor::Text("none".into())),
                (
                    Cbor::Text("attStmt".into()),
                    Cbor::Map(std::collections::BTreeMap::default()),
                ),
                (Cbor::Text("authData".into()), Cbor::Bytes(auth_data)),
            ]
            .into_iter()
            .collect(),
        );
        let client = client_data("webauthn.create", &challenge, &self.origin);
        self.credentials.push(Credential {
            id: id.clone(),
            key,
            user_handle,
            counter: 0,
        });
        json!({
            "id": B64.encode(&id),
            "rawId": B64.encode(&id),
            "type": "public-key",
            "response": {
                "attestationObject": B64.encode(serde_cbor_2::to_vec(&attestation).unwrap()),
                "clientDataJSON": B64.encode(client),
            },
            "extensions": {},
        })
    }

    /// `navigator.credentials.get()` with credential `which`: a signed assertion.
    pub fn get(&mut self, options: &Value, which: usize) -> Value {
        let challenge = text(options, "challenge");
        let origin = self.origin.clone();
        let client = client_data("webauthn.get", &challenge, &origin);
        let counter = {
            let c = &mut self.credentials[which];
            c.counter += 1;
            c.counter
        };
        let auth_data = self.auth_data(UP | UV, counter);
        let credential = &self.credentials[which];
        let mut signed = auth_data.clone();
        signed.extend_from_slice(&Sha256::digest(&client));
        let signature: Signature = credential.key.sign(&signed);
        json!({
            "id": B64.encode(&credential.id),
            "rawId": B64.encode(&credential.id),
            "type": "public-key",
            "response": {
                "authenticatorData": B64.encode(&auth_data),
                "clientDataJSON": B64.encode(client),
                "signature": B64.encode(signature.to_der().as_bytes()),
                "userHandle": B64.encode(&credential.user_handle),
            },
            "extensions": {},
        })
    }
}
