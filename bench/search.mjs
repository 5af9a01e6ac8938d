// Search at scale (issue 5): synthetic blogs of 100, 1,000 and 10,000 posts (bench/synthetic.mjs),
// built for release; per size the search index's bytes (raw, gzip, gzip per post) and build
// time, the first search in Chromium (worker, index download and parse, first results), and
// the latency of every keystroke after that: from the input event to the results in the DOM.
// Served gzipped by the plain static server, cold cache per run, no throttling.
//
//   node bench/search.mjs [--sizes 100,1000,10000] [--runs 3] [--quick]
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { flag, launch, median, opt, reporter, runLine, sleep, startApp, writeSection } from "./lib.mjs";
import { build, makeSite } from "./synthetic.mjs";

const quick = flag("quick");
const sizes = opt("sizes", quick ? "20" : "100,1000,10000").split(",").map(Number);
const runs = Number(opt("runs", quick ? "1" : "3"));
const root = "target/bench/search";
// Typed one key at a time: whole words, a typo, two words, a one-letter prefix (the widest
// match), and a word nothing matches (every term checked for typos).
const QUERIES = ["backend", "pyhton", "markdown links", "e", "zzyzx"];
const BUDGET_MS = 10;
const BUDGET_GZIP = 3_000_000;

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

// In the page: the time from each input event to the results for that text in the DOM, and
// where it went: until the query is posted to the worker, until the worker has it, the
// worker's own work, until the page has the answer, until the list is in the DOM. The worker's
// side is timed by the loader wrapper below (absolute times, as the two have their own clocks).
function instrument() {
  window.__searchLatencies = [];
  // Awaiting their results in the DOM; and every keystroke's record, by its text, for the
  // parts that arrive after (the worker's timing message).
  const pending = new Map();
  const seen = new Map();
  const on = (q) => seen.get(q);
  window.addEventListener(
    "input",
    (e) => {
      const t = { input: performance.now() };
      pending.set(e.target.value, t);
      seen.set(e.target.value, t);
    },
    true,
  );
  const abs = (t) => t - performance.timeOrigin;
  const Worker = window.Worker;
  window.Worker = function (...args) {
    const w = new Worker(...args);
    const post = w.postMessage.bind(w);
    w.postMessage = (m) => {
      if (m[0] === "query" && on(m[2])) on(m[2]).post = performance.now();
      return post(m);
    };
    w.addEventListener("message", (e) => {
      const [kind, q] = e.data;
      if (kind === "timing" && on(q)) Object.assign(on(q), { got: abs(e.data[3]), work: e.data[2], sent: abs(e.data[4]) });
      if (kind === "results" && window.__lastQuery && on(window.__lastQuery) && !on(window.__lastQuery).recv) on(window.__lastQuery).recv = performance.now();
    });
    return w;
  };
  window.addEventListener("input", (e) => (window.__lastQuery = e.target.value), true);
  new MutationObserver(() => {
    const ol = document.getElementById("search-results");
    const q = ol?.dataset.query;
    if (q !== undefined && pending.has(q)) {
      // The worker's timing message comes after its answer: the parts are read at the end.
      const t = pending.get(q);
      t.dom = performance.now();
      window.__searchLatencies.push(Object.assign(t, { q, ms: t.dom - t.input }));
      pending.delete(q);
    }
  }).observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ["data-query"] });
}

// Prepended to the worker's loader: times each query's handling inside the worker and posts
// ["timing", text, ms, received, answered] (the app ignores messages it does not know).
const WORKER_TIMER = `{
  let handler = null;
  Object.defineProperty(self, "onmessage", {
    get() { return handler; },
    set(h) {
      handler = h;
      self.addEventListener("message", (e) => {
        const t = performance.now();
        handler(e);
        if (e.data[0] === "query") self.postMessage(["timing", e.data[2], performance.now() - t, performance.timeOrigin + t, performance.timeOrigin + performance.now()]);
      });
    },
  });
}
`;

