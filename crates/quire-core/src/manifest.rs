//! The manifest: what the build tool tells the app about the site and its published posts.
//! Typed and versioned so the app can trust it; `serde_json` on both sides.

use serde::{Deserialize, Serialize};

/// Bumped when a field changes meaning; the app refuses a manifest of another version with a
/// clear message rather than misreading it.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub site: Site,
    /// Published posts, newest first; undated or invalid-dated posts last.
    pub posts: Vec<PostEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    /// Posts per index page.
    #[serde(default = "default_per_page")]
    pub posts_per_page: usize,
    /// Absolute URL of the deployed site (for feeds and canonical links), if configured.
    #[serde(default)]
    pub base_url: Option<String>,
    /// The header's menu, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub menu: Vec<MenuItem>,
    /// Links to the author elsewhere (`[social]` in `quire.toml`), for the footer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub social: Vec<SocialLink>,
    /// The footer's copyright or licence line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    /// `[comments]`: a discussion under each post (giscus, utterances).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<crate::services::Comments>,
    /// `[analytics]`: page views (Plausible, GoatCounter, Umami).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analytics: Option<crate::services::Analytics>,
    /// The slugs of the standalone pages (`public/pages/`), so the app knows at once whether an
    /// address is a page or nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<String>,
    /// `[authors.<id>]` from `quire.toml`: read at build time into bylines and author pages,
    /// not repeated in every data file.
    #[serde(skip)]
    pub authors: Vec<AuthorInfo>,
    /// The sections (folders of `public/posts/` holding posts), so the app tells a section's
    /// address from a post's at once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
    /// Whether the home page lists the posts of sections too (`section_posts_on_home`).
    #[serde(skip, default = "yes")]
    pub section_posts_on_home: bool,
    /// What templates in posts may use: build time (and the preview's page) only.
    #[serde(skip)]
    pub templates: Templates,
    /// The video providers the posts embed (`crate::embed`), whose origins the CSP's
    /// `frame-src` gains. Build time only.
    #[serde(skip)]
    pub embeds: Vec<String>,
    /// Every language of a multilingual site (`[languages]`), the default one (at the root)
    /// first; empty for a site in one language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// The interface's words in `language` (build time: pages carry them in [`PageData`],
    /// once, rather than every data file; the app's `Site` has none to compare or clone).
    #[cfg(feature = "meta")]
    #[serde(skip)]
    pub strings: crate::strings::Strings,
}

/// One of a multilingual site's languages, as its language switcher shows it: a pair of code
/// and name in data files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "(String, String)", into = "(String, String)")]
pub struct Language {
    /// `fr`, `pt-BR`: the `lang` of its pages, and its addresses' prefix (`/fr/`) unless it is
    /// the default.
    pub code: String,
    /// `Français`: how the switcher names it, in its own language.
    pub name: String,
    /// What `[languages.<code>]` sets (build time only: not in the app's WASM).
    #[cfg(feature = "meta")]
    pub settings: LanguageSettings,
}

impl From<(String, String)> for Language {
    fn from((code, name): (String, String)) -> Self {
        Language {
            code,
            name,
            #[cfg(feature = "meta")]
            settings: LanguageSettings::default(),
        }
    }
}

impl From<Language> for (String, String) {
    fn from(l: Language) -> Self {
        (l.code, l.name)
    }
}

/// `[languages.<code>]`'s settings besides the name: what the language's site changes.
/// Serialized only for the `/preview/` page's worker (a draft named `x.fr.md` previews as
/// French), with every word; data files never carry them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LanguageSettings {
    pub title: Option<String>,
    pub description: Option<String>,
    pub menu: Option<Vec<MenuItem>>,
    pub copyright: Option<String>,
    /// Hugo's `contentDir`: the folder under `posts/` and `pages/` holding this language's
    /// files (`fr` for `public/posts/fr/…`).
    pub content_dir: Option<String>,
    #[serde(with = "crate::strings::every_word")]
    pub strings: crate::strings::Strings,
}

/// A language with its settings, as the `/preview/` page carries them (a [`Language`] in data
/// files is only its code and name).
#[cfg(feature = "meta")]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LanguageTable {
    pub code: String,
    pub name: String,
    pub settings: LanguageSettings,
}

#[cfg(feature = "meta")]
impl From<&Language> for LanguageTable {
    fn from(l: &Language) -> Self {
        LanguageTable {
            code: l.code.clone(),
            name: l.name.clone(),
            settings: l.settings.clone(),
        }
    }
}

#[cfg(feature = "meta")]
impl From<LanguageTable> for Language {
    fn from(t: LanguageTable) -> Self {
        Language {
            code: t.code,
            name: t.name,
            settings: t.settings,
        }
    }
}

impl Site {
    /// The path of this language's addresses under the site's root: `""` for the default
    /// language (and a site in one language), `"fr"` for the others.
    pub fn prefix(&self) -> &str {
        match self.languages.first() {
            Some(default) if default.code != self.language => &self.language,
            _ => "",
        }
    }

