//! Request bodies: read with a size limit, parsed to JSON, then walked by hand so that every
//! error names the field it is about (`input[3]`, `posts[1].context`) and says what was
//! expected. Error messages describe types and sizes, never a post's text.

use postguard::Post;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// The JSON type of a value, for messages.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn wrong_type(param: &str, expected: &str, got: &Value) -> ApiError {
    ApiError::field(param, "invalid_type", format!("`{param}` must be {expected}, not {}", type_name(got)))
}

/// Parses a body as JSON (any value; the endpoint checks its shape).
pub(crate) fn json(bytes: &[u8]) -> Result<Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "empty_body",
            "the request body is empty: send a JSON object",
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        // serde_json's syntax errors name line and column only; its data errors cannot occur
        // for `Value`. Neither quotes the input.
        ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("the request body is not valid JSON: {e}"),
        )
    })
}

/// The object at the top of a body, with no keys but `allowed`.
fn object<'a>(v: &'a Value, allowed: &[&str]) -> Result<&'a Map<String, Value>, ApiError> {
    let Value::Object(map) = v else {
        return Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "invalid_type",
            format!("the request body must be a JSON object, not {}", type_name(v)),
        ));
    };
    if let Some(key) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(ApiError::field(
            key.clone(),
            "unknown_field",
            format!(
                "unknown field `{key}`; this endpoint takes {}",
                allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    Ok(map)
}

fn required<'a>(map: &'a Map<String, Value>, key: &str) -> Result<&'a Value, ApiError> {
    map.get(key).ok_or_else(|| ApiError::field(key, "missing_field", format!("missing field `{key}`")))
}

/// `POST /v1/moderations`: `{"input": string | [string | {"type": "text", "text": string}], "model"?: string}`.
/// The texts, in order. `model` is accepted and not used (the server has one model; the response
/// names it), so that code written for OpenAI's endpoint runs unchanged.
pub(crate) fn moderation(v: &Value) -> Result<Vec<String>, ApiError> {
    let map = object(v, &["input", "model"])?;
    if let Some(m) = map.get("model")
        && !m.is_string()
        && !m.is_null()
    {
        return Err(wrong_type("model", "a string", m));
    }
    texts(required(map, "input")?, "input", true)
}

/// `input`: a string, or a non-empty array of strings (and, with `parts`, OpenAI's multi-modal
/// parts `{"type": "text", "text": ...}`; an image part is refused by name).
fn texts(v: &Value, param: &str, parts: bool) -> Result<Vec<String>, ApiError> {
    match v {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Array(items) => {
            if items.is_empty() {
                return Err(ApiError::field(
                    param,
                    "empty_input",
                    format!("`{param}` is an empty array: send at least one text"),
                ));
            }
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let at = format!("{param}[{i}]");
                    match item {
                        Value::String(s) => Ok(s.clone()),
                        Value::Object(part) if parts => text_part(part, &at),
                        other => Err(wrong_type(
                            &at,
                            if parts { "a string or a {\"type\": \"text\", \"text\": ...} part" } else { "a string" },
                            other,
                        )),
                    }
                })
                .collect()
        }
        other => Err(wrong_type(param, "a string or an array of strings", other)),
    }
}

fn text_part(part: &Map<String, Value>, at: &str) -> Result<String, ApiError> {
    let kind = part
        .get("type")
        .ok_or_else(|| ApiError::field(format!("{at}.type"), "missing_field", format!("missing field `{at}.type`")))?;
    match kind.as_str() {
        Some("text") => {}
        Some("image_url") => {
            return Err(ApiError::field(
                format!("{at}.type"),
                "unsupported_input",
                "images are not supported: postguard classifies text only",
            ));
        }
        Some(_) => {
            return Err(ApiError::field(
                format!("{at}.type"),
                "invalid_value",
                format!("`{at}.type` must be \"text\""),
            ));
        }
        None => return Err(wrong_type(&format!("{at}.type"), "a string", kind)),
    }
    if let Some(key) = part.keys().find(|k| *k != "type" && *k != "text") {
        return Err(ApiError::field(
            format!("{at}.{key}"),
            "unknown_field",
            format!("unknown field `{at}.{key}` in a text part"),
        ));
    }
    match part.get("text") {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(wrong_type(&format!("{at}.text"), "a string", other)),
        None => Err(ApiError::field(format!("{at}.text"), "missing_field", format!("missing field `{at}.text`"))),
    }
}

