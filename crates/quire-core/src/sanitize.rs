//! Raw HTML inside Markdown, through an allow-list. Tags are parsed and written anew (never
//! passed through), so the output is well-formed: allowed tags keep only allowed attributes,
//! URLs go through the same check as Markdown links, and everything else (script, style,
//! iframe, svg, event handlers, style attributes …) is shown as the text the author typed.
//!
//! The state lives across one document's HTML events, so a stray `</div>` can never close the
//! page's own markup and every tag a post opens is closed at its end.

use crate::escape::escape;
use crate::render_options::{safe_url, RenderOptions};

/// Formatting and structure a post may use; no element that runs, loads or submits anything.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

const VOID: &[&str] = &["br", "col", "hr", "img", "wbr"];

/// Attributes any allowed tag may carry. No `id` (it could clobber the page's own elements),
/// no `class` or `style` (they could dress a post up as the page's own interface).
const GLOBAL_ATTRS: &[&str] = &["title", "lang", "dir"];

fn tag_attrs(tag: &str) -> &'static [&'static str] {
    match tag {
        "a" => &["href"],
        "img" => &["src", "alt", "width", "height"],
        "abbr" | "dfn" => &[],
        "details" => &["open"],
        // A video that loads on click (`crate::embed`): the value must be a provider's name.
        "figure" => &["data-embed"],
        "td" | "th" => &["colspan", "rowspan", "align"],
        "col" | "colgroup" => &["span"],
        "ol" => &["start", "reversed"],
        "li" => &["value"],
        "time" => &["datetime"],
        "q" | "blockquote" | "del" | "ins" => &["cite"],
        _ => &[],
    }
}

fn is_url_attr(name: &str) -> bool {
    matches!(name, "href" | "src" | "cite")
}

/// Sanitises the raw HTML of one document, event by event.
#[derive(Default)]
pub struct Sanitizer {
    open: Vec<String>,
}

impl Sanitizer {
    pub fn clean(&mut self, raw: &str, opts: &RenderOptions) -> String {
        let mut out = String::with_capacity(raw.len() + 16);
        let b = raw.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'<' => {
                    if raw[i..].starts_with("<!--") {
                        // Comments are dropped (an unterminated one is shown as text).
                        match raw[i + 4..].find("-->") {
                            Some(end) => {
                                i += 4 + end + 3;
                                continue;
                            }
                            None => {
                                out.push_str("&lt;");
                                i += 1;
                                continue;
                            }
                        }
                    }
                    match parse_tag(&raw[i..]) {
                        Some((tag, len)) => {
                            self.emit(&tag, &raw[i..i + len], opts, &mut out);
                            i += len;
                        }
                        None => {
                            out.push_str("&lt;");
                            i += 1;
                        }
                    }
                }
                b'&' => {
                    let len = entity_len(&raw[i..]);
                    if len > 0 {
                        out.push_str(&raw[i..i + len]);
                        i += len;
                    } else {
                        out.push_str("&amp;");
                        i += 1;
                    }
                }
                b'>' => {
                    out.push_str("&gt;");
                    i += 1;
                }
                b'"' => {
                    out.push_str("&quot;");
                    i += 1;
                }
                _ => {
                    let next = raw[i..]
                        .find(['<', '&', '>', '"'])
                        .map_or(raw.len(), |n| i + n);
                    out.push_str(&raw[i..next]);
                    i = next;
                }
            }
        }
        out
    }

    /// Closes every tag the document left open.
    pub fn finish(&mut self) -> String {
        self.open
            .drain(..)
            .rev()
            .map(|t| format!("</{t}>"))
            .collect()
    }

    fn emit(&mut self, tag: &Tag, source: &str, opts: &RenderOptions, out: &mut String) {
        let name = tag.name.as_str();
        if !TAGS.contains(&name) {
            out.push_str(&escape(source));
            return;
        }
        if tag.closing {
            if let Some(pos) = self.open.iter().rposition(|t| t == name) {
                for t in self.open.drain(pos..).rev() {
                    out.push_str(&format!("</{t}>"));
                }
            }
            // A closing tag with nothing of ours to close is dropped.
            return;
        }
        out.push('<');
        out.push_str(name);
        for (attr, value) in &tag.attrs {
            if !(GLOBAL_ATTRS.contains(&attr.as_str()) || tag_attrs(name).contains(&attr.as_str()))
            {
                continue;
            }
            let value = decode_entities(value);
            if attr == "data-embed" && crate::embed::provider(&value).is_none() {
                continue;
            }
            let value = if is_url_attr(attr) {
                safe_url(&value, opts, name == "a")
            } else {
                value
            };
            out.push_str(&format!(" {attr}=\"{}\"", escape_keeping_entities(&value)));
        }
        out.push('>');
        if !VOID.contains(&name) && !tag.self_closing {
            self.open.push(name.to_string());
        } else if !VOID.contains(&name) {
            out.push_str(&format!("</{name}>"));
        }
    }
}

