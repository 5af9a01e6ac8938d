//! The HTML shell trunk wrote (`index.html` with its hashed script and style tags), finished
//! with what only the build knows: the base path for the app and the site's title.

/// Escapes text for an HTML attribute or text node.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The Content-Security-Policy of release builds: scripts only from the site itself (boot.js,
/// the wasm-bindgen module) plus WebAssembly compilation; no inline script, no eval, no
/// plugins, no frames, no forms, no `<base>`. Images may come from any https host, as posts
/// link them. In `_headers` it also forbids framing the site.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https:; font-src 'self'; connect-src 'self'; media-src 'self' https:; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

/// The CSP as a `<meta>` for hosts that ignore `_headers` (GitHub Pages, S3).
pub fn csp_meta() -> String {
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\" />")
}

pub fn finish(html: &str, base: &str, title: &str) -> String {
    let meta = format!(
        "<meta name=\"{}\" content=\"{}/\" />",
        quire_core::url::BASE_META,
        escape(base)
    );
    let mut out = html.to_string();
    // Idempotent: trunk serve may run the hook on a shell it already finished.
    if !out.contains(quire_core::url::BASE_META) {
        if let Some(i) = out.find("<head>") {
            out.insert_str(i + "<head>".len(), &format!("\n    {meta}"));
        }
    }
    if let (Some(start), Some(end)) = (out.find("<title>"), out.find("</title>")) {
        if start < end {
            out.replace_range(start + "<title>".len()..end, &escape(title));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_base_and_title_once() {
        let html = "<html><head><title>quire</title></head><body></body></html>";
        let once = finish(html, "/blog", "A & B");
        assert!(once.contains("<meta name=\"quire-base\" content=\"/blog/\" />"));
        assert!(once.contains("<title>A &amp; B</title>"));
        assert_eq!(finish(&once, "/blog", "A & B"), once);
    }
}
