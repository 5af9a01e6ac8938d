// Client-side navigation in quire's release build, in headless Chromium: ms from the click to
// the article's text in the DOM, for index → article (post not fetched yet), article → article
// (not fetched yet) and article → article (fetched before). docsify's index → article click is
// measured beside it, from the same server.
//
//   node bench/navigation.mjs [--runs 5] [--quick] [--quire DIR]
//
// Timing runs inside the page: a MutationObserver notes when the text arrives, so the figure
// has no DevTools round trip in it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { flag, launch, median, opt, reporter, runLine, sleep, startApp, writeSection } from "./lib.mjs";

const quick = flag("quick");
const runs = Number(opt("runs", quick ? "1" : "5"));
const quireDir = opt("quire", "target/bench/quire");
const docsifyDir = "target/bench/docsify";

const RUST = { path: "posts/rust-errors-without-tears/", text: "Rust has no exceptions." };
const SEED = { path: "posts/golang-vs-python-for-backend/", text: "If I must choose one for my every project" };

const servers = [];
function serve(dir, port) {
  servers.push(spawn("node", ["tests/e2e/static-server.mjs", "--dir", dir, "--port", String(port), "--gzip"], { stdio: "ignore" }));
  return `http://127.0.0.1:${port}/`;
}

// Clicks `selector` and resolves with the ms until `text` is in the page's article.
function clickUntil(page, selector, text) {
  return page.evaluate(
    ([selector, text]) =>
      new Promise((resolve, reject) => {
        const has = () => (document.querySelector(".prose, .markdown-section")?.textContent ?? "").includes(text);
        const link = document.querySelector(selector);
        if (!link) return reject(new Error(`no ${selector}`));
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (has()) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        link.click();
        setTimeout(() => reject(new Error(`"${text}" did not appear within 20 s`)), 20_000);
      }),
    [selector, text],
  );
}

async function quireRun(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin);
  await startApp(page);
  await sleep(300);
  const toArticle = await clickUntil(page, `.post-item-title a[href$="/${RUST.path}"]`, RUST.text);
  // The seed post is older than the Rust one: "Older →" at the end of the article.
  const articleToArticle = await clickUntil(page, `a.post-nav-older[href$="/${SEED.path}"]`, SEED.text);
  const cached = await clickUntil(page, `a.post-nav-newer[href$="/${RUST.path}"]`, RUST.text);
  if (new URL(page.url()).pathname !== `/${RUST.path}`) throw new Error(`ended on ${page.url()}, not in the app`);
  await context.close();
  return { toArticle, articleToArticle, cached };
}

async function docsifyRun(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForSelector(".markdown-section a");
  await sleep(300);
  const toArticle = await clickUntil(page, `.markdown-section a[href$="posts/rust-errors-without-tears"]`, RUST.text);
  await context.close();
  return { toArticle };
}

const quireOrigin = serve(quireDir, 4311);
const docsifyOrigin = existsSync(docsifyDir) ? serve(docsifyDir, 4312) : null;
await sleep(500);
const browser = await launch();
const q = [];
const d = [];
try {
  for (let i = 0; i < runs; i++) {
    q.push(await quireRun(browser, quireOrigin));
    if (docsifyOrigin) d.push(await docsifyRun(browser, docsifyOrigin));
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}

const { lines, say } = reporter();
const m = (xs, k) => median(xs.map((x) => x[k])).toFixed(1);
say(runLine(browser.version(), "bench/navigation.mjs"));
say("");
say(`Median of ${runs} runs, each in a fresh browser context, no throttling; ms from the click to the article text in the DOM:`);
say("");
say("| navigation | quire ms | docsify 4 ms |");
say("|---|---:|---:|");
say(`| index → article (post not fetched yet) | ${m(q, "toArticle")} | ${d.length ? m(d, "toArticle") : "–"} |`);
say(`| article → article (not fetched yet) | ${m(q, "articleToArticle")} | – |`);
say(`| article → article (fetched before) | ${m(q, "cached")} | – |`);
if (!quick) writeSection("navigation", lines);