/// The `src` of every `<img>` in a piece of raw HTML, as written: the build reads these
/// images' sizes as it does Markdown's (a Hugo `figure` is raw HTML).
pub fn img_sources(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        match parse_tag(rest) {
            Some((tag, len)) => {
                if tag.name == "img" && !tag.closing {
                    if let Some((_, src)) = tag.attrs.iter().find(|(a, _)| a == "src") {
                        out.push(decode_entities(src));
                    }
                }
                rest = &rest[len..];
            }
            None => rest = &rest[1..],
        }
    }
    out
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, String)>,
}

/// A start or end tag at the start of `s`, as HTML's tokenizer reads one; `None` if `<` does not
/// start a tag here (then it is text).
fn parse_tag(s: &str) -> Option<(Tag, usize)> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    let name = s[start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        match b.get(i)? {
            b'>' => {
                return Some((
                    Tag {
                        name,
                        closing,
                        self_closing,
                        attrs,
                    },
                    i + 1,
                ))
            }
            _ => {
                self_closing = false;
                let a = i;
                while i < b.len()
                    && !b[i].is_ascii_whitespace()
                    && !matches!(b[i], b'>' | b'/' | b'=')
                {
                    i += 1;
                }
                let attr = s[a..i].to_ascii_lowercase();
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                let mut value = String::new();
                if b.get(i) == Some(&b'=') {
                    i += 1;
                    while i < b.len() && b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    match b.get(i)? {
                        q @ (b'"' | b'\'') => {
                            let end = s[i + 1..].find(*q as char)? + i + 1;
                            value = s[i + 1..end].to_string();
                            i = end + 1;
                        }
                        _ => {
                            let v = i;
                            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                                i += 1;
                            }
                            value = s[v..i].to_string();
                        }
                    }
                }
                if !attr.is_empty() && !attrs.iter().any(|(n, _)| *n == attr) {
                    attrs.push((attr, value));
                }
            }
        }
    }
}

/// Length of a well-formed character reference at the start of `s` (`&amp;`, `&#38;`, `&#x26;`).
fn entity_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 1;
    if b.get(i) == Some(&b'#') {
        i += 1;
        let hex = matches!(b.get(i), Some(b'x' | b'X'));
        if hex {
            i += 1;
        }
        let start = i;
        while i < b.len()
            && i - start < 8
            && (if hex {
                b[i].is_ascii_hexdigit()
            } else {
                b[i].is_ascii_digit()
            })
        {
            i += 1;
        }
        if i == start {
            return 0;
        }
    } else {
        let start = i;
        while i < b.len() && i - start < 32 && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i == start {
            return 0;
        }
    }
    if b.get(i) == Some(&b';') {
        i + 1
    } else {
        0
    }
}

/// Decodes numeric and the common named references in an attribute value, so a URL is judged
/// as the browser will read it (`jav&#x61;script:` is `javascript:`).
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s.as_bytes()[i] == b'&' {
            let rest = &s[i..];
            let len = entity_len(rest);
            if len > 0 {
                let body = &rest[1..len - 1];
                let ch = if let Some(num) = body.strip_prefix('#') {
                    let n = match num.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok(),
                        None => num.parse().ok(),
                    };
                    n.and_then(char::from_u32).map(|c| c.to_string())
                } else {
                    match body {
                        "amp" => Some("&".into()),
                        "lt" => Some("<".into()),
                        "gt" => Some(">".into()),
                        "quot" => Some("\"".into()),
                        "apos" => Some("'".into()),
                        "colon" => Some(":".into()),
                        "Tab" => Some("\t".into()),
                        "NewLine" => Some("\n".into()),
                        _ => None,
                    }
                };
                match ch {
                    Some(c) => out.push_str(&c),
                    // Other named references (`&ouml;`) stay as written: none of them decodes
                    // to the ASCII that could form a scheme, and the browser decodes them.
                    None => out.push_str(&rest[..len]),
                }
                i += len;
                continue;
            }
        }
        let c = s[i..].chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Escapes an attribute value, keeping well-formed character references as written.
