// The blog end to end: index → article → reload, not-found views, and recovering from failed
// fetches. Runs once at the site root and once under /blog/ (see playwright.config.mjs), against
// a static server without rewrites, so every deep link is a prerendered page or 404.html.
import { test, expect } from "@playwright/test";
import { failOnPageErrors, started } from "./common.mjs";

const SEED_TITLE = "Golang vs Python for backend";
const SEED_TEXT = "If I must choose one for my every project";
const SEED_PATH = "posts/golang-vs-python-for-backend/";
const POST_MD = /\/posts\/[^/]+\.md(\?|$)/;

// Opens a post by clicking it on the index, so its Markdown is fetched (not read from the page).
async function openFromIndex(page, title) {
  await page.goto("./");
  await started(page);
  await page.getByRole("link", { name: title }).click();
}

failOnPageErrors();

test("the index lists posts newest first, the seed post last with its date as written", async ({ page }) => {
  await page.goto("./");
  const titles = page.locator(".post-item-title");
  await expect(titles.first()).toBeVisible();
  await expect(titles).toHaveText([
    "A reading list for the web platform",
    "Writing posts with quire",
    "Errors in Rust without tears",
    SEED_TITLE,
  ]);
  const seed = page.locator(".post-item").filter({ hasText: SEED_TITLE });
  await expect(seed.locator(".date-as-written")).toHaveText("2022-15-03 10:18:00");
  await expect(seed).toContainText("The ultimate fight between the two: Python or Goland for backend");
  const rust = page.locator(".post-item").filter({ hasText: "Errors in Rust" });
  await expect(rust.locator("time")).toHaveAttribute("datetime", "2024-03-18T08:45:00+01:00");
  await expect(rust.locator("time")).toHaveText("18 March 2024");
  await expect(rust.locator(".tag")).toHaveText(["rust", "errors"]);
  await expect(page).toHaveTitle("quire");
});

test("clicking a post opens the article, rendered from Markdown, and a reload keeps it", async ({ page, baseURL }) => {
  await page.goto("./");
  await page.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page).toHaveURL(new URL(SEED_PATH, baseURL).href);
  await expect(page.locator(".prose")).toContainText(SEED_TEXT);
  await expect(page.locator(".article-title")).toHaveText(SEED_TITLE);
  await expect(page.locator(".prose h2").first()).toHaveText("What is even Backend-development? #");
  await expect(page).toHaveTitle(`${SEED_TITLE} · quire`);
  await expect(page.locator(".article .reading-time")).toHaveText(/\d+ min read/);

  await page.reload();
  await expect(page.locator(".prose")).toContainText(SEED_TEXT);
  await expect(page.locator(".article .date-as-written")).toHaveText("2022-15-03 10:18:00");

  await page.getByRole("link", { name: "← All posts" }).click();
  await expect(page).toHaveURL(baseURL);
  await expect(page.locator(".post-item-title")).toHaveCount(4);
});

