// Markdown → HTML throughput in one Chromium page: quire's whole pipeline (pulldown-cmark, the
// sanitiser, URL policy, heading ids) in the shipped release WASM (the renderer worker's
// module, crates/quire-render, loaded into the page so all three run on one thread), against marked and
// markdown-it (npm, pinned) on the same text: the CommonMark spec and quire's own posts,
// repeated to at least 2 MB.
//
//   node bench/throughput.mjs [--runs 7] [--quick] [--quire DIR]
//
// Each run renders the whole text once per library, in turn; the table reports medians.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { flag, launch, median, opt, reporter, runLine, sleep, writeSection } from "./lib.mjs";

const quick = flag("quick");
const runs = Number(opt("runs", quick ? "1" : "9"));
const quireDir = opt("quire", "target/bench/quire");
const MIN_BYTES = quick && !flag("full-size") ? 200_000 : 2 * 1024 * 1024;

// Real Markdown: the spec (prose, lists, code, tables of examples) and the blog's posts
// without their front matter.
const posts = readdirSync("public/posts")
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(join("public/posts", f), "utf8").replace(/^(---|\+\+\+)\n[\s\S]*?\n\1\n/, ""));
const unit = [readFileSync("tests/fixtures/commonmark/spec.txt", "utf8"), ...posts].join("\n\n");
let text = unit;
while (Buffer.byteLength(text) < MIN_BYTES) text += "\n\n" + unit;
const bytes = Buffer.byteLength(text);

const server = spawn("node", ["tests/e2e/static-server.mjs", "--dir", quireDir, "--port", "4321"], { stdio: "ignore" });
await sleep(500);
const browser = await launch();
let results;
try {
  // The page's CSP allows only its own scripts; the libraries are added by the test harness.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto("http://127.0.0.1:4321/");
  // The renderer's files, named by the loader the page points to.
  const loader = await page.locator('meta[name="quire-render"]').getAttribute("content");
  const hash = loader.match(/-loader-([0-9a-f]+)\.js$/)[1];
  await page.addScriptTag({ url: `/quire-render-${hash}.js` });
  await page.evaluate((wasm) => wasm_bindgen({ module_or_path: wasm }), `/quire-render-${hash}_bg.wasm`);
  await page.addScriptTag({ path: "node_modules/marked/lib/marked.umd.js" });
  await page.addScriptTag({ path: "node_modules/markdown-it/dist/markdown-it.min.js" });
  results = await page.evaluate(
    ({ text, runs }) => {
      const md = window.markdownit();
      const libs = {
        quire: (s) => wasm_bindgen.render_markdown(s),
        marked: (s) => window.marked.parse(s),
        "markdown-it": (s) => md.render(s),
      };
      const out = Object.fromEntries(Object.keys(libs).map((k) => [k, { ms: [], htmlBytes: 0 }]));
      // One warm-up each (JIT, WASM tier-up), then interleaved timed runs.
      for (const [name, f] of Object.entries(libs)) out[name].htmlBytes = f(text).length;
      for (let i = 0; i < runs; i++)
        for (const [name, f] of Object.entries(libs)) {
          const t0 = performance.now();
          f(text);
          out[name].ms.push(performance.now() - t0);
        }
      return out;
    },
    { text, runs },
  );
  await context.close();
} finally {
  await browser.close();
  server.kill();
}

const { lines, say } = reporter();
const mb = bytes / (1024 * 1024);
const med = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v.ms)]));
const versions = {
  quire: "quire (release WASM, whole pipeline)",
  marked: `marked ${JSON.parse(readFileSync("node_modules/marked/package.json", "utf8")).version}`,
  "markdown-it": `markdown-it ${JSON.parse(readFileSync("node_modules/markdown-it/package.json", "utf8")).version}`,
};
say(runLine(browser.version(), "bench/throughput.mjs"));
say("");
say(`${bytes.toLocaleString("en")} bytes of Markdown (the CommonMark spec and quire's posts, repeated); median of ${runs} runs each, interleaved, in one page:`);
say("");
say("| renderer | ms (median) | ms (min – max) | MB/s | throughput ÷ marked |");
say("|---|---:|---:|---:|---:|");
for (const [k, ms] of Object.entries(med)) {
  const xs = results[k].ms;
  say(
    `| ${versions[k]} | ${ms.toFixed(1)} | ${Math.min(...xs).toFixed(1)} – ${Math.max(...xs).toFixed(1)} | ${(mb / (ms / 1000)).toFixed(1)} | ${(med.marked / ms).toFixed(2)} |`,
  );
}
// The ratio run by run (each run times all three in turn, so a busy moment hits them alike).
const ratios = results.quire.ms.map((q, i) => results.marked.ms[i] / q);
say("");
say(
  `quire ÷ marked run by run: median ${median(ratios).toFixed(2)}, min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)} over ${runs} runs. Budget (issue 14): ≥ 4 in every run: ${Math.min(...ratios) >= 4 ? "met" : "**missed**"}.`,
);
if (!quick) writeSection("throughput", lines);
