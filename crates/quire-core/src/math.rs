//! TeX math (`$…$`, `$$…$$`) to MathML: no script, no web font, nothing for the CSP to allow.
//! The build converts each expression with pulldown-latex ([`crate::markdown::math_all`]) and the post's data
//! carries the MathML, as it carries highlighting: the converter (≈ 63 KB gzip in WASM) stays
//! out of the browser. Wherever MathML is laid into a page it goes through [`checked`] first
//! (elements and attributes from an allow-list, written anew), so a data file can never add
//! other markup; style attributes (`\color`, `\hspace`) are dropped, as the CSP would refuse
//! them anyway. An expression that cannot be converted is shown as its source
//! ([`source_html`]) and the build warns with its file and line.

use crate::escape::escape;

/// Longer or deeper expressions are shown as source: the converter recurses into groups, and a
/// hostile post must not exhaust the stack or the time of a build or a reader's tab.
#[cfg(feature = "meta")]
const MAX_LEN: usize = 20_000;
#[cfg(feature = "meta")]
const MAX_DEPTH: usize = 48;

/// MathML Core's elements (plus `semantics`/`annotation`), and the attributes pulldown-latex
/// writes that the browser uses.
const ELEMENTS: &[&str] = &[
    "math",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "mrow",
    "mfrac",
    "msqrt",
    "mroot",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "mpadded",
    "mphantom",
    "menclose",
    "merror",
    "semantics",
    "annotation",
    "mprescripts",
    "mmultiscripts",
    "none",
];
const ATTRIBUTES: &[&str] = &[
    "display",
    "mathvariant",
    "stretchy",
    "symmetric",
    "fence",
    "separator",
    "lspace",
    "rspace",
    "minsize",
    "maxsize",
    "accent",
    "accentunder",
    "movablelimits",
    "largeop",
    "linethickness",
    "displaystyle",
    "scriptlevel",
    "columnalign",
    "rowalign",
    "columnspacing",
    "rowspacing",
    "width",
    "height",
    "depth",
    "voffset",
    "notation",
    "form",
    "mathcolor",
    "mathbackground",
];

/// MathML for one expression, or why it cannot be converted (one line).
#[cfg(feature = "meta")]
pub fn to_mathml(tex: &str, display: bool) -> Result<String, String> {
    use pulldown_latex::{config::DisplayMode, Parser, RenderConfig, Storage};
    if tex.len() > MAX_LEN {
        return Err(format!("longer than {MAX_LEN} bytes"));
    }
    let mut depth = 0usize;
    for c in tex.bytes() {
        match c {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_DEPTH {
            return Err(format!("nested deeper than {MAX_DEPTH} groups"));
        }
    }
    let storage = Storage::new();
    let mut events = Vec::new();
    for event in Parser::new(tex, &storage) {
        match event {
            Ok(e) => events.push(e),
            Err(e) => return Err(first_line(&e.to_string())),
        }
    }
    let config = RenderConfig {
        display_mode: if display {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        ..RenderConfig::default()
    };
    let mut out = String::new();
    pulldown_latex::push_mathml(
        &mut out,
        events.into_iter().map(Ok::<_, pulldown_latex::ParserError>),
        config,
    )
    .map_err(|e| first_line(&e.to_string()))?;
    checked(&out).ok_or_else(|| "the converter wrote markup quire does not allow".to_string())
}

/// "parsing error: unknown primitive command found" without the converter's drawing.
#[cfg(feature = "meta")]
fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or(message).trim();
    line.strip_prefix("parsing error: ")
        .unwrap_or(line)
        .to_string()
}

/// The converter's MathML, tag by tag: allowed elements with their allowed attributes (values
/// escaped again), text as it is (the converter escaped it; a stray `<` or `>` is refused).
/// `None` when anything else appears.
pub fn checked(mathml: &str) -> Option<String> {
    let mut out = String::with_capacity(mathml.len());
    let mut rest = mathml;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        if text.contains('>') {
            return None;
        }
        out.push_str(text);
        let close = open + rest[open..].find('>')?;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            ELEMENTS.contains(&name).then_some(())?;
            out.push_str("</");
            out.push_str(name);
            out.push('>');
            continue;
        }
        let (tag, self_closing) = match tag.strip_suffix('/') {
            Some(t) => (t.trim_end(), true),
            None => (tag, false),
        };
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        ELEMENTS.contains(&name).then_some(())?;
        out.push('<');
        out.push_str(name);
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                break;
            }
            let (key, after) = attrs.split_once("=\"")?;
            let (value, after) = after.split_once('"')?;
            attrs = after;
            if ATTRIBUTES.contains(&key) {
                out.push_str(&format!(" {key}=\"{}\"", escape(&unescape(value))));
            } else if !matches!(key, "class" | "style" | "xmlns") {
                return None;
            }
        }
        out.push_str(if self_closing { "/>" } else { ">" });
    }
    if rest.contains('>') {
        return None;
    }
    out.push_str(rest);
    Some(out)
}

