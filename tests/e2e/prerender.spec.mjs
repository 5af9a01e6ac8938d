// Prerendered pages on a plain static host: deep links, pages without JavaScript, head
// metadata in the served HTML, a takeover that moves nothing, and feeds for crawlers.
import { test, expect } from "@playwright/test";
import { started } from "./common.mjs";

const SEED_TITLE = "Golang vs Python for backend";
const SEED_TEXT = "If I must choose one for my every project";
const SEED_PATH = "posts/golang-vs-python-for-backend/";
const SITE = "https://example.com";

test("a deep link without its trailing slash reaches the article on a plain static server", async ({ page, baseURL }) => {
  const response = await page.goto("posts/golang-vs-python-for-backend");
  expect(response.status()).toBe(200);
  await expect(page).toHaveURL(new URL(SEED_PATH, baseURL).href);
  await expect(page.locator(".prose")).toContainText(SEED_TEXT);
  await page.reload();
  await expect(page.locator(".prose")).toContainText(SEED_TEXT);
});

test("an unknown address gets a real 404 with the not-found view", async ({ page }) => {
  const response = await page.goto("no/such/page");
  expect(response.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("with JavaScript disabled the site still reads and links work", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: "block", javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("./");
  await expect(page).toHaveTitle("quire");
  await expect(page.locator(".post-item-title")).toHaveCount(4);
  await page.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page).toHaveURL(new URL(SEED_PATH, baseURL).href);
  await expect(page).toHaveTitle(`${SEED_TITLE} · quire`);
  await expect(page.locator(".prose")).toContainText(SEED_TEXT);
  await expect(page.locator(".article .date-as-written")).toHaveText("2022-15-03 10:18:00");
  await page.getByRole("link", { name: "← All posts" }).click();
  await expect(page).toHaveURL(baseURL);
  await context.close();
});

test("the served HTML of an article carries its title, description and social tags", async ({ request, baseURL }) => {
  const res = await request.get(new URL("posts/rust-errors-without-tears/", baseURL).href);
  expect(res.status()).toBe(200);
  const html = await res.text();
  const path = new URL("posts/rust-errors-without-tears/", baseURL).pathname;
  const abs = `${SITE}${path}`;
  expect(html).toContain("<title>Errors in Rust without tears · quire</title>");
  const description = "Result, the question mark, and when a crate like anyhow or thiserror earns its place.";
  expect(html).toContain(`<meta name="description" content="${description}" />`);
  expect(html).toContain(`<link rel="canonical" href="${abs}" />`);
  expect(html).toContain(`<meta property="og:title" content="Errors in Rust without tears" />`);
  expect(html).toContain(`<meta property="og:description" content="${description}" />`);
  expect(html).toContain(`<meta property="og:type" content="article" />`);
  expect(html).toContain(`<meta property="og:url" content="${abs}" />`);
  expect(html).toContain(`<meta property="article:published_time" content="2024-03-18T08:45:00+01:00" />`);
  expect(html).toContain(`<meta name="twitter:card" content="summary" />`);
  expect(html).toContain("Rust has no exceptions.");
});

test("the app takes over without a shift, a flash or a scroll jump, then navigates client-side", async ({ page, baseURL }) => {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(SEED_PATH, { waitUntil: "domcontentloaded" });
  await expect(page.locator(".prose")).toContainText(SEED_TEXT);
  await page.evaluate(() => {
    document.getElementById("quire-root").dataset.prerendered = "yes";
    window.scrollTo(0, 400);
  });
  const before = await page.evaluate(() => ({
    y: window.scrollY,
    box: document.querySelector(".prose h2").getBoundingClientRect().top,
  }));
  release();
  await started(page);
  await expect(page.locator("#quire-root[data-prerendered]")).toHaveCount(0);
  const after = await page.evaluate(() => ({
    y: window.scrollY,
    box: document.querySelector(".prose h2").getBoundingClientRect().top,
    shifts: window.__shifts,
  }));
  expect(after.y).toBe(before.y);
  expect(after.box).toBe(before.box);
  expect(after.shifts).toBe(0);

  // From now on navigation is client-side: no new document.
  await page.evaluate(() => (window.__sameDocument = true));
  await page.getByRole("link", { name: "← All posts" }).click();
  await expect(page).toHaveURL(baseURL);
  await page.getByRole("link", { name: "Errors in Rust without tears" }).click();
  await expect(page.locator(".prose")).toContainText("Rust has no exceptions.");
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

async function parseXml(page, text) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, "application/xml");
    if (doc.querySelector("parsererror")) return { error: doc.querySelector("parsererror").textContent };
    return {
      root: doc.documentElement.localName,
      ns: doc.documentElement.namespaceURI,
      entries: [...doc.querySelectorAll("entry")].map((e) => ({
        title: e.querySelector("title").textContent,
        link: e.querySelector("link").getAttribute("href"),
        updated: e.querySelector("updated").textContent,
        content: e.querySelector("content")?.textContent ?? "",
      })),
      locs: [...doc.querySelectorAll("loc")].map((l) => l.textContent),
      feedUpdated: doc.querySelector("feed > updated")?.textContent,
    };
  }, text);
}

