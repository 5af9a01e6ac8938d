// Reading offline and installing: the build's service worker, against a copy of the release
// build served by a static server of the test's own, which the test stops to take the network
// down (every request then fails, as on a plane) and edits to deploy a new build.
import { test, expect } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { contrasts, failOnPageErrors, ownSite as site, started } from "./common.mjs";

failOnPageErrors();
test.use({ serviceWorkers: "allow" });

// Until the build's worker controls the page (it takes over the page it was started from).
async function controlled(page) {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

test("opened pages read offline, the index marks them, and the blog is installable", async ({ page }, testInfo) => {
  const s = await site(testInfo);
  try {
    await page.goto(s.url());
    await started(page);
    await controlled(page);
    // Chromium's own verdict on installing: a manifest with name, icon, start URL and display,
    // and a worker that answers offline. (Playwright's contexts are incognito windows, where
    // nothing installs: that one reason is the browser's, not the blog's.)
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
    const { errors, data } = await cdp.send("Page.getAppManifest");
    expect(errors).toEqual([]);
    expect(JSON.parse(data).icons[0].type).toBe("image/svg+xml");

    // Open one post in the app, then come back.
    const links = page.locator(".post-item-title a");
    const opened = (await links.nth(1).textContent()).trim();
    const unopened = (await links.nth(2).textContent()).trim();
    await links.nth(1).click();
    await expect(page.locator(".prose")).toBeVisible();
    const text = (await page.locator(".prose p").first().textContent()).trim();
    await page.locator(".site-title").click();
    await expect(page.locator(".post-item").first()).toBeVisible();

    await s.down();
    await page.reload();
    await started(page);
    const item = (title) => page.locator(".post-item", { has: page.getByRole("link", { name: title, exact: true }) });
    await expect(item(opened).locator(".offline-mark")).toHaveText("Saved offline");
    await expect(item(unopened).locator(".offline-mark")).toHaveCount(0);

    // In the app and by its address, the opened post reads offline.
    await item(opened).getByRole("link", { name: opened, exact: true }).click();
    await expect(page.locator(".prose p").first()).toHaveText(text);
    await page.reload();
    await started(page);
    await expect(page.locator("h1")).toHaveText(opened);
    await expect(page.locator(".prose p").first()).toHaveText(text);

    // A post never opened says so, with Retry: never a blank page.
    await page.locator(".site-title").click();
    await item(unopened).getByRole("link", { name: unopened, exact: true }).click();
    await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  } finally {
    await s.close();
  }
});

test("saving the whole blog shows its size, then every post and search work offline", async ({ page }, testInfo) => {
  const s = await site(testInfo);
  try {
    const list = JSON.parse(await readFile(join(s.dir, "offline.json"), "utf8"));
    await page.goto(s.url());
    await started(page);
    await controlled(page);
    const save = page.locator(".offline-save");
    // By keyboard, as any control.
    await save.getByRole("button", { name: "Save the whole blog for offline reading" }).focus();
    await page.keyboard.press("Enter");
    const kb = `${Math.ceil(list.bytes / 1000)} KB`;
    await expect(save.getByRole("status")).toHaveText(`Every post (${list.posts}), its pictures and the search index: ${kb}.`);
    await save.getByRole("button", { name: `Save ${kb}` }).click();
    await expect(save.getByRole("status")).toHaveText(`Saved (${kb}): every post and search now work without a network.`);
    const titles = await page.locator(".post-item-title a").allTextContents();
    await expect(page.locator(".offline-mark")).toHaveCount(titles.length);
    // The mark and the status are readable in both themes (AA).
    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      const ratios = await page.evaluate(contrasts, [".offline-mark", ".offline-save [role=status]"]);
      expect(Object.keys(ratios)).toHaveLength(2);
      for (const [sel, r] of Object.entries(ratios)) expect(r, `${colorScheme}: ${sel}`).toBeGreaterThanOrEqual(4.5);
    }

    await s.down();
    // A post never opened, by its address: the worker answers with the app's shell, the app
    // renders the saved Markdown.
    const manifest = JSON.parse(await readFile(join(s.dir, "manifest.json"), "utf8"));
    const post = manifest.posts.find((p) => p.title === titles[titles.length - 1]);
    await page.goto(s.url(`posts/${post.slug}/`));
    await started(page);
    await expect(page.locator("h1")).toHaveText(post.title);
    await expect(page.locator(".prose p").first()).not.toBeEmpty();
    // Search, with its worker and index from the cache.
    await page.goto(s.url("search/?q=rust"));
    await started(page);
    await expect(page.locator("#search-result-0")).toBeVisible({ timeout: 20_000 });
    // The archive too.
    await page.locator(".site-header").getByRole("link", { name: "Archive" }).click();
    await expect(page.locator(".archive-list a")).toHaveCount(titles.length);
  } finally {
    await s.close();
  }
});

test("a new deployment is picked up on the next navigation, with a note", async ({ page }, testInfo) => {
  const s = await site(testInfo);
  try {
    await page.goto(s.url());
    await started(page);
    await controlled(page);
    const before = await cacheNames(page);

    // Deploy: a new build is a new sw.js (its version names its cache).
    const path = join(s.dir, "sw.js");
    const worker = await readFile(path, "utf8");
    const version = worker.match(/"version":"([0-9a-f]+)"/)[1];
    await writeFile(path, worker.replaceAll(version, "0123456789abcdef"));

    // The worker asks for a new build at most every 5 s, on a data fetch: an in-app navigation.
    await page.waitForTimeout(5500);
    await page.locator(".post-item-title a").first().click();
    await expect(page.locator(".prose")).toBeVisible();
    await page.waitForFunction(
      async () => (await caches.keys()).includes("quire-app-0123456789abcdef"),
      null,
      { timeout: 20_000 },
    );
    expect(before).not.toContain("quire-app-0123456789abcdef");
    await expect.poll(() => cacheNames(page)).not.toContain(before.find((n) => n.startsWith("quire-app-")));

    // The next click loads the page in full, from the new build, and says so.
    await page.evaluate(() => (window.oldApp = true));
    await page.locator(".site-title").click();
    await expect(page.locator(".update-note")).toHaveText("This blog was updated: you are reading its newest version.");
    expect(await page.evaluate(() => window.oldApp)).toBeUndefined();
    await expect(page.locator(".post-item").first()).toBeVisible();
  } finally {
    await s.close();
  }
});
