//! Finding the template tags in a post's body, in one pass and linear time: Liquid's `{% tag %}`
//! and `{{ value }}`, Hugo's `{{< name >}}` and `{{% name %}}`, Zola's `{{ name() }}` and
//! `{% name() %}…{% end %}`. Code (CommonMark code spans and blocks) is never scanned: there only
//! Liquid's `{% raw %}` markers vanish and the generators' escapes (`{{</* x */>}}`) are undone,
//! as each generator shows them.

use std::ops::Range;

/// Which generator's syntax a tag is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `{% name markup %}`.
    Liquid,
    /// `{{ expression }}`.
    LiquidOutput,
    /// `{{< name args >}}`.
    HugoAngle,
    /// `{{% name args %}}`.
    HugoPercent,
    /// `{{ name(args) }}`.
    ZolaCall,
    /// `{% name(args) %}`, closed by `{% end %}`.
    ZolaBlock,
    /// `{% end %}`.
    ZolaEnd,
}

/// One tag, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    pub syntax: Syntax,
    /// The whole tag in the body, delimiters included.
    pub range: Range<usize>,
    /// The name (`figure`, `highlight`, `/figure` without its `/`).
    pub name: &'a str,
    /// What follows the name (Hugo's and Liquid's arguments; Zola's inside the parentheses;
    /// Liquid's whole expression for [`Syntax::LiquidOutput`]).
    pub args: &'a str,
    /// Hugo's `{{< /name >}}`.
    pub closing: bool,
    /// Hugo's `{{< name />}}`.
    pub self_closing: bool,
}

impl Tag<'_> {
    pub fn text<'b>(&self, body: &'b str) -> &'b str {
        &body[self.range.clone()]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text outside code, with no tag in it.
    Text(Range<usize>),
    /// Code: shown as written, but for Liquid's raw markers and the generators' escapes.
    Code(Range<usize>),
    /// The text an escape shows (`{{</* x */>}}` shows `{{< x >}}`).
    Literal(String),
    /// A tag whose content is taken as written (Liquid's `raw`, `comment` and `highlight`, Hugo's
    /// `highlight`): the content, and the closing tag's end.
    Verbatim {
        tag: Tag<'a>,
        content: Range<usize>,
        end: usize,
    },
    Tag(Tag<'a>),
    /// Something that looks like a tag but is not one: left as written, with the reason.
    Broken {
        range: Range<usize>,
        reason: String,
    },
}

/// Longest tag (between its delimiters) read as one; a longer one is left as written.
pub const MAX_TAG: usize = 16 * 1024;

/// Where the next `needle` is at or after a position, remembered: a later search from before
/// the last answer has the same answer, so searching for one closer from many openers stays
/// linear in the body's length.
struct Finder {
    needle: &'static str,
    last: Option<(usize, Option<usize>)>,
}

impl Finder {
    fn new(needle: &'static str) -> Self {
        Finder { needle, last: None }
    }
    fn find(&mut self, hay: &str, from: usize) -> Option<usize> {
        if let Some((searched, found)) = self.last {
            let still = match found {
                Some(at) => from >= searched && from <= at,
                None => from >= searched,
            };
            if still {
                return found;
            }
        }
        let found = hay
            .get(from..)
            .and_then(|h| h.find(self.needle))
            .map(|i| i + from);
        self.last = Some((from, found));
        found
    }
}

/// Where a verbatim tag's closing tag (`{% endraw %}`, `{{< /highlight >}}`) is: its start and
/// end. Remembered as [`Finder`] is, per name.
struct EndFinder {
    /// Per syntax and name: where the last search started, and what it found.
    last: Vec<(String, usize, Option<Span>)>,
}

/// A closing tag's start and end.
type Span = (usize, usize);

impl EndFinder {
    fn find(
        &mut self,
        body: &str,
        from: usize,
        syntax: Syntax,
        name: &str,
    ) -> Option<(usize, usize)> {
        let key = format!("{syntax:?}{name}");
        if let Some((_, searched, found)) = self.last.iter().find(|(k, _, _)| *k == key) {
            let still = match found {
                Some((at, _)) => from >= *searched && from <= *at,
                None => from >= *searched,
            };
            if still {
                return *found;
            }
        }
        let found = find_end(body, from, syntax, name);
        self.last.retain(|(k, _, _)| *k != key);
        self.last.push((key, from, found));
        found
    }
}

