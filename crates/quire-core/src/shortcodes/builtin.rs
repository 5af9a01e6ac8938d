//! Hugo's and Zola's built-in shortcodes, as Markdown and allowed HTML that the one pipeline then
//! renders and sanitises like any other post text. Videos load nothing until clicked
//! ([`crate::embed`]); posts on X, Instagram and gists are links to the original (no
//! third-party script runs in the blog).

use super::args::Args;
use crate::escape::escape;

/// What a shortcode becomes: Markdown or HTML, and whether it is a block of its own (then it
/// starts on a line of its own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Out {
    pub text: String,
    pub block: bool,
}

/// What the built-ins need from the post and the site.
pub trait Env {
    /// The address a `ref`/`relref` target leads to (as a root-relative path the pipeline
    /// resolves), or why there is none.
    fn address(&mut self, target: &str) -> Result<String, String>;
    /// A front-matter field of the post, or else a `[params]` value of the site.
    fn param(&self, key: &str) -> Option<String>;
    /// A caption's Markdown as inline HTML.
    fn inline_markdown(&self, markdown: &str) -> String;
}

fn inline(text: String) -> Result<Out, String> {
    Ok(Out { text, block: false })
}

fn block(text: String) -> Result<Out, String> {
    Ok(Out { text, block: true })
}

/// A built-in, or `None` when `name` is not one (`zola`: Zola's set, else Hugo's).
pub fn render(
    name: &str,
    args: &Args,
    inner: Option<&str>,
    zola: bool,
    env: &mut dyn Env,
) -> Option<Result<Out, String>> {
    let id = || {
        args.get("id", Some(0))
            .map(str::to_string)
            .ok_or_else(|| "it needs the video's id".to_string())
    };
    Some(match (name, zola) {
        ("youtube" | "vimeo", _) | ("streamable", true) => {
            id().and_then(|id| video(name, &id, args))
        }
        ("gist", _) => gist(args, zola),
        ("figure", false) => figure(args, env),
        ("x" | "tweet" | "twitter", false) => post_on_x(args),
        ("instagram", false) => instagram(args),
        ("ref" | "relref", false) => match args.get("path", Some(0)) {
            Some(target) => env.address(target).and_then(inline),
            None => Err("it needs the page it refers to".into()),
        },
        ("param", false) => match args.get("name", Some(0)) {
            Some(key) => env
                .param(key)
                .map(|v| escape(&v))
                .ok_or_else(|| {
                    format!("neither the post's front matter nor quire.toml's [params] has `{key}`")
                })
                .and_then(inline),
            None => Err("it needs the parameter's name".into()),
        },
        ("details", false) => Ok(details(args, inner.unwrap_or(""), env)),
        ("highlight", false) => Err("it is never closed with {{< /highlight >}}".into()),
        _ => return None,
    })
}

/// A link to the provider's player in a figure that `boot.js` turns into the player on click.
fn video(provider: &str, id: &str, args: &Args) -> Result<Out, String> {
    let p = crate::embed::provider(provider).expect("a provider quire knows");
    let player = p
        .player(id)
        .ok_or_else(|| format!("{id:?} is not a {} video id", p.label))?;
    let what = match args.get("title", None) {
        Some(title) => format!("Play “{}” on {}", escape(title), p.label),
        None => format!("Play the video on {}", p.label),
    };
    block(format!(
        "<figure data-embed=\"{}\"><a href=\"{}\">{what}</a></figure>",
        p.name,
        escape(&player)
    ))
}

