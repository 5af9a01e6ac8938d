// Posts moved in with their template code (tests/fixtures/blogs): Jekyll's Liquid, Hugo's and
// Zola's shortcodes and the site's own (quire.toml) are published as those generators would
// publish them (crates/quire-core/src/shortcodes), in the prerendered page, in the app and in
// the preview; videos load nothing until clicked, then play within the CSP.
import { test, expect } from "@playwright/test";
import { failOnPageErrors, layoutShift, started } from "./common.mjs";

failOnPageErrors();

const HUGO = "posts/hugo-shortcodes/";
const JEKYLL = "posts/jekyll-3-3-is-here/";

// A page's text as a reader sees it, without code (which shows syntax on purpose).
const prose = (page) =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll("pre, code, script").forEach((e) => e.remove());
    return body.innerText;
  });

// Every content violation of the Content-Security-Policy, kept for the test to read.
const watchPolicy = (page) =>
  page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

test("no page of the moved-in blogs shows template code", async ({ page, request, baseURL }) => {
  const sitemap = await (await request.get(new URL("sitemap.xml", baseURL).href)).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(new URL(m[1]).pathname, baseURL).href);
  expect(urls.length).toBeGreaterThan(20);
  for (const url of urls) {
    await page.goto(url);
    const text = await prose(page);
    for (const code of ["{%", "{{<", "{{%", "{{ "]) expect(text, `${code} on ${url}`).not.toContain(code);
  }
  // And the Jekyll post's code shows what its raw tags protected.
  await page.goto(new URL(JEKYLL, baseURL).href);
  await expect(page.locator(".prose pre code.language-liquid")).toContainText('{{ "/about/" | relative_url }}');
  await expect(page.locator(".prose p code", { hasText: "{{ site.url }}" })).toHaveText("{{ site.url }}");
  await expect(page.locator(".prose pre code.language-ruby span").first()).toHaveText("Jekyll");
});

test("a Hugo figure's image is sized at build: no layout shift while it loads", async ({ page, baseURL }) => {
  await page.route(/workflow\.png$/, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.goto(new URL(HUGO, baseURL).href);
  const img = page.locator(".prose figure img");
  await expect(img).toHaveAttribute("width", "240");
  await expect(img).toHaveAttribute("height", "120");
  await expect(img).toHaveAttribute("alt", "A diagram of the workflow");
  await expect(page.locator(".prose figcaption")).toHaveText("The workflowHow a post moves from draft to published Ann Example");
  await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBe(240);
  expect(await layoutShift(page)).toBe(0);
});

test("a video loads nothing until clicked, then plays in its place within the CSP", async ({ page, baseURL }) => {
  await watchPolicy(page);
  const outside = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://127.0.0.1")) outside.push(r.url());
  });
  // The player, as YouTube would serve it (this machine has no network).
  await page.route("https://www.youtube-nocookie.com/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>player</title><p id=playing>Playing</p>" }),
  );
  await page.goto(new URL(HUGO, baseURL).href);
  await started(page);
  const video = page.locator('.prose figure[data-embed="youtube"]');
  const box = await video.boundingBox();
  expect(Math.abs(box.height - (box.width * 9) / 16)).toBeLessThan(2);
  await page.mouse.wheel(0, 600);
  await page.waitForTimeout(300);
  expect(outside, "nothing from the provider before the click").toEqual([]);

  await video.getByRole("link", { name: "Play the video on YouTube" }).click();
  const player = video.locator("iframe");
  await expect(player).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1");
  await expect(page.frameLocator('.prose figure[data-embed="youtube"] iframe').locator("#playing")).toHaveText("Playing");
  expect(outside).toEqual(["https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1"]);
  await expect(page).toHaveURL(new URL(HUGO, baseURL).href);
  const after = await video.boundingBox();
  expect(Math.abs(after.height - box.height)).toBeLessThan(2);
  expect(await page.evaluate(() => window.violations)).toEqual([]);
});

