// Issue 22's cost: the build time of blogs with and without other generators' template code,
// quire's build tool now against the same tool before template code was expanded (commit
// bf1ed62 by default, built once into target/bench/before-*), interleaved run by run so both
// see the same machine. Posts without `{{` or `{%` must cost what they did.
//
//   node bench/templates.mjs [--runs 9] [--before REV|none] [--quick]
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { commit, flag, median, opt, reporter, runLine, writeSection } from "./lib.mjs";
import { makeSite } from "./synthetic.mjs";

const quick = flag("quick");
const runs = Number(opt("runs", quick ? "1" : "9"));
const before = opt("before", quick ? "none" : "bf1ed62");
const posts = Number(opt("posts", quick ? "20" : "1000"));
const root = "target/bench/templates";

const git = (...a) => execFileSync("git", a, { encoding: "utf8" }).trim();

/// The tool as the hook builds it (profile `tool`), from this tree or from `rev`.
function tool(rev) {
  if (!rev) {
    execFileSync("cargo", ["build", "--quiet", "--profile", "tool", "-p", "quire-build"], { stdio: "inherit" });
    return resolve("target/tool/quire-build");
  }
  const tree = resolve(`target/bench/before-${rev}`);
  const target = resolve("target/bench/before-target");
  const bin = join(target, "tool/quire-build");
  if (!existsSync(tree)) git("worktree", "add", "--detach", tree, rev);
  console.log(`building quire-build at ${rev} (once; minutes the first time)…`);
  execFileSync("cargo", ["build", "--quiet", "--profile", "tool", "-p", "quire-build"], {
    cwd: tree,
    env: { ...process.env, CARGO_TARGET_DIR: target },
    stdio: "inherit",
  });
  return bin;
}

/// trunk's staging folder as the hook finds it (the shell, hashed app and workers), captured
/// once by a trunk config whose only hook copies it: the tools then run on it as trunk runs them.
function staging() {
  const dir = resolve(root, "staging");
  const config = join(root, "Trunk.toml");
  writeFileSync(
    config,
    readFileSync("Trunk.toml", "utf8")
      .replace(/^target = "index.html"$/m, 'target = "../../../index.html"')
      .replace(/^dist = .*$/m, "")
      .replace(/\[watch\][\s\S]*/, "")
      .concat(
        '[[hooks]]\nstage = "post_build"\ncommand = "sh"\ncommand_arguments = ["-c", "rm -rf \\"$QUIRE_BENCH_STAGING\\" && cp -r \\"$TRUNK_STAGING_DIR\\" \\"$QUIRE_BENCH_STAGING\\""]\n',
      ),
  );
  execFileSync("trunk", ["build", "--release", "--config", config, "--dist", join(root, "trunk-dist"), "--public-url", "/"], {
    env: { ...process.env, QUIRE_BENCH_STAGING: dir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return dir;
}

/// One release build of `site` (pages, data, feeds: what the trunk hook does) in ms.
function buildMs(bin, site) {
  const out = join(root, "out");
  rmSync(out, { recursive: true, force: true });
  if (shell) cpSync(shell, out, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(bin, ["build", "--root", site, "--out", out, "--release"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && !/published/.test(r.stderr)) throw new Error(`${bin} failed on ${site}:\n${r.stderr.slice(-2000)}`);
  return ms;
}

const countPosts = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && /\.(md|markdown)$/.test(e.name) && !e.name.startsWith("_index")).length;

const blogs = [
  { name: "tests/fixtures/blogs (Jekyll, Hugo, Zola, Astro posts; 5 with template code)", site: "tests/fixtures/blogs" },
  { name: `${posts.toLocaleString("en")} synthetic posts, no template code`, site: makeSite(root, posts) },
  { name: `${posts.toLocaleString("en")} synthetic posts, each with a figure, ref, post_url, highlight, raw and video`, site: makeSite(root, posts, { templates: true }) },
];
// The smoke run (in `make test`) skips trunk: its tools then write data and feeds, not pages.
const shell = quick ? null : staging();
const bins = { after: tool(null), ...(before === "none" ? {} : { before: tool(before) }) };

const rows = [];
for (const blog of blogs) {
  const times = { before: [], after: [] };
  for (const which of Object.keys(bins)) buildMs(bins[which], blog.site); // warm the file cache
  for (let i = 0; i < runs; i++) for (const which of Object.keys(bins)) times[which].push(buildMs(bins[which], blog.site));
  rows.push({ ...blog, files: countPosts(join(blog.site, "public")), before: times.before.length ? median(times.before) : NaN, after: median(times.after) });
  console.log(`${blog.name}: done`);
}

const { lines, say } = reporter();
const ms = (x) => (Number.isNaN(x) ? "–" : Math.round(x).toLocaleString("en"));
say(runLine(null, "bench/templates.mjs"));
say("");
say(`\`quire-build build --release\` (profile \`tool\`, the trunk hook's whole work: pages, data, feeds, search index), ${runs} runs of each tool interleaved, median ms:`);
say("");
say(`| blog | Markdown files | before (${before}) ms | after (${commit()}) ms | after / before |`);
say("|---|---:|---:|---:|---:|");
for (const r of rows) say(`| ${r.name} | ${r.files.toLocaleString("en")} | ${ms(r.before)} | ${ms(r.after)} | ${Number.isNaN(r.before) ? "–" : (r.after / r.before).toFixed(2)} |`);
if (!quick) writeSection("templates", lines);
