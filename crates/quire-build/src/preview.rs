//! The `/preview/` page: the site's header and footer (prerendered like every page) around an
//! editor, started by `src/preview.js` instead of the app, with the preview worker
//! (`crates/quire-preview`) named in its `<meta>`. The app's WASM knows nothing of it: the YAML
//! and TOML parsers and the editor load on this page only.

use quire_core::escape::escape;
use quire_core::strings::Strings;
use quire_core::url::PREVIEW_WORKER;

/// Where the page is written.
pub const PAGE: &str = "preview/index.html";

/// The editor, in the site's words; `preview.js` fills the diagnostics and the output.
fn editor(say: &Strings) -> String {
    let w = |text: &str| escape(text);
    format!(
        r#"<main id="main" tabindex="-1" class="preview-page">
<h1>{title}</h1>
<p class="preview-intro">{intro}</p>
<div class="preview-tools">
<label class="preview-name">{name} <input type="text" id="preview-name" value="draft.md" spellcheck="false" autocapitalize="off"></label>
<label class="preview-open">{open} <input type="file" id="preview-file" accept=".md,.markdown,text/markdown,text/plain"></label>
<button type="button" id="preview-download">{download}</button>
<button type="button" id="preview-clear">{clear}</button>
<span id="preview-status" role="status"></span>
</div>
<div class="preview">
<div class="preview-editor">
<label for="preview-text">{markdown}</label>
<textarea id="preview-text" spellcheck="false" autocapitalize="off" rows="24"></textarea>
<h2 class="preview-said-title">{said}</h2>
<ul id="preview-said" class="preview-said"></ul>
</div>
<div class="preview-output" id="preview-output" aria-label="{output}"></div>
</div>
</main>"#,
        title = w(&say.preview_title),
        intro = w(&say.preview_intro),
        name = w(&say.preview_name),
        open = w(&say.preview_open),
        download = w(&say.preview_download),
        clear = w(&say.preview_clear),
        markdown = w(&say.preview_markdown),
        said = w(&say.preview_said),
        output = w(&say.preview_output),
    )
}

/// What `preview.js` says, in the site's words.
fn script_words(say: &Strings) -> serde_json::Value {
    serde_json::json!({
        "line": say.preview_line,
        "nothing": say.preview_nothing,
        "failed": say.preview_failed,
        "noWorker": say.preview_no_worker,
        "notKept": say.preview_not_kept,
        "notMarkdown": say.preview_not_markdown,
        "opened": say.preview_opened,
    })
}

/// The prerendered page for `/preview/` (the app's not-found view in its `<main>`) made into
/// the editor's page.
/// `templates` is what posts' template code may use (the site's own shortcodes, `[params]`,
/// the published posts' sources), embedded as data for the worker: the preview expands a
/// draft's shortcodes as the build does.
/// `languages`: a blog in several languages' own, with their settings (the page's data names
/// them only), so a draft named `x.fr.md` previews as French.
pub fn page(
    html: &str,
    base: &str,
    loader: Option<&str>,
    templates: &quire_core::manifest::Templates,
    languages: &[quire_core::manifest::Language],
    say: &Strings,
) -> String {
    let mut out = html.to_string();
    if let (Some(start), Some(end)) = (out.find("<main"), out.rfind("</main>")) {
        out.replace_range(start..end + "</main>".len(), &editor(say));
    }
    out = out.replace(
        &format!("<script type=\"module\" src=\"{base}/boot.js\"></script>"),
        &format!("<script type=\"module\" src=\"{base}/preview.js\"></script>"),
    );
    let mut head = format!(
        "<meta name=\"robots\" content=\"noindex\" />\n<link rel=\"stylesheet\" href=\"{base}/preview.css\" />\n"
    );
    head.push_str(&data_script("quire-templates", templates));
    head.push_str(&data_script("quire-preview-words", &script_words(say)));
    if !languages.is_empty() {
        let tables: Vec<quire_core::manifest::LanguageTable> =
            languages.iter().map(Into::into).collect();
        head.push_str(&data_script("quire-languages", &tables));
    }
    if let Some(loader) = loader {
        head.push_str(&format!(
            "<meta name=\"{PREVIEW_WORKER}\" content=\"{loader}\" />\n"
        ));
    }
    out.replacen("</head>", &format!("{head}</head>"), 1)
}

/// `/preview/`: the editor's page, with what its worker needs to read a draft as the build would.
pub fn write(
    out: &std::path::Path,
    base: &str,
    build: &quire_core::site_build::SiteBuild,
    html: &str,
) -> anyhow::Result<()> {
    let loader = crate::worker::rename(out, quire_core::url::PREVIEW_WORKER)?;
    let templates = quire_core::manifest::Templates {
        sources: build
            .posts
            .iter()
            .chain(&build.pages)
            .map(|p| (p.entry.source.clone(), p.entry.slug.clone()))
            .collect(),
        ..build.manifest.site.templates.clone()
    };
    let languages = &build.manifest.site.languages;
    let say = &build.manifest.site.strings;
    let html = page(html, base, loader.as_deref(), &templates, languages, say);
    crate::collect::write(out, PAGE, &html)
}

/// JSON for the page's worker, in a `<script>` no text can close.
fn data_script(id: &str, value: &impl serde::Serialize) -> String {
    let json = serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    format!("<script type=\"application/json\" id=\"{id}\">{json}</script>\n")
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
        let out = page(
            html,
            "/b",
            Some("quire-preview-loader-1.js"),
            &templates,
            &[],
            &Strings::default(),
        );
        assert!(
            !out.contains("quire-languages"),
            "a blog in one language has none"
        );
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
