//! Front-matter fields: the syntax (YAML or TOML) read into a map, then each field quire
//! understands read from it, with a diagnostic for every value it had to repair or ignore.

use crate::diagnostics::Diagnostic;
use crate::front_matter::{Format, FrontMatter};
use serde_json::{Map, Value};

/// Front-matter fields quire reads; others are ignored, so files written for Jekyll, Hugo,
/// Zola or Astro keep working.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub draft: bool,
    pub slug: Option<String>,
    pub author: Option<String>,
}

/// Parses the front matter into fields. `None` when its syntax is broken (reported as an error).
pub fn parse_meta(fm: &FrontMatter, path: &str, diags: &mut Vec<Diagnostic>) -> Option<Meta> {
    let map = match to_map(fm) {
        Ok((m, repaired)) => {
            for (key, line, value) in repaired {
                diags.push(
                    Diagnostic::warning(
                        path,
                        "the value contains `: `, which strict YAML rejects; it is read as plain text. Put it in quotes to silence this",
                    )
                    .field(&key, Some(&value))
                    .at_line(Some(line)),
                );
            }
            m
        }
        Err((reason, line)) => {
            diags.push(
                Diagnostic::error(
                    path,
                    format!(
                        "invalid {} front matter: {reason}; the post is skipped until it is fixed",
                        fm.format.name()
                    ),
                )
                .at_line(line.or(Some(fm.first_line))),
            );
            return None;
        }
    };
    let fm_opt = Some(fm.clone());
    let line = |key: &str| field_line(&fm_opt, key);
    let mut meta = Meta::default();
    let text = |key: &str, diags: &mut Vec<Diagnostic>| -> Option<String> {
        match map.get(key)? {
            Value::Null => None,
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                diags.push(
                    Diagnostic::warning(
                        path,
                        format!(
                            "`{key}` must be text, not {}; the field is ignored",
                            kind(other)
                        ),
                    )
                    .field(key, Some(&compact(other)))
                    .at_line(line(key)),
                );
                None
            }
        }
    };
    meta.title = text("title", diags);
    meta.date = text("date", diags);
    meta.updated = text("updated", diags);
    meta.description = text("description", diags);
    meta.slug = text("slug", diags);
    meta.author = text("author", diags);

    meta.tags = match map.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => s.split(',').map(|t| t.trim().to_string()).collect(),
        Some(Value::Array(items)) => {
            let mut tags = Vec::new();
            for item in items {
                match item {
                    Value::String(s) => tags.push(s.trim().to_string()),
                    Value::Number(n) => tags.push(n.to_string()),
                    other => diags.push(
                        Diagnostic::warning(
                            path,
                            format!(
                                "each tag must be text, not {}; that tag is ignored",
                                kind(other)
                            ),
                        )
                        .field("tags", Some(&compact(other)))
                        .at_line(line("tags")),
                    ),
                }
            }
            tags
        }
        Some(other) => {
            diags.push(
                Diagnostic::warning(
                    path,
                    format!("`tags` must be a list of text (tags: [go, python]), not {}; the field is ignored", kind(other)),
                )
                .field("tags", Some(&compact(other)))
                .at_line(line("tags")),
            );
            Vec::new()
        }
    };
    let mut seen = Vec::new();
    meta.tags.retain(|t| {
        !t.is_empty() && !seen.contains(t) && {
            seen.push(t.clone());
            true
        }
    });

    meta.draft = match map.get("draft") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            let value = compact(other);
            let (draft, how) = match value.to_ascii_lowercase().trim_matches('"') {
                "true" | "yes" | "on" => (true, "read as true"),
                "false" | "no" | "off" => (false, "read as false"),
                _ => (true, "the post is treated as a draft to be safe"),
            };
            diags.push(
                Diagnostic::warning(
                    path,
                    format!("`draft` must be true or false, not {}; {how}", kind(other)),
                )
                .field("draft", Some(&value))
                .at_line(line("draft")),
            );
            draft
        }
    };
    Some(meta)
}

/// A top-level field whose value was quoted so YAML could read it: (key, file line, value).
type Repaired = Vec<(String, usize, String)>;

/// Why front matter could not be read, and the file line where known.
type SyntaxError = (String, Option<usize>);

fn to_map(fm: &FrontMatter) -> Result<(Map<String, Value>, Repaired), SyntaxError> {
    let mut repaired = Vec::new();
    let value = match fm.format {
        Format::Yaml => {
            if fm.text.trim().is_empty() {
                return Ok((Map::new(), repaired));
            }
            match serde_yaml_ng::from_str::<Value>(fm.text) {
                Ok(v) => v,
                Err(e) => {
                    let error = || {
                        let line = e
                            .location()
                            .map(|l| fm.first_line + l.line().saturating_sub(1));
                        (first_sentence(&e.to_string()), line)
                    };
                    // Blog front matter is often written like `description: Python or Go: which?`,
                    // which strict YAML rejects. Quoting such one-line values and letting the
                    // YAML parser try again publishes what the author meant, with a warning.
                    let (text, fixed) = quote_colon_values(fm.text, fm.first_line);
                    if fixed.is_empty() {
                        return Err(error());
                    }
                    match serde_yaml_ng::from_str::<Value>(&text) {
                        Ok(v) => {
                            repaired = fixed;
                            v
                        }
                        Err(_) => return Err(error()),
                    }
                }
            }
        }
        Format::Toml => {
            let table = toml::from_str::<toml::Table>(fm.text).map_err(|e| {
                let line = e.span().map(|s| {
                    fm.first_line + fm.text[..s.start.min(fm.text.len())].matches('\n').count()
                });
                (e.message().trim().to_string(), line)
            })?;
            toml_to_json(toml::Value::Table(table))
        }
    };
    match value {
        Value::Object(m) => Ok((m, repaired)),
        Value::Null => Ok((Map::new(), repaired)),
        other => Err((
            format!("expected `key: value` fields, found {}", kind(&other)),
            Some(fm.first_line),
        )),
    }
}

/// Single-quotes top-level `key: value` lines whose plain value contains `: `.
fn quote_colon_values(text: &str, first_line: usize) -> (String, Repaired) {
    let mut out = String::with_capacity(text.len() + 16);
    let mut fixed = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let ending = &line[content.len()..];
        let candidate = content.split_once(": ").and_then(|(key, value)| {
            let key_ok = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
            let value = value.trim();
            let plain = !value.starts_with([
                '\'', '"', '[', '{', '|', '>', '&', '*', '!', '#', '%', '@', '`',
            ]);
            (key_ok && plain && value.contains(": ")).then_some((key, value))
        });
        match candidate {
            Some((key, value)) => {
                out.push_str(&format!("{key}: '{}'{ending}", value.replace('\'', "''")));
                fixed.push((key.to_string(), first_line + i, value.to_string()));
            }
            None => out.push_str(line),
        }
    }
    (out, fixed)
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn first_sentence(s: &str) -> String {
    // serde_yaml_ng appends " at line X column Y"; the line is reported separately.
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table of fields",
    }
}

fn compact(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// 1-based file line of a top-level front-matter key, found by its `key:` / `key =` line.
pub fn field_line(fm: &Option<FrontMatter>, key: &str) -> Option<usize> {
    let fm = fm.as_ref()?;
    fm.text
        .lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
        })
        .map(|i| fm.first_line + i)
}
