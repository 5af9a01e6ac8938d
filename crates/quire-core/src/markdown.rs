//! The one Markdown pipeline: CommonMark + tables, footnotes, strikethrough and task lists, by
//! pulldown-cmark, plus quire's policy applied to the event stream before HTML is written:
//!
//! - raw HTML in a post goes through an allow-list ([`crate::sanitize`]): formatting tags stay,
//!   anything that could run, load or submit is shown as text (post content is untrusted);
//! - link and image URLs are limited to http, https, mailto, relative and fragment targets;
//! - relative URLs are resolved against the post's folder and the site's base path, and links to
//!   other posts' `.md` files become links to their pages;
//! - GitHub's alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`)
//!   become labelled callouts ([`callout_start`]);
//! - TeX math (`$…$`, `$$…$$`) becomes MathML ([`crate::math`]), or its source when it cannot;
//! - headings get stable, unique ids (for anchors and a table of contents), and are shifted
//!   so the post's first heading is an `h2`, right under the page's `h1` title (see
//!   [`heading_level`]).
//!
//! The build tool and the WASM app both call [`render`], so the app's article and anything the
//! build writes are the same HTML.

use crate::render_options::{safe_url, RenderOptions};
use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

/// Reading speed used for "n min read".
pub const WORDS_PER_MINUTE: usize = 200;

pub fn reading_minutes(words: usize) -> u32 {
    words.div_ceil(WORDS_PER_MINUTE).max(1) as u32
}

pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_MATH
}

/// Markdown (a post's body, without front matter) → safe HTML and its headings.
pub fn render(markdown: &str, opts: &RenderOptions) -> Rendered {
    let mut headings = Vec::new();
    let mut sanitizer = crate::sanitize::Sanitizer::default();
    let mut images = false;
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(
        &mut out,
        Pipeline {
            parser: Parser::new_ext(markdown, parser_options()),
            opts,
            sanitizer: &mut sanitizer,
            images: &mut images,
            headings: &mut headings,
            ids: IdSet::default(),
            shift: None,
            blocks: 0,
            maths: 0,
            queued: std::collections::VecDeque::new(),
        },
    );
    out.push_str(&sanitizer.finish());
    if images {
        out = finish_images(&out, opts);
    }
    Rendered {
        html: out,
        headings,
    }
}

/// Every image (Markdown's or allowed raw HTML's) gets the size the build read for it, so the
/// page never shifts as it loads; all but the first (likely in the first screen) load lazily,
/// when they near the viewport, and decode off the main thread. Text can never contain `<img`:
/// `<` in text is escaped, so every match is a tag this pipeline wrote.
fn finish_images(html: &str, opts: &RenderOptions) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    let mut first = true;
    while let Some(i) = rest.find("<img ") {
        let (before, tag) = rest.split_at(i + "<img ".len());
        out.push_str(before);
        let end = tag.find('>').unwrap_or(tag.len());
        let attrs = &tag[..end];
        if !first {
            out.push_str("loading=\"lazy\" decoding=\"async\" ");
        }
        first = false;
        let src = attrs
            .split_once("src=\"")
            .and_then(|(_, v)| v.split_once('"'))
            .map(|(v, _)| v);
        let sized = attrs.contains(" width=") || attrs.contains(" height=");
        if let Some(src) = src.filter(|_| !sized) {
            let path = src
                .strip_prefix(opts.base)
                .unwrap_or(src)
                .trim_start_matches('/');
            if let Some((_, w, h)) = opts.images.iter().find(|(p, _, _)| p == path) {
                out.push_str(&format!("width=\"{w}\" height=\"{h}\" "));
            }
        }
        rest = tag;
    }
    out.push_str(rest);
    out
}

/// The local images a post's Markdown shows, as paths relative to the site root
/// (`posts/a/chart.png`): what the build reads the sizes of.
pub fn local_images(markdown: &str, source_dir: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut add = |dest: &str| {
        let dest = dest.trim();
        if dest.is_empty() || dest.starts_with("//") || dest.contains(':') {
            return;
        }
        let path = crate::url::resolve_relative(source_dir, dest);
        let path = path[..path.find(['?', '#']).unwrap_or(path.len())]
            .trim_start_matches('/')
            .to_string();
        if !paths.contains(&path) {
            paths.push(path);
        }
    };
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => add(&dest_url),
            // Raw `<img>`s (a Hugo `figure` becomes one) are measured too.
            Event::Html(html) | Event::InlineHtml(html) if html.contains("<img") => {
                for src in crate::sanitize::img_sources(&html) {
                    add(&src);
                }
            }
            _ => {}
        }
    }
    paths
}

