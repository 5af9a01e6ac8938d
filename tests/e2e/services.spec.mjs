// Comments and analytics from quire.toml (tests/fixtures/blogs: giscus and Plausible, pointed
// at a fake service this spec runs on 127.0.0.1:4191, as a self-hosted one would be). The
// blog is served on a port of this spec's own, so views and frames from other specs' pages
// (the same build, open at the same time) are told apart by their address.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { failOnPageErrors, started } from "./common.mjs";

failOnPageErrors();

const FAKE = "http://127.0.0.1:4191";
const BLOG = "http://127.0.0.1:4178";
test.use({ baseURL: `${BLOG}/` });
let views = [];
let frames = [];
let server;
let blog;

test.beforeAll(async () => {
  // Its own port (4178): no project in playwright.config.mjs may use it.
  blog = spawn("node", ["tests/e2e/static-server.mjs", "--dir", "target/e2e/dist-blogs", "--port", "4178"]);
  await new Promise((resolve, reject) => {
    blog.stdout.once("data", resolve);
    blog.once("exit", (code) => reject(new Error(`the blog's server on 4178 stopped (exit ${code}): is the port taken?`)));
  });
  server = createServer((req, res) => {
    const url = new URL(req.url, FAKE);
    if (req.method === "POST" && url.pathname === "/api/event") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const view = JSON.parse(body);
        if (view.u.startsWith(BLOG)) views.push(view);
        res.writeHead(202).end();
      });
    } else if (url.pathname === "/en/widget") {
      if (url.searchParams.get("origin").startsWith(BLOG)) frames.push(url.searchParams);
      // As giscus does: the frame tells the page its height.
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><p>Comments for ${url.searchParams.get("term")}</p><script>parent.postMessage({ giscus: { resizeHeight: 321 } }, "*")</script>`);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(4191, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  blog.kill();
  // Keep-alive connections from the browser would hold close() open past the hook's time.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test.beforeEach(() => {
  views = [];
  frames = [];
});

test("one page view for each page the reader sees, first load and in-app alike", async ({ page, baseURL }) => {
  await page.goto("/");
  await started(page);
  await expect.poll(() => views.length).toBe(1);
  const post = page.locator(".post-item-title a").first();
  const href = await post.getAttribute("href");
  await post.click();
  await expect(page.locator(".prose")).toBeVisible();
  await expect.poll(() => views.length).toBe(2);
  await page.getByRole("link", { name: "Tags", exact: true }).click();
  await expect(page.locator("h1")).toBeVisible();
  await expect.poll(() => views.length).toBe(3);
  await page.goBack();
  await expect(page.locator(".prose")).toBeVisible();
  await expect.poll(() => views.length).toBe(4);
  // A fragment on the same page is not another page.
  await page.evaluate(() => (location.hash = "#nowhere"));
  await page.waitForTimeout(2500);
  const url = (path) => new URL(path, baseURL).href;
  expect(views.map((v) => v.u)).toEqual([url("/"), url(href), url("/tags/"), url(href)]);
  expect(views.every((v) => v.n === "pageview" && v.d === "blogs.example")).toBe(true);
  expect(views[1].r).toBe(url("/"));
});

test("comments load when the reader nears them, and follow the post in the app", async ({ page }) => {
  // A long post, so the comments start far below the window: paragraphs added to the
  // prerendered article before the app takes it over (which keeps the article's HTML).
  await page.addInitScript(() => {
    addEventListener("DOMContentLoaded", () => {
      const prose = document.querySelector(".prose");
      for (let i = 0; prose && i < 400; i++) prose.append(Object.assign(document.createElement("p"), { textContent: "Filler." }));
    });
  });
  await page.goto("/posts/charting-basics-1/");
  await started(page);
  const frame = page.locator("section.comments iframe");
  await expect(frame).toHaveAttribute("loading", "lazy");
  expect(await page.evaluate(() => document.body.scrollHeight)).toBeGreaterThan(10_000);
  await page.waitForTimeout(1000);
  expect(frames, "nothing asked of the service before the reader scrolls").toEqual([]);
  await frame.scrollIntoViewIfNeeded();
  await expect.poll(() => frames.length).toBe(1);
  expect(frames[0].get("term")).toBe("posts/charting-basics-1/");
  expect(frames[0].get("repo")).toBe("ann-example/blog");
  expect(frames[0].get("categoryId")).toBe("DIC_kwDOtest");
  await expect(frame).toHaveAttribute("height", "321");
  await expect(page.frameLocator("section.comments iframe").locator("p")).toHaveText("Comments for posts/charting-basics-1/");

  // The next part of the series, in the app: its own thread.
  await page.locator(".series").getByRole("link", { name: /Charting basics, part 2/ }).click();
  await expect(page.locator("h1")).toContainText("part 2");
  await page.locator("section.comments iframe").scrollIntoViewIfNeeded();
  await expect.poll(() => frames.map((f) => f.get("term"))).toContain("posts/charting-basics-2/");
  await expect(page.locator("section.comments iframe")).toHaveAttribute("src", /term=posts%2Fcharting-basics-2%2F/);
});

test("the policy gains exactly the services' origins, for frames and requests only", async ({ page, request }) => {
  const csp = async (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const withServices = await csp(await (await request.get("/")).text());
  // With the video players its posts embed (shortcodes.spec), loaded only on a click.
  expect(withServices).toContain(`frame-src ${FAKE} https://www.youtube-nocookie.com https://player.vimeo.com https://streamable.com;`);
  expect(withServices).toContain(`connect-src 'self' ${FAKE};`);
  expect(withServices.match(/script-src [^;]*/)[0]).not.toContain("127.0.0.1");
  // A blog without services (the root build): nothing added.
  const without = await csp(await (await request.get("http://127.0.0.1:4173/")).text());
  expect(without).toContain("frame-src 'none';");
  expect(without).toContain("connect-src 'self';");
  // And nothing the policy refuses while both services run.
  const refused = [];
  page.on("console", (m) => /Content Security Policy/.test(m.text()) && refused.push(m.text()));
  await page.goto("/posts/charting-basics-1/");
  await started(page);
  await page.locator("section.comments iframe").scrollIntoViewIfNeeded();
  await expect.poll(() => frames.length).toBe(1);
  await expect.poll(() => views.length).toBe(1);
  expect(refused).toEqual([]);
});
