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
