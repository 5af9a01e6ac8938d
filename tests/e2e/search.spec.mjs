// Search end to end: the `/` key and the header link, results as you type from the search
// worker (its own WASM), typo and prefix matching, keyboard navigation into the article with the
// match highlighted, filters, deep links, and the index from the browser's cache offline. Runs
// at the root and under /blog/ against the release build.
import { test, expect } from "@playwright/test";
import { failOnPageErrors, started } from "./common.mjs";

const SEED_TITLE = "Golang vs Python for backend";
const SEED_PATH = "posts/golang-vs-python-for-backend/";
const INDEX = /\/search\/index\.json/;
const WORKER = /quire-search-/;

failOnPageErrors();

// Replaces the box's text the way a reader does (select all, type).
async function typeQuery(page, text) {
  const box = page.getByRole("combobox", { name: "Search posts" });
  await box.fill("");
  await box.pressSequentially(text);
}

const titles = (page) => page.locator("#search-results .search-result-title");

test("no index request before the first search; typing finds the seed post for golang, pyhton and backend", async ({ page, baseURL }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("./");
  await started(page);
  // The header links to search on every page, prerendered or not.
  await expect(page.getByRole("link", { name: "Search" })).toHaveAttribute("href", new URL("search/", baseURL).pathname);
  await page.keyboard.press("/");
  await expect(page).toHaveURL(new URL("search/", baseURL).href);
  await expect(page.getByRole("combobox", { name: "Search posts" })).toBeFocused();
  expect(requests.filter((u) => INDEX.test(u) || WORKER.test(u)), "nothing loaded before a search").toEqual([]);

  for (const query of ["golang", "pyhton", "backend", "back", "GOLANG Pyhton"]) {
    await typeQuery(page, query);
    await expect(page.locator("#search-results")).toHaveAttribute("data-query", query);
    await expect(titles(page).first(), query).toHaveText(SEED_TITLE);
  }
  await expect(page).toHaveURL(/\/search\/\?q=GOLANG%20Pyhton$/);
  // Each result: title, the date as written, a snippet with the matched words marked.
  const seed = page.locator(".search-result").first();
  await expect(seed.locator(".search-result-date")).toHaveText("2022-15-03 10:18:00");
  await expect(seed.locator(".search-snippet mark").first()).toHaveText(/^(Python|Golang)$/i);
  await expect(page.locator(".search-status")).toContainText(/posts? match/);
  // The index was fetched once, for the first query.
  expect(requests.filter((u) => INDEX.test(u))).toHaveLength(1);

  await typeQuery(page, "zzzqqq");
  await expect(page.locator(".search-status")).toHaveText("No post matches “zzzqqq”.");
  await expect(titles(page)).toHaveCount(0);
});

test("arrow keys and Enter open a result, which scrolls to and highlights the match; Escape goes back", async ({ page, baseURL }) => {
  await page.goto("./posts/rust-errors-without-tears/");
  await started(page);
  await page.keyboard.press("/");
  await typeQuery(page, "pyhton");
  await expect(page.locator("#search-results")).toHaveAttribute("data-query", "pyhton");
  // The keys below move through the list: wait until it holds two results (on a loaded
  // machine the list can follow its query by a frame).
  await expect(page.locator("#search-result-1")).toBeVisible();
  const box = page.getByRole("combobox", { name: "Search posts" });
  await box.press("ArrowDown");
  await box.press("ArrowDown");
  await box.press("ArrowUp");
  const first = page.locator("#search-result-0");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(first).toHaveClass(/active/);
  await expect(box).toHaveAttribute("aria-activedescendant", "search-result-0");
  await expect(first.locator(".search-result-title")).toHaveText(SEED_TITLE);
  await box.press("Enter");

  await expect(page).toHaveURL(new URL(`${SEED_PATH}?highlight=python`, baseURL).href);
  const mark = page.locator(".prose mark.search-match");
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText("Python");
  await expect(mark).toBeInViewport();

  // Back to the results, then Escape returns to the page search was opened from.
  await page.goBack();
  await expect(titles(page).first()).toHaveText(SEED_TITLE);
  await page.getByRole("combobox", { name: "Search posts" }).press("Escape");
  await expect(page).toHaveURL(new URL("posts/rust-errors-without-tears/", baseURL).href);
});