    /// The site's root from this language's base (`/blog/fr` → `/blog`).
    pub fn root<'a>(&self, base: &'a str) -> &'a str {
        match self.prefix() {
            "" => base,
            p => base
                .strip_suffix(p)
                .and_then(|b| b.strip_suffix('/'))
                .unwrap_or(base),
        }
    }

    /// Each language's address of a page (hreflang alternates and the language switcher), the
    /// page's own language first: a post's or standalone page's `entry` and its translations,
    /// or with `None` the home pages. Empty for a site in one language.
    pub fn alternates(&self, base: &str, entry: Option<&PostEntry>) -> Vec<(String, String)> {
        if self.languages.is_empty() {
            return Vec::new();
        }
        let Some(e) = entry else {
            let home = |code: &str| {
                let base = self.language_base(base, code);
                (code.to_string(), crate::url::home(&base))
            };
            let others = self.languages.iter().filter(|l| l.code != self.language);
            return std::iter::once(home(&self.language))
                .chain(others.map(|l| home(&l.code)))
                .collect();
        };
        std::iter::once((self.language.clone(), e.route(base)))
            .chain(e.translations.iter().map(|(lang, slug)| {
                let there = PostEntry {
                    slug: slug.clone(),
                    source: e.source.clone(),
                    ..PostEntry::default()
                };
                (lang.clone(), there.route(&self.language_base(base, lang)))
            }))
            .collect()
    }

    /// The other language whose addresses `path` lies under (`/blog/fr/posts/gone/` on the
    /// English site's page gives `fr`): a host with one `404.html` answers every missing
    /// address with the default language's. `None` when `path` is this page's language's.
    pub fn language_at(&self, base: &str, path: &str) -> Option<&str> {
        let default = self.languages.first()?;
        self.languages
            .iter()
            .map(|l| l.code.as_str())
            .filter(|&c| c != default.code && c != self.language)
            .find(|&c| {
                let there = self.language_base(base, c);
                path.strip_prefix(there.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
    }

    /// The base of `code`'s addresses, from this language's base.
    pub fn language_base(&self, base: &str, code: &str) -> String {
        let root = self.root(base);
        match self.languages.first() {
            Some(default) if default.code != code => format!("{root}/{code}"),
            _ => root.to_string(),
        }
    }
}

/// What the template code in posts' bodies may use (`crate::shortcodes`). Not in the manifest:
/// the build expands templates; only the `/preview/` page carries this, for its worker.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Templates {
    /// `[params]` from `quire.toml`, flattened (`author.name`): Hugo's `param` and Liquid's
    /// `site.*` read them.
    #[serde(default)]
    pub params: Vec<(String, String)>,
    /// `[shortcodes.NAME]` from `quire.toml`: the site's own shortcodes, name and pattern.
    #[serde(default)]
    pub shortcodes: Vec<(String, String)>,
    /// Posts and pages a post may link to beside those being built, as (source, slug):
    /// `("posts/a.md", "a")`. The preview's draft links to the published posts.
    #[serde(default)]
    pub sources: Vec<(String, String)>,
}

fn yes() -> bool {
    true
}

/// An author: as configured in `quire.toml` (`[authors.ann] name = "Ann Example"`, `url`,
/// `bio`), or just as a post names them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorInfo {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    /// How many published posts name them.
    #[serde(default)]
    pub count: usize,
}

/// `/authors/<id>/`: an author's posts, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthorPage {
    pub version: u32,
    pub site: Site,
    pub author: AuthorInfo,
    pub posts: Vec<PostEntry>,
}

impl RouteData for AuthorPage {
    fn data_path(&self) -> String {
        crate::url::author_data_path(&self.author.id)
    }
    fn title(&self) -> Option<String> {
        Some(format!("Posts by {}", self.author.name))
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

/// Groups posts by author id, with what `quire.toml` says of each.
pub fn authors(site: &Site, posts: &[PostEntry]) -> Vec<AuthorPage> {
    let mut pages: Vec<AuthorPage> = Vec::new();
    for p in posts {
        for (name, id) in p.authors.iter().zip(&p.author_ids) {
            match pages.iter_mut().find(|a| a.author.id == *id) {
                Some(a) => {
                    a.posts.push(p.clone());
                    a.author.count += 1;
                }
                None => {
                    let known = site.authors.iter().find(|a| a.id == *id);
                    pages.push(AuthorPage {
                        version: VERSION,
                        site: site.clone(),
                        author: AuthorInfo {
                            id: id.clone(),
                            name: name.clone(),
                            url: known.and_then(|a| a.url.clone()),
                            bio: known.and_then(|a| a.bio.clone()),
                            count: 1,
                        },
                        posts: vec![p.clone()],
                    })
                }
            }
        }
    }
    pages
}

/// A link to the author elsewhere, in the footer: its service's name (the link's accessible
/// label) and address. Mastodon's carries `rel="me"`, which verifies the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialLink {
    pub name: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub me: bool,
}

/// One entry of the header's menu: a page, a section, a post or another site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenuItem {
    pub name: String,
    /// As written in `quire.toml`: `/about/` (under the site's base path) or `https://…`.
    pub url: String,
}

