//! Pairing the scanned tags: `{{< details >}}…{{< /details >}}`, `{% quote() %}…{% end %}`,
//! `{% for %}…{% endfor %}`. An opening tag never closed stands alone (what it held stays in
//! place); a closing tag that closes nothing is reported. Nesting is bounded, so the pairing is
//! linear and the rendering's recursion shallow on any input.

use super::scan::{Syntax, Tag, Token};

/// Deeper nesting than this is read as tags standing alone.
pub const MAX_DEPTH: usize = 32;

#[derive(Debug)]
pub enum Node<'a> {
    /// Text, code, an escape's text, a verbatim tag or a broken one.
    Leaf(Token<'a>),
    Tag {
        tag: Tag<'a>,
        /// What stands between it and its closing tag; `None` when it has none.
        children: Option<Vec<Node<'a>>>,
        /// An opening tag whose closing tag was never found (it had to have one, or it was
        /// left open by a tag that closed around it).
        unclosed: bool,
    },
    /// A closing tag that closes nothing.
    Stray(Tag<'a>),
}

/// Liquid's block tags, which close with `end` + their name.
const LIQUID_BLOCKS: &[&str] = &["for", "if", "unless", "case", "capture", "tablerow"];

/// Hugo's built-ins that never hold content, so `{{< figure >}}` needs no `/`.
const HUGO_LEAVES: &[&str] = &[
    "figure",
    "youtube",
    "vimeo",
    "gist",
    "x",
    "tweet",
    "twitter",
    "instagram",
    "ref",
    "relref",
    "param",
    "qr",
];

fn closes(tag: &Tag) -> bool {
    match tag.syntax {
        Syntax::HugoAngle | Syntax::HugoPercent => tag.closing,
        Syntax::ZolaEnd => true,
        Syntax::Liquid => tag.name.starts_with("end"),
        _ => false,
    }
}

fn opens(tag: &Tag) -> bool {
    match tag.syntax {
        Syntax::HugoAngle | Syntax::HugoPercent => {
            !tag.closing && !tag.self_closing && !HUGO_LEAVES.contains(&tag.name)
        }
        Syntax::ZolaBlock => true,
        Syntax::Liquid => LIQUID_BLOCKS.contains(&tag.name),
        _ => false,
    }
}

fn pairs(open: &Tag, close: &Tag) -> bool {
    let hugo = |s: Syntax| matches!(s, Syntax::HugoAngle | Syntax::HugoPercent);
    match close.syntax {
        Syntax::ZolaEnd => open.syntax == Syntax::ZolaBlock,
        Syntax::Liquid => {
            open.syntax == Syntax::Liquid && close.name.strip_prefix("end") == Some(open.name)
        }
        s if hugo(s) => hugo(open.syntax) && open.name == close.name,
        _ => false,
    }
}

struct Open<'a> {
    tag: Tag<'a>,
    children: Vec<Node<'a>>,
}

/// An opening tag that was never closed stands alone; what followed it is its parent's.
fn stand_alone<'a>(open: Open<'a>, parent: &mut Vec<Node<'a>>) {
    // Hugo shortcodes the site defines may hold content or not: alone is fine for them.
    let unclosed = !matches!(open.tag.syntax, Syntax::HugoAngle | Syntax::HugoPercent);
    parent.push(Node::Tag {
        tag: open.tag,
        children: None,
        unclosed,
    });
    parent.extend(open.children);
}

pub fn build(tokens: Vec<Token<'_>>) -> Vec<Node<'_>> {
    let mut root: Vec<Node> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for token in tokens {
        let Token::Tag(tag) = token else {
            top(&mut stack, &mut root).push(Node::Leaf(token));
            continue;
        };
        if closes(&tag) {
            match stack.iter().rposition(|o| pairs(&o.tag, &tag)) {
                Some(k) => {
                    while stack.len() > k + 1 {
                        let open = stack.pop().expect("deeper than k");
                        stand_alone(open, top(&mut stack, &mut root));
                    }
                    let open = stack.pop().expect("the pair");
                    top(&mut stack, &mut root).push(Node::Tag {
                        tag: open.tag,
                        children: Some(open.children),
                        unclosed: false,
                    });
                }
                None => top(&mut stack, &mut root).push(Node::Stray(tag)),
            }
        } else if opens(&tag) && stack.len() < MAX_DEPTH {
            stack.push(Open {
                tag,
                children: Vec::new(),
            });
        } else {
            top(&mut stack, &mut root).push(Node::Tag {
                tag,
                children: None,
                unclosed: false,
            });
        }
    }
    while let Some(open) = stack.pop() {
        stand_alone(open, top(&mut stack, &mut root));
    }
    root
}

fn top<'s, 'a>(stack: &'s mut [Open<'a>], root: &'s mut Vec<Node<'a>>) -> &'s mut Vec<Node<'a>> {
    match stack.last_mut() {
        Some(open) => &mut open.children,
        None => root,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shortcodes::scan::scan;

    fn shape(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| match n {
                Node::Leaf(Token::Text(_)) => "t".to_string(),
                Node::Leaf(_) => "l".to_string(),
                Node::Tag {
                    tag,
                    children: Some(c),
                    ..
                } => format!("{}[{}]", tag.name, shape(c)),
                Node::Tag { tag, unclosed, .. } => {
                    format!("{}{}", tag.name, if *unclosed { "!" } else { "" })
                }
                Node::Stray(tag) => format!("/{}?", tag.name),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn tags_pair_up_and_unclosed_ones_stand_alone() {
        let body = "{{< a >}}x{{< b >}}y{{< /a >}}{% q() %}z{% end %}{% for x in y %}w{% endfor %}{{< /c >}}{% if x %}";
        assert_eq!(shape(&build(scan(body))), "a[t b t] q[t] for[t] /c? if!");
        assert_eq!(
            shape(&build(scan("{{< figure >}}t{{< /figure >}}"))),
            "figure t /figure?"
        );
    }

    #[test]
    fn nesting_is_bounded() {
        let body = "{{< a >}}".repeat(10_000) + &"{{< /a >}}".repeat(10_000);
        let nodes = build(scan(&body));
        assert!(!nodes.is_empty());
    }
}
