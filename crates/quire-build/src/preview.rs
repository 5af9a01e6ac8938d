//! The `/preview/` page: the site's header and footer (prerendered like every page) around an
//! editor, started by `src/preview.js` instead of the app, with the preview worker
//! (`crates/quire-preview`) named in its `<meta>`. The app's WASM knows nothing of it: the YAML
//! and TOML parsers and the editor load on this page only.

use quire_core::url::PREVIEW_WORKER;

/// Where the page is written.
pub const PAGE: &str = "preview/index.html";
pub const TITLE: &str = "Preview a post";

/// The editor; `preview.js` fills the diagnostics and the output.
const EDITOR: &str = r#"<main id="main" tabindex="-1" class="preview-page">
<h1>Preview a post</h1>
<p class="preview-intro">Write or paste a post (Markdown with its front matter), open a file or drop one here: it appears as the blog will publish it, with everything the build will say about it. Nothing leaves your browser; the draft is kept in this browser until you clear it. Code blocks are shown plain here; the published page highlights them.</p>
<div class="preview-tools">
<label class="preview-open">Open a file <input type="file" id="preview-file" accept=".md,.markdown,text/markdown,text/plain"></label>
<button type="button" id="preview-download">Download</button>
<button type="button" id="preview-clear">Clear</button>
<span id="preview-status" role="status"></span>
</div>
<div class="preview">
<div class="preview-editor">
<label for="preview-text">Markdown</label>
<textarea id="preview-text" spellcheck="false" autocapitalize="off" rows="24"></textarea>
<h2 class="preview-said-title">What the build says</h2>
<ul id="preview-said" class="preview-said"></ul>
</div>
<div class="preview-output" id="preview-output" aria-label="The post as published"></div>
</div>
</main>"#;

/// The prerendered page for `/preview/` (the app's not-found view in its `<main>`) made into
/// the editor's page.
/// `templates` is what posts' template code may use (the site's own shortcodes, `[params]`,
/// the published posts' sources), embedded as data for the worker: the preview expands a
/// draft's shortcodes as the build does.
pub fn page(
    html: &str,
    base: &str,
    loader: Option<&str>,
    templates: &quire_core::manifest::Templates,
) -> String {
    let mut out = html.to_string();
    if let (Some(start), Some(end)) = (out.find("<main"), out.rfind("</main>")) {
        out.replace_range(start..end + "</main>".len(), EDITOR);
    }
    out = out.replace(
        &format!("<script type=\"module\" src=\"{base}/boot.js\"></script>"),
        &format!("<script type=\"module\" src=\"{base}/preview.js\"></script>"),
    );
    let mut head = format!(
        "<meta name=\"robots\" content=\"noindex\" />\n<link rel=\"stylesheet\" href=\"{base}/preview.css\" />\n"
    );
    let templates = serde_json::to_string(templates)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    head.push_str(&format!(
        "<script type=\"application/json\" id=\"quire-templates\">{templates}</script>\n"
    ));
    if let Some(loader) = loader {
        head.push_str(&format!(
            "<meta name=\"{PREVIEW_WORKER}\" content=\"{loader}\" />\n"
        ));
    }
    out.replacen("</head>", &format!("{head}</head>"), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_starts_the_editor_not_the_app() {
        let html = "<html><head><title>t</title><script type=\"module\" src=\"/b/boot.js\"></script></head><body><div id=\"quire-root\"><header>h</header><main id=\"main\" tabindex=\"-1\"><h1>Page not found</h1></main><footer>f</footer></div></body></html>";
        let templates = quire_core::manifest::Templates {
            shortcodes: vec![("note".into(), "<b>{{ inner }}</b>".into())],
            ..Default::default()
        };
        let out = page(html, "/b", Some("quire-preview-loader-1.js"), &templates);
        assert!(out.contains("<script type=\"application/json\" id=\"quire-templates\">{\"params\":[],\"shortcodes\":[[\"note\",\"\\u003cb>{{ inner }}\\u003c/b>\"]],\"sources\":[]}</script>"), "{out}");
        assert!(out.contains("<script type=\"module\" src=\"/b/preview.js\"></script>"));
        assert!(!out.contains("boot.js") && !out.contains("Page not found"));
        assert!(out.contains(
            "<header>h</header><main id=\"main\" tabindex=\"-1\" class=\"preview-page\">"
        ));
        assert!(out.contains("<footer>f</footer>"));
        assert!(out.contains("<meta name=\"robots\" content=\"noindex\" />"));
        assert!(
            out.contains("<meta name=\"quire-preview\" content=\"quire-preview-loader-1.js\" />")
        );
    }
}
