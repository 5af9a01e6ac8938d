//! Liquid's values and filters, as far as a post needs them: `{{ page.title }}`,
//! `{{ "/about/" | relative_url }}`, `{{ page.date | date: "%B %-d, %Y" }}`. Also how a
//! site's own shortcode patterns (`quire.toml`) fill in their arguments.

/// A value: nothing, a text, or a list (tags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Nil,
    Text(String),
    List(Vec<String>),
}

impl Value {
    /// As Liquid prints it: a list's items one after the other.
    pub fn text(&self) -> String {
        match self {
            Value::Nil => String::new(),
            Value::Text(t) => t.clone(),
            Value::List(l) => l.concat(),
        }
    }
    fn is_empty(&self) -> bool {
        match self {
            Value::Nil => true,
            Value::Text(t) => t.is_empty(),
            Value::List(l) => l.is_empty(),
        }
    }
}

/// Where variables come from.
pub trait Scope {
    /// `page.title` as `["page", "title"]`; `None` for a variable it does not have.
    fn var(&self, path: &[String]) -> Option<Value>;
    /// The site's address without a trailing `/` (`https://example.com/blog`), for
    /// `absolute_url`.
    fn site_url(&self) -> String;
}

/// Evaluates `value | filter: arg, arg | …`. An unknown variable or filter is an error naming
/// it (the caller removes the output and warns).
pub fn eval(expr: &str, scope: &dyn Scope) -> Result<Value, String> {
    let parts = split_outside_quotes(expr, '|');
    let mut value = operand(parts[0].trim(), scope)?;
    for filter in &parts[1..] {
        let filter = filter.trim();
        let (name, args) = match filter.split_once(':') {
            Some((n, a)) => (n.trim(), split_outside_quotes(a, ',')),
            None => (filter, Vec::new()),
        };
        let args = args
            .iter()
            .map(|a| operand(a.trim(), scope))
            .collect::<Result<Vec<_>, _>>()?;
        value = apply(name, value, &args, scope)?;
    }
    Ok(value)
}

fn split_outside_quotes(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut from = 0;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == sep => {
                parts.push(&s[from..i]);
                from = i + 1;
            }
            None => {}
        }
    }
    parts.push(&s[from..]);
    parts
}

/// A quoted text, a number, `true`/`false`/`nil`, or a variable.
fn operand(s: &str, scope: &dyn Scope) -> Result<Value, String> {
    let first = s.chars().next().unwrap_or(' ');
    if (first == '"' || first == '\'') && s.len() >= 2 && s.ends_with(first) {
        return Ok(Value::Text(s[1..s.len() - 1].to_string()));
    }
    if s.is_empty() {
        return Err("an empty value".into());
    }
    // A site's pattern names positional arguments by number (`{{ 0 }}`).
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(scope
            .var(&[s.to_string()])
            .unwrap_or_else(|| Value::Text(s.to_string())));
    }
    if s.parse::<f64>().is_ok() || s == "true" || s == "false" {
        return Ok(Value::Text(s.to_string()));
    }
    if s == "nil" || s == "empty" {
        return Ok(Value::Nil);
    }
    let path = path(s).ok_or_else(|| format!("`{s}` is not a value quire can read"))?;
    scope
        .var(&path)
        .ok_or_else(|| format!("`{s}` is not a variable quire knows"))
}

/// `page.title`, `site["title"]`, `page.tags[0]` as path segments.
fn path(s: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for part in s.split('.') {
        let (head, mut rest) = part.split_once('[').map_or((part, ""), |(h, r)| (h, r));
        if !head.is_empty() {
            if !head
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                return None;
            }
            out.push(head.to_string());
        }
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']')?;
            out.push(index.trim_matches(['"', '\'']).to_string());
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    (!out.is_empty()).then_some(out)
}

fn arg(args: &[Value], i: usize) -> String {
    args.get(i).map(Value::text).unwrap_or_default()
}

