//! The HTML shell trunk wrote (`index.html` with its hashed script and style tags), finished
//! with what only the build knows: the base path for the app and the site's title.

pub use quire_core::escape::escape;

/// The Content-Security-Policy of release builds: scripts only from the site itself (boot.js,
/// the wasm-bindgen module) plus WebAssembly compilation and, by hash, the shell's own inline
/// theme script; no other inline script, no eval, no plugins, no frames, no forms, no
/// `<base>`. Images may come from any https host, as posts link them. In `_headers` it also
/// forbids framing the site.
pub fn csp(shell: &str) -> String {
    let hashes: String = inline_scripts(shell)
        .iter()
        .map(|body| {
            use base64::Engine;
            use sha2::Digest;
            let digest = sha2::Sha256::digest(body.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; img-src 'self' https:; font-src 'self'; connect-src 'self'; media-src 'self' https:; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
    )
}

/// The CSP as a `<meta>` for hosts that ignore `_headers` (GitHub Pages, S3).
pub fn csp_meta(policy: &str) -> String {
    // The policy is ours and holds no `"`, `<` or `&`; single quotes stay as written.
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />")
}

/// Bodies of the shell's inline classic scripts (not JSON data, not modules with `src`).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        let tag_end = match rest[i..].find('>') {
            Some(e) => i + e,
            None => break,
        };
        let tag = &rest[i..tag_end];
        let body_end = match rest[tag_end..].find("</script>") {
            Some(e) => tag_end + e,
            None => break,
        };
        if !tag.contains(" src=") && !tag.contains("application/json") {
            out.push(&rest[tag_end + 1..body_end]);
        }
        rest = &rest[body_end..];
    }
    out
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
    fn csp_allows_exactly_the_inline_scripts_by_hash() {
        let shell =
            "<head><script>a()</script><script type=\"module\" src=\"/boot.js\"></script></head>";
        let policy = csp(shell);
        // sha256("a()") in base64
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{policy}"
        );
        assert_eq!(policy.matches("'sha256-").count(), 1);
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn adds_base_and_title_once() {
        let html = "<html><head><title>quire</title></head><body></body></html>";
        let once = finish(html, "/blog", "A & B");
        assert!(once.contains("<meta name=\"quire-base\" content=\"/blog/\" />"));
        assert!(once.contains("<title>A &amp; B</title>"));
        assert_eq!(finish(&once, "/blog", "A & B"), once);
    }
}
