//! The build's link and image check: a link to a post that does not exist, to a heading the
//! target post does not have, or an image or file missing from `public/` is a warning naming
//! the file, the line and the target (`check --strict` fails on it).

use crate::diagnostics::Diagnostic;
use crate::front_matter;
use crate::markdown;
use crate::render_options::RenderOptions;
use crate::site_build::SiteBuild;
use pulldown_cmark::{Event, Parser, Tag};

/// `file_exists` answers for a path relative to `public/` (`posts/images/a.png`).
pub fn check(build: &SiteBuild, file_exists: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // Heading ids of every post, by source path.
    let ids: Vec<(String, Vec<String>)> = build
        .posts
        .iter()
        .map(|p| {
            let body = front_matter::body(&p.text);
            let r = markdown::render(body, &RenderOptions::default());
            (
                p.entry.source.clone(),
                r.headings.into_iter().map(|h| h.id).collect(),
            )
        })
        .collect();

    for post in &build.posts {
        let display = post.file.clone();
        let Ok(split) = front_matter::split(&post.text) else {
            continue;
        };
        let body = split.body;
        let dir = post.entry.source.rsplit_once('/').map_or("", |(d, _)| d);
        for (event, range) in Parser::new_ext(body, markdown::parser_options()).into_offset_iter() {
            let (dest, is_image) = match &event {
                Event::Start(Tag::Link { dest_url, .. }) => (dest_url.to_string(), false),
                Event::Start(Tag::Image { dest_url, .. }) => (dest_url.to_string(), true),
                _ => continue,
            };
            let line = split.body_line + body[..range.start].matches('\n').count();
            if let Some(problem) =
                problem(&dest, is_image, dir, &post.entry.source, &ids, file_exists)
            {
                let what = if is_image { "image" } else { "link" };
                diags.push(
                    Diagnostic::warning(
                        &display,
                        format!("{problem}; the {what} is published as written"),
                    )
                    .field(what, Some(&dest))
                    .at_line(Some(line)),
                );
            }
        }
    }
    diags
}

fn problem(
    dest: &str,
    is_image: bool,
    dir: &str,
    own_source: &str,
    ids: &[(String, Vec<String>)],
    file_exists: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let ids_of = |source: &str| ids.iter().find(|(s, _)| s == source).map(|(_, v)| v);
    let dest = dest.trim();
    if dest.is_empty() || dest.starts_with("//") || has_scheme(dest) {
        return None;
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        let ids = ids_of(own_source)?;
        return (!fragment.is_empty() && !ids.iter().any(|i| i == fragment))
            .then(|| format!("this post has no heading with the id {fragment:?}"));
    }
    let resolved = crate::url::resolve_relative(dir, dest);
    let end = resolved.find(['?', '#']).unwrap_or(resolved.len());
    let path = resolved[..end].trim_start_matches('/');
    let fragment = resolved[end..].split_once('#').map(|(_, f)| f);
    let path = percent_decode(path);
    if !is_image && (path.ends_with(".md") || path.ends_with(".markdown")) {
        let Some(ids) = ids_of(&path) else {
            return Some(format!("there is no post at public/{path}"));
        };
        if let Some(f) = fragment.filter(|f| !f.is_empty()) {
            if !ids.iter().any(|i| i == f) {
                return Some(format!("public/{path} has no heading with the id {f:?}"));
            }
        }
        return None;
    }
    // Site routes (`/tags/`, `/posts/x/`) are not files; only paths naming a file are checked.
    let last = path.rsplit('/').next().unwrap_or("");
    if !last.contains('.') {
        return None;
    }
    (!file_exists(&path)).then(|| format!("public/{path} does not exist"))
}

fn has_scheme(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Site;
    use crate::post::SourceFile;
    use crate::site_build::build_site;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            display_path: format!("public/posts/{name}"),
            rel_path: format!("posts/{name}"),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn broken_links_and_images_are_named_with_their_line() {
        let files = vec![
            file("a.md", "---\ntitle: A\n---\n## Setup\n\n[b](./b.md#usage) [gone](missing.md)\n\n[bad anchor](b.md#nope) [self](#setup) [self bad](#nowhere)\n\n![ok](./img/ok.png) ![missing](./img/no.png) [site](/tags/) [web](https://x.org/a.md)\n"),
            file("b.md", "---\ntitle: B\n---\n## Usage\n"),
        ];
        let build = build_site(&files, Site::default(), false);
        let exists = |p: &str| p == "posts/img/ok.png";
        let diags = check(&build, &exists);
        let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown.len(), 4, "{shown:#?}");
        assert!(shown[0].starts_with("warning: public/posts/a.md:6: link \"missing.md\": there is no post at public/posts/missing.md"), "{}", shown[0]);
        assert!(
            shown[1].contains(
                ":8: link \"b.md#nope\": public/posts/b.md has no heading with the id \"nope\""
            ),
            "{}",
            shown[1]
        );
        assert!(
            shown[2].contains(
                ":8: link \"#nowhere\": this post has no heading with the id \"nowhere\""
            ),
            "{}",
            shown[2]
        );
        assert!(
            shown[3]
                .contains(":10: image \"./img/no.png\": public/posts/img/no.png does not exist"),
            "{}",
            shown[3]
        );
    }
}
