//! Zola's internal links: `[x](@/blog/post.md#part)` and `[x]: @/blog/post.md`, a path from its
//! `content/` folder that Zola turns into the page's address. quire does the same at build, so
//! a moved-in Zola blog's links between its posts keep working.

use std::ops::Range;

/// Whether `text` may hold one (most posts do not, and skip all).
pub(super) fn any(text: &str) -> bool {
    text.contains("@/")
}

/// The byte ranges of the `@/…` link destinations in Markdown prose (never code).
pub(super) fn destinations(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("@/") {
        let before = &text[..at];
        let before = before.strip_suffix('<').unwrap_or(before);
        let inline = before.ends_with("](");
        let definition = before.trim_end_matches([' ', '\t']).ends_with("]:")
            && before.len() > before.trim_end_matches([' ', '\t']).len();
        if !(inline || definition) {
            continue;
        }
        let len = text[at..]
            .find([')', '>', ' ', '\t', '\n', '\r', '"'])
            .unwrap_or(text.len() - at);
        found.push(at..at + len);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<&str> {
        destinations(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn inline_links_and_definitions_are_found_and_nothing_else() {
        assert_eq!(
            shown("[a](@/blog/a.md) [b](<@/b.md#x>) [c](@/c.md \"C\")\n[d]: @/d/index.md\n"),
            ["@/blog/a.md", "@/b.md#x", "@/c.md", "@/d/index.md"]
        );
        assert!(shown("mail me @/x or [x](./@/y) or a@/b ]:@/z").is_empty());
    }
}
