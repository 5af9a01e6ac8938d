//! The interface's words in the page's language: the header, pagers, a post's line, the
//! not-found and search pages, the offline control. English is the default and is what the
//! app's WASM carries; a page in another language carries its words in its site data
//! (`Site::strings`), filled at build time from the built-in table ([`Strings::builtin`]) and
//! `[languages.<code>.strings]` in `quire.toml`.

use serde::{Deserialize, Serialize};

/// One language's interface words. `{n}`, `{page}` and `{pages}` are replaced where shown.
/// In data files a list in [`KEYS`]' order: the app then decodes one list of text, which it
/// decodes anyway, rather than a struct of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Strings {
    pub skip_to_content: String,
    pub tags: String,
    pub archive: String,
    pub search: String,
    pub search_posts: String,
    pub search_hint: String,
    pub posts: String,
    /// The home page's heading after its first page: `{page}` of `{pages}`.
    pub posts_page: String,
    /// `{page}` of `{pages}`.
    pub page_of: String,
    pub newer_posts: String,
    pub older_posts: String,
    pub newer: String,
    pub older: String,
    pub more_posts: String,
    pub all_posts: String,
    /// `{n}`: words.
    pub word_count: String,
    /// `{n}`: minutes.
    pub min_read: String,
    pub by: String,
    pub and: String,
    pub contents: String,
    pub related_posts: String,
    pub comments: String,
    pub feed: String,
    pub all_tags: String,
    pub undated: String,
    pub page_not_found: String,
    pub not_found_text: String,
    pub save_offline: String,
    pub saved_offline: String,
    pub dark_mode: String,
    pub light_mode: String,
    pub language: String,
    /// Month names, for dates (build time: dates arrive formatted).
    pub months: Vec<String>,
    /// `{day}`, `{month}` and `{year}` (build time).
    pub date_format: String,
}

/// The words' names, as `[languages.<code>.strings]` spells them, in [`Strings::slots`]' order.
pub const KEYS: [&str; 34] = [
    "skip_to_content",
    "tags",
    "archive",
    "search",
    "search_posts",
    "search_hint",
    "posts",
    "posts_page",
    "page_of",
    "newer_posts",
    "older_posts",
    "newer",
    "older",
    "more_posts",
    "all_posts",
    "word_count",
    "min_read",
    "by",
    "and",
    "contents",
    "related_posts",
    "comments",
    "feed",
    "all_tags",
    "undated",
    "page_not_found",
    "not_found_text",
    "save_offline",
    "saved_offline",
    "dark_mode",
    "light_mode",
    "language",
    // Build time only (dates arrive formatted); last, so the app's list leaves them out.
    "date_format",
    "months",
];

/// How many of [`KEYS`] the app needs.
const SHOWN: usize = 32;

impl Strings {
    fn blank() -> Self {
        let e = String::new;
        Strings {
            skip_to_content: e(),
            tags: e(),
            archive: e(),
            search: e(),
            search_posts: e(),
            search_hint: e(),
            posts: e(),
            posts_page: e(),
            page_of: e(),
            newer_posts: e(),
            older_posts: e(),
            newer: e(),
            older: e(),
            more_posts: e(),
            all_posts: e(),
            word_count: e(),
            min_read: e(),
            by: e(),
            and: e(),
            contents: e(),
            related_posts: e(),
            comments: e(),
            feed: e(),
            all_tags: e(),
            undated: e(),
            page_not_found: e(),
            not_found_text: e(),
            save_offline: e(),
            saved_offline: e(),
            dark_mode: e(),
            light_mode: e(),
            language: e(),
            months: Vec::new(),
            date_format: e(),
        }
    }
}

impl From<Vec<String>> for Strings {
    fn from(words: Vec<String>) -> Self {
        let mut strings = Strings::default();
        for (slot, word) in strings.slots().into_iter().zip(words) {
            *slot = word;
        }
        strings
    }
}

impl From<Strings> for Vec<String> {
    fn from(mut strings: Strings) -> Self {
        strings
            .slots()
            .into_iter()
            .take(SHOWN)
            .map(std::mem::take)
            .collect()
    }
}

