//! The WASM app in a real browser (wasm-bindgen-test in headless Chromium): the rendering path
//! end to end into the DOM, and the app's behaviour when the network fails.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use quire::app::App;
use quire::components::post_meta::PostMeta;
use quire::state::Initial;
use quire_core::manifest::PostEntry;
use quire_core::markdown::render;
use quire_core::render_options::RenderOptions;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../public/posts/golang-vs-python-for-backend.md");

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn the_seed_post_renders_in_wasm_into_the_dom() {
    let body = quire_core::front_matter::body(SEED);
    let html = render(body, &RenderOptions::default()).html;
    let el = container();
    el.set_inner_html(&html);
    // Its `###` headings sit right under the page's title: h2.
    let h2s = el.query_selector_all("h2").unwrap();
    assert_eq!(h2s.length(), 4);
    assert_eq!(el.query_selector_all("h3").unwrap().length(), 0);
    assert_eq!(
        h2s.item(0).unwrap().text_content().unwrap(),
        "What is even Backend-development? #"
    );
    assert!(el
        .text_content()
        .unwrap()
        .contains("If I must choose one for my every project"));
    assert!(
        !el.inner_html().contains("title:"),
        "front matter is not part of the body"
    );
}

#[wasm_bindgen_test]
async fn script_in_markdown_never_runs_in_the_page() {
    let md = "<script>window.__quire_pwned = 1</script>\n\n<img src=x onerror=\"window.__quire_pwned = 2\">\n\n[a](javascript:window.__quire_pwned=3)";
    let el = container();
    el.set_inner_html(&render(md, &RenderOptions::default()).html);
    tick(50).await;
    let pwned = js_sys::Reflect::get(&window(), &"__quire_pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    assert_eq!(
        el.query_selector_all("script, [onerror]").unwrap().length(),
        0
    );
    let img = el.query_selector("img").unwrap().unwrap();
    assert_eq!(img.get_attribute("src").as_deref(), Some("/posts/x"));
    let a = el.query_selector("a").unwrap().unwrap();
    assert_eq!(a.get_attribute("href").as_deref(), Some("#"));
}

#[wasm_bindgen_test]
fn an_invalid_date_is_shown_as_written() {
    let entry = PostEntry {
        slug: "golang-vs-python-for-backend".into(),
        title: "Golang vs Python for backend".into(),
        source: "posts/golang-vs-python-for-backend.md".into(),
        date: None,
        date_written: Some("2022-15-03 10:18:00".into()),
        date_display: Some("2022-15-03 10:18:00".into()),
        updated: None,
        description: None,
        summary: String::new(),
        tags: vec!["go".into()],
        tag_slugs: vec!["go".into()],
        authors: vec![],
        categories: vec![],
        category_slugs: vec![],
        image: None,
        author_ids: vec![],
        draft: false,
        words: 350,
        reading_minutes: 2,
        hash: "abc".into(),
        ..PostEntry::default()
    };
    let el = container();
    let _handle = mount_to(
        el.clone(),
        move || view! { <PostMeta entry=entry.clone() /> },
    );
    let shown = el.query_selector(".date-as-written").unwrap().unwrap();
    assert_eq!(shown.text_content().unwrap(), "2022-15-03 10:18:00");
    assert!(el.query_selector("time").unwrap().is_none());
    assert_eq!(
        el.query_selector(".reading-time")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "2 min read"
    );
    let tag = el.query_selector(".tag a").unwrap().unwrap();
    assert_eq!(tag.get_attribute("href").as_deref(), Some("/tags/go/"));
}

