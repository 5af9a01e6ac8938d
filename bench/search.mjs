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
import { flag, launch, median, opt, reporter, runLine, sleep, writeSection } from "./lib.mjs";
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

// In the page: the time from each input event to the results for that text in the DOM.
function instrument() {
  window.__searchLatencies = [];
  const pending = new Map();
  window.addEventListener("input", (e) => pending.set(e.target.value, performance.now()), true);
  new MutationObserver(() => {
    const ol = document.getElementById("search-results");
    const q = ol?.dataset.query;
    if (q !== undefined && pending.has(q)) {
      window.__searchLatencies.push({ q, ms: performance.now() - pending.get(q) });
      pending.delete(q);
    }
  }).observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ["data-query"] });
}

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
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => window.wasmBindings !== undefined);
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
      keys.push(...(await page.evaluate(() => window.__searchLatencies)));
      if (process.env.SEARCH_DEBUG) console.log(JSON.stringify(keys.slice(-40).map((k) => [k.q, Math.round(k.ms * 10) / 10])));
      await context.close();
    }
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
const last = rows.at(-1);
say("");
say(
  `Budgets at ${f(last.n)} posts: keystroke to results ≤ ${BUDGET_MS} ms — median ${ms(last.keyMedian)}, p95 ${ms(last.keyP95)} ms ${last.keyP95 <= BUDGET_MS ? "✓" : "✗"}; index download ≤ 3 MB gzip — ${f(last.gzip)} B ${last.gzip <= BUDGET_GZIP ? "✓" : "✗"} (${f(last.gzip / last.n)} B per post).`,
);
if (!quick) writeSection("search", lines);
