// The draft preview (/preview/, issue 16): from a keystroke in the editor to the page beside it
// showing the result, at 10 KB and 100 KB of Markdown, in Chromium against a release build.
// Each keystroke waits for its render before the next (the worker renders the newest text
// only, so faster typing coalesces); the page's main thread is free meanwhile, which the
// longest task during typing shows.
//
//   node bench/preview.mjs [--runs 40] [--quick] [--quire DIR]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { flag, launch, median, opt, reporter, runLine, sleep, writeSection } from "./lib.mjs";

const quick = flag("quick");
const runs = Number(opt("runs", quick ? "5" : "40"));
const quireDir = opt("quire", "target/bench/quire");

// The seed post: its front matter once, its body repeated up to the size.
const seed = readFileSync("public/posts/golang-vs-python-for-backend.md", "utf8");
const [, front, body] = seed.match(/^(---\n[\s\S]*?\n---\n)([\s\S]*)$/);
const draft = (size) => {
  let text = front + body;
  while (Buffer.byteLength(text) < size) text += "\n\n" + body;
  return text;
};
const sizes = quick ? [10_000] : [10_000, 100_000];

const server = spawn("node", ["tests/e2e/static-server.mjs", "--dir", quireDir, "--port", "4322"], { stdio: "ignore" });
await sleep(500);
const browser = await launch();
const rows = [];
try {
  for (const size of sizes) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto("http://127.0.0.1:4322/preview/");
    const text = draft(size);
    await page.locator("#preview-text").fill(text);
    await page.locator("#preview-output h1").waitFor({ timeout: 60_000 });
    await page.locator("#preview-text").focus();
    await page.evaluate(() => {
      const t = document.getElementById("preview-text");
      t.setSelectionRange(t.value.length, t.value.length);
      window.__times = [];
      window.__longest = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: "longtask" });
    });
    for (let i = 0; i < runs; i++) {
      const ms = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const out = document.getElementById("preview-output");
            let t0;
            const seen = new MutationObserver(() => {
              seen.disconnect();
              resolve(performance.now() - t0);
            });
            seen.observe(out, { childList: true, subtree: true, characterData: true });
            t0 = performance.now();
            const t = document.getElementById("preview-text");
            t.setRangeText("x", t.value.length, t.value.length, "end");
            t.dispatchEvent(new InputEvent("input", { bubbles: true, data: "x", inputType: "insertText" }));
          }),
      );
      rows.push({ size, ms });
    }
    const longest = await page.evaluate(() => window.__longest);
    rows.push({ size, longest });
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}

const { lines, say } = reporter();
say(runLine(browser.version(), "bench/preview.mjs"));
say("");
say(`From a keystroke to the preview updated (the worker reads and renders the whole draft, the page lays it in), ${runs} keystrokes each, one at a time:`);
say("");
say("| draft | median ms | p90 ms | max ms | longest main-thread task while typing |");
say("|---:|---:|---:|---:|---:|");
for (const size of sizes) {
  const ms = rows.filter((r) => r.size === size && r.ms !== undefined).map((r) => r.ms).sort((a, b) => a - b);
  const longest = rows.find((r) => r.size === size && r.longest !== undefined).longest;
  const p90 = ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.9))];
  say(
    `| ${(size / 1000).toFixed(0)} KB | ${median(ms).toFixed(1)} | ${p90.toFixed(1)} | ${ms.at(-1).toFixed(1)} | ${longest ? `${longest.toFixed(0)} ms` : "none over 50 ms"} |`,
  );
}
const ten = rows.filter((r) => r.size === 10_000 && r.ms !== undefined).map((r) => r.ms);
say("");
say(`Budget (issue 16): ≤ 16 ms median at 10 KB: ${median(ten) <= 16 ? "met" : "**missed**"} (${median(ten).toFixed(1)} ms).`);
if (!quick) writeSection("preview", lines);
