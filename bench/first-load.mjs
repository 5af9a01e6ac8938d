// First loads, cold cache, in headless Chromium, of an article deep link (the seed post) and of
// the index page, for:
//   - quire: the release build (prerendered + WASM takeover);
//   - static: quire's own page with every script removed, same HTML with its CSS inline: the
//     page as one request, the limit;
//   - csr: quire with prerendering off (pure client-side; skipped if not built);
//   - docsify 4 (npm, pinned) serving the same Markdown files with its front-matter plugin.
// All are served side by side by the same gzip-enabled static server and measured in one run,
// interleaved.
//
//   node bench/first-load.mjs [--runs 5] [--quick] [--quire DIR] [--csr DIR] [--photos DIR]
//
// Also, quire alone: a post full of photos (tests/fixtures/blogs, built into --photos), whose
// images carry the sizes the build read, against the same page with its scripts and the image
// sizes removed (what it would be without them): CLS must be 0.
//
// Expects the quire builds (see `make bench`); writes target/bench/{static,docsify}/ itself.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { flag, launch, median, opt, reporter, runLine, sleep, writeSection } from "./lib.mjs";

const quick = flag("quick");
const runs = Number(opt("runs", quick ? "1" : "5"));
const quireDir = opt("quire", "target/bench/quire");
const csrDir = opt("csr", "target/bench/csr");
const outFile = opt("out", "target/bench/first-load.json");
const SLUG = "golang-vs-python-for-backend";
const photosDir = opt("photos", "target/bench/blogs");
const PHOTOS = { path: "posts/blog/photos/", text: "Photos of the bundle" };

// Each page: where it is in quire's build and in docsify's (hash routes), and the text whose
// arrival means the reader has the page.
const PAGES = {
  article: { path: `posts/${SLUG}/`, docsify: `#/posts/${SLUG}`, text: "If I must choose one for my every project" },
  index: { path: "", docsify: "", text: "Golang vs Python for backend" },
};

const PROFILES = {
  throttled: { latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8, cpu: 4 },
  unthrottled: { latency: 0, down: -1, up: -1, cpu: 1 },
};
const profiles = quick ? ["unthrottled"] : ["throttled", "unthrottled"];

// The limit: quire's own prerendered pages with every script and preload removed (their
// stylesheet is inline, so each is one request).
function makeStatic() {
  const dir = "target/bench/static";
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(quireDir)) if (f.endsWith(".css")) cpSync(join(quireDir, f), join(dir, f));
  for (const { path } of Object.values(PAGES)) {
    mkdirSync(join(dir, path), { recursive: true });
    const html = readFileSync(join(quireDir, path, "index.html"), "utf8")
      .replace(/<script[\s\S]*?<\/script>/g, "")
      .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
    writeFileSync(join(dir, path, "index.html"), html);
  }
  return dir;
}

// docsify 4 as its documentation sets it up, over the same Markdown files: a README.md home
// page listing the posts (as quire's index does), its default theme without the web-font import
// (this machine has no internet; fonts would only slow it further).
function makeDocsify() {
  const dir = "target/bench/docsify";
  const lib = "node_modules/docsify/lib";
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(quireDir, "posts"), join(dir, "posts"), { recursive: true, filter: (f) => !f.endsWith(".json") && !f.endsWith(".html") });
  cpSync(join(lib, "docsify.min.js"), join(dir, "docsify.min.js"));
  cpSync(join(lib, "plugins/front-matter.min.js"), join(dir, "front-matter.min.js"));
  writeFileSync(join(dir, "vue.css"), readFileSync(join(lib, "themes/vue.css"), "utf8").replace(/@import url\([^)]*\);/g, ""));
  const manifest = JSON.parse(readFileSync(join(quireDir, "manifest.json"), "utf8"));
  const list = manifest.posts.map((p) => `- [${p.title}](posts/${p.slug}.md)\n\n  ${p.summary}`).join("\n\n");
  writeFileSync(join(dir, "README.md"), `# ${manifest.site.title}\n\n${manifest.site.description}\n\n${list}\n`);
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${manifest.site.title}</title>
  <link rel="stylesheet" href="vue.css">