fn find_end(body: &str, from: usize, syntax: Syntax, name: &str) -> Option<(usize, usize)> {
    let (open, close) = match syntax {
        Syntax::Liquid => ("{%", "%}"),
        Syntax::HugoAngle => ("{{<", ">}}"),
        _ => ("{{%", "%}}"),
    };
    let mut at = from;
    while let Some(i) = body.get(at..).and_then(|h| h.find(open)) {
        let start = at + i;
        let inner_start = start + open.len();
        let j = body[inner_start..].find(close)?;
        let inner = strip_dashes(body[inner_start..inner_start + j].trim());
        let wanted = match syntax {
            Syntax::Liquid => inner == format!("end{name}"),
            _ => inner.strip_prefix('/').map(str::trim) == Some(name),
        };
        if wanted {
            return Some((start, inner_start + j + close.len()));
        }
        at = inner_start;
    }
    None
}

/// Liquid's whitespace control (`{%- x -%}`) changes nothing here: Markdown ignores the spaces.
fn strip_dashes(s: &str) -> &str {
    s.strip_prefix('-')
        .unwrap_or(s)
        .strip_suffix('-')
        .unwrap_or(s.strip_prefix('-').unwrap_or(s))
        .trim()
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

/// `name` at the start of `s` (letters, digits, `_`, `-`, `.` for Hugo's `x.y`), and the rest.
fn split_name(s: &str) -> (&str, &str) {
    let end = s
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
        .unwrap_or(s.len());
    (&s[..end], &s[end..])
}

/// `name(args)` as Zola writes a shortcode call: the name and what is inside the parentheses.
fn zola_call(inner: &str) -> Option<(&str, &str)> {
    let b = inner.as_bytes();
    if b.is_empty() || !is_ident_start(b[0]) {
        return None;
    }
    let end = b
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))?;
    let rest = inner[end..].trim_start();
    let args = rest.strip_prefix('(')?.strip_suffix(')')?;
    Some((&inner[..end], args))
}

/// Whether an escape's inside is a Zola shortcode (`youtube(id="x")`, `end`): Go templates'
/// own comments (`{{/* a comment */}}`) stay as written.
fn zola_escaped(inner: &str) -> bool {
    let inner = inner.trim();
    inner == "end" || zola_call(inner).is_some()
}

/// The byte ranges of the body's code spans and blocks, in order.
pub fn code_ranges(body: &str) -> Vec<Range<usize>> {
    use pulldown_cmark::{Event, Parser, Tag as MdTag};
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (event, range) in
        Parser::new_ext(body, crate::markdown::parser_options()).into_offset_iter()
    {
        if matches!(event, Event::Code(_) | Event::Start(MdTag::CodeBlock(_))) {
            match ranges.last_mut() {
                Some(last) if range.start < last.end => last.end = last.end.max(range.end),
                _ => ranges.push(range),
            }
        }
    }
    ranges
}

/// Liquid's tags whose content is not scanned: shown as written (`raw`), dropped (`comment`) or
/// a code block (`highlight`). Hugo's `highlight` too.
fn verbatim(syntax: Syntax, name: &str) -> bool {
    match syntax {
        Syntax::Liquid => matches!(name, "raw" | "comment" | "highlight"),
        Syntax::HugoAngle | Syntax::HugoPercent => name == "highlight",
        _ => false,
    }
}

/// Splits the body into text, code and tags.
pub fn scan(body: &str) -> Vec<Token<'_>> {
    Scanner {
        body,
        code: code_ranges(body),
        next_code: 0,
        tokens: Vec::new(),
        text_from: 0,
        finders: [
            Finder::new(">}}"),
            Finder::new("%}}"),
            Finder::new("}}"),
            Finder::new("%}"),
            Finder::new("*/>}}"),
            Finder::new("*/%}}"),
            Finder::new("*/}}"),
            Finder::new("*/%}"),
            Finder::new("{{<"),
            Finder::new("{{%"),
            Finder::new("{{"),
            Finder::new("{%"),
        ],
        ends: EndFinder { last: Vec::new() },
    }
    .run()
}

