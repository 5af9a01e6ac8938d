//! A site's own shortcodes, defined in `quire.toml` since quire cannot run Hugo's Go templates
//! or Zola's Tera ones:
//!
//! ```toml
//! [shortcodes.notice]
//! markdown = """
//! > [!{{ 0 | upcase }}]
//! > {{ inner }}
//! """
//! ```
//!
//! The pattern is Markdown (HTML allowed, and sanitised like any post's). `{{ name }}` is the
//! named argument, `{{ 0 }}` the first positional one, `{{ inner }}` (or `{{ body }}`) the
//! Markdown between the opening and closing tags, `{{ page.title }}` and `{{ site.title }}` as
//! in a post; Liquid's filters apply (`| default: "Note"`, `| upcase`). Arguments are written as
//! text (HTML-escaped); the inner Markdown as Markdown, each of its lines after the first
//! behind the same `>` or indentation as the placeholder, so it stays inside a quote or list.

use super::args::Args;
use super::liquid::{self, Scope, Value};

/// The arguments and inner text a pattern fills in, over the post's own variables.
struct Filled<'a> {
    args: &'a Args,
    inner: &'a str,
    outer: &'a dyn Scope,
}

impl Scope for Filled<'_> {
    fn var(&self, path: &[String]) -> Option<Value> {
        let [one] = path else {
            return self.outer.var(path);
        };
        if one == "inner" || one == "body" {
            return Some(Value::Text(self.inner.to_string()));
        }
        let by_position = one.parse::<usize>().ok();
        match self.args.get(one, by_position) {
            Some(v) => Some(Value::Text(v.to_string())),
            // An argument the tag did not give is empty, so `| default:` can fill it.
            None if by_position.is_some() || !matches!(one.as_str(), "page" | "site") => {
                Some(Value::Nil)
            }
            None => self.outer.var(path),
        }
    }
    fn site_url(&self) -> String {
        self.outer.site_url()
    }
}

/// Fills in `pattern`. An expression it cannot read is an error naming it.
pub fn fill(pattern: &str, args: &Args, inner: &str, outer: &dyn Scope) -> Result<String, String> {
    let scope = Filled { args, inner, outer };
    let mut out = String::with_capacity(pattern.len() + inner.len());
    let mut rest = pattern;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else {
            return Err("a `{{` in its pattern is never closed".into());
        };
        let expr = after[..j].trim();
        let is_inner = matches!(expr, "inner" | "body");
        let value = liquid::eval(expr, &scope)?.text();
        if is_inner {
            let lead = super::lead::trailing(&out).unwrap_or("").to_string();
            super::lead::push_lines(&mut out, value.trim_matches('\n'), &lead);
        } else {
            out.push_str(&crate::escape::escape(&value));
        }
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    Ok(out.trim_end_matches('\n').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shortcodes::args;

    struct Page;
    impl Scope for Page {
        fn var(&self, path: &[String]) -> Option<Value> {
            (path.join(".") == "page.title").then(|| Value::Text("T".into()))
        }
        fn site_url(&self) -> String {
            String::new()
        }
    }

    #[test]
    fn a_pattern_fills_in_arguments_and_inner_markdown() {
        let a = args::hugo("warning title=\"Mind <this>\"").unwrap();
        let out = fill(
            "> [!{{ 0 | upcase }}]\n> **{{ title | default: \"Note\" }}** ({{ page.title }})\n> {{ inner }}\n",
            &a,
            "\nline one\n\nline *two*\n",
            &Page,
        )
        .unwrap();
        assert_eq!(
            out,
            "> [!WARNING]\n> **Mind &lt;this&gt;** (T)\n> line one\n>\n> line *two*"
        );
        let none = args::hugo("").unwrap();
        assert_eq!(
            fill("{{ title | default: \"Note\" }}", &none, "", &Page).unwrap(),
            "Note"
        );
        assert!(fill("{{ x | nope }}", &none, "", &Page)
            .unwrap_err()
            .contains("nope"));
        assert!(fill("{{ x", &none, "", &Page).is_err());
    }
}