</head>
<body>
  <div id="app"></div>
  <script>window.$docsify = { name: ${JSON.stringify(manifest.site.title)} };</script>
  <script src="docsify.min.js"></script>
  <script src="front-matter.min.js"></script>
</body>
</html>
`,
  );
  return dir;
}

const servers = [];
function serve(name, dir, port, urlOf, extra = []) {
  const p = spawn("node", ["tests/e2e/static-server.mjs", "--dir", dir, "--port", String(port), "--gzip", ...extra], {
    stdio: "ignore",
  });
  servers.push(p);
  return { name, url: (page) => `http://127.0.0.1:${port}/${urlOf(page)}` };
}

async function measure(browser, url, text, profile) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const p = PROFILES[profile];
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: p.latency,
    downloadThroughput: p.down,
    uploadThroughput: p.up,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: p.cpu });
  const finished = [];
  cdp.on("Network.loadingFinished", (e) => finished.push(e.encodedDataLength));
  await page.addInitScript(() => {
    window.__lcp = 0;
    window.__cls = 0;
    // Total Blocking Time as Lighthouse counts it: each long task's time over 50 ms.
    window.__tbt = 0;
    window.__long = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        window.__tbt += Math.max(0, e.duration - 50);
        window.__long = Math.max(window.__long, e.duration);
      }
    }).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__lcp = e.renderTime || e.loadTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout: 120_000 });
  // Let the app finish taking over (or a client-side build finish rendering): its long tasks,
  // if any, are part of the load.
  await page.waitForFunction(() => !document.querySelector('script[src$="boot.js"]') || window.wasmBindings !== undefined, null, {
    timeout: 120_000,
  });
  await page.waitForTimeout(1500);
  const m = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const lcp = window.__lcp;
    return { fcp, lcp, cls: window.__cls, tbt: window.__tbt, longest: window.__long };
  });
  m.bytes = finished.reduce((a, b) => a + b, 0);
  m.requests = finished.length;
  await context.close();
  return m;
}

// The photos post without what this measures: no script, no image sizes.
function makeUnsized() {
  const dir = "target/bench/photos-unsized";
  rmSync(dir, { recursive: true, force: true });
  cpSync(photosDir, dir, { recursive: true });
  const file = join(dir, PHOTOS.path, "index.html");
  const html = readFileSync(file, "utf8")
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/ (width|height)="\d+"/g, "");
  writeFileSync(file, html);
  return dir;
}
const photoTargets = existsSync(photosDir)
  ? [
      serve("quire", photosDir, 4305, () => PHOTOS.path),
      serve("unsized", makeUnsized(), 4306, () => PHOTOS.path),
    ]
  : [];

const targets = [
  serve("quire", quireDir, 4301, (pg) => PAGES[pg].path),
  serve("static", makeStatic(), 4302, (pg) => PAGES[pg].path),
  ...(existsSync(csrDir) ? [serve("csr", csrDir, 4303, (pg) => PAGES[pg].path, ["--spa"])] : []),
  serve("docsify", makeDocsify(), 4304, (pg) => PAGES[pg].docsify),
];
await sleep(500);

