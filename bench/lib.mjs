// What every bench script shares: Chromium as the tests launch it, medians, the machine line,
// and writing a script's latest table into its section of BENCHMARKS.md.
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

export const args = process.argv.slice(2);
export const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
export const flag = (name) => args.includes(`--${name}`);

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/// The app takes over on the reader's first intent (src/boot.js): a pointer over the page, then
/// boot.js says it has.
export async function startApp(page, timeout = 30_000) {
  await page.evaluate(() => window.wasmBindings || dispatchEvent(new PointerEvent("pointerover")));
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// The commit measured, with `+` when the tree has uncommitted changes.
export function commit() {
  const git = (...a) => execFileSync("git", a, { encoding: "utf8" }).trim();
  return git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain", "--untracked-files=no") ? "+" : "");
}

/// "Run <date> on <machine>, commit <sha>; command: `…`." — the line every table starts with
/// (`browserVersion` null for scripts that use no browser).
export function runLine(browserVersion, script) {
  const browser = browserVersion ? `, Chromium ${browserVersion}` : "";
  const machine = `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB${browser}`;
  const date = new Date().toISOString().slice(0, 16).replace("T", " ");
  return `Run ${date} UTC on ${machine}, commit ${commit()}; command: \`${process.env.BENCH_COMMAND || `node ${script} ${args.join(" ")}`.trim()}\`.`;
}

/// Replaces what is between `<!-- name:start -->` and `<!-- name:end -->` in BENCHMARKS.md.
export function writeSection(name, lines) {
  const md = readFileSync("BENCHMARKS.md", "utf8");
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = md.indexOf(start);
  const j = md.indexOf(end);
  if (i < 0 || j < i) throw new Error(`BENCHMARKS.md has no ${start} … ${end} section`);
  writeFileSync("BENCHMARKS.md", md.slice(0, i + start.length) + "\n" + lines.join("\n") + "\n" + md.slice(j));
  console.log(`\nBENCHMARKS.md (${name}) updated.`);
}

/// console.log that also keeps the line for BENCHMARKS.md.
export function reporter() {
  const lines = [];
  const say = (l = "") => {
    console.log(l);
    lines.push(l);
  };
  return { lines, say };
}