/// `POST /v1/classify`: `{"posts": [string | {"text": string, "context"?: string | null}]}`.
pub(crate) fn classify(v: &Value) -> Result<Vec<Post>, ApiError> {
    let map = object(v, &["posts"])?;
    let posts = required(map, "posts")?;
    let Value::Array(items) = posts else {
        return Err(wrong_type("posts", "an array of posts", posts));
    };
    if items.is_empty() {
        return Err(ApiError::field("posts", "empty_input", "`posts` is an empty array: send at least one post"));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("posts[{i}]");
            match item {
                Value::String(s) => Ok(Post::new(s.clone())),
                Value::Object(p) => {
                    if let Some(key) = p.keys().find(|k| *k != "text" && *k != "context") {
                        return Err(ApiError::field(
                            format!("{at}.{key}"),
                            "unknown_field",
                            format!("unknown field `{at}.{key}`; a post takes `text` and `context`"),
                        ));
                    }
                    let text = match p.get("text") {
                        Some(Value::String(s)) => s.clone(),
                        Some(other) => return Err(wrong_type(&format!("{at}.text"), "a string", other)),
                        None => {
                            return Err(ApiError::field(
                                format!("{at}.text"),
                                "missing_field",
                                format!("missing field `{at}.text`"),
                            ));
                        }
                    };
                    let context = match p.get("context") {
                        None | Some(Value::Null) => None,
                        Some(Value::String(s)) => Some(s.clone()),
                        Some(other) => return Err(wrong_type(&format!("{at}.context"), "a string or null", other)),
                    };
                    Ok(Post { text, context })
                }
                other => Err(wrong_type(&at, "a string or an object {\"text\", \"context\"}", other)),
            }
        })
        .collect()
}

