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
        // Zola also accepts `2024-05-01_title`.
        && (b[10] == b'-' || b[10] == b'_');
    if jekyll {
        let slug = slugify(&stem[11..]);
        if !slug.is_empty() {
            return (Some(&stem[..10]), slug);
        }
    }
    (None, slugify(stem))
}

/// Where a post file sits under `posts/`, as address parts: its section folders (slugified;
/// folders starting with `_`, such as Jekyll's `_posts`, add nothing) and the name its slug and
/// date come from. A page bundle (`x/index.md`, as in Hugo and Zola) is named by its folder.
/// `posts/rust/2024-01-02-intro.md` → (`["rust"]`, `"2024-01-02-intro"`).
pub fn location(rel_path: &str) -> (Vec<String>, &str) {
    let inner = rel_path
        .strip_prefix("posts/")
        .or_else(|| rel_path.strip_prefix("pages/"))
        .unwrap_or(rel_path);
    let mut parts: Vec<&str> = inner.split('/').filter(|p| !p.is_empty()).collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file
        .strip_suffix(".markdown")
        .or_else(|| file.strip_suffix(".md"))
        .unwrap_or(file);
    let name = if stem == "index" {
        parts.pop().unwrap_or(stem)
    } else {
        stem
    };
    let sections = parts
        .iter()
        .filter(|p| !p.starts_with('_'))
        .map(|p| slugify(p))
        .filter(|p| !p.is_empty())
        .collect();
    (sections, name)
}

/// The date a dated address carries: `2025/06/26/slug`, `/2019/03/01/x/`, `/blog/2019/03/01/`.
pub fn date_in_address(address: &str) -> Option<String> {
    let parts: Vec<&str> = address.split('/').collect();
    parts.windows(3).find_map(|w| {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|c| c.is_ascii_digit());
        (digits(w[0], 4) && digits(w[1], 2) && digits(w[2], 2))
            .then(|| format!("{}-{}-{}", w[0], w[1], w[2]))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn locations() {
        assert_eq!(location("posts/a.md"), (vec![], "a"));
        assert_eq!(location("posts/x/index.md"), (vec![], "x"));
        assert_eq!(
            location("posts/Rust Notes/2024-01-02-intro.markdown"),
            (vec!["rust-notes".to_string()], "2024-01-02-intro")
        );
        assert_eq!(
            location("posts/blog/2023-01-01-x/index.md"),
            (vec!["blog".to_string()], "2023-01-01-x")
        );
        assert_eq!(location("posts/_posts/a.md"), (vec![], "a"));
    }

    #[test]
    fn dates_in_old_addresses() {
        assert_eq!(
            date_in_address("2025/06/26/slug").as_deref(),
            Some("2025-06-26")
        );
        assert_eq!(
            date_in_address("/blog/2019/03/01/x/").as_deref(),
            Some("2019-03-01")
        );
        assert_eq!(date_in_address("/2019/3/1/x/"), None);
        assert_eq!(date_in_address("/about/"), None);
    }

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