/// quire's policy over pulldown-cmark's events, streamed into the HTML writer: raw HTML through
/// the sanitiser, URLs through [`safe_url`], code-block languages normalised, headings given
/// unique ids and a `#` link (shown on hover, for sharing a section), and code blocks with
/// build-time highlighting given their text back as coloured runs. Only a heading's or a
/// highlighted block's events are held back; the rest pass straight through, and the plain
/// iterator (not adapter chains) is what the size-optimised WASM runs fast: see BENCHMARKS.md.
struct Pipeline<'a, 'e> {
    parser: Parser<'e>,
    opts: &'a RenderOptions<'a>,
    sanitizer: &'a mut crate::sanitize::Sanitizer,
    images: &'a mut bool,
    headings: &'a mut Vec<Heading>,
    ids: IdSet,
    /// Set by the first heading: see [`heading_level`].
    shift: Option<i8>,
    blocks: usize,
    maths: usize,
    queued: std::collections::VecDeque<Event<'e>>,
}

impl<'e> Pipeline<'_, 'e> {
    /// The per-event policy.
    fn apply(&mut self, event: Event<'e>) -> Event<'e> {
        let opts = self.opts;
        match event {
            Event::Html(t) => {
                let clean = self.sanitizer.clean(&t, opts);
                *self.images |= clean.contains("<img");
                Event::Html(CowStr::from(clean))
            }
            Event::InlineHtml(t) => {
                let clean = self.sanitizer.clean(&t, opts);
                *self.images |= clean.contains("<img");
                Event::InlineHtml(CowStr::from(clean))
            }
            // `rust,ignore` or `{.rust}` styles and highlights as `language-rust`.
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(info))) => {
                let lang = crate::code::language(&info).unwrap_or_default();
                Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(
                    CowStr::from(lang),
                )))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: CowStr::from(safe_url(&dest_url, opts, true)),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                *self.images = true;
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(safe_url(&dest_url, opts, false)),
                    title,
                    id,
                })
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                Event::Html(CowStr::from(callout_start(kind)))
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html(CowStr::from("</div>\n")),
            Event::InlineMath(tex) => Event::InlineHtml(CowStr::from(self.math(&tex, false))),
            Event::DisplayMath(tex) => Event::InlineHtml(CowStr::from(self.math(&tex, true))),
            other => other,
        }
    }

    /// The next math expression: the build's MathML for it, checked again, or its source when
    /// the build could not convert it (and warned) or the data has none.
    fn math(&mut self, tex: &str, display: bool) -> String {
        self.maths += 1;
        self.opts
            .math
            .get(self.maths - 1)
            .filter(|m| !m.is_empty())
            .and_then(|m| crate::math::checked(m))
            .unwrap_or_else(|| crate::math::source_html(tex, display))
    }

    /// A heading's events up to its end: an id from its text (or its `{#id}`), made unique,
    /// and the `#` link before the end tag.
    fn heading(&mut self, start: Event<'e>) -> Event<'e> {
        let mut text = String::new();
        while let Some(e) = self.parser.next() {
            let e = self.apply(e);
            let end = matches!(e, Event::End(TagEnd::Heading(_)));
            if let Event::Text(t) | Event::Code(t) = &e {
                text.push_str(t);
            }
            self.queued.push_back(e);
            if end {
                break;
            }
        }
        let text = text.trim().to_string();
        let Event::Start(Tag::Heading {
            level: l,
            id,
            classes,
            attrs,
        }) = start
        else {
            return start;
        };
        let wanted = id
            .as_deref()
            .map(heading_id)
            .unwrap_or_else(|| heading_id(&text));
        let unique = self.ids.claim(&wanted);
        let shift = *self.shift.get_or_insert(2 - l as i8);
        let l = heading_level(l as u8, shift);
        // The anchor goes right before the end tag, which is last in the queue.
        let end = self.queued.pop_back().map(|e| match e {
            Event::End(TagEnd::Heading(_)) => Event::End(TagEnd::Heading(l)),
            other => other,
        });
        self.queued
            .push_back(Event::InlineHtml(CowStr::from(anchor_html(&unique))));
        self.queued.extend(end);
        self.headings.push(Heading {
            level: l as u8,
            id: unique.clone(),
            text,
        });
        Event::Start(Tag::Heading {
            level: l,
            id: Some(CowStr::from(unique)),
            classes,
            attrs,
        })
    }

    /// A highlighted code block's text, up to its end, as one HTML event (or the plain text
    /// when the runs do not fit it).
    fn highlighted(&mut self, tokens: &[u32]) {
        let mut text = String::new();
        let mut end = None;
        for e in self.parser.by_ref() {
            match e {
                Event::Text(t) => text.push_str(&t),
                other => {
                    end = Some(other);
                    break;
                }
            }
        }
        self.queued
            .push_back(match crate::code::to_html(&text, tokens) {
                Some(h) => Event::Html(CowStr::from(h)),
                None => Event::Text(CowStr::from(text)),
            });
        self.queued.extend(end);
    }
}

