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
    /// `categories` (a list) or `category` (one), as Jekyll and Hugo write them.
    pub categories: Vec<String>,
    pub draft: bool,
    pub slug: Option<String>,
    /// The post's image: `image`, `cover` (or Hugo themes' `cover.image`), Astro's `heroImage`,
    /// Zola's `[extra] image`, as written.
    pub image: Option<String>,
    /// `authors` (a list: Zola, Hugo, Astro) or `author` (one: Jekyll, Hugo), as written.
    pub authors: Vec<String>,
    /// Old addresses that must lead here: `aliases` (Zola, Hugo), `redirect_from` (Jekyll).
    pub aliases: Vec<String>,
    /// The address the post had in the generator it comes from, as `(field, value)`: `path`
    /// (Zola), `permalink` (Jekyll), `url` (Hugo). It gets a redirect, and may carry a date.
    pub old_address: Option<(String, String)>,
    /// The template or layout the front matter names (`template` in Zola, `layout` in Jekyll
    /// and Hugo): a file with nothing but that is another generator's page, not a post.
    pub template: Option<String>,
    /// The series the post is a part of: `series` (one text, or Hugo's taxonomy list), Zola's
    /// `taxonomies.series` or `extra.series`.
    pub series: Option<String>,
    /// Its place in the series: `series_order` or `series_weight` (or under `extra`); by date
    /// when not given.
    pub series_order: Option<u32>,
    /// Hugo's `translationKey`: links translations whose file names differ.
    pub translation_key: Option<String>,
    /// Every field as written, for templates in the body (`{{ page.x }}`, Hugo's `param`).
    pub fields: Map<String, Value>,
}

