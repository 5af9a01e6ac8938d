//! The variables a post's template code reads: `page.*` (its front matter and what quire made
//! of it), `site.*` (quire.toml, with `[params]`), and what Liquid assigned.

use super::liquid::{Scope, Value};
use super::Page;
use crate::manifest::Site;
use serde_json::Value as Json;

/// The variables of a post: `page.*` (its front matter and what quire made of it), `site.*`
/// (quire.toml, with `[params]`), and what Liquid assigned.
pub(super) struct PostScope<'a> {
    pub site: &'a Site,
    pub page: &'a Page<'a>,
    pub assigned: &'a [(String, Value)],
}

pub(super) fn json_value(v: &Json, rest: &[String]) -> Option<Value> {
    match (v, rest) {
        (Json::Object(m), [key, more @ ..]) => json_value(m.get(key)?, more),
        (Json::Array(a), [index, more @ ..]) => {
            json_value(a.get(index.parse::<usize>().ok()?)?, more)
        }
        (_, [_, ..]) => None,
        (Json::Null, []) => Some(Value::Nil),
        (Json::String(s), []) => Some(Value::Text(s.clone())),
        (Json::Array(a), []) => Some(Value::List(
            a.iter()
                .map(|i| match i {
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect(),
        )),
        (other, []) => Some(Value::Text(other.to_string())),
    }
}

impl PostScope<'_> {
    fn page_var(&self, key: &str, rest: &[String]) -> Option<Value> {
        let p = self.page;
        let text = |s: &str| Some(Value::Text(s.to_string()));
        if rest.is_empty() {
            match key {
                "title" => return text(p.title),
                "date" => return p.date.and_then(text),
                "url" | "permalink" => return text(&p.url),
                _ => {}
            }
        }
        let field = match key {
            "excerpt" | "description" | "summary" => ["description", "summary", "excerpt"]
                .iter()
                .find_map(|k| p.fields.get(*k)),
            _ => p.fields.get(key),
        };
        json_value(field?, rest)
    }

    fn site_var(&self, key: &str, rest: &[String]) -> Option<Value> {
        let s = self.site;
        let text = |v: &str| Some(Value::Text(v.to_string()));
        match (key, rest) {
            ("title", []) => text(&s.title),
            ("description", []) => text(&s.description),
            ("author", []) => s.author.as_deref().map_or(Some(Value::Nil), text),
            ("url", []) => text(&site_url(s)),
            // quire adds the base path to every address that starts with `/`.
            ("baseurl", []) => text(""),
            ("lang" | "language" | "languageCode", []) => text(&s.language),
            ("params", more) => param(s, &more.join(".")).map(Value::Text),
            _ => {
                let key = std::iter::once(key.to_string())
                    .chain(rest.iter().cloned())
                    .collect::<Vec<_>>()
                    .join(".");
                param(s, &key).map(Value::Text)
            }
        }
    }
}

fn site_url(site: &Site) -> String {
    site.base_url
        .as_deref()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_string()
}

pub(super) fn param(site: &Site, key: &str) -> Option<String> {
    site.templates
        .params
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.clone())
}

impl Scope for PostScope<'_> {
    fn var(&self, path: &[String]) -> Option<Value> {
        let (root, rest) = path.split_first()?;
        match root.as_str() {
            "page" => self.page_var(rest.first()?, &rest[1..]),
            "site" => self.site_var(rest.first()?, &rest[1..]),
            name => {
                let (_, v) = self.assigned.iter().rev().find(|(n, _)| n == name)?;
                rest.is_empty().then(|| v.clone())
            }
        }
    }
    fn site_url(&self) -> String {
        site_url(self.site)
    }
}
