//! Each language's site (an edition): its own build, base path and output folder. A site in
//! one language has one edition, at the root, built exactly as before; a multilingual site
//! adds one per other language under `/<code>/` (`quire_core::language`). The files of
//! `public/` are published once, at the root, and every language links to them there.

use crate::collect::ProjectInput;
use quire_core::diagnostics::Diagnostic;
use quire_core::site_build::{build_site, search_index, SiteBuild, SiteData};
use std::path::{Path, PathBuf};

pub struct Edition {
    pub build: SiteBuild,
    /// Its base path: `/blog`, `/blog/fr`.
    pub base: String,
    /// Its folder under the output (`""`, `"fr"`).
    pub dir: String,
}

impl Edition {
    pub fn out(&self, out: &Path) -> PathBuf {
        out.join(&self.dir)
    }

    pub fn is_default(&self) -> bool {
        self.dir.is_empty()
    }
}

/// Every language's site, the default first, with translations linked.
pub fn editions(input: &ProjectInput, base: &str, drafts: bool) -> (Vec<Edition>, Vec<Diagnostic>) {
    let default = input.site.language.clone();
    let files = std::iter::once((default, &input.posts))
        .chain(input.translations.iter().map(|(c, f)| (c.clone(), f)));
    let mut editions: Vec<Edition> = files
        .map(|(code, files)| {
            let site = quire_core::language::site(&input.site, &code);
            let dir = site.prefix().to_string();
            let base = if dir.is_empty() {
                base.to_string()
            } else {
                format!("{base}/{dir}")
            };
            Edition {
                build: build_site(files, site, drafts),
                base,
                dir,
            }
        })
        .collect();
    if editions.len() == 1 {
        return (editions, Vec::new());
    }
    let mut builds: Vec<(String, &mut SiteBuild)> = editions
        .iter_mut()
        .map(|e| (e.build.manifest.site.language.clone(), &mut e.build))
        .collect();
    let diags = quire_core::language::link(&mut builds);
    (editions, diags)
}

/// A blog in several languages: beside each language's search index, one of every language's
/// posts (`search/all.json`), for its search page's "All languages"; the other languages' posts
/// there link to their own sites.
pub fn write_search_all(out: &Path, editions: &[Edition], data: &[SiteData]) -> anyhow::Result<()> {
    if editions.len() < 2 {
        return Ok(());
    }
    for e in editions {
        let sites: Vec<(&SiteBuild, &SiteData, &str)> = editions
            .iter()
            .zip(data)
            .map(|(other, d)| {
                let at = if other.dir == e.dir {
                    ""
                } else {
                    other.base.as_str()
                };
                (&other.build, d, at)
            })
            .collect();
        let json = serde_json::to_string(&search_index(&sites))?;
        crate::collect::write(&e.out(out), quire_core::url::SEARCH_ALL_PATH, json)?;
    }
    Ok(())
}
