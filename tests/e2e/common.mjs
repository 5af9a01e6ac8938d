// What several specs share: waiting for the app, and failing a test on any panic or uncaught
// error in its page.
import { test, expect } from "@playwright/test";

// The app has taken over the prerendered page once boot.js says so.
export async function started(page) {
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
