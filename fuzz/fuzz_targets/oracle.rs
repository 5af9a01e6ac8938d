//! What must never be in quire's HTML, whatever the input: checked on the tags themselves (text
//! that merely mentions `<script>` or `javascript:` is escaped and harmless).

const ALLOWED: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    // pulldown-cmark's own output
    "input", "section", "label",
];

pub fn check(html: &str, input: &str) {
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let end = after.find('>').expect("every tag is closed");
        let tag = &after[..end];
        rest = &after[end..];
        let tag = tag.trim_start_matches('/');
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let name = name.to_ascii_lowercase();
        assert!(ALLOWED.contains(&name.as_str()), "tag <{name}> in {html:?} from {input:?}");
        for (attr, value) in attributes(&tag[name.len()..]) {
            // pulldown-cmark's own table alignment is the only style allowed.
            let alignment = attr == "style"
                && matches!(value.as_str(), "text-align: left" | "text-align: center" | "text-align: right");
            assert!(!attr.starts_with("on") && (attr != "style" || alignment), "attribute {attr}={value:?} in {html:?} from {input:?}");
            if matches!(attr.as_str(), "href" | "src" | "cite") {
                let v = decode(&value).to_ascii_lowercase();
                let v: String = v.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect();
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(!v.starts_with(scheme), "{attr}={value:?} in {html:?} from {input:?}");
                }
            }
        }
    }
}

fn attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' {
            i += 1;
        }
        let name = s[start..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            assert!(b.get(i) == Some(&b'"'), "unquoted attribute value in {s:?}");
            let end = s[i + 1..].find('"').expect("closing quote") + i + 1;
            value = s[i + 1..end].to_string();
            i = end + 1;
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

fn decode(s: &str) -> String {
    s.replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
}
