//! Request extractors that answer with the contract's error shapes instead of axum's plain-text
//! rejections, and the input value types that accept what real clients send.

use std::fmt;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use rust_decimal::Decimal;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

use super::error::ApiError;

/// A JSON body. Malformed JSON, a wrong type or a missing field is a 400 that names the field
/// (`lines[0].quantity`); an over-large body is a 413; unknown fields are ignored; an empty body
/// counts as `{}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppJson<T>(pub T);

impl<S, T> FromRequest<S> for AppJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| match e {
            BytesRejection::FailedToBufferBody(_) => ApiError::PayloadTooLarge,
            other => ApiError::bad_request(format!("Could not read the request body: {other}")),
        })?;
        parse_json(&bytes).map(AppJson)
    }
}

/// Parses a JSON document into `T`, naming the failing field in the error.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        bytes
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            ApiError::bad_request(format!("Malformed JSON: {inner}"))
        } else if path == "." {
            ApiError::bad_request(format!("Invalid request body: {inner}"))
        } else {
            ApiError::bad_request(format!(
                "Invalid value for field '{path}': {}",
                strip_position(&inner)
            ))
        }
    })?;
    de.end()
        .map_err(|e| ApiError::bad_request(format!("Malformed JSON: {e}")))?;
    Ok(value)
}

/// serde_json appends " at line 1 column 42", which helps nobody once the field is named.
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// A query string, rejected with a 400 that says which parameter is wrong.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for AppQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or("");
        serde_urlencoded_path(query).map(AppQuery)
    }
}

fn serde_urlencoded_path<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let pairs = form_pairs(query);
    let de = de::value::MapDeserializer::<_, de::value::Error>::new(pairs.into_iter());
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        ApiError::bad_request(format!(
            "Invalid query parameter '{path}': {}",
            e.into_inner()
        ))
    })
}

/// Decodes `a=1&b=x%20y` into pairs; the last of repeated keys wins.
fn form_pairs(query: &str) -> Vec<(String, QueryValue)> {
    let mut out: Vec<(String, QueryValue)> = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let (k, v) = (percent_decode(k), percent_decode(v));
        out.retain(|(existing, _)| *existing != k);
        out.push((k, QueryValue(v)));
    }
    out
}

