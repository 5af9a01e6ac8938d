//! Writing a post's tag tree back as Markdown: each tag as Liquid, a built-in or the site's own
//! shortcode makes it, with a warning for whatever cannot be honoured.

use super::scan::{self, Syntax, Tag, Token};
use super::scope::{self, PostScope};
use super::tree::Node;
use super::{args, builtin, custom, lead, liquid, targets, zola_links, Context, Page, Sources};
use crate::diagnostics::Diagnostic;
use liquid::Value;
use std::ops::Range;

/// At most this many messages a post; the rest are counted in one more.
pub(super) const MAX_WARNINGS: usize = 25;

pub(super) struct Renderer<'a> {
    body: &'a str,
    cx: &'a Context<'a>,
    page: &'a Page<'a>,
    newlines: Vec<usize>,
    diagnostics: Vec<Diagnostic>,
    unsaid: usize,
    /// Liquid's `assign` and `capture`, in order.
    assigned: Vec<(String, Value)>,
    /// How long one tag's output may grow (a site's patterns may repeat their inner text).
    budget: usize,
}

/// Liquid's loops and conditions, which quire cannot run.
fn control_flow(name: &str) -> Option<&'static str> {
    match name {
        "for" | "tablerow" => Some("a loop"),
        "if" | "unless" | "case" => Some("a condition"),
        _ => None,
    }
}

impl<'a> Renderer<'a> {
    pub(super) fn new(body: &'a str, cx: &'a Context<'a>, page: &'a Page<'a>) -> Self {
        Renderer {
            body,
            cx,
            page,
            newlines: body
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
            diagnostics: Vec::new(),
            unsaid: 0,
            assigned: Vec::new(),
            budget: body.len().saturating_mul(4) + (1 << 20),
        }
    }

    /// The warnings, the ones past [`MAX_WARNINGS`] counted in one more.
    pub(super) fn finish(mut self) -> Vec<Diagnostic> {
        if self.unsaid > 0 {
            let more = format!(
                "{} more template tags were converted or removed as the ones above were",
                self.unsaid
            );
            self.diagnostics
                .push(Diagnostic::warning(self.page.path, more));
        }
        self.diagnostics
    }

    fn line(&self, offset: usize) -> usize {
        self.page.body_line + self.newlines.partition_point(|&n| n < offset)
    }

    fn warn(&mut self, at: usize, what: &str, field: &str, reason: String) {
        if self.diagnostics.len() >= MAX_WARNINGS {
            self.unsaid += 1;
            return;
        }
        let mut shown: String = what.chars().take(80).collect();
        if shown.len() < what.len() {
            shown.push('…');
        }
        let d = Diagnostic::warning(self.page.path, reason)
            .field(field, Some(&shown))
            .at_line(Some(self.line(at)));
        self.diagnostics.push(d);
    }

    fn warn_tag(&mut self, tag: &Tag, reason: String) {
        let field = match tag.syntax {
            Syntax::Liquid | Syntax::LiquidOutput => "liquid",
            _ => "shortcode",
        };
        let text = tag.text(self.body);
        self.warn(tag.range.start, text, field, reason);
    }

    pub(super) fn nodes(&mut self, nodes: &[Node]) -> String {
        let mut out = String::new();
        for node in nodes {
            match node {
                Node::Leaf(token) => self.leaf(token, &mut out),
                Node::Stray(tag) => self.warn_tag(
                    tag,
                    "this closing tag closes no tag that is open; it is removed".into(),
                ),
                Node::Tag {
                    tag,
                    children,
                    unclosed,
                } => self.tag(tag, children.as_deref(), *unclosed, &mut out),
            }
        }
        out
    }

    fn leaf(&mut self, token: &Token, out: &mut String) {
        let body = self.body;
        match token {
            Token::Text(r) => self.text(r.clone(), out),
            Token::Code(r) => out.push_str(&scan::code_text(&body[r.clone()])),
            Token::Literal(s) => out.push_str(s),
            Token::Verbatim { tag, content, end } => match tag.name {
                "raw" => out.push_str(&body[content.clone()]),
                "comment" => {}
                _ => self.fence(tag, &body[content.clone()], *end, out),
            },
            Token::Broken { range, reason } => {
                let text = &body[range.clone()];
                out.push_str(text);
                let field = if text.starts_with("{{<") || text.starts_with("{{%") {
                    "shortcode"
                } else {
                    "liquid"
                };
                self.warn(range.start, text, field, reason.clone());
            }
            Token::Tag(tag) => self.tag(tag, None, false, out),
        }
    }

