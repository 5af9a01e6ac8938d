// Network faults in the browser: every failure of the manifest or a post shows a specific,
// human message with Retry, never a blank page or a panic, and Retry works once the network
// is back.
import { test, expect } from "@playwright/test";
import { started } from "./common.mjs";

const SEED_TITLE = "Golang vs Python for backend";
const SEED_TEXT = "If I must choose one for my every project";
const POST_MD = /\/posts\/[^/]+\.md(\?|$)/;
const MANIFEST = /\/index\/\d+\.json(\?|$)/;

const FAULTS = {
  offline: { route: (r) => r.abort("internetdisconnected"), message: "the server did not answer" },
  "HTTP 500": { route: (r) => r.fulfill({ status: 500, body: "boom" }), message: "HTTP 500" },
  "HTTP 404": { route: (r) => r.fulfill({ status: 404, body: "gone" }), message: "does not exist (HTTP 404)" },
  "an HTML page": {
    route: (r) => r.fulfill({ status: 200, contentType: "text/html", body: "<!DOCTYPE html><html><body>app</body></html>" }),
    message: "missing from this deployment",
  },
  "10 s of silence": {
    route: async (r) => {
      await new Promise((done) => setTimeout(done, 10_000));
      await r.fulfill({ status: 200, body: "late" }).catch(() => {});
    },
    message: "took more than 8 seconds",
  },
};

const MANIFEST_ONLY = {
  "truncated JSON": {
    route: async (r) => {
      const body = await (await r.fetch()).text();
      await r.fulfill({ status: 200, contentType: "application/json", body: body.slice(0, body.length / 2) });
    },
    message: "is not valid JSON",
  },
  "invalid JSON": {
    route: (r) => r.fulfill({ status: 200, contentType: "application/json", body: "{\"version\":1,\"posts\":7}" }),
    message: "does not have the expected fields",
  },
};

async function expectRecovery(page, message, recovered) {
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(message, { timeout: 15_000 });
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(alert.getByRole("link", { name: "go to the home page" })).toBeVisible();
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(recovered).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
}

test.beforeEach(async ({ page }, info) => {
  info.errors = [];
  page.on("pageerror", (e) => info.errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && /panicked/.test(m.text()) && info.errors.push(m.text()));
});
test.afterEach(async ({}, info) => expect(info.errors).toEqual([]));

for (const [name, fault] of Object.entries(FAULTS)) {
  test(`post fetch: ${name}`, async ({ page }) => {
    await page.goto("./");
    await started(page);
    await page.route(POST_MD, fault.route);
    await page.getByRole("link", { name: SEED_TITLE }).click();
    await expect(page.locator(".article-title")).toHaveText(SEED_TITLE);
    await expectRecovery(page, fault.message, page.locator(".prose").getByText(SEED_TEXT));
  });
}

// The Markdown pipeline is the renderer worker's (crates/quire-render): when its files cannot
// be loaded, an article the app must render says so with Retry, and Retry starts a new worker.
test("renderer worker cannot load: the article says so, and Retry renders it", async ({ page }) => {
  const context = page.context();
  await context.route(/quire-render-/, (r) => r.abort("internetdisconnected"));
  await page.goto("./");
  await started(page);
  await page.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page.locator(".article-title")).toHaveText(SEED_TITLE);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("the server did not answer", { timeout: 15_000 });
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.locator(".prose").getByText(SEED_TEXT)).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

// A page without the embedded manifest (as a client-side-only build serves) fetches it.
for (const [name, fault] of Object.entries({ ...FAULTS, ...MANIFEST_ONLY })) {
  test(`manifest fetch: ${name}`, async ({ page }) => {
    await page.route(/\/blog\/$|:\d+\/$/, async (route) => {
      const html = await (await route.fetch()).text();
      const shell = html.replace(
        /<div id="quire-root">[\s\S]*?<\/div>\s*<script type="application\/json" id="quire-data">[\s\S]*?<\/script>/,
        "",
      );
      await route.fulfill({ status: 200, contentType: "text/html", body: shell });
    });
    await page.route(MANIFEST, fault.route);
    await page.goto("./");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText(fault.message, { timeout: 15_000 });
    await expect(alert).toContainText("the list of posts");
    await page.unroute(MANIFEST);
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByRole("link", { name: SEED_TITLE })).toBeVisible();
  });
}
