//! The HTML shell trunk wrote (`index.html` with its hashed script and style tags), finished
//! with what only the build knows: the base path for the app and the site's title.

use anyhow::Context;
pub use quire_core::escape::escape;
use std::path::Path;

/// The Content-Security-Policy of release builds: scripts only from the site itself (boot.js,
/// the wasm-bindgen module) plus WebAssembly compilation and, by hash, the shell's own inline
/// theme script; styles only from the site and, by hash, the inlined stylesheet
/// ([`inline_stylesheet`]); no other inline script or style, no eval, no plugins, no frames, no
/// forms, no `<base>`. Images may come from any https host, as posts link them. In `_headers`
/// it also forbids framing the site. A comments service set in `quire.toml` adds its origin for
/// frames, an analytics service its origin for requests; never a script source.
pub fn csp(shell: &str, site: &quire_core::manifest::Site) -> String {
    let scripts = hashes(&inline_bodies(shell, "script"));
    let styles = hashes(&inline_bodies(shell, "style"));
    let (frames, requests) =
        quire_core::services::csp_hosts(site.comments.as_ref(), site.analytics.as_ref());
    // Video players the posts embed (loaded only when the reader clicks play).
    let players = quire_core::embed::origins(&site.embeds);
    let frames = [frames, players]
        .into_iter()
        .filter(|f| !f.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let frames = if frames.is_empty() {
        "'none'".to_string()
    } else {
        frames
    };
    let requests = if requests.is_empty() {
        String::new()
    } else {
        format!(" {requests}")
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; img-src 'self' https:; font-src 'self'; connect-src 'self'{requests}; media-src 'self' https:; object-src 'none'; frame-src {frames}; base-uri 'none'; form-action 'none'"
    )
}

fn hashes(bodies: &[&str]) -> String {
    use base64::Engine;
    use sha2::Digest;
    bodies
        .iter()
        .map(|body| {
            let digest = sha2::Sha256::digest(body.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect()
}

/// The stylesheet trunk linked, put into the shell as a `<style>`: a first visit then paints
/// from one response instead of waiting a round trip for the CSS (BENCHMARKS.md, "First
/// paint in one request"). In-app navigation fetches no HTML, so only the first page of a
/// visit carries it. The shell is unchanged when it links no stylesheet of the site's (already
/// inlined: `trunk serve` may run the hook twice on one shell).
pub fn inline_stylesheet(out: &Path, shell: &str) -> anyhow::Result<String> {
    let Some(start) = shell.find("<link rel=\"stylesheet\"") else {
        return Ok(shell.to_string());
    };
    let end = match shell[start..].find('>') {
        Some(e) => start + e + 1,
        None => return Ok(shell.to_string()),
    };
    let tag = &shell[start..end];
    let Some(href) = tag
        .split_once("href=\"")
        .and_then(|(_, v)| v.split_once('"'))
        .map(|(v, _)| v)
        .filter(|h| !h.contains("://"))
    else {
        return Ok(shell.to_string());
    };
    let file = out.join(href.rsplit('/').next().unwrap_or(href));
    let css = std::fs::read_to_string(&file)
        .with_context(|| format!("reading the stylesheet {}", file.display()))?;
    let css = minify_css(&css);
    // `url()`s would resolve against each page instead of the stylesheet; `</style` would end
    // the element early. The site's CSS has neither; if it ever does, it stays a link.
    if css.contains("url(") || css.to_ascii_lowercase().contains("</style") {
        return Ok(shell.to_string());
    }
    Ok(format!(
        "{}<style>{css}</style>{}",
        &shell[..start],
        &shell[end..]
    ))
}

/// The shell's HTML comments (notes for whoever edits `index.html`), the blank lines they
/// leave and its indentation: every page carries the shell, so readers should not download its notes. Only
/// comments outside `<script>` and `<style>` elements are removed.
pub fn strip_comments(shell: &str) -> String {
    let mut out = String::with_capacity(shell.len());
    let mut rest = shell;
    loop {
        let next_comment = rest.find("<!--");
        let next_raw = ["<script", "<style"]
            .iter()
            .filter_map(|t| rest.find(t).map(|i| (i, *t)))
            .min();
        match (next_comment, next_raw) {
            (Some(c), Some((r, tag))) if r < c => {
                let close = if tag == "<script" {
                    "</script>"
                } else {
                    "</style>"
                };
                let end = rest[r..]
                    .find(close)
                    .map_or(rest.len(), |e| r + e + close.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
            (Some(c), _) => {
                out.push_str(&rest[..c]);
                rest = rest[c..].find("-->").map_or("", |e| &rest[c + e + 3..]);
            }
            (None, _) => {
                out.push_str(rest);
                break;
            }
        }
    }
    // The shell's body is empty (pages are laid into it later), so no line is inside a
    // `<pre>`: indentation is only for whoever reads index.html.
    out.lines()
        .map(str::trim_start)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Comments out and whitespace down to what the grammar needs: none next to `{ } ; , :` and
/// `>` (a space before `:` stays: `a :hover` is a descendant), none before `}`'s last `;`, one
/// space elsewhere (`calc(1rem + 2px)` needs it). Strings are left alone. Every page carries
/// the result, so each byte counts: this halves the inline stylesheet's raw size.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    let mut quote: Option<char> = None;
    let mut space = false;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            out.push(c);
            continue;
        }
        if c == '/' && rest.starts_with('*') {
            rest = rest[1..].find("*/").map_or("", |e| &rest[1 + e + 2..]);
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        let tight = |x: char| matches!(x, '{' | '}' | ';' | ',' | '>');
        if space && !out.is_empty() && !tight(c) && !out.ends_with(|p| tight(p) || p == ':') {
            out.push(' ');
        }
        space = false;
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        // `0.25rem` is `.25rem`: a leading zero after a value's start adds nothing.
        let fraction = rest.starts_with('.') && rest[1..].starts_with(|d: char| d.is_ascii_digit());
        if c == '0' && fraction && out.ends_with([':', ' ', '(', ',', '-']) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The CSP as a `<meta>` for hosts that ignore `_headers` (GitHub Pages, S3).
pub fn csp_meta(policy: &str) -> String {
    // The policy is ours and holds no `"`, `<` or `&`; single quotes stay as written.
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />")
}

/// Bodies of the shell's inline `<script>`s (classic ones: not JSON data, not modules with
/// `src`) or `<style>`s.
fn inline_bodies<'a>(html: &'a str, element: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{element}"), format!("</{element}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let tag_end = match rest[i..].find('>') {
            Some(e) => i + e,
            None => break,
        };
        let tag = &rest[i..tag_end];
        let body_end = match rest[tag_end..].find(&close) {
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

/// A development shell with the script that reloads the page when `watch` rebuilt the content
/// (`make serve`); once, however often the hook runs on it.
pub fn with_dev_reload(shell: &str, base: &str) -> String {
    let tag = format!(
        "<script type=\"module\" src=\"{base}/{}\"></script>",
        crate::watch::RELOAD_SCRIPT
    );
    if shell.contains(&tag) {
        return shell.to_string();
    }
    shell.replacen("</head>", &format!("{tag}\n</head>"), 1)
}

/// The page's `<html lang>`: the language it is written in (trunk's shell says `en`).
pub fn with_lang(html: &str, lang: &str) -> String {
    let Some(start) = html.find("<html") else {
        return html.to_string();
    };
    let end = html[start..].find('>').map_or(html.len(), |e| start + e);
    let tag = &html[start..end];
    let new = match tag.find(" lang=\"") {
        Some(i) => {
            let value = i + " lang=\"".len();
            let close = tag[value..].find('"').map_or(tag.len(), |e| value + e);
            if &tag[value..close] == lang {
                return html.to_string();
            }
            format!("{}{}{}", &tag[..value], escape(lang), &tag[close..])
        }
        None => format!("{tag} lang=\"{}\"", escape(lang)),
    };
    format!("{}{new}{}", &html[..start], &html[end..])
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
    fn the_shells_comments_go_and_scripts_stay_as_they_are() {
        let shell = "<head>\n  <!-- a note\n spanning lines -->\n  <script>var a = \"<!-- not a comment -->\";</script>\n\n  <style>p{}</style><!--x--><title>T</title>\n</head>\n";
        assert_eq!(
            strip_comments(shell),
            "<head>\n<script>var a = \"<!-- not a comment -->\";</script>\n<style>p{}</style><title>T</title>\n</head>\n"
        );
    }

    #[test]
    fn minified_css_keeps_the_spaces_the_grammar_needs() {
        let css = "/* c */\n:root {\n  --f: \"a  b\", serif; /* x */\n}\n\nnav a :hover,\np > em {\n  margin: calc(1rem + 2px) 0 0.5em -0.25em;\n  opacity: 10.5;\n}\n@media (max-width: 40rem) and (hover: none) {\n  .x { color: red; }\n}\n";
        assert_eq!(
            minify_css(css),
            ":root{--f:\"a  b\",serif}nav a :hover,p>em{margin:calc(1rem + 2px) 0 .5em -.25em;opacity:10.5}@media (max-width:40rem) and (hover:none){.x{color:red}}"
        );
    }

    #[test]
    fn csp_allows_exactly_the_inline_scripts_by_hash() {
        let shell =
            "<head><script>a()</script><script type=\"module\" src=\"/boot.js\"></script></head>";
        let policy = csp(shell, &Default::default());
        // sha256("a()") in base64
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{policy}"
        );
        assert_eq!(policy.matches("'sha256-").count(), 1);
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("style-src 'self';"), "{policy}");
        assert!(policy.contains("connect-src 'self';") && policy.contains("frame-src 'none';"));
        // Services add their origins for frames and requests, and nothing for scripts.
        let (site, _) = quire_core::site::parse(
            "quire.toml",
            "[comments]\nservice = \"utterances\"\nrepo = \"a/b\"\n[analytics]\nservice = \"goatcounter\"\ncode = \"ann\"\n",
        );
        let policy = csp(shell, &site);
        assert!(
            policy.contains("connect-src 'self' https://ann.goatcounter.com;"),
            "{policy}"
        );
        assert!(
            policy.contains("frame-src https://utteranc.es;"),
            "{policy}"
        );
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(
            !policy.contains("utteranc.es; style") && !policy.contains("script-src 'self' https")
        );
        // A site whose posts embed videos may frame those players, and only those.
        let mut site = site;
        site.embeds = vec!["youtube".into(), "vimeo".into()];
        let policy = csp(shell, &site);
        assert!(
            policy.contains("frame-src https://utteranc.es https://www.youtube-nocookie.com https://player.vimeo.com;"),
            "{policy}"
        );
        site.comments = None;
        site.embeds = vec!["streamable".into()];
        assert!(csp(shell, &site).contains("frame-src https://streamable.com;"));
    }

    #[test]
    fn the_stylesheet_is_inlined_minified_and_allowed_by_its_hash() {
        let dir = std::env::temp_dir().join(format!("quire-inline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("main-1.css"),
            "/* a comment */\n:root {\n  --a: \"/* kept */\";\n}\n\n  p { color: red }\n",
        )
        .unwrap();
        let shell = "<head><link rel=\"stylesheet\" href=\"/blog/main-1.css\" integrity=\"x\"/><link rel=\"icon\" href=\"/f.svg\"/></head>";
        let out = inline_stylesheet(&dir, shell).unwrap();
        assert_eq!(
            out,
            "<head><style>:root{--a:\"/* kept */\"}p{color:red}</style><link rel=\"icon\" href=\"/f.svg\"/></head>"
        );
        // Run again on its own output (trunk serve): nothing changes.
        assert_eq!(inline_stylesheet(&dir, &out).unwrap(), out);
        let policy = csp(&out, &Default::default());
        assert_eq!(policy.matches("'sha256-").count(), 1);
        assert!(policy.contains("style-src 'self' 'sha256-"), "{policy}");
        // A stylesheet with url() stays linked (it would resolve against each page).
        std::fs::write(dir.join("main-1.css"), "p { background: url(a.png) }").unwrap();
        assert_eq!(inline_stylesheet(&dir, shell).unwrap(), shell);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn the_dev_reload_script_is_added_once() {
        let html = "<html><head><title>q</title></head><body></body></html>";
        let once = with_dev_reload(html, "/blog");
        assert!(once.contains(
            "<script type=\"module\" src=\"/blog/quire-dev-reload.js\"></script>\n</head>"
        ));
        assert_eq!(with_dev_reload(&once, "/blog"), once);
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