test("the header link opens search too; / typed in the box is text; Escape returns to that page", async ({ page, baseURL }) => {
  await page.goto("./tags/");
  await started(page);
  await page.getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(new URL("search/", baseURL).href);
  const box = page.getByRole("combobox", { name: "Search posts" });
  await expect(box).toBeFocused();
  await box.pressSequentially("go/lang");
  await expect(box).toHaveValue("go/lang");
  await expect(page).toHaveURL(/\/search\/\?q=go%2Flang$/);
  await box.press("Escape");
  await expect(page).toHaveURL(new URL("tags/", baseURL).href);
});

test("a deep link /search?q=golang shows its results, and again after a reload", async ({ page, baseURL }) => {
  await page.goto("./search?q=golang");
  await expect(page).toHaveURL(new URL("search/?q=golang", baseURL).href);
  await expect(titles(page).first()).toHaveText(SEED_TITLE);
  await expect(page.getByRole("combobox", { name: "Search posts" })).toHaveValue("golang");
  await page.reload();
  await expect(titles(page).first()).toHaveText(SEED_TITLE);
  await expect(page).toHaveTitle("Search · quire");
  // Clicking a result is an ordinary link too, with the highlight.
  await titles(page).first().click();
  await expect(page).toHaveURL(new URL(`${SEED_PATH}?highlight=golang`, baseURL).href);
  await expect(page.locator("mark.search-match")).toHaveText(/golang/i);
  // Opened from a fresh page load, the article still marks the match.
  await page.reload();
  await expect(page.locator("mark.search-match")).toHaveText(/golang/i);
});

test("filters by tag and by year, alone or with words, and the URL keeps them", async ({ page, baseURL }) => {
  await page.goto("./search/?q=python");
  await expect(titles(page)).toHaveText([SEED_TITLE, "Writing posts with quire"]);
  const year = page.getByLabel("Year");
  await year.selectOption("2024");
  await expect(titles(page)).toHaveText(["Writing posts with quire"]);
  await expect(page).toHaveURL(new URL("search/?q=python&year=2024", baseURL).href);
  // A tag alone lists its posts.
  await page.goto("./search/?tag=rust");
  await expect(titles(page)).toHaveText(["Errors in Rust without tears"]);
  await expect(page.getByLabel("Tag")).toHaveValue("rust");
  await page.getByLabel("Tag").selectOption("");
  await expect(page).toHaveURL(new URL("search/", baseURL).href);
  await expect(titles(page)).toHaveCount(0);
});

test("the prerendered search page is there without WASM, so any static host serves the link", async ({ browser, baseURL }) => {
  // Its own page: the blocked WASM is an error there on purpose.
  const context = await browser.newContext({ serviceWorkers: "block", baseURL });
  const page = await context.newPage();
  await page.route(/\.wasm$/, (r) => r.abort());
  const response = await page.goto("./search/?q=golang");
  expect(response.status()).toBe(200);
  await expect(page.getByRole("combobox", { name: "Search posts" })).toBeVisible();
  await expect(page.locator(".search-status")).toContainText("Type to search");
  await expect(page).toHaveTitle("Search · quire");
  await context.close();
});

test("with the network down, search works from the index in the browser's cache", async ({ browser, baseURL }) => {
  test.skip(!baseURL.endsWith(":4173/"), "one host is enough: the caching server serves the root build");
  const site = "http://127.0.0.1:4176/";
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  // A first search, online: the worker and the index are cached (as `_headers` allows).
  await page.goto(`${site}search/?q=golang`);
  await expect(titles(page).first()).toHaveText(SEED_TITLE);
  // A new visit; the network drops before the reader searches.
  await page.goto(site);
  await started(page);
  await context.setOffline(true);
  await page.keyboard.press("/");
  await typeQuery(page, "pyhton");
  await expect(titles(page).first()).toHaveText(SEED_TITLE);
  await context.close();
});

test("a search that cannot load its index says why and offers Retry", async ({ page }) => {
  let fail = true;
  await page.route(INDEX, (r) => (fail ? r.fulfill({ status: 500, body: "" }) : r.continue()));
  await page.goto("./search/?q=golang");
  await expect(page.getByRole("alert")).toContainText("Could not load the search index");
  await expect(page.getByRole("alert")).toContainText("HTTP 500");
  fail = false;
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(titles(page).first()).toHaveText(SEED_TITLE);
});