fn percent_decode(s: &str) -> String {
    fn hex(b: u8) -> Option<u8> {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A query value that deserializes into strings, numbers, booleans and options.
#[derive(Debug)]
struct QueryValue(String);

impl de::IntoDeserializer<'_, de::value::Error> for QueryValue {
    type Deserializer = QueryValueDe;
    fn into_deserializer(self) -> QueryValueDe {
        QueryValueDe(self.0)
    }
}

#[derive(Debug)]
struct QueryValueDe(String);

macro_rules! query_parse {
    ($($method:ident => $visit:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            match self.0.trim().parse() {
                Ok(v) => visitor.$visit(v),
                Err(_) => Err(de::Error::custom(format!("'{}' is not a valid value", self.0))),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for QueryValueDe {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_string(self.0)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        if self.0.is_empty() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => visitor.visit_bool(true),
            "false" | "0" | "no" => visitor.visit_bool(false),
            _ => Err(de::Error::custom(format!(
                "'{}' is not true or false",
                self.0
            ))),
        }
    }

    query_parse! {
        deserialize_i8 => visit_i8, deserialize_i16 => visit_i16, deserialize_i32 => visit_i32,
        deserialize_i64 => visit_i64, deserialize_u8 => visit_u8, deserialize_u16 => visit_u16,
        deserialize_u32 => visit_u32, deserialize_u64 => visit_u64, deserialize_f64 => visit_f64,
    }

    serde::forward_to_deserialize_any! {
        f32 i128 u128 char str string bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// A path parameter. A malformed UUID is a 404 (the resource cannot exist), never a 500.
#[derive(Debug, Clone, Copy)]
pub struct AppPath<T>(pub T);

impl<S, T> FromRequestParts<S> for AppPath<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| AppPath(p.0))
            .map_err(|_| ApiError::NotFound("Not found."))
    }
}

/// A decimal sent as a JSON string (`"12.50"`, exact) or number (`12.5`). Numbers go through
/// f64, whose shortest round-trip text is exact for up to 15 significant digits; more digits
/// should be sent as strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Num(pub Decimal);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal number or a string holding one")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Num, E> {
                einvoice::money::parse(s.trim()).map(Num).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
                Ok(Num(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
                Ok(Num(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
                if !v.is_finite() {
                    return Err(E::custom("not a finite number"));
                }
                einvoice::money::parse(&v.to_string())
                    .map(Num)
                    .map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// A calendar date sent as `YYYY-MM-DD`, or as an RFC 3339 date-time whose date is taken (clients
/// of the incumbent echo back `2026-03-10T00:00:00+02:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateIn(pub Date);

impl<'de> Deserialize<'de> for DateIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s)
            .map(DateIn)
            .ok_or_else(|| de::Error::custom(format!("'{s}' is not a date (expected YYYY-MM-DD)")))
    }
}

pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    Date::parse(s, format_description!("[year]-[month]-[day]"))
        .ok()
        .or_else(|| {
            OffsetDateTime::parse(s, &Rfc3339)
                .ok()
                .map(OffsetDateTime::date)
        })
}

/// A field of a partial update: absent (leave it), `null` (clear it) or a value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Patch<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<T> Patch<T> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Patch::Absent)
    }

    /// Applies the patch to `current`.
    pub fn apply(self, current: Option<T>) -> Option<T> {
        match self {
            Patch::Absent => current,
            Patch::Null => None,
            Patch::Value(v) => Some(v),
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(v) => Patch::Value(f(v)),
        }
    }

    /// Applies the patch to the field in place.
    pub fn apply_to(self, field: &mut Option<T>) {
        *field = self.apply(field.take());
    }

    pub fn as_value(&self) -> Option<&T> {
        match self {
            Patch::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(d)? {
            Some(v) => Patch::Value(v),
            None => Patch::Null,
        })
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Patch::Value(v) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }
}

/// A Romanian CIF sent as a number or a string (`18547290`, `"RO18547290"`), check digit
/// verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CifIn(pub einvoice::ids::Cif);

