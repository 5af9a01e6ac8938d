//! Reading one post (build time): bytes → metadata + body + diagnostics. One broken post
//! yields diagnostics and never stops the others; [`crate::site_build`] assembles them.

use crate::date;
use crate::diagnostics::Diagnostic;
use crate::front_matter::{self, Format, FrontMatter, SplitError};
use crate::manifest::PostEntry;
use crate::markdown;
use crate::meta::{field_line, parse_meta, Meta};
use crate::shortcodes;
use crate::slug;
use sha2::{Digest, Sha256};

/// A post file as found on disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown in diagnostics, e.g. `public/posts/hello.md`.
    pub display_path: String,
    /// The path relative to the site root (`public/`), e.g. `posts/hello.md`.
    pub rel_path: String,
    pub bytes: Vec<u8>,
}

/// A post that will be published.
#[derive(Debug, Clone)]
pub struct Post {
    pub entry: PostEntry,
    /// The whole file as UTF-8 (front matter included), as the app will fetch it.
    pub text: String,
    /// Seconds since the epoch of a valid date, for ordering.
    pub timestamp: Option<i64>,
    /// Highlighting of its code blocks, once [`SiteBuild::highlight`] ran.
    pub code: Vec<crate::code::Tokens>,
    /// Old addresses that lead to it, as `(field, address as written)`.
    pub old_addresses: Vec<(String, String)>,
    /// Its local images' sizes, once [`crate::site_build::SiteBuild::measure_images`] ran.
    pub images: Vec<crate::render_options::ImageSize>,
    /// Its math expressions as MathML, in order (see [`crate::math`]).
    pub math: Vec<String>,
}

/// Whether a Markdown file under `posts/` is a section's settings (`_index.md`, as in Zola and
/// Hugo): a title and introduction for its folder, never a post.
pub fn is_section_index(rel_path: &str) -> bool {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    matches!(name, "_index.md" | "_index.markdown")
}

const SUMMARY_CHARS: usize = 280;