const servers = [];
const rows = [];
const browser = await launch();
try {
  for (const n of sizes) {
    const site = makeSite(root, n);
    const dist = join(root, `dist-${n}`);
    const { log } = build(site, dist);
    const timing = log.match(/search index of (\d+) posts and (\d+) terms built in ([\d.]+) ms/);
    const file = join(dist, "search/index.json");
    const raw = statSync(file).size;
    const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
    const port = 4360 + rows.length;
    servers.push(spawn("node", ["tests/e2e/static-server.mjs", "--dir", dist, "--port", String(port), "--gzip"], { stdio: "ignore" }));
    await sleep(400);
    const first = [];
    const download = [];
    const keys = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route(/quire-search-loader-[0-9a-f]+\.js$/, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: WORKER_TIMER + (await response.text()) });
      });
      await page.goto(`http://127.0.0.1:${port}/`);
      await startApp(page);
      await page.evaluate(instrument);
      await page.keyboard.press("/");
      const box = page.locator("#search-input");
      await box.waitFor();
      // The first search: worker start, index download and parse, first answer.
      await box.fill("backend");
      await page.waitForFunction(() => window.__searchLatencies.some((l) => l.q === "backend"), null, { timeout: 120_000 });
      first.push(await page.evaluate(() => window.__searchLatencies.find((l) => l.q === "backend").ms));
      download.push(await page.evaluate(() => performance.getEntriesByType("resource").find((r) => r.name.includes("search/index.json")).duration));
      await page.evaluate(() => (window.__searchLatencies = []));
      for (const q of QUERIES) {
        await box.fill("");
        await box.pressSequentially(q, { delay: 120 });
        await page.waitForFunction((q) => window.__searchLatencies.some((l) => l.q === q), q, { timeout: 30_000 });
      }
      keys.push(
        ...(await page.evaluate(() =>
          window.__searchLatencies.map((t) => ({
            q: t.q,
            ms: t.ms,
            parts: t.post && t.got && t.recv ? [t.post - t.input, t.got - t.post, t.work, t.recv - t.sent, t.dom - t.recv] : null,
          })),
        )),
      );
      if (process.env.SEARCH_DEBUG) console.log(JSON.stringify(keys.slice(-40).map((k) => [k.q, Math.round(k.ms * 10) / 10])));
      await context.close();
    }
    // The first key typed into the emptied box, and the others.
    const parts = (ks) => {
      const withParts = ks.filter((k) => k.parts);
      return [0, 1, 2, 3, 4].map((i) => median(withParts.map((k) => k.parts[i])));
    };
    const firstKeys = keys.filter((k) => k.q.length === 1);
    const otherKeys = keys.filter((k) => k.q.length > 1);
    const byQuery = Object.fromEntries(QUERIES.map((q) => [q, median(keys.filter((k) => q.startsWith(k.q) || k.q === q).map((k) => k.ms))]));
    rows.push({
      n,
      raw,
      gzip,
      buildMs: timing ? Number(timing[3]) : NaN,
      terms: timing ? Number(timing[2]) : NaN,
      first: median(first),
      download: median(download),
      keyMedian: median(keys.map((k) => k.ms)),
      keyP95: percentile(keys.map((k) => k.ms), 95),
      keyMax: Math.max(...keys.map((k) => k.ms)),
      keystrokes: keys.length,
      byQuery,
      firstKey: { n: firstKeys.length, ms: median(firstKeys.map((k) => k.ms)), parts: parts(firstKeys) },
      otherKey: { n: otherKeys.length, ms: median(otherKeys.map((k) => k.ms)), parts: parts(otherKeys) },
    });
    console.log(`${n} posts: done`);
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}

const { lines, say } = reporter();
const f = (x) => Math.round(x).toLocaleString("en");
const ms = (x) => x.toFixed(1);
say(runLine(browser.version(), "bench/search.mjs"));
say("");
say(
  `Synthetic blogs (release builds, served gzipped, cold cache, no throttling), ${runs} run(s) each. Keystrokes: the queries ${QUERIES.map((q) => `“${q}”`).join(", ")} typed one key at a time, 120 ms apart; latency from the input event to the results in the DOM (the worker answers, the page sets the list).`,
);
say("");
say("| posts | index B | index gzip B | gzip B per post | terms | index build ms | first search ms (download ms) | keystroke median ms | p95 ms | max ms | keystrokes |");
say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  say(
    `| ${f(r.n)} | ${f(r.raw)} | ${f(r.gzip)} | ${f(r.gzip / r.n)} | ${f(r.terms)} | ${ms(r.buildMs)} | ${f(r.first)} (${f(r.download)}) | ${ms(r.keyMedian)} | ${ms(r.keyP95)} | ${ms(r.keyMax)} | ${r.keystrokes} |`,
  );
say("");
say("Median keystroke latency by query (every prefix typed on the way):");
say("");
say(`| posts | ${QUERIES.map((q) => `“${q}”`).join(" | ")} |`);
say(`|---:|${QUERIES.map(() => "---:").join("|")}|`);
for (const r of rows) say(`| ${f(r.n)} | ${QUERIES.map((q) => ms(r.byQuery[q])).join(" | ")} |`);
say("");
say("Where a keystroke's time goes (medians, ms): until the page posts the query to the worker, until the worker has it, the worker's own work (matching, ranking, the results' HTML), until the page has the answer, until the list is in the DOM. The first key typed into the emptied box apart from the others:");
say("");
say("| posts | keystrokes | total | → posted | → worker | worker | → page | → DOM |");
say("|---:|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  for (const [label, k] of [["first key", r.firstKey], ["others", r.otherKey]])
    say(`| ${f(r.n)} | ${label} (${k.n}) | ${ms(k.ms)} | ${k.parts.map(ms).join(" | ")} |`);
const last = rows.at(-1);
say("");
say(
  `Budgets at ${f(last.n)} posts: keystroke to results ≤ ${BUDGET_MS} ms — median ${ms(last.keyMedian)}, p95 ${ms(last.keyP95)} ms ${last.keyP95 <= BUDGET_MS ? "✓" : "✗"}; index download ≤ 3 MB gzip — ${f(last.gzip)} B ${last.gzip <= BUDGET_GZIP ? "✓" : "✗"} (${f(last.gzip / last.n)} B per post).`,
);
if (!quick) writeSection("search", lines);