const browser = await launch();
const results = {};
const photos = {};
try {
  for (const profile of profiles) {
    results[profile] = {};
    for (const pg of Object.keys(PAGES)) {
      const samples = Object.fromEntries(targets.map((t) => [t.name, []]));
      for (let i = 0; i < runs; i++)
        for (const t of targets) samples[t.name].push(await measure(browser, t.url(pg), PAGES[pg].text, profile));
      results[profile][pg] = Object.fromEntries(
        Object.entries(samples).map(([name, s]) => [
          name,
          Object.fromEntries(["fcp", "lcp", "cls", "tbt", "longest", "bytes", "requests"].map((k) => [k, median(s.map((x) => x[k]))])),
        ]),
      );
    }
    if (photoTargets.length) {
      const samples = Object.fromEntries(photoTargets.map((t) => [t.name, []]));
      for (let i = 0; i < runs; i++)
        for (const t of photoTargets) samples[t.name].push(await measure(browser, t.url(), PHOTOS.text, profile));
      photos[profile] = Object.fromEntries(
        Object.entries(samples).map(([name, s]) => [
          name,
          Object.fromEntries(["lcp", "cls", "bytes"].map((k) => [k, median(s.map((x) => x[k]))])),
        ]),
      );
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}

// Bytes the first paint needs, gzip -9: the page, and its stylesheet if it links one (scripts
// do not block it).
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const articleFile = join(quireDir, PAGES.article.path, "index.html");
const linked = readFileSync(articleFile, "utf8").match(/<link rel="stylesheet" href="[^"]*?([^/"]+\.css)"/);
const firstPaintBytes = gz(articleFile) + (linked ? gz(join(quireDir, linked[1])) : 0);

const report = { date: new Date().toISOString(), runs, profiles: results, photos, firstPaintBytesGzip: firstPaintBytes };
mkdirSync("target/bench", { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 2));

const f = (x) => x.toFixed(0);
const { lines, say } = reporter();
say(runLine(browser.version(), "bench/first-load.mjs"));
const names = {
  quire: "quire (prerendered + WASM)",
  static: "the same page as one request: CSS inline, no script (the limit)",
  csr: "quire, prerender off (pure client-side)",
  docsify: "docsify 4.13.1 + front-matter plugin",
};
for (const [profile, byPage] of Object.entries(results)) {
  const p = PROFILES[profile];
  const desc = profile === "throttled" ? `${p.latency} ms RTT, 1.6 Mbit/s, ${p.cpu}× CPU` : "no throttling";
  for (const [pg, r] of Object.entries(byPage)) {
    say("");
    say(`**${pg}, ${profile}** (${desc}; median of ${runs} cold loads each, interleaved):`);
    say("");
    say("| case | FCP ms | LCP ms | CLS | blocking ms (long tasks − 50) | longest task ms | bytes on the wire | requests | LCP ÷ limit | LCP ÷ docsify |");
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const [name, m] of Object.entries(r))
      say(
        `| ${names[name]} | ${f(m.fcp)} | ${f(m.lcp)} | ${m.cls.toFixed(3)} | ${f(m.tbt)} | ${f(m.longest)} | ${m.bytes} | ${m.requests} | ${(m.lcp / r.static.lcp).toFixed(2)} | ${(m.lcp / r.docsify.lcp).toFixed(2)} |`,
      );
    if (profile === "throttled") {
      const q = r.quire;
      const ok = (c) => (c ? "met" : "**missed**");
      say("");
      say(
        `Budget (issue 14): LCP ≤ 1.1 × the limit: ${(q.lcp / r.static.lcp).toFixed(2)}, ${ok(q.lcp <= 1.1 * r.static.lcp)}; ≤ 0.5 × docsify: ${(q.lcp / r.docsify.lcp).toFixed(2)}, ${ok(q.lcp <= 0.5 * r.docsify.lcp)}; CLS 0: ${ok(q.cls === 0)}.`,
      );
    }
  }
}
for (const [profile, r] of Object.entries(photos)) {
  say("");
  say(`**A post full of photos (7 images, tests/fixtures/blogs), ${profile}** (median of ${runs} cold loads):`);
  say("");
  say("| case | LCP ms | CLS | bytes on the wire |");
  say("|---|---:|---:|---:|");
  say(`| quire (image sizes from the build) | ${f(r.quire.lcp)} | ${r.quire.cls.toFixed(3)} | ${r.quire.bytes} |`);
  say(`| same page, no script, image sizes removed | ${f(r.unsized.lcp)} | ${r.unsized.cls.toFixed(3)} | ${r.unsized.bytes} |`);
}
say("");
say(`Bytes the article's first paint needs (its HTML${linked ? " + the stylesheet" : ", stylesheet inline"}, gzip -9): ${firstPaintBytes}.`);

// BENCHMARKS.md keeps the latest full run; --quick runs (make test) do not touch it.
if (!quick) writeSection("first-load", lines);