struct Scanner<'a> {
    body: &'a str,
    code: Vec<Range<usize>>,
    next_code: usize,
    tokens: Vec<Token<'a>>,
    /// Where the text not yet in a token starts.
    text_from: usize,
    finders: [Finder; 12],
    ends: EndFinder,
}

/// The delimiters a tag may open with, longest first, with the index of its closer's
/// [`Finder`] and of its escape's.
const OPENERS: &[(&str, usize, &str, usize)] = &[
    ("{{<", 0, "{{</*", 4),
    ("{{%", 1, "{{%/*", 5),
    ("{{", 2, "{{/*", 6),
    ("{%", 3, "{%/*", 7),
];

impl<'a> Scanner<'a> {
    fn run(mut self) -> Vec<Token<'a>> {
        let body = self.body;
        let mut i = 0;
        while let Some(off) = body[i..].find('{') {
            let at = i + off;
            // Code before this brace: flush text, take the code whole.
            while self.next_code < self.code.len() && self.code[self.next_code].end <= at {
                self.take_code();
            }
            if self.code.get(self.next_code).is_some_and(|r| r.start <= at) {
                i = self.take_code().max(at + 1);
                continue;
            }
            i = match self.tag_at(at) {
                Some(end) => end,
                None => at + 1,
            };
        }
        while self.next_code < self.code.len() {
            self.take_code();
        }
        self.flush(body.len());
        self.tokens
    }

    /// The next code range as one token (unless a tag already covered it); its end.
    fn take_code(&mut self) -> usize {
        let r = self.code[self.next_code].clone();
        self.next_code += 1;
        if r.start >= self.text_from {
            self.push(r.start, Token::Code(r.clone()), r.end);
        }
        r.end
    }

    fn flush(&mut self, to: usize) {
        if to > self.text_from {
            self.tokens.push(Token::Text(self.text_from..to));
        }
        self.text_from = self.text_from.max(to);
    }

    fn push(&mut self, start: usize, token: Token<'a>, end: usize) -> usize {
        self.flush(start);
        self.tokens.push(token);
        self.text_from = end;
        end
    }

    /// Something tag-like that is not a tag, shown as written to the end of its line.
    fn broken(&mut self, at: usize, reason: String) -> usize {
        let end = line_end(self.body, at);
        self.push(
            at,
            Token::Broken {
                range: at..end,
                reason,
            },
            end,
        )
    }

    /// A tag (or escape) starting at `at`: pushes it and answers where scanning goes on.
    fn tag_at(&mut self, at: usize) -> Option<usize> {
        let rest = &self.body[at..];
        let opener = OPENERS.iter().find(|(o, ..)| rest.starts_with(o))?;
        if rest.starts_with(opener.2) {
            if let Some(end) = self.escape_at(at, opener) {
                return Some(end);
            }
        }
        let (open, closer, ..) = *opener;
        let inner_start = at + open.len();
        let looks_like_tag = looks_like_tag(&self.body[inner_start..]);
        let never_closed = || "this tag is never closed; it is shown as written".to_string();
        let Some(close_at) = self.finders[closer].find(self.body, inner_start) else {
            return (looks_like_tag && open != "{{").then(|| self.broken(at, never_closed()));
        };
        if close_at - inner_start > MAX_TAG {
            let reason = format!(
                "this tag is longer than {} KB (or never closed); it is shown as written",
                MAX_TAG / 1024
            );
            return looks_like_tag.then(|| self.broken(at, reason));
        }
        // Another tag opening before this one closes: this one never closed.
        if self.finders[closer + 8]
            .find(self.body, inner_start)
            .is_some_and(|next| next < close_at)
        {
            return (looks_like_tag && open != "{{").then(|| self.broken(at, never_closed()));
        }
        let end = close_at + [3, 3, 2, 2][closer];
        let inner = strip_dashes(self.body[inner_start..close_at].trim());
        let tag = match open {
            "{{<" | "{{%" => hugo(open, at..end, inner)?,
            "{{" => double_brace(at..end, inner)?,
            _ => brace_percent(at..end, inner)?,
        };
        Some(self.tag_or_verbatim(at, tag))
    }

    /// `{{</* x */>}}` and the like: the tag shown as text; `None` when it is not an escape.
    fn escape_at(&mut self, at: usize, opener: &(&str, usize, &str, usize)) -> Option<usize> {
        let &(open, _, escape, escape_closer) = opener;
        let end = self.finders[escape_closer].find(self.body, at + escape.len())?;
        let inner = &self.body[at + escape.len()..end];
        let zola = matches!(open, "{{" | "{%");
        if end - at > MAX_TAG || (zola && !zola_escaped(inner)) {
            return None;
        }
        let close = match open {
            "{{<" => ">}}",
            "{{%" => "%}}",
            "{{" => "}}",
            _ => "%}",
        };
        let stop = end + escape_closer_len(escape_closer);
        let literal = Token::Literal(format!("{open}{inner}{close}"));
        Some(self.push(at, literal, stop))
    }

    /// A verbatim tag takes everything to its closing tag; any other tag is itself.
    fn tag_or_verbatim(&mut self, at: usize, tag: Tag<'a>) -> usize {
        let end = tag.range.end;
        if verbatim(tag.syntax, tag.name) && !tag.closing && !tag.self_closing {
            if let Some((end_start, end_end)) = self.ends.find(self.body, end, tag.syntax, tag.name)
            {
                let content = end..end_start;
                return self.push(
                    at,
                    Token::Verbatim {
                        tag,
                        content,
                        end: end_end,
                    },
                    end_end,
                );
            }
        }
        self.push(at, Token::Tag(tag), end)
    }
}

