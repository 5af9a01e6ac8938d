//! A blog in several languages from one content folder, laid out as Zola and Hugo lay it out:
//! translations by file name (`x.fr.md`, `x/index.fr.md`, `_index.fr.md`) or by folder
//! (`content_dir`: `posts/fr/x.md`). Each language is read as a site of its own
//! ([`files`] gives each its files, named as a one-language site would name them, and
//! [`site`] its settings), so its index, sections, tags, feeds and search hold only its
//! posts; [`link`] then tells every post and page where its translations are.

use crate::diagnostics::Diagnostic;
use crate::manifest::Site;
use crate::post::{Post, SourceFile};
use crate::site_build::SiteBuild;
use std::collections::HashMap;

/// ISO 639-1 codes: a file name ending in one (`post.de.md`) that the site does not configure
/// is reported, since it is probably a translation; other dotted names (`v1.2.md`,
/// `notes.old.md`) are just names.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Each language's files, the default language first (all files, for a site in one
/// language). A file's `rel_path` is what it would be in a one-language site (`posts/x.md`
/// for `posts/x.fr.md` and `posts/fr/x.md`); its `display_path` stays the real one.
pub fn files(
    site: &Site,
    all: Vec<SourceFile>,
) -> (Vec<(String, Vec<SourceFile>)>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut groups: Vec<(String, Vec<SourceFile>)> = if site.languages.is_empty() {
        vec![(site.language.clone(), Vec::new())]
    } else {
        site.languages
            .iter()
            .map(|l| (l.code.clone(), Vec::new()))
            .collect()
    };
    // (language, path) → the file that took it.
    let mut taken: HashMap<(String, String), String> = HashMap::new();
    for mut file in all {
        let (code, rel) = assign(site, &file, &mut diags);
        let key = (code.clone(), rel.clone());
        if let Some(first) = taken.get(&key) {
            diags.push(Diagnostic::error(
                &file.display_path,
                format!("is the same {code} file as {first} (both are {rel}); this one is skipped. Remove one, or give it another name"),
            ));
            continue;
        }
        taken.insert(key, file.display_path.clone());
        file.rel_path = rel;
        if let Some((_, files)) = groups.iter_mut().find(|(c, _)| *c == code) {
            files.push(file);
        }
    }
    (groups, diags)
}

/// A file's language and its path without it.
fn assign(site: &Site, file: &SourceFile, diags: &mut Vec<Diagnostic>) -> (String, String) {
    let default = site.language.clone();
    let Some((top, rest)) = file.rel_path.split_once('/') else {
        return (default, file.rel_path.clone());
    };
    let by_folder = site.languages.iter().find_map(|l| {
        let dir = l.settings.content_dir.as_deref()?;
        Some((l.code.clone(), rest.strip_prefix(dir)?.strip_prefix('/')?))
    });
    let (folder_code, rest) = match by_folder {
        Some((code, rest)) => (Some(code), rest),
        None => (None, rest),
    };
    let (dir, name) = match rest.rsplit_once('/') {
        Some((d, n)) => (format!("{d}/"), n),
        None => (String::new(), rest),
    };
    let (stem, ext) = name.rsplit_once('.').map_or((name, ""), |(s, e)| (s, e));
    let named = stem.rsplit_once('.').filter(|(s, _)| !s.is_empty());
    let configured = |code: &str| site.languages.iter().any(|l| l.code == code);
    let code = match (named, folder_code) {
        (Some((plain, code)), folder) if configured(code) => {
            if let Some(f) = folder.filter(|f| f != code) {
                diags.push(Diagnostic::warning(
                    &file.display_path,
                    format!("is in the {f} folder but named as {code}; it is published in {f}"),
                ));
                return (f, format!("{top}/{dir}{plain}.{ext}"));
            }
            return (code.to_string(), format!("{top}/{dir}{plain}.{ext}"));
        }
        (Some((_, code)), _) if looks_like_language(code) => {
            diags.push(Diagnostic::warning(
                &file.display_path,
                format!("`.{code}` in the file name looks like a language, but quire.toml has no [languages.{code}]; the file is published as a post of its own. Add the language to publish it as a translation"),
            ));
            None
        }
        (_, folder) => folder,
    };
    (code.unwrap_or(default), format!("{top}/{rest}"))
}