test("the policy frames exactly the players the posts embed", async ({ request, baseURL }) => {
  // The policy names the players only because these posts embed them.
  const html = await (await request.get(new URL(HUGO, baseURL).href)).text();
  expect(html).toContain("frame-src http://127.0.0.1:4191 https://www.youtube-nocookie.com https://player.vimeo.com https://streamable.com;");
});

test("Jekyll's link and post_url are followed inside the app", async ({ page, baseURL }) => {
  await page.goto(new URL(JEKYLL, baseURL).href);
  await started(page);
  await page.evaluate(() => (window.stayed = true));
  await page.locator(".prose a", { hasText: "Jekyll Talk" }).click();
  await expect(page).toHaveURL(new URL("posts/introducing-jekyll-talk/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("Join the Discussion at Jekyll Talk");
  expect(await page.evaluate(() => window.stayed), "in the app: no page load").toBe(true);
  // That post, rendered by the app's renderer worker: its loop is gone, its code highlighted.
  await expect(page.locator(".prose pre code.language-ruby")).toContainText("Discourse.start");
  expect(await prose(page)).not.toContain("{%");
  await page.locator(".prose a", { hasText: "configuration docs" }).click();
  await expect(page).toHaveURL(new URL("docs/configuration/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("Configuration");
});

test("Zola's @/ links lead to the post, inside the app", async ({ page, baseURL }) => {
  await page.goto(new URL("posts/zola-shortcodes/", baseURL).href);
  await started(page);
  await page.evaluate(() => (window.stayed = true));
  expect(await page.locator('a[href*="@/"]').count(), "no address keeps Zola's @/").toBe(0);
  await page.locator(".prose a", { hasText: "part 1 of the charting series" }).click();
  await expect(page).toHaveURL(new URL("posts/charting-basics-1/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("Charting basics, part 1: picking a chart");
  expect(await page.evaluate(() => window.stayed), "in the app: no page load").toBe(true);
});

test("shortcodes rendered by the app match the prerendered page", async ({ page, baseURL }) => {
  // The page as the build wrote it (the app starts only on intent), without the empty comments
  // Leptos marks its views with.
  const html = async () => (await page.locator(".prose").innerHTML()).replaceAll("<!---->", "");
  await page.goto(new URL(HUGO, baseURL).href);
  const prerendered = await html();
  await page.goto(baseURL);
  await started(page);
  await page.goto(new URL("page/2/", baseURL).href);
  await started(page);
  await page.locator(".post-list a", { hasText: "Hugo shortcodes, moved in" }).click();
  await expect(page.locator('.prose figure[data-embed="vimeo"]')).toBeVisible();
  expect(await html()).toBe(prerendered);
  await expect(page.locator(".prose .callout-tip")).toContainText("Keep your shortcodes");
});

test("the preview expands shortcodes as the build does, with the same warnings", async ({ page }) => {
  await page.goto("preview/");
  const draft = [
    "---",
    "title: A draft with shortcodes",
    "date: 2024-06-01",
    "---",
    "",
    "{{% notice warning %}}",
    "Mind the **gap**.",
    "{{% /notice %}}",
    "",
    "{{< youtube w7Ft2ymGmfc >}}",
    "",
    "See [the bundle]({{< ref \"hugo-leaf\" >}}).",
    "",
    "{{< mermaid >}}graph TD{{< /mermaid >}}",
  ].join("\n");
  await page.locator("#preview-text").fill(draft);
  const out = page.locator("#preview-output");
  await expect(out.locator("h1.article-title")).toHaveText("A draft with shortcodes", { timeout: 20_000 });
  await expect(out.locator(".callout-warning")).toContainText("Mind the gap.");
  await expect(out.locator('figure[data-embed="youtube"] a')).toHaveText("Play the video on YouTube");
  await expect(out.locator(".prose a", { hasText: "the bundle" })).toHaveAttribute("href", "/posts/hugo-leaf/");
  const said = page.locator("#preview-said li");
  await expect(said).toHaveCount(1);
  await expect(said.first()).toContainText("public/posts/draft.md:14: shortcode \"{{< mermaid >}}\": `mermaid` is not a Hugo shortcode quire knows");
});