fn escape_keeping_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap();
        match c {
            '&' => {
                let len = entity_len(&s[i..]);
                if len > 0 {
                    out.push_str(&s[i..i + len]);
                    i += len;
                    continue;
                }
                out.push_str("&amp;");
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        let mut san = Sanitizer::default();
        let mut out = san.clean(s, &RenderOptions::default());
        out.push_str(&san.finish());
        out
    }

    #[test]
    fn allowed_formatting_stays() {
        assert_eq!(
            clean("<kbd>Ctrl</kbd>+<kbd>C</kbd>"),
            "<kbd>Ctrl</kbd>+<kbd>C</kbd>"
        );
        assert_eq!(
            clean("<details open><summary>More</summary>x</details>"),
            "<details open=\"\"><summary>More</summary>x</details>"
        );
        assert_eq!(
            clean("H<sub>2</sub>O &amp; E=mc<sup>2</sup>"),
            "H<sub>2</sub>O &amp; E=mc<sup>2</sup>"
        );
        assert_eq!(
            clean("<abbr title=\"HyperText\">HTML</abbr>"),
            "<abbr title=\"HyperText\">HTML</abbr>"
        );
    }

    #[test]
    fn only_a_known_provider_marks_an_embed() {
        assert_eq!(
            clean("<figure data-embed=\"youtube\"><a href=\"https://www.youtube-nocookie.com/embed/x\">v</a></figure>"),
            "<figure data-embed=\"youtube\"><a href=\"https://www.youtube-nocookie.com/embed/x\">v</a></figure>"
        );
        assert_eq!(
            clean("<figure data-embed=\"evil\" data-x=\"1\">f</figure>"),
            "<figure>f</figure>"
        );
        assert_eq!(clean("<p data-embed=\"youtube\">p</p>"), "<p>p</p>");
    }

    #[test]
    fn image_sources_are_found_in_raw_html() {
        assert_eq!(
            img_sources("<figure><a href=\"x\"><img alt=\"a\" src=\"p&amp;1.png\"></a></figure><img src=b.png>"),
            ["p&1.png", "b.png"]
        );
    }

    #[test]
    fn scripts_and_handlers_become_text_or_vanish() {
        assert_eq!(
            clean("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            clean("<img src=x onerror=alert(1)>"),
            "<img src=\"/posts/x\">"
        );
        assert_eq!(
            clean("<b onclick=\"x()\" style=\"background:url(j)\">b</b>"),
            "<b>b</b>"
        );
        assert!(clean("<iframe src=//evil></iframe>").starts_with("&lt;iframe"));
        assert!(clean("<svg onload=alert(1)>").starts_with("&lt;svg"));
        assert!(clean("<math><mi xlink:href=\"javascript:x\">").starts_with("&lt;math"));
        assert_eq!(
            clean("<STYLE>body{}</STYLE>"),
            "&lt;STYLE&gt;body{}&lt;/STYLE&gt;"
        );
    }

    #[test]
    fn urls_in_attributes_are_checked_after_decoding() {
        for href in [
            "javascript:alert(1)",
            "jav&#x61;script:alert(1)",
            "jav&#97;script:alert(1)",
            "javascript&colon;alert(1)",
            "java&Tab;script:alert(1)",
            " JAVASCRIPT:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
        ] {
            assert_eq!(
                clean(&format!("<a href=\"{href}\">x</a>")),
                "<a href=\"#\">x</a>",
                "{href}"
            );
        }
        assert_eq!(
            clean("<a href='https://a.org/?x=1&amp;y=2'>x</a>"),
            "<a href=\"https://a.org/?x=1&amp;y=2\">x</a>"
        );
    }

    #[test]
    fn stray_and_unclosed_tags_cannot_escape_the_post() {
        assert_eq!(clean("</div></main>text"), "&lt;/main&gt;text");
        assert_eq!(
            clean("<details><summary>x"),
            "<details><summary>x</summary></details>"
        );
        assert_eq!(clean("<b><i>x</b>"), "<b><i>x</i></b>");
    }

    #[test]
    fn malformed_markup_is_text() {
        assert_eq!(clean("a < b > c"), "a &lt; b &gt; c");
        assert_eq!(clean("<a href=\"x"), "&lt;a href=&quot;x");
        assert_eq!(
            clean("AT&T &copy; &#169; &#xZZ;"),
            "AT&amp;T &copy; &#169; &amp;#xZZ;"
        );
        assert_eq!(clean("<!-- hidden -->shown<!-- open"), "shown&lt;!-- open");
    }
}