test("Markdown extensions, images and links between posts work under the base path", async ({ page, baseURL }) => {
  await page.goto("posts/writing-posts-with-quire/");
  const prose = page.locator(".prose");
  await expect(prose.locator("table")).toHaveCount(1);
  await expect(prose.locator("del")).toHaveText("Strikethrough");
  await expect(prose.locator("input[type=checkbox]")).toHaveCount(2);
  await expect(prose.locator(".footnote-definition")).toHaveCount(1);
  await expect(prose.locator("code.language-rust")).toHaveCount(1);

  const img = prose.locator("img");
  await expect(img).toHaveAttribute("alt", /How a post travels/);
  await expect(img).toHaveAttribute("src", new URL("posts/images/pipeline.svg", baseURL).pathname);
  await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBeGreaterThan(0);

  // A link to another post's .md file becomes that post's page, followed without a reload.
  await started(page);
  await page.evaluate(() => (window.__sameDocument = true));
  await prose.getByRole("link", { name: "Golang vs Python for backend" }).click();
  await expect(page).toHaveURL(new URL(SEED_PATH, baseURL).href);
  await expect(page.locator(".prose")).toContainText(SEED_TEXT);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test("an unknown post shows not-found with a way home", async ({ page, baseURL }) => {
  await page.goto("posts/no-such-post/");
  await expect(page.getByRole("heading", { name: "Post not found" })).toBeVisible();
  await page.getByRole("link", { name: "← Back to all posts" }).click();
  await expect(page).toHaveURL(baseURL);
  await expect(page.getByRole("link", { name: SEED_TITLE })).toBeVisible();
});

test("an unknown route shows the 404 view", async ({ page }) => {
  await page.goto("no/such/page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "← Back to all posts" })).toBeVisible();
});

test("script in a post never runs", async ({ page }) => {
  const evil = [
    "<script>window.__pwned = 'script'</script>",
    "",
    "<img src=x onerror=\"window.__pwned = 'onerror'\">",
    "",
    "[click](javascript:window.__pwned='link') [also](JAVASCRIPT:window.__pwned='upper')",
    "",
    "![x](javascript:window.__pwned='img')",
  ].join("\n");
  await page.route(POST_MD, (route) =>
    route.fulfill({ status: 200, contentType: "text/markdown", body: `---\ntitle: x\n---\n${evil}` }),
  );
  await openFromIndex(page, SEED_TITLE);
  await expect(page.locator(".prose")).toContainText("<script>");
  for (const link of await page.locator(".prose a").all()) await link.click();
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator(".prose script, .prose [onerror]")).toHaveCount(0);
});

test("an article links to the newer and older posts", async ({ page, baseURL }) => {
  await page.goto("posts/writing-posts-with-quire/");
  const nav = page.getByRole("navigation", { name: "More posts" });
  await expect(nav.locator(".post-nav-newer")).toContainText("A reading list for the web platform");
  await expect(nav.locator(".post-nav-older")).toContainText("Errors in Rust without tears");
  await started(page);
  await nav.locator(".post-nav-older").click();
  await expect(page).toHaveURL(new URL("posts/rust-errors-without-tears/", baseURL).href);
  await expect(page.locator(".prose")).toContainText("Rust has no exceptions.");
  // The oldest post has no older neighbour.
  await page.goto(SEED_PATH);
  await expect(page.locator(".post-nav-older")).toHaveCount(0);
  await expect(page.locator(".post-nav-newer")).toContainText("Errors in Rust without tears");
});

test("tags: chips link to tag pages, /tags/ lists every tag with its count", async ({ page, baseURL }) => {
  await page.goto("./");
  await started(page);
  const rust = page.locator(".post-item").filter({ hasText: "Errors in Rust" });
  await rust.getByRole("link", { name: "rust", exact: true }).click();
  await expect(page).toHaveURL(new URL("tags/rust/", baseURL).href);
  await expect(page.getByRole("heading", { name: "Posts tagged “rust”" })).toBeVisible();
  await expect(page.locator(".post-item-title")).toHaveText(["Errors in Rust without tears"]);
  await page.reload();
  await expect(page.locator(".post-item-title")).toHaveText(["Errors in Rust without tears"]);

  await page.getByRole("link", { name: "All tags" }).click();
  await expect(page).toHaveURL(new URL("tags/", baseURL).href);
  const cloud = page.locator(".tag-cloud .tag");
  await expect(cloud).toHaveCount(7);
  await expect(cloud.filter({ hasText: "markdown" })).toContainText("(1)");
  await page.getByRole("link", { name: "web", exact: true }).click();
  await expect(page.locator(".post-item-title")).toHaveText(["A reading list for the web platform"]);

  // Word count and reading time on the index and the article.
  await page.goto("posts/golang-vs-python-for-backend/");
  await expect(page.locator(".article .word-count")).toHaveText("353 words");

  const res = await page.goto("tags/no-such-tag/");
  expect(res.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Tag not found" })).toBeVisible();
});

// Each tag has its own feed, named on the tag's page for feed readers' autodiscovery.
test("a tag's page offers the tag's own feed, which holds that tag's posts only", async ({ page, request, baseURL }) => {
  await page.goto("tags/rust/");
  const link = page.locator('link[rel="alternate"][type="application/atom+xml"][href$="tags/rust/feed.xml"]');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute("title", "Posts tagged “rust” · quire");
  const href = await link.getAttribute("href");
  expect(href).toBe(new URL("tags/rust/feed.xml", baseURL).pathname);
  const feed = await (await request.get(new URL(href, baseURL).href)).text();
  expect(feed).toContain("<title>Posts tagged “rust” · quire</title>");
  const titles = [...feed.matchAll(/<entry><title>([^<]*)<\/title>/g)].map((m) => m[1]);
  expect(titles).toEqual(["Errors in Rust without tears"]);
  // The site's feed is still offered beside it.
  await expect(page.locator('link[rel="alternate"][href$="/feed.xml"]')).toHaveCount(2);
});

test("table of contents, heading anchors, and #section links on first load and in the app", async ({ page, baseURL }) => {
  const inView = (sel) => page.locator(sel).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.top < window.innerHeight / 2;
  });
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto("posts/writing-posts-with-quire/");
  const toc = page.getByRole("navigation", { name: "Contents" });
  await expect(toc.locator("a")).toHaveText(["Front matter", "What Markdown can do", "Links"]);
  await expect(page.locator("#links .heading-anchor")).toHaveAttribute("href", "#links");
  await started(page);
  await toc.getByRole("link", { name: "Links" }).click();
  await expect(page).toHaveURL(new URL("posts/writing-posts-with-quire/#links", baseURL).href);
  await expect.poll(() => inView("#links")).toBe(true);

  // First load of a #section address.
  await page.goto("posts/rust-errors-without-tears/#which-crate");
  await expect.poll(() => inView("#which-crate")).toBe(true);

  // In the app: a link to another post's section.
  await page.goto("posts/writing-posts-with-quire/");
  await started(page);
  await page.evaluate(() => (window.__sameDocument = true));
  await page.locator(".prose").getByRole("link", { name: "notes on errors in Rust" }).click();
  await expect(page).toHaveURL(new URL("posts/rust-errors-without-tears/#the-question-mark", baseURL).href);
  await expect.poll(() => inView("#the-question-mark")).toBe(true);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test("dark mode follows the system, the toggle is remembered across reloads, and there is no flash", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: "block", baseURL, colorScheme: "light" });
  const page = await context.newPage();
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto("posts/golang-vs-python-for-backend/");
  expect(await bg()).toBe("rgb(251, 247, 240)");
  await started(page);
  await page.getByRole("button", { name: "Dark mode" }).click();
  expect(await bg()).toBe("rgb(23, 20, 15)");
  await expect(page.getByRole("button", { name: "Light mode" })).toBeVisible();

  // After a reload the choice is applied before the first paint: the page is dark as soon as
  // it has content, before the app starts.
  await page.route(/_bg\.wasm$/, () => {});
  await page.reload({ waitUntil: "domcontentloaded" });
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  expect(await bg()).toBe("rgb(23, 20, 15)");
  await context.close();

  // A system in dark mode gets the dark theme without any choice.
  const dark = await browser.newContext({ serviceWorkers: "block", baseURL, colorScheme: "dark" });
  const p2 = await dark.newPage();
  await p2.goto("./");
  expect(await p2.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(23, 20, 15)");
  await dark.close();
});

test("code blocks get a Copy button that copies the code", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: "block", baseURL });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await page.goto("posts/writing-posts-with-quire/");
  await started(page);
  const rust = page.locator(".prose pre").filter({ has: page.locator("code.language-rust") });
  const button = rust.getByRole("button", { name: "Copy code to clipboard" });
  await button.click();
  await expect(button).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('let posts = std::fs::read_dir("public/posts")');
  expect(copied).not.toContain("Copy");
  await expect(page.locator(".prose pre .copy-code")).toHaveCount(3);
  await context.close();
});

