//! A language's messages, parsed from its JSON file: each key is the English text; a value is
//! the translation, or an object of plural forms (`{"one": …, "few": …, "other": …}`).

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Text(&'static str),
    Plural(HashMap<&'static str, &'static str>),
}

#[derive(Debug, Default)]
pub struct Catalogue {
    messages: HashMap<&'static str, Message>,
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl Catalogue {
    /// Parses a catalogue; its strings are leaked (one catalogue per language per session).
    pub fn parse(json: &str) -> Result<Catalogue, String> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let serde_json::Value::Object(map) = value else {
            return Err("a catalogue is a JSON object".into());
        };
        let mut messages = HashMap::with_capacity(map.len());
        for (key, v) in map {
            let message = match v {
                serde_json::Value::String(s) => Message::Text(leak(s)),
                serde_json::Value::Object(forms) => {
                    let mut out = HashMap::new();
                    for (cat, form) in forms {
                        let serde_json::Value::String(form) = form else {
                            return Err(format!("plural form {cat} of {key:?} is not a string"));
                        };
                        out.insert(leak(cat), leak(form));
                    }
                    Message::Plural(out)
                }
                _ => return Err(format!("{key:?} is neither a string nor plural forms")),
            };
            messages.insert(leak(key), message);
        }
        Ok(Catalogue { messages })
    }

    pub fn get(&self, key: &str) -> Option<&Message> {
        self.messages.get(key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.messages.keys().copied()
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
}

/// Whether `s` can be a placeholder name (`{n}`, `{account_name}`).
pub fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The placeholder names of a message, sorted and without repeats.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if is_name(&after[..end]) => {
                out.push(after[..end].to_string());
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_texts_and_plural_forms() {
        let c = Catalogue::parse(r#"{"a": "b", "{n} x": {"one": "{n} y", "other": "{n} ys"}}"#).unwrap();
        assert_eq!(c.get("a"), Some(&Message::Text("b")));
        assert!(matches!(c.get("{n} x"), Some(Message::Plural(f)) if f.get("one") == Some(&"{n} y")));
        assert!(Catalogue::parse("[1]").is_err());
        assert!(Catalogue::parse(r#"{"a": 1}"#).is_err());
        assert_eq!(placeholders("{b} and {a}, {a} {} {x y}"), vec!["a".to_string(), "b".to_string()]);
    }
}