/// `{% name`, `{{< name`: what a tag's inside starts with (`{%d` in prose is not one).
fn looks_like_tag(inside: &str) -> bool {
    let after = inside.trim_start_matches([' ', '\t', '-']);
    after.len() < inside.len()
        && after
            .starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '_' | '/' | '"' | '\''))
}

impl<'a> Tag<'a> {
    fn new(syntax: Syntax, range: Range<usize>, name: &'a str, args: &'a str) -> Self {
        Tag {
            syntax,
            range,
            name,
            args,
            closing: false,
            self_closing: false,
        }
    }
}

/// `{{< x >}}` or `{{% x %}}`, opening, closing (`/x`) or self-closing (`x /`).
fn hugo<'a>(open: &str, range: Range<usize>, inner: &'a str) -> Option<Tag<'a>> {
    let syntax = if open == "{{<" {
        Syntax::HugoAngle
    } else {
        Syntax::HugoPercent
    };
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, inner),
    };
    let (self_closing, inner) = match inner.strip_suffix('/') {
        Some(rest) => (true, rest.trim_end()),
        None => (false, inner),
    };
    let (name, args) = split_name(inner);
    if name.is_empty() {
        return None;
    }
    Some(Tag {
        closing,
        self_closing,
        ..Tag::new(syntax, range, name, args.trim())
    })
}

/// `{{ x }}`: a Zola call or a Liquid value; `None` for Go templates (`{{ .Title }}`, `{{ $x }}`),
/// which are text in Hugo's and Zola's prose.
fn double_brace(range: Range<usize>, inner: &str) -> Option<Tag<'_>> {
    let (syntax, name, args) = match zola_call(inner) {
        Some((name, args)) => (Syntax::ZolaCall, name, args),
        None if is_liquid_expression(inner) => (Syntax::LiquidOutput, "", inner),
        None => return None,
    };
    Some(Tag {
        self_closing: true,
        ..Tag::new(syntax, range, name, args)
    })
}

