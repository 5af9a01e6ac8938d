// Search crates measured (issue 5): quire's own matching against fst (with its Levenshtein
// automaton), levenshtein_automata (tantivy's DFA) and strsim, each built alone into a WASM
// module (release, opt-level z, wasm-opt -Oz, gzip -9; the JSON index loading they all need is
// the "base" row), and timed natively (profile `timing`, opt-level s as the app's search code)
// on the index bench/search.mjs builds for 10,000 synthetic posts. bench/search-crates/.
//
//   node bench/search-crates.mjs [--index target/bench/search/dist-10000/search/index.json] [--quick]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { flag, opt, reporter, writeSection } from "./lib.mjs";

const quick = flag("quick");
const index = opt("index", quick ? "target/e2e/dist-root/search/index.json" : "target/bench/search/dist-10000/search/index.json");
if (!existsSync(index)) throw new Error(`${index} is missing: run bench/search.mjs first (make bench does)`);
const dir = "bench/search-crates";
const target = "target/search-crates";
const cargo = (args) =>
  execFileSync("cargo", args, { cwd: dir, env: { ...process.env, CARGO_TARGET_DIR: `${process.cwd()}/${target}` }, maxBuffer: 1 << 26 }).toString();

const options = [
  ["base", "", "loading the index (serde_json) only"],
  ["quire", "quire", "quire_core::search: prefix range, Damerau-Levenshtein by dynamic programming, postings, ranking, filters"],
  ["fst", "fst-levenshtein", "fst 0.4 + its Levenshtein automaton: terms only (no transpositions)"],
  ["automata", "levenshtein-automata", "levenshtein_automata 0.2: a DFA per word, transpositions as one edit; terms only"],
  ["strsim", "strsim", "strsim 0.11 osa_distance over every term: terms only"],
];
const sizes = {};
for (const [name, feature] of options) {
  cargo(["build", "--quiet", "--release", "--lib", "--target", "wasm32-unknown-unknown", ...(feature ? ["--features", feature] : [])]);
  const wasm = `${target}/wasm32-unknown-unknown/release/search_crates.wasm`;
  const opt = `${target}/${name}.wasm`;
  execFileSync("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", wasm, "-o", opt]);
  sizes[name] = gzipSync(readFileSync(opt), { level: 9 }).length;
}
const lines_ = cargo(["run", "--quiet", "--profile", "timing", "--features", "fst-levenshtein,levenshtein-automata,strsim", "--", `${process.cwd()}/${index}`])
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));
const [meta, ...rows] = lines_;

const { lines, say } = reporter();
const f = (x) => Math.round(x).toLocaleString("en");
say(`Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; command: \`${process.env.BENCH_COMMAND ? "make bench" : `node bench/search-crates.mjs ${process.argv.slice(2).join(" ")}`.trim()}\`; index: ${f(meta.posts)} posts, ${f(meta.terms)} terms (as an fst: ${f(meta.fst_bytes)} B; as a JSON array: ${f(meta.terms_json_bytes)} B).`);
say("");
say("| option | WASM gzip B | over the base | what it does |");
say("|---|---:|---:|---|");
for (const [name, , what] of options) say(`| ${name} | ${f(sizes[name])} | ${name === "base" ? "–" : `+${f(sizes[name] - sizes.base)}`} | ${what} |`);
say("");
say("Native median of 21 runs, ms (what each found: posts for quire's whole query, terms for the others):");
say("");
say("| word | quire (posts) | fst (terms) | levenshtein_automata (terms) | strsim (terms) |");
say("|---|---:|---:|---:|---:|");
for (const r of rows) say(`| \`${r.word}\` | ${r.quire[1].toFixed(3)} (${f(r.quire[0])}) | ${r.fst[1].toFixed(3)} (${r.fst[0]}) | ${r.automata[1].toFixed(3)} (${r.automata[0]}) | ${r.strsim[1].toFixed(3)} (${r.strsim[0]}) |`);
if (!quick) writeSection("search-crates", lines);
