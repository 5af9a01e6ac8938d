use super::*;

fn site() -> Site {
    let (site, diags) = crate::site::parse(
        "quire.toml",
        r#"
title = "Moved <in>"
base_url = "https://example.com/blog/"
[params]
github = "ann"
[params.author]
name = "Ann"
[shortcodes.notice]
markdown = """
> [!{{ 0 | upcase }}]
> {{ inner }}
"""
[shortcodes."youtube-lite"]
markdown = "<p>{{ id }}</p>"
"#,
    );
    assert!(diags.is_empty(), "{diags:?}");
    site
}

fn sources() -> Sources {
    Sources::new([
        "posts/_posts/2019-03-01-release.md",
        "posts/hugo/leaf/index.md",
        "pages/about.md",
        "posts/a.md",
    ])
}

/// Expands `body` as the post `posts/a.md` with the title "A <b>".
fn run(body: &str) -> (String, Vec<String>) {
    let site = site();
    let sources = sources();
    let cx = Context {
        site: &site,
        sources: &sources,
    };
    let mut fields = Map::new();
    fields.insert("mood".into(), Json::String("calm".into()));
    fields.insert(
        "tags".into(),
        Json::Array(vec![Json::String("x".into()), Json::String("y".into())]),
    );
    let page = Page {
        path: "public/posts/a.md",
        source_dir: "posts",
        body_line: 5,
        fields: &fields,
        title: "A <b>",
        date: Some("2024-05-02T09:30:00+00:00"),
        url: "/posts/a/".into(),
    };
    match expand(body, &cx, &page) {
        Some(e) => (
            e.text,
            e.diagnostics.iter().map(ToString::to_string).collect(),
        ),
        None => (body.to_string(), Vec::new()),
    }
}

fn text(body: &str) -> String {
    let (out, diags) = run(body);
    assert!(diags.is_empty(), "{diags:#?}");
    out
}

#[test]
fn a_post_without_tags_is_not_touched() {
    let site = site();
    let sources = sources();
    let cx = Context {
        site: &site,
        sources: &sources,
    };
    let fields = Map::new();
    let page = Page {
        path: "p",
        source_dir: "posts",
        body_line: 1,
        fields: &fields,
        title: "t",
        date: None,
        url: String::new(),
    };
    assert!(expand("# Plain\n\n{ braces } and % signs", &cx, &page).is_none());
}

#[test]
fn liquid_raw_shows_its_content_and_the_tags_vanish() {
    assert_eq!(
        text("{% raw %}{{ page.title }} and {% if x %}{% endraw %} stay"),
        "{{ page.title }} and {% if x %} stay"
    );
    // In code too: Jekyll posts wrap code that shows Liquid in them.
    assert_eq!(
        text("`{% raw %}{{ site.url }}{% endraw %}` and\n\n```liquid\n{%- raw -%}\n{% for p in x %}\n{% endraw %}\n```\n"),
        "`{{ site.url }}` and\n\n```liquid\n\n{% for p in x %}\n\n```\n"
    );
}

#[test]
fn liquid_highlight_is_a_fenced_block() {
    assert_eq!(
        text("Before\n\n{% highlight ruby linenos %}\ndef foo\n  puts 'foo'\nend\n{% endhighlight %}\n\nAfter"),
        "Before\n\n```ruby\ndef foo\n  puts 'foo'\nend\n```\n\nAfter"
    );
    // Backticks inside get a longer fence; a list item's indentation is kept.
    assert_eq!(
        text("1. Run\n   {% highlight sh %}\n   echo ```\n   {% endhighlight %}\n"),
        "1. Run\n   ````sh\n   echo ```\n   ````\n"
    );
    assert_eq!(
        text("{{< highlight go \"linenos=table\" >}}\nfmt.Println(1)\n{{< / highlight >}}"),
        "```go\nfmt.Println(1)\n```"
    );
}

#[test]
fn liquid_links_lead_to_the_post_under_any_base() {
    assert_eq!(
        text("[r]({% link _posts/2019-03-01-release.md %}) [p]({% post_url 2019-03-01-release %}#notes) [a]({% link about.md %}) [f]({% link assets/x.pdf %})"),
        "[r](/posts/_posts/2019-03-01-release.md) [p](/posts/_posts/2019-03-01-release.md#notes) [a](/about/) [f](/assets/x.pdf)"
    );
    let (out, diags) = run("line\n[m]({% post_url 2020-01-01-missing %})");
    assert_eq!(out, "line\n[m](#)");
    assert_eq!(
        diags,
        ["warning: public/posts/a.md:6: liquid \"{% post_url 2020-01-01-missing %}\": no post or page is \"2020-01-01-missing\"; the link leads nowhere (`#`)"]
    );
}