/// `{% x %}`: Zola's `end` or block call, or a Liquid tag.
fn brace_percent(range: Range<usize>, inner: &str) -> Option<Tag<'_>> {
    if inner == "end" {
        return Some(Tag {
            closing: true,
            ..Tag::new(Syntax::ZolaEnd, range, "end", "")
        });
    }
    if let Some((name, args)) = zola_call(inner) {
        return Some(Tag::new(Syntax::ZolaBlock, range, name, args));
    }
    let (name, args) = split_name(inner);
    if name.is_empty() || !is_ident_start(name.as_bytes()[0]) {
        return None;
    }
    Some(Tag::new(Syntax::Liquid, range, name, args.trim()))
}

fn escape_closer_len(finder: usize) -> usize {
    ["", "", "", "", "*/>}}", "*/%}}", "*/}}", "*/%}"][finder].len()
}

/// The end of the line `at` is on (a broken tag is shown as written up to there, so the
/// scanner does not read its arguments as more tags).
fn line_end(body: &str, at: usize) -> usize {
    let end = body[at..].find('\n').map_or(body.len(), |i| at + i);
    // At least the opening delimiter, and never more than a tag's length of one line.
    let max = (at + MAX_TAG).min(body.len());
    let mut end = end.min(max).max(at + 2);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Whether `{{ … }}` holds a Liquid expression: a variable (`page.title`, `site.baseurl`) or a
/// quoted text, with filters (`| relative_url`). Anything else (Go templates' `.Title`, `$x`,
/// JSON) is not Liquid, and stays text.
pub fn is_liquid_expression(s: &str) -> bool {
    let s = s.trim();
    let first = s.as_bytes().first().copied().unwrap_or(b' ');
    if first == b'"' || first == b'\'' {
        return true;
    }
    if !is_ident_start(first) {
        return false;
    }
    let head = s.split('|').next().unwrap_or("").trim();
    head.bytes().all(|b| {
        b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'[' | b']' | b'"' | b'\'')
    })
}

