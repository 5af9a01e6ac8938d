// What several specs share: waiting for the app, and failing a test on any panic or uncaught
// error in its page.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The app takes over the prerendered page on the reader's first intent (boot.js): here, a
// pointer over the page. It has once boot.js says so.
export async function started(page) {
  await page.evaluate(() => window.wasmBindings || dispatchEvent(new PointerEvent("pointerover")));
  await page.waitForFunction(() => window.wasmBindings !== undefined);
}

// Every test of the calling spec also fails on a panic or an uncaught error in the page.
export function failOnPageErrors() {
  test.beforeEach(async ({ page }, testInfo) => {
    const problems = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && /panicked|RuntimeError|unreachable/.test(m.text())) problems.push(m.text());
    });
    testInfo.problems = problems;
  });
  test.afterEach(async ({}, testInfo) => {
    expect(testInfo.problems, "no panic or uncaught error in the page").toEqual([]);
  });
}

// Each selector's first element: its text colour against the first opaque background behind it.
export function contrasts(selectors) {
  const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const bg = getComputedStyle(document.body).backgroundColor;
  const out = {};
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    if (!el) continue;
    let back = bg;
    for (let n = el; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c && !c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") {
        back = c;
        break;
      }
    }
    out[sel] = ratio(getComputedStyle(el).color, back);
  }
  return out;
}

// The project's build (root or /blog/, or `dist` under the project's base), copied so a test
// may change it, served by a static server of the test's own, which the test can stop (the
// network down) or edit (a new build).
export async function ownSite(testInfo, dist) {
  const base = new URL(testInfo.project.use.baseURL).pathname;
  dist ||= base === "/" ? "target/e2e/dist-root" : "target/e2e/dist-blog";
  const dir = await mkdtemp(join(tmpdir(), "quire-offline-"));
  await cp(dist, dir, { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  let server;
  const up = () =>
    new Promise((resolve, reject) => {
      server = spawn("node", ["tests/e2e/static-server.mjs", "--dir", dir, "--port", String(port), "--base", base]);
      server.stdout.once("data", resolve);
      server.once("error", reject);
    });
  await up();
  return {
    dir,
    url: (path = "") => `http://127.0.0.1:${port}${base}${path}`,
    // The network down: nothing answers any more.
    down: () => new Promise((resolve) => (server.once("exit", resolve), server.kill())),
    async close() {
      server.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// Layout shifts since the page started, as the browser counts them for CLS.
export async function layoutShift(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
}