/// Reads one post; `cx` is the site its templates may name (see [`crate::shortcodes`]). `None`
/// means it is not published (the diagnostics say why).
pub fn read_post(file: &SourceFile, cx: &shortcodes::Context) -> (Option<Post>, Vec<Diagnostic>) {
    let path = file.display_path.as_str();
    let mut diags = Vec::new();

    let text = match String::from_utf8(file.bytes.clone()) {
        Ok(t) => t,
        Err(e) => {
            let good = &file.bytes[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            diags.push(
                Diagnostic::error(
                    path,
                    "the file is not valid UTF-8; it is published with the bad bytes shown as �. Save it as UTF-8",
                )
                .at_line(Some(line)),
            );
            String::from_utf8_lossy(&file.bytes).into_owned()
        }
    };
    let text = front_matter::strip_bom(&text).to_string();
    if text.trim().is_empty() {
        diags.push(Diagnostic::error(
            path,
            "the file is empty; there is nothing to publish, so it is skipped",
        ));
        return (None, diags);
    }

    let split = match front_matter::split(&text) {
        Ok(s) => s,
        Err(SplitError::Unterminated { format }) => {
            let delim = if format == Format::Yaml { "---" } else { "+++" };
            diags.push(
                Diagnostic::error(
                    path,
                    format!(
                        "the {} front matter opened with `{delim}` is never closed, so where the post starts is unknown; the post is skipped. Add a line `{delim}` after the last field",
                        format.name()
                    ),
                )
                .at_line(Some(1)),
            );
            return (None, diags);
        }
    };

    let (sections, stem) = slug::location(&file.rel_path);
    let (file_date, file_slug) = slug::from_file_stem(stem);

    let meta = match &split.front_matter {
        None => {
            diags.push(Diagnostic::warning(
                path,
                "no front matter; the post is published with its title taken from its first heading or file name. Start the file with a `---` block holding at least `title:`",
            ).at_line(Some(1)));
            Meta::default()
        }
        Some(fm) => match parse_meta(fm, path, &mut diags) {
            Some(m) => m,
            // Unreadable front matter may hide `draft: true`: publishing it could leak a draft.
            None => return (None, diags),
        },
    };

    let body = split.body;
    // Zola's `template = "latest.html"` with no title or text: a page of another generator's
    // theme, with nothing of its own to publish.
    if let (Some(template), None, true) = (&meta.template, &meta.title, body.trim().is_empty()) {
        diags.push(
            Diagnostic::warning(
                path,
                format!("the file only names a template of another generator ({template:?}) and has no title or text; it is skipped"),
            )
            .at_line(Some(1)),
        );
        return (None, diags);
    }
    let title = match meta.title.clone() {
        Some(t) => t,
        None => {
            let fallback = markdown::first_h1(body).unwrap_or_else(|| title_from_stem(stem));
            let published_as = format!("the post is published as {fallback:?} (from its first heading or file name) until it has one");
            if let Some(d) = diags
                .iter_mut()
                .find(|d| d.field.as_deref() == Some("title"))
            {
                // A title of the wrong type: one diagnostic, as an error, since a title is required.
                d.severity = crate::diagnostics::Severity::Error;
                d.reason = d.reason.replace("the field is ignored", &published_as);
            } else if split.front_matter.is_some() {
                diags.push(
                    Diagnostic::error(path, format!("a title is required; {published_as}"))
                        .field("title", None)
                        .at_line(split.front_matter.as_ref().map(|f| f.first_line)),
                );
            }
            fallback
        }
    };

    let hash = content_hash(&file.bytes);
    let leaf = choose_slug(
        &meta,
        &split.front_matter,
        &file_slug,
        &hash,
        path,
        &mut diags,
    );
    // A section's posts live under it, so equal names in two sections never clash.
    let slug = sections
        .iter()
        .map(String::as_str)
        .chain([leaf.as_str()])
        .collect::<Vec<_>>()
        .join("/");

    // Date: front matter wins; otherwise, or when it cannot be read, the date a Jekyll or
    // Zola file name or a dated old address carries. With none, an unreadable date is shown
    // as written, never guessed.
    let other_date = file_date
        .map(|d| (d.to_string(), "the file name".to_string()))
        .or_else(|| {
            let (field, address) = meta.old_address.as_ref()?;
            Some((slug::date_in_address(address)?, format!("`{field}`")))
        });
    let mut date_written = meta.date.clone();
    let mut date_iso = None;
    let mut timestamp = None;
    let mut date_display = date_written.clone();
    if let Some(raw) = &meta.date {
        match date::parse(raw) {
            Ok(d) => {
                date_iso = Some(d.iso);
                timestamp = Some(d.timestamp);
                date_display = Some(d.display);
            }
            Err(reason) => {
                let fallback = match &other_date {
                    Some((d, from)) => format!("the date {d} from {from} is used"),
                    None => "the post is published with the date shown as written and listed after dated posts".to_string(),
                };
                diags.push(
                    Diagnostic::warning(path, format!("{reason}; {fallback}"))
                        .field("date", Some(raw))
                        .at_line(field_line(&split.front_matter, "date")),
                );
                if other_date.is_some() {
                    date_written = None;
                }
            }
        }
    }
    if date_written.is_none() {
        if let Some((raw, _)) = &other_date {
            if let Ok(d) = date::parse(raw) {
                date_written = Some(raw.clone());
                date_iso = Some(d.iso);
                timestamp = Some(d.timestamp);
                date_display = Some(d.display);
            }
        }
    }
    let updated = meta
        .updated
        .as_ref()
        .and_then(|raw| match date::parse(raw) {
            Ok(d) => Some(d.iso),
            Err(reason) => {
                diags.push(
                    Diagnostic::warning(path, format!("{reason}; the field is ignored"))
                        .field("updated", Some(raw))
                        .at_line(field_line(&split.front_matter, "updated")),
                );
                None
            }
        });

    // Other generators' template code becomes what they would have published: from here on
    // that is the post's text, for every reader of it (page, app, feed, search, summary).
    let dir = file.rel_path.rsplit_once('/').map_or("", |(d, _)| d);
    let page = shortcodes::Page {
        path,
        source_dir: dir,
        body_line: split.body_line,
        fields: &meta.fields,
        title: &title,
        date: date_iso.as_deref().or(date_written.as_deref()),
        url: if file.rel_path.starts_with("pages/") {
            crate::url::page_route("", &slug)
        } else {
            crate::url::post_route("", &slug)
        },
    };
    let expanded = shortcodes::expand(body, cx, &page);
    let (body, text) = match expanded {
        Some(e) => {
            diags.extend(e.diagnostics);
            let head = &text[..text.len() - body.len()];
            let text = format!("{head}{}", e.text);
            (text[head.len()..].to_string(), text)
        }
        None => (body.to_string(), text.clone()),
    };
    let body = body.as_str();
    // Math the converter cannot read is shown as its source; the author hears where.
    let (math, math_errors) = crate::markdown::math_all(body);
    for (offset, tex, reason) in math_errors {
        diags.push(
            Diagnostic::warning(
                path,
                format!("this math cannot be converted to MathML ({reason}); it is shown as its TeX source"),
            )
            .field("math", Some(&tex))
            .at_line(Some(split.body_line + body[..offset].matches('\n').count())),
        );
    }
    let words = markdown::word_count(body);
    let summary = match &meta.description {
        Some(d) => d.clone(),
        None => markdown::summary(body, SUMMARY_CHARS),
    };

    let entry = PostEntry {
        slug,
        title,
        source: file.rel_path.clone(),
        date: date_iso,
        date_written,
        date_display,
        updated,
        description: meta.description.clone(),
        summary,
        tags: meta.tags.clone(),
        tag_slugs: meta.tags.iter().map(|t| tag_slug(t)).collect(),
        category_slugs: meta.categories.iter().map(|t| tag_slug(t)).collect(),
        categories: meta.categories.clone(),
        image: meta.image.as_deref().and_then(|raw| {
            let dir = file.rel_path.rsplit_once('/').map_or("", |(d, _)| d);
            match image_path(raw, dir) {
                Some(p) => Some(p),
                None => {
                    diags.push(
                        Diagnostic::warning(
                            path,
                            "the image must be a path or an http(s) address; the post is shown without it",
                        )
                        .field("image", Some(raw)),
                    );
                    None
                }
            }
        }),
        author_ids: meta.authors.iter().map(|a| tag_slug(a)).collect(),
        authors: meta.authors.clone(),
        series_slug: meta.series.as_deref().map(tag_slug),
        series: meta.series.clone(),
        series_order: meta.series_order,
        draft: meta.draft,
        words,
        reading_minutes: markdown::reading_minutes(words),
        // Of the published text, not the file: a template's value (another post's address, the
        // site's title) may change while the file does not.
        hash: if text.as_bytes() == file.bytes.as_slice() {
            hash
        } else {
            content_hash(text.as_bytes())
        },
    };
    (
        Some(Post {
            entry,
            text,
            timestamp,
            code: Vec::new(),
            images: Vec::new(),
            math,
            old_addresses: meta
                .aliases
                .iter()
                .map(|a| ("aliases".to_string(), a.clone()))
                .chain(meta.old_address.clone())
                .collect(),
        }),
        diags,
    )
}

fn choose_slug(
    meta: &Meta,
    fm: &Option<FrontMatter>,
    file_slug: &str,
    hash: &str,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> String {
    if let Some(wanted) = &meta.slug {
        let clean = slug::slugify(wanted);
        if clean.is_empty() {
            diags.push(
                Diagnostic::warning(
                    path,
                    "the slug has no letters or digits; the file name is used instead",
                )
                .field("slug", Some(wanted))
                .at_line(field_line(fm, "slug")),
            );
        } else {
            if clean != *wanted {
                diags.push(
                    Diagnostic::warning(
                        path,
                        format!("a slug may hold only lowercase letters, digits and `-` (no `/`, `..`, spaces or accents); {clean:?} is used"),
                    )
                    .field("slug", Some(wanted))
                    .at_line(field_line(fm, "slug")),
                );
            }
            return clean;
        }
    }
    if file_slug.is_empty() {
        let fallback = format!("post-{}", &hash[..8]);
        diags.push(Diagnostic::warning(
            path,
            format!("the file name gives no usable slug; {fallback:?} is used. Rename the file or set `slug:`"),
        ));
        return fallback;
    }
    file_slug.to_string()
}

/// A post's image as the manifest keeps it: from the site root (`posts/a/cover.png`) or an
/// http(s) address; `None` for anything else (`javascript:`, `data:` …).
fn image_path(raw: &str, dir: &str) -> Option<String> {
    let raw = raw.trim();
    if let Some((scheme, _)) = raw.split_once("://") {
        return matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https")
            .then(|| raw.to_string());
    }
    if raw.contains(':') || raw.starts_with("//") || raw.is_empty() {
        return None;
    }
    let resolved = crate::url::resolve_relative(dir, raw);
    Some(resolved.trim_start_matches('/').to_string())
}

/// A tag's URL slug; a tag of only symbols (`C++`, `#`) still gets one.
pub fn tag_slug(tag: &str) -> String {
    let s = slug::slugify(tag);
    if s.is_empty() {
        format!("tag-{}", &content_hash(tag.as_bytes())[..8])
    } else {
        s
    }
}

fn title_from_stem(stem: &str) -> String {
    let (_, slug) = slug::from_file_stem(stem);
    let words = slug.replace('-', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => "Untitled".to_string(),
    }
}

fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