fn apply(name: &str, value: Value, args: &[Value], scope: &dyn Scope) -> Result<Value, String> {
    let text = || value.text();
    let t = |s: String| Ok(Value::Text(s));
    match name {
        // quire adds the base path to every address that starts with `/`.
        "relative_url" => t(rooted(&text())),
        "absolute_url" => t(format!("{}{}", scope.site_url(), rooted(&text()))),
        "upcase" => t(text().to_uppercase()),
        "downcase" => t(text().to_lowercase()),
        "capitalize" => {
            let s = text();
            let mut c = s.chars();
            t(c.next()
                .map(|f| f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase())
                .unwrap_or_default())
        }
        "strip" => t(text().trim().to_string()),
        "lstrip" => t(text().trim_start().to_string()),
        "rstrip" => t(text().trim_end().to_string()),
        "strip_newlines" => t(text().replace(['\n', '\r'], "")),
        // Every value is escaped where it is written; escaping twice would show `&amp;`.
        "escape" | "xml_escape" | "escape_once" | "markdownify" | "smartify" => Ok(value),
        "strip_html" => t(super::strip_tags(&text())),
        "append" => t(text() + &arg(args, 0)),
        "prepend" => t(arg(args, 0) + &text()),
        "default" => Ok(if value.is_empty() {
            args.first().cloned().unwrap_or(Value::Nil)
        } else {
            value
        }),
        "replace" => t(text().replace(&arg(args, 0), &arg(args, 1))),
        "remove" => t(text().replace(&arg(args, 0), "")),
        "slugify" => t(crate::slug::slugify(&text())),
        "url_encode" | "uri_escape" | "cgi_escape" => t(crate::url::encode_component(&text())),
        "size" => t(match &value {
            Value::List(l) => l.len(),
            other => other.text().chars().count(),
        }
        .to_string()),
        "number_of_words" => t(text().split_whitespace().count().to_string()),
        "join" => t(match &value {
            Value::List(l) => l.join(&args.first().map_or(" ".to_string(), Value::text)),
            other => other.text(),
        }),
        "first" | "last" => Ok(match value {
            Value::List(l) => {
                let item = if name == "first" { l.first() } else { l.last() };
                item.cloned().map_or(Value::Nil, Value::Text)
            }
            other => other,
        }),
        "truncate" => {
            let n: usize = arg(args, 0).parse().unwrap_or(50);
            let s = text();
            t(if s.chars().count() > n {
                s.chars().take(n.saturating_sub(3)).collect::<String>() + "..."
            } else {
                s
            })
        }
        "truncatewords" => {
            let n: usize = arg(args, 0).parse().unwrap_or(15);
            let s = text();
            let words: Vec<&str> = s.split_whitespace().collect();
            t(if words.len() > n {
                words[..n].join(" ") + "..."
            } else {
                s
            })
        }
        "date" => date(&text(), &arg(args, 0)).map(Value::Text),
        "date_to_string" => date(&text(), "%d %b %Y").map(Value::Text),
        "date_to_long_string" => date(&text(), "%d %B %Y").map(Value::Text),
        "date_to_xmlschema" => date(&text(), "%Y-%m-%dT%H:%M:%S%:z").map(Value::Text),
        "date_to_rfc822" => date(&text(), "%a, %d %b %Y %H:%M:%S %z").map(Value::Text),
        other => Err(format!("the filter `{other}` is not one quire knows")),
    }
}

fn rooted(s: &str) -> String {
    if s.starts_with('/') || s.contains("://") {
        s.to_string()
    } else {
        format!("/{s}")
    }
}

/// A date (as quire reads dates) in a strftime format; a format chrono cannot read is an
/// error, never a panic.
fn date(value: &str, format: &str) -> Result<String, String> {
    use chrono::format::{Item, StrftimeItems};
    let parsed = crate::date::parse(value).map_err(|r| format!("{value:?} is not a date ({r})"))?;
    let stamp = chrono::DateTime::from_timestamp(parsed.timestamp, 0)
        .ok_or_else(|| format!("{value:?} is out of range"))?;
    let items: Vec<Item> = StrftimeItems::new(format).collect();
    if items.iter().any(|i| matches!(i, Item::Error)) {
        return Err(format!(
            "the date format {format:?} is not one chrono reads"
        ));
    }
    Ok(stamp
        .naive_utc()
        .format_with_items(items.into_iter())
        .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Vars;
    impl Scope for Vars {
        fn var(&self, path: &[String]) -> Option<Value> {
            match path.join(".").as_str() {
                "page.title" => Some(Value::Text("Hello <World>".into())),
                "page.date" => Some(Value::Text("2024-05-02 09:30".into())),
                "page.tags" => Some(Value::List(vec!["a".into(), "b".into()])),
                "page.empty" => Some(Value::Nil),
                _ => None,
            }
        }
        fn site_url(&self) -> String {
            "https://example.com/blog".into()
        }
    }

    fn ev(s: &str) -> Result<String, String> {
        eval(s, &Vars).map(|v| v.text())
    }

    #[test]
    fn variables_and_filters() {
        assert_eq!(ev("page.title").unwrap(), "Hello <World>");
        assert_eq!(ev("page.title | upcase").unwrap(), "HELLO <WORLD>");
        assert_eq!(ev("\"/about/\" | relative_url").unwrap(), "/about/");
        assert_eq!(
            ev("'assets/a.png' | absolute_url").unwrap(),
            "https://example.com/blog/assets/a.png"
        );
        assert_eq!(ev("page.tags | join: \", \"").unwrap(), "a, b");
        assert_eq!(ev("page.tags").unwrap(), "ab");
        assert_eq!(ev("page.empty | default: \"none\"").unwrap(), "none");
        assert_eq!(
            ev("page.date | date: \"%B %-d, %Y\"").unwrap(),
            "May 2, 2024"
        );
        assert_eq!(ev("page.date | date_to_string").unwrap(), "02 May 2024");
        assert_eq!(ev("'a|b' | append: '|c'").unwrap(), "a|b|c");
    }

    #[test]
    fn what_quire_cannot_read_is_an_error_never_a_panic() {
        assert!(ev("post.title").unwrap_err().contains("`post.title`"));
        assert!(ev("page.title | shout").unwrap_err().contains("`shout`"));
        assert!(ev("page.date | date: \"%Q\"").is_err());
        assert!(ev("page.title | date: \"%Y\"").is_err());
    }
}
