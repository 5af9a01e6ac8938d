// First load of the seed post's deep link, cold cache, in headless Chromium: quire (prerendered
// + WASM takeover), the same post as a plain static HTML page with the same CSS and no script
// (the limit), and quire's pure client-side build (prerender off). All three are served side by
// side by the same gzip-enabled static server, and measured in one run, interleaved.
//
//   node bench/first-load.mjs [--runs 5] [--quick] [--out target/bench/first-load.json]
//
// Expects target/bench/{quire,csr}/ (see `make bench`); writes target/bench/static/ itself.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { flag, launch, median, opt, reporter, runLine, writeSection } from "./lib.mjs";

const quick = flag("quick");
const runs = Number(opt("runs", quick ? "1" : "5"));
const outFile = opt("out", "target/bench/first-load.json");
const POST = "posts/golang-vs-python-for-backend/";
const TEXT = "If I must choose one for my every project";

const PROFILES = {
  throttled: { latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8, cpu: 4 },
  unthrottled: { latency: 0, down: -1, up: -1, cpu: 1 },
};
const profiles = quick ? ["unthrottled"] : ["throttled", "unthrottled"];

// The limit: quire's own prerendered page with every script and preload removed.
function makeStatic() {
  const dir = "target/bench/static";
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, POST), { recursive: true });
  for (const f of readdirSync("target/bench/quire")) if (f.endsWith(".css")) cpSync(join("target/bench/quire", f), join(dir, f));
  const html = readFileSync(join("target/bench/quire", POST, "index.html"), "utf8")
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
  writeFileSync(join(dir, POST, "index.html"), html);
}

const servers = [];
function serve(name, dir, port, extra = []) {
  const p = spawn("node", ["tests/e2e/static-server.mjs", "--dir", dir, "--port", String(port), "--gzip", ...extra], {
    stdio: "ignore",
  });
  servers.push(p);
  return { name, url: `http://127.0.0.1:${port}/${POST}` };
}

async function measure(browser, target, profile) {
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
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__lcp = e.renderTime || e.loadTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(target.url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction((t) => document.body.innerText.includes(t), TEXT, { timeout: 120_000 });
  // Let the app finish taking over (or the client-side build finish rendering).
  await page.waitForTimeout(1500);
  const m = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const lcp = window.__lcp;
    const nav = performance.getEntriesByType("navigation")[0];
    const resources = performance.getEntriesByType("resource");
    const before = [nav, ...resources]
      .filter((r) => r.responseEnd <= lcp)
      .reduce((sum, r) => sum + r.transferSize, 0);
    return { fcp, lcp, cls: window.__cls, bytesBeforeLcp: before };
  });
  m.bytes = finished.reduce((a, b) => a + b, 0);
  m.requests = finished.length;
  await context.close();
  return m;
}

makeStatic();
const targets = [
  serve("quire", "target/bench/quire", 4301),
  serve("static", "target/bench/static", 4302),
  serve("csr", "target/bench/csr", 4303, ["--spa"]),
];
await new Promise((r) => setTimeout(r, 500));

const browser = await launch();
const results = {};
const chromiumVersion = browser.version();
try {
  for (const profile of profiles) {
    const samples = Object.fromEntries(targets.map((t) => [t.name, []]));
    for (let i = 0; i < runs; i++) for (const t of targets) samples[t.name].push(await measure(browser, t, profile));
    results[profile] = Object.fromEntries(
      Object.entries(samples).map(([name, s]) => [
        name,
        Object.fromEntries(["fcp", "lcp", "cls", "bytes", "requests", "bytesBeforeLcp"].map((k) => [k, median(s.map((x) => x[k]))])),
      ]),
    );
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill();
}

// Bytes the first paint needs, gzip -9: the page and its stylesheet (scripts do not block it).
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const css = readdirSync("target/bench/quire").find((f) => f.endsWith(".css"));
const firstPaintBytes = gz(join("target/bench/quire", POST, "index.html")) + gz(join("target/bench/quire", css));

const report = { date: new Date().toISOString(), runs, profiles: results, firstPaintBytesGzip: firstPaintBytes };
mkdirSync("target/bench", { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 2));

const f = (x) => x.toFixed(0);
const { lines, say } = reporter();
say(runLine(chromiumVersion, "bench/first-load.mjs"));
const names = { quire: "quire (prerendered + WASM)", static: "static HTML, same CSS, no script (the limit)", csr: "quire, prerender off (pure client-side)" };
for (const [profile, r] of Object.entries(results)) {
  const p = PROFILES[profile];
  const desc = profile === "throttled" ? `${p.latency} ms RTT, 1.6 Mbit/s, ${p.cpu}× CPU` : "no throttling";
  say("");
  say(`**${profile}** (${desc}; median of ${runs} cold loads each, interleaved):`);
  say("");
  say("| case | FCP ms | LCP ms | CLS | bytes on the wire | requests | LCP ÷ static |");
  say("|---|---:|---:|---:|---:|---:|---:|");
  for (const [name, m] of Object.entries(r))
    say(`| ${names[name]} | ${f(m.fcp)} | ${f(m.lcp)} | ${m.cls.toFixed(3)} | ${m.bytes} | ${m.requests} | ${(m.lcp / r.static.lcp).toFixed(2)} |`);
}
say("");
say(`Bytes the article's first paint needs (its HTML + the stylesheet, gzip -9): ${firstPaintBytes}.`);

// BENCHMARKS.md keeps the latest full run; --quick runs (make test) do not touch it.
if (!quick) writeSection("first-load", lines);
