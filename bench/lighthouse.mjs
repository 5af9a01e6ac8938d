// Lighthouse (npm, pinned in bench/lighthouse/package.json) on the seed post's article and the
// index: the release build on the plain static server (gzip), Lighthouse's default mobile
// profile (simulated 150 ms RTT, 1.6 Mbit/s, 4× CPU), in this machine's Chromium. Reports the
// four category scores, LCP and Total Blocking Time (medians of --runs), and every audit that
// did not pass.
//
//   node bench/lighthouse.mjs [--runs 3] [--quick] [--quire DIR]
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { flag, median, opt, reporter, runLine, sleep, writeSection } from "./lib.mjs";

const quick = flag("quick");
const runs = Number(opt("runs", quick ? "1" : "3"));
const quireDir = opt("quire", "target/bench/quire");
const PAGES = { article: "posts/golang-vs-python-for-backend/", index: "" };
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

if (!existsSync("bench/lighthouse/node_modules/lighthouse")) {
  console.error("Lighthouse is not installed: run `make setup-bench` (npm ci in bench/lighthouse).");
  process.exit(1);
}
const require = createRequire(new URL("./lighthouse/package.json", import.meta.url));
const { default: lighthouse } = await import(require.resolve("lighthouse"));
const chromeLauncher = await import(require.resolve("chrome-launcher"));

const port = 4331;
const server = spawn("node", ["tests/e2e/static-server.mjs", "--dir", quireDir, "--port", String(port), "--gzip"], { stdio: "ignore" });
await sleep(500);

const results = {};
let version = "";
try {
  for (const [name, path] of Object.entries(PAGES)) {
    results[name] = [];
    for (let i = 0; i < runs; i++) {
      // A fresh browser for each run: a cold cache, as a first visit.
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
        chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      });
      try {
        const { lhr } = await lighthouse(`http://127.0.0.1:${port}/${path}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: CATEGORIES,
        });
        version = `${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ""}`;
        if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        // Audits that count towards a score (weight > 0) and did not pass.
        const weighted = new Set(CATEGORIES.flatMap((c) => lhr.categories[c].auditRefs.filter((r) => r.weight > 0).map((r) => r.id)));
        const failing = Object.values(lhr.audits)
          .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1)
          .map((a) => `${a.id} (${a.score}${a.displayValue ? `, ${a.displayValue}` : ""})`);
        results[name].push({
          scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
          lcp: lhr.audits["largest-contentful-paint"].numericValue,
          tbt: lhr.audits["total-blocking-time"].numericValue,
          failing,
        });
      } finally {
        await chrome.kill();
      }
    }
  }
} finally {
  server.kill();
}

const { lines, say } = reporter();
say(runLine(version.replace(/^.*Chrome\//, ""), "bench/lighthouse.mjs"));
say("");
say(`Lighthouse ${version.split(",")[0]}, mobile profile (simulated throttling), median of ${runs} cold runs per page; release build on the plain static server with gzip.`);
say("");
say("| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | scored audits not passed (in any run) |");
say("|---|---:|---:|---:|---:|---:|---:|---|");
for (const [name, rs] of Object.entries(results)) {
  const m = (f) => median(rs.map(f));
  const failing = [...new Set(rs.flatMap((r) => r.failing))];
  say(
    `| ${name} | ${CATEGORIES.map((c) => m((r) => r.scores[c])).join(" | ")} | ${m((r) => r.lcp).toFixed(0)} | ${m((r) => r.tbt).toFixed(0)} | ${failing.join("; ") || "none"} |`,
  );
}
const all100 = Object.values(results).every((rs) => CATEGORIES.every((c) => median(rs.map((r) => r.scores[c])) === 100));
const tbtOk = Object.values(results).every((rs) => median(rs.map((r) => r.tbt)) <= 50);
say("");
say(`Budget (issue 14): 100 in every category on both pages: ${all100 ? "met" : "**missed**"}; TBT ≤ 50 ms: ${tbtOk ? "met" : "**missed**"}.`);
if (!quick) writeSection("lighthouse", lines);