impl<'e> Iterator for Pipeline<'_, 'e> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        if let Some(e) = self.queued.pop_front() {
            return Some(e);
        }
        let next = self.parser.next()?;
        let event = self.apply(next);
        match &event {
            Event::Start(Tag::Heading { .. }) => Some(self.heading(event)),
            Event::Start(Tag::CodeBlock(_)) => {
                self.blocks += 1;
                let code = self.opts.code;
                if let Some(tokens) = code.get(self.blocks - 1).filter(|t| !t.is_empty()) {
                    self.highlighted(tokens);
                }
                Some(event)
            }
            _ => Some(event),
        }
    }
}

/// Every math expression of a post in the order [`render`] meets them, as MathML
/// (empty when it cannot be converted), and what could not be.
#[cfg(feature = "meta")]
pub fn math_all(markdown: &str) -> (Vec<String>, Vec<crate::math::MathError>) {
    use pulldown_cmark::{Event, Parser as Markdown};
    let (mut all, mut errors) = (Vec::new(), Vec::new());
    if !markdown.contains('$') {
        return (all, errors);
    }
    for (event, range) in Markdown::new_ext(markdown, parser_options()).into_offset_iter() {
        let (tex, display) = match event {
            Event::InlineMath(t) => (t, false),
            Event::DisplayMath(t) => (t, true),
            _ => continue,
        };
        match crate::math::to_mathml(&tex, display) {
            Ok(m) => all.push(m),
            Err(reason) => {
                all.push(String::new());
                errors.push((range.start, tex.to_string(), reason));
            }
        }
    }
    (all, errors)
}

/// A GitHub alert's opening: a `note` region labelled by its visible title, so a screen reader
/// announces "Warning" before the text as a sighted reader sees it. Its colour comes from the
/// class (both themes, AA: `style/main.css`).
pub fn callout_start(kind: pulldown_cmark::BlockQuoteKind) -> &'static str {
    use pulldown_cmark::BlockQuoteKind as K;
    match kind {
        K::Note => "<div class=\"callout callout-note\" role=\"note\"><p class=\"callout-title\">Note</p>\n",
        K::Tip => "<div class=\"callout callout-tip\" role=\"note\"><p class=\"callout-title\">Tip</p>\n",
        K::Important => "<div class=\"callout callout-important\" role=\"note\"><p class=\"callout-title\">Important</p>\n",
        K::Warning => "<div class=\"callout callout-warning\" role=\"note\"><p class=\"callout-title\">Warning</p>\n",
        K::Caution => "<div class=\"callout callout-caution\" role=\"note\"><p class=\"callout-title\">Caution</p>\n",
    }
}

