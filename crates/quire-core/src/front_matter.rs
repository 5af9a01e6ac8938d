//! Where a post's front matter ends and its body begins: YAML between `---` lines
//! (Jekyll/Hugo/Astro) or TOML between `+++` lines (Zola/Hugo).
//!
//! `split` is used by the WASM app on every fetched post, so it stays dependency-free. Turning
//! the front matter text into typed fields lives in [`crate::post`] (build time only).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        }
    }
    fn delimiter(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    pub format: Format,
    /// The text between the delimiter lines (line endings as in the file).
    pub text: &'a str,
    /// 1-based file line of the first line of `text`.
    pub first_line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: Option<FrontMatter<'a>>,
    pub body: &'a str,
    /// 1-based file line where the body starts (for diagnostics about the body).
    pub body_line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// An opening delimiter with no closing one: where the body starts is unknown.
    Unterminated { format: Format },
}

/// Removes a UTF-8 byte order mark, which some editors on Windows write.
pub fn strip_bom(src: &str) -> &str {
    src.strip_prefix('\u{feff}').unwrap_or(src)
}

/// Splits a post into front matter and body. A file without an opening delimiter is all body.
pub fn split(src: &str) -> Result<Split<'_>, SplitError> {
    let src = strip_bom(src);
    let mut lines = LineIter { src, pos: 0 };
    let Some((_, first)) = lines.next() else {
        return Ok(Split {
            front_matter: None,
            body: src,
            body_line: 1,
        });
    };
    let format = match first.trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => {
            return Ok(Split {
                front_matter: None,
                body: src,
                body_line: 1,
            })
        }
    };
    let text_start = lines.pos;
    let mut line_no = 1;
    while let Some((start, line)) = lines.next() {
        line_no += 1;
        let t = line.trim_end();
        // YAML documents may also end with `...`.
        if t == format.delimiter() || (format == Format::Yaml && t == "...") {
            return Ok(Split {
                front_matter: Some(FrontMatter {
                    format,
                    text: &src[text_start..start],
                    first_line: 2,
                }),
                body: &src[lines.pos..],
                body_line: line_no + 1,
            });
        }
    }
    Err(SplitError::Unterminated { format })
}

/// The body of a post for rendering, whatever state its front matter is in.
pub fn body(src: &str) -> &str {
    match split(src) {
        Ok(s) => s.body,
        Err(_) => strip_bom(src),
    }
}

/// Lines with their byte offsets; a line excludes its `\n` (a `\r` stays and is trimmed by callers).
struct LineIter<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.src.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.src[start..];
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((start, line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let s = split("---\ntitle: A\n---\n\nBody\n").unwrap();
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.format, Format::Yaml);
        assert_eq!(fm.text, "title: A\n");
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn toml_front_matter_with_crlf_and_bom() {
        let s = split("\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nBody").unwrap();
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.format, Format::Toml);
        assert_eq!(fm.text, "title = \"A\"\r\n");
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let s = split("# Hello\n\ntext").unwrap();
        assert!(s.front_matter.is_none());
        assert_eq!(s.body, "# Hello\n\ntext");
        let empty = split("").unwrap();
        assert_eq!(empty.body, "");
    }

    #[test]
    fn unterminated() {
        assert_eq!(
            split("---\ntitle: A\n\nBody"),
            Err(SplitError::Unterminated {
                format: Format::Yaml
            })
        );
        assert_eq!(body("---\ntitle: A\n"), "---\ntitle: A\n");
    }

    #[test]
    fn yaml_document_end_marker_and_empty_front_matter() {
        let s = split("---\ntitle: A\n...\nBody").unwrap();
        assert_eq!(s.body, "Body");
        let s = split("---\n---\nBody").unwrap();
        assert_eq!(s.front_matter.unwrap().text, "");
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn a_later_thematic_break_is_not_front_matter() {
        let s = split("Intro\n---\nMore").unwrap();
        assert!(s.front_matter.is_none());
    }
}
