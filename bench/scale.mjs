// Synthetic blogs of 100, 1,000 and 10,000 posts, built from the real posts' text plus a
// different stretch of the CommonMark spec's prose each (so lengths, headings, code, links and
// a growing vocabulary are realistic; a quarter of them in five sections, a tenth as page
// bundles with an image): the release build's time (whole `trunk build`, and
// quire's hook alone), `dist/` size, manifest bytes per post, and the first index page's bytes
// and load time in Chromium. The first index page must cost the same at every size. The
// archive (`/archive/`, every post's title and date) grows with the blog: its bytes and the
// time until the app has taken it over are reported too.
//
//   node bench/scale.mjs [--sizes 100,1000,10000] [--runs 3] [--quick]
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { flag, launch, median, opt, reporter, runLine, sleep, startApp, writeSection } from "./lib.mjs";
import { build, du, makeSite } from "./synthetic.mjs";

const quick = flag("quick");
const sizes = opt("sizes", quick ? "20" : "100,1000,10000").split(",").map(Number);
const runs = Number(opt("runs", quick ? "1" : "3"));
const root = "target/bench/scale";

const servers = [];
const rows = [];
const browser = await launch();
try {
  for (const n of sizes) {
    const site = makeSite(root, n);
    const dist = join(root, `dist-${n}`);
    const b = build(site, dist);
    const manifest = statSync(join(dist, "manifest.json")).size;
    const search = statSync(join(dist, "search/index.json")).size;
    const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
    const port = 4330 + rows.length;
    servers.push(spawn("node", ["tests/e2e/static-server.mjs", "--dir", dist, "--port", String(port), "--gzip"], { stdio: "ignore" }));
    await sleep(400);
    const loads = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const bytes = [];
      cdp.on("Network.loadingFinished", (e) => bytes.push(e.encodedDataLength));
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "load" });
      await startApp(page);
      await page.waitForTimeout(500);
      const lcp = await page.evaluate(
        () =>
          new Promise((r) =>
            new PerformanceObserver((l) => r(l.getEntries().at(-1).startTime)).observe({ type: "largest-contentful-paint", buffered: true }),
          ),
      );
      loads.push({ lcp, bytes: bytes.reduce((a, x) => a + x, 0), requests: bytes.length });
      await context.close();
    }
    // The archive: every post's title and date, prerendered, then taken over by the app.
    const archiveLoads = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`http://127.0.0.1:${port}/archive/`, { waitUntil: "load" });
      await startApp(page);
      archiveLoads.push(Date.now() - t0);
      await context.close();
    }
    rows.push({
      n,
      archiveHtml: statSync(join(dist, "archive/index.html")).size,
      archiveGzip: gz("archive/index.html"),
      archiveDataGzip: gz("archive.json"),
      archiveMs: median(archiveLoads),
      // "Save the whole blog for offline reading": what the build lists for it.
      offline: JSON.parse(readFileSync(join(dist, "offline.json"), "utf8")),
      offlineListGzip: gz("offline.json"),
      buildMs: b.total,
      hookMs: b.hook,
      distBytes: du(dist),
      manifestPerPost: manifest / n,
      search,
      searchGzip: gz("search/index.json"),
      firstPageGzip: gz("index.html"),
      firstDataGzip: gz("index/1.json"),
      lcp: median(loads.map((l) => l.lcp)),
      wire: median(loads.map((l) => l.bytes)),
      requests: median(loads.map((l) => l.requests)),
    });
    console.log(`${n} posts: done`);
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}

const { lines, say } = reporter();
const n = (x) => Math.round(x).toLocaleString("en");
say(runLine(browser.version(), "bench/scale.mjs"));
say("");
say(`Release builds (\`trunk build --release\`, wasm-opt included) of synthetic blogs; first index page loaded cold ${runs}× each (median), no throttling:`);
say("");
say("| posts | build s (trunk) | quire hook s | dist/ MB | manifest.json B per post | search index B (gzip) | search gzip B per post | first page HTML gzip B | first page data gzip B | first page on the wire B | requests | first page LCP ms |");
say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  say(
    `| ${n(r.n)} | ${(r.buildMs / 1000).toFixed(1)} | ${(r.hookMs / 1000).toFixed(1)} | ${(r.distBytes / 2 ** 20).toFixed(1)} | ${n(r.manifestPerPost)} | ${n(r.search)} (${n(r.searchGzip)}) | ${n(r.searchGzip / r.n)} | ${n(r.firstPageGzip)} | ${n(r.firstDataGzip)} | ${n(r.wire)} | ${r.requests} | ${r.lcp.toFixed(0)} |`,
  );
say("");
say("The archive page (`/archive/`: its HTML carries the list and the same list as the app's data), and the time from navigation until the app has taken it over (median):");
say("");
say("| posts | archive HTML B | gzip B | gzip B per post | archive.json gzip B | loaded and taken over ms |");
say("|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  say(`| ${n(r.n)} | ${n(r.archiveHtml)} | ${n(r.archiveGzip)} | ${(r.archiveGzip / r.n).toFixed(1)} | ${n(r.archiveDataGzip)} | ${n(r.archiveMs)} |`);
say("");
say("Saving the whole blog for offline reading (`offline.json`: every post's data and Markdown, the other data files, pictures, the search index and worker), as the reader is told before saving:");
say("");
say("| posts | files | bytes stored | bytes per post | offline.json gzip B |");
say("|---:|---:|---:|---:|---:|");
for (const r of rows)
  say(`| ${n(r.n)} | ${n(r.offline.files.length + r.offline.assets.length)} | ${n(r.offline.bytes)} | ${n(r.offline.bytes / r.n)} | ${n(r.offlineListGzip)} |`);
const first = rows[0];
const last = rows.at(-1);
say("");
say(
  `First index page from ${n(first.n)} to ${n(last.n)} posts: bytes on the wire ×${(last.wire / first.wire).toFixed(2)}, LCP ×${(last.lcp / first.lcp).toFixed(2)}.`,
);
if (!quick) writeSection("scale", lines);