#[wasm_bindgen_test]
fn a_series_box_marks_the_part_being_read_and_links_the_others() {
    use quire::components::series::SeriesBox;
    use quire_core::manifest::{PostLink, SeriesNav};
    let link = |n: usize| PostLink {
        slug: format!("p{n}"),
        title: format!("Part {n}"),
    };
    let nav = SeriesNav {
        name: "Daily".into(),
        slug: "daily".into(),
        total: 40,
        first: 11,
        current: 4,
        parts: (11..20).map(link).collect(),
    };
    let el = container();
    // Its links are the router's `<A>`s.
    let _handle = mount_to(el.clone(), move || {
        view! {
            <leptos_router::components::Router>
                <SeriesBox nav=nav.clone() />
            </leptos_router::components::Router>
        }
    });
    let text = |sel: &str| {
        el.query_selector(sel)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(text(".series-title"), "Part 15 of 40 in Daily");
    assert_eq!(text("li[aria-current=page]"), "Part 15");
    let ol = el.query_selector("ol").unwrap().unwrap();
    assert_eq!(ol.get_attribute("start").as_deref(), Some("11"));
    assert_eq!(el.query_selector_all("li a").unwrap().length(), 8);
    assert!(text(".series").contains("All 40 parts"));
}

#[wasm_bindgen_test]
async fn with_no_manifest_the_app_shows_an_error_with_retry_not_a_blank_page() {
    // The test server has no manifest.json: the app must say so and offer Retry.
    let el = container();
    let _handle = mount_to(el.clone(), || view! { <App initial=Initial::default() /> });
    let mut text = String::new();
    for _ in 0..100 {
        tick(50).await;
        text = el.text_content().unwrap_or_default();
        if text.contains("Could not") {
            break;
        }
    }
    assert!(text.contains("Could not"), "got: {text}");
    assert!(el.query_selector("button.retry").unwrap().is_some());
}

/// Opening a search result marks the first match in the article: found by its folded form,
/// placed by UTF-16 offsets (the DOM's) after text with accents and an emoji, the body before
/// the header.
#[wasm_bindgen_test]
fn a_search_match_is_marked_in_the_article_body_first() {
    let el = container();
    el.set_inner_html(
        "<article class=\"article\"><header class=\"article-header\"><h1>Python notes</h1></header>\
         <div class=\"prose\"><p>Le café 🐍 est bon. <em>Why</em> PYTHON, then python?</p></div></article>",
    );
    let terms = quire::components::highlight::terms("python");
    assert!(quire::components::highlight::mark_first(&terms));
    let marks = el.query_selector_all("mark.search-match").unwrap();
    assert_eq!(marks.length(), 1);
    let mark = marks.item(0).unwrap();
    assert_eq!(mark.text_content().unwrap(), "PYTHON");
    assert_eq!(
        mark.parent_element().unwrap().text_content().unwrap(),
        "Le café 🐍 est bon. Why PYTHON, then python?"
    );
    // Accents fold too; a word absent from the article marks nothing.
    assert!(quire::components::highlight::mark_first(
        &quire::components::highlight::terms("Cafe")
    ));
    assert!(!quire::components::highlight::mark_first(
        &quire::components::highlight::terms("golang")
    ));
    el.remove();
}

#[wasm_bindgen_test]
async fn the_offline_control_says_what_saving_costs_then_how_far_it_is() {
    use quire::components::offline::{OfflineMark, SaveOffline};
    use quire::offline::{Offline, Saving};
    let el = container();
    let offline = Offline::new("");
    let _handle = mount_to(el.clone(), move || {
        provide_context(offline);
        view! {
            <SaveOffline />
            <OfflineMark slug="a".to_string() />
            <OfflineMark slug="b".to_string() />
        }
    });
    // No service worker: nothing to offer.
    assert!(el.query_selector(".offline-save").unwrap().is_none());
    offline.available.set(true);
    offline.saved.set(["a".to_string()].into());
    tick(0).await;
    let status = || {
        el.query_selector("[role=status]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let buttons = || {
        let list = el.query_selector_all("button:not([hidden])").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(buttons(), ["Save the whole blog for offline reading"]);
    assert_eq!(el.query_selector_all(".offline-mark").unwrap().length(), 1);
    offline.saving.set(Saving::Confirm(1_349_999, 24, 0));
    tick(0).await;
    assert_eq!(
        status(),
        "Every post (24), its pictures and the search index: 1.3 MB."
    );
    assert_eq!(buttons(), ["Save 1.3 MB", "Cancel"]);
    // A blog in several languages: this one's, or every one.
    offline
        .saving
        .set(Saving::Confirm(1_349_999, 24, 2_600_000));
    tick(0).await;
    assert!(status().starts_with("Every post in this language (24)"));
    assert_eq!(
        buttons(),
        ["Save 1.3 MB", "Every language: 2.6 MB", "Cancel"]
    );
    offline.saving.set(Saving::Saving(20, 97));
    tick(0).await;
    assert_eq!(status(), "Saving… 20 of 97 files");
    assert!(buttons().is_empty());
    offline.saving.set(Saving::Failed(3, 97));
    tick(0).await;
    assert!(status().starts_with("3 of 97 files could not be saved"));
    assert_eq!(buttons(), ["Retry"]);
}
