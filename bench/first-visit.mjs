// What a first visit runs (issue 27): for the seed article and the index, cold, every request
// and every main-thread task over 50 ms in the first 10 s, each with what caused it (WASM
// compile or instantiate, the app's takeover render, the boot script, the service worker's
// registration, comments, analytics, the workers), from a Chromium trace. The mobile CPU
// (4× slower, as Lighthouse's profile) and its network (150 ms RTT, 1.6 Mbit/s). Also the bytes
// the page loads before it is idle (the budget: 30 KB gzip) and in all (220 KB).
//
//   node bench/first-visit.mjs [--quick] [--quire DIR] [--seconds 10] [--label before|after]
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { flag, launch, opt, reporter, runLine, sleep, writeSection } from "./lib.mjs";

const quick = flag("quick");
const quireDir = opt("quire", "target/bench/quire");
const seconds = Number(opt("seconds", quick ? "3" : "10"));
const PAGES = { article: "posts/golang-vs-python-for-backend/", index: "" };
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8", "v8.wasm", "blink.user_timing", "loading"];

const port = 4332;
// Caching as `_headers` asks (hashed files immutable), as a host deploying dist/ does.
const server = spawn("node", ["tests/e2e/static-server.mjs", "--dir", quireDir, "--port", String(port), "--gzip", "--cache"], { stdio: "ignore" });
await sleep(400);

