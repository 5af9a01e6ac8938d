// What a reader downloads, file by file (raw, gzip -9, brotli -q 11), what a first load of an
// article adds up to, and the largest contributors to the WASM (twiggy), so a size regression
// has a culprit.
//
//   node bench/bundle.mjs [--dist target/bench/quire] [--quick]
//
// twiggy reads the WASM after wasm-bindgen but before wasm-opt (made here from cargo's output),
// where functions still have names; the shipped file is smaller, and the ranking is what matters.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { flag, opt, reporter, writeSection } from "./lib.mjs";

const quick = flag("quick");
const dist = opt("dist", "target/bench/quire");
const rawWasm = opt("wasm", "target/wasm32-unknown-unknown/release/quire.wasm");
const ARTICLE = "posts/golang-vs-python-for-backend/index.html";
// The first-load budget of issue 4, gzip.
const BUDGET = 130 * 1024;

const files = readdirSync(dist);
const find = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`no file matching ${re} in ${dist}`);
  return f;
};
const sizes = (path) => {
  const b = readFileSync(join(dist, path));
  return {
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const rows = [
  ["WASM", find(/^quire-[0-9a-f]{12,16}_bg\.wasm$/)],
  ["JS (wasm-bindgen glue)", find(/^quire-[0-9a-f]{12,16}\.js$/)],
  ["JS (boot.js)", "boot.js"],
  ["CSS (inline in every page; the file stays for old pages)", find(/\.css$/)],
  ["article HTML (prerendered)", ARTICLE],
  ["index HTML (prerendered)", "index.html"],
  ["article data (in-app navigation)", "posts/golang-vs-python-for-backend.json"],
  ["article Markdown (in-app navigation)", "posts/golang-vs-python-for-backend.md"],
  ["search worker WASM (first search)", find(/^quire-search-[0-9a-f]{12,16}_bg\.wasm$/)],
  ["search worker JS (first search)", find(/^quire-search-[0-9a-f]{12,16}\.js$/)],
  ["search worker loader (first search)", find(/^quire-search-loader-[0-9a-f]{12,16}\.js$/)],
  ["search index (first search)", "search/index.json"],
  ["renderer worker WASM (when idle)", find(/^quire-render-[0-9a-f]{12,16}_bg\.wasm$/)],
  ["renderer worker JS (when idle)", find(/^quire-render-[0-9a-f]{12,16}\.js$/)],
  ["renderer worker loader (when idle)", find(/^quire-render-loader-[0-9a-f]{12,16}\.js$/)],
].map(([what, path]) => ({ what, path, ...sizes(path) }));

const { lines, say } = reporter();
const n = (x) => x.toLocaleString("en");
say(`Sizes of \`${dist}\` (release), measured ${new Date().toISOString().slice(0, 10)}; command: \`${process.env.BENCH_COMMAND || "node bench/bundle.mjs"}\`.`);
say("");
say("| file | raw B | gzip -9 B | brotli -q 11 B |");
say("|---|---:|---:|---:|");
for (const r of rows) say(`| ${r.what} (\`${r.path}\`) | ${n(r.raw)} | ${n(r.gzip)} | ${n(r.brotli)} |`);
const sum = (names, k) => rows.filter((r) => names.includes(r.what)).reduce((a, r) => a + r[k], 0);
// The page carries its stylesheet since issue 14; a page that still links one pays for it.
const linksCss = /<link rel="stylesheet"/.test(readFileSync(join(dist, ARTICLE), "utf8"));
const paint = ["article HTML (prerendered)", ...(linksCss ? [rows[3].what] : [])];
const whole = [...paint, "JS (boot.js)", "JS (wasm-bindgen glue)", "WASM"];
const search = rows.filter((r) => r.what.endsWith("(first search)")).map((r) => r.what);
const idle = rows.filter((r) => r.what.endsWith("(when idle)")).map((r) => r.what);
say("");
say(
  `First paint of an article deep link (${linksCss ? "HTML + CSS" : "its HTML, stylesheet inline: one response"}): ${n(sum(paint, "gzip"))} B gzip, ${n(sum(paint, "brotli"))} B brotli.`,
);
say(`The first search adds (worker and this site's index; nothing of it before): ${n(sum(search, "gzip"))} B gzip, ${n(sum(search, "brotli"))} B brotli.`);
say(`Once the page is idle, the renderer worker (the Markdown pipeline, for articles the app has no HTML for): ${n(sum(idle, "gzip"))} B gzip.`);
say(`The app's WASM against issue 14's budget (≤ 200 KB gzip): ${n(rows[0].gzip)} B, ${rows[0].gzip <= 200 * 1024 ? "met" : "**missed**"}.`);
say(
  `Whole first load once the app has started (HTML + JS + WASM): ${n(sum(whole, "gzip"))} B gzip ` +
    `(${((100 * sum(whole, "gzip")) / BUDGET).toFixed(0)} % of the 130 KB budget), ${n(sum(whole, "brotli"))} B brotli.`,
);

let twiggy = null;
try {
  execFileSync("twiggy", ["--version"], { stdio: "ignore" });
  twiggy = "twiggy";
} catch {}
if (!twiggy || !existsSync(rawWasm)) {
  if (!quick) throw new Error("twiggy and the release WASM are needed: run `make bench`");
  console.log(`\n(twiggy or ${rawWasm} missing: contributors skipped in --quick)`);
} else {
  const out = "target/bench/twiggy";
  execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", out, rawWasm]);
  const bound = join(out, "quire_bg.wasm");
  const items = JSON.parse(execFileSync(twiggy, ["top", "--format", "json", bound], { maxBuffer: 1 << 28 }).toString());
  // Names and wasm-bindgen's custom section never reach the reader (wasm-opt strips them).
  const code = items.filter((i) => !/custom section|subsection/.test(i.name));
  const total = code.reduce((a, i) => a + i.shallow_size, 0);
  const crateOf = (name) => {
    if (name.startsWith("data segment")) return "(data: string tables, constants)";
    const m = name.match(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    return m ? m[1] : "(wasm-bindgen glue, exports, tables)";
  };
  const byCrate = new Map();
  for (const i of code) byCrate.set(crateOf(i.name), (byCrate.get(crateOf(i.name)) ?? 0) + i.shallow_size);
  const pct = (x) => ((100 * x) / total).toFixed(1);
  say("");
  say(`Top 10 contributors to the WASM by crate (twiggy 0.8 on cargo's release WASM after wasm-bindgen, code and data only, ${n(total)} B before wasm-opt):`);
  say("");
  say("| crate | bytes | share |");
  say("|---|---:|---:|");
  for (const [c, b] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 10)) say(`| ${c} | ${n(b)} | ${pct(b)} % |`);
  say("");
  say("Top 10 single items:");
  say("");
  say("| item | bytes | share |");
  say("|---|---:|---:|");
  for (const i of code.slice(0, 10)) say(`| \`${i.name.replace(/::h[0-9a-f]{16}$/, "").replace(/\|/g, "\\|").slice(0, 110)}\` | ${n(i.shallow_size)} | ${pct(i.shallow_size)} % |`);
}
if (!quick) writeSection("bundle", lines);
