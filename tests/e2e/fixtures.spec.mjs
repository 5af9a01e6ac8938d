// A site whose posts are broken or hostile (tests/fixtures/site): the good posts are all there,
// the broken ones never take the blog down, and no post runs script, with or without the CSP.
import { test, expect } from "@playwright/test";
import { started } from "./common.mjs";

// Serves pages without their Content-Security-Policy, so the sanitiser is tested on its own.
async function withoutCsp(page) {
  await page.route(
    (url) => url.pathname.endsWith("/") || url.pathname.endsWith(".html"),
    async (route) => {
      try {
        const res = await route.fetch();
        const body = (await res.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
        await route.fulfill({ response: res, body });
      } catch (e) {
        // A request still in flight when the test ends and its page closes (the hostile post's
        // `<img src="">` asks for the page's own address as an image): nothing to serve.
        if (!/disposed|closed/i.test(String(e))) throw e;
      }
    },
  );
}

async function watchForScript(page) {
  const ran = [];
  page.on("dialog", (d) => {
    ran.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.on("pageerror", (e) => ran.push(`pageerror: ${e.message}`));
  return {
    ran,
    async check() {
      const pwned = await page.evaluate(() => window.__pwned);
      expect(pwned, "a payload ran").toBeUndefined();
      expect(ran).toEqual([]);
    },
  };
}

test("broken posts never take the blog down: every publishable post is listed", async ({ page }) => {
  await page.goto("page/2/");
  const older = await page.locator(".post-item-title").allTextContents();
  await page.goto("./");
  const titles = [...(await page.locator(".post-item-title").allTextContents()), ...older];
  for (const t of [
    "A good post",
    "BOM and CRLF",
    "Golang vs Python for backend",
    "Plain Markdown",
    "Latin-1 bytes",
    "First of a pair",
    "Bad slug",
    "Spaces in the file name",
    "Wrong types",
    "Empty title",
  ]) {
    expect(titles).toContain(t);
  }
  for (const t of ["Never closed", "Broken YAML", "Broken TOML", "Second of a pair"]) expect(titles).not.toContain(t);
  // Undated and invalid-dated posts come after dated ones; their dates are shown as written.
  const feb30 = page.locator(".post-item").filter({ hasText: "Spaces in the file name" });
  await expect(feb30.locator(".date-as-written")).toHaveText("2022-02-30");
  await page.getByRole("link", { name: "Latin-1 bytes" }).click();
  await expect(page.locator(".prose")).toContainText("Caf\uFFFD au lait");
  await page.goBack();
  await page.getByRole("link", { name: "Bad slug" }).click();
  await expect(page).toHaveURL(/\/posts\/etc-passwd\/$/);
});

for (const csp of [true, false]) {
  test(`no payload in a hostile post runs, prerendered or rendered in WASM (${csp ? "with" : "without"} the CSP)`, async ({ page }) => {
    if (!csp) await withoutCsp(page);
    const watch = await watchForScript(page);

    // The prerendered page, then the app's takeover of it.
    await page.goto("posts/xss/");
    await started(page);
    await expect(page.locator(".article-title")).toContainText("<script>window.__pwned='title'</script> Hostile post");
    await expect(page).toHaveTitle(/^<script>window.__pwned='title'<\/script> Hostile post · /);
    await watch.check();

    // What survives the allow-list is formatting only.
    const prose = page.locator(".prose");
    await expect(prose.locator("kbd")).toHaveText("Ctrl");
    await expect(prose.locator("abbr")).toHaveAttribute("title", "HyperText Markup Language");
    expect(await prose.locator("script, iframe, object, embed, form, base, meta, svg, style").count()).toBe(0);
    // TeX math is MathML the build wrote: MathML elements only, the TeX's markup as text.
    const foreign = await prose.evaluate((el) =>
      [...el.querySelectorAll("math *")].filter((n) => n.namespaceURI !== "http://www.w3.org/1998/Math/MathML" || ["mglyph", "maction", "annotation-xml"].includes(n.localName)).length,
    );
    expect(foreign).toBe(0);
    await expect(prose.locator("math mtext").first()).toHaveText(`<img src=x onerror="window.__pwned='math'">`);
    await expect(prose.locator("math")).toHaveCount(1);
    await expect(prose.locator("code.math-source")).toHaveCount(2);
    const attrs = await prose.evaluate((el) =>
      [...el.querySelectorAll("*")].flatMap((n) => [...n.attributes].map((a) => a.name)),
    );
    expect(attrs.filter((a) => a.startsWith("on") || a === "style")).toEqual([]);
    const hrefs = await prose.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const h of hrefs) expect(h).not.toMatch(/^\s*(javascript|vbscript|data):/i);

    // Front-matter payloads are text in the head too.
    expect(await page.locator("head img, head script:not([src]):not([type='application/json']):not(#quire-theme)").count()).toBe(0);

    // Click every link in the post; none may run anything.
    for (const link of await prose.locator("a").all()) {
      await link.click({ force: true }).catch(() => {});
      await watch.check();
      if (!page.url().includes("/posts/xss/")) await page.goto("posts/xss/");
    }

    // The same post rendered by the WASM app from its Markdown (client-side navigation).
    await page.goto("./");
    await started(page);
    await page.locator(".post-item-title a").filter({ hasText: "Hostile post" }).click();
    await expect(page.locator(".prose kbd")).toHaveText("Ctrl");
    await page.waitForTimeout(300);
    await watch.check();
  });
}

test("the release build carries a strict CSP and the app works under it", async ({ page, request }) => {
  const html = await (await request.get("posts/good/")).text();
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toMatch(/'unsafe-eval'/);
  // `make serve`'s reload script is a development build's only.
  expect(html).not.toContain("quire-dev-reload");
  // The stylesheet is inline and allowed by exactly its hash.
  const style = html.match(/<style>([\s\S]*?)<\/style>/)[1];
  const digest = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style))).toString("base64");
  expect(csp).toContain(`style-src 'self' 'sha256-${digest}'`);
  const headers = await (await request.get("_headers")).text();
  expect(headers).toContain("Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-");

  const violations = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("./");
  await started(page);
  await page.getByRole("link", { name: "A good post" }).click();
  await expect(page.locator(".prose")).toContainText("stays fine");
  expect(violations).toEqual([]);
});