const file = (url) => (url ? new URL(url).pathname.replace(/^\//, "") || "index.html" : "");
// What kind of work a trace event is.
function kind(e) {
  const n = e.name;
  if (/wasm/i.test(n) || /wasm/i.test(e.cat)) return "wasm";
  if (n === "ParseHTML") return "HTML parse";
  if (/^(Layout|UpdateLayoutTree|RecalculateStyles|Paint|PrePaint|Layerize|UpdateLayer|HitTest|IntersectionObserverController::computeIntersections)$/.test(n)) return "style, layout and paint";
  if (/GC|GarbageCollection/.test(n)) return "garbage collection";
  if (/^(EvaluateScript|v8\.compile|v8\.run|FunctionCall|TimerFire|FireAnimationFrame|EventDispatch|v8\.callFunction|RunMicrotasks|FireIdleCallback|v8\.evaluateModule|v8\.produceModuleCache)$/.test(n)) return "script";
  return null;
}
const urlOf = (e) => e.args?.data?.url || e.args?.data?.scriptName || e.args?.beginData?.url || e.args?.url || "";

// What a task was doing: its direct pieces of work, summed by kind; the largest names it, with
// the script it ran (boot.js, the app's glue, the service worker, comments, analytics, a worker).
function cause(children) {
  const direct = [];
  for (const c of children.filter((c) => kind(c)).sort((a, b) => a.ts - b.ts)) {
    const last = direct.at(-1);
    if (!last || c.ts >= last.ts + (last.dur || 0)) direct.push(c);
  }
  const sums = new Map();
  for (const c of direct) sums.set(kind(c), (sums.get(kind(c)) || 0) + (c.dur || 0));
  const [top] = [...sums.entries()].sort((a, b) => b[1] - a[1])[0] || [];
  const url = file(children.map(urlOf).find((u) => /^https?:/.test(u)));
  const who = /sw\.js$/.test(url)
    ? "the service worker"
    : /boot\.js$/.test(url)
      ? "boot.js"
      : /^quire-[0-9a-f]+(_bg\.wasm|\.js)$/.test(url)
        ? "the app"
        : /_loader|quire-(search|render|preview)/.test(url)
          ? `a worker's start (${url})`
          : /comments|giscus|utteranc|analytics|plausible|goatcounter/i.test(url)
            ? url
            : "";
  if (top === "wasm" || (top === "script" && who === "the app")) {
    const compiled = children.some((c) => /compile/i.test(c.name) && /wasm/i.test(c.name + c.cat));
    return `the app: WASM ${compiled ? "compile and run" : "instantiate and run"} (takeover)`;
  }
  if (top === "script") return `script: ${who || url || "inline"}`;
  if (!top) return "unattributed (browser work)";
  return who ? `${top} (after ${who})` : top;
}

async function visit(browser, path) {
  const context = await browser.newContext();
  let t0 = Date.now();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  // The page's requests and its service worker's (which Playwright reports too).
  const requests = [];
  context.on("requestfinished", async (r) => {
    const sizes = await r.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
    const timing = r.timing();
    // A request with no timing (the worker's script itself): when it finished.
    if (!(timing.startTime > 0)) Object.assign(timing, { startTime: Date.now(), responseEnd: 0 });
    requests.push({
      url: r.url(),
      type: r.serviceWorker() ? `${r.resourceType()} (service worker)` : r.resourceType(),
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      start: timing.startTime - t0,
      end: timing.startTime - t0 + timing.responseEnd,
    });
  });
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: CATEGORIES }, transferMode: "ReportEvents" });
  t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/${path}`, { waitUntil: "commit" });
  // In page time (from navigation), as the requests are (from t0, just before it).
  const idle = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        // The page is idle once it has loaded and the main thread had a quiet second.
        const quiet = () => requestIdleCallback(() => resolve(performance.now()), { timeout: ms });
        if (document.readyState === "complete") quiet();
        else addEventListener("load", quiet, { once: true });
      }),
    seconds * 1000,
  );
  await sleep(Math.max(0, seconds * 1000 - (Date.now() - t0)));
  const marks = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)]));
  await cdp.send("Tracing.end");
  await done;
  await context.close();

  // The renderer's main thread, and the navigation's start as time zero.
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((t) => t.pid === e.pid && t.name === "ParseHTML"));
  const nav = events.find((e) => e.name === "navigationStart" && e.pid === main?.pid) || events.find((e) => e.name === "TracingStartedInBrowser");
  const zero = nav?.ts ?? 0;
  const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === "X");
  const tasks = onMain
    .filter((e) => e.name === "RunTask" && e.dur > 50_000 && e.ts >= zero && e.ts - zero < seconds * 1e6)
    .map((t) => ({
      start: (t.ts - zero) / 1000,
      ms: t.dur / 1000,
      cause: cause(onMain.filter((c) => c !== t && c.ts >= t.ts && c.ts + (c.dur || 0) <= t.ts + t.dur)),
    }));
  const list = requests
    .filter((r) => r.url.startsWith("http"))
    .map((r) => ({ ...r, file: file(r.url) }))
    .sort((a, b) => a.start - b.start);
  return { idle, marks, tasks, requests: list };
}

const browser = await launch();
const results = {};
try {
  for (const [name, path] of Object.entries(PAGES)) results[name] = await visit(browser, path);
} finally {
  await browser.close();
  server.kill();
}
writeFileSync("target/bench/first-visit.json", JSON.stringify(results, null, 1));

const { lines, say } = reporter();
const n = (x) => Math.round(x).toLocaleString("en");
say(runLine(browser.version(), "bench/first-visit.mjs"));
say("");
say(`Cold first visit, 4× CPU slowdown, 150 ms RTT and 1.6 Mbit/s (Lighthouse's mobile profile, applied by the browser), traced for ${seconds} s.`);
for (const [name, r] of Object.entries(results)) {
  const before = r.requests.filter((q) => q.start <= r.idle);
  const sum = (qs) => qs.reduce((a, q) => a + q.bytes, 0);
  say("");
  say(
    `**${name}**: idle (loaded, then a quiet main thread) at ${n(r.idle)} ms; ${before.length} requests, ${n(sum(before))} B on the wire before idle; ${r.requests.length} requests, ${n(sum(r.requests))} B in ${seconds} s. Marks: ${r.marks.map(([m, t]) => `${m} ${n(t)} ms`).join(", ") || "none"}.`,
  );
  say("");
  say("| main-thread task over 50 ms | starts at ms | lasts ms |");
  say("|---|---:|---:|");
  for (const t of r.tasks) say(`| ${t.cause} | ${n(t.start)} | ${n(t.ms)} |`);
  if (!r.tasks.length) say("| none | | |");
  say("");
  say("| request | type | B on the wire | starts at ms | ends at ms |");
  say("|---|---|---:|---:|---:|");
  for (const q of r.requests) say(`| ${q.file} | ${q.type} | ${n(q.bytes)} | ${n(q.start)} | ${n(q.end)} |`);
}
if (!quick) writeSection(`first-visit-${opt("label", "after")}`, lines);
