// The app takes over on the reader's first intent, or once the page has been idle (src/boot.js,
// issue 27): a reader who only reads loads the HTML and the boot script, nothing of the app,
// no service worker; a pointer, a key or focus starts it, and nothing the reader typed meanwhile
// is lost in the takeover.
import { test, expect } from "@playwright/test";
import { failOnPageErrors } from "./common.mjs";

failOnPageErrors();
// The service worker's registration is part of what waits for the app.
test.use({ serviceWorkers: "allow" });

const ARTICLE = "posts/golang-vs-python-for-backend/";
const APP = /\/quire-[0-9a-f]{16}(_bg\.wasm|\.js)$/;

function watch(page) {
  const requests = [];
  page.context().on("request", (r) => requests.push(new URL(r.url()).pathname));
  return requests;
}
const hasStarted = (page) => page.evaluate(() => window.wasmBindings !== undefined);

test("a reader who only reads loads nothing of the app until the page is idle", async ({ page }) => {
  const requests = watch(page);
  await page.goto(ARTICLE, { waitUntil: "load" });
  await expect(page.locator(".prose")).toContainText("If I must choose one for my every project");
  // Well before boot.js's idle start (4 s after load): the page is complete on its own.
  await page.waitForTimeout(1500);
  expect(requests.filter((p) => APP.test(p)), "no app JS or WASM").toEqual([]);
  expect(await hasStarted(page)).toBe(false);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), "no service worker yet").toBe(0);
  // Idle: then the app takes over by itself, and the service worker is registered.
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 20_000 });
  expect(requests.some((p) => APP.test(p))).toBe(true);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
});

test("a pointer over a link starts the app, fetches the post, and the click that follows stays in it", async ({ page }) => {
  const requests = watch(page);
  await page.goto("./");
  expect(await hasStarted(page)).toBe(false);
  const link = page.getByRole("link", { name: "Golang vs Python for backend" });
  await link.hover();
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  // Once the app runs, a pointer on a link fetches that post's data and Markdown.
  await page.mouse.move(0, 0);
  await link.hover();
  const fetched = () => [...new Set(requests.map((p) => p.match(/posts\/golang-vs-python-for-backend\.(json|md)$/)?.[1]).filter(Boolean))].sort();
  await expect.poll(fetched).toEqual(["json", "md"]);
  await page.evaluate(() => (window.stayed = true));
  await link.click();
  await expect(page.locator(".prose")).toContainText("If I must choose one for my every project");
  expect(await page.evaluate(() => window.stayed), "in-app navigation: no page load").toBe(true);
});

test("a click before the app is there is an ordinary page load of the prerendered page", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("link", { name: "Golang vs Python for backend" }).click();
  await expect(page).toHaveURL(/golang-vs-python-for-backend\/$/);
  await expect(page.locator(".prose")).toContainText("If I must choose one for my every project");
});

test("typing into the search box before the app is there loses nothing", async ({ page }) => {
  await page.goto("search/");
  expect(await hasStarted(page)).toBe(false);
  // Focus starts the app; the first keys land in the prerendered box, the rest in the app's.
  await page.locator("#search-input").focus();
  await page.keyboard.type("golang", { delay: 30 });
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await expect(page.locator("#search-input")).toHaveValue("golang");
  await expect(page.locator("#search-input")).toBeFocused();
  await expect(page.locator("#search-results .search-result-title").first()).toContainText("Golang vs Python for backend");
  await page.keyboard.type(" backend");
  await expect(page.locator("#search-input")).toHaveValue("golang backend");
});

test("a key starts the app: the search shortcut works from a page read without the pointer", async ({ page }) => {
  await page.goto(ARTICLE);
  expect(await hasStarted(page)).toBe(false);
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await page.keyboard.press("/");
  await expect(page.locator("#search-input")).toBeFocused();
});