/// At most this many tags (and as many old addresses) per post; more are dropped with a
/// warning, so one hostile post cannot make every tag page repeat thousands of tags.
pub const MAX_TAGS: usize = 64;
pub const MAX_ALIASES: usize = 64;
pub const MAX_AUTHORS: usize = 16;

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
    // The first of several names other generators give a field (Astro's `pubDate`, Hugo's
    // `lastmod`, Jekyll's `last_modified_at`, `excerpt` …).
    let first_text =
        |keys: &[&str], diags: &mut Vec<Diagnostic>| keys.iter().find_map(|k| text(k, diags));
    meta.title = text("title", diags);
    meta.date = first_text(&["date", "pubDate", "published_at"], diags);
    meta.updated = first_text(
        &["updated", "updatedDate", "lastmod", "last_modified_at"],
        diags,
    );
    meta.description = first_text(&["description", "summary", "excerpt"], diags);
    meta.slug = text("slug", diags);
    meta.authors = match map.get("authors") {
        Some(value) => list(
            "authors",
            value,
            "authors: [Ann, Bob]",
            path,
            line("authors"),
            diags,
        ),
        None => text("author", diags).into_iter().collect(),
    };
    cap(
        &mut meta.authors,
        MAX_AUTHORS,
        "authors",
        path,
        line("authors"),
        diags,
    );
    meta.template = first_text(&["template", "layout"], diags);
    meta.translation_key = first_text(&["translationKey", "translation_key"], diags);
    let nested = |outer: &str, inner: &str| {
        map.get(outer)?
            .get(inner)?
            .as_str()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    meta.image = match map.get("cover") {
        Some(Value::Object(_)) => nested("cover", "image"),
        _ => first_text(&["image", "cover", "heroImage", "featured_image"], diags),
    }
    .or_else(|| nested("extra", "image"));
    meta.old_address = ["path", "permalink", "url"]
        .iter()
        .find_map(|k| text(k, diags).map(|v| (k.to_string(), v)));

    // Zola keeps tags under `[taxonomies]`.
    let taxonomy_tags = map
        .get("taxonomies")
        .and_then(|t| t.get("tags"))
        .map(|t| ("taxonomies.tags", t));
    let tags = map.get("tags").map(|t| ("tags", t)).or(taxonomy_tags);
    meta.tags = tags.map_or_else(Vec::new, |(key, value)| {
        list(key, value, "tags: [go, python]", path, line(key), diags)
    });
    cap(&mut meta.tags, MAX_TAGS, "tags", path, line("tags"), diags);
    let taxonomy_categories = map
        .get("taxonomies")
        .and_then(|t| t.get("categories"))
        .map(|t| ("taxonomies.categories", t));
    let categories = ["categories", "category"]
        .iter()
        .find_map(|k| map.get(*k).map(|v| (*k, v)))
        .or(taxonomy_categories);
    meta.categories = categories.map_or_else(Vec::new, |(key, value)| {
        list(
            key,
            value,
            "categories: [ruby, web]",
            path,
            line(key),
            diags,
        )
    });
    cap(
        &mut meta.categories,
        MAX_TAGS,
        "categories",
        path,
        line("categories"),
        diags,
    );
    let mut aliases = Vec::new();
    for key in ["aliases", "redirect_from"] {
        if let Some(value) = map.get(key) {
            aliases.extend(list(
                key,
                value,
                "aliases: [/old/address/]",
                path,
                line(key),
                diags,
            ));
        }
    }
    cap(
        &mut aliases,
        MAX_ALIASES,
        "aliases",
        path,
        line("aliases"),
        diags,
    );
    meta.aliases = aliases;

    let series = ["series"]
        .iter()
        .find_map(|k| map.get(*k).map(|v| (*k, v)))
        .or_else(|| Some(("taxonomies.series", map.get("taxonomies")?.get("series")?)))
        .or_else(|| Some(("extra.series", map.get("extra")?.get("series")?)));
    if let Some((key, value)) = series {
        let names = list(
            key,
            value,
            "series: Rust from scratch",
            path,
            line("series"),
            diags,
        );
        if names.len() > 1 {
            diags.push(
                Diagnostic::warning(
                    path,
                    format!(
                        "a post is part of one series; it is shown in “{}”, the other {} ignored",
                        names[0],
                        if names.len() == 2 { "is" } else { "are" }
                    ),
                )
                .field(key, Some(&compact(value)))
                .at_line(line("series")),
            );
        }
        meta.series = names.into_iter().next();
    }
    let order = ["series_order", "series_weight"]
        .iter()
        .find_map(|k| map.get(*k).map(|v| (k.to_string(), v)))
        .or_else(|| {
            let extra = map.get("extra")?;
            ["series_order", "series_weight"]
                .iter()
                .find_map(|k| extra.get(*k).map(|v| (format!("extra.{k}"), v)))
        });
    if let Some((key, value)) = order {
        let n = match value {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        meta.series_order = n.and_then(|n| u32::try_from(n).ok());
        if meta.series_order.is_none() {
            diags.push(
                Diagnostic::warning(
                    path,
                    format!(
                        "`{key}` must be a whole number (1, 2, …); the part is placed by its date"
                    ),
                )
                .field(&key, Some(&compact(value)))
                .at_line(line(key.trim_start_matches("extra."))),
            );
        }
    }

    // Jekyll's `published: false` is a draft.
    let draft = match (map.get("draft"), map.get("published")) {
        (None | Some(Value::Null), Some(Value::Bool(published))) => Some(Value::Bool(!published)),
        (d, _) => d.cloned(),
    };
    meta.draft = match draft.as_ref() {
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
    meta.fields = map;
    Some(meta)
}

/// A field that is a list of text, or one text (a `,`-separated one for tags). Items that are
/// not text are reported and dropped; empty and repeated items are dropped silently.
fn list(
    key: &str,
    value: &Value,
    example: &str,
    path: &str,
    line: Option<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut items: Vec<String> = match value {
        Value::Null => Vec::new(),
        // Jekyll writes several in one text: `categories: ruby web` or `tags: a, b`.
        Value::String(s) if key.ends_with("tags") => {
            s.split(',').map(|t| t.trim().to_string()).collect()
        }
        Value::String(s) if key.ends_with("categories") => {
            s.split([',', ' ']).map(|t| t.trim().to_string()).collect()
        }
        Value::String(s) => vec![s.trim().to_string()],
        Value::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                match item {
                    Value::String(s) => out.push(s.trim().to_string()),
                    Value::Number(n) => out.push(n.to_string()),
                    other => diags.push(
                        Diagnostic::warning(
                            path,
                            format!(
                                "each item of `{key}` must be text, not {}; that item is ignored",
                                kind(other)
                            ),
                        )
                        .field(key, Some(&compact(other)))
                        .at_line(line),
                    ),
                }
            }
            out
        }
        other => {
            diags.push(
                Diagnostic::warning(
                    path,
                    format!(
                        "`{key}` must be a list of text ({example}), not {}; the field is ignored",
                        kind(other)
                    ),
                )
                .field(key, Some(&compact(other)))
                .at_line(line),
            );
            Vec::new()
        }
    };
    let mut seen = std::collections::HashSet::new();
    items.retain(|t| !t.is_empty() && seen.insert(t.clone()));
    items
}

/// Keeps the first `max` items, with a warning naming how many were dropped.
fn cap(
    items: &mut Vec<String>,
    max: usize,
    key: &str,
    path: &str,
    line: Option<usize>,
    diags: &mut Vec<Diagnostic>,
) {
    if items.len() > max {
        diags.push(
            Diagnostic::warning(
                path,
                format!(
                    "{} {key}; a post keeps at most {max}, so the other {} are ignored",
                    items.len(),
                    items.len() - max
                ),
            )
            .field(key, None)
            .at_line(line),
        );
        items.truncate(max);
    }
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