/// The converter escapes attribute values; they are escaped once more on the way out.
fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// An expression shown as its source when it cannot be converted: the TeX with its dollars, as
/// code, so the reader sees what the author wrote.
pub fn source_html(tex: &str, display: bool) -> String {
    let fence = if display { "$$" } else { "$" };
    format!(
        "<code class=\"math-source\">{}</code>",
        escape(&format!("{fence}{tex}{fence}"))
    )
}

/// A failed expression: (byte offset in the Markdown, its TeX, why).
pub type MathError = (usize, String, String);

#[cfg(all(test, feature = "meta"))]
mod tests {
    use super::*;

    #[test]
    fn tex_becomes_mathml() {
        assert_eq!(
            to_mathml("E = mc^2", false).unwrap(),
            "<math display=\"inline\"><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>"
        );
        let block = to_mathml(r"\sum_{i=0}^{n} i = \frac{n(n+1)}{2}", true).unwrap();
        assert!(block.starts_with("<math display=\"block\">"), "{block}");
        assert!(block.contains("<mfrac>"), "{block}");
        let matrix = to_mathml(r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", true).unwrap();
        assert!(
            matrix.contains("<mtable><mtr><mtd><mn>1</mn>"),
            "classes dropped: {matrix}"
        );
    }

    #[test]
    fn markup_in_tex_stays_text_and_styles_are_dropped() {
        let t = to_mathml(r"\text{<script>alert(1)</script>}", false).unwrap();
        assert_eq!(
            t,
            "<math display=\"inline\"><mtext>&lt;script&gt;alert(1)&lt;/script&gt;</mtext></math>"
        );
        let c = to_mathml(r"\color{#ff0000}{x}", false).unwrap();
        assert!(!c.contains("style"), "{c}");
        assert!(to_mathml(r#"\color{red" onload="x}{y}"#, false).is_err());
        assert_eq!(checked("<math><script>x</script></math>"), None);
        assert_eq!(checked("<math onload=\"x\"></math>"), None);
        assert_eq!(checked("<mi>a > b</mi>"), None);
        assert_eq!(
            checked("<math display=\"a&quot;b\"><mi class=\"x\">q</mi></math>").unwrap(),
            "<math display=\"a&quot;b\"><mi>q</mi></math>"
        );
    }

    #[test]
    fn what_cannot_be_converted_says_why_and_stays_bounded() {
        assert_eq!(
            to_mathml(r"\notacommand x", false).unwrap_err(),
            "unknown primitive command found"
        );
        assert!(to_mathml(r"\frac{a}{", false).is_err());
        let deep = "{".repeat(100_000) + &"}".repeat(100_000);
        assert!(to_mathml(&deep, false).unwrap_err().contains("longer than"));
        let deep = "{".repeat(1_000) + &"}".repeat(1_000);
        assert!(to_mathml(&deep, false)
            .unwrap_err()
            .contains("nested deeper"));
        assert_eq!(
            source_html("a < b", false),
            "<code class=\"math-source\">$a &lt; b$</code>"
        );
    }
}