impl MenuItem {
    /// Another site's address (it opens there, marked as external).
    pub fn is_external(&self) -> bool {
        self.url.contains("://") || self.url.starts_with("mailto:")
    }

    /// The link's `href`: local addresses under the base path.
    pub fn href(&self, base: &str) -> String {
        if self.is_external() {
            self.url.clone()
        } else {
            format!("{base}/{}", self.url.trim_start_matches('/'))
        }
    }
}

fn default_language() -> String {
    "en".to_string()
}

pub const DEFAULT_PER_PAGE: usize = 10;

fn default_per_page() -> usize {
    DEFAULT_PER_PAGE
}

impl Default for Site {
    fn default() -> Self {
        Site {
            title: "quire".to_string(),
            description: String::new(),
            author: None,
            language: default_language(),
            posts_per_page: DEFAULT_PER_PAGE,
            base_url: None,
            menu: Vec::new(),
            social: Vec::new(),
            copyright: None,
            comments: None,
            analytics: None,
            pages: Vec::new(),
            authors: Vec::new(),
            sections: Vec::new(),
            section_posts_on_home: true,
            templates: Templates::default(),
            embeds: Vec::new(),
            languages: Vec::new(),
            #[cfg(feature = "meta")]
            strings: crate::strings::Strings::default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostEntry {
    pub slug: String,
    pub title: String,
    /// The source file relative to `public/`, e.g. `posts/hello.md` (for links between posts).
    pub source: String,
    /// The date as parsed, ISO 8601 (`2022-03-15` or `2022-03-15T10:18:00+05:30`); `None` when
    /// the post has no date or its date is invalid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date exactly as the author wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_written: Option<String>,
    /// What readers see: `15 March 2022` for a valid date, else the date as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_display: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Plain-text summary for the index: the description, else the text before
    /// `<!-- more -->`, else the first paragraph.
    #[serde(default)]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// URL slugs of `tags`, in the same order (`/tags/<slug>/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_slugs: Vec<String>,
    /// `categories` (Jekyll, Hugo), a second taxonomy, and their slugs (`/categories/<slug>/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_slugs: Vec<String>,
    /// The post's image, shown at the top of the article and as its `og:image`: a path from the
    /// site root (`posts/a/cover.png`) or an `https://` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The byline: each author's name (from `[authors.<id>]` in `quire.toml` when set there).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Their ids, in the same order (`/authors/<id>/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author_ids: Vec<String>,
    /// The series the post is a part of, its slug (`/series/<slug>/`) and its place in it
    /// (`series_order`; by date when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_order: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    pub words: usize,
    pub reading_minutes: u32,
    /// Content hash of the source file, for cache busting.
    pub hash: String,
    /// The same post in the site's other languages: (language, slug there). Pairs, which the
    /// app decodes already (a struct of its own would cost its WASM a decoder).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<(String, String)>,
}

impl PostEntry {
    /// A standalone page (`public/pages/…`) rather than a post.
    pub fn is_page(&self) -> bool {
        self.source.starts_with("pages/")
    }

    /// Where its Markdown is published, relative to the site root.
    pub fn markdown_path(&self) -> String {
        crate::url::markdown_path(&self.slug, self.is_page())
    }

    /// The image's address under `base`.
    pub fn image_url(&self, base: &str) -> Option<String> {
        let image = self.image.as_deref()?;
        Some(if image.contains("://") {
            image.to_string()
        } else {
            format!("{base}/{image}")
        })
    }

    /// Its address: `/blog/posts/a/` for a post, `/blog/about/` for a page.
    pub fn route(&self, base: &str) -> String {
        if self.is_page() {
            crate::url::page_route(base, &self.slug)
        } else {
            crate::url::post_route(base, &self.slug)
        }
    }
}

/// A standalone page's data: a post's, without neighbours, tags or dates shown, at
/// `pages/<slug>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StandalonePage(pub PostData);

impl RouteData for StandalonePage {
    fn data_path(&self) -> String {
        crate::url::page_data_path(&self.0.entry.slug)
    }
    fn title(&self) -> Option<String> {
        Some(self.0.entry.title.clone())
    }
    fn site(&self) -> &Site {
        &self.0.site
    }
}

/// One page of the index (`index/<n>.json`, embedded in `/` and `/page/<n>/`): the first view
/// costs one page's entries, however many posts the blog has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListPage {
    pub version: u32,
    pub site: Site,
    /// 1-based.
    pub page: usize,
    pub pages: usize,
    pub total: usize,
    pub posts: Vec<PostEntry>,
    /// The section this index lists (a folder of `public/posts/`), or the home page's title
    /// and introduction from `public/posts/_index.md` (path `""`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionInfo>,
}

/// A section: its path under `/posts/`, and the title and introduction its `_index.md` gives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionInfo {
    pub path: String,
    pub title: String,
    /// The introduction, as safe HTML rendered by the build.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
}

impl ListPage {
    /// Its address: `/blog/page/2/`, `/blog/posts/rust/`.
    pub fn route(&self, base: &str) -> String {
        self.route_of(base, self.page)
    }