/// A post's code blocks in document order, as [`render`] counts them: the language of a fenced
/// block (see [`crate::code::language`]) and its text. The build tool highlights these.
pub fn code_blocks(markdown: &str) -> Vec<(Option<String>, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(Option<String>, String)> = None;
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => crate::code::language(&info),
                    pulldown_cmark::CodeBlockKind::Indented => None,
                };
                current = Some((lang, String::new()));
            }
            Event::Text(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// A heading's level in the page. The title is the page's only `h1`, so a post's headings
/// start at `h2` whatever level its author began with (`###` under the title would skip two
/// levels, which screen readers' heading navigation and Lighthouse report): the first heading
/// sets the shift, every heading moves by it, and none rises above `h2` or falls below `h6`.
/// Decided while streaming, so the Markdown is still parsed once.
pub fn heading_level(level: u8, shift: i8) -> pulldown_cmark::HeadingLevel {
    use pulldown_cmark::HeadingLevel::*;
    match (level as i8 + shift).clamp(2, 6) {
        2 => H2,
        3 => H3,
        4 => H4,
        5 => H5,
        _ => H6,
    }
}

/// The `#` link added to a heading. Ids are letters, digits and `-` ([`heading_id`]), and are
/// escaped all the same.
pub fn anchor_html(id: &str) -> String {
    let id = id
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    format!(" <a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"Link to this section\">#</a>")
}

/// An id for a heading: lowercase letters and digits of any script, words joined by `-`.
/// Unicode letters are kept (valid in ids and fragments), so `Überblick` → `überblick`.
pub fn heading_id(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c == '-' || c == '_' || c.is_whitespace() {
            dash = true;
        }
    }
    if out.is_empty() {
        "section".to_string()
    } else {
        out
    }
}

/// The ids given so far, and for each wanted id the next number to try: a post with thousands
/// of headings of the same text gets `x`, `x-1`, `x-2` … in linear time (a list searched from
/// `-1` each time was cubic in the number of repeats: a hostile post could stall the build).
#[derive(Default)]
struct IdSet {
    taken: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

impl IdSet {
    fn claim(&mut self, wanted: &str) -> String {
        if self.taken.insert(wanted.to_string()) {
            return wanted.to_string();
        }
        // Every number below `n` is taken already (ids are never given back).
        let n = self.next.entry(wanted.to_string()).or_insert(1);
        loop {
            let candidate = format!("{wanted}-{n}");
            *n += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// The text of the body's first `#` heading, by its Markdown level (the page shifts levels):
/// the title of a post without front matter.
pub fn first_h1(body: &str) -> Option<String> {
    use pulldown_cmark::HeadingLevel;
    let mut text: Option<String> = None;
    for event in Parser::new_ext(body, parser_options()) {
        match (&mut text, event) {
            (
                None,
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                }),
            ) => text = Some(String::new()),
            (Some(t), Event::Text(s) | Event::Code(s)) => t.push_str(&s),
            (Some(t), Event::End(TagEnd::Heading(_))) => {
                let t = t.trim().to_string();
                if !t.is_empty() {
                    return Some(t);
                }
                text = None;
            }
            _ => {}
        }
    }
    None
}

/// Words a reader reads, for "n words" and reading time. Only the build needs it, so
/// [`render`], which the app runs on every article, does not count.
pub fn word_count(markdown: &str) -> usize {
    count_words(&plain_text(markdown))
}

/// The words a reader reads (text, code and maths; not markup or URLs), space-separated: what
/// search indexes and what [`word_count`] counts.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for e in Parser::new_ext(markdown, parser_options()) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.push_str(&t)
            }
            // Inline markup joins its text to what follows (`*Python*,` reads "Python,");
            // line breaks and the ends of blocks separate words.
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::End(_) | Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
            _ => {}
        }
    }
    out
}

