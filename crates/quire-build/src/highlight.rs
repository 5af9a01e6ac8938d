//! Syntax highlighting at build time: syntect's parser with bat's syntax set (via two-face)
//! turns a code block into [`quire_core::code::Tokens`], a few broad classes the site's CSS
//! colours in both themes. The browser never carries a highlighter or a grammar.

use quire_core::code::{self, Tokens};
use std::sync::OnceLock;
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxReference, SyntaxSet};

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// TextMate scope prefixes → token class, most specific first. The innermost scope of a piece
/// of text that matches decides; `PLAIN` entries stop the search (operators are not keywords).
fn rules() -> &'static [(Scope, u32)] {
    static RULES: OnceLock<Vec<(Scope, u32)>> = OnceLock::new();
    RULES.get_or_init(|| {
        [
            ("comment", code::COMMENT),
            ("punctuation.definition.comment", code::COMMENT),
            ("meta.mapping.key", code::ATTRIBUTE),
            ("constant.character.escape", code::STRING),
            ("string", code::STRING),
            ("constant.numeric", code::NUMBER),
            ("constant.language", code::NUMBER),
            ("constant.other", code::NUMBER),
            ("keyword.operator.word", code::KEYWORD),
            ("keyword.operator.logical.python", code::KEYWORD),
            ("keyword.operator", code::OPERATOR),
            ("keyword", code::KEYWORD),
            ("storage", code::KEYWORD),
            ("variable.function", code::FUNCTION),
            ("entity.name.function", code::FUNCTION),
            ("support.function", code::FUNCTION),
            ("meta.function-call", code::FUNCTION),
            ("entity.name.tag", code::TAG),
            ("entity.other.attribute-name", code::ATTRIBUTE),
            ("support.type.property-name", code::ATTRIBUTE),
            ("meta.property-name", code::ATTRIBUTE),
            ("support.macro", code::META),
            ("meta.annotation", code::META),
            ("meta.decorator", code::META),
            ("entity.name.macro", code::META),
            ("variable.annotation", code::META),
            ("entity.name", code::TYPE),
            ("support.type", code::TYPE),
            ("support.class", code::TYPE),
            ("entity.other.inherited-class", code::TYPE),
            ("variable.language", code::VARIABLE),
            ("variable.other.readwrite.shell", code::VARIABLE),
            ("variable.parameter", code::VARIABLE),
            ("support.variable", code::VARIABLE),
            ("punctuation.definition.variable", code::VARIABLE),
        ]
        .into_iter()
        .map(|(s, c)| (Scope::new(s).expect("a valid scope"), c))
        .collect()
    })
}

fn class_of(stack: &ScopeStack) -> u32 {
    let rules = rules();
    for scope in stack.as_slice().iter().rev() {
        if let Some((_, class)) = rules.iter().find(|(p, _)| p.is_prefix_of(*scope)) {
            return *class;
        }
    }
    code::PLAIN
}

/// Names authors use for a language that syntect does not know by that token.
fn syntax_for(lang: &str) -> Option<&'static SyntaxReference> {
    let set = syntaxes();
    let token = match lang {
        "golang" => "go",
        "shell" | "sh" | "zsh" | "console" | "shellsession" => "bash",
        "jsonc" | "json5" => "json",
        "yml" => "yaml",
        "ts" | "typescript" => "ts",
        "tsx" => "tsx",
        "jsx" => "js",
        "htm" | "xhtml" => "html",
        "py3" | "python3" => "py",
        "postgres" | "postgresql" | "mysql" | "sqlite" => "sql",
        "text" | "plain" | "plaintext" | "txt" => return None,
        other => other,
    };
    set.find_syntax_by_token(token)
        .filter(|s| s.name != "Plain Text")
}