    /// The address of another page of the same index (for the pager).
    pub fn route_of(&self, base: &str, page: usize) -> String {
        match self.section_path() {
            Some(s) => crate::url::section_route(base, s, page),
            None => crate::url::index_route(base, page),
        }
    }

    /// Where the build writes its prerendered page.
    pub fn page_path(&self) -> String {
        match self.section_path() {
            Some(s) => crate::url::section_page_path(s, self.page),
            None => crate::url::index_page_path(self.page),
        }
    }

    /// The section it lists, if it is not the home page's index.
    pub fn section_path(&self) -> Option<&str> {
        self.section
            .as_ref()
            .map(|s| s.path.as_str())
            .filter(|p| !p.is_empty())
    }
}

/// A neighbour for "previous / next post" links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostLink {
    pub slug: String,
    pub title: String,
}

impl PostLink {
    pub fn of(p: &PostEntry) -> Self {
        PostLink {
            slug: p.slug.clone(),
            title: p.title.clone(),
        }
    }
}

/// Everything the article view needs besides the Markdown (`posts/<slug>.json`, embedded in the
/// article's page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostData {
    pub version: u32,
    pub site: Site,
    pub entry: PostEntry,
    /// The newer post (listed before this one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<PostLink>,
    /// The older post (listed after this one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<PostLink>,
    /// Source paths of other posts this one links to (`posts/other.md`) → their slugs, so the
    /// app resolves those links without the whole manifest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<(String, String)>,
    /// The post's headings, for its table of contents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<crate::markdown::Heading>,
    /// Highlighting runs for the post's code blocks (see [`crate::code`]); empty when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<crate::code::Tokens>,
    /// Its local images' sizes, read at build time (see [`crate::render_options::ImageSize`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<crate::render_options::ImageSize>,
    /// Its math expressions as MathML, in order, converted by the build (see [`crate::math`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub math: Vec<String>,
    /// The series it is a part of, as the article shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<SeriesNav>,
    /// Up to three posts on the same subject (shared tags, similar words), chosen at build
    /// time (see [`crate::related`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<PostLink>,
}

impl PostData {
    /// The post's body as its page shows it, from its file's text (front matter and all): the
    /// one call the prerenderer, the feed and the preview make.
    pub fn render(&self, text: &str, base: &str) -> String {
        let base = crate::article::Base {
            pages: base,
            files: self.site.root(base),
        };
        crate::article::render_post(
            crate::front_matter::body(text),
            &self.entry.source,
            base,
            &self.links,
            &self.code,
            &self.images,
            &self.math,
        )
    }
}

/// A tag and how many posts carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagInfo {
    pub name: String,
    pub slug: String,
    pub count: usize,
}

/// All tags (`tags/index.json`), most used first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagList {
    pub version: u32,
    pub site: Site,
    pub tags: Vec<TagInfo>,
}

/// The posts of one tag (`tags/<slug>.json`), in index order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagPage {
    pub version: u32,
    pub site: Site,
    pub tag: TagInfo,
    pub posts: Vec<PostEntry>,
    /// Tags, or categories (Jekyll's and Hugo's second taxonomy): the same pages elsewhere.
    #[serde(default, skip_serializing_if = "Taxonomy::is_tags")]
    pub taxonomy: Taxonomy,
}

/// `/categories/<slug>/`: a category's posts (a [`TagPage`] of [`Taxonomy::Categories`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CategoryPage(pub TagPage);

/// A taxonomy's own data type is its [`TagPage`] under another name, so the app's cache and
/// loader tell them apart.
macro_rules! tag_page_route_data {
    ($page:ty) => {
        impl RouteData for $page {
            fn data_path(&self) -> String {
                self.0.data_path()
            }
            fn title(&self) -> Option<String> {
                self.0.title()
            }
            fn site(&self) -> &Site {
                &self.0.site
            }
        }
    };
}

tag_page_route_data!(CategoryPage);

/// Which grouping of posts a [`TagPage`] is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Taxonomy {
    #[default]
    Tags,
    Categories,
    /// Parts of a series, in the series' order (`series_order`, then by date).
    Series,
}

impl Taxonomy {
    fn is_tags(&self) -> bool {
        *self == Taxonomy::Tags
    }

    /// A post's names and slugs in this taxonomy.
    fn of(self, p: &PostEntry) -> (&[String], &[String]) {
        match self {
            Taxonomy::Tags => (&p.tags, &p.tag_slugs),
            Taxonomy::Categories => (&p.categories, &p.category_slugs),
            Taxonomy::Series => (p.series.as_slice(), p.series_slug.as_slice()),
        }
    }
}

/// Groups posts by tag slug (tags that slugify alike are one tag, named as first written).
pub fn tags(site: &Site, posts: &[PostEntry]) -> (TagList, Vec<TagPage>) {
    let pages = group(site, posts, Taxonomy::Tags);
    let list = TagList {
        version: VERSION,
        site: site.clone(),
        tags: pages.iter().map(|p| p.tag.clone()).collect(),
    };
    (list, pages)
}

