// /preview/: write, paste, open or drop a post and see it as the build publishes it, with the
// build's own messages, in this browser only (crates/quire-preview, src/preview.js).
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { contrasts, failOnPageErrors, ownSite } from "./common.mjs";

failOnPageErrors();

const SEED = await readFile("public/posts/golang-vs-python-for-backend.md", "utf8");
const XSS = await readFile("tests/fixtures/site/public/posts/xss.md", "utf8");

const rendered = (page) => expect(page.locator("#preview-output h1.article-title")).toBeVisible({ timeout: 20_000 });

test("the seed post, pasted: its page as published and the build's two warnings, each at its line", async ({ page }) => {
  await page.goto("preview/");
  await expect(page).toHaveTitle(/^Preview a post/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await page.locator("#preview-text").fill(SEED);
  await rendered(page);
  const out = page.locator("#preview-output");
  await expect(out.locator("h1")).toHaveText("Golang vs Python for backend");
  // The date as the build reads it: month 15, shown as written.
  await expect(out.locator(".date-as-written")).toHaveText("2022-15-03 10:18:00");
  await expect(out.locator(".prose h2").first()).toBeVisible();
  await expect(out.locator(".toc")).toBeVisible();
  const said = page.locator("#preview-said li");
  await expect(said).toHaveCount(2);
  await expect(said.nth(0)).toContainText("public/posts/draft.md:3");
  await expect(said.nth(0)).toContainText("month 15 does not exist");
  await expect(said.nth(1)).toContainText("public/posts/draft.md:4");
  await expect(said.nth(1)).toContainText("`: `");
  // "Line 3" selects that line in the editor.
  await said.nth(0).getByRole("button", { name: "Line 3" }).click();
  const selected = await page.locator("#preview-text").evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  expect(selected).toBe("date: 2022-15-03 10:18:00");
  await expect(page.locator("#preview-text")).toBeFocused();

  // Fixing the date: the warning goes as the author types.
  await page.locator("#preview-text").fill(SEED.replace("2022-15-03", "2022-03-15"));
  await expect(said).toHaveCount(1);
  await expect(out.locator("time")).toHaveText("15 March 2022");
});

test("a dropped file, kept across a reload, downloads as the same bytes under its slug", async ({ page }) => {
  await page.goto("preview/");
  const text = "---\ntitle: Dropped in\ndate: 2024-06-01\ntags: [notes]\n---\n\nFrom a file, **bold**.\n";
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped-in.md", { type: "text/markdown" }));
    document.querySelector("#preview-output").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.locator("#preview-status")).toHaveText("Opened dropped-in.md.");
  await expect(page.locator("#preview-output h1")).toHaveText("Dropped in");
  await expect(page.locator("#preview-output .prose strong")).toHaveText("bold");
  await expect(page.locator("#preview-said li")).toHaveText(["Nothing to report: the build reads this post as it is."]);

  await page.reload();
  await expect(page.locator("#preview-text")).toHaveValue(text);
  await expect(page.locator("#preview-output h1")).toHaveText("Dropped in");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toBe("dropped-in.md");
  expect(await readFile(await download.path(), "utf8")).toBe(text);
});

test("a file opened with the button; both themes readable, the header's toggle works here too", async ({ page }) => {
  await page.goto("preview/");
  await page.locator("#preview-file").setInputFiles({ name: "golang-vs-python-for-backend.md", mimeType: "text/markdown", buffer: Buffer.from(SEED) });
  await expect(page.locator("#preview-status")).toHaveText("Opened golang-vs-python-for-backend.md.");
  await rendered(page);
  // Messages name the file as opened, as `make check` would.
  await expect(page.locator("#preview-said li").first()).toContainText("public/posts/golang-vs-python-for-backend.md:3");
  // Not Markdown: said so, nothing replaced.
  await page.locator("#preview-file").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from([137, 80]) });
  await expect(page.locator("#preview-status")).toHaveText("photo.png is not a Markdown file (.md or .markdown).");
  await expect(page.locator("#preview-text")).toHaveValue(SEED);
  // The system's theme is light here: the toggle goes to dark, then back.
  for (const theme of ["dark", "light"]) {
    await page.locator(".theme-toggle").click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const ratios = await page.evaluate(contrasts, ["#preview-text", "#preview-said li", ".preview-intro", "#preview-output .article-title"]);
    expect(Object.keys(ratios)).toHaveLength(4);
    for (const [sel, r] of Object.entries(ratios)) expect(r, `${theme}: ${sel}`).toBeGreaterThanOrEqual(4.5);
  }
});

test("a draft full of injection attempts runs nothing", async ({ page }) => {
  const refused = [];
  page.on("console", (m) => /Content Security Policy/.test(m.text()) && refused.push(m.text()));
  await page.goto("preview/");
  await page.locator("#preview-text").fill(XSS);
  await rendered(page);
  // Give any handler a chance, then look.
  await page.locator("#preview-output").hover();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__pwned), "a payload ran").toBeUndefined();
  const out = page.locator("#preview-output");
  await expect(out.locator("script, iframe, object, embed")).toHaveCount(0);
  const handlers = await out.evaluate((el) =>
    [...el.querySelectorAll("*")].flatMap((n) => [...n.attributes].map((a) => a.name)).filter((a) => a.startsWith("on")),
  );
  expect(handlers).toEqual([]);
  expect(refused, "the sanitiser, not only the CSP, keeps scripts out").toEqual([]);
});

test("at 320 px, by keyboard: no sideways scrolling, every control reached", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: "block", baseURL, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto("preview/");
  await page.locator("#preview-text").fill(SEED);
  await rendered(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.locator("#preview-file").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Download" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Clear" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator("#preview-text")).toBeFocused();
  await context.close();
});

test.describe("offline", () => {
  test.use({ serviceWorkers: "allow" });
  test("once loaded, the preview works with the network down", async ({ page }, testInfo) => {
    const s = await ownSite(testInfo);
    try {
      await page.goto(s.url("preview/"));
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
      await page.locator("#preview-text").fill(SEED);
      await rendered(page);
      await s.down();
      await page.reload();
      await expect(page.locator("#preview-text")).toHaveValue(SEED);
      await rendered(page);
      await expect(page.locator("#preview-said li")).toHaveCount(2);
    } finally {
      await s.close();
    }
  });
});