impl<'de> Deserialize<'de> for CifIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = CifIn;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a Romanian CIF as a number or string")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CifIn, E> {
                einvoice::ids::Cif::from_value(v)
                    .map(CifIn)
                    .map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CifIn, E> {
                self.visit_u64(u64::try_from(v).map_err(|_| E::custom("a CIF is not negative"))?)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<CifIn, E> {
                s.parse().map(CifIn).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// A boolean that also accepts `"true"`/`"false"`/`1`/`0`, as form-encoded and PHP-era clients
/// send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flag(pub bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Flag;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true or false")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Flag, E> {
                Ok(Flag(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Flag, E> {
                match v {
                    0 => Ok(Flag(false)),
                    1 => Ok(Flag(true)),
                    _ => Err(E::custom("expected true or false")),
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Flag, E> {
                self.visit_u64(u64::try_from(v).map_err(|_| E::custom("expected true or false"))?)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Flag, E> {
                match s.trim().to_ascii_lowercase().as_str() {
                    "true" | "1" => Ok(Flag(true)),
                    "false" | "0" | "" => Ok(Flag(false)),
                    _ => Err(E::custom(format!("'{s}' is not true or false"))),
                }
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use pretty_assertions::assert_eq;
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Body {
        lines: Vec<Line>,
        #[serde(default)]
        note: Patch<String>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Line {
        quantity: Num,
    }

    fn error_of(body: &str) -> String {
        match parse_json::<Body>(body.as_bytes()) {
            Err(ApiError::BadRequest(m)) => m,
            other => panic!("expected a 400, got {other:?}"),
        }
    }

    #[test]
    fn a_wrong_type_names_the_field() {
        let m = error_of(r#"{"lines":[{"quantity":"1"},{"quantity":true}]}"#);
        assert!(m.contains("lines[1].quantity"), "{m}");
    }

    #[test]
    fn malformed_json_is_a_400() {
        assert!(error_of(r#"{"lines":[}"#).starts_with("Malformed JSON"));
        assert!(error_of(r#"{"lines":[]} trailing"#).starts_with("Malformed JSON"));
    }

    #[test]
    fn numbers_with_forty_digits_are_refused_by_name() {
        let m = error_of(r#"{"lines":[{"quantity":1234567890123456789012345678901234567890}]}"#);
        assert!(m.contains("lines[0].quantity"), "{m}");
        let m = error_of(r#"{"lines":[{"quantity":"1234567890123456789012345678901234567890"}]}"#);
        assert!(m.contains("lines[0].quantity"), "{m}");
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let m = error_of(&format!(r#"{{"lines":{deep}}}"#));
        assert!(m.contains("recursion limit") || m.contains("lines"), "{m}");
    }

    #[test]
    fn decimals_come_exactly_from_strings_and_numbers() {
        let b: Body =
            parse_json(br#"{"lines":[{"quantity":"1.005"},{"quantity":0.1},{"quantity":3}]}"#)
                .unwrap();
        let q: Vec<String> = b.lines.iter().map(|l| l.quantity.0.to_string()).collect();
        assert_eq!(q, ["1.005", "0.1", "3"]);
    }

    #[test]
    fn patch_tells_absent_from_null() {
        let b: Body = parse_json(br#"{"lines":[]}"#).unwrap();
        assert_eq!(b.note, Patch::Absent);
        let b: Body = parse_json(br#"{"lines":[],"note":null}"#).unwrap();
        assert_eq!(b.note, Patch::Null);
    }

    #[test]
    fn dates_accept_plain_dates_and_datetimes() {
        assert_eq!(
            parse_date("2026-03-10"),
            Some(time::macros::date!(2026 - 03 - 10))
        );
        assert_eq!(
            parse_date("2026-03-10T00:00:00+02:00"),
            Some(time::macros::date!(2026 - 03 - 10))
        );
        assert_eq!(parse_date("10.03.2026"), None);
    }

    #[test]
    fn query_values_are_percent_decoded() {
        let pairs = form_pairs("search=Ion%20Popescu&a=1&a=2&x=%zz");
        let v: Vec<(String, String)> = pairs.into_iter().map(|(k, v)| (k, v.0)).collect();
        assert_eq!(
            v,
            [
                ("search".into(), "Ion Popescu".into()),
                ("a".into(), "2".into()),
                ("x".into(), "%zz".into())
            ]
        );
    }
}

impl Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl Serialize for Flag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(self.0)
    }
}

impl Serialize for DateIn {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::wire::date(&self.0, s)
    }
}

mod schemas {
    //! OpenAPI schemas of the input types above.

    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{
        KnownFormat, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
    };

    use super::{CifIn, DateIn, Flag, Num};

    impl utoipa::PartialSchema for CifIn {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(SchemaType::Array(vec![Type::String, Type::Integer]))
                .description(Some("A Romanian CIF/CUI, with or without the RO prefix; the check digit is verified."))
                .examples(["18547290"])
                .into()
        }
    }
    impl utoipa::ToSchema for CifIn {}

    impl utoipa::PartialSchema for Num {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(SchemaType::Array(vec![Type::String, Type::Number]))
                .description(Some("A decimal: a string (exact, preferred) or a JSON number (exact up to 15 significant digits)."))
                .examples(["12.50"])
                .into()
        }
    }
    impl utoipa::ToSchema for Num {}

    impl utoipa::PartialSchema for DateIn {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
                .description(Some(
                    "YYYY-MM-DD (an RFC 3339 date-time is accepted and its date taken).",
                ))
                .into()
        }
    }
    impl utoipa::ToSchema for DateIn {}

    impl utoipa::PartialSchema for Flag {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(Type::Boolean)
                .description(Some(
                    "true or false (\"true\"/\"false\"/1/0 are accepted too).",
                ))
                .into()
        }
    }
    impl utoipa::ToSchema for Flag {}
}