fn looks_like_language(code: &str) -> bool {
    let primary = code.split('-').next().unwrap_or(code);
    primary.len() == 2 && ISO_639_1.split(' ').any(|c| c == primary)
}

/// The site `code`'s pages are rendered with: its title, description, menu and words over
/// the site's own.
pub fn site(base: &Site, code: &str) -> Site {
    let mut site = base.clone();
    site.language = code.to_string();
    if let Some(l) = base.languages.iter().find(|l| l.code == code) {
        let s = &l.settings;
        if let Some(t) = &s.title {
            site.title.clone_from(t);
        }
        if let Some(d) = &s.description {
            site.description.clone_from(d);
        }
        if let Some(m) = &s.menu {
            site.menu.clone_from(m);
        }
        if let Some(c) = &s.copyright {
            site.copyright = Some(c.clone());
        }
        site.strings = s.strings.clone();
    }
    site
}

/// What links a post to its translations: `translationKey`, else its path without the
/// language (`posts/x` for `posts/x.md`, `posts/x.fr.md` and `posts/x/index.fr.md`).
fn key(post: &Post) -> String {
    if let Some(k) = &post.translation_key {
        return format!("key:{k}");
    }
    let source = &post.rel_path;
    let source = source
        .strip_suffix(".md")
        .or_else(|| source.strip_suffix(".markdown"))
        .unwrap_or(source);
    source.strip_suffix("/index").unwrap_or(source).to_string()
}

/// Tells every post and page of every language (the default first) where its translations
/// are. Two posts of one language with the same key are an error naming both (the second
/// is linked to none); a file named as a translation whose original does not exist is
/// published alone, with a warning.
pub fn link(builds: &mut [(String, &mut SiteBuild)]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // key → [(language, slug, file)]
    let mut keys: HashMap<String, Vec<(String, String, String)>> = HashMap::new();
    for (code, build) in builds.iter() {
        for post in build.posts.iter().chain(&build.pages) {
            let k = key(post);
            let same = keys.entry(k).or_default();
            if let Some((_, _, first)) = same.iter().find(|(c, _, _)| c == code) {
                diags.push(Diagnostic::error(
                    &post.file,
                    format!("claims the same {code} translation as {first}; it is linked to no translation. Give one of them another `translationKey`"),
                ));
                continue;
            }
            same.push((code.clone(), post.entry.slug.clone(), post.file.clone()));
        }
    }
    let default = builds.first().map(|(c, _)| c.clone()).unwrap_or_default();
    for (code, build) in builds.iter_mut() {
        for post in build.posts.iter_mut().chain(build.pages.iter_mut()) {
            let same = &keys[&key(post)];
            if !same.iter().any(|(_, _, f)| *f == post.file) {
                continue;
            }
            post.entry.translations = same
                .iter()
                .filter(|(c, _, _)| c != code)
                .map(|(lang, slug, _)| (lang.clone(), slug.clone()))
                .collect();
            let named_as_translation = *code != default
                && (post.translation_key.is_some() || post.file.contains(&format!(".{code}.")));
            if named_as_translation && !same.iter().any(|(c, _, _)| *c == default) {
                diags.push(Diagnostic::warning(
                    &post.file,
                    format!("is a {code} translation of a post that does not exist in {default}; it is published alone"),
                ));
            }
        }
        build.manifest.posts = build.posts.iter().map(|p| p.entry.clone()).collect();
    }
    diags
}

#[cfg(test)]
mod tests;
