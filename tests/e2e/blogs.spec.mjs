// Blogs moved in from Zola, Hugo, Jekyll and Astro (tests/fixtures/blogs), copied without edits:
// every old address lands on its post on a plain static host, page bundles show their files,
// sections keep equal file names apart, and dates are read as those generators meant them.
import { test, expect } from "@playwright/test";
import { contrasts, failOnPageErrors, layoutShift, started } from "./common.mjs";

failOnPageErrors();

const OLD_ADDRESSES = [
  ["old/charts/", "posts/blog/charts/", "Charts from a page bundle"], // Zola aliases
  ["charts.html", "posts/blog/charts/", "Charts from a page bundle"],
  ["2025/06/26/charts", "posts/blog/charts/", "Charts from a page bundle"], // Zola path
  ["2023/01/29/jekyll-odd-date.html", "posts/jekyll-odd-date/", "A Jekyll post with an odd date"], // permalink
  ["jekyll/odd-date/", "posts/jekyll-odd-date/", "A Jekyll post with an odd date"], // redirect_from
  ["2021/hugo-leaf/", "posts/hugo-leaf/", "A Hugo leaf bundle"], // Hugo url
  ["posts/old-hugo-name/", "posts/hugo-leaf/", "A Hugo leaf bundle"], // Hugo aliases
  ["about-me/", "about/", "About"], // a standalone page's aliases
];

for (const [from, to, title] of OLD_ADDRESSES) {
  test(`the old address /${from} lands on the post, without JavaScript too`, async ({ browser, baseURL }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ serviceWorkers: "block", javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(new URL(from, baseURL).href);
      await page.waitForURL(new URL(to, baseURL).href);
      await expect(page.locator("h1.article-title")).toHaveText(title);
      await context.close();
    }
  });
}

test("the redirect pages say where the post went, for crawlers and people", async ({ request, baseURL }) => {
  const res = await request.get(new URL("old/charts/", baseURL).href);
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain('<meta name="robots" content="noindex" />');
  expect(html).toContain('<link rel="canonical" href="https://blogs.example/posts/blog/charts/" />');
  expect(html).toContain('<a href="/posts/blog/charts/">Charts from a page bundle</a>');
  const netlify = await (await request.get(new URL("_redirects", baseURL).href)).text();
  expect(netlify).toContain("/old/charts/ /posts/blog/charts/ 301");
  expect(netlify).toContain("/2023/01/29/jekyll-odd-date.html /posts/jekyll-odd-date/ 301");
});

test("a page bundle's image and data file load from the post's folder, prerendered and in the app", async ({ page, request, baseURL }) => {
  await page.goto(new URL("posts/blog/charts/", baseURL).href);
  const img = page.locator(".prose img[alt='A bar chart']");
  await expect(img).toHaveAttribute("src", "/posts/blog/2025-06-26-charts/chart.png");
  await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBe(240);
  const data = page.locator(".prose a", { hasText: "The raw data" });
  const csv = await request.get(new URL(await data.getAttribute("href"), baseURL).href);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("2025,5");

  // The same post reached inside the app: rendered in WASM, same image.
  await page.goto(baseURL);
  await started(page);
  await page.locator(".post-list a", { hasText: "Charts from a page bundle" }).click();
  await expect(page).toHaveURL(new URL("posts/blog/charts/", baseURL).href);
  await expect.poll(() => page.locator(".prose img[alt='A bar chart']").evaluate((i) => i.complete && i.naturalWidth)).toBe(240);
});