/// The inside of a code range as each generator shows it: Liquid's raw markers gone (Jekyll
/// posts wrap code showing Liquid in them), Hugo's and Zola's escapes undone, nothing else
/// converted.
pub fn code_text(code: &str) -> String {
    if !code.contains("{%") && !code.contains("/*") {
        return code.to_string();
    }
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while let Some(off) = code[i..].find('{') {
        let at = i + off;
        out.push_str(&code[i..at]);
        let rest = &code[at..];
        let mut done = None;
        for (open, close, shown) in [
            ("{{</*", "*/>}}", ("{{<", ">}}")),
            ("{{%/*", "*/%}}", ("{{%", "%}}")),
            ("{{/*", "*/}}", ("{{", "}}")),
            ("{%/*", "*/%}", ("{%", "%}")),
        ] {
            if let Some(after) = rest.strip_prefix(open) {
                if let Some(j) = after.find(close).filter(|j| *j <= MAX_TAG) {
                    let inner = &after[..j];
                    if open.starts_with("{{<") || open.starts_with("{{%") || zola_escaped(inner) {
                        out.push_str(shown.0);
                        out.push_str(inner);
                        out.push_str(shown.1);
                        done = Some(at + open.len() + j + close.len());
                        break;
                    }
                }
            }
        }
        if done.is_none() && rest.starts_with("{%") {
            if let Some(j) = rest[2..].find("%}").filter(|j| *j <= 64) {
                let inner = strip_dashes(rest[2..2 + j].trim());
                if inner == "raw" || inner == "endraw" {
                    done = Some(at + 2 + j + 2);
                }
            }
        }
        match done {
            Some(end) => i = end,
            None => {
                out.push('{');
                i = at + 1;
            }
        }
    }
    out.push_str(&code[i..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(body: &str) -> Vec<String> {
        scan(body)
            .iter()
            .map(|t| match t {
                Token::Text(r) => format!("text {:?}", &body[r.clone()]),
                Token::Code(r) => format!("code {:?}", &body[r.clone()]),
                Token::Literal(s) => format!("literal {s:?}"),
                Token::Verbatim { tag, content, .. } => {
                    format!("verbatim {} {:?}", tag.name, &body[content.clone()])
                }
                Token::Tag(t) => format!(
                    "{:?} {}{} {:?}",
                    t.syntax,
                    if t.closing { "/" } else { "" },
                    t.name,
                    t.args
                ),
                Token::Broken { reason, .. } => format!("broken {reason}"),
            })
            .collect()
    }

    #[test]
    fn each_generator_s_tags_are_told_apart() {
        assert_eq!(
            names("a {{< figure src=\"x.png\" >}} b {{% notice info %}}n{{% /notice %}} {{ youtube(id=\"x\") }} {% quote(a=1) %}q{% end %} {% link x.md %} {{ page.title | upcase }}"),
            [
                "text \"a \"",
                "HugoAngle figure \"src=\\\"x.png\\\"\"",
                "text \" b \"",
                "HugoPercent notice \"info\"",
                "text \"n\"",
                "HugoPercent /notice \"\"",
                "text \" \"",
                "ZolaCall youtube \"id=\\\"x\\\"\"",
                "text \" \"",
                "ZolaBlock quote \"a=1\"",
                "text \"q\"",
                "ZolaEnd /end \"\"",
                "text \" \"",
                "Liquid link \"x.md\"",
                "text \" \"",
                "LiquidOutput  \"page.title | upcase\"",
            ]
        );
    }

    #[test]
    fn code_is_never_scanned() {
        let body = "`{{< figure >}}` and\n\n```\n{% link x %}\n```\n";
        assert_eq!(
            names(body),
            [
                "code \"`{{< figure >}}`\"",
                "text \" and\\n\\n\"",
                "code \"```\\n{% link x %}\\n```\"",
                "text \"\\n\""
            ]
        );
    }

    #[test]
    fn verbatim_tags_take_their_content_as_written() {
        assert_eq!(
            names("{% raw %}{{ x }} {% y %}{% endraw %}!"),
            ["verbatim raw \"{{ x }} {% y %}\"", "text \"!\""]
        );
        assert_eq!(
            names("{{< highlight go >}}\n{{< x >}}\n{{< / highlight >}}"),
            ["verbatim highlight \"\\n{{< x >}}\\n\""]
        );
    }

    #[test]
    fn go_templates_and_braces_stay_text() {
        assert_eq!(
            names("{{ .Title }} {{ $x }} {a} {{"),
            ["text \"{{ .Title }} {{ $x }} {a} {{\""]
        );
    }

    #[test]
    fn escapes_show_the_tag_as_text() {
        assert_eq!(
            names("{{</* figure src=\"x\" */>}} {{/* youtube(id=\"y\") */}}"),
            [
                "literal \"{{< figure src=\\\"x\\\" >}}\"",
                "text \" \"",
                "literal \"{{ youtube(id=\\\"y\\\") }}\""
            ]
        );
        assert_eq!(
            code_text("{{</* ref \"a\" */>}} {% raw %}{{ x }}{% endraw %} {{/* a comment */}}"),
            "{{< ref \"a\" >}} {{ x }} {{/* a comment */}}"
        );
    }

    #[test]
    fn an_unclosed_tag_is_broken_and_text_goes_on() {
        let body = "a {{< figure src=\"x\"\n\nnext {{< /b >}}";
        let n = names(body);
        assert!(n.iter().any(|t| t.starts_with("HugoAngle /b")), "{n:?}");
        let body = "a {% link x\n\nb";
        assert!(names(body)[1].starts_with("broken this tag is never closed"));
    }

    #[test]
    fn many_openers_without_closers_stay_linear() {
        let body = "{{< ".repeat(200_000);
        // Quadratic work here would not finish: 200,000 openers each reading to the end.
        assert_eq!(scan(&body), [Token::Text(0..body.len())]);
        let body = "{{< a\n".repeat(100_000);
        let tokens = scan(&body);
        assert_eq!(tokens.len(), 200_000);
        assert!(matches!(tokens[0], Token::Broken { .. }));
        let body = "{% raw %}".repeat(100_000);
        assert_eq!(scan(&body).len(), 100_000);
    }
}