/// `POST /v1/redact`: `{"input": string | [string]}`.
pub(crate) fn redact(v: &Value) -> Result<Vec<String>, ApiError> {
    let map = object(v, &["input"])?;
    texts(required(map, "input")?, "input", false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn param(e: &ApiError) -> &str {
        e.param.as_deref().unwrap_or("")
    }

    #[test]
    fn errors_name_the_field_and_the_expected_type() {
        let e = moderation(&json!({"input": ["ok", 5]})).unwrap_err();
        assert_eq!((param(&e), e.code), ("input[1]", "invalid_type"));
        assert!(e.message.contains("must be a string") && e.message.contains("not a number"), "{}", e.message);

        let e = moderation(&json!({"inputs": "x"})).unwrap_err();
        assert_eq!((param(&e), e.code), ("inputs", "unknown_field"));
        let e = moderation(&json!({"model": "omni-moderation-latest"})).unwrap_err();
        assert_eq!((param(&e), e.code), ("input", "missing_field"));
        let e = moderation(&json!({"input": []})).unwrap_err();
        assert_eq!((param(&e), e.code), ("input", "empty_input"));
        let e = moderation(&json!({"input": [{"type": "image_url", "image_url": {"url": "x"}}]})).unwrap_err();
        assert_eq!((param(&e), e.code), ("input[0].type", "unsupported_input"));
        let e = moderation(&json!(["a"])).unwrap_err();
        assert_eq!((e.param.as_deref(), e.code), (None, "invalid_type"));

        let e = classify(&json!({"posts": [{"text": "a"}, {"text": "b", "context": 3}]})).unwrap_err();
        assert_eq!(param(&e), "posts[1].context");
        let e = classify(&json!({"posts": [{"txt": "a"}]})).unwrap_err();
        assert_eq!((param(&e), e.code), ("posts[0].txt", "unknown_field"));
        let e = classify(&json!({"posts": [{"context": "a"}]})).unwrap_err();
        assert_eq!((param(&e), e.code), ("posts[0].text", "missing_field"));
        let e = redact(&json!({"input": [{"type": "text", "text": "a"}]})).unwrap_err();
        assert_eq!(param(&e), "input[0]");

        assert_eq!(json(b"  ").unwrap_err().code, "empty_body");
        let e = json(b"{\"input\": \"my secret post\"").unwrap_err();
        assert_eq!(e.code, "invalid_json");
        assert!(!e.message.contains("secret"), "{}", e.message);
    }

    #[test]
    fn every_accepted_shape_gives_its_texts_in_order() {
        assert_eq!(moderation(&json!({"input": "one"})).unwrap(), ["one"]);
        assert_eq!(
            moderation(&json!({"input": ["a", {"type": "text", "text": "b"}], "model": "omni-moderation-latest"}))
                .unwrap(),
            ["a", "b"]
        );
        assert_eq!(
            classify(&json!({"posts": ["a", {"text": "b", "context": "c"}, {"text": "d", "context": null}]})).unwrap(),
            [Post::new("a"), Post::new("b").with_context("c"), Post::new("d")]
        );
        assert_eq!(redact(&json!({"input": ["x", "y"]})).unwrap(), ["x", "y"]);
    }

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            ".{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(
                    (
                        prop_oneof![
                            Just("input".to_owned()),
                            Just("posts".to_owned()),
                            Just("text".to_owned()),
                            Just("context".to_owned()),
                            Just("type".to_owned()),
                            "[a-z]{1,6}"
                        ],
                        inner
                    ),
                    0..5
                )
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Any bytes: a JSON value or a 400, never a panic.
        #[test]
        fn any_body_parses_or_is_a_400(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            if let Err(e) = json(&bytes) {
                prop_assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST);
            }
        }

        /// Any JSON value: texts or a 400 whose field is a path into the body.
        #[test]
        fn any_value_is_texts_or_a_named_error(v in arb_json()) {
            for (name, result) in [
                ("moderation", moderation(&v).map(|t| t.len())),
                ("classify", classify(&v).map(|p| p.len())),
                ("redact", redact(&v).map(|t| t.len())),
            ] {
                match result {
                    Ok(n) => prop_assert!(n >= 1, "{} accepted no posts", name),
                    Err(e) => {
                        prop_assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST);
                        prop_assert!(!e.message.is_empty());
                        if let Some(p) = &e.param {
                            let root = p.split(['[', '.']).next().unwrap_or("");
                            prop_assert!(v.get(root).is_some() || ["input", "posts"].contains(&root), "{}: param {} not in the body", name, p);
                        }
                    }
                }
            }
        }

        /// Well-formed requests keep every text byte for byte, in order.
        #[test]
        fn texts_round_trip(texts in prop::collection::vec(any::<String>(), 1..8), ctx in prop::option::of(any::<String>())) {
            prop_assert_eq!(&moderation(&json!({"input": texts})).unwrap(), &texts);
            prop_assert_eq!(&redact(&json!({"input": texts})).unwrap(), &texts);
            let posts: Vec<Value> = texts.iter().map(|t| json!({"text": t, "context": ctx})).collect();
            let parsed = classify(&json!({"posts": posts})).unwrap();
            prop_assert!(parsed.iter().zip(&texts).all(|(p, t)| &p.text == t && p.context == ctx));
            let body = serde_json::to_vec(&json!({"input": texts})).unwrap();
            prop_assert_eq!(&moderation(&json(&body).unwrap()).unwrap(), &texts);
        }
    }
}
