//! Video embeds that load nothing until the reader asks: a post's YouTube, Vimeo or Streamable
//! video (from a Hugo or Zola shortcode) is published as a link to the provider's player inside
//! `<figure data-embed="PROVIDER">`. Without JavaScript the link opens the player; with it,
//! `src/boot.js` turns a click into the player's frame in place. Nothing is fetched from the
//! provider before that click (no thumbnail, no script), and the Content-Security-Policy's
//! `frame-src` gains a provider's origin only on a site whose posts embed it ([`origins`]).
//!
//! Shared by the shortcodes (which write the markup), the sanitizer (which keeps
//! `data-embed` only with a provider's name) and the build's CSP.

/// A provider: its `data-embed` name, the player's origin, and how an id becomes the
/// player's address (which plays at once, as the reader just asked for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provider {
    pub name: &'static str,
    pub label: &'static str,
    pub origin: &'static str,
    player: &'static str,
}

pub const PROVIDERS: &[Provider] = &[
    Provider {
        name: "youtube",
        label: "YouTube",
        // YouTube's privacy-enhanced player: no cookies until the video plays.
        origin: "https://www.youtube-nocookie.com",
        player: "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
    },
    Provider {
        name: "vimeo",
        label: "Vimeo",
        origin: "https://player.vimeo.com",
        player: "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1",
    },
    Provider {
        name: "streamable",
        label: "Streamable",
        origin: "https://streamable.com",
        player: "https://streamable.com/e/{id}?autoplay=1",
    },
];

pub fn provider(name: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().find(|p| p.name == name)
}

impl Provider {
    /// The player's address for `id`, or `None` for an id that is not one (ids are letters,
    /// digits, `-` and `_`: nothing that could change the address's path or query).
    pub fn player(&self, id: &str) -> Option<String> {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| self.player.replace("{id}", id))
    }
}

/// The providers a page's HTML (or a post's expanded Markdown) embeds, by `data-embed`.
pub fn used_in(text: &str) -> Vec<&'static Provider> {
    PROVIDERS
        .iter()
        .filter(|p| text.contains(&format!("data-embed=\"{}\"", p.name)))
        .collect()
}

/// The `frame-src` origins for these provider names, space-separated (`""` for none).
pub fn origins(names: &[String]) -> String {
    PROVIDERS
        .iter()
        .filter(|p| names.iter().any(|n| n == p.name))
        .map(|p| p.origin)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_player_address_takes_only_an_id() {
        let yt = provider("youtube").unwrap();
        assert_eq!(
            yt.player("dQw4w9WgXcQ").as_deref(),
            Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")
        );
        assert_eq!(yt.player("x/../y"), None);
        assert_eq!(yt.player("a?b=c"), None);
        assert_eq!(yt.player(""), None);
        assert!(provider("evil").is_none());
    }

    #[test]
    fn origins_are_only_those_used() {
        let html = "<figure data-embed=\"vimeo\"><a href=\"x\">v</a></figure>";
        let used: Vec<String> = used_in(html).iter().map(|p| p.name.to_string()).collect();
        assert_eq!(used, ["vimeo"]);
        assert_eq!(origins(&used), "https://player.vimeo.com");
        assert_eq!(origins(&[]), "");
    }
}