    /// Prose as written, but for Zola's `@/` links, which lead to the post's address.
    fn text(&mut self, range: Range<usize>, out: &mut String) {
        let text = &self.body[range.clone()];
        let mut from = 0;
        for dest in zola_links::destinations(text) {
            out.push_str(&text[from..dest.start]);
            let name = &text[dest.clone()];
            match resolve(self.cx.sources, name) {
                Ok((address, _)) => out.push_str(&address),
                Err(reason) => {
                    out.push_str(name);
                    let reason = format!("{reason}; the link is published as written");
                    self.warn(range.start + dest.start, name, "link", reason);
                }
            }
            from = dest.end;
        }
        out.push_str(&text[from..]);
    }

    fn tag(&mut self, tag: &Tag, children: Option<&[Node]>, unclosed: bool, out: &mut String) {
        match tag.syntax {
            Syntax::LiquidOutput => match liquid::eval(tag.args, &self.scope()) {
                Ok(v) => out.push_str(&crate::escape::escape(&v.text())),
                Err(reason) => self.warn_tag(tag, format!("{reason}; it is removed")),
            },
            Syntax::Liquid => self.liquid(tag, children, unclosed, out),
            Syntax::ZolaEnd => self.warn_tag(
                tag,
                "this closing tag closes no tag that is open; it is removed".into(),
            ),
            _ => self.shortcode(tag, children, unclosed, out),
        }
    }

