// A blog in English and French (tests/fixtures/languages), served under /blog/ by a plain
// static server: `lang` and hreflang on every page, the language switcher (prerendered and in
// the app) landing on the translation or that language's home, each language's index, feed,
// search and interface words its own, and a reload on a French address.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { failOnPageErrors, ownSite, started } from "./common.mjs";

failOnPageErrors();

const switcher = (page) => page.getByRole("navigation", { name: /^(Language|Langue)$/ });

test("an English post says lang=en, names its French translation and x-default, and switches to it without the app", async ({ page, baseURL }) => {
  await page.goto("posts/hello/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
    links.map((l) => [l.hreflang, l.getAttribute("href")]),
  );
  expect(alternates).toEqual([
    ["en", "https://notes.example/blog/posts/hello/"],
    ["fr", "https://notes.example/blog/fr/posts/hello/"],
    ["x-default", "https://notes.example/blog/posts/hello/"],
  ]);
  const nav = switcher(page);
  await expect(nav.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "true");
  const french = nav.getByRole("link", { name: "Français" });
  await expect(french).toHaveAttribute("hreflang", "fr");
  await expect(french).toHaveAttribute("lang", "fr");
  // The app has not started: a plain link, a full page load.
  expect(await page.evaluate(() => window.wasmBindings)).toBeUndefined();
  await french.click();
  await expect(page).toHaveURL(new URL("fr/posts/hello/", baseURL).href);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator("h1.article-title")).toHaveText("Bonjour le monde");
  await expect(page.locator(".post-meta time")).toHaveText("15 mars 2024");
  await expect(page.locator(".reading-time")).toHaveText("1 min de lecture");
  await expect(page).toHaveTitle("Bonjour le monde · Carnet de terrain");
});

test("in the app, the switcher follows translationKey to a translation with another slug, and back", async ({ page, baseURL }) => {
  await page.goto("posts/train-journey/");
  await started(page);
  await switcher(page).getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(new URL("fr/posts/voyage-en-train/", baseURL).href);
  await expect(page.locator("h1.article-title")).toHaveText("Un long voyage en train");
  await started(page);
  // In-app navigation inside the French site keeps the switcher on the page shown.
  await page.getByRole("link", { name: "Carnet de terrain" }).click();
  await expect(page).toHaveURL(new URL("fr/", baseURL).href);
  await page.getByRole("link", { name: "La possession, lentement" }).click();
  await expect(page.locator("h1.article-title")).toHaveText("La possession, lentement");
  await expect(switcher(page).getByRole("link", { name: "English" })).toHaveAttribute(
    "href",
    new URL("posts/rust/ownership/", baseURL).pathname,
  );
  // The French post's link to another French post stays in French.
  await expect(page.locator(".prose a", { hasText: "le voyage en train" })).toHaveAttribute(
    "href",
    new URL("fr/posts/voyage-en-train/", baseURL).pathname,
  );
  await switcher(page).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new URL("posts/rust/ownership/", baseURL).href);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a post with no translation switches to the other language's home", async ({ page, baseURL }) => {
  await page.goto("posts/english-only/");
  await started(page);
  await expect(switcher(page).getByRole("link", { name: "Français" })).toHaveAttribute("href", new URL("fr/", baseURL).pathname);
  await page.goto("fr/posts/seulement-en-francais/");
  await expect(switcher(page).getByRole("link", { name: "English" })).toHaveAttribute("href", new URL("./", baseURL).pathname);
});

