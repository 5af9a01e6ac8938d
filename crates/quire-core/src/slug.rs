//! URL slugs for posts: from the `slug` field, else from the file name (Jekyll's
//! `YYYY-MM-DD-title.md` gives both a date and the slug `title`).

/// Lowercase ASCII letters, digits and single hyphens; other scripts are transliterated
/// (`Crème brûlée` → `creme-brulee`, `日本語` → `ri-ben-yu`), as Zola does.
pub fn slugify(s: &str) -> String {
    let ascii = deunicode::deunicode(s);
    let mut out = String::with_capacity(ascii.len());
    let mut pending_dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// True when `s` is already a slug (what `slugify` would return for it).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty() && slugify(s) == s
}

/// Date prefix (`YYYY-MM-DD`) and slug from a file stem.
pub fn from_file_stem(stem: &str) -> (Option<&str>, String) {
    let b = stem.as_bytes();
    let jekyll = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-';
    if jekyll {
        let slug = slugify(&stem[11..]);
        if !slug.is_empty() {
            return (Some(&stem[..10]), slug);
        }
    }
    (None, slugify(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_cases() {
        assert_eq!(
            slugify("Golang vs Python for backend"),
            "golang-vs-python-for-backend"
        );
        assert_eq!(slugify("  Hello,  World!  "), "hello-world");
        assert_eq!(slugify("Crème brûlée"), "creme-brulee");
        assert_eq!(slugify("a/../b c"), "a-b-c");
        assert_eq!(slugify("日本語"), "ri-ben-yu");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn jekyll_file_names() {
        assert_eq!(
            from_file_stem("2024-05-01-hello-world"),
            (Some("2024-05-01"), "hello-world".to_string())
        );
        assert_eq!(
            from_file_stem("hello world"),
            (None, "hello-world".to_string())
        );
        assert_eq!(
            from_file_stem("2024-05-01"),
            (None, "2024-05-01".to_string())
        );
    }

    #[test]
    fn is_slug_cases() {
        assert!(is_slug("a-b-1"));
        assert!(!is_slug("A b"));
        assert!(!is_slug("../x"));
        assert!(!is_slug(""));
    }
}
