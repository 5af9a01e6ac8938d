//! The site as every data file carries it: its settings, languages and menu.

use super::{AuthorInfo, PostEntry};
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
