// End-to-end tests in Debian's Chromium against the release build in dist/ (made by `make test`),
// served by a plain static server without rewrites (404.html for missing files), at the root
// and under /blog/.
import { defineConfig } from "@playwright/test";

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: chromiumArgs },
    trace: "off",
    // The build's service worker would answer requests before `page.route` sees them; the
    // specs that test it (offline.spec) allow it.
    serviceWorkers: "block",
  },
  projects: [
    { name: "root", testIgnore: /(fixtures|blogs|services|shortcodes|languages)\.spec/, use: { baseURL: "http://127.0.0.1:4173/" } },
    { name: "blog", testIgnore: /(fixtures|blogs|services|shortcodes|languages)\.spec/, use: { baseURL: "http://127.0.0.1:4174/blog/" } },
    // A site of broken and hostile posts (tests/fixtures/site).
    { name: "fixtures", testMatch: /fixtures\.spec/, use: { baseURL: "http://127.0.0.1:4175/" } },
    // Content shaped like Zola, Hugo, Jekyll and Astro blogs (tests/fixtures/blogs).
    { name: "blogs", testMatch: /(blogs|services|shortcodes)\.spec/, use: { baseURL: "http://127.0.0.1:4177/" } },
    // A blog in English and French (tests/fixtures/languages), under /blog/.
    { name: "languages", testMatch: /languages\.spec/, use: { baseURL: "http://127.0.0.1:4179/blog/" } },
  ],
  webServer: [
    {
      command: "node tests/e2e/static-server.mjs --dir target/e2e/dist-root --port 4173",
      url: "http://127.0.0.1:4173/manifest.json",
      reuseExistingServer: false,
    },
    {
      command: "node tests/e2e/static-server.mjs --dir target/e2e/dist-blog --port 4174 --base /blog/",
      url: "http://127.0.0.1:4174/blog/manifest.json",
      reuseExistingServer: false,
    },
    // The root build again, cacheable as `_headers` asks (search.spec.mjs: search offline).
    {
      command: "node tests/e2e/static-server.mjs --dir target/e2e/dist-root --port 4176 --cache",
      url: "http://127.0.0.1:4176/manifest.json",
      reuseExistingServer: false,
    },
    {
      command: "node tests/e2e/static-server.mjs --dir target/e2e/dist-fixtures --port 4175",
      url: "http://127.0.0.1:4175/manifest.json",
      reuseExistingServer: false,
    },
    {
      command: "node tests/e2e/static-server.mjs --dir target/e2e/dist-blogs --port 4177",
      url: "http://127.0.0.1:4177/manifest.json",
      reuseExistingServer: false,
    },
    {
      command: "node tests/e2e/static-server.mjs --dir target/e2e/dist-languages --port 4179 --base /blog/",
      url: "http://127.0.0.1:4179/blog/manifest.json",
      reuseExistingServer: false,
    },
  ],
});