test("each language's home, section, tags and feed hold only its posts, in its words", async ({ page, request, baseURL }) => {
  await page.goto("./");
  const english = await page.locator(".post-list .post-item-title").allTextContents();
  expect(english).toContain("Hello, world");
  expect(english).toContain("Notes only in English");
  expect(english.join(" ")).not.toMatch(/Bonjour|voyage|français/);
  await page.goto("fr/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const french = await page.locator(".post-list .post-item-title").allTextContents();
  expect(french.sort()).toEqual(
    ["Bonjour le monde", "La possession, lentement", "Un long voyage en train", "Un voyage sur la côte", "Une note seulement en français"].sort(),
  );
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeAttached();
  await expect(page.locator(".site-header").getByRole("link", { name: "Étiquettes" })).toBeVisible();
  await expect(page.locator(".site-header").getByRole("link", { name: "À propos" })).toHaveAttribute("href", new URL("fr/about/", baseURL).pathname);
  await page.goto("fr/posts/rust/");
  await expect(page.locator("h1.section-title")).toHaveText("Notes sur Rust");
  await expect(page.locator(".post-list .post-item-title")).toHaveText(["La possession, lentement"]);
  await page.goto("fr/tags/");
  await expect(page.locator("h1")).toHaveText("Étiquettes");
  await expect(page.getByRole("link", { name: /marches/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /walks/ })).toHaveCount(0);

  const feed = await (await request.get(new URL("fr/feed.xml", baseURL).href)).text();
  expect(feed).toContain('xml:lang="fr"');
  expect(feed).toContain("<title>Bonjour le monde</title>");
  expect(feed).not.toContain("Hello, world");
  const sitemap = await (await request.get(new URL("sitemap.xml", baseURL).href)).text();
  expect(sitemap).toContain('<xhtml:link rel="alternate" hreflang="fr" href="https://notes.example/blog/fr/posts/voyage-en-train/"/>');
  const robots = await (await request.get(new URL("robots.txt", baseURL).href)).text();
  expect(robots).toContain("Sitemap: https://notes.example/blog/fr/sitemap.xml");
});

test("French search finds French posts only, accents or not", async ({ page }) => {
  await page.goto("fr/search/");
  await started(page);
  const box = page.getByRole("combobox", { name: "Rechercher dans les articles" });
  for (const query of ["elephant", "éléphant", "foret"]) {
    await box.fill(query);
    await expect(page.locator("#search-results")).toHaveAttribute("data-query", query);
    await expect(page.locator("#search-results .search-result-title")).toHaveText(["Une note seulement en français"]);
  }
  await box.fill("kingfishers");
  await expect(page.locator("#search-results")).toHaveAttribute("data-query", "kingfishers");
  await expect(page.locator("#search-results .search-result-title")).toHaveCount(0);
});

test("a reload on a French address serves the French page; its bundle's picture comes from the root", async ({ page, request, baseURL }) => {
  const res = await request.get(new URL("fr/posts/voyage-en-train/", baseURL).href);
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('<html lang="fr"');
  await page.goto("fr/posts/trip/");
  await page.reload();
  await expect(page.locator("h1.article-title")).toHaveText("Un voyage sur la côte");
  const img = page.locator(".prose img");
  await expect(img).toHaveAttribute("src", new URL("posts/trip/photo.png", baseURL).pathname);
  await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBe(40);
  await started(page);
  // The app's workers load from the site's root, not the language's folder.
  await page.getByRole("link", { name: "Recherche" }).click();
  const box = page.getByRole("combobox", { name: "Rechercher dans les articles" });
  await box.fill("phare");
  await expect(page.locator("#search-results .search-result-title")).toHaveText(["Un voyage sur la côte"]);
});

test("the search page speaks French, and searches every language when asked", async ({ page, baseURL }) => {
  await page.goto("fr/search/");
  await expect(page).toHaveTitle("Recherche · Carnet de terrain");
  await started(page);
  await expect(page.locator(".search-filter > span")).toHaveText(["Étiquette", "Année", "Langue"]);
  await expect(page.locator(".search-help kbd")).toHaveText(["↑", "↓", "Enter", "Esc", "/"]);
  await expect(page.locator(".search-help")).toContainText("pour choisir");
  const box = page.getByRole("combobox", { name: "Rechercher dans les articles" });
  await box.fill("kingfishers");
  await expect(page.locator(".search-status")).toHaveText("Aucun article ne correspond à « kingfishers ».");
  // Every language: the English post, linked to the English site, with its snippet.
  const languageFilter = () => page.getByRole("combobox", { name: /^Langue/ });
  await languageFilter().selectOption("all");
  await expect(page).toHaveURL(/lang=all/);
  const result = page.locator("#search-results .search-result-title");
  await expect(result).toHaveText(["Hello, world"]);
  await expect(result).toHaveAttribute("href", `${new URL("posts/hello/", baseURL).pathname}?highlight=kingfishers`);
  await expect(result).toHaveAttribute("rel", "alternate external");
  await expect(page.locator(".search-status")).toHaveText("1 article correspond à « kingfishers ».");
  await expect(page.locator("#search-results .search-snippet mark")).toHaveText(/kingfishers/i);
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(new URL("posts/hello/?highlight=kingfishers", baseURL).href);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1.article-title")).toHaveText("Hello, world");
  // The address keeps the choice: reloaded, the French page searches every language again.
  await page.goto("fr/search/?q=marche&lang=all");
  await started(page);
  await expect(languageFilter()).toHaveValue("all");
  await expect(page.locator("#search-results .search-result-title").first()).toBeVisible();
  const titles = await page.locator("#search-results .search-result-title").allTextContents();
  expect(titles).toContain("Bonjour le monde");
  // Back to this language only.
  await languageFilter().selectOption("");
  await expect(page).not.toHaveURL(/lang=all/);
  await box.fill("kingfishers");
  await expect(page.locator(".search-status")).toHaveText("Aucun article ne correspond à « kingfishers ».");
});

test("a French article's words are French: its categories, copy button and footer, in the app too", async ({ page }) => {
  await page.goto("fr/posts/rust/ownership/");
  await expect(page.locator("footer.site-footer")).toContainText("Écrit en Markdown, rendu en WebAssembly par quire.");
  await expect(page.locator(".categories")).toHaveText("Dans langages");
  await started(page);
  const copy = page.getByRole("button", { name: "Copier le code" });
  await expect(copy).toHaveText("Copier");
  await expect(page.locator(".categories")).toHaveText("Dans langages");
  // In-app navigation to another French post keeps the words.
  await page.getByRole("link", { name: "le voyage en train" }).click();
  await expect(page.locator("h1.article-title")).toHaveText("Un long voyage en train");
  await expect(page.locator("footer.site-footer")).toContainText("Écrit en Markdown");
});

test("on a host with one 404.html, a missing French address is told in French, under the French header", async ({ page, baseURL }) => {
  // A plain static host answers with its one 404.html; the app reads the address and says it
  // in the address's language.
  await page.goto("fr/posts/nulle-part/");
  await started(page);
  await expect(page.getByRole("heading", { name: "Article introuvable" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Il n’y a pas d’article nommé « nulle-part ».");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("link", { name: "Carnet de terrain" })).toHaveAttribute("href", new URL("fr/", baseURL).pathname);
});

test("a draft named x.fr.md previews as the French site would publish it", async ({ page, baseURL }) => {
  await page.goto("preview/");
  await page.locator("#preview-name").fill("essai.fr.md");
  await page.locator("#preview-text").fill("---\ntitle: Essai\ndate: 2024-03-15\ntags: [marches]\n---\nUn texte.\n");
  const output = page.locator("#preview-output");
  await expect(output.locator(".post-meta time")).toHaveText("15 mars 2024");
  await expect(output.locator(".reading-time")).toHaveText("1 min de lecture");
  await expect(output.locator('a[href$="/tags/marches/"]')).toHaveAttribute("href", new URL("fr/tags/marches/", baseURL).pathname);
  await expect(page.locator("#preview-said li")).toHaveText(["Nothing to report: the build reads this post as it is."]);
  // The same draft under a plain name is English.
  await page.locator("#preview-name").fill("essai.md");
  await expect(output.locator(".post-meta time")).toHaveText("15 March 2024");
});

test.describe("offline", () => {
  test.use({ serviceWorkers: "allow" });

  // As the app says a size (quire_core::offline::size_label).
  const size = (b) => (b >= 1e6 ? ((t) => `${Math.floor(t / 10)}.${t % 10} MB`)(Math.floor((b + 5e4) / 1e5)) : `${Math.ceil(b / 1000)} KB`);

  test("saving offline on a French page saves French, and says what every language would cost", async ({ page }, testInfo) => {
    const s = await ownSite(testInfo, "target/e2e/dist-languages");
    try {
      const list = JSON.parse(await readFile(join(s.dir, "offline.json"), "utf8"));
      const fr = list.languages.find((l) => l.dir === "fr");
      await page.goto(s.url("fr/"));
      await started(page);
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
      const save = page.locator(".offline-save");
      await save.getByRole("button", { name: "Enregistrer tout le blog pour le lire hors ligne" }).click();
      await expect(save.getByRole("status")).toHaveText(
        `Tous les articles dans cette langue (${fr.posts}), leurs images et l’index de recherche : ${size(fr.bytes)}.`,
      );
      await expect(save.getByRole("button", { name: `Toutes les langues : ${size(list.bytes)}` })).toBeVisible();
      await expect(save.getByRole("button", { name: "Annuler" })).toBeVisible();
      await save.getByRole("button", { name: `Enregistrer ${size(fr.bytes)}` }).click();
      await expect(save.getByRole("status")).toHaveText(`Enregistré (${size(fr.bytes)}) : tous les articles et la recherche fonctionnent sans réseau.`);
      const kept = await page.evaluate(async () => (await (await caches.open("quire-pages")).keys()).map((r) => new URL(r.url).pathname));
      expect(kept).toContain("/blog/fr/posts/hello.json");
      expect(kept).toContain("/blog/posts/trip/photo.png");
      expect(kept).not.toContain("/blog/posts/hello.json");
      await expect(page.locator(".offline-mark")).toHaveCount(5);
    } finally {
      await s.close();
    }
  });
});