fn count_words(t: &str) -> usize {
    t.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Plain-text summary for index entries: the text before `<!-- more -->` if the post has that
/// marker, else the first paragraph; whitespace collapsed, cut at a word near `max_chars`.
pub fn summary(markdown: &str, max_chars: usize) -> String {
    let source = match markdown.find("<!-- more -->") {
        Some(i) => &markdown[..i],
        None => markdown,
    };
    let whole = source.len() < markdown.len();
    let mut text = String::new();
    let mut depth_in_para = 0;
    let mut seen_para = false;
    for event in Parser::new_ext(source, parser_options()) {
        match event {
            Event::Start(Tag::Paragraph) => depth_in_para += 1,
            Event::End(TagEnd::Paragraph) => {
                depth_in_para -= 1;
                seen_para = true;
                if !whole {
                    break;
                }
                text.push(' ');
            }
            Event::Text(t) | Event::Code(t) if depth_in_para > 0 || whole => {
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak if depth_in_para > 0 || whole => text.push(' '),
            _ => {}
        }
    }
    let _ = seen_para;
    truncate_words(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        max_chars,
    )
}

fn truncate_words(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max_chars / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == ' ')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md, &RenderOptions::default()).html
    }

    #[test]
    fn extensions() {
        assert!(html("| a | b |\n|---|---|\n| 1 | 2 |").contains("<table>"));
        assert!(html("~~gone~~").contains("<del>gone</del>"));
        assert!(html("- [x] done").contains("type=\"checkbox\""));
        let f = html("Text[^1]\n\n[^1]: Note.");
        assert!(
            f.contains("footnote-reference") && f.contains("footnote-definition"),
            "{f}"
        );
        assert!(html("```rust\nfn main() {}\n```").contains("<code class=\"language-rust\">"));
    }

    #[cfg(feature = "meta")]
    #[test]
    fn errors_point_at_their_expression() {
        let md = "Fine: $x^2$.\n\nBroken: $\\oops x$ here.\n";
        let (all, e) = math_all(md);
        assert_eq!(all.len(), 2);
        assert!(all[0].contains("<msup>") && all[1].is_empty(), "{all:?}");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(&md[e[0].0..e[0].0 + 1], "$");
        assert_eq!(e[0].1, "\\oops x");
    }

    #[test]
    fn math_comes_from_the_build_and_is_checked_again() {
        let math = vec![
            "<math display=\"inline\"><mi>x</mi></math>".to_string(),
            "<math><script>x</script></math>".to_string(),
        ];
        let opts = RenderOptions {
            math: &math,
            ..RenderOptions::default()
        };
        let h = render("$x$ and $y$ and $z$", &opts).html;
        assert!(
            h.contains("<math display=\"inline\"><mi>x</mi></math>"),
            "{h}"
        );
        assert!(
            h.contains("<code class=\"math-source\">$y$</code>"),
            "refused: {h}"
        );
        assert!(
            h.contains("<code class=\"math-source\">$z$</code>"),
            "no MathML: {h}"
        );
        // Prices are not math: a `$` before a space opens nothing, one after a space closes nothing.
        assert_eq!(
            html("It costs $5 and $10."),
            "<p>It costs $5 and $10.</p>\n"
        );
    }

    #[test]
    fn github_alerts_become_labelled_callouts() {
        let h = html("> [!WARNING]\n> Back up *first*.\n\n> [!tip]\n> Nested:\n> > plain quote\n\n> [!UNKNOWN]\n> stays a quote\n");
        assert!(h.contains("<div class=\"callout callout-warning\" role=\"note\"><p class=\"callout-title\">Warning</p>\n<p>Back up <em>first</em>.</p>\n</div>"), "{h}");
        assert!(h.contains("callout-tip"), "{h}");
        assert!(
            h.contains("<blockquote>\n<p>plain quote</p>\n</blockquote>\n</div>"),
            "{h}"
        );
        assert!(h.contains("<blockquote>\n<p>[!UNKNOWN]"), "{h}");
        assert!(!h.contains("[!WARNING]"), "{h}");
        assert_eq!(plain_text("> [!NOTE]\n> Read me.").trim(), "Read me.");
    }

    #[test]
    fn images_get_their_sizes_and_all_but_the_first_load_lazily() {
        let images = [
            ("posts/a/one.png".to_string(), 240, 120),
            ("posts/a/two.png".to_string(), 10, 20),
        ];
        let opts = RenderOptions {
            base: "/blog",
            source_dir: "posts/a",
            images: &images,
            ..RenderOptions::default()
        };
        let h = render(
            "![one](one.png)\n\n![two](two.png) ![far](https://x.org/p.png) <img src=\"one.png\" width=\"5\">",
            &opts,
        )
        .html;
        assert!(
            h.contains(
                "<img width=\"240\" height=\"120\" src=\"/blog/posts/a/one.png\" alt=\"one\""
            ),
            "the first: sized, not lazy: {h}"
        );
        assert!(
            h.contains("<img loading=\"lazy\" decoding=\"async\" width=\"10\" height=\"20\" src=\"/blog/posts/a/two.png\""),
            "{h}"
        );
        assert!(
            h.contains("<img loading=\"lazy\" decoding=\"async\" src=\"https://x.org/p.png\""),
            "unknown size: none written: {h}"
        );
        assert!(
            h.contains("<img loading=\"lazy\" decoding=\"async\" src=\"/blog/posts/a/one.png\" width=\"5\">"),
            "an author's own size is kept: {h}"
        );
        assert_eq!(
            local_images(
                "![a](one.png) ![b](../b/x.svg?v=1) ![c](https://x.org/c.png) ![a2](one.png)",
                "posts/a"
            ),
            ["posts/a/one.png", "posts/b/x.svg"]
        );
    }

    #[test]
    fn raw_html_goes_through_the_allow_list() {
        let h = html("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> <kbd>K</kbd>");
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("onerror"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(h.contains("<img src=\"/posts/x\">"), "{h}");
        assert!(h.contains("<kbd>K</kbd>"), "{h}");
        let block = html("<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>");
        assert!(
            block.contains("<details>")
                && block.contains("<em>text</em>")
                && block.contains("</details>"),
            "{block}"
        );
    }

    #[test]
    fn dangerous_urls_are_neutralised() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "jav&#x61;script:alert(1)",
            "vbscript:x",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        ] {
            let h = html(&format!("[x](<{url}>)"));
            assert!(h.contains("href=\"#\""), "{url}: {h}");
        }
        assert!(html("![x](data:image/svg+xml;base64,PHN2Zz4=)").contains("src=\"\""));
        // A refused image source fetches nothing (`#` would fetch the page as an image).
        assert!(html("![x](javascript:alert(1))").contains("src=\"\""));
        assert!(html("![x](#frag)").contains("src=\"\""));
        assert!(html("[x](javascript:alert(1))").contains("href=\"#\""));
    }

    #[test]
    fn allowed_urls_pass() {
        assert!(
            html("[x](https://example.com/a?b=1)").contains("href=\"https://example.com/a?b=1\"")
        );
        assert!(html("[x](mailto:a@b.c)").contains("href=\"mailto:a@b.c\""));
        assert!(html("[x](#intro)").contains("href=\"#intro\""));
    }

    #[test]
    fn relative_urls_resolve_against_base_and_folder() {
        let opts = RenderOptions {
            base: "/blog",
            files: None,
            source_dir: "posts",
            post_slug: None,
            code: &[],
            images: &[],
            math: &[],
        };
        let h = render("![a](./images/a.png) [b](/about)", &opts).html;
        assert!(
            h.contains("<img src=\"/blog/posts/images/a.png\" alt=\"a\""),
            "{h}"
        );
        assert!(h.contains("href=\"/blog/about\""), "{h}");
    }

    #[test]
    fn a_language_links_its_posts_under_its_base_and_files_under_the_root() {
        let lookup = |p: &str| (p == "/posts/other.md").then(|| "other".to_string());
        let opts = RenderOptions {
            base: "/blog/fr",
            files: Some("/blog"),
            source_dir: "posts/trip",
            post_slug: Some(&lookup),
            ..RenderOptions::default()
        };
        let h = render("![a](photo.jpg) [b](../other.md) [c](/about/)", &opts).html;
        assert!(h.contains("src=\"/blog/posts/trip/photo.jpg\""), "{h}");
        assert!(h.contains("href=\"/blog/fr/posts/other/\""), "{h}");
        assert!(h.contains("href=\"/blog/about/\""), "{h}");
    }

    #[test]
    fn links_to_other_posts_become_routes() {
        let lookup = |p: &str| (p == "/posts/2024-01-01-other.md").then(|| "other".to_string());
        let opts = RenderOptions {
            base: "/blog",
            files: None,
            source_dir: "posts",
            post_slug: Some(&lookup),
            code: &[],
            images: &[],
            math: &[],
        };
        let h = render("[o](./2024-01-01-other.md#setup) [m](missing.md)", &opts).html;
        assert!(h.contains("href=\"/blog/posts/other/#setup\""), "{h}");
        assert!(h.contains("href=\"/blog/posts/missing.md\""), "{h}");
    }

    #[test]
    fn headings_start_right_under_the_title() {
        let levels = |md: &str| {
            let r = render(md, &RenderOptions::default());
            let tags: Vec<String> = r
                .html
                .match_indices("<h")
                .map(|(i, _)| r.html[i + 1..i + 3].to_string())
                .collect();
            let levels: Vec<u8> = r.headings.iter().map(|h| h.level).collect();
            (levels, tags)
        };
        // The seed post's shape: `###` first becomes h2, `####` under it h3.
        let (l, t) = levels("### What\n\ntext\n\n#### Sub\n\n### Next");
        assert_eq!(l, [2, 3, 2]);
        assert_eq!(t, ["h2", "h3", "h2"]);
        // `#` first: everything moves down one, the deepest stays h6.
        assert_eq!(levels("# A\n\n## B\n\n###### F").0, [2, 3, 6]);
        // Already right, or setext: unchanged.
        assert_eq!(levels("## A\n\n### B").0, [2, 3]);
        assert_eq!(levels("A\n===\n\nB\n---").0, [2, 3]);
        // A later heading above the first one is clamped to h2, never h1.
        assert_eq!(levels("#### Deep\n\n# Top\n\n## Two").0, [2, 2, 2]);
        // Ids and anchors are those of the text, whatever the level.
        let r = render("### Golang", &RenderOptions::default());
        assert!(
            r.html.starts_with(
                "<h2 id=\"golang\">Golang <a class=\"heading-anchor\" href=\"#golang\""
            ),
            "{}",
            r.html
        );
    }

    #[test]
    fn thousands_of_identical_headings_get_unique_ids_in_linear_time() {
        // With a list searched from `-1` for each repeat this never finished (cubic: ~10^12
        // comparisons); it is a few milliseconds now.
        let md = "## Same\n\n".repeat(20_000) + "## Same-1\n";
        let r = render(&md, &RenderOptions::default());
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids[..3], ["same", "same-1", "same-2"]);
        assert_eq!(ids[19_999], "same-19999");
        // A heading whose own text is "Same-1" gets the next free id, not a duplicate.
        assert_eq!(ids[20_000], "same-1-1");
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn heading_ids_are_unique_and_unicode_aware() {
        let r = render(
            "## Intro\n\n## Intro\n\n### Überblick & mehr\n\n## ???",
            &RenderOptions::default(),
        );
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["intro", "intro-1", "überblick-mehr", "section"]);
        assert!(
            r.html
                .contains("<h2 id=\"intro-1\">Intro <a class=\"heading-anchor\" href=\"#intro-1\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn words_and_reading_time() {
        assert_eq!(
            word_count("# Title\n\nOne two three, `four`.\n\n- five <b>x</b>"),
            7
        );
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(201), 2);
    }

    #[test]
    fn summaries() {
        assert_eq!(
            summary("# T\n\nFirst *para*.\n\nSecond.", 100),
            "First para."
        );
        assert_eq!(
            summary("Intro.\n\nMore intro.\n\n<!-- more -->\n\nRest", 100),
            "Intro. More intro."
        );
        let long = "word ".repeat(100);
        let s = summary(&long, 50);
        assert!(s.ends_with('…') && s.chars().count() <= 51, "{s}");
    }

    #[test]
    fn code_blocks_are_listed_in_the_order_render_colours_them() {
        let md = "```rust,ignore\nfn a() {}\n```\n\n    indented\n\n```\nbare\n```\n\n```{.py}\nx = 1\n```\n";
        let blocks = code_blocks(md);
        assert_eq!(
            blocks,
            vec![
                (Some("rust".into()), "fn a() {}\n".into()),
                (None, "indented\n".into()),
                (None, "bare\n".into()),
                (Some("py".into()), "x = 1\n".into()),
            ]
        );
        // Runs for the first and last block; the others stay plain.
        let code = vec![vec![2, 2, 8, 0], vec![], vec![], vec![1, 9, 5, 4]];
        let opts = RenderOptions {
            code: &code,
            images: &[],
            ..RenderOptions::default()
        };
        let html = render(md, &opts).html;
        assert!(
            html.contains(
                "<code class=\"language-rust\"><span class=\"hl-k\">fn</span> a() {}\n</code>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<pre><code>indented\n</code></pre>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"hl-v\">x</span><span class=\"hl-n\"> = 1\n</span>"),
            "{html}"
        );
    }

    #[test]
    fn runs_that_do_not_fit_leave_the_block_plain_and_escaped() {
        let md = "```html\n<b>x</b>\n```\n";
        let code = vec![vec![3, 7]];
        let opts = RenderOptions {
            code: &code,
            images: &[],
            ..RenderOptions::default()
        };
        let html = render(md, &opts).html;
        assert!(
            html.contains("<code class=\"language-html\">&lt;b&gt;x&lt;/b&gt;\n</code>"),
            "{html}"
        );
    }
}
