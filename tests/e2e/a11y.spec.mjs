// Accessible and responsive: landmarks, a working skip link, AA contrast in both themes, and
// no horizontal scrolling at 320 px.
import { test, expect } from "@playwright/test";
import { contrasts, started } from "./common.mjs";

const PAGES = ["./", "posts/writing-posts-with-quire/", "tags/", "search/?q=python"];

test("landmarks and a skip link that moves focus to the content", async ({ page }) => {
  await page.goto("posts/writing-posts-with-quire/");
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Site" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // Images keep their alt text and the size the build read (the page never shifts); the first
  // image of an article loads at once, later ones lazily (tests/e2e/blogs.spec.mjs).
  const img = page.locator(".prose img");
  await expect(img).toHaveAttribute("alt", /How a post travels/);
  await expect(img).toHaveAttribute("width", "640");
  await expect(img).toHaveAttribute("height", "120");
  await expect(img).not.toHaveAttribute("loading", "lazy");
});

for (const scheme of ["light", "dark"]) {
  test(`text meets WCAG AA contrast in the ${scheme} theme`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ serviceWorkers: "block", baseURL, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto("posts/writing-posts-with-quire/");
    const article = [".prose p", ".post-meta", ".prose a", ".site-title", ".site-nav-link", ".search-key", ".tag a", ".site-footer", ...["c", "k", "s", "n", "f", "t", "g", "a", "v", "m", "o"].map((c) => `.hl-${c}`)];
    const ratios = await page.evaluate(contrasts, article);
    // Search results, one of them chosen with the keyboard, snippets with marked words.
    await page.goto("search/?q=python");
    await expect(page.locator(".search-snippet mark").first()).toBeVisible();
    await page.getByRole("combobox", { name: "Search posts" }).press("ArrowDown");
    await expect(page.locator(".search-result.active")).toHaveCount(1);
    const search = [".search-status", ".search-result.active .search-result-title", ".search-result:not(.active) .search-result-title", ".search-result-date", ".search-snippet", ".search-snippet mark", ".search-help", ".search-filter span"];
    Object.assign(ratios, await page.evaluate(contrasts, search));
    expect(Object.keys(ratios)).toEqual(expect.arrayContaining(search));
    for (const [sel, r] of Object.entries(ratios)) expect(r, `${sel} contrast ${r.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });
}

test("usable at 320 px: no horizontal scrolling", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: "block", baseURL, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of PAGES) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

// The seed post's headings are `###`: under the title's h1 they become h2, so no level is
// skipped (screen readers' heading lists, Lighthouse's heading-order audit), in the page as
// prerendered, in the app after an in-app navigation, and in the feed; ids stay the text's.
test("headings never skip a level: a post's first heading sits right under the title", async ({ page, request }) => {
  const levels = () =>
    page.locator("main h1, main h2, main h3, main h4, main h5, main h6").evaluateAll((hs) =>
      hs.filter((h) => !h.closest("nav")).map((h) => Number(h.tagName[1])));
  const noSkip = (ls) => ls.every((l, i) => i === 0 || l <= ls[i - 1] + 1);
  await page.goto("posts/golang-vs-python-for-backend/");
  let ls = await levels();
  expect(ls[0]).toBe(1);
  expect(ls.slice(1, 5)).toEqual([2, 2, 2, 2]);
  expect(noSkip(ls), String(ls)).toBe(true);
  await expect(page.locator("main h2#golang .heading-anchor")).toHaveAttribute("href", "#golang");
  const toc = page.getByRole("navigation", { name: "Contents" });
  await expect(toc.locator("a")).toHaveCount(4);

  await page.goto("./");
  await started(page);
  await page.getByRole("link", { name: /Golang vs Python/ }).first().click();
  await expect(page.locator("main h2#golang")).toBeVisible();
  ls = await levels();
  expect(ls[0]).toBe(1);
  expect(noSkip(ls), String(ls)).toBe(true);
  await expect(toc.locator("a")).toHaveCount(4);

  const feed = await (await request.get("feed.xml")).text();
  expect(feed).toContain("&lt;h2 id=&quot;golang&quot;&gt;");
  expect(feed).not.toContain("&lt;h3 id=&quot;golang&quot;&gt;");
});
