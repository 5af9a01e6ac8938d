//! Which post or page a template names: Jekyll's `{% link _posts/2019-03-01-x.md %}` and
//! `{% post_url 2019-03-01-x %}`, Hugo's `{{< ref "posts/x.md" >}}` and `{{< relref "x" >}}`.
//! Those paths are the other generator's (`content/`, `_posts/`, with or without the file's
//! extension); the posts now live under `public/posts/` and `public/pages/`, perhaps one
//! folder up or down. So every source is found by each tail of its path.

use std::collections::HashMap;

/// Every post's and page's source (relative to `public/`), findable by the tails of its path.
#[derive(Debug, Default)]
pub struct Sources {
    paths: Vec<String>,
    by_key: HashMap<String, Vec<usize>>,
}

/// What a name leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum Found<'a> {
    One(&'a str),
    /// Several sources end so; the first (in path order) is used.
    Several(Vec<&'a str>),
    None,
}

impl Sources {
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a str>) -> Self {
        let mut paths: Vec<String> = paths.into_iter().map(str::to_string).collect();
        paths.sort();
        paths.dedup();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, path) in paths.iter().enumerate() {
            for key in keys(path) {
                let list = by_key.entry(key).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Sources { paths, by_key }
    }

    /// The source `name` stands for (`_posts/2019-03-01-x.md`, `/posts/x`, `x.md`, `@/blog/x.md`);
    /// a `#fragment` or `?query` is not part of it.
    pub fn find(&self, name: &str) -> Found<'_> {
        let wanted = normalize(name);
        let mut hits = self.by_key.get(&wanted);
        if hits.is_none() {
            // `_posts/x`, `_docs/x`: Jekyll's folders, which the move may have dropped.
            let dropped: Vec<&str> = wanted.split('/').filter(|p| !p.starts_with('_')).collect();
            hits = self.by_key.get(&dropped.join("/"));
        }
        match hits.map(Vec::as_slice) {
            Some([one]) => Found::One(&self.paths[*one]),
            Some(many) if !many.is_empty() => {
                Found::Several(many.iter().map(|i| self.paths[*i].as_str()).collect())
            }
            _ => Found::None,
        }
    }
}

/// The file's path without extension and without `index`/`_index` (a bundle is its folder).
fn stem(path: &str) -> &str {
    let path = path
        .strip_suffix(".md")
        .or_else(|| path.strip_suffix(".markdown"))
        .or_else(|| path.strip_suffix(".html"))
        .unwrap_or(path);
    path.strip_suffix("/index")
        .or_else(|| path.strip_suffix("/_index"))
        .unwrap_or(path)
}

fn normalize(name: &str) -> String {
    let name = name.trim().trim_matches(['"', '\'']);
    let name = &name[..name.find(['#', '?']).unwrap_or(name.len())];
    let mut name = name.trim_start_matches("./").trim_start_matches('/');
    for prefix in ["@/", "content/", "public/"] {
        name = name.strip_prefix(prefix).unwrap_or(name);
    }
    stem(name.trim_end_matches('/')).to_string()
}

/// Every tail of the path at a folder boundary (`posts/_posts/2019-x`, `_posts/2019-x`,
/// `2019-x`), and the same without `_`-folders (`posts/2019-x`).
fn keys(path: &str) -> Vec<String> {
    let stem = stem(path);
    let parts: Vec<&str> = stem.split('/').collect();
    let mut keys = Vec::new();
    for n in 0..parts.len() {
        keys.push(parts[n..].join("/"));
        let kept: Vec<&str> = parts[n..]
            .iter()
            .copied()
            .filter(|p| !p.starts_with('_'))
            .collect();
        if !kept.is_empty() {
            keys.push(kept.join("/"));
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_finds_its_source_by_any_tail() {
        let s = Sources::new([
            "posts/_posts/2019-03-01-release.md",
            "posts/hugo/leaf/index.md",
            "posts/notes/intro.md",
            "posts/blog/intro.md",
            "pages/about.md",
        ]);
        let one = |p: &'static str| Found::One(p);
        assert_eq!(
            s.find("_posts/2019-03-01-release.md"),
            one("posts/_posts/2019-03-01-release.md")
        );
        assert_eq!(
            s.find("2019-03-01-release"),
            one("posts/_posts/2019-03-01-release.md")
        );
        assert_eq!(
            s.find("/posts/2019-03-01-release"),
            one("posts/_posts/2019-03-01-release.md")
        );
        assert_eq!(s.find("leaf"), one("posts/hugo/leaf/index.md"));
        assert_eq!(
            s.find("content/hugo/leaf/index.md#x"),
            one("posts/hugo/leaf/index.md")
        );
        assert_eq!(s.find("about.md"), one("pages/about.md"));
        assert_eq!(s.find("notes/intro.md"), one("posts/notes/intro.md"));
        assert_eq!(
            s.find("intro.md"),
            Found::Several(vec!["posts/blog/intro.md", "posts/notes/intro.md"])
        );
        assert_eq!(s.find("missing.md"), Found::None);
        assert_eq!(s.find(""), Found::None);
    }
}
