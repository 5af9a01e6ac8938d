//! Where a post lives and which URLs it may carry: the options every render takes and the URL
//! policy links, images and raw HTML attributes all go through. Apart from the Markdown pipeline
//! and the sanitizer so both use it without importing each other; it needs only [`crate::url`].

/// Maps a root-relative Markdown path (`/posts/other.md`) to that post's slug.
pub type PostLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Where a post lives, so relative links in it resolve the same way in every host.
#[derive(Clone, Copy)]
pub struct RenderOptions<'a> {
    /// Base path without trailing slash (`""` or `"/blog"`), see [`crate::url::normalize_base`]:
    /// where the site's addresses (its posts) start. A language's own (`/blog/fr`).
    pub base: &'a str,
    /// Where `public/`'s files are (images, downloads, paths that are not posts): the site's
    /// root, which a language other than the default does not share; `None`: `base`.
    pub files: Option<&'a str>,
    /// The post's folder relative to the site root, e.g. `"posts"`.
    pub source_dir: &'a str,
    pub post_slug: Option<PostLookup<'a>>,
    /// Highlighting runs for the post's code blocks, by block order (`crate::code::Tokens`).
    pub code: &'a [Vec<u32>],
    /// Sizes of the post's local images, read at build time, so the page never shifts as they
    /// load.
    pub images: &'a [ImageSize],
    /// MathML of the post's math expressions, in order, converted at build time (`""` for one
    /// that could not be): see [`crate::math`].
    pub math: &'a [String],
}

/// A local image's path relative to the site root (`posts/a/chart.png`), width and height.
pub type ImageSize = (String, u32, u32);

impl Default for RenderOptions<'_> {
    fn default() -> Self {
        RenderOptions {
            base: "",
            files: None,
            source_dir: "posts",
            post_slug: None,
            code: &[],
            images: &[],
            math: &[],
        }
    }
}

/// The URL a link or image may carry: allowed schemes pass unchanged, relative references are
/// resolved, anything else (`javascript:`, `data:`, `vbscript:` …) becomes an inert `#`.
pub fn safe_url(raw: &str, opts: &RenderOptions, is_link: bool) -> String {
    // Browsers drop ASCII tab and newlines anywhere in a URL and trim control characters and
    // spaces at the ends, so `java\tscript:` is `javascript:`. Judge what the browser will see.
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if let Some(colon) = cleaned.find(':') {
        let before = &cleaned[..colon];
        // Only a valid scheme makes the browser read one; `foo):` is a relative path.
        let is_scheme = before.starts_with(|c: char| c.is_ascii_alphabetic())
            && before
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if is_scheme {
            let scheme = before.to_ascii_lowercase();
            let allowed =
                matches!(scheme.as_str(), "http" | "https") || (is_link && scheme == "mailto");
            return match (allowed, is_link) {
                (true, _) => cleaned,
                (false, true) => "#".to_string(),
                // `src="#"` would fetch the page itself as an image; an empty source fetches
                // nothing.
                (false, false) => String::new(),
            };
        }
    }
    if !is_link && cleaned.starts_with('#') {
        return String::new();
    }
    if cleaned.is_empty()
        || cleaned.starts_with('#')
        || cleaned.starts_with("//")
        || cleaned.starts_with("\\")
    {
        return cleaned;
    }
    let path = crate::url::resolve_relative(opts.source_dir, &cleaned);
    if is_link {
        if let Some(target) = post_link(&path, opts) {
            return target;
        }
    }
    format!("{}{}", opts.files.unwrap_or(opts.base), path)
}

/// `/posts/other.md#x` → `/blog/posts/other-slug#x`, when that file is a known post.
fn post_link(path: &str, opts: &RenderOptions) -> Option<String> {
    let lookup = opts.post_slug?;
    let end = path.find(['?', '#']).unwrap_or(path.len());
    let (file, rest) = path.split_at(end);
    if !(file.ends_with(".md") || file.ends_with(".markdown")) {
        return None;
    }
    let slug = lookup(file)?;
    let fragment = rest.find('#').map_or("", |i| &rest[i..]);
    Some(format!(
        "{}{}",
        crate::url::post_route(opts.base, &slug),
        fragment
    ))
}
