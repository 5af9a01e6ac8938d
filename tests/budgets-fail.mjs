// The byte-budget guard itself: a dist/ whose boot script grew past its budget fails, naming
// the file, its size and the budget (tests/budgets.mjs).
//
//   node tests/budgets-fail.mjs --dist DIR
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const dist = args[args.indexOf("--dist") + 1];
const copy = mkdtempSync(join(tmpdir(), "quire-budgets-"));
try {
  cpSync(dist, copy, { recursive: true });
  // Random text does not compress: 8 KB more on the wire.
  appendFileSync(join(copy, "boot.js"), `\n// ${randomBytes(6000).toString("base64")}\n`);
  const r = spawnSync("node", ["tests/budgets.mjs", "--dist", copy], { encoding: "utf8" });
  const said = /boot\.js \(the boot script\) is \d+ B gzip; the budget is 3072 B/.test(r.stderr);
  if (r.status !== 1 || !said) {
    console.error(`the budget guard let a 10 KB boot.js through (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  console.log("The byte-budget guard fails a dist/ that grew, naming the file and the budget.");
} finally {
  rmSync(copy, { recursive: true, force: true });
}
