//! Highlighted code blocks, without a highlighter in the browser.
//!
//! The build tool highlights each fenced block once (natively, see `quire-build`'s
//! `highlight` module) and ships the result beside the Markdown as [`Tokens`]: runs of
//! `(byte length, class)`. The renderer ([`crate::markdown::render`]) lays those runs over the
//! block's own text and escapes every piece itself, so the data file can only colour text, never
//! add markup: a stale or tampered run list that does not fit the text is ignored and the block
//! is shown plain.

/// Flat `[len, class, len, class, …]` over a block's text, in bytes. Empty: not highlighted.
pub type Tokens = Vec<u32>;

/// CSS classes by token class number; 0 is plain text (no span). Few, broad classes keep the
/// data small and let `style/` give both themes AA contrast.
pub const CLASSES: [&str; 12] = [
    "", "hl-c", "hl-k", "hl-s", "hl-n", "hl-f", "hl-t", "hl-g", "hl-a", "hl-v", "hl-m", "hl-o",
];

pub const PLAIN: u32 = 0;
pub const COMMENT: u32 = 1;
pub const KEYWORD: u32 = 2;
pub const STRING: u32 = 3;
pub const NUMBER: u32 = 4;
pub const FUNCTION: u32 = 5;
pub const TYPE: u32 = 6;
pub const TAG: u32 = 7;
pub const ATTRIBUTE: u32 = 8;
pub const VARIABLE: u32 = 9;
pub const META: u32 = 10;
pub const OPERATOR: u32 = 11;

/// Appends a run, merging it into the previous one when the class is the same.
pub fn push_run(tokens: &mut Tokens, len: usize, class: u32) {
    if len == 0 {
        return;
    }
    let n = tokens.len();
    if n >= 2 && tokens[n - 1] == class {
        tokens[n - 2] += len as u32;
    } else {
        tokens.push(len as u32);
        tokens.push(class);
    }
}

/// The block's text as HTML with `<span class>` runs, or `None` when the runs do not fit it
/// (wrong total, a cut inside a character, an unknown class).
pub fn to_html(text: &str, tokens: &[u32]) -> Option<String> {
    if tokens.is_empty() || !tokens.len().is_multiple_of(2) {
        return None;
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0usize;
    for run in tokens.chunks_exact(2) {
        let end = at.checked_add(run[0] as usize)?;
        let piece = text.get(at..end)?;
        let class = *CLASSES.get(run[1] as usize)?;
        if class.is_empty() {
            out.push_str(&crate::escape::escape(piece));
        } else {
            out.push_str("<span class=\"");
            out.push_str(class);
            out.push_str("\">");
            out.push_str(&crate::escape::escape(piece));
            out.push_str("</span>");
        }
        at = end;
    }
    (at == text.len()).then_some(out)
}

/// The language named by a fenced block's info string: its first word, lowercase, without
/// `{…}` or attributes (`rust,ignore`, `{.python}`, `js title="a.js"`).
pub fn language(info: &str) -> Option<String> {
    let word = info
        .trim()
        .trim_start_matches('{')
        .trim_start_matches('.')
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '}' | '{'))
        .next()?
        .to_ascii_lowercase();
    (!word.is_empty()).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_colour_text_and_escape_it() {
        let text = "let s = \"<b>\";";
        let mut t = Tokens::new();
        push_run(&mut t, 3, KEYWORD);
        push_run(&mut t, 5, PLAIN);
        push_run(&mut t, 5, STRING);
        push_run(&mut t, 1, PLAIN);
        assert_eq!(
            to_html(text, &t).unwrap(),
            "<span class=\"hl-k\">let</span> s = <span class=\"hl-s\">&quot;&lt;b&gt;&quot;</span>;"
        );
    }

    #[test]
    fn runs_of_one_class_merge() {
        let mut t = Tokens::new();
        push_run(&mut t, 2, STRING);
        push_run(&mut t, 0, KEYWORD);
        push_run(&mut t, 3, STRING);
        assert_eq!(t, vec![5, STRING]);
    }

    #[test]
    fn runs_that_do_not_fit_are_refused() {
        assert_eq!(to_html("abc", &[2, 1]), None, "too short");
        assert_eq!(to_html("abc", &[4, 1]), None, "too long");
        assert_eq!(to_html("é", &[1, 1, 1, 0]), None, "cut inside a character");
        assert_eq!(to_html("abc", &[3, 99]), None, "unknown class");
        assert_eq!(to_html("abc", &[3]), None, "odd length");
        assert_eq!(to_html("abc", &[u32::MAX, 1, 2, 1]), None, "overflow");
        assert_eq!(to_html("abc", &[]), None);
    }

    #[test]
    fn language_is_the_first_word_of_the_info_string() {
        assert_eq!(language("rust").as_deref(), Some("rust"));
        assert_eq!(language("Rust,ignore").as_deref(), Some("rust"));
        assert_eq!(language("{.python}").as_deref(), Some("python"));
        assert_eq!(language(" js title=\"a.js\"").as_deref(), Some("js"));
        assert_eq!(language("  "), None);
    }
}