/// Coloured runs for `text` in `lang`; empty for an unknown language (the block stays plain).
pub fn highlight(lang: &str, text: &str) -> Tokens {
    let Some(syntax) = syntax_for(lang) else {
        return Tokens::new();
    };
    let set = syntaxes();
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut tokens = Tokens::new();
    for line in text.split_inclusive('\n') {
        let Ok(ops) = state.parse_line(line, set) else {
            return Tokens::new();
        };
        let mut at = 0;
        for (pos, op) in ops {
            code::push_run(&mut tokens, pos - at, class_of(&stack));
            at = pos;
            if stack.apply(&op).is_err() {
                return Tokens::new();
            }
        }
        code::push_run(&mut tokens, line.len() - at, class_of(&stack));
    }
    // Only worth shipping if something is coloured.
    if tokens.chunks_exact(2).all(|r| r[1] == code::PLAIN) {
        return Tokens::new();
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each class in a highlighted snippet, to assert on.
    fn pieces(lang: &str, text: &str) -> Vec<(u32, String)> {
        let t = highlight(lang, text);
        assert!(!t.is_empty(), "{lang} is highlighted");
        let mut at = 0;
        let mut out = Vec::new();
        for r in t.chunks_exact(2) {
            let end = at + r[0] as usize;
            out.push((r[1], text[at..end].to_string()));
            at = end;
        }
        assert_eq!(at, text.len(), "runs cover the text");
        out
    }

    fn has(p: &[(u32, String)], class: u32, text: &str) -> bool {
        p.iter().any(|(c, t)| *c == class && t.contains(text))
    }

    #[test]
    fn every_promised_language_is_coloured() {
        let samples = [
            ("rust", "fn main() { let x = 1; } // hi", "fn", "// hi"),
            ("go", "func main() { x := \"s\" } // hi", "func", "// hi"),
            ("golang", "package main", "package", "package"),
            ("python", "def f():\n    return 'a'  # hi", "def", "# hi"),
            ("py", "import os", "import", "import"),
            ("javascript", "const a = 'b'; // hi", "const", "// hi"),
            ("js", "function f() {}", "function", "function"),
            ("typescript", "let a: number = 1; // hi", "let", "// hi"),
            ("ts", "interface A { b: string }", "interface", "interface"),
            (
                "toml",
                "[package]\nname = \"quire\" # hi",
                "\"quire\"",
                "# hi",
            ),
            ("yaml", "title: \"Hi\" # hi\n", "\"Hi\"", "# hi"),
            ("json", "{\"a\": true}", "true", "true"),
            ("bash", "echo \"hi\" # hi", "\"hi\"", "# hi"),
            ("sh", "if true; then echo; fi", "if", "if"),
            ("shell", "export A=1", "export", "export"),
            (
                "html",
                "<p class=\"a\">x</p><!-- hi -->",
                "p",
                "<!-- hi -->",
            ),
            ("css", "a { color: red; } /* hi */", "color", "/* hi */"),
            ("sql", "SELECT * FROM t; -- hi", "SELECT", "-- hi"),
        ];
        for (lang, text, coloured, comment) in samples {
            let p = pieces(lang, text);
            assert!(
                p.iter()
                    .any(|(c, t)| *c != code::PLAIN && t.contains(coloured)),
                "{lang}: {coloured:?} coloured in {p:?}"
            );
            if comment != coloured {
                assert!(has(&p, code::COMMENT, comment), "{lang}: comment in {p:?}");
            }
        }
    }

    #[test]
    fn classes_fit_what_readers_expect() {
        let p = pieces("rust", "pub fn add(a: u32) -> u32 { a + 1 } // sum\n");
        assert!(has(&p, code::KEYWORD, "fn"), "{p:?}");
        assert!(has(&p, code::FUNCTION, "add"), "{p:?}");
        assert!(has(&p, code::NUMBER, "1"), "{p:?}");
        assert!(has(&p, code::COMMENT, "// sum"), "{p:?}");
        let p = pieces("python", "x = \"s\"\n");
        assert!(has(&p, code::STRING, "\"s\""), "{p:?}");
    }

    #[test]
    fn unknown_languages_stay_plain() {
        assert!(highlight("klingon", "Qapla'").is_empty());
        assert!(highlight("text", "plain words").is_empty());
    }

    #[test]
    fn runs_always_fit_the_text() {
        for text in [
            "",
            "\n",
            "é\n\u{1F600} = 1\r\n",
            "fn\tx\n\n\n",
            "\"unterminated",
        ] {
            let t = highlight("rust", text);
            if !t.is_empty() {
                assert!(code::to_html(text, &t).is_some(), "{text:?}: {t:?}");
            }
        }
    }
}