#[test]
fn zola_internal_links_lead_to_the_post() {
    assert_eq!(
        text("[l](@/hugo/leaf/index.md#setup) and `[c](@/a.md)`\n\n[r]: @/about.md\n"),
        "[l](/posts/hugo/leaf/index.md#setup) and `[c](@/a.md)`\n\n[r]: /about/\n"
    );
    let (out, diags) = run("line\n[m](@/blog/missing.md)");
    assert_eq!(out, "line\n[m](@/blog/missing.md)");
    assert_eq!(
        diags,
        ["warning: public/posts/a.md:6: link \"@/blog/missing.md\": no post or page is \"@/blog/missing.md\"; the link is published as written"]
    );
}

#[test]
fn liquid_variables_and_filters() {
    assert_eq!(
        text("![x]({{ site.baseurl }}/img/x.png) {{ site.url }}{{ site.baseurl }}/feed.xml {{ page.title }} — {{ site.title | upcase }} {{ '/about/' | relative_url }} {{ page.date | date: \"%b %-d, %Y\" }} {{ page.tags | join: ', ' }} {{ page.mood }} {{ site.github }} {{ site.params.author.name }}"),
        "![x](/img/x.png) https://example.com/blog/feed.xml A &lt;b&gt; — MOVED &lt;IN&gt; /about/ May 2, 2024 x, y calm ann Ann"
    );
    assert_eq!(
        text("{% assign who = page.mood | capitalize %}{% capture c %}*{{ who }}*{% endcapture %}{{ c }}!"),
        "*Calm*!"
    );
}

#[test]
fn what_liquid_cannot_honour_is_removed_with_a_warning() {
    let (out, diags) = run("a\n{% include disqus.html %}\n{% for p in site.posts %}\n- {{ p.title }}\n{% endfor %}\n{{ forloop.index }}{% seo %}\nb");
    assert_eq!(out, "a\n\n\n\nb");
    assert_eq!(diags.len(), 4, "{diags:#?}");
    assert!(diags[0].starts_with("warning: public/posts/a.md:6: liquid \"{% include disqus.html %}\": it includes \"disqus.html\""), "{}", diags[0]);
    assert!(diags[1].contains(":7: liquid \"{% for p in site.posts %}\": a loop, which quire cannot run; it and the 1 lines inside it are removed"), "{}", diags[1]);
    assert!(diags[2].contains(":10: liquid \"{{ forloop.index }}\": `forloop.index` is not a variable quire knows; it is removed"), "{}", diags[2]);
    assert!(
        diags[3].contains("\"{% seo %}\": a Liquid tag quire cannot honour"),
        "{}",
        diags[3]
    );
}

#[test]
fn go_templates_and_plain_braces_stay_as_written() {
    assert_eq!(
        text("In Hugo, {{ .Title }} and {{ $x }}; JSON {\"a\": {\"b\": 1}}; {%d"),
        "In Hugo, {{ .Title }} and {{ $x }}; JSON {\"a\": {\"b\": 1}}; {%d"
    );
}

#[test]
fn hugo_built_ins() {
    let out = text("Intro\n\n{{< figure src=\"chart.png\" caption=\"A *chart*\" >}}\n\n{{< youtube w7Ft2ymGmfc >}}\n\nSee [leaf]({{< ref \"leaf\" >}}) and [r]({{< relref \"/posts/2019-03-01-release.md#x\" >}}); mood {{< param mood >}}, {{< param \"author.name\" >}}.");
    assert_eq!(
        out,
        "Intro\n\n<figure><img src=\"chart.png\" alt=\"A chart\"><figcaption><p>A <em>chart</em></p></figcaption></figure>\n\n<figure data-embed=\"youtube\"><a href=\"https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1\">Play the video on YouTube</a></figure>\n\nSee [leaf](/posts/hugo/leaf/index.md) and [r](/posts/_posts/2019-03-01-release.md#x); mood calm, Ann."
    );
    assert_eq!(
        text("{{% details summary=\"More\" %}}\n**Inner** text\n{{% /details %}}"),
        "<details><summary>More</summary>\n\n**Inner** text\n\n</details>"
    );
}

#[test]
fn a_block_inside_a_quote_stays_inside_it() {
    assert_eq!(
        text("> {{< details summary=\"S\" >}}\n> inner\n> {{< /details >}}"),
        "> <details><summary>S</summary>\n>\n> inner\n>\n> </details>"
    );
}

#[test]
fn unknown_shortcodes_keep_their_inner_markdown() {
    let (out, diags) = run("{{< mermaid >}}\ngraph TD\n{{< /mermaid >}}\n{{< tip >}}");
    assert_eq!(out, "\ngraph TD\n\n");
    assert_eq!(diags.len(), 2);
    assert!(diags[0].starts_with("warning: public/posts/a.md:5: shortcode \"{{< mermaid >}}\": `mermaid` is not a Hugo shortcode quire knows; its tags are removed and what it holds is kept. Define it in quire.toml as [shortcodes.mermaid]"), "{}", diags[0]);
    assert!(diags[1].contains(":8: shortcode \"{{< tip >}}\""));
}