/// Groups posts by category, as [`tags`] does by tag.
pub fn categories(site: &Site, posts: &[PostEntry]) -> Vec<TagPage> {
    group(site, posts, Taxonomy::Categories)
}

/// Each series' parts, in reading order: those with a `series_order` by it, then the others
/// oldest first (undated last).
pub fn series(site: &Site, posts: &[PostEntry]) -> Vec<SeriesPage> {
    let position: std::collections::HashMap<&str, usize> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.as_str(), i))
        .collect();
    let mut pages = group(site, posts, Taxonomy::Series);
    for page in &mut pages {
        // `posts` is newest first with undated posts last.
        page.posts.sort_by_key(|p| {
            (
                p.series_order.is_none(),
                p.series_order,
                p.date.is_none(),
                std::cmp::Reverse(position.get(p.slug.as_str()).copied()),
            )
        });
    }
    pages.into_iter().map(SeriesPage).collect()
}

/// What an article shows of its series: the parts around it (at most [`SERIES_SHOWN`]) and a
/// link to the series' page, so a 500-part series does not make each part's data grow.
pub fn series_nav(page: &SeriesPage, slug: &str) -> Option<SeriesNav> {
    let parts = &page.0.posts;
    let at = parts.iter().position(|p| p.slug == slug)?;
    let first = at
        .saturating_sub(SERIES_SHOWN / 2)
        .min(parts.len().saturating_sub(SERIES_SHOWN));
    Some(SeriesNav {
        name: page.0.tag.name.clone(),
        slug: page.0.tag.slug.clone(),
        total: parts.len(),
        first: first + 1,
        current: at - first,
        parts: parts
            .iter()
            .skip(first)
            .take(SERIES_SHOWN)
            .map(PostLink::of)
            .collect(),
    })
}

pub const SERIES_SHOWN: usize = 9;

/// A series as one of its parts shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesNav {
    pub name: String,
    pub slug: String,
    /// How many parts the series has.
    pub total: usize,
    /// The number of `parts[0]` in the series (1 for the first part).
    pub first: usize,
    /// Which of `parts` is this post.
    pub current: usize,
    pub parts: Vec<PostLink>,
}

/// `/series/<slug>/`: a series' parts in order (a [`TagPage`] of [`Taxonomy::Series`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SeriesPage(pub TagPage);

tag_page_route_data!(SeriesPage);

/// The posts of each name of a taxonomy, most used first.
fn group(site: &Site, posts: &[PostEntry], taxonomy: Taxonomy) -> Vec<TagPage> {
    let mut pages: Vec<TagPage> = Vec::new();
    for p in posts {
        let (names, slugs) = taxonomy.of(p);
        for (name, slug) in names.iter().zip(slugs) {
            match pages.iter_mut().find(|t| t.tag.slug == *slug) {
                Some(t) => {
                    if !t.posts.iter().any(|q| q.slug == p.slug) {
                        t.posts.push(p.clone());
                        t.tag.count += 1;
                    }
                }
                None => pages.push(TagPage {
                    version: VERSION,
                    site: site.clone(),
                    tag: TagInfo {
                        name: name.clone(),
                        slug: slug.clone(),
                        count: 1,
                    },
                    posts: vec![p.clone()],
                    taxonomy,
                }),
            }
        }
    }
    pages.sort_by(|a, b| {
        b.tag
            .count
            .cmp(&a.tag.count)
            .then_with(|| a.tag.slug.cmp(&b.tag.slug))
    });
    pages
}

/// What every data file a route shows has in common: where it lives, what the page is called,
/// and the site it belongs to. The app's loader, its cache, the prerenderer and the takeover all
/// go through this, so a new route's data needs only this impl.
pub trait RouteData {
    /// Its file, relative to the site root (`posts/a.json`): also its key in the app's cache.
    fn data_path(&self) -> String;
    /// The document title's first part ("Page 2", "Posts tagged “go”"); `None` for the site's
    /// title alone. The app and the prerendered page both use it.
    fn title(&self) -> Option<String>;
    fn site(&self) -> &Site;
}

