//! The interface's words in the page's language: the header, pagers, a post's line, the
//! not-found and search pages, the offline control. English is the default and is what the
//! app's WASM carries; a page in another language carries its words in its site data
//! (`Site::strings`), filled at build time from the built-in table ([`Strings::builtin`]) and
//! `[languages.<code>.strings]` in `quire.toml`.

use serde::{Deserialize, Serialize};

mod french;

/// Declares the words once each: their fields, [`KEYS`] and English, in one order, so a new
/// word is one line here (and one in `french.rs`). The words the app shows come
/// first; the build's own (`@build { … }`: the preview page's) after them, outside the app's
/// list and its WASM.
macro_rules! words {
    ($($(#[$doc:meta])* $name:ident = $english:literal,)*
     @build { $($(#[$bdoc:meta])* $bname:ident = $benglish:literal,)* }) => {
        /// One language's interface words, by name. `{n}`, `{page}`, `{pages}` and the like are
        /// replaced where shown. [`Strings`] holds them as a list and reads as this.
        #[repr(C)]
        pub struct Words {
            $($(#[$doc])* pub $name: String,)*
            $($(#[$bdoc])* pub $bname: String,)*
            /// `{day}`, `{month}` and `{year}` (build time).
            pub date_format: String,
        }

        /// How many of [`KEYS`] the app needs.
        const SHOWN: usize = [$(stringify!($name),)*].len();
        /// How many the build alone uses (besides dates).
        const BUILD: usize = [$(stringify!($bname),)*].len();

        /// The words' names, as `[languages.<code>.strings]` spells them, in
        /// [`Strings::slots`]' order; the build-only ones last, so the app's list leaves them
        /// out.
        pub const KEYS: [&str; SHOWN + BUILD + 2] =
            [$(stringify!($name),)* $(stringify!($bname),)* "date_format", "months"];

        /// English, in [`KEYS`]' order (the words the app shows).
        const ENGLISH: [&str; SHOWN] = [$($english,)*];
        /// English, the build's words.
        #[cfg(feature = "meta")]
        const BUILD_ENGLISH: [&str; BUILD] = [$($benglish,)*];
    };
}

words! {
    skip_to_content = "Skip to content",
    tags = "Tags",
    archive = "Archive",
    search = "Search",
    search_posts = "Search posts",
    search_hint = "Type to search titles, headings, tags and text.",
    posts = "Posts",
    /// The home page's heading after its first page.
    posts_page = "Posts, page {page} of {pages}",
    page_of = "Page {page} of {pages}",
    newer_posts = "← Newer posts",
    older_posts = "Older posts →",
    newer = "← Newer",
    older = "Older →",
    more_posts = "More posts",
    all_posts = "← All posts",
    word_count = "{n} words",
    min_read = "{n} min read",
    by = "By",
    and = "and",
    contents = "Contents",
    related_posts = "Related posts",
    comments = "Comments",
    feed = "Feed",
    all_tags = "All tags",
    undated = "Undated",
    page_not_found = "Page not found",
    not_found_text = "There is nothing at this address. It may have moved, or the link may be mistyped.",
    save_offline = "Save the whole blog for offline reading",
    saved_offline = "Saved offline",
    dark_mode = "Dark mode",
    light_mode = "Light mode",
    language = "Language",
    /// Before a post's categories.
    in_categories = "In",
    /// Before the series' name.
    series_part = "Part {n} of {total} in",
    series_all = "All {n} parts",
    footer = "Written in Markdown, rendered in WebAssembly by quire.",
    copy = "Copy",
    copied = "Copied",
    copy_failed = "Copy failed",
    copy_code = "Copy code to clipboard",
    draft = "Draft — visible in development only; a release build leaves it out.",
    tag = "Tag",
    year = "Year",
    all_years = "All years",
    all_languages = "All languages",
    search_loading = "Loading the search index…",
    /// `{up}`, `{down}`, `{enter}`, `{esc}` and `{slash}` are the keys, shown as keys.
    search_keys = "{up} {down} to choose, {enter} to open, {esc} to close. Press {slash} on any page to search.",
    search_count_one = "Type to search 1 post.",
    search_count = "Type to search {n} posts.",
    /// `{what}`: the query, as `query_text`, `query_tag` and the year joined by `query_in`.
    matches_none = "No post matches {what}.",
    matches_one = "1 post matches {what}.",
    matches = "{n} posts match {what}.",
    /// `{shown}`: how many are listed.
    matches_more = "{n} posts match {what}; the best {shown} are shown.",
    query_text = "“{text}”",
    query_tag = "tag “{tag}”",
    query_in = " in ",
    results = "Results",
    /// `{posts}`: how many; `{size}`: the download.
    save_confirm = "Every post ({posts}), its pictures and the search index: {size}.",
    /// A blog in several languages: the reader's language only.
    save_confirm_language = "Every post in this language ({posts}), its pictures and the search index: {size}.",
    save_size = "Save {size}",
    save_all = "Every language: {size}",
    save_checking = "Checking the size…",
    save_progress = "Saving… {done} of {total} files",
    save_done = "Saved ({size}): every post and search now work without a network.",
    save_unreachable = "Could not reach the blog to save it. Check your connection.",
    save_failed = "{failed} of {total} files could not be saved (the network or the host failed); the rest is saved.",
    retry = "Retry",
    cancel = "Cancel",
    /// `{what}`: one of the `the_*` words.
    loading = "Loading {what}…",
    /// Between Retry and `go_home`.
    or = "or",
    go_home = "go to the home page",
    back_home = "← Back to all posts",
    /// `{name}`: the address's last part, for all the `*_missing` words.
    post_not_found = "Post not found",
    post_missing = "There is no post called “{name}”. It may have been renamed or removed.",
    author_not_found = "Author not found",
    author_missing = "No post is by “{name}”.",
    tag_not_found = "Tag not found",
    tag_missing = "No post is tagged “{name}”.",
    category_not_found = "Category not found",
    category_missing = "No post is in “{name}”.",
    series_not_found = "Series not found",
    series_missing = "No post is in the series “{name}”.",
    post_count_one = "1 post",
    post_count = "{n} posts",
    part_count_one = "1 part",
    part_count = "{n} parts",
    /// An author's home page.
    website = "Website",
    no_posts_yet = "No posts yet. Add a Markdown file to public/posts/.",
    no_tags_yet = "No post has tags yet.",
    /// `{what}`: one of the `the_*` words, for all the `load_*` words.
    load_network = "Could not load {what}: the server did not answer. Check your connection and try again.",
    load_gone = "Could not load {what}: the server says it does not exist (HTTP 404).",
    /// `{status}`: the HTTP status.
    load_status = "Could not load {what}: the server answered with an error (HTTP {status}).",
    load_page = "Could not load {what}: the server sent a web page instead, so the file is probably missing from this deployment.",
    /// `{detail}`: why, in English (a message for the blog's author).
    load_invalid = "Could not read {what}: {detail}.",
    /// `{n}`: seconds.
    load_timeout = "Could not load {what}: the server took more than {n} seconds to answer. It may be busy; try again.",
    the_posts = "the list of posts",
    the_post = "the post",
    the_tags = "the list of tags",
    the_category = "the category’s posts",
    the_series = "the series",
    the_archive = "the archive",
    the_author = "the author’s posts",
    the_page = "the page",
    the_moved = "the list of moved pages",
    the_tag = "the tag’s posts",
    the_search_index = "the search index",
    the_search = "search",
    search_no_worker = "This browser could not start search (web workers are unavailable).",
    /// `{reason}`: the worker's, in English.
    search_unavailable = "Search is unavailable: {reason}.",
    @build {
        preview_title = "Preview a post",
        preview_intro = "Write or paste a post (Markdown with its front matter), open a file or drop one here: it appears as the blog will publish it, with everything the build will say about it. Nothing leaves your browser; the draft is kept in this browser until you clear it. Code blocks are shown plain here; the published page highlights them.",
        /// The draft's file name, which says its language (`x.fr.md`).
        preview_name = "File name",
        preview_open = "Open a file",
        preview_download = "Download",
        preview_clear = "Clear",
        preview_markdown = "Markdown",
        preview_said = "What the build says",
        preview_output = "The post as published",
        /// `{n}`: the line's number.
        preview_line = "Line {n}",
        preview_nothing = "Nothing to report: the build reads this post as it is.",
        preview_failed = "The preview could not start; reload the page to try again.",
        preview_no_worker = "This build has no preview worker.",
        preview_not_kept = "This browser would not keep the draft (storage full or refused).",
        /// `{name}`: the file's.
        preview_not_markdown = "{name} is not a Markdown file (.md or .markdown).",
        preview_opened = "Opened {name}.",
    }
}

/// Every word but the months: [`Words`]' fields.
const SLOTS: usize = SHOWN + BUILD + 1;

/// One language's interface words: [`Words`], kept as a list so that copying, comparing,
/// dropping and decoding them is one loop in the app's WASM, not sixty-odd copies of the same
/// code (6 KB). In data files a list in [`KEYS`]' order: the app then decodes one list of
/// text, which it decodes anyway, rather than a struct of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Strings {
    slots: [String; SLOTS],
    /// Month names, for dates (build time: dates arrive formatted).
    pub months: Vec<String>,
}

// `Words` is `repr(C)` and made of `SLOTS` `String`s only: the layout of `[String; SLOTS]`.
const _: () = assert!(std::mem::size_of::<Words>() == std::mem::size_of::<[String; SLOTS]>());
const _: () = assert!(std::mem::align_of::<Words>() == std::mem::align_of::<[String; SLOTS]>());

impl std::ops::Deref for Strings {
    type Target = Words;
    fn deref(&self) -> &Words {
        // SAFETY: same layout (asserted above), and the borrow is the array's.
        unsafe { &*(self.slots.as_ptr() as *const Words) }
    }
}

impl std::ops::DerefMut for Strings {
    fn deref_mut(&mut self) -> &mut Words {
        // SAFETY: as for `deref`.
        unsafe { &mut *(self.slots.as_mut_ptr() as *mut Words) }
    }
}

impl Strings {
    /// Words by name, and the months.
    pub fn new(words: Words, months: Vec<String>) -> Strings {
        // SAFETY: same layout (asserted above); `words` is moved, so nothing is dropped twice.
        let slots = unsafe { std::mem::transmute::<Words, [String; SLOTS]>(words) };
        Strings { slots, months }
    }

    /// Every word but the months, in [`KEYS`]' order.
    pub fn slots(&mut self) -> &mut [String] {
        &mut self.slots
    }
}

/// Every word, the build's too (dates): `(words in KEYS' order but the months, months)`, for
/// `#[serde(with)]` where the build hands a language's words on whole (the preview page).
pub mod every_word {
    use super::Strings;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(strings: &Strings, s: S) -> Result<S::Ok, S::Error> {
        let mut all = strings.clone();
        let words: Vec<String> = all.slots().iter_mut().map(std::mem::take).collect();
        (words, &strings.months).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Strings, D::Error> {
        let (words, months) = <(Vec<String>, Vec<String>)>::deserialize(d)?;
        Ok(Strings {
            months,
            ..Strings::from(words)
        })
    }
}

impl From<Vec<String>> for Strings {
    fn from(words: Vec<String>) -> Self {
        let mut strings = Strings::default();
        for (slot, word) in strings.slots().iter_mut().zip(words) {
            *slot = word;
        }
        strings
    }
}

impl From<Strings> for Vec<String> {
    fn from(strings: Strings) -> Self {
        let mut words = Vec::from(strings.slots);
        words.truncate(SHOWN);
        words
    }
}

impl Default for Strings {
    /// English. Its months and date format are empty, meaning English's: the app never
    /// formats a date, so its default carries neither.
    fn default() -> Self {
        #[cfg(feature = "meta")]
        let word = |i: usize| ENGLISH.get(i).or(BUILD_ENGLISH.get(i - SHOWN.min(i)));
        #[cfg(not(feature = "meta"))]
        let word = |i: usize| ENGLISH.get(i);
        let word = |i| match word(i) {
            Some(w) if i < SHOWN + BUILD => w.to_string(),
            _ => String::new(),
        };
        Strings {
            slots: std::array::from_fn(word),
            months: Vec::new(),
        }
    }
}

impl Strings {
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
        Strings {
            slots: french::WORDS.map(|(_, word)| word.to_string()),
            months: french::MONTHS.map(str::to_string).to_vec(),
        }
    }

    /// A date in these words; `month` is 1 to 12.
    pub fn date(&self, year: i32, month: u32, day: u32) -> String {
        let i = month.saturating_sub(1) as usize;
        let name = match self.months.get(i) {
            Some(m) => m.clone(),
            None if self.months.is_empty() && i < 12 => crate::manifest::MONTHS[i].to_string(),
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

    /// `post_count_one` or `post_count` for `n` posts.
    pub fn post_count(&self, n: usize) -> String {
        count(&self.post_count_one, &self.post_count, n)
    }

    /// `part_count_one` or `part_count` for `n` parts of a series.
    pub fn part_count(&self, n: usize) -> String {
        count(&self.part_count_one, &self.part_count, n)
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

fn count(one: &str, many: &str, n: usize) -> String {
    match n {
        1 => one.to_string(),
        n => many.replace("{n}", &n.to_string()),
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
    fn french_leaves_no_word_in_english() {
        let mut fr = Strings::builtin("fr");
        let english = ENGLISH.into_iter().chain(BUILD_ENGLISH);
        for ((word, english), key) in fr.slots().iter_mut().zip(english).zip(KEYS) {
            // A name is the same in both.
            if key != "preview_markdown" {
                assert_ne!(word.as_str(), english, "`{key}` is English in French");
            }
        }
    }

    #[test]
    fn a_month_out_of_range_is_shown_as_its_number() {
        assert_eq!(Strings::default().date(2022, 15, 3), "3 15 2022");
    }
}