    /// The `>` and indentation before a tag that starts its line: a quote's or list's, which
    /// the lines it holds repeat.
    fn lead_at(&self, at: usize) -> &'a str {
        lead::trailing(&self.body[..at]).unwrap_or("")
    }

    fn scope(&self) -> PostScope<'_> {
        PostScope {
            site: self.cx.site,
            page: self.page,
            assigned: &self.assigned,
        }
    }

    fn liquid(&mut self, tag: &Tag, children: Option<&[Node]>, unclosed: bool, out: &mut String) {
        let name = tag.name;
        if unclosed || (matches!(name, "raw" | "highlight" | "comment")) {
            let reason = format!("it is never closed with {{% end{name} %}}; the tag is removed and the text after it is kept");
            return self.warn_tag(tag, reason);
        }
        match name {
            "link" | "post_url" => {
                let target = tag.args.trim();
                let address = self.address(tag, target, name == "post_url");
                out.push_str(&address);
            }
            "assign" => match tag.args.split_once('=') {
                Some((var, expr)) => match liquid::eval(expr, &self.scope()) {
                    Ok(v) => self.assigned.push((var.trim().to_string(), v)),
                    Err(reason) => self.warn_tag(tag, format!("{reason}; nothing is assigned")),
                },
                None => self.warn_tag(
                    tag,
                    "an assignment needs `name = value`; it is removed".into(),
                ),
            },
            "capture" => {
                let text = self.nodes(children.unwrap_or_default());
                self.assigned
                    .push((tag.args.trim().to_string(), Value::Text(text)));
            }
            "include" | "include_relative" => self.include(tag, out),
            _ => {
                let reason = match (control_flow(name), children) {
                    (Some(what), Some(inner)) => format!(
                        "{what}, which quire cannot run; it and the {} lines inside it are removed",
                        lines_in(inner, self.body)
                    ),
                    _ => "a Liquid tag quire cannot honour; it is removed".to_string(),
                };
                self.warn_tag(tag, reason);
            }
        }
    }

    /// `{% include NAME args %}`: a site's own shortcode called `NAME` (or its stem), else gone.
    fn include(&mut self, tag: &Tag, out: &mut String) {
        let (file, rest) = tag
            .args
            .split_once(char::is_whitespace)
            .unwrap_or((tag.args, ""));
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        let pattern = [file, stem]
            .iter()
            .find_map(|n| self.custom(n))
            .map(str::to_string);
        let Some(pattern) = pattern else {
            let reason = format!("it includes {file:?} from the other generator's theme, which quire does not have; it is removed. Define it in quire.toml as [shortcodes.{stem}]");
            return self.warn_tag(tag, reason);
        };
        match args::hugo(rest).and_then(|a| custom::fill(&pattern, &a, "", &self.scope())) {
            Ok(text) => out.push_str(&text),
            Err(reason) => self.warn_tag(tag, format!("{reason}; it is removed")),
        }
    }

    fn custom(&self, name: &str) -> Option<&'a str> {
        self.cx
            .site
            .templates
            .shortcodes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.as_str())
    }

    /// The address a name leads to, as a root-relative path the pipeline resolves under any
    /// base (`/posts/x.md#a` for a post: its page; `/about/` for a page).
    fn address(&mut self, tag: &Tag, name: &str, post_only: bool) -> String {
        match resolve(self.cx.sources, name) {
            Ok((address, others)) => {
                if !others.is_empty() {
                    let reason = format!(
                        "several posts match {name:?} ({}); the first is linked. Give the full path",
                        others.join(", ")
                    );
                    self.warn_tag(tag, reason);
                }
                address
            }
            Err(_) if !post_only && is_file(name) => {
                format!(
                    "/{}",
                    name.trim().trim_start_matches("./").trim_start_matches('/')
                )
            }
            Err(reason) => {
                self.warn_tag(tag, format!("{reason}; the link leads nowhere (`#`)"));
                "#".to_string()
            }
        }
    }

    fn shortcode(
        &mut self,
        tag: &Tag,
        children: Option<&[Node]>,
        unclosed: bool,
        out: &mut String,
    ) {
        let zola = matches!(tag.syntax, Syntax::ZolaCall | Syntax::ZolaBlock);
        if unclosed {
            self.warn_tag(tag, "it is never closed with {% end %}; the tag is removed and the text after it is kept".into());
            return;
        }
        let lead = self.lead_at(tag.range.start);
        let inner = children.map(|c| lead::without(&self.nodes(c), lead));
        let parsed = if zola {
            args::zola(tag.args)
        } else {
            args::hugo(tag.args)
        };
        let args = match parsed {
            Ok(a) => a,
            Err(reason) => {
                self.warn_tag(
                    tag,
                    format!("{reason}; the tag is removed and what it holds is kept"),
                );
                out.push_str(inner.as_deref().unwrap_or(""));
                return;
            }
        };
        let made = self.make(tag, &args, inner.as_deref(), zola);
        match made {
            Some(Ok(o)) if o.text.len() > self.budget => {
                self.warn_tag(
                    tag,
                    format!(
                        "it would write more than {} KB; what it holds is kept instead",
                        self.budget / 1024
                    ),
                );
                out.push_str(inner.as_deref().unwrap_or(""));
            }
            Some(Ok(o)) => place(out, &o.text, o.block),
            Some(Err(reason)) => {
                self.warn_tag(tag, format!("{reason}; it is removed"));
                out.push_str(inner.as_deref().unwrap_or(""));
            }
            None => {
                let (name, generator) = (tag.name, if zola { "Zola" } else { "Hugo" });
                let reason = format!("`{name}` is not a {generator} shortcode quire knows; its tags are removed and what it holds is kept. Define it in quire.toml as [shortcodes.{name}]");
                self.warn_tag(tag, reason);
                out.push_str(inner.as_deref().unwrap_or(""));
            }
        }
    }

    /// What a shortcode writes: the site's pattern, else a built-in's output; `None` when it is
    /// neither.
    fn make(
        &mut self,
        tag: &Tag,
        args: &args::Args,
        inner: Option<&str>,
        zola: bool,
    ) -> Option<Result<builtin::Out, String>> {
        if let Some(pattern) = self.custom(tag.name) {
            let made = custom::fill(pattern, args, inner.unwrap_or(""), &self.scope());
            return Some(made.map(|text| builtin::Out {
                block: text.contains('\n'),
                text,
            }));
        }
        let mut env = PostEnv {
            renderer: self,
            notes: Vec::new(),
        };
        let made = builtin::render(tag.name, args, inner, zola, &mut env);
        for note in std::mem::take(&mut env.notes) {
            self.warn_tag(tag, note);
        }
        made
    }

    /// A highlighted code block from `{% highlight LANG %}` or `{{< highlight LANG >}}`.
    fn fence(&mut self, tag: &Tag, content: &str, end: usize, out: &mut String) {
        let lang = tag
            .args
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or("")
            .trim_matches(['"', '\'']);
        let content = content
            .strip_prefix("\r\n")
            .or_else(|| content.strip_prefix('\n'))
            .unwrap_or(content);
        let (content, last) = content.rsplit_once('\n').unwrap_or(("", content));
        // The closing tag's own line holds only indentation or `>`: not code.
        let content = if last.chars().all(|c| c.is_whitespace() || c == '>') {
            content.to_string()
        } else {
            format!("{content}\n{last}")
        };
        let content = content.strip_prefix('\n').unwrap_or(&content);
        let longest = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        let prefix = start_block(out);
        let at_end = self.body[end..].starts_with(['\n', '\r']) || end == self.body.len();
        out.push_str(&format!("{fence}{lang}\n"));
        if !content.is_empty() {
            out.push_str(content);
            out.push('\n');
        }
        out.push_str(&prefix);
        out.push_str(&fence);
        if !at_end {
            out.push('\n');
        }
    }
}

