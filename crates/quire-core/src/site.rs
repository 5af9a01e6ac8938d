//! Site settings from `quire.toml` at the repository root.

use crate::diagnostics::Diagnostic;
use crate::manifest::Site;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: Option<String>,
    description: Option<String>,
    author: Option<String>,
    language: Option<String>,
    base_url: Option<String>,
    posts_per_page: Option<usize>,
}

/// Reads `quire.toml`'s text. A broken file is reported and the defaults are used, so the blog
/// still builds.
pub fn parse(file: &str, text: &str) -> (Site, Vec<Diagnostic>) {
    let mut site = Site::default();
    match toml::from_str::<SiteFile>(text) {
        Ok(f) => {
            if let Some(t) = f.title.filter(|t| !t.trim().is_empty()) {
                site.title = t;
            }
            site.description = f.description.unwrap_or_default();
            site.author = f.author;
            if let Some(l) = f.language {
                site.language = l;
            }
            site.base_url = f
                .base_url
                .map(|u| u.trim_end_matches('/').to_string() + "/");
            if let Some(n) = f.posts_per_page {
                site.posts_per_page = n.max(1);
            }
            (site, Vec::new())
        }
        Err(e) => {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
            let reason = format!(
                "{}; the site uses default settings until this is fixed",
                e.message().trim()
            );
            (site, vec![Diagnostic::error(file, reason).at_line(line)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings() {
        let (s, d) = parse(
            "quire.toml",
            "title = \"My blog\"\nbase_url = \"https://x.org/blog\"\n",
        );
        assert!(d.is_empty());
        assert_eq!(s.title, "My blog");
        assert_eq!(s.base_url.as_deref(), Some("https://x.org/blog/"));
        assert_eq!(s.language, "en");
    }

    #[test]
    fn broken_settings_fall_back() {
        let (s, d) = parse("quire.toml", "title = \n");
        assert_eq!(s.title, "quire");
        assert_eq!(d.len(), 1);
        assert!(
            d[0].to_string().starts_with("error: quire.toml:1: "),
            "{}",
            d[0]
        );
        let (_, d) = parse("quire.toml", "titel = \"x\"\n");
        assert!(d[0].reason.contains("titel"), "{}", d[0]);
    }
}