test("equal file names in two sections are two posts at two addresses, in the app too", async ({ page, baseURL }) => {
  await page.goto(new URL("posts/blog/intro/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("Intro to the blog section");
  await started(page);
  await page.goto(baseURL);
  await started(page);
  await page.locator(".post-list a", { hasText: "Intro to the notes" }).click();
  await expect(page).toHaveURL(new URL("posts/notes/intro/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("Intro to the notes");
  await expect(page.locator(".prose")).toContainText("Same file name as blog/intro.md.");
});

test("dates are read as each generator meant them, and the index is in that order", async ({ page, baseURL }) => {
  await page.goto(baseURL);
  const titles = await page.locator(".post-list .post-item-title").allTextContents();
  expect(titles).toEqual([
    "Charts from a page bundle", // Zola: only in `path`
    "Intro to the notes",
    "Intro to the blog section",
    "A Jekyll post with an odd date", // the file name's date, not last
    "An Astro post", // pubDate: 'Jul 08 2022'
    "A Hugo leaf bundle",
    "A post full of photos",
    "Charting basics, part 2: colour and labels", // Hugo, RFC 3339
    "Charting basics, part 3: axes that do not lie", // Zola, TOML date
    "Charting basics, part 1: picking a chart",
  ]);
  const jekyll = page.locator(".post-item", { hasText: "A Jekyll post with an odd date" });
  await expect(jekyll.locator("time")).toHaveText("29 January 2023");
});

test("section files, template-only pages, bundle resources and unpublished posts are not posts", async ({ request, baseURL }) => {
  const manifest = await (await request.get(new URL("manifest.json", baseURL).href)).json();
  const slugs = manifest.posts.map((p) => p.slug).sort();
  expect(slugs).toEqual([
    "astro-post", "blog/charts", "blog/intro", "blog/photos", "charting-basics-1", "charting-basics-2", "charting-basics-3",
    "hugo-leaf", "hugo-shortcodes", "introducing-jekyll-talk", "jekyll-3-3-is-here", "jekyll-odd-date", "notes/intro",
    "writing-shortcodes", "zola-shortcodes",
  ]);
  for (const path of ["posts/latest/", "posts/index/", "posts/unpublished/", "posts/hugo-leaf/notes/"]) {
    expect((await request.get(new URL(path, baseURL).href)).status(), path).toBe(404);
  }
  // The bundle's other Markdown file is one of its files.
  expect((await request.get(new URL("posts/hugo-leaf/notes.md", baseURL).href)).status()).toBe(200);
});

test("a link inside the app to an old address leads on to the post", async ({ page, baseURL }) => {
  await page.goto(new URL("posts/astro-post/", baseURL).href);
  await started(page);
  await page.locator(".prose a", { hasText: "the charts" }).click();
  await expect(page).toHaveURL(new URL("posts/blog/charts/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("Charts from a page bundle");
  // Back does not return to the old address: it was replaced.
  await page.goBack();
  await expect(page).toHaveURL(new URL("posts/astro-post/", baseURL).href);
});

test("the About page is reached from the menu, in the app and without JavaScript", async ({ browser, baseURL }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ serviceWorkers: "block", javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(baseURL);
    if (javaScriptEnabled) await started(page);
    const menu = page.getByRole("navigation", { name: "Site" });
    await menu.getByRole("link", { name: "About", exact: true }).click();
    await expect(page).toHaveURL(new URL("about/", baseURL).href);
    await expect(page.locator("h1.article-title")).toHaveText("About");
    await expect(page.locator(".prose")).toContainText("Ann writes here about data and tools.");
    await expect(menu.getByRole("link", { name: "About", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page).toHaveTitle("About · Moved-in blogs");
    // A link from the page to a post, by its file, resolved.
    await page.locator(".prose a", { hasText: "the charts" }).click();
    await expect(page).toHaveURL(new URL("posts/blog/charts/", baseURL).href);
    await context.close();
  }
});

test("a nested page, the external menu entry and the footer", async ({ page, baseURL }) => {
  await page.goto(new URL("about/", baseURL).href);
  await started(page);
  const menu = page.getByRole("navigation", { name: "Site" });
  await menu.getByRole("link", { name: "quire", exact: true }).click();
  await expect(page).toHaveURL(new URL("projects/quire/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("Project: quire");
  await expect(page.locator(".prose")).toContainText("A nested page");
  const code = menu.getByRole("link", { name: "Code (another site)" });
  await expect(code).toHaveAttribute("href", "https://code.example/ann");
  await expect(code).toHaveAttribute("rel", /external/);
  // The preview is a page of its own (not the app's): the menu loads it in full.
  await page.evaluate(() => (window.beforeWrite = true));
  await menu.getByRole("link", { name: "Write", exact: true }).click();
  await expect(page.locator("h1")).toHaveText("Preview a post");
  await expect(page.locator("#preview-text")).toBeVisible();
  expect(await page.evaluate(() => window.beforeWrite)).toBeUndefined();
  await page.goBack();
  await started(page);
  const footer = page.locator("footer.site-footer");
  await expect(footer).toContainText("By Ann Example");
  await expect(footer).toContainText("© 2026 Ann Example, CC BY 4.0");
  await expect(footer.getByRole("link", { name: "Feed" })).toHaveAttribute("href", "/feed.xml");
  const elsewhere = footer.getByRole("list", { name: "Elsewhere" });
  await expect(elsewhere.getByRole("link", { name: "GitHub" })).toHaveAttribute("href", "https://github.com/ann-example");
  await expect(elsewhere.getByRole("link", { name: "Mastodon" })).toHaveAttribute("rel", "me noopener");
  await expect(elsewhere.getByRole("link", { name: "Email" })).toHaveAttribute("href", "mailto:ann@blogs.example");
});

test("pages are in the sitemap, never in the index, the feed or the tags; a clash with quire's address is refused", async ({ page, request, baseURL }) => {
  const sitemap = await (await request.get(new URL("sitemap.xml", baseURL).href)).text();
  expect(sitemap).toContain("<loc>https://blogs.example/about/</loc>");
  expect(sitemap).toContain("<loc>https://blogs.example/projects/quire/</loc>");
  const feed = await (await request.get(new URL("feed.xml", baseURL).href)).text();
  expect(feed).not.toContain("blogs.example/about/");
  await page.goto(baseURL);
  await expect(page.locator(".post-list")).not.toContainText("About");
  // public/pages/tags.md would take /tags/: left out, quire's tag list stays.
  await page.goto(new URL("tags/", baseURL).href);
  await expect(page.locator("h1")).toHaveText("Tags");
  // Any other address is still not found, with a 404, and the app asks for no page data: the
  // site's list of pages says there is none.
  const missing = await request.get(new URL("no-such-page/", baseURL).href);
  expect(missing.status()).toBe(404);
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(new URL("no-such-page/", baseURL).href);
  await started(page);
  await expect(page.locator("h1")).toHaveText("Page not found");
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "About", exact: true }).click();
  await page.goBack();
  await expect(page.locator("h1")).toHaveText("Page not found");
  expect(asked.filter((p) => p.startsWith("/pages/") && !p.startsWith("/pages/about"))).toEqual([]);
});


test("images carry the size the build read: no shift as they load, the first at once, the rest lazily", async ({ page, baseURL }) => {
  // Slow images: without sizes the text would jump when each one arrives.
  await page.route(/\.png$/, async (route) => {
    await new Promise((r) => setTimeout(r, 300));
    await route.continue();
  });
  await page.goto(new URL("posts/blog/photos/", baseURL).href);
  const imgs = page.locator(".prose img");
  await expect(imgs).toHaveCount(7);
  const attrs = await imgs.evaluateAll((list) =>
    list.map((i) => [i.getAttribute("width"), i.getAttribute("height"), i.getAttribute("loading"), i.getAttribute("decoding")]),
  );
  expect(attrs).toEqual([
    ["800", "600", null, null],
    ["600", "900", "lazy", "async"],
    ["1200", "400", "lazy", "async"],
    ["640", "480", "lazy", "async"],
    ["500", "500", "lazy", "async"],
    ["900", "300", "lazy", "async"],
    // Its size could not be read (a build warning): shown without one.
    [null, null, "lazy", "async"],
  ]);
  // Responsive: the width follows the column, the height keeps the ratio before loading.
  const box = await imgs.nth(1).boundingBox();
  expect(Math.abs(box.height - (box.width * 900) / 600)).toBeLessThan(2);
  await started(page);
  await page.mouse.wheel(0, 20000);
  await expect.poll(() => imgs.nth(5).evaluate((i) => i.complete && i.naturalWidth)).toBe(900);
  expect(await layoutShift(page)).toBe(0);

  // The same sizes when the app renders the post itself.
  await page.goto(baseURL);
  await started(page);
  await page.locator(".post-list a", { hasText: "A post full of photos" }).click();
  await expect(page.locator(".prose img").first()).toHaveAttribute("width", "800");
  await expect(page.locator(".prose img").nth(2)).toHaveAttribute("height", "400");
});

test("bylines on articles and index entries lead to each author's page", async ({ page, request, baseURL }) => {
  await page.goto(new URL("posts/hugo-leaf/", baseURL).href);
  const byline = page.locator(".article-header .byline");
  // `authors: [ann, Carol Jones]`: ann is named as quire.toml names her.
  await expect(byline).toHaveText("By Ann Example and Carol Jones");
  const head = await (await request.get(new URL("posts/hugo-leaf/", baseURL).href)).text();
  expect(head).toContain('<meta name="author" content="Ann Example, Carol Jones" />');
  await page.goto(baseURL);
  await started(page);
  const entry = page.locator(".post-item", { hasText: "Charts from a page bundle" });
  await expect(entry.locator(".byline")).toHaveText("By Ann Example");
  await entry.locator(".byline a").click();
  await expect(page).toHaveURL(new URL("authors/ann/", baseURL).href);
  await expect(page.locator("h1")).toHaveText("Posts by Ann Example");
  await expect(page.locator(".author-bio")).toHaveText("Ann writes about data, charts and the tools behind them.");
  await expect(page.locator(".post-list .post-item-title")).toHaveText(["Charts from a page bundle", "A Hugo leaf bundle"]);
  await expect(page).toHaveTitle("Posts by Ann Example · Moved-in blogs");
  // Prerendered too, for a reader without JavaScript; and in the feed, one <author> each.
  const prerendered = await (await request.get(new URL("authors/carol-jones/", baseURL).href)).text();
  expect(prerendered).toContain("Posts by Carol Jones");
  const feed = await (await request.get(new URL("feed.xml", baseURL).href)).text();
  expect(feed).toMatch(/<author><name>Ann Example<\/name><\/author><author><name>Carol Jones<\/name><\/author>/);
  expect(feed).toContain("https://blogs.example/posts/blog/2025-06-26-charts/chart.png");
});

test("a section has its own index with its _index.md title and introduction, and its own feed", async ({ page, request, baseURL }) => {
  await page.goto(baseURL);
  await started(page);
  await expect(page.locator(".section-intro")).toContainText("this introduction comes from Zola's content/_index.md");
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Blog", exact: true }).click();
  await expect(page).toHaveURL(new URL("posts/blog/", baseURL).href);
  await expect(page.locator("h1.section-title")).toHaveText("The blog");
  await expect(page.locator(".section-intro")).toHaveText("Long-form posts.");
  await expect(page.locator(".post-list .post-item-title")).toHaveText([
    "Charts from a page bundle",
    "Intro to the blog section",
    "A post full of photos",
  ]);
  await expect(page).toHaveTitle("The blog · Moved-in blogs");
  // From the section to one of its posts and back, inside the app.
  await page.locator(".post-list a", { hasText: "Intro to the blog section" }).click();
  await expect(page.locator("h1.article-title")).toHaveText("Intro to the blog section");
  await page.goBack();
  await expect(page.locator("h1.section-title")).toHaveText("The blog");

  // Prerendered, with the section feed's autodiscovery link; the feed holds the section's posts only.
  const html = await (await request.get(new URL("posts/notes/", baseURL).href)).text();
  expect(html).toContain('<h1 class="section-title">Notes</h1>');
  const blog = await (await request.get(new URL("posts/blog/", baseURL).href)).text();
  expect(blog).toContain('<link rel="alternate" type="application/atom+xml" title="The blog · Moved-in blogs" href="/posts/blog/feed.xml" />');
  const feed = await (await request.get(new URL("posts/blog/feed.xml", baseURL).href)).text();
  expect(feed).toContain("<title>The blog · Moved-in blogs</title>");
  expect((feed.match(/<entry>/g) || []).length).toBe(3);
  expect(feed).not.toContain("Intro to the notes");
  // _index.md is never a post.
  expect((await request.get(new URL("posts/blog/_index/", baseURL).href)).status()).toBe(404);
});

test("Jekyll's categories are a second taxonomy with pages of their own", async ({ page, request, baseURL }) => {
  await page.goto(new URL("posts/jekyll-odd-date/", baseURL).href);
  await started(page);
  const categories = page.locator(".article-header .categories");
  await expect(categories).toHaveText("In ruby, jekyll");
  await categories.getByRole("link", { name: "ruby" }).click();
  await expect(page).toHaveURL(new URL("categories/ruby/", baseURL).href);
  await expect(page.locator("h1")).toHaveText("Posts in “ruby”");
  await expect(page.locator(".post-list .post-item-title")).toHaveText(["A Jekyll post with an odd date"]);
  await expect(page).toHaveTitle("Posts in “ruby” · Moved-in blogs");
  const prerendered = await (await request.get(new URL("categories/jekyll/", baseURL).href)).text();
  expect(prerendered).toContain("Posts in “jekyll”");
  await page.goto(new URL("categories/nothing/", baseURL).href);
  await expect(page.locator("h1")).toHaveText("Category not found");
});

test("a post's image (Astro's heroImage, a Hugo theme's cover.image) tops the article and is its og:image", async ({ page, request, baseURL }) => {
  const html = await (await request.get(new URL("posts/astro-post/", baseURL).href)).text();
  expect(html).toContain('<meta property="og:image" content="https://blogs.example/blog-placeholder-3.jpg" />');
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
  await page.goto(new URL("posts/astro-post/", baseURL).href);
  const cover = page.locator(".article-header img.cover");
  await expect(cover).toHaveAttribute("src", "/blog-placeholder-3.jpg");
  await expect(cover).toHaveAttribute("width", "240");
  await expect.poll(() => cover.evaluate((i) => i.complete && i.naturalWidth)).toBe(240);
  // Rendered by the app too, after in-app navigation.
  await started(page);
  await page.goto(baseURL);
  await started(page);
  await page.locator(".post-list a", { hasText: "A Hugo leaf bundle" }).click();
  await expect(page.locator(".article-header img.cover")).toHaveAttribute("src", "/posts/hugo-leaf/cover.png");
  await expect(page.locator(".article-header img.cover")).toHaveAttribute("height", "120");
});

test("standalone pages are found by search and open at their own address", async ({ page, baseURL }) => {
  await page.goto(new URL("search/?q=ann+writes", baseURL).href);
  await started(page);
  const result = page.locator(".search-result", { hasText: "About" });
  await expect(result.locator("a")).toHaveAttribute("href", "/about/");
  await expect(result.locator(".search-snippet")).toContainText("writes here about");
  await result.locator("a").click();
  await expect(page).toHaveURL(new URL("about/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("About");
});

test("GitHub's alerts are labelled callouts, AA in both themes, prerendered and rendered in the app", async ({ browser, baseURL }) => {
  const KINDS = ["Tip", "Important", "Warning", "Caution"];
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ serviceWorkers: "block", baseURL, colorScheme });
    const page = await context.newPage();
    await page.goto("posts/charting-basics-2/");
    // Measured once the app has taken the page over (the takeover swaps the elements).
    await started(page);
    const notes = page.getByRole("note");
    await expect(notes.locator(".callout-title")).toHaveText(KINDS);
    await expect(notes.nth(2)).toContainText("A rainbow palette suggests an order");
    await expect(page.locator(".prose")).not.toContainText("[!");
    const selectors = KINDS.flatMap((k) => [`.callout-${k.toLowerCase()} .callout-title`, `.callout-${k.toLowerCase()} p:not(.callout-title)`]);
    const ratios = await page.evaluate(contrasts, selectors);
    expect(Object.keys(ratios)).toEqual(selectors);
    for (const [sel, r] of Object.entries(ratios)) expect(r, `${colorScheme}: ${sel} contrast ${r.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
    // Each kind its own colour: the rule beside it matches its title.
    const colours = await page.locator(".callout").evaluateAll((els) => els.map((e) => getComputedStyle(e).borderLeftColor));
    expect(new Set(colours).size).toBe(4);
    await context.close();
  }
  // Reached inside the app, the renderer worker writes the same callouts.
  const page = await browser.newPage({ serviceWorkers: "block", baseURL });
  await page.goto("posts/charting-basics-1/");
  await started(page);
  await page.locator(".series a", { hasText: "Charting basics, part 2" }).click();
  await expect(page.locator("h1.article-title")).toHaveText("Charting basics, part 2: colour and labels");
  await expect(page.getByRole("note").locator(".callout-title")).toHaveText(KINDS);
  await page.close();
});

test("a series: each part shows where it stands and links the others; the series has its own page", async ({ page, request, baseURL }) => {
  // Hugo's `series` list with `series_weight`, Zola's `taxonomies.series` with
  // `extra.series_order`: part 3 was written before part 2 and still comes third.
  await page.goto("posts/charting-basics-3/");
  await started(page);
  const box = page.getByRole("navigation", { name: "Series" });
  await expect(box.locator(".series-title")).toHaveText("Part 3 of 3 in Charting basics");
  await expect(box.locator("li")).toHaveText([
    "Charting basics, part 1: picking a chart",
    "Charting basics, part 2: colour and labels",
    "Charting basics, part 3: axes that do not lie",
  ]);
  await expect(box.locator("li[aria-current=page]")).toHaveText(/part 3/);
  await expect(box.locator("li[aria-current=page] a")).toHaveCount(0);
  await box.getByRole("link", { name: "Charting basics", exact: true }).click();
  await expect(page).toHaveURL(new URL("series/charting-basics/", baseURL).href);
  await expect(page.locator("h1")).toHaveText("Series: Charting basics");
  await expect(page).toHaveTitle("Series: Charting basics · Moved-in blogs");
  await expect(page.locator(".tag-summary")).toHaveText("3 parts");
  await expect(page.locator(".post-list .post-item-title")).toHaveText([/part 1/, /part 2/, /part 3/]);
  // In the app, from part 1 to part 2 by the series' links.
  await page.locator(".post-list a", { hasText: "part 1" }).click();
  await expect(box.locator(".series-title")).toHaveText("Part 1 of 3 in Charting basics");
  // The series page exists for crawlers and readers without JavaScript, and in the sitemap.
  const html = await (await request.get(new URL("series/charting-basics/", baseURL).href)).text();
  expect(html).toContain("<h1 class=\"tag-title\">Series: Charting basics</h1>");
  const sitemap = await (await request.get(new URL("sitemap.xml", baseURL).href)).text();
  expect(sitemap).toContain("<loc>https://blogs.example/series/charting-basics/</loc>");
  expect(sitemap).toContain("<loc>https://blogs.example/archive/</loc>");
  // A series that does not exist says so.
  await page.goto("series/no-such-series/");
  await expect(page.locator("h1")).toHaveText("Series not found");
});

test("related posts: up to three, from shared tags and words, followed inside the app", async ({ page, baseURL }) => {
  await page.goto("posts/charting-basics-1/");
  await started(page);
  const related = page.getByRole("navigation", { name: "Related posts" });
  const links = related.getByRole("link");
  const titles = await links.allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.length).toBeLessThanOrEqual(3);
  // The other parts share its tags and words; the Zola post tagged `data` may follow; posts on
  // nothing alike (a Jekyll post without tags) never appear.
  expect(titles.slice(0, 2).sort()).toEqual(["Charting basics, part 2: colour and labels", "Charting basics, part 3: axes that do not lie"]);
  expect(titles).not.toContain("A Jekyll post with an odd date");
  await links.first().click();
  await expect(page.locator("h1.article-title")).toHaveText(titles[0]);
  await expect(page.getByRole("navigation", { name: "Related posts" }).getByRole("link", { name: "Charting basics, part 1: picking a chart" })).toBeVisible();
  // A post that shares nothing shows no empty section.
  await page.goto("posts/hugo-leaf/");
  await expect(page.locator("h1.article-title")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Related posts" })).toHaveCount(0);
});

test("the archive lists every post by year and month, titles and dates only", async ({ page, request, baseURL }) => {
  await page.goto(baseURL);
  await started(page);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Archive" }).click();
  await expect(page).toHaveURL(new URL("archive/", baseURL).href);
  await expect(page).toHaveTitle("Archive · Moved-in blogs");
  await expect(page.locator(".archive h2")).toHaveText(["2025", "2024", "2023", "2022", "2021", "2020", "2019", "2017", "2016", "2015", "2014", "2013"]);
  await expect(page.locator(".archive .tag-summary")).toHaveText("15 posts");
  await expect(page.locator(".archive-list li")).toHaveCount(15);
  // 2019: March, newest first, each with its day.
  const march = page.locator("#y2019 ~ h3").first();
  await expect(march).toHaveText("March");
  await expect(page.locator(".archive-list", { hasText: "Charting basics, part 2" }).locator("li")).toHaveText([
    "15 MarchCharting basics, part 2: colour and labels",
    "8 MarchCharting basics, part 3: axes that do not lie",
    "1 MarchCharting basics, part 1: picking a chart",
  ]);
  await expect(page.locator(".archive-list time").first()).toHaveAttribute("datetime", "2025-06-26");
  await page.getByRole("link", { name: "A Hugo leaf bundle" }).click();
  await expect(page).toHaveURL(new URL("posts/hugo-leaf/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("A Hugo leaf bundle");
  // Prerendered: the whole list without JavaScript.
  const html = await (await request.get(new URL("archive/", baseURL).href)).text();
  expect(html).toContain(">Charting basics, part 3: axes that do not lie</a>");
  expect(html).toContain("<h2 id=\"y2019\">2019</h2>");
});

test("TeX math is MathML in the prerendered page, the app and the feed, with no script and no CSP violation", async ({ page, request, baseURL }) => {
  const violations = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const check = async () => {
    const math = page.locator(".prose math");
    await expect(math).toHaveCount(3);
    await expect(math.nth(1)).toHaveAttribute("display", "block");
    await expect(math.nth(1).locator("mfrac")).toHaveCount(1);
    await expect(math.nth(2)).toHaveText("y=mx+b");
    // Laid out by the browser's own MathML: the fraction stacks, so the block is taller than
    // a line, and it sits on a line of its own.
    await expect
      .poll(async () => {
        const [inline, block] = await Promise.all([0, 1].map((i) => math.nth(i).boundingBox()));
        return inline && block ? block.height / inline.height : 0;
      })
      .toBeGreaterThan(1.5);
    expect(await page.locator("script[src*=mathjax], script[src*=katex], link[href*=font]").count()).toBe(0);
    // What the converter cannot read is shown as written.
    await expect(page.locator(".prose code.math-source")).toHaveText("$\\fracc{1}{2}$");
  };
  await page.goto("posts/charting-basics-3/");
  // Measured once the app has taken the page over (the swap replaces the elements).
  await started(page);
  await check();
  // In the app (the renderer worker), from part 2's series box.
  await page.goto("posts/charting-basics-2/");
  await started(page);
  await page.getByRole("navigation", { name: "Series" }).getByRole("link", { name: /part 3/ }).click();
  await expect(page.locator("h1.article-title")).toHaveText(/part 3/);
  await check();
  expect(violations).toEqual([]);
  const feed = await (await request.get(new URL("feed.xml", baseURL).href)).text();
  expect(feed).toContain("&lt;math display=&quot;block&quot;&gt;");
});