/// Lines of source the nodes span, for "and the N lines inside it are removed".
fn lines_in(nodes: &[Node], body: &str) -> usize {
    let mut text = String::new();
    for n in nodes {
        if let Node::Leaf(Token::Text(r) | Token::Code(r)) = n {
            text.push_str(&body[r.clone()]);
        }
    }
    text.trim_matches('\n').lines().count()
}

/// Writes a shortcode's output: a block starts on a line of its own, its later lines behind the
/// lead of the line it starts on.
fn place(out: &mut String, text: &str, block: bool) {
    if !block {
        out.push_str(text);
        return;
    }
    let lead = start_block(out);
    lead::push_lines(out, text, &lead);
}

/// Makes `out` end at the start of a line and answers that line's lead.
fn start_block(out: &mut String) -> String {
    match lead::trailing(out) {
        Some(lead) => lead.to_string(),
        None => {
            out.push('\n');
            String::new()
        }
    }
}

/// A path to a file that is not a post (`assets/report.pdf`): linked as it is.
fn is_file(name: &str) -> bool {
    let name = name.trim();
    let file = name.rsplit('/').next().unwrap_or(name);
    file.rsplit_once('.')
        .is_some_and(|(_, ext)| !matches!(ext, "md" | "markdown" | "html") && !ext.is_empty())
}

/// The address a post or page name leads to (see [`Renderer::address`]), with the other
/// matches when several sources end the same way.
fn resolve(sources: &Sources, name: &str) -> Result<(String, Vec<String>), String> {
    let name = name.trim().trim_matches(['"', '\'']);
    let fragment = name.find('#').map_or("", |i| &name[i..]);
    let (source, others) = match sources.find(name) {
        targets::Found::One(s) => (s, Vec::new()),
        targets::Found::Several(all) => (all[0], all[1..].iter().map(|s| s.to_string()).collect()),
        targets::Found::None => return Err(format!("no post or page is {name:?}")),
    };
    let address = match source.strip_prefix("pages/") {
        Some(page) => {
            let slug = page
                .trim_end_matches(".md")
                .trim_end_matches(".markdown")
                .trim_end_matches("/index");
            format!("{}{fragment}", crate::url::page_route("", slug))
        }
        None => format!("/{source}{fragment}"),
    };
    Ok((address, others))
}

/// The built-ins' view of the post: addresses, parameters, captions.
struct PostEnv<'r, 'a> {
    renderer: &'r mut Renderer<'a>,
    notes: Vec<String>,
}

impl builtin::Env for PostEnv<'_, '_> {
    fn address(&mut self, target: &str) -> Result<String, String> {
        let (address, others) = resolve(self.renderer.cx.sources, target)?;
        if !others.is_empty() {
            self.notes.push(format!(
                "several posts match {target:?} ({}); the first is linked. Give the full path",
                others.join(", ")
            ));
        }
        Ok(address)
    }
    fn param(&self, key: &str) -> Option<String> {
        let r = &self.renderer;
        let path: Vec<String> = key.split('.').map(str::to_string).collect();
        // Hugo's parameters are case-insensitive.
        let field = r
            .page
            .fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&path[0]))
            .and_then(|(_, v)| scope::json_value(v, &path[1..]));
        field
            .map(|v| match v {
                Value::List(l) => l.join(", "),
                v => v.text(),
            })
            .or_else(|| scope::param(r.cx.site, key))
    }
    fn inline_markdown(&self, markdown: &str) -> String {
        let opts = crate::render_options::RenderOptions {
            source_dir: self.renderer.page.source_dir,
            ..Default::default()
        };
        let html = crate::markdown::render(markdown, &opts).html;
        let html = html.trim();
        html.strip_prefix("<p>")
            .and_then(|h| h.strip_suffix("</p>"))
            .unwrap_or(html)
            .to_string()
    }
}