test("the index is paginated, and each page loads only its own posts", async ({ page, baseURL }) => {
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto("./");
  await expect(page.locator(".post-item")).toHaveCount(10);
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText("Page 1 of 2");
  await expect(pager.getByRole("link", { name: "← Newer posts" })).toHaveCount(0);
  await started(page);
  // No request for the whole manifest or any other page's data on the first view.
  expect(requests.filter((p) => p.endsWith(".json"))).toEqual([]);

  await pager.getByRole("link", { name: "Older posts →" }).click();
  await expect(page).toHaveURL(new URL("page/2/", baseURL).href);
  await expect(page.locator(".post-item")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 2 of 2");
  expect(requests.filter((p) => p.endsWith(".json"))).toEqual(["/index/2.json"]);

  // A reload on page 2 is a prerendered page of its own.
  const res = await page.reload();
  expect(res.status()).toBe(200);
  await expect(page.locator(".post-item")).toHaveCount(1);
  await page.getByRole("link", { name: "← Newer posts" }).click();
  await expect(page.locator(".post-item")).toHaveCount(10);
});

test("a draft is absent from a release build: files, data, pages, feeds, sitemap, tags", async ({ request, page }) => {
  for (const path of ["posts/secret-draft.md", "posts/secret-draft.json", "posts/secret-draft/", "tags/secret-tag/", "tags/secret-tag.json"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  for (const path of ["manifest.json", "index/1.json", "index/2.json", "feed.xml", "sitemap.xml", "tags/index.json", "search/index.json", "./"]) {
    const body = await (await request.get(path)).text();
    expect(body, path).not.toContain("secret");
    expect(body, path).not.toContain("Secret draft");
  }
  await page.goto("./");
  await expect(page.locator(".post-item-title").filter({ hasText: "Secret draft" })).toHaveCount(0);
  // Nor can search find it.
  await page.goto("search/?q=secret");
  await expect(page.locator(".search-status")).toHaveText("No post matches “secret”.");
});

test("search shows a hostile post's title and snippet as text, and nothing runs", async ({ page }) => {
  await withoutCsp(page);
  const watch = await watchForScript(page);
  await page.goto("search/?q=hostile");
  const result = page.locator(".search-result").filter({ hasText: "Hostile post" });
  await expect(result.locator(".search-result-title")).toHaveText("<script>window.__pwned='title'</script> Hostile post");
  // The snippet arrives once the post's text is fetched.
  await page.getByRole("combobox", { name: "Search posts" }).fill("script");
  await expect(page.locator(".search-result").first().locator(".search-snippet mark").first()).toHaveText(/script/i);
  await expect(page.locator("#search-results script, #search-results img, #search-results svg")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(page.locator(".prose mark.search-match").first()).toBeVisible();
  // A refused image source is empty: `#` would fetch the page itself as an image.
  await expect(page.locator(".prose img[src='#']")).toHaveCount(0);
  await expect(page.locator(".prose img[src='']")).toHaveCount(1);
  await watch.check();
});

test("an unknown code language is shown plain; highlighted code never becomes markup", async ({ page }) => {
  const guard = await watchForScript(page);
  await page.goto("posts/good/");
  const klingon = page.locator("pre code.language-klingon");
  expect(await klingon.textContent()).toBe("Qapla' <b>batlh</b> tIn\n");
  await expect(klingon.locator("span, b")).toHaveCount(0);
  const html = page.locator("pre code.language-html");
  expect(await html.textContent()).toBe('<script>window.__pwned = "highlighted code"</script>\n');
  await expect(html.locator(".hl-g").first()).toHaveText("script");
  await expect(html.locator("script")).toHaveCount(0);
  await guard.check();
});