#[test]
fn zola_shortcodes() {
    let (out, diags) = run("{{ youtube(id=\"dQw4w9WgXcQ\", autoplay=true) }}\n\n{% quote(author=\"Ann\") %}\nWise *words*.\n{% end %}\n\n{{ vimeo(id=\"124313553\") }}");
    assert_eq!(
        out,
        "<figure data-embed=\"youtube\"><a href=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\">Play the video on YouTube</a></figure>\n\n\nWise *words*.\n\n\n<figure data-embed=\"vimeo\"><a href=\"https://player.vimeo.com/video/124313553?autoplay=1&amp;dnt=1\">Play the video on Vimeo</a></figure>"
    );
    assert_eq!(diags.len(), 1);
    assert!(diags[0].contains("`quote` is not a Zola shortcode quire knows"));
}

#[test]
fn a_site_s_own_shortcodes() {
    assert_eq!(
        text("{{% notice warning %}}\nMind the *gap*.\n\nReally.\n{{% /notice %}}"),
        "> [!WARNING]\n> Mind the *gap*.\n>\n> Really."
    );
    // Jekyll includes and Zola calls find them too, by name or the include's stem.
    assert_eq!(
        text("{% include youtube-lite.html id=\"abc\" %} {{ youtube-lite(id=\"x\") }}"),
        "<p>abc</p> {{ youtube-lite(id=\"x\") }}"
    );
}

#[test]
fn escapes_show_shortcodes_as_text() {
    assert_eq!(
        text("Write {{</* figure src=\"x.png\" */>}} or `{{</* youtube id */>}}`, or {{/* youtube(id=\"x\") */}}."),
        "Write {{< figure src=\"x.png\" >}} or `{{< youtube id >}}`, or {{ youtube(id=\"x\") }}."
    );
}

#[test]
fn code_that_shows_shortcodes_is_never_converted() {
    let body = "```go-html-template\n{{< figure src=\"x\" >}}\n{% link a.md %}\n{{ page.title }}\n```\n\n    {{< youtube x >}}\n\nAnd `{{< ref \"a\" >}}`.";
    assert_eq!(text(body), body);
}

#[test]
fn bad_tags_are_warnings_and_the_text_around_them_stays() {
    let (out, diags) =
        run("a {{< figure src=\"x.png >}} b\n{% quote() %}\nc\n{{< /nothing >}}\nd {% link x");
    assert!(out.starts_with("a  b\n\nc\n\nd {% link x"), "{out:?}");
    assert!(diags[0].contains("its quotes are unbalanced"), "{diags:#?}");
    assert!(
        diags
            .iter()
            .any(|d| d.contains("never closed with {% end %}")),
        "{diags:#?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d.contains("\"{{< /nothing >}}\": this closing tag closes no tag")),
        "{diags:#?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d.contains("\"{% link x\": this tag is never closed")),
        "{diags:#?}"
    );
}

#[test]
fn a_megabyte_long_tag_is_left_as_written() {
    let long = format!(
        "before {{{{< figure caption=\"{}\" >}}}} after",
        "x".repeat(1 << 20)
    );
    let (out, diags) = run(&long);
    assert_eq!(out, long);
    assert_eq!(diags.len(), 1);
    assert!(diags[0].contains("longer than 16 KB"), "{}", diags[0]);
}

#[test]
fn hostile_inputs_stay_bounded() {
    // Megabytes of openers, and a pattern that doubles its inner text at every level.
    let (out, _) = run(&"{{< {% {{ ".repeat(100_000));
    assert!(out.len() <= 1_000_000);
    let site = {
        let mut s = site();
        s.templates
            .shortcodes
            .push(("twice".into(), "{{ inner }}{{ inner }}".into()));
        s
    };
    let sources = sources();
    let cx = Context {
        site: &site,
        sources: &sources,
    };
    let fields = Map::new();
    let page = Page {
        path: "p",
        source_dir: "posts",
        body_line: 1,
        fields: &fields,
        title: "t",
        date: None,
        url: String::new(),
    };
    let nested = "{{< twice >}}".repeat(40) + "x" + &"{{< /twice >}}".repeat(40);
    let e = expand(&nested, &cx, &page).unwrap();
    assert!(
        e.text.len() <= 4 * nested.len() + (4 << 20),
        "{}",
        e.text.len()
    );
    assert!(e
        .diagnostics
        .iter()
        .any(|d| d.reason.contains("would write more than")));
}

#[test]
fn messages_are_capped_per_post() {
    let (_, diags) = run(&"{% seo %}\n".repeat(100));
    assert_eq!(diags.len(), super::render::MAX_WARNINGS + 1);
    assert!(diags.last().unwrap().contains("75 more template tags"));
}
