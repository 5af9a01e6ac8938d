//! A shortcode's arguments as Hugo (`src="x.png" caption='a'`, `w7Ft2ymGmfc`) and Zola
//! (`id="x", autoplay=true, list=[1, 2]`) write them: named and positional, as text.

/// Arguments by name and by position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    pub positional: Vec<String>,
    pub named: Vec<(String, String)>,
}

impl Args {
    /// The argument called `name`, or else the one at `position`.
    pub fn get(&self, name: &str, position: Option<usize>) -> Option<&str> {
        self.named
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .or_else(|| position.and_then(|p| self.positional.get(p).map(String::as_str)))
            .filter(|v| !v.is_empty())
    }

    /// Whether a yes/no argument is set (`open`, `open=true`, `autoplay="1"`).
    pub fn flag(&self, name: &str) -> bool {
        self.get(name, None)
            .is_some_and(|v| matches!(v, "true" | "1" | "yes" | "open"))
            || self.positional.iter().any(|p| p == name)
    }
}

/// A quoted text at the start of `s` (`"…"` with `\"` escapes, `'…'`, or `` `…` `` taken as
/// written): the text and what follows it.
fn quoted(s: &str) -> Result<Option<(String, &str)>, String> {
    let Some(q) = s.chars().next().filter(|c| matches!(c, '"' | '\'' | '`')) else {
        return Ok(None);
    };
    let mut out = String::new();
    let mut chars = s[1..].char_indices();
    while let Some((i, c)) = chars.next() {
        if c == q {
            return Ok(Some((out, &s[1 + i + 1..])));
        }
        if c == '\\' && q != '`' {
            match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, e)) => out.push(e),
                None => break,
            }
            continue;
        }
        out.push(c);
    }
    Err(format!("its quotes are unbalanced (a {q} is never closed)"))
}

/// Hugo's arguments: separated by spaces, each `name=value` or a value; values quoted or bare.
pub fn hugo(s: &str) -> Result<Args, String> {
    let mut args = Args::default();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let (name, after) = match bare_name(rest) {
            Some((name, after)) if after.trim_start().starts_with('=') => {
                (Some(name), after.trim_start()[1..].trim_start())
            }
            _ => (None, rest),
        };
        let (value, after) = match quoted(after)? {
            Some((v, after)) => (v, after),
            None => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (after[..end].to_string(), &after[end..])
            }
        };
        match name {
            Some(n) => args.named.push((n.to_string(), value)),
            None => args.positional.push(value),
        }
        rest = after.trim_start();
    }
    Ok(args)
}

/// An argument's name (`src`, `data-x`) at the start of `s`, and what follows.
fn bare_name(s: &str) -> Option<(&str, &str)> {
    let end = s
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-')))
        .unwrap_or(s.len());
    (end > 0).then(|| (&s[..end], &s[end..]))
}

/// Zola's arguments: `name=value` pairs separated by commas; values are quoted texts,
/// numbers, `true`/`false` or arrays (`[1, "a"]`, joined with `, `).
pub fn zola(s: &str) -> Result<Args, String> {
    let mut args = Args::default();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let Some((name, after)) = bare_name(rest) else {
            return Err(format!(
                "an argument must be `name=value`, not {:?}",
                short(rest)
            ));
        };
        let Some(after) = after.trim_start().strip_prefix('=') else {
            return Err(format!("the argument `{name}` has no `=value`"));
        };
        let (value, after) = zola_value(after.trim_start())?;
        args.named.push((name.to_string(), value));
        rest = after.trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    }
    Ok(args)
}

fn zola_value(s: &str) -> Result<(String, &str), String> {
    if let Some((v, after)) = quoted(s)? {
        return Ok((v, after));
    }
    if let Some(mut rest) = s.strip_prefix('[') {
        let mut items = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix(']') {
                return Ok((items.join(", "), after));
            }
            if rest.is_empty() {
                return Err("an array is never closed with `]`".into());
            }
            let (v, after) = zola_value(rest)?;
            items.push(v);
            rest = after.trim_start();
            rest = rest.strip_prefix(',').unwrap_or(rest);
        }
    }
    let end = s
        .find(|c: char| c == ',' || c == ']' || c.is_whitespace())
        .unwrap_or(s.len());
    if end == 0 {
        return Err(format!("no value at {:?}", short(s)));
    }
    Ok((s[..end].to_string(), &s[end..]))
}

fn short(s: &str) -> &str {
    let mut end = s.len().min(40);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_arguments_named_and_positional() {
        let a =
            hugo(r#"src="/img/a b.png" caption='It "works"' link=https://x.y w7Ft2ymGmfc `raw\n`"#)
                .unwrap();
        assert_eq!(a.get("src", None), Some("/img/a b.png"));
        assert_eq!(a.get("caption", None), Some("It \"works\""));
        assert_eq!(a.get("link", None), Some("https://x.y"));
        assert_eq!(a.get("id", Some(0)), Some("w7Ft2ymGmfc"));
        assert_eq!(a.positional[1], "raw\\n");
        let a = hugo(r#""with \"escape\"" open"#).unwrap();
        assert_eq!(a.positional, ["with \"escape\"", "open"]);
        assert!(a.flag("open"));
        assert!(hugo(r#"src="never closed"#)
            .unwrap_err()
            .contains("unbalanced"));
    }

    #[test]
    fn zola_arguments_with_types() {
        let a = zola(r#"id="dQw4w9WgXcQ", autoplay=true, n=3, tags=["a", 'b'], q=`x`"#).unwrap();
        assert_eq!(a.get("id", None), Some("dQw4w9WgXcQ"));
        assert!(a.flag("autoplay"));
        assert_eq!(a.get("n", None), Some("3"));
        assert_eq!(a.get("tags", None), Some("a, b"));
        assert_eq!(a.get("q", None), Some("x"));
        assert!(zola("id=\"x").is_err());
        assert!(zola("oops").is_err());
        assert!(zola("a=[1, 2").is_err());
    }
}