const ENGLISH_MONTHS: [&str; 12] = [
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

/// English, in [`KEYS`]' order (the words the app shows).
const ENGLISH: [&str; SHOWN] = [
    "Skip to content",
    "Tags",
    "Archive",
    "Search",
    "Search posts",
    "Type to search titles, headings, tags and text.",
    "Posts",
    "Posts, page {page} of {pages}",
    "Page {page} of {pages}",
    "← Newer posts",
    "Older posts →",
    "← Newer",
    "Older →",
    "More posts",
    "← All posts",
    "{n} words",
    "{n} min read",
    "By",
    "and",
    "Contents",
    "Related posts",
    "Comments",
    "Feed",
    "All tags",
    "Undated",
    "Page not found",
    "There is nothing at this address. It may have moved, or the link may be mistyped.",
    "Save the whole blog for offline reading",
    "Saved offline",
    "Dark mode",
    "Light mode",
    "Language",
];

impl Default for Strings {
    /// English. Its months and date format are empty, meaning English's: the app never
    /// formats a date, so its default carries neither.
    fn default() -> Self {
        let mut strings = Strings::blank();
        for (slot, word) in strings.slots().into_iter().zip(ENGLISH) {
            *slot = word.to_string();
        }
        strings
    }
}

impl Strings {
    /// Every word but the months, in [`KEYS`]' order.
    pub fn slots(&mut self) -> [&mut String; 33] {
        [
            &mut self.skip_to_content,
            &mut self.tags,
            &mut self.archive,
            &mut self.search,
            &mut self.search_posts,
            &mut self.search_hint,
            &mut self.posts,
            &mut self.posts_page,
            &mut self.page_of,
            &mut self.newer_posts,
            &mut self.older_posts,
            &mut self.newer,
            &mut self.older,
            &mut self.more_posts,
            &mut self.all_posts,
            &mut self.word_count,
            &mut self.min_read,
            &mut self.by,
            &mut self.and,
            &mut self.contents,
            &mut self.related_posts,
            &mut self.comments,
            &mut self.feed,
            &mut self.all_tags,
            &mut self.undated,
            &mut self.page_not_found,
            &mut self.not_found_text,
            &mut self.save_offline,
            &mut self.saved_offline,
            &mut self.dark_mode,
            &mut self.light_mode,
            &mut self.language,
            &mut self.date_format,
        ]
    }

    /// English: what every data file of an English page leaves out.
    pub fn is_default(&self) -> bool {
        *self == Strings::default()
    }

    /// The words quire ships for `code` (`en`, `fr`, and their regional forms such as
    /// `fr-CA`); English for any other language, which `quire.toml` then translates.
    pub fn builtin(code: &str) -> Strings {
        let primary = code.split('-').next().unwrap_or(code);
        match primary.to_ascii_lowercase().as_str() {
            "fr" => Strings::french(),
            _ => Strings::default(),
        }
    }

    fn french() -> Strings {
        let s = |t: &str| t.to_string();
        Strings {
            skip_to_content: s("Aller au contenu"),
            tags: s("Étiquettes"),
            archive: s("Archives"),
            search: s("Recherche"),
            search_posts: s("Rechercher dans les articles"),
            search_hint: s("Tapez pour chercher dans les titres, intertitres, étiquettes et textes."),
            posts: s("Articles"),
            posts_page: s("Articles, page {page} sur {pages}"),
            page_of: s("Page {page} sur {pages}"),
            newer_posts: s("← Articles plus récents"),
            older_posts: s("Articles plus anciens →"),
            newer: s("← Plus récent"),
            older: s("Plus ancien →"),
            more_posts: s("Autres articles"),
            all_posts: s("← Tous les articles"),
            word_count: s("{n} mots"),
            min_read: s("{n} min de lecture"),
            by: s("Par"),
            and: s("et"),
            contents: s("Sommaire"),
            related_posts: s("Articles liés"),
            comments: s("Commentaires"),
            feed: s("Flux"),
            all_tags: s("Toutes les étiquettes"),
            undated: s("Sans date"),
            page_not_found: s("Page introuvable"),
            not_found_text: s(
                "Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou le lien est mal saisi.",
            ),
            save_offline: s("Enregistrer tout le blog pour le lire hors ligne"),
            saved_offline: s("Enregistré hors ligne"),
            dark_mode: s("Mode sombre"),
            light_mode: s("Mode clair"),
            language: s("Langue"),
            months: [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ]
            .iter()
            .map(|m| m.to_string())
            .collect(),
            date_format: s("{day} {month} {year}"),
        }
    }

    /// A date in these words; `month` is 1 to 12.
    pub fn date(&self, year: i32, month: u32, day: u32) -> String {
        let i = month.saturating_sub(1) as usize;
        let name = match self.months.get(i) {
            Some(m) => m.clone(),
            None if self.months.is_empty() && i < 12 => ENGLISH_MONTHS[i].to_string(),
            None => month.to_string(),
        };
        let format = match self.date_format.as_str() {
            "" => "{day} {month} {year}",
            f => f,
        };
        format
            .replace("{day}", &day.to_string())
            .replace("{month}", &name)
            .replace("{year}", &year.to_string())
    }

    /// `min_read` for `n` minutes.
    pub fn minutes(&self, n: u32) -> String {
        self.min_read.replace("{n}", &n.to_string())
    }

    /// `word_count` for `n` words.
    pub fn words(&self, n: usize) -> String {
        self.word_count.replace("{n}", &n.to_string())
    }

    /// `page_of` for page `page` of `pages`.
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        pages_in(&self.page_of, page, pages)
    }

    /// `posts_page` for page `page` of `pages`.
    pub fn posts_page(&self, page: usize, pages: usize) -> String {
        pages_in(&self.posts_page, page, pages)
    }
}

fn pages_in(text: &str, page: usize, pages: usize) -> String {
    text.replace("{pages}", &pages.to_string())
        .replace("{page}", &page.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_default_and_french_is_shipped() {
        assert!(Strings::builtin("en").is_default());
        assert!(Strings::builtin("de").is_default());
        let fr = Strings::builtin("fr-CA");
        assert_eq!(fr.tags, "Étiquettes");
        assert_eq!(fr.date(2022, 3, 15), "15 mars 2022");
        assert_eq!(Strings::default().date(2022, 3, 15), "15 March 2022");
        assert_eq!(fr.minutes(4), "4 min de lecture");
        assert_eq!(fr.page_of(2, 5), "Page 2 sur 5");
    }

    #[test]
    fn data_files_carry_the_words_the_app_shows_in_order() {
        let fr = Strings::builtin("fr");
        let json = serde_json::to_string(&fr).unwrap();
        assert!(
            json.starts_with("[\"Aller au contenu\",\"Étiquettes\""),
            "{json}"
        );
        let back: Strings = serde_json::from_str(&json).unwrap();
        assert_eq!(back.language, "Langue");
        // Dates arrive formatted: the build's words for them stay out of the data.
        assert!(!json.contains("mars"));
        assert!(back.months.is_empty());
        // A shorter list (an older build's) keeps English for the rest.
        let short: Strings = serde_json::from_str("[\"Aller\"]").unwrap();
        assert_eq!(short.tags, "Tags");
    }

    #[test]
    fn a_month_out_of_range_is_shown_as_its_number() {
        assert_eq!(Strings::default().date(2022, 15, 3), "3 15 2022");
    }
}