fn is_handle(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

fn gist(args: &Args, zola: bool) -> Result<Out, String> {
    let (user, id, file) = if zola {
        let url = args.get("url", None).ok_or("it needs the gist's url")?;
        let path = url
            .strip_prefix("https://gist.github.com/")
            .ok_or_else(|| format!("{url:?} is not a gist.github.com address"))?;
        let (user, id) = path
            .trim_end_matches('/')
            .split_once('/')
            .ok_or_else(|| format!("{url:?} has no gist id"))?;
        (user.to_string(), id.to_string(), args.get("file", None))
    } else {
        let user = args
            .get("user", Some(0))
            .ok_or("it needs the gist's user")?;
        let id = args.get("id", Some(1)).ok_or("it needs the gist's id")?;
        (user.to_string(), id.to_string(), args.get("file", Some(2)))
    };
    if !is_handle(&user) || !is_handle(&id) {
        return Err(format!("{user:?}/{id:?} is not a gist"));
    }
    let (anchor, shown) = match file {
        Some(f) => (
            format!("#file-{}", crate::slug::slugify(f)),
            format!(" ({})", escape(f)),
        ),
        None => (String::new(), String::new()),
    };
    block(format!(
        "<p><a href=\"https://gist.github.com/{user}/{id}{anchor}\">Gist {user}/{id}{shown} on GitHub</a></p>"
    ))
}

fn post_on_x(args: &Args) -> Result<Out, String> {
    let id = args.get(
        "id",
        Some(1).filter(|_| args.positional.len() > 1).or(Some(0)),
    );
    let id = id.ok_or("it needs the post's id")?;
    if !id.bytes().all(|b| b.is_ascii_digit()) || id.is_empty() {
        return Err(format!("{id:?} is not a post id"));
    }
    let user = args
        .get("user", None)
        .or_else(|| (args.positional.len() > 1).then(|| args.positional[0].as_str()));
    let (path, by) = match user.filter(|u| is_handle(u)) {
        Some(u) => (format!("{u}/status/{id}"), format!(" by @{u}")),
        None => (format!("i/status/{id}"), String::new()),
    };
    block(format!(
        "<blockquote><p><a href=\"https://x.com/{path}\">A post{by} on X</a></p></blockquote>"
    ))
}

fn instagram(args: &Args) -> Result<Out, String> {
    let id = args.get("id", Some(0)).ok_or("it needs the post's id")?;
    if !is_handle(id) {
        return Err(format!("{id:?} is not an Instagram post id"));
    }
    block(format!(
        "<blockquote><p><a href=\"https://www.instagram.com/p/{id}/\">A post on Instagram</a></p></blockquote>"
    ))
}

/// Hugo's figure: the image (sized by the build like any other), a link, a caption.
fn figure(args: &Args, env: &mut dyn Env) -> Result<Out, String> {
    let src = args.get("src", None).ok_or("it needs `src`")?;
    let caption = args.get("caption", None).map(|c| env.inline_markdown(c));
    let alt = match args.get("alt", None) {
        Some(a) => escape(a),
        None => caption
            .as_deref()
            .map(|c| escape(&super::strip_tags(c)))
            .unwrap_or_default(),
    };
    let mut img = format!("<img src=\"{}\" alt=\"{alt}\"", escape(src));
    for attr in ["width", "height"] {
        if let Some(v) = args
            .get(attr, None)
            .filter(|v| v.bytes().all(|b| b.is_ascii_digit()))
        {
            img.push_str(&format!(" {attr}=\"{v}\""));
        }
    }
    img.push('>');
    if let Some(link) = args.get("link", None) {
        img = format!("<a href=\"{}\">{img}</a>", escape(link));
    }
    let mut text = String::new();
    if let Some(title) = args.get("title", None) {
        text.push_str(&format!("<h4>{}</h4>", escape(title)));
    }
    let attr = args.get("attr", None).map(|a| {
        let a = env.inline_markdown(a);
        match args.get("attrlink", None) {
            Some(l) => format!("<a href=\"{}\">{a}</a>", escape(l)),
            None => a,
        }
    });
    let words: Vec<String> = caption.into_iter().chain(attr).collect();
    if !words.is_empty() {
        text.push_str(&format!("<p>{}</p>", words.join(" ")));
    }
    let caption = if text.is_empty() {
        String::new()
    } else {
        format!("<figcaption>{text}</figcaption>")
    };
    block(format!("<figure>{img}{caption}</figure>"))
}

/// Hugo's details: a summary, and the inner Markdown below it.
fn details(args: &Args, inner: &str, env: &mut dyn Env) -> Out {
    let summary = env.inline_markdown(args.get("summary", Some(0)).unwrap_or("Details"));
    let open = if args.flag("open") { " open" } else { "" };
    Out {
        text: format!(
            "<details{open}><summary>{summary}</summary>\n\n{}\n\n</details>",
            inner.trim_matches('\n')
        ),
        block: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shortcodes::args;

    struct Site;
    impl Env for Site {
        fn address(&mut self, target: &str) -> Result<String, String> {
            match target {
                "x.md" => Ok("/posts/x.md".into()),
                _ => Err(format!("no post {target:?}")),
            }
        }
        fn param(&self, key: &str) -> Option<String> {
            (key == "mood").then(|| "<happy>".into())
        }
        fn inline_markdown(&self, md: &str) -> String {
            md.replace("*a*", "<em>a</em>")
        }
    }

    fn hugo(name: &str, a: &str) -> Result<Out, String> {
        render(name, &args::hugo(a).unwrap(), None, false, &mut Site).unwrap()
    }

    #[test]
    fn figure_has_image_link_and_caption() {
        let out = hugo(
            "figure",
            r#"src="chart.png" link="https://x.y" caption="A *a* chart" title="T" attr="Ann" attrlink="https://ann.example""#,
        )
        .unwrap();
        assert!(out.block);
        assert_eq!(
            out.text,
            "<figure><a href=\"https://x.y\"><img src=\"chart.png\" alt=\"A a chart\"></a><figcaption><h4>T</h4><p>A <em>a</em> chart <a href=\"https://ann.example\">Ann</a></p></figcaption></figure>"
        );
        assert!(hugo("figure", "caption=x").unwrap_err().contains("src"));
    }

    #[test]
    fn videos_load_nothing_until_clicked() {
        let out = hugo("youtube", "w7Ft2ymGmfc").unwrap();
        assert_eq!(out.text, "<figure data-embed=\"youtube\"><a href=\"https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1\">Play the video on YouTube</a></figure>");
        let out = hugo("vimeo", r#"id=146022717 title="A <b>""#).unwrap();
        assert!(out.text.contains("player.vimeo.com/video/146022717"));
        assert!(out.text.contains("Play “A &lt;b&gt;” on Vimeo"));
        assert!(hugo("youtube", "\"x\\\" onload=\"").is_err());
        let zola = render(
            "streamable",
            &args::zola("id=\"abc1\"").unwrap(),
            None,
            true,
            &mut Site,
        );
        assert!(zola
            .unwrap()
            .unwrap()
            .text
            .contains("streamable.com/e/abc1"));
        // Hugo has no streamable; Zola has no figure.
        assert!(render("streamable", &Args::default(), None, false, &mut Site).is_none());
        assert!(render("figure", &Args::default(), None, true, &mut Site).is_none());
    }

    #[test]
    fn social_posts_are_links_to_the_original() {
        let out = hugo("x", "user=SanDiegoZoo id=1453110110599868418").unwrap();
        assert!(out
            .text
            .contains("https://x.com/SanDiegoZoo/status/1453110110599868418"));
        let out = hugo("tweet", "877500564405444608").unwrap();
        assert!(out
            .text
            .contains("https://x.com/i/status/877500564405444608"));
        let out = hugo("instagram", "CxOWiQNP2MO").unwrap();
        assert!(out
            .text
            .contains("https://www.instagram.com/p/CxOWiQNP2MO/"));
        let out = hugo("gist", "spf13 7896402 img.html").unwrap();
        assert!(out
            .text
            .contains("https://gist.github.com/spf13/7896402#file-img-html"));
        let zola = render(
            "gist",
            &args::zola("url=\"https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57\"")
                .unwrap(),
            None,
            true,
            &mut Site,
        );
        assert!(zola
            .unwrap()
            .unwrap()
            .text
            .contains("Keats/e5fb6aad409f28721c0ba14161644c57"));
        assert!(hugo("x", "user=a id=notanumber").is_err());
    }

    #[test]
    fn ref_param_and_details() {
        assert_eq!(hugo("ref", "x.md").unwrap().text, "/posts/x.md");
        assert!(hugo("relref", "\"nope.md\"")
            .unwrap_err()
            .contains("nope.md"));
        assert_eq!(hugo("param", "mood").unwrap().text, "&lt;happy&gt;");
        assert!(hugo("param", "other").is_err());
        let out = render(
            "details",
            &args::hugo("summary=\"More *a*\" open=true").unwrap(),
            Some("\nInner **md**\n"),
            false,
            &mut Site,
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            out.text,
            "<details open><summary>More <em>a</em></summary>\n\nInner **md**\n\n</details>"
        );
    }
}