impl RouteData for ListPage {
    fn data_path(&self) -> String {
        match self.section_path() {
            Some(s) => crate::url::section_data_path(s, self.page),
            None => crate::url::list_data_path(self.page),
        }
    }
    fn title(&self) -> Option<String> {
        let page = (self.page > 1).then(|| format!("Page {}", self.page));
        match (&self.section, page) {
            (Some(s), page) if !s.path.is_empty() => Some(match page {
                Some(p) => format!("{} · {p}", s.title),
                None => s.title.clone(),
            }),
            (_, page) => page,
        }
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

impl RouteData for PostData {
    fn data_path(&self) -> String {
        crate::url::post_data_path(&self.entry.slug)
    }
    fn title(&self) -> Option<String> {
        Some(self.entry.title.clone())
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

impl RouteData for TagList {
    fn data_path(&self) -> String {
        crate::url::TAGS_DATA_PATH.to_string()
    }
    fn title(&self) -> Option<String> {
        Some("Tags".into())
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

impl RouteData for TagPage {
    fn data_path(&self) -> String {
        match self.taxonomy {
            Taxonomy::Tags => crate::url::tag_data_path(&self.tag.slug),
            Taxonomy::Categories => crate::url::category_data_path(&self.tag.slug),
            Taxonomy::Series => crate::url::series_data_path(&self.tag.slug),
        }
    }
    fn title(&self) -> Option<String> {
        Some(match self.taxonomy {
            Taxonomy::Tags => format!("Posts tagged “{}”", self.tag.name),
            Taxonomy::Categories => format!("Posts in “{}”", self.tag.name),
            Taxonomy::Series => format!("Series: {}", self.tag.name),
        })
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

/// Old addresses (as [`crate::url::address_key`]s) and where they lead, from the site root
/// (`posts/x/`, `about/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedirectMap {
    pub version: u32,
    pub site: Site,
    pub redirects: Vec<(String, String)>,
}

impl RedirectMap {
    /// Where an address now is, if it is an old one.
    pub fn find(&self, path: &str) -> Option<&str> {
        let key = crate::url::address_key(path);
        self.redirects
            .iter()
            .find(|(from, _)| *from == key)
            .map(|(_, slug)| slug.as_str())
    }
}

impl RouteData for RedirectMap {
    fn data_path(&self) -> String {
        crate::url::REDIRECTS_DATA_PATH.to_string()
    }
    fn title(&self) -> Option<String> {
        Some(NOT_FOUND_TITLE.into())
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

/// `/archive/` (`archive.json`): every post's title and date, in index order, and nothing
/// else, so the page stays small at 10,000 posts (short keys: they repeat for every post).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Archive {
    pub version: u32,
    pub site: Site,
    pub posts: Vec<ArchiveEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveEntry {
    #[serde(rename = "s")]
    pub slug: String,
    #[serde(rename = "t")]
    pub title: String,
    /// `YYYY-MM-DD`, for a valid date.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date as written, when it is not a valid one: shown as it is, never guessed.
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
}

/// One month of the archive; `month` 0 holds the posts without a valid date.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveMonth<'a> {
    pub year: Option<&'a str>,
    pub month: u8,
    pub posts: Vec<&'a ArchiveEntry>,
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Archive {
    pub fn of(site: &Site, posts: &[PostEntry]) -> Self {
        Archive {
            version: VERSION,
            site: site.clone(),
            posts: posts
                .iter()
                .map(|p| ArchiveEntry {
                    slug: p.slug.clone(),
                    title: p.title.clone(),
                    date: p
                        .date
                        .as_deref()
                        .and_then(|d| d.get(..10))
                        .map(str::to_string),
                    written: p.date.is_none().then(|| p.date_written.clone()).flatten(),
                })
                .collect(),
        }
    }

    /// The posts by month, newest first (the index's order), undated ones last.
    pub fn months(&self) -> Vec<ArchiveMonth<'_>> {
        let mut months: Vec<ArchiveMonth> = Vec::new();
        let mut undated = Vec::new();
        for p in &self.posts {
            let Some((year, month)) = p
                .date
                .as_deref()
                .and_then(|d| Some((d.get(..4)?, d.get(5..7)?.parse::<u8>().ok()?)))
            else {
                undated.push(p);
                continue;
            };
            match months.last_mut() {
                Some(m) if m.year == Some(year) && m.month == month => m.posts.push(p),
                _ => months.push(ArchiveMonth {
                    year: Some(year),
                    month,
                    posts: vec![p],
                }),
            }
        }
        if !undated.is_empty() {
            months.push(ArchiveMonth {
                year: None,
                month: 0,
                posts: undated,
            });
        }
        months
    }
}

impl RouteData for Archive {
    fn data_path(&self) -> String {
        crate::url::ARCHIVE_DATA_PATH.to_string()
    }
    fn title(&self) -> Option<String> {
        Some("Archive".into())
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

/// The title of a page whose data is missing (the app's own in English; pages the build
/// makes take their language's `page_not_found`).
pub const NOT_FOUND_TITLE: &str = "Page not found";

/// What a prerendered page embeds for the app (`<script type="application/json">`): only what
/// that page shows, so a page's size does not grow with the number of posts it does not list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    pub version: u32,
    pub site: Site,
    /// The interface's words in the site's language; left out when English. The app keeps
    /// those of the page it starts on: a page's language is its site's.
    #[serde(default, skip_serializing_if = "crate::strings::Strings::is_default")]
    pub strings: crate::strings::Strings,
    /// An index page embeds the list it shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListPage>,
    /// An article embeds its own data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<PostData>,
    /// `/tags/` embeds the tag list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<TagList>,
    /// `/tags/<slug>/` (or `/categories/<slug>/`) embeds that tag's posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<TagPage>,
    /// `/categories/<slug>/` embeds that category's posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<CategoryPage>,
    /// `/series/<slug>/` embeds that series' parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<SeriesPage>,
    /// `/archive/` embeds every post's title and date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<Archive>,
    /// `/authors/<id>/` embeds that author's posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<AuthorPage>,
    /// A standalone page embeds its own data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standalone: Option<StandalonePage>,
}

impl PageData {
    /// A page's data with the site and nothing else yet (a route adds its own piece).
    pub fn of_site(site: Site) -> Self {
        PageData {
            version: VERSION,
            #[cfg(feature = "meta")]
            strings: site.strings.clone(),
            #[cfg(not(feature = "meta"))]
            strings: crate::strings::Strings::default(),
            site,
            list: None,
            post: None,
            tags: None,
            tag: None,
            category: None,
            series: None,
            archive: None,
            author: None,
            standalone: None,
        }
    }
}

/// Splits posts (already in index order) into pages of `per_page`; a blog without posts still
/// has one (empty) page.
pub fn paginate(site: &Site, posts: &[PostEntry], per_page: usize) -> Vec<ListPage> {
    let per_page = per_page.max(1);
    let pages = posts.len().div_ceil(per_page).max(1);
    (0..pages)
        .map(|i| ListPage {
            version: VERSION,
            site: site.clone(),
            page: i + 1,
            pages,
            total: posts.len(),
            posts: posts
                .iter()
                .skip(i * per_page)
                .take(per_page)
                .cloned()
                .collect(),
            section: None,
        })
        .collect()
}

/// Neighbours in index order: (newer, older).
pub fn neighbours(posts: &[PostEntry], index: usize) -> (Option<PostLink>, Option<PostLink>) {
    let newer = index
        .checked_sub(1)
        .and_then(|i| posts.get(i))
        .map(PostLink::of);
    let older = posts.get(index + 1).map(PostLink::of);
    (newer, older)
}

impl Manifest {
    pub fn post(&self, slug: &str) -> Option<&PostEntry> {
        self.posts.iter().find(|p| p.slug == slug)
    }

    /// Slug of the post whose source is at this root-relative path (`/posts/a.md`).
    pub fn slug_for_source(&self, path: &str) -> Option<String> {
        let path = path.trim_start_matches('/');
        self.posts
            .iter()
            .find(|p| p.source == path)
            .map(|p| p.slug.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str) -> PostEntry {
        PostEntry {
            slug: slug.into(),
            title: slug.to_uppercase(),
            source: format!("posts/{slug}.md"),
            words: 1,
            reading_minutes: 1,
            hash: "h".into(),
            ..PostEntry::default()
        }
    }

    #[test]
    fn an_address_under_another_language_is_found_from_the_default_languages_page() {
        let (en, _) = crate::site::parse(
            "quire.toml",
            "language = \"en\"\n[languages.fr]\n[languages.pt-BR]\n",
        );
        for (path, there) in [
            ("/blog/fr/posts/gone/", Some("fr")),
            ("/blog/fr", Some("fr")),
            ("/blog/pt-BR/tags/x/", Some("pt-BR")),
            ("/blog/posts/gone/", None),
            ("/blog/fresh/", None),
            ("/blog/posts/fr/", None),
        ] {
            assert_eq!(en.language_at("/blog", path), there, "{path}");
        }
        let fr = Site {
            language: "fr".into(),
            ..en.clone()
        };
        assert_eq!(fr.language_at("/blog/fr", "/blog/fr/posts/gone/"), None);
        assert_eq!(fr.language_at("/blog/fr", "/blog/pt-BR/"), Some("pt-BR"));
        let (one, _) = crate::site::parse("quire.toml", "language = \"en\"\n");
        assert_eq!(one.language_at("", "/fr/posts/gone/"), None);
    }

    #[test]
    fn a_language_travels_to_the_preview_with_every_setting_and_word() {
        let (site, _) = crate::site::parse(
            "quire.toml",
            "language = \"en\"\n[languages.fr]\ntitle = \"Carnet\"\ncontent_dir = \"fr\"\n",
        );
        let fr = &site.languages[1];
        let json = serde_json::to_string(&LanguageTable::from(fr)).unwrap();
        let back: Language = serde_json::from_str::<LanguageTable>(&json).unwrap().into();
        assert_eq!(&back, fr);
        assert_eq!(back.settings.strings.date(2024, 3, 15), "15 mars 2024");
        assert_eq!(back.settings.content_dir.as_deref(), Some("fr"));
    }

    #[test]
    fn series_parts_follow_their_order_then_their_dates() {
        // Index order: newest first, undated last.
        let part = |slug: &str, date: Option<&str>, order: Option<u32>| PostEntry {
            series: Some("Learn Rust".into()),
            series_slug: Some("learn-rust".into()),
            series_order: order,
            date: date.map(str::to_string),
            ..entry(slug)
        };
        let posts = [
            part("newest", Some("2024-03-01"), None),
            part("second", Some("2024-02-01"), Some(2)),
            entry("other"),
            part("older", Some("2024-01-01"), None),
            part("first", Some("2023-12-01"), Some(1)),
            part("undated", None, None),
        ];
        let series = series(&Site::default(), &posts);
        assert_eq!(series.len(), 1);
        let s = &series[0].0;
        let order: Vec<_> = s.posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(order, ["first", "second", "older", "newest", "undated"]);
        assert_eq!(
            (s.tag.count, series[0].title().unwrap().as_str()),
            (5, "Series: Learn Rust")
        );
        let nav = series_nav(&series[0], "older").unwrap();
        assert_eq!((nav.total, nav.first, nav.current), (5, 1, 2));
        assert_eq!(nav.parts[nav.current].slug, "older");
    }

    #[test]
    fn a_long_series_shows_the_parts_around_the_current_one() {
        let posts: Vec<_> = (0..500)
            .map(|i| PostEntry {
                series: Some("Daily".into()),
                series_slug: Some("daily".into()),
                series_order: Some(i),
                ..entry(&format!("p{i}"))
            })
            .collect();
        let series = series(&Site::default(), &posts);
        let nav = series_nav(&series[0], "p250").unwrap();
        assert_eq!(nav.parts.len(), SERIES_SHOWN);
        assert_eq!(nav.parts[nav.current].slug, "p250");
        assert_eq!(nav.first + nav.current, 251, "part 251 of 500");
        let last = series_nav(&series[0], "p499").unwrap();
        assert_eq!((last.first, last.current + 1), (492, SERIES_SHOWN));
    }

    #[test]
    fn the_archive_groups_by_month_and_keeps_bad_dates_as_written() {
        let dated = |slug: &str, date: &str| PostEntry {
            date: Some(date.into()),
            ..entry(slug)
        };
        let posts = [
            dated("c", "2024-03-09T10:00:00+02:00"),
            dated("b", "2024-03-01"),
            dated("a", "2023-12-24"),
            PostEntry {
                date_written: Some("2022-15-03 10:18:00".into()),
                ..entry("seed")
            },
        ];
        let archive = Archive::of(&Site::default(), &posts);
        let months: Vec<_> = archive
            .months()
            .iter()
            .map(|m| (m.year, m.month, m.posts.len()))
            .collect();
        assert_eq!(
            months,
            [(Some("2024"), 3, 2), (Some("2023"), 12, 1), (None, 0, 1)]
        );
        assert_eq!(archive.posts[0].date.as_deref(), Some("2024-03-09"));
        assert_eq!(
            archive.posts[3].written.as_deref(),
            Some("2022-15-03 10:18:00")
        );
        let json = serde_json::to_string(&archive.posts[1]).unwrap();
        assert_eq!(json, r#"{"s":"b","t":"B","d":"2024-03-01"}"#);
    }

    #[test]
    fn pagination_splits_in_order() {
        let posts: Vec<_> = ["a", "b", "c", "d", "e"].iter().map(|s| entry(s)).collect();
        let site = Site::default();
        let pages = paginate(&site, &posts, 2);
        assert_eq!(pages.len(), 3);
        assert_eq!((pages[0].page, pages[0].pages, pages[0].total), (1, 3, 5));
        let slugs = |p: &ListPage| p.posts.iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
        assert_eq!(slugs(&pages[0]), ["a", "b"]);
        assert_eq!(slugs(&pages[2]), ["e"]);
        assert_eq!(paginate(&site, &[], 10).len(), 1);
        assert_eq!(
            paginate(&site, &posts, 0).len(),
            5,
            "a page size of 0 means 1"
        );
    }

    #[test]
    fn tags_group_posts_by_slug() {
        let mut a = entry("a");
        a.tags = vec!["Rust".into(), "web".into()];
        a.tag_slugs = vec!["rust".into(), "web".into()];
        let mut b = entry("b");
        b.tags = vec!["rust".into()];
        b.tag_slugs = vec!["rust".into()];
        let (list, pages) = tags(&Site::default(), &[a, b]);
        let counts: Vec<_> = list
            .tags
            .iter()
            .map(|t| (t.name.as_str(), t.count))
            .collect();
        assert_eq!(counts, [("Rust", 2), ("web", 1)]);
        assert_eq!(pages[0].posts.len(), 2);
    }

    #[test]
    fn neighbours_follow_index_order() {
        let posts: Vec<_> = ["new", "mid", "old"].iter().map(|s| entry(s)).collect();
        let (newer, older) = neighbours(&posts, 1);
        assert_eq!(newer.unwrap().slug, "new");
        assert_eq!(older.unwrap().slug, "old");
        assert_eq!(neighbours(&posts, 0).0, None);
        assert_eq!(neighbours(&posts, 2).1, None);
    }

    #[test]
    fn tolerates_missing_optional_fields() {
        let json = r#"{"version":1,"site":{"title":"T"},"posts":[
            {"slug":"a","title":"A","source":"posts/a.md","words":3,"reading_minutes":1,"hash":"h"}]}"#;
        let m: Manifest = serde_json::from_str(json).unwrap();
        assert_eq!(m.site.language, "en");
        assert_eq!(m.post("a").unwrap().title, "A");
        assert_eq!(m.slug_for_source("/posts/a.md").as_deref(), Some("a"));
        assert!(m.post("b").is_none());
    }
}
