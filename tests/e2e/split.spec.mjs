// Routes whose code is a module of its own (issue 24: src/routes/mod.rs, `lazy_route!`; split
// at build by crates/quire-build/src/split.rs): nothing of them loads until a reader opens one,
// in the app or by its address; opening one by its address is taken over without a change;
// and once the service worker has kept them they open offline.
import { test, expect } from "@playwright/test";
import { failOnPageErrors, layoutShift, ownSite as site, started } from "./common.mjs";

failOnPageErrors();

const SPLIT = /\/quire-split-[^/]*\.(wasm|js)$/;
const part = (name) => new RegExp(`/quire-split-${name}-[0-9a-f]{16}\\.wasm$`);

function requests(page) {
  const seen = [];
  page.on("request", (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

test("a route's own module loads when it is first opened in the app, not before", async ({ page }) => {
  const seen = requests(page);
  await page.goto("./");
  await started(page);
  await expect(page.locator(".post-item").first()).toBeVisible();
  expect(seen.filter((p) => /quire-split-.*-view-.*\.wasm$/.test(p)), "no route module before it is opened").toEqual([]);

  await page.evaluate(() => (window.__sameDocument = true));
  await page.locator(".site-header").getByRole("link", { name: "Archive" }).click();
  await expect(page.locator("main h1")).toHaveText("Archive");
  expect(seen.some((p) => part("archive-view").test(p))).toBe(true);
  expect(seen.some((p) => part("search-view").test(p)), "only the opened route's").toBe(false);

  await page.locator(".site-header").getByRole("link", { name: "Tags" }).click();
  await expect(page.locator("main h1")).toHaveText("Tags");
  await page.locator(".tag-cloud a").first().click();
  await expect(page.locator(".post-item").first()).toBeVisible();
  expect(seen.some((p) => part("tags-view").test(p))).toBe(true);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test("a pointer on a link to such a route fetches its module before the click", async ({ page }) => {
  const seen = requests(page);
  await page.goto("./");
  await started(page);
  await page.locator(".site-header").getByRole("link", { name: "Search" }).hover();
  await expect.poll(() => seen.some((p) => part("search-view").test(p))).toBe(true);
  await page.locator(".site-header").getByRole("link", { name: "Search" }).click();
  await page.locator("#search-input").fill("rust");
  await expect(page.locator("#search-results li").first()).toBeVisible();
});

test("opened by its address, such a route is taken over without a change", async ({ page }) => {
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  const seen = requests(page);
  await page.goto("archive/");
  const before = await page.locator("main").innerHTML();
  await page.evaluate(() => (document.getElementById("quire-root").dataset.prerendered = "yes"));
  await started(page);
  await expect(page.locator("#quire-root[data-prerendered]")).toHaveCount(0);
  expect(await page.locator("main").innerHTML()).toBe(before);
  expect(await page.evaluate(() => window.__shifts)).toBe(0);
  expect(seen.some((p) => part("archive-view").test(p))).toBe(true);
  expect(await layoutShift(page)).toBe(0);

  // The search page by its address answers its query once the app runs.
  await page.goto("search/?q=rust");
  await started(page);
  await expect(page.locator("#search-results li").first()).toBeVisible();
});

test.describe("offline", () => {
  test.use({ serviceWorkers: "allow" });
  test("once the service worker has kept them, such routes open in the app with the network down", async ({ page }, testInfo) => {
    const s = await site(testInfo);
    try {
      await page.goto(s.url());
      await started(page);
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
      // Installed: its app cache holds every hashed file, the route modules among them.
      await expect
        .poll(() =>
          page.evaluate(async () => {
            for (const name of await caches.keys()) {
              const keys = await (await caches.open(name)).keys();
              if (keys.some((r) => /quire-split-archive-view-/.test(r.url))) return true;
            }
            return false;
          }),
        )
        .toBe(true);
      // Read once online (its data is kept as pages are), then in a new document offline: the
      // module comes from the worker's cache.
      await page.locator(".site-header").getByRole("link", { name: "Archive" }).click();
      await expect(page.locator("main h1")).toHaveText("Archive");
      await page.locator(".site-title").click();
      await expect(page.locator(".post-item").first()).toBeVisible();
      await s.down();
      await page.reload();
      await started(page);
      await page.locator(".site-header").getByRole("link", { name: "Archive" }).click();
      await expect(page.locator("main h1")).toHaveText("Archive");
      await expect(page.locator(".archive-list li").first()).toBeVisible();
    } finally {
      await s.close();
    }
  });
});

test("the route modules are content-hashed files the host may keep", async ({ request }) => {
  const sw = await (await request.get("sw.js")).text();
  const names = [...sw.matchAll(/quire-split-[^"]+/g)].map((m) => m[0]);
  expect(names.some((n) => SPLIT.test(`/${n}`) && n.endsWith(".js")), "the link module").toBe(true);
  expect(names.filter((n) => n.endsWith(".wasm")).length).toBeGreaterThanOrEqual(3);
  for (const n of names) expect(n).toMatch(/-[0-9a-f]{16}\.(js|wasm)$/);
});