test("code is highlighted at build time, the same in the prerendered page and in the app, in both themes", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: "block", baseURL, colorScheme: "light" });
  const page = await context.newPage();
  const blocks = () =>
    page.locator(".prose pre code").evaluateAll((els) =>
      els.map((e) => ({ lang: e.className, html: e.innerHTML.replace(/<button[^]*$/, "") })),
    );
  const colour = (sel) => page.locator(sel).first().evaluate((e) => getComputedStyle(e).color);

  // The prerendered page, before any WASM runs.
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto("posts/writing-posts-with-quire/");
  const rust = page.locator("pre code.language-rust");
  await expect(rust.locator(".hl-k").first()).toHaveText("fn");
  await expect(rust.locator(".hl-f").first()).toHaveText("main");
  await expect(rust.locator(".hl-s").first()).toHaveText('"public/posts"');
  await expect(page.locator("pre code.language-sh .hl-c")).toHaveText("# then open http://127.0.0.1:8080");
  await expect(page.locator("pre code.language-toml .hl-s").first()).toHaveText('"My notes"');
  // Colouring never changes the text (copying and reading it stay exact).
  await expect(rust).toContainText('let posts = std::fs::read_dir("public/posts").expect("a posts folder");');
  const prerendered = await blocks();
  expect(prerendered.map((b) => b.lang)).toEqual(["language-rust", "language-sh", "language-toml"]);
  const plain = await rust.evaluate((e) => getComputedStyle(e).color);
  const lightKeyword = await colour("pre .hl-k");
  expect(lightKeyword).not.toBe(plain);

  // The app renders the same post from its Markdown and the build's runs: identical HTML.
  await page.unroute(/_bg\.wasm$/);
  const md = page.waitForRequest(/\/posts\/[^/]+\.md(\?|$)/);
  await openFromIndex(page, "Writing posts with quire");
  await md;
  await expect(page.locator("pre code.language-rust .hl-k").first()).toHaveText("fn");
  expect(await blocks()).toEqual(prerendered);

  // The dark theme has its own palette.
  await page.getByRole("button", { name: "Dark mode" }).click();
  const darkKeyword = await colour("pre .hl-k");
  expect(darkKeyword).not.toBe(lightKeyword);
  await context.close();
});

test("the archive keeps the seed post's impossible date as written, under Undated, at the base path", async ({ page, baseURL }) => {
  await page.goto(new URL("archive/", baseURL).href);
  await expect(page.locator(".archive h2").last()).toHaveText("Undated");
  const seed = page.locator(".archive-list").last().locator("li", { hasText: SEED_TITLE });
  await expect(seed.locator(".archive-date")).toHaveText("2022-15-03 10:18:00");
  await started(page);
  await seed.getByRole("link").click();
  await expect(page).toHaveURL(new URL(SEED_PATH, baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText(SEED_TITLE);
});