test("feed.xml and sitemap.xml parse and list the published posts with absolute URLs", async ({ page, request, baseURL }) => {
  await page.goto("./");
  const base = new URL(baseURL).pathname;
  const feedRes = await request.get(new URL("feed.xml", baseURL).href);
  expect(feedRes.status()).toBe(200);
  const feed = await parseXml(page, await feedRes.text());
  expect(feed.error).toBeUndefined();
  expect(feed.root).toBe("feed");
  expect(feed.ns).toBe("http://www.w3.org/2005/Atom");
  expect(feed.entries.map((e) => e.title)).toEqual([
    "A reading list for the web platform",
    "Writing posts with quire",
    "Errors in Rust without tears",
    SEED_TITLE,
  ]);
  for (const e of feed.entries) {
    expect(e.link.startsWith(`${SITE}${base}posts/`)).toBe(true);
    expect(e.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
  }
  expect(feed.entries[3].content).toContain(SEED_TEXT);

  const sitemap = await parseXml(page, await (await request.get(new URL("sitemap.xml", baseURL).href)).text());
  expect(sitemap.error).toBeUndefined();
  expect(sitemap.root).toBe("urlset");
  expect(sitemap.locs).toContain(`${SITE}${base}${SEED_PATH}`);
  expect(sitemap.locs).toContain(`${SITE}${base}archive/`);
  expect(sitemap.locs).toHaveLength(6);

  const robots = await (await request.get(new URL("robots.txt", baseURL).href)).text();
  expect(robots).toContain(`Sitemap: ${SITE}${base}sitemap.xml`);
});

// The first paint needs one response: the stylesheet is in the page (allowed by its hash in
// the CSP), so the article is styled before any other request is answered.
test("a page paints styled from its own response, with no stylesheet request", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: "block", baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const violations = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("posts/golang-vs-python-for-backend/");
  expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
  expect(requests.filter((p) => p.endsWith(".css"))).toEqual([]);
  // Styled: the theme's background and the prose's serif, not the browser's defaults.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(251, 247, 240)");
  expect(await page.locator("main").evaluate((e) => getComputedStyle(e).maxWidth)).not.toBe("none");
  expect(violations).toEqual([]);
  await context.close();
});

// The Markdown pipeline is not in the app's WASM: the renderer worker (its own module) is
// fetched once the page is idle, after the first paint, and in-app navigation to an article
// the app has no HTML for renders there.
test("the renderer worker loads when the page is idle and renders articles opened in the app", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  page.context().on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto("./");
  // Nothing in the page asks for it before the app runs (no preload competing with the paint).
  expect(await page.locator('link[href*="quire-render"], script[src*="quire-render"]').count()).toBe(0);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName("first-contentful-paint").length)).toBe(1);
  await started(page);
  await expect.poll(() => requests.some((p) => /quire-render-[0-9a-f]+_bg\.wasm$/.test(p)), { timeout: 10_000 }).toBe(true);
  expect(requests.some((p) => /quire-search-/.test(p)), "search loads nothing before a search").toBe(false);
  await page.getByRole("link", { name: "Golang vs Python for backend" }).click();
  await expect(page.locator(".prose h2#golang")).toBeVisible();
  await expect(page.locator(".prose")).toContainText("If I must choose one for my every project");
});
